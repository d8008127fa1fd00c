"""The ``oss-checks-repo`` pre-commit hook: every selected rule over the whole repository."""

from __future__ import annotations

from collections.abc import Sequence

from oss_checks.cli import ending_process
from oss_checks.cli import main as cli_main


def main(argv: Sequence[str] | None = None) -> int:
    import sys

    arguments = list(sys.argv[1:] if argv is None else argv)
    # The per-file hook checks the staged files; this one the repository as a whole, so a
    # finding in a staged file is reported once, not by both.
    try:
        return cli_main(["check", ".", "--repository-rules", *arguments])
    finally:
        if argv is None:  # this process's own command line: it ends next
            ending_process()


if __name__ == "__main__":
    raise SystemExit(main())
