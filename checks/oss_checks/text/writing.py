"""Writing Markdown that shows text exactly as written: names, messages and paths from repositories.

Everything a repository holds may be hostile; once in a Markdown page (the report,
repo-review's output) a file name must not become a link, a heading or live HTML.
"""

from __future__ import annotations

import re

from oss_checks.patterns import lazy

#: Characters Markdown could read as markup. Parentheses are safe once brackets are escaped.
_SPECIAL = lazy(r"([\\`*_{}\[\]<>#+!|~])")


def md(text: object) -> str:
    """Text that Markdown shows as written: one line, special characters escaped."""
    one_line = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", one_line)


def code(text: object, *, cell: bool = False) -> str:
    """Inline code; the fence grows past any backticks the text holds.

    In a table ``cell`` a pipe would end the cell even inside code, so it is escaped.
    """
    value = " ".join(str(text).split())
    if cell:
        value = value.replace("|", r"\|")
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"
