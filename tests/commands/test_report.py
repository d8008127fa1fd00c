"""``oss-checks report`` end to end: the files it writes, the trend, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import MakeRepo
from oss_checks.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def small_fleet(make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_repo(
        {
            ".env": "TOKEN=abc\n",
            "README.md": "# leaky\n",
            "pyproject.toml": '[tool.oss-checks]\nselect = ["OSS101", "OSS405"]\n',
        }
    )
    make_repo({"README.md": "# quiet\n"})
    make_repo({"pyproject.toml": '[tool.oss-checks]\nselct = ["OSS1"]\n'})
    (tmp_path / "scratch").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_report_writes_every_format_and_a_badge_per_repository(
    small_fleet: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "report", ".", "--output", "out", "--title", "Small fleet")
    assert code == 0, err
    assert out.startswith("Report on 3 repositories (")
    assert "2 blocked" in out, "a tracked .env, and no LICENSE"
    assert "1 not checked" in out
    assert out.strip().endswith("): out/report.html")
    output = small_fleet / "out"
    document = json.loads((output / "report.json").read_text(encoding="utf-8"))
    assert document["title"] == "Small fleet"
    assert sorted(r["key"] for r in document["repos"]) == ["repo0", "repo1", "repo2"]
    assert document["notes"] == ["scratch: skipped, not a repository"]
    assert (output / "report.md").read_text(encoding="utf-8").startswith("# Small fleet\n")
    assert "<title>Small fleet</title>" in (output / "report.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (output / "badges").iterdir()) == ["repo0.svg", "repo1.svg", "repo2.svg"]


def test_previous_reports_make_a_trend(
    small_fleet: Path, capsys: pytest.CaptureFixture[str], make_repo: MakeRepo
) -> None:
    assert run_cli(capsys, "report", ".", "-o", "first")[0] == 0
    (small_fleet / "repo0" / ".env").unlink()
    assert run_cli(capsys, "report", ".", "-o", "second", "--previous", "first/report.json")[0] == 0
    code, _, err = run_cli(
        capsys,
        "report",
        ".",
        "-o",
        "third",
        "--previous",
        "second/report.json",
        "--previous",
        "first/report.json",
    )
    assert code == 0, err

    def leaky(folder: str) -> dict[str, Any]:
        document = json.loads((small_fleet / folder / "report.json").read_text(encoding="utf-8"))
        entry: dict[str, Any] = next(r for r in document["repos"] if r["key"] == "repo0")
        return entry

    first, second, third = leaky("first"), leaky("second"), leaky("third")
    assert second["score"] > first["score"], "the tracked .env is gone"
    assert second["previous"] == {"level": first["level"], "score": first["score"]}
    assert third["previous"] == {"level": second["level"], "score": second["score"]}, (
        "the latest earlier report"
    )
    history = json.loads((small_fleet / "third" / "report.json").read_text(encoding="utf-8"))["history"]
    assert len(history) == 2, "first/report.json, given directly and inside second's history, counts once"
    page = (small_fleet / "third" / "report.html").read_text(encoding="utf-8")
    assert "Readiness over time" in page


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", ".", "--previous", "nope.json"], "--previous "),
        (["report", ".", "--output", "a-file"], "--output a-file is a file, not a folder"),
        (["report", "scratch"], "no repository found"),
    ],
)
def test_usage_errors_are_one_line(
    small_fleet: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    (small_fleet / "a-file").write_text("x", encoding="utf-8")
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("oss-checks: error: ")
    assert message in err


def test_jobs_must_be_a_positive_number(small_fleet: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["report", ".", "--jobs", "0"])
    assert stopped.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err
