"""Release readiness (OSS801, OSS802)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from conftest import Check, MakeRepo, Run, git
from oss_checks.config import Config
from oss_checks.registry import Finding, Scope
from oss_checks.rules import load_rules

CHANGELOG = """# Changelog

All notable changes to this project are listed here.

## [Unreleased]

### Added

- A weekly forecast per store.

## [0.1.0] - 2026-01-05

- First release.
"""

PYPROJECT = '[project]\nname = "forecast"\nversion = "0.1.0"\n'
CODE: dict[str, str | bytes] = {
    "CHANGELOG.md": CHANGELOG,
    "pyproject.toml": PYPROJECT,
    "src/forecast/__init__.py": "",
    "src/forecast/metrics.py": "def mape() -> float:\n    return 0.0\n",
    "tests/test_metrics.py": "def test_nothing() -> None:\n    assert True\n",
}


def where(findings: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in findings]


def test_rules_are_documented() -> None:
    for code in ("OSS801", "OSS802"):
        rule = load_rules()[code]
        for section in ("What it does", "Why is this bad?", "Example", "How to fix"):
            assert rule.section(section), f"{code} lacks ## {section}"


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


# -- OSS801 ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("CHANGELOG.md", CHANGELOG),
        ("CHANGELOG.md", "# Changelog\n\n## Unreleased\n\n- Nothing yet.\n"),
        ("CHANGELOG.md", "Changelog\n=========\n\nUnreleased changes\n------------------\n\n- A fix.\n"),
        ("CHANGES.rst", "Changes\n=======\n\nUnreleased\n----------\n\n- A fix.\n"),
        ("changelog.md", "# Changelog\n\n### [unreleased]: next\n"),
    ],
)
def test_unreleased_section_present(make_repo: MakeRepo, check: Check, path: str, text: str) -> None:
    assert check(make_repo({path: text}), "OSS801") == []


def test_unreleased_section_missing(make_repo: MakeRepo, check: Check) -> None:
    text = "# Changelog\n\n## [0.1.0] - 2026-01-05\n\n- First release, unreleased features aside.\n"
    findings = check(make_repo({"CHANGELOG.md": text}), "OSS801")
    assert where(findings) == [("OSS801", "CHANGELOG.md", 0)]
    assert findings[0].message == (
        "CHANGELOG.md has no Unreleased section: add '## [Unreleased]' above the newest release and "
        "list the changes made since then"
    )


def test_a_changelog_left_behind_by_the_releases_says_so(make_repo: MakeRepo, check: Check) -> None:
    # Keep a Changelog up to 1.4.5; the project went on tagging releases and wrote them elsewhere.
    text = "# Changelog\n\n## [1.4.5] - 2022-03-01\n\n- Fixes.\n\n## [1.4.4] - 2022-01-01\n\n- More.\n"
    root = make_repo({"CHANGELOG.md": text}, commit=True)
    for tag in ("v1.4.5", "v1.5.2", "v1.5.10rc1", "docs-v9.0"):
        git(root, "tag", tag)
    message = only(check(root, "OSS801")).message
    assert message.startswith(
        "CHANGELOG.md stops at 1.4.5, but the project has released up to v1.5.2 since: write the releases "
        "that are missing and '## [Unreleased]' above them"
    )
    # A changelog as new as the newest tag only lacks the Unreleased section.
    current = make_repo({"CHANGELOG.md": text}, commit=True)
    git(current, "tag", "1.4.5")
    assert only(check(current, "OSS801")).message.startswith("CHANGELOG.md has no Unreleased section")


def test_a_changelog_with_no_real_content_is_one_problem(make_repo: MakeRepo, check_unadopted: Check) -> None:
    # A template's stub, never written since: OSS106 says so, not OSS801 as well.
    stub = "=======\nHistory\n=======\n\n0.1.0 (2016-10-19)\n------------------\n\n* First release.\n"
    root = make_repo({"HISTORY.rst": stub}, commit=True)
    for tag in ("v0.1.0", "v5.0.0", "v6.0.0"):
        git(root, "tag", tag)
    assert [f.code for f in check_unadopted(root, "OSS106", "OSS801")] == ["OSS106"]


def test_a_changelog_in_any_format_left_two_releases_behind_says_so(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # Not Keep a Changelog, in a repository that did not adopt the conventions: its missing
    # Unreleased section is no concern, but stopping releases ago misleads every reader.
    text = "# Changes\n\n## Version 1.5.0 (2020-05-04)\n\n- A new logo and a faster loader.\n\n## Version 1.4.0 (2020-01-02)\n\n- x\n"
    root = make_repo({"CHANGELOG.md": text}, commit=True)
    for tag in ("v1.5.0", "v1.6.0", "1.6.0"):
        git(root, "tag", tag)
    assert check_unadopted(root, "OSS801") == []  # one release since (tagged twice): perhaps being written up
    git(root, "tag", "v1.7.6")
    message = only(check_unadopted(root, "OSS801")).message
    assert message.startswith("CHANGELOG.md stops at 1.5.0, but the project has released up to v1.7.6 since")


@pytest.mark.parametrize(
    "setup",
    [
        {"pyproject.toml": '[tool.towncrier]\ndirectory = "changelog.d"\n'},
        {"towncrier.toml": '[tool.towncrier]\nfilename = "CHANGELOG.md"\n'},
        {"pyproject.toml": '[tool.scriv]\nformat = "md"\n'},
    ],
)
def test_a_changelog_written_from_fragments_needs_no_unreleased_section(
    make_repo: MakeRepo, check: Check, setup: dict[str, str]
) -> None:
    text = "# Changelog\n\n## [0.1.0] - 2026-01-05\n\n- First release.\n"
    assert check(make_repo({"CHANGELOG.md": text, **setup}), "OSS801") == []


@pytest.mark.parametrize(
    "setup",
    [
        {},  # the changelog says a tool wrote it from the releases
        {"release-please-config.json": "{}\n"},
        {".releaserc.json": "{}\n"},
    ],
)
def test_a_changelog_a_tool_writes_at_release_time_needs_no_unreleased_section(
    make_repo: MakeRepo, check: Check, setup: dict[str, str]
) -> None:
    text = "# [0.27.0](https://github.com/o/r/releases/tag/0.27.0) - 2026-06-01\n\n- Faster sampling.\n"
    if not setup:
        text += "\n<!-- Generated by https://github.com/rhysd/changelog-from-release v3.9.1 -->\n"
    assert check(make_repo({"CHANGELOG.md": text, **setup}), "OSS801") == []


def test_releases_written_as_plain_lines_are_told_to_be_headings(make_repo: MakeRepo, check: Check) -> None:
    text = (
        "# Changelog\n\nAll notable changes, as in Keep a Changelog.\n\n[Unreleased]\n### Fixed\n- A bug.\n\n"
        "[3.0.0 - 2025-10-04]\n### Added\n- Samplers.\n\n## [2.1.3] - 2024-01-02\n### Fixed\n- Another.\n\n"
        "[2.1.3]: https://github.com/o/r/compare/v2.1.2...v2.1.3\n"
    )
    findings = check(make_repo({"CHANGELOG.md": text}), "OSS801")
    assert [(f.line, f.message) for f in findings] == [
        (
            5,
            (
                "CHANGELOG.md writes its releases as plain lines ('[Unreleased]' at line 5), which render "
                "as text: make each a heading, '## [Unreleased]'"
            ),
        )
    ]


def test_unreleased_inside_a_code_block_does_not_count(make_repo: MakeRepo, check: Check) -> None:
    text = "# Changelog\n\n```\n## [Unreleased]\n```\n\n## [0.1.0]\n"
    assert where(check(make_repo({"CHANGELOG.md": text}), "OSS801")) == [("OSS801", "CHANGELOG.md", 0)]


def test_rst_changelog_gets_an_rst_suggestion(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo({"CHANGELOG.rst": "Changes\n=======\n\n1.0\n---\n\n- Done.\n"}), "OSS801")
    assert where(findings) == [("OSS801", "CHANGELOG.rst", 0)]
    assert "'Unreleased\n----------'" in findings[0].message


@pytest.mark.parametrize("content", [None, "", b"\x00\x01binary", "\xff".encode("latin-1")])
def test_missing_empty_or_unreadable_changelog_is_left_to_oss106(
    make_repo: MakeRepo, run_checks: Run, content: str | bytes | None
) -> None:
    files: dict[str, str | bytes] = {"README.md": "# x\n"}
    if content is not None:
        files["CHANGELOG.md"] = content
    result = run_checks(make_repo(files), "OSS801")
    assert result.errors == []
    assert result.findings == []


def test_only_the_main_changelog_is_checked(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"CHANGELOG.md": CHANGELOG, "HISTORY.md": "# History\n\n## 0.0.1\n"})
    assert check(root, "OSS801") == []


def test_release_rules_are_repository_rules(make_repo: MakeRepo, check: Check) -> None:
    assert all(load_rules()[code].scope is Scope.REPO for code in ("OSS801", "OSS802"))
    root = make_repo({"CHANGELOG.md": "# Changelog\n\n## 1.0\n", "README.md": "# x\n"})
    assert check(root, "OSS801", files=["CHANGELOG.md"]) == []
    assert where(check(root, "OSS801")) == [("OSS801", "CHANGELOG.md", 0)]


# -- OSS802 ---------------------------------------------------------------------------------
def branch(make_repo: MakeRepo, files: Mapping[str, str | bytes] | None = None) -> Path:
    """A repository with ``files`` committed on main and a ``feature`` branch checked out."""
    root = make_repo(files or CODE, commit=True)
    git(root, "checkout", "-q", "-b", "feature")
    return root


def commit_all(root: Path, message: str = "change") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def test_changelog_updated_is_opt_in() -> None:
    assert load_rules()["OSS802"].opt_in
    assert "OSS802" not in Config().selected()
    assert "OSS802" in Config().selected(select=["OSS802"])


def test_committed_code_change_without_changelog(make_repo: MakeRepo, check: Check) -> None:
    root = branch(make_repo)
    (root / "src/forecast/metrics.py").write_text("def mape() -> float:\n    return 1.0\n", encoding="utf-8")
    commit_all(root)
    findings = check(root, "OSS802")
    assert where(findings) == [("OSS802", "CHANGELOG.md", 0)]
    assert findings[0].message == (
        "package code changed since main (src/forecast/metrics.py) but CHANGELOG.md did not: add a line "
        "under Unreleased saying what changed for users"
    )


def test_code_change_with_changelog_passes(make_repo: MakeRepo, check: Check) -> None:
    root = branch(make_repo)
    (root / "src/forecast/metrics.py").write_text("def mape() -> float:\n    return 1.0\n", encoding="utf-8")
    commit_all(root)
    (root / "CHANGELOG.md").write_text(CHANGELOG + "\n- Fixed: MAPE.\n", encoding="utf-8")
    assert check(root, "OSS802") == []  # an unstaged changelog edit counts
    commit_all(root)
    assert check(root, "OSS802") == []


def test_staged_and_untracked_code_count(make_repo: MakeRepo, check: Check) -> None:
    root = branch(make_repo)
    (root / "src/forecast/model.py").write_text("X = 1\n", encoding="utf-8")
    (root / "src/forecast/io.py").write_text("Y = 1\n", encoding="utf-8")
    git(root, "add", "src/forecast/model.py")
    findings = check(root, "OSS802")
    assert where(findings) == [("OSS802", "CHANGELOG.md", 0)]
    assert "(src/forecast/io.py and 1 more)" in findings[0].message


def test_changes_outside_the_package_pass(make_repo: MakeRepo, check: Check) -> None:
    root = branch(make_repo)
    (root / "tests/test_metrics.py").write_text("def test_more() -> None:\n    assert 1\n", encoding="utf-8")
    (root / "README.md").write_text("# Forecast\n", encoding="utf-8")
    commit_all(root)
    assert check(root, "OSS802") == []


def test_flat_layout_package_counts(make_repo: MakeRepo, check: Check) -> None:
    files = {"CHANGELOG.md": CHANGELOG, "forecast/__init__.py": "", "forecast/core.py": "A = 1\n"}
    root = branch(make_repo, files)
    (root / "forecast/core.py").write_text("A = 2\n", encoding="utf-8")
    assert where(check(root, "OSS802")) == [("OSS802", "CHANGELOG.md", 0)]


def test_origin_main_is_preferred_over_main(make_repo: MakeRepo, check: Check) -> None:
    root = branch(make_repo)
    (root / "src/forecast/metrics.py").write_text("def mape() -> float:\n    return 2.0\n", encoding="utf-8")
    commit_all(root, "code")
    # origin/main already holds the code change (e.g. merged elsewhere); local main does not.
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    assert check(root, "OSS802") == []


def test_configured_base(make_repo: MakeRepo, check: Check) -> None:
    root = branch(make_repo)
    git(root, "branch", "release")
    (root / "src/forecast/metrics.py").write_text("def mape() -> float:\n    return 3.0\n", encoding="utf-8")
    commit_all(root)
    pyproject = PYPROJECT + '\n[tool.oss-checks.options.changelog-updated]\nbase = "release"\n'
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    findings = check(root, "OSS802")
    assert where(findings) == [("OSS802", "CHANGELOG.md", 0)]
    assert "since release " in findings[0].message


def test_missing_changelog_is_named(make_repo: MakeRepo, check: Check) -> None:
    files = dict(CODE)
    del files["CHANGELOG.md"]
    root = branch(make_repo, files)
    (root / "src/forecast/new.py").write_text("Z = 0\n", encoding="utf-8")
    assert where(check(root, "OSS802")) == [("OSS802", "CHANGELOG.md", 0)]


@pytest.mark.parametrize("base", ["nope", "--output=/dev/null"])
def test_silent_without_git_or_base(make_repo: MakeRepo, check: Check, base: str) -> None:
    assert check(make_repo(CODE, git_init=False), "OSS802") == []
    uncommitted = make_repo(CODE)  # git, but no commit: there is no base to compare with
    assert check(uncommitted, "OSS802") == []
    root = branch(make_repo)
    pyproject = PYPROJECT + f'\n[tool.oss-checks.options.changelog-updated]\nbase = "{base}"\n'
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (root / "src/forecast/new.py").write_text("Z = 0\n", encoding="utf-8")
    assert check(root, "OSS802") == []


# -- OSS801 on real changelogs (precision-before.md) --------------------------------------------
@pytest.mark.parametrize(
    "pending",
    [
        "## 1.3.0 (unreleased)",
        "## [1.3.0.dev0]",
        "## 1.3.0-dev",
        "## Development version",
        "## Upcoming",
        "## 1.3.0 - TBD",
        "## Not yet released",
        "## [Towards v1.3.0]",
        "## Forthcoming",
    ],
)
def test_other_ways_to_say_unreleased(make_repo: MakeRepo, check: Check, pending: str) -> None:
    text = f"# Changelog\n\n{pending}\n\n- A fix.\n\n## [1.2.0] - 2026-03-01\n\n- First release.\n"
    assert check(make_repo({"CHANGELOG.md": text}), "OSS801") == []


@pytest.mark.parametrize(
    "heading",
    ["## [2.0.0rc1] - 2026-03-01", "### Development", "### Main changes"],
)
def test_what_does_not_say_unreleased(make_repo: MakeRepo, check: Check, heading: str) -> None:
    text = f"# Changelog\n\n## [2.0.0] - 2026-04-01\n\n{heading}\n\n- A change.\n"
    assert where(check(make_repo({"CHANGELOG.md": text}), "OSS801")) == [("OSS801", "CHANGELOG.md", 0)]


@pytest.mark.parametrize(
    "text",
    [
        # statsmodels: CHANGES.md points at the release notes in the docs.
        "Release Notes\n=============\n\nThe list of changes for each release is [here](https://x.test/release/).\n",
        # ageron: the changes between editions of a book.
        "# Changes in the third edition\n\n- Chapter 2 uses Keras 3.\n",
    ],
)
def test_a_changelog_without_release_headings_is_left_alone(
    make_repo: MakeRepo, check: Check, text: str
) -> None:
    assert check(make_repo({"CHANGES.md": text}), "OSS801") == []


def test_elsewhere_only_a_keep_a_changelog_file_is_checked(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    plain = "# History\n\n## 1.2.0 (2026-03-01)\n\n- First release, with the loader and the model.\n"
    assert check_unadopted(make_repo({"CHANGELOG.md": plain}), "OSS801") == []
    bracketed = "# Changelog\n\n## [1.2.0] - 2026-03-01\n\n- First release, with the loader and the model.\n"
    assert where(check_unadopted(make_repo({"CHANGELOG.md": bracketed}), "OSS801")) == [
        ("OSS801", "CHANGELOG.md", 0)
    ]
    said = "# Changelog\n\nThe format follows https://keepachangelog.com.\n\n## 1.2.0\n\n- First release, with the loader and the model.\n"
    assert where(check_unadopted(make_repo({"CHANGELOG.md": said}), "OSS801")) == [
        ("OSS801", "CHANGELOG.md", 0)
    ]


@pytest.mark.parametrize("notes", ["news/123.feature.md", "doc/whats_new/v0.2.rst", "changelog.d/fix.md"])
def test_release_notes_in_a_folder_count_as_a_changelog_update(
    make_repo: MakeRepo, check: Check, notes: str
) -> None:
    root = branch(make_repo)
    (root / "src/forecast/metrics.py").write_text("def mape() -> float:\n    return 4.0\n", encoding="utf-8")
    (root / notes).parent.mkdir(parents=True, exist_ok=True)
    (root / notes).write_text("Fixed: MAPE.\n", encoding="utf-8")
    commit_all(root)
    assert check(root, "OSS802") == []
