"""The ``oss-checks`` pre-commit hook: per-file rules on the staged files pre-commit passes."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from oss_checks.cli import ending_process
from oss_checks.cli import main as cli_main
from oss_checks.commands import HelpFormatter
from oss_checks.commands.check import add_selection_arguments


def main(argv: Sequence[str] | None = None) -> int:
    """The hook's command line: ``argv``, else this process's own (which then ends with it)."""
    if argv is None:
        try:
            return _main(None)
        finally:
            ending_process()
    return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="oss-checks-files", formatter_class=HelpFormatter)
    parser.add_argument("filenames", nargs="*", help="files to check (pre-commit passes the staged ones)")
    add_selection_arguments(parser)
    parser.add_argument("--baseline", metavar="FILE", help="fail only on findings not in this baseline")
    args = parser.parse_args(argv)
    if not args.filenames:
        return 0
    # pre-commit runs batches of files in parallel: a clean batch says nothing, so a failing
    # one is not followed by "All checks passed."
    forwarded = ["check", "--quiet", "--format", args.format]
    for value in args.select or ():
        forwarded += ["--select", value]
    for value in args.ignore or ():
        forwarded += ["--ignore", value]
    if args.baseline:
        forwarded += ["--baseline", args.baseline]
    if args.include_dormant:
        forwarded.append("--include-dormant")
    return cli_main([*forwarded, "--", *args.filenames])


if __name__ == "__main__":
    raise SystemExit(main())
