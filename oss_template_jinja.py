"""Jinja filters the template uses to write answers safely into any file format.

Cookiecutter loads this module by name from the template's root folder (see
``_extensions`` in cookiecutter.json), both when baking from this repository and when
oss-checks re-renders the copy of the template shipped inside its wheel, so it uses
the standard library only (plus the template's own ``bake.py``, loaded by path).

- ``quoted``: a double-quoted string that is valid in TOML, YAML, JSON and Python at
  once (JSON escaping without turning non-ASCII letters into ``\\u`` escapes);
- ``md``: text safe inside Markdown prose and headings;
- ``record``: the answers to record in ``.oss-template.json``, without cookiecutter's
  private keys (which hold absolute paths of the machine that baked);
- ``forge``: ``github`` or ``gitlab``, the forge whose conventions the project follows
  (``{{ cookiecutter | forge }}``), decided by ``oss_checks.bake.forge``;
- ``repo_link``: a page of the repository on its forge, e.g.
  ``{{ cookiecutter | repo_link("issues") }}`` (GitLab puts pages under ``/-/``);
- ``checks_repository``: the repository the hooks and the ``conventions`` session install
  oss-checks from: the hidden answer ``_checks_repository`` when set, else the repository
  the template was baked from (``oss_checks.bake.checks_repository``); ``checks_source``
  says which of the two it was;
- ``oss_template_root`` (global): the template's folder, for the hooks to import oss_checks.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.ext import Extension

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")
_HERE = Path(__file__).resolve().parent

#: Keys of the cookiecutter context that are answers worth recording.
RECORDED_PRIVATE_KEYS = ("_template_version", "_checks_repository")
#: Hidden answers a team may set in its cookiecutter defaults, kept so that re-rendering
#: (``oss-checks diff`` / ``update``) gives the same files.
OVERRIDABLE_PRIVATE_KEYS = ("_checks_repository",)


def quoted(value: Any) -> str:
    return json.dumps(str(value), ensure_ascii=False)


def md(value: Any) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))


def record(context: dict[str, Any]) -> str:
    answers = {
        key: value
        for key, value in context.items()
        if not key.startswith("_") or key in RECORDED_PRIVATE_KEYS
    }
    answers.pop("__prompts__", None)
    # The address the bake resolved, so that re-rendering (diff, update, --fix) uses it too.
    answers["_checks_repository"] = checks_repository(context)
    document = {
        "template": "oss-template",
        "version": context.get("_template_version", "0"),
        "answers": {
            k: v for k, v in answers.items() if not k.startswith("_") or k in OVERRIDABLE_PRIVATE_KEYS
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False)


@cache
def _bake_module() -> Any:
    """The ``bake.py`` that travels with this copy of the template.

    Loaded by path, not imported, so that a different oss-checks installed in the
    baking environment (or none) cannot change what this template bakes: in a checkout
    it is ``checks/oss_checks/bake.py``; inside the wheel, the template sits in
    ``oss_checks/_template`` next to ``bake.py``.
    """
    for candidate in (_HERE / "checks" / "oss_checks" / "bake.py", _HERE.parent / "bake.py"):
        if candidate.is_file():
            spec = importlib.util.spec_from_file_location("_oss_template_bake", candidate)
            if spec is None or spec.loader is None:  # a .py file always has a loader; mypy cannot know
                break
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    message = f"oss-template: bake.py is missing next to {_HERE}"
    raise RuntimeError(message)


def forge(answers: Mapping[str, Any]) -> str:
    chosen: Callable[[Mapping[str, Any]], str] = _bake_module().forge
    return chosen(answers)


def _checks(context: Mapping[str, Any]) -> tuple[str, str]:
    resolve: Callable[[Mapping[str, Any]], tuple[str, str]] = _bake_module().checks_repository
    return resolve(context)


def checks_repository(context: Mapping[str, Any]) -> str:
    return _checks(context)[0]


def checks_source(context: Mapping[str, Any]) -> str:
    return _checks(context)[1]


def repo_link(answers: Mapping[str, Any], page: str) -> str:
    base = str(answers["repository_url"]).rstrip("/")
    separator = "/-/" if forge(answers) == "gitlab" else "/"
    return f"{base}{separator}{page.lstrip('/')}"


class QuotingExtension(Extension):
    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["quoted"] = quoted
        environment.filters["md"] = md
        environment.filters["record"] = record
        environment.filters["forge"] = forge
        environment.filters["repo_link"] = repo_link
        environment.filters["checks_repository"] = checks_repository
        environment.filters["checks_source"] = checks_source
        # The hooks import oss_checks from the template's checkout; cookiecutter runs them
        # from the output folder, so they need this module's absolute location.
        environment.globals["oss_template_root"] = str(_HERE)
