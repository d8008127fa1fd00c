"""Headings, prose words and conflict markers in Markdown and reStructuredText."""

from __future__ import annotations

import pytest

from oss_checks.text.markup import (
    Conflict,
    Heading,
    RunChunk,
    clean_title,
    code_lines,
    conflicts,
    count_words,
    headings,
    html_comment_lines,
    inline_code_spans,
    name_key,
    run_chunks,
    without_inline_code,
)


def test_atx_setext_and_html_headings_outside_code() -> None:
    text = "# Title\n\nSub\n---\n\n```\n# not a heading\n```\n\n<h2>Usage</h2>\n## Closed ##\n"
    assert headings(text) == [
        Heading(1, 1, "Title"),
        Heading(3, 2, "Sub"),
        Heading(10, 2, "Usage"),
        Heading(11, 2, "Closed"),
    ]


def test_rst_titles_take_their_level_from_the_order_of_styles() -> None:
    text = "=====\nTitle\n=====\n\nInstall\n-------\n\nMore\n~~~~\n"
    assert [(h.level, h.title) for h in headings(text, rst=True)] == [
        (1, "Title"),
        (2, "Install"),
        (3, "More"),
    ]


def test_words_leave_out_headings_comments_links_and_images() -> None:
    text = "# Heading words\n<!-- hidden words -->\nSee [the docs](https://x.test) and ![logo](l.png) https://y.test now.\n"
    assert count_words(text) == 5  # See, the, docs, and, now


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("1. Getting started 🚀", "Getting started"),
        ("[Usage](#usage):", "Usage"),
        ("`Install`", "Install"),
        ("Demand \\<v2\\>", "Demand <v2"),  # an escaped bracket is text; trailing punctuation goes
    ],
)
def test_clean_title(title: str, clean: str) -> None:
    assert clean_title(title) == clean


def test_name_key_ignores_case_accents_and_separators() -> None:
    assert name_key("Zoë's Demand-Model") == name_key("zoes_demand model")


def test_conflicts_need_an_opening_and_skip_markdown_code() -> None:
    text = "Title\n=======\n> quote\n>>>>>>> deep\n```\n<<<<<<< HEAD\n```\n<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n"
    assert list(conflicts(text, markdown=True)) == [Conflict(8, 12, 0)]


def test_nested_conflicts_pair_like_brackets() -> None:
    text = "<<<<<<< a\n<<<<<<< b\n<<<<<<< c\n>>>>>>> c\n>>>>>>> b\n<<<<<<< d\n>>>>>>> d\n>>>>>>> a\n"
    assert list(conflicts(text)) == [Conflict(1, 8, 3)]


def test_a_conflict_left_open_is_reported_from_its_first_marker() -> None:
    assert list(conflicts("<<<<<<< a\nx\n<<<<<<< b\n>>>>>>> b\n<<<<<<< c\n")) == [Conflict(1, None, 2)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A closing fence carries no info string: "```python" inside the block does not close it.
        ("```\na\n```python\nb\n```\nc\n", {0, 1, 2, 3, 4}),
        ("~~~\n```\n~~~\nprose\n", {0, 1, 2}),
        ("````\n```\n````\n", {0, 1, 2}),  # a shorter fence does not close a longer one
        ("    ```\nnot a fence: indented four spaces\n", {0}),  # an indented code block instead
        ("   ```\ncode\n", {0, 1}),  # three spaces still open a fence; unclosed runs to the end
        ("``` a ` b\nprose\n", set()),  # a backtick fence's info string holds no backtick
        ("para\n    continued\n\n    code\n", {3}),  # indented code needs a blank line before
    ],
)
def test_markdown_code_follows_commonmark(text: str, code: set[int]) -> None:
    assert code_lines(text) == code


def test_rst_literal_blocks_and_code_directives() -> None:
    text = "Intro::\n\n    literal\n\nBack.\n\n.. code-block:: python\n\n   x = 1\n\nDone.\n"
    assert code_lines(text, rst=True) == {1, 2, 7, 8}


def test_inline_code_is_blanked_keeping_columns() -> None:
    assert without_inline_code("a `TODO` b ``x`` c") == "a        b       c"


def test_a_misread_fence_never_hides_the_headings_after_it() -> None:
    text = "# Title\n\n```bash\npip install x\n```text\nmore\n```\n\n## Usage\n"
    assert [h.title for h in headings(text)] == ["Title", "Usage"]


def test_html_comment_blocks_hide_headings_even_when_never_closed() -> None:
    text = "# Title\n\n<!--\n## Hidden\n-->\n\n## Shown\n\n<!-- one line --> \n\n<!-- open\n## Swallowed\n"
    assert [h.title for h in headings(text)] == ["Title", "Shown"]
    assert html_comment_lines(text) == {2, 3, 4, 8, 10, 11}
    assert html_comment_lines("```\n<!--\n```\n## After\n") == set()


@pytest.mark.parametrize(
    ("line", "spans"),
    [
        ("a `b` c", [(2, 5)]),
        ("``a ` b`` c", [(0, 9)]),  # a single backtick inside a double-backtick span
        ("`unclosed and ``closed``", [(14, 24)]),  # an opening run with no partner is literal
        ("``` x", []),
        ("`" * 10_000, []),  # one run, nothing to pair: linear, not quadratic
        ("`x" * 5_000, [(i, i + 3) for i in range(0, 10_000 - 2, 4)]),
    ],
)
def test_inline_code_spans(line: str, spans: list[tuple[int, int]]) -> None:
    assert inline_code_spans(line) == spans


def test_words_of_a_file_with_an_unclosed_comment() -> None:
    assert count_words("<!--" * 25_000 + "\nword\n") == 1
    assert count_words("a <!-- b\nc --> d\n") == 2


def test_indented_lines_inside_a_list_item_are_a_nested_list_not_code() -> None:
    from oss_checks.text.markup import code_lines

    text = (
        "+ The assignments are:\n"
        "\n"
        "    - [Assignment 1](./assignment_1.ipynb)\n"  # 2 columns past the item's text: a nested list
        "\n"
        "          print('code')\n"  # 4 past the nested item's text (column 6): code
        "\n"
        "Back in a paragraph.\n"
        "\n"
        "    indented = 'code again'\n"  # no list is open any more
        "- item\n"
        "\n"
        "  ```python\n"  # a fence indented by its item's width
        "  x = 1\n"
        "  ```\n"
        "  after the fence\n"
    )
    assert sorted(code_lines(text)) == [4, 8, 11, 12, 13]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # An unclosed fence in a list item ends with the item.
        ("1. Open a terminal\n\n    ```\n\n## Installation\n\ntext\n", [2, 3]),
        # A thematic break is no list item, so the indented line after it is code.
        ("* * *\n\n    code\n", [2]),
        ("- - -\n\n    code\n", [2]),
        # A heading right after a list closes it: the indented line after is code again.
        ("- a\n## Usage\n\n    python run.py\n", [3]),
        # A fence may open a list item.
        ("- ```python\n  x = 1\n  ```\n- next\n", [0, 1, 2]),
    ],
)
def test_commonmark_blocks_around_list_items(text: str, code: list[int]) -> None:
    from oss_checks.text.markup import code_lines

    assert sorted(code_lines(text)) == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```{r setup, include=FALSE}\nx <- 1\n```\n", [RunChunk("r", 0, 2)]),
        ("  ```{Python}\r\nx = 1\r\n  ````\r\n", [RunChunk("python", 0, 2)]),  # longer closing, CRLF
        ("````{bash}\n```\nls\n````\nafter\n", [RunChunk("bash", 0, 3)]),  # a shorter fence is code
        ("```{r}\nx <- 1\n", [RunChunk("r", 0, 2)]),  # never closed: runs to the end
        # Options may hold braces (a caption in LaTeX); eval=FALSE shows the chunk, never runs it.
        ('```{r fit, fig.cap="$\\beta_{1}$"}\nx\n```\n', [RunChunk("r", 0, 2)]),
        ("```{bash, eval = FALSE}\npip install x\n```\n", [RunChunk("bash", 0, 2, runs=False)]),
        # Shown, never run: a plain fence, Pandoc's attributes, a tilde fence, an inline engine.
        ("```r\nx\n```\n```{.python}\nx\n```\n~~~{r}\nx\n~~~\n```{r} x\n", []),
    ],
)
def test_the_chunks_knitr_and_quarto_run(text: str, expected: list[RunChunk]) -> None:
    assert list(run_chunks(text.splitlines(keepends=True))) == expected
