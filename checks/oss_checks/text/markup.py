"""Markdown and reStructuredText, read well enough to find headings, prose and code.

Code blocks follow CommonMark: a fence is three or more backticks or tildes indented by
at most three spaces; a backtick fence's info string holds no backtick; the closing
fence uses the same character, is at least as long, and carries nothing but spaces; an
unclosed fence runs to the end. An indented code block starts after a blank line with
four spaces (or a tab). In reStructuredText, a paragraph ending in ``::`` and the
``code-block``/``code``/``sourcecode`` directives introduce an indented literal block.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# -- code blocks ------------------------------------------------------------------------------
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_RST_DIRECTIVE_CODE = re.compile(r"^\s*\.\.\s+(?:code-block|code|sourcecode|literalinclude)::", re.IGNORECASE)
_INLINE_CODE = re.compile(r"(`+)(?!`)(.*?[^`])\1(?!`)")


def code_lines(text: str, *, rst: bool = False) -> set[int]:
    """0-based indexes of the lines that are code (fences included), not prose."""
    return _rst_code_lines(text.splitlines()) if rst else _markdown_code_lines(text.splitlines())


def _markdown_code_lines(lines: list[str]) -> set[int]:
    code: set[int] = set()
    fence: tuple[str, int] | None = None
    previous_blank = True
    for index, line in enumerate(lines):
        if fence is not None:
            code.add(index)
            closing = _FENCE.match(line)
            if (
                closing
                and closing.group(1)[0] == fence[0]
                and len(closing.group(1)) >= fence[1]
                and not closing.group(2).strip()  # a closing fence carries no info string
            ):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            fence = (opening.group(1)[0], len(opening.group(1)))
            code.add(index)
            previous_blank = False
            continue
        if line.strip() and _INDENTED.match(line) and (previous_blank or index - 1 in code):
            code.add(index)
            continue
        previous_blank = not line.strip()
    return code


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


def without_inline_code(line: str) -> str:
    """``line`` with each inline code span (`` `x` ``, ``` ``x`` ```) blanked, keeping the columns."""
    return _INLINE_CODE.sub(lambda match: " " * len(match.group(0)), line)


# -- headings and words ---------------------------------------------------------------------
# Every pattern below runs on text anyone can commit: none may backtrack quadratically on a
# long line, so character classes exclude the delimiter that opens the next attempt.
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:[ \t]+(.*))?$")
_MD_UNDERLINE = re.compile(r"^\s{0,3}(=+|-{2,})[ \t]*$")
_RST_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}[ \t]*$")
_HTML_HEADING = re.compile(r"\s*<h([1-6])\b[^<>]*>([^\n]{0,300}?)</h\1\s*>", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"<[^<>\n]+>")
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_BARE_URL = re.compile(r"\b(?:https?|ftp)://\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@dataclass(frozen=True)
class Heading:
    line: int  # 1-based line of the heading's text
    level: int
    title: str


def headings(text: str, *, rst: bool = False) -> list[Heading]:
    """Markdown ATX/setext/HTML headings (or reStructuredText titles), outside code blocks."""
    lines = text.splitlines()
    found: list[Heading] = []
    code = code_lines(text, rst=rst)
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


def count_words(text: str, *, rst: bool = False) -> int:
    """Words of prose besides headings, comments, markup and bare links."""
    without_comments = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
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


def conflict_markers(text: str, markdown: bool = False) -> Iterator[tuple[int, str]]:
    """(line, marker) of whole-line merge conflict markers.

    ``=======`` alone is a setext heading in Markdown and reStructuredText, so the middle
    and closing markers only count after an opening ``<<<<<<<`` in the same file. In
    Markdown, markers inside fenced code blocks are examples, not conflicts.
    """
    open_conflict = False
    # A marker line is never indented, so the code lines that matter are those inside fences.
    fenced = code_lines(text) if markdown else set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if number - 1 in fenced:
            continue
        if line.startswith(_OPENING) or line == _OPENING.strip():
            open_conflict = True
            yield number, "<<<<<<<"
        elif open_conflict and (
            line in ("=======", "|||||||", ">>>>>>>") or line.startswith(("||||||| ", ">>>>>>> "))
        ):
            marker = line[:7]
            yield number, marker
            if marker == ">>>>>>>":
                open_conflict = False
