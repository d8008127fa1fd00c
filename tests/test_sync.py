"""Planning and applying an update path by path, and comparing in the checkout's line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_tree
from drifting import NEW, OLD
from oss_checks import sync

pytestmark = pytest.mark.usefixtures("private_home")


def test_line_endings_follow_the_repository_file() -> None:
    assert sync.line_endings_like(b"a\r\nb\r\n", b"x\ny\n") == b"x\r\ny\r\n"
    assert sync.line_endings_like(b"a\nb\n", b"x\ny\n") == b"x\ny\n"
    assert sync.line_endings_like(None, b"x\n") == b"x\n"
    assert sync.line_endings_like(b"a\r\n", b"\0binary\n") == b"\0binary\n"


# -- planning, path by path (no rendering) ----------------------------------------------------------
@pytest.fixture
def trees(tmp_path: Path) -> tuple[Path, Path, Path]:
    base, new, repo = tmp_path / "base", tmp_path / "new", tmp_path / "repo"
    for folder in (base, new, repo):
        folder.mkdir()
    return base, new, repo


def plan(trees: tuple[Path, Path, Path]) -> dict[str, sync.Change]:
    base, new, repo = trees
    return {change.path: change for change in sync.plan_update(repo, base, new, "pkg", (OLD, NEW))}


def test_plan_covers_each_case(trees: tuple[Path, Path, Path]) -> None:
    base, new, repo = trees
    lines = "".join(f"line {n}\n" for n in range(1, 20))
    write_tree(
        base,
        {
            "same.txt": "template never changed it\n",
            "edited.txt": lines,
            "collides.txt": lines,
            "binary.bin": b"\0old",
            "binary-untouched.bin": b"\0old",
            "dropped.txt": "old\n",
            "dropped-changed.txt": "old\n",
            "deleted-here.txt": "old\n",
            "docs/index.md": "old\n",
            "linked.txt": "old\n",
        },
    )
    write_tree(
        new,
        {
            "same.txt": "template never changed it\n",
            "edited.txt": lines.replace("line 18\n", "line 18 (template)\n"),
            "collides.txt": lines.replace("line 2\n", "line 2 (template)\n"),
            "binary.bin": b"\0new",
            "binary-untouched.bin": b"\0new",
            "deleted-here.txt": "new\n",
            "docs/index.md": "new\n",
            "docs/guide.md": "new page\n",
            "added.txt": "new\n",
            "added-here-too.txt": "template's\n",
            "linked.txt": "new\n",
        },
    )
    write_tree(
        repo,
        {
            "same.txt": "the team's version\n",
            "edited.txt": lines.replace("line 1\n", "line 1 (ours)\n"),
            "collides.txt": lines.replace("line 2\n", "line 2 (ours)\n"),
            "binary.bin": b"\0ours",
            "binary-untouched.bin": b"\0old",
            "dropped.txt": "old\n",
            "dropped-changed.txt": "ours\n",
            "docs/index.md": "our docs\n",
            "docs/guide.md": "our own guide\n",
            "added-here-too.txt": "ours\n",
            "elsewhere.txt": "old\n",
        },
    )
    (repo / "linked.txt").symlink_to(repo / "elsewhere.txt")
    changes = plan(trees)
    assert {path: change.action for path, change in changes.items()} == {
        "edited.txt": "merged",
        "collides.txt": "conflict",
        "binary.bin": "kept",
        "binary-untouched.bin": "updated",
        "dropped.txt": "removed",
        "dropped-changed.txt": "kept",
        "deleted-here.txt": "kept",
        "docs/index.md": "kept",
        "docs/guide.md": "kept",
        "added.txt": "added",
        "added-here-too.txt": "conflict",
        "linked.txt": "kept",
    }
    assert (
        changes["edited.txt"].content
        == lines.replace("line 1\n", "line 1 (ours)\n").replace("line 18\n", "line 18 (template)\n").encode()
    )
    assert b"<<<<<<< yours\nline 2 (ours)\n=======\nline 2 (template)\n>>>>>>> oss-template" in (
        changes["collides.txt"].content or b""
    )
    assert "binary" in changes["binary.bin"].note
    assert "deleted here on purpose" in changes["deleted-here.txt"].note
    assert "starter" in changes["docs/index.md"].note
    assert "symlink" in changes["linked.txt"].note

    sync.apply(repo, list(changes.values()))
    assert not (repo / "dropped.txt").exists()
    assert (repo / "added.txt").read_text(encoding="utf-8") == "new\n"
    assert (repo / "binary.bin").read_bytes() == b"\0ours"
    assert (repo / "elsewhere.txt").read_text(encoding="utf-8") == "old\n"  # never written through a link
    assert (repo / "same.txt").read_text(encoding="utf-8") == "the team's version\n"


def test_removing_the_last_file_of_a_folder_removes_the_folder(trees: tuple[Path, Path, Path]) -> None:
    base, _new, repo = trees
    write_tree(base, {"old/only.txt": "x\n"})
    write_tree(repo, {"old/only.txt": "x\n", "kept.txt": "y\n"})
    sync.apply(repo, list(plan(trees).values()))
    assert sorted(p.name for p in repo.iterdir()) == ["kept.txt"]
