"""Render results as text, JSON, GitHub workflow annotations or SARIF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from oss_checks import __version__
from oss_checks.baseline import display_path, document, dumps
from oss_checks.engine import Result
from oss_checks.registry import Finding
from oss_checks.rules import load_rules

FORMATS = ("text", "json", "github", "sarif")


def _where(result: Result, finding: Finding, cwd: Path) -> str:
    where = display_path(result.root, finding, cwd)
    if finding.cell is not None:
        where += f":cell {finding.cell}"
    return f"{where}:{finding.line}:{finding.col}"


def render_text(results: Sequence[Result], cwd: Path) -> str:
    lines: list[str] = []
    findings = [(r, f) for r in results for f in r.findings]
    for result, finding in findings:
        marker = " [*]" if finding.fixable else ""
        lines.append(f"{_where(result, finding, cwd)}: {finding.code}{marker} {finding.message}")
    ignored = sum(len(r.ignored) for r in results)
    if findings:
        fixable = sum(1 for _, f in findings if f.fixable)
        summary = f"Found {len(findings)} problem{'s' if len(findings) != 1 else ''}"
        if fixable:
            summary += f" ({fixable} fixable with `oss-checks check --fix`, marked [*])"
        summary += ". `oss-checks rule CODE` explains a rule and how to fix it."
        lines.append(summary)
    elif not any(r.errors for r in results):
        lines.append("All checks passed.")
    fixed = sum(r.fixed for r in results)
    if fixed:
        lines.append(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.")
    if ignored:
        lines.append(f"{ignored} finding{'s' if ignored != 1 else ''} ignored with a reason.")
    return "\n".join(lines)


def render_json(results: Sequence[Result], cwd: Path) -> str:
    return dumps(document(results, cwd))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(results: Sequence[Result], cwd: Path) -> str:
    lines = []
    for result in results:
        for finding in result.findings:
            rule = finding.rule
            level = "error" if rule.severity.value == "error" else "warning"
            props = [f"file={_escape_property(display_path(result.root, finding, cwd))}"]
            if finding.line:
                props.append(f"line={finding.line}")
            if finding.col:
                props.append(f"col={finding.col}")
            props.append(f"title={_escape_property(f'{finding.code} {rule.name}')}")
            message = finding.message
            if finding.cell is not None:
                message = f"cell {finding.cell}: {message}"
            lines.append(f"::{level} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines)


def render_sarif(results: Sequence[Result], cwd: Path) -> str:
    registry = load_rules()
    codes = sorted(
        {code for r in results for code in r.codes} | {f.code for r in results for f in r.findings}
    )
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        rule = registry[code]
        rules.append(
            {
                "id": code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary()},
                "fullDescription": {"text": rule.section("What it does") or rule.summary()},
                "help": {"text": rule.how_to_fix() or rule.summary(), "markdown": rule.doc()},
                "defaultConfiguration": {"level": rule.severity.value},
                "properties": {
                    "tags": [rule.family.slug, *(s.value for s in rule.stakeholders)],
                },
            }
        )
    sarif_results = []
    for result in results:
        for finding in result.findings:
            region: dict[str, int] = {}
            if finding.line:
                region["startLine"] = finding.line
                if finding.col:
                    region["startColumn"] = finding.col
            location: dict[str, Any] = {
                "physicalLocation": {
                    "artifactLocation": {"uri": display_path(result.root, finding, cwd)},
                    **({"region": region} if region and finding.cell is None else {}),
                }
            }
            message = finding.message
            if finding.cell is not None:
                message = f"cell {finding.cell}, line {finding.line}: {message}"
            sarif_results.append(
                {
                    "ruleId": finding.code,
                    "ruleIndex": index[finding.code],
                    "level": finding.rule.severity.value,
                    "message": {"text": message},
                    "locations": [location],
                }
            )
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "oss-checks",
                        "version": __version__,
                        "informationUri": "https://github.com/org/oss-template",
                        "rules": rules,
                    }
                },
                "results": sarif_results,
            }
        ],
    }
    return dumps(sarif)


def render(fmt: str, results: Sequence[Result], cwd: Path) -> str:
    if fmt == "json":
        return render_json(results, cwd)
    if fmt == "github":
        return render_github(results, cwd)
    if fmt == "sarif":
        return render_sarif(results, cwd)
    return render_text(results, cwd)
