"""Packaging metadata (OSS2xx): what pyproject.toml tells installers, indexes and scanners.

OSS201 reports a missing or broken pyproject.toml; every other rule here then stays
silent, so one broken file gives one finding.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple
from urllib.parse import urlsplit

from oss_checks.patterns import lazy
from oss_checks.registry import Finding, Kind, Rule, Severity, Stakeholder
from oss_checks.text.audience import INSTALL_FROM_GIT, on_package_index
from oss_checks.text.builds import declares_no_package, ini_sections, metadata_elsewhere, poetry_table
from oss_checks.text.citation import citation
from oss_checks.text.community import README_NAMES, main_license
from oss_checks.text.licenses import (
    GNU_FAMILIES,
    LICENSE_ALIASES,
    classifier_expression,
    dep5_licenses,
    detect_licenses,
    license_classifiers,
    license_families,
    license_file_expression,
    spdx_expression_error,
    spdx_spelling,
)
from oss_checks.text.locators import text_line, toml_key_line
from oss_checks.text.setup_py import setup_keywords
from oss_checks.text.urls import SOURCE_LABELS, is_forge, parse_repo_url, project_urls, url_label

if TYPE_CHECKING:
    from oss_checks.context import Repo

PYPROJECT = "pyproject.toml"
_TOML_POSITION = lazy(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_AT_END = lazy(r"\s*\(at end of document\)\s*$")


# -- OSS201 -----------------------------------------------------------------------------
#: Fields other rules check with their own, more precise, message (OSS201 checks name and version).
_FIELDS_CHECKED_ELSEWHERE = frozenset(
    {"description", "readme", "requires-python", "license", "authors", "maintainers", "urls", "classifiers"}
)
#: Enough to find every problem of a real pyproject.toml, few enough to stay quick on a hostile one.
_MAX_SCHEMA_PROBLEMS = 20


class _SchemaProblem(NamedTuple):
    table: str  # "project" or "build-system"
    key: str  # the key of that table the problem is in
    message: str


@functools.cache
def _schema_validator() -> Any:
    """validate-pyproject's validator of the standard tables, built once; None when it is not installed.

    Imported here, not at the top: it costs a few tenths of a second, which only a
    repository with package metadata pays, and never the per-file hook.
    """
    try:
        from validate_pyproject import api
    except ImportError:
        return None
    formats = dict(api.FORMAT_FUNCTIONS)
    try:
        known_classifiers = importlib.import_module("trove_classifiers").classifiers
    except (ImportError, AttributeError):  # without the package validate-pyproject would download the list
        formats["trove-classifier"] = lambda _value: True
    else:
        formats["trove-classifier"] = lambda value: value in known_classifiers
    return api.Validator(plugins=[], format_validators=formats)


def _metadata_by_backend(repo: Repo, build_system: Mapping[str, Any]) -> bool:
    """Whether the build backend takes the metadata from a file of its own (maturin, old flit)."""
    backend = build_system.get("build-backend")
    if isinstance(backend, str) and backend.startswith("maturin") and repo.exists("Cargo.toml"):
        return True
    tool = (repo.pyproject or {}).get("tool")
    flit = tool.get("flit") if isinstance(tool, dict) else None
    return isinstance(flit, dict) and isinstance(flit.get("metadata"), dict)


def _problem_key(name: str) -> tuple[str, str]:
    """``("project", "dependencies")`` from validate-pyproject's ``project.dependencies[0]``."""
    parts = re.split(r"[.\[]", name.strip("`"), maxsplit=2)
    return parts[0], parts[1] if len(parts) > 1 else ""


def schema_problems(pyproject: Mapping[str, Any]) -> list[_SchemaProblem] | None:
    """What validate-pyproject finds wrong in ``[build-system]`` and ``[project]``; None without it.

    The validator stops at the first problem, so each problem's key is taken out and the
    rest validated again: every problem is found, not only the first.
    """
    validator = _schema_validator()
    if validator is None:
        return None
    from validate_pyproject import errors

    data = {
        table: dict(pyproject[table])
        for table in ("build-system", "project")
        if isinstance(pyproject.get(table), dict)
    }
    problems: list[_SchemaProblem] = []
    for _ in range(_MAX_SCHEMA_PROBLEMS):
        try:
            validator(data)
            break
        except errors.ValidationError as exc:
            table, key = _problem_key(exc.name or "")
            if table not in data:
                break  # not a problem of a table this looks at
            if exc.rule == "additionalProperties" and not key:
                allowed = list((exc.definition or {}).get("properties", {}))
                unknown = sorted(set(data[table]) - set(allowed))
                if not unknown:
                    break
                import difflib  # only for a misspelt key

                for name in unknown:
                    close = difflib.get_close_matches(name, allowed, n=1) if len(name) < 100 else []
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    shown = name if len(name) < 100 else name[:60] + "..."
                    problems.append(
                        _SchemaProblem(
                            table, name, f"[{table}] has the key {shown!r}, which no standard defines{hint}"
                        )
                    )
                    del data[table][name]
                continue
            summary = str(getattr(exc, "summary", "") or exc).splitlines()[0]
            if not key or key not in data[table]:
                placeholders = {"name": "name", "version": "0"}
                dynamic = data[table].get("dynamic")
                missing = [
                    field
                    for field in placeholders
                    if field not in data[table] and not (isinstance(dynamic, list) and field in dynamic)
                ]
                if exc.rule == "required" and table == "project" and missing:
                    for field in missing:  # a missing name or version is OSS201's own finding; go on
                        data[table][field] = placeholders[field]
                    continue
                problems.append(_SchemaProblem(table, key, summary))
                break
            if not (table == "project" and key in _FIELDS_CHECKED_ELSEWHERE):
                problems.append(_SchemaProblem(table, key, summary))
            del data[table][key]
        except Exception:  # noqa: BLE001 - the validator's own bug must not hide the other findings
            break
    return problems


class OSS201(Rule):
    """pyproject.toml is missing or not valid

    ## What it does
    Checks that pyproject.toml is UTF-8 text and parses as TOML, and that its `[project]`
    table, when there is one, has a `name` and a `version` (or `dynamic = ["version"]`).
    A TOML error is reported on the line the parser stopped at. When validate-pyproject
    is installed, `[project]` and `[build-system]` are also checked against the
    standards' schema: a key no standard defines (a misspelt `requires_python` or
    `licence`) and a value of the wrong form (`dependencies = "numpy"`) are reported on
    their line; without validate-pyproject that part is skipped.

    A repository that builds a package (a `[build-system]` table) but has no package
    metadata anywhere (no `[project]`, no Poetry `name` and `version`, no `setup.py`, no
    `setup.cfg` with a `[metadata]` name) is reported, unless Poetry is told the project
    is no package (`package-mode = false`). A pyproject.toml that only configures tools
    (black, ruff, mypy) is fine. A missing pyproject.toml, or one without
    `[project]` next to a `setup.py`, is reported only where the conventions were adopted,
    and so is a missing version in the `[project]` table of a pixi or uv workspace that
    nothing builds (no `[build-system]`, a `[tool.pixi]` table or a `pixi.lock` or
    `uv.lock`) and no package index offers.

    ## Why is this bad?
    pyproject.toml is where installers, build tools, linters and these checks read what the
    project is. When it is broken, `pip install .` fails, the tools fall back to defaults
    nobody chose, and the remaining packaging checks cannot run. A key with a typo is
    worse than a missing one: build tools reject the whole file.

    ## Example
    A missing `=` after a key, such as `name "churn-model"`; a `[project]` table without
    a name; `requires_python = ">=3.11"` (with an underscore) in `[project]`.

    ## How to fix
    Fix the line named in the message (a TOML-aware editor underlines it), or add a
    pyproject.toml with a `[project]` table such as the one the oss-template bakes.
    """

    name = "pyproject-valid"
    kind = Kind.CONVENTION
    elsewhere = (
        "a pyproject.toml that cannot be read or parsed, a [project] table without a name or "
        "version or with keys no standard defines, and a [build-system] with no package "
        "metadata anywhere; not a missing pyproject.toml, one that only configures tools, or "
        "a missing version where a pixi or uv workspace that nothing builds names its environment."
    )
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.DATA_SCIENCE)

    def check(self, repo: Repo) -> Iterator[Finding]:
        if not repo.exists(PYPROJECT) and not repo.is_symlink(PYPROJECT):
            if self.in_full:
                yield self.finding(
                    PYPROJECT,
                    "pyproject.toml is missing: add one with a [project] table naming the package, its "
                    "description, supported Python versions and license",
                )
            return
        if repo.pyproject is None:
            yield self._parse_finding(repo)
            return
        text = repo.read_text(PYPROJECT) or ""
        pyproject = repo.pyproject
        project = pyproject.get("project")
        if not isinstance(project, dict):
            yield from self._no_project(repo, text)
            return
        header = toml_key_line(text, "project")
        if not isinstance(project.get("name"), str) or not project["name"].strip():
            yield self.finding(
                PYPROJECT,
                'pyproject.toml [project] has no name: add name = "<distribution name>"',
                line=toml_key_line(text, "project", "name") or header,
            )
        dynamic = project.get("dynamic")
        dynamic_fields = dynamic if isinstance(dynamic, list) else []
        unbuilt = not self.in_full and unbuilt_workspace(repo) and on_package_index(repo) is None
        if "version" not in project and "version" not in dynamic_fields and not unbuilt:
            yield self.finding(
                PYPROJECT,
                'pyproject.toml [project] has no version: add version = "0.1.0" or '
                'dynamic = ["version"] with your build tool reading it from the code',
                line=header,
            )
        for problem in schema_problems(pyproject) or []:
            line = toml_key_line(text, problem.table, problem.key or None) or toml_key_line(
                text, problem.table
            )
            yield self.finding(
                PYPROJECT,
                f"pyproject.toml {problem.message}: build tools reject the file; fix or remove it",
                line=line,
            )

    def _no_project(self, repo: Repo, text: str) -> Iterator[Finding]:
        pyproject = repo.pyproject or {}
        line = toml_key_line(text, "project")
        if "project" in pyproject:  # `project = "x"`: a value where a table belongs
            yield self.finding(
                PYPROJECT,
                "pyproject.toml has no [project] table (`project` is not a table): write [project] "
                "with name, version, description, requires-python and license (PEP 621)",
                line=line,
            )
            return
        elsewhere = metadata_elsewhere(repo)
        if elsewhere == "[tool.poetry]":
            return
        if self.in_full:
            yield self.finding(
                PYPROJECT,
                "pyproject.toml has no [project] table: add one with name, version, description, "
                "requires-python and license (PEP 621)",
                line=line,
            )
            return
        build_system = pyproject.get("build-system")
        if (
            not isinstance(build_system, dict)
            or elsewhere is not None
            or _metadata_by_backend(repo, build_system)
            or poetry_table(pyproject).get("package-mode") is False
        ):
            # A pyproject.toml that configures tools, next to setup.py or setup.cfg metadata, or
            # that Poetry uses for the dependencies of a project it is told is no package.
            return
        yield self.finding(
            PYPROJECT,
            "pyproject.toml has a [build-system] but no package metadata ([project], setup.py or "
            "setup.cfg): the build has no name or version; add [project] with name and version (PEP 621)",
            line=toml_key_line(text, "build-system"),
        )

    def _parse_finding(self, repo: Repo) -> Finding:
        error = repo.pyproject_error or ""
        if repo.read_text(PYPROJECT) is None or not error.startswith("is not valid TOML"):
            kind = (
                "it is a symbolic link that leads to no file inside the repository"
                if repo.is_symlink(PYPROJECT)
                else "it is binary or not UTF-8"
            )
            return self.finding(
                PYPROJECT,
                f"pyproject.toml cannot be read as text ({kind}); save it as a plain UTF-8 file",
            )
        reason = error.removeprefix("is not valid TOML: ")
        position = _TOML_POSITION.search(reason)
        line = col = 0
        if position:
            line, col = int(position.group(1)), int(position.group(2))
            reason = reason[: position.start()]
        elif _TOML_AT_END.search(reason):
            line = len((repo.read_text(PYPROJECT) or "").splitlines()) or 1
            reason = _TOML_AT_END.sub("", reason)
        where = f" on line {line}" if line else ""
        return self.finding(
            PYPROJECT,
            f"pyproject.toml is not valid TOML: {reason}; fix the syntax{where}",
            line=line,
            col=col,
        )


# -- shared by OSS202-OSS209 ------------------------------------------------------------------
class _Pyproject(NamedTuple):
    repo: Repo
    project: Mapping[str, Any]
    text: str


class _ProjectField(Rule):
    """A check of one [project] field; silent when pyproject.toml is missing or broken (OSS201), and
    where it says the project is no package (uv's ``package = false``, Poetry's ``package-mode = false``)."""

    #: The [project] key this rule looks at; the rule is silent when it is listed in ``dynamic``.
    field: ClassVar[str]

    def check(self, repo: Repo) -> Iterator[Finding]:
        data = repo.pyproject
        project = data.get("project") if data is not None else None
        if not isinstance(project, dict) or declares_no_package(repo):
            return  # `[tool.uv] package = false`: the table lists an environment's needs, no package page shows it
        dynamic = project.get("dynamic")
        if isinstance(dynamic, list) and self.field in dynamic:
            return  # the build backend fills it in; nothing to read here
        yield from self.check_project(_Pyproject(repo, project, repo.read_text(PYPROJECT) or ""))

    def check_project(self, pyproject: _Pyproject) -> Iterator[Finding]:
        raise NotImplementedError

    def field_line(self, text: str, key: str | None = None) -> int:
        """The line of the field, else of the [project] header."""
        return toml_key_line(text, "project", key or self.field) or toml_key_line(text, "project")


#: The [project] keys that describe a project to its readers, as opposed to those that set up
#: its environment (name, version, requires-python, dependencies).
_DESCRIBING_KEYS = (
    "description", "readme", "authors", "maintainers", "urls", "license", "classifiers", "keywords",
)  # fmt: skip


def dependency_manifest(pyproject: _Pyproject) -> bool:
    """Whether [project] only lists what an environment needs (``uv init`` then ``uv add``, kept
    for ``uv sync``): no field that describes the project, and nothing offers it on an index.

    Such a table has no reader for a description, a readme or authors; one that fills some
    of them in and leaves another empty (``description = ""`` beside the authors) does. What
    ``uv init`` writes itself, ``description = "Add your description here"`` and ``readme =
    "README.md"``, describes nothing.
    """
    if _metadata_only_wheel(pyproject.repo) or unbuilt_workspace(pyproject.repo):
        return on_package_index(pyproject.repo) is None
    describing = {key for key in _DESCRIBING_KEYS if key in pyproject.project}
    description = pyproject.project.get("description")
    if isinstance(description, str) and is_placeholder_description(description):
        describing.discard("description")
        if pyproject.project.get("readme") == "README.md":
            describing.discard("readme")  # uv init's pair, left as it wrote them
    if describing:
        return False
    dynamic = pyproject.project.get("dynamic")
    if isinstance(dynamic, list) and any(key in dynamic for key in _DESCRIBING_KEYS):
        return False
    return on_package_index(pyproject.repo) is None


#: What pixi and uv keep beside a pyproject.toml whose environment they manage.
_WORKSPACE_LOCKS = ("pixi.lock", "uv.lock")


def unbuilt_workspace(repo: Repo) -> bool:
    """Whether [project] names the environment of a pixi or uv workspace that nobody builds: no
    ``[build-system]`` and no version (a tutorial website's ``pixi run build``), where a version,
    authors or a description would show on no package's page."""
    pyproject = repo.pyproject or {}
    project = pyproject.get("project")
    if not isinstance(project, dict) or "build-system" in pyproject or "version" in project:
        return False
    dynamic = project.get("dynamic")
    if isinstance(dynamic, list) and "version" in dynamic:
        return False
    tool = pyproject.get("tool")
    managed = isinstance(tool, dict) and isinstance(tool.get("pixi"), dict)
    return managed or any(repo.exists(lock) for lock in _WORKSPACE_LOCKS)


def _metadata_only_wheel(repo: Repo) -> bool:
    """Whether hatchling builds a wheel of metadata alone (``bypass-selection = true`` and no file
    forced in): an environment for docs or notebooks, or a meta-package if an index offers it."""
    wheel: Any = (repo.pyproject or {}).get("tool", {})
    for key in ("hatch", "build", "targets", "wheel"):
        wheel = wheel.get(key) if isinstance(wheel, dict) else None
    return (
        isinstance(wheel, dict)
        and wheel.get("bypass-selection") is True
        and not any(wheel.get(key) for key in ("force-include", "packages", "only-include", "include"))
    )


#: Descriptions project templates write for the author to replace ("A short description of the project.").
_PLACEHOLDER_DESCRIPTION = lazy(
    r"(?:(?:a|an|the|your)\s+)?(?:(?:short|brief|one[- ]line|small)\s+)?(?:project\s+)?description"
    r"(?:\s+(?:of|for)\s+(?:the|your|this|my)\s+(?:project|package|library|module|app|application))?"
    r"(?:\s+(?:goes\s+)?here)?\s*[.!]?"
    r"|(?:add|write|enter|insert)\s+(?:a\s+|your\s+)?(?:(?:short|brief)\s+)?description(?:\s+here)?\s*[.!]?"
    r"|todo|tbd|<[^<>]{0,40}>",
    re.IGNORECASE,
)


def is_placeholder_description(value: str) -> bool:
    """Whether a description is a template's placeholder, not the author's words."""
    return _PLACEHOLDER_DESCRIPTION.fullmatch(" ".join(value.split())[:200]) is not None


class OSS202(_ProjectField):
    """pyproject.toml has no one-line project description

    ## What it does
    Checks that `[project] description` is a non-empty, single-line sentence.

    A `[project]` table that only sets up an environment (name, version,
    `requires-python` and dependencies, with no description, readme, authors, urls,
    license, classifiers or keywords) of a project nothing offers on a package index is
    a dependency manifest, as `uv init` and `uv add` leave it (uv's own placeholder
    description and `readme = "README.md"` count for nothing). So is a project whose
    wheel hatchling builds of metadata alone (`bypass-selection = true`, no file forced
    in), a docs or notebook environment, unless something offers it on a package index
    (then it is a meta-package with a page). A missing or placeholder description is not
    reported there, since no page shows it.

    ## Why is this bad?
    The description is the summary package indexes, `pip show`, internal catalogues and
    search results display. Without it, people browsing the team's packages cannot tell
    what this one does; a multi-line value breaks the package metadata.

    A description that is still a template's placeholder ("A short description of the
    project.", "Add a short description here") is reported too, also in `[tool.poetry]`,
    `setup.py` (read, never run) and `setup.cfg`.

    ## Example
    `description = ""`, `description = "A short description of the project."`, or no
    description at all.

    ## How to fix
    Write one sentence that says what the project does for its users, e.g.
    `description = "Forecast weekly demand from sales history."`. Longer text belongs in
    the README.
    """

    name = "project-description"
    stakeholders = (Stakeholder.EXECUTIVE, Stakeholder.DATA_SCIENCE)
    field = "description"

    def check(self, repo: Repo) -> Iterator[Finding]:
        yield from super().check(repo)
        # Metadata kept elsewhere is shown by indexes and `pip show` as well: its placeholder too.
        text = repo.read_text(PYPROJECT) or ""
        poetry = poetry_table(repo.pyproject)
        if isinstance(poetry.get("description"), str) and is_placeholder_description(poetry["description"]):
            yield self._placeholder(
                PYPROJECT,
                "[tool.poetry]",
                poetry["description"],
                toml_key_line(text, "tool.poetry", "description"),
            )
        from_setup = setup_keywords(repo).get("description")
        if from_setup is not None and is_placeholder_description(from_setup.value):
            yield self._placeholder("setup.py", "setup()", from_setup.value, from_setup.line)
        cfg = repo.read_text("setup.cfg") if repo.exists("setup.cfg") else None
        described = ini_sections(cfg).get("metadata", {}).get("description") if cfg else None
        if described and is_placeholder_description(described):
            yield self._placeholder("setup.cfg", "[metadata]", described, text_line(cfg or "", described)[0])

    def _placeholder(self, path: str, where: str, value: str, line: int) -> Finding:
        return self.finding(
            path,
            f"{path} {where} description is still the template's placeholder {value.strip()[:80]!r}: write one "
            "sentence saying what the project does",
            line=line,
        )

    def check_project(self, pyproject: _Pyproject) -> Iterator[Finding]:
        project, text = pyproject.project, pyproject.text
        value = project.get("description")
        line = self.field_line(text)
        placeholder = isinstance(value, str) and is_placeholder_description(value)
        if (value is None or placeholder) and dependency_manifest(pyproject):
            return  # an environment's list of needs: no page shows its description
        if isinstance(value, str) and placeholder:
            yield self._placeholder(PYPROJECT, "[project]", value, line)
            return
        if not isinstance(value, str) or not value.strip():
            yield self.finding(
                PYPROJECT,
                'pyproject.toml [project] has no description: add description = "<one sentence '
                'saying what the project does>"',
                line=line,
            )
        elif "\n" in value.strip():
            yield self.finding(
                PYPROJECT,
                "pyproject.toml [project] description spans several lines: keep it to one sentence "
                "and move the rest to the README",
                line=line,
            )


class OSS203(_ProjectField):
    """pyproject.toml does not point at the README

    ## What it does
    Checks that `[project] readme` names a file that exists (as a string, or as a table
    with `file`), or gives the text inline.

    As OSS202 does, it leaves alone a missing readme in a dependency manifest: a
    `[project]` table that describes nothing, of a project no package index offers.
    Where the conventions were not adopted, a missing readme is told only when the
    package is offered on an index (a CI step uploads it, or the README links its PyPI
    page or says `pip install` it): an application run from its checkout has no page.

    ## Why is this bad?
    The readme becomes the long description on the package page. Without it, the page of
    the team's package on an index is empty, and people installing it see no instructions.

    ## Example
    No `readme` key, or `readme = "README.rst"` while the file is README.md.

    ## How to fix
    Add `readme = "README.md"` (the exact file name, which is case-sensitive) to the
    `[project]` table.
    """

    name = "project-readme"
    kind = Kind.CONVENTION
    elsewhere = (
        "a readme that names no file or one that does not exist, anywhere; a missing readme only in a "
        "project offered on a package index."
    )
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    field = "readme"

    def check_project(self, pyproject: _Pyproject) -> Iterator[Finding]:
        repo, project, text = pyproject.repo, pyproject.project, pyproject.text
        value = project.get("readme")
        line = self.field_line(text)
        existing = repo.find(*README_NAMES)
        suggestion = f'readme = "{existing or "README.md"}"'
        if value is None and dependency_manifest(pyproject):
            return
        if value is None and not self.in_full and on_package_index(repo) is None:
            return  # the readme is the package page's text, and nothing shows an upload
        if value is None:
            yield self.finding(
                PYPROJECT,
                f"pyproject.toml [project] has no readme: add {suggestion} so the package page shows it",
                line=line,
            )
            return
        if isinstance(value, dict):
            if isinstance(value.get("text"), str) and value["text"].strip():
                return
            value = value.get("file")
        if not isinstance(value, str) or not value.strip():
            yield self.finding(
                PYPROJECT,
                f"pyproject.toml [project] readme names no file: write {suggestion}",
                line=line,
            )
        elif not _is_file(repo, value):
            yield self.finding(
                PYPROJECT,
                f"pyproject.toml [project] readme names {value}, which does not exist: write "
                f"{suggestion} (file names are case-sensitive)",
                line=line,
            )


def _run_from_its_checkout(repo: Repo) -> bool:
    """Whether the project is an application its users run where they cloned it: a package
    with a ``__main__.py`` (``python -m pipeline``) that nothing offers on a package index and
    whose README does not tell others to install it from its repository (``pip install git+``)."""
    runnable = any(repo.exists(f"{package}/__main__.py") for package in repo.package_dirs)
    if not runnable or on_package_index(repo) is not None:
        return False
    readme = repo.find(*README_NAMES)
    text = repo.read_text(readme) if readme else None
    return not (text and INSTALL_FROM_GIT.search(text[:200_000]))


def _is_file(repo: Repo, relative: str) -> bool:
    try:
        return (repo.root / relative).is_file()
    except (OSError, ValueError):  # a name with a NUL byte, or one too long for the system
        return False


# -- requires-python -------------------------------------------------------------------------
_CLAUSE = lazy(r"^\s*(~=|===|==|!=|<=|>=|<|>)\s*([0-9][0-9A-Za-z.*+!-]*)\s*$")
_LOWER_BOUNDS = ("~=", "==", "===", ">=", ">")
_CAPS = ("<", "<=", "==", "~=", "===")


def _release(version: str) -> list[int]:
    """The numeric release parts of a version: ``3.10.*`` -> [3, 10]."""
    parts = []
    for part in version.removesuffix(".*").split("."):
        if not part.isdigit():
            break
        parts.append(int(part))
    return parts


def _caps_below_python4(operator: str, version: str) -> bool:
    """Whether a clause refuses some Python 3 release.

    ``<4``, ``<=4``, ``==3.*`` and ``~=3.10`` (which is ``>=3.10, ==3.*``) refuse only a Python
    4 that does not exist; ``<3.13``, ``~=3.10.2`` (``==3.10.*``) and ``==3.11`` refuse real ones.
    """
    release = _release(version)
    if not release:
        return operator in _CAPS
    if operator in ("<", "<="):
        return release[0] < 4
    if operator == "~=":
        return len(release) > 2 or release[0] < 3
    if operator == "==" and version.endswith(".*"):
        return len(release) > 1
    return operator in ("==", "===")


def _clauses(spec: str) -> list[tuple[str, str, str]] | None:
    """(operator, version, the clause as written) per comma-separated clause; None if unparsable."""
    clauses = []
    for raw in spec.split(","):
        match = _CLAUSE.match(raw)
        if match is None:
            return None
        clauses.append((match.group(1), match.group(2), raw.strip()))
    return clauses


def _uncapped(clauses: list[tuple[str, str, str]]) -> str:
    """The same range without its upper bound, e.g. ``>=3.10`` for ``~=3.10`` or ``>=3.10,<3.13``."""
    kept = []
    for operator, version, written in clauses:
        if operator in (">=", ">", "!="):
            kept.append(written)
        elif operator in ("~=", "==", "==="):
            kept.append(">=" + version.removesuffix(".*"))
    return ",".join(kept)


def _python_min(repo: Repo) -> str:
    recorded = repo.answers.get("python_min")
    return str(recorded) if isinstance(recorded, str) and recorded else "3.11"


class OSS204(_ProjectField):
    """pyproject.toml does not say which Python versions are supported

    ## What it does
    Checks that `[project] requires-python` is set, is a valid version specifier, and has a
    lower bound such as `>=3.11`, and that it does not pin a bare minor version:
    `==3.11` admits 3.11.0 only (PEP 440 compares `3.11` as `3.11.0`), so no current 3.11
    can install the project.

    ## Why is this bad?
    Without a lower bound, pip happily installs the project on a Python that is too old,
    and people get a confusing syntax or import error instead of a clear "requires Python
    3.11" message.

    ## Example
    No `requires-python`, or `requires-python = "3.11"` (not a specifier), or
    `requires-python = "!=3.9"` (no lower bound).

    ## How to fix
    Add `requires-python = ">=3.11"`, naming the oldest Python your tests run on.
    """

    name = "requires-python"
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    field = "requires-python"

    def check_project(self, pyproject: _Pyproject) -> Iterator[Finding]:
        repo, project, text = pyproject.repo, pyproject.project, pyproject.text
        value = project.get("requires-python")
        line = self.field_line(text)
        example = f'requires-python = ">={_python_min(repo)}"'
        if value is None:
            yield self.finding(
                PYPROJECT,
                f"pyproject.toml [project] has no requires-python: add {example} so installers refuse "
                "Pythons the code does not support",
                line=line,
            )
            return
        clauses = _clauses(value) if isinstance(value, str) else None
        if clauses is None:
            yield self.finding(
                PYPROJECT,
                f"requires-python = {value!r} is not a version specifier: write e.g. {example}",
                line=line,
            )
        elif not any(operator in _LOWER_BOUNDS for operator, _, _ in clauses):
            yield self.finding(
                PYPROJECT,
                f"requires-python = {value!r} has no lower bound: write e.g. {example}",
                line=line,
            )
        else:
            # "==3.11" is 3.11.0 and nothing else: PEP 440 pads a shorter version with zeros.
            pinned = next(
                (version for operator, version, _ in clauses if _pins_a_bare_minor(operator, version)), None
            )
            if pinned is not None:
                yield self.finding(
                    PYPROJECT,
                    f"requires-python = {value!r} admits only Python {pinned}.0, so installers refuse every "
                    f'later {pinned} release: write requires-python = ">={pinned}" (or "=={pinned}.*" to '
                    "keep to that minor version)",
                    line=line,
                )


#: A version of one or two numbers (``3``, ``3.11``), which ``==`` pins to its ``.0`` release.
_BARE_RELEASE = lazy(r"\d+(?:\.\d+)?")


def _pins_a_bare_minor(operator: str, version: str) -> bool:
    """Whether a requires-python clause is ``==3.11``: 3.11.0 and nothing else."""
    return operator == "==" and _BARE_RELEASE.fullmatch(version) is not None


class OSS205(_ProjectField):
    """requires-python caps the Python version

    ## What it does
    Reports an upper bound in `[project] requires-python` that refuses a Python 3 release:
    `<3.13`, `<=3.12`, `==3.11`, `==3.11.*`, `===3.11` or `~=3.10.2` (which means
    `==3.10.*`). `<4` and `~=3.10` (which means `>=3.10, ==3.*`) refuse only a Python 4 that
    does not exist, and are not reported.

    Where the conventions were not adopted, a cap is reported only in a project offered on
    a package index for others to install (a CI job uploads it, or the README links its
    page on PyPI or conda-forge or tells readers to `pip install` it by name): an
    application or an analysis that is never published may pin the one Python it was
    tested on.

    ## Why is this bad?
    A cap cannot be lifted for versions already published: when a new Python comes out,
    pip refuses to install the project, or silently picks an ancient release that had no
    cap. Incompatibilities are better caught by testing on the new Python in CI.

    ## Example
    `requires-python = ">=3.10,<3.13"` or `requires-python = "~=3.11"`.

    ## How to fix
    Keep only the lower bound, e.g. `requires-python = ">=3.10"`, and add the new Python
    to the CI matrix instead.
    """

    name = "requires-python-cap"
    kind = Kind.CONVENTION
    elsewhere = (
        "a cap that refuses a Python 3 release, in a project offered on a package index (a CI upload, "
        "or a README that links its index page or says `pip install <name>`)."
    )
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    field = "requires-python"

    def check_project(self, pyproject: _Pyproject) -> Iterator[Finding]:
        project, text = pyproject.project, pyproject.text
        value = project.get("requires-python")
        clauses = _clauses(value) if isinstance(value, str) else None
        if not clauses:
            return  # missing or unparsable: OSS204
        caps = [
            written
            for operator, version, written in clauses
            if _caps_below_python4(operator, version)
            # "==3.11" admits 3.11.0 alone: OSS204 reports that, a fact, not a cap
            and not _pins_a_bare_minor(operator, version)
        ]
        if not caps:
            return
        if not self.in_full and on_package_index(pyproject.repo) is None:
            return  # nobody else installs it: the pin is the team's own choice
        line = self.field_line(text)
        line_text = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        col = line_text.find(caps[0]) + 1
        uncapped = _uncapped(clauses)
        fix = f'write requires-python = "{uncapped}"' if uncapped else "drop the upper bound"
        yield self.finding(
            PYPROJECT,
            f"requires-python = {value!r} caps the Python version with {', '.join(repr(c) for c in caps)}: "
            f"new Pythons will refuse to install the project; {fix}",
            line=line,
            col=max(col, 0),
        )


# -- license ---------------------------------------------------------------------------------


def _license_suggestion(
    repo: Repo, written: str | None = None, license_file: str | None = None
) -> str | None:
    """The SPDX expression to suggest, or None when nothing says which one it is.

    From what was written (``{text = "MIT License"}``), else from the LICENSE text when it
    names exactly one license (the ``Files: *`` stanza of a DEP-5 file), refined by the
    classifiers of the same family (a GNU text with "v2 (GPLv2)" is ``GPL-2.0-only``), else
    from the classifiers when they name one, else the template's answer. A LICENSE that names
    several licenses, or none this knows, gives no suggestion: a wrong identifier would
    misdeclare the license.
    """
    if written is not None:
        alias = spdx_spelling(written)
        if alias is not None:
            return alias
    path = license_file if license_file and repo.exists(license_file) else main_license(repo)
    text = repo.read_text(path) if path else None
    from_classifiers = classifier_expression(repo.project.get("classifiers"))
    if text:
        from_text = license_file_expression(text)
        if from_text is None or dep5_licenses(text) is not None:
            return from_text  # a DEP-5 file names its identifier outright
        # A GNU license's text does not say whether later versions are granted; its classifier
        # (v2 against v2 or later) does. Without one that says it, no identifier is suggested:
        # either guess would misstate the grant.
        text_families = license_families(from_text)[0]
        if text_families & GNU_FAMILIES:
            same_family = (
                from_classifiers is not None and text_families == license_families(from_classifiers)[0]
            )
            return from_classifiers if same_family else None
        return from_text
    if from_classifiers is not None:
        return from_classifiers
    answered = repo.answers.get("license")
    if answered == "Proprietary":
        return "LicenseRef-Proprietary"
    return str(answered) if isinstance(answered, str) and answered else None


def _bundled_note(repo: Repo, license_file: str | None) -> str:
    """For a DEP-5 LICENSE whose stanzas name other licenses for bundled files: how to cover them."""
    path = license_file if license_file and repo.exists(license_file) else main_license(repo)
    dep5 = dep5_licenses(repo.read_text(path) or "") if path else None
    if dep5 is None or not dep5.bundled:
        return ""
    names = ", ".join(spdx_spelling(name) or name for name in dep5.bundled[:5])
    return (
        f" (the license of Files: * in {path}; if the package ships the bundled files under {names}, "
        "join them with AND)"
    )


def _license_value(repo: Repo, suggestion: str | None, license_file: str | None = None) -> str:
    """``license = "MIT"``, or what to write when the identifier cannot be named here."""
    if suggestion is not None:
        return f'license = "{suggestion}"{_bundled_note(repo, license_file)}'
    path = license_file or main_license(repo)
    if path:
        gnu = _gnu_license_of(repo, path)
        if gnu is not None:
            return f'license = "{gnu}-only" or "{gnu}-or-later", as the project grants later versions or not'
        return (
            f'license = the SPDX expression of the licenses in {path} (e.g. "MIT" or "BSD-3-Clause AND MIT")'
        )
    return 'license = the SPDX identifier of your license (e.g. "MIT")'


def _gnu_license_of(repo: Repo, path: str) -> str | None:
    """``GPL-2.0`` when the license file is one GNU license's text, which leaves the grant unsaid."""
    detected = detect_licenses(repo.read_text(path) or "")
    if len(detected) != 1 or detected[0].key not in GNU_FAMILIES:
        return None
    return detected[0].spdx.removesuffix("-or-later")


class OSS206(_ProjectField):
    """pyproject.toml license is not an SPDX expression

    ## What it does
    Checks that `[project] license` is a string holding an SPDX license expression, as PEP
    639 defines it: `"MIT"`, `"Apache-2.0"`, `"MIT OR Apache-2.0"`, or
    `"LicenseRef-Proprietary"` for internal code. The older table forms (`{text = ...}`,
    `{file = ...}`), a license given only as a `License ::` classifier, and names that are not
    SPDX identifiers (such as `"Proprietary"` or `"Apache 2.0"`) are reported. The
    identifier to write is suggested only when the LICENSE file names exactly one license
    (for a Debian-style DEP-5 file, the license of its `Files: *` stanza); when it names
    several, the message asks for the expression that covers them instead of guessing.

    ## Why is this bad?
    Compliance scanners, package indexes and procurement tools read the license from this
    field. A free-text or missing value makes them report the package as "unknown license",
    which blocks approvals, and build tools now reject the old forms.

    ## Example
    `license = {text = "MIT"}`, `license = "Proprietary"`, or no `license` at all.

    Where the conventions were not adopted, the old table form, a license given only as a
    classifier and a missing license are reported only in a project offered on a package
    index (a CI job uploads it, or the README links its page on PyPI or conda-forge or
    tells readers to `pip install` it by name): elsewhere no index shows the field, and the
    LICENSE file is what people read. A value build tools reject is reported everywhere.

    ## How to fix
    Write the SPDX identifier of the license in your LICENSE file, e.g. `license = "MIT"`,
    or `license = "LicenseRef-Proprietary"` for code that is not open source, and list the
    file in `license-files = ["LICENSE"]`. A LICENSE file that covers bundled code under
    other licenses needs an expression naming them all, such as `"BSD-3-Clause AND MIT"`.
    """

    name = "project-license"
    kind = Kind.CONVENTION
    elsewhere = (
        "a license value build tools reject (not a string, or not an SPDX expression); the old table form, "
        "a license given only as a classifier and a missing license only in a project offered on a package "
        "index."
    )
    stakeholders = (Stakeholder.LEGAL,)
    field = "license"

    def check_project(self, pyproject: _Pyproject) -> Iterator[Finding]:
        repo, project, text = pyproject.repo, pyproject.project, pyproject.text
        value = project.get("license")
        line = self.field_line(text)
        if (value is None or isinstance(value, dict)) and not self.in_full and on_package_index(repo) is None:
            return  # no index shows the field: the LICENSE file is what people read
        if value is None:
            classifiers = license_classifiers(project)
            write = _license_value(repo, _license_suggestion(repo))
            if classifiers:
                yield self.finding(
                    PYPROJECT,
                    f"pyproject.toml gives the license only as the classifier '{classifiers[0]}': add "
                    f"{write} to [project] and delete the License classifiers it replaces (PEP 639; "
                    "setuptools refuses both)",
                    line=text_line(text, classifiers[0])[0] or line,
                )
            else:
                yield self.finding(
                    PYPROJECT,
                    f"pyproject.toml [project] has no license: add {write}, naming the license in your "
                    "LICENSE file",
                    line=line,
                )
            return
        if isinstance(value, dict):
            written = value.get("text") if isinstance(value.get("text"), str) else None
            named_file = value.get("file") if isinstance(value.get("file"), str) else None
            # The file the table names, where it exists; else the license file the repository has.
            existing = named_file if named_file and repo.exists(named_file) else None
            files = existing or main_license(repo) or named_file or "LICENSE"
            write = _license_value(repo, _license_suggestion(repo, written, named_file), files)
            drop = ", and delete the License classifiers it replaces" if license_classifiers(project) else ""
            yield self.finding(
                PYPROJECT,
                f'pyproject.toml license uses the old table form: write {write} and license-files = ["{files}"]'
                f"{drop} (PEP 639)",
                line=line,
            )
            return
        if not isinstance(value, str):
            suggestion = _license_suggestion(repo)
            example = (
                f'such as "{suggestion}"'
                if suggestion
                else 'holding your license\'s SPDX expression, such as "MIT"'
            )
            yield self.finding(
                PYPROJECT,
                f"pyproject.toml license must be a string {example}",
                line=line,
            )
            return
        alias = LICENSE_ALIASES.get(" ".join(value.casefold().split()))
        if alias is not None and alias.casefold() != value.strip().casefold():
            yield self.finding(
                PYPROJECT,
                f'license = "{value}" is not an SPDX identifier: write license = "{alias}"',
                line=line,
            )
            return
        problem = spdx_expression_error(value)
        if problem is not None:
            suggestion = _license_suggestion(repo)
            example = (
                f'write e.g. license = "{suggestion}"'
                if suggestion
                else f"write {_license_value(repo, None)}"
            )
            yield self.finding(
                PYPROJECT,
                f'license = "{value[:80]}" is not an SPDX license expression ({problem[:120]}): {example}',
                line=line,
            )


#: Author names templates and tool docs write for the author to replace ("Your Name", "Author Name").
_PLACEHOLDER_NAME = lazy(
    r"(?:your|author'?s?|the\s+author|first\s*name\s+last|full)\s*name\b(?:\s*\([^()]{0,80}\))?\s*"
    r"|(?:your|author)\s+(?:organi[sz]ation|company|team)\s*",
    re.IGNORECASE,
)


def is_placeholder_name(name: str) -> bool:
    """Whether an author's name is a template's placeholder such as "Your Name"."""
    return _PLACEHOLDER_NAME.fullmatch(" ".join(name.split())[:200]) is not None


class OSS207(_ProjectField):
    """pyproject.toml does not name the authors

    ## What it does
    Checks that `[project] authors` (or `maintainers`, which names the people who look
    after the package today) lists at least one person or team, each with a `name` or an
    `email`.

    As OSS202 does, it leaves alone a missing list of authors in a dependency manifest: a
    `[project]` table that describes nothing, or names the environment of a pixi or uv
    workspace that nothing builds (no `[build-system]`, no version), of a project no package
    index offers. Where the conventions were not adopted, a missing list is not told for
    an application run from its checkout (its package has a `__main__.py`, `python -m
    pipeline`, nothing offers it on an index and its README does not install it with `pip
    install git+...`): there its README and its repository say who owns it. A library
    others install is told, and placeholder names and entries that name nobody are
    reported everywhere.

    ## Why is this bad?
    Authors are who people contact about the package and who is credited for it. For an
    internal package it is often the only way to find the owning team once the original
    developers have moved on.

    A name that is still a template's placeholder ("Your Name", "Author Name", "Your name
    (or your organization/company/team)") is reported too, also in `[tool.poetry] authors`
    and `setup.py` (read, never run).

    ## Example
    No `authors` and no `maintainers`, `authors = []`, `authors = [{}]`, or
    `authors = ["Your Name <you@example.com>"]` in `[tool.poetry]`.

    ## How to fix
    Add `authors = [{ name = "Data Science Team", email = "data-science@company.org" }]`;
    a team name and a shared address outlive people changing roles.
    """

    name = "project-authors"
    kind = Kind.CONVENTION
    elsewhere = (
        "placeholder names and entries that name nobody, anywhere; a missing list of authors except in an "
        "application run from its checkout (a package with a __main__.py that no package index offers and "
        "whose README does not install it with pip install git+)."
    )
    stakeholders = (Stakeholder.LEGAL, Stakeholder.MANAGEMENT)
    field = "authors"

    def check(self, repo: Repo) -> Iterator[Finding]:
        yield from super().check(repo)
        text = repo.read_text(PYPROJECT) or ""
        people = poetry_table(repo.pyproject).get("authors")
        for person in people if isinstance(people, list) else []:
            name = person.split("<", 1)[0] if isinstance(person, str) else ""
            if is_placeholder_name(name):
                yield self._placeholder(
                    PYPROJECT, "[tool.poetry] authors", person, text_line(text, person)[0]
                )
                break
        from_setup = setup_keywords(repo).get("author")
        if from_setup is not None and is_placeholder_name(from_setup.value):
            yield self._placeholder("setup.py", "setup() author", from_setup.value, from_setup.line)

    def _placeholder(self, path: str, where: str, value: str, line: int) -> Finding:
        return self.finding(
            path,
            f"{path} {where} still names the template's placeholder {value.strip()[:80]!r}: write the "
            "team or person who owns the project",
            line=line,
        )

    def check_project(self, pyproject: _Pyproject) -> Iterator[Finding]:
        project, text = pyproject.project, pyproject.text
        for field in ("authors", "maintainers"):
            people = project.get(field)
            for person in people if isinstance(people, list) else []:
                name = person.get("name") if isinstance(person, dict) else None
                if isinstance(name, str) and is_placeholder_name(name):
                    yield self._placeholder(
                        PYPROJECT,
                        f"[project] {field}",
                        name,
                        text_line(text, name)[0] or self.field_line(text, field),
                    )
                    return
        example = 'authors = [{ name = "<team or person>", email = "<address>" }]'
        lists = {
            field: project[field]
            for field in ("authors", "maintainers")
            if isinstance(project.get(field), list) and project[field]
        }
        dynamic = project.get("dynamic")
        if not lists and isinstance(dynamic, list) and "maintainers" in dynamic:
            return  # the backend fills the maintainers in
        if (
            not lists
            and not any(field in project for field in ("authors", "maintainers"))
            and dependency_manifest(pyproject)
        ):
            return
        if not lists and not self.in_full and _run_from_its_checkout(pyproject.repo):
            return  # an application run where it was cloned: its README and repository name the owner
        if not lists:
            yield self.finding(
                PYPROJECT,
                f"pyproject.toml [project] has no authors: add {example}",
                line=self.field_line(text),
            )
            return
        for field, people in lists.items():
            for number, person in enumerate(people, start=1):
                named = isinstance(person, dict) and any(
                    isinstance(person.get(key), str) and person[key].strip() for key in ("name", "email")
                )
                if not named:
                    singular = field.removesuffix("s")
                    yield self.finding(
                        PYPROJECT,
                        f"pyproject.toml {singular} {number} has neither a name nor an email: write {example}",
                        line=self.field_line(text, field),
                    )


_ISSUE_LABELS = ("issues", "issue", "bugtracker", "tracker", "bugs", "bugreports", "issuetracker")


def _on_git_host(repo: Repo, url: str) -> bool:
    parsed = parse_repo_url(url)
    if parsed is None:
        return False
    return parsed.host == str(repo.answers.get("git_host", "")).lower() or is_forge(parsed.host)


def _is_repository_address(repo: Repo, url: str) -> bool:
    """Whether ``url`` is a repository's front page on a git host, with no page below it."""
    parsed = parse_repo_url(url)
    if parsed is None or "/-/" in url or not _on_git_host(repo, url):
        return False
    return len(parsed.repository) >= 2 and parsed.segments == parsed.repository


def _tracker_base(url: str) -> str | None:
    """For an issue-tracker URL (``.../org/repo/issues``, GitLab's ``.../-/issues``): the repository URL."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    segments = parts.path.split("/")
    if "issues" not in segments:
        return None
    kept = segments[: segments.index("issues")]
    if kept and kept[-1] == "-":
        kept = kept[:-1]
    if len([segment for segment in kept if segment]) < 1:
        return None
    return f"{parts.scheme}://{parts.netloc}{'/'.join(kept)}".rstrip("/")


class OSS208(_ProjectField):
    """pyproject.toml does not link the source and the issue tracker

    ## What it does
    Checks that `[project.urls]` has a link to the source code (a `Source`, `Repository` or
    `Code` entry, a `Homepage` on a git host, or an entry of any label whose address is the
    repository's own front page) and one to the issue tracker (`Issues`, `Bug Tracker` or
    `Tracker`), both as http(s) addresses. Labels are compared ignoring
    case, spaces and punctuation. A source link that points at the issue tracker
    (`Source = "https://github.com/org/repo/issues"`) is reported too: the package page
    then sends people who want the code to the issues.

    ## Why is this bad?
    Package pages, `pip show` and dependency tools show these links. Without them people who
    find a bug in the package, or want to see how a number was computed, cannot find where
    to look or whom to tell.

    ## Example
    A `[project.urls]` table with only `Documentation`.

    Missing links are reported once per table, with the repository's address when the
    project states it (the template's answers, another `[project.urls]` entry, CITATION.cff's
    `repository-code` or MkDocs' `repo_url`). Where the conventions were not adopted, they
    are reported only in a project offered on a package index (a CI job uploads it, or the
    README links its page on PyPI or conda-forge or tells readers to `pip install` it by
    name), and only when that address is known: elsewhere no package page shows the links.

    ## How to fix
    Add `Source = "https://github.com/<org>/<repo>"` and
    `Issues = "https://github.com/<org>/<repo>/issues"` to `[project.urls]`.
    """

    name = "project-urls"
    kind = Kind.CONVENTION
    elsewhere = (
        "a source link that points at the issue tracker; missing links only in a project offered on a "
        "package index, once per table, and only when the repository's address is known."
    )
    stakeholders = (Stakeholder.MANAGEMENT,)
    field = "urls"

    def check_project(self, pyproject: _Pyproject) -> Iterator[Finding]:
        repo, project, text = pyproject.repo, pyproject.project, pyproject.text
        urls = {
            url_label(label): value
            for label, value in project_urls(project).items()
            if value.startswith(("https://", "http://"))
        }
        line = toml_key_line(text, "project.urls") or self.field_line(text)
        has_tracker = any(label in urls for label in _ISSUE_LABELS)
        for written, value in project_urls(project).items():
            repository = _tracker_base(value) if url_label(written) in SOURCE_LABELS else None
            if repository is None or not value.startswith(("https://", "http://")):
                continue
            also = "" if has_tracker else f' and Issues = "{value.strip()}"'
            yield self.finding(
                PYPROJECT,
                f'{written} = "{value.strip()}" points at the issue tracker, not the source code: write '
                f'{written} = "{repository}"{also}',
                line=toml_key_line(text, "project.urls", written) or line,
            )
            return
        source = next((urls[label] for label in SOURCE_LABELS if label in urls), None)
        if source is None and "homepage" in urls and _on_git_host(repo, urls["homepage"]):
            source = urls["homepage"]
        if source is None:
            # Whatever its label ("Download", "GitHub"), the repository's own address is a source link.
            source = next((url for url in urls.values() if _is_repository_address(repo, url)), None)
        if source is not None and has_tracker:
            return
        if not self.in_full and on_package_index(repo) is None:
            return  # no index page shows these links
        known = source or _known_repository(repo, urls.values())
        base = known.rstrip("/").removesuffix(".git") if known else None
        if base is None:
            if self.in_full:
                yield self.finding(
                    PYPROJECT,
                    "pyproject.toml [project.urls] has no link to the source code or the issue tracker: "
                    "add Source and Issues with the repository's web address",
                    line=line,
                )
            return  # without the address, the fix would be a placeholder
        tracker = f"{base}/-/issues" if "gitlab" in base.lower() else f"{base}/issues"
        if source is None and not has_tracker:
            message = (
                "pyproject.toml [project.urls] has no link to the source code or the issue tracker: add "
                f'Source = "{base}" and Issues = "{tracker}"'
            )
        elif source is None:
            message = f'pyproject.toml [project.urls] has no link to the source code: add Source = "{base}"'
        else:
            message = (
                f'pyproject.toml [project.urls] has no link to the issue tracker: add Issues = "{tracker}"'
            )
        yield self.finding(PYPROJECT, message, line=line)


#: Where else a repository states its own address: MkDocs' ``repo_url``.
_MKDOCS_REPO_URL = lazy(r"^repo_url:[ \t]*['\"]?(https?://[^\s'\"#]{1,300})", re.MULTILINE)


def _known_repository(repo: Repo, urls: Iterable[str]) -> str | None:
    """The repository's web address as the project states it: the template's answer, a
    ``[project.urls]`` entry on a git host, CITATION.cff's ``repository-code``, MkDocs'
    ``repo_url``; None when nothing states it (a guess would be a placeholder)."""
    answered = repo.answers.get("repository_url")
    candidates = [answered] if isinstance(answered, str) else []
    candidates += [url for url in urls if _on_git_host(repo, url)]
    cff = citation(repo)
    if cff is not None and cff.data is not None and isinstance(cff.data.get("repository-code"), str):
        candidates.append(cff.data["repository-code"])
    for path in ("mkdocs.yml", "mkdocs.yaml", "docs/mkdocs.yml", "docs/mkdocs.yaml"):
        text = repo.read_text(path) if repo.exists(path) else None
        match = _MKDOCS_REPO_URL.search(text[:100_000]) if text else None
        if match:
            candidates.append(match.group(1))
    for candidate in candidates:
        parsed = parse_repo_url(candidate) if candidate.startswith(("https://", "http://")) else None
        if parsed is None or len(parsed.repository) < 2:
            continue
        written = candidate.strip().rstrip("/").removesuffix(".git")
        if parsed.segments == parsed.repository:
            return written  # as the project spells it
        return f"https://{parsed.host}/{'/'.join(parsed.repository)}"
    return None


_PYTHON_CLASSIFIER = lazy(r"^Programming Language :: Python :: (\d+)\.(\d+)$")


def _minimum_python(spec: Any) -> tuple[int, int] | None:
    clauses = _clauses(spec) if isinstance(spec, str) else None
    bounds = []
    for operator, version, _ in clauses or []:
        if operator in (">=", "~=", "==", "==="):
            parts = re.findall(r"\d+", version)
            if len(parts) >= 2:
                bounds.append((int(parts[0]), int(parts[1])))
    return max(bounds) if bounds else None


class OSS209(_ProjectField):
    """pyproject.toml classifiers are missing or contradict other metadata

    ## What it does
    Checks that `[project] classifiers` is a list of strings with at least one
    `Programming Language :: Python` entry, that no `Programming Language :: Python :: 3.x`
    entry names a version `requires-python` excludes, and that no `License ::` classifier
    is used next to a `license` expression (PEP 639 replaces them). Where the conventions
    were not adopted, a pyproject.toml without classifiers, or without a Python one, is
    told only when the package is offered on an index (a CI step uploads it, or the README
    links its PyPI page or says `pip install` it): an environment for a competition
    solution or an internal tool shipped as a container needs none.

    ## Why is this bad?
    Classifiers are how package indexes and internal catalogues filter packages. Missing
    ones hide the package from searches; contradicting ones tell people it runs on a
    Python it refuses to install on, or name two licenses.

    ## Example
    `classifiers = ["Programming Language :: Python :: 3.9"]` with
    `requires-python = ">=3.11"`.

    ## How to fix
    List `Programming Language :: Python :: 3` and one entry per Python version you test
    on, remove entries for versions you no longer support, and drop `License ::` entries
    once `license` holds an SPDX expression.
    """

    name = "project-classifiers"
    kind = Kind.CONVENTION
    elsewhere = (
        "classifiers that contradict requires-python or the license, anywhere; missing classifiers, or a "
        "missing Python one, only on a package offered on a package index."
    )
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    severity = Severity.WARNING
    field = "classifiers"

    def check_project(self, pyproject: _Pyproject) -> Iterator[Finding]:
        project, text = pyproject.project, pyproject.text
        value = project.get("classifiers")
        line = self.field_line(text)
        if not isinstance(value, list) or not value or not all(isinstance(c, str) for c in value):
            if value is None and not self.in_full and on_package_index(pyproject.repo) is None:
                return  # classifiers only describe a package on an index, and nothing shows an upload
            yield self.finding(
                PYPROJECT,
                "pyproject.toml [project] has no list of classifiers: add classifiers = "
                '["Programming Language :: Python :: 3", ...] with one entry per supported Python',
                line=line,
            )
            return
        # Which language it is in is for a reader of the index; elsewhere nobody reads it.
        listed = self.in_full or on_package_index(pyproject.repo) is not None
        if listed and not any(c.startswith("Programming Language :: Python") for c in value):
            yield self.finding(
                PYPROJECT,
                "pyproject.toml classifiers do not say the project is Python: add "
                '"Programming Language :: Python :: 3" and one entry per supported version',
                line=line,
            )
        minimum = _minimum_python(project.get("requires-python"))
        for classifier in value:
            match = _PYTHON_CLASSIFIER.match(classifier)
            if minimum and match and (int(match.group(1)), int(match.group(2))) < minimum:
                where, col = text_line(text, classifier)
                yield self.finding(
                    PYPROJECT,
                    f"the classifier '{classifier}' names a Python that requires-python "
                    f"({project['requires-python']}) excludes: remove it",
                    line=where or line,
                    col=col,
                )
        if isinstance(project.get("license"), str):
            for classifier in license_classifiers(project):
                where, col = text_line(text, classifier)
                yield self.finding(
                    PYPROJECT,
                    f"the classifier '{classifier}' repeats the license next to license = "
                    f'"{project["license"]}": remove it (PEP 639 replaces License classifiers)',
                    line=where or line,
                    col=col,
                )
