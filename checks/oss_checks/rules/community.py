"""Community files (OSS1xx): what tells people what the project is, who owns it and how to join in."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from oss_checks.registry import Finding, Kind, Option, Rule, Stakeholder
from oss_checks.text.citation import citation
from oss_checks.text.community import (
    CHANGELOG_NAMES,
    CITATION_NAMES,
    CODE_OF_CONDUCT_NAMES,
    CONTRIBUTING_NAMES,
    LICENSE_NAMES,
    README_NAMES,
    SECURITY_NAMES,
    is_community_file,
    is_rst,
)
from oss_checks.text.licenses import (
    classifier_families,
    detect_licenses,
    license_classifiers,
    license_families,
)
from oss_checks.text.locators import text_line, toml_key_line, yaml_key_line
from oss_checks.text.markup import clean_title, count_words, headings, name_key
from oss_checks.text.urls import SOURCE_LABELS, URL_IN_TEXT, RepoUrl, parse_repo_url, project_urls, url_label

if TYPE_CHECKING:
    from oss_checks.context import Repo


# -- OSS101-OSS107: the community files exist and say something ------------------------------
def _min_words(default: int) -> dict[str, Option]:
    return {
        "min-words": Option(
            int, default, "How many words of text besides headings the file needs to count as written."
        )
    }


class _CommunityFile(Rule):
    """Shared by the rules that want one community file with real content."""

    candidates: ClassVar[tuple[str, ...]]
    label: ClassVar[str]
    #: What the file is for, completing "add FILE to ...".
    purpose: ClassVar[str]
    fixable = True
    options: ClassVar[Mapping[str, Option]] = _min_words(10)

    @property
    def template_path(self) -> str:
        return self.candidates[0]

    def applies_here(self, repo: Repo) -> bool:
        """Whether the file is wanted in this repository (a convention not adopted: see ``elsewhere``)."""
        return self.in_full

    def check(self, repo: Repo) -> Iterator[Finding]:
        if not self.applies_here(repo):
            return
        path = repo.find(*self.candidates)
        if path is None:
            yield self.finding(
                self.template_path,
                f"{self.label} is missing: add {self.template_path} so that readers can {self.purpose}"
                + (" (--fix creates it from the template with the recorded answers)" if repo.answers else ""),
            )
            return
        text = repo.read_text(path)
        if text is None:
            kind = "a symbolic link" if repo.is_symlink(path) else "binary, not UTF-8 or unreadable"
            yield self.finding(
                path,
                f"{path} cannot be read as text ({kind}); replace it with a plain UTF-8 file "
                f"so that readers can {self.purpose}",
            )
            return
        problem = self.content_problem(path, text)
        if problem is not None:
            yield self.finding(path, problem)

    def content_problem(self, path: str, text: str) -> str | None:
        minimum = int(self.settings["min-words"])
        words = count_words(text, rst=is_rst(path))
        if words >= minimum:
            return None
        if not text.strip():
            return f"{path} is empty: write it so that readers can {self.purpose}"
        return (
            f"{path} has no real content ({words} word{'' if words == 1 else 's'} besides headings, at least {minimum} "
            f"expected): write it so that readers can {self.purpose}"
        )

    def fix(self, repo: Repo, finding: Finding) -> bool:
        # Only a missing file is created; an existing one is the team's and is never touched.
        if finding.path != self.template_path or repo.find(*self.candidates) is not None:
            return False
        # Rendering pulls in cookiecutter and Jinja: loaded only when a fix runs.
        from oss_checks.errors import UserError
        from oss_checks.fixes import create_file
        from oss_checks.render import render_file
        from oss_checks.template import template_root

        if not repo.answers:
            # Without the answers recorded at bake time the template's text would state
            # defaults (contacts, CI, docs) as facts about this project: write nothing.
            return False
        try:
            text = render_file(template_root(), repo.answers, self.template_path)
        except (UserError, OSError, UnicodeDecodeError):
            return False
        if text is None or not self.acceptable(repo, text):
            return False
        return create_file(repo.root, self.template_path, text)

    def acceptable(self, repo: Repo, text: str) -> bool:
        """Whether the rendered file may be written for this repository."""
        return True

    def can_fix(self, repo: Repo, finding: Finding) -> bool:
        # Only a missing file, and only from the answers recorded at bake time.
        return (
            bool(repo.answers) and finding.path == self.template_path and repo.find(*self.candidates) is None
        )


class OSS101(_CommunityFile):
    """README is missing or has no real content

    ## What it does
    Looks for a README (README.md, README.rst, README.txt or README) at the top of the
    repository and checks that it holds more than headings: at least `min-words` words.

    ## Why is this bad?
    The README is the first, and often the only, page people read. Without it a manager
    cannot tell what the project delivers, and a colleague cannot tell whether the
    notebooks and models inside are worth reusing.

    ## Example
    A README.md that only says `# churn-model` passes no knowledge on.

    ## How to fix
    Write a README.md that says in a few sentences what the project does, for whom, how to
    install and run it, and where the data comes from. `--fix` creates one from the template
    when the file is missing.
    """

    name = "readme-content"
    stakeholders = (Stakeholder.EXECUTIVE, Stakeholder.DATA_SCIENCE)
    candidates = README_NAMES
    label = "README"
    purpose = "tell what the project does and how to use it"


class OSS102(_CommunityFile):
    """LICENSE is missing or has no real content

    ## What it does
    Looks for a LICENSE (also LICENCE, COPYING, with .md or .txt) at the top of the
    repository and checks that it holds a recognisable license text, or at least
    `min-words` words of terms.

    ## Why is this bad?
    Code without a license cannot legally be reused, not even by another team of the
    same company when the project is published. Legal reviews stall on repositories
    that do not state their terms.

    ## Example
    A repository with `license = "MIT"` in pyproject.toml but no LICENSE file.

    ## How to fix
    Add a LICENSE file with the full text of the license your project uses (the one in
    pyproject.toml). For internal code, state that all rights are reserved. `--fix`
    creates it from the template when the file is missing.
    """

    name = "license-content"
    stakeholders = (Stakeholder.LEGAL,)
    candidates = LICENSE_NAMES
    label = "LICENSE"
    purpose = "know under which terms they may use the code"

    def content_problem(self, path: str, text: str) -> str | None:
        if detect_licenses(text):
            return None  # a short known text (e.g. a proprietary notice) is a complete license
        return super().content_problem(path, text)

    def acceptable(self, repo: Repo, text: str) -> bool:
        # Without the template's recorded answer the license is guessed from pyproject.toml;
        # a text that says otherwise would grant (or withhold) rights nobody chose.
        if repo.answers.get("license"):
            return True
        declared = repo.project.get("license")
        if not isinstance(declared, str):
            return False
        families, _ = license_families(declared)
        return any(known.key in families for known in detect_licenses(text))


class OSS103(_CommunityFile):
    """CONTRIBUTING guide is missing or has no real content

    ## What it does
    Looks for CONTRIBUTING.md (at the top, in `.github/` or in `docs/`) and checks that it
    holds at least `min-words` words besides headings.

    ## Why is this bad?
    Without a contribution guide every newcomer asks the same questions: how to set up the
    environment, which checks to run, how a change gets reviewed. Answers end up scattered
    across chats, and reviews take longer.

    ## Example
    A CONTRIBUTING.md with only the heading `# Contributing`.

    ## How to fix
    Describe how to set up the project, run `nox`, name branches and open a pull or merge
    request. `--fix` creates the file from the template when it is missing.
    """

    name = "contributing-content"
    kind = Kind.CONVENTION
    elsewhere = "nothing: a CONTRIBUTING guide is a way of working a repository adopts."
    stakeholders = (Stakeholder.MANAGEMENT,)
    candidates = CONTRIBUTING_NAMES
    label = "CONTRIBUTING guide"
    purpose = "set up the project, run the checks and propose a change"


class OSS104(_CommunityFile):
    """Code of conduct is missing or has no real content

    ## What it does
    Looks for CODE_OF_CONDUCT.md (at the top, in `.github/` or in `docs/`) and checks that
    it holds at least `min-words` words besides headings.

    ## Why is this bad?
    A code of conduct tells contributors which behaviour is expected and whom to contact
    when something goes wrong. Without it, problems are handled case by case and people
    outside the core team are less likely to join in.

    ## Example
    A repository that accepts contributions from other departments but has no
    CODE_OF_CONDUCT.md.

    ## How to fix
    Add a CODE_OF_CONDUCT.md, for example the Contributor Covenant, with a real contact
    address for reports. `--fix` creates it from the template when it is missing.
    """

    name = "code-of-conduct-content"
    kind = Kind.CONVENTION
    elsewhere = "a missing or empty code of conduct in a package published for others, or in a project that invites outside contributions."
    stakeholders = (Stakeholder.MANAGEMENT,)
    candidates = CODE_OF_CONDUCT_NAMES
    label = "Code of conduct"
    purpose = "know the expected behaviour and how to report problems"


class OSS105(_CommunityFile):
    """Security policy is missing or has no real content

    ## What it does
    Looks for SECURITY.md (at the top, in `.github/` or in `docs/`) and checks that it holds
    at least `min-words` words besides headings.

    ## Why is this bad?
    When someone finds a leaked credential, a vulnerable dependency or personal data in the
    repository, they need to know how to report it privately. Without a policy the report
    lands in a public issue, or nowhere.

    ## Example
    A repository with no SECURITY.md, so a data leak is reported in a public issue.

    ## How to fix
    Add a SECURITY.md that names a private contact (an address, not a person's chat
    handle) and says what happens after a report. `--fix` creates it from the template when
    it is missing.
    """

    name = "security-content"
    kind = Kind.CONVENTION
    elsewhere = "a missing or empty security policy in a package published for others, or in a project that invites outside contributions."
    stakeholders = (Stakeholder.LEGAL, Stakeholder.MANAGEMENT)
    candidates = SECURITY_NAMES
    label = "Security policy"
    purpose = "report a vulnerability or a data leak privately"


class OSS106(_CommunityFile):
    """CHANGELOG is missing or has no real content

    ## What it does
    Looks for a CHANGELOG (also CHANGES, HISTORY or NEWS) at the top of the repository and
    checks that it holds at least `min-words` words besides headings.

    ## Why is this bad?
    People who depend on a package or a model need to know what changed between versions
    before upgrading. A changelog also lets management see what a release delivered without
    reading commits.

    ## Example
    A CHANGELOG.md that holds only `# Changelog`.

    ## How to fix
    Keep a CHANGELOG.md in the "Keep a Changelog" format: an `## [Unreleased]` section on
    top, then one section per release with what was added, changed and fixed. `--fix`
    creates it from the template when it is missing.
    """

    name = "changelog-content"
    kind = Kind.CONVENTION
    elsewhere = "a missing changelog in a package that publishes releases (it has release tags)."
    stakeholders = (Stakeholder.EXECUTIVE,)
    candidates = CHANGELOG_NAMES
    label = "CHANGELOG"
    # Entries are terse by nature: "- First release." is a real changelog.
    options: ClassVar[Mapping[str, Option]] = _min_words(5)
    purpose = "see what changed in each release"


_CFF_REQUIRED = ("cff-version", "message", "title", "authors")


class OSS107(_CommunityFile):
    """CITATION.cff is missing or has no real content

    ## What it does
    Looks for CITATION.cff at the top of the repository and checks that it is valid YAML
    with the keys the Citation File Format requires: `cff-version`, `message`, `title` and
    at least one of `authors`.

    ## Why is this bad?
    Analyses and models get reused in reports and papers. A citation file tells people how
    to credit the team and which version they used, and lets GitHub, GitLab and Zenodo show
    a "cite this" button.

    ## Example
    A CITATION.cff with only `title: churn model`, or with a YAML syntax error.

    ## How to fix
    Fill in `cff-version: 1.2.0`, a `message` such as "If you use this work, please cite it
    as below.", the `title` and the `authors`. `--fix` creates the file from the template
    when it is missing.
    """

    name = "citation-content"
    kind = Kind.CONVENTION
    elsewhere = "a CITATION.cff that is not valid; a missing one is not reported."
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    candidates = CITATION_NAMES
    label = "CITATION.cff"
    purpose = "cite this work with the right title, authors and version"
    options: ClassVar[Mapping[str, Option]] = {}

    def applies_here(self, repo: Repo) -> bool:
        return True  # an existing file is checked everywhere; a missing one below only in full

    def check(self, repo: Repo) -> Iterator[Finding]:
        path = repo.find(*self.candidates)
        if path is None and not self.in_full:
            return
        parsed = citation(repo) if path is not None else None
        if path is None or parsed is None:
            yield from super().check(repo)  # missing or unreadable: the shared messages
            return
        if parsed.data is None:
            yield self.finding(
                path,
                f"{path} {parsed.error}; fix it so that readers can {self.purpose}",
                line=parsed.line,
            )
            return
        missing = [key for key in _CFF_REQUIRED if not parsed.data.get(key)]
        if missing:
            yield self.finding(
                path,
                f"{path} has no {', '.join(missing)}: add them so that readers can {self.purpose}",
            )


# -- OSS110: placeholders left in community files ---------------------------------------
#: Ends every README section that --fix adds: the section exists, its text is still to write.
SKELETON_MARK = "(Added by oss-checks --fix: replace this sentence.)"
_PLACEHOLDER = re.compile(
    r"\b(?:TODO|TBD|FIXME)\b"
    r"|(?i:\[\s*INSERT\b[^\[\]\n]*\])"
    r"|(?i:<\s*INSERT\b[^<>\n]*>)"
    r"|(?P<tag>(?<!\$)\{\{[^{}\n]*\}\}|\{%[^{}\n]{0,200}?%\})"  # ${{ ... }} is a CI expression
    r"|(?i:\blorem\s+ipsum\b)"
    r"|(?i:\byour\s+name\s+here\b)"
    r"|(?P<skeleton>" + re.escape(SKELETON_MARK) + r")"
)


class OSS110(Rule):
    """Community file still holds a placeholder

    ## What it does
    Scans the README, LICENSE, CONTRIBUTING, CODE_OF_CONDUCT, SECURITY, CHANGELOG and
    CITATION.cff for text that was meant to be replaced: `TODO`, `TBD`, `FIXME`,
    `[INSERT ...]`, `<INSERT ...>`, left-over template tags such as `{{ name }}` or `{% if %}`,
    "lorem ipsum" and "your name here". Each one is reported with its line and column.
    Template tags written as inline code (between backticks) count as documentation, and
    `${{ ... }}` is a CI expression; neither is reported.

    ## Why is this bad?
    These files are what outsiders, auditors and managers read. A `[INSERT CONTACT METHOD]`
    in the code of conduct means nobody can report a problem, and a `TODO` in the README
    tells readers the project is unfinished.

    ## Example
    `Report unacceptable behaviour to [INSERT CONTACT METHOD].` in CODE_OF_CONDUCT.md.

    ## How to fix
    Replace each placeholder with the real text, or delete the sentence if it does not
    apply. Keep to-do items in the issue tracker rather than in these files.
    """

    name = "community-placeholders"
    stakeholders = (Stakeholder.EXECUTIVE,)

    def check(self, repo: Repo) -> Iterator[Finding]:
        for path in repo.paths:
            if is_community_file(path):
                yield from self._scan(path, repo.read_text(path))

    def _scan(self, path: str, text: str | None) -> Iterator[Finding]:
        if not text:
            return  # missing, empty or unreadable: the content rules report it
        for number, line in enumerate(text.splitlines(), start=1):
            backticks, counted = 0, 0
            for match in _PLACEHOLDER.finditer(line):
                backticks += line.count("`", counted, match.start())
                counted = match.start()
                if match.group("tag") and backticks % 2 == 1:
                    continue  # `{{ name }}` written as inline code documents templating; no leftover
                snippet = match.group(0)
                if len(snippet) > 40:
                    snippet = snippet[:37] + "..."
                yield self.finding(
                    path,
                    f"{path} still holds the placeholder {snippet!r}: replace it with the real "
                    "text or remove it",
                    line=number,
                    col=match.start() + 1,
                )


# -- OSS111: the README has the sections people look for --------------------------------
DEFAULT_SECTIONS = ["installation", "usage", "contributing", "license"]
DEFAULT_SYNONYMS: dict[str, list[str]] = {
    "installation": ["Installation", "Install", "Setup", "Getting started"],
    "usage": ["Usage", "Examples", "Quickstart", "How to use"],
    "contributing": ["Contributing", "Contribute", "Development"],
    "license": ["License", "Licence", "Licensing"],
    "data": ["Data", "Datasets", "Data sources"],
}
#: One sentence per skeleton section, telling the author what to write there.
_SKELETON_TEXT = {
    "installation": "Describe how to install the project, for example with pip or uv, "
    "and which Python versions it supports.",
    "usage": "Show the shortest example that runs, and say what it produces.",
    "contributing": "Read CONTRIBUTING.md to learn how to set up the project, run the checks "
    "and propose a change.",
    "license": "Name the license this work is shared under; the full text is in the LICENSE file.",
    "data": "Describe where the data comes from, who may use it, and how to get it into data/raw/.",
}


def _heading_key(title: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", clean_title(title).casefold()).split())


def _section_title(key: str, synonyms: Mapping[str, list[str]]) -> str:
    names = synonyms.get(key) or []
    return names[0] if names else key.replace("-", " ").replace("_", " ").capitalize()


class OSS111(Rule):
    """README lacks a section people look for

    ## What it does
    Checks that the README has a heading for each required section: by default
    Installation, Usage, Contributing and License, plus Data for analysis projects. Each
    section accepts several headings (for example "Setup" or "Getting started" for
    Installation); Markdown `#` and underlined headings of any level count, in any case,
    with or without trailing punctuation or emoji. The `required`, `analysis-required` and
    `synonyms` options change the list.

    ## Why is this bad?
    Readers scan a README for the same few answers: how do I install it, how do I use it,
    how do I help, may I reuse it, and (for analyses) where does the data come from. A
    README that hides these answers in prose, or leaves them out, costs every reader time.

    ## Example
    A README.md with `# Churn model` and `## Results`, but no Installation or Usage section.

    ## How to fix
    Add the missing sections with a heading from the accepted list. `--fix` appends a
    skeleton for each missing section with one sentence saying what to write there.
    """

    name = "readme-sections"
    kind = Kind.CONVENTION
    elsewhere = "once, when the README never says how to install or run the project."
    stakeholders = (Stakeholder.EXECUTIVE, Stakeholder.DATA_SCIENCE)
    fixable = True
    options: ClassVar[Mapping[str, Option]] = {
        "required": Option(list, DEFAULT_SECTIONS, "Sections every README needs.", item_kind=str),
        "analysis-required": Option(
            list, ["data"], "Sections an analysis project's README needs as well.", item_kind=str
        ),
        "synonyms": Option(
            dict,
            DEFAULT_SYNONYMS,
            "Accepted headings per section; a section given here replaces its built-in list.",
            item_kind=list,
        ),
    }

    def synonyms(self) -> dict[str, list[str]]:
        merged = {key: list(names) for key, names in DEFAULT_SYNONYMS.items()}
        for key, names in self.settings["synonyms"].items():
            merged[str(key)] = [str(name) for name in names]
        return merged

    def required(self, repo: Repo) -> list[str]:
        keys = [str(key) for key in self.settings["required"]]
        if repo.project_type == "analysis":
            keys += [str(key) for key in self.settings["analysis-required"] if key not in keys]
        return keys

    def missing(self, repo: Repo, path: str, text: str) -> list[str]:
        synonyms = self.synonyms()
        present = [_heading_key(h.title) for h in headings(text, rst=is_rst(path))]
        missing = []
        for key in self.required(repo):
            accepted = [_heading_key(name) for name in synonyms.get(key) or [key.replace("-", " ")]]
            if not any(
                heading == name or heading.startswith(name + " ")
                for heading in present
                for name in accepted
                if name
            ):
                missing.append(key)
        return missing

    def check(self, repo: Repo) -> Iterator[Finding]:
        path = repo.find(*README_NAMES)
        text = repo.read_text(path) if path else None
        if path is None or text is None or not text.strip():
            return  # OSS101 reports a missing, unreadable or empty README
        synonyms = self.synonyms()
        for key in self.missing(repo, path, text):
            accepted = ", ".join(synonyms.get(key) or [_section_title(key, synonyms)])
            yield self.finding(
                path,
                f"{path} has no '{_section_title(key, synonyms)}' section "
                f"(accepted headings: {accepted}); add one",
            )

    def fix(self, repo: Repo, finding: Finding) -> bool:
        from oss_checks.fixes import append_text  # only --fix needs it

        if repo.is_symlink(finding.path):
            return False
        try:
            # Read afresh: an earlier fix in this run may already have appended the sections.
            with (repo.root / finding.path).open(encoding="utf-8", newline="") as handle:
                current = handle.read()
        except (OSError, UnicodeDecodeError):
            return False
        missing = self.missing(repo, finding.path, current)
        if not missing:
            return False
        newline = "\r\n" if "\r\n" in current else "\n"
        synonyms = self.synonyms()
        blocks = []
        for key in missing:
            title = _section_title(key, synonyms)
            heading = f"{title}{newline}{'-' * len(title)}" if is_rst(finding.path) else f"## {title}"
            body = _SKELETON_TEXT.get(key, f"Describe the {title.lower()} of this project here.")
            # Marked, so that OSS110 keeps asking for real text until someone writes it.
            body += f" {SKELETON_MARK}"
            blocks.append(f"{heading}{newline}{newline}{body}{newline}")
        lead = "" if not current.strip() or current.endswith(newline * 2) else newline
        return append_text(repo.root, finding.path, current, lead + newline.join(blocks))


# -- OSS112: the LICENSE text and pyproject's license agree ---------------------------------
class OSS112(Rule):
    """LICENSE text and pyproject.toml name different licenses

    ## What it does
    Recognises the license in the LICENSE file from distinctive phrases of its text (MIT,
    BSD-2-Clause, BSD-3-Clause, Apache-2.0, GPL, LGPL, AGPL, MPL-2.0, ISC, Unlicense, or a
    proprietary "all rights reserved" notice) and compares it with the `license` in
    pyproject.toml: the SPDX expression, the older `{text = ...}` table or the License
    classifiers.

    ## Why is this bad?
    The LICENSE file is what lawyers read; pyproject.toml is what package indexes, scanners
    and procurement tools read. When they disagree nobody knows which terms apply, and a
    compliance scan may approve code that is in fact restricted.

    ## Example
    LICENSE holds the MIT text while pyproject.toml says `license = "Apache-2.0"`.

    ## How to fix
    Decide which license applies, then make both say it: put that license's full text in
    LICENSE and its SPDX identifier in `license` (`LicenseRef-Proprietary` for internal
    code).
    """

    name = "license-agreement"
    stakeholders = (Stakeholder.LEGAL,)

    def check(self, repo: Repo) -> Iterator[Finding]:
        path = repo.find(*LICENSE_NAMES)
        text = repo.read_text(path) if path else None
        project = repo.project
        if path is None or text is None or not project:
            return
        detected = detect_licenses(text)
        if not detected:
            return
        pyproject_text = repo.read_text("pyproject.toml")
        declared = project.get("license")
        families: set[str] = set()
        all_known = True
        if isinstance(declared, str):
            families, all_known = license_families(declared)
            shown = f'license = "{declared}"'
            line = toml_key_line(pyproject_text, "project", "license")
        elif isinstance(declared, dict) and isinstance(declared.get("text"), str):
            families, all_known = license_families(declared["text"])
            shown = f'license = {{text = "{declared["text"]}"}}'
            line = toml_key_line(pyproject_text, "project", "license")
        else:
            classifiers = license_classifiers(project)
            families = classifier_families(classifiers)
            if not families:
                return
            shown = f"the classifier '{classifiers[0]}'"
            line = text_line(pyproject_text, classifiers[0])[0]
        if not families or any(known.key in families for known in detected):
            return
        if not all_known:
            return  # an identifier we cannot map may well be the license in LICENSE
        names = " and ".join(known.display for known in detected)
        yield self.finding(
            "pyproject.toml",
            f"{path} holds the {names} license text but pyproject.toml declares {shown}; "
            f'make both name the same license (for {names}: license = "{detected[0].spdx}")',
            line=line,
        )


# -- OSS113: one project name and one repository URL everywhere ----------------------------
@dataclass(frozen=True)
class _Claim:
    path: str
    line: int
    col: int
    value: str
    key: str


class OSS113(Rule):
    """Project name or repository URL differs between files

    ## What it does
    Collects the project name from pyproject.toml (`[project] name`), the README's top
    heading and CITATION.cff (`title`), and the repository URL from pyproject.toml
    (`[project.urls]` Source, Repository or Homepage), CITATION.cff (`repository-code`)
    and the links in README and CONTRIBUTING that point into the same organisation on the
    same host. Names are compared ignoring case, accents, spaces, dashes and underscores;
    URLs ignoring case, a trailing slash and `.git`.

    ## Why is this bad?
    After a rename or a move to another group, half-updated files send people to a dead
    repository, make citations point at the wrong place, and make it unclear which project
    a package belongs to.

    ## Example
    pyproject.toml says `name = "churn-model"` while the README is titled
    `# Customer Attrition`, or the README links to `github.com/acme/old-name`.

    ## How to fix
    Pick the one name and the one URL (pyproject.toml is taken as the reference) and use
    them in every file listed in the message.
    """

    name = "identity-agreement"
    stakeholders = (Stakeholder.EXECUTIVE,)

    def check(self, repo: Repo) -> Iterator[Finding]:
        exact, loose = self._url_claims(repo)
        reference, reference_url = self._reference(exact, loose)
        yield from self._names(repo, reference_url)
        if reference is not None and reference_url is not None:
            yield from self._urls(exact, loose, reference, reference_url)

    def _names(self, repo: Repo, url: RepoUrl | None) -> Iterator[Finding]:
        claims: list[_Claim] = []
        name = repo.project.get("name")
        if isinstance(name, str) and name.strip():
            line = toml_key_line(repo.read_text("pyproject.toml"), "project", "name")
            claims.append(_Claim("pyproject.toml", line, 0, name, name_key(name)))
        cff = citation(repo)
        if cff is not None and cff.data is not None and isinstance(cff.data.get("title"), str):
            title = cff.data["title"]
            line = yaml_key_line(repo.read_text("CITATION.cff"), "title")
            claims.append(_Claim("CITATION.cff", line, 0, title, name_key(title)))
        readme = repo.find(*README_NAMES)
        text = repo.read_text(readme) if readme else None
        if readme and text:
            top = [h for h in headings(text, rst=is_rst(readme)) if h.level == 1]
            if top and clean_title(top[0].title):
                title = clean_title(top[0].title)
                claims.append(_Claim(readme, top[0].line, 0, title, name_key(title)))
        claims = [c for c in claims if c.key]
        if not claims:
            return
        reference = claims[0]
        # The repository's own name also counts: a package may be published under another name.
        repository = url.segments[-1] if url is not None else None
        accepted = {reference.key, name_key(repository or "")} - {""}
        # The template record ties the display name to the slug cookiecutter derived from it
        # (by transliteration: "Zoë 数据" -> "zoe-shu-ju"), so either spelling is the same project.
        recorded = {name_key(str(repo.answers.get(key, ""))) for key in ("project_name", "project_slug")} - {
            ""
        }
        if recorded & accepted:
            accepted |= recorded
        differs = repository is not None and name_key(repository) != reference.key
        also = f" and the repository is called '{repository}'" if differs else ""
        for claim in claims[1:]:
            if claim.key not in accepted:
                yield self.finding(
                    claim.path,
                    f"{claim.path} names the project '{claim.value}' but {reference.path} names it "
                    f"'{reference.value}'{also}; use one name everywhere",
                    line=claim.line,
                )

    @staticmethod
    def _url_claims(repo: Repo) -> tuple[list[_Claim], list[_Claim]]:
        pyproject_text = repo.read_text("pyproject.toml")
        exact: list[_Claim] = []  # statements of "the repository is at"
        loose: list[_Claim] = []  # any link that may point into the repository
        for label, value in project_urls(repo.project).items():
            line = toml_key_line(pyproject_text, "project.urls", label)
            claim = _Claim("pyproject.toml", line, 0, value, label)
            (exact if url_label(label) in SOURCE_LABELS else loose).append(claim)
        cff = citation(repo)
        if cff is not None and cff.data is not None:
            cff_text = repo.read_text("CITATION.cff")
            for key in ("repository-code", "url", "repository"):
                stated = cff.data.get(key)
                if isinstance(stated, str):
                    claim = _Claim("CITATION.cff", yaml_key_line(cff_text, key), 0, stated, key)
                    (exact if key == "repository-code" else loose).append(claim)
        for path in (repo.find(*README_NAMES), repo.find(*CONTRIBUTING_NAMES)):
            text = repo.read_text(path) if path else None
            if path and text:
                loose.extend(
                    _Claim(path, number, match.start() + 1, match.group(0), "link")
                    for number, line_text in enumerate(text.splitlines(), start=1)
                    for match in URL_IN_TEXT.finditer(line_text)
                )
        return exact, loose

    def _urls(
        self, exact: list[_Claim], loose: list[_Claim], reference: _Claim, reference_url: RepoUrl
    ) -> Iterator[Finding]:
        owner, name = reference_url.segments[:-1], reference_url.segments[-1]
        for claim in exact:
            url = parse_repo_url(claim.value)
            if claim is reference or url is None:
                continue
            if url != reference_url:
                yield self._url_finding(claim, reference, reference_url)
        for claim in loose:
            url = parse_repo_url(claim.value)
            if claim is reference or url is None or url.host != reference_url.host:
                continue
            if url.segments[: len(owner)] != owner or len(url.segments) <= len(owner):
                continue  # elsewhere on the host, or the organisation's own page
            if url.segments[len(owner)] != name:
                yield self._url_finding(claim, reference, reference_url)

    @staticmethod
    def _reference(exact: list[_Claim], loose: list[_Claim]) -> tuple[_Claim | None, RepoUrl | None]:
        homepages = [c for c in loose if c.path == "pyproject.toml" and url_label(c.key) == "homepage"]
        for claim in [*exact[:1], *homepages, *exact[1:]]:
            url = parse_repo_url(claim.value)
            if url is not None and len(url.segments) >= 2:
                return claim, url
        return None, None

    def _url_finding(self, claim: _Claim, reference: _Claim, url: RepoUrl) -> Finding:
        return self.finding(
            claim.path,
            f"{claim.path} points at {claim.value} but {reference.path} gives the repository as "
            f"{url.text}; use one repository URL everywhere",
            line=claim.line,
            col=claim.col,
        )


# -- OSS114: CODEOWNERS ------------------------------------------------------------------
CODEOWNERS_PATHS = ("CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS")
_OWNER = re.compile(
    r"@@?[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._/-]*)?|[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+"
)
_SECTION = re.compile(r"^\^?\[[^\]]+\](?:\[\d+\])?(.*)$")


class OSS114(Rule):
    """CODEOWNERS is missing or names no owner

    ## What it does
    Looks for a CODEOWNERS file (at the top, in `.github/`, `.gitlab/` or `docs/`) and checks
    that at least one rule gives a path pattern an owner: `@user`, `@org/team` or an email
    address. Owners that are none of these are reported with their line.

    ## Why is this bad?
    Code owners are asked to review every change to their files automatically. Without
    them reviews depend on who happens to notice, changes to shared code go unreviewed, and
    nobody is clearly accountable for the project.

    ## Example
    A CODEOWNERS file with only comments, or with `* data-team` (not a valid owner).

    ## How to fix
    Add a line such as `* @org/data-science-team` (or an email address) that covers the whole
    repository, then narrower rules for parts owned by other people.
    """

    name = "codeowners"
    kind = Kind.CONVENTION
    elsewhere = (
        "the owners of an existing CODEOWNERS file that no forge can use; a missing file is not reported."
    )
    stakeholders = (Stakeholder.MANAGEMENT,)

    def check(self, repo: Repo) -> Iterator[Finding]:
        path = repo.find(*CODEOWNERS_PATHS)
        if path is None:
            yield self.finding(
                "CODEOWNERS",
                "CODEOWNERS is missing: add it with a line such as '* @org/team' so every change "
                "gets a reviewer",
            )
            return
        text = repo.read_text(path)
        if text is None:
            yield self.finding(path, f"{path} cannot be read as text; save it as a plain UTF-8 file")
            return
        rules = 0
        section_owners: list[str] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
            if not line:
                continue
            section = _SECTION.match(line)
            if section:
                section_owners = section.group(1).split()
                tokens = section_owners
            else:
                tokens = line.split()[1:]
            bad = [token for token in tokens if not _OWNER.fullmatch(token)]
            for token in bad:
                yield self.finding(
                    path,
                    f"{path} names '{token}' as an owner; owners are @user, @org/team or an email address",
                    line=number,
                    col=raw.find(token) + 1,
                )
            if not section and (len(tokens) > len(bad) or (not tokens and section_owners)):
                rules += 1
        if rules == 0:
            yield self.finding(
                path,
                f"{path} gives no path an owner: add a line such as '* @org/team' so every change "
                "gets a reviewer",
            )


# -- OSS115: issue and pull/merge request templates -------------------------------------
def repo_forge(repo: Repo) -> str:
    """``github`` or ``gitlab``: from the template's answers, else from the files and URLs."""
    answers = repo.answers
    if answers.get("ci") in ("github", "gitlab"):
        return str(answers["ci"])
    if answers.get("git_host"):
        return "gitlab" if "gitlab" in str(answers["git_host"]).lower() else "github"
    if repo.exists(".gitlab-ci.yml") or repo.dir_exists(".gitlab"):
        return "gitlab"
    if repo.dir_exists(".github"):
        return "github"
    for value in project_urls(repo.project).values():
        if "gitlab" in value.lower():
            return "gitlab"
    return "github"


_TEMPLATE_SUFFIXES = (".md", ".yml", ".yaml")
#: (what, folder of templates, single-file locations, where to report) per forge.
_GITHUB_TEMPLATES = (
    (
        "issue template",
        ".github/ISSUE_TEMPLATE",
        (".github/ISSUE_TEMPLATE.md", "ISSUE_TEMPLATE.md", "docs/ISSUE_TEMPLATE.md"),
        ".github/ISSUE_TEMPLATE/",
    ),
    (
        "pull request template",
        ".github/PULL_REQUEST_TEMPLATE",
        (".github/pull_request_template.md", "pull_request_template.md", "docs/pull_request_template.md"),
        ".github/PULL_REQUEST_TEMPLATE.md",
    ),
)
_GITLAB_TEMPLATES = (
    ("issue template", ".gitlab/issue_templates", (), ".gitlab/issue_templates/"),
    ("merge request template", ".gitlab/merge_request_templates", (), ".gitlab/merge_request_templates/"),
)


class OSS115(Rule):
    """Issue or pull request templates are missing

    ## What it does
    Checks that the repository has at least one issue template and a pull request template
    (GitHub: `.github/ISSUE_TEMPLATE/` and `.github/pull_request_template.md`) or merge
    request template (GitLab: `.gitlab/issue_templates/` and `.gitlab/merge_request_templates/`).
    The forge comes from the template's answers, else from the files present.

    ## Why is this bad?
    Templates make people give the information a reviewer needs: steps to reproduce a bug,
    the data version used, whether tests and the changelog were updated. Without them
    reviewers ask again in every thread and issues stay unanswerable.

    ## Example
    A GitHub repository with `.github/workflows/` but no `.github/ISSUE_TEMPLATE/`.

    ## How to fix
    Add a bug report and a feature request template, and a pull (or merge) request
    template with a short checklist (tests, docs, changelog). The oss-template ships
    ready-made ones.
    """

    name = "contribution-templates"
    kind = Kind.CONVENTION
    elsewhere = "templates the forge cannot find, such as a pull-request template in the wrong folder; missing ones are not reported."
    stakeholders = (Stakeholder.MANAGEMENT,)

    def check(self, repo: Repo) -> Iterator[Finding]:
        forge = repo_forge(repo)
        wanted = _GITLAB_TEMPLATES if forge == "gitlab" else _GITHUB_TEMPLATES
        for what, folder, files, report in wanted:
            if not self._has_template(repo, folder, files):
                yield self.finding(
                    report,
                    f"no {what}: add one at {report} so that people give reviewers what they need",
                )

    @staticmethod
    def _has_template(repo: Repo, folder: str, files: tuple[str, ...]) -> bool:
        prefix = folder.lower() + "/"
        singles = {f.lower() for f in files}
        for path in repo.paths:
            lowered = path.lower()
            in_folder = (
                lowered.startswith(prefix)
                and "/" not in lowered[len(prefix) :]
                and lowered.endswith(_TEMPLATE_SUFFIXES)
                and not lowered.endswith("/config.yml")  # chooser settings, not a template
            )
            if (in_folder or lowered in singles) and repo.size(path) > 0:
                return True
        return False
