"""The readiness report across many repositories: collect, assess, render.

``collect`` finds and checks the repositories, ``model`` turns their findings into
levels, verdicts and stakeholder views, and ``html``, ``markdown`` and ``badge`` render
them; the ``report`` command (:mod:`oss_checks.commands.report`) ties them together.
"""

from __future__ import annotations

from pathlib import Path

from oss_checks.baseline import dumps
from oss_checks.report.badge import render_badge
from oss_checks.report.html import render_html
from oss_checks.report.markdown import render_markdown
from oss_checks.report.model import Report, report_to_dict


def _utf8(text: str) -> bytes:
    """UTF-8 for a page; a file name that was not UTF-8 (kept as surrogates) shows as escapes."""
    return text.encode("utf-8", "backslashreplace")


def write_report(report: Report, output: Path) -> Path:
    """Write every format into ``output``; returns the HTML page's path."""
    badges = output / "badges"
    badges.mkdir(parents=True, exist_ok=True)
    page = output / "report.html"
    page.write_bytes(_utf8(render_html(report)))
    (output / "report.json").write_bytes(_utf8(dumps(report_to_dict(report)) + "\n"))
    (output / "report.md").write_bytes(_utf8(render_markdown(report)))
    for entry in report.repos:
        (badges / f"{entry.key}.svg").write_bytes(_utf8(render_badge(entry) + "\n"))
    return page
