"""The per-file pre-commit hook."""

from __future__ import annotations

import pytest

from conftest import MakeRepo, fresh_python
from oss_checks import catalog
from oss_checks.hooks.check_files import main
from oss_checks.registry import Family


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


def test_the_hook_imports_only_the_families_of_per_file_rules(make_repo: MakeRepo) -> None:
    """A commit pays for the rules it runs: families without a per-file rule stay unimported."""
    notebook = (
        '{"cells": [], "metadata": {"language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}'
    )
    root = make_repo({"analysis.ipynb": notebook, "a.py": "x = 1\n"})
    script = (
        "import sys; from oss_checks.hooks.check_files import main; code = main(['analysis.ipynb', 'a.py']); "
        "print(code, *sorted(m for m in sys.modules if m.startswith('oss_checks.rules.')))"
    )
    printed = fresh_python(script, cwd=root)
    exit_code, *families = printed.split()
    per_file = {Family.of_code(code) for code, (_name, is_file, _opt_in) in catalog.RULES.items() if is_file}
    assert exit_code == "0", printed
    assert families == sorted(f"oss_checks.rules.{family.name.lower()}" for family in per_file)
    assert len(families) < len(Family)
