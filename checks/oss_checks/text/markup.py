"""Markdown and reStructuredText, read well enough to find headings and count prose words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# -- headings and words ---------------------------------------------------------------------
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
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
    fence: str | None = None
    rst_styles: list[str] = []
    for index, line in enumerate(lines):
        if not rst:
            opening = _FENCE.match(line)
            if fence is not None:
                if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                    fence = None
                continue
            if opening:
                fence = opening.group(1)
                continue
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
        underline = lines[index + 1] if index + 1 < len(lines) else ""
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
    fence: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if markdown:
            found = _FENCE.match(line)
            if found and (fence is None or found.group(1).startswith(fence)):
                fence = None if fence is not None else found.group(1)[:3]
                continue
            if fence is not None:
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
