"""The repository view: listing, safe reading, notebook parsing."""

from __future__ import annotations

import os
import subprocess
import threading
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


def test_a_link_to_a_file_inside_reads_as_that_file(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Project\n")
    os.symlink("docs/index.md", tmp_path / "README.md")
    os.symlink("../README.md", tmp_path / "docs" / "readme.md")  # a chain, climbing back up
    repo = Repo(tmp_path)
    assert repo.read_text("README.md") == "# Project\n"
    assert repo.read_text("docs/readme.md") == "# Project\n"
    assert repo.link_target("docs/readme.md") == "docs/index.md"
    assert repo.contains("README.md", "Project")
    # What git stores for a link is its target's name: the size stays the link's own.
    assert repo.is_symlink("README.md")
    assert repo.size("README.md") == 0


def test_links_that_lead_out_of_the_repository_or_nowhere_read_as_none(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET\n")
    root = tmp_path / "repo"
    (root / "sub").mkdir(parents=True)
    (root / "real").mkdir()
    (root / "real" / "x.md").write_text("inside\n")
    links = {
        "absolute.md": str(outside / "secret.txt"),
        "escape.md": "../outside/secret.txt",
        "sub/escape.md": "../../outside/secret.txt",
        "dotdot.md": "real/../../outside/secret.txt",
        "outdir": str(outside),  # a folder link, then a link through it
        "through.md": "outdir/secret.txt",
        "back.md": "outdir/../repo/real/x.md",  # '..' after a symlinked folder is not lexical
        "hop.md": "escape.md",  # a chain whose last hop escapes
        "loop": "loop",
        "ping.md": "pong.md",
        "pong.md": "ping.md",
        "dangling.md": "nothing.md",
        "folder.md": "real",
        "dot.md": ".",
        "zero": "/dev/zero",
    }
    for name, target in links.items():
        os.symlink(target, root / name)
    os.mkfifo(root / "pipe")
    os.symlink("pipe", root / "pipe.md")
    repo = Repo(root)
    for name in [*links, "pipe.md"]:
        assert repo.read_text(name) is None, name
        assert repo.read_bytes(name) is None, name
        assert repo.link_target(name) is None, name
        assert not repo.contains(name, "SECRET"), name


def test_a_long_chain_of_links_stops(tmp_path: Path) -> None:
    (tmp_path / "end.md").write_text("end\n")
    os.symlink("end.md", tmp_path / "l0")
    for hop in range(1, 60):
        os.symlink(f"l{hop - 1}", tmp_path / f"l{hop}")
    repo = Repo(tmp_path)
    assert repo.read_text("l10") == "end\n"
    assert repo.read_text("l59") is None


def test_a_link_to_a_huge_file_keeps_the_size_limit(tmp_path: Path) -> None:
    with (tmp_path / "big.txt").open("wb") as handle:
        handle.truncate(MAX_READ_BYTES + 1)
    os.symlink("big.txt", tmp_path / "README.md")
    assert Repo(tmp_path).read_text("README.md") is None


def test_links_to_one_file_share_one_copy_and_its_size(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("word " * 1000)
    for n in range(5):
        (tmp_path / f"d{n}").mkdir()
        os.symlink("../page.md", tmp_path / f"d{n}" / "README.md")
    repo = Repo(tmp_path)
    texts = [repo.read_text(f"d{n}/README.md") for n in range(5)]
    # A hundred links to a big page must not hold a hundred copies of it.
    assert all(text is texts[0] for text in texts)
    # A size limit checked before reading applies to what is read, not to the link.
    assert repo.content_size("d0/README.md") == repo.size("page.md") == 5000
    assert repo.size("d0/README.md") == 0


def test_a_link_into_git_s_own_files_reads_as_none(make_repo: MakeRepo) -> None:
    root = make_repo({"x.py": "x = 1\n"})
    (root / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n")
    os.symlink(".git/config", root / "README.md")
    os.symlink("./.GIT/config", root / "CITATION.cff")
    os.symlink("ignored.txt", root / "NOTES.md")
    (root / ".gitignore").write_text("ignored.txt\n")
    (root / "ignored.txt").write_text("not the project's\n")
    repo = Repo(root)
    for name in ("README.md", "CITATION.cff", "NOTES.md"):
        assert repo.link_target(name) is None, name
        assert repo.read_text(name) is None, name


def test_a_file_thousands_of_folders_deep_is_read(tmp_path: Path) -> None:
    folder = "/".join(["a"] * 1500)
    # mkdir -p: pathlib's and os's own folder makers recurse once per folder too.
    made = subprocess.run(["mkdir", "-p", folder], cwd=tmp_path, check=False)
    if made.returncode != 0:
        pytest.skip("the file system refuses a path this long")
    try:
        (tmp_path / folder / "f.md").write_text("hi\n")
        assert Repo(tmp_path).read_text(f"{folder}/f.md") == "hi\n"
    finally:
        # rm -rf: pytest's own clean-up of old temporary folders recurses once per folder too.
        subprocess.run(["rm", "-rf", "a"], cwd=tmp_path, check=True)


def test_a_file_swapped_for_a_pipe_after_it_was_inspected_reads_as_none(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("notes\n")
    repo = Repo(tmp_path)
    assert repo.size("notes.md") == 6  # inspected: a regular file
    (tmp_path / "notes.md").unlink()
    os.mkfifo(tmp_path / "notes.md")  # ... and now a pipe nobody writes to
    read: list[bytes | None] = []
    reader = threading.Thread(target=lambda: read.append(repo.read_bytes("notes.md")), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert read == [None], "opening the pipe must neither wait for a writer nor read it"


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


def test_find_ignores_case_for_files_outside_a_restricted_listing(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = make_repo({"projects/a/readme.md": "# A\n", "projects/a/x.ipynb": "{}", "Notes.TXT": ""})
    outside = tmp_path / "outside.md"
    outside.write_text("not the repository's\n")
    (root / "projects/b").symlink_to(tmp_path)
    repo = Repo(root, only=["projects/a/x.ipynb"])
    assert repo.find("projects/a/README.md") == "projects/a/readme.md"
    assert repo.find("notes.txt") == "Notes.TXT"
    assert repo.find("projects/a/CHANGES.md", "projects/missing/README.md") is None
    # A folder that is a link out of the repository is not looked into.
    assert repo.find("projects/b/OUTSIDE.md") is None
