"""A fleet of repositories with different gaps, for the report's tests and demonstrations.

Each repository starts as a real bake of the template (so "ready" means what users
get) and then has one kind of gap put in. Run it to make a fleet on disk:

    .venv/bin/python tests/report/fleet.py /tmp/fleet 24
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Gap = Callable[[Path], None]

NOTEBOOK_WITH_SECRET = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": 1,
            "metadata": {},
            "source": ["import os\n", "print(os.environ)\n"],
            "outputs": [
                {
                    "name": "stdout",
                    "output_type": "stream",
                    "text": [
                        "environ({'AWS_ACCESS_KEY_ID': 'AKIAIOSFODNN7EXAMPLE', 'DB_PASSWORD': 'hunter2'})\n"
                    ],
                }
            ],
        }
    ],
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def _remove(*relatives: str) -> Gap:
    def gap(root: Path) -> None:
        for relative in relatives:
            target = root / relative
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()

    return gap


def _write(relative: str, content: str | bytes) -> Gap:
    def gap(root: Path) -> None:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")

    return gap


def _replace(relative: str, old: str, new: str) -> Gap:
    def gap(root: Path) -> None:
        target = root / relative
        target.write_text(target.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    return gap


def _append(relative: str, text: str) -> Gap:
    def gap(root: Path) -> None:
        target = root / relative
        target.write_text(target.read_text(encoding="utf-8") + text, encoding="utf-8")

    return gap


def _package_file(relative: str, content: str) -> Gap:
    """Write ``content`` to ``relative`` inside the project's only package under src/."""

    def gap(root: Path) -> None:
        package = next(p for p in sorted((root / "src").iterdir()) if p.is_dir())
        (package / relative).write_text(content, encoding="utf-8")

    return gap


def _legacy(root: Path) -> None:
    """A repository that predates the template: a script, a one-line README, no metadata."""
    for child in list(root.iterdir()):
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    (root / "README.md").write_text("# etl\n", encoding="utf-8")
    (root / "etl.py").write_text('SOURCE = "/home/alice/exports/orders.csv"\n', encoding="utf-8")
    (root / "requirements.txt").write_text("pandas\n", encoding="utf-8")


@dataclass(frozen=True)
class Profile:
    """One kind of repository: what the template was asked and which gaps were put in."""

    name: str
    answers: Mapping[str, str] = field(default_factory=dict)
    gaps: tuple[Gap, ...] = ()
    #: Files git ignores but that were committed anyway (``git add -f``), as happens.
    forced: tuple[str, ...] = ()
    #: What a reader of the report should see for it, in words (documentation only).
    expect: str = ""


PROFILES: tuple[Profile, ...] = (
    Profile("churn-model", {"project_type": "analysis"}, expect="clean analysis project"),
    Profile(
        "demand-forecast",
        {"project_type": "analysis", "ci": "gitlab", "git_host": "gitlab.com"},
        expect="clean, GitLab CI",
    ),
    Profile(
        "fraud-scoring",
        {"project_type": "analysis", "visibility": "public", "license": "MIT"},
        expect="clean public project",
    ),
    Profile(
        "pricing-engine",
        gaps=(_write(".env", "DB_PASSWORD=hunter2\n"),),
        forced=(".env",),
        expect="blocked: .env tracked",
    ),
    Profile(
        "customer-segments",
        {"project_type": "analysis"},
        (_write("customers.csv", "id,name,email\n1,Ann,ann@example.com\n"),),
        expect="blocked: data file next to the code",
    ),
    Profile("supplier-risk", gaps=(_remove("LICENSE"),), expect="blocked: no LICENSE"),
    Profile(
        "sales-dashboard",
        gaps=(_replace("pyproject.toml", 'license = "LicenseRef-Proprietary"', 'license = "MIT"'),),
        expect="blocked: LICENSE and pyproject disagree",
    ),
    Profile(
        "nlp-toolkit",
        {"project_type": "analysis"},
        (_write("notebooks/1.1-ab-secrets.ipynb", json.dumps(NOTEBOOK_WITH_SECRET, indent=1)),),
        expect="blocked: credentials in a notebook output",
    ),
    Profile("inventory-sim", gaps=(_remove(".github"),), expect="no CI, no templates"),
    Profile("route-optimiser", gaps=(_remove("tests"),), expect="no tests"),
    Profile("hr-attrition", gaps=(_remove("CODEOWNERS", "CONTRIBUTING.md"),), expect="no owners or guide"),
    Profile(
        "marketing-mix", gaps=(_write("README.md", "# marketing-mix\n"),), expect="README without content"
    ),
    Profile(
        "survey-analysis",
        {"project_type": "analysis"},
        (_remove("CITATION.cff"),),
        expect="cannot be cited",
    ),
    Profile(
        "energy-forecast",
        gaps=(_package_file("load.py", 'DATA = "/home/alice/projects/energy/data/raw/load.csv"\n'),),
        expect="a path that only exists on one laptop, and a module without tests",
    ),
    Profile("legacy-etl", gaps=(_legacy,), expect="predates the template: needs work"),
    Profile("image-classifier", gaps=(_remove(".pre-commit-config.yaml"),), expect="no pre-commit hooks"),
    Profile(
        "ab-testing",
        gaps=(
            _remove("CITATION.cff"),
            _append(
                "pyproject.toml",
                '\n[tool.oss-checks.ignore]\nOSS107 = "an internal tool nobody will cite"\n',
            ),
        ),
        expect="ready, with an ignore reason",
    ),
    Profile(
        "credit-limits",
        gaps=(
            _write(".env.local", "API_URL=https://internal.example.com\n"),
            _append(
                "pyproject.toml",
                '\n[tool.oss-checks.ignore]\nOSS405 = "holds only the public URL of the test server"\n',
            ),
        ),
        forced=(".env.local",),
        expect="a blocker ignored with a reason: legal must confirm",
    ),
    Profile(
        "warehouse-layout",
        gaps=(_replace("pyproject.toml", "[project]", "[project"),),
        expect="pyproject.toml is not valid TOML",
    ),
    Profile(
        "geo-features",
        gaps=(_replace("pyproject.toml", "[tool.oss-checks]", '[tool.oss-checks]\nselct = ["OSS1"]'),),
        expect="its oss-checks configuration is invalid: not checked",
    ),
    Profile(
        "recsys-experiments",
        {"project_type": "analysis"},
        (_write("data/processed/model.pkl", b"\x80\x04" + bytes(2 * 1024 * 1024)), _remove("SECURITY.md")),
        forced=("data/processed/model.pkl",),
        expect="blocked: a large model committed under data/, and no security policy",
    ),
    Profile(
        "public-api-client",
        {"visibility": "public", "license": "Apache-2.0"},
        (_remove("SECURITY.md", "CODE_OF_CONDUCT.md"),),
        expect="public, missing community files",
    ),
    Profile(
        "forecast-lib",
        {"visibility": "public", "license": "BSD-3-Clause"},
        (_write(".env", "TOKEN=abc\n"),),
        forced=(".env",),
        expect="public with a legal blocker: act now",
    ),
    Profile(
        "ml-platform",
        gaps=(_remove(".github", "tests", "CODEOWNERS", ".pre-commit-config.yaml", "CHANGELOG.md"),),
        expect="needs work: no CI, tests, owners, hooks or changelog",
    ),
    Profile("ops-notebooks", {"project_type": "analysis", "docs": "none"}, expect="clean, no docs site"),
)


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "Fleet",
            "GIT_AUTHOR_EMAIL": "fleet@example.org",
            "GIT_COMMITTER_NAME": "Fleet",
            "GIT_COMMITTER_EMAIL": "fleet@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(root),
            "PATH": "/usr/local/bin:/usr/bin:/bin",
        },
    )


def bake(profile: Profile, target: Path) -> Path:
    """Bake the profile's project into ``target`` (a new folder), put its gaps in, git-add it."""
    from oss_checks.render import rendered
    from oss_checks.template import template_root

    answers: dict[str, Any] = {"project_name": profile.name.replace("-", " ").capitalize(), **profile.answers}
    with rendered(template_root(), answers) as project:
        shutil.copytree(project, target)
    for gap in profile.gaps:
        gap(target)
    _git(target, "init", "-q", "-b", "main")
    _git(target, "add", "-A")
    if profile.forced:
        _git(target, "add", "-f", *profile.forced)
    return target


def build_fleet(folder: Path, count: int = len(PROFILES)) -> list[Path]:
    """``count`` repositories in ``folder``, cycling through the profiles."""
    folder.mkdir(parents=True, exist_ok=True)
    roots = []
    for index in range(count):
        profile = PROFILES[index % len(PROFILES)]
        round_number = index // len(PROFILES)
        name = profile.name if round_number == 0 else f"{profile.name}-{round_number + 1}"
        roots.append(bake(profile, folder / name))
    return roots


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2 or (len(argv) == 2 and not argv[1].isdigit()):
        sys.stderr.write("usage: fleet.py FOLDER [COUNT]\n")
        return 2
    folder = Path(argv[0])
    if folder.exists() and any(folder.iterdir()):
        sys.stderr.write(f"fleet.py: {folder} is not empty\n")
        return 2
    roots = build_fleet(folder, int(argv[1]) if len(argv) == 2 else len(PROFILES))
    sys.stdout.write(f"Baked {len(roots)} repositories into {folder}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
