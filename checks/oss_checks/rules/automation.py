"""Automation (OSS6xx): continuous integration and pre-commit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from oss_checks.bake import forge
from oss_checks.formats import LineDict
from oss_checks.registry import Finding, Kind, Rule, Scope, Stakeholder
from oss_checks.text.attributes import attribute_files, attribute_lines, filter_for
from oss_checks.text.audience import (
    named_by_its_folders_readme,
    presented,
    product_packages,
    read_as_notebooks,
    rendered_as_pages,
)
from oss_checks.text.ci import (
    PRECOMMIT_CONFIG,
    ci_files,
    is_workflow,
    nox_calls,
    noxfile_sessions,
    precommit_hooks,
    uses_tool,
)
from oss_checks.text.layout import (
    autosave_copy,
    in_docs_or_examples,
    in_presentation_folder,
    not_the_projects_own,
)
from oss_checks.text.notebooks import is_slideshow

if TYPE_CHECKING:
    from oss_checks.context import Repo
    from oss_checks.text.ci import Hook

# -- rules ------------------------------------------------------------------------------------


class OSS601(Rule):
    """Continuous integration is missing or its configuration is broken

    ## What it does
    Looks for a CI configuration: GitHub Actions workflows in `.github/workflows/`,
    `.gitlab-ci.yml`, and also `Jenkinsfile`, `azure-pipelines.yml`,
    `.circleci/config.yml`, `bitbucket-pipelines.yml`, `.travis.yml`, `.drone.yml` or
    `.woodpecker.yml`, so teams on another CI service pass too. A YAML CI file that does
    not parse, is empty, or (for a GitHub workflow) has no `jobs` is reported with its line,
    in every repository. A repository without CI is told only where the conventions were
    adopted: whether to run CI is the team's choice, a CI file that cannot run is not.

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
    kind = Kind.CONVENTION
    elsewhere = (
        "a CI configuration that does not parse or cannot run; a repository without CI is not reported."
    )
    stakeholders = (Stakeholder.MANAGEMENT,)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        found = ci_files(repo)
        if not found:
            if not self.in_full:
                return  # whether to have CI is a way of working; a broken one is a fact
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
            parsed = repo.yaml(path)
            if parsed.error:
                yield self.finding(path, f"{path} {parsed.error}: CI will not run", line=parsed.line)
            elif parsed.data is None:
                yield self.finding(path, f"{path} is empty: CI runs nothing")
            elif parsed.mapping is None:
                yield self.finding(path, f"{path} is not a YAML mapping of CI settings", line=1)
            elif is_workflow(path) and not isinstance(parsed.mapping.get("jobs"), dict):
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
    Repositories without CI are left to OSS601. Where the conventions were not adopted,
    only a repository that has a `noxfile.py` and runs it from CI is checked, and only for
    what would make CI fail: a session CI names that the noxfile does not define, or a
    noxfile nox cannot load. A project that runs tox, pixi, make or plain CI steps is
    not told to switch to nox.

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
    kind = Kind.CONVENTION
    elsewhere = (
        "what makes CI fail where CI runs the repository's noxfile: a session the noxfile does not "
        "define, or a noxfile nox cannot load; a project without a noxfile is not told to use nox."
    )
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.DATA_SCIENCE)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        found = ci_files(repo)
        if not found:
            return
        if not repo.exists("noxfile.py"):
            if self.in_full:
                yield self.finding(
                    "noxfile.py", "no noxfile.py: add one so CI and laptops run the same lint, test and build"
                )
            return  # a project on tox, pixi, make or plain CI steps is not told to use nox
        calls = [call for path in found for call in nox_calls(path, repo.read_text(path) or "")]
        if not calls:
            if self.in_full:
                yield self.finding(
                    found[0],
                    f"CI ({', '.join(found)}) never runs nox: call `pipx run nox` (or `nox -s <session>`)",
                )
            return
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
    `meta`) and a list of `hooks` with an `id`. Problems are reported with their line, in
    every repository, and so is a `.pre-commit-config.yml` that pre-commit never reads. A
    missing configuration is reported only where the conventions were adopted: a team
    may lint in CI instead.

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
    kind = Kind.CONVENTION
    elsewhere = (
        "a pre-commit configuration that does not parse or cannot install; a missing one is not reported."
    )
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
            elif self.in_full:
                yield self.finding(path, f"no {path}: nothing checks commits before they are made")
            return
        parsed = repo.yaml(path)
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


NOTEBOOK_STRIPPERS = (
    "nbstripout",
    "nb-clean",
    "nbdev_clean",
    "nbdev-clean",
    "ClearOutputPreprocessor",
    "--clear-output",
)
_NOTEBOOK_WORDS = ("notebook", "jupyter", "ipynb")
_CLEANING_WORDS = ("clean", "strip", "clear")


def _strips_outputs(hooks: list[Hook]) -> bool:
    """A stripper by name, or a hook named for cleaning notebooks (``jupyter-notebook-cleanup``)."""
    return uses_tool(hooks, NOTEBOOK_STRIPPERS) or any(_names_a_notebook_cleaner(hook.id) for hook in hooks)


def _names_a_notebook_cleaner(hook_id: str) -> bool:
    # Plain substring tests: hook ids come from the repository, so no backtracking pattern.
    words = hook_id.casefold().replace("_", "-").split("-")
    about_notebooks = any(word in hook_id.casefold() for word in _NOTEBOOK_WORDS) or any(
        word == "nb" or word.startswith("nb") for word in words
    )
    return about_notebooks and any(word in hook_id.casefold() for word in _CLEANING_WORDS)


def _notebook_filter(repo: Repo) -> bool:
    """Whether a ``.gitattributes`` runs notebooks through a git filter: a notebook of the
    repository is given one, or, before there are notebooks, a line for ``*.ipynb`` sets one."""
    if not attribute_files(repo):
        return False
    notebooks = [path for path in repo.paths if path.endswith(".ipynb")]
    if notebooks:
        return any(filter_for(repo, path) for path in notebooks)
    return any(
        ".ipynb" in line.pattern and any(attribute.startswith("filter=") for attribute in line.attributes)
        for line in attribute_lines(repo)
    )


def _notebooks_with_outputs(repo: Repo) -> list[str]:
    """The project's own working notebooks that were committed with outputs.

    Notebooks under docs/, examples/ or tutorials, slide decks and talks, notebooks a
    README or docs page links (or whose folder it links), test fixtures and vendored
    copies are documentation, presentations or someone else's: their outputs are kept on
    purpose. Worked out once per repository: OSS604's finding and the files it rests on.
    """
    return repo.memo("notebooks-with-outputs", lambda: _find_notebooks_with_outputs(repo))


def _find_notebooks_with_outputs(repo: Repo) -> list[str]:
    found = []
    for path in repo.paths:
        if not path.endswith(".ipynb") or "{{" in path:
            continue
        if (
            in_docs_or_examples(path)
            or in_presentation_folder(path)
            or not_the_projects_own(repo, path)
            or autosave_copy(path)
        ):
            continue  # an autosave copy follows its notebook: that one is named, not the copy
        notebook = repo.notebook(path)
        if not any(cell.outputs for cell in notebook.cells) or is_slideshow(notebook):
            continue
        if (
            presented(repo, path) is None
            and not rendered_as_pages(repo, path)
            and not named_by_its_folders_readme(repo, path)
        ):
            found.append(path)
    return found


class OSS604(Rule):
    """Notebooks are committed without a pre-commit hook that strips their outputs

    ## What it does
    Checks that `.pre-commit-config.yaml` has a hook that strips notebook outputs:
    `nbstripout`, `nb-clean`, `nbdev_clean` or `jupyter nbconvert --clear-output` (any
    hook whose id or command names them, `repo: local` included), or a hook named for
    cleaning notebooks (`jupyter-notebook-cleanup`). A `.gitattributes` anywhere in the
    repository that gives notebooks a git `filter=` (as `nbstripout --install` or an
    nbconvert clean filter do) is accepted as well. A broken pre-commit config is left to OSS603. Where the conventions
    were adopted this applies as soon as the repository has notebooks, or is an analysis
    project. Elsewhere it applies only when one of the project's own notebooks was
    actually committed with outputs, and only in a repository whose product is code (it
    has an importable package at its top or under `src/`, or one that packaging metadata
    builds, and pyproject.toml does not say it is no package, as `[tool.uv] package =
    false` does; a package folder with its own `requirements.txt` or project file is one
    project of a collection, not that product): in a book, a course or a tutorial collection the outputs
    are the content readers come for, and notebooks in `docs/` or `examples/` are
    documentation. So are notebooks that Quarto, Jupyter Book or MyST render (a `_quarto.yml`,
    `_toc.yml` or `myst.yml` in their folder or above), notebooks the README of their own folder names (the top README for one at the top),
    notebooks a README or docs page links, or whose folder it links (``Worked examples are in the `notebooks on GitHub
    <https://github.com/me/lib/tree/main/notebooks>`_``), and a README that sends
    readers to notebooks at all (a link to one, Binder, Colab or nbviewer, or their
    badges). Slide decks (RISE settings, or cells marked as slides) and notebooks in
    `talks/`, `slides/` or `presentations/` are presentations, whose outputs are the
    slides: they never count either. When every notebook it is built on is dormant (no
    commit for `dormant-after-days`, and none being changed), the finding is held back with
    theirs: scratch notebooks nobody has opened in years leak nothing new.

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
    kind = Kind.CONVENTION
    elsewhere = (
        "notebooks of a code project committed with outputs when nothing strips them; not "
        "books, courses, slide decks and talks, notebooks Quarto, Jupyter Book or MyST render, "
        "notebooks a README or docs page links (or whose folder it links) or notebooks in docs/ "
        "and examples/, whose outputs are the content."
    )
    stakeholders = (Stakeholder.DATA_SCIENCE, Stakeholder.LEGAL)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        if _notebook_filter(repo):
            return
        if self.in_full:
            # Notebooks inside a cookiecutter template folder are template source, not this project's.
            has_notebooks = any(path.endswith(".ipynb") and "{{" not in path for path in repo.paths)
            if not has_notebooks and repo.project_type != "analysis":
                return
            reason = "the repository has notebooks" if has_notebooks else "this is an analysis project"
        else:
            if not product_packages(repo):
                return  # a book, a course or a set of analyses: the outputs are the content
            if read_as_notebooks(repo):
                return  # readers are sent to the notebooks: their outputs are what they read
            with_outputs = _notebooks_with_outputs(repo)
            if not with_outputs:
                return
            others = f" and {len(with_outputs) - 1} more" if len(with_outputs) > 1 else ""
            reason = f"notebooks were committed with their outputs ({with_outputs[0]}{others})"
        if not repo.exists(PRECOMMIT_CONFIG):
            # Said here too, not only by OSS603: notebook outputs are the concrete risk.
            yield self.finding(
                PRECOMMIT_CONFIG,
                f"{reason} but nothing strips their outputs before a commit: add {PRECOMMIT_CONFIG} "
                "with the nbstripout hook (or run `nbstripout --install` for a git filter)",
            )
            return
        hooks = precommit_hooks(repo)
        if hooks is None or _strips_outputs(hooks):
            return  # an unreadable config is OSS603's finding
        yield self.finding(
            PRECOMMIT_CONFIG,
            f"{reason} but {PRECOMMIT_CONFIG} has no nbstripout or nb-clean hook to strip their outputs",
        )

    def rests_on(self, repo: Repo, finding: Finding) -> tuple[str, ...]:
        # Elsewhere the finding is there because of the notebooks committed with outputs.
        return () if self.in_full else tuple(_notebooks_with_outputs(repo))


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
    kind = Kind.CONVENTION
    elsewhere = "nothing: which hooks run is a way of working a repository adopts."
    stakeholders = (Stakeholder.LEGAL, Stakeholder.MANAGEMENT)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        if not self.in_full:
            return
        hooks = precommit_hooks(repo)
        if hooks is None or uses_tool(hooks, SECRET_SCANNERS):
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
    kind = Kind.CONVENTION
    elsewhere = "nothing: the oss-checks hooks matter only where the conventions were adopted."
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.EXECUTIVE)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        if not self.in_full:
            return
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
