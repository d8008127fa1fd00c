"""Findings on dormant work are held back: files no commit has touched for two years, and
repositories nobody has committed to since (engine, Repo.unchanged_since, Repo.dormant_since)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import git, write_tree
from oss_checks import engine
from oss_checks.cli import main
from oss_checks.config import load_config
from oss_checks.context import Repo
from oss_checks.errors import ConfigError
from oss_checks.registry import Finding

OLD = "2019-03-01T12:00:00+00:00"
HOME_PATH = 'import pandas as pd\n\nRAW = pd.read_csv("/Users/ana/Downloads/sales.csv")\n'
TOKEN = "\n\nUse `ghp_" + "a1B2" * 9 + "` to log in.\n"
CODES = ["OSS401", "OSS102", "OSS407"]


def commit(root: Path, files: dict[str, str], message: str, when: str | None = None) -> None:
    write_tree(root, files)
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def codes_and_paths(findings: list[Finding]) -> list[tuple[str, str]]:
    return sorted((finding.code, finding.path) for finding in findings)


@pytest.fixture
def active(tmp_path: Path) -> Path:
    """A repository committed to today, with a script nobody has touched since 2019."""
    root = tmp_path / "active"
    root.mkdir()
    commit(root, {"old/clean.py": HOME_PATH, "README.md": TOKEN}, "old work", OLD)
    commit(
        root, {"new/load.py": HOME_PATH, "LICENSE": "MIT License\n" + "Permission is granted. " * 20}, "today"
    )
    return root


def test_a_file_untouched_for_two_years_keeps_its_hygiene_findings_back(active: Path) -> None:
    result = engine.check(active, select=CODES)
    assert codes_and_paths(result.findings) == [("OSS401", "new/load.py"), ("OSS407", "README.md")]
    assert codes_and_paths(result.dormant) == [("OSS401", "old/clean.py")]
    assert result.dormant_repository == ""
    assert engine.check(active, select=CODES, include_dormant=True).dormant == []


@pytest.mark.parametrize("staged", [True, False])
def test_a_dormant_file_being_changed_is_reported(active: Path, staged: bool) -> None:
    (active / "old/clean.py").write_text(HOME_PATH + "COLUMNS = 3\n")
    if staged:
        subprocess.run(["git", "-C", str(active), "add", "old/clean.py"], check=True)
    result = engine.check(active, select=CODES)
    assert ("OSS401", "old/clean.py") in codes_and_paths(result.findings)
    assert result.dormant == []


def test_the_per_file_hook_holds_back_only_unchanged_files(active: Path) -> None:
    # pre-commit run --all-files passes every file; a commit passes the staged ones.
    files = ["old/clean.py", "new/load.py"]
    result = engine.check(active, select=["OSS401"], files=files)
    assert codes_and_paths(result.dormant) == [("OSS401", "old/clean.py")]
    (active / "old/clean.py").write_text(HOME_PATH + "\n")
    subprocess.run(["git", "-C", str(active), "add", "old/clean.py"], check=True)
    result = engine.check(active, select=["OSS401"], files=files)
    assert result.dormant == []
    assert len(result.findings) == 2


def test_a_dormant_repository_reports_only_credentials(tmp_path: Path) -> None:
    root = tmp_path / "finished"
    root.mkdir()
    commit(root, {"old/clean.py": HOME_PATH, "README.md": TOKEN}, "the last commit", OLD)
    result = engine.check(root, select=CODES)
    assert codes_and_paths(result.findings) == [("OSS407", "README.md")]
    assert codes_and_paths(result.dormant) == [("OSS102", "LICENSE"), ("OSS401", "old/clean.py")]
    assert result.dormant_repository == "2019-03-01"
    # Someone starting work on it again sees everything.
    (root / "notes.md").write_text("# Notes\n")
    subprocess.run(["git", "-C", str(root), "add", "notes.md"], check=True)
    assert engine.check(root, select=CODES).dormant_repository == ""


def test_the_days_are_configurable_and_zero_holds_nothing_back(tmp_path: Path) -> None:
    root = tmp_path / "finished"
    root.mkdir()
    commit(
        root,
        {"clean.py": HOME_PATH, "pyproject.toml": "[tool.oss-checks]\ndormant-after-days = 0\n"},
        "x",
        OLD,
    )
    assert engine.check(root, select=["OSS401"]).dormant == []
    commit(root, {"pyproject.toml": "[tool.oss-checks]\ndormant-after-days = 36500\n"}, "y", OLD)
    assert len(engine.check(root, select=["OSS401"]).findings) == 1


@pytest.mark.parametrize("days", [-1, 36501, True, "730", 7.5])
def test_a_wrong_number_of_days_is_a_configuration_error(tmp_path: Path, days: object) -> None:
    with pytest.raises(ConfigError, match="dormant-after-days must be a whole number of days"):
        load_config(tmp_path, {"tool": {"oss-checks": {"dormant-after-days": days}}})


def test_nothing_is_dormant_without_a_commit_or_without_git(tmp_path: Path) -> None:
    root = tmp_path / "new"
    write_tree(root, {"clean.py": HOME_PATH})
    assert Repo(root).unchanged_since(["clean.py"], 2e9) == frozenset()
    assert Repo(root).dormant_since(2e9) is None
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    assert Repo(root).unchanged_since(["clean.py"], 2e9) == frozenset()
    assert Repo(root).dormant_since(2e9) is None


def test_file_names_are_literal_paths_not_patterns(tmp_path: Path) -> None:
    root = tmp_path / "names"
    root.mkdir()
    names = {"*.py": "", ":(glob)**": "", "a.py": "", "line\nbreak.py": "", "-n.py": ""}
    commit(root, names, "old", OLD)
    commit(root, {"a.py": "changed\n"}, "today")
    repo = Repo(root)
    since = 1.7e9  # November 2023
    # "*.py" and ":(glob)**" would match a.py, which changed today, if git read them as patterns.
    assert repo.unchanged_since(list(names), since) == {"*.py", ":(glob)**", "-n.py"}
    assert repo.unchanged_since(["not-tracked.py"], since) == frozenset()


def test_a_shallow_clone_holds_back_less_never_more(active: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{active}", str(clone)],
        check=True,
        capture_output=True,
    )
    # The one commit a shallow clone has shows every file as added today.
    assert engine.check(clone, select=["OSS401"]).dormant == []


def test_the_text_and_json_say_what_was_held_back(
    active: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(active)
    assert main(["check", "--select", "OSS401"]) == 1
    out = capsys.readouterr().out
    assert "new/load.py:3" in out
    assert "old/clean.py" not in out
    assert "1 finding held back on 1 dormant file (no commit since " in out
    assert "`--include-dormant` shows them." in out
    assert main(["check", "--select", "OSS401", "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert [entry["path"] for entry in document["dormant"]] == ["old/clean.py"]
    assert document["repos"][0]["dormant"] == 1
    assert main(["check", "--select", "OSS401", "--include-dormant"]) == 1
    assert "old/clean.py:3" in capsys.readouterr().out


def test_a_dormant_repository_passes_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "finished"
    root.mkdir()
    commit(root, {"clean.py": HOME_PATH}, "the last commit", OLD)
    monkeypatch.chdir(root)
    assert main(["check", "--select", "OSS401,OSS102"]) == 0
    out = capsys.readouterr().out
    assert "All checks passed." in out
    assert "2 findings held back: the repository has had no commit since 2019-03-01" in out


def _notebook_with_outputs() -> str:
    cell = {
        "cell_type": "code",
        "execution_count": 1,
        "metadata": {},
        "outputs": [{"name": "stdout", "output_type": "stream", "text": ["rows: 120\n"]}],
        "source": ["print('rows:', 120)"],
    }
    return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_a_finding_about_the_repository_rests_with_the_dormant_files_it_is_built_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A package whose scratch notebooks, committed with outputs, nobody has opened since 2019.
    root = tmp_path / "package"
    root.mkdir()
    commit(root, {"notebooks/explore.ipynb": _notebook_with_outputs()}, "scratch", OLD)
    commit(
        root,
        {"src/fares/__init__.py": "RATE = 1\n", "pyproject.toml": '[project]\nname = "fares"\n'},
        "today",
    )

    def stripping(result: engine.Result) -> list[Finding]:
        return [finding for finding in result.findings if finding.code == "OSS604"]

    result = engine.check(root)
    assert stripping(result) == []
    assert ("OSS604", ".pre-commit-config.yaml") in [(f.code, f.path) for f in result.dormant]
    assert result.dormant_files == {"notebooks/explore.ipynb"}
    monkeypatch.chdir(root)
    main(["check"])
    assert "held back on 1 dormant file (no commit since " in capsys.readouterr().out
    # Checked as a part, the finding about the repository is out of it, with the files it rests on.
    commit(root, {"notebooks/old/plot.py": HOME_PATH}, "a dormant script beside them", OLD)
    part = engine.check(root, within="notebooks/old")
    assert ([f.path for f in part.dormant], part.dormant_files) == (
        ["notebooks/old/plot.py"],
        {"notebooks/old/plot.py"},
    )
    # With --include-dormant nothing is held back, and nothing counted.
    shown = engine.check(root, include_dormant=True)
    assert (shown.dormant, shown.dormant_files) == ([], set())
    assert ".pre-commit-config.yaml" in [f.path for f in shown.findings]
    # Whoever works on a notebook again is asked for the hook.
    (root / "notebooks/explore.ipynb").write_text(_notebook_with_outputs().replace("120", "121"))
    assert [f.path for f in stripping(engine.check(root))] == [".pre-commit-config.yaml"]
