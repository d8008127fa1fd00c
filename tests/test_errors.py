"""Every error a user can fix belongs to one family that the CLI prints as one line."""

from __future__ import annotations

import pytest

from oss_checks.cli import main
from oss_checks.errors import ConfigError, RepoError, TemplateError, UsageError, UserError


@pytest.mark.parametrize("kind", [UsageError, ConfigError, RepoError, TemplateError])
def test_user_facing_errors_share_one_base(kind: type[Exception]) -> None:
    assert issubclass(kind, UserError)


def test_a_user_error_from_any_command_is_one_line_and_exit_two(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*_: object) -> int:
        raise TemplateError("the template cannot be rendered with these answers: python_min")

    monkeypatch.setattr("oss_checks.commands.rules.run", refuse)
    assert main(["rules"]) == 2
    err = capsys.readouterr().err
    assert err == "oss-checks: error: the template cannot be rendered with these answers: python_min\n"
