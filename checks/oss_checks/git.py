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

import os
import subprocess
from functools import lru_cache
from pathlib import Path

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
) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(
            ["git", *arguments],
            input=stdin,
            capture_output=True,
            check=False,
            env=_environment(),
            timeout=timeout,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None


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
    entries = listed.stdout.split(b"\0") if listed is not None and listed.returncode == 0 else []
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
    return _as_arguments(pairs), values if listed is not None and listed.returncode == 0 else None


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
    where = str(folder)
    done = _call(["-C", where, *_overrides(where), *args], stdin, timeout)
    if done is None or done.returncode not in ok:
        return None
    return done.stdout


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


@lru_cache(maxsize=256)
def _work_tree(where: str) -> tuple[Path | None, bool | None]:
    folder = Path(where)
    output = run_git(folder, "rev-parse", "--is-shallow-repository", "--show-toplevel")
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
