"""``oss-checks diff``: how the managed files differ from what the template bakes today."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from drifting import NEW, OLD, append, bake, run_cli
from oss_checks.template import template_root

pytestmark = pytest.mark.usefixtures("private_home")


# -- diff -----------------------------------------------------------------------------------------
@pytest.mark.slow
def test_diff_of_a_fresh_bake_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = bake(template_root(), tmp_path)
    code, out, err = run_cli(capsys, "diff", str(root))
    assert (code, out) == (0, "")
    assert err == f"The managed files match oss-template {NEW}.\n"


@pytest.mark.slow
def test_a_crlf_checkout_is_not_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = bake(template_root(), tmp_path)
    for name in ("CONTRIBUTING.md", "noxfile.py"):
        target = root / name
        target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n"))  # git's autocrlf on Windows
    code, out, _ = run_cli(capsys, "diff", str(root))
    assert (code, out) == (0, "")


@pytest.mark.slow
def test_diff_shows_managed_edits_and_applies_as_a_patch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = bake(template_root(), tmp_path)
    append(root / "CONTRIBUTING.md", "## Our notes\n")
    (root / "CITATION.cff").unlink()
    (root / "tests/test_metrics.py").write_text("def test_ours() -> None:\n    assert True\n", "utf-8")

    code, out, err = run_cli(capsys, "diff", str(root), "--stat")
    assert code == 1
    citation, contributing = out.splitlines()
    assert citation.startswith(" CITATION.cff    | +")
    assert citation.endswith(" -0 (missing here)")
    assert contributing == " CONTRIBUTING.md | +0 -1"
    assert err == f"2 managed files differ from oss-template {NEW}.\n"

    code, out, _ = run_cli(capsys, "diff", str(root))
    assert "--- a/CONTRIBUTING.md\n+++ b/CONTRIBUTING.md\n" in out
    assert "-## Our notes\n" in out
    assert "--- /dev/null\n+++ b/CITATION.cff\n" in out
    assert "test_metrics" not in out  # a starter file: the team replaces it
    assert "tests/test_metrics.py" in run_cli(capsys, "diff", str(root), "--all")[1]

    # The diff is a patch from the repository to the template.
    subprocess.run(["git", "-C", str(root), "apply"], input=out, text=True, check=True)
    assert run_cli(capsys, "diff", str(root))[0] == 0


@pytest.mark.slow
def test_diff_of_a_project_behind_says_so(
    old_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = bake(old_template, tmp_path)
    code, out, err = run_cli(capsys, "diff", str(root))
    assert code == 1
    assert "-# maintained by oss-template 0.0.9\n" in out
    assert f"This project records {OLD}: `oss-checks update` merges the template's changes." in err
