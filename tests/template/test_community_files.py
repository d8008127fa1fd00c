"""The community files a bake holds: the real license texts, valid citation metadata and
issue forms, the README sections each kind of project needs, and no placeholder left.

Each test bakes in-process through the shared ``bakery`` (about 0.4 s per new set of
answers), so none is marked slow.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import importlib.util
import json
import re
import sys
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]  # ships without type information
import pytest
import yaml

from template.baking import MATRIX, Bakery, combo_id, complete, forge_of

YEAR = "2031"
ORGANISATION = "acme-analytics"
#: Answers that break naive quoting in Markdown, YAML and plain text.
HOSTILE = {
    "project_name": 'Ünïcode: "Data" #1 & co',
    "author_name": 'Zoë O\'Brien "Q" \\ #: &x',
}

#: SHA-256 of each SPDX license text with its whitespace collapsed, fields unfilled.
#: Computed from the SPDX License List (license-list-XML e4c1f276, July 2026, and the
#: matching license-list-data texts); the template holds the only copy of the texts.
SPDX_DIGESTS = {
    "MIT": "c963879647034d6c5d7027d8e2b024213589b749d11ba7320032802307bced9c",
    "BSD-3-Clause": "65e7987f847f2785421ef9f25c5fa9f23ae284b4c37894d1bc956dc751d36cf2",
    "Apache-2.0": "0ffddef9e48f8a09aed5caf2d44f7ba1c1be2d9b8e0a6f693b1635b2d5566645",
}
#: Where each SPDX text takes the year and the copyright holder.
SPDX_FIELDS = {
    "MIT": "<year> <copyright holders>",
    "BSD-3-Clause": "<year> <owner>",
    "Apache-2.0": "[yyyy] [name of copyright owner]",
}
#: Sentences that tell the licenses apart, so that a mismatch names the culprit.
KEY_SENTENCES = {
    "MIT": (
        "MIT License",
        "Permission is hereby granted, free of charge, to any person obtaining a copy",
        "The above copyright notice and this permission notice shall be included",
    ),
    "BSD-3-Clause": (
        "Redistribution and use in source and binary forms, with or without modification",
        "3. Neither the name of the copyright holder nor the names of its contributors",
        "EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.",
    ),
    "Apache-2.0": (
        "Apache License\nVersion 2.0, January 2004",
        "3. Grant of Patent License.",
        "END OF TERMS AND CONDITIONS",
    ),
}

COMMUNITY_FILES = (
    "README.md",
    "LICENSE",
    "CONTRIBUTING.md",
    "CODE_OF_CONDUCT.md",
    "SECURITY.md",
    "CHANGELOG.md",
    "CITATION.cff",
    "CODEOWNERS",
)
FORGE_FILES = {
    "github": (
        ".github/ISSUE_TEMPLATE/bug_report.yml",
        ".github/ISSUE_TEMPLATE/feature_request.yml",
        ".github/ISSUE_TEMPLATE/config.yml",
        ".github/PULL_REQUEST_TEMPLATE.md",
    ),
    "gitlab": (
        ".gitlab/issue_templates/Bug.md",
        ".gitlab/issue_templates/Feature.md",
        ".gitlab/merge_request_templates/Default.md",
    ),
}
PLACEHOLDER = re.compile(
    r"\{\{|\{%|\{#|\bTODO\b|\bFIXME\b|\bTBD\b|\[INSERT|lorem ipsum|your name here|"
    r"<year>|<copyright holders>|<owner>|\[yyyy\]|\[name of copyright owner\]",
    re.IGNORECASE,
)


def answers_for(**answers: str) -> dict[str, str]:
    return complete({"copyright_year": YEAR, "organisation": ORGANISATION, **answers})


def holder(answers: Mapping[str, str]) -> str:
    """The legal entity the team named; without an answer, the organisation, public or not."""
    return answers.get("copyright_holder", answers["organisation"])


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def headings(markdown: str) -> list[str]:
    """ATX headings outside fenced code blocks, with Markdown escapes removed."""
    found: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"#{1,6} (.+)", line)):
            found.append(re.sub(r"\\(.)", r"\1", match[1]).strip())
    return found


def vendored_schema(name: str) -> Any:
    """A schema check-jsonschema ships, read without importing its untyped API."""
    schemas = importlib.resources.files("check_jsonschema.builtin_schemas.vendor")
    return json.loads(schemas.joinpath(f"{name}.json").read_text(encoding="utf-8"))


def schema_errors(document: Any, schema_name: str) -> list[str]:
    validator = jsonschema.Draft7Validator(vendored_schema(schema_name))
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)]


def community_files(answers: Mapping[str, str]) -> tuple[str, ...]:
    return COMMUNITY_FILES + FORGE_FILES[forge_of(answers)]


# -- LICENSE ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "answers",
    [
        answers_for(visibility="public", license="MIT"),
        answers_for(visibility="public", license="BSD-3-Clause", **HOSTILE),
        answers_for(visibility="public", license="Apache-2.0"),
        answers_for(visibility="internal", license="MIT"),
        answers_for(visibility="internal", license="Apache-2.0", project_type="analysis"),
    ],
    ids=lambda answers: f"{answers['license']}-{answers['visibility']}",
)
def test_license_is_the_spdx_text_with_year_and_holder(bakery: Bakery, answers: dict[str, str]) -> None:
    text = (bakery(answers) / "LICENSE").read_text(encoding="utf-8")
    license_id = answers["license"]
    filled = f"{YEAR} {holder(answers)}"

    for sentence in KEY_SENTENCES[license_id]:
        assert sentence in text, f"{license_id}: {sentence!r} is missing"
    assert f"Copyright {'' if license_id == 'Apache-2.0' else '(c) '}{filled}" in text
    assert text.count(filled) == 1
    assert not PLACEHOLDER.search(text)
    unfilled = normalised(text.replace(filled, SPDX_FIELDS[license_id]))
    assert hashlib.sha256(unfilled.encode()).hexdigest() == SPDX_DIGESTS[license_id], (
        f"LICENSE is not the SPDX {license_id} text apart from the year and holder"
    )


def test_license_for_an_organisation_name_ending_in_a_full_stop(bakery: Bakery) -> None:
    """BSD's copyright line ends with a full stop; a holder's own must not double it."""
    answers = answers_for(visibility="public", license="BSD-3-Clause", copyright_holder="Acme Inc.")
    first_line = (bakery(answers) / "LICENSE").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"Copyright (c) {YEAR} Acme Inc."


def test_proprietary_license_reserves_every_right_for_the_organisation(bakery: Bakery) -> None:
    answers = answers_for(visibility="internal", license="Proprietary", author_email="legal-asks@example.org")
    text = (bakery(answers) / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith(f"Copyright (c) {YEAR} {ORGANISATION}. All rights reserved.\n")
    assert "for internal use only" in text
    assert "legal-asks@example.org" in text, "the notice says whom to ask for permission"
    assert not PLACEHOLDER.search(text)
    for wording in ("Permission is hereby granted", "Redistribution and use", "Apache License"):
        assert wording not in text


# -- CITATION.cff -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "answers",
    [
        answers_for(visibility="public", license="MIT"),
        answers_for(visibility="public", license="Apache-2.0", project_type="analysis", **HOSTILE),
        answers_for(visibility="internal", license="Proprietary"),
        answers_for(
            visibility="internal", license="BSD-3-Clause", ci="gitlab", git_host="gitlab.example.org"
        ),
        answers_for(visibility="internal", license="Proprietary", ci="none", git_host="gitlab.com"),
    ],
    ids=lambda answers: f"{answers['visibility']}-{answers['license']}-{answers['ci']}",
)
def test_citation_is_valid_cff_with_the_answers(bakery: Bakery, answers: dict[str, str]) -> None:
    project = bakery(answers)
    citation = yaml.safe_load((project / "CITATION.cff").read_text(encoding="utf-8"))

    assert schema_errors(citation, "citation-file-format") == []
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "software"
    assert citation["version"] == "0.1.0"
    assert citation["title"] == answers.get("project_name", "Demand Forecasting")
    assert citation["abstract"] == answers.get("description", "Forecast weekly demand from sales history.")
    assert citation["authors"] == [
        {"name": answers.get("author_name", "Data Science Team"), "email": "data-science@example.com"}
    ]
    repository = f"https://{answers['git_host']}/{ORGANISATION}/{answers['project_slug']}"
    assert citation["repository-code"] == repository
    assert "date-released" not in citation, "nothing is released at bake time"
    if answers["license"] == "Proprietary":
        # CFF accepts only SPDX list identifiers; a proprietary license is linked instead.
        assert "license" not in citation
        separator = "/-/" if forge_of(answers) == "gitlab" else "/"
        assert citation["license-url"] == f"{repository}{separator}blob/main/LICENSE"
    else:
        assert citation["license"] == answers["license"]


# -- issue and pull/merge request templates -----------------------------------------------
@pytest.mark.parametrize("project_type", ["library", "analysis"])
@pytest.mark.parametrize("visibility", ["internal", "public"])
def test_github_issue_forms_are_valid_and_link_the_security_policy(
    bakery: Bakery, project_type: str, visibility: str
) -> None:
    answers = answers_for(project_type=project_type, visibility=visibility, ci="github", **HOSTILE)
    forms = bakery(answers) / ".github" / "ISSUE_TEMPLATE"
    bug = yaml.safe_load((forms / "bug_report.yml").read_text(encoding="utf-8"))
    feature = yaml.safe_load((forms / "feature_request.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((forms / "config.yml").read_text(encoding="utf-8"))

    assert schema_errors(bug, "github-issue-forms") == []
    assert schema_errors(feature, "github-issue-forms") == []
    assert schema_errors(config, "github-issue-config") == []
    bug_fields = {item.get("id") for item in bug["body"]}
    assert {"what-happened", "steps", "expected", "environment"} <= bug_fields
    assert ({"notebook", "data"} <= bug_fields) == (project_type == "analysis")
    security = config["contact_links"][0]
    assert security["url"].startswith(f"https://github.com/{ORGANISATION}/")
    assert ("security/advisories/new" in security["url"]) == (visibility == "public")


@pytest.mark.parametrize("project_type", ["library", "analysis"])
@pytest.mark.parametrize(
    ("ci", "git_host", "template"),
    [
        ("github", "github.com", ".github/PULL_REQUEST_TEMPLATE.md"),
        ("gitlab", "gitlab.com", ".gitlab/merge_request_templates/Default.md"),
    ],
    ids=["github", "gitlab"],
)
def test_change_request_templates_carry_the_checklist(
    bakery: Bakery, project_type: str, ci: str, git_host: str, template: str
) -> None:
    answers = answers_for(project_type=project_type, ci=ci, git_host=git_host)
    text = (bakery(answers) / template).read_text(encoding="utf-8")
    checklist = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    for needed in ("nox -s tests", "docs/", "## [Unreleased]", "`nox` passes", "credentials"):
        assert any(needed in line for line in checklist), f"{template}: no item about {needed}"
    assert any("without outputs" in line for line in checklist) == (project_type == "analysis")


# -- README -------------------------------------------------------------------------------
@pytest.mark.parametrize("project_type", ["library", "analysis"])
@pytest.mark.parametrize("visibility", ["internal", "public"])
def test_readme_has_the_sections_each_kind_of_project_needs(
    bakery: Bakery, project_type: str, visibility: str
) -> None:
    answers = answers_for(project_type=project_type, visibility=visibility, **HOSTILE)
    readme = (bakery(answers) / "README.md").read_text(encoding="utf-8")
    found = headings(readme)

    assert found[0] == HOSTILE["project_name"], "the title renders as the project name"
    for section in ("Installation", "Usage", "Contributing", "Citation", "License"):
        assert section in found
    assert ("Data" in found) == (project_type == "analysis")
    for linked in ("CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "SECURITY.md", "CITATION.cff", "LICENSE"):
        assert f"]({linked}" in readme, f"README does not link {linked}"
    # Internal projects show no badge served from outside the organisation.
    assert ("img.shields.io" in readme) == (visibility == "public")


def test_readme_usage_example_runs_against_the_baked_package(
    bakery: Bakery, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = answers_for()
    project = bakery(answers)
    package = answers["package_name"]
    readme = (project / "README.md").read_text(encoding="utf-8")
    usage = readme.split("## Usage", 1)[1]
    example = re.search(r"```python\n(.*?)```", usage, re.DOTALL)
    assert example is not None
    code = example[1]
    assert f"from {package}.metrics import mean_absolute_percentage_error" in code
    expected = re.findall(r"^print\(.*\)\s+#\s*(\S+)$", code, re.MULTILINE)
    assert expected, "the example shows what it prints"

    # Load metrics.py on its own: the package's __init__ needs installed metadata.
    parent = types.ModuleType(package)
    parent.__path__ = []
    spec = importlib.util.spec_from_file_location(
        f"{package}.metrics", project / "src" / package / "metrics.py"
    )
    assert spec is not None
    assert spec.loader is not None
    metrics = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(metrics)
    monkeypatch.setitem(sys.modules, package, parent)
    monkeypatch.setitem(sys.modules, f"{package}.metrics", metrics)

    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out.split() == expected


# -- every community file -----------------------------------------------------------------
#: One bake per kind of project, visibility and forge, with answers that are hard to quote.
REPRESENTATIVE = [
    complete({"project_type": "library", "visibility": "public", "license": "Apache-2.0", **HOSTILE}),
    complete(
        {"project_type": "analysis", "visibility": "internal", "license": "Proprietary", "docs": "none"}
    ),
    complete(
        {
            "project_type": "analysis",
            "visibility": "public",
            "license": "BSD-3-Clause",
            "ci": "gitlab",
            "git_host": "gitlab.com",
            "docs": "sphinx",
            **HOSTILE,
        }
    ),
    complete(
        {
            "project_type": "library",
            "visibility": "internal",
            "license": "MIT",
            "ci": "none",
            "git_host": "gitlab.example.org",
        }
    ),
]


def assert_filled_in(project: Path, answers: Mapping[str, str]) -> None:
    other_forge = FORGE_FILES["gitlab" if forge_of(answers) == "github" else "github"]
    for relative in other_forge:
        assert not (project / relative).exists(), f"{relative} belongs to the other forge"
    for relative in community_files(answers):
        text = (project / relative).read_text(encoding="utf-8")
        leftover = PLACEHOLDER.search(text)
        assert leftover is None, f"{relative}: {leftover[0]!r}"
        assert text.endswith("\n")
        assert not text.endswith("\n\n"), f"{relative} ends with a blank line"
        assert not text.startswith("\n"), f"{relative} starts with a blank line"
        assert "\n\n\n" not in text, f"{relative} has two blank lines in a row"
        assert all(line == line.rstrip() for line in text.splitlines()), f"{relative}: trailing spaces"


@pytest.mark.parametrize("answers", REPRESENTATIVE, ids=combo_id)
def test_community_files_are_filled_in(bakery: Bakery, answers: dict[str, str]) -> None:
    assert_filled_in(bakery(answers), answers)


@pytest.mark.slow
@pytest.mark.parametrize("answers", MATRIX, ids=combo_id)
def test_community_files_are_filled_in_for_every_pair_of_options(
    bakery: Bakery, answers: dict[str, str]
) -> None:
    assert_filled_in(bakery(answers), answers)


@pytest.mark.parametrize("visibility", ["internal", "public"])
def test_contacts_come_from_the_answers(bakery: Bakery, visibility: str) -> None:
    answers = answers_for(visibility=visibility, author_email="conduct@example.org")
    project = bakery(answers)
    conduct = (project / "CODE_OF_CONDUCT.md").read_text(encoding="utf-8")
    security = (project / "SECURITY.md").read_text(encoding="utf-8")
    codeowners = (project / "CODEOWNERS").read_text(encoding="utf-8")

    assert "mailto:conduct@example.org" in conduct
    assert "mailto:conduct@example.org" in security
    assert ("HR (people)" in conduct) == (visibility == "internal")
    assert ("security/advisories/new" in security) == (visibility == "public")
    rules = [line for line in codeowners.splitlines() if line and not line.startswith("#")]
    assert rules == ["* conduct@example.org"]


def test_changelog_starts_unreleased_with_the_bake(bakery: Bakery) -> None:
    changelog = (bakery(answers_for()) / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    unreleased = changelog.split("## [Unreleased]", 1)[1]
    assert (
        "Project created from oss-template: the" in unreleased
    )  # no version: updates must not rewrite history
    assert "keepachangelog.com" in changelog
