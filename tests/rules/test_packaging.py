"""Packaging metadata (OSS201-OSS209)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import Check, MakeRepo, Run
from oss_checks.registry import Finding, Scope
from oss_checks.rules import load_rules

PACKAGING_CODES = tuple(code for code in load_rules() if code.startswith("OSS2"))

MIT_START = "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n"

PYPROJECT = """[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"

[project]
name = "demand-forecasting"
version = "0.1.0"
description = "Forecast weekly demand from sales history."
readme = "README.md"
requires-python = ">=3.11"
license = "MIT"
license-files = ["LICENSE"]
authors = [
  { name = "Data Science Team", email = "data-science@example.com" },
]
classifiers = [
  "Programming Language :: Python :: 3",
  "Programming Language :: Python :: 3.11",
  "Programming Language :: Python :: 3.12",
]

[project.urls]
Source = "https://github.com/example-org/demand-forecasting"
Issues = "https://github.com/example-org/demand-forecasting/issues"
"""
WITHOUT_URLS = PYPROJECT.split("[project.urls]", maxsplit=1)[0]
# Lines of PYPROJECT that findings point at.
PROJECT_LINE = 5
DESCRIPTION_LINE = 8
README_LINE = 9
REQUIRES_PYTHON_LINE = 10
LICENSE_LINE = 11
AUTHORS_LINE = 13
CLASSIFIERS_LINE = 16
URLS_LINE = 22


def repo_files(pyproject: str | bytes | None = PYPROJECT) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"README.md": "# Demand Forecasting\n", "LICENSE": MIT_START}
    if pyproject is not None:
        files["pyproject.toml"] = pyproject
    return files


def edited(old: str, new: str) -> str:
    assert old in PYPROJECT
    return PYPROJECT.replace(old, new)


def without(line: str) -> str:
    return edited(line + "\n", "")


def where(findings: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in findings]


def test_good_pyproject_passes_every_packaging_rule(make_repo: MakeRepo, check: Check) -> None:
    assert check(make_repo(repo_files()), *PACKAGING_CODES) == []


def test_every_rule_has_the_documented_sections() -> None:
    for code in PACKAGING_CODES:
        rule = load_rules()[code]
        for section in ("What it does", "Why is this bad?", "Example", "How to fix"):
            assert rule.section(section), f"{code} lacks ## {section}"


# -- OSS201 ---------------------------------------------------------------------------------
def test_missing_pyproject(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(repo_files(None)), *PACKAGING_CODES)
    assert where(findings) == [("OSS201", "pyproject.toml", 0)]
    assert "pyproject.toml is missing" in findings[0].message


def test_invalid_toml_reports_the_parser_line(make_repo: MakeRepo, check: Check) -> None:
    broken = edited('version = "0.1.0"', 'version "0.1.0"')
    findings = check(make_repo(repo_files(broken)), *PACKAGING_CODES)
    assert [(f.code, f.path, f.line, f.col) for f in findings] == [("OSS201", "pyproject.toml", 7, 9)]
    assert findings[0].message.startswith("pyproject.toml is not valid TOML: Expected '=' after a key")
    assert findings[0].message.endswith("; fix the syntax on line 7")


def test_invalid_toml_at_the_end_of_the_file(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(repo_files('[project]\nname = "x"\nversion = "1')), "OSS201")
    assert where(findings) == [("OSS201", "pyproject.toml", 3)]


@pytest.mark.parametrize("content", [b"\xff\xfe[project]\n", b"[project]\x00\n"])
def test_pyproject_that_is_not_text(make_repo: MakeRepo, check: Check, content: bytes) -> None:
    findings = check(make_repo(repo_files(content)), *PACKAGING_CODES)
    assert where(findings) == [("OSS201", "pyproject.toml", 0)]
    assert "cannot be read as text" in findings[0].message


def test_pyproject_without_project_table(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(repo_files("[tool.ruff]\nline-length = 100\n")), *PACKAGING_CODES)
    assert where(findings) == [("OSS201", "pyproject.toml", 0)]
    assert "no [project] table" in findings[0].message


def test_empty_pyproject(make_repo: MakeRepo, check: Check) -> None:
    assert where(check(make_repo(repo_files("")), *PACKAGING_CODES)) == [("OSS201", "pyproject.toml", 0)]


def test_project_without_name_or_version(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('name = "demand-forecasting"\nversion = "0.1.0"\n', "")
    findings = check(make_repo(repo_files(pyproject)), "OSS201")
    assert where(findings) == [("OSS201", "pyproject.toml", PROJECT_LINE)] * 2
    assert "has no name" in findings[0].message
    assert "has no version" in findings[1].message


def test_dynamic_version_is_valid(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('version = "0.1.0"', 'dynamic = ["version"]')
    assert check(make_repo(repo_files(pyproject)), "OSS201") == []


# -- OSS202 ----------------------------------------------------------------------------------
def test_missing_description(make_repo: MakeRepo, check: Check) -> None:
    pyproject = without('description = "Forecast weekly demand from sales history."')
    findings = check(make_repo(repo_files(pyproject)), "OSS202")
    assert where(findings) == [("OSS202", "pyproject.toml", PROJECT_LINE)]


@pytest.mark.parametrize("value", ['""', '"   "', '"""First line.\nSecond line."""', "42"])
def test_bad_description(make_repo: MakeRepo, check: Check, value: str) -> None:
    pyproject = edited('"Forecast weekly demand from sales history."', value)
    assert where(check(make_repo(repo_files(pyproject)), "OSS202")) == [
        ("OSS202", "pyproject.toml", DESCRIPTION_LINE)
    ]


def test_dynamic_description_is_not_checked(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited(
        'description = "Forecast weekly demand from sales history."', 'dynamic = ["description"]'
    )
    assert check(make_repo(repo_files(pyproject)), "OSS202") == []


MANIFEST = (
    '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n'
    '[project]\nname = "hurricane-monitor"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n'
    'dependencies = ["pandas>=2.2", "xarray"]\n'
)


def test_a_dependency_manifest_is_asked_for_no_description_readme_or_authors(
    make_repo: MakeRepo, check: Check
) -> None:
    # [project] kept for `uv sync`: nothing in it describes the project, and nothing publishes it.
    files = {"pyproject.toml": MANIFEST, "README.md": "# Monitor\n", "src/monitor/__init__.py": ""}
    assert check(make_repo(files), "OSS202", "OSS203", "OSS207") == []
    # What `uv init` writes and nobody changed describes nothing either.
    uv_init = MANIFEST + 'description = "Add your description here"\nreadme = "README.md"\n'
    assert check(make_repo({**files, "pyproject.toml": uv_init}), "OSS202", "OSS203", "OSS207") == []
    # One describing field filled in makes the table a description, and the empty one a gap.
    described = MANIFEST + 'authors = [{ name = "Data team" }]\ndescription = ""\n'
    findings = check(make_repo({**files, "pyproject.toml": described}), "OSS202", "OSS203")
    assert sorted(f.code for f in findings) == ["OSS202", "OSS203"]
    # A package the README tells readers to pip install is described for its index page.
    published = {**files, "README.md": "# Monitor\n\n```\npip install hurricane-monitor\n```\n"}
    assert sorted(f.code for f in check(make_repo(published), "OSS202", "OSS203", "OSS207")) == [
        "OSS202",
        "OSS203",
        "OSS207",
    ]


def test_a_metadata_only_wheel_nobody_publishes_is_an_environment(make_repo: MakeRepo, check: Check) -> None:
    # A docs site's notebooks: hatchling builds an empty wheel, so no package page shows anything.
    pyproject = (
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n'
        '[project]\nname = "lab-tutorials"\ndynamic = ["version"]\nauthors = [{ name = "Ana Ruiz" }]\n'
        'classifiers = ["Programming Language :: Python :: 3"]\ndependencies = ["sphinx", "myst-nb"]\n\n'
        "[tool.hatch]\nbuild.targets.wheel.bypass-selection = true\n"
    )
    files = {"pyproject.toml": pyproject, "README.md": "# Tutorials\n\nThe notebooks of our docs.\n"}
    assert check(make_repo(files), "OSS202", "OSS203") == []
    # A meta-package the README tells readers to pip install has an index page to describe.
    published = {**files, "README.md": "# Tutorials\n\n```\npip install lab-tutorials\n```\n"}
    assert sorted(f.code for f in check(make_repo(published), "OSS202", "OSS203")) == ["OSS202", "OSS203"]
    # Files forced into the wheel make it a package again.
    forced = pyproject + '[tool.hatch.build.targets.wheel.force-include]\n"lab" = "lab"\n'
    codes = sorted(f.code for f in check(make_repo({**files, "pyproject.toml": forced}), "OSS202", "OSS203"))
    assert codes == ["OSS202", "OSS203"]


def test_a_pixi_workspace_nothing_builds_needs_no_version_or_authors(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    # A tutorial website's [project] names its pixi environment; nobody builds or uploads it.
    pyproject = (
        '[project]\nname = "lab-tutorial"\ndescription = "Lab tutorial website"\nreadme = "README.md"\n'
        'requires-python = ">=3.10"\nclassifiers = ["Programming Language :: Python :: 3"]\n\n'
        '[tool.pixi.workspace]\nchannels = ["conda-forge"]\nplatforms = ["linux-64"]\n'
    )
    files = {"pyproject.toml": pyproject, "README.md": "# Lab tutorial\n\nThe website of the tutorial.\n"}
    assert check_unadopted(make_repo(files), "OSS201", "OSS207") == []
    # A uv.lock marks a uv workspace the same way.
    uv = {**files, "pyproject.toml": pyproject.partition("[tool.pixi")[0], "uv.lock": "version = 1\n"}
    assert check_unadopted(make_repo(uv), "OSS201", "OSS207") == []
    # Where the conventions apply in full, or a build system builds it, the version is wanted.
    assert [f.code for f in check(make_repo(files), "OSS201")] == ["OSS201"]
    built = {**files, "pyproject.toml": '[build-system]\nrequires = ["hatchling"]\n\n' + pyproject}
    assert sorted(f.code for f in check_unadopted(make_repo(built), "OSS201", "OSS207")) == [
        "OSS201",
        "OSS207",
    ]
    # Without pixi or uv it is a package pip would build, and fail to.
    plain = {**files, "pyproject.toml": pyproject.partition("[tool.pixi")[0]}
    assert sorted(f.code for f in check_unadopted(make_repo(plain), "OSS201", "OSS207")) == [
        "OSS201",
        "OSS207",
    ]


# -- OSS203 ----------------------------------------------------------------------------------
def test_missing_readme_key(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(repo_files(without('readme = "README.md"'))), "OSS203")
    assert where(findings) == [("OSS203", "pyproject.toml", PROJECT_LINE)]
    assert 'add readme = "README.md"' in findings[0].message


def test_an_application_run_from_its_checkout_needs_no_readme_or_authors_key(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # An ETL pipeline built with setuptools and run with `uv run python -m fft`: no package page.
    pyproject = (
        '[build-system]\nrequires = ["setuptools>=80"]\nbuild-backend = "setuptools.build_meta"\n\n'
        '[project]\nname = "fft"\nversion = "0.1.0"\ndescription = "Response processing pipeline"\n'
    )
    files = {
        "pyproject.toml": pyproject,
        "README.md": "# FFT pipeline\n\nRun it with `uv run python -m fft`.\n",
        "src/fft/__init__.py": "",
        "src/fft/__main__.py": "print(1)\n",
    }
    assert check_unadopted(make_repo(files), "OSS203", "OSS207") == []
    # A library other pipelines install names no owner otherwise: its authors are asked for.
    library = {k: v for k, v in files.items() if not k.endswith("__main__.py")}
    assert [f.code for f in check_unadopted(make_repo(library), "OSS203", "OSS207")] == ["OSS207"]
    # So is one others install from its repository, whatever it runs as.
    from_git = {**files, "README.md": "# FFT\n\n`pip install git+https://github.com/acme/fft@v2.1.0`\n"}
    assert [f.code for f in check_unadopted(make_repo(from_git), "OSS203", "OSS207")] == ["OSS207"]
    # A package on an index is told both, however its README spells the install.
    for line in ('pip install "fft[plot]"', "uv add fft", "poetry add fft"):
        offered = {**files, "README.md": f"# FFT\n\n`{line}`\n"}
        assert sorted(f.code for f in check_unadopted(make_repo(offered), "OSS203", "OSS207")) == [
            "OSS203",
            "OSS207",
        ], line
    # Offered on an index, the page shows both; a readme naming a missing file is wrong anywhere.
    offered = {**files, "README.md": "# FFT pipeline\n\n```\npip install fft\n```\n"}
    assert sorted(f.code for f in check_unadopted(make_repo(offered), "OSS203", "OSS207")) == [
        "OSS203",
        "OSS207",
    ]
    missing = {**files, "pyproject.toml": pyproject + 'readme = "README.rst"\nauthors = [{}]\n'}
    assert sorted(f.code for f in check_unadopted(make_repo(missing), "OSS203", "OSS207")) == [
        "OSS203",
        "OSS207",
    ]


def test_readme_names_a_file_that_does_not_exist(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(repo_files(edited('"README.md"', '"readme.rst"'))), "OSS203")
    assert where(findings) == [("OSS203", "pyproject.toml", README_LINE)]
    assert "readme names readme.rst, which does not exist" in findings[0].message


@pytest.mark.parametrize(
    "value",
    [
        '{ file = "README.md", content-type = "text/markdown" }',
        '{ text = "Forecasts.", content-type = "text/plain" }',
    ],
)
def test_readme_tables(make_repo: MakeRepo, check: Check, value: str) -> None:
    assert check(make_repo(repo_files(edited('"README.md"', value))), "OSS203") == []


def test_readme_table_without_file(make_repo: MakeRepo, check: Check) -> None:
    findings = check(
        make_repo(repo_files(edited('"README.md"', '{ content-type = "text/markdown" }'))), "OSS203"
    )
    assert where(findings) == [("OSS203", "pyproject.toml", README_LINE)]


# -- OSS204 / OSS205 ---------------------------------------------------------------------------
def test_missing_requires_python_suggests_the_recorded_minimum(make_repo: MakeRepo, check: Check) -> None:
    files = repo_files(without('requires-python = ">=3.11"'))
    files[".oss-template.json"] = json.dumps({"answers": {"python_min": "3.12"}})
    findings = check(make_repo(files), "OSS204", "OSS205")
    assert where(findings) == [("OSS204", "pyproject.toml", PROJECT_LINE)]
    assert 'add requires-python = ">=3.12"' in findings[0].message


@pytest.mark.parametrize("value", ['"3.11"', '"!=3.9"', '"python>=3.11"', '">=3.11,"', "311"])
def test_requires_python_without_a_usable_lower_bound(make_repo: MakeRepo, check: Check, value: str) -> None:
    findings = check(make_repo(repo_files(edited('">=3.11"', value))), "OSS204", "OSS205")
    assert where(findings) == [("OSS204", "pyproject.toml", REQUIRES_PYTHON_LINE)]


@pytest.mark.parametrize("value", ['"==3.11"', '"== 3"'])
def test_requires_python_pinned_to_a_bare_minor_admits_its_zero_release_only(
    make_repo: MakeRepo, check: Check, value: str
) -> None:
    # PEP 440 reads "==3.11" as "==3.11.0": every current 3.11 is refused. Said once, by OSS204.
    (finding,) = check(make_repo(repo_files(edited('">=3.11"', value))), "OSS204", "OSS205")
    assert (finding.code, "so installers refuse every later" in finding.message) == ("OSS204", True)
    # A whole minor version, or one release named in full, is a cap (OSS205's), not this.
    for capped in ('"==3.11.*"', '"==3.11.4"'):
        assert [
            f.code for f in check(make_repo(repo_files(edited('">=3.11"', capped))), "OSS204", "OSS205")
        ] == ["OSS205"]


@pytest.mark.parametrize("value", ['">=3.10"', '">3.9"', '">= 3.10, != 3.11.1"', '">=3.10.0rc1"'])
def test_requires_python_that_passes(make_repo: MakeRepo, check: Check, value: str) -> None:
    assert check(make_repo(repo_files(edited('">=3.11"', value))), "OSS204", "OSS205") == []


@pytest.mark.parametrize(
    "value", ['"~=3.10"', '">=3.10,<4"', '">=3.10, <4.0"', '">=3.10,==3.*"', '">=3.9,<=4"']
)
def test_a_bound_that_refuses_only_python_4_is_no_cap(make_repo: MakeRepo, check: Check, value: str) -> None:
    # ~=3.10 is >=3.10, ==3.*: every Python 3 from 3.10 on installs it.
    assert check(make_repo(repo_files(edited('">=3.11"', value))), "OSS205") == []


PUBLISH_WORKFLOW = "jobs:\n  release:\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n"


def test_a_cap_is_reported_elsewhere_only_in_a_project_on_a_package_index(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    capped = repo_files(edited('">=3.11"', '">=3.9, <3.10"'))
    # An application pinned to the Python it runs on, never uploaded anywhere: its own choice.
    assert check_unadopted(make_repo(capped), "OSS205") == []
    # The same cap on a package a CI job uploads, or whose README says to pip install it: reported.
    uploaded = {**capped, ".github/workflows/release.yml": PUBLISH_WORKFLOW}
    assert [f.code for f in check_unadopted(make_repo(uploaded), "OSS205")] == ["OSS205"]
    installed = {**capped, "README.md": "# Demand Forecasting\n\n    pip install demand_forecasting\n"}
    assert [f.code for f in check_unadopted(make_repo(installed), "OSS205")] == ["OSS205"]


@pytest.mark.parametrize(
    ("value", "col", "caps", "fix"),
    [
        ('">=3.10,<3.13"', 27, "'<3.13'", 'write requires-python = ">=3.10"'),
        ('">=3.10, <=3.12"', 28, "'<=3.12'", 'write requires-python = ">=3.10"'),
        ('"~=3.11.2"', 20, "'~=3.11.2'", 'write requires-python = ">=3.11.2"'),
        ('"==3.11.*"', 20, "'==3.11.*'", 'write requires-python = ">=3.11"'),
        ('"<3.13"', 20, "'<3.13'", "drop the upper bound"),
    ],
)
def test_requires_python_cap(
    make_repo: MakeRepo, check: Check, value: str, col: int, caps: str, fix: str
) -> None:
    # Selected by name: the conventions apply in full, published or not.
    findings = check(make_repo(repo_files(edited('">=3.11"', value))), "OSS205")
    assert [(f.code, f.path, f.line, f.col) for f in findings] == [
        ("OSS205", "pyproject.toml", REQUIRES_PYTHON_LINE, col)
    ]
    assert f"caps the Python version with {caps}" in findings[0].message
    assert findings[0].message.endswith(fix)


# -- OSS206 ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    [
        '"MIT"',
        '"mit"',
        '"MIT OR Apache-2.0"',
        '"(MIT OR Apache-2.0) AND BSD-3-Clause"',
        '"GPL-3.0-or-later WITH Classpath-exception-2.0"',
        '"LicenseRef-Proprietary"',
        '"Apache-2.0"',
    ],
)
def test_spdx_expressions_that_pass(make_repo: MakeRepo, check: Check, value: str) -> None:
    assert check(make_repo(repo_files(edited('"MIT"', value))), "OSS206") == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            '"Proprietary"',
            'license = "Proprietary" is not an SPDX identifier: write license = "LicenseRef-Proprietary"',
        ),
        ('"MIT License"', 'license = "MIT License" is not an SPDX identifier: write license = "MIT"'),
        ('"Apache 2.0"', 'license = "Apache 2.0" is not an SPDX identifier: write license = "Apache-2.0"'),
        ('"BSD"', 'license = "BSD" is not an SPDX identifier: write license = "BSD-3-Clause"'),
        (
            '"MIT Apache-2.0"',
            (
                "license = \"MIT Apache-2.0\" is not an SPDX license expression ('Apache-2.0' is not expected "
                'there (join identifiers with AND or OR)): write e.g. license = "MIT"'
            ),
        ),
        (
            '"(MIT OR Apache-2.0"',
            (
                'license = "(MIT OR Apache-2.0" is not an SPDX license expression (a parenthesis is not closed): '
                'write e.g. license = "MIT"'
            ),
        ),
        ('""', 'license = "" is not an SPDX license expression (it is empty): write e.g. license = "MIT"'),
        (
            '{ text = "MIT" }',
            (
                'pyproject.toml license uses the old table form: write license = "MIT" and '
                'license-files = ["LICENSE"] (PEP 639)'
            ),
        ),
        (  # a version without "or later" is that version, whatever the LICENSE text can say
            '{ text = "GPL-3.0" }',
            (
                'pyproject.toml license uses the old table form: write license = "GPL-3.0-only" and '
                'license-files = ["LICENSE"] (PEP 639)'
            ),
        ),
        (  # the table names a file that is not there: the advice names the one that is
            '{ file = "LICENSE.txt" }',
            (
                'pyproject.toml license uses the old table form: write license = "MIT" '
                'and license-files = ["LICENSE"] (PEP 639)'
            ),
        ),
        ("42", 'pyproject.toml license must be a string such as "MIT"'),
    ],
)
def test_license_values_that_fail(make_repo: MakeRepo, check: Check, value: str, message: str) -> None:
    findings = check(make_repo(repo_files(edited('"MIT"', value))), "OSS206")
    assert where(findings) == [("OSS206", "pyproject.toml", LICENSE_LINE)]
    assert findings[0].message == message


def test_the_old_table_form_names_the_license_file_the_repository_has(
    make_repo: MakeRepo, check: Check
) -> None:
    # The only license text is `_LICENCE.md`: the advice must name it, not a LICENSE that is not there.
    files = {k: v for k, v in repo_files(edited('"MIT"', '{ text = "MIT" }')).items() if k != "LICENSE"}
    files["_LICENCE.md"] = repo_files()["LICENSE"]
    (finding,) = check(make_repo(files), "OSS206")
    assert finding.message.endswith('and license-files = ["_LICENCE.md"] (PEP 639)')


def test_two_licenses_of_other_names_are_no_one_license_file(make_repo: MakeRepo, check: Check) -> None:
    # LICENSE-APACHE beside LICENSE-MIT: the advice must not pick one of them.
    files = {k: v for k, v in repo_files(edited('"MIT"', '{ text = "MIT" }')).items() if k != "LICENSE"}
    files["LICENSE-MIT"] = repo_files()["LICENSE"]
    files["LICENSE-APACHE"] = "Apache License\nVersion 2.0, January 2004\n"
    (finding,) = check(make_repo(files), "OSS206")
    assert "LICENSE-APACHE" not in finding.message
    assert check(make_repo(files), "OSS112") == []


def test_license_only_as_classifier(make_repo: MakeRepo, check: Check) -> None:
    pyproject = without('license = "MIT"').replace(
        '  "Programming Language :: Python :: 3",\n',
        '  "Programming Language :: Python :: 3",\n  "License :: OSI Approved :: MIT License",\n',
    )
    findings = check(make_repo(repo_files(pyproject)), "OSS206")
    assert where(findings) == [("OSS206", "pyproject.toml", 17)]
    # Both at once are refused by setuptools, so the advice says to delete the classifier too.
    assert findings[0].message.endswith(
        'add license = "MIT" to [project] and delete the License classifiers it replaces (PEP 639; '
        "setuptools refuses both)"
    )


def test_the_old_table_form_beside_a_classifier_is_told_to_drop_it(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('"MIT"', '{ text = "MIT" }').replace(
        '  "Programming Language :: Python :: 3",\n',
        '  "Programming Language :: Python :: 3",\n  "License :: OSI Approved :: MIT License",\n',
    )
    (finding,) = check(make_repo(repo_files(pyproject)), "OSS206")
    assert finding.message.endswith(
        'license-files = ["LICENSE"], and delete the License classifiers it replaces (PEP 639)'
    )


def test_missing_license_suggests_from_the_license_text(make_repo: MakeRepo, check: Check) -> None:
    files = repo_files(without('license = "MIT"'))
    files["LICENSE"] = "Copyright 2026 Acme. All rights reserved.\n"
    findings = check(make_repo(files), "OSS206")
    assert where(findings) == [("OSS206", "pyproject.toml", PROJECT_LINE)]
    assert 'add license = "LicenseRef-Proprietary"' in findings[0].message


# -- OSS207 ----------------------------------------------------------------------------------
def test_missing_authors(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited(
        'authors = [\n  { name = "Data Science Team", email = "data-science@example.com" },\n]\n', ""
    )
    assert where(check(make_repo(repo_files(pyproject)), "OSS207")) == [
        ("OSS207", "pyproject.toml", PROJECT_LINE)
    ]


@pytest.mark.parametrize("entry", ["{}", '{ name = "" }', '"Data Science Team"'])
def test_author_without_name_or_email(make_repo: MakeRepo, check: Check, entry: str) -> None:
    pyproject = edited('{ name = "Data Science Team", email = "data-science@example.com" }', entry)
    findings = check(make_repo(repo_files(pyproject)), "OSS207")
    assert where(findings) == [("OSS207", "pyproject.toml", AUTHORS_LINE)]
    assert "author 1 has neither a name nor an email" in findings[0].message


def test_author_with_email_only(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('name = "Data Science Team", email', "email")
    assert check(make_repo(repo_files(pyproject)), "OSS207") == []


# -- OSS208 ----------------------------------------------------------------------------------
def test_missing_issue_tracker(make_repo: MakeRepo, check: Check) -> None:
    findings = check(
        make_repo(repo_files(without('Issues = "https://github.com/example-org/demand-forecasting/issues"'))),
        "OSS208",
    )
    assert where(findings) == [("OSS208", "pyproject.toml", URLS_LINE)]
    assert findings[0].message.endswith(
        'add Issues = "https://github.com/example-org/demand-forecasting/issues"'
    )


def test_a_docs_site_on_a_forge_is_not_the_repository(make_repo: MakeRepo, check: Check) -> None:
    urls = '[project.urls]\nHomepage = "https://example-org.github.io/demand-forecasting/"\n'
    findings = check(make_repo(repo_files(WITHOUT_URLS + "\n" + urls)), "OSS208")
    expected = (
        "pyproject.toml [project.urls] has no link to the source code or the issue tracker: "
        "add Source and Issues with the repository's web address"
    )
    assert [f.message for f in findings] == [expected], "no tracker under the docs site is suggested"


def test_missing_urls_suggest_the_recorded_repository(make_repo: MakeRepo, check: Check) -> None:
    pyproject = WITHOUT_URLS
    files = repo_files(pyproject)
    files[".oss-template.json"] = json.dumps({"answers": {"repository_url": "https://gitlab.com/team/churn"}})
    findings = check(make_repo(files), "OSS208")
    assert where(findings) == [("OSS208", "pyproject.toml", PROJECT_LINE)]  # one finding for one table
    assert findings[0].message == (
        "pyproject.toml [project.urls] has no link to the source code or the issue tracker: add "
        'Source = "https://gitlab.com/team/churn" and Issues = "https://gitlab.com/team/churn/-/issues"'
    )


def test_missing_urls_elsewhere_need_a_package_index_and_a_known_address(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    mkdocs = "site_name: Churn\nrepo_url: https://github.com/Team-A/churn_model\n"
    # An internal pipeline nobody uploads: no index page shows the links.
    assert check_unadopted(make_repo({**repo_files(WITHOUT_URLS), "docs/mkdocs.yml": mkdocs}), "OSS208") == []
    # Uploaded, but nothing states the repository's address: no placeholder URL is offered.
    uploaded = {**repo_files(WITHOUT_URLS), ".github/workflows/release.yml": PUBLISH_WORKFLOW}
    assert check_unadopted(make_repo(uploaded), "OSS208") == []
    # Uploaded, with the address in mkdocs.yml: one finding, with that address as written.
    findings = check_unadopted(make_repo({**uploaded, "docs/mkdocs.yml": mkdocs}), "OSS208")
    assert [f.message for f in findings] == [
        (
            "pyproject.toml [project.urls] has no link to the source code or the issue tracker: add "
            'Source = "https://github.com/Team-A/churn_model" and Issues = "https://github.com/Team-A/churn_model/issues"'
        )
    ]
    # A README badge of the package's own PyPI page is publication evidence too; the real finding stays.
    readme = "# Demand Forecasting\n\n[![PyPI](https://img.shields.io/pypi/v/demand-forecasting.svg)](x)\n"
    no_tracker = without('Issues = "https://github.com/example-org/demand-forecasting/issues"')
    findings = check_unadopted(make_repo({**repo_files(no_tracker), "README.md": readme}), "OSS208")
    assert [f.message for f in findings] == [
        (
            "pyproject.toml [project.urls] has no link to the issue tracker: add "
            'Issues = "https://github.com/example-org/demand-forecasting/issues"'
        )
    ]


@pytest.mark.parametrize(
    "urls",
    [
        'Homepage = "https://gitlab.company.net/team/churn"\n"Bug Tracker" = "https://jira.company.net/CHURN"\n',
        'repository = "https://github.com/a/b"\ntracker = "https://github.com/a/b/issues"\n',
        'Code = "https://codeberg.org/a/b"\nissues = "https://codeberg.org/a/b/issues"\n',
    ],
)
def test_url_labels_that_pass(make_repo: MakeRepo, check: Check, urls: str) -> None:
    pyproject = WITHOUT_URLS + "[project.urls]\n" + urls
    assert check(make_repo(repo_files(pyproject)), "OSS208") == []


def test_the_repository_address_under_any_label_is_the_source(make_repo: MakeRepo, check: Check) -> None:
    # The label is the project's choice; the address says what the link is.
    urls = 'Download = "https://github.com/a/b/"\nIssues = "https://github.com/a/b/issues"\n'
    assert check(make_repo(repo_files(WITHOUT_URLS + "[project.urls]\n" + urls)), "OSS208") == []
    # A page below the repository (its releases) is not the source code.
    urls = 'Download = "https://github.com/a/b/releases"\nIssues = "https://github.com/a/b/issues"\n'
    findings = check(make_repo(repo_files(WITHOUT_URLS + "[project.urls]\n" + urls)), "OSS208")
    assert [f.message for f in findings] == [
        'pyproject.toml [project.urls] has no link to the source code: add Source = "https://github.com/a/b"'
    ]


def test_homepage_off_a_git_host_is_not_the_source(make_repo: MakeRepo, check: Check) -> None:
    urls = 'Homepage = "https://docs.company.net/churn"\nIssues = "https://jira.company.net/CHURN"\n'
    pyproject = WITHOUT_URLS + "[project.urls]\n" + urls
    findings = check(make_repo(repo_files(pyproject)), "OSS208")
    assert where(findings) == [("OSS208", "pyproject.toml", URLS_LINE)]
    assert "no link to the source code" in findings[0].message


def test_non_http_urls_do_not_count(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('Source = "https://github.com', 'Source = "git@github.com:').replace(
        "git@github.com:/", "git@github.com:"
    )
    assert [f.code for f in check(make_repo(repo_files(pyproject)), "OSS208")] == ["OSS208"]


# -- OSS209 ----------------------------------------------------------------------------------
def test_missing_classifiers(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited(
        'classifiers = [\n  "Programming Language :: Python :: 3",\n  "Programming Language :: Python :: 3.11",\n'
        '  "Programming Language :: Python :: 3.12",\n]\n',
        "",
    )
    findings = check(make_repo(repo_files(pyproject)), "OSS209")
    assert where(findings) == [("OSS209", "pyproject.toml", PROJECT_LINE)]
    assert load_rules()["OSS209"].severity.value == "warning"


def test_missing_classifiers_elsewhere_only_on_a_package_index(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    pyproject = edited(
        'classifiers = [\n  "Programming Language :: Python :: 3",\n  "Programming Language :: Python :: 3.11",\n'
        '  "Programming Language :: Python :: 3.12",\n]\n',
        "",
    )
    # The environment of a competition solution, never uploaded: classifiers would serve nobody.
    assert check_unadopted(make_repo(repo_files(pyproject)), "OSS209") == []
    uploaded = {**repo_files(pyproject), ".github/workflows/release.yml": PUBLISH_WORKFLOW}
    assert [f.code for f in check_unadopted(make_repo(uploaded), "OSS209")] == ["OSS209"]


def test_classifiers_without_python(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited(
        '  "Programming Language :: Python :: 3",\n  "Programming Language :: Python :: 3.11",\n'
        '  "Programming Language :: Python :: 3.12",\n',
        '  "Typing :: Typed",\n',
    )
    assert where(check(make_repo(repo_files(pyproject)), "OSS209")) == [
        ("OSS209", "pyproject.toml", CLASSIFIERS_LINE)
    ]


def test_classifiers_without_python_elsewhere_only_on_a_package_index(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # An internal tool shipped as a container: its classifiers reach no index's reader.
    pyproject = edited(
        '  "Programming Language :: Python :: 3",\n  "Programming Language :: Python :: 3.11",\n'
        '  "Programming Language :: Python :: 3.12",\n',
        '  "Typing :: Typed",\n',
    )
    assert check_unadopted(make_repo(repo_files(pyproject)), "OSS209") == []
    uploaded = {**repo_files(pyproject), ".github/workflows/release.yml": PUBLISH_WORKFLOW}
    assert [f.code for f in check_unadopted(make_repo(uploaded), "OSS209")] == ["OSS209"]


def test_classifier_for_an_excluded_python(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('"Programming Language :: Python :: 3.11"', '"Programming Language :: Python :: 3.9"')
    findings = check(make_repo(repo_files(pyproject)), "OSS209")
    assert [(f.code, f.line, f.col) for f in findings] == [("OSS209", 18, 4)]
    assert (
        "'Programming Language :: Python :: 3.9' names a Python that requires-python (>=3.11)"
        in findings[0].message
    )


def test_license_classifier_next_to_an_expression(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited(
        '  "Programming Language :: Python :: 3",\n',
        '  "License :: OSI Approved :: MIT License",\n  "Programming Language :: Python :: 3",\n',
    )
    findings = check(make_repo(repo_files(pyproject)), "OSS209")
    assert [(f.code, f.line, f.col) for f in findings] == [("OSS209", 17, 4)]
    assert "PEP 639 replaces License classifiers" in findings[0].message


# -- shared behaviour --------------------------------------------------------------------------
def test_packaging_rules_are_repository_rules(make_repo: MakeRepo, check: Check) -> None:
    assert all(load_rules()[code].scope is Scope.REPO for code in PACKAGING_CODES)
    root = make_repo(repo_files(without('description = "Forecast weekly demand from sales history."')))
    assert check(root, *PACKAGING_CODES, files=["pyproject.toml"]) == []
    assert where(check(root, *PACKAGING_CODES)) == [("OSS202", "pyproject.toml", PROJECT_LINE)]


def test_everything_dynamic_is_left_to_the_backend(make_repo: MakeRepo, check: Check) -> None:
    pyproject = (
        '[project]\nname = "x"\ndynamic = ["version", "description", "readme", "requires-python", '
        '"license", "authors", "urls", "classifiers"]\n'
    )
    assert check(make_repo(repo_files(pyproject)), *PACKAGING_CODES) == []


def test_project_that_is_not_a_table(make_repo: MakeRepo, run_checks: Run) -> None:
    result = run_checks(make_repo(repo_files('project = "demand"\n')), *PACKAGING_CODES)
    assert result.errors == []
    assert where(result.findings) == [("OSS201", "pyproject.toml", 1)]


def test_odd_value_types_never_crash(make_repo: MakeRepo, run_checks: Run) -> None:
    pyproject = (
        "[project]\nname = 1\nversion = []\ndescription = {}\nreadme = 3\nrequires-python = []\n"
        'license = []\nauthors = "me"\nclassifiers = "Typing :: Typed"\nurls = "https://x"\n'
        "dynamic = 7\n"
    )
    result = run_checks(make_repo(repo_files(pyproject)), *PACKAGING_CODES)
    assert result.errors == []
    assert {f.code for f in result.findings} == set(PACKAGING_CODES) - {"OSS205"}


def test_readme_path_with_a_nul_byte(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo(repo_files(edited('"README.md"', '"READ\\u0000ME.md"'))), "OSS203")
    assert where(findings) == [("OSS203", "pyproject.toml", README_LINE)]


# -- where the conventions were not adopted: what precision-before.md found misread -----------
TOOLS_ONLY = '[tool.black]\nline-length = 100\n\n[tool.isort]\nprofile = "black"\n'
SETUP_PY = 'from setuptools import setup\n\nsetup(name="src", version="0.1.0")\n'


@pytest.mark.parametrize(
    "files",
    [
        {"README.md": "# Course\n"},  # no pyproject.toml at all: a book, a course, a competition
        {"pyproject.toml": TOOLS_ONLY},  # an application that configures its linters there
        {"pyproject.toml": TOOLS_ONLY, "setup.py": SETUP_PY},  # the cookiecutter-data-science layout
        {"pyproject.toml": '[build-system]\nrequires = ["setuptools"]\n', "setup.py": SETUP_PY},
        {
            "pyproject.toml": '[build-system]\nrequires = ["setuptools"]\n',
            "setup.cfg": "[metadata]\nname = churn\nversion = 0.1\n",
        },
        {
            "pyproject.toml": '[tool.poetry]\nname = "streamlining"\nversion = "0.1.0"\n\n'
            '[build-system]\nrequires = ["poetry-core>=1.0"]\nbuild-backend = "poetry.core.masonry.api"\n'
        },
        {
            "pyproject.toml": '[tool.poetry]\npackage-mode = false\n\n[tool.poetry.dependencies]\npython = "^3.11"\n'
        },
        {  # Poetry is told it is no package; the [build-system] its template wrote builds nothing
            "pyproject.toml": '[tool.poetry]\nname = "healthfair"\nversion = "0.1.0"\npackage-mode = false\n\n'
            '[build-system]\nrequires = ["poetry-core"]\nbuild-backend = "poetry.core.masonry.api"\n'
        },
        {
            "pyproject.toml": '[build-system]\nrequires = ["maturin"]\nbuild-backend = "maturin"\n',
            "Cargo.toml": '[package]\nname = "fast"\nversion = "0.1.0"\n',
        },
    ],
)
def test_no_project_metadata_is_fine_where_nothing_builds_from_it(
    make_repo: MakeRepo, check_unadopted: Check, files: dict[str, str]
) -> None:
    assert check_unadopted(make_repo(files), *PACKAGING_CODES) == []


def test_an_environment_that_says_it_is_no_package_needs_no_package_metadata(
    make_repo: MakeRepo, check: Check
) -> None:
    # A uv workspace of analyses: [project] lists what the environment needs, nothing is built.
    uv = '[project]\nname = "analyses"\nversion = "0.1.0"\ndependencies = []\n\n[tool.uv]\npackage = false\n'
    assert check(make_repo({"pyproject.toml": uv}), *PACKAGING_CODES) == []
    built = uv.replace("package = false", "package = true")
    # Built so that its code imports, but nothing describes or publishes it: a dependency manifest.
    assert check(make_repo({"pyproject.toml": built}), "OSS202", "OSS207") == []
    offered = {"pyproject.toml": built, "README.md": "# Analyses\n\n    pip install analyses\n"}
    assert {f.code for f in check(make_repo(offered), "OSS202", "OSS207")} == {"OSS202", "OSS207"}


def test_the_conventions_still_ask_for_a_project_table(make_repo: MakeRepo, check: Check) -> None:
    findings = check(make_repo({"pyproject.toml": TOOLS_ONLY, "setup.py": SETUP_PY}), "OSS201")
    assert where(findings) == [("OSS201", "pyproject.toml", 0)]
    assert "no [project] table" in findings[0].message


def test_poetry_metadata_counts_in_full_too(make_repo: MakeRepo, check: Check) -> None:
    pyproject = '[tool.poetry]\nname = "streamlining"\nversion = "0.1.0"\n'
    assert check(make_repo({"pyproject.toml": pyproject}), "OSS201") == []


def test_a_build_system_without_metadata_is_broken_everywhere(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    pyproject = '[tool.ruff]\nline-length = 100\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
    findings = check_unadopted(make_repo({"pyproject.toml": pyproject}), *PACKAGING_CODES)
    assert where(findings) == [("OSS201", "pyproject.toml", 4)]
    assert "no package metadata" in findings[0].message


@pytest.mark.parametrize("pyproject", ["[project\n", b"\xff\xfe", '[project]\nversion = "1"\n'])
def test_broken_metadata_is_reported_where_the_conventions_were_not_adopted(
    make_repo: MakeRepo, check_unadopted: Check, pyproject: str | bytes
) -> None:
    assert [f.code for f in check_unadopted(make_repo({"pyproject.toml": pyproject}), "OSS201")] == ["OSS201"]


def test_maintainers_name_the_package_s_people(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited("authors = [", "maintainers = [")
    assert check(make_repo(repo_files(pyproject)), "OSS207") == []


def test_a_maintainer_without_name_or_email(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited(
        'authors = [\n  { name = "Data Science Team", email = "data-science@example.com" },\n]\n',
        "maintainers = [{}]\n",
    )
    findings = check(make_repo(repo_files(pyproject)), "OSS207")
    assert where(findings) == [("OSS207", "pyproject.toml", AUTHORS_LINE)]
    assert "maintainer 1 has neither a name nor an email" in findings[0].message


DEP5 = """\
Files: *
Copyright: 2009-2022 the image team
License: BSD-3-clause

Files: skimage/_shared/vendored.py
Copyright: 2003 Someone Else
License: MIT
"""


def test_dep5_license_file_suggests_the_license_of_files_star(make_repo: MakeRepo, check: Check) -> None:
    files = repo_files(edited('license = "MIT"', 'license = { file = "LICENSE.txt" }'))
    files["LICENSE.txt"] = DEP5
    findings = check(make_repo(files), "OSS206")
    assert where(findings) == [("OSS206", "pyproject.toml", LICENSE_LINE)]
    assert findings[0].message == (
        'pyproject.toml license uses the old table form: write license = "BSD-3-Clause" (the license of '
        "Files: * in LICENSE.txt; if the package ships the bundled files under MIT, join them with AND) and "
        'license-files = ["LICENSE.txt"] (PEP 639)'
    )


def test_a_license_file_naming_several_licenses_gets_no_guess(make_repo: MakeRepo, check: Check) -> None:
    files = repo_files(without('license = "MIT"'))
    files["LICENSE"] = MIT_START + "\nBundled code:\n\n" + "Apache License\nVersion 2.0, January 2004\n"
    findings = check(make_repo(files), "OSS206")
    assert where(findings) == [("OSS206", "pyproject.toml", PROJECT_LINE)]
    assert '"MIT"' in findings[0].message  # only as an example of the form
    assert "the SPDX expression of the licenses in LICENSE" in findings[0].message


def test_classifier_suggests_its_license_when_there_is_no_license_file(
    make_repo: MakeRepo, check: Check
) -> None:
    pyproject = without('license = "MIT"').replace(
        '  "Programming Language :: Python :: 3",\n',
        '  "Programming Language :: Python :: 3",\n  "License :: OSI Approved :: Apache Software License",\n',
    )
    files = repo_files(pyproject)
    del files["LICENSE"]
    findings = check(make_repo(files), "OSS206")
    assert 'add license = "Apache-2.0" to [project]' in findings[0].message


GPL2_TEXT = "GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n\n" + "Terms and conditions. " * 40


@pytest.mark.parametrize(
    ("classifiers", "suggested"),
    [
        (["GNU General Public License v2 (GPLv2)"], 'add license = "GPL-2.0-only" to [project]'),
        (
            ["GNU General Public License v2 or later (GPLv2+)"],
            'add license = "GPL-2.0-or-later" to [project]',
        ),
        # "v2" beside "v2 or later" says no grant, and the text alone says none either.
        (
            ["GNU General Public License v2 (GPLv2)", "GNU General Public License v2 or later (GPLv2+)"],
            'add license = "GPL-2.0-only" or "GPL-2.0-or-later", as the project grants later versions or not',
        ),
    ],
)
def test_a_gnu_license_text_takes_its_grant_from_the_classifier(
    make_repo: MakeRepo, check: Check, classifiers: list[str], suggested: str
) -> None:
    # The GPL's text is the same for "v2" and "v2 or later": the classifier says which is granted.
    listed = "".join(f'  "License :: OSI Approved :: {classifier}",\n' for classifier in classifiers)
    pyproject = without('license = "MIT"').replace(
        '  "Programming Language :: Python :: 3",\n', '  "Programming Language :: Python :: 3",\n' + listed
    )
    files = repo_files(pyproject)
    files["LICENSE"] = GPL2_TEXT
    (finding,) = check(make_repo(files), "OSS206")
    assert suggested in finding.message


def test_a_gnu_license_text_alone_or_a_dep5_file_is_not_overridden(make_repo: MakeRepo, check: Check) -> None:
    files = repo_files(without('license = "MIT"'))
    files["LICENSE"] = GPL2_TEXT
    (finding,) = check(make_repo(files), "OSS206")
    assert 'add license = "GPL-2.0-only" or "GPL-2.0-or-later", as the project grants' in finding.message
    # A DEP-5 file names the identifier itself; a classifier does not change it.
    files["LICENSE"] = (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
        "Files: *\nCopyright: 2026 Acme\nLicense: GPL-2.0-only\n"
    )
    files["pyproject.toml"] = str(files["pyproject.toml"]).replace(
        '  "Programming Language :: Python :: 3",\n',
        '  "Programming Language :: Python :: 3",\n  "License :: OSI Approved :: GNU General Public License v2 or '
        'later (GPLv2+)",\n',
    )
    (finding,) = check(make_repo(files), "OSS206")
    assert 'add license = "GPL-2.0-only" to [project]' in finding.message


@pytest.mark.parametrize(
    ("label", "url", "fix"),
    [
        (
            "Source",
            "https://github.com/example-org/demand-forecasting/issues",
            "https://github.com/example-org/demand-forecasting",
        ),
        ('"Source Code"', "https://gitlab.com/team/churn/-/issues/", "https://gitlab.com/team/churn"),
    ],
)
def test_source_link_pointing_at_the_issue_tracker(
    make_repo: MakeRepo, check: Check, label: str, url: str, fix: str
) -> None:
    pyproject = WITHOUT_URLS + f'[project.urls]\n{label} = "{url}"\n'
    findings = check(make_repo(repo_files(pyproject)), "OSS208")
    assert where(findings) == [("OSS208", "pyproject.toml", URLS_LINE + 1)]
    written = label.strip('"')
    assert findings[0].message == (
        f'{written} = "{url}" points at the issue tracker, not the source code: write '
        f'{written} = "{fix}" and Issues = "{url}"'
    )


# -- the standards' schema, through validate-pyproject ------------------------------------------
@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            'requires-python = ">=3.11"',
            'requires_python = ">=3.11"',
            REQUIRES_PYTHON_LINE,
            "[project] has the key 'requires_python', which no standard defines (did you mean 'requires-python'?)",
        ),
        (
            'build-backend = "hatchling.build"',
            'build_backend = "hatchling.build"',
            3,
            "[build-system] has the key 'build_backend', which no standard defines (did you mean 'build-backend'?)",
        ),
        (
            'version = "0.1.0"',
            'version = "0.1.0"\ndependencies = "numpy"',
            8,
            "`project.dependencies` must be array",
        ),
    ],
)
def test_keys_and_values_the_standards_do_not_allow(
    make_repo: MakeRepo, check_unadopted: Check, old: str, new: str, line: int, message: str
) -> None:
    findings = check_unadopted(make_repo(repo_files(edited(old, new))), "OSS201")
    assert where(findings) == [("OSS201", "pyproject.toml", line)]
    assert findings[0].message == f"pyproject.toml {message}: build tools reject the file; fix or remove it"


def test_every_schema_problem_is_found_not_only_the_first(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('version = "0.1.0"', 'version = "0.1.0"\nlicence = "MIT"\nscripts = 3\nkeywords = "a"')
    findings = check(make_repo(repo_files(pyproject)), "OSS201")
    assert sorted(f.line for f in findings) == [8, 9, 10]
    assert {f.message.split(":")[0] for f in findings} == {
        "pyproject.toml [project] has the key 'licence', which no standard defines (did you mean 'license'?)",
        "pyproject.toml `project.scripts` must be object",
        "pyproject.toml `project.keywords` must be array",
    }


def test_schema_problems_after_a_missing_name_are_found_too(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('name = "demand-forecasting"', 'nmae = "demand-forecasting"')
    messages = [f.message for f in check(make_repo(repo_files(pyproject)), "OSS201")]
    assert len(messages) == 2
    assert "has no name" in messages[0]
    assert "'nmae', which no standard defines (did you mean 'name'?)" in messages[1]


def test_a_missing_name_beside_a_dynamic_version(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('name = "demand-forecasting"\nversion = "0.1.0"', 'dynamic = ["version"]')
    findings = check(make_repo(repo_files(pyproject)), "OSS201")
    assert [f.message.split(":")[0] for f in findings] == ["pyproject.toml [project] has no name"]


def test_a_build_system_without_requires(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('requires = ["hatchling>=1.27"]\n', "")
    findings = check(make_repo(repo_files(pyproject)), "OSS201")
    assert where(findings) == [("OSS201", "pyproject.toml", 1)]
    assert "`build-system` must contain ['requires'] properties" in findings[0].message


def test_schema_problems_other_rules_report_are_left_to_them(make_repo: MakeRepo, check: Check) -> None:
    pyproject = edited('license = "MIT"', "license = 42")
    findings = check(make_repo(repo_files(pyproject)), *PACKAGING_CODES)
    assert [f.code for f in findings] == ["OSS206"]


def test_without_validate_pyproject_the_schema_is_skipped(
    make_repo: MakeRepo, check: Check, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oss_checks.rules import packaging

    monkeypatch.setitem(sys.modules, "validate_pyproject", None)  # an import of it now fails
    packaging._schema_validator.cache_clear()
    try:
        root = make_repo(repo_files(edited("requires-python", "requires_python")))
        findings = check(root, *PACKAGING_CODES)
    finally:
        packaging._schema_validator.cache_clear()
    assert where(findings) == [("OSS204", "pyproject.toml", PROJECT_LINE)]  # the rest still runs


# -- hostile files (issue 12): linear in their size ----------------------------------------------
@pytest.mark.parametrize(
    "value",
    ['"MIT"' + " " * 80_000, '"MIT' + " " * 80_000 + '"', '"MIT' + " (" * 40_000 + '"'],
)
def test_a_license_with_80000_spaces_is_read_at_once(
    make_repo: MakeRepo, run_checks: Run, value: str
) -> None:
    result = run_checks(make_repo(repo_files(edited('"MIT"', value))), *PACKAGING_CODES)
    assert result.errors == []


def test_a_header_like_line_with_80000_spaces_is_read_at_once(make_repo: MakeRepo, check: Check) -> None:
    # Inside a multi-line string: valid TOML, and every line is still scanned for headers and keys.
    pyproject = WITHOUT_URLS + '[tool.notes]\ntext = """\n[' + " " * 80_000 + 'x\n"""\n'
    findings = check(make_repo(repo_files(pyproject)), *PACKAGING_CODES)
    assert [f.code for f in findings] == ["OSS208"]


def test_validate_pyproject_is_imported_only_by_a_whole_repository_check(make_repo: MakeRepo) -> None:
    root = make_repo(repo_files(edited("requires-python", "requires_python")))
    script = (
        "import sys\nfrom oss_checks import engine\n"
        f"engine.check(__import__('pathlib').Path({str(root)!r}), files=['pyproject.toml'])\n"
        "print('validate_pyproject' in sys.modules)\n"
        f"engine.check(__import__('pathlib').Path({str(root)!r}))\n"
        "print('validate_pyproject' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]  # the per-file hook never pays for it


# -- precision round 2: what unpublished projects and template residue say ------------------------
def test_old_license_forms_elsewhere_only_in_a_project_on_a_package_index(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    table = repo_files(edited('license = "MIT"', 'license = { file = "LICENSE" }'))
    assert check_unadopted(make_repo(table), "OSS206") == []
    uploaded = {**table, ".github/workflows/release.yml": PUBLISH_WORKFLOW}
    assert [f.code for f in check_unadopted(make_repo(uploaded), "OSS206")] == ["OSS206"]
    # A value build tools reject is broken metadata: reported published or not.
    rejected = repo_files(edited('license = "MIT"', 'license = "Apache 2.0"'))
    assert [f.code for f in check_unadopted(make_repo(rejected), "OSS206")] == ["OSS206"]


def test_template_placeholders_in_package_metadata(make_repo: MakeRepo, check_unadopted: Check) -> None:
    pyproject = (
        edited("Forecast weekly demand from sales history.", "A short description of the project.")
        + '\n[tool.poetry]\nname = "x"\nversion = "0.1.0"\ndescription = "Add a short description here"\n'
        'authors = ["Your Name <you@example.com>"]\n'
    )
    setup_py = (
        "from setuptools import setup\nsetup(\n    name='x',\n    description='A short description of the project.',\n"
        "    author='Your name (or your organization/company/team)',\n)\n"
    )
    findings = check_unadopted(make_repo({**repo_files(pyproject), "setup.py": setup_py}), "OSS202", "OSS207")
    assert sorted((f.code, f.path, f.line) for f in findings) == [
        ("OSS202", "pyproject.toml", DESCRIPTION_LINE),
        ("OSS202", "pyproject.toml", 29),
        ("OSS202", "setup.py", 4),
        ("OSS207", "pyproject.toml", 30),
        ("OSS207", "setup.py", 5),
    ]
    assert "still the template's placeholder 'A short description of the project.'" in findings[0].message


@pytest.mark.parametrize(
    "description",
    [
        "A short description of how we forecast demand.",
        "Description logic for sales reports",
        "Your Name Generator",
    ],
)
def test_a_description_in_the_authors_words_is_no_placeholder(
    make_repo: MakeRepo, check: Check, description: str
) -> None:
    pyproject = edited("Forecast weekly demand from sales history.", description)
    assert check(make_repo(repo_files(pyproject)), "OSS202", "OSS207") == []


def test_the_old_license_table_advice_names_the_license_file_that_exists(
    make_repo: MakeRepo, check: Check
) -> None:
    pyproject = WITHOUT_URLS.replace('license = "MIT"', 'license = { file = "LICENSE" }')
    files = {**repo_files(pyproject), "LICENSE.txt": "MIT License\n"}
    files.pop("LICENSE", None)
    messages = [f.message for f in check(make_repo(files), "OSS206")]
    assert any('license-files = ["LICENSE.txt"]' in message for message in messages), messages
