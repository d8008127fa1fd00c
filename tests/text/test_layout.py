"""Where real repositories keep tests, fixtures, vendored code, docs and notebooks."""

from __future__ import annotations

import pytest

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.text.layout import (
    holds_code,
    in_docs_or_examples,
    in_notebook_folder,
    in_tests,
    is_retired,
    is_vendored,
    not_the_projects_own,
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tests/test_x.py", True),
        ("pkg/sub/tests/test_x.py", True),
        ("pkg/sub/tests/data/ref.csv", True),
        ("test/unit/helpers.py", True),
        ("testing/fixtures/a.json", True),
        ("src/fixtures/a.json", True),
        ("pkg/conftest.py", True),
        ("pkg/testing_tools.py", False),
        ("src/pkg/contest.py", False),
    ],
)
def test_tests_and_their_inputs_at_any_depth(path: str, expected: bool) -> None:
    assert in_tests(path) is expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("doc/tutorial.ipynb", True),
        ("docs/source/x.md", True),
        ("examples/notebooks/a.ipynb", True),
        ("demos/a.ipynb", True),
        ("demo_app/a.ipynb", True),
        ("src/pkg/a.py", False),
    ],
)
def test_docs_examples_and_demos(path: str, expected: bool) -> None:
    assert in_docs_or_examples(path) is expected


def test_notebook_folders_by_name() -> None:
    assert in_notebook_folder("notebooks_v1/a.ipynb")
    assert in_notebook_folder("pkg/notebooks/a.ipynb")
    assert not in_notebook_folder("a.ipynb")


def test_vendored_by_folder_name_or_by_a_license_of_its_own(make_repo: MakeRepo) -> None:
    repo = Repo(
        make_repo(
            {
                "LICENSE": "MIT",
                "cirtorch/LICENSE": "BSD",
                "cirtorch/layers/pooling.py": "",
                "src/pkg/_vendor/six.py": "",
                "src/pkg/model.py": "",
                "docs/LICENSE-DOCS": "CC",
                "docs/page.md": "",
                "v1/LICENSE": "MIT\n",  # a copy of the top license: the project's old version
                "v1/notebooks/finetuning.ipynb": "",
            }
        )
    )
    assert not is_vendored(repo, "v1/notebooks/finetuning.ipynb")
    assert is_vendored(repo, "cirtorch/layers/pooling.py")
    assert is_vendored(repo, "src/pkg/_vendor/six.py")
    assert not is_vendored(repo, "src/pkg/model.py")
    assert not is_vendored(repo, "docs/page.md")
    assert not_the_projects_own(repo, "tests/data/a.csv")


def test_a_folder_of_installed_packages_is_vendored(make_repo: MakeRepo) -> None:
    # `pip install --target src/job/pythonlibs` committed with the job that imports from it.
    repo = Repo(
        make_repo(
            {
                "src/job/pythonlibs/attrs/__init__.py": "",
                "src/job/pythonlibs/attrs-25.4.0.dist-info/METADATA": "Name: attrs\n",
                "src/job/pythonlibs/bin/normalizer": "",
                "src/job/model.py": "",
                "pkg.dist-info/METADATA": "a folder at the top is the project's own\n",
                "pkg/__init__.py": "",
            }
        )
    )
    assert is_vendored(repo, "src/job/pythonlibs/attrs/__init__.py")
    assert is_vendored(repo, "src/job/pythonlibs/bin/normalizer")
    assert not is_vendored(repo, "src/job/model.py")
    assert not is_vendored(repo, "pkg/__init__.py")
    assert not not_the_projects_own(repo, "src/pkg/model.py")


def test_retired_code() -> None:
    assert is_retired("archive/examples/example_sysreg.py")
    assert is_retired("docs/attic/old.md")
    assert not is_retired("src/pkg/archiver.py")


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # Tables, arrays, figures and their sources, documentation, geodata: a data release.
        ({"README.md": "x", "LICENSE": "x", "trips.csv": "a", "grid.npy": "x", "map.geojson": "{}"}, False),
        ({"fig/flow.eps": "x", "fig/flow.graffle": "x", "areas.shp": "x", "CITATION.cff": "x"}, False),
        ({".github/workflows/ci.yml": "x", ".gitignore": "x", "data.parquet": "x"}, False),
        # One file of anything else, in any language or build system, is code.
        ({"README.md": "x", "trips.csv": "a", "clean.R": "x"}, True),
        ({"trips.csv": "a", "Makefile": "all:\n"}, True),
        ({"trips.csv": "a", "docs/conf.py": "x"}, True),
    ],
)
def test_holds_code_tells_a_data_release(make_repo: MakeRepo, files: dict[str, str], expected: bool) -> None:
    assert holds_code(Repo(make_repo(files))) is expected
