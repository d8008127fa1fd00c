"""Tests and docs rules (OSS501-OSS503)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import Check, MakeRepo
from oss_checks.registry import Finding

TEST_MODULE = "from pkg.metrics import mae\n\n\ndef test_mae() -> None:\n    assert mae([1], [1]) == 0\n"
MKDOCS = """\
site_name: Demand Forecasting
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
extra:
  analytics: !ENV [ANALYTICS_ID, none]
"""


def where(findings: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in findings]


def record(**answers: Any) -> str:
    return json.dumps({"template": "oss-template", "version": "0.1.0", "answers": answers})


def options(**values: Any) -> str:
    lines = ["[tool.oss-checks.options.module-tests]"]
    lines += [f"{key.replace('_', '-')} = {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


# -- OSS501 tests-exist --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("tests/test_metrics.py", TEST_MODULE),
        ("tests/unit/metrics_test.py", "async def test_async():\n    pass\n"),
        ("test_top.py", "class TestMetrics:\n    def test_zero(self):\n        pass\n"),
        (
            "tests/test_legacy.py",
            "import unittest\nclass T(unittest.TestCase):\n    def testOld(self): ...\n",
        ),
        ("tests/test_broken.py", "def test_x(:\n    pass\n"),
    ],
)
def test_a_test_function_passes(make_repo: MakeRepo, check: Check, path: str, text: str) -> None:
    root = make_repo({path: text, "tests/test_empty.py": "import pytest\n"})
    assert check(root, "OSS501") == []


def test_no_test_files_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"src/pkg/__init__.py": "", "tests/conftest.py": "import pytest\n"})
    findings = check(root, "OSS501")
    assert where(findings) == [("OSS501", "tests", 0)]
    assert "no tests" in findings[0].message


def test_test_files_without_tests_are_each_reported(make_repo: MakeRepo, check: Check) -> None:
    files: dict[str, str | bytes] = {
        "tests/test_a.py": "import pytest\n\n@pytest.fixture\ndef data(): ...\n\n# def test_later(): ...\n",
        "tests/test_b.py": '"""\ndef test_in_a_docstring():\n"""\n',
        "tests/test_c.py": b"\x00\x01binary",
    }
    findings = check(make_repo(files), "OSS501")
    assert where(findings) == [
        ("OSS501", "tests/test_a.py", 0),
        ("OSS501", "tests/test_b.py", 0),
        ("OSS501", "tests/test_c.py", 0),
    ]
    assert "exits with code 5" in findings[0].message


# -- OSS502 module-tests -------------------------------------------------------------------

PACKAGE: dict[str, str | bytes] = {
    "src/pkg/__init__.py": "",
    "src/pkg/__main__.py": "",
    "src/pkg/_version.py": "",
    "src/pkg/py.typed": "",
    "src/pkg/metrics.py": "",
    "src/pkg/io/__init__.py": "",
    "src/pkg/io/readers.py": "",
    "src/pkg/io/writers.py": "",
    "src/pkg/io/sql.py": "",
    "src/pkg/tests/test_inside.py": "def test_x(): ...\n",
    "tests/test_metrics.py": TEST_MODULE,
    "tests/io/test_readers.py": TEST_MODULE,
    "tests/test_io_writers.py": TEST_MODULE,
    "tests/sql_test.py": TEST_MODULE,
}


def test_every_module_with_a_test_module_passes(make_repo: MakeRepo, check: Check) -> None:
    assert check(make_repo(PACKAGE), "OSS502") == []


def test_untested_modules_are_reported_with_the_test_to_add(make_repo: MakeRepo, check: Check) -> None:
    files = {**PACKAGE, "src/pkg/features.py": "", "src/pkg/io/cache.py": ""}
    findings = check(make_repo(files), "OSS502")
    assert where(findings) == [
        ("OSS502", "src/pkg/features.py", 0),
        ("OSS502", "src/pkg/io/cache.py", 0),
    ]
    assert findings[0].message.endswith("add tests/test_features.py")
    assert findings[1].message.endswith("add tests/io/test_cache.py")


def test_flat_layout_packages_are_checked(make_repo: MakeRepo, check: Check) -> None:
    files = {"pkg/__init__.py": "", "pkg/model.py": "", "tests/test_other.py": TEST_MODULE}
    assert where(check(make_repo(files), "OSS502")) == [("OSS502", "pkg/model.py", 0)]


def test_a_test_outside_the_tests_folder_does_not_count(make_repo: MakeRepo, check: Check) -> None:
    files = {"src/pkg/__init__.py": "", "src/pkg/model.py": "", "scripts/test_model.py": TEST_MODULE}
    assert where(check(make_repo(files), "OSS502")) == [("OSS502", "src/pkg/model.py", 0)]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (options(extend_ignore=["src/pkg/features.py"]), ["src/pkg/cli.py"]),
        (options(extend_ignore=["cli.py"]), ["src/pkg/features.py"]),
        (options(ignore=["features.py"]), ["src/pkg/__init__.py", "src/pkg/cli.py"]),
        (options(tests_folder="test"), ["src/pkg/features.py"]),
        (options(tests_folder="."), ["src/pkg/features.py"]),
    ],
)
def test_options(make_repo: MakeRepo, check: Check, settings: str, expected: list[str]) -> None:
    files = {
        "pyproject.toml": settings,
        "src/pkg/__init__.py": "",
        "src/pkg/features.py": "",
        "src/pkg/cli.py": "",
        "test/test_cli.py": TEST_MODULE,
    }
    assert [f.path for f in check(make_repo(files), "OSS502")] == expected


# -- OSS503 docs-configured ----------------------------------------------------------------


def test_project_without_docs_passes(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"pyproject.toml": '[project]\nname = "x"\n', "README.md": "# x\n"})
    assert check(root, "OSS503") == []


@pytest.mark.parametrize(
    ("files", "path", "reason"),
    [
        ({".oss-template.json": record(docs="mkdocs")}, "mkdocs.yml", "docs: mkdocs"),
        ({".oss-template.json": record(docs="sphinx")}, "docs/conf.py", "docs: sphinx"),
        ({"pyproject.toml": '[dependency-groups]\ndocs = ["mkdocs"]\n'}, "mkdocs.yml", "dependency group"),
        (
            {"pyproject.toml": '[project]\nname = "x"\n[project.optional-dependencies]\ndocs = ["sphinx"]\n'},
            "mkdocs.yml",
            "optional dependency",
        ),
        (
            {"pyproject.toml": '[project]\nname = "x"\nurls.Documentation = "https://x.readthedocs.io"\n'},
            "mkdocs.yml",
            "Documentation URL",
        ),
    ],
)
def test_declared_docs_without_config_are_reported(
    make_repo: MakeRepo, check: Check, files: dict[str, str], path: str, reason: str
) -> None:
    findings = check(make_repo(files), "OSS503")
    assert where(findings) == [("OSS503", path, 0)]
    assert reason in findings[0].message


def test_documentation_url_into_the_repository_needs_no_build(make_repo: MakeRepo, check: Check) -> None:
    pyproject = '[project]\nname = "x"\nurls.Documentation = "https://github.com/o/x/tree/main/docs"\n'
    assert check(make_repo({"pyproject.toml": pyproject}), "OSS503") == []


def test_mkdocs_site_with_python_tags_passes(make_repo: MakeRepo, check: Check) -> None:
    files = {".oss-template.json": record(docs="mkdocs"), "mkdocs.yml": MKDOCS, "docs/index.md": "# Home\n"}
    assert check(make_repo(files), "OSS503") == []


def test_mkdocs_docs_dir_and_readme_home_page(make_repo: MakeRepo, check: Check) -> None:
    files = {"mkdocs.yml": "site_name: x\ndocs_dir: site_src\n", "site_src/README.md": "# Home\n"}
    assert check(make_repo(files), "OSS503") == []


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        ("site_name: x\nnav:\n  - Home: [\n", 4, "not valid YAML"),
        ("site_name: x\n  bad: indent\n", 2, "not valid YAML"),
        (b"\x89PNG\r\n\x1a\n\x00", 0, "not UTF-8"),
        ("", 1, "is empty"),
        ("# docs\ntheme: material\n", 2, "no site_name"),
    ],
)
def test_broken_mkdocs_config_is_reported(
    make_repo: MakeRepo, check: Check, config: str | bytes, line: int, message: str
) -> None:
    root = make_repo({"mkdocs.yml": config, "docs/index.md": "# Home\n"})
    findings = check(root, "OSS503")
    assert where(findings) == [("OSS503", "mkdocs.yml", line)]
    assert message in findings[0].message


def test_mkdocs_without_home_page_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"mkdocs.yml": "site_name: x\n", "docs/usage.md": "# Usage\n"})
    assert where(check(root, "OSS503")) == [("OSS503", "docs/index.md", 0)]


@pytest.mark.parametrize(
    "files",
    [
        {"docs/conf.py": "project = 'x'\n", "docs/index.rst": "x\n=\n"},
        {"docs/source/conf.py": "root_doc = 'contents'\n", "docs/source/contents.md": "# x\n"},
    ],
)
def test_sphinx_site_passes(make_repo: MakeRepo, check: Check, files: dict[str, str]) -> None:
    files = {**files, ".oss-template.json": record(docs="sphinx")}
    assert check(make_repo(files), "OSS503") == []


@pytest.mark.parametrize(
    ("files", "expected", "message"),
    [
        ({"docs/conf.py": "project = 'x'\nextensions = [\n"}, ("docs/conf.py", 2), "syntax error"),
        ({"docs/conf.py": b"\x00\x00"}, ("docs/conf.py", 0), "not UTF-8"),
        ({"docs/conf.py": "project = 'x'\n", "docs/guide/index.md": "# x\n"}, ("docs/index.md", 0), "root"),
        ({"docs/conf.py": "master_doc = 'main'\n", "docs/index.md": "# x\n"}, ("docs/main.md", 0), "root"),
    ],
)
def test_broken_sphinx_site_is_reported(
    make_repo: MakeRepo, check: Check, files: dict[str, str | bytes], expected: tuple[str, int], message: str
) -> None:
    findings = check(make_repo(files), "OSS503")
    assert [(f.path, f.line) for f in findings] == [expected]
    assert message in findings[0].message
