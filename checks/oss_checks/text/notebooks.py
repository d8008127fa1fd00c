"""Notebook helpers shared by the notebook and the data rules."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from oss_checks.context import BINARY_SNIFF_BYTES, MAX_READ_BYTES
from oss_checks.formats import Notebook, NotebookCell, output_text, parse_notebook
from oss_checks.globs import match_name

if TYPE_CHECKING:
    from oss_checks.context import Repo, SourceFile

NOTEBOOK_SUFFIX = ".ipynb"
#: Notebooks above the repository's read limit are still read up to this size: books keep
#: tens of megabytes of figures in their outputs, and GitHub refuses any file above 100 MB.
LARGEST_NOTEBOOK = 100 * 1024 * 1024
#: The start of the error of a notebook too large even for that: OSS403 reports its size.
TOO_LARGE = "is too large to check"

#: Terminal colour codes: tracebacks in outputs are full of them and they hide what follows.
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_NEWLINE = re.compile(r"\n")


def read_notebook(repo: Repo, path: str) -> Notebook:
    """The notebook as parsed once per repository, also when it is larger than the read limit.

    ``Repo.notebook`` reads no file above ``MAX_READ_BYTES``; a valid notebook that big is
    read here once more (up to ``LARGEST_NOTEBOOK``), so that no rule calls it broken and
    the credential and path rules still see it.
    """
    parsed = repo.notebook(path)
    if parsed.error is None or repo.size(path) <= MAX_READ_BYTES or repo.is_symlink(path):
        return parsed
    return repo.memo(("large-notebook", path), lambda: _parse_large(repo, path))


def _parse_large(repo: Repo, path: str) -> Notebook:
    size = repo.size(path)
    if size > LARGEST_NOTEBOOK:
        return Notebook(path, {}, f"{TOO_LARGE} ({size / (1024 * 1024):.0f} MB)")
    raw = repo.read_bytes(path, limit=size)
    text = None
    if raw is not None and b"\0" not in raw[:BINARY_SNIFF_BYTES]:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
    return parse_notebook(path, text)


def valid_notebook(repo: Repo, file: SourceFile) -> Notebook | None:
    """The parsed notebook, or None when it cannot be read (OSS301 reports that)."""
    notebook = read_notebook(repo, file.path)
    return None if notebook.error is not None else notebook


def output_block(cell: NotebookCell) -> str:
    """All text a cell's outputs show, colour codes removed, one output after the other.

    Lines are joined with ``\\n``; line numbers of output findings count lines in this text.
    Searching the whole block at once keeps long outputs cheap.
    """
    parts = []
    for output in cell.outputs:
        text = output_text(output)
        if text:
            parts.append("\n".join(_ANSI.sub("", text).splitlines()))
    return "\n".join(parts)


class TextPositions:
    """Turns offsets in a text into 1-based (line, column), indexing the lines only when asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def __call__(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0, *(match.end() for match in _NEWLINE.finditer(self.text))]
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def in_folders(path: str, folders: Iterable[str]) -> bool:
    """Whether ``path`` lies under one of ``folders`` (repo-relative; ``*`` matches one folder name)."""
    parts = path.split("/")[:-1]
    for folder in folders:
        wanted = [p for p in folder.strip().strip("/").split("/") if p]
        if (
            wanted
            and len(parts) >= len(wanted)
            and all(match_name(pattern, part) for part, pattern in zip(parts, wanted, strict=False))
        ):
            return True
    return False
