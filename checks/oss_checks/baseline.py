"""The findings JSON, in both directions: what ``check`` writes and what is read back.

``check --format json`` prints a document of every repository checked and its findings;
``--write-baseline`` saves the findings (with repository-relative paths only, since the
file is committed); ``--baseline`` reads them back to hide known findings; ``report``
reads the JSON a repository's CI saved. All of it is defined here, so the writers and
the readers cannot drift apart. Whatever is read back is untrusted: a malformed file is
a one-line error, never a traceback.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from oss_checks import __version__
from oss_checks.engine import Result
from oss_checks.errors import UsageError
from oss_checks.formats import parse_json
from oss_checks.registry import Finding

TOOL = "oss-checks"
#: What identifies a finding across runs: its rule, its file and its message.
Key = tuple[str, str, str]


@functools.lru_cache(maxsize=256)
def _root_from(cwd: Path, root: Path) -> str | None:
    try:
        return os.path.relpath(root, cwd)
    except ValueError:  # another drive on Windows
        return None


def display_path(root: Path, finding: Finding, cwd: Path) -> str:
    """The finding's path as a user types it from the current folder."""
    # The way from the current folder to the root is worked out once, not once per finding:
    # a repository can have tens of thousands of findings.
    prefix = _root_from(cwd, root)
    if prefix is None:
        return (root / finding.path).as_posix()
    return os.path.normpath(os.path.join(prefix, finding.path)).replace(os.sep, "/")


def finding_entry(result: Result, finding: Finding, cwd: Path) -> dict[str, Any]:
    data = finding.to_dict()
    data["path"] = display_path(result.root, finding, cwd)
    data["repo"] = result.root.as_posix()
    data["repo_path"] = finding.path
    return data


def document(results: Sequence[Result], cwd: Path) -> dict[str, Any]:
    """What ``check --format json`` prints."""
    return {
        "tool": TOOL,
        "version": __version__,
        "repos": [
            {
                "root": r.root.as_posix(),
                "rules_run": r.codes,
                "findings": len(r.findings),
                "dormant": len(r.dormant),
                "dormant_since": r.dormant_since or None,
                "dormant_repository_since": r.dormant_repository or None,
                "errors": r.errors,
            }
            for r in results
        ],
        "findings": [finding_entry(r, f, cwd) for r in results for f in r.findings],
        "ignored": [
            {**finding_entry(r, item.finding, cwd), "reason": item.reason}
            for r in results
            for item in r.ignored
        ],
        "dormant": [finding_entry(r, f, cwd) for r in results for f in r.dormant],
        "errors": [error for r in results for error in r.errors],
    }


def baseline_document(results: Sequence[Result]) -> dict[str, Any]:
    """What ``--write-baseline`` saves: each finding with its repository-relative path, no machine path."""
    findings = []
    for result in results:
        for finding in result.findings:
            entry = finding.to_dict()
            findings.append(
                {key: entry[key] for key in ("code", "name", "path", "cell", "line", "col", "message")}
            )
    return {"tool": TOOL, "version": __version__, "findings": findings}


def dumps(data: Any) -> str:
    """JSON text; file names that are not UTF-8 (kept as surrogates) are written as escapes."""
    import json  # only the JSON output and baselines need it, not every check

    text = json.dumps(data, indent=2, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, indent=2, ensure_ascii=True)
    return text


def write_baseline(path: Path, results: Sequence[Result]) -> int:
    """Save the findings as a baseline at ``path`` (atomically, never through a symlink)."""
    from oss_checks.fixes import write_atomic

    data = baseline_document(results)
    target = Path(os.path.abspath(path))
    try:
        write_atomic(target.parent, target.name, (dumps(data) + "\n").encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"the baseline {path} cannot be written: {exc}") from None
    return len(data["findings"])


def entry_key(entry: dict[str, Any]) -> Key:
    return (str(entry.get("code")), str(entry.get("repo_path", entry.get("path"))), str(entry.get("message")))


def finding_key(finding: Finding) -> Key:
    return (finding.code, finding.path, finding.message)


def read_baseline(path: Path) -> Counter[Key]:
    """How many times each finding is known in the baseline at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"baseline {path} does not exist (create it with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"baseline {path} cannot be read: {exc}") from None
    data, error = parse_json(text)
    if error is not None:
        raise UsageError(f"baseline {path} cannot be read: {error}")
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UsageError(f"baseline {path} has no list of findings")
    return Counter(entry_key(entry) for entry in entries if isinstance(entry, dict))


def hide_known(results: Sequence[Result], known: Counter[Key]) -> int:
    """Drop the findings the baseline knows from ``results``; how many were dropped."""
    hidden = 0
    for result in results:
        kept = []
        for finding in result.findings:
            key = finding_key(finding)
            if known[key] > 0:
                known[key] -= 1
                hidden += 1
            else:
                kept.append(finding)
        result.findings = kept
    return hidden


# -- saved results, read back by the report ---------------------------------------------------
class SavedRepo:
    """One repository of a saved ``check --format json`` document, as plain data."""

    def __init__(self, root: str, rules_run: list[str], errors: list[str]) -> None:
        self.root = root
        self.rules_run = rules_run
        self.errors = errors
        self.findings: list[dict[str, Any]] = []
        self.ignored: list[dict[str, Any]] = []


class SavedResultsError(Exception):
    """A file is not saved results; the message is one line."""


def read_saved(path: Path) -> list[SavedRepo]:
    """The repositories of the JSON ``check --format json`` printed, saved at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SavedResultsError(f"cannot be read as JSON: {exc}") from None
    data, error = parse_json(text)
    if error is not None:
        raise SavedResultsError(f"cannot be read as JSON: {error}")
    if isinstance(data, dict) and data.get("tool") == "oss-checks report":
        raise SavedResultsError(
            "is a report written by `oss-checks report`; give it with --previous to show the trend"
        )
    if not isinstance(data, dict) or data.get("tool") != TOOL or not isinstance(data.get("repos"), list):
        raise SavedResultsError("is not the JSON printed by `oss-checks check --format json`")
    repos = []
    for raw in data["repos"]:
        if not isinstance(raw, dict) or not isinstance(raw.get("root"), str):
            continue
        root = raw["root"]
        codes, errors = raw.get("rules_run"), raw.get("errors")
        saved = SavedRepo(
            root=root,
            rules_run=[c for c in codes if isinstance(c, str)] if isinstance(codes, list) else [],
            errors=[e for e in errors if isinstance(e, str)] if isinstance(errors, list) else [],
        )
        for key, into in (("findings", saved.findings), ("ignored", saved.ignored)):
            entries = data.get(key)
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, dict) and entry.get("repo", root) == root:
                    into.append(entry)
        repos.append(saved)
    return repos
