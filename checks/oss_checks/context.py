"""What the rules see of a repository: its files, their text, and files parsed once.

``Repo`` holds plain facts and no settings: the engine reads the configuration and
builds the repository with what it needs (which files, a declared project type).
Everything is read at most once and lazily, and nothing here ever raises for a bad
file: binary, non-UTF-8, oversized, unreadable files and files reached through a
symlinked folder read as ``None``, and a file that does not parse keeps its one-line
error for the rule that reports it. A symbolic link reads as the file it leads to when
that is a regular file inside the repository, reached only through real folders of it
(a README kept as a link to the docs' index); any other link reads as ``None``.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from oss_checks import git
from oss_checks.errors import RepoError
from oss_checks.formats import Notebook, YamlFile, parse_notebook, parse_toml, parse_yaml
from oss_checks.record import RECORD_FILE, ParsedRecord, Record, parse_record

#: Files larger than this are never read as text (the large-file rule reports them).
MAX_READ_BYTES = 16 * 1024 * 1024
#: A notebook is read up to this size (GitHub's largest file): outputs make valid notebooks big,
#: and the credential rule must still see them. Its text is parsed, not kept.
MAX_NOTEBOOK_BYTES = 100 * 1024 * 1024
#: The top-level folders of a cookiecutter-data-science project, and how many make the layout.
CCDS_FOLDERS = ("data", "models", "notebooks", "reports", "references")
CCDS_FOLDERS_NEEDED = 3
#: How much of a file is looked at to decide whether it is binary.
BINARY_SNIFF_BYTES = 8192
#: How many symbolic links one read follows at most (Linux's own limit for one path).
MAX_LINK_HOPS = 40

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

#: Top-level folders that never hold the project's importable packages.
NOT_SOURCE_ROOTS = frozenset(
    {
        "tests",
        "test",
        "testing",
        "docs",
        "doc",
        "examples",
        "scripts",
        "benchmarks",
        "notebooks",
        "hooks",
        "archive",
    }
)

T = TypeVar("T")


class SourceFile:
    """One file of the repository, named by its repo-relative POSIX path."""

    def __init__(self, repo: Repo, path: str, tracked: bool = True) -> None:
        self.repo = repo
        self.path = path
        self.tracked = tracked

    def __repr__(self) -> str:
        return f"SourceFile({self.path!r}, tracked={self.tracked})"

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


def is_virtualenv(folder: str) -> bool:
    """Whether ``folder`` is a virtual environment, whatever it is called."""
    return os.path.isfile(os.path.join(folder, "pyvenv.cfg"))


#: How long git may walk the history for :meth:`Repo.unchanged_since`; beyond it, every
#: file counts as worked on (a repository's timestamps are its own, and may be hostile).
_HISTORY_SECONDS = 10.0


class Repo:
    """A repository (or plain folder) as the rules see it.

    ``only`` restricts the files to the given ones (the per-file hook's staged files);
    ``project_type`` is the type the configuration declares, if it declares one;
    ``adopted`` says the configuration adopts the conventions (a template record also does).
    """

    def __init__(
        self,
        root: Path,
        *,
        only: Iterable[str] | None = None,
        project_type: str | None = None,
        adopted: bool = False,
    ):
        self.root = root.resolve()
        if not self.root.is_dir():
            raise RepoError(f"{root} is not a folder")
        git.new_view(self.root)
        self._only = None if only is None else list(only)
        self._declared_type = project_type
        self._declared_adoption = adopted
        self._text: dict[str, str | None] = {}
        self._stats: dict[str, os.stat_result | None] = {}
        self._link_targets: dict[str, str | None] = {}
        self._real_folders: dict[str, bool] = {"": True}
        self._memo: dict[Hashable, Any] = {}

    def declare(self, *, project_type: str | None, adopted: bool) -> None:
        """What the configuration says about the project, set once it is loaded (before any rule reads it)."""
        if "adopted" in self.__dict__ or "project_type_evidence" in self.__dict__:
            raise RuntimeError("declare() comes before anything reads the project type or adoption")
        self._declared_type = project_type
        self._declared_adoption = adopted

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()`` once per repository and key: how rules share what they parsed."""
        if key not in self._memo:
            self._memo[key] = compute()
        result: T = self._memo[key]
        return result

    # -- files ------------------------------------------------------------------------
    @cached_property
    def is_git(self) -> bool:
        return os.path.lexists(self.root / ".git") and git.top_level(self.root) is not None

    @cached_property
    def is_shallow(self) -> bool | None:
        """Whether the clone's history is shallow (it cannot say when a file was added); None
        outside git or when git cannot say."""
        return git.is_shallow(self.root) if self.is_git else None

    @cached_property
    def has_commit(self) -> bool | None:
        """Whether HEAD names a commit (a fresh ``git init`` has none, and no history to ask
        about); None outside git or when git cannot say."""
        return git.has_commit(self.root) if self.is_git else None

    def git(self, *args: str, stdin: bytes | None = None, ok: tuple[int, ...] = (0,)) -> bytes | None:
        """Run git in the repository (see :mod:`oss_checks.git`): its output, or None."""
        return git.run_git(self.root, *args, stdin=stdin, ok=ok)

    def unchanged_since(self, paths: Iterable[str], since: float) -> frozenset[str]:
        """Those of the tracked ``paths`` that no commit since ``since`` (a Unix time) touched
        and that are as the last commit has them: files nobody is working on.

        Empty where git cannot tell: no git, no commit yet, a path git cannot be asked about
        on a line of its own, or a history git does not walk in time. A file being changed
        (staged or not) is never among them, so the per-file hook's files are not either.
        """
        if since <= 0 or self.has_commit is False:
            return frozenset()
        changing = self._being_changed()
        if changing is None:
            return frozenset()
        asked = {path for path in paths if path in self.path_set and "\n" not in path} - changing
        if not asked:
            return frozenset()
        # Paths on standard input, read literally: a name like "*.csv" or ":(glob)x" is that file.
        listing = "".join(f"{path}\n" for path in sorted(asked))
        touched = git.run_git(
            self.root,
            "--literal-pathspecs",
            "log",
            f"--max-age={int(since)}",
            "--format=",
            "--name-only",
            "-z",
            "--relative",
            "--no-renames",
            "--stdin",
            stdin=("--\n" + listing).encode("utf-8", "surrogateescape"),
            timeout=_HISTORY_SECONDS,
        )
        if touched is None:
            return frozenset()
        return frozenset(asked - {entry.lstrip("\n") for entry in git.nul_separated(touched)})

    def dormant_since(self, since: float) -> str | None:
        """The day of the last commit (``YYYY-MM-DD``) when it is older than ``since`` (a Unix
        time) and nothing is being changed: a repository nobody works on. Else None."""
        # Each answer can make the other unneeded. The files of a per-file run are usually
        # being changed (staged), so that git status answers alone; a whole repository often
        # has a recent commit, or none, and then git log answers alone.
        if self.has_commit is False:
            return None
        if self._only is not None:
            changing = self._being_changed()
            if changing is None or changing:
                return None
        last = self._last_commit()
        if last is None or last >= since:
            return None
        changing = self._being_changed()
        if changing is None or changing:
            return None
        return time.strftime("%Y-%m-%d", time.gmtime(last))

    def _last_commit(self) -> int | None:
        """When the last commit was made (a Unix time); None when git cannot say (no git, no
        commit yet). Asked once a run."""
        return self.memo("last-commit", self._ask_last_commit)

    def _ask_last_commit(self) -> int | None:
        if not self._git_at_root() or self.has_commit is False:
            return None
        try:
            return int(self.git("log", "-1", "--format=%ct", "HEAD", "--") or b"")
        except ValueError:
            return None  # no commit yet

    def _being_changed(self) -> set[str] | None:
        """The tracked files that differ from the last commit, staged or not; None when git
        cannot say. Asked once a run."""
        return self.memo("being-changed", self._ask_being_changed)

    def _ask_being_changed(self) -> set[str] | None:
        # `git status` compares contents where the index's file times are stale, as in a fresh
        # copy of a checkout: `diff-index` calls every such file changed, and `git diff` can
        # crash on a snapshot missing blobs.
        if not self._git_at_root():
            return None
        status = self.git(
            "status", "--porcelain", "-z", "--untracked-files=no", "--no-renames", "--ignore-submodules"
        )
        if status is None:
            return None
        # Porcelain paths are relative to the top of the work tree, which is the root here.
        return {entry[3:] for entry in git.nul_separated(status) if len(entry) > 3}

    def _git_at_root(self) -> bool:
        """Whether this is a git work tree whose top is the root (else git's paths are not ours)."""
        if not self.is_git:
            return False
        top = git.top_level(self.root)
        return top is not None and top.resolve() == self.root

    @cached_property
    def walked(self) -> bool:
        """Whether the files were found by walking the folder (it is not a git work tree)."""
        return self._only is None and self._git_listing is None

    @cached_property
    def _git_listing(self) -> dict[str, str] | None:
        if not self.is_git:
            return None
        output = self.git("ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard")
        if output is None:
            return None
        listing: dict[str, str] = {}
        for entry in git.nul_separated(output):
            if len(entry) > 2:
                tag, path = entry[0], entry[2:]
                # An unmerged path appears once per stage; keep the strongest tag.
                if listing.get(path) != "M":
                    listing[path] = tag
        return listing

    @property
    def tracks_nothing(self) -> bool:
        """Whether git's listing of the files shows none in the index (a fresh ``git init``):
        asking git about tracked files then tells nothing new."""
        listing = self._git_listing
        return listing is not None and all(tag == "?" for tag in listing.values())

    @cached_property
    def _listing(self) -> dict[str, str]:
        """Every candidate file mapped to its git status tag (H tracked, ? untracked, M unmerged)."""
        if self._only is not None:
            return dict.fromkeys(self._only, "H")
        if self._git_listing is not None:
            return self._git_listing
        return dict.fromkeys(self._walk(), "H")

    def _walk(self) -> Iterator[str]:
        for folder, dirs, files in os.walk(self.root, followlinks=False):
            dirs[:] = sorted(
                d
                for d in dirs
                if d not in WALK_SKIP_DIRS
                and not d.endswith(".egg-info")
                and not is_virtualenv(os.path.join(folder, d))
            )
            rel = os.path.relpath(folder, self.root)
            prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
            for name in sorted(files):
                yield prefix + name

    @cached_property
    def paths(self) -> list[str]:
        """Every file that exists in the work tree, tracked or about to be, sorted."""
        return sorted(p for p in self._listing if self._lstat(p) is not None)

    @cached_property
    def every_path(self) -> list[str]:
        """Every file of the work tree, also those a run restricted to some files (the per-file
        hook's staged ones) does not list: for what holds of the whole repository."""
        if self._only is None:
            return self.paths
        listing = self._git_listing
        names = listing if listing is not None else dict.fromkeys(self._walk(), "H")
        return sorted(path for path in names if self._lstat(path) is not None)

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
        """Whether ``path`` is a file of the repository (a symlink counts, a folder does not)."""
        if path in self.path_set:
            return True
        info = self._lstat(path)
        return info is not None and not stat.S_ISDIR(info.st_mode)

    def dir_exists(self, path: str) -> bool:
        """Whether ``path`` is a real folder inside the repository (not a symlink to one)."""
        info = self._lstat(path.rstrip("/"))
        return info is not None and stat.S_ISDIR(info.st_mode)

    @cached_property
    def _lowered(self) -> dict[str, str]:
        lowered: dict[str, str] = {}
        for path in self.paths:
            lowered.setdefault(path.lower(), path)
        return lowered

    def find(self, *candidates: str) -> str | None:
        """The first candidate present in the repository, compared without regard to case."""
        lowered = self._lowered
        for candidate in candidates:
            found = lowered.get(candidate.lower())
            if found is not None:
                return found
        for candidate in candidates:
            # A file the listing does not know (e.g. a run restricted to some files) still counts.
            found = self._on_disk_ignoring_case(candidate)
            if found is not None:
                return found
        return None

    def _on_disk_ignoring_case(self, candidate: str) -> str | None:
        """``candidate`` as the disk spells it (``readme.md`` for ``README.md``), if it is a file."""
        if self.exists(candidate):
            return candidate
        folder, _, name = candidate.rpartition("/")
        if folder and not self.dir_exists(folder):
            return None
        spelled = self.memo(("names-in-folder", folder), lambda: self._names_in(folder)).get(name.lower())
        if spelled is None:
            return None
        found = f"{folder}/{spelled}" if folder else spelled
        return found if self.exists(found) else None

    def files_in(self, folder: str) -> list[str]:
        """The files of a real folder of the repository as the disk has them, sorted: also those
        a run restricted to some files (the per-file hook's staged ones) does not list."""
        if not self.dir_exists(folder):
            return []
        names = self.memo(("names-in-folder", folder), lambda: self._names_in(folder)).values()
        return sorted(path for name in names if self.exists(path := f"{folder}/{name}"))

    def _names_in(self, folder: str) -> dict[str, str]:
        """The entries of a real folder of the repository, by their lower-cased names."""
        try:
            entries = os.listdir(os.path.join(self.root, folder))
        except (OSError, ValueError):
            entries = []
        names: dict[str, str] = {}
        for entry in entries:
            names.setdefault(entry.lower(), entry)
        return names

    def is_ignored(self, path: str) -> bool | None:
        """Whether git ignores ``path``; None when this is not a git repository."""
        if not self.is_git:
            return None
        return self.git("check-ignore", "-q", "--no-index", "--", git.as_path(path)) is not None

    # -- contents ---------------------------------------------------------------------
    def _real_folder(self, folder: str) -> bool:
        """Whether ``folder`` (repo-relative) and each folder above it are real folders."""
        # A loop, not recursion: a file thousands of folders deep must not exhaust the stack.
        unknown = []
        nearest = folder
        while nearest not in self._real_folders:
            unknown.append(nearest)
            nearest = nearest.rpartition("/")[0]
        known = self._real_folders[nearest]
        for below in reversed(unknown):
            if known:
                try:
                    known = stat.S_ISDIR(os.lstat(os.path.join(self.root, below)).st_mode)
                except (OSError, ValueError):
                    known = False
            self._real_folders[below] = known
        return known

    def _lstat(self, path: str) -> os.stat_result | None:
        if path not in self._stats:
            info: os.stat_result | None = None
            inside = bool(path) and not path.startswith("/") and ".." not in path.split("/")
            if inside and self._real_folder(path.rpartition("/")[0]):
                try:
                    info = os.lstat(os.path.join(self.root, path))
                except (OSError, ValueError):
                    info = None
            self._stats[path] = info
        return self._stats[path]

    def size(self, path: str) -> int:
        """The size git stores for ``path``: a symbolic link's own, which is no file's content."""
        info = self._lstat(path)
        return info.st_size if info is not None and stat.S_ISREG(info.st_mode) else 0

    def content_size(self, path: str) -> int:
        """The size of what reading ``path`` reads: for a symbolic link, the file it leads to."""
        return self.size(self.content_path(path) or path)

    def content_path(self, path: str) -> str | None:
        """Where the content of ``path`` lives: itself, a link's target, or None for a link to nowhere."""
        return self.link_target(path) if self.is_symlink(path) else path

    def is_symlink(self, path: str) -> bool:
        info = self._lstat(path)
        return info is not None and stat.S_ISLNK(info.st_mode)

    def link_target(self, path: str) -> str | None:
        """The regular file of the repository a symbolic link at ``path`` leads to, or None.

        Each hop is resolved by hand, never by the system: a link whose text is absolute,
        climbs above the root, passes through a folder that is itself a link, leads to a
        folder, a device or a pipe, dangles, or loops leads nowhere, so nothing outside the
        repository is ever read through it.
        """
        if path not in self._link_targets:
            self._link_targets[path] = self._resolve_link(path)
        return self._link_targets[path]

    def _resolve_link(self, path: str) -> str | None:
        current = path
        for _ in range(MAX_LINK_HOPS):
            info = self._lstat(current)
            if info is None:
                return None
            if stat.S_ISREG(info.st_mode):
                # Only a file the repository lists: never git's own files or an ignored one.
                return current if current != path and current in self.path_set else None
            if not stat.S_ISLNK(info.st_mode):
                return None
            try:
                text = os.readlink(os.path.join(self.root, current))
            except (OSError, ValueError):
                return None
            names = text.replace(os.sep, "/").split("/")
            if (
                not text
                or os.path.isabs(text)
                or text.startswith("/")
                or (os.name == "nt" and ":" in names[0])
            ):
                return None  # absolute, or a drive on Windows
            folders = current.split("/")[:-1]
            for name in names[:-1]:
                if name == "..":
                    if not folders:
                        return None  # above the root
                    folders.pop()
                elif name not in ("", "."):
                    if name.casefold() == ".git":
                        return None  # git's own files (its config, its credentials) are not the project's
                    folders.append(name)
                    # ".." after a symlinked folder would not undo it: only real folders are crossed.
                    if not self._real_folder("/".join(folders)):
                        return None
            last = names[-1]
            if last in ("", ".", ".."):
                return None  # a folder
            current = "/".join([*folders, last])
        return None  # a loop, or a chain longer than the system would follow

    def read_bytes(self, path: str, limit: int = MAX_READ_BYTES) -> bytes | None:
        """The file's bytes, or None for a non-regular or oversized or unreadable file.

        A symbolic link reads as the repository file it leads to (see :meth:`link_target`).
        """
        info = self._lstat(path)
        if info is not None and stat.S_ISLNK(info.st_mode):
            target = self.link_target(path)
            info = None if target is None else self._lstat(target)
            path = target or path
        if info is None or not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        try:
            # A file swapped since it was inspected: O_NOFOLLOW does not follow a new symlink,
            # O_NONBLOCK does not wait on a new pipe, and what was opened is checked again.
            flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
            fd = os.open(os.path.join(self.root, path), flags)
            with os.fdopen(fd, "rb") as handle:
                opened = os.fstat(handle.fileno())
                if not stat.S_ISREG(opened.st_mode) or opened.st_size > limit:
                    return None
                return handle.read(limit + 1)[:limit]
        except (OSError, ValueError):
            return None

    def contains(self, path: str, needle: str) -> bool:
        """Whether the file holds ``needle``, from the cached text when a rule already read it."""
        key = self.content_path(path) or path
        if key in self._text:
            cached = self._text[key]
            return cached is not None and needle in cached
        raw = self.read_bytes(path)
        return raw is not None and needle.encode("utf-8") in raw

    def read_text(self, path: str) -> str | None:
        """The file's text, or None when it is binary, not UTF-8, too large or unreadable."""
        # Keyed by where the content lives: a hundred links to one file hold one copy of it.
        key = self.content_path(path) or path
        if key not in self._text:
            raw = self.read_bytes(path)
            text: str | None = None
            if raw is not None and b"\0" not in raw[:BINARY_SNIFF_BYTES]:
                try:
                    text = raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    text = None
            self._text[key] = text
        return self._text[key]

    def notebook(self, path: str) -> Notebook:
        return self.memo(("notebook", path), lambda: self._parse_notebook(path))

    def _parse_notebook(self, path: str) -> Notebook:
        size = self.content_size(path)
        if size > MAX_NOTEBOOK_BYTES:
            return Notebook(path, {}, f"is too large to check ({size / (1024 * 1024):.0f} MB)")
        return parse_notebook(path, self._notebook_text(path))

    def _notebook_text(self, path: str) -> str | None:
        if self.content_size(path) <= MAX_READ_BYTES:
            return self.read_text(path)
        raw = self.read_bytes(path, limit=MAX_NOTEBOOK_BYTES)
        if raw is None or b"\0" in raw[:BINARY_SNIFF_BYTES]:
            return None
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None

    def yaml(self, path: str) -> YamlFile:
        return self.memo(("yaml", path), lambda: parse_yaml(path, self.read_text(path)))

    # -- what the repository says about itself -------------------------------------------
    @cached_property
    def parsed_pyproject(self) -> tuple[dict[str, Any] | None, str | None]:
        """``pyproject.toml`` as (data, None), (None, its one-line error), or (None, None) when missing."""
        if not self.exists("pyproject.toml"):
            return None, None
        return parse_toml(self.read_text("pyproject.toml"))

    @property
    def pyproject(self) -> dict[str, Any] | None:
        """The parsed pyproject.toml, or None when it is missing or does not parse."""
        return self.parsed_pyproject[0]

    @property
    def pyproject_error(self) -> str | None:
        return self.parsed_pyproject[1]

    @property
    def project(self) -> dict[str, Any]:
        table = (self.pyproject or {}).get("project")
        return table if isinstance(table, dict) else {}

    @cached_property
    def parsed_record(self) -> ParsedRecord | None:
        """The template record judged once, or None when there is no record file."""
        if not self.exists(RECORD_FILE):
            return None
        return parse_record(self.read_text(RECORD_FILE))

    @property
    def record(self) -> Record | None:
        """The template record when it exists and has the right shape."""
        parsed = self.parsed_record
        return parsed.record if parsed is not None else None

    @property
    def answers(self) -> dict[str, Any]:
        """The recorded answers, also from a record whose other parts are wrong (OSS701 says what)."""
        parsed = self.parsed_record
        return parsed.answers if parsed is not None else {}

    @cached_property
    def adopted(self) -> bool:
        """Whether the repository adopted the conventions: a template record, or the configuration says so."""
        return self._declared_adoption or self.parsed_record is not None

    @property
    def project_type(self) -> str:
        """``analysis`` or ``library``: as declared, else from the template record, else the layout."""
        return self.project_type_evidence[0]

    @cached_property
    def project_type_evidence(self) -> tuple[str, str]:
        """The project type and why, in a few words ("declared in [tool.oss-checks]", "a DVC pipeline")."""
        if self._declared_type in ("analysis", "library"):
            return self._declared_type, "declared in [tool.oss-checks]"
        recorded = self.answers.get("project_type")
        if recorded in ("analysis", "library"):
            return str(recorded), "recorded by the template"
        return self._layout_type()

    def _top_folder(self, name: str) -> bool:
        prefix = name + "/"
        return self.dir_exists(name) or any(path.startswith(prefix) for path in self.paths)

    def _layout_type(self) -> tuple[str, str]:
        """The type the layout shows. A ``notebooks/`` folder is not enough: libraries keep demo
        notebooks and books are made of them; an analysis project shows its data pipeline."""
        if self.exists("dvc.yaml") or self.dir_exists(".dvc"):
            return "analysis", "a DVC pipeline"
        present = [name for name in CCDS_FOLDERS if self._top_folder(name)]
        if len(present) >= CCDS_FOLDERS_NEEDED:
            return "analysis", "the folders " + ", ".join(f"{name}/" for name in present)
        if self.exists("test_environment.py") and "notebooks" in present:
            return "analysis", "cookiecutter-data-science's test_environment.py"
        pyproject = self.pyproject or {}
        builds = (
            "build-system" in pyproject
            or "project" in pyproject
            or self.exists("setup.py")
            or self.exists("setup.cfg")
        )
        if self._top_folder("input") and not builds:
            return "analysis", "a competition's input/ folder"
        return "library", "no data pipeline in the layout"

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
