"""Benchmarks on checkouts of real public repositories, against the fastest tools a team runs.

For every checkout, in the same run and taking turns so that a change in machine load
hits every tool alike:

* ``oss-checks check <repo> --exit-zero`` (and the peak memory of its largest process);
* ``ruff check --no-cache <repo>`` with the repository's own ruff configuration (or
  ``--isolated`` when that configuration does not load with this ruff, which is said);
* ``repo-review <repo>`` with sp-repo-review, without oss-checks' own plugin and without
  validate-pyproject-schema-store (see ``repo_review_peer.py``);
* the read floor: reading every tracked file once, in-process, from ``git ls-files``;
* the per-file hook (``oss-checks-files``) on 20 tracked files as pre-commit would pass
  them when they are staged, beside ``python -c pass``, ``nbstripout --verify`` (on the
  notebooks among them) and ``detect-secrets-hook``.

And once per run: start-up, ``oss-checks check`` in an empty git repository against
``python -c pass``. The checkouts are read and never written: every tool runs with its
output thrown away, git runs without the programs a repository's config could name, and
each command has a time limit.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

from measuring import (
    Report,
    floor_read_seconds,
    git_output,
    measure_interleaved,
    peak_mb,
    read_regular,
    run_quietly,
    staged_sample,
    tool,
    tracked,
)

HERE = Path(__file__).resolve().parent
#: numpy's tree holds 2,363 files: the memory goal is set for trees up to about that size.
NUMPY_SIZED_FILES = 2_500
PEAK_GOAL_MB = 100
STARTUP_GOAL_S = 0.040
HOOK_GOAL_S = 0.060
HOOK_FILES = 20
#: Start-up and the per-file hook take milliseconds: they get this many times ``--runs``.
SHORT_RUNS_FACTOR = 5


@dataclass(frozen=True)
class Checkout:
    name: str
    root: Path
    commit: str | None
    entries: int  # everything git ls-files lists, submodules and symbolic links included
    files: tuple[str, ...]  # the regular files among them
    size_bytes: int

    def label(self) -> str:
        commit = self.commit[:10] if self.commit else "no commit"
        return f"{self.name} @ {commit} ({len(self.files):,} files, {self.size_bytes / 1e6:.1f} MB)"

    def record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "commit": self.commit,
            "tracked_entries": self.entries,
            "files": len(self.files),
            "bytes": self.size_bytes,
        }


def find_checkouts(folders: Sequence[Path]) -> list[Path]:
    """Each folder that is a git checkout, else the checkouts directly inside it, sorted by name."""
    found: list[Path] = []
    for folder in folders:
        if (folder / ".git").exists():
            found.append(folder)
            continue
        found.extend(sorted(child for child in folder.iterdir() if (child / ".git").exists()))
    return found


def describe(root: Path) -> Checkout:
    try:
        commit: str | None = git_output(root, "rev-parse", "--verify", "--quiet", "HEAD").decode().strip()
    except subprocess.CalledProcessError:
        commit = None  # a repository without commits
    listing = tracked(root)
    size = sum(read_regular(root / name) for name in listing.files)
    return Checkout(root.name, root, commit or None, listing.entries, listing.files, size)


def trial(
    command: Sequence[str], cwd: Path, timeout: float, accept: Callable[[int], bool] = lambda _: True
) -> str | None:
    """Run once with the output kept: None when it worked, else why not, in one line.

    This first run also warms the file cache and the tool's byte code for the timed runs.
    """
    try:
        done = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, errors="replace", check=False, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:.0f} s"
    except OSError as exc:
        return f"could not start: {exc}"
    if accept(done.returncode) and "Traceback (most recent call last)" not in done.stderr:
        return None
    last = [line.strip() for line in (done.stderr or done.stdout).splitlines() if line.strip()]
    return f"exit {done.returncode}: {last[-1][:200] if last else 'no output'}"


def repo_review_command() -> list[str] | None:
    """repo-review with sp-repo-review from this interpreter's environment, or None."""
    if importlib.util.find_spec("repo_review") is None or importlib.util.find_spec("sp_repo_review") is None:
        return None
    return [sys.executable, str(HERE / "repo_review_peer.py")]


# -- start-up ----------------------------------------------------------------------------------
def bench_startup(report: Report, scratch: Path, runs: int, timeout: float) -> None:
    report.say("Start-up: oss-checks check in an empty git repository")
    ours_bin = tool("oss-checks")
    if ours_bin is None:
        report.say("  oss-checks is not installed")
        return
    empty = scratch / "empty-repo"
    empty.mkdir()
    subprocess.run(["git", "init", "-q", str(empty)], check=True)
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "oss-checks": [ours_bin, "check", str(empty), "--exit-zero"],
    }
    problem = trial(commands["oss-checks"], empty, timeout, lambda code: code == 0)
    if problem:
        report.say(f"  oss-checks check fails in an empty repository: {problem}")
        return
    stats = measure_interleaved(
        {label: partial(run_quietly, command, empty, timeout=timeout) for label, command in commands.items()},
        runs,
    )
    python, ours = stats["python -c pass"], stats["oss-checks"]
    report.say(f"  python -c pass              {python.ms()}")
    report.say(f"  oss-checks check (empty)    {ours.ms()}")
    above = ours.median - python.median
    report.target(
        f"start-up: oss-checks check in an empty git repository within {STARTUP_GOAL_S * 1000:.0f} ms "
        "of python -c pass",
        above <= STARTUP_GOAL_S,
        f"{above * 1000:.0f} ms above",
    )
    report.figures["startup"] = {label: asdict(stat) for label, stat in stats.items()}


# -- real repositories -------------------------------------------------------------------------
def bench_real(
    report: Report, checkouts: Sequence[Path], runs: int, timeout: float, hook_runs: int | None = None
) -> None:
    """``runs`` of each whole-tree figure; ``hook_runs`` (default ``SHORT_RUNS_FACTOR`` times more) of the hook."""
    report.say(f"Real repositories ({len(checkouts)}; medians of {runs} runs, min-max beside)")
    ours_bin, ruff_bin = tool("oss-checks"), tool("ruff")
    if ours_bin is None:
        report.say("  oss-checks is not installed")
        return
    review = repo_review_command()
    rows: dict[str, Any] = {}
    summary: list[str] = []
    for root in checkouts:
        try:
            checkout = describe(root)
        except subprocess.CalledProcessError as exc:
            stderr = exc.stderr.decode("utf-8", "replace").strip().splitlines() if exc.stderr else []
            report.say(f"  {root.name}: not a git checkout git can read ({stderr[-1] if stderr else exc})")
            continue
        report.say(f"  {checkout.label()}")
        row = _bench_tree(report, checkout, ours_bin, ruff_bin, review, runs, timeout)
        if row is None:
            continue
        hook = _bench_hook(report, checkout, hook_runs or runs * SHORT_RUNS_FACTOR, timeout)
        if hook is not None:
            row["hook"] = hook
        rows[checkout.name] = row
        summary.append(_summary_line(checkout, row))
    if summary:
        report.say()
        report.say(
            "| Repository (commit) | Files | oss-checks | ruff | repo-review | Read floor | Peak | Hook, 20 files |"
        )
        report.say("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for line in summary:
            report.say(line)
    report.figures["real"] = rows


def _bench_tree(
    report: Report,
    checkout: Checkout,
    ours_bin: str,
    ruff_bin: str | None,
    review: list[str] | None,
    runs: int,
    timeout: float,
) -> dict[str, Any] | None:
    root = checkout.root
    ours_command = [ours_bin, "check", str(root), "--exit-zero"]
    problem = trial(ours_command, root, timeout, lambda code: code == 0)
    if problem:
        report.say(f"    oss-checks check fails: {problem}")
        return None
    timed: dict[str, Callable[[], object]] = {
        "read floor": partial(floor_read_seconds, root, checkout.files),
        "oss-checks": partial(run_quietly, ours_command, root, timeout=timeout),
    }
    notes: dict[str, str] = {}
    if ruff_bin is None:
        notes["ruff"] = "not installed"
    else:
        ruff_command = [ruff_bin, "check", "--no-cache", str(root)]
        problem = trial(ruff_command, root, timeout, lambda code: code in (0, 1))
        if problem:
            # The repository's ruff settings need another ruff: lint with the defaults instead.
            ruff_command.insert(2, "--isolated")
            notes["ruff"] = f"--isolated, the repository's configuration fails with this ruff ({problem})"
            problem = trial(ruff_command, root, timeout, lambda code: code in (0, 1))
        if problem:
            notes["ruff"] = f"fails: {problem}"
        else:
            timed["ruff"] = partial(run_quietly, ruff_command, root, timeout=timeout)
    if review is None:
        notes["repo-review"] = "repo-review or sp-repo-review is not installed"
    else:
        review_command = [*review, str(root)]
        problem = trial(review_command, root, timeout)
        if problem:
            notes["repo-review"] = f"fails: {problem}"
        else:
            timed["repo-review"] = partial(run_quietly, review_command, root, timeout=timeout)
    try:
        stats = measure_interleaved(timed, runs)
        peak = peak_mb(ours_command, root, timeout=timeout)
    except subprocess.TimeoutExpired:
        report.say(f"    a timed run took longer than {timeout:.0f} s")
        return None
    ours, floor = stats["oss-checks"], stats["read floor"]
    report.say(f"    read floor              {floor.s()}")
    report.say(f"    oss-checks check        {ours.s()}  peak {peak:.0f} MB")
    for label in ("ruff", "repo-review"):
        if label in stats:
            peer = stats[label]
            note = f"  ({notes[label]})" if label in notes else ""
            report.say(
                f"    {label:<23} {peer.s()}  oss-checks/{label} = {ours.median / peer.median:.2f}{note}"
            )
        else:
            report.say(f"    {label:<23} {notes[label]}")
    report.say(f"    oss-checks/floor = {ours.median / floor.median:.1f}")
    if "ruff" in stats:
        report.target(
            f"{checkout.name}: oss-checks check no slower than ruff check",
            ours.median <= stats["ruff"].median,
            f"{ours.median:.2f} s vs {stats['ruff'].median:.2f} s",
        )
    limit = 3 * floor.median + 0.25
    report.target(
        f"{checkout.name}: within 3x the read floor plus 0.25 s",
        ours.median <= limit,
        f"{ours.median:.2f} s vs limit {limit:.2f} s",
    )
    if len(checkout.files) <= NUMPY_SIZED_FILES:
        report.target(
            f"{checkout.name}: peak memory under {PEAK_GOAL_MB} MB ({len(checkout.files):,} files, "
            f"the goal is set for numpy-sized trees)",
            peak < PEAK_GOAL_MB,
            f"{peak:.0f} MB",
        )
    return {
        "repository": checkout.record(),
        "read_floor": asdict(floor),
        **{label: asdict(stat) for label, stat in stats.items() if label != "read floor"},
        "oss-checks_peak_mb": peak,
        "notes": notes,
    }


def _bench_hook(report: Report, checkout: Checkout, runs: int, timeout: float) -> dict[str, Any] | None:
    root = checkout.root
    ours_bin = tool("oss-checks-files")
    files = staged_sample(checkout.files, HOOK_FILES)
    if ours_bin is None or not files:
        report.say("    per-file hook: " + ("oss-checks-files is not installed" if files else "no files"))
        return None
    notebooks = [path for path in files if path.endswith(".ipynb")]
    commands: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "oss-checks-files": [ours_bin, *files],
    }
    notes: dict[str, str] = {}
    nbstripout, secrets = tool("nbstripout"), tool("detect-secrets-hook")
    if nbstripout is None:
        notes["nbstripout --verify"] = "not installed"
    elif not notebooks:
        notes["nbstripout --verify"] = f"no notebooks among the {len(files)} files"
    else:
        commands["nbstripout --verify"] = [nbstripout, "--verify", *notebooks]
    if secrets is None:
        notes["detect-secrets-hook"] = "not installed"
    else:
        commands["detect-secrets-hook"] = [secrets, *files]
    for label, command in list(commands.items()):
        # A hook finding something exits 1; only a crash or a hang disqualifies it.
        problem = trial(command, root, timeout)
        if problem:
            notes[label] = f"fails: {problem}"
            del commands[label]
    if "oss-checks-files" not in commands:
        report.say(f"    per-file hook {notes['oss-checks-files']}")
        return None
    try:
        stats = measure_interleaved(
            {
                label: partial(run_quietly, command, root, timeout=timeout)
                for label, command in commands.items()
            },
            runs,
        )
    except subprocess.TimeoutExpired:
        report.say(f"    a timed hook run took longer than {timeout:.0f} s")
        return None
    python, ours = stats["python -c pass"], stats["oss-checks-files"]
    above = ours.median - python.median
    report.say(f"    per-file hook, {len(files)} files ({len(notebooks)} notebooks):")
    report.say(f"      python -c pass          {python.ms()}")
    report.say(f"      oss-checks-files        {ours.ms()}  {above * 1000:.0f} ms above start-up")
    for label in ("nbstripout --verify", "detect-secrets-hook"):
        if label in stats:
            peer = stats[label]
            report.say(f"      {label:<23} {peer.ms()}  oss-checks/peer = {ours.median / peer.median:.2f}")
        else:
            report.say(f"      {label:<23} {notes[label]}")
    report.target(
        f"{checkout.name}: per-file hook on {len(files)} staged files within {HOOK_GOAL_S * 1000:.0f} ms "
        "of Python start-up",
        above <= HOOK_GOAL_S,
        f"{above * 1000:.0f} ms above",
    )
    return {
        "files": files,
        "notebooks": len(notebooks),
        **{label: asdict(stat) for label, stat in stats.items()},
        "notes": notes,
    }


def _summary_line(checkout: Checkout, row: dict[str, Any]) -> str:
    def seconds(label: str) -> str:
        figure = row.get(label)
        return f"{figure['median']:.2f} s" if figure else "-"

    hook = row.get("hook", {})
    if "oss-checks-files" in hook:
        above = hook["oss-checks-files"]["median"] - hook["python -c pass"]["median"]
        hook_text = f"{hook['oss-checks-files']['median'] * 1000:.0f} ms (+{above * 1000:.0f} ms)"
    else:
        hook_text = "-"
    commit = (checkout.commit or "no commit")[:10]
    name = checkout.name.replace("|", "\\|")
    return (
        f"| {name} ({commit}) | {len(checkout.files):,} | {seconds('oss-checks')} | {seconds('ruff')} "
        f"| {seconds('repo-review')} | {row['read_floor']['median']:.3f} s | {row['oss-checks_peak_mb']:.0f} MB "
        f"| {hook_text} |"
    )
