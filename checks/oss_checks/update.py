"""``oss-checks diff`` and ``oss-checks update``: template drift, seen and fixed offline.

Both commands re-render the template with the answers in ``.oss-template.json``. The
template comes from inside the installed wheel, so nothing is cloned or downloaded.

``diff`` compares the managed files with what the template bakes today. ``update`` moves a
repository from its recorded template version to the current one. It needs a render of the
version the project was baked from as the base of a three-way merge. That render comes from
a copy of that version of the template: either ``--from-template`` (a checkout, one of the
history archives, or the oss-checks wheel of that version), or the archive that each release
leaves in ``oss_checks/_template_history/<version>.zip``. A zip of one version is about 60 kB.
We do not use ``cruft update``: it clones the template's git history over the network, which
the machines this runs on cannot reach.

``update`` merges each file with ``git merge-file``. Where a user's edit collides with a
template change, it writes standard conflict markers and leaves the record at the old version
with a ``pending_update`` note. Once the markers are gone, running ``update`` again records
the new version. The top level imports only cheap standard-library modules. Everything
else (cookiecutter, zipfile, difflib, the rules) is imported where it is used, because
the command parser is built on every call of the per-file hook.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from oss_checks.cli import UsageError
from oss_checks.context import RECORD_FILE

#: One archive per released template version, written by ``python -m oss_checks.update archive``.
HISTORY_DIR = Path(__file__).resolve().parent / "_template_history"
PROJECT_DIR = "{{cookiecutter.project_slug}}"
#: What a template copy holds, relative to its root (a checkout's layout).
TEMPLATE_FILES = ("cookiecutter.json", "oss_template_jinja.py")
TEMPLATE_DIRS = ("hooks", PROJECT_DIR)
#: The hooks load the logic of the template version they ship with from here.
BAKE_FILES = ("checks/oss_checks/__init__.py", "checks/oss_checks/bake.py")
WHEEL_TEMPLATE = "oss_checks/_template/"
#: Unpacking a template copy stops past this size: a template is a few hundred kB.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
ARCHIVE_DATE = (1980, 1, 1, 0, 0, 0)
SKIPPED_NAMES = frozenset({"__pycache__", ".DS_Store"})

#: The example code, tests, notebooks and folder READMEs users are expected to replace.
#: The template does not manage them. ``diff`` leaves them out unless ``--all`` is given.
#: ``update`` applies a template change to one only while the repository still has the
#: baked version, and never writes conflict markers into one.
STARTER_FILES = (
    "src/{package}/__init__.py",
    "src/{package}/metrics.py",
    "src/{package}/paths.py",
    "tests/test_metrics.py",
    "tests/test_paths.py",
    "notebooks/**",
    "data/**",
    "reports/**",
    "docs/**/*.md",
)
PENDING_KEY = "pending_update"
YOURS = "yours"


def _out(text: str, *, err: bool = False) -> None:
    # The command's output (the lint rules keep print() for stray debugging).
    stream = sys.stderr if err else sys.stdout
    stream.write(f"{text}\n")


# -- arguments ----------------------------------------------------------------------------------
def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        default=".",
        metavar="FOLDER",
        help="the project baked from oss-template (default: the current folder)",
    )
    sources = (
        "SOURCE: a folder holding cookiecutter.json, a history archive (.zip) or an oss-checks wheel (.whl)"
    )
    if name == "diff":
        parser.add_argument("--stat", action="store_true", help="one line per differing file")
        parser.add_argument(
            "--all",
            action="store_true",
            help="also compare the starter files (example code, notebooks, docs pages)",
        )
        parser.add_argument(
            "--template",
            metavar="SOURCE",
            help=f"compare with this copy of the template instead of the shipped one; {sources}",
        )
    else:
        parser.add_argument(
            "--from-template",
            metavar="SOURCE",
            help="the template version the project records (default: the copy shipped with oss-checks "
            f"for that version); {sources}",
        )
        parser.add_argument(
            "--to-template",
            metavar="SOURCE",
            help=f"the template to update to (default: the one shipped with oss-checks); {sources}",
        )
        parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")


def run(name: str, args: argparse.Namespace, cwd: Path) -> int:
    root = (cwd / args.path).resolve()
    if not root.is_dir():
        raise UsageError(f"{args.path} is not a folder")
    if name == "diff":
        return run_diff(root, args, cwd)
    return run_update(root, args, cwd)


# -- template copies ------------------------------------------------------------------------------
def template_version(root: Path) -> str:
    """The ``_template_version`` a copy of the template declares."""
    try:
        data = json.loads((root / "cookiecutter.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(
            f"{root} is not a copy of oss-template: cannot read cookiecutter.json ({exc})"
        ) from None
    version = data.get("_template_version") if isinstance(data, dict) else None
    if not isinstance(version, str) or not version.strip():
        raise UsageError(f"{root}/cookiecutter.json has no _template_version")
    return version.strip()


@contextmanager
def template_source(reference: str | None, cwd: Path) -> Iterator[Path]:
    """A folder holding the template: the shipped one, a folder, or an unpacked archive or wheel."""
    import tempfile

    if reference is None:
        from oss_checks.template import template_root

        yield template_root()
        return
    source = (cwd / reference).expanduser()
    if source.is_dir():
        if not (source / "cookiecutter.json").is_file() or not (source / PROJECT_DIR).is_dir():
            raise UsageError(
                f"{reference} is not a copy of oss-template (no cookiecutter.json and {PROJECT_DIR}/)"
            )
        yield source
        return
    if not source.is_file():
        raise UsageError(f"{reference} does not exist")
    with tempfile.TemporaryDirectory(prefix="oss-template-copy-") as scratch:
        yield unpack(source, Path(scratch))


def unpack(archive: Path, into: Path) -> Path:
    """Unpack a history archive or an oss-checks wheel into ``into``, in a checkout's layout."""
    import zipfile

    try:
        with zipfile.ZipFile(archive) as bundle:
            names = set(bundle.namelist())
            if "cookiecutter.json" in names:
                wheel = False
            elif f"{WHEEL_TEMPLATE}cookiecutter.json" in names:
                wheel = True
            else:
                raise UsageError(f"{archive} holds no copy of oss-template (no cookiecutter.json)")
            total = 0
            for info in bundle.infolist():
                relative = _unpacked_name(info.filename, wheel=wheel)
                if relative is None or info.is_dir():
                    continue
                parts = PurePosixPath(relative).parts
                if relative.startswith("/") or "\\" in relative or ".." in parts or not parts:
                    raise UsageError(f"{archive} holds an unsafe path {info.filename!r}")
                total += info.file_size
                if total > MAX_UNPACKED_BYTES:
                    raise UsageError(f"{archive} unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB")
                target = into.joinpath(*parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(bundle.read(info))
                if (info.external_attr >> 16) & 0o111:
                    target.chmod(0o755)
    except (OSError, zipfile.BadZipFile) as exc:
        raise UsageError(f"{archive} cannot be read as a template archive or wheel: {exc}") from None
    return into


def _unpacked_name(name: str, *, wheel: bool) -> str | None:
    if not wheel:
        return name
    if name.startswith(WHEEL_TEMPLATE):
        return name[len(WHEEL_TEMPLATE) :]
    if name in ("oss_checks/__init__.py", "oss_checks/bake.py"):
        return f"checks/{name}"
    return None


def template_files(root: Path) -> dict[str, Path]:
    """Archive name -> file, for every file of the template at ``root`` (checkout or wheel)."""
    files: dict[str, Path] = {}
    for name in TEMPLATE_FILES:
        if not (root / name).is_file():
            raise UsageError(f"{root} is not a copy of oss-template: {name} is missing")
        files[name] = root / name
    for folder in TEMPLATE_DIRS:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not SKIPPED_NAMES & set(relative.parts) and path.suffix != ".pyc":
                files[relative.as_posix()] = path
    for name in BAKE_FILES:
        # A checkout keeps bake.py under checks/; inside the wheel it sits next to _template/.
        for candidate in (root / name, root.parent / PurePosixPath(name).name):
            if candidate.is_file():
                files[name] = candidate
                break
        else:
            raise UsageError(f"{root} is not a copy of oss-template: {name} is missing")
    return files


def archive_template(source: Path, output_dir: Path) -> tuple[Path, bool]:
    """Write ``<version>.zip`` of the template at ``source``; (path, whether it was written).

    The archive is byte-for-byte reproducible (sorted names, fixed dates), so an archive
    that exists already must be identical: a released version's copy is never rewritten.
    """
    import tempfile
    import zipfile

    version = template_version(source)
    if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.+_-]*", version):
        raise UsageError(f"template version {version!r} cannot name an archive")
    files = template_files(source)
    output_dir.mkdir(parents=True, exist_ok=True)
    target = output_dir / f"{version}.zip"
    fd, scratch_name = tempfile.mkstemp(prefix=f".{version}.", suffix=".zip", dir=output_dir)
    os.close(fd)
    scratch = Path(scratch_name)
    try:
        with zipfile.ZipFile(scratch, "w") as bundle:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, ARCHIVE_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                executable = files[name].stat().st_mode & 0o111
                info.external_attr = (0o100755 if executable else 0o100644) << 16
                bundle.writestr(info, files[name].read_bytes(), compresslevel=9)
        fresh = scratch.read_bytes()
        if target.exists():
            if target.read_bytes() == fresh:
                return target, False
            raise UsageError(
                f"{target} exists and differs from the template {version} here: a released "
                "version's archive is never rewritten (bump _template_version first)"
            )
        scratch.replace(target)
        return target, True
    finally:
        scratch.unlink(missing_ok=True)


def _history_archive(version: str) -> Path | None:
    if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.+_-]*", version):
        return None
    candidate = HISTORY_DIR / f"{version}.zip"
    return candidate if candidate.is_file() else None


# -- rendering ------------------------------------------------------------------------------------
@contextmanager
def _extension_modules(root: Path) -> Iterator[None]:
    """Make cookiecutter load the Jinja extension of the template at ``root``.

    Cookiecutter imports ``_extensions`` by module name, and Python caches modules, so a
    second template in the same process would silently reuse the first one's filters.
    """
    try:
        raw = json.loads((root / "cookiecutter.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raw = {}
    extensions = raw.get("_extensions", []) if isinstance(raw, dict) else []
    # Only the template's own modules: a Jinja extension from an installed package stays.
    own = set()
    for entry in extensions:
        module = str(entry).split(".")[0]
        if (root / f"{module}.py").is_file() or (root / module / "__init__.py").is_file():
            own.add(module)
    saved = {name: sys.modules.pop(name) for name in own if name in sys.modules}
    sys.path.insert(0, str(root))
    try:
        yield
    finally:
        for name in own:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
        if str(root) in sys.path:
            sys.path.remove(str(root))


@contextmanager
def render(root: Path, answers: Mapping[str, Any]) -> Iterator[Path]:
    """The project the template at ``root`` bakes for ``answers``, in a temporary folder."""
    from oss_checks.template import rendered

    with _extension_modules(root), rendered(answers, root) as project:
        yield project


def tree(root: Path) -> dict[str, Path]:
    """Every file below ``root`` by its POSIX path, without the template record."""
    files: dict[str, Path] = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            if relative != RECORD_FILE:
                files[relative] = path
    return files


def is_starter(path: str, package: str) -> bool:
    from oss_checks.config import glob_match

    return any(glob_match(pattern.format(package=package), path) for pattern in STARTER_FILES)


# -- the record -----------------------------------------------------------------------------------
def read_record(root: Path) -> dict[str, Any]:
    """The template record of the project at ``root``; a one-line error when it is unusable."""
    path = root / RECORD_FILE
    if not path.is_file():
        raise UsageError(
            f"{root} has no {RECORD_FILE}: it was not baked from oss-template, or the record was "
            "deleted (restore it from git; see `oss-checks rule OSS701`)"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{RECORD_FILE} cannot be read: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise UsageError(f"{RECORD_FILE} has no answers object (see `oss-checks rule OSS701`)")
    if not isinstance(data.get("version"), str) or not data["version"].strip():
        raise UsageError(f"{RECORD_FILE} has no version string (see `oss-checks rule OSS701`)")
    return data


def record_text(template: str, version: str, answers: Mapping[str, Any], pending: Any = None) -> str:
    """The record as the template's ``record`` filter writes it (plus a pending update)."""
    document: dict[str, Any] = {"template": template, "version": version, "answers": dict(answers)}
    if pending is not None:
        document[PENDING_KEY] = pending
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _write_record(root: Path, text: str) -> None:
    _write(root / RECORD_FILE, text.encode("utf-8"), mode=None)


# -- diff -----------------------------------------------------------------------------------------
def _read(path: Path) -> bytes | None:
    """A regular file's bytes; None when it is missing, a symlink or unreadable."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _text(data: bytes) -> str | None:
    if b"\0" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _unified(path: str, ours: bytes | None, theirs: bytes) -> tuple[list[str], int, int] | None:
    """(diff lines, added, removed), or None when either side is binary."""
    import difflib

    theirs_text = _text(theirs)
    ours_text = "" if ours is None else _text(ours)
    if theirs_text is None or ours_text is None:
        return None
    lines = []
    added = removed = 0
    for line in difflib.unified_diff(
        ours_text.splitlines(keepends=True),
        theirs_text.splitlines(keepends=True),
        fromfile="/dev/null" if ours is None else f"a/{path}",
        tofile=f"b/{path}",
    ):
        if line.startswith("+") and not line.startswith("+++"):
            added += 1
        elif line.startswith("-") and not line.startswith("---"):
            removed += 1
        # A patch marks a last line without a newline, so `git apply` can use the output.
        lines.append(line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n")
    return lines, added, removed


def run_diff(root: Path, args: argparse.Namespace, cwd: Path) -> int:
    record = read_record(root)
    answers = record["answers"]
    package = str(answers.get("package_name", ""))
    differing: list[tuple[str, str]] = []  # (path, stat line)
    with template_source(args.template, cwd) as source, render(source, answers) as baked:
        version = template_version(source)
        for path, file in sorted(tree(baked).items()):
            if not args.all and is_starter(path, package):
                continue
            ours = _read(root / path)
            theirs = line_endings_like(ours, file.read_bytes())
            if ours == theirs:
                continue
            result = _unified(path, ours, theirs)
            if result is None:
                differing.append((path, "binary, differs"))
                if not args.stat:
                    _out(f"Binary files a/{path} and b/{path} differ")
                continue
            lines, added, removed = result
            where = " (missing here)" if ours is None else ""
            differing.append((path, f"+{added} -{removed}{where}"))
            if not args.stat:
                sys.stdout.write("".join(lines))
    if args.stat:
        width = max((len(path) for path, _ in differing), default=0)
        for path, summary in differing:
            _out(f" {path:<{width}} | {summary}")
    recorded = str(record["version"])
    count = len(differing)
    files = f"{count} managed file{'s' if count != 1 else ''}"
    summary = (
        f"{files} differ{'s' if count == 1 else ''} from oss-template {version}."
        if count
        else f"The managed files match oss-template {version}."
    )
    if recorded != version:
        summary += f" This project records {recorded}: `oss-checks update` merges the template's changes."
    _out(summary, err=True)
    return 1 if count else 0


# -- update: planning -----------------------------------------------------------------------------
@dataclass
class Change:
    """What ``update`` does to one path: ``action`` is one of the keys of ``ACTIONS``."""

    path: str
    action: str
    content: bytes | None = None
    mode: int | None = None
    note: str = ""


ACTIONS = {
    "updated": "the template changed it and you had not: took the new version",
    "merged": "merged the template's changes with yours",
    "conflict": "your edits collide with the template's: resolve the conflict markers",
    "added": "new in this template version",
    "removed": "the template dropped it and you had not changed it",
    "kept": "left as it is",
}


def _blocked(root: Path, path: str) -> bool:
    """Whether ``path`` or a folder on the way to it is a symlink or not what it should be."""
    current = root
    parts = PurePosixPath(path).parts
    for index, part in enumerate(parts):
        current = current / part
        if current.is_symlink():
            return True
        last = index == len(parts) - 1
        if current.exists() and (current.is_dir() if last else not current.is_dir()):
            return True
    return False


def _binary(*contents: bytes | None) -> bool:
    return any(content is not None and _text(content) is None for content in contents)


def line_endings_like(reference: bytes | None, content: bytes) -> bytes:
    """``content`` with CRLF line endings when ``reference`` (the file in the repository) uses them."""
    if reference is None or b"\r\n" not in reference or b"\0" in content:
        return content
    return content.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def merge_file(ours: bytes, base: bytes, theirs: bytes, labels: tuple[str, str, str]) -> tuple[bytes, int]:
    """Three-way merge with ``git merge-file``: (merged bytes, number of conflicts)."""
    import tempfile

    from oss_checks.template import TemplateError

    with tempfile.TemporaryDirectory(prefix="oss-template-merge-") as scratch:
        names = []
        for name, content in (("yours", ours), ("base", base), ("theirs", theirs)):
            (Path(scratch) / name).write_bytes(content)
            names.append(str(Path(scratch) / name))
        command = ["git", "merge-file", "-p", "-L", labels[0], "-L", labels[1], "-L", labels[2], *names]
        try:
            done = subprocess.run(command, capture_output=True, check=False)
        except OSError as exc:
            raise TemplateError(f"the update needs git on PATH: {exc}") from None
    if not 0 <= done.returncode < 128:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
        raise TemplateError(f"git merge-file failed: {reason}")
    return done.stdout, done.returncode


def plan_update(root: Path, base: Path, new: Path, package: str, versions: tuple[str, str]) -> list[Change]:
    """What updating ``root`` from the render ``base`` to the render ``new`` does, path by path."""
    base_files, new_files = tree(base), tree(new)
    labels = (YOURS, f"oss-template {versions[0]}", f"oss-template {versions[1]}")
    changes = []
    for path in sorted(set(base_files) | set(new_files)):
        old = base_files[path].read_bytes() if path in base_files else None
        fresh = new_files[path].read_bytes() if path in new_files else None
        if old == fresh:
            continue  # the template did not change it: whatever the repository has stays
        if _blocked(root, path):
            changes.append(Change(path, "kept", note="not a regular file here (a symlink or a folder)"))
            continue
        target = root / path
        ours = _read(target)
        if ours is None and target.exists():
            changes.append(Change(path, "kept", note="cannot be read here"))
            continue
        # A checkout with CRLF endings (git's autocrlf on Windows) is compared and merged in its
        # own line endings, or every line would look changed.
        old = line_endings_like(ours, old) if old is not None else None
        fresh = line_endings_like(ours, fresh) if fresh is not None else None
        if ours == fresh:
            continue
        starter = is_starter(path, package)
        if fresh is None:
            if ours is not None and ours == old:
                changes.append(Change(path, "removed"))
            elif ours is not None:
                changes.append(Change(path, "kept", note="the template dropped it, but you changed it"))
        elif ours is None:
            if old is None:
                mode = new_files[path].stat().st_mode & 0o777
                changes.append(Change(path, "added", fresh, mode=mode))
            else:
                changes.append(Change(path, "kept", note="deleted here on purpose: not re-created"))
        elif ours == old:
            changes.append(Change(path, "updated", fresh))
        elif starter:
            changes.append(
                Change(path, "kept", note="a starter file you changed: compare with `oss-checks diff --all`")
            )
        elif _binary(old, fresh, ours):
            changes.append(
                Change(path, "kept", note="binary, changed both here and in the template: merge it by hand")
            )
        else:
            merged, conflicts = merge_file(ours, old or b"", fresh, labels)
            if conflicts:
                plural = "s" if conflicts != 1 else ""
                changes.append(Change(path, "conflict", merged, note=f"{conflicts} conflict{plural}"))
            else:
                changes.append(Change(path, "merged", merged))
    return changes


# -- update: applying -----------------------------------------------------------------------------
def _write(target: Path, content: bytes, mode: int | None) -> None:
    """Replace ``target`` in one step, keeping its permissions (or giving it ``mode``)."""
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    scratch = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        if target.exists():
            scratch.chmod(target.stat().st_mode & 0o7777)
        else:
            scratch.chmod(0o755 if mode is not None and mode & 0o111 else 0o644)
        scratch.replace(target)
    finally:
        scratch.unlink(missing_ok=True)


def apply(root: Path, changes: list[Change]) -> None:
    for change in changes:
        target = root / change.path
        if change.action == "removed":
            target.unlink()
            folder = target.parent
            while folder != root and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        elif change.content is not None:
            _write(target, change.content, change.mode)


def _git_state(root: Path) -> str | None:
    """``git status --porcelain`` of the project folder, or None when it is not in a git work tree."""
    from oss_checks.context import run_git

    if (run_git(root, "rev-parse", "--is-inside-work-tree") or "").strip() != "true":
        return None
    return run_git(root, "status", "--porcelain", "--", ".")


def _has_conflict_markers(path: Path) -> bool:
    from oss_checks.rules.drift import conflict_markers

    if not path.is_file() or path.is_symlink():
        return False
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    markdown = path.suffix.lower() in (".md", ".markdown")
    return any(True for _ in conflict_markers(text, markdown=markdown))


def _finish_pending(root: Path, record: Mapping[str, Any], pending: Any, dry_run: bool) -> int:
    """Record the version of an update whose conflicts the user has now resolved."""
    valid = (
        isinstance(pending, dict)
        and isinstance(pending.get("version"), str)
        and isinstance(pending.get("answers"), dict)
        and isinstance(pending.get("conflicts"), list)
        and all(isinstance(path, str) for path in pending["conflicts"])
    )
    if not valid:
        raise UsageError(
            f"{RECORD_FILE} has a malformed {PENDING_KEY}: restore the record from git and run "
            "`oss-checks update` again"
        )
    target = pending["version"]
    remaining = [path for path in pending["conflicts"] if _has_conflict_markers(root / path)]
    if remaining:
        _out(f"The update to oss-template {target} is not finished: conflict markers remain in")
        for path in remaining:
            _out(f"  {path}")
        _out("Resolve them (keep the right lines, delete the markers), then run `oss-checks update` again.")
        return 1
    if dry_run:
        _out(f"The conflicts are resolved: `oss-checks update` would record oss-template {target}.")
        return 0
    _write_record(root, record_text(str(record.get("template", "oss-template")), target, pending["answers"]))
    _out(
        f"Finished the update to oss-template {target}: {RECORD_FILE} records it now. "
        "Review with `git diff`, then commit."
    )
    return 0


def _is_newer(version: str, than: str) -> bool:
    from oss_checks.releases import version_key

    key, other = version_key(version), version_key(than)
    return key is not None and other is not None and key > other


def run_update(root: Path, args: argparse.Namespace, cwd: Path) -> int:
    record = read_record(root)
    if PENDING_KEY in record:
        return _finish_pending(root, record, record[PENDING_KEY], args.dry_run)
    with ExitStack() as stack:
        return _update(root, record, args, cwd, stack)


def _require_clean_git(root: Path) -> None:
    state = _git_state(root)
    if state is None:
        raise UsageError(
            f"{root} is not in a git repository: commit the project first, so the update can be "
            "reviewed and undone"
        )
    if state.strip():
        raise UsageError(
            "the working tree has uncommitted changes: commit or stash them first, so the update "
            "can be reviewed and undone on its own"
        )


def _base_reference(recorded: str, given: str | None) -> str:
    if given is not None:
        return given
    archive = _history_archive(recorded)
    if archive is None:
        raise UsageError(
            f"this oss-checks ships no copy of oss-template {recorded} to merge from: pass "
            f"--from-template with a checkout of it or its wheel (pip download oss-checks=={recorded} --no-deps)"
        )
    return str(archive)


def _update(root: Path, record: dict[str, Any], args: argparse.Namespace, cwd: Path, stack: ExitStack) -> int:
    recorded = str(record["version"]).strip()
    answers = record["answers"]
    to_root = stack.enter_context(template_source(args.to_template, cwd))
    target = template_version(to_root)
    if target == recorded:
        _out(f"Already on oss-template {target}: nothing to update.")
        return 0
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
    base = stack.enter_context(render(from_root, answers))
    new = stack.enter_context(render(to_root, answers))
    new_answers = read_record(new)["answers"]
    changes = plan_update(root, base, new, str(answers.get("package_name", "")), (recorded, target))

    _out(
        f"{'Would update' if args.dry_run else 'Updating'} {root.name} from oss-template {recorded} to {target}"
    )
    for change in changes:
        _out(f"  {change.action:<9} {change.path}  ({change.note or ACTIONS[change.action]})")
    if not changes:
        _out("  no file changes: the template's changes are already here")
    conflicts = [change.path for change in changes if change.action == "conflict"]
    if args.dry_run:
        return 1 if conflicts else 0

    try:
        apply(root, changes)
    except OSError as exc:
        raise UsageError(
            f"the update stopped half-way: {exc}. The tree was clean before it started: "
            "`git restore --staged --worktree . && git clean -fd` undoes it"
        ) from None
    template_name = str(record.get("template", "oss-template"))
    if not conflicts:
        _write_record(root, record_text(template_name, target, new_answers))
        _out(f"Updated to oss-template {target}. Review with `git diff`, then commit.")
        return 0
    pending = {"version": target, "answers": new_answers, "conflicts": conflicts}
    _write_record(root, record_text(template_name, recorded, answers, pending))
    files = f"{len(conflicts)} file{'s' if len(conflicts) != 1 else ''}"
    _out(
        f"{files} need{'s' if len(conflicts) == 1 else ''} your decision: {', '.join(conflicts)}; "
        f"{RECORD_FILE} still records {recorded}."
    )
    _out(
        "Next: resolve the <<<<<<< ======= >>>>>>> blocks (keep the right lines, delete the markers), "
        f"then run `oss-checks update` again to record {target}, and commit."
    )
    return 1


def main(argv: list[str] | None = None) -> int:
    """``python -m oss_checks.update archive``: keep a copy of this template version (at release)."""
    parser = argparse.ArgumentParser(
        prog="python -m oss_checks.update",
        description="Archive the template of this version, so later versions can update projects from it.",
    )
    parser.add_argument("action", choices=["archive"], help="archive: write <version>.zip")
    parser.add_argument("--output-dir", type=Path, default=HISTORY_DIR, help=f"default: {HISTORY_DIR}")
    parser.add_argument("--template", type=Path, default=None, help="default: the template of this checkout")
    args = parser.parse_args(argv)
    from oss_checks.template import TemplateError, template_root

    try:
        path, written = archive_template(args.template or template_root(), args.output_dir)
    except (UsageError, TemplateError) as exc:
        _out(f"oss-checks: error: {exc}", err=True)
        return 2
    size = path.stat().st_size // 1024
    _out(f"{'Wrote' if written else 'Up to date:'} {path} ({size} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
