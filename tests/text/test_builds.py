"""Whether a repository builds a package, and where its metadata is."""

from __future__ import annotations

import pytest

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.text.builds import builds_package, ini_sections, metadata_elsewhere, poetry_package


def test_ini_sections_with_continuations_and_comments() -> None:
    text = "# flake8 settings\n[flake8]\nmax-line-length = 100\n[tool:pytest]\ntestpaths =\n    tests\n    checks\npython_files: check_*.py\n; done\n"
    assert ini_sections(text) == {
        "flake8": {"max-line-length": "100"},
        "tool:pytest": {"testpaths": "tests\nchecks", "python_files": "check_*.py"},
    }


def test_ini_reader_is_linear_on_a_long_line_without_delimiter() -> None:
    # configparser's option pattern backtracks quadratically here.
    assert ini_sections("[metadata]\n" + " " * 80_000 + "x\n") == {"metadata": {}}


@pytest.mark.parametrize(
    ("files", "builds", "elsewhere"),
    [
        ({"pyproject.toml": "[tool.black]\nline-length = 100\n"}, None, None),
        (
            {"pyproject.toml": '[build-system]\nrequires = ["hatchling"]\n'},
            "pyproject.toml has a [build-system]",
            None,
        ),
        (
            {"setup.py": "from setuptools import setup\nsetup()\n"},
            "the repository has a setup.py",
            "setup.py",
        ),
        ({"setup.cfg": "[flake8]\nmax-line-length = 100\n"}, None, None),  # only tool settings
        ({"setup.cfg": "[metadata]\nname = churn\n"}, "setup.cfg declares a package", "setup.cfg"),
        (
            {"pyproject.toml": '[tool.poetry]\nname = "x"\nversion = "1.0"\n'},
            "pyproject.toml has a Poetry package",
            "[tool.poetry]",
        ),
        (
            {"pyproject.toml": '[tool.poetry]\nname = "x"\nversion = "1.0"\npackage-mode = false\n'},
            None,
            None,
        ),
    ],
)
def test_what_the_repository_builds(
    make_repo: MakeRepo, files: dict[str, str], builds: str | None, elsewhere: str | None
) -> None:
    repo = Repo(make_repo(files))
    assert builds_package(repo) == builds
    assert metadata_elsewhere(repo) == elsewhere


def test_poetry_package_needs_a_name_and_a_version() -> None:
    assert poetry_package({"tool": {"poetry": {"name": "x", "version": "1"}}})
    assert not poetry_package({"tool": {"poetry": {"name": "x"}}})
    assert not poetry_package({"tool": "poetry"})
    assert not poetry_package(None)
