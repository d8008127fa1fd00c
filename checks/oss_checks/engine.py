"""Check a repository: open it, choose the rules, run them, sort out ignores, fix.

One straight pipeline, used by every caller (the command line and its hooks, the
repo-review plugin, the report, the tests):

    open_repo -> select_rules -> run -> (apply_fixes -> run again on a fresh view)

:func:`check` is that pipeline in one call. The configuration is read once, each rule
is built once, and a rule that crashes becomes a :class:`RuleCrash` (data, not a
formatted string) while the other rules still run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import NamedTuple

from oss_checks import catalog, forked
from oss_checks.config import Config, load_config
from oss_checks.context import Repo
from oss_checks.patterns import lazy
from oss_checks.registry import Finding, Kind, Rule, Scope

#: ``# oss-checks: ignore[OSS401] the reason`` (also ``ignore[OSS401,OSS402]``) on the line.
_INLINE = lazy(r"oss-checks:\s*ignore\[([A-Za-z0-9,\s]+)\]\s*(?:--\s*)?(.*)")


class Ignored(NamedTuple):
    finding: Finding
    reason: str


class RuleCrash(NamedTuple):
    """A rule that raised instead of reporting: its code, where it was looking, the error."""

    code: str
    name: str
    where: str
    error: str

    def __str__(self) -> str:
        return f"internal error in {self.code} ({self.name}) on {self.where}: {self.error}"


class Result:
    """What one run found in one repository."""

    def __init__(
        self,
        root: Path,
        findings: list[Finding] | None = None,
        ignored: list[Ignored] | None = None,
        crashes: list[RuleCrash] | None = None,
        codes: list[str] | None = None,
        *,
        adopted: bool = True,
        walked: bool = False,
    ) -> None:
        self.root = root
        self.findings: list[Finding] = findings if findings is not None else []
        self.ignored: list[Ignored] = ignored if ignored is not None else []
        #: Rules that crashed; they make the exit code 2.
        self.crashes: list[RuleCrash] = crashes if crashes is not None else []
        self.codes: list[str] = codes if codes is not None else []
        #: How many findings ``--fix`` repaired before this result was taken, and in which files.
        self.fixed = 0
        self.fixed_files: list[str] = []
        #: Fixes that were tried and failed, one line each (they make the exit code 2 too).
        self.fix_errors: list[str] = []
        #: Whether the repository adopted the conventions (they then applied in full).
        self.adopted = adopted
        #: Whether the files were found by walking a folder that is not a git work tree.
        self.walked = walked
        #: In a repository that did not adopt them: the conventions that would report, in full.
        self.would_bring: list[str] = []
        #: Findings held back because they are on dormant files, and the day those files were
        #: last allowed a commit to count as recent (``YYYY-MM-DD``).
        self.dormant: list[Finding] = []
        #: For a held-back finding about the repository: the dormant files it is built on.
        self.rested_on: dict[Finding, tuple[str, ...]] = {}
        self.dormant_since = ""
        #: In a repository nobody works on: the day of its last commit (everything is held back).
        self.dormant_repository = ""

    def __repr__(self) -> str:
        return f"Result({self.root!r}, findings={self.findings!r}, crashes={self.crashes!r})"

    @property
    def dormant_files(self) -> set[str]:
        """The dormant files the held-back findings are on, or are built on."""
        return {path for finding in self.dormant for path in self.rested_on.get(finding, (finding.path,))}

    @property
    def errors(self) -> list[str]:
        """Every crash and failed fix as the line a user reads."""
        return [str(crash) for crash in self.crashes] + self.fix_errors


class Checked(NamedTuple):
    """A repository opened for checking: the files, the configuration and the rules."""

    repo: Repo
    config: Config
    rules: tuple[Rule, ...]


def open_repo(
    root: Path, *, files: Iterable[str] | None = None, team_file: Path | None = None
) -> tuple[Repo, Config]:
    """The repository at ``root`` and its configuration (``ConfigError`` when that is wrong).

    ``team_file`` lays a team's conventions under the repository's own settings, as
    ``extend`` does, and makes the repository count as having adopted them.
    """
    # One view of the folder: the configuration is read from it before any rule looks.
    repo = Repo(root, only=files)
    skip = files is not None and not _may_configure(repo)
    config = load_config(repo.root, {} if skip else repo.pyproject, team_file=team_file)
    repo.declare(project_type=config.project_type, adopted=config.adopted)
    return repo, config


def _may_configure(repo: Repo) -> bool:
    """Whether pyproject.toml may hold settings for oss-checks, found without parsing it.

    A per-file run on a few staged files has no other use for a large pyproject.toml, and
    parsing one costs more than the rest of such a run (numpy's: 15 ms). A whole-repository
    run parses it anyway, and reports a `tool` that is not a table.
    """
    # A quoted key may spell the name with escapes (``"oss\u002Dchecks"``): any escape means parse.
    return repo.exists("pyproject.toml") and any(
        repo.contains("pyproject.toml", needle) for needle in ("oss-checks", "oss_checks", "\\u", "\\U")
    )


def select_rules(
    config: Config,
    repo: Repo,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    scope: Scope | None = None,
) -> tuple[Rule, ...]:
    """The rules to run, each built once with its options, knowing whether it applies in full.

    A convention applies in full where the repository adopted the conventions, or when it
    was chosen by name; elsewhere it says only what the repository's evidence supports.
    With ``scope``, only the rules of that scope (the per-file hook's FILE rules, the
    whole-repository hook's REPO rules).
    """
    named = config.named(select)
    rules = []
    for code in config.selected(select, ignore):
        # The catalog knows a rule's scope, so a family none of whose rules run is never imported.
        per_file = catalog.RULES[code][1]
        if scope is not None and per_file != (scope is Scope.FILE):
            continue
        rule = config.rule(code)
        rule.in_full = rule.kind is Kind.FACT or repo.adopted or code in named
        rules.append(rule)
    return tuple(rules)


def in_full(rules: Sequence[Rule]) -> tuple[Rule, ...]:
    """The same rules, built again to apply in full: what adopting the conventions would bring."""
    again = []
    for rule in rules:
        fresh = type(rule)(rule.settings)
        fresh.in_full = True
        again.append(fresh)
    return tuple(again)


class _SourceLines:
    """The lines of each file (or notebook cell) findings point at, split once per run."""

    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self._lines: dict[tuple[str, int | None], list[str]] = {}

    def __call__(self, path: str, cell: int | None) -> list[str]:
        key = (path, cell)
        if key not in self._lines:
            if cell is not None:
                cells = [c for c in self.repo.notebook(path).cells if c.index == cell]
                self._lines[key] = cells[0].source.splitlines() if cells else []
            else:
                text = self.repo.read_text(path)
                self._lines[key] = text.splitlines() if text is not None else []
        return self._lines[key]


def _inline_reason(lines_of: _SourceLines, finding: Finding) -> str | None:
    """The reason of an inline suppression on the finding's line, if there is one."""
    if finding.line < 1:
        return None
    lines = lines_of(finding.path, finding.cell)
    if finding.line > len(lines):
        return None
    line = lines[finding.line - 1]
    if "oss-checks" not in line:
        return None
    match = _INLINE.search(line)
    if match is None:
        return None
    codes = {c.strip().upper() for c in match.group(1).split(",")}
    if finding.code not in codes:
        return None
    return match.group(2).strip()  # "" when no reason was written: the finding then stays


#: From this many files on, a run with ``parallel`` uses the second core: below it, the
#: fork costs more than it saves (measured: an empty repository loses 15 ms, 52 files break
#: even, 82 files gain 20 ms and 224 files 50 ms).
PARALLEL_FROM_FILES = 60


def run(
    repo: Repo,
    config: Config,
    rules: Sequence[Rule],
    *,
    files: Iterable[str] | None = None,
    parallel: bool = False,
) -> Result:
    """Run ``rules`` on ``repo``; with ``files``, only the FILE rules on those files.

    With ``parallel``, a large repository is checked by two processes: a forked child runs
    the per-file rules, and then it and this process take the repository rules in turns,
    each rule once. The findings and crashes are those of a serial run, in its order; where
    forking is not possible, or the child fails, this process does the rest itself.
    """
    result = Result(repo.root, codes=[rule.code for rule in rules], adopted=repo.adopted, walked=repo.walked)
    file_rules = [rule for rule in rules if rule.scope is Scope.FILE]
    repo_rules = [rule for rule in rules if rule.scope is Scope.REPO] if files is None else []
    targets = list(repo.files) if files is None else [repo.file(path) for path in files]

    def check_files() -> _Collected:
        collected = _Collected([], [])
        for source in targets:
            for rule in file_rules:
                if rule.applies_to(source):
                    _collect(rule, partial(rule.check_file, repo, source), collected, source.path)
        return collected

    def check_repository(index: int) -> _Collected:
        collected = _Collected([], [])
        _collect(repo_rules[index], partial(repo_rules[index].check, repo), collected, "the repository")
        return collected

    by_files, by_rule = _run_on_two_cores(
        check_files,
        check_repository,
        len(repo_rules),
        parallel=parallel and len(targets) >= PARALLEL_FROM_FILES,
    )
    raw = by_files.found + [f for index in range(len(repo_rules)) for f in by_rule[index].found]
    result.crashes = by_files.crashes + [
        c for index in range(len(repo_rules)) for c in by_rule[index].crashes
    ]

    by_code = {rule.code: rule for rule in rules}
    lines_of = _SourceLines(repo)
    replaced = {(code, f.path) for f in raw if f.code in by_code for code in by_code[f.code].supersedes}
    for found in sorted(set(raw), key=Finding.sort_key):
        if (found.code, found.path) in replaced:
            continue
        finding = (
            found._replace(fixable=by_code[found.code].can_fix(repo, found))
            if found.code in by_code
            else found
        )
        reason = config.ignore_reason(finding.code, finding.path) or _inline_reason(lines_of, finding)
        if reason:
            result.ignored.append(Ignored(finding, reason))
        elif reason == "":
            # Opting out is fine, silently is not: the reason is what a reviewer reads.
            note = f" (the inline ignore needs a reason: `# oss-checks: ignore[{finding.code}] -- why`)"
            result.findings.append(finding._replace(message=finding.message + note))
        else:
            result.findings.append(finding)
    if config.dormant_after_days:
        _hold_back_dormant(repo, config.dormant_after_days, by_code, result)
    return result


def _hold_back_dormant(repo: Repo, days: int, by_code: dict[str, Rule], result: Result) -> None:
    """Move findings nobody would act on from ``findings`` to ``dormant``: in a repository
    with no commit for ``days`` and nothing being changed, every finding but a credential's;
    elsewhere, the findings of rules that spare dormant files on files no commit has touched
    for ``days`` and that nobody is changing.

    What nobody has worked on for years is finished or retired work: a home path in a 2021
    course's solutions or a large file of an abandoned analysis is true, and nobody fixes
    it. Whoever changes such a file next sees them again, as the per-file hook does at once;
    a leaked key stays reported, because it can be used however old it is.
    """
    if not result.findings:
        return
    since = time.time() - days * _SECONDS_PER_DAY
    if since <= 0:
        return  # more days than git's clock has counted: every commit is recent
    result.dormant_since = time.strftime("%Y-%m-%d", time.gmtime(since))
    last_commit = repo.dormant_since(since)
    if last_commit is not None:
        result.dormant_repository = last_commit

        def held(finding: Finding) -> bool:
            rule = by_code.get(finding.code)
            return rule is None or not rule.reported_when_dormant

        _move(result, held)
        return

    def spared(finding: Finding) -> bool:
        rule = by_code.get(finding.code)
        return rule is not None and rule.spares_dormant_files

    candidates = {finding.path for finding in result.findings if spared(finding)}
    evidence = _evidence(repo, by_code, result)
    for rests_on in evidence.values():
        candidates.update(rests_on)
    dormant = repo.unchanged_since(candidates, since) if candidates else frozenset()
    if dormant:

        def held(finding: Finding) -> bool:
            if finding in evidence:
                return all(path in dormant for path in evidence[finding])
            return finding.path in dormant and spared(finding)

        _move(result, held)
        result.rested_on = {finding: evidence[finding] for finding in result.dormant if finding in evidence}


def _evidence(repo: Repo, by_code: dict[str, Rule], result: Result) -> dict[Finding, tuple[str, ...]]:
    """The files each finding about the repository is built on, where its rule says; a rule
    that raises while saying is a crash like any other, and its finding rests on nothing."""
    evidence: dict[Finding, tuple[str, ...]] = {}
    for finding in result.findings:
        rule = by_code.get(finding.code)
        if rule is None:
            continue
        try:
            rests_on = rule.rests_on(repo, finding)
        except Exception as exc:  # noqa: BLE001 - a rule's bug must never become a traceback
            result.crashes.append(
                RuleCrash(rule.code, rule.name, finding.path, f"{type(exc).__name__}: {exc}")
            )
            continue
        if rests_on:
            evidence[finding] = rests_on
    return evidence


def _move(result: Result, held: Callable[[Finding], bool]) -> None:
    kept: list[Finding] = []
    for finding in result.findings:
        (result.dormant if held(finding) else kept).append(finding)
    result.findings = kept


_SECONDS_PER_DAY = 86400


class _Collected(NamedTuple):
    """What rules reported and which of them crashed, in the order they ran."""

    found: list[Finding]
    crashes: list[RuleCrash]


def _run_on_two_cores(
    check_files: Callable[[], _Collected],
    check_repository: Callable[[int], _Collected],
    repo_rule_count: int,
    *,
    parallel: bool,
) -> tuple[_Collected, dict[int, _Collected]]:
    """The per-file rules' results and each repository rule's, by its index.

    Serially the repository rules run second, so they find the files the per-file rules
    read in the cache; in parallel the child, which read them, joins in once it is done.
    """
    tasks = forked.Tasks(repo_rule_count) if parallel and 0 < repo_rule_count <= forked.Tasks.MOST else None

    def child_work() -> tuple[_Collected, dict[int, _Collected]]:
        by_files = check_files()
        return by_files, _take_turns(tasks, check_repository) if tasks is not None else {}

    child = forked.start(child_work) if tasks is not None else None
    if child is None or tasks is None:
        if tasks is not None:
            tasks.close()
        return check_files(), {index: check_repository(index) for index in range(repo_rule_count)}
    try:
        mine = _take_turns(tasks, check_repository)
    except BaseException:  # an interrupt: the child's work is no longer wanted
        child.cancel()
        raise
    finally:
        tasks.close()
    theirs = child.result()
    if theirs is None:  # the child failed: what it had taken is done here
        by_files = check_files()
        rest = {index: check_repository(index) for index in range(repo_rule_count) if index not in mine}
        return by_files, {**mine, **rest}
    return theirs[0], {**mine, **theirs[1]}


def _take_turns(tasks: forked.Tasks, check_repository: Callable[[int], _Collected]) -> dict[int, _Collected]:
    done = {}
    while (index := tasks.take()) is not None:
        done[index] = check_repository(index)
    return done


def _collect(rule: Rule, produce: Callable[[], Iterable[Finding]], into: _Collected, where: str) -> None:
    try:
        into.found.extend(produce())
    except Exception as exc:  # noqa: BLE001 - a rule's bug must never become a traceback
        into.crashes.append(RuleCrash(rule.code, rule.name, where, f"{type(exc).__name__}: {exc}"))


def apply_fixes(repo: Repo, rules: Sequence[Rule], result: Result) -> tuple[int, set[str]]:
    """Apply the safe fixes for ``result``: (how many findings were repaired, the files written).

    A rule fixes each file once, whatever the number of its findings there: one append of
    every missing README section, not one per section.
    """
    by_code = {rule.code: rule for rule in rules}
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in result.findings:
        if finding.fixable and finding.code in by_code:
            groups.setdefault((finding.code, finding.path), []).append(finding)
    fixed = 0
    files: set[str] = set()
    for (code, path), findings in groups.items():
        if _fixed(by_code[code], repo, findings[0], result):
            fixed += len(findings)
            files.add(path)
    return fixed, files


def _fixed(rule: Rule, repo: Repo, finding: Finding, result: Result) -> bool:
    try:
        return rule.fix(repo, finding)
    except Exception as exc:  # noqa: BLE001 - report, never a traceback
        result.fix_errors.append(f"could not fix {finding.code} on {finding.path}: {exc}")
        return False


def check(
    root: Path,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    files: Sequence[str] | None = None,
    fix: bool = False,
    scope: Scope | None = None,
    within: str | None = None,
    parallel: bool = False,
    include_dormant: bool = False,
) -> Result:
    """Check the repository at ``root`` (only its FILE rules on ``files`` when given).

    ``within`` (a folder of the repository) keeps only the findings in that folder: a check
    of ``notebooks/`` is a check of that part of its repository.

    With ``fix``, repairs what can be repaired safely, then checks a fresh view of the
    files, so the result says what is left. With ``parallel``, a large repository is
    checked on two cores (see :func:`run`); the command line asks for it, while the report,
    which already checks several repositories at once, does not. With ``include_dormant``,
    nothing is held back on dormant files.
    """
    repo, config = open_repo(root, files=files)
    if include_dormant:
        config.dormant_after_days = 0
    return check_repo(
        repo,
        config,
        select=select,
        ignore=ignore,
        files=files,
        fix=fix,
        scope=scope,
        within=within,
        parallel=parallel,
    )


def _keep_within(result: Result, within: str | None) -> Result:
    if within is not None:
        prefix = within.strip("/") + "/"
        result.findings = [f for f in result.findings if f.path.startswith(prefix)]
        result.ignored = [i for i in result.ignored if i.finding.path.startswith(prefix)]
        result.dormant = [f for f in result.dormant if f.path.startswith(prefix)]
    return result


def check_repo(
    repo: Repo,
    config: Config,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    files: Sequence[str] | None = None,
    fix: bool = False,
    preview_adoption: bool = False,
    scope: Scope | None = None,
    within: str | None = None,
    parallel: bool = False,
) -> Result:
    """:func:`check` on a repository already opened with :func:`open_repo`.

    With ``preview_adoption``, a repository that did not adopt the conventions also learns
    which of them would report if it did (``Result.would_bring``), as the report shows.
    """
    rules = select_rules(
        config, repo, select=select, ignore=ignore, scope=Scope.FILE if files is not None else scope
    )
    result = _keep_within(run(repo, config, rules, files=files, parallel=parallel), within)
    partial = [rule for rule in rules if not rule.in_full]
    if preview_adoption and partial:
        preview = run(repo, config, in_full(partial), files=files)
        result.would_bring = sorted({finding.code for finding in preview.findings})
    if fix:
        fixed, written = apply_fixes(repo, rules, result)
        if fixed:
            fresh = Repo(repo.root, only=files, project_type=config.project_type, adopted=config.adopted)
            failures = result.fix_errors
            result = _keep_within(run(fresh, config, rules, files=files, parallel=parallel), within)
            result.fix_errors = failures
        result.fixed = fixed
        result.fixed_files = sorted(written)
    return result
