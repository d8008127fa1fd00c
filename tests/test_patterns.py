"""A deferred pattern is compiled on first use and then behaves as the compiled one."""

from __future__ import annotations

import re
from typing import Any

import pytest

from oss_checks.patterns import lazy


def test_nothing_is_compiled_until_the_pattern_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[tuple[object, ...]] = []
    real_compile = re.compile

    def counting_compile(*args: Any) -> re.Pattern[Any]:
        compiled.append(args)
        return real_compile(*args)

    monkeypatch.setattr(re, "compile", counting_compile)
    word = lazy(r"\bword\b", re.IGNORECASE)
    assert compiled == []
    assert word.search("a Word here") is not None
    assert compiled == [(r"\bword\b", re.IGNORECASE)]
    assert word.findall("word WORD sword") == ["word", "WORD"]
    assert len(compiled) == 1, "compiled once, however often it is used"


def test_it_offers_what_a_compiled_pattern_offers() -> None:
    deferred = lazy(r"(?P<key>\w+)=(?P<value>\w*)", re.MULTILINE)
    compiled = re.compile(r"(?P<key>\w+)=(?P<value>\w*)", re.MULTILINE)
    text = "a=1\nb=\nc=3"
    assert [m.groupdict() for m in deferred.finditer(text)] == [
        m.groupdict() for m in compiled.finditer(text)
    ]
    assert deferred.sub(r"\g<key>:", text) == compiled.sub(r"\g<key>:", text)
    assert deferred.split(text) == compiled.split(text)
    assert (deferred.pattern, deferred.flags, deferred.groups) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
    )
    assert deferred.groupindex == compiled.groupindex
    assert deferred.fullmatch("x=y") is not None
    assert deferred.match("=") is None


def test_bytes_patterns_work_too() -> None:
    assert lazy(rb"\x00+").findall(b"a\x00\x00b") == [b"\x00\x00"]


def test_a_bad_pattern_fails_when_used_with_the_usual_error() -> None:
    broken = lazy("(unclosed")
    with pytest.raises(re.error):
        broken.search("x")


def test_a_repositorys_pattern_that_backtracks_for_ever_is_given_up_on() -> None:
    import time

    from oss_checks.patterns import search_within

    hostile = re.compile(r"(a+)+$")
    started = time.perf_counter()
    assert search_within(hostile, "a" * 60 + "!", seconds=0.05) is None
    assert time.perf_counter() - started < 5
    # Once given up on, it is not run again: even a text it would match quickly gives None.
    assert search_within(hostile, "aaa", seconds=0.05) is None


def test_a_well_behaved_pattern_answers_and_leaves_no_timer_or_handler_behind() -> None:
    import signal

    from oss_checks.patterns import search_within

    before = signal.getsignal(signal.SIGALRM)
    assert search_within(re.compile(r"^docs/.*\.ipynb$"), "docs/a/b.ipynb") is True
    assert search_within(re.compile(r"^docs/"), "notebooks/a.ipynb") is False
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_off_the_main_thread_a_repeated_group_is_not_run_at_all() -> None:
    import threading

    from oss_checks.patterns import search_within

    answers: list[bool | None] = []

    def ask() -> None:
        answers.append(search_within(re.compile(r"(b+)+$"), "b" * 60 + "!"))
        answers.append(search_within(re.compile(r"^old/"), "old/x.ipynb"))

    worker = threading.Thread(target=ask)
    worker.start()
    worker.join(timeout=30)
    assert answers == [None, True]
