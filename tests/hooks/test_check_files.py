"""The per-file pre-commit hook."""

from __future__ import annotations

import pytest

from conftest import MakeRepo
from oss_checks.hooks.check_files import main


def test_no_files_is_a_pass() -> None:
    assert main([]) == 0


def test_staged_files_are_checked(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(make_repo({".env": "A=1\n", "ok.py": "x = 1\n"}))
    assert main(["ok.py"]) == 0
    assert main(["--select", "OSS405", ".env"]) == 1
    assert ".env: OSS405" in capsys.readouterr().out


def test_a_file_named_like_an_option_is_still_a_file(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(make_repo({"--weird.py": "x = 1\n"}))
    assert main(["--", "--weird.py"]) == 0


def test_baseline_is_passed_through(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    from oss_checks.cli import main as cli_main

    monkeypatch.chdir(make_repo({".env": "A=1\n"}))
    assert cli_main(["check", "--select", "OSS405", "--write-baseline", "base.json"]) == 0
    assert main(["--select", "OSS405", "--baseline", "base.json", ".env"]) == 0


def test_a_clean_batch_prints_nothing(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(make_repo({"ok.py": "x = 1\n"}))
    assert main(["ok.py"]) == 0
    assert capsys.readouterr().out == ""
