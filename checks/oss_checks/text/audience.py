"""Who a repository is for: whether others install it, whether it makes releases, whether it asks for help.

The conventions about community files speak outside adopting repositories only where the
repository's own evidence says people outside the team depend on it or join it. The
evidence is cheap: metadata already parsed, the CI files, and one ``git tag`` call.
Each answer is a short reason (for the message) or None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from oss_checks import git
from oss_checks.patterns import lazy
from oss_checks.text.builds import code_packages, declares_no_package, ini_sections, setup_cfg_metadata
from oss_checks.text.ci import TASK_RUNNER_FILES, ci_files, first_file_matching
from oss_checks.text.community import CONTRIBUTING_NAMES, README_NAMES, docs_guide, is_rst, readme_in
from oss_checks.text.layout import DOCS_FOLDERS, folders
from oss_checks.text.readme import linked_paths, presents_notebooks
from oss_checks.text.setup_py import setup_keywords
from oss_checks.text.tags import newest_version_tag, release_tags
from oss_checks.text.urls import parse_repo_url, project_urls

if TYPE_CHECKING:
    from oss_checks.context import Repo

#: A CI step that uploads a package to an index.
_PUBLISH = lazy(
    r"pypa/gh-action-pypi-publish|\btwine\s+upload\b|\b(?:uv|poetry|flit|hatch|pdm)\s+publish\b"
    r"|\bmaturin\s+(?:publish|upload)\b|\bconda\s+upload\b|\banaconda\s+(?:-\S+\s+)*upload\b"
)


def _uploads(repo: Repo) -> str | None:
    """Why the project is uploaded to a package index: the CI file or, after those, the task file
    (``make publish`` running ``twine upload``) that does it; None when none does."""

    def find() -> str | None:
        files = [*ci_files(repo), *TASK_RUNNER_FILES, "tasks.py"]
        path = first_file_matching(repo, files, _PUBLISH)
        return None if path is None else f"{path} uploads it to a package index"

    return repo.memo("audience:uploads", find)


def read_as_notebooks(repo: Repo) -> bool:
    """Whether the README sends readers to the notebooks (a link to one, Binder, Colab, nbviewer).

    Then the notebooks are what the repository gives its readers, with their outputs and
    the data they open: a book, a course, a set of tutorials or a documented analysis.
    """

    def decide() -> bool:
        readme = repo.find(*README_NAMES)
        text = repo.read_text(readme) if readme else None
        return bool(readme and text) and presents_notebooks(text or "", rst=is_rst(readme or ""))

    return repo.memo("audience:read-as-notebooks", decide)


#: Pages that present a project's files to readers: READMEs anywhere, and the pages of its docs.
_PAGE_SUFFIXES = (".md", ".markdown", ".rst", ".txt")
#: How much of the repository's pages is read for links: far more than any real docs tree.
_MOST_PAGES = 2000
_PAGE_CHARACTERS = 200_000
#: ... and all pages together, so that a hostile tree of huge pages costs seconds, not minutes.
_ALL_PAGES_CHARACTERS = 2_000_000


def _pages(repo: Repo) -> list[str]:
    readmes = {name.casefold() for name in README_NAMES}
    found = []
    for path in repo.paths:
        name = path.rpartition("/")[2].casefold()
        if name in readmes or (name.endswith(_PAGE_SUFFIXES) and DOCS_FOLDERS & set(folders(path))):
            found.append(path)
    # The pages nearest the top first (the README, then the docs' index): the budget below
    # runs out, if ever, deep in a docs tree.
    return sorted(found, key=lambda page: (page.count("/"), page))[:_MOST_PAGES]


def _own_names(repo: Repo) -> set[str]:
    """The names this repository may have on a code host.

    Its folder's, its package's (pyproject.toml or setup.py), and those of its project URLs
    and of the remote it was cloned from.
    """
    names = {repo.root.name}
    urls: list[str] = []
    project = (repo.pyproject or {}).get("project")
    if isinstance(project, dict):
        if isinstance(project.get("name"), str):
            names.add(project["name"])
        urls.extend(project_urls(project).values())
    setup_name = setup_keywords(repo).get("name")
    if setup_name is not None:
        names.add(setup_name.value)
    for url in urls:
        parsed = parse_repo_url(url)
        if parsed is not None and len(parsed.repository) >= 2:
            names.add(parsed.repository[-1])
    origin = origin_repository(repo)
    if origin is not None:
        names.add(origin)
    return names


def origin_repository(repo: Repo) -> str | None:
    """The name of the repository on the code host it was cloned from (``origin``), or None."""
    slug = origin_slug(repo)
    return slug[-1] if slug else None


def origin_slug(repo: Repo) -> tuple[str, ...] | None:
    """The owner (with any subgroups) and name of the repository ``origin`` points at, or None."""

    def read() -> tuple[str, ...] | None:
        remote = git.config_value(repo.root, "remote.origin.url") if repo.is_git else None
        parsed = parse_repo_url(remote.decode("utf-8", "replace").strip()) if remote else None
        return parsed.repository if parsed is not None and len(parsed.repository) >= 2 else None

    return repo.memo("origin-slug", read)


def linked_from_pages(repo: Repo) -> frozenset[str]:
    """The repository paths (files and folders) a README or a docs page links.

    Relative links are resolved; a GitHub, GitLab, nbviewer, Colab or Binder address gives
    every ending of the path it shows, since the branch in front of it is unknown offline.
    """

    def collect() -> frozenset[str]:
        own_names = _own_names(repo)
        found: set[str] = set()
        read: set[str] = set()
        budget = _ALL_PAGES_CHARACTERS
        for page in _pages(repo):
            content = repo.content_path(page)
            if content is None or content in read:
                continue  # a link to a page already read
            read.add(content)
            text = (repo.read_text(page) or "")[: min(_PAGE_CHARACTERS, budget)]
            budget -= len(text)
            if text:
                found |= linked_paths(text, page.rpartition("/")[0], rst=is_rst(page), own_names=own_names)
            if budget <= 0:
                break
        return frozenset(found)

    return repo.memo("audience:linked-from-pages", collect)


#: The project files of tools that render notebooks, outputs and all, into a website, a book
#: or a manuscript: Quarto, Jupyter Book (its table of contents) and MyST.
PUBLISHER_FILES = frozenset({"_quarto.yml", "_quarto.yaml", "_toc.yml", "myst.yml"})


def rendered_as_pages(repo: Repo, path: str) -> bool:
    """Whether ``path`` lies in a folder that Quarto, Jupyter Book or MyST renders (its
    project file is in that folder or one above): the notebook is a page of a site, a book or
    a paper, and its saved outputs are what readers see."""

    def find() -> frozenset[str]:
        return frozenset(
            listed.rpartition("/")[0] for listed in repo.paths if listed.rpartition("/")[2] in PUBLISHER_FILES
        )

    roots = repo.memo("audience:publisher-roots", find)
    if not roots:
        return False
    parts = path.split("/")[:-1]
    return any("/".join(parts[:depth]) in roots for depth in range(len(parts) + 1))


def presented(repo: Repo, path: str) -> str | None:
    """The file or folder of ``path`` that a README or docs page links, or None.

    A page that links a notebook, or the folder that holds it (or a folder above named
    for notebooks), shows readers where the notebook is, with the outputs it was saved
    with. A link to a folder higher up (the package, ``src/``) presents its code, not
    every notebook below it.
    """
    linked = linked_from_pages(repo)
    if not linked:
        return None
    if path in linked:
        return path
    parts = path.split("/")[:-1]
    for depth in range(len(parts), 0, -1):
        candidate = "/".join(parts[:depth])
        if candidate in linked and (depth == len(parts) or "notebook" in parts[depth - 1].lower()):
            return candidate
    return None


def named_by_its_folders_readme(repo: Repo, path: str) -> bool:
    """Whether the README of the file's own folder names it: a folder of results notebooks its
    README lists one by one ("`check-coverage.ipynb`: compares ..."), or a demo beside the top
    README that presents it ("The notebook `demo.ipynb` provides a full demo")."""
    folder, _, name = path.rpartition("/")
    readme = readme_in(repo, folder)
    return readme is not None and name in (repo.read_text(readme) or "")


def setup_cfg_classifiers(repo: Repo) -> bool:
    """Whether setup.cfg declares classifiers in ``[metadata]``."""
    text = repo.read_text("setup.cfg") if repo.exists("setup.cfg") else None
    if not text:
        return False
    import configparser  # only for a setup.cfg, which most repositories lack

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except (configparser.Error, ValueError):
        return False
    return bool(parser.get("metadata", "classifiers", fallback="").strip())


def is_package(repo: Repo) -> bool:
    """Whether the repository builds a distribution: a build backend, [project] or setuptools files.

    A setup.cfg counts only with setuptools' own sections: flake8 and isort keep their
    settings there in projects that build nothing.
    """
    pyproject = repo.pyproject or {}
    return bool(
        pyproject.get("build-system")
        or repo.project
        or (pyproject.get("tool") or {}).get("poetry")
        or repo.exists("setup.py")
        or setup_cfg_metadata(repo)
    )


#: What a project of its own keeps in its folder: the list of what it needs to run.
_OWN_PROJECT_FILES = ("requirements.txt", "pyproject.toml", "setup.py", "environment.yml", "Pipfile")


def _in_a_project_of_its_own(repo: Repo, folder: str) -> bool:
    """Whether ``folder``, or a folder above it below the top, keeps its own requirements or project file."""
    parts = folder.split("/")
    return any(
        repo.exists(f"{'/'.join(parts[:depth])}/{name}")
        for depth in range(1, len(parts) + 1)
        for name in _OWN_PROJECT_FILES
    )


def product_packages(repo: Repo) -> list[str]:
    """The import packages that are the repository's product: every code package where the
    repository builds a distribution, else only those at its top or under ``src/``. Without
    packaging, ``2017/conversions/__init__.py`` in a folder of one year's scripts makes that
    folder importable, not the repository a library. A package folder with its own
    requirements or project file is a project of a collection (an example project beside
    twenty others), not a part of one product."""
    packages = [package for package in code_packages(repo) if not _in_a_project_of_its_own(repo, package)]
    if is_package(repo):
        return packages
    return [package for package in packages if "/" not in package or package.startswith("src/")]


def published(repo: Repo) -> str | None:
    """Why the project looks published for others to install, or None.

    PyPI classifiers exist only to describe a package on an index, in a project that can be
    built (it has a version); a CI step that uploads one says so directly; a package with
    version tags makes releases. Classifiers left in a pixi workspace without a version, or
    a uv project that says it is no package, describe no package.
    """

    def decide() -> str | None:
        classifiers = repo.project.get("classifiers")
        poetry = ((repo.pyproject or {}).get("tool") or {}).get("poetry")
        if (isinstance(classifiers, list) and classifiers and _buildable(repo)) or (
            isinstance(poetry, dict) and isinstance(poetry.get("classifiers"), list) and poetry["classifiers"]
        ):
            return "pyproject.toml describes it for a package index"
        if setup_cfg_classifiers(repo):
            return "setup.cfg describes it for a package index"
        uploads = _uploads(repo)
        if uploads is not None:
            return uploads
        if is_package(repo) and release_tags(repo):
            return "it is a package with release tags"
        return None

    return repo.memo("published", decide)


def _buildable(repo: Repo) -> bool:
    """Whether the [project] table can be built into a package: it has a version (or the build
    fills one in), and pyproject.toml does not say the project is no package. Without a
    ``[build-system]`` pip still builds it, with setuptools."""
    if declares_no_package(repo):
        return False
    dynamic = repo.project.get("dynamic")
    return "version" in repo.project or (isinstance(dynamic, list) and "version" in dynamic)


def makes_releases(repo: Repo) -> str | None:
    """Why the project looks like a package that publishes versioned releases, or None.

    Tags alone mark course deliverables and book editions as often as releases, and
    classifiers are written ahead of a first upload ("it will be on PyPI soon"): the
    upload itself must show (:func:`on_package_index`), and at least two version tags.
    """
    tags = release_tags(repo)
    if len(tags) < 2 or not is_package(repo) or on_package_index(repo) is None:
        return None  # notes say what changed between versions: a first tag has nothing to compare
    return f"it is published and tags its releases ({newest_version_tag(repo) or tags[-1]})"


def invites_contributions(repo: Repo) -> str | None:
    """Why the project looks open to contributions from outside its team, or None.

    The sign is a contributing guide of its own (a file, or a page of its docs): the
    project's statement that it expects people to send changes. Issue templates alone ask
    users for bug reports, not for contributions, and a README that only links an
    organisation's guide leaves the policies to the organisation too.
    """

    def decide() -> str | None:
        guide = repo.find(*CONTRIBUTING_NAMES) or docs_guide(repo, "contributing")
        if guide is None:
            return None
        text = repo.read_text(guide) or ""
        if _TURNS_CONTRIBUTIONS_AWAY.search(text[:20_000]):
            return None  # "At present we are not accepting contributions": a guide that says no
        return f"{guide} invites contributions"

    return repo.memo("invites-contributions", decide)


#: A contributing guide that turns contributions away.
_TURNS_CONTRIBUTIONS_AWAY = lazy(
    r"(?i)\b(?:are|is)\s+not\s+(?:currently\s+|yet\s+)?(?:accepting|taking|open\s+to)\s+(?:external\s+|outside\s+)?"
    r"(?:contributions|pull\s+requests|prs)\b|\b(?:do|does)\s+not\s+accept\s+(?:external\s+)?(?:contributions|pull\s+requests)\b"
    r"|\bno\s+longer\s+accept(?:s|ing)?\s+(?:contributions|pull\s+requests)\b"
)


#: A link to a package's own page on an index, or its version badge: ``pypi.org/project/<name>``.
_INDEX_PAGE = lazy(
    r"(?:pypi\.org/project/|pypi\.python\.org/pypi/|img\.shields\.io/pypi/[a-z]+/|badge\.fury\.io/py/"
    r"|anaconda\.org/conda-forge/|img\.shields\.io/conda/[a-z]+/conda-forge/)([A-Za-z0-9][A-Za-z0-9._-]{0,99})",
    re.IGNORECASE,
)
#: ``pip install name`` / ``conda install -c conda-forge name``: the command a reader of an index types.
_INSTALL = lazy(
    r"\b(?:(?:pip3?|uv\s+pip|pipx|conda|mamba)\s+install|(?:uv|poetry|pixi)\s+add)\s+"
    r"((?:-{1,2}[A-Za-z][\w-]*(?:\s+[\w.:/-]+)?\s+){0,3})[\"']?([A-Za-z0-9][A-Za-z0-9._-]{0,99})"
)
#: A command that installs the project from its repository: ``pip install git+https://...``.
INSTALL_FROM_GIT = lazy(
    r"\b(?:pip3?|uv\s+pip|pipx)\s+install\s+(?:-\S+\s+){0,3}[\"']?(?:\S+\s*@\s*)?git\+|\buv\s+add\s+git\+"
)


def _normalised(name: str) -> str:
    """A distribution name as indexes compare them (PEP 503): ``Scikit_Image`` is ``scikit-image``."""
    return re.sub(r"[-_.]+", "-", name).lower().strip("-")


def distribution_names(repo: Repo) -> set[str]:
    """The names the project is distributed under, normalised: ``[project]`` or Poetry's ``name``,
    ``setup(name=...)`` in setup.py (read, never run) or setup.cfg's ``[metadata] name``."""
    names = set()
    poetry = ((repo.pyproject or {}).get("tool") or {}).get("poetry")
    from_setup = setup_keywords(repo).get("name")
    cfg = repo.read_text("setup.cfg") if repo.exists("setup.cfg") else None
    values = (
        repo.project.get("name"),
        poetry.get("name") if isinstance(poetry, dict) else None,
        from_setup.value if from_setup is not None else None,
        ini_sections(cfg).get("metadata", {}).get("name") if cfg else None,
    )
    for value in values:
        if isinstance(value, str) and value.strip():
            names.add(_normalised(value))
    return names - {""}


def on_package_index(repo: Repo) -> str | None:
    """Why the project is offered on a package index for others to install, or None.

    Stricter than ``published``: classifiers are written by templates as often as by people
    who upload, so only what shows the upload itself counts: a CI step or a task (``make
    publish``) that uploads the package, or a README (the project's, or a package folder's own) that links the
    package's own page or badge on PyPI or conda-forge, or tells readers to ``pip install``
    it by its distribution name.
    """

    def decide() -> str | None:
        uploads = _uploads(repo)
        if uploads is not None:
            return uploads
        names = distribution_names(repo)
        if not names:
            return None
        # The project's README, and the one a package folder keeps for its own page on the index.
        readmes = [repo.find(*README_NAMES)]
        readmes += [readme_in(repo, folder) for folder in repo.package_dirs]
        for readme in dict.fromkeys(path for path in readmes if path):
            text = repo.read_text(readme)
            if not text:
                continue
            for match in _INDEX_PAGE.finditer(text[:200_000]):
                if _normalised(match.group(1).removesuffix(".svg")) in names:
                    return f"{readme} links its page on a package index"
            for match in _INSTALL.finditer(text[:200_000]):
                if _normalised(match.group(2)) in names:
                    return f"{readme} tells readers to install it from a package index"
        return None

    return repo.memo("on-package-index", decide)


#: How many commits, newest first, say who works on a project; and how long git may take to list them.
_HISTORY_COMMITS = 1000
_HISTORY_SECONDS = 5.0
_BOT = lazy(r"\[bot\]|\bbot@|^(?:dependabot|renovate|pre-commit-ci|github-actions)\b", re.IGNORECASE)


def _authors(records: list[tuple[str, str]]) -> list[int]:
    """Commits per person, most first; a name or an address shared by two spellings is one person."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for name, email in records:
        keys = [f"n:{name.casefold()}" if name else "", f"e:{email.casefold()}" if email else ""]
        keys = [key for key in keys if key]
        for key in keys[1:]:
            parent[root(key)] = root(keys[0])
    counts: dict[str, int] = {}
    for name, email in records:
        key = f"n:{name.casefold()}" if name else f"e:{email.casefold()}"
        person = root(key)
        counts[person] = counts.get(person, 0) + 1
    return sorted(counts.values(), reverse=True)


def one_maintainer(repo: Repo) -> bool:
    """Whether one person makes the project: its history shows nobody else working on it.

    Read from the newest commits (at most a thousand, with a time limit; bots left out):
    one person wrote at least four in five of them and nobody else wrote more than one in
    twenty, nor ten in all. Drive-by fixes from users do not make a team. A shallow or
    missing history, or a git that is slow or fails, says nothing: the answer is then False.
    """

    def decide() -> bool:
        if not repo.is_git:
            return False
        if repo.is_shallow is not False or repo.has_commit is False:
            return False
        output = git.run_git(
            repo.root,
            "log",
            f"--max-count={_HISTORY_COMMITS}",
            "--no-show-signature",
            "--no-notes",
            "--no-color",
            "--format=%aN%x1f%aE",
            "-z",
            timeout=_HISTORY_SECONDS,
        )
        records = []
        for entry in git.nul_separated(output):
            name, _, email = entry.strip().partition("\x1f")
            if (name or email) and not _BOT.search(name) and not _BOT.search(email):
                records.append((name.strip(), email.strip()))
        if not records:
            return False
        counts = _authors(records)
        total = len(records)
        second = counts[1] if len(counts) > 1 else 0
        return counts[0] * 5 >= total * 4 and second * 20 <= total and second < 10

    return repo.memo("one-maintainer", decide)
