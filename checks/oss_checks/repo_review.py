"""The repo-review plugin: our repository-level rules beside sp-repo-review's checks.

``repo-review .`` with oss-checks installed shows one check per rule, grouped in our
families. The rules run once per repository (the ``oss_findings`` fixture) and each
check reads its own code's findings from that.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from oss_checks.manifest import anchor
from oss_checks.registry import Family, Rule
from oss_checks.rules import load_rules

#: A rule that is ignored in the config, or not selected, is skipped rather than passed.
SKIPPED = "skipped"

URL = "https://github.com/org/oss-template/blob/main/docs/rules.md#{anchor}"


def oss_findings(package: Traversable) -> dict[str, Any]:
    """Run every selected rule once; map each code to its findings' lines (or SKIPPED)."""
    from oss_checks.engine import check

    result = check(Path(str(package)))
    by_code: dict[str, Any] = dict.fromkeys(load_rules(), SKIPPED)
    for code in result.codes:
        by_code[code] = []
    for item in result.ignored:
        if not [f for f in result.findings if f.code == item.finding.code]:
            by_code[item.finding.code] = SKIPPED
    for finding in result.findings:
        by_code[finding.code].append(f"`{finding.location}`: {finding.message}")
    for crash in result.crashes:
        by_code[crash.code] = [f"oss-checks {crash}"]
    return by_code


class _RuleCheck:
    """Adapts one rule to repo-review's check protocol."""

    rule: type[Rule]
    family: str
    url: str

    def check(self, oss_findings: dict[str, Any]) -> bool | str | None:
        found = oss_findings.get(self.rule.code, SKIPPED)
        if found == SKIPPED:
            return None
        if not found:
            return True
        return "\n".join(f"- {line}" for line in found) + f"\n\n{self.rule.how_to_fix()}"


def repo_review_checks() -> dict[str, Any]:
    checks: dict[str, Any] = {}
    for code, rule in load_rules().items():
        if rule.opt_in:
            continue
        adapter = type(code, (_RuleCheck,), {"__doc__": rule.summary()})()
        adapter.rule = rule
        adapter.family = f"oss-{rule.family.slug}"
        adapter.url = URL.format(anchor=anchor(code))
        checks[code] = adapter
    return checks


def repo_review_families() -> dict[str, dict[str, Any]]:
    return {
        f"oss-{family.slug}": {"name": f"oss-checks: {family.title}", "order": 100 + family.base // 100}
        for family in Family
    }
