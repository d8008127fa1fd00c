"""Release tags: which git tags name a version of the project, and which release is the newest.

One ``git tag`` call per repository, shared by the rules that ask whether a project makes
releases, which one its changelog or citation should reach, and whether a README's list of
versions is its release log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from oss_checks.patterns import lazy

if TYPE_CHECKING:
    from oss_checks.context import Repo

#: ``v1.2.0``, ``1.2``, ``2024.06.01``, ``release-1.0``, ``pkg-v0.3.1``: a tag that names a version.
_VERSION_TAG = lazy(r"(?:[A-Za-z][\w.-]*?[-_/])?v?\d+(?:\.\d+)+(?:[-.+]?[0-9A-Za-z.]+)?")


def release_tags(repo: Repo) -> list[str]:
    """The git tags that name a version (one ``git tag`` call per repository)."""
    return [name for name, _ in _dated_release_tags(repo)]


def _dated_release_tags(repo: Repo) -> list[tuple[str, int]]:
    """Each version tag with the Unix time it was made (its commit's, for a lightweight tag)."""

    def read() -> list[tuple[str, int]]:
        if not repo.is_git:
            return []
        output = repo.git("tag", "--list", "--format=%(creatordate:unix) %(refname:strip=2)")
        if not output:
            return []
        tags = []
        for line in output.decode("utf-8", "replace").splitlines():
            made, _, name = line.partition(" ")
            if _VERSION_TAG.fullmatch(name.strip()):
                tags.append((name, int(made) if made.isdigit() else 0))
        return tags

    return repo.memo("release-tags", read)


#: A version tag of the project itself: ``v1.5.2`` or ``1.5.2``, not ``pkg-v1.2`` nor ``2.0rc1``.
_PLAIN_VERSION = lazy(r"v?(\d{1,12}(?:\.\d{1,12}){1,6})")


def version_key(text: str) -> tuple[int, ...] | None:
    """``(1, 5, 2)`` for a plain release version (``1.5.2``, ``v1.5.2``); None for anything else.
    Trailing zeros are dropped, as PEP 440 compares them: ``2.1`` is ``2.1.0``."""
    match = _PLAIN_VERSION.fullmatch(text.strip()[:120])
    if match is None:
        return None
    parts = [int(part) for part in match.group(1).split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def version_in(text: str) -> str | None:
    """The first plain release version written in ``text`` (``1.4.5`` of ``## [1.4.5] - 2022``)."""
    match = _PLAIN_VERSION.search(text)
    return match.group(1) if match else None


def released_after(tag: str, version: str) -> bool:
    """Whether the release ``tag`` (``v1.5.2``) is later than ``version`` (``1.4.5``). Versions of
    different schemes (a date, ``2024.06.01``, against ``1.2.0``) are not compared."""
    tagged, written = version_key(tag), version_key(version)
    if tagged is None or written is None or (tagged[0] >= _CALENDAR_YEARS) != (written[0] >= _CALENDAR_YEARS):
        return False
    return tagged > written


#: A first version number this large is a year: calendar versioning, not semantic.
_CALENDAR_YEARS = 1900


def newest_version_tag(repo: Repo) -> str | None:
    """The newest plain version tag (``v1.5.2``): the project's latest release, as git knows it.

    The highest version, unless the project numbered again: when two or more tags were made
    after the highest and every one is lower (``0.4``, then ``v0.1.5`` to ``v0.1.9``), the
    highest of those. One lower tag made later is a fix of an older line (``1.9.1`` after
    ``v2.0.0``), and so is any run of them beside a newer higher release.
    """
    keyed = [
        (key, tag.strip(), made)
        for tag, made in _dated_release_tags(repo)
        if (key := version_key(tag)) is not None
    ]
    if not keyed:
        return None
    highest, tag, made = max(keyed, key=lambda item: (item[0], item[2]))
    later = [(key, name) for key, name, when in keyed if when > made]
    if len(later) >= 2 and all(key < highest for key, _ in later):
        return max(later)[1]
    return tag
