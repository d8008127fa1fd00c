"""Whether a repository builds a Python package, and where its package metadata lives.

A pyproject.toml that only configures tools (black, ruff, mypy) is how many analysis
projects use it; only a repository that builds a package needs package metadata. The
evidence is the repository's own: a ``[build-system]`` table, a ``setup.py``, a
``setup.cfg`` with ``[metadata]`` or ``[options]``, or a Poetry package.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from oss_checks.patterns import lazy

if TYPE_CHECKING:
    from oss_checks.context import Repo

#: The field an R package's DESCRIPTION starts with; other files called DESCRIPTION lack it.
_R_PACKAGE_FIELD = lazy(r"^Package:[ \t]*\S", re.MULTILINE)


def describes_r_package(description: str) -> bool:
    """Whether the text of a DESCRIPTION file is an R package's."""
    return _R_PACKAGE_FIELD.search(description) is not None


def description_text(repo: Repo) -> str:
    """The top DESCRIPTION's text ("" for none); R reads one that is not UTF-8 as its
    ``Encoding:`` field says, which for the packages that set it is almost always Latin-1."""

    def read() -> str:
        text = repo.read_text("DESCRIPTION")
        if text is not None:
            return text
        raw = repo.read_bytes("DESCRIPTION")
        return raw.decode("latin-1") if raw is not None else ""

    return repo.memo("r-description", read)


def is_r_package(repo: Repo) -> bool:
    """Whether the repository is an R package: its top holds a package's DESCRIPTION."""
    return describes_r_package(description_text(repo))


def ini_sections(text: str) -> dict[str, dict[str, str]]:
    """The sections of an INI file (setup.cfg, tox.ini, pytest.ini): ``{section: {key: value}}``.

    A small reader of its own, linear in the text: the standard library's configparser
    uses a regular expression that backtracks on long lines without a delimiter.
    Continuation lines (indented) are joined to the value with a newline.
    """
    # Each value is kept as its lines and joined once at the end: joining on every continuation
    # line would copy the value each time (a 16 MB value took minutes).
    collected: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    key: str | None = None
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if raw[:1] in (" ", "\t") and current is not None and key is not None:
            current[key].append(stripped)
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = collected.setdefault(stripped[1:-1].strip(), {})
            key = None
            continue
        if current is None:
            continue
        cut = min((at for at in (stripped.find("="), stripped.find(":")) if at > 0), default=-1)
        if cut < 0:
            key = None
            continue
        key = stripped[:cut].strip().lower()
        current[key] = [stripped[cut + 1 :].strip()]
    return {
        section: {name: "\n".join(lines).strip() for name, lines in values.items()}
        for section, values in collected.items()
    }


def setup_cfg_metadata(repo: Repo) -> bool:
    """Whether setup.cfg declares a package (``[metadata]`` with a name, or ``[options]``)."""

    def read() -> bool:
        text = repo.read_text("setup.cfg") if repo.exists("setup.cfg") else None
        if not text:
            return False
        sections = ini_sections(text)
        return bool(sections.get("metadata", {}).get("name")) or "options" in sections

    return repo.memo("builds:setup.cfg", read)


def poetry_table(pyproject: dict[str, Any] | None) -> dict[str, Any]:
    tool = (pyproject or {}).get("tool")
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    return poetry if isinstance(poetry, dict) else {}


def poetry_package(pyproject: dict[str, Any] | None) -> bool:
    """Whether ``[tool.poetry]`` names a package: a name and a version, not ``package-mode = false``."""
    poetry = poetry_table(pyproject)
    if poetry.get("package-mode") is False:
        return False
    return all(isinstance(poetry.get(key), str) and poetry[key].strip() for key in ("name", "version"))


def metadata_elsewhere(repo: Repo) -> str | None:
    """Where the package metadata lives when pyproject.toml has no ``[project]``: Poetry, setup.py, setup.cfg."""
    if poetry_package(repo.pyproject):
        return "[tool.poetry]"
    if repo.exists("setup.py"):
        return "setup.py"
    if setup_cfg_metadata(repo):
        return "setup.cfg"
    return None


def builds_package(repo: Repo) -> str | None:
    """Why the repository builds a Python package (a short phrase), or None when nothing says it does.

    uv's ``[tool.uv] package = false`` says the project is no package, whatever else is there.
    """
    pyproject = repo.pyproject or {}
    if declares_no_package(repo):
        return None
    if isinstance(pyproject.get("build-system"), dict):
        return "pyproject.toml has a [build-system]"
    if poetry_package(pyproject):
        return "pyproject.toml has a Poetry package"
    if repo.exists("setup.py"):
        return "the repository has a setup.py"
    if setup_cfg_metadata(repo):
        return "setup.cfg declares a package"
    return None


def declares_no_package(repo: Repo) -> bool:
    """Whether pyproject.toml says the project is no package: uv's ``[tool.uv] package = false``
    or Poetry's ``package-mode = false`` (an environment, a workspace of analyses)."""
    pyproject = repo.pyproject or {}
    tool = pyproject.get("tool")
    uv = tool.get("uv") if isinstance(tool, dict) else None
    return (isinstance(uv, dict) and uv.get("package") is False) or poetry_table(pyproject).get(
        "package-mode"
    ) is False


def code_packages(repo: Repo) -> list[str]:
    """The import packages that are the repository's product: none where pyproject.toml says the
    project is no package (a monorepo of analyses, one of which got an ``__init__.py`` to fix
    its imports), else every package folder."""
    return [] if declares_no_package(repo) else repo.package_dirs
