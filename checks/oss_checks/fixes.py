"""Safe writes for ``--fix``: create what is missing, never overwrite what a user wrote.

Both helpers write to a temporary file in the same folder and move it into place, so
a crash or a full disk never leaves half a file behind.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def _atomic_write(target: Path, text: str, *, must_not_exist: bool) -> bool:
    import tempfile  # only --fix writes; the hooks never pay for this import

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, scratch = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        # mkstemp makes the file private (0600): give it the mode the file has, or the mode
        # any new file of the user would get.
        os.chmod(scratch, _existing_mode(target) if not must_not_exist else _new_file_mode())
        if must_not_exist:
            try:
                # link() fails if the target appeared meanwhile: a user's file is never replaced.
                os.link(scratch, target)
            except FileExistsError:
                return False
            except OSError:
                if target.exists():
                    return False
                os.replace(scratch, target)
                return True
            return True
        os.replace(scratch, target)
        return True
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _existing_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return _new_file_mode()


def create_file(root: Path, relative: str, text: str) -> bool:
    """Create ``relative`` with ``text`` unless anything already exists there."""
    target = root / relative
    if target.exists() or target.is_symlink():
        return False
    return _atomic_write(target, text, must_not_exist=True)


def append_text(root: Path, relative: str, expected_current: str, addition: str) -> bool:
    """Append to a file only if it still holds exactly ``expected_current``.

    The check guards against a file that changed between reading and fixing.
    """
    target = root / relative
    try:
        with open(target, encoding="utf-8", newline="") as handle:
            current = handle.read()
    except (OSError, UnicodeDecodeError):
        return False
    if current != expected_current or not addition:
        return False
    newline = "\r\n" if "\r\n" in current else "\n"
    separator = "" if current.endswith("\n") or not current else newline
    return _atomic_write(target, current + separator + addition, must_not_exist=False)
