"""``oss-checks diff``: how the managed files differ from what the template bakes today.

The output is a patch from the repository to the template (``git apply`` takes it);
the summary goes to stderr. Exit 1 when something differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from oss_checks.commands import TEMPLATE_SOURCES, add_project_argument
from oss_checks.errors import EXIT_CLEAN, EXIT_FINDINGS, UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_project_argument(parser)
    parser.add_argument("--stat", action="store_true", help="one line per differing file")
    parser.add_argument(
        "--all",
        action="store_true",
        help="also compare the starter files (example code, notebooks, docs pages)",
    )
    parser.add_argument(
        "--template",
        metavar="SOURCE",
        help=f"compare with this copy of the template instead of the shipped one; {TEMPLATE_SOURCES}",
    )


def run(args: argparse.Namespace) -> int:
    from oss_checks.record import require
    from oss_checks.render import rendered, user_defaults
    from oss_checks.sync import differences
    from oss_checks.template import template_source, template_version

    cwd = Path.cwd()
    root = (cwd / args.path).resolve()
    if not root.is_dir():
        raise UsageError(f"{args.path} is not a folder")
    record = require(root)
    package = str(record.answers.get("package_name", ""))
    with (
        template_source(args.template, cwd) as source,
        rendered(source, record.answers, user_defaults()) as baked,
    ):
        version = template_version(source)
        found = differences(root, baked, package, starters=args.all)
    if args.stat:
        width = max((len(difference.path) for difference in found), default=0)
        for difference in found:
            sys.stdout.write(f" {difference.path:<{width}} | {difference.stat}\n")
    else:
        for difference in found:
            if difference.lines is None:
                sys.stdout.write(f"Binary files a/{difference.path} and b/{difference.path} differ\n")
            else:
                sys.stdout.write("".join(difference.lines))
    count = len(found)
    files = f"{count} managed file{'s' if count != 1 else ''}"
    summary = (
        f"{files} differ{'s' if count == 1 else ''} from oss-template {version}."
        if count
        else f"The managed files match oss-template {version}."
    )
    if record.version != version:
        summary += (
            f" This project records {record.version}: `oss-checks update` merges the template's changes."
        )
    sys.stderr.write(summary + "\n")
    return EXIT_FINDINGS if count else EXIT_CLEAN
