"""Who a repository is for: whether others install it, whether it makes releases, whether it asks for help.

The conventions about community files speak outside adopting repositories only where the
repository's own evidence says people outside the team depend on it or join it. The
evidence is cheap: metadata already parsed, the CI files, and one ``git tag`` call.
Each answer is a short reason (for the message) or None.
"""

from __future__ import annotations

import configparser
import re
from typing import TYPE_CHECKING

from oss_checks.text.ci import ci_files
from oss_checks.text.community import CONTRIBUTING_NAMES, docs_guide

if TYPE_CHECKING:
    from oss_checks.context import Repo

#: A CI step that uploads a package to an index.
_PUBLISH = re.compile(
    r"pypa/gh-action-pypi-publish|\btwine\s+upload\b|\b(?:uv|poetry|flit|hatch|pdm)\s+publish\b"
    r"|\bmaturin\s+(?:publish|upload)\b|\bconda\s+upload\b|\banaconda\s+(?:-\S+\s+)*upload\b"
)
#: ``v1.2.0``, ``1.2``, ``2024.06.01``, ``release-1.0``, ``pkg-v0.3.1``: a tag that names a version.
_VERSION_TAG = re.compile(r"(?:[A-Za-z][\w.-]*?[-_/])?v?\d+(?:\.\d+)+(?:[-.+]?[0-9A-Za-z.]+)?")


def setup_cfg_classifiers(repo: Repo) -> bool:
    """Whether setup.cfg declares classifiers in ``[metadata]``."""
    text = repo.read_text("setup.cfg") if repo.exists("setup.cfg") else None
    if not text:
        return False
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except (configparser.Error, ValueError):
        return False
    return bool(parser.get("metadata", "classifiers", fallback="").strip())


def is_package(repo: Repo) -> bool:
    """Whether the repository builds a distribution: a build backend, [project] or setuptools files."""
    pyproject = repo.pyproject or {}
    return bool(
        pyproject.get("build-system")
        or repo.project
        or (pyproject.get("tool") or {}).get("poetry")
        or repo.exists("setup.py")
        or repo.exists("setup.cfg")
    )


def release_tags(repo: Repo) -> list[str]:
    """The git tags that name a version (one ``git tag`` call per repository)."""

    def read() -> list[str]:
        if not repo.is_git:
            return []
        output = repo.git("tag", "--list")
        if not output:
            return []
        names = output.decode("utf-8", "replace").splitlines()
        return [name for name in names if _VERSION_TAG.fullmatch(name.strip())]

    return repo.memo("release-tags", read)


def published(repo: Repo) -> str | None:
    """Why the project looks published for others to install, or None.

    PyPI classifiers exist only to describe a package on an index; a CI step that uploads
    one says so directly; a package with version tags makes releases.
    """

    def decide() -> str | None:
        classifiers = repo.project.get("classifiers")
        poetry = ((repo.pyproject or {}).get("tool") or {}).get("poetry")
        if (isinstance(classifiers, list) and classifiers) or (
            isinstance(poetry, dict) and isinstance(poetry.get("classifiers"), list) and poetry["classifiers"]
        ):
            return "pyproject.toml describes it for a package index"
        if setup_cfg_classifiers(repo):
            return "setup.cfg describes it for a package index"
        for path in ci_files(repo):
            text = repo.read_text(path)
            if text and _PUBLISH.search(text):
                return f"{path} uploads it to a package index"
        if is_package(repo) and release_tags(repo):
            return "it is a package with release tags"
        return None

    return repo.memo("published", decide)


def makes_releases(repo: Repo) -> str | None:
    """Why the project looks like a package that publishes versioned releases, or None."""
    tags = release_tags(repo)
    if not tags or not is_package(repo):
        return None
    reason = published(repo)
    if reason is None or reason.startswith("it is a package"):
        return None  # tags alone mark course deliverables and book editions as often as releases
    return f"it is published and tags its releases ({tags[-1]})"


def invites_contributions(repo: Repo) -> str | None:
    """Why the project looks open to contributions from outside its team, or None.

    The sign is a contributing guide of its own (a file, or a page of its docs): the
    project's statement that it expects people to send changes. Issue templates alone ask
    users for bug reports, not for contributions, and a README that only links an
    organisation's guide leaves the policies to the organisation too.
    """

    def decide() -> str | None:
        guide = repo.find(*CONTRIBUTING_NAMES) or docs_guide(repo, "contributing")
        return None if guide is None else f"{guide} invites contributions"

    return repo.memo("invites-contributions", decide)
