"""This repository practises what it preaches."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from packaging.requirements import Requirement

from oss_checks.engine import check, open_repo
from oss_checks.formats import parse_toml
from oss_checks.manifest import main as manifest_main

ROOT = Path(__file__).resolve().parents[1]
_PARSED, _ = parse_toml((ROOT / "pyproject.toml").read_text())
assert _PARSED is not None
PYPROJECT: dict[str, Any] = _PARSED
#: The pins for the newest Pythons, which this repository's own hooks and CI use; a tool
#: whose newest release needs a newer Python has a second pin for Python 3.10.
NEWEST = {"python_version": "3.14", "python_full_version": "3.14.0"}


def pinned(group: str) -> dict[str, str]:
    pins = {}
    for text in PYPROJECT["dependency-groups"][group]:
        if not isinstance(text, str) or "==" not in text:
            continue
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate(NEWEST):
            (specifier,) = requirement.specifier
            pins[requirement.name.lower()] = specifier.version
    return pins


def test_every_pin_for_a_python_range_has_its_counterpart() -> None:
    """A pin limited by python_version comes with one for the other Pythons, never alone."""
    for group, requirements in PYPROJECT["dependency-groups"].items():
        marked: dict[str, list[str]] = {}
        for text in requirements:
            if isinstance(text, str) and ";" in text:
                requirement = Requirement(text)
                marked.setdefault(requirement.name, []).append(str(requirement.marker))
        for name, markers in marked.items():
            assert sorted(markers) == [
                'python_version < "3.11"',
                'python_version >= "3.11"',
            ], f"{group}: {name}"


def test_generated_files_are_up_to_date() -> None:
    assert manifest_main(["--check", "--root", str(ROOT)]) == 0, "run `nox -s generate`"


def test_this_repository_has_zero_findings() -> None:
    result = check(ROOT)
    assert result.errors == []
    assert [f"{f.location} {f.code} {f.message}" for f in result.findings] == []


def test_every_ignore_in_our_config_has_a_reason() -> None:
    _repo, config = open_repo(ROOT)
    reasons = list(config.ignore.values()) + [
        r for codes in config.per_path_ignores.values() for r in codes.values()
    ]
    assert all(len(reason) > 10 for reason in reasons)


def test_pre_commit_config_is_valid_and_pins_agree_with_pyproject() -> None:
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        check=True,
    )
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    known = {**pinned("lint"), **pinned("bench"), **pinned("test")}
    for repo in config["repos"]:
        for hook in repo["hooks"]:
            for requirement in hook.get("additional_dependencies", []):
                name, _, version = requirement.partition("==")
                if name.lower() in known:
                    assert known[name.lower()] == version, f"{hook['id']}: {requirement} != pyproject"


def test_dev_bootstrap_pins_agree_with_pyproject() -> None:
    source = (ROOT / "dev.py").read_text()
    bootstrap = dict(re.findall(r'"([a-z-]+)==([0-9.]+)"', source))
    test_pins = pinned("test")
    assert bootstrap == {name: test_pins[name] for name in bootstrap}
    assert set(bootstrap) == {"nox", "uv"}


def test_dev_translates_its_two_words_for_nox() -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from dev import nox_arguments
    finally:
        sys.path.remove(str(ROOT))
    assert nox_arguments(["bake"]) == ["-s", "bake", "--"]
    assert nox_arguments(["bake", "project_type=analysis"]) == ["-s", "bake", "--", "project_type=analysis"]
    assert nox_arguments(["test"]) == []
    assert nox_arguments(["test", "-k", "cli"]) == ["-s", "tests", "--", "-k", "cli"]
    assert nox_arguments(["-s", "lint"]) == ["-s", "lint"]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    quickstart = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = [
        line.split("#")[0].strip()
        for line in quickstart.split("```bash", 1)[1].split("```", 1)[0].splitlines()
    ]
    commands = [c for c in commands if c]
    assert commands == ["python3 dev.py bake", "python3 dev.py test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert '"$newest" dev.py test\n' in ci  # the README's command, on the newest Python installed
    assert '"$newest" dev.py -s "pythons-${oldest#python}" -- -m "not slow"' in ci  # and the oldest
