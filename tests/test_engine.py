"""The engine: ignores, inline suppressions, per-file runs and rule crashes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from conftest import MakeRepo, Run
from oss_checks import engine, forked
from oss_checks.rules import load_rules


def notebook(*sources: str) -> str:
    cells: list[dict[str, Any]] = [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
        for source in sources
    ]
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})


def test_inline_suppression_in_python_needs_the_right_code(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo(
        {
            "a.py": 'A = "/home/ana/x.csv"  # oss-checks: ignore[OSS401] -- the demo machine\n'
            'B = "/home/ana/y.csv"  # oss-checks: ignore[OSS402]\n'
        }
    )
    result = run_checks(root, "OSS401")
    assert [(f.path, f.line) for f in result.findings] == [("a.py", 2)]
    assert [(i.finding.line, i.reason) for i in result.ignored] == [(1, "the demo machine")]


def test_inline_suppression_in_a_notebook_cell(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo(
        {
            "notebooks/1.0-ab-x.ipynb": notebook(
                "p = '/Users/ana/a.csv'  # oss-checks: ignore[OSS401] -- the shared demo laptop",
                "q = '/Users/ana/b.csv'  # oss-checks: ignore[OSS401]",
            )
        }
    )
    result = run_checks(root, "OSS401")
    assert [(f.cell, f.line) for f in result.findings] == [(2, 1)]
    assert "the inline ignore needs a reason" in result.findings[0].message
    assert [(i.finding.cell, i.reason) for i in result.ignored] == [(1, "the shared demo laptop")]


def test_files_mode_runs_file_rules_only_on_given_files(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo({".env": "A=1\n", "other/.env.prod": "B=2\n"})
    result = run_checks(root, "OSS405", "OSS101", files=["other/.env.prod"])
    assert [f.path for f in result.findings] == ["other/.env.prod"]


def test_a_crashing_rule_becomes_an_error_line(
    make_repo: MakeRepo, run_checks: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_: object) -> list[object]:
        raise ValueError("bad")

    monkeypatch.setattr(load_rules()["OSS101"], "check", explode)
    result = run_checks(make_repo({"README.md": "# x\n"}), "OSS101", "OSS102")
    assert result.errors == ["internal error in OSS101 (readme-content) on the repository: ValueError: bad"]
    assert [f.code for f in result.findings] == ["OSS102"]  # the other rules still ran


def test_findings_are_sorted_and_deduplicated(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo({"b/.env": "x\n", "a/.env": "x\n"})
    result = run_checks(root, "OSS405", "OSS405")
    assert [f.path for f in result.findings] == ["a/.env", "b/.env"]


# -- the second core ---------------------------------------------------------------------------
def _parallel_repo(make_repo: MakeRepo) -> Any:
    # Findings of per-file rules (OSS401, OSS405) and of repository rules (OSS102, OSS703).
    return make_repo(
        {
            "a.py": 'DATA = "/home/ana/sales.csv"\n',
            "sub/.env": "DB_HOST=db\n",
            "notes.rej": "x\n",
            "README.md": "# Sales\n",
            **{f"pkg/m{i}.py": f"X = {i}\n" for i in range(30)},
        }
    )


def test_a_parallel_run_reports_what_a_serial_run_reports(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not forked.available():
        pytest.skip("this process cannot fork (not POSIX, or it runs threads)")
    root = _parallel_repo(make_repo)

    def explode(*_: object) -> list[object]:
        raise ValueError("bad")

    monkeypatch.setattr(load_rules()["OSS405"], "check_file", explode)  # a crash in the child
    monkeypatch.setattr(load_rules()["OSS102"], "check", explode)  # and one in this process
    codes = ["OSS401", "OSS405", "OSS102", "OSS703", "OSS101"]
    serial = engine.check(root, select=codes)
    started: list[object] = []
    real_start = forked.start

    def spy(work: Callable[[], object]) -> object:
        started.append(child := real_start(work))
        return child

    monkeypatch.setattr(engine, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(forked, "start", spy)
    parallel = engine.check(root, select=codes, parallel=True)
    assert started != [], "the engine asked for a child"
    assert started[0] is not None, "the per-file rules ran in a child"
    assert parallel.findings == serial.findings
    assert {f.code for f in parallel.findings} == {"OSS401", "OSS703", "OSS101"}
    assert parallel.errors == serial.errors
    assert [c.code for c in parallel.crashes] == ["OSS405", "OSS102"], "the order of a serial run"


def test_a_failed_child_leaves_the_work_to_this_process(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _parallel_repo(make_repo)
    serial = engine.check(root, select=["OSS401", "OSS703"])
    monkeypatch.setattr(engine, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(forked.Forked, "result", lambda _self: None)
    assert engine.check(root, select=["OSS401", "OSS703"], parallel=True).findings == serial.findings


def test_small_repositories_and_per_file_runs_never_fork(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_work: object) -> None:
        raise AssertionError("forked")

    monkeypatch.setattr(forked, "start", refuse)
    root = _parallel_repo(make_repo)
    assert engine.check(
        root, select=["OSS401", "OSS703"], parallel=True
    ).findings  # 35 files, below the threshold
    monkeypatch.setattr(engine, "PARALLEL_FROM_FILES", 1)
    per_file = engine.check(root, select=["OSS401", "OSS703"], files=["a.py"], parallel=True)
    assert [f.code for f in per_file.findings] == ["OSS401"]


def test_a_per_file_run_reads_pyproject_only_for_its_settings(make_repo: MakeRepo) -> None:
    settings = '[project]\nname = "x"\n\n[tool.oss-checks.ignore]\nOSS401 = "the demo laptop"\n'
    root = make_repo({"pyproject.toml": settings, "a.py": 'DATA = "/home/ana/sales.csv"\n'})
    result = engine.check(root, select=["OSS401"], files=["a.py"])
    assert [i.reason for i in result.ignored] == ["the demo laptop"]
    escaped = settings.replace("tool.oss-checks.ignore", 'tool."oss\\u002Dchecks".ignore')
    (root / "pyproject.toml").write_text(escaped, encoding="utf-8")
    assert [i.reason for i in engine.check(root, select=["OSS401"], files=["a.py"]).ignored] == [
        "the demo laptop"
    ]
    # Without a word of oss-checks in it, a pyproject.toml a tool cannot even read is no concern here.
    (root / "pyproject.toml").write_text('tool = "x"\n[project\n', encoding="utf-8")
    assert [f.code for f in engine.check(root, select=["OSS401"], files=["a.py"]).findings] == ["OSS401"]
