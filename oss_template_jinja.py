"""Jinja filters the template uses to write answers safely into any file format.

Cookiecutter loads this module by name from the template's root folder (see
``_extensions`` in cookiecutter.json), both when baking from this repository and when
oss-checks re-renders the copy of the template shipped inside its wheel, so it uses
the standard library only.

- ``quoted``: a double-quoted string that is valid in TOML, YAML, JSON and Python at
  once (JSON escaping without turning non-ASCII letters into ``\\u`` escapes);
- ``md``: text safe inside Markdown prose and headings;
- ``oss_template_root``: the template's folder, for the hooks to import oss_checks;
- ``record``: the answers to record in ``.oss-template.json``, without cookiecutter's
  private keys (which hold absolute paths of the machine that baked).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.ext import Extension

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")

#: Keys of the cookiecutter context that are answers worth recording.
RECORDED_PRIVATE_KEYS = ("_template_version",)


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
    document = {
        "template": "oss-template",
        "version": context.get("_template_version", "0"),
        "answers": {k: v for k, v in answers.items() if not k.startswith("_")},
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False)


class QuotingExtension(Extension):
    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["quoted"] = quoted
        environment.filters["md"] = md
        environment.filters["record"] = record
        # The hooks import oss_checks from the template's checkout; cookiecutter runs them
        # from the output folder, so they need this module's absolute location.
        environment.globals["oss_template_root"] = str(Path(__file__).resolve().parent)
