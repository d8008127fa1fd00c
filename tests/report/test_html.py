"""The HTML page: self-contained, escaped, navigable, and saying what the model decided."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from oss_checks.report.html import markdown_to_html, portfolio_chart, render_html, trend_chart
from oss_checks.report.model import LEVELS, Report, RepoState, Snapshot
from oss_checks.rules import load_rules
from report.helpers import MakeReport, MakeResult, fleet_names, item

#: Elements after which a browser's rendered text breaks, as ``innerText`` would.
BLOCKS = frozenset(
    {"p", "li", "td", "th", "tr", "div", "dt", "dd", "summary", "text", "title", "desc"}
    | {f"h{n}" for n in range(1, 7)}
)
HOSTILE = '<img src=x onerror="alert(1)">&amp;'


class Page(HTMLParser):
    """The tags, ids, in-page links and text of a page, as a browser's parser sees them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._in_style = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            self.attributes.append((name, value or ""))
            if name == "id" and value:
                self.ids.append(value)
            if name == "href" and value:
                self.links.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if tag in BLOCKS:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)

    @property
    def all_text(self) -> str:
        return " ".join("".join(self.text).split())


@pytest.fixture
def mixed_report(make_result: MakeResult, make_report: MakeReport) -> Report:
    return make_report(
        [
            make_result("clean"),
            make_result("leaky", [item("OSS405", ".env"), item("OSS601", message="No CI at all")]),
            make_result("waived", ignored=[item("OSS107", "CITATION.cff", reason="nobody will cite it")]),
            make_result("gone", problem="does not exist"),
            make_result("out", [item("OSS104", "CODE_OF_CONDUCT.md")], visibility="public"),
        ],
        notes=["fleet/docs: skipped, not a repository"],
    )


def test_page_loads_nothing_and_runs_nothing(mixed_report: Report) -> None:
    text = render_html(mixed_report)
    page = Page(text)
    assert "script" not in page.tags
    assert not {"link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert not [name for name, _ in page.attributes if name in ("src", "srcset") or name.startswith("on")]
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls <= {"http://www.w3.org/2000/svg"}, "only the SVG namespace, which is never fetched"
    assert "url(" not in text
    assert "default-src 'none'" in text


def test_every_string_from_a_repository_is_escaped(make_result: MakeResult, make_report: MakeReport) -> None:
    hostile = make_result(
        HOSTILE,
        [item("OSS401", f"src/{HOSTILE}.py", message=f"path {HOSTILE} in `code`", line=3)],
        [item("OSS107", "CITATION.cff", reason=f"because {HOSTILE}")],
    )
    hostile.project_name = HOSTILE
    hostile.location = f"/fleet/{HOSTILE}"
    text = render_html(make_report([hostile]))
    page = Page(text)
    assert "img" not in page.tags
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    assert HOSTILE not in text
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;amp;" in text
    assert f"path {HOSTILE} in code" in page.all_text
    assert f"\u201cbecause {HOSTILE}\u201d" in page.all_text


def test_every_in_page_link_has_a_target(mixed_report: Report) -> None:
    page = Page(render_html(mixed_report))
    assert len(page.ids) == len(set(page.ids)), "ids are unique"
    fragments = {link[1:] for link in page.links if link.startswith("#")}
    assert fragments <= set(page.ids)
    assert {f"repo-{e.key}" for e in mixed_report.repos} <= fragments


def test_page_says_what_the_model_decided(mixed_report: Report) -> None:
    page = Page(render_html(mixed_report))
    text = page.all_text
    for heading in (
        "Executive summary",
        "Repositories by readiness",
        "Legal",
        "Management",
        "Data science",
        "Executives",
        "Repository pages",
        "How to read this report",
    ):
        assert heading in text
    assert "Of 5 repositories: 2 ready, 1 almost ready, 1 blocked by a legal issue" in text
    assert "Ready to open-source? \u2715 No: legal blocker" in text
    assert "Fit to stay public? \u25b2 Fix the open problems" in text
    assert "Not checked: does not exist" in text
    rules = load_rules()
    assert f"OSS405 {rules['OSS405'].summary()} (1 place) blocks publishing" in text
    assert f"OSS601 {rules['OSS601'].summary()} (1 place)" in text
    assert ".env: " not in text, "a message equal to the summary is not repeated"
    assert "No CI at all" in text
    assert "CITATION.cff: \u201cnobody will cite it\u201d" in text
    assert "fleet/docs: skipped, not a repository" in text
    assert "Blockers to publishing (1 blocked, 0 to confirm)" in text


def test_levels_are_named_not_only_coloured(mixed_report: Report) -> None:
    text = Page(render_html(mixed_report)).all_text
    for level in LEVELS:
        assert f"{level.symbol} {level.label}" in text


def test_portfolio_chart_states_each_count(make_result: MakeResult, make_report: MakeReport) -> None:
    report = make_report([make_result("a"), make_result("b"), make_result("c", [item("OSS601")])])
    chart = Page(portfolio_chart(report)).all_text
    assert "\u2713 Ready 2 (67%)" in chart
    assert "\u25d1 Almost 1 (33%)" in chart
    assert "Not checked" not in chart, "the unreadable row appears only when some repository is"


def test_trend_appears_with_history_only(make_result: MakeResult, make_report: MakeReport) -> None:
    results = [make_result("a"), make_result("b", [item("OSS601")]), make_result("c")]
    assert "Readiness over time" not in render_html(make_report(results))
    earlier = Snapshot(
        "2026-10-01T00:00:00Z", "old", {"a": RepoState("blocked", 64), "b": RepoState("almost", 82)}
    )
    report = make_report(results, history=[earlier])
    text = Page(render_html(report)).all_text
    assert "Readiness over time" in text
    assert "\u2713 Ready 100 \u25b2 +36" in text
    assert "\u25d1 Almost 91 \u25b2 +9" in text
    assert "\u2713 Ready 100 new" in text
    assert "Was Blocked (64) on 2026-10-01" in text
    assert "\u25b2 +9 since 2026-10-01" in text
    assert "Not in the report of 2026-10-01" in text
    chart = Page(trend_chart(report)).all_text
    assert "2026-10-01" in chart
    assert "now" in chart
    assert "avg 73" in chart
    assert "avg 97" in chart


def test_long_lists_are_cut_with_a_pointer_to_the_json(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    findings = [item("OSS401", f"m{n:02}.py", line=1) for n in range(30)]
    text = Page(render_html(make_report([make_result("paths", findings)]))).all_text
    assert "m24.py" in text
    assert "m25.py" not in text
    assert "and 5 more (all of them are in report.json)" in text


def test_markdown_of_fix_texts_becomes_safe_html() -> None:
    rendered = markdown_to_html(
        "Run `git rm --cached <file>` then:\n\n```text\n/data/**\n<b>\n```\n\n- one **two**\n  continued\n- three"
    )
    assert rendered == (
        "<p>Run <code>git rm --cached &lt;file&gt;</code> then:</p>"
        "<pre><code>/data/**\n&lt;b&gt;</code></pre>"
        "<ul><li>one <strong>two</strong> continued</li><li>three</li></ul>"
    )


@pytest.mark.slow
def test_fleet_report_has_a_page_per_repository(fleet: Path, fleet_report: Path) -> None:
    names = fleet_names(fleet)
    assert len(names) >= 20
    page = Page((fleet_report / "report.html").read_text(encoding="utf-8"))
    for name in names:
        assert f"repo-{name}" in page.ids
        assert (fleet_report / "badges" / f"{name}.svg").is_file()
    sections = [value for name, value in page.attributes if name == "class" and value == "repo"]
    assert len(sections) == len(names)
