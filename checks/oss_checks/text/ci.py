"""CI configurations, nox and pre-commit, read without running anything.

CI files are searched line by line for the commands they run; ``noxfile.py`` is read
with ``ast`` (never imported); ``.pre-commit-config.yaml`` is read through the
repository's YAML memo, so every rule shares one parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from oss_checks.formats import LineDict, parse_python
from oss_checks.patterns import lazy, search_within

if TYPE_CHECKING:
    import ast

    from oss_checks.context import Repo

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


#: Folders whose scripts only a CI service runs (``build_tools/circle/build_doc.sh``).
_CI_SCRIPT_FOLDERS = frozenset(
    {
        ".circleci", "circleci", "circle", ".github", ".gitlab", "ci", ".ci", "travis", ".travis",
        "azure", "azure-pipelines", "appveyor", "buildkite", ".buildkite", "jenkins",
    }
)  # fmt: skip


def is_ci_script(path: str) -> bool:
    """Whether the file lies in a folder that holds what a CI service runs."""
    return any(folder.lower() in _CI_SCRIPT_FOLDERS for folder in path.split("/")[:-1])


def is_workflow(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 3 and parts[:2] == [".github", "workflows"] and path.endswith((".yml", ".yaml"))


def ci_files(repo: Repo) -> list[str]:
    """Every CI configuration of the repository, workflows first."""
    # From the disk too: the per-file hook's run lists only the staged files.
    listed = [path for path in repo.paths if is_workflow(path)]
    found = sorted({*listed, *(path for path in repo.files_in(".github/workflows") if is_workflow(path))})
    found += [path for path in CI_FILES if repo.exists(path)]
    return found


#: Where a project keeps the commands it runs by hand or with a task runner, at its top.
TASK_RUNNER_FILES = ("Makefile", "makefile", "GNUmakefile", "justfile", "noxfile.py", "tox.ini")


def first_file_matching(repo: Repo, paths: Iterable[str], pattern: re.Pattern[str]) -> str | None:
    """The first of ``paths`` that exists and in whose text ``pattern`` finds something."""
    for path in paths:
        text = repo.read_text(path) if repo.exists(path) else None
        if text and pattern.search(text):
            return path
    return None


class NoxCall(NamedTuple):
    """One ``nox`` command in a CI file, with the sessions it names (when they are literal)."""

    path: str
    line: int
    sessions: tuple[str, ...]


#: Between commands: shell operators, and the brackets and commas of a YAML flow list.
_SHELL_SEPARATOR = lazy(r"&&|\|\||\$\(|[;|()`]|(?<=[\s:])\[|\](?=\s|$)|,(?=\s)")
_COMMENT = lazy(r"(?:^|\s)#.*$")
_NOX_WORD = lazy(r"nox(?:\[[\w,-]*\])?(?:[=<>~!@]\S*)?")
_PYTHON_WORD = lazy(r"python(?:\d+(?:\.\d+)*)?(?:\.exe)?|py")
_ENV_ASSIGNMENT = lazy(r"[A-Za-z_]\w*=\S*")
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
_SESSION_JOINED = lazy(r"--sessions?=(.+)|-[se]=?(.+)")


def without_expressions(line: str, placeholder: str = "$EXPR") -> str:
    """``line`` with every CI expression (``${{ ... }}``, ``${VAR}``) replaced by ``placeholder``.

    A scan with ``str.find``, linear in the line: a lazy regular expression would rescan
    the rest of the line from every ``${{`` that is never closed.
    """
    pieces: list[str] = []
    start = 0
    no_double = no_single = False  # once a closing brace is missing, it stays missing
    while True:
        opening = line.find("${", start)
        if opening < 0:
            break
        end = -1
        if line.startswith("{", opening + 2) and not no_double:
            closing = line.find("}}", opening + 3)
            if closing >= 0:
                end = closing + 2
            else:
                no_double = True
        if end < 0 and not no_single:
            closing = line.find("}", opening + 2)
            if closing >= 0:
                end = closing + 1
            else:
                no_single = True
        if end < 0:
            if no_single:
                break  # no "}" anywhere after: no expression closes from here on
            start = opening + 2
            continue
        pieces += [line[start:opening], placeholder]
        start = end
    pieces.append(line[start:])
    return "".join(pieces)


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
            at = 1
            while at < len(rest) and rest[at].startswith("-") and rest[at] != "-m":
                at += 1
            if rest[at : at + 1] != ["-m"]:
                return None
            rest = rest[at + 1 :]
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
        line = without_expressions(_COMMENT.sub("", raw))
        line = line.replace('"', " ").replace("'", " ")
        for command in _SHELL_SEPARATOR.split(line):
            arguments = _nox_arguments(command.split())
            if arguments is not None:
                calls.append(NoxCall(path, number, _requested_sessions(arguments)))
    return calls


class NoxSessions(NamedTuple):
    """The sessions a noxfile defines; ``dynamic`` when some cannot be known without running it."""

    names: frozenset[str]
    dynamic: bool

    def defines(self, requested: str) -> bool:
        """Whether ``nox -s requested`` finds a session (``tests-3.12``, ``tests(x=1)`` count)."""
        return any(requested == name or requested.startswith((f"{name}-", f"{name}(")) for name in self.names)


#: nox, and the plugins whose ``session`` decorator registers a nox session the same way
#: (nox-poetry installs with Poetry's lock file, nox-uv with uv's).
_NOX_MODULES = frozenset({"nox", "nox_poetry", "nox_uv"})


def noxfile_sessions(text: str) -> NoxSessions:
    """Sessions of a noxfile read with ``ast`` (it is never run); SyntaxError/ValueError propagate."""
    import ast  # the audience of a repository without a noxfile never needs it

    tree = parse_python(text)
    nox_modules: set[str] = set()
    session_decorators: set[str] = set()
    dynamic = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            nox_modules.update(
                alias.asname or alias.name for alias in node.names if alias.name in _NOX_MODULES
            )
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if node.module in _NOX_MODULES and alias.name in ("session", "*"):
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


class Hook(NamedTuple):
    id: str
    entry: str
    line: int
    #: The hook's own ``files:`` and ``exclude:`` patterns (pre-commit's defaults when unset).
    files: str = ""
    exclude: str = "^$"
    args: tuple[str, ...] = ()
    #: ``types:``, ``types_or:`` and ``exclude_types:`` (None: not given).
    types: tuple[str, ...] | None = None
    types_or: tuple[str, ...] | None = None
    exclude_types: tuple[str, ...] = ()


def _strings(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        return None
    return tuple(item for item in value if isinstance(item, str))


def _config(repo: Repo) -> LineDict | None:
    if not repo.exists(PRECOMMIT_CONFIG):
        return None
    config = repo.yaml(PRECOMMIT_CONFIG).mapping
    if config is None or not isinstance(config.get("repos"), list):
        return None
    return config


def precommit_hooks(repo: Repo) -> list[Hook] | None:
    """Every hook of ``.pre-commit-config.yaml``; None when it is missing or not a valid config.

    OSS603 reports a missing or broken config; the rules that look for one hook stay quiet.
    """
    config = _config(repo)
    if config is None:
        return None
    hooks = []
    for entry in config["repos"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("hooks"), list):
            continue
        for hook in entry["hooks"]:
            if isinstance(hook, dict) and isinstance(hook.get("id"), str):
                entry_command = hook.get("entry")
                files, exclude = hook.get("files"), hook.get("exclude")
                hooks.append(
                    Hook(
                        hook["id"],
                        entry_command if isinstance(entry_command, str) else "",
                        hook.line if isinstance(hook, LineDict) else 0,
                        files if isinstance(files, str) else "",
                        exclude if isinstance(exclude, str) else "^$",
                        _strings(hook.get("args")) or (),
                        _strings(hook.get("types")),
                        _strings(hook.get("types_or")),
                        _strings(hook.get("exclude_types")) or (),
                    )
                )
    return hooks


#: The file types pre-commit's ``identify`` gives a notebook.
NOTEBOOK_FILE_TYPES = frozenset({"file", "non-executable", "text", "json", "jupyter"})


def hook_runs_on(repo: Repo, hook: Hook, path: str, file_types: frozenset[str]) -> bool | None:
    """Whether pre-commit would run ``hook`` on ``path`` (a file of ``file_types``).

    The config's top-level ``files:``/``exclude:`` and the hook's own, matched as pre-commit
    does (a search anywhere in the path). None when one of the repository's patterns does
    not compile or takes too long to tell.
    """
    if hook.types is not None and not set(hook.types) <= file_types:
        return False
    if hook.types_or and not set(hook.types_or) & file_types:
        return False
    if set(hook.exclude_types) & file_types:
        return False
    config = _config(repo)
    top_files = config.get("files") if config is not None else None
    top_exclude = config.get("exclude") if config is not None else None
    wanted = (
        (top_files if isinstance(top_files, str) else "", True),
        (top_exclude if isinstance(top_exclude, str) else "^$", False),
        (hook.files, True),
        (hook.exclude, False),
    )
    for source, must_match in wanted:
        if source == ("" if must_match else "^$"):
            continue  # pre-commit's default: every file, and no file excluded
        compiled = _compiled(repo, source)
        found = None if compiled is None else search_within(compiled, path)
        if found is None:
            return None
        if found is not must_match:
            return False
    return True


def _compiled(repo: Repo, source: str) -> re.Pattern[str] | None:
    def compile_once() -> re.Pattern[str] | None:
        try:
            return re.compile(source)
        except (re.error, RecursionError, OverflowError, ValueError):
            return None

    return repo.memo(("precommit-pattern", source), compile_once)


def uses_tool(hooks: Iterable[Hook], tools: Iterable[str]) -> bool:
    """Whether a hook's id or command names one of ``tools`` (so ``repo: local`` hooks count)."""
    names = tuple(tools)
    return any(tool in hook.id or tool in hook.entry for hook in hooks for tool in names)


#: A Databricks job's task as a bundle or a job's YAML defines it (``notebook_task:``,
#: ``spark_python_task:``, ``python_wheel_task:``, ``pipeline_task:``).
_DATABRICKS_TASK = lazy(r"(?m)^[ \t-]*(?:notebook|spark_python|python_wheel|spark_jar|pipeline|sql)_task:")
#: How much of one YAML file is read for a task: job definitions name theirs near the top.
_TASK_SEARCH_CHARACTERS = 200_000


def databricks_jobs(repo: Repo) -> bool:
    """Whether the repository's code runs as Databricks jobs: it holds an Asset Bundle (a
    ``databricks.yml``) or YAML that defines jobs and their tasks. Such code runs on the
    workspace's clusters, whose volumes (``/Volumes/...``) are the same for every user."""

    def find() -> bool:
        yaml_files = [path for path in repo.paths if path.lower().endswith((".yml", ".yaml"))]
        if any(
            path.rpartition("/")[2].lower() in ("databricks.yml", "databricks.yaml") for path in yaml_files
        ):
            return True
        for path in yaml_files:
            text = repo.read_text(path)
            if text and "_task:" in text and _DATABRICKS_TASK.search(text[:_TASK_SEARCH_CHARACTERS]):
                return True
        return False

    return repo.memo("ci:databricks-jobs", find)
