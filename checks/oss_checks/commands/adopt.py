"""``oss-checks adopt``: bring the template's ways of working to a repository that already exists.

It infers the answers from what is there, asks for what it cannot infer (unless
``--no-input``), and prints a plan: the files it would add, the ones that exist and stay
as they are, and the hooks it would add. Applying the plan writes the template record,
creates only missing files, adds the oss-checks hooks to an existing pre-commit
configuration without rewriting the rest, and writes a baseline of today's findings so the
repository starts green. It never overwrites or deletes a file. Afterwards ``diff``,
``update``, the drift rules and the report treat the repository like a baked one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from oss_checks.errors import EXIT_CLEAN, UsageError

if TYPE_CHECKING:
    from oss_checks.adoption import Plan


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default=".", metavar="FOLDER", help="the repository (default: .)")
    parser.add_argument(
        "answers", nargs="*", metavar="KEY=VALUE", help="answers that win over what is inferred"
    )
    parser.add_argument("--no-input", action="store_true", help="do not ask; infer, else take the defaults")
    parser.add_argument("--dry-run", action="store_true", help="print the plan; write nothing")


def _say(text: str = "") -> None:
    sys.stdout.write(f"{text}\n")


def _warn(text: str) -> None:
    sys.stderr.write(f"{text}\n")


def run(args: argparse.Namespace) -> int:
    from oss_checks import adoption
    from oss_checks.commands.new import ask_all, parse_answers, read_line, refusal
    from oss_checks.context import Repo
    from oss_checks.record import RECORD_FILE
    from oss_checks.render import complete, question_keys, rendered, user_defaults
    from oss_checks.template import template_root

    cwd = Path.cwd()
    target = (cwd / args.path).resolve()
    if not target.is_dir():
        raise UsageError(f"{args.path} is not a folder")
    # "adopt KEY=VALUE" without a folder: the first word is an answer, the folder is here.
    pairs = list(args.answers)
    if "=" in args.path and not (cwd / args.path).exists():
        target, pairs = cwd, [args.path, *pairs]
    repo = Repo(target)
    if repo.parsed_record is not None:
        raise UsageError(
            f"{target} already has {RECORD_FILE}: it follows the template (see `oss-checks diff`)"
        )
    root = template_root()
    given = parse_answers(pairs, question_keys(root))
    inferred, sources = adoption.infer(repo)
    answers = {**inferred, **given}
    sources.update(dict.fromkeys(given, "the command line"))
    defaults = user_defaults()
    if not args.no_input:
        answers = ask_all(root, answers, read_line, _warn, defaults)
    context = complete(root, answers, defaults)
    problem = refusal(context)
    if problem is not None:
        raise UsageError(f"cannot adopt with these answers: {problem} (give the right one as KEY=VALUE)")
    chosen = {key: value for key, value in context.items() if key in question_keys(root)}
    with rendered(root, chosen, defaults) as baked:
        the_plan = adoption.plan(repo, chosen, baked)
    _print_plan(target, chosen, sources, the_plan)
    if args.dry_run:
        return EXIT_CLEAN
    return _apply(target, the_plan, root)


def _print_plan(target: Path, answers: dict[str, object], sources: dict[str, str], the_plan: Plan) -> None:
    from oss_checks.adoption import BASELINE_FILE
    from oss_checks.output import printable

    _say(f"Adopting oss-template in {printable(str(target))}")
    _say("Answers:")
    for key, value in answers.items():
        _say(f"  {key} = {printable(str(value))}  ({sources.get(key, 'the default')})")
    _say(f"Adds {len(the_plan.add)} file{'s' if len(the_plan.add) != 1 else ''}:")
    for path in the_plan.add:
        _say(f"  + {path}")
    _say("  + .oss-template.json (the template record)")
    _say(f"  + {BASELINE_FILE} (today's findings, so the hooks fail only on new ones)")
    if the_plan.precommit is not None:
        _say("Adds the oss-checks hooks to the existing .pre-commit-config.yaml (the rest stays as it is)")
    elif the_plan.hooks_present:
        _say("The oss-checks hooks are in .pre-commit-config.yaml already")
    kept = len(the_plan.kept)
    _say(f"Keeps {kept} file{'s' if kept != 1 else ''} as {'they are' if kept != 1 else 'it is'}:")
    for path in the_plan.kept:
        _say(f"  = {path}")
    if the_plan.left_out:
        _say("Leaves out:")
        for path, reason in the_plan.left_out.items():
            _say(f"  - {path}  ({reason})")


def _apply(target: Path, the_plan: Plan, root: Path) -> int:
    from oss_checks.adoption import BASELINE_FILE
    from oss_checks.baseline import write_baseline
    from oss_checks.engine import check
    from oss_checks.fixes import write_atomic
    from oss_checks.record import TEMPLATE_NAME, Record, write_record
    from oss_checks.template import template_version

    try:
        for path, data in the_plan.add.items():
            write_atomic(target, path, data, exclusive=True, executable=path in the_plan.executable)
        if the_plan.precommit is not None:
            write_atomic(target, ".pre-commit-config.yaml", the_plan.precommit.encode("utf-8"))
        write_record(target, Record(TEMPLATE_NAME, template_version(root), the_plan.recorded))
    except OSError as exc:
        raise UsageError(f"adopting stopped: {exc}; `git status` shows what was added so far") from None
    result = check(target)
    total = write_baseline(target / BASELINE_FILE, [result])
    _say(
        f"Adopted oss-template {template_version(root)}: {total} finding{'s' if total != 1 else ''} of today "
        f"are in {BASELINE_FILE}. Review with `git status` and `git diff`, then commit; "
        "`oss-checks check --baseline .oss-checks-baseline.json` fails only on new findings."
    )
    return EXIT_CLEAN
