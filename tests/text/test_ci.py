"""Reading CI files, noxfiles and pre-commit configurations without running them."""

from __future__ import annotations

import pytest

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.text.ci import (
    ci_files,
    is_workflow,
    nox_calls,
    noxfile_sessions,
    precommit_hooks,
    uses_tool,
    without_expressions,
)


@pytest.mark.parametrize(
    ("line", "sessions"),
    [
        ("      - run: nox", ()),
        ("      - run: nox -s lint tests", ("lint", "tests")),
        ("  - uvx nox -s lint", ("lint",)),
        ("    uvx --python 3.12 nox --session=tests", ("tests",)),
        ("run: uvx nox@2025.10.14 -e docs", ("docs",)),
        ("  - pipx run nox -s build", ("build",)),
        ("  - pipx run --spec nox==2025.1.1 nox --sessions lint", ("lint",)),
        ("  script: python -m nox -s lint", ("lint",)),
        ("  script: python3.12 -I -m nox -s lint", ("lint",)),
        ("  - uv run nox -slint", ("lint",)),
        ("  - uv tool run nox -s lint", ("lint",)),
        ("sh 'nox -s tests'", ("tests",)),
        ('      - run: nox -s "lint"', ("lint",)),
        ("      - run: cd sub && nox -s lint; nox -s tests", ("lint", "tests")),
        ("      - run: NOX_DEFAULT_VENV_BACKEND=uv nox -s lint", ("lint",)),
        ("      - run: nox -s tests -- -k slow", ("tests",)),
        ("      - run: nox -s ${{ matrix.session }}", ()),
        ("  - nox -s tests-$PYTHON lint", ("lint",)),
        ('  script: ["nox -s lint", "uvx --from nox[uv] nox -s tests"]', ("lint", "tests")),
    ],
)
def test_nox_commands_are_recognised(line: str, sessions: tuple[str, ...]) -> None:
    calls = nox_calls("ci", f"x: 1\n{line}\n")
    assert calls
    assert {call.line for call in calls} == {2}
    assert tuple(name for call in calls for name in call.sessions) == sessions


@pytest.mark.parametrize(
    "line",
    [
        "      - run: pip install nox",
        "      - run: python -m pip install nox",
        "      - uses: wntrblm/nox@2025.02.09",
        "      - name: nox",
        "      - run: python noxfile.py",
        "# nox -s tests",
        "      - run: echo done  # nox -s tests",
        "      - run: uv tool install nox",
    ],
)
def test_lines_that_do_not_run_nox(line: str) -> None:
    assert nox_calls("ci", line + "\n") == []


def test_continued_shell_lines_keep_the_first_line_number() -> None:
    text = "steps:\n  - run: |\n      nox \\\n        -s lint\n"
    calls = nox_calls("ci", text)
    assert [(call.line, call.sessions) for call in calls] == [(3, ("lint",))]


def test_noxfile_session_names() -> None:
    text = """\
import nox as n
from nox import session as sess


@n.session
def lint(session): ...


@sess(name="type-check")
def typecheck(session): ...


@n.session(python=["3.11"])
@n.parametrize("x", [1, 2])
async def tests(session, x): ...


def helper(session): ...


build = n.session(helper, name="build")
"""
    sessions = noxfile_sessions(text)
    assert sessions.names == {"lint", "type-check", "tests", "build"}
    assert not sessions.dynamic
    assert sessions.defines("tests-3.11")
    assert sessions.defines("tests(x=1)")
    assert not sessions.defines("typecheck")
    assert not sessions.defines("lint2")


def test_nox_poetry_and_nox_uv_sessions_are_sessions() -> None:
    text = (
        "import nox\ntry:\n    from nox_poetry import Session, session\nexcept ImportError:\n    raise SystemExit\n\n"
        '@session(name="docs-build", python="3.11")\ndef docs_build(session: Session): ...\n\n'
        "import nox_uv\n\n@nox_uv.session\ndef lint(s): ...\n"
    )
    assert noxfile_sessions(text).names == {"docs-build", "lint"}


def test_noxfile_with_computed_session_names_is_dynamic() -> None:
    text = "import nox\nfor n in ['a']:\n    nox.session(lambda s: None, name=n)\n"
    assert noxfile_sessions(text).dynamic


def test_ci_files_are_found_workflows_first(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            ".gitlab-ci.yml": "a: 1\n",
            ".github/workflows/ci.yml": "jobs: {}\n",
            ".github/workflows/x/deep.yml": "",
        }
    )
    assert ci_files(Repo(root)) == [".github/workflows/ci.yml", ".gitlab-ci.yml"]
    assert is_workflow(".github/workflows/a.yaml")
    assert not is_workflow(".github/workflows/x/deep.yml")


def test_precommit_hooks_with_their_lines(make_repo: MakeRepo) -> None:
    config = "repos:\n  - repo: local\n    hooks:\n      - id: strip\n        entry: nbstripout\n"
    hooks = precommit_hooks(Repo(make_repo({".pre-commit-config.yaml": config})))
    assert hooks is not None
    assert [(hook.id, hook.entry, hook.line) for hook in hooks] == [("strip", "nbstripout", 4)]
    assert uses_tool(hooks, ["nbstripout"])
    assert not uses_tool(hooks, ["gitleaks"])
    assert precommit_hooks(Repo(make_repo({".pre-commit-config.yaml": "repos: 3\n"}))) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("nox -s ${{ matrix.session }}", "nox -s $EXPR"),
        ("a ${VAR} b ${{ x }} c", "a $EXPR b $EXPR c"),
        ("${{ never closed", "${{ never closed"),
        ("${{ a } b", "$EXPR b"),  # a single brace closes a ${...}, as before
        ("${ open ${{ x }}", "$EXPR}"),  # the first "}" closes the "${", as the shell reads it
        ("no expression", "no expression"),
    ],
)
def test_ci_expressions_are_replaced(line: str, expected: str) -> None:
    assert without_expressions(line) == expected


@pytest.mark.parametrize("opening", ["${{", "${", "$"])
def test_60000_unclosed_expressions_are_read_in_linear_time(opening: str) -> None:
    # Issue 12: `\$\{\{.*?\}\}` rescanned the rest of the line from each of these.
    line = "run: nox -s " + opening * 60_000
    assert without_expressions(line) == line
    assert nox_calls("ci.yml", line)[0].line == 1


def test_many_python_options_are_read_in_linear_time() -> None:
    calls = nox_calls("ci.yml", "run: python " + "-I -u " * 30_000 + "-m nox -s lint")
    assert [call.sessions for call in calls] == [("lint",)]
