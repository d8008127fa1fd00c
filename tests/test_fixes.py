"""Safe writes used by --fix."""

from __future__ import annotations

from pathlib import Path

from oss_checks.fixes import append_text, create_file


def test_create_file_creates_missing_file_and_folders(tmp_path: Path) -> None:
    assert create_file(tmp_path, "docs/new.md", "hello\n")
    assert (tmp_path / "docs" / "new.md").read_text() == "hello\n"
    assert [p.name for p in (tmp_path / "docs").iterdir()] == ["new.md"]  # no temp file left


def test_create_file_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine")
    assert not create_file(tmp_path, "README.md", "theirs")
    assert (tmp_path / "README.md").read_text() == "mine"


def test_create_file_does_not_follow_a_dangling_symlink(tmp_path: Path) -> None:
    (tmp_path / "LICENSE").symlink_to(tmp_path / "elsewhere")
    assert not create_file(tmp_path, "LICENSE", "text")
    assert not (tmp_path / "elsewhere").exists()


def test_append_keeps_line_endings_and_checks_current_text(tmp_path: Path) -> None:
    target = tmp_path / "README.md"
    target.write_bytes(b"# Title\r\nBody\r\n")
    assert not append_text(tmp_path, "README.md", "something else", "## Usage\n")
    assert append_text(tmp_path, "README.md", "# Title\r\nBody\r\n", "## Usage\n")
    assert target.read_bytes() == b"# Title\r\nBody\r\n## Usage\n"


def test_append_adds_a_newline_when_the_file_lacks_one(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("text")
    assert append_text(tmp_path, "a.md", "text", "more\n")
    assert (tmp_path / "a.md").read_text() == "text\nmore\n"
