"""How precise are the findings of oss-checks on real repositories?

    python benchmarks/precision.py FOLDER                     # counts and sample messages
    python benchmarks/precision.py FOLDER --json findings.json # also every finding, keyed
    python benchmarks/precision.py FOLDER --judgments judged.json --kinds kinds.json

FOLDER holds git checkouts (every subfolder with a ``.git``). For each one the script runs
``oss-checks check <checkout> --format json --exit-zero`` (``--oss-checks`` names another
command, e.g. ``"python -m oss_checks"`` or a venv's ``bin/oss-checks``) with a timeout, then
prints per repository its files, findings and run time, and per rule the number of findings
with up to ``--sample`` messages and where they are.

``--json OUT`` writes every finding with a stable ``key``: the checkout's folder name, the rule
code, the path inside the repository, the notebook cell, the line and the message, joined by
`` | ``. Judge them by hand in a JSON file that maps keys to
``{"verdict": "real" | "wrong" | "unactionable", "note": "..."}`` and pass it with
``--judgments``: the script then prints precision (real / judged) per rule, per repository kind
(``--kinds``: a JSON file mapping folder names to kinds such as "analysis" or "library") and
overall, and how many findings are not judged yet. Judgments whose finding no longer appears are
counted as gone, so a run after a rule change shows what disappeared.

The exit code is 1 when oss-checks timed out, crashed or reported an error for a repository.
Only the standard library is used, so the script runs with any Python that can run oss-checks.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERDICTS = ("real", "wrong", "unactionable")


@dataclass(frozen=True)
class Finding:
    repo: str
    code: str
    path: str
    cell: int | None
    line: int
    message: str

    @property
    def key(self) -> str:
        cell = "" if self.cell is None else str(self.cell)
        return " | ".join((self.repo, self.code, self.path, cell, str(self.line), self.message))

    @property
    def location(self) -> str:
        where = self.path
        if self.cell is not None:
            where += f":cell {self.cell}"
        if self.line:
            where += f":{self.line}"
        return where


@dataclass
class RepoRun:
    name: str
    files: int
    seconds: float
    findings: list[Finding] = field(default_factory=list)
    problem: str = ""


def checkouts(folder: Path) -> list[Path]:
    return sorted(child for child in folder.iterdir() if (child / ".git").exists())


def tracked_files(checkout: Path) -> int:
    listed = subprocess.run(
        ["git", "-C", str(checkout), "ls-files", "-z"], capture_output=True, check=False
    ).stdout
    return listed.count(b"\0")


def parse_findings(name: str, report: dict[str, Any]) -> list[Finding]:
    return [
        Finding(
            repo=name,
            code=str(entry["code"]),
            path=str(entry.get("repo_path") or entry.get("path") or ""),
            cell=entry.get("cell"),
            line=int(entry.get("line") or 0),
            message=str(entry["message"]),
        )
        for entry in report.get("findings", [])
    ]


def run_one(command: Sequence[str], checkout: Path, timeout: float) -> RepoRun:
    argv = [*command, "check", str(checkout), "--format", "json", "--exit-zero"]
    run = RepoRun(checkout.name, tracked_files(checkout), 0.0)
    start = time.perf_counter()
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    except OSError as error:
        raise SystemExit(f"precision.py: cannot run {command[0]!r}: {error.strerror}") from error
    except subprocess.TimeoutExpired:
        run.seconds = time.perf_counter() - start
        run.problem = f"timed out after {timeout:g} s"
        return run
    run.seconds = time.perf_counter() - start
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        last_line = (done.stderr.strip().splitlines() or ["no output"])[-1]
        run.problem = f"exit {done.returncode}, no JSON: {last_line}"
        return run
    run.findings = parse_findings(checkout.name, report)
    errors = [str(error) for repo in report.get("repos", []) for error in repo.get("errors", [])]
    errors += [str(error) for error in report.get("errors", [])]
    if errors:
        run.problem = "; ".join(errors)
    return run


def print_runs(runs: Sequence[RepoRun], kinds: dict[str, str], sample: int) -> None:
    print(f"{'repository':<55} {'kind':<12} {'files':>6} {'findings':>8} {'time':>7}")
    for run in runs:
        kind = kinds.get(run.name, "")
        line = f"{run.name:<55} {kind:<12} {run.files:>6} {len(run.findings):>8} {run.seconds:>6.2f}s"
        print(line + (f"  PROBLEM: {run.problem}" if run.problem else ""))
    total = sum(len(run.findings) for run in runs)
    print(
        f"{'total':<55} {'':<12} {sum(r.files for r in runs):>6} {total:>8} "
        f"{sum(r.seconds for r in runs):>6.2f}s\n"
    )
    for run in runs:
        if not run.findings:
            continue
        print(f"== {run.name}")
        by_code: dict[str, list[Finding]] = defaultdict(list)
        for finding in run.findings:
            by_code[finding.code].append(finding)
        for code in sorted(by_code):
            print(f"  {code}: {len(by_code[code])}")
            for finding in by_code[code][:sample]:
                print(f"      {finding.location}: {finding.message}")
        print()


def ratio(real: int, judged: int) -> str:
    return f"{real / judged:.0%}" if judged else "-"


def tally_rows(groups: dict[str, list[Finding]], judgments: dict[str, dict[str, str]]) -> list[str]:
    rows = [
        f"{'':<14} {'findings':>8} {'real':>5} {'wrong':>5} {'unact.':>6} {'unjudged':>8} {'precision':>9}"
    ]
    for name in sorted(groups):
        verdicts = Counter(judgments.get(f.key, {}).get("verdict", "unjudged") for f in groups[name])
        judged = sum(verdicts[v] for v in VERDICTS)
        rows.append(
            f"{name:<14} {len(groups[name]):>8} {verdicts['real']:>5} {verdicts['wrong']:>5} "
            f"{verdicts['unactionable']:>6} {len(groups[name]) - judged:>8} "
            f"{ratio(verdicts['real'], judged):>9}"
        )
    return rows


def print_precision(
    findings: Sequence[Finding], judgments: dict[str, dict[str, str]], kinds: dict[str, str]
) -> None:
    by_code: dict[str, list[Finding]] = defaultdict(list)
    by_kind: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_code[finding.code].append(finding)
        by_kind[kinds.get(finding.repo, "(no kind)")].append(finding)
    print("Precision per rule (real / judged)")
    print("\n".join(tally_rows(by_code, judgments)))
    if kinds:
        print("\nPrecision per repository kind")
        print("\n".join(tally_rows(by_kind, judgments)))
    print("\nOverall")
    print("\n".join(tally_rows({"all": list(findings)}, judgments)[1:]))
    present = {finding.key for finding in findings}
    gone = [key for key in judgments if key not in present]
    gone_verdicts = Counter(judgments[key].get("verdict", "?") for key in gone)
    if gone:
        summary = ", ".join(f"{count} {verdict}" for verdict, count in sorted(gone_verdicts.items()))
        print(f"\nJudged findings no longer reported: {len(gone)} ({summary})")


def load_json_object(path: Path, what: str) -> dict[str, Any]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise SystemExit(f"precision.py: cannot read {what} {path}: {error}") from error
    if not isinstance(loaded, dict):
        raise SystemExit(f"precision.py: {what} {path} must hold a JSON object")
    return loaded


def check_judgments(judgments: dict[str, Any]) -> dict[str, dict[str, str]]:
    for key, judgment in judgments.items():
        if not isinstance(judgment, dict) or judgment.get("verdict") not in VERDICTS:
            raise SystemExit(f"precision.py: judgment for {key!r} needs a verdict in {VERDICTS}")
    return judgments


def write_findings(path: Path, runs: Iterable[RepoRun]) -> None:
    rows = [{"key": f.key, **vars(f)} for run in runs for f in run.findings]
    path.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of git checkouts")
    parser.add_argument("--oss-checks", default="oss-checks", help="command that runs oss-checks")
    parser.add_argument("--json", type=Path, help="write every finding with its key here")
    parser.add_argument("--judgments", type=Path, help="JSON mapping keys to verdicts")
    parser.add_argument("--kinds", type=Path, help="JSON mapping checkout folder names to kinds")
    parser.add_argument("--sample", type=int, default=3, help="messages shown per rule and repository")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per repository")
    args = parser.parse_args(argv)

    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    repos = checkouts(args.folder)
    if not repos:
        parser.error(f"{args.folder} holds no git checkouts")
    kinds = {str(k): str(v) for k, v in load_json_object(args.kinds, "kinds").items()} if args.kinds else {}
    judgments = check_judgments(load_json_object(args.judgments, "judgments")) if args.judgments else {}

    command = shlex.split(args.oss_checks)
    runs = [run_one(command, checkout, args.timeout) for checkout in repos]
    print_runs(runs, kinds, args.sample)
    if args.json:
        try:
            write_findings(args.json, runs)
        except OSError as error:
            raise SystemExit(f"precision.py: cannot write {args.json}: {error.strerror}") from error
    if args.judgments:
        print_precision([f for run in runs for f in run.findings], judgments, kinds)
    return 1 if any(run.problem for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
