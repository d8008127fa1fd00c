"""The registry: every rule is complete, documented and in its family's range."""

from __future__ import annotations

import re

import pytest

from oss_checks.registry import Family, Finding, Rule, Scope
from oss_checks.rules import load_rules

RULES = load_rules()
SECTIONS = ("What it does", "Why is this bad?", "Example", "How to fix")


@pytest.mark.parametrize("code", list(RULES))
def test_rule_is_complete(code: str) -> None:
    rule = RULES[code]
    assert rule.code == code
    assert re.fullmatch(r"[a-z][a-z0-9-]+", rule.name)
    assert rule.family is Family.of_code(code)
    assert rule.stakeholders
    summary = rule.summary()
    assert summary
    assert len(summary) <= 140  # one line a user reads in a terminal
    for title in SECTIONS:
        assert rule.section(title), f"{code} has no '## {title}' section"
    if rule.scope is Scope.FILE:
        assert rule.applies_to is not Rule.applies_to, f"{code} is a FILE rule without applies_to"
    if rule.fixable:
        assert rule.fix is not Rule.fix, f"{code} is fixable but has no fix"


def test_names_are_unique() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_a_second_rule_with_the_same_code_is_refused() -> None:
    with pytest.raises(TypeError, match="defined twice"):
        type("OSS101", (Rule,), {"__doc__": "x", "name": "x", "stakeholders": ()})


def test_finding_location_names_the_cell() -> None:
    finding = Finding("nb.ipynb", 2, 5, "OSS401", "message", cell=3)
    assert finding.location == "nb.ipynb:cell 3:2:5"
    assert finding.to_dict()["cell"] == 3
