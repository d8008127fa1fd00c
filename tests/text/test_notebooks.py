"""Notebook helpers the notebook and data rules share."""

from __future__ import annotations

import json

import pytest

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.formats import Notebook, NotebookCell
from oss_checks.text.notebooks import (
    TOO_LARGE,
    TextPositions,
    in_folders,
    is_presentation,
    is_slideshow,
    output_block,
    read_notebook,
)


def test_output_block_joins_outputs_without_colour_codes() -> None:
    cell = NotebookCell(
        1,
        "code",
        "",
        1,
        [
            {"output_type": "stream", "text": ["a\n", "b"]},
            {"output_type": "error", "evalue": "boom", "traceback": ["\x1b[31mTraceback\x1b[0m"]},
        ],
    )
    assert output_block(cell) == "a\nb\nboom\nTraceback"


def test_positions_are_one_based_lines_and_columns() -> None:
    position = TextPositions("ab\ncd\n\nef")
    assert position(0) == (1, 1)
    assert position(4) == (2, 2)
    assert position(7) == (4, 1)


def test_in_folders_matches_one_folder_name_per_star() -> None:
    assert in_folders("notebooks/a.ipynb", ["notebooks"])
    assert in_folders("docs/tutorials/a.ipynb", ["docs"])
    assert in_folders("lessons/week1/a.ipynb", ["lessons/*"])
    assert not in_folders("a.ipynb", ["notebooks"])
    assert not in_folders("src/notebooks/a.ipynb", ["notebooks"])


def test_a_notebook_above_the_text_limit_is_read_up_to_the_notebook_limit(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oss_checks import context

    text = json.dumps({"nbformat": 4, "cells": [{"cell_type": "code", "source": "x = 1"}]})
    root = make_repo({"big.ipynb": text, "bad.ipynb": b"\xff" * 64})
    monkeypatch.setattr(context, "MAX_READ_BYTES", 10)
    repo = Repo(root)
    first = read_notebook(repo, "big.ipynb")
    assert first.error is None
    assert first.cells[0].source == "x = 1"
    assert read_notebook(repo, "big.ipynb") is first  # parsed once
    assert (
        read_notebook(repo, "bad.ipynb").error
        == "cannot be read as UTF-8 text (binary, too large or unreadable)"
    )
    monkeypatch.setattr(context, "MAX_NOTEBOOK_BYTES", 20)
    assert (read_notebook(Repo(root), "big.ipynb").error or "").startswith(TOO_LARGE)


def _deck(metadata: dict[str, object], *slide_types: object) -> Notebook:
    cells = [
        NotebookCell(index, "markdown", "# x", None, [], {"slideshow": {"slide_type": kind}})
        for index, kind in enumerate(slide_types, 1)
    ]
    return Notebook("talk.ipynb", {"metadata": metadata}, cells=cells)


def test_a_slide_deck_is_told_by_its_rise_settings_or_its_slides() -> None:
    assert is_slideshow(_deck({"rise": {"theme": "serif"}}))
    assert is_slideshow(_deck({}, "skip", "slide", "-", "subslide"))
    assert not is_slideshow(_deck({}, "slide", "-", "skip"))  # one slide marked by chance
    assert not is_slideshow(_deck({"rise": "yes"}, "notes", 3, None))


def test_a_notebook_in_a_talks_folder_is_a_presentation() -> None:
    plain = _deck({})
    assert is_presentation("talks/conf2019/demo.ipynb", plain)
    assert is_presentation("docs/Slides/intro.ipynb", plain)
    assert not is_presentation("notebooks/talking-points.ipynb", plain)
    assert is_presentation("notebooks/deck.ipynb", _deck({"rise": {}}))
