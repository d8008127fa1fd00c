"""The one way oss-checks runs git: on a repository it may not trust, without running its code.

A checkout's ``.git/config`` is as untrusted as its files when it was not freshly cloned:
``core.fsmonitor``, filter drivers (``filter.<name>.clean``), diff drivers, an external
diff and similar settings make git run a program of the repository's choosing. Before
any command, every such setting git would read is overridden on the command line with
an empty value, the settings that move the work tree elsewhere are pinned to the folder
itself, and git may take no lock and ask no question. Output is read as bytes and
split on NUL (``-z``), so a file name holding ``\\r`` or invalid UTF-8 stays itself.
"""

from __future__ import annotations

import contextlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from oss_checks.patterns import lazy

#: Settings (lower case, as ``git config --name-only`` prints them) that name a program.
_PROGRAM_SETTINGS = lazy(
    r"core\.(?:fsmonitor|sshcommand|pager|editor|askpass|gitproxy|hookspath)"
    r"|diff\.external|diff\..+\.(?:command|textconv)"
    r"|filter\..+\.(?:clean|smudge|process)"
    r"|merge\..+\.driver|credential(?:\..+)?\.helper|gpg(?:\..+)?\.program"
    r"|sequence\.editor|uploadpack\.packobjectshook|remote\..+\.(?:uploadpack|receivepack)"
)
#: A filter marked required makes git fail when its (now empty) command does not run.
_REQUIRED_FILTER = lazy(r"filter\..+\.required")
_ALWAYS = (
    ("core.fsmonitor", "false"),
    ("core.hooksPath", os.devnull),
    ("diff.external", ""),
)


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_OPTIONAL_LOCKS": "0",  # `git status` must not rewrite the index of a repository it reads
            "GIT_PAGER": "cat",
        }
    )
    # Variables set for another repository must not point this one elsewhere.
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CONFIG_PARAMETERS", "GIT_EXTERNAL_DIFF"):
        env.pop(name, None)
    return env


def _call(
    arguments: list[str], stdin: bytes | None, timeout: float | None = None
) -> tuple[int, bytes] | None:
    """git's exit code and standard output; None when it cannot start or runs past ``timeout``."""
    command = ["git", *arguments]
    if not hasattr(os, "posix_spawnp") or not _standard_streams_open():
        import subprocess

        try:
            done = subprocess.run(
                command, input=stdin, capture_output=True, check=False, env=_environment(), timeout=timeout
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.returncode, done.stdout
    return _spawned(command, stdin, timeout)


def _standard_streams_open() -> bool:
    """Whether descriptors 0 to 2 are open, so that no pipe made here takes the number of one."""
    try:
        for fd in (0, 1, 2):
            os.fstat(fd)
    except OSError:
        return False
    return True


def _spawned(command: list[str], stdin: bytes | None, timeout: float | None) -> tuple[int, bytes] | None:
    """:func:`_call` without ``subprocess``, which brings ``threading``, ``selectors`` and more
    to every run, for a few short calls whose error output nobody reads."""
    import signal

    out_read, out_write = os.pipe()
    in_read, in_write = os.pipe() if stdin is not None else (-1, -1)
    actions: list[tuple[Any, ...]] = [
        (os.POSIX_SPAWN_DUP2, out_write, 1),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ]
    if stdin is not None:
        actions.append((os.POSIX_SPAWN_DUP2, in_read, 0))
    # As subprocess does: git gets the default handling of the signals Python ignores.
    defaults = [getattr(signal, name) for name in ("SIGPIPE", "SIGXFZ", "SIGXFSZ") if hasattr(signal, name)]
    try:
        # The pipes' own descriptors close on exec; git keeps only the copies made above.
        pid = os.posix_spawnp("git", command, _environment(), file_actions=actions, setsigdef=defaults)
    except OSError:
        pid = 0
    finally:
        os.close(out_write)
        if stdin is not None:
            os.close(in_read)
    if not pid:
        os.close(out_read)
        if stdin is not None:
            os.close(in_write)
        return None
    output = None
    try:
        output = _exchange(out_read, in_write, stdin or b"", timeout)
    finally:
        os.close(out_read)
        if output is None:  # past its time, or this process was interrupted
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    if output is None:
        return None
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), output


def _exchange(reader: int, writer: int, stdin: bytes, timeout: float | None) -> bytes | None:
    """Read ``reader`` to its end while feeding ``stdin`` to ``writer`` (-1 for none), which is
    closed here; None past ``timeout``."""
    import select
    import time

    deadline = None if timeout is None else time.monotonic() + timeout
    poll = select.poll()
    poll.register(reader, select.POLLIN)
    sent = 0
    if writer >= 0:
        if stdin:
            poll.register(writer, select.POLLOUT)
        else:
            os.close(writer)
            writer = -1
    chunks: list[bytes] = []
    done = False
    try:
        while not done:
            wait = None if deadline is None else (deadline - time.monotonic()) * 1000
            if wait is not None and wait <= 0:
                return None
            for fd, _event in poll.poll(wait):
                if fd == reader:
                    chunk = os.read(reader, 65536)
                    chunks.append(chunk)
                    done = not chunk
                else:
                    try:
                        # No more than the pipe takes whole: a longer write would wait for git,
                        # while git waits for its output to be read.
                        sent += os.write(writer, stdin[sent : sent + select.PIPE_BUF])
                    except BrokenPipeError:
                        sent = len(stdin)  # git stopped reading: what it left, it does not need
                    if sent >= len(stdin):
                        poll.unregister(writer)
                        os.close(writer)
                        writer = -1
    finally:
        if writer >= 0:
            os.close(writer)
    return b"".join(chunks)


def _overrides(folder: str) -> tuple[str, ...]:
    """``-c name=value`` arguments that switch off every program a configuration names."""
    return _configuration(folder)[0]


#: Each folder's overrides and settings, as :func:`_configuration` listed them.
_CONFIGURATIONS: dict[str, tuple[tuple[str, ...], dict[str, bytes] | None]] = {}
#: Folders a view of the repository (``Repo``) was opened on.
_VIEWED: set[str] = set()
_MOST_CONFIGURATIONS = 64


def new_view(folder: Path) -> None:
    """A new view of the repository in ``folder`` sees its configuration as it is now.

    The first view of a folder keeps the listing made for its top level moments before;
    a later one (another check in the same process) has the configuration listed again.
    """
    where = str(folder)
    if where in _VIEWED:
        _CONFIGURATIONS.pop(where, None)
    _VIEWED.add(where)


def _configuration(folder: str) -> tuple[tuple[str, ...], dict[str, bytes] | None]:
    """The overrides, and every setting's last value (None when git could not list them).

    The values come with the names: a run that asks for a setting (the ``origin`` remote)
    then starts no second git for it.
    """
    if folder not in _CONFIGURATIONS:
        if len(_CONFIGURATIONS) >= _MOST_CONFIGURATIONS:
            _CONFIGURATIONS.clear()
        _CONFIGURATIONS[folder] = _list_configuration(folder)
    return _CONFIGURATIONS[folder]


def _list_configuration(folder: str) -> tuple[tuple[str, ...], dict[str, bytes] | None]:
    pairs = dict(_ALWAYS)
    listed = _call(["-C", folder, *_as_arguments(pairs), "config", "--list", "--includes", "-z"], None)
    entries = listed[1].split(b"\0") if listed is not None and listed[0] == 0 else []
    values: dict[str, bytes] = {}
    for entry in entries:
        # "name\nvalue", or the name alone for a setting written without "=".
        raw, _, value = entry.partition(b"\n")
        # As listed: git lowers the section and the key, and a subsection keeps its case.
        values[raw.decode("utf-8", "replace")] = value
        name = raw.decode("utf-8", "replace").strip().lower()
        if _PROGRAM_SETTINGS.fullmatch(name):
            pairs.setdefault(name, "")
        elif _REQUIRED_FILTER.fullmatch(name):
            pairs[name] = "false"
    return _as_arguments(pairs), values if listed is not None and listed[0] == 0 else None


def config_value(folder: Path, name: str) -> bytes | None:
    """What ``git config --get <name>`` prints in ``folder`` (the last value and a line feed), or
    None when the setting is missing; ``name`` as git lists it (``remote.origin.url``)."""
    values = _configuration(str(folder))[1]
    if values is None:
        return run_git(folder, "config", "--get", name)
    value = values.get(name)
    return None if value is None else value + b"\n"


def _as_arguments(pairs: dict[str, str]) -> tuple[str, ...]:
    arguments: list[str] = []
    for name, value in pairs.items():
        arguments += ["-c", f"{name}={value}"]
    return tuple(arguments)


def run_git(
    folder: Path,
    *args: str,
    stdin: bytes | None = None,
    ok: tuple[int, ...] = (0,),
    timeout: float | None = None,
) -> bytes | None:
    """Run git in ``folder`` safely: its standard output, or None when git fails or is missing.

    A failure is an exit code outside ``ok``, or a run longer than ``timeout`` seconds (git
    is then stopped). Pass ``--`` before paths: a path that starts with ``-`` is then never
    read as an option.
    """
    done = _run(folder, *args, stdin=stdin, timeout=timeout)
    if done is None or done[0] not in ok:
        return None
    return done[1]


def _run(
    folder: Path, *args: str, stdin: bytes | None = None, timeout: float | None = None
) -> tuple[int, bytes] | None:
    """:func:`run_git`'s exit code and output, whatever the code."""
    where = str(folder)
    return _call(["-C", where, *_overrides(where), *args], stdin, timeout)


def as_path(path: str) -> str:
    """A repository path to pass after ``--``: ``./`` in front, so a name like ``:(glob)x`` is no pathspec magic."""
    return f"./{path}"


def decode(output: bytes) -> str:
    """git output as text; bytes that are not UTF-8 survive as surrogates, as os.fsdecode does."""
    return output.decode("utf-8", "surrogateescape")


def nul_separated(output: bytes | None) -> list[str]:
    """The entries of ``-z`` output, decoded, without the empty last one."""
    if not output:
        return []
    return [decode(entry) for entry in output.split(b"\0") if entry]


def top_level(folder: Path) -> Path | None:
    """The work tree that ``folder`` belongs to, if git says one and ``folder`` really is inside it.

    A ``core.worktree`` setting can name any folder on the machine: a top level that does
    not contain ``folder`` is not believed. Asked once per folder and run.
    """
    return _work_tree(str(folder))[0]


def is_shallow(folder: Path) -> bool | None:
    """Whether the clone ``folder`` is in has a shallow history; None when git cannot say.

    Asked in the same call as :func:`top_level`, which every run makes anyway.
    """
    return _work_tree(str(folder))[1]


def has_commit(folder: Path) -> bool | None:
    """Whether the HEAD of the work tree ``folder`` is in names a commit (a fresh ``git init``
    has none); None when git cannot say. Asked in the same call as :func:`top_level`."""
    return _work_tree(str(folder))[2]


@lru_cache(maxsize=256)
def _work_tree(where: str) -> tuple[Path | None, bool | None, bool | None]:
    folder = Path(where)
    # With --verify --quiet, git also prints HEAD's commit, last, or exits 1 where there is none.
    done = _run(
        folder, "rev-parse", "--is-shallow-repository", "--show-toplevel", "--verify", "--quiet", "HEAD"
    )
    output = done[1] if done is not None and done[0] in (0, 1) else b""
    head = done is not None and done[0] == 0
    if head:
        output = output.removesuffix(b"\n").rpartition(b"\n")[0] + b"\n"
    if not output.startswith((b"true\n", b"false\n")):
        if not any(os.path.lexists(os.path.join(above, ".git")) for above in (folder, *folder.parents)):
            return None, None, None  # not in a git repository: no need to ask again
        # A git that does not know --is-shallow-repository (before 2.15) is asked as it understands.
        output = run_git(folder, "rev-parse", "--is-shallow-repository", "--show-toplevel") or b""
        top, shallow = _top_and_shallow(folder, output)
        return top, shallow, None
    top, shallow = _top_and_shallow(folder, output)
    return top, shallow, head if top is not None else None


def _top_and_shallow(folder: Path, output: bytes) -> tuple[Path | None, bool | None]:
    # The answer, a line feed, then the top level and a line feed; a folder's name may hold line
    # feeds itself, so only the first line and the final line feed are split off.
    first, _, listed = decode(output).partition("\n") if output else ("", "", "")
    shallow: bool | None = None
    if first in ("true", "false"):
        shallow = first == "true"
    elif first != "--is-shallow-repository":  # what a git older than 2.15 echoes
        return None, None
    listed = listed.removesuffix("\n")
    if not listed:
        return None, shallow
    top = Path(listed)
    try:
        inside = folder.resolve().is_relative_to(top.resolve())
    except (OSError, ValueError):
        return None, shallow
    return (top if inside else None), shallow
