"""``oss-checks report``: a readiness report across many repositories.

Writes ``report.html`` (one self-contained page), ``report.json``, ``report.md`` and a
badge per repository into the output folder. Only the standard library is imported
at the top: the command line builds this parser on every call.
"""

from __future__ import annotations

import argparse
from pathlib import Path

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


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:  # noqa: ARG001 - commands.py interface
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


def run(name: str, args: argparse.Namespace, cwd: Path) -> int:  # noqa: ARG001 - commands.py interface
    from oss_checks.report.command import run_report  # keeps the parser's import light

    return run_report(args, cwd)
