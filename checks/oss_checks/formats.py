"""Parsers for the structured files a repository holds: TOML, YAML, JSON and notebooks.

Every parser here takes text anyone may have committed and never raises for it: a file
that does not parse, or is nested so deeply that the parser runs out of stack
(``RecursionError``), becomes a one-line error the rule that owns the file reports. PyYAML and tomllib are imported only when such a file is read.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from oss_checks.patterns import lazy

#: YAML nested deeper than this is refused before parsing: libyaml's composer recurses in C
#: and crashes the process (a segmentation fault, not an exception) on a few hundred
#: kilobytes of ``[[[[...`` or ``- - - - ...``. No real configuration nests this deep.
MAX_YAML_NESTING = 200
_DEEP_BLOCK = lazy(rf"^[ \t?:-]{{{MAX_YAML_NESTING},}}", re.MULTILINE)
_FLOW_BRACKET = lazy(r"[\[\]{}]")


def yaml_too_deep(text: str) -> bool:
    """Whether YAML text may nest deeper than ``MAX_YAML_NESTING``, found in linear time.

    Block nesting cannot be deeper than the run of spaces and indicators (``-``, ``?``,
    ``:``) that starts a line; flow nesting is the depth of brackets and braces, counted
    also inside strings (a real file's count stays far below the limit either way).
    """
    if _DEEP_BLOCK.search(text):
        return True
    if text.count("[") + text.count("{") < MAX_YAML_NESTING:
        return False
    depth = 0
    for match in _FLOW_BRACKET.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth >= MAX_YAML_NESTING:
                return True
        elif depth:
            depth -= 1
    return False


# -- TOML -----------------------------------------------------------------------------------------
def parse_toml(text: str | None) -> tuple[dict[str, Any] | None, str | None]:
    """Parse TOML text, returning (data, None) or (None, a one-line error)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    if text is None:
        return None, "is not UTF-8 text"
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        return None, f"is not valid TOML: {exc}"
    except RecursionError:
        return None, "is not valid TOML: nested too deeply"


# -- JSON -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class JsonError:
    """Why a JSON text did not parse, with the 1-based line and column when known."""

    reason: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        where = f" (line {self.line}, column {self.col})" if self.line else ""
        return f"{self.reason}{where}"


def parse_json(text: str) -> tuple[Any, JsonError | None]:
    """Parse JSON text: (data, None), or (None, why it is not JSON)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, JsonError(exc.msg, exc.lineno, exc.colno)
    except RecursionError:
        return None, JsonError("nested too deeply")


# -- YAML -----------------------------------------------------------------------------------------
class LineDict(dict[Any, Any]):
    """A YAML mapping that remembers the (1-based) line it starts on."""

    line: int = 0


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file: ``data`` when it parses, else ``error`` (one line) at ``line``."""

    path: str
    data: Any = None
    error: str | None = None
    line: int = 0

    @property
    def mapping(self) -> LineDict | None:
        return self.data if isinstance(self.data, LineDict) else None


@cache
def _tolerant_loader() -> type[Any]:
    """A safe loader that builds plain values for unknown tags (``!!python/name:``, ``!ENV``)."""
    import yaml

    base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader: type[Any] = type("TolerantLoader", (base,), {})

    def construct_map(constructor: Any, node: Any) -> Any:
        data = LineDict()
        data.line = node.start_mark.line + 1
        yield data
        if isinstance(node, yaml.MappingNode):
            data.update(constructor.construct_mapping(node))

    def construct_unknown(constructor: Any, _suffix: str, node: Any) -> Any:
        if isinstance(node, yaml.MappingNode):
            return construct_map(constructor, node)
        if isinstance(node, yaml.SequenceNode):
            return constructor.construct_sequence(node)
        return constructor.construct_scalar(node)

    loader.add_constructor("tag:yaml.org,2002:map", construct_map)
    loader.add_multi_constructor("", construct_unknown)
    return loader


def parse_yaml(path: str, text: str | None) -> YamlFile:
    """Parse YAML text leniently: any problem becomes ``error``, never an exception."""
    if text is None:
        return YamlFile(path, error="is not UTF-8 text (binary, too large or unreadable)")
    if yaml_too_deep(text):
        return YamlFile(path, error=f"is not valid YAML: nested more than {MAX_YAML_NESTING} levels deep")
    import yaml

    try:
        data = yaml.load(text, Loader=_tolerant_loader())  # noqa: S506 - the loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "cannot be parsed"
        if exc.context:
            problem += f" {exc.context}"
        line = mark.line + 1 if mark is not None else 0
        where = f" (line {line}, column {mark.column + 1})" if mark is not None else ""
        return YamlFile(path, error=f"is not valid YAML: {problem}{where}", line=line)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).splitlines()[0]
        return YamlFile(path, error=f"is not valid YAML: {reason}")
    return YamlFile(path, data=data)


# -- notebooks ------------------------------------------------------------------------------------
@dataclass
class NotebookCell:
    index: int  # 1-based, as people count cells
    cell_type: str
    source: str
    execution_count: int | None
    outputs: list[dict[str, Any]]
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Notebook:
    """The parts of a notebook the rules need, parsed with the standard library."""

    path: str
    data: dict[str, Any]
    error: str | None = None
    cells: list[NotebookCell] = field(default_factory=list)

    @property
    def metadata(self) -> dict[str, Any]:
        meta = self.data.get("metadata")
        return meta if isinstance(meta, dict) else {}


def joined(value: Any) -> str:
    """A notebook string field, which nbformat stores as a string or a list of lines."""
    if isinstance(value, list):
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else ""


def parse_notebook(path: str, text: str | None) -> Notebook:
    """Parse a notebook leniently: problems become ``error``, never exceptions."""
    if text is None:
        return Notebook(path, {}, "cannot be read as UTF-8 text (binary, too large or unreadable)")
    if not text.strip():
        return Notebook(path, {}, "is empty")
    data, problem = parse_json(text)
    if problem is not None:
        return Notebook(path, {}, f"is not valid JSON: {problem}")
    if not isinstance(data, dict):
        return Notebook(path, {}, "is not a notebook: the top level is not a JSON object")
    major = data.get("nbformat")
    if not isinstance(major, int) or major < 4:
        found = major if isinstance(major, int) else "none"
        return Notebook(path, data, f"uses nbformat {found}; only nbformat 4 notebooks are supported")
    raw_cells = data.get("cells")
    if not isinstance(raw_cells, list):
        return Notebook(path, data, "is not a notebook: it has no list of cells")
    cells = []
    for number, raw in enumerate(raw_cells, start=1):
        if not isinstance(raw, dict):
            continue
        count = raw.get("execution_count")
        outputs = raw.get("outputs")
        metadata = raw.get("metadata")
        cells.append(
            NotebookCell(
                index=number,
                cell_type=str(raw.get("cell_type", "")),
                source=joined(raw.get("source", "")),
                execution_count=count if isinstance(count, int) and not isinstance(count, bool) else None,
                outputs=[o for o in outputs if isinstance(o, dict)] if isinstance(outputs, list) else [],
                metadata=metadata if isinstance(metadata, dict) else {},
            )
        )
    return Notebook(path, data, None, cells)


def output_text(output: dict[str, Any]) -> str:
    """The human-readable text of one notebook output (stream, result, error)."""
    parts = [joined(output.get("text", ""))]
    data = output.get("data")
    if isinstance(data, dict):
        parts.append(joined(data.get("text/plain", "")))
    if output.get("output_type") == "error":
        parts.append(joined(output.get("evalue", "")))
        traceback = output.get("traceback")
        if isinstance(traceback, list):
            parts.extend(str(line) for line in traceback)
    return "\n".join(part for part in parts if part)
