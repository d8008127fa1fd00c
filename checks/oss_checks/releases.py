"""The releases of oss-template, shipped with the plugin so drift is measured offline.

Each release of the template is also a release of oss-checks with the same version:
the newest entry here is always ``oss_checks.__version__``. Add a line on every
release; never rewrite or remove one, since baked repositories record these versions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

#: (version, ISO release date), oldest first, newest last.
RELEASES: tuple[tuple[str, str], ...] = (("0.1.0", "2026-11-23"),)


def versions() -> list[str]:
    return [version for version, _ in RELEASES]


def newest() -> str:
    return RELEASES[-1][0]


def is_release(version: str) -> bool:
    return version in versions()


def release_date(version: str) -> date:
    """The day ``version`` was released; ValueError when it is not a release."""
    from datetime import date  # a run that reads no template record never needs it

    for known, day in RELEASES:
        if known == version:
            return date.fromisoformat(day)
    raise ValueError(f"{version!r} is not a release of oss-template")


def releases_since(version: str) -> list[tuple[str, str]]:
    """The releases after ``version``, oldest first; ValueError when it is not a release."""
    known = versions()
    if version not in known:
        raise ValueError(f"{version!r} is not a release of oss-template")
    return list(RELEASES[known.index(version) + 1 :])


def days_behind(version: str, today: date) -> int:
    """For how many days a newer release than ``version`` has been out (0 when up to date).

    Counted from the first release the repository missed: that is how long an update
    has been waiting, whatever came after it.
    """
    from datetime import date

    missed = releases_since(version)
    if not missed:
        return 0
    return max(0, (today - date.fromisoformat(missed[0][1])).days)


def version_key(version: str) -> tuple[int, ...] | None:
    """``"1.2.3"`` as ``(1, 2, 3)`` for ordering; None when it is not dotted numbers."""
    if not re.fullmatch(r"\d+(?:\.\d+)*", version):
        return None
    return tuple(int(part) for part in version.split("."))
