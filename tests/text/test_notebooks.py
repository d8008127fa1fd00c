"""Notebook helpers the notebook and data rules share."""

from __future__ import annotations

from oss_checks.formats import NotebookCell
from oss_checks.text.notebooks import TextPositions, in_folders, output_block


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
