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
