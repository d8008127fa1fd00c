"""``oss-checks rules``: the table of every rule, as text, JSON or Markdown."""

from __future__ import annotations

import json

import pytest

from oss_checks.cli import main
from oss_checks.rules import load_rules


def test_json_lists_every_rule_in_code_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    assert [r["code"] for r in json.loads(capsys.readouterr().out)] == list(load_rules())


def test_text_has_a_line_per_rule_marking_fixable_and_opt_in(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(load_rules())
    [changelog] = [line for line in lines if line.startswith("OSS802")]
    assert "opt-in" in changelog
    [readme] = [line for line in lines if line.startswith("OSS101")]
    assert " fix " in readme


def test_markdown_is_the_readme_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| Code | Name | Message | Kind | Stakeholders | Fix |" in out
