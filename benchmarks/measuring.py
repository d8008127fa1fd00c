"""What every benchmark shares: timing with medians, peak memory, the read floor, the report.

Only the standard library is used, so the benchmarks run with any interpreter whose
environment holds the tools being compared.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import platform
import shutil
import stat
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
TOOLS = (
    "oss-checks",
    "ruff",
    "nbstripout",
    "pre-commit-hooks",
    "detect-secrets",
    "repo-review",
    "sp-repo-review",
    "validate-pyproject",
    "validate-pyproject-schema-store",
    "cookiecutter",
    "cruft",
    "nox",
    "uv",
    "pre-commit",
)
#: Runs a command and prints the peak resident memory of its largest process, in KiB.
PEAK_WRAPPER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
#: git settings that would make git run a program named by the repository's own config.
_SAFE_GIT = ("-c", "core.fsmonitor=false", "-c", f"core.hooksPath={os.devnull}")


@dataclass
class Stat:
    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, times: Sequence[float]) -> Stat:
        return cls(statistics.median(times), min(times), max(times), len(times))

    def ms(self) -> str:
        return f"{self.median * 1000:8.1f} ms ({self.low * 1000:.0f}-{self.high * 1000:.0f})"

    def s(self) -> str:
        return f"{self.median:7.2f} s ({self.low:.2f}-{self.high:.2f})"


@dataclass
class Target:
    name: str
    met: bool
    detail: str


@dataclass
class Report:
    machine: dict[str, Any]
    figures: dict[str, Any] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def say(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def target(self, name: str, met: bool, detail: str) -> None:
        self.targets.append(Target(name, met, detail))
        self.say(f"  [{'met' if met else 'NOT MET'}] {name}: {detail}")


def tool(name: str) -> str | None:
    """A console script from this interpreter's environment, else from PATH."""
    local = BIN / name
    if local.exists():
        return str(local)
    return shutil.which(name)


def measure(
    command: Sequence[str],
    cwd: Path,
    runs: int,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> Stat:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run_quietly(command, cwd, env=env, timeout=timeout)
        times.append(time.perf_counter() - start)
    return Stat.of(times)


def run_quietly(
    command: Sequence[str], cwd: Path, *, env: dict[str, str] | None = None, timeout: float | None = None
) -> int:
    """Run a command with its output thrown away and wait for it without polling.

    ``subprocess.run(timeout=...)`` waits in a loop of sleeps of up to 50 ms, which rounds
    every timed run up by as much: a timer kills the process instead, and the wait blocks.
    """
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    timer = threading.Timer(timeout, process.kill) if timeout is not None else None
    if timer is not None:
        timer.start()
    try:
        return process.wait()
    finally:
        if timer is not None:
            timer.cancel()


def measure_call(function: Callable[[], object], runs: int) -> Stat:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return Stat.of(times)


def measure_interleaved(commands: dict[str, Callable[[], object]], runs: int) -> dict[str, Stat]:
    """Time each callable ``runs`` times, taking turns, so a change in machine load hits all alike."""
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, function in commands.items():
            start = time.perf_counter()
            function()
            times[label].append(time.perf_counter() - start)
    return {label: Stat.of(values) for label, values in times.items()}


def peak_mb(
    command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, timeout: float | None = None
) -> float:
    done = subprocess.run(
        [sys.executable, "-c", PEAK_WRAPPER, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=timeout,
    )
    return int(done.stdout.strip() or 0) / 1024


def machine() -> dict[str, Any]:
    versions: dict[str, str | None] = {}
    for name in TOOLS:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "tools": versions,
    }


def git_output(root: Path, *args: str) -> bytes:
    """git's standard output in ``root``, without running any program the repository's config names."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env["GIT_OPTIONAL_LOCKS"] = "0"
    # A folder whose .git is broken must not be read as part of a repository above it.
    env["GIT_CEILING_DIRECTORIES"] = str(root.resolve().parent)
    return subprocess.run(
        ["git", "-C", str(root), *_SAFE_GIT, *args], capture_output=True, check=True, env=env
    ).stdout


@dataclass(frozen=True)
class Tracked:
    """What ``git ls-files`` lists: every entry, and the regular files among them."""

    entries: int
    files: tuple[str, ...]


def tracked(root: Path) -> Tracked:
    """Tracked regular files; submodules, symbolic links and anything else on disk are left out."""
    listing = git_output(root, "ls-files", "-z", "--stage")
    entries = 0
    files = []
    seen: set[bytes] = set()
    for record in listing.split(b"\0"):
        if not record:
            continue
        mode, _, name = record.partition(b"\t")
        if name in seen:
            continue  # the other stages of a file with a merge conflict
        seen.add(name)
        entries += 1
        if mode.startswith((b"100644", b"100755")):
            files.append(os.fsdecode(name))
    return Tracked(entries, tuple(files))


def read_regular(path: Path) -> int:
    """Read a file once and return its size; 0 without reading when it is not a regular file.

    A checkout may hold a FIFO or a device where the index says file: opening without
    blocking and checking what was opened keeps the floor from hanging on it.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return 0
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return 0
        return len(handle.read())


def floor_read_seconds(root: Path, files: Sequence[str] | None = None) -> float:
    """Reading every tracked file once, in-process: the least any whole-repo check must do.

    The listing is made before the clock starts (``git ls-files`` takes milliseconds).
    """
    names = tracked(root).files if files is None else files
    start = time.perf_counter()
    for name in names:
        read_regular(root / name)
    return time.perf_counter() - start


#: The kinds of file a typical staged change holds, in turn: mostly modules, with
#: notebooks, Markdown, data and config mixed in.
STAGED_ORDER = (".py", ".ipynb", ".py", ".md", ".csv", ".py", ".toml", ".ipynb", ".py", ".md")


def _spread(paths: Sequence[str]) -> list[str]:
    """A fixed order that jumps between folders (sorting by a hash of the name)."""
    return sorted(paths, key=lambda path: hashlib.blake2b(os.fsencode(path), digest_size=8).digest())


def staged_sample(paths: Sequence[str], count: int) -> list[str]:
    """``count`` distinct files of a realistic staged change, the same every time for the same tree.

    Kinds follow ``STAGED_ORDER``; a kind the tree lacks is replaced by a Python module, and
    when those run out by any file. Names starting with ``-`` are left out: pre-commit
    would pass them as they are and a hook would read them as options.
    """
    usable = [path for path in paths if not path.startswith("-")]
    pools: dict[str, list[str]] = {}
    for path in _spread(usable):
        pools.setdefault(os.path.splitext(path)[1], []).append(path)
    anything = _spread(usable)
    taken: set[str] = set()
    picked: list[str] = []

    def take(pool: list[str]) -> bool:
        while pool:
            path = pool.pop(0)
            if path not in taken:
                taken.add(path)
                picked.append(path)
                return True
        return False

    turn = 0
    while len(picked) < min(count, len(usable)):
        kind = STAGED_ORDER[turn % len(STAGED_ORDER)]
        turn += 1
        if not (take(pools.get(kind, [])) or take(pools.get(".py", [])) or take(anything)):
            break
    return picked
