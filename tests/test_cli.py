"""The command line: every command's parser, cheap to build, and one way to fail."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import CHECKS, MakeRepo, fresh_python
from oss_checks.cli import build_parser, main
from oss_checks.commands import COMMANDS


def test_every_command_has_a_parser_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["--help"])
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


@pytest.mark.parametrize(
    ("columns", "width"), [("60", 60), ("200", 200), ("0", 80), ("-5", 80), ("wide", 80)]
)
def test_help_is_as_wide_as_the_terminal_says_and_80_when_it_says_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: str, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr("os.get_terminal_size", lambda fd=0: os.terminal_size((0, 0)))  # as under `script`
    with pytest.raises(SystemExit):
        build_parser(["check"]).parse_args(["check", "--help"])
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= width  # as stock argparse wraps (it leaves a margin)
    assert (
        max(len(line) for line in lines) > min(width - 2, 60) - 25
    )  # wrapped to the width, not at every word


def modules_loaded_by_building(arguments: str) -> list[str]:
    """The package's modules a fresh interpreter holds after ``build_parser(<arguments>)``."""
    script = (
        f"import sys; from oss_checks.cli import build_parser; build_parser({arguments}); "
        "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('oss_checks'))))"
    )
    return fresh_python(script).split()


def test_building_the_parser_imports_only_the_command_modules() -> None:
    """The per-file hook builds the parser on every commit: nothing else may load with it."""
    loaded = set(modules_loaded_by_building(""))
    allowed = {"oss_checks", "oss_checks.cli", "oss_checks.errors", "oss_checks.commands"}
    allowed |= {module for module, _help in COMMANDS.values()}
    assert loaded <= allowed, sorted(loaded - allowed)


def test_no_command_prints_help_and_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_a_closed_pipe_ends_quietly_with_the_command_s_own_exit_code(make_repo: MakeRepo) -> None:
    root = make_repo({f"m{n}/.env": "A=1\n" for n in range(300)})
    done = subprocess.run(
        f"{sys.executable} -m oss_checks check {root} | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(CHECKS)},
        executable="/bin/bash",
    )
    assert done.stderr == ""
    assert done.stdout.count("\n") == 1
    status = subprocess.run(
        f"set -o pipefail; {sys.executable} -m oss_checks check {root} | head -n 1 > /dev/null",
        shell=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(CHECKS)},
        executable="/bin/bash",
    )
    assert status.returncode == 1  # findings, as without the pipe


def test_names_an_ascii_terminal_cannot_show_are_escaped(make_repo: MakeRepo) -> None:
    root = make_repo({"caf\u00e9/.env": "A=1\n"})
    odd = root / b"x\xff".decode("utf-8", "surrogateescape")
    odd.mkdir()
    (odd / ".env").write_text("B=2\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "oss_checks", "check", str(root)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(CHECKS), "PYTHONIOENCODING": "ascii:strict", "LC_ALL": "C"},
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"caf\\xe9" in done.stdout
    assert b"x\\udcff/.env" in done.stdout


def test_a_run_declares_only_its_own_command(capsys: pytest.CaptureFixture[str]) -> None:
    """Options of the other commands are neither imported nor declared, yet help and errors work."""
    parser = build_parser(["check", "--help"])
    with pytest.raises(SystemExit):
        parser.parse_args(["check", "--help"])
    assert "--select" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        build_parser(["--help"]).parse_args(["--help"])
    listed = capsys.readouterr().out
    assert all(name in listed for name in COMMANDS)
    assert main(["rules", "--format", "json"]) == 0


def test_loading_check_leaves_the_other_commands_unloaded() -> None:
    loaded = modules_loaded_by_building("['check', '.']")
    assert [name for name in loaded if name.startswith("oss_checks.commands.")] == [
        "oss_checks.commands.check"
    ]


def test_a_check_imports_no_dataclasses(make_repo: MakeRepo) -> None:
    """Every run pays for what it imports: dataclasses (and the inspect module under it) and the
    methods they generate were a quarter of the per-file hook's start-up."""
    root = make_repo({"analysis.ipynb": "{}", "src/x.py": "x = 1\n"})
    script = (
        "import sys; from oss_checks.cli import main; main(['check', '--quiet', sys.argv[1]]); "
        "print(*sorted(m for m in ('dataclasses', 'inspect') if m in sys.modules))"
    )
    printed = fresh_python(script, str(root))
    assert printed.splitlines()[-1:] == [""], printed


def test_a_check_imports_no_subprocess(make_repo: MakeRepo) -> None:
    """git runs through a spawn and a pipe: subprocess brings threading, selectors and signal
    handling with it, a few milliseconds of every per-file hook run."""
    root = make_repo({".env": "A=1\n", "src/x.py": "x = 1\n"}, commit=True)
    script = (
        "import sys; from oss_checks.cli import main; main(['check', '--quiet', sys.argv[1]]); "
        "print(*sorted(m for m in ('subprocess', 'threading', 'selectors') if m in sys.modules))"
    )
    printed = fresh_python(script, str(root))
    assert printed.splitlines()[-1:] == [""], printed


def test_only_the_process_s_own_command_line_leaves_its_objects_to_the_end_of_the_process() -> None:
    """``main()`` runs the command line of a process that ends with it; ``main(argv)`` may be one call of many."""
    script = (
        "import gc, io, sys; sys.argv = ['oss-checks', 'rules']; from oss_checks.cli import main; "
        "out, sys.stdout = sys.stdout, io.StringIO(); main({}); sys.stdout = out; print(gc.get_freeze_count() > 0)"
    )
    assert fresh_python(script.format("")).split() == ["True"]
    assert fresh_python(script.format("['rules']")).split() == ["False"]
