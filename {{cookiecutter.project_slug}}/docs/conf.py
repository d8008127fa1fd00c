"""Sphinx configuration; the authors and the version come from the package metadata."""

from __future__ import annotations

{% if cookiecutter.python_min == "3.10" -%}
import sys
from importlib import metadata
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib
{%- else -%}
import tomllib
from importlib import metadata
from pathlib import Path
{%- endif %}

_PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"
_PROJECT = tomllib.loads(_PYPROJECT.read_text(encoding="utf-8"))["project"]

# The name people read; pyproject.toml holds the distribution name.
project = {{ cookiecutter.project_name | quoted }}
author = ", ".join(person["name"] for person in _PROJECT.get("authors", []) if "name" in person)
# The copyright holder named in LICENSE.
copyright = {{ (cookiecutter.copyright_year ~ ", " ~ cookiecutter.copyright_holder) | quoted }}
# Every module-level name here is a Sphinx setting: `version` and `release` included.
release = version = metadata.version(_PROJECT["name"])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = project
