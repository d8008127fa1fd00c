"""Output formats, tested on hand-made results so every branch is seen."""

from __future__ import annotations

import json
from pathlib import Path

from oss_checks.engine import Ignored, Result
from oss_checks.output import render_github, render_json, render_sarif, render_text
from oss_checks.registry import Finding


def result(root: Path) -> Result:
    return Result(
        root,
        findings=[
            Finding("nb.ipynb", 2, 5, "OSS401", "path, with: 100%\nsecond line", cell=3),
            Finding("README.md", 0, 0, "OSS111", "README.md has no 'Usage' section", fixable=True),
        ],
        ignored=[Ignored(Finding(".env", 0, 0, "OSS405", "x"), "rotated test values")],
        codes=["OSS111", "OSS401", "OSS405"],
    )


def test_text_names_cells_marks_fixable_and_counts(tmp_path: Path) -> None:
    checked = result(tmp_path)
    checked.fixed = 2
    text = render_text([checked], tmp_path)
    lines = text.splitlines()
    assert lines[0].startswith("nb.ipynb:cell 3:2:5: OSS401 path, with")
    assert lines[2].startswith("README.md:0:0: OSS111 [*] README.md has no")
    assert "Found 2 problems (1 fixable" in text
    assert "Fixed 2 problems." in text
    assert "1 finding ignored with a reason." in text


def test_paths_are_shown_from_the_current_folder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    text = render_text([result(repo)], tmp_path)
    assert text.startswith("repo/nb.ipynb:cell 3")


def test_json_has_findings_ignored_and_repos(tmp_path: Path) -> None:
    data = json.loads(render_json([result(tmp_path)], tmp_path))
    assert [f["code"] for f in data["findings"]] == ["OSS401", "OSS111"]
    assert data["findings"][0]["cell"] == 3
    assert data["findings"][1]["fixable"] is True
    assert data["ignored"][0]["reason"] == "rotated test values"
    assert data["repos"][0]["findings"] == 2


def test_github_annotations_escape_data_and_properties(tmp_path: Path) -> None:
    first = render_github([result(tmp_path)], tmp_path).splitlines()[0]
    assert first.startswith("::error file=nb.ipynb,line=2,col=5,title=OSS401 hardcoded-path::")
    assert first.endswith("cell 3: path, with: 100%25%0Asecond line")


def test_sarif_lists_rules_and_results(tmp_path: Path) -> None:
    sarif = json.loads(render_sarif([result(tmp_path)], tmp_path))
    run = sarif["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["OSS111", "OSS401", "OSS405"]
    notebook, readme = run["results"]
    assert notebook["message"]["text"].startswith("cell 3, line 2:")
    assert "region" not in notebook["locations"][0]["physicalLocation"]
    assert readme["ruleIndex"] == 0
