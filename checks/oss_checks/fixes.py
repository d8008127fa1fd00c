"""The one way oss-checks writes into a repository: atomic, inside it, never through a symlink.

Every writer (``--fix``, ``--write-baseline``, ``update``, the template record) goes
through :func:`write_atomic`: the text goes to a temporary file in the target's folder
and is moved into place, so a crash or a full disk never leaves half a file behind.
:func:`unsafe_reason` is the shared guard for writers and readers alike: a path that
leaves the repository, or passes through a symlink or something that is not a folder,
is refused, since a committed ``.github -> /elsewhere`` would otherwise let a fix write
anywhere on the machine.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath


def unsafe_reason(root: Path, relative: str, *, final: str = "file") -> str | None:
    """Why ``relative`` must not be read or written below ``root``; None when it may.

    ``final`` says what the last component may be when it exists: ``"file"`` (a regular
    file) or ``"any"``. Folders on the way must be real folders, never symlinks.
    """
    if not relative or "\0" in relative:
        return "is not a file name"
    pure = PurePosixPath(relative.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        return "is outside the repository"
    current = root
    for index, part in enumerate(pure.parts):
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return None  # nothing beyond here exists yet, so nothing can redirect the path
        except OSError as exc:
            return f"cannot be inspected ({exc.strerror or exc})"
        last = index == len(pure.parts) - 1
        if stat.S_ISLNK(info.st_mode):
            return "is a symbolic link" if last else f"passes through the symbolic link {part}"
        if not last and not stat.S_ISDIR(info.st_mode):
            return f"passes through {part}, which is not a folder"
        if last and final == "file" and not stat.S_ISREG(info.st_mode):
            return "is not a regular file"
    return None


def new_file_mode(executable: bool = False) -> int:
    """The mode a new file of the user gets: 0666 (0777 for a program) less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if executable else 0o666) & ~mask


def write_atomic(
    root: Path, relative: str, data: bytes, *, exclusive: bool = False, executable: bool = False
) -> bool:
    """Write ``data`` to ``relative`` below ``root`` in one step; False when it was not written.

    An existing file keeps its permissions; a new one gets the user's usual mode.
    ``exclusive`` writes only when nothing exists there: a user's file is never replaced,
    even one that appears between the check and the write. Refused paths (see
    :func:`unsafe_reason`) raise ``OSError`` with the reason.
    """
    import tempfile  # only commands that write pay for this import

    reason = unsafe_reason(root, relative)
    if reason is not None:
        raise OSError(f"{relative} {reason}: not written")
    target = root / relative
    if exclusive and os.path.lexists(target):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    # mkdir follows a symlink created meanwhile; check the folders again before writing in them.
    reason = unsafe_reason(root, relative)
    if reason is not None:
        raise OSError(f"{relative} {reason}: not written")
    fd, scratch = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = new_file_mode(executable)
        os.chmod(scratch, mode)  # mkstemp makes the file private (0600)
        if exclusive:
            try:
                # link() fails if the target appeared meanwhile.
                os.link(scratch, target)
            except FileExistsError:
                return False
            except OSError:
                if os.path.lexists(target):
                    return False
                os.replace(scratch, target)
            return True
        os.replace(scratch, target)
        return True
    finally:
        if os.path.lexists(scratch):
            os.unlink(scratch)


def create_file(root: Path, relative: str, text: str) -> bool:
    """Create ``relative`` with ``text`` unless anything already exists there (or the path is unsafe)."""
    try:
        return write_atomic(root, relative, text.encode("utf-8"), exclusive=True)
    except OSError:
        return False


def append_text(root: Path, relative: str, expected_current: str, addition: str) -> bool:
    """Append to a file only if it still holds exactly ``expected_current``.

    The check guards against a file that changed between reading and fixing.
    """
    if unsafe_reason(root, relative) is not None:
        return False
    try:
        with open(root / relative, encoding="utf-8", newline="") as handle:
            current = handle.read()
    except (OSError, UnicodeDecodeError):
        return False
    if current != expected_current or not addition:
        return False
    newline = "\r\n" if "\r\n" in current else "\n"
    separator = "" if current.endswith("\n") or not current else newline
    try:
        return write_atomic(root, relative, (current + separator + addition).encode("utf-8"))
    except OSError:
        return False
