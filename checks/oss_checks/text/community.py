"""Which file is which: the names people give their community files, in the order looked for.

``Repo.find`` compares them without regard to case, so ``readme.md`` and ``License.txt``
count; the first name in each list is the one a fix creates.
"""

from __future__ import annotations

README_NAMES = ("README.md", "README.rst", "README.txt", "README.markdown", "README")
LICENSE_NAMES = (
    "LICENSE",
    "LICENSE.md",
    "LICENSE.txt",
    "LICENSE.rst",
    "LICENCE",
    "LICENCE.md",
    "LICENCE.txt",
    "COPYING",
    "COPYING.md",
    "COPYING.txt",
)
CONTRIBUTING_NAMES = (
    "CONTRIBUTING.md",
    "CONTRIBUTING.rst",
    "CONTRIBUTING.txt",
    "CONTRIBUTING",
    ".github/CONTRIBUTING.md",
    "docs/CONTRIBUTING.md",
)
CODE_OF_CONDUCT_NAMES = (
    "CODE_OF_CONDUCT.md",
    "CODE_OF_CONDUCT.rst",
    "CODE_OF_CONDUCT.txt",
    "CODE_OF_CONDUCT",
    ".github/CODE_OF_CONDUCT.md",
    "docs/CODE_OF_CONDUCT.md",
)
SECURITY_NAMES = (
    "SECURITY.md",
    "SECURITY.rst",
    "SECURITY.txt",
    "SECURITY",
    ".github/SECURITY.md",
    "docs/SECURITY.md",
)
CHANGELOG_NAMES = (
    "CHANGELOG.md",
    "CHANGELOG.rst",
    "CHANGELOG.txt",
    "CHANGELOG",
    "CHANGES.md",
    "CHANGES.rst",
    "CHANGES",
    "HISTORY.md",
    "HISTORY.rst",
    "NEWS.md",
)
CITATION_NAMES = ("CITATION.cff",)
COMMUNITY_NAMES = (
    README_NAMES
    + LICENSE_NAMES
    + CONTRIBUTING_NAMES
    + CODE_OF_CONDUCT_NAMES
    + SECURITY_NAMES
    + CHANGELOG_NAMES
    + CITATION_NAMES
)
_COMMUNITY_LOWER = frozenset(name.lower() for name in COMMUNITY_NAMES)


def is_rst(path: str) -> bool:
    return path.lower().endswith(".rst")


def is_community_file(path: str) -> bool:
    return path.lower() in _COMMUNITY_LOWER
