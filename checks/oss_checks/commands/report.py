"""``oss-checks report``: a readiness report across many repositories.

Writes ``report.html`` (one self-contained page), ``report.json``, ``report.md`` and a
badge per repository into the output folder (see :mod:`oss_checks.report`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from oss_checks.errors import EXIT_CLEAN, UsageError

DEFAULT_TITLE = "Open-source readiness"
DEFAULT_OUTPUT = "oss-checks-report"


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a repository checkout, a folder of checkouts, or JSON saved from `oss-checks check --format json`",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        default=DEFAULT_OUTPUT,
        help=f"folder for report.html, report.json, report.md and badges/ (default: {DEFAULT_OUTPUT})",
    )
    parser.add_argument(
        "--previous",
        action="append",
        metavar="REPORT_JSON",
        default=[],
        help="an earlier report.json, to show the trend (repeatable)",
    )
    parser.add_argument(
        "--title", default=DEFAULT_TITLE, help=f"the report's title (default: {DEFAULT_TITLE!r})"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        metavar="N",
        help="repositories checked at once (default: the number of CPU cores)",
    )


def run(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from oss_checks import __version__
    from oss_checks.report import write_report
    from oss_checks.report.collect import collect, shown
    from oss_checks.report.model import (
        LEVELS,
        PreviousReportError,
        build_report,
        load_snapshots,
        merge_history,
    )

    cwd = Path.cwd()
    output = (cwd / args.output).absolute()
    if output.exists() and not output.is_dir():
        raise UsageError(f"--output {args.output} is a file, not a folder")
    snapshots = []
    try:
        for path in args.previous:
            snapshots += load_snapshots(cwd / path)
    except PreviousReportError as exc:
        raise UsageError(f"--previous {exc}") from None
    history = merge_history(snapshots)
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
    return EXIT_CLEAN
