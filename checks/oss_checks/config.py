"""``[tool.oss-checks]``: which rules run, which are ignored and why, and rule options.

Every key is validated: an unknown key, code or option is a ``ConfigError`` whose
message names the key and what is allowed, never a silent no-op.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from oss_checks import catalog
from oss_checks.errors import ConfigError
from oss_checks.formats import parse_toml
from oss_checks.globs import glob_match
from oss_checks.registry import Rule
from oss_checks.rules import load_rules

TABLE = "[tool.oss-checks]"
KNOWN_KEYS = (
    "extend",
    "select",
    "extend-select",
    "ignore",
    "per-path-ignores",
    "options",
    "project-type",
    "dormant-after-days",
)
#: Findings of the rules that spare dormant files are held back on a file no commit has
#: touched for this many days (two years), unless it is being changed.
DORMANT_AFTER_DAYS = 730
#: The longest ``dormant-after-days`` accepted: a hundred years (0 switches holding back off).
_MOST_DORMANT_DAYS = 36500


#: A team file larger than this is refused unread: a configuration is a few kilobytes.
MAX_TEAM_FILE_BYTES = 1024 * 1024


class Config:
    # A plain class, not a dataclass: every run builds this, and the dataclasses module and
    # its generated methods cost a commit's hook a tenth of its start-up.
    def __init__(
        self,
        select: list[str] | None = None,
        extend_select: list[str] | None = None,
        ignore: dict[str, str] | None = None,
        per_path_ignores: dict[str, dict[str, str]] | None = None,
        options: dict[str, dict[str, Any]] | None = None,
        project_type: str | None = None,
        sources: list[str] | None = None,
        adopted: bool = False,
        dormant_after_days: int = DORMANT_AFTER_DAYS,
    ) -> None:
        self.select = select
        self.extend_select = extend_select if extend_select is not None else []
        #: code -> the reason the team gave for not following the rule
        self.ignore = ignore if ignore is not None else {}
        #: glob -> code -> reason
        self.per_path_ignores = per_path_ignores if per_path_ignores is not None else {}
        #: code -> option name -> value
        self.options = options if options is not None else {}
        self.project_type = project_type
        #: Files this configuration was read from, team-wide first.
        self.sources = sources if sources is not None else []
        #: Whether the repository adopted the conventions: it has a [tool.oss-checks] table, or a
        #: team file is laid over it.
        self.adopted = adopted
        #: Days without a commit after which a file counts as dormant; 0 holds nothing back.
        self.dormant_after_days = dormant_after_days

    def __repr__(self) -> str:
        return f"Config({vars(self)!r})"

    def selected(self, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[str]:
        """Codes that run, after the config's and the command line's selection.

        A command-line ``select`` replaces the configured one; ignores only remove.
        """
        cli_select = list(select)
        if cli_select:
            codes = expand(cli_select, "--select", include_opt_in=True)
        else:
            base = expand(self.select, f"{TABLE} select") if self.select else default_codes()
            codes = base | expand(self.extend_select, f"{TABLE} extend-select", include_opt_in=True)
        codes -= expand(list(ignore), "--ignore", include_opt_in=True)
        return sorted(codes)

    def named(self, select: Iterable[str] = ()) -> set[str]:
        """The codes chosen by name: on the command line, or in select and extend-select.

        A convention chosen like this applies in full, adopted or not.
        """
        chosen = list(select) or list(self.select or ())
        return expand(chosen, "--select", include_opt_in=True) | expand(
            self.extend_select, f"{TABLE} extend-select", include_opt_in=True
        )

    def ignore_reason(self, code: str, path: str | None) -> str | None:
        """Why a finding of ``code`` at ``path`` is ignored, or None when it is not."""
        if code in self.ignore:
            return self.ignore[code]
        if path is not None:
            for pattern, codes in self.per_path_ignores.items():
                if code in codes and glob_match(pattern, path):
                    return codes[code]
        return None

    def rule(self, code: str) -> Rule:
        return load_rules([code])[code](self.options.get(code))


def default_codes() -> set[str]:
    return {code for code, (_name, _per_file, opt_in) in catalog.RULES.items() if not opt_in}


def expand(selectors: Iterable[str], where: str, include_opt_in: bool = False) -> set[str]:
    """Turn codes, prefixes (``OSS3``), rule names or ``ALL`` into a set of codes."""
    registry = catalog.RULES
    by_name = {name: code for code, (name, _per_file, _opt_in) in registry.items()}
    codes: set[str] = set()
    for selector in selectors:
        if not isinstance(selector, str):
            raise ConfigError(f"{where}: {selector!r} is not a rule code")
        wanted = selector.strip()
        if wanted.upper() == "ALL":
            matched = set(registry)
        elif wanted in by_name:
            matched = {by_name[wanted]}
        else:
            matched = {code for code in registry if code.startswith(wanted.upper())}
        if not matched or not re.fullmatch(r"(?i)OSS\d{0,3}|ALL|[a-z0-9-]+", wanted):
            raise ConfigError(
                f"{where}: unknown rule code, prefix or name {selector!r} "
                "(see `oss-checks rules` for the list)"
            )
        if not include_opt_in and len(matched) > 1:
            matched = {code for code in matched if not registry[code][2]}
        codes |= matched
    return codes


def code_for(key: str, where: str) -> str:
    """The code a rule code or rule name stands for; ConfigError naming ``where`` when none."""
    if key.upper() in catalog.RULES:
        return key.upper()
    for code, (name, _per_file, _opt_in) in catalog.RULES.items():
        if name == key:
            return code
    raise ConfigError(f"{where}: unknown rule {key!r} (see `oss-checks rules` for the list)")


def _reasons(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ConfigError(
            f'{where} must be a table of rule = "reason", e.g. {{ OSS302 = "outputs are the report" }}'
        )
    reasons: dict[str, str] = {}
    for key, reason in value.items():
        code = code_for(str(key), where)
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f"{where}: {key} needs a reason: a non-empty string saying why")
        reasons[code] = reason.strip()
    return reasons


def _string_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return list(value)


def parse_table(table: Any, source: str, base: Config | None = None) -> Config:
    """Validate one ``[tool.oss-checks]`` table and lay it over ``base``."""
    if not isinstance(table, Mapping):
        raise ConfigError(f"{source}: {TABLE} must be a table")
    config = base or Config()
    config.sources.append(source)
    for key in table:
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{source}: unknown key {key!r} in {TABLE} (known: {', '.join(KNOWN_KEYS)})")
    where = f"{source}: {TABLE}"
    if "select" in table:
        config.select = _string_list(table["select"], f"{where} select")
        expand(config.select, f"{where} select")
    if "extend-select" in table:
        config.extend_select += _string_list(table["extend-select"], f"{where} extend-select")
        expand(config.extend_select, f"{where} extend-select", include_opt_in=True)
    if "ignore" in table:
        config.ignore.update(_reasons(table["ignore"], f"{where} ignore"))
    if "per-path-ignores" in table:
        per_path = table["per-path-ignores"]
        if not isinstance(per_path, Mapping):
            raise ConfigError(f'{where} per-path-ignores must be a table of "glob" = {{ CODE = "reason" }}')
        for pattern, reasons in per_path.items():
            merged = config.per_path_ignores.setdefault(str(pattern), {})
            merged.update(_reasons(reasons, f"{where} per-path-ignores {pattern!r}"))
    if "options" in table:
        _parse_options(table["options"], f"{where} options", config)
    if "project-type" in table:
        kind = table["project-type"]
        if kind not in ("library", "analysis"):
            raise ConfigError(f'{where} project-type must be "library" or "analysis", not {kind!r}')
        config.project_type = kind
    if "dormant-after-days" in table:
        days = table["dormant-after-days"]
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= _MOST_DORMANT_DAYS:
            raise ConfigError(
                f"{where} dormant-after-days must be a whole number of days from 0 (hold nothing back) "
                f"to {_MOST_DORMANT_DAYS}, not {days!r}"
            )
        config.dormant_after_days = days
    return config


def _parse_options(value: Any, where: str, config: Config) -> None:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where} must be a table of rule name = {{ option = value }}")
    for key, settings in value.items():
        code = code_for(str(key), where)
        rule = load_rules([code])[code]
        if not isinstance(settings, Mapping):
            raise ConfigError(f"{where}.{key} must be a table of options")
        merged = config.options.setdefault(code, {})
        for name, setting in settings.items():
            if name not in rule.options:
                known = ", ".join(rule.options) or "none"
                raise ConfigError(f"{where}.{key}: unknown option {name!r} (known: {known})")
            try:
                merged[name] = rule.options[name].validate(setting, f"{where}.{key}.{name}")
            except ValueError as exc:
                raise ConfigError(str(exc)) from None
        # A rule may check its options further when built (a regex that does not compile...).
        rule(merged)


def _team_file(reference: str, root: Path, where: str) -> Path:
    """Resolve ``extend``: a local path, or ``pkg:<package>`` naming an installed package."""
    if reference.startswith("pkg:"):
        import importlib.util

        package = reference[4:]
        spec = importlib.util.find_spec(package) if package.isidentifier() else None
        if spec is None or not spec.submodule_search_locations:
            raise ConfigError(f"{where} extend: no installed package named {package!r}")
        candidate = Path(next(iter(spec.submodule_search_locations))) / "oss-checks.toml"
    else:
        candidate = (root / Path(reference).expanduser()).resolve()
    if not candidate.is_file():
        raise ConfigError(f"{where} extend: {reference!r} is not a file ({candidate})")
    return candidate


def load_config(root: Path, pyproject: Mapping[str, Any] | None, *, team_file: Path | None = None) -> Config:
    """The configuration in ``pyproject`` (parsed), with a team-wide file under it.

    The team file is the one ``extend`` names, or ``team_file`` (the report's
    ``--conventions``), which makes every repository count as having adopted them.
    """
    if pyproject is None:
        # A missing or broken pyproject.toml is itself a finding, not a crash.
        return _team_config(team_file) if team_file is not None else Config()
    tool = pyproject.get("tool", {})
    if not isinstance(tool, Mapping):
        raise ConfigError("pyproject.toml: `tool` must be a table, like [tool.oss-checks]")
    table = tool.get("oss-checks", {})
    if not isinstance(table, Mapping):
        raise ConfigError(f"pyproject.toml: {TABLE} must be a table")
    config = _team_config(team_file) if team_file is not None else Config()
    reference = table.get("extend")
    if reference is not None:
        if not isinstance(reference, str):
            raise ConfigError(f"pyproject.toml: {TABLE} extend must be a string: a path or pkg:<package>")
        config = _team_config(_team_file(reference, root, f"pyproject.toml: {TABLE}"), config)
    config = parse_table(table, "pyproject.toml", config)
    config.adopted = config.adopted or "oss-checks" in tool
    return config


def _team_config(team_path: Path, base: Config | None = None) -> Config:
    team_data, error = parse_toml(_read_team_file(team_path))
    if team_data is None:
        raise ConfigError(f"{team_path} {error}")
    team_tool = team_data.get("tool", {})
    team_table = team_tool.get("oss-checks", team_data) if isinstance(team_tool, Mapping) else None
    if not isinstance(team_table, Mapping):
        raise ConfigError(f"{team_path}: [tool.oss-checks] must be a table")
    if "extend" in team_table:
        raise ConfigError(f"{team_path}: a team configuration cannot itself use extend")
    config = parse_table(team_table, str(team_path), base)
    config.adopted = True
    return config


def _read_team_file(path: Path) -> str | None:
    """The team file's text; ConfigError when it is too large to be a configuration."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_TEAM_FILE_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_TEAM_FILE_BYTES:
        raise ConfigError(f"{path} is larger than {MAX_TEAM_FILE_BYTES // 1024} kB: not a team configuration")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
