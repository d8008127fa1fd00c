"""Where a key or a phrase is written in a file: the line a finding points at.

These read text, not data: they understand TOML headers, dotted keys and inline tables,
and top-level YAML keys, well enough to point a reader at the right line.
"""

from __future__ import annotations

import re

from oss_checks.patterns import lazy

#: A ``[table]`` or ``[[array]]`` header. No two parts can match the same spaces (``\s*``
#: next to a lazy ``[^\]]+?`` backtracks cubically on ``[`` and a long run of spaces).
_TOML_HEADER = lazy(r"^\[\[?([^\[\]]+)\]\]?[ \t]*(?:#.*)?$")
_TOML_KEY = lazy(
    r"^((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="
)


def _dotted(name: str) -> tuple[str, ...]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[^.\s]+", name)
    return tuple(part.strip("\"'") for part in parts)


def toml_key_line(text: str | None, table: str, key: str | None = None) -> int:
    """The 1-based line where ``table`` (or ``key`` in it) is written; 0 when not found.

    Understands ``[table]`` headers, dotted keys and inline tables well enough to point a
    reader at the right line; it is not a TOML parser.
    """
    if not text:
        return 0
    wanted = _dotted(table) + ((key,) if key is not None else ())
    current: tuple[str, ...] = ()
    best = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = _TOML_HEADER.match(stripped)
        if header:
            current = _dotted(header.group(1))
            if current == wanted:
                return number
            if not best and current and wanted[: len(current)] == current and key is None:
                best = number
            continue
        match = _TOML_KEY.match(stripped)
        if match:
            full = current + _dotted(match.group(1))
            if full == wanted:
                return number
            if len(full) < len(wanted) and wanted[: len(full)] == full:
                best = number  # an inline table holding the wanted key
    return best


def text_line(text: str | None, needle: str) -> tuple[int, int]:
    """(line, col) of the first occurrence of ``needle``; (0, 0) when absent."""
    if not text or not needle:
        return 0, 0
    for number, line in enumerate(text.splitlines(), start=1):
        col = line.find(needle)
        if col >= 0:
            return number, col + 1
    return 0, 0


def yaml_key_line(text: str | None, key: str) -> int:
    if not text:
        return 0
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 0
