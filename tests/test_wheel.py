"""The wheel as users install it: ``pip install`` compiles the template's Python files into
``__pycache__`` inside the package, which an editable install never shows.

A bake from the installed wheel must hold no bytecode, and ``oss-checks diff`` must find
nothing to change on it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import git

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the wheel installed by pip, as a user installs it."""
    work = tmp_path_factory.mktemp("wheel")
    uv = Path(sys.executable).parent / "uv"
    subprocess.run(
        [str(uv), "build", "--wheel", "--out-dir", str(work / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = (work / "dist").glob("oss_checks-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"{wheel}[template]"],
        check=True,
        capture_output=True,
    )
    return venv


@pytest.mark.slow
def test_pip_compiled_the_template_and_a_bake_still_holds_no_bytecode(
    installed: Path, tmp_path: Path
) -> None:
    site = next((installed / "lib").glob("python3*/site-packages"))
    compiled = list((site / "oss_checks" / "_template").rglob("*.pyc"))
    assert compiled, "pip no longer compiles the template: this test would prove nothing"
    env = {**os.environ, "HOME": str(tmp_path), "PATH": f"{installed / 'bin'}:{os.environ['PATH']}"}
    env.pop("COOKIECUTTER_CONFIG", None)
    subprocess.run(
        [str(installed / "bin" / "oss-checks"), "new", "--no-input", "-o", str(tmp_path)],
        check=True,
        capture_output=True,
        env=env,
    )
    [project] = [p for p in tmp_path.iterdir() if (p / ".oss-template.json").is_file()]
    assert [p for p in project.rglob("*") if "__pycache__" in p.parts or p.suffix == ".pyc"] == []
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Bake")
    diff = subprocess.run(
        [str(installed / "bin" / "oss-checks"), "diff", str(project)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert diff.returncode == 0, diff.stdout + diff.stderr
    assert "The managed files match" in diff.stderr
