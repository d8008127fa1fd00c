"""The catalog: every rule family, one module each; importing this package registers all rules.

A family imports the rule interface (``oss_checks.registry``) and the shared helpers below
it (``oss_checks.text``, ``oss_checks.formats`` ...), never another family.
"""

from __future__ import annotations

from oss_checks.registry import RULES, Rule
from oss_checks.rules import (  # noqa: F401  (imported to register their rules)
    automation,
    community,
    data,
    drift,
    notebooks,
    packaging,
    release,
    tests_docs,
)


def load_rules() -> dict[str, type[Rule]]:
    """Every rule, sorted by code."""
    return dict(sorted(RULES.items()))
