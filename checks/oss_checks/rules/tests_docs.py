"""Tests and docs (OSS5xx)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from oss_checks.globs import glob_match
from oss_checks.registry import Finding, Kind, Option, Rule, Scope, Stakeholder

if TYPE_CHECKING:
    from oss_checks.context import Repo

_TEST_FUNCTION = re.compile(r"^\s*(?:async\s+)?def\s+test\w*\s*\(", re.MULTILINE)


def is_test_file(path: str) -> bool:
    """Whether pytest collects ``path`` by its default name patterns."""
    name = path.rpartition("/")[2]
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def has_test_function(text: str) -> bool:
    """Whether a test module defines a test: ``test*`` functions, or methods of a class."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # pytest reports the broken module itself; here a test-looking line is enough.
        return _TEST_FUNCTION.search(text) is not None
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    for node in tree.body:
        if isinstance(node, functions) and node.name.startswith("test"):
            return True
        if isinstance(node, ast.ClassDef) and any(
            isinstance(member, functions) and member.name.startswith("test") for member in node.body
        ):
            return True
    return False


class OSS501(Rule):
    """The project has no tests

    ## What it does
    Looks for at least one test: a function whose name starts with `test` in a file named
    `test_*.py` or `*_test.py` (the files pytest collects), at module level or in a test
    class. When there are test files but none defines a test, each file is reported.

    ## Why is this bad?
    Without a single test nothing tells you that a refactor of the feature pipeline still
    gives the same numbers. And a test file with no test in it makes pytest exit with
    code 5 ("no tests collected"), so CI is red from the first commit.

    ## Example
    `tests/test_metrics.py` holding only imports and a fixture.

    ## How to fix
    Write one small test of the code you rely on most, in `tests/test_<module>.py`:

    ```python
    from my_package.metrics import mean_absolute_error

    def test_mean_absolute_error_of_perfect_forecast_is_zero():
        assert mean_absolute_error([1, 2], [1, 2]) == 0
    ```
    """

    name = "tests-exist"
    kind = Kind.CONVENTION
    elsewhere = "a published package that has no tests."
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.DATA_SCIENCE)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        test_files = [path for path in repo.paths if is_test_file(path)]
        empty = []
        for path in test_files:
            text = repo.read_text(path)
            if text is not None and has_test_function(text):
                return
            empty.append(path)
        if not test_files:
            yield self.finding(
                "tests",
                "no tests: add tests/test_<module>.py with at least one `def test_...()` function",
            )
            return
        for path in empty:
            yield self.finding(
                path,
                f"{path} defines no test function: pytest collects nothing and exits with code 5, "
                "which fails CI",
            )


#: Modules that do not need a test module of their own.
DEFAULT_UNTESTED = ["__init__.py", "__main__.py", "_version.py", "py.typed", "conftest.py"]


class OSS502(Rule):
    """A module of the package has no test module

    ## What it does
    For every module of the project's packages (`src/<package>/` or a top-level package
    folder), looks for a test module under `tests/`: `src/pkg/a/b.py` is tested by a file
    named `test_b.py` (or `test_a_b.py`, or `b_test.py`) anywhere in that folder.
    Modules matching the `ignore` globs (by default `__init__.py`, `__main__.py`,
    `_version.py`, `py.typed` and `conftest.py`) plus `extend-ignore` are skipped, as are
    test modules living inside the package. Each untested module is reported with the
    test file to add. Only file names are compared: two modules called `utils.py` share
    one `test_utils.py`.

    ## Why is this bad?
    Code without tests is code nobody can change safely. In a data-science project that
    is usually the feature engineering or the metric everybody reuses, and a silent change
    there changes every result downstream.

    ## Example
    `src/forecast/features.py` exists, but there is no `tests/test_features.py`.

    ## How to fix
    Add the reported test file with at least one test of the module's behaviour. For a
    module that is deliberately untested (a thin command-line wrapper), add it to the
    rule's options:

    ```toml
    [tool.oss-checks.options.module-tests]
    extend-ignore = ["src/forecast/cli.py"]
    tests-folder = "tests"   # "." looks for test files anywhere in the repository
    ```

    Globs are matched against repository paths; a glob without `/` matches the file name
    anywhere. Setting `ignore` replaces the default list; `extend-ignore` adds to it.
    """

    name = "module-tests"
    kind = Kind.CONVENTION
    elsewhere = "the modules that a repository which tests most of its modules has missed."
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.DATA_SCIENCE)
    scope = Scope.REPO
    options: ClassVar[Mapping[str, Option]] = {
        "ignore": Option(list, DEFAULT_UNTESTED, "Globs of modules that need no test module.", str),
        "extend-ignore": Option(list, [], "More globs, added to `ignore`.", str),
        "tests-folder": Option(str, "tests", 'Folder holding the tests ("." for anywhere).'),
    }

    def check(self, repo: Repo) -> Iterator[Finding]:
        folder = self.settings["tests-folder"].strip().strip("/")
        anywhere = folder in ("", ".")
        test_names = {
            path.rpartition("/")[2]
            for path in repo.paths
            if is_test_file(path) and (anywhere or path.startswith(f"{folder}/"))
        }
        patterns = [*self.settings["ignore"], *self.settings["extend-ignore"]]
        tests_at = "." if anywhere else folder
        for package in repo.package_dirs:
            for module in self._modules(repo, package, patterns):
                dotted = self._dotted(package, module)
                candidates = ["_".join(dotted[-size:]) for size in range(1, len(dotted) + 1)]
                if any(f"test_{c}.py" in test_names or f"{c}_test.py" in test_names for c in candidates):
                    continue
                # Mirror the sub-packages, as tests/rules/test_drift.py tests pkg/rules/drift.py.
                expected = "/".join([tests_at, *dotted[1:-1], f"test_{dotted[-1]}.py"])
                yield self.finding(module, f"{module} has no test module: add {expected}")

    @staticmethod
    def _modules(repo: Repo, package: str, patterns: list[str]) -> Iterator[str]:
        for path in repo.paths:
            if not path.startswith(f"{package}/") or not path.endswith(".py"):
                continue
            inside = path[len(package) + 1 :].split("/")
            if is_test_file(path) or any(part in ("tests", "test") for part in inside[:-1]):
                continue
            if any(glob_match(pattern, path) for pattern in patterns):
                continue
            yield path

    @staticmethod
    def _dotted(package: str, module: str) -> list[str]:
        """``src/pkg/a/b.py`` as ``["pkg", "a", "b"]``."""
        import_root = package.rsplit("/", 1)[0] + "/" if "/" in package else ""
        return module[len(import_root) : -len(".py")].split("/")


# -- docs ---------------------------------------------------------------------------------------

MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
SPHINX_CONFIGS = ("docs/conf.py", "docs/source/conf.py")
#: A documentation URL into the repository's own files is read on the forge, not built.
_FORGE_BROWSED = re.compile(r"/(?:-/)?(?:tree|blob)/|/wiki(?:/|$)")


def docs_declared(repo: Repo) -> str | None:
    """Why the project is expected to build documentation, or None when it is not."""
    recorded = repo.answers.get("docs")
    if recorded in ("mkdocs", "sphinx"):
        return f"the template record says docs: {recorded}"
    groups = (repo.pyproject or {}).get("dependency-groups")
    if isinstance(groups, dict) and "docs" in groups:
        return "pyproject.toml has a docs dependency group"
    extras = repo.project.get("optional-dependencies")
    if isinstance(extras, dict) and "docs" in extras:
        return "pyproject.toml has a docs optional dependency"
    urls = repo.project.get("urls")
    if isinstance(urls, dict):
        for label, url in urls.items():
            normalised = re.sub(r"[^a-z]", "", str(label).lower())
            forge_browsed = isinstance(url, str) and _FORGE_BROWSED.search(url) is not None
            if normalised in ("documentation", "docs") and isinstance(url, str) and not forge_browsed:
                return "pyproject.toml has a Documentation URL"
    return None


def _sphinx_root_doc(tree: ast.Module) -> str:
    root = "index"
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            targets = {target.id for target in node.targets if isinstance(target, ast.Name)}
            if targets & {"root_doc", "master_doc"} and isinstance(node.value.value, str):
                root = node.value.value
    return root


class OSS503(Rule):
    """The documentation is declared but not configured

    ## What it does
    A project declares documentation when the template record says `docs: mkdocs` or
    `docs: sphinx`, when `pyproject.toml` has a `docs` dependency group or optional
    dependency, or when `[project.urls]` has a Documentation URL (one pointing into the
    repository's own files on the forge, `/tree/` or `/blob/` or a wiki, needs no build).
    Such a project needs a MkDocs site (`mkdocs.yml` with a `site_name`, and
    `docs/index.md`) or a Sphinx one (`docs/conf.py` and `docs/index.*`). Whenever one of
    these configurations exists it must also parse; MkDocs tags such as
    `!!python/name:` are understood.

    ## Why is this bad?
    A Documentation link that leads nowhere, or a docs build that fails, is where a new
    colleague or a reviewer gives up. Documentation is how the results of an analysis are
    explained to the people who act on them.

    ## Example
    `pyproject.toml` has `[dependency-groups] docs = ["mkdocs-material"]`, but there is no
    `mkdocs.yml`.

    ## How to fix
    Add the configuration for the tool you chose (MkDocs or Sphinx), with a home page:

    ```yaml
    # mkdocs.yml
    site_name: Demand Forecasting
    nav:
      - Home: index.md
    ```

    or remove the `docs` group and the Documentation URL if the project has no docs.
    """

    name = "docs-configured"
    stakeholders = (Stakeholder.DATA_SCIENCE, Stakeholder.EXECUTIVE)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        mkdocs = next((path for path in MKDOCS_CONFIGS if repo.exists(path)), None)
        sphinx = next((path for path in SPHINX_CONFIGS if repo.exists(path)), None)
        if mkdocs:
            yield from self._mkdocs(repo, mkdocs)
        if sphinx:
            yield from self._sphinx(repo, sphinx)
        if mkdocs or sphinx:
            return
        reason = docs_declared(repo)
        if reason is None:
            return
        expected = "docs/conf.py" if repo.answers.get("docs") == "sphinx" else "mkdocs.yml"
        yield self.finding(
            expected,
            f"{reason}, but there is neither mkdocs.yml nor docs/conf.py: add {expected} and docs/index.md",
        )

    def _mkdocs(self, repo: Repo, path: str) -> Iterator[Finding]:
        parsed = repo.yaml(path)
        if parsed.error:
            yield self.finding(path, f"{path} {parsed.error}: the docs cannot be built", line=parsed.line)
            return
        config = parsed.mapping
        if config is None:
            yield self.finding(path, f"{path} is empty or not a mapping of MkDocs settings", line=1)
            return
        site_name = config.get("site_name")
        if not isinstance(site_name, str) or not site_name.strip():
            yield self.finding(path, f"{path} has no site_name: mkdocs build stops", line=config.line)
        docs_dir: Any = config.get("docs_dir", "docs")
        folder = docs_dir.strip("/") if isinstance(docs_dir, str) and docs_dir.strip("/") else "docs"
        home_pages = (f"{folder}/index.md", f"{folder}/README.md")
        if not any(repo.exists(page) for page in home_pages):
            yield self.finding(
                f"{folder}/index.md", f"{folder}/index.md is missing: the MkDocs site has no home page"
            )

    def _sphinx(self, repo: Repo, path: str) -> Iterator[Finding]:
        text = repo.read_text(path)
        if text is None:
            yield self.finding(path, f"{path} is not UTF-8 text: Sphinx cannot load it")
            return
        try:
            tree = ast.parse(text)
        except SyntaxError as exc:
            yield self.finding(path, f"{path} has a syntax error: {exc.msg}", line=exc.lineno or 0)
            return
        except (ValueError, RecursionError, MemoryError) as exc:
            yield self.finding(path, f"{path} cannot be read as Python: {exc}")
            return
        folder = path.rsplit("/", 1)[0]
        root = _sphinx_root_doc(tree)
        prefix = f"{folder}/{root}."
        if not any(p.startswith(prefix) and "/" not in p[len(prefix) :] for p in repo.paths):
            yield self.finding(
                f"{folder}/{root}.md",
                f"{folder}/{root}.md (or .rst) is missing: Sphinx has no root document",
            )
