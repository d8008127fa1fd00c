"""The repository's ``.gitattributes`` files, read as git reads them.

Used where git cannot be asked (a folder that is no git checkout, or a question about many
files at once): OSS302 and OSS604 ask which notebooks a filter cleans, OSS403 which large
files LFS stores. Git's rules, kept here in one place:

- a pattern without a slash matches the file's name at any depth; one with a slash, the
  path from the attribute file's folder;
- a folder pattern (``notebooks`` or ``reports/``) gives nothing to the files inside it,
  unlike ``.gitignore``; only ``notebooks/**`` does;
- a quoted pattern names a file with spaces;
- ``[attr]name attr...`` in the top-level file defines a macro, expanded where a line names it;
- the last line that sets an attribute wins, and a deeper file's lines come after the outer ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from oss_checks.globs import glob_match, match_name

if TYPE_CHECKING:
    from oss_checks.context import Repo

ATTRIBUTES_FILE = ".gitattributes"
_MACRO_PREFIX = "[attr]"


class AttributeLine(NamedTuple):
    """One pattern line: the folder of its file ("" at the top), its pattern and its
    attributes, macros expanded."""

    folder: str
    pattern: str
    attributes: tuple[str, ...]


def attribute_files(repo: Repo) -> list[str]:
    """The tracked ``.gitattributes`` files, outermost first."""
    return repo.memo(
        "gitattributes-files",
        lambda: sorted(
            (path for path in repo.paths if path == ATTRIBUTES_FILE or path.endswith("/" + ATTRIBUTES_FILE)),
            key=lambda path: path.count("/"),
        ),
    )


def attribute_lines(repo: Repo) -> list[AttributeLine]:
    """Every pattern line of every attribute file, in the order git applies them."""

    def read() -> list[AttributeLine]:
        macros = _macros(repo)
        lines = []
        for attributes in attribute_files(repo):
            folder = attributes.rpartition("/")[0]
            for line in (repo.read_text(attributes) or "").splitlines():
                pattern, fields = _split(line)
                if not pattern or not fields or pattern.startswith(("#", _MACRO_PREFIX)):
                    continue
                expanded = tuple(field for given in fields for field in macros.get(given, (given,)))
                lines.append(AttributeLine(folder, pattern, expanded))
        return lines

    return repo.memo("gitattributes-lines", read)


def filter_for(repo: Repo, path: str) -> str | None:
    """The ``filter`` driver git gives ``path``, or None when no line sets one (or the last
    one that speaks unsets it)."""
    driver: str | None = None
    for line in attribute_lines(repo):
        if line.folder and not path.startswith(line.folder + "/"):
            continue
        relative = path[len(line.folder) + 1 :] if line.folder else path
        if not pattern_matches(line.pattern, relative):
            continue
        for attribute in line.attributes:
            if attribute.startswith("filter="):
                driver = attribute[len("filter=") :] or None
            elif attribute in ("-filter", "!filter"):
                driver = None
    return driver


def pattern_matches(pattern: str, path: str) -> bool:
    """Whether an attribute pattern names the file ``path`` (relative to the pattern's file)."""
    if not pattern or pattern.endswith("/"):
        return False
    name = path.rpartition("/")[2]
    if "/" not in pattern:
        return match_name(pattern, name)
    last = pattern.rpartition("/")[2]
    return glob_match(pattern, path) and (last == "**" or match_name(last, name))


def _split(line: str) -> tuple[str, list[str]]:
    """A line's pattern and its attributes. A pattern in double quotes may hold spaces and
    backslash escapes (``"my data/*.csv"``, ``"a\\"b"``)."""
    line = line.strip()
    if not line.startswith('"'):
        fields = line.split()
        return (fields[0], fields[1:]) if fields else ("", [])
    pattern = []
    index = 1
    while index < len(line) and line[index] != '"':
        if line[index] == "\\" and index + 1 < len(line):
            index += 1
        pattern.append(line[index])
        index += 1
    if index >= len(line):
        return "", []  # no closing quote: git skips the line
    return "".join(pattern), line[index + 1 :].split()


def _macros(repo: Repo) -> dict[str, tuple[str, ...]]:
    """The macros the top-level file defines, by name (git reads them from there only)."""
    macros: dict[str, tuple[str, ...]] = {}
    for line in (repo.read_text(ATTRIBUTES_FILE) or "").splitlines():
        fields = line.split()
        if fields and fields[0].startswith(_MACRO_PREFIX) and len(fields[0]) > len(_MACRO_PREFIX):
            macros[fields[0][len(_MACRO_PREFIX) :]] = tuple(fields[1:])
    return macros
