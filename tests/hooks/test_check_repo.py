"""The whole-repository pre-commit hook."""

from __future__ import annotations

import pytest

from conftest import MakeRepo
from oss_checks.hooks.check_repo import main


def test_runs_on_the_current_repository(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(make_repo({"README.md": "# x\n"}))
    assert main(["--select", "OSS102"]) == 1
    assert "LICENSE" in capsys.readouterr().out
    assert main(["--select", "OSS110"]) == 0


def test_file_findings_are_left_to_the_per_file_hook(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both hooks run on one commit: a staged .env must be reported once, not twice."""
    monkeypatch.chdir(make_repo({".env": "A=1\n", "README.md": "# x\n"}))
    assert main(["--select", "OSS405,OSS102"]) == 1
    out = capsys.readouterr().out
    assert "OSS102" in out
    assert "OSS405" not in out
