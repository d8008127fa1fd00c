"""The commands of ``oss-checks``, one module each.

Every command module has ``add_arguments(parser)`` and ``run(args) -> int``, and imports
only ``argparse`` and :mod:`oss_checks.errors` at its top: the command line builds every
parser on every call, including each run of the per-file pre-commit hook, so all real
work is imported inside ``run``.
"""

from __future__ import annotations

import argparse

#: name -> (module, one-line help), in the order ``oss-checks --help`` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("oss_checks.commands.check", "check repositories or files"),
    "rules": ("oss_checks.commands.rules", "list every rule"),
    "rule": ("oss_checks.commands.rule", "explain one rule, like `ruff rule`"),
    "new": ("oss_checks.commands.new", "bake a new project from the template shipped with oss-checks"),
    "diff": ("oss_checks.commands.diff", "show how managed files differ from what the template bakes today"),
    "update": ("oss_checks.commands.update", "update the repository to the current template version"),
    "report": (
        "oss_checks.commands.report",
        "a readiness report across many repositories (HTML, JSON, Markdown)",
    ),
}

#: How a copy of the template may be given to ``diff`` and ``update``.
TEMPLATE_SOURCES = (
    "SOURCE: a folder holding cookiecutter.json, a history archive (.zip) or an oss-checks wheel (.whl)"
)


def add_project_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        default=".",
        metavar="FOLDER",
        help="the project baked from oss-template (default: the current folder)",
    )
