"""``oss-checks update``: bring a project up to the current template version, offline.

It renders the version the project records (from ``--from-template``, or the archive
each release leaves in ``oss_checks/_template_history/``) and the new one with the
recorded answers, and merges the template's changes into the repository file by file
(see :mod:`oss_checks.sync`). Where a user's edit collides with a template change, it
writes standard conflict markers and leaves the record at the old version with a
``pending_update`` note; once the markers are gone, running ``update`` again records the
new version. We do not use ``cruft update``: it clones the template's history over the
network, which the machines this runs on may not reach. A project copier baked is left to
``copier update``, which keeps copier's own record (``.copier-answers.yml``) in step.
"""

from __future__ import annotations

import argparse
import re
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from oss_checks.commands import TEMPLATE_SOURCES, add_project_argument
from oss_checks.errors import EXIT_CLEAN, EXIT_FINDINGS, UsageError

if TYPE_CHECKING:
    from oss_checks.record import Record


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_project_argument(parser)
    parser.add_argument(
        "--from-template",
        metavar="SOURCE",
        help="the template version the project records (default: the copy shipped with oss-checks "
        f"for that version); {TEMPLATE_SOURCES}",
    )
    parser.add_argument(
        "--to-template",
        metavar="SOURCE",
        help=f"the template to update to (default: the one shipped with oss-checks); {TEMPLATE_SOURCES}",
    )
    parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")


def _say(text: str) -> None:
    sys.stdout.write(f"{text}\n")


def run(args: argparse.Namespace) -> int:
    from oss_checks.record import require

    cwd = Path.cwd()
    root = (cwd / args.path).resolve()
    if not root.is_dir():
        raise UsageError(f"{args.path} is not a folder")
    record = require(root)
    copier_answers = _copier_answers_file(root)
    if copier_answers is not None:
        raise UsageError(
            f"{copier_answers} says copier baked this project: update it with `copier update --trust`, "
            "which moves copier's record too (this update would leave it at the old version)"
        )
    if record.pending is not None or record.malformed_pending:
        return _finish_pending(root, record, args.dry_run)
    with ExitStack() as stack:
        return _update(root, record, args, cwd, stack)


#: copier's answers file, under the names Renovate's copier manager looks for too.
_COPIER_ANSWERS = re.compile(r"\.copier-answers(\..+)?\.ya?ml")


def _copier_answers_file(root: Path) -> str | None:
    """The name of copier's answers file in ``root``, if copier baked the project."""
    for entry in sorted(root.iterdir(), key=lambda path: path.name):
        if _COPIER_ANSWERS.fullmatch(entry.name) and entry.is_file():
            return entry.name
    return None


def _finish_pending(root: Path, record: Record, dry_run: bool) -> int:
    """Record the version of an update whose conflicts the user has now resolved."""

    from oss_checks.record import PENDING_KEY, RECORD_FILE, write_record
    from oss_checks.sync import has_conflict_markers

    pending = record.pending
    if pending is None:
        raise UsageError(
            f"{RECORD_FILE} has a malformed {PENDING_KEY}: restore the record from git and run "
            "`oss-checks update` again"
        )
    remaining = [path for path in pending.conflicts if has_conflict_markers(root, path)]
    if remaining:
        _say(f"The update to oss-template {pending.version} is not finished: conflict markers remain in")
        for path in remaining:
            _say(f"  {path}")
        _say("Resolve them (keep the right lines, delete the markers), then run `oss-checks update` again.")
        return EXIT_FINDINGS
    if dry_run:
        _say(f"The conflicts are resolved: `oss-checks update` would record oss-template {pending.version}.")
        return EXIT_CLEAN
    write_record(root, record._replace(version=pending.version, answers=pending.answers, pending=None))
    _say(
        f"Finished the update to oss-template {pending.version}: {RECORD_FILE} records it now. "
        "Review with `git diff`, then commit."
    )
    return EXIT_CLEAN


def _is_newer(version: str, than: str) -> bool:
    from oss_checks.releases import version_key

    key, other = version_key(version), version_key(than)
    return key is not None and other is not None and key > other


def _require_clean_git(root: Path) -> None:
    from oss_checks.git import decode, run_git

    inside = run_git(root, "rev-parse", "--is-inside-work-tree")
    if inside is None or decode(inside).strip() != "true":
        raise UsageError(
            f"{root} is not in a git repository: commit the project first, so the update can be reviewed and undone"
        )
    state = run_git(root, "status", "--porcelain", "-z", "--", ".")
    if state is None or state.strip():
        raise UsageError(
            "the working tree has uncommitted changes: commit or stash them first, so the update "
            "can be reviewed and undone on its own"
        )


def _base_reference(recorded: str, given: str | None) -> str:
    from oss_checks.template import history_archive

    if given is not None:
        return given
    archive = history_archive(recorded)
    if archive is None:
        raise UsageError(
            f"this oss-checks ships no copy of oss-template {recorded} to merge from: pass "
            f"--from-template with a checkout of it or its wheel (pip download oss-checks=={recorded} --no-deps)"
        )
    return str(archive)


def _update(root: Path, record: Record, args: argparse.Namespace, cwd: Path, stack: ExitStack) -> int:

    from oss_checks.record import RECORD_FILE, Pending, require, write_record
    from oss_checks.render import rendered, user_defaults
    from oss_checks.sync import ACTIONS, apply, plan_update
    from oss_checks.template import template_source, template_version

    recorded, answers = record.version, record.answers
    to_root = stack.enter_context(template_source(args.to_template, cwd))
    target = template_version(to_root)
    if target == recorded:
        _say(f"Already on oss-template {target}: nothing to update.")
        return EXIT_CLEAN
    if _is_newer(recorded, target):
        raise UsageError(
            f"the project records oss-template {recorded}, newer than {target}: update oss-checks instead"
        )
    if not args.dry_run:
        _require_clean_git(root)
    from_root = stack.enter_context(template_source(_base_reference(recorded, args.from_template), cwd))
    base_version = template_version(from_root)
    if base_version != recorded:
        raise UsageError(
            f"--from-template is oss-template {base_version}, but the project records {recorded}"
        )
    # A question newer than the record takes the team's default from the baker's cookiecutter config.
    defaults = user_defaults()
    base = stack.enter_context(rendered(from_root, answers, defaults))
    new = stack.enter_context(rendered(to_root, answers, defaults))
    new_answers = require(new).answers
    changes = plan_update(root, base, new, str(answers.get("package_name", "")), (recorded, target))

    _say(
        f"{'Would update' if args.dry_run else 'Updating'} {root.name} from oss-template {recorded} to {target}"
    )
    for change in changes:
        _say(f"  {change.action:<9} {change.path}  ({change.note or ACTIONS[change.action]})")
    if not changes:
        _say("  no file changes: the template's changes are already here")
    conflicts = [change.path for change in changes if change.action == "conflict"]
    if args.dry_run:
        return EXIT_FINDINGS if conflicts else EXIT_CLEAN

    try:
        apply(root, changes)
    except OSError as exc:
        raise UsageError(
            f"the update stopped half-way: {exc}. The tree was clean before it started: "
            "`git restore --staged --worktree . && git clean -fd` undoes it"
        ) from None
    if not conflicts:
        write_record(root, record._replace(version=target, answers=new_answers))
        _say(f"Updated to oss-template {target}. Review with `git diff`, then commit.")
        return EXIT_CLEAN
    write_record(root, record._replace(pending=Pending(target, new_answers, tuple(conflicts))))
    files = f"{len(conflicts)} file{'s' if len(conflicts) != 1 else ''}"
    _say(
        f"{files} need{'s' if len(conflicts) == 1 else ''} your decision: {', '.join(conflicts)}; "
        f"{RECORD_FILE} still records {recorded}."
    )
    _say(
        "Next: resolve the <<<<<<< ======= >>>>>>> blocks (keep the right lines, delete the markers), "
        f"then run `oss-checks update` again to record {target}, and commit."
    )
    return EXIT_FINDINGS
