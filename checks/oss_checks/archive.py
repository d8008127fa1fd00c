"""``python -m oss_checks.archive``: keep a copy of this template version, at each release.

``oss-checks update`` merges a project from the version it was baked from, so it needs
that version's template: each release ships ``_template_history/<version>.zip``, about
60 kB, written by this module. The archive is byte-for-byte reproducible (sorted names,
fixed dates), so an archive that exists already must be identical: a released
version's copy is never rewritten.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from oss_checks.errors import UserError
from oss_checks.fixes import write_atomic
from oss_checks.template import HISTORY_DIR, template_files, template_root, template_version

ARCHIVE_DATE = (1980, 1, 1, 0, 0, 0)


def archive_bytes(source: Path) -> bytes:
    """The reproducible zip of the template at ``source``."""
    import io

    buffer = io.BytesIO()
    files = template_files(source)
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ARCHIVE_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            executable = files[name].stat().st_mode & 0o111
            info.external_attr = (0o100755 if executable else 0o100644) << 16
            bundle.writestr(info, files[name].read_bytes(), compresslevel=9)
    return buffer.getvalue()


def archive_template(source: Path, output_dir: Path) -> tuple[Path, bool]:
    """Write ``<version>.zip`` of the template at ``source``; (path, whether it was written)."""
    version = template_version(source)
    fresh = archive_bytes(source)
    target = output_dir / f"{version}.zip"
    if target.exists():
        if target.read_bytes() == fresh:
            return target, False
        raise UserError(
            f"{target} exists and differs from the template {version} here: a released "
            "version's archive is never rewritten (bump _template_version first)"
        )
    output_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(output_dir, target.name, fresh, exclusive=True)
    return target, True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m oss_checks.archive",
        description="Archive the template of this version, so later versions can update projects from it.",
    )
    parser.add_argument("--output-dir", type=Path, default=HISTORY_DIR, help=f"default: {HISTORY_DIR}")
    parser.add_argument("--template", type=Path, default=None, help="default: the template of this checkout")
    args = parser.parse_args(argv)
    try:
        path, written = archive_template(args.template or template_root(), args.output_dir)
    except (UserError, OSError) as exc:
        sys.stderr.write(f"oss-checks: error: {exc}\n")
        return 2
    size = path.stat().st_size // 1024
    sys.stdout.write(f"{'Wrote' if written else 'Up to date:'} {path} ({size} kB)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
