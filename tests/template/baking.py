"""Baking the template for tests: answers, a pairwise matrix of options, expectations.

Every expectation about which files a bake holds is computed here from the answers,
independently of ``oss_checks.bake``.
"""

from __future__ import annotations

import ast
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from conftest import git
from oss_checks.formats import parse_toml
from oss_checks.render import hook_scripts_in, quietly, raw_defaults
from oss_checks.template import template_root

TEMPLATE_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = TEMPLATE_ROOT / "{{cookiecutter.project_slug}}"
TEMPLATE_VERSION = json.loads((TEMPLATE_ROOT / "cookiecutter.json").read_text(encoding="utf-8"))[
    "_template_version"
]

Answers = dict[str, str]
Bakery = Callable[[Mapping[str, str]], Path]

#: Every choice the template offers, as the pairwise matrix covers them.
FACTORS: dict[str, tuple[str, ...]] = {
    "project_type": ("library", "analysis"),
    "visibility": ("internal", "public"),
    "license": ("MIT", "BSD-3-Clause", "Apache-2.0", "Proprietary"),
    "python_min": ("3.11", "3.10", "3.12", "3.13"),
    "docs": ("properdocs", "sphinx", "none"),
    "ci": ("github", "gitlab", "none"),
    "git_host": ("github.com", "gitlab.com"),
}


def is_valid(answers: Mapping[str, str]) -> bool:
    """Whether the template accepts this combination of choices."""
    if answers.get("license") == "Proprietary" and answers.get("visibility") == "public":
        return False
    host = answers.get("git_host", "github.com")
    if answers.get("ci") == "github" and "gitlab" in host:
        return False
    return not (answers.get("ci") == "gitlab" and "github" in host)


def pairwise(factors: Mapping[str, tuple[str, ...]]) -> list[Answers]:
    """Valid combinations in which every valid pair of values appears at least once.

    Greedy and deterministic: each step takes the valid combination covering the most
    pairs not yet covered (the first such in product order).
    """
    names = list(factors)
    valid = [
        dict(zip(names, values, strict=True))
        for values in itertools.product(*factors.values())
        if is_valid(dict(zip(names, values, strict=True)))
    ]

    def pairs(combination: Answers) -> set[tuple[str, str, str, str]]:
        return {(a, combination[a], b, combination[b]) for a, b in itertools.combinations(names, 2)}

    uncovered = set().union(*(pairs(combination) for combination in valid))
    chosen: list[Answers] = []
    while uncovered:
        best = max(valid, key=lambda combination: len(pairs(combination) & uncovered))
        chosen.append(best)
        uncovered -= pairs(best)
    return chosen


MATRIX = pairwise(FACTORS)


def covering(combinations: list[Answers], factors: Mapping[str, tuple[str, ...]] = FACTORS) -> list[Answers]:
    """Some of ``combinations`` that together hold every value of every factor.

    For tests that pay for several bakes per combination. Greedy and deterministic, like
    :func:`pairwise`: each step takes the first combination holding the most values not yet seen.
    """
    unseen = {(name, value) for name, values in factors.items() for value in values}
    chosen: list[Answers] = []
    while unseen:
        best = max(combinations, key=lambda combination: len(set(combination.items()) & unseen))
        if not set(best.items()) & unseen:
            raise ValueError(f"no combination holds {sorted(unseen)}")
        chosen.append(best)
        unseen -= set(best.items())
    return chosen


def combo_id(answers: Mapping[str, str]) -> str:
    return "-".join(answers[name] for name in FACTORS if name in answers)


def forge_of(answers: Mapping[str, str]) -> str:
    """The forge the bake follows: the CI's, else the one the host name points at."""
    if answers["ci"] in ("github", "gitlab"):
        return answers["ci"]
    return "gitlab" if "gitlab" in answers.get("git_host", "github.com") else "github"


def template_files_under(folder: str) -> set[str]:
    """Files the template keeps in ``folder`` (names never hold Jinja there)."""
    root = TEMPLATE_DIR / folder
    return {
        path.relative_to(TEMPLATE_DIR).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def expected_files(answers: Mapping[str, str]) -> set[str]:
    """Every file a bake with these answers must hold, and nothing else."""
    package = answers["package_name"]
    files = {
        ".oss-template.json",
        ".gitignore",
        ".env.example",
        ".pre-commit-config.yaml",
        "README.md",
        "LICENSE",
        "CONTRIBUTING.md",
        "CODE_OF_CONDUCT.md",
        "SECURITY.md",
        "CHANGELOG.md",
        "CITATION.cff",
        "CODEOWNERS",
        "pyproject.toml",
        "noxfile.py",
        f"src/{package}/__init__.py",
        f"src/{package}/py.typed",
        f"src/{package}/metrics.py",
        "tests/test_metrics.py",
    }
    if answers["project_type"] == "analysis":
        files |= {
            "notebooks/README.md",
            "notebooks/1.0-ds-getting-started.ipynb",
            "data/README.md",
            "data/raw/README.md",
            "data/interim/README.md",
            "data/processed/README.md",
            "reports/README.md",
            "reports/figures/README.md",
            f"src/{package}/paths.py",
            "tests/test_paths.py",
        }
    if answers["docs"] in ("properdocs", "mkdocs"):
        files |= {"mkdocs.yml", "docs/index.md", "docs/reference.md"}
    elif answers["docs"] == "sphinx":
        files |= {"docs/conf.py", "docs/index.md", "docs/reference.md", ".readthedocs.yaml"}
    if answers["ci"] == "github":
        files |= {".github/workflows/ci.yml", ".github/dependabot.yml"}
        if answers["project_type"] == "library":
            files.add(".github/workflows/release.yml")
        if answers["docs"] != "none":
            files.add(".github/workflows/docs.yml")
    elif answers["ci"] == "gitlab":
        files.add(".gitlab-ci.yml")
    if forge_of(answers) == "github":
        files.add(".github/PULL_REQUEST_TEMPLATE.md")
        files |= template_files_under(".github/ISSUE_TEMPLATE")
    else:
        files |= template_files_under(".gitlab")
    return files


def baked_files(project: Path) -> set[str]:
    return {
        path.relative_to(project).as_posix()
        for path in project.rglob("*")
        if path.is_file() and ".git" not in path.relative_to(project).parts
    }


def derived_names(answers: Mapping[str, str]) -> Answers:
    """Fill in the names cookiecutter derives from the project name (as cookiecutter.json says)."""
    full = dict(answers)
    full.setdefault("project_slug", slugify(full.get("project_name", "Demand Forecasting")))
    full.setdefault("package_name", full["project_slug"].replace("-", "_"))
    return full


#: The template's defaults for what decides which files a bake holds (cookiecutter.json).
CHOICE_DEFAULTS = {
    name: str(raw_defaults(template_root())[name])
    for name in ("project_type", "visibility", "python_min", "docs", "ci", "git_host")
}


def complete(answers: Mapping[str, str]) -> Answers:
    """The answers with the defaults of everything they leave out that files depend on."""
    return derived_names({**CHOICE_DEFAULTS, **answers})


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for tools run on a bake: no user config, no interactive git."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "NOX_", "PRE_COMMIT", "VIRTUAL_ENV", "PYTHON", "UV_PROJECT"))
    }
    env.update(
        {
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
            "COOKIECUTTER_CONFIG": str(home / "cookiecutter.yaml"),
            "OSS_TEMPLATE_QUIET": "1",
            # Tools the test venv ships (nox, pre-commit, uv) come first.
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        }
    )
    env.update(extra)
    return env


def write_cookiecutter_config(home: Path) -> Path:
    """A cookiecutter config keeping replays and clones out of the user's home."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "cookiecutter.yaml"
    config.write_text(
        f"cookiecutters_dir: {json.dumps(str(home / 'cookiecutters'))}\n"
        f"replay_dir: {json.dumps(str(home / 'replay'))}\n",
        encoding="utf-8",
    )
    return config


def expected_checks_repository(template: Path = TEMPLATE_ROOT) -> str:
    """Where a bake of ``template`` (a local folder) installs oss-checks from.

    The address of its git origin when that names a repository, else the documented
    default; ``tests/test_bake_logic.py`` tests the mapping itself.
    """
    from oss_checks.bake import DEFAULT_CHECKS_REPOSITORY, git_origin, repository_url

    remote = git_origin(template)
    return (repository_url(remote) if remote else None) or DEFAULT_CHECKS_REPOSITORY


def bake(answers: Mapping[str, str], output_dir: Path, template: Path = TEMPLATE_ROOT) -> Path:
    """Bake in this process (the hooks still run as scripts) and return the project folder."""
    from cookiecutter.main import cookiecutter

    config = write_cookiecutter_config(output_dir.parent / f"{output_dir.name}-home")
    output_dir.mkdir(parents=True, exist_ok=True)
    with quietly(), hook_scripts_in(config.parent):
        project = cookiecutter(
            str(template),
            no_input=True,
            extra_context=dict(answers),
            output_dir=str(output_dir),
            config_file=str(config),
        )
    return Path(project)


def run(
    command: list[str], cwd: Path, env: Mapping[str, str], timeout: float = 900
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env=dict(env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def git_commit_all(project: Path) -> None:
    """Make ``project`` a git repository holding all its files in one commit."""
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Bake from oss-template")


def load_structured(path: Path) -> Any:
    """Parse a TOML, YAML, JSON or Python file; None for other kinds of file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        data, error = parse_toml(text)
        assert error is None, f"{path}: {error}"
        return data
    if path.suffix in (".yml", ".yaml", ".cff"):
        return yaml.safe_load(text)
    if path.suffix in (".json", ".ipynb"):
        return json.loads(text)
    if path.suffix == ".py":
        return ast.parse(text, filename=str(path))
    return None
