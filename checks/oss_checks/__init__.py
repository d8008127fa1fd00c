"""oss-checks: keep a repository true to open-source ways of working.

The package is imported on every commit by the pre-commit hooks, so this module
imports nothing: every submodule is loaded only when it is needed.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
