"""Data files and hard-coded paths (OSS4xx)."""

from __future__ import annotations

import contextlib
import re
import tokenize
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, ClassVar

from oss_checks.formats import Notebook, NotebookCell
from oss_checks.git import nul_separated
from oss_checks.globs import glob_match
from oss_checks.registry import Finding, Kind, Option, Rule, Scope, Stakeholder
from oss_checks.text.notebooks import NOTEBOOK_SUFFIX, in_folders, output_block, valid_notebook

if TYPE_CHECKING:
    from oss_checks.context import Repo, SourceFile

# -- OSS401: finding machine-specific paths ---------------------------------------------

#: What may stand right before a path: the start, a quote, a separator or an operator,
#: so ``https://host/home/x`` (a URL) and ``f"{root}/home"`` (built from a variable) do not count.
_LEFT = r"(?:(?<![^\s'\"`=(\[{,;:<>|])|(?<=file://))"
_NAME = r"[^/\\\s'\"`)\]},;:]+"
_PATH = re.compile(
    _LEFT
    + r"(?:"
    + rf"(?P<home>/(?:Users|home)/{_NAME})"
    + rf"|(?P<mount>/(?:mnt|media|Volumes)/{_NAME})"
    # ``C:/x`` or ``C:\\x`` (escaped in Python source) always; ``C:\x`` only when it goes on to
    # a second folder or a file extension, because ``"a:\tb"`` is a tab, not a path.
    + r"|(?P<drive>[A-Za-z]:(?:/|\\\\)(?![/\\])"
    + r"|[A-Za-z]:\\(?=[^\\\s'\"`]*(?:\\|\.[A-Za-z0-9]{1,5}(?![A-Za-z0-9]))))"
    + r"|(?P<tilde>[~]/(?=[^\s'\"`]))"
    + r")[^\s'\"`<>|]*"
)
#: Fixed text every kind of path above contains; cheap to test before any regular expression.
_PATH_MARKERS = ("/Users/", "/home/", "/mnt/", "/media/", "/Volumes/", ":/", ":\\")
_WINDOWS_HOME = re.compile(r"(?i)[a-z]:(?:/|\\\\|\\)users(?:/|\\)")
_PLACES = {
    "home": "someone's home folder",
    "mount": "a drive mounted on one computer",
    "drive": "a Windows drive of one computer",
    "tilde": "the home folder of whoever runs it",
}
#: Notebook lines that are shell commands or magics, not Python: ``!ls``, ``%cd``, ``x = !pwd``.
_SHELL_LINE = re.compile(r"^\s*(?:[A-Za-z_][\w.]*\s*=\s*)?[!%]")
_CELL_MAGIC = re.compile(r"^\s*%%(\w+)")
#: Cell magics whose body is still Python.
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "python", "python3", "debug"})
_STRING_TOKENS = frozenset(
    {tokenize.STRING}
    | {getattr(tokenize, name) for name in ("FSTRING_MIDDLE", "TSTRING_MIDDLE") if hasattr(tokenize, name)}
)
_NEUTRAL_TOKENS = frozenset(
    {tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
    | {
        getattr(tokenize, name)
        for name in ("FSTRING_START", "FSTRING_END", "TSTRING_START", "TSTRING_END")
        if hasattr(tokenize, name)
    }
)
_SHOWN_CHARS = 60


@dataclass(frozen=True)
class PathHit:
    line: int  # 1-based within the scanned text
    col: int  # 1-based
    path: str
    place: str

    @property
    def shown(self) -> str:
        return self.path if len(self.path) <= _SHOWN_CHARS else self.path[: _SHOWN_CHARS - 1] + "…"


_ANY_MARKER = re.compile("|".join(re.escape(marker) for marker in _PATH_MARKERS))


def may_hold_path(text: str, *, tilde: bool = True) -> bool:
    # One regex scan in C instead of seven substring scans: this runs on every file's text.
    return _ANY_MARKER.search(text) is not None or (tilde and "~/" in text)


def _hits_in(text: str, line: int, col: int, context: str = "", *, tilde: bool = True) -> Iterator[PathHit]:
    """Paths in ``text``, which starts at (``line``, ``col`` 0-based) and may span lines.

    ``context`` is the character just before ``text`` in the source, so the left-boundary
    test sees the real neighbour.
    """
    skip = len(context)
    newlines = 0
    counted_to = 0
    for match in _PATH.finditer(context + text, skip):
        kind = match.lastgroup or "home"
        if kind == "tilde" and not tilde:
            continue
        path = match.group(0)
        if kind == "drive":
            if _WINDOWS_HOME.match(path):
                kind = "home"
        else:
            # A backslash ends a POSIX path: in source it starts an escape such as ``\n``.
            path = path.split("\\", 1)[0]
        offset = match.start() - skip
        newlines += text.count("\n", counted_to, offset)  # matches come in order: count each stretch once
        counted_to = offset
        at_col = offset - text.rfind("\n", 0, offset) if newlines else col + offset + 1
        yield PathHit(line + newlines, at_col, path, _PLACES[kind])


def _text_hits(lines: list[str], start: tuple[int, int] = (1, 0), *, tilde: bool = True) -> Iterator[PathHit]:
    """Paths in plain text lines from ``start`` on (used for shell lines and broken code)."""
    first_row, first_col = start
    for number in range(first_row, len(lines) + 1):
        line = lines[number - 1]
        begin = first_col if number == first_row else 0
        if line[begin:].lstrip().startswith("#"):
            continue
        yield from _hits_in(
            line[begin:], number, begin, line[begin - 1 : begin] if begin else "", tilde=tilde
        )


def python_path_hits(lines: list[str]) -> list[PathHit]:
    """Paths in the string literals of Python source, one pass with ``tokenize``.

    Comments are skipped, and so are strings that form a statement on their own
    (docstrings): they document, they do not run. Code that does not tokenize is
    scanned as text from where tokenizing stopped.
    """
    if not may_hold_path("".join(lines)):
        # Most files have no such path anywhere; tokenizing (slow, pure Python) would only confirm it.
        return []
    hits: list[PathHit] = []
    pending: list[tuple[tokenize.TokenInfo, str]] = []
    only_strings = True
    context = ""
    last_end = (1, 0)

    def flush(documentation: bool) -> None:
        if not documentation:
            for token, before in pending:
                row, col = token.start
                hits.extend(_hits_in(token.string, row, col, before))
        pending.clear()

    remaining = iter(lines)
    try:
        for token in tokenize.generate_tokens(lambda: next(remaining, "")):
            if token.type in _STRING_TOKENS:
                pending.append((token, context))
            elif token.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
                flush(documentation=only_strings)
                only_strings = True
            elif token.type not in _NEUTRAL_TOKENS:
                only_strings = False
                if token.type == tokenize.ERRORTOKEN and token.string in ("'", '"'):
                    # An unclosed quote: the rest of the line is the string's text.
                    row, col = token.start
                    hits.extend(_text_hits(lines[:row], (row, col)))
            context = token.string[-1:]
            last_end = token.end
    except (tokenize.TokenError, SyntaxError):
        flush(documentation=False)
        hits.extend(_text_hits(lines, last_end))
    return hits


def notebook_cell_path_hits(source: str) -> list[PathHit]:
    """Paths in a code cell: Python strings, plus shell lines and non-Python cell magics as text."""
    lines = source.splitlines(keepends=True)
    if not lines or not may_hold_path(source):
        return []
    magic = _CELL_MAGIC.match(lines[0])
    if magic and magic.group(1) not in _PYTHON_CELL_MAGICS:
        return list(_text_hits(lines, (2, 0)))
    hits: list[PathHit] = []
    python_lines = list(lines)
    for number, line in enumerate(lines, start=1):
        if (number == 1 and magic) or _SHELL_LINE.match(line):
            hits.extend(_text_hits(lines[:number], (number, 0)))
            python_lines[number - 1] = "\n" if line.endswith(("\n", "\r")) else ""
    hits.extend(python_path_hits(python_lines))
    return sorted(hits, key=lambda hit: (hit.line, hit.col))


class OSS401(Rule):
    """Code or output uses a path that only exists on one computer.

    ## What it does
    Looks in the string literals of Python files and notebook code cells (and in
    shell lines such as `!cp ...`), and in the text of notebook outputs, for
    absolute paths into someone's computer: home folders (`/home/ana/`,
    `/Users/ana/`, `C:\\Users\\ana\\`, `~/`), drive letters (`D:/projects/`) and
    mounted drives (`/mnt/share/`, `/media/usb/`, `/Volumes/Data/`). Comments and
    docstrings are not checked. System folders (`/usr`, `/etc`, `/tmp`), URLs and
    relative paths are fine.

    ## Why is this bad?
    The code only runs on the computer of the person who wrote it: everyone else,
    and the CI server, gets "file not found". Paths in outputs (often in error
    messages) also tell every reader the author's user name and folder layout.
    `~/` points at whoever runs the code, so the data is only found where one
    person happened to put it.

    ## Example
    ```python
    df = pd.read_csv("/Users/ana/Downloads/sales_2024.csv")
    model.save("C:\\\\Users\\\\ana\\\\models\\\\churn.pkl")
    ```

    ## How to fix
    Build paths from the project folder: the analysis template's
    `<package>.paths` module (for example `from mypackage import paths`, then
    `paths.raw_data_dir() / "sales_2024.csv"`) or `pathlib.Path` relative to the
    repository. For data that lives elsewhere, such as a shared drive, set the
    location in `.env` (the template's `paths` reads `PROJECT_DATA_DIR`) instead
    of in the code. Clear outputs that show paths. If a path really is meant (a
    documented server location), end the line with
    `# oss-checks: ignore[OSS401] <reason>`.
    """

    name = "hardcoded-path"
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    scope = Scope.FILE

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        self._hints: dict[str, str] = {}

    def applies_to(self, file: SourceFile) -> bool:
        return file.suffix in (".py", NOTEBOOK_SUFFIX)

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if file.suffix == NOTEBOOK_SUFFIX:
            notebook = valid_notebook(repo, file)
            if notebook is not None:
                yield from self._check_notebook(repo, file, notebook)
            return
        text = file.text
        if text is None:
            return
        for hit in python_path_hits(text.splitlines(keepends=True)):
            yield self._source_finding(repo, file.path, hit)

    def _check_notebook(self, repo: Repo, file: SourceFile, notebook: Notebook) -> Iterator[Finding]:
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            for hit in notebook_cell_path_hits(cell.source):
                yield self._source_finding(repo, file.path, hit, cell.index)
            finding = self._output_finding(repo, file.path, cell)
            if finding is not None:
                yield finding

    def _source_finding(self, repo: Repo, path: str, hit: PathHit, cell: int | None = None) -> Finding:
        return self.finding(
            path,
            f"hard-coded path '{hit.shown}' points into {hit.place}: use a path relative to the "
            f"project ({self._hint(repo)}) or an environment variable from .env",
            line=hit.line,
            col=hit.col,
            cell=cell,
        )

    def _output_finding(self, repo: Repo, path: str, cell: NotebookCell) -> Finding | None:
        """One finding per cell for its outputs: a traceback repeats the same folder many times."""
        if not cell.outputs:
            return None
        block = output_block(cell)
        hits = list(_hits_in(block, 1, 0, tilde=False)) if may_hold_path(block, tilde=False) else []
        if not hits:
            return None
        first = hits[0]
        more = f", and {len(hits) - 1} more" if len(hits) > 1 else ""
        return self.finding(
            path,
            f"output of cell {cell.index} shows the hard-coded path '{first.shown}' in output line "
            f"{first.line}{more}: clear the output and use paths relative to the project ({self._hint(repo)})",
            line=first.line,
            col=first.col,
            cell=cell.index,
        )

    def _hint(self, repo: Repo) -> str:
        key = str(repo.root)
        if key not in self._hints:
            helpers = [
                f"{PurePosixPath(folder).name}.paths"
                for folder in repo.package_dirs
                if repo.exists(f"{folder}/paths.py")
            ]
            self._hints[key] = helpers[0] if helpers else "pathlib.Path from the project folder"
        return self._hints[key]


# -- data files -------------------------------------------------------------------------

DATA_EXTENSIONS = (
    "csv", "tsv", "parquet", "feather", "arrow", "pickle", "pkl", "h5", "hdf5", "npy", "npz",
    "xlsx", "xls", "zip", "gz", "tar", "7z", "jsonl", "sqlite", "sqlite3", "db", "dta", "sav",
    "rds", "orc", "avro",
)  # fmt: skip
DATA_FOLDERS = ("data", "tests/data", "tests/fixtures", "docs")


def _suffixes(extensions: Iterable[str]) -> tuple[str, ...]:
    return tuple("." + ext.strip().lower().lstrip(".") for ext in extensions if ext.strip().strip("."))


def _human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.0f} KB"


class OSS402(Rule):
    """Data file is outside the data folders.

    ## What it does
    Reports data files (CSV, Parquet, Excel, pickles, NumPy arrays, archives,
    databases, SPSS/Stata/R files, ...) that git sees outside the folders meant
    for data: `data/`, `tests/data/`, `tests/fixtures/` and `docs/` by default.

    ## Why is this bad?
    Data next to code is easily committed by accident and then stays in git
    history for good, even when it contains personal or confidential records.
    Everyone also has to guess which copy of a file is the real input. With all
    data under `data/` (which git ignores) and small test files under `tests/`,
    it is clear what is shared and what stays on your computer.

    ## Example
    `customers.csv` at the top of the repository, `notebooks/model.pkl`, or
    `src/mypackage/export.xlsx`.

    ## How to fix
    Move real data into `data/raw/`, `data/interim/` or `data/processed/`:
    `git mv customers.csv data/raw/customers.csv` (then `git rm --cached` it if
    it should not be in git at all). Save models and intermediate results under
    `data/` too. Keep small, made-up test files under `tests/data/`. Other
    folders and file types can be configured with `allowed-folders` and
    `extensions` under `[tool.oss-checks.options.data-file-location]`.
    """

    name = "data-file-location"
    kind = Kind.CONVENTION
    elsewhere = "data files at the top of the repository or beside the code of a package, outside tests, fixtures, docs, examples, package data and vendored code."
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
        if in_folders(file.path, folders) or repo.is_symlink(file.path):
            return
        shown = ", ".join(f"{folder.strip('/')}/" for folder in folders) or "none configured"
        yield self.finding(
            file.path,
            f"data file outside the data folders ({shown}): move it to data/ "
            "(kept out of git) or, for a small test file, to tests/data/",
        )


class OSS403(Rule):
    """File is too large to keep in git.

    ## What it does
    Reports files git tracks, or is about to track, that are larger than
    `max-kb` kilobytes (1024, i.e. 1 MB, by default). Files stored with Git LFS
    are not reported.

    ## Why is this bad?
    Git keeps every version of every file forever. A few large data files or
    models make cloning slow for everyone, fill up the server, and cannot be
    removed later without rewriting history. Large files are also often data
    that should not be shared at all.

    ## Example
    `data/processed/features.parquet` (250 MB) or `models/model.pkl` (80 MB)
    committed by accident.

    ## How to fix
    Remove the file from git but keep it on disk: `git rm --cached <file>`, and
    keep it under `data/` (ignored by git) with the location of the shared copy
    (a network share, a bucket) written in `data/README.md`. For files that must
    be versioned, use Git LFS (`git lfs track "*.parquet"`) or DVC. If the file
    is already in a commit that was pushed, ask the repository owners how to
    remove it from history.
    """

    name = "large-file"
    stakeholders = (Stakeholder.DATA_SCIENCE, Stakeholder.MANAGEMENT)
    scope = Scope.FILE
    options: ClassVar[Mapping[str, Option]] = {
        "max-kb": Option(int, 1024, "largest size in kilobytes (1024 bytes) a file may have"),
    }

    def applies_to(self, file: SourceFile) -> bool:
        limit: int = max(self.settings["max-kb"], 0) * 1024
        return file.size > limit

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if _stored_in_lfs(repo, file.path):
            return
        yield self.finding(
            file.path,
            f"file is {_human_size(file.size)}, over the {self.settings['max-kb']} KB limit: keep it out of git "
            "(data/ plus shared storage) or store it with Git LFS or DVC",
        )


def _stored_in_lfs(repo: Repo, path: str) -> bool:
    """Whether git attributes send ``path`` through the LFS filter (only asked for large files)."""
    if repo.is_git:
        output = repo.git("check-attr", "-z", "filter", "--", path)
        # -z output: path NUL attribute NUL value NUL
        fields = (output or b"").split(b"\0")
        return len(fields) >= 3 and fields[2] == b"lfs"
    attributes = repo.read_text(".gitattributes") or ""
    for line in attributes.splitlines():
        parts = line.split()
        if (
            len(parts) > 1
            and not parts[0].startswith("#")
            and "filter=lfs" in parts[1:]
            and glob_match(parts[0], path)
        ):
            return True
    return False


# -- OSS404: data/ kept out of git ------------------------------------------------------

DATA_IGNORE_LINES = ("/data/**", "!/data/**/", "!/data/**/README.md")
_PROBE_NAMES = ("example.csv", "example.parquet")
#: Files that belong in a tracked data/ folder: documentation, placeholders, DVC pointers.
_DATA_FOLDER_KEEPS = re.compile(r"(?i)^(?:readme(?:\.[a-z]+)?|\.gitkeep|\.keep|\.gitignore|.*\.dvc|.*\.md)$")
_WHOLE_FOLDER = frozenset({"data", "data/", "/data", "/data/"})
_ALL_CONTENTS = frozenset({"data/*", "data/**", "data/**/*"})


class OSS404(Rule):
    """The data/ folder is not kept out of git.

    ## What it does
    In analysis projects, and in any repository with a `data/` folder, checks
    that git ignores the files inside `data/` while it keeps each folder's
    `README.md`. It asks git itself (`git check-ignore`) whether a new data file
    in `data/` and its subfolders would be ignored, and reports data files that
    are committed there anyway.

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
    elsewhere = "a data/ folder that exists."
    stakeholders = (Stakeholder.LEGAL, Stakeholder.DATA_SCIENCE)

    def check(self, repo: Repo) -> Iterator[Finding]:
        if not (repo.project_type == "analysis" or repo.dir_exists("data")):
            return
        if not repo.dir_exists(".dvc"):
            problem = _data_ignore_problem(repo)
            if problem is not None:
                yield self.finding(".gitignore", problem)
        if repo.is_git:
            for file in repo.files:
                if file.tracked and file.parts[0] == "data" and not _DATA_FOLDER_KEEPS.match(file.name):
                    yield self.finding(
                        file.path,
                        f"data file is committed although data/ stays out of git: "
                        f"run `git rm --cached {file.path}` (the file stays on disk)",
                    )


def _data_ignore_problem(repo: Repo) -> str | None:
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
    probes = sorted(f"{folder}/{name}" for folder in folders for name in _PROBE_NAMES)
    kept = sorted(readmes) or ["data/README.md"]
    ignored = _ignored(repo, [*probes, *kept])
    add = ", ".join(f"`{line}`" for line in DATA_IGNORE_LINES)
    if ignored is None:
        return _gitignore_text_problem(repo.read_text(".gitignore") or "", add)
    leaking = [probe for probe in probes if probe not in ignored]
    if leaking:
        return (
            f"git does not ignore data files in data/ (e.g. {leaking[0]}), so raw data can be committed: "
            f"add these lines to .gitignore: {add}"
        )
    hidden = [readme for readme in kept if readme in ignored]
    if hidden:
        return (
            f"git ignores {hidden[0]}, so the data folders lose their documentation: "
            f"add these lines to .gitignore: {add}"
        )
    return None


def _ignored(repo: Repo, paths: list[str]) -> set[str] | None:
    """Which of ``paths`` git's ignore rules match (whether or not they exist); None without git."""
    if not repo.is_git:
        return None
    # check-ignore exits 1 when nothing is ignored: an answer, not a failure.
    listed = "".join(f"{path}\0" for path in paths).encode("utf-8", "surrogateescape")
    output = repo.git("check-ignore", "--no-index", "-z", "--stdin", stdin=listed, ok=(0, 1))
    if output is None:
        return None
    return set(nul_separated(output))


def _gitignore_text_problem(text: str, add: str) -> str | None:
    """Without git, read .gitignore: some rule must cover data/'s contents and READMEs must come back."""
    patterns = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    covering = [
        p
        for p in patterns
        if not p.startswith("!") and (p in _WHOLE_FOLDER or p.lstrip("/") in _ALL_CONTENTS)
    ]
    if not covering:
        return f".gitignore has no rule that keeps data/ out of git: add these lines: {add}"
    readmes_back = any(p.startswith("!") and "readme" in p.lower() for p in patterns)
    if all(p in _WHOLE_FOLDER for p in covering) or not readmes_back:
        return f".gitignore hides the READMEs of data/ too: use these lines instead: {add}"
    return None


# -- OSS405: .env files -----------------------------------------------------------------

_ENV_TEMPLATES = frozenset({".env.example", ".env.sample", ".env.template"})


class OSS405(Rule):
    """A .env file with secrets is in git.

    ## What it does
    Reports `.env` files, and variants such as `.env.local` or `.env.prod`, that
    are committed or that git would commit because they are not ignored.
    `.env.example`, `.env.sample` and `.env.template` are meant to be shared and
    are fine.

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
    stakeholders = (Stakeholder.LEGAL,)
    scope = Scope.FILE

    def applies_to(self, file: SourceFile) -> bool:
        name = file.name
        return (name == ".env" or name.startswith(".env.")) and name.lower() not in _ENV_TEMPLATES

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if file.tracked:
            ignore = "" if repo.is_ignored(file.path) else f", add {file.name} to .gitignore"
            message = (
                f"{file.name} is in git and usually holds secrets: run `git rm --cached {file.path}`"
                f"{ignore} and replace the secrets it held"
            )
        else:
            message = (
                f"{file.name} is not ignored, so the next commit can publish its secrets: "
                f"add {file.name} to .gitignore"
            )
        yield self.finding(file.path, message)
