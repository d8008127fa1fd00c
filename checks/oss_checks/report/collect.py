"""Find the repositories behind the given paths and check them, in parallel.

A path is a repository checkout, a folder of checkouts, or the JSON that
``oss-checks check --format json`` printed (saved by a repository's CI). Anything
that cannot be read becomes a ``RepoResult`` with a ``problem``, never an exception,
so one broken checkout among two hundred costs one line of the report.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from oss_checks.baseline import SavedResultsError
from oss_checks.baseline import read_saved as read_saved_document
from oss_checks.engine import check_repo, open_repo
from oss_checks.errors import ConfigError, RepoError
from oss_checks.report.model import Item, RepoResult
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


# -- checking one checkout (runs in a worker process) ------------------------------------------
def check_checkout(path: str, location: str) -> RepoResult:
    """Run the repository's configured rules; every failure becomes ``problem``."""
    root = Path(path)
    result = RepoResult(name=root.name, location=location)
    problem = _listing_problem(root)
    if problem is not None:
        result.problem = problem
        return result
    try:
        repo, config = open_repo(root)
        _describe(repo, result)
        checked = check_repo(repo, config)
    except (RepoError, ConfigError) as exc:
        result.problem = f"its configuration is invalid: {exc}" if isinstance(exc, ConfigError) else str(exc)
        return result
    except Exception as exc:  # noqa: BLE001 - one repository must never stop the report
        result.problem = f"internal error: {type(exc).__name__}: {exc}"
        return result
    rules = load_rules()
    result.rules_run = list(checked.codes)
    result.errors = list(checked.errors)
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
    """What the repository says about itself: its name, visibility, type and template version."""
    name = repo.project.get("name")
    result.project_name = name if isinstance(name, str) and name.strip() else None
    visibility = repo.answers.get("visibility")
    result.visibility = visibility if visibility in ("internal", "public") else None
    result.project_type = repo.project_type
    result.template_version = repo.parsed_record.version if repo.parsed_record is not None else None


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
    checker: Callable[[str, str], RepoResult] = check_checkout,
) -> tuple[list[RepoResult], list[str]]:
    """Check (or read) every repository behind ``paths``; results keep the targets' order."""
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
    workers = max(1, min(jobs or os.cpu_count() or 1, len(checkouts)))
    try:
        if workers == 1:
            for index, target in checkouts:
                slots[index] = [checker(str(target.path), shown(target.path, cwd))]
                counter.step(target.path.name)
        else:
            _check_in_parallel(checkouts, slots, workers, cwd, counter, checker)
    finally:
        counter.close()
    return [result for slot in slots for result in slot], notes


def _check_in_parallel(
    checkouts: Sequence[tuple[int, Target]],
    slots: list[list[RepoResult]],
    workers: int,
    cwd: Path,
    counter: Progress,
    checker: Callable[[str, str], RepoResult],
) -> None:
    # "spawn" behaves the same on every platform and is safe in a process that has threads.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        futures: dict[Future[RepoResult], tuple[int, Target]] = {
            pool.submit(checker, str(target.path), shown(target.path, cwd)): (index, target)
            for index, target in checkouts
        }
        for future in as_completed(futures):
            index, target = futures[future]
            try:
                slots[index] = [future.result()]
            except Exception as exc:  # noqa: BLE001 - a dead worker is one repository's problem
                slots[index] = [
                    RepoResult(
                        name=target.path.name,
                        location=shown(target.path, cwd),
                        problem=f"the process checking it stopped: {type(exc).__name__}: {exc}",
                    )
                ]
            counter.step(target.path.name)
    finally:
        # On Ctrl-C, drop the repositories not started yet instead of checking them all first.
        pool.shutdown(wait=True, cancel_futures=True)
