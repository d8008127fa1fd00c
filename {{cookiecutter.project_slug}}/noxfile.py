#!/usr/bin/env -S uv run --script
# /// script
# dependencies = ["nox>=2025.10.14"]
# ///
"""Every check of this project, the same on a laptop and in CI.

Run ``nox`` for all sessions, ``nox -s tests`` for one, ``nox -l`` to list them.
Words after ``--`` go to the session's tool: ``nox -s tests -- -k metrics -x``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nox
{%- if cookiecutter.project_type == "analysis" %}
from nox.command import CommandFailed
{%- endif %}

nox.needs_version = ">=2025.10.14"
nox.options.default_venv_backend = "uv|virtualenv"
# Reuse environments between runs; installs still run, so dependency changes apply.
nox.options.reuse_venv = "yes"
# A session whose Python cannot be found fails; it never passes by being skipped.
nox.options.error_on_missing_interpreters = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
#: The Pythons the project supports, oldest first (from the classifiers in pyproject.toml).
SUPPORTED_PYTHONS = nox.project.python_versions(PYPROJECT)
#: What `conventions` installs: the release of oss-checks that baked this project, from the
#: same repository as its pre-commit hooks. Point OSS_CHECKS_REQUIREMENT at a checkout, a
#: wheel or an internal mirror to use another copy.
OSS_CHECKS = (
    os.environ.get("OSS_CHECKS_REQUIREMENT")
    or {{ ("oss-checks @ git+" ~ (cookiecutter | checks_repository) ~ "@v" ~ cookiecutter._template_version) | quoted }}
)
{%- if cookiecutter.project_type == "analysis" %}
#: Seconds each notebook cell may run in `nox -s notebooks` before it counts as failed.
NOTEBOOK_CELL_TIMEOUT = 600
{%- endif %}
#: Exact versions: the release job builds what gets published with these, so an upgrade is
#: a reviewed change of this line, never whatever PyPI serves that day.
BUILD_TOOLS = ("build[uv]==1.6.1", "twine==7.0.0")


def _installed(version: str) -> bool:
    """Whether Python ``version`` (such as "3.12") is installed where uv or the PATH finds it."""
    uv = shutil.which("uv")
    # `uv python find` only looks for an interpreter; it never downloads one.
    if uv and _succeeds([uv, "python", "find", version]):
        return True
    # A pyenv shim exists for every installed version, but fails for the inactive ones.
    python = shutil.which(f"python{version}")
    return python is not None and _succeeds([python, "-c", ""])


def _succeeds(command: list[str]) -> bool:
    # Programs found on PATH, with arguments from pyproject.toml: no shell, no user input.
    return subprocess.run(command, capture_output=True, check=False).returncode == 0  # noqa: S603


def session_python() -> str | None:
    """The Python every session runs on.

    nox's own Python when the project supports it (CI picks it per job); otherwise the
    oldest supported one installed here, or, if there is none, the oldest supported one,
    which nox asks uv to download.
    """
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    oldest = SUPPORTED_PYTHONS[0] if SUPPORTED_PYTHONS else running
    if sys.version_info[:2] >= tuple(int(part) for part in oldest.split(".")):
        return None
    for version in SUPPORTED_PYTHONS:
        if _installed(version):
            return version
    sys.stderr.write(
        f"nox: this project needs Python {oldest} or newer, nox runs on {running} and none is "
        f"installed: install Python {oldest} (for example `uv python install {oldest}`)\n"
    )
    return oldest


PYTHON = session_python()


def install(session: nox.Session, *groups: str, project: bool = True) -> None:
    """Install dependency groups from pyproject.toml, and the project itself, editable."""
    editable = ("-e", ".") if project else ()
    session.install(*editable, *nox.project.dependency_groups(PYPROJECT, *groups))


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Lint with ruff and check formatting (``nox -s lint -- --fix`` fixes what it can)."""
    install(session, "lint", project=False)
    session.run("ruff", "check", ".", *session.posargs)
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """Type check the package, the tests and this file with mypy in strict mode."""
    install(session, "typecheck")
    session.run("mypy", *session.posargs)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the tests and docstring examples, measuring coverage against its floor."""
    install(session, "test")
    session.run("coverage", "erase")
    session.run("coverage", "run", "-m", "pytest", *session.posargs)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        # The job summary gets the table even when coverage is under its floor.
        markdown = ("--format=markdown", "--fail-under=0")
        table = session.run("coverage", "report", *markdown, silent=True)
        if table:
            with Path(summary).open("a", encoding="utf-8") as step_summary:
                step_summary.write(f"## Coverage\n\n{table}\n")
    session.run("coverage", "report")
{%- if cookiecutter.docs in ("properdocs", "mkdocs") %}


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the documentation into site/ with ProperDocs, failing on any warning.

    ``nox -s docs -- serve`` serves it with live reload at http://127.0.0.1:8000.
    """
    install(session, "docs")
    # ProperDocs reads mkdocs.yml when it is named; the file keeps the name every MkDocs tool knows.
    if session.posargs[:1] == ["serve"]:
        session.run("properdocs", "serve", "-f", "mkdocs.yml", *session.posargs[1:])
    else:
        session.run("properdocs", "build", "--strict", "-f", "mkdocs.yml", *session.posargs)
{%- elif cookiecutter.docs == "sphinx" %}


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the documentation into docs/_build/html, failing on any warning.

    ``nox -s docs -- serve`` builds it, then serves it at http://127.0.0.1:8000.
    """
    install(session, "docs")
    serve = session.posargs[:1] == ["serve"]
    options = session.posargs[1:] if serve else session.posargs
    output = "docs/_build/html"
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", output, *options)
    if serve:
        session.run("python", "-m", "http.server", "--bind", "127.0.0.1", "--directory", output)
{%- endif %}


{%- if cookiecutter.project_type == "analysis" %}


@nox.session(python=PYTHON)
def notebooks(session: nox.Session) -> None:
    """Run every notebook in notebooks/ from top to bottom, each in a fresh kernel.

    The notebooks are executed in memory: no output is written back to the files. A cell
    fails after NOTEBOOK_CELL_TIMEOUT seconds. Name notebooks after ``--`` to run only
    those: ``nox -s notebooks -- notebooks/1.0-ds-getting-started.ipynb``.
    """
    install(session, "notebooks")
    chosen = session.posargs or sorted(
        path.as_posix()
        for path in Path("notebooks").rglob("*.ipynb")
        if ".ipynb_checkpoints" not in path.parts
    )
    if not chosen:
        session.skip("no notebooks in notebooks/")
    # The kernel of this session's environment, not one registered elsewhere for the user.
    jupyter = {"JUPYTER_PREFER_ENV_PATH": "1", "JUPYTER_PLATFORM_DIRS": "1"}
    timeout = f"--timeout={NOTEBOOK_CELL_TIMEOUT}"
    failed = []
    for notebook in chosen:
        try:
            session.run("jupyter-execute", timeout, notebook, env=jupyter)
        except CommandFailed:
            failed.append(notebook)
    if failed:
        session.error(f"{len(failed)} of {len(chosen)} notebooks failed: {', '.join(failed)}")
{%- endif %}


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build the sdist and wheel into dist/ and check their metadata with twine."""
    shutil.rmtree("dist", ignore_errors=True)
    session.install(*BUILD_TOOLS)
    session.run("python", "-m", "build", "--installer=uv", *session.posargs)
    session.run("twine", "check", "--strict", *sorted(Path("dist").iterdir()))


@nox.session(python=PYTHON)
def conventions(session: nox.Session) -> None:
    """Check the team's open-source conventions with oss-checks (see CONTRIBUTING.md).

    ``nox -s conventions -- rule OSS302`` explains a rule; ``-- rules`` lists them all.
    """
    session.install(OSS_CHECKS)
    if session.posargs[:1] in (["rule"], ["rules"]):
        session.run("oss-checks", *session.posargs)
    else:
        session.run("oss-checks", "check", ".", *session.posargs)


if __name__ == "__main__":
    nox.main()
