"""Template drift (OSS7xx): the template record, staying up to date, update leftovers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from oss_checks import releases
from oss_checks.bake import CHOICES, unwanted_paths
from oss_checks.patterns import lazy
from oss_checks.record import RECORD_FILE, Record, key_line
from oss_checks.registry import Finding, Option, Rule, Scope, Severity, Stakeholder
from oss_checks.text.markup import FENCED_SUFFIXES, Conflict, conflicts
from oss_checks.text.notebooks import NOTEBOOK_SUFFIX

if TYPE_CHECKING:
    from datetime import date

    from oss_checks.context import Repo

UPDATE_COMMAND = "oss-checks update"
#: A project copier baked updates with copier, which keeps its answers file in step.
COPIER_ANSWERS = ".copier-answers.yml"
COPIER_UPDATE_COMMAND = "copier update --trust"


def today() -> date:
    """The current date; tests replace this function to move the clock."""
    from datetime import date  # only a repository with a template record asks

    return date.today()


# -- the template record ----------------------------------------------------------------------

#: Answers every record holds: the ones that decide which files the template bakes.
REQUIRED_ANSWERS = ("project_name", "project_slug", "package_name", "project_type", "docs", "ci")
OPEN_LICENSES = ("MIT", "BSD-3-Clause", "Apache-2.0")


class RecordState:
    """What the rules learn from ``.oss-template.json``.

    ``record`` is set when the file has the right shape (template, version, answers);
    ``problems`` are (message, line) pairs: the shape's problems, then hand edits.
    """

    def __init__(self, baked: bool) -> None:
        self.baked = baked
        self.record: Record | None = None
        self.problems: list[tuple[str, int]] = []

    @property
    def answers(self) -> dict[str, Any]:
        return self.record.answers if self.record is not None else {}


def _looks_baked(repo: Repo) -> bool:
    """A record, or a cruft record naming oss-template (so a deleted record is noticed)."""
    if repo.exists(RECORD_FILE):
        return True
    cruft = repo.read_text(".cruft.json") if repo.exists(".cruft.json") else None
    return cruft is not None and "oss-template" in cruft


def _has_package(repo: Repo, package: str) -> bool:
    return repo.dir_exists(f"src/{package}") or repo.dir_exists(package)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _hand_edits(repo: Repo, text: str, answers: Mapping[str, Any]) -> Iterator[tuple[str, int]]:
    def where(key: str) -> int:
        return key_line(text, key, after="answers")

    for key in REQUIRED_ANSWERS:
        value = answers.get(key)
        if not isinstance(value, str) or not value.strip():
            yield f"the record's answers have no {key}", key_line(text, "answers")
        elif key in CHOICES and value not in CHOICES[key]:
            allowed = ", ".join(CHOICES[key])
            yield f"answers.{key} is {value!r}, not one of {allowed}", where(key)
    package = answers.get("package_name")
    if isinstance(package, str) and package.strip() and not _has_package(repo, package):
        yield (
            f"answers.package_name is {package!r} but there is no src/{package}/ package",
            where("package_name"),
        )
    declared = repo.project.get("name")
    if isinstance(declared, str) and declared:
        recorded = [answers.get(key) for key in ("project_slug", "project_name")]
        names = {_normalise(value) for value in recorded if isinstance(value, str)}
        if names and _normalise(declared) not in names:
            yield (
                (
                    f"answers.project_slug is {answers.get('project_slug')!r} but pyproject.toml "
                    f"names the project {declared!r}"
                ),
                where("project_slug"),
            )
    recorded_license = answers.get("license")
    declared_license = repo.project.get("license")
    if isinstance(recorded_license, str) and isinstance(declared_license, str):
        open_recorded = recorded_license in OPEN_LICENSES
        disagree = (
            declared_license != recorded_license if open_recorded else declared_license in OPEN_LICENSES
        )
        if disagree:
            yield (
                f"answers.license is {recorded_license!r} but pyproject.toml declares {declared_license!r}",
                where("license"),
            )


def record_state(repo: Repo) -> RecordState:
    """The template record of ``repo``, read and judged once per repository."""
    return repo.memo("record-state", lambda: _judge_record(repo))


def _judge_record(repo: Repo) -> RecordState:
    state = RecordState(baked=_looks_baked(repo))
    if not state.baked:
        return state
    parsed = repo.parsed_record
    if parsed is None:
        state.problems.append((f"{RECORD_FILE} is missing, but .cruft.json says oss-template baked this", 0))
        return state
    state.problems.extend((problem.message, problem.line) for problem in parsed.problems)
    if parsed.record is not None:
        state.record = parsed.record
        state.problems.extend(_hand_edits(repo, parsed.text, parsed.record.answers))
    return state


class OSS701(Rule):
    """The template record is invalid or disagrees with the project

    ## What it does
    Applies to repositories baked from oss-template: those with a `.oss-template.json`,
    or a `.cruft.json` that names oss-template (then a missing record is reported). A
    repository with neither is not from the template and is not checked: the plugin is
    also used on its own. The record must be JSON with a `template` and a `version`
    string and an `answers` object holding `project_name`, `project_slug`,
    `package_name`, `project_type`, `docs` and `ci` with allowed values. The answers must
    also agree with the project: `src/<package_name>/` exists, pyproject's
    `[project] name` is the recorded slug (or name), and the licence matches. Each
    disagreement is reported with the answer's line.

    ## Why is this bad?
    The record is what `oss-checks update` and `--fix` render the template with. A broken
    or hand-edited record re-creates files under the wrong package name or licence, and
    the drift rules cannot tell how far behind the project is.

    ## Example
    The package was renamed from `src/demand/` to `src/forecast/`, but the record still
    says `"package_name": "demand"`.

    ## How to fix
    Correct the reported answer so it describes the project as it is now (here
    `"package_name": "forecast"`), or restore the file from version control. Do not
    delete the record: it is how the project receives template updates.
    """

    name = "template-record"
    stakeholders = (Stakeholder.MANAGEMENT,)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        for message, line in record_state(repo).problems:
            yield self.finding(RECORD_FILE, message, line=line)


class OSS702(Rule):
    """The project is behind the current template release

    ## What it does
    Compares the template version in `.oss-template.json` with the releases this
    oss-checks knows (its own version is the newest). It reports how many releases and
    how many days behind the project is, once it is more than `max-releases-behind`
    releases behind (default 2) or a newer release has been out for more than
    `max-days-behind` days (default 180): being one release behind for a few weeks is
    normal, being far behind is not. A recorded version that was never released is
    reported too; one newer than this oss-checks means oss-checks itself needs updating.

    ## Why is this bad?
    Template releases carry fixes to CI, pre-commit hooks and community files. The
    further a project falls behind, the bigger and riskier the update becomes, until
    nobody dares to run it and the project drifts away from how the team works.

    ## Example
    `.oss-template.json` says `"version": "0.1.0"`, and 0.2.0, 0.3.0 and 0.4.0 have been
    released since.

    ## How to fix
    Run `oss-checks update` (`copier update --trust` in a project copier baked, one with
    `.copier-answers.yml`), review the changes like any other pull request, and commit
    them. To be told later, raise the limits:

    ```toml
    [tool.oss-checks.options.template-behind]
    max-releases-behind = 3
    max-days-behind = 365
    ```
    """

    name = "template-behind"
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.EXECUTIVE)
    scope = Scope.REPO
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Option]] = {
        "max-releases-behind": Option(int, 2, "Releases a project may be behind before it is told."),
        "max-days-behind": Option(int, 180, "Days a newer release may wait before the project is told."),
    }

    def check(self, repo: Repo) -> Iterator[Finding]:
        record = record_state(repo).record
        if record is None:
            return
        version = record.version
        line = key_line(repo.read_text(RECORD_FILE) or "", "version")
        newest = releases.newest()
        if not releases.is_release(version):
            recorded_key, newest_key = releases.version_key(version), releases.version_key(newest)
            if recorded_key is not None and newest_key is not None and recorded_key > newest_key:
                message = (
                    f"the project was baked from oss-template {version}, newer than this oss-checks "
                    f"({newest}): update oss-checks (`pre-commit autoupdate`)"
                )
            else:
                message = (
                    f"the record's template version {version!r} was never released "
                    f"(known: {', '.join(releases.versions())}): set it to the version the project "
                    f"was baked or last updated from"
                )
            yield self.finding(RECORD_FILE, message, line=line)
            return
        missed = releases.releases_since(version)
        if not missed:
            return
        days = releases.days_behind(version, today())
        if len(missed) <= self.settings["max-releases-behind"] and days <= self.settings["max-days-behind"]:
            return
        count = f"{len(missed)} release{'s' if len(missed) != 1 else ''}"
        command = COPIER_UPDATE_COMMAND if repo.exists(COPIER_ANSWERS) else UPDATE_COMMAND
        yield self.finding(
            RECORD_FILE,
            f"the project is on oss-template {version}, {count} behind {newest} "
            f"({days} days since {missed[0][0]} came out): run `{command}`",
            line=line,
        )


# -- update residue -------------------------------------------------------------------------


class OSS703(Rule):
    """An update or merge left conflicts or leftover files behind

    ## What it does
    Looks for what an interrupted `oss-checks update`, `cruft update`, `git merge` or
    `patch` leaves behind: `*.rej` and `*.orig` files, files git still lists as unmerged,
    the copies git writes beside a file it could not merge in place (`report.Rd~HEAD`,
    `report.Rd~main`, in folders when the branch name has slashes) and those `git mergetool`
    keeps beside the file (`clean_BACKUP_4242.py` beside `clean.py`, `_BASE_`, `_LOCAL_`,
    `_REMOTE_`), and merge conflicts (from a whole-line `<<<<<<<` to its `>>>>>>>`) in text files and
    in notebooks' cells, where a merge driver that knows notebooks writes them. A
    `>>>>>>>` only counts after a `<<<<<<<` in the same file, since it also starts a deep
    quote, and markers shown inside the code blocks of Markdown, R Markdown and Quarto files are ignored. Each conflict is
    reported once, at its first line, with the lines it spans; the markers are paired like
    brackets, so a conflict that a second merge nested inside another is part of it.

    ## Why is this bad?
    A `.rej` file is a template change that was not applied: the project silently misses
    it. Conflict markers break the file (Python, YAML and notebooks stop parsing) or,
    in prose, publish both versions side by side.

    ## Example
    ```text
    <<<<<<< ours
    python-version: "3.11"
    =======
    python-version: "3.12"
    >>>>>>> template
    ```

    ## How to fix
    For each conflict keep the right lines and delete the markers. For each `.rej` file,
    apply the rejected change by hand (or decide it does not apply) and delete the `.rej`
    and `.orig` files. Then `git add` the resolved files.
    """

    name = "update-residue"
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.DATA_SCIENCE)
    scope = Scope.REPO

    def check(self, repo: Repo) -> Iterator[Finding]:
        record = repo.record
        if record is not None and (record.pending is not None or record.malformed_pending):
            target = record.pending.version if record.pending is not None else "a newer version"
            yield self.finding(
                RECORD_FILE,
                f"an update to oss-template {target} was started but not finished: resolve the "
                "conflict markers, then run `oss-checks update` again to record it",
            )
        for path in repo.unmerged:
            yield self.finding(path, f"{path} is unmerged: resolve the conflict and `git add` it")
        for path in repo.paths:
            lowered = path.lower()
            if lowered.endswith(".rej"):
                yield self.finding(
                    path, f"{path} holds changes that were rejected: apply them, then delete it"
                )
                continue
            if lowered.endswith(".orig"):
                yield self.finding(path, f"{path} is a backup left by a merge or patch: delete it")
                continue
            copy_of = _conflict_copy_of(path, repo.path_set)
            if copy_of is not None:
                yield self.finding(
                    path,
                    f"{path} is the copy a merge wrote beside {copy_of} when it could not merge in place: "
                    f"keep in {copy_of} what belongs there, then delete it",
                )
                continue
            kept_by_mergetool = _mergetool_copy_of(path, repo.path_set) if "_" in path else None
            if kept_by_mergetool is not None:
                yield self.finding(
                    path,
                    f"{path} is a copy of {kept_by_mergetool} that `git mergetool` kept while resolving a "
                    "conflict: delete it (`git config mergetool.keepBackup false` stops the backups)",
                )
                continue
            # A plain search first (of the text other rules already read, else of the bytes),
            # so only the rare file with a marker is decoded and kept. A symbolic link's text is
            # its target's, which is searched under its own path.
            if repo.is_symlink(path) or not repo.contains(path, "<<<<<<<"):
                continue
            text = repo.read_text(path)
            if text is None:
                continue
            found = list(conflicts(text, markdown=lowered.endswith(FENCED_SUFFIXES)))
            for conflict in found:
                yield self._conflict_finding(path, conflict)
            if not found and lowered.endswith(NOTEBOOK_SUFFIX):
                yield from self._notebook_conflicts(repo, path)

    def _notebook_conflicts(self, repo: Repo, path: str) -> Iterator[Finding]:
        """Conflicts inside a valid notebook's cells, where a merge tool that knows notebooks
        (nbdime's driver) writes them: the JSON parses, but the cell's code does not."""
        notebook = repo.notebook(path)
        if notebook.error is not None:
            return
        for cell in notebook.cells:
            if "<<<<<<<" not in cell.source:
                continue
            for conflict in conflicts(cell.source, markdown=cell.cell_type == "markdown"):
                yield self._conflict_finding(path, conflict, cell.index)

    def _conflict_finding(self, path: str, conflict: Conflict, cell: int | None = None) -> Finding:
        where = f"cell {cell}, " if cell is not None else ""
        nested = f", with {conflict.nested} more inside" if conflict.nested else ""
        if conflict.end is None:
            message = (
                f"{path} has a merge conflict marker ({where}line {conflict.start}) that is never "
                f"closed{nested}: keep the right lines and delete the markers"
            )
        else:
            message = (
                f"{path} has unresolved merge conflict markers ({where}lines {conflict.start} to "
                f"{conflict.end}{nested}): keep the right lines and delete the markers"
            )
        return self.finding(path, message, line=conflict.start, cell=cell)


#: The copies ``git mergetool`` keeps of a conflicted file: ``clean_BACKUP_4242.py`` and its
#: ``_BASE_``, ``_LOCAL_`` and ``_REMOTE_`` siblings (the number is the tool's process id).
_MERGETOOL_COPY = lazy(r"(?P<stem>.+)_(?:BACKUP|BASE|LOCAL|REMOTE)_\d+(?P<suffix>\.[^/.]*)?$")
#: The side of a merge git names a conflict copy after: HEAD, a remote's branch, a usual branch.
_MERGE_SIDE = lazy(r"HEAD|refs/.+|(?:origin|upstream)/.+|main|master|develop|dev|trunk|staging|production")


def _mergetool_copy_of(path: str, tracked: frozenset[str]) -> str | None:
    """The file ``path`` is ``git mergetool``'s copy of, when that file is tracked beside it:
    ``R/clean.R`` for ``R/clean_BACKUP_4242.R``; ``data/cpi_BASE_2015.csv`` is a base year."""
    match = _MERGETOOL_COPY.fullmatch(path)
    if match is None:
        return None
    original = match.group("stem") + (match.group("suffix") or "")
    return original if original in tracked else None


def _conflict_copy_of(path: str, tracked: frozenset[str]) -> str | None:
    """The file ``path`` is git's conflict copy of: ``x.Rd`` for ``x.Rd~HEAD`` or ``x.Rd~origin/main``.

    Git names the copy after the side it came from (``HEAD``, a branch); a branch name with
    slashes makes folders. An editor's ``notes.txt~``, Office's ``~$report.docx`` and a backup
    someone dated (``notes.md~2024-05-01``) are not a merge's.
    """
    head, tilde, side = path.partition("~")
    if not tilde or not head or head.endswith("/") or _MERGE_SIDE.fullmatch(side) is None:
        return None
    return head if head in tracked or side == "HEAD" else None


# -- managed files ----------------------------------------------------------------------------

#: Files the template bakes and keeps for these answers (see ``bake.CONDITIONAL_PATHS``).
MANAGED_FILES = (
    "pyproject.toml",
    "noxfile.py",
    ".pre-commit-config.yaml",
    ".github/workflows/ci.yml",
    ".gitlab-ci.yml",
    "README.md",
    "LICENSE",
    "CONTRIBUTING.md",
    "CODE_OF_CONDUCT.md",
    "SECURITY.md",
    "CHANGELOG.md",
    "CITATION.cff",
    "CODEOWNERS",
)


def managed_files(answers: Mapping[str, Any]) -> list[str]:
    """The managed files a bake with ``answers`` produces."""
    removed = unwanted_paths(answers)
    return [
        path
        for path in MANAGED_FILES
        if not any(path == gone or path.startswith(f"{gone}/") for gone in removed)
    ]


class OSS704(Rule):
    """A file the template manages for this project is missing

    ## What it does
    For a repository with a valid template record, works out from the recorded answers
    which files the template owns (`pyproject.toml`, `noxfile.py`,
    `.pre-commit-config.yaml`, the CI file for the chosen CI, `README.md`, `LICENSE`,
    `CONTRIBUTING.md`, `CODE_OF_CONDUCT.md`, `SECURITY.md`, `CHANGELOG.md`,
    `CITATION.cff` and `CODEOWNERS`) and reports each one that was deleted. With `--fix`
    it re-creates the file from the template with the project's answers; it never
    overwrites a file. Repositories without a valid record are left to OSS701.

    ## Why is this bad?
    These files are how the project meets the organisation's ways of working: who owns
    it, how to cite it, how CI runs. A deleted one is usually an accident during a
    clean-up, and `oss-checks update` would bring it back in a surprising place.

    ## Example
    `CITATION.cff` was removed while tidying the repository root.

    ## How to fix
    Re-create it from the template with `oss-checks check --fix --select OSS704` and
    review it. If the team removed it on purpose, record why:

    ```toml
    [tool.oss-checks.per-path-ignores]
    "CITATION.cff" = { OSS704 = "not research software: nobody cites it" }
    ```

    (`[tool.oss-checks] ignore = { OSS704 = "..." }` stops checking every managed file.)
    """

    name = "managed-files"
    stakeholders = (Stakeholder.MANAGEMENT, Stakeholder.LEGAL)
    scope = Scope.REPO
    fixable = True
    #: The rules that report these same files as missing: this finding says it once, with the restore.
    supersedes = frozenset(
        {
            "OSS101",
            "OSS102",
            "OSS103",
            "OSS104",
            "OSS105",
            "OSS106",
            "OSS107",
            "OSS114",
            "OSS201",
            "OSS601",
            "OSS603",
        }
    )

    def check(self, repo: Repo) -> Iterator[Finding]:
        state = record_state(repo)
        if state.record is None:
            return
        for path in managed_files(state.answers):
            if repo.find(path) is None:
                yield self.finding(
                    path,
                    f"{path} is managed by the template but missing: restore it with "
                    f"`oss-checks check --fix --select OSS704`, or say why in "
                    f'[tool.oss-checks.per-path-ignores] "{path}" = {{ OSS704 = "..." }}',
                )

    def fix(self, repo: Repo, finding: Finding) -> bool:
        state = record_state(repo)
        if state.record is None or finding.path not in managed_files(state.answers):
            return False
        target = repo.root / finding.path
        if target.exists() or target.is_symlink():
            return False  # restored meanwhile: no need to render the whole template
        # Rendering pulls in cookiecutter and Jinja: loaded only when a fix runs.
        from oss_checks.errors import UserError
        from oss_checks.render import render_file
        from oss_checks.template import template_root

        try:
            text = render_file(template_root(), state.answers, finding.path)
        except (UserError, OSError, UnicodeDecodeError):
            return False
        if text is None:
            return False
        from oss_checks.fixes import create_file

        return create_file(repo.root, finding.path, text)
