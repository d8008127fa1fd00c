"""Run work on the second core, in a forked copy of this process.

A fork starts with every module and every cached file of its parent already in memory,
so it costs a few milliseconds where a fresh interpreter costs the whole start-up again.
The work's result travels back pickled through a pipe; the pickle is written by this
process's own copy and read once.

Forking is only safe in a process with one thread (a lock held by another thread stays
held in the child for good), and only POSIX systems fork: elsewhere, or when forking
fails, :func:`start` returns None and the caller does the work itself. A child that
dies or sends nothing readable makes :meth:`Forked.result` return None the same way,
so the caller's fallback is always the same serial path. :class:`Tasks` lets both
processes share a list of independent tasks, each taken by whichever is free first.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

#: Set to ``1`` to never fork (a debugger, a profiler, or a machine short of memory).
SERIAL_VARIABLE = "OSS_CHECKS_SERIAL"


def available() -> bool:
    """Whether this process can fork safely now: POSIX, one thread, and not told otherwise."""
    # Without the threading module loaded, no thread was started through it.
    threading = sys.modules.get("threading")
    return (
        hasattr(os, "fork")
        and sys.platform != "darwin"  # system frameworks there may not survive a fork
        and (threading is None or threading.active_count() == 1)
        and os.environ.get(SERIAL_VARIABLE, "") in ("", "0")
        and _usable_cores() > 1
    )


def _usable_cores() -> int:
    """The cores this process may run on (``taskset`` and containers narrow them), not the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Forked(Generic[T]):
    """A child computing one value; :meth:`result` waits for it."""

    def __init__(self, pid: int, reader: int) -> None:
        self._pid = pid
        self._reader = reader
        self._done = False

    @property
    def pid(self) -> int:
        return self._pid

    def result(self) -> T | None:
        """The child's value, or None when it failed in any way (the caller then computes it)."""
        if self._done:
            return None
        self._done = True
        chunks = []
        try:
            with os.fdopen(self._reader, "rb") as pipe:
                while chunk := pipe.read(1 << 20):
                    chunks.append(chunk)
        finally:
            status = _reap(self._pid)
        # Where SIGCHLD is ignored the system reaps the child itself and its status is unknown:
        # a pickle that loads whole is then the child's answer.
        if (status is not None and (not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0)) or not chunks:
            return None
        import pickle

        try:
            value: T = pickle.loads(b"".join(chunks))  # noqa: S301 - written by our own child
        except Exception:  # noqa: BLE001 - a truncated pickle means the child failed
            return None
        return value

    def cancel(self) -> None:
        """Stop the child and reap it (the caller is leaving before it asked for the result)."""
        if self._done:
            return
        self._done = True
        import signal

        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        os.close(self._reader)
        _reap(self._pid)


def _reap(pid: int) -> int | None:
    """Wait for the child: its exit status, or None when the system has reaped it already."""
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None


class Tasks:
    """Numbered tasks that a parent and its forked child take turns to claim, each task once.

    The numbers wait in a pipe, one byte each, written before the fork: a read of one byte
    from a pipe is atomic, so two processes reading it never claim the same task, and the
    one that is free first takes the next. Made before :func:`start`, closed by each
    process when it is done with it.
    """

    #: One byte per task.
    MOST = 256

    def __init__(self, count: int) -> None:
        if not 0 <= count <= self.MOST:
            raise ValueError(f"between 0 and {self.MOST} tasks, not {count}")
        self._reader, writer = os.pipe()
        try:
            os.write(writer, bytes(range(count)))  # far below a pipe's buffer: never blocks
        finally:
            os.close(writer)  # once the numbers run out, a read returns nothing instead of waiting

    def take(self) -> int | None:
        """The next unclaimed task, or None when every task has been claimed."""
        if self._reader < 0:
            return None
        claimed = os.read(self._reader, 1)
        return claimed[0] if claimed else None

    def close(self) -> None:
        if self._reader >= 0:
            os.close(self._reader)
            self._reader = -1


def start(work: Callable[[], T]) -> Forked[T] | None:
    """Start ``work()`` in a forked child; None when this process cannot fork (do it yourself)."""
    if not available():
        return None
    # Whatever sits in the buffers would otherwise be written twice, once by each process.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            try:
                stream.flush()
            except (OSError, ValueError):
                return None  # a closed or broken stream: do the work here, where its error belongs
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        return None
    if pid == 0:  # pragma: no cover - the child's lines run in the child, outside coverage
        _child(work, reader, writer)
    os.close(writer)
    return Forked(pid, reader)


def _child(work: Callable[[], T], reader: int, writer: int) -> None:  # pragma: no cover
    """Compute, send, and leave without running the parent's exit handlers or flushing its files."""
    code = 1
    try:
        import pickle

        os.close(reader)
        payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
        code = 0
    except BaseException:  # noqa: BLE001, S110 - any failure is reported by the exit status
        pass
    finally:
        os._exit(code)
