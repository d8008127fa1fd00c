"""The cookiecutter template, as shipped inside the wheel (or this repo's checkout).

Used by ``--fix`` to create a missing file with the project's own answers, and by the
drift commands to re-render what the template would bake today, all offline.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oss_checks import __version__
from oss_checks.bake import QUIET_ENV
from oss_checks.errors import UserError

if TYPE_CHECKING:
    from oss_checks.context import Repo


class TemplateError(UserError):
    """The template cannot be rendered here; the message is one line for the user."""


@cache
def template_root() -> Path:
    """The folder holding ``cookiecutter.json``: inside the wheel, else this repository."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_template", here.parent.parent):
        if (candidate / "cookiecutter.json").is_file():
            return candidate
    raise TemplateError("the oss-template files are not installed with this copy of oss-checks")


@cache
def defaults() -> dict[str, Any]:
    """The template's prompts with their raw defaults (choice lists give their first item)."""
    raw = json.loads((template_root() / "cookiecutter.json").read_text(encoding="utf-8"))
    return {
        key: value[0] if isinstance(value, list) else value
        for key, value in raw.items()
        if not key.startswith("_")
    }


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "project"


def answers_for(repo: Repo) -> dict[str, Any]:
    """The answers to render with: the template record's, else what pyproject.toml says."""
    recorded = dict(repo.answers)
    if recorded:
        return recorded
    project = repo.project
    answers: dict[str, Any] = {}
    name = project.get("name")
    if isinstance(name, str) and name:
        answers["project_name"] = name
        answers["project_slug"] = _slug(name)
        answers["package_name"] = _slug(name).replace("-", "_")
    if isinstance(project.get("description"), str) and project["description"]:
        answers["description"] = project["description"]
    authors = project.get("authors")
    if isinstance(authors, list) and authors and isinstance(authors[0], dict):
        if isinstance(authors[0].get("name"), str):
            answers["author_name"] = authors[0]["name"]
        if isinstance(authors[0].get("email"), str):
            answers["author_email"] = authors[0]["email"]
    urls = project.get("urls")
    if isinstance(urls, dict):
        source = urls.get("Source") or urls.get("Repository") or urls.get("Homepage")
        if isinstance(source, str) and source.startswith("https://"):
            answers["repository_url"] = source
    license_id = project.get("license")
    if isinstance(license_id, str) and license_id in ("MIT", "BSD-3-Clause", "Apache-2.0"):
        answers["license"] = license_id
        answers["visibility"] = "public"
    answers["project_type"] = repo.project_type
    return answers


@contextmanager
def rendered(answers: Mapping[str, Any], root: Path | None = None) -> Iterator[Path]:
    """Bake the template (``root``, default the shipped one) into a temporary folder."""
    try:
        from cookiecutter.exceptions import CookiecutterException
        from cookiecutter.main import cookiecutter
    except ImportError:
        raise TemplateError(
            "rendering the template needs cookiecutter: pip install 'oss-checks[template]'"
        ) from None
    import logging

    logging.getLogger("cookiecutter").setLevel(logging.CRITICAL)
    source = root or template_root()
    with tempfile.TemporaryDirectory(prefix="oss-template-") as scratch, _quiet_hooks():
        try:
            project = cookiecutter(
                str(source),
                no_input=True,
                extra_context={
                    k: v for k, v in answers.items() if not k.startswith("_") or k == "_checks_repository"
                },
                output_dir=str(Path(scratch) / "project"),
                accept_hooks=True,
                # Keep replay files and clones in the scratch folder, not in the user's home.
                default_config={
                    "replay_dir": str(Path(scratch) / "replay"),
                    "cookiecutters_dir": str(Path(scratch) / "cookiecutters"),
                },
            )
        except (CookiecutterException, ValueError) as exc:
            raise TemplateError(f"the template cannot be rendered with these answers: {exc}") from None
        yield Path(project)


@contextmanager
def _quiet_hooks() -> Iterator[None]:
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


def render_file(repo: Repo, relative: str) -> str | None:
    """What the template would bake at ``relative`` for this repository, or None."""
    with rendered(answers_for(repo)) as project:
        target = project / relative
        return target.read_text(encoding="utf-8") if target.is_file() else None


def version() -> str:
    return __version__
