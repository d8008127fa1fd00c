"""Community files (OSS1xx): what tells people what the project is, who owns it and how to join in."""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from oss_checks.patterns import lazy
from oss_checks.registry import Finding, Kind, Option, Rule, Severity, Stakeholder
from oss_checks.text.audience import (
    PUBLISHER_FILES,
    invites_contributions,
    is_package,
    makes_releases,
    one_maintainer,
    origin_slug,
    published,
)
from oss_checks.text.builds import description_text, ini_sections, poetry_table
from oss_checks.text.ci import databricks_jobs
from oss_checks.text.citation import citation
from oss_checks.text.community import (
    CHANGELOG_NAMES,
    CITATION_NAMES,
    CODE_OF_CONDUCT_NAMES,
    CONTRIBUTING_NAMES,
    LICENSE_NAMES,
    OTHER_CITATION_NAMES,
    README_NAMES,
    SECURITY_NAMES,
    docs_guide,
    is_community_file,
    is_markdown,
    is_rst,
    license_files,
    main_license,
    release_notes,
)
from oss_checks.text.layout import holds_more_than_queries, not_the_projects_own
from oss_checks.text.licenses import (
    classifier_families,
    detect_licenses,
    license_classifiers,
    license_families,
    license_named_in,
    r_package_license,
)
from oss_checks.text.locators import text_line, toml_key_line, yaml_key_line
from oss_checks.text.markup import (
    blank_html_comments,
    clean_title,
    code_lines,
    count_words,
    headings,
    name_key,
    without_inline_code,
)
from oss_checks.text.readme import (
    TOPIC_WORDS,
    files_that_repeat_the_work,
    heading_key,
    heading_topics,
    linked_paths,
    links,
    links_file,
    policy_link,
    resolve,
    runs_notebooks,
    says_how_to_run,
    section_headings,
)
from oss_checks.text.setup_py import setup_keywords
from oss_checks.text.tags import newest_version_tag, released_after
from oss_checks.text.urls import (
    REPOSITORY_PAGE_LABELS,
    SOURCE_LABELS,
    RepoUrl,
    is_forge,
    parse_repo_url,
    project_urls,
    url_label,
)

if TYPE_CHECKING:
    from oss_checks.context import Repo
    from oss_checks.text.licenses import RPackageLicense


# -- OSS101-OSS107: the community files exist and say something ------------------------------
#: How many words a README needs before OSS101 stops reporting it (its default min-words).
README_MIN_WORDS = 10


def _min_words(default: int) -> dict[str, Option]:
    return {
        "min-words": Option(
            int, default, "How many words of text besides headings the file needs to count as written."
        )
    }


#: At most this many words besides a link make a file a pointer to the real text.
_POINTER_WORDS = 15
#: A file this short whose only link names a file that is not there points readers nowhere.
_BROKEN_POINTER_WORDS = 40


class _CommunityFile(Rule):
    """Shared by the rules that want one community file with real content."""

    candidates: ClassVar[tuple[str, ...]]
    label: ClassVar[str]
    #: What the file is for, completing "add FILE to ...".
    purpose: ClassVar[str]
    #: The kind of guide it is in the docs tree and in a README link (``contributing`` ...), if any.
    guide: ClassVar[str | None] = None
    #: Whether a short file that links the real text counts (a README is the text itself).
    pointer_counts: ClassVar[bool] = True
    #: Whether a short file that only links a web page counts (a license needs its terms here).
    url_pointer_counts: ClassVar[bool] = True
    fixable = True
    options: ClassVar[Mapping[str, Option]] = _min_words(10)

    @property
    def template_path(self) -> str:
        return self.candidates[0]

    def locate(self, repo: Repo) -> str | None:
        """The file this rule checks: a usual name first, then a guide in the docs tree."""
        path = repo.find(*self.candidates)
        if path is None and self.guide is not None:
            path = docs_guide(repo, self.guide)
        return path

    def provided_otherwise(self, repo: Repo) -> bool:
        """Whether the repository gives what the file would give some other way: a link in the
        README, or in the contributing guide (the organisation's code of conduct, linked where
        contributors read)."""
        if self.guide is None:
            return False
        pages = [repo.find(*README_NAMES)]
        if self.guide != "contributing":
            pages.append(repo.find(*CONTRIBUTING_NAMES))
        for page in pages:
            text = repo.read_text(page) if page else None
            if page and text and policy_link(text, self.guide, rst=is_rst(page)) is not None:
                return True
        return False

    def wanted_elsewhere(self, repo: Repo) -> str | None:
        """Why a missing file matters in a repository that did not adopt the conventions (None: it does not)."""
        return None

    def check(self, repo: Repo) -> Iterator[Finding]:
        path = self.locate(repo)
        if path is None:
            if self.provided_otherwise(repo):
                return
            reason = None if self.in_full else self.wanted_elsewhere(repo)
            if not self.in_full and reason is None:
                return
            yield self.finding(
                self.template_path,
                f"{self.label} is missing: add {self.template_path} so that readers can {self.purpose}"
                + (" (--fix creates it from the template with the recorded answers)" if repo.answers else "")
                + (f"; it is wanted here because {reason}" if reason else ""),
            )
            return
        yield from self.check_file_content(repo, path)

    def check_file_content(self, repo: Repo, path: str) -> Iterator[Finding]:
        text = repo.read_text(path)
        if text is None:
            kind = (
                "a symbolic link that leads to no file inside the repository"
                if repo.is_symlink(path)
                else "binary, not UTF-8 or unreadable"
            )
            yield self.finding(
                path,
                f"{path} cannot be read as text ({kind}); replace it with a plain UTF-8 file "
                f"so that readers can {self.purpose}",
            )
            return
        problem = self.content_problem(path, text)
        words = count_words(text, rst=is_rst(path)) if self.pointer_counts and text.strip() else None
        if words is not None and words <= _BROKEN_POINTER_WORDS:
            # A short file is a pointer: it counts when what it links is there, and a link to a
            # file that moved leaves readers with no text, however many words lead to it.
            pointed, broken = self._pointer(repo, path, text)
            if pointed and problem is not None and words <= _POINTER_WORDS:
                return
            if broken is not None and not pointed:
                problem = (
                    f"{path} points at {broken}, which does not exist: fix the link or write the "
                    f"text here so that readers can {self.purpose}"
                )
        if problem is not None:
            yield self.finding(path, problem)

    def _pointer(self, repo: Repo, path: str, text: str) -> tuple[bool, str | None]:
        """Whether a short file points at the real text (a file that exists, or a page); the broken target."""
        folder = path.rpartition("/")[0]
        broken = None
        for link in links(text, rst=is_rst(path)):
            if link.is_url:
                if self.url_pointer_counts and not link.target.lower().startswith("mailto:"):
                    return True, None
                continue
            if not link.file:
                continue  # an anchor on this page
            target = resolve(folder, link.file)
            if target is None or target == path:
                continue
            if repo.exists(target) or repo.dir_exists(target):
                return True, None
            if "." in link.file.rpartition("/")[2]:
                broken = broken or link.file  # a file name that names nothing here (not a docs page id)
        return False, broken

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
        if finding.path != self.template_path or self.locate(repo) is not None:
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
        return bool(repo.answers) and finding.path == self.template_path and self.locate(repo) is None


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
    pointer_counts = False
    options: ClassVar[Mapping[str, Option]] = _min_words(README_MIN_WORDS)


#: The LICENSE an R package ships beside ``License: MIT + file LICENSE``: the year and the holder.
_R_LICENSE_STUB = lazy(r"\s*YEAR:[^\n]+\n\s*COPYRIGHT HOLDER:[^\n]+\s*")


def _declared_r_license(repo: Repo) -> RPackageLicense | None:
    """What the top DESCRIPTION's License field says, read once per repository."""
    return repo.memo("r-package-license", lambda: r_package_license(description_text(repo)))


def _r_package_license_stub(repo: Repo, path: str) -> bool:
    """Whether ``path`` is the year-and-holder file an R package's DESCRIPTION names beside its license."""
    text = repo.read_text(path) or ""
    if _R_LICENSE_STUB.fullmatch(text) is None:
        return False
    declared = _declared_r_license(repo)
    # Only "+ file LICENSE" completes a named license from the file; "file LICENSE" alone
    # says the file is the whole license, which a year and a holder are not.
    return declared is not None and declared.completed_by is not None


class OSS102(_CommunityFile):
    """LICENSE is missing or has no real content

    ## What it does
    Looks for the license at the top of the repository under any of the names people use
    (LICENSE, LICENCE or COPYING, also with a suffix such as `LICENSE.txt`, `LICENSE-CODE`
    or `COPYING.LESSER`, or a REUSE `LICENSES/` folder) and checks that the main one holds
    a recognisable license text, or at least `min-words` words of terms. Every other
    license file must not be empty. A LICENSE that holds only a copyright line grants
    nobody any rights: where the package metadata declares the code proprietary
    (`license = "proprietary"` in setup.py or pyproject.toml, or the "Other/Proprietary
    License" classifier) that is the owner's deliberate choice and is not reported;
    elsewhere the message says so and lets the owner decide. A short file that points at another license file of
    the repository counts; a bare web link does not, since it leaves out the copyright
    holder. So does an R package's `YEAR:` and `COPYRIGHT HOLDER:` file, which its
    `DESCRIPTION` names beside the license (`License: MIT + file LICENSE`). When
    LICENSE is missing and pyproject.toml or the README names one license ("published
    under the MIT licence"), the message says which text to add. A license whose name
    begins with an underscore (`_LICENCE.md`) is hidden from the tools that look for one
    (the code host's license detection, the license files a build puts into the package),
    unless pyproject.toml names it (`license-files`): the message asks to rename it.
    An R package whose DESCRIPTION gives a license R completes from a file (`MIT`,
    `BSD_3_clause`) without `+ file LICENSE` is told to name the file, as R CMD check does.

    ## Why is this bad?
    Code without a license cannot legally be reused, not even by another team of the
    same company when the project is published. Legal reviews stall on repositories
    that do not state their terms.

    ## Example
    A repository with `license = "MIT"` in pyproject.toml but no LICENSE file, or with a
    LICENSE file of 0 bytes.

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
    url_pointer_counts = False

    def locate(self, repo: Repo) -> str | None:
        files = license_files(repo)
        return files[0] if files else repo.find(*self.candidates)

    def check(self, repo: Repo) -> Iterator[Finding]:
        main = self.locate(repo)
        named = _license_the_project_names(repo) if main is None and not repo.answers else None
        # An R package's DESCRIPTION names its license where pyproject.toml would.
        r_license = _declared_r_license(repo) if main is None and not repo.answers else None
        if r_license is not None and self.in_full:
            yield self.finding(*_r_package_license_missing(r_license))
            return
        if named is not None and self.in_full:
            # Naming the license is not enough: its text holds the terms and the copyright holder.
            where, name = named
            yield self.finding(
                self.template_path,
                f"{self.label} is missing: {where} says the license is {name}, but its text (the terms "
                f"and the copyright holder) is not in the repository; add {self.template_path} with the "
                f"full text of {name}",
            )
            return
        template = _r_license_template_without_file(repo) if main is not None else None
        if template is not None:
            yield self.finding(
                "DESCRIPTION",
                f"DESCRIPTION says License: {template}, a license R completes from a file of its year and "
                f"holder, but names none: write License: {template} + file LICENSE, with LICENSE holding the "
                "YEAR and COPYRIGHT HOLDER lines and the full text in LICENSE.md (R CMD check asks for it)",
            )
        stub = main is not None and _r_package_license_stub(repo, main)
        # An R package's LICENSE holds only the year and holder that DESCRIPTION's
        # "License: MIT + file LICENSE" names: the license is in DESCRIPTION, by name.
        yield from (finding for finding in super().check(repo) if not (stub and finding.path == main))
        if main is not None and main.startswith("_") and not _named_as_license_file(repo, main):
            yield self.finding(
                main,
                f"{main} holds the license, but the leading underscore hides it from the tools that look "
                "for one (the repository page's license, the license files a build puts into the package): "
                f"rename it to {main.lstrip('_')}",
            )
        for path in license_files(repo)[1:]:
            text = repo.read_text(path)
            if text is not None and not text.strip():
                yield self.finding(
                    path, f"{path} is empty: write the license text it stands for, or delete it"
                )

    def check_file_content(self, repo: Repo, path: str) -> Iterator[Finding]:
        text = repo.read_text(path)
        if text is not None and not detect_licenses(text) and _copyright_only(text):
            if _declares_proprietary(repo):
                return  # a deliberate "all rights reserved": the owner chose to grant nothing
            yield self.finding(
                path,
                f"{path} holds only a copyright line, which grants nobody any rights: if others may "
                "use the code, add the terms of its license; if not, write 'All rights reserved.' "
                '(and license = "LicenseRef-Proprietary" in the package metadata) so readers know',
            )
            return
        yield from super().check_file_content(repo, path)

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


def _named_as_license_file(repo: Repo, path: str) -> bool:
    """Whether the build is told to ship ``path`` as a license file: pyproject.toml's
    ``license-files`` (names or globs), ``license = {file}``, setuptools' own
    ``license-files`` or setup.cfg's ``license_files``."""
    project = repo.project
    tool = (repo.pyproject or {}).get("tool")
    setuptools = tool.get("setuptools") if isinstance(tool, dict) else None
    patterns: list[str] = []
    for listed in (
        project.get("license-files"),
        setuptools.get("license-files") if isinstance(setuptools, dict) else None,
    ):
        if isinstance(listed, list):
            patterns += [item for item in listed if isinstance(item, str)]
    table = project.get("license")
    if isinstance(table, dict) and isinstance(table.get("file"), str):
        patterns.append(table["file"])
    cfg = repo.read_text("setup.cfg") if repo.exists("setup.cfg") else None
    if cfg:
        value = ini_sections(cfg).get("metadata", {}).get("license_files", "")
        patterns += [item.strip() for item in re.split(r"[,\n]", value) if item.strip()]
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in patterns)


#: usethis's function for each license an R package may name, by a word of DESCRIPTION's field.
_USETHIS_LICENSES = (
    ("agpl", "use_agpl_license()"),
    ("lgpl", "use_lgpl_license()"),
    ("gpl", "use_gpl_license()"),
    ("apache", "use_apache_license()"),
    ("cc0", "use_cc0_license()"),
    ("cc by", "use_ccby_license()"),
    ("cc-by", "use_ccby_license()"),
    ("mit", "use_mit_license()"),
    ("proprietary", "use_proprietary_license()"),
    ("all rights reserved", "use_proprietary_license()"),
)


def _usethis_for(value: str) -> str | None:
    folded = value.casefold()
    return next((function for word, function in _USETHIS_LICENSES if word in folded), None)


#: The licenses R's database marks as templates, which DESCRIPTION must complete with a file.
_R_TEMPLATE_LICENSES = frozenset({"mit", "bsd_2_clause", "bsd_3_clause"})


def _r_license_template_without_file(repo: Repo) -> str | None:
    """``MIT`` when an R package's DESCRIPTION gives a template license alone (``License: MIT``)."""
    declared = _declared_r_license(repo)
    if declared is None or declared.completed_by is not None or declared.held_in is not None:
        return None
    return declared.value if declared.value.casefold() in _R_TEMPLATE_LICENSES else None


def _r_package_license_missing(declared: RPackageLicense) -> tuple[str, str]:
    """(the file to add, what to do) when an R package has no license file, by its DESCRIPTION."""
    if declared.placeholder:
        return "LICENSE", (
            "LICENSE is missing, and DESCRIPTION's License field still holds the package skeleton's "
            f"{declared.value!r}: choose the license, name it there and add its text (usethis's "
            "use_*_license() functions write both)"
        )
    helper = _usethis_for(declared.value)
    if declared.held_in is not None:
        name = declared.held_in
        return name, (
            f"{name} is missing, but DESCRIPTION says the license is in it ({declared.value!r}): add "
            f"{name} with the full terms"
        )
    if declared.completed_by is not None:
        name = declared.completed_by
        also = f" (usethis's {helper} writes it, and LICENSE.md with the full text)" if helper else ""
        return name, (
            f"{name} is missing, but DESCRIPTION says the license is {declared.value!r}, which R completes "
            f"from that file: add {name} with the YEAR and COPYRIGHT HOLDER lines{also}"
        )
    also = f", as usethis's {helper} does" if helper else ""
    return "LICENSE.md", (
        f"LICENSE is missing: DESCRIPTION says the license is {declared.value!r}, but a reader of the code "
        f"does not get its terms; add LICENSE.md with them and list it in .Rbuildignore{also}"
    )


def _license_the_project_names(repo: Repo) -> tuple[str, str] | None:
    """(where, license) for the license the package metadata or the README names, if one."""
    declared = repo.project.get("license")
    if isinstance(declared, str) and declared.strip():
        return "pyproject.toml", declared.strip()
    readme = repo.find(*README_NAMES)
    text = repo.read_text(readme) if readme is not None else None
    named = license_named_in(text) if text else None
    return (readme, named) if readme is not None and named is not None else None


_COPYRIGHT_LINE = lazy(r"\s*(?:copyright\b|\(c\)|\u00a9)", re.IGNORECASE)


def _copyright_only(text: str) -> bool:
    """Whether a license file holds nothing but copyright lines ("Copyright (c) 2022, Jane Doe")."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    return bool(lines) and len(text) < 2000 and all(_COPYRIGHT_LINE.match(line) for line in lines)


def _declares_proprietary(repo: Repo) -> bool:
    """Whether the package metadata says the code is not open: a proprietary license or classifier."""
    declared: list[str] = []
    license_value = repo.project.get("license")
    if isinstance(license_value, str):
        declared.append(license_value)
    elif isinstance(license_value, dict) and isinstance(license_value.get("text"), str):
        declared.append(license_value["text"])
    poetry = ((repo.pyproject or {}).get("tool") or {}).get("poetry")
    if isinstance(poetry, dict) and isinstance(poetry.get("license"), str):
        declared.append(poetry["license"])
    from_setup = setup_keywords(repo).get("license")
    if from_setup is not None:
        declared.append(from_setup.value)
    if any("proprietary" in license_families(value[:200])[0] for value in declared):
        return True
    return "proprietary" in classifier_families(license_classifiers(repo.project))


class OSS103(_CommunityFile):
    """CONTRIBUTING guide is missing or has no real content

    ## What it does
    Looks for a contributing guide: CONTRIBUTING.md or .rst at the top, in `.github/`,
    `.gitlab/` or `docs/`, or a contributing page inside the docs tree (such as
    `doc/source/development/contribute.rst`), and checks that it holds at least
    `min-words` words besides headings. A short file that links the real guide counts, and
    so does a README section that links the organisation's guide.

    In a repository that has not adopted the conventions, only an existing guide that is
    empty or unreadable is reported.

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
    elsewhere = "an existing contributing guide that is empty or unreadable; a missing one is not reported."
    stakeholders = (Stakeholder.MANAGEMENT,)
    candidates = CONTRIBUTING_NAMES
    label = "CONTRIBUTING guide"
    purpose = "set up the project, run the checks and propose a change"
    guide = "contributing"


class _Policy(_CommunityFile):
    """A code of conduct or a security policy: wanted where others install the project and join it."""

    def wanted_elsewhere(self, repo: Repo) -> str | None:
        if one_maintainer(repo):
            return None  # a policy for a team of one governs nobody and adds a contact that is the author
        reason = published(repo)
        if reason is None:
            return None
        invitation = invites_contributions(repo)
        return None if invitation is None else f"{reason} and {invitation}"


class OSS104(_Policy):
    """Code of conduct is missing or has no real content

    ## What it does
    Looks for a code of conduct: CODE_OF_CONDUCT.md or .rst at the top, in `.github/`,
    `.gitlab/` or `docs/`, or a code-of-conduct page inside the docs tree, and checks that
    it holds at least `min-words` words besides headings. A short file that links the real
    text counts, and so does a line or section of the README or the contributing guide
    that links the organisation's code of conduct.

    In a repository that has not adopted the conventions, a missing code of conduct is
    reported only when the project is published for others (PyPI classifiers, a CI job
    that uploads it to a package index, or release tags on a package) and invites outside
    contributions (it has a contributing guide of its own), and only when more than one
    person works on it: where the newest commits (at most a thousand) are nearly all one
    author's and nobody else wrote more than a few, the project is one person's and a
    code of conduct would govern nobody. A finished one-person project or a competition
    solution is not asked for one. An existing file
    that is empty or unreadable is reported everywhere.

    ## Why is this bad?
    A code of conduct tells contributors which behaviour is expected and whom to contact
    when something goes wrong. Without it, problems are handled case by case and people
    outside the core team are less likely to join in.

    ## Example
    A package on PyPI with a CONTRIBUTING.md but no CODE_OF_CONDUCT.md.

    ## How to fix
    Add a CODE_OF_CONDUCT.md, for example the Contributor Covenant, with a real contact
    address for reports. If your organisation's `.github` repository provides one, link
    it from the README or ignore this rule with that reason. `--fix` creates it from the
    template when it is missing.
    """

    name = "code-of-conduct-content"
    kind = Kind.CONVENTION
    elsewhere = (
        "a missing code of conduct in a project published for others that invites outside contributions "
        "(it has a contributing guide) and is not one person's; an existing one that is empty or unreadable."
    )
    stakeholders = (Stakeholder.MANAGEMENT,)
    candidates = CODE_OF_CONDUCT_NAMES
    label = "Code of conduct"
    purpose = "know the expected behaviour and how to report problems"
    guide = "conduct"


class OSS105(_Policy):
    """Security policy is missing or has no real content

    ## What it does
    Looks for a security policy: SECURITY.md or .rst at the top, in `.github/`, `.gitlab/`
    or `docs/`, or a security-policy page inside the docs tree, and checks that it holds at
    least `min-words` words besides headings. A short file that links the real policy
    counts, and so does a README line that links where to report a vulnerability ("Report
    a security vulnerability: https://...").

    In a repository that has not adopted the conventions, a missing policy is reported
    only when the project is published for others (PyPI classifiers, a CI job that uploads
    it to a package index, or release tags on a package), invites outside contributions
    (it has a contributing guide of its own) and is not one person's project (as for
    OSS104, read from the authors of the newest commits). A security contact given in the
    contributing guide or the README counts as a policy: a paragraph about reporting
    vulnerabilities with an address, a `mailto:` link or the forge's private advisories.
    An existing file that is empty or unreadable is reported everywhere.

    ## Why is this bad?
    When someone finds a leaked credential, a vulnerable dependency or personal data in the
    repository, they need to know how to report it privately. Without a policy the report
    lands in a public issue, or nowhere.

    ## Example
    A package on PyPI with a CONTRIBUTING.md but no SECURITY.md, so a vulnerability is
    reported in a public issue.

    ## How to fix
    Add a SECURITY.md that names a private contact (an address, not a person's chat
    handle) and says what happens after a report. If your organisation's `.github`
    repository provides one, link it from the README or ignore this rule with that
    reason. `--fix` creates it from the template when it is missing.
    """

    name = "security-content"

    def provided_otherwise(self, repo: Repo) -> bool:
        if super().provided_otherwise(repo):
            return True
        guide = repo.find(*CONTRIBUTING_NAMES) or docs_guide(repo, "contributing")
        for path in (repo.find(*README_NAMES), guide):
            text = repo.read_text(path) if path else None
            if path and text and _names_security_contact(text, rst=is_rst(path)):
                return True
        return False

    kind = Kind.CONVENTION
    elsewhere = (
        "a missing security policy in a project published for others that invites outside contributions "
        "(it has a contributing guide), is not one person's and names no security contact in its guide or "
        "README; an existing one that is empty or unreadable."
    )
    stakeholders = (Stakeholder.LEGAL, Stakeholder.MANAGEMENT)
    candidates = SECURITY_NAMES
    label = "Security policy"
    purpose = "report a vulnerability or a data leak privately"
    guide = "security"


#: Words that say a paragraph is about reporting a vulnerability, not about security in general.
_SECURITY_TOPIC = lazy(
    r"vulnerabilit|security[- ](?:issue|problem|bug|report|concern|flaw|incident|contact|polic|advisor)"
    r"|report(?:ing)?\s+(?:a\s+)?security",
    re.IGNORECASE,
)
#: Where a private report goes besides an address: the forge's private advisories.
_PRIVATE_CHANNEL = lazy(r"mailto:|/security/advisories|private vulnerability report", re.IGNORECASE)


def _names_security_contact(text: str, *, rst: bool) -> bool:
    """Whether a paragraph about reporting vulnerabilities gives where to send the report.

    "If you find a security vulnerability, do not open an issue; email security@team.org"
    in a contributing guide or README is a security policy in all but the file name. A
    paragraph under a heading about security counts as about it. Code blocks are skipped.
    """
    code = code_lines(text, rst=rst)
    paragraph: list[str] = []
    under_security = False
    heading_lines = {h.line: h.title for h in headings(text, rst=rst)}

    def gives_contact() -> bool:
        joined = " ".join(paragraph)[:4000]
        about = under_security or _SECURITY_TOPIC.search(joined) is not None
        return about and (_ADDRESS.search(joined) is not None or _PRIVATE_CHANNEL.search(joined) is not None)

    for index, line in enumerate(text.splitlines()):
        title = heading_lines.get(index + 1)
        if title is not None:
            if paragraph and gives_contact():
                return True
            paragraph = []
            under_security = "security" in title.casefold() or "vulnerab" in title.casefold()
            continue
        if index in code or not line.strip():
            if paragraph and gives_contact():
                return True
            paragraph = []
            continue
        paragraph.append(line)
    return bool(paragraph) and gives_contact()


class OSS106(_CommunityFile):
    """CHANGELOG is missing or has no real content

    ## What it does
    Looks for the release notes: a CHANGELOG (also CHANGES, HISTORY, NEWS or RELEASE_NOTES)
    at the top of the repository, a folder of release notes (`changelog/`, `changes/`,
    towncrier's `news/` or `newsfragments/`, `doc/release/`, `doc/whats_new/`,
    `docs/source/release_notes/` ...), a changelog page in the docs tree, or GitHub's
    `.github/release.yml`, which writes the notes of each GitHub release, or release-drafter's
    `.github/release-drafter.yml`, which drafts them from the pull requests, or a workflow
    that a published GitHub release starts (`on: release`: each release's page holds its
    notes), or a release guide
    (`RELEASING.md`, `docs/releasing.md`, or a contributing guide's section on making a
    release) that says how each release's notes are written,
    or a release log the README keeps itself (a "News", "What's new" or "Changelog"
    section, a "Version" or "History" section with two or more lines that start with a
    version, or two or more dated headings such as `## Update - July 2, 2026`) or a
    sentence of it that sends readers to the releases page for the changes ("For past
    changes, see the [releases page](https://github.com/owner/repo/releases)"). A
    top-level changelog must hold at least `min-words` words besides headings.

    In a repository that has not adopted the conventions, a missing changelog is reported
    only for a package that is published for others (a CI step uploads it, or the README
    links its page on a package index or says to `pip install` it; classifiers alone are
    written before a first upload) and has tagged at least two releases. An existing
    changelog that is empty or unreadable is reported everywhere.

    ## Why is this bad?
    People who depend on a package or a model need to know what changed between versions
    before upgrading. A changelog also lets management see what a release delivered without
    reading commits.

    ## Example
    A CHANGELOG.md that holds only `# Changelog`, or a package on PyPI with twenty release
    tags and no release notes anywhere.

    ## How to fix
    Keep a CHANGELOG.md in the "Keep a Changelog" format: an `## [Unreleased]` section on
    top, then one section per release with what was added, changed and fixed. `--fix`
    creates it from the template when it is missing.
    """

    name = "changelog-content"
    kind = Kind.CONVENTION
    # A changelog with no real content is one problem: not also one without an Unreleased
    # section or left behind by the releases.
    supersedes = frozenset({"OSS801"})
    elsewhere = (
        "a missing changelog in a package published for others that has tagged two releases or more; an "
        "existing one that is empty or unreadable."
    )
    stakeholders = (Stakeholder.EXECUTIVE,)
    candidates = CHANGELOG_NAMES
    label = "CHANGELOG"
    # Entries are terse by nature: "- First release." is a real changelog.
    options: ClassVar[Mapping[str, Option]] = _min_words(5)
    purpose = "see what changed in each release"

    def provided_otherwise(self, repo: Repo) -> bool:
        return release_notes(repo) is not None

    def wanted_elsewhere(self, repo: Repo) -> str | None:
        return makes_releases(repo)


_CFF_REQUIRED = ("cff-version", "message", "title", "authors")


class OSS107(_CommunityFile):
    """CITATION.cff is missing or has no real content

    ## What it does
    Looks for CITATION.cff at the top of the repository and checks that it is valid YAML
    with the keys the Citation File Format requires: `cff-version`, `message`, `title` and
    at least one of `authors`. A repository that says how to cite it another way
    (CITATION.bib, CITATION.md) has a citation too; such a file must not be empty.

    A `version` older than the newest version tag (`version: 1.4.6` while git has tagged
    `v1.5.2`) is reported too: the file was not updated at the last releases.

    In a repository that has not adopted the conventions, only a CITATION.cff that is not
    valid or gives an old version (and an empty citation file) is reported; a missing one
    is not.

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
    elsewhere = (
        "a CITATION.cff that is not valid or gives a version older than the newest release tag, or an "
        "empty citation file; a missing one is not reported."
    )
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    candidates = CITATION_NAMES
    label = "CITATION.cff"
    purpose = "cite this work with the right title, authors and version"
    options: ClassVar[Mapping[str, Option]] = _min_words(1)

    def locate(self, repo: Repo) -> str | None:
        return repo.find(*self.candidates) or repo.find(*OTHER_CITATION_NAMES)

    def check_file_content(self, repo: Repo, path: str) -> Iterator[Finding]:
        if path.lower() != CITATION_NAMES[0].lower():
            yield from super().check_file_content(repo, path)  # BibTeX or prose: it must say something
            return
        parsed = citation(repo)
        if parsed is None:
            yield from super().check_file_content(repo, path)  # unreadable: the shared message
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
        cited = parsed.data.get("version")
        # YAML reads an unquoted 1.10 as the number 1.1: only a version written as text is compared.
        latest = newest_version_tag(repo) if isinstance(cited, str) else None
        if latest is not None and isinstance(cited, str) and released_after(latest, cited):
            yield self.finding(
                path,
                f"{path} gives version {cited}, but the project has released up to {latest} since: "
                "update version (and date-released) with each release, so that readers cite the "
                "version they used",
                line=yaml_key_line(repo.read_text(path), "version"),
            )


# -- OSS110: placeholders left in community files ---------------------------------------
#: Ends every README section that --fix adds: the section exists, its text is still to write.
SKELETON_MARK = "(Added by oss-checks --fix: replace this sentence.)"
_PLACEHOLDER = lazy(
    r"(?P<word>\b(?:TODO|TBD|FIXME)\b)"
    r"|(?P<insert>(?i:\[\s*INSERT\b[^\[\]\n]*\])|(?i:<\s*INSERT\b[^<>\n]*>))"
    r"|(?P<tag>(?<!\$)\{\{(?P<expression>[^{}\n]*)\}\}"  # ${{ ... }} is a CI expression
    r"|\{%-?\s*(?:if|elif|else|endif|for|endfor|set|raw|endraw|include|import|from|macro|endmacro|block|"
    r"endblock|extends|call|with|endwith|filter|now)\b[^{}\n]{0,200}?%\})"
    r"|(?P<filler>(?i:\blorem\s+ipsum\b)|(?i:\byour\s+name\s+here\b))"
    # A template's name slot: "# <Tool Name>"; instructions such as <your-username> are meant to stay.
    r"|(?P<name>(?i:<\s*(?:tool|project|package|repo|repository|app|application|model|team|organi[sz]ation"
    r"|company|product)[ _-]?(?:name|title)\s*>))"
    r"|(?P<skeleton>" + re.escape(SKELETON_MARK) + r")"
)
#: What a Jinja expression looks like: ``name``, ``cookiecutter.project_slug``, ``x | upper``.
_JINJA_EXPRESSION = lazy(
    r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[[^\[\]\n]*\])*(?:\s*\|\s*[A-Za-z_]\w*(?:\([^()\n]*\))?)*"
)
#: A repository with one of these at the top is a template: its pages document template tags.
_TEMPLATE_CONFIGS = ("cookiecutter.json", "copier.yml", "copier.yaml")
#: A shell-style variable in upper case, as template repositories write the slots a setup workflow fills.
_UNFILLED_VARIABLE = lazy(r"\$\{[A-Z][A-Z0-9_]{2,}\}")
#: Placeholders that are leftovers even inside a code block: a reader would copy them as they are.
_LEFTOVER_IN_CODE = ("insert", "tag", "skeleton")


def _is_template_tag(expression: str | None) -> bool:
    """``{{ name }}`` or ``{{cookiecutter.x}}`` is a Jinja leftover; BibTeX's ``{{Title Words}}`` or ``{{\\^i}}`` is not."""
    if expression is None:
        return True  # a {% statement %}
    inner = expression.strip()
    padded = inner != expression
    # BibTeX doubles braces to keep capitals ({{DNA}}, {{Deep Learning}}); a lower-case name
    # needs no keeping, so {{organisation}} is a template's slot left unfilled.
    lower_name = re.fullmatch(r"[a-z_][a-z0-9_]*", inner) is not None
    return (
        bool(inner)
        and (padded or "." in inner or lower_name)
        and _JINJA_EXPRESSION.fullmatch(inner) is not None
    )


#: A template statement: ``{% for row in rows %}``, ``{% include "base.html" %}``.
_TEMPLATE_STATEMENT = lazy(r"\{%-?\s*[a-z]+\b[^{}\n]{0,200}?%\}")


def _blocks_teaching_templates(lines: list[str], code: set[int]) -> set[int]:
    """The lines of code blocks that show template source: a block with a ``{% ... %}``
    statement teaches how to write templates (a graphics rig's, a site's), and its tags are
    meant to be copied. A bake's leftovers in a command are expressions (``{{ name }}``)."""
    blocks: list[list[int]] = []  # runs of consecutive code lines
    for index in sorted(code):
        if blocks and index == blocks[-1][-1] + 1:
            blocks[-1].append(index)
        else:
            blocks.append([index])
    return {
        line
        for block in blocks
        if any(_TEMPLATE_STATEMENT.search(lines[index]) for index in block if index < len(lines))
        for line in block
    }


def _stands_alone(line: str, start: int, end: int) -> bool:
    """A name slot is a leftover where it is the name itself: the whole heading or line, or words
    between spaces (``<Tool Name>``). In a path or a command (``reports/<team_name>.html``) it is a
    variable the reader fills in."""
    if line[:start].strip(" \t#*") == "" and line[end:].strip(" \t#*") == "":
        return True
    before, after = line[start - 1 : start], line[end : end + 1]
    return (
        " " in line[start:end] and before in ("", " ", "\t", "#") and after in ("", " ", "\t", ".", ",", ":")
    )


def _mentions_the_word(line: str, start: int, end: int) -> bool:
    """``TODO.txt`` names a file, "TODO Group" an organisation, 'TODO' in quotes the word itself,
    and "interesting TODO's", "TODOs" or "this TODO list" talk about to-dos as things."""
    after = line[end : end + 6]
    before = line[start - 1 : start] if start else ""
    return (
        re.match(r"\.[A-Za-z0-9]|['\u2019]?s\b| list\b| items?\b", after) is not None
        or after.startswith(" Group")
        or (before in ("'", '"', "\u201c", "\u2018") and after[:1] in ("'", '"', "\u201d", "\u2019"))
        or _inside_a_short_quote(line, start, end)
    )


#: What may stand around a placeholder that fills a line on its own: list markers, emphasis.
_MARKUP_AROUND = "-*+#>_`[]()|.!: \t"


def _is_readme(path: str) -> bool:
    return path.rpartition("/")[2].upper().startswith("README")


def _a_status_note(line: str, start: int, end: int) -> bool:
    """Whether a to-do word in a README is part of a sentence its authors wrote for readers
    ("Amazon link (TBD)", "TBD - the dataset is not published yet", "TODO - we need to
    benchmark this"), rather than a slot left to fill: a line of the word alone, the word and
    a colon ("TODO: describe the data"), a field's value ("Contact: TBD") or an address
    ("TODO@example.com"). Only asked outside a baked project, where no template left it."""
    rest = (line[:start] + line[end:]).strip(_MARKUP_AROUND)
    after, before = line[end:].lstrip(), line[:start].rstrip()
    return bool(rest) and not after.startswith((":", "@")) and not before.endswith((":", "="))


#: How far a quote may stand from a word it quotes: ``use "#! TODO:" as prefix``.
_SHORT_QUOTE = 20


def _inside_a_short_quote(line: str, start: int, end: int) -> bool:
    """Whether the word stands inside a short double-quoted string, which quotes it as text."""
    opening = line.rfind('"', max(0, start - _SHORT_QUOTE), start)
    closing = line.find('"', end, end + _SHORT_QUOTE)
    return opening >= 0 and closing >= 0 and line.count('"', 0, start) % 2 == 1


class OSS110(Rule):
    """Community file still holds a placeholder

    ## What it does
    Scans the README, LICENSE, CONTRIBUTING, CODE_OF_CONDUCT, SECURITY, CHANGELOG and
    CITATION files for text that was meant to be replaced: `TODO`, `TBD`, `FIXME`,
    `[INSERT ...]`, `<INSERT ...>`, left-over template tags such as `{{ name }}`,
    `{{cookiecutter.project_slug}}` or `{% if %}` (and, in a license, a template
    repository's `${GITHUB_REPOSITORY_NAME}`), "lorem ipsum", "your name here" and a
    template's name slot such as `<Tool Name>` or `<project-name>`. Each one is reported
    with its line and column.

    What is documentation is left alone: an HTML comment in Markdown (no reader of the
    page sees it), anything written as inline code (between backticks), `TODO`/`FIXME` inside a code block or a reStructuredText literal block, a
    file name such as `TODO.txt`, the "TODO Group" (an organisation), a quoted 'TODO' or
    `"#! TODO:"`, and
    BibTeX's double braces (`title = {{Deep Learning}}`). `${{ ... }}` is a CI expression.
    In the README of a project that was not baked, a to-do word inside a sentence its
    authors wrote for readers ("Amazon link (TBD)", "TBD - this dataset is not published
    yet") is a status note: only a line that holds the word alone, the word and a colon
    ("TODO: describe the data"), a field's value ("Contact: TBD") or an address is a slot
    left to fill.
    Template tags and `[INSERT ...]` in a code block are still reported: a reader would
    copy them as they are. In a template repository (`cookiecutter.json` or `copier.yml`
    at the top) template tags document what the template renders and are not reported.

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
        # A template's own README shows the tags it renders: documentation, not leftovers.
        template = any(repo.exists(name) for name in _TEMPLATE_CONFIGS)
        scanned: set[str] = set()
        for path in repo.paths:
            if not is_community_file(path) or _links_to_a_community_file(repo, path):
                continue
            content = repo.content_path(path) or path
            if content in scanned:
                continue  # another link to the same text was scanned: one problem, one finding
            scanned.add(content)
            yield from self._scan(
                path, repo.read_text(path), tags=not template, baked=repo.record is not None
            )

    def _scan(
        self, path: str, text: str | None, *, tags: bool = True, baked: bool = True
    ) -> Iterator[Finding]:
        if not text:
            return  # missing, empty or unreadable: the content rules report it
        if is_markdown(path):
            text = blank_html_comments(text)  # never shown to a reader of the page
        code = code_lines(text, rst=is_rst(path)) if is_rst(path) or is_markdown(path) else set()
        lines = text.splitlines()
        teaching = _blocks_teaching_templates(lines, code) if tags else set()
        license_file = path.rpartition("/")[2].upper().startswith(("LICENSE", "LICENCE", "COPYING"))
        for index, raw in enumerate(lines):
            in_code = index in code
            # Inline code is documentation; blanking it keeps the columns.
            line = raw if in_code else without_inline_code(raw)
            shows_tags = tags and index not in teaching
            yield from self._on_line(path, line, index, in_code=in_code, tags=shows_tags, baked=baked)
            if license_file:
                yield from self._unfilled_variables(path, line, index)

    def _unfilled_variables(self, path: str, line: str, index: int) -> Iterator[Finding]:
        """``${GITHUB_REPOSITORY_NAME}`` in a license: a template repository's slot that the
        workflow meant to fill it never did (in a license no shell variable belongs)."""
        for match in _UNFILLED_VARIABLE.finditer(line):
            yield self._placeholder_finding(path, match.group(), index, match.start())

    def _placeholder_finding(self, path: str, snippet: str, index: int, start: int) -> Finding:
        if len(snippet) > 40:
            snippet = snippet[:37] + "..."
        return self.finding(
            path,
            f"{path} still holds the placeholder {snippet!r}: replace it with the real text or remove it",
            line=index + 1,
            col=start + 1,
        )

    def _on_line(
        self, path: str, line: str, index: int, *, in_code: bool, tags: bool, baked: bool = True
    ) -> Iterator[Finding]:
        """Every placeholder of one line, each with its column."""
        for match in _PLACEHOLDER.finditer(line):
            kind = match.lastgroup if match.lastgroup != "expression" else "tag"
            if in_code and kind not in _LEFTOVER_IN_CODE:
                continue
            if kind == "tag" and not (tags and _is_template_tag(match.group("expression"))):
                continue
            if kind == "word" and _mentions_the_word(line, match.start(), match.end()):
                continue
            if (
                kind == "word"
                and not baked
                and _is_readme(path)
                and _a_status_note(line, match.start(), match.end())
            ):
                continue
            if kind == "name" and not _stands_alone(line, match.start(), match.end()):
                continue
            yield self._placeholder_finding(path, match.group(0), index, match.start())


# -- OSS111: the README has the sections people look for --------------------------------
DEFAULT_SECTIONS = ["installation", "usage", "contributing", "license"]
#: Examples of the headings each section accepts; any heading on the section's topic counts
#: (see ``oss_checks.text.readme.TOPIC_WORDS``) unless the ``synonyms`` option replaces the list.
DEFAULT_SYNONYMS: dict[str, list[str]] = {
    "installation": ["Installation", "Install", "Setup", "Getting started"],
    "usage": ["Usage", "Examples", "Quick start", "How to run"],
    "contributing": ["Contributing", "Contribute", "Development"],
    "license": ["License", "Licence", "Licensing"],
    "data": ["Data", "Datasets", "Data sources"],
}
#: A README that links the file has the section: the file says it better than a heading would.
_LINKED_FILES = {"contributing": ("contributing",), "license": ("license", "licence", "copying")}
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
#: What a repository that did not adopt the conventions is told about: how to set up and run.
_HOW_TO_RUN = ["installation", "usage"]


def _section_title(key: str, synonyms: Mapping[str, list[str]]) -> str:
    names = synonyms.get(key) or []
    return names[0] if names else key.replace("-", " ").replace("_", " ").capitalize()


def _links_to_a_community_file(repo: Repo, path: str) -> bool:
    """Whether ``path`` is a symbolic link to another community file, which is scanned itself."""
    if not repo.is_symlink(path):
        return False
    target = repo.link_target(path)
    return target is not None and target in repo.path_set and is_community_file(target)


#: How many guides a README links are read to see whether one says how to run the project.
_MAX_GUIDES = 20
_GUIDE_SUFFIXES = (".md", ".rst", ".txt", ".markdown")
_MAX_GUIDE_BYTES = 512 * 1024


def _linked_guide_says_how(repo: Repo, readme: str, text: str) -> bool:
    """Whether a page of this repository that the README links (``dev/README.md``, ``docs/setup.md``,
    a folder with a README) says how to install or run the project."""
    folder = readme.rpartition("/")[0]
    guides = []
    for target in sorted(linked_paths(text, folder, rst=is_rst(readme))):
        if target.lower().endswith(_GUIDE_SUFFIXES) and repo.exists(target):
            guides.append(target)
        elif repo.dir_exists(target):
            guides.extend(
                [f"{target}/{name}" for name in README_NAMES if repo.exists(f"{target}/{name}")][:1]
            )
    for guide in guides[:_MAX_GUIDES]:
        if guide == readme or repo.content_size(guide) > _MAX_GUIDE_BYTES:
            continue
        page = repo.read_text(guide)
        if page and says_how_to_run(page, rst=is_rst(guide)):
            return True
    return False


#: What a book's or a site's source keeps at its top, besides Quarto's, Jupyter Book's and MyST's files.
_BOOK_FILES = frozenset({*PUBLISHER_FILES, "_bookdown.yml", "book.toml"})
#: Hosts that are not where a book is read: the code and its badges, licenses, DOIs and
#: archives, the tools that build books, package indexes and social media.
_NOT_A_SITE = frozenset(
    {
        "github.com", "gitlab.com", "shields.io", "badge.fury.io", "codecov.io", "creativecommons.org",
        "opensource.org", "choosealicense.com", "doi.org", "zenodo.org", "quarto.org",
        "jupyterbook.org", "mystmd.org", "rstudio.com", "posit.co", "pypi.org", "cran.r-project.org",
        "python.org", "twitter.com", "x.com", "linkedin.com", "youtube.com", "mybinder.org",
        "colab.research.google.com", "amazon.com", "oreilly.com",
    }
)  # fmt: skip


def _links_its_published_site(repo: Repo, readme: str, text: str) -> bool:
    """Whether a book's or a site's source (a Quarto, bookdown, Jupyter Book, MyST or mdBook
    project at the top) has a README that links where it is read: its readers read it there,
    and its authors build it with the tool its project file names."""
    if readme.count("/") or not any(repo.exists(name) for name in _BOOK_FILES):
        return False
    from urllib.parse import urlsplit  # only for a book's README

    for link in links(text, rst=is_rst(readme)):
        if not link.target.lower().startswith(("http://", "https://")):
            continue
        try:
            host = urlsplit(link.target).hostname or ""
        except ValueError:  # "http://[broken/": no address at all
            continue
        labels = host.split(".")
        # The host and every domain above it: img.shields.io is shields.io's.
        if host and not any(".".join(labels[index:]) in _NOT_A_SITE for index in range(len(labels))):
            return True
    return False


#: A README sentence saying the code runs as the Databricks jobs the repository defines
#: ("The top level `.yaml` files define the databricks workflows").
_RUNS_AS_DATABRICKS_JOBS = lazy(
    r"(?i)\bdatabricks\b[^.\n]{0,60}\b(?:workflows?|jobs?|bundles?)\b"
    r"|\b(?:workflows?|jobs?|bundles?)\b[^.\n]{0,60}\bdatabricks\b"
)


def _names_the_file_that_repeats_it(repo: Repo, readme: str, text: str) -> bool:
    """Whether the README names a script or notebook of this repository as the way to repeat the work."""
    folder = readme.rpartition("/")[0]
    return any(
        (resolved := resolve(folder, name)) is not None and repo.exists(resolved)
        for name in files_that_repeat_the_work(text, rst=is_rst(readme))
    )


class OSS111(Rule):
    """README lacks a section people look for

    ## What it does
    Checks that the README has a heading for each required section: by default
    Installation, Usage, Contributing and License, plus Data for analysis projects.
    Headings are matched by topic, not by a fixed list: "Setup", "Getting started",
    "Requirements" or "Environment" count for Installation; "Quick start", "How to run",
    "Use", "Examples" or "Commands" for Usage; "For developers" or "Contributor
    guidelines" for Contributing; "Dataset" or "Input data" for Data. Markdown `#`,
    underlined and HTML headings of any level count, in any case, with or without
    numbering, trailing punctuation or emoji. A README that links CONTRIBUTING or LICENSE
    has those sections. The `required`, `analysis-required` and `synonyms` options change
    the list; a section given in `synonyms` accepts exactly the headings listed.

    In a repository that has not adopted the conventions it reports once, and only when
    the README never says how to install or run the project: no section, sentence or
    command about it, neither in the README nor in a guide of the repository that it
    links (`dev/README.md`, `docs/setup.md`). A course's or a book's README that opens its
    notebooks in Binder or Colab, or links three notebooks or more, says how to run it, and
    so does one that names a script or notebook of the repository in a sentence about
    repeating the work ("the code to repeat the analysis is in index.Rmd"), one that says
    the code runs as the Databricks jobs or workflows the repository defines (an Asset
    Bundle, or YAML with a job's `notebook_task:`), and the README
    of a book's or a site's source (a `_quarto.yml`, `_bookdown.yml`, `_toc.yml`, `myst.yml`
    or `book.toml` at the top) that links where it is read. A README too
    short for OSS101 is left to OSS101, and the README of a repository with no code (a data
    release), or none but SQL queries (the scripts behind a team's dashboards, run in the
    database's own tool), is left alone: there is nothing to install.

    ## Why is this bad?
    Readers scan a README for the same few answers: how do I install it, how do I use it,
    how do I help, may I reuse it, and (for analyses) where does the data come from. A
    README that hides these answers in prose, or leaves them out, costs every reader time.

    ## Example
    A README.md with `# Churn model` and `## Results`, but no Installation or Usage section.

    ## How to fix
    Add the missing sections. `--fix` appends one skeleton per missing section, with one
    sentence saying what to write there, in a single edit per README. It never appends a
    skeleton that is already there, never touches a README with unresolved merge
    conflicts, and leaves a README alone when the appended headings would not be read as
    headings (for example after a code block that is never closed).
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
            "Accepted headings per section; a section given here accepts exactly these headings.",
            item_kind=list,
        ),
    }

    def synonyms(self) -> dict[str, list[str]]:
        merged = {key: list(names) for key, names in DEFAULT_SYNONYMS.items()}
        merged.update(self._custom())
        return merged

    def _custom(self) -> dict[str, list[str]]:
        """The sections whose headings the configuration lists itself."""
        custom = {}
        for key, names in self.settings["synonyms"].items():
            listed = [str(name) for name in names]
            if listed != DEFAULT_SYNONYMS.get(str(key)):
                custom[str(key)] = listed
        return custom

    def required(self, repo: Repo) -> list[str]:
        keys = [str(key) for key in self.settings["required"]]
        if repo.project_type == "analysis":
            keys += [str(key) for key in self.settings["analysis-required"] if key not in keys]
        return keys

    def missing(self, repo: Repo, path: str, text: str) -> list[str]:
        """The required sections the README lacks (applied in full)."""
        rst = is_rst(path)
        custom = self._custom()
        sections = section_headings(text, rst=rst)
        topics: set[str] = set()
        for heading in sections:
            topics |= heading_topics(heading.title)
        present = [heading_key(heading.title) for heading in headings(text, rst=rst)]
        missing = []
        for key in self.required(repo):
            if key in custom or key not in TOPIC_WORDS:
                accepted = [heading_key(name) for name in custom.get(key) or [key.replace("-", " ")]]
                found = any(
                    heading == name or heading.startswith(name + " ")
                    for heading in present
                    for name in accepted
                    if name
                )
            else:
                found = key in topics
            if not found and key in _LINKED_FILES and key not in custom:
                found = links_file(text, _LINKED_FILES[key], rst=rst)
            if not found:
                missing.append(key)
        return missing

    def wanted(self, repo: Repo, path: str, text: str) -> list[str]:
        """The sections to ask for: all missing ones in full, else install and run when the README never says how."""
        if count_words(text, rst=is_rst(path)) < README_MIN_WORDS:
            return []  # OSS101 reports a README with no real content
        if self.in_full:
            return self.missing(repo, path, text)
        rst = is_rst(path)
        if (
            not holds_more_than_queries(repo)  # a data release, or queries run in the database's tool
            or says_how_to_run(text, rst=rst)
            or runs_notebooks(text, rst=rst)
            or _linked_guide_says_how(repo, path, text)
            or _names_the_file_that_repeats_it(repo, path, text)
            or _links_its_published_site(repo, path, text)
            or (_RUNS_AS_DATABRICKS_JOBS.search(text) is not None and databricks_jobs(repo))
        ):
            return []
        return list(_HOW_TO_RUN)

    def message(self, path: str, key: str) -> str:
        synonyms = self.synonyms()
        title = _section_title(key, synonyms)
        if key in self._custom() or key not in TOPIC_WORDS:
            accepted = ", ".join(synonyms.get(key) or [title])
            return f"{path} has no '{title}' section (accepted headings: {accepted}); add one"
        examples = synonyms.get(key) or [title]
        such = ", ".join(examples[:-1]) + f" or {examples[-1]}" if len(examples) > 1 else examples[0]
        return f"{path} has no '{title}' section (a heading such as {such}); add one"

    def check(self, repo: Repo) -> Iterator[Finding]:
        path = repo.find(*README_NAMES)
        text = repo.read_text(path) if path else None
        if path is None or text is None or not text.strip():
            return  # OSS101 reports a missing, unreadable or empty README
        keys = self.wanted(repo, path, text)
        if not keys:
            return
        if not self.in_full:
            yield self.finding(path, self._elsewhere_message(repo, path))
            return
        for key in keys:
            yield self.finding(path, self.message(path, key))

    @staticmethod
    def _elsewhere_message(repo: Repo, path: str) -> str:
        if not is_package(repo):
            # An analysis is run, not installed: what to set up first is part of running it.
            return (
                f"{path} never says how to run the project: add a 'Usage' section with the commands "
                "that run it, and an 'Installation' section with what to set up first"
            )
        return (
            f"{path} never says how to install or run the project: add an 'Installation' and a 'Usage' "
            "section with the commands"
        )

    # -- the fix: one append per README, only when it reads as headings ---------------------
    def _plan(self, repo: Repo, path: str) -> tuple[str, str, list[str]] | None:
        """(current text, what to append, the sections it adds), or None when nothing may be appended."""
        if path in repo.unmerged or repo.is_symlink(path):
            return None  # a conflicted README is the user's to resolve first
        try:
            # Read afresh: an earlier fix in this run may already have appended the sections.
            with (repo.root / path).open(encoding="utf-8", newline="") as handle:
                current = handle.read()
        except (OSError, UnicodeDecodeError, ValueError):
            return None
        plain = current.removeprefix("\ufeff")
        keys = [key for key in self.wanted(repo, path, plain) if self._skeleton(key) not in plain]
        if not keys:
            return None
        rst = is_rst(path)
        newline = "\r\n" if "\r\n" in current else "\n"
        synonyms = self.synonyms()
        blocks = []
        titles = []
        for key in keys:
            title = _section_title(key, synonyms)
            titles.append(title)
            heading = f"{title}{newline}{'-' * len(title)}" if rst else f"## {title}"
            blocks.append(f"{heading}{newline}{newline}{self._skeleton(key)}{newline}")
        lead = "" if not plain.strip() or current.endswith(newline * 2) else newline
        addition = lead + newline.join(blocks)
        separator = "" if current.endswith("\n") or not current else newline
        after = plain + separator + addition
        # The appended headings must be read as headings (not swallowed by an unclosed code
        # block or HTML comment), and must satisfy the rule: otherwise every run would append again.
        appended = {h.title for h in headings(after, rst=rst) if h.line > len(plain.splitlines())}
        if not set(titles) <= appended or set(keys) & set(self.wanted(repo, path, after)):
            return None
        return current, addition, keys

    @staticmethod
    def _skeleton(key: str) -> str:
        body = _SKELETON_TEXT.get(
            key, f"Describe the {key.replace('-', ' ').replace('_', ' ')} of this project here."
        )
        # Marked, so that OSS110 keeps asking for real text until someone writes it.
        return f"{body} {SKELETON_MARK}"

    def _messages(self, repo: Repo, path: str, keys: list[str]) -> set[str]:
        """The findings one append of ``keys`` repairs."""
        if not self.in_full:
            return {self._elsewhere_message(repo, path)}
        return {self.message(path, key) for key in keys}

    def can_fix(self, repo: Repo, finding: Finding) -> bool:
        plan = self._plan(repo, finding.path)
        return plan is not None and finding.message in self._messages(repo, finding.path, plan[2])

    def fix(self, repo: Repo, finding: Finding) -> bool:
        from oss_checks.fixes import append_text  # only --fix needs it

        done: set[str] = repo.memo(("readme-sections-fixed", finding.path), set)
        if finding.message in done:
            return True  # the one append for this README already added its section
        plan = self._plan(repo, finding.path)
        if plan is None:
            return False
        current, addition, keys = plan
        if not append_text(repo.root, finding.path, current, addition):
            return False
        done.update(self._messages(repo, finding.path, keys))
        return finding.message in done


# -- OSS112: the LICENSE text and pyproject's license agree ---------------------------------
class OSS112(Rule):
    """LICENSE text and pyproject.toml or setup.py name different licenses

    ## What it does
    Recognises the license in the LICENSE file from distinctive phrases of its text (MIT,
    BSD-2-Clause, BSD-3-Clause, Apache-2.0, GPL, LGPL, AGPL, MPL-2.0, ISC, Unlicense, or a
    proprietary "all rights reserved" notice that grants nothing; a vendor's license of its
    own that grants rights is one it does not know) and compares it with the `license` in
    pyproject.toml: the SPDX expression, the older `{text = ...}` table or the License
    classifiers. A project without a `[project]` table is compared through Poetry's
    `[tool.poetry] license`, or the `license=` its `setup.py` gives `setup()` as plain text
    (setup.py is read, never run). A declared
    "N/A" or "none" contradicts a license text too; a name it does not know is left alone.

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
        path = main_license(repo)
        text = repo.read_text(path) if path else None
        if path is None or text is None:
            return
        declaration = _pyproject_license(repo) or _poetry_license(repo) or _setup_py_license(repo)
        if declaration is None:
            return
        detected = detect_licenses(text)
        if not detected:
            return
        where, shown, line, families, all_known = declaration
        if not families or any(known.key in families for known in detected):
            return
        if not all_known:
            return  # an identifier we cannot map may well be the license in LICENSE
        names = " and ".join(known.display for known in detected)
        yield self.finding(
            where,
            f"{path} holds the {names} license text but {where} declares {shown}; "
            f'make both name the same license (for {names}: license = "{detected[0].spdx}")',
            line=line,
        )


#: Where a license is declared, how it reads there, its line, the families it names, and
#: whether every name in it is known.
_Declaration = tuple[str, str, int, set[str], bool]
#: Values that declare no license at all: with a license text in LICENSE, they contradict it.
_NO_LICENSE = frozenset({"n/a", "na", "none", "unknown", "tbd", "todo", "-", "?"})
#: Names that stand for a family of licenses whatever its version or clauses.
_GENERIC_LICENSE_NAMES: dict[str, frozenset[str]] = {
    "bsd": frozenset({"bsd-2-clause", "bsd-3-clause"}),
    "bsd license": frozenset({"bsd-2-clause", "bsd-3-clause"}),
    "gpl": frozenset({"gpl-2.0", "gpl-3.0"}),
    "gnu gpl": frozenset({"gpl-2.0", "gpl-3.0"}),
    "lgpl": frozenset({"lgpl-2.1", "lgpl-3.0"}),
}


def _declared_families(value: str) -> tuple[set[str], bool]:
    """The license families a declared value names, and whether every name in it is known.

    A value that declares no license ("N/A", "none") names the family "none", which no license
    text in LICENSE belongs to."""
    plain = " ".join(value.casefold().split())
    if plain in _NO_LICENSE:
        return {"none"}, True
    if plain in _GENERIC_LICENSE_NAMES:
        return set(_GENERIC_LICENSE_NAMES[plain]), True
    return license_families(value)


def _pyproject_license(repo: Repo) -> _Declaration | None:
    """The license pyproject.toml's [project] declares (expression, ``{text = ...}`` or classifiers)."""
    project = repo.project
    if not project:
        return None
    pyproject_text = repo.read_text("pyproject.toml")
    declared = project.get("license")
    if isinstance(declared, str):
        families, all_known = _declared_families(declared)
        line = toml_key_line(pyproject_text, "project", "license")
        return "pyproject.toml", f'license = "{declared}"', line, families, all_known
    if isinstance(declared, dict) and isinstance(declared.get("text"), str):
        families, all_known = _declared_families(declared["text"])
        line = toml_key_line(pyproject_text, "project", "license")
        return "pyproject.toml", f'license = {{text = "{declared["text"]}"}}', line, families, all_known
    classifiers = license_classifiers(project)
    families = classifier_families(classifiers)
    if not families:
        return None
    line = text_line(pyproject_text, classifiers[0])[0]
    return "pyproject.toml", f"the classifier '{classifiers[0]}'", line, families, True


def _poetry_license(repo: Repo) -> _Declaration | None:
    """The license Poetry's ``[tool.poetry]`` table declares, where no ``[project]`` table does."""
    declared = poetry_table(repo.pyproject).get("license")
    if not isinstance(declared, str) or not declared.strip():
        return None
    families, all_known = _declared_families(declared)
    line = toml_key_line(repo.read_text("pyproject.toml"), "tool.poetry", "license")
    return "pyproject.toml", f'[tool.poetry] license = "{declared}"', line, families, all_known


def _setup_py_license(repo: Repo) -> _Declaration | None:
    """The license setup.py's setup() call declares as a literal string (setup.py is never run)."""
    declared = setup_keywords(repo).get("license")
    if declared is None or len(declared.value) > 200:
        return None  # a license's whole text pasted in is not a name to compare
    families, all_known = _declared_families(declared.value)
    return "setup.py", f"license={declared.value!r}", declared.line, families, all_known


# -- OSS113: one project name and one repository URL everywhere ----------------------------
class _Claim(NamedTuple):
    path: str
    line: int
    col: int
    value: str
    key: str


#: Headings that open a section, not a title: "About statsmodels" is not the project's name.
_SECTION_WORDS = lazy(
    r"(?:about|overview|introduction|intro|description|summary|abstract|background|contents|"
    r"table of contents|features|documentation)\b",
    re.IGNORECASE,
)
_TAGLINE = lazy(r"\s*(?::|\s[-\u2013\u2014|]\s)\s*")
_TITLE_TOKEN = lazy(r"[^\s,;:&/()\[\]]+")


def _title_forms(title: str) -> set[str]:
    """The name a title gives: the whole title, or the part before a tagline (``name: tagline``)."""
    forms = {name_key(title)}
    head = _TAGLINE.split(title, maxsplit=1)[0]
    forms.add(name_key(head))
    return forms - {""}


#: A README heading of more words than this describes the project; its name is elsewhere (a logo).
_LONGEST_NAME_WORDS = 5


def _is_sentence(title: str) -> bool:
    """Whether a heading is a description ("The toolkit for time series analysis in Python"), not a name."""
    head = _TAGLINE.split(title, maxsplit=1)[0]
    return len(_TITLE_TOKEN.findall(head)) > _LONGEST_NAME_WORDS


def _written_as_a_name(title: str) -> bool:
    """Whether a title is the project's name written as one word (``churn-model``, ``ChurnModel``),
    before any tagline, rather than a display name in words ("Dans Mon Eau", "🌞 Solar
    Forecasting - Volunteers Welcome!"), which may differ from the package's name on purpose."""
    head = _TAGLINE.split(title.strip(), maxsplit=1)[0]
    words = [word for word in _TITLE_TOKEN.findall(head) if any(char.isalnum() for char in word)]
    return len(words) == 1


def _without_python_affix(key: str) -> str:
    """A name key without the "py" or "python" that marks a Python port ("lmfitpy", "pylmfit" ->
    "lmfit"), or the "env" that names a project's environment ("production-env" -> "production")."""
    for affix in ("python", "py", "environment", "env"):
        if key.endswith(affix) and len(key) - len(affix) >= 3:
            return key[: -len(affix)]
        if affix.startswith("py") and key.startswith(affix) and len(key) - len(affix) >= 3:
            return key[len(affix) :]
    return key


def _title_spans(title: str) -> set[str]:
    """Every run of words of a title, as name keys: "The networkx library" holds "networkx"."""
    tokens = [name_key(token) for token in _TITLE_TOKEN.findall(title)[:30]]
    spans = set()
    for start in range(len(tokens)):
        joined = ""
        for token in tokens[start:]:
            joined += token
            spans.add(joined)
    return spans - {""}


_WORD = lazy(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
#: Words that do not make a name different: "The Demand Forecasting" is "Demand Forecasting".
_FILLER_WORDS = frozenset({"the", "a", "an"})


def _name_words(name: str) -> list[str]:
    """A name's words, without accents and case: "RAP Devices", ``devices_rap`` and ``DevicesRAP``
    all give rap and devices; "J. Doe" gives j and doe."""
    decomposed = unicodedata.normalize("NFKD", name[:300])
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = [word.casefold() for word in _WORD.findall(plain)]
    return [word for word in words if word not in _FILLER_WORDS]


def _word_matches(short: str, long: str) -> bool:
    """One word of a name stands for another: the same word, or an initial ("j" for "jane")."""
    return short == long or (len(short) == 1 and long.startswith(short))


def _same_words(first: str, second: str) -> bool:
    """Whether two names are the same words in any order or spelling.

    "Doe, Jane", "jane-doe" and "J. Doe" are "Jane Doe"; "RAP Devices" is ``devices_rap``.
    A name of at least two words whose every word is in the other name agrees with it too
    ("Demand Forecasting" in "Demand Forecasting Toolkit").
    """
    a, b = _name_words(first), _name_words(second)
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < len(long) and len(short) < 2:
        return False  # one word inside a longer name: the title spans decide that
    left = list(long)
    for word in short:
        match = next(
            (other for other in left if _word_matches(word, other) or _word_matches(other, word)), None
        )
        if match is None:
            return False
        left.remove(match)
    return True


def _readme_title(text: str, rst: bool) -> tuple[int, str] | None:
    """The README's title: its first heading, when nothing but images or badges comes before it."""
    found = headings(text, rst=rst)
    if not found or found[0].level != 1:
        return None
    first = found[0]
    before = "\n".join(text.splitlines()[: max(first.line - (2 if rst else 1), 0)])
    if count_words(before, rst=rst):
        return None  # prose first: the heading opens a section
    title = clean_title(first.title)
    title = re.sub(r"^welcome\s+to\s+(?:the\s+)?", "", title, flags=re.IGNORECASE)
    if not title or _SECTION_WORDS.match(title):
        return None
    return first.line, title


class OSS113(Rule):
    """Project name or repository URL differs between files

    ## What it does
    Collects the project's name from pyproject.toml (`[project] name`), the README's title
    and CITATION.cff (`title`) where they write it as one word (`# churn-model`, before any
    tagline) or the project was baked, and the statements of where the repository lives:
    pyproject.toml's `[project.urls]` Source, Repository, Homepage and issue-tracker links
    and CITATION.cff's `repository-code`. Names are compared ignoring case, accents, spaces, dashes and
    underscores, and as sets of words: "RAP Devices" is `devices_rap`, "Doe, Jane" and
    "J. Doe" are "Jane Doe"; a title with a tagline ("scikit-image: Image processing in Python")
    agrees with it. Outside a baked project, a title in words ("Dans Mon Eau", "Build a
    Large Language Model") is a display name, which a brand, a book or a monorepo chooses
    on purpose, and is not compared; in a baked project the template made every name from
    one answer, so there it is. The README
    title is its first heading only when nothing but badges comes before it, and never a
    section such as "About statsmodels", nor the name of the repository's owner (an
    organisation's brand line, `# Nixtla` above statsforecast's own title). URLs are compared by host, owner and repository
    name only, so pages inside the repository (issues, a branch, the wiki) agree. Links in
    the README and CONTRIBUTING are not compared: they point at forks ("git clone
    git@github.com:your-username/..."), dependencies and sibling repositories as often as
    at the project itself.

    What most files say is taken as right: each mistake is reported once, at the line
    that is wrong. When files are evenly split, pyproject.toml is taken as the reference.

    ## Why is this bad?
    After a rename or a move to another group, half-updated files send people to a dead
    repository, make citations point at the wrong place, and make it unclear which project
    a package belongs to.

    ## Example
    pyproject.toml says `name = "churn-model"` while the README is titled
    `# attrition-model`, or CITATION.cff gives `repository-code:
    https://github.com/acme/old-name`.

    ## How to fix
    Pick the one name and the one URL and use them in every file listed in the message.
    """

    name = "identity-agreement"
    stakeholders = (Stakeholder.EXECUTIVE,)

    def check(self, repo: Repo) -> Iterator[Finding]:
        claims = self._url_claims(repo)
        reference = self._reference_url(claims)
        yield from self._names(repo, reference[1] if reference else None)
        if reference is not None:
            yield from self._urls(claims, reference)

    # -- names --------------------------------------------------------------------------
    def _names(self, repo: Repo, url: RepoUrl | None) -> Iterator[Finding]:
        identifier: _Claim | None = None
        name = repo.project.get("name")
        poetry = ((repo.pyproject or {}).get("tool") or {}).get("poetry")
        table = "project"
        if not (isinstance(name, str) and name.strip()) and isinstance(poetry, dict):
            name, table = poetry.get("name"), "tool.poetry"
        if isinstance(name, str) and name_key(name):
            line = toml_key_line(repo.read_text("pyproject.toml"), table, "name")
            identifier = _Claim("pyproject.toml", line, 0, name, name_key(name))
        titles: list[_Claim] = []
        # A baked project's names all come from one answer, so there titles in words count too.
        baked = repo.record is not None
        cff = citation(repo)
        if cff is not None and cff.data is not None and isinstance(cff.data.get("title"), str):
            title = cff.data["title"]
            line = yaml_key_line(repo.read_text("CITATION.cff"), "title")
            if name_key(title) and (baked or _written_as_a_name(title)):
                titles.append(_Claim("CITATION.cff", line, 0, title, name_key(title)))
        readme = repo.find(*README_NAMES)
        text = repo.read_text(readme) if readme else None
        found = _readme_title(text, is_rst(readme)) if readme and text else None
        compared = found is not None and (baked or _written_as_a_name(found[1]))
        if readme and found and compared and name_key(found[1]) and not _is_sentence(found[1]):
            titles.append(_Claim(readme, found[0], 0, found[1], name_key(found[1])))
        # The repository's own name also counts: a package may be published under another name,
        # and a repository may hold a component package named for its part ("spineq" in
        # "spatial-inequality"). Without a project URL, the remote it was cloned from says it.
        slug = url.repository if url is not None and url.repository else origin_slug(repo)
        repository = slug[-1] if slug else None
        names = {identifier.key} if identifier else set()
        if repository:
            names.add(name_key(repository))
        owners = {name_key(owner) for owner in (slug or ())[:-1]}
        # "# Nixtla" above statsforecast's own title: the organisation's brand line, not a name.
        titles = [claim for claim in titles if claim.path != readme or claim.key not in owners - names]
        # The template record ties the display name to the slug cookiecutter derived from it
        # (by transliteration: "Zoë 数据" -> "zoe-shu-ju"), so either spelling is the same project.
        recorded = {name_key(str(repo.answers.get(key, ""))) for key in ("project_name", "project_slug")} - {
            ""
        }
        if recorded & (names | {t.key for t in titles}):
            names |= recorded
        names.discard("")
        names |= {_without_python_affix(name) for name in names}
        spelled = [identifier.value] if identifier else []
        spelled += [repository] if repository else []

        def names_it(claim: _Claim) -> bool:
            forms = _title_forms(claim.value)
            forms |= {_without_python_affix(form) for form in forms}
            if names & (forms | _title_spans(claim.value)):
                return True
            heads = {claim.value, _TAGLINE.split(claim.value, maxsplit=1)[0]}
            return any(_same_words(head, name) for head in heads for name in spelled)

        if identifier is None:
            if len(titles) == 2 and not names_it(titles[1]):
                first, second = titles
                if (
                    not (
                        _title_forms(first.value) & (_title_forms(second.value) | _title_spans(second.value))
                    )
                    and not (_title_forms(second.value) & _title_spans(first.value))
                    and not _same_words(first.value, second.value)
                ):
                    yield self._name_finding(second, first, None)
            return
        wrong = [claim for claim in titles if not names_it(claim)]
        titles_agree = len(wrong) == 2 and (
            bool(_title_forms(wrong[0].value) & _title_forms(wrong[1].value))
            or _same_words(wrong[0].value, wrong[1].value)
        )
        backed = repository is not None and name_key(repository) == identifier.key
        if titles_agree and not backed:
            # README and CITATION agree with each other: the one wrong line is pyproject's.
            yield self.finding(
                identifier.path,
                f"pyproject.toml names the project '{identifier.value}' but {wrong[0].path} and "
                f"{wrong[1].path} name it '{wrong[0].value}'; use one name everywhere",
                line=identifier.line,
            )
            return
        for claim in wrong:
            yield self._name_finding(claim, identifier, repository)

    def _name_finding(self, claim: _Claim, reference: _Claim, repository: str | None) -> Finding:
        differs = repository is not None and name_key(repository) != reference.key
        also = f" and the repository is called '{repository}'" if differs else ""
        return self.finding(
            claim.path,
            f"{claim.path} names the project '{claim.value}' but {reference.path} names it "
            f"'{reference.value}'{also}; use one name everywhere",
            line=claim.line,
        )

    # -- repository URLs -----------------------------------------------------------------
    @staticmethod
    def _url_claims(repo: Repo) -> list[tuple[int, _Claim, RepoUrl]]:
        """(priority, claim, parsed URL) of every statement of where the repository lives."""
        pyproject_text = repo.read_text("pyproject.toml")
        claims: list[tuple[int, _Claim, RepoUrl]] = []

        def add(priority: int, claim: _Claim) -> None:
            url = parse_repo_url(claim.value)
            if url is not None and len(url.repository) >= 2:
                claims.append((priority, claim, url))

        for label, value in project_urls(repo.project).items():
            normalised = url_label(label)
            line = toml_key_line(pyproject_text, "project.urls", label)
            claim = _Claim("pyproject.toml", line, 0, value, label)
            if normalised in SOURCE_LABELS:
                add(0, claim)
            elif normalised in ("homepage", "home"):
                parsed = parse_repo_url(value)
                if parsed is not None and is_forge(parsed.host) and parsed.segments == parsed.repository:
                    add(2, claim)  # a homepage that is the repository itself, not its docs site
            elif normalised in REPOSITORY_PAGE_LABELS:
                add(3, claim)
        cff = citation(repo)
        if cff is not None and cff.data is not None and isinstance(cff.data.get("repository-code"), str):
            line = yaml_key_line(repo.read_text("CITATION.cff"), "repository-code")
            add(1, _Claim("CITATION.cff", line, 0, cff.data["repository-code"], "repository-code"))
        return claims

    @staticmethod
    def _reference_url(claims: list[tuple[int, _Claim, RepoUrl]]) -> tuple[_Claim, RepoUrl] | None:
        """The URL most statements agree on (ties: the most authoritative file)."""
        if not claims:
            return None
        votes: dict[tuple[str, tuple[str, ...]], int] = {}
        best: dict[tuple[str, tuple[str, ...]], tuple[int, int]] = {}
        for order, (priority, _claim, url) in enumerate(claims):
            identity = (url.host, url.repository)
            votes[identity] = votes.get(identity, 0) + 1
            best.setdefault(identity, (priority, order))
            best[identity] = min(best[identity], (priority, order))
        winner = min(votes, key=lambda identity: (-votes[identity], best[identity]))
        order = best[winner][1]
        return claims[order][1], claims[order][2]

    def _urls(
        self, claims: list[tuple[int, _Claim, RepoUrl]], reference: tuple[_Claim, RepoUrl]
    ) -> Iterator[Finding]:
        claim_ref, url_ref = reference
        reported: set[tuple[str, int]] = set()
        for _priority, claim, url in claims:
            if url.same_repository(url_ref) or (claim.path, claim.line) in reported:
                continue
            reported.add((claim.path, claim.line))
            yield self.finding(
                claim.path,
                f"{claim.path} points at {claim.value} but {claim_ref.path} gives the repository as "
                f"https://{url_ref.host}/{'/'.join(url_ref.repository)}; use one repository URL everywhere",
                line=claim.line,
                col=claim.col,
            )


# -- OSS114: CODEOWNERS ------------------------------------------------------------------
CODEOWNERS_PATHS = ("CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS")
_OWNER = lazy(
    r"@@?[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._/-]*)?|[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+"
)
_SECTION = lazy(r"^\^?\[[^\]]+\](?:\[\d+\])?(.*)$")


class OSS114(Rule):
    """CODEOWNERS is missing or names no owner

    ## What it does
    Looks for a CODEOWNERS file (at the top, in `.github/`, `.gitlab/` or `docs/`) and checks
    that at least one rule gives a path pattern an owner: `@user`, `@org/team` or an email
    address. Owners that are none of these are reported with their line.

    In a repository that has not adopted the conventions, a missing CODEOWNERS is not
    reported; the owners of an existing one are checked everywhere.

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
            if not self.in_full:
                return  # a missing file matters only where the conventions were adopted
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
#: Where GitHub looks for single templates: the top, docs/ and .github/ (names in any case, .md, .txt or none).
_GITHUB_PLACES = ("", "docs/", ".github/")
#: (what, folder of templates, single-file stem, where to report) per forge.
_GITHUB_TEMPLATES = (
    ("issue template", ".github/ISSUE_TEMPLATE", "issue_template", ".github/ISSUE_TEMPLATE/"),
    (
        "pull request template",
        ".github/PULL_REQUEST_TEMPLATE",
        "pull_request_template",
        ".github/PULL_REQUEST_TEMPLATE.md",
    ),
)
_GITLAB_TEMPLATES = (
    ("issue template", ".gitlab/issue_templates", "", ".gitlab/issue_templates/"),
    ("merge request template", ".gitlab/merge_request_templates", "", ".gitlab/merge_request_templates/"),
)
#: Names that say a file is meant as an issue, pull- or merge-request template.
_TEMPLATE_NAME = lazy(r"(?:issue|pull_request|merge_request)_templates?", re.IGNORECASE)


def _template_kind(name: str) -> str:
    lowered = name.lower()
    if lowered.startswith("pull_request"):
        return "pull request template"
    if lowered.startswith("merge_request"):
        return "merge request template"
    return "issue template"


def _read_by_forge(path: str) -> bool:
    """Whether GitHub or GitLab offers ``path`` as an issue, pull- or merge-request template."""
    lowered = path.lower()
    folder, _, name = lowered.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if (folder + "/" if folder else "") in _GITHUB_PLACES and stem in (
        "issue_template",
        "pull_request_template",
    ):
        return suffix in ("", "md", "txt")
    parent, _, sub = folder.rpartition("/")
    if sub == "pull_request_template" and (parent + "/" if parent else "") in _GITHUB_PLACES:
        return suffix in ("md", "txt")
    if folder == ".github/issue_template":
        # A pull request template here is offered as an issue template: not what it is meant for.
        return suffix in ("md", "yml", "yaml") and not stem.startswith("pull_request")
    if folder in (".gitlab/issue_templates", ".gitlab/merge_request_templates"):
        return suffix == "md"
    return False


class OSS115(Rule):
    """Issue or pull request templates are missing or where the forge cannot find them

    ## What it does
    Checks that the repository has at least one issue template and a pull request template
    (GitHub: `.github/ISSUE_TEMPLATE/` and `pull_request_template.md` at the top, in
    `docs/` or in `.github/`, or a `PULL_REQUEST_TEMPLATE/` folder there) or merge request
    template (GitLab: `.gitlab/issue_templates/` and `.gitlab/merge_request_templates/`).
    The forge comes from the template's answers, else from the files present. A template
    the forge never offers, because it is in the wrong folder, has the wrong extension, or
    is a pull request template inside the issue templates folder, is reported wherever it
    is.

    In a repository that has not adopted the conventions, only templates in the wrong
    place are reported; missing ones are not.

    ## Why is this bad?
    Templates make people give the information a reviewer needs: steps to reproduce a bug,
    the data version used, whether tests and the changelog were updated. Without them
    reviewers ask again in every thread and issues stay unanswerable.

    ## Example
    A GitHub repository with `.github/workflows/` but no `.github/ISSUE_TEMPLATE/`, or with
    its pull request template at `.github/workflows/pull_request_template.md`.

    ## How to fix
    Add a bug report and a feature request template, and a pull (or merge) request
    template with a short checklist (tests, docs, changelog); move a misplaced one to the
    folder named in the message. The oss-template ships ready-made ones.
    """

    name = "contribution-templates"
    kind = Kind.CONVENTION
    elsewhere = "templates the forge cannot find, such as a pull-request template in the wrong folder; missing ones are not reported."
    stakeholders = (Stakeholder.MANAGEMENT,)

    def check(self, repo: Repo) -> Iterator[Finding]:
        yield from self._misplaced(repo)
        if not self.in_full:
            return
        forge = repo_forge(repo)
        wanted = _GITLAB_TEMPLATES if forge == "gitlab" else _GITHUB_TEMPLATES
        for what, folder, stem, report in wanted:
            if not self._has_template(repo, folder, stem):
                yield self.finding(
                    report,
                    f"no {what}: add one at {report} so that people give reviewers what they need",
                )

    def _misplaced(self, repo: Repo) -> Iterator[Finding]:
        for path in repo.paths:
            parts = path.split("/")
            named = [part for part in parts[:-1] if _TEMPLATE_NAME.fullmatch(part)]
            stem = parts[-1].rpartition(".")[0] or parts[-1]
            if not named and not _TEMPLATE_NAME.fullmatch(stem):
                continue
            if _read_by_forge(path) or "{{" in path or "{%" in path or not_the_projects_own(repo, path):
                continue
            if parts[-1].lower() == "config.yml" and path.lower().startswith(".github/issue_template/"):
                continue  # the template chooser's settings
            kind = _template_kind(stem if _TEMPLATE_NAME.fullmatch(stem) else named[-1])
            if kind == "pull request template" and path.lower().startswith(".github/issue_template/"):
                why = "is in the issue templates folder, so GitHub offers it as an issue template"
            else:
                why = "is where no forge looks for it"
            target = {
                "pull request template": ".github/pull_request_template.md",
                "merge request template": ".gitlab/merge_request_templates/",
                "issue template": ".github/ISSUE_TEMPLATE/ (GitLab: .gitlab/issue_templates/)",
            }[kind]
            yield self.finding(path, f"the {kind} {path} {why}: move it to {target}")

    @staticmethod
    def _has_template(repo: Repo, folder: str, stem: str) -> bool:
        prefix = folder.lower() + "/"
        for path in repo.paths:
            lowered = path.lower()
            if lowered.endswith("/config.yml"):
                continue  # the issue chooser's settings, not a template
            in_folder = (
                lowered.startswith(prefix)
                and "/" not in lowered[len(prefix) :]
                and lowered.endswith(_TEMPLATE_SUFFIXES)
            )
            single = bool(stem) and stem in lowered and _read_by_forge(path)
            if (in_folder or single) and repo.content_size(path) > 0:
                return True
        return False


# -- OSS116: contacts that reach nobody -----------------------------------------------------
#: Domains reserved for examples (RFC 2606 and RFC 6761): no mail sent there reaches anyone.
_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")
_RESERVED_TLDS = ("example", "invalid", "test", "localhost")
#: Top-level domains no registry has, which templates write as a slot to fill: govcookiecutter's
#: ``organisation@email.address``.
_TEMPLATE_TLDS = ("address",)
_ADDRESS = lazy(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@(?P<domain>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*)"
)
#: The template's example organisation, in a URL, an SSH remote or a CODEOWNERS team.
_EXAMPLE_ORG = lazy(r"(?<=[/@:])example-org(?![\w-])", re.IGNORECASE)


def placeholder_domain(domain: str) -> bool:
    """Whether mail to ``domain`` can never arrive: a domain reserved for examples or tests."""
    lowered = domain.lower().rstrip(".")
    if lowered == "localhost":
        return True
    if any(lowered == reserved or lowered.endswith("." + reserved) for reserved in _EXAMPLE_DOMAINS):
        return True
    return lowered.rpartition(".")[2] in (*_RESERVED_TLDS, *_TEMPLATE_TLDS) and "." in lowered


class OSS116(Rule):
    """A contact or link is still the template's placeholder

    ## What it does
    Looks for contacts that reach nobody in the files people use to reach the team: the
    code of conduct, the security policy, CODEOWNERS, CITATION.cff, and the `authors`,
    `maintainers` and `[project.urls]` of pyproject.toml. It reports each email address
    at a domain reserved for examples (`example.com`, `example.org`, `example.net`, or any
    domain ending in `.example`, `.invalid`, `.test` or `.localhost`, and govcookiecutter's
    `organisation@email.address`, whose `.address` no registry has) and each link or
    owner in the template's example organisation `example-org`, at its line. It is a
    warning: it fails `oss-checks check` only with `--strict`.

    ## Why is this bad?
    A bake that keeps the default `data-science@example.com` passes every other check, yet
    a security report or a complaint under the code of conduct sent there goes nowhere:
    the reporter believes the team was told, the team never hears of it, and the
    organisation cannot show it offered a working channel. Links into `example-org` send
    contributors and citations to a repository that is not yours.

    ## Example
    `Report unacceptable behaviour to [data-science@example.com](mailto:data-science@example.com).`
    in CODE_OF_CONDUCT.md, or `Source = "https://github.com/example-org/churn-model"` in
    pyproject.toml.

    ## How to fix
    Write the team's real, monitored address (a shared mailbox, not a person) and the
    real organisation in each place the message names. In a project made from the
    template, answer `author_email` and `organisation` when baking, or edit the files.
    """

    name = "placeholder-contacts"
    stakeholders = (Stakeholder.LEGAL, Stakeholder.MANAGEMENT)
    severity = Severity.WARNING

    def check(self, repo: Repo) -> Iterator[Finding]:
        paths = [
            repo.find(*CODE_OF_CONDUCT_NAMES) or docs_guide(repo, "conduct"),
            repo.find(*SECURITY_NAMES) or docs_guide(repo, "security"),
            repo.find(*CODEOWNERS_PATHS),
            repo.find(*CITATION_NAMES),
        ]
        for path in paths:
            text = repo.read_text(path) if path else None
            if path and text:
                for number, line in enumerate(text.splitlines(), start=1):
                    yield from self._in_line(path, number, line)
        yield from self._in_pyproject(repo)

    def _in_line(self, path: str, number: int, line: str) -> Iterator[Finding]:
        seen: set[str] = set()
        for match in _ADDRESS.finditer(line):
            address = match.group(0)
            if placeholder_domain(match.group("domain")) and address.lower() not in seen:
                seen.add(address.lower())
                yield self.finding(
                    path,
                    f"{path} gives {address} as a contact, an address at a domain reserved for examples: "
                    "nothing sent there reaches anyone; write the team's real address",
                    line=number,
                    col=match.start() + 1,
                )
        for match in _EXAMPLE_ORG.finditer(line):
            yield self.finding(
                path,
                f"{path} names the template's example organisation '{match.group(0)}': write the "
                "organisation that owns this repository",
                line=number,
                col=match.start() + 1,
            )
            break  # one finding per line is enough to point at it

    def _in_pyproject(self, repo: Repo) -> Iterator[Finding]:
        text = repo.read_text("pyproject.toml")
        if not text or not repo.project:
            return
        values: list[str] = []
        for key in ("authors", "maintainers"):
            people = repo.project.get(key)
            if isinstance(people, list):
                values += [str(person.get("email", "")) for person in people if isinstance(person, dict)]
        values += list(project_urls(repo.project).values())
        lines = text.splitlines()
        reported: set[int] = set()
        for value in values:
            if not value or not (
                any(placeholder_domain(m.group("domain")) for m in _ADDRESS.finditer(value))
                or _EXAMPLE_ORG.search(value)
            ):
                continue
            number = text_line(text, value)[0]
            if number and number not in reported:
                reported.add(number)
                yield from self._in_line("pyproject.toml", number, lines[number - 1])
