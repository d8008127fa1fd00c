"""Community files (OSS101-OSS107, OSS110-OSS115)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

from conftest import Check, MakeRepo, Run, git
from oss_checks import engine, render, template
from oss_checks.context import Repo
from oss_checks.errors import TemplateError
from oss_checks.registry import Finding, Scope, Severity
from oss_checks.rules import load_rules
from oss_checks.rules.community import SKELETON_MARK

MIT_TEXT = """MIT License

Copyright (c) 2026 Data Science Team

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
"""

APACHE_NOTICE = """Copyright 2026 Data Science Team

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at http://www.apache.org/licenses/LICENSE-2.0
"""

BSD3_TEXT = """Copyright (c) 2026, Data Science Team. All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
1. Redistributions of source code must retain the above copyright notice.
2. Redistributions in binary form must reproduce the above copyright notice.
3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.
"""

GPL3_HEADER = """                    GNU GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007

 Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.
"""

README = """# Demand Forecasting

Forecast weekly demand from sales history for the planning team.
See https://github.com/northwind-data/demand-forecasting for the code.

## Installation

Install it with pip from the internal index and check the version.

## Usage

Open the forecast notebook and run every cell from the top.

## Contributing

Read CONTRIBUTING.md before proposing a change to the models.

## License

Released under the MIT license, see the LICENSE file.
"""

PYPROJECT = """[project]
name = "demand-forecasting"
version = "0.1.0"
description = "Forecast weekly demand."
license = "MIT"
readme = "README.md"
requires-python = ">=3.11"
authors = [{ name = "Data Science Team" }]
classifiers = ["Programming Language :: Python :: 3"]

[project.urls]
Source = "https://github.com/northwind-data/demand-forecasting"
Issues = "https://github.com/northwind-data/demand-forecasting/issues"
"""

CITATION = """cff-version: 1.2.0
message: If you use this work, please cite it as below.
title: Demand Forecasting
authors:
  - name: Data Science Team
repository-code: https://github.com/northwind-data/demand-forecasting
"""

PROSE = "This file explains in plain words what readers need to know, with enough detail to act on.\n"

CONTRIBUTING = "# Contributing\n\n" + PROSE + "Clone https://github.com/northwind-data/demand-forecasting\n"

GOOD: dict[str, str | bytes] = {
    "README.md": README,
    "LICENSE": MIT_TEXT,
    "CONTRIBUTING.md": CONTRIBUTING,
    "CODE_OF_CONDUCT.md": "# Code of conduct\n\n" + PROSE,
    "SECURITY.md": "# Security\n\n" + PROSE,
    "CHANGELOG.md": "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- The weekly forecast for all stores.\n",
    "CITATION.cff": CITATION,
    "CODEOWNERS": "# Everyone reviews everything\n* @northwind-data/data-science\n",
    "pyproject.toml": PYPROJECT,
    ".github/ISSUE_TEMPLATE/bug_report.md": "---\nname: Bug report\n---\nWhat happened?\n",
    ".github/pull_request_template.md": "## What changed\n\n- [ ] Tests\n",
}

COMMUNITY_CODES = ("OSS101", "OSS102", "OSS103", "OSS104", "OSS105", "OSS106", "OSS107")


def tree(changes: Mapping[str, str | bytes | None] | None = None) -> dict[str, str | bytes]:
    """The good tree with some files replaced; ``None`` removes a file."""
    files = dict(GOOD)
    for path, content in (changes or {}).items():
        if content is None:
            files.pop(path, None)
        else:
            files[path] = content
    return files


def baked(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """The files as a baked project: its template record makes every name from one answer."""
    record = {"template": "oss-template", "version": "0.1.0", "answers": {}}
    return {**files, ".oss-template.json": json.dumps(record)}


def where(findings: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in findings]


def with_config(pyproject: str, table: str) -> str:
    return pyproject + "\n" + table


# -- the good tree passes everything ---------------------------------------------------------
def test_good_tree_has_no_community_findings(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(GOOD)
    codes = [code for code in load_rules() if code.startswith("OSS1")]
    assert check(root, *codes) == []


def test_every_rule_has_the_documented_sections() -> None:
    for code in (*COMMUNITY_CODES, "OSS110", "OSS111", "OSS112", "OSS113", "OSS114", "OSS115", "OSS116"):
        rule = load_rules()[code]
        for section in ("What it does", "Why is this bad?", "Example", "How to fix"):
            assert rule.section(section), f"{code} lacks ## {section}"
        assert rule.summary()
        assert not rule.summary().endswith(".")


# -- OSS101-OSS107: missing files ------------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "path"),
    [
        ("OSS101", "README.md"),
        ("OSS102", "LICENSE"),
        ("OSS103", "CONTRIBUTING.md"),
        ("OSS104", "CODE_OF_CONDUCT.md"),
        ("OSS105", "SECURITY.md"),
        ("OSS106", "CHANGELOG.md"),
        ("OSS107", "CITATION.cff"),
    ],
)
def test_missing_community_file(make_repo: MakeRepo, check: Check, code: str, path: str) -> None:
    files = tree()
    del files[path]
    findings = check(make_repo(files), code)
    assert where(findings) == [(code, path, 0)]
    assert "is missing" in findings[0].message
    assert "--fix" not in findings[0].message  # not baked: nothing to render it from
    files[".oss-template.json"] = json.dumps({"answers": ANSWERS})
    baked = check(make_repo(files), code)
    assert "--fix creates it from the template" in baked[0].message


def license_message(findings: list[Finding]) -> str:
    assert len(findings) == 1, findings
    return findings[0].message


def test_a_missing_license_is_named_as_the_project_states_it(make_repo: MakeRepo, check: Check) -> None:
    files = tree({"LICENSE": None})
    assert license_message(check(make_repo(files), "OSS102")) == (
        "LICENSE is missing: pyproject.toml says the license is MIT, but its text (the terms and the copyright "
        "holder) is not in the repository; add LICENSE with the full text of MIT"
    )
    story = "# Excess deaths\n\n## Licence\n\nPublished under the [MIT licence](https://opensource.org/licenses/MIT).\n"
    files = {"README.md": story + "The data are under CC BY 4.0.\n"}
    assert "README.md says the license is MIT," in license_message(check(make_repo(files), "OSS102"))
    # Two licenses named for the code: which one it has is the maintainers' call.
    files = {"README.md": story + "Parts are licensed under the Apache License 2.0.\n"}
    assert license_message(check(make_repo(files), "OSS102")).startswith("LICENSE is missing: add LICENSE so")


@pytest.mark.parametrize(
    ("code", "path", "minimum"),
    [
        ("OSS101", "README.md", 10),
        ("OSS102", "LICENSE", 10),
        ("OSS103", "CONTRIBUTING.md", 10),
        ("OSS104", "CODE_OF_CONDUCT.md", 10),
        ("OSS105", "SECURITY.md", 10),
        ("OSS106", "CHANGELOG.md", 5),
    ],
)
def test_headings_only_is_not_real_content(
    make_repo: MakeRepo, check: Check, code: str, path: str, minimum: int
) -> None:
    root = make_repo(tree({path: "# Title\n\n## Section\n\nSoon.\n"}))
    findings = check(root, code)
    assert where(findings) == [(code, path, 0)]
    assert f"(1 word besides headings, at least {minimum} expected)" in findings[0].message


@pytest.mark.parametrize("code", ["OSS101", "OSS103", "OSS104", "OSS105", "OSS106"])
def test_empty_file_is_reported(make_repo: MakeRepo, check: Check, code: str) -> None:
    path = {
        "OSS101": "README.md",
        "OSS103": "CONTRIBUTING.md",
        "OSS104": "CODE_OF_CONDUCT.md",
        "OSS105": "SECURITY.md",
        "OSS106": "CHANGELOG.md",
    }[code]
    findings = check(make_repo(tree({path: ""})), code)
    assert where(findings) == [(code, path, 0)]
    assert "is empty" in findings[0].message


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("README.rst", "OSS101"),
        ("readme.md", "OSS101"),
        ("README", "OSS101"),
        ("LICENCE.txt", "OSS102"),
        ("COPYING", "OSS102"),
        (".github/CONTRIBUTING.md", "OSS103"),
        ("docs/CODE_OF_CONDUCT.md", "OSS104"),
        (".github/SECURITY.md", "OSS105"),
        ("HISTORY.md", "OSS106"),
    ],
)
def test_other_accepted_names(make_repo: MakeRepo, check: Check, path: str, code: str) -> None:
    canonical = {
        "OSS101": "README.md",
        "OSS102": "LICENSE",
        "OSS103": "CONTRIBUTING.md",
        "OSS104": "CODE_OF_CONDUCT.md",
        "OSS105": "SECURITY.md",
        "OSS106": "CHANGELOG.md",
    }[code]
    files = tree()
    files[path] = files.pop(canonical)
    assert check(make_repo(files), code) == []


def test_comments_badges_and_links_are_not_words(make_repo: MakeRepo, check: Check) -> None:
    readme = (
        "# Project\n\n<!-- describe the project here, in many many words of text -->\n"
        "[![CI](https://example.org/badge.svg)](https://example.org/ci)\n"
        "https://example.org/a/very/long/address\n"
    )
    findings = check(make_repo(tree({"README.md": readme})), "OSS101")
    assert where(findings) == [("OSS101", "README.md", 0)]
    assert "(0 words besides" in findings[0].message


def test_setext_and_rst_headings_are_not_words(make_repo: MakeRepo, check: Check) -> None:
    rst = "=========\nMy Project\n=========\n\nUsage\n-----\n\nShort.\n"
    files = tree()
    files["README.rst"] = rst
    del files["README.md"]
    findings = check(make_repo(files), "OSS101")
    assert where(findings) == [("OSS101", "README.rst", 0)]
    assert "(1 word besides" in findings[0].message


def test_min_words_is_configurable(make_repo: MakeRepo, check: Check) -> None:
    strict = with_config(PYPROJECT, "[tool.oss-checks.options.readme-content]\nmin-words = 500\n")
    findings = check(make_repo(tree({"pyproject.toml": strict})), "OSS101")
    assert where(findings) == [("OSS101", "README.md", 0)]
    assert "at least 500 expected" in findings[0].message
    lenient = with_config(PYPROJECT, "[tool.oss-checks.options.changelog-content]\nmin-words = 1\n")
    root = make_repo(tree({"pyproject.toml": lenient, "CHANGELOG.md": "# Changelog\n\nFirst.\n"}))
    assert check(root, "OSS106") == []


@pytest.mark.parametrize(
    "text",
    [
        MIT_TEXT,
        APACHE_NOTICE,
        BSD3_TEXT,
        GPL3_HEADER,
        "Copyright 2026 Acme. All rights reserved.\n",
        "Proprietary.\n",
    ],
)
def test_short_known_license_is_real_content(make_repo: MakeRepo, check: Check, text: str) -> None:
    assert check(make_repo(tree({"LICENSE": text})), "OSS102") == []


def test_unknown_short_license_is_not_real_content(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(tree({"LICENSE": "License: TBD\n"})), "OSS102")
    assert where(findings) == [("OSS102", "LICENSE", 0)]


def test_an_r_packages_year_and_holder_file_is_its_license(make_repo: MakeRepo, check: Check) -> None:
    stub = "YEAR: 2023\nCOPYRIGHT HOLDER: a4d authors\n"
    description = "Package: a4d\nTitle: Tracker data\nLicense: MIT + file LICENSE\n"
    assert check(make_repo(tree({"LICENSE": stub, "DESCRIPTION": description})), "OSS102") == []
    # Without the DESCRIPTION that names the license, the two lines grant nothing.
    assert [f.path for f in check(make_repo(tree({"LICENSE": stub})), "OSS102")] == ["LICENSE"]


@pytest.mark.parametrize(
    ("license_field", "path", "advice"),
    [
        # A standard license R knows by name: the text is for readers, kept out of the build.
        (
            "GPL (>= 2)",
            "LICENSE.md",
            (
                "says the license is 'GPL (>= 2)', but a reader of the code does not get its terms; add "
                "LICENSE.md with them and list it in .Rbuildignore, as usethis's use_gpl_license() does"
            ),
        ),
        ("Unlimited", "LICENSE.md", "list it in .Rbuildignore"),
        ("Proprietary. All rights reserved.", "LICENSE.md", "as usethis's use_proprietary_license() does"),
        # "+ file LICENSE": R completes the named license from a file that is not there.
        (
            "MIT + file LICENSE",
            "LICENSE",
            "add LICENSE with the YEAR and COPYRIGHT HOLDER lines (usethis's use_mit",
        ),
        ("BSD_3_clause + file LICENCE", "LICENCE", "add LICENCE with the YEAR and COPYRIGHT HOLDER lines"),
        # "file LICENSE" alone: the whole license is to be in the file.
        (
            "file LICENSE",
            "LICENSE",
            "DESCRIPTION says the license is in it ('file LICENSE'): add LICENSE with",
        ),
        # RStudio's package skeleton, and usethis's over two lines: no license was chosen.
        (
            "What license is it under?",
            "LICENSE",
            "still holds the package skeleton's 'What license is it under?'",
        ),
        (
            "`use_mit_license()`, `use_gpl3_license()` or friends to\n    pick a license",
            "LICENSE",
            "still holds the package skeleton's '`use_mit_license()`, `use_gpl3_license()` or friends to pick",
        ),
    ],
)
def test_an_r_package_without_license_is_told_what_its_description_says(
    make_repo: MakeRepo, check: Check, license_field: str, path: str, advice: str
) -> None:
    description = f"Package: waits\nTitle: Waiting times\nLicense: {license_field}\nEncoding: UTF-8\n"
    files = {"DESCRIPTION": description, "R/waits.R": "waits <- function(x) x\n", "README.md": "# waits\n"}
    (finding,) = check(make_repo(files), "OSS102")
    assert (finding.path, advice in finding.message) == (path, True)
    # A DESCRIPTION that is not a package's (no Package field) says nothing about the license.
    (finding,) = check(make_repo({**files, "DESCRIPTION": "Notes on the data\nLicense: TBD\n"}), "OSS102")
    assert "DESCRIPTION" not in finding.message


def test_a_template_license_named_alone_in_description_is_told_to_name_its_file(
    make_repo: MakeRepo, check: Check
) -> None:
    description = "Package: utils\nTitle: Helpers\nLicense: MIT\n"
    (finding,) = check(make_repo(tree({"LICENSE": MIT_TEXT, "DESCRIPTION": description})), "OSS102")
    assert (finding.path, "write License: MIT + file LICENSE" in finding.message) == ("DESCRIPTION", True)
    completed = description.replace("MIT", "MIT + file LICENSE")
    stub = "YEAR: 2025\nCOPYRIGHT HOLDER: Defra\n"
    assert check(make_repo(tree({"LICENSE": stub, "DESCRIPTION": completed})), "OSS102") == []
    # GPL needs no file: R knows its text.
    gpl = description.replace("MIT", "GPL-3")
    assert check(make_repo(tree({"LICENSE": GPL3_HEADER * 30, "DESCRIPTION": gpl})), "OSS102") == []


def test_a_latin_1_description_is_read_as_r_reads_it(make_repo: MakeRepo, check: Check) -> None:
    description = "Package: waits\nAuthor: Jos\xe9 P\xe9rez\nLicense: GPL (>= 2)\nEncoding: latin1\n"
    files = {"DESCRIPTION": description.encode("latin-1"), "R/waits.R": "waits <- function(x) x\n"}
    (finding,) = check(make_repo(files), "OSS102")
    assert (finding.path, "says the license is 'GPL (>= 2)'" in finding.message) == ("LICENSE.md", True)


def test_a_year_and_holder_are_no_license_when_description_says_the_file_holds_it(
    make_repo: MakeRepo, check: Check
) -> None:
    stub = "YEAR: 2023\nCOPYRIGHT HOLDER: a4d authors\n"
    for field in ("file LICENSE", "GPL-3 | file LICENSE"):
        description = f"Package: a4d\nTitle: Tracker data\nLicense: {field}\n"
        findings = check(make_repo(tree({"LICENSE": stub, "DESCRIPTION": description})), "OSS102")
        assert [f.path for f in findings] == ["LICENSE"]


def test_a_license_hidden_by_a_leading_underscore_is_to_rename(make_repo: MakeRepo, check: Check) -> None:
    hidden = tree({"LICENSE": None, "_LICENCE.md": MIT_TEXT})
    (finding,) = check(make_repo(hidden), "OSS102")
    assert (finding.path, finding.message.rpartition(": ")[2]) == ("_LICENCE.md", "rename it to LICENCE.md")
    # Named in pyproject.toml, the build ships it and the text is found.
    named = {
        **hidden,
        "pyproject.toml": str(hidden["pyproject.toml"]).replace(
            "[project]\n", '[project]\nlicense-files = ["_LICENCE.md"]\n', 1
        ),
    }
    assert check(make_repo(named), "OSS102") == []
    # So does a glob that matches it, and setup.cfg's license_files.
    globbed = {
        **hidden,
        "pyproject.toml": str(hidden["pyproject.toml"]).replace(
            "[project]\n", '[project]\nlicense-files = ["_LICEN[CS]E*"]\n', 1
        ),
    }
    assert check(make_repo(globbed), "OSS102") == []
    cfg = {**hidden, "setup.cfg": "[metadata]\nlicense_files = _LICENCE.md\n"}
    assert check(make_repo(cfg), "OSS102") == []


def test_baked_style_short_changelog_passes(make_repo: MakeRepo, check: Check) -> None:
    changelog = (
        "# Changelog\n\nAll notable changes to this project are listed here.\n\n"
        "## [Unreleased]\n\n### Added\n\n- Project created from oss-template.\n"
    )
    assert check(make_repo(tree({"CHANGELOG.md": changelog})), "OSS106") == []


# -- OSS107: CITATION.cff -----------------------------------------------------------------------
def test_citation_invalid_yaml_reports_the_line(make_repo: MakeRepo, check: Check) -> None:
    broken = "cff-version: 1.2.0\nmessage: cite\ntitle: [unclosed\nauthors: []\n"
    findings = check(make_repo(tree({"CITATION.cff": broken})), "OSS107")
    assert where(findings) == [("OSS107", "CITATION.cff", 4)]
    assert findings[0].message.startswith("CITATION.cff is not valid YAML: expected ',' or ']'")
    broken = "cff-version: 1.2.0\nmessage: cite\ntitle: a: b\n"
    findings = check(make_repo(tree({"CITATION.cff": broken})), "OSS107")
    assert where(findings) == [("OSS107", "CITATION.cff", 3)]
    assert "mapping values are not allowed here" in findings[0].message


def test_citation_missing_keys(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(tree({"CITATION.cff": "title: Demand Forecasting\nauthors: []\n"})), "OSS107")
    assert where(findings) == [("OSS107", "CITATION.cff", 0)]
    assert "cff-version, message, authors" in findings[0].message


def test_citation_that_is_not_a_mapping(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(tree({"CITATION.cff": "- just\n- a list\n"})), "OSS107")
    assert where(findings) == [("OSS107", "CITATION.cff", 0)]
    assert "not a YAML mapping" in findings[0].message


def test_a_citation_of_a_version_older_than_the_newest_release_is_reported(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    cff = CITATION + 'version: "1.4.6.1"\n'
    root = make_repo(tree({"CITATION.cff": cff}), commit=True)
    assert check_unadopted(root, "OSS107") == []  # no release tagged: nothing says it is old
    git(root, "tag", "v1.4.6.1")
    assert check_unadopted(root, "OSS107") == []
    git(root, "tag", "v1.5.2")
    git(root, "tag", "v2.0rc1")  # a pre-release is not a release to cite
    findings = check_unadopted(root, "OSS107")
    assert where(findings) == [("OSS107", "CITATION.cff", cff.count("\n"))]
    assert findings[0].message.startswith(
        "CITATION.cff gives version 1.4.6.1, but the project has released up to v1.5.2 since"
    )
    # An unquoted 1.10 is the number 1.1 to YAML: not compared, rather than misread.
    root = make_repo(tree({"CITATION.cff": CITATION + "version: 1.10\n"}), commit=True)
    git(root, "tag", "v1.2")
    assert check_unadopted(root, "OSS107") == []


# -- robustness ------------------------------------------------------------------------------
def test_binary_readme_is_reported_not_crashed(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo(tree({"README.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00binary"}))
    result = run_checks(root, *[c for c in load_rules() if c[3] in "128"])
    assert result.errors == []
    readme = [(f.code, f.path) for f in result.findings if f.path == "README.md"]
    assert readme == [("OSS101", "README.md")]
    assert (
        "cannot be read as text"
        in result.findings[[f.path for f in result.findings].index("README.md")].message
    )


def test_non_utf8_license_is_reported_not_crashed(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo(
        tree({"LICENSE": "Copyright © 2026 Société Générale. All rights reserved.\n".encode("latin-1")})
    )
    result = run_checks(root, *[c for c in load_rules() if c[3] in "128"])
    assert result.errors == []
    assert [(f.code, f.path) for f in result.findings] == [("OSS102", "LICENSE")]


def test_readme_symlink_loop_is_reported_not_crashed(make_repo: MakeRepo, run_checks: Run) -> None:
    files = tree()
    del files["README.md"]
    root = make_repo(files, git_init=False)
    (root / "README.md").symlink_to("README.md")
    result = run_checks(root, *[c for c in load_rules() if c[3] in "128"])
    assert result.errors == []
    # pyproject's readme = "README.md" cannot be read either.
    assert [(f.code, f.path) for f in result.findings] == [
        ("OSS101", "README.md"),
        ("OSS203", "pyproject.toml"),
    ]
    assert "symbolic link" in result.findings[0].message


def test_readme_and_guide_kept_as_links_to_the_docs_are_read_through(
    make_repo: MakeRepo, run_checks: Run
) -> None:
    # One text for the repository page and the docs site: the links' targets are judged.
    files = tree({"docs/index.md": README, "docs/devguide.md": CONTRIBUTING})
    del files["README.md"], files["CONTRIBUTING.md"]
    root = make_repo(files, git_init=False)
    (root / "README.md").symlink_to("docs/index.md")
    (root / "CONTRIBUTING.md").symlink_to("docs/devguide.md")
    result = run_checks(root, *[c for c in load_rules() if c[3] in "128"])
    assert result.errors == []
    assert result.findings == []


def test_a_linked_readme_without_content_is_still_reported_at_the_link(
    make_repo: MakeRepo, check: Check
) -> None:
    files = tree({"docs/index.md": "# Demand Forecasting\n", "docs/devguide.md": "# Contributing\n"})
    del files["README.md"], files["CONTRIBUTING.md"]
    root = make_repo(files, git_init=False)
    (root / "README.md").symlink_to("docs/index.md")
    (root / "CONTRIBUTING.md").symlink_to("docs/devguide.md")
    findings = check(root, "OSS101", "OSS103")
    assert sorted((f.code, f.path) for f in findings) == [
        ("OSS101", "README.md"),
        ("OSS103", "CONTRIBUTING.md"),
    ]
    assert not any("symbolic link" in f.message for f in findings)


def test_a_placeholder_in_a_linked_guide_is_reported_once(make_repo: MakeRepo, check: Check) -> None:
    contributing = CONTRIBUTING + "Write to TODO@example.com with questions.\n"
    files = tree({"CONTRIBUTING.md": contributing, "docs/index.md": README + "TODO: describe the models\n"})
    del files["README.md"]
    root = make_repo(files, git_init=False)
    (root / "README.md").symlink_to("docs/index.md")  # the docs' index is no community file: read here
    (root / ".github").mkdir(exist_ok=True)
    (root / ".github" / "CONTRIBUTING.md").symlink_to("../CONTRIBUTING.md")  # scanned at its target
    assert sorted({f.path for f in check(root, "OSS110")}) == ["CONTRIBUTING.md", "README.md"]


def test_links_of_several_community_files_to_one_page_report_its_placeholder_once(
    make_repo: MakeRepo, check: Check
) -> None:
    files = tree(
        {"docs/index.md": README + "TODO: describe the models\n", "README.md": None, "SECURITY.md": None}
    )
    root = make_repo(files, git_init=False)
    for name in ("README.md", "SECURITY.md", "docs/README.md"):
        (root / name).symlink_to("index.md" if name.startswith("docs/") else "docs/index.md")
    assert [f.path for f in check(root, "OSS110")] == ["README.md"]


def test_a_readme_linking_out_of_the_repository_is_not_followed(
    make_repo: MakeRepo, check: Check, tmp_path: Path
) -> None:
    (tmp_path / "elsewhere.md").write_text(README, encoding="utf-8")
    files = tree()
    del files["README.md"], files["CONTRIBUTING.md"]
    root = make_repo(files, git_init=False)
    (root / "README.md").symlink_to(tmp_path / "elsewhere.md")
    (root / "CONTRIBUTING.md").symlink_to("../elsewhere.md")
    findings = check(root, "OSS101", "OSS103")
    assert sorted((f.code, f.path) for f in findings) == [
        ("OSS101", "README.md"),
        ("OSS103", "CONTRIBUTING.md"),
    ]
    assert all("a symbolic link that leads to no file inside the repository" in f.message for f in findings)


def test_empty_files_everywhere_do_not_crash(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo(dict.fromkeys(GOOD, ""))
    result = run_checks(root, *[c for c in load_rules() if c[3] in "128"])
    assert result.errors == []
    codes = {f.code for f in result.findings}
    assert {"OSS101", "OSS102", "OSS103", "OSS104", "OSS105", "OSS106", "OSS107", "OSS201"} <= codes


def test_invalid_toml_and_yaml_do_not_crash(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo(tree({"pyproject.toml": "[project\nname =", "CITATION.cff": "title: [\n"}))
    result = run_checks(root, *[c for c in load_rules() if c[3] in "128"])
    assert result.errors == []
    assert {(f.code, f.path) for f in result.findings} == {
        ("OSS107", "CITATION.cff"),
        ("OSS201", "pyproject.toml"),
    }


def test_pathological_long_lines_are_handled(make_repo: MakeRepo, run_checks: Run) -> None:
    # Each line would make a backtracking pattern quadratic: 100k characters must stay fast.
    lines = [
        "A README long enough for the section rules to read it, with a dozen words of prose.",
        "[" * 100_000,
        "{{" * 50_000,
        "](" * 50_000,
        "<h1>" * 25_000,
        "<!--" * 25_000,
        "`" * 100_000,
        "[a](" * 25_000,
        "# " + "a " * 50_000,
    ]
    files = tree({path: "\n".join(lines) + "\n" for path in ("README.md", "CONTRIBUTING.md", "CODEOWNERS")})
    result = run_checks(make_repo(files), *[c for c in load_rules() if c[3] in "128"])
    assert result.errors == []
    assert {f.code for f in result.findings} >= {"OSS111", "OSS114"}


# -- OSS110: placeholders --------------------------------------------------------------------
def test_a_templates_unfilled_slot_in_the_license_is_a_placeholder(make_repo: MakeRepo, check: Check) -> None:
    # A research template's LICENSE, its holder never filled in; BibTeX keeps capitals with {{DNA}}.
    license_text = MIT_TEXT.replace("Copyright", "Copyright (c) {{organisation}}\n\nCopyright", 1)
    (finding,) = check(make_repo(tree({"LICENSE": license_text})), "OSS110")
    assert (finding.path, "'{{organisation}}'" in finding.message) == ("LICENSE", True)
    assert (
        check(make_repo(tree({"README.md": README + "\ntitle = {{DNA}} and {{Deep Learning}}\n"})), "OSS110")
        == []
    )
    # A template repository's slot that its setup workflow never filled, in a license only.
    (finding,) = check(make_repo(tree({"LICENSE": "${GITHUB_REPOSITORY_NAME}\n" + MIT_TEXT})), "OSS110")
    assert (finding.line, "'${GITHUB_REPOSITORY_NAME}'" in finding.message) == (1, True)
    shell = README + "\nThe path is ${HOME_DIR} on the server.\n"
    assert check(make_repo(tree({"README.md": shell})), "OSS110") == []


def test_todos_talked_about_as_things_are_no_placeholders(make_repo: MakeRepo, check: Check) -> None:
    readme = (
        "# Demand Forecasting\n\nA list of interesting TODO's is in the tracker; add to this TODO list,\n"
        "or pick one of the TODOs. TODO items welcome.\n\nTODO: write the usage section.\n"
    )
    findings = check(make_repo(tree({"README.md": readme})), "OSS110")
    assert [(f.line, f.col) for f in findings] == [(6, 1)]


def test_a_readmes_status_notes_are_the_authors_words(make_repo: MakeRepo, check: Check) -> None:
    readme = (
        "# Demand Forecasting\n\n"
        "- The second edition (Amazon link (TBD))\n"
        "- Waveforms (TBD) - this dataset has yet to be published.\n"
        "TODO - we need to benchmark this forecast.\n"
        "## Usage\n\nTBD\n\n"
        "TODO: write the install section.\n"
        "Contact: TBD\n"
    )
    findings = check(make_repo(tree({"README.md": readme})), "OSS110")
    assert [f.line for f in findings] == [8, 10, 11]


def test_a_placeholder_in_an_html_comment_is_never_shown(make_repo: MakeRepo, check: Check) -> None:
    readme = (
        "# Course\n\n<!--\nTODO: add the 2026 schedule\n-->\nLessons start in September.\n"
        "Inline <!-- TODO: link --> comments hide too; TODO: this one shows.\n"
    )
    findings = check(make_repo(tree({"README.md": readme})), "OSS110")
    assert [(f.line, f.col) for f in findings] == [(7, 47)]


def test_placeholders_are_reported_with_line_and_column(make_repo: MakeRepo, check: Check) -> None:
    conduct = (
        "# Code of conduct\n\n"
        "Report problems to [INSERT CONTACT METHOD] within a week.\n"
        "Maintainer: your name here\n"
        "TODO: add the escalation path. FIXME later.\n"
        "Welcome to {{ cookiecutter.project_name }} and {% if x %}.\n"
        "Lorem  ipsum dolor sit amet. Status: TBD. See <insert link>.\n"
    )
    findings = check(make_repo(tree({"CODE_OF_CONDUCT.md": conduct})), "OSS110")
    assert [(f.path, f.line, f.col) for f in findings] == [
        ("CODE_OF_CONDUCT.md", 3, 20),
        ("CODE_OF_CONDUCT.md", 4, 13),
        ("CODE_OF_CONDUCT.md", 5, 1),
        ("CODE_OF_CONDUCT.md", 5, 32),
        ("CODE_OF_CONDUCT.md", 6, 12),
        ("CODE_OF_CONDUCT.md", 6, 48),
        ("CODE_OF_CONDUCT.md", 7, 1),
        ("CODE_OF_CONDUCT.md", 7, 38),
        ("CODE_OF_CONDUCT.md", 7, 47),
    ]
    assert all(f.code == "OSS110" for f in findings)
    assert "'[INSERT CONTACT METHOD]'" in findings[0].message
    assert "replace it with the real text" in findings[0].message


def test_a_code_block_that_teaches_template_syntax_holds_no_leftovers(
    make_repo: MakeRepo, check: Check
) -> None:
    readme = README + (
        "\n## Graphics\n\nA table of states:\n\n```html\n<tbody>\n  {% for row in data.states %}\n"
        "  <td>{{ row.name }}</td>\n  {% endfor %}\n</tbody>\n```\n\n"
        "Then run it:\n\n```sh\ncd {{ cookiecutter.project_slug }}\n```\n"
    )
    findings = check(make_repo(tree({"README.md": readme})), "OSS110")
    assert [f.message.split("'")[1] for f in findings] == ["{{ cookiecutter.project_slug }}"]


def test_a_templates_name_slot_is_a_placeholder_but_instructions_are_not(
    make_repo: MakeRepo, check: Check
) -> None:
    readme = README.replace("# Demand Forecasting", "# <Tool Name>") + (
        "\nFork it to `https://github.com/<your-username>/<repo>` first.\n"
        "Then clone https://github.com/<your-username>/demand-forecasting and run `<project-name> --help`.\n"
        "Weights go to models/<model-name>/weights.pt and reports to reports/<team_name>.html.\n"
        '<h1 align="center">Forecasts</h1>\n'
        "\n```bash\ncd <project-name>\n```\n"
    )
    findings = check(make_repo(tree({"README.md": readme})), "OSS110")
    assert [(f.line, f.col) for f in findings] == [(1, 3)]
    assert "'<Tool Name>'" in findings[0].message


def test_prose_that_resembles_placeholders_is_not_flagged(make_repo: MakeRepo, check: Check) -> None:
    readme = README + (
        "\nKeep your todos in the issue tracker; a TODOs list is not a placeholder.\n"
        "Write to data-science@example.com or visit https://example.com/docs.\n"
        "In CI we use ${{ secrets.TOKEN }} for the upload.\n"
        "The template folder is `{{cookiecutter.project_slug}}/` and `{% if docs %}` guards the docs.\n"
        "Mastodon posts are fine, and so is the word insert.\n"
    )
    assert check(make_repo(tree({"README.md": readme})), "OSS110") == []


def test_leftover_template_tags_in_code_blocks_are_flagged(make_repo: MakeRepo, check: Check) -> None:
    readme = README + "\n```bash\npip install {{ cookiecutter.project_slug }}\n```\n"
    findings = check(make_repo(tree({"README.md": readme})), "OSS110")
    assert [(f.code, f.path, f.line, f.col) for f in findings] == [("OSS110", "README.md", 23, 13)]


def test_placeholders_outside_community_files_are_ignored(make_repo: MakeRepo, check: Check) -> None:
    files = tree()
    files["docs/notes.md"] = "TODO: write the notes\n"
    files["src/pkg/model.py"] = "# TODO: tune\n"
    assert check(make_repo(files), "OSS110") == []


def test_placeholders_in_every_community_file(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        tree({"CHANGELOG.md": "# Changelog\n\n## [Unreleased]\n\n- TBD\n", "SECURITY.md": "TODO\n"})
    )
    assert where(check(root, "OSS110")) == [("OSS110", "CHANGELOG.md", 5), ("OSS110", "SECURITY.md", 1)]


def test_placeholders_in_citation_and_license(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        tree(
            {
                "CITATION.cff": CITATION.replace("Data Science Team", "{{ cookiecutter.author_name }}"),
                "LICENSE": MIT_TEXT.replace("Data Science Team", "[INSERT NAME]"),
            }
        )
    )
    assert where(check(root, "OSS110")) == [("OSS110", "CITATION.cff", 5), ("OSS110", "LICENSE", 3)]


# -- OSS111: README sections ------------------------------------------------------------------
def test_readme_missing_sections(make_repo: MakeRepo, check: Check) -> None:
    readme = "# Demand Forecasting\n\n" + PROSE + "\n## Installation\n\npip install it\n"
    findings = check(make_repo(tree({"README.md": readme})), "OSS111")
    assert where(findings) == [("OSS111", "README.md", 0)] * 3
    assert [f.message for f in findings] == [
        (
            "README.md has no 'Contributing' section (a heading such as Contributing, Contribute or "
            "Development); add one"
        ),
        "README.md has no 'License' section (a heading such as License, Licence or Licensing); add one",
        (
            "README.md has no 'Usage' section (a heading such as Usage, Examples, Quick start or "
            "How to run); add one"
        ),
    ]


def test_readme_heading_variants_are_accepted(make_repo: MakeRepo, check: Check) -> None:
    readme = (
        "Demand Forecasting\n==================\n\n" + PROSE + "\n"
        "🚀 Getting started!\n-------------------\n\nSteps.\n\n"
        "### 1. How to use it\n\nRun.\n\n"
        "#### **Contributing** ####\n\nPRs welcome.\n\n"
        '<h2 align="center">Licence</h2>\n\nMIT.\n'
    )
    assert check(make_repo(tree({"README.md": readme})), "OSS111") == []


def test_headings_inside_code_blocks_do_not_count(make_repo: MakeRepo, check: Check) -> None:
    readme = README.replace("## Usage", "Usage notes:") + "\n```bash\n# Usage\nrun it\n```\n"
    findings = check(make_repo(tree({"README.md": readme})), "OSS111")
    assert where(findings) == [("OSS111", "README.md", 0)]
    assert "'Usage'" in findings[0].message


def test_analysis_projects_need_a_data_section(make_repo: MakeRepo, check: Check) -> None:
    analysis = with_config(PYPROJECT, '[tool.oss-checks]\nproject-type = "analysis"\n')
    findings = check(make_repo(tree({"pyproject.toml": analysis})), "OSS111")
    assert where(findings) == [("OSS111", "README.md", 0)]
    assert "'Data' section (a heading such as Data, Datasets or Data sources)" in findings[0].message
    root = make_repo(
        tree({"pyproject.toml": analysis, "README.md": README + "\n## Data sources\n\nThe ERP.\n"})
    )
    assert check(root, "OSS111") == []


def test_required_sections_and_synonyms_are_configurable(make_repo: MakeRepo, check: Check) -> None:
    options = (
        "[tool.oss-checks.options.readme-sections]\n"
        'required = ["usage", "support"]\n'
        'synonyms = { usage = ["Tutorial"], support = ["Support", "Help"] }\n'
    )
    root = make_repo(tree({"pyproject.toml": with_config(PYPROJECT, options)}))
    assert [f.message for f in check(root, "OSS111")] == [
        "README.md has no 'Support' section (accepted headings: Support, Help); add one",
        "README.md has no 'Tutorial' section (accepted headings: Tutorial); add one",
    ]
    readme = README.replace("## Usage", "## Tutorial") + "\n## Help\n\nAsk in the channel.\n"
    root = make_repo(tree({"pyproject.toml": with_config(PYPROJECT, options), "README.md": readme}))
    assert check(root, "OSS111") == []


def test_community_rules_are_repository_rules(make_repo: MakeRepo, check: Check) -> None:
    codes = [code for code in load_rules() if code.startswith("OSS1")]
    assert all(load_rules()[code].scope is Scope.REPO for code in codes)
    root = make_repo(tree({"README.md": "# Demand Forecasting\n\nTODO\n"}))
    assert check(root, *codes, files=["README.md"]) == []  # the per-file hook leaves them to the repo hook
    # OSS111 says nothing about a README that OSS101 already reports as empty.
    assert {f.code for f in check(root, *codes)} == {"OSS101", "OSS110"}


def test_fix_appends_skeleton_sections_once(make_repo: MakeRepo, check: Check, run_checks: Run) -> None:
    readme = "# Demand Forecasting\n\n" + PROSE + "\n## Setup\n\npip install it\n"
    root = make_repo(tree({"README.md": readme}))
    repo = Repo(root)
    rule = load_rules()["OSS111"]()
    findings = check(root, "OSS111")
    assert len(findings) == 3
    assert rule.fix(repo, findings[0]) is True
    fixed = (root / "README.md").read_text(encoding="utf-8")
    # The one append added every section: the other findings are fixed by it, nothing is written again.
    assert all(rule.fix(repo, finding) is True for finding in findings[1:])
    assert (root / "README.md").read_text(encoding="utf-8") == fixed
    assert fixed.startswith(readme)
    assert "\n## Usage\n\n" in fixed
    assert "\n## Contributing\n\n" in fixed
    assert "\n## License\n\n" in fixed
    assert "## Installation" not in fixed  # "Setup" already counts
    result = run_checks(root, "OSS101", "OSS110", "OSS111")
    assert result.errors == []
    # The sections exist now; their sentences are marked until someone writes the real text.
    assert {(f.code, f.path) for f in result.findings} == {("OSS110", "README.md")}
    assert len(result.findings) == 3
    assert rule.fix(Repo(root), findings[0]) is False
    assert (root / "README.md").read_text(encoding="utf-8") == fixed


def test_fix_uses_rst_headings_in_an_rst_readme(make_repo: MakeRepo, check: Check) -> None:
    files = tree()
    del files["README.md"]
    files["README.rst"] = "Demand\n======\n\n" + PROSE
    root = make_repo(files)
    findings = check(root, "OSS111")
    assert load_rules()["OSS111"]().fix(Repo(root), findings[0]) is True
    assert "\nUsage\n-----\n\n" in (root / "README.rst").read_text(encoding="utf-8")
    assert check(root, "OSS111") == []


def test_fix_does_not_follow_a_symlinked_readme(make_repo: MakeRepo, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("# Elsewhere\n", encoding="utf-8")
    files = tree()
    del files["README.md"]
    root = make_repo(files, git_init=False)
    (root / "README.md").symlink_to(outside)
    finding = Finding("README.md", 0, 0, "OSS111", "README.md has no 'Usage' section")
    assert load_rules()["OSS111"]().fix(Repo(root), finding) is False
    assert outside.read_text(encoding="utf-8") == "# Elsewhere\n"


# -- OSS112: LICENSE and pyproject agree --------------------------------------------------------
def test_a_poetry_license_that_contradicts_license_is_reported(make_repo: MakeRepo, check: Check) -> None:
    poetry = '[tool.poetry]\nname = "votes"\nversion = "0.1.0"\nlicense = "Apache-2.0"\n'
    (finding,) = check(make_repo(tree({"pyproject.toml": poetry})), "OSS112")
    assert (finding.line, '[tool.poetry] license = "Apache-2.0"' in finding.message) == (4, True)
    agreeing = poetry.replace("Apache-2.0", "MIT")
    assert check(make_repo(tree({"pyproject.toml": agreeing})), "OSS112") == []


def test_license_disagreement_names_both(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(tree({"pyproject.toml": PYPROJECT.replace('"MIT"', '"Apache-2.0"')}))
    findings = check(root, "OSS112")
    assert where(findings) == [("OSS112", "pyproject.toml", 5)]
    assert findings[0].message == (
        'LICENSE holds the MIT license text but pyproject.toml declares license = "Apache-2.0"; '
        'make both name the same license (for MIT: license = "MIT")'
    )


@pytest.mark.parametrize(
    ("text", "declared"),
    [
        (MIT_TEXT, 'license = "MIT"'),
        (MIT_TEXT, 'license = "mit"'),
        (MIT_TEXT, 'license = "MIT OR Apache-2.0"'),
        (APACHE_NOTICE, 'license = "Apache-2.0"'),
        (BSD3_TEXT, 'license = "BSD-3-Clause"'),
        (GPL3_HEADER, 'license = "GPL-3.0-or-later"'),
        (GPL3_HEADER, 'license = "GPL-3.0-only"'),
        ("Copyright 2026 Acme. All rights reserved.\n", 'license = "LicenseRef-Proprietary"'),
        ("Proprietary and confidential.\n", 'license = "Proprietary"'),
        (MIT_TEXT, 'license = {text = "MIT"}'),
        (MIT_TEXT, 'license = "LicenseRef-Custom"'),
        ("Some terms nobody recognises, written at length for this one project.\n", 'license = "MIT"'),
        # a vendor's sample-code license: its own terms, granting rights under "All rights reserved"
        (
            (
                "Copyright (C) 2020 Acme Inc. All Rights Reserved.\n\nAcme grants you a personal, "
                "non-exclusive license to use, reproduce, modify and redistribute the Acme Software.\n"
            ),
            'license = "MIT"',
        ),
    ],
)
def test_license_agreement_passes(make_repo: MakeRepo, check: Check, text: str, declared: str) -> None:
    pyproject = PYPROJECT.replace('license = "MIT"', declared)
    assert check(make_repo(tree({"LICENSE": text, "pyproject.toml": pyproject})), "OSS112") == []


def test_license_disagreement_with_classifier(make_repo: MakeRepo, check: Check) -> None:
    pyproject = PYPROJECT.replace('license = "MIT"\n', "").replace(
        'classifiers = ["Programming Language :: Python :: 3"]',
        'classifiers = [\n  "Programming Language :: Python :: 3",\n  "License :: OSI Approved :: Apache Software License",\n]',
    )
    findings = check(make_repo(tree({"pyproject.toml": pyproject})), "OSS112")
    assert where(findings) == [("OSS112", "pyproject.toml", 10)]
    assert "the classifier 'License :: OSI Approved :: Apache Software License'" in findings[0].message


def test_proprietary_text_against_open_license(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(tree({"LICENSE": "Copyright 2026 Acme. All rights reserved.\n"}))
    findings = check(root, "OSS112")
    assert where(findings) == [("OSS112", "pyproject.toml", 5)]
    assert 'license = "LicenseRef-Proprietary"' in findings[0].message


def _setup_py(license_argument: str) -> str:
    return (
        "from setuptools import find_packages, setup\n\n"
        "setup(\n"
        '    name="demand-forecasting",\n'
        f"    {license_argument},\n"
        "    packages=find_packages(),\n"
        ")\n"
    )


@pytest.mark.parametrize(
    ("text", "argument", "shown"),
    [
        ("Copyright 2026 Acme. All rights reserved.\n", "license='GPL v3'", "license='GPL v3'"),
        (GPL3_HEADER, 'license="N/A"', "license='N/A'"),
        (MIT_TEXT, 'license="Apache 2.0"', "license='Apache 2.0'"),
    ],
)
def test_setup_py_license_that_contradicts_license_is_reported(
    make_repo: MakeRepo, check: Check, text: str, argument: str, shown: str
) -> None:
    # No pyproject.toml [project]: setup()'s literal license= is what pip and scanners read.
    root = make_repo(tree({"LICENSE": text, "pyproject.toml": None, "setup.py": _setup_py(argument)}))
    findings = check(root, "OSS112")
    assert where(findings) == [("OSS112", "setup.py", 5)]
    assert f"but setup.py declares {shown};" in findings[0].message


@pytest.mark.parametrize(
    ("text", "argument"),
    [
        (GPL3_HEADER, "license='GPL v3'"),
        (GPL3_HEADER, "license='GPL'"),
        (BSD3_TEXT, "license='BSD'"),
        (MIT_TEXT, "license='MIT License'"),
        (MIT_TEXT, "license=LICENSE_NAME"),  # computed when it runs: not known
        (MIT_TEXT, "license='Custom terms of the sponsor'"),
        ("Some terms nobody recognises, written at length for this one project.\n", "license='N/A'"),
    ],
)
def test_setup_py_license_that_agrees_or_is_unknown_passes(
    make_repo: MakeRepo, check: Check, text: str, argument: str
) -> None:
    root = make_repo(tree({"LICENSE": text, "pyproject.toml": None, "setup.py": _setup_py(argument)}))
    assert check(root, "OSS112") == []


def test_pyproject_is_compared_before_setup_py(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(tree({"setup.py": _setup_py("license='GPL v3'")}))
    assert check(root, "OSS112") == []  # pyproject.toml says MIT, as LICENSE does
    root = make_repo(
        tree({"pyproject.toml": PYPROJECT.replace('"MIT"', '"N/A"'), "setup.py": _setup_py("license='MIT'")})
    )
    assert where(check(root, "OSS112")) == [("OSS112", "pyproject.toml", 5)]


# -- OSS113: one name and one URL -----------------------------------------------------------
def test_name_spellings_that_agree(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        tree(
            {
                "README.md": README.replace("# Demand Forecasting", "# Demand_Forecasting 📈"),
                "CITATION.cff": CITATION.replace("title: Demand Forecasting", "title: demand-forecasting"),
            }
        )
    )
    assert check(root, "OSS113") == []


def test_readme_name_differs(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(baked(tree({"README.md": README.replace("# Demand Forecasting", "# Sales Forecast")})))
    findings = check(root, "OSS113")
    assert where(findings) == [("OSS113", "README.md", 1)]
    assert findings[0].message == (
        "README.md names the project 'Sales Forecast' but pyproject.toml names it 'demand-forecasting'; "
        "use one name everywhere"
    )


@pytest.mark.parametrize(
    "title",
    [
        "# demand-forecasting-py",  # a Python port's usual suffix
        "# demand-forecasting-env",  # the environment of the project, as uv names it
        "# PyDemand-Forecasting",
        "# The toolkit for forecasting the demand of every store in Python",  # a description, the name is a logo
    ],
)
def test_python_affixes_and_descriptive_headings_are_no_other_name(
    make_repo: MakeRepo, check: Check, title: str
) -> None:
    root = make_repo(tree({"README.md": README.replace("# Demand Forecasting", title)}))
    assert check(root, "OSS113") == []


def test_a_short_other_name_in_a_python_port_is_still_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(tree({"README.md": README.replace("# Demand Forecasting", "# Sales-py")}))
    assert where(check(root, "OSS113")) == [("OSS113", "README.md", 1)]


def test_the_remote_names_the_repository_when_no_project_url_does(make_repo: MakeRepo, check: Check) -> None:
    files = {
        "README.md": "# spatial-inequality\n\nWhere to place sensors so that every district is seen.\n",
        "pyproject.toml": '[tool.poetry]\nname = "spineq"\nversion = "1.0"\ndescription = "Optimisation backend"\n',
    }
    root = make_repo(files)
    assert where(check(root, "OSS113")) == [("OSS113", "README.md", 1)]
    # Cloned from the repository the README is named for: a backend package named for its part.
    remote = [
        "git",
        "-C",
        str(root),
        "remote",
        "add",
        "origin",
        "https://github.com/acme/spatial-inequality.git",
    ]
    subprocess.run(remote, check=True, capture_output=True)
    assert check(root, "OSS113") == []


def test_repository_name_is_accepted_besides_the_distribution_name(make_repo: MakeRepo, check: Check) -> None:
    pyproject = PYPROJECT.replace('name = "demand-forecasting"', 'name = "acme-forecast-tools"')
    assert check(make_repo(tree({"pyproject.toml": pyproject})), "OSS113") == []
    root = make_repo(
        baked(tree({"pyproject.toml": pyproject, "README.md": README.replace("# Demand", "# Supply")}))
    )
    findings = check(root, "OSS113")
    assert where(findings) == [("OSS113", "README.md", 1)]
    assert findings[0].message == (
        "README.md names the project 'Supply Forecasting' but pyproject.toml names it 'acme-forecast-tools' "
        "and the repository is called 'demand-forecasting'; use one name everywhere"
    )


def test_the_organisations_name_above_the_readme_is_a_brand(make_repo: MakeRepo, check: Check) -> None:
    # The owner of the Source URL (northwind-data) heads the README, as an organisation's brand line.
    brand = README.replace("# Demand Forecasting", "# Northwind-Data")
    assert check(make_repo(tree({"README.md": brand})), "OSS113") == []
    other = README.replace("# Demand Forecasting", "# Southwind-Data")
    assert where(check(make_repo(tree({"README.md": other})), "OSS113")) == [("OSS113", "README.md", 1)]


def test_citation_title_differs(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(tree({"CITATION.cff": CITATION.replace("title: Demand Forecasting", "title: old-name")}))
    assert where(check(root, "OSS113")) == [("OSS113", "CITATION.cff", 3)]


def test_a_homepage_on_a_docs_site_is_no_statement_of_the_repository(
    make_repo: MakeRepo, check: Check
) -> None:
    pyproject = PYPROJECT.replace(
        'Source = "https://github.com/northwind-data/demand-forecasting"',
        'Source = "https://github.com/northwind-data/demand-forecasting"\n'
        'Homepage = "https://docs.northwind.org/projects/demand-forecasting"',
    )
    assert check(make_repo(tree({"pyproject.toml": pyproject})), "OSS113") == []


def test_url_variants_that_agree(make_repo: MakeRepo, check: Check) -> None:
    readme = README + (
        "\nClone git@github.com:Northwind-Data/Demand-Forecasting.git or\n"
        "https://github.com/northwind-data/demand-forecasting.git/ and see\n"
        "https://github.com/northwind-data (the organisation) and https://github.com/elsewhere/tool.\n"
        "[Issues](https://github.com/northwind-data/demand-forecasting/issues).\n"
        'pip install "demand-forecasting @ git+https://github.com/northwind-data/demand-forecasting@v0.1.0"\n'
    )
    assert check(make_repo(tree({"README.md": readme})), "OSS113") == []


def test_readme_and_contributing_links_are_not_statements_of_the_repository(
    make_repo: MakeRepo, check: Check
) -> None:
    # Another repository of the same owner (the organisation's guide), a dependency cloned
    # beside the project, a fork in the contribution guide: none says where the project lives.
    readme = README + (
        "\nReport bugs at https://github.com/northwind-data/old-name/issues.\n"
        "Guidelines: https://github.com/northwind-data/ds-cookiecutter/blob/master/GUIDELINES.md\n"
        "Install the helper first: `git clone git@github.com:northwind-data/csi_utils.git`\n"
        "git clone https://github.com/amlab-amsterdam/lie_learn.git\n"
    )
    contributing = (
        CONTRIBUTING + "Fork, then: git clone git@github.com:your-username/demand-forecasting.git\n"
    )
    root = make_repo(tree({"README.md": readme, "CONTRIBUTING.md": contributing}))
    assert check(root, "OSS113") == []


def test_citation_url_differs(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        tree(
            {
                "CITATION.cff": CITATION.replace(
                    "northwind-data/demand-forecasting", "other-org/demand-forecasting"
                ),
            }
        )
    )
    findings = check(root, "OSS113")
    assert where(findings) == [("OSS113", "CITATION.cff", 6)]
    assert findings[0].message == (
        "CITATION.cff points at https://github.com/other-org/demand-forecasting but pyproject.toml gives "
        "the repository as https://github.com/northwind-data/demand-forecasting; use one repository URL "
        "everywhere"
    )


def test_pyproject_urls_differ_among_themselves(make_repo: MakeRepo, check: Check) -> None:
    pyproject = PYPROJECT.replace('/demand-forecasting/issues"', '/forecasting/issues"')
    findings = check(make_repo(tree({"pyproject.toml": pyproject})), "OSS113")
    assert where(findings) == [("OSS113", "pyproject.toml", 13)]


def test_homepage_is_the_reference_without_source(make_repo: MakeRepo, check: Check) -> None:
    pyproject = PYPROJECT.replace("Source =", "Homepage =").replace(
        "/demand-forecasting/issues", "/other/issues"
    )
    assert where(check(make_repo(tree({"pyproject.toml": pyproject})), "OSS113")) == [
        ("OSS113", "pyproject.toml", 13)
    ]


def test_identity_without_any_source_is_silent(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"README.md": "no heading here\n", "CITATION.cff": "title: [\n"})
    assert check(root, "OSS113") == []


# -- OSS114: CODEOWNERS -------------------------------------------------------------------
def test_codeowners_missing(make_repo: MakeRepo, check: Check) -> None:
    assert where(check(make_repo(tree({"CODEOWNERS": None})), "OSS114")) == [("OSS114", "CODEOWNERS", 0)]


def test_codeowners_without_rules(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(tree({"CODEOWNERS": "# owners go here\n\n/docs/\n"})), "OSS114")
    assert where(findings) == [("OSS114", "CODEOWNERS", 0)]
    assert "gives no path an owner" in findings[0].message


def test_codeowners_invalid_owner_is_reported_on_its_line(make_repo: MakeRepo, check: Check) -> None:
    text = "* @northwind-data/data-science\n/docs/ writers\n"
    findings = check(make_repo(tree({"CODEOWNERS": text})), "OSS114")
    assert [(f.code, f.path, f.line, f.col) for f in findings] == [("OSS114", "CODEOWNERS", 2, 8)]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (".github/CODEOWNERS", "*       data-science@example.com  # the team\n"),
        (".gitlab/CODEOWNERS", "[Docs] @writers\n/docs/\n"),
        ("docs/CODEOWNERS", "*.py @alice @bob\n"),
    ],
)
def test_codeowners_forms_that_pass(make_repo: MakeRepo, check: Check, path: str, text: str) -> None:
    files = tree({"CODEOWNERS": None})
    files[path] = text
    assert check(make_repo(files), "OSS114") == []


# -- OSS115: issue and PR templates -------------------------------------------------------------
def test_github_templates_missing(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        tree({".github/ISSUE_TEMPLATE/bug_report.md": None, ".github/pull_request_template.md": None})
    )
    assert where(check(root, "OSS115")) == [
        ("OSS115", ".github/ISSUE_TEMPLATE/", 0),
        ("OSS115", ".github/PULL_REQUEST_TEMPLATE.md", 0),
    ]


def test_github_issue_form_config_alone_is_not_a_template(make_repo: MakeRepo, check: Check) -> None:
    files = tree({".github/ISSUE_TEMPLATE/bug_report.md": None})
    files[".github/ISSUE_TEMPLATE/config.yml"] = "blank_issues_enabled: false\n"
    assert where(check(make_repo(files), "OSS115")) == [("OSS115", ".github/ISSUE_TEMPLATE/", 0)]
    files[".github/ISSUE_TEMPLATE/bug.yml"] = "name: Bug\nbody: []\n"
    assert check(make_repo(files), "OSS115") == []


def test_gitlab_templates(make_repo: MakeRepo, check: Check) -> None:
    files = tree({".github/ISSUE_TEMPLATE/bug_report.md": None, ".github/pull_request_template.md": None})
    files[".gitlab-ci.yml"] = "test:\n  script: [nox]\n"
    assert where(check(make_repo(files), "OSS115")) == [
        ("OSS115", ".gitlab/issue_templates/", 0),
        ("OSS115", ".gitlab/merge_request_templates/", 0),
    ]
    files[".gitlab/issue_templates/Bug.md"] = "What happened?\n"
    files[".gitlab/merge_request_templates/Default.md"] = "What changed?\n"
    assert check(make_repo(files), "OSS115") == []


def test_forge_comes_from_the_template_answers(make_repo: MakeRepo, check: Check) -> None:
    files = tree()
    files[".oss-template.json"] = json.dumps({"answers": {"ci": "gitlab", "git_host": "gitlab.com"}})
    assert [f.path for f in check(make_repo(files), "OSS115")] == [
        ".gitlab/issue_templates/",
        ".gitlab/merge_request_templates/",
    ]


# -- fixes for OSS101-OSS107 -------------------------------------------------------------------
ANSWERS = {
    "project_name": "Churn Radar",
    "project_slug": "churn-radar",
    "package_name": "churn_radar",
    "description": "Spot customers about to leave.",
    "author_name": "Insights Team",
    "author_email": "insights@company.test",
    "organisation": "insights",
    "copyright_holder": "Insights Analytics Ltd",
    "git_host": "github.com",
    "repository_url": "https://github.com/insights/churn-radar",
    "code_owners": "@insights/reviewers",
    "project_type": "library",
    "visibility": "public",
    "license": "BSD-3-Clause",
    "python_min": "3.11",
    "docs": "none",
    "ci": "github",
    "copyright_year": "2031",
    "_template_version": "0.1.0",
}


def fake_render(monkeypatch: pytest.MonkeyPatch, calls: list[str]) -> None:
    def fake(root: Path, answers: dict[str, str], relative: str) -> str | None:
        calls.append(relative)
        if relative == "SECURITY.md":
            return None  # a template that does not ship the file
        return f"{relative} for {answers.get('project_name', '?')}\n"

    monkeypatch.setattr(render, "render_file", fake)


def missing_finding(code: str) -> Finding:
    rule = load_rules()[code]
    return Finding(rule.candidates[0], 0, 0, code, "missing")  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", ["OSS101", "OSS102", "OSS103", "OSS104", "OSS106", "OSS107"])
def test_fix_creates_the_missing_file(
    make_repo: MakeRepo, check: Check, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    calls: list[str] = []
    fake_render(monkeypatch, calls)
    path = load_rules()[code].candidates[0]  # type: ignore[attr-defined]
    files = tree({path: None})
    files[".oss-template.json"] = json.dumps({"answers": ANSWERS})
    root = make_repo(files)
    [finding] = check(root, code)
    rule = load_rules()[code]()
    assert rule.fixable
    assert rule.fix(Repo(root), finding) is True
    assert (root / path).read_text(encoding="utf-8") == f"{path} for Churn Radar\n"
    assert calls == [path]
    assert rule.fix(Repo(root), finding) is False  # idempotent: it exists now
    assert (root / path).read_text(encoding="utf-8") == f"{path} for Churn Radar\n"


def test_fix_writes_nothing_when_the_template_lacks_the_file(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_render(monkeypatch, [])
    root = make_repo(tree({"SECURITY.md": None}))
    assert load_rules()["OSS105"]().fix(Repo(root), missing_finding("OSS105")) is False
    assert not (root / "SECURITY.md").exists()


def test_fix_writes_nothing_when_the_template_cannot_render(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(root: Path, answers: object, relative: str) -> str | None:
        raise TemplateError("the template cannot be rendered with these answers")

    monkeypatch.setattr(render, "render_file", broken)
    root = make_repo(tree({"CHANGELOG.md": None}))
    assert load_rules()["OSS106"]().fix(Repo(root), missing_finding("OSS106")) is False
    assert not (root / "CHANGELOG.md").exists()


def test_fix_needs_to_know_the_project(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    fake_render(monkeypatch, calls)
    root = make_repo(tree({"README.md": None, "pyproject.toml": None}))
    assert load_rules()["OSS101"]().fix(Repo(root), missing_finding("OSS101")) is False
    assert calls == []
    assert not (root / "README.md").exists()


@pytest.mark.parametrize(
    ("declared", "created"), [('"MIT"', False), ('"GPL-3.0-only"', False), (None, False)]
)
def test_license_fix_needs_the_template_record(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, declared: str | None, created: bool
) -> None:
    monkeypatch.setattr(render, "render_file", lambda root, answers, relative: MIT_TEXT)
    pyproject = PYPROJECT.replace('license = "MIT"\n', "" if declared is None else f"license = {declared}\n")
    root = make_repo(tree({"LICENSE": None, "pyproject.toml": pyproject}))
    assert load_rules()["OSS102"]().fix(Repo(root), missing_finding("OSS102")) is created
    assert (root / "LICENSE").exists() is created


@pytest.mark.parametrize(
    ("code", "path", "content"),
    [
        ("OSS101", "README.md", "# Hi\n"),
        ("OSS101", "readme.rst", "x\n"),
        ("OSS102", "LICENSE", ""),
        ("OSS103", "CONTRIBUTING.md", "TODO\n"),
        ("OSS107", "CITATION.cff", "title: [\n"),
    ],
)
def test_fix_never_touches_an_existing_file(
    make_repo: MakeRepo,
    check: Check,
    monkeypatch: pytest.MonkeyPatch,
    code: str,
    path: str,
    content: str,
) -> None:
    calls: list[str] = []
    fake_render(monkeypatch, calls)
    canonical = load_rules()[code].candidates[0]  # type: ignore[attr-defined]
    files = tree({canonical: None})
    files[path] = content
    root = make_repo(files)
    rule = load_rules()[code]()
    for finding in [*check(root, code), missing_finding(code)]:
        assert rule.fix(Repo(root), finding) is False
    assert (root / path).read_text(encoding="utf-8") == content
    assert calls == []


def test_fix_does_not_replace_a_file_created_meanwhile(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_render(monkeypatch, [])
    root = make_repo(tree({"README.md": None}))
    repo = Repo(root)
    assert "README.md" not in repo.paths  # the listing is taken before the user writes the file
    (root / "README.md").write_text("mine\n", encoding="utf-8")
    assert load_rules()["OSS101"]().fix(repo, missing_finding("OSS101")) is False
    assert (root / "README.md").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("code", "path"),
    [
        ("OSS101", "README.md"),
        ("OSS102", "LICENSE"),
        ("OSS103", "CONTRIBUTING.md"),
        ("OSS104", "CODE_OF_CONDUCT.md"),
        ("OSS105", "SECURITY.md"),
        ("OSS106", "CHANGELOG.md"),
        ("OSS107", "CITATION.cff"),
    ],
)
def test_fix_renders_the_real_template_with_the_answers(
    make_repo: MakeRepo, check: Check, code: str, path: str
) -> None:
    files = tree({path: None})
    files[".oss-template.json"] = json.dumps({"answers": ANSWERS})
    root = make_repo(files)
    if render.render_file(template.template_root(), Repo(root).answers, path) is None:
        pytest.skip(f"the template does not ship {path} yet")
    [finding] = check(root, code)
    assert load_rules()[code]().fix(Repo(root), finding) is True
    created = (root / path).read_text(encoding="utf-8")
    if code in ("OSS101", "OSS107"):
        assert "Churn Radar" in created
    if code == "OSS102":
        assert "2031" in created
        assert "Insights Analytics Ltd" in created
    assert check(root, code, "OSS110") == []
    assert load_rules()[code]().fix(Repo(root), finding) is False
    assert (root / path).read_text(encoding="utf-8") == created


def test_recorded_name_and_slug_are_one_identity(make_repo: MakeRepo, check: Check) -> None:
    record = '{"template": "oss-template", "version": "0.1.0", "answers": {"project_name": "Zoë 数据", "project_slug": "zoe-shu-ju"}}'
    root = make_repo(
        {
            ".oss-template.json": record,
            "pyproject.toml": '[project]\nname = "zoe-shu-ju"\n',
            "README.md": "# Zoë 数据\n\nForecasts.\n",
        }
    )
    assert check(root, "OSS113") == []
    (root / "README.md").write_text("# Another project\n\nForecasts.\n")
    assert [f.path for f in check(root, "OSS113")] == ["README.md"]


def test_escaped_brackets_in_a_heading_are_part_of_the_name(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {"pyproject.toml": '[project]\nname = "model-v2"\n', "README.md": "# Model \\<v2\\>\n\nText.\n"}
    )
    assert check(root, "OSS113") == []


# -- precision on real layouts (precision-before.md): each misreading, as a small repository ------
def only(findings: list[Finding], code: str) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in findings if f.code == code]


@pytest.mark.parametrize(
    "licenses",
    [
        {
            "LICENSE-CODE": MIT_TEXT,
            "LICENSE-TEXT": "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 " * 3,
        },
        {"LICENSE.md": MIT_TEXT},
        {"COPYING.LESSER": GPL3_HEADER},
        {"LICENSES/MIT.txt": MIT_TEXT, "LICENSES/CC-BY-4.0.txt": "Attribution 4.0 International " * 5},
    ],
)
def test_a_license_under_another_name_is_found(
    make_repo: MakeRepo, check: Check, check_unadopted: Check, licenses: dict[str, str]
) -> None:
    files: dict[str, str | bytes] = {**tree({"LICENSE": None}), **licenses}
    assert check(make_repo(files), "OSS102") == []
    assert check_unadopted(make_repo(files), "OSS102") == []


def test_every_missing_or_empty_license_is_still_found(make_repo: MakeRepo, check_unadopted: Check) -> None:
    analysis = {"README.md": README, "notebooks/eda.ipynb": "{}"}
    assert only(check_unadopted(make_repo(analysis), "OSS102"), "OSS102") == [("OSS102", "LICENSE", 0)]
    empty = check_unadopted(make_repo({**analysis, "LICENSE": ""}), "OSS102")
    assert [(f.path, "is empty" in f.message) for f in empty] == [("LICENSE", True)]
    # A second license file that is empty is a promise nobody kept.
    both = check_unadopted(make_repo({**analysis, "LICENSE-CODE": MIT_TEXT, "LICENSE-TEXT": ""}), "OSS102")
    assert only(both, "OSS102") == [("OSS102", "LICENSE-TEXT", 0)]


def test_a_license_that_points_at_another_file(make_repo: MakeRepo, check: Check) -> None:
    pointer = {"LICENSE": "See [LICENSE-CODE](LICENSE-CODE).\n", "LICENSE-CODE": MIT_TEXT}
    assert check(make_repo(tree(pointer)), "OSS102") == []
    # A web link alone leaves out who holds the copyright: it is not the license text.
    url_only = check(make_repo(tree({"LICENSE": "https://opensource.org/licenses/MIT\n"})), "OSS102")
    assert only(url_only, "OSS102") == [("OSS102", "LICENSE", 0)]


def test_an_empty_readme_is_reported_everywhere(make_repo: MakeRepo, check_unadopted: Check) -> None:
    findings = check_unadopted(
        make_repo({"README.md": "# ensae-project\n", "LICENSE": MIT_TEXT}), "OSS101", "OSS111"
    )
    assert [(f.code, f.path) for f in findings] == [("OSS101", "README.md")]  # OSS111 leaves it to OSS101
    link_only = check_unadopted(
        make_repo({"README.md": "# x\n\nhttps://docs.test\n", "LICENSE": MIT_TEXT}), "OSS101"
    )
    assert [f.code for f in link_only] == ["OSS101"]


@pytest.mark.parametrize(
    "files",
    [
        {"CONTRIBUTING.rst": "How to contribute\n=================\n\n" + PROSE},
        {".github/CONTRIBUTING.rst": PROSE},
        {"doc/developer/contribute.rst": "Contributor guide\n=================\n\n" + PROSE},
        {"doc/source/development/contribute.rst": PROSE},
        {
            "README.md": README.replace(
                "## Contributing\n\nRead CONTRIBUTING.md before proposing a change to the models.",
                "## Contributor guidelines\n\n[Technical and working style guidelines]"
                "(https://github.com/northwind-data/ds-cookiecutter/blob/master/GUIDELINES.md)",
            )
        },
    ],
)
def test_contributing_guides_where_projects_keep_them(
    make_repo: MakeRepo, check: Check, files: dict[str, str]
) -> None:
    assert check(make_repo({**tree({"CONTRIBUTING.md": None}), **files}), "OSS103") == []


def test_contributing_elsewhere_only_when_written_and_empty(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    assert check_unadopted(make_repo(tree({"CONTRIBUTING.md": None})), "OSS103") == []
    findings = check_unadopted(make_repo(tree({"CONTRIBUTING.md": "# Contributing\n"})), "OSS103")
    assert only(findings, "OSS103") == [("OSS103", "CONTRIBUTING.md", 0)]


def library(changes: Mapping[str, str | None] | None = None) -> dict[str, str | bytes]:
    """A multi-author library on PyPI with a contributing guide, like statsmodels or imbalanced-learn."""
    files = tree({"CODE_OF_CONDUCT.md": None, "SECURITY.md": None, "CITATION.cff": None, "CODEOWNERS": None})
    files[".github/ISSUE_TEMPLATE/bug_report.md"] = "What happened?\n"
    for path, content in (changes or {}).items():
        if content is None:
            files.pop(path, None)
        else:
            files[path] = content
    return files


def test_a_published_library_that_invites_contributions_needs_conduct_and_security(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    findings = check_unadopted(make_repo(library()), "OSS104", "OSS105")
    assert where(findings) == [("OSS104", "CODE_OF_CONDUCT.md", 0), ("OSS105", "SECURITY.md", 0)]
    assert findings[1].message == (
        "Security policy is missing: add SECURITY.md so that readers can report a vulnerability or a data "
        "leak privately; it is wanted here because pyproject.toml describes it for a package index and "
        "CONTRIBUTING.md invites contributions"
    )


def test_the_organisations_code_of_conduct_linked_from_the_guide_counts(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    guide = (
        "# Contributing\n\nThank you for helping! Everyone taking part follows our "
        "[Code of Conduct](https://github.com/acme/.github/blob/main/CODE_OF_CONDUCT.md).\n\n"
        "Open an issue before a large change, then send a pull request with tests.\n"
    )
    findings = check_unadopted(make_repo(library({"CONTRIBUTING.md": guide})), "OSS104", "OSS105")
    assert where(findings) == [("OSS105", "SECURITY.md", 0)]
    # Google's code of conduct is called community guidelines, and its link may break across lines.
    guidelines = (
        "# Contributing\n\nSend a pull request with tests for each change you make.\n\n"
        "## Community Guidelines\n\nThis project follows [Google's Open Source Community\n"
        "Guidelines](https://opensource.google/conduct/).\n"
    )
    findings = check_unadopted(make_repo(library({"CONTRIBUTING.md": guidelines})), "OSS104", "OSS105")
    assert where(findings) == [("OSS105", "SECURITY.md", 0)]


@pytest.mark.parametrize(
    "files",
    [
        # A finished one-person competition solution: no package, no guide.
        {"README.md": README, "LICENSE": MIT_TEXT, "blender.ipynb": "{}", "train.py": "print(1)\n"},
        # Published, but contributions are left to the organisation (its .github repository).
        library({"CONTRIBUTING.md": None}),
        # Invites contributions, but nothing is published: an internal analysis.
        library({"pyproject.toml": "[tool.black]\nline-length = 100\n"}),
    ],
)
def test_conduct_and_security_are_not_asked_of_everyone(
    make_repo: MakeRepo, check_unadopted: Check, files: dict[str, str | bytes]
) -> None:
    assert check_unadopted(make_repo(files), "OSS104", "OSS105") == []


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        # scikit-image: a one-line CODE_OF_CONDUCT.md that links the full text in the docs.
        (
            {
                "CODE_OF_CONDUCT.md": "[scikit-image Code of Conduct](doc/source/about/code_of_conduct.md)\n",
                "doc/source/about/code_of_conduct.md": "# Code of Conduct\n\n" + PROSE,
            },
            "OSS104",
        ),
        # networkx: the README names the private channel for security reports.
        (
            {
                "README.md": README
                + "\n- **Report a security vulnerability:** https://tidelift.com/security\n"
            },
            "OSS105",
        ),
        ({"doc/developer/code_of_conduct.rst": "Code of Conduct\n===============\n\n" + PROSE}, "OSS104"),
        (
            {".github/SECURITY.md": "Report to the private advisory form: https://github.com/x/y/security"},
            "OSS105",
        ),
    ],
)
def test_policies_kept_elsewhere_count(
    make_repo: MakeRepo, check: Check, check_unadopted: Check, changes: dict[str, str], code: str
) -> None:
    files = {**library(), **changes}
    assert check(make_repo(files), code) == []
    assert check_unadopted(make_repo(files), code) == []


def test_a_pointer_to_a_file_that_does_not_exist(make_repo: MakeRepo, check_unadopted: Check) -> None:
    files = {**library(), "CODE_OF_CONDUCT.md": "[Our code of conduct](docs/conduct.md)\n"}
    findings = check_unadopted(make_repo(files), "OSS104")
    assert where(findings) == [("OSS104", "CODE_OF_CONDUCT.md", 0)]
    assert findings[0].message.startswith(
        "CODE_OF_CONDUCT.md points at docs/conduct.md, which does not exist"
    )
    # A sentence of twenty words that leads to a file that moved points readers nowhere too.
    moved = (
        "# Contributing\n\n[Our contributing guidelines can be found at\n"
        "`docs/contributor_guide/CONTRIBUTING.md`][contributing].\n\n"
        "[contributing]: ./docs/contributor_guide/CONTRIBUTING.md\n"
    )
    findings = check_unadopted(make_repo({**library(), "CONTRIBUTING.md": moved}), "OSS103")
    assert [f.message.split(",")[0] for f in findings] == [
        "CONTRIBUTING.md points at ./docs/contributor_guide/CONTRIBUTING.md"
    ]
    there = make_repo(
        {**library(), "CONTRIBUTING.md": moved, "docs/contributor_guide/CONTRIBUTING.md": PROSE}
    )
    assert check_unadopted(there, "OSS103") == []


def test_a_guide_about_security_is_not_a_policy(make_repo: MakeRepo, check: Check) -> None:
    files = {**library(), "docs/guides/security.md": "# Security\n\n" + PROSE}
    assert where(check(make_repo(files), "OSS105")) == [("OSS105", "SECURITY.md", 0)]


@pytest.mark.parametrize(
    "notes",
    [
        {"doc/release/release_3.0.rst": "NetworkX 3.0\n============\n\n- New things.\n"},
        {"doc/source/release_notes/release_0.25.rst": "x"},
        {"doc/whats_new/v0.12.rst": "x"},
        {"CHANGELOG/0.5.0.md": "- x", "CHANGELOG/unreleased.md": "- y"},
        {"news/123.feature.md": "Added a thing."},
        {".github/release.yml": "changelog:\n  categories: []\n"},
        {".github/release-drafter.yml": "name-template: 'v$NEXT_PATCH_VERSION'\ntemplate: '$CHANGES'\n"},
        {"HISTORY.rst": "History\n=======\n\n0.1.0\n-----\n\n- First release of the weekly forecast.\n"},
    ],
)
def test_release_notes_kept_in_folders_count(
    make_repo: MakeRepo, check: Check, check_unadopted: Check, notes: dict[str, str]
) -> None:
    files = {**tree({"CHANGELOG.md": None}), **notes}
    assert check(make_repo(files), "OSS106") == []
    assert check_unadopted(make_repo(files), "OSS106") == []


#: A CI job that uploads the package to PyPI: what makes a project published.
UPLOAD_WORKFLOW = "jobs:\n  publish:\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n"


def test_a_changelog_is_wanted_elsewhere_from_a_package_that_publishes_releases(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo(tree({"CHANGELOG.md": None, ".github/workflows/cd.yml": UPLOAD_WORKFLOW}), commit=True)
    assert check_unadopted(root, "OSS106") == []  # published, but no release yet
    git(root, "tag", "v0.9.0")
    assert check_unadopted(root, "OSS106") == [], "one release has no changes to tell"
    git(root, "tag", "v1.0.0")
    git(root, "tag", "v0.10.0")  # after v1.0.0 in git's listing, older as a version
    findings = check_unadopted(root, "OSS106")
    assert where(findings) == [("OSS106", "CHANGELOG.md", 0)]
    assert findings[0].message.endswith(
        "it is wanted here because it is published and tags its releases (v1.0.0)"
    )
    # Course deliverables tagged v0..v8 in an analysis that is not published: no changelog wanted.
    course = make_repo({"README.md": README, "LICENSE": MIT_TEXT, "main.py": "print(1)\n"}, commit=True)
    git(course, "tag", "v1")
    git(course, "tag", "v2.0")
    assert check_unadopted(course, "OSS106") == []


@pytest.mark.parametrize(
    "log",
    [
        "## Update - July 2, 2026\n\nUpdated PyPI to 2.0.2.\n\n## Update - Apr. 9, 2026\n\nNew model.\n",
        "## News\n\n- 1.2 adds covariates.\n",
        # A "Version" section that lists what each release brought, by line or by subheading.
        "## Version\n0.9.0 Better documentation.\n\n1.0.0 Fitting by ABC.\n",
        "## History\n\n- **v1.0.0** A faster loader.\n- **v0.9** Python 3 only.\n",
        "## History\n\n### 1.0.0\n\n- A faster loader.\n\n### 0.9.0\n\n- Python 3 only.\n",
    ],
)
def test_a_release_log_the_readme_keeps_is_the_changelog(
    make_repo: MakeRepo, check_unadopted: Check, log: str
) -> None:
    files = {
        **tree({"CHANGELOG.md": None, ".github/workflows/cd.yml": UPLOAD_WORKFLOW}),
        "README.md": README + log,
    }
    root = make_repo(files, commit=True)
    git(root, "tag", "v0.9.0")
    git(root, "tag", "v1.0.0")
    assert check_unadopted(root, "OSS106") == []
    # One dated heading is an announcement, not a log; a "Version" section may only name the current one.
    for note in (
        "## Update - July 2, 2026\n\nWe moved.\n",
        "## Version\n\n1.0.0, see the tags for others.\n",
        # Supported Pythons, and a dataset's size: version-like numbers, no release among them.
        "## Versions\n\n- 3.10 and 3.11: tested\n- 3.12: tested\n- 3.13: planned\n",
        "## History\n\n2.5 million records were collected.\n3.1 million followed in 2024.\n",
    ):
        files["README.md"] = README + note
        root = make_repo(files, commit=True)
        git(root, "tag", "v0.9.0")
        git(root, "tag", "v1.0.0")
        assert [f.code for f in check_unadopted(root, "OSS106")] == ["OSS106"]


def test_a_readme_that_sends_readers_to_the_releases_page_has_its_changelog_there(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    pointer = (
        "\nFor a list of past changes, see the [releases page](https://github.com/acme/tool/releases).\n"
    )
    badge = "\n[![release](https://img.shields.io/github/v/release/acme/tool)](https://github.com/acme/tool/releases)\n"
    found = []
    for extra in (pointer, badge):
        files = {
            **tree({"CHANGELOG.md": None, ".github/workflows/cd.yml": UPLOAD_WORKFLOW}),
            "README.md": README + extra,
        }
        root = make_repo(files, commit=True)
        git(root, "tag", "v0.9.0")
        git(root, "tag", "v1.0.0")
        found.append([f.code for f in check_unadopted(root, "OSS106")])
    assert found == [[], ["OSS106"]]  # a badge alone says nothing about what changed


def test_a_release_job_that_has_github_write_the_notes_is_the_changelog(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    notes = UPLOAD_WORKFLOW + '      - run: gh release create "$TAG" --generate-notes\n'
    root = make_repo(tree({"CHANGELOG.md": None, ".github/workflows/cd.yml": notes}), commit=True)
    git(root, "tag", "v0.9.0")
    git(root, "tag", "v1.0.0")
    assert check_unadopted(root, "OSS106") == []


@pytest.mark.parametrize(
    "trigger", ["on:\n  release:\n    types: [published]\n", "on: [release]\n", "'on': release\n"]
)
def test_a_package_released_from_github_releases_keeps_its_notes_there(
    make_repo: MakeRepo, check_unadopted: Check, trigger: str
) -> None:
    # The upload starts when a GitHub release is published: each release's page holds its notes.
    root = make_repo(
        tree({"CHANGELOG.md": None, ".github/workflows/cd.yml": trigger + UPLOAD_WORKFLOW}), commit=True
    )
    git(root, "tag", "v0.9.0")
    git(root, "tag", "v1.0.0")
    assert check_unadopted(root, "OSS106") == []
    # Released from a pushed tag, the notes are nowhere.
    tag = "on:\n  push:\n    tags: ['v*']\n  workflow_dispatch:\n"
    root = make_repo(
        tree({"CHANGELOG.md": None, ".github/workflows/cd.yml": tag + UPLOAD_WORKFLOW}), commit=True
    )
    git(root, "tag", "v0.9.0")
    git(root, "tag", "v1.0.0")
    assert [f.code for f in check_unadopted(root, "OSS106")] == ["OSS106"]


def test_a_release_guide_that_writes_the_notes_is_the_changelog(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    upload = "on:\n  push:\n    tags: ['v*']\n" + UPLOAD_WORKFLOW
    guide = "# Releasing\n\nDraft a GitHub release, press *Generate release notes* and edit them.\n"
    files = tree({"CHANGELOG.md": None, ".github/workflows/cd.yml": upload, "docs/releasing.md": guide})
    root = make_repo(files, commit=True)
    git(root, "tag", "v0.9.0")
    git(root, "tag", "v1.0.0")
    assert check_unadopted(root, "OSS106") == []
    (root / "docs/releasing.md").write_text("# Releasing\n\nBump the version and tag it.\n")
    assert [f.code for f in check_unadopted(root, "OSS106")] == ["OSS106"], "a guide silent on notes is none"
    # A contributing guide's section on making a release says it as well as a release guide.
    section = "# Contributing\n\n## Creating a new release\n\nClick Generate release notes, then Publish.\n"
    (root / "docs/guide").mkdir()
    (root / "docs/guide/CONTRIBUTING.md").write_text(section)
    assert check_unadopted(root, "OSS106") == []
    (root / "docs/guide/CONTRIBUTING.md").write_text("# Contributing\n\nAdd a line to the release notes.\n")
    assert [f.code for f in check_unadopted(root, "OSS106")] == ["OSS106"], "no section on releases"


@pytest.mark.parametrize(
    ("path", "content", "reported"),
    [
        ("CITATION.bib", "@article{x, title = {{Deep Learning}}, year = 2020}\n", False),
        ("CITATION.md", "Cite the JMLR paper: Lemaitre et al. (2017), volume 18, pages 1-5.\n", False),
        ("CITATION.bib", "", True),
    ],
)
def test_other_citation_files(
    make_repo: MakeRepo, check: Check, check_unadopted: Check, path: str, content: str, reported: bool
) -> None:
    files = {**tree({"CITATION.cff": None}), path: content}
    expected = [("OSS107", path, 0)] if reported else []
    assert where(check(make_repo(files), "OSS107")) == expected
    assert where(check_unadopted(make_repo(files), "OSS107")) == expected


def test_citation_elsewhere_only_when_broken(make_repo: MakeRepo, check_unadopted: Check) -> None:
    assert check_unadopted(make_repo(tree({"CITATION.cff": None})), "OSS107") == []
    broken = check_unadopted(make_repo(tree({"CITATION.cff": "title: [\n"})), "OSS107")
    assert [f.path for f in broken] == ["CITATION.cff"]


def test_codeowners_elsewhere(make_repo: MakeRepo, check_unadopted: Check) -> None:
    assert check_unadopted(make_repo(tree({"CODEOWNERS": None})), "OSS114") == []
    findings = check_unadopted(make_repo(tree({"CODEOWNERS": "* data-team\n"})), "OSS114")
    assert [(f.path, f.line) for f in findings] == [("CODEOWNERS", 0), ("CODEOWNERS", 1)]


# -- OSS110: what is documentation, not a placeholder ------------------------------------------------
@pytest.mark.parametrize(
    ("path", "text"),
    [
        # rasbt: BibTeX's double braces keep capitals, in an indented code block.
        (
            "README.md",
            "# Book\n\nCite:\n\n    @book{x,\n      title = {{Machine Learning with PyTorch and Scikit-Learn}},\n    }\n",
        ),
        # imbalanced-learn: a LaTeX accent in BibTeX, in a reST literal block.
        (
            "README.rst",
            "Citation\n========\n\nCite as::\n\n    author = {Lema{{\\^i}}tre, Guillaume},\n\nThanks.\n",
        ),
        # scikit-image: the file name TODO.txt in reST inline literals.
        ("CONTRIBUTING.rst", "Deprecations\n============\n\nAdd the removal to ``TODO.txt`` in the root.\n"),
        ("CONTRIBUTING.md", "Note deprecations in TODO.txt, and keep FIXME.md short.\n"),
        # The Contributor Covenant credits the TODO Group.
        ("CODE_OF_CONDUCT.md", "Adapted from the Contributor Covenant and the TODO Group's guide.\n"),
        ("CONTRIBUTING.md", "Do not leave 'TODO' or \"FIXME\" comments in merged code.\n"),
        # python-control's ChangeLog of 2010: a comment prefix, quoted.
        ("CHANGELOG.md", '* Updated "to do" comments to use "#! TODO:" as prefix\n'),
        ("CONTRIBUTING.md", "Example:\n\n```python\n# TODO: tune the threshold\nx = 1\n```\n"),
        ("README.md", "Title = {{PyTorch}} in the BibTeX entry, and {{Word Word}} too.\n"),
    ],
)
def test_documentation_that_resembles_placeholders(
    make_repo: MakeRepo, check: Check, path: str, text: str
) -> None:
    files = tree()
    if path.startswith("README"):
        files.pop("README.md")
    files[path] = text
    assert check(make_repo(files), "OSS110") == []


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("Welcome\n\n```bash\ncd {{ cookiecutter.project_slug }}\n```\n", 4, 4),
        ("Welcome\n\n    contact: [INSERT CONTACT METHOD]\n", 3, 14),
        ("{% if cookiecutter.docs %}Docs{% endif %}\n", 1, 1),
        ("Project {{ project_name }} forecasts demand.\n", 1, 9),
        ("Project {{cookiecutter.project_name}}.\n", 1, 9),
        ("TODO: describe the data.\n", 1, 1),
    ],
)
def test_real_leftovers_are_still_found(
    make_repo: MakeRepo, check: Check, text: str, line: int, col: int
) -> None:
    findings = check(make_repo(tree({"SECURITY.md": text})), "OSS110")
    assert [(f.path, f.line, f.col) for f in findings][:1] == [("SECURITY.md", line, col)]


# -- OSS111: sections by topic, and what is said elsewhere ----------------------------------------------
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("## Usage", "## Use"),
        ("## Usage", "## Quick Start"),
        ("## Usage", "### Commands"),
        ("## Usage", "## Simple example"),
        ("## Usage", "## How to run"),
        ("## Installation", "## How to get it"),
        ("## Installation", "## Coding Environment"),
        ("## Installation", "### Environments"),
        ("## Installation", "## Getting started"),
        ("## Contributing", "#### For developers"),
        ("## Contributing", "## Contributor guidelines"),
    ],
)
def test_section_synonyms_people_write(make_repo: MakeRepo, check: Check, old: str, new: str) -> None:
    assert check(make_repo(tree({"README.md": README.replace(old, new)})), "OSS111") == []


def test_a_readme_that_links_the_file_has_the_section(make_repo: MakeRepo, check: Check) -> None:
    readme = (
        README.replace(
            "## Contributing\n\nRead CONTRIBUTING.md before proposing a change to the models.\n\n", ""
        ).replace("## License\n\nReleased under the MIT license, see the LICENSE file.\n", "")
        + "\nSee [how to help](CONTRIBUTING.md); the code is [MIT licensed](LICENSE).\n"
    )
    assert check(make_repo(tree({"README.md": readme})), "OSS111") == []


def test_analysis_data_section_synonyms(make_repo: MakeRepo, check: Check) -> None:
    analysis = with_config(PYPROJECT, '[tool.oss-checks]\nproject-type = "analysis"\n')
    for heading in ("### Dataset", "### Input file", "## Fetch dataset"):
        readme = README + f"\n{heading}\n\nThe ERP export.\n"
        assert check(make_repo(tree({"pyproject.toml": analysis, "README.md": readme})), "OSS111") == []


#: A script, so that the repository holds code (a data release has nothing to install or run).
CODE = "import pandas\n"


def test_readme_sections_elsewhere(make_repo: MakeRepo, check_unadopted: Check) -> None:
    # A README that never says how to install or run the project is worth a word anywhere, once.
    poster = "# Evanston viz\n\nA project to analyze, visualize, and communicate open data of the city.\n"
    findings = check_unadopted(
        make_repo({"README.md": poster, "LICENSE": MIT_TEXT, "viz.py": CODE}), "OSS111"
    )
    assert [(f.code, f.path, f.message) for f in findings] == [
        (
            "OSS111",
            "README.md",
            (
                "README.md never says how to run the project: add a 'Usage' section with the commands that "
                "run it, and an 'Installation' section with what to set up first"
            ),
        )
    ]
    # A package is installed, then used: the message says so.
    package = {
        "README.md": poster,
        "LICENSE": MIT_TEXT,
        "src/viz/__init__.py": CODE,
        "pyproject.toml": PYPROJECT,
    }
    (finding,) = check_unadopted(make_repo(package), "OSS111")
    assert finding.message.startswith("README.md never says how to install or run the project")
    # Saying it in prose is enough; the other sections are conventions of adopters.
    solution = poster + "\nPut the data in `input/`, then execute `python transform.py`.\n"
    assert (
        check_unadopted(make_repo({"README.md": solution, "LICENSE": MIT_TEXT, "viz.py": CODE}), "OSS111")
        == []
    )
    assert (
        check_unadopted(
            make_repo(tree({"README.md": README.replace("## Contributing", "## Notes")})), "OSS111"
        )
        == []
    )


def test_a_data_release_has_nothing_to_install_or_run(make_repo: MakeRepo, check_unadopted: Check) -> None:
    readme = "# Trip records\n\nThe trip records the city released, one table per month, and its letter.\n"
    files = {"README.md": readme, "trips-2014.csv": "day,trips\n1,10\n", "letter.pdf": b"%PDF-1.4"}
    assert check_unadopted(make_repo(files), "OSS111") == []
    assert [f.code for f in check_unadopted(make_repo({**files, "clean.R": "x <- 1\n"}), "OSS111")] == [
        "OSS111"
    ]


def test_queries_run_in_the_databases_own_tool_have_nothing_to_install(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # The SQL behind a team's dashboards, published for transparency.
    readme = "# Therapies dashboards\n\nThe SQL scripts behind the monthly dashboards of the programme.\n"
    files = {
        "README.md": readme,
        "LICENCE": "MIT",
        "Key Metrics Dashboard/Monthly/referrals.sql": "SELECT 1\n",
        "Key Metrics Dashboard/README.md": "Run monthly.\n",
    }
    assert check_unadopted(make_repo(files), "OSS111") == []
    # A program beside them, or dbt, which builds the models of its project.
    for program in ("load.py", "Makefile", "dbt_project.yml", "docker-compose.yml", "config.yaml"):
        other = make_repo({**files, program: "x\n"})
        assert [f.code for f in check_unadopted(other, "OSS111")] == ["OSS111"], program


def test_a_readme_saying_the_code_runs_as_databricks_jobs_says_how(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    readme = "# HES processing\n\nScripts that process hospital episodes.\n\nThe top level `.yaml` files define the databricks workflows.\n"
    jobs = "resources:\n  jobs:\n    hes:\n      tasks:\n        - task_key: bronze\n          notebook_task:\n            notebook_path: ae/get.py\n"
    files = {"README.md": readme, "generate_hes.yaml": jobs, "ae/get.py": CODE}
    assert check_unadopted(make_repo(files), "OSS111") == []
    # Without the jobs it names, the sentence says nothing about how to run the code.
    assert [
        f.code for f in check_unadopted(make_repo({**files, "generate_hes.yaml": "a: 1\n"}), "OSS111")
    ] == ["OSS111"]


def test_a_books_source_that_links_where_it_is_read_says_enough(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    readme = (
        "# Data book\n\n[![deploy](https://github.com/me/book/actions/workflows/b.yaml/badge.svg)](https://github.com/me/book)\n\n"
        "This repository holds the source of the [Data book](https://databook.example.org), built with Quarto.\n"
    )
    files = {
        "README.md": readme,
        "_quarto.yml": "project:\n  type: book\n",
        "intro.qmd": "# Intro\n",
        "viz.py": CODE,
    }
    assert check_unadopted(make_repo(files), "OSS111") == []
    # Without a book project, or linking only the code and its badges, it still says nothing.
    assert [
        f.code
        for f in check_unadopted(make_repo({k: v for k, v in files.items() if k != "_quarto.yml"}), "OSS111")
    ] == ["OSS111"]
    badges_only = readme.replace("https://databook.example.org", "https://github.com/me/book")
    assert [f.code for f in check_unadopted(make_repo({**files, "README.md": badges_only}), "OSS111")] == [
        "OSS111"
    ]
    # A license, a DOI or the tool's own site is not where the book is read; a broken address is none.
    for other in (
        "https://creativecommons.org/licenses/by/4.0/",
        "https://doi.org/10.5281/x",
        "http://[broken/",
    ):
        elsewhere = readme.replace("https://databook.example.org", other)
        found = check_unadopted(make_repo({**files, "README.md": elsewhere}), "OSS111")
        assert [f.code for f in found] == ["OSS111"], other


def test_a_linked_guide_in_the_repository_can_say_how_to_run(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    readme = (
        "# Tagger\n\nTags questions of a forum with their topics, served by a small web service.\n\n"
        "## Guides\n\n- [Development](dev/README.md)\n- [Deployment](dist/)\n- [Design](docs/design.md)\n"
    )
    guide = "# Development\n\n## Running locally\n\n```sh\ntask dev:compose:up\n```\n"
    design = "# Design\n\nThe service keeps one model in memory and reloads it on a signal.\n"
    files = {"README.md": readme, "LICENSE": MIT_TEXT, "docs/design.md": design, "viz.py": CODE}
    assert check_unadopted(make_repo({**files, "dev/README.md": guide}), "OSS111") == []
    assert check_unadopted(make_repo({**files, "dist/README.md": guide}), "OSS111") == []
    # A guide that says nothing about running it, or one the README does not link, does not count.
    unlinked = {**files, "other/README.md": guide}
    assert [f.code for f in check_unadopted(make_repo(unlinked), "OSS111")] == ["OSS111"]


def test_a_course_that_opens_its_notebooks_says_how_to_run(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    course = "# Neural networks from scratch\n\nA course of video lectures, each with the notebook built in it.\n\n"
    colab = (
        course
        + "1. Backpropagation: [notebook](lectures/micrograd.ipynb), [Colab](https://colab.research.google.com/drive/1x)\n"
    )
    chapters = course + "".join(f"- [Lecture {n}](lectures/lecture{n}.ipynb)\n" for n in (1, 2, 3))
    for readme in (colab, chapters):
        assert (
            check_unadopted(make_repo({"README.md": readme, "LICENSE": MIT_TEXT, "viz.py": CODE}), "OSS111")
            == []
        )
    # One notebook linked as a result is not a way to run the project.
    result = course + "The figures are in [the results notebook](results.ipynb) and on nbviewer.\n"
    assert [
        f.code
        for f in check_unadopted(
            make_repo({"README.md": result, "LICENSE": MIT_TEXT, "viz.py": CODE}), "OSS111"
        )
    ] == ["OSS111"]


def test_a_readme_naming_the_script_that_repeats_the_analysis_says_how_to_run(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    story = (
        "# How drought changed the harvest\n\nData and R code behind our article on the harvest.\n\n"
        "## Methodology\n\nThe code to process the data and repeat the analysis is in the R Markdown "
        "document {name}, rendered [online](https://example.org/harvest).\n"
    )
    files = {"LICENSE": MIT_TEXT, "index.Rmd": "```{r}\nx <- 1\n```\n"}
    readme = story.format(name="index.Rmd")
    assert check_unadopted(make_repo({**files, "README.md": readme}), "OSS111") == []
    # A file the repository lacks, or a file named without a word of repeating the work, does not count.
    missing = story.format(name="analysis.Rmd")
    assert [f.code for f in check_unadopted(make_repo({**files, "README.md": missing}), "OSS111")] == [
        "OSS111"
    ]
    mention = (
        "# Harvest\n\nData and R code behind our article on the harvest; see index.Rmd for the charts.\n"
    )
    assert [f.code for f in check_unadopted(make_repo({**files, "README.md": mention}), "OSS111")] == [
        "OSS111"
    ]


# -- OSS111 --fix on hostile READMEs: one edit per README, a second --fix changes nothing ------------
FIX_BASE = "# Demand Forecasting\n\n" + PROSE + "\n## Setup\n\npip install it\n"


def fix_twice(root: Path) -> tuple[engine.Result, engine.Result]:
    first = engine.check(root, select=["OSS111"], fix=True)
    second = engine.check(root, select=["OSS111"], fix=True)
    return first, second


@pytest.mark.parametrize(
    "ending",
    [
        "\n```bash\npip install it\n",  # a backtick fence never closed
        "\n~~~\nraw text\n",  # a tilde fence never closed
        "\n````markdown\n```\ninner\n```\n",  # a longer fence is not closed by a shorter one
        "\n```\ncode\n```python\nmore\n",  # a fence with an info string does not close one
        "\n<!-- a comment that never ends\n",  # an HTML block runs to the end as well
        "\n```\n## Usage\n\n"
        + "Show the shortest example that runs, and say what it produces. "
        + SKELETON_MARK
        + "\n",
    ],
)
def test_fix_leaves_a_readme_alone_when_appended_headings_would_not_be_headings(
    make_repo: MakeRepo, ending: str
) -> None:
    root = make_repo(tree({"README.md": FIX_BASE + ending}))
    before = (root / "README.md").read_bytes()
    first, second = fix_twice(root)
    assert first.errors == []
    assert first.fixed == 0
    assert (root / "README.md").read_bytes() == before
    assert first.findings
    assert not any(f.fixable for f in first.findings)
    assert second.fixed == 0


@pytest.mark.parametrize(
    ("readme", "newline"),
    [
        (FIX_BASE, "\n"),
        (FIX_BASE.replace("\n", "\r\n"), "\r\n"),  # CRLF stays CRLF
        (FIX_BASE.rstrip("\n"), "\n"),  # no final newline
        ("\ufeff" + FIX_BASE, "\n"),  # a byte order mark
        (
            FIX_BASE + "\n~~~ `python` weird info\n```\nnot a fence end\n~~~\n",
            "\n",
        ),  # tilde fence, backtick info
        (FIX_BASE + "\n<!-- hidden -->\n", "\n"),
    ],
)
def test_fix_appends_once_and_a_second_fix_changes_nothing(
    make_repo: MakeRepo, readme: str, newline: str
) -> None:
    root = make_repo(tree({"README.md": readme}))
    (root / "README.md").write_bytes(readme.encode("utf-8"))
    first, second = fix_twice(root)
    assert first.errors == []
    assert first.fixed == 3  # Usage, Contributing and License: three findings, one edit
    assert [f.code for f in first.findings] == []
    after = (root / "README.md").read_bytes()
    text = after.decode("utf-8")
    assert text.startswith(readme)
    assert text.count("## Usage") == text.count("## Contributing") == text.count("## License") == 1
    if newline == "\r\n":
        assert text.count("\n") == text.count("\r\n")
    assert second.fixed == 0
    assert (root / "README.md").read_bytes() == after
    assert engine.check(root, select=["OSS111"]).findings == []


def test_fix_never_touches_a_readme_with_a_merge_conflict(make_repo: MakeRepo) -> None:
    root = make_repo(tree({"README.md": FIX_BASE}), commit=True)
    git(root, "checkout", "-q", "-b", "other")
    (root / "README.md").write_text(FIX_BASE + "\nTheirs.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "theirs")
    git(root, "checkout", "-q", "main")
    (root / "README.md").write_text(FIX_BASE + "\nOurs.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "ours")
    subprocess.run(["git", "-C", str(root), "merge", "-q", "other"], capture_output=True, check=False)
    before = (root / "README.md").read_bytes()
    assert b"<<<<<<<" in before
    result = engine.check(root, select=["OSS111"], fix=True)
    assert result.fixed == 0
    assert (root / "README.md").read_bytes() == before


def test_fix_elsewhere_adds_install_and_run(make_repo: MakeRepo) -> None:
    poster = "# Evanston viz\n\nA project to analyze, visualize, and communicate open data of the city.\n"
    root = make_repo({"README.md": poster, "LICENSE": MIT_TEXT, "viz.py": CODE})
    result = engine.check(root, fix=True)
    assert result.errors == []
    text = (root / "README.md").read_text(encoding="utf-8")
    assert text.startswith(poster)
    assert "\n## Installation\n\n" in text
    assert "\n## Usage\n\n" in text
    assert "## Contributing" not in text  # a convention of adopters only
    assert [f.code for f in result.findings if f.code == "OSS111"] == []
    assert engine.check(root, fix=True).fixed == 0


# -- OSS113: titles with taglines, sections, one report per mistake ----------------------------------
@pytest.mark.parametrize(
    "title",
    [
        "# demand-forecasting: weekly demand from sales history",
        "# Demand Forecasting - weekly demand",
        "# Demand Forecasting — weekly demand",
        "# The demand-forecasting toolkit",
        "# Welcome to Demand Forecasting",
    ],
)
def test_a_title_with_a_tagline_names_the_project(make_repo: MakeRepo, check: Check, title: str) -> None:
    assert (
        check(make_repo(tree({"README.md": README.replace("# Demand Forecasting", title)})), "OSS113") == []
    )


def test_a_section_is_not_the_title(make_repo: MakeRepo, check: Check) -> None:
    # statsmodels opens with a logo and badges, then "# About statsmodels".
    logo = "![logo](docs/logo.svg)\n\n[![PyPI](https://img.shields.io/pypi/v/x.svg)](https://pypi.org/project/x/)\n\n"
    about = README.replace("# Demand Forecasting", logo + "# About demand forecasting")
    assert check(make_repo(tree({"README.md": about})), "OSS113") == []
    prose_first = README.replace("# Demand Forecasting", "Some words before any heading.\n\n# Sales Forecast")
    assert check(make_repo(tree({"README.md": prose_first})), "OSS113") == []
    badges_first = README.replace("# Demand Forecasting", logo + "# sales-forecast")
    assert where(check(make_repo(tree({"README.md": badges_first})), "OSS113")) == [
        ("OSS113", "README.md", 5)
    ]


def test_a_repository_that_hosts_several_things(make_repo: MakeRepo, check: Check) -> None:
    # scientific-python/cookie: a guide, a template and the sp-repo-review package in one repository.
    pyproject = PYPROJECT.replace('name = "demand-forecasting"', 'name = "sp_repo_review"').replace(
        "northwind-data/demand-forecasting", "scientific-python/cookie"
    )
    readme = README.replace("# Demand Forecasting", "# Scientific Python: guide, cookie, & sp-repo-review")
    files = tree({"pyproject.toml": pyproject, "README.md": readme, "CITATION.cff": None})
    assert check(make_repo(files), "OSS113") == []


def test_one_wrong_name_is_reported_once_where_it_is_wrong(make_repo: MakeRepo, check: Check) -> None:
    # README and CITATION agree; pyproject (without a repository URL to back it) is the odd one out.
    pyproject = PYPROJECT.replace('name = "demand-forecasting"', 'name = "old-forecast"').replace(
        '[project.urls]\nSource = "https://github.com/northwind-data/demand-forecasting"\n'
        'Issues = "https://github.com/northwind-data/demand-forecasting/issues"\n',
        "",
    )
    cff = CITATION.replace("repository-code: https://github.com/northwind-data/demand-forecasting\n", "")
    findings = check(make_repo(baked(tree({"pyproject.toml": pyproject, "CITATION.cff": cff}))), "OSS113")
    assert where(findings) == [("OSS113", "pyproject.toml", 2)]
    assert findings[0].message == (
        "pyproject.toml names the project 'old-forecast' but CITATION.cff and README.md name it "
        "'Demand Forecasting'; use one name everywhere"
    )


def test_one_wrong_url_is_reported_once_where_it_is_wrong(make_repo: MakeRepo, check: Check) -> None:
    # Source still names the old repository; Issues, Homepage and CITATION say the new one.
    pyproject = PYPROJECT.replace(
        'Source = "https://github.com/northwind-data/demand-forecasting"',
        'Source = "https://github.com/northwind-data/forecast-old"\n'
        'Homepage = "https://github.com/northwind-data/demand-forecasting"',
    )
    findings = check(make_repo(tree({"pyproject.toml": pyproject})), "OSS113")
    assert where(findings) == [("OSS113", "pyproject.toml", 12)]
    assert (
        "gives the repository as https://github.com/northwind-data/demand-forecasting" in findings[0].message
    )


def test_pages_of_the_repository_and_other_links_agree(make_repo: MakeRepo, check: Check) -> None:
    pyproject = PYPROJECT.replace(
        'Issues = "https://github.com/northwind-data/demand-forecasting/issues"',
        'Issues = "https://github.com/Northwind-Data/demand-forecasting/issues/new/choose"\n'
        'Documentation = "https://github.com/northwind-data/docs-site"\n'
        'Changelog = "https://github.com/northwind-data/demand-forecasting/blob/main/CHANGELOG.md"',
    )
    cff = CITATION.replace(
        "repository-code: https://github.com/northwind-data/demand-forecasting",
        "repository-code: https://github.com/northwind-data/demand-forecasting/tree/v1.0",
    )
    assert check(make_repo(tree({"pyproject.toml": pyproject, "CITATION.cff": cff})), "OSS113") == []


# -- OSS115: templates the forge never offers are named where they are ---------------------------------
@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            ".github/workflows/pull_request_template.md",
            (
                "the pull request template .github/workflows/pull_request_template.md is where no forge looks for "
                "it: move it to .github/pull_request_template.md"
            ),
        ),
        (
            ".github/ISSUE_TEMPLATE/pull_request_template.md",
            (
                "the pull request template .github/ISSUE_TEMPLATE/pull_request_template.md is in the issue templates "
                "folder, so GitHub offers it as an issue template: move it to .github/pull_request_template.md"
            ),
        ),
        (
            ".gitlab/merge_request_template.md",
            (
                "the merge request template .gitlab/merge_request_template.md is where no forge looks for it: move "
                "it to .gitlab/merge_request_templates/"
            ),
        ),
        (
            ".github/issue_templates/bug.md",
            (
                "the issue template .github/issue_templates/bug.md is where no forge looks for it: move it to "
                ".github/ISSUE_TEMPLATE/ (GitLab: .gitlab/issue_templates/)"
            ),
        ),
    ],
)
def test_a_misplaced_template_is_named_wherever_it_is(
    make_repo: MakeRepo, check: Check, check_unadopted: Check, path: str, message: str
) -> None:
    files = {**tree(), path: "## What changed\n"}
    assert (path, message) in [(f.path, f.message) for f in check(make_repo(files), "OSS115")]
    assert [(f.path, f.message) for f in check_unadopted(make_repo(files), "OSS115")] == [(path, message)]


@pytest.mark.parametrize(
    "path",
    [
        "docs/pull_request_template.md",
        "PULL_REQUEST_TEMPLATE.txt",
        ".github/PULL_REQUEST_TEMPLATE/feature.md",
        "docs/PULL_REQUEST_TEMPLATE/fix.md",
        "ISSUE_TEMPLATE",
        ".gitlab/merge_request_templates/Default.md",
        "{{cookiecutter.project_slug}}/.github/workflows/pull_request_template.md",
        "tests/fixtures/pull_request_template.md",
    ],
)
def test_templates_the_forges_read(make_repo: MakeRepo, check_unadopted: Check, path: str) -> None:
    assert check_unadopted(make_repo({**tree(), path: "## What changed\n"}), "OSS115") == []


def test_pull_request_template_in_other_supported_places(make_repo: MakeRepo, check: Check) -> None:
    for path in ("PULL_REQUEST_TEMPLATE.txt", "docs/PULL_REQUEST_TEMPLATE/fix.md"):
        files = {**tree({".github/pull_request_template.md": None}), path: "## What changed\n"}
        assert check(make_repo(files), "OSS115") == []


def test_missing_templates_elsewhere(make_repo: MakeRepo, check_unadopted: Check) -> None:
    files = tree({".github/ISSUE_TEMPLATE/bug_report.md": None, ".github/pull_request_template.md": None})
    assert check_unadopted(make_repo(files), "OSS115") == []


# -- OSS116: contacts that reach nobody ---------------------------------------------------------------
PLACEHOLDER_CONTACTS: dict[str, str | bytes] = {
    "CODE_OF_CONDUCT.md": "# Code of conduct\n\n"
    + PROSE
    + "Report to [us](mailto:data-science@example.com).\n",
    "SECURITY.md": "# Security\n\n" + PROSE + "Write to security@acme.invalid or ops@test-team.example.\n",
    "CODEOWNERS": "* @example-org/data-science\n/docs/ writers@acme.test\n",
    "CITATION.cff": CITATION.replace("northwind-data", "example-org").replace(
        "  - name: Data Science Team\n", "  - name: Data Science Team\n    email: team@mail.example.net\n"
    ),
    "pyproject.toml": PYPROJECT.replace(
        'authors = [{ name = "Data Science Team" }]',
        'authors = [{ name = "Data Science Team", email = "data-science@example.com" }]\n'
        'maintainers = [{ name = "Ops", email = "ops@localhost" }]\n'
        'description2 = "see the docs at https://example.com"',
    ).replace("northwind-data", "example-org"),
}


def test_govcookiecutters_contact_slot_reaches_nobody(make_repo: MakeRepo, check_unadopted: Check) -> None:
    conduct = "# Code of conduct\n\n" + PROSE + "Report to [us](mailto:organisation@email.address).\n"
    findings = check_unadopted(make_repo(tree({"CODE_OF_CONDUCT.md": conduct})), "OSS116")
    assert [(f.path, f.line) for f in findings] == [("CODE_OF_CONDUCT.md", 4)]
    # A real address at the .email top-level domain is a contact.
    real = conduct.replace("organisation@email.address", "team@ons.email")
    assert check_unadopted(make_repo(tree({"CODE_OF_CONDUCT.md": real})), "OSS116") == []


def test_placeholder_contacts_are_reported_where_they_are(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    findings = check_unadopted(make_repo(tree(PLACEHOLDER_CONTACTS)), "OSS116")
    assert [(f.path, f.line, f.col) for f in findings] == [
        ("CITATION.cff", 6, 12),
        ("CITATION.cff", 7, 37),
        ("CODEOWNERS", 1, 4),
        ("CODEOWNERS", 2, 8),
        ("CODE_OF_CONDUCT.md", 4, 23),
        ("SECURITY.md", 4, 10),
        ("SECURITY.md", 4, 35),
        ("pyproject.toml", 8, 51),  # authors; the description's https://example.com is not a contact
        ("pyproject.toml", 9, 41),
        ("pyproject.toml", 14, 30),
        ("pyproject.toml", 15, 30),
    ]
    assert findings[4].message == (
        "CODE_OF_CONDUCT.md gives data-science@example.com as a contact, an address at a domain reserved for "
        "examples: nothing sent there reaches anyone; write the team's real address"
    )
    assert findings[2].message == (
        "CODEOWNERS names the template's example organisation 'example-org': write the organisation that "
        "owns this repository"
    )
    assert load_rules()["OSS116"].severity is Severity.WARNING


def test_real_contacts_are_not_placeholders(make_repo: MakeRepo, check_unadopted: Check) -> None:
    files = tree(
        {
            "SECURITY.md": "# Security\n\n"
            + PROSE
            + "Write to security@acme.com or see https://example.com/docs "
            "and the examples@acme.org list; our test suite lives in tests/.\n",
            "CODEOWNERS": "* @acme/example-organisers\n",
        }
    )
    assert check_unadopted(make_repo(files), "OSS116") == []


def test_a_placeholder_contact_is_a_warning_that_fails_only_when_strict(make_repo: MakeRepo) -> None:
    from oss_checks.cli import main

    root = make_repo(tree(PLACEHOLDER_CONTACTS))
    assert main(["check", str(root), "--select", "OSS116"]) == 0
    assert main(["check", str(root), "--select", "OSS116", "--strict"]) == 1


@pytest.mark.slow
def test_a_default_bake_keeps_placeholder_contacts(make_repo: MakeRepo, check: Check) -> None:
    # The template's defaults (data-science@example.com, example-org) pass every other check;
    # this warning is what tells the team a report sent there goes nowhere.
    answers = {**ANSWERS, "author_email": "data-science@example.com", "organisation": "example-org"}
    answers["repository_url"] = "https://github.com/example-org/churn-radar"
    files = {}
    for path in ("CODE_OF_CONDUCT.md", "SECURITY.md"):
        rendered = render.render_file(template.template_root(), answers, path)
        assert rendered is not None
        files[path] = rendered
    codes = {f.path for f in check(make_repo(files), "OSS116")}
    assert codes == {"CODE_OF_CONDUCT.md", "SECURITY.md"}


def test_a_template_repository_documents_its_tags(make_repo: MakeRepo, check: Check) -> None:
    # cookiecutter-data-science's README shows the tree it generates, tags included.
    readme = README + "\n```\n└── {{ cookiecutter.module_name }}   <- Source code\n```\nTODO: finish.\n"
    files = {**tree({"README.md": readme}), "cookiecutter.json": '{"module_name": "x"}'}
    assert [(f.line, f.col) for f in check(make_repo(files), "OSS110")] == [(25, 1)]  # the TODO only


def test_fix_marks_fixable_only_the_sections_it_would_add(make_repo: MakeRepo, check: Check) -> None:
    # The Usage sentence is there without its heading: --fix would not add it again.
    readme = (
        FIX_BASE + "\nShow the shortest example that runs, and say what it produces. " + SKELETON_MARK + "\n"
    )
    findings = check(make_repo(tree({"README.md": readme})), "OSS111")
    assert {f.message.split("'")[1]: f.fixable for f in findings} == {
        "Contributing": True,
        "License": True,
        "Usage": False,
    }


# -- precision round 2: one-person projects, security contacts, names, copyright lines -----------
def commits(root: Path, authors: list[str]) -> None:
    """One empty commit per entry of ``authors`` ("Name <address>"), oldest first."""
    for number, author in enumerate(authors):
        git(root, "commit", "-q", "--allow-empty", "-m", f"change {number}", "--author", author)


def test_a_one_person_library_is_not_asked_for_conduct_and_security(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo(library(), commit=True)
    # The author under two spellings (same address), a user's drive-by fix and a bot: one person.
    commits(
        root,
        ["Ann Lee <ann@lab.org>"] * 30
        + ["alee <ann@lab.org>"] * 10
        + ["Bo Park <bo@mail.org>", "dependabot[bot] <support@github.com>"],
    )
    assert check_unadopted(root, "OSS104", "OSS105") == []


def test_a_library_with_a_second_maintainer_still_needs_conduct_and_security(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo(library(), commit=True)
    commits(root, ["Ann Lee <ann@lab.org>"] * 40 + ["Bo Park <bo@mail.org>"] * 12)
    findings = check_unadopted(root, "OSS104", "OSS105")
    assert where(findings) == [("OSS104", "CODE_OF_CONDUCT.md", 0), ("OSS105", "SECURITY.md", 0)]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (
            "CONTRIBUTING.md",
            CONTRIBUTING + "\n### Reporting a bug\n\nIf you find a security vulnerability, do NOT open an\n"
            "issue. Email security@northwind.org instead.\n",
        ),
        (
            "README.md",
            README + "\n## Security\n\nPlease write to <security@northwind.org>; we answer in two days.\n",
        ),
        (
            "CONTRIBUTING.md",
            CONTRIBUTING + "\nReport vulnerabilities privately through "
            "https://github.com/northwind-data/demand-forecasting/security/advisories/new.\n",
        ),
    ],
)
def test_a_security_contact_in_the_guide_or_readme_is_a_security_policy(
    make_repo: MakeRepo, check_unadopted: Check, path: str, text: str
) -> None:
    assert check_unadopted(make_repo(library({path: text})), "OSS105") == []


def test_security_words_without_a_contact_are_no_policy(make_repo: MakeRepo, check_unadopted: Check) -> None:
    # An address in one paragraph and the word "security" in another, or in a code block: no contact.
    guide = (
        CONTRIBUTING
        + "\nWe care about security and keep dependencies current.\n\nQuestions: team@northwind.org\n\n"
        "```\n# report a security issue to x@y.org\n```\n"
    )
    findings = check_unadopted(make_repo(library({"CONTRIBUTING.md": guide})), "OSS105")
    assert where(findings) == [("OSS105", "SECURITY.md", 0)]


@pytest.mark.parametrize(
    "title", ["# RAP Devices", "# Forecasting Demand", "# demand_forecasting", "# DemandForecasting"]
)
def test_the_same_words_in_another_order_or_spelling_are_the_same_name(
    make_repo: MakeRepo, check: Check, title: str
) -> None:
    pyproject = PYPROJECT.replace('name = "demand-forecasting"', 'name = "devices_rap"').replace(
        "northwind-data/demand-forecasting", "nhs/devices_rap"
    )
    readme = README.replace("# Demand Forecasting", title)
    if "RAP" not in title:
        pyproject = PYPROJECT
    files = tree({"pyproject.toml": pyproject, "README.md": readme, "CITATION.cff": None})
    assert check(make_repo(files), "OSS113") == []


@pytest.mark.parametrize(
    ("first", "second"), [("Doe, Jane", "Jane Doe"), ("jane-doe", "J. Doe"), ("J Doe", "Doe Jane")]
)
def test_name_words_agree_in_any_order_and_with_initials(first: str, second: str) -> None:
    from oss_checks.rules.community import _same_words

    assert _same_words(first, second)


def test_different_words_are_still_different_names(make_repo: MakeRepo, check: Check) -> None:
    from oss_checks.rules.community import _same_words

    assert not _same_words("Supply Forecasting", "demand-forecasting")
    assert not _same_words("Jane Doe", "John Smith")
    root = make_repo(baked(tree({"README.md": README.replace("# Demand Forecasting", "# Churn Radar")})))
    assert where(check(root, "OSS113")) == [("OSS113", "README.md", 1)]


@pytest.mark.parametrize(
    "title",
    [
        "# Dans Mon Eau",  # a brand; the package is named for what it computes
        "# 🌞 Open Source Solar Forecasting Project \u2013 Volunteers Welcome! 🌞",  # a slogan
        "# CFA STF Routine Forecasting",  # a monorepo; pyproject names one component
    ],
)
def test_a_title_in_words_is_a_display_name_outside_a_baked_project(
    make_repo: MakeRepo, check: Check, title: str
) -> None:
    files = tree({"README.md": README.replace("# Demand Forecasting", title)})
    assert check(make_repo(files), "OSS113") == []
    assert where(check(make_repo(baked(files)), "OSS113")) == [("OSS113", "README.md", 1)]
    # A book's citation gives its title with the publisher; the README gives it without.
    cff = CITATION.replace(
        "title: Demand Forecasting", 'title: "Build A Model (From Scratch), Published by Acme, ISBN 978-1"'
    )
    assert check(make_repo(tree({"CITATION.cff": cff})), "OSS113") == []


def test_a_copyright_line_with_proprietary_metadata_is_a_deliberate_choice(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    setup_py = "from setuptools import setup\nsetup(name='food', license='proprietary')\n"
    files = {"README.md": README, "LICENSE": "Copyright (c) 2022, Jane Doe\n", "setup.py": setup_py}
    assert check_unadopted(make_repo(files), "OSS102") == []
    classified = {
        "README.md": README,
        "LICENSE": "Copyright (c) 2022, Jane Doe\n",
        "pyproject.toml": '[project]\nname = "x"\nversion = "1"\nclassifiers = ["License :: Other/Proprietary License"]\n',
    }
    assert check_unadopted(make_repo(classified), "OSS102") == []


def test_a_copyright_line_alone_says_it_grants_nothing(make_repo: MakeRepo, check_unadopted: Check) -> None:
    files = {"README.md": README, "LICENSE": "Copyright (c) 2022, Jane Doe\n"}
    findings = check_unadopted(make_repo(files), "OSS102")
    assert where(findings) == [("OSS102", "LICENSE", 0)]
    assert "holds only a copyright line, which grants nobody any rights" in findings[0].message
    assert "open source" not in findings[0].message
    # A missing license is still reported, proprietary metadata or not.
    setup_py = "from setuptools import setup\nsetup(name='food', license='proprietary')\n"
    missing = check_unadopted(make_repo({"README.md": README, "setup.py": setup_py}), "OSS102")
    assert where(missing) == [("OSS102", "LICENSE", 0)]
