"""``oss-checks new``: bake a project from the template shipped with oss-checks.

Answers are taken literally (``project_name="Seven {{ 7*7 }}"`` bakes that name), and
each one is checked as soon as it is given: asked interactively, a refused answer is
asked again at once with the reason; given as ``KEY=VALUE``, the first refusal is one
line and nothing is created.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from oss_checks.errors import EXIT_CLEAN, UsageError

#: Shown before the default when a question is asked.
_DEFAULT_MARK = "default"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Bake a new project (needs cookiecutter: pip install 'oss-checks[template]')."
    parser.add_argument(
        "answers", nargs="*", metavar="KEY=VALUE", help="answers, e.g. project_name='Churn model'"
    )
    parser.add_argument(
        "-o", "--output-dir", type=Path, default=Path("."), help="where to create the project"
    )
    parser.add_argument(
        "--no-input", action="store_true", help="do not ask; use defaults and the given answers"
    )


def parse_answers(pairs: list[str], known: list[str]) -> dict[str, str]:
    answers = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"answer {pair!r} must look like key=value")
        answers[key.strip()] = value
    unknown = sorted(set(answers) - set(known))
    if unknown:
        raise UsageError(f"unknown answer {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    empty = [key for key, value in answers.items() if not value.strip()]
    if empty:
        raise UsageError(f"{empty[0]}: must not be empty")
    return answers


def installed_from() -> str | None:
    """The repository this oss-checks was installed from (PEP 610), as a bake's hooks' repository.

    ``pip install "oss-checks @ git+https://github.com/acme/oss-template@v0.2.0"`` records
    that address; a bake from this copy then installs its hooks from the same fork.
    """
    from importlib.metadata import PackageNotFoundError, distribution

    from oss_checks.bake import repository_url
    from oss_checks.formats import parse_json

    try:
        text = distribution("oss-checks").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    data, error = parse_json(text or "")
    if error is not None or not isinstance(data, dict) or "vcs_info" not in data:
        return None
    url = data.get("url")
    return repository_url(url) if isinstance(url, str) else None


def refusal(context: Mapping[str, Any]) -> str | None:
    """Why the template refuses this completed set of answers ("key: reason"), or None."""
    from oss_checks.bake import AnswerError, validate

    try:
        validate(context)
    except AnswerError as exc:
        return str(exc)
    return None


def in_reading_order(choices: list[str]) -> list[str]:
    """Versions ("3.12") from oldest to newest; other choices as the template lists them."""
    if all(choice.replace(".", "").isdigit() for choice in choices):
        return sorted(choices, key=lambda choice: tuple(int(part) for part in choice.split(".") if part))
    return choices


def ask_all(
    root: Path,
    given: Mapping[str, str],
    ask: Callable[[str], str],
    say: Callable[[str], None],
    defaults: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Ask every question not answered in ``given``, in the template's order.

    Each answer is checked at once against the template's validation (with defaults for
    the questions still to come); a refused answer is asked again with the reason.
    """
    from oss_checks.render import complete, read_questions

    questions = read_questions(root)
    prompts = questions.get("__prompts__", {})
    answers: dict[str, Any] = dict(given)
    for key, raw in questions.items():
        if key.startswith("_") or key in given:
            continue
        while True:
            default = complete(root, answers, defaults)[key]
            label = prompts.get(key, key) if isinstance(prompts, dict) else key
            choices = [str(c) for c in raw] if isinstance(raw, list) else []
            if isinstance(label, dict):
                label = label.get("__prompt__", key)
            if choices:
                options = ", ".join(
                    f"{c} ({_DEFAULT_MARK})" if c == default else c for c in in_reading_order(choices)
                )
                reply = ask(f"{label} [{options}]: ").strip()
            else:
                reply = ask(f"{label} [{default}]: ").strip()
            value = reply or str(default)
            if choices and value not in choices:
                say(f"  {key}: {value!r} is not one of {', '.join(choices)}")
                continue
            trial = complete(root, {**answers, key: value}, defaults)
            problem = refusal(trial)
            if problem is not None and problem.split(":", 1)[0] == key:
                say(f"  {problem}")
                continue
            answers[key] = value
            break
    return answers


def read_line(prompt: str) -> str:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise UsageError("no answers on standard input: bake with --no-input and KEY=VALUE answers")
    return line.rstrip("\n")


def _say(text: str) -> None:
    sys.stderr.write(f"{text}\n")


def _remove_empty_folders(folder: Path) -> None:
    """Remove ``folder`` if it holds nothing but empty folders; never touch a file."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for child in folder.iterdir():
        _remove_empty_folders(child)
    if not any(folder.iterdir()):
        folder.rmdir()


def run(args: argparse.Namespace) -> int:
    from oss_checks.render import bake, complete, question_keys, user_defaults
    from oss_checks.template import template_root

    root = template_root()
    answers = parse_answers(args.answers, question_keys(root))
    defaults = user_defaults()
    source = installed_from()
    if source is not None and "_checks_repository" not in defaults:
        defaults = {**defaults, "_checks_repository": source}
    if not args.no_input:
        answers = ask_all(root, answers, read_line, _say, defaults)
    context = complete(root, answers, defaults)
    problem = refusal(context)
    if problem is not None:
        raise UsageError(f"cannot bake: {problem}")
    output_dir: Path = args.output_dir
    existing = set(output_dir.iterdir()) if output_dir.is_dir() else set()
    slug = str(context.get("project_slug", ""))
    if (output_dir / slug).exists():
        raise UsageError(f"{output_dir / slug} already exists; choose another project_slug or --output-dir")
    try:
        bake(root, answers, output_dir, defaults=defaults)
    except Exception:
        # Whatever was created on the way (a slug like "a/b" also makes "a") goes again.
        for created in set(output_dir.iterdir()) - existing if output_dir.is_dir() else ():
            _remove_empty_folders(created)
        raise
    return EXIT_CLEAN
