"""Release readiness (OSS8xx): the changelog is ready for the next release."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

from oss_checks.git import decode, nul_separated
from oss_checks.registry import Finding, Kind, Option, Rule, Stakeholder
from oss_checks.text.community import CHANGELOG_NAMES, is_rst
from oss_checks.text.markup import clean_title, headings

if TYPE_CHECKING:
    from oss_checks.context import Repo

_UNRELEASED = re.compile(r"^unreleased\b", re.IGNORECASE)
_CHANGELOG_LOWER = frozenset(name.lower() for name in CHANGELOG_NAMES)


class OSS801(Rule):
    """CHANGELOG has no Unreleased section

    ## What it does
    Checks that the changelog has a heading named "Unreleased", as in the Keep a Changelog
    format (`## [Unreleased]` or `## Unreleased`), where changes collect until the next
    release.

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
        titles = (
            clean_title(h.title.replace("[", "").replace("]", "")) for h in headings(text, rst=is_rst(path))
        )
        if not any(_UNRELEASED.match(title) for title in titles):
            heading = "Unreleased\n----------" if is_rst(path) else "## [Unreleased]"
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
    changed and the changelog did not, it reports it. Opt-in: select it for pre-push or CI,
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
        if any(path.lower() in _CHANGELOG_LOWER for path in changed):
            return
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
