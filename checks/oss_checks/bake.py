"""The logic behind the template's cookiecutter hooks.

``hooks/pre_gen_project.py`` calls :func:`pre_generate`, which refuses bad answers
with one line naming the field (cookiecutter then deletes the half-made folder), and
``hooks/post_gen_project.py`` calls :func:`post_generate`, which removes the files
that do not apply to the answers and prints the next steps. Both run no git,
network or environment commands.
"""

from __future__ import annotations

import keyword
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

Answers = Mapping[str, Any]
#: One check of the answers: raises :class:`AnswerError` with the line a user reads.
Check = Callable[[Answers], None]

#: Set by oss-checks when it renders the template for itself, to silence the next steps.
QUIET_ENV = "OSS_TEMPLATE_QUIET"

LICENSES = ("MIT", "BSD-3-Clause", "Apache-2.0", "Proprietary")
PYTHON_VERSIONS = ("3.10", "3.11", "3.12", "3.13")
#: Answers for documentation built with ProperDocs from ``mkdocs.yml``; ``mkdocs`` is the
#: name of the same choice in template 0.1.0, kept so that its records still render.
PROPERDOCS = ("properdocs", "mkdocs")
#: The newest Python the baked CI tests on, past the oldest the user chose.
NEWEST_PYTHON = "3.14"
CHOICES = {
    "project_type": ("library", "analysis"),
    "visibility": ("internal", "public"),
    "python_min": PYTHON_VERSIONS,
    "docs": ("properdocs", "sphinx", "none", "mkdocs"),
    "ci": ("github", "gitlab", "none"),
}
#: Import names that would shadow something a project always needs.
RESERVED_PACKAGE_NAMES = frozenset(
    {"test", "tests", "pytest", "nox", "noxfile", "conftest", "setup", "docs", "src", "site", "data"}
)
# Patterns are kept as text and compiled by `re` on first use (its cache keeps them): every
# check run imports this module, and most never validate an answer.
_CONTROL = r"[\x00-\x1f\x7f\u0085\u2028\u2029]"
_SLUG = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
_PACKAGE = r"[a-z_][a-z0-9_]*"
_ORGANISATION = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:/[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)*"
_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?"
_EMAIL = r"[^@\s\"'<>(),;]+@[^@\s\"'<>(),;]+\.[^@\s\"'<>(),;]+"
_URL = r"https?://[^\s\"'<>\\`{}|^]+"
_OWNER = r"@[A-Za-z0-9][A-Za-z0-9-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)?"

#: Where the hooks and the ``conventions`` session come from when nothing says otherwise.
DEFAULT_CHECKS_REPOSITORY = "https://github.com/org/oss-template"
#: cookiecutter's built-in abbreviations for template repositories.
TEMPLATE_ABBREVIATIONS = {"gh": "github.com", "gl": "gitlab.com", "bb": "bitbucket.org"}
_SEGMENT = r"[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?"
#: owner/name, or group/subgroup/.../name on GitLab.
_REPOSITORY_PATH = rf"{_SEGMENT}(?:/{_SEGMENT})+"
_URL_REFERENCE = (
    r"(?:git\+)?(?P<scheme>https?|ssh|git)://(?:[^@/]*@)?(?P<host>[A-Za-z0-9.-]+)(?::(?P<port>\d{1,5}))?"
    r"/(?P<path>.*)"
)
_SCP_REFERENCE = r"[A-Za-z0-9._-]+@(?P<host>[A-Za-z0-9.-]+):(?P<path>[^/].*)"
#: How much of a git file is read: a real config is a few hundred bytes.
_GIT_FILE_LIMIT = 64 * 1024


class AnswerError(ValueError):
    """An answer that cannot be baked; the message is the one line a user reads."""


def forge(answers: Answers) -> str:
    """Which forge's conventions (issue templates, CODEOWNERS syntax) the project follows."""
    if answers.get("ci") in ("github", "gitlab"):
        return str(answers["ci"])
    return "gitlab" if "gitlab" in str(answers.get("git_host", "")).lower() else "github"


def _text(answers: Answers, key: str, *, one_line: bool = True) -> str:
    value = answers.get(key)
    if not isinstance(value, str) or not value.strip():
        raise AnswerError(f"{key}: must not be empty")
    if one_line and re.search(_CONTROL, value):
        raise AnswerError(f"{key}: must be one line without control characters")
    if value != value.strip():
        raise AnswerError(f"{key}: must not start or end with spaces")
    return value


def _slug(answers: Answers) -> None:
    slug = _text(answers, "project_slug")
    if "/" in slug or "\\" in slug or ".." in slug or not re.fullmatch(_SLUG, slug):
        raise AnswerError(
            f"project_slug: {slug!r} is not a repository name: use letters, digits, '.', '_' or '-', "
            "starting and ending with a letter or digit (no slashes, no '..')"
        )


def _package(answers: Answers) -> None:
    package = _text(answers, "package_name")
    if not package.isidentifier() or not re.fullmatch(_PACKAGE, package):
        raise AnswerError(
            f"package_name: {package!r} is not a valid import name: use lower-case letters, digits "
            "and '_', not starting with a digit"
        )
    if keyword.iskeyword(package) or keyword.issoftkeyword(package):
        raise AnswerError(f"package_name: {package!r} is a Python keyword; choose another import name")
    if package in sys.stdlib_module_names or package in RESERVED_PACKAGE_NAMES:
        raise AnswerError(
            f"package_name: {package!r} would shadow the standard library or a tool's module; "
            "choose another import name"
        )


def _email(answers: Answers) -> None:
    email = _text(answers, "author_email")
    if not re.fullmatch(_EMAIL, email):
        raise AnswerError(f"author_email: {email!r} is not an email address like name@example.org")


def _organisation(answers: Answers) -> None:
    organisation = _text(answers, "organisation")
    if ".." in organisation or not re.fullmatch(_ORGANISATION, organisation):
        raise AnswerError(
            f"organisation: {organisation!r} must be a group name of letters, digits, '.', '_' or '-' "
            "(GitLab subgroups separated by '/')"
        )


def _host(answers: Answers) -> None:
    host = _text(answers, "git_host")
    if not re.fullmatch(_HOST, host):
        raise AnswerError(f"git_host: {host!r} is not a host name like github.com")


def _url(answers: Answers) -> None:
    url = _text(answers, "repository_url")
    if not re.fullmatch(_URL, url):
        raise AnswerError(f"repository_url: {url!r} must be an https:// address without spaces or quotes")


def _owners(answers: Answers) -> None:
    for owner in _text(answers, "code_owners").split():
        if not (re.fullmatch(_OWNER, owner) or re.fullmatch(_EMAIL, owner)):
            raise AnswerError(f"code_owners: {owner!r} is not @user, @org/team or an email address")


def _choice(key: str) -> Check:
    def check(answers: Answers) -> None:
        allowed = CHOICES[key]
        if answers.get(key) not in allowed:
            raise AnswerError(f"{key}: {answers.get(key)!r} is not one of {', '.join(allowed)}")

    return check


def _license(answers: Answers) -> None:
    license_id = answers.get("license")
    if license_id not in LICENSES:
        raise AnswerError(f"license: {license_id!r} is not one of {', '.join(LICENSES)}")
    if license_id == "Proprietary" and answers.get("visibility") == "public":
        raise AnswerError(
            "license: Proprietary is for internal projects; a public project needs MIT, "
            "BSD-3-Clause or Apache-2.0"
        )


def _year(answers: Answers) -> None:
    year = str(answers.get("copyright_year", ""))
    if not re.fullmatch(r"(19|20|21)\d\d", year):
        raise AnswerError(f"copyright_year: {year!r} is not a year like 2026")


def _checks(answers: Answers) -> None:
    checks = answers.get("_checks_repository")
    if checks is not None and not is_checks_repository(checks):
        raise AnswerError(
            f"_checks_repository: {checks!r} must be the https:// address of a repository, "
            "without spaces, quotes or control characters"
        )


def _ci_on_host(answers: Answers) -> None:
    ci, host = answers.get("ci"), str(answers.get("git_host", ""))
    host_lower = host.lower()
    if ci == "github" and "gitlab" in host_lower:
        raise AnswerError(f"ci: GitHub Actions cannot run on {host}; choose ci 'gitlab' or 'none'")
    if ci == "gitlab" and "github" in host_lower:
        raise AnswerError(f"ci: GitLab CI cannot run on {host}; choose ci 'github' or 'none'")


def _text_check(key: str) -> Check:
    def check(answers: Answers) -> None:
        _text(answers, key)

    return check


#: Every check, with the answer it judges, in the order :func:`validate` reports problems. A
#: check reads only its own answer and ones asked before it (the licence reads the visibility,
#: the CI the host), so a tool that asks one question at a time (copier's validators) runs each
#: check as soon as its answer is in: :func:`answer_problem`.
ANSWER_CHECKS: tuple[tuple[str, Check], ...] = (
    *((key, _text_check(key)) for key in ("project_name", "description", "author_name", "copyright_holder")),
    ("project_slug", _slug),
    ("package_name", _package),
    ("author_email", _email),
    ("organisation", _organisation),
    ("git_host", _host),
    ("repository_url", _url),
    ("code_owners", _owners),
    *((key, _choice(key)) for key in CHOICES),
    ("license", _license),
    ("copyright_year", _year),
    ("_checks_repository", _checks),
    ("ci", _ci_on_host),
)


def validate(answers: Answers) -> None:
    """Raise :class:`AnswerError` for the first answer that cannot be baked."""
    for _key, check in ANSWER_CHECKS:
        check(answers)


def answer_problem(key: str, answers: Answers) -> str | None:
    """Why the answer to ``key`` cannot be baked, judged with the answers so far; None if it can.

    The message is the one line :func:`validate` would give for it (``key: ...``).
    """
    for checked, check in ANSWER_CHECKS:
        if checked != key:
            continue
        try:
            check(answers)
        except AnswerError as exc:
            return str(exc)
    return None


# -- where the hooks come from -----------------------------------------------------------
#: A plain https address of a repository: the same shape that oss_checks.record accepts in a
#: recorded answer, so that what one bake writes, every later render reads back.
_CHECKS_URL = r"https://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/[A-Za-z0-9._~-]+)+"


def is_checks_repository(url: object) -> bool:
    """Whether ``url`` may be written into the baked files as the hooks' repository."""
    if not isinstance(url, str) or not re.fullmatch(_CHECKS_URL, url):
        return False
    host, _, path = url.removeprefix("https://").partition("/")
    return re.fullmatch(_HOST, host) is not None and ".." not in path.split("/")


def repository_url(reference: str) -> str | None:
    """The https address of the repository a template reference or git remote names.

    ``gh:owner/name``, ``gl:group/sub/name``, ``https://host/owner/name(.git)``,
    ``git+https://...``, ``ssh://git@host/owner/name.git`` and ``git@host:owner/name.git``
    all name a repository; user names and passwords in them are dropped. Anything else (a
    local folder, a zip file, text that is not a reference) gives None.
    """
    text = reference.strip()
    if not text or re.search(_CONTROL, text) or re.search(r"[\s\"'<>\\`{}|^]", text):
        return None
    prefix, colon, rest = text.partition(":")
    port = None
    if colon and prefix in TEMPLATE_ABBREVIATIONS and not rest.startswith("/"):
        host, path = TEMPLATE_ABBREVIATIONS[prefix], rest
    elif matched := re.fullmatch(_URL_REFERENCE, text):
        host, path = matched["host"], matched["path"]
        # An https port is part of the address; an ssh or git port is not the web server's.
        port = matched["port"] if matched["scheme"] in ("http", "https") else None
    elif matched := re.fullmatch(_SCP_REFERENCE, text):
        host, path = matched["host"], matched["path"]
    else:
        return None
    path = path.strip("/").removesuffix(".git").rstrip("/")
    if (
        ".." in path
        or not re.fullmatch(_REPOSITORY_PATH, path)
        or not re.fullmatch(_HOST, host)
        or "." not in host
    ):
        return None
    url = f"https://{host.lower()}{f':{port}' if port else ''}/{path}"
    return url if is_checks_repository(url) else None


def origin_remote(git_config: str) -> str | None:
    """The ``url`` of ``[remote "origin"]`` in the text of a git config file, unvalidated."""
    in_origin = False
    for raw in git_config.splitlines():
        line = raw.strip()
        if line.startswith("["):
            # Section names are case-insensitive in git; subsection names ("origin") are not.
            in_origin = re.fullmatch(r'\[\s*(?i:remote)\s+"origin"\s*\]', line) is not None
            continue
        if not in_origin or "=" not in line or line.startswith(("#", ";")):
            continue
        key, _, value = line.partition("=")
        if key.strip().lower() == "url":
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            return value
    return None


def _read_small(path: Path) -> str | None:
    try:
        with path.open("rb") as stream:
            return stream.read(_GIT_FILE_LIMIT).decode("utf-8", errors="replace")
    except OSError:
        return None


def git_origin(folder: Path) -> str | None:
    """The origin remote recorded in ``folder``'s own git config, read as text (git never runs).

    ``folder/.git`` is the git folder of a clone, or a file pointing at it (a worktree or a
    submodule: ``gitdir: <path>``, whose ``commondir`` holds the shared config).
    """
    dot_git = folder / ".git"
    if dot_git.is_file():
        pointer = _read_small(dot_git) or ""
        target = pointer.strip().removeprefix("gitdir:").strip() if pointer.startswith("gitdir:") else ""
        if not target or re.search(_CONTROL, target):
            return None
        git_dir = (folder / target).resolve()
        common = (_read_small(git_dir / "commondir") or "").strip()
        if common and not re.search(_CONTROL, common):
            git_dir = (git_dir / common).resolve()
    elif dot_git.is_dir():
        git_dir = dot_git
    else:
        return None
    config = _read_small(git_dir / "config")
    return origin_remote(config) if config is not None else None


def checks_repository(context: Answers) -> tuple[str, str]:
    """The repository the bake's hooks and ``conventions`` session install oss-checks from.

    Returns the address and where it came from: ``answer`` (the hidden answer
    ``_checks_repository``, which a team, ``oss-checks new`` or the template record sets,
    returned as given so that :func:`validate` can refuse it in one line), ``template``
    (the template reference cookiecutter was given, such as ``gh:acme/oss-template``),
    ``origin`` (the git remote of a local template clone) or ``default``. The hidden
    answer's own default in cookiecutter.json is :data:`DEFAULT_CHECKS_REPOSITORY`, so an
    answer equal to it counts as unset.
    """
    explicit = context.get("_checks_repository")
    if isinstance(explicit, str) and explicit.strip() and explicit != DEFAULT_CHECKS_REPOSITORY:
        return explicit, "answer"
    template = context.get("_template")
    if isinstance(template, str) and (url := repository_url(template)):
        return url, "template"
    repo_dir = context.get("_repo_dir")
    if isinstance(repo_dir, str) and repo_dir and (remote := git_origin(Path(repo_dir))) is not None:
        url = repository_url(remote)
        if url:
            return url, "origin"
    return DEFAULT_CHECKS_REPOSITORY, "default"


# -- which files a bake keeps -----------------------------------------------------------
Predicate = Callable[[Answers], bool]


def _is(key: str, *values: str) -> Predicate:
    return lambda answers: answers.get(key) in values


def _forge_is(name: str) -> Predicate:
    return lambda answers: forge(answers) == name


def _github_library(answers: Answers) -> bool:
    return answers.get("ci") == "github" and answers.get("project_type") == "library"


def _github_docs(answers: Answers) -> bool:
    return answers.get("ci") == "github" and answers.get("docs") != "none"


#: Paths (relative to the baked project; a folder means everything in it) that are
#: kept only when the predicate holds. Every other baked file is always kept.
CONDITIONAL_PATHS: dict[str, Predicate] = {
    "notebooks": _is("project_type", "analysis"),
    "data": _is("project_type", "analysis"),
    "reports": _is("project_type", "analysis"),
    "src/{package}/paths.py": _is("project_type", "analysis"),
    "tests/test_paths.py": _is("project_type", "analysis"),
    "docs": _is("docs", *PROPERDOCS, "sphinx"),
    "mkdocs.yml": _is("docs", *PROPERDOCS),
    "docs/conf.py": _is("docs", "sphinx"),
    ".readthedocs.yaml": _is("docs", "sphinx"),
    ".github/workflows": _is("ci", "github"),
    ".github/dependabot.yml": _is("ci", "github"),
    ".github/workflows/release.yml": _github_library,
    ".github/workflows/docs.yml": _github_docs,
    ".gitlab-ci.yml": _is("ci", "gitlab"),
    ".github": _forge_is("github"),
    ".gitlab": _forge_is("gitlab"),
}


def unwanted_paths(answers: Answers) -> list[str]:
    """Baked paths to remove for these answers, parents before children."""
    package = str(answers.get("package_name", ""))
    return [path.format(package=package) for path, keep in CONDITIONAL_PATHS.items() if not keep(answers)]


def prune(project_dir: Path, answers: Answers) -> None:
    for relative in unwanted_paths(answers):
        target = project_dir / relative
        if target.is_dir() and not target.is_symlink():
            import shutil  # the checks import this module for its answers, never for a bake

            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()


#: How a cookiecutter user names the hooks' repository: the hidden answer (docs/team-defaults.md).
CHECKS_SETTING = "set _checks_repository to your copy"


def next_steps(
    answers: Answers,
    project_dir: Path | None = None,
    *,
    checks_source: str | None = None,
    checks_setting: str = CHECKS_SETTING,
) -> str:
    """What to do after a bake; ``checks_setting`` says how this engine's user names the hooks' repository."""
    where = str(answers["project_slug"])
    if project_dir is not None:
        # cookiecutter runs this hook inside the new folder; PWD still names the folder of the
        # user's shell. Relative to it when the project lies below it, else the full path.
        shell = Path(os.environ.get("PWD") or "/nonexistent")
        where = (
            project_dir.relative_to(shell).as_posix()
            if project_dir.is_relative_to(shell)
            else str(project_dir)
        )
    lines = [
        f"Baked {answers['project_name']} into {where}. Next steps:",
        f"  cd {where}",
        "  git init -b main && git add . && git commit -m 'Bake from oss-template'",
        "  python -m pip install nox pre-commit   # once per machine (or: pipx install nox pre-commit)",
        "  pre-commit install                     # checks every commit",
        "  nox                                    # lint, type check, tests, docs, build, conventions",
    ]
    if answers.get("ci") == "none":
        lines.append("No CI was chosen: run `nox` before every merge (see CONTRIBUTING.md).")
    if checks_source == "default":
        lines.append(
            f"The template folder names no repository (no git remote), so the oss-checks hooks point at "
            f"{DEFAULT_CHECKS_REPOSITORY}: {checks_setting} (docs/team-defaults.md)."
        )
    return "\n".join(lines)


def pre_generate(answers: Answers) -> int:
    try:
        validate(answers)
    except AnswerError as exc:
        print(f"oss-template: cannot bake: {exc}", file=sys.stderr)
        return 1
    return 0


def post_generate(project_dir: Path, answers: Answers, *, checks_source: str | None = None) -> int:
    prune(project_dir, answers)
    if not os.environ.get(QUIET_ENV):
        print(next_steps(answers, project_dir, checks_source=checks_source))
    return 0
