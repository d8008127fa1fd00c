"""Readiness levels, scores, open-source verdicts, stakeholder views and the report's JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oss_checks.registry import Stakeholder
from oss_checks.report.model import (
    ALMOST,
    ALMOST_MAX_RULES,
    BLOCKED,
    NEEDS_WORK,
    OPEN_SOURCE_BLOCKERS,
    READY,
    REPORT_TOOL,
    UNREADABLE,
    Item,
    PreviousReportError,
    RepoState,
    Snapshot,
    executive_summary,
    load_snapshots,
    merge_history,
    report_to_dict,
    stakeholder_view,
)
from oss_checks.rules import load_rules
from report.helpers import MakeReport, MakeResult, item

#: Error rules that serve nobody in legal and block nothing, to build "almost" and "needs work".
PLAIN_ERRORS = ("OSS103", "OSS106", "OSS114", "OSS501", "OSS601")


def test_every_blocker_is_a_legal_rule_of_the_registry() -> None:
    rules = load_rules()
    for code in OPEN_SOURCE_BLOCKERS:
        assert code in rules, f"{code} is named as a blocker but no longer exists"
        assert Stakeholder.LEGAL in rules[code].stakeholders, (
            f"{code} blocks publishing but is not tagged legal"
        )


def test_plain_errors_are_what_the_tests_assume() -> None:
    rules = load_rules()
    for code in PLAIN_ERRORS:
        assert rules[code].severity.value == "error"
        assert Stakeholder.LEGAL not in rules[code].stakeholders
        assert code not in OPEN_SOURCE_BLOCKERS


def test_clean_repository_is_ready_with_full_score(make_result: MakeResult, make_report: MakeReport) -> None:
    entry = make_report([make_result("clean")]).repos[0]
    assert entry.level is READY
    assert entry.score == 100
    assert entry.verdict.key == "yes"
    assert entry.verdict.reasons == ()


def test_warnings_alone_keep_a_repository_ready(make_result: MakeResult, make_report: MakeReport) -> None:
    entry = make_report([make_result("warned", [item("OSS209", "pyproject.toml")])]).repos[0]
    assert entry.level is READY
    assert entry.score == 97
    assert entry.verdict.key == "yes"


def test_few_error_rules_are_almost_and_more_need_work(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    few = make_result("few", [item(code) for code in PLAIN_ERRORS[:ALMOST_MAX_RULES]])
    many = make_result("many", [item(code) for code in PLAIN_ERRORS[: ALMOST_MAX_RULES + 1]])
    report = make_report([few, many])
    by_name = {e.key: e for e in report.repos}
    assert by_name["few"].level is ALMOST
    assert by_name["many"].level is NEEDS_WORK
    assert by_name["few"].verdict.key == by_name["many"].verdict.key == "not-yet"
    assert by_name["many"].score is not None
    assert by_name["few"].score is not None
    assert by_name["many"].score < by_name["few"].score


def test_a_rule_counts_once_however_many_places_fail(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    once = make_result("once", [item("OSS401", "a.py", line=1)])
    often = make_result("often", [item("OSS401", f"m{n}.py", line=1) for n in range(40)])
    scores = {e.key: e.score for e in make_report([once, often]).repos}
    assert scores["once"] == scores["often"] == 91


def test_legal_rules_cost_twice_and_the_score_stops_at_zero(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    legal = make_result("legal", [item("OSS206", "pyproject.toml")])
    everything = make_result("everything", [item(code) for code in load_rules()])
    scores = {e.key: e.score for e in make_report([legal, everything]).repos}
    assert scores["legal"] == 82
    assert scores["everything"] == 0


@pytest.mark.parametrize("code", sorted(OPEN_SOURCE_BLOCKERS))
def test_each_blocker_blocks_and_says_why(
    code: str, make_result: MakeResult, make_report: MakeReport
) -> None:
    entry = make_report([make_result("leaky", [item(code, "some/file")])]).repos[0]
    assert entry.level is BLOCKED
    assert entry.verdict.key == "no"
    (reason,) = entry.verdict.reasons
    assert reason.startswith(code)
    assert "some/file" in reason
    assert OPEN_SOURCE_BLOCKERS[code] in reason


def test_blocker_reasons_list_each_place_once_and_count_the_rest(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    findings = [item("OSS307", "nb.ipynb", message=f"credential {n}") for n in range(2)]
    findings += [item("OSS405", f".env.{n}") for n in range(5)]
    findings.append(item("OSS601"))
    entry = make_report([make_result("leaky", findings)]).repos[0]
    credentials, env_files, rest = entry.verdict.reasons
    assert credentials.count("nb.ipynb") == 1
    assert ".env.0; .env.1; .env.2 and 2 more" in env_files
    assert rest == "After that, 1 more rule to fix before publishing."


def test_ignored_or_unchecked_blockers_need_legal_to_confirm(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    waived = make_result("waived", ignored=[item("OSS405", ".env.local", reason="only a public URL")])
    unchecked = make_result("unchecked", rules_run=[c for c in load_rules() if c != "OSS402"])
    crashed = make_result(
        "crashed", errors=["internal error in OSS307 (notebook-credentials) on a.ipynb: boom"]
    )
    by_name = {e.key: e for e in make_report([waived, unchecked, crashed]).repos}
    assert all(e.level is READY and e.verdict.key == "review" for e in by_name.values())
    assert (
        "OSS405 is ignored at .env.local with the reason \u201conly a public URL\u201d"
        in (by_name["waived"].verdict.reasons[0])
    )
    assert by_name["unchecked"].verdict.reasons[0].startswith("OSS402 (data-file-location) was not checked")
    assert by_name["crashed"].verdict.reasons[0].startswith("OSS307 (notebook-credentials) could not run")


def test_ignored_plain_findings_cost_nothing(make_result: MakeResult, make_report: MakeReport) -> None:
    entry = make_report(
        [make_result("calm", ignored=[item("OSS107", "CITATION.cff", reason="nothing to cite")])]
    )
    assert entry.repos[0].score == 100
    assert entry.repos[0].verdict.key == "yes"


def test_unreadable_repository_has_no_score_and_an_unknown_verdict(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    entry = make_report([make_result("gone", problem="cannot be read: Permission denied")]).repos[0]
    assert entry.level is UNREADABLE
    assert entry.score is None
    assert entry.verdict.key == "unknown"
    assert "Permission denied" in entry.verdict.reasons[0]


def test_public_repositories_are_asked_whether_they_may_stay_public(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    entry = make_report([make_result("out", [item("OSS405", ".env")], visibility="public")]).repos[0]
    assert entry.verdict.label("public") == "No: legal blocker, act now"
    assert entry.verdict.label("internal") == "No: legal blocker"
    assert "1 public repository has a legal blocker" in executive_summary(make_report([entry.result]))


def test_keys_are_unique_and_safe_for_files_and_anchors(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    report = make_report(
        [make_result("a b/<c>"), make_result("a-b-c"), make_result("A-B-C"), make_result("...")]
    )
    keys = [e.key for e in report.repos]
    assert keys == ["a-b-c", "a-b-c-2", "A-B-C-3", "repo"]


def test_ranking_puts_the_most_ready_first(make_result: MakeResult, make_report: MakeReport) -> None:
    report = make_report(
        [
            make_result("blocked", [item("OSS405", ".env")]),
            make_result("broken", problem="does not exist"),
            make_result("almost", [item("OSS601")]),
            make_result("ready"),
        ]
    )
    assert [e.key for e in report.ranked()] == ["ready", "almost", "blocked", "broken"]


def test_stakeholder_view_lists_exactly_the_rules_tagged_for_it(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    report = make_report(
        [
            make_result("leaky", [item("OSS405", ".env"), item("OSS601")]),
            make_result("waived", ignored=[item("OSS405", ".env", reason="test fixture")]),
        ]
    )
    for stakeholder in Stakeholder:
        view = stakeholder_view(report, stakeholder)
        tagged = {code for code, rule in load_rules().items() if stakeholder in rule.stakeholders}
        assert {row.code for row in view.rules} == tagged
    legal = stakeholder_view(report, Stakeholder.LEGAL)
    env_row = next(row for row in legal.rules if row.code == "OSS405")
    assert env_row.failing == ["leaky"]
    assert env_row.ignored == ["waived"]
    assert env_row.blocker
    assert legal.rules[0].failing, "rules with repositories to fix come first"
    assert legal.affected == ["leaky"]
    assert stakeholder_view(report, Stakeholder.MANAGEMENT).affected == ["leaky"]
    assert stakeholder_view(report, Stakeholder.DATA_SCIENCE).affected == []


def test_stakeholder_counts_follow_the_rules_tags(make_result: MakeResult, make_report: MakeReport) -> None:
    entry = make_report(
        [make_result("r", [item("OSS405", ".env"), item("OSS501"), item("OSS501", "x")])]
    ).repos[0]
    counts = entry.stakeholder_counts()
    assert counts == {"executive": 0, "legal": 1, "management": 1, "data-science": 1}


def test_executive_summary_names_every_level_and_the_open_source_count(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    report = make_report(
        [
            make_result("a"),
            make_result("b"),
            make_result("c", [item("OSS601")]),
            make_result("d", [item("OSS102", "LICENSE")]),
            make_result("e", problem="does not exist"),
        ]
    )
    text = executive_summary(report)
    assert text.startswith("Of 5 repositories: 2 ready, 1 almost ready, 1 blocked by a legal issue")
    assert "1 not checked" in text
    assert "2 of 5 internal repositories could be open-sourced today" in text


def test_history_gives_each_repository_its_previous_state_and_the_trend(
    make_result: MakeResult, make_report: MakeReport
) -> None:
    earlier = Snapshot(
        "2026-10-01T09:00:00Z", "old", {"a": RepoState("almost", 82), "b": RepoState("ready", 100)}
    )
    older = Snapshot(
        "2026-09-01T09:00:00Z", "older", {"a": RepoState("blocked", 10), "c": RepoState("ready", 100)}
    )
    report = make_report(
        [make_result("a"), make_result("b", [item("OSS601")]), make_result("c"), make_result("new")],
        history=[earlier, older],
    )
    assert [s.title for s in report.history] == ["older", "old"]
    by_key = {e.key: e for e in report.repos}
    assert by_key["a"].previous == RepoState("almost", 82)
    assert by_key["a"].change == 18
    assert by_key["b"].change == -9
    assert by_key["c"].previous == RepoState("ready", 100), "a repository missing from the latest report"
    assert by_key["new"].previous is None
    text = executive_summary(report)
    assert "Since the report of 2026-10-01 the average went up from 91 to 98" in text
    assert "1 repository moved up a level and 1 moved down" in text


def test_report_json_round_trips_into_the_next_reports_history(
    tmp_path: Path, make_result: MakeResult, make_report: MakeReport
) -> None:
    earlier = Snapshot("2026-10-01T09:00:00Z", "old", {"a": RepoState("blocked", 64)})
    report = make_report(
        [make_result("a", [item("OSS601")]), make_result("z", problem="gone")], history=[earlier]
    )
    document = report_to_dict(report)
    assert document["tool"] == REPORT_TOOL
    assert document["summary"]["by_level"] == {
        "ready": 0,
        "almost": 1,
        "needs-work": 0,
        "blocked": 0,
        "unreadable": 1,
    }
    assert document["repos"][0]["findings"][0]["fix"] == load_rules()["OSS601"].how_to_fix()
    saved = tmp_path / "report.json"
    saved.write_text(json.dumps(document), encoding="utf-8")
    snapshots = load_snapshots(saved)
    assert [s.generated_at for s in snapshots] == ["2026-10-01T09:00:00Z", report.generated_at]
    assert snapshots[0].repos == {"a": RepoState("blocked", 64)}
    assert snapshots[1].repos == {"a": RepoState("almost", 91), "z": RepoState("unreadable", None)}
    assert merge_history([*snapshots, *load_snapshots(saved)]) == snapshots


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("{not json", "cannot be read"),
        ('{"tool": "oss-checks", "findings": []}', "is not a report.json"),
        ("[1, 2]", "is not a report.json"),
    ],
)
def test_previous_reports_that_are_not_reports_are_refused(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "old.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(PreviousReportError, match=message):
        load_snapshots(path)


def test_previous_report_with_odd_entries_keeps_what_it_can(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    document = {
        "tool": REPORT_TOOL,
        "generated_at": "2026-10-01T00:00:00Z",
        "repos": [
            {"key": "good", "level": "ready", "score": 100},
            {"key": "odd", "level": "superb", "score": 5},
            {"key": "noscore", "level": "almost", "score": "high"},
            "junk",
        ],
        "history": [{"generated_at": "2026-09-01T00:00:00Z", "repos": "junk"}, {"no": "date"}],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    older, latest = load_snapshots(path)
    assert older.repos == {}
    assert latest.repos == {"good": RepoState("ready", 100), "noscore": RepoState("almost", None)}


def test_saved_findings_take_their_metadata_from_the_registry() -> None:
    rules = load_rules()
    saved = {
        "code": "OSS405",
        "name": "old-name",
        "repo_path": ".env",
        "path": "../elsewhere/.env",
        "line": 0,
        "message": "A .env file is tracked",
        "severity": "warning",
        "stakeholders": ["executive"],
    }
    parsed = Item.from_dict(saved, rules)
    assert parsed is not None
    assert (parsed.name, parsed.path, parsed.severity) == ("env-file-tracked", ".env", "error")
    assert parsed.stakeholders == ("legal",)
    assert parsed.message == "A .env file is tracked"


def test_saved_findings_of_unknown_rules_keep_what_was_saved() -> None:
    saved = {
        "code": "OSS999",
        "name": "future-rule",
        "path": "x",
        "line": True,
        "severity": "warning",
        "stakeholders": ["legal", 3],
        "message": "from the future",
        "cell": 2,
    }
    parsed = Item.from_dict(saved, load_rules())
    assert parsed is not None
    assert (parsed.name, parsed.severity, parsed.stakeholders, parsed.line, parsed.cell) == (
        "future-rule",
        "warning",
        ("legal",),
        0,
        2,
    )
    assert parsed.location == "x, cell 2"
    assert Item.from_dict({"message": "no code"}, load_rules()) is None
