"""The release list shipped with the plugin, which the drift rules measure against."""

from __future__ import annotations

from datetime import date

import pytest

import oss_checks
from oss_checks import releases


def test_plugin_version_is_the_newest_release() -> None:
    assert oss_checks.__version__ == releases.newest() == releases.RELEASES[-1][0]


def test_releases_are_ordered_with_real_dates() -> None:
    keys = [releases.version_key(version) for version in releases.versions()]
    parsed = [key for key in keys if key is not None]
    assert len(parsed) == len(keys)
    assert parsed == sorted(parsed)
    days = [date.fromisoformat(day) for _, day in releases.RELEASES]
    assert days == sorted(days)


@pytest.mark.usefixtures("four_releases")
def test_release_helpers() -> None:
    assert releases.releases_since("0.2.0") == [("0.3.0", "2027-03-01"), ("0.4.0", "2027-06-01")]
    assert releases.releases_since("0.4.0") == []
    assert releases.days_behind("0.2.0", date(2027, 3, 11)) == 10
    assert releases.days_behind("0.4.0", date(2030, 1, 1)) == 0
    assert releases.release_date("0.3.0") == date(2027, 3, 1)
    with pytest.raises(ValueError, match="not a release"):
        releases.releases_since("9.9.9")
    assert releases.version_key("1.10.0") == (1, 10, 0)
    assert releases.version_key("1.0rc1") is None
