"""``oss-checks diff`` and ``oss-checks update``: drift shown and merged, offline.

The slow tests build "oss-template 0.0.9" as a changed copy of the template in this
checkout, bake a project from it, edit it the way a team would, and update it to the
current template: a real three-way merge of real renders, with git.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import Check, git, write_tree
from oss_checks import releases, update
from oss_checks.cli import UsageError, main
from oss_checks.context import RECORD_FILE
from oss_checks.template import rendered, template_root

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


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cookiecutter reads ~/.cookiecutterrc and writes replay files under HOME: keep both here."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("COOKIECUTTER_CONFIG", raising=False)


@pytest.fixture(scope="module")
def old_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The current template turned into an older release, 0.0.9, that differs in known ways."""
    root = tmp_path_factory.mktemp("oss-template-0.0.9")
    for name, source in update.template_files(template_root()).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, root / name)
    settings = json.loads((root / "cookiecutter.json").read_text(encoding="utf-8"))
    settings["_template_version"] = OLD
    (root / "cookiecutter.json").write_text(json.dumps(settings, indent=2), encoding="utf-8")
    project = root / update.PROJECT_DIR
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


def bake(template: Path, where: Path, **answers: str) -> Path:
    """Bake ``template`` into ``where`` and commit it, as a team does on day one."""
    with update.render(template, answers) as project:
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


@pytest.fixture
def known_releases(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend 0.0.9 was released before the current version, so OSS702 can measure it."""
    monkeypatch.setattr(releases, "RELEASES", ((OLD, "2026-05-04"), (NEW, "2026-11-23")))


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


# -- the whole story ------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.usefixtures("known_releases")
def test_colliding_update_leaves_markers_then_finishes(
    old_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], check: Check
) -> None:
    root = bake(old_template, tmp_path)
    team_edits(root, colliding=True)
    behind = check(root, *DRIFT_CODES)
    # 0.0.9 did not ship SECURITY.md, which the current template manages.
    assert [(f.code, f.path) for f in behind] == [("OSS702", RECORD_FILE), ("OSS704", "SECURITY.md")]
    assert f"1 release behind {NEW}" in behind[0].message

    code, out, err = run_cli(capsys, "update", str(root), "--from-template", str(old_template))
    assert (code, err) == (1, "")
    assert f"Updating {root.name} from oss-template {OLD} to {NEW}" in out
    actions = {line.split()[1]: line.split()[0] for line in out.splitlines() if line.startswith("  ")}
    deliberate = {
        "README.md": "conflict",
        "CODE_OF_CONDUCT.md": "merged",
        "noxfile.py": "updated",
        f"src/{root.name.replace('-', '_')}/metrics.py": "updated",
        ".pre-commit-config.yaml": "updated",  # pins oss-checks at the template version
        "SECURITY.md": "added",
        "OLD_NOTES.md": "removed",
        "SUPPORT.md": "kept",
        ".github/dependabot.yml": "kept",
        "tests/test_metrics.py": "kept",
    }
    assert {path: actions.get(path) for path in deliberate} == deliberate
    # Every other difference is the version number in files the team left alone.
    assert {action for path, action in actions.items() if path not in deliberate} <= {"updated"}
    assert "run `oss-checks update` again" in out

    # Conflict markers in the colliding file only, with the team's line and the labels.
    assert files_with_markers(root) == ["README.md"]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "<<<<<<< yours\n" in readme
    assert f">>>>>>> oss-template {NEW}\n" in readme
    assert SUPPORT_OURS in readme
    # Clean merges and plain updates.
    conduct = (root / "CODE_OF_CONDUCT.md").read_text(encoding="utf-8")
    assert TEAM_NOTE in conduct
    assert "dropped after 0.0.9" not in conduct
    with update.render(template_root(), record(root)["answers"]) as fresh:
        assert (root / "noxfile.py").read_bytes() == (fresh / "noxfile.py").read_bytes()
        assert (root / "SECURITY.md").read_bytes() == (fresh / "SECURITY.md").read_bytes()
    assert (root / "noxfile.py").stat().st_mode & 0o111  # still executable
    assert not (root / "OLD_NOTES.md").exists()
    assert (root / "SUPPORT.md").read_text(encoding="utf-8") == "Ask in #data-help.\n"
    assert not (root / ".github/dependabot.yml").exists()  # deleted on purpose: stays deleted
    assert (root / "tests/test_metrics.py").read_text(encoding="utf-8").startswith("def test_ours")

    # The record stays on the old version until the conflicts are resolved.
    data = record(root)
    assert data["version"] == OLD
    assert data[update.PENDING_KEY] == {
        "version": NEW,
        "answers": data["answers"],
        "conflicts": ["README.md"],
    }
    residue = check(root, *DRIFT_CODES)
    assert {f.code for f in residue} == {"OSS702", "OSS703"}
    # The markers, and the record saying the update is not finished yet.
    assert {f.path for f in residue if f.code == "OSS703"} == {"README.md", ".oss-template.json"}

    # Running update again before resolving changes nothing.
    assert run_cli(capsys, "update", str(root))[0] == 1
    assert record(root)["version"] == OLD

    (root / "README.md").write_text(keep_ours(readme), encoding="utf-8")
    code, out, _ = run_cli(capsys, "update", str(root))
    assert code == 0
    assert f"Finished the update to oss-template {NEW}" in out
    data = record(root)
    assert data["version"] == NEW
    assert update.PENDING_KEY not in data
    assert SUPPORT_OURS in (root / "README.md").read_text(encoding="utf-8")
    commit(root, "Update to the current template")
    assert check(root, *DRIFT_CODES) == []
    assert run_cli(capsys, "update", str(root))[1] == f"Already on oss-template {NEW}: nothing to update.\n"


@pytest.mark.slow
@pytest.mark.usefixtures("known_releases")
def test_clean_update_records_the_new_version_at_once(
    old_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], check: Check
) -> None:
    root = bake(old_template, tmp_path)
    team_edits(root, colliding=False)
    answers_before = record(root)["answers"]

    code, out, _ = run_cli(capsys, "update", str(root), "--from-template", str(old_template))
    assert code == 0, out
    assert "  updated   README.md" in out
    assert f"Updated to oss-template {NEW}" in out
    assert files_with_markers(root) == []
    assert SUPPORT_OLD not in (root / "README.md").read_text(encoding="utf-8")
    with update.render(template_root(), answers_before) as fresh:
        assert (root / RECORD_FILE).read_text(encoding="utf-8") == (fresh / RECORD_FILE).read_text("utf-8")
    commit(root, "Update to the current template")
    assert check(root, *DRIFT_CODES) == []


@pytest.mark.slow
def test_dry_run_writes_nothing(
    old_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = bake(old_template, tmp_path)
    team_edits(root, colliding=True)
    code, out, _ = run_cli(capsys, "update", str(root), "--from-template", str(old_template), "--dry-run")
    assert code == 1
    assert out.startswith(f"Would update {root.name} from oss-template {OLD} to {NEW}")
    assert "  conflict  README.md" in out
    assert git(root, "status", "--porcelain") == ""


# -- refusals ------------------------------------------------------------------------------------
@pytest.mark.slow
def test_dirty_tree_is_refused(
    old_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = bake(old_template, tmp_path)
    append(root / "README.md", "Work in progress.\n")
    code, out, err = run_cli(capsys, "update", str(root), "--from-template", str(old_template))
    assert (code, out) == (2, "")
    assert err.startswith("oss-checks: error: the working tree has uncommitted changes")
    assert err.count("\n") == 1
    assert git(root, "status", "--porcelain") == " M README.md\n"
    assert record(root)["version"] == OLD


def test_folder_outside_git_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    write_tree(root, {RECORD_FILE: json.dumps({"template": "oss-template", "version": OLD, "answers": {}})})
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, _, err = run_cli(capsys, "update", str(root), "--to-template", str(template_root()))
    assert code == 2
    assert "is not in a git repository" in err


def test_missing_record_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "diff", str(tmp_path))
    assert code == 2
    assert f"has no {RECORD_FILE}" in err
    assert err.count("\n") == 1


@pytest.mark.slow
def test_base_of_another_version_is_refused(
    old_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = bake(old_template, tmp_path)
    newer = tmp_path / "newer"
    shutil.copytree(old_template, newer)
    settings = json.loads((newer / "cookiecutter.json").read_text(encoding="utf-8"))
    settings["_template_version"] = "0.0.10"
    (newer / "cookiecutter.json").write_text(json.dumps(settings), encoding="utf-8")
    code, _, err = run_cli(capsys, "update", str(root), "--from-template", str(newer))
    assert code == 2
    assert f"--from-template is oss-template 0.0.10, but the project records {OLD}" in err


@pytest.mark.slow
def test_without_a_shipped_copy_of_the_old_version_the_error_says_what_to_pass(
    old_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = bake(old_template, tmp_path)
    monkeypatch.setattr(update, "HISTORY_DIR", tmp_path / "no-history")
    code, _, err = run_cli(capsys, "update", str(root))
    assert code == 2
    assert f"ships no copy of oss-template {OLD}" in err
    assert "--from-template" in err


def test_malformed_pending_update_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = {"template": "oss-template", "version": OLD, "answers": {}, update.PENDING_KEY: {"version": 1}}
    write_tree(tmp_path, {RECORD_FILE: json.dumps(document)})
    code, _, err = run_cli(capsys, "update", str(tmp_path))
    assert code == 2
    assert f"malformed {update.PENDING_KEY}" in err


# -- copies of older template versions ---------------------------------------------------------
def wheel_of(template: Path, target: Path) -> Path:
    """A wheel laid out like oss-checks' (template under oss_checks/_template/)."""
    with zipfile.ZipFile(target, "w") as wheel:
        for name, source in update.template_files(template).items():
            if name.startswith("checks/"):
                wheel.write(source, name.removeprefix("checks/"))
            else:
                wheel.write(source, f"oss_checks/_template/{name}")
        wheel.writestr("oss_checks/cli.py", "# not part of the template\n")
    return target


@pytest.mark.slow
@pytest.mark.parametrize("form", ["history", "archive", "wheel"])
def test_update_from_an_archived_or_wheeled_copy(
    form: str,
    old_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = bake(old_template, tmp_path)
    history = tmp_path / "history"
    archive, written = update.archive_template(old_template, history)
    assert (archive.name, written) == (f"{OLD}.zip", True)
    argv = ["update", str(root)]
    if form == "history":
        monkeypatch.setattr(update, "HISTORY_DIR", history)
    elif form == "archive":
        argv += ["--from-template", str(archive)]
    else:
        argv += [
            "--from-template",
            str(wheel_of(old_template, tmp_path / f"oss_checks-{OLD}-py3-none-any.whl")),
        ]
    code, out, _ = run_cli(capsys, *argv)
    assert code == 0, out
    assert record(root)["version"] == NEW
    assert not (root / "OLD_NOTES.md").exists()


def test_every_earlier_release_ships_its_template() -> None:
    """Projects on any earlier release update offline: `python -m oss_checks.update archive` at release."""
    missing = [v for v in releases.versions()[:-1] if not (update.HISTORY_DIR / f"{v}.zip").is_file()]
    assert missing == []


def test_archives_are_reproducible_and_never_rewritten(tmp_path: Path) -> None:
    template = tmp_path / "template"
    for name, source in update.template_files(template_root()).items():
        (template / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, template / name)
    first, written = update.archive_template(template, tmp_path / "a")
    again, rewritten = update.archive_template(template, tmp_path / "b")
    assert written
    assert rewritten
    assert first.read_bytes() == again.read_bytes()
    assert update.archive_template(template, tmp_path / "a") == (first, False)
    with zipfile.ZipFile(first) as bundle:
        names = bundle.namelist()
    assert names == sorted(names)
    assert {"cookiecutter.json", "hooks/pre_gen_project.py", "checks/oss_checks/bake.py"} <= set(names)
    assert not [name for name in names if "__pycache__" in name]
    append(template / update.PROJECT_DIR / "README.md", "changed after the release\n")
    with pytest.raises(UsageError, match="never rewritten"):
        update.archive_template(template, tmp_path / "a")


def test_unsafe_archive_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("cookiecutter.json", "{}")
        bundle.writestr("../outside.txt", "x")
    with pytest.raises(UsageError, match="unsafe path"):
        update.unpack(archive, tmp_path / "out")
    assert not (tmp_path / "outside.txt").exists()


def test_not_an_archive_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.zip").write_text("not a zip", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot be read"):
        update.unpack(tmp_path / "notes.zip", tmp_path / "out")


def test_archive_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert update.main(["archive", "--output-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {tmp_path / f'{NEW}.zip'} (")
    assert update.main(["archive", "--output-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("Up to date:")


# -- diff -----------------------------------------------------------------------------------------
@pytest.mark.slow
def test_diff_of_a_fresh_bake_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = bake(template_root(), tmp_path)
    code, out, err = run_cli(capsys, "diff", str(root))
    assert (code, out) == (0, "")
    assert err == f"The managed files match oss-template {NEW}.\n"


@pytest.mark.slow
def test_a_crlf_checkout_is_not_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = bake(template_root(), tmp_path)
    for name in ("CONTRIBUTING.md", "noxfile.py"):
        target = root / name
        target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n"))  # git's autocrlf on Windows
    code, out, _ = run_cli(capsys, "diff", str(root))
    assert (code, out) == (0, "")


def test_line_endings_follow_the_repository_file() -> None:
    assert update.line_endings_like(b"a\r\nb\r\n", b"x\ny\n") == b"x\r\ny\r\n"
    assert update.line_endings_like(b"a\nb\n", b"x\ny\n") == b"x\ny\n"
    assert update.line_endings_like(None, b"x\n") == b"x\n"
    assert update.line_endings_like(b"a\r\n", b"\0binary\n") == b"\0binary\n"


@pytest.mark.slow
def test_diff_shows_managed_edits_and_applies_as_a_patch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = bake(template_root(), tmp_path)
    append(root / "CONTRIBUTING.md", "## Our notes\n")
    (root / "CITATION.cff").unlink()
    (root / "tests/test_metrics.py").write_text("def test_ours() -> None:\n    assert True\n", "utf-8")

    code, out, err = run_cli(capsys, "diff", str(root), "--stat")
    assert code == 1
    citation, contributing = out.splitlines()
    assert citation.startswith(" CITATION.cff    | +")
    assert citation.endswith(" -0 (missing here)")
    assert contributing == " CONTRIBUTING.md | +0 -1"
    assert err == f"2 managed files differ from oss-template {NEW}.\n"

    code, out, _ = run_cli(capsys, "diff", str(root))
    assert "--- a/CONTRIBUTING.md\n+++ b/CONTRIBUTING.md\n" in out
    assert "-## Our notes\n" in out
    assert "--- /dev/null\n+++ b/CITATION.cff\n" in out
    assert "test_metrics" not in out  # a starter file: the team replaces it
    assert "tests/test_metrics.py" in run_cli(capsys, "diff", str(root), "--all")[1]

    # The diff is a patch from the repository to the template.
    subprocess.run(["git", "-C", str(root), "apply"], input=out, text=True, check=True)
    assert run_cli(capsys, "diff", str(root))[0] == 0


@pytest.mark.slow
def test_diff_of_a_project_behind_says_so(
    old_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = bake(old_template, tmp_path)
    code, out, err = run_cli(capsys, "diff", str(root))
    assert code == 1
    assert "-# maintained by oss-template 0.0.9\n" in out
    assert f"This project records {OLD}: `oss-checks update` merges the template's changes." in err


# -- planning, path by path (no rendering) ----------------------------------------------------------
@pytest.fixture
def trees(tmp_path: Path) -> tuple[Path, Path, Path]:
    base, new, repo = tmp_path / "base", tmp_path / "new", tmp_path / "repo"
    for folder in (base, new, repo):
        folder.mkdir()
    return base, new, repo


def plan(trees: tuple[Path, Path, Path]) -> dict[str, update.Change]:
    base, new, repo = trees
    return {change.path: change for change in update.plan_update(repo, base, new, "pkg", (OLD, NEW))}


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

    update.apply(repo, list(changes.values()))
    assert not (repo / "dropped.txt").exists()
    assert (repo / "added.txt").read_text(encoding="utf-8") == "new\n"
    assert (repo / "binary.bin").read_bytes() == b"\0ours"
    assert (repo / "elsewhere.txt").read_text(encoding="utf-8") == "old\n"  # never written through a link
    assert (repo / "same.txt").read_text(encoding="utf-8") == "the team's version\n"


def test_removing_the_last_file_of_a_folder_removes_the_folder(trees: tuple[Path, Path, Path]) -> None:
    base, _new, repo = trees
    write_tree(base, {"old/only.txt": "x\n"})
    write_tree(repo, {"old/only.txt": "x\n", "kept.txt": "y\n"})
    update.apply(repo, list(plan(trees).values()))
    assert sorted(p.name for p in repo.iterdir()) == ["kept.txt"]


@pytest.mark.slow
def test_record_text_matches_what_the_template_writes() -> None:
    with update.render(template_root(), {"project_name": "Zoë's «model»"}) as project:
        text = (project / RECORD_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    assert update.record_text(data["template"], data["version"], data["answers"]) == text


@pytest.mark.slow
def test_each_template_renders_with_its_own_jinja_extension(old_template: Path) -> None:
    """Cookiecutter imports the extension by name; Python would reuse the first one loaded."""
    with rendered({}, template_root()):
        pass  # leaves the current template's oss_template_jinja imported
    with update.render(old_template, {}) as project:
        assert (project / "OLD_NOTES.md").read_text(
            encoding="utf-8"
        ) == f"Notes shipped with oss-template {OLD}.\n"
    with update.render(template_root(), {}) as project:
        assert not (project / "OLD_NOTES.md").exists()
