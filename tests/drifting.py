"""Shared by the drift tests: an older template release, bakes of it, a team's edits.

The slow tests build "oss-template 0.0.9" as a changed copy of the template in this
checkout, bake a project from it, edit it the way a team would, and update it to the
current template: a real three-way merge of real renders, with git.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import git
from oss_checks import render, template
from oss_checks.cli import main
from oss_checks.record import RECORD_FILE
from oss_checks.template import template_root

OLD = "0.0.9"
NEW = json.loads((template_root() / "cookiecutter.json").read_text(encoding="utf-8"))["_template_version"]
PACKAGE_DIR = "src/{{cookiecutter.package_name}}"
SUPPORT_OLD = "Support: ask in #old-channel."
SUPPORT_OURS = "Support: ask in #data-help."
TEAM_NOTE = "Our team reviews contributions on Tuesdays."
DRIFT_CODES = ("OSS701", "OSS702", "OSS703", "OSS704")


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def bake(template: Path, where: Path, **answers: str) -> Path:
    """Bake ``template`` into ``where`` and commit it, as a team does on day one."""
    with render.rendered(template, answers) as project:
        root = where / project.name
        shutil.copytree(project, root, symlinks=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Bake from oss-template")
    return root


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def team_edits(root: Path, *, colliding: bool) -> None:
    """What a team changes after baking; with ``colliding``, one edit meets a template change."""
    if colliding:
        readme = root / "README.md"
        readme.write_text(readme.read_text(encoding="utf-8").replace(SUPPORT_OLD, SUPPORT_OURS), "utf-8")
    conduct = root / "CODE_OF_CONDUCT.md"
    first, rest = conduct.read_text(encoding="utf-8").split("\n", 1)
    conduct.write_text(f"{first}\n\n{TEAM_NOTE}\n{rest}", encoding="utf-8")
    (root / "SUPPORT.md").write_text("Ask in #data-help.\n", encoding="utf-8")
    (root / ".github/dependabot.yml").unlink()  # the team uses another update bot
    (root / "tests/test_metrics.py").write_text("def test_ours() -> None:\n    assert True\n", "utf-8")
    # The team wants to hear about every template release (OSS702 option).
    append(root / "pyproject.toml", "\n[tool.oss-checks.options.template-behind]\nmax-releases-behind = 0\n")
    commit(root, "Team edits")


def record(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / RECORD_FILE).read_text(encoding="utf-8"))
    return data


def files_with_markers(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*")):
        if ".git" in path.relative_to(root).parts or not path.is_file():
            continue
        if "<<<<<<< " in path.read_text(encoding="utf-8", errors="replace"):
            found.append(path.relative_to(root).as_posix())
    return found


def keep_ours(text: str) -> str:
    """Resolve every conflict by keeping the repository's side, as a person might."""
    kept, side = [], None
    for line in text.splitlines(keepends=True):
        if line.startswith("<<<<<<< "):
            side = "ours"
        elif line.startswith("=======") and side:
            side = "theirs"
        elif line.startswith(">>>>>>> ") and side:
            side = None
        elif side != "theirs":
            kept.append(line)
    return "".join(kept)


def make_old_template(root: Path) -> Path:
    """The current template turned into an older release, 0.0.9, in ``root``, differing in known ways."""
    for name, source in template.template_files(template_root()).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, root / name)
    settings = json.loads((root / "cookiecutter.json").read_text(encoding="utf-8"))
    settings["_template_version"] = OLD
    (root / "cookiecutter.json").write_text(json.dumps(settings, indent=2), encoding="utf-8")
    project = root / template.PROJECT_DIR
    append(project / "README.md", f"\n{SUPPORT_OLD}\n")
    append(project / "CODE_OF_CONDUCT.md", "\nThis closing line was dropped after 0.0.9.\n")
    append(project / "noxfile.py", "# maintained by oss-template 0.0.9\n")
    append(project / ".github/dependabot.yml", "# checked weekly since 0.0.9\n")
    append(project / "tests/test_metrics.py", "# example test from 0.0.9\n")
    append(project / PACKAGE_DIR / "metrics.py", "# example module from 0.0.9\n")
    (project / "SECURITY.md").unlink()
    # Rendering this file fails unless the 0.0.9 copy's own Jinja extension is loaded.
    (project / "OLD_NOTES.md").write_text("Notes shipped with oss-template {{ old_marker }}.\n", "utf-8")
    (project / "SUPPORT.md").write_text("Ask the data team.\n", encoding="utf-8")
    append(
        root / "oss_template_jinja.py",
        "\n\nclass QuotingExtension(QuotingExtension):  # type: ignore[no-redef]\n"
        "    def __init__(self, environment: Environment) -> None:\n"
        "        super().__init__(environment)\n"
        '        environment.globals["old_marker"] = "0.0.9"\n',
    )
    return root


def wheel_of(copy: Path, target: Path) -> Path:
    """A wheel laid out like oss-checks' (template under oss_checks/_template/)."""
    with zipfile.ZipFile(target, "w") as wheel:
        for name, source in template.template_files(copy).items():
            if name.startswith("checks/"):
                wheel.write(source, name.removeprefix("checks/"))
            else:
                wheel.write(source, f"oss_checks/_template/{name}")
        wheel.writestr("oss_checks/cli.py", "# not part of the template\n")
    return target
