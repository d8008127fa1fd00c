"""Finding the line a TOML key, a YAML key or a phrase is written on."""

from __future__ import annotations

from oss_checks.text.locators import text_line, toml_key_line, yaml_key_line

PYPROJECT = """[project]
name = "x"
urls = { Source = "https://x.test" }

[project.optional-dependencies]
docs = ["mkdocs"]

[tool.oss-checks]
"""


def test_toml_tables_keys_and_inline_tables() -> None:
    assert toml_key_line(PYPROJECT, "project") == 1
    assert toml_key_line(PYPROJECT, "project", "name") == 2
    assert toml_key_line(PYPROJECT, "project.urls", "Source") == 3  # inside the inline table
    assert toml_key_line(PYPROJECT, "project.optional-dependencies", "docs") == 6
    assert toml_key_line(PYPROJECT, "tool.oss-checks") == 8
    assert toml_key_line(PYPROJECT, "tool.ruff") == 0
    assert toml_key_line(None, "project") == 0


def test_text_and_yaml_lines() -> None:
    assert text_line("a\nbcd\n", "cd") == (2, 2)
    assert text_line("a\n", "zz") == (0, 0)
    assert yaml_key_line("cff-version: 1.2.0\ntitle: x\n", "title") == 2
    assert yaml_key_line("  title: nested\n", "title") == 0


def test_headers_with_spaces_and_comments() -> None:
    text = '[ project ]\nname = "x"\n[[ tool.rules ]]  # one rule\nid = 1\n'
    assert toml_key_line(text, "project", "name") == 2
    assert toml_key_line(text, "tool.rules") == 3


def test_hostile_lines_are_read_in_linear_time() -> None:
    # Issue 12: `[` then 80,000 spaces (no closing bracket) backtracked cubically in the header pattern.
    text = (
        "["
        + " " * 80_000
        + "x\n"
        + "a"
        + " " * 80_000
        + "b\n"
        + '[project]\nlicense = "MIT"'
        + " " * 80_000
        + "\n"
    )
    assert toml_key_line(text, "project", "license") == 4
    assert text_line(text, "MIT") == (4, 12)
