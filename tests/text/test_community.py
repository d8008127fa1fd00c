"""The names of community files, and the other names and places real repositories use."""

from __future__ import annotations

import pytest

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.text.community import (
    LICENSE_NAMES,
    README_NAMES,
    docs_guide,
    is_community_file,
    is_release_notes,
    is_rst,
    license_files,
    release_notes,
)


def test_community_files_are_known_whatever_their_case() -> None:
    assert is_community_file("readme.md")
    assert is_community_file(".github/CONTRIBUTING.md")
    assert not is_community_file("docs/README.md")
    assert is_rst("README.RST")


def test_the_first_present_name_is_found_without_regard_to_case(make_repo: MakeRepo) -> None:
    repo = Repo(make_repo({"Licence.txt": "terms", "readme.rst": "x"}))
    assert repo.find(*LICENSE_NAMES) == "Licence.txt"
    assert repo.find(*README_NAMES) == "readme.rst"


def test_license_files_under_the_names_people_use(make_repo: MakeRepo) -> None:
    repo = Repo(
        make_repo(
            {
                "LICENSE-TEXT": "CC-BY",
                "LICENSE-CODE": "MIT",
                "COPYING.LESSER": "LGPL",
                "LICENSES/MIT.txt": "MIT",
                "docs/license.rst": "see LICENSE",
                "vendor/lib/LICENSE": "BSD",
                "LICENSING_NOTES.md": "not a license: a note",
            }
        )
    )
    assert license_files(repo) == ["COPYING.LESSER", "LICENSE-CODE", "LICENSE-TEXT", "LICENSES/MIT.txt"]
    assert license_files(Repo(make_repo({"COPYING": "GPL", "LICENSE.txt": "MIT"}))) == [
        "LICENSE.txt",
        "COPYING",
    ]
    assert is_community_file("LICENSE-CODE")
    assert not is_community_file("src/LICENSE-CODE")
    # Renamed with an underscore so that setuptools stops adding it to the package on its own.
    assert license_files(Repo(make_repo({"_LICENCE.md": "MIT License"}))) == ["_LICENCE.md"]


def test_guides_inside_the_docs_tree(make_repo: MakeRepo) -> None:
    repo = Repo(
        make_repo(
            {
                "doc/developer/contribute.rst": "How to contribute",
                "doc/source/about/code_of_conduct.md": "Be kind",
                "docs/guides/security.md": "A guide about keeping CI secure: not a reporting policy",
                "tests/docs/CONTRIBUTING.md": "a fixture",
            }
        )
    )
    assert docs_guide(repo, "contributing") == "doc/developer/contribute.rst"
    assert docs_guide(repo, "conduct") == "doc/source/about/code_of_conduct.md"
    assert docs_guide(repo, "security") is None
    for path in ("docs/security.md", "doc/source/security_policy.rst"):
        assert docs_guide(Repo(make_repo({path: "Report to security@acme.test"})), "security") == path


@pytest.mark.parametrize(
    ("files", "found"),
    [
        ({"doc/release/release_3.0.rst": "x", "doc/developer/release.rst": "how to release"}, "doc/release/"),
        ({"doc/source/release_notes/release_0.25.rst": "x"}, "doc/source/release_notes/"),
        ({"docs/source/release/version0.14.rst": "x"}, "docs/source/release/"),
        ({"doc/whats_new/v0.12.rst": "x", "doc/whats_new.rst": "index"}, "doc/whats_new.rst"),
        ({"CHANGELOG/0.5.0.md": "x", "CHANGELOG/unreleased.md": "y"}, "CHANGELOG/"),
        ({"news/123.feature.md": "x"}, "news/"),
        ({"changes/45.bugfix": "x"}, "changes/"),
        ({".github/release.yml": "changelog: {}"}, ".github/release.yml"),
        ({"docs/changelog.md": "x"}, "docs/changelog.md"),
    ],
)
def test_release_notes_in_folders(make_repo: MakeRepo, files: dict[str, str], found: str) -> None:
    assert release_notes(Repo(make_repo(files))) == found


@pytest.mark.parametrize(
    "files",
    [
        {"doc/developer/release.rst": "how to make a release"},
        {".github/workflows/release.yml": "on: push"},
        {"release/build.sh": "a script", "scripts/news/fetch.py": "not notes"},
        {"tests/changes/expected.txt": "a fixture"},
        {"{{cookiecutter.slug}}/CHANGELOG/unreleased.md": "the template's"},
    ],
)
def test_what_is_not_release_notes(make_repo: MakeRepo, files: dict[str, str]) -> None:
    assert release_notes(Repo(make_repo(files))) is None


def test_a_change_to_release_notes_records_a_change() -> None:
    assert is_release_notes("CHANGELOG.md")
    assert is_release_notes("news/123.feature")
    assert is_release_notes("doc/whats_new/v0.13.rst")
    assert not is_release_notes("src/pkg/news.py")
    assert not is_release_notes("doc/developer/release.rst")
