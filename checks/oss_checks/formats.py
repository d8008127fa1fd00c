"""Parsers for the structured files a repository holds: TOML, YAML, JSON and notebooks.

Every parser here takes text anyone may have committed and never raises for it: a file
that does not parse, or is nested so deeply that the parser runs out of stack
(``RecursionError``), becomes a one-line error the rule that owns the file reports. PyYAML and tomllib are imported only when such a file is read.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from oss_checks.patterns import lazy

if TYPE_CHECKING:
    import ast

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
class JsonError(NamedTuple):
    """Why a JSON text did not parse, with the 1-based line and column when known."""

    reason: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        where = f" (line {self.line}, column {self.col})" if self.line else ""
        return f"{self.reason}{where}"


def parse_json(text: str) -> tuple[Any, JsonError | None]:
    """Parse JSON text: (data, None), or (None, why it is not JSON)."""
    import json  # a run without a notebook or a JSON file never needs it

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


class YamlFile(NamedTuple):
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


# -- Python ---------------------------------------------------------------------------------------
def parse_python(text: str) -> ast.Module:
    """``ast.parse`` without the warnings Python 3.12+ prints while parsing (``"\\d"`` in a plain
    string is an invalid escape): a check reads a repository's code, it does not report on it there.

    Raises what ``ast.parse`` raises (SyntaxError, ValueError, RecursionError, MemoryError).
    """
    import ast
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text)


# -- notebooks ------------------------------------------------------------------------------------
class NotebookCell:
    def __init__(
        self,
        index: int,
        cell_type: str,
        source: str,
        execution_count: int | None,
        outputs: list[dict[str, Any]],
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self.index = index  # 1-based, as people count cells
        self.cell_type = cell_type
        self.source = source
        self.execution_count = execution_count
        self.outputs = outputs
        self.metadata: dict[str, Any] = metadata if metadata is not None else {}

    def __repr__(self) -> str:
        return f"NotebookCell({self.index}, {self.cell_type!r}, {self.source[:40]!r})"


class Notebook:
    """The parts of a notebook the rules need, parsed with the standard library.

    Notebooks saved in the older formats (nbformat 1 to 3) are read into the form of
    nbformat 4, as Jupyter upgrades them when it opens them: ``cells`` and ``metadata`` look
    the same whichever format the file was saved in, and ``nbformat`` says which it was.
    """

    def __init__(
        self,
        path: str,
        data: dict[str, Any],
        error: str | None = None,
        cells: list[NotebookCell] | None = None,
        *,
        nbformat: int = 4,
        upgraded_metadata: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.data = data
        self.error = error
        self.cells: list[NotebookCell] = cells if cells is not None else []
        #: The major nbformat version the file was saved in.
        self.nbformat = nbformat
        #: The metadata of a notebook read from an older format, as nbformat 4 holds it.
        self.upgraded_metadata = upgraded_metadata

    def __repr__(self) -> str:
        return f"Notebook({self.path!r}, error={self.error!r}, {len(self.cells)} cells)"

    @property
    def metadata(self) -> dict[str, Any]:
        if self.upgraded_metadata is not None:
            return self.upgraded_metadata
        meta = self.data.get("metadata")
        return meta if isinstance(meta, dict) else {}


def joined(value: Any) -> str:
    """A notebook string field, which nbformat stores as a string or a list of lines."""
    if isinstance(value, list):
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else ""


#: The newest nbformat this reader knows; older ones are upgraded, newer ones refused.
NBFORMAT = 4
#: The keys of an nbformat 3 (and 2) output that name a kind of data, and their MIME types.
_OLD_OUTPUT_KEYS = {
    "text": "text/plain",
    "html": "text/html",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "latex": "text/latex",
    "json": "application/json",
    "javascript": "application/javascript",
    "pdf": "application/pdf",
}
_OLD_OUTPUT_TYPES = {"pyout": "execute_result", "pyerr": "error"}


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
    if not isinstance(major, int) or isinstance(major, bool) or not 1 <= major <= NBFORMAT:
        found = major if isinstance(major, int) and not isinstance(major, bool) else "none"
        return Notebook(
            path, data, f"uses nbformat {found}; Jupyter reads nbformat 1 to {NBFORMAT} notebooks only"
        )
    raw_cells = _raw_cells(data, major)
    if raw_cells is None:
        return Notebook(path, data, "is not a notebook: it has no list of cells", nbformat=major)
    cells = [
        _cell(number, raw, major) for number, raw in enumerate(raw_cells, start=1) if isinstance(raw, dict)
    ]
    upgraded = None if major == NBFORMAT else _upgraded_metadata(data, raw_cells)
    return Notebook(path, data, None, cells, nbformat=major, upgraded_metadata=upgraded)


def _raw_cells(data: dict[str, Any], major: int) -> list[Any] | None:
    """The notebook's cells as saved: nbformat 2 and 3 keep them in worksheets (Jupyter joins them)."""
    if major in (2, 3):
        worksheets = data.get("worksheets")
        if not isinstance(worksheets, list) or not all(isinstance(sheet, dict) for sheet in worksheets):
            return None
        sheets = [sheet.get("cells", []) for sheet in worksheets]
        if not all(isinstance(cells, list) for cells in sheets):
            return None
        return [cell for cells in sheets for cell in cells]
    cells = data.get("cells")
    return cells if isinstance(cells, list) else None


def _cell(number: int, raw: dict[str, Any], major: int) -> NotebookCell:
    metadata = raw.get("metadata")
    cell_type = str(raw.get("cell_type", ""))
    if major == NBFORMAT:
        count, source, outputs = raw.get("execution_count"), raw.get("source", ""), raw.get("outputs")
    elif cell_type == "code":
        count, outputs = raw.get("prompt_number"), raw.get("outputs")
        source = raw.get("input", "") if major > 1 else raw.get("code", "")
    else:
        count, outputs = None, None
        source = raw.get("source", "") if major > 1 else raw.get("text", "")
        if cell_type == "heading":  # nbformat 3's headings are markdown headings in 4
            level = raw.get("level")
            depth = level if isinstance(level, int) and not isinstance(level, bool) and 1 <= level <= 6 else 1
            source = "#" * depth + " " + " ".join(joined(source).splitlines())
        if cell_type in ("heading", "html", "text"):
            cell_type = "markdown"
    listed = [o for o in outputs if isinstance(o, dict)] if isinstance(outputs, list) else []
    return NotebookCell(
        index=number,
        cell_type=cell_type,
        source=joined(source),
        execution_count=count if isinstance(count, int) and not isinstance(count, bool) else None,
        outputs=listed if major == NBFORMAT else [_upgraded_output(output) for output in listed],
        metadata=metadata if isinstance(metadata, dict) else {},
    )


def _upgraded_output(output: dict[str, Any]) -> dict[str, Any]:
    """An nbformat 3 (or 2) output in the form of nbformat 4 (a new dict; the old one is kept)."""
    kind = output.get("output_type")
    if kind in ("pyout", "display_data"):
        upgraded: dict[str, Any] = {"output_type": _OLD_OUTPUT_TYPES.get(str(kind), kind)}
        upgraded["data"] = {
            _OLD_OUTPUT_KEYS[key]: value for key, value in output.items() if key in _OLD_OUTPUT_KEYS
        }
        if kind == "pyout":
            upgraded["execution_count"] = output.get("prompt_number")
        return upgraded
    if kind == "stream":
        return {**output, "name": output.get("stream", "stdout")}
    if kind == "pyerr":
        return {**output, "output_type": "error"}
    return output


def _upgraded_metadata(data: dict[str, Any], raw_cells: list[Any]) -> dict[str, Any]:
    """The metadata of an older notebook as nbformat 4 keeps it.

    Before nbformat 4 each code cell named its language (``"language": "python"``) instead
    of the notebook's metadata: when the code cells agree, that is the notebook's language.
    """
    meta = data.get("metadata")
    upgraded = dict(meta) if isinstance(meta, dict) else {}
    languages = {
        raw.get("language") for raw in raw_cells if isinstance(raw, dict) and raw.get("cell_type") == "code"
    }
    if len(languages) == 1 and "language_info" not in upgraded:
        (language,) = languages
        if isinstance(language, str) and language.strip():
            upgraded["language_info"] = {"name": language.strip()}
    return upgraded


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
