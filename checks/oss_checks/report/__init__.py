"""The readiness report across many repositories: collect, assess, render.

``collect`` finds and checks the repositories, ``model`` turns their findings into
levels, verdicts and stakeholder views, and ``html``, ``markdown`` and ``badge`` render
them; the ``report`` command (:mod:`oss_checks.commands.report`) ties them together.
"""

from __future__ import annotations

import json
from pathlib import Path

from oss_checks.report.badge import render_badge
from oss_checks.report.html import render_html
from oss_checks.report.markdown import render_markdown
from oss_checks.report.model import Report, report_to_dict


def write_report(report: Report, output: Path) -> Path:
    """Write every format into ``output``; returns the HTML page's path."""
    badges = output / "badges"
    badges.mkdir(parents=True, exist_ok=True)
    page = output / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    document = json.dumps(report_to_dict(report), indent=2, ensure_ascii=False)
    (output / "report.json").write_text(document + "\n", encoding="utf-8")
    (output / "report.md").write_text(render_markdown(report), encoding="utf-8")
    for entry in report.repos:
        (badges / f"{entry.key}.svg").write_text(render_badge(entry) + "\n", encoding="utf-8")
    return page
