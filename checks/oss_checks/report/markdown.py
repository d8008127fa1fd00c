"""The report as Markdown, for a wiki page or an issue: the same data as the HTML page."""

from __future__ import annotations

from collections.abc import Sequence

from oss_checks.report.model import (
    LEVELS,
    OPEN_SOURCE_BLOCKERS,
    SCORE_EXPLANATION,
    STAKEHOLDER_NOTES,
    STAKEHOLDER_ORDER,
    UNREADABLE,
    RepoEntry,
    Report,
    adoption_sentence,
    executive_summary,
    stakeholder_view,
    verdict_question,
)
from oss_checks.rules import load_rules
from oss_checks.text.writing import code, md

#: Places listed per rule for one repository; report.json has all of them.
MAX_PLACES = 10
#: Repository names listed per rule in a stakeholder view.
MAX_NAMES = 12


def anchor(entry: RepoEntry) -> str:
    return f"repo-{entry.key.lower()}"


def link(entry: RepoEntry) -> str:
    return f"[{md(entry.display_name)}](#{anchor(entry)})"


def level_text(entry: RepoEntry) -> str:
    return f"{entry.level.symbol} {entry.level.label}"


def _names(keys: Sequence[str], by_key: dict[str, RepoEntry]) -> str:
    if not keys:
        return "none"
    names = ", ".join(link(by_key[k]) for k in keys[:MAX_NAMES])
    more = f" and {len(keys) - MAX_NAMES} more" if len(keys) > MAX_NAMES else ""
    return f"{len(keys)}: {names}{more}"


def render_markdown(report: Report) -> str:
    lines: list[str] = [
        f"# {md(report.title)}",
        "",
        (
            f"_{len(report.repos)} repositories, generated {report.generated_at[:16].replace('T', ' ')} UTC "
            f"by oss-checks {md(report.version)}._"
        ),
        "",
        "## Executive summary",
        "",
        md(executive_summary(report)),
        "",
        "| Readiness | Repositories | Meaning |",
        "| --- | ---: | --- |",
    ]
    counts = report.counts()
    lines += [
        f"| {level.symbol} {level.label} | {counts[level.key]} | {md(level.meaning)} |"
        for level in LEVELS
        if level is not UNREADABLE or counts[level.key]
    ]
    if report.history:
        lines += ["", "| Report | " + " | ".join(lv.label for lv in LEVELS) + " |"]
        lines.append("| --- |" + " ---: |" * len(LEVELS))
        snapshots = [*report.history, report.snapshot()]
        for index, snapshot in enumerate(snapshots):
            snapshot_counts = snapshot.counts()
            when = "now" if index == len(snapshots) - 1 else snapshot.generated_at[:10]
            lines.append(f"| {when} | " + " | ".join(str(snapshot_counts[lv.key]) for lv in LEVELS) + " |")

    titles = [STAKEHOLDER_NOTES[s].title for s in STAKEHOLDER_ORDER]
    lines += [
        "",
        "## Repositories by readiness",
        "",
        "| Repository | Readiness | Score | Ready to open-source? | " + " | ".join(titles) + " |",
        "| --- | --- | ---: | --- |" + " ---: |" * len(titles),
    ]
    for entry in report.ranked():
        stakeholder_counts = entry.stakeholder_counts()
        score = "" if entry.score is None else str(entry.score)
        if entry.change is not None and entry.change:
            score += f" ({entry.change:+d})"
        visibility = " (public)" if entry.result.visibility == "public" else ""
        lines.append(
            f"| {link(entry)}{visibility} | {level_text(entry)} | {score} | "
            f"{md(entry.verdict.label(entry.result.visibility))} | "
            + " | ".join(str(stakeholder_counts[s.value]) for s in STAKEHOLDER_ORDER)
            + " |"
        )

    by_key = {e.key: e for e in report.repos}
    for stakeholder in (*STAKEHOLDER_ORDER[1:], STAKEHOLDER_ORDER[0]):
        view = stakeholder_view(report, stakeholder)
        lines += [
            "",
            f"## {md(view.note.title)}",
            "",
            md(view.note.cares_about),
            "",
            (
                f"**{md(view.note.question)}** "
                f"{len(view.affected)} of {len(report.repos)} repositories have something to fix."
            ),
            "",
            "| Rule | What it checks | Repositories to fix | Ignored with a reason |",
            "| --- | --- | --- | --- |",
        ]
        for row in view.rules:
            blocker = " (blocks publishing)" if row.blocker else ""
            lines.append(
                f"| {code(row.code)} {md(row.name)}{blocker} | {md(row.summary)} | "
                f"{_names(row.failing, by_key)} | {_names(row.ignored, by_key)} |"
            )

    lines += ["", "## Repository pages"]
    for entry in report.ranked():
        lines += _repo_lines(entry)

    lines += [
        "",
        "## How to read this report",
        "",
        md(SCORE_EXPLANATION),
        "",
        "These rules block publishing:",
        "",
    ]
    lines += [f"- {code(c)}: {md(reason)}" for c, reason in OPEN_SOURCE_BLOCKERS.items()]
    if report.notes:
        lines += ["", "Paths that were not repositories:", ""]
        lines += [f"- {md(note)}" for note in report.notes]
    return "\n".join(lines) + "\n"


def _repo_lines(entry: RepoEntry) -> list[str]:
    rules = load_rules()
    result = entry.result
    score = "" if entry.score is None else f", score {entry.score}/100"
    lines = [
        "",
        f'### <a id="{anchor(entry)}"></a>{md(result.name)}',
        "",
        (
            f"**Readiness:** {level_text(entry)}{score} · "
            f"**{md(verdict_question(result.visibility))}** {md(entry.verdict.label(result.visibility))}"
        ),
        "",
        f"Location: {code(result.location)}"
        + (f" · visibility: {md(result.visibility)}" if result.visibility else "")
        + (f" · template {md(result.template_version)}" if result.template_version else ""),
    ]
    if not result.adopted and result.problem is None:
        lines += ["", md(adoption_sentence(result))]
    if entry.verdict.reasons:
        lines.append("")
        lines += [f"- {md(reason)}" for reason in entry.verdict.reasons]
    if result.problem is not None:
        return lines
    if entry.failing:
        lines += ["", "| Rule | Where | Problem |", "| --- | --- | --- |"]
        for rule_code, items in entry.failing.items():
            for item in items[:MAX_PLACES]:
                lines.append(
                    f"| {code(rule_code, cell=True)} {md(item.name)} | {code(item.location, cell=True)} "
                    f"| {md(item.message)} |"
                )
            if len(items) > MAX_PLACES:
                lines.append(
                    f"| {code(rule_code, cell=True)} | | and {len(items) - MAX_PLACES} more (see report.json) |"
                )
        # Only the registry's own advice is shown: saved results could carry any text.
        fixes = [(c, rules[c].how_to_fix()) for c in entry.failing if c in rules and rules[c].how_to_fix()]
        if fixes:
            lines += ["", "<details><summary>How to fix</summary>", ""]
            for rule_code, fix in fixes:
                lines += [f"**{rule_code}**", "", fix.strip(), ""]
            lines.append("</details>")
    else:
        lines += ["", "Nothing to fix: every rule that ran passes."]
    if result.ignored:
        lines += ["", "Ignored with a reason:", ""]
        lines += [
            f"- {code(i.code)} at {code(i.location)}: \u201c{md(i.reason or '')}\u201d"
            for i in result.ignored
        ]
    if result.errors:
        lines += ["", "Checks that could not run:", ""]
        lines += [f"- {md(e)}" for e in result.errors]
    return lines
