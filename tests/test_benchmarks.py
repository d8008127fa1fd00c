"""The benchmark scripts work (smoke runs on the smallest inputs); speed is never asserted here."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"


@pytest.fixture(scope="module")
def bench() -> Iterator[dict[str, ModuleType]]:
    """The benchmark modules, imported as run.py imports them (their folder on sys.path)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate
        import measuring
        import repo_review_peer

        yield {"generate": generate, "measuring": measuring, "repo_review_peer": repo_review_peer}
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_generator_is_deterministic(bench: dict[str, ModuleType]) -> None:
    plan = bench["generate"].plan
    first, second = plan(300, seed=1), plan(300, seed=1)
    assert first == second
    assert first != plan(300, seed=2)
    assert {Path(p).suffix for p in first} >= {".py", ".ipynb", ".md", ".csv", ".toml"}


@pytest.mark.parametrize("size", [50, 61, 300, 1234])
def test_generator_makes_exactly_size_files(bench: dict[str, ModuleType], size: int) -> None:
    assert len(bench["generate"].plan(size)) == size


def test_generator_refuses_a_size_it_cannot_lay_out(bench: dict[str, ModuleType]) -> None:
    with pytest.raises(ValueError, match="cannot lay out"):
        bench["generate"].plan(5)


def test_generated_content_has_what_real_trees_have(bench: dict[str, ModuleType]) -> None:
    files = bench["generate"].plan(1000)
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    for path, text in python.items():
        compile(text, path, "exec")  # every module is valid Python, as a linter would find it
    modules = [text for path, text in python.items() if "/tests/" not in path and "__init__" not in path]
    assert sum("https://" in text or "http://" in text for text in modules) > 0.9 * len(modules)
    assert sum("/usr/share/" in text for text in modules) > 0.3 * len(modules)
    assert any('"C:\\\\Program Files\\\\' in text for text in modules)  # escaped in Python source
    assert any('f"{root}/cache/' in text for text in modules)  # folders built in f-strings
    tests = [text for path, text in python.items() if "/test_" in path]
    assert any("/home/" in text or "/Users/" in text for text in tests)
    assert sum("/home/" in text or "/Users/" in text for text in tests) < 0.2 * len(tests)  # a few, not all
    # Layouts real repositories have: tests and fixture data inside the package, deep packages,
    # and a vendored package that keeps its own license.
    assert any(path.startswith("src/generated/") and "/sub/tests/data/" in path for path in files)
    assert any(path.startswith("src/generated/") and "/sub/tests/test_" in path for path in files)
    assert max(path.count("/") for path in python) >= 7
    assert "third_party/fastgeo/LICENSE" in files
    packages = {path.rsplit("/", 1)[0] for path in python if path.startswith("src/generated/")}
    assert all(f"{folder}/__init__.py" in files for folder in packages)


def test_generated_notebooks_carry_outputs_of_realistic_size(bench: dict[str, ModuleType]) -> None:
    generate = bench["generate"]
    notebooks = {path: text for path, text in generate.plan(1000).items() if path.endswith(".ipynb")}
    images: list[str] = []
    longest_stream = 0
    for text in notebooks.values():
        notebook = json.loads(text)
        # The fast writer gives the very bytes Jupyter's json.dumps(indent=1) would.
        assert generate.notebook_json(notebook) + "\n" == text
        assert json.dumps(notebook, indent=1) + "\n" == text
        for cell in notebook["cells"]:
            for output in cell.get("outputs", []):
                images += [output["data"]["image/png"]] if "image/png" in output.get("data", {}) else []
                longest_stream = max(longest_stream, len(output.get("text", [])))
    assert len(images) > len(notebooks) // 2
    assert all(image.startswith("iVBORw0KGgo") for image in images)  # a PNG signature
    assert min(len(image) for image in images) > 5_000
    assert longest_stream > 100


def test_notebook_writer_matches_the_standard_library(bench: dict[str, ModuleType]) -> None:
    value = {"a": [], "b": {}, "c": [1, 2.5, None, True, 'x\n\u00e9"\\'], "d": {"e": [["f"], {"g": False}]}}
    assert bench["generate"].notebook_json(value) == json.dumps(value, indent=1)


def test_staged_sample_is_distinct_deterministic_and_mixed(bench: dict[str, ModuleType]) -> None:
    sample = bench["measuring"].staged_sample
    paths = [f"pkg/m{i}.py" for i in range(50)] + ["nb/a.ipynb", "docs/x.md", "-rf.py", "data/t.csv"]
    picked = sample(paths, 20)
    assert picked == sample(list(reversed(paths)), 20)
    assert len(picked) == len(set(picked)) == 20
    assert {"nb/a.ipynb", "docs/x.md", "data/t.csv"} <= set(picked)
    assert "-rf.py" not in picked  # a hook would read it as an option
    assert sorted(sample(["a.py", "b.md"], 20)) == ["a.py", "b.md"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links")
def test_read_floor_leaves_out_what_is_not_a_regular_file(
    bench: dict[str, ModuleType], tmp_path: Path
) -> None:
    measuring = bench["measuring"]
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "real.txt").write_text("twelve bytes", encoding="utf-8")
    (repo / "link").symlink_to("/dev/zero")
    (repo / "pipe").write_text("", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    (repo / "pipe").unlink()
    os.mkfifo(repo / "pipe")  # the index says file; reading it would block forever
    listing = measuring.tracked(repo)
    assert listing.entries == 3
    assert sorted(listing.files) == ["pipe", "real.txt"]  # the symbolic link is left out
    assert [measuring.read_regular(repo / name) for name in sorted(listing.files)] == [0, 12]
    assert measuring.floor_read_seconds(repo) >= 0


def test_repo_review_peer_hides_only_our_plugin(bench: dict[str, ModuleType]) -> None:
    visible = bench["repo_review_peer"].visible_entry_points
    everything = importlib.metadata.entry_points(group="repo_review.checks")
    if not any(entry.value.startswith("oss_checks") for entry in everything):
        pytest.skip("oss-checks is not installed as a repo-review plugin here")
    shown = visible(group="repo_review.checks")
    assert not any(entry.value.startswith("oss_checks") for entry in shown)
    assert {entry.value for entry in shown} == {
        entry.value for entry in everything if not entry.value.startswith("oss_checks")
    }


def _run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_real_mode_needs_checkouts(tmp_path: Path) -> None:
    done = _run_bench("--smoke", "--repos", str(tmp_path), "--output", str(tmp_path / "out.json"))
    assert done.returncode == 2
    assert "no git checkouts" in done.stderr
    assert not (tmp_path / "out.json").exists()
    done = _run_bench("--smoke", "--only", "real", "--output", str(tmp_path / "out.json"))
    assert done.returncode == 2
    assert "--only real needs --repos" in done.stderr


def test_real_mode_skips_a_broken_checkout_inside_another_repository(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "repos" / "broken" / ".git").mkdir(parents=True)
    output = tmp_path / "out.json"
    done = _run_bench(
        "--smoke", "--repos", str(tmp_path / "repos"), "--only", "real", "--output", str(output)
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "broken: not a git checkout git can read" in done.stdout
    assert json.loads(output.read_text())["repositories"] == []  # not the repository around it


@pytest.mark.slow
def test_smoke_run_writes_figures(tmp_path: Path) -> None:
    output = tmp_path / "bench.json"
    done = _run_bench("--smoke", "--only", "hooks", "scan", "--output", str(output))
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


@pytest.mark.slow
def test_smoke_run_on_a_real_repository_checkout(bench: dict[str, ModuleType], tmp_path: Path) -> None:
    """The real-repository mode, end to end, on a small generated checkout (no network)."""
    checkout = bench["generate"].generate(tmp_path / "repos" / "tiny-project", 60)
    commit = subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    output = tmp_path / "real.json"
    done = _run_bench("--smoke", "--repos", str(tmp_path / "repos"), "--output", str(output))
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(output.read_text())
    size = sum(
        path.stat().st_size for path in checkout.rglob("*") if path.is_file() and ".git" not in path.parts
    )
    assert data["repositories"] == [
        {"name": "tiny-project", "commit": commit, "tracked_entries": 60, "files": 60, "bytes": size}
    ]
    row = data["figures"]["real"]["tiny-project"]
    for label in ("read_floor", "oss-checks", "ruff", "repo-review"):
        assert row[label]["runs"] == 1
        assert row[label]["low"] <= row[label]["median"] <= row[label]["high"]
    assert row["oss-checks_peak_mb"] > 0
    assert len(row["hook"]["files"]) == 20
    assert {"python -c pass", "oss-checks-files", "detect-secrets-hook"} <= set(row["hook"])
    assert {"python -c pass", "oss-checks"} <= set(data["figures"]["startup"])
    names = {t["name"] for t in data["targets"]}
    assert {
        "tiny-project: oss-checks check no slower than ruff check",
        "tiny-project: within 3x the read floor plus 0.25 s",
        "tiny-project: per-file hook on 20 staged files within 60 ms of Python start-up",
        "start-up: oss-checks check in an empty git repository within 40 ms of python -c pass",
    } <= names
    assert any(name.startswith("tiny-project: peak memory under 100 MB") for name in names)
    assert "| tiny-project (" in done.stdout  # the summary table
    # The checkout is read, never written.
    status = subprocess.run(
        ["git", "-C", str(checkout), "status", "--porcelain", "--ignored"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout == ""
