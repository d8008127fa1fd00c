"""``oss-checks rule CODE``: what one rule checks, why, an example and how to fix it."""

from __future__ import annotations

import argparse
import sys

from oss_checks.errors import EXIT_CLEAN, ConfigError, UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", metavar="CODE", help="a rule code (OSS101) or name (readme-content)")


def run(args: argparse.Namespace) -> int:
    from oss_checks.config import code_for
    from oss_checks.manifest import rule_document

    try:
        code = code_for(args.code, "rule")
    except ConfigError as exc:
        raise UsageError(str(exc).removeprefix("rule: ")) from None
    sys.stdout.write(rule_document(code) + "\n")
    return EXIT_CLEAN
