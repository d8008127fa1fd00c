"""The template record: one reader and writer, and answers checked before anything is rendered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oss_checks import render
from oss_checks.errors import UsageError
from oss_checks.record import (
    PENDING_KEY,
    RECORD_FILE,
    Pending,
    Record,
    parse_record,
    record_text,
    render_problem,
    require,
    write_record,
)
from oss_checks.template import template_root

pytestmark = pytest.mark.usefixtures("private_home")


@pytest.mark.slow
def test_record_text_matches_what_the_template_writes() -> None:
    with render.rendered(template_root(), {"project_name": "Zoë's «model»"}) as project:
        text = (project / RECORD_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    assert record_text(Record(data["template"], data["version"], data["answers"])) == text


def test_a_record_with_the_right_shape() -> None:
    text = json.dumps({"template": "oss-template", "version": "0.1.0", "answers": {"project_name": "X"}})
    parsed = parse_record(text)
    assert parsed.problems == []
    assert parsed.record == Record("oss-template", "0.1.0", {"project_name": "X"})


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("{", "is not valid JSON", 1),
        ("[]", "is not a JSON object", 1),
        ('{\n"template": "oss-template",\n"answers": {}}', "has no version string", 1),
        ('{"template": "t", "version": "1",\n"answers": []}', "has no answers object", 2),
        ("[" * 100_000, "is not valid JSON: nested too deeply", 0),
    ],
)
def test_a_malformed_record_says_what_is_wrong_and_where(text: str, problem: str, line: int) -> None:
    parsed = parse_record(text)
    assert parsed.record is None
    assert problem in parsed.problems[0].message
    assert parsed.problems[0].line == line


def test_the_answers_of_a_hand_written_record_are_still_read() -> None:
    parsed = parse_record(json.dumps({"answers": {"ci": "gitlab"}}))
    assert parsed.record is None
    assert parsed.answers == {"ci": "gitlab"}


def test_a_pending_update_is_read_or_flagged_as_malformed() -> None:
    good = {"version": "0.2.0", "answers": {}, "conflicts": ["README.md"]}
    document = {"template": "t", "version": "0.1.0", "answers": {}, PENDING_KEY: good}
    record = parse_record(json.dumps(document)).record
    assert record is not None
    assert record.pending == Pending("0.2.0", {}, ("README.md",))
    document[PENDING_KEY] = {"version": 1}
    record = parse_record(json.dumps(document)).record
    assert record is not None
    assert (record.pending, record.malformed_pending) == (None, True)


def test_record_text_round_trips() -> None:
    record = Record("oss-template", "0.1.0", {"project_name": "Zoë"}, Pending("0.2.0", {"a": "b"}, ("x",)))
    assert parse_record(record_text(record)).record == record


@pytest.mark.parametrize(
    ("answers", "problem"),
    [
        ({"project_name": 3}, "must be a string"),
        ({"_template": "/home/me"}, "is not an answer of the template"),
        ({"_checks_repository": "https://x.test/a\nrepo: local"}, "is not an https:// repository address"),
        ({"_checks_repository": "ssh://x.test/a"}, "is not an https:// repository address"),
    ],
)
def test_recorded_answers_are_checked_before_rendering(answers: dict[str, object], problem: str) -> None:
    assert problem in (render_problem(answers) or "")


def test_complete_valid_answers_may_be_rendered() -> None:
    from oss_checks.render import complete

    context = complete(template_root(), {})
    answers = {k: v for k, v in context.items() if not k.startswith("_")}
    assert render_problem(answers) is None
    assert "project_slug" in (render_problem({**answers, "project_slug": "a/b"}) or "")


def test_require_gives_one_line_for_an_unusable_record(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"has no \.oss-template\.json"):
        require(tmp_path)
    (tmp_path / RECORD_FILE).write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match="has no template string"):
        require(tmp_path)


def test_write_record_never_writes_through_a_symlink(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text("theirs", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / RECORD_FILE).symlink_to(outside)
    with pytest.raises(OSError, match="symbolic link"):
        write_record(project, Record("t", "1", {}))
    assert outside.read_text(encoding="utf-8") == "theirs"
