"""Where the string literals of Python source are, without tokenize."""

from __future__ import annotations

import tokenize

import pytest

from oss_checks.text.python_strings import string_spans


def literals(text: str) -> list[tuple[str, bool]]:
    return [(text[span.start : span.end], span.documentation) for span in string_spans(text)]


def test_code_strings_and_docstrings() -> None:
    source = 'def f():\n    """Doc.\n    More."""\n    return "x"\n\n"module note"\n'
    assert literals(source) == [('"""Doc.\n    More."""', True), ('"x"', False), ('"module note"', True)]


def test_comments_hide_quotes() -> None:
    assert literals("x = 1  # it's \"quoted\"\ny = 'a'\n") == [("'a'", False)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('"a" "b"\n', [('"a"', True), ('"b"', True)]),  # implicit concatenation still documents
        ('"a" % b\n', [('"a"', False)]),
        ('"a".format(b)\n', [('"a"', False)]),
        ('x = ("a"\n     "b")\n', [('"a"', False), ('"b"', False)]),  # brackets span lines
        ('f(\n"a"\n)\n', [('"a"', False)]),
        ('"a" \\\n "b"\n', [('"a"', True), ('"b"', True)]),  # a continuation does not end it
        ('x = 1; "a"\n', [('"a"', True)]),
        ('x = 1 \\\n  + len("a")\n', [('"a"', False)]),
    ],
)
def test_what_makes_a_statement_of_strings_only(source: str, expected: list[tuple[str, bool]]) -> None:
    assert literals(source) == expected


@pytest.mark.parametrize(
    ("source", "literal"),
    [
        ("x = r'\\'' + 1\n", "r'\\''"),  # a raw string still does not end at an escaped quote
        ("x = 'a\\\\'\n", "'a\\\\'"),
        ("x = br'x'\n", "br'x'"),
        ('x = Rb"x"\n', 'Rb"x"'),
        ("x = rf'{a}'\n", "rf'{a}'"),
        ("x = f\"{d['k']}\"\n", "f\"{d['k']}\""),  # a nested string of the other quote
        ("x = 'a\\\nb'\n", "'a\\\nb'"),  # a backslash continues a one-quote string
        ('x = """a "b" \'\'c\'\' """\n', '"""a "b" \'\'c\'\' """'),
    ],
)
def test_prefixes_escapes_and_quotes(source: str, literal: str) -> None:
    assert [text for text, _ in literals(source)] == [literal]


def test_a_name_before_a_quote_is_no_prefix() -> None:
    spans = list(string_spans("name'q'\n"))
    assert [(span.prefix, span.raw) for span in spans] == [("", False)]
    assert next(string_spans("x = rb'q'\n")).raw


@pytest.mark.parametrize(
    ("source", "literal"),
    [
        ("x = 'open\ny = 1\n", "'open"),  # one quote ends at the end of its line
        ('x = """open\ny = 1\n', '"""open\ny = 1\n'),  # three quotes run to the end
        ('x = """a\\', '"""a\\'),
        ("x = 'a\\", "'a"),  # a backslash at the very end is left outside
    ],
)
def test_unclosed_quotes_never_raise(source: str, literal: str) -> None:
    assert [text for text, _ in literals(source)][:1] == [literal]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends(newline: str) -> None:
    source = newline.join(["x = 1", '"doc"', 'y = ("a"', '     "b")', ""])
    assert literals(source) == [('"doc"', True), ('"a"', False), ('"b"', False)]


def test_unbalanced_brackets_are_clamped() -> None:
    assert literals(')))\n"doc"\n(((\n"a"\n') == [('"doc"', True), ('"a"', False)]


def test_until_stops_after_the_statement_that_holds_it() -> None:
    source = 'a = "1"\nb = "2"\nc = "3"\n'
    assert [source[s.start : s.end] for s in string_spans(source, until=source.index('"2"'))] == [
        '"1"',
        '"2"',
    ]


def test_agrees_with_tokenize_on_this_package() -> None:
    """Every string token tokenize finds in our own source is a literal here, at the same place."""
    from pathlib import Path

    import oss_checks

    for path in sorted(Path(oss_checks.__file__).parent.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))
        expected = [
            (starts[token.start[0] - 1] + token.start[1], starts[token.end[0] - 1] + token.end[1])
            for token in tokenize.generate_tokens(iter(lines).__next__)
            if token.type == tokenize.STRING
        ]
        found = [(span.start, span.end) for span in string_spans(text)]
        if hasattr(tokenize, "FSTRING_START"):
            # 3.12+ splits an f-string into several tokens, and a literal inside one of its
            # replacement fields is a STRING token of its own, so compare outside f-strings only.
            formatted = [span for span in found if text[span[0] : span[1]].lstrip("rRbBuU")[:1] in "fFtT"]
            found = [span for span in found if span not in formatted]
            expected = [
                span
                for span in expected
                if not any(start <= span[0] and span[1] <= end for start, end in formatted)
            ]
        assert found == expected, path
