"""The kind of project a repository is, from what it declares or else from its layout."""

from __future__ import annotations

import json

import pytest

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.text.project import project_kind


@pytest.mark.parametrize(
    ("files", "kind", "evidence"),
    [
        ({"dvc.yaml": "stages: {}\n"}, "analysis", "a DVC pipeline"),
        (
            {"data/README.md": "", "models/.gitkeep": "", "notebooks/a.ipynb": "", "src/x.py": ""},
            "analysis",
            "the folders data/, models/, notebooks/",
        ),
        ({"test_environment.py": "", "notebooks/a.ipynb": ""}, "analysis", "test_environment.py"),
        ({"input/.gitkeep": "", "lgbm.ipynb": ""}, "analysis", "input/ folder"),
        # A notebooks/ folder does not make a package an analysis project.
        (
            {
                "notebooks/demo.ipynb": "",
                "src/pkg/__init__.py": "",
                "pyproject.toml": "[project]\nname = 'x'\n",
            },
            "library",
            "",
        ),
        ({"notebooks/02.01-Data-Types.ipynb": "", "notebooks_v1/a.ipynb": ""}, "library", ""),  # a book
        ({"input/a.csv": "", "setup.py": ""}, "library", ""),  # a package that reads input/
    ],
)
def test_the_layout(make_repo: MakeRepo, files: dict[str, str], kind: str, evidence: str) -> None:
    found = project_kind(Repo(make_repo(files)))
    assert found.type == kind
    assert evidence in found.evidence


def test_a_data_folder_known_only_to_git_counts(make_repo: MakeRepo) -> None:
    root = make_repo({"data/raw/README.md": "", "models/m.txt": "", "reports/r.md": ""})
    assert project_kind(Repo(root)).type == "analysis"


def test_what_is_declared_or_recorded_wins(make_repo: MakeRepo) -> None:
    layout = {"dvc.yaml": ""}
    assert project_kind(Repo(make_repo(layout), project_type="library")) == (
        "library",
        "declared in [tool.oss-checks]",
    )
    record = json.dumps({"template": "oss-template", "answers": {"project_type": "library"}})
    assert project_kind(Repo(make_repo({**layout, ".oss-template.json": record}))).type == "library"
    assert project_kind(Repo(make_repo(layout))).type == "analysis"
