"""The JSON schema of [tool.oss-checks], published to validate-pyproject."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from oss_checks.rules import load_rules
from oss_checks.schema import tool_schema


def test_schema_knows_every_rule_and_option() -> None:
    schema = tool_schema()
    rules = set(schema["definitions"]["rule"]["enum"])
    for code, rule in load_rules().items():
        assert {code, rule.name} <= rules
        options = schema["properties"]["options"]["properties"][rule.name]["properties"]
        assert set(options) == set(rule.options)


@pytest.mark.parametrize(
    ("table", "valid"),
    [
        ('ignore = { OSS101 = "the README lives on the wiki" }', True),
        ("[tool.oss-checks.options.notebook-name]\npattern = '^x'", True),
        ("colour = 1", False),
        ('ignore = { OSS999 = "no such rule" }', False),
        ("[tool.oss-checks.options.notebook-name]\npattern = 3", False),
    ],
)
def test_validate_pyproject_uses_the_schema(tmp_path: Path, table: str, valid: bool) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f'[project]\nname = "x"\nversion = "1"\n\n[tool.oss-checks]\n{table}\n')
    done = subprocess.run(
        [str(Path(sys.executable).parent / "validate-pyproject"), str(pyproject)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode == 0) is valid, done.stdout + done.stderr
