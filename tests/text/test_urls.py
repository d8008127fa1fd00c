"""Repository URLs, normalised so that spellings of one repository compare equal."""

from __future__ import annotations

import pytest

from oss_checks.text.urls import RepoUrl, parse_repo_url, project_urls, url_label


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/Acme/Churn",
        "https://www.github.com/acme/churn.git/",
        "git@github.com:acme/churn.git",
        "git+https://github.com/acme/churn@v1.0",
        "https://github.com/acme/churn.",
    ],
)
def test_spellings_of_one_repository(url: str) -> None:
    assert parse_repo_url(url) == RepoUrl("github.com", ("acme", "churn"))


def test_gitlab_pages_after_the_dash_are_not_the_repository() -> None:
    parsed = parse_repo_url("https://gitlab.com/group/sub/project/-/issues")
    assert parsed == RepoUrl("gitlab.com", ("group", "sub", "project"))
    assert parsed.text == "https://gitlab.com/group/sub/project"


@pytest.mark.parametrize("url", ["mailto:a@b.test", "not a url", "https://[broken"])
def test_what_is_not_a_repository_url(url: str) -> None:
    assert parse_repo_url(url) is None


def test_labels_and_urls_of_pyproject() -> None:
    assert url_label("Bug Tracker") == "bugtracker"
    assert project_urls({"urls": {"Source": "https://x.test", "Bad": 3}}) == {"Source": "https://x.test"}
    assert project_urls({}) == {}
