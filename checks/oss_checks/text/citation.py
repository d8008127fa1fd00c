"""CITATION.cff, parsed once per repository."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from oss_checks.formats import MAX_YAML_NESTING, yaml_too_deep
from oss_checks.text.community import CITATION_NAMES

if TYPE_CHECKING:
    from oss_checks.context import Repo


class Citation(NamedTuple):
    data: dict[str, Any] | None
    error: str | None = None
    line: int = 0


def citation(repo: Repo) -> Citation | None:
    """CITATION.cff parsed once per repository; None when there is none or it is not text."""
    path = repo.find(*CITATION_NAMES)
    text = repo.read_text(path) if path is not None else None
    if text is None:
        return None
    return repo.memo(("citation", path), lambda: _parse_citation(text))


def _parse_citation(text: str) -> Citation:
    import yaml  # loaded only when a CITATION.cff exists: hooks start fast

    if yaml_too_deep(text):
        return Citation(None, f"is not valid YAML: nested more than {MAX_YAML_NESTING} levels deep")
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "unreadable YAML"
        return Citation(None, f"is not valid YAML: {reason}", mark.line + 1 if mark else 0)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        return Citation(None, f"is not valid YAML: {type(exc).__name__}")
    if not isinstance(data, dict):
        return Citation(None, "is not a YAML mapping of keys such as title and authors")
    return Citation({str(k): v for k, v in data.items()})
