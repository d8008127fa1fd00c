"""The ``oss-checks`` command line.

Exit codes: 0 clean, 1 findings, 2 usage, configuration or internal error. Every
error is one line on stderr; no command prints a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from oss_checks import __version__
from oss_checks.errors import UserError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(UserError):
    """Wrong arguments; the message is the one line a user reads."""


def _codes_list(values: Sequence[str] | None) -> list[str]:
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oss-checks",
        description="Check that a repository keeps open-source ways of working.",
    )
    parser.add_argument("--version", action="version", version=f"oss-checks {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check", help="check repositories or files", description="Check repositories (folders) or files."
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="repository folders, or files (then only the per-file rules run); default: the current folder",
    )
    add_selection_arguments(check)
    check.add_argument(
        "--fix", action="store_true", help="apply safe fixes: create missing files, add missing sections"
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="fail only on findings that are not in this saved baseline"
    )
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="save the current findings as a baseline and exit 0",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    rule = commands.add_parser("rule", help="explain one rule, like `ruff rule`")
    rule.add_argument("code", metavar="CODE", help="a rule code (OSS101) or name (readme-content)")

    from oss_checks import commands as extra

    extra.register(commands)
    return parser


# -- check ------------------------------------------------------------------------------------
def _git_root(folder: Path) -> Path | None:
    from oss_checks.context import run_git

    top = (run_git(folder, "rev-parse", "--show-toplevel") or "").strip()
    return Path(top) if top else None


def group_files(files: Sequence[Path], cwd: Path) -> dict[Path, list[str]]:
    """Map each file to its repository root (git's top level, else the current folder).

    pre-commit runs hooks from the repository root, so one ``git rev-parse`` for the
    current folder usually answers for every file; others are looked up per folder.
    """
    groups: dict[Path, list[str]] = {}
    cwd_git = _git_root(cwd)
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
                found = _git_root(folder)
                fallback = cwd if folder.resolve().is_relative_to(cwd.resolve()) else folder
                roots[folder] = (found or fallback).resolve()
            root = roots[folder]
        # Resolve the folder, not the file: a symlinked file is checked as the link itself.
        relative = Path(folder.resolve().relative_to(root), absolute.name)
        groups.setdefault(root, []).append(relative.as_posix())
    return groups


def _baseline_key(finding: dict[str, Any]) -> tuple[str, str, str]:
    return (
        str(finding.get("code")),
        str(finding.get("repo_path", finding.get("path"))),
        str(finding.get("message")),
    )


def _read_baseline(path: Path) -> dict[tuple[str, str, str], int]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"baseline {path} does not exist (create it with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"baseline {path} cannot be read: {exc}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UsageError(f"baseline {path} has no list of findings")
    counts: dict[tuple[str, str, str], int] = {}
    for entry in entries:
        if isinstance(entry, dict):
            key = _baseline_key(entry)
            counts[key] = counts.get(key, 0) + 1
    return counts


def run_check(args: argparse.Namespace, cwd: Path) -> int:
    from oss_checks.context import Repo, RepoError
    from oss_checks.engine import Result, run
    from oss_checks.output import render, to_json

    select, ignore = _codes_list(args.select), _codes_list(args.ignore)
    # With no path, the repository the current folder belongs to, as git sees it, so that a
    # check from a subfolder still finds pyproject.toml, the README and the tests.
    paths = [Path(p) for p in args.paths] or [_git_root(cwd) or Path(".")]
    missing = [str(p) for p in paths if not (cwd / p).exists() and not (cwd / p).is_symlink()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    folders = [p for p in paths if (cwd / p).is_dir()]
    files = [p for p in paths if not (cwd / p).is_dir()]
    jobs: list[tuple[Path, list[str] | None]] = [((cwd / f).resolve(), None) for f in folders]
    jobs += list(group_files(files, cwd).items())

    def check_all() -> list[Result]:
        results = []
        for root, only in jobs:
            repo = Repo(root)
            codes = repo.config.selected(select, ignore)
            if only is not None:
                codes = [c for c in codes if repo.config.rule(c).scope.value == "file"]
            results.append(run(repo, codes, files=only))
        return results

    # A check is a short-lived run that keeps every file's text until it ends: the cyclic
    # garbage collector only rescans that cache (about 10% of a 50,000-file run).
    gc.disable()
    try:
        results = check_all()
        fixed = 0
        if args.fix:
            fixed = _apply_fixes(results)
            if fixed:
                results = check_all()
    except RepoError as exc:
        raise UsageError(str(exc)) from None
    finally:
        gc.enable()

    errors = [error for result in results for error in result.errors]
    if args.write_baseline and errors:
        for error in errors:
            print(f"oss-checks: {error}", file=sys.stderr)
        raise UsageError("the baseline was not written: some rules could not run (see above)")
    if args.write_baseline:
        document = to_json(results, cwd)
        baseline = {"tool": "oss-checks", "version": __version__, "findings": document["findings"]}
        # surrogateescape writes file names that are not UTF-8 back as the bytes they were.
        Path(args.write_baseline).write_text(
            json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", "utf-8", "surrogateescape"
        )
        total = len(document["findings"])
        print(f"Wrote {total} finding{'s' if total != 1 else ''} to the baseline {args.write_baseline}.")
        return EXIT_CLEAN
    baselined = 0
    if args.baseline:
        known = _read_baseline(Path(args.baseline))
        for result in results:
            kept = []
            for finding in result.findings:
                key = (finding.code, finding.path, finding.message)
                if known.get(key, 0) > 0:
                    known[key] -= 1
                    baselined += 1
                else:
                    kept.append(finding)
            result.findings = kept

    output = render(args.format, results, cwd, fixed)
    if output:
        print(output)
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
    if any(result.findings for result in results) and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _apply_fixes(results: Sequence[Any]) -> int:
    from oss_checks.context import Repo

    fixed = 0
    for result in results:
        repo = Repo(result.root)
        for finding in result.findings:
            rule = repo.config.rule(finding.code)
            if finding.fixable:
                try:
                    if rule.fix(repo, finding):
                        fixed += 1
                except Exception as exc:  # noqa: BLE001 - report, never a traceback
                    result.errors.append(f"could not fix {finding.code} on {finding.path}: {exc}")
    return fixed


# -- rules and rule -----------------------------------------------------------------------------
def run_rules(args: argparse.Namespace) -> int:
    from oss_checks.manifest import rules_markdown, rules_records

    if args.format == "json":
        print(json.dumps(rules_records(), indent=2))
    elif args.format == "markdown":
        print(rules_markdown())
    else:
        from oss_checks.registry import load_rules

        for code, rule in load_rules().items():
            flags = ("fix" if rule.fixable else "   ") + (" opt-in" if rule.opt_in else "")
            print(f"{code}  {rule.name:<28} {flags:<10} {rule.summary()}")
    return EXIT_CLEAN


def run_rule(args: argparse.Namespace) -> int:
    from oss_checks.config import ConfigError, _code_for
    from oss_checks.manifest import rule_document

    try:
        code = _code_for(args.code, "rule")
    except ConfigError as exc:
        raise UsageError(str(exc).removeprefix("rule: ")) from None
    print(rule_document(code))
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    cwd = Path.cwd()
    try:
        if args.command == "check":
            return run_check(args, cwd)
        if args.command == "rules":
            return run_rules(args)
        if args.command == "rule":
            return run_rule(args)
        if args.command is None:
            parser.print_help()
            return EXIT_ERROR
        from oss_checks import commands as extra

        return extra.dispatch(args, cwd)
    except UserError as exc:
        print(f"oss-checks: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("oss-checks: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        print(f"oss-checks: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
