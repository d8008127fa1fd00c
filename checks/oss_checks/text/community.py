"""Which file is which: the names people give their community files, in the order looked for.

``Repo.find`` compares them without regard to case, so ``readme.md`` and ``License.txt``
count; the first name in each list is the one a fix creates.

Real repositories also keep these under other names and places, and the finders below
know them: ``LICENSE-CODE`` or a REUSE ``LICENSES/`` folder, release notes in
``doc/release/`` or towncrier's ``news/``, a contributing guide inside the docs tree. Each
finder walks the list of paths once per repository (``Repo.memo``); none reads a file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from oss_checks.patterns import lazy
from oss_checks.text.layout import DOCS_FOLDERS, in_tests, is_vendored

if TYPE_CHECKING:
    from oss_checks.context import Repo
    from oss_checks.text.markup import Heading

README_NAMES = ("README.md", "README.rst", "README.txt", "README.markdown", "README")
LICENSE_NAMES = (
    "LICENSE",
    "LICENSE.md",
    "LICENSE.txt",
    "LICENSE.rst",
    "LICENCE",
    "LICENCE.md",
    "LICENCE.txt",
    "COPYING",
    "COPYING.md",
    "COPYING.txt",
)
CONTRIBUTING_NAMES = (
    "CONTRIBUTING.md",
    "CONTRIBUTING.rst",
    "CONTRIBUTING.txt",
    "CONTRIBUTING",
    ".github/CONTRIBUTING.md",
    ".github/CONTRIBUTING.rst",
    ".gitlab/CONTRIBUTING.md",
    "docs/CONTRIBUTING.md",
    "docs/CONTRIBUTING.rst",
    "doc/CONTRIBUTING.md",
    "doc/CONTRIBUTING.rst",
)
CODE_OF_CONDUCT_NAMES = (
    "CODE_OF_CONDUCT.md",
    "CODE_OF_CONDUCT.rst",
    "CODE_OF_CONDUCT.txt",
    "CODE_OF_CONDUCT",
    "CODE-OF-CONDUCT.md",
    "CONDUCT.md",
    ".github/CODE_OF_CONDUCT.md",
    ".github/CODE_OF_CONDUCT.rst",
    ".gitlab/CODE_OF_CONDUCT.md",
    "docs/CODE_OF_CONDUCT.md",
    "docs/CODE_OF_CONDUCT.rst",
    "doc/CODE_OF_CONDUCT.md",
    "doc/CODE_OF_CONDUCT.rst",
)
SECURITY_NAMES = (
    "SECURITY.md",
    "SECURITY.rst",
    "SECURITY.txt",
    "SECURITY",
    ".github/SECURITY.md",
    ".github/SECURITY.rst",
    ".gitlab/SECURITY.md",
    "docs/SECURITY.md",
    "docs/SECURITY.rst",
    "doc/SECURITY.md",
    "doc/SECURITY.rst",
)
CHANGELOG_NAMES = (
    "CHANGELOG.md",
    "CHANGELOG.rst",
    "CHANGELOG.txt",
    "CHANGELOG",
    "CHANGELOG.markdown",
    "CHANGES.md",
    "CHANGES.rst",
    "CHANGES.txt",
    "CHANGES",
    "HISTORY.md",
    "HISTORY.rst",
    "HISTORY.txt",
    "HISTORY",
    "NEWS.md",
    "NEWS.rst",
    "NEWS.txt",
    "NEWS",
    "RELEASE_NOTES.md",
    "RELEASE-NOTES.md",
    "RELEASENOTES.md",
    "RELEASES.md",
)
CITATION_NAMES = ("CITATION.cff",)
#: Other ways to say how to cite: BibTeX, a page of prose, R's plain CITATION.
OTHER_CITATION_NAMES = ("CITATION.bib", "CITATION.md", "CITATION.rst", "CITATION.txt", "CITATION")
COMMUNITY_NAMES = (
    README_NAMES
    + LICENSE_NAMES
    + CONTRIBUTING_NAMES
    + CODE_OF_CONDUCT_NAMES
    + SECURITY_NAMES
    + CHANGELOG_NAMES
    + CITATION_NAMES
    + OTHER_CITATION_NAMES
)
_COMMUNITY_LOWER = frozenset(name.lower() for name in COMMUNITY_NAMES)

#: ``LICENSE``, ``LICENSE-CODE``, ``LICENSE.txt``, ``COPYING.LESSER``, ``Licence_MIT`` ...
_LICENSE_FILE = lazy(
    r"_?(?:licen[cs]e|copying)(?:[-._ ].*)?", re.IGNORECASE
)  # "_LICENCE.md" hides it from setuptools
#: REUSE keeps one text per license in ``LICENSES/<SPDX id>.txt``.
REUSE_FOLDER = "licenses"


def readme_in(repo: Repo, folder: str) -> str | None:
    """The README of ``folder`` ("" for the top of the repository), by the usual names, or None."""
    prefix = f"{folder}/" if folder else ""
    return repo.find(*(prefix + name for name in README_NAMES))


def is_rst(path: str) -> bool:
    return path.lower().endswith(".rst")


def is_markdown(path: str) -> bool:
    return path.lower().endswith((".md", ".markdown"))


def is_community_file(path: str) -> bool:
    return path.lower() in _COMMUNITY_LOWER or ("/" not in path and _LICENSE_FILE.fullmatch(path) is not None)


def _not_ours(repo: Repo, path: str) -> bool:
    """Tests, fixtures, vendored code and the folders a template renders are not the project's own files."""
    return "{{" in path or "{%" in path or in_tests(path) or is_vendored(repo, path)


def license_files(repo: Repo) -> list[str]:
    """Every license text of the project: top-level ``LICENSE*``/``LICENCE*``/``COPYING*`` and REUSE's ``LICENSES/``.

    The usual names come first, in the order of ``LICENSE_NAMES``.
    """

    def find() -> list[str]:
        order = {name.lower(): index for index, name in enumerate(LICENSE_NAMES)}
        top: list[str] = []
        reuse: list[str] = []
        for path in repo.paths:
            folder, _, name = path.rpartition("/")
            if not folder and _LICENSE_FILE.fullmatch(name):
                top.append(path)
            elif folder.lower() == REUSE_FOLDER and name:
                reuse.append(path)
        top.sort(key=lambda path: (order.get(path.lower(), len(order)), path.lower()))
        return top + sorted(reuse)

    return repo.memo("license-files", find)


# -- guides inside the docs tree ------------------------------------------------------------------
#: What a file in the docs tree is called when it is the guide of each kind (lower-case stems).
_DOCS_GUIDES = {
    "contributing": lazy(r"contribut\w*|how[-_]to[-_]contribute|developers?[-_]guide"),
    "conduct": lazy(r"code[-_]of[-_]conduct|conduct"),
    "security": lazy(r"security[-_]policy|security|vulnerabilit\w*"),
}


def docs_guide(repo: Repo, kind: str) -> str | None:
    """A contributing guide, code of conduct or security policy inside the docs tree (``doc/source/...``).

    ``kind`` is ``contributing``, ``conduct`` or ``security``. A security page must sit
    directly in ``docs/`` or ``doc/`` (where GitHub looks) or be called a policy: a guide
    *about* security (``docs/guides/security.md``) is not a policy for reporting problems.
    """

    def find() -> dict[str, str]:
        found: dict[str, str] = {}
        for path in repo.paths:
            parts = path.lower().split("/")
            if len(parts) < 2 or parts[0] not in DOCS_FOLDERS or _not_ours(repo, path):
                continue
            stem, dot, extension = parts[-1].rpartition(".")
            if not dot or extension not in ("md", "rst", "txt", "markdown"):
                continue
            for name, pattern in _DOCS_GUIDES.items():
                if name in found or not pattern.fullmatch(stem):
                    continue
                if name == "security" and len(parts) > 2 and "polic" not in stem:
                    continue
                found[name] = path
        return found

    return repo.memo("docs-guides", find).get(kind)


# -- release notes --------------------------------------------------------------------------------
#: Folders of release notes at the top or in the docs tree: one file per release or per change.
_NOTES_FOLDERS = frozenset(
    {
        "changelog",
        "changelogs",
        "changelog.d",
        "changes",
        "news",
        "newsfragments",
        "whatsnew",
        "whats_new",
        "whats-new",
        "release_notes",
        "release-notes",
        "releasenotes",
        "releases",
    }
)
#: Single release-notes files in the docs tree (lower-case stems).
_NOTES_FILES = lazy(
    r"changelog|changes|history|news|whats_?new|whats-new|release[-_]?notes|releases|release[-_]history"
)
#: GitHub writes release notes from this file when a release is made.
GITHUB_RELEASE_NOTES = ".github/release.yml"
#: Other configurations that write each release's notes: GitHub's own in its other spelling,
#: and release-drafter's, which drafts the notes of the next release from its pull requests.
RELEASE_NOTE_WRITERS = (".github/release.yaml", ".github/release-drafter.yml", ".github/release-drafter.yaml")


def release_notes(repo: Repo) -> str | None:
    """Where release notes live besides a top-level CHANGELOG: a folder, a docs page, GitHub's
    release.yml or release-drafter's configuration.

    Returns the folder (with a trailing ``/``) or file; None when there is none.
    """

    def find() -> str | None:
        for path in (GITHUB_RELEASE_NOTES, *RELEASE_NOTE_WRITERS):
            if repo.exists(path):
                return path
        best: tuple[int, str] | None = None
        for path in repo.paths:
            found = _notes_in(path)
            if found is not None and not _not_ours(repo, path):
                rank = (found.count("/"), found)
                if best is None or rank < best:
                    best = rank
        return (
            best[1]
            if best
            else (
                _release_guide_with_notes(repo)
                or _generated_release_notes(repo)
                or _released_on_github(repo)
                or _readme_release_log(repo)
            )
        )

    return repo.memo("release-notes", find)


#: A README heading of a release log kept on the front page: "Update - July 2, 2026",
#: "Release 2.0 (March 2026)", "News", "What's new", "Changelog".
_DATED_UPDATE = lazy(r"(?i)^(?:update|release|v?\d+\.\d+)\b.*\b(?:19|20)\d\d\b")
_LOG_SECTION = lazy(r"(?i)^(?:change ?log|release notes|releases|what'?s new|news|updates|recent updates)\b")
#: A section that may hold a release log or may only say which version is current ("Version",
#: "History"): it is one when two of its lines start with a version ("0.1.8 Faster docs.").
_VERSIONS_SECTION = lazy(r"(?i)^(?:versions?|version history|release history|history)$")
_VERSION_ENTRY = lazy(
    r"^\s*(?:#{1,6}\s+|[-*+]\s+)?(?:\*\*|`|\[)?(?P<version>v?\d+\.\d+(?:\.\d+)*)\b"
    r"(?!\s*(?:million|billion|thousand|%|percent|and\b|or\b))"
)


def _lists_releases(repo: Repo, lines: list[str], found: list[Heading], at: int) -> bool:
    """Whether the section of ``found[at]`` lists two or more versions, by line or by subheading,
    one of them a release the repository tagged (a list of supported Pythons is not a log)."""
    from oss_checks.text.tags import release_tags, version_key  # only asked of such a section

    level = found[at].level
    end = next((heading.line - 1 for heading in found[at + 1 :] if heading.level <= level), len(lines))
    listed = {
        key
        for line in lines[found[at].line : end]
        if (match := _VERSION_ENTRY.match(line)) and (key := version_key(match.group("version")))
    }
    tagged = {key for tag in release_tags(repo) if (key := version_key(tag)) is not None}
    return len(listed) >= 2 and (not tagged or bool(listed & tagged))


def _readme_release_log(repo: Repo) -> str | None:
    """The README when it keeps the release log itself: a section for it, or two dated updates."""
    from oss_checks.text.markup import headings  # only asked when nothing else holds notes

    readme = repo.find(*README_NAMES)
    text = repo.read_text(readme) if readme else None
    if readme is None or not text:
        return None
    found = headings(text[:200_000], rst=is_rst(readme))
    titles = [heading.title.strip().strip("#* ") for heading in found]
    dated = sum(1 for title in titles if _DATED_UPDATE.match(title))
    if dated >= 2 or any(_LOG_SECTION.match(title) for title in titles):
        return readme
    lines = text[:200_000].splitlines()
    for at, title in enumerate(titles):
        if _VERSIONS_SECTION.match(title) and _lists_releases(repo, lines, found, at):
            return readme
    # "For a list of past changes, please refer to the [releases page](https://github.com/o/r/releases)."
    pointer = any(_RELEASES_PAGE.search(line) and _CHANGES_WORDS.search(line) for line in lines)
    return readme if pointer else None


#: The releases page of a repository on a forge, where each release's notes are written.
_RELEASES_PAGE = lazy(
    r"(?i)https?://(?:www\.)?(?:github\.com|gitlab\.com)/[^/\s)]+/[^/\s)]+/(?:-/)?releases\b"
)
#: Words of a sentence that sends readers there for what changed (a badge alone says nothing).
_CHANGES_WORDS = lazy(r"(?i)\b(?:changes|changelog|change log|release notes|what'?s new|history)\b")


#: A release step that has GitHub write each release's notes: ``gh release create --generate-notes``,
#: or ``generate_release_notes: true`` of softprops/action-gh-release.
_GENERATES_NOTES = lazy(r"--generate-notes\b|\bgenerate_release_notes:\s*['\"]?true\b")


def _generated_release_notes(repo: Repo) -> str | None:
    """The workflow that makes each release with notes GitHub writes from its pull requests."""
    from oss_checks.text.ci import ci_files, first_file_matching  # only asked when nothing else holds notes

    return first_file_matching(repo, ci_files(repo), _GENERATES_NOTES)


def _released_on_github(repo: Repo) -> str | None:
    """The workflow that a published GitHub release starts (``on: release``): each release is
    made on GitHub first, and its page holds that release's notes."""
    from oss_checks.text.ci import ci_files, is_workflow  # only asked when nothing else holds notes

    for path in ci_files(repo):
        data = repo.yaml(path).mapping if is_workflow(path) else None
        # YAML 1.1 reads the key `on` as true.
        triggers = (data.get("on", data.get(True)) if data is not None else None) or ()
        if triggers == "release" or (isinstance(triggers, (list, dict)) and "release" in triggers):
            return path
    return None


#: A guide to making a release: ``RELEASING.md``, ``docs/releasing.md``, ``docs/release-process.rst``.
_RELEASE_GUIDE = lazy(r"(?i)releas(?:e|ing)(?:[-_ ]?(?:process|guide|howto|checklist))?\.(?:md|rst|txt)")
_NOTES_WORDS = lazy(r"(?i)\brelease[ -]notes\b")


#: A contributing guide, whose section on making a release is a release guide too.
_CONTRIBUTING_GUIDE = lazy(r"(?i)contributing\.(?:md|rst|txt)")
#: A heading about making a release: ``## Creating a new release``, ``Releasing``.
_RELEASE_HEADING = lazy(r"(?im)^(?:#{1,6}[ \t]+.*\breleas|releas\w*[ \t]*\n[=~^-]{3,})")


def _release_guide_with_notes(repo: Repo) -> str | None:
    """A release guide, at the top or in the docs, that says how each release's notes are written
    (GitHub's "Generate release notes", a notes file): the notes then live with the releases.
    A contributing guide's section on making a release is one too."""
    for path in repo.paths:
        folder, _, name = path.rpartition("/")
        if folder and folder.split("/")[0].lower() not in DOCS_FOLDERS:
            continue
        guide = _RELEASE_GUIDE.fullmatch(name) is not None
        if not (guide or _CONTRIBUTING_GUIDE.fullmatch(name)) or _not_ours(repo, path):
            continue
        text = (repo.read_text(path) or "")[:100_000]
        if _NOTES_WORDS.search(text) and (guide or _RELEASE_HEADING.search(text)):
            return path
    return None


def _notes_in(path: str) -> str | None:
    """The release-notes folder or docs page ``path`` belongs to, if it belongs to one."""
    parts = path.split("/")
    lowered = [part.lower() for part in parts]
    in_docs = lowered[0] in DOCS_FOLDERS
    for index, part in enumerate(lowered[:-1]):
        if index > 0 and not in_docs:
            break  # a notes folder sits at the top, or anywhere inside the docs tree
        if part in _NOTES_FOLDERS or (in_docs and index > 0 and part.startswith("release")):
            return "/".join(parts[: index + 1]) + "/"
    if in_docs:
        stem = lowered[-1].rpartition(".")[0]
        if stem and _NOTES_FILES.fullmatch(stem):
            return path
    return None


def is_release_notes(path: str) -> bool:
    """Whether ``path`` is a changelog or lies in a folder of release notes (a change to it records a change)."""
    return path.lower() in _CHANGELOG_LOWER or _notes_in(path) is not None


_CHANGELOG_LOWER = frozenset(name.lower() for name in CHANGELOG_NAMES)


def main_license(repo: Repo) -> str | None:
    """The project's license file at the top: one of the usual names (``LICENSE``), else the
    only license file there is under another spelling (``_LICENCE.md``). None when there is
    none, or several and none of the usual name (``LICENSE-APACHE`` beside ``LICENSE-MIT``:
    no one of them is the license)."""
    usual = repo.find(*LICENSE_NAMES)
    if usual is not None:
        return usual
    top = [path for path in license_files(repo) if "/" not in path]
    return top[0] if len(top) == 1 else None
