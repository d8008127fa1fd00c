"""Copies of the template: the one shipped with oss-checks, a checkout, an archive or a wheel.

The template's files are the same wherever they come from: ``cookiecutter.json``, the
Jinja extension ``oss_template_jinja.py``, ``hooks/``, the project folder, the ``bake.py``
(with the package's ``__init__.py``) the hooks load, and what copier reads (``copier.yml``
and ``oss_template_copier.py``; copies from before copier support have neither). :func:`template_files`
lists them in a checkout's layout; :func:`template_source` opens any copy as a folder in
that layout, unpacking archives and wheels safely (no paths outside the folder, a size
limit) into a scratch folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path, PurePosixPath

from oss_checks.errors import TemplateError, UsageError
from oss_checks.patterns import lazy

PACKAGE_DIR = Path(__file__).resolve().parent
#: One archive per released template version (``python -m oss_checks.archive`` writes them).
HISTORY_DIR = PACKAGE_DIR / "_template_history"
PROJECT_DIR = "{{cookiecutter.project_slug}}"
#: What a template copy holds, relative to its root (a checkout's layout).
TEMPLATE_FILES = ("cookiecutter.json", "oss_template_jinja.py")
TEMPLATE_DIRS = ("hooks", PROJECT_DIR)
#: What copier bakes and updates with, besides the files above; optional, since the copies
#: of releases from before copier support (the 0.1.0 archive) do not hold them.
COPIER_FILES = ("copier.yml", "oss_template_copier.py")
#: The hooks load the logic of the template version they ship with from here.
BAKE_FILES = ("checks/oss_checks/__init__.py", "checks/oss_checks/bake.py")
WHEEL_TEMPLATE = "oss_checks/_template/"
#: Unpacking a template copy stops past this size: a template is a few hundred kB.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
SKIPPED_NAMES = frozenset({"__pycache__", ".DS_Store"})
_VERSION = lazy(r"[0-9A-Za-z][0-9A-Za-z.+_-]*")


@cache
def template_root() -> Path:
    """The folder holding ``cookiecutter.json``: inside the wheel, else this repository."""
    for candidate in (PACKAGE_DIR / "_template", PACKAGE_DIR.parent.parent):
        if (candidate / "cookiecutter.json").is_file():
            return candidate
    raise TemplateError("the oss-template files are not installed with this copy of oss-checks")


def template_version(root: Path) -> str:
    """The ``_template_version`` a copy of the template declares."""
    try:
        data = json.loads((root / "cookiecutter.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(
            f"{root} is not a copy of oss-template: cannot read cookiecutter.json ({exc})"
        ) from None
    version = data.get("_template_version") if isinstance(data, dict) else None
    if not isinstance(version, str) or not _VERSION.fullmatch(version.strip()):
        raise UsageError(f"{root}/cookiecutter.json has no _template_version")
    return version.strip()


def template_files(root: Path) -> dict[str, Path]:
    """Name in a checkout's layout -> file, for every file of the template at ``root``."""
    files: dict[str, Path] = {}
    for name in TEMPLATE_FILES:
        if not (root / name).is_file():
            raise UsageError(f"{root} is not a copy of oss-template: {name} is missing")
        files[name] = root / name
    for name in COPIER_FILES:
        if (root / name).is_file():
            files[name] = root / name
    for folder in TEMPLATE_DIRS:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root)
            if (
                path.is_file()
                and not SKIPPED_NAMES & set(relative.parts)
                and path.suffix not in (".pyc", ".pyo")
            ):
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


def history_archive(version: str) -> Path | None:
    """The archive of a released template version shipped with oss-checks, if there is one."""
    if not _VERSION.fullmatch(version):
        return None
    candidate = HISTORY_DIR / f"{version}.zip"
    return candidate if candidate.is_file() else None


@contextmanager
def template_source(reference: str | None, cwd: Path) -> Iterator[Path]:
    """A folder holding the template: the shipped one, a folder, or an unpacked archive or wheel."""
    import tempfile

    if reference is None:
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


def _unpacked_name(name: str, *, wheel: bool) -> str | None:
    if not wheel:
        return name
    if name.startswith(WHEEL_TEMPLATE):
        return name[len(WHEEL_TEMPLATE) :]
    if name in ("oss_checks/__init__.py", "oss_checks/bake.py"):
        return f"checks/{name}"
    return None


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
                if SKIPPED_NAMES & set(parts) or relative.endswith((".pyc", ".pyo")):
                    continue
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
