"""The report's worker: one repository checked in a process of its own, handed back as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import MakeRepo
from oss_checks.report.model import result_from_dict

CHECKS = Path(__file__).resolve().parents[2] / "checks"


def test_the_worker_prints_the_result_of_one_repository(make_repo: MakeRepo) -> None:
    root = make_repo({".env": "TOKEN=1\n", "README.md": "# x\n"})
    done = subprocess.run(
        [sys.executable, "-m", "oss_checks.report.worker", str(root), "fleet/x"],
        capture_output=True,
        check=True,
        env={"PYTHONPATH": str(CHECKS), "PATH": "/usr/bin:/bin"},
    )
    result = result_from_dict(json.loads(done.stdout))
    assert result is not None
    assert result.location == "fleet/x"
    assert "OSS405" in {item.code for item in result.findings}
    assert result.adopted is False
