"""The rule families, one module each, imported only when a run needs their rules.

A family imports the rule interface (``oss_checks.registry``) and the shared helpers below
it (``oss_checks.text``, ``oss_checks.formats`` ...), never another family. Which family owns
a code follows from the code itself (``Family.of_code``); the generated ``oss_checks.catalog``
knows every rule's name and scope without importing any family.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from oss_checks import catalog
from oss_checks.registry import RULES, Family, Rule


def _import_family(family: Family) -> None:
    importlib.import_module(f"{__name__}.{family.name.lower()}")


def load_rules(codes: Iterable[str] | None = None) -> dict[str, type[Rule]]:
    """The rules of ``codes`` (every rule when None), sorted by code.

    Only the families that own those codes are imported, which is what keeps the per-file
    hook from paying for the rules it never runs. A code the catalog does not list is left out.
    """
    if codes is None:
        for family in Family:
            _import_family(family)
        return dict(sorted(RULES.items()))
    wanted = set(codes)
    families = {Family.of_code(code) for code in wanted if code in catalog.RULES}
    for family in sorted(families, key=lambda f: f.base):
        _import_family(family)
    return {code: RULES[code] for code in sorted(wanted) if code in RULES}
