"""``oss-checks rule CODE``: one rule's page, found by code or name."""

from __future__ import annotations

import pytest

from oss_checks.cli import main


@pytest.mark.parametrize("name", ["notebook-outputs", "OSS302", "oss302"])
def test_rule_page_by_name_or_code(capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert main(["rule", name]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# OSS302 (notebook-outputs)")
    assert "## How to fix" in out


def test_unknown_rule_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "OSS999"]) == 2
    assert capsys.readouterr().err == (
        "oss-checks: error: unknown rule 'OSS999' (see `oss-checks rules` for the list)\n"
    )
