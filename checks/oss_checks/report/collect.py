"""Find the repositories behind the given paths and check them, in parallel.

A path is a repository checkout, a folder of checkouts, or the JSON that
``oss-checks check --format json`` printed (saved by a repository's CI). Anything
that cannot be read becomes a ``RepoResult`` with a ``problem``, never an exception,
so one broken checkout among two hundred costs one line of the report.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from oss_checks.baseline import SavedResultsError
from oss_checks.baseline import read_saved as read_saved_document
from oss_checks.engine import check_repo, open_repo
from oss_checks.errors import ConfigError, RepoError
from oss_checks.formats import parse_json
from oss_checks.report.model import Item, RepoResult, result_from_dict
from oss_checks.rules import load_rules

if TYPE_CHECKING:
    from oss_checks.context import Repo

#: Any of these at the top of a folder makes it a repository checkout.
REPO_MARKERS = (".git", "pyproject.toml", ".oss-template.json")


@dataclass(frozen=True)
class Target:
    """Something to report on: a checkout to check, saved results to read, or a problem."""

    kind: str  # "checkout", "saved" or "problem"
    path: Path
    problem: str | None = None


def shown(path: Path, cwd: Path) -> str:
    """A path as the user would type it: relative to the current folder when below it."""
    try:
        return path.relative_to(cwd).as_posix() or "."
    except ValueError:
        return path.as_posix()


def _listing_problem(folder: Path) -> str | None:
    """Why the folder's entries cannot be listed, or None when they can."""
    try:
        with os.scandir(folder) as entries:
            next(entries, None)
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    return None


def is_repo(folder: Path) -> bool:
    return any(os.path.lexists(folder / marker) for marker in REPO_MARKERS)


def discover(paths: Sequence[str], cwd: Path) -> tuple[list[Target], list[str]]:
    """The targets behind the given paths, and notes on paths that are not repositories."""
    targets: list[Target] = []
    notes: list[str] = []
    for raw in paths:
        path = (cwd / raw).absolute()
        if not path.exists():
            targets.append(Target("problem", path, "does not exist"))
        elif path.is_file():
            if path.suffix.lower() == ".json":
                targets.append(Target("saved", path))
            else:
                targets.append(
                    Target(
                        "problem", path, "is a file, not a repository or the JSON saved by `oss-checks check`"
                    )
                )
        elif not path.is_dir():
            targets.append(Target("problem", path, "is neither a folder nor a file"))
        elif is_repo(path):
            targets.append(Target("checkout", path))
        else:
            problem = _listing_problem(path)
            if problem is not None:
                targets.append(Target("problem", path, problem))
                continue
            found = _children(path, notes, cwd)
            if not found:
                notes.append(
                    f"{shown(path, cwd)}: no repository found in it "
                    f"(a repository has one of {', '.join(REPO_MARKERS)})"
                )
            targets.extend(found)
    return _once(targets, notes, cwd), notes


def _once(targets: Sequence[Target], notes: list[str], cwd: Path) -> list[Target]:
    """Each repository once, even when it is given directly and inside a folder."""
    seen: set[Path] = set()
    unique = []
    for target in targets:
        real = target.path.resolve()
        if real in seen:
            notes.append(f"{shown(target.path, cwd)}: given more than once, reported once")
            continue
        seen.add(real)
        unique.append(target)
    return unique


def _children(folder: Path, notes: list[str], cwd: Path) -> list[Target]:
    found = []
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if child.name.startswith(".") or not child.is_dir():
            continue
        problem = _listing_problem(child)
        if problem is not None:
            found.append(Target("problem", child, problem))
        elif is_repo(child):
            found.append(Target("checkout", child))
        else:
            notes.append(f"{shown(child, cwd)}: skipped, not a repository")
    return found


# -- checking one checkout -------------------------------------------------------------------------
def check_checkout(path: str, location: str, team_file: str | None = None) -> RepoResult:
    """Run the repository's configured rules here; every failure becomes ``problem``."""
    root = Path(path)
    result = RepoResult(name=root.name, location=location)
    problem = _listing_problem(root)
    if problem is not None:
        result.problem = problem
        return result
    try:
        repo, config = open_repo(root, team_file=Path(team_file) if team_file else None)
        _describe(repo, result)
        checked = check_repo(repo, config, preview_adoption=True)
    except (RepoError, ConfigError) as exc:
        result.problem = f"its configuration is invalid: {exc}" if isinstance(exc, ConfigError) else str(exc)
        return result
    except Exception as exc:  # noqa: BLE001 - one repository must never stop the report
        result.problem = f"internal error: {type(exc).__name__}: {exc}"
        return result
    rules = load_rules()
    result.rules_run = list(checked.codes)
    result.errors = list(checked.errors)
    result.adopted = checked.adopted
    result.would_bring = list(checked.would_bring)
    result.findings = [
        Item.of_rule(rules[f.code], f.message, f.path, line=f.line, col=f.col, cell=f.cell, fixable=f.fixable)
        for f in checked.findings
    ]
    result.ignored = [
        Item.of_rule(
            rules[i.finding.code],
            i.finding.message,
            i.finding.path,
            line=i.finding.line,
            col=i.finding.col,
            cell=i.finding.cell,
            reason=i.reason,
        )
        for i in checked.ignored
    ]
    return result


def _describe(repo: Repo, result: RepoResult) -> None:
    """What the repository says about itself: its name, visibility, type, license and template version."""
    name = repo.project.get("name")
    result.project_name = name if isinstance(name, str) and name.strip() else None
    visibility = repo.answers.get("visibility")
    result.visibility = visibility if visibility in ("internal", "public") else None
    result.project_type = repo.project_type
    result.template_version = repo.parsed_record.version if repo.parsed_record is not None else None
    declared = repo.project.get("license")
    recorded = repo.answers.get("license")
    result.license = (
        declared if isinstance(declared, str) else recorded if isinstance(recorded, str) else None
    )


#: How long one repository may take before its row says so instead (``--timeout``).
DEFAULT_TIMEOUT = 300.0
WORKER = (sys.executable, "-m", "oss_checks.report.worker")


def check_isolated(
    path: str,
    location: str,
    *,
    team_file: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    command: Sequence[str] = WORKER,
) -> RepoResult:
    """Check one repository in a process of its own, stopped after ``timeout`` seconds.

    Whatever happens in there (a rule that loops, a parser that crashes the interpreter,
    a repository too large to finish) costs that repository's row, never the report.
    """

    def failed(problem: str) -> RepoResult:
        return RepoResult(name=Path(path).name, location=location, problem=problem)

    arguments = [*command, path, location] + (["--conventions", team_file] if team_file else [])
    try:
        done = subprocess.run(arguments, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return failed(f"checking it took longer than {timeout:g} seconds, so it was stopped")
    except OSError as exc:
        return failed(f"the process to check it could not start: {exc}")
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [
            f"exit code {done.returncode}"
        ]
        return failed(f"the process checking it stopped: {reason[0][:300]}")
    parsed, error = parse_json(done.stdout.decode("utf-8", "replace"))
    result = result_from_dict(parsed) if error is None else None
    if result is None:
        return failed("the process checking it gave no result")
    return result


# -- saved results -----------------------------------------------------------------------------------
def read_saved(path: Path, cwd: Path) -> list[RepoResult]:
    """The repositories in JSON saved from ``oss-checks check --format json``."""
    location = shown(path, cwd)
    try:
        saved = read_saved_document(path)
    except SavedResultsError as exc:
        return [RepoResult(name=path.stem, location=location, source="saved results", problem=str(exc))]
    rules = load_rules()
    results = []
    for repo in saved:
        result = RepoResult(
            name=Path(repo.root).name or path.stem,
            location=f"{location} ({repo.root})",
            source="saved results",
            rules_run=repo.rules_run,
            errors=repo.errors,
        )
        for entries, into in ((repo.findings, result.findings), (repo.ignored, result.ignored)):
            for entry in entries:
                item = Item.from_dict(entry, rules)
                if item is not None:
                    into.append(item)
        if not result.rules_run and not result.findings:
            result.problem = "the saved results ran no rules"
        results.append(result)
    return results or [
        RepoResult(name=path.stem, location=location, source="saved results", problem="holds no repositories")
    ]


# -- all of it ---------------------------------------------------------------------------------------
class Progress:
    """A one-line counter on a terminal; silent when the stream is not one (CI logs, pipes)."""

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None and stream.isatty() else None

    def step(self, name: str) -> None:
        self.done += 1
        if self.stream is not None:
            line = f"Checking repositories: {self.done}/{self.total} ({name})"
            self.stream.write("\r" + line[:100].ljust(100))
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None and self.total:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


def collect(
    paths: Sequence[str],
    cwd: Path,
    *,
    jobs: int | None = None,
    progress: TextIO | None = None,
    checker: Callable[[str, str], RepoResult] | None = None,
) -> tuple[list[RepoResult], list[str]]:
    """Check (or read) every repository behind ``paths``; results keep the targets' order.

    ``checker`` checks one repository; by default :func:`check_isolated` (a process per
    repository, with the default time limit). Up to ``jobs`` run at once.
    """
    targets, notes = discover(paths, cwd)
    slots: list[list[RepoResult]] = [[] for _ in targets]
    checkouts = [(index, t) for index, t in enumerate(targets) if t.kind == "checkout"]
    counter = Progress(len(checkouts), progress)
    for index, target in enumerate(targets):
        if target.kind == "saved":
            slots[index] = read_saved(target.path, cwd)
        elif target.kind == "problem":
            slots[index] = [
                RepoResult(name=target.path.name, location=shown(target.path, cwd), problem=target.problem)
            ]
    run_one = checker or check_isolated
    workers = max(1, min(jobs or os.cpu_count() or 1, len(checkouts)))
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures: dict[Future[RepoResult], tuple[int, Target]] = {
                pool.submit(run_one, str(target.path), shown(target.path, cwd)): (index, target)
                for index, target in checkouts
            }
            for future in as_completed(futures):
                index, target = futures[future]
                slots[index] = [_result_or_problem(future, target, cwd)]
                counter.step(target.path.name)
    finally:
        counter.close()
    return [result for slot in slots for result in slot], notes


def _result_or_problem(future: Future[RepoResult], target: Target, cwd: Path) -> RepoResult:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - one repository's failure is one row
        return RepoResult(
            name=target.path.name,
            location=shown(target.path, cwd),
            problem=f"the check stopped: {type(exc).__name__}: {exc}",
        )
