"""Fixtures for the report: hand-made results for the model, and a baked fleet for the rest."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from oss_checks.cli import main
from oss_checks.report.model import Item, RepoResult, Report, Snapshot, build_report
from oss_checks.rules import load_rules
from report.fleet import PROFILES, build_fleet
from report.helpers import NOW, MakeReport, MakeResult


@pytest.fixture
def make_result() -> MakeResult:
    def make(
        name: str = "repo",
        findings: Sequence[Item] = (),
        ignored: Sequence[Item] = (),
        *,
        problem: str | None = None,
        visibility: str | None = "internal",
        rules_run: Sequence[str] | None = None,
        errors: Sequence[str] = (),
    ) -> RepoResult:
        return RepoResult(
            name=name,
            location=f"fleet/{name}",
            problem=problem,
            findings=list(findings),
            ignored=list(ignored),
            errors=list(errors),
            rules_run=list(load_rules() if rules_run is None else rules_run) if problem is None else [],
            visibility=visibility,
            project_type="library",
            template_version="0.1.0",
        )

    return make


@pytest.fixture
def make_report() -> MakeReport:
    def make(
        results: Sequence[RepoResult],
        *,
        history: Sequence[Snapshot] = (),
        notes: Sequence[str] = (),
        generated_at: str = NOW,
    ) -> Report:
        return build_report(
            results,
            title="Team report",
            generated_at=generated_at,
            version="0.1.0",
            history=history,
            notes=notes,
        )

    return make


@pytest.fixture(scope="session")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of baked repositories, one per profile: more than twenty, each with its own gap."""
    folder = tmp_path_factory.mktemp("fleet")
    build_fleet(folder, len(PROFILES))
    return folder


@pytest.fixture(scope="session")
def fleet_report(fleet: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report folder ``oss-checks report`` writes for the fleet, checked on two processes."""
    output = tmp_path_factory.mktemp("fleet-report")
    code = main(["report", str(fleet), "--output", str(output), "--jobs", "2", "--title", "Fleet readiness"])
    assert code == 0
    return output
