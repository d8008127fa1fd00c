"""The importable code of the project: notebooks, scripts and tests all use it."""

from importlib.metadata import version

__version__ = version({{ cookiecutter.project_slug | quoted }})

__all__ = ["__version__"]
