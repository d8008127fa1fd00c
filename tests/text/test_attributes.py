"""``.gitattributes`` read as git reads them, checked against ``git check-attr`` itself."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.text.attributes import attribute_lines, filter_for

ATTRIBUTES = {
    ".gitattributes": (
        "[attr]notebook filter=nbstripout diff=ipynb\n"
        "# *.csv filter=commented\n"
        "*.ipynb notebook\n"
        "*.parquet filter=lfs -text\n"
        "reports/ filter=folder-gives-nothing\n"
        "figures/** filter=everything-below\n"
        '"my data/*.csv" filter=quoted\n'
        "/top.csv filter=anchored\n"
        "drafts/*.ipynb -filter\n"
    ),
    "analysis/.gitattributes": "*.ipynb filter=nb-clean\nkeep.ipynb !filter\n",
}
PATHS = [
    "a.ipynb",
    "deep/down/b.ipynb",
    "drafts/c.ipynb",
    "analysis/d.ipynb",
    "analysis/keep.ipynb",
    "analysis/sub/e.ipynb",
    "data/big.parquet",
    "reports/table.csv",
    "figures/2026/plot.png",
    "my data/survey.csv",
    "top.csv",
    "sub/top.csv",
    "notes.csv",
]


def git_filter(root: Path, path: str) -> str | None:
    output = subprocess.run(
        ["git", "check-attr", "-z", "filter", "--", path], cwd=root, capture_output=True, check=True
    ).stdout.split(b"\0")
    value = output[2].decode()
    return None if value in ("unspecified", "unset") else value


@pytest.mark.parametrize("path", PATHS)
def test_the_filter_is_the_one_git_gives(make_repo: MakeRepo, path: str) -> None:
    root = make_repo({**ATTRIBUTES, **dict.fromkeys(PATHS, "x\n")})
    assert filter_for(Repo(root), path) == git_filter(root, path)


def test_the_cases_cover_every_kind_of_answer(make_repo: MakeRepo) -> None:
    root = make_repo({**ATTRIBUTES, **dict.fromkeys(PATHS, "x\n")})
    repo = Repo(root)
    assert {path: filter_for(repo, path) for path in PATHS} == {
        "a.ipynb": "nbstripout",
        "deep/down/b.ipynb": "nbstripout",
        "drafts/c.ipynb": None,
        "analysis/d.ipynb": "nb-clean",
        "analysis/keep.ipynb": None,
        "analysis/sub/e.ipynb": "nb-clean",
        "data/big.parquet": "lfs",
        "reports/table.csv": None,
        "figures/2026/plot.png": "everything-below",
        "my data/survey.csv": "quoted",
        "top.csv": "anchored",
        "sub/top.csv": None,
        "notes.csv": None,
    }


def test_macros_are_expanded_and_only_the_top_file_defines_them(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            ".gitattributes": "[attr]nb filter=nbstripout\n*.ipynb nb\n",
            "sub/.gitattributes": "[attr]other filter=x\n*.py other\n",
            "sub/a.py": "",
        }
    )
    repo = Repo(root)
    assert [line.attributes for line in attribute_lines(repo)] == [("filter=nbstripout",), ("other",)]
    assert filter_for(repo, "sub/a.py") is None
    assert git_filter(root, "sub/a.py") is None
