"""``oss-checks rules``: the table of every rule."""

from __future__ import annotations

import argparse
import sys

from oss_checks.errors import EXIT_CLEAN


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")


def run(args: argparse.Namespace) -> int:
    import json

    from oss_checks.manifest import rules_markdown, rules_records
    from oss_checks.rules import load_rules

    if args.format == "json":
        sys.stdout.write(json.dumps(rules_records(), indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown() + "\n")
    else:
        for code, rule in load_rules().items():
            flags = ("fix" if rule.fixable else "   ") + (" opt-in" if rule.opt_in else "")
            sys.stdout.write(f"{code}  {rule.name:<28} {rule.kind.value:<10} {flags:<10} {rule.summary()}\n")
    return EXIT_CLEAN
