"""CITATION.cff read once per repository, and any YAML problem reported with its line."""

from __future__ import annotations

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.text.citation import citation


def test_citation_is_parsed_once(make_repo: MakeRepo) -> None:
    repo = Repo(make_repo({"CITATION.cff": "cff-version: 1.2.0\ntitle: Churn\n"}))
    parsed = citation(repo)
    assert parsed is not None
    assert parsed.data == {"cff-version": "1.2.0", "title": "Churn"}
    assert citation(repo) is parsed


def test_broken_or_deep_or_missing_citations(make_repo: MakeRepo) -> None:
    broken = citation(Repo(make_repo({"CITATION.cff": "title: [unclosed\n"})))
    assert broken is not None
    assert broken.data is None
    assert (broken.error or "").startswith("is not valid YAML")
    deep = citation(Repo(make_repo({"CITATION.cff": "title: " + "[" * 100_000 + "\n"})))
    assert deep is not None
    assert "nested more than" in (deep.error or "")
    assert citation(Repo(make_repo({"README.md": "x"}))) is None
