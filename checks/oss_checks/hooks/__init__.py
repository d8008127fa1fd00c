"""Entry points of the pre-commit hooks listed in .pre-commit-hooks.yaml (one module per hook)."""
