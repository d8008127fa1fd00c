"""Small builders shared by the report's tests (the fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from oss_checks.report.model import Item, RepoResult, Report
from oss_checks.rules import load_rules

NOW = "2026-11-20T09:00:00Z"

MakeResult = Callable[..., RepoResult]
MakeReport = Callable[..., Report]


def item(
    code: str, path: str = "", *, message: str | None = None, line: int = 0, reason: str | None = None
) -> Item:
    """A finding of a real rule, as the checks would have produced it."""
    rule = load_rules()[code]
    return Item.of_rule(rule, message or rule.summary(), path, line=line, reason=reason)


def fleet_names(fleet: Path) -> list[str]:
    return sorted(p.name for p in fleet.iterdir() if p.is_dir())


def checker_that_dies_on_crash(path: str, location: str) -> RepoResult:
    """Checks like the real checker, except that the worker process dies on a repository named crash*."""
    import os

    from oss_checks.report.collect import check_checkout

    if Path(path).name.startswith("crash"):
        os._exit(3)
    return check_checkout(path, location)
