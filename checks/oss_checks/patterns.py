"""Regular expressions compiled when first used, not when their module is imported.

The package defines a few hundred patterns at module level; compiling them all takes a
large part of start-up, while a run on a few staged files, or on a repository without
notebooks, uses only some. ``lazy`` gives an object that behaves as the compiled pattern
(``search``, ``finditer``, ``pattern`` ...) and compiles it on the first such use.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

#: What a compiled pattern offers; after the first use these are plain attributes of the
#: stand-in, so later calls cost what calls on the compiled pattern cost.
_PATTERN_ATTRIBUTES = tuple(name for name in dir(re.compile("")) if not name.startswith("_"))


class _Deferred:
    """A pattern and its flags, compiled on the first attribute anybody reads."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> object:
        pattern, flags = self._source
        compiled: re.Pattern[Any] = re.compile(cast("Any", pattern), flags)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r}, {self._source[1]})"


def lazy(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, done the first time the result is used.

    The result is not an ``re.Pattern`` instance: pass it to no ``re`` module function
    (``re.sub(PATTERN, ...)``); call its methods (``PATTERN.sub(...)``) instead.
    """
    return cast("re.Pattern[AnyStr]", _Deferred(pattern, int(flags)))
