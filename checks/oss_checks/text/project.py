"""What kind of project a repository is, and why: ``Repo.project_type`` with its evidence.

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


class ProjectKind(NamedTuple):
    type: str  # "analysis" or "library", the values Repo.project_type has
    #: Why, in a few words ("declared", "DVC pipeline", "the folders data/, models/, notebooks/").
    evidence: str


def project_kind(repo: Repo) -> ProjectKind:
    """The kind the configuration declares, else the one the template recorded, else the layout's."""
    kind, evidence = repo.project_type_evidence
    return ProjectKind(kind, evidence)
