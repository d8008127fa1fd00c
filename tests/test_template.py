"""Rendering the template for --fix and the drift commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.template import TemplateError, answers_for, defaults, render_file, rendered, template_root


def test_template_root_holds_cookiecutter_json() -> None:
    assert (template_root() / "cookiecutter.json").is_file()
    assert defaults()["project_type"] == "library"


def test_answers_come_from_pyproject_without_a_record(make_repo: MakeRepo) -> None:
    root = make_repo(
        {
            "pyproject.toml": '[project]\nname = "Churn Model"\ndescription = "Predict churn."\nlicense = "MIT"\n'
            'authors = [{ name = "Ana", email = "ana@example.org" }]\n'
            '[project.urls]\nSource = "https://github.com/acme/churn-model"\n'
        }
    )
    answers = answers_for(Repo(root))
    assert answers["project_slug"] == "churn-model"
    assert answers["package_name"] == "churn_model"
    assert answers["author_email"] == "ana@example.org"
    assert answers["repository_url"] == "https://github.com/acme/churn-model"
    assert (answers["license"], answers["visibility"]) == ("MIT", "public")


@pytest.mark.slow
def test_render_file_uses_the_answers(make_repo: MakeRepo) -> None:
    root = make_repo({"pyproject.toml": '[project]\nname = "churn-model"\ndescription = "Predict churn."\n'})
    text = render_file(Repo(root), "CITATION.cff")
    assert text is not None
    assert "Predict churn." in text
    assert render_file(Repo(root), "no/such/file") is None


def test_bad_answers_are_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot be rendered"), rendered({"python_min": "2.7"}):
        pass


@pytest.mark.slow
def test_a_team_mirror_of_the_hooks_survives_re_rendering(tmp_path: Path) -> None:
    mirror = "https://git.acme.test/tools/oss-template"
    with rendered({"project_name": "Churn", "_checks_repository": mirror}) as project:
        record = (project / ".oss-template.json").read_text(encoding="utf-8")
        assert f'repo: "{mirror}"' in (project / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    import json

    answers = json.loads(record)["answers"]
    assert answers["_checks_repository"] == mirror
    with rendered(answers) as again:
        assert f'repo: "{mirror}"' in (again / ".pre-commit-config.yaml").read_text(encoding="utf-8")
