"""Repository URLs: parsing them, and the ``[project.urls]`` labels that name the source."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple
from urllib.parse import urlsplit

#: [project.urls] labels (normalised by ``url_label``) that state where the source is.
SOURCE_LABELS = ("source", "sourcecode", "repository", "repo", "code")
#: [project.urls] labels of pages that live inside the repository on its forge.
REPOSITORY_PAGE_LABELS = ("issues", "issuetracker", "bugtracker", "bugs", "tracker", "bugreports")
#: Forges where a repository is always ``owner/name``.
TWO_LEVEL_HOSTS = frozenset({"github.com", "bitbucket.org", "codeberg.org"})
#: Path segments that name a page of a repository, not a deeper group.
_PAGES = frozenset(
    {
        "tree",
        "blob",
        "raw",
        "issues",
        "pulls",
        "pull",
        "merge_requests",
        "wiki",
        "wikis",
        "releases",
        "tags",
        "actions",
        "commits",
        "commit",
        "compare",
        "discussions",
        "security",
        "packages",
        "pipelines",
        "jobs",
        "src",
        "archive",
        "badges",
        "workflows",
    }
)


class RepoUrl(NamedTuple):
    host: str
    segments: tuple[str, ...]  # lower case, without .git and without forge suffixes

    @property
    def text(self) -> str:
        return f"https://{self.host}/{'/'.join(self.segments)}"

    @property
    def repository(self) -> tuple[str, ...]:
        """Owner and repository name, without the pages below them (issues, tree/main, wiki ...).

        On hosts with one level of owners (GitHub, Bitbucket, Codeberg) that is the first two
        segments; elsewhere (GitLab groups nest) everything before the first page name.
        """
        kept: list[str] = []
        for segment in self.segments:
            if kept and segment in _PAGES:
                break
            kept.append(segment)
        return tuple(kept[:2]) if self.host in TWO_LEVEL_HOSTS else tuple(kept)

    @property
    def owner(self) -> tuple[str, ...]:
        return self.repository[:-1]

    def same_repository(self, other: RepoUrl) -> bool:
        """Whether both point into one repository: host, owner and name, whatever page follows."""
        return self.host == other.host and self.repository == other.repository


#: Forges whose names say nothing of git.
KNOWN_FORGES = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")


def is_forge(host: str) -> bool:
    """Whether ``host`` serves repositories: a known forge, or one named for git (``git.acme.com``),
    but not a forge's web pages (``org.github.io``, ``pages.acme.com``) or a docs site."""
    pages = host.endswith((".github.io", ".gitlab.io")) or host.startswith(("pages.", "docs."))
    return host in KNOWN_FORGES or ("git" in host and not pages)


def parse_repo_url(url: str) -> RepoUrl | None:
    """Host and path of a repository URL, normalised: case, trailing slash, ``.git``, ``www.``."""
    url = url.strip().rstrip(".,;:!?")
    ssh = re.fullmatch(r"git@([\w.-]+):(.+)", url)
    if ssh:
        host, path = ssh.group(1), ssh.group(2)
    else:
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme not in ("http", "https", "ssh", "git", "git+https", "git+ssh") or not parts.hostname:
            return None
        host, path = parts.hostname, parts.path
    host = host.lower().removeprefix("www.")
    # pip's "git+https://host/org/repo@v1.0" names a revision after "@": not part of the repository.
    segments = [s.split("@", 1)[0] for s in path.lower().split("/") if s]
    if "-" in segments:  # GitLab puts pages of a project after "/-/"
        segments = segments[: segments.index("-")]
    if segments and segments[-1].endswith(".git"):
        segments[-1] = segments[-1][:-4]
    return RepoUrl(host, tuple(s for s in segments if s))


def project_urls(project: Mapping[str, Any]) -> dict[str, str]:
    urls = project.get("urls")
    if not isinstance(urls, dict):
        return {}
    return {str(k): v for k, v in urls.items() if isinstance(v, str)}


def url_label(label: str) -> str:
    """A [project.urls] label normalised as PEP 753 suggests: lower case, no punctuation."""
    return re.sub(r"[^a-z0-9]", "", label.lower())
