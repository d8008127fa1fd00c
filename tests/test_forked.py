"""Work on the second core: a forked child's value comes back, and any failure means None."""

from __future__ import annotations

import os
import threading

import pytest

from oss_checks import forked

needs_fork = pytest.mark.skipif(not forked.available(), reason="this process cannot fork")


@needs_fork
def test_the_childs_value_comes_back() -> None:
    parent = os.getpid()
    child = forked.start(lambda: {"pid": os.getpid(), "items": list(range(100_000))})
    assert child is not None
    value = child.result()
    assert value is not None
    assert value["pid"] != parent
    assert value["items"] == list(range(100_000)), "more than a pipe's buffer travels whole"
    assert child.result() is None, "a value is handed over once"


@needs_fork
def test_a_child_that_raises_or_dies_gives_none() -> None:
    def fail() -> int:
        raise ValueError("bad")

    raising = forked.start(fail)
    assert raising is not None
    assert raising.result() is None
    dying = forked.start(lambda: os._exit(0))
    assert dying is not None
    assert dying.result() is None, "an exit without a value is a failure too"


@needs_fork
def test_a_cancelled_child_is_reaped() -> None:
    child = forked.start(lambda: threading.Event().wait(60))
    assert child is not None
    pid = child.pid
    child.cancel()
    assert child.result() is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie is left behind


def test_no_fork_when_told_or_with_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(forked.SERIAL_VARIABLE, "1")
    assert forked.start(lambda: 1) is None
    monkeypatch.delenv(forked.SERIAL_VARIABLE)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not forked.available(), "a lock another thread holds would stay held in the child"
        assert forked.start(lambda: 1) is None
    finally:
        stop.set()
        other.join()


@needs_fork
def test_two_processes_share_tasks_and_claim_each_once() -> None:
    tasks = forked.Tasks(200)

    def claim() -> list[int]:
        taken = []
        while (task := tasks.take()) is not None:
            taken.append(task)
        return taken

    child = forked.start(claim)
    assert child is not None
    mine = claim()
    tasks.close()
    theirs = child.result()
    assert theirs is not None
    assert sorted(mine + theirs) == list(range(200))
    assert tasks.take() is None, "a closed list has nothing left"


def test_tasks_fit_in_one_byte_each() -> None:
    with pytest.raises(ValueError, match="between 0 and 256"):
        forked.Tasks(257)
    empty = forked.Tasks(0)
    assert empty.take() is None
    empty.close()


@needs_fork
def test_a_child_the_system_reaps_itself_still_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    import signal

    # SIGCHLD ignored, as a parent process may leave it: waitpid then finds no child.
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        child = forked.start(lambda: "done")
        assert child is not None
        assert child.result() == "done"
        failing = forked.start(lambda: os._exit(3))
        assert failing is not None
        assert failing.result() is None, "no pickle: the caller does the work"
    finally:
        signal.signal(signal.SIGCHLD, previous)


def test_no_usable_stdout_means_no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys, "stdout", None)
    before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0
    for _ in range(5):
        child = forked.start(lambda: 1)
        if child is not None:
            assert child.result() == 1
    after = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0
    assert after <= before, "no descriptor is left behind"
