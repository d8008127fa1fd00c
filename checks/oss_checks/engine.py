"""Run the selected rules over a repository (or some of its files) and sort out ignores."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from oss_checks.config import Config
from oss_checks.context import Repo
from oss_checks.registry import Finding, Rule, Scope

#: ``# oss-checks: ignore[OSS401] the reason`` (also ``ignore[OSS401,OSS402]``) on the line.
_INLINE = re.compile(r"oss-checks:\s*ignore\[([A-Za-z0-9,\s]+)\]\s*(?:--\s*)?(.*)")


@dataclass(frozen=True)
class Ignored:
    finding: Finding
    reason: str


@dataclass
class Result:
    root: Path
    findings: list[Finding] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)
    #: Rule crashes, reported as one line each; they make the exit code 2.
    errors: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def _inline_reason(repo: Repo, finding: Finding) -> str | None:
    """The reason of an inline suppression on the finding's line, if there is one."""
    if finding.line < 1:
        return None
    if finding.cell is not None:
        notebook = repo.notebook(finding.path)
        cells = [c for c in notebook.cells if c.index == finding.cell]
        lines = cells[0].source.splitlines() if cells else []
    else:
        text = repo.read_text(finding.path)
        lines = text.splitlines() if text is not None else []
    if finding.line > len(lines):
        return None
    match = _INLINE.search(lines[finding.line - 1])
    if match is None:
        return None
    codes = {c.strip().upper() for c in match.group(1).split(",")}
    if finding.code not in codes:
        return None
    return match.group(2).strip()  # "" when no reason was written: the finding then stays


def run(
    repo: Repo,
    codes: Sequence[str],
    files: Iterable[str] | None = None,
) -> Result:
    """Run ``codes`` on ``repo``; with ``files``, only the FILE rules on those files."""
    config: Config = repo.config
    result = Result(repo.root, codes=list(codes))
    rules: list[Rule] = [config.rule(code) for code in codes]
    file_rules = [rule for rule in rules if rule.scope is Scope.FILE]
    raw: list[Finding] = []

    targets = list(repo.files) if files is None else [repo.file(path) for path in files]
    for source in targets:
        for rule in file_rules:
            if rule.applies_to(source):
                _collect(rule, partial(rule.check_file, repo, source), raw, result, source.path)
    # Repository rules run second, so they find the files the per-file rules read in the cache.
    if files is None:
        for rule in rules:
            if rule.scope is Scope.REPO:
                _collect(rule, partial(rule.check, repo), raw, result, "the repository")

    by_code = {rule.code: rule for rule in rules}
    for found in sorted(set(raw)):
        finding = (
            replace(found, fixable=by_code[found.code].can_fix(repo, found))
            if found.code in by_code
            else found
        )
        reason = config.ignore_reason(finding.code, finding.path) or _inline_reason(repo, finding)
        if reason:
            result.ignored.append(Ignored(finding, reason))
        elif reason == "":
            # Opting out is fine, silently is not: the reason is what a reviewer reads.
            note = f" (the inline ignore needs a reason: `# oss-checks: ignore[{finding.code}] -- why`)"
            result.findings.append(replace(finding, message=finding.message + note))
        else:
            result.findings.append(finding)
    return result


def _collect(
    rule: Rule, produce: Callable[[], Iterable[Finding]], into: list[Finding], result: Result, where: str
) -> None:
    try:
        into.extend(produce())
    except Exception as exc:  # noqa: BLE001 - a rule's bug must never become a traceback
        result.errors.append(
            f"internal error in {rule.code} ({rule.name}) on {where}: {type(exc).__name__}: {exc}"
        )
