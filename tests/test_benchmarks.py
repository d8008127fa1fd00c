"""The benchmark script works (a smoke run on the smallest size); speed is never asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_generator_is_deterministic() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import plan
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    first, second = plan(300, seed=1), plan(300, seed=1)
    assert first == second
    assert len(first) == 300
    assert {Path(p).suffix for p in first} >= {".py", ".ipynb", ".md", ".csv", ".toml"}


@pytest.mark.slow
def test_smoke_run_writes_figures(tmp_path: Path) -> None:
    output = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--smoke",
            "--only",
            "hooks",
            "scan",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(output.read_text())
    assert data["smoke"] is True
    assert data["machine"]["cores"] >= 1
    assert "20_files" in data["figures"]["hook_latency"]
    assert "1000" in data["figures"]["scan"]
    assert {t["name"] for t in data["targets"]} >= {
        "per-file hook on 20 files under 100 ms above interpreter start-up",
        "1000 files: within 3x the floor plus start-up",
    }
    assert "Targets met:" in done.stdout
