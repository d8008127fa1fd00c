"""Release readiness (OSS8xx): the changelog is ready for the next release."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

from oss_checks.git import decode, nul_separated
from oss_checks.patterns import lazy
from oss_checks.registry import Finding, Kind, Option, Rule, Stakeholder
from oss_checks.text.audience import newest_version_tag, released_after, version_in, version_key
from oss_checks.text.community import CHANGELOG_NAMES, is_release_notes, is_rst
from oss_checks.text.markup import headings

if TYPE_CHECKING:
    from oss_checks.context import Repo

#: A heading that names a release: "1.2.0", "[1.2.0] - 2026-03-01", "v2.1 (2026-01-05)", "Version 0.3".
_RELEASE = lazy(
    r"^(?:(?:version|release|v)\s*)?v?\d+(?:\.\d+)+[0-9a-z.+-]*(?:$|[\s(,:\u2013\u2014])",
    re.IGNORECASE,
)
#: Words that mark the section of changes not released yet.
_PENDING_WORDS = frozenset(
    {
        "unreleased",
        "upcoming",
        "unpublished",
        "wip",
        "tbd",
        "tba",
        "towards",
        "pending",
        "forthcoming",
        "future",
    }
)
_PENDING_PHRASES = (
    "not yet released",
    "not released",
    "next release",
    "next version",
    "in progress",
    "in development",
    "to be released",
    "development version",
    "dev version",
    "not yet",
    "coming soon",
    "work in progress",
)
#: A development version, not released yet: 1.3.0.dev0, 1.3.0-dev, 1.3dev (a released 2.0rc1 is not).
_DEV_VERSION = lazy(r"\d[.-]?dev\d*\b", re.IGNORECASE)
_WORDS = lazy(r"[a-z0-9]+")
#: How a changelog says it follows Keep a Changelog.
_KEEP_A_CHANGELOG = lazy(r"keepachangelog|keep a changelog", re.IGNORECASE)
_BRACKETED_VERSION = lazy(r"^\[v?\d+(?:\.\d+)+[^\]]*\]")


_MARKUP = lazy(r"[\[\]`*_]")
_LINK_TARGET = lazy(r"\]\([^()\n]*\)")


def _title(heading: str) -> str:
    """A changelog heading's text: links, brackets and emphasis removed, its version kept ("1.0" stays)."""
    return " ".join(_MARKUP.sub("", _LINK_TARGET.sub("]", heading)).split())


def is_pending(title: str) -> bool:
    """Whether a changelog heading is the section of changes not released yet."""
    lowered = title.casefold()
    words = set(_WORDS.findall(lowered))
    return bool(
        words & _PENDING_WORDS
        or any(phrase in lowered for phrase in _PENDING_PHRASES)
        or _DEV_VERSION.search(title)
    )


def is_release(title: str) -> bool:
    """Whether a changelog heading names a release (a version number first)."""
    return _RELEASE.match(title) is not None


def _releases_since(repo: Repo, titles: list[str]) -> tuple[str, str] | None:
    """(newest version in the changelog, newest version tag) when git has tagged a later release
    than any the changelog describes: the changelog was left behind, not just missing a section."""
    written = [version for title in titles if is_release(title) and (version := version_in(title))]
    latest = newest_version_tag(repo)
    if not written or latest is None:
        return None
    newest = max(written, key=lambda version: version_key(version) or ())
    return (newest, latest) if released_after(latest, newest) else None


def _written_from_fragments(repo: Repo) -> bool:
    """Whether a tool writes the changelog from one file per change: towncrier or scriv, set up in
    pyproject.toml or a file of their own. The pending changes are then those files."""
    tool = (repo.pyproject or {}).get("tool")
    if isinstance(tool, dict) and ("towncrier" in tool or "scriv" in tool):
        return True
    return any(repo.exists(name) for name in ("towncrier.toml", ".towncrier.toml", "changelog.d/scriv.ini"))


class OSS801(Rule):
    """CHANGELOG has no Unreleased section

    ## What it does
    In a changelog that has release headings (`## [1.2.0] - 2026-03-01`, `## 1.2.0
    (2026-03-01)`, `v1.2`), checks that one section collects the changes not released yet:
    a heading named "Unreleased", as in the Keep a Changelog format (`## [Unreleased]`), or
    another way of saying it: `## 1.3.0 (unreleased)`, `## [1.3.0.dev0]`, `## Development
    version`, `## Upcoming`, `## 1.3.0 - TBD`. A changelog without any release heading (a
    pointer to the release notes elsewhere, or notes between editions of a book) is left
    alone, and so is one that towncrier or scriv writes from a file per change (configured
    in `pyproject.toml` or `towncrier.toml`): the changes not released yet are those files.

    In a repository that has not adopted the conventions, only a changelog that follows
    Keep a Changelog (it says so, or writes its versions in brackets) is checked.

    When git has tagged a later release (`v1.5.2`, a plain version tag) than the newest
    the changelog describes (`## [1.4.5]`), the changelog was left behind: the finding
    says so, and asks for the missing releases or a word on where the notes are now,
    since an Unreleased section alone would not help its readers.

    ## Why is this bad?
    Without an Unreleased section, changes are either not written down until release day,
    when nobody remembers them, or written under the last release, which then describes
    things it does not contain. Release notes become guesswork.

    ## Example
    A CHANGELOG.md whose first section is `## [1.2.0] - 2026-03-01` with nothing above it.

    ## How to fix
    Add `## [Unreleased]` above the newest release and note each change there as you make
    it; at release time rename it to the version and add a new empty Unreleased section.
    """

    name = "changelog-unreleased"
    kind = Kind.CONVENTION
    elsewhere = "a changelog that already follows Keep a Changelog, with release headings."
    stakeholders = (Stakeholder.EXECUTIVE,)

    def check(self, repo: Repo) -> Iterator[Finding]:
        path = repo.find(*CHANGELOG_NAMES)
        text = repo.read_text(path) if path else None
        if path is None or not text or not text.strip():
            return  # missing, empty or unreadable: OSS106
        found = headings(text, rst=is_rst(path))
        titles = [_title(h.title) for h in found]
        if not any(is_release(title) for title in titles):
            return  # not a changelog of versions: nothing to add an Unreleased section to
        if not self.in_full and not (
            _KEEP_A_CHANGELOG.search(text) or any(_BRACKETED_VERSION.match(h.title.strip()) for h in found)
        ):
            return
        if any(is_pending(title) for title in titles):
            return
        if _written_from_fragments(repo):
            return  # towncrier or scriv writes each release's section from fragments, at release time
        heading = "Unreleased\n----------" if is_rst(path) else "## [Unreleased]"
        behind = _releases_since(repo, titles)
        if behind is not None:
            newest, tag = behind
            yield self.finding(
                path,
                f"{path} stops at {newest}, but the project has released up to {tag} since: write the "
                f"releases that are missing and '{heading}' above them, or, if release notes are kept "
                "elsewhere now (GitHub releases), say so at the top of the file",
            )
            return
        yield self.finding(
            path,
            f"{path} has no Unreleased section: add '{heading}' above the newest release "
            "and list the changes made since then",
        )


def _names(output: bytes | None) -> set[str]:
    return set(nul_separated(output))


DEFAULT_BASE = "origin/main"


class OSS802(Rule):
    """Package code changed but the CHANGELOG did not

    ## What it does
    Compares the work tree (commits since the branch left the base, staged, unstaged and
    new files) with the base branch, `origin/main` by default (`main` when there is no
    `origin/main`). When files of the package (`src/`, or the package folders at the top)
    changed and neither the changelog nor a file in a folder of release notes (towncrier's
    `news/` or `changelog.d/`, `doc/whats_new/` ...) did, it reports it. Opt-in: select it for pre-push or CI,
    e.g. `oss-checks check --select OSS802`. It stays silent outside a git repository or
    when the base branch does not exist, so CI must check out the history (for GitHub
    Actions, `fetch-depth: 0`).

    ## Why is this bad?
    Changes that do not reach the changelog do not reach the release notes. The people
    who use the package, or the report built on it, then learn about changed behaviour
    from a broken pipeline or a different number.

    ## Example
    A branch that changes `src/forecast/metrics.py` but leaves CHANGELOG.md untouched.

    ## How to fix
    Add a line under `## [Unreleased]` saying what changed for users (for example "Fixed:
    MAPE ignores zero sales"). Purely internal changes can be merged with the rule ignored
    for that run.
    """

    name = "changelog-updated"
    stakeholders = (Stakeholder.EXECUTIVE, Stakeholder.MANAGEMENT)
    opt_in = True
    options: ClassVar[Mapping[str, Option]] = {
        "base": Option(
            str,
            DEFAULT_BASE,
            'The branch changes are compared with; "origin/main" falls back to "main" when absent.',
        ),
    }

    def check(self, repo: Repo) -> Iterator[Finding]:
        if not repo.is_git:
            return
        base = self._base(repo)
        if base is None:
            return
        merge_base = decode(repo.git("merge-base", "HEAD", base) or b"").strip()
        if not merge_base:
            return
        # --relative: paths from the checked folder, also when it is inside a larger repository.
        changed = _names(
            repo.git("diff", "--name-only", "--no-ext-diff", "--relative", "-z", merge_base, "--")
        )
        changed |= _names(
            repo.git("diff", "--name-only", "--no-ext-diff", "--relative", "-z", "--cached", merge_base, "--")
        )
        changed |= _names(repo.git("ls-files", "-z", "--others", "--exclude-standard"))
        prefixes = tuple(f"{folder}/" for folder in ("src", *repo.package_dirs))
        code = sorted(path for path in changed if path.startswith(prefixes))
        if not code:
            return
        if any(is_release_notes(path) for path in changed):
            return  # the changelog, or a file in a folder of release notes (towncrier's news/ ...)
        changelog = repo.find(*CHANGELOG_NAMES) or CHANGELOG_NAMES[0]
        example = code[0] if len(code) == 1 else f"{code[0]} and {len(code) - 1} more"
        yield self.finding(
            changelog,
            f"package code changed since {base} ({example}) but {changelog} did not: add a line "
            "under Unreleased saying what changed for users",
        )

    def _base(self, repo: Repo) -> str | None:
        wanted = str(self.settings["base"])
        if wanted.startswith("-"):
            return None  # would be read as a git option, not a branch
        candidates = [wanted, "main"] if wanted == DEFAULT_BASE else [wanted]
        for candidate in candidates:
            if repo.git("rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}") is not None:
                return candidate
        return None
