"""The repository view: listing, safe reading, notebook parsing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import MakeRepo
from oss_checks.context import MAX_READ_BYTES, Repo
from oss_checks.errors import RepoError


def test_listing_includes_untracked_but_not_ignored(make_repo: MakeRepo) -> None:
    root = make_repo({".gitignore": "secret.txt\n", "a.py": "x = 1\n"})
    (root / "new.py").write_text("y = 2\n")
    (root / "secret.txt").write_text("hidden\n")
    repo = Repo(root)
    assert repo.paths == [".gitignore", "a.py", "new.py"]
    assert {f.path: f.tracked for f in repo.files} == {".gitignore": True, "a.py": True, "new.py": False}


def test_deleted_tracked_file_is_not_listed(make_repo: MakeRepo) -> None:
    root = make_repo({"a.py": "", "b.py": ""}, commit=True)
    (root / "b.py").unlink()
    assert Repo(root).paths == ["a.py"]


def test_plain_folder_is_walked_without_tool_caches(tmp_path: Path) -> None:
    (tmp_path / ".venv" / "lib").mkdir(parents=True)
    (tmp_path / ".venv" / "lib" / "x.py").write_text("")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text("")
    repo = Repo(tmp_path)
    assert not repo.is_git
    assert repo.paths == ["pkg/m.py"]


def test_not_a_folder_is_a_repo_error(tmp_path: Path) -> None:
    with pytest.raises(RepoError, match="is not a folder"):
        Repo(tmp_path / "missing")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"hello\n", "hello\n"),
        (b"\xef\xbb\xbfbom\n", "bom\n"),
        (b"\x00\x01binary", None),
        (b"caf\xe9", None),  # Latin-1, not UTF-8
        (b"", ""),
    ],
)
def test_read_text_never_raises(tmp_path: Path, content: bytes, expected: str | None) -> None:
    (tmp_path / "f").write_bytes(content)
    assert Repo(tmp_path).read_text("f") == expected


def test_oversized_file_is_not_read(tmp_path: Path) -> None:
    with open(tmp_path / "big.csv", "wb") as handle:
        handle.truncate(MAX_READ_BYTES + 1)
    repo = Repo(tmp_path)
    assert repo.read_text("big.csv") is None
    assert repo.size("big.csv") == MAX_READ_BYTES + 1


def test_symlinks_including_loops_read_as_none(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text("text")
    os.symlink("real.md", tmp_path / "link.md")
    os.symlink("loop", tmp_path / "loop")
    repo = Repo(tmp_path)
    assert repo.read_text("link.md") is None
    assert repo.read_text("loop") is None
    assert repo.is_symlink("loop")


def test_unreadable_file_reads_as_none(tmp_path: Path) -> None:
    target = tmp_path / "locked.txt"
    target.write_text("x")
    target.chmod(0)
    try:
        if os.access(target, os.R_OK):
            pytest.skip("running as a user who can read anything (root)")
        assert Repo(tmp_path).read_text("locked.txt") is None
    finally:
        target.chmod(0o644)


def test_invalid_pyproject_keeps_its_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\nname = 1\n")
    repo = Repo(tmp_path)
    assert repo.pyproject is None
    assert repo.pyproject_error is not None
    assert "line 1" in repo.pyproject_error


def test_package_dirs_finds_src_and_source_roots(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            "src/alpha/__init__.py": "",
            "checks/beta/__init__.py": "",
            "flat/__init__.py": "",
            "tests/__init__.py": "",
            "tests/unit/__init__.py": "",
        }
    )
    assert Repo(root).package_dirs == ["checks/beta", "flat", "src/alpha"]


def test_contains_uses_the_text_cache_or_the_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("<<<<<<< HEAD\n")
    (tmp_path / "b.bin").write_bytes(b"\0<<<<<<<")
    repo = Repo(tmp_path)
    assert repo.contains("b.bin", "<<<<<<<")  # binary: searched as bytes
    assert repo.read_text("a.md") is not None
    (tmp_path / "a.md").write_text("changed\n")  # the cached text is what the run saw
    assert repo.contains("a.md", "<<<<<<<")
    assert not repo.contains("missing", "x")
