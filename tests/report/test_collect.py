"""Finding repositories behind paths, checking them in parallel, reading saved CI results."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from conftest import MakeRepo
from oss_checks.cli import main
from oss_checks.report.collect import Progress, check_isolated, collect, discover, read_saved
from oss_checks.report.model import RepoResult

ENV_REPO = {".env": "TOKEN=abc\n", "README.md": "# leaky\n"}
BAD_CONFIG = {"pyproject.toml": '[project]\nname = "x"\n\n[tool.oss-checks]\nselct = ["OSS1"]\n'}
BAD_TOML = {"pyproject.toml": "[project\nname = 'x'\n"}


def codes_of(result: RepoResult) -> set[str]:
    return {item.code for item in result.findings}


def test_discover_tells_checkouts_folders_files_and_saved_results_apart(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    fleet = tmp_path / "fleet"
    (fleet / "plain-folder").mkdir(parents=True)
    (fleet / ".hidden").mkdir()
    (fleet / "notes.txt").write_text("not a repo", encoding="utf-8")
    for name, marker in (
        ("by-git", ".git"),
        ("by-pyproject", "pyproject.toml"),
        ("by-record", ".oss-template.json"),
    ):
        (fleet / name).mkdir()
        (fleet / name / marker).write_text("{}", encoding="utf-8")
    single = make_repo({"README.md": "# one\n"})
    saved = tmp_path / "ci.json"
    saved.write_text("{}", encoding="utf-8")
    other = tmp_path / "notes.md"
    other.write_text("hi", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()

    targets, notes = discover(
        [
            str(fleet),
            str(single),
            str(saved),
            str(other),
            str(tmp_path / "missing"),
            str(empty),
            str(fleet / "by-git"),
        ],
        tmp_path,
    )
    kinds = [(t.kind, t.path.name) for t in targets]
    assert kinds == [
        ("checkout", "by-git"),
        ("checkout", "by-pyproject"),
        ("checkout", "by-record"),
        ("checkout", single.name),
        ("saved", "ci.json"),
        ("problem", "notes.md"),
        ("problem", "missing"),
    ]
    assert "is a file" in (targets[5].problem or "")
    assert targets[6].problem == "does not exist"
    assert notes == [
        "fleet/plain-folder: skipped, not a repository",
        "empty: no repository found in it (a repository has one of .git, pyproject.toml, .oss-template.json)",
        "fleet/by-git: given more than once, reported once",
    ]


def test_findings_ignores_and_metadata_come_from_the_repositorys_own_config(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            **ENV_REPO,
            ".oss-template.json": json.dumps({"version": "0.0.9", "answers": {"visibility": "public"}}),
            "pyproject.toml": '[project]\nname = "leaky-tool"\n\n[tool.oss-checks.ignore]\nOSS107 = "nothing to cite"\n',
        }
    )
    results, notes = collect([str(root)], root.parent, jobs=1)
    (result,) = results
    assert notes == []
    assert result.problem is None
    assert "OSS405" in codes_of(result)
    assert [(i.code, i.reason) for i in result.ignored] == [("OSS107", "nothing to cite")]
    assert (result.name, result.project_name, result.visibility, result.template_version) == (
        root.name,
        "leaky-tool",
        "public",
        "0.0.9",
    )
    assert result.location == root.name
    assert "OSS405" in result.rules_run


def test_broken_repositories_become_problems_not_crashes(make_repo: MakeRepo, tmp_path: Path) -> None:
    bad_config = make_repo(BAD_CONFIG)
    bad_toml = make_repo(BAD_TOML)
    a_file = tmp_path / "README.md"
    a_file.write_text("# not a repo\n", encoding="utf-8")
    results, _ = collect(
        [str(bad_config), str(bad_toml), str(a_file), str(tmp_path / "nope")], tmp_path, jobs=1
    )
    config_result, toml_result, file_result, missing_result = results
    assert config_result.problem is not None
    assert "configuration is invalid" in config_result.problem
    assert "selct" in config_result.problem
    assert toml_result.problem is None, "a broken pyproject.toml is a finding of the checks"
    assert "OSS201" in codes_of(toml_result)
    assert file_result.problem is not None
    assert "is a file" in file_result.problem
    assert missing_result.problem == "does not exist"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_folder_without_permission_is_reported_unreadable(make_repo: MakeRepo, tmp_path: Path) -> None:
    locked = make_repo({"README.md": "# locked\n"})
    locked.chmod(0)
    try:
        results, _ = collect([str(tmp_path)], tmp_path, jobs=1)
    finally:
        locked.chmod(0o755)
    (result,) = [r for r in results if r.name == locked.name]
    assert result.problem is not None
    assert "cannot be read" in result.problem


def test_unlistable_folder_is_reported_unreadable(
    make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as above for a run as root: the listing itself is refused."""
    readable = make_repo({"README.md": "# fine\n"})
    locked = make_repo({"README.md": "# locked\n"})
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results, _ = collect([str(tmp_path)], tmp_path, jobs=1)
    by_name = {r.name: r for r in results}
    assert by_name[locked.name].problem == "cannot be read: Permission denied"
    assert by_name[readable.name].problem is None


def test_parallel_checks_keep_the_order_and_the_results(make_repo: MakeRepo, tmp_path: Path) -> None:
    roots = [
        make_repo(ENV_REPO),
        make_repo({"README.md": "# quiet\n"}),
        make_repo(BAD_CONFIG),
        make_repo(ENV_REPO),
    ]
    serial, _ = collect([str(tmp_path)], tmp_path, jobs=1)
    parallel, _ = collect([str(tmp_path)], tmp_path, jobs=2)
    assert [r.name for r in parallel] == [r.name for r in serial] == [root.name for root in roots]
    assert [(codes_of(r), r.problem) for r in parallel] == [(codes_of(r), r.problem) for r in serial]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only(make_repo: MakeRepo, tmp_path: Path) -> None:
    make_repo({"README.md": "# a\n"})
    make_repo({"README.md": "# b\n"})
    terminal, log = Terminal(), io.StringIO()
    collect([str(tmp_path)], tmp_path, jobs=1, progress=terminal)
    collect([str(tmp_path)], tmp_path, jobs=1, progress=log)
    shown = terminal.getvalue()
    assert "Checking repositories: 1/2 (repo0)" in shown
    assert "Checking repositories: 2/2 (repo1)" in shown
    assert shown.endswith("\r"), "the progress line is wiped at the end"
    assert log.getvalue() == ""


def test_progress_counts_without_a_stream() -> None:
    progress = Progress(3, None)
    progress.step("a")
    progress.close()
    assert progress.done == 1


# -- results saved by CI ---------------------------------------------------------------------------
def save_check_json(target: Path, capsys: pytest.CaptureFixture[str], *paths: str) -> Path:
    """What a repository's CI saves: ``oss-checks check --format json`` run in the current folder."""
    main(["check", "--format", "json", *paths])
    target.write_text(capsys.readouterr().out, encoding="utf-8")
    return target


def test_saved_results_read_like_a_fresh_check(
    make_repo: MakeRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = make_repo({**ENV_REPO, "pyproject.toml": '[tool.oss-checks.ignore]\nOSS107 = "internal tool"\n'})
    other = make_repo({"README.md": "# other\n"})
    saved = save_check_json(tmp_path / "ci.json", capsys, root.name, other.name)
    fresh, _ = collect([str(root), str(other)], tmp_path, jobs=1)
    from_json = read_saved(saved, tmp_path)
    assert [r.name for r in from_json] == [root.name, other.name]
    for loaded, checked in zip(from_json, fresh, strict=True):
        assert loaded.source == "saved results"
        assert loaded.problem is None
        assert codes_of(loaded) == codes_of(checked)
        assert [(i.code, i.path, i.reason) for i in loaded.ignored] == [
            (i.code, i.path, i.reason) for i in checked.ignored
        ]
        assert loaded.rules_run == checked.rules_run
        assert {i.path for i in loaded.findings} == {i.path for i in checked.findings}
    assert from_json[0].location.startswith("ci.json (")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{oops", "cannot be read as JSON"),
        ('{"tool": "oss-checks report", "repos": []}', "give it with --previous"),
        ('{"tool": "ruff"}', "is not the JSON printed by `oss-checks check --format json`"),
        ('{"tool": "oss-checks", "repos": []}', "holds no repositories"),
        ('{"tool": "oss-checks", "repos": [{"root": "/x", "rules_run": []}]}', "ran no rules"),
    ],
)
def test_saved_results_that_cannot_be_used_are_problems(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "saved.json"
    path.write_text(content, encoding="utf-8")
    (result,) = read_saved(path, tmp_path)
    assert result.problem is not None
    assert problem in result.problem


def test_saved_results_skip_malformed_entries(tmp_path: Path) -> None:
    document = {
        "tool": "oss-checks",
        "repos": [
            {"root": "/ci/a", "rules_run": ["OSS405", 7], "errors": ["boom", None]},
            "junk",
            {"root": 3},
        ],
        "findings": [
            {"repo": "/ci/a", "code": "OSS405", "repo_path": ".env", "message": "tracked"},
            {"repo": "/ci/other", "code": "OSS101", "repo_path": "README.md", "message": "x"},
            {"repo": "/ci/a", "message": "no code"},
            "junk",
        ],
        "ignored": "junk",
    }
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    (result,) = read_saved(path, tmp_path)
    assert result.name == "a"
    assert result.rules_run == ["OSS405"]
    assert result.errors == ["boom"]
    assert [(i.code, i.path) for i in result.findings] == [("OSS405", ".env")]
    assert result.ignored == []


def _fleet(tmp_path: Path, *names: str) -> Path:
    fleet = tmp_path / "fleet"
    fleet.mkdir()
    for name in names:
        (fleet / name).mkdir()
        (fleet / name / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    return fleet


def _worker(tmp_path: Path, body: str) -> tuple[str, ...]:
    """A stand-in for the worker process: ``body`` runs first, then the real worker."""
    script = tmp_path / "worker.py"
    script.write_text(
        "import os, sys, time\n"
        + body
        + "\nfrom oss_checks.report.worker import main\nraise SystemExit(main())\n",
        encoding="utf-8",
    )
    return (sys.executable, str(script))


def test_a_worker_that_dies_costs_a_line_not_the_report(tmp_path: Path) -> None:
    fleet = _fleet(tmp_path, "alpha", "crash", "omega")
    command = _worker(tmp_path, "if os.path.basename(sys.argv[1]).startswith('crash'):\n    os._exit(3)")
    checker = partial(check_isolated, command=command)
    results, _ = collect([str(fleet)], tmp_path, jobs=2, checker=checker)
    assert [r.name for r in results] == ["alpha", "crash", "omega"]
    crashed = results[1]
    assert crashed.problem == "the process checking it stopped: exit code 3"
    assert results[0].problem is None
    assert results[2].problem is None


def test_a_repository_that_takes_too_long_becomes_a_row_that_says_so(tmp_path: Path) -> None:
    fleet = _fleet(tmp_path, "quick", "slow")
    command = _worker(tmp_path, "if os.path.basename(sys.argv[1]) == 'slow':\n    time.sleep(60)")
    checker = partial(check_isolated, command=command, timeout=5)
    results, _ = collect([str(fleet)], tmp_path, jobs=2, checker=checker)
    assert results[0].problem is None
    assert results[1].problem == "checking it took longer than 5 seconds, so it was stopped"
