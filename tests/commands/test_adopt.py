"""``oss-checks adopt`` on repositories shaped like the ones teams already have."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MakeRepo, git
from oss_checks.cli import main

pytestmark = pytest.mark.usefixtures("private_home")

MIT = (Path(__file__).resolve().parents[2] / "LICENSE").read_text(encoding="utf-8")
NOTEBOOK = json.dumps(
    {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3"}, "language_info": {"name": "python"}},
        "cells": [
            {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": "1 + 1"}
        ],
    }
)

#: A cookiecutter-data-science v1 project, as thousands of team repositories still are.
CCDS_V1 = {
    "Makefile": "data:\n\tpython src/data/make_dataset.py\n",
    "README.md": "Churn\n==============================\n\nPredicting churn.\n\nProject Organization\n------------\n",
    "LICENSE": MIT,
    "setup.py": "from setuptools import find_packages, setup\n\nsetup(name='src', packages=find_packages())\n",
    "requirements.txt": "pandas\n",
    "test_environment.py": "import sys\n\n\ndef main():\n    assert sys.version_info.major == 3\n",
    "tox.ini": "[flake8]\nmax-line-length = 79\n",
    "src/__init__.py": "",
    "src/data/__init__.py": "",
    "src/data/make_dataset.py": "def main():\n    return 1\n",
    "notebooks/1.0-jqp-initial-data-exploration.ipynb": NOTEBOOK,
    "data/raw/.gitkeep": "",
    "references/.gitkeep": "",
    "reports/figures/.gitkeep": "",
}
SETUP_PY_LIBRARY = {
    "setup.py": "from setuptools import setup\n\nsetup()\n",
    "setup.cfg": "[metadata]\nname = tidyframe\ndescription = Tidy data frames.\nauthor = Ana Lima\n"
    "author_email = ana@tidy.dev\n",
    "tidyframe/__init__.py": "def tidy(frame):\n    return frame\n",
    "tests/test_tidy.py": "from tidyframe import tidy\n\n\ndef test_tidy():\n    assert tidy(1) == 1\n",
    "README.md": "# tidyframe\n\nTidy data frames.\n\n## Installation\n\n`pip install tidyframe`\n",
    "LICENSE": MIT,
}
NOTEBOOKS_ONLY = {
    "README.md": "# Sales analysis\n\nRun the notebooks in order.\n",
    "requirements.txt": "pandas\n",
    "notebooks/1.0-ana-sales.ipynb": NOTEBOOK,
    "notebooks/2.0-ana-forecast.ipynb": NOTEBOOK,
}
PRECOMMIT = """\
# Our team's hooks: keep this comment.
repos:
  - repo: https://github.com/astral-sh/ruff-pre-commit
    rev: v0.17.6
    hooks:
      - id: ruff-check   # lint

# Settings below the list stay where they are.
default_stages: [pre-commit]
"""
WITH_PRECOMMIT_AND_CI = {
    "pyproject.toml": '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n'
    '[project]\nname = "demand"\nversion = "1.0.0"\ndescription = "Forecast demand."\nlicense = "MIT"\n'
    'requires-python = ">=3.12"\nauthors = [{ name = "Data Team", email = "data@acme.io" }]\n',
    "src/demand/__init__.py": "",
    "tests/test_demand.py": "def test_it():\n    assert True\n",
    "README.md": "# demand\n\nForecast demand.\n",
    "LICENSE": MIT,
    ".pre-commit-config.yaml": PRECOMMIT,
    ".github/workflows/ci.yml": "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n",
}


def adopted(make_repo: MakeRepo, files: dict[str, str], *answers: str) -> tuple[Path, dict[str, bytes]]:
    root = make_repo(files, commit=True)
    git(root, "remote", "add", "origin", f"git@github.com:acme/{root.name}.git")
    before = {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.parts
    }
    assert main(["adopt", str(root), *answers, "--no-input"]) == 0
    return root, before


@pytest.mark.slow
@pytest.mark.parametrize("files", [CCDS_V1, SETUP_PY_LIBRARY, NOTEBOOKS_ONLY, WITH_PRECOMMIT_AND_CI])
def test_adopting_keeps_every_file_and_starts_green(
    make_repo: MakeRepo, files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root, before = adopted(make_repo, files)
    for path, content in before.items():
        if path != ".pre-commit-config.yaml":
            assert (root / path).read_bytes() == content, f"{path} was changed"
    record = json.loads((root / ".oss-template.json").read_text(encoding="utf-8"))
    assert record["answers"]["project_slug"] == root.name
    assert record["answers"]["repository_url"] == f"https://github.com/acme/{root.name}"
    capsys.readouterr()
    assert main(["check", str(root), "--baseline", str(root / ".oss-checks-baseline.json")]) == 0
    # Afterwards the repository is treated like a baked one: diff shows only what adopting left out.
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Adopt oss-template")
    capsys.readouterr()
    main(["diff", str(root), "--stat"])
    listed = {line.split("|")[0].strip() for line in capsys.readouterr().out.splitlines()}
    added = {(root / p).relative_to(root).as_posix() for p in listed} - set(before)
    assert not {path for path in added if (root / path).exists() and path not in before} - {
        ".pre-commit-config.yaml"
    }


@pytest.mark.slow
def test_an_existing_precommit_config_keeps_its_comments_and_order(make_repo: MakeRepo) -> None:
    root, _ = adopted(make_repo, WITH_PRECOMMIT_AND_CI)
    text = (root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        PRECOMMIT.split("\n# Settings", maxsplit=1)[0]
    )  # everything before stays byte for byte
    assert text.rstrip().endswith("default_stages: [pre-commit]")
    assert "# Our team's hooks: keep this comment." in text
    config = yaml.safe_load(text)
    ids = [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    assert ids == ["ruff-check", "oss-checks", "oss-checks-repo"]
    assert config["repos"][1]["hooks"][0]["args"] == ["--baseline", ".oss-checks-baseline.json"]
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(root / ".pre-commit-config.yaml")],
        check=True,
    )


@pytest.mark.slow
def test_what_the_repository_says_becomes_the_answers(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(SETUP_PY_LIBRARY, commit=True)
    git(root, "remote", "add", "origin", "https://gitlab.com/tidy/tidyframe.git")
    assert main(["adopt", str(root), "--no-input", "--dry-run"]) == 0
    out = capsys.readouterr().out
    for expected in (
        "project_name = tidyframe  (setup.cfg name)",
        "author_email = ana@tidy.dev  (setup.cfg author_email)",
        "git_host = gitlab.com  (the git remote)",
        "license = MIT  (the text of LICENSE)",
        "package_name = tidyframe  (the package folder tidyframe)",
        "project_type = library",
        "- pyproject.toml  (the package is built with setup.py or setup.cfg",
    ):
        assert expected in out
    assert not (root / ".oss-template.json").exists()  # a dry run writes nothing


def test_answers_on_the_command_line_win_and_are_validated(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(NOTEBOOKS_ONLY)
    assert main(["adopt", str(root), "package_name=class", "--no-input", "--dry-run"]) == 2
    assert "package_name: 'class' is a Python keyword" in capsys.readouterr().err


def test_a_repository_with_a_record_is_not_adopted_twice(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo({".oss-template.json": "{}"})
    assert main(["adopt", str(root), "--no-input"]) == 2
    assert "already has .oss-template.json" in capsys.readouterr().err
