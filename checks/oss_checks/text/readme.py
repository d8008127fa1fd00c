"""What a README (or any community page) says: its sections by topic, its links, its pointers.

Headings are matched by keywords, not by a closed list: "Quick start", "How to run",
"Setting up the environment" and "Getting started" all say how to install or use a
project. Links are read from Markdown and reStructuredText outside code blocks. Every
pattern here is linear on any line anyone can commit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from oss_checks.patterns import lazy
from oss_checks.text.markup import (
    Heading,
    clean_title,
    code_lines,
    headings,
    inline_code_spans,
    without_inline_code,
)

# -- sections by topic ---------------------------------------------------------------------------
_TOKEN = lazy(r"[^\W_]+")

#: Words (or word stems ending in ``*``) and phrases that put a heading on a topic.
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "installation": (
        "install*",
        "setup",
        "set up",
        "setting up",
        "getting started",
        "get started",
        "quickstart",
        "quick start",
        "requirement*",
        "prerequisite*",
        "dependenc*",
        "environment*",
        "get it",
        "from source",
        "build*",
        "docker",
        "conda",
        "pip",
    ),
    "usage": (
        "usage",
        "use",
        "using",
        "how to",
        "howto",
        "run",
        "running",
        "execut*",
        "example*",
        "tutorial*",
        "quickstart",
        "quick start",
        "getting started",
        "get started",
        "demo*",
        "command*",
        "cli",
        "reproduc*",
        "train*",
        "predict*",
        "inference",
        "pipeline*",
        "deploy*",
        "workflow*",
        "step by step",
    ),
    "contributing": ("contribut*", "development", "develop", "developer*", "hacking"),
    "license": ("licen*", "copyright"),
    "data": ("data", "dataset*", "input*", "corpus", "corpora"),
}


def _tokens(title: str) -> list[str]:
    return _TOKEN.findall(clean_title(title).casefold())


def _matches(tokens: list[str], words: Iterable[str]) -> bool:
    """Whether the tokens hold one of ``words``: a word, a stem (``install*``) or a phrase.

    Tokens hold no blank, so every test is a search of the joined tokens, in C: a line of a
    hundred thousand tokens costs a search per word, not a comparison per token and word.
    """
    joined = " " + " ".join(tokens) + " "
    # A stem ("install*", "contributor guide*") starts a token; a word or phrase is whole.
    return any((f" {word[:-1]}" if word.endswith("*") else f" {word} ") in joined for word in words)


def heading_topics(title: str) -> set[str]:
    """The topics (``installation``, ``usage``, ``contributing``, ``license``, ``data``) a heading is about."""
    tokens = _tokens(title)
    return {topic for topic, words in TOPIC_WORDS.items() if _matches(tokens, words)}


def heading_key(title: str) -> str:
    """A heading as lower-case words, for comparing with a configured list of headings."""
    return " ".join(_tokens(title))


# -- links ---------------------------------------------------------------------------------------
_MD_IMAGE = lazy(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_MD_INLINE = lazy(r"\]\(\s*<?([^()\s<>]+)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
_MD_DEFINITION = lazy(r"^ {0,3}\[[^\[\]\n]+\]:\s*<?([^\s<>]+)>?")
_AUTOLINK = lazy(r"<((?:https?|mailto):[^<>\s]+)>")
_HREF = lazy(r"""href\s*=\s*["']([^"'\s<>]+)["']""", re.IGNORECASE)
_RST_INLINE = lazy(r"`[^`<\n]*<([^<>`\s]+)>`_{1,2}")
_RST_TARGET = lazy(r"^\s*\.\.\s+_[^:\n]+:\s*(\S+)")
_RST_INCLUDE = lazy(r"^\s*\.\.\s+(?:include|literalinclude|mdinclude)::\s*(\S+)", re.IGNORECASE)
_RST_DOC = lazy(r":doc:`(?:[^`<\n]*<)?([^<>`\s]+)>?`")
_BARE_URL = lazy(r"\b(?:https?://|mailto:)[^\s<>()\[\]\"'`]+")
_EMAIL = lazy(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


class Link(NamedTuple):
    line: int  # 1-based
    target: str

    @property
    def is_url(self) -> bool:
        return self.target.lower().startswith(("http://", "https://", "mailto:", "ftp://"))

    @property
    def file(self) -> str:
        """The link's target as a relative path: no anchor, no query, decoded."""
        return unquote(self.target.split("#", 1)[0].split("?", 1)[0])


def links(text: str, *, rst: bool = False) -> list[Link]:
    """Every link outside code blocks: Markdown and HTML links, reST references and includes, bare URLs, emails."""
    code = code_lines(text, rst=rst)
    found: list[Link] = []
    for index, raw in enumerate(text.splitlines()):
        if index in code and not (rst and _RST_INCLUDE.match(raw)):
            continue
        line = _prose(raw, rst)
        if not rst:
            line = _MD_IMAGE.sub(lambda match: " " * len(match.group(0)), line)  # a picture is not a link
        targets: list[str] = []
        patterns = (
            (_RST_INLINE, _RST_TARGET, _RST_INCLUDE, _RST_DOC) if rst else (_MD_INLINE, _MD_DEFINITION, _HREF)
        )
        for pattern in patterns:
            targets.extend(match.group(1) for match in pattern.finditer(line))
        targets.extend(match.group(1) for match in _AUTOLINK.finditer(line))
        targets.extend(match.group(0).rstrip(".,;:!?") for match in _BARE_URL.finditer(line))
        targets.extend("mailto:" + match.group(0) for match in _EMAIL.finditer(line) if "mailto:" not in line)
        seen: set[str] = set()
        for target in targets:
            if target and target not in seen:
                seen.add(target)
                found.append(Link(index + 1, target))
    return found


def _prose(line: str, rst: bool) -> str:
    """A line without its literal text: inline code in Markdown, ``double backticks`` in reST.

    In reStructuredText single backticks mark references (`` `text <target>`_ ``), which are links.
    """
    if not rst:
        return without_inline_code(line)
    kept = list(line)
    for start, end in inline_code_spans(line):
        if line.startswith("``", start):
            kept[start:end] = " " * (end - start)
    return "".join(kept)


def resolve(folder: str, target: str) -> str | None:
    """``target`` relative to the repository-relative ``folder``; None when it leaves the repository."""
    parts = [] if not folder else folder.split("/")
    if target.startswith("/"):
        parts, target = [], target.lstrip("/")
    for part in target.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts) or None


# -- what a page says ----------------------------------------------------------------------------
#: Words in prose that say how to set a project up or run it.
_HOW_WORDS = (
    "install*",
    "setup",
    "set up",
    "run",
    "runs",
    "running",
    "execut*",
    "launch*",
    "usage",
    "how to use",
    "quickstart",
    "quick start",
    "getting started",
    "get started",  # "Get started at [the docs site](...)": the documentation answers it
    # A pointer to the guide that answers it: "see the [dev guide](...)", "read the user guide"
    # (a guide merely named, "the user guide is coming soon", says nothing).
    "see the user guide",
    "see the dev guide",
    "see the developer guide",
    "read the user guide",
    "read the developer guide",
    "see the documentation",
    "see the docs",
    "read the docs",
)
#: Commands a code line or inline code may start with.
_COMMAND = lazy(
    r"^\s*(?:\$\s*|>>>\s*|%|!)?(?:pip3?|conda|mamba|micromamba|uv|uvx|poetry|pipenv|pdm|hatch|nox|tox|make|docker|"
    r"docker-compose|podman|python3?|jupyter|streamlit|dvc|snakemake|bash|sh|git|cargo|npm|Rscript|R|kedro|mlflow)\b"
)


def section_headings(text: str, *, rst: bool = False) -> list[Heading]:
    """The headings of a page without its title: the first heading, when it is the only one at its level."""
    found = headings(text, rst=rst)
    if found and sum(1 for heading in found if heading.level <= found[0].level) == 1:
        return found[1:]
    return found


def _topics_of(text: str, rst: bool) -> set[str]:
    topics: set[str] = set()
    for heading in section_headings(text, rst=rst):
        topics |= heading_topics(heading.title)
    return topics


def links_file(text: str, stems: tuple[str, ...], *, rst: bool = False) -> bool:
    """Whether the page links a file whose name starts with one of ``stems`` (``contributing``, ``license``)."""
    for link in links(text, rst=rst):
        name = link.file.rstrip("/").rpartition("/")[2].casefold()
        if name.startswith(stems) and not link.target.lower().startswith("mailto:"):
            return True
    return False


#: Services that show or run a repository's notebooks for readers.
_NOTEBOOK_VIEWERS = ("mybinder.org", "colab.research.google.com", "nbviewer.org", "nbviewer.jupyter.org")


def _web_host(target: str) -> str | None:
    """The host of an http(s) address, lower case and without ``www.``; None for anything else."""
    scheme, separator, rest = target.partition("://")
    if not separator or scheme.casefold() not in ("http", "https"):
        return None
    return rest.split("/", 1)[0].casefold().removeprefix("www.")


def _viewer_host(target: str) -> bool:
    host = _web_host(target)
    return host is not None and any(
        host == viewer or host.endswith("." + viewer) for viewer in _NOTEBOOK_VIEWERS
    )


def presents_notebooks(text: str, *, rst: bool = False) -> bool:
    """Whether the page sends readers to notebooks: a link to an ``.ipynb`` file, or to Binder, Colab or nbviewer.

    An "Open in Colab" or Binder badge counts too, wherever its link leads: a course often
    links its badges through short links, which cannot be followed offline.
    """
    for link in links(text, rst=rst):
        if link.file.casefold().endswith(".ipynb") or _viewer_host(link.target):
            return True
    if rst:
        return False  # reST images are directives, whose addresses ``links`` already read
    code = code_lines(text, rst=False)
    for index, line in enumerate(text.splitlines()):
        if index in code or "](" not in line:
            continue
        for image in _MD_IMAGE.finditer(without_inline_code(line)):
            address = image.group(0).rpartition("](")[2].rstrip(")").strip().split(" ", 1)[0]
            if _viewer_host(address.strip("<>")):
                return True
    return False


#: Services that run a repository's notebooks in the browser, with nothing to install.
_NOTEBOOK_RUNNERS = ("mybinder.org", "colab.research.google.com")
#: A page that links this many notebooks lists a course's or a book's chapters.
_CHAPTER_LINKS = 3


def runs_notebooks(text: str, *, rst: bool = False) -> bool:
    """Whether the page says how to run the project by its notebooks: a Binder or Colab link,
    or links to several notebooks (the chapters a reader opens one by one)."""
    notebooks = set()
    for link in links(text, rst=rst):
        if link.file.casefold().endswith(".ipynb"):
            notebooks.add(link.file)
        if _web_host(link.target) in _NOTEBOOK_RUNNERS:
            return True
    return len(notebooks) >= _CHAPTER_LINKS


#: Hosts that show a repository's files by address, and where in the address the file's path starts.
_CODE_HOSTS = (
    "github.com",
    "gitlab.com",
    "nbviewer.org",
    "nbviewer.jupyter.org",
    "colab.research.google.com",
)
_RAW_HOSTS = ("raw.githubusercontent.com",)
_BINDER_PATH_PARAMETERS = ("filepath", "labpath", "urlpath")
#: How many trailing folder names of an address are read: enough for any real layout.
_DEEPEST = 24


def _tails(path: str) -> Iterator[str]:
    """Every ending of a slash-separated path: ``a/b/c``, ``b/c``, ``c``."""
    parts = [part for part in unquote(path).split("/") if part not in ("", ".")][-_DEEPEST:]
    for start in range(len(parts)):
        yield "/".join(parts[start:])


def _name_key(name: str) -> str:
    return name.casefold().replace("_", "-").removesuffix(".git")


def _repository_name(host: str, segments: list[str]) -> str:
    """The repository's name in an address's path: ``/owner/repo/...``, or ``/github/owner/repo/...``
    on nbviewer and Colab, which name the code host first."""
    at = 2 if host not in ("github.com", "gitlab.com", *_RAW_HOSTS) and segments[:1] == ["github"] else 1
    return segments[at] if len(segments) > at else ""


def _address_paths(target: str, own_names: frozenset[str]) -> Iterator[str]:
    """The repository paths an address may show: every ending of the path after ``blob/``, ``tree/`` or ``raw/``.

    The branch name before the path may hold slashes, so every ending is a candidate; a
    path of the repository is shown when it is one of them. An address on a repository
    named like this project (``own_names``) may show any path; on any other, only a
    notebook or a folder named for notebooks: a link to another project's ``src/pkg``
    says nothing about this one's.
    """
    try:
        address = urlsplit(target)
    except ValueError:
        return
    host = (address.hostname or "").casefold().removeprefix("www.")
    binder = host == "mybinder.org" or host.endswith(".mybinder.org")
    segments = [part for part in address.path.split("/") if part]
    repository = _repository_name(host, segments)
    on_own = bool(repository) and _name_key(repository) in own_names
    shown = segments[-1].casefold() if segments else ""
    if not (on_own or shown.endswith(".ipynb") or "notebook" in shown or binder):
        return
    parts = address.path.split("/")
    if host in _CODE_HOSTS:
        marks = [index for index, part in enumerate(parts) if part in ("blob", "tree", "raw")]
        if marks and marks[0] >= 3:  # /owner/repo/blob/... or /github/owner/repo/blob/...
            yield from _tails("/".join(parts[marks[0] + 1 :]))
    elif host in _RAW_HOSTS and len(parts) > 3:
        yield from _tails("/".join(parts[3:]))
    elif binder:
        query = parse_qs(address.query)
        for name in _BINDER_PATH_PARAMETERS:
            for value in query.get(name, []):
                yield from _tails(value)


def linked_paths(text: str, folder: str, *, rst: bool = False, own_names: Iterable[str] = ()) -> set[str]:
    """The repository paths (files or folders) a page in ``folder`` links.

    A relative link is resolved against the page's folder; an address on GitHub, GitLab,
    nbviewer, Colab or Binder gives every ending of the path it shows (see ``_address_paths``;
    ``own_names`` are the names this repository goes by there). The repository's top folder
    is never among them.
    """
    own = frozenset(_name_key(name) for name in own_names)
    found: set[str] = set()
    for link in links(text, rst=rst):
        if link.is_url:
            found.update(_address_paths(link.target, own))
        elif not link.target.startswith("#") and "://" not in link.target:
            resolved = resolve(folder, link.file.rstrip("/"))
            if resolved:
                found.add(resolved)
    return found


def says_how_to_run(text: str, *, rst: bool = False) -> bool:
    """Whether a README says anywhere how to install or run the project: a section, a sentence or a command."""
    if _topics_of(text, rst) & {"installation", "usage"}:
        return True
    code = code_lines(text, rst=rst)
    for index, line in enumerate(text.splitlines()):
        if index in code:
            if _COMMAND.match(line):
                return True
            continue
        if _matches(_TOKEN.findall(_prose(line, rst).casefold()), _HOW_WORDS):
            return True
        if any(_COMMAND.match(span) for span in _inline_spans(line)):
            return True
    return False


#: Words of a sentence that says which file repeats the work ("the code to repeat the analysis is in index.Rmd").
_RERUN_WORDS = ("reproduc*", "replicat*", "repeat*", "rerun*", "recreat*", "regenerat*")
#: A file name a reader runs or knits: a script, a notebook, an R Markdown or Quarto document.
_RUNNABLE_FILE = lazy(r"(?i)(?<![\w./-])((?:[\w.-]+/)*[\w.-]+\.(?:py|r|rmd|qmd|ipynb|jl|sh|do|m))(?![\w/])")


def files_that_repeat_the_work(text: str, *, rst: bool = False) -> set[str]:
    """The scripts and notebooks a README names in a sentence about reproducing the work.

    An analysis repository often says no more than "the code to repeat the analysis is the
    R Markdown document index.Rmd": that names how to run it. The caller checks the files exist.
    """
    code = code_lines(text, rst=rst)
    named: set[str] = set()
    for index, line in enumerate(text.splitlines()):
        if index in code or not _matches(_TOKEN.findall(line.casefold()), _RERUN_WORDS):
            continue
        named.update(match.group(1) for match in _RUNNABLE_FILE.finditer(_without_addresses(line)))
    return named


def _inline_spans(line: str) -> Iterator[str]:
    for start, end in inline_code_spans(line):
        yield line[start:end].strip("`")


#: What names each policy in a heading.
_POLICY_HEADINGS: dict[str, tuple[str, ...]] = {
    # "Contributors" thanks people; it is not a guide.
    "contributing": ("contributing", "contribute", "contribution*", "contributor guide*", "developer guide*"),
    # Google's and others' codes of conduct are called community guidelines.
    "conduct": ("conduct", "community guideline*"),
    "security": ("security", "vulnerabilit*"),
}
#: What names it in a sentence beside a link (a sentence is less sure than a heading).
_POLICY_SENTENCES: dict[str, tuple[str, ...]] = {
    "contributing": ("contributing guide*", "contribution guide*", "contributor guide*", "how to contribute"),
    "conduct": ("code of conduct", "community guideline*"),
    "security": (
        "vulnerabilit*",
        "security polic*",
        "security issue*",
        "security report*",
        "security contact*",
        "security advisor*",
        "report a security",
        "report security",
    ),
}
#: A link whose target says this is the policy counts beside the policy's bare name.
_POLICY_TARGETS = {
    "contributing": ("contribut", "guideline"),
    "conduct": ("conduct",),
    "security": ("security",),
}


_LINK_TARGET = lazy(r"\]\([^()\n]*\)|<[^<>\n]*>")


def _without_addresses(line: str) -> str:
    """A line's words without its URLs and link targets: an address is not the sentence."""
    return _BARE_URL.sub(" ", _LINK_TARGET.sub(" ", line))


def _says(line: str, words: tuple[str, ...]) -> bool:
    return _matches(_TOKEN.findall(line.casefold()), words)


def policy_link(text: str, kind: str, *, rst: bool = False) -> int | None:
    """The line where a page links the ``kind`` policy (``contributing``, ``conduct``, ``security``); None if it does not.

    A link counts when it is in a section whose heading names the policy ("## Contributor
    guidelines" followed by a link to the organisation's guide), when its sentence names
    it ("Report a security vulnerability: https://..."), or when the sentence names the
    topic and the link's address does too ("Contributing: see CONTRIBUTING.md").
    """
    by_line: dict[int, list[Link]] = {}
    for link in links(text, rst=rst):
        by_line.setdefault(link.line, []).append(link)
    if not by_line:
        return None
    lines = text.splitlines()
    heading_at = {h.line: h for h in headings(text, rst=rst)}
    section_level: int | None = None  # the level of the heading that names the policy, while inside it
    for number in range(1, len(lines) + 1):
        heading = heading_at.get(number)
        if heading is not None:
            if _matches(_tokens(heading.title), _POLICY_HEADINGS[kind]):
                section_level = heading.level
            elif section_level is not None and heading.level <= section_level:
                section_level = None
        if number not in by_line:
            continue
        line = _without_addresses(_prose(lines[number - 1], rst))
        if section_level is not None or _says(line, _POLICY_SENTENCES[kind]):
            return number
        named = _matches(_TOKEN.findall(line.casefold()), _POLICY_HEADINGS[kind])
        if named and any(
            hint in link.target.lower() for link in by_line[number] for hint in _POLICY_TARGETS[kind]
        ):
            return number
    return None
