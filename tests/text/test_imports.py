"""Reading a Python file's imports without running it, or parsing more than its import lines."""

from __future__ import annotations

import pytest

from oss_checks.text.imports import Import, absolute, imported_modules, read_imports

TEST_FILE = '''\
"""Tests of the flow algorithms.

from the docstring import nothing: prose that starts like an import
"""
import os, sys as system
from netlib.flow import (
    edmonds_karp,  # the one under test
    maximum_flow,
)
from ..union_find import UnionFind
from . import helpers
from netlib.algorithms.approximation \\
    import density


def test_flow():
    from netlib.traversal.breadth_first_search import bfs
    import netlib.utils.heaps
'''


def test_every_import_statement_at_any_indentation() -> None:
    assert read_imports(TEST_FILE) == [
        Import("os", 0, ()),
        Import("sys", 0, ()),
        Import("netlib.flow", 0, ("edmonds_karp", "maximum_flow")),
        Import("union_find", 2, ("UnionFind",)),
        Import("", 1, ("helpers",)),
        Import("netlib.algorithms.approximation", 0, ("density",)),
        Import("netlib.traversal.breadth_first_search", 0, ("bfs",)),
        Import("netlib.utils.heaps", 0, ()),
    ]


@pytest.mark.parametrize(
    ("statement", "imports"),
    [
        ("from a.b import c, d as e  # why", [Import("a.b", 0, ("c", "d"))]),
        ("from ..mod import *", [Import("mod", 2, ("*",))]),
        ("from . import x", [Import("", 1, ("x",))]),
        ("import a.b as c, d", [Import("a.b", 0, ()), Import("d", 0, ())]),
        ("import a; import b", [Import("a", 0, ()), Import("b", 0, ())]),  # not plain: ast reads it
        ("from a import (b,\n    c)", [Import("a", 0, ("b", "c"))]),
    ],
)
def test_plain_and_other_forms_read_alike(statement: str, imports: list[Import]) -> None:
    assert read_imports(statement + "\n") == imports


def test_words_that_only_contain_import_are_not_imports() -> None:
    assert read_imports("important = 1\nx = reimport()\n# import os\nimport sys\n") == [Import("sys", 0, ())]


def test_a_file_that_does_not_parse_still_tells_its_imports() -> None:
    text = "import numpy\nprint 'python 2'\nfrom pkg.model import fit\ndef broken(:\n"
    assert [item.module for item in read_imports(text)] == ["numpy", "pkg.model"]


@pytest.mark.parametrize(
    "text",
    [
        "from x import (\n" + "a,\n" * 100_000,  # never closed: skipped after a bounded number of lines
        "import \\\n" * 50_000,
        "from " + "." * 100_000 + " import x\n",
        "import (" * 10_000 + "\n",
        "x = 1" + " import" * 100_000,  # one long line: looked at once
        "from" + " " * 80_000 + "import (x",  # no two parts of the plain forms match the same spaces
        "import" + " " * 80_000 + "(",
        "from " + "." * 80_000 + " import (",
        "important = 1\nimported = 2\n",
        "",
    ],
)
def test_hostile_texts_are_read_without_error(text: str) -> None:
    assert isinstance(read_imports(text), list)


def test_relative_imports_are_made_absolute() -> None:
    assert (
        absolute(Import("union_find", 2, ("UnionFind",)), "netlib.utils.tests") == "netlib.utils.union_find"
    )
    assert absolute(Import("", 1, ("helpers",)), "netlib.utils.tests") == "netlib.utils.tests"
    assert absolute(Import("a", 3, ()), "pkg") is None  # climbs out of the package
    assert absolute(Import("numpy", 0, ()), "pkg") == "numpy"


def test_imported_modules_include_the_names_that_may_be_modules() -> None:
    found = imported_modules(read_imports(TEST_FILE), "netlib.utils.tests")
    assert {
        "netlib.flow",
        "netlib.flow.edmonds_karp",
        "netlib.utils.union_find",
        "netlib.utils.tests.helpers",
    } <= found
    assert "netlib.algorithms.approximation.density" in found
