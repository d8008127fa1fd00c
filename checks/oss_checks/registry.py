"""The registry of rules: the single source of truth for codes, messages and metadata.

A rule is a class whose name is its code (``OSS101``) and whose docstring is what a
user reads: the first line is the one-line message, the rest follows the shape
"What it does / Why is this bad? / Example / How to fix". Defining the class is
registering it; the hook manifest, the README table, the docs and the repo-review
plugin are all generated from the classes collected here. The rule families register
themselves when ``oss_checks.rules`` is imported (``oss_checks.rules.load_rules``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from oss_checks.patterns import lazy

if TYPE_CHECKING:
    from oss_checks.context import Repo, SourceFile


class Family(enum.Enum):
    """A family of rules, with the range of codes reserved for it."""

    COMMUNITY = (100, "Community files")
    PACKAGING = (200, "Packaging metadata")
    NOTEBOOKS = (300, "Notebooks")
    DATA = (400, "Data and paths")
    TESTS_DOCS = (500, "Tests and docs")
    AUTOMATION = (600, "Automation")
    DRIFT = (700, "Template drift")
    RELEASE = (800, "Release readiness")

    @property
    def base(self) -> int:
        return self.value[0]

    @property
    def title(self) -> str:
        return self.value[1]

    @property
    def slug(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def of_code(cls, code: str) -> Family:
        hundreds = int(code[3:]) // 100 * 100
        for family in cls:
            if family.base == hundreds:
                return family
        raise ValueError(f"no family owns code {code}")


class Stakeholder(enum.Enum):
    """Who cares about a rule; the team report groups findings by these."""

    LEGAL = "legal"
    MANAGEMENT = "management"
    DATA_SCIENCE = "data-science"
    EXECUTIVE = "executive"


class Severity(enum.Enum):
    """An error fails the check; a warning is shown but fails it only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


class Kind(enum.Enum):
    """Whether a rule states a fact about any repository or checks a way of working.

    A FACT holds everywhere (a leaked credential, a license contradicting the metadata)
    and is always on. A CONVENTION (CODEOWNERS, notebook names, a test module per module)
    applies in full where a repository adopted the conventions: it has a template
    record or a ``[tool.oss-checks]`` table, a team file lays them over it, or the rule
    is selected by name. Elsewhere a convention says only what the repository's own
    evidence makes worth saying (its ``elsewhere`` text tells what).
    """

    FACT = "fact"
    CONVENTION = "convention"


class Scope(enum.Enum):
    """REPO rules look at the repository as a whole; FILE rules at one file at a time.

    FILE rules are the ones the fast per-file pre-commit hook runs on staged files.
    """

    REPO = "repo"
    FILE = "file"


class Option(NamedTuple):
    """One setting of a rule, read from ``[tool.oss-checks.options.<rule-name>]``."""

    kind: type
    default: Any
    help: str
    item_kind: type | None = None

    def validate(self, value: Any, where: str) -> Any:
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool)):
            raise ValueError(f"{where} must be {_kind_name(self.kind)}, not {value!r}")
        if self.item_kind is not None:
            container: Any = value  # a list or a table, as checked just above
            items: Iterable[Any] = container.values() if isinstance(container, dict) else container
            for item in items:
                if not isinstance(item, self.item_kind):
                    raise ValueError(f"{where} must hold {_kind_name(self.item_kind)} items, not {item!r}")
        return value


def _kind_name(kind: type) -> str:
    return {
        str: "a string",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
    }.get(kind, kind.__name__)


class Finding(NamedTuple):
    """One problem found in one place. ``line`` and ``col`` are 1-based; 0 means "the file".

    In a notebook, ``cell`` is the 1-based cell number and ``line`` counts within that cell.
    """

    path: str
    line: int
    col: int
    code: str
    message: str
    cell: int | None = None
    #: Whether ``--fix`` can repair this finding in this repository (set by the engine).
    fixable: bool = False

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        return (self.path, self.cell or 0, self.line, self.col, self.code, self.message)

    def __lt__(self, other: tuple[Any, ...]) -> bool:
        # Findings sort by place (a notebook's cells in order), not in the order of their fields.
        if isinstance(other, Finding):
            return self.sort_key() < other.sort_key()
        return NotImplemented

    @property
    def rule(self) -> type[Rule]:
        return RULES[self.code]

    @property
    def location(self) -> str:
        """``path``, ``path:line`` or ``path:line:col`` (``path:cell N:...`` in a notebook)."""
        where = self.path
        if self.cell is not None:
            where += f":cell {self.cell}"
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return where

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule
        return {
            "code": self.code,
            "name": rule.name,
            "path": self.path,
            "cell": self.cell,
            "line": self.line,
            "col": self.col,
            "message": self.message,
            "severity": rule.severity.value,
            "kind": rule.kind.value,
            "fixable": self.fixable,
            "family": rule.family.slug,
            "stakeholders": [s.value for s in rule.stakeholders],
            "fix": rule.how_to_fix(),
        }


#: (rule, heading) -> the text under it. The JSON output gives every finding its rule's fix,
#: and a repository can have tens of thousands of findings of one rule.
_SECTIONS: dict[tuple[type[Rule], str], str] = {}


def _docstring_section(rule: type[Rule], title: str) -> str:
    key = (rule, title)
    if key not in _SECTIONS:
        text = rule.doc()
        match = re.search(rf"^## {re.escape(title)}\s*$(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
        _SECTIONS[key] = match.group(1).strip() if match else ""
    return _SECTIONS[key]


RULES: dict[str, type[Rule]] = {}
_CODE = lazy(r"OSS[1-9]\d\d")


class Rule:
    """Base class of every rule; subclasses register themselves by being defined."""

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[Family]
    stakeholders: ClassVar[tuple[Stakeholder, ...]]
    scope: ClassVar[Scope] = Scope.REPO
    severity: ClassVar[Severity] = Severity.ERROR
    fixable: ClassVar[bool] = False
    added: ClassVar[str] = "0.1.0"
    #: Opt-in rules run only when selected by code, e.g. for pre-push or CI.
    opt_in: ClassVar[bool] = False
    options: ClassVar[Mapping[str, Option]] = {}
    kind: ClassVar[Kind] = Kind.FACT
    #: For a convention: what it reports in a repository that did not adopt the conventions.
    elsewhere: ClassVar[str] = ""
    #: Codes whose finding on the same path this rule's finding replaces: one problem, one finding.
    supersedes: ClassVar[frozenset[str]] = frozenset()
    #: Whether this rule's findings on a dormant file (no commit for ``dormant-after-days``,
    #: not being changed) are held back: true of the hygiene of a file's contents, which
    #: matters to whoever works on the file next; never of credentials or broken files.
    spares_dormant_files: ClassVar[bool] = False
    #: Whether this rule still reports in a dormant repository (no commit for
    #: ``dormant-after-days``), where every other finding is held back: true of credentials.
    reported_when_dormant: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not _CODE.fullmatch(cls.__name__):
            return
        code = cls.__name__
        if code in RULES:
            raise TypeError(f"rule code {code} is defined twice")
        if not (cls.__doc__ and cls.__doc__.strip()):
            raise TypeError(f"rule {code} has no docstring")
        for attribute in ("name", "stakeholders"):
            if attribute not in cls.__dict__:
                raise TypeError(f"rule {code} does not set {attribute}")
        if cls.kind is Kind.CONVENTION and not cls.elsewhere.strip():
            raise TypeError(f"rule {code} is a convention but does not say what it reports elsewhere")
        cls.code = code
        cls.family = Family.of_code(code)
        RULES[code] = cls

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        self.settings: dict[str, Any] = {k: o.default for k, o in self.options.items()}
        if settings:
            self.settings.update(settings)
        #: Whether a convention applies in full here (the engine says; a rule built by hand does).
        self.in_full = True

    # -- what a user reads ---------------------------------------------------------
    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0].strip()

    @classmethod
    def doc(cls) -> str:
        import inspect  # only docs and reports need the whole text; hooks need the summary

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def section(cls, title: str) -> str:
        """The text under one ``## title`` heading of the docstring."""
        return _docstring_section(cls, title)

    @classmethod
    def how_to_fix(cls) -> str:
        return cls.section("How to fix")

    # -- running --------------------------------------------------------------------
    def check(self, repo: Repo) -> Iterable[Finding]:
        """Findings for the whole repository (REPO rules)."""
        return ()

    def applies_to(self, file: SourceFile) -> bool:
        """Whether ``check_file`` wants this file (FILE rules)."""
        return False

    def check_file(self, repo: Repo, file: SourceFile) -> Iterable[Finding]:
        """Findings for one file (FILE rules)."""
        return ()

    def fix(self, repo: Repo, finding: Finding) -> bool:
        """Apply the safe fix for a finding; return True when something was written."""
        return False

    def rests_on(self, repo: Repo, finding: Finding) -> tuple[str, ...]:
        """The files a finding about the repository is built on, when it is built on files.

        When no commit has touched any of them for ``dormant-after-days`` and nobody is
        changing them, the finding is held back with theirs: a hook asked for because of
        notebooks nobody has opened in years would be acted on by nobody. An empty tuple
        (the default) means the finding rests on no file and is never held back this way.
        """
        return ()

    def can_fix(self, repo: Repo, finding: Finding) -> bool:
        """Whether ``fix`` could repair this finding here (a fixable rule may need more)."""
        return self.fixable

    def finding(
        self,
        path: str,
        message: str | None = None,
        *,
        line: int = 0,
        col: int = 0,
        cell: int | None = None,
    ) -> Finding:
        return Finding(path, line, col, self.code, message or self.summary(), cell)
