"""``oss-checks check``: check repositories (folders) or files.

Exit codes: 0 clean, 1 findings, 2 usage, configuration or internal error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from oss_checks.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError

if TYPE_CHECKING:
    from oss_checks.engine import Result


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    """``--select``, ``--ignore`` and ``--format``: shared with the per-file hook."""
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules: codes, prefixes (OSS3) or names, comma-separated; replaces the config's",
    )
    parser.add_argument(
        "--ignore", action="append", metavar="CODES", help="skip these rules (comma-separated)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif"),
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--include-dormant",
        action="store_true",
        help="also report the hygiene findings held back on dormant files (no commit for two years)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Check repositories (folders) or files."
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="repository folders, or files (then only the per-file rules run); default: the current folder",
    )
    add_selection_arguments(parser)
    parser.add_argument(
        "--fix", action="store_true", help="apply safe fixes: create missing files, add missing sections"
    )
    parser.add_argument(
        "--baseline", metavar="FILE", help="fail only on findings that are not in this saved baseline"
    )
    parser.add_argument(
        "--write-baseline", metavar="FILE", help="save the current findings as a baseline and exit 0"
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--strict", action="store_true", help="warnings fail the check too, not only errors")
    parser.add_argument(
        "--repository-rules",
        action="store_true",
        help="only the rules that look at the repository as a whole (the per-file hook checks staged files)",
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="print nothing when there is nothing to report (hooks run in batches)",
    )


def codes_list(values: Sequence[str] | None) -> list[str]:
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def group_files(files: Sequence[Path], cwd: Path) -> dict[Path, list[str]]:
    """Map each file to its repository root (git's top level, else the current folder).

    pre-commit runs hooks from the repository root, so one ``git rev-parse`` for the
    current folder usually answers for every file; others are looked up per folder.
    """
    import os

    from oss_checks.git import top_level

    groups: dict[Path, list[str]] = {}
    cwd_git = top_level(cwd)
    cwd_root = cwd_git.resolve() if cwd_git else None
    roots: dict[Path, Path] = {}
    for file in files:
        absolute = Path(os.path.abspath(cwd / file))
        folder = absolute.parent
        if cwd_root is not None and folder.resolve().is_relative_to(cwd_root):
            root = cwd_root
        else:
            if folder not in roots:
                # Outside a git repository the current folder is the project, if it holds the file.
                found = top_level(folder)
                fallback = cwd if folder.resolve().is_relative_to(cwd.resolve()) else folder
                roots[folder] = (found or fallback).resolve()
            root = roots[folder]
        # Resolve the folder, not the file: a symlinked file is checked as the link itself.
        relative = Path(folder.resolve().relative_to(root), absolute.name)
        groups.setdefault(root, []).append(relative.as_posix())
    return groups


class Job(NamedTuple):
    """One repository to check: all of it, some of its files, or one of its folders."""

    root: Path
    files: list[str] | None = None
    within: str | None = None


def _folder_job(folder: Path) -> Job:
    """A folder is a repository of its own, or a part of the git repository it lies in."""
    from oss_checks.git import top_level

    top = top_level(folder)
    if top is None or top.resolve() == folder:
        return Job(folder)
    return Job(top.resolve(), within=folder.relative_to(top.resolve()).as_posix())


def _jobs(args: argparse.Namespace, cwd: Path) -> list[Job]:
    from oss_checks.git import top_level

    # With no path, the repository the current folder belongs to, as git sees it, so that a
    # check from a subfolder still finds pyproject.toml, the README and the tests.
    paths = [Path(p) for p in args.paths] or [top_level(cwd) or Path(".")]
    missing = [str(p) for p in paths if not (cwd / p).exists() and not (cwd / p).is_symlink()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    folders = [p for p in paths if (cwd / p).is_dir()]
    files = [p for p in paths if not (cwd / p).is_dir()]
    jobs = [_folder_job((cwd / folder).resolve()) for folder in folders]
    if files:
        jobs += [Job(root, only) for root, only in group_files(files, cwd).items()]
    return jobs


def _check_all(args: argparse.Namespace, jobs: Sequence[Job]) -> list[Result]:
    import gc

    from oss_checks.engine import check
    from oss_checks.registry import Scope

    select, ignore = codes_list(args.select), codes_list(args.ignore)
    scope = Scope.REPO if args.repository_rules else None
    # A check is a short-lived run that keeps every file's text until it ends: the cyclic
    # garbage collector only rescans that cache (about 10% of a 50,000-file run).
    gc.disable()
    try:
        return [
            check(
                job.root,
                select=select,
                ignore=ignore,
                files=job.files,
                fix=args.fix,
                scope=scope,
                within=job.within,
                parallel=True,
                include_dormant=args.include_dormant,
            )
            for job in jobs
        ]
    finally:
        gc.enable()


def run(args: argparse.Namespace) -> int:
    from oss_checks.baseline import hide_known, read_baseline, write_baseline
    from oss_checks.output import printable, render
    from oss_checks.registry import Severity

    cwd = Path.cwd()
    results = _check_all(args, _jobs(args, cwd))
    errors = [error for result in results for error in result.errors]
    if args.write_baseline:
        if errors:
            for error in errors:
                print(f"oss-checks: {error}", file=sys.stderr)
            raise UsageError("the baseline was not written: some rules could not run (see above)")
        total = write_baseline(Path(args.write_baseline), results)
        print(f"Wrote {total} finding{'s' if total != 1 else ''} to the baseline {args.write_baseline}.")
        return EXIT_CLEAN
    baselined = hide_known(results, read_baseline(Path(args.baseline))) if args.baseline else 0

    quiet = args.quiet and not any(result.findings or result.errors for result in results)
    output = "" if quiet else render(args.format, results, cwd)
    if output:
        print(output)
    if args.format == "text" and not quiet:
        for result in results:
            if result.walked:
                print(
                    f"{printable(str(result.root))} is not a git repository: checked every file below it, "
                    "leaving out tool caches, build folders and virtual environments."
                )
    left = sum(1 for result in results for finding in result.findings if finding.fixable)
    if args.fix and left and args.format == "text":
        print(
            f"{left} fixable problem{'s' if left != 1 else ''} could not be fixed here: files are created "
            "only from the answers in .oss-template.json, and an existing file is never changed."
        )
    if baselined and args.format == "text":
        print(f"{baselined} known finding{'s' if baselined != 1 else ''} in the baseline {args.baseline}.")
    for error in errors:
        print(f"oss-checks: {error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    failing = [
        finding
        for result in results
        for finding in result.findings
        if args.strict or finding.rule.severity is Severity.ERROR
    ]
    if failing and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN
