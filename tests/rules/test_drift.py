"""Template drift rules (OSS701-OSS704) and the release list they measure against."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import Check, MakeRepo, Run, git
from oss_checks import render, template
from oss_checks.context import Repo
from oss_checks.errors import TemplateError
from oss_checks.registry import Finding
from oss_checks.rules import drift

RECORD = ".oss-template.json"
ANSWERS: dict[str, Any] = {
    "project_name": "Demand Forecasting",
    "project_slug": "demand-forecasting",
    "package_name": "demand_forecasting",
    "description": "Forecast weekly demand from sales history.",
    "author_name": "Data Science Team",
    "author_email": "data-science@example.com",
    "organisation": "example-org",
    "git_host": "github.com",
    "repository_url": "https://github.com/example-org/demand-forecasting",
    "code_owners": "data-science@example.com",
    "project_type": "library",
    "visibility": "public",
    "license": "MIT",
    "python_min": "3.11",
    "docs": "mkdocs",
    "ci": "github",
    "copyright_year": "2026",
}
MANAGED = [
    ".github/workflows/ci.yml",
    ".pre-commit-config.yaml",
    "CHANGELOG.md",
    "CITATION.cff",
    "CODEOWNERS",
    "CODE_OF_CONDUCT.md",
    "CONTRIBUTING.md",
    "LICENSE",
    "README.md",
    "SECURITY.md",
    "noxfile.py",
    "pyproject.toml",
]


def record(version: str = "0.1.0", **changes: Any) -> str:
    """The record a bake writes (indented like the template's), with some answers changed."""
    answers = {**ANSWERS, **changes}
    return json.dumps({"template": "oss-template", "version": version, "answers": answers}, indent=2)


def baked(**changes: Any) -> dict[str, str | bytes]:
    """A small tree with every managed file, agreeing with the recorded answers."""
    files: dict[str, str | bytes] = dict.fromkeys(MANAGED, "x\n")
    files["pyproject.toml"] = '[project]\nname = "demand-forecasting"\nlicense = "MIT"\n'
    files["src/demand_forecasting/__init__.py"] = ""
    files[RECORD] = record(**changes)
    return files


def where(findings: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in findings]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# -- OSS701 template-record -------------------------------------------------------------------


def test_baked_repository_with_a_faithful_record_passes(make_repo: MakeRepo, check: Check) -> None:
    assert check(make_repo(baked()), "OSS701", "OSS702", "OSS703", "OSS704") == []


def test_repository_not_from_the_template_is_not_checked(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"pyproject.toml": '[project]\nname = "x"\n[tool.oss-checks]\n'})
    assert check(root, "OSS701", "OSS702", "OSS704") == []


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        # Python 3.13 reports a trailing comma on its own line (3), older Pythons on the next (4).
        (
            '{\n  "template": "oss-template",\n  "version": "0.1.0",\n}\n',
            3 if sys.version_info >= (3, 13) else 4,
            "not valid JSON",
        ),
        ("[1, 2]", 1, "not a JSON object"),
        ('{\n  "template": "oss-template",\n  "answers": {}\n}\n', 1, "no version"),
        ('{\n  "template": "oss-template",\n  "version": "0.1.0",\n  "answers": []\n}\n', 4, "no answers"),
        ('{"template": "", "version": "0.1.0", "answers": {}}', 1, "no template"),
        (b"\xff\xfe\x00\x00", 0, "not UTF-8"),
    ],
)
def test_invalid_record_is_reported(
    make_repo: MakeRepo, check: Check, text: str | bytes, line: int, message: str
) -> None:
    files = baked()
    files[RECORD] = text
    findings = check(make_repo(files), "OSS701")
    assert where(findings)[0] == ("OSS701", RECORD, line)
    assert message in findings[0].message
    assert check(make_repo(files), "OSS702", "OSS704") == []


@pytest.mark.parametrize(
    ("changes", "key", "message"),
    [
        ({"package_name": "demand"}, "package_name", "no src/demand/ package"),
        ({"project_slug": "churn", "project_name": "Churn"}, "project_slug", "names the project"),
        ({"license": "Apache-2.0"}, "license", "declares 'MIT'"),
        ({"ci": "jenkins"}, "ci", "not one of github, gitlab, none"),
    ],
)
def test_hand_edited_answers_are_reported_at_their_line(
    make_repo: MakeRepo, check: Check, changes: dict[str, str], key: str, message: str
) -> None:
    files = baked(**changes)
    findings = check(make_repo(files), "OSS701")
    assert where(findings) == [("OSS701", RECORD, line_of(str(files[RECORD]), f'"{key}"'))]
    assert message in findings[0].message


def test_missing_answer_is_reported(make_repo: MakeRepo, check: Check) -> None:
    files = baked()
    data = json.loads(str(files[RECORD]))
    del data["answers"]["docs"]
    files[RECORD] = json.dumps(data, indent=2)
    findings = check(make_repo(files), "OSS701")
    assert where(findings) == [("OSS701", RECORD, 4)]
    assert "no docs" in findings[0].message


def test_proprietary_record_disagrees_only_with_an_open_licence(make_repo: MakeRepo, check: Check) -> None:
    files = baked(license="Proprietary", visibility="internal")
    files["pyproject.toml"] = '[project]\nname = "demand-forecasting"\nlicense = "LicenseRef-Proprietary"\n'
    assert check(make_repo(files), "OSS701") == []


def test_deleted_record_of_a_cruft_project_is_reported(make_repo: MakeRepo, check: Check) -> None:
    files = baked()
    del files[RECORD]
    files[".cruft.json"] = '{"template": "https://github.com/org/oss-template", "commit": "abc"}'
    findings = check(make_repo(files), "OSS701")
    assert where(findings) == [("OSS701", RECORD, 0)]
    assert "missing" in findings[0].message


# -- OSS702 template-behind -------------------------------------------------------------------


def test_up_to_date_project_passes(make_repo: MakeRepo, check: Check) -> None:
    assert check(make_repo(baked()), "OSS702") == []


@pytest.mark.usefixtures("four_releases")
@pytest.mark.parametrize(
    ("version", "today", "expected"),
    [
        ("0.1.0", date(2027, 6, 2), "3 releases behind 0.4.0 (143 days since 0.2.0 came out)"),
        ("0.3.0", date(2027, 12, 1), "1 release behind 0.4.0 (183 days since 0.4.0 came out)"),
        ("0.2.0", date(2027, 6, 2), None),
        ("0.3.0", date(2027, 6, 10), None),
    ],
)
def test_project_far_behind_is_told_how_far(
    make_repo: MakeRepo,
    check: Check,
    monkeypatch: pytest.MonkeyPatch,
    version: str,
    today: date,
    expected: str | None,
) -> None:
    monkeypatch.setattr(drift, "today", lambda: today)
    files = baked()
    files[RECORD] = record(version)
    findings = check(make_repo(files), "OSS702")
    if expected is None:
        assert findings == []
        return
    assert where(findings) == [("OSS702", RECORD, 3)]
    assert expected in findings[0].message
    assert "`oss-checks update`" in findings[0].message


@pytest.mark.usefixtures("four_releases")
def test_a_project_copier_baked_is_told_to_update_with_copier(
    make_repo: MakeRepo, check: Check, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drift, "today", lambda: date(2027, 6, 2))
    files = baked()
    files[RECORD] = record("0.1.0")
    files[".copier-answers.yml"] = "_commit: v0.1.0\n_src_path: gh:acme/oss-template\n"
    (finding,) = check(make_repo(files), "OSS702")
    assert finding.message.endswith("run `copier update --trust`")


@pytest.mark.usefixtures("four_releases")
def test_limits_are_options(make_repo: MakeRepo, check: Check, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drift, "today", lambda: date(2027, 6, 2))
    files = baked()
    files[RECORD] = record("0.3.0")
    files["pyproject.toml"] = (
        '[project]\nname = "demand-forecasting"\nlicense = "MIT"\n'
        "[tool.oss-checks.options.template-behind]\nmax-releases-behind = 0\n"
    )
    findings = check(make_repo(files), "OSS702")
    assert "1 release behind" in findings[0].message


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("0.0.7", "was never released"),
        ("main", "was never released"),
        ("99.0.0", "newer than this oss-checks"),
    ],
)
def test_unknown_version_is_reported(make_repo: MakeRepo, check: Check, version: str, message: str) -> None:
    files = baked()
    files[RECORD] = record(version)
    findings = check(make_repo(files), "OSS702")
    assert where(findings) == [("OSS702", RECORD, 3)]
    assert message in findings[0].message


# -- OSS703 update-residue --------------------------------------------------------------------

# Built from pieces, so that this file itself has no conflict markers for OSS703 to find.
OURS, BASE, THEIRS, END = "<" * 7, "|" * 7, "=" * 7, ">" * 7
CONFLICT = f"""\
import os
{OURS} HEAD
PYTHON = "3.11"
{BASE} base
PYTHON = "3.10"
{THEIRS}
PYTHON = "3.12"
{END} template
"""


def test_clean_repository_passes(make_repo: MakeRepo, check: Check) -> None:
    files = {
        "README.md": "Title\n=======\n\n```text\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b\n```\n",
        "docs/index.rst": "Usage\n=======\n\n>>>>>>> deep quote\n",
        "data/blob.bin": b"\x00<<<<<<< HEAD\n=======\n",
        # A chapter that teaches conflict resolution shows one in a fence (R Markdown, Quarto).
        "git-branches.Rmd": "# Branches\n\n```html\n<<<<<<< HEAD:index.html\n<p>a</p>\n=======\n<p>b</p>\n>>>>>>> x\n```\n",
        "merging.qmd": "---\ntitle: x\n---\n\n```\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b\n```\n",
    }
    assert check(make_repo(files), "OSS703") == []
    # Outside a fence, the markers in such a document are a conflict left in it.
    left = "# Branches\n\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b\n"
    assert [f.path for f in check(make_repo({"git-branches.Rmd": left}), "OSS703")] == ["git-branches.Rmd"]
    # A chunk that knitr or Quarto runs is the document's code: a conflict there is one.
    chunk = "# Report\n\n```{r}\n<<<<<<< HEAD\nx <- 1\n=======\nx <- 2\n>>>>>>> feature\n```\n"
    assert [(f.path, f.line) for f in check(make_repo({"report.Rmd": chunk}), "OSS703")] == [
        ("report.Rmd", 4)
    ]
    captioned = chunk.replace("```{r}", '```{r fit, fig.cap="$\\beta_{1}$"}')
    assert [f.line for f in check(make_repo({"report.Rmd": captioned}), "OSS703")] == [4]


def test_copies_a_merge_or_mergetool_left_beside_a_file_are_residue(
    make_repo: MakeRepo, check: Check
) -> None:
    files = {
        "man/extract.Rd": "% docs\n",
        # Git's copy of a side it could not merge in place, in folders for a branch with slashes.
        "man/extract.Rd~refs/remotes/origin/main": "% their docs\n",
        "R/clean.R~HEAD": "clean <- function(x) x\n",
        # What `git mergetool` keeps beside the file when its backups are not turned off.
        "R/clean.R": "clean <- function(x) x\n",
        "R/clean_BACKUP_4242.R": "clean <- function(x) x\n",
        "R/clean_REMOTE_4242.R": "clean <- function(x) x\n",
        # An editor's backup, an Office lock file, a dated copy and a name with a tilde are no
        # merge's; nor is data named for its base year or a model named for its run.
        "notes.txt~": "draft\n",
        "notes.md": "# Notes\n",
        "notes.md~2024-05-01": "# Notes\n",
        "docs/~$report.docx": b"lock",
        "data/run~2/summary.csv": "a\n1\n",
        "R/BASE_rates.R": "rates <- 1\n",
        "data/cpi_BASE_2015.csv": "a\n1\n",
        "R/model_REMOTE_1.R": "m <- 1\n",
    }
    found = {f.path: f.message for f in check(make_repo(files), "OSS703")}
    assert sorted(found) == [
        "R/clean.R~HEAD",
        "R/clean_BACKUP_4242.R",
        "R/clean_REMOTE_4242.R",
        "man/extract.Rd~refs/remotes/origin/main",
    ]
    assert found["man/extract.Rd~refs/remotes/origin/main"].endswith(
        "beside man/extract.Rd when it could not merge in place: keep in man/extract.Rd what belongs there, "
        "then delete it"
    )
    assert found["R/clean_BACKUP_4242.R"].startswith(
        "R/clean_BACKUP_4242.R is a copy of R/clean.R that `git mergetool` kept while resolving a conflict"
    )


def test_a_conflict_is_reported_once_with_the_lines_it_spans(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo({"noxfile.py": CONFLICT}), "OSS703")
    assert where(findings) == [("OSS703", "noxfile.py", 2)]
    assert "merge conflict markers (lines 2 to 8)" in findings[0].message


def test_a_conflict_nested_inside_another_is_part_of_it(make_repo: MakeRepo, check: Check) -> None:
    # A merge of a file that still had a conflict writes the old one between the new markers.
    nested = f"{OURS} HEAD\nouter ours\n{OURS} HEAD\ninner ours\n{THEIRS}\ninner theirs\n{END} a\n"
    text = f"x = 1\n{nested}{THEIRS}\nouter theirs\n{END} b\ny = 2\n{OURS} HEAD\nlast\n{THEIRS}\n"
    findings = check(make_repo({"analysis.py": text}), "OSS703")
    assert where(findings) == [("OSS703", "analysis.py", 2), ("OSS703", "analysis.py", 13)]
    assert "(lines 2 to 11, with 1 more inside)" in findings[0].message
    assert "line 13) that is never closed" in findings[1].message


def test_conflicts_inside_notebook_cells_are_reported_at_their_cell(
    make_repo: MakeRepo, check: Check
) -> None:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "=======\n"]},
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": [
                "import pandas\n",
                f"{OURS} local\n",
                "x = 1\n",
                f"{THEIRS}\n",
                "x = 2\n",
                f"{END} remote\n",
            ],
        },
    ]
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    findings = check(make_repo({"notebooks/explore.ipynb": json.dumps(notebook, indent=1)}), "OSS703")
    assert [(f.path, f.cell, f.line) for f in findings] == [("notebooks/explore.ipynb", 2, 2)]
    assert "(cell 2, lines 2 to 6)" in findings[0].message


def test_markdown_conflict_outside_code_blocks_is_reported(make_repo: MakeRepo, check: Check) -> None:
    text = "# Title\n\n```\ncode\n```\n<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> main\n"
    findings = check(make_repo({"README.md": text}), "OSS703")
    assert [f.line for f in findings] == [6]


def test_rejected_and_backup_files_are_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"noxfile.py.rej": "@@ -1 +1 @@\n", "README.md.orig": "# old\n", "README.md": "# x\n"})
    findings = check(root, "OSS703")
    assert where(findings) == [("OSS703", "README.md.orig", 0), ("OSS703", "noxfile.py.rej", 0)]
    assert "rejected" in findings[1].message


def test_unmerged_files_are_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"ci.txt": "python 3.11\n"}, commit=True)
    git(root, "checkout", "-q", "-b", "update")
    (root / "ci.txt").write_text("python 3.12\n")
    git(root, "commit", "-qam", "template")
    git(root, "checkout", "-q", "main")
    (root / "ci.txt").write_text("python 3.13\n")
    git(root, "commit", "-qam", "ours")
    with pytest.raises(Exception, match="exit status 1"):
        git(root, "merge", "-q", "update")
    findings = check(root, "OSS703")
    assert ("OSS703", "ci.txt", 0) in where(findings)
    assert any("unmerged" in f.message for f in findings)
    assert [f.line for f in findings if f.line] == [1]


def test_folder_that_is_not_a_git_repository(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"a.py": CONFLICT, "b.orig": ""}, git_init=False)
    assert [f.path for f in check(root, "OSS703")] == ["a.py", "b.orig"]


# -- OSS704 managed-files ---------------------------------------------------------------------


def test_deleted_managed_file_is_reported_with_how_to_restore(make_repo: MakeRepo, check: Check) -> None:
    files = baked()
    del files["CITATION.cff"], files["noxfile.py"]
    findings = check(make_repo(files), "OSS704")
    assert where(findings) == [("OSS704", "CITATION.cff", 0), ("OSS704", "noxfile.py", 0)]
    assert "oss-checks check --fix --select OSS704" in findings[0].message
    assert "per-path-ignores" in findings[0].message


@pytest.mark.parametrize(
    ("changes", "ci_file"),
    [
        ({"ci": "none"}, None),
        ({"ci": "gitlab", "git_host": "gitlab.com"}, ".gitlab-ci.yml"),
        ({"ci": "github"}, ".github/workflows/ci.yml"),
    ],
)
def test_the_ci_file_follows_the_answers(
    make_repo: MakeRepo, check: Check, changes: dict[str, str], ci_file: str | None
) -> None:
    files = baked(**changes)
    del files[".github/workflows/ci.yml"]
    expected = [] if ci_file is None else [("OSS704", ci_file, 0)]
    assert where(check(make_repo(files), "OSS704")) == expected


def test_removal_with_a_reason_is_respected(make_repo: MakeRepo, check: Check) -> None:
    files = baked()
    del files["CITATION.cff"]
    files["pyproject.toml"] = (
        '[project]\nname = "demand-forecasting"\nlicense = "MIT"\n'
        '[tool.oss-checks.per-path-ignores]\n"CITATION.cff" = { OSS704 = "nobody cites a dashboard" }\n'
    )
    assert check(make_repo(files), "OSS704") == []


def test_license_file_in_another_case_counts(make_repo: MakeRepo, check: Check) -> None:
    files = baked()
    files["license"] = files.pop("LICENSE")
    assert check(make_repo(files), "OSS704") == []


@pytest.fixture
def rendered_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def fake_render(root: Path, answers: dict[str, str], relative: str) -> str | None:
        calls.append(relative)
        return f"rendered {relative} for {answers['project_name']}\n"

    monkeypatch.setattr(render, "render_file", fake_render)
    return calls


def _missing_citation(make_repo: MakeRepo, check: Check) -> tuple[Path, Finding]:
    files = baked()
    del files["CITATION.cff"]
    root = make_repo(files)
    [finding] = check(root, "OSS704")
    return root, finding


def test_fix_creates_the_missing_file_once(
    make_repo: MakeRepo, check: Check, rendered_calls: list[str]
) -> None:
    root, finding = _missing_citation(make_repo, check)
    rule = drift.OSS704()
    assert rule.fix(Repo(root), finding) is True
    assert (root / "CITATION.cff").read_text() == "rendered CITATION.cff for Demand Forecasting\n"
    assert rule.fix(Repo(root), finding) is False
    assert rendered_calls == ["CITATION.cff"]
    assert check(root, "OSS704") == []


def test_fix_never_overwrites(make_repo: MakeRepo, check: Check, monkeypatch: pytest.MonkeyPatch) -> None:
    root, finding = _missing_citation(make_repo, check)

    def user_writes_while_rendering(template_root: Path, answers: object, relative: str) -> str:
        (root / relative).write_text("the team's own\n")
        return "rendered\n"

    monkeypatch.setattr(render, "render_file", user_writes_while_rendering)
    assert drift.OSS704().fix(Repo(root), finding) is False
    assert (root / "CITATION.cff").read_text() == "the team's own\n"
    assert drift.OSS704().fix(Repo(root), finding) is False


def test_fix_touches_only_managed_files(make_repo: MakeRepo, rendered_calls: list[str]) -> None:
    root = make_repo(baked())
    stray = Finding("../outside.txt", 0, 0, "OSS704", "x")
    assert drift.OSS704().fix(Repo(root), stray) is False
    assert rendered_calls == []
    assert not (root.parent / "outside.txt").exists()


def test_fix_without_a_renderable_template_writes_nothing(
    make_repo: MakeRepo, check: Check, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, finding = _missing_citation(make_repo, check)

    def broken(root: Path, answers: object, relative: str) -> str | None:
        raise TemplateError("rendering the template needs cookiecutter")

    monkeypatch.setattr(render, "render_file", broken)
    assert drift.OSS704().fix(Repo(root), finding) is False
    monkeypatch.setattr(render, "render_file", lambda root, answers, relative: None)
    assert drift.OSS704().fix(Repo(root), finding) is False
    assert not (root / "CITATION.cff").exists()


@pytest.mark.slow
def test_fix_renders_the_real_template(make_repo: MakeRepo, check: Check) -> None:
    try:
        shipped = template.template_root() / "{{cookiecutter.project_slug}}" / "CITATION.cff"
    except TemplateError:
        pytest.skip("the template is not installed with this oss-checks")
    if not shipped.is_file():
        pytest.skip("the template does not ship CITATION.cff yet")
    root, finding = _missing_citation(make_repo, check)
    assert drift.OSS704().fix(Repo(root), finding) is True
    text = (root / "CITATION.cff").read_text(encoding="utf-8")
    assert "Demand Forecasting" in text
    assert "{{" not in text
    assert check(root, "OSS704") == []


def test_an_unfinished_update_in_the_record_is_residue(make_repo: MakeRepo, check: Check) -> None:
    files = baked()
    document = json.loads(str(files[RECORD]))
    document["pending_update"] = {"version": "0.2.0", "answers": ANSWERS, "conflicts": ["README.md"]}
    files[RECORD] = json.dumps(document)
    findings = check(make_repo(files), "OSS703")
    assert where(findings) == [("OSS703", RECORD, 0)]
    assert "run `oss-checks update` again" in findings[0].message


def test_a_deleted_managed_file_is_reported_once(make_repo: MakeRepo, run_checks: Run) -> None:
    files = baked()
    del files["CONTRIBUTING.md"]
    root = make_repo(files)
    result = run_checks(root, "OSS103", "OSS704")
    assert [(f.code, f.path) for f in result.findings] == [("OSS704", "CONTRIBUTING.md")]
