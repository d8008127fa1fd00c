"""Keeping a project in sync with the template: what differs, and a three-way update.

Both start from renders of the template with the answers in ``.oss-template.json``
(see :mod:`oss_checks.render`), all offline. :func:`differences` compares the managed
files with what the template bakes today. :func:`plan_update` moves a repository from
the render of its recorded version (the base) to the render of the new one: files the
user did not touch take the new version, edited ones are merged with ``git merge-file``
(conflict markers where both sides changed the same lines), and starter files the user
rewrote are left alone. Nothing in the repository is read or written through a
symlink, and a CRLF checkout is compared and merged in its own line endings.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from oss_checks.errors import TemplateError
from oss_checks.fixes import unsafe_reason, write_atomic
from oss_checks.globs import glob_match
from oss_checks.record import RECORD_FILE

#: The example code, tests, notebooks and folder READMEs users are expected to replace.
#: The template does not manage them. ``diff`` leaves them out unless ``--all`` is given.
#: ``update`` applies a template change to one only while the repository still has the
#: baked version, and never writes conflict markers into one.
STARTER_FILES = (
    "src/{package}/__init__.py",
    "src/{package}/metrics.py",
    "src/{package}/paths.py",
    "tests/test_metrics.py",
    "tests/test_paths.py",
    "notebooks/**",
    "data/**",
    "reports/**",
    "docs/**/*.md",
)
YOURS = "yours"


def tree(root: Path) -> dict[str, Path]:
    """Every file below ``root`` by its POSIX path, without the template record."""
    files: dict[str, Path] = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            if relative != RECORD_FILE:
                files[relative] = path
    return files


def is_starter(path: str, package: str) -> bool:
    return any(glob_match(pattern.format(package=package), path) for pattern in STARTER_FILES)


def read_inside(root: Path, relative: str) -> bytes | None:
    """A regular file's bytes below ``root``; None when it is missing, unsafe or unreadable."""
    if unsafe_reason(root, relative) is not None:
        return None
    try:
        fd = os.open(root / relative, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def as_text(data: bytes) -> str | None:
    if b"\0" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def line_endings_like(reference: bytes | None, content: bytes) -> bytes:
    """``content`` with CRLF line endings when ``reference`` (the file in the repository) uses them."""
    if reference is None or b"\r\n" not in reference or b"\0" in content:
        return content
    return content.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


# -- diff -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Difference:
    path: str
    #: The unified diff lines, or None when either side is binary.
    lines: tuple[str, ...] | None
    added: int = 0
    removed: int = 0
    missing_here: bool = False

    @property
    def stat(self) -> str:
        if self.lines is None:
            return "binary, differs"
        return f"+{self.added} -{self.removed}" + (" (missing here)" if self.missing_here else "")


def _unified(path: str, ours: bytes | None, theirs: bytes) -> Difference:
    import difflib

    theirs_text = as_text(theirs)
    ours_text = "" if ours is None else as_text(ours)
    if theirs_text is None or ours_text is None:
        return Difference(path, None)
    lines = []
    added = removed = 0
    for line in difflib.unified_diff(
        ours_text.splitlines(keepends=True),
        theirs_text.splitlines(keepends=True),
        fromfile="/dev/null" if ours is None else f"a/{path}",
        tofile=f"b/{path}",
    ):
        if line.startswith("+") and not line.startswith("+++"):
            added += 1
        elif line.startswith("-") and not line.startswith("---"):
            removed += 1
        # A patch marks a last line without a newline, so `git apply` can use the output.
        lines.append(line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n")
    return Difference(path, tuple(lines), added, removed, ours is None)


def differences(root: Path, baked: Path, package: str, *, starters: bool) -> list[Difference]:
    """How the files of ``root`` differ from the render ``baked``, path by path."""
    found = []
    for path, file in sorted(tree(baked).items()):
        if not starters and is_starter(path, package):
            continue
        ours = read_inside(root, path)
        theirs = line_endings_like(ours, file.read_bytes())
        if ours != theirs:
            found.append(_unified(path, ours, theirs))
    return found


# -- update: planning -----------------------------------------------------------------------------
@dataclass
class Change:
    """What ``update`` does to one path: ``action`` is one of the keys of ``ACTIONS``."""

    path: str
    action: str
    content: bytes | None = None
    executable: bool = False
    note: str = ""


ACTIONS = {
    "updated": "the template changed it and you had not: took the new version",
    "merged": "merged the template's changes with yours",
    "conflict": "your edits collide with the template's: resolve the conflict markers",
    "added": "new in this template version",
    "removed": "the template dropped it and you had not changed it",
    "kept": "left as it is",
}


def merge_file(ours: bytes, base: bytes, theirs: bytes, labels: tuple[str, str, str]) -> tuple[bytes, int]:
    """Three-way merge with ``git merge-file``: (merged bytes, number of conflicts)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="oss-template-merge-") as scratch:
        names = []
        for name, content in (("yours", ours), ("base", base), ("theirs", theirs)):
            (Path(scratch) / name).write_bytes(content)
            names.append(str(Path(scratch) / name))
        # Run in the scratch folder with no configuration of any repository in play.
        command = ["git", "merge-file", "-p", "-L", labels[0], "-L", labels[1], "-L", labels[2], *names]
        env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
        try:
            done = subprocess.run(command, capture_output=True, check=False, cwd=scratch, env=env)
        except OSError as exc:
            raise TemplateError(f"the update needs git on PATH: {exc}") from None
    if not 0 <= done.returncode < 128:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
        raise TemplateError(f"git merge-file failed: {reason}")
    return done.stdout, done.returncode


def plan_update(root: Path, base: Path, new: Path, package: str, versions: tuple[str, str]) -> list[Change]:
    """What updating ``root`` from the render ``base`` to the render ``new`` does, path by path."""
    base_files, new_files = tree(base), tree(new)
    labels = (YOURS, f"oss-template {versions[0]}", f"oss-template {versions[1]}")
    changes = []
    for path in sorted(set(base_files) | set(new_files)):
        old = base_files[path].read_bytes() if path in base_files else None
        fresh = new_files[path].read_bytes() if path in new_files else None
        if old == fresh:
            continue  # the template did not change it: whatever the repository has stays
        reason = unsafe_reason(root, path)
        if reason is not None:
            changes.append(
                Change(path, "kept", note=f"not a regular file here (a symlink or a folder): it {reason}")
            )
            continue
        target = root / path
        ours = read_inside(root, path)
        if ours is None and os.path.lexists(target):
            changes.append(Change(path, "kept", note="cannot be read here"))
            continue
        # A checkout with CRLF endings (git's autocrlf on Windows) is compared and merged in its
        # own line endings, or every line would look changed.
        old = line_endings_like(ours, old) if old is not None else None
        fresh = line_endings_like(ours, fresh) if fresh is not None else None
        if ours == fresh:
            continue
        starter = is_starter(path, package)
        if fresh is None:
            if ours is not None and ours == old:
                changes.append(Change(path, "removed"))
            elif ours is not None:
                changes.append(Change(path, "kept", note="the template dropped it, but you changed it"))
        elif ours is None:
            if old is None:
                executable = bool(new_files[path].stat().st_mode & 0o111)
                changes.append(Change(path, "added", fresh, executable=executable))
            else:
                changes.append(Change(path, "kept", note="deleted here on purpose: not re-created"))
        elif ours == old:
            changes.append(Change(path, "updated", fresh))
        elif starter:
            changes.append(
                Change(path, "kept", note="a starter file you changed: compare with `oss-checks diff --all`")
            )
        elif any(content is not None and as_text(content) is None for content in (old, fresh, ours)):
            changes.append(
                Change(path, "kept", note="binary, changed both here and in the template: merge it by hand")
            )
        else:
            merged, conflicts = merge_file(ours, old or b"", fresh, labels)
            if conflicts:
                plural = "s" if conflicts != 1 else ""
                changes.append(Change(path, "conflict", merged, note=f"{conflicts} conflict{plural}"))
            else:
                changes.append(Change(path, "merged", merged))
    return changes


def apply(root: Path, changes: Iterable[Change]) -> None:
    """Write the planned changes (``OSError`` when a path became unsafe since planning)."""
    for change in changes:
        target = root / change.path
        if change.action == "removed":
            reason = unsafe_reason(root, change.path)
            if reason is not None:
                raise OSError(f"{change.path} {reason}: not removed")
            target.unlink()
            folder = target.parent
            while (
                folder != root and folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir())
            ):
                folder.rmdir()
                folder = folder.parent
        elif change.content is not None:
            write_atomic(root, change.path, change.content, executable=change.executable)


def has_conflict_markers(root: Path, relative: str) -> bool:
    from oss_checks.text.markup import FENCED_SUFFIXES, conflicts

    data = read_inside(root, relative)
    text = as_text(data) if data is not None else None
    if text is None:
        return False
    markdown = relative.lower().endswith(FENCED_SUFFIXES)
    return any(True for _ in conflicts(text, markdown=markdown))
