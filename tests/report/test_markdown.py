"""The Markdown report: the same data as the page, safe to paste into a wiki or an issue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oss_checks.report.markdown import code, md, render_markdown
from oss_checks.report.model import RepoState, Snapshot
from oss_checks.rules import load_rules
from report.helpers import MakeReport, MakeResult, fleet_names, item

#: A table cell separator: a pipe that no backslash escapes.
CELL = re.compile(r"(?<!\\)\|")


def table_rows(text: str, header_start: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def test_escaping_keeps_text_literal() -> None:
    assert md("a|b *c* _d_ <b>\n[x](y) #1") == r"a\|b \*c\* \_d\_ \<b\> \[x\](y) \#1"
    assert code("plain") == "`plain`"
    assert code("a `tick` b") == "``a `tick` b``"
    assert code("`edge`") == "`` `edge` ``"
    assert code("a|b", cell=True) == r"`a\|b`"


def test_tables_keep_their_shape_whatever_the_names(make_result: MakeResult, make_report: MakeReport) -> None:
    report = make_report(
        [
            make_result("pipe|name", [item("OSS401", "src/a|b.py", message="path | here", line=2)]),
            make_result("plain"),
            make_result("broken", problem="does not exist"),
        ]
    )
    text = render_markdown(report)
    for header in ("| Repository |", "| Rule | Where |", "| Rule | What it checks |", "| Readiness |"):
        rows = table_rows(text, header)
        widths = {len(CELL.findall(row)) for row in rows}
        assert len(widths) == 1, f"rows of {header!r} differ in cell count: {rows}"
    overview = table_rows(text, "| Repository |")
    assert len(overview) == 2 + 3


def test_markdown_says_what_the_page_says(make_result: MakeResult, make_report: MakeReport) -> None:
    earlier = Snapshot("2026-10-01T00:00:00Z", "old", {"leaky": RepoState("almost", 91)})
    report = make_report(
        [
            make_result(
                "leaky", [item("OSS405", ".env")], [item("OSS107", "CITATION.cff", reason="not cited")]
            ),
            make_result("clean"),
        ],
        history=[earlier],
    )
    text = render_markdown(report)
    assert text.startswith("# Team report\n")
    assert "## Executive summary" in text
    assert "| [leaky](#repo-leaky) | \u2715 Blocked | 82 (-9) | No: legal blocker |" in text
    assert '### <a id="repo-leaky"></a>leaky' in text
    assert "**Readiness:** \u2715 Blocked, score 82/100 · **Ready to open-source?** No: legal blocker" in text
    assert f"| `OSS405` env-file-tracked | `.env` | {md(load_rules()['OSS405'].summary())} |" in text
    assert "- `OSS107` at `CITATION.cff`: \u201cnot cited\u201d" in text
    assert "| 2026-10-01 | 0 | 1 | 0 | 0 | 0 |" in text
    assert "| now | 1 | 0 | 0 | 1 | 0 |" in text
    for title in ("## Legal", "## Management", "## Data science", "## Executives"):
        assert title in text
    assert "Nothing to fix: every rule that ran passes." in text


@pytest.mark.slow
def test_fleet_markdown_lists_every_repository(fleet: Path, fleet_report: Path) -> None:
    text = (fleet_report / "report.md").read_text(encoding="utf-8")
    rows = table_rows(text, "| Repository |")
    assert len(rows) == 2 + len(fleet_names(fleet))
    for name in fleet_names(fleet):
        assert f'<a id="repo-{name}"></a>' in text
