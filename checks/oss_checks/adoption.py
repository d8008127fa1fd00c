"""Adopting the template in a repository that already exists: infer, plan, apply.

:func:`infer` reads what the repository says about itself (pyproject.toml or setup.cfg,
the git remote, the layout, the docs and CI files) and proposes an answer to each of
the template's questions, with where it came from. :func:`plan` renders the template
with those answers and sorts its files into what adopting adds, what already exists and
stays as it is, and what it leaves out on purpose. :func:`apply` writes the record,
creates the missing files (never overwriting one), adds the oss-checks hooks to an
existing pre-commit configuration without rewriting the rest of it, and leaves the
baseline to the caller. Everything read here is the repository's, so it is data: every
answer is validated by the template before anything is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from oss_checks.context import Repo
from oss_checks.git import config_value, decode
from oss_checks.patterns import lazy
from oss_checks.text.ci import PRECOMMIT_CONFIG
from oss_checks.text.community import LICENSE_NAMES
from oss_checks.text.licenses import detect_licenses, license_families
from oss_checks.text.urls import parse_repo_url

#: Where each inferred answer came from, for the plan the user reads.
Sources = dict[str, str]

BASELINE_FILE = ".oss-checks-baseline.json"
_OPEN_LICENSES = {"mit": "MIT", "bsd-3-clause": "BSD-3-Clause", "apache-2.0": "Apache-2.0"}
_PYTHONS = ("3.10", "3.11", "3.12", "3.13")
_LOWER_BOUND = lazy(r">=?\s*3\.(\d+)")
_SETUP_CFG_KEY = lazy(r"^\s*(name|description|author|author_email)\s*=\s*(.+?)\s*$", re.MULTILINE)
_SLUG = lazy(r"[^a-z0-9]+")

#: Files of the template that adopting never adds: the example code, tests, notebooks and
#: data skeleton are for new projects; an existing repository has its own.
LEFT_OUT_PATTERNS = (
    "src/",
    "tests/",
    "notebooks/",
    "data/",
    "reports/",
    "docs/",
    "mkdocs.yml",
    ".readthedocs.yaml",
)
#: Added only where the repository has a package the template's sessions can install.
NEEDS_A_PACKAGE = (
    "pyproject.toml",
    "noxfile.py",
    ".github/workflows/",
    ".gitlab-ci.yml",
    ".github/dependabot.yml",
)


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-") or "project"


def _setup_cfg(repo: Repo) -> dict[str, str]:
    text = repo.read_text("setup.cfg") if repo.exists("setup.cfg") else None
    return {key: value.strip("\"'") for key, value in _SETUP_CFG_KEY.findall(text or "")}


def _remote(repo: Repo) -> str | None:
    output = config_value(repo.root, "remote.origin.url") if repo.is_git else None
    return decode(output).strip() if output else None


def _first_person(project: Mapping[str, Any]) -> tuple[str | None, str | None]:
    for key in ("authors", "maintainers"):
        people = project.get(key)
        if isinstance(people, list):
            for person in people:
                if isinstance(person, dict):
                    name, email = person.get("name"), person.get("email")
                    return (
                        name if isinstance(name, str) else None,
                        email if isinstance(email, str) else None,
                    )
    return None, None


def _license(repo: Repo) -> tuple[str | None, str]:
    declared = repo.project.get("license")
    if isinstance(declared, str):
        families, _ = license_families(declared)
        for family in families:
            if family in _OPEN_LICENSES:
                return _OPEN_LICENSES[family], "pyproject.toml license"
        if "proprietary" in families:
            return "Proprietary", "pyproject.toml license"
    path = repo.find(*LICENSE_NAMES)
    text = repo.read_text(path) if path is not None else None
    detected = detect_licenses(text) if text else []
    if len(detected) == 1:
        key = detected[0].key
        if key in _OPEN_LICENSES:
            return _OPEN_LICENSES[key], f"the text of {path}"
        if key == "proprietary":
            return "Proprietary", f"the text of {path}"
    return None, ""


def _python_min(repo: Repo) -> str | None:
    """The oldest Python the template offers that the project's requires-python admits."""
    spec = repo.project.get("requires-python")
    match = _LOWER_BOUND.search(spec) if isinstance(spec, str) else None
    if match is None:
        return None
    minor = int(match.group(1))
    return next((version for version in _PYTHONS if int(version.split(".")[1]) >= minor), _PYTHONS[-1])


def _importable(name: str) -> bool:
    import keyword
    import sys

    from oss_checks.bake import RESERVED_PACKAGE_NAMES

    return (
        name.isidentifier()
        and name == name.lower()
        and not keyword.iskeyword(name)
        and name not in RESERVED_PACKAGE_NAMES
        and name not in sys.stdlib_module_names
    )


def _has_package(repo: Repo) -> bool:
    return bool(repo.package_dirs) or repo.exists("setup.py") or repo.exists("setup.cfg")


def infer(repo: Repo) -> tuple[dict[str, str], Sources]:
    """Answers the repository implies, and where each came from; what it does not say is left out."""
    answers: dict[str, str] = {}
    sources: Sources = {}

    def found(key: str, value: str | None, source: str) -> None:
        if isinstance(value, str) and value.strip() and key not in answers:
            answers[key] = " ".join(value.split())
            sources[key] = source

    project, setup = repo.project, _setup_cfg(repo)
    remote = _remote(repo)
    url = parse_repo_url(remote) if remote else None
    found("project_name", project.get("name"), "pyproject.toml [project] name")
    found("project_name", setup.get("name"), "setup.cfg name")
    if url is not None and len(url.segments) >= 2:
        found("project_slug", url.segments[-1], "the git remote")
        found("organisation", "/".join(url.segments[:-1]), "the git remote")
        found("git_host", url.host, "the git remote")
        found("repository_url", url.text, "the git remote")
    found("project_slug", slug(repo.root.name), "the folder name")
    found("project_name", repo.root.name, "the folder name")
    # CCDS v1 calls its package `src`: not an import name the template can bake.
    packages = [folder for folder in repo.package_dirs if _importable(folder.rpartition("/")[2])]
    if packages:
        found("package_name", packages[0].rpartition("/")[2], f"the package folder {packages[0]}")
    found("package_name", answers["project_slug"].replace("-", "_").replace(".", "_"), "the repository name")
    found("description", project.get("description"), "pyproject.toml [project] description")
    found("description", setup.get("description"), "setup.cfg description")
    name, email = _first_person(project)
    found("author_name", name, "pyproject.toml authors")
    found("author_email", email, "pyproject.toml authors")
    found("author_name", setup.get("author"), "setup.cfg author")
    found("author_email", setup.get("author_email"), "setup.cfg author_email")
    license_id, license_source = _license(repo)
    found("license", license_id, license_source)
    if license_id is not None:
        found(
            "visibility",
            "internal" if license_id == "Proprietary" else "public",
            f"the license ({license_id})",
        )
    found("python_min", _python_min(repo), "pyproject.toml requires-python")
    analysis = ((repo.dir_exists("notebooks") or repo.dir_exists("data")) and not _has_package(repo)) or (
        repo.dir_exists("data") and repo.dir_exists("notebooks")
    )
    found(
        "project_type",
        "analysis" if analysis else "library",
        "the layout (notebooks/ and data/)" if analysis else "the layout",
    )
    if repo.exists("mkdocs.yml") or repo.exists("mkdocs.yaml"):
        found("docs", "mkdocs", "mkdocs.yml")
    elif any(
        repo.exists(path)
        for path in ("docs/conf.py", "doc/conf.py", "docs/source/conf.py", "doc/source/conf.py")
    ):
        found("docs", "sphinx", "a Sphinx conf.py")
    else:
        found("docs", "none", "no docs configuration")
    if any(path.startswith(".github/workflows/") for path in repo.paths):
        found("ci", "github", ".github/workflows/")
    elif repo.exists(".gitlab-ci.yml"):
        found("ci", "gitlab", ".gitlab-ci.yml")
    else:
        found("ci", "none", "no CI configuration")
    found("copyright_year", str(date.today().year), "this year")
    return answers, sources


# -- the plan ---------------------------------------------------------------------------------------
@dataclass
class Plan:
    """What adopting does: files to add, files kept as they are, files left out, and why."""

    answers: dict[str, Any]
    #: The answers as a bake records them (with any hidden answer a team set).
    recorded: dict[str, Any] = field(default_factory=dict)
    add: dict[str, bytes] = field(default_factory=dict)
    executable: set[str] = field(default_factory=set)
    kept: list[str] = field(default_factory=list)
    left_out: dict[str, str] = field(default_factory=dict)
    #: The pre-commit configuration as it will be, when the hooks are added to an existing one.
    precommit: str | None = None
    hooks_present: bool = False


def _left_out_reason(repo: Repo, path: str) -> str | None:
    if any(path == pattern or path.startswith(pattern) for pattern in LEFT_OUT_PATTERNS):
        return "starter content for new projects; the repository has its own"
    if path == "pyproject.toml":
        if repo.exists("setup.py") or repo.exists("setup.cfg"):
            return "the package is built with setup.py or setup.cfg: a pyproject.toml would change how"
        return (
            "the template's pyproject.toml describes a package in src/, which this repository does not have"
        )
    if not repo.project and any(path == pattern or path.startswith(pattern) for pattern in NEEDS_A_PACKAGE):
        return (
            "the template's nox sessions install the package that pyproject.toml's [project] table describes"
        )
    return None


def plan(repo: Repo, answers: Mapping[str, Any], rendered: Path) -> Plan:
    """Sort the files of the template rendered at ``rendered`` by what adopting does with each."""
    from oss_checks.record import RECORD_FILE, parse_record

    result = Plan(dict(answers))
    baked_record = parse_record((rendered / RECORD_FILE).read_text(encoding="utf-8")).record
    result.recorded = dict(baked_record.answers) if baked_record is not None else dict(answers)
    for path in sorted(p.relative_to(rendered).as_posix() for p in rendered.rglob("*") if p.is_file()):
        if path == RECORD_FILE:
            continue
        if repo.exists(path) or repo.find(path) is not None:
            result.kept.append(path)
            continue
        reason = _left_out_reason(repo, path)
        if reason is not None:
            result.left_out[path] = reason
            continue
        data = (rendered / path).read_bytes()
        if path == PRECOMMIT_CONFIG:
            data = with_baseline_arguments(data.decode("utf-8")).encode("utf-8")
        result.add[path] = data
        if (rendered / path).stat().st_mode & 0o111:
            result.executable.add(path)
    if PRECOMMIT_CONFIG in result.kept:
        current = repo.read_text(PRECOMMIT_CONFIG) or ""
        result.hooks_present = "oss-checks-repo" in current
        if not result.hooks_present:
            result.precommit = with_oss_checks_hooks(current, hooks_block(rendered))
    return result


def hooks_block(rendered: Path) -> list[str]:
    """The oss-checks entry of the template's pre-commit config, with the baseline arguments."""
    text = (rendered / PRECOMMIT_CONFIG).read_text(encoding="utf-8")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "id: oss-checks" in line)
    while start > 0 and "- repo:" not in lines[start]:
        start -= 1
    block: list[str] = []
    for line in lines[start:]:
        if block and line.strip() and not line.startswith("    ") and "- repo:" not in line:
            break
        if block and "- repo:" in line:
            break
        block.append(line)
    while block and not block[-1].strip():
        block.pop()
    return with_baseline_arguments("\n".join(block)).splitlines()


def with_baseline_arguments(text: str) -> str:
    """A pre-commit config whose oss-checks hooks read the baseline, so only new findings fail."""
    newline = "\r\n" if "\r\n" in text else "\n"
    out = []
    for line in text.splitlines():
        out.append(line)
        if line.strip() in ("- id: oss-checks", "- id: oss-checks-repo"):
            indent = " " * (len(line) - len(line.lstrip()) + 2)
            out.append(f'{indent}args: ["--baseline", "{BASELINE_FILE}"]')
    joined = newline.join(out)
    return joined + newline if text.endswith(("\n", "\r")) else joined


_TOP_LEVEL_KEY = lazy(r"^[A-Za-z_][\w-]*\s*:")


def with_oss_checks_hooks(text: str, block: list[str]) -> str:
    """``text`` (a pre-commit config) with ``block`` appended to its ``repos`` list, all else kept."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    starts = [index for index, line in enumerate(lines) if re.match(r"^repos\s*:\s*(#.*)?$", line)]
    if not starts:
        raise ValueError("it has no `repos:` list to add the hooks to")
    start = starts[0]
    end = next((i for i in range(start + 1, len(lines)) if _TOP_LEVEL_KEY.match(lines[i])), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    items = [line for line in lines[start + 1 : end] if line.lstrip().startswith("- ")]
    indent = (len(items[0]) - len(items[0].lstrip())) if items else 2
    block_indent = min((len(line) - len(line.lstrip()) for line in block if line.strip()), default=0)
    added = [""] + [" " * indent + line[block_indent:] if line.strip() else line for line in block]
    merged = [*lines[:end], *added, *lines[end:]]
    result = newline.join(merged)
    return result + newline if text.endswith(("\n", "\r\n")) or not text else result
