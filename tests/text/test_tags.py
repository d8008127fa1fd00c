"""Release tags: the tags that name a version, and the newest release among them."""

from __future__ import annotations

import pytest

from conftest import MakeRepo, git
from oss_checks.context import Repo
from oss_checks.text.tags import newest_version_tag


def test_the_newest_release_is_of_the_numbering_the_last_tag_uses(make_repo: MakeRepo) -> None:
    # A project tagged 0.1 to 0.4 in 2019, then numbered again as v0.1.5 ... v0.1.9.
    root = make_repo({"README.md": "# tool\n"}, commit=True)
    for number, (tag, year) in enumerate([("0.4", 2019), ("v0.1.8", 2024), ("v0.1.9", 2025)]):
        (root / "CHANGES.txt").write_text(f"{number}\n")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", tag, when=f"{year}-03-01T12:00:00+00:00")
        git(root, "tag", tag)
    assert newest_version_tag(Repo(root)) == "v0.1.9"


@pytest.mark.parametrize(
    ("tags", "newest"),
    [
        # Numbered again under the same spelling.
        ([("0.1", 2018), ("0.4", 2019), ("0.1.5", 2020), ("0.1.9", 2021)], "0.1.9"),
        # A fix of the older line made after a major release is not the newest release.
        ([("v1.0.0", 2020), ("v2.0.0", 2024), ("1.9.1", 2025)], "v2.0.0"),
        # Fixes of an older line beside newer releases of the main one.
        ([("v1.26.0", 2023), ("v2.0.0", 2024), ("v1.26.5", 2024), ("v2.1.0", 2025)], "v2.1.0"),
    ],
)
def test_the_newest_release_is_the_highest_unless_the_project_numbered_again(
    make_repo: MakeRepo, tags: list[tuple[str, int]], newest: str
) -> None:
    root = make_repo({"README.md": "# tool\n"}, commit=True)
    for number, (tag, year) in enumerate(tags):
        (root / "CHANGES.txt").write_text(f"{number}\n")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", tag, when=f"{year}-0{1 + number % 9}-01T12:00:00+00:00")
        git(root, "tag", tag)
    assert newest_version_tag(Repo(root)) == newest
