"""The one renderer: literal answers, a clean copy of the template, its own Jinja extension."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drifting import OLD
from oss_checks import render
from oss_checks.errors import TemplateError
from oss_checks.render import complete, render_file, rendered
from oss_checks.template import template_files, template_root

pytestmark = pytest.mark.usefixtures("private_home")


@pytest.mark.slow
def test_each_template_renders_with_its_own_jinja_extension(old_template: Path) -> None:
    """Cookiecutter imports the extension by name; Python would reuse the first one loaded."""
    with render.rendered(template_root(), {}):
        pass  # leaves the current template's oss_template_jinja imported
    with render.rendered(old_template, {}) as project:
        assert (project / "OLD_NOTES.md").read_text(
            encoding="utf-8"
        ) == f"Notes shipped with oss-template {OLD}.\n"
    with render.rendered(template_root(), {}) as project:
        assert not (project / "OLD_NOTES.md").exists()


def test_missing_answers_take_the_defaults_derived_from_the_given_ones() -> None:
    context = complete(template_root(), {"project_name": "Churn Model"})
    assert context["project_slug"] == "churn-model"
    assert context["package_name"] == "churn_model"


def test_given_answers_are_never_rendered() -> None:
    context = complete(template_root(), {"project_name": "Seven {{ 7*7 }}", "project_slug": "seven"})
    assert context["project_name"] == "Seven {{ 7*7 }}"


@pytest.mark.slow
def test_render_file_uses_the_answers() -> None:
    text = render_file(
        template_root(), {"project_name": "churn-model", "description": "Predict churn."}, "CITATION.cff"
    )
    assert text is not None
    assert "Predict churn." in text
    assert render_file(template_root(), {}, "no/such/file") is None


def test_bad_answers_are_a_template_error() -> None:
    with (
        pytest.raises(TemplateError, match="cannot be rendered"),
        rendered(template_root(), {"python_min": "2.7"}),
    ):
        pass


@pytest.mark.slow
def test_a_team_mirror_of_the_hooks_survives_re_rendering() -> None:
    mirror = "https://git.acme.test/tools/oss-template"
    with rendered(template_root(), {"project_name": "Churn", "_checks_repository": mirror}) as project:
        record = (project / ".oss-template.json").read_text(encoding="utf-8")
        assert f'repo: "{mirror}"' in (project / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    answers = json.loads(record)["answers"]
    assert answers["_checks_repository"] == mirror
    with rendered(template_root(), answers) as again:
        assert f'repo: "{mirror}"' in (again / ".pre-commit-config.yaml").read_text(encoding="utf-8")


def test_a_recorded_answer_holding_jinja_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    payload = "{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}"
    with render.rendered(template_root(), {"project_name": "Churn", "description": payload}) as project:
        assert payload in (project / "pyproject.toml").read_text(encoding="utf-8")
    assert not marker.exists()


def test_bytecode_in_the_installed_template_never_reaches_a_bake(tmp_path: Path) -> None:
    """``pip install`` compiles the template's .py files into __pycache__ inside the wheel."""
    copy = tmp_path / "template"
    for name, source in template_files(template_root()).items():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, copy / name)
    package = copy / "{{cookiecutter.project_slug}}" / "src" / "{{cookiecutter.package_name}}"
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "metrics.cpython-311.pyc").write_bytes(b"\x00compiled")
    (copy / "hooks" / "__pycache__").mkdir()
    (copy / "hooks" / "__pycache__" / "pre_gen_project.cpython-311.pyc").write_bytes(b"\x00compiled")
    with render.rendered(copy, {}) as project:
        leftovers = [p for p in project.rglob("*") if "__pycache__" in p.parts or p.suffix == ".pyc"]
    assert leftovers == []


@pytest.mark.slow
def test_a_bake_leaves_nothing_in_the_system_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cookiecutter never deletes the copies of the hooks it runs; ``new`` and ``update`` must not pile them up."""
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(system_temp))
    project = render.bake(template_root(), {"project_name": "Churn"}, tmp_path / "out", quiet=True)
    assert (project / "pyproject.toml").is_file()
    assert list(system_temp.iterdir()) == []
