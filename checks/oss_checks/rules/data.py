"""Data files and hard-coded paths (OSS4xx)."""

from __future__ import annotations

import contextlib
import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from oss_checks.formats import Notebook, NotebookCell
from oss_checks.git import nul_separated
from oss_checks.globs import glob_match
from oss_checks.patterns import lazy
from oss_checks.registry import Finding, Kind, Option, Rule, Scope, Severity, Stakeholder
from oss_checks.text.attributes import filter_for
from oss_checks.text.audience import origin_slug, read_as_notebooks
from oss_checks.text.builds import is_r_package
from oss_checks.text.ci import ci_files, databricks_jobs, is_ci_script
from oss_checks.text.community import README_NAMES, is_rst, readme_in
from oss_checks.text.layout import (
    DATA_EXTENSIONS,
    DATA_SUFFIXES,
    FIXTURE_FOLDERS,
    KEEP_FILE_NAMES,
    MEDIA_SUFFIXES,
    VENDORED_FOLDERS,
    autosave_copy,
    holds_code,
    in_docs_or_examples,
    in_run_records,
    in_tests,
    installed_packages,
    is_retired,
    is_vendored,
    not_the_projects_own,
)
from oss_checks.text.layout import folders as layout_folders
from oss_checks.text.notebooks import (
    NOTEBOOK_SUFFIX,
    TextPositions,
    in_folders,
    output_block,
    read_notebook,
    valid_notebook,
)
from oss_checks.text.paths import (
    Clone,
    PathHit,
    chunk_path_hits,
    is_generic,
    machine_root,
    mentions_vm_home,
    notebook_cell_path_hits,
    python_path_hits,
    r_path_hits,
    shell_path_hits,
    text_path_hits,
)
from oss_checks.text.project import project_kind
from oss_checks.text.readme import linked_paths, resolve
from oss_checks.text.secrets import find_code_secrets, find_file_secrets, is_placeholder

if TYPE_CHECKING:
    from oss_checks.context import Repo, SourceFile

# -- OSS401: paths of one computer --------------------------------------------------------

#: Notebook metadata holds a few short values; a hostile file cannot make this walk long.
_METADATA_VALUES = 2000


def _folders_of(path: str) -> list[str]:
    """The names along a path, compared as Windows compares them when it has a drive letter."""
    names = [name for name in path.replace("\\", "/").split("/") if name]
    return [name.lower() for name in names] if names and names[0].endswith(":") else names


#: The first line of a notebook exported from Databricks as a Python file.
_DATABRICKS_EXPORT = "# Databricks notebook source"
#: Where a Databricks workspace keeps its storage: mounts and Unity Catalog volumes.
_WORKSPACE_STORAGE = ("/mnt/", "/Volumes/", "/dbfs/")


#: Code written for a Databricks workspace: its utilities or its SDK.
#: (R's brickster: ``library(brickster)`` or ``brickster::``).
_DATABRICKS_CODE = lazy(r"\bdbutils\.|^\s*(?:from|import)\s+databricks\b|\bbrickster\b", re.MULTILINE)


#: Code that mounts volumes into a container or a pod (Kubernetes' ``mountPath``, the Docker
#: SDK's ``bind``, the settings of an Azure Batch task's container), or mounts storage itself
#: (``blobfuse2 mount``, ``gcsfuse``, ``s3fs``, ``rclone mount``, ``sshfs``, ``mount -t``): its
#: ``/mnt/...`` paths are the mounts it makes, the same wherever it runs.
_CONTAINER_MOUNTS = lazy(
    r"(?i)mount_?path|volume_?mounts|volumemount|[\"']bind[\"'][ \t]*:|TaskContainerSettings"
    r"|\b(?:blobfuse2?|gcsfuse|s3fs|goofys|sshfs)\b|\brclone\s+mount\b|\bmount\s+-t\s"
)


def _own_code(repo: Repo, path: str) -> bool:
    """Whether the file is code the project edits: not test input, vendored code, the records of
    past runs (a results folder's copies of the scripts it ran) or an autosave copy; a symbolic
    link's target is checked where it lives."""
    return not (
        not_the_projects_own(repo, path)
        or repo.is_symlink(path)
        or autosave_copy(path)
        or in_run_records(path)
    )


def _clone(repo: Repo) -> Clone:
    """``name/entry`` for the repository's names (its folder's, its ``origin``'s) and the
    entries at its top: a generic user's path through them is one computer's clone of it."""

    def build() -> Clone:
        names = {repo.root.name, *(origin_slug(repo) or ())[-1:]}
        # Every file: the per-file hook's run lists only the staged ones.
        entries = {path.split("/", 1)[0] for path in repo.every_path}
        return frozenset(f"{name}/{entry}".lower() for name in names if name for entry in entries)

    return repo.memo("oss401-clone", build)


def _clone_for(repo: Repo, sources: list[str]) -> Clone:
    """The clone test's names, built (a listing of every file) only for code that names a cloud
    VM user's home: every other file, and the per-file hook, pays nothing for it."""
    return _clone(repo) if any(mentions_vm_home(source) for source in sources) else frozenset()


def _source_hits(repo: Repo, path: str) -> list[tuple[int | None, PathHit]]:
    """(cell, hit) of each path of one computer in the file's code, found once per file."""

    def find() -> list[tuple[int | None, PathHit]]:
        suffix = repo.file(path).suffix
        if suffix == NOTEBOOK_SUFFIX:
            notebook = read_notebook(repo, path)
            if notebook.error is not None:
                return []
            sources = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
            clone = _clone_for(repo, sources)
            found: list[tuple[int | None, PathHit]] = [
                (cell.index, hit)
                for cell in notebook.cells
                if cell.cell_type == "code"
                for hit in notebook_cell_path_hits(cell.source, clone=clone)
            ]
        else:
            text = repo.read_text(path)
            if text is None:
                return []
            sources = [text]
            clone = _clone_for(repo, sources)
            if suffix in _LITERATE_DOCUMENTS:
                hits = chunk_path_hits(text, clone=clone)
            elif suffix in _SHELL_SCRIPTS:
                # A script often runs in a container, where the clone is everyone's.
                hits = shell_path_hits(text)
            elif suffix == _R_SCRIPT:
                hits = r_path_hits(text, clone=clone)
            else:
                hits = python_path_hits(text, clone=clone)
            found = [(None, hit) for hit in hits]
        if is_ci_script(path):
            # ~ is the CI runner's home, the same folder on every run.
            found = [(cell, hit) for cell, hit in found if hit.kind != "tilde"]
        if not any(hit.kind == "mount" for _, hit in found):
            return found
        # Asked only of the few files with a mount path: each is a search of the whole text.
        # A notebook counts as the workspace's in a Databricks bundle; code also by its marks.
        workspace = databricks_jobs(repo) or (
            suffix != NOTEBOOK_SUFFIX
            and (sources[0].startswith(_DATABRICKS_EXPORT) or _DATABRICKS_CODE.search(sources[0]) is not None)
        )
        container = any(_CONTAINER_MOUNTS.search(source) for source in sources)
        return [
            (cell, hit)
            for cell, hit in found
            if hit.kind != "mount" or not _mounted_for_all(hit, workspace, container)
        ]

    return repo.memo(("hardcoded-path-hits", path), find)


#: Why a drive, mount or share many files read from is still one computer's, or one network's.
_ELSEWHERE = {
    "drive": "a drive has another letter on other computers, and none in CI",
    "mount": "a mount is elsewhere or missing on other computers and in CI",
    "unc": "a network share is out of reach from other networks and from CI",
}
#: A drive or mount that this many files of the project read from is the team's shared drive.
_SHARED_BY_FILES = 3


def _share_of(hit: PathHit) -> str | None:
    """The drive (``j:``), or the mount (``/mnt/share``), that a path lies on where that may be
    a drive the team shares; None for home folders and ``C:``, one computer's own disk."""
    if hit.kind == "drive":
        letter = hit.path[:2].lower()
        return None if letter == "c:" else letter
    return machine_root(hit.path, hit.kind) if hit.kind in ("mount", "unc") else None


def _shared_locations(repo: Repo) -> dict[str, tuple[str, ...]]:
    """Each drive or mount the project's code reads, with the files that read it, sorted.

    Worked out only where some file reads one, from every file the rule checks."""

    def find() -> dict[str, tuple[str, ...]]:
        users: dict[str, set[str]] = {}
        for path in repo.paths:
            suffix = repo.file(path).suffix
            if suffix not in _PATH_SUFFIXES or not _own_code(repo, path):
                continue
            for _, hit in _source_hits(repo, path):
                share = _share_of(hit)
                if share:
                    users.setdefault(share, set()).add(path)
        return {share: tuple(sorted(paths)) for share, paths in users.items()}

    return repo.memo("hardcoded-path-shares", find)


def _mounted_for_all(hit: PathHit, workspace: bool, container: bool) -> bool:
    """Whether a mount path is the same wherever the code runs: the storage every cluster of a
    Databricks workspace mounts, or a volume the code mounts into its container or pod."""
    return (workspace and hit.path.startswith(_WORKSPACE_STORAGE)) or (
        container and hit.path.startswith("/mnt/")
    )


#: How many leading names an installed library's path must share with a path the code names:
#: past the machine's own part (``/home/ana``, ``C:\WBG``; four names for a Windows home).
_SHARED_DEPTHS = (3, 4)


#: A path through a Python installation: a library's file, as warnings and tracebacks print it.
_INSTALLED_LIBRARY = lazy(
    r"(?i)[\\/](?:site-packages|dist-packages|anaconda3?|miniconda3?|miniforge3|mambaforge|envs|\.?venv)[\\/]"
)


class OSS401(Rule):
    """Code or a notebook uses a path that only exists on one computer.

    ## What it does
    Looks in the string literals of Python files, R scripts, notebook code cells (and
    their shell lines such as `!cp ...` and `%%bash` cells), the code chunks of R
    Markdown and Quarto documents and the commands of shell scripts for absolute paths into
    someone's computer: home folders (`/home/ana/`, `/Users/ana/`,
    `C:\\Users\\ana\\`, `~/data`), drive letters (`D:/projects/`), mounted
    drives (`/mnt/share/`, `/media/usb/`, `/Volumes/Data/`) and network shares
    (`\\\\server\\share\\`, a string that starts with two backslashes and a host). It also reports a
    notebook whose metadata records such a path (a kernel or interpreter inside
    `/home/ana/anaconda3/`), a cell output that shows a folder the notebook's
    code hard-codes, and the `prefix:` that `conda env export` writes into an
    `environment.yml`. Comments and docstrings are not checked, and neither are tests,
    test data, vendored code (`renv/` too) and the records of past runs (the scripts a
    `results/`, `outputs/` or `output/` folder keeps copies of). Paths that are the same
    on every computer are
    fine: system folders (`/usr`, `/tmp`, `C:\\Program Files`, `C:\\etc`), the users
    of CI runners, container images, schedulers and cloud VMs (`/home/runner`, `/home/jovyan`,
    `/home/airflow`, `/home/cdsw`, `/home/ubuntu`; but a VM's path that goes on into the repository's own
    folders, `/home/ubuntu/<repository>/data/`, is one VM's clone), `~` in the scripts of a CI folder (`.circleci/`, `ci/`,
    `build_tools/azure/`: the runner's home), a `/mnt/` path in code that mounts volumes into a container or
    pod (a Kubernetes `mountPath`), a Databricks workspace's storage (`/mnt/`, `/Volumes/`) in a
    notebook exported from it, in code that uses `dbutils` or the `databricks` SDK, or in
    a repository whose YAML defines Databricks jobs (an Asset Bundle's `databricks.yml`, or a job's `notebook_task:`), placeholders
    (`/home/user`, `~/path/to/your/data`), tool folders below `~` (`~/.cache`, `~/.aws`, `~/anaconda3`) and
    the data folders of well-known libraries (`~/mne_data`, `~/scikit_learn_data`),
    URLs and relative paths. So are defaults that whoever runs the code replaces:
    the `default=` of a command-line option (`--data-dir`), a module's constant that
    only such a default reads and, in a Python module, the default of a function's
    parameter, also when the literal is built into it (`data_path=os.path.expanduser(
    "~/cache_data")`, or R's `function(folder = "~/out/")`; a notebook calls its own
    functions, so there they count), nor what `help=` tells a reader of `--help`, nor a
    folder where applications keep each user's settings (`~/AppData/Roaming/RStudio`), nor
    the fallback of an environment variable the code reads (`os.environ.get("DATA_DIR",
    "/home/filr/")`: the setting overrides it). A drive or
    mount that three files or more read from (`J:`, `/mnt/share`; `C:` is one
    computer's own disk) is the team's shared drive: it is reported once, at its first
    use, with how many files read it. The same path written again in one file is one thing
    to fix, reported at its first use (an inline ignore there covers the file's copies).

    ## Why is this bad?
    The code only runs on the computer of the person who wrote it: everyone else,
    and the CI server, gets "file not found". Outputs and metadata with such paths
    also tell every reader the author's user name and folder layout. `~/data` points
    at whoever runs the code, so the data is only found where one person happened
    to put it.

    ## Example
    ```python
    df = pd.read_csv("/Users/ana/Downloads/sales_2024.csv")
    model.save(r"C:\\Users\\ana\\models\\churn.pkl")
    ```

    ```r
    setwd("C:/Users/ana/Documents/survey")
    ```

    ## How to fix
    Build paths from the project folder: the analysis template's
    `<package>.paths` module (for example `from mypackage import paths`, then
    `paths.raw_data_dir() / "sales_2024.csv"`) or `pathlib.Path` relative to the
    repository (in R, `here::here("data", "raw", "sales_2024.csv")` instead of
    `setwd()`). For data that lives elsewhere, such as a shared drive, set the
    location in `.env` (the template's `paths` reads `PROJECT_DATA_DIR`) instead
    of in the code. Clear outputs that show such folders, and select the kernel by
    name (Kernel > Change Kernel) so the metadata records no path, and delete the
    `prefix:` line of an exported conda environment. If a path really
    is meant (a documented server location), end the line with
    `# oss-checks: ignore[OSS401] <reason>`.
    """

    name = "hardcoded-path"
    spares_dormant_files = True
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    scope = Scope.FILE

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        self._hints: dict[str, str] = {}

    def applies_to(self, file: SourceFile) -> bool:
        return file.suffix in _PATH_SUFFIXES or _is_conda_environment(file.name)

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if not _own_code(repo, file.path):
            return
        if _is_conda_environment(file.name):
            yield from self._check_conda_prefix(file)
            return
        notebook = valid_notebook(repo, file) if file.suffix == NOTEBOOK_SUFFIX else None
        if file.suffix == NOTEBOOK_SUFFIX and notebook is None:
            return  # OSS301 reports a notebook that cannot be read
        hits = _source_hits(repo, file.path)
        shares = _shared_locations(repo) if any(_share_of(hit) for _, hit in hits) else {}
        seen_shares: set[str] = set()
        # The same path written on many lines (a launcher's fifteen log paths) is one thing to
        # fix: said once, at its first use. The message names no count and is the same for one
        # copy or many, so that a baseline entry still matches while copies are removed.
        said: set[str] = set()
        for cell, hit in hits:
            share = _share_of(hit)
            users = shares.get(share, ()) if share else ()
            if share and len(users) >= _SHARED_BY_FILES:
                if users[0] == file.path and share not in seen_shares:
                    yield self._share_finding(file.path, hit, cell, share, users)
                seen_shares.add(share)
                continue  # one finding for the whole share, at its first use
            if hit.path in said:
                continue
            said.add(hit.path)
            yield self._source_finding(file.path, hit, cell, hint=self._hint(repo, file.suffix))
        if notebook is not None:
            yield from self._notebook_findings(repo, file, notebook)

    def _notebook_findings(self, repo: Repo, file: SourceFile, notebook: Notebook) -> Iterator[Finding]:
        """The notebook's metadata, and outputs that show a folder its code hard-codes."""
        roots: set[str] = set()
        hard_coded: set[tuple[str, ...]] = set()  # the first folders of each path the code names
        for _cell, hit in _source_hits(repo, file.path):
            root = machine_root(hit.path, hit.kind)
            if root is not None:
                roots.add(root)
                names = _folders_of(hit.path)
                hard_coded.update(tuple(names[:depth]) for depth in _SHARED_DEPTHS if len(names) >= depth)
        finding = self._metadata_finding(repo, file.path, notebook)
        if finding is not None:
            yield finding
        if not roots:
            return  # outputs show where the notebook ran, which is no fault of its code
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            finding = self._output_finding(repo, file.path, cell, roots, hard_coded)
            if finding is not None:
                yield finding

    def _share_finding(
        self, path: str, hit: PathHit, cell: int | None, share: str, users: tuple[str, ...]
    ) -> Finding:
        # The share as the code spells it: its drive letter, or its mount's names.
        shown = hit.path[:2].upper() if hit.kind == "drive" else share
        if hit.kind == "unc":
            # \\server\share, as Windows writes it, or //server/share, as the code does.
            named = share.lstrip("/")
            shown = "//" + named if hit.path.startswith("//") else "\\\\" + named.replace("/", "\\")
        return self.finding(
            path,
            f"hard-coded path '{hit.shown}' points into {shown}, which {len(users)} files of the project "
            f"read from (this one first): {_ELSEWHERE[hit.kind]}, so set its location once, in .env, "
            "and build these paths from it",
            line=hit.line,
            col=hit.col,
            cell=cell,
        )

    def _source_finding(self, path: str, hit: PathHit, cell: int | None, *, hint: str) -> Finding:
        # A cloud VM user's path is reported only when it goes into the repository's own clone.
        place = "one computer's clone of this repository" if is_generic(hit.path, hit.kind) else hit.place
        return self.finding(
            path,
            f"hard-coded path '{hit.shown}' points into {place}: use a path relative to the "
            f"project ({hint}) or an environment variable from .env",
            line=hit.line,
            col=hit.col,
            cell=cell,
        )

    def _output_finding(
        self, repo: Repo, path: str, cell: NotebookCell, roots: set[str], hard_coded: set[tuple[str, ...]]
    ) -> Finding | None:
        """One finding per cell whose output shows a folder the code hard-codes (a traceback repeats it).

        A library's file that a warning or traceback names counts only when it is installed
        inside a folder the code hard-codes (the project's own `.venv`): an installation
        elsewhere on the same drive prints the same line on every computer it runs on.
        """
        if not cell.outputs:
            return None
        block = output_block(cell)
        for hit in text_path_hits(block, tilde=False):
            root = machine_root(hit.path, hit.kind)
            if root not in roots:
                continue
            if _INSTALLED_LIBRARY.search(hit.path):
                # Inside the hard-coded project folder: past the machine's part (/home/ana, C:\WBG)
                # into the folder below it that the code names too (/home/ana/project).
                shown = _folders_of(hit.path)
                depth = max(len(_folders_of(root)), _SHARED_DEPTHS[0])
                if tuple(shown[:depth]) not in hard_coded:
                    continue
            return self.finding(
                path,
                f"output of cell {cell.index} shows '{hit.shown}', a folder of one computer that "
                f"this notebook's code hard-codes: once the code uses paths relative to the project "
                f"({self._hint(repo, NOTEBOOK_SUFFIX)}), run the notebook again or clear this output",
                line=hit.line,
                col=hit.col,
                cell=cell.index,
            )
        return None

    def _check_conda_prefix(self, file: SourceFile) -> Iterator[Finding]:
        """The top-level ``prefix:`` of a conda environment file, when it points into one computer."""
        lines = (file.text or "").splitlines()[:_CONDA_LINES]
        if not any(line.startswith("dependencies:") for line in lines):
            return  # not an environment, whatever its name
        for number, line in enumerate(lines, start=1):
            if not line.startswith("prefix:"):
                continue
            hits = text_path_hits(line.removeprefix("prefix:").strip().strip("'\""))
            if hits:
                yield self.finding(
                    file.path,
                    f"prefix '{hits[0].shown}' points into {hits[0].place}: `conda env create` tries to "
                    "make the environment there; delete the prefix line (conda env export --no-builds "
                    "| grep -v '^prefix:')",
                    line=number,
                )

    def _metadata_finding(self, repo: Repo, path: str, notebook: Notebook) -> Finding | None:
        for where, value in _metadata_strings(notebook.metadata):
            hits = text_path_hits(value)
            if hits:
                return self.finding(
                    path,
                    f"notebook metadata {where} records '{hits[0].shown}' in {hits[0].place}: "
                    "select the kernel by name (Kernel > Change Kernel) and save, or delete that entry",
                )
        return None

    def _hint(self, repo: Repo, suffix: str) -> str:
        """How to build the path instead, in the language of the file."""
        if suffix in _SHELL_SCRIPTS:
            return 'from the script\'s own folder, "$(dirname "$0")"'
        if suffix in (_R_SCRIPT, *_LITERATE_DOCUMENTS):
            return "here::here() in R, pathlib in Python"
        key = str(repo.root)
        if key not in self._hints:
            helpers = [
                f"{PurePosixPath(folder).name}.paths"
                for folder in repo.package_dirs
                if repo.exists(f"{folder}/paths.py")
            ]
            self._hints[key] = helpers[0] if helpers else "pathlib.Path from the project folder"
        return self._hints[key]


_R_SCRIPT = ".r"
#: R Markdown and Quarto: prose with chunks of code that knitr or Quarto runs.
_LITERATE_DOCUMENTS = (".rmd", ".qmd")
_SHELL_SCRIPTS = (".sh", ".bash")
#: The files whose code OSS401 reads.
_PATH_SUFFIXES = (".py", NOTEBOOK_SUFFIX, _R_SCRIPT, *_LITERATE_DOCUMENTS, *_SHELL_SCRIPTS)

#: A conda environment file lists packages, then its prefix: far fewer lines than this.
_CONDA_LINES = 5000


def _is_conda_environment(name: str) -> bool:
    """``environment.yml``, ``environment-gpu.yaml``, ``conda_environment.yml``, ``env.yml``:
    the names teams give the files ``conda env export`` writes."""
    stem, dot, extension = name.lower().rpartition(".")
    if not dot or extension not in ("yml", "yaml"):
        return False
    return "environment" in stem or stem.startswith(("conda", "env-", "env_")) or stem == "env"


def _metadata_strings(metadata: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(dotted key, text) of every string in notebook metadata, breadth first and bounded."""
    queue: list[tuple[str, Any]] = [("metadata", metadata)]
    seen = 0
    while queue and seen < _METADATA_VALUES:
        where, value = queue.pop(0)
        seen += 1
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            queue.extend((f"{where}.{key}", item) for key, item in value.items())
        elif isinstance(value, list):
            queue.extend((f"{where}[{index}]", item) for index, item in enumerate(value[:_METADATA_VALUES]))


# -- data files -------------------------------------------------------------------------

DATA_FOLDERS = ("data", "tests/data", "tests/fixtures", "docs")


def _suffixes(extensions: Iterable[str]) -> tuple[str, ...]:
    return tuple("." + ext.strip().lower().lstrip(".") for ext in extensions if ext.strip().strip("."))


def _human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.0f} KB"


#: Folder names that say their files are data, inputs, models or results, at any depth:
#: ``src/data/raw/``, ``notebooks/data/``, Kaggle's ``input/``, CCDS's ``models/`` and ``references/``.
DATA_FOLDER_NAMES = frozenset(
    {
        "data", "datasets", "dataset", "input", "inputs", "raw", "interim", "processed", "external",
        "sample_data", "fixtures", "models", "model", "references", "reports", "outputs", "output",
        "results",
    }
)  # fmt: skip


def in_package(repo: Repo, path: str) -> bool:
    """Whether ``path`` lies inside one of the project's importable packages (package data).

    A file directly in a notebook folder that is no package itself (``svc/notebooks/model.joblib``)
    is what a notebook saved beside itself, not data the package ships.
    """
    folder = path.rpartition("/")[0]
    if "notebook" in folder.rpartition("/")[2].lower() and f"{folder}/__init__.py" not in repo.path_set:
        return False
    return any(path.startswith(folder + "/") for folder in repo.package_dirs)


class OSS402(Rule):
    """Data file is outside the data folders.

    ## What it does
    Reports data files (CSV, Parquet, Excel, pickles, NumPy arrays, archives,
    databases, SPSS/Stata/R files, ...) that git sees outside the folders meant
    for data. Where the repository adopted the conventions, those folders are
    `data/`, `tests/data/`, `tests/fixtures/` and `docs/` (configurable). Elsewhere
    it reports only data at the top of the repository and data directly in a
    notebook folder (what a notebook wrote to its working folder), and leaves alone
    test fixtures at any depth, package data, documentation and examples, vendored
    code, folders named for data (`data/`, `datasets/`, Kaggle's `input/`,
    `models/`, `outputs/`, `results/` ...), Excel workbooks with charts or
    drawings (a report or a teaching demo made to be opened, not a table of data),
    and zip archives of the project's own notebooks or code (a book's "download the
    notebooks" bundle: below its top folder, a notebook or script of this repository;
    told by the names in the archive, which is never unpacked), and data that the README
    at the top or in its own folder links (`Also available as [a CSV file](notebooks.csv)`),
    which is offered to readers, and data that the code of its own folder reads by name
    (`pd.read_csv("wine-quality.csv")` in the `train.py` beside it), which is that code's input.
    A repository with no code at all (a data release: tables, their documentation, PDFs)
    publishes its data, so none of it is reported there.

    ## Why is this bad?
    Data next to code is easily committed by accident and then stays in git
    history for good, even when it contains personal or confidential records.
    Everyone also has to guess which copy of a file is the real input. With all
    data under `data/` (which git ignores) and small test files under `tests/`,
    it is clear what is shared and what stays on your computer.

    ## Example
    `customers.csv` at the top of the repository, or `notebooks/model.pkl` that a
    notebook saved next to itself.

    ## How to fix
    Move real data into `data/raw/`, `data/interim/` or `data/processed/`:
    `git mv customers.csv data/raw/customers.csv` (then `git rm --cached` it if
    it should not be in git at all). Save models and intermediate results under
    `data/` too. Keep small, made-up test files under `tests/data/`. Delete
    leftovers a notebook wrote by accident. Other folders and file types can be
    configured with `allowed-folders` and `extensions` under
    `[tool.oss-checks.options.data-file-location]`.
    """

    name = "data-file-location"
    spares_dormant_files = True
    kind = Kind.CONVENTION
    elsewhere = (
        "data files at the top of the repository or directly in a notebook folder; never test "
        "fixtures, package data, docs, examples, vendored code, folders named for data, inputs, "
        "models or results, data a README links or data the code beside it reads by name, nor in a "
        "repository with no code (a data release)."
    )
    stakeholders = (Stakeholder.LEGAL, Stakeholder.DATA_SCIENCE)
    scope = Scope.FILE
    options: ClassVar[Mapping[str, Option]] = {
        "allowed-folders": Option(
            list,
            list(DATA_FOLDERS),
            "folders (relative to the root, * allowed) where data may be",
            item_kind=str,
        ),
        "extensions": Option(
            list,
            list(DATA_EXTENSIONS),
            "file name endings that mark a data file, without the dot",
            item_kind=str,
        ),
    }

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        self._suffixes = _suffixes(self.settings["extensions"])

    def applies_to(self, file: SourceFile) -> bool:
        return bool(self._suffixes) and file.name.lower().endswith(self._suffixes)

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        folders: list[str] = self.settings["allowed-folders"]
        # A symlink stores only where the data is, not the data.
        if (
            in_folders(file.path, folders)
            or repo.is_symlink(file.path)
            or not_the_projects_own(repo, file.path)
        ):
            return
        if self.in_full:
            shown = ", ".join(f"{folder.strip('/')}/" for folder in folders) or "none configured"
            yield self.finding(
                file.path,
                f"data file outside the data folders ({shown}): move it to data/ "
                "(kept out of git) or, for a small test file, to tests/data/",
            )
            return
        parts = layout_folders(file.path)
        if in_docs_or_examples(file.path) or DATA_FOLDER_NAMES & set(parts) or in_package(repo, file.path):
            return
        if not holds_code(repo):
            return  # a data release: its tables are what it publishes, wherever they are
        if _workbook_document(repo, file) or _bundle_of_code(repo, file):
            return  # a workbook made to be read, or the download of the project's own notebooks
        if _linked_by_a_readme(repo, file.path):
            return  # published on purpose: moving it breaks the README's link
        if file.name in _read_by_code_beside(repo, file.path.rpartition("/")[0], self._suffixes):
            return  # the input of the code next to it, which reads it by name: kept on purpose
        path_itself = re.compile(re.escape(file.path))
        if any(any(_whole_names(repo.read_text(config) or "", path_itself)) for config in ci_files(repo)):
            return  # the input of a workflow, which reads it by this path: moving it breaks the job
        if not parts:
            yield self.finding(
                file.path,
                "data file at the top of the repository: move it to data/ (kept out of git), "
                "or delete it if it was saved here by accident",
            )
        elif "notebook" in parts[-1]:
            yield self.finding(
                file.path,
                f"data file directly in the notebook folder {'/'.join(file.parts[:-1])}/, where notebooks "
                "save what they write: move it to data/ (kept out of git), or delete it if a notebook "
                "left it there",
            )


#: Code that reads its inputs by name: scripts, notebooks, literate documents.
_READING_CODE_SUFFIXES = (".py", ".r", ".ipynb", ".rmd", ".qmd", ".jl", ".sh")
#: A line that reads a file (``pd.read_csv``, ``np.load``, ``open(...)``, ``fread``, ``readRDS``) ...
_READS = lazy(r"(?i)read|load|\bopen\(|\bscan\(|\bimport\b|\bcat\s|<\s*\S")
#: ... and does not write one (``to_csv``, ``savefig``, ``write.csv``, ``open(..., "w")``, ``>``).
_WRITES = lazy(
    r"(?i)\bto_\w+\(|\bsave|\bdump|\bwrite|\bexport|\bsink\(|open\([^)\n]*,\s*(?:mode\s*=\s*)?['\"][wax]|>\s*\S"
)


def _read_by_code_beside(repo: Repo, folder: str, data_suffixes: tuple[str, ...]) -> frozenset[str]:
    """The names of the data files of ``folder`` that the code in the same folder reads by their
    whole name (``pd.read_csv("wine-quality.csv")`` in ``train.py``): inputs shipped with the
    code, which moving would break. A line that writes the file (``df.to_csv("results.csv")``)
    does not count: that is what a run left behind. One search of the folder's code."""

    def find() -> frozenset[str]:
        prefix = f"{folder}/" if folder else ""
        # From the disk: the per-file hook's run lists only the staged files.
        here = repo.files_in(folder) if folder else [path for path in repo.every_path if "/" not in path]
        names = sorted(
            {path[len(prefix) :] for path in here if path.lower().endswith(data_suffixes)},
            key=len,
            reverse=True,
        )
        if not names:
            return frozenset()
        pattern = re.compile("|".join(re.escape(name) for name in names))
        found: set[str] = set()
        for path in here:
            if not path.lower().endswith(_READING_CODE_SUFFIXES):
                continue
            for text in _naming_texts(repo, path):
                lines = text.splitlines()
                for line in lines:
                    named = list(_whole_names(line, pattern)) if pattern.search(line) else []
                    if named and _reads_it(line, lines):
                        found.update(named)
        return frozenset(found)

    return repo.memo(("oss402-read-beside", folder, data_suffixes), find)


#: A line that gives a name to what it builds: ``wine_path = os.path.join(here, "wine-quality.csv")``.
_ASSIGNED_NAME = lazy(r"\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(?:<-|=(?!=))")


def _reads_it(line: str, lines: list[str]) -> bool:
    """Whether a line that names a file reads it: itself (``pd.read_csv("x.csv")``), or through
    the name it assigns, which a later line reads and none writes. A line that writes it
    (``df.to_csv("results.csv")``, ``open("log.csv", "w")``) does not."""
    if _WRITES.search(line):
        return False
    if _READS.search(line):
        return True
    assigned = _ASSIGNED_NAME.match(line)
    if assigned is None:
        return False
    used = re.compile(rf"(?<![\w.]){re.escape(assigned.group(1))}(?!\w)")
    uses = [other for other in lines if other is not line and used.search(other)]
    return any(_READS.search(other) for other in uses) and not any(_WRITES.search(other) for other in uses)


def _linked_by_a_readme(repo: Repo, path: str) -> bool:
    """Whether the README at the top, or the one of the file's own folder, links the file by a
    relative link ("Also available as [a CSV file](notebooks.csv)"): data offered to readers."""
    folder = path.rpartition("/")[0]
    for readme_folder in dict.fromkeys(("", folder)):
        readme = readme_in(repo, readme_folder)
        text = repo.read_text(readme) if readme is not None else None
        if readme is not None and text and path in linked_paths(text, readme_folder, rst=is_rst(readme)):
            return True
    return False


#: Parts of an Excel workbook (a zip) that only a document made for readers has.
_WORKBOOK_DISPLAY_PARTS = (b"xl/charts/", b"xl/drawings/")


def _workbook_document(repo: Repo, file: SourceFile) -> bool:
    """Whether an Excel workbook holds charts or drawings: a report or an interactive demo,
    not a table of data. A zip names its parts in plain bytes, so no unzipping is needed."""
    if not file.name.lower().endswith((".xlsx", ".xlsm")):
        return False
    raw = repo.read_bytes(file.path)
    return raw is not None and any(part in raw for part in _WORKBOOK_DISPLAY_PARTS)


#: What a download of a project's own material holds: notebooks and code.
_BUNDLED_CODE = (".ipynb", ".py", ".r", ".jl")


def _bundle_of_code(repo: Repo, file: SourceFile) -> bool:
    """Whether a zip archive bundles the project's own notebooks or code (a book's "download
    the notebooks" file): one of them, below the archive's top folder, is a file of this
    repository. Told by the names in its directory; nothing is unpacked. A broken archive is
    data, and so is a download of another project (``tutorial-main.zip``) left behind."""
    if not file.name.lower().endswith(".zip") or file.size > _LARGEST_BUNDLE:
        return False
    raw = repo.read_bytes(file.path)
    # The end record says how many entries the directory has: a long one is no bundle, unread.
    end = raw.rfind(b"PK\x05\x06") if raw is not None else -1
    if raw is None or end < 0 or int.from_bytes(raw[end + 10 : end + 12], "little") > _MOST_BUNDLE_ENTRIES:
        return False
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = [name for name in archive.namelist() if not name.endswith("/")]
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
        return False
    # Most of what it holds are files of this repository, below the archive's top folder; none is data.
    own = [name for name in names if ".." not in name.split("/") and name.partition("/")[2] in repo.path_set]
    return (
        any(name.lower().endswith(_BUNDLED_CODE) for name in own)
        and len(own) * 2 > len(names)
        and not any(name.lower().endswith(DATA_SUFFIXES) for name in names)
    )


#: A download of a book's notebooks is small; a larger zip, or one of many entries, is not listed.
_LARGEST_BUNDLE = 5 * 1024 * 1024
_MOST_BUNDLE_ENTRIES = 2000


#: What the large-file limits tell apart, by the end of the file name.
_MODEL_SUFFIXES = (
    ".ckpt", ".pt", ".pth", ".pkl", ".pickle", ".joblib", ".h5", ".hdf5", ".onnx", ".pb",
    ".safetensors", ".tflite", ".keras", ".model", ".weights", ".mlmodel", ".gguf",
)  # fmt: skip
_PROGRAM_SUFFIXES = (
    ".exe",
    ".dll",
    ".so",
    ".dylib",
    ".a",
    ".o",
    ".lib",
    ".whl",
    ".jar",
    ".msi",
    ".dmg",
    ".deb",
    ".rpm",
)
_VIDEO_SUFFIXES = (".mov", ".mp4", ".avi", ".mkv", ".webm", ".m4v", ".wmv", ".flv", ".mpg", ".mpeg")
_ARCHIVE_SUFFIXES = (".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".zst")
#: The first bytes of executables: ELF, Mach-O (both byte orders, universal) and Windows PE.
_PROGRAM_MAGIC = (
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"MZ",
)


#: Lock files pin the environment and must be committed, however large a dependency tree makes them.
_LOCK_FILES = frozenset(
    {
        "uv.lock", "poetry.lock", "pdm.lock", "pixi.lock", "Pipfile.lock", "conda-lock.yml", "package-lock.json",
        "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "renv.lock", "Manifest.toml", "requirements.lock",
    }
)  # fmt: skip


class OSS403(Rule):
    """File is too large to keep in git.

    ## What it does
    Reports files git tracks, or is about to track, that are larger than the limit
    for their kind. Model files and checkpoints, programs, videos, archives, data
    and any other file may have `max-kb` kilobytes (1024, i.e. 1 MB, by default).
    Notebooks, images and documents (PDF, slides, HTML reports, drawings such as OmniGraffle or Photoshop sources) may have
    `media-max-kb` (10 MB): their outputs and figures are what they are for. Data,
    archives and models kept as test fixtures, in docs or examples, or inside an
    importable package (package data), or an R package's `data/` and `inst/`, may have
    `bundled-max-kb` (10 MB), and so may
    those that the project's code, notebooks or docs name (an input the pipeline
    reads, a model it loads), unless the repository versions its data with DVC, and
    so may the data of a book, a course or a set of tutorials (no package, and a README
    that sends readers to the notebooks: a link to one, Binder, Colab or nbviewer). A
    log (`*.log`) is what the code that names it writes, so it keeps `max-kb`. A
    numbered series of files (`folds.0.csv` ... `folds.4.csv`) is named by a name
    built for it: `"folds.{}.csv".format(k)`, `f"folds.{k}.csv"`, `"folds.%d.csv"`,
    `"folds." + str(k) + ".csv"`, or a glob such as `folds.*.csv` or `folds.[0-4].csv`.
    A file whose own folder the docs name by its whole path ("the training log is
    provided under `runs/best_fold0/`") is named too; a top-level folder such as `data/`
    or `runs/` is where files go, so naming it names none of them. So is a file in a folder
    that the code lists to read what it holds (R's `dir("output/history")` or
    `list.files()`, Python's `os.listdir()`, `glob("output/history/*.csv")` or
    `Path("output/history").iterdir()`), if the listing's pattern takes it; the same
    two levels of depth apply. A link to a file or
    folder on the forge (`https://github.com/o/r/blob/main/data/output/by_city/`, with
    `%20` for a space) names it by its path as well. So is a file that the
    README of its own folder names (a dataset documented file by file, shared on purpose),
    and so is a file that an exception of a `.gitignore` takes back (`!output/forecasts`:
    an archive of results the project publishes).
    Lock files (`uv.lock`, `poetry.lock`, `package-lock.json` ...) are never too large:
    they pin the environment and belong in git.
    Files stored with Git LFS are not reported.

    ## Why is this bad?
    Git keeps every version of every file forever. A few large data files or
    models make cloning slow for everyone, fill up the server, and cannot be
    removed later without rewriting history. Large files are also often data
    that should not be shared at all, or artefacts of a run (checkpoints, logs,
    screen recordings) that nobody needs in the repository.

    ## Example
    `data/processed/features.parquet` (250 MB), `lightning_logs/version_0/checkpoints/epoch=9.ckpt`
    (80 MB) or a 5 MB program committed by accident.

    ## How to fix
    Remove the file from git but keep it on disk: `git rm --cached <file>`, and
    keep it under `data/` (ignored by git) with the location of the shared copy
    (a network share, a bucket, a model registry) written in `data/README.md`. For
    files that must be versioned, use Git LFS (`git lfs track "*.parquet"`) or DVC.
    If the file is already in a commit that was pushed, ask the repository owners
    how to remove it from history.
    """

    name = "large-file"
    spares_dormant_files = True
    stakeholders = (Stakeholder.DATA_SCIENCE, Stakeholder.MANAGEMENT)
    scope = Scope.FILE
    options: ClassVar[Mapping[str, Option]] = {
        "max-kb": Option(
            int,
            1024,
            "largest size in kilobytes (1024 bytes) of models, programs, videos, archives, data and other files",
        ),
        "media-max-kb": Option(
            int, 10240, "largest size in kilobytes of notebooks, images and documents (PDF, slides, HTML)"
        ),
        "bundled-max-kb": Option(
            int,
            10240,
            "largest size in kilobytes of data, archives and models in tests, docs, examples or package data",
        ),
    }

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        limits = (self.settings["max-kb"], self.settings["media-max-kb"], self.settings["bundled-max-kb"])
        self._smallest: int = max(min(limits), 0) * 1024

    def applies_to(self, file: SourceFile) -> bool:
        return file.size > self._smallest and file.name not in _LOCK_FILES

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        kind, limit_kb = self._limit(repo, file)
        if file.size <= max(limit_kb, 0) * 1024 or _stored_in_lfs(repo, file.path):
            return
        yield self.finding(
            file.path,
            f"file is {_human_size(file.size)}, over the {limit_kb} KB limit for {kind}: keep it out of git "
            "(data/ plus shared storage) or store it with Git LFS or DVC",
        )

    def _limit(self, repo: Repo, file: SourceFile) -> tuple[str, int]:
        """The kind of file, as the message names it, and its limit in kilobytes."""
        name = file.name.lower()
        base: int = self.settings["max-kb"]
        if name.endswith(_VIDEO_SUFFIXES):
            return "videos", base
        if name.endswith(_PROGRAM_SUFFIXES) or _is_program(repo, file):
            return "programs", base
        if name.endswith((NOTEBOOK_SUFFIX, *MEDIA_SUFFIXES)):
            return "notebooks, images and documents", self.settings["media-max-kb"]
        kind = (
            "model files"
            if name.endswith(_MODEL_SUFFIXES)
            else "archives"
            if name.endswith(_ARCHIVE_SUFFIXES)
            else "data files"
            if name.endswith(DATA_SUFFIXES)
            else "files"
        )
        path = file.path
        if (
            not_the_projects_own(repo, path)
            or in_docs_or_examples(path)
            or in_package(repo, path)
            or _r_package_data(repo, path)
        ):
            return f"{kind} in tests, docs, examples or package data", self.settings["bundled-max-kb"]
        if name.endswith(_LOG_SUFFIXES):
            return "logs", base  # the code that names a log writes it: an output, never an input
        if not _versions_data(repo) and file.name in _named_in_the_project(repo, base * 1024):
            return f"{kind} the project's code names", self.settings["bundled-max-kb"]
        if not _versions_data(repo) and path.rpartition("/")[0] in _folders_the_docs_name(repo, base * 1024):
            return f"{kind} in a folder the docs name", self.settings["bundled-max-kb"]
        if not _versions_data(repo) and _listed_by_the_code(repo, path, base * 1024):
            return f"{kind} in a folder the code reads whole", self.settings["bundled-max-kb"]
        if not _versions_data(repo) and _described_beside(repo, path):
            return f"{kind} the README beside them describes", self.settings["bundled-max-kb"]
        if not _versions_data(repo) and _kept_by_an_exception(repo, path):
            return f"{kind} a .gitignore exception keeps in git", self.settings["bundled-max-kb"]
        if kind != "model files" and not repo.package_dirs and read_as_notebooks(repo):
            return f"{kind} of notebooks the README sends readers to", self.settings["bundled-max-kb"]
        return kind, base


_LOG_SUFFIXES = (".log",)


def _r_package_data(repo: Repo, path: str) -> bool:
    """Whether ``path`` is an R package's data: the datasets of its ``data/`` (LazyData) or
    the files it installs from ``inst/`` (``inst/extdata/``)."""
    return path.startswith(("data/", "inst/")) and is_r_package(repo)


#: A stem this short ("co", "x1") is a word of prose too: only quoted as code does it name a file.
_SHORTEST_BARE_STEM = 4


def _kept_by_an_exception(repo: Repo, path: str) -> bool:
    """Whether an exception of a .gitignore above the file takes it back (``!output/forecasts``,
    under "Do track the output/forecasts directory"): kept in git on purpose."""
    parts = path.split("/")
    for depth in range(len(parts)):
        folder = "/".join(parts[:depth])
        source = f"{folder}/.gitignore" if folder else ".gitignore"
        if repo.exists(source) and _exceptions_of(repo, source).names("/".join(parts[depth:])):
            return True
    return False


def _described_beside(repo: Repo, path: str) -> bool:
    """Whether the README of the file's own folder names it: a dataset shared on purpose.

    A data folder whose README says what each file holds ("`co_multi_label.csv`: the
    comments with every label") documents files that are there to be used, as a data
    card does. The file is named by its name, or by its stem when that stands whole.
    """
    folder, _, name = path.rpartition("/")
    text = _folder_readme(repo, folder)
    if not text:
        return False
    lowered = name.lower()
    if lowered in text:
        return True
    stem = lowered.split(".", 1)[0]
    if not stem:
        return False
    if f"`{stem}`" in text:
        return True
    if len(stem) < _SHORTEST_BARE_STEM:
        return False
    return re.search(rf"(?<![\w.-]){re.escape(stem)}(?![\w-])", text) is not None


def _folder_readme(repo: Repo, folder: str) -> str:
    """The lower-cased text of the README in ``folder`` ("" for none), read once per folder."""

    def read() -> str:
        prefix = f"{folder}/" if folder else ""
        for name in README_NAMES:
            found = repo.find(prefix + name)
            if found is not None and found.rpartition("/")[0] == folder:
                return (repo.read_text(found) or "")[:_README_CHARACTERS].lower()
        return ""

    return repo.memo(("folder-readme", folder), read)


#: How much of a folder's README is read for the names of its files.
_README_CHARACTERS = 200_000


def _versions_data(repo: Repo) -> bool:
    """Whether the repository versions data with DVC, where committed data belongs in DVC instead."""
    return repo.dir_exists(".dvc") or repo.exists("dvc.yaml")


#: Where a project names the inputs it reads: code, notebooks, configuration and docs.
_NAMING_SUFFIXES = (
    ".py", ".r", ".rmd", ".qmd", ".jl", ".sh", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".json",
    ".md", ".rst", ".txt", ".html", ".js", ".jsx", ".ts", ".tsx", ".ipynb", ".sql",
)  # fmt: skip
_NAMING_NAMES = ("Makefile", "Dockerfile")
_NAMING_FILE_LIMIT = 1024 * 1024


#: How many tracked-but-ignored files are looked up by name at most: a larger set is a folder
#: of generated files, not a few kept on purpose.
_MOST_NAMED_LOOKUPS = 200


def _named_by_the_project(repo: Repo, paths: list[str]) -> set[str]:
    """Those of ``paths`` whose name another file of the project states: a README that links a
    rubric, a config that names the settings file a pipeline loads. Used on purpose, not forgotten."""
    if not paths or len(paths) > _MOST_NAMED_LOOKUPS:
        return set()
    # A dotfile's name (".env", ".DS_Store") is a kind of file, which docs name by kind, not this
    # one; a name without a suffix ("core", "out") is a word of prose as often.
    # A name that several files share ("la.shp" in each area's folder) names none of them: code
    # that builds "<area>/la.shp" writes every area's, and the one left behind is still forgotten.
    shared = _shared_file_names(repo)
    candidates = paths
    paths = [
        path
        for path in paths
        if _SPECIFIC_FILE_NAME.fullmatch(name := path.rpartition("/")[2]) and name not in shared
    ]
    names = sorted({path.rpartition("/")[2] for path in paths}, key=len, reverse=True)
    if not names:
        return set()
    # The forgotten files themselves name nothing: a left-behind page does not keep its script.
    found = _mentioned(repo, dict.fromkeys(candidates, ""), names, _whole_names)
    return {path for path in paths if path.rpartition("/")[2] in found}


def _shared_file_names(repo: Repo) -> frozenset[str]:
    """The file names that more than one file of the repository has."""

    def count() -> frozenset[str]:
        seen: set[str] = set()
        shared: set[str] = set()
        for path in repo.paths:
            name = path.rpartition("/")[2]
            (shared if name in seen else seen).add(name)
        return frozenset(shared)

    return repo.memo("data:shared-file-names", count)


#: A file name that names one file: a stem, then a suffix; not a dotfile.
_SPECIFIC_FILE_NAME = lazy(r"[^.][^/]*\.[A-Za-z0-9]{1,10}")


def _whole_names(text: str, pattern: re.Pattern[str]) -> Iterator[str]:
    """Each name ``pattern`` finds that stands whole: ``model.pt``, not the end of ``best_model.pt``."""
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-.") and not (after.isalnum() or after in "_-"):
            yield match.group()


#: The files that make up a shapefile besides its ``.shp``.
_SHAPEFILE_PARTS = (".dbf", ".shx", ".prj", ".cpg", ".sbn", ".sbx", ".qix")


def _named_in_the_project(repo: Repo, above: int) -> frozenset[str]:
    """The names of large files (over ``above`` bytes) that some other file of the project mentions.

    A large file the code, a notebook or the docs name is an input or a result the project
    uses on purpose (a model the pipeline loads, the data a chapter reads); one nobody names
    (a training checkpoint, a screen recording, a program) is what a commit swept in. A file
    of a numbered series (``folds.3.csv``) is also named by a name built for the series: a
    format string (``folds.{}.csv``, ``folds.%d.csv``), a glob (``folds.*.csv``,
    ``folds.[0-4].csv``) or a concatenation (``'folds.' + str(k) + '.csv'``). One search over
    the project's text files, and only when some file is that large; a second one, for the
    series, only when a large numbered file is left unnamed.
    """

    def find() -> frozenset[str]:
        large = {path: path.rpartition("/")[2] for path in repo.paths if repo.size(path) > above}
        if not large:
            return frozenset()
        names = sorted(set(large.values()), key=len, reverse=True)
        # A shapefile is read by its .shp name; its .dbf, .shx and .prj come with it.
        shapefiles = {
            name: name.rsplit(".", 1)[0] + ".shp" for name in names if name.lower().endswith(_SHAPEFILE_PARTS)
        }
        words = sorted(set(names) | set(shapefiles.values()), key=len, reverse=True)
        found = _mentioned(
            repo, large, words, lambda text, pattern: (m.group() for m in pattern.finditer(text))
        )
        found.update(name for name, shapefile in shapefiles.items() if shapefile in found)
        series = {name: parts for name in names if name not in found and (parts := _series_parts(name))}
        if series:
            built = _mentioned(
                repo,
                large,
                sorted({p for p, _ in series.values()}, key=len, reverse=True),
                _built,
                whole_search=True,
            )
            found.update(name for name, (prefix, rest) in series.items() if (prefix, rest) in built)
        return frozenset(found)

    return repo.memo(("large-files-named", above), find)


#: Where a project says what its folders hold: its documentation.
_DOC_SUFFIXES = (".md", ".markdown", ".rst", ".txt")
#: What may stand in a path, so that a folder's name is not part of a longer one.
_PATH_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/")


def _folders_the_docs_name(repo: Repo, above: int) -> frozenset[str]:
    """The folders of large files (over ``above`` bytes) that the documentation names by their path.

    "The training log of the best model is provided under runs/best_fold0/" names what is in that
    folder, as a file's own name would. Only a file's own folder counts, named by its whole path
    and at least two levels deep: a top-level folder the README names (`data/`, `runs/`) is
    where files go, not a file the project provides. The caller keeps the limit for named files.
    """

    def find() -> frozenset[str]:
        large, folders = _large_files_in_deep_folders(repo, above)
        if not folders:
            return frozenset()
        return frozenset(_mentioned(repo, large, folders, _whole_paths, suffixes=_DOC_SUFFIXES, names=()))

    return repo.memo(("large-file-folders-named", above), find)


def _large_files_in_deep_folders(repo: Repo, above: int) -> tuple[dict[str, str], list[str]]:
    """Each file over ``above`` bytes with its folder, and those folders at least two levels deep,
    longest first (so that a longer folder is found before a shorter one it starts with)."""

    def find() -> tuple[dict[str, str], list[str]]:
        large = {path: path.rpartition("/")[0] for path in repo.paths if repo.size(path) > above}
        folders = sorted({folder for folder in large.values() if "/" in folder}, key=len, reverse=True)
        return large, folders

    return repo.memo(("large-files-in-deep-folders", above), find)


def _listed_by_the_code(repo: Repo, path: str, above: int) -> bool:
    folder, _, name = path.rpartition("/")
    return any(
        listed == folder and fnmatch.fnmatchcase(name, files)
        for listed, files in _folders_the_code_lists(repo, above)
    )


def _folders_the_code_lists(repo: Repo, above: int) -> frozenset[tuple[str, str]]:
    """(folder, pattern) for the folders of large files that the code lists to read every file.

    ``dir('output/historical-deaths')`` in R, ``os.listdir("output/historical-deaths")`` or
    ``glob("output/historical-deaths/*.csv")`` in Python: the pipeline reads what the folder
    holds, so each file there (that the glob's pattern takes) is an input named by its folder.
    As for the docs, only a folder at least two levels deep counts; a top-level ``data/`` is
    where files go.
    """

    def find() -> frozenset[tuple[str, str]]:
        large, folders = _large_files_in_deep_folders(repo, above)
        if not folders:
            return frozenset()
        return frozenset(
            _mentioned(
                repo, large, folders, _listings, suffixes=_LISTING_SUFFIXES, names=(), whole_search=True
            )
        )

    return repo.memo(("large-file-folders-listed", above), find)


_LISTING_SUFFIXES = (".py", ".r", ".rmd", ".qmd", ".jl", ".ipynb")
#: A call that lists a folder: R's dir(), list.files() and Sys.glob(), fs's dir_ls(), Python's
#: os.listdir(), os.scandir(), glob() and iglob(), Julia's readdir(), each with the folder quoted.
_LISTING_CALL = (
    r"(?:\b(?:dir|list\.files|Sys\.glob|dir_ls|listdir|scandir|i?glob|readdir)\s*\(\s*(?:path\s*=\s*)?)"
)
#: What may follow the folder inside the quotes: a slash, then a glob of its files (no deeper).
_LISTED_FILES = r"(?:/(?P<files>[^'\"\s/]*))?"


def _listings(text: str, mention: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """(folder, files pattern) of each listing of a folder that ``mention`` names in ``text``."""
    listing = _listing_pattern(mention.pattern)
    for match in listing.finditer(text):
        folder = match.group("folder") or match.group("pathlib")
        files = match.group("files") or match.group("globbed") or "*"
        yield folder, files


def _listing_pattern(folders: str) -> re.Pattern[str]:
    quoted = rf"""(?P<quote>['"])(?:\./)?(?P<folder>{folders}){_LISTED_FILES}(?P=quote)"""
    # pathlib lists with Path("x/y").iterdir() or .glob("*.csv").
    pathlib = (
        rf"""\bPath\s*\(\s*(?P<q2>['"])(?:\./)?(?P<pathlib>{folders})/?(?P=q2)\s*\)\s*\."""
        rf"""(?:iterdir\(|r?glob\(\s*['"](?P<globbed>[^'"\s/]*)['"])"""
    )
    return re.compile(f"{_LISTING_CALL}{quoted}|{pathlib}")


#: The end of a forge's address of a file or folder at a branch, just before its path in the
#: repository: ``https://github.com/o/r/blob/main/`` + ``data/output/by_city/x.csv``.
_FILE_ADDRESS_END = lazy(r"/(?:blob|tree|raw|-/blob|-/tree|src/branch)/[\w.-]{1,60}/$")


def _whole_paths(text: str, pattern: re.Pattern[str]) -> Iterator[str]:
    """Each folder path ``pattern`` finds that stands whole (``./runs/x/``, not ``old/runs/x2``)."""
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        before = text[start - 1] if start else ""
        after = text[end : end + 2]
        starts_whole = (
            before not in _PATH_CHARS
            or (before == "/" and text[start - 2 : start] == "./")
            or (before == "/" and _FILE_ADDRESS_END.search(text, max(0, start - 120), start) is not None)
        )
        # A full stop that ends the sentence ends the path too.
        ends_whole = (
            after[:1] == "/"
            or after[:1] not in _PATH_CHARS
            or (after[:1] == "." and after[1:] not in _PATH_CHARS)
        )
        if starts_whole and ends_whole:
            yield match.group()


#: A numbered name: what stands before its first number, the number, and what follows its last.
_SERIES_NAME = lazy(r"(?P<prefix>[^\d]*[^\d._-])[._-]?\d+(?:[._-]?\d+)*(?P<rest>\D*)")
_SERIES_PREFIX = lazy(r"[^\d]*[^\d._-]")
#: What stands for the number in a name built for a series, right after the series' prefix.
_PLACEHOLDER = lazy(r"[._-]?(?:\{[^{}\r\n]{0,40}\}|%0?\d*[dis]|\*|\?|\[[0-9a-z-]{1,12}\]|[\"']\s*\+)")
#: How far after the placeholder the rest of the name may stand (past ``+ str(k) + '``).
_REST_WINDOW = 40


def _series_parts(name: str) -> tuple[str, str] | None:
    """(prefix, rest) of a numbered file name such as ``folds.3.csv`` -> (``folds``, ``.csv``).

    A name with numbers in several places (a period: ``estimates_2020_2_to_2020_4.csv``, built
    by ``"estimates_{start}_to_{end}.csv"``) has the part before its first number as prefix
    and its extension as rest."""
    match = _SERIES_NAME.fullmatch(name)
    if match is not None and len(match.group("prefix")) >= 3 and match.group("rest"):
        return match.group("prefix"), match.group("rest")
    lead = _SERIES_PREFIX.match(name)
    stem, dot, extension = name.rpartition(".")
    if lead is None or len(lead.group()) < 3 or not dot or not extension.isalnum():
        return None
    if not any(character.isdigit() for character in stem[lead.end() :]):
        return None
    return lead.group(), "." + extension


def _built(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """(prefix, rest) of every name built for a series: a prefix, a placeholder, then the rest."""
    for match in pattern.finditer(text):
        placeholder = _PLACEHOLDER.match(text, match.end())
        if placeholder is None:
            continue
        window = text[placeholder.end() : placeholder.end() + _REST_WINDOW]
        for rest in _series_rests(window):
            yield match.group(), rest


def _series_rests(window: str) -> Iterator[str]:
    """Each ending a name may have in the text right after a placeholder: ``.csv``, ``_fold.npy``."""
    end = 0
    while True:
        dot = window.find(".", end)
        if dot < 0:
            return
        stop = dot + 1
        while stop < len(window) and (window[stop].isalnum() or window[stop] in "._-"):
            stop += 1
        start = dot
        while start > 0 and (window[start - 1].isalnum() or window[start - 1] in "_-"):
            start -= 1
        yield window[start:stop]
        yield window[dot:stop]
        end = stop


def _mentioned(
    repo: Repo,
    large: dict[str, str],
    words: list[str],
    matches: Callable[[str, re.Pattern[str]], Iterable[Any]],
    *,
    suffixes: tuple[str, ...] = _NAMING_SUFFIXES,
    names: tuple[str, ...] = _NAMING_NAMES,
    whole_search: bool = False,
) -> set[Any]:
    """Everything ``matches`` finds for ``words`` in the text files of the project that end in
    ``suffixes`` or are called one of ``names`` (one pass over them). The pass ends once each
    word was found, unless ``whole_search`` says a word may be found in several forms."""
    mention = re.compile("|".join(re.escape(word) for word in words))
    found: set[Any] = set()
    for path in repo.paths:
        if path in large and not path.lower().endswith(NOTEBOOK_SUFFIX):
            continue
        if not path.lower().endswith(suffixes) and path.rpartition("/")[2] not in names:
            continue
        for text in _naming_texts(repo, path):
            found.update(matches(text, mention))
        if not whole_search and len(found) == len(words):
            break
    return found


def _naming_texts(repo: Repo, path: str) -> Iterator[str]:
    """The text of a file where names of other files may stand (a notebook's cells, not its outputs)."""
    if path.lower().endswith(NOTEBOOK_SUFFIX):
        notebook = read_notebook(repo, path)
        yield from (cell.source for cell in notebook.cells)
    elif repo.content_size(path) <= _NAMING_FILE_LIMIT:
        text = repo.read_text(path)
        if text is not None:
            yield text
            if "%" in text:
                # a link's address spells "des moines_plans.csv" as "des%20moines_plans.csv"
                from urllib.parse import unquote

                decoded = unquote(text)
                if decoded != text:
                    yield decoded


def _is_program(repo: Repo, file: SourceFile) -> bool:
    """Whether a file without an extension starts like an executable (only asked for large files)."""
    if "." in file.name.lstrip(".") or repo.is_symlink(file.path) or repo.size(file.path) == 0:
        return False
    # Repo.read_bytes reads a file whole or not at all; four bytes are enough here. The size
    # above comes from an lstat that refuses paths through symlinked folders, and O_NOFOLLOW
    # refuses a file swapped for a symlink since.
    try:
        handle = os.open(repo.root / file.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(handle, "rb") as opened:
            head: bytes = opened.read(4)
    except (OSError, ValueError):
        return False
    return head.startswith(_PROGRAM_MAGIC)


def _stored_in_lfs(repo: Repo, path: str) -> bool:
    """Whether git attributes send ``path`` through the LFS filter (only asked for large files)."""
    if repo.is_git:
        output = repo.git("check-attr", "-z", "filter", "--", path)
        # -z output: path NUL attribute NUL value NUL
        fields = (output or b"").split(b"\0")
        return len(fields) >= 3 and fields[2] == b"lfs"
    return filter_for(repo, path) == "lfs"


# -- OSS404: data/ kept out of git ------------------------------------------------------

DATA_IGNORE_LINES = ("/data/**", "!/data/**/", "!/data/**/README.md")
_PROBE_NAMES = ("example.csv", "example.parquet")
#: Files that belong in a tracked data/ folder: documentation, placeholders, DVC pointers.
_DATA_FOLDER_KEEPS = lazy(
    r"(?i)^(?:readme(?:\.[a-z]+)?|\.gitignore|.*\.dvc|.*\.md|"
    + "|".join(re.escape(name) for name in KEEP_FILE_NAMES)
    + ")$"
)
#: The header of a table that describes other tables: one row per column, with its description.
_DICTIONARY_NAMES = frozenset(
    {"field", "field name", "column", "column name", "variable", "variable name", "attribute"}
)
#: A bare "name" column describes columns only beside one saying what kind of values they hold.
_DICTIONARY_KINDS = frozenset({"type", "data type", "datatype", "dtype", "format", "unit", "units"})


_MAX_DICTIONARY_BYTES = 64 * 1024


def is_data_dictionary(repo: Repo, path: str) -> bool:
    """Whether a CSV or TSV file is a data dictionary (``Field,Description,Type``): documentation, not data."""
    if not path.lower().endswith((".csv", ".tsv")):
        return False
    # A dictionary has a row per column of its tables: a larger file is a table itself.
    head = repo.read_bytes(path, limit=_MAX_DICTIONARY_BYTES)
    if not head:
        return False
    header = head.split(b"\n", 1)[0][:2048].decode("utf-8", "replace").lstrip("\ufeff").lower()
    cells = {cell.strip().strip("\"'") for cell in header.replace("\t", ",").replace(";", ",").split(",")}
    return "description" in cells and bool(
        cells & _DICTIONARY_NAMES or ("name" in cells and cells & _DICTIONARY_KINDS)
    )


_WHOLE_FOLDER = frozenset({"data", "data/", "/data", "/data/"})
_ALL_CONTENTS = frozenset({"data/*", "data/**", "data/**/*"})


#: Files of code: a data/ folder holding them is a package named data, not the data folder.
_CODE_SUFFIXES = (".py", ".pyx", ".r", ".jl", ".ipynb", ".sh", ".js", ".ts", ".sql")


class OSS404(Rule):
    """The data/ folder is not kept out of git.

    ## What it does
    In a repository with a `data/` folder (in the work tree or in git), and in
    analysis projects where the conventions apply in full, checks that git ignores
    the files inside `data/` while it keeps each folder's `README.md`. It asks git
    itself (`git check-ignore`) whether a new data file in `data/` and its
    subfolders would be ignored, and reports data files that are committed there
    although the ignore rules cover them. Where the repository did not adopt the
    conventions, a `data/` that no ignore rule touches and whose files are all
    committed is data the project ships on purpose (a book's sample data, a
    solution's folds) and is left alone; it is reported when part of `data/` is
    ignored and the rest is not (unless each folder left open stores committed data,
    itself, ten files or more below it, beside its parent's ten or more (a folder made to
    receive more), or, where the rules keep some of its subfolders out, in another below it, and
    nothing committed is in the ignored part: a book that keeps one folder out and ships
    the rest, a pipeline that ignores each folder it reads and writes and commits its
    templates), when data files there wait to be committed, or when
    `data/` holds only `.gitkeep` files (folders made to receive data) that no rule
    keeps out of git. A `data/` folder that holds code (a package named `data`) is not the data folder
    and is left alone; code and documentation in `data/` are never called data.
    A README that is already committed is never called hidden: git keeps tracking
    a committed file whatever `.gitignore` says. A data dictionary (a CSV whose
    header is `Field,Description,...`) is documentation. Data files that are
    committed although ignored are named one by one; where the conventions were not
    adopted, only those committed before their ignore rule was written: a file
    forced in later (`git add -f`, example data the pipeline's settings name), or one
    that the project's code, notebooks or docs name (the sample data a tutorial opens),
    is kept on purpose.

    ## Why is this bad?
    Without an ignore rule, one `git add .` puts raw data, which may contain
    personal or licensed information, into the history for good. The READMEs are
    the opposite: they say where the data comes from and how to get it, so they
    must be in git.

    ## Example
    A `.gitignore` without any rule for `data/`, or one with `data/` that also
    hides `data/raw/README.md`.

    ## How to fix
    Add these lines to `.gitignore`:

    ```text
    /data/**
    !/data/**/
    !/data/**/README.md
    ```

    and take committed data files out of git while keeping them on disk:
    `git rm --cached data/raw/customers.csv`. Repositories that version data
    with DVC are trusted to manage their own ignore files.
    """

    name = "data-folder-ignored"
    kind = Kind.CONVENTION
    elsewhere = (
        "a data/ folder that is ignored in part only (not where the open part holds the data the project "
        "commits), or whose data files wait to be committed; never a data/ the repository commits whole on "
        "purpose; hidden READMEs only when data/ has a README."
    )
    stakeholders = (Stakeholder.LEGAL, Stakeholder.DATA_SCIENCE)

    def check(self, repo: Repo) -> Iterator[Finding]:
        inside = [path for path in repo.paths if path.startswith("data/")]
        present = repo.dir_exists("data") or bool(inside)
        if not (present or (self.in_full and project_kind(repo).type == "analysis")):
            return
        if any(path.lower().endswith(_CODE_SUFFIXES) for path in inside):
            return  # a package named data (the dataset classes of a solution), not the data folder
        if not self.in_full and is_r_package(repo):
            return  # an R package's data/ holds the datasets it exports (`LazyData`), shipped on purpose
        data_files = [
            path
            for path in inside
            if not _DATA_FOLDER_KEEPS.match(path.rpartition("/")[2]) and not is_data_dictionary(repo, path)
        ]
        tracked = [path for path in data_files if repo.file(path).tracked] if repo.is_git else []
        # Outside adopters, a data/ that nothing ignores and whose files are all committed is
        # data the project ships on purpose; files waiting to be committed say otherwise.
        committed = set(tracked)
        waiting = [path for path in data_files if path not in committed] if repo.is_git else []
        # Folders kept empty with .gitkeep are made to receive data that is not committed.
        skeleton = not data_files and any(path.rpartition("/")[2] in KEEP_FILE_NAMES for path in inside)
        if not repo.dir_exists(".dvc"):
            problem = _data_ignore_problem(
                repo,
                readmes_expected=self.in_full,
                only_if_ignored=not (self.in_full or waiting or skeleton),
                shipped=set() if self.in_full or waiting else committed,
            )
            if problem is not None:
                yield self.finding(".gitignore", problem + _committed_note(tracked, waiting))
        # An adopter keeps every data file out of git; elsewhere a file forced in after the
        # rule (example data a pipeline's config names) was kept on purpose.
        if self.in_full:
            committed_anyway = sorted(_ignored(repo, tracked) or ()) if tracked else []
        else:
            forgotten = committed_before_their_rule(repo, tracked)
            # Sample data the notebooks open by name ("../data/sst.nc") is shipped on purpose.
            named = _named_by_the_project(repo, forgotten)
            committed_anyway = [path for path in forgotten if path not in named]
        for path in committed_anyway:
            yield self.finding(
                path,
                f"data file is committed although .gitignore keeps data/ out of git: "
                f"run `git rm --cached {path}` (the file stays on disk)",
            )


def _committed_note(tracked: list[str], waiting: list[str]) -> str:
    """What to do about the data files already in data/, said once (the ignore rule does not touch them)."""
    if waiting:
        return f"; {waiting[0]} is not committed yet, and `git add .` would commit it"
    if tracked:
        count = f"{len(tracked)} data files" if len(tracked) > 1 else "1 data file"
        return f"; {count} in data/ are already committed: `git rm --cached` those that must not be shared"
    return ""


def _data_ignore_problem(
    repo: Repo, *, readmes_expected: bool, only_if_ignored: bool = False, shipped: set[str] | None = None
) -> str | None:
    """What is wrong with the ignore rules for data/; its READMEs must stay visible when any exist
    (or, with ``readmes_expected``, as the conventions want them). With ``only_if_ignored``, a
    data/ that no rule ignores at all is no problem: the repository keeps its data in git.

    ``shipped`` are the committed data files: where no ignore rule covers any of them, a folder
    not ignored that holds some is a part of data/ the project stores (a book that ignores only
    ``data/data_not_stored/`` and commits the rest), not an ignore rule left half-written.
    """
    folders = {"data"}
    readmes = set()
    for path in repo.paths:
        parts = path.split("/")
        if parts[0] == "data" and len(parts) > 1:
            folders.update("/".join(parts[:depth]) for depth in range(2, len(parts)))
            if parts[-1].lower().startswith("readme"):
                readmes.add(path)
    # Folders that hold only ignored files do not show in git's listing; data/ may not exist yet.
    with contextlib.suppress(OSError):
        folders.update(f"data/{entry.name}" for entry in (repo.root / "data").iterdir() if entry.is_dir())
    # READMEs that git ignores are not listed either: look for them in data/ and its first folders.
    for folder in sorted(folders):
        if folder.count("/") <= 1:
            found = readme_in(repo, folder)
            if found is not None:
                readmes.add(found)
    probes = sorted(f"{folder}/{name}" for folder in folders for name in _PROBE_NAMES)
    kept = sorted(readmes) or (["data/README.md"] if readmes_expected else [])
    ignored = _ignored(repo, [*probes, *kept, *sorted(shipped or ())])
    add = ", ".join(f"`{line}`" for line in DATA_IGNORE_LINES)
    if ignored is None:
        return _gitignore_text_problem(
            repo.read_text(".gitignore") or "", add, readmes=bool(kept), only_if_covered=only_if_ignored
        )
    leaking = [probe for probe in probes if probe not in ignored]
    if only_if_ignored and len(leaking) == len(probes):
        return None
    # A split is deliberate when none of the committed data is in the ignored part; committed
    # files the rules cover say the rule came late and left them behind (OSS404 names those).
    # ... and when the split is by folder: a folder whose CSVs are ignored and whose Parquet
    # files are not is a rule for one kind of file, which leaves the others open.
    closed = {probe.rpartition("/")[0] for probe in probes if probe in ignored}
    split_by_folder = not {probe.rpartition("/")[0] for probe in leaking} & closed
    if (
        shipped
        and leaking
        and split_by_folder
        and not shipped & ignored
        and all(_stores_its_data(probe.rpartition("/")[0], shipped, closed) for probe in leaking)
    ):
        return None
    if shipped:
        # name a folder that stores nothing yet before one whose committed data is shipped
        leaking.sort(key=lambda probe: _stores_its_data(probe.rpartition("/")[0], shipped, closed))
    if leaking:
        return (
            f"git does not ignore data files in data/ (a new {leaking[0]} would not be ignored), so raw data "
            "can be committed: "
            f"add these lines to .gitignore: {add}"
        )
    # git keeps tracking a committed file whatever the ignore rules say: only a README that is
    # not in git yet would be left out.
    hidden = [readme for readme in kept if readme in ignored and not _tracked(repo, readme)]
    # A README that an exception names is OSS409's: the exception exists, git just cannot apply it.
    named = _exceptions_of(repo, ".gitignore")
    hidden = [readme for readme in hidden if not named.names(readme)]
    if hidden:
        return (
            f"git ignores {hidden[0]}, so the data folders lose their documentation: "
            f"add these lines to .gitignore: {add}"
        )
    return None


def _stores_its_data(folder: str, shipped: set[str], closed: set[str]) -> bool:
    """Whether ``folder`` holds committed data files of its own, or many below it; data/ itself
    also when a folder below it does (books keep their sample data in data/<topic>/), and so does any folder that
    the rules split by subfolder, keeping some out (``closed``) and committing data in another
    (a pipeline's data/inputs/: raw/ ignored, templates/ committed)."""
    prefix = folder + "/"
    below = [path for path in shipped if path.startswith(prefix)]
    if any("/" not in path[len(prefix) :] for path in below) or len(below) >= _STORED_BELOW:
        return True
    # A folder made to receive more of what its parent stores (data/raw/external/ beside the
    # thousands of files of data/raw/) is part of what the project commits.
    parent = folder.rpartition("/")[0]
    if (
        parent not in ("", "data")
        and len([path for path in shipped if path.startswith(parent + "/")]) >= _STORED_BELOW
    ):
        return True
    split_below = any(closed_folder.rpartition("/")[0] == folder for closed_folder in closed)
    return bool(below) and (folder == "data" or split_below)


#: This many committed data files below a folder are data kept there on purpose (a project that
#: publishes what it scrapes: data/interim/diffs/*.json), not one file a subfolder happens to hold.
_STORED_BELOW = 10


def _tracked(repo: Repo, path: str) -> bool:
    """Whether git tracks ``path`` (a file git ignores and does not track is not listed at all)."""
    return path in repo.path_set and repo.file(path).tracked


def _ignored(repo: Repo, paths: list[str]) -> set[str] | None:
    """Which of ``paths`` git's ignore rules match (whether or not they exist); None without git."""
    if not repo.is_git:
        return None
    # check-ignore exits 1 when nothing is ignored: an answer, not a failure.
    listed = _pathspec_input(paths)
    output = repo.git(
        *_REPOSITORY_RULES_ONLY, "check-ignore", "--no-index", "-z", "--stdin", stdin=listed, ok=(0, 1)
    )
    if output is None:
        return None
    return {path.removeprefix("./") for path in nul_separated(output)}


#: What the repository's own ignore files say, the same on every machine: no global excludes file,
#: and none that the checkout's .git/config names (which could be any file outside it).
_REPOSITORY_RULES_ONLY = ("-c", f"core.excludesFile={os.devnull}")


def _pathspec_input(paths: list[str]) -> bytes:
    """Paths for ``git check-ignore --stdin``, which reads each as a pathspec: ``./`` keeps a
    file named ``:(glob)x`` from being read as pathspec magic (git echoes the prefix back)."""
    return "".join(f"./{path}\0" for path in paths).encode("utf-8", "surrogateescape")


def _gitignore_text_problem(
    text: str, add: str, *, readmes: bool, only_if_covered: bool = False
) -> str | None:
    """Without git, read .gitignore: some rule must cover data/'s contents and READMEs must come back."""
    patterns = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    covering = [
        p
        for p in patterns
        if not p.startswith("!") and (p in _WHOLE_FOLDER or p.lstrip("/") in _ALL_CONTENTS)
    ]
    if not covering:
        return (
            None
            if only_if_covered
            else f".gitignore has no rule that keeps data/ out of git: add these lines: {add}"
        )
    if not readmes:
        return None
    readmes_back = any(p.startswith("!") and "readme" in p.lower() for p in patterns)
    if all(p in _WHOLE_FOLDER for p in covering) or not readmes_back:
        return f".gitignore hides the READMEs of data/ too: use these lines instead: {add}"
    return None


# -- OSS405: .env files -----------------------------------------------------------------

_ENV_TEMPLATES = frozenset({".env.example", ".env.sample", ".env.template"})
#: ``KEY=value``, ``export KEY=value``, ``KEY: value`` (dotenv, docker compose and shell spellings).
_ENV_LINE = lazy(r"(?:export[ \t]+)?(?P<key>[A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:][ \t]*(?P<value>.*)")
#: Settings that configure a tool, not a service, and that the tool wants committed:
#: docker compose reads ``COMPOSE_PROJECT_NAME`` and friends from ``.env`` next to its file.
_SAFE_ENV_KEYS = lazy(r"COMPOSE_[A-Z0-9_]*|DOCKER_BUILDKIT|DOCKER_DEFAULT_PLATFORM")
#: Settings that web front-end builds (Next.js, Vite, Create React App, Nuxt, Expo, Gatsby)
#: copy into the page every visitor downloads: public by design, so committed defaults are fine.
_BROWSER_ENV_KEYS = lazy(r"(?:NEXT_PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC|VITE|REACT_APP|VUE_APP|GATSBY|PUBLIC)_\w+")


#: Values that cannot be secrets: paths relative to the project, switches, log levels, and
#: addresses on this computer (``http://localhost:5001``) without a password in them. (A number
#: can be a PIN.)
_PLAIN_ENV_VALUE = lazy(
    r"\.{1,2}/[\w./-]*|(?i:true|false|yes|no|on|off|debug|info|warning|error|critical)"
    r"|(?i:https?://(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::\d{1,5})?/?)"
)


class EnvValues(NamedTuple):
    """The settings of a .env text that are given a value, and whether one of them is a secret."""

    keys: list[str]
    secret: bool


def env_values(text: str) -> EnvValues:
    """The keys of a .env text that are given a value, leaving out comments, known-safe settings
    and placeholders (``YOUR_KEY``, ``<token>``, ``changeme``); none at all when the file is a
    template: it has placeholders and every setting named like a secret holds one."""
    keys = []
    placeholders = 0
    secret_with_value = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _ENV_LINE.fullmatch(line)
        if match is None and _PLAIN_ENV_VALUE.fullmatch(line.rpartition("=")[2].strip()):
            continue  # a key a template rendered badly (`DIR_SRC_{{...}}=./src`), a relative folder
        if match is None:
            keys.append(line[:20])  # not a setting: a secret pasted on its own, or a script
            secret_with_value = True
            continue
        key = match.group("key")
        value = match.group("value").split(" #", 1)[0].strip().strip("\"'")
        if not value or _SAFE_ENV_KEYS.fullmatch(key):
            continue
        if (
            _BROWSER_ENV_KEYS.fullmatch(key)
            and _BROWSER_SECRET_NAME.search(key.upper().split("_", 1)[-1]) is None
            and not _secret_value(value)
            and not value.startswith(_SECRET_KEY_PREFIXES)
        ):
            continue  # public by design, unless it is named or shaped like a secret (VITE_ADMIN_PASSWORD)
        if _PLAIN_ENV_VALUE.fullmatch(value) and _ENV_SECRET_NAME.search(key.upper()) is None:
            continue  # a relative folder, a number, a log level, a local address: nothing to leak
        if is_placeholder(value, key) or any(is_placeholder(part, key) for part in value.split("|")):
            placeholders += 1
            continue
        keys.append(key)
        secret_with_value = (
            secret_with_value
            or _ENV_SECRET_NAME.search(key.upper()) is not None
            or _URL_CREDENTIALS.search(value) is not None
        )
    if placeholders and not secret_with_value:
        return EnvValues([], secret=False)
    return EnvValues(keys, secret_with_value)


def _secret_value(value: str) -> bool:
    """Whether a value is a credential by its look: a key of a known format, a password in an address."""
    return _URL_CREDENTIALS.search(value) is not None or next(find_file_secrets(value), None) is not None


#: ``postgres://ana:hunter2@db/sales``: an address with a password in it, whatever its setting is called.
_URL_CREDENTIALS = lazy(r"://[^/\s:@]*:(?!\$)[^/\s@]+@")  # ${PASSWORD} is compose's to fill in
#: Setting names that hold a secret (the others, such as a URL or a folder, can be shared).
_ENV_SECRET_NAME = lazy(
    r"KEY|TOKEN|SECRET|PASSW|(?:^|_)PASS(?:$|_)|PWD|CREDENTIAL|AUTH|PRIVATE|CONNECTION|DSN"
)
#: In a setting every visitor's browser receives, a key or token is the public kind a map or
#: analytics service issues for pages (``NEXT_PUBLIC_MAPBOX_TOKEN``): only these names say secret.
_BROWSER_SECRET_NAME = lazy(r"SECRET|PASSW|PWD|CREDENTIAL|PRIVATE|CONNECTION|DSN|SERVICE_ROLE|ADMIN|WEBHOOK")
#: How secret (server-side) keys begin at the services that also issue public ones: OpenAI's
#: and Stripe's ``sk-``/``sk_live_``, Stripe's restricted and webhook keys.
_SECRET_KEY_PREFIXES = ("sk-", "sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_")
#: A README sentence that calls a .env file a sample to copy: ``.env.test <- Sample .env file``.
_SAMPLE_WORDS = lazy(r"(?i)\b(?:sample|template|example|skeleton|structure)\b")


#: Variants named for settings a team shares: ``.env.shared`` beside a private ``.env``.
_SHARED_ENV_NAMES = frozenset({".env.shared", ".env.public", ".env.common", ".env.defaults", ".env.default"})
#: A comment in the file itself that says it holds nothing secret.
_SHARED_ENV_COMMENT = lazy(
    r"(?i)^\s*#.*\b(?:non-?secrets?|not (?:a )?secrets?|no secrets|safe to (?:commit|share|publish)"
    r"|(?:meant|intended) to be (?:committed|shared))\b"
)


def _shared_on_purpose(file: SourceFile, text: str) -> bool:
    """Whether a variant is named or commented as the settings a team shares (its secrets live elsewhere)."""
    if file.name.lower() in _SHARED_ENV_NAMES:
        return True
    return any(_SHARED_ENV_COMMENT.match(line) for line in text.splitlines()[:20])


#: A header that says the file itself is committed and secrets go elsewhere, as govcookiecutter
#: writes it into its ``.env`` ("DO NOT STORE SECRETS HERE - this file is version-controlled!").
_COMMITTED_ENV_COMMENT = lazy(
    r"(?i)^\s*#.*\b(?:this file is (?:version[- ]controlled|committed|tracked|checked in)"
    r"|do not (?:store|put|keep|add|write) (?:any )?secrets (?:here|in this file))\b"
)


def _shared_settings(repo: Repo, file: SourceFile, text: str) -> bool:
    """Whether the file is named or commented as shared settings, or docker compose reads it.

    ``.env`` is the usual home of secrets, so a vague "no secrets" comment only counts for a
    variant; a header saying the file is committed and secrets go elsewhere counts for both."""
    header = text.splitlines()[:30]
    if any(_COMMITTED_ENV_COMMENT.match(line) for line in header) and _only_harmless_values(text):
        return True
    return (file.name != ".env" and _shared_on_purpose(file, text)) or _read_by_compose(repo, file)


#: A value a header may vouch for: a plain word or name (``consultation``, ``team-lake``,
#: ``eu-west-2``) without the mix of letters and digits a password has, or one that cannot be a
#: secret at all (a relative folder, a switch, a local address).
_NAME_LIKE_VALUE = lazy(r"[A-Za-z][A-Za-z_.-]*(?:-\d{1,2})?")


def _only_harmless_values(text: str) -> bool:
    """Whether every value the .env gives is a plain name or one that cannot be a secret: a
    header saying "no secrets here" is believed only of what could not be a password."""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        value = line.rpartition("=")[2].split(" #", 1)[0].strip().strip("\"'") if "=" in line else line
        if value and not (_PLAIN_ENV_VALUE.fullmatch(value) or _NAME_LIKE_VALUE.fullmatch(value)):
            return False
    return True


_COMPOSE_FILES = ("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml")


def _read_by_compose(repo: Repo, file: SourceFile) -> bool:
    """Whether a docker compose file beside it reads the file: names it (``env_file: .env``),
    or, for ``.env`` itself, fills its ``${VARIABLES}`` from it as compose always does."""
    folder = file.path.rpartition("/")[0]
    for name in _COMPOSE_FILES:
        compose = f"{folder}/{name}" if folder else name
        text = repo.read_text(compose) if repo.exists(compose) else None
        if text and (file.name in text or (file.name == ".env" and "${" in text)):
            return True
    return False


def _documented_as_sample(repo: Repo, file: SourceFile) -> bool:
    """Whether the README names this file on a line that calls it a sample or template."""
    readme = repo.find(*README_NAMES)
    text = repo.read_text(readme) if readme is not None else None
    if not text or file.name not in text:
        return False
    return any(
        _SAMPLE_WORDS.search(line) for line in text.splitlines() if file.name in line and len(line) < 1000
    )


class OSS405(Rule):
    """A .env file with values is in git.

    ## What it does
    Reports `.env` files, and variants such as `.env.local` or `.env.prod`, that
    are committed or that git would commit because they are not ignored, when they
    give any setting a value. `.env.example`, `.env.sample` and `.env.template` are
    meant to be shared and are fine, and so is a variant the README calls the
    sample or template to copy, and a `.env` that holds only comments, empty
    settings, or settings a tool wants committed (docker compose's
    `COMPOSE_PROJECT_NAME`, and the public settings a web front end builds into
    its pages, `NEXT_PUBLIC_*` or `VITE_*`, unless one is named like a secret or its
    value is a credential by its look; there a key or token, `NEXT_PUBLIC_MAPBOX_TOKEN`,
    is the public kind a service issues for pages, and only a secret, password,
    private key or connection string is not), or settings whose values cannot be secrets (`LOG_DIR=../logs/`,
    `LOG_LEVEL=INFO`, `DEBUG=false`, `MLFLOW_TRACKING_URI=http://localhost:5001`).
    Placeholders (`YOUR_KEY`, `your-api-key`, `<token>`,
    `xxx`, `changeme`, `API_TOKEN`) are no values, and a file whose secret settings
    all hold placeholders is a template. A variant named or commented as the
    settings a team shares (`.env.shared`, `.env.defaults`, a first comment saying
    "non-secret configuration"), and any `.env` whose header says the file is
    committed and secrets go elsewhere ("DO NOT STORE SECRETS HERE - this file is
    version-controlled", as govcookiecutter writes it), is kept in git on purpose and is
    fine while none of its settings is a secret, and so is a `.env` that a docker compose file
    beside it reads (`env_file: .env`, or `${VARIABLES}` compose fills from it). A
    setting named like a secret, or an address with a password in it
    (`postgres://ana:...@db`), is a secret whatever the file. Test fixtures and
    vendored code are left alone.

    ## Why is this bad?
    `.env` files hold passwords, API keys and connection strings for one person
    or one server. Once committed they are in the history for good, readable by
    everyone with access to the repository, and the secrets must be replaced.

    ## Example
    ```text
    DB_PASSWORD=hunter2
    OPENAI_API_KEY=sk-...
    ```

    ## How to fix
    Take the file out of git but keep it on disk with `git rm --cached .env`,
    make sure `.gitignore` contains `.env` and `.env.*` (with `!.env.example`),
    and rotate every secret that was in a commit. Share the names of the
    variables, without values, in `.env.example`.
    """

    name = "env-file-tracked"
    reported_when_dormant = True
    stakeholders = (Stakeholder.LEGAL,)
    scope = Scope.FILE

    def applies_to(self, file: SourceFile) -> bool:
        name = file.name
        return (name == ".env" or name.startswith(".env.")) and name.lower() not in _ENV_TEMPLATES

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if repo.is_symlink(file.path) or not_the_projects_own(repo, file.path):
            return
        if file.name != ".env" and _documented_as_sample(repo, file):
            return  # the README calls it the sample to copy, as others name theirs .env.example
        text = file.text
        values = env_values(text) if text is not None else EnvValues(["(not text)"], secret=True)
        keys = values.keys
        if not keys:
            return  # only comments, empty settings or settings meant to be committed
        if (
            text is not None
            and not values.secret
            and _shared_settings(repo, file, text)
            and next(find_file_secrets(text), None) is None
        ):
            return  # shared settings kept in git on purpose, none of them a secret by name or by value
        held = (
            f" (it sets {', '.join(keys[:3])}{', ...' if len(keys) > 3 else ''})" if text is not None else ""
        )
        if file.tracked:
            ignore = "" if repo.is_ignored(file.path) else f", add {file.name} to .gitignore"
            message = (
                f"{file.name} is in git and gives settings values{held}: run `git rm --cached {file.path}`"
                f"{ignore} and replace the secrets it held"
            )
        else:
            message = (
                f"{file.name} is not ignored and gives settings values{held}, so the next commit can "
                f"publish its secrets: add {file.name} to .gitignore"
            )
        yield self.finding(file.path, message)


# -- OSS406: files tracked although ignored --------------------------------------------

#: Files that keep a folder in git on purpose, the way the template's skeleton does.
_KEEP_FILES = lazy(
    r"(?i)^(?:"
    + "|".join(re.escape(name) for name in KEEP_FILE_NAMES)
    + r"|\.gitignore|readme(?:\.[a-z]+)?)$"
)
#: Configuration that belongs in git whatever a broad pattern says (``.coverage*`` is meant for
#: coverage's data files, not for ``.coveragerc``): tools' rc files and the usual build files.
_CONFIG_FILES = lazy(
    r"(?i)^(?:\.[\w.-]*rc|\.editorconfig|\.gitattributes|\.gitmodules|\.mailmap|\.dockerignore"
    r"|\.python-version|\.flake8|\.pre-commit-config\.yaml|makefile|dockerfile|procfile|justfile"
    r"|requirements[\w.-]*\.txt|license[\w.-]*|licence[\w.-]*|copying[\w.-]*|notice|authors)$"
)
#: The editor settings VS Code and devcontainers are designed to share through git (recommended
#: extensions, tasks, debug launchers), kept under a broad ``.vscode/`` rule on purpose.
_SHARED_EDITOR_SETTINGS = lazy(
    r"(?:^|/)\.vscode/(?:extensions|settings|launch|tasks)\.json$|(?:^|/)\.devcontainer/"
)
_SHOWN_FILES = 3
#: Code and documentation: tracked although ignored, they are an exception kept on purpose
#: (a hand-written C file where generated ones are ignored), not an artefact left behind.
_SOURCE_SUFFIXES = (
    ".py", ".pyi", ".pyx", ".pxd", ".c", ".h", ".cc", ".cpp", ".hpp", ".cu", ".f", ".f90", ".r",
    ".jl", ".js", ".ts", ".java", ".go", ".rs", ".sh", ".rst", ".md", ".tex", ".patch", ".diff",
    ".cfg", ".ini", ".toml", ".yaml", ".yml", ".ipynb", ".css", ".in", ".cmake",
)  # fmt: skip


class OSS406(Rule):
    """Files are tracked although .gitignore ignores them.

    ## What it does
    Asks git which tracked files a `.gitignore` rule matches, and reports each such
    rule once, at its line, with the files that were committed before the rule was
    written: someone added the rule to stop tracking them (checkpoints, caches,
    logs, data) and forgot `git rm --cached`. Files added after their rule were
    forced in on purpose (`git add -f`, to keep a few of many generated images) and
    are fine; where as many were forced in as were there before, the team picks these
    files by hand and the rule says nothing. So are code and documentation (an exception kept on purpose; a
    data dictionary, a CSV headed `Field,Description,...`, is documentation; a
    hand-written web page, an `index.html` that loads scripts or styles kept beside
    it, is kept with what it loads, unless it says which tool generated it), the
    files another file of the project names (a rubric the README links, the settings
    file a config names), the files that keep a folder in git (`.gitkeep`, `README.md`), the editor settings
    meant for sharing (`.vscode/extensions.json`, `settings.json`, `launch.json`,
    `tasks.json`, `.devcontainer/`) and the files of a
    template's own folders (`{{ cookiecutter.project_slug }}/...`), configuration
    files (`.coveragerc` under a `.coverage*` rule, `Makefile`, `requirements.txt`),
    and test fixtures and vendored code (a compressed file a test reads, under a
    rule that makes adding such files deliberate). A rule that names one thing
    (`bird.jpg`, `titanic*`) is taken to mean it beside the `.gitignore`, where a
    notebook or script makes it: a `slides/bird.jpg` is matched by chance. A shallow
    clone, whose history cannot tell, reports nothing.

    ## Why is this bad?
    Git goes on tracking every change to those files: training checkpoints,
    caches and logs keep growing the history, and everyone who clones gets them,
    although the team decided they do not belong in the repository.

    ## Example
    `.gitignore` lists `/lightning_logs/`, but `lightning_logs/version_0/checkpoints/epoch=9.ckpt`
    was committed the day before.

    ## How to fix
    Take the files out of git but keep them on disk: `git rm -r --cached lightning_logs/`
    (or the files the message names), and commit. If a file must stay in git,
    add an exception to `.gitignore` (`!path/to/file`).
    """

    name = "tracked-but-ignored"
    spares_dormant_files = True
    stakeholders = (Stakeholder.DATA_SCIENCE, Stakeholder.MANAGEMENT)
    added = "0.2.0"

    def check(self, repo: Repo) -> Iterator[Finding]:
        if not repo.is_git or repo.tracks_nothing:
            return
        listed = repo.git("ls-files", "-z", "--cached", "--ignored", "--exclude-per-directory=.gitignore")
        tracked = [
            path
            for path in nul_separated(listed or b"")
            if not _KEEP_FILES.match(path.rpartition("/")[2])
            and not _CONFIG_FILES.match(path.rpartition("/")[2])
            and not _SHARED_EDITOR_SETTINGS.search(path)
            and "{{" not in path
            and "{%" not in path
            and not not_the_projects_own(repo, path)
            and not is_data_dictionary(repo, path)
        ]
        if not tracked or _shallow(repo):
            return
        groups: dict[tuple[str, int, str], list[str]] = {}
        for path, rule in _ignoring_rules(repo, tracked).items():
            groups.setdefault(rule, []).append(path)
        groups = {key: _meant(key[0], key[2], paths) for key, paths in groups.items()}
        groups = {key: _without_web_pages(repo, paths) for key, paths in groups.items()}
        groups = {
            key: paths
            for key, paths in groups.items()
            if paths and not all(p.lower().endswith(_SOURCE_SUFFIXES) for p in paths)
        }
        if not groups:
            return
        # Two history walks in all: one over each ignore file, one over the files' folders.
        rule_times = {source: _rule_times(repo, source) for source in {key[0] for key in groups}}
        added = _first_added(repo, sorted({path for paths in groups.values() for path in paths}))
        forgotten = {}
        for key, paths in groups.items():
            written = rule_times[key[0]].get(key[2])
            before = [path for path in paths if _forgotten(added.get(path), written)]
            forced = sum(1 for path in paths if path in added and path not in before)
            # As many files forced in after the rule as were there before it: the team keeps a
            # chosen few of these in git by hand, and the older ones are likely chosen too.
            if before and forced < len(before):
                forgotten[key] = before
        # Last, as it reads the project's texts: a file another file names is used, not forgotten.
        named = _named_by_the_project(repo, [path for paths in forgotten.values() for path in paths])
        for (source, line, pattern), paths in sorted(forgotten.items()):
            kept = [path for path in paths if path not in named]
            if kept:
                yield self._finding(source, line, pattern, sorted(kept))

    def _finding(self, source: str, line: int, pattern: str, paths: list[str]) -> Finding:
        more = len(paths) - _SHOWN_FILES
        shown = ", ".join(paths[:_SHOWN_FILES]) + (f" and {more} more" if more > 0 else "")
        files = (
            "1 file committed before this rule is"
            if len(paths) == 1
            else f"{len(paths)} files committed before this rule are"
        )
        return self.finding(
            source,
            f"{files} still tracked although '{pattern}' ignores it ({shown}): run `git rm -r --cached` "
            "on them (they stay on disk) and commit, or, if they belong in git, narrow the rule or add "
            "`!<path>` after it",
            line=line,
        )


#: ``src="f.js"``, ``href='style.css'``: what a page loads from beside itself.
_PAGE_REFERENCE = lazy(r"""(?i)\b(?:src|href)\s*=\s*["']([^"'#?:]+)["']""")
#: The mark generated pages carry (coverage.py, Sphinx, pdoc, nbconvert's template say who made them).
_GENERATED_PAGE = lazy(
    r"""(?i)<meta\s+name=["']generator["']|\b(?:created|generated|built|made) (?:by|with|using) (?:<[^>]*>)?\s*"""
    r"(?:coverage|sphinx|pdoc|nbconvert|jupyter|doxygen|mkdocs|pytest-html|javadoc|jekyll|hugo|docutils"
    r"|pandoc|quarto|plotly|bokeh|folium|sweetviz|ydata|pandas-profiling|mlflow|tensorboard)"
)
#: A file name a script may name: ``empty.json``, ``terms.js``.
_FILE_NAME = lazy(r"[\w.-]{1,100}\.[A-Za-z0-9]{1,8}\b")
_MAX_PAGES = 50
_MAX_PAGE_SCRIPTS = 50
_WEB_SOURCES = (".js", ".css", ".mjs")
_MAX_PAGE_BYTES = 256 * 1024


def _without_web_pages(repo: Repo, paths: list[str]) -> list[str]:
    """``paths`` without the hand-written web pages among them and what those load.

    A viewer kept in an output folder (``index.html`` loading its own ``f.js`` and
    ``style.css``, the script reading ``empty.json``) is tracked on purpose while the
    data the code writes next to it is ignored. A page that says which tool generated it
    (coverage's ``htmlcov/``, a docs build) is an artefact like any other.
    """
    tracked = set(paths)
    by_name: dict[str, list[str]] = {}
    for path in paths:
        by_name.setdefault(path.rpartition("/")[2], []).append(path)
    kept: set[str] = set()
    pages = [path for path in paths if path.lower().endswith((".html", ".htm"))][:_MAX_PAGES]
    for page in pages:
        if repo.content_size(page) > _MAX_PAGE_BYTES:
            continue
        text = repo.read_text(page) or ""
        if _GENERATED_PAGE.search(text):
            continue
        folder = page.rpartition("/")[0]
        resolved = (resolve(folder, target) for target in _PAGE_REFERENCE.findall(text))
        loaded = {path for path in resolved if path in tracked}
        scripts = {path for path in loaded if path.lower().endswith(_WEB_SOURCES)}
        if not scripts:
            continue  # a page that loads no script or style of its own is output
        kept |= {page, *loaded}
        # The files a script names, like the JSON it fetches, are kept with it.
        for script in sorted(scripts)[:_MAX_PAGE_SCRIPTS]:
            source = repo.read_text(script) if repo.content_size(script) <= _MAX_PAGE_BYTES else None
            for name in set(_FILE_NAME.findall(source or "")):
                kept.update(by_name.get(name, ()))
    return [path for path in paths if path not in kept]


#: An ignore file larger than this is not read for its exceptions (real ones are a few KB).
MAX_IGNORE_BYTES = 256 * 1024
#: Characters that make an exception a pattern rather than one path.
_GLOB_CHARACTERS = frozenset("*?[\\")
#: How many exceptions of one ignore file are read (real files have a handful), and how many of
#: them, written with wildcards, are matched against every ignored path.
_MAX_EXCEPTIONS = 200
_MAX_GLOB_EXCEPTIONS = 16


def _shallow(repo: Repo) -> bool:
    """Whether the clone is shallow: its history cannot say when a file or a rule was added."""
    return repo.is_shallow is True


def _matching_rules(repo: Repo, paths: list[str]) -> dict[str, tuple[str, int, str]]:
    """The ignore rule (file, line, pattern) that ignores each of ``paths`` git ignores."""
    verbose = repo.git(
        *_REPOSITORY_RULES_ONLY,
        "check-ignore",
        "-v",
        "-z",
        "--no-index",
        "--stdin",
        stdin=_pathspec_input(paths),
        ok=(0, 1),
    )
    rules: dict[str, tuple[str, int, str]] = {}
    fields = nul_separated(verbose or b"")
    # -v -z output: source NUL line NUL pattern NUL path NUL, four fields per path. Only a
    # .gitignore of the repository is a rule of the repository (not .git/info/exclude).
    for index in range(0, len(fields) - 3, 4):
        source, number, pattern, listed_path = fields[index : index + 4]
        ours = source.rpartition("/")[2] == ".gitignore" and source in repo.path_set
        if ours and number.isdigit() and not pattern.startswith("!"):
            rules[listed_path.removeprefix("./")] = (source, int(number), pattern)
    return rules


def _ignoring_rules(repo: Repo, paths: list[str]) -> dict[str, tuple[str, int, str]]:
    """Like ``_matching_rules``, without the paths an exception of the same ignore file names.

    An exception for the file that cannot take effect (git never looks inside a folder it
    excludes whole; OSS409 says so) still says the file is meant to be kept.
    """
    rules: dict[str, tuple[str, int, str]] = {}
    for path, rule in _matching_rules(repo, paths).items():
        source = rule[0]
        folder = source.rpartition("/")[0]
        if not _exceptions_of(repo, source).names(path.removeprefix(f"{folder}/") if folder else path):
            rules[path] = rule
    return rules


def _exceptions_of(repo: Repo, source: str) -> _Exceptions:
    """The exceptions of one ignore file, parsed once per run."""
    return repo.memo(
        ("ignore-exceptions", source),
        lambda: _Exceptions([pattern for _, pattern in exception_lines(repo, source)]),
    )


def exception_lines(repo: Repo, source: str) -> list[tuple[int, str]]:
    """(line, pattern without its ``!``) of each exception in an ignore file, at most ``_MAX_EXCEPTIONS``.

    Only a line that starts with ``!`` is one: git reads ``  !x`` as a pattern for a file
    named so, and a backslash before it makes a pattern for a file named ``!x``.
    """
    text = repo.read_text(source) if repo.content_size(source) <= MAX_IGNORE_BYTES else None
    found = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        pattern = raw.rstrip()[1:]
        if raw.startswith("!") and pattern.strip("/"):
            found.append((number, pattern))
            if len(found) >= _MAX_EXCEPTIONS:
                break
    return found


class _Exceptions:
    """The files an ignore file's exceptions name, looked up in time linear in a path's depth.

    An exception with wildcards that ends in ``/`` takes back folders only (``!data/**/``, so
    that git looks inside them): it names no file. One that names a folder by its name
    (``!evals/data/gambling_XS/``, under "keep it as the reference dataset") says its files
    are kept, even where a later ``*.json`` ignores them again. Literal exceptions are looked
    up by the path's folders; the few written with wildcards are matched one by one.
    """

    def __init__(self, patterns: list[str]) -> None:
        folders_named = [
            pattern.rstrip("/")
            for pattern in patterns
            if pattern.endswith("/") and not _GLOB_CHARACTERS & set(pattern) and pattern.strip("/")
        ]
        files = [pattern for pattern in patterns if not pattern.endswith("/")] + folders_named
        literal = [pattern for pattern in files if not _GLOB_CHARACTERS & set(pattern)]
        self._names = {pattern for pattern in literal if "/" not in pattern}
        self._anchored = {pattern.strip("/") for pattern in literal if "/" in pattern}
        self._patterns = [pattern for pattern in files if _GLOB_CHARACTERS & set(pattern)][
            :_MAX_GLOB_EXCEPTIONS
        ]

    def names(self, path: str) -> bool:
        parts = path.split("/")
        if self._names.intersection(parts):
            return True
        if any("/".join(parts[:depth]) in self._anchored for depth in range(1, len(parts) + 1)):
            return True
        return any(glob_match(pattern, path) for pattern in self._patterns)


def committed_before_their_rule(repo: Repo, paths: list[str]) -> list[str]:
    """The tracked ``paths`` an ignore rule matches that were committed before the rule was written.

    Those were forgotten when the rule was added to stop tracking them; a file committed
    after its rule was forced in (``git add -f``) on purpose. A shallow clone, whose
    history cannot tell, gives none.
    """
    if not paths or not repo.is_git or _shallow(repo):
        return []
    rules = _ignoring_rules(repo, paths)
    if not rules:
        return []
    written = {source: _rule_times(repo, source) for source in {rule[0] for rule in rules.values()}}
    added = _first_added(repo, sorted(rules))
    return [
        path
        for path, (source, _, pattern) in sorted(rules.items())
        if _forgotten(added.get(path), written[source].get(pattern))
    ]


def _forgotten(first_committed: int | None, rule_written: int | None) -> bool:
    """Whether a file was committed before the ignore rule that matches it was written.

    A rule not in the history yet is newer than every committed file; a file the history
    never added (only staged, or beyond the dated ones) is not called forgotten.
    """
    return first_committed is not None and (rule_written is None or first_committed < rule_written)


def _meant(source: str, pattern: str, paths: list[str]) -> list[str]:
    """The ``paths`` a rule was written for.

    A rule that names one thing (``bird.jpg``, ``titanic*``, ``results``) matches it at any
    depth, but whoever wrote it meant the file a notebook or script makes beside the
    ignore file: a slide called ``slides/bird.jpg`` is matched by chance. Rules for kinds of
    files (``*.png``), for tools' own files (``.DS_Store``, ``__pycache__/``) and anchored
    rules (``/out``, ``data/raw``) mean what they match.
    """
    name = pattern.rstrip("/")
    if not name or "/" in name or name[0] in "*?[._" or name.casefold() in _GENERATED_ANYWHERE:
        return paths
    folder = source.rpartition("/")[0]
    prefix = f"{folder}/" if folder else ""
    return [path for path in paths if fnmatch.fnmatchcase(path.removeprefix(prefix).split("/", 1)[0], name)]


#: Names that tools make in every folder, so a rule naming them means all of them.
_GENERATED_ANYWHERE = frozenset({"node_modules", "thumbs.db", "desktop.ini"})


def _rule_times(repo: Repo, source: str) -> dict[str, int]:
    """When each line of an ignore file was written (again, if it was taken out), from one walk over that file's history
    (once per run: OSS404 and OSS406 both ask)."""
    return repo.memo(("ignore-rule-times", source), lambda: _read_rule_times(repo, source))


def _read_rule_times(repo: Repo, source: str) -> dict[str, int]:
    history = repo.git(
        "--literal-pathspecs",
        "log",
        "--format=%x01%ct",
        "-p",
        "--reverse",
        "--no-color",
        "--unified=0",
        "--",
        source,
    )
    times: dict[str, int] = {}
    present: set[str] = set()  # the lines the file has after the commits read so far
    for chunk in (history or b"").split(b"\x01")[1:]:
        stamp, _, patch = chunk.partition(b"\n")
        if not stamp.strip().isdigit():
            continue
        rows = patch.splitlines()
        removed = {
            row[1:].decode("utf-8", "surrogateescape").strip()
            for row in rows
            if row.startswith(b"-") and not row.startswith(b"---")
        }
        added = {
            row[1:].decode("utf-8", "surrogateescape").strip()
            for row in rows
            if row.startswith(b"+") and not row.startswith(b"+++")
        }
        present -= removed - added
        # A line a commit removes and adds back (line endings changed to CRLF, indentation
        # redone) was there all along, and so was one a second branch adds again: each keeps
        # the time it was first written. Only a line that was taken out starts again.
        for line in added - present:
            times[line] = int(stamp.strip())
        present |= added
    return times


#: More folders than this are asked for by their top folders: git's walk slows with every pathspec.
_MAX_PATHSPECS = 64


def _first_added(repo: Repo, paths: list[str]) -> dict[str, int]:
    """When each of ``paths`` was first committed, from one walk over the history of their folders."""
    wanted = set(paths)
    folders = sorted({path.rpartition("/")[0] for path in wanted})
    if len(folders) > _MAX_PATHSPECS:
        folders = sorted({folder.split("/", 1)[0] for folder in folders})
    # A file at the top is asked for by name: the whole repository's history would be read for ''.
    specs = sorted({folder for folder in folders if folder} | {path for path in wanted if "/" not in path})
    if len(specs) > _MAX_PATHSPECS:
        # Files beyond these are not dated, so nothing is said about them: saying less is the
        # safe side of a history that would take too long to read.
        specs = sorted(wanted)[:_MAX_PATHSPECS]
    history = repo.git(
        "--literal-pathspecs",
        "log",
        "--diff-filter=A",
        "--format=%x01%ct",
        "--name-only",
        "-z",
        "--",
        *specs,
    )
    added: dict[str, int] = {}
    for chunk in (history or b"").split(b"\x01")[1:]:
        stamp, _, names = chunk.partition(b"\0")
        if not stamp.strip().isdigit():
            continue
        for name in names.lstrip(b"\n").split(b"\0"):
            path = name.decode("utf-8", "surrogateescape")
            if path in wanted:
                added[path] = int(stamp.strip())  # the log runs newest first: the last one seen is the first
    return added


# -- OSS407: credentials in committed files --------------------------------------------

#: Files that hold code, settings or documentation, where credentials get pasted.
_CREDENTIAL_SUFFIXES = (
    ".py", ".r", ".rmd", ".qmd", ".jl", ".sh", ".bash", ".zsh", ".ps1", ".bat", ".cmd", ".yaml",
    ".yml", ".json", ".toml", ".ini", ".cfg", ".conf", ".properties", ".tf", ".tfvars", ".md",
    ".rst", ".txt", ".js", ".ts", ".sql", ".xml", ".pem", ".key", ".envrc", ".netrc", ".npmrc",
    ".pypirc", ".ipynb",
)  # fmt: skip
_CREDENTIAL_NAMES = frozenset(
    {"dockerfile", "makefile", "credentials", ".envrc", ".netrc", ".npmrc", ".pypirc", "procfile"}
)
#: Larger files are data or generated; OSS403 has a word for them.
_LARGEST_CREDENTIAL_FILE = 1024 * 1024


class OSS407(Rule):
    """A committed file holds a password, token or key.

    ## What it does
    Searches committed code, configuration and documentation (Python and R code,
    shell scripts, YAML, JSON, TOML, INI files, Dockerfiles, Markdown, and the
    cells of notebooks) for credentials that are easy to recognise with certainty:
    AWS access key ids, GitHub, GitLab and Slack tokens, Google and OpenAI API
    keys, private keys, keys given in a web address's query (`?apiKey=...`, as recorded
    responses keep them), and upper-case settings named like a secret
    (`WANDB_API_KEY`, `DB_PASSWORD`, `SECRET_KEY` ...) whose value looks generated.
    In Python code and notebook code cells it also finds a quoted value given to a
    name that ends like a secret's, in any case (`client_secret = "..."`,
    `api_key="..."`, `"apiKey": "..."`), when the value looks generated: letters
    and digits, many different characters, no words, no file name or URL; and one
    given to a name that is just `key` (a map tile provider's `key="..."`) when it
    mixes upper and lower case with digits (a hash or an id is hex). Values
    that say they are examples or placeholders (`AKIAIOSFODNN7EXAMPLE`,
    `your-api-key`, `<token>`, `SECRET_KEY_HERE`) are fine. `.env` files are OSS405's, notebook outputs OSS307's.
    The report names the line and the kind of credential, never the secret.

    ## Why is this bad?
    Anyone who can read the repository, now or in any future copy of its history,
    can use the credential: bots scan public repositories for keys within minutes.
    Removing it in a later commit does not remove it from git history, so the
    credential has to be revoked.

    ## Example
    ```yaml
    env:
      - name: WANDB_API_KEY
        value: "4f1d...c0de"
    ```

    ## How to fix
    Revoke or rotate the credential first: it must be treated as leaked. Then read
    it from the environment instead (`os.environ["WANDB_API_KEY"]`, a CI secret,
    a `.env` file that git ignores, or your platform's secret manager) and remove
    it from the file. If the commit was already pushed, ask the repository owners
    to purge it from history. A value that is not a secret (a public test key)
    can be kept with `# oss-checks: ignore[OSS407] <reason>` on its line.
    """

    name = "committed-credentials"
    reported_when_dormant = True
    stakeholders = (Stakeholder.LEGAL,)
    scope = Scope.FILE
    added = "0.2.0"

    def applies_to(self, file: SourceFile) -> bool:
        name = file.name.lower()
        return (name.endswith(_CREDENTIAL_SUFFIXES) or name in _CREDENTIAL_NAMES) and not (
            name == ".env" or name.startswith(".env.")
        )

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if file.size > _LARGEST_CREDENTIAL_FILE and file.suffix != NOTEBOOK_SUFFIX:
            return
        if repo.is_symlink(file.path):
            return  # git stores only the link's target name; the target is checked where it lives
        if file.suffix == NOTEBOOK_SUFFIX:
            notebook = valid_notebook(repo, file)
            if notebook is None:
                return
            for cell in notebook.cells:
                yield from self._findings(file.path, cell.source, cell.index, code=cell.cell_type == "code")
            return
        text = file.text
        if text is not None:
            yield from self._findings(file.path, text, None, code=file.suffix == ".py")

    def _findings(self, path: str, text: str, cell: int | None, *, code: bool) -> Iterator[Finding]:
        position = TextPositions(text)
        # One finding per line; a key of a known format says more than the setting that holds it.
        first: dict[int, tuple[int, str, str]] = {}
        found = find_file_secrets(text)
        for offset, kind, masked in chain(found, find_code_secrets(text)) if code else found:
            line = position(offset)[0]
            if line not in first or (first[line][1] in ("secret setting", "secret") and kind != "secret"):
                first[line] = (offset, kind, masked)
        for line, (offset, kind, masked) in sorted(first.items()):
            col = position(offset)[1]
            where = f"cell {cell} " if cell is not None else ""
            article = "an" if kind[:1].lower() in "aeiou" else "a"
            yield self.finding(
                path,
                f"{where}line {line} holds {article} {kind} ({masked}): revoke it, then read it from the "
                "environment (a CI secret, or .env kept out of git) instead of the file",
                line=line,
                col=col,
                cell=cell,
            )


class OSS408(Rule):
    """A virtual environment is committed.

    ## What it does
    Reports a Python virtual environment (a folder with `pyvenv.cfg`, as `python -m
    venv`, virtualenv and uv make) or a conda environment (a folder with
    `conda-meta/history`) that git tracks, once per environment, at its marker
    file. It also reports a folder that packages were installed into outside an
    environment (`pip install --target libs`: a `name-1.0.dist-info/` beside each
    package), once per folder, unless the folder is meant to hold copies of other code
    (`vendor/`, `third_party/`) or is test data.

    ## Why is this bad?
    An environment belongs to one computer: its scripts and `pyvenv.cfg` name that
    computer's interpreter and home folder (`/Users/alice/...`), so it runs nowhere
    else, and it brings thousands of installed files into every clone and into the
    history for good. Colleagues cannot tell which dependencies the project needs
    from it, and security fixes never reach it.

    ## Example
    `analysis/bin/activate`, `analysis/lib/python3.12/site-packages/...` and
    `analysis/pyvenv.cfg` committed beside the project's code.

    ## How to fix
    Stop tracking it and keep it out: `git rm -r --cached analysis/bin
    analysis/lib analysis/pyvenv.cfg` (the files stay on disk), add the folders to
    `.gitignore` (or create environments as `.venv/`, which the template ignores),
    and write the dependencies down in `pyproject.toml` or `requirements.txt` so
    anyone can make the environment again.
    """

    name = "committed-environment"
    spares_dormant_files = True
    stakeholders = (Stakeholder.DATA_SCIENCE, Stakeholder.LEGAL)
    scope = Scope.FILE
    added = "0.2.0"

    def applies_to(self, file: SourceFile) -> bool:
        return (
            file.name == "pyvenv.cfg"
            or file.path == _CONDA_HISTORY
            or file.path.endswith("/" + _CONDA_HISTORY)
            or (file.name in ("METADATA", "RECORD") and file.path.rpartition("/")[0].endswith(".dist-info"))
        )

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if file.name in ("METADATA", "RECORD"):
            yield from self._installed_packages(repo, file)
            return
        if not_the_projects_own(repo, file.path):
            return  # a test fixture or vendored copy
        marker = "pyvenv.cfg" if file.name == "pyvenv.cfg" else _CONDA_HISTORY
        folder = file.path.removesuffix(marker).rstrip("/")
        shown = f"{folder}/" if folder else "the top of the repository"
        yield self.finding(
            file.path,
            f"a virtual environment is committed ({shown}): stop tracking it with `git rm -r --cached`, "
            "ignore it in .gitignore and list the dependencies in pyproject.toml or requirements.txt",
        )

    def _installed_packages(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        """The folder ``pip install --target`` filled, once, at its first package's record."""
        target = file.path.rpartition("/")[0].rpartition("/")[0]
        records = installed_packages(repo).get(target, ())
        if not records or records[0] != file.path:
            return
        # Its folder is a vendored root itself, so only what lies above it says whether it is
        # meant: a vendor/ folder, test data, retired code, or an environment reported already.
        above = f"{target}/" if target else ""
        inside = f"{above}{file.name}"  # a file in the target folder, for the folder tests
        if in_tests(inside) or is_retired(inside) or VENDORED_FOLDERS & set(layout_folders(inside)):
            return
        if any(
            repo.exists(f"{folder}pyvenv.cfg") or repo.exists(f"{folder}{_CONDA_HISTORY}")
            for folder in ("", *(f"{parent}/" for parent in _parent_folders(inside)))
        ):
            return
        packages = len({record.rpartition("/")[0] for record in records})
        shown = f"{target}/" if target else "the top of the repository"
        plural = "s" if packages != 1 else ""
        yield self.finding(
            file.path,
            f"installed packages are committed ({shown}: {packages} package{plural} pip installed "
            "there): stop tracking them with `git rm -r --cached`, ignore the folder in .gitignore "
            "and list the dependencies in requirements.txt or pyproject.toml",
        )


_CONDA_HISTORY = "conda-meta/history"


# -- OSS410: what an operating system, an editor or a tool left behind --------------------------

#: Files by name that a system or tool writes beside the work, and what each is.
_CLUTTER_NAMES = {
    ".DS_Store": "macOS Finder's folder settings",
    "Thumbs.db": "Windows Explorer's thumbnail cache",
    "ehthumbs.db": "Windows Explorer's thumbnail cache",
    "desktop.ini": "Windows Explorer's folder settings",
    ".Rhistory": "R's command history, which holds whatever was typed",
    ".RData": "an R workspace image, which holds the session's objects and their data",
    "testthat-problems.rds": "the record a failed testthat run saved, with the paths it ran in",
    ".coverage": "coverage.py's record of one run",
}
#: Folders whose files a tool writes for itself, and what they hold.
_CLUTTER_FOLDERS = {
    "__pycache__": "Python's compiled byte code",
    ".pytest_cache": "pytest's cache",
    ".mypy_cache": "mypy's cache",
    ".ruff_cache": "ruff's cache",
    ".Rproj.user": "RStudio's state of one user's session",
}
#: Office writes ``~$report.docx`` while a document is open; an editor's swap file is ``.x.swp``.
_LOCK_FILE = lazy(r"~\$[^/]*\.(?:docx?|xlsx?|xlsm|pptx?)$|(?:^|/)\.[^/]+\.sw[op]$")


class _Clutter(NamedTuple):
    what: str  # what the file is, as the message says it
    ignore: str  # the .gitignore line that keeps it out


def _clutter(path: str) -> _Clutter | None:
    """What ``path`` is when a system or tool left it behind; None for the project's own files."""
    name = path.rpartition("/")[2]
    if name in _CLUTTER_NAMES:
        return _Clutter(_CLUTTER_NAMES[name], name)
    for folder in path.split("/")[:-1]:
        if folder in _CLUTTER_FOLDERS:
            return _Clutter(_CLUTTER_FOLDERS[folder], f"{folder}/")
    if name.endswith(".pyc"):
        return _Clutter(_CLUTTER_FOLDERS["__pycache__"], "*.pyc")
    if ("~$" in name or name.endswith((".swp", ".swo"))) and _LOCK_FILE.search(path):
        return _Clutter("an editor's lock or swap file of a document being edited", name)
    return None


class OSS410(Rule):
    """A file an operating system, an editor or a tool left behind is committed.

    ## What it does
    Reports committed files that nobody writes on purpose: macOS Finder's
    `.DS_Store`, Windows Explorer's `Thumbs.db` and `desktop.ini`, R's `.Rhistory`
    and `.RData` workspace image, the `testthat-problems.rds` a failed test run saves,
    Python's byte code (`__pycache__/`, `*.pyc`), the caches of pytest, mypy and ruff,
    RStudio's `.Rproj.user/`, coverage.py's `.coverage`, Office's `~$report.docx` lock
    files and an editor's `.notes.txt.swp`. A file `.gitignore` already ignores is left
    to OSS406, and test fixtures (`fixtures/`, `testdata/`) and vendored copies are kept
    on purpose.
    Notebooks Jupyter saved in `.ipynb_checkpoints/` are OSS304's.

    ## Why is this bad?
    They belong to one computer and one session: they change on every run and make
    noise in every diff, and some hold more than their names say. `.Rhistory` keeps
    every command typed, passwords and connection strings included; `.RData` keeps the
    session's data frames; `testthat-problems.rds` and `.DS_Store` record the paths and
    file names of the computer they were made on.

    ## Example
    `notebooks/.DS_Store` and `analysis/.Rhistory` committed with the first `git add .`.

    ## How to fix
    Stop tracking them, keeping them on disk, and ignore them from now on:
    `git rm --cached notebooks/.DS_Store analysis/.Rhistory`, then add `.DS_Store` and
    `.Rhistory` to `.gitignore` (the template's `.gitignore` has them).
    """

    name = "committed-clutter"
    spares_dormant_files = True
    stakeholders = (Stakeholder.DATA_SCIENCE, Stakeholder.LEGAL)
    scope = Scope.FILE
    added = "0.2.0"

    def applies_to(self, file: SourceFile) -> bool:
        return _clutter(file.path) is not None

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        clutter = _clutter(file.path)
        if clutter is None or not file.tracked:
            return
        # A fixture of a tool that reads such files, or a vendored copy, is kept on purpose; a
        # tests folder is not exempt: testthat writes its testthat-problems.rds right there.
        if FIXTURE_FOLDERS & set(layout_folders(file.path)) or is_vendored(repo, file.path):
            return
        if file.path in _ignored_clutter(repo):
            return  # tracked although ignored: OSS406 says so, with the rule that ignores it
        yield self.finding(
            file.path,
            f"{file.path} is {clutter.what}, committed by accident: `git rm --cached` it (it stays on disk) "
            f"and add {clutter.ignore} to .gitignore",
        )


def _ignored_clutter(repo: Repo) -> frozenset[str]:
    """The committed clutter that .gitignore already ignores, asked of git once per repository."""

    def find() -> frozenset[str]:
        paths = [path for path in repo.paths if _clutter(path) is not None]
        return frozenset(_ignored(repo, paths) or ()) if paths else frozenset()

    return repo.memo("ignored-clutter", find)


# -- OSS409: an ignore exception that never applies -------------------------------------------


class OSS409(Rule):
    """A .gitignore exception never applies.

    ## What it does
    Asks git, for each exception (`!path`) in a `.gitignore` that names one path, whether
    that path is still ignored, and reports the exception at its line when it is: either
    an earlier line ignores a folder the path is in (git never looks inside an ignored
    folder, so nothing below it can be taken back), or a later line ignores the path
    again. An exception whose only wildcard is `*` (`!/data/*.csv`) is asked about a file
    it would take back (`data/example.csv`); other patterns are not probed, and neither is one
    for a single file git already tracks (it stays tracked whatever the rules say) or
    one for a folder the project does not have (a `.gitignore` generator's lines for
    Flask's `instance/`).

    ## Why is this bad?
    The line says which files must be shared (the one region's processed data, an
    example dataset, a config template), but git goes on ignoring them: a colleague's new
    files there are silently left out of every commit, and a fresh clone lacks them.

    ## Example
    ```text
    data
    !data/processed/newcastle
    ```
    `data` ignores the folder itself, so the exception on the next line does nothing.

    ## How to fix
    Ignore the folder's contents instead of the folder, let git look into its subfolders,
    then name what to keep, below those lines. A pattern without a slash (`data`)
    ignores such folders at any depth, so its replacement starts with `**/` to keep
    doing so:

    ```text
    **/data/**
    !**/data/**/
    !data/processed/newcastle/**
    ```

    For an exception that a later line overrides, move the exception below that line.
    """

    name = "ignore-exception-unreachable"
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    # The files are kept out by mistake, not let in: worth fixing, not worth a failed commit.
    severity = Severity.WARNING
    added = "0.2.0"

    def check(self, repo: Repo) -> Iterator[Finding]:
        if not repo.is_git:
            return
        # Every exception of every .gitignore, asked of git in one call.
        probes: dict[str, tuple[str, int, str]] = {}  # probed path -> (ignore file, line, "!pattern")
        for source in sorted(path for path in repo.paths if path.rpartition("/")[2] == ".gitignore"):
            if not_the_projects_own(repo, source):
                continue
            folder = source.rpartition("/")[0]
            for number, pattern in exception_lines(repo, source):
                target = pattern.strip().strip("/")
                if _GLOB_CHARACTERS & set(target) == {"*"} and "**" not in target:
                    # "!/data/*.csv" is asked about a file it would take back: data/example.csv.
                    target = target.replace("*", "example")
                probed = f"{folder}/{target}" if folder else target
                if _GLOB_CHARACTERS & set(target) or not _probe_is_safe(repo, probed):
                    continue
                probes.setdefault(probed, (source, number, "!" + pattern.strip()))
        if not probes:
            return
        ignored = _matching_rules(repo, list(probes))
        ignored = {path: rule for path, rule in ignored.items() if _worth_a_word(repo, path)}
        # Which of them git ignores through a folder above them, and by which rule.
        parents = {path: _parent_folders(path) for path in ignored}
        ignoring_folders = _matching_rules(
            repo, sorted({f"{p}/" for folders in parents.values() for p in folders})
        )
        for path, (rule_source, rule_line, pattern) in sorted(ignored.items()):
            source, number, exception = probes[path]
            # git reads a folder's own .gitignore only inside it: that file never hides the folder.
            through_folder = any(
                f"{folder}/" in ignoring_folders
                and not ignoring_folders[f"{folder}/"][0].startswith(f"{folder}/")
                for folder in parents[path]
            )
            if not through_folder and _deeper(rule_source, source):
                reason, fix = _deeper_reason(path, rule_source, rule_line, pattern)
            else:
                reason = _unreachable_reason(source, rule_source, rule_line, pattern, through_folder)
                fix = _unreachable_fix(repo, path, exception, pattern, through_folder)
            yield self.finding(
                source, f"the exception '{exception}' never applies: {reason}{fix}", line=number
            )


def _probe_is_safe(repo: Repo, path: str) -> bool:
    """Whether git can be asked about ``path``: inside the repository, and not past a symbolic link
    (git refuses the whole batch for one such path)."""
    parts = path.split("/")
    if ".." in parts or "" in parts:
        return False
    return not any(repo.is_symlink(folder) for folder in _parent_folders(path))


def _worth_a_word(repo: Repo, path: str) -> bool:
    """An exception matters where it could keep something: not for a file git tracks anyway
    (it stays tracked whatever the rules say), nor in a folder the project does not have
    (a .gitignore generator's lines for Flask's ``instance/``)."""
    if _tracked(repo, path):
        return False
    parent, _, name = path.rpartition("/")
    if name.lower() in KEEP_FILE_NAMES and not repo.exists(path) and _keeps_files(repo, parent):
        return False  # the folder is in git already (its own .gitignore, a README): nothing to keep it
    return repo.exists(path) or repo.dir_exists(path) or not parent or repo.dir_exists(parent)


def _keeps_files(repo: Repo, folder: str) -> bool:
    """Whether git tracks some file in ``folder``."""
    prefix = f"{folder}/" if folder else ""
    return any(path.startswith(prefix) for path in repo.paths)


def _parent_folders(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:depth]) for depth in range(1, len(parts))]


def _deeper(rule_source: str, source: str) -> bool:
    """Whether the ignore file ``rule_source`` lies in a folder below that of ``source``."""
    folder = source.rpartition("/")[0]
    return rule_source != source and rule_source.startswith(f"{folder}/" if folder else "")


def _deeper_reason(path: str, rule_source: str, rule_line: int, pattern: str) -> tuple[str, str]:
    """Why an exception loses to a .gitignore further down, and the exception to write there."""
    relative = path.removeprefix(rule_source.rpartition("/")[0] + "/")
    return (
        f"{rule_source}:{rule_line} ('{pattern}') ignores it, and the .gitignore nearest a file wins; ",
        f"add '!{relative}' to {rule_source} below line {rule_line}",
    )


def _unreachable_reason(
    source: str, rule_source: str, rule_line: int, pattern: str, through_folder: bool
) -> str:
    where = f"line {rule_line}" if rule_source == source else f"{rule_source}:{rule_line}"
    if through_folder:
        return f"{where} ('{pattern}') ignores a folder it is in, and git never looks inside one; "
    return f"{where} ('{pattern}') ignores it again after the exception; "


def _unreachable_fix(repo: Repo, path: str, exception: str, pattern: str, through_folder: bool) -> str:
    if not through_folder:
        return "move the exception below that line"
    folder = pattern.rstrip("/")
    # A pattern without a slash ignores the folder at any depth: so must its replacement.
    if "/" not in folder:
        folder = f"**/{folder}"
    keep = (
        f"'{exception.rstrip('/')}/**'"
        if exception.endswith("/") or repo.dir_exists(path)
        else f"'{exception}'"
    )
    return (
        f"ignore the folder's contents instead ('{folder}/**' then '!{folder}/**/'), "
        f"and put {keep} below those lines"
    )
