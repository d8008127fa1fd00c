"""Fixtures shared by every test: small repositories built on disk, and a rule runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from oss_checks import engine
from oss_checks.engine import Result
from oss_checks.registry import Finding

#: The package's source root: a fresh interpreter imports this checkout's oss_checks from here.
CHECKS = Path(__file__).resolve().parents[1] / "checks"

MakeRepo = Callable[..., Path]
Check = Callable[..., list[Finding]]
Run = Callable[..., Result]


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> None:
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def fresh_python(script: str, *args: str, cwd: Path | None = None) -> str:
    """What ``python -c script args`` prints in a fresh interpreter: what a run imports, from scratch."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(CHECKS)},
    )
    return done.stdout


def git(root: Path, *args: str, when: str | None = None) -> str:
    """Run git in ``root`` as a test user; ``when`` dates the commits it makes (ISO 8601)."""
    env = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(root),
        "PATH": "/usr/local/bin:/usr/bin:/bin",
    }
    if when is not None:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout


@pytest.fixture
def make_repo(tmp_path: Path) -> MakeRepo:
    """Build a repository from ``{relative path: text or bytes}``.

    ``git=True`` (default) runs ``git init`` and ``git add`` so the files are tracked;
    ``commit=True`` also commits them.
    """
    counter = iter(range(1000))

    def make(files: Mapping[str, str | bytes], *, git_init: bool = True, commit: bool = False) -> Path:
        root = tmp_path / f"repo{next(counter)}"
        root.mkdir()
        write_tree(root, files)
        if git_init:
            git(root, "init", "-q", "-b", "main")
            git(root, "add", "-A")
            if commit:
                git(root, "commit", "-q", "-m", "initial")
        return root

    return make


@pytest.fixture
def run_checks() -> Run:
    """Run some codes on a repository the way the CLI does (``--select``), returning the whole Result."""

    def runner(root: Path, *codes: str, files: list[str] | None = None) -> Result:
        # Rules are tested whatever the age of their fixtures' commits; tests/test_dormant.py
        # tests what is held back on dormant work.
        return engine.check(root, select=list(codes), files=files, include_dormant=True)

    return runner


@pytest.fixture
def check(run_checks: Run) -> Check:
    """Findings (after ignores) of the given codes on a repository; fails on rule crashes."""

    def checker(root: Path, *codes: str, files: list[str] | None = None) -> list[Finding]:
        result = run_checks(root, *codes, files=files)
        assert result.errors == [], result.errors
        return result.findings

    return checker


@pytest.fixture
def check_unadopted() -> Check:
    """Findings of the given codes with the default selection, as in a repository that may not
    have adopted the conventions: a convention then says only what its ``elsewhere`` promises."""

    def checker(root: Path, *codes: str) -> list[Finding]:
        result = engine.check(root, include_dormant=True)
        assert result.errors == [], result.errors
        return [finding for finding in result.findings if not codes or finding.code in codes]

    return checker


@pytest.fixture
def four_releases(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend four template releases exist, so drift can be measured."""
    from oss_checks import releases

    monkeypatch.setattr(
        releases,
        "RELEASES",
        (("0.1.0", "2026-11-23"), ("0.2.0", "2027-01-10"), ("0.3.0", "2027-03-01"), ("0.4.0", "2027-06-01")),
    )


@pytest.fixture
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cookiecutter reads ~/.cookiecutterrc and writes replay files under HOME: keep both here."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("COOKIECUTTER_CONFIG", raising=False)


@pytest.fixture(scope="session")
def old_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The current template turned into an older release, 0.0.9, that differs in known ways."""
    from drifting import make_old_template

    return make_old_template(tmp_path_factory.mktemp("oss-template-0.0.9"))


@pytest.fixture
def known_releases(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend 0.0.9 was released before the current version, so OSS702 can measure it."""
    from drifting import NEW, OLD
    from oss_checks import releases

    monkeypatch.setattr(releases, "RELEASES", ((OLD, "2026-05-04"), (NEW, "2026-11-23")))
