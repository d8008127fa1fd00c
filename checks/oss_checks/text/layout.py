"""The layouts real repositories have: where tests, fixtures, vendored code, docs and notebooks live.

Rules use these to tell the project's own files from the rest: a CSV under
``pkg/sub/tests/data/`` is a fixture, not data to move; a notebook under ``doc/`` or
``examples/`` is documentation; code under ``third_party/`` is someone else's. A
credential is a credential wherever it is, so the secret rules do not use this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from oss_checks.context import Repo

#: Folders of tests, at any depth (``tests/``, ``pkg/sub/tests/``, ``test/``).
TEST_FOLDERS = frozenset({"tests", "test", "testing"})
#: Folders of test inputs, at any depth.
FIXTURE_FOLDERS = frozenset({"fixtures", "fixture", "testdata", "test_data", "test-data"})
#: Folders of code the project did not write.
VENDORED_FOLDERS = frozenset(
    {
        "vendor",
        "vendored",
        "_vendor",
        "third_party",
        "third-party",
        "thirdparty",
        "external",
        "externals",
        "extern",
        # R's environment managers keep their own bootstrap scripts and libraries here.
        "renv",
        "packrat",
    }
)
#: Folders of retired code kept for reference (statsmodels' ``archive/``): nobody runs it.
RETIRED_FOLDERS = frozenset({"archive", "archived", "attic"})
#: Folders of documentation.
DOCS_FOLDERS = frozenset({"docs", "doc", "documentation"})
#: Folders of examples and tutorials (``demo`` also as a prefix: ``demos``, ``demo_app``).
EXAMPLE_FOLDERS = frozenset({"examples", "example", "tutorials", "tutorial", "gallery", "samples"})
#: Folders of talks and slide decks: what is kept there is shown to an audience, like docs.
PRESENTATION_FOLDERS = frozenset({"talks", "talk", "slides", "presentations", "presentation", "slide-decks"})
_LICENSE_STEMS = ("license", "licence", "copying")


def folders(path: str) -> list[str]:
    """The folder names on the way to ``path``, lower case."""
    return [part.lower() for part in path.split("/")[:-1]]


def is_test_file_name(name: str) -> bool:
    """Whether pytest collects the file by its default name patterns (or it configures tests)."""
    return name.endswith(".py") and (
        name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"
    )


def in_tests(path: str) -> bool:
    """Whether ``path`` is a test, a test input or below a tests folder, at any depth."""
    parts = folders(path)
    return (
        bool(TEST_FOLDERS & set(parts))
        or bool(FIXTURE_FOLDERS & set(parts))
        or is_test_file_name(path.rpartition("/")[2])
    )


def is_docs_or_examples_folder(name: str) -> bool:
    """Whether a folder of this name holds documentation, examples, tutorials or demos."""
    lowered = name.lower()
    return lowered in DOCS_FOLDERS or lowered in EXAMPLE_FOLDERS or lowered.startswith("demo")


def in_docs_or_examples(path: str) -> bool:
    """Whether ``path`` lies in a folder of documentation, examples, tutorials or demos."""
    return any(is_docs_or_examples_folder(part) for part in folders(path))


def in_notebook_folder(path: str) -> bool:
    """Whether ``path`` lies in a folder meant for notebooks (``notebooks/``, ``notebooks_v1/``...)."""
    return any("notebook" in part for part in folders(path))


def in_presentation_folder(path: str) -> bool:
    """Whether ``path`` lies in a folder of talks, slides or presentations, at any depth."""
    return bool(PRESENTATION_FOLDERS & set(folders(path)))


#: The files pip writes into each installed package's ``.dist-info`` folder.
_INSTALLED_RECORDS = frozenset({"METADATA", "RECORD"})


def installed_packages(repo: Repo) -> Mapping[str, tuple[str, ...]]:
    """Folders that packages were installed into (``pip install --target``), each with the
    ``METADATA`` or ``RECORD`` files of its packages' ``name-1.0.dist-info/`` folders, sorted."""

    def find() -> Mapping[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for path in repo.paths:
            folder, _, name = path.rpartition("/")
            if name in _INSTALLED_RECORDS and folder.endswith(".dist-info"):
                found.setdefault(folder.rpartition("/")[0], []).append(path)
        return {folder: tuple(sorted(records)) for folder, records in found.items()}

    return repo.memo("installed-packages", find)


def vendored_roots(repo: Repo) -> frozenset[str]:
    """Folders below the top that carry a license of their own (not a copy of the top one), and
    folders of installed packages: copies of someone else's code."""

    def find() -> frozenset[str]:
        roots = set(installed_packages(repo))
        own_licenses: set[str] | None = None
        for path in repo.paths:
            folder, _, name = path.rpartition("/")
            if folder and name.lower().startswith(_LICENSE_STEMS) and not in_docs_or_examples(path):
                if own_licenses is None:
                    own_licenses = _top_license_texts(repo)
                if _words(repo.read_text(path)) not in own_licenses:
                    roots.add(folder)  # a license of the folder's own: someone else's code
        roots.discard("")  # the project's own top folder is never someone else's code
        return frozenset(roots)

    return repo.memo("vendored-roots", find)


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _top_license_texts(repo: Repo) -> set[str]:
    """The texts of the licenses at the top of the repository, blanks evened out: a folder with a
    copy of one of them (an old version kept in ``v1/``, a package of a monorepo) is the
    project's own code, not a vendored copy."""
    return {
        words
        for path in repo.paths
        if "/" not in path and path.lower().startswith(_LICENSE_STEMS)
        if (words := _words(repo.read_text(path)))
    }


def is_vendored(repo: Repo, path: str) -> bool:
    """Whether ``path`` is code the project copied in: ``vendor/``, ``third_party/``, or a folder with its own license."""
    parts = folders(path)
    if VENDORED_FOLDERS & set(parts):
        return True
    roots = vendored_roots(repo)
    if not roots:
        return False
    original = path.split("/")[:-1]
    return any("/".join(original[:depth]) in roots for depth in range(1, len(original) + 1))


#: Empty files that keep a folder in git: ``.gitkeep`` and the other names teams give them.
KEEP_FILE_NAMES = (".gitkeep", ".keep", ".gitinclude", ".placeholder")

#: Folders of what runs produced: saved results and outputs, with copies of the scripts they ran.
RUN_RECORD_FOLDERS = frozenset({"results", "outputs", "output"})


def in_run_records(path: str) -> bool:
    """Whether ``path`` lies in a folder of results or outputs, at any depth."""
    return bool(RUN_RECORD_FOLDERS & set(folders(path)))


def is_retired(path: str) -> bool:
    """Whether ``path`` lies in a folder of retired code (``archive/``, ``attic/``)."""
    return bool(RETIRED_FOLDERS & set(folders(path)))


def autosave_copy(path: str) -> bool:
    """Whether the file is one Jupyter saved on its own in ``.ipynb_checkpoints/``: a leftover to
    delete (OSS304 says so once per file), not a notebook whose contents anybody maintains."""
    return path.startswith(".ipynb_checkpoints/") or "/.ipynb_checkpoints/" in path


def not_the_projects_own(repo: Repo, path: str) -> bool:
    """Tests and test inputs, vendored and retired code: not the project's own notebooks, data or paths."""
    return in_tests(path) or is_retired(path) or is_vendored(repo, path)


#: The file name endings that mark a data file (``.csv``, ``.parquet``), without the dot.
DATA_EXTENSIONS = (
    "csv", "tsv", "parquet", "feather", "arrow", "pickle", "pkl", "joblib", "h5", "hdf5", "npy", "npz",
    "xlsx", "xls", "zip", "gz", "tar", "7z", "jsonl", "sqlite", "sqlite3", "db", "dta", "sav",
    "rds", "orc", "avro",
)  # fmt: skip
DATA_SUFFIXES = tuple(f".{extension}" for extension in DATA_EXTENSIONS)
#: Figures, slides and documents, and the editable sources of drawings.
MEDIA_SUFFIXES = (
    ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".tif", ".tiff", ".ico", ".pdf",
    ".ps", ".eps", ".pptx", ".ppt", ".docx", ".doc", ".odt", ".odp", ".key", ".html", ".htm",
    ".graffle", ".ai", ".psd", ".sketch", ".drawio", ".xcf", ".odg", ".vsdx", ".afdesign",
)  # fmt: skip
#: What a data release holds besides data files and figures: its documentation, and the
#: formats it publishes that code also uses for settings (JSON, YAML, XML) or that only
#: geographic and statistical packages read. A file of any other kind is taken for code.
_RELEASE_SUFFIXES = (
    ".md", ".markdown", ".rst", ".txt", ".rtf", ".cff", ".bib",
    ".json", ".ndjson", ".geojson", ".topojson", ".ods", ".dat", ".bz2", ".xz", ".xml", ".yaml", ".yml",
    ".shp", ".shx", ".dbf", ".prj", ".cpg", ".kml", ".kmz", ".gpkg", ".sas7bdat", ".rdata", ".rda", ".nc",
)  # fmt: skip
#: Files without a suffix that every repository may have: what the project is and its terms.
_PLAIN_NAMES = frozenset(
    {"LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS", "README", "CHANGES", "CITATION"}
)


def holds_code(repo: Repo) -> bool:
    """Whether the repository holds anything but data, documentation and figures (and its
    dotfiles): a data release (tables, their documentation, the letters that came with them)
    has nothing to install or run, and its data is what it publishes. Anything else, in any
    language or build system, is taken for code."""
    return repo.memo("holds-code", lambda: _holds_other_than(repo, ()))


def holds_more_than_queries(repo: Repo) -> bool:
    """Whether the repository holds code other than SQL queries: a set of ``.sql`` scripts with
    their documentation (the queries behind a team's dashboards) is read and run in the
    database's own tool, with nothing to install. A settings file beside them (dbt's
    ``dbt_project.yml``, SQLMesh's ``config.yaml``, a compose file that starts the database)
    is a tool's, which is code to install and run."""

    def find() -> bool:
        return _holds_other_than(repo, (".sql",), settings_are_code=True)

    return repo.memo("holds-more-than-queries", find)


#: Settings files, which a data release also publishes as data.
_SETTINGS_SUFFIXES = (".json", ".yaml", ".yml", ".xml", ".toml")


def _holds_other_than(repo: Repo, code_suffixes: tuple[str, ...], *, settings_are_code: bool = False) -> bool:
    for path in repo.every_path:
        name = path.rpartition("/")[2]
        lowered = name.lower()
        if name.startswith(".") or any(part.startswith(".") for part in path.split("/")[:-1]):
            continue  # .gitignore, .github/: the repository's settings
        if settings_are_code and lowered.endswith(_SETTINGS_SUFFIXES):
            return True
        if lowered.endswith(_RELEASE_SUFFIXES + DATA_SUFFIXES + MEDIA_SUFFIXES + code_suffixes):
            continue
        if name.upper() in _PLAIN_NAMES:
            continue
        return True
    return False
