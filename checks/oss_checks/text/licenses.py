"""Licenses: recognising a license text, SPDX expressions, their aliases and classifiers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from oss_checks.patterns import lazy
from oss_checks.text.builds import describes_r_package


class KnownLicense(NamedTuple):
    key: str  # the family compared between LICENSE and pyproject
    display: str  # how messages name it
    spdx: str  # the identifier to suggest for pyproject's license


_BSD_CORE = "redistribution and use in source and binary forms, with or without modification, are permitted"
#: The third clause, however it is worded ("Neither the name of X nor the names of its
#: contributors may be used ...", "The names of its contributors may not be used ...").
_BSD_ENDORSEMENT = "to endorse or promote products derived from this software"
#: Apache 1.0 and 1.1 share BSD's opening and add an acknowledgement clause of their own.
_APACHE_1_ACKNOWLEDGEMENT = "end-user documentation included with the redistribution"
#: (license, phrases that must all appear, phrases that must not) in the normalised text.
_LICENSE_TEXTS: tuple[tuple[KnownLicense, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        KnownLicense("agpl-3.0", "AGPL-3.0", "AGPL-3.0-or-later"),
        ("gnu affero general public license",),
        # The GPL's own text names the AGPL in its section 13 ("Use with the GNU Affero ...").
        ("gnu general public license version 3, 29 june 2007",),
    ),
    (
        KnownLicense("lgpl-3.0", "LGPL-3.0", "LGPL-3.0-or-later"),
        ("gnu lesser general public license version 3",),
        (),
    ),
    (
        KnownLicense("lgpl-2.1", "LGPL-2.1", "LGPL-2.1-or-later"),
        ("gnu lesser general public license version 2.1",),
        (),
    ),
    (
        KnownLicense("gpl-3.0", "GPL-3.0", "GPL-3.0-or-later"),
        ("gnu general public license version 3, 29 june 2007",),
        (),
    ),
    (
        KnownLicense("gpl-2.0", "GPL-2.0", "GPL-2.0-or-later"),
        ("gnu general public license version 2, june 1991",),
        (),
    ),
    (KnownLicense("mpl-2.0", "MPL-2.0", "MPL-2.0"), ("mozilla public license",), ()),
    (KnownLicense("apache-2.0", "Apache-2.0", "Apache-2.0"), ("apache license",), ()),
    (
        KnownLicense("mit", "MIT", "MIT"),
        ("permission is hereby granted, free of charge, to any person obtaining a copy",),
        (),
    ),
    (
        KnownLicense("isc", "ISC", "ISC"),
        ("permission to use, copy, modify, and/or distribute this software for any purpose",),
        (),
    ),
    (
        KnownLicense("bsd-3-clause", "BSD-3-Clause", "BSD-3-Clause"),
        (_BSD_CORE, _BSD_ENDORSEMENT),
        ("all advertising materials", _APACHE_1_ACKNOWLEDGEMENT),
    ),
    (
        KnownLicense("bsd-2-clause", "BSD-2-Clause", "BSD-2-Clause"),
        (_BSD_CORE,),
        (_BSD_ENDORSEMENT, "all advertising materials", _APACHE_1_ACKNOWLEDGEMENT),
    ),
    (
        KnownLicense("unlicense", "Unlicense", "Unlicense"),
        ("this is free and unencumbered software released into the public domain",),
        (),
    ),
)
PROPRIETARY = KnownLicense("proprietary", "Proprietary", "LicenseRef-Proprietary")
_PROPRIETARY_PHRASES = ("all rights reserved", "proprietary", "confidential")
#: Words by which a text this does not know grants rights (Apple's sample-code license, a
#: university's research license): such a text is a license of its own, not "Proprietary",
#: whatever "all rights reserved" its copyright line says.
_GRANTS = (
    "permission is hereby granted",
    "is hereby granted",
    "hereby grants",
    "grants you a",
    "you may use, copy",
    "you are free to",
)
_APACHE_VERSION = lazy(r"apache license,? version 2\.0")
_MPL_VERSION = lazy(r"mozilla public license,? (?:version|v\.) 2\.0")

#: SPDX identifiers (lower case) and the family each belongs to.
SPDX_FAMILIES: dict[str, str] = {
    "mit": "mit",
    "bsd-3-clause": "bsd-3-clause",
    "bsd-2-clause": "bsd-2-clause",
    "apache-2.0": "apache-2.0",
    "isc": "isc",
    "mpl-2.0": "mpl-2.0",
    "unlicense": "unlicense",
    "gpl-3.0": "gpl-3.0",
    "gpl-3.0+": "gpl-3.0",
    "gpl-3.0-only": "gpl-3.0",
    "gpl-3.0-or-later": "gpl-3.0",
    "gpl-2.0": "gpl-2.0",
    "gpl-2.0+": "gpl-2.0",
    "gpl-2.0-only": "gpl-2.0",
    "gpl-2.0-or-later": "gpl-2.0",
    "lgpl-3.0": "lgpl-3.0",
    "lgpl-3.0+": "lgpl-3.0",
    "lgpl-3.0-only": "lgpl-3.0",
    "lgpl-3.0-or-later": "lgpl-3.0",
    "lgpl-2.1": "lgpl-2.1",
    "lgpl-2.1+": "lgpl-2.1",
    "lgpl-2.1-only": "lgpl-2.1",
    "lgpl-2.1-or-later": "lgpl-2.1",
    "agpl-3.0": "agpl-3.0",
    "agpl-3.0-only": "agpl-3.0",
    "agpl-3.0-or-later": "agpl-3.0",
    "licenseref-proprietary": "proprietary",
    "proprietary": "proprietary",
}
#: Trove classifiers (after "License :: ") and the families they may mean.
CLASSIFIER_FAMILIES: dict[str, frozenset[str]] = {
    "osi approved :: mit license": frozenset({"mit"}),
    "osi approved :: bsd license": frozenset({"bsd-3-clause", "bsd-2-clause"}),
    "osi approved :: apache software license": frozenset({"apache-2.0"}),
    "osi approved :: isc license (iscl)": frozenset({"isc"}),
    "osi approved :: mozilla public license 2.0 (mpl 2.0)": frozenset({"mpl-2.0"}),
    "osi approved :: gnu general public license v3 (gplv3)": frozenset({"gpl-3.0"}),
    "osi approved :: gnu general public license v3 or later (gplv3+)": frozenset({"gpl-3.0"}),
    "osi approved :: gnu general public license v2 (gplv2)": frozenset({"gpl-2.0"}),
    "osi approved :: gnu general public license v2 or later (gplv2+)": frozenset({"gpl-2.0"}),
    "osi approved :: gnu lesser general public license v3 (lgplv3)": frozenset({"lgpl-3.0"}),
    "osi approved :: gnu lesser general public license v3 or later (lgplv3+)": frozenset({"lgpl-3.0"}),
    "osi approved :: gnu affero general public license v3": frozenset({"agpl-3.0"}),
    "osi approved :: gnu affero general public license v3 or later (agplv3+)": frozenset({"agpl-3.0"}),
    "osi approved :: the unlicense (unlicense)": frozenset({"unlicense"}),
    "other/proprietary license": frozenset({"proprietary"}),
}
#: The GNU licenses, whose text is the same whether later versions are granted or not.
GNU_FAMILIES = frozenset({"gpl-2.0", "gpl-3.0", "lgpl-2.1", "lgpl-3.0", "agpl-3.0"})
#: The GNU classifiers tell a version from "or later", as SPDX does; a license's text alone
#: does not (the project's notice decides), so these say more than the family's identifier.
_GNU_CLASSIFIER_SPDX: dict[str, str] = {
    "osi approved :: gnu general public license v3 (gplv3)": "GPL-3.0-only",
    "osi approved :: gnu general public license v3 or later (gplv3+)": "GPL-3.0-or-later",
    "osi approved :: gnu general public license v2 (gplv2)": "GPL-2.0-only",
    "osi approved :: gnu general public license v2 or later (gplv2+)": "GPL-2.0-or-later",
    "osi approved :: gnu lesser general public license v3 (lgplv3)": "LGPL-3.0-only",
    "osi approved :: gnu lesser general public license v3 or later (lgplv3+)": "LGPL-3.0-or-later",
    "osi approved :: gnu affero general public license v3": "AGPL-3.0-only",
    "osi approved :: gnu affero general public license v3 or later (agplv3+)": "AGPL-3.0-or-later",
}
#: Common ways of naming a license that are not SPDX identifiers, and the identifier meant.
LICENSE_ALIASES: dict[str, str] = {
    "proprietary": "LicenseRef-Proprietary",
    "unlicensed": "LicenseRef-Proprietary",
    "all rights reserved": "LicenseRef-Proprietary",
    "mit license": "MIT",
    "the mit license": "MIT",
    "expat": "MIT",
    "bsd": "BSD-3-Clause",
    "bsd license": "BSD-3-Clause",
    "bsd3": "BSD-3-Clause",
    "bsd-3": "BSD-3-Clause",
    "bsd 3-clause": "BSD-3-Clause",
    "new bsd": "BSD-3-Clause",
    "new bsd license": "BSD-3-Clause",
    "revised bsd": "BSD-3-Clause",
    "revised bsd license": "BSD-3-Clause",
    "modified bsd": "BSD-3-Clause",
    "modified bsd license": "BSD-3-Clause",
    "simplified bsd": "BSD-2-Clause",
    "simplified bsd license": "BSD-2-Clause",
    "freebsd": "BSD-2-Clause",
    "bsd2": "BSD-2-Clause",
    "bsd-2": "BSD-2-Clause",
    "apache": "Apache-2.0",
    "apache2": "Apache-2.0",
    "apache-2": "Apache-2.0",
    "apache 2": "Apache-2.0",
    "apache 2.0": "Apache-2.0",
    "apache2.0": "Apache-2.0",
    "apache license": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache license, version 2.0": "Apache-2.0",
    "apache software license": "Apache-2.0",
    # A version alone is that version (SPDX's deprecated "GPL-3.0" is "GPL-3.0-only"); "+" or
    # "or later" widen it. A name without a version is a guess, so the current version's.
    "gpl": "GPL-3.0-or-later",
    "gplv3": "GPL-3.0-only",
    "gpl3": "GPL-3.0-only",
    "gpl-3": "GPL-3.0-only",
    "gplv3+": "GPL-3.0-or-later",
    "gpl v3": "GPL-3.0-only",
    "gpl 3": "GPL-3.0-only",
    "gpl 3.0": "GPL-3.0-only",
    "gpl v3.0": "GPL-3.0-only",
    "gplv3.0": "GPL-3.0-only",
    "gnu gpl v3": "GPL-3.0-only",
    "gnu gplv3": "GPL-3.0-only",
    "gplv2": "GPL-2.0-only",
    "gpl v2": "GPL-2.0-only",
    "gpl 2": "GPL-2.0-only",
    "lgpl": "LGPL-3.0-or-later",
    "lgplv3": "LGPL-3.0-or-later",
    "mpl": "MPL-2.0",
    "mpl2": "MPL-2.0",
    "mpl 2.0": "MPL-2.0",
}


def _normalise_license_text(text: str) -> str:
    text = re.sub(r"[\"'`*_#>\u201c\u201d\u2018\u2019]", "", text.casefold())
    return " ".join(text.split())


def detect_licenses(text: str) -> list[KnownLicense]:
    """Every license whose text (or standard notice) appears; Proprietary only when none does."""
    plain = _normalise_license_text(text)
    found: list[KnownLicense] = []
    for known, required, excluded in _LICENSE_TEXTS:
        if all(p in plain for p in required) and not any(p in plain for p in excluded):
            if known.key == "apache-2.0" and not _APACHE_VERSION.search(plain) and "version 2.0" not in plain:
                continue
            if known.key == "mpl-2.0" and not _MPL_VERSION.search(plain):
                continue
            found.append(known)
    if (
        not found
        and (any(p in plain for p in _PROPRIETARY_PHRASES) or "licenseref-proprietary" in plain)
        and not any(grant in plain for grant in _GRANTS)
    ):
        found.append(PROPRIETARY)
    return found


def license_families(expression: str) -> tuple[set[str], bool]:
    """Families named by an SPDX expression, and whether every identifier in it is known."""
    families: set[str] = set()
    all_known = True
    alias = LICENSE_ALIASES.get(" ".join(expression.casefold().split()))
    if alias is not None:
        expression = alias
    after_with = False
    for token in re.findall(r"[^\s()]+", expression):
        if token.upper() in ("AND", "OR"):
            continue
        if token.upper() == "WITH":
            after_with = True
            continue
        if after_with:  # an exception such as Classpath-exception-2.0 does not change the family
            after_with = False
            continue
        family = SPDX_FAMILIES.get(token.casefold())
        if family is None:
            all_known = False
        else:
            families.add(family)
    return families, all_known


def _classifier_keys(classifiers: Any) -> list[str]:
    """The ``License ::`` classifiers, each after its prefix, folded: CLASSIFIER_FAMILIES' keys."""
    if not isinstance(classifiers, list):
        return []
    return [
        " ".join(classifier.split("::", 1)[1].casefold().split())
        for classifier in classifiers
        if isinstance(classifier, str) and classifier.startswith("License ::")
    ]


def classifier_families(classifiers: Any) -> set[str]:
    families: set[str] = set()
    for key in _classifier_keys(classifiers):
        families |= CLASSIFIER_FAMILIES.get(key, frozenset())
    return families


def license_classifiers(project: Mapping[str, Any]) -> list[str]:
    classifiers = project.get("classifiers")
    if not isinstance(classifiers, list):
        return []
    return [c for c in classifiers if isinstance(c, str) and c.startswith("License ::")]


#: A token of an SPDX expression; whitespace between tokens is skipped by ``findall`` itself
#: (a leading ``\s*`` would rescan every run of trailing spaces from each of its positions).
_SPDX_TOKEN = lazy(r"\(|\)|[A-Za-z0-9.:+-]+|\S")
_SPDX_ID = lazy(r"(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.-]*\+?")
_OPERATORS = ("AND", "OR")


def spdx_expression_error(expression: str) -> str | None:
    """Why ``expression`` is not an SPDX license expression, or None when it is one."""
    tokens = [t for t in _SPDX_TOKEN.findall(expression) if t]
    if not tokens:
        return "it is empty"
    position = 0

    def parse_expression() -> str | None:
        nonlocal position
        problem = parse_term()
        while problem is None and position < len(tokens) and tokens[position].upper() in _OPERATORS:
            position += 1
            problem = parse_term()
        return problem

    def parse_term() -> str | None:
        nonlocal position
        if position >= len(tokens):
            return "it ends where a license identifier is expected"
        symbol = tokens[position]
        if symbol == "(":
            position += 1
            problem = parse_expression()
            if problem is not None:
                return problem
            if position >= len(tokens) or tokens[position] != ")":
                return "a parenthesis is not closed"
            position += 1
            return None
        if symbol.upper() in (*_OPERATORS, "WITH") or not _SPDX_ID.fullmatch(symbol):
            return f"{symbol!r} is not a license identifier"
        position += 1
        if position < len(tokens) and tokens[position].upper() == "WITH":
            position += 1
            if position >= len(tokens) or not _SPDX_ID.fullmatch(tokens[position]):
                return "WITH must be followed by an exception identifier"
            position += 1
        return None

    problem = parse_expression()
    if problem is None and position < len(tokens):
        return f"{tokens[position]!r} is not expected there (join identifiers with AND or OR)"
    return problem


#: SPDX identifiers as they are spelled, for the identifiers whose family is known.
_CANONICAL_SPDX: dict[str, str] = {
    spdx.casefold(): spdx
    for spdx in (
        *(known.spdx for known, _, _ in _LICENSE_TEXTS),
        "GPL-3.0-only",
        "GPL-2.0-only",
        "LGPL-3.0-only",
        "LGPL-2.1-only",
        "AGPL-3.0-only",
        "BSD-3-Clause",
        "BSD-2-Clause",
    )
}
#: A stanza's first field; real files also write "File:" or "Function:" for a part of one file.
_DEP5_FILES = lazy(r"^(?:Files?|Function):[ \t]*(.*)$", re.IGNORECASE)
_DEP5_LICENSE = lazy(r"^License:[ \t]*(.*)$", re.IGNORECASE)


def spdx_spelling(name: str) -> str | None:
    """The SPDX expression a license name means: ``Expat`` is ``MIT``, Debian's ``GPL-2+`` is
    ``GPL-2.0-or-later``, ``BSD-3-clause`` is ``BSD-3-Clause``; None when it names a license
    this does not know (only known identifiers are suggested)."""
    words = " ".join(name.split())
    alias = LICENSE_ALIASES.get(words.casefold())
    if alias is not None:
        return alias
    debian = re.fullmatch(r"((?:A|L)?GPL)-(\d(?:\.\d)?)(\+?)", words, re.IGNORECASE)
    if debian:
        # SPDX's deprecated GPL-3.0 means GPL-3.0-only; Debian's GPL-2+ means "or later".
        version = debian.group(2) if "." in debian.group(2) else f"{debian.group(2)}.0"
        words = f"{debian.group(1).upper()}-{version}-{'or-later' if debian.group(3) else 'only'}"
    if not words or spdx_expression_error(words) is not None:
        return None
    spelled = []
    for token in _SPDX_TOKEN.findall(words):
        if token.upper() in (*_OPERATORS, "WITH"):
            spelled.append(token.upper())
        elif token in ("(", ")"):
            spelled.append(token)
        elif token.casefold() in _CANONICAL_SPDX:
            spelled.append(_CANONICAL_SPDX[token.casefold()])
        else:
            return None  # an identifier this does not know: better no suggestion than a wrong one
    return " ".join(spelled).replace("( ", "(").replace(" )", ")")


class Dep5(NamedTuple):
    """A machine-readable ``debian/copyright`` (DEP-5) file: the license of ``Files: *`` and the
    other licenses its stanzas name for bundled files, as written."""

    main: str | None
    bundled: tuple[str, ...]


def dep5_licenses(text: str) -> Dep5 | None:
    """The licenses a DEP-5 file names, or None when the text is not one."""
    is_dep5 = False
    stanza: str | None = None  # the Files: value of the current stanza
    main: str | None = None
    bundled: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            stanza = None
            continue
        files = _DEP5_FILES.match(line)
        if files:
            is_dep5 = True
            stanza = " ".join(files.group(1).split())
            continue
        license_line = _DEP5_LICENSE.match(line)
        if license_line is None or stanza is None:
            continue  # a continuation line, or a stand-alone license text paragraph
        name = license_line.group(1).strip()
        if stanza == "*":
            main = main or name or None
        elif name and name not in bundled:
            bundled.append(name)
    if not is_dep5:
        return None
    return Dep5(main, tuple(name for name in bundled if name != main))


def license_file_expression(text: str) -> str | None:
    """The SPDX expression a LICENSE text declares, when it names exactly one license.

    A DEP-5 file declares the ``License:`` of its ``Files: *`` stanza (the other stanzas
    cover bundled parts, see ``dep5_licenses``). Any other text declares a license only
    when exactly one known license text is in it; a text with several (a license plus
    third-party notices) or none declares nothing this can name.
    """
    dep5 = dep5_licenses(text)
    if dep5 is not None:
        return spdx_spelling(dep5.main) if dep5.main else None
    detected = detect_licenses(text)
    return detected[0].spdx if len(detected) == 1 else None


def classifier_expression(classifiers: Any) -> str | None:
    """The SPDX identifier ``License ::`` classifiers name, when they name exactly one license."""
    families = classifier_families(classifiers)
    if len(families) != 1:
        return None
    exact = {
        _GNU_CLASSIFIER_SPDX.get(key) for key in _classifier_keys(classifiers) if key in CLASSIFIER_FAMILIES
    }
    if len(exact) > 1:
        return None  # "v2" beside "v2 or later": one family, but which grant is not said
    if exact and None not in exact:
        return exact.pop()
    family = next(iter(families))
    return next((known.spdx for known, _, _ in _LICENSE_TEXTS if known.key == family), None) or (
        PROPRIETARY.spdx if family == PROPRIETARY.key else None
    )


#: A license's name as prose writes it, next to the word license or licence on the same line.
_NAMED_LICENSE = lazy(
    r"(?i)(?<![\w-])(MIT|ISC|Unlicense|(?:new |revised |modified |simplified )?BSD(?:[- ]?[23](?:[- ]clause)?)?"
    r"|Apache(?: license)?(?:,? (?:version |v)?2(?:\.0)?)?|(?:A|L)?GPL(?:[- ]?v?[23](?:\.[01])?\+?)?"
    r"|MPL[- ]?2(?:\.0)?)(?![\w-])"
)
_LICENSE_WORD = lazy(r"(?i)\blicen[cs]e")
#: A Creative Commons license, spelled out or abbreviated: "Creative Commons Attribution 3.0
#: Unported", "CC BY-SA 4.0", "CC0". Its elements and version make the key it is told apart by.
_CREATIVE_COMMONS = lazy(
    r"(?i)(?<![\w-])(?:creative commons (?P<long>attribution(?:[- ](?:sharealike|noncommercial|noderivatives"
    r"|noderivs)){0,2}|zero)|cc[- ]?(?P<short>by(?:[- ](?:sa|nc|nd)){0,2}|0))"
    r"(?:[- ]v?(?P<version>\d\.\d))?(?: (?:unported|international|generic))?(?![\w-])"
)
_CREATIVE_COMMONS_ELEMENTS = {
    "attribution": "BY", "sharealike": "SA", "noncommercial": "NC", "noderivatives": "ND",
    "noderivs": "ND", "zero": "0",
}  # fmt: skip


def _creative_commons_key(match: re.Match[str]) -> str:
    """``CC-BY-SA-4.0`` for a Creative Commons name, so that two spellings of one license agree."""
    words = re.split(r"[- ]", (match.group("long") or match.group("short")).casefold())
    elements = [_CREATIVE_COMMONS_ELEMENTS.get(word, word.upper()) for word in words]
    version = match.group("version")
    return "-".join(["CC", *elements, *([version] if version else [])]).replace("CC-0", "CC0")


def license_named_in(text: str) -> str | None:
    """The one license a page names in prose ("under the [MIT licence](...)", "a Creative
    Commons Attribution 3.0 License"), as written; None when it names none, or several that
    differ (the reader could not tell which the code has). A software license named beside a
    Creative Commons one is the code's ("the code under GPLv3, the data under CC BY 4.0")."""
    named: dict[str, str] = {}
    creative_commons: dict[str, str] = {}
    for line in text.splitlines():
        if not _LICENSE_WORD.search(line):
            continue
        for match in _NAMED_LICENSE.finditer(line):
            spelled = spdx_spelling(match.group(1))
            if spelled is not None:
                named.setdefault(spelled, match.group(1))
        for match in _CREATIVE_COMMONS.finditer(line):
            creative_commons.setdefault(_creative_commons_key(match), match.group().strip())
    # "CC0" and "CC0 1.0" on one page are one license, written with and without its version.
    versioned = {key.rpartition("-")[0] for key in creative_commons if key[-1:].isdigit() and "." in key}
    named = named or {key: name for key, name in creative_commons.items() if key not in versioned}
    return next(iter(named.values())) if len(named) == 1 else None


#: An R package's DESCRIPTION: its ``License:`` field, with the indented lines that continue it.
_DESCRIPTION_LICENSE = lazy(r"^License:[ \t]*(?P<value>[^\n]*(?:\n[ \t]+[^\n]*)*)", re.MULTILINE)
#: What the package skeletons of RStudio ("What license is it under?") and usethis
#: ("`use_mit_license()`, `use_gpl3_license()` or friends to pick a license") leave there.
_DESCRIPTION_PLACEHOLDERS = ("what license is it under", "use_mit_license", "or friends to pick a license")


class RPackageLicense(NamedTuple):
    value: str  # as DESCRIPTION writes it, its blanks collapsed: "GPL (>= 2)", "MIT + file LICENSE"
    placeholder: bool  # the skeleton's text, left for the author to replace
    #: "MIT + file LICENSE": the file R completes the named license from (its year and holder).
    completed_by: str | None
    #: "file LICENSE" alone: the file that holds the whole license.
    held_in: str | None


#: ``+ file LICENSE`` (the license completed by the file), or ``file LICENSE`` (all of it there).
_DESCRIPTION_FILE = lazy(r"(?i)(?P<plus>\+\s*)?\bfile\s+(?P<name>LICEN[CS]E(?:\.\w+)?)\b")


def r_package_license(description: str) -> RPackageLicense | None:
    """The license an R package's DESCRIPTION names, if it is a package's and names one."""
    if not describes_r_package(description):
        return None
    match = _DESCRIPTION_LICENSE.search(description)
    value = " ".join(match.group("value").split()) if match else ""
    if not value:
        return None
    folded = value.casefold()
    named = _DESCRIPTION_FILE.search(value)
    return RPackageLicense(
        value,
        placeholder=any(text in folded for text in _DESCRIPTION_PLACEHOLDERS),
        completed_by=named.group("name") if named and named.group("plus") else None,
        held_in=named.group("name") if named and not named.group("plus") else None,
    )
