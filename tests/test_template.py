"""The template's copies and its one renderer, used by new, --fix and the drift commands."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from oss_checks import template
from oss_checks.errors import UsageError
from oss_checks.render import raw_defaults
from oss_checks.template import template_files, template_root


def test_template_root_holds_cookiecutter_json() -> None:
    assert (template_root() / "cookiecutter.json").is_file()
    assert raw_defaults(template_root())["project_type"] == "library"


def test_the_template_copy_holds_no_bytecode(tmp_path: Path) -> None:
    names = template_files(template_root())
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_unsafe_archive_is_refused(tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as bundle:
        bundle.writestr("cookiecutter.json", "{}")
        bundle.writestr("../outside.txt", "x")
    with pytest.raises(UsageError, match="unsafe path"):
        template.unpack(evil, tmp_path / "out")
    assert not (tmp_path / "outside.txt").exists()


def test_not_an_archive_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.zip").write_text("not a zip", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot be read"):
        template.unpack(tmp_path / "notes.zip", tmp_path / "out")
