"""Safe writes used by --fix."""

from __future__ import annotations

import os
import stat
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


def test_created_files_get_the_usual_mode_and_appends_keep_theirs(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        assert create_file(tmp_path, "LICENSE", "text\n")
        assert stat.S_IMODE((tmp_path / "LICENSE").stat().st_mode) == 0o644
        script = tmp_path / "run.sh"
        script.write_text("echo hi\n")
        script.chmod(0o755)
        assert append_text(tmp_path, "run.sh", "echo hi\n", "echo bye\n")
        assert stat.S_IMODE(script.stat().st_mode) == 0o755
    finally:
        os.umask(previous)


def test_append_to_a_crlf_file_without_final_newline_uses_crlf(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"# T\r\nrun it")
    assert append_text(tmp_path, "a.md", "# T\r\nrun it", "## Usage\r\n")
    assert (tmp_path / "a.md").read_bytes() == b"# T\r\nrun it\r\n## Usage\r\n"
