"""Data and path rules (OSS401-OSS405).

The machine-specific paths below are test input; the repository's own configuration
ignores OSS401 for this file.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import Check, MakeRepo, Run, git
from oss_checks import engine
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


R_SCRIPT = """\
#' Load the survey (roxygen: /Users/ana/old is documentation)
library(here)
setwd("C:/Users/ana/Documents/survey")  # the classic
raw <- read.csv(r"(C:\\Users\\ana\\Downloads\\survey.csv)")
query <- "SELECT *
  FROM responses"
ok <- read.csv(here("data", "raw", "survey.csv"))
tmp <- "/tmp/cache"
"""

R_MARKDOWN = """\
---
title: Survey
---

The data came from /Users/ana/Downloads (prose says nothing).

```{r setup, include=FALSE}
knitr::opts_knit$set(root.dir = "~/projects/survey")
```

```r
# shown, not run: /home/ana/x
read.csv("/home/ana/x.csv")
```
"""


def test_paths_in_r_scripts_r_markdown_chunks_and_shell_scripts_are_reported(
    make_repo: MakeRepo, check: Check
) -> None:
    run_record = 'setwd("/home/ana/study/evaluation/results/run_01")\nfit <- 1\n'  # the harness wrote it
    files = {
        "R/load.R": R_SCRIPT,
        "reports/survey.Rmd": R_MARKDOWN,
        "site/index.qmd": R_MARKDOWN,
        "evaluation/results/run_01/script.R": run_record,
        "outputs/run_02/script.py": 'import os\nos.chdir("/home/ana/study")\n',
        "renv/activate.R": 'root <- "~/Library/Caches/org.R-project.R/R/renv"\n',  # renv's own bootstrap
        "scripts/ingest.sh": "bq load trips /Volumes/USB/trips.parquet  # from the stick\n",
    }
    findings = check(make_repo(files), "OSS401")
    assert located(findings) == [
        ("R/load.R", None, 3, 8),
        ("R/load.R", None, 4, 20),
        ("reports/survey.Rmd", None, 8, 34),
        ("scripts/ingest.sh", None, 1, 15),
        ("site/index.qmd", None, 8, 34),
    ]
    assert "'C:\\Users\\ana\\Downloads\\survey.csv' points" in findings[1].message
    assert "here::here() in R" in findings[0].message


def test_option_defaults_and_system_folders_are_not_one_persons_paths(
    make_repo: MakeRepo, check: Check
) -> None:
    """The caller overrides a default (the README runs `--data-dir DATA`); C:\\etc is the same everywhere."""
    cli = (
        "import argparse, os\n"
        "parser = argparse.ArgumentParser()\n"
        'parser.add_argument("--data-dir", default="/mnt/lab/videos")\n'
        "class Clips:\n"
        '    def __init__(self, root="/home/bob/clips"):\n'
        "        self.root = root\n"
        "def config_dir():\n"
        "    if os.name == 'nt':\n"
        "        return r'C:\\etc\\mytool'\n"
        "    return '/etc/mytool'\n"
        'TOOL = r"C:\\Program Files\\Tool\\tool.exe"\n'
        'RAW = "/Users/alice/Downloads/clips.csv"\n'
        'OUT = r"C:\\Users\\carol\\out"\n'
        'OLD = "/home/bob/old.csv"\n'
        'CPS = Path(\n    "/Users/alice/us-data/storage/cps_2023.h5"\n)\n'  # read only by the default below
        'parser.add_argument("--dataset", default=str(CPS))\n'
        'SHOWN = "/Users/alice/shown.csv"\n'
        'parser.add_argument("--shown", default=SHOWN)\n'
        "print(SHOWN)\n"  # read elsewhere too: a path the code uses
    )
    root = make_repo({"pipeline/prepare.py": cli})
    assert located(check(root, "OSS401")) == [
        ("pipeline/prepare.py", None, 12, 8),
        ("pipeline/prepare.py", None, 13, 9),
        ("pipeline/prepare.py", None, 14, 8),
        ("pipeline/prepare.py", None, 19, 10),
    ]


def test_clean_python_file_passes(make_repo: MakeRepo, check: Check) -> None:
    clean = 'from pathlib import Path\n\nDATA = Path(__file__).parent / "data" / "raw"\nTAB = "a:\\tb"\n'
    root = make_repo({"src/pkg/load.py": clean})
    assert check(root, "OSS401") == []


def test_the_prefix_of_an_exported_conda_environment_is_reported(make_repo: MakeRepo, check: Check) -> None:
    exported = "name: churn\nchannels:\n  - conda-forge\ndependencies:\n  - pandas=2.2\nprefix: /home/alice/miniconda3/envs/churn\n"
    files = {"environment.yml": exported, "build/conda_environment.yml": exported, "env.yaml": exported}
    findings = check(make_repo(files), "OSS401")
    assert [(f.path, f.line) for f in findings] == [
        ("build/conda_environment.yml", 6),
        ("env.yaml", 6),
        ("environment.yml", 6),
    ]
    assert "conda env create" in findings[0].message
    # The same everywhere, or not a prefix at all: nothing to say.
    quiet = {
        "environment.yml": "name: x\ndependencies:\n  - python=3.12\n",
        "environment-ci.yaml": "name: x\nprefix: /opt/conda/envs/x\n",
        "envs/environment-binder.yml": "name: x\nprefix: /home/jovyan/envs/x\n",
        "conda/notes.yml": "prefix: /home/alice/miniconda3\n",  # not an environment file
        "environment-nested.yml": "variables:\n  prefix: /home/alice/x\n",  # not the top-level key
        "conda-build.yml": "prefix: /home/alice/build\noutputs: []\n",  # no dependencies: not an environment
    }
    assert check(make_repo(quiet), "OSS401") == []


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
    root = make_repo(
        {path: 'RAW = r"C:\\new\\tools"\nX = "/mnt/fry2/users/datasets/x"\n', "cirtorch/LICENSE": "MIT"}
    )
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


def test_output_showing_the_folder_the_code_hard_codes_once_per_cell(
    make_repo: MakeRepo, check: Check
) -> None:
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


def test_a_databricks_workspace_mount_is_no_one_computers_drive(make_repo: MakeRepo, check: Check) -> None:
    export = (
        '# Databricks notebook source\ndf = spark.read.parquet("/mnt/lab/unrestricted/elm/output.parquet")\n'
    )
    assert check(make_repo({"notebooks/etl.py": export}), "OSS401") == []
    plain = export.removeprefix("# Databricks notebook source\n")
    assert [f.code for f in check(make_repo({"etl.py": plain}), "OSS401")] == ["OSS401"]
    # A Databricks Asset Bundle's code and notebooks read Unity Catalog volumes and mounts.
    volume = 'df = spark.read.csv("/Volumes/edu/silver/inputs/students.csv")\n'
    bundle = {
        "databricks.yml": "bundle:\n  name: pipeline\n",
        "src/load.py": volume,
        "notebooks/explore.ipynb": nb(code(volume)),
    }
    assert check(make_repo(bundle), "OSS401") == []
    # A bundle beside one pipeline, or code that uses dbutils, is written for the workspace too.
    beside = {"pipelines/inference/databricks.yml": "bundle:\n  name: inference\n", "src/load.py": volume}
    assert check(make_repo(beside), "OSS401") == []
    utilities = "files = dbutils.fs.ls('/Volumes/edu/raw')\n" + volume
    assert check(make_repo({"load.py": utilities}), "OSS401") == []
    # So does code that jobs defined in the repository's YAML run on the workspace's clusters.
    jobs = "resources:\n  jobs:\n    hes:\n      tasks:\n        - task_key: bronze\n          notebook_task:\n            notebook_path: ae/bronze/get.py\n"
    assert check(make_repo({"generate_hes.yaml": jobs, "ae/bronze/get.py": volume}), "OSS401") == []
    # Elsewhere /Volumes/<name> is a Mac's external drive, also beside YAML of another kind.
    assert [f.code for f in check(make_repo({"load.py": volume}), "OSS401")] == ["OSS401"]
    other = {"ci.yml": "jobs:\n  test:\n    steps:\n      - run: make\n", "load.py": volume}
    assert [f.code for f in check(make_repo(other), "OSS401")] == ["OSS401"]
    # R code that works in the workspace through brickster, Databricks' R SDK.
    r_code = 'library(brickster)\nx <- read.csv("/Volumes/prod/land/raw/parcels.csv")\n'
    assert check(make_repo({"load.R": r_code}), "OSS401") == []


def test_a_volume_the_code_mounts_into_its_pod_is_no_computers_drive(
    make_repo: MakeRepo, check: Check
) -> None:
    pod = (
        'MNT_PATH = "/mnt/data"\n'
        'settings = {"volume_mounts": [{"name": "data", "mountPath": MNT_PATH}], "env": {"HF_HOME": MNT_PATH}}\n'
        'LOCAL = "/home/ana/videos"\n'
    )
    assert [f.line for f in check(make_repo({"k8s_run.py": pod, "run.ipynb": nb(code(pod))}), "OSS401")] == [
        3,
        3,
    ]
    # Without a mount, /mnt/data is a drive of one computer.
    assert [f.line for f in check(make_repo({"run.py": 'DATA = "/mnt/data/videos"\n'}), "OSS401")] == [1]
    # A script that mounts the storage itself, and an Azure Batch task run in its container.
    mounts = (
        "for dir in params output; do\n  mkdir -p /mnt/$dir\n  blobfuse2 mount --container-name $dir /mnt/$dir\n"
        'done\nln -s "/mnt/params" "./mounts/params"\n'
    )
    batch = (
        "settings = batchmodels.TaskContainerSettings(image_name=IMAGE)\n"
        "command = f\"Rscript run.R --input '/mnt/input' --output '/mnt/output'\"\n"
    )
    assert check(make_repo({"blobfuse/mount.sh": mounts, "azure/job.py": batch}), "OSS401") == []


def test_a_drive_many_files_read_from_is_reported_once_as_a_shared_drive(
    make_repo: MakeRepo, check: Check
) -> None:
    files = {
        "2024/trips.R": 'trips <- read.csv("J:/Projects/Surveys/2024/trips.csv")\nx <- "J:/Projects/Surveys/x"\n',
        "2025/trips.py": 'TRIPS = r"J:\\asap\\2025\\trips.csv"\n',  # another folder of the same drive
        "2025/persons.ipynb": nb(code('persons = "J:/Projects/Surveys/2025/persons.csv"\n')),
        "2025/skims.py": 'SKIMS = "T:/60day-TEMP/skims.h5"\nMINE = "C:/work/skims.h5"\n',  # two shares of one file
        "2025/old.py": 'OLD = "C:/work/old.h5"\nMORE = "C:/work/more.h5"\nTEMP = "T:/60day-TEMP/t.h5"\n',
    }
    findings = check(make_repo(files), "OSS401")
    assert [(f.path, f.line) for f in findings] == [
        ("2024/trips.R", 1),
        ("2025/old.py", 1),
        ("2025/old.py", 2),
        ("2025/old.py", 3),
        ("2025/skims.py", 1),
        ("2025/skims.py", 2),
    ]
    assert findings[0].message.startswith(
        "hard-coded path 'J:/Projects/Surveys/2024/trips.csv' points into J:, which 3 files of the "
        "project read from (this one first)"
    )
    assert "set its location once, in .env" in findings[0].message


def test_a_schedulers_service_account_is_no_persons_home(make_repo: MakeRepo, check: Check) -> None:
    dag = 'OUT = "/home/airflow/data/ecocounter/"\nLOCAL = "/home/ana/ecocounter/"\n'
    assert [f.line for f in check(make_repo({"dags/ecocounter.py": dag}), "OSS401")] == [2]
    # Every session of Cloudera's data science workbench runs as cdsw, in /home/cdsw.
    session = 'CONFIG = "/home/cdsw/ons-spark/config.yaml"\nLOCAL = "/home/ana/ons-spark/"\n'
    assert [f.line for f in check(make_repo({"utilities/convert.py": session}), "OSS401")] == [2]


def test_a_library_installed_elsewhere_on_the_drive_is_no_folder_the_code_hard_codes(
    make_repo: MakeRepo, check: Check
) -> None:
    # The code reads C:\WBG\Work\...; a warning names a library in C:\WBG\Anaconda3\envs\...
    warning = stream(
        "c:\\WBG\\Anaconda3\\envs\\s2s\\Lib\\site-packages\\urllib3\\connectionpool.py:1045: Warning\n"
    )
    notebook = nb(code("DATA = r'C:\\WBG\\Work\\admin\\bounds.gpkg'", [warning]))
    root = make_repo({NOTEBOOK: notebook})
    assert [f.message.split(" ")[0] for f in check(root, "OSS401")] == ["hard-coded"]


def test_a_cloud_vms_clone_of_the_repository_is_one_computers(make_repo: MakeRepo, check: Check) -> None:
    # /home/ubuntu is the same user on every VM of an image, but a path into the repository's
    # own folders is where one VM cloned it; a container user's clone is every container's.
    files = {
        "experiments/ets/src/evaluation.py": (
            "import pandas as pd\n"
            "df = pd.read_csv('/home/ubuntu/forecasts/experiments/ets/data/m4.csv')\n"  # the clone: reported
            "cache = '/home/ubuntu/forecasts-cache/m4.parquet'\n"  # not the repository's folder
            "other = '/home/ubuntu/forecasts/nowhere/x.csv'\n"  # no such folder at the top
            "app = '/home/jovyan/forecasts/experiments/x.csv'\n"  # a container's user
        ),
        "experiments/ets/run.sh": "python /home/ubuntu/forecasts/experiments/ets/src/evaluation.py\n",
        "README.md": "# Forecasts\n",
    }
    root = make_repo(files)
    git(root, "remote", "add", "origin", "https://github.com/acme/forecasts.git")
    findings = check(root, "OSS401")
    assert [(f.path, f.line) for f in findings] == [("experiments/ets/src/evaluation.py", 2)]
    # The per-file hook, given only the script, knows the repository's top from the disk.
    staged = engine.check(root, files=["experiments/ets/src/evaluation.py"], include_dormant=True)
    assert [(f.path, f.line) for f in staged.findings if f.code == "OSS401"] == [
        ("experiments/ets/src/evaluation.py", 2)
    ]
    assert (
        "'/home/ubuntu/forecasts/experiments/ets/data/m4.csv' points into one computer's clone of this"
        in (findings[0].message)
    )
    # Without the origin, the checkout's own folder name is the repository's name.
    local = make_repo({f"{name}": text for name, text in files.items()})
    moved = local.parent / "forecasts"
    local.rename(moved)
    assert [(f.path, f.line) for f in check(moved, "OSS401")] == [("experiments/ets/src/evaluation.py", 2)]


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
        (
            {"vscode": {"interpreter": {"path": ["/Users/ana/.venv/bin/python"]}}},
            "metadata.vscode.interpreter.path[0]",
        ),
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


def test_an_r_packages_datasets_are_package_data(make_repo: MakeRepo, check: Check) -> None:
    big = b"x" * (2 * 1024 * 1024)
    files = {
        "DESCRIPTION": "Package: codes\nLazyData: true\n",
        "data/icd10_usage.rda": big,
        "R/data.R": "NULL\n",
    }
    assert check(make_repo(files, commit=True), "OSS403") == []
    del files["DESCRIPTION"]  # no R package: a data file like any other
    assert [f.path for f in check(make_repo(files, commit=True), "OSS403")] == ["data/icd10_usage.rda"]


def test_an_archive_a_gitignore_exception_keeps_in_git_is_kept_on_purpose(
    make_repo: MakeRepo, check: Check
) -> None:
    ignore = "output/*\n# Do track the output/forecasts directory\n!output/forecasts\n!output/forecasts/*\n"
    big = b"x" * (2 * 1024 * 1024)
    files = {".gitignore": ignore, "output/forecasts/2024-02-12/forecast.tsv": big, "scratch/fit.tsv": big}
    assert [f.path for f in check(make_repo(files, commit=True), "OSS403")] == ["scratch/fit.tsv"]


def test_the_data_of_a_book_read_as_notebooks_is_its_content(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    files = {
        "README.md": "# Data analysis, the book\n\nRead [chapter 1](ch01.ipynb) or [run it](https://mybinder.org/v2/gh/a/b/HEAD).\n",
        "ch01.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n',
        "datasets/haiti/roads.csv": b"x" * (2 * 1024 * 1024),
        "models/weights.pkl": b"x" * (2 * 1024 * 1024),  # a model is no reader's material
    }
    for run in (check, check_unadopted):
        assert [f.path for f in run(make_repo(files), "OSS403")] == ["models/weights.pkl"]
    files["README.md"] = (
        "# Data analysis\n\nOpen the notebooks in Jupyter.\n"  # no link: an analysis repository
    )
    assert sorted(f.path for f in check(make_repo(files), "OSS403")) == [
        "datasets/haiti/roads.csv",
        "models/weights.pkl",
    ]


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


@pytest.mark.parametrize("git_init", [True, False])
def test_a_folder_pattern_sends_no_file_to_lfs(make_repo: MakeRepo, check: Check, git_init: bool) -> None:
    # In .gitattributes, unlike .gitignore, "data/" names the folder and gives its files nothing.
    files = {
        ".gitattributes": "data/ filter=lfs\nmodels/** filter=lfs\n",
        "data/big.parquet": b"x" * 4096,
        "models/v1/weights.bin": b"x" * 4096,
        "pyproject.toml": "[tool.oss-checks.options.large-file]\nmax-kb = 1\n",
    }
    root = make_repo(files, git_init=git_init)
    assert [f.path for f in check(root, "OSS403")] == ["data/big.parquet"]


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
    (root / "data").mkdir()
    finding = only(check(root, "OSS404"))
    assert "git ignores data/README.md" in finding.message


def test_an_adopted_analysis_project_without_data_folder_is_checked(
    make_repo: MakeRepo, check: Check
) -> None:
    record = json.dumps({"template": "oss-template", "answers": {"project_type": "analysis"}})
    root = make_repo({".gitignore": "", ".oss-template.json": record, "notebooks/README.md": "x\n"})
    assert "git does not ignore data files in data/" in only(check(root, "OSS404")).message


@pytest.mark.parametrize("layout", [{"notebooks/eda.ipynb": "{}"}, {"src/pkg/__init__.py": ""}])
def test_no_data_folder_no_finding(
    make_repo: MakeRepo, check_unadopted: Check, layout: dict[str, str]
) -> None:
    # A notebooks/ folder does not make an analysis project; data kept elsewhere (S3, ~/data) is fine.
    root = make_repo({".gitignore": "data/\n", **layout})
    assert check_unadopted(root, "OSS404") == []


def test_an_r_packages_data_folder_holds_the_datasets_it_exports(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # R packages ship their datasets in data/ (LazyData), beside a rule for scratch CSVs there.
    files = {
        "DESCRIPTION": "Package: geogs\nTitle: Lookups\nLazyData: true\n",
        "R/lookups.R": '#\' Regions\n"regions"\n',
        "data/regions.rda": b"RDX3\n",
        "data/countries.rda": b"RDX3\n",
        ".gitignore": ".Rhistory\ndata/*csv\n",
    }
    assert check_unadopted(make_repo(files, commit=True), "OSS404") == []
    # The same folder in a project that is no R package is ignored in part only.
    del files["DESCRIPTION"]
    assert [f.path for f in check_unadopted(make_repo(files, commit=True), "OSS404")] == [".gitignore"]


def test_a_data_package_is_not_the_data_folder(
    make_repo: MakeRepo, check_unadopted: Check, check: Check
) -> None:
    # A competition's dataset classes live in data/ch_ds_1.py: nothing there is data.
    root = make_repo(
        {"data/ch_ds_1.py": "class Dataset: ...\n", "data/__init__.py": "", ".gitignore": ""}, commit=True
    )
    assert check_unadopted(root, "OSS404") == []
    assert check(root, "OSS404") == []


def test_hidden_readmes_need_a_readme_unless_the_conventions_apply(
    make_repo: MakeRepo, check_unadopted: Check, check: Check
) -> None:
    # The team ignores data/ whole and creates its folders from code: there is no README to lose.
    root = make_repo({".gitignore": "data/\n", "src/pkg/__init__.py": ""})
    (root / "data" / "raw").mkdir(parents=True)
    assert check_unadopted(root, "OSS404") == []
    assert "git ignores data/README.md" in only(check(root, "OSS404")).message
    # A README that git ignores is found on disk.
    (root / "data" / "raw" / "README.md").write_text("Where the data comes from.\n", encoding="utf-8")
    assert "git ignores data/raw/README.md" in only(check_unadopted(root, "OSS404")).message


def test_a_committed_readme_is_kept_whatever_the_ignore_rules_say(
    make_repo: MakeRepo, check_unadopted: Check, check: Check
) -> None:
    # data/ ignored whole, with a data/.gitignore that lets its README back in: the README was
    # committed, and git keeps tracking a tracked file, so nothing is lost.
    files = {
        ".gitignore": "data/\n",
        "data/.gitignore": "*\n!.gitignore\n!README.md\n",
        "data/README.md": "Download the files from the competition page into this folder.\n",
        "src/pkg/__init__.py": "",
    }
    root = make_repo(files)
    git(root, "add", "-f", "data/README.md", "data/.gitignore")
    assert check_unadopted(root, "OSS404") == []
    assert check(root, "OSS404") == []
    # A README beside it that was never committed is lost all the same.
    (root / "data" / "raw").mkdir()
    (root / "data" / "raw" / "README.md").write_text("Where the raw files come from.\n", encoding="utf-8")
    assert "git ignores data/raw/README.md" in only(check_unadopted(root, "OSS404")).message


def test_extension_based_ignore_rules_are_not_enough(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".gitignore": "*.csv\n", **ANALYSIS_README})
    assert "(a new data/example.parquet would not be ignored)" in only(check(root, "OSS404")).message


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


SHIPPED_DATA = {
    "README.md": "All inputs the notebooks read are included in data/.\n",
    ".gitignore": "__pycache__/\n",
    "data/prices.csv": "a\n",
    "data/regions.tsv": "b\n",
    "analysis.py": "pd.read_csv('data/prices.csv')\n",
}


def test_data_the_repository_commits_on_purpose_is_left_alone_outside_adopters(
    make_repo: MakeRepo, check_unadopted: Check, check: Check
) -> None:
    root = make_repo(SHIPPED_DATA)
    assert check_unadopted(root, "OSS404") == []
    # Where the conventions apply, one finding on .gitignore says it all: no file is called
    # "committed although data/ stays out of git" while nothing keeps data/ out of git.
    finding = only(check(root, "OSS404"))
    assert finding.path == ".gitignore"
    assert "2 data files in data/ are already committed" in finding.message


def test_data_waiting_to_be_committed_is_reported_outside_adopters(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo(SHIPPED_DATA)
    (root / "data" / "customers.csv").write_text("name,income\n", encoding="utf-8")
    message = only(check_unadopted(root, "OSS404")).message
    assert "git does not ignore data files in data/" in message
    assert "data/customers.csv is not committed yet, and `git add .` would commit it" in message


def test_empty_data_folders_kept_for_data_need_an_ignore_rule_outside_adopters(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    skeleton = {
        "data/.gitkeep": "",
        "data/imagery/.gitkeep": "",
        "README.md": "Put the tiles in data/imagery.\n",
    }
    message = only(check_unadopted(make_repo(skeleton), "OSS404")).message
    assert message.startswith("git does not ignore data files in data/")
    assert check_unadopted(make_repo({**skeleton, ".gitignore": DATA_IGNORE}), "OSS404") == []
    # Any keep file's name makes the skeleton, and none of them is data itself.
    placeholders = {"data/.placeholder": "", "data/imagery/.placeholder": "", "README.md": "Tiles.\n"}
    assert only(check_unadopted(make_repo(placeholders), "OSS404")).message == message
    # A data/ that only documents where the data lives holds no folder made for it.
    assert (
        check_unadopted(make_repo({"data/README.md": "The data is on the shared drive.\n"}), "OSS404") == []
    )


def test_a_data_folder_ignored_in_part_is_reported_outside_adopters(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo({"data/raw/x.csv": "a\n", "data/processed/y.csv": "b\n"})
    _commit(root, "data", 1)
    (root / ".gitignore").write_text("/data/raw/\n", encoding="utf-8")
    _commit(root, "keep raw data out", 2)
    findings = check_unadopted(root, "OSS404")
    assert [(f.path, f.message.split(":")[0]) for f in findings] == [
        (
            ".gitignore",
            (
                "git does not ignore data files in data/ (a new data/example.csv would not be ignored), so raw "
                "data can be committed"
            ),
        ),
        ("data/raw/x.csv", "data file is committed although .gitignore keeps data/ out of git"),
    ]


def test_a_part_of_data_kept_out_from_the_start_is_a_deliberate_split(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # A book stores its sample data and ignores one folder for what it may not share.
    files = {
        ".gitignore": "data/data_not_stored/*\n!data/data_not_stored/README.md\n",
        "data/data_not_stored/README.md": "Ask the survey team for these files.\n",
        "data/penguins.csv": "species,mass\nAdelie,3750\n",
        "data/weather/2020.csv": "day,temp\n1,3\n",
        "README.md": "# Book\n",
    }
    assert check_unadopted(make_repo(files), "OSS404") == []
    # A rule for one kind of file leaves the others open: that is no split by folder.
    by_kind = {
        ".gitignore": "data/*.csv\ndata/raw/\n",
        "data/patients.parquet": "PAR1",
        "README.md": "# Study\n",
    }
    assert [f.code for f in check_unadopted(make_repo(by_kind), "OSS404")] == ["OSS404"]
    # A pipeline ignores each folder it reads or writes and keeps its templates: the folders
    # left open only lead to the templates (data/inputs/ holds folders, not files).
    pipeline = {
        ".gitignore": "data/inputs/raw/*\ndata/outputs/*\n!data/**/.gitkeep\n!data/inputs/templates/*.xlsm\n",
        "data/inputs/raw/.gitkeep": "",
        "data/outputs/.gitkeep": "",
        "data/inputs/templates/AE_template.xlsm": b"PK\x03\x04",
        "README.md": "# Pipeline\n",
    }
    assert check_unadopted(make_repo(pipeline), "OSS404") == []
    # An output folder that ignores nothing below it is open, whatever a subfolder commits.
    outputs = {
        ".gitignore": "data/raw/\n",
        "data/raw/.gitkeep": "",
        "data/processed/schema/columns.csv": "column,type\nid,int\n",
        "README.md": "# Pipeline\n",
    }
    assert [f.code for f in check_unadopted(make_repo(outputs), "OSS404")] == ["OSS404"]
    # A project that publishes what it scrapes keeps many files below each open folder.
    published = {
        ".gitignore": "data/private/*\n",
        "data/private/.gitinclude": "",
        **{f"data/interim/diffs/{day:02}.json": "{}\n" for day in range(12)},
        "data/raw/2024.json": "{}\n",
        # A folder made to receive more of what its parent stores.
        "data/interim/manual/.gitinclude": "",
        "README.md": "# Register\n",
    }
    assert check_unadopted(make_repo(published, commit=True), "OSS404") == []
    # A folder the split leaves open that stores nothing yet is still open to raw data.
    root = make_repo({**files, "data/interim/.gitkeep": ""})
    assert only(check_unadopted(root, "OSS404")).message.startswith(
        "git does not ignore data files in data/ (a new data/interim/example.csv would not be ignored)"
    )


def test_data_forced_in_after_its_ignore_rule_is_kept_on_purpose(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo({".gitignore": "data/**\n!data/**/\n!.gitkeep\n", "run.py": "print(1)\n"})
    _commit(root, "ignore data", 1)
    (root / "data" / "examples").mkdir(parents=True)
    (root / "data" / "examples" / "sample.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (root / "data" / "stray.csv").write_text("a\n", encoding="utf-8")
    _commit(root, "example data", 2, "data/examples/sample.csv")
    assert check_unadopted(root, "OSS404") == []
    # A file git tracks from before the rule was forgotten when the rule was written.
    (root / ".gitignore").write_text("data/**\n!data/**/\n!.gitkeep\n*.log\n", encoding="utf-8")
    (root / "data" / "run.log").write_text("x\n", encoding="utf-8")
    _commit(root, "a log", 3, "data/run.log")
    assert check_unadopted(root, "OSS404") == []  # forced in after data/** as well


def test_sample_data_a_notebook_opens_is_kept_on_purpose(make_repo: MakeRepo, check_unadopted: Check) -> None:
    # A tutorial committed its sample data, then a later .gitignore rewrite brought *.nc back.
    notebook = nb(code("ds = xr.open_dataset('../data/sst.nc')"))
    root = _ignored_after_commit(
        make_repo,
        {"data/sst.nc": b"CDF\1", "data/old_run.nc": b"CDF\2", "intro/01.ipynb": notebook},
        "*.nc\n",
    )
    assert [f.path for f in check_unadopted(root, "OSS404") if f.path.startswith("data/")] == [
        "data/old_run.nc"
    ]


def test_a_name_many_files_share_names_none_of_them(make_repo: MakeRepo, check_unadopted: Check) -> None:
    # The pipeline writes <area>/la.shp for every area; the .gitignore keeps only one area's data.
    root = _ignored_after_commit(
        make_repo,
        {
            "data/processed/E1/la.shp": b"\0\1",
            "data/processed/E2/la.shp": b"\0\2",
            "fetch.py": "save_path = Path(PROCESSED_DIR, area, 'la.shp')\n",
        },
        "data\n!data/processed/E1\n",
    )
    assert [f.path for f in check_unadopted(root, "OSS404") if f.path.startswith("data/")] == [
        "data/processed/E2/la.shp"
    ]


def test_a_data_dictionary_in_data_is_documentation(make_repo: MakeRepo, check_unadopted: Check) -> None:
    root = _ignored_after_commit(
        make_repo,
        {
            "data/patients_format.csv": "Field,Description,Type\n" + "age,Age in years,int\n" * 200,
            "data/columns.tsv": "column name\tdescription\nid\tkey\n",
            "data/visits.csv": "id,description,date\n1,first,2024-01-01\n",  # data with a description column
            "data/products.csv": "name,description,price,category\nmug,A mug,4.5,home\n",  # a product table
            "data/schema.csv": "name,type,description\nprice,float,Price in euros\n",  # a dictionary again
        },
        "data/\n",
    )
    _commit(root, "ignore data", 2)
    paths = [f.path for f in check_unadopted(root, "OSS404")]
    assert {"data/visits.csv", "data/products.csv"} <= set(paths)
    assert not {"data/patients_format.csv", "data/columns.tsv", "data/schema.csv"} & set(paths)
    assert "data/patients_format.csv" not in only(check_unadopted(root, "OSS406")).message


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


def test_env_files_holding_only_placeholders_are_templates(make_repo: MakeRepo, check: Check) -> None:
    template = (
        "OPENAI_API_KEY=your-api-key\nGITHUB_TOKEN=<token>\nDB_PASSWORD=changeme\nAWS_SECRET_ACCESS_KEY=xxx\n"
        'SERVICE_TOKEN = "SERVICE_TOKEN"\nDATA_DIR = NONE | YOUR_PATH_TO_DATA\n'
        "API_URL=https://api.example.org\nPROJECT=sales-forecast\n"
    )
    assert check(make_repo({".env.local": template}), "OSS405") == []


def test_a_real_secret_next_to_placeholders_is_reported(make_repo: MakeRepo, check: Check) -> None:
    content = "OPENAI_API_KEY=your-api-key\nDB_PASSWORD=hunter22\nAPI_URL=https://api.acme.io\n"
    message = only(check(make_repo({".env": content}), "OSS405")).message
    assert "(it sets DB_PASSWORD, API_URL)" in message


def test_an_env_file_the_readme_calls_a_sample_is_a_template(make_repo: MakeRepo, check: Check) -> None:
    readme = "├── .env.dev        <- Sample .env file with the settings you need\n"
    root = make_repo(
        {"README.md": readme, ".env.dev": "API_URL=https://api.example.org\n", ".env.prod": "A=1\n"}
    )
    assert [f.path for f in check(root, "OSS405")] == [".env.prod"]


def test_shared_settings_kept_in_git_on_purpose_pass_unless_they_hold_a_secret(
    make_repo: MakeRepo, check: Check
) -> None:
    shared = "# For shared non-secret configuration\nexport PROJECT_NAME=demo\nexport BUCKET=demo-lake\n"
    root = make_repo(
        {
            ".env.shared": shared,
            "config/.env.defaults": "LOG_LEVEL=info\n",
            ".env.build": "# safe to commit: no secrets here\nIMAGE=acme/api\n",
            ".env.staging": "# shared with the team\nBUCKET=x\nDB_PASSWORD=hunter22\n",
            "services/.env.public": "API_TOKEN=abc123def456\n",
        }
    )
    # A secret-named setting with a value is reported whatever the name or the comment says.
    assert sorted(f.path for f in check(root, "OSS405")) == [".env.staging", "services/.env.public"]
    # The main .env is never a shared file, whatever its comment claims.
    assert [f.path for f in check(make_repo({".env": "# no secrets\nA=1\n"}), "OSS405")] == [".env"]


def test_a_env_whose_header_says_it_is_committed_holds_shared_settings(
    make_repo: MakeRepo, check: Check
) -> None:
    # govcookiecutter's .env: committed settings, secrets in the ignored .secrets file.
    header = "# DO NOT STORE SECRETS HERE - this file is version-controlled! Use `.secrets`.\n"
    settings = "PROJECT_NAME=consultation\nBUCKET=team-lake\n"
    assert check(make_repo({".env": header + settings}), "OSS405") == []
    # A setting named like a secret, or a key by its look, is one whatever the header says.
    for secret in (
        "DB_PASSWORD=hunter22\n",
        "TOKEN_FOR_CI=ghp_" + "a1B2c3D4e5" * 4 + "\n",
        "DB_PASS=Hunter2Winter\n",
    ):
        assert [f.path for f in check(make_repo({".env": header + settings + secret}), "OSS405")] == [".env"]
    # A key the template rendered badly still holds a relative folder, which cannot be a secret.
    rendered = (
        "DIR_SRC_COOKIECUTTER.REPO_NAME.LOWER().REPLACE('-','_') =./src/consultation\nDIR_DOCS=./docs\n"
    )
    assert check(make_repo({".env": rendered}), "OSS405") == []
    assert [f.path for f in check(make_repo({".env": rendered + "sk-live-a1B2c3D4e5\n"}), "OSS405")] == [
        ".env"
    ]


def test_settings_docker_compose_reads_pass_unless_one_is_a_secret(make_repo: MakeRepo, check: Check) -> None:
    compose = "services:\n  api:\n    env_file: [.env]\n    ports: ['${HOST_PORT}:5000']\n"
    settings = "REDIS_HOST=redis\nREDIS_PORT=6379\nHOST_PORT=5000\n"
    assert check(make_repo({".env": settings, "docker-compose.yml": compose}), "OSS405") == []
    # A password, or an address with one in it, is a secret however the setting is called.
    for secret in ("DB_PASSWORD=hunter22\n", "DATABASE_URL=postgres://ana:hunter22@db/sales\n"):
        root = make_repo({".env": settings + secret, "docker-compose.yml": compose})
        assert [f.path for f in check(root, "OSS405")] == [".env"]
    # A token is a secret by its value too, and an empty user name hides no password.
    for secret in ("GITHUB_PAT=ghp_" + "a1B2c3D4e5" * 4 + "\n", "CACHE=redis://:s3cr3tvalue@cache:6379\n"):
        root = make_repo({".env": settings + secret, "docker-compose.yml": compose})
        assert [f.path for f in check(root, "OSS405")] == [".env"], secret
    # A password compose fills in from the environment is no secret in the file.
    filled = settings + "DATABASE_URL=postgresql://app:${POSTGRES_PW}@db/app\n"
    assert check(make_repo({".env": filled, "docker-compose.yml": compose}), "OSS405") == []
    # Without a compose file that reads it, a .env with values is reported as before.
    assert [f.path for f in check(make_repo({".env": settings}), "OSS405")] == [".env"]


def test_committed_env_file_that_is_ignored_needs_only_removal(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".env": "A=1\n"})
    (root / ".gitignore").write_text(".env\n", encoding="utf-8")
    message = only(check(root, "OSS405")).message
    assert "git rm --cached .env` and replace" in message


def test_untracked_env_file_that_is_not_ignored_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"README.md": "x\n"})
    (root / ".env").write_text("A=1\n", encoding="utf-8")
    message = only(check(root, "OSS405")).message
    assert (
        "not ignored and gives settings values (it sets A), so the next commit can publish its secrets"
        in message
    )
    (root / ".gitignore").write_text(".env\n", encoding="utf-8")
    assert check(root, "OSS405") == []


@pytest.mark.parametrize(
    "content",
    [
        "",
        "# copy .env.example and fill it in\n",
        "COMPOSE_PROJECT_NAME=handson-ml3\n",  # docker compose reads it; it must be committed
        "DB_PASSWORD=\nexport API_KEY=''\n# TOKEN=abc\n",
    ],
)
def test_env_files_without_values_pass(make_repo: MakeRepo, check: Check, content: str) -> None:
    root = make_repo({"docker/.env": content})
    assert check(root, "OSS405") == []


def test_settings_that_cannot_be_secrets_are_no_secrets(make_repo: MakeRepo, check: Check) -> None:
    # A course's .env for load_dotenv(): relative folders, a log level, a local tracking server.
    plain = "# Logs\nLOG_DIR=../../07_logs/\nLOG_LEVEL=INFO\nDEBUG=false\nMLFLOW_TRACKING_URI=http://localhost:5001\n"
    assert check(make_repo({"labs/.env": plain}), "OSS405") == []
    # A setting named like a secret, or any other value, still counts.
    for extra in ("DB_PASSWORD=../x\n", "DB_HOST=db.internal\n", "PIN=4821\n"):
        assert [f.code for f in check(make_repo({"labs/.env": plain + extra}), "OSS405")] == ["OSS405"]


def test_a_web_front_ends_public_settings_are_committed_defaults(make_repo: MakeRepo, check: Check) -> None:
    # Next.js reads .env as committed defaults and builds NEXT_PUBLIC_* into every page it serves.
    public = "NEXT_PUBLIC_API_URL=https://api.example.org\nNEXT_PUBLIC_MAP_STYLE=light\nVITE_TITLE=Water\n"
    assert check(make_repo({"webapp/.env": public}), "OSS405") == []
    # The key a map service issues for pages is public too, whatever its name says.
    tiles = public + "NEXT_PUBLIC_PROTOMAPS_API_KEY=7e4c0d0b9a1f2e3d\nDUCKDB_PATH=../database/data.duckdb\n"
    assert check(make_repo({"webapp/.env": tiles}), "OSS405") == []
    # A server-side key put behind a browser prefix by mistake is still a secret.
    for leak in (
        "VITE_OPENAI_API_KEY=sk-proj-" + "a1B2" * 10 + "\n",
        "NEXT_PUBLIC_STRIPE_KEY=sk_live_" + "x9Y8" * 6 + "\n",
        "NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl\n",
    ):
        assert [f.code for f in check(make_repo({"webapp/.env": public + leak}), "OSS405")] == ["OSS405"], (
            leak
        )
    # A credential is one whatever its prefix, and a server-side setting beside them still counts.
    leaked = "NEXT_PUBLIC_DB=postgres://ana:hunter2@db.acme.io/sales\n"
    assert [f.code for f in check(make_repo({"webapp/.env": leaked}), "OSS405")] == ["OSS405"]
    for secret in ("VITE_ADMIN_PASSWORD=opensesame\n", "NEXT_PUBLIC_STRIPE_SECRET_KEY=pk_zzzzzz\n"):
        assert [f.code for f in check(make_repo({"webapp/.env": public + secret}), "OSS405")] == ["OSS405"]
    server = public + "DATABASE_HOST=db.internal\n"
    assert "(it sets DATABASE_HOST)" in only(check(make_repo({"webapp/.env": server}), "OSS405")).message


def test_env_files_name_the_settings_they_give_values(make_repo: MakeRepo, check: Check) -> None:
    content = "COMPOSE_FILE=x.yml\nexport DB_USER=ana\nDB_HOST: db\nA=1 # one\nB='2'\nC=3\n"
    message = only(check(make_repo({".env": content}), "OSS405")).message
    assert "(it sets DB_USER, DB_HOST, A, ...)" in message


def test_env_files_in_tests_and_vendored_code_are_fixtures(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"tests/fixtures/app/.env": "DB_PASSWORD=x\n", "vendor/lib/.env": "A=1\n"})
    assert check(root, "OSS405") == []


# -- OSS402 data-file-location where the conventions were not adopted -----------------------


def test_a_file_a_workflow_reads_by_its_path_is_its_input(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    workflow = (
        "on: workflow_dispatch\njobs:\n  import:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: python scripts/import_issues.py --csv issues_action.csv --out new_results.csv\n"
    )
    files = {
        ".github/workflows/import-issues.yml": workflow,
        "scripts/import_issues.py": "import csv\n",
        "issues_action.csv": "title,labels\nFix the loader,bug\n",
        "results.csv": "a,b\n1,2\n",  # only a longer name is in the job: still data at the top
    }
    root = make_repo(files)
    assert [f.path for f in check_unadopted(root, "OSS402")] == ["results.csv"]
    # The per-file hook, given only the staged tables, reads the workflow from the disk.
    staged = engine.check(root, files=["issues_action.csv", "results.csv"], include_dormant=True)
    assert [f.path for f in staged.findings if f.code == "OSS402"] == ["results.csv"]


def test_data_a_readme_links_is_offered_to_readers(make_repo: MakeRepo, check_unadopted: Check) -> None:
    files = {
        "README.md": "# Our notebooks\n\nAll 38 of them. Also available as [a CSV file](notebooks.csv).\n",
        "notebooks.csv": "name,url\nvotes,https://example.org\n",
        "main.py": 'rows = list(csv.DictReader(open("./notebooks.csv")))\n',
        "scores.csv": "a,b\n1,2\n",  # named in prose only, not linked: still data at the top
        "notebooks/README.md": "The notebooks write [the cleaned table](clean.csv).\n",
        "notebooks/clean.csv": "a\n1\n",  # linked by the README of its own folder
        "notebooks/out.csv": "a\n1\n",  # a notebook's output, linked by no README
    }
    files["README.md"] += "See scores.csv for the scores.\n"
    root = make_repo(files)
    assert [f.path for f in check_unadopted(root, "OSS402")] == ["notebooks/out.csv", "scores.csv"]


def test_data_the_code_beside_it_reads_by_name_is_its_input(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # An example project ships its input next to the script that reads it (`mlflow run` needs it
    # there); data nothing beside it names is what a run left behind.
    files = {
        "MLproject": "name: wine\nentry_points:\n  main:\n    command: python train.py\n",
        "train.py": 'wine_path = os.path.join(here, "wine-quality.csv")\ndata = pd.read_csv(wine_path)\n',
        "wine-quality.csv": "a,b\n1,2\n",
        "best-wine-quality.csv": "a,b\n1,2\n",  # only the end of a name the code gives
        "sp500tickers.pickle": b"\x80\x04N.",  # named by no code
        "notebooks/explore.ipynb": nb(
            code("df = pd.read_csv('sales.csv')"), code("x", [stream("wrote out.csv")])
        ),
        "notebooks/sales.csv": "a\n1\n",  # the notebook's input, read by name
        "notebooks/out.csv": "a\n1\n",  # only its output names it
        "src/load.py": 'open("notes.csv")\n',  # code in another folder
        "notes.csv": "a\n1\n",
        "evaluate.py": (
            'scores.to_csv("results.csv")\nwith open("log.csv", "w") as f: ...\n'
            'out_path = "scores.csv"\nframe.to_csv(out_path)\n'
        ),
        "scores.csv": "a\n1\n",
        "results.csv": "a\n1\n",  # what a run wrote beside the code: still reported
        "log.csv": "a\n1\n",
    }
    root = make_repo(files)
    assert [f.path for f in check_unadopted(root, "OSS402")] == [
        "best-wine-quality.csv",
        "log.csv",
        "notebooks/out.csv",
        "notes.csv",
        "results.csv",
        "scores.csv",
        "sp500tickers.pickle",
    ]


def test_a_workbook_with_charts_is_a_document(make_repo: MakeRepo, check_unadopted: Check) -> None:
    import io
    import zipfile

    def workbook(*parts: str) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for part in ("xl/workbook.xml", "xl/worksheets/sheet1.xml", *parts):
                archive.writestr(part, "<x/>")
        return buffer.getvalue()

    files = {"Binomial_Demo.xlsx": workbook("xl/charts/chart1.xml", "xl/drawings/drawing1.xml")}
    files["sales_2024.xlsx"] = workbook()  # a table: still data at the top
    files["src/report.py"] = b"import openpyxl\n"
    assert [f.path for f in check_unadopted(make_repo(files), "OSS402")] == ["sales_2024.xlsx"]


def test_a_download_of_the_books_notebooks_is_no_data(make_repo: MakeRepo, check_unadopted: Check) -> None:
    import io
    import zipfile

    def archive(*members: str) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as bundle:
            for member in members:
                bundle.writestr(member, "{}")
        return buffer.getvalue()

    files = {
        "nb/chap01.ipynb": nb(code("x = 1")),
        "nb/nsfg.py": "import pandas\n",
        "ThinkStats.zip": archive("ThinkStats/nb/chap01.ipynb", "ThinkStats/nb/nsfg.py"),
        # one file of the repository beside customer data, or a member that climbs out, is no bundle
        "export.zip": archive("x-main/nb/nsfg.py", "x-main/customers.csv"),
        "climb.zip": archive("../nb/nsfg.py"),
        "survey_2023.zip": archive("survey/responses.csv"),  # data, zipped
        "broken.zip": b"PK\3\4 not really an archive",
        # another project's "Download ZIP", uploaded by mistake
        "tutorial-main.zip": archive("tutorial-main/scrape.ipynb", "tutorial-main/utils.py"),
    }
    paths = [f.path for f in check_unadopted(make_repo(files), "OSS402")]
    assert paths == ["broken.zip", "climb.zip", "export.zip", "survey_2023.zip", "tutorial-main.zip"]


@pytest.mark.parametrize(
    "path",
    [
        "statsmodels/tsa/statespace/tests/results/results_sarimax.csv",  # fixtures in the package
        "tests/skimage/color/data/lab_array_a_10.npy",
        "statsmodels/datasets/anes96/anes96.csv",  # package data: the datasets API
        "networkx/generators/atlas.dat.gz",
        "notebooks/data/births.csv",  # a data folder that is not the top-level one
        "services-shared-folder/data/raw/train.tsv",
        "src/data/raw/trees.csv",
        "examples/cath_data/train.npy",
        "docs/source/_static/x.xlsx",
        "input/gld_v2/clean_train.csv",  # Kaggle's input/
        "models/model.pkl",  # cookiecutter-data-science's models/
        "06-best-practices/code/integration-test/model/model.pkl",
        "ch08/movie_data.csv.gz",  # a book's chapter next to its notebook
        "inference/imgs/class2name.csv",  # a lookup table next to the code that reads it
        "cirtorch/data/x.pkl",
    ],
)
def test_layouts_real_repositories_have(make_repo: MakeRepo, check_unadopted: Check, path: str) -> None:
    files = {
        path: b"1,2\n",
        "statsmodels/__init__.py": "",
        "networkx/__init__.py": "",
        "cirtorch/LICENSE": "MIT",
    }
    assert check_unadopted(make_repo(files), "OSS402") == []


def test_what_a_notebook_saved_inside_a_package_is_no_package_data(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo(
        {
            "src/service/__init__.py": "",
            "src/service/notebooks/X_val.joblib": b"\x80\x04",  # left beside a deleted notebook
            "src/service/assets/vocabulary.pkl": b"\x80\x04",  # shipped with the package
            "src/service/notebook_tools/__init__.py": "",
            "src/service/notebook_tools/cells.json": b"{}",  # a package of its own
        }
    )
    assert [f.path for f in check_unadopted(root, "OSS402")] == ["src/service/notebooks/X_val.joblib"]


def test_strays_are_reported_where_the_conventions_were_not_adopted(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo(
        {
            "sales.csv": b"a\n",
            "notebooks_v2/data.csv": b"a\n",
            "notebooks_v2/x/data.csv": b"a\n",
            "src/clean.py": "import pandas\n",
        }
    )
    findings = check_unadopted(root, "OSS402")
    assert [f.path for f in findings] == ["notebooks_v2/data.csv", "sales.csv"]
    assert (
        "directly in the notebook folder notebooks_v2/, where notebooks save what they write"
        in findings[0].message
    )
    assert "at the top of the repository" in findings[1].message


def test_a_data_release_publishes_its_tables_where_they_are(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    # Tables, their documentation and the letter that came with them: no code at all.
    files = {
        "README.md": "# Trip records\n\n`trips-2014.csv` holds one row per trip.\n",
        "trips-2014.csv": "day,trips\n1,10\n",
        "Aggregate data.xlsx": b"PK\x03\x04",
        "letter.pdf": b"%PDF-1.4",
    }
    assert check_unadopted(make_repo(files), "OSS402") == []
    # Where the conventions were adopted, the data folders apply all the same.
    assert sorted(f.path for f in check(make_repo(files), "OSS402")) == [
        "Aggregate data.xlsx",
        "trips-2014.csv",
    ]
    # One script, in any language, makes it a project whose tables sit beside its code.
    for script in ("analyse.rb", "clean.pl", "model.stan", "src/parse.cc"):
        other = make_repo({**files, script: "x\n"})
        assert sorted(f.path for f in check_unadopted(other, "OSS402")) == [
            "Aggregate data.xlsx",
            "trips-2014.csv",
        ]
    coded = make_repo({**files, "fetch.sh": "curl -O https://example.org/x\n"})
    assert sorted(f.path for f in check_unadopted(coded, "OSS402")) == [
        "Aggregate data.xlsx",
        "trips-2014.csv",
    ]


def test_adopted_repositories_keep_the_full_convention(make_repo: MakeRepo, check_unadopted: Check) -> None:
    root = make_repo(
        {
            "[tool.oss-checks]": "",
            "pyproject.toml": "[tool.oss-checks]\n",
            "src/pkg/__init__.py": "",
            "src/pkg/lookup.csv": b"a\n",
        }
    )
    assert [f.path for f in check_unadopted(root, "OSS402")] == ["src/pkg/lookup.csv"]


# -- OSS403 large-file, per kind -------------------------------------------------------------

MB = 1024 * 1024


def test_lock_files_are_never_too_large(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {"uv.lock": "x" * (2 * MB), "web/package-lock.json": "{}" * MB, "big.txt": "x" * (2 * MB)}
    )
    assert [f.path for f in check(root, "OSS403")] == ["big.txt"]


@pytest.mark.parametrize(
    ("path", "size", "kind"),
    [
        ("lightning_logs/version_0/checkpoints/epoch=9-step=20.ckpt", 2 * MB, "model files"),
        ("cnns4qspr/figs/backbone_exploded.mov", 2 * MB, "videos"),
        ("services-shared-folder/data/raw/train.tsv", 2 * MB, "data files"),
        ("src/data/raw/Trees.zip", 2 * MB, "archives"),
        ("ch15/1268-0.txt", 2 * MB, "files"),
        ("notebooks/huge.ipynb", 11 * MB, "notebooks, images and documents"),
        ("reports/figures/poster.png", 11 * MB, "notebooks, images and documents"),
        ("tests/data/big.npy", 11 * MB, "data files in tests, docs, examples or package data"),
    ],
)
def test_limits_by_kind(make_repo: MakeRepo, check: Check, path: str, size: int, kind: str) -> None:
    root = make_repo({path: b"\0" * size})
    message = only(check(root, "OSS403")).message
    assert f"over the {1024 if size < 10 * MB else 10240} KB limit for {kind}:" in message


@pytest.mark.parametrize(
    "path",
    [
        "ch03/ch03.ipynb",  # a book's chapter with its figures
        "reports/figures/EvanstonTreeMap.html",
        "references/paper.pdf",
        "diagrams/pepper.graffle",  # the editable source of a book's figure
        "src/_skimage2/data/astronaut.npy",  # package data
        "tests/skimage2/restoration/camera_rl.npy",
        "examples/cath_data/test_cath.npy",
        "cnns4qspr/se3cnn_v3/checkpoints/cnn_vae.ckpt",  # weights the package ships
    ],
)
def test_media_and_bundled_files_have_a_higher_limit(make_repo: MakeRepo, check: Check, path: str) -> None:
    root = make_repo({path: b"\0" * (4 * MB), "src/_skimage2/__init__.py": "", "cnns4qspr/__init__.py": ""})
    assert check(root, "OSS403") == []


def test_programs_without_an_extension_are_found_by_their_first_bytes(
    make_repo: MakeRepo, check: Check
) -> None:
    root = make_repo(
        {"inference/perf_analyzer": b"\x7fELF" + b"\0" * (2 * MB), "inference/notes": b"x" * (2 * MB)}
    )
    findings = check(root, "OSS403")
    assert [(f.path, "for programs" in f.message) for f in findings] == [
        ("inference/notes", False),
        ("inference/perf_analyzer", True),
    ]


def test_video_in_a_package_is_still_a_video(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"cnns4qspr/__init__.py": "", "cnns4qspr/figs/a.mov": b"\0" * (2 * MB)})
    assert "for videos" in only(check(root, "OSS403")).message


def test_kind_limits_are_configurable(make_repo: MakeRepo, check: Check) -> None:
    pyproject = "[tool.oss-checks.options.large-file]\nmedia-max-kb = 1\nbundled-max-kb = 2\n"
    root = make_repo(
        {
            "a.png": b"x" * 2048,
            "tests/b.csv": b"x" * 2048,
            "tests/c.csv": b"x" * 3000,
            "pyproject.toml": pyproject,
        }
    )
    assert [f.path for f in check(root, "OSS403")] == ["a.png", "tests/c.csv"]


# -- OSS406 tracked-but-ignored ---------------------------------------------------------------


def _commit(root: Path, message: str, day: int, *force: str) -> None:
    """Commit everything (and ``force``, ignored or not) on day ``day`` of 2024, so commits are ordered."""
    env = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": f"2024-01-{day:02}T12:00:00+00:00",
        "GIT_COMMITTER_DATE": f"2024-01-{day:02}T12:00:00+00:00",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(root),
        "PATH": "/usr/local/bin:/usr/bin:/bin",
    }
    for args in (
        ["add", "-A"],
        ["add", "-f", "--", *force] if force else None,
        ["commit", "-q", "-m", message],
    ):
        if args is not None:
            subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _ignored_after_commit(make_repo: MakeRepo, files: dict[str, str | bytes], gitignore: str) -> Path:
    """A repository whose ``files`` were committed on day 1, then a ``.gitignore`` written that ignores some."""
    root = make_repo(files)
    _commit(root, "start", 1)
    (root / ".gitignore").write_text(gitignore, encoding="utf-8")
    return root


def _files_named(finding: Finding) -> str:
    """The files an OSS406 message lists, between its parentheses."""
    return finding.message.split("(")[1].split(")")[0]


def test_files_committed_before_their_ignore_rule_are_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            "lightning_logs/version_0/checkpoints/epoch=9.ckpt": b"\0\1",
            "lightning_logs/version_1/checkpoints/epoch=9.ckpt": b"\0\2",
            "train.py": "print(1)\n",
        }
    )
    _commit(root, "train", 1)
    (root / ".gitignore").write_text("__pycache__/\n/lightning_logs/\n", encoding="utf-8")
    finding = only(check(root, "OSS406"))  # the rule is not even committed yet
    assert (finding.path, finding.line) == (".gitignore", 2)
    assert finding.message.startswith(
        "2 files committed before this rule are still tracked although '/lightning_logs/' ignores it"
    )
    assert "git rm -r --cached" in finding.message
    _commit(root, "ignore the logs", 2)
    assert [f.line for f in check(root, "OSS406")] == [2]


def test_a_rule_rewritten_with_other_line_endings_keeps_the_day_it_was_written(
    make_repo: MakeRepo, check: Check
) -> None:
    # *.csv from day 1; a CSV forced in on day 2 is kept on purpose; on day 3 an editor turned the
    # .gitignore to CRLF, which re-adds every line: the rule is still the one of day 1.
    root = make_repo({".gitignore": "*.csv\n__pycache__/\n", "run.py": "print(1)\n"})
    _commit(root, "ignore CSV files", 1)
    (root / "jobs.csv").write_text("id\n1\n", encoding="utf-8")
    _commit(root, "upload jobs", 2, "jobs.csv")
    (root / ".gitignore").write_bytes(b"*.csv\r\n__pycache__/\r\n")
    _commit(root, "line endings", 3)
    assert check(root, "OSS406") == []


def test_a_rule_a_second_branch_adds_again_keeps_the_day_it_was_first_written(
    make_repo: MakeRepo, check: Check
) -> None:
    # *.png from day 1 on main; a branch made before that adds the same line on day 4 and is
    # merged: the figure forced in on day 3 came after the rule, and only the older one counts.
    root = make_repo(
        {"run.py": "print(1)\n", "figures/screenshot.png": b"\x89PNG0", "figures/old.png": b"\x89PNG"}
    )
    _commit(root, "start", 1)
    git(root, "branch", "-q", "other")
    (root / ".gitignore").write_text("*.png\n", encoding="utf-8")
    _commit(root, "ignore images", 2)
    (root / "figures/model.png").write_bytes(b"\x89PNG1")
    (root / "figures/plot.png").write_bytes(b"\x89PNG2")
    _commit(root, "keep the model diagram", 3, "figures/model.png")
    git(root, "checkout", "-q", "other")
    (root / ".gitignore").write_text("*.png\n", encoding="utf-8")
    _commit(root, "ignore images too", 4)
    git(root, "checkout", "-q", "main")
    subprocess.run(
        ["git", "-C", str(root), "merge", "-q", "-X", "ours", "-m", "merge", "other"],
        check=True,
        capture_output=True,
    )
    finding = only(check(root, "OSS406"))
    assert _files_named(finding) == "figures/old.png, figures/screenshot.png"
    # As many images forced in after the rule as there were before it: chosen by hand.
    _commit(root, "keep the plot", 5, "figures/plot.png")
    assert check(root, "OSS406") == []


def test_configuration_and_test_fixtures_under_a_broad_rule_are_fine(
    make_repo: MakeRepo, check: Check
) -> None:
    root = _ignored_after_commit(
        make_repo,
        {
            ".coveragerc": "[run]\nbranch = True\n",
            ".coverage.worker1": "coverage data\n",  # what '.coverage*' is meant for
            "pkg/tests/data/scan.nii.gz": b"\x1f\x8b\0",  # a test reads it
            "pkg/io/sample.gz": b"\x1f\x8b\1",  # not a fixture: reported
            "pkg/__init__.py": "",
        },
        ".coverage*\n*.gz\n",
    )
    findings = check(root, "OSS406")
    assert [(f.line, f.message.split(" still")[0]) for f in findings] == [
        (1, "1 file committed before this rule is"),
        (2, "1 file committed before this rule is"),
    ]
    assert "(.coverage.worker1)" in findings[0].message
    assert "(pkg/io/sample.gz)" in findings[1].message


def test_files_the_project_names_under_a_broad_rule_are_kept_on_purpose(
    make_repo: MakeRepo, check: Check
) -> None:
    root = _ignored_after_commit(
        make_repo,
        {
            "rubrics/assignment_1_rubric.xlsx": b"PK\3\4",  # the README links it
            "configs/sweep_config.json": "{}\n",  # the pipeline's config names it
            "scratch/old_results.xlsx": b"PK\3\4\1",  # nobody names it: forgotten
            "tracking/.env": "MLFLOW_PORT=5001\n",  # docs name .env files by kind: still forgotten
            "README.md": "# Course\n\n[Rubric](./rubrics/assignment_1_rubric.xlsx). Copy .env.example to .env.\n",
            "config.yml": "sweep: configs/sweep_config.json\n",
        },
        "*.xlsx\n*.json\n.env\n",
    )
    findings = check(root, "OSS406")
    assert [f.line for f in findings] == [1, 3]
    assert "(scratch/old_results.xlsx)" in findings[0].message


def test_a_name_inside_a_longer_name_does_not_name_the_file(make_repo: MakeRepo, check: Check) -> None:
    root = _ignored_after_commit(
        make_repo,
        {"model.pt": b"\x80\x02", "README.md": "# Proj\n\nDownload best_model.pt from the releases page.\n"},
        "*.pt\n",
    )
    assert "(model.pt)" in only(check(root, "OSS406")).message


def test_shared_editor_settings_under_a_broad_rule_are_fine(make_repo: MakeRepo, check: Check) -> None:
    root = _ignored_after_commit(
        make_repo,
        {
            "setup/.vscode/extensions.json": '{"recommendations": ["ms-python.python"]}\n',  # shared on purpose
            ".devcontainer/devcontainer.json": "{}\n",
            ".vscode/.ropeproject/config": b"\0rope",  # one person's editor state: reported
        },
        ".vscode/\n.devcontainer/\n",
    )
    findings = check(root, "OSS406")
    assert [f.line for f in findings] == [1]
    assert "(.vscode/.ropeproject/config)" in findings[0].message


def test_a_rule_naming_one_file_means_the_one_beside_the_ignore_file(
    make_repo: MakeRepo, check: Check
) -> None:
    root = _ignored_after_commit(
        make_repo,
        {
            "bird.jpg": b"\xff\xd8",  # what the lesson downloads: reported
            "slides/bird.jpg": b"\xff\xd8\1",  # a slide with the same name: matched by chance
            "xl/titanic.xlsx": b"PK",
            "lessons/.DS_Store": b"\0",  # a tool's file: meant in every folder
            "plots/loss.png": b"\x89PNG",  # a kind of file: meant everywhere
            "lessons/README.md": "x\n",
        },
        "bird.jpg\ntitanic*\n.DS_Store\n*.png\n",
    )
    findings = check(root, "OSS406")
    assert [(f.line, _files_named(f)) for f in findings] == [
        (1, "bird.jpg"),
        (3, "lessons/.DS_Store"),
        (4, "plots/loss.png"),
    ]


def test_a_file_an_r_markdown_report_names_is_kept_on_purpose(make_repo: MakeRepo, check: Check) -> None:
    report = "---\ntitle: Daily trend\noutput:\n  powerpoint_presentation:\n    reference_doc: src/template.pptx\n---\n"
    root = _ignored_after_commit(
        make_repo,
        {"Trend_Report.rmd": report, "src/template.pptx": b"PK", "src/old_deck.pptx": b"PK\1"},
        "*.pptx\n",
    )
    assert _files_named(only(check(root, "OSS406"))) == "src/old_deck.pptx"


def test_a_web_page_kept_in_an_output_folder_is_kept_on_purpose(make_repo: MakeRepo, check: Check) -> None:
    page = '<link rel="stylesheet" href="style.css">\n<script src="terms.js"></script>\n<script src="f.js"></script>\n'
    coverage = '<meta name="generator" content="coverage.py">\n<script src="coverage_html.js"></script>\n'
    root = _ignored_after_commit(
        make_repo,
        {
            "outputs/viewer/index.html": page,
            "outputs/viewer/f.js": "d3.json('empty.json', draw);\n",
            "outputs/viewer/style.css": "body { margin: 0 }\n",
            "outputs/viewer/empty.json": "{}\n",
            "outputs/scores.csv": "a\n1\n",  # what the code wrote: reported
            "htmlcov/index.html": coverage,
            "htmlcov/coverage_html.js": "var x;\n",
            "htmlcov/status.json": "{}\n",
        },
        "outputs/\nhtmlcov/\n",
    )
    findings = check(root, "OSS406")
    assert [(f.line, _files_named(f)) for f in findings] == [
        (1, "outputs/scores.csv"),
        (2, "htmlcov/coverage_html.js, htmlcov/index.html, htmlcov/status.json"),
    ]


def test_files_an_exception_names_are_kept_even_where_it_cannot_take_effect(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    root = make_repo({"data/keep/a.csv": "a\n1\n", "data/other/b.csv": "b\n2\n"})
    _commit(root, "data", 1)
    # git cannot take data/keep back from an excluded data/, but the intent is written down.
    (root / ".gitignore").write_text("# only the Newcastle extract\ndata\n!data/keep\n", encoding="utf-8")
    _commit(root, "ignore the rest", 2)
    assert "data/keep" not in only(check(root, "OSS406")).message
    assert [f.path for f in check_unadopted(root, "OSS404") if f.path != ".gitignore"] == ["data/other/b.csv"]


def test_an_exception_naming_a_folder_keeps_its_files(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {"evals/data/gambling_XS/responses.json": "{}\n", "evals/data/big/responses.json": "{}\n"}
    )
    _commit(root, "eval data", 1)
    ignore = "# Keep gambling_XS as reference dataset\n!evals/data/gambling_XS/\n# GCP service account credentials\n*.json\n"
    (root / ".gitignore").write_text(ignore, encoding="utf-8")
    _commit(root, "ignore credentials", 2)
    message = only(check(root, "OSS406")).message
    assert "evals/data/big/responses.json" in message
    assert "gambling_XS" not in message


def test_an_exception_that_takes_back_folders_names_no_file(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    # '!data/**/' lets git look into data/'s folders; it keeps none of their files.
    root = make_repo({"data/raw.csv": "a\n1\n", "data/README.md": "about the data\n"})
    _commit(root, "data", 1)
    (root / ".gitignore").write_text("data/**\n!data/**/\n", encoding="utf-8")
    _commit(root, "ignore data", 2)
    assert "data/raw.csv" in only(check(root, "OSS406")).message
    assert [f.path for f in check_unadopted(root, "OSS404") if f.path != ".gitignore"] == ["data/raw.csv"]


def test_files_forced_in_after_their_rule_are_fine(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".gitignore": "/images\n*.c\ndata/\n", "README.md": "x\n"})
    _commit(root, "ignore", 1)
    files = {
        "images/ann/rbm.png": b"\x89PNG",
        "src/unwrap_2d.c": b"int x;\n",
        "data/README.md": b"x\n",
        "data/.gitkeep": b"",
    }
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    _commit(root, "keep a few on purpose", 2, *files)
    assert check(root, "OSS406") == []


def test_code_and_keep_files_and_template_folders_are_exceptions(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            "numpy/linalg/f2c.c.patch": "x\n",
            "models/.gitkeep": "",
            "data/private/.gitinclude": "",  # another team's name for a keep file
            "{{cookiecutter.slug}}/data/raw/x.csv": "a\n",
            "{{cookiecutter.slug}}/.gitignore": "data/\n",
        }
    )
    _commit(root, "files", 1, "{{cookiecutter.slug}}/data/raw/x.csv")
    (root / ".gitignore").write_text("*.patch\nmodels/*\ndata/private/*\n", encoding="utf-8")
    assert check(root, "OSS406") == []


def test_without_git_or_in_a_shallow_clone_nothing_is_reported(
    make_repo: MakeRepo, check: Check, tmp_path: Path
) -> None:
    from conftest import git

    root = make_repo({"x.log": "1\n", ".gitignore": ""}, git_init=False)
    (root / ".gitignore").write_text("*.log\n", encoding="utf-8")
    assert check(root, "OSS406") == []
    origin = make_repo({"x.log": "1\n"})
    _commit(origin, "log", 1)
    (origin / ".gitignore").write_text("*.log\n", encoding="utf-8")
    _commit(origin, "ignore logs", 2)
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    assert check(clone, "OSS406") == []
    assert [f.path for f in check(origin, "OSS406")] == [".gitignore"]


# -- OSS407 committed-credentials -------------------------------------------------------------

# Built at run time so that secret scanners do not flag this test file.
WANDB = "4f1d2c3b4a59687766554433" + "22110099aabbccdd"
AWS = "AKIA" + "QWERTYUIOP234567"


@pytest.mark.parametrize(
    ("path", "content", "line", "kind"),
    [
        (
            "cloud_config.yaml",
            f'env:\n  - name: WANDB_API_KEY\n    value: "{WANDB}"\n',
            2,
            "a secret setting (WANDB_API_KEY=****)",
        ),
        ("settings.py", f'OPENAI_API_KEY = "{WANDB}"\n', 1, "a secret setting (OPENAI_API_KEY=****)"),
        ("config.json", f'{{"DB_PASSWORD": "{WANDB}"}}\n', 1, "a secret setting (DB_PASSWORD=****)"),
        ("deploy.sh", f"export AWS_ACCESS_KEY_ID={AWS}\n", 1, "an AWS access key id (AKIA****)"),
        (
            "tests/test_s3.py",
            f"KEY = '{AWS}'\n",
            1,
            "an AWS access key id (AKIA****)",
        ),  # a key is a key anywhere
        (
            "Dockerfile",
            "RUN echo '-----BEGIN RSA " + "PRIVATE KEY-----'\n",
            1,
            "a private key (-----BEGIN …)",
        ),
        ("README.md", "\n\nUse `ghp_" + "a1B2" * 9 + "` to log in.\n", 3, "a GitHub token (ghp_****)"),
    ],
)
def test_credentials_in_committed_files(
    make_repo: MakeRepo, check: Check, path: str, content: str, line: int, kind: str
) -> None:
    finding = only(check(make_repo({path: content}), "OSS407"))
    assert (finding.path, finding.line) == (path, line)
    assert f"line {line} holds {kind}: revoke it" in finding.message
    assert WANDB not in finding.message
    assert AWS not in finding.message


@pytest.mark.parametrize(
    "content",
    [
        "OPENAI_API_KEY = os.environ['OPENAI_API_KEY']\n",
        "API_KEY=your-api-key-goes-here-12345\n",
        "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n",
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n",  # AWS's documented example
        "token: 8bdc5016-2b6c-4e3e-9f3a-0123456789ab\n",  # lower case: not an environment setting
        "MAX_TOKENS = 4096\nTOKEN_PATTERN = r'(?u)\\b\\w\\w+\\b'\n",
        "PublicKeyToken=b77a5c561934e089\n",
        "password = 'hunter2'\n",  # too common in tests and docs; OSS307 reports it in outputs
    ],
)
def test_what_is_not_a_committed_credential(make_repo: MakeRepo, check: Check, content: str) -> None:
    assert check(make_repo({"config.py": content}), "OSS407") == []


#: A made-up value shaped like an app secret (mixed case, digits, 26 characters).
APP_SECRET = "Qw3rTy9Ui" + "Op1AsDfGh2JkLz"


@pytest.mark.parametrize(
    ("content", "line", "name"),
    [
        (f"reddit_client_secret = '{APP_SECRET}'  #@param {{type:'string'}}\n", 1, "reddit_client_secret"),
        (
            f"import praw\nreddit = praw.Reddit(client_id='abc', client_secret=\"{APP_SECRET}\")\n",
            2,
            "client_secret",
        ),
        (f"CONFIG = {{\n    'apiKey': '{APP_SECRET}',\n}}\n", 2, "apiKey"),
        (f"hf_token = r'{APP_SECRET}'\n", 1, "hf_token"),
    ],
)
def test_secrets_assigned_in_python_and_notebook_code(
    make_repo: MakeRepo, check: Check, content: str, line: int, name: str
) -> None:
    root = make_repo({"fetch.py": content, NOTEBOOK: nb(code("x = 1"), code(content))})
    findings = check(root, "OSS407")
    assert located(findings) == [
        ("fetch.py", None, line, 1 + content.splitlines()[line - 1].index(name)),
        (NOTEBOOK, 2, line, 1 + content.splitlines()[line - 1].index(name)),
    ]
    assert all(f"holds a secret ({name}=****): revoke it" in f.message for f in findings)
    assert all(APP_SECRET not in f.message for f in findings)


@pytest.mark.parametrize(
    "content",
    [
        "client_secret = 'SECRET_KEY_27_CHARS'\n",  # says what goes there
        "client_secret = 'your-client-secret-here-123'\n",
        "api_key = '<paste your key here>'\n",
        "password = 'EnterYourOwnInfoHere1'\n",
        "token_path = 'data/tokens/vocab_2020_v3.txt'\n",  # the name goes on: not the secret
        "secret_name = 'prod-db-password-v2-2024'\n",
        "tokenizer_token = 'bert_base_uncased_2020_v2'\n",  # reads as words
        "pad_token = '[PAD]'\n",
        "auth_token = os.environ['AUTH_TOKEN']\n",
        "token_url = 'https://auth.example.org/o/token2024'\n",
        "if api_key == 'Qw3rTy9UiOp1AsDfGh2JkLz': pass\n",  # a comparison, not an assignment
    ],
)
def test_what_is_not_a_secret_in_code(make_repo: MakeRepo, check: Check, content: str) -> None:
    root = make_repo({"fetch.py": content, NOTEBOOK: nb(code(content))})
    assert check(root, "OSS407") == []


def test_a_secret_in_a_markdown_cell_is_not_code(make_repo: MakeRepo, check: Check) -> None:
    # The markdown shows how to call the API; only a known key format counts there.
    root = make_repo(
        {NOTEBOOK: nb({"cell_type": "markdown", "metadata": {}, "source": [f"client_secret='{APP_SECRET}'"]})}
    )
    assert check(root, "OSS407") == []


def test_credentials_in_notebook_cells_and_env_files_are_left_to_their_rules(
    make_repo: MakeRepo, check: Check
) -> None:
    notebook = nb(
        code("x = 1"), code(f"import os\nos.environ['WANDB_API_KEY'] = 'x'\nWANDB_API_KEY = '{WANDB}'\n")
    )
    root = make_repo({NOTEBOOK: notebook, ".env": f"WANDB_API_KEY={WANDB}\n"})
    finding = only(check(root, "OSS407"))
    assert (finding.path, finding.cell, finding.line) == (NOTEBOOK, 2, 3)
    assert finding.message.startswith("cell 2 line 3 holds a secret setting")


def test_a_public_value_can_be_kept_with_a_reason(make_repo: MakeRepo, run_checks: Run) -> None:
    content = f'SENTRY_TOKEN = "{WANDB}"  # oss-checks: ignore[OSS407] the public ingest key\n'
    result = run_checks(make_repo({"app.py": content}), "OSS407")
    assert result.findings == []
    assert [i.reason for i in result.ignored] == ["the public ingest key"]


def test_large_files_the_project_names_are_used_on_purpose(make_repo: MakeRepo, check: Check) -> None:
    files: dict[str, str | bytes] = {
        "models/model.pkl": b"\0" * (2 * MB),  # the pipeline loads it
        "ch08/movie_data.csv.gz": b"\0" * (2 * MB),  # the chapter reads it
        "lightning_logs/version_0/checkpoints/epoch=9.ckpt": b"\0" * (2 * MB),  # nobody names it
        "src/predict.py": 'MODEL = "models/model.pkl"\n',
        "ch08/ch08.ipynb": nb(code("df = pd.read_csv('movie_data.csv.gz')")),
    }
    root = make_repo(files)
    assert [f.path for f in check(root, "OSS403")] == ["lightning_logs/version_0/checkpoints/epoch=9.ckpt"]
    # Where data is versioned with DVC, committed data belongs there, named or not.
    (root / "dvc.yaml").write_text("stages: {}\n", encoding="utf-8")
    assert [f.path for f in check(root, "OSS403")] == [
        "ch08/movie_data.csv.gz",
        "lightning_logs/version_0/checkpoints/epoch=9.ckpt",
        "models/model.pkl",
    ]


def test_files_in_a_folder_the_docs_name_are_provided_on_purpose(make_repo: MakeRepo, check: Check) -> None:
    files: dict[str, str | bytes] = {
        "logs/best_fold0/events.out.tfevents.1": b"\0" * (2 * MB),  # the README names its folder
        "logs/best_fold0/nested/events.out.tfevents.2": b"\0" * (2 * MB),  # one level further down
        "logs/best_fold0x/events.out.tfevents.3": b"\0" * (2 * MB),  # a longer name, not named
        "logs/fold1/events.out.tfevents.4": b"\0" * (2 * MB),  # only the code writes there
        "logs/huge_fold/events.out.tfevents.5": b"\0" * (11 * MB),  # named, but over the named limit
        "data/big.csv": b"\0" * (2 * MB),  # a top-level folder is where files go, not what is provided
        "README.md": (
            "Logs and checkpoints are saved under `logs/` and the data goes in `data/`.\n"
            "The training log of the best model is provided under `./logs/best_fold0/`;\n"
            "the longest run is in logs/huge_fold.\n"
        ),
        "train.py": "LOG_DIR = 'logs/fold1'\n",
    }
    findings = check(make_repo(files), "OSS403")
    assert [f.path for f in findings] == [
        "data/big.csv",
        "logs/best_fold0/nested/events.out.tfevents.2",
        "logs/best_fold0x/events.out.tfevents.3",
        "logs/fold1/events.out.tfevents.4",
        "logs/huge_fold/events.out.tfevents.5",
    ]
    assert "over the 10240 KB limit for files in a folder the docs name" in findings[-1].message


def test_files_of_a_folder_the_code_reads_whole_are_its_inputs(make_repo: MakeRepo, check: Check) -> None:
    table = b"a,b\n" * (MB // 2)
    files: dict[str, str | bytes] = {
        "output/history/france.csv": table,  # R's dir() lists the folder, and the loop reads each
        "output/history/spain.csv": table,
        "output/weekly/italy.csv": table,  # Python's glob() takes the csv files of the folder
        "output/weekly/italy.parquet": table,  # ... and not this one
        "output/monthly/peru.csv": table,  # pathlib's iterdir() lists the folder
        "output/monthly/deeper/chile.csv": table,  # a listing reads one folder, not those below it
        "output/unread/norway.csv": table,  # no code lists or names it
        "data/raw.csv": table,  # a top-level folder is where files go, even when the code lists it
        "scripts/model.R": (
            "for (name in dir('output/history')) {\n  x <- read.csv(file.path('output/history', name))\n}\n"
            "raw <- list.files('data')\n"
        ),
        "scripts/weekly.py": (
            "import glob\nfrom pathlib import Path\n\nfor name in glob.glob('output/weekly/*.csv'):\n    print(name)\n"
            'for path in Path("./output/monthly").iterdir():\n    print(path)\n'
        ),
    }
    assert [f.path for f in check(make_repo(files), "OSS403")] == [
        "data/raw.csv",
        "output/monthly/deeper/chile.csv",
        "output/unread/norway.csv",
        "output/weekly/italy.parquet",
    ]


def test_data_a_readme_links_by_its_address_is_published_on_purpose(
    make_repo: MakeRepo, check: Check
) -> None:
    # A newsroom's investigation links each published table by its address on the forge.
    blob = "https://github.com/news/investigation/blob/main"
    files: dict[str, str | bytes] = {
        "output/by_city/boston_plans.csv": b"a,b\n" * (MB // 2),  # only its folder is linked
        "output/by_city/des moines_plans.csv": b"a,b\n" * (MB // 2),
        "scratch/dump.csv": b"a,b\n" * (MB // 2),  # nobody names it
        "tables/summary.csv": b"a,b\n" * (MB // 2),  # named by a link with a space in it
        "README.md": (
            f"- Des Moines ([plans]({blob}/output/by_city/des%20moines_plans.csv))\n"
            f"- The summary: <https://gitlab.com/news/inv/-/blob/main/tables/summary%2Ecsv>\n"
        ),
    }
    assert [f.path for f in check(make_repo(files), "OSS403")] == ["scratch/dump.csv"]


def test_downloads_the_projects_web_front_end_links_are_offered_on_purpose(
    make_repo: MakeRepo, check: Check
) -> None:
    page = 'const figures = "https://github.com/book/book/raw/main/PDFFigures/Chap1PDF.zip";\n'
    files: dict[str, str | bytes] = {
        "PDFFigures/Chap1PDF.zip": b"PK" + b"\0" * (2 * MB),
        "PDFFigures/Chap2PDF.zip": b"PK" + b"\0" * (2 * MB),  # the README links its raw address
        "src/components/Instructors/index.jsx": page,
        "README.md": "Figures: [chapter 2](https://github.com/book/book/raw/main/PDFFigures/Chap2PDF.zip)\n",
        "PDFFigures/Chap3PDF.zip": b"PK" + b"\0" * (2 * MB),  # linked by nothing
    }
    assert [f.path for f in check(make_repo(files), "OSS403")] == ["PDFFigures/Chap3PDF.zip"]


def test_data_the_readme_of_its_own_folder_describes_is_shared_on_purpose(
    make_repo: MakeRepo, check: Check
) -> None:
    readme = (
        "# Phase 1 data\n\nThe `co` and co_multi_label files hold the coded comments;\n"
        "text_data.csv the raw text. The huge table holds every comment ever.\n"
        "Shared under CC BY-NC-SA 4.0.\n"
    )
    files: dict[str, str | bytes] = {
        "datasets/phase_1/co.csv": b"\0" * (2 * MB),  # a short stem, quoted as code
        "datasets/phase_1/co_multi_label.csv": b"\0" * (2 * MB),  # its stem, in prose
        "datasets/phase_1/text_data.csv": b"\0" * (2 * MB),  # its whole name
        "datasets/phase_1/extra.csv": b"\0" * (2 * MB),  # in the folder, but not described
        "datasets/phase_1/README.md": readme,
        "datasets/other/co_multi_label.csv": b"\0" * (2 * MB),  # its folder's README names none
        "datasets/other/README.md": "Scratch files.\n",
        "datasets/phase_1/huge.csv": b"\0" * (11 * MB),  # described, but over the named limit
    }
    findings = check(make_repo(files), "OSS403")
    assert [f.path for f in findings] == [
        "datasets/other/co_multi_label.csv",
        "datasets/phase_1/extra.csv",
        "datasets/phase_1/huge.csv",
    ]
    assert "the README beside them describes" in findings[-1].message


def test_the_parts_of_a_shapefile_the_code_reads_are_named(make_repo: MakeRepo, check: Check) -> None:
    files: dict[str, str | bytes] = {
        "data/geo/cities.shp": b"\0" * 1000,
        "data/geo/cities.dbf": b"\0" * (2 * MB),  # read with the .shp
        "data/geo/roads.dbf": b"\0" * (2 * MB),  # a shapefile nobody reads
        "geo.py": "import geopandas\ncities = geopandas.read_file('data/geo/cities.shp')\n",
    }
    assert [f.path for f in check(make_repo(files), "OSS403")] == ["data/geo/roads.dbf"]


@pytest.mark.parametrize(
    "naming",
    [
        "path = 'folds/split.{}.csv'.format(k)\n",
        "path = f'folds/split.{k}.csv'\n",
        "path = 'folds/split.%d.csv' % k\n",
        "path = 'folds/split.' + str(k) + '.csv'\n",
        "paths = glob.glob('folds/split.*.csv')\n",
        "README: *split.[0-4].csv* are the five folds.\n",
    ],
)
def test_a_series_named_by_a_format_string_or_glob_is_named(
    make_repo: MakeRepo, check: Check, naming: str
) -> None:
    files: dict[str, str | bytes] = {f"folds/split.{k}.csv": b"\0" * (2 * MB) for k in range(3)}
    files["folds/split.notes.csv"] = b"\0" * (2 * MB)  # not of the series: nobody names it
    files["runs/ckpt_7.pt"] = b"\0" * (2 * MB)  # a checkpoint of another series, named by nothing
    files["split.py" if naming.startswith("path") else "README.md"] = naming
    assert [f.path for f in check(make_repo(files), "OSS403")] == ["folds/split.notes.csv", "runs/ckpt_7.pt"]


def test_a_name_built_from_several_placeholders_names_its_files(make_repo: MakeRepo, check: Check) -> None:
    # An R pipeline that writes one table per period, named by a glue template.
    files: dict[str, str | bytes] = {
        "data/processed/job_change_estimates_2020_2_to_2020_4.csv": b"\0" * (2 * MB),
        "data/processed/job_change_estimates_2020_2_to_2020_5.csv": b"\0" * (2 * MB),
        "data/processed/weights_2020_2_to_2020_4.parquet": b"\0" * (2 * MB),  # no template builds it
        "R/write.R": 'write_csv(out, str_glue("data/processed/job_change_estimates_{start}_to_{latest}.csv"))\n',
    }
    assert [f.path for f in check(make_repo(files), "OSS403")] == [
        "data/processed/weights_2020_2_to_2020_4.parquet"
    ]


def test_a_log_the_code_names_is_what_it_wrote(make_repo: MakeRepo, check: Check) -> None:
    files: dict[str, str | bytes] = {
        "logs/downloader.log": b"x" * (2 * MB),
        "inputs/prices.csv": b"\0" * (2 * MB),
        "download.py": 'logging.basicConfig(filename="logs/downloader.log")\npd.read_csv("inputs/prices.csv")\n',
    }
    findings = check(make_repo(files), "OSS403")
    assert [(f.path, f.message.partition("limit for ")[2].partition(":")[0]) for f in findings] == [
        ("logs/downloader.log", "logs")
    ]


def test_a_series_prefix_without_a_placeholder_does_not_name_it(make_repo: MakeRepo, check: Check) -> None:
    files: dict[str, str | bytes] = {f"folds/split.{k}.csv": b"\0" * (2 * MB) for k in range(2)}
    files["split.py"] = "PREFIX = 'split.'\nOTHER = 'split.final.csv'\n"
    assert [f.path for f in check(make_repo(files), "OSS403")] == ["folds/split.0.csv", "folds/split.1.csv"]


def test_a_text_full_of_series_prefixes_stays_linear(make_repo: MakeRepo, check: Check) -> None:
    files: dict[str, str | bytes] = {"split.0.csv": b"\0" * (2 * MB)}
    files["notes.md"] = "split.{" * 40_000 + "split.[" * 40_000 + "split.' + " * 40_000  # under 1 MB
    began = time.perf_counter()
    assert [f.path for f in check(make_repo(files), "OSS403")] == ["split.0.csv"]
    assert time.perf_counter() - began < 20  # quadratic work would take hours


def test_tracked_but_ignored_with_hostile_file_names(make_repo: MakeRepo, check: Check) -> None:
    names = [
        "-rf.log",
        "a*b?.log",
        "[x].log",
        "caf\u00e9 d\u00e9j\u00e0.log",
        "new\nline.log",
        ":(glob)x.log",
    ]
    root = make_repo(dict.fromkeys(names, "1\n"))
    _commit(root, "logs", 1)
    (root / ".gitignore").write_text("*.log\n", encoding="utf-8")
    _commit(root, "ignore logs", 2)
    finding = only(check(root, "OSS406"))
    assert finding.message.startswith("6 files committed before this rule are still tracked although '*.log'")


# -- OSS408 committed-environment -------------------------------------------------------------
def test_a_committed_virtual_environment_is_reported_once(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    files: dict[str, str | bytes] = {
        "analysis/pyvenv.cfg": "home = /Users/alice/.pyenv/versions/3.12.1/bin\nversion = 3.12.1\n",
        "analysis/bin/activate": 'VIRTUAL_ENV="/Users/alice/project/analysis"\n',
        "analysis/lib/python3.12/site-packages/six.py": "x = 1\n",
        "envs/conda/conda-meta/history": "==> 2024-01-01 <==\n",
        "analysis/train.py": "print(1)\n",
    }
    for run in (check, check_unadopted):
        findings = run(make_repo(files), "OSS408")
        assert [(f.path, f.message.split(")")[0]) for f in findings] == [
            ("analysis/pyvenv.cfg", "a virtual environment is committed (analysis/"),
            ("envs/conda/conda-meta/history", "a virtual environment is committed (envs/conda/"),
        ]


def test_a_fixture_environment_or_a_file_that_mentions_one_is_fine(make_repo: MakeRepo, check: Check) -> None:
    files = {
        "tests/fixtures/broken-venv/pyvenv.cfg": "home = /usr/bin\n",  # a test of venv detection
        "docs/pyvenv.cfg.md": "How pyvenv.cfg works.\n",
        "history": "what happened\n",
    }
    assert check(make_repo(files), "OSS408") == []


def test_a_folder_pip_installed_packages_into_is_reported_once(
    make_repo: MakeRepo, check: Check, check_unadopted: Check
) -> None:
    files: dict[str, str | bytes] = {
        "pythonlibs/requests/__init__.py": "x = 1\n",
        "pythonlibs/requests-2.31.0.dist-info/METADATA": "Name: requests\n",
        "pythonlibs/requests-2.31.0.dist-info/RECORD": "requests/__init__.py,,\n",
        "pythonlibs/idna-3.6.dist-info/RECORD": "idna/__init__.py,,\n",
        "lambda/six-1.16.0.dist-info/RECORD": "six.py,,\n",
        "analysis/train.py": "print(1)\n",
    }
    for run in (check, check_unadopted):
        findings = run(make_repo(files), "OSS408")
        assert [(f.path, f.message.split(":")[0]) for f in findings] == [
            ("lambda/six-1.16.0.dist-info/RECORD", "installed packages are committed (lambda/"),
            ("pythonlibs/idna-3.6.dist-info/RECORD", "installed packages are committed (pythonlibs/"),
        ]
        assert "(pythonlibs/: 2 packages pip installed there)" in findings[1].message


def test_packages_inside_an_environment_or_a_vendor_folder_are_not_reported_again(
    make_repo: MakeRepo, check: Check
) -> None:
    files = {
        ".env311/pyvenv.cfg": "home = /usr/bin\n",
        ".env311/lib/python3.11/site-packages/six-1.16.0.dist-info/RECORD": "six.py,,\n",
        "src/pkg/_vendor/six-1.16.0.dist-info/RECORD": "six.py,,\n",
        "tests/data/site/six-1.16.0.dist-info/METADATA": "Name: six\n",
        "archive/libs/six-1.16.0.dist-info/RECORD": "six.py,,\n",
    }
    assert [f.path for f in check(make_repo(files), "OSS408")] == [".env311/pyvenv.cfg"]


# -- OSS410 committed-clutter ---------------------------------------------------------------------


def test_what_a_system_editor_or_tool_left_behind_is_reported(make_repo: MakeRepo, check: Check) -> None:
    files = {
        ".DS_Store": b"\x00\x00\x00\x01Bud1",
        "analysis/.Rhistory": "con <- dbConnect(odbc(), pwd = 'x')\n",
        "src/pkg/__pycache__/core.cpython-312.pyc": b"\xcb\r\r\n",
        "tests/testthat/testthat-problems.rds": b"X\n",
        "reports/~$summary.docx": b"lock",
        # The project's own files, a fixture of a tool that reads such files, and a vendored copy.
        "src/pkg/core.py": "X = 1\n",
        "tests/fixtures/finder/.DS_Store": b"Bud1",
        "vendor/lib/.DS_Store": b"Bud1",
        "notes/history.md": "# History\n",
    }
    found = {f.path: f.message for f in check(make_repo(files, commit=True), "OSS410")}
    assert sorted(found) == [
        ".DS_Store",
        "analysis/.Rhistory",
        "reports/~$summary.docx",
        "src/pkg/__pycache__/core.cpython-312.pyc",
        "tests/testthat/testthat-problems.rds",
    ]
    assert found["analysis/.Rhistory"] == (
        "analysis/.Rhistory is R's command history, which holds whatever was typed, committed by accident: "
        "`git rm --cached` it (it stays on disk) and add .Rhistory to .gitignore"
    )
    assert found["src/pkg/__pycache__/core.cpython-312.pyc"].endswith("add __pycache__/ to .gitignore")


def test_clutter_already_ignored_is_left_to_oss406_and_untracked_clutter_is_local(
    make_repo: MakeRepo, check: Check
) -> None:
    # Committed first and ignored later: OSS406's to name, with the rule that now ignores it.
    root = make_repo({"notes/.DS_Store": b"Bud1", "src/x.py": "X = 1\n"}, commit=True)
    assert [f.path for f in check(root, "OSS410")] == ["notes/.DS_Store"]
    (root / ".gitignore").write_text(".DS_Store\n")
    git(root, "add", ".gitignore")
    git(root, "commit", "-q", "-m", "ignore Finder's files")
    (root / "notes/.Rhistory").write_text("q()\n")  # on disk only: one computer's, not the repository's
    assert check(root, "OSS410") == []


# -- OSS409 ignore-exception-unreachable ----------------------------------------------------------


def test_an_exception_with_a_wildcard_is_asked_about_a_file_it_would_take_back(
    make_repo: MakeRepo, check: Check
) -> None:
    gitignore = "/data/\n!/data/*.csv\n*.log\n!keep-*.log\n"
    root = make_repo({".gitignore": gitignore, "data/catalogue.json": "{}\n", "README.md": "x\n"})
    (finding,) = check(root, "OSS409")
    assert (finding.line, finding.message.startswith("the exception '!/data/*.csv' never applies")) == (
        2,
        True,
    )


def test_an_exception_inside_an_ignored_folder_never_applies(make_repo: MakeRepo, check: Check) -> None:
    gitignore = "# only the Newcastle extract\ndata\n!data/processed/newcastle\n*.log\n!run.log\n"
    root = make_repo({".gitignore": gitignore, "README.md": "x\n"})
    (root / "data" / "processed" / "newcastle").mkdir(parents=True)
    finding = only(check(root, "OSS409"))
    assert (finding.path, finding.line) == (".gitignore", 3)
    assert finding.message == (
        "the exception '!data/processed/newcastle' never applies: line 2 ('data') ignores a folder it is in, "
        "and git never looks inside one; ignore the folder's contents instead ('**/data/**' then "
        "'!**/data/**/'), and put '!data/processed/newcastle/**' below those lines"
    )
    # The advice works: the region's files are kept, every other data/ folder stays ignored.
    (root / ".gitignore").write_text(
        "**/data/**\n!**/data/**/\n!data/processed/newcastle/**\n", encoding="utf-8"
    )
    probes = ["data/processed/newcastle/a.csv", "data/raw/b.csv", "src/pkg/data/c.csv"]
    ignored = subprocess.run(
        ["git", "-C", str(root), "check-ignore", "--no-index", *probes],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    assert ignored == ["data/raw/b.csv", "src/pkg/data/c.csv"]
    assert check(root, "OSS409") == []


def test_an_exception_below_a_later_folder_rule_is_told_to_untangle_the_folder(
    make_repo: MakeRepo, check: Check
) -> None:
    root = make_repo({".gitignore": "!data/keep/x.csv\ndata/\n", "README.md": "x\n"})
    (root / "data" / "keep").mkdir(parents=True)
    message = only(check(root, "OSS409")).message
    assert "line 2 ('data/') ignores a folder it is in" in message
    assert "put '!data/keep/x.csv' below those lines" in message


def test_the_repositorys_own_ignore_files_decide_not_the_machines(
    make_repo: MakeRepo, check: Check, tmp_path: Path
) -> None:
    # A checkout's .git/config may name any file as its excludes file; it is never read.
    outside = tmp_path / "private-notes.txt"
    outside.write_text("data\n", encoding="utf-8")
    files = {".gitignore": "!data/keep.csv\n", "README.md": "x\n", "data/.gitkeep": ""}
    root = make_repo(files)
    before = [(f.code, f.message) for f in check(root, "OSS404", "OSS409")]
    subprocess.run(["git", "-C", str(root), "config", "core.excludesFile", str(outside)], check=True)
    after = [(f.code, f.message) for f in check(root, "OSS404", "OSS409")]
    assert after == before
    assert [code for code, _ in after] == ["OSS404"]  # data/ is not ignored by the repository
    assert "private-notes" not in repr(after)


def test_odd_exceptions_never_silence_the_others(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {".gitignore": "out/\n!../x\n!lnk/inside\n  !out/literal\n!out/keep.txt\n", "README.md": "x\n"}
    )
    (root / "out").mkdir()
    (root / "lnk").symlink_to(root / "out")
    assert [f.line for f in check(root, "OSS409")] == [5]


def test_an_exception_a_later_line_overrides_never_applies(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({".gitignore": "!models/baseline.pkl\n*.pkl\n", "README.md": "x\n"})
    assert check(root, "OSS409") == []  # no models/ folder: nothing the exception could keep
    (root / "models").mkdir()
    message = only(check(root, "OSS409")).message
    assert (
        "line 2 ('*.pkl') ignores it again after the exception; move the exception below that line" in message
    )


def test_exceptions_that_apply_patterns_and_tracked_files_are_not_reported(
    make_repo: MakeRepo, check: Check
) -> None:
    root = make_repo(
        {
            ".gitignore": ".env\n!.env.example\nbuild/\n!build/*.keep\nsite/\n!site/CNAME\n",
            "site/CNAME": "docs.acme.org\n",  # committed before the rule: git keeps tracking it
            "sub/.gitignore": "out/\n!out/keep.txt\n",  # a nested ignore file is probed in its folder
            "README.md": "x\n",
            # A generator's lines for Flask's instance/, a folder this project does not have.
            "api/.gitignore": "instance/\ninstance/*\n!instance/.gitignore\n",
        }
    )
    (root / "sub" / "out").mkdir()
    subprocess.run(["git", "-C", str(root), "add", "-f", "site/CNAME"], check=True, capture_output=True)
    assert [(f.path, f.line) for f in check(root, "OSS409")] == [("sub/.gitignore", 2)]


def test_an_exception_a_deeper_ignore_file_overrides_names_the_file_to_change(
    make_repo: MakeRepo, check: Check
) -> None:
    # The folder is in git through its own .gitignore already: a .gitkeep would keep nothing.
    files = {".gitignore": "data/*\n!data/.gitkeep\n!data/README.md\n", "data/.gitignore": "*\n!.gitignore\n"}
    findings = check(make_repo(files), "OSS409")
    assert [(f.path, f.line) for f in findings] == [(".gitignore", 3)]
    assert findings[0].message == (
        "the exception '!data/README.md' never applies: data/.gitignore:1 ('*') ignores it, and the "
        ".gitignore nearest a file wins; add '!README.md' to data/.gitignore below line 1"
    )


def test_the_same_path_written_again_is_one_thing_to_fix(make_repo: MakeRepo, check: Check) -> None:
    # Said once, at its first use, in a notebook's cells and in a script's lines alike.
    root = make_repo({NOTEBOOK: nb(code("a = '/home/ana/a'"), code("b = '/home/ana/b'\nc = '/home/ana/a'"))})
    assert located(check(root, "OSS401")) == [(NOTEBOOK, 1, 1, 6), (NOTEBOOK, 2, 1, 6)]
    launcher = "".join(f"run('/mnt/jeoproc/log/day.log', {day})\n" for day in range(15))
    findings = check(
        make_repo({"launch.py": launcher, "other.py": "x = '/mnt/jeoproc/log/day.log'\n"}), "OSS401"
    )
    assert [(f.path, f.line) for f in findings] == [("launch.py", 1), ("other.py", 1)]
    # The message is the same however many copies are left, so a baseline entry still matches.
    assert findings[0].message == findings[1].message


def test_the_home_of_a_ci_runner_is_the_same_on_every_run(make_repo: MakeRepo, check: Check) -> None:
    build = 'set -o pipefail && make html 2>&1 | tee ~/log.txt\ncp -r ~/work/site "$OUT"\n'
    files = {"build_tools/circle/build_doc.sh": build, ".github/scripts/fetch.py": 'LOG = "~/fetch.log"\n'}
    assert check(make_repo(files), "OSS401") == []
    # A home folder named outright is still one person's, and ~ outside CI is whoever runs it.
    files = {"ci/build.sh": "cp -r /home/ana/site out\n", "tools/build.sh": build}
    assert [(f.path, f.line) for f in check(make_repo(files), "OSS401")] == [
        ("ci/build.sh", 1),
        ("tools/build.sh", 1),
        ("tools/build.sh", 2),
    ]


def test_a_network_share_is_one_computers_path_or_the_teams_share(make_repo: MakeRepo, check: Check) -> None:
    # R code that reads a colleague's folder on a network share, as a drive letter would.
    script = "setwd('\\\\\\\\dfs01/users/ana/waits')\nx <- read.csv('data/a.csv')\n"
    (finding,) = check(make_repo({"clean.R": script}), "OSS401")
    assert (finding.line, "points into a network share" in finding.message) == (1, True)
    # Read by three files, it is the team's share: said once, named as Windows writes it.
    shared = {f"step{n}.py": f'DATA = r"\\\\nas\\team\\step{n}.csv"\n' for n in range(3)}
    (finding,) = check(make_repo(shared), "OSS401")
    assert (finding.path, "points into \\\\nas\\team, which 3 files" in finding.message) == ("step0.py", True)
    # Written with slashes, as R on Windows does, it is named as the code spells it.
    slashed = {f"step{n}.R": f'x <- read.csv("//stats/linkage/step{n}.csv")\n' for n in range(3)}
    (finding,) = check(make_repo(slashed), "OSS401")
    assert (finding.path, "points into //stats/linkage, which 3 files" in finding.message) == (
        "step0.R",
        True,
    )
