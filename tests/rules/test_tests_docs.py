"""Tests and docs rules (OSS501-OSS503)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import Check, MakeRepo
from oss_checks.registry import Finding

TEST_MODULE = "from pkg.metrics import mae\n\n\ndef test_mae() -> None:\n    assert mae([1], [1]) == 0\n"
MKDOCS = """\
site_name: Demand Forecasting
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
extra:
  analytics: !ENV [ANALYTICS_ID, none]
"""


def where(findings: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in findings]


def record(**answers: Any) -> str:
    return json.dumps({"template": "oss-template", "version": "0.1.0", "answers": answers})


def options(**values: Any) -> str:
    lines = ["[tool.oss-checks.options.module-tests]"]
    lines += [f"{key.replace('_', '-')} = {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


# -- OSS501 tests-exist --------------------------------------------------------------------

CODE = "def forecast(history):\n    return history[-1]\n"
CCDS_TEST_ENVIRONMENT = (
    "import sys\n\nREQUIRED_PYTHON = 'python3'\n\n\ndef main():\n    print('>>> Development environment passes all tests!')\n\n\n"
    "if __name__ == '__main__':\n    main()\n"
)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("tests/test_metrics.py", TEST_MODULE),
        ("tests/unit/metrics_test.py", "async def test_async():\n    pass\n"),
        ("test_top.py", "class TestMetrics:\n    def test_zero(self):\n        pass\n"),
        (
            "tests/test_legacy.py",
            "import unittest\nclass T(unittest.TestCase):\n    def testOld(self): ...\n",
        ),
        ("tests/test_broken.py", "def test_x(:\n    pass\n"),
        # precision-before.md: tests in places the rule did not look
        ("src/tests.py", "def test_headline_is_cleaned():\n    assert True\n"),  # `pytest src/tests.py`
        (
            "src/tests/tests.py",
            "import unittest\n\nclass TestData(unittest.TestCase):\n    def test_a(self): ...\n",
        ),
        ("pkg/sub/tests/test_density.py", "def test_density(): ...\n"),
        ("test/unit/testing_helpers_test.py", "def test_x(): ...\n"),
    ],
)
def test_a_test_function_passes(make_repo: MakeRepo, check: Check, path: str, text: str) -> None:
    root = make_repo({path: text, "tests/test_empty.py": "import pytest\n"})
    assert check(root, "OSS501") == []


def test_python_files_from_the_pytest_configuration(make_repo: MakeRepo, check: Check) -> None:
    pyproject = '[tool.pytest.ini_options]\ntestpaths = ["checks"]\npython_files = ["check_*.py"]\n'
    root = make_repo({"pyproject.toml": pyproject, "checks/check_model.py": "def test_fit(): ...\n"})
    assert check(root, "OSS501") == []
    setup_cfg = "[tool:pytest]\ntestpaths = checks\npython_files =\n    check_*.py\n"
    root = make_repo({"setup.cfg": setup_cfg, "checks/check_model.py": "def test_fit(): ...\n"})
    assert check(root, "OSS501") == []


def test_docstring_examples_the_project_runs_are_tests(make_repo: MakeRepo, check: Check) -> None:
    module = 'def forecast(history):\n    """The last value.\n\n    >>> forecast([1, 2])\n    2\n    """\n    return history[-1]\n'
    makefile = "doctest:\n\tuv run xdoctest forecast.py\n"
    assert check(make_repo({"forecast.py": module, "Makefile": makefile}), "OSS501") == []
    nox = 'import nox\n\n@nox.session\ndef tests(session):\n    session.run("pytest", "--doctest-modules", "src")\n'
    assert check(make_repo({"src/pkg/fc.py": module, "noxfile.py": nox}), "OSS501") == []
    # The command the README or the contributing guide gives is how the project is tested.
    readme = "# Forecast\n\n## Testing\n\n```\nuv run python -m doctest src/pkg/fc.py\n```\n"
    assert check(make_repo({"src/pkg/fc.py": module, "README.md": readme}), "OSS501") == []
    guide = "Run `python -m doctest -v src/pkg/*.py` before you push.\n"
    assert check(make_repo({"src/pkg/fc.py": module, ".github/CONTRIBUTING.md": guide}), "OSS501") == []
    # A command that runs only the page's own examples tests no code.
    pages = "# Forecast\n\nTest these examples with `python -m doctest -v README.md`.\n"
    assert [f.code for f in check(make_repo({"src/pkg/fc.py": module, "README.md": pages}), "OSS501")] == [
        "OSS501"
    ]
    # Examples nobody runs, or a runner with no examples to run, are no tests.
    assert [f.code for f in check(make_repo({"forecast.py": module}), "OSS501")] == ["OSS501"]
    plain = {"forecast.py": CODE, "Makefile": makefile}
    assert [f.code for f in check(make_repo(plain), "OSS501")] == ["OSS501"]


def test_no_test_files_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"src/pkg/__init__.py": "", "tests/conftest.py": "import pytest\n"})
    findings = check(root, "OSS501")
    assert where(findings) == [("OSS501", "tests", 0)]
    assert "no tests" in findings[0].message


def test_test_files_without_tests_are_each_reported(make_repo: MakeRepo, check: Check) -> None:
    files: dict[str, str | bytes] = {
        "tests/test_a.py": "import pytest\n\n@pytest.fixture\ndef data(): ...\n\n# def test_later(): ...\n",
        "tests/test_b.py": '"""\ndef test_in_a_docstring():\n"""\n',
        "tests/test_c.py": b"\x00\x01binary",
    }
    findings = check(make_repo(files), "OSS501")
    assert where(findings) == [
        ("OSS501", "tests/test_a.py", 0),
        ("OSS501", "tests/test_b.py", 0),
        ("OSS501", "tests/test_c.py", 0),
    ]
    assert "exits with code 5" in findings[0].message


def test_ccds_test_environment_is_a_script_not_an_empty_test_file(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {"test_environment.py": CCDS_TEST_ENVIRONMENT, "src/__init__.py": "", "src/model.py": CODE}
    )
    assert where(check(root, "OSS501")) == [("OSS501", "tests", 0)]  # not "defines no test function"
    files = {"test_environment.py": CCDS_TEST_ENVIRONMENT, "src/tests/tests.py": "def test_a(): ...\n"}
    assert check(make_repo(files), "OSS501") == []


def test_a_module_named_like_a_test_beside_the_code_is_no_test_file(
    make_repo: MakeRepo, check: Check
) -> None:
    # A helper that evaluates a model on the test split; the project has no tests at all.
    files = {
        "src/pkg/cp/test_cp.py": "def run_test_cp(run_id):\n    return run_id\n",
        "src/pkg/cp/fit.py": CODE,
    }
    assert where(check(make_repo(files), "OSS501")) == [("OSS501", "tests", 0)]
    # Importing a test framework, it is an empty test file again.
    files["src/pkg/cp/test_cp.py"] = "import pytest\n\n@pytest.fixture\ndef run_id(): ...\n"
    assert where(check(make_repo(files), "OSS501")) == [("OSS501", "src/pkg/cp/test_cp.py", 0)]


def test_a_file_only_unittest_would_find_is_no_empty_test_file(make_repo: MakeRepo, check: Check) -> None:
    # A smoke script called test.py that pytest never collects, and a helper module in tests/.
    smoke = "import pkg\n\nsongs = pkg.load()\npkg.play(songs[0])\nimport pdb; pdb.set_trace()\n"
    files = {"test.py": smoke, "tests/testutils.py": "def make_frame(): ...\n", "pkg/play.py": CODE}
    assert where(check(make_repo(files), "OSS501")) == [("OSS501", "tests", 0)]
    # Named by the configuration's python_files, pytest does collect it.
    pyproject = '[tool.pytest.ini_options]\npython_files = ["test.py"]\n'
    assert where(check(make_repo({**files, "pyproject.toml": pyproject}), "OSS501")) == [
        ("OSS501", "test.py", 0)
    ]
    # With a test in it, test.py is a test module like any other.
    assert check(make_repo({**files, "test.py": "def test_play(): ...\n"}), "OSS501") == []


@pytest.mark.parametrize(
    "notebook",
    [
        "# ---\n# jupyter:\n#   jupytext:\n#     formats: ipynb,py:percent\n# ---\n\n# %%\nimport metaflow\n",
        "# %% [markdown]\n# Trying the API out\n\n# %%\nresult = run()\n",
    ],
)
def test_a_jupytext_notebook_named_test_is_no_empty_test_file(
    make_repo: MakeRepo, check: Check, notebook: str
) -> None:
    files = {"analysis/test_metaflow.py": notebook, "src/__init__.py": "", "src/model.py": CODE}
    assert where(check(make_repo(files), "OSS501")) == [("OSS501", "tests", 0)]
    files["tests/test_model.py"] = "# %%\ndef test_fit():\n    assert True\n"
    assert check(make_repo(files), "OSS501") == [], "a test in percent format is still a test"


@pytest.mark.parametrize(
    ("files", "reported"),
    [
        (
            {
                "setup.py": "from setuptools import setup\nsetup()\n",
                "pkg/__init__.py": "",
                "pkg/model.py": CODE,
            },
            True,
        ),
        (
            {
                "pyproject.toml": '[build-system]\nrequires = ["hatchling"]\n',
                "src/pkg/__init__.py": "",
                "src/pkg/model.py": CODE,
            },
            True,
        ),
        # a team template's skeleton: boilerplate in __init__.py, no module yet
        (
            {
                "setup.py": "from setuptools import setup\nsetup()\n",
                "pkg/__init__.py": CODE,
                "pkg/utils/__init__.py": "",
            },
            False,
        ),
        # a package skeleton with nothing in it yet, a set of notebooks, a book: nothing to test
        (
            {
                "setup.py": "from setuptools import setup\nsetup()\n",
                "pkg/__init__.py": "",
                "pkg/io/__init__.py": "",
            },
            False,
        ),
        ({"notebooks/1.0-eda.ipynb": "{}", "src/__init__.py": "", "src/model.py": CODE}, False),
        ({"ch01/ch01.ipynb": "{}", "ch01/helpers.py": CODE}, False),
    ],
)
def test_without_the_conventions_only_a_package_is_told_it_has_no_tests(
    make_repo: MakeRepo, check_unadopted: Check, files: dict[str, str], reported: bool
) -> None:
    findings = check_unadopted(make_repo(files), "OSS501")
    assert where(findings) == ([("OSS501", "tests", 0)] if reported else [])


# -- OSS502 module-tests -------------------------------------------------------------------

PACKAGE: dict[str, str | bytes] = {
    "src/pkg/__init__.py": "",
    "src/pkg/__main__.py": CODE,
    "src/pkg/_version.py": "__version__ = '1.0'\n",
    "src/pkg/py.typed": "",
    "src/pkg/metrics.py": CODE,
    "src/pkg/io/__init__.py": "",
    "src/pkg/io/readers.py": CODE,
    "src/pkg/io/writers.py": CODE,
    "src/pkg/io/sql.py": CODE,
    "src/pkg/tests/test_inside.py": "def test_x(): ...\n",
    "tests/test_metrics.py": TEST_MODULE,
    "tests/io/test_readers.py": TEST_MODULE,
    "tests/test_io_writers.py": TEST_MODULE,
    "tests/sql_test.py": TEST_MODULE,
}


def test_every_module_with_a_test_module_passes(make_repo: MakeRepo, check: Check) -> None:
    assert check(make_repo(PACKAGE), "OSS502") == []


def test_untested_modules_are_reported_with_the_test_to_add(make_repo: MakeRepo, check: Check) -> None:
    files = {**PACKAGE, "src/pkg/features.py": CODE, "src/pkg/io/cache.py": CODE}
    findings = check(make_repo(files), "OSS502")
    assert where(findings) == [
        ("OSS502", "src/pkg/features.py", 0),
        ("OSS502", "src/pkg/io/cache.py", 0),
    ]
    # beside the tests the module's folder already has, else mirrored under tests/
    assert findings[0].message == (
        "src/pkg/features.py has no test module and no test imports it: add src/pkg/tests/test_features.py"
    )
    assert findings[1].message.endswith("add tests/io/test_cache.py")


def test_flat_layout_packages_are_checked(make_repo: MakeRepo, check: Check) -> None:
    files = {"pkg/__init__.py": "", "pkg/model.py": CODE, "tests/test_other.py": TEST_MODULE}
    assert where(check(make_repo(files), "OSS502")) == [("OSS502", "pkg/model.py", 0)]


def test_helpers_in_a_folder_of_tests_by_content_need_no_tests(make_repo: MakeRepo, check: Check) -> None:
    # A CI's folder that pytest runs: conftest.py beside test modules, and the helpers they use.
    files = {
        **PACKAGE,
        "action_files/__init__.py": "",
        "action_files/conftest.py": "import pytest\n",
        "action_files/test_fit.py": TEST_MODULE,
        "action_files/lint_imports.py": CODE,
        # A package with a conftest.py for its doctests and no test module beside it is still code.
        "src/pkg/conftest.py": "import pytest\n",
        "src/pkg/report.py": CODE,
    }
    assert where(check(make_repo(files), "OSS502")) == [("OSS502", "src/pkg/report.py", 0)]


NETWORK_LIKE: dict[str, str | bytes] = {
    "netlib/__init__.py": "from netlib.flow import *\n",
    "netlib/algorithms/__init__.py": "",
    "netlib/algorithms/approximation/__init__.py": "",
    "netlib/algorithms/approximation/density.py": CODE,
    "netlib/algorithms/approximation/tests/__init__.py": "",
    "netlib/algorithms/approximation/tests/test_density.py": "def test_density(): ...\n",
    "netlib/traversal/__init__.py": "",
    "netlib/traversal/breadth_first_search.py": CODE,
    "netlib/traversal/tests/__init__.py": "",
    "netlib/traversal/tests/test_bfs.py": (
        "import pytest\n\n\ndef test_bfs():\n    from netlib.traversal.breadth_first_search import bfs\n"
    ),
    "netlib/utils/__init__.py": "",
    "netlib/utils/union_find.py": "class UnionFind:\n    pass\n",
    "netlib/utils/tests/__init__.py": "",
    "netlib/utils/tests/test_unionfind.py": "from ..union_find import (\n    UnionFind,\n)\n\ndef test_u(): ...\n",
    "netlib/flow/__init__.py": "from .edmondskarp import *\nfrom .maxflow import maximum_flow\n",
    "netlib/flow/edmondskarp.py": "def edmonds_karp(g):\n    return g\n",
    "netlib/flow/maxflow.py": "def maximum_flow(g):\n    return g\n",
    "netlib/flow/tests/test_maxflow.py": "from netlib.flow import edmonds_karp\n\ndef test_flow(): ...\n",
    "netlib/transform/__init__.py": "",
    "netlib/transform/_geometric.py": CODE,
    "tests/transform/test_geometric.py": "def test_g(): ...\n",
}


def test_tests_inside_the_package_imports_and_underscores_count(make_repo: MakeRepo, check: Check) -> None:
    assert check(make_repo(NETWORK_LIKE), "OSS502") == []


def test_a_module_beside_in_package_tests_is_told_to_put_its_test_there(
    make_repo: MakeRepo, check: Check
) -> None:
    files = {**NETWORK_LIKE, "netlib/traversal/depth_first_search.py": CODE}
    findings = check(make_repo(files), "OSS502")
    assert where(findings) == [("OSS502", "netlib/traversal/depth_first_search.py", 0)]
    assert findings[0].message.endswith("add netlib/traversal/tests/test_depth_first_search.py")


@pytest.mark.parametrize(
    "path",
    [
        "src/pkg/examples/demo.py",  # an example script
        "src/pkg/_build/tempita.py",  # a build helper
        "src/pkg/build_utils/cythoner.py",
        "src/pkg/api.py",  # re-exports
        "src/pkg/visualize.py",  # an empty module of the cookiecutter-data-science layout
        "src/pkg/adfvalues.py",  # a table: no function, no class
        "src/pkg/third_party/lib.py",  # vendored
        "src/pkg/cirtorch/layers.py",  # vendored: a folder with its own LICENSE
        "src/pkg/tests/helpers.py",  # test support
    ],
)
def test_modules_that_are_not_units_are_never_reported(make_repo: MakeRepo, check: Check, path: str) -> None:
    content = {"visualize.py": "", "adfvalues.py": "TABLE = {1: 2.5, 2: 3.1}\n"}.get(
        path.rpartition("/")[2], CODE
    )
    files = {**PACKAGE, path: content, "src/pkg/cirtorch/LICENSE": "MIT License\n"}
    assert check(make_repo(files), "OSS502") == []


def test_nothing_per_module_while_there_are_no_tests(make_repo: MakeRepo, check: Check) -> None:
    files = {"src/pkg/__init__.py": "", "src/pkg/model.py": CODE, "src/pkg/data.py": CODE}
    assert [f.code for f in check(make_repo(files), "OSS501", "OSS502")] == ["OSS501"]


# A library that keeps a test module for most of its modules (statsmodels-like).
LIBRARY: dict[str, str | bytes] = {
    "statlib/__init__.py": "",
    "statlib/regression/__init__.py": "",
    "statlib/regression/linear_model.py": "from statlib.base import l1_solver\n\n" + CODE,
    "statlib/regression/quantile.py": CODE,
    "statlib/regression/glm.py": CODE,
    "statlib/regression/tests/test_glm.py": "def test_glm(): ...\n",
    "statlib/base/optimizer.py": CODE,
    "statlib/base/tests/test_optimizer.py": "def test_o(): ...\n",
    "statlib/stats/__init__.py": "",
    "statlib/stats/weightstats.py": CODE,
    "statlib/stats/proportion.py": CODE,
    "statlib/stats/power.py": CODE,
    "statlib/stats/tests/test_weightstats.py": "def test_w(): ...\n",
    "statlib/stats/tests/test_proportion.py": "def test_p(): ...\n",
    "statlib/stats/tests/test_power.py": "def test_p(): ...\n",
    "statlib/regression/tests/test_linear_model.py": "def test_ols(): ...\n",
    "statlib/regression/tests/test_quantile.py": "def test_q(): ...\n",
    "statlib/base/__init__.py": "",
    "statlib/base/model.py": CODE,
    "statlib/base/l1_solver.py": CODE,  # untested itself, used by tested code
    "statlib/base/tests/test_model.py": "def test_m(): ...\n",
    "statlib/graphics/__init__.py": "",
    "statlib/graphics/api.py": "from .boxplots import forecast\n",
    "statlib/tsa/__init__.py": "from .stattools import *  # tested as statlib.tsa.adfuller\n",
    "statlib/tsa/stattools.py": CODE,
    "statlib/cli.py": CODE,  # named by an entry point
    "pyproject.toml": '[project]\nname = "statlib"\nversion = "1"\nscripts = { statlib = "statlib.cli:main" }\n',
    "statlib/graphics/boxplots.py": CODE,
    "statlib/graphics/tests/test_boxplots.py": "def test_b(): ...\n",
    "statlib/graphics/plot_grids.py": "def scatter_ellipse(data):\n    return data\n",
    "statlib/graphics/tukeyplot.py": "def tukeyplot(results):\n    return results\n",
    "statlib/examples/ex_scatter_ellipse.py": "from statlib.graphics.plot_grids import scatter_ellipse\n",
}


def test_without_the_conventions_a_tested_library_hears_of_what_nothing_reaches(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    findings = check_unadopted(make_repo(LIBRARY), "OSS502")
    assert where(findings) == [
        ("OSS502", "statlib/graphics/plot_grids.py", 0),
        ("OSS502", "statlib/graphics/tukeyplot.py", 0),
    ]
    assert findings[0].message.endswith("add statlib/graphics/tests/test_plot_grids.py")


def test_an_entry_point_in_setup_cfg_reaches_its_module(make_repo: MakeRepo, check_unadopted: Check) -> None:
    files = {k: v for k, v in LIBRARY.items() if k != "pyproject.toml"}
    files["pyproject.toml"] = '[project]\nname = "statlib"\nversion = "1"\n'
    files["setup.cfg"] = "[options.entry_points]\nconsole_scripts =\n    statlib = statlib.cli:main\n"
    assert "statlib/cli.py" not in [f.path for f in check_unadopted(make_repo(files), "OSS502")]


@pytest.mark.parametrize(
    "readme",
    [
        "Run the pipeline with\n\n```\npython statlib/graphics/plot_grids.py --year 2024\n```\n",
        "Then `uv run python -m statlib.graphics.plot_grids` draws the grids.\n",
    ],
)
def test_a_program_the_readme_runs_is_reached(
    make_repo: MakeRepo, check_unadopted: Check, readme: str
) -> None:
    findings = check_unadopted(make_repo({**LIBRARY, "README.md": f"# statlib\n\n{readme}"}), "OSS502")
    assert [f.path for f in findings] == ["statlib/graphics/tukeyplot.py"]


@pytest.mark.parametrize(
    "reached",
    [
        # the build compiles it (pythran, Cython): tested as the extension it becomes
        {"statlib/data/meson.build": "py.extension_module('blobs', pythran_gen.process('blobs.py'))\n"},
        # a test names it as text
        {"statlib/tests/test_migration.py": "MODULES = ['data/blobs']\n\ndef test_m(): ...\n"},
        {"statlib/tests/test_lazy.py": "def test_l():\n    importlib.import_module('statlib.data.blobs')\n"},
    ],
)
def test_modules_reached_without_an_import_statement_are_not_reported(
    make_repo: MakeRepo, check: Check, reached: dict[str, str]
) -> None:
    files = {**LIBRARY, "statlib/data/blobs.py": "def binary_blobs(shape):\n    return shape\n", **reached}
    found = [f.path for f in check(make_repo(files), "OSS502")]
    assert "statlib/data/blobs.py" not in found, found


def test_a_lazy_loader_stub_reaches_what_it_re_exports(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    files = {
        **LIBRARY,
        "statlib/data/__init__.py": "import lazy_loader\n",
        "statlib/data/__init__.pyi": "from .blobs import binary_blobs\n",  # scikit-image's layout
        "statlib/data/blobs.py": "def binary_blobs(shape):\n    return shape\n",
    }
    root = make_repo(files)
    assert "statlib/data/blobs.py" not in [f.path for f in check_unadopted(root, "OSS502")]
    assert "statlib/data/blobs.py" in [f.path for f in check(root, "OSS502")]  # like any re-export


@pytest.mark.parametrize(
    "reached",
    [
        # a module __getattr__ (PEP 562) in the package's __init__.py loads it by its name
        {
            "statlib/graphics/__init__.py": (
                "import importlib\n\n__all__ = ['scatter_ellipse']\n\n\ndef __getattr__(name):\n"
                "    if name == 'scatter_ellipse':\n"
                "        return importlib.import_module('.plot_grids', __package__).scatter_ellipse\n"
                "    raise AttributeError(name)\n"
            )
        },
        # the project's own flows and scripts, outside the package, use it
        {"flows/backup.py": "from statlib.graphics.plot_grids import scatter_ellipse\n"},
        {"scripts/geography/01_copy.py": "import statlib.graphics.plot_grids as grids\n"},
    ],
)
def test_what_the_project_reaches_beyond_the_packages_imports_is_used(
    make_repo: MakeRepo, check: Check, check_unadopted: Check, reached: dict[str, str]
) -> None:
    root = make_repo({**LIBRARY, **reached})
    assert [f.path for f in check_unadopted(root, "OSS502")] == ["statlib/graphics/tukeyplot.py"]
    # An adopter still hears of every module without a test, however the project uses it.
    assert "statlib/graphics/plot_grids.py" in [f.path for f in check(root, "OSS502")]


def test_a_script_of_examples_or_an_archive_reaches_nothing(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    files = {
        **LIBRARY,
        "archive/old_plots.py": "from statlib.graphics.plot_grids import scatter_ellipse\n",
        "docs/examples/grids.py": "from statlib.graphics.plot_grids import scatter_ellipse\n",
    }
    paths = [f.path for f in check_unadopted(make_repo(files), "OSS502")]
    assert paths == ["statlib/graphics/plot_grids.py", "statlib/graphics/tukeyplot.py"]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("statlib/genmod/_tweedie.py", CODE),  # private: dead code is for a linter, not a missing test
        ("statlib/tsa/_tables/pss.py", CODE),  # in a private folder
        (
            "statlib/tsa/arima_model.py",  # a removal stub
            (
                "class ARMA:\n    def __init__(self, *a):\n        raise NotImplementedError('removed')\n\n\n"
                'class ARIMA(ARMA):\n    def __init__(self, *a):\n        "Removed."\n        super().__init__(*a)\n'
            ),
        ),
    ],
)
def test_without_the_conventions_private_modules_and_stubs_are_left_alone(
    make_repo: MakeRepo, check: Check, check_unadopted: Check, path: str, text: str
) -> None:
    files = {**LIBRARY, "statlib/genmod/__init__.py": "", path: text}
    root = make_repo(files)
    assert path not in [f.path for f in check_unadopted(root, "OSS502")]
    assert path in [f.path for f in check(root, "OSS502")]


def test_with_the_conventions_a_helper_used_by_tested_code_needs_its_own_test(
    make_repo: MakeRepo, check: Check
) -> None:
    assert [f.path for f in check(make_repo(LIBRARY), "OSS502")] == [
        "statlib/base/l1_solver.py",
        "statlib/cli.py",
        "statlib/graphics/plot_grids.py",
        "statlib/graphics/tukeyplot.py",
        "statlib/tsa/stattools.py",
    ]


def test_without_the_conventions_a_repository_with_few_test_modules_hears_nothing(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    files: dict[str, str | bytes] = {
        "jobs/__init__.py": "",
        "jobs/utils/__init__.py": "",
        "jobs/utils/text_cleaning.py": CODE,
        "jobs/getters/__init__.py": "",
        "jobs/getters/s3.py": CODE,
        "jobs/pipeline/__init__.py": "",
        "jobs/pipeline/skills.py": CODE,
        "jobs/pipeline/skill_measures.py": CODE,
        "jobs/tests/test_skill_measures.py": "def test_s(): ...\n",
    }
    root = make_repo(files)
    assert check_unadopted(root, "OSS502") == []
    findings = check(root, "OSS502")
    assert len(findings) == 3
    assert findings[0].message.endswith("add jobs/tests/test_s3.py")  # where this repository keeps its tests


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (options(extend_ignore=["src/pkg/features.py"]), []),
        (options(extend_ignore=["cli.py"]), ["src/pkg/features.py"]),
        (options(ignore=["features.py"]), ["src/pkg/__init__.py"]),
        (options(tests_folder="test"), ["src/pkg/features.py"]),
        (options(tests_folder="tests"), ["src/pkg/cli.py", "src/pkg/features.py"]),
        (options(tests_folder="."), ["src/pkg/features.py"]),
    ],
)
def test_options(make_repo: MakeRepo, check: Check, settings: str, expected: list[str]) -> None:
    files = {
        "pyproject.toml": settings,
        "src/pkg/__init__.py": CODE,
        "src/pkg/features.py": CODE,
        "src/pkg/cli.py": CODE,
        "test/test_cli.py": TEST_MODULE,
        "tests/test_other.py": "def test_o(): ...\n",
    }
    assert [f.path for f in check(make_repo(files), "OSS502")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "from . import (\n" * 3 + "x\n",  # never closed
        "from pkg import x\n" * 3 + "import (((((((((((((((((((((((((((((((((((((((((\n",
        "from ...... import x\nimport\tpkg.model\nfrom pkg.model import *\n",
        b"\xff\xfe not text",
    ],
)
def test_odd_test_files_never_crash(make_repo: MakeRepo, check: Check, text: str | bytes) -> None:
    files = {**PACKAGE, "tests/test_odd.py": text, "src/pkg/model.py": CODE}
    assert {f.path for f in check(make_repo(files), "OSS502")} <= {"src/pkg/model.py"}


# -- OSS503 docs-configured ----------------------------------------------------------------


def test_project_without_docs_passes(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"pyproject.toml": '[project]\nname = "x"\n', "README.md": "# x\n"})
    assert check(root, "OSS503") == []


@pytest.mark.parametrize(
    ("files", "path", "reason"),
    [
        ({".oss-template.json": record(docs="mkdocs")}, "mkdocs.yml", "docs: mkdocs"),
        ({".oss-template.json": record(docs="sphinx")}, "docs/conf.py", "docs: sphinx"),
        ({"pyproject.toml": '[dependency-groups]\ndocs = ["mkdocs"]\n'}, "mkdocs.yml", "dependency group"),
        (
            {"pyproject.toml": '[project]\nname = "x"\n[project.optional-dependencies]\ndocs = ["sphinx"]\n'},
            "mkdocs.yml",
            "optional dependency",
        ),
        (
            {"pyproject.toml": '[project]\nname = "x"\nurls.Documentation = "https://x.readthedocs.io"\n'},
            "mkdocs.yml",
            "Documentation URL",
        ),
    ],
)
def test_declared_docs_without_config_are_reported(
    make_repo: MakeRepo, check: Check, files: dict[str, str], path: str, reason: str
) -> None:
    findings = check(make_repo(files), "OSS503")
    assert where(findings) == [("OSS503", path, 0)]
    assert reason in findings[0].message


def test_documentation_url_into_the_repository_needs_no_build(make_repo: MakeRepo, check: Check) -> None:
    pyproject = '[project]\nname = "x"\nurls.Documentation = "https://github.com/o/x/tree/main/docs"\n'
    assert check(make_repo({"pyproject.toml": pyproject}), "OSS503") == []


def test_mkdocs_site_with_python_tags_passes(make_repo: MakeRepo, check: Check) -> None:
    files = {".oss-template.json": record(docs="mkdocs"), "mkdocs.yml": MKDOCS, "docs/index.md": "# Home\n"}
    assert check(make_repo(files), "OSS503") == []


def test_mkdocs_docs_dir_and_readme_home_page(make_repo: MakeRepo, check: Check) -> None:
    files = {"mkdocs.yml": "site_name: x\ndocs_dir: site_src\n", "site_src/README.md": "# Home\n"}
    assert check(make_repo(files), "OSS503") == []


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        ("site_name: x\nnav:\n  - Home: [\n", 4, "not valid YAML"),
        ("site_name: x\n  bad: indent\n", 2, "not valid YAML"),
        (b"\x89PNG\r\n\x1a\n\x00", 0, "not UTF-8"),
        ("", 1, "is empty"),
        ("# docs\ntheme: material\n", 2, "no site_name"),
    ],
)
def test_broken_mkdocs_config_is_reported(
    make_repo: MakeRepo, check: Check, config: str | bytes, line: int, message: str
) -> None:
    root = make_repo({"mkdocs.yml": config, "docs/index.md": "# Home\n"})
    findings = check(root, "OSS503")
    assert where(findings) == [("OSS503", "mkdocs.yml", line)]
    assert message in findings[0].message


def test_mkdocs_without_home_page_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"mkdocs.yml": "site_name: x\n", "docs/usage.md": "# Usage\n"})
    assert where(check(root, "OSS503")) == [("OSS503", "docs/index.md", 0)]


@pytest.mark.parametrize(
    "files",
    [
        {"docs/conf.py": "project = 'x'\n", "docs/index.rst": "x\n=\n"},
        {"docs/source/conf.py": "root_doc = 'contents'\n", "docs/source/contents.md": "# x\n"},
        {  # the root in a folder whose name has a dot
            "docs/conf.py": "extensions = ['sphinx_external_toc']\n",
            "docs/_toc.yml": "root: v1.0/intro\n",
            "docs/v1.0/intro.md": "# x\n",
        },
        {  # a Jupyter Book: sphinx-external-toc's _toc.yml names the root
            "docs/conf.py": "extensions = ['sphinx_external_toc']\nexternal_toc_path = '_toc.yml'\n",
            "docs/_toc.yml": "format: jb-book\nroot: readme.md\n",
            "docs/readme.md": "# x\n",
        },
    ],
)
def test_sphinx_site_passes(make_repo: MakeRepo, check: Check, files: dict[str, str]) -> None:
    files = {**files, ".oss-template.json": record(docs="sphinx")}
    assert check(make_repo(files), "OSS503") == []


@pytest.mark.parametrize(
    ("files", "expected", "message"),
    [
        ({"docs/conf.py": "project = 'x'\nextensions = [\n"}, ("docs/conf.py", 2), "syntax error"),
        ({"docs/conf.py": b"\x00\x00"}, ("docs/conf.py", 0), "not UTF-8"),
        ({"docs/conf.py": "project = 'x'\n", "docs/guide/index.md": "# x\n"}, ("docs/index.md", 0), "root"),
        ({"docs/conf.py": "master_doc = 'main'\n", "docs/index.md": "# x\n"}, ("docs/main.md", 0), "root"),
        (
            {"docs/conf.py": "extensions = ['sphinx_external_toc']\n", "docs/_toc.yml": "root: intro\n"},
            ("docs/intro.md", 0),
            "root",
        ),
    ],
)
def test_broken_sphinx_site_is_reported(
    make_repo: MakeRepo, check: Check, files: dict[str, str | bytes], expected: tuple[str, int], message: str
) -> None:
    findings = check(make_repo(files), "OSS503")
    assert [(f.path, f.line) for f in findings] == [expected]
    assert message in findings[0].message


@pytest.mark.parametrize(
    "files",
    [
        {"doc/conf.py": "project = 'x'\n", "doc/index.rst": "x\n=\n"},  # networkx, imbalanced-learn
        {"doc/source/conf.py": "project = 'x'\n", "doc/source/index.rst": "x\n=\n"},  # scikit-image
        {"zensical.toml": '[project]\nsite_name = "x"\n', "docs/index.md": "# x\n"},  # cookiecutter-pypackage
        {"mkdocs.yaml": "site_name: x\n", "docs/index.md": "# x\n"},
        {"docs/mkdocs.yml": "site_name: x\n", "docs/docs/index.md": "# x\n"},  # pandarallel
        {"docs/myst.yml": "version: 1\nproject:\n  title: x\n"},  # MyST, scientific-python/cookie
        {"_config.yml": "title: x\n", "_toc.yml": "format: jb-book\nroot: intro\n"},  # Jupyter Book
        {"nbs/_quarto.yml": "project:\n  type: website\n"},  # nbdev's Quarto site
        {"docs/mintlify/docs.json": '{"$schema": "https://mintlify.com/docs.json", "name": "x"}'},  # Mintlify
        {"docs/mint.json": '{"name": "x"}'},  # Mintlify's older configuration
        {"website/docusaurus.config.js": "module.exports = {title: 'x'};\n"},  # Docusaurus
        {".readthedocs.yaml": "version: 2\nbuild:\n  os: ubuntu-24.04\n  commands:\n    - myst build\n"},
        {
            ".readthedocs.yaml": "version: 2\nsphinx:\n  configuration: site/conf.py\n",
            "site/conf.py": "project = 'x'\n",
            "site/index.rst": "x\n=\n",
        },
        {  # a conf.py at the top of the repository
            ".readthedocs.yaml": "version: 2\nsphinx:\n  configuration: conf.py\n",
            "conf.py": "project = 'x'\n",
            "index.rst": "x\n=\n",
        },
    ],
)
def test_documentation_configured_elsewhere_counts(
    make_repo: MakeRepo, check_unadopted: Check, files: dict[str, str]
) -> None:
    pyproject = '[project]\nname = "x"\nversion = "1"\n[project.optional-dependencies]\ndocs = ["sphinx"]\n'
    assert check_unadopted(make_repo({**files, "pyproject.toml": pyproject}), "OSS503") == []


def test_a_json_file_that_is_not_mintlifys_is_no_docs_configuration(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    pyproject = '[project]\nname = "x"\nversion = "1"\n[project.optional-dependencies]\ndocs = ["sphinx"]\n'
    files = {"pyproject.toml": pyproject, "docs/docs.json": '{"pages": []}', "a/b/c/_quarto.yml": "x: 1\n"}
    assert [f.path for f in check_unadopted(make_repo(files), "OSS503")] == ["mkdocs.yml"]


def test_readthedocs_naming_a_missing_configuration(make_repo: MakeRepo, check_unadopted: Check) -> None:
    readthedocs = (
        "version: 2\n\n# Build documentation in doc/ with Sphinx\nsphinx:\n  configuration: doc/conf.py\n"
    )
    files = {
        ".readthedocs.yml": readthedocs,
        "doc/source/conf.py": "project = 'x'\n",
        "doc/source/index.rst": "x\n",
    }
    findings = check_unadopted(make_repo(files), "OSS503")
    assert where(findings) == [("OSS503", ".readthedocs.yml", 5)]
    assert findings[0].message == (
        ".readthedocs.yml names doc/conf.py, which does not exist: the Read the Docs build fails"
    )


def test_a_properdocs_record_declares_docs_and_its_config_satisfies_them(
    make_repo: MakeRepo, check: Check
) -> None:
    record = json.dumps({"template": "oss-template", "version": "0.1.0", "answers": {"docs": "properdocs"}})
    assert [f.path for f in check(make_repo({".oss-template.json": record}), "OSS503")] == ["mkdocs.yml"]
    site = {".oss-template.json": record, "properdocs.yml": "site_name: x\n", "docs/index.md": "# x\n"}
    assert check(make_repo(site), "OSS503") == []


# -- precision round 2: benchmarks and copy-me templates are not units -------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "src/pkg/benchmarks/bench_load.py",  # a benchmark folder inside the package
        "src/pkg/io/bench_readers.py",  # a benchmark module beside the code
        "src/pkg/io/readers_benchmark.py",
        "src/pkg/asv_bench/suite.py",
        "src/pkg/solar/spa_example.py",  # an example script beside the code it shows
        "src/pkg/demo_plots.py",
    ],
)
def test_benchmarks_are_never_reported(
    make_repo: MakeRepo, check: Check, check_unadopted: Check, path: str
) -> None:
    files = {**PACKAGE, path: CODE}
    assert check(make_repo(files), "OSS502") == []
    assert check_unadopted(make_repo(files), "OSS502") == []


def test_a_template_nothing_imports_is_a_file_to_copy(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    files = {**LIBRARY, "statlib/datasets/__init__.py": "", "statlib/datasets/template_data.py": CODE}
    for run in (check, check_unadopted):
        paths = [f.path for f in run(make_repo(files), "OSS502")]
        assert "statlib/datasets/template_data.py" not in paths
        assert "statlib/graphics/tukeyplot.py" in paths  # the real finding beside it stays


def test_a_template_module_the_package_uses_is_its_code(make_repo: MakeRepo, check: Check) -> None:
    # Selected by name: a templating module that the package imports still needs its test.
    files = {
        **PACKAGE,
        "src/pkg/page_template.py": CODE,
        "src/pkg/render.py": "from pkg import page_template\n",
    }
    files["tests/test_render.py"] = "from pkg import render\n\ndef test_r(): ...\n"
    assert [f.path for f in check(make_repo(files), "OSS502")] == ["src/pkg/page_template.py"]
