"""Markdown that shows repository text as written."""

from __future__ import annotations

from oss_checks.text.writing import code, md


def test_escaping_keeps_text_literal() -> None:
    assert md("a|b *c* _d_ <b>\n[x](y) #1") == r"a\|b \*c\* \_d\_ \<b\> \[x\](y) \#1"
    assert code("plain") == "`plain`"
    assert code("a `tick` b") == "``a `tick` b``"
    assert code("`edge`") == "`` `edge` ``"
    assert code("a|b", cell=True) == r"`a\|b`"


def test_text_is_one_line() -> None:
    assert md("a\n\n# heading") == r"a \# heading"
