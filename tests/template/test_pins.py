"""The versions the template pins agree with each other and with this repository's tools.

A baked project runs ruff both as a pre-commit hook and in ``nox -s lint``; the two must
be the same release, or a commit that passes one fails the other. The offline twin of
the pre-commit config (test_end_to_end.py) must describe the hooks as their releases do.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys

import pytest

from template.baking import TEMPLATE_DIR
from template.precommit_twin import HOOK_DEFINITIONS, HOOK_PACKAGES

_PIN = re.compile(r"- repo: (?P<repo>\S+)\n\s+rev: (?P<rev>\S+)")


def template_revs() -> dict[str, str]:
    text = (TEMPLATE_DIR / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    return {match["repo"]: match["rev"] for match in _PIN.finditer(text)}


def test_every_hook_repository_has_a_pypi_twin_and_a_pinned_release() -> None:
    revs = template_revs()
    # This repository's own hooks come from wherever the bake was made (a Jinja expression here).
    third_party = {repo: rev for repo, rev in revs.items() if "cookiecutter" not in repo}
    assert set(third_party) == set(HOOK_PACKAGES)
    for repo, rev in third_party.items():
        assert re.fullmatch(r"v?\d+(\.\d+)+", rev), f"{repo} is pinned to {rev!r}, not a release tag"


@pytest.mark.parametrize(
    ("repo", "distribution"),
    [
        ("https://github.com/astral-sh/ruff-pre-commit", "ruff"),
        ("https://github.com/abravalheri/validate-pyproject", "validate-pyproject"),
        ("https://github.com/python-jsonschema/check-jsonschema", "check-jsonschema"),
        ("https://github.com/zizmorcore/zizmor-pre-commit", "zizmor"),
    ],
)
def test_hook_releases_match_the_development_tools(repo: str, distribution: str) -> None:
    from test_self import pinned

    rev = template_revs()[repo].removeprefix("v")
    assert rev == {**pinned("lint"), **pinned("test")}[distribution]
    if sys.version_info >= (3, 11):  # Python 3.10 gets older releases of some (see pyproject.toml)
        assert rev == importlib.metadata.version(distribution)


def test_lint_session_runs_the_same_ruff_as_the_hook() -> None:
    pyproject = (TEMPLATE_DIR / "pyproject.toml").read_text(encoding="utf-8")
    ruff = template_revs()["https://github.com/astral-sh/ruff-pre-commit"].removeprefix("v")
    assert f'"ruff=={ruff}"' in pyproject


def test_twin_definitions_of_schema_hooks_match_the_pinned_check_jsonschema() -> None:
    # check-jsonschema ships without type information.
    from check_jsonschema.catalog import SCHEMA_CATALOG  # type: ignore[import-untyped]

    for hook_id, definition in HOOK_DEFINITIONS.items():
        if not hook_id.startswith("check-") or "check-jsonschema" not in definition["entry"]:
            continue
        name = hook_id.removeprefix("check-")
        config = SCHEMA_CATALOG[name]["hook_config"]
        entry = " ".join(
            ["check-jsonschema", "--builtin-schema", f"vendor.{name}", *config.get("add_args", [])]
        )
        assert definition["entry"] == entry, hook_id
        files = config["files"]
        assert definition["files"] == (files if isinstance(files, str) else "|".join(files)), hook_id
        assert definition.get("types") == ([config["types"]] if "types" in config else None), hook_id


def test_every_tool_of_the_release_path_is_pinned() -> None:
    """The jobs that build what gets published, or hold the publishing token, run exact versions."""
    dev_pins = dict(
        re.findall(r'"([a-z-]+)==([0-9.]+)"', (TEMPLATE_DIR.parent / "dev.py").read_text(encoding="utf-8"))
    )
    workflows = [
        TEMPLATE_DIR / ".github" / "workflows" / name for name in ("ci.yml", "docs.yml", "release.yml")
    ]
    for workflow in workflows:
        text = workflow.read_text(encoding="utf-8")
        setups = text.count("uses: astral-sh/setup-uv@")
        assert text.count(f'version: "{dev_pins["uv"]}"') == setups, f"{workflow.name}: uv is not pinned"
        assert "uvx nox -s" not in text
        assert text.count(f"uvx nox@{dev_pins['nox']} -s") >= 1
    gitlab = (TEMPLATE_DIR / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert f"pip install --quiet uv=={dev_pins['uv']}" in gitlab
    assert "uvx nox -s" not in gitlab
    build_job = gitlab.split("\nbuild:\n", 1)[1].split("\n\n", 1)[0]
    assert "cache: []" in build_job  # a cache from another pipeline never reaches published files
    noxfile = (TEMPLATE_DIR / "noxfile.py").read_text(encoding="utf-8")
    tools = re.search(r"BUILD_TOOLS = \((.*)\)", noxfile)
    assert tools is not None
    assert all("==" in pin for pin in re.findall(r'"([^"]+)"', tools.group(1)))
