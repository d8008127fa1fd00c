"""What the rules see of a repository: its files, their text, and parsed config.

Everything is read at most once and lazily, and nothing here ever raises for a bad
file: binary, non-UTF-8, oversized, unreadable files and symlinks read as ``None``
text, and a config file that does not parse keeps its error message for the rule
that reports it.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oss_checks.errors import UserError

if TYPE_CHECKING:
    from oss_checks.config import Config

#: Files larger than this are never read as text (the large-file rule reports them).
MAX_READ_BYTES = 16 * 1024 * 1024
#: How much of a file is looked at to decide whether it is binary.
BINARY_SNIFF_BYTES = 8192

#: Folders that are never project content when walking a folder that is not a git repo.
WALK_SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".nox",
        ".tox",
        "node_modules",
        "__pycache__",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        ".hypothesis",
        ".ipynb_checkpoints",
        "build",
        "dist",
        "site",
        "_build",
        "htmlcov",
    }
)

RECORD_FILE = ".oss-template.json"

#: Top-level folders that never hold the project's importable packages.
NOT_SOURCE_ROOTS = frozenset(
    {"tests", "test", "testing", "docs", "doc", "examples", "scripts", "benchmarks", "notebooks", "hooks"}
)


@dataclass
class SourceFile:
    """One file of the repository, named by its repo-relative POSIX path."""

    repo: Repo
    path: str
    tracked: bool = True

    # Plain string operations: these run for every rule on every file, and building
    # PurePosixPath objects each time was the largest cost of a whole-repository run.
    @cached_property
    def name(self) -> str:
        return self.path.rpartition("/")[2]

    @cached_property
    def suffix(self) -> str:
        stem, dot, extension = self.name.lstrip(".").rpartition(".")
        return f".{extension.lower()}" if dot and stem else ""

    @cached_property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.path.split("/"))

    @property
    def absolute(self) -> Path:
        return self.repo.root / self.path

    @property
    def text(self) -> str | None:
        return self.repo.read_text(self.path)

    @property
    def size(self) -> int:
        return self.repo.size(self.path)


@dataclass
class NotebookCell:
    index: int  # 1-based, as people count cells
    cell_type: str
    source: str
    execution_count: int | None
    outputs: list[dict[str, Any]]


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


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else ""


def parse_notebook(path: str, text: str | None) -> Notebook:
    """Parse a notebook leniently: problems become ``error``, never exceptions."""
    if text is None:
        return Notebook(path, {}, "cannot be read as UTF-8 text (binary, too large or unreadable)")
    if not text.strip():
        return Notebook(path, {}, "is empty")
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        return Notebook(path, {}, f"is not valid JSON: {reason}{where}")
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
        cells.append(
            NotebookCell(
                index=number,
                cell_type=str(raw.get("cell_type", "")),
                source=_joined(raw.get("source", "")),
                execution_count=count if isinstance(count, int) and not isinstance(count, bool) else None,
                outputs=[o for o in outputs if isinstance(o, dict)] if isinstance(outputs, list) else [],
            )
        )
    return Notebook(path, data, None, cells)


def output_text(output: dict[str, Any]) -> str:
    """The human-readable text of one notebook output (stream, result, error)."""
    parts = [_joined(output.get("text", ""))]
    data = output.get("data")
    if isinstance(data, dict):
        parts.append(_joined(data.get("text/plain", "")))
    if output.get("output_type") == "error":
        parts.append(_joined(output.get("evalue", "")))
        traceback = output.get("traceback")
        if isinstance(traceback, list):
            parts.extend(str(line) for line in traceback)
    return "\n".join(part for part in parts if part)


class RepoError(UserError):
    """A problem with the repository as a whole: reported as one line, exit code 2."""


class Repo:
    """A repository (or plain folder) as the rules see it."""

    def __init__(self, root: Path, config: Config | None = None, only: Iterable[str] | None = None):
        self.root = root.resolve()
        if not self.root.is_dir():
            raise RepoError(f"{root} is not a folder")
        self._config = config
        self._only = None if only is None else list(only)
        self._text: dict[str, str | None] = {}
        self._sizes: dict[str, int] = {}
        self._stats: dict[str, os.stat_result | None] = {}
        self._notebooks: dict[str, Notebook] = {}

    # -- files ------------------------------------------------------------------------
    @cached_property
    def is_git(self) -> bool:
        return (self.root / ".git").exists() and self.git("rev-parse", "--git-dir") is not None

    def git(self, *args: str, stdin: str | None = None, ok: tuple[int, ...] = (0,)) -> str | None:
        """Run git in the repository: its output, or None when git fails or is missing."""
        return run_git(self.root, *args, stdin=stdin, ok=ok)

    @cached_property
    def _listing(self) -> dict[str, str]:
        """Every candidate file mapped to its git status tag (H tracked, ? untracked, M unmerged)."""
        if self._only is not None:
            return dict.fromkeys(self._only, "H")
        if self.is_git:
            out = self.git("ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard")
            if out is not None:
                listing: dict[str, str] = {}
                for entry in out.split("\0"):
                    if len(entry) > 2:
                        tag, path = entry[0], entry[2:]
                        # An unmerged path appears once per stage; keep the strongest tag.
                        if listing.get(path) != "M":
                            listing[path] = tag
                return listing
        return dict.fromkeys(self._walk(), "H")

    def _walk(self) -> Iterator[str]:
        for folder, dirs, files in os.walk(self.root, followlinks=False):
            dirs[:] = sorted(d for d in dirs if d not in WALK_SKIP_DIRS and not d.endswith(".egg-info"))
            rel = Path(folder).relative_to(self.root)
            for name in sorted(files):
                yield (rel / name).as_posix()

    @cached_property
    def paths(self) -> list[str]:
        """Every file that exists in the work tree, tracked or about to be, sorted."""
        return sorted(p for p in self._listing if self._lstat(p) is not None)

    @cached_property
    def path_set(self) -> frozenset[str]:
        return frozenset(self.paths)

    @property
    def files(self) -> Iterator[SourceFile]:
        for path in self.paths:
            yield SourceFile(self, path, tracked=self._listing.get(path) != "?")

    def file(self, path: str) -> SourceFile:
        return SourceFile(self, path, tracked=self._listing.get(path) != "?")

    @cached_property
    def unmerged(self) -> list[str]:
        return sorted(p for p, tag in self._listing.items() if tag == "M")

    def exists(self, path: str) -> bool:
        return path in self.path_set or os.path.isfile(os.path.join(self.root, path))

    def dir_exists(self, path: str) -> bool:
        return (self.root / path).is_dir()

    def find(self, *candidates: str) -> str | None:
        """The first candidate name that exists, compared without regard to case."""
        lowered = {p.lower(): p for p in self.paths if "/" not in p}
        for candidate in candidates:
            if "/" in candidate:
                if self.exists(candidate):
                    return candidate
            elif candidate.lower() in lowered:
                return lowered[candidate.lower()]
        return None

    def is_ignored(self, path: str) -> bool | None:
        """Whether git ignores ``path``; None when this is not a git repository."""
        if not self.is_git:
            return None
        return self.git("check-ignore", "-q", "--no-index", path) is not None

    # -- contents ---------------------------------------------------------------------
    def _lstat(self, path: str) -> os.stat_result | None:
        if path not in self._stats:
            try:
                self._stats[path] = os.lstat(os.path.join(self.root, path))
            except (OSError, ValueError):
                self._stats[path] = None
        return self._stats[path]

    def size(self, path: str) -> int:
        if path not in self._sizes:
            info = self._lstat(path)
            self._sizes[path] = info.st_size if info is not None and stat.S_ISREG(info.st_mode) else 0
        return self._sizes[path]

    def is_symlink(self, path: str) -> bool:
        info = self._lstat(path)
        return info is not None and stat.S_ISLNK(info.st_mode)

    def read_bytes(self, path: str, limit: int = MAX_READ_BYTES) -> bytes | None:
        """The file's bytes, or None for a symlink, a non-regular or oversized or unreadable file."""
        info = self._lstat(path)
        if info is None or not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        try:
            with open(os.path.join(self.root, path), "rb") as handle:
                return handle.read(limit + 1)[:limit]
        except OSError:
            return None

    def contains(self, path: str, needle: str) -> bool:
        """Whether the file holds ``needle``, from the cached text when a rule already read it."""
        if path in self._text:
            cached = self._text[path]
            return cached is not None and needle in cached
        raw = self.read_bytes(path)
        return raw is not None and needle.encode("utf-8") in raw

    def read_text(self, path: str) -> str | None:
        """The file's text, or None when it is binary, not UTF-8, too large or unreadable."""
        if path not in self._text:
            raw = self.read_bytes(path)
            text: str | None = None
            if raw is not None and b"\0" not in raw[:BINARY_SNIFF_BYTES]:
                try:
                    text = raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    text = None
            self._text[path] = text
        return self._text[path]

    def notebook(self, path: str) -> Notebook:
        if path not in self._notebooks:
            self._notebooks[path] = parse_notebook(path, self.read_text(path))
        return self._notebooks[path]

    # -- parsed configuration -----------------------------------------------------------
    @cached_property
    def _pyproject(self) -> tuple[dict[str, Any] | None, str | None]:
        if not (self.root / "pyproject.toml").is_file():
            return None, None
        return parse_toml(self.read_text("pyproject.toml"))

    @property
    def pyproject(self) -> dict[str, Any] | None:
        """The parsed pyproject.toml, or None when it is missing or does not parse."""
        return self._pyproject[0]

    @property
    def pyproject_error(self) -> str | None:
        return self._pyproject[1]

    @property
    def project(self) -> dict[str, Any]:
        table = (self.pyproject or {}).get("project")
        return table if isinstance(table, dict) else {}

    @cached_property
    def record(self) -> dict[str, Any] | None:
        """The template record (``.oss-template.json``) if it exists and parses."""
        text = self.read_text(RECORD_FILE)
        if text is None:
            return None
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return None
        return data if isinstance(data, dict) else None

    @property
    def answers(self) -> dict[str, Any]:
        answers = (self.record or {}).get("answers")
        return answers if isinstance(answers, dict) else {}

    @cached_property
    def project_type(self) -> str:
        """``analysis`` or ``library``: from the config, else the template record, else the tree."""
        configured = self.config.project_type
        if configured:
            return configured
        recorded = self.answers.get("project_type")
        if recorded in ("analysis", "library"):
            return str(recorded)
        return "analysis" if self.dir_exists("notebooks") else "library"

    @property
    def config(self) -> Config:
        if self._config is None:
            from oss_checks.config import load_config

            self._config = load_config(self)
        return self._config

    @cached_property
    def package_dirs(self) -> list[str]:
        """Import packages of the project: ``src/<pkg>``, ``<source root>/<pkg>`` or flat ``<pkg>``.

        A source root is a top-level folder that is not itself a package (``src``, ``lib``,
        ``checks`` ...); folders of tests, docs and examples never hold the project's packages.
        """
        found = []
        for path in self.paths:
            parts = path.split("/")
            if parts[-1] != "__init__.py" or parts[0] in NOT_SOURCE_ROOTS or parts[0][:1] in ".{":
                continue
            if len(parts) == 3 and f"{parts[0]}/__init__.py" not in self.path_set:
                found.append("/".join(parts[:2]))
            elif len(parts) == 2:
                found.append(parts[0])
        return sorted(found)


def run_git(folder: Path, *args: str, stdin: str | None = None, ok: tuple[int, ...] = (0,)) -> str | None:
    """Run git in ``folder``: its output, or None when git fails (exit code not in ``ok``) or is missing."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError:
        return None
    return done.stdout if done.returncode in ok else None


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
