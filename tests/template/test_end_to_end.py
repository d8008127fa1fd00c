"""A baked project works on day one: nox, pre-commit and repo-review all pass.

GitHub cannot be reached here, so pre-commit runs the offline twin of the baked config
(see precommit_twin.py).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from template.baking import TEMPLATE_ROOT, Bakery, git_commit_all, isolated_env, run
from template.precommit_twin import offline_twin

pytestmark = pytest.mark.slow

E2E: dict[str, dict[str, str]] = {
    "default": {},
    "analysis-sphinx-gitlab": {
        "project_type": "analysis",
        "docs": "sphinx",
        "ci": "gitlab",
        "git_host": "gitlab.com",
        "python_min": "3.10",
    },
    "library-public-apache-mkdocs-github": {
        "project_type": "library",
        "visibility": "public",
        "license": "Apache-2.0",
        "docs": "mkdocs",
        "ci": "github",
    },
    "minimal": {"docs": "none", "ci": "none"},
}


Committed = Callable[[str], Path]


@pytest.fixture(scope="session")
def committed(bakery: Bakery, tmp_path_factory: pytest.TempPathFactory) -> Committed:
    """A bake turned into a git repository with one commit, once per answers and process."""
    cache: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in cache:
            root = tmp_path_factory.mktemp(f"e2e-{name}")
            project = root / "project"
            shutil.copytree(bakery(E2E[name]), project, symlinks=True)
            git_commit_all(project)
            cache[name] = project
        return cache[name]

    return get


@pytest.mark.parametrize("name", list(E2E))
def test_nox_runs_every_session_green(committed: Committed, name: str) -> None:
    project = committed(name)
    home = project.parent
    summary = home / "step-summary.md"
    env = isolated_env(home, OSS_CHECKS_REQUIREMENT=str(TEMPLATE_ROOT), GITHUB_STEP_SUMMARY=str(summary))
    done = run([sys.executable, "-m", "nox"], project, env)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-6000:]
    sessions = {"lint", "typecheck", "tests", "build", "conventions"}
    if E2E[name].get("docs", "properdocs") != "none":
        sessions.add("docs")
    if E2E[name].get("project_type") == "analysis":
        sessions.add("notebooks")
    output = done.stderr + done.stdout
    for session in sessions:
        assert f"* {session}: success" in output, session
    assert "notebooks" in sessions or "notebooks" not in output
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("## Coverage\n")
    assert re.search(r"^\| \*\*TOTAL\*\* +\|", table, re.MULTILINE), table
    # The bake's own tests cover every line, above the floor.
    assert re.search(r"^\| \*\*TOTAL\*\* .*\| \*\*100%\*\* \|", table, re.MULTILINE), table
    # Running every session, notebooks included, leaves the committed files as they were.
    assert run(["git", "status", "--porcelain"], project, env).stdout == ""
    # No engine prints an end-of-life or migration notice.
    assert "end of life" not in output
    assert "should be renamed" not in output


def test_noxfile_runs_as_a_script(committed: Committed) -> None:
    # The shebang runs it with `uv run --script`, which installs nox from the script block.
    project = committed("default")
    done = run([str(project / "noxfile.py"), "--list"], project, isolated_env(project.parent))
    assert done.returncode == 0, done.stdout + done.stderr
    for session in ("lint", "typecheck", "tests", "docs", "build", "conventions"):
        assert f"* {session} -> " in done.stdout, session


@pytest.mark.parametrize("name", list(E2E))
def test_precommit_config_is_valid(committed: Committed, name: str) -> None:
    project = committed(name)
    env = isolated_env(project.parent)
    done = run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"], project, env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout + done.stderr == ""


@pytest.mark.parametrize("name", list(E2E))
def test_offline_twin_of_precommit_passes_on_every_file(
    committed: Committed, name: str, tmp_path: Path
) -> None:
    if sys.version_info < (3, 11):
        # As with the real hooks: pre-commit installs each hook's release into the Python it
        # runs on, and check-jsonschema 0.39 and zizmor 1.32 need Python 3.11.
        pytest.skip("the pinned check-jsonschema and zizmor hooks need Python 3.11 or newer")
    project = committed(name)
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    twin = tmp_path / "twin.yaml"
    twin.write_text(yaml.safe_dump(offline_twin(config, tmp_path), sort_keys=False), encoding="utf-8")
    env = isolated_env(project.parent)
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--config", str(twin)]
    done = run(command, project, env)
    assert done.returncode == 0, done.stdout[-8000:] + done.stderr[-4000:]
    unchanged = run(["git", "status", "--porcelain"], project, env)
    assert unchanged.stdout == ""


def checks_requiring(code: str) -> set[str]:
    """sp-repo-review's checks that need ``code`` to pass, directly or through another."""
    import importlib
    import inspect
    import pkgutil

    import sp_repo_review.checks

    requires: dict[str, set[str]] = {}
    for info in pkgutil.iter_modules(sp_repo_review.checks.__path__):
        module = importlib.import_module(f"sp_repo_review.checks.{info.name}")
        for name, value in vars(module).items():
            if inspect.isclass(value) and re.fullmatch(r"[A-Z]+\d+", name):
                requires[name] = set(getattr(value, "requires", set()))
    found: set[str] = set()
    frontier = {code}
    while frontier:
        frontier = {name for name, needs in requires.items() if needs & frontier} - found
        found |= frontier
    return found


@pytest.mark.parametrize("name", ["default", "analysis-sphinx-gitlab", "minimal"])
def test_repo_review_passes_every_check(committed: Committed, name: str) -> None:
    project = committed(name)
    versions = {
        name: importlib.metadata.version(name)
        for name in ("repo-review", "sp-repo-review", "validate-pyproject")
    }
    command = [
        sys.executable,
        "-m",
        "uv",
        "tool",
        "run",
        "--from",
        f"repo-review[cli]=={versions['repo-review']}",
        "--with",
        f"sp-repo-review=={versions['sp-repo-review']}",
        "--with",
        f"validate-pyproject[all]=={versions['validate-pyproject']}",
        "repo-review",
        "--format",
        "json",
        str(project),
    ]
    done = run(command, project.parent, isolated_env(project.parent))
    report = json.loads(done.stdout)
    failed = {code: check["err_msg"] for code, check in report["checks"].items() if check["result"] is False}
    assert failed == {}
    skipped = {
        code: check["skip_reason"] for code, check in report["checks"].items() if check["result"] is None
    }
    # Without GitHub Actions the bake ignores GH100 with its reason; the checks that require
    # GH100 then skip without one of their own.
    github_ci = E2E[name].get("ci", "github") == "github"
    assert github_ci == ("GH100" not in skipped)
    follows = set() if github_ci else checks_requiring("GH100")
    unexplained = {code for code, reason in skipped.items() if not reason and code not in follows}
    assert unexplained == set(), skipped
    assert sum(check["result"] is True for check in report["checks"].values()) > 40


def test_conventions_session_explains_a_rule(committed: Committed) -> None:
    """CONTRIBUTING.md's command for a rule's explanation works with the project's own oss-checks."""
    project = committed("minimal")
    contributing = (project / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "`nox -s conventions -- rule OSS302`" in contributing
    assert "uvx oss-checks" not in contributing
    assert "pipx run oss-checks" not in contributing
    env = isolated_env(project.parent, OSS_CHECKS_REQUIREMENT=str(TEMPLATE_ROOT))
    done = run([sys.executable, "-m", "nox", "-s", "conventions", "--", "rule", "OSS302"], project, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OSS302" in done.stdout
    assert "How to fix" in done.stdout


# -- nox on a Python older than the project's -----------------------------------------------
def working_python(minor: int) -> Path | None:
    """An interpreter for Python 3.<minor> that really runs (a pyenv shim may not)."""
    candidates = [shutil.which(f"python3.{minor}")]
    pyenv_root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    candidates += sorted(
        str(path) for path in Path(pyenv_root).glob(f"versions/3.{minor}.*/bin/python3.{minor}")
    )
    for candidate in candidates:
        if (
            candidate
            and subprocess.run([candidate, "-c", ""], capture_output=True, check=False).returncode == 0
        ):
            return Path(candidate)
    return None


@pytest.fixture(scope="module")
def older_nox(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """nox installed on a Python older than the one running the tests.

    Returns the newest template choice of python_min that the running Python satisfies and
    the Python of a fresh environment with the same nox as ours, on an older minor version.
    """
    from oss_checks.bake import PYTHON_VERSIONS

    target = max(
        (v for v in PYTHON_VERSIONS if int(v.split(".")[1]) <= sys.version_info[1]),
        key=lambda v: int(v.split(".")[1]),
    )
    older = next(
        (found for minor in range(int(target.split(".")[1]) - 1, 9, -1) if (found := working_python(minor))),
        None,
    )
    if older is None:
        pytest.skip(f"no Python older than {target} is installed to run nox on")
    home = tmp_path_factory.mktemp("older-nox")
    venv = home / "venv"
    env = isolated_env(home)
    made = run([sys.executable, "-m", "uv", "venv", "-q", "-p", str(older), str(venv)], home, env)
    assert made.returncode == 0, made.stderr
    nox_version = importlib.metadata.version("nox")
    installed = run(
        [
            sys.executable,
            "-m",
            "uv",
            "pip",
            "install",
            "-q",
            "-p",
            str(venv / "bin" / "python"),
            f"nox=={nox_version}",
        ],
        home,
        env,
    )
    assert installed.returncode == 0, installed.stderr
    return target, venv / "bin" / "python"


def tools_only(tmp_path: Path) -> Path:
    """A folder holding only uv, for a PATH on which no Python but the system's is found."""
    folder = tmp_path / "tools"
    folder.mkdir()
    (folder / "uv").symlink_to(Path(sys.executable).parent / "uv")
    return folder


def test_nox_on_an_older_python_runs_the_sessions_on_a_supported_one(
    bakery: Bakery, older_nox: tuple[str, Path], tmp_path: Path
) -> None:
    version, nox_python = older_nox
    project = tmp_path / "project"
    shutil.copytree(bakery({"python_min": version, "docs": "none", "ci": "none"}), project)
    git_commit_all(project)
    # The supported Python is the one running these tests, on PATH as python3.X.
    env = isolated_env(
        tmp_path,
        UV_PYTHON_DOWNLOADS="never",
        UV_PYTHON_INSTALL_DIR=str(tmp_path / "no-managed-pythons"),
        OSS_CHECKS_REQUIREMENT=str(TEMPLATE_ROOT),
    )
    done = run([str(nox_python), "-m", "nox", "-s", "typecheck", "tests"], project, env)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-6000:]
    output = done.stdout + done.stderr
    for session in ("typecheck", "tests"):
        assert f"* {session}: success" in output, session
    assert f"platform linux -- Python {version}." in output  # pytest's header names the interpreter
    assert "nox: this project needs" not in output


def test_nox_on_an_older_python_says_which_python_to_install(
    bakery: Bakery, older_nox: tuple[str, Path], tmp_path: Path
) -> None:
    from oss_checks.bake import PYTHON_VERSIONS

    _, nox_python = older_nox
    nox_minor = int(
        run([str(nox_python), "-c", "import sys; print(sys.version_info[1])"], tmp_path, {}).stdout
    )
    # A python_min above nox's Python that the system folders (the only ones on PATH) lack.
    absent = [
        v
        for v in PYTHON_VERSIONS
        if int(v.split(".")[1]) > nox_minor
        and not any(Path(f"{d}/python{v}").exists() for d in ("/usr/bin", "/bin"))
    ]
    if not absent:
        pytest.skip("the system itself has every Python the template offers")
    version = absent[-1]
    project = tmp_path / "project"
    shutil.copytree(bakery({"python_min": version, "docs": "none", "ci": "none"}), project)
    env = isolated_env(
        tmp_path,
        PATH=os.pathsep.join([str(tools_only(tmp_path)), "/usr/bin", "/bin"]),
        PYENV_ROOT=str(tmp_path / "no-pyenv"),
        UV_PYTHON_DOWNLOADS="never",
        UV_PYTHON_INSTALL_DIR=str(tmp_path / "no-managed-pythons"),
    )
    done = run([str(nox_python), "-m", "nox", "-s", "lint"], project, env)
    assert done.returncode != 0, done.stdout + done.stderr
    hints = [
        line
        for line in done.stderr.splitlines()
        if line.startswith(f"nox: this project needs Python {version}")
    ]
    assert len(hints) == 1, done.stderr
    assert f"uv python install {version}" in hints[0]
    # Failed, never skipped: a missing interpreter must not pass as green.
    assert f"Session lint failed: Python interpreter {version} not found" in done.stderr


# -- the pip path of CONTRIBUTING.md, with the pip that Python ships ------------------------
def fenced_commands(markdown: str, first: str) -> list[str]:
    """The lines of the ```bash block whose first line starts with ``first``."""
    for block in re.findall(r"^```bash\n(.*?)^```$", markdown, flags=re.MULTILINE | re.DOTALL):
        lines = [line for line in block.splitlines() if line.strip()]
        if lines and lines[0].startswith(first):
            return lines
    raise AssertionError(f"no bash block starts with {first!r}")


def test_contributing_pip_path_works_with_the_pip_venv_installs(bakery: Bakery, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(bakery({"docs": "none", "ci": "none", "python_min": "3.10"}), project)
    # `python3.11 -m venv`, as a user would type it (else the Python running the tests).
    found = working_python(11)
    base_python = str(found) if found else str(getattr(sys, "_base_executable", sys.executable))
    venv = tmp_path / "venv"
    made = run([base_python, "-m", "venv", str(venv)], tmp_path, isolated_env(tmp_path))
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    env = isolated_env(tmp_path, PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    bundled = run([str(python), "-m", "pip", "--version"], project, env).stdout.split()[1]
    # The pip that `python -m venv` installs cannot read dependency groups yet.
    assert tuple(int(part) for part in bundled.split(".")[:2]) < (25, 1), bundled
    old_pip = run([str(python), "-m", "pip", "install", "-e", ".", "--group", "dev"], project, env)
    assert old_pip.returncode != 0

    contributing = (project / "CONTRIBUTING.md").read_text(encoding="utf-8")
    commands = fenced_commands(contributing, "python -m pip install --upgrade")
    assert commands == [
        'python -m pip install --upgrade "pip>=25.1"',
        "python -m pip install -e . --group dev",
    ]
    for command in commands:
        argv = [str(python), *command.split()[1:]]
        argv = [arg.strip('"') for arg in argv]
        done = run(argv, project, env, timeout=900)
        assert done.returncode == 0, command + "\n" + done.stdout[-3000:] + done.stderr[-3000:]
    for tool in ("pytest", "ruff", "mypy", "nox", "pre-commit"):
        assert (venv / "bin" / tool).is_file(), tool
    imported = run(
        [str(python), "-c", "import demand_forecasting, sys; print(demand_forecasting.__version__)"],
        project,
        env,
    )
    assert imported.stdout.strip() == "0.1.0", imported.stderr


# -- the notebooks session ------------------------------------------------------------------
def notebook(*sources: str) -> str:
    cells: list[dict[str, object]] = [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": str(i),
            "metadata": {},
            "outputs": [],
            "source": src,
        }
        for i, src in enumerate(sources)
    ]
    kernel = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    document = {"cells": cells, "metadata": {"kernelspec": kernel}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(document, indent=1) + "\n"


def test_notebooks_session_fails_for_an_error_or_a_slow_cell_and_names_them(
    bakery: Bakery, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(bakery({"project_type": "analysis", "docs": "none", "ci": "none"}), project)
    (project / "notebooks" / "2.0-ds-broken.ipynb").write_text(
        notebook("raise ValueError('boom')"), encoding="utf-8"
    )
    (project / "notebooks" / "2.1-ds-slow.ipynb").write_text(
        notebook("import time\ntime.sleep(30)"), encoding="utf-8"
    )
    noxfile = project / "noxfile.py"
    noxfile.write_text(
        noxfile.read_text(encoding="utf-8").replace(
            "NOTEBOOK_CELL_TIMEOUT = 600", "NOTEBOOK_CELL_TIMEOUT = 3"
        ),
        encoding="utf-8",
    )
    git_commit_all(project)
    env = isolated_env(tmp_path)
    done = run([sys.executable, "-m", "nox", "-s", "notebooks"], project, env)
    output = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)  # IPython colours its tracebacks
    assert done.returncode != 0, output
    assert "ValueError: boom" in output
    assert "Cell execution timed out" in output or "TimeoutError" in output
    assert "2 of 3 notebooks failed: notebooks/2.0-ds-broken.ipynb, notebooks/2.1-ds-slow.ipynb" in output
    # The starter notebook ran, and no notebook was rewritten with outputs.
    assert "Executing notebooks/1.0-ds-getting-started.ipynb" in output
    assert run(["git", "status", "--porcelain"], project, env).stdout == ""
    only = run(
        [sys.executable, "-m", "nox", "-s", "notebooks", "--", "notebooks/1.0-ds-getting-started.ipynb"],
        project,
        env,
    )
    assert only.returncode == 0, only.stdout + only.stderr
