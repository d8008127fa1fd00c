"""Render results as text, JSON, GitHub workflow annotations or SARIF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from oss_checks import __version__
from oss_checks.baseline import display_path, document, dumps
from oss_checks.engine import Result
from oss_checks.patterns import lazy
from oss_checks.registry import Finding, Severity
from oss_checks.rules import load_rules

#: Characters a terminal or a CI log would act on: C0 and C1 controls, DEL, and the
#: bidirectional overrides that make text read differently from what it is.
_UNPRINTABLE = lazy("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape, so a file name is only a name."""
    if text.isascii() and text.isprintable():
        return text  # holds none of them: a run that prints only such text compiles no pattern
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def _where(result: Result, finding: Finding, cwd: Path) -> str:
    """``path``, ``path:line`` or ``path:line:col`` (``path:cell N:line:col`` in a notebook)."""
    where = printable(display_path(result.root, finding, cwd))
    if finding.cell is not None:
        where += f":cell {finding.cell}"
    if finding.line:
        where += f":{finding.line}"
        if finding.col:
            where += f":{finding.col}"
    return where


def render_text(results: Sequence[Result], cwd: Path) -> str:
    lines: list[str] = []
    findings = [(r, f) for r in results for f in r.findings]
    for result, finding in findings:
        marker = " [*]" if finding.fixable else ""
        lines.append(f"{_where(result, finding, cwd)}: {finding.code}{marker} {printable(finding.message)}")
    ignored = sum(len(r.ignored) for r in results)
    if findings:
        fixable = sum(1 for _, f in findings if f.fixable)
        warnings = sum(1 for _, f in findings if f.rule.severity is Severity.WARNING)
        notes = []
        if warnings:
            notes.append(
                f"{_count(warnings, 'warning')}, which fail{'s' if warnings == 1 else ''} only with --strict"
            )
        if fixable:
            notes.append(f"{fixable} fixable with `oss-checks check --fix`, marked [*]")
        summary = f"Found {_count(len(findings), 'problem')}"
        summary += f" ({'; '.join(notes)})" if notes else ""
        summary += ". `oss-checks rule CODE` explains a rule and how to fix it."
        lines.append(summary)
    elif not any(r.errors for r in results):
        lines.append("All checks passed.")
    fixed = sum(r.fixed for r in results)
    if fixed:
        files = sum(len(r.fixed_files) for r in results)
        lines.append(f"Fixed {_count(fixed, 'problem')} in {_count(files, 'file')}.")
    if ignored:
        lines.append(f"{ignored} finding{'s' if ignored != 1 else ''} ignored with a reason.")
    for result in results:
        if result.dormant and result.dormant_repository:
            lines.append(
                f"{_count(len(result.dormant), 'finding')} held back: {_repository_name(result, results)} has had no "
                f"commit since {result.dormant_repository}, so only credentials are reported; "
                "`--include-dormant` shows the rest."
            )
        elif result.dormant:
            files = len(result.dormant_files)
            lines.append(
                f"{_count(len(result.dormant), 'finding')} held back on {_count(files, 'dormant file')} "
                f"(no commit since {result.dormant_since}): `--include-dormant` shows them."
            )
    return "\n".join(lines)


def _repository_name(result: Result, results: Sequence[Result]) -> str:
    return "the repository" if len(results) == 1 else printable(str(result.root))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def render_json(results: Sequence[Result], cwd: Path) -> str:
    return dumps(document(results, cwd))


def _escape_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def located_message(finding: Finding) -> str:
    """The message of a notebook finding with its place in the notebook, said once.

    A line inside a cell is not a line of the file, so formats that point at file lines
    (GitHub annotations, SARIF regions) give the cell and its line in the message instead.
    """
    if finding.cell is None or f"cell {finding.cell}" in finding.message:
        return finding.message
    where = f"cell {finding.cell}" + (f", line {finding.line}" if finding.line else "")
    return f"{where}: {finding.message}"


def render_github(results: Sequence[Result], cwd: Path) -> str:
    lines = []
    for result in results:
        for finding in result.findings:
            rule = finding.rule
            level = "error" if rule.severity.value == "error" else "warning"
            props = [f"file={_escape_property(display_path(result.root, finding, cwd))}"]
            if finding.line and finding.cell is None:
                props.append(f"line={finding.line}")
                if finding.col:
                    props.append(f"col={finding.col}")
            props.append(f"title={_escape_property(f'{finding.code} {rule.name}')}")
            lines.append(f"::{level} {','.join(props)}::{_escape_data(located_message(finding))}")
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
            message = located_message(finding)
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
