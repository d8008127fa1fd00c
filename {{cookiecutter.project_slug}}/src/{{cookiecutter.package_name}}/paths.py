"""Where the project's files live, so notebooks and scripts never hard-code a path.

The project root is the nearest folder above this package that holds
``pyproject.toml``: the repository itself when the package is installed in editable
mode (``uv sync`` or ``pip install -e .``) or into a virtual environment inside the
repository. Set ``PROJECT_DATA_DIR`` in the project's ``.env`` file (copy
``.env.example``) or in the environment to keep the data somewhere else, such as a
shared drive, without changing any code.
"""

from __future__ import annotations

import os
from pathlib import Path

from dotenv import dotenv_values

#: The variable that moves the data folder, read from the environment, else from ``.env``.
DATA_DIR_VARIABLE = "PROJECT_DATA_DIR"
#: The file in the project root that holds this machine's settings (git ignores it).
ENV_FILE = ".env"
#: The data folder's stages, from untouched input to model-ready tables.
STAGES = ("raw", "interim", "processed")


def project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` that holds ``pyproject.toml``.

    Args:
        start: Where to begin looking; by default, this package's own folder.

    Returns:
        The project's root folder.

    Raises:
        LookupError: If no folder above ``start`` holds ``pyproject.toml``.
    """
    origin = (start or Path(__file__).parent).resolve()
    for folder in (origin, *origin.parents):
        if (folder / "pyproject.toml").is_file():
            return folder
    message = (
        f"no pyproject.toml above {origin}: install the project in editable mode "
        f"(uv sync) or set {DATA_DIR_VARIABLE}"
    )
    raise LookupError(message)


def setting(name: str) -> str | None:
    """A setting of this machine: the environment variable, else its line in ``.env``.

    Args:
        name: The variable, such as :data:`DATA_DIR_VARIABLE`.

    Returns:
        The value, or None when neither sets it or the value is empty.
    """
    value = os.environ.get(name)
    if value is None:
        env_file = project_root() / ENV_FILE
        value = dotenv_values(env_file).get(name) if env_file.is_file() else None
    return value or None


def data_dir(stage: str | None = None) -> Path:
    """The data folder, or one of its stages: ``raw``, ``interim`` or ``processed``.

    Args:
        stage: A stage name, or None for the data folder itself.

    Returns:
        ``PROJECT_DATA_DIR`` when the environment or ``.env`` sets it (a relative path
        counts from the project root, wherever the notebook runs), else
        ``<project root>/data``, followed by the stage.

    Raises:
        ValueError: If ``stage`` is not one of :data:`STAGES`.

    Examples:
        >>> data_dir("raw").name
        'raw'
    """
    configured = setting(DATA_DIR_VARIABLE)
    if configured:
        chosen = Path(configured).expanduser()
        base = chosen if chosen.is_absolute() else project_root() / chosen
    else:
        base = project_root() / "data"
    if stage is None:
        return base
    if stage not in STAGES:
        message = f"unknown data stage {stage!r}: use one of {', '.join(STAGES)}"
        raise ValueError(message)
    return base / stage


def raw_data_dir() -> Path:
    """Input data exactly as received. Never edit these files; derive new ones."""
    return data_dir("raw")


def interim_data_dir() -> Path:
    """Intermediate data that is being cleaned or joined."""
    return data_dir("interim")


def processed_data_dir() -> Path:
    """Final, analysis-ready data sets."""
    return data_dir("processed")


def figures_dir() -> Path:
    """Figures for reports (``reports/figures``), kept in git with the reports."""
    return project_root() / "reports" / "figures"
