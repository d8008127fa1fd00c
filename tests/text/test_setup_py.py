"""setup.py metadata read without running the file."""

from __future__ import annotations

from conftest import MakeRepo
from oss_checks.context import Repo
from oss_checks.text.setup_py import SetupValue, setup_keywords


def test_literal_keywords_of_the_setup_call(make_repo: MakeRepo) -> None:
    text = (
        "from setuptools import setup, find_packages\n"
        "setup(\n"
        '    name="tool",\n'
        '    description="Weekly demand from sales.",\n'
        '    long_description=open("README.md").read(),\n'
        '    license="proprietary",\n'
        ")\n"
    )
    keywords = setup_keywords(Repo(make_repo({"setup.py": text, "README.md": "x\n"})))
    assert keywords == {
        "name": SetupValue("tool", 3),
        "description": SetupValue("Weekly demand from sales.", 4),
        "license": SetupValue("proprietary", 6),
    }


def test_a_broken_or_missing_setup_py_gives_nothing(make_repo: MakeRepo) -> None:
    assert setup_keywords(Repo(make_repo({"setup.py": "setup(name='x'\n"}))) == {}
    assert setup_keywords(Repo(make_repo({"a.py": "x = 1\n"}))) == {}
    # Running it would leave a marker; reading it never does.
    root = make_repo({"setup.py": "import pathlib\npathlib.Path('ran').touch()\nsetup(name='x')\n"})
    assert setup_keywords(Repo(root)) == {"name": SetupValue("x", 3)}
    assert not (root / "ran").exists()
