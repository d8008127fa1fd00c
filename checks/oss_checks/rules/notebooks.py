"""Notebooks (OSS3xx).

Every rule here reads notebooks through ``Repo.notebook`` (the standard library's
``json``, parsed once per run) and skips a notebook that does not parse: OSS301
reports that once, so the other rules never pile up on a broken file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from oss_checks.errors import ConfigError
from oss_checks.formats import Notebook, NotebookCell
from oss_checks.registry import Finding, Kind, Option, Rule, Scope, Stakeholder
from oss_checks.text.notebooks import NOTEBOOK_SUFFIX, TextPositions, in_folders, output_block, valid_notebook

if TYPE_CHECKING:
    from oss_checks.context import Repo, SourceFile

_JSON_WHERE = re.compile(r"\(line (\d+), column (\d+)\)")
#: The strip tools that, when configured, mean the team wants outputs out of git.
_STRIP_HOOK = re.compile(r"\b(?:nbstripout|nb-clean)\b")
_STRIP_FILTER = re.compile(r"\bfilter\s*=\s*(?:nbstripout|nb-clean)\b")
#: Tags (ours, and nbstripout's spelling) that keep one cell's outputs on purpose.
_KEEP_OUTPUT_TAGS = frozenset({"keep-output", "keep_output"})

DEFAULT_NAME_PATTERN = r"^\d+(\.\d+)*-[a-z0-9]+-[a-z0-9][a-z0-9_-]*\.ipynb$"
NAME_EXAMPLE = "1.0-abc-topic.ipynb"


def option_where(rule: type[Rule], option: str) -> str:
    return f"[tool.oss-checks.options.{rule.name}] {option}"


class _NotebookRule(Rule):
    """Shared plumbing of the notebook rules (not a rule itself: its name is no code)."""

    scope = Scope.FILE

    def applies_to(self, file: SourceFile) -> bool:
        return file.suffix == NOTEBOOK_SUFFIX

    def check_file(self, repo: Repo, file: SourceFile) -> Iterable[Finding]:
        notebook = valid_notebook(repo, file)
        return () if notebook is None else self.check_notebook(file.path, notebook)

    def check_notebook(self, path: str, notebook: Notebook) -> Iterable[Finding]:
        raise NotImplementedError


class OSS301(Rule):
    """Notebook cannot be read: it is not a valid nbformat 4 notebook.

    ## What it does
    Opens every `.ipynb` file as Jupyter does and reports it when it is not a
    notebook Jupyter can open: broken JSON (with the line and column of the
    problem), an empty file, a file that is not UTF-8 text, or a notebook saved
    in the old nbformat 3 (or older) format.

    ## Why is this bad?
    A broken notebook usually comes from a merge conflict or from saving while
    two editors had it open. Nobody else can open it, reviewers cannot see what
    changed, and every other notebook check has to skip it.

    ## Example
    A merge left conflict markers inside the JSON:

    ```text
    <<<<<<< HEAD
        "execution_count": 3,
    =======
        "execution_count": 5,
    >>>>>>> feature
    ```

    ## How to fix
    Open the file in a text editor at the reported line and repair the JSON (for
    a merge conflict, keep one side), or restore the last good version with
    `git checkout <commit> -- path/to/notebook.ipynb`. Convert old notebooks with
    `jupyter nbconvert --to notebook --nbformat 4 --inplace path/to/notebook.ipynb`.
    """

    name = "notebook-invalid"
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    scope = Scope.FILE

    def applies_to(self, file: SourceFile) -> bool:
        return file.suffix == NOTEBOOK_SUFFIX

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if repo.is_symlink(file.path):
            return  # the notebook it points to is checked where it lives
        error = repo.notebook(file.path).error
        if error is None:
            return
        where = _JSON_WHERE.search(error)
        line, col = (int(where.group(1)), int(where.group(2))) if where else (0, 0)
        if "nbformat" in error:
            fix = "convert it with `jupyter nbconvert --to notebook --inplace` or open and save it in Jupyter"
        elif where is not None:
            fix = "resolve the merge conflict or restore it with `git restore`, then open it in Jupyter"
        else:
            fix = "restore it from git, save it again from Jupyter, or delete it"
        yield self.finding(file.path, f"notebook {error}: {fix}", line=line, col=col)


class OSS302(_NotebookRule):
    """Notebook still has outputs, but this repository keeps notebooks stripped.

    ## What it does
    When the repository strips notebooks before committing (a `nbstripout` or
    `nb-clean` hook in `.pre-commit-config.yaml`, or a `filter=nbstripout` line in
    `.gitattributes`), reports a notebook that still holds cell outputs or
    execution counts. It names the first such cell. A cell tagged `keep-output`
    is allowed to keep its output.

    ## Why is this bad?
    Outputs are results of one run on one computer: tables of real (possibly
    personal) data, plots, error messages with your folder names. Committed, they
    make every diff huge, cause merge conflicts, and can publish data that must
    stay private.

    ## Example
    ```json
    {"cell_type": "code", "execution_count": 4,
     "outputs": [{"output_type": "stream", "name": "stdout", "text": ["customer_id,income\\n..."]}]}
    ```

    ## How to fix
    Strip the notebook: `nbstripout path/to/notebook.ipynb` (or
    `nb-clean clean path/to/notebook.ipynb`), or in Jupyter choose "Clear All
    Outputs" and save. To keep the output of a chosen cell (a final chart in a
    report notebook), add the tag `keep-output` to that cell (View > Cell
    Toolbar > Tags, or the property inspector in JupyterLab); nbstripout
    respects that tag, while nb-clean strips every cell, so with nb-clean keep
    such results as files under `reports/` instead. Set
    `require-stripped = "never"` under `[tool.oss-checks.options.notebook-outputs]`
    if the team decided to commit outputs.
    """

    name = "notebook-outputs"
    stakeholders = (Stakeholder.DATA_SCIENCE, Stakeholder.LEGAL)
    options: ClassVar[Mapping[str, Option]] = {
        "require-stripped": Option(
            str,
            "auto",
            '"auto" (when nbstripout or nb-clean is set up in pre-commit or .gitattributes), '
            '"always" or "never"',
        )
    }

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        mode = self.settings["require-stripped"]
        if mode not in ("auto", "always", "never"):
            raise ConfigError(
                f'{option_where(type(self), "require-stripped")} must be "auto", "always" or "never", '
                f"not {mode!r}"
            )
        self.mode: str = mode

    def applies_to(self, file: SourceFile) -> bool:
        return self.mode != "never" and super().applies_to(file)

    def check_file(self, repo: Repo, file: SourceFile) -> Iterable[Finding]:
        return super().check_file(repo, file) if self._required(repo) else ()

    def check_notebook(self, path: str, notebook: Notebook) -> Iterator[Finding]:
        if notebook.metadata.get("keep_output") is True:
            return
        dirty = [
            cell
            for cell in notebook.cells
            if (cell.outputs or cell.execution_count is not None) and not _keeps_output(cell)
        ]
        if not dirty:
            return
        first = dirty[0]
        kept = "outputs" if first.outputs else "an execution count"
        more = f" (and {len(dirty) - 1} more cells)" if len(dirty) > 1 else ""
        yield self.finding(
            path,
            f"cell {first.index} still has {kept}{more}; this repository strips notebooks: "
            "run nbstripout (or nb-clean clean) on it, or tag cells to keep with keep-output",
            cell=first.index,
        )

    def _required(self, repo: Repo) -> bool:
        if self.mode == "always":
            return True
        precommit = repo.read_text(".pre-commit-config.yaml") or ""
        attributes = repo.read_text(".gitattributes") or ""
        return bool(_STRIP_HOOK.search(precommit) or _STRIP_FILTER.search(attributes))


def _keeps_output(cell: NotebookCell) -> bool:
    metadata = cell.metadata
    if metadata.get("keep_output") is True:
        return True
    tags = metadata.get("tags")
    return isinstance(tags, list) and any(tag in _KEEP_OUTPUT_TAGS for tag in tags if isinstance(tag, str))


class OSS303(_NotebookRule):
    """Notebook cells were run out of order.

    ## What it does
    Reads the execution counts (the `[3]` next to each code cell) from top to
    bottom and reports the first cell whose count is not higher than the one
    before it. Cells that were never run are skipped.

    ## Why is this bad?
    A notebook run out of order may only work because of a variable that a later
    cell created, or a cell that was edited after it ran. The saved results then
    cannot be reproduced by running the notebook from the top, which is what
    every reader and reviewer will do.

    ## Example
    ```text
    [5]: df = load()
    [2]: df = df.dropna()   <- ran before the cell above it
    ```

    ## How to fix
    Restart the kernel and run all cells ("Restart Kernel and Run All Cells"),
    fix whatever breaks, and save. If the repository strips outputs, stripping
    the notebook also removes the counts.
    """

    name = "notebook-execution-order"
    stakeholders = (Stakeholder.DATA_SCIENCE,)

    def check_notebook(self, path: str, notebook: Notebook) -> Iterator[Finding]:
        previous: int | None = None
        for cell in notebook.cells:
            count = cell.execution_count
            if cell.cell_type != "code" or count is None:
                continue
            if previous is not None and count <= previous:
                yield self.finding(
                    path,
                    f"cell {cell.index} ran as [{count}] after an earlier cell that ran as [{previous}]: "
                    "restart the kernel and run all cells from the top",
                    cell=cell.index,
                )
                return
            previous = count


class OSS304(_NotebookRule):
    """Notebook name does not follow the naming convention.

    ## What it does
    Checks each notebook's file name against a pattern. By default a name is a
    number that orders the notebooks, the author's initials and a short topic,
    in lowercase with dashes: `1.0-abc-data-cleaning.ipynb`.

    ## Why is this bad?
    `Untitled3.ipynb` and `final_v2 (copy).ipynb` say nothing about what is
    inside, in which order to read them, or whom to ask. A shared convention
    lets anyone find the right notebook and see how the analysis flows.

    ## Example
    `notebooks/Untitled1.ipynb`, `notebooks/Copy of analysis.ipynb`.

    ## How to fix
    Rename the file with `git mv`, e.g.
    `git mv notebooks/Untitled1.ipynb notebooks/2.1-abc-feature-selection.ipynb`.
    A team with another convention sets its own regular expression in
    `[tool.oss-checks.options.notebook-name]` as `pattern = "..."`.
    """

    name = "notebook-name"
    kind = Kind.CONVENTION
    elsewhere = "junk names (Untitled, Copy of, (copy)) everywhere, and the naming pattern in analysis projects or where most notebooks follow it already."
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    options: ClassVar[Mapping[str, Option]] = {
        "pattern": Option(
            str, DEFAULT_NAME_PATTERN, "regular expression the notebook's file name must match"
        ),
    }

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        try:
            self.pattern = re.compile(self.settings["pattern"])
        except re.error as exc:
            raise ConfigError(
                f"{option_where(type(self), 'pattern')} is not a valid regular expression: {exc}"
            ) from None

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if valid_notebook(repo, file) is None or self.pattern.search(file.name):
            return
        example = f", for example {NAME_EXAMPLE}" if self.pattern.search(NAME_EXAMPLE) else ""
        yield self.finding(
            file.path,
            f"notebook name {file.name!r} does not match the naming pattern {self.pattern.pattern}{example}",
        )


class OSS305(_NotebookRule):
    """Notebook is outside the notebook folders.

    ## What it does
    Reports notebooks that are not inside one of the configured folders
    (by default `notebooks/`, and `docs/` because documentation tools can render
    notebooks as pages).

    ## Why is this bad?
    Notebooks scattered next to the package code or at the top of the repository
    get imported by accident, end up in the built package, and make it hard to
    see which code is reusable and which is exploration.

    ## Example
    `analysis.ipynb` at the top of the repository, or `src/mypackage/try.ipynb`.

    ## How to fix
    Move the notebook with `git mv analysis.ipynb notebooks/1.0-abc-analysis.ipynb`.
    Move reusable code from notebooks into the package under `src/`. Other
    folders can be allowed with `folders = [...]` under
    `[tool.oss-checks.options.notebook-location]`.
    """

    name = "notebook-location"
    kind = Kind.CONVENTION
    elsewhere = "in analysis projects, notebooks outside every notebook, docs or example folder; elsewhere, notebooks inside the code of a package."
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    options: ClassVar[Mapping[str, Option]] = {
        "folders": Option(
            list,
            ["notebooks", "docs"],
            "folders (relative to the repository root, * allowed) where notebooks belong",
            item_kind=str,
        ),
    }

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        folders: list[str] = self.settings["folders"]
        if valid_notebook(repo, file) is None or in_folders(file.path, folders):
            return
        shown = ", ".join(f"{f.strip('/')}/" for f in folders) or "none configured"
        target = folders[0].strip("/") if folders else "notebooks"
        yield self.finding(
            file.path,
            f"notebook is outside the notebook folders ({shown}): move it, e.g. to {target}/{file.name}",
        )


class OSS306(_NotebookRule):
    """Notebook does not record which kernel and language it runs on.

    ## What it does
    Checks the notebook's metadata for `kernelspec` (with a kernel `name`) and
    `language_info` (with a language `name`). Jupyter writes both when a notebook
    is saved from a running kernel.

    ## Why is this bad?
    Without them, Jupyter asks every reader to pick a kernel, documentation tools
    cannot highlight or run the code, and nobody can tell whether the notebook is
    Python, R or Julia without opening it.

    ## Example
    ```json
    "metadata": {}
    ```

    ## How to fix
    Open the notebook in Jupyter or VS Code, select the project's kernel, run it
    and save. If a strip tool removes this metadata, configure it to keep
    `kernelspec` and `language_info` (nb-clean keeps them unless told otherwise).
    """

    name = "notebook-kernel"
    stakeholders = (Stakeholder.DATA_SCIENCE,)

    def check_notebook(self, path: str, notebook: Notebook) -> Iterator[Finding]:
        metadata = notebook.metadata
        missing = [key for key in ("kernelspec", "language_info") if not _named(metadata.get(key))]
        if missing:
            yield self.finding(
                path,
                f"notebook metadata has no {' and no '.join(f'{key}.name' for key in missing)}: "
                "select a kernel in Jupyter, run the notebook and save it",
            )


def _named(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("name"), str) and bool(value["name"].strip())


@dataclass(frozen=True)
class _Secret:
    kind: str
    pattern: re.Pattern[str]
    #: How much of the match is a public, fixed prefix that is safe to show.
    shown_prefix: int


def _secret(kind: str, pattern: str, shown_prefix: int = 0) -> _Secret:
    return _Secret(kind, re.compile(pattern), shown_prefix)


_NO_WORD_BEFORE = r"(?<![A-Za-z0-9_-])"
_NO_WORD_AFTER = r"(?![A-Za-z0-9_-])"
_SECRETS = (
    _secret("AWS access key id", _NO_WORD_BEFORE + r"(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])", 4),
    _secret("GitHub token", _NO_WORD_BEFORE + r"gh[pousr]_[A-Za-z0-9]{36,255}" + _NO_WORD_AFTER, 4),
    _secret("GitHub token", _NO_WORD_BEFORE + r"github_pat_[A-Za-z0-9_]{60,255}" + _NO_WORD_AFTER, 11),
    _secret("GitLab token", _NO_WORD_BEFORE + r"glpat-[A-Za-z0-9_-]{20,}" + _NO_WORD_AFTER, 6),
    _secret("Slack token", _NO_WORD_BEFORE + r"xox[baprs]-[A-Za-z0-9-]{10,}" + _NO_WORD_AFTER, 5),
    _secret("Google API key", _NO_WORD_BEFORE + r"AIza[0-9A-Za-z_-]{35}" + _NO_WORD_AFTER, 4),
    # OpenAI keys carry "T3BlbkFJ" (base64 of "OpenAI"); the long all-alphanumeric form is the old one.
    _secret(
        "OpenAI API key",
        _NO_WORD_BEFORE
        + r"sk-(?:[A-Za-z0-9_-]{10,}T3BlbkFJ[A-Za-z0-9_-]{10,}|[A-Za-z0-9]{48})"
        + _NO_WORD_AFTER,
        3,
    ),
    _secret("private key", r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    _secret(
        "JSON web token",
        _NO_WORD_BEFORE + r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}",
        3,
    ),
)
#: ``password=hunter2``, ``"password": "hunter2"``, ``DB_PASSWD: 'hunter2'`` as printed by code or logs.
_PASSWORD = re.compile(
    r"(?i)(?<![A-Za-z0-9_])(?P<key>(?:[A-Za-z0-9]+_)*passw(?:or)?d)(?![A-Za-z0-9_])[\"']?[ \t]*[:=][ \t]*"
    r"(?:(?P<quote>[\"'])(?P<quoted>[^\"'\s]{3,})(?P=quote)|(?P<bare>[^\s\"',;&)}\]]{3,}))"
)
#: ``postgresql://user:secret@host/db``: a password inside a connection string.
_URL_PASSWORD = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^/\s:@]+:(?P<secret>[^/\s:@]{3,})@")
#: Fixed text every pattern above needs (besides "passw", tested without regard to case).
_SECRET_MARKERS = (
    "AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox",
    "AIza", "sk-", "PRIVATE KEY", "eyJ", "://",
)  # fmt: skip
_PLACEHOLDER_VALUES = frozenset(
    {
        "none",
        "null",
        "nil",
        "true",
        "false",
        "str",
        "string",
        "bytes",
        "any",
        "optional",
        "required",
        "password",
        "passwd",
        "pwd",
        "pass",
        "secret",
        "redacted",
        "hidden",
        "masked",
        "changeme",
        "xxx",
        "example",
        "getpass",
        "input",
        "self",
        "environ",
        "os.environ",
        "env",
    }
)


def _placeholder(value: str, bare: bool) -> bool:
    lowered = value.lower()
    if lowered in _PLACEHOLDER_VALUES or len(set(value)) == 1:
        return True
    if value[0] in "*<{$%[(" or "***" in value or "..." in value:
        return True
    # Unquoted text with brackets or dots reads as code (``password=self.password``), not a value.
    return bare and any(mark in value for mark in ".([")


def find_secrets(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, masked value) for every credential in output text."""
    if not (any(marker in text for marker in _SECRET_MARKERS) or "passw" in text.lower()):
        return  # plain substring tests are far cheaper than a dozen regular expressions
    for secret in _SECRETS:
        for match in secret.pattern.finditer(text):
            shown = match.group(0)[: secret.shown_prefix]
            yield match.start(), secret.kind, (f"{shown}****" if secret.shown_prefix else "-----BEGIN …")
    for match in _PASSWORD.finditer(text):
        value = match.group("quoted") or match.group("bare")
        if not _placeholder(value, bare=match.group("bare") is not None):
            yield match.start(), "password", f"{match.group('key')}=****"
    for match in _URL_PASSWORD.finditer(text):
        if not _placeholder(match.group("secret"), bare=False):
            yield match.start(), "password in a connection string", "://user:****@"


class OSS307(_NotebookRule):
    """Notebook output shows a password, token or key.

    ## What it does
    Searches the outputs of code cells (printed text, displayed values and error
    messages; never the code itself) for credentials that are easy to recognise
    with certainty: AWS access keys, GitHub, GitLab and Slack tokens, Google and
    OpenAI API keys, JSON web tokens, private keys, `password=...` with a value,
    and connection strings with a password. The report names the cell, the line
    of the output and the kind of credential, and never repeats the secret.

    ## Why is this bad?
    Anyone who can read the repository, now or in any future copy of its
    history, can use the credential. Removing it in a later commit does not
    remove it from git history, so the credential has to be revoked.

    ## Example
    ```text
    print(os.environ)
    environ({'AWS_ACCESS_KEY_ID': 'AKIA................', 'DB_PASSWORD': 'hunter2', ...})
    ```

    ## How to fix
    Revoke or rotate the credential first: it must be treated as leaked. Then
    clear the output (Edit > Clear Outputs, or `nbstripout`) and change the code
    so it never prints secrets. Keep secrets in `.env` (ignored by git) and read
    them with `os.environ` or `python-dotenv`. If the commit was already pushed,
    ask the repository owners to purge it from history.
    """

    name = "notebook-credentials"
    stakeholders = (Stakeholder.LEGAL, Stakeholder.DATA_SCIENCE)

    def check_notebook(self, path: str, notebook: Notebook) -> Iterator[Finding]:
        for cell in notebook.cells:
            if not cell.outputs:
                continue
            block = output_block(cell)
            position = TextPositions(block)
            reported: set[tuple[int, str]] = set()
            for offset, kind, masked in sorted(find_secrets(block)):
                line, col = position(offset)
                if (line, kind) in reported:
                    continue  # one report per kind and line is enough to find it
                reported.add((line, kind))
                yield self.finding(
                    path,
                    f"output of cell {cell.index} shows {'an' if kind[:1].lower() in 'aeiou' else 'a'} {kind} "
                    f"({masked}) on line {line} "
                    "of the output: revoke it, then clear the output",
                    line=line,
                    col=col,
                    cell=cell.index,
                )
