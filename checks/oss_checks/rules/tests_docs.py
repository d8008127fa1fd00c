"""Tests and docs (OSS5xx): whether the project has tests, which modules they reach, its docs."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from oss_checks.formats import parse_python
from oss_checks.globs import glob_match, match_name
from oss_checks.patterns import lazy
from oss_checks.registry import Finding, Kind, Option, Rule, Scope, Stakeholder
from oss_checks.text.builds import builds_package, ini_sections
from oss_checks.text.ci import TASK_RUNNER_FILES, ci_files, first_file_matching
from oss_checks.text.community import CONTRIBUTING_NAMES, README_NAMES
from oss_checks.text.imports import Import, absolute, import_statements, imported_modules, parse_imports
from oss_checks.text.layout import TEST_FOLDERS, in_docs_or_examples, in_tests, is_vendored
from oss_checks.text.layout import folders as layout_folders

if TYPE_CHECKING:
    from oss_checks.context import Repo


def _starts_a_line(text: str, word: str, before: tuple[str, ...] = ("",), after: str = "") -> bool:
    """Whether ``word`` starts a line (after indentation and one of ``before``), followed by a
    space or tab and then ``after``.

    Found with ``str.find``: a line-anchored regular expression tests every character of the
    text, which on a whole repository costs several times reading it. A line is looked at
    once, whatever it holds.
    """
    found = text.find(word)
    while found >= 0:
        line_start = text.rfind("\n", 0, found) + 1
        line_end = text.find("\n", found)
        line_end = len(text) if line_end < 0 else line_end
        head = text[line_start:found].strip(" \t")
        rest = text[found + len(word) : line_end]
        if head in before and rest[:1] in (" ", "\t") and rest.lstrip(" \t").startswith(after):
            return True
        found = text.find(word, line_end)
    return False


def _defines_test(text: str) -> bool:
    """A line defining a test function, for a file that does not parse (or to tell a script)."""
    return _starts_a_line(text, "def", ("", "async"), "test")


#: Files that hold tests by name alone: Django's and small projects' ``tests.py``.
_TEST_MODULE_NAMES = frozenset({"tests.py", "test.py"})
_TEST_FOLDER_NAMES = frozenset({"tests", "test"})
#: Folders of code that no test is expected for: build helpers and retired code.
_NOT_UNITS = frozenset(
    {
        "_build",
        "build_utils",
        "_build_utils",
        "build_tools",
        "archive",
        "archived",
        "attic",
        # Benchmarks measure the code; they are run, not tested.
        "benchmarks",
        "benchmark",
        "bench",
        "asv_bench",
    }
)
#: ``bench_io.py``, ``io_benchmark.py``: a benchmark module wherever it sits.
_BENCHMARK_FILE = lazy(r"(?:bench(?:mark)?_\w*|\w*_bench(?:mark)?)\.py", re.IGNORECASE)
#: ``spa_example.py``, ``demo_plots.py``: a script that shows how to use the code, run by hand.
_EXAMPLE_FILE = lazy(r"(?:(?:example|demo)s?_\w*|\w*_(?:example|demo)s?)\.py", re.IGNORECASE)
#: ``template_data.py``, ``model_template.py``: a file contributors copy to start a new module.
_TEMPLATE_FILE = lazy(r"(?:_?template(?:_\w*)?|\w*_template)\.py", re.IGNORECASE)


def has_test_function(text: str) -> bool:
    """Whether a test module defines a test: ``test*`` functions, or methods of a class."""
    try:
        tree = parse_python(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # pytest reports the broken module itself; here a test-looking line is enough.
        return _defines_test(text)
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    for node in tree.body:
        if isinstance(node, functions) and node.name.startswith("test"):
            return True
        if isinstance(node, ast.ClassDef) and any(
            isinstance(member, functions) and member.name.startswith("test") for member in node.body
        ):
            return True
    return False


def _setting(value: Any) -> tuple[str, ...]:
    """An ini-style setting (whitespace-separated) or a TOML list, as a tuple of strings."""
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list):
        return tuple(item for item in value if isinstance(item, str))
    return ()


class PytestSettings(NamedTuple):
    """Where pytest looks for tests and which file names it collects, as the repository configures it."""

    testpaths: tuple[str, ...] = ()
    python_files: tuple[str, ...] = ()


def pytest_settings(repo: Repo) -> PytestSettings:
    """``testpaths`` and ``python_files`` from pyproject.toml, pytest.ini, tox.ini or setup.cfg."""

    def read() -> PytestSettings:
        tool = (repo.pyproject or {}).get("tool")
        pytest_table = tool.get("pytest") if isinstance(tool, dict) else None
        tables: list[Mapping[str, Any]] = []
        if isinstance(pytest_table, dict):
            ini_options = pytest_table.get("ini_options")
            tables += [ini_options] if isinstance(ini_options, dict) else []
            tables.append(pytest_table)  # pytest 9 reads [tool.pytest] natively
        for path, section in (("pytest.ini", "pytest"), ("tox.ini", "pytest"), ("setup.cfg", "tool:pytest")):
            text = repo.read_text(path) if repo.exists(path) else None
            if text:
                found = ini_sections(text).get(section)
                tables += [found] if found else []
        for table in tables:
            settings = PytestSettings(_setting(table.get("testpaths")), _setting(table.get("python_files")))
            if settings.testpaths or settings.python_files:
                return settings
        return PytestSettings()

    return repo.memo("tests:pytest-settings", read)


def _under(path: str, folders: tuple[str, ...]) -> bool:
    return any(path.startswith(folder.strip("/") + "/") for folder in folders if folder.strip("/."))


def collects(path: str, settings: PytestSettings) -> bool:
    """Whether ``path`` is a test file: what pytest (or unittest) would collect, or ``tests.py``."""
    folder, _, name = path.rpartition("/")
    if not name.endswith(".py") or name in ("conftest.py", "__init__.py") or "{{" in path:
        return False
    if name in _TEST_MODULE_NAMES or name.startswith("test_") or name.endswith("_test.py"):
        return True  # pytest's default python_files, without a glob matcher on every path
    in_test_folder = bool(_TEST_FOLDER_NAMES & set(folder.lower().split("/")))
    if in_test_folder and name.startswith("test"):  # unittest discovers test*.py
        return True
    if settings.python_files and (in_test_folder or _under(path, settings.testpaths)):
        return any(match_name(pattern, name) for pattern in settings.python_files)
    return False


def pytest_collects(path: str, settings: PytestSettings) -> bool:
    """Whether pytest itself collects ``path``: its default ``test_*.py`` and ``*_test.py``, or the
    configured ``python_files``. A ``test.py`` or a ``tests/testutils.py`` only unittest finds."""
    name = path.rpartition("/")[2]
    if settings.python_files:
        return any(match_name(pattern, name) for pattern in settings.python_files)
    return name.startswith("test_") or name.endswith("_test.py")


def _is_script(text: str) -> bool:
    """A file named like a test that is run as a script (CCDS's ``test_environment.py``) or
    opened as a notebook (a jupytext ``test_api.py`` trying a library out): a ``__main__``
    guard or a notebook's marks, and no line defining a test (read line by line, not
    parsed: this runs on every test file)."""
    if _defines_test(text):
        return False
    return _starts_a_line(text, "__name__", ("if",)) or _is_jupytext_notebook(text)


def _is_jupytext_notebook(text: str) -> bool:
    """A notebook saved as a Python file by jupytext: its ``# jupyter:`` header or ``# %%`` cells."""
    head = text[:2000]
    return "\n# jupyter:" in head or head.startswith("# %%") or "\n# %%" in text[:20_000]


def test_files(repo: Repo) -> list[str]:
    """The repository's test files wherever they are (``tests/``, ``pkg/sub/tests/``, ``src/tests.py``)."""

    def find() -> list[str]:
        settings = pytest_settings(repo)
        found = []
        vendored: dict[str, bool] = {}
        for path in repo.paths:
            if not collects(path, settings):
                continue
            folder = path.rpartition("/")[0]
            if folder not in vendored:
                vendored[folder] = is_vendored(repo, path)
            if vendored[folder]:
                continue
            text = repo.read_text(path)
            if text is not None and _is_script(text):
                continue
            found.append(path)
        return found

    return repo.memo("tests:files", find)


def has_tests(repo: Repo) -> bool:
    """Whether any test file defines a test (the files are parsed until one does)."""

    def find() -> bool:
        for path in test_files(repo):
            text = repo.read_text(path)
            if text is not None and has_test_function(text):
                return True
        return False

    return repo.memo("tests:any", find)


#: Where a project says how its tests run besides its task runners and CI: tool settings.
_TEST_SETTINGS_FILES = ("pytest.ini", "setup.cfg", "pyproject.toml", "conftest.py")
#: A command or setting that runs the examples in docstrings as tests.
_RUNS_DOCTESTS = lazy(r"xdoctest|--doctest-modules|--doctest-glob|-m doctest\b|doctest\.testmod")
#: A command in prose that runs the code's docstring examples: doctest given a module.
_RUNS_CODE_DOCTESTS = lazy(r"xdoctest|--doctest-modules|-m doctest\b[^\n`]{0,300}?\.py\b|doctest\.testmod")
#: An interactive example in a docstring: ``>>> fit(x)`` at the start of a line.
_DOCTEST_LINE = lazy(r"(?m)^[ \t]*>>> \S")


def runs_doctests(repo: Repo) -> str | None:
    """The file that runs the project's docstring examples as tests (xdoctest, ``--doctest-modules``),
    when the project's own modules hold such examples; None otherwise."""

    def find() -> str | None:
        runner = first_file_matching(
            repo, (*TASK_RUNNER_FILES, *_TEST_SETTINGS_FILES, *ci_files(repo)), _RUNS_DOCTESTS
        )
        # The README and the contributing guide count too where the command they give runs the
        # code's examples (`python -m doctest src/pkg/fit.py`), not the page's own.
        runner = runner or first_file_matching(
            repo, (*README_NAMES, *CONTRIBUTING_NAMES), _RUNS_CODE_DOCTESTS
        )
        if runner is None:
            return None
        examples = any(
            path.endswith(".py")
            and not in_tests(path)
            and not is_vendored(repo, path)
            and (text := repo.read_text(path)) is not None
            and _DOCTEST_LINE.search(text)
            for path in repo.paths
        )
        return runner if examples else None

    return repo.memo("tests:doctests", find)


#: What a file written as tests imports (``import pytest``, ``from unittest import TestCase``).
_TEST_FRAMEWORK = lazy(r"(?m)^[ \t]*(?:import|from)[ \t]+(?:pytest|unittest|hypothesis)\b")


def _meant_as_tests(repo: Repo, path: str) -> bool:
    """Whether a file pytest would collect by its default names was written as tests: it sits in
    a tests folder, or it imports a test framework (a ``python_files`` setting says so itself). A ``test_cp.py`` beside the code that only defines
    ``run_test_cp()`` evaluates a model on the test split; it is a module with an unlucky name."""
    if TEST_FOLDERS & set(layout_folders(path)):
        return True
    text = repo.read_text(path)
    return text is not None and _TEST_FRAMEWORK.search(text) is not None


def _defines_something(text: str | None) -> bool:
    """A function or class anywhere in a module: something a test could call."""
    return text is not None and (_starts_a_line(text, "def", ("", "async")) or _starts_a_line(text, "class"))


def _package_code(repo: Repo) -> bool:
    """Whether the project's packages hold a module with a function or a class (``__init__.py``
    does not count: a template's skeleton package keeps its boilerplate there)."""
    return any(
        _defines_something(repo.read_text(path))
        for package in repo.package_dirs
        for path in repo.paths
        if path.startswith(f"{package}/")
        and path.endswith(".py")
        and path.rpartition("/")[2] not in DEFAULT_UNTESTED
        and not in_tests(path)
    )


class OSS501(Rule):
    """The project has no tests

    ## What it does
    Looks for at least one test wherever pytest or unittest would find it: a function or
    method whose name starts with `test` in a `test_*.py` or `*_test.py` file (also inside
    the package, as in `pkg/sub/tests/`), a `test*.py` file in a `tests/` or `test/`
    folder, a `tests.py` module, or files matching the `python_files` your pytest
    configuration sets. When there are test files but none defines a test, each file
    pytest collects is reported (a `test.py` without a test is a script, not an empty
    test file, and neither is a `test_*.py` outside a tests folder that imports no test
    framework, such as a helper that evaluates a model on the test split). A file run as a
    script (with `if __name__ == "__main__":` and no test, like
    the `test_environment.py` of cookiecutter-data-science) is not a test file. Examples in
    docstrings (`>>> fit(x)`) are tests too where the project runs them (`xdoctest`,
    `pytest --doctest-modules` or `python -m doctest` in its Makefile, noxfile, tox.ini,
    pytest settings or CI, or a README or contributing guide command given a module). Where the
    conventions were not adopted, only a repository that builds a package (a
    `[build-system]`, `setup.py` or `setup.cfg`) with code in it is told.

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
    elsewhere = "a repository that builds a package with code in it and has no tests."
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.DATA_SCIENCE)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        if has_tests(repo) or runs_doctests(repo) is not None:
            return
        if not self.in_full and (builds_package(repo) is None or not _package_code(repo)):
            return
        # Only a file pytest collects makes it exit with code 5; a test.py with no test
        # in it is a script, and the project simply has no tests.
        settings = pytest_settings(repo)
        found = [
            path
            for path in test_files(repo)
            if pytest_collects(path, settings) and (settings.python_files or _meant_as_tests(repo, path))
        ]
        if not found:
            yield self.finding(
                "tests",
                "no tests: add tests/test_<module>.py with at least one `def test_...()` function",
            )
            return
        for path in found:
            yield self.finding(
                path,
                f"{path} defines no test function: pytest collects nothing and exits with code 5, "
                "which fails CI",
            )


#: Modules that do not need a test module of their own.
DEFAULT_UNTESTED = ["__init__.py", "__main__.py", "_version.py", "py.typed", "conftest.py"]


class _Module(NamedTuple):
    path: str
    dotted: tuple[str, ...]  # ``src/pkg/a/b.py`` as ("pkg", "a", "b")

    @property
    def name(self) -> str:
        return ".".join(self.dotted)


def _import_root(package: str) -> str:
    """Where imports start: ``src/`` for ``src/pkg``, the top for a flat ``pkg``."""
    return package.rsplit("/", 1)[0] + "/" if "/" in package else ""


def _dotted(root: str, path: str) -> tuple[str, ...]:
    parts = path[len(root) : -len(".py")].split("/")
    return tuple(parts[:-1]) if parts[-1] == "__init__" else tuple(parts)


def _package_of(repo: Repo, path: str) -> str:
    """The dotted package a file sits in, from the ``__init__.py`` files above it (for relative imports)."""
    parts = path.split("/")[:-1]
    top = len(parts)
    while top > 0 and "/".join(parts[:top]) + "/__init__.py" in repo.path_set:
        top -= 1
    return ".".join(parts[top:]) if top < len(parts) else ""


def _stem(name: str) -> str:
    return name.lstrip("_")


def _tested_names(paths: list[str]) -> set[str]:
    """What test files are named after: ``test_foo.py``, ``foo_test.py`` and ``test__foo.py`` give ``foo``."""
    names = set()
    for path in paths:
        stem = path.rpartition("/")[2].removesuffix(".py")
        if stem.startswith("test_"):
            names.add(_stem(stem[len("test_") :]))
        elif stem.endswith("_test"):
            names.add(_stem(stem[: -len("_test")]))
    return names


def _named_after(module: _Module, names: set[str]) -> bool:
    """Whether a test file is named after the module, or after its last folders and the module."""
    dotted = [_stem(part) for part in module.dotted]
    return any("_".join(dotted[-size:]) in names for size in range(1, len(dotted) + 1))


def _reexports(repo: Repo, dotted: str, root_of: Mapping[str, str]) -> dict[str, set[str]]:
    """For a package's ``__init__.py``: each name it imports, and the modules it takes it from."""

    def read() -> dict[str, set[str]]:
        for root in root_of.values():
            path = f"{root}{dotted.replace('.', '/')}/__init__.py"
            if path not in repo.path_set:
                continue
            names: dict[str, set[str]] = {}
            for imported in _imports_of(repo, path):
                source = absolute(imported, dotted)
                if source is None:
                    continue
                for name in imported.names:
                    names.setdefault(name, set()).add(source)
            return names
        return {}

    return repo.memo(("tests:reexports", dotted), read)


_WORD = lazy(r"\w+")


class _ImportBlock(NamedTuple):
    """A file's import statements, and every word in them (to skip a file that cannot matter)."""

    statements: tuple[str, ...]
    words: frozenset[str]


def _statements_of(repo: Repo, path: str) -> _ImportBlock:
    """The import statements of a file, cut out once per run (tests and project code share them)."""

    def cut() -> _ImportBlock:
        statements = tuple(import_statements(repo.read_text(path) or ""))
        return _ImportBlock(statements, frozenset(_WORD.findall("\n".join(statements))))

    return repo.memo(("tests:statements", path), cut)


#: For each word a looked-for import must name, the words it must name besides (any one of
#: them; none when the set is empty): ``{"numpy": {"compat"}}`` looks for
#: ``statsmodels.compat.numpy``, not for every ``import numpy``. Relative imports always match.
Wanted = Mapping[str, frozenset[str]]


def _imports_of(repo: Repo, path: str, wanted: Wanted | None = None) -> list[Import]:
    """The file's imports; with ``wanted``, only of the statements that may import what is
    looked for (the rest cannot, and parsing is what costs)."""
    block = _statements_of(repo, path)
    if wanted is None:
        return repo.memo(("tests:imports", path), lambda: parse_imports(list(block.statements)))
    named = block.words & wanted.keys()
    if not named:
        return []

    def may_import(statement: str) -> bool:
        hits = [word for word in named if word in statement]
        return bool(hits) and (
            statement.startswith("from .")
            or any(not wanted[word] or any(also in statement for also in wanted[word]) for word in hits)
        )

    return parse_imports([statement for statement in block.statements if may_import(statement)])


def imported_by(
    repo: Repo, paths: list[str], root_of: Mapping[str, str], wanted: Wanted | None = None
) -> set[str]:
    """Dotted names the files import, following one level of re-export through a package's
    ``__init__``; with ``wanted``, only from statements that may import what is looked for."""
    found: set[str] = set()
    for path in paths:
        imports = _imports_of(repo, path, wanted)
        if not imports:
            continue
        package = _package_of(repo, path)
        found |= imported_modules(imports, package)
        for imported in imports:
            source = absolute(imported, package)
            if not source or not imported.names:
                continue
            exported = _reexports(repo, source, root_of)
            for name in imported.names:
                for origin in exported.get("*", set()) | exported.get(name, set()):
                    found.add(origin)
                    if name != "*":
                        found.add(f"{origin}.{name}")
    return found


class OSS502(Rule):
    """A module of the package has no test module

    ## What it does
    For every module of the project's packages (`src/<package>/` or a top-level package
    folder) that defines a function or a class, looks for a test that reaches it. A module
    counts as tested when a test file is named after it (`test_b.py`, `b_test.py` or
    `test_a_b.py` for `pkg/a/b.py`; a leading underscore is dropped, so `test_geometric.py`
    tests `_geometric.py`), when any test file imports it (`from pkg.a import b`,
    `from pkg.a.b import f`, `from ..b import f`, or a name the package's `__init__.py`
    re-exports from it), or when a test names it as text (`"pkg.a.b"` for
    `importlib.import_module`, `"a/b"` in a list of modules). Test files are found wherever
    pytest finds them (`tests/`, `pkg/sub/tests/`, `test/`, `tests.py`, your `testpaths`
    and `python_files`). Examples, build helpers (`_build/`), sources a build file compiles
    into an extension (pythran, Cython), retired code (`archive/`), benchmarks (a
    `benchmarks/`, `benchmark/`, `bench/` or `asv_bench/` folder, `bench_*.py` and
    `*_benchmark.py` files), templates that contributors copy (`template_*.py`,
    `*_template.py` that no module imports), `api.py` re-export modules, vendored code,
    the helpers of a folder that holds tests without being named for them (a `conftest.py`
    beside test modules, as a CI's `action_files/` has), empty modules and modules with no function or class are never reported, nor is anything while the project has no tests at all (OSS501 says so once).
    Modules matching the `ignore` globs (by default `__init__.py`, `__main__.py`,
    `_version.py`, `py.typed` and `conftest.py`) plus `extend-ignore` are skipped.

    Where the conventions were not adopted, this speaks only in a repository that keeps a
    test module for most of its modules (more than half are named in a test file), and
    only about public modules that nothing reaches: no test, no other module of the
    project (its `__init__.py`, `__init__.pyi` and `api.py` re-exports included, through
    which tests call them, and a module `__getattr__` there that loads it by name with
    `importlib.import_module(".name", __package__)`; so are the project's scripts, flows
    and apps outside the package, but not its examples, docs or archive) and no entry
    point (a console script, or a program the README or contributing guide runs:
    `python src/run_pipeline.py`, `python -m pkg.report`). Private modules (`_impl.py`, `_tables/`)
    and stubs whose functions only raise are left alone there.

    ## Why is this bad?
    Code without tests is code nobody can change safely. In a data-science project that
    is usually the feature engineering or the metric everybody reuses, and a silent change
    there changes every result downstream.

    ## Example
    `src/forecast/features.py` defines `add_lags()`, but no test file is named after it
    and none imports it.

    ## How to fix
    Add the reported test file with at least one test of the module's behaviour. For a
    module that is deliberately untested (a thin command-line wrapper), add it to the
    rule's options:

    ```toml
    [tool.oss-checks.options.module-tests]
    extend-ignore = ["src/forecast/cli.py"]
    tests-folder = "tests"   # only count test files in this folder ("." means anywhere)
    ```

    Globs are matched against repository paths; a glob without `/` matches the file name
    anywhere. Setting `ignore` replaces the default list; `extend-ignore` adds to it.
    """

    name = "module-tests"
    spares_dormant_files = True
    kind = Kind.CONVENTION
    elsewhere = (
        "public modules that no test, no other code of the project (its scripts and flows too) and no "
        "entry point reaches, in a repository that keeps a test module for most of its modules."
    )
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.DATA_SCIENCE)
    scope = Scope.REPO
    options: ClassVar[Mapping[str, Option]] = {
        "ignore": Option(list, DEFAULT_UNTESTED, "Globs of modules that need no test module.", str),
        "extend-ignore": Option(list, [], "More globs, added to `ignore`.", str),
        "tests-folder": Option(str, ".", 'Folder holding the tests ("." for anywhere).'),
    }

    def check(self, repo: Repo) -> Iterator[Finding]:
        if not has_tests(repo):
            return  # OSS501's finding
        folder = self.settings["tests-folder"].strip().strip("/")
        anywhere = folder in ("", ".")
        tests = [path for path in test_files(repo) if anywhere or path.startswith(f"{folder}/")]
        names = _tested_names(tests)
        modules = self._modules(repo, [*self.settings["ignore"], *self.settings["extend-ignore"]])
        built = _build_inputs(repo)  # sources compiled into an extension: tested as the extension
        modules = [module for module in modules if module.path.rpartition("/")[2] not in built]
        untested = [module for module in modules if not _named_after(module, names)]
        if not untested:
            return
        if not self.in_full and len(untested) * 2 >= len(modules):
            return  # the repository does not keep a test module per module
        if not self.in_full:
            untested = [module for module in untested if not _private(module)]
        root_of = {package: _import_root(package) for package in repo.package_dirs}
        # A statement can only import a module if it names it (with its package), or, through
        # a re-export, its package; where not adopted, re-exports count as the project's own use.
        wanted = _wanted(untested)
        if self.in_full:
            for module in untested:
                for part in module.dotted[1:-1]:
                    wanted[part] = frozenset()
        reached = imported_by(repo, tests, root_of, wanted) if untested else set()
        untested = [module for module in untested if module.name not in reached]
        if untested and not self.in_full:
            untested = [module for module in self._unused(repo, untested, root_of) if not _stub(repo, module)]
        templates = [
            module for module in untested if _TEMPLATE_FILE.fullmatch(module.path.rpartition("/")[2])
        ]
        if templates:
            # A template nothing imports is a file to copy, not a unit; one the package imports is its code.
            copied = set(self._unused(repo, templates, root_of) if self.in_full else templates)
            untested = [module for module in untested if module not in copied]
        if untested:
            untested = _not_named_in(repo, tests, untested)
        for module in untested:
            yield self.finding(
                module.path,
                f"{module.path} has no test module and no test imports it: add {self._expected(repo, module)}",
            )

    @staticmethod
    def _modules(repo: Repo, patterns: list[str]) -> list[_Module]:
        # Plain names (the defaults) are compared as names; only real globs go to the matcher.
        names = {pattern.strip() for pattern in patterns if not set(pattern) & set("*?[/\\")}
        globs = [pattern for pattern in patterns if pattern.strip() not in names]
        found = []
        for path in repo.paths:
            if not path.endswith(".py"):
                continue
            package = next((package for package in repo.package_dirs if path.startswith(f"{package}/")), None)
            if package is None or names & set(path.split("/")) or not _is_unit(repo, path):
                continue
            if any(glob_match(pattern, path) for pattern in globs):
                continue
            if _defines_something(repo.read_text(path)):
                found.append(_Module(path, _dotted(_import_root(package), path)))
        return found

    @staticmethod
    def _unused(repo: Repo, modules: list[_Module], root_of: Mapping[str, str]) -> list[_Module]:
        """The modules that nothing of the project reaches: no other module imports them (its
        ``__init__.py`` and ``api.py`` re-exports included, through which tests call them) and
        no entry point names them. Examples, docs and retired code do not count.

        A module's own folder is searched first, where its importers usually are; a file is
        read for imports only when its text names the module at all.
        """
        entry_points = _entry_point_modules(repo)
        run_by_readme = _run_by_readme(repo)
        by_folder = _project_code_by_folder(repo)
        left = []
        for module in modules:
            if module.name in entry_points or _loaded_lazily(repo, module):
                continue
            if module.path in run_by_readme or module.name in run_by_readme:
                continue  # a program the README runs
            folder = module.path.rpartition("/")[0]
            nearest_first = [
                *by_folder.get(folder, ()),
                *(p for f, ps in by_folder.items() if f != folder for p in ps),
            ]
            if not _reached(repo, module, nearest_first, root_of):
                left.append(module)
        return left

    @staticmethod
    def _expected(repo: Repo, module: _Module) -> str:
        """Where the test would go, as the repository keeps its tests: beside the module's own
        tests folder, else mirrored under the top-level tests/, else in the package's tests/."""
        folder = module.path.rpartition("/")[0]
        test_name = f"test_{_stem(module.dotted[-1])}.py"
        for tests in ("tests", "test"):
            if repo.dir_exists(f"{folder}/{tests}"):
                return f"{folder}/{tests}/{test_name}"
        for tests in ("tests", "test"):
            if repo.dir_exists(tests):
                return "/".join([tests, *module.dotted[1:-1], test_name])
        package = next(
            (package for package in repo.package_dirs if module.path.startswith(f"{package}/")), ""
        )
        for tests in ("tests", "test"):
            if package and repo.dir_exists(f"{package}/{tests}"):
                return f"{package}/{tests}/{test_name}"
        return "/".join(["tests", *module.dotted[1:-1], test_name])


def _is_project_code(repo: Repo, path: str) -> bool:
    """Whether a file of the package is the project's own code (not a test, example, helper or copy)."""
    folder, _, name = path.rpartition("/")
    return _project_folder(repo, folder) and not in_tests(name)


def _project_folder(repo: Repo, folder: str) -> bool:
    """Whether a folder holds the project's own code; decided once per folder, not per file."""
    cache: dict[str, bool] = repo.memo("tests:project-folders", dict)
    if folder not in cache:
        inside = f"{folder}/x.py"
        cache[folder] = not (
            in_tests(inside)
            or in_docs_or_examples(inside)
            or "{{" in folder
            or any(part in _NOT_UNITS for part in folder.lower().split("/"))
            or is_vendored(repo, inside)
            or _test_folder_by_content(repo, folder)
        )
    return cache[folder]


def _test_folder_by_content(repo: Repo, folder: str) -> bool:
    """Whether a folder that is not named for tests holds them: a ``conftest.py`` beside test
    modules (``action_files/`` of a CI, run by ``pytest action_files``). Its other modules are
    the tests' helpers, not the package's code."""
    prefix = f"{folder}/" if folder else ""
    if not repo.exists(f"{prefix}conftest.py"):
        return False
    return any(
        path.startswith(prefix)
        and "/" not in path[len(prefix) :]
        and (name := path.rpartition("/")[2]) != "conftest.py"
        and in_tests(name)
        for path in repo.paths
        if path.endswith(".py")
    )


def _wanted(modules: list[_Module]) -> dict[str, frozenset[str]]:
    """What an import of one of the modules names: its own name, with the package it is in."""
    wanted: dict[str, set[str]] = {}
    for module in modules:
        wanted.setdefault(module.dotted[-1], set()).update(module.dotted[-2:-1])
    return {word: frozenset(also) for word, also in wanted.items()}


def _reached(repo: Repo, module: _Module, paths: list[str], root_of: Mapping[str, str]) -> bool:
    """Whether one of ``paths`` imports the module; a file's imports are parsed only when they
    name the module and its package (or it sits in the same folder), and the search stops at
    the first that imports it."""
    stem = module.dotted[-1]
    parent = module.dotted[-2] if len(module.dotted) > 1 else ""
    folder = module.path.rpartition("/")[0] + "/"
    wanted = _wanted([module])
    for path in paths:
        if path == module.path:
            continue
        words = _statements_of(repo, path).words
        if stem not in words or not (parent in words or path.startswith(folder)):
            continue
        if module.name in imported_by(repo, [path], root_of, wanted):
            return True
    return False


def _project_code_by_folder(repo: Repo) -> dict[str, list[str]]:
    """The project's own code files (``.py`` and lazy-loader ``.pyi`` stubs), by folder: those of
    its packages, and its scripts, flows and apps elsewhere in the repository, which use the
    package's modules as much as the package does."""

    def collect() -> dict[str, list[str]]:
        folders: dict[str, list[str]] = {}
        for path in repo.paths:
            if path.endswith((".py", ".pyi")) and _is_project_code(repo, path):
                folders.setdefault(path.rpartition("/")[0], []).append(path)
        return folders

    return repo.memo("tests:project-code", collect)


def _loaded_lazily(repo: Repo, module: _Module) -> bool:
    """Whether the ``__init__.py`` of the module's package loads it by name when asked
    (``importlib.import_module(".autollm", __package__)`` in a module ``__getattr__``, PEP 562):
    a re-export that no import statement shows."""
    folder, _, name = module.path.rpartition("/")
    init = repo.read_text(f"{folder}/__init__.py" if folder else "__init__.py") or ""
    stem = name.removesuffix(".py")
    return any(f"{quote}{target}{quote}" in init for quote in "'\"" for target in (f".{stem}", module.name))


def _is_unit(repo: Repo, path: str) -> bool:
    """Whether a module is code a test is expected for: the project's own, not an ``api.py`` of
    re-exports, a benchmark or an example script."""
    name = path.rpartition("/")[2]
    if name == "api.py" or _BENCHMARK_FILE.fullmatch(name) or _EXAMPLE_FILE.fullmatch(name):
        return False
    return _is_project_code(repo, path)


def _private(module: _Module) -> bool:
    """``pkg/_impl.py`` or ``pkg/_tables/values.py``: an implementation detail of the package."""
    return any(part.startswith("_") for part in module.dotted[1:])


def _does_nothing(statement: ast.stmt) -> bool:
    """``raise ...``, ``pass``, ``...`` or ``super().method(...)``: no behaviour of its own."""
    if isinstance(statement, (ast.Raise, ast.Pass)):
        return True
    if not isinstance(statement, ast.Expr):
        return False
    value = statement.value
    if isinstance(value, ast.Constant):
        return value.value is Ellipsis
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and isinstance(value.func.value, ast.Call)
        and isinstance(value.func.value.func, ast.Name)
        and value.func.value.func.id == "super"
    )


def _stub(repo: Repo, module: _Module) -> bool:
    """Whether no function of the module does anything (it raises, passes or defers to ``super()``):
    a stub left where removed code was, or an interface."""
    try:
        tree = parse_python(repo.read_text(module.path) or "")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    functions = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if not functions:
        return False
    for function in functions:
        body = function.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]  # the docstring
        if not (len(body) == 1 and _does_nothing(body[0])):
            return False
    return True


#: Build files that may name a module as the input of a compiler (pythran, Cython, mypyc).
_BUILD_FILES = ("meson.build", "CMakeLists.txt", "setup.py")


def _build_inputs(repo: Repo) -> set[str]:
    """File names of ``.py`` modules a build file names: sources compiled into an extension module."""
    names: set[str] = set()
    for path in repo.paths:
        if path.rpartition("/")[2] in _BUILD_FILES:
            names.update(re.findall(r"[\w.-]+\.py\b", repo.read_text(path) or ""))
    return {name.rpartition("/")[2] for name in names}


def _not_named_in(repo: Repo, tests: list[str], modules: list[_Module]) -> list[_Module]:
    """The modules no test file names as text: ``import_module("pkg.mod")``, a list of paths.

    Run on what is left at the end, so a few ``in`` searches over the tests' text suffice.
    """
    texts = [text for text in (repo.read_text(path) for path in tests) if text]
    left = []
    for module in modules:
        names = [module.name] if len(module.dotted) >= 2 else []  # a bare "pkg" would match anything
        if len(module.dotted) >= 3:
            names.append("/".join(module.dotted[1:]))  # "sub/mod", the path below the package
        if not any(name in text for text in texts for name in names):
            left.append(module)
    return left


def _entry_point_modules(repo: Repo) -> set[str]:
    """Modules ``[project.scripts]``, ``gui-scripts`` and ``entry-points`` name (``pkg.cli:main``),
    and those setup.cfg's ``[options.entry_points]`` names (``name = pkg.cli:main``, one per line)."""
    project = repo.project
    tables: list[Any] = [project.get("scripts"), project.get("gui-scripts")]
    groups = project.get("entry-points")
    if isinstance(groups, dict):
        tables += list(groups.values())
    references = [
        reference
        for table in tables
        if isinstance(table, dict)
        for reference in table.values()
        if isinstance(reference, str)
    ]
    setup_cfg = repo.read_text("setup.cfg") if repo.exists("setup.cfg") else None
    if setup_cfg:
        for value in ini_sections(setup_cfg).get("options.entry_points", {}).values():
            references += [line.partition("=")[2] for line in value.splitlines() if "=" in line]
    return {reference.split(":", 1)[0].strip() for reference in references if reference.strip()}


#: A command that runs a module as a program: ``python src/run_pipeline.py``, ``uv run python -m pkg.run``.
_PYTHON_RUNS = lazy(
    r"\bpython[0-9.]*[ \t]+(?:-[A-Za-z]+[ \t]+)*?(?:-m[ \t]+([A-Za-z_][\w.]*)|([\w./-]+\.py)\b)"
)


def _run_by_readme(repo: Repo) -> set[str]:
    """The modules the README or the contributing guide tells readers to run, by path
    (``src/run_pipeline.py``) or by name (``pkg.run``): the project's programs, which its
    users reach from the command line, not from an import."""
    places = [repo.find(*README_NAMES), repo.find(*CONTRIBUTING_NAMES)]
    found: set[str] = set()
    for path in places:
        text = repo.read_text(path) if path else None
        for match in _PYTHON_RUNS.finditer(text[:200_000] if text else ""):
            found.add(match.group(1) or match.group(2).removeprefix("./"))
    return found


# -- docs ---------------------------------------------------------------------------------------

MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "docs/mkdocs.yml", "docs/mkdocs.yaml")
SPHINX_CONFIGS = ("docs/conf.py", "docs/source/conf.py", "doc/conf.py", "doc/source/conf.py")
#: Other documentation builders, found by their configuration file.
OTHER_CONFIGS = (
    "zensical.toml",
    "myst.yml",
    "docs/myst.yml",
    "doc/myst.yml",
    "book/myst.yml",
    "_config.yml",
    "docs/_config.yml",
    "doc/_config.yml",
    "book/_config.yml",
)
#: Site builders whose configuration may stand in a folder of its own (nbdev keeps ``nbs/_quarto.yml``,
#: Mintlify ``docs/mintlify/docs.json``): Quarto, Mintlify and Docusaurus.
_SITE_BUILDER_FILES = frozenset(
    {"_quarto.yml", "_quarto.yaml", "mint.json", "docusaurus.config.js", "docusaurus.config.ts"}
)
#: Mintlify's current configuration has a name many tools use; its schema address tells it apart.
_MINTLIFY_CONFIG = "docs.json"
_MINTLIFY_MARK = "mintlify"
#: How deep such a configuration may be: ``nbs/_quarto.yml``, ``docs/mintlify/docs.json``.
_SITE_BUILDER_DEPTH = 2


def _site_builder_config(repo: Repo) -> str | None:
    """The configuration of a Quarto, Mintlify or Docusaurus site near the top, if there is one."""
    for path in repo.paths:
        depth = path.count("/")
        if depth > _SITE_BUILDER_DEPTH:
            continue
        name = path.rpartition("/")[2]
        if name in _SITE_BUILDER_FILES:
            return path
        if name == _MINTLIFY_CONFIG and repo.content_size(path) < 1024 * 1024:
            text = repo.read_text(path) or ""
            if _MINTLIFY_MARK in text[:2000].lower() or _MINTLIFY_MARK in path.lower():
                return path
    return None


READTHEDOCS_CONFIGS = (".readthedocs.yaml", ".readthedocs.yml", "readthedocs.yaml", "readthedocs.yml")
#: A documentation URL into the repository's own files is read on the forge, not built.
_FORGE_BROWSED = lazy(r"/(?:-/)?(?:tree|blob)/|/wiki(?:/|$)")


def docs_declared(repo: Repo) -> str | None:
    """Why the project is expected to build documentation, or None when it is not."""
    recorded = repo.answers.get("docs")
    if recorded in ("mkdocs", "properdocs", "sphinx"):
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


def _last_string_setting(tree: ast.Module, names: set[str]) -> str | None:
    """The text the last top-level ``name = "..."`` of a ``conf.py`` gives one of ``names``."""
    value = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            targets = {target.id for target in node.targets if isinstance(target, ast.Name)}
            if targets & names and isinstance(node.value.value, str):
                value = node.value.value
    return value


def _sphinx_root_doc(tree: ast.Module) -> str:
    root = _last_string_setting(tree, {"root_doc", "master_doc"})
    return "index" if root is None else root


#: ``root: readme.md`` in sphinx-external-toc's table of contents (Jupyter Book writes one).
_TOC_ROOT = lazy(r"(?m)^root:[ \t]*['\"]?([^\s'\"#]{1,200})")


def _names_extension(tree: ast.Module, extension: str) -> bool:
    """Whether ``conf.py`` names the extension in a string (``extensions = [...]``, ``.append(...)``)
    or imports it: a walk over the nodes, not a dump of the whole tree (numpy's is 60,000 characters)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and extension in node.value:
            return True
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
            if any(extension in name for name in names):
                return True
    return False


def _external_toc_root(repo: Repo, folder: str, tree: ast.Module) -> str | None:
    """The root document that sphinx-external-toc's ``_toc.yml`` names, without its suffix,
    when ``conf.py`` uses that extension (the toc then replaces ``root_doc``)."""
    named = _last_string_setting(tree, {"external_toc_path"})
    if named is None and not _names_extension(tree, "sphinx_external_toc"):
        return None
    toc = named if named is not None else "_toc.yml"
    parts = toc.split("/")
    if toc.startswith("/") or any(part in ("", ".", "..") for part in parts):
        return None  # a toc outside the docs folder is not read
    text = repo.read_text(f"{folder}/{toc}" if folder else toc)
    found = _TOC_ROOT.search(text) if text else None
    if found is None:
        return None
    folder_of_root, _, name = found.group(1).rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name else name  # v1.0/intro stays v1.0/intro
    return f"{folder_of_root}/{stem}" if folder_of_root else stem


class _ReadTheDocs(NamedTuple):
    """What a Read the Docs configuration builds: a Sphinx or MkDocs configuration, or its own commands."""

    path: str
    line: int = 0
    sphinx: str | None = None
    mkdocs: str | None = None
    commands: bool = False


def _readthedocs(repo: Repo) -> _ReadTheDocs | None:
    path = next((candidate for candidate in READTHEDOCS_CONFIGS if repo.exists(candidate)), None)
    if path is None:
        return None
    config = repo.yaml(path).mapping
    if config is None:
        return _ReadTheDocs(path)
    named: dict[str, str | None] = {"sphinx": None, "mkdocs": None}
    line = 0
    for tool in named:
        table = config.get(tool)
        value = table.get("configuration") if isinstance(table, dict) else None
        if isinstance(value, str) and value.strip():
            named[tool] = value.strip().removeprefix("./")
            line = getattr(table, "line", 0)
    build = config.get("build")
    commands = isinstance(build, dict) and isinstance(build.get("commands"), list)
    return _ReadTheDocs(path, line, named["sphinx"], named["mkdocs"], commands)


class OSS503(Rule):
    """The documentation is declared but not configured

    ## What it does
    A project declares documentation when the template record says `docs: properdocs`
    (or the older `docs: mkdocs`) or `docs: sphinx`, when `pyproject.toml` has a `docs` dependency group or optional
    dependency, or when `[project.urls]` has a Documentation URL (one pointing into the
    repository's own files on the forge, `/tree/` or `/blob/` or a wiki, needs no build).
    Such a project needs a documentation configuration: ProperDocs or MkDocs (`mkdocs.yml`,
    `mkdocs.yaml` or `properdocs.yml`, at the top or in `docs/`), Sphinx (`conf.py` in `docs/`, `doc/`,
    `docs/source/` or `doc/source/`), Zensical (`zensical.toml`), Jupyter Book or MyST
    (`_config.yml`, `myst.yml`), Quarto (`_quarto.yml`, also nbdev's `nbs/_quarto.yml`),
    Mintlify (`mint.json`, or a `docs.json` of Mintlify's), Docusaurus, or whatever
    `.readthedocs.yaml` names. Whenever a MkDocs
    or Sphinx configuration exists it must also parse and have a home page; MkDocs tags
    such as `!!python/name:` are understood. A `.readthedocs.yaml` that names a
    configuration file that does not exist is reported too: that build fails.

    ## Why is this bad?
    A Documentation link that leads nowhere, or a docs build that fails, is where a new
    colleague or a reviewer gives up. Documentation is how the results of an analysis are
    explained to the people who act on them.

    ## Example
    `pyproject.toml` has `[dependency-groups] docs = ["mkdocs-material"]`, but there is no
    `mkdocs.yml`.

    ## How to fix
    Add the configuration for the tool you chose (ProperDocs, MkDocs or Sphinx), with a home
    page:

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
        readthedocs = _readthedocs(repo)
        named = [name for name in (readthedocs.sphinx, readthedocs.mkdocs) if name] if readthedocs else []
        for name in named:
            if readthedocs is not None and not repo.exists(name):
                yield self.finding(
                    readthedocs.path,
                    f"{readthedocs.path} names {name}, which does not exist: the Read the Docs build fails",
                    line=readthedocs.line,
                )
        mkdocs = [path for path in (*MKDOCS_CONFIGS, *named) if path.endswith((".yml", ".yaml"))]
        sphinx = [path for path in (*SPHINX_CONFIGS, *named) if path.endswith("conf.py")]
        mkdocs_config = next((path for path in mkdocs if repo.exists(path)), None)
        sphinx_config = next((path for path in sphinx if repo.exists(path)), None)
        if mkdocs_config:
            yield from self._mkdocs(repo, mkdocs_config)
        if sphinx_config:
            yield from self._sphinx(repo, sphinx_config)
        if mkdocs_config or sphinx_config or (readthedocs is not None and readthedocs.commands):
            return
        if any(repo.exists(path) for path in OTHER_CONFIGS) or _site_builder_config(repo):
            return
        reason = docs_declared(repo)
        if reason is None:
            return
        expected = "docs/conf.py" if repo.answers.get("docs") == "sphinx" else "mkdocs.yml"
        yield self.finding(
            expected,
            f"{reason}, but there is no documentation configuration (mkdocs.yml, conf.py in docs/ or "
            f"doc/, zensical.toml, myst.yml or .readthedocs.yaml): add {expected} and docs/index.md",
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
        beside = path.rpartition("/")[0]  # MkDocs reads docs_dir relative to its configuration
        folder = f"{beside}/{folder}" if beside else folder
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
            tree = parse_python(text)
        except SyntaxError as exc:
            yield self.finding(path, f"{path} has a syntax error: {exc.msg}", line=exc.lineno or 0)
            return
        except (ValueError, RecursionError, MemoryError) as exc:
            yield self.finding(path, f"{path} cannot be read as Python: {exc}")
            return
        folder = path.rpartition("/")[0]  # "" for a conf.py at the top
        root = _external_toc_root(repo, folder, tree) or _sphinx_root_doc(tree)
        document = f"{folder}/{root}" if folder else root
        prefix = f"{document}."
        if not any(p.startswith(prefix) and "/" not in p[len(prefix) :] for p in repo.paths):
            yield self.finding(
                f"{document}.md",
                f"{document}.md (or .rst) is missing: Sphinx has no root document",
            )
