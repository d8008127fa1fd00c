#!/usr/bin/env python3
"""One entry point for a fresh machine that has only Python.

    python3 dev.py bake [KEY=VALUE ...]   bake a project with the defaults into ./baked/
    python3 dev.py test                   run the whole test suite (what CI runs)
    python3 dev.py test PYTEST-ARGS       only the tests session, e.g. -k notebooks
    python3 dev.py [NOX ARGS]             anything else goes to nox, e.g. -s lint

It creates ``.venv`` with the pinned nox and uv on first use (standard library only,
so it works before anything is installed), then hands over to ``noxfile.py``, which
holds every real step.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
#: Kept equal to the versions in pyproject.toml's dependency groups (a test checks it).
BOOTSTRAP = ("nox==2026.10.20", "uv==0.13.9")


def _venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def _venv_version() -> str | None:
    """The Python version .venv was made with (``version_info`` in its pyvenv.cfg)."""
    try:
        config = (VENV / "pyvenv.cfg").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in config.splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("version_info", "version"):
            return ".".join(value.strip().split(".")[:2])
    return None


def _ensure_tools() -> Path:
    python = _venv_python()
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    made_with = _venv_version()
    if python.exists() and made_with not in (None, running):
        # `python3.10 dev.py test` after `python3 dev.py test` tests on 3.10, as asked.
        print(f"dev.py: .venv has Python {made_with}; recreating it with {running}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    elif not python.exists():
        print("dev.py: creating .venv with nox and uv (first run only)", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    check = subprocess.run([str(python), "-c", "import nox, uv"], capture_output=True, check=False)
    if check.returncode != 0:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *BOOTSTRAP],
            check=True,
        )
    return python


def nox_arguments(argv: list[str]) -> list[str]:
    """Translate dev.py's two words into nox arguments; pass anything else through."""
    if argv[:1] == ["bake"]:
        return ["-s", "bake", "--", *argv[1:]]
    if argv[:1] == ["test"]:
        # With arguments, they are pytest's: run only the tests session with them.
        return ["-s", "tests", "--", *argv[1:]] if argv[1:] else []
    return argv


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 10):  # noqa: UP036 - dev.py runs on whatever python3 a machine has
        print("dev.py: Python 3.10 or newer is needed", file=sys.stderr)
        return 2
    try:
        python = _ensure_tools()
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"dev.py: could not set up .venv: {exc}", file=sys.stderr)
        return 2
    command = [str(python), "-m", "nox", "--noxfile", str(ROOT / "noxfile.py"), *nox_arguments(argv)]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
