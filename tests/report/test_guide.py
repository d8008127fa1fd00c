"""docs/adopting.md tells the truth about the rules, the report and the command line."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from oss_checks.cli import build_parser
from oss_checks.registry import Stakeholder
from oss_checks.report.model import LEVELS, OPEN_SOURCE_BLOCKERS, POINTS, SEVERITY_WEIGHT, VERDICT_MEANING
from oss_checks.rules import load_rules

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "adopting.md"
STAKEHOLDER_ROWS = {
    "Legal": Stakeholder.LEGAL,
    "Management": Stakeholder.MANAGEMENT,
    "Data science": Stakeholder.DATA_SCIENCE,
    "Executives": Stakeholder.EXECUTIVE,
}


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def table_rows(text: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| ")
    ]


def codes_in(text: str) -> set[str]:
    """Codes named in the text, with ranges such as "OSS701 to OSS704" expanded."""
    codes = set(re.findall(r"OSS\d{3}", text))
    for first, last in re.findall(r"OSS(\d{3}) to OSS(\d{3})", text):
        codes |= {f"OSS{n}" for n in range(int(first), int(last) + 1) if f"OSS{n}" in load_rules()}
    return codes


def test_rules_named_for_a_stakeholder_are_tagged_for_it(guide: str) -> None:
    rules = load_rules()
    rows = {row[0]: row for row in table_rows(guide) if row[0] in STAKEHOLDER_ROWS}
    assert set(rows) == set(STAKEHOLDER_ROWS)
    for title, row in rows.items():
        named = codes_in(row[3])
        assert named, f"the {title} row names no rule"
        for code in named:
            assert code in rules, f"{code} in the {title} row does not exist"
            assert STAKEHOLDER_ROWS[title] in rules[code].stakeholders, f"{code} is not tagged {title}"


def test_levels_and_verdicts_read_as_in_the_report(guide: str) -> None:
    rows = {row[0]: row[1] for row in table_rows(guide)}
    for level in LEVELS:
        assert rows[f"{level.symbol} {level.label}"] == level.meaning
    labels = {
        "yes": "Yes",
        "review": "Yes, once legal confirms",
        "not-yet": "Not yet",
        "no": "No: legal blocker",
        "unknown": "Unknown",
    }
    for key, label in labels.items():
        assert rows[label] == VERDICT_MEANING[key]


def test_every_blocker_is_explained(guide: str) -> None:
    explained = {row[0].split()[0] for row in table_rows(guide) if re.fullmatch(r"OSS\d{3} [a-z-]+", row[0])}
    assert explained == set(OPEN_SOURCE_BLOCKERS)
    for row in table_rows(guide):
        if row[0].split()[0] in OPEN_SOURCE_BLOCKERS:
            assert row[0].split()[1] == load_rules()[row[0].split()[0]].name


def test_score_is_described_with_the_real_points(guide: str) -> None:
    error, warning = POINTS * SEVERITY_WEIGHT["error"], POINTS * SEVERITY_WEIGHT["warning"]
    assert f"costs {error} points for an error and {warning} for a warning" in guide


def test_commands_in_the_guide_parse(guide: str) -> None:
    commands = [line[2:] for line in guide.splitlines() if line.strip().startswith("$ oss-checks ")]
    commands += re.findall(r"`(oss-checks (?:check|report)[^`]*)`", guide)
    assert len(commands) >= 5
    parser = build_parser()
    for command in commands:
        words = shlex.split(command.strip().removeprefix("$ "))
        assert words[0] == "oss-checks"
        if words[1:] == ["report"]:
            continue  # named as a command in prose, not run
        parser.parse_args(words[1:])
