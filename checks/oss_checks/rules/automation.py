"""Automation: CI and pre-commit (OSS6xx).

Also home of the YAML reading the 5xx-7xx rules share: tolerant of any tag, parsed
once per repository, and reporting a broken file as a one-line error with its line.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from oss_checks.bake import forge
from oss_checks.registry import Finding, Rule, Scope, Stakeholder

if TYPE_CHECKING:
    from oss_checks.context import Repo

# -- YAML, read once per repository ------------------------------------------------------


class LineDict(dict[Any, Any]):
    """A YAML mapping that remembers the (1-based) line it starts on."""

    line: int = 0


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file: ``data`` when it parses, else ``error`` (one line) at ``line``."""

    path: str
    data: Any = None
    error: str | None = None
    line: int = 0

    @property
    def mapping(self) -> LineDict | None:
        return self.data if isinstance(self.data, LineDict) else None


_YAML_MEMO: WeakKeyDictionary[Repo, dict[str, YamlFile]] = WeakKeyDictionary()


@cache
def _tolerant_loader() -> type[Any]:
    """A safe loader that builds plain values for unknown tags (``!!python/name:``, ``!ENV``)."""
    import yaml  # PyYAML is loaded only when a YAML file is read

    base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader: type[Any] = type("TolerantLoader", (base,), {})

    def construct_map(constructor: Any, node: Any) -> Iterator[LineDict]:
        data = LineDict()
        data.line = node.start_mark.line + 1
        yield data
        if isinstance(node, yaml.MappingNode):
            data.update(constructor.construct_mapping(node))

    def construct_unknown(constructor: Any, _suffix: str, node: Any) -> Any:
        if isinstance(node, yaml.MappingNode):
            return construct_map(constructor, node)
        if isinstance(node, yaml.SequenceNode):
            return constructor.construct_sequence(node)
        return constructor.construct_scalar(node)

    loader.add_constructor("tag:yaml.org,2002:map", construct_map)
    loader.add_multi_constructor("", construct_unknown)
    return loader


def parse_yaml(path: str, text: str | None) -> YamlFile:
    """Parse YAML text leniently: any problem becomes ``error``, never an exception."""
    import yaml  # PyYAML is loaded only when a YAML file is read

    if text is None:
        return YamlFile(path, error="is not UTF-8 text (binary, too large or unreadable)")
    try:
        data = yaml.load(text, Loader=_tolerant_loader())  # noqa: S506 - the loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "cannot be parsed"
        if exc.context:
            problem += f" {exc.context}"
        line = mark.line + 1 if mark is not None else 0
        where = f" (line {line}, column {mark.column + 1})" if mark is not None else ""
        return YamlFile(path, error=f"is not valid YAML: {problem}{where}", line=line)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).splitlines()[0]
        return YamlFile(path, error=f"is not valid YAML: {reason}")
    return YamlFile(path, data=data)


def load_yaml(repo: Repo, path: str) -> YamlFile:
    """``path`` of ``repo`` parsed as YAML, memoised so several rules share one parse."""
    memo = _YAML_MEMO.setdefault(repo, {})
    if path not in memo:
        memo[path] = parse_yaml(path, repo.read_text(path))
    return memo[path]


# -- CI -------------------------------------------------------------------------------------

#: CI configurations at fixed places; GitHub workflows are found by folder.
CI_FILES = (
    ".gitlab-ci.yml",
    "Jenkinsfile",
    "azure-pipelines.yml",
    "azure-pipelines.yaml",
    ".circleci/config.yml",
    "bitbucket-pipelines.yml",
    ".travis.yml",
    ".drone.yml",
    ".woodpecker.yml",
)


def _is_workflow(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 3 and parts[:2] == [".github", "workflows"] and path.endswith((".yml", ".yaml"))


def ci_files(repo: Repo) -> list[str]:
    """Every CI configuration of the repository, workflows first."""
    found = [path for path in repo.paths if _is_workflow(path)]
    found += [path for path in CI_FILES if repo.exists(path)]
    return found


@dataclass(frozen=True)
class NoxCall:
    """One ``nox`` command in a CI file, with the sessions it names (when they are literal)."""

    path: str
    line: int
    sessions: tuple[str, ...]


_CI_EXPRESSION = re.compile(r"\$\{\{.*?\}\}|\$\{[^}]*\}")
#: Between commands: shell operators, and the brackets and commas of a YAML flow list.
_SHELL_SEPARATOR = re.compile(r"&&|\|\||\$\(|[;|()`]|(?<=[\s:])\[|\](?=\s|$)|,(?=\s)")
_COMMENT = re.compile(r"(?:^|\s)#.*$")
_NOX_WORD = re.compile(r"nox(?:\[[\w,-]*\])?(?:[=<>~!@]\S*)?")
_PYTHON_WORD = re.compile(r"python(?:\d+(?:\.\d+)*)?(?:\.exe)?|py")
_ENV_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*=\S*")
#: Words before a command: YAML keys holding commands, list dashes, shell wrappers.
_COMMAND_PREFIXES = frozenset(
    {
        "-",
        "run:",
        "script:",
        "before_script:",
        "after_script:",
        "command:",
        "commands:",
        "cmd:",
        "bash:",
        "pwsh:",
        "powershell:",
        "inlineScript:",
        "sh",
        "bash",
        "zsh",
        "bat",
        "pwsh",
        "powershell",
        "-c",
        "exec",
        "time",
        "then",
        "do",
        "else",
        "env",
    }
)
#: Launchers that run a tool by name: ``uvx nox``, ``pipx run nox`` ...
_RUNNERS = (
    ("uvx",),
    ("pipx", "run"),
    ("uv", "tool", "run"),
    ("uv", "run"),
    ("hatch", "run"),
    ("pdm", "run"),
    ("poetry", "run"),
    ("pipenv", "run"),
)
_SESSION_FLAGS = frozenset({"-s", "-e", "--session", "--sessions"})
_SESSION_JOINED = re.compile(r"--sessions?=(.+)|-[se]=?(.+)")


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines with shell continuations (a trailing backslash) joined, numbered by their first line."""
    pending: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not pending:
            start = number
        stripped = line.rstrip()
        if stripped.endswith("\\"):
            pending.append(stripped[:-1])
            continue
        pending.append(line)
        yield start, " ".join(pending)
        pending = []
    if pending:
        yield start, " ".join(pending)


def _skip_options(tokens: list[str]) -> list[str]:
    """Drop a launcher's options (and their values) up to the tool it runs."""
    index = 0
    while index < len(tokens) and tokens[index].startswith("-"):
        takes_value = "=" not in tokens[index] and index + 1 < len(tokens)
        index += 1
        if takes_value and not tokens[index].startswith("-") and not _NOX_WORD.fullmatch(tokens[index]):
            index += 1
    return tokens[index:]


def _nox_arguments(tokens: list[str]) -> list[str] | None:
    """The arguments of a nox command, or None when the tokens do not run nox."""
    index = 0
    while index < len(tokens) and (
        tokens[index] in _COMMAND_PREFIXES or _ENV_ASSIGNMENT.fullmatch(tokens[index])
    ):
        index += 1
    rest = tokens[index:]
    if not rest:
        return None
    for runner in _RUNNERS:
        if tuple(rest[: len(runner)]) == runner:
            rest = _skip_options(rest[len(runner) :])
            break
    else:
        if _PYTHON_WORD.fullmatch(rest[0]):
            options = rest[1:]
            while options and options[0].startswith("-") and options[0] != "-m":
                options = options[1:]
            if options[:1] != ["-m"]:
                return None
            rest = options[1:]
    if rest and _NOX_WORD.fullmatch(rest[0]):
        return rest[1:]
    return None


def _requested_sessions(arguments: list[str]) -> tuple[str, ...]:
    """Session names given with ``-s``/``--session``; names built from variables are skipped."""
    sessions: list[str] = []
    collecting = False
    for argument in arguments:
        if argument == "--":
            break
        if argument in _SESSION_FLAGS:
            collecting = True
            continue
        joined = _SESSION_JOINED.fullmatch(argument)
        if joined:
            sessions.append(joined.group(1) or joined.group(2))
            collecting = False
            continue
        if argument.startswith("-"):
            collecting = False
        elif collecting:
            sessions.append(argument)
    return tuple(name for name in sessions if "$" not in name)


def nox_calls(path: str, text: str) -> list[NoxCall]:
    """Every command in a CI file that runs nox, found line by line (comments skipped)."""
    calls = []
    for number, raw in _logical_lines(text):
        line = _CI_EXPRESSION.sub("$EXPR", _COMMENT.sub("", raw))
        line = line.replace('"', " ").replace("'", " ")
        for command in _SHELL_SEPARATOR.split(line):
            arguments = _nox_arguments(command.split())
            if arguments is not None:
                calls.append(NoxCall(path, number, _requested_sessions(arguments)))
    return calls


@dataclass(frozen=True)
class NoxSessions:
    """The sessions a noxfile defines; ``dynamic`` when some cannot be known without running it."""

    names: frozenset[str]
    dynamic: bool

    def defines(self, requested: str) -> bool:
        """Whether ``nox -s requested`` finds a session (``tests-3.12``, ``tests(x=1)`` count)."""
        return any(requested == name or requested.startswith((f"{name}-", f"{name}(")) for name in self.names)


def noxfile_sessions(text: str) -> NoxSessions:
    """Sessions of a noxfile read with ``ast`` (it is never run); SyntaxError/ValueError propagate."""
    tree = ast.parse(text)
    nox_modules: set[str] = set()
    session_decorators: set[str] = set()
    dynamic = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            nox_modules.update(alias.asname or alias.name for alias in node.names if alias.name == "nox")
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if node.module == "nox" and alias.name in ("session", "*"):
                    session_decorators.add("session" if alias.name == "*" else alias.asname or "session")
                elif alias.name == "*":
                    dynamic = True  # sessions may come from the other module

    def is_session(expression: ast.expr) -> bool:
        if isinstance(expression, ast.Attribute):
            return (
                expression.attr == "session"
                and isinstance(expression.value, ast.Name)
                and expression.value.id in nox_modules
            )
        return isinstance(expression, ast.Name) and expression.id in session_decorators

    def explicit_name(call: ast.Call) -> str | None:
        nonlocal dynamic
        for keyword in call.keywords:
            if keyword.arg == "name":
                if isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                    return keyword.value.value
                dynamic = True
        return None

    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                if is_session(decorator):
                    names.add(node.name)
                elif isinstance(decorator, ast.Call) and is_session(decorator.func):
                    names.add(explicit_name(decorator) or node.name)
        elif isinstance(node, ast.Call) and is_session(node.func) and node.args:
            # nox.session(function, name=...) used as a plain call
            first = node.args[0]
            given = explicit_name(node)
            if given:
                names.add(given)
            elif isinstance(first, ast.Name):
                names.add(first.id)
            else:
                dynamic = True
    return NoxSessions(frozenset(names), dynamic)


# -- pre-commit -------------------------------------------------------------------------------

PRECOMMIT_CONFIG = ".pre-commit-config.yaml"


@dataclass(frozen=True)
class Hook:
    id: str
    entry: str
    line: int


def precommit_hooks(repo: Repo) -> list[Hook] | None:
    """Every hook of ``.pre-commit-config.yaml``; None when it is missing or not a valid config.

    OSS603 reports a missing or broken config; the rules that look for one hook stay quiet.
    """
    if not repo.exists(PRECOMMIT_CONFIG):
        return None
    config = load_yaml(repo, PRECOMMIT_CONFIG).mapping
    if config is None or not isinstance(config.get("repos"), list):
        return None
    hooks = []
    for entry in config["repos"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("hooks"), list):
            continue
        for hook in entry["hooks"]:
            if isinstance(hook, dict) and isinstance(hook.get("id"), str):
                entry_command = hook.get("entry")
                hooks.append(
                    Hook(
                        hook["id"],
                        entry_command if isinstance(entry_command, str) else "",
                        hook.line if isinstance(hook, LineDict) else 0,
                    )
                )
    return hooks


def _uses_tool(hooks: Iterable[Hook], tools: Iterable[str]) -> bool:
    """Whether a hook's id or command names one of ``tools`` (so ``repo: local`` hooks count)."""
    names = tuple(tools)
    return any(tool in hook.id or tool in hook.entry for hook in hooks for tool in names)


# -- rules ------------------------------------------------------------------------------------


class OSS601(Rule):
    """Continuous integration is missing or its configuration is broken

    ## What it does
    Looks for a CI configuration: GitHub Actions workflows in `.github/workflows/`,
    `.gitlab-ci.yml`, and also `Jenkinsfile`, `azure-pipelines.yml`,
    `.circleci/config.yml`, `bitbucket-pipelines.yml`, `.travis.yml`, `.drone.yml` or
    `.woodpecker.yml`, so teams on another CI service pass too. A YAML CI file that does
    not parse, is empty, or (for a GitHub workflow) has no `jobs` is reported with its line.

    ## Why is this bad?
    Without CI nobody knows whether the main branch still installs, passes its tests and
    builds: every reviewer has to run everything by hand, and a broken notebook helper or
    a missing dependency is found by the next person who needs the code. A CI file that
    does not parse is worse: it looks like protection but runs nothing.

    ## Example
    A repository with `noxfile.py` but no `.github/workflows/` folder and no
    `.gitlab-ci.yml`.

    ## How to fix
    Add a CI file that runs the nox sessions, for GitHub `.github/workflows/ci.yml`:

    ```yaml
    name: CI
    on: [push, pull_request]
    jobs:
      checks:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@v4
          - uses: actions/setup-python@v5
            with: {python-version: "3.11"}
          - run: pipx run nox
    ```

    or on GitLab a `.gitlab-ci.yml` job whose `script` is `pipx run nox`. If the team
    deliberately has no CI, say why in `[tool.oss-checks] ignore = { OSS601 = "..." }`
    and run `nox` before every merge.
    """

    name = "ci-config"
    stakeholders = (Stakeholder.MANAGEMENT,)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        found = ci_files(repo)
        if not found:
            suggested = ".gitlab-ci.yml" if forge(repo.answers) == "gitlab" else ".github/workflows/ci.yml"
            yield self.finding(
                suggested,
                f"no CI configuration (looked for .github/workflows/*.yml, .gitlab-ci.yml, Jenkinsfile "
                f"and other CI services): add {suggested} running `nox`",
            )
            return
        for path in found:
            if path == "Jenkinsfile":
                continue
            parsed = load_yaml(repo, path)
            if parsed.error:
                yield self.finding(path, f"{path} {parsed.error}: CI will not run", line=parsed.line)
            elif parsed.data is None:
                yield self.finding(path, f"{path} is empty: CI runs nothing")
            elif parsed.mapping is None:
                yield self.finding(path, f"{path} is not a YAML mapping of CI settings", line=1)
            elif _is_workflow(path) and not isinstance(parsed.mapping.get("jobs"), dict):
                yield self.finding(
                    path, f"{path} has no `jobs`: GitHub rejects the workflow", line=parsed.mapping.line
                )


class OSS602(Rule):
    """CI does not run the project's nox sessions

    ## What it does
    Checks that `noxfile.py` exists, that the CI configuration runs nox (`nox`, `uvx nox`,
    `pipx run nox`, `python -m nox`, `uv run nox` ...), and that every session CI names
    with `-s` / `--session` is defined in `noxfile.py`. The noxfile is read, never run:
    sessions are functions decorated with `@nox.session` (honouring `name=`), and
    `tests-3.12` or `tests(python='3.12')` count as the `tests` session. Session names
    built from CI variables (`${{ matrix.session }}`) cannot be checked and are skipped.
    Repositories without CI are left to OSS601.

    ## Why is this bad?
    The nox sessions are the one way to lint, test and build, on a laptop and in CI
    alike. When CI runs its own commands, "it passes on my machine" and "it passes in CI"
    drift apart, and a session renamed in `noxfile.py` but not in CI fails every pipeline
    with "Sessions not found".

    ## Example
    ```yaml
    - run: nox -s test   # noxfile.py defines `tests`, not `test`
    ```

    ## How to fix
    Keep `noxfile.py` at the repository root and call it from CI, e.g.
    `run: pipx run nox -s lint typecheck tests`; name only sessions that exist
    (`nox --list` shows them). A team that uses tox or hatch instead can say so in
    `[tool.oss-checks] ignore = { OSS602 = "we run tox in CI" }`.
    """

    name = "ci-runs-nox"
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.DATA_SCIENCE)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        found = ci_files(repo)
        if not found:
            return
        calls = [call for path in found for call in nox_calls(path, repo.read_text(path) or "")]
        if not repo.exists("noxfile.py"):
            yield self.finding(
                "noxfile.py", "no noxfile.py: add one so CI and laptops run the same lint, test and build"
            )
            return
        if not calls:
            yield self.finding(
                found[0],
                f"CI ({', '.join(found)}) never runs nox: call `pipx run nox` (or `nox -s <session>`)",
            )
        text = repo.read_text("noxfile.py")
        if text is None:
            yield self.finding("noxfile.py", "noxfile.py is not UTF-8 text: nox cannot load it")
            return
        try:
            sessions = noxfile_sessions(text)
        except SyntaxError as exc:
            yield self.finding(
                "noxfile.py",
                f"noxfile.py has a syntax error: {exc.msg}: nox cannot load it",
                line=exc.lineno or 0,
            )
            return
        except (ValueError, RecursionError, MemoryError) as exc:
            yield self.finding("noxfile.py", f"noxfile.py cannot be read as Python: {exc}")
            return
        if sessions.dynamic:
            return
        for call in calls:
            for requested in call.sessions:
                if not sessions.defines(requested):
                    known = ", ".join(sorted(sessions.names)) or "none"
                    yield self.finding(
                        call.path,
                        f"CI runs nox session {requested!r}, which noxfile.py does not define "
                        f"(defined: {known})",
                        line=call.line,
                    )


class OSS603(Rule):
    """The pre-commit configuration is missing or invalid

    ## What it does
    Checks that `.pre-commit-config.yaml` exists at the repository root, parses as YAML,
    and has a `repos` list whose entries each name a `repo`, a `rev` (except `local` and
    `meta`) and a list of `hooks` with an `id`. Problems are reported with their line.

    ## Why is this bad?
    pre-commit is what runs the formatters, the notebook cleaner, the secrets scanner and
    these checks before every commit. Without the file nothing runs; with a broken file
    pre-commit refuses every commit until someone fixes it, and people learn to skip it
    with `--no-verify`.

    ## Example
    ```yaml
    repos:
      - repo: https://github.com/org/oss-template
        hooks:            # no rev: pre-commit cannot install the hooks
          - id: oss-checks
    ```

    ## How to fix
    Restore the file from the template (`oss-checks check --fix --select OSS704`), or
    fix the reported line; `pre-commit validate-config` explains schema errors. Note that
    pre-commit only reads `.pre-commit-config.yaml`, not `.pre-commit-config.yml`.
    """

    name = "precommit-config"
    stakeholders = (Stakeholder.MANAGEMENT,)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        path = PRECOMMIT_CONFIG
        if not repo.exists(path):
            if repo.exists(".pre-commit-config.yml"):
                yield self.finding(
                    ".pre-commit-config.yml",
                    "pre-commit only reads .pre-commit-config.yaml: rename .pre-commit-config.yml",
                )
            else:
                yield self.finding(path, f"no {path}: nothing checks commits before they are made")
            return
        parsed = load_yaml(repo, path)
        if parsed.error:
            yield self.finding(path, f"{path} {parsed.error}", line=parsed.line)
            return
        config = parsed.mapping
        if config is None:
            yield self.finding(path, f"{path} is empty or not a mapping with a `repos` list", line=1)
            return
        repos = config.get("repos")
        if not isinstance(repos, list):
            yield self.finding(path, f"{path} has no `repos` list", line=config.line)
            return
        yield from self._entries(path, repos, config.line)

    def _entries(self, path: str, repos: list[Any], parent_line: int) -> Iterator[Finding]:
        for number, entry in enumerate(repos, start=1):
            if not isinstance(entry, LineDict):
                yield self.finding(path, f"{path}: repos entry {number} is not a mapping", line=parent_line)
                continue
            source = entry.get("repo")
            if not isinstance(source, str) or not source:
                yield self.finding(path, f"{path}: repos entry {number} has no `repo`", line=entry.line)
                continue
            if source not in ("local", "meta") and not isinstance(entry.get("rev"), (str, int, float)):
                yield self.finding(path, f"{path}: {source} has no `rev` to install", line=entry.line)
            hooks = entry.get("hooks")
            if not isinstance(hooks, list) or not hooks:
                yield self.finding(path, f"{path}: {source} has no list of `hooks`", line=entry.line)
                continue
            for hook in hooks:
                if not isinstance(hook, dict) or not isinstance(hook.get("id"), str):
                    where = hook.line if isinstance(hook, LineDict) else entry.line
                    yield self.finding(path, f"{path}: a hook of {source} has no `id`", line=where)


NOTEBOOK_STRIPPERS = ("nbstripout", "nb-clean")


class OSS604(Rule):
    """Notebooks are committed without a pre-commit hook that strips their outputs

    ## What it does
    When the repository has notebooks (or is an analysis project), checks that
    `.pre-commit-config.yaml` has a hook that strips notebook outputs: `nbstripout` or
    `nb-clean` (any hook whose id or command names them, `repo: local` included). A
    `filter=nbstripout` or `filter=nb-clean` line in `.gitattributes` is accepted as
    well. A missing or broken pre-commit config is left to OSS603.

    ## Why is this bad?
    Notebook outputs hold the data the notebook looked at: customer rows, figures of
    confidential results, tokens printed while debugging. Once committed they stay in the
    history for good. Outputs also make every diff unreadable and every merge a conflict.

    ## Example
    An analysis project whose `.pre-commit-config.yaml` has `ruff` and `oss-checks`
    hooks but nothing that clears notebook outputs.

    ## How to fix
    Add the hook (outputs are stripped from the commit, your working copy keeps them):

    ```yaml
      - repo: https://github.com/kynan/nbstripout
        rev: 0.9.1
        hooks:
          - id: nbstripout
    ```
    """

    name = "precommit-notebooks"
    stakeholders = (Stakeholder.DATA_SCIENCE, Stakeholder.LEGAL)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        # Notebooks inside a cookiecutter template folder are template source, not this project's.
        has_notebooks = any(path.endswith(".ipynb") and "{{" not in path for path in repo.paths)
        if not has_notebooks and repo.project_type != "analysis":
            return
        attributes = repo.read_text(".gitattributes") or ""
        if re.search(r"filter=(?:nbstripout|nb-clean)\b", attributes):
            return
        reason = "the repository has notebooks" if has_notebooks else "this is an analysis project"
        if not repo.exists(PRECOMMIT_CONFIG):
            # Said here too, not only by OSS603: notebook outputs are the concrete risk.
            yield self.finding(
                PRECOMMIT_CONFIG,
                f"{reason} but nothing strips their outputs before a commit: add {PRECOMMIT_CONFIG} "
                "with the nbstripout hook (or run `nbstripout --install` for a git filter)",
            )
            return
        hooks = precommit_hooks(repo)
        if hooks is None or _uses_tool(hooks, NOTEBOOK_STRIPPERS):
            return  # an unreadable config is OSS603's finding
        yield self.finding(
            PRECOMMIT_CONFIG,
            f"{reason} but {PRECOMMIT_CONFIG} has no nbstripout or nb-clean hook to strip their outputs",
        )


SECRET_SCANNERS = ("detect-secrets", "gitleaks", "trufflehog", "ggshield")


class OSS605(Rule):
    """No pre-commit hook scans commits for secrets

    ## What it does
    Checks that `.pre-commit-config.yaml` runs a secrets scanner: `gitleaks`,
    `detect-secrets`, `trufflehog` or `ggshield` (any hook whose id or command names one
    of them, `repo: local` included, so a team can use whichever its security people
    prefer). A missing or broken pre-commit config is left to OSS603.

    ## Why is this bad?
    Database passwords, cloud keys and API tokens end up in notebooks and config files
    while exploring data. A secret that reaches the repository must be revoked and
    rotated, because deleting the line leaves it in the history; in a public or widely
    shared repository it is found by scanners within minutes.

    ## Example
    A `.pre-commit-config.yaml` with only formatting hooks.

    ## How to fix
    Add a scanner, for example:

    ```yaml
      - repo: https://github.com/gitleaks/gitleaks
        rev: v8.28.0
        hooks:
          - id: gitleaks
    ```
    """

    name = "precommit-secrets"
    stakeholders = (Stakeholder.LEGAL, Stakeholder.MANAGEMENT)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        hooks = precommit_hooks(repo)
        if hooks is None or _uses_tool(hooks, SECRET_SCANNERS):
            return
        yield self.finding(
            PRECOMMIT_CONFIG,
            f"{PRECOMMIT_CONFIG} has no secrets scanner hook (gitleaks, detect-secrets, trufflehog or ggshield)",
        )


OSS_CHECKS_HOOKS = ("oss-checks", "oss-checks-repo")


class OSS606(Rule):
    """The oss-checks hooks are not in the pre-commit configuration

    ## What it does
    Checks that `.pre-commit-config.yaml` runs `oss-checks-repo`, the hook that checks
    the whole repository (community files, CI, tests, drift as well as each file). The
    per-file `oss-checks` hook alone is reported, since it only looks at staged files.
    Hooks from `repo: local` count too. A missing or broken pre-commit config is left
    to OSS603.

    ## Why is this bad?
    These conventions only hold if they are checked where the work happens. Without the
    hooks, a missing licence, a notebook with outputs or a deleted CI file is noticed in
    review, or in an audit, or never.

    ## Example
    ```yaml
      - repo: https://github.com/org/oss-template
        rev: v0.1.0
        hooks:
          - id: oss-checks       # files only: the repository-wide rules never run
    ```

    ## How to fix
    Add both hooks (the template's configuration has them):

    ```yaml
      - repo: https://github.com/org/oss-template
        rev: v0.1.0
        hooks:
          - id: oss-checks
          - id: oss-checks-repo
    ```
    """

    name = "precommit-oss-checks"
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.EXECUTIVE)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        hooks = precommit_hooks(repo)
        if hooks is None:
            return
        ids = {hook.id for hook in hooks}
        if "oss-checks-repo" in ids:
            return
        if "oss-checks" in ids:
            line = next(hook.line for hook in hooks if hook.id == "oss-checks")
            yield self.finding(
                PRECOMMIT_CONFIG,
                f"{PRECOMMIT_CONFIG} runs only the per-file oss-checks hook: add `oss-checks-repo` "
                "so the repository-wide rules run too",
                line=line,
            )
            return
        yield self.finding(
            PRECOMMIT_CONFIG, f"{PRECOMMIT_CONFIG} has no oss-checks hooks (oss-checks, oss-checks-repo)"
        )
