"""Data and path rules (OSS401-OSS405).

The machine-specific paths below are test input; the repository's own configuration
ignores OSS401 for this file.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import Check, MakeRepo, Run
from oss_checks.registry import Finding

DATA_IGNORE = "/data/**\n!/data/**/\n!/data/**/README.md\n"
ANALYSIS_README = {
    "data/README.md": "Data.\n",
    "data/raw/README.md": "Raw.\n",
    "notebooks/README.md": "Notebooks.\n",
}


def nb(*cells: dict[str, Any]) -> str:
    metadata = {"kernelspec": {"name": "python3"}, "language_info": {"name": "python"}}
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": metadata, "cells": list(cells)})


def code(source: str, outputs: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "source": source.splitlines(keepends=True),
        "outputs": outputs or [],
    }


def stream(text: str) -> dict[str, Any]:
    return {"output_type": "stream", "name": "stdout", "text": text}


def located(findings: list[Finding]) -> list[tuple[str, int | None, int, int]]:
    return sorted((f.path, f.cell, f.line, f.col) for f in findings)


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


# -- OSS401 hardcoded-path: Python files ---------------------------------------------------

SCRIPT = '''\
"""Load the sales data from /home/ana/sales (docstrings are documentation)."""
import pandas as pd

# the file used to live in /Users/ana/Downloads
RAW = pd.read_csv("/Users/ana/Downloads/sales.csv")
MODEL = r"C:\\Users\\ana\\models\\churn.pkl"
ESCAPED = "D:\\\\projects\\\\churn"
SHARE = "/mnt/team-share/sales.parquet"
USB = ("x", '/Volumes/USB/export.xlsx')
HOME = "~/data/sales.csv"
OK = ["/usr/share/dict", "/tmp/x", "/etc/hosts", "/dev/null", "/proc/1", "https://host/home/ana", "data/raw/x"]
BUILT = f"{ROOT}/home/sub"
'''


def test_paths_in_python_strings_are_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"scripts/load.py": SCRIPT})
    findings = check(root, "OSS401")
    assert located(findings) == [
        ("scripts/load.py", None, 5, 20),
        ("scripts/load.py", None, 6, 11),
        ("scripts/load.py", None, 7, 12),
        ("scripts/load.py", None, 8, 10),
        ("scripts/load.py", None, 9, 14),
        ("scripts/load.py", None, 10, 9),
    ]
    messages = {f.line: f.message for f in findings}
    assert messages[5].startswith(
        "hard-coded path '/Users/ana/Downloads/sales.csv' points into someone's home"
    )
    assert "C:\\Users\\ana\\models\\churn.pkl' points into someone's home folder" in messages[6]
    assert "a Windows drive" in messages[7]
    assert "a drive mounted on one computer" in messages[8]
    assert "the home folder of whoever runs it" in messages[10]
    assert "environment variable from .env" in messages[5]


def test_clean_python_file_passes(make_repo: MakeRepo, check: Check) -> None:
    clean = 'from pathlib import Path\n\nDATA = Path(__file__).parent / "data" / "raw"\nTAB = "a:\\tb"\n'
    root = make_repo({"src/pkg/load.py": clean})
    assert check(root, "OSS401") == []


def test_message_names_the_projects_paths_module(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            "src/churn/__init__.py": "",
            "src/churn/paths.py": "from pathlib import Path\n",
            "src/churn/load.py": 'RAW = "/home/ana/raw.csv"\n',
        }
    )
    assert "(churn.paths)" in only(check(root, "OSS401")).message


def test_python_that_does_not_tokenize_is_still_scanned(make_repo: MakeRepo, check: Check) -> None:
    broken = 'x = 1\ny = """start\n/home/ana/x.csv\n'
    root = make_repo({"broken.py": broken})
    assert located(check(root, "OSS401")) == [("broken.py", None, 3, 1)]


def test_inline_suppression_in_a_python_file(make_repo: MakeRepo, run_checks: Run) -> None:
    script = 'A = "/home/ana/a.csv"  # oss-checks: ignore[OSS401] shared server path\nB = "/home/ana/b.csv"\n'
    root = make_repo({"load.py": script})
    result = run_checks(root, "OSS401")
    assert located(result.findings) == [("load.py", None, 2, 6)]
    assert [(i.finding.line, i.reason) for i in result.ignored] == [(1, "shared server path")]


def test_per_path_ignores(make_repo: MakeRepo, run_checks: Run) -> None:
    pyproject = '[tool.oss-checks.per-path-ignores]\n"scripts/**" = { OSS401 = "run on the cluster only" }\n'
    root = make_repo(
        {
            "scripts/a.py": 'A = "/mnt/cluster/a"\n',
            "b.py": 'B = "/mnt/cluster/b"\n',
            "pyproject.toml": pyproject,
        }
    )
    result = run_checks(root, "OSS401")
    assert [f.path for f in result.findings] == ["b.py"]
    assert [(i.finding.path, i.reason) for i in result.ignored] == [
        ("scripts/a.py", "run on the cluster only")
    ]


@pytest.mark.parametrize(
    "path",
    [
        "tests/test_paths.py",
        "src/pkg/sub/tests/test_io.py",
        "src/pkg/conftest.py",
        "test_load.py",
        "src/pkg/_vendor/six.py",
        "third_party/lib/io.py",
        "cirtorch/datasets/traindataset.py",
        "archive/examples/old_script.py",
    ],
)
def test_tests_vendored_and_retired_code_are_not_the_projects_paths(
    make_repo: MakeRepo, check: Check, path: str
) -> None:
    root = make_repo({path: 'RAW = r"C:\\new\\tools"\nX = "/mnt/fry2/users/datasets/x"\n', "cirtorch/LICENSE": "MIT"})
    assert check(root, "OSS401") == []


@pytest.mark.parametrize(
    "value",
    [
        "~/.cache/torch/x.pt",
        "~/.kaggle/kaggle.json",
        "~/anaconda3/bin/activate",
        "/home/runner/work/x",
        "/home/user/data.csv",
        "C:\\\\Program Files\\\\R\\\\bin",
        "C:/Windows/Fonts/arial.ttf",
        "/usr/local/lib/x",
    ],
)
def test_paths_the_same_on_every_computer_pass(make_repo: MakeRepo, check: Check, value: str) -> None:
    root = make_repo({"load.py": f'X = "{value}"\n'})
    assert check(root, "OSS401") == []


def test_drive_paths_keep_blanks_and_formats_are_no_drives(make_repo: MakeRepo, check: Check) -> None:
    script = 'A = r"D:\\Team Share\\sales 2024.xlsx"\nB = "K:\\t%s\\n"\nC = r"M:\\josef\\ologit.dta"\n'
    root = make_repo({"scripts/load.py": script})
    findings = check(root, "OSS401")
    assert [f.line for f in findings] == [1, 3]
    assert "'D:\\Team Share\\sales 2024.xlsx' points into a Windows drive" in findings[0].message


# -- OSS401 hardcoded-path: notebooks ------------------------------------------------------

NOTEBOOK = "notebooks/1.0-abc-x.ipynb"


def test_paths_in_notebook_cells(make_repo: MakeRepo, check: Check) -> None:
    notebook = nb(
        {"cell_type": "markdown", "metadata": {}, "source": "Data is in /home/ana/data"},
        code("import pandas as pd\n\ndf = pd.read_csv('/home/ana/sales.csv')\n"),
        code("%matplotlib inline\n!cp /media/ana/usb/x.csv data/raw/\nfiles = !ls ~/exports\n"),
        code("%%bash\ncd /Volumes/Team\n"),
        code("# /home/ana/ only in a comment\nx = 1\n"),
    )
    root = make_repo({NOTEBOOK: notebook})
    assert located(check(root, "OSS401")) == [
        (NOTEBOOK, 2, 3, 19),
        (NOTEBOOK, 3, 2, 5),
        (NOTEBOOK, 3, 3, 13),
        (NOTEBOOK, 4, 2, 4),
    ]


def _traceback_error(*frames: str) -> dict[str, Any]:
    return {
        "output_type": "error",
        "ename": "FileNotFoundError",
        "evalue": "no file",
        "traceback": ["\x1b[0;31mFileNotFoundError\x1b[0m  Traceback (most recent call last)"]
        + [f"File \x1b[0;32m{frame}\x1b[0m" for frame in frames],
    }


def test_output_showing_the_folder_the_code_hard_codes_once_per_cell(make_repo: MakeRepo, check: Check) -> None:
    # The case of a team's EDA notebook: the code reads the project from one server's home
    # folder, and a warning in a later output shows the virtual environment inside it.
    error = _traceback_error(
        "/home/ana/project/.venv/lib/python3.11/site-packages/pandas/io/common.py:873",
        "/home/ana/project/.venv/lib/python3.11/site-packages/pandas/io/parsers.py:12",
    )
    notebook = nb(
        code("DATA = '/home/ana/project/data/processed/'"),
        code("df = load()", [stream("loading\n"), error]),
        code("print(x)", [stream("saved to ~/results and https://host/home/x\n")]),
    )
    root = make_repo({NOTEBOOK: notebook})
    findings = check(root, "OSS401")
    assert located(findings) == [(NOTEBOOK, 1, 1, 9), (NOTEBOOK, 2, 4, 6)]
    output = findings[1].message
    assert output.startswith("output of cell 2 shows '/home/ana/project/.venv/lib/python3.11/site-packa")
    assert "a folder of one computer that this notebook's code hard-codes" in output
    assert "run the notebook again or clear this output" in output


def test_outputs_alone_are_where_the_notebook_ran_not_a_fault(make_repo: MakeRepo, check: Check) -> None:
    # Library warnings, download logs and printed results of paths the code built correctly.
    warning = stream("/Users/ana/miniforge3/lib/python3.9/site-packages/sklearn/x.py:12: FutureWarning\n")
    created = stream("Creating /Users/ana/Code/project/outputs/figures directory\n")
    notebook = nb(
        code("import sklearn", [warning]),
        code("save(PROJECT_DIR / 'outputs')", [created]),
        code("other = '/home/bob/elsewhere/x.csv'", [stream("/Users/ana/Code/project/x\n")]),
    )
    root = make_repo({NOTEBOOK: notebook})
    assert located(check(root, "OSS401")) == [(NOTEBOOK, 3, 1, 10)]


@pytest.mark.parametrize(
    "output",
    [
        "/Users/runner/work/xgboost/xgboost/src/learner.cc:767: Parameters: { silent } are not used.",
        "/home/jovyan/ch13/lightning_logs/version_0/checkpoints/epoch=9.ckpt",
        "C:\\Users\\runneradmin\\x.py:1: Warning",
    ],
)
def test_generic_users_in_outputs_are_nobody_in_particular(
    make_repo: MakeRepo, check: Check, output: str
) -> None:
    notebook = nb(code("x = '/home/runner/x'\ny = '/home/jovyan/y'", [stream(output)]))
    root = make_repo({NOTEBOOK: notebook})
    assert check(root, "OSS401") == []


@pytest.mark.parametrize(
    ("metadata", "where"),
    [
        (
            {"kernelspec": {"name": "python3", "display_name": "Python 3 (/home/ana/anaconda3/envs/x)"}},
            "metadata.kernelspec.display_name",
        ),
        ({"interpreter": {"path": "C:\\Users\\ana\\anaconda3\\python.exe"}}, "metadata.interpreter.path"),
        ({"vscode": {"interpreter": {"path": ["/Users/ana/.venv/bin/python"]}}}, "metadata.vscode.interpreter.path[0]"),
    ],
)
def test_paths_in_notebook_metadata(
    make_repo: MakeRepo, check: Check, metadata: dict[str, Any], where: str
) -> None:
    document = json.loads(nb(code("x = 1")))
    document["metadata"].update(metadata)
    root = make_repo({NOTEBOOK: json.dumps(document)})
    finding = only(check(root, "OSS401"))
    assert (finding.cell, finding.line) == (None, 0)
    assert f"notebook metadata {where} records '" in finding.message
    assert "select the kernel by name" in finding.message


def test_generic_metadata_paths_pass(make_repo: MakeRepo, check: Check) -> None:
    document = json.loads(nb(code("x = 1")))
    document["metadata"]["kernelspec"]["display_name"] = "Python 3.9.12 ('base')"
    document["metadata"]["interpreter"] = {"path": "/home/jovyan/conda/bin/python"}
    root = make_repo({NOTEBOOK: json.dumps(document)})
    assert check(root, "OSS401") == []


def test_inline_suppression_in_a_notebook_cell(make_repo: MakeRepo, run_checks: Run) -> None:
    source = (
        "a = '/mnt/shared/a'  # oss-checks: ignore[OSS401] the team's mounted share\nb = '/mnt/shared/b'\n"
    )
    root = make_repo({NOTEBOOK: nb(code("x = 1"), code(source))})
    result = run_checks(root, "OSS401")
    assert located(result.findings) == [(NOTEBOOK, 2, 2, 6)]
    assert [(i.finding.cell, i.finding.line, i.reason) for i in result.ignored] == [
        (2, 1, "the team's mounted share")
    ]


def test_same_path_in_two_cells_is_reported_twice(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({NOTEBOOK: nb(code("a = '/home/ana/a'"), code("a = '/home/ana/a'"))})
    assert located(check(root, "OSS401")) == [(NOTEBOOK, 1, 1, 6), (NOTEBOOK, 2, 1, 6)]


def test_invalid_notebook_is_left_to_oss301(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({NOTEBOOK: '{"cells": ["/home/ana"'})
    assert check(root, "OSS401") == []


# -- OSS402 data-file-location -------------------------------------------------------------


def test_data_files_in_data_folders_pass(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            "data/raw/sales.csv": "a,b\n",
            "tests/data/small.parquet": b"PAR1",
            "tests/fixtures/x.json": "{}",
            "docs/example.xlsx": b"PK",
            "src/pkg/config.json": "{}",
        }
    )
    assert check(root, "OSS402") == []


@pytest.mark.parametrize(
    "path", ["sales.csv", "notebooks/model.pkl", "src/pkg/lookup.parquet", "exports/a.csv.gz", "x/DB.SQLite"]
)
def test_data_files_elsewhere_are_reported(make_repo: MakeRepo, check: Check, path: str) -> None:
    root = make_repo({path: b"1,2\n"})
    finding = only(check(root, "OSS402"))
    assert (finding.code, finding.path, finding.line, finding.col) == ("OSS402", path, 0, 0)
    assert "outside the data folders (data/, tests/data/, tests/fixtures/, docs/)" in finding.message


def test_data_locations_and_extensions_are_configurable(make_repo: MakeRepo, check: Check) -> None:
    pyproject = (
        "[tool.oss-checks.options.data-file-location]\n"
        'allowed-folders = ["inputs", "src/*/resources"]\n'
        'extensions = ["json", ".CSV"]\n'
    )
    root = make_repo(
        {
            "inputs/a.json": "{}",
            "src/pkg/resources/b.csv": "x\n",
            "data/raw/c.json": "{}",
            "model.pkl": b"\x80",
            "pyproject.toml": pyproject,
        }
    )
    assert [f.path for f in check(root, "OSS402")] == ["data/raw/c.json"]


def test_symlink_to_data_is_not_a_data_file(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"data/raw/sales.csv": "a\n"}, git_init=False)
    (root / "sales.csv").symlink_to("data/raw/sales.csv")
    assert check(root, "OSS402") == []


# -- OSS403 large-file ---------------------------------------------------------------------


def test_small_files_pass(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"data.bin": b"x" * 1024 * 1024})
    assert check(root, "OSS403") == []


def test_large_committed_file_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"models/model.bin": b"x" * (1024 * 1024 + 1), "small.txt": "x"}, commit=True)
    finding = only(check(root, "OSS403"))
    assert (finding.code, finding.path, finding.line) == ("OSS403", "models/model.bin", 0)
    assert "file is 1.0 MB, over the 1024 KB limit" in finding.message
    assert "Git LFS or DVC" in finding.message


def test_size_limit_is_configurable(make_repo: MakeRepo, check: Check) -> None:
    pyproject = "[tool.oss-checks.options.large-file]\nmax-kb = 2\n"
    root = make_repo({"a.txt": "x" * 2048, "b.txt": "x" * 3000, "pyproject.toml": pyproject})
    finding = only(check(root, "OSS403"))
    assert finding.path == "b.txt"
    assert "file is 3 KB, over the 2 KB limit" in finding.message


@pytest.mark.parametrize("git_init", [True, False])
def test_files_stored_in_git_lfs_pass(make_repo: MakeRepo, check: Check, git_init: bool) -> None:
    pyproject = "[tool.oss-checks.options.large-file]\nmax-kb = 1\n"
    files = {
        ".gitattributes": "*.parquet filter=lfs diff=lfs merge=lfs -text\n",
        "data/big.parquet": b"x" * 4096,
        "big.csv": "x" * 4096,
        "pyproject.toml": pyproject,
    }
    root = make_repo(files, git_init=git_init)
    assert [f.path for f in check(root, "OSS403")] == ["big.csv"]


# -- OSS404 data-folder-ignored ------------------------------------------------------------


def test_data_folder_with_the_recommended_ignore_lines_passes(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".gitignore": DATA_IGNORE, **ANALYSIS_README})
    (root / "data/interim").mkdir()
    assert check(root, "OSS404") == []


def test_missing_ignore_rule_is_reported_on_gitignore(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".gitignore": "__pycache__/\n", **ANALYSIS_README})
    finding = only(check(root, "OSS404"))
    assert (finding.code, finding.path, finding.line, finding.col) == ("OSS404", ".gitignore", 0, 0)
    assert "git does not ignore data files in data/" in finding.message
    assert "`/data/**`, `!/data/**/`, `!/data/**/README.md`" in finding.message


def test_ignore_rule_that_hides_the_readmes_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".gitignore": "data/\n", "notebooks/README.md": "x\n"})
    finding = only(check(root, "OSS404"))
    assert "git ignores data/README.md" in finding.message


def test_extension_based_ignore_rules_are_not_enough(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".gitignore": "*.csv\n", **ANALYSIS_README})
    assert "e.g. data/example.parquet" in only(check(root, "OSS404")).message


def test_committed_data_files_under_data_are_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            ".gitignore": DATA_IGNORE,
            "data/raw/sales.csv": "a\n",
            "data/raw/x.dvc": "outs:\n",
            **ANALYSIS_README,
        }
    )
    subprocess.run(
        ["git", "-C", str(root), "add", "-f", "data/raw/sales.csv"], check=True, capture_output=True
    )
    finding = only(check(root, "OSS404"))
    assert (finding.path, finding.line) == ("data/raw/sales.csv", 0)
    assert "git rm --cached data/raw/sales.csv" in finding.message


def test_library_without_data_folder_is_not_checked(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"src/pkg/__init__.py": "", ".gitignore": ""})
    assert check(root, "OSS404") == []


def test_dvc_repositories_manage_their_own_ignores(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".dvc/config": "", "data/README.md": "x\n", "data/.gitignore": "/sales.csv\n"})
    assert check(root, "OSS404") == []


@pytest.mark.parametrize(
    ("gitignore", "expected"),
    [
        (DATA_IGNORE, None),
        ("data/*\n!data/*/\n!data/**/README.md\n", None),
        ("", "no rule that keeps data/ out of git"),
        ("/data/\n!data/README.md\n", "hides the READMEs"),
        ("data/**\n", "hides the READMEs"),
    ],
)
def test_without_git_the_gitignore_text_is_read(
    make_repo: MakeRepo, check: Check, gitignore: str, expected: str | None
) -> None:
    root = make_repo({".gitignore": gitignore, **ANALYSIS_README}, git_init=False)
    findings = check(root, "OSS404")
    if expected is None:
        assert findings == []
    else:
        assert expected in only(findings).message


# -- OSS405 env-file-tracked ---------------------------------------------------------------


def test_env_templates_pass(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {".env.example": "A=\n", ".env.sample": "A=\n", "config/.env.template": "A=\n", ".envrc": "x"}
    )
    assert check(root, "OSS405") == []


@pytest.mark.parametrize("path", [".env", ".env.local", "services/api/.env.production"])
def test_committed_env_files_are_reported(make_repo: MakeRepo, check: Check, path: str) -> None:
    root = make_repo({path: "DB_PASSWORD=x\n"})
    finding = only(check(root, "OSS405"))
    assert (finding.code, finding.path, finding.line) == ("OSS405", path, 0)
    assert f"git rm --cached {path}`, add {Path(path).name} to .gitignore" in finding.message


def test_committed_env_file_that_is_ignored_needs_only_removal(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".env": "A=1\n"})
    (root / ".gitignore").write_text(".env\n", encoding="utf-8")
    message = only(check(root, "OSS405")).message
    assert "git rm --cached .env` and replace" in message


def test_untracked_env_file_that_is_not_ignored_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"README.md": "x\n"})
    (root / ".env").write_text("A=1\n", encoding="utf-8")
    assert "not ignored, so the next commit can publish its secrets" in only(check(root, "OSS405")).message
    (root / ".gitignore").write_text(".env\n", encoding="utf-8")
    assert check(root, "OSS405") == []
