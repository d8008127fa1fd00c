"""Benchmarks of oss-template and oss-checks against their peers and the floor.

    python benchmarks/run.py                          # synthetic trees, everything (several minutes)
    python benchmarks/run.py --smoke                  # smallest size, one run each: proves it works
    python benchmarks/run.py --repos ~/scratch/repos  # real checkouts: start-up, ruff, repo-review, floor
    nox -s bench                                      # the same, in a venv with every peer installed

Prints a table with ratios and whether each target is met, and writes the same as JSON
(``--output``, default ``benchmarks/results/latest.json``). Every figure is the median of
``--runs`` runs (default 5 on synthetic trees, 3 on real ones) with the min and max
beside it. Peers that are not installed are listed as such rather than failing the run.
The real-repository mode is described in ``real_repos.py``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import commit_all, generate
from measuring import (
    Report,
    floor_read_seconds,
    machine,
    measure,
    measure_call,
    peak_mb,
    staged_sample,
    tool,
    tracked,
)
from real_repos import SHORT_RUNS_FACTOR, bench_real, bench_startup, find_checkouts, repo_review_command

SYNTHETIC = ("hooks", "scan", "bake", "green", "precommit")
#: Default runs: a synthetic tree is quick to scan; a real tree's run takes seconds.
DEFAULT_RUNS, DEFAULT_REAL_RUNS = 5, 3


# -- 1. per-commit hook latency ---------------------------------------------------------------
def bench_hooks(report: Report, root: Path, runs: int, counts: Sequence[int]) -> None:
    report.say("1. Per-commit hook latency (staged files of a data-science repo)")
    startup = measure([sys.executable, "-c", "pass"], root, runs)
    report.say(f"  python -c pass            {startup.ms()}")
    figures: dict[str, Any] = {"python_startup": asdict(startup)}
    ours_bin = tool("oss-checks-files")
    peers = {
        "nbstripout --verify": (tool("nbstripout"), ["--verify"], ".ipynb"),
        "check-added-large-files --enforce-all": (tool("check-added-large-files"), ["--enforce-all"], None),
        "detect-secrets-hook": (tool("detect-secrets-hook"), [], None),
    }
    for count in counts:
        files = staged_sample(tracked(root).files, count)
        row: dict[str, Any] = {}
        if ours_bin is None:
            report.say("  oss-checks-files is not installed")
            return
        ours = measure([ours_bin, *files], root, runs)
        row["oss-checks"] = asdict(ours)
        report.say(
            f"  {count:>3} files  oss-checks   {ours.ms()}  ({(ours.median - startup.median) * 1000:.0f} ms above start-up)"
        )
        for label, (binary, flags, suffix) in peers.items():
            if binary is None:
                report.say(f"  {count:>3} files  {label}: not installed")
                continue
            chosen = [f for f in files if suffix is None or f.endswith(suffix)]
            peer = measure([binary, *flags, *chosen], root, runs)
            row[label] = asdict(peer)
            report.say(
                f"  {count:>3} files  {label:<38} {peer.ms()}  ours/peer = {ours.median / peer.median:.2f}"
            )
        figures[f"{count}_files"] = row
        if count == 20:
            overhead = (ours.median - startup.median) * 1000
            report.target(
                "per-file hook on 20 files under 100 ms above interpreter start-up",
                overhead < 100,
                f"{overhead:.0f} ms",
            )
    report.figures["hook_latency"] = figures


# -- 2. whole-repository scan -----------------------------------------------------------------
def bench_scan(report: Report, scratch: Path, runs: int, sizes: Sequence[int]) -> None:
    report.say("2. Whole-repository scan")
    startup = measure([sys.executable, "-c", "pass"], scratch, runs).median
    ours_bin, review = tool("oss-checks"), repo_review_command()
    rows = {}
    totals: list[tuple[int, float]] = []
    for size in sizes:
        root = generate(scratch / f"repo-{size}", size)
        floor = statistics.median(floor_read_seconds(root) for _ in range(runs))
        if ours_bin is None:
            report.say("  oss-checks is not installed")
            return
        ours = measure([ours_bin, "check", str(root), "--exit-zero", "--format", "json"], root, runs)
        row: dict[str, Any] = {"floor_read": floor, "oss-checks": asdict(ours)}
        line = f"  {size:>6} files  floor {floor:6.3f} s  oss-checks {ours.s()}  ours/floor = {ours.median / floor:.1f}"
        limit = 3 * floor + startup
        met_floor = ours.median <= limit
        if review is not None:
            peer = measure([*review, str(root)], root, runs)
            row["repo-review"] = asdict(peer)
            line += f"  repo-review {peer.s()}  ours/repo-review = {ours.median / peer.median:.2f}"
            report.say(line)
            report.target(
                f"{size} files: faster than repo-review + sp-repo-review",
                ours.median < peer.median,
                f"{ours.median:.2f} s vs {peer.median:.2f} s",
            )
        else:
            report.say(line + "  (repo-review not installed)")
        report.target(
            f"{size} files: within 3x the floor plus start-up",
            met_floor,
            f"{ours.median:.2f} s vs limit {limit:.2f} s",
        )
        totals.append((size, ours.median))
        rows[str(size)] = row
    if len(totals) > 2:
        # The marginal cost of one more file between sizes: flat when time grows linearly
        # (a fixed start-up cost makes the average per file fall, and says nothing about growth).
        marginal = [
            (f"{small}->{large}", (t_large - t_small) / (large - small))
            for (small, t_small), (large, t_large) in itertools.pairwise(totals)
        ]
        costs = [cost for _, cost in marginal]
        report.target(
            "time grows linearly with size (marginal cost per file within 1.5x across sizes)",
            max(costs) <= 1.5 * min(costs),
            ", ".join(f"{span}: {cost * 1e6:.0f} µs/file" for span, cost in marginal),
        )
    report.figures["scan"] = rows


# -- 3. bake time ------------------------------------------------------------------------------
def bench_bake(report: Report, scratch: Path, runs: int) -> None:
    report.say("3. Bake time of the default project")
    cookiecutter_bin, cruft_bin = tool("cookiecutter"), tool("cruft")
    figures: dict[str, Any] = {}
    counter = iter(range(10_000))
    if cookiecutter_bin:
        stat = measure_call(
            lambda: subprocess.run(
                [cookiecutter_bin, "--no-input", str(ROOT), "-o", str(scratch / f"bake{next(counter)}")],
                capture_output=True,
                check=True,
            ),
            runs,
        )
        figures["cookiecutter"] = asdict(stat)
        report.say(f"  cookiecutter {stat.s()}")
    if cruft_bin and (ROOT / ".git").exists():
        stat = measure_call(
            lambda: subprocess.run(
                [
                    cruft_bin,
                    "create",
                    str(ROOT),
                    "--no-input",
                    "--output-dir",
                    str(scratch / f"cruft{next(counter)}"),
                ],
                capture_output=True,
                check=True,
            ),
            runs,
        )
        figures["cruft"] = asdict(stat)
        report.say(f"  cruft create {stat.s()}  (clones the committed template)")
    report.figures["bake"] = figures


def bake_committed(cookiecutter_bin: str, output: Path) -> Path:
    """Bake the default project into ``output`` and commit it, as a team's first commit."""
    subprocess.run(
        [cookiecutter_bin, "--no-input", str(ROOT), "-o", str(output)], capture_output=True, check=True
    )
    project = next(output.iterdir())
    commit_all(project, "bake")
    return project


# -- 4. time to green --------------------------------------------------------------------------
def bench_time_to_green(report: Report, scratch: Path) -> None:
    report.say("4. Time-to-green of the default bake (bake, git init, every default nox session)")
    cookiecutter_bin, nox_bin = tool("cookiecutter"), tool("nox")
    if not (cookiecutter_bin and nox_bin):
        report.say("  cookiecutter or nox is not installed")
        return
    cache = scratch / "uv-cache"
    figures = {}
    for label in ("cold", "warm"):
        output = scratch / f"green-{label}"
        env = {**os.environ, "UV_CACHE_DIR": str(cache), "OSS_CHECKS_REQUIREMENT": str(ROOT)}
        env.pop("CI", None)  # CI=true makes nox fail on interpreters this machine lacks
        start = time.perf_counter()
        project = bake_committed(cookiecutter_bin, output)
        done = subprocess.run([nox_bin], cwd=project, capture_output=True, text=True, env=env, check=False)
        elapsed = time.perf_counter() - start
        figures[label] = {"seconds": elapsed, "green": done.returncode == 0}
        report.say(
            f"  {label}: {elapsed:6.1f} s, {'green' if done.returncode == 0 else 'RED: ' + done.stdout[-300:]}"
        )
        limit = 90 if label == "cold" else 30
        report.target(
            f"time-to-green {label} under {limit} s",
            done.returncode == 0 and elapsed < limit,
            f"{elapsed:.1f} s",
        )
    report.figures["time_to_green"] = figures


# -- 5. the baked project's pre-commit hooks ----------------------------------------------------
def bench_precommit(report: Report, scratch: Path, runs: int) -> None:
    """The default bake's whole hook set, run offline exactly as the template's tests run it."""
    report.say("5. The default bake's pre-commit hooks on every file (offline twin, warm)")
    cookiecutter_bin = tool("cookiecutter")
    try:
        import yaml

        sys.path.insert(0, str(ROOT / "tests"))
        from template.precommit_twin import offline_twin
    except ImportError as exc:
        report.say(f"  skipped: {exc}")
        return
    finally:
        if str(ROOT / "tests") in sys.path:
            sys.path.remove(str(ROOT / "tests"))
    if cookiecutter_bin is None:
        report.say("  cookiecutter is not installed")
        return
    project = bake_committed(cookiecutter_bin, scratch / "hooks-bake")
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    twin = scratch / "twin.yaml"
    twin.write_text(yaml.safe_dump(offline_twin(config, scratch), sort_keys=False), encoding="utf-8")
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--config", str(twin)]
    warm_up = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    if warm_up.returncode != 0:
        report.say(f"  the hooks fail on the bake: {warm_up.stdout[-400:]}")
        return
    stat = measure(command, project, runs)
    peak = peak_mb(command, project)
    report.say(f"  all hooks, all files  {stat.s()}  peak {peak:.0f} MB (largest process)")
    report.target("baked hook set under 3 s warm", stat.median < 3, f"{stat.median:.2f} s")
    report.target("baked hook set peak memory under 300 MB", peak < 300, f"{peak:.0f} MB")
    report.figures["precommit"] = {"run": asdict(stat), "peak_mb": peak}


def compile_installed() -> None:
    """Bytecode for oss-checks as pip writes it at install: an editable install under
    PYTHONDONTWRITEBYTECODE would otherwise compile every edited module on every run."""
    import compileall

    import oss_checks

    compileall.compile_dir(Path(oss_checks.__file__).parent, quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="smallest size, one run, no time-to-green")
    parser.add_argument(
        "--runs",
        type=int,
        help=f"runs of each figure (default {DEFAULT_RUNS}, {DEFAULT_REAL_RUNS} on real repositories)",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 50_000])
    parser.add_argument(
        "--repos",
        type=Path,
        nargs="+",
        metavar="FOLDER",
        help="git checkouts of real repositories, or folders holding them: the real-repository mode",
    )
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds any one command may take on a real repository"
    )
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--only", nargs="+", choices=(*SYNTHETIC, "startup", "real"))
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    checkouts: list[Path] = []
    if args.repos:
        missing = [str(folder) for folder in args.repos if not folder.is_dir()]
        if missing:
            parser.error(f"--repos: not a folder: {', '.join(missing)}")
        checkouts = find_checkouts(args.repos)
        if not checkouts:
            parser.error(f"--repos: no git checkouts in {', '.join(map(str, args.repos))}")
    only = args.only or (["startup", "real"] if args.repos else [*SYNTHETIC, "startup"])
    if "real" in only and not checkouts:
        parser.error("--only real needs --repos")
    sections = [s for s in only if not (args.smoke and s in ("green", "precommit"))]
    runs = 1 if args.smoke else (args.runs or DEFAULT_RUNS)
    real_runs = 1 if args.smoke else (args.runs or DEFAULT_REAL_RUNS)
    short_runs = 1 if args.smoke else real_runs * SHORT_RUNS_FACTOR
    sizes = [1000] if args.smoke else args.sizes
    report = Report(machine())
    report.say(f"oss-checks benchmarks on {report.machine['cores']} cores, Python {report.machine['python']}")
    compile_installed()
    with tempfile.TemporaryDirectory(prefix="oss-bench-") as tmp:
        scratch = Path(tmp)
        if "hooks" in sections:
            hook_repo = generate(scratch / "hooks-repo", max(sizes[0], 1000))
            bench_hooks(report, hook_repo, runs, [1, 20] if args.smoke else [1, 20, 200])
        if "scan" in sections:
            bench_scan(report, scratch, runs, sizes)
        if "bake" in sections:
            bench_bake(report, scratch, runs)
        if "green" in sections:
            bench_time_to_green(report, scratch)
        if "precommit" in sections:
            bench_precommit(report, scratch, runs)
        if "startup" in sections:
            bench_startup(report, scratch, short_runs, args.timeout)
        if "real" in sections:
            bench_real(report, checkouts, real_runs, args.timeout, short_runs)
    missed = [t.name for t in report.targets if not t.met]
    report.say(f"Targets met: {len(report.targets) - len(missed)} of {len(report.targets)}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "machine": report.machine,
        "smoke": args.smoke,
        "repositories": [row["repository"] for row in report.figures.get("real", {}).values()],
        "figures": report.figures,
        "targets": [asdict(t) for t in report.targets],
    }
    args.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"JSON written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
