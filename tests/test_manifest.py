"""Files generated from the registry, and the hooks driven through pre-commit itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MakeRepo, git
from oss_checks.manifest import HOOKS, anchor, hooks_manifest, rule_document, rules_docs, rules_markdown
from oss_checks.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def test_hook_manifest_is_valid_for_pre_commit(tmp_path: Path) -> None:
    manifest = tmp_path / ".pre-commit-hooks.yaml"
    manifest.write_text(hooks_manifest())
    subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", str(manifest)], check=True)
    hooks = yaml.safe_load(manifest.read_text())
    assert [h["id"] for h in hooks] == ["oss-checks", "oss-checks-repo", "oss-checks-changelog"]
    per_file, whole = hooks[0], hooks[1]
    assert per_file["types"] == ["file"]
    assert whole["pass_filenames"] is False
    assert whole["always_run"] is True
    assert all(h["minimum_pre_commit_version"] == "3.2.0" for h in hooks)
    assert hooks == HOOKS


def test_hook_entries_are_console_scripts() -> None:
    scripts = {"oss-checks", "oss-checks-files", "oss-checks-repo"}
    assert {hook["entry"].split()[0] for hook in HOOKS} <= scripts


def test_rules_table_lists_every_rule_once() -> None:
    table = rules_markdown()
    for code in load_rules():
        assert table.count(f"[{code}]") == 1


def test_rule_document_has_ruff_style_sections() -> None:
    page = rule_document("OSS302")
    for heading in (
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## How to fix",
        "## Ignoring it",
    ):
        assert heading in page


@pytest.mark.slow
def test_hooks_through_pre_commit_try_repo(make_repo: MakeRepo) -> None:
    target = make_repo({"README.md": "# x\n", ".env": "TOKEN=1\n", "ok.py": "x = 1\n"}, commit=True)
    base = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "oss-checks", "--verbose"]
    failing = subprocess.run(
        [*base, "--files", ".env", "ok.py"], cwd=target, capture_output=True, text=True, check=False
    )
    assert failing.returncode == 1, failing.stdout
    assert ".env:0:0: OSS405" in failing.stdout
    git(target, "rm", "-q", "--cached", ".env")
    (target / ".env").unlink()
    passing = subprocess.run(
        [*base, "--files", "ok.py"], cwd=target, capture_output=True, text=True, check=False
    )
    assert passing.returncode == 0, passing.stdout


def test_rule_links_use_the_anchors_of_the_rule_headings() -> None:
    docs = rules_docs()
    for code in load_rules():
        heading = next(line for line in docs.splitlines() if line.startswith(f"## {code} "))
        # GitHub: lower case, spaces to dashes, punctuation other than dashes dropped.
        slug = "".join(c for c in heading[3:].lower().replace(" ", "-") if c.isalnum() or c == "-")
        assert slug == anchor(code)
        assert f"(docs/rules.md#{slug})" in rules_markdown()
