"""Generate a realistic data-science repository of a given size, deterministically.

The mix follows what teams commit: Python modules and tests, notebooks with outputs
(some with an image), Markdown, small CSV and Parquet-like data files, and config
files. The same ``size`` and ``seed`` always give the same bytes, so runs compare.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
from pathlib import Path
from typing import Any

#: Share of each kind of file (they add up to 1).
MIX = {"module": 0.40, "test": 0.20, "notebook": 0.10, "markdown": 0.15, "data": 0.05, "config": 0.10}
_WORDS = [
    "forecast",
    "demand",
    "sales",
    "region",
    "weekly",
    "model",
    "feature",
    "baseline",
    "error",
    "metric",
    "customer",
    "churn",
    "cohort",
    "sample",
    "estimate",
    "residual",
    "pipeline",
    "dataset",
    "split",
]


def _module(rng: random.Random, index: int) -> str:
    functions = []
    for number in range(rng.randint(3, 8)):
        word = rng.choice(_WORDS)
        functions.append(
            f"def {word}_{index}_{number}(values: list[float]) -> float:\n"
            f'    """Return the {word} of the values."""\n'
            f"    total = sum(values)\n"
            f"    return total / max(len(values), 1) * {rng.randint(1, 9)}\n"
        )
    return f'"""Module {index}: {" ".join(rng.sample(_WORDS, 5))}."""\n\n' + "\n\n".join(functions)


def _test(rng: random.Random, index: int) -> str:
    return (
        f'"""Tests of module {index}."""\n\n\n'
        f"def test_module_{index}() -> None:\n    assert {rng.randint(1, 9)} > 0\n"
    )


def _notebook(rng: random.Random, _index: int) -> str:
    cells: list[dict[str, Any]] = []
    for number in range(1, rng.randint(4, 12)):
        outputs: list[dict[str, Any]] = [
            {"name": "stdout", "output_type": "stream", "text": [f"{rng.random():.6f}\n"] * 3}
        ]
        if number % 4 == 0:
            outputs.append(
                {
                    "output_type": "display_data",
                    "metadata": {},
                    "data": {"image/png": "iVBORw0KGgo" + "A" * 4000, "text/plain": ["<Figure>"]},
                }
            )
        cells.append(
            {
                "cell_type": "code",
                "execution_count": number,
                "metadata": {},
                "source": [f"df_{number} = load('{rng.choice(_WORDS)}')\n", f"df_{number}.describe()"],
                "outputs": outputs,
            }
        )
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1)


def _markdown(rng: random.Random, index: int) -> str:
    paragraphs = [" ".join(rng.choices(_WORDS, k=60)) for _ in range(rng.randint(2, 6))]
    return f"# Note {index}\n\n" + "\n\n".join(paragraphs) + "\n"


def _data(rng: random.Random, _index: int) -> str:
    rows = "\n".join(f"{i},{rng.random():.4f},{rng.choice(_WORDS)}" for i in range(rng.randint(20, 200)))
    return f"id,value,label\n{rows}\n"


def _config(rng: random.Random, index: int) -> str:
    return f'[section_{index}]\nname = "{rng.choice(_WORDS)}"\nsize = {rng.randint(1, 100)}\n'


def plan(size: int, seed: int = 0) -> dict[str, str]:
    """Relative path -> content for a repository of ``size`` files."""
    rng = random.Random(seed)
    files: dict[str, str] = {
        "README.md": "# Generated project\n\n## Installation\n\n`pip install .`\n\n## Usage\n\nImport it.\n",
        "pyproject.toml": '[project]\nname = "generated"\nversion = "0.1.0"\nrequires-python = ">=3.10"\n',
        ".gitignore": "data/\n",
    }
    counts = {kind: int(size * share) for kind, share in MIX.items()}
    counts["module"] += size - len(files) - sum(counts.values())
    makers = {
        "module": (_module, "src/generated/part{folder}/module_{i}.py"),
        "test": (_test, "tests/part{folder}/test_module_{i}.py"),
        "notebook": (_notebook, "notebooks/{folder}.{i}-bench-topic.ipynb"),
        "markdown": (_markdown, "docs/part{folder}/note_{i}.md"),
        "data": (_data, "tests/fixtures/part{folder}/table_{i}.csv"),
        "config": (_config, "config/part{folder}/settings_{i}.toml"),
    }
    for kind, count in counts.items():
        make, pattern = makers[kind]
        for i in range(count):
            files[pattern.format(folder=i // 100, i=i)] = make(rng, i)
    return files


def generate(root: Path, size: int, seed: int = 0) -> Path:
    """Write the repository under ``root`` and commit it with git; return ``root``."""
    for relative, content in plan(size, seed).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    for package in {p.parent for p in root.glob("src/generated/**/*.py")} | {root / "src" / "generated"}:
        (package / "__init__.py").touch()
    commit_all(root, "generated")
    return root


def commit_all(root: Path, message: str) -> None:
    """Make ``root`` a git repository holding all its files in one commit."""
    git = ["git", "-C", str(root), "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", message], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.root.mkdir(parents=True, exist_ok=False)
    generate(args.root, args.size, args.seed)
    print(f"generated {args.size} files in {args.root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
