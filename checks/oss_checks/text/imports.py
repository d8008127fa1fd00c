"""Python imports, read without running or fully parsing the file.

Only the import statements are cut out of the text (a line starting with ``import`` or
``from``, with its parenthesised or backslash-continued lines) and handed to ``ast``:
one small parse per file, whatever the file's size, and a file that does not parse as a
whole (a broken test, Python 2) still tells what it imports. A line of prose that
happens to start with ``from`` is dropped by the parser, not misread.
"""

from __future__ import annotations

import ast
import bisect
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from oss_checks.formats import parse_python
from oss_checks.patterns import lazy

#: A statement longer than this many lines is not an import anyone wrote; it is skipped.
_MAX_STATEMENT_LINES = 200


class Import(NamedTuple):
    """One imported module: ``from module import names`` or ``import module``.

    ``level`` counts the leading dots of a relative import (``from ..a import b`` has
    level 2 and module ``a``); ``names`` is empty for ``import module``.
    """

    module: str
    level: int
    names: tuple[str, ...]


#: How many backslash-continued lines before an ``import`` keyword are followed back.
_MAX_CONTINUED_LINES = 10


def _line_start(text: str, index: int, floor: int) -> int:
    """Where the statement holding ``index`` starts: its line, or an earlier line it continues
    (never before ``floor``, the end of the statement read before)."""
    start = text.rfind("\n", floor, index) + 1 or floor
    for _ in range(_MAX_CONTINUED_LINES):
        if start - 2 < floor or text[start - 2] != "\\":
            break
        start = text.rfind("\n", floor, start - 1) + 1 or floor
    return start


def _statements(text: str) -> Iterator[str]:
    """The source of every import statement, dedented, in order.

    Found from each ``import`` keyword with ``str.find`` (far quicker than a line-anchored
    regular expression over the whole text). Each line is looked at once: a line that does
    not start an import statement is skipped whole, and a statement ends at its line, its
    closing parenthesis or a line limit.
    """
    resume = 0
    found = text.find("import")
    while found >= 0:
        line_end = text.find("\n", found)
        line_end = len(text) if line_end < 0 else line_end
        start = _line_start(text, found, resume)
        head = text[start:found].lstrip(" \t")
        keyword = head == "" and text[found + 6 : found + 7] in (" ", "\t")
        following = line_end + 1
        if not (keyword or head.startswith(("from ", "from\t"))):
            found = text.find("import", following)
            continue
        line = text[start:line_end]
        if "(" not in line and "\\" not in line:
            resume = following  # the common case: a statement of one line
            yield line.lstrip(" \t").rstrip()
        else:
            lines: list[str] = []
            depth = 0
            position = start
            while len(lines) < _MAX_STATEMENT_LINES:
                end = text.find("\n", position)
                line = text[position:] if end < 0 else text[position:end]
                lines.append(line if lines else line.lstrip(" \t"))
                depth += line.count("(") - line.count(")")
                position = len(text) if end < 0 else end + 1
                if (depth <= 0 and not line.rstrip().endswith("\\")) or end < 0:
                    break
            resume = following = max(position, following)
            if depth <= 0 and not lines[-1].rstrip().endswith("\\"):
                yield "\n".join(lines)
        found = text.find("import", following)


def _import_of(node: ast.stmt) -> list[Import]:
    if isinstance(node, ast.Import):
        return [Import(alias.name, 0, ()) for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        return [Import(node.module or "", node.level or 0, tuple(alias.name for alias in node.names))]
    return []


#: The plain one-line forms, read without ``ast``: ``from ..a.b import c, d as e`` and
#: ``import a.b as c, d``. No two parts can match the same characters, so a line that does
#: not fit fails in time linear in its length; anything else goes to ``ast``.
_PLAIN_FROM = lazy(r"from[ \t]+(\.*[A-Za-z_][\w.]*|\.+)[ \t]+import[ \t]([\w \t,]+|[ \t]*\*)")
_PLAIN_IMPORT = lazy(r"import[ \t]([\w. \t,]+)")


def _plain(statement: str) -> list[Import] | None:
    """The imports of a statement of the plain forms, on one line or as ``from a import (``
    with one name per line; None for anything else."""
    if ";" in statement or "\\" in statement:
        return None
    if "\n" in statement:
        lines = [line.partition("#")[0].strip() for line in statement.split("\n")]
        head, tail = lines[0], lines[-1]
        if not (head.endswith("(") and tail.startswith(")") and tail == ")" and "(" not in head[:-1]):
            return None
        body = " ".join(lines[1:-1]).rstrip(",")
        if "(" in body or ")" in body:
            return None
        code = f"{head[:-1].rstrip()} {body}"
    else:
        code = statement.partition("#")[0].rstrip()
    found = _PLAIN_FROM.fullmatch(code)
    if found:
        names = _names(found.group(2))
        if names is None:
            return None
        module = found.group(1).lstrip(".")
        return [Import(module, len(found.group(1)) - len(module), names)]
    found = _PLAIN_IMPORT.fullmatch(code)
    if found:
        modules = _names(found.group(1), dotted=True)
        return None if modules is None else [Import(module, 0, ()) for module in modules]
    return None


def _names(listed: str, *, dotted: bool = False) -> tuple[str, ...] | None:
    """``a, b as c`` as ("a", "b"); None when a part is not a name (``ast`` then decides)."""
    names = []
    for part in listed.split(","):
        words = part.split()
        if len(words) not in (1, 3) or (len(words) == 3 and words[1] != "as"):
            return None
        name = words[0]
        if not all(piece.isidentifier() for piece in (name.split(".") if dotted else [name])) and name != "*":
            return None
        names.append(name)
    return tuple(names)


def _parsed(statements: list[str]) -> list[list[Import]] | None:
    """Each statement's imports, all parsed in one ``ast`` call; None when the source does not parse."""
    starts = []
    line = 1
    for statement in statements:
        starts.append(line)
        line += statement.count("\n") + 1
    try:
        tree = parse_python("\n".join(statements))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    found: list[list[Import]] = [[] for _ in statements]
    for node in tree.body:  # the source holds import statements only, at the top
        found[bisect.bisect_right(starts, node.lineno) - 1].extend(_import_of(node))
    return found


def import_statements(text: str) -> list[str]:
    """The source of each import statement of a Python file's text (cheap: no parsing)."""
    return list(_statements(text))


def read_imports(text: str) -> list[Import]:
    """Every import statement of a Python file's text, at any indentation."""
    return parse_imports(import_statements(text))


def parse_imports(statements: list[str]) -> list[Import]:
    """The imports of statements ``import_statements`` cut out, in order: the plain one-line
    forms read directly, every other statement parsed with ``ast`` (together, in one call)."""
    plain = [_plain(statement) for statement in statements]
    rest = [statement for statement, found in zip(statements, plain, strict=True) if found is None]
    parsed = _parsed(rest) if rest else []
    if parsed is None:
        # One bad line (prose, Python 2) must not hide the other imports: parse them one by one.
        parsed = [(_parsed([statement]) or [[]])[0] for statement in rest]
    from_ast = iter(parsed)
    return [imported for found in plain for imported in (next(from_ast) if found is None else found)]


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
