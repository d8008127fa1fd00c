"""Team defaults: cookiecutter's ``default_context`` for new projects, a shared rule config.

The YAML and TOML examples come from docs/team-defaults.md, so the page stays true.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import Check, MakeRepo
from oss_checks.cli import main
from oss_checks.engine import open_repo
from oss_checks.record import RECORD_FILE
from oss_checks.render import hook_scripts_in
from oss_checks.template import template_root

DOCS = Path(__file__).resolve().parent.parent / "docs" / "team-defaults.md"


def example(language: str, first_line: str) -> str:
    """The fenced ``language`` block of the docs page whose first line is ``first_line``."""
    text = DOCS.read_text(encoding="utf-8")
    for block in re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL):
        if block.startswith(first_line):
            return str(block)
    raise AssertionError(f"docs/team-defaults.md has no {language} block starting {first_line!r}")


TEAM_YAML = example("yaml", "# Acme Analytics: defaults")
TEAM_TOML = example("toml", "# Acme Analytics: conventions")


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the tester's own ~/.cookiecutterrc and replay files out of it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("COOKIECUTTER_CONFIG", raising=False)


def team_context() -> dict[str, str]:
    data = yaml.safe_load(TEAM_YAML)
    context: dict[str, str] = data["default_context"]
    return context


def recorded_answers(project: Path) -> dict[str, Any]:
    answers: dict[str, Any] = json.loads((project / RECORD_FILE).read_text(encoding="utf-8"))["answers"]
    return answers


def test_documented_defaults_are_template_prompts() -> None:
    """Cookiecutter ignores unknown keys silently, so a typo in the docs would go unnoticed."""
    prompts = json.loads((template_root() / "cookiecutter.json").read_text(encoding="utf-8"))
    assert set(team_context()) <= {key for key in prompts if not key.startswith("_")}


@pytest.mark.slow
def test_bake_takes_the_team_defaults_from_the_config_file(tmp_path: Path) -> None:
    from cookiecutter.main import cookiecutter

    config = tmp_path / "team-cookiecutter.yaml"
    config.write_text(TEAM_YAML, encoding="utf-8")
    with hook_scripts_in(tmp_path):
        project = Path(
            cookiecutter(
                str(template_root()), no_input=True, output_dir=str(tmp_path), config_file=str(config)
            )
        )
    answers = recorded_answers(project)
    team = team_context()
    assert {key: answers[key] for key in team} == team
    assert answers["repository_url"] == (
        f"https://{team['git_host']}/{team['organisation']}/{answers['project_slug']}"
    )
    assert (project / ".gitlab-ci.yml").is_file()
    assert not (project / ".github").exists()
    assert "Apache License" in (project / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.slow
def test_oss_checks_new_reads_cookiecutter_config_and_answers_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "team-cookiecutter.yaml"
    config.write_text(TEAM_YAML, encoding="utf-8")
    monkeypatch.setenv("COOKIECUTTER_CONFIG", str(config))
    code = main(["new", "--no-input", "-o", str(tmp_path), "project_name=Churn model", "license=MIT"])
    capsys.readouterr()
    assert code == 0
    answers = recorded_answers(tmp_path / "churn-model")
    assert answers["organisation"] == "acme-analytics"
    assert answers["code_owners"] == "@acme-analytics/data-science"
    assert answers["repository_url"] == "https://gitlab.acme.example/acme-analytics/churn-model"
    assert answers["license"] == "MIT"  # given on the command line: beats the team default


# -- the team-wide rule configuration ---------------------------------------------------------------
PYPROJECT = '[project]\nname = "churn-model"\n\n[tool.oss-checks]\nextend = {reference}\n{extra}'
BIG = b"x" * 600 * 1024  # over the team's 512 KB, under the built-in 1024 KB


@pytest.fixture
def conventions_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny installed package shipping the team's oss-checks.toml, as in the docs."""
    site = tmp_path / "site-packages"
    package = site / "acme_conventions"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "oss-checks.toml").write_text(TEAM_TOML, encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    return package / "oss-checks.toml"


def test_team_config_from_a_package_applies(
    conventions_package: Path, make_repo: MakeRepo, check: Check
) -> None:
    root = make_repo(
        {"pyproject.toml": PYPROJECT.format(reference='"pkg:acme_conventions"', extra=""), "model.bin": BIG}
    )
    config = open_repo(root)[1]
    assert config.sources == [str(conventions_package), "pyproject.toml"]
    assert config.options["OSS702"] == {"max-releases-behind": 0, "max-days-behind": 60}
    assert "OSS209" in config.ignore
    assert "OSS802" in config.selected()
    (finding,) = check(root, "OSS403")
    assert (finding.path, "512 KB limit" in finding.message) == ("model.bin", True)


def test_repository_settings_win_over_the_team(
    conventions_package: Path, make_repo: MakeRepo, check: Check
) -> None:
    extra = "\n[tool.oss-checks.options.large-file]\nmax-kb = 1024\n"
    root = make_repo(
        {
            "pyproject.toml": PYPROJECT.format(reference='"pkg:acme_conventions"', extra=extra),
            "model.bin": BIG,
        }
    )
    assert check(root, "OSS403") == []
    assert open_repo(root)[1].options["OSS702"]["max-releases-behind"] == 0  # the rest still applies


def test_team_config_by_path_is_shared_by_many_repositories(tmp_path: Path, check: Check) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "oss-checks.toml").write_text(TEAM_TOML, encoding="utf-8")
    for name in ("churn-model", "demand-forecast"):
        root = tmp_path / name
        root.mkdir()
        (root / "pyproject.toml").write_text(
            PYPROJECT.format(reference='"../team/oss-checks.toml"', extra=""), encoding="utf-8"
        )
        (root / "model.bin").write_bytes(BIG)
        assert [finding.path for finding in check(root, "OSS403")] == ["model.bin"]


def test_missing_team_package_is_one_line_exit_two(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo({"pyproject.toml": PYPROJECT.format(reference='"pkg:acme_conventions"', extra="")})
    monkeypatch.chdir(root)
    assert main(["check", "--select", "OSS403"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "oss-checks: error: pyproject.toml: [tool.oss-checks] extend: "
        "no installed package named 'acme_conventions'\n"
    )
