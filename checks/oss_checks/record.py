"""The template record, ``.oss-template.json``: the one reader and writer.

Every bake writes the record: which template, which version, and the answers (never a
local path). ``diff``, ``update``, ``--fix`` and the drift rules all read it through
:func:`parse_record`, which judges its shape once and says what is wrong, line by line;
:func:`record_text` and :func:`write_record` are the only way it is written back. The
record lives in repositories anyone may edit, so its answers are data to validate
before anything is rendered with them (:func:`render_problem`), never templates.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from oss_checks.formats import parse_json

RECORD_FILE = ".oss-template.json"
TEMPLATE_NAME = "oss-template"
PENDING_KEY = "pending_update"


class Pending(NamedTuple):
    """An update that wrote conflict markers: the version it goes to, and the files to resolve."""

    version: str
    answers: dict[str, Any]
    conflicts: tuple[str, ...]


class Record(NamedTuple):
    template: str
    version: str
    answers: dict[str, Any]
    pending: Pending | None = None
    #: The ``pending_update`` entry as written, when it is there but malformed.
    malformed_pending: bool = False


class RecordProblem(NamedTuple):
    message: str
    line: int = 0


class ParsedRecord:
    """What a record's text says: the record when its shape is right, else the problems."""

    def __init__(
        self,
        record: Record | None,
        problems: list[RecordProblem],
        text: str = "",
        answers: dict[str, Any] | None = None,
        version: str | None = None,
    ) -> None:
        self.record = record
        self.problems = problems
        self.text = text
        #: The answers object and the version, even when the rest of the record is wrong.
        self.answers: dict[str, Any] = answers if answers is not None else {}
        self.version = version

    def key_line(self, key: str, after: str | None = None) -> int:
        return key_line(self.text, key, after)


def key_line(text: str, key: str, after: str | None = None) -> int:
    """The line of ``"key":`` in JSON text (searched after ``"after":`` when given), else 1."""
    start = 0
    if after is not None:
        found = re.search(rf'"{re.escape(after)}"\s*:', text)
        start = found.end() if found else 0
    match = re.compile(rf'"{re.escape(key)}"\s*:').search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _filled_in(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers a record from before a question existed, as the template then rendered them.

    0.1.0 had no ``copyright_holder``: it named the organisation in internal projects and the
    author in public ones. Filling that in keeps an update from changing the holder.
    """
    if "copyright_holder" not in answers:
        holder = (
            answers.get("organisation")
            if answers.get("visibility") == "internal"
            else answers.get("author_name")
        )
        if isinstance(holder, str) and holder.strip():
            answers = {**answers, "copyright_holder": holder}
    return answers


def _pending(raw: Any) -> Pending | None:
    if not isinstance(raw, dict):
        return None
    version, answers, conflicts = raw.get("version"), raw.get("answers"), raw.get("conflicts")
    if not isinstance(version, str) or not isinstance(answers, dict) or not isinstance(conflicts, list):
        return None
    if not all(isinstance(path, str) for path in conflicts):
        return None
    return Pending(version, dict(answers), tuple(conflicts))


def parse_record(text: str | None) -> ParsedRecord:
    """Judge the record's text: its shape problems, or the record."""
    if text is None:
        return ParsedRecord(None, [RecordProblem(f"{RECORD_FILE} is not UTF-8 text")])
    data, error = parse_json(text)
    if error is not None:
        return ParsedRecord(
            None, [RecordProblem(f"{RECORD_FILE} is not valid JSON: {error.reason}", error.line)], text
        )
    if not isinstance(data, dict):
        return ParsedRecord(None, [RecordProblem(f"{RECORD_FILE} is not a JSON object", 1)], text)
    problems = [
        RecordProblem(f"{RECORD_FILE} has no {key} string", key_line(text, key))
        for key in ("template", "version")
        if not isinstance(data.get(key), str) or not data[key].strip()
    ]
    if not isinstance(data.get("answers"), dict):
        problems.append(RecordProblem(f"{RECORD_FILE} has no answers object", key_line(text, "answers")))
    answers = _filled_in(dict(data["answers"])) if isinstance(data.get("answers"), dict) else {}
    version = data["version"].strip() if isinstance(data.get("version"), str) else None
    if problems:
        return ParsedRecord(None, problems, text, answers, version)
    raw_pending = data.get(PENDING_KEY)
    pending = _pending(raw_pending)
    record = Record(
        template=data["template"].strip(),
        version=data["version"].strip(),
        answers=answers,
        pending=pending,
        malformed_pending=raw_pending is not None and pending is None,
    )
    return ParsedRecord(record, [], text, answers, version)


def read_file(root: Path) -> str | None:
    """The record's text at ``root``; None when it is missing, a symlink or not UTF-8."""
    path = root / RECORD_FILE
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def require(root: Path) -> Record:
    """The record of the project at ``root``; a one-line ``UsageError`` when it is unusable."""
    from oss_checks.errors import UsageError

    if not os.path.lexists(root / RECORD_FILE):
        raise UsageError(
            f"{root} has no {RECORD_FILE}: it was not baked from oss-template, or the record was "
            "deleted (restore it from git; see `oss-checks rule OSS701`)"
        )
    text = read_file(root)
    if text is None:
        raise UsageError(f"{RECORD_FILE} cannot be read: it is not a regular UTF-8 file")
    parsed = parse_record(text)
    if parsed.record is None:
        problem = parsed.problems[0].message if parsed.problems else f"{RECORD_FILE} is not a record"
        raise UsageError(f"{problem} (see `oss-checks rule OSS701`)")
    return parsed.record


def record_text(record: Record) -> str:
    """The record as the template's ``record`` filter writes it (plus a pending update)."""
    document: dict[str, Any] = {
        "template": record.template,
        "version": record.version,
        "answers": dict(record.answers),
    }
    if record.pending is not None:
        document[PENDING_KEY] = {
            "version": record.pending.version,
            "answers": dict(record.pending.answers),
            "conflicts": list(record.pending.conflicts),
        }
    import json  # only writing a record needs it

    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_record(root: Path, record: Record) -> None:
    """Replace the record at ``root`` atomically (``OSError`` when the path is unsafe)."""
    from oss_checks.fixes import write_atomic

    write_atomic(root, RECORD_FILE, record_text(record).encode("utf-8"))


#: Answers that are not the template's questions but are recorded with them.
HIDDEN_ANSWERS = ("_checks_repository",)


def render_problem(answers: Mapping[str, Any]) -> str | None:
    """Why these recorded answers must not be rendered, or None when they may.

    Each answer must be a string the template's own validation accepts; the hidden
    repository URL must be a plain https address, since it lands in YAML and TOML files.
    """
    from oss_checks.bake import AnswerError, is_checks_repository, validate

    for key, value in answers.items():
        if not isinstance(value, str):
            return f"answers.{key} must be a string, not {type(value).__name__}"
        if key.startswith("_") and key not in HIDDEN_ANSWERS:
            return f"answers.{key} is not an answer of the template"
    repository = answers.get("_checks_repository")
    if repository is not None and not is_checks_repository(repository):
        return f"answers._checks_repository {str(repository)[:80]!r} is not an https:// repository address"
    try:
        validate(answers)
    except AnswerError as exc:
        return f"answers.{exc}"
    return None
