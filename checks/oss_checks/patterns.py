"""Regular expressions compiled when first used, and repositories' own run with a time limit.

The package defines a few hundred patterns at module level; compiling them all takes a
large part of start-up, while a run on a few staged files, or on a repository without
notebooks, uses only some. ``lazy`` gives an object that behaves as the compiled pattern
(``search``, ``finditer``, ``pattern`` ...) and compiles it on the first such use.

A pattern that a repository supplies (a pre-commit hook's ``exclude:``, a naming pattern
in its settings) may backtrack for longer than anyone waits: ``(a+)+$`` on forty ``a``
and a ``!``. ``search_within`` runs such a pattern under a timer and gives up on it.
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
        # Known without compiling: a module that sorts its patterns by their source at import
        # (text.secrets) would otherwise compile every one of them in every run.
        self.pattern = pattern

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


#: How long one match of a repository's own pattern may take before it is given up on.
UNTRUSTED_SECONDS = 0.2
#: How long all of a run's matches of repositories' patterns may take together: past it, no
#: more are run (3,000 hooks, each with its own slow pattern, would otherwise take minutes).
UNTRUSTED_TOTAL_SECONDS = 2.0
#: Patterns that once ran out of time: they are not run again in this process.
_GAVE_UP: set[tuple[str, int]] = set()
_spent = [0.0]
#: Any repetition: where no timer can stop a match, only a pattern without one is run.
_REPETITION = lazy(r"(?<!\\)[*+?{]")


class _OutOfTime(Exception):
    pass


def _out_of_time(*_: object) -> None:
    raise _OutOfTime


def search_within(pattern: re.Pattern[str], text: str, seconds: float = UNTRUSTED_SECONDS) -> bool | None:
    """Whether ``pattern`` finds a match in ``text``; None when it takes longer than ``seconds``.

    For patterns a repository supplies. The standard library's matcher checks for signals
    while it backtracks, so an interval timer's alarm stops it. Where no timer can be set
    (another thread than the main one, a platform without ``setitimer``, a timer the host
    program runs), a pattern with any repetition is not run at all. A pattern that ran out
    of time once gives None from then on, so a hostile one costs ``seconds`` once per run,
    and all of them together at most ``UNTRUSTED_TOTAL_SECONDS``.
    """
    key = (pattern.pattern, pattern.flags)
    if key in _GAVE_UP or _spent[0] > UNTRUSTED_TOTAL_SECONDS:
        return None
    import signal
    import threading
    import time

    timer = getattr(signal, "setitimer", None)
    if (
        timer is None
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)
    ):
        if _REPETITION.search(pattern.pattern):
            return None
        return pattern.search(text) is not None
    previous = signal.signal(signal.SIGALRM, _out_of_time)
    started = time.perf_counter()
    try:
        try:
            timer(signal.ITIMER_REAL, seconds)
            found = pattern.search(text) is not None
        finally:
            timer(signal.ITIMER_REAL, 0)
    except _OutOfTime:
        _GAVE_UP.add(key)
        return None
    finally:
        _spent[0] += time.perf_counter() - started
        # None: a handler set outside Python, which signal() cannot put back; the default can be.
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
    return found
