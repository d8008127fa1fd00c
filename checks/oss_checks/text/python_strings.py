"""Where the string literals of Python source are, found in one linear pass without ``tokenize``.

``tokenize`` builds a token object for every name, operator and number of a file; asking
"is this offset inside a string, a comment or a docstring?" for a few offsets does not
need that. :func:`string_spans` runs one regular expression over the source that matches
only what changes the answer (comments, string literals, brackets, continuations, ``;``
and line ends), each in one match, so a file costs one pass in C plus one step per token
of those kinds.

Rules of Python it follows: string prefixes (``r``, ``b``, ``f``, ``rb``, ``t`` ...),
single- and triple-quoted strings, backslash escapes (in raw strings too, where ``\\"``
does not end the string), comments, brackets spanning lines, backslash continuations,
``;``. A statement made only of string literals (a docstring, or a string used as a
comment) is *documentation*. Broken code never raises: a quote left open ends at the end
of its line (one quote) or of the text (three quotes), and unbalanced brackets are
clamped at zero. Replacement fields of f-strings are not parsed: before Python 3.12 a
nested string must use the other quote, so the literal ends where it should; a 3.12
f-string that reuses its own quote inside ``{...}`` splits into pieces, which changes no
answer outside that line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from oss_checks.patterns import lazy

#: The tokens that matter, each in one match: comments (with the line end after them),
#: string literals (from their first quote; the prefix is read backwards), continuations,
#: brackets and statement ends (line ends and ``;``). Every literal's ending can always
#: match (its closing quote, else the end of the line for one quote or of the text for
#: three), so the engine never backtracks into a body. Every alternative starts with a fixed
#: character and none is a group, so the search skips all other code in C (a group around
#: the alternatives would make the engine try every position); the first character of a
#: match tells which token it is.
_TOKEN = lazy(
    r"#[^\r\n]*(?:\r\n|[\r\n])?"
    r"|'''(?:[^'\\]+|\\[\s\S]|'(?!''))*(?:'''|\\?\Z)"
    r'|"""(?:[^"\\]+|\\[\s\S]|"(?!""))*(?:"""|\\?\Z)'
    r"|'(?:[^'\\\r\n]+|\\(?:\r\n|[\s\S]))*'?"
    r'|"(?:[^"\\\r\n]+|\\(?:\r\n|[\s\S]))*"?'
    r"|\\(?:\r\n|[\r\n])?"
    r"|[(\[{]"
    r"|[)\]}]"
    r"|\r\n|[\r\n;]"
)
#: Anything but blanks: code between two tokens.
_CODE = lazy(r"[^ \t\f]")
_PREFIX_LETTERS = frozenset("rRbBuUfFtT")
QUOTES = "'\""
#: What ends a statement at bracket depth 0 (a continuation's line end is part of it).
LINE_ENDS = "\r\n;"


class StringSpan(NamedTuple):
    """One string literal: ``start`` is its first character (the prefix, if any), ``end`` is
    just after its closing quote (or where an unclosed literal stops)."""

    start: int
    end: int
    #: Where the text between the quotes begins.
    body: int
    prefix: str
    #: Part of a statement made only of string literals (a docstring, a string as a comment).
    documentation: bool

    @property
    def raw(self) -> bool:
        return "r" in self.prefix or "R" in self.prefix


def _prefix_start(text: str, quote: int) -> int:
    """Where the prefix letters of the literal whose quote is at ``quote`` begin."""
    start = quote
    while start > 0 and quote - start < 3 and text[start - 1] in _PREFIX_LETTERS:
        start -= 1
    if start < quote and start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return quote  # ``name"..."`` is not a prefix: the letters belong to a name
    return start


def string_spans(text: str, until: int | None = None) -> Iterator[StringSpan]:
    """Every string literal of ``text`` in order, each once its statement has ended.

    ``until`` stops the walk at the first statement that ends after that offset: a caller
    that needs only the literals up to some offset does not pay for the rest.
    """
    limit = len(text) if until is None else until
    depth = 0
    position = 0
    #: The literals of the current statement, and whether it holds anything else.
    pending: list[StringSpan] = []
    has_code = False
    code = _CODE.search
    for token in _TOKEN.finditer(text):
        at = token.start()
        first = text[at]
        if first in QUOTES:
            start = _prefix_start(text, at)
            if not has_code and code(text, position, start):
                has_code = True
            quotes = 3 if text.startswith(first * 3, at) else 1
            pending.append(StringSpan(start, token.end(), at + quotes, text[start:at], False))
        else:
            if not has_code and code(text, position, at):
                has_code = True
            if first in "([{":
                depth += 1
                has_code = True
            elif first in ")]}":
                depth = max(depth - 1, 0)
                has_code = True
            elif depth == 0 and (first in LINE_ENDS or (first == "#" and token.group()[-1:] in LINE_ENDS)):
                if pending:
                    yield from _settled(pending, has_code)
                    pending = []
                has_code = False
                if at >= limit:
                    return
        position = token.end()
    yield from _settled(pending, has_code)


def _settled(pending: list[StringSpan], has_code: bool) -> list[StringSpan]:
    return pending if has_code else [span._replace(documentation=True) for span in pending]
