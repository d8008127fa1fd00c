"""A baked project works on day one: nox, pre-commit and repo-review all pass.

GitHub cannot be reached here, so pre-commit runs the offline twin of the baked config
(see precommit_twin.py).
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from template.baking import TEMPLATE_ROOT, Bakery, git_commit_all, isolated_env, run
from template.precommit_twin import offline_twin

pytestmark = pytest.mark.slow

E2E: dict[str, dict[str, str]] = {
    "default": {},
    "analysis-sphinx-gitlab": {
        "project_type": "analysis",
        "docs": "sphinx",
        "ci": "gitlab",
        "git_host": "gitlab.com",
        "python_min": "3.10",
    },
    "library-public-apache-mkdocs-github": {
        "project_type": "library",
        "visibility": "public",
        "license": "Apache-2.0",
        "docs": "mkdocs",
        "ci": "github",
    },
    "minimal": {"docs": "none", "ci": "none"},
}


Committed = Callable[[str], Path]


@pytest.fixture(scope="session")
def committed(bakery: Bakery, tmp_path_factory: pytest.TempPathFactory) -> Committed:
    """A bake turned into a git repository with one commit, once per answers and process."""
    cache: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in cache:
            root = tmp_path_factory.mktemp(f"e2e-{name}")
            project = root / "project"
            shutil.copytree(bakery(E2E[name]), project, symlinks=True)
            git_commit_all(project)
            cache[name] = project
        return cache[name]

    return get


@pytest.mark.parametrize("name", list(E2E))
def test_nox_runs_every_session_green(committed: Committed, name: str) -> None:
    project = committed(name)
    home = project.parent
    summary = home / "step-summary.md"
    env = isolated_env(home, OSS_CHECKS_REQUIREMENT=str(TEMPLATE_ROOT), GITHUB_STEP_SUMMARY=str(summary))
    done = run([sys.executable, "-m", "nox"], project, env)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-6000:]
    sessions = {"lint", "typecheck", "tests", "build", "conventions"}
    if E2E[name].get("docs", "mkdocs") != "none":
        sessions.add("docs")
    for session in sessions:
        assert f"* {session}: success" in done.stderr + done.stdout, session
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("## Coverage\n")
    assert re.search(r"^\| \*\*TOTAL\*\* +\|", table, re.MULTILINE), table


def test_noxfile_runs_as_a_script(committed: Committed) -> None:
    # The shebang runs it with `uv run --script`, which installs nox from the script block.
    project = committed("default")
    done = run([str(project / "noxfile.py"), "--list"], project, isolated_env(project.parent))
    assert done.returncode == 0, done.stdout + done.stderr
    for session in ("lint", "typecheck", "tests", "docs", "build", "conventions"):
        assert f"* {session} -> " in done.stdout, session


@pytest.mark.parametrize("name", list(E2E))
def test_precommit_config_is_valid(committed: Committed, name: str) -> None:
    project = committed(name)
    env = isolated_env(project.parent)
    done = run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"], project, env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout + done.stderr == ""


@pytest.mark.parametrize("name", list(E2E))
def test_offline_twin_of_precommit_passes_on_every_file(
    committed: Committed, name: str, tmp_path: Path
) -> None:
    project = committed(name)
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    twin = tmp_path / "twin.yaml"
    twin.write_text(yaml.safe_dump(offline_twin(config, tmp_path), sort_keys=False), encoding="utf-8")
    env = isolated_env(project.parent)
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--config", str(twin)]
    done = run(command, project, env)
    assert done.returncode == 0, done.stdout[-8000:] + done.stderr[-4000:]
    unchanged = run(["git", "status", "--porcelain"], project, env)
    assert unchanged.stdout == ""


def test_repo_review_passes_every_check_on_the_default_bake(committed: Committed) -> None:
    project = committed("default")
    versions = {
        name: importlib.metadata.version(name)
        for name in ("repo-review", "sp-repo-review", "validate-pyproject")
    }
    command = [
        sys.executable,
        "-m",
        "uv",
        "tool",
        "run",
        "--from",
        f"repo-review[cli]=={versions['repo-review']}",
        "--with",
        f"sp-repo-review=={versions['sp-repo-review']}",
        "--with",
        f"validate-pyproject[all]=={versions['validate-pyproject']}",
        "repo-review",
        "--format",
        "json",
        str(project),
    ]
    done = run(command, project.parent, isolated_env(project.parent))
    report = json.loads(done.stdout)
    failed = {code: check["err_msg"] for code, check in report["checks"].items() if check["result"] is False}
    assert failed == {}
    skipped = {
        code: check["skip_reason"] for code, check in report["checks"].items() if check["result"] is None
    }
    assert all(skipped.values()), skipped
    assert sum(check["result"] is True for check in report["checks"].values()) > 40
