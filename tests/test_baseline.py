"""Rolling the hooks out to an existing repository with a baseline (``check --baseline``).

The adoption guide promises that a baseline written once keeps working while the team edits
the code around old findings, from any folder, and still catches every new one; these tests
hold the command line to that. (``tests/test_cli.py`` covers the basic round trip.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MakeRepo
from oss_checks.cli import main

HOME_PATH = 'DATA = "/home/alice/exports/orders.csv"\n'
OTHER_HOME_PATH = 'SAVE = "/home/alice/exports/totals.csv"\n'


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def legacy(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """A repository with two old findings in one file, baselined from inside it."""
    root = make_repo({"etl.py": HOME_PATH + OTHER_HOME_PATH})
    monkeypatch.chdir(root)
    code, out, _ = run_cli(capsys, "check", "--select", "OSS401", "--write-baseline", "baseline.json")
    assert code == 0
    assert "Wrote 2 findings to the baseline baseline.json." in out
    return root


def test_moving_old_findings_to_other_lines_keeps_them_known(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (legacy / "etl.py").write_text(
        '"""Export orders."""\n\n' + OTHER_HOME_PATH + "\n" + HOME_PATH, encoding="utf-8"
    )
    code, out, _ = run_cli(capsys, "check", "--select", "OSS401", "--baseline", "baseline.json")
    assert code == 0
    assert "2 known findings in the baseline baseline.json." in out


def test_a_new_path_beside_known_ones_is_new(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    third = 'LOG = "/home/alice/exports/run.log"\n'
    (legacy / "etl.py").write_text(HOME_PATH + OTHER_HOME_PATH + third, encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--select", "OSS401", "--baseline", "baseline.json")
    assert code == 1
    assert out.count("OSS401") == 1
    assert "run.log" in out
    assert "2 known findings in the baseline" in out


def test_copies_of_a_known_path_stay_known_while_some_are_removed(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same path on five lines is one finding, whose message names no count.
    root = make_repo({"launch.py": HOME_PATH * 5})
    monkeypatch.chdir(root)
    code, out, _ = run_cli(capsys, "check", "--select", "OSS401", "--write-baseline", "baseline.json")
    assert (code, "Wrote 1 finding to the baseline baseline.json.") == (0, out.strip())
    for copies in (4, 1):
        (root / "launch.py").write_text(HOME_PATH * copies, encoding="utf-8")
        code, out, _ = run_cli(capsys, "check", "--select", "OSS401", "--baseline", "baseline.json")
        assert code == 0, out


def test_baseline_works_from_another_folder(
    legacy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(legacy.parent)
    code, out, _ = run_cli(
        capsys, "check", legacy.name, "--select", "OSS401", "--baseline", f"{legacy.name}/baseline.json"
    )
    assert code == 0, out


def test_json_output_leaves_known_findings_out(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (legacy / "new.py").write_text(HOME_PATH, encoding="utf-8")
    code, out, _ = run_cli(
        capsys, "check", "--select", "OSS401", "--baseline", "baseline.json", "--format", "json"
    )
    assert code == 1
    assert [f["repo_path"] for f in json.loads(out)["findings"]] == ["new.py"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "cannot be read"), ('{"findings": 3}', "has no list of findings"), ("[]", "has no list")],
)
def test_unusable_baseline_is_a_one_line_error(
    legacy: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    (legacy / "broken.json").write_text(content, encoding="utf-8")
    code, out, err = run_cli(capsys, "check", "--select", "OSS401", "--baseline", "broken.json")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert message in err
