"""Globs over repository paths: the rules of .gitignore, in time linear in the path."""

from __future__ import annotations

import pytest

from oss_checks.globs import glob_match, match_name


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.ipynb", "notebooks/a.ipynb", True),
        ("notebooks/*.ipynb", "notebooks/a.ipynb", True),
        ("notebooks/*.ipynb", "notebooks/old/a.ipynb", False),
        ("notebooks/**", "notebooks/old/a.ipynb", True),
        ("**/fixtures/*.csv", "tests/fixtures/a.csv", True),
        ("**/fixtures/*.csv", "fixtures/a.csv", True),
        ("legacy/", "legacy/deep/x.py", True),
        ("legacy", "src/legacy/x.py", True),
        ("data/*.csv", "data.csv", False),
        ("a?c.py", "abc.py", True),
        ("notebooks\\*.ipynb", "notebooks/a.ipynb", True),  # a Windows path in the config
        ("/README.md", "docs/README.md", False),  # a leading slash anchors at the root
        ("/README.md", "README.md", True),
        ("test_[ab].py", "tests/test_a.py", True),
        ("test_[!ab].py", "tests/test_a.py", False),
    ],
)
def test_glob_match(pattern: str, path: str, matches: bool) -> None:
    assert glob_match(pattern, path) is matches


@pytest.mark.parametrize(
    ("component", "name", "matches"),
    [
        ("*.py", "a.py", True),
        ("*.py", "a.pyc", False),
        ("a*b*c", "aXbYc", True),
        ("a*b*c", "acb", False),
        ("[a-c]x", "bx", True),
        ("[!a-c]x", "bx", False),
        ("?", "", False),
        ("*", "", True),
    ],
)
def test_match_name(component: str, name: str, matches: bool) -> None:
    assert match_name(component, name) is matches


def test_many_double_stars_against_a_deep_path_is_quick() -> None:
    """``**/**/.../x`` against 2,000 folders: exponential with backtracking regular expressions."""
    pattern = "/".join(["**"] * 60) + "/never-there.py"
    path = "/".join(["d"] * 2000) + "/file.py"
    assert glob_match(pattern, path) is False


def test_many_stars_against_a_long_name_is_quick() -> None:
    component = "*a" * 40 + "*b"
    assert match_name(component, "a" * 5000) is False
