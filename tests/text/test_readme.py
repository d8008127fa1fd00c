"""What a README says: sections by topic, links, pointers to policies, how to run the project."""

from __future__ import annotations

import pytest

from oss_checks.text.readme import (
    Link,
    heading_topics,
    linked_paths,
    links,
    links_file,
    policy_link,
    presents_notebooks,
    resolve,
    says_how_to_run,
    section_headings,
)


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        # Headings real READMEs use (precision-before.md, OSS111): each names its topic.
        ("Use", "usage"),
        ("Quick Start", "usage"),
        ("Quick Start", "installation"),
        ("Getting started", "installation"),
        ("How to run", "usage"),
        ("How to Use this Book", "usage"),
        ("Simple example", "usage"),
        ("Commands", "usage"),
        ("To use (copier version)", "usage"),
        ("How to Take MLOps Zoomcamp", "usage"),
        ("Train model", "usage"),
        ("Environments", "installation"),
        ("Coding Environment", "installation"),
        ("How to get it", "installation"),
        ("Setup development environment", "installation"),
        ("Prerequisites", "installation"),
        ("Dataset", "data"),
        ("Input file", "data"),
        ("Fetch dataset", "data"),
        ("For developers", "contributing"),
        ("Contributor guidelines", "contributing"),
        ("Licence", "license"),
        ("🚀 1. Installation!", "installation"),
    ],
)
def test_headings_are_matched_by_topic(title: str, topic: str) -> None:
    assert topic in heading_topics(title)


@pytest.mark.parametrize(
    "title", ["Results", "Models", "Paper", "Metadata", "Database schema", "Final Poster"]
)
def test_headings_on_other_topics(title: str) -> None:
    assert heading_topics(title) & {"installation", "usage", "data"} == set()


def test_the_title_is_not_a_section() -> None:
    text = "# Demand forecasting pipeline\n\nText.\n\n## Results\n\nMore.\n"
    assert [h.title for h in section_headings(text)] == ["Results"]
    several = "# About\n\nx\n\n# Usage\n\ny\n"
    assert [h.title for h in section_headings(several)] == ["About", "Usage"]


@pytest.mark.parametrize(
    "text",
    [
        "# Solution\n\n## prepare\n- put data in `input`\n- execute `python transform_data.py`\n",
        "# Tool\n\nSome words about the tool.\n\n```bash\npip install tool\n```\n",
        "# Tool\n\nRun `make train` to fit the model.\n",
        "# Tool\n\nWords.\n\n## Usage\n\nWords.\n",
        "Tool\n====\n\nInstall it with conda.\n",
        "# Course\n\nLessons on deep RL.\n\nGet started at [course.example.org](https://course.example.org)!\n",
        "# Hub\n\nScripts shared by our tutorials; see the [dev guide](https://example.org/dev-guide).\n",
        "# Tool\n\nA tool for tables. See the documentation at https://tool.example.org.\n",
    ],
)
def test_a_readme_that_says_how_to_run(text: str) -> None:
    assert says_how_to_run(text, rst=not text.startswith("#"))


def test_a_readme_that_never_says_how_to_run() -> None:
    # A finished poster project: a description and a tree of folders (code, not a command).
    text = (
        "# Evanston_Viz_2019\n\nA project to analyze, visualize and communicate open data.\n\n"
        "# Final Poster\n![Poster](reports/poster.png)\n\n## Project Organization\n\n"
        "    ├── models  <- Scripts to train models and then use trained models to make predictions\n"
    )
    assert not says_how_to_run(text)
    # Documentation named without sending the reader there says nothing of how to run it.
    assert not says_how_to_run("# Tool\n\nA tool for tables. The documentation is still to come.\n")
    assert not says_how_to_run("# Tool\n\nA tool for tables. A user guide is coming soon.\n")


def test_links_in_markdown_and_rst_outside_code() -> None:
    markdown = (
        "See [the guide](docs/CONTRIBUTING.md#setup) and <https://example.test/a>.\n"
        "[![CI](https://ci.test/badge.svg)](https://ci.test/run)\n"
        "[ref]: ../LICENSE\n"
        "Mail security@acme.test or visit https://acme.test/security.\n"
        "```\nhttps://inside.test/code\n```\n"
        "`https://inline.test`\n"
    )
    assert [(link.line, link.target) for link in links(markdown)] == [
        (1, "docs/CONTRIBUTING.md#setup"),
        (1, "https://example.test/a"),
        (2, "https://ci.test/run"),
        (3, "../LICENSE"),
        (4, "https://acme.test/security"),
        (4, "mailto:security@acme.test"),
    ]
    assert Link(1, "docs/My%20Guide.md#top").file == "docs/My Guide.md"
    rst = (
        "See `the guide <doc/contribute.rst>`_.\n\n.. include:: ../README.rst\n\n.. _issues: https://x.test\n"
    )
    assert [link.target for link in links(rst, rst=True)] == [
        "doc/contribute.rst",
        "../README.rst",
        "https://x.test",
    ]


def test_resolve_relative_links() -> None:
    assert resolve("docs", "../LICENSE") == "LICENSE"
    assert resolve("", "./doc/about.md") == "doc/about.md"
    assert resolve("", "../../etc/passwd") is None
    assert resolve("docs", "/CONTRIBUTING.md") == "CONTRIBUTING.md"


def test_a_readme_links_a_file() -> None:
    assert links_file("Read [how to help](CONTRIBUTING.md).\n", ("contributing",))
    assert links_file("Licensed under the [MIT license](./LICENSE.txt).\n", ("license",))
    assert not links_file("Write to license@acme.test.\n", ("license",))


def test_policy_links_the_repositories_write() -> None:
    networkx = "NetworkX\n========\n\n- **Report a security vulnerability:** https://tidelift.com/security\n"
    assert policy_link(networkx, "security", rst=True) == 4
    nestauk = "# Project\n\n## Contributor guidelines\n\n[Technical guidelines](https://github.com/org/cookiecutter/blob/master/GUIDELINES.md)\n"
    assert policy_link(nestauk, "contributing") == 5
    assert policy_link("Please follow our [code of conduct](https://org.test/coc).\n", "conduct") == 1


def test_links_that_are_not_policies() -> None:
    # A developer forum whose address holds "contributor", thanks to contributors, a verb.
    assert (
        policy_link("- **Developer forum:** https://discuss.test/c/contributor/skimage\n", "contributing")
        is None
    )
    thanks = "# Book\n\n## Contributors\n\nThanks to everyone [who contributed](https://x.test/graphs/contributors).\n"
    assert policy_link(thanks, "contributing") is None
    assert policy_link("We conduct experiments with [this data](https://x.test).\n", "conduct") is None
    assert policy_link("Security matters. See [bandit](https://bandit.test).\n", "security") is None
    assert policy_link("## Security\n\nNo link here.\n", "security") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See [the lesson](lessons/01%20intro.ipynb#setup).\n", True),
        (
            "[![Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/x)\n",
            True,
        ),
        ("https://www.nbviewer.org/github/acme/book\n", True),
        ("Run `01-intro.ipynb` in Jupyter.\n", False),  # inline code is no link
        ("```\nnotebooks/\n  eda.ipynb\n```\n", False),  # a tree in a code block
        ("[binder docs](https://mybinder.readthedocs.io/)\n", False),  # another host
        ("", False),
        ("Write to jane@example.org or [mail us](mailto:team@example.org).\n", False),  # no host to read
        ("[ftp](ftp://mybinder.org/x) and <https://>\n", False),
        # A course's Colab badges link through short links: the badge itself says where readers go.
        (
            "| Lab 1 | [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://sho.rt/l1) |\n",
            True,
        ),
        ('<a href="https://sho.rt/b"><img src="https://static.mybinder.org/badge_logo.svg"></a>\n', True),
        ("![a chart](https://img.example.org/chart.svg)\n", False),  # any other picture
        ("    ![x](https://colab.research.google.com/assets/colab-badge.svg)\n", False),  # a code block
    ],
)
def test_presents_notebooks(text: str, expected: bool) -> None:
    assert presents_notebooks(text) is expected


def test_linked_paths_resolve_relative_links_and_read_code_host_addresses() -> None:
    page = (
        "See [the walk-through](../notebooks/01-intro.ipynb) and [the data](./data/).\n"
        "More examples are in the [notebooks on GitHub](https://github.com/acme/lib/tree/main/notebooks).\n"
        "[Open](https://colab.research.google.com/github/acme/lib/blob/release/2.0/labs/lab1.ipynb)\n"
        "[view](https://nbviewer.org/github/acme/lib/blob/main/talks/deck.ipynb#slide-3)\n"
        "[binder](https://mybinder.org/v2/gh/acme/lib/HEAD?labpath=guides%2Fstart.ipynb)\n"
        "[anchor](#usage), [site](https://acme.example.org/notebooks), [up](../../..)\n"
    )
    found = linked_paths(page, "docs")
    assert {
        "notebooks/01-intro.ipynb",
        "docs/data",
        "notebooks",
        "labs/lab1.ipynb",
        "talks/deck.ipynb",
    } <= found
    assert "guides/start.ipynb" in found
    # The branch before a path is unknown offline, so the endings of the address are all kept.
    assert "2.0/labs/lab1.ipynb" in found
    # Another website's path, an anchor and a link out of the repository name no file here.
    assert not {"acme.example.org/notebooks", "usage", ""} & found
    assert "examples" not in linked_paths("Run it on `https://github.com/a/b/tree/main/examples`.\n", "")
    rst = "Worked examples are `notebooks on GitHub <https://github.com/acme/lib/tree/master/notebooks>`_.\n"
    assert "notebooks" in linked_paths(rst, "", rst=True)


def test_linked_paths_read_only_the_last_folders_of_a_hostile_address() -> None:
    address = "https://github.com/a/b/tree/main/" + "x/" * 50_000 + "notebooks"
    found = linked_paths(f"[deep]({address})\n", "")
    assert "notebooks" in found
    assert len(found) <= 24


def test_linked_paths_find_the_repository_name_after_the_code_host_on_nbviewer_and_colab() -> None:
    page = (
        "[slides](https://nbviewer.org/github/acme/lib/tree/main/slides)\n"
        "[lab](https://colab.research.google.com/github/acme/lib/blob/main/labs/)\n"
        "[other](https://nbviewer.org/github/lib/other/tree/main/src)\n"
    )
    found = linked_paths(page, "", own_names=["lib"])
    # The own repository's folders count whatever they are named; another project's do not,
    # even when its owner is called like this one.
    assert {"slides", "labs"} <= found
    assert "src" not in found
    assert "slides" not in linked_paths(page, "", own_names=["acme"])
