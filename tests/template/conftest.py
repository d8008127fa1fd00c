"""Shared bakes: each set of answers is baked once per pytest process.

The helpers live in ``template/baking.py``: import them with ``from template.baking
import ...`` (``tests`` is on the import path), not from this conftest.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from template.baking import Bakery, bake


@pytest.fixture(scope="session")
def bakery(tmp_path_factory: pytest.TempPathFactory) -> Bakery:
    """Bake once per set of answers and pytest process; tests must not modify bakes."""
    cache: dict[str, Path] = {}
    root = tmp_path_factory.mktemp("bakes")

    def get(answers: Mapping[str, str]) -> Path:
        key = json.dumps(dict(answers), sort_keys=True)
        if key not in cache:
            cache[key] = bake(answers, root / f"bake{len(cache)}")
        return cache[key]

    return get
