"""`oss-checks new`: bake from the template shipped with the plugin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oss_checks.cli import main


@pytest.mark.slow
def test_new_bakes_with_answers_and_says_so_once(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["new", "--no-input", "-o", str(tmp_path), "project_name=Churn Model", "project_type=analysis"]
    )
    assert code == 0
    record = json.loads((tmp_path / "churn-model" / ".oss-template.json").read_text())
    assert record["answers"]["project_type"] == "analysis"
    captured = capfd.readouterr()
    assert (captured.out + captured.err).lower().count("baked churn model into") == 1


@pytest.mark.slow
def test_answers_are_baked_literally_never_rendered(tmp_path: Path) -> None:
    code = main(["new", "--no-input", "-o", str(tmp_path), "project_name=Seven {{ 7*7 }}"])
    assert code == 0
    [project] = list(tmp_path.iterdir())
    assert project.name == "seven-7-7"
    record = json.loads((project / ".oss-template.json").read_text(encoding="utf-8"))
    assert record["answers"]["project_name"] == "Seven {{ 7*7 }}"
    assert "# Seven \\{\\{ 7\\*7 \\}\\}" in (project / "README.md").read_text(encoding="utf-8")


def test_an_answer_that_runs_code_is_data(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    payload = "{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}"
    main(["new", "--no-input", "-o", str(tmp_path / "out"), f"description={payload}"])
    assert not marker.exists()


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


def test_a_refused_answer_is_asked_again_at_once_with_the_reason() -> None:
    from oss_checks.commands.new import ask_all
    from oss_checks.template import template_root

    replies = iter(["Churn Model", "", "class", "churn", ""])
    asked: list[str] = []
    said: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(replies, "")

    answers = ask_all(template_root(), {}, ask, said.append)
    assert answers["package_name"] == "churn"
    assert len(said) == 1
    assert said[0].strip().startswith("package_name: 'class' is a Python keyword")
    # The refused question is the one asked again, right away.
    assert asked[2] == asked[3]


def test_choices_are_offered_in_reading_order_with_the_default_marked() -> None:
    from oss_checks.commands.new import ask_all
    from oss_checks.template import template_root

    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return ""

    ask_all(template_root(), {}, ask, lambda _text: None)
    [python] = [prompt for prompt in asked if "3.12" in prompt]
    assert python.index("3.10") < python.index("3.11") < python.index("3.12") < python.index("3.13")
    assert "3.11 (default)" in python


def test_a_closed_standard_input_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["new", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.endswith("no answers on standard input: bake with --no-input and KEY=VALUE answers\n")
    assert list(tmp_path.iterdir()) == []
