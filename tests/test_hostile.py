"""A repository you did not write: no command runs its code, writes outside it, hangs or crashes.

Each class of attack found by the audit (issue 12) has a regression test here; the
property tests at the end throw hostile names and contents through every command and
output format.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MakeRepo, git, write_tree
from oss_checks.cli import main
from oss_checks.render import complete
from oss_checks.template import template_root

CHECKS = Path(__file__).resolve().parents[1] / "checks"
RECORD = ".oss-template.json"
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x1b]")

pytestmark = pytest.mark.usefixtures("private_home")


def baked_record(**overrides: str) -> str:
    """A complete record of a default bake, with some answers replaced."""
    answers = {k: v for k, v in complete(template_root(), {}).items() if not k.startswith("_")}
    answers.update(overrides)
    return json.dumps({"template": "oss-template", "version": "0.1.0", "answers": answers})


def payload(marker: Path) -> str:
    return "{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}"


@pytest.mark.parametrize(
    "argv",
    [["diff"], ["update", "--dry-run"], ["check", "--fix", "--select", "OSS704"]],
)
def test_a_recorded_answer_never_runs_as_code(
    make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    marker = tmp_path / "ran"
    root = make_repo({RECORD: baked_record(description=payload(marker))}, commit=True)
    monkeypatch.chdir(root)
    main([*argv, *([] if argv[0] == "check" else ["."])])
    assert not marker.exists()


def test_a_recorded_hook_repository_cannot_inject_a_hook(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    record = json.loads(baked_record())
    record["answers"]["_checks_repository"] = "https://x.test/a\n  - repo: local"
    root = make_repo({RECORD: json.dumps(record)}, commit=True)
    monkeypatch.chdir(root)
    assert main(["diff", "."]) == 2
    assert "is not an https:// repository address" in capsys.readouterr().err


def test_fix_never_writes_through_a_symlinked_folder(make_repo: MakeRepo, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = make_repo({RECORD: baked_record(ci="github")}, commit=True)
    (root / ".github").symlink_to(outside, target_is_directory=True)
    main(["check", str(root), "--fix", "--select", "OSS704,OSS115"])
    assert list(outside.iterdir()) == []


def test_diff_never_reads_through_a_symlinked_folder(
    make_repo: MakeRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    (outside / "workflows").mkdir(parents=True)
    (outside / "workflows" / "ci.yml").write_text("SECRET-FROM-OUTSIDE\n", encoding="utf-8")
    root = make_repo({RECORD: baked_record(ci="github")}, commit=True)
    (root / ".github").symlink_to(outside, target_is_directory=True)
    main(["diff", str(root)])
    assert "SECRET-FROM-OUTSIDE" not in capsys.readouterr().out


_AWS_KEY = "AKIA" + "QWERTYUIOPASDFGH"
_LINKED_FILES = {
    "README.md": "# Demo\n\nTODO: write this\n",
    "src/demo/__init__.py": f'KEY = "{_AWS_KEY}"\nframe = open("/home/alice/data.csv")\n',
    "src/demo/settings.yaml": "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> other\n",
    "config/prod.env": "TOKEN=abcdef123456\n",
    "notebooks/1.0-ab-explore.ipynb": json.dumps(
        {
            "cells": [
                {
                    "cell_type": "code",
                    "execution_count": 2,
                    "metadata": {},
                    "outputs": [{"output_type": "stream", "name": "stdout", "text": [f"key {_AWS_KEY}\n"]}],
                    "source": ["y = x + 1\n", "open('/home/alice/data.csv')\n"],
                },
                {
                    "cell_type": "code",
                    "execution_count": 1,
                    "metadata": {},
                    "outputs": [],
                    "source": ["x = 1\n"],
                },
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    ),
}


def _every_finding(root: Path) -> set[tuple[str, str, int, str]]:
    from oss_checks import engine
    from oss_checks.rules import load_rules

    result = engine.check(root, select=sorted(load_rules()))
    assert result.errors == []
    return {(f.code, f.path, f.line, f.message) for f in result.findings}


def test_a_link_to_a_file_of_the_repository_is_not_a_second_copy_of_it(make_repo: MakeRepo) -> None:
    # Links are read through now (a README kept as a link to the docs' index): the per-file
    # rules must still check each text once, where it lives, and never at the link.
    plain = make_repo(_LINKED_FILES)
    linked = make_repo(_LINKED_FILES, git_init=False)
    (linked / "links").mkdir()
    for path in _LINKED_FILES:
        (linked / "links" / path.replace("/", "-")).symlink_to("../" + path)
    (linked / ".env").symlink_to("config/prod.env")
    git(linked, "init", "-q", "-b", "main")
    git(linked, "add", "-A")
    before = _every_finding(plain)
    assert {"OSS110", "OSS303", "OSS307", "OSS401", "OSS407", "OSS703"} <= {code for code, *_ in before}
    assert _every_finding(linked) == before


def test_no_rule_reads_outside_the_repository_through_a_link(make_repo: MakeRepo, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "notes.md").write_text(f"# Private\n\nkey {_AWS_KEY}\n<<<<<<< HEAD\n", encoding="utf-8")
    root = make_repo({"pyproject.toml": '[project]\nname = "demo"\n'}, git_init=False)
    (root / "docs").mkdir()
    (root / "README.md").symlink_to(outside / "notes.md")
    (root / "CONTRIBUTING.md").symlink_to("../outside/notes.md")
    (root / "docs" / "outside").symlink_to(outside, target_is_directory=True)
    (root / "SECURITY.md").symlink_to("docs/outside/notes.md")
    (root / "notes.py").symlink_to("docs/outside/notes.md")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    findings = _every_finding(root)
    assert not any("Private" in message or "AKIA" in message for *_, message in findings)
    assert not any(code in ("OSS407", "OSS703") for code, *_ in findings)
    unreadable = {(code, path) for code, path, _, message in findings if "symbolic link" in message}
    assert {("OSS101", "README.md"), ("OSS103", "CONTRIBUTING.md")} <= unreadable


def test_write_baseline_refuses_a_symlink_at_its_path(make_repo: MakeRepo, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n", encoding="utf-8")
    root = make_repo({".env": "A=1\n"})
    (root / "baseline.json").symlink_to(target)
    assert main(["check", str(root), "--write-baseline", str(root / "baseline.json")]) == 2
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_a_baseline_holds_repository_relative_paths_and_reads_back_any_name(make_repo: MakeRepo) -> None:
    root = make_repo({"README.md": "# x\n"})
    odd = root / b"d\xff\r".decode("utf-8", "surrogateescape")
    odd.mkdir()
    (odd / ".env").write_text("A=1\n", encoding="utf-8")
    baseline = root / "baseline.json"
    assert main(["check", str(root), "--select", "OSS405", "--write-baseline", str(baseline)]) == 0
    text = baseline.read_text(encoding="utf-8")
    assert str(root) not in text
    assert main(["check", str(root), "--select", "OSS405", "--baseline", str(baseline)]) == 0


def test_a_leading_dash_in_a_file_name_is_still_a_path(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo({"-n/.env": "A=1\n"})  # committed before .gitignore learned of it
    (root / ".gitignore").write_text(".env\n", encoding="utf-8")
    assert main(["check", str(root), "--select", "OSS405"]) == 1
    out = capsys.readouterr().out
    assert "-n/.env" in out
    assert "add .env to .gitignore" not in out  # git was asked about the path, not given an option


def test_a_huge_team_file_is_refused_unread(
    make_repo: MakeRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    root = make_repo({"pyproject.toml": f'[tool.oss-checks]\nextend = "{huge}"\n'})
    assert main(["check", str(root)]) == 2
    assert "not a team configuration" in capsys.readouterr().err


def test_one_repository_with_a_name_that_is_not_utf8_never_stops_the_report(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    fleet = tmp_path / "fleet"
    fleet.mkdir()
    for name in ("plain", "odd"):
        root = fleet / name
        root.mkdir()
        write_tree(root, {"README.md": "# x\n"})
        git(root, "init", "-q")
    (fleet / "odd" / b"caf\xe9.env".decode("utf-8", "surrogateescape")).write_text("A=1\n", encoding="utf-8")
    assert main(["report", str(fleet), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(data["repos"]) == 2


@pytest.mark.slow
@pytest.mark.parametrize(
    ("files", "select"),
    [
        # A license value followed by 80,000 spaces.
        ({"pyproject.toml": '[project]\nname = "x"\nlicense = "MIT' + " " * 80_000 + '"\n'}, "OSS2"),
        # A workflow line with 60,000 expressions.
        (
            {".github/workflows/ci.yml": "jobs:\n  a:\n    steps:\n      - run: " + "${{" * 60_000 + "\n"},
            "OSS6",
        ),
        # A deep folder against a per-path-ignore glob of many double stars.
        (
            {
                "pyproject.toml": '[tool.oss-checks.per-path-ignores]\n"'
                + "/".join(["**"] * 40)
                + '/x.py" = { OSS405 = "why" }\n',
                "/".join(["d"] * 150) + "/.env": "A=1\n",
            },
            "OSS405",
        ),
        # A file with 80,000 hard-coded paths.
        ({"paths.py": "".join(f'P{n} = "/home/ana/{n}.csv"\n' for n in range(80_000))}, "OSS401"),
        # Notebook attributes and a hook id made of what the stripper search looks for.
        (
            {
                "a.ipynb": "{}",
                ".gitattributes": ".ipynb" * 150_000 + "\n",
                ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks:\n      - id: "
                + "nb-notebook-" * 50_000
                + "\n        name: x\n        entry: x\n        language: system\n",
            },
            "OSS604",
        ),
    ],
)
def test_hostile_sizes_take_seconds_not_hours(
    make_repo: MakeRepo, files: dict[str, str], select: str
) -> None:
    root = make_repo(files)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "oss_checks", "check", str(root), "--select", select, "--format", "json"],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(CHECKS)},
    )
    assert done.returncode in (0, 1), done.stderr
    assert time.perf_counter() - started < 60


# -- properties ------------------------------------------------------------------------------------
NAME_CHARACTERS = st.characters(
    exclude_categories=["Cs"], exclude_characters="/\x00", min_codepoint=1, max_codepoint=0x2FFF
)
hostile_names = st.one_of(
    st.text(NAME_CHARACTERS, min_size=1, max_size=40).filter(lambda name: name not in (".", "..")),
    st.sampled_from(["-rf", "--help", "\n::error::x", "\x1b[31mred", "a\rb", "\u202etxt.exe", "x" * 200]),
)
hostile_contents = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["[" * 5000, '{"nbformat": 4, "cells": [' + "[" * 3000, "<<<<<<< a\n=======\n>>>>>>> b\n"]
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=hostile_names, content=hostile_contents, suffix=st.sampled_from(["", ".ipynb", ".py", ".env", ".md"])
)
def test_any_name_and_content_through_every_format(
    tmp_path: Path, name: str, content: str, suffix: str
) -> None:
    root = tmp_path / f"repo{abs(hash((name, content, suffix)))}"
    root.mkdir()
    try:
        (root / f"{name}{suffix}").write_text(content, encoding="utf-8")
    except OSError:
        return  # a name this file system refuses
    before = sorted(p.name for p in tmp_path.iterdir())
    for output in ("text", "json", "github", "sarif"):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", str(root), "--format", output])
        assert code in (0, 1, 2)
        assert "Traceback" not in err.getvalue()
        assert "internal error" not in err.getvalue()
        if output in ("text", "github"):
            assert not _RAW_CONTROL.search(out.getvalue())
        else:
            json.loads(out.getvalue())
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside the repository
