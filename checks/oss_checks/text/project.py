"""What kind of project a repository is, read from its layout when it does not say.

``Repo.project_type`` takes the type the configuration declares or the template recorded;
without either it needs the tree. A ``notebooks/`` folder is not enough: libraries keep
demo notebooks, books are made of notebooks, and neither follows an analysis project's
conventions. An analysis project shows itself by its data pipeline: DVC, or the folders
of cookiecutter-data-science (data, models, notebooks, reports, references; any three),
or that template's ``test_environment.py`` beside a notebooks folder, or Kaggle's
``input/`` without a package to build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from oss_checks.context import Repo

#: The top-level folders of a cookiecutter-data-science project.
CCDS_FOLDERS = ("data", "models", "notebooks", "reports", "references")
#: How many of them make the layout.
CCDS_FOLDERS_NEEDED = 3


class ProjectKind(NamedTuple):
    type: str  # "analysis" or "library", the values Repo.project_type has
    #: Why, in a few words ("declared", "DVC pipeline", "the folders data/, models/, notebooks/").
    evidence: str


def _top_folder(repo: Repo, name: str) -> bool:
    """Whether ``name`` is a top-level folder in the tree or holds a file git knows."""
    if repo.dir_exists(name):
        return True
    prefix = name + "/"
    return any(path.startswith(prefix) for path in repo.paths)


def _builds_a_package(repo: Repo) -> bool:
    pyproject = repo.pyproject or {}
    return (
        "build-system" in pyproject
        or isinstance(pyproject.get("project"), dict)
        or repo.exists("setup.py")
        or repo.exists("setup.cfg")
    )


def layout_kind(repo: Repo) -> ProjectKind:
    """The project's kind as its layout shows it (what ``Repo.project_type`` should fall back to)."""

    def infer() -> ProjectKind:
        if repo.exists("dvc.yaml") or repo.dir_exists(".dvc"):
            return ProjectKind("analysis", "a DVC pipeline")
        present = [name for name in CCDS_FOLDERS if _top_folder(repo, name)]
        if len(present) >= CCDS_FOLDERS_NEEDED:
            return ProjectKind("analysis", "the folders " + ", ".join(f"{name}/" for name in present))
        if repo.exists("test_environment.py") and "notebooks" in present:
            return ProjectKind("analysis", "cookiecutter-data-science's test_environment.py")
        if _top_folder(repo, "input") and not _builds_a_package(repo):
            return ProjectKind("analysis", "a competition's input/ folder")
        return ProjectKind("library", "no data pipeline in the layout")

    return repo.memo("layout-kind", infer)


def project_kind(repo: Repo) -> ProjectKind:
    """The kind the configuration declares, else the one the template recorded, else the layout's.

    Until ``Repo.project_type`` falls back to :func:`layout_kind`, this is what rules use; the
    declared type is read where ``Repo`` keeps it, as ``Repo.project_type`` reads it.
    """
    declared = getattr(repo, "_declared_type", None)
    if declared in ("analysis", "library"):
        return ProjectKind(str(declared), "declared in [tool.oss-checks]")
    recorded = repo.answers.get("project_type")
    if recorded in ("analysis", "library"):
        return ProjectKind(str(recorded), "recorded by the template")
    return layout_kind(repo)


def infer_project_type(repo: Repo) -> str:
    """``analysis`` or ``library``, as :func:`project_kind` finds it."""
    return project_kind(repo).type
