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
from pathlib import Path

import nox

nox.needs_version = ">=2025.10.14"
nox.options.default_venv_backend = "uv|virtualenv"
# Reuse environments between runs; installs still run, so dependency changes apply.
nox.options.reuse_venv = "yes"

PYPROJECT = nox.project.load_toml("pyproject.toml")
#: What `conventions` installs: the release of oss-checks that baked this project, from the
#: same repository as its pre-commit hooks. Point OSS_CHECKS_REQUIREMENT at a checkout, a
#: wheel or an internal mirror to use another copy.
OSS_CHECKS = (
    os.environ.get("OSS_CHECKS_REQUIREMENT")
    or {{ ("oss-checks @ git+" ~ cookiecutter._checks_repository ~ "@v" ~ cookiecutter._template_version) | quoted }}
)


def install(session: nox.Session, *groups: str, project: bool = True) -> None:
    """Install dependency groups from pyproject.toml, and the project itself, editable."""
    editable = ("-e", ".") if project else ()
    session.install(*editable, *nox.project.dependency_groups(PYPROJECT, *groups))


@nox.session
def lint(session: nox.Session) -> None:
    """Lint with ruff and check formatting (``nox -s lint -- --fix`` fixes what it can)."""
    install(session, "lint", project=False)
    session.run("ruff", "check", ".", *session.posargs)
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type check the package, the tests and this file with mypy in strict mode."""
    install(session, "typecheck")
    session.run("mypy", *session.posargs)


@nox.session
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
{%- if cookiecutter.docs == "mkdocs" %}


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation into site/, failing on any warning.

    ``nox -s docs -- serve`` serves it with live reload at http://127.0.0.1:8000.
    """
    install(session, "docs")
    if session.posargs[:1] == ["serve"]:
        session.run("mkdocs", "serve", *session.posargs[1:])
    else:
        session.run("mkdocs", "build", "--strict", *session.posargs)
{%- elif cookiecutter.docs == "sphinx" %}


@nox.session
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


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and wheel into dist/ and check their metadata with twine."""
    shutil.rmtree("dist", ignore_errors=True)
    session.install("build[uv]>=1.2", "twine>=6.1")
    session.run("python", "-m", "build", "--installer=uv", *session.posargs)
    session.run("twine", "check", "--strict", *sorted(Path("dist").iterdir()))


@nox.session
def conventions(session: nox.Session) -> None:
    """Check the team's open-source conventions with oss-checks (see CONTRIBUTING.md)."""
    session.install(OSS_CHECKS)
    session.run("oss-checks", "check", ".", *session.posargs)


if __name__ == "__main__":
    nox.main()
