"""The names of community files."""

from __future__ import annotations

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.text.community import LICENSE_NAMES, README_NAMES, is_community_file, is_rst


def test_community_files_are_known_whatever_their_case() -> None:
    assert is_community_file("readme.md")
    assert is_community_file(".github/CONTRIBUTING.md")
    assert not is_community_file("docs/README.md")
    assert is_rst("README.RST")


def test_the_first_present_name_is_found_without_regard_to_case(make_repo: MakeRepo) -> None:
    repo = Repo(make_repo({"Licence.txt": "terms", "readme.rst": "x"}))
    assert repo.find(*LICENSE_NAMES) == "Licence.txt"
    assert repo.find(*README_NAMES) == "readme.rst"
