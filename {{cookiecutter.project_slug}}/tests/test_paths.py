"""Tests of where the project looks for its data."""

import shutil
from pathlib import Path

import pytest

from {{ cookiecutter.package_name }} import paths

#: This repository's own root, where .env.example lives.
REPOSITORY = paths.project_root()


@pytest.fixture
def project(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A project folder of its own, without PROJECT_DATA_DIR in the environment."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    monkeypatch.setattr(paths, "project_root", lambda start=None: root)
    monkeypatch.delenv(paths.DATA_DIR_VARIABLE, raising=False)
    return root


def write_env_file(project: Path, data_dir: str) -> None:
    """Copy .env.example to .env and set PROJECT_DATA_DIR, as the README says."""
    example = REPOSITORY / ".env.example"
    lines = example.read_text(encoding="utf-8").splitlines()
    assert f"{paths.DATA_DIR_VARIABLE}=" in lines
    edited = [
        f"{paths.DATA_DIR_VARIABLE}={data_dir}" if line == f"{paths.DATA_DIR_VARIABLE}=" else line
        for line in lines
    ]
    shutil.copy(example, project / ".env")
    (project / ".env").write_text("\n".join(edited) + "\n", encoding="utf-8")


def test_project_root_is_the_nearest_folder_with_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    nested = tmp_path / "src" / "package"
    nested.mkdir(parents=True)
    assert paths.project_root(nested) == tmp_path.resolve()


def test_project_root_without_pyproject_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(LookupError, match=paths.DATA_DIR_VARIABLE):
        paths.project_root(Path(tmp_path.anchor))


def test_installed_package_finds_this_repository() -> None:
    assert (REPOSITORY / "pyproject.toml").is_file()


def test_stages_sit_in_the_data_folder_of_the_project(project: Path) -> None:
    data = project / "data"
    assert paths.data_dir() == data
    assert paths.raw_data_dir() == data / "raw"
    assert paths.interim_data_dir() == data / "interim"
    assert paths.processed_data_dir() == data / "processed"


def test_env_file_moves_the_data(project: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared-drive"
    write_env_file(project, str(shared))
    assert paths.raw_data_dir() == shared / "raw"
    assert paths.processed_data_dir() == shared / "processed"


def test_env_file_as_copied_keeps_the_data_in_the_project(project: Path) -> None:
    shutil.copy(REPOSITORY / ".env.example", project / ".env")
    assert paths.data_dir() == project / "data"


def test_relative_data_folder_counts_from_the_project_root(project: Path) -> None:
    write_env_file(project, "../shared-data")
    assert paths.data_dir("raw") == project / ".." / "shared-data" / "raw"


def test_environment_variable_wins_over_the_env_file(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write_env_file(project, str(tmp_path / "from-env-file"))
    monkeypatch.setenv(paths.DATA_DIR_VARIABLE, str(tmp_path / "from-environment"))
    assert paths.data_dir("processed") == tmp_path / "from-environment" / "processed"


def test_unknown_stage_is_refused(project: Path) -> None:
    with pytest.raises(ValueError, match="unknown data stage 'final'"):
        paths.data_dir("final")


def test_figures_sit_in_the_reports_folder(project: Path) -> None:
    assert paths.figures_dir() == project / "reports" / "figures"
