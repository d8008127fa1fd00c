"""A JSON schema of ``[tool.oss-checks]``, generated from the registry.

Published through validate-pyproject's ``validate_pyproject.tool_schema`` entry point, so
``validate-pyproject pyproject.toml`` (and its pre-commit hook) catches typos in the table
before oss-checks ever runs.
"""

from __future__ import annotations

from typing import Any

from oss_checks.rules import load_rules

_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean", list: "array", dict: "object"}


def _reasons(description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "propertyNames": {"$ref": "#/definitions/rule"},
        "additionalProperties": {"type": "string", "minLength": 1},
    }


def tool_schema(tool_name: str = "oss-checks") -> dict[str, Any]:
    """Settings of oss-checks: select rules, ignore them with a reason, set rule options."""
    registry = load_rules()
    names = [rule.name for rule in registry.values()]
    option_tables: dict[str, Any] = {}
    for code, rule in registry.items():
        properties = {}
        for name, option in rule.options.items():
            spec: dict[str, Any] = {"description": option.help}
            if option.kind in _JSON_TYPES:
                spec["type"] = _JSON_TYPES[option.kind]
            if option.item_kind in _JSON_TYPES:
                key = "items" if option.kind is list else "additionalProperties"
                spec[key] = {"type": _JSON_TYPES[option.item_kind]}
            properties[name] = spec
        table = {"type": "object", "properties": properties, "additionalProperties": False}
        option_tables[rule.name] = table
        option_tables[code] = table
    selector = {"type": "string", "pattern": "^(?i:ALL|OSS[0-9]{0,3}|[a-z0-9-]+)$"}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://github.com/org/oss-template/blob/main/checks/oss_checks/schema.py",
        "title": f"[tool.{tool_name}]",
        "type": "object",
        "additionalProperties": False,
        "definitions": {"rule": {"enum": sorted([*registry, *names])}},
        "properties": {
            "extend": {"type": "string", "description": "A team-wide config: a local path or pkg:<package>."},
            "select": {"type": "array", "items": selector, "description": "Rules to run (default: all)."},
            "extend-select": {
                "type": "array",
                "items": selector,
                "description": "Rules added, e.g. opt-in ones.",
            },
            "ignore": _reasons("Rules not followed, each with the reason why."),
            "per-path-ignores": {
                "type": "object",
                "description": "Glob -> rules not followed there, each with a reason.",
                "additionalProperties": _reasons("Rules ignored for these paths."),
            },
            "options": {
                "type": "object",
                "properties": option_tables,
                "additionalProperties": False,
                "description": "Per-rule settings.",
            },
            "project-type": {"enum": ["library", "analysis"]},
            "dormant-after-days": {
                "type": "integer",
                "minimum": 0,
                "maximum": 36500,
                "description": "Days without a commit after which a file's hygiene findings are held back (0: never).",
            },
        },
    }
