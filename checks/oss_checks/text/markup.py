"""Markdown and reStructuredText, read well enough to find headings, prose and code.

Code blocks follow CommonMark: a fence is three or more backticks or tildes indented by
at most three spaces; a backtick fence's info string holds no backtick; the closing
fence uses the same character, is at least as long, and carries nothing but spaces; an
unclosed fence runs to the end. An indented code block starts after a blank line with
four spaces (or a tab). In reStructuredText, a paragraph ending in ``::`` and the
``code-block``/``code``/``sourcecode`` directives introduce an indented literal block.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from oss_checks.patterns import lazy

# -- code blocks ------------------------------------------------------------------------------
_FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})(.*)$")
#: A list item's marker, after its indentation: ``-``, ``+``, ``*``, ``1.`` or ``1)``, then a space or the end.
_LIST_MARKER = lazy(r" *([-+*]|\d{1,9}[.)])(?= |$)")
_RST_DIRECTIVE_CODE = lazy(r"^\s*\.\.\s+(?:code-block|code|sourcecode|literalinclude)::", re.IGNORECASE)


def code_lines(text: str, *, rst: bool = False) -> set[int]:
    """0-based indexes of the lines that are code (fences included), not prose.

    A README is asked this by many rules; it is worked out once per text.
    """
    return set(_cached_code_lines(text, rst))


@functools.lru_cache(maxsize=16)
def _cached_code_lines(text: str, rst: bool) -> frozenset[int]:
    lines = text.splitlines()
    return frozenset(_rst_code_lines(lines) if rst else _markdown_code_lines(lines))


def _markdown_code_lines(lines: list[str]) -> set[int]:
    """Fenced and indented code, as CommonMark reads it inside list items too.

    An indented code block needs four columns more than the text of the list item it is in
    (``+ item`` then a blank line then ``    - [link](x)`` is a nested list, not code), and a
    fence may be indented by its item's width, or open the item (``- ```python``). Items are
    tracked by the column their text starts at. A line left of that column closes them when
    it follows a blank line or starts a block of its own (a heading, a fence, a thematic break,
    a quote); only a paragraph's text may run on lazily. A fence inside an item ends with it.
    """
    code: set[int] = set()
    fence: tuple[str, int, int] | None = None  # its character, its length, the column it is read from
    previous_blank = True
    items: list[int] = []  # where the text of each open list item starts, innermost last

    def open_fence(text: str, index: int, column: int) -> bool:
        nonlocal fence
        opening = _FENCE.match(text)
        if opening is None or (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            return False
        fence = (opening.group(1)[0], len(opening.group(1)), column)
        code.add(index)
        return True

    for index, raw in enumerate(lines):
        line = raw.expandtabs(4) if "\t" in raw else raw
        indent = len(line) - len(line.lstrip(" "))
        blank = not line.strip()
        if fence is not None:
            if blank or indent >= fence[2]:
                code.add(index)
                closing = _FENCE.match(line[min(indent, fence[2]) :])
                if (
                    closing
                    and closing.group(1)[0] == fence[0]
                    and len(closing.group(1)) >= fence[1]
                    and not closing.group(2).strip()  # a closing fence carries no info string
                ):
                    fence = None
                continue
            fence = None  # left of its item's text: the item, and the fence in it, ended
        if blank:
            previous_blank = True
            continue
        if items and indent < items[-1] and (previous_blank or _starts_a_block(line.lstrip(" "))):
            while items and indent < items[-1]:
                items.pop()
        base = min(indent, items[-1] if items else 0)
        if indent - base >= 4 and (previous_blank or index - 1 in code):
            code.add(index)
            continue
        if open_fence(line[base:], index, base):
            previous_blank = False
            continue
        marker = _LIST_MARKER.match(line, base)
        if marker and marker.start(1) - base <= 3 and not _THEMATIC_BREAK.match(line):
            while items and indent < items[-1]:
                items.pop()
            after = line[marker.end(1) :]
            spaces = len(after) - len(after.lstrip(" "))
            column = marker.end(1) + (spaces if 1 <= spaces <= 4 and after.strip() else 1)
            items.append(column)
            if open_fence(line[column:], index, column):
                previous_blank = False
                continue
        previous_blank = False
    return code


#: ``***``, ``- - -``, ``___``: a thematic break, not a list item.
_THEMATIC_BREAK = lazy(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
#: What starts a block of its own, so that it cannot continue a list item's paragraph lazily.
_BLOCK_START = lazy(r"#{1,6}(?:[ \t]|$)|(?:`{3,}|~{3,})|>|([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def _starts_a_block(text: str) -> bool:
    return _BLOCK_START.match(text) is not None


def html_comment_lines(text: str) -> set[int]:
    """0-based indexes of the lines of Markdown HTML comment blocks (never rendered, so never headings).

    As in CommonMark, a block starts with a line whose text (indented at most three spaces)
    begins with ``<!--`` and ends with the first line that holds ``-->``; one never closed
    runs to the end of the file. Comments inside code blocks are code.
    """
    lines = text.splitlines()
    code = _cached_code_lines(text, False)
    inside: set[int] = set()
    open_block = False
    for index, line in enumerate(lines):
        if open_block:
            inside.add(index)
            open_block = "-->" not in line
            continue
        if index in code:
            continue
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) <= 3 and stripped.startswith("<!--"):
            inside.add(index)
            open_block = "-->" not in stripped[4:]
    return inside


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _rst_code_lines(lines: list[str]) -> set[int]:
    code: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        starts_literal = line.rstrip().endswith("::") or _RST_DIRECTIVE_CODE.match(line)
        index += 1
        if not starts_literal:
            continue
        base = _indent(line)
        # The literal block is the following lines indented deeper, blank lines included.
        block = index
        while block < len(lines) and (not lines[block].strip() or _indent(lines[block]) > base):
            block += 1
        while block > index and not lines[block - 1].strip():
            block -= 1
        code.update(range(index, block))
        index = max(index, block)
    return code


def inline_code_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each inline code span: a run of backticks up to the next run of the same length.

    One pass over the runs of backticks, as CommonMark reads them; an opening run with no
    closing run of its length is literal text. Linear on any line (a regex is not).
    """
    runs: list[tuple[int, int]] = []
    index = line.find("`")
    while index >= 0:
        end = index
        while end < len(line) and line[end] == "`":
            end += 1
        runs.append((index, end - index))
        index = line.find("`", end)
    later: dict[int, deque[int]] = {}
    for number, (_, length) in enumerate(runs):
        later.setdefault(length, deque()).append(number)
    spans = []
    current = 0
    while current < len(runs):
        start, length = runs[current]
        candidates = later[length]
        while candidates and candidates[0] <= current:
            candidates.popleft()
        if not candidates:
            current += 1
            continue
        closing = candidates.popleft()
        spans.append((start, runs[closing][0] + length))
        current = closing + 1
    return spans


def without_inline_code(line: str) -> str:
    """``line`` with each inline code span (`` `x` ``, ``` ``x`` ```) blanked, keeping the columns."""
    if "`" not in line:
        return line
    kept = list(line)
    for start, end in inline_code_spans(line):
        kept[start:end] = " " * (end - start)
    return "".join(kept)


# -- headings and words ---------------------------------------------------------------------
# Every pattern below runs on text anyone can commit: none may backtrack quadratically on a
# long line, so character classes exclude the delimiter that opens the next attempt.
_ATX = lazy(r"^\s{0,3}(#{1,6})(?:[ \t]+(.*))?$")
_MD_UNDERLINE = lazy(r"^\s{0,3}(=+|-{2,})[ \t]*$")
_RST_ADORNMENT = lazy(r"^([!-/:-@\[-`{-~])\1{2,}[ \t]*$")
_HTML_HEADING = lazy(r"\s*<h([1-6])\b[^<>]*>([^\n]{0,300}?)</h\1\s*>", re.IGNORECASE)
_HTML_TAG = lazy(r"<[^<>\n]+>")
_MD_IMAGE = lazy(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_MD_LINK = lazy(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_BARE_URL = lazy(r"\b(?:https?|ftp)://\S+")
_WORD = lazy(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


class Heading(NamedTuple):
    line: int  # 1-based line of the heading's text
    level: int
    title: str


def headings(text: str, *, rst: bool = False) -> list[Heading]:
    """Markdown ATX/setext/HTML headings (or reStructuredText titles), outside code blocks."""
    lines = text.splitlines()
    found: list[Heading] = []
    code = code_lines(text, rst=rst) | (set() if rst else html_comment_lines(text))
    rst_styles: list[str] = []
    for index, line in enumerate(lines):
        if index in code:
            continue
        if not rst:
            atx = _ATX.match(line.rstrip())
            if atx:
                found.append(
                    Heading(index + 1, len(atx.group(1)), _without_closing_hashes(atx.group(2) or ""))
                )
                continue
            html = _HTML_HEADING.match(line)
            if html:
                found.append(Heading(index + 1, int(html.group(1)), _HTML_TAG.sub("", html.group(2)).strip()))
                continue
        underline = lines[index + 1] if index + 1 < len(lines) and index + 1 not in code else ""
        if not line.strip() or _is_adornment(line, rst=rst):
            continue
        if _is_adornment(underline, rst=rst) and not line.startswith((" ", "\t")):
            style = underline.strip()[0]
            if rst:
                if style not in rst_styles:
                    rst_styles.append(style)
                level = rst_styles.index(style) + 1
            else:
                level = 1 if style == "=" else 2
            found.append(Heading(index + 1, level, line.strip()))
    return found


def _without_closing_hashes(title: str) -> str:
    """``Title ##`` -> ``Title``: an ATX heading may close with hashes after a space."""
    kept = title.rstrip()
    bare = kept.rstrip("#")
    if bare != kept and (not bare or bare[-1] in " \t"):
        kept = bare
    return kept.strip()


def _is_adornment(line: str, *, rst: bool) -> bool:
    return bool((_RST_ADORNMENT if rst else _MD_UNDERLINE).match(line))


def _heading_lines(text: str, *, rst: bool) -> set[int]:
    """0-based indexes of lines that are headings or their underlines."""
    lines = text.splitlines()
    skip: set[int] = set()
    for heading in headings(text, rst=rst):
        skip.add(heading.line - 1)
        if heading.line < len(lines) and _is_adornment(lines[heading.line], rst=rst):
            skip.add(heading.line)
        if rst and heading.line >= 2 and _is_adornment(lines[heading.line - 2], rst=True):
            skip.add(heading.line - 2)
    return skip


def _html_comment_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each closed ``<!-- ... -->``, in one pass: no regex backtracking."""
    position = 0
    while (start := text.find("<!--", position)) >= 0 and (end := text.find("-->", start + 4)) >= 0:
        yield start, end + 3
        position = end + 3


def _replace_html_comments(text: str, blank: Callable[[str], str]) -> str:
    parts: list[str] = []
    position = 0
    for start, end in _html_comment_spans(text):
        parts += [text[position:start], blank(text[start:end])]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _without_html_comments(text: str) -> str:
    """``text`` with each closed ``<!-- ... -->`` replaced by its line breaks."""
    return _replace_html_comments(text, lambda comment: "\n" * comment.count("\n"))


def blank_html_comments(text: str) -> str:
    """``text`` with the inside of each closed ``<!-- ... -->`` turned to spaces, its line
    breaks and every other column kept: what a reader of the rendered page never sees."""
    return _replace_html_comments(
        text, lambda comment: "".join("\n" if char == "\n" else " " for char in comment)
    )


def count_words(text: str, *, rst: bool = False) -> int:
    """Words of prose besides headings, comments, markup and bare links."""
    without_comments = _without_html_comments(text)
    skip = _heading_lines(without_comments, rst=rst)
    total = 0
    for index, line in enumerate(without_comments.splitlines()):
        if index in skip:
            continue
        plain = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
        plain = _HTML_TAG.sub(" ", _BARE_URL.sub(" ", plain))
        total += len(_WORD.findall(plain))
    return total


def clean_title(title: str) -> str:
    """A heading's words: links, emphasis, numbering, emoji and trailing punctuation removed."""
    text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", title))
    # An escaped bracket (`\\<v2\\>`, as the template writes names) is text, not an HTML tag.
    text = _HTML_TAG.sub("", text.replace("\\<", "&lt;").replace("\\>", "&gt;"))
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("\\", "")
    text = re.sub(r"[`*_~]", "", text)
    text = re.sub(r"^\W*(?:\d+[.)])?\W*", "", text)
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] in "_)"):
        end -= 1  # trailing punctuation and emoji
    return " ".join(text[:end].split())


def name_key(name: str) -> str:
    """A project name reduced to lower-case ASCII letters and digits, for comparing spellings."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", ascii_only.casefold())


# -- merge conflict markers ----------------------------------------------------------------------
_OPENING = "<<<<<<< "
_OPENING_MARKER = _OPENING.strip()
_CLOSING_MARKER = ">" * 7


class Conflict(NamedTuple):
    """One unresolved merge conflict: where its opening marker is, where its closing one is
    (None when the text ends first), and how many conflicts are nested inside it."""

    start: int
    end: int | None
    nested: int


#: Files whose code blocks are Markdown fences: Markdown itself, and R Markdown and Quarto
#: documents, whose chapters show conflict markers inside fences as often as a README does.
FENCED_SUFFIXES = (".md", ".markdown", ".rmd", ".qmd", ".rmarkdown")
#: The opening fence of a chunk that knitr or Quarto runs: backticks, any indentation, and an
#: engine in braces (```` ```{r} ````, ```` ```{python, echo=FALSE} ````). ```` ```{.python} ````
#: is Pandoc's attribute syntax for a block that is only shown, and tildes are never run.
_RUN_CHUNK = lazy(r"[ \t]*(`{3,})[ \t]*\{[ \t]*([A-Za-z0-9_]+)([^\r\n]*)\}[ \t]*$")


#: The option that makes knitr show a chunk without running it: ``eval=FALSE``, ``eval = F``.
_NOT_EVALUATED = lazy(r"\beval[ \t]*=[ \t]*(?:FALSE|F)\b")


class RunChunk(NamedTuple):
    """A chunk of knitr or Quarto: its engine (lower case: ``r``, ``python``, ``bash``), the
    0-based line of its opening fence and that of its closing fence (the line count when the
    text ends first), and whether it runs (``eval=FALSE`` only shows it)."""

    engine: str
    opening: int
    closing: int
    runs: bool = True


def run_chunks(lines: Sequence[str]) -> Iterator[RunChunk]:
    """The chunks an R Markdown or Quarto document runs, in order. A chunk closes at a line of
    as many backticks or more; a line may keep its line end."""
    index = 0
    while index < len(lines):
        opening = _RUN_CHUNK.match(lines[index].rstrip("\r\n"))
        if opening is None:
            index += 1
            continue
        length, start = len(opening.group(1)), index
        index += 1
        while index < len(lines) and not _closes_chunk(lines[index], length):
            index += 1
        runs = _NOT_EVALUATED.search(opening.group(3)) is None
        yield RunChunk(opening.group(2).lower(), start, index, runs)
        index += 1


def _closes_chunk(line: str, length: int) -> bool:
    fence = line.strip()
    return len(fence) >= length and fence == "`" * len(fence)


def _run_chunk_lines(text: str) -> set[int]:
    """The 0-based lines of the chunks an R Markdown or Quarto document runs, fences included."""
    return {
        number
        for chunk in run_chunks(text.splitlines())
        for number in range(chunk.opening, chunk.closing + 1)
    }


def conflicts(text: str, markdown: bool = False) -> Iterator[Conflict]:
    """The outermost merge conflicts of ``text``, each whole.

    A conflict runs from a whole-line ``<<<<<<<`` to its ``>>>>>>>``. A merge of a file
    that already had conflicts nests them (git writes an inner conflict between the outer
    one's markers), so the markers are paired like brackets. ``=======`` alone is a setext
    heading and ``>>>>>>>`` a deep quote, so a closing marker only counts after an opening
    one. In Markdown, markers inside fenced code blocks are examples, not conflicts.
    """
    # A marker line is never indented, so the code lines that matter are those inside fences;
    # a chunk that knitr or Quarto runs is the document's code, where a conflict is one.
    fenced = code_lines(text) - _run_chunk_lines(text) if markdown else set()
    open_ones: list[list[int]] = []  # [opening line, conflicts nested inside], innermost last
    for number, raw in enumerate(text.splitlines(), start=1):
        if number - 1 in fenced:
            continue
        line = raw.rstrip("\r")
        if line.startswith(_OPENING) or line == _OPENING_MARKER:
            open_ones.append([number, 0])
        elif open_ones and (line == _CLOSING_MARKER or line.startswith(_CLOSING_MARKER + " ")):
            start, nested = open_ones.pop()
            if open_ones:
                open_ones[-1][1] += nested + 1
            else:
                yield Conflict(start, number, nested)
    if open_ones:
        yield Conflict(open_ones[0][0], None, sum(nested for _, nested in open_ones) + len(open_ones) - 1)
