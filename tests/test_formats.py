"""Parsers of committed files: TOML, JSON, YAML and notebooks, never raising for what they read."""

from __future__ import annotations

import json

import pytest

from oss_checks.formats import LineDict, output_text, parse_json, parse_notebook, parse_toml, parse_yaml


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (None, "cannot be read"),
        ("", "is empty"),
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "top level is not a JSON object"),
        (json.dumps({"nbformat": 3, "worksheets": []}), "nbformat 3"),
        (json.dumps({"nbformat": 4}), "no list of cells"),
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
