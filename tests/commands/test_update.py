"""``oss-checks update``: a project brought to the current template, merged three ways, offline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import Check, git, write_tree
from drifting import (
    DRIFT_CODES,
    NEW,
    OLD,
    SUPPORT_OLD,
    SUPPORT_OURS,
    TEAM_NOTE,
    append,
    bake,
    commit,
    files_with_markers,
    keep_ours,
    record,
    run_cli,
    team_edits,
    wheel_of,
)
from oss_checks import archive, render, template
from oss_checks.record import PENDING_KEY, RECORD_FILE
from oss_checks.template import template_root

pytestmark = pytest.mark.usefixtures("private_home")


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
    with render.rendered(template_root(), record(root)["answers"]) as fresh:
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
    assert data[PENDING_KEY] == {
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
    assert PENDING_KEY not in data
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
    with render.rendered(template_root(), answers_before) as fresh:
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


@pytest.mark.parametrize("name", [".copier-answers.yml", ".copier-answers.team.yaml"])
def test_a_project_copier_baked_is_left_to_copier_update(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = tmp_path / "project"
    answers = "_commit: v0.1.0\n_src_path: gh:acme/oss-template\n"
    write_tree(
        root,
        {RECORD_FILE: json.dumps({"template": "oss-template", "version": OLD, "answers": {}}), name: answers},
    )
    code, out, err = run_cli(capsys, "update", str(root), "--to-template", str(template_root()))
    assert (code, out) == (2, "")
    assert err == (
        f"oss-checks: error: {name} says copier baked this project: update it with `copier update --trust`, "
        "which moves copier's record too (this update would leave it at the old version)\n"
    )
    assert (root / name).read_text(encoding="utf-8") == answers


def test_a_folder_named_like_copier_answers_is_not_copier_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    write_tree(root, {RECORD_FILE: json.dumps({"template": "oss-template", "version": OLD, "answers": {}})})
    (root / ".copier-answers.yml").mkdir()
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
    monkeypatch.setattr(template, "HISTORY_DIR", tmp_path / "no-history")
    code, _, err = run_cli(capsys, "update", str(root))
    assert code == 2
    assert f"ships no copy of oss-template {OLD}" in err
    assert "--from-template" in err


def test_malformed_pending_update_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = {"template": "oss-template", "version": OLD, "answers": {}, PENDING_KEY: {"version": 1}}
    write_tree(tmp_path, {RECORD_FILE: json.dumps(document)})
    code, _, err = run_cli(capsys, "update", str(tmp_path))
    assert code == 2
    assert f"malformed {PENDING_KEY}" in err


# -- copies of older template versions ---------------------------------------------------------
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
    written_to, written = archive.archive_template(old_template, history)
    assert (written_to.name, written) == (f"{OLD}.zip", True)
    argv = ["update", str(root)]
    if form == "history":
        monkeypatch.setattr(template, "HISTORY_DIR", history)
    elif form == "archive":
        argv += ["--from-template", str(written_to)]
    else:
        argv += [
            "--from-template",
            str(wheel_of(old_template, tmp_path / f"oss_checks-{OLD}-py3-none-any.whl")),
        ]
    code, out, _ = run_cli(capsys, *argv)
    assert code == 0, out
    assert record(root)["version"] == NEW
    assert not (root / "OLD_NOTES.md").exists()
