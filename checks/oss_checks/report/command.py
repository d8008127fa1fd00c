"""What ``oss-checks report`` does once its arguments are parsed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from oss_checks import __version__
from oss_checks.cli import UsageError
from oss_checks.report.badge import render_badge
from oss_checks.report.collect import collect, shown
from oss_checks.report.html import render_html
from oss_checks.report.markdown import render_markdown
from oss_checks.report.model import (
    LEVELS,
    PreviousReportError,
    Report,
    Snapshot,
    build_report,
    load_snapshots,
    merge_history,
    report_to_dict,
)


def _history(paths: Sequence[str], cwd: Path) -> list[Snapshot]:
    snapshots: list[Snapshot] = []
    try:
        for path in paths:
            snapshots += load_snapshots(cwd / path)
    except PreviousReportError as exc:
        raise UsageError(f"--previous {exc}") from None
    return merge_history(snapshots)


def run_report(args: argparse.Namespace, cwd: Path) -> int:
    output = (cwd / args.output).absolute()
    if output.exists() and not output.is_dir():
        raise UsageError(f"--output {args.output} is a file, not a folder")
    history = _history(args.previous, cwd)
    results, notes = collect(args.paths, cwd, jobs=args.jobs, progress=sys.stderr)
    if not results:
        raise UsageError("no repository found: " + "; ".join(notes))
    # Microseconds keep two reports of the same second apart in the trend.
    now = datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")
    report = build_report(
        results, title=args.title, generated_at=now, version=__version__, history=history, notes=notes
    )
    try:
        page = write_report(report, output)
    except OSError as exc:
        raise UsageError(f"cannot write the report to {args.output}: {exc.strerror or exc}") from None
    counts = report.counts()
    summary = ", ".join(f"{counts[level.key]} {level.label.lower()}" for level in LEVELS if counts[level.key])
    sys.stdout.write(f"Report on {len(report.repos)} repositories ({summary}): {shown(page, cwd)}\n")
    return 0


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
