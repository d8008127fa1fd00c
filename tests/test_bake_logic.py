"""Unit tests of the logic behind the template's hooks: answer validation and pruning."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from conftest import write_tree
from oss_checks import bake
from oss_checks.record import HIDDEN_ANSWERS

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "{{cookiecutter.project_slug}}"


def valid_answers(**changes: str) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "project_name": "Demand Forecasting",
        "project_slug": "demand-forecasting",
        "package_name": "demand_forecasting",
        "description": "Forecast weekly demand from sales history.",
        "author_name": "Data Science Team",
        "author_email": "data-science@example.com",
        "organisation": "example-org",
        "copyright_holder": "Example Org Ltd",
        "git_host": "github.com",
        "repository_url": "https://github.com/example-org/demand-forecasting",
        "code_owners": "@example-org/data-science",
        "project_type": "library",
        "visibility": "internal",
        "license": "Proprietary",
        "python_min": "3.11",
        "docs": "mkdocs",
        "ci": "github",
        "copyright_year": "2026",
    }
    answers.update(changes)
    return answers


# -- validation ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"project_name": 'Zoë\'s "Data" Lab: #1 & *more* 数据'},
        {"description": "- starts like a YAML list: with \\ and 'quotes'"},
        {"package_name": "forecast2", "project_slug": "Forecast.2_x"},
        {"organisation": "group/sub-group", "git_host": "gitlab.example.com:8443", "ci": "gitlab"},
        {"code_owners": "@alice @example-org/data-science bob@example.com"},
        {"visibility": "public", "license": "Apache-2.0"},
        {"ci": "none", "git_host": "gitlab.com"},
        {"copyright_holder": 'O\'Brien & Söhne \\ "Data" GmbH'},
        {"docs": "properdocs"},
        {"_checks_repository": "https://gitlab.acme.test:8443/tools/oss-template"},
    ],
)
def test_bakeable_answers_pass(changes: dict[str, str]) -> None:
    bake.validate(valid_answers(**changes))


UNBAKEABLE: list[tuple[dict[str, str], str]] = [
    ({"project_name": ""}, "project_name"),
    ({"project_name": "   "}, "project_name"),
    ({"description": " padded"}, "description"),
    ({"author_name": "two\nlines"}, "author_name"),
    ({"description": "bell\x07"}, "description"),
    ({"project_slug": "team/project"}, "project_slug"),
    ({"project_slug": "a..b"}, "project_slug"),
    ({"project_slug": "-dash-first"}, "project_slug"),
    ({"project_slug": "back\\slash"}, "project_slug"),
    ({"package_name": "1abc"}, "package_name"),
    ({"package_name": "Upper"}, "package_name"),
    ({"package_name": "with-dash"}, "package_name"),
    ({"package_name": "class"}, "package_name"),
    ({"package_name": "match"}, "package_name"),
    ({"package_name": "json"}, "package_name"),
    ({"package_name": "test"}, "package_name"),
    ({"package_name": "tests"}, "package_name"),
    ({"package_name": "data"}, "package_name"),
    ({"author_email": "data-science.example.com"}, "author_email"),
    ({"author_email": "a@b"}, "author_email"),
    ({"organisation": "org/../x"}, "organisation"),
    ({"git_host": "https://github.com"}, "git_host"),
    ({"repository_url": "http://x.org/a b"}, "repository_url"),
    ({"repository_url": "git@github.com:org/x.git"}, "repository_url"),
    ({"code_owners": "alice"}, "code_owners"),
    ({"project_type": "website"}, "project_type"),
    ({"python_min": "3.9"}, "python_min"),
    ({"docs": "pdoc"}, "docs"),
    ({"license": "GPL-3.0-only"}, "license"),
    ({"visibility": "public", "license": "Proprietary"}, "license"),
    ({"copyright_year": "26"}, "copyright_year"),
    ({"ci": "github", "git_host": "gitlab.com"}, "ci"),
    ({"ci": "gitlab", "git_host": "github.com"}, "ci"),
    ({"copyright_holder": ""}, "copyright_holder"),
    ({"copyright_holder": "Acme\nLtd"}, "copyright_holder"),
    ({"_checks_repository": "git@github.com:acme/oss-template.git"}, "_checks_repository"),
    ({"_checks_repository": "https://github.com/acme/oss template"}, "_checks_repository"),
    ({"_checks_repository": "https://user@github.com/acme/oss-template"}, "_checks_repository"),
    ({"_checks_repository": "https://github.com/../etc"}, "_checks_repository"),
    ({"_checks_repository": "https://github.com/acme/oss%20template"}, "_checks_repository"),
    ({"_checks_repository": "https://github.com/acme/oss-template?ref=x"}, "_checks_repository"),
]


@pytest.mark.parametrize(("changes", "field"), UNBAKEABLE)
def test_unbakeable_answers_name_their_field(changes: dict[str, str], field: str) -> None:
    with pytest.raises(bake.AnswerError) as error:
        bake.validate(valid_answers(**changes))
    message = str(error.value)
    assert message.startswith(f"{field}: ")
    assert "\n" not in message


#: The questions in the order cookiecutter (and copier, from the generated copier.yml) asks them.
ASKED = [
    key
    for key in json.loads((TEMPLATE_DIR.parent / "cookiecutter.json").read_text(encoding="utf-8"))
    if not key.startswith("_") or key in HIDDEN_ANSWERS
]


@pytest.mark.parametrize(
    ("changes", "field"), UNBAKEABLE, ids=[f"{f}-{i}" for i, (_, f) in enumerate(UNBAKEABLE)]
)
def test_each_answer_is_judged_with_the_answers_before_it(changes: dict[str, str], field: str) -> None:
    """What copier's per-question validator sees: the answers up to this question, no later one."""
    answers = valid_answers(**changes)
    with pytest.raises(bake.AnswerError) as error:
        bake.validate(answers)
    so_far = {key: answers[key] for key in ASKED[: ASKED.index(field) + 1] if key in answers}
    assert bake.answer_problem(field, so_far) == str(error.value)
    assert bake.answer_problem(field, valid_answers()) is None


def test_every_question_has_a_check_and_every_check_a_question() -> None:
    checked = {key for key, _check in bake.ANSWER_CHECKS}
    assert checked == set(ASKED)
    assert bake.answer_problem("no_such_question", valid_answers()) is None


def test_missing_answer_is_named() -> None:
    answers = valid_answers()
    del answers["author_email"]
    with pytest.raises(bake.AnswerError, match=r"^author_email: must not be empty$"):
        bake.validate(answers)


def test_pre_generate_prints_one_line_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert bake.pre_generate(valid_answers(package_name="json")) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("oss-template: cannot bake: package_name: 'json'")


def test_pre_generate_accepts_good_answers(capsys: pytest.CaptureFixture[str]) -> None:
    assert bake.pre_generate(valid_answers()) == 0
    assert capsys.readouterr() == ("", "")


# -- forge --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("ci", "host", "expected"),
    [
        ("github", "github.com", "github"),
        ("gitlab", "gitlab.com", "gitlab"),
        ("gitlab", "git.example.org", "gitlab"),
        ("none", "gitlab.example.org", "gitlab"),
        ("none", "GitLab.Example.org", "gitlab"),
        ("none", "github.com", "github"),
        ("none", "git.example.org", "github"),
    ],
)
def test_forge_follows_the_ci_then_the_host(ci: str, host: str, expected: str) -> None:
    assert bake.forge({"ci": ci, "git_host": host}) == expected


# -- pruning ------------------------------------------------------------------------------
def template_path(relative: str) -> Path:
    return TEMPLATE_DIR / relative.format(package="{{cookiecutter.package_name}}")


@pytest.mark.parametrize("relative", list(bake.CONDITIONAL_PATHS))
def test_every_conditional_path_exists_in_the_template(relative: str) -> None:
    assert template_path(relative).exists(), relative


def test_library_without_docs_or_ci_drops_what_it_does_not_use() -> None:
    unwanted = set(bake.unwanted_paths(valid_answers(docs="none", ci="none")))
    assert unwanted == {
        "notebooks",
        "data",
        "reports",
        "src/demand_forecasting/paths.py",
        "tests/test_paths.py",
        "docs",
        "mkdocs.yml",
        "docs/conf.py",
        ".readthedocs.yaml",
        ".github/workflows",
        ".github/dependabot.yml",
        ".github/workflows/release.yml",
        ".github/workflows/docs.yml",
        ".gitlab-ci.yml",
        ".gitlab",
    }


def test_analysis_with_sphinx_on_gitlab_keeps_its_own_files() -> None:
    answers = valid_answers(project_type="analysis", docs="sphinx", ci="gitlab", git_host="gitlab.com")
    unwanted = set(bake.unwanted_paths(answers))
    for kept in ("notebooks", "data", "reports", "docs", "docs/conf.py", ".readthedocs.yaml"):
        assert kept not in unwanted
    assert {"mkdocs.yml", ".github", ".github/workflows"} <= unwanted
    assert ".gitlab" not in unwanted
    assert ".gitlab-ci.yml" not in unwanted


def test_github_library_keeps_release_and_docs_workflows() -> None:
    unwanted = set(bake.unwanted_paths(valid_answers()))
    assert not unwanted & {".github", ".github/workflows/release.yml", ".github/workflows/docs.yml"}
    analysis = set(bake.unwanted_paths(valid_answers(project_type="analysis", docs="none")))
    assert {".github/workflows/release.yml", ".github/workflows/docs.yml"} <= analysis


def test_prune_removes_files_and_folders_and_leaves_the_rest(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        dict.fromkeys(
            [
                "notebooks/1.0-ds-x.ipynb",
                "data/raw/README.md",
                "src/demand_forecasting/paths.py",
                "src/demand_forecasting/metrics.py",
                "docs/conf.py",
                "docs/index.md",
                "mkdocs.yml",
                ".github/workflows/ci.yml",
                ".github/workflows/release.yml",
                ".gitlab/issue_templates/bug.md",
                ".gitlab-ci.yml",
                "README.md",
            ],
            "x",
        ),
    )
    bake.prune(tmp_path, valid_answers())
    remaining = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert remaining == [
        ".github/workflows/ci.yml",
        ".github/workflows/release.yml",
        "README.md",
        "docs/index.md",
        "mkdocs.yml",
        "src/demand_forecasting/metrics.py",
    ]


def test_prune_tolerates_missing_paths_and_unlinks_symlinks_without_following(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.csv").write_text("1", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "data").symlink_to(outside, target_is_directory=True)
    (project / "notebooks").symlink_to(project / "missing")  # dangling
    bake.prune(project, valid_answers())
    assert not os.path.lexists(project / "data")
    assert not os.path.lexists(project / "notebooks")
    assert (outside / "keep.csv").is_file()


# -- next steps ---------------------------------------------------------------------------
def test_post_generate_prunes_and_prints_next_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(bake.QUIET_ENV, raising=False)
    project = tmp_path / "out" / "demand-forecasting"
    write_tree(project, dict.fromkeys(["notebooks/README.md", "README.md"], "x"))
    monkeypatch.setenv("PWD", str(tmp_path))  # the folder the user baked from
    assert bake.post_generate(project, valid_answers(ci="none")) == 0
    assert not (project / "notebooks").exists()
    out = capsys.readouterr().out
    assert "cd out/demand-forecasting" in out
    assert "pre-commit install" in out
    assert "No CI was chosen" in out


def test_next_steps_mention_ci_only_when_there_is_none() -> None:
    assert "No CI" not in bake.next_steps(valid_answers(ci="github"))


def test_post_generate_is_quiet_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(bake.QUIET_ENV, "1")
    assert bake.post_generate(tmp_path, valid_answers()) == 0
    assert capsys.readouterr().out == ""


# -- where the hooks come from --------------------------------------------------------------
@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("gh:acme/oss-template", "https://github.com/acme/oss-template"),
        ("gl:acme/tools/oss-template", "https://gitlab.com/acme/tools/oss-template"),
        ("bb:acme/oss-template", "https://bitbucket.org/acme/oss-template"),
        ("https://github.com/acme/oss-template", "https://github.com/acme/oss-template"),
        ("https://github.com/acme/oss-template.git", "https://github.com/acme/oss-template"),
        ("https://github.com/acme/oss-template/", "https://github.com/acme/oss-template"),
        ("https://GitHub.com/acme/oss-template.git/", "https://github.com/acme/oss-template"),
        ("git+https://gitlab.acme.test/a/b/c.git", "https://gitlab.acme.test/a/b/c"),
        ("https://git.acme.test:8443/tools/oss-template", "https://git.acme.test:8443/tools/oss-template"),
        ("http://git.acme.test/tools/oss-template", "https://git.acme.test/tools/oss-template"),
        ("git@github.com:acme/oss-template.git", "https://github.com/acme/oss-template"),
        (
            "git@gitlab.acme.test:group/sub/oss-template.git",
            "https://gitlab.acme.test/group/sub/oss-template",
        ),
        (
            "ssh://git@gitlab.acme.test:2222/tools/oss-template.git",
            "https://gitlab.acme.test/tools/oss-template",
        ),
        ("git+ssh://git@github.com/acme/oss-template", "https://github.com/acme/oss-template"),
        ("https://bot:token@github.com/acme/oss-template.git", "https://github.com/acme/oss-template"),
        ("  gh:acme/oss-template\n", "https://github.com/acme/oss-template"),
    ],
)
def test_template_references_map_to_the_repository_address(reference: str, expected: str) -> None:
    from oss_checks.record import render_problem

    assert bake.repository_url(reference) == expected
    assert bake.is_checks_repository(expected)
    # What the bake records, a later render (diff, update, --fix) accepts.
    assert render_problem(valid_answers(_checks_repository=expected)) is None


@pytest.mark.parametrize(
    "reference",
    [
        "",
        ".",
        "/home/alice/oss-template",
        "../oss-template",
        "C:\\templates\\oss-template",
        "oss-template.zip",
        "https://github.com/acme",
        "gh:acme",
        "gh:acme/../../etc",
        "https://github.com/acme/x y",
        'https://github.com/acme/x"y',
        "https://github.com/acme/{{ cycler }}",
        "https://github.com/acme/x\r\nHost: evil",
        "file:///srv/git/oss-template.git",
        "https://localhost/acme/oss-template",
        "ftp://github.com/acme/oss-template",
    ],
)
def test_anything_else_names_no_repository(reference: str) -> None:
    assert bake.repository_url(reference) is None


CONFIG = """[core]
\tbare = false
[remote "upstream"]
\turl = https://github.com/org/oss-template.git
[Remote "origin"]
\t# a comment
\tfetch = +refs/heads/*:refs/remotes/origin/*
\tURL = "git@github.com:acme/oss-template.git"
[branch "main"]
\tremote = origin
"""


def test_origin_is_read_from_the_config_text() -> None:
    # Section names are case-insensitive in git; only the subsection ("origin") is not.
    assert bake.origin_remote(CONFIG) == "git@github.com:acme/oss-template.git"
    assert bake.origin_remote(CONFIG.replace('"origin"', '"fork"')) is None
    assert bake.origin_remote("") is None
    assert bake.origin_remote('[remote "origin"]\n\tfetch = x\n') is None


def test_git_origin_of_a_clone_a_worktree_and_a_plain_folder(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    write_tree(clone, {".git/config": CONFIG})
    assert bake.git_origin(clone) == "git@github.com:acme/oss-template.git"
    worktree = tmp_path / "worktree"
    write_tree(
        worktree,
        {".git": f"gitdir: {clone / '.git' / 'worktrees' / 'wt'}\n"},
    )
    write_tree(clone, {".git/worktrees/wt/commondir": "../..\n"})
    assert bake.git_origin(worktree) == "git@github.com:acme/oss-template.git"
    assert bake.git_origin(tmp_path / "plain") is None
    write_tree(tmp_path, {"broken/.git": "not a pointer"})
    assert bake.git_origin(tmp_path / "broken") is None


def test_a_huge_git_config_is_read_only_in_part(tmp_path: Path) -> None:
    write_tree(tmp_path, {".git/config": "#" * (1024 * 1024) + '\n[remote "origin"]\n\turl = gh:a/b\n'})
    assert bake.git_origin(tmp_path) is None


def test_checks_repository_prefers_the_answer_then_the_template_then_the_origin(tmp_path: Path) -> None:
    write_tree(tmp_path, {"clone/.git/config": '[remote "origin"]\n\turl = git@gitlab.com:acme/fork.git\n'})
    clone = str(tmp_path / "clone")
    mirror = "https://git.acme.test/tools/oss-template"
    assert bake.checks_repository({"_checks_repository": mirror, "_template": "gh:x/y"}) == (mirror, "answer")
    unset = {"_checks_repository": bake.DEFAULT_CHECKS_REPOSITORY}  # cookiecutter.json's own default
    assert bake.checks_repository({**unset, "_template": "gh:x/y", "_repo_dir": clone}) == (
        "https://github.com/x/y",
        "template",
    )
    assert bake.checks_repository({"_template": clone, "_repo_dir": clone}) == (
        "https://gitlab.com/acme/fork",
        "origin",
    )
    assert bake.checks_repository({"_template": str(tmp_path), "_repo_dir": str(tmp_path)}) == (
        bake.DEFAULT_CHECKS_REPOSITORY,
        "default",
    )
    assert bake.checks_repository({}) == (bake.DEFAULT_CHECKS_REPOSITORY, "default")


def test_next_steps_say_in_one_line_when_the_hooks_repository_is_the_default() -> None:
    steps = bake.next_steps(valid_answers(), checks_source="default")
    (note,) = [line for line in steps.splitlines() if bake.DEFAULT_CHECKS_REPOSITORY in line]
    assert "set _checks_repository to your copy" in note
    copier = bake.next_steps(valid_answers(), checks_source="default", checks_setting="answer x")
    assert f"{bake.DEFAULT_CHECKS_REPOSITORY}: answer x (docs/team-defaults.md)." in copier
    for source in ("answer", "template", "origin", None):
        assert bake.DEFAULT_CHECKS_REPOSITORY not in bake.next_steps(valid_answers(), checks_source=source)
