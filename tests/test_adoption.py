"""Inferring answers from an existing repository, and adding hooks to a pre-commit config in place."""

from __future__ import annotations

import pytest
import yaml

from conftest import MakeRepo, git
from oss_checks.adoption import infer, with_baseline_arguments, with_oss_checks_hooks
from oss_checks.context import Repo

BLOCK = [
    "  - repo: https://github.com/acme/oss-template",
    "    rev: v0.2.0",
    "    hooks:",
    "      - id: oss-checks-repo",
]


def test_pyproject_and_remote_give_the_answers(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            "pyproject.toml": '[project]\nname = "Churn Radar"\ndescription = "Find churn."\nlicense = "Apache-2.0"\n'
            'requires-python = ">=3.12"\nmaintainers = [{ name = "Data", email = "data@acme.io" }]\n',
            "src/churn_radar/__init__.py": "",
            "mkdocs.yml": "site_name: x\n",
            ".gitlab-ci.yml": "test:\n  script: [nox]\n",
        }
    )
    git(root, "remote", "add", "origin", "https://gitlab.acme.io/ds/sub/churn-radar.git")
    answers, sources = infer(Repo(root))
    assert answers["project_name"] == "Churn Radar"
    assert (answers["organisation"], answers["git_host"], answers["project_slug"]) == (
        "ds/sub",
        "gitlab.acme.io",
        "churn-radar",
    )
    assert (answers["license"], answers["visibility"]) == ("Apache-2.0", "public")
    assert (answers["python_min"], answers["docs"], answers["ci"]) == ("3.12", "mkdocs", "gitlab")
    assert answers["package_name"] == "churn_radar"
    assert answers["author_email"] == "data@acme.io"
    assert sources["organisation"] == "the git remote"


def test_what_the_repository_does_not_say_is_left_to_ask(make_repo: MakeRepo) -> None:
    answers, _ = infer(Repo(make_repo({"notebooks/a.ipynb": "{}"})))
    assert "author_email" not in answers
    assert "license" not in answers
    assert answers["project_type"] == "analysis"


@pytest.mark.parametrize(
    "config",
    [
        "repos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    entry: x\n    language: system\n",
        "repos:\n    - repo: local\n      hooks:\n        - id: x\n          name: x\n          entry: x\n          language: system\n",
        "repos:\r\n  - repo: local\r\n    hooks:\r\n      - id: x\r\n        name: x\r\n        entry: x\r\n        language: system\r\n",
        "# top\nrepos:  # the list\n  - repo: local\n    hooks:\n      - id: x\n        name: x\n        entry: x\n        language: system\n\n\nci:\n  skip: [x]\n",
    ],
)
def test_hooks_are_added_to_the_list_whatever_its_indentation(config: str) -> None:
    merged = with_oss_checks_hooks(config, BLOCK)
    data = yaml.safe_load(merged)
    assert [repo["repo"] for repo in data["repos"]] == ["local", "https://github.com/acme/oss-template"]
    assert merged.startswith(config.split("\n\n\nci:", maxsplit=1)[0].rstrip("\r\n"))
    if "ci:" in config:
        assert data["ci"] == {"skip": ["x"]}


def test_a_config_without_a_repos_list_is_refused() -> None:
    with pytest.raises(ValueError, match="no `repos:` list"):
        with_oss_checks_hooks("minimum_pre_commit_version: 3.2.0\n", BLOCK)


def test_baseline_arguments_go_under_both_hooks() -> None:
    text = "    hooks:\n      - id: oss-checks\n      - id: oss-checks-repo\n"
    assert yaml.safe_load(with_baseline_arguments(text))["hooks"][1]["args"] == [
        "--baseline",
        ".oss-checks-baseline.json",
    ]
