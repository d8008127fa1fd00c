"""Notebook helpers shared by the notebook and the data rules."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from oss_checks.formats import Notebook, NotebookCell, output_text
from oss_checks.globs import match_name
from oss_checks.patterns import lazy
from oss_checks.text.layout import in_presentation_folder

if TYPE_CHECKING:
    from oss_checks.context import Repo, SourceFile

NOTEBOOK_SUFFIX = ".ipynb"
#: The start of the error of a notebook too large to read (``Repo.notebook`` reads up to
#: 100 MB, GitHub's largest file): OSS403 reports its size.
TOO_LARGE = "is too large to check"

#: Terminal colour codes: tracebacks in outputs are full of them and they hide what follows.
_ANSI = lazy(r"\x1b\[[0-9;?]*[A-Za-z]")
_NEWLINE = lazy(r"\n")


def read_notebook(repo: Repo, path: str) -> Notebook:
    """The notebook as parsed once per repository (valid ones are read up to 100 MB)."""
    return repo.notebook(path)


def valid_notebook(repo: Repo, file: SourceFile) -> Notebook | None:
    """The parsed notebook, or None when it cannot be read (OSS301 reports that) or is a
    symbolic link: git stores a link's target name, and the notebook is checked where it lives."""
    if repo.is_symlink(file.path):
        return None
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


#: The cells that start a slide in a slide show (Jupyter's "Slide Type" in the cell toolbar).
_SLIDE_STARTS = frozenset({"slide", "subslide"})


def is_slideshow(notebook: Notebook) -> bool:
    """Whether the notebook is a slide deck: RISE settings, or cells that start slides.

    One cell marked by chance is no deck; two slides are.
    """
    if isinstance(notebook.metadata.get("rise"), dict):
        return True
    slides = 0
    for cell in notebook.cells:
        show = cell.metadata.get("slideshow")
        if isinstance(show, dict) and show.get("slide_type") in _SLIDE_STARTS:
            slides += 1
            if slides >= 2:
                return True
    return False


def is_presentation(path: str, notebook: Notebook) -> bool:
    """Whether the notebook is shown to an audience: a slide deck, or kept with a talk's slides."""
    return in_presentation_folder(path) or is_slideshow(notebook)
