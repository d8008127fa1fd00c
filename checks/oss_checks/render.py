"""The one renderer of the template: used by ``new``, ``--fix``, ``diff`` and ``update``.

Answers are data. Cookiecutter renders every answer it is given as a Jinja template
before any hook sees it, so an answer holding ``{{ ... }}`` (typed into ``new``, or
written into a repository's ``.oss-template.json``) would run code. This module never
lets it: it computes the context itself, taking each given answer literally and
rendering only the template's own default expressions (``project_slug`` from
``project_name`` ...), validates the completed answers, and hands that context to
cookiecutter's file generator, which substitutes values without evaluating them.

The template is copied first into a scratch folder without ``__pycache__`` and ``.pyc``
files (``pip install`` compiles the template's Python files inside the wheel), and its
Jinja extension module is loaded from that copy alone, so two templates rendered in one
process never share filters.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

from oss_checks.errors import TemplateError
from oss_checks.record import HIDDEN_ANSWERS

#: Set while oss-checks renders the template for itself, to silence the next steps.
QUIET_ENV = "OSS_TEMPLATE_QUIET"


def read_questions(root: Path) -> dict[str, Any]:
    """``cookiecutter.json`` of the template at ``root``, in its order."""
    try:
        data = json.loads((root / "cookiecutter.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateError(
            f"{root} is not a copy of oss-template: cannot read cookiecutter.json ({exc})"
        ) from None
    if not isinstance(data, dict):
        raise TemplateError(f"{root}/cookiecutter.json is not a JSON object")
    return data


def question_keys(root: Path) -> list[str]:
    """The answers a user may give: every question that is not hidden."""
    return [key for key in read_questions(root) if not key.startswith("_")]


def _copy_template(source: Path, into: Path) -> Path:
    """The template's own files (no bytecode, nothing else of a checkout) in a scratch folder."""
    from oss_checks.template import template_files

    target = into / "template"
    for name, path in template_files(source).items():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
    return target


@contextmanager
def _extension_modules(root: Path, questions: Mapping[str, Any]) -> Iterator[None]:
    """Make Jinja load the template's own extension modules from ``root``, and only those.

    Python caches modules by name, so a second template rendered in the same process
    would otherwise silently reuse the first one's filters.
    """
    extensions = questions.get("_extensions", [])
    own = set()
    for entry in extensions if isinstance(extensions, list) else []:
        module = str(entry).split(".")[0]
        if (root / f"{module}.py").is_file() or (root / module / "__init__.py").is_file():
            own.add(module)
    saved = {name: sys.modules.pop(name) for name in own if name in sys.modules}
    sys.path.insert(0, str(root))
    try:
        yield
    finally:
        for name in own:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
        if str(root) in sys.path:
            sys.path.remove(str(root))


def raw_defaults(root: Path) -> dict[str, Any]:
    """The template's questions with their unrendered defaults (a choice gives its first option)."""
    return {
        key: value[0] if isinstance(value, list) and value else value
        for key, value in read_questions(root).items()
        if not key.startswith("_")
    }


@contextmanager
def quietly() -> Iterator[None]:
    """Keep the post-generation hook's next-steps text out of our own output."""
    previous = os.environ.get(QUIET_ENV)
    os.environ[QUIET_ENV] = "1"
    try:
        yield
    finally:
        if previous is None:
            del os.environ[QUIET_ENV]
        else:
            os.environ[QUIET_ENV] = previous


@contextmanager
def hook_scripts_in(folder: Path) -> Iterator[None]:
    """Make cookiecutter write the rendered hook scripts into ``folder``.

    Cookiecutter runs each hook from a temporary copy that it never deletes, so every
    bake would leave a file in the system's temporary folder; in a folder that is
    removed afterwards they go with it. It sets the process-wide ``tempfile.tempdir``:
    not for use while other threads make temporary files.
    """
    previous = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = previous


def user_defaults() -> dict[str, Any]:
    """The ``default_context`` of the baker's cookiecutter config (``COOKIECUTTER_CONFIG``, ~/.cookiecutterrc).

    That file is the baker's own, so its values are defaults like the template's: they
    may refer to other answers. Answers given on the command line still win.
    """
    try:
        from cookiecutter.config import get_user_config
        from cookiecutter.exceptions import CookiecutterException
    except ImportError:
        return {}
    try:
        config = get_user_config()
    except (CookiecutterException, OSError, ValueError) as exc:
        raise TemplateError(f"your cookiecutter config cannot be read: {exc}") from None
    defaults = config.get("default_context") if isinstance(config, dict) else None
    return dict(defaults) if isinstance(defaults, dict) else {}


def complete(
    root: Path, answers: Mapping[str, Any], defaults: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The whole cookiecutter context for ``answers``: given answers verbatim, the rest derived.

    Questions not answered take ``defaults`` (the baker's cookiecutter config) or the
    template's default, rendered from the answers before it as cookiecutter would (a
    choice takes its first option); hidden keys (``_x``) keep their raw value unless the
    answers set an allowed one.
    """
    from cookiecutter.environment import StrictEnvironment
    from jinja2 import TemplateError as JinjaError

    questions = read_questions(root)
    context: dict[str, Any] = {}
    with _extension_modules(root, questions):
        environment = StrictEnvironment(context={"cookiecutter": questions}, keep_trailing_newline=True)
    for key, template_default in questions.items():
        raw = template_default
        if defaults and key in defaults and (not key.startswith("_") or key in HIDDEN_ANSWERS):
            preferred = defaults[key]
            raw = [preferred] if isinstance(template_default, list) else preferred
        if key in answers and key != "__prompts__":
            context[key] = answers[key]
        elif key.startswith("_") and not key.startswith("__"):
            context[key] = raw
        elif isinstance(raw, list):
            context[key] = raw[0] if raw else ""
        elif isinstance(raw, str):
            try:
                context[key] = environment.from_string(raw).render(cookiecutter=context)
            except JinjaError as exc:
                raise TemplateError(f"the template's default for {key} cannot be rendered: {exc}") from None
        else:
            context[key] = raw
    return context


def _problem(context: Mapping[str, Any]) -> str | None:
    from oss_checks.record import render_problem

    answers = {k: v for k, v in context.items() if not k.startswith("_") or k == "_checks_repository"}
    return render_problem(answers)


def bake(
    root: Path,
    answers: Mapping[str, Any],
    output_dir: Path,
    *,
    quiet: bool = False,
    defaults: Mapping[str, Any] | None = None,
) -> Path:
    """Bake the template at ``root`` with ``answers`` into a new folder under ``output_dir``.

    Raises ``TemplateError`` (one line) for answers the template refuses, without
    creating anything.
    """
    try:
        from cookiecutter.exceptions import CookiecutterException
        from cookiecutter.generate import generate_files
    except ImportError:
        raise TemplateError(
            "rendering the template needs cookiecutter: pip install 'oss-checks[template]'"
        ) from None
    import logging

    logging.getLogger("cookiecutter").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="oss-template-copy-") as scratch:
        template = _copy_template(root, Path(scratch))
        questions = read_questions(template)
        with _extension_modules(template, questions):
            context = complete(template, answers, defaults)
            problem = _problem(context)
            if problem is not None:
                raise TemplateError(f"the template cannot be rendered with these answers: {problem}")
            context.update({"_template": str(root), "_repo_dir": str(root), "_output_dir": str(output_dir)})
            context.pop("__prompts__", None)
            try:
                with quietly() if quiet else nullcontext(), hook_scripts_in(Path(scratch)):
                    project = generate_files(
                        repo_dir=str(template),
                        context={"cookiecutter": context},
                        output_dir=str(output_dir),
                        accept_hooks=True,
                    )
            except (CookiecutterException, ValueError, OSError) as exc:
                raise TemplateError(f"the template cannot be rendered with these answers: {exc}") from None
    return Path(project)


@contextmanager
def rendered(
    root: Path, answers: Mapping[str, Any], defaults: Mapping[str, Any] | None = None
) -> Iterator[Path]:
    """The project the template at ``root`` bakes for ``answers``, in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="oss-template-") as scratch:
        yield bake(root, answers, Path(scratch), quiet=True, defaults=defaults)


def render_file(root: Path, answers: Mapping[str, Any], relative: str) -> str | None:
    """What the template at ``root`` would bake at ``relative`` for ``answers``, or None.

    The whole bake is rendered once per template and answers in a process: a ``--fix``
    that restores several files pays for one render.
    """
    data = _baked_files(str(root), json.dumps(dict(answers), sort_keys=True)).get(relative)
    return data.decode("utf-8") if data is not None else None


@lru_cache(maxsize=8)
def _baked_files(root: str, answers: str) -> dict[str, bytes]:
    with rendered(Path(root), json.loads(answers)) as project:
        files = {}
        for path in sorted(project.rglob("*")):
            if path.is_file() and not path.is_symlink():
                files[path.relative_to(project).as_posix()] = path.read_bytes()
        return files
