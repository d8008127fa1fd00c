"""Baking and updating with copier for tests, offline: local folders and local git repositories.

copier runs as a command (``python -m copier``), as users run it: in-process it would patch
Jinja's extension loading for every later render in the test process (copier-template-
extensions does that), cookiecutter's included.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import yaml

from conftest import git
from oss_checks.copier_config import COPIER_FILE, copier_config, copier_name
from oss_checks.template import COPIER_FILES, HISTORY_DIR, PROJECT_DIR, template_files, unpack
from template.baking import TEMPLATE_ROOT, git_commit_all, isolated_env, write_cookiecutter_config

COPIER_ANSWERS = ".copier-answers.yml"
#: The template file copier writes its answers file from; its name renders empty under cookiecutter.
ANSWERS_TEMPLATE = (
    f"{PROJECT_DIR}/{{% if _copier_conf is defined %}}{{{{ _copier_conf.answers_file }}}}{{% endif %}}"
)
#: A tree entry: "dir", or the file's executable bit and bytes.
Entry = tuple[str, bool, bytes]


def copier_data(answers: Mapping[str, str]) -> dict[str, str]:
    """cookiecutter answers as copier's questions name them (``_checks_repository`` is asked as ``checks_repository``)."""
    return {copier_name(key): value for key, value in answers.items()}


def copier_env(home: Path, **extra: str) -> dict[str, str]:
    """The isolated environment of the template tests, with empty copier settings of its own.

    ``COPIER_SETTINGS_PATH`` in ``extra`` names other settings instead.
    """
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "copier-settings.yml"
    if not settings.exists():
        settings.write_text("{}\n", encoding="utf-8")
    return isolated_env(home, **{"COPIER_SETTINGS_PATH": str(settings), **extra})


def run_copier(
    arguments: list[str], cwd: Path, home: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "copier", *arguments],
        cwd=cwd,
        env=dict(env) if env is not None else copier_env(home),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
        check=False,
    )


def data_file(answers: Mapping[str, str], home: Path) -> Path:
    """The answers in a copier ``--data-file`` (YAML, so no value is re-typed by a command line)."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / f"answers-{len(list(home.glob('answers-*.yml')))}.yml"
    path.write_text(yaml.safe_dump(copier_data(answers), allow_unicode=True), encoding="utf-8")
    return path


def copy_arguments(
    template: Path, destination: Path, answers: Mapping[str, str], home: Path, vcs_ref: str | None = None
) -> list[str]:
    arguments = ["copy", "--trust", "--defaults", "--data-file", str(data_file(answers, home))]
    if vcs_ref is not None:
        arguments += ["--vcs-ref", vcs_ref]
    return [*arguments, str(template), str(destination)]


def copier_copy(
    template: Path, destination: Path, answers: Mapping[str, str], home: Path, vcs_ref: str | None = None
) -> Path:
    """Bake ``template`` with copier into ``destination`` (quietly) and return it."""
    arguments = copy_arguments(template, destination, answers, home, vcs_ref)
    destination.parent.mkdir(parents=True, exist_ok=True)
    done = run_copier(["copy", "--quiet", *arguments[1:]], destination.parent, home)
    assert done.returncode == 0, done.stdout + done.stderr
    return destination


def cookiecutter_command(template: Path, output_dir: Path, answers: Mapping[str, str], home: Path) -> Path:
    """Bake ``template`` with the ``cookiecutter`` command, in a process of its own.

    A bake in this process would reuse the extension module of the first template it
    imported (Python caches it by name), and with it that template's ``bake.py``: an older
    template version is baked as its users bake it.
    """
    config = write_cookiecutter_config(home)
    output_dir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "cookiecutter", "--no-input", "--config-file", str(config)]
    command += ["--output-dir", str(output_dir), str(template)]
    command += [f"{key}={value}" for key, value in answers.items()]
    done = subprocess.run(
        command,
        cwd=output_dir,
        env=isolated_env(home, COOKIECUTTER_CONFIG=str(config), TMPDIR=str(home)),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (project,) = output_dir.iterdir()
    return project


def read_copier_answers(project: Path) -> dict[str, object]:
    text = (project / COPIER_ANSWERS).read_text(encoding="utf-8")
    data: dict[str, object] = yaml.safe_load(text)
    return data


def template_folder(destination: Path, source: Path = TEMPLATE_ROOT) -> Path:
    """The template's own files (what the wheel and the archives hold), in a folder without git."""
    for name, path in template_files(source).items():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return destination


def add_copier_files(root: Path) -> None:
    """Give a template copy from before copier support what copier needs, as this checkout has it.

    copier.yml is generated from that copy's own cookiecutter.json, so its questions are that
    version's; the extension module and the answers file template are this checkout's.
    """
    (root / COPIER_FILE).write_text(copier_config(root), encoding="utf-8")
    for name in (*[name for name in COPIER_FILES if name != COPIER_FILE], ANSWERS_TEMPLATE):
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(TEMPLATE_ROOT / name, target)


def released_template(destination: Path, version: str = "0.1.0") -> Path:
    """A released template version from its shipped archive, with copier's files added."""
    root = unpack(HISTORY_DIR / f"{version}.zip", destination)
    add_copier_files(root)
    return root


def bump_version(root: Path, version: str) -> None:
    """Set ``_template_version`` in a template copy (never in this checkout)."""
    path = root / "cookiecutter.json"
    questions = json.loads(path.read_text(encoding="utf-8"))
    questions["_template_version"] = version
    path.write_text(json.dumps(questions, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def template_repository(destination: Path, *, new_version: str = "0.2.0") -> Path:
    """A local git repository of the template with two tags, as a team's fork would have.

    ``v0.1.0`` is the released 0.1.0 from its archive (with copier's files added);
    ``v<new_version>`` is this checkout's template with ``_template_version`` bumped.
    """
    released_template(destination)
    git_commit_all(destination)
    git(destination, "tag", "v0.1.0")
    for entry in destination.iterdir():
        if entry.name != ".git":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    template_folder(destination)
    bump_version(destination, new_version)
    git(destination, "add", "-A")
    git(destination, "commit", "-q", "-m", f"Release {new_version}")
    git(destination, "tag", f"v{new_version}")
    return destination


def tree(root: Path, ignore: frozenset[str] = frozenset()) -> dict[str, Entry]:
    """Every folder and file below ``root`` (but .git), files with their executable bit and bytes."""
    entries: dict[str, Entry] = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [name for name in dirs if name != ".git"]
        base = Path(folder)
        for name in dirs:
            relative = (base / name).relative_to(root).as_posix()
            if relative not in ignore:
                entries[relative] = ("dir", False, b"")
        for name in names:
            path = base / name
            relative = path.relative_to(root).as_posix()
            if relative not in ignore:
                executable = bool(path.lstat().st_mode & stat.S_IXUSR)
                entries[relative] = ("file", executable, path.read_bytes())
    return entries


def tree_differences(left: Path, right: Path, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Paths that are in one tree only, or whose kind, executable bit or bytes differ."""
    a, b = tree(left, ignore), tree(right, ignore)
    return sorted(path for path in set(a) | set(b) if a.get(path) != b.get(path))
