"""[tool.oss-checks]: selection, ignores with reasons, options, team config, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from oss_checks.config import Config, default_codes, expand, load_config, parse_table
from oss_checks.context import Repo
from oss_checks.errors import ConfigError
from oss_checks.rules import load_rules


def repo_with(tmp_path: Path, table: str) -> Repo:
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n[tool.oss-checks]\n{table}\n')
    return Repo(tmp_path)


def config_of(repo: Repo) -> Config:
    return load_config(repo.root, repo.pyproject)


def test_expand_accepts_codes_prefixes_names_and_all() -> None:
    registry = load_rules()
    assert expand(["OSS101"], "x") == {"OSS101"}
    assert expand(["readme-content"], "x") == {"OSS101"}
    assert expand(["OSS3"], "x") == {c for c in registry if c.startswith("OSS3") and not registry[c].opt_in}
    assert expand(["ALL"], "x", include_opt_in=True) == set(registry)


@pytest.mark.parametrize("selector", ["OSS999", "nonsense-rule", "XYZ1"])
def test_expand_rejects_unknown_selectors(selector: str) -> None:
    with pytest.raises(ConfigError, match="unknown rule code"):
        expand([selector], "where")


def test_opt_in_rules_run_only_when_named() -> None:
    opt_in = {code for code, rule in load_rules().items() if rule.opt_in}
    assert opt_in, "the registry should have at least one opt-in rule"
    assert not opt_in & default_codes()
    config = Config(extend_select=sorted(opt_in))
    assert opt_in <= set(config.selected())


def test_ignore_needs_a_reason(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="needs a reason"):
        config_of(repo_with(tmp_path, 'ignore = { OSS101 = "" }'))
    with pytest.raises(ConfigError, match='table of rule = "reason"'):
        config_of(repo_with(tmp_path, 'ignore = ["OSS101"]'))


def test_ignore_and_per_path_ignores_keep_reasons(tmp_path: Path) -> None:
    config = config_of(
        repo_with(
            tmp_path,
            'ignore = { readme-content = "generated elsewhere" }\n'
            '[tool.oss-checks.per-path-ignores]\n"notebooks/archive/**" = { OSS304 = "historical names" }\n',
        )
    )
    assert config.ignore == {"OSS101": "generated elsewhere"}
    assert config.ignore_reason("OSS304", "notebooks/archive/x.ipynb") == "historical names"
    assert config.ignore_reason("OSS304", "notebooks/x.ipynb") is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("colour = 1", "unknown key 'colour'"),
        ('select = "OSS1"', "must be a list of strings"),
        ('project-type = "app"', 'must be "library" or "analysis"'),
        ("[tool.oss-checks.options.notebook-name]\nshape = 1", "unknown option 'shape'"),
        ("[tool.oss-checks.options.notebook-name]\npattern = 3", "must be a string"),
        ("[tool.oss-checks.options.no-such-rule]\nx = 1", "unknown rule 'no-such-rule'"),
        ('extend = "missing.toml"', "is not a file"),
        ('extend = "pkg:no_such_package_here"', "no installed package"),
    ],
)
def test_config_errors_are_one_clear_line(tmp_path: Path, table: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as raised:
        config_of(repo_with(tmp_path, table))
    assert "\n" not in str(raised.value)


def test_team_config_is_laid_under_the_repo_config(tmp_path: Path) -> None:
    team = tmp_path / "team.toml"
    team.write_text(
        '[tool.oss-checks]\nignore = { OSS107 = "team: internal tools are not cited" }\n'
        '[tool.oss-checks.options.notebook-name]\npattern = "^team-.*"\n'
    )
    repo_dir = tmp_path / "repo"
    repo_dir.mkdir()
    config = config_of(
        repo_with(
            repo_dir,
            'extend = "../team.toml"\n[tool.oss-checks.options.notebook-name]\npattern = "^repo-.*"\n',
        )
    )
    assert config.ignore["OSS107"].startswith("team:")
    assert config.options["OSS304"]["pattern"] == "^repo-.*"
    assert config.sources == [str(team), "pyproject.toml"]


def test_command_line_select_replaces_config(tmp_path: Path) -> None:
    config = config_of(repo_with(tmp_path, 'select = ["OSS1"]'))
    assert all(code.startswith("OSS1") for code in config.selected())
    assert config.selected(select=["OSS2"], ignore=["OSS201"]) == [
        code for code in load_rules() if code.startswith("OSS2") and code != "OSS201"
    ]


def test_parse_table_rejects_non_tables() -> None:
    with pytest.raises(ConfigError, match="must be a table"):
        parse_table(["x"], "somewhere")
