"""Who a repository is for: published, released, open to contributions."""

from __future__ import annotations

from pathlib import Path

from conftest import MakeRepo, git
from oss_checks.context import Repo
from oss_checks.text.audience import (
    invites_contributions,
    is_package,
    makes_releases,
    presented,
    published,
    read_as_notebooks,
)
from oss_checks.text.tags import release_tags, released_after

CLASSIFIED = (
    '[project]\nname = "tool"\nversion = "1.0"\nclassifiers = ["Programming Language :: Python :: 3"]\n'
)
#: A CI job that uploads the package to PyPI.
UPLOAD_WORKFLOW = "jobs:\n  publish:\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n"


def test_published_by_its_metadata_or_its_ci(make_repo: MakeRepo) -> None:
    assert published(Repo(make_repo({"pyproject.toml": CLASSIFIED}))) == (
        "pyproject.toml describes it for a package index"
    )
    setup_cfg = "[metadata]\nname = tool\nclassifiers =\n    License :: OSI Approved :: BSD License\n"
    assert (
        published(Repo(make_repo({"setup.cfg": setup_cfg}))) == "setup.cfg describes it for a package index"
    )
    repo = Repo(
        make_repo({".github/workflows/cd.yml": UPLOAD_WORKFLOW, "pyproject.toml": '[project]\nname = "x"\n'})
    )
    assert published(repo) == ".github/workflows/cd.yml uploads it to a package index"


def test_classifiers_of_a_project_that_cannot_be_built_describe_no_package(make_repo: MakeRepo) -> None:
    # A Jupyter Book's pixi workspace kept the classifiers of its template, and has no version.
    pixi = '[project]\nname = "tutorial"\nclassifiers = ["Programming Language :: Python"]\n\n[tool.pixi.workspace]\n'
    assert published(Repo(make_repo({"pyproject.toml": pixi}))) is None
    dynamic = pixi.replace('name = "tutorial"', 'name = "tutorial"\ndynamic = ["version"]')
    assert (
        published(Repo(make_repo({"pyproject.toml": dynamic})))
        == "pyproject.toml describes it for a package index"
    )


def test_not_published(make_repo: MakeRepo) -> None:
    # A tool-settings pyproject, a broken setup.cfg, notebooks: nothing is offered for installing.
    files: dict[str, str | bytes] = {
        "pyproject.toml": "[tool.black]\nline-length = 100\n",
        "setup.cfg": "[metadata\nbroken",
        "notebooks/eda.ipynb": "{}",
    }
    assert published(Repo(make_repo(files))) is None


def test_release_tags_and_releases(make_repo: MakeRepo) -> None:
    root = make_repo({"pyproject.toml": CLASSIFIED, ".github/workflows/cd.yml": UPLOAD_WORKFLOW}, commit=True)
    for tag in ("v1.2.0", "2024.06.01", "pkg-v0.3.1", "latest", "submission"):
        git(root, "tag", tag)
    repo = Repo(root)
    assert release_tags(repo) == ["2024.06.01", "pkg-v0.3.1", "v1.2.0"]
    # The newest by version; a calendar version is a later release than any 1.x.
    assert makes_releases(repo) == "it is published and tags its releases (2024.06.01)"


def test_classifiers_and_tags_without_an_upload_are_no_releases(make_repo: MakeRepo) -> None:
    # Classifiers written ahead of a first upload ("it will be on PyPI soon"), and a v0.1.1 tag.
    root = make_repo({"pyproject.toml": CLASSIFIED}, commit=True)
    git(root, "tag", "v0.1.0")
    git(root, "tag", "v0.1.1")
    assert makes_releases(Repo(root)) is None


def test_a_setup_cfg_of_tool_settings_is_no_package(make_repo: MakeRepo) -> None:
    # A Jupyter book keeps flake8 and isort settings in setup.cfg and tags its editions.
    tools = "[flake8]\nmax-line-length = 100\n\n[isort]\nprofile = black\n"
    assert not is_package(Repo(make_repo({"setup.cfg": tools, "pyproject.toml": "[tool.black]\n"})))
    assert is_package(Repo(make_repo({"setup.cfg": "[metadata]\nname = x\n"})))
    assert is_package(Repo(make_repo({"setup.cfg": "[options]\npackages = find:\n"})))


def test_tags_alone_are_not_releases_of_a_package(make_repo: MakeRepo) -> None:
    # Course deliverables v0..v8 on an analysis, or a setup.py with a tag: not a published package.
    root = make_repo(
        {"main.py": "print(1)\n", "setup.py": "from setuptools import setup\nsetup()\n"}, commit=True
    )
    git(root, "tag", "v1.0.0")
    repo = Repo(root)
    assert published(repo) == "it is a package with release tags"
    assert makes_releases(repo) is None
    assert makes_releases(Repo(make_repo({"pyproject.toml": CLASSIFIED}, git_init=False))) is None


def test_invites_contributions_with_its_own_guide(make_repo: MakeRepo) -> None:
    assert (
        invites_contributions(Repo(make_repo({"CONTRIBUTING.rst": "x"})))
        == "CONTRIBUTING.rst invites contributions"
    )
    docs = Repo(make_repo({"doc/developer/contribute.rst": "x"}))
    assert invites_contributions(docs) == "doc/developer/contribute.rst invites contributions"
    templates_only = Repo(make_repo({".github/ISSUE_TEMPLATE/bug.md": "What happened?"}))
    assert invites_contributions(templates_only) is None
    org_link = Repo(
        make_repo({"README.md": "## Contributor guidelines\n\n[Guide](https://github.com/org/x)\n"})
    )
    assert invites_contributions(org_link) is None


def test_a_guide_that_turns_contributions_away_invites_none(make_repo: MakeRepo) -> None:
    no = "# Contributing\n\nAt present we are not accepting contributions. Please open an issue instead.\n"
    assert invites_contributions(Repo(make_repo({"CONTRIBUTING.md": no}))) is None
    yes = "# Contributing\n\nWe welcome pull requests: fork, branch, test, open a PR.\n"
    assert (
        invites_contributions(Repo(make_repo({"CONTRIBUTING.md": yes})))
        == "CONTRIBUTING.md invites contributions"
    )


def test_the_distribution_name_is_read_from_every_kind_of_metadata(make_repo: MakeRepo) -> None:
    from oss_checks.text.audience import distribution_names, on_package_index

    setup_py = "from setuptools import setup\nsetup(\n    name='Missing_No',\n    version='0.5.2',\n)\n"
    setup_cfg = "[metadata]\nname = tidy.tables\n\n[options]\npackages = find:\n"
    assert distribution_names(Repo(make_repo({"setup.py": setup_py}))) == {"missing-no"}
    assert distribution_names(Repo(make_repo({"setup.cfg": setup_cfg}))) == {"tidy-tables"}
    readme = "# missingno\n\nJust `pip install missing-no` to get started.\n"
    assert on_package_index(Repo(make_repo({"setup.py": setup_py, "README.md": readme}))) == (
        "README.md tells readers to install it from a package index"
    )


def test_on_package_index_needs_the_upload_or_the_index_page(make_repo: MakeRepo) -> None:
    from oss_checks.text.audience import on_package_index

    # Classifiers alone are template output as often as an upload: not enough here.
    assert on_package_index(Repo(make_repo({"pyproject.toml": CLASSIFIED}))) is None
    badge = "# Tool\n\n[![PyPI](https://img.shields.io/pypi/v/Tool.svg)](https://pypi.org/project/tool/)\n"
    assert on_package_index(Repo(make_repo({"pyproject.toml": CLASSIFIED, "README.md": badge}))) == (
        "README.md links its page on a package index"
    )
    install = "# Tool\n\n    pip install -U tool\n"
    assert on_package_index(Repo(make_repo({"pyproject.toml": CLASSIFIED, "README.md": install}))) == (
        "README.md tells readers to install it from a package index"
    )
    makefile = "publish:\n\tpython -m build\n\ttwine upload dist/*\n"
    assert on_package_index(Repo(make_repo({"pyproject.toml": CLASSIFIED, "Makefile": makefile}))) == (
        "Makefile uploads it to a package index"
    )
    # Installing something else, or the checkout itself, is not the project on an index.
    other = "# Tool\n\n    pip install -e .\n    pip install -r requirements.txt\n    pip install numpy\n"
    assert on_package_index(Repo(make_repo({"pyproject.toml": CLASSIFIED, "README.md": other}))) is None
    # A book's code: the top README teaches the chapters, the package folder's README installs it.
    book = {"pyproject.toml": CLASSIFIED, "README.md": "# Book\n", "pkg/tool/__init__.py": ""}
    book["pkg/tool/README.md"] = "# tool\n\n    pip install tool\n"
    assert on_package_index(Repo(make_repo(book))) == (
        "pkg/tool/README.md tells readers to install it from a package index"
    )


def commit_as(root: Path, authors: list[str]) -> None:
    for number, author in enumerate(authors):
        git(root, "commit", "-q", "--allow-empty", "-m", f"c{number}", "--author", author)


def test_one_maintainer_from_the_history(make_repo: MakeRepo) -> None:
    from oss_checks.text.audience import one_maintainer

    root = make_repo({"a.py": ""}, commit=True)
    commit_as(root, ["Ann <ann@x.org>"] * 20 + ["A. Lee <ann@x.org>"] * 5 + ["Bo <bo@y.org>"])
    assert one_maintainer(Repo(root)) is True
    team = make_repo({"a.py": ""}, commit=True)
    commit_as(team, ["Ann <ann@x.org>"] * 20 + ["Bo <bo@y.org>"] * 6)
    assert one_maintainer(Repo(team)) is False
    # No history to read (not a git repository, or no commit): nothing is concluded.
    assert one_maintainer(Repo(make_repo({"a.py": ""}, git_init=False))) is False
    assert one_maintainer(Repo(make_repo({"a.py": ""}))) is False


def test_presented_by_a_link_from_a_readme_or_a_docs_page_to_the_file_or_its_folder(
    make_repo: MakeRepo,
) -> None:
    files: dict[str, str | bytes] = {
        "pyproject.toml": '[project]\nname = "lib"\n',
        "README.rst": "Lib\n===\n\nExamples: `on GitHub <https://github.com/acme/lib/tree/main/worked>`_.\n",
        "docs/guide/faq.md": "See [the derivation](../../analysis/derive.ipynb).\n",
        "worked/01-a.ipynb": "{}",
        "analysis/derive.ipynb": "{}",
        "analysis/scratch.ipynb": "{}",
        "src/notes.md": "[scratch](../analysis/scratch.ipynb)\n",  # not a README, not in docs
        "lib/README.md": "The [package](../lib) and its [notebooks](notebooks).\n",
        "lib/notebooks/topic/a.ipynb": "{}",
        "lib/eval/b.ipynb": "{}",
    }
    repo = Repo(make_repo(files))
    assert presented(repo, "worked/01-a.ipynb") == "worked"
    assert presented(repo, "analysis/derive.ipynb") == "analysis/derive.ipynb"
    assert presented(repo, "analysis/scratch.ipynb") is None
    # A folder named for notebooks presents those below it; a link to the package does not.
    assert presented(repo, "lib/notebooks/topic/a.ipynb") == "lib/notebooks"
    assert presented(repo, "lib/eval/b.ipynb") is None


def test_an_address_on_the_project_s_own_repository_presents_any_folder(make_repo: MakeRepo) -> None:
    readme = "# Survey\n\nResults: [on GitHub](https://github.com/acme/survey/tree/main/results).\n"
    files: dict[str, str | bytes] = {"README.md": readme, "results/summary.ipynb": "{}"}
    # Known from nowhere, the address could be another project's: it presents nothing here.
    assert presented(Repo(make_repo(files)), "results/summary.ipynb") is None
    # The remote it was cloned from, or setup.py's name, says it is this project's own.
    cloned = make_repo(files)
    git(cloned, "remote", "add", "origin", "git@github.com:acme/survey.git")
    assert presented(Repo(cloned), "results/summary.ipynb") == "results"
    named = make_repo({**files, "setup.py": "from setuptools import setup\nsetup(name='survey')\n"})
    assert presented(Repo(named), "results/summary.ipynb") == "results"


def test_a_readme_of_colab_badges_is_read_as_notebooks(make_repo: MakeRepo) -> None:
    badge = (
        "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://sho.rt/lab1)"
    )
    assert read_as_notebooks(Repo(make_repo({"README.md": f"# Course\n\n| Lab 1 | {badge} |\n"})))
    assert not read_as_notebooks(Repo(make_repo({"README.md": "# Course\n\n![logo](logo.png)\n"})))


def test_a_release_is_later_only_within_one_scheme_of_versions() -> None:
    assert released_after("v1.5.2", "1.4.6.1")
    assert released_after("1.10.0", "1.9")
    assert not released_after("v1.4.5", "1.4.5")
    assert not released_after("2024.06.01", "1.2.0"), "a calendar version is another scheme"
    assert not released_after("v2.0rc1", "1.0"), "a pre-release is no release to compare"
