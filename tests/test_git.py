"""The one git runner: a repository's own configuration can never make it run a program."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MakeRepo, git
from oss_checks import git as oss_git
from oss_checks.context import Repo
from oss_checks.engine import check


def trap(root: Path, name: str) -> tuple[Path, str]:
    """A program that leaves a marker file when it runs, and the marker's path."""
    marker = root.parent / f"{root.name}-{name}-ran"
    script = root.parent / f"{root.name}-{name}.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\ncat\n", encoding="utf-8")
    script.chmod(0o755)
    return marker, str(script)


@pytest.mark.parametrize(
    ("setting", "attributes"),
    [
        ("core.fsmonitor", None),
        ("filter.evil.clean", "* filter=evil\n"),
        ("filter.evil.process", "* filter=evil\n"),
        ("diff.external", None),
        ("diff.evil.textconv", "* diff=evil\n"),
    ],
)
def test_no_setting_of_the_repository_runs_a_program(
    make_repo: MakeRepo, setting: str, attributes: str | None
) -> None:
    files = {"a.py": "x = 1\n", ".oss-template.json": "{}"}
    if attributes:
        files[".gitattributes"] = attributes
    root = make_repo(files, commit=True)
    marker, program = trap(root, setting.replace(".", "-"))
    git(root, "config", setting, program)
    if setting.startswith("filter."):
        git(root, "config", setting.rsplit(".", 1)[0] + ".required", "true")
    # Make every file look modified, so status and diff would have to read it through the filter.
    (root / "a.py").write_text("x = 2\n", encoding="utf-8")
    for command in (("status", "--porcelain"), ("diff", "--name-only", "HEAD", "--"), ("ls-files", "-z")):
        oss_git.run_git(root, *command)
    check(root, select=["ALL"])
    assert not marker.exists()


def test_names_with_carriage_returns_and_invalid_utf8_are_listed(make_repo: MakeRepo) -> None:
    root = make_repo({"plain.py": ""})
    (root / "odd\rname.ipynb").write_text("{}", encoding="utf-8")
    (root / b"caf\xe9.csv".decode("utf-8", "surrogateescape")).write_text("a\n", encoding="utf-8")
    paths = Repo(root).paths
    assert "odd\rname.ipynb" in paths
    assert b"caf\xe9.csv".decode("utf-8", "surrogateescape") in paths


def test_a_work_tree_elsewhere_is_not_believed(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo({"a.py": ""})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    git(root, "config", "core.worktree", str(elsewhere))
    assert oss_git.top_level(root) is None


def test_a_path_that_starts_with_a_dash_is_a_path(make_repo: MakeRepo) -> None:
    root = make_repo({".gitignore": "-n\n", "a.py": ""})
    assert Repo(root).is_ignored("-n") is True
    assert Repo(root).is_ignored("-v") is False


def test_nul_separated_output_keeps_every_name() -> None:
    assert oss_git.nul_separated(b"a\0b\rc\0\xff\0") == ["a", "b\rc", "\udcff"]
    assert oss_git.nul_separated(None) == []


def test_a_git_call_past_its_timeout_is_stopped_and_counts_as_failed(make_repo: MakeRepo) -> None:
    root = make_repo({"a.py": "x = 1\n"}, commit=True)
    assert oss_git.run_git(root, "log", "--format=%an", timeout=1e-6) is None
    assert oss_git.run_git(root, "log", "--format=%an", timeout=30) == b"Test\n"


def test_a_long_input_and_a_long_output_pass_through_together(make_repo: MakeRepo) -> None:
    """git answers each path as it reads it: neither side may wait for the other to finish."""
    root = make_repo({".gitignore": "*.log\n"})
    paths = "".join(f"folder{n}/file{n}.log\n" for n in range(30_000)).encode()
    output = oss_git.run_git(
        root, "check-ignore", "--stdin", "--no-index", "-v", "-n", stdin=paths, ok=(0, 1)
    )
    assert output is not None
    assert output.count(b"\n") == 30_000
    assert output.endswith(b".gitignore:1:*.log\tfolder29999/file29999.log\n")


def test_a_missing_git_counts_as_failed(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo({"a.py": "x = 1\n"})
    monkeypatch.setenv("PATH", str(root))
    assert oss_git.run_git(root, "status") is None


def test_the_same_call_says_whether_head_names_a_commit(make_repo: MakeRepo, tmp_path: Path) -> None:
    fresh = make_repo({"a.py": "x = 1\n"})
    assert oss_git.has_commit(fresh) is False
    assert Repo(fresh).has_commit is False
    committed = make_repo({"a.py": "x = 1\n"}, commit=True)
    assert oss_git.has_commit(committed) is True
    assert oss_git.top_level(committed) == committed.resolve()  # the commit's name is not part of it
    outside = tmp_path / "plain"
    outside.mkdir()
    assert Repo(outside).has_commit is None


def test_one_call_says_the_work_tree_and_whether_its_history_is_shallow(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    origin = make_repo({"a.py": "x = 1\n"}, commit=True)
    (origin / "sub").mkdir()
    assert oss_git.top_level(origin / "sub") == origin.resolve()
    assert oss_git.is_shallow(origin) is False
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    assert Repo(clone).is_shallow is True
    outside = tmp_path / "plain"
    outside.mkdir()
    assert Repo(outside).is_shallow is None


def test_a_work_tree_whose_name_holds_line_feeds_is_still_found(make_repo: MakeRepo, tmp_path: Path) -> None:
    for name in ("nl\nrepo", "trailing\n"):
        root = tmp_path / name
        root.mkdir()
        git(root, "init", "-q")
        assert oss_git.top_level(root) == root.resolve()
        assert Repo(root).is_git
