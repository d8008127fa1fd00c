"""What copier needs to render this cookiecutter template from the same files.

``copier.yml`` (generated from ``cookiecutter.json`` by ``python -m oss_checks.manifest``)
loads this module through copier-template-extensions' ``TemplateExtensionLoader``
(``oss_template_copier.py:CookiecutterContext``). The extension

- puts a ``cookiecutter`` mapping into every copier render context, so that the template
  files, the defaults in ``cookiecutter.json`` (``{{ cookiecutter.project_name | slugify }}``)
  and the filters read the same values under either engine: the answers in
  ``cookiecutter.json``'s order, its hidden keys (``_template_version``; a hidden answer
  ``_x`` takes copier's answer ``x`` when copier.yml asks for one), and ``_template`` /
  ``_repo_dir``, the template reference and folder the bake came from (copier's
  ``_src_path``), as cookiecutter sets them;
- registers the filters of ``oss_template_jinja.py`` and what cookiecutter has built in
  but copier has not: ``slugify`` (python-slugify, the library cookiecutter uses) and the
  ``{% now 'utc', '%Y' %}`` tag;
- gives ``copier.yml`` the filters behind its per-question validators
  (``answer_problem``), its ``_exclude`` (``excluded_paths``: the files cookiecutter's
  post-generation hook removes, from the same ``bake.unwanted_paths``) and its message
  after copying (``next_steps``).

It reads only this folder: ``cookiecutter.json``, ``oss_template_jinja.py`` and the
``bake.py`` that travels with them, all loaded by path. Answers stay data: copier never
renders an answer as a template, and neither does this module.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from copier_template_extensions import ContextHook
from jinja2 import Environment, nodes
from jinja2.exceptions import TemplateRuntimeError
from jinja2.parser import Parser

_HERE = Path(__file__).resolve().parent
#: cookiecutter's own default for ``{% now %}`` without a format.
_NOW_FORMAT = "%Y-%m-%d"


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:  # a .py file always has a loader; mypy cannot know
        message = f"oss-template: cannot load {path}"
        raise RuntimeError(message)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _jinja_module() -> ModuleType:
    return _load(_HERE / "oss_template_jinja.py", "_oss_template_jinja_for_copier")


@cache
def _bake_module() -> ModuleType:
    """The ``bake.py`` of this copy of the template (a checkout, or next to ``_template/``)."""
    for candidate in (_HERE / "checks" / "oss_checks" / "bake.py", _HERE.parent / "bake.py"):
        if candidate.is_file():
            return _load(candidate, "_oss_template_bake_for_copier")
    message = f"oss-template: bake.py is missing next to {_HERE}"
    raise RuntimeError(message)


@cache
def _questions() -> dict[str, Any]:
    data = json.loads((_HERE / "cookiecutter.json").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        message = f"oss-template: {_HERE / 'cookiecutter.json'} is not a JSON object"
        raise RuntimeError(message)
    return data


def _source(context: Mapping[str, Any]) -> tuple[str, str]:
    """The template reference copier was given, and the folder it names when it is local."""
    answers = context.get("_copier_answers")
    reference = answers.get("_src_path") if isinstance(answers, Mapping) else None
    conf = context.get("_copier_conf")
    rendered_from = str(conf["src_path"]) if isinstance(conf, Mapping) and "src_path" in conf else ""
    if not isinstance(reference, str) or not reference:
        return rendered_from, rendered_from
    local = Path(reference).expanduser()
    # copier renders from a clone of a local git repository; cookiecutter's `_repo_dir` is the
    # folder the user named, whose git remote tells where the hooks come from.
    return reference, str(local.absolute()) if local.is_dir() else rendered_from


def cookiecutter_context(context: Mapping[str, Any]) -> dict[str, Any]:
    """The ``cookiecutter`` mapping cookiecutter would render with, from copier's context."""
    mapping: dict[str, Any] = {}
    for key, raw in _questions().items():
        if key.startswith("__"):
            continue
        if key.startswith("_"):
            mapping[key] = context.get(key[1:], raw)
        elif key in context:
            mapping[key] = context[key]
    mapping["_template"], mapping["_repo_dir"] = _source(context)
    return mapping


def _answers(cookiecutter: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in cookiecutter.items() if not key.startswith("_") or key in _hidden()}


def _hidden() -> tuple[str, ...]:
    """The hidden keys copier asks for (``_checks_repository`` as ``checks_repository``)."""
    names: tuple[str, ...] = getattr(_jinja_module(), "OVERRIDABLE_PRIVATE_KEYS", ("_checks_repository",))
    return names


def answer_problem(cookiecutter: Mapping[str, Any], key: str) -> str:
    """copier's validator for the question ``key``: empty, or the one line bake.py refuses it with.

    The answers asked so far are in ``cookiecutter``. The line drops bake.py's ``key:`` prefix,
    since copier names the question itself.
    """
    bake = _bake_module()
    answers = _answers(cookiecutter)
    per_answer: Callable[[str, Mapping[str, Any]], str | None] | None = getattr(bake, "answer_problem", None)
    if per_answer is not None:
        problem = per_answer(key, answers)
    else:
        # A bake.py from before per-answer checks (template 0.1.0) judges all the answers at
        # once: at the last question, when they are all in.
        questions = [name for name in _questions() if not name.startswith("_")]
        problem = None
        if questions and key == questions[-1]:
            try:
                bake.validate(answers)
            except bake.AnswerError as exc:
                problem = str(exc)
    if problem is None:
        return ""
    return str(problem).removeprefix(f"{key}: ")


def excluded_paths(cookiecutter: Mapping[str, Any]) -> str:
    """copier ``_exclude`` patterns, one a line: what cookiecutter's hook prunes for these answers."""
    return "\n".join(f"/{path}" for path in _bake_module().unwanted_paths(_answers(cookiecutter)))


def _supported(function: Callable[..., str], *args: Any, **keywords: Any) -> str:
    """Call ``function`` with the keyword arguments it knows (bake.py grew some over releases)."""
    parameters = inspect.signature(function).parameters
    return function(*args, **{name: value for name, value in keywords.items() if name in parameters})


def next_steps(cookiecutter: Mapping[str, Any], destination: Any) -> str:
    """copier's message after copying: the next steps cookiecutter's hook prints."""
    bake = _bake_module()
    if os.environ.get(getattr(bake, "QUIET_ENV", "OSS_TEMPLATE_QUIET")):
        return ""
    answers = _answers(cookiecutter)
    checks_repository = getattr(bake, "checks_repository", None)
    source = checks_repository(cookiecutter)[1] if checks_repository is not None else None
    project = Path(os.path.abspath(str(destination)))
    # copier asks for the hidden answer under its own name (copier.yml), given with --data.
    setting = "bake again with `--data checks_repository=<your copy>`"
    return _supported(bake.next_steps, answers, project, checks_source=source, checks_setting=setting)


def slugify(value: Any, *args: Any, **keywords: Any) -> str:
    """cookiecutter's ``slugify`` filter: python-slugify itself, so both engines agree on every name."""
    try:
        from slugify import slugify as python_slugify
    except ImportError:
        from copier.errors import UserMessageError

        message = (
            "oss-template: the default repository name needs python-slugify next to copier: "
            "`pipx inject copier python-slugify` (or answer project_slug yourself)"
        )
        raise UserMessageError(message) from None
    slug: str = python_slugify(str(value), *args, **keywords)
    return slug


class CookiecutterContext(ContextHook):
    """The ``cookiecutter`` mapping, the template's filters, ``slugify`` and ``{% now %}`` for copier."""

    tags = {"now"}  # noqa: RUF012 - Jinja declares it a plain set, read by the class

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        _jinja_module().QuotingExtension(environment)
        environment.filters["slugify"] = slugify
        environment.filters["answer_problem"] = answer_problem
        environment.filters["excluded_paths"] = excluded_paths
        environment.filters["next_steps"] = next_steps

    def hook(self, context: dict[str, Any]) -> None:
        context["cookiecutter"] = cookiecutter_context(context)

    def parse(self, parser: Parser) -> nodes.Node:
        """``{% now 'utc' %}`` or ``{% now 'utc', '%Y' %}``, as cookiecutter's time extension reads it."""
        lineno = next(parser.stream).lineno
        zone = parser.parse_expression()
        pattern: nodes.Expr = nodes.Const(_NOW_FORMAT)
        if parser.stream.skip_if("comma"):
            pattern = parser.parse_expression()
        return nodes.Output([self.call_method("_now", [zone, pattern], lineno=lineno)], lineno=lineno)

    def _now(self, zone: str, pattern: str) -> str:
        if zone == "utc":
            moment = datetime.now(timezone.utc)
        elif zone == "local":
            moment = datetime.now().astimezone()
        else:
            message = f"{{% now %}} takes 'utc' or 'local' here, not {zone!r}"
            raise TemplateRuntimeError(message)
        return moment.strftime(pattern)
