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


@pytest.mark.parametrize(
    ("url", "repository"),
    [
        ("https://github.com/Acme/Churn/tree/main/src", ("acme", "churn")),
        ("https://github.com/acme/churn/issues/12", ("acme", "churn")),
        ("https://gitlab.com/group/sub/project/-/issues", ("group", "sub", "project")),
        ("https://gitlab.example.test/group/project/issues", ("group", "project")),
        ("https://github.com/acme", ("acme",)),
    ],
)
def test_the_repository_a_url_points_into(url: str, repository: tuple[str, ...]) -> None:
    parsed = parse_repo_url(url)
    assert parsed is not None
    assert parsed.repository == repository


def test_same_repository_compares_host_owner_and_name_only() -> None:
    def url(text: str) -> RepoUrl:
        parsed = parse_repo_url(text)
        assert parsed is not None
        return parsed

    assert url("https://github.com/acme/churn/wiki").same_repository(url("git@github.com:Acme/churn.git"))
    assert not url("https://github.com/acme/churn").same_repository(url("https://github.com/acme/churn-v2"))
    assert not url("https://github.com/acme/churn").same_repository(url("https://gitlab.com/acme/churn"))
