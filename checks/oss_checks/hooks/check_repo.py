"""The ``oss-checks-repo`` pre-commit hook: every selected rule over the whole repository."""

from __future__ import annotations

from collections.abc import Sequence

from oss_checks.cli import main as cli_main


def main(argv: Sequence[str] | None = None) -> int:
    import sys

    arguments = list(sys.argv[1:] if argv is None else argv)
    return cli_main(["check", ".", *arguments])


if __name__ == "__main__":
    raise SystemExit(main())
