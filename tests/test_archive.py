"""Each release's template archive: reproducible, never rewritten, shipped for every release."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from drifting import NEW, append
from oss_checks import archive, releases, template
from oss_checks.errors import UserError
from oss_checks.template import template_root

pytestmark = pytest.mark.usefixtures("private_home")


def test_every_earlier_release_ships_its_template() -> None:
    """Projects on any earlier release update offline: `python -m oss_checks.archive` at release."""
    missing = [v for v in releases.versions()[:-1] if not (template.HISTORY_DIR / f"{v}.zip").is_file()]
    assert missing == []


def test_archives_are_reproducible_and_never_rewritten(tmp_path: Path) -> None:
    copy = tmp_path / "template"
    for name, source in template.template_files(template_root()).items():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, copy / name)
    first, written = archive.archive_template(copy, tmp_path / "a")
    again, rewritten = archive.archive_template(copy, tmp_path / "b")
    assert written
    assert rewritten
    assert first.read_bytes() == again.read_bytes()
    assert archive.archive_template(copy, tmp_path / "a") == (first, False)
    with zipfile.ZipFile(first) as bundle:
        names = bundle.namelist()
    assert names == sorted(names)
    assert {"cookiecutter.json", "hooks/pre_gen_project.py", "checks/oss_checks/bake.py"} <= set(names)
    assert not [name for name in names if "__pycache__" in name]
    append(copy / template.PROJECT_DIR / "README.md", "changed after the release\n")
    with pytest.raises(UserError, match="never rewritten"):
        archive.archive_template(copy, tmp_path / "a")


def test_archive_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert archive.main(["--output-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {tmp_path / f'{NEW}.zip'} (")
    assert archive.main(["--output-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("Up to date:")
