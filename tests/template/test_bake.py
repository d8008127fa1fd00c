"""What a bake holds: the exact files for each combination of options, valid structured
files, answers that survive any quoting, refused answers, and reproducible output."""

from __future__ import annotations

import ast
import filecmp
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from template.baking import (
    MATRIX,
    TEMPLATE_ROOT,
    TEMPLATE_VERSION,
    Bakery,
    bake,
    baked_files,
    combo_id,
    complete,
    derived_names,
    expected_checks_repository,
    expected_files,
    forge_of,
    git_commit_all,
    isolated_env,
    load_structured,
    run,
    write_cookiecutter_config,
)

pytestmark = pytest.mark.slow

#: Jinja left in a baked file. GitHub Actions' own `${{ }}` expressions are not Jinja.
LEFTOVER = re.compile(r"(?<!\$)\{\{|\{%|\{#|cookiecutter\.[A-Za-z_]")
STRUCTURED = (".toml", ".yml", ".yaml", ".cff", ".json", ".ipynb", ".py")
NEWEST_MINOR = 14


def pyproject(project: Path) -> dict[str, Any]:
    data: dict[str, Any] = load_structured(project / "pyproject.toml")
    return data


def precommit_hooks(project: Path) -> dict[str, dict[str, Any]]:
    """Hook id -> its repository entry, from the baked .pre-commit-config.yaml."""
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: repo for repo in config["repos"] for hook in repo["hooks"]}


# -- the matrix -------------------------------------------------------------------------
def test_matrix_covers_every_value_and_only_valid_combinations() -> None:
    from template.baking import FACTORS, is_valid

    for name, values in FACTORS.items():
        assert {combination[name] for combination in MATRIX} == set(values), name
    assert all(is_valid(combination) for combination in MATRIX)
    assert not is_valid({"license": "Proprietary", "visibility": "public"})
    assert not is_valid({"ci": "gitlab", "git_host": "github.com"})


@pytest.mark.parametrize("answers", MATRIX, ids=combo_id)
def test_bake_holds_exactly_the_expected_files(bakery: Bakery, answers: dict[str, str]) -> None:
    project = bakery(answers)
    assert baked_files(project) == expected_files(derived_names(answers))


@pytest.mark.parametrize("answers", MATRIX, ids=combo_id)
def test_no_template_syntax_is_left_behind(bakery: Bakery, answers: dict[str, str]) -> None:
    project = bakery(answers)
    leftovers = []
    for relative in sorted(baked_files(project)):
        text = (project / relative).read_text(encoding="utf-8")
        leftovers += [f"{relative}: {match.group()!r}" for match in LEFTOVER.finditer(text)]
    assert leftovers == []


@pytest.mark.parametrize("answers", MATRIX, ids=combo_id)
def test_every_structured_file_parses(bakery: Bakery, answers: dict[str, str]) -> None:
    project = bakery(answers)
    parsed = [relative for relative in baked_files(project) if relative.endswith(STRUCTURED)]
    for relative in parsed:
        assert load_structured(project / relative) is not None, relative
    assert "pyproject.toml" in parsed
    assert ".pre-commit-config.yaml" in parsed


@pytest.mark.parametrize("answers", MATRIX, ids=combo_id)
def test_record_holds_the_answers_and_no_absolute_path(bakery: Bakery, answers: dict[str, str]) -> None:
    project = bakery(answers)
    text = (project / ".oss-template.json").read_text(encoding="utf-8")
    record = json.loads(text)
    assert record["template"] == "oss-template"
    assert record["version"] == TEMPLATE_VERSION
    for key, value in derived_names(answers).items():
        assert record["answers"][key] == value, key
    # cookiecutter's private keys hold the baking machine's paths; only the one hidden answer
    # a team may set (where the hooks come from) is kept, so that re-rendering agrees.
    assert [key for key in record["answers"] if key.startswith("_")] == ["_checks_repository"]
    absolute = [
        value
        for value in record["answers"].values()
        if isinstance(value, str) and (value.startswith(("/", "~")) or re.match(r"[A-Za-z]:\\", value))
    ]
    assert absolute == []
    assert str(project.parent) not in text
    assert str(TEMPLATE_ROOT) not in text


@pytest.mark.parametrize("answers", MATRIX, ids=combo_id)
def test_pyproject_metadata_follows_the_answers(bakery: Bakery, answers: dict[str, str]) -> None:
    data = pyproject(bakery(answers))
    project = data["project"]
    oldest = int(answers["python_min"].split(".")[1])
    expected_license = "LicenseRef-Proprietary" if answers["license"] == "Proprietary" else answers["license"]
    assert project["license"] == expected_license
    assert project["license-files"] == ["LICENSE"]
    assert project["requires-python"] == f">={answers['python_min']}"
    assert project["version"] == "0.1.0"
    classifiers = project["classifiers"]
    assert not [c for c in classifiers if c.startswith("License ::")]
    assert [c for c in classifiers if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)] == [
        f"Programming Language :: Python :: 3.{minor}" for minor in range(oldest, NEWEST_MINOR + 1)
    ]
    assert "Typing :: Typed" in classifiers
    assert ("Private :: Do Not Upload" in classifiers) == (answers["visibility"] == "internal")

    urls = project["urls"]
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(urls)
    assert ("Documentation" in urls) == (answers["docs"] != "none")
    issues = "/-/issues" if forge_of(answers) == "gitlab" else "/issues"
    assert urls["Issues"] == urls["Source"] + issues

    groups = data["dependency-groups"]
    assert {"test", "lint", "typecheck", "dev"} <= set(groups)
    assert ("docs" in groups) == (answers["docs"] != "none")
    analysis = answers["project_type"] == "analysis"
    assert ("notebooks" in groups) == analysis
    assert ("jupyter" in groups) == analysis

    def included(group: str) -> set[str]:
        direct = {item["include-group"] for item in groups[group] if isinstance(item, dict)}
        return direct.union(*(included(name) for name in direct))

    assert included("dev") == set(groups) - {"dev"}
    assert project["dependencies"] == (["python-dotenv>=1.0"] if analysis else [])

    ignored = data["tool"]["repo-review"]["ignore"]
    assert ("PY004" in ignored) == (answers["docs"] == "none")
    assert ("GH100" in ignored) == (answers["ci"] != "github")
    assert all(reason.strip() for reason in ignored.values())

    # Only a deliberate answer turns a convention off, and it says why.
    conventions = data["tool"]["oss-checks"]
    if answers["ci"] == "none":
        assert list(conventions) == ["ignore"]
        assert list(conventions["ignore"]) == ["OSS601"]
        assert "nox" in conventions["ignore"]["OSS601"]
    else:
        assert conventions == {}


def assert_no_findings(bake_folder: Path, tmp_path: Path) -> None:
    """``oss-checks check`` finds nothing in a committed copy of the bake."""
    project = tmp_path / "project"
    shutil.copytree(bake_folder, project)
    git_commit_all(project)
    done = run([sys.executable, "-m", "oss_checks", "check", "."], project, isolated_env(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("answers", MATRIX, ids=combo_id)
def test_conventions_hold_on_day_one(bakery: Bakery, answers: dict[str, str], tmp_path: Path) -> None:
    assert_no_findings(bakery(answers), tmp_path)


@pytest.mark.parametrize("answers", MATRIX, ids=combo_id)
def test_precommit_hooks_follow_the_answers(bakery: Bakery, answers: dict[str, str]) -> None:
    project = bakery(answers)
    hooks = precommit_hooks(project)
    github_ci = answers["ci"] == "github"
    assert ("check-github-workflows" in hooks) == github_ci
    assert ("check-dependabot" in hooks) == github_ci
    assert ("zizmor" in hooks) == github_ci
    assert ("check-gitlab-ci" in hooks) == (answers["ci"] == "gitlab")
    assert ("check-readthedocs" in hooks) == (answers["docs"] == "sphinx")
    # Issue forms change rarely and the template's tests validate them; a hook for them cost
    # 0.7 s of the 3 s budget of the whole hook set.
    assert "check-github-issue-forms" not in hooks
    for always in ("ruff-check", "ruff-format", "nbstripout", "validate-pyproject", "codespell"):
        assert always in hooks
    for hook_id in ("oss-checks", "oss-checks-repo"):
        assert hooks[hook_id]["repo"] == expected_checks_repository()
        assert hooks[hook_id]["rev"] == f"v{TEMPLATE_VERSION}"
    assert "mypy" not in hooks


@pytest.mark.parametrize("answers", MATRIX, ids=combo_id)
def test_noxfile_sessions_follow_the_answers(bakery: Bakery, answers: dict[str, str]) -> None:
    project = bakery(answers)
    noxfile = project / "noxfile.py"
    assert noxfile.stat().st_mode & stat.S_IXUSR, "./noxfile.py must run as a script"
    source = noxfile.read_text(encoding="utf-8")
    assert source.startswith("#!/usr/bin/env -S uv run --script\n")
    module = ast.parse(source)
    sessions = {
        node.name: node
        for node in module.body
        if isinstance(node, ast.FunctionDef)
        and any(ast.unparse(decorator).startswith("nox.session") for decorator in node.decorator_list)
    }
    expected = {"lint", "typecheck", "tests", "build", "conventions"}
    if answers["docs"] != "none":
        expected.add("docs")
    if answers["project_type"] == "analysis":
        expected.add("notebooks")
    assert set(sessions) == expected
    for name, node in sessions.items():
        assert ast.get_docstring(node), name
        assert "session.posargs" in ast.unparse(node), name
        # One Python for every session: nox's own when the project supports it (so CI's
        # matrix decides), else one the project supports (test_end_to_end.py runs that).
        decorators = [ast.unparse(decorator) for decorator in node.decorator_list]
        assert decorators == ["nox.session(python=PYTHON)"], name
    assert "nox.options.sessions" not in source
    assert "nox.options.error_on_missing_interpreters = True" in source


def test_gitignore_keeps_the_data_skeleton_and_example_env(bakery: Bakery, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(bakery({"project_type": "analysis"}), project)
    env = isolated_env(tmp_path)
    git_commit_all(project)
    tracked = set(run(["git", "ls-files"], project, env).stdout.split())
    assert {
        "data/README.md",
        "data/raw/README.md",
        "data/interim/README.md",
        "data/processed/README.md",
        ".env.example",
    } <= tracked
    candidates = [
        "data/raw/sales.csv",
        "data/processed/features.parquet",
        "data/sales.csv",
        "data/raw/2024/export.csv",
        ".env",
        ".env.local",
        ".nox/x",
        "dist/x.whl",
        "site/index.html",
        "docs/_build/html/index.html",
        "notebooks/.ipynb_checkpoints/x.ipynb",
    ]
    ignored = run(["git", "check-ignore", "--no-index", *candidates], project, env).stdout.split()
    assert ignored == candidates
    kept = run(["git", "check-ignore", "--no-index", "data/raw/README.md", ".env.example"], project, env)
    assert kept.returncode == 1, kept.stdout


def test_issue_and_review_templates_exist_for_each_forge(bakery: Bakery) -> None:
    github = baked_files(bakery({"ci": "github"}))
    assert any(path.startswith(".github/ISSUE_TEMPLATE/") for path in github)
    gitlab = baked_files(bakery({"ci": "gitlab", "git_host": "gitlab.com"}))
    assert any(path.startswith(".gitlab/issue_templates/") for path in gitlab)
    assert any(path.startswith(".gitlab/merge_request_templates/") for path in gitlab)
    assert not any(path.startswith(".github/") for path in gitlab)


# -- hostile answers ----------------------------------------------------------------------
HOSTILE: list[dict[str, str]] = [
    {
        "project_name": 'Zoë\'s "Data" Lab: #1 & *more*',
        "description": '@team\'s "forecast": - first & *second* !third #hash \\ back C:\\data',
        "author_name": 'O\'Brien \\ "Ångström"',
        "copyright_holder": 'O\'Brien & Söhne \\ "Data" GmbH',
        "project_type": "analysis",
        "docs": "sphinx",
        "ci": "gitlab",
        "git_host": "gitlab.com",
        "python_min": "3.10",
    },
    {
        "project_name": "- & * ! | > % @ ` , ?",
        "project_slug": "yaml-indicators",
        "description": "- starts like a list item: and has a key: value",
        "author_name": "@leading at",
        "copyright_holder": "- & Co: #1 'Ltd.'",
        "project_type": "library",
        "docs": "properdocs",
        "ci": "github",
        "visibility": "public",
        "license": "Apache-2.0",
    },
    {
        "project_name": "Zoë Ångström 数据",
        "description": "Zoë Ångström 数据 — \u201ccurly\u201d quotes, \u2018single\u2019 ones, and a tab-free line.",
        "author_name": "Zoë Ångström 数据",
        "code_owners": "@zoe @example-org/data-science team@example.com",
        "project_type": "analysis",
        "docs": "mkdocs",  # the name of properdocs before 0.2.0
        "ci": "none",
    },
]


@pytest.mark.parametrize("answers", HOSTILE, ids=["quotes", "yaml-indicators", "non-ascii"])
def test_hostile_answers_round_trip_through_every_structured_file(
    bakery: Bakery, answers: dict[str, str]
) -> None:
    project = bakery(answers)
    full = derived_names(answers)
    assert baked_files(project) == expected_files(complete(answers))

    for relative in baked_files(project):
        if relative.endswith(STRUCTURED):
            assert load_structured(project / relative) is not None, relative

    metadata = pyproject(project)["project"]
    assert metadata["description"] == answers["description"]
    assert metadata["authors"] == [{"name": answers["author_name"], "email": "data-science@example.com"}]
    assert metadata["name"] == full["project_slug"]

    record = json.loads((project / ".oss-template.json").read_text(encoding="utf-8"))["answers"]
    for key, value in answers.items():
        assert record[key] == value, key

    citation = yaml.safe_load((project / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["title"] == answers["project_name"]

    holder = full.get("copyright_holder", "example-org")
    year = full.get("copyright_year") or record["copyright_year"]
    license_text = (project / "LICENSE").read_text(encoding="utf-8")
    assert re.search(
        rf"^Copyright (?:\(c\) )?{year} {re.escape(holder)}\.?( All rights reserved\.)?$",
        license_text,
        re.MULTILINE,
    )
    assert f"# Copyright (c) {year} {holder}\n" in (project / "CITATION.cff").read_text(encoding="utf-8")

    if answers["docs"] in ("properdocs", "mkdocs"):
        mkdocs = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
        assert mkdocs["site_name"] == answers["project_name"]
        assert mkdocs["site_description"] == answers["description"]
        assert mkdocs["site_author"] == answers["author_name"]
        assert mkdocs["copyright"] == f"Copyright © {year} {holder}"
    if answers["docs"] == "sphinx":
        conf = ast.parse((project / "docs" / "conf.py").read_text(encoding="utf-8"))
        settings = {
            node.targets[0].id: node.value.value
            for node in conf.body
            if isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
        }
        assert settings["project"] == answers["project_name"]  # the site's title, not the slug
        assert settings["copyright"] == f"{year}, {holder}"


@pytest.mark.parametrize(
    "answers",
    HOSTILE[:3],
    ids=["quotes", "yaml-indicators", "non-ascii"],
)
def test_conventions_hold_with_hostile_answers(
    bakery: Bakery, answers: dict[str, str], tmp_path: Path
) -> None:
    assert_no_findings(bakery(answers), tmp_path)


# -- refused answers ----------------------------------------------------------------------
REFUSED = [
    ({"package_name": "test"}, "package_name"),
    ({"package_name": "json"}, "package_name"),
    ({"package_name": "class"}, "package_name"),
    ({"package_name": "1abc"}, "package_name"),
    ({"project_slug": "team/project"}, "project_slug"),
    ({"project_slug": "a..b", "package_name": "ok"}, "project_slug"),
    ({"author_email": "data-science.example.com"}, "author_email"),
    ({"visibility": "public", "license": "Proprietary"}, "license"),
    ({"license": "GPL-3.0-only"}, "license"),
    ({"copyright_holder": " Acme"}, "copyright_holder"),
    ({"_checks_repository": "http://github.com/acme/oss-template"}, "_checks_repository"),
    ({"_checks_repository": 'https://github.com/acme/x"; rm -rf /'}, "_checks_repository"),
]


@pytest.mark.parametrize(
    ("answers", "field"), REFUSED, ids=[f"{field}-{i}" for i, (_, field) in enumerate(REFUSED)]
)
def test_refused_answers_stop_the_bake_with_one_line(
    tmp_path: Path, answers: dict[str, str], field: str
) -> None:
    write_cookiecutter_config(tmp_path)
    output = tmp_path / "out"
    output.mkdir()
    command = [
        sys.executable,
        "-m",
        "cookiecutter",
        "--no-input",
        str(TEMPLATE_ROOT),
        "--output-dir",
        str(output),
        *(f"{key}={value}" for key, value in answers.items()),
    ]
    done = run(command, tmp_path, isolated_env(tmp_path, TMPDIR=str(tmp_path)))
    assert done.returncode != 0
    # cookiecutter adds its own "Stopping generation" log (with its traceback) after ours.
    ours = [line for line in done.stderr.splitlines() if line.startswith("oss-template:")]
    assert len(ours) == 1, done.stderr
    assert ours[0].startswith(f"oss-template: cannot bake: {field}: ")
    # No file is left; a slug with '/' leaves only the empty parent cookiecutter made.
    assert [path for path in output.rglob("*") if not path.is_dir()] == []
    assert not (output / answers.get("project_slug", "demand-forecasting")).exists()


def test_slug_dot_dot_is_refused_by_cookiecutter_before_our_hook(tmp_path: Path) -> None:
    write_cookiecutter_config(tmp_path)
    output = tmp_path / "out"
    output.mkdir()
    command = [sys.executable, "-m", "cookiecutter", "--no-input", str(TEMPLATE_ROOT)]
    command += ["--output-dir", str(output), "project_slug=..", "package_name=ok"]
    done = run(command, tmp_path, isolated_env(tmp_path, TMPDIR=str(tmp_path)))
    assert done.returncode != 0
    assert "already exists" in done.stdout + done.stderr
    assert list(output.iterdir()) == []


def test_accepted_bake_prints_the_next_steps(tmp_path: Path) -> None:
    write_cookiecutter_config(tmp_path)
    env = isolated_env(tmp_path, TMPDIR=str(tmp_path))
    del env["OSS_TEMPLATE_QUIET"]
    env["PWD"] = str(tmp_path)  # as a shell in that folder would set it
    command = [sys.executable, "-m", "cookiecutter", "--no-input", str(TEMPLATE_ROOT), "-o", "out"]
    done = run(command, tmp_path, env)
    assert done.returncode == 0, done.stderr
    assert "cd out/demand-forecasting" in done.stdout  # from where the user ran cookiecutter
    assert "nox" in done.stdout
    assert "pre-commit install" in done.stdout


# -- reproducible output ------------------------------------------------------------------
def same_tree(left: Path, right: Path, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Relative paths whose presence, bytes or executable bit differ between two trees."""
    left_files = baked_files(left) - ignore
    right_files = baked_files(right) - ignore
    differences = sorted(left_files ^ right_files)
    for relative in sorted(left_files & right_files):
        a, b = left / relative, right / relative
        if not filecmp.cmp(a, b, shallow=False):
            differences.append(relative)
        elif (a.stat().st_mode & stat.S_IXUSR) != (b.stat().st_mode & stat.S_IXUSR):
            differences.append(f"{relative} (mode)")
    return differences


def test_baking_twice_gives_identical_files(tmp_path: Path) -> None:
    answers = {"project_type": "analysis", "docs": "sphinx", "copyright_year": "2031"}
    first = bake(answers, tmp_path / "first")
    second = bake(answers, tmp_path / "second")
    assert same_tree(first, second) == []


def copy_template_as_git_repo(destination: Path) -> Path:
    """The template's working tree, committed in a fresh repository (cruft needs git)."""
    shutil.copytree(
        TEMPLATE_ROOT,
        destination,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", ".nox", "__pycache__", "*_cache", "baked", "dist", "build", "*.egg-info"
        ),
    )
    git_commit_all(destination)
    return destination


def test_cruft_create_bakes_the_same_files(tmp_path: Path) -> None:
    env = isolated_env(tmp_path, TMPDIR=str(tmp_path))
    write_cookiecutter_config(tmp_path)
    template = copy_template_as_git_repo(tmp_path / "template")
    answers = {"project_type": "analysis", "ci": "gitlab", "git_host": "gitlab.com", "copyright_year": "2031"}
    cruft = Path(sys.executable).parent / "cruft"
    output = tmp_path / "cruft-out"
    command = [
        str(cruft),
        "create",
        str(template),
        "--no-input",
        "--output-dir",
        str(output),
        "--extra-context",
        json.dumps(answers),
    ]
    done = run(command, tmp_path, env)
    assert done.returncode == 0, done.stdout + done.stderr
    (cruft_project,) = output.iterdir()
    assert (cruft_project / ".cruft.json").is_file()
    plain = bake(answers, tmp_path / "plain", template=template)
    assert same_tree(plain, cruft_project, ignore=frozenset({".cruft.json"})) == []


def test_template_noxfile_is_executable_in_the_template() -> None:
    # cookiecutter copies the mode of each template file, so the bit must be set here.
    mode = (TEMPLATE_ROOT / "{{cookiecutter.project_slug}}" / "noxfile.py").stat().st_mode
    assert mode & stat.S_IXUSR
    listed = subprocess.run(
        ["git", "-C", str(TEMPLATE_ROOT), "ls-files", "-s", "{{cookiecutter.project_slug}}/noxfile.py"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1"},
    ).stdout
    if listed:  # once committed, git must record it as executable too
        assert listed.startswith("100755"), listed


# -- where the hooks come from ------------------------------------------------------------
def template_copy(destination: Path, git_config: str | None = None) -> Path:
    """The template's files in a folder of their own, optionally a clone with this git config."""
    shutil.copytree(
        TEMPLATE_ROOT,
        destination,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", ".nox", "__pycache__", "*_cache", "baked", "dist", "build", "*.egg-info"
        ),
    )
    if git_config is not None:
        (destination / ".git").mkdir()
        (destination / ".git" / "config").write_text(git_config, encoding="utf-8")
    return destination


def bake_and_tell(template: Path, tmp_path: Path, *answers: str) -> tuple[Path, str]:
    """Bake ``template`` with the cookiecutter command; the project and the next steps printed."""
    write_cookiecutter_config(tmp_path)
    env = isolated_env(tmp_path, TMPDIR=str(tmp_path))
    del env["OSS_TEMPLATE_QUIET"]
    command = [sys.executable, "-m", "cookiecutter", "--no-input", str(template), "-o", str(tmp_path / "out")]
    done = run([*command, *answers], tmp_path, env)
    assert done.returncode == 0, done.stderr
    return tmp_path / "out" / "demand-forecasting", done.stdout


def hooks_repository(project: Path) -> str:
    hooks = precommit_hooks(project)
    repo = str(hooks["oss-checks"]["repo"])
    assert hooks["oss-checks-repo"]["repo"] == repo
    noxfile = (project / "noxfile.py").read_text(encoding="utf-8")
    assert f'"oss-checks @ git+{repo}@v{TEMPLATE_VERSION}"' in noxfile
    record = json.loads((project / ".oss-template.json").read_text(encoding="utf-8"))
    assert record["answers"]["_checks_repository"] == repo
    return repo


ORIGIN = """[core]
\trepositoryformatversion = 0
[remote "upstream"]
\turl = https://github.com/org/oss-template.git
[remote "origin"]
\turl = {url}
\tfetch = +refs/heads/*:refs/remotes/origin/*
"""
FALLBACK_NOTE = "names no repository (no git remote)"


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        ("git@github.com:acme/oss-template.git", "https://github.com/acme/oss-template"),
        # A token in the remote never reaches the bake.
        (
            "https://bot:s3cret@gitlab.acme.test/tools/oss-template.git",
            "https://gitlab.acme.test/tools/oss-template",
        ),
    ],
)
def test_a_clone_of_a_fork_bakes_hooks_from_its_origin(tmp_path: Path, remote: str, expected: str) -> None:
    template = template_copy(tmp_path / "fork", ORIGIN.format(url=remote))
    project, printed = bake_and_tell(template, tmp_path)
    assert hooks_repository(project) == expected
    assert FALLBACK_NOTE not in printed
    assert not [
        path for path in baked_files(project) if "s3cret" in (project / path).read_text(encoding="utf-8")
    ]


def test_a_template_folder_without_a_remote_uses_the_default_and_says_so(tmp_path: Path) -> None:
    template = template_copy(tmp_path / "plain")
    project, printed = bake_and_tell(template, tmp_path)
    assert hooks_repository(project) == "https://github.com/org/oss-template"
    (note,) = [line for line in printed.splitlines() if FALLBACK_NOTE in line]
    assert "_checks_repository" in note


def test_a_remote_that_is_not_a_repository_address_is_only_text(tmp_path: Path) -> None:
    witness = tmp_path / "witness"
    hostile = f'"https://github.com/acme/x$(touch {witness})" ; {{{{ cycler.__init__ }}}}'
    template = template_copy(tmp_path / "hostile", ORIGIN.format(url=hostile))
    project, printed = bake_and_tell(template, tmp_path)
    assert hooks_repository(project) == "https://github.com/org/oss-template"
    assert FALLBACK_NOTE in printed
    assert not witness.exists()


def test_an_explicit_checks_repository_wins_over_the_origin(tmp_path: Path) -> None:
    template = template_copy(tmp_path / "fork", ORIGIN.format(url="git@github.com:acme/oss-template.git"))
    mirror = "https://git.acme.test/tools/oss-checks"
    project, printed = bake_and_tell(template, tmp_path, f"_checks_repository={mirror}")
    assert hooks_repository(project) == mirror
    assert FALLBACK_NOTE not in printed


# -- the documentation engine -------------------------------------------------------------
def test_the_old_mkdocs_answer_bakes_what_properdocs_bakes(tmp_path: Path) -> None:
    """0.1.0 recorded ``docs: mkdocs``; re-rendering such a record gives the ProperDocs files."""
    old = bake({"docs": "mkdocs", "copyright_year": "2031"}, tmp_path / "old")
    new = bake({"docs": "properdocs", "copyright_year": "2031"}, tmp_path / "new")
    assert same_tree(old, new, ignore=frozenset({".oss-template.json"})) == []
    assert '"properdocs", "build", "--strict"' in (new / "noxfile.py").read_text(encoding="utf-8")


def test_a_team_default_names_the_hooks_repository_for_cookiecutter(tmp_path: Path) -> None:
    """docs/team-defaults.md: `_checks_repository` in the team's default_context."""
    template = template_copy(tmp_path / "fork", ORIGIN.format(url="git@github.com:acme/oss-template.git"))
    config = write_cookiecutter_config(tmp_path)
    mirror = "https://git.acme.test/tools/oss-template"
    with config.open("a", encoding="utf-8") as stream:
        stream.write(f"default_context:\n  _checks_repository: {json.dumps(mirror)}\n")
    env = isolated_env(tmp_path, TMPDIR=str(tmp_path))
    command = [sys.executable, "-m", "cookiecutter", "--no-input", str(template), "-o", str(tmp_path / "out")]
    done = run(command, tmp_path, env)
    assert done.returncode == 0, done.stderr
    assert hooks_repository(tmp_path / "out" / "demand-forecasting") == mirror
