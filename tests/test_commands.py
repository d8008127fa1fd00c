"""`oss-checks new`: bake from the template shipped with the plugin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oss_checks.cli import main


@pytest.mark.slow
def test_new_bakes_with_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["new", "--no-input", "-o", str(tmp_path), "project_name=Churn Model", "project_type=analysis"]
    )
    assert code == 0
    record = json.loads((tmp_path / "churn-model" / ".oss-template.json").read_text())
    assert record["answers"]["project_type"] == "analysis"
    assert "Project baked in" in capsys.readouterr().err


def test_refused_answers_leave_nothing_and_say_why_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["new", "--no-input", "-o", str(tmp_path), "package_name=class"])
    assert code == 2
    assert list(tmp_path.iterdir()) == []
    assert "Traceback" not in capsys.readouterr().err


def test_a_slug_with_a_separator_leaves_no_folder(tmp_path: Path) -> None:
    (tmp_path / "keep").mkdir()
    assert main(["new", "--no-input", "-o", str(tmp_path), "project_slug=a/b"]) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["keep"]


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (["colour=blue"], "unknown answer colour"),
        (["no-equals-sign"], "must look like key=value"),
        (["project_name="], "project_name: must not be empty"),
    ],
)
def test_bad_answer_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], answers: list[str], message: str
) -> None:
    assert main(["new", "--no-input", "-o", str(tmp_path), *answers]) == 2
    assert message in capsys.readouterr().err
