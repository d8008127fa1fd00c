"""copier.yml is cookiecutter.json's questions for copier: same order, help, choices, defaults."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from oss_checks.copier_config import COPIER_FILE, copier_config, copier_name, yaml_string
from oss_checks.record import HIDDEN_ANSWERS
from oss_checks.template import HISTORY_DIR, PROJECT_DIR, unpack

ROOT = Path(__file__).resolve().parents[1]


def parsed(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(copier_config(root))
    return data


def test_the_shipped_copier_yml_is_generated_from_cookiecutter_json() -> None:
    assert (ROOT / COPIER_FILE).read_text(encoding="utf-8") == copier_config(ROOT)


def test_every_question_is_asked_in_the_same_order_with_the_same_help_and_defaults() -> None:
    cookiecutter = json.loads((ROOT / "cookiecutter.json").read_text(encoding="utf-8"))
    prompts = cookiecutter["__prompts__"]
    config = parsed(ROOT)
    questions = {name: value for name, value in config.items() if not name.startswith("_")}
    expected = [key for key in cookiecutter if not key.startswith("_") or key in HIDDEN_ANSWERS]
    assert list(questions) == [copier_name(key) for key in expected]
    for key in expected:
        question = questions[copier_name(key)]
        default = cookiecutter[key]
        assert question["type"] == "str", key
        assert question["validator"] == f"{{{{ cookiecutter | answer_problem('{key}') }}}}", key
        if isinstance(default, list):
            prompt = prompts[key]
            labels = prompt if isinstance(prompt, dict) else {}
            assert question["help"] == (prompt["__prompt__"] if labels else prompt), key
            assert list(question["choices"].values()) == default, key
            assert list(question["choices"]) == [labels.get(value, value) for value in default], key
            assert question["default"] == default[0], key
        else:
            # Defaults are cookiecutter's Jinja, verbatim: copier renders them with the same mapping.
            assert question["default"] == default, key
            if key.startswith("_"):
                assert question["ask"] is False, key
            else:
                assert question["help"] == prompts[key], key
                assert "ask" not in question, key


def test_copier_renders_the_project_folder_with_the_template_extension() -> None:
    config = parsed(ROOT)
    assert config["_subdirectory"] == "{% raw %}" + PROJECT_DIR + "{% endraw %}"
    assert config["_templates_suffix"] == ""
    assert config["_jinja_extensions"][-1] == "oss_template_copier.py:CookiecutterContext"
    assert (ROOT / "oss_template_copier.py").is_file()
    assert "{{ cookiecutter | excluded_paths }}" in config["_exclude"]
    # Where copier writes its answers file: a name that renders empty under cookiecutter.
    answers_file = "{% if _copier_conf is defined %}{{ _copier_conf.answers_file }}{% endif %}"
    assert (ROOT / PROJECT_DIR / answers_file).is_file()


def test_a_template_from_before_copier_support_gets_its_own_questions(tmp_path: Path) -> None:
    """0.1.0 had no copyright_holder and called ProperDocs mkdocs: its copier.yml says so."""
    old = unpack(HISTORY_DIR / "0.1.0.zip", tmp_path / "0.1.0")
    config = parsed(old)
    assert "copyright_holder" not in config
    assert list(config["docs"]["choices"].values()) == ["mkdocs", "sphinx", "none"]


@pytest.mark.parametrize("default", [True, {"a": "b"}, [], [1, 2]])
def test_a_question_copier_cannot_ask_the_same_way_is_refused(tmp_path: Path, default: object) -> None:
    root = tmp_path / "template"
    root.mkdir()
    questions = json.loads((ROOT / "cookiecutter.json").read_text(encoding="utf-8"))
    questions["odd"] = default
    (root / "cookiecutter.json").write_text(json.dumps(questions), encoding="utf-8")
    with pytest.raises(ValueError, match=r"^cookiecutter\.json: odd must "):
        copier_config(root)


def test_text_that_needs_quoting_stays_the_same_text(tmp_path: Path) -> None:
    root = tmp_path / "template"
    root.mkdir()
    hostile = 'Say "yes": #1 \\ {{ 7 }} \u2028 é'
    questions = {"name": hostile, "_template_version": "1", "__prompts__": {"name": hostile}}
    (root / "cookiecutter.json").write_text(json.dumps(questions), encoding="utf-8")
    config = parsed(root)
    assert config["name"]["default"] == hostile
    assert config["name"]["help"] == hostile


@given(st.text())
def test_any_text_is_written_as_a_yaml_string_that_reads_back_the_same(text: str) -> None:
    assert yaml.safe_load(f"key: {yaml_string(text)}") == {"key": text}
