"""Automation rules (OSS601-OSS606) and the YAML, CI and noxfile reading behind them."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Check, MakeRepo
from oss_checks.context import Repo
from oss_checks.formats import parse_yaml
from oss_checks.registry import Finding
from oss_checks.text.ci import nox_calls, noxfile_sessions

WORKFLOW = ".github/workflows/ci.yml"
PRECOMMIT = ".pre-commit-config.yaml"

NOXFILE = """\
import nox


@nox.session
def lint(session: nox.Session) -> None:
    session.run("ruff", "check", ".")


@nox.session(python=["3.11", "3.12"])
def tests(session: nox.Session) -> None:
    session.run("pytest")


@nox.session(name="docs")
def build_docs(session: nox.Session) -> None:
    session.run("mkdocs", "build")
"""

GITHUB_CI = """\
name: CI
on: [push, pull_request]
jobs:
  checks:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: uvx nox -s lint
      - run: uvx nox -s tests-3.12 docs
"""

GITLAB_CI = """\
lint:
  script:
    - pipx run nox -s lint
tests:
  script:
    - python -m nox --session tests
"""


def hooks_config(*hooks: str, local: str = "") -> str:
    """A valid pre-commit config with one remote repo holding ``hooks`` (ids)."""
    lines = ["repos:", "  - repo: https://github.com/example/hooks", "    rev: v1.0.0", "    hooks:"]
    lines += [f"      - id: {hook}" for hook in hooks]
    if local:
        lines += ["  - repo: local", "    hooks:", local]
    return "\n".join(lines) + "\n"


GOOD_PRECOMMIT = hooks_config("nbstripout", "gitleaks", "oss-checks", "oss-checks-repo")


def where(findings: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in findings]


# -- OSS601 ci-config ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (WORKFLOW, GITHUB_CI),
        (".github/workflows/checks.yaml", GITHUB_CI),
        (".gitlab-ci.yml", GITLAB_CI),
        ("Jenkinsfile", "pipeline { stages { stage('t') { steps { sh 'nox' } } } }\n"),
        ("azure-pipelines.yml", "steps:\n  - script: nox\n"),
        (".circleci/config.yml", "version: 2.1\njobs: {}\n"),
        ("bitbucket-pipelines.yml", "pipelines:\n  default: []\n"),
    ],
)
def test_any_ci_service_passes(make_repo: MakeRepo, check: Check, path: str, text: str) -> None:
    root = make_repo({path: text})
    assert check(root, "OSS601") == []


def test_no_ci_is_reported_where_the_forge_expects_it(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"README.md": "# x\n", ".github/workflows/nested/ci.yml": GITHUB_CI})
    findings = check(root, "OSS601")
    assert where(findings) == [("OSS601", WORKFLOW, 0)]
    assert "no CI configuration" in findings[0].message


def test_no_ci_on_gitlab_suggests_gitlab_ci(make_repo: MakeRepo, check: Check) -> None:
    record = {
        "template": "oss-template",
        "version": "0.1.0",
        "answers": {"ci": "none", "git_host": "gitlab.com"},
    }
    root = make_repo({".oss-template.json": json.dumps(record)})
    assert where(check(root, "OSS601")) == [("OSS601", ".gitlab-ci.yml", 0)]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("name: CI\non: push\njobs:\n  a: [\n", 5, "is not valid YAML"),
        ("", 0, "is empty"),
        ("- just\n- a list\n", 1, "not a YAML mapping"),
        ("# comment\nname: CI\non: push\n", 2, "has no `jobs`"),
    ],
)
def test_broken_workflow_is_reported_with_its_line(
    make_repo: MakeRepo, check: Check, text: str, line: int, message: str
) -> None:
    root = make_repo({WORKFLOW: text})
    findings = check(root, "OSS601")
    assert where(findings) == [("OSS601", WORKFLOW, line)]
    assert message in findings[0].message


def test_binary_ci_file_is_reported_not_crashed(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".gitlab-ci.yml": b"\x00\x01\x02binary"})
    findings = check(root, "OSS601")
    assert where(findings) == [("OSS601", ".gitlab-ci.yml", 0)]
    assert "not UTF-8" in findings[0].message


# -- OSS602 ci-runs-nox --------------------------------------------------------------------


def test_ci_running_existing_sessions_passes(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"noxfile.py": NOXFILE, WORKFLOW: GITHUB_CI, ".gitlab-ci.yml": GITLAB_CI})
    assert check(root, "OSS602") == []


def test_missing_session_is_reported_at_the_ci_line(make_repo: MakeRepo, check: Check) -> None:
    ci = GITHUB_CI.replace("uvx nox -s lint", "uvx nox -s lint typecheck")
    root = make_repo({"noxfile.py": NOXFILE, WORKFLOW: ci})
    findings = check(root, "OSS602")
    assert where(findings) == [("OSS602", WORKFLOW, 8)]
    assert "'typecheck'" in findings[0].message
    assert "docs, lint, tests" in findings[0].message


def test_missing_noxfile_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({WORKFLOW: GITHUB_CI})
    assert where(check(root, "OSS602")) == [("OSS602", "noxfile.py", 0)]


def test_ci_that_never_runs_nox_is_reported(make_repo: MakeRepo, check: Check) -> None:
    ci = """\
jobs:
  test:
    steps:
      - uses: wntrblm/nox@2025.02.09
      - run: pip install nox
      - name: nox
        run: pytest  # later: nox -s tests
"""
    root = make_repo({"noxfile.py": NOXFILE, WORKFLOW: ci})
    findings = check(root, "OSS602")
    assert where(findings) == [("OSS602", WORKFLOW, 0)]
    assert "never runs nox" in findings[0].message


def test_no_ci_is_left_to_oss601(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"README.md": "# x\n"})
    assert check(root, "OSS602") == []


@pytest.mark.parametrize(
    ("noxfile", "line", "message"),
    [
        ("import nox\n\n@nox.session\ndef lint(session)\n    pass\n", 4, "syntax error"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", 0, "not UTF-8"),
        ("caf\u00e9 = 1\n".encode("latin-1"), 0, "not UTF-8"),
    ],
)
def test_unreadable_noxfile_is_a_finding_not_a_crash(
    make_repo: MakeRepo, check: Check, noxfile: str | bytes, line: int, message: str
) -> None:
    root = make_repo({"noxfile.py": noxfile, WORKFLOW: GITHUB_CI})
    findings = check(root, "OSS602")
    assert where(findings) == [("OSS602", "noxfile.py", line)]
    assert message in findings[0].message


def test_dynamic_noxfile_is_not_second_guessed(make_repo: MakeRepo, check: Check) -> None:
    noxfile = "from shared_sessions import *\n"
    root = make_repo({"noxfile.py": noxfile, WORKFLOW: GITHUB_CI})
    assert check(root, "OSS602") == []


# -- OSS603 precommit-config ---------------------------------------------------------------


def test_valid_precommit_config_passes(make_repo: MakeRepo, check: Check) -> None:
    local = "      - id: mine\n        name: mine\n        entry: mine\n        language: system"
    root = make_repo({PRECOMMIT: hooks_config("ruff", local=local)})
    assert check(root, "OSS603") == []


def test_missing_precommit_config_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"README.md": "# x\n"})
    assert where(check(root, "OSS603")) == [("OSS603", PRECOMMIT, 0)]


def test_yml_spelling_is_named(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".pre-commit-config.yml": GOOD_PRECOMMIT})
    findings = check(root, "OSS603")
    assert where(findings) == [("OSS603", ".pre-commit-config.yml", 0)]
    assert "rename" in findings[0].message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("repos:\n  - repo: x\n    rev: [\n", 4, "not valid YAML"),
        ("repos:\n\t- repo: x\n", 2, "not valid YAML"),
        ("", 1, "is empty"),
        ("default_stages: [pre-commit]\n", 1, "no `repos` list"),
        ("repos:\n  - repo: https://github.com/x/y\n    hooks:\n      - id: a\n", 2, "has no `rev`"),
        ("repos:\n  - rev: v1\n    hooks: []\n", 2, "has no `repo`"),
        ("repos:\n  - repo: local\n    hooks: []\n", 2, "no list of `hooks`"),
        ("repos:\n  - repo: local\n    hooks:\n      - name: x\n", 4, "has no `id`"),
        ("repos:\n  - just-a-string\n", 1, "not a mapping"),
    ],
)
def test_broken_precommit_config_is_reported_with_its_line(
    make_repo: MakeRepo, check: Check, text: str, line: int, message: str
) -> None:
    root = make_repo({PRECOMMIT: text})
    findings = check(root, "OSS603")
    assert where(findings) == [("OSS603", PRECOMMIT, line)]
    assert message in findings[0].message


# -- OSS604 precommit-notebooks ------------------------------------------------------------


def test_repository_without_notebooks_needs_no_stripper(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({PRECOMMIT: hooks_config("ruff")})
    assert check(root, "OSS604") == []


@pytest.mark.parametrize(
    "config",
    [
        hooks_config("nbstripout"),
        hooks_config("nb-clean"),
        hooks_config(
            "ruff",
            local="      - id: strip-outputs\n        name: strip\n        entry: nbstripout --keep-count\n"
            "        language: system",
        ),
    ],
)
def test_notebook_stripper_passes(make_repo: MakeRepo, check: Check, config: str) -> None:
    root = make_repo({PRECOMMIT: config, "notebooks/explore.ipynb": "{}"})
    assert check(root, "OSS604") == []


def test_git_filter_counts_as_stripping(make_repo: MakeRepo, check: Check) -> None:
    files = {
        PRECOMMIT: hooks_config("ruff"),
        "notebooks/explore.ipynb": "{}",
        ".gitattributes": "*.ipynb filter=nbstripout\n",
    }
    assert check(make_repo(files), "OSS604") == []


def test_notebooks_without_stripper_are_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({PRECOMMIT: hooks_config("ruff"), "analysis.ipynb": "{}"})
    findings = check(root, "OSS604")
    assert where(findings) == [("OSS604", PRECOMMIT, 0)]
    assert "has notebooks" in findings[0].message


def test_analysis_project_needs_stripper_before_its_first_notebook(make_repo: MakeRepo, check: Check) -> None:
    files = {
        PRECOMMIT: hooks_config("ruff"),
        "pyproject.toml": '[tool.oss-checks]\nproject-type = "analysis"\n',
    }
    findings = check(make_repo(files), "OSS604")
    assert where(findings) == [("OSS604", PRECOMMIT, 0)]
    assert "analysis project" in findings[0].message


def test_notebooks_of_a_cookiecutter_template_are_not_the_projects(make_repo: MakeRepo, check: Check) -> None:
    files = {PRECOMMIT: hooks_config("ruff"), "{{cookiecutter.project_slug}}/notebooks/a.ipynb": "{}"}
    assert check(make_repo(files), "OSS604") == []


def test_missing_config_is_left_to_oss603_except_for_notebooks(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"analysis.ipynb": "{}"})
    findings = check(root, "OSS604", "OSS605", "OSS606")
    assert where(findings) == [("OSS604", PRECOMMIT, 0)]
    assert "nothing strips their outputs" in findings[0].message
    (root / ".gitattributes").write_text("*.ipynb filter=nbstripout\n")
    assert check(root, "OSS604") == []
    assert check(make_repo({"README.md": "# x\n"}), "OSS604", "OSS605", "OSS606") == []


# -- OSS605 precommit-secrets --------------------------------------------------------------


@pytest.mark.parametrize(
    "config",
    [
        hooks_config("gitleaks"),
        hooks_config("detect-secrets"),
        hooks_config("ggshield"),
        hooks_config(
            "ruff",
            local="      - id: scan\n        name: scan\n        entry: uvx trufflehog git file://.\n"
            "        language: system",
        ),
    ],
)
def test_any_secrets_scanner_passes(make_repo: MakeRepo, check: Check, config: str) -> None:
    assert check(make_repo({PRECOMMIT: config}), "OSS605") == []


def test_no_secrets_scanner_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({PRECOMMIT: hooks_config("ruff", "detect-private-key")})
    findings = check(root, "OSS605")
    assert where(findings) == [("OSS605", PRECOMMIT, 0)]
    assert "gitleaks" in findings[0].message


# -- OSS606 precommit-oss-checks -----------------------------------------------------------


@pytest.mark.parametrize("hooks", [("oss-checks", "oss-checks-repo"), ("oss-checks-repo",)])
def test_oss_checks_hooks_pass(make_repo: MakeRepo, check: Check, hooks: tuple[str, ...]) -> None:
    assert check(make_repo({PRECOMMIT: hooks_config(*hooks)}), "OSS606") == []


def test_only_the_per_file_hook_is_reported_at_its_line(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({PRECOMMIT: hooks_config("ruff", "oss-checks")})
    findings = check(root, "OSS606")
    assert where(findings) == [("OSS606", PRECOMMIT, 6)]
    assert "oss-checks-repo" in findings[0].message


def test_no_oss_checks_hooks_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({PRECOMMIT: hooks_config("ruff")})
    assert where(check(root, "OSS606")) == [("OSS606", PRECOMMIT, 0)]


# -- robustness and the YAML reader ------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "repos: [\n",
        b"\xff\xfe\x00r\x00e\x00p\x00o\x00s",
        "repos:\n  - !!python/object:os.system {repo: x}\n",
        "repos: &a [*a]\n",
        "[" * 5000 + "]" * 5000,
        "repos:\n  - {repo: local, hooks: [1, [2], {id: 3}]}\n",
        "---\nrepos: []\n---\nrepos: []\n",
    ],
)
def test_hostile_precommit_configs_never_crash(
    make_repo: MakeRepo, check: Check, content: str | bytes
) -> None:
    root = make_repo({PRECOMMIT: content, "x.ipynb": "{}"})
    findings = check(root, "OSS603", "OSS604", "OSS605", "OSS606")
    assert {f.code for f in findings} <= {"OSS603", "OSS604", "OSS605", "OSS606"}


def test_yaml_is_parsed_once_per_repository(make_repo: MakeRepo) -> None:
    repo = Repo(make_repo({PRECOMMIT: GOOD_PRECOMMIT}))
    assert repo.yaml(PRECOMMIT) is repo.yaml(PRECOMMIT)
    assert Repo(repo.root).yaml(PRECOMMIT) is not repo.yaml(PRECOMMIT)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_readers_never_raise_on_any_text(text: str) -> None:
    parsed = parse_yaml("x.yml", text)
    assert parsed.error is None or parsed.error.startswith("is not valid YAML")
    for call in nox_calls("x.yml", text):
        assert call.line >= 1
    with contextlib.suppress(SyntaxError, ValueError):
        noxfile_sessions(text)


# -- where the conventions were not adopted ----------------------------------------------------
NOTEBOOK_WITH_OUTPUT = json.dumps(
    {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 1,
                "metadata": {},
                "source": ["df.head()"],
                "outputs": [{"output_type": "stream", "name": "stdout", "text": ["customer 1, 42\n"]}],
            }
        ],
    }
)
NOTEBOOK_STRIPPED = NOTEBOOK_WITH_OUTPUT.replace('"execution_count": 1', '"execution_count": null').replace(
    '[{"output_type": "stream", "name": "stdout", "text": ["customer 1, 42\\n"]}]', "[]"
)
CODE_PROJECT = {"streamlining/__init__.py": "", "streamlining/train.py": "def train(): ...\n"}


def test_without_the_conventions_missing_tools_are_not_reported(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # no CI, no pre-commit, no noxfile: a tox, pixi or make project is not told to use nox
    root = make_repo(
        {
            "README.md": "# x\n",
            "tox.ini": "[tox]\nenv_list = py311\n",
            WORKFLOW: GITHUB_CI.replace("uvx nox -s lint", "tox").replace(
                "uvx nox -s tests-3.12 docs", "pytest"
            ),
        }
    )
    assert check_unadopted(root, "OSS601", "OSS602", "OSS603", "OSS604", "OSS605", "OSS606") == []
    assert check_unadopted(make_repo({"README.md": "# x\n"}), "OSS601", "OSS603") == []


def test_without_the_conventions_a_noxfile_ci_never_runs_is_left_alone(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    ci = GITHUB_CI.replace("uvx nox -s lint", "pytest").replace("uvx nox -s tests-3.12 docs", "ruff check")
    assert check_unadopted(make_repo({"noxfile.py": NOXFILE, WORKFLOW: ci}), "OSS602") == []


def test_without_the_conventions_a_session_ci_cannot_find_is_still_reported(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    ci = GITHUB_CI.replace("uvx nox -s lint", "uvx nox -s lint typecheck")
    findings = check_unadopted(make_repo({"noxfile.py": NOXFILE, WORKFLOW: ci}), "OSS602")
    assert where(findings) == [("OSS602", WORKFLOW, 8)]
    broken = make_repo({"noxfile.py": "import nox\n@nox.session\ndef lint(s)\n", WORKFLOW: GITHUB_CI})
    assert where(check_unadopted(broken, "OSS602")) == [("OSS602", "noxfile.py", 3)]


@pytest.mark.parametrize(
    ("files", "code", "path"),
    [
        ({WORKFLOW: "name: CI\non: push\njobs:\n  a: [\n"}, "OSS601", WORKFLOW),
        ({PRECOMMIT: "# repos:\n#   - repo: local\n"}, "OSS603", PRECOMMIT),  # every line commented out
        ({".pre-commit-config.yml": GOOD_PRECOMMIT}, "OSS603", ".pre-commit-config.yml"),
    ],
)
def test_without_the_conventions_broken_configurations_are_reported(
    make_repo: MakeRepo, check_unadopted: Check, files: dict[str, str], code: str, path: str
) -> None:
    assert [(f.code, f.path) for f in check_unadopted(make_repo(files), code)] == [(code, path)]


def test_without_the_conventions_notebooks_committed_with_outputs_are_reported(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    files = {
        **CODE_PROJECT,
        "requirements.txt": "pandas\n",  # the project's own, at its top: still one product
        "notebooks/1.0-abc-eda.ipynb": NOTEBOOK_WITH_OUTPUT,
        "notebooks/2.0-x.ipynb": NOTEBOOK_STRIPPED,
    }
    files["notebooks/.ipynb_checkpoints/1.0-abc-eda-checkpoint.ipynb"] = NOTEBOOK_WITH_OUTPUT  # not named
    findings = check_unadopted(make_repo(files), "OSS604")
    assert where(findings) == [("OSS604", PRECOMMIT, 0)]
    assert findings[0].message.startswith(
        "notebooks were committed with their outputs (notebooks/1.0-abc-eda.ipynb) but nothing strips "
    )
    files[PRECOMMIT] = hooks_config("ruff")
    assert "has no nbstripout or nb-clean hook" in check_unadopted(make_repo(files), "OSS604")[0].message


@pytest.mark.parametrize(
    "files",
    [
        {**CODE_PROJECT, "notebooks/eda.ipynb": NOTEBOOK_STRIPPED},  # already stripped
        {**CODE_PROJECT, "docs/examples/tutorial.ipynb": NOTEBOOK_WITH_OUTPUT},  # documentation
        {**CODE_PROJECT, "examples/VAE_tutorial.ipynb": NOTEBOOK_WITH_OUTPUT},
        {**CODE_PROJECT, "tests/fixtures/dirty.ipynb": NOTEBOOK_WITH_OUTPUT},  # a fixture
        {
            "ch03/ch03.ipynb": NOTEBOOK_WITH_OUTPUT,
            "ch03/ch03.py": "x = 1\n",
        },  # a book: outputs are the content
        {"01-intro/duration-prediction.ipynb": NOTEBOOK_WITH_OUTPUT, "README.md": "# Course\n"},
        {
            # Results notebooks that the README of their folder lists one by one.
            **CODE_PROJECT,
            "validation/check-coverage.ipynb": NOTEBOOK_WITH_OUTPUT,
            "validation/README.md": "# Validation\n\n- `check-coverage.ipynb`: compares the triggers' coverage\n",
        },
        {
            # A demo beside the top README, which presents it by name (not a link).
            **CODE_PROJECT,
            "demo.ipynb": NOTEBOOK_WITH_OUTPUT,
            "README.md": "# engine\n\nThe notebook `demo.ipynb` provides a full demo of training a net.\n",
        },
        {
            # A collection of yearly analyses: one year's helpers made importable, no library.
            "2017/conversions/__init__.py": "",
            "2017/conversions/daysim.py": "x = 1\n",
            "2017/summary/trips.ipynb": NOTEBOOK_WITH_OUTPUT,
            "2017/summary/.ipynb_checkpoints/trips-checkpoint.ipynb": NOTEBOOK_WITH_OUTPUT,
        },
        {
            # A collection of example projects, each with its own requirements: no one product.
            "pyproject.toml": '[tool.poetry]\nname = "examples"\nversion = "1.0.0"\n',
            "churn/__init__.py": "",
            "churn/requirements.txt": "zenml\n",
            "churn/run.py": "x = 1\n",
            "vision/notebooks/prelabel.ipynb": NOTEBOOK_WITH_OUTPUT,
            "vision/requirements.txt": "zenml\n",
            "vision/materializers/__init__.py": "",  # a package inside one of the projects
        },
    ],
)
def test_without_the_conventions_notebooks_whose_outputs_are_content_are_left_alone(
    make_repo: MakeRepo, check_unadopted: Check, files: dict[str, str]
) -> None:
    assert check_unadopted(make_repo(files), "OSS604") == []


@pytest.mark.parametrize(
    "readme",
    [
        ("README.md", "# Lessons\n\nStart with the [walk-through](notebooks/1.0-abc-eda.ipynb).\n"),
        (
            "README.md",
            "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/acme/lessons/HEAD)\n",
        ),
        (
            "README.md",
            "Open it in <https://colab.research.google.com/github/acme/lessons/blob/main/a.ipynb>.\n",
        ),
        (
            "README.rst",
            "Lessons\n=======\n\nRead them on `nbviewer <https://nbviewer.org/github/acme/lessons>`_.\n",
        ),
    ],
)
def test_without_the_conventions_notebooks_the_readme_sends_readers_to_are_content(
    make_repo: MakeRepo, check_unadopted: Check, check: Check, readme: tuple[str, str]
) -> None:
    files = {**CODE_PROJECT, "notebooks/1.0-abc-eda.ipynb": NOTEBOOK_WITH_OUTPUT, readme[0]: readme[1]}
    assert check_unadopted(make_repo(files), "OSS604") == []
    assert where(check(make_repo(files), "OSS604")) == [("OSS604", PRECOMMIT, 0)], "adopters still strip"


@pytest.mark.parametrize(
    "page",
    [
        (
            "README.rst",
            "Lib\n===\n\nWorked examples are `notebooks on GitHub <https://github.com/acme/lib/tree/master/worked>`_.\n",
        ),
        ("README.md", "# Lib\n\nSee the [worked examples](worked/).\n"),
        (
            "docs/index.rst",
            "Lib\n===\n\nMore in the `notebooks <https://github.com/acme/lib/tree/main/worked>`_.\n",
        ),
        ("docs/faq.md", "A step-by-step derivation is in [this folder](../worked).\n"),
    ],
)
def test_without_the_conventions_notebooks_whose_folder_a_page_links_are_content(
    make_repo: MakeRepo, check_unadopted: Check, page: tuple[str, str]
) -> None:
    files = {
        **CODE_PROJECT,
        # The addresses are on github.com/acme/lib: the project's own repository.
        "pyproject.toml": '[project]\nname = "lib"\n',
        "worked/01_detection.ipynb": NOTEBOOK_WITH_OUTPUT,
        "worked/02_staging.ipynb": NOTEBOOK_WITH_OUTPUT,
        page[0]: page[1],
    }
    assert check_unadopted(make_repo(files), "OSS604") == []
    # A working notebook outside the linked folder still needs stripping.
    files["analysis/tuning.ipynb"] = NOTEBOOK_WITH_OUTPUT
    findings = check_unadopted(make_repo(files), "OSS604")
    assert where(findings) == [("OSS604", PRECOMMIT, 0)]
    assert "(analysis/tuning.ipynb)" in findings[0].message


def test_a_link_into_another_project_s_code_does_not_present_these_notebooks(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    readme = (
        "# Tool\n\nThe layout follows [pandas](https://github.com/pandas-dev/pandas/tree/main/src/pkg).\n"
    )
    files = {"src/pkg/__init__.py": "", "src/pkg/analysis.ipynb": NOTEBOOK_WITH_OUTPUT, "README.md": readme}
    assert where(check_unadopted(make_repo(files), "OSS604")) == [("OSS604", PRECOMMIT, 0)]


SLIDE_DECK = json.dumps(
    {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"rise": {"theme": "serif"}},
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 1,
                "metadata": {"slideshow": {"slide_type": "slide"}},
                "source": ["df.describe()"],
                "outputs": [{"output_type": "stream", "name": "stdout", "text": ["count 3\n"]}],
            }
        ],
    }
)


def test_without_the_conventions_a_talk_is_presentation_material(
    make_repo: MakeRepo, check_unadopted: Check, check: Check
) -> None:
    files = {
        **CODE_PROJECT,
        "talks/conf2019/slides.ipynb": NOTEBOOK_WITH_OUTPUT,  # kept with its talk
        "meetups/deck.ipynb": SLIDE_DECK,  # a RISE deck anywhere
        "examples/notebooks/intro.ipynb": NOTEBOOK_WITH_OUTPUT,
    }
    assert check_unadopted(make_repo(files), "OSS604") == []
    assert where(check(make_repo(files), "OSS604")) == [("OSS604", PRECOMMIT, 0)], "adopters still strip"
    files["meetups/exploration.ipynb"] = NOTEBOOK_WITH_OUTPUT
    findings = check_unadopted(make_repo(files), "OSS604")
    assert "(meetups/exploration.ipynb)" in findings[0].message


@pytest.mark.parametrize("project_file", ["review/_quarto.yml", "_quarto.yml", "review/_toc.yml", "myst.yml"])
def test_notebooks_a_publisher_renders_are_its_pages(
    make_repo: MakeRepo, check_unadopted: Check, project_file: str
) -> None:
    # A Quarto manuscript answering the referees: its notebooks' outputs are the figures.
    files = {
        **CODE_PROJECT,
        project_file: "project:\n  type: manuscript\n",
        "review/answers.ipynb": NOTEBOOK_WITH_OUTPUT,
    }
    assert check_unadopted(make_repo(files), "OSS604") == []
    files["scratch/explore.ipynb"] = NOTEBOOK_WITH_OUTPUT
    reported = check_unadopted(make_repo(files), "OSS604")
    assert [bool(reported)] == [project_file.startswith("review/")]


@pytest.mark.parametrize(
    "stripper",
    [
        {
            PRECOMMIT: "repos:\n  - repo: https://example.org/pre-commit-jupyter\n    rev: v1.2.1\n    hooks:\n      - id: jupyter-notebook-cleanup\n"
        },
        {
            PRECOMMIT: hooks_config("ruff")
            + "  - repo: local\n    hooks:\n      - id: clear\n        name: clear\n        entry: jupyter nbconvert --clear-output --inplace\n        language: system\n"
        },
        {"notebooks/.gitattributes": "*.ipynb filter=jupyternotebook\n"},
        {".gitattributes": "[attr]nb filter=nbstripout\n*.ipynb nb\n"},
        {".gitattributes": "notebooks/*.ipynb  filter=strip-output diff=ipynb\n"},
    ],
)
def test_any_mechanism_that_strips_outputs_counts(
    make_repo: MakeRepo, check_unadopted: Check, check: Check, stripper: dict[str, str]
) -> None:
    files = {**CODE_PROJECT, "notebooks/1.0-abc-eda.ipynb": NOTEBOOK_WITH_OUTPUT, **stripper}
    assert check_unadopted(make_repo(files), "OSS604") == []
    assert check(make_repo(files), "OSS604") == []


@pytest.mark.parametrize(
    "attributes",
    [
        {".gitattributes": "*.csv filter=lfs\n# *.ipynb filter=nbstripout\n"},
        {"analysis/.gitattributes": "*.ipynb filter=nbstripout\n"},  # reaches no notebook of notebooks/
        {".gitattributes": "notebooks/ filter=nbstripout\n"},  # a folder gives its files nothing
    ],
)
def test_a_filter_on_other_files_or_a_commented_one_is_no_stripper(
    make_repo: MakeRepo, check: Check, attributes: dict[str, str]
) -> None:
    files = {**CODE_PROJECT, "notebooks/1.0-abc-eda.ipynb": NOTEBOOK_WITH_OUTPUT, **attributes}
    assert where(check(make_repo(files), "OSS604")) == [("OSS604", PRECOMMIT, 0)]


def test_a_readme_that_names_notebooks_in_code_or_a_tree_still_gets_the_finding(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    readme = "# Project\n\n```\nnotebooks/\n  1.0-abc-eda.ipynb  <- exploration\n```\n\nRun `jupyter lab 1.0-abc-eda.ipynb`.\n"
    files = {**CODE_PROJECT, "notebooks/1.0-abc-eda.ipynb": NOTEBOOK_WITH_OUTPUT, "README.md": readme}
    assert where(check_unadopted(make_repo(files), "OSS604")) == [("OSS604", PRECOMMIT, 0)]


def test_the_conventions_still_want_a_stripper_for_any_notebook(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"ch03/ch03.ipynb": NOTEBOOK_STRIPPED})
    assert where(check(root, "OSS604")) == [("OSS604", PRECOMMIT, 0)]


# -- hostile CI files (issue 12): linear in their size ---------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "      - run: nox -s " + "${{" * 60_000,
        "      - run: nox -s " + "${" * 60_000,
        "      - run: python " + "- " * 60_000 + "-m nox -s lint",
    ],
)
def test_a_ci_line_with_60000_expressions_is_read_at_once(
    make_repo: MakeRepo, check: Check, line: str
) -> None:
    ci = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n" + line + "\n"
    findings = check(make_repo({"noxfile.py": NOXFILE, WORKFLOW: ci}), "OSS601", "OSS602")
    assert {f.code for f in findings} <= {"OSS601", "OSS602"}  # the YAML may not parse; it must not hang
