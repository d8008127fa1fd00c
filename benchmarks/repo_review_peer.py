"""``repo-review`` with sp-repo-review as a team installs it: without oss-checks' own plugin.

    python benchmarks/repo_review_peer.py <repo> [repo-review arguments]

repo-review computes every fixture of every installed plugin before it runs a single
check, whatever ``--select`` says. In the benchmark's environment oss-checks is installed
too and registers itself as a repo-review plugin, so plain ``repo-review`` would also run
the whole of oss-checks and the comparison would measure us twice. This entry point hides
the entry points of oss-checks (and of validate-pyproject-schema-store, which turns
validate-pyproject's 0.25 s into 4 s and is not what sp-repo-review needs) and then runs
repo-review's own ``main`` unchanged.
"""

from __future__ import annotations

import importlib.metadata
import sys
from typing import Any

HIDDEN = ("oss_checks", "validate_pyproject_schema_store")
_all_entry_points = importlib.metadata.entry_points


def visible_entry_points(**selection: Any) -> Any:
    """``importlib.metadata.entry_points`` without the hidden plugins."""
    found: object = _all_entry_points(**selection)  # EntryPoints, or a dict of them when no group is named
    if isinstance(found, importlib.metadata.EntryPoints):
        return importlib.metadata.EntryPoints(entry for entry in found if not entry.value.startswith(HIDDEN))
    return found


def main() -> None:
    importlib.metadata.entry_points = visible_entry_points
    from repo_review.__main__ import main as repo_review_main

    sys.argv[0] = "repo-review"
    repo_review_main()


if __name__ == "__main__":
    main()
