"""Parsers of committed files: TOML, JSON, YAML and notebooks, never raising for what they read."""

from __future__ import annotations

import json
from typing import Any

import pytest

from oss_checks.formats import LineDict, output_text, parse_json, parse_notebook, parse_toml, parse_yaml


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (None, "cannot be read"),
        ("", "is empty"),
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "top level is not a JSON object"),
        (json.dumps({"nbformat": 5, "cells": []}), "nbformat 5"),
        (json.dumps({"nbformat": True, "cells": []}), "nbformat none"),
        (json.dumps({"nbformat": 4}), "no list of cells"),
        (json.dumps({"nbformat": 3}), "no list of cells"),
        (json.dumps({"nbformat": 3, "worksheets": [[]]}), "no list of cells"),
        (json.dumps({"nbformat": 2, "worksheets": [{"cells": {}}]}), "no list of cells"),
        ("[" * 100000, "nested too deeply"),
    ],
)
def test_parse_notebook_reports_problems(text: str | None, error: str) -> None:
    notebook = parse_notebook("n.ipynb", text)
    assert notebook.error is not None
    assert error in notebook.error


def test_parse_notebook_reads_cells() -> None:
    data = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            {"cell_type": "markdown", "source": ["# Title"]},
            {
                "cell_type": "code",
                "execution_count": 3,
                "source": ["x = 1\n", "x"],
                "outputs": [{"output_type": "execute_result", "data": {"text/plain": ["1"]}}],
            },
            "not a cell",
        ],
    }
    notebook = parse_notebook("n.ipynb", json.dumps(data))
    assert notebook.error is None
    assert [c.index for c in notebook.cells] == [1, 2]
    code = notebook.cells[1]
    assert code.source == "x = 1\nx"
    assert code.execution_count == 3
    assert output_text(code.outputs[0]) == "1"


def _v3(*cells: Any, metadata: dict[str, Any] | None = None, worksheets: int = 1) -> str:
    sheets = [{"cells": list(cells), "metadata": {}}] + [{"cells": [], "metadata": {}}] * (worksheets - 1)
    return json.dumps(
        {"nbformat": 3, "nbformat_minor": 0, "metadata": metadata or {"name": "old"}, "worksheets": sheets}
    )


def test_an_nbformat_3_notebook_is_read_as_nbformat_4() -> None:
    text = _v3(
        {"cell_type": "heading", "level": 2, "metadata": {}, "source": ["Results\n", "so far"]},
        {
            "cell_type": "code",
            "language": "python",
            "collapsed": False,
            "input": ["x = 1\n", "x"],
            "prompt_number": 7,
            "metadata": {},
            "outputs": [
                {
                    "output_type": "pyout",
                    "prompt_number": 7,
                    "text": ["1"],
                    "html": "<b>1</b>",
                    "metadata": {},
                },
                {"output_type": "stream", "stream": "stderr", "text": "warned\n"},
                {"output_type": "pyerr", "ename": "KeyError", "evalue": "'id'", "traceback": ["frame 1"]},
                {"output_type": "display_data", "png": "iVBOR", "metadata": {}},
                "not an output",
            ],
        },
        {"cell_type": "raw", "metadata": {}, "source": "raw text"},
        "not a cell",
    )
    notebook = parse_notebook("old.ipynb", text)
    assert notebook.error is None
    assert notebook.nbformat == 3
    heading, code, raw = notebook.cells
    assert (heading.cell_type, heading.source) == ("markdown", "## Results so far")
    assert (code.cell_type, code.source, code.execution_count) == ("code", "x = 1\nx", 7)
    result, warned, error, image = code.outputs
    assert result == {
        "output_type": "execute_result",
        "execution_count": 7,
        "data": {"text/plain": ["1"], "text/html": "<b>1</b>"},
    }
    assert (warned["name"], output_text(warned)) == ("stderr", "warned\n")
    assert error["output_type"] == "error"
    assert output_text(error) == "'id'\nframe 1"
    assert image["data"] == {"image/png": "iVBOR"}
    assert (raw.cell_type, raw.source) == ("raw", "raw text")
    # The language each old code cell names is the notebook's language, as nbformat 4 records it.
    assert notebook.metadata == {"name": "old", "language_info": {"name": "python"}}


def test_older_notebooks_keep_their_own_metadata_and_join_their_worksheets() -> None:
    r_cell = {"cell_type": "code", "language": "r", "input": "1", "outputs": []}
    py_cell = {"cell_type": "code", "language": "python", "input": "2", "outputs": []}
    mixed = parse_notebook("m.ipynb", _v3(r_cell, py_cell, worksheets=2))
    assert [cell.index for cell in mixed.cells] == [1, 2]
    assert mixed.metadata == {"name": "old"}  # the cells disagree: no language is recorded
    kept = parse_notebook("k.ipynb", _v3(r_cell, metadata={"language_info": {"name": "julia"}}))
    assert kept.metadata == {"language_info": {"name": "julia"}}
    empty = parse_notebook("e.ipynb", json.dumps({"nbformat": 3, "worksheets": []}))
    assert (empty.error, empty.cells) == (None, [])


def test_an_nbformat_1_notebook_is_read_too() -> None:
    text = json.dumps(
        {
            "nbformat": 1,
            "cells": [
                {"cell_type": "text", "text": "Some examples"},
                {"cell_type": "code", "code": "import numpy", "prompt_number": 1},
            ],
        }
    )
    notebook = parse_notebook("v1.ipynb", text)
    assert notebook.error is None
    assert [(c.cell_type, c.source, c.execution_count) for c in notebook.cells] == [
        ("markdown", "Some examples", None),
        ("code", "import numpy", 1),
    ]


def test_unknown_tags_are_read_as_plain_values() -> None:
    text = "a: !!python/name:material.extensions.emoji.twemoji\nb: !ENV [HOME, x]\nc: !relative {k: 1}\n"
    parsed = parse_yaml("mkdocs.yml", text)
    assert parsed.error is None
    assert parsed.data == {"a": "", "b": ["HOME", "x"], "c": {"k": 1}}
    assert isinstance(parsed.data["c"], LineDict)
    assert parsed.data["c"].line == 3


@pytest.mark.parametrize("depth", [500, 100_000])
def test_deeply_nested_structures_are_a_one_line_error(depth: int) -> None:
    data, error = parse_json("[" * depth + "]" * depth)
    assert data is None or depth < 1000
    if error is not None:
        assert "nested too deeply" in str(error)
    toml_data, toml_error = parse_toml("a = " + "[" * depth + "]" * depth)
    assert toml_data is None or depth < 1000
    if toml_error is not None:
        assert toml_error.startswith("is not valid TOML")
    for text in ("a: " + "[" * depth + "]" * depth, "- " * depth + "x\n", "a:\n" + "  - " * depth + "x\n"):
        parsed = parse_yaml("x.yml", text)
        assert parsed.error is not None
        assert parsed.error.startswith("is not valid YAML: nested")


def test_json_errors_say_where() -> None:
    _, error = parse_json('{"a": 1,\n  "b" 2}')
    assert error is not None
    assert (error.line, error.col) == (2, 7)
    assert str(error) == "Expecting ':' delimiter (line 2, column 7)"


def test_toml_errors_are_one_line() -> None:
    data, error = parse_toml('name "x"\n')
    assert data is None
    assert error is not None
    assert error.startswith("is not valid TOML")
    assert "\n" not in error
    assert parse_toml(None) == (None, "is not UTF-8 text")


def test_notebook_cells_keep_their_metadata() -> None:
    text = json.dumps(
        {
            "nbformat": 4,
            "metadata": {},
            "cells": [{"cell_type": "code", "metadata": {"tags": ["keep-output"]}}],
        }
    )
    assert parse_notebook("n.ipynb", text).cells[0].metadata == {"tags": ["keep-output"]}


def test_parsing_python_prints_no_warnings_about_the_code() -> None:
    import warnings

    from oss_checks.formats import parse_python

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parse_python('pattern = "\\d+"\n')  # an invalid escape: 3.11 warns, 3.12+ prints a SyntaxWarning
    assert caught == []
