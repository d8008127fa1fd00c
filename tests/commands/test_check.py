"""The command line: exit codes, output formats, selection, baselines and --fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MakeRepo
from oss_checks.cli import main
from oss_checks.rules import load_rules


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def env_repo(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_repo({".env": "TOKEN=abc\n", "README.md": "# x\n"})
    monkeypatch.chdir(root)
    return root


def test_clean_exits_zero(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(make_repo({"README.md": "# x\n"}))
    code, out, err = run_cli(capsys, "check", "--select", "OSS405")
    assert (code, out.strip(), err) == (0, "All checks passed.", "")


def test_findings_exit_one_with_location_and_code(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "--select", "OSS405")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(".env:0:0: OSS405 ")
    assert "Found 1 problem" in out


def test_exit_zero_flag(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "check", "--select", "OSS405", "--exit-zero")[0] == 0


def test_json_format(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "--select", "OSS405", "--format", "json")
    data = json.loads(out)
    assert code == 1
    (finding,) = data["findings"]
    assert {"code", "path", "line", "col", "message", "severity", "fixable"} <= set(finding)
    assert (finding["code"], finding["path"], finding["severity"]) == ("OSS405", ".env", "error")
    assert data["repos"][0]["rules_run"] == ["OSS405"]


def test_github_format(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "check", "--select", "OSS405", "--format", "github")
    assert out.startswith("::error file=.env,title=OSS405 env-file-tracked::")


def test_sarif_format(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "check", "--select", "OSS405", "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["OSS405"]
    result = run["results"][0]
    assert result["ruleId"] == "OSS405"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ".env"


def test_ignore_in_config_is_reported_with_reason(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (env_repo / "pyproject.toml").write_text(
        '[tool.oss-checks]\nignore = { OSS405 = "only test values, rotated daily" }\n'
    )
    code, out, _ = run_cli(capsys, "check", "--select", "OSS405", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["ignored"][0]["reason"] == "only test values, rotated daily"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--select", "OSS999"], "unknown rule code"),
        (["check", "no/such/path"], "no such file or folder"),
        (["rule", "OSS999"], "unknown rule"),
    ],
)
def test_usage_errors_exit_two_in_one_line(
    env_repo: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run_cli(capsys, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_bad_config_exits_two(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (env_repo / "pyproject.toml").write_text("[tool.oss-checks]\nselect = 3\n")
    code, _, err = run_cli(capsys, "check")
    assert code == 2
    assert err.startswith("oss-checks: error: pyproject.toml: [tool.oss-checks] select must be a list")


def test_rule_crash_is_one_line_and_exit_two(
    env_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = load_rules()["OSS405"]

    def explode(*_: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(rule, "check_file", explode)
    code, _, err = run_cli(capsys, "check", "--select", "OSS405")
    assert code == 2
    assert "internal error in OSS405 (env-file-tracked) on .env: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_files_run_only_file_rules(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "--format", "json", ".env", "README.md")
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert code == 1
    assert codes == {"OSS405"}  # README rules (OSS1xx) are repository rules: not run on files


def test_folder_that_is_not_a_git_repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".env").write_text("A=1\n")
    code, out, _ = run_cli(capsys, "check", str(tmp_path), "--select", "OSS405")
    assert code == 1
    assert "OSS405" in out


def test_baseline_fails_only_on_new_findings(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "check", "--select", "OSS405", "--write-baseline", "base.json")[0] == 0
    assert run_cli(capsys, "check", "--select", "OSS405", "--baseline", "base.json")[0] == 0
    (env_repo / ".env.local").write_text("B=2\n")
    code, out, _ = run_cli(capsys, "check", "--select", "OSS405", "--baseline", "base.json")
    assert code == 1
    assert ".env.local" in out
    assert "1 known finding in the baseline" in out


def test_missing_baseline_is_a_usage_error(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "check", "--baseline", "nope.json")
    assert code == 2
    assert "--write-baseline" in err


def test_fix_creates_sections_and_second_run_changes_nothing(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo({"README.md": "# Project\n\nIt forecasts demand.\n"})
    monkeypatch.chdir(root)
    code, out, _ = run_cli(capsys, "check", "--select", "OSS111", "--fix")
    after_first = (root / "README.md").read_text()
    assert code == 0, out
    assert after_first.startswith("# Project\n\nIt forecasts demand.\n")
    assert "Fixed" in out
    code, out, _ = run_cli(capsys, "check", "--select", "OSS111", "--fix")
    assert code == 0
    assert (root / "README.md").read_text() == after_first
    assert "Fixed" not in out


def test_a_check_from_a_subfolder_checks_the_whole_repository(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo({".env": "A=1\n", "src/pkg/__init__.py": ""})
    monkeypatch.chdir(root / "src")
    code, out, _ = run_cli(capsys, "check", "--select", "OSS405")
    assert code == 1
    assert "../.env:0:0: OSS405" in out


def test_a_file_outside_the_current_folder_uses_its_own_repository(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_repo(
        {
            "pyproject.toml": '[tool.oss-checks.per-path-ignores]\n"bad.py" = { OSS401 = "a documented fixture" }\n',
            "bad.py": 'P = "/home/ana/x.csv"\n',
        }
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)  # not a git repository
    code, out, _ = run_cli(capsys, "check", "--format", "json", str(root / "bad.py"))
    data = json.loads(out)
    assert code == 0
    assert data["ignored"][0]["reason"] == "a documented fixture"


def test_write_baseline_refuses_when_a_rule_crashed(
    env_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(load_rules()["OSS405"], "check_file", explode)
    code, _, err = run_cli(capsys, "check", "--select", "OSS405", "--write-baseline", "base.json")
    assert code == 2
    assert "the baseline was not written" in err
    assert not (env_repo / "base.json").exists()


def test_a_pyproject_whose_tool_is_not_a_table(env_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (env_repo / "pyproject.toml").write_text('tool = "x"\n')
    code, _, err = run_cli(capsys, "check")
    assert code == 2
    assert "`tool` must be a table" in err


def test_fixable_marks_only_what_fix_can_repair_here(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(
        make_repo({"README.md": "# Project\n\nIt forecasts demand for the shops every week.\n"})
    )
    _, out, _ = run_cli(capsys, "check", "--select", "OSS102,OSS111", "--format", "json")
    fixable = {f["code"]: f["fixable"] for f in json.loads(out)["findings"]}
    assert fixable["OSS111"] is True  # a README section skeleton can be added anywhere
    assert fixable["OSS102"] is False  # no template record: no LICENSE text to write
