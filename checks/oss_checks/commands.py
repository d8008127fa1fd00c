"""Commands beyond checking: ``new`` (bake), ``diff`` / ``update`` (template drift), ``report``.

Each extra command lives in its own module exposing ``add_arguments(name, parser)`` and
``run(name, args, cwd) -> int``; those modules import only the standard library at the
top, because the parser is built on every call, including the per-file hook's.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

#: command -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "diff": ("oss_checks.update", "show how managed files differ from what the template bakes today"),
    "update": ("oss_checks.update", "update the repository to the current template version"),
    "report": ("oss_checks.report", "a readiness report across many repositories (HTML, JSON, Markdown)"),
}


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def register(commands: Any) -> None:
    for name, (module, help_text) in COMMANDS.items():
        if _available(module):
            parser = commands.add_parser(name, help=help_text, description=help_text)
            importlib.import_module(module).add_arguments(name, parser)
    new = commands.add_parser(
        "new",
        help="bake a new project from the template shipped with oss-checks",
        description="Bake a new project (needs cookiecutter: pip install 'oss-checks[template]').",
    )
    new.add_argument(
        "answers", nargs="*", metavar="KEY=VALUE", help="answers, e.g. project_name='Churn model'"
    )
    new.add_argument("-o", "--output-dir", type=Path, default=Path("."), help="where to create the project")
    new.add_argument("--no-input", action="store_true", help="do not ask; use defaults and the given answers")


def _parse_answers(pairs: list[str]) -> dict[str, str]:
    from oss_checks.cli import UsageError

    answers = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"answer {pair!r} must look like key=value")
        answers[key.strip()] = value
    return answers


def run_new(args: argparse.Namespace) -> int:
    import logging

    from oss_checks.cli import UsageError
    from oss_checks.template import TemplateError, template_root

    try:
        from cookiecutter.exceptions import (
            CookiecutterException,
            FailedHookException,
            OutputDirExistsException,
        )
        from cookiecutter.main import cookiecutter
    except ImportError:
        raise UsageError("baking needs cookiecutter: pip install 'oss-checks[template]'") from None

    answers = _parse_answers(args.answers)
    empty = [key for key, value in answers.items() if not value.strip()]
    if empty:
        raise UsageError(f"{empty[0]}: must not be empty")
    known = set(_template_keys())
    unknown = sorted(set(answers) - known)
    if unknown:
        raise UsageError(f"unknown answer {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    # cookiecutter logs a traceback when a hook refuses the answers; our hook already said why.
    logging.getLogger("cookiecutter").setLevel(logging.CRITICAL)
    existing = set(args.output_dir.iterdir()) if args.output_dir.is_dir() else set()
    try:
        project = cookiecutter(
            str(template_root()),
            no_input=args.no_input,
            extra_context=answers,
            output_dir=str(args.output_dir),
        )
    except FailedHookException:
        # cookiecutter removes the project folder, but a slug like "a/b" also made "a".
        for created in set(args.output_dir.iterdir()) - existing if args.output_dir.is_dir() else ():
            _remove_empty_folders(created)
        return 2  # the pre-generation hook printed the one-line reason
    except EOFError:
        raise UsageError("no answers on standard input: bake with --no-input and KEY=VALUE answers") from None
    except OutputDirExistsException as exc:
        raise UsageError(f"{exc}; choose another project_slug or --output-dir") from None
    except (CookiecutterException, TemplateError, ValueError) as exc:
        raise UsageError(f"cannot bake: {exc}") from None
    print(f"Project baked in {project}", file=sys.stderr)
    return 0


def _remove_empty_folders(folder: Path) -> None:
    """Remove ``folder`` if it holds nothing but empty folders; never touch a file."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for child in folder.iterdir():
        _remove_empty_folders(child)
    if not any(folder.iterdir()):
        folder.rmdir()


def _template_keys() -> list[str]:
    import json

    from oss_checks.template import template_root

    data = json.loads((template_root() / "cookiecutter.json").read_text(encoding="utf-8"))
    return [key for key in data if not key.startswith("_")]


def dispatch(args: argparse.Namespace, cwd: Path) -> int:
    if args.command == "new":
        return run_new(args)
    if args.command in COMMANDS:
        result: int = importlib.import_module(COMMANDS[args.command][0]).run(args.command, args, cwd)
        return result
    raise AssertionError(f"unhandled command {args.command}")
