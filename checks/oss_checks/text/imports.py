"""Python imports, read without running or fully parsing the file.

Only the import statements are cut out of the text (a line starting with ``import`` or
``from``, with its parenthesised or backslash-continued lines) and handed to ``ast``:
one small parse per file, whatever the file's size, and a file that does not parse as a
whole (a broken test, Python 2) still tells what it imports. A line of prose that
happens to start with ``from`` is dropped by the parser, not misread.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: A statement longer than this many lines is not an import anyone wrote; it is skipped.
_MAX_STATEMENT_LINES = 200


@dataclass(frozen=True)
class Import:
    """One imported module: ``from module import names`` or ``import module``.

    ``level`` counts the leading dots of a relative import (``from ..a import b`` has
    level 2 and module ``a``); ``names`` is empty for ``import module``.
    """

    module: str
    level: int
    names: tuple[str, ...]


def _statements(text: str) -> Iterator[str]:
    """The source of every import statement, dedented, in order (each line read once)."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        stripped = lines[index].lstrip()
        index += 1
        if not stripped.startswith(("import ", "from ", "import\t", "from\t")):
            continue
        statement = [stripped]
        depth = stripped.count("(") - stripped.count(")")
        continued = stripped.rstrip().endswith("\\")
        while (depth > 0 or continued) and index < len(lines) and len(statement) < _MAX_STATEMENT_LINES:
            line = lines[index]
            index += 1
            statement.append(line)
            depth += line.count("(") - line.count(")")
            continued = line.rstrip().endswith("\\")
        if depth <= 0 and not continued:
            yield "\n".join(statement)


def _imports_of(tree: ast.AST) -> Iterator[Import]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, 0, ())
        elif isinstance(node, ast.ImportFrom):
            yield Import(node.module or "", node.level or 0, tuple(alias.name for alias in node.names))


def _parsed(source: str) -> list[Import] | None:
    try:
        return list(_imports_of(ast.parse(source)))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def read_imports(text: str) -> list[Import]:
    """Every import statement of a Python file's text, at any indentation."""
    statements = list(_statements(text))
    if not statements:
        return []
    together = _parsed("\n".join(statements))
    if together is not None:
        return together
    # One bad line (prose, Python 2) must not hide the other imports: parse them one by one.
    return [found for statement in statements for found in _parsed(statement) or []]


def absolute(imported: Import, package: str) -> str | None:
    """The absolute dotted module of an import made inside ``package`` (None when it climbs out)."""
    if imported.level == 0:
        return imported.module
    parts = package.split(".") if package else []
    if imported.level - 1 > len(parts):
        return None
    base = parts[: len(parts) - (imported.level - 1)]
    return ".".join([*base, imported.module] if imported.module else base)


def imported_modules(imports: Iterable[Import], package: str) -> set[str]:
    """Dotted names that may be modules: ``a.b`` and ``a.b.c`` for ``from a.b import c``."""
    found: set[str] = set()
    for imported in imports:
        module = absolute(imported, package)
        if module is None:
            continue
        if module:
            found.add(module)
        for name in imported.names:
            if name != "*":
                found.add(f"{module}.{name}" if module else name)
    return found
