"""Tests of where the project looks for its data."""

from pathlib import Path

import pytest

from {{ cookiecutter.package_name }} import paths


@pytest.fixture
def without_data_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_DIR_VARIABLE, raising=False)


def test_project_root_is_the_nearest_folder_with_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    nested = tmp_path / "src" / "package"
    nested.mkdir(parents=True)
    assert paths.project_root(nested) == tmp_path.resolve()


def test_project_root_without_pyproject_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(LookupError, match=paths.DATA_DIR_VARIABLE):
        paths.project_root(Path(tmp_path.anchor))


def test_installed_package_finds_this_repository() -> None:
    assert (paths.project_root() / "pyproject.toml").is_file()


@pytest.mark.usefixtures("without_data_variable")
def test_stages_sit_in_the_data_folder_of_the_project() -> None:
    data = paths.project_root() / "data"
    assert paths.data_dir() == data
    assert paths.raw_data_dir() == data / "raw"
    assert paths.interim_data_dir() == data / "interim"
    assert paths.processed_data_dir() == data / "processed"


def test_environment_variable_moves_the_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_VARIABLE, str(tmp_path))
    assert paths.data_dir("processed") == tmp_path / "processed"


@pytest.mark.usefixtures("without_data_variable")
def test_unknown_stage_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown data stage 'final'"):
        paths.data_dir("final")


def test_figures_sit_in_the_reports_folder() -> None:
    assert paths.figures_dir() == paths.project_root() / "reports" / "figures"
