"""The commands of ``oss-checks``, one module each.

Every command module has ``add_arguments(parser)`` and ``run(args) -> int``, and imports
only ``argparse`` and :mod:`oss_checks.errors` at its top: the command line builds every
parser on every call, including each run of the per-file pre-commit hook, so all real
work is imported inside ``run``.
"""

from __future__ import annotations

import argparse
import os
import sys

#: name -> (module, one-line help), in the order ``oss-checks --help`` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("oss_checks.commands.check", "check repositories or files"),
    "rules": ("oss_checks.commands.rules", "list every rule"),
    "rule": ("oss_checks.commands.rule", "explain one rule, like `ruff rule`"),
    "new": ("oss_checks.commands.new", "bake a new project from the template shipped with oss-checks"),
    "adopt": ("oss_checks.commands.adopt", "bring the template's ways of working to an existing repository"),
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


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal's width so that it does not import ``shutil`` to ask.

    argparse makes a formatter for every option it declares, and ``shutil`` brings the
    compression modules with it: a few milliseconds of every per-file hook run.
    """

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _terminal_width() if width is None else width
        )


def _terminal_width() -> int:
    """The width argparse would use: ``COLUMNS``, else the terminal's, else 80; less a margin of 2.

    A width of 0 or less is unknown, as ``shutil.get_terminal_size`` has it: a pseudo-terminal
    of 0 columns (``script``, some CI containers) must not wrap help at every word.
    """
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (OSError, ValueError, AttributeError):
            columns = 0
    return (columns if columns > 0 else 80) - 2


def add_project_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        default=".",
        metavar="FOLDER",
        help="the project baked from oss-template (default: the current folder)",
    )
