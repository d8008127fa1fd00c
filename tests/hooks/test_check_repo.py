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
    assert main(["--select", "OSS405"]) == 0
