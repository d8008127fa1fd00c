"""The offline twin of a baked pre-commit config.

GitHub cannot be reached here, so every hook repository of the baked config becomes a
``repo: local`` hook installing the same release from PyPI, with the hook's own
definition (entry, types, files) and the config's arguments; this repository's own
hooks are installed from this checkout.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from template.baking import TEMPLATE_ROOT, isolated_env, run

#: Hook repository -> the PyPI distribution that ships the same hooks.
HOOK_PACKAGES = {
    "https://github.com/pre-commit/pre-commit-hooks": "pre-commit-hooks",
    "https://github.com/astral-sh/ruff-pre-commit": "ruff",
    "https://github.com/kynan/nbstripout": "nbstripout",
    # The hook installs `.[all]` (packaging, trove-classifiers), not the schema store.
    "https://github.com/abravalheri/validate-pyproject": "validate-pyproject[all]",
    "https://github.com/python-jsonschema/check-jsonschema": "check-jsonschema",
    "https://github.com/zizmorcore/zizmor-pre-commit": "zizmor",
    "https://github.com/codespell-project/codespell": "codespell",
    "https://github.com/Yelp/detect-secrets": "detect-secrets",
}
#: The hooks of this repository, whichever address the bake installs them from.
OSS_CHECKS_HOOKS = frozenset({"oss-checks", "oss-checks-repo"})
_STAGES = ["pre-commit", "pre-push", "manual"]
_YAML = r"^\.github/workflows/[^/]+$"

#: Each hook's definition as its repository's .pre-commit-hooks.yaml gives it, at the
#: pinned release (read from the repositories' tags; `language` is python for all).
HOOK_DEFINITIONS: dict[str, dict[str, Any]] = {
    "check-added-large-files": {"entry": "check-added-large-files", "stages": _STAGES},
    "check-case-conflict": {"entry": "check-case-conflict"},
    "check-merge-conflict": {"entry": "check-merge-conflict", "types": ["text"]},
    "check-executables-have-shebangs": {
        "entry": "check-executables-have-shebangs",
        "types": ["text", "executable"],
        "stages": _STAGES,
    },
    "check-shebang-scripts-are-executable": {
        "entry": "check-shebang-scripts-are-executable",
        "types": ["text"],
        "stages": _STAGES,
    },
    "check-json": {"entry": "check-json", "types": ["json"]},
    "check-toml": {"entry": "check-toml", "types": ["toml"]},
    "check-yaml": {"entry": "check-yaml", "types": ["yaml"]},
    "debug-statements": {"entry": "debug-statement-hook", "types": ["python"]},
    "end-of-file-fixer": {"entry": "end-of-file-fixer", "types": ["text"], "stages": _STAGES},
    "mixed-line-ending": {"entry": "mixed-line-ending", "types": ["text"]},
    "trailing-whitespace": {"entry": "trailing-whitespace-fixer", "types": ["text"], "stages": _STAGES},
    "ruff-check": {
        "entry": "ruff check --force-exclude",
        "types_or": ["python", "pyi", "jupyter"],
        "require_serial": True,
    },
    "ruff-format": {
        "entry": "ruff format --force-exclude",
        "types_or": ["python", "pyi", "jupyter"],
        "require_serial": True,
    },
    "nbstripout": {"entry": "nbstripout", "types": ["jupyter"]},
    "validate-pyproject": {"entry": "validate-pyproject", "files": r"^pyproject.toml$"},
    "check-citation-file-format": {
        "entry": "check-jsonschema --builtin-schema vendor.citation-file-format",
        "files": r"^CITATION.cff$",
    },
    "check-github-workflows": {
        "entry": "check-jsonschema --builtin-schema vendor.github-workflows",
        "files": _YAML,
        "types": ["yaml"],
    },
    "check-dependabot": {
        "entry": "check-jsonschema --builtin-schema vendor.dependabot",
        "files": r"^\.github/dependabot\.(yml|yaml)$",
        "types": ["yaml"],
    },
    "check-github-issue-forms": {
        "entry": "check-jsonschema --builtin-schema vendor.github-issue-forms",
        "files": r"^\.github/ISSUE_TEMPLATE/(?!config\.ya?ml$).+$",
        "types": ["yaml"],
    },
    "check-github-issue-config": {
        "entry": "check-jsonschema --builtin-schema vendor.github-issue-config",
        "files": r"^\.github/ISSUE_TEMPLATE/config\.yml$",
        "types": ["yaml"],
    },
    "check-gitlab-ci": {
        "entry": "check-jsonschema --builtin-schema vendor.gitlab-ci"
        " --data-transform gitlab-ci --regex-variant nonunicode",
        "files": r"^.*\.gitlab-ci\.(yml|yaml)$",
        "types": ["yaml"],
    },
    "check-readthedocs": {
        "entry": "check-jsonschema --builtin-schema vendor.readthedocs",
        "files": r"^\.readthedocs\.(yml|yaml)$",
        "types": ["yaml"],
    },
    "zizmor": {
        "entry": "zizmor",
        "args": ["--no-progress"],
        "types": ["yaml"],
        "files": r"(\.github/(workflows/.*|dependabot.ya?ml))|(action\.ya?ml)$",
        "require_serial": True,
    },
    "codespell": {"entry": "codespell", "types": ["text"]},
    "detect-secrets": {"entry": "detect-secrets-hook", "files": ".*"},
}


def _git(*args: str) -> str | None:
    done = run(["git", "-C", str(TEMPLATE_ROOT), *args], TEMPLATE_ROOT, {"PATH": os.environ.get("PATH", "")})
    return done.stdout.strip() if done.returncode == 0 else None


def oss_checks_repo(tmp: Path) -> dict[str, Any]:
    """This repository's hooks: from its last commit once that holds the hook manifest,
    else a local stand-in installing this working tree (as a wheel under a fresh path, so
    pre-commit's cached environment never hides a change)."""
    head = _git("rev-parse", "HEAD")
    if head and _git("cat-file", "-e", f"{head}:.pre-commit-hooks.yaml") is not None:
        return {
            "repo": str(TEMPLATE_ROOT),
            "rev": head,
            "hooks": [{"id": "oss-checks"}, {"id": "oss-checks-repo"}],
        }
    from oss_checks.manifest import HOOKS

    wheels = tmp / "oss-checks-wheel"
    built = run(
        [sys.executable, "-m", "uv", "build", "--wheel", "--out-dir", str(wheels), str(TEMPLATE_ROOT)],
        TEMPLATE_ROOT,
        isolated_env(tmp),
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("*.whl")
    hooks = []
    for hook in HOOKS:
        if hook["id"] in ("oss-checks", "oss-checks-repo"):
            local = {k: v for k, v in hook.items() if k not in ("description", "minimum_pre_commit_version")}
            hooks.append(local | {"additional_dependencies": [str(wheel)]})
    return {"repo": "local", "hooks": hooks}


def offline_twin(config: Mapping[str, Any], tmp: Path) -> dict[str, Any]:
    """The same pre-commit config with every remote hook installed from PyPI instead."""
    twin = {key: value for key, value in config.items() if key != "repos"}
    repos: list[dict[str, Any]] = []
    for repo in config["repos"]:
        url = repo["repo"]
        if {hook["id"] for hook in repo["hooks"]} <= OSS_CHECKS_HOOKS:
            repos.append(oss_checks_repo(tmp))
            continue
        assert url in HOOK_PACKAGES, f"no offline twin for {url}: add it to HOOK_PACKAGES"
        requirement = f"{HOOK_PACKAGES[url]}=={repo['rev'].removeprefix('v')}"
        hooks = []
        for hook in repo["hooks"]:
            assert hook["id"] in HOOK_DEFINITIONS, f"no definition for hook {hook['id']}"
            local = {"id": hook["id"], "name": hook["id"], "language": "python"}
            local |= HOOK_DEFINITIONS[hook["id"]]
            local |= {key: value for key, value in hook.items() if key != "additional_dependencies"}
            local["additional_dependencies"] = [requirement, *hook.get("additional_dependencies", [])]
            hooks.append(local)
        repos.append({"repo": "local", "hooks": hooks})
    twin["repos"] = repos
    return twin
