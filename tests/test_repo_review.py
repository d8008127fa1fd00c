"""The repo-review plugin shows our rules beside sp-repo-review's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MakeRepo
from oss_checks.repo_review import SKIPPED, oss_findings, repo_review_checks, repo_review_families
from oss_checks.rules import load_rules


def test_every_default_rule_is_a_check_in_a_known_family() -> None:
    checks = repo_review_checks()
    families = repo_review_families()
    registry = load_rules()
    assert set(checks) == {code for code, rule in registry.items() if not rule.opt_in}
    for code, check in checks.items():
        assert check.family in families
        assert type(check).__doc__ == registry[code].summary()


def test_fixture_groups_findings_and_skips_ignored_rules(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            ".env": "A=1\n",
            "pyproject.toml": '[tool.oss-checks]\nignore = { OSS101 = "the README lives on the wiki" }\n',
        }
    )
    findings = oss_findings(root)
    assert findings["OSS101"] == SKIPPED
    assert findings["OSS405"]
    assert ".env" in findings["OSS405"][0]
    check = repo_review_checks()["OSS405"]
    result = check.check(findings)
    assert isinstance(result, str)
    assert ".env" in result
    assert repo_review_checks()["OSS101"].check(findings) is None


@pytest.mark.slow
def test_repo_review_command_lists_our_families(make_repo: MakeRepo) -> None:
    root = make_repo({"README.md": "# x\n", "pyproject.toml": '[project]\nname = "x"\n'})
    done = subprocess.run(
        [str(Path(sys.executable).parent / "repo-review"), str(root), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    data = json.loads(done.stdout)
    assert "oss-community" in data["families"]
    assert data["checks"]["OSS102"]["result"] is False  # no LICENSE
