"""Readiness: what each repository's findings mean for the people who decide about it.

The checks produce findings; a team lead needs a few plain answers instead: how ready
is each repository (a level and a score), may it be open-sourced (a verdict with its
reasons), and what does each stakeholder need to look at. Everything here works on
plain data (``RepoResult``), whether the checks just ran or were read from the JSON a
repository's CI saved, so the HTML, Markdown and JSON renderings all say the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oss_checks.formats import parse_json
from oss_checks.patterns import lazy
from oss_checks.registry import Rule, Stakeholder
from oss_checks.rules import load_rules

#: Identifies a report document, so ``--previous`` can tell it from other JSON.
REPORT_TOOL = "oss-checks report"
REPORT_SCHEMA = 1

#: A failing rule weighs this much in the readiness score, by severity.
SEVERITY_WEIGHT = {"error": 3, "warning": 1}
#: Legal findings are the costliest to fix late (revoking secrets, relicensing), so
#: rules that serve legal count this many times over in the score.
LEGAL_FACTOR = 2
#: A repository with at most this many failing error rules (and no blocker) is "almost" ready.
ALMOST_MAX_RULES = 3
#: Points of the 0-100 score a failing rule costs per unit of its weight: an error costs
#: 9, a legal error 18, a warning 3, so the score reads as "how much is left to do"
#: whatever the number of rules a repository runs.
POINTS = 3
SCORE_EXPLANATION = (
    "The score starts at 100 for a repository with nothing left to fix. Each rule it fails costs "
    f"{POINTS * SEVERITY_WEIGHT['error']} points for an error and {POINTS * SEVERITY_WEIGHT['warning']} "
    f"for a warning, {LEGAL_FACTOR} times as much for rules that serve legal, down to 0. Findings a "
    "team ignores with a written reason cost nothing; they are listed with the reason."
)
#: How many earlier reports the trend keeps.
HISTORY_LIMIT = 12

#: Findings that make a repository unfit to publish, and why.
#:
#: These are named by code rather than derived from the ``legal`` stakeholder tag on
#: purpose: the tag also marks process rules (no secrets scanner hook, no security
#: policy, authors missing) that legal wants fixed but that do not by themselves make
#: publishing unlawful or unsafe. The codes below do: publishing would leak a secret or
#: data, or hand out code under no or contradictory terms. A test keeps every code here
#: in the registry and tagged ``legal``.
OPEN_SOURCE_BLOCKERS: dict[str, str] = {
    "OSS102": "nobody may reuse code without a license, and publishing it grants unclear rights",
    "OSS112": "the two would grant different terms, and nobody can tell which apply",
    "OSS307": "the credential must be revoked, and publishing would hand it to everyone",
    "OSS402": "the data would be published along with the code",
    "OSS404": "data is, or can easily be, committed and then published with the history",
    "OSS405": "its secrets would be published with the history and must be rotated",
    "OSS116": "vulnerability reports and conduct complaints would go to an address nobody reads",
}


@dataclass(frozen=True)
class Level:
    """One readiness level: how it is called, shown and what it means."""

    key: str
    label: str
    #: A symbol next to the label, so the level never depends on colour alone.
    symbol: str
    #: Background colour of the label; white text on it meets WCAG AA (4.5:1).
    colour: str
    meaning: str
    rank: int


READY = Level("ready", "Ready", "\u2713", "#116329", "No problems left; warnings at most.", 0)
ALMOST = Level(
    "almost",
    "Almost",
    "\u25d1",
    "#6b4c00",
    f"No legal blocker and at most {ALMOST_MAX_RULES} rules to fix: an afternoon's work.",
    1,
)
NEEDS_WORK = Level(
    "needs-work",
    "Needs work",
    "\u25b2",
    "#a0410d",
    f"No legal blocker, but more than {ALMOST_MAX_RULES} rules to fix.",
    2,
)
BLOCKED = Level(
    "blocked",
    "Blocked",
    "\u2715",
    "#b3171d",
    "A blocker (license, secrets, data or a contact nobody reads) must be resolved first.",
    3,
)
UNREADABLE = Level(
    "unreadable",
    "Not checked",
    "?",
    "#525a63",
    "The repository could not be read or its checks could not run.",
    4,
)
LEVELS: tuple[Level, ...] = (READY, ALMOST, NEEDS_WORK, BLOCKED, UNREADABLE)
LEVEL_BY_KEY = {level.key: level for level in LEVELS}


@dataclass(frozen=True)
class StakeholderNote:
    title: str
    cares_about: str
    question: str


STAKEHOLDER_NOTES: dict[Stakeholder, StakeholderNote] = {
    Stakeholder.EXECUTIVE: StakeholderNote(
        "Executives",
        "Reputation and value: repositories that present the company well, explain what they are "
        "for and are ready to be released or shown.",
        "How far along is the portfolio, and is it getting better?",
    ),
    Stakeholder.LEGAL: StakeholderNote(
        "Legal",
        "Protecting the company's intellectual property: every repository states its license in "
        "agreement with its metadata, and no secrets, credentials or data travel with the code.",
        "Which repositories could expose secrets or data, or have unclear license terms?",
    ),
    Stakeholder.MANAGEMENT: StakeholderNote(
        "Management",
        "Little disruption: automated checks (CI, tests, pre-commit hooks), named owners and a "
        "review flow, so that working in the open does not cost the team extra attention.",
        "Which repositories lack the automation and ownership that keep work predictable?",
    ),
    Stakeholder.DATA_SCIENCE: StakeholderNote(
        "Data science",
        "A portfolio to be proud of: documentation, citation metadata, clean notebooks and code "
        "that runs on anyone's computer, so that their work is found, reused and credited.",
        "Which repositories are hard to read, cite or rerun?",
    ),
}
#: The order the report presents stakeholders in.
STAKEHOLDER_ORDER = (
    Stakeholder.EXECUTIVE,
    Stakeholder.LEGAL,
    Stakeholder.MANAGEMENT,
    Stakeholder.DATA_SCIENCE,
)


# -- what the checks produced, as plain data ------------------------------------------------
@dataclass(frozen=True)
class Item:
    """One finding (or, with ``reason``, one finding the team ignored on purpose)."""

    code: str
    name: str
    summary: str
    message: str
    path: str
    line: int = 0
    col: int = 0
    cell: int | None = None
    severity: str = "error"
    stakeholders: tuple[str, ...] = ()
    fix: str = ""
    fixable: bool = False
    reason: str | None = None

    @property
    def location(self) -> str:
        where = self.path or "(repository)"
        if self.cell is not None:
            where += f", cell {self.cell}"
        if self.line:
            where += f", line {self.line}"
        return where

    @classmethod
    def of_rule(
        cls,
        rule: type[Rule],
        message: str,
        path: str,
        *,
        line: int = 0,
        col: int = 0,
        cell: int | None = None,
        reason: str | None = None,
        fixable: bool | None = None,
    ) -> Item:
        return cls(
            code=rule.code,
            name=rule.name,
            summary=rule.summary(),
            message=message,
            path=path,
            line=line,
            col=col,
            cell=cell,
            severity=rule.severity.value,
            stakeholders=tuple(s.value for s in rule.stakeholders),
            fix=rule.how_to_fix(),
            fixable=rule.fixable if fixable is None else fixable,
            reason=reason,
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], rules: Mapping[str, type[Rule]]) -> Item | None:
        """An item from saved JSON; the registry's metadata wins over what was saved."""
        code = data.get("code")
        if not isinstance(code, str) or not code:
            return None
        message = _text(data.get("message"))
        path = _text(data.get("repo_path")) or _text(data.get("path"))
        line, col = _whole(data.get("line")), _whole(data.get("col"))
        cell = data.get("cell") if isinstance(data.get("cell"), int) else None
        reason = _text(data.get("reason")) or None
        rule = rules.get(code)
        if rule is not None:
            fixable = data.get("fixable")
            return cls.of_rule(
                rule,
                message or rule.summary(),
                path,
                line=line,
                col=col,
                cell=cell,
                reason=reason,
                fixable=fixable if isinstance(fixable, bool) else None,
            )
        stakeholders = data.get("stakeholders")
        return cls(
            code=code,
            name=_text(data.get("name")) or code,
            summary=message,
            message=message,
            path=path,
            line=line,
            col=col,
            cell=cell,
            severity="warning" if data.get("severity") == "warning" else "error",
            stakeholders=tuple(s for s in stakeholders if isinstance(s, str))
            if isinstance(stakeholders, list)
            else (),
            # The fix of a rule this oss-checks does not know is someone else's text: not shown.
            fix="",
            fixable=data.get("fixable") is True,
            reason=reason,
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "summary": self.summary,
            "message": self.message,
            "path": self.path,
            "cell": self.cell,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "stakeholders": list(self.stakeholders),
            "fix": self.fix,
            "fixable": self.fixable,
        }
        if self.reason is not None:
            data["reason"] = self.reason
        return data


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _whole(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


@dataclass
class RepoResult:
    """What is known about one repository after its checks ran (or failed to)."""

    name: str
    location: str
    #: "checkout", or "saved results" when read from a CI's JSON.
    source: str = "checkout"
    #: Why the repository could not be read or checked; None when it was.
    problem: str | None = None
    findings: list[Item] = field(default_factory=list)
    ignored: list[Item] = field(default_factory=list)
    #: Rules that crashed on this repository, one line each.
    errors: list[str] = field(default_factory=list)
    rules_run: list[str] = field(default_factory=list)
    project_name: str | None = None
    visibility: str | None = None
    project_type: str | None = None
    template_version: str | None = None
    #: The license the repository declares (SPDX, or the template's answer), when it says.
    license: str | None = None
    #: Whether it adopted the conventions; if not, those that would report once it does.
    adopted: bool = True
    would_bring: list[str] = field(default_factory=list)


_RESULT_TEXT_FIELDS = ("project_name", "visibility", "project_type", "template_version", "license")


def result_to_dict(result: RepoResult) -> dict[str, Any]:
    """A result as plain JSON data (how a worker process hands it over)."""
    return {
        "name": result.name,
        "location": result.location,
        "source": result.source,
        "problem": result.problem,
        "findings": [item.to_dict() for item in result.findings],
        "ignored": [item.to_dict() for item in result.ignored],
        "errors": list(result.errors),
        "rules_run": list(result.rules_run),
        "adopted": result.adopted,
        "would_bring": list(result.would_bring),
        **{name: getattr(result, name) for name in _RESULT_TEXT_FIELDS},
    }


def _texts(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def result_from_dict(data: Any) -> RepoResult | None:
    """The result a worker handed over; None when it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        return None
    rules = load_rules()
    result = RepoResult(
        name=data["name"],
        location=_text(data.get("location")),
        source=_text(data.get("source")) or "checkout",
        problem=data["problem"] if isinstance(data.get("problem"), str) else None,
        errors=_texts(data.get("errors")),
        rules_run=_texts(data.get("rules_run")),
        adopted=data.get("adopted") is not False,
        would_bring=_texts(data.get("would_bring")),
    )
    for name in _RESULT_TEXT_FIELDS:
        value = data.get(name)
        setattr(result, name, value if isinstance(value, str) else None)
    for key, into in (("findings", result.findings), ("ignored", result.ignored)):
        entries = data.get(key)
        for entry in entries if isinstance(entries, list) else []:
            item = Item.from_dict(entry, rules) if isinstance(entry, dict) else None
            if item is not None:
                into.append(item)
    return result


# -- assessment ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    """May this repository be open-sourced? ``key`` is yes, review, not-yet, no or unknown."""

    key: str
    reasons: tuple[str, ...] = ()

    def label(self, visibility: str | None = None) -> str:
        public = visibility == "public"
        labels = {
            "yes": "In order" if public else "Yes",
            "review": "In order, once legal confirms" if public else "Yes, once legal confirms",
            "not-yet": "Fix the open problems" if public else "Not yet",
            "no": "No: legal blocker, act now" if public else "No: legal blocker",
            "unknown": "Unknown",
        }
        return labels[self.key]


VERDICT_KEYS = ("yes", "review", "not-yet", "no", "unknown")

#: What each verdict means, for the report's legend and the adoption guide.
VERDICT_MEANING = {
    "yes": "No open problems and no legal blocker: it can be published after the usual sign-off.",
    "review": "No open problems, but a legal blocker rule is ignored with a reason, was not run or "
    "could not run: legal should confirm the exception.",
    "not-yet": "No legal blocker, but problems a public repository should not have are still open.",
    "no": "A legal blocker must be resolved before anything else.",
    "unknown": "The checks could not run, so nothing can be said.",
}


def verdict_question(visibility: str | None) -> str:
    return "Fit to stay public?" if visibility == "public" else "Ready to open-source?"


@dataclass(frozen=True)
class RepoState:
    """A repository's level and score in some report, for the trend."""

    level: str
    score: int | None


@dataclass
class RepoEntry:
    key: str
    result: RepoResult
    level: Level
    score: int | None
    #: code -> the findings of that rule, blockers first, then errors, then warnings.
    failing: dict[str, list[Item]]
    verdict: Verdict
    previous: RepoState | None = None

    #: Set when another repository of the report has the same name: then its location tells them apart.
    same_name_elsewhere: bool = False

    @property
    def display_name(self) -> str:
        if self.same_name_elsewhere:
            return f"{self.result.name} ({self.result.location})"
        return self.result.name

    def stakeholder_counts(self) -> dict[str, int]:
        """How many failing rules concern each stakeholder."""
        counts = {s.value: 0 for s in STAKEHOLDER_ORDER}
        for items in self.failing.values():
            for stakeholder in items[0].stakeholders:
                if stakeholder in counts:
                    counts[stakeholder] += 1
        return counts

    @property
    def change(self) -> int | None:
        if self.previous is None or self.previous.score is None or self.score is None:
            return None
        return self.score - self.previous.score


@dataclass
class Snapshot:
    """An earlier report, reduced to what the trend needs."""

    generated_at: str
    title: str
    repos: dict[str, RepoState]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(LEVEL_BY_KEY, 0)
        for state in self.repos.values():
            if state.level in counts:
                counts[state.level] += 1
        return counts


@dataclass
class Report:
    title: str
    generated_at: str
    version: str
    repos: list[RepoEntry]
    #: Earlier reports, oldest first.
    history: list[Snapshot] = field(default_factory=list)
    #: Paths that were given or found but are not repositories, one line each.
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(LEVEL_BY_KEY, 0)
        for entry in self.repos:
            counts[entry.level.key] += 1
        return counts

    def verdict_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICT_KEYS, 0)
        for entry in self.repos:
            counts[entry.verdict.key] += 1
        return counts

    def average_score(self) -> int | None:
        scores = [e.score for e in self.repos if e.score is not None]
        return round(sum(scores) / len(scores)) if scores else None

    def ranked(self) -> list[RepoEntry]:
        """Repositories from the most to the least ready, then by name."""
        return sorted(self.repos, key=lambda e: (e.level.rank, -(e.score or 0), e.key))

    def snapshot(self) -> Snapshot:
        return Snapshot(
            self.generated_at, self.title, {e.key: RepoState(e.level.key, e.score) for e in self.repos}
        )

    @property
    def previous(self) -> Snapshot | None:
        return self.history[-1] if self.history else None


def rule_weight(severity: str, stakeholders: Iterable[str]) -> int:
    weight = SEVERITY_WEIGHT.get(severity, SEVERITY_WEIGHT["error"])
    return weight * (LEGAL_FACTOR if Stakeholder.LEGAL.value in stakeholders else 1)


def _failing(result: RepoResult) -> dict[str, list[Item]]:
    by_code: dict[str, list[Item]] = {}
    for item in result.findings:
        by_code.setdefault(item.code, []).append(item)

    def order(code: str) -> tuple[int, str]:
        first = by_code[code][0]
        rank = 0 if code in OPEN_SOURCE_BLOCKERS else 1 if first.severity == "error" else 2
        return rank, code

    return {code: by_code[code] for code in sorted(by_code, key=order)}


def score(failing: Mapping[str, list[Item]], ran_any: bool) -> int | None:
    """100 when nothing is left to fix; each failing rule costs ``POINTS`` per unit of weight."""
    if not ran_any and not failing:
        return None
    lost = sum(rule_weight(items[0].severity, items[0].stakeholders) for items in failing.values())
    return max(0, 100 - POINTS * lost)


def level_of(result: RepoResult, failing: Mapping[str, list[Item]]) -> Level:
    if result.problem is not None:
        return UNREADABLE
    if any(code in OPEN_SOURCE_BLOCKERS for code in failing):
        return BLOCKED
    errors = [code for code, items in failing.items() if items[0].severity == "error"]
    if not errors:
        return READY
    return ALMOST if len(errors) <= ALMOST_MAX_RULES else NEEDS_WORK


_CODE_IN_TEXT = lazy(r"\bOSS\d{3}\b")


def is_proprietary(license_expression: str | None) -> bool:
    """Whether a declared license keeps all rights (``LicenseRef-Proprietary``, "Proprietary")."""
    if not license_expression:
        return False
    lowered = license_expression.casefold()
    return "proprietary" in lowered or lowered in ("unlicensed", "all rights reserved")


RELICENSE = (
    "It is under a proprietary license ({license}): re-license it under an open-source license "
    "(for example MIT, BSD-3-Clause or Apache-2.0, in LICENSE and pyproject.toml) before publishing."
)


def verdict_of(
    result: RepoResult, failing: Mapping[str, list[Item]], rules: Mapping[str, type[Rule]]
) -> Verdict:
    verdict = _verdict_of(result, failing, rules)
    if verdict.key in ("yes", "review", "not-yet") and is_proprietary(result.license):
        reason = RELICENSE.format(license=result.license)
        rest = verdict.reasons if verdict.key == "not-yet" else ()
        return Verdict("not-yet", (reason, *rest))
    return verdict


def _verdict_of(
    result: RepoResult, failing: Mapping[str, list[Item]], rules: Mapping[str, type[Rule]]
) -> Verdict:
    if result.problem is not None:
        return Verdict("unknown", (f"The checks could not run: {result.problem}",))
    blockers = [item for code, items in failing.items() if code in OPEN_SOURCE_BLOCKERS for item in items]
    if blockers:
        reasons = []
        for code in dict.fromkeys(item.code for item in blockers):
            places = list(dict.fromkeys(item.location for item in blockers if item.code == code))
            where = "; ".join(places[:3])
            more = f" and {len(places) - 3} more" if len(places) > 3 else ""
            summary = next(item.summary for item in blockers if item.code == code).rstrip(".")
            reasons.append(f"{code} {summary} ({where}{more}): {OPEN_SOURCE_BLOCKERS[code]}.")
        others = [
            c
            for c, items in failing.items()
            if c not in OPEN_SOURCE_BLOCKERS and items[0].severity == "error"
        ]
        if others:
            reasons.append(f"After that, {_count(len(others), 'more rule')} to fix before publishing.")
        return Verdict("no", tuple(reasons))
    open_errors = [items[0] for items in failing.values() if items[0].severity == "error"]
    if open_errors:
        return Verdict(
            "not-yet",
            tuple(f"{item.code} {item.summary.rstrip('.')}." for item in open_errors),
        )
    review = [
        f"{item.code} is ignored at {item.location} with the reason \u201c{item.reason}\u201d. "
        f"Legal should confirm the exception: otherwise {OPEN_SOURCE_BLOCKERS[item.code]}."
        for item in result.ignored
        if item.code in OPEN_SOURCE_BLOCKERS
    ]
    ran = set(result.rules_run)
    crashed = {code for error in result.errors for code in _CODE_IN_TEXT.findall(error)}
    review += [
        f"{code} ({rules[code].name}) {'could not run' if code in crashed else 'was not checked'}; "
        f"if it fails, {reason}."
        for code, reason in OPEN_SOURCE_BLOCKERS.items()
        if code in rules and (code not in ran or code in crashed)
    ]
    if review:
        return Verdict("review", tuple(review))
    return Verdict("yes")


def adoption_sentence(result: RepoResult) -> str:
    """What a repository that did not adopt the conventions would be told if it did."""
    if not result.would_bring:
        return "Conventions: not adopted. Adopting them would add nothing to fix today."
    rules = load_rules()
    listed = ", ".join(
        f"{code} ({rules[code].name})" if code in rules else code for code in result.would_bring
    )
    return (
        f"Conventions: not adopted, so only the facts and what the repository's own evidence supports "
        f"are checked. Adopting them would bring {_count(len(result.would_bring), 'rule')} to fix: {listed}."
    )


def slug(text: str) -> str:
    """A name safe in a file name and a URL fragment."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return cleaned or "repo"


def build_report(
    results: Sequence[RepoResult],
    *,
    title: str,
    generated_at: str,
    version: str,
    history: Sequence[Snapshot] = (),
    notes: Sequence[str] = (),
) -> Report:
    rules = load_rules()
    ordered_history = sorted(history, key=lambda s: s.generated_at)[-HISTORY_LIMIT:]
    entries: list[RepoEntry] = []
    used: set[str] = set()
    names = [result.name.casefold() for result in results]
    for result in results:
        key = base = slug(result.name)
        number = 2
        while key.lower() in used:
            key = f"{base}-{number}"
            number += 1
        used.add(key.lower())
        failing = _failing(result)
        previous = next((s.repos[key] for s in reversed(ordered_history) if key in s.repos), None)
        entries.append(
            RepoEntry(
                key=key,
                result=result,
                level=level_of(result, failing),
                score=None if result.problem is not None else score(failing, bool(result.rules_run)),
                failing=failing,
                verdict=verdict_of(result, failing, rules),
                previous=previous,
                same_name_elsewhere=names.count(result.name.casefold()) > 1,
            )
        )
    return Report(title, generated_at, version, entries, list(ordered_history), list(notes))


# -- views ---------------------------------------------------------------------------------------
@dataclass
class RuleRow:
    code: str
    name: str
    summary: str
    severity: str
    blocker: bool
    failing: list[str]
    ignored: list[str]


@dataclass
class StakeholderView:
    stakeholder: Stakeholder
    note: StakeholderNote
    rules: list[RuleRow]
    #: Keys of repositories with at least one failing rule for this stakeholder.
    affected: list[str]


def stakeholder_view(report: Report, stakeholder: Stakeholder) -> StakeholderView:
    """The rules tagged with ``stakeholder`` and which repositories fail or ignore each."""
    rows = []
    affected: set[str] = set()
    for code, rule in load_rules().items():
        if stakeholder not in rule.stakeholders:
            continue
        failing = [e.key for e in report.repos if code in e.failing]
        ignored = [e.key for e in report.repos if any(i.code == code for i in e.result.ignored)]
        affected.update(failing)
        rows.append(
            RuleRow(
                code,
                rule.name,
                rule.summary(),
                rule.severity.value,
                code in OPEN_SOURCE_BLOCKERS,
                failing,
                ignored,
            )
        )
    rows.sort(key=lambda row: (-len(row.failing), row.code))
    ranked = [e.key for e in report.ranked() if e.key in affected]
    return StakeholderView(stakeholder, STAKEHOLDER_NOTES[stakeholder], rows, ranked)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


_SUMMARY_WORDS = {
    "ready": "ready",
    "almost": "almost ready",
    "needs-work": "needing work",
    "blocked": "blocked by a legal issue (license, secrets or data in git)",
    "unreadable": "not checked (unreadable, or the checks could not run)",
}


def executive_summary(report: Report) -> str:
    """One paragraph for someone who reads nothing else."""
    total = len(report.repos)
    if not total:
        return "No repositories were found to report on."
    counts = report.counts()
    parts = [f"{counts[level.key]} {_SUMMARY_WORDS[level.key]}" for level in LEVELS if counts[level.key]]
    listing = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    sentences = [f"Of {_count(total, 'repository', 'repositories')}: {listing}."]
    average = report.average_score()
    if average is not None:
        sentences.append(f"The average readiness score is {average} out of 100.")
    internal = [e for e in report.repos if e.result.visibility != "public"]
    if internal:
        ready = sum(1 for e in internal if e.verdict.key == "yes")
        review = sum(1 for e in internal if e.verdict.key == "review")
        sentence = (
            f"{ready} of {_count(len(internal), 'internal repository', 'internal repositories')} "
            "could be open-sourced today"
        )
        if review:
            sentence += f", and {review} more once legal confirms an exception"
        sentences.append(sentence + ".")
    blocked_public = [e for e in report.repos if e.result.visibility == "public" and e.level is BLOCKED]
    if blocked_public:
        sentences.append(
            f"{_count(len(blocked_public), 'public repository has', 'public repositories have')} "
            "a legal blocker that needs attention now."
        )
    previous = report.previous
    if previous is not None:
        before = [s.score for s in previous.repos.values() if s.score is not None]
        if before and average is not None:
            old = round(sum(before) / len(before))
            change = (
                f"went up from {old} to {average}"
                if average > old
                else (f"went down from {old} to {average}" if average < old else f"stayed at {average}")
            )
            up = sum(
                1
                for e in report.repos
                if e.previous is not None and LEVEL_BY_KEY[e.previous.level].rank > e.level.rank
            )
            down = sum(
                1
                for e in report.repos
                if e.previous is not None and LEVEL_BY_KEY[e.previous.level].rank < e.level.rank
            )
            sentences.append(
                f"Since the report of {previous.generated_at[:10]} the average {change}; "
                f"{_count(up, 'repository', 'repositories')} moved up a level and {down} moved down."
            )
    return " ".join(sentences)


# -- JSON ----------------------------------------------------------------------------------------
def entry_to_dict(entry: RepoEntry) -> dict[str, Any]:
    result = entry.result
    return {
        "key": entry.key,
        "name": result.name,
        "display_name": entry.display_name,
        "license": result.license,
        "adopted": result.adopted,
        "would_bring": list(result.would_bring),
        "project_name": result.project_name,
        "location": result.location,
        "source": result.source,
        "visibility": result.visibility,
        "project_type": result.project_type,
        "template_version": result.template_version,
        "level": entry.level.key,
        "level_label": entry.level.label,
        "score": entry.score,
        "previous": None
        if entry.previous is None
        else {"level": entry.previous.level, "score": entry.previous.score},
        "verdict": {
            "key": entry.verdict.key,
            "question": verdict_question(result.visibility),
            "label": entry.verdict.label(result.visibility),
            "reasons": list(entry.verdict.reasons),
        },
        "problem": result.problem,
        "stakeholders": entry.stakeholder_counts(),
        "failing_rules": list(entry.failing),
        "findings": [item.to_dict() for item in result.findings],
        "ignored": [item.to_dict() for item in result.ignored],
        "errors": list(result.errors),
        "rules_run": list(result.rules_run),
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    views = {s.value: stakeholder_view(report, s) for s in STAKEHOLDER_ORDER}
    return {
        "tool": REPORT_TOOL,
        "schema": REPORT_SCHEMA,
        "version": report.version,
        "title": report.title,
        "generated_at": report.generated_at,
        "levels": [{"key": lv.key, "label": lv.label, "meaning": lv.meaning} for lv in LEVELS],
        "open_source_blockers": dict(OPEN_SOURCE_BLOCKERS),
        "summary": {
            "repos": len(report.repos),
            "by_level": report.counts(),
            "open_source": report.verdict_counts(),
            "average_score": report.average_score(),
            "text": executive_summary(report),
        },
        "repos": [entry_to_dict(e) for e in report.ranked()],
        "stakeholders": {
            name: {
                "title": view.note.title,
                "cares_about": view.note.cares_about,
                "affected": view.affected,
                "rules": [
                    {
                        "code": row.code,
                        "name": row.name,
                        "summary": row.summary,
                        "blocker": row.blocker,
                        "failing": row.failing,
                        "ignored": row.ignored,
                    }
                    for row in view.rules
                ],
            }
            for name, view in views.items()
        },
        "history": [
            {
                "generated_at": s.generated_at,
                "title": s.title,
                "repos": {key: {"level": st.level, "score": st.score} for key, st in s.repos.items()},
            }
            for s in report.history
        ],
        "notes": list(report.notes),
    }


class PreviousReportError(Exception):
    """A file given with --previous is not a report; the message is one line."""


def _state(data: Any) -> RepoState | None:
    if not isinstance(data, dict) or data.get("level") not in LEVEL_BY_KEY:
        return None
    value = data.get("score")
    return RepoState(data["level"], value if isinstance(value, int) and not isinstance(value, bool) else None)


def load_snapshots(path: Path) -> list[Snapshot]:
    """The snapshots an earlier report.json holds: its own, and the history it carried."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PreviousReportError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PreviousReportError(f"{path} cannot be read: {exc}") from None
    data, error = parse_json(text)
    if error is not None:
        raise PreviousReportError(f"{path} cannot be read: {error}")
    if not isinstance(data, dict) or data.get("tool") != REPORT_TOOL:
        raise PreviousReportError(f"{path} is not a report.json written by `oss-checks report`")
    snapshots = []
    for raw in data.get("history") or []:
        if isinstance(raw, dict) and isinstance(raw.get("generated_at"), str):
            repos = raw.get("repos")
            if not isinstance(repos, dict):
                repos = {}
            states = {str(k): s for k, v in repos.items() if (s := _state(v)) is not None}
            snapshots.append(Snapshot(raw["generated_at"], _text(raw.get("title")), states))
    own: dict[str, RepoState] = {}
    for repo in data.get("repos") or []:
        if isinstance(repo, dict) and isinstance(repo.get("key"), str):
            state = _state(repo)
            if state is not None:
                own[repo["key"]] = state
    snapshots.append(Snapshot(_text(data.get("generated_at")), _text(data.get("title")), own))
    return snapshots


def merge_history(snapshots: Iterable[Snapshot]) -> list[Snapshot]:
    """One snapshot per report date (several --previous files may repeat one), oldest first."""
    by_date: dict[str, Snapshot] = {}
    for snapshot in snapshots:
        by_date[snapshot.generated_at] = snapshot
    return [by_date[date] for date in sorted(by_date)]
