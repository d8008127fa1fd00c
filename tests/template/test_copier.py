"""copier bakes and updates the same template: byte-identical bakes, the same refusals, a
three-way ``copier update`` from an older tag, and oss-checks reading what copier baked."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
import yaml

from conftest import git
from oss_checks import bake as bake_logic
from oss_checks.copier_config import copier_name
from oss_checks.record import RECORD_FILE
from template.baking import (
    FACTORS,
    MATRIX,
    TEMPLATE_ROOT,
    Answers,
    bake,
    baked_files,
    combo_id,
    complete,
    covering,
    expected_files,
    git_commit_all,
    write_cookiecutter_config,
)
from template.copying import (
    COPIER_ANSWERS,
    cookiecutter_command,
    copier_copy,
    copier_env,
    copy_arguments,
    read_copier_answers,
    released_template,
    run_copier,
    template_folder,
    template_repository,
    tree,
    tree_differences,
)
from template.test_bake import HOSTILE, hooks_repository

pytestmark = pytest.mark.slow

Pair = tuple[Path, Path]
#: Combinations of the pairwise matrix that hold every value of every option between them (a
#: bake of each under both engines; test_bake.py bakes the whole matrix with cookiecutter), the
#: hostile names, and a team's hooks repository on its own host.
REPRESENTATIVE = covering(MATRIX)
CASES: list[Answers] = [
    *REPRESENTATIVE,
    *HOSTILE,
    {
        "_checks_repository": "https://git.acme.test/tools/oss-template",
        "ci": "gitlab",
        "git_host": "git.acme.test",
    },
]
CASE_IDS = [
    *(combo_id(answers) for answers in REPRESENTATIVE),
    "quotes",
    "yaml-indicators",
    "non-ascii",
    "team-hooks",
]


def test_the_cases_hold_every_option_value() -> None:
    for name, values in FACTORS.items():
        assert {answers[name] for answers in REPRESENTATIVE} == set(values), name
    assert len(REPRESENTATIVE) < len(MATRIX)


@pytest.fixture(scope="session")
def template_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template's own files in a folder without git, which both engines bake from."""
    return template_folder(tmp_path_factory.mktemp("template") / "oss-template")


@pytest.fixture(scope="session")
def both_engines(template_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[Answers], Pair]:
    """(cookiecutter's bake, copier's bake) of ``template_copy``, once per set of answers."""
    cache: dict[str, Pair] = {}
    root = tmp_path_factory.mktemp("engines")

    def get(answers: Answers) -> Pair:
        key = json.dumps(answers, sort_keys=True)
        if key not in cache:
            folder = root / f"case{len(cache)}"
            cookiecutter = bake(answers, folder / "cookiecutter", template=template_copy)
            copier = copier_copy(
                template_copy, folder / "copier" / cookiecutter.name, answers, folder / "home"
            )
            cache[key] = (cookiecutter, copier)
        return cache[key]

    return get


# -- one source, the same bytes ------------------------------------------------------------
#: The byte comparison runs over the whole matrix; the slower behaviours over the cases above.
SAME_BYTES = [*MATRIX, *CASES[len(REPRESENTATIVE) :]]
SAME_BYTES_IDS = [*(combo_id(answers) for answers in MATRIX), *CASE_IDS[len(REPRESENTATIVE) :]]


@pytest.mark.parametrize("answers", SAME_BYTES, ids=SAME_BYTES_IDS)
def test_copier_bakes_the_same_bytes_as_cookiecutter(
    both_engines: Callable[[Answers], Pair], answers: Answers
) -> None:
    cookiecutter, copier = both_engines(answers)
    # Every folder and file, its bytes and its executable bit; copier adds only its answers file.
    assert tree_differences(cookiecutter, copier, ignore=frozenset({COPIER_ANSWERS})) == []
    assert set(tree(copier)) - set(tree(cookiecutter)) == {COPIER_ANSWERS}
    assert baked_files(copier) == expected_files(complete(answers)) | {COPIER_ANSWERS}


@pytest.mark.parametrize("answers", CASES, ids=CASE_IDS)
def test_copier_records_the_same_answers_in_its_own_file(
    both_engines: Callable[[Answers], Pair], answers: Answers, template_copy: Path
) -> None:
    _, copier = both_engines(answers)
    record = json.loads((copier / RECORD_FILE).read_text(encoding="utf-8"))["answers"]
    recorded = read_copier_answers(copier)
    assert recorded.pop("_src_path") == str(template_copy)
    assert "_commit" not in recorded  # a folder without git has no version to record
    # The same answers; the hidden one under copier's name, as copier.yml asks for it. The
    # record holds the address the bake resolved, copier's file the answer as given.
    expected = {copier_name(key): value for key, value in record.items()}
    expected["checks_repository"] = answers.get("_checks_repository", bake_logic.DEFAULT_CHECKS_REPOSITORY)
    assert recorded == expected
    assert "oss-template" in (copier / COPIER_ANSWERS).read_text(encoding="utf-8").splitlines()[0]


def test_answers_reach_copier_as_data_never_as_templates(template_copy: Path, tmp_path: Path) -> None:
    """cookiecutter renders every answer it is given; copier takes them literally."""
    witness = tmp_path / "witness"
    name = f"{{{{ cycler.__init__.__globals__.os.system('touch {witness}') }}}} {{% now 'utc' %}}"
    project = copier_copy(
        template_copy, tmp_path / "out" / "x", {"project_name": name, "project_slug": "x"}, tmp_path / "home"
    )
    assert not witness.exists()
    record = json.loads((project / RECORD_FILE).read_text(encoding="utf-8"))["answers"]
    assert record["project_name"] == name
    assert read_copier_answers(project)["project_name"] == name


# -- the same refusals, one question at a time ---------------------------------------------
REFUSED: list[tuple[Answers, str]] = [
    ({"project_slug": "team/project"}, "project_slug"),
    ({"package_name": "json"}, "package_name"),
    ({"author_email": "data-science.example.com"}, "author_email"),
    ({"copyright_holder": " Acme"}, "copyright_holder"),
    ({"visibility": "public", "license": "Proprietary"}, "license"),
    ({"ci": "gitlab", "git_host": "github.com"}, "ci"),
    ({"copyright_year": "26"}, "copyright_year"),
    ({"_checks_repository": 'https://github.com/acme/x"; rm -rf /'}, "_checks_repository"),
]


@pytest.mark.parametrize(("answers", "field"), REFUSED, ids=[field for _, field in REFUSED])
def test_copier_refuses_what_cookiecutter_refuses_naming_the_question(
    template_copy: Path, tmp_path: Path, answers: Answers, field: str
) -> None:
    destination = tmp_path / "out" / "project"
    done = run_copier(
        copy_arguments(template_copy, destination, answers, tmp_path / "home"), tmp_path, tmp_path
    )
    assert done.returncode != 0
    # copier raises its validation error (with Python's traceback when answers come from
    # --data; at the prompt the same line shows under the question): its last line is ours.
    why = bake_logic.answer_problem(field, complete(answers) | answers)
    assert why is not None
    expected = (
        f"ValueError: Validation error for question '{copier_name(field)}': {why.removeprefix(field + ': ')}"
    )
    assert done.stderr.strip().splitlines()[-1] == expected
    assert not destination.exists()


def test_a_copy_prints_the_next_steps(template_copy: Path, tmp_path: Path) -> None:
    env = copier_env(tmp_path, PWD=str(tmp_path))
    del env["OSS_TEMPLATE_QUIET"]
    arguments = copy_arguments(template_copy, Path("out/demand-forecasting"), {}, tmp_path / "home")
    done = run_copier(arguments, tmp_path, tmp_path, env)
    assert done.returncode == 0, done.stderr
    printed = done.stdout + done.stderr
    assert "Baked Demand Forecasting into out/demand-forecasting. Next steps:" in printed
    assert "  cd out/demand-forecasting" in printed
    assert "pre-commit install" in printed
    # This copy has no git remote: the note says where the hooks point and how to change it.
    # copier names the hidden answer as copier.yml asks for it.
    assert "names no repository (no git remote)" in printed
    assert "bake again with `--data checks_repository=<your copy>`" in printed
    assert "_checks_repository" not in printed


# -- where the hooks come from ---------------------------------------------------------------
def fork(tmp_path: Path, remote: str) -> Path:
    """A team's clone of the template: a git repository whose origin is ``remote``."""
    folder = template_folder(tmp_path / "fork")
    git_commit_all(folder)
    git(folder, "remote", "add", "origin", remote)
    return folder


def test_a_fork_bakes_hooks_from_its_origin_under_both_engines(tmp_path: Path) -> None:
    template = fork(tmp_path, "git@github.com:acme/oss-template.git")
    answers = {"copyright_year": "2031"}
    copier = copier_copy(template, tmp_path / "copier" / "demand-forecasting", answers, tmp_path / "home")
    cookiecutter = bake(answers, tmp_path / "cookiecutter", template=template)
    assert hooks_repository(copier) == "https://github.com/acme/oss-template"
    assert tree_differences(cookiecutter, copier, ignore=frozenset({COPIER_ANSWERS})) == []
    # copier renders from a clone; it records the folder the team named, and the commit.
    recorded = read_copier_answers(copier)
    assert recorded["_src_path"] == str(template)
    assert recorded["_commit"] == git(template, "describe", "--tags", "--always").strip()


def test_an_explicit_checks_repository_is_recorded_by_copier_too(tmp_path: Path) -> None:
    template = fork(tmp_path, "git@github.com:acme/oss-template.git")
    mirror = "https://git.acme.test/tools/oss-checks"
    copier = copier_copy(template, tmp_path / "out" / "p", {"_checks_repository": mirror}, tmp_path / "home")
    assert hooks_repository(copier) == mirror
    assert read_copier_answers(copier)["checks_repository"] == mirror


def test_origin_text_that_is_not_an_address_stays_text(tmp_path: Path) -> None:
    witness = tmp_path / "witness"
    template = fork(tmp_path, f"https://github.com/acme/x$(touch {witness})")
    copier = copier_copy(template, tmp_path / "out" / "p", {}, tmp_path / "home")
    assert hooks_repository(copier) == bake_logic.DEFAULT_CHECKS_REPOSITORY
    assert not witness.exists()


# -- copier update, three-way --------------------------------------------------------------
TEAM_NOTES = "\n## Team notes\n\nThe forecasts feed the weekly planning meeting.\n"
DASHBOARD = 'Dashboard = "https://dash.example.org/demand"\n'
HOMEPAGE = 'Homepage = "https://github.com/example-org/demand-forecasting"\n'
UPDATE = ["update", "--trust", "--skip-answered", "--defaults"]


@pytest.fixture(scope="module")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template as a git repository: v0.1.0 (the released archive) and v0.2.0 (this checkout)."""
    return template_repository(tmp_path_factory.mktemp("repo") / "oss-template")


def baked_at_0_1_0(template_repo: Path, tmp_path: Path, answers: Mapping[str, str]) -> Path:
    """A project copier baked at v0.1.0, committed, with the edits a team makes in its first weeks."""
    project = copier_copy(
        template_repo, tmp_path / "demand-forecasting", answers, tmp_path / "home", "v0.1.0"
    )
    git_commit_all(project)
    readme = project / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + TEAM_NOTES, encoding="utf-8")
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    assert HOMEPAGE in text
    pyproject.write_text(text.replace(HOMEPAGE, HOMEPAGE + DASHBOARD), encoding="utf-8")
    (project / "src" / "demand_forecasting" / "forecast.py").write_text(
        '"""Our model."""\n', encoding="utf-8"
    )
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Team edits")
    return project


ANALYSIS = {"project_type": "analysis", "copyright_year": "2031"}


def test_copier_bakes_the_released_template_as_cookiecutter_did(template_repo: Path, tmp_path: Path) -> None:
    copier = copier_copy(
        template_repo, tmp_path / "copier" / "demand-forecasting", ANALYSIS, tmp_path, "v0.1.0"
    )
    released = released_template(tmp_path / "released")
    cookiecutter = cookiecutter_command(released, tmp_path / "cookiecutter", ANALYSIS, tmp_path / "home")
    assert tree_differences(cookiecutter, copier, ignore=frozenset({COPIER_ANSWERS})) == []
    assert json.loads((copier / RECORD_FILE).read_text(encoding="utf-8"))["version"] == "0.1.0"
    assert read_copier_answers(copier)["_commit"] == "v0.1.0"


def test_copier_update_merges_the_template_changes_with_the_teams_edits(
    template_repo: Path, tmp_path: Path
) -> None:
    project = baked_at_0_1_0(template_repo, tmp_path, ANALYSIS)
    # oss-checks leaves the project to copier, which keeps its own record in step.
    refused = oss_checks(project, tmp_path, "update", ".")
    assert refused.returncode == 2
    assert "update it with `copier update --trust`" in refused.stderr
    done = run_copier([*UPDATE, "--vcs-ref", "v0.2.0"], project, tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Updating to template version 0.2.0" in done.stdout + done.stderr

    # What a fresh bake of v0.2.0 with the project's answers holds, plus the team's edits.
    answers = read_copier_answers(project)
    assert answers["_commit"] == "v0.2.0"
    assert answers["copyright_holder"] == "example-org"  # new in 0.2.0: its default
    fresh_answers = {key: str(value) for key, value in answers.items() if not key.startswith("_")}
    fresh_answers["_checks_repository"] = fresh_answers.pop("checks_repository")
    fresh = copier_copy(
        template_repo, tmp_path / "fresh" / project.name, fresh_answers, tmp_path / "home", "v0.2.0"
    )
    differing = tree_differences(fresh, project, ignore=frozenset({COPIER_ANSWERS}))
    assert differing == ["README.md", "pyproject.toml", "src/demand_forecasting/forecast.py"]
    assert (project / "README.md").read_text(encoding="utf-8") == (fresh / "README.md").read_text(
        encoding="utf-8"
    ) + TEAM_NOTES
    fresh_pyproject = (fresh / "pyproject.toml").read_text(encoding="utf-8")
    assert (project / "pyproject.toml").read_text(encoding="utf-8") == fresh_pyproject.replace(
        HOMEPAGE, HOMEPAGE + DASHBOARD
    )
    # The template did change both files: the merge kept both sides.
    assert "ProperDocs" in (project / "README.md").read_text(encoding="utf-8")
    assert '"python-dotenv>=1.0"' in (project / "pyproject.toml").read_text(encoding="utf-8")
    record = json.loads((project / RECORD_FILE).read_text(encoding="utf-8"))
    assert record["version"] == "0.2.0"
    assert not [path for path in baked_files(project) if path.endswith((".rej", ".orig"))]

    # oss-checks reads the record copier wrote: the drift rules find nothing to report.
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Update from oss-template 0.2.0")
    checked = oss_checks(project, tmp_path, "check", ".", "--select", "OSS701,OSS703,OSS704")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def oss_checks(project: Path, home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """``oss-checks`` run in ``project``, with a cookiecutter config of its own (diff and update read one)."""
    config = write_cookiecutter_config(home)
    return subprocess.run(
        [sys.executable, "-m", "oss_checks", *arguments],
        cwd=project,
        env=copier_env(home, COOKIECUTTER_CONFIG=str(config)),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_a_conflicting_edit_leaves_markers_that_oss_checks_reports(
    template_repo: Path, tmp_path: Path
) -> None:
    project = baked_at_0_1_0(template_repo, tmp_path, ANALYSIS)
    readme = project / "README.md"
    old_line = "Without [uv](https://docs.astral.sh/uv/), use pip 25.1 or newer inside a virtual environment:"
    text = readme.read_text(encoding="utf-8")
    assert old_line in text
    readme.write_text(
        text.replace(old_line, "Without uv, ask the platform team for an environment."), encoding="utf-8"
    )
    git(project, "commit", "-q", "-am", "Our own setup advice")
    done = run_copier([*UPDATE, "--vcs-ref", "v0.2.0"], project, tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    merged = readme.read_text(encoding="utf-8")
    assert "<<<<<<<" in merged
    assert "Without uv, ask the platform team for an environment." in merged
    checked = oss_checks(project, tmp_path, "check", ".", "--select", "OSS703")
    assert checked.returncode == 1
    assert "README.md" in checked.stdout
    assert "merge conflict marker" in checked.stdout


# -- oss-checks on what copier baked -------------------------------------------------------
def test_a_copier_bake_passes_oss_checks_on_day_one(template_copy: Path, tmp_path: Path) -> None:
    project = copier_copy(template_copy, tmp_path / "demand-forecasting", {}, tmp_path / "home")
    git_commit_all(project)
    done = oss_checks(project, tmp_path, "check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_oss_checks_diff_reads_a_copier_bake(template_copy: Path, tmp_path: Path) -> None:
    project = copier_copy(template_copy, tmp_path / "demand-forecasting", {}, tmp_path / "home")
    same = oss_checks(project, tmp_path, "diff", ".")
    assert same.returncode == 0, same.stdout + same.stderr
    assert "The managed files match oss-template" in same.stderr
    contributing = project / "CONTRIBUTING.md"
    contributing.write_text(contributing.read_text(encoding="utf-8") + "Our note.\n", encoding="utf-8")
    changed = oss_checks(project, tmp_path, "diff", ".", "--stat")
    assert changed.returncode == 1
    assert changed.stdout.split() == ["CONTRIBUTING.md", "|", "+0", "-1"]


def test_a_deleted_file_is_restored_on_a_copier_bake(template_copy: Path, tmp_path: Path) -> None:
    project = copier_copy(template_copy, tmp_path / "demand-forecasting", {}, tmp_path / "home")
    original = (project / "CITATION.cff").read_bytes()
    git_commit_all(project)
    (project / "CITATION.cff").unlink()
    found = oss_checks(project, tmp_path, "check", ".", "--select", "OSS704")
    assert found.returncode == 1
    assert "CITATION.cff is managed by the template but missing" in found.stdout
    fixed = oss_checks(project, tmp_path, "check", ".", "--select", "OSS704", "--fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert (project / "CITATION.cff").read_bytes() == original


# -- the docs page's examples ------------------------------------------------------------
DOCS = TEMPLATE_ROOT / "docs" / "copier-and-cruft.md"


def docs_example(language: str, first_line: str) -> str:
    """The fenced ``language`` block of docs/copier-and-cruft.md whose first line is ``first_line``."""
    text = DOCS.read_text(encoding="utf-8")
    for block in re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL):
        if block.startswith(first_line):
            return str(block)
    raise AssertionError(f"{DOCS.name} has no {language} block starting {first_line!r}")


def test_the_documented_copier_settings_give_the_teams_answers_without_trust_flag(
    template_copy: Path, tmp_path: Path
) -> None:
    settings = yaml.safe_load(docs_example("yaml", "# Acme Analytics: copier settings"))
    questions = yaml.safe_load((template_copy / "copier.yml").read_text(encoding="utf-8"))
    # copier ignores a default for a question it does not have: a typo would go unnoticed.
    assert set(settings["defaults"]) <= {name for name in questions if not name.startswith("_")}
    assert all(prefix.endswith("/") for prefix in settings["trust"])  # prefixes, as the page says
    settings["trust"].append(str(template_copy))
    path = tmp_path / "settings.yml"
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    destination = tmp_path / "out" / "churn-model"
    arguments = ["copy", "--quiet", "--defaults", "--data", "project_name=Churn model"]
    done = run_copier(
        [*arguments, str(template_copy), str(destination)],
        tmp_path,
        tmp_path,
        copier_env(tmp_path / "home", COPIER_SETTINGS_PATH=str(path)),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    record = json.loads((destination / RECORD_FILE).read_text(encoding="utf-8"))["answers"]
    for name, value in settings["defaults"].items():
        assert record["_checks_repository" if name == "checks_repository" else name] == value, name
    assert hooks_repository(destination) == settings["defaults"]["checks_repository"]
    assert record["repository_url"] == "https://gitlab.acme.example/acme-analytics/churn-model"


def test_the_documented_renovate_config_lets_copier_trust_the_template() -> None:
    config = json.loads(docs_example("json", "{"))
    assert config["ignoreScripts"] is False
    (rule,) = config["packageRules"]
    assert rule["matchManagers"] == ["copier"]
