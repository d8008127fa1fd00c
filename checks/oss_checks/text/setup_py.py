"""What a ``setup.py`` states as plain text, read without running it.

Many projects still keep their metadata in ``setup(name=..., description=..., license=...)``.
Running the file would run the repository's code, so it is parsed instead, and only the
keyword arguments of the ``setup()`` call written as string literals are taken: a value
computed at run time (``open("README.md").read()``) is simply not known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from oss_checks.formats import parse_python

if TYPE_CHECKING:
    import ast

    from oss_checks.context import Repo

#: A setup.py larger than this is not parsed (no real one comes near it).
_MAX_BYTES = 500_000


class SetupValue(NamedTuple):
    value: str
    line: int


def _is_setup_call(node: ast.Call) -> bool:
    function = node.func
    name = getattr(function, "attr", None) or getattr(function, "id", "")
    return name == "setup"


def setup_keywords(repo: Repo) -> dict[str, SetupValue]:
    """The string-literal keyword arguments of the ``setup()`` call in setup.py (``{}`` when none)."""

    def read() -> dict[str, SetupValue]:
        if not repo.exists("setup.py") or repo.content_size("setup.py") > _MAX_BYTES:
            return {}
        text = repo.read_text("setup.py")
        if not text:
            return {}
        import ast  # most repositories have no setup.py

        try:
            tree = parse_python(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return {}
        found: dict[str, SetupValue] = {}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not _is_setup_call(node):
                continue
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg and isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.setdefault(keyword.arg, SetupValue(value.value, value.lineno))
        return found

    return repo.memo("setup.py-keywords", read)
