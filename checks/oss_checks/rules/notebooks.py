"""Notebooks (OSS3xx).

Every rule here reads notebooks through ``text.notebooks.read_notebook`` (the standard
library's ``json``, parsed once per run, also above the repository's read limit) and skips
a notebook that does not parse: OSS301 reports that once, so the other rules never pile
up on a broken file. A rule that can decide from the file's name or place does so before
it asks for the parsed notebook. Notebooks in tests, test data and vendored code are not
the project's own; only the credential rule (OSS307) looks at them too.
"""

from __future__ import annotations

import ast
import builtins
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import pairwise
from typing import TYPE_CHECKING, Any, ClassVar

from oss_checks.errors import ConfigError
from oss_checks.formats import Notebook, NotebookCell, parse_python
from oss_checks.patterns import lazy, search_within
from oss_checks.registry import Finding, Kind, Option, Rule, Scope, Stakeholder
from oss_checks.text.attributes import attribute_files, filter_for
from oss_checks.text.audience import presented, read_as_notebooks, rendered_as_pages
from oss_checks.text.builds import code_packages
from oss_checks.text.ci import NOTEBOOK_FILE_TYPES, PRECOMMIT_CONFIG, hook_runs_on, precommit_hooks
from oss_checks.text.community import README_NAMES, readme_in
from oss_checks.text.layout import (
    autosave_copy,
    in_docs_or_examples,
    in_notebook_folder,
    in_presentation_folder,
    is_docs_or_examples_folder,
    not_the_projects_own,
)
from oss_checks.text.notebooks import (
    NOTEBOOK_SUFFIX,
    TOO_LARGE,
    TextPositions,
    in_folders,
    is_slideshow,
    output_block,
    read_notebook,
    valid_notebook,
)
from oss_checks.text.secrets import find_secrets

if TYPE_CHECKING:
    from oss_checks.context import Repo, SourceFile

_JSON_WHERE = lazy(r"\(line (\d+), column (\d+)\)")
#: The strip tools that, when configured, mean the team wants outputs out of git.
_STRIP_HOOK = lazy(r"\b(?:nbstripout|nb-clean)\b")
_STRIP_FILTER = lazy(r"\bfilter\s*=\s*(?:nbstripout|nb-clean)\b")
_STRIP_FILTER_NAMES = frozenset({"nbstripout", "nb-clean"})
#: Arguments that make nbstripout (``--keep-output``) or nb-clean keep the outputs.
_KEEP_OUTPUT_ARGS = frozenset({"--keep-output", "--preserve-cell-outputs", "-o"})
#: Tags (ours, and nbstripout's spelling) that keep one cell's outputs on purpose.
_KEEP_OUTPUT_TAGS = frozenset({"keep-output", "keep_output"})

#: Where notebooks belong where the conventions apply in full (``*`` matches within a name).
NOTEBOOK_FOLDERS = ("notebooks*", "docs", "doc", "examples", "tutorials", "demo*")
DEFAULT_NAME_PATTERN = r"^\d+(\.\d+)*-[a-z0-9]+-[a-z0-9][a-z0-9_-]*\.ipynb$"
NAME_EXAMPLE = "1.0-abc-topic.ipynb"


def option_where(rule: type[Rule], option: str) -> str:
    return f"[tool.oss-checks.options.{rule.name}] {option}"


class _NotebookRule(Rule):
    """Shared plumbing of the notebook rules (not a rule itself: its name is no code)."""

    scope = Scope.FILE
    #: Whether the rule looks at notebooks of tests, test data and vendored code too.
    everywhere: ClassVar[bool] = False

    def applies_to(self, file: SourceFile) -> bool:
        return file.suffix == NOTEBOOK_SUFFIX

    def check_file(self, repo: Repo, file: SourceFile) -> Iterable[Finding]:
        if not self.everywhere and (not_the_projects_own(repo, file.path) or autosave_copy(file.path)):
            return ()
        notebook = valid_notebook(repo, file)
        return () if notebook is None else self.check_notebook(file.path, notebook)

    def check_notebook(self, path: str, notebook: Notebook) -> Iterable[Finding]:
        raise NotImplementedError


class OSS301(Rule):
    """Notebook cannot be read: it is not a notebook Jupyter can open.

    ## What it does
    Opens every `.ipynb` file as Jupyter does and reports it when Jupyter could
    not open it: broken JSON (with the line and column of the problem), an empty
    file, a file that is not UTF-8 text, a JSON file without the notebook's cells,
    or a notebook that names no nbformat version or one newer than Jupyter knows.
    Notebooks saved in the old formats (nbformat 3 and older, from IPython) are
    fine: Jupyter upgrades them when it opens them, and every other notebook rule
    reads them the same way. A valid notebook larger than the limit for reading
    files is read all the same (up to 100 MB, GitHub's own limit). Notebooks of
    tests, test data and vendored code are left alone: a broken one there is
    usually broken on purpose.

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
    `git checkout <commit> -- path/to/notebook.ipynb`. Delete a file that only
    has a notebook's name.
    """

    name = "notebook-invalid"
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    scope = Scope.FILE

    def applies_to(self, file: SourceFile) -> bool:
        return file.suffix == NOTEBOOK_SUFFIX

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        if repo.is_symlink(file.path) or not_the_projects_own(repo, file.path):
            return  # a symlink's notebook is checked where it lives; test data may be broken on purpose
        error = read_notebook(repo, file.path).error
        if error is None or error.startswith(TOO_LARGE):
            return  # OSS403 reports a notebook too large to open
        where = _JSON_WHERE.search(error)
        line, col = (int(where.group(1)), int(where.group(2))) if where else (0, 0)
        if "nbformat" in error:
            fix = "restore a version Jupyter saved, or delete it if it is no notebook"
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
    execution counts. It names the first such cell. Only notebooks the stripper
    reaches are reported: a notebook that the hook's or the config's `files:`
    and `exclude:` leave out, or that no `.gitattributes` line gives the filter,
    keeps its outputs on purpose, as does every notebook of a hook run with
    `--keep-output` (nb-clean: `--preserve-cell-outputs`). A cell tagged
    `keep-output` is allowed to keep its output. Notebooks of tests, test data
    and vendored code are left alone.

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
    spares_dormant_files = True
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
        if self.mode == "always":
            return super().check_file(repo, file)
        if not self._stripping_set_up(repo):
            return ()
        findings = list(super().check_file(repo, file))
        # Only a notebook with outputs asks which of the set-up strippers would reach it.
        if findings and not (_hook_strips(repo, file.path) or _filter_strips(repo, file.path)):
            return ()
        return findings

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

    def _stripping_set_up(self, repo: Repo) -> bool:
        """A cheap look for a stripper's name; whether it reaches a notebook is asked later."""

        def look() -> bool:
            if _STRIP_HOOK.search(repo.read_text(PRECOMMIT_CONFIG) or ""):
                return True
            return any(_STRIP_FILTER.search(repo.read_text(path) or "") for path in attribute_files(repo))

        return repo.memo("notebook-stripping-set-up", look)


def _hook_strips(repo: Repo, path: str) -> bool:
    """Whether a stripping hook of the pre-commit config runs on ``path`` and strips its outputs.

    A hook's ``files:``, ``exclude:`` and types are honoured (a notebook it leaves out keeps
    its outputs on purpose); a hook told to keep outputs strips none; a pattern that cannot
    be told in time counts as not reaching the notebook.
    """
    hooks = precommit_hooks(repo) or []
    return any(
        (_STRIP_HOOK.search(hook.id) or _STRIP_HOOK.search(hook.entry))
        and not _KEEP_OUTPUT_ARGS & set(hook.args)
        and hook_runs_on(repo, hook, path, NOTEBOOK_FILE_TYPES) is True
        for hook in hooks
    )


def _filter_strips(repo: Repo, path: str) -> bool:
    """Whether git's attributes give ``path`` a stripping ``filter=``."""
    return filter_for(repo, path) in _STRIP_FILTER_NAMES


def _keeps_output(cell: NotebookCell) -> bool:
    metadata = cell.metadata
    if metadata.get("keep_output") is True:
        return True
    tags = metadata.get("tags")
    return isinstance(tags, list) and any(tag in _KEEP_OUTPUT_TAGS for tag in tags if isinstance(tag, str))


class OSS303(_NotebookRule):
    """Notebook cells ran out of order, and one uses what only a later cell makes.

    ## What it does
    Reads the execution counts (the `[3]` next to each code cell) and the code of
    the cells. When a cell uses a name (a variable, function, class or import)
    that no cell above it defines, but a cell below it defines and ran before it
    (a lower count), the notebook only worked because its cells ran out of order:
    run from the top, it stops with a `NameError`. The report names the first such
    cell, the name and the cell that defines it. Counts that go down without such
    a dependency (a setup cell run again at the end, a copied cell that kept its
    count, a kernel restarted halfway) do not change what a run from the top
    gives and are not reported. With `order = "counts"` under
    `[tool.oss-checks.options.notebook-execution-order]`, any count that is not
    higher than the one before is reported instead (equal counts, from copied
    cells, still pass).

    ## Why is this bad?
    The saved results cannot be reproduced by running the notebook from the top,
    which is what every reader, reviewer and scheduled job will do.

    ## Example
    ```text
    [2]: clean = raw.dropna()     <- uses raw
    [1]: raw = pd.read_csv(...)   <- defines raw, below, but ran first
    ```

    ## How to fix
    Move the defining cell above the cell that uses it, then restart the kernel
    and run all cells ("Restart Kernel and Run All Cells"), fix whatever breaks,
    and save. If the repository strips outputs, stripping the notebook also
    removes the counts.
    """

    name = "notebook-execution-order"
    spares_dormant_files = True
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    options: ClassVar[Mapping[str, Option]] = {
        "order": Option(
            str,
            "dependencies",
            '"dependencies" (a cell uses a name only a later cell, run first, defines) or '
            '"counts" (any execution count not higher than the one before)',
        )
    }

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(settings)
        order = self.settings["order"]
        if order not in ("dependencies", "counts"):
            raise ConfigError(
                f'{option_where(type(self), "order")} must be "dependencies" or "counts", not {order!r}'
            )
        self.order: str = order

    def check_notebook(self, path: str, notebook: Notebook) -> Iterator[Finding]:
        ran = [
            cell for cell in notebook.cells if cell.cell_type == "code" and cell.execution_count is not None
        ]
        counts = [cell.execution_count or 0 for cell in ran]
        if all(later >= earlier for earlier, later in pairwise(counts)):
            return  # in order (equal counts come from copied cells): nothing to look into
        if self.order == "counts":
            yield from self._first_decrease(path, ran)
            return
        finding = self._first_dependency(path, [cell for cell in notebook.cells if cell.cell_type == "code"])
        if finding is not None:
            yield finding

    def _first_decrease(self, path: str, ran: list[NotebookCell]) -> Iterator[Finding]:
        for before, cell in pairwise(ran):
            if (cell.execution_count or 0) < (before.execution_count or 0):
                yield self.finding(
                    path,
                    f"cell {cell.index} ran as [{cell.execution_count}] after an earlier cell that ran as "
                    f"[{before.execution_count}]: restart the kernel and run all cells from the top",
                    cell=cell.index,
                )
                return

    def _first_dependency(self, path: str, cells: list[NotebookCell]) -> Finding | None:
        names = [_cell_names(cell.source) for cell in cells]
        defined_above: set[str] = set()
        for position, cell in enumerate(cells):
            cell_names = names[position]
            if cell_names is None:
                return None  # a cell that is not Python (or defines names by star import): cannot tell
            used, defined = cell_names
            count = cell.execution_count
            needed = used - defined_above - _PREDEFINED if count is not None else set()
            if needed:
                for later, later_names in zip(cells[position + 1 :], names[position + 1 :], strict=False):
                    later_count = later.execution_count
                    if later_names is None or later_count is None or later_count >= count:  # type: ignore[operator]
                        continue
                    made = sorted(needed & later_names[1])
                    if made:
                        return self.finding(
                            path,
                            f"cell {cell.index} (ran as [{count}]) uses {made[0]!r}, which only the later cell "
                            f"{later.index} defines (it ran first, as [{later_count}]): run from the top, the "
                            f"notebook stops here; move cell {later.index} up, then restart the kernel and run all",
                            cell=cell.index,
                        )
            defined_above |= defined
        return None


#: Names a notebook has before its first cell runs: Python's builtins and what an IPython
#: kernel adds (``display`` needs no import there), so a later cell that redefines one is
#: no cell the notebook depends on.
_PREDEFINED = frozenset(dir(builtins)) | {"display", "get_ipython", "In", "Out", "exit", "quit"}


#: IPython lines that are not Python: magics, shell commands, help (``x?``).
_IPYTHON_LINE = lazy(r"[ \t]*(?:[!%]|[A-Za-z_][\w.]*[ \t]*=[ \t]*[!%])|.*\?\s*$")
#: ``%time U, s, Vh = svd(a)`` runs its statement in the notebook's namespace: it binds names.
_TIME_MAGIC = lazy(r"([ \t]*)%time[ \t]+(\S.*)")


def _as_python(line: str) -> str:
    timed = _TIME_MAGIC.fullmatch(line)
    if timed:
        return timed.group(1) + timed.group(2)
    return "" if _IPYTHON_LINE.match(line) else line


#: What a cell may hold before it is too big to be worth parsing for names.
_LARGEST_CELL = 200_000


def _cell_names(source: str) -> tuple[set[str], set[str]] | None:
    """(names the cell reads before it binds them, names it binds), or None when it cannot tell.

    Names read inside function bodies are left out: they are looked up when the function is
    called, not when the cell runs. A star import or a cell that does not parse says None.
    """
    if len(source) > _LARGEST_CELL:
        return None
    lines = [_as_python(line) for line in source.splitlines()]
    try:
        tree = parse_python("\n".join(lines))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    used: set[str] = set()
    bound: set[str] = set()
    for statement in tree.body:
        reads, binds = _statement_names(statement)
        if binds is None:
            return None
        used |= reads - bound
        bound |= binds
    return used, bound


#: Statements that read what they need before they bind anything (``x = x + 1``); in the others
#: (``for``, ``if``, ``with`` ...) a name bound inside may be what a later part reads.
_READ_FIRST = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return, ast.Delete, ast.Assert)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _statement_names(statement: ast.stmt) -> tuple[set[str], set[str] | None]:
    """(names read, names bound) by one top-level statement; bound None for a star import."""
    reads: set[str] = set()
    binds: set[str] = set()
    local: set[str] = set()  # the loop variables of comprehensions
    stack: list[ast.AST] = [statement]
    while stack:
        node = stack.pop()
        if isinstance(node, _COMPREHENSIONS):
            for generator in node.generators:
                local.update(n.id for n in ast.walk(generator.target) if isinstance(n, ast.Name))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            binds.add(node.name)
            stack.extend(node.decorator_list)
            if isinstance(node, ast.ClassDef):
                stack.extend(node.bases)
                stack.extend(node.body)  # a class body runs at once
            else:
                stack.extend(node.args.defaults + [d for d in node.args.kw_defaults if d is not None])
            continue
        if isinstance(node, ast.Lambda):
            stack.extend(node.args.defaults)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name == "*":
                    return reads, None
                binds.add((alias.asname or alias.name).split(".")[0])
            continue
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                reads.add(node.id)
            else:
                binds.add(node.id)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            reads.add(node.target.id)  # x += 1 reads x first
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            binds.update(node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            binds.add(node.name)
        stack.extend(ast.iter_child_nodes(node))
    reads -= local
    binds -= local
    return (reads if isinstance(statement, _READ_FIRST) else reads - binds), binds


#: Names that Jupyter, Colab, VS Code, file managers and browsers give new or copied files.
JUNK_NAME = lazy(
    r"(?i)^(?:untitled[^/]*|copy of .*|.*[ (_-]copy\d*\)?(?: \d+)?|.*\(\d+\)|.*-checkpoint"
    r"|.*[ _.-](?:backup|bak)\d*)\.ipynb$"
)
#: ``seed.ipynb.ipynb``: saved under a name that already ended in .ipynb.
_DOUBLED_SUFFIX = lazy(r"(?i)^.+\.ipynb\.ipynb$")
#: The sentence cookiecutter-data-science writes into every project's README.
_README_STATES_NAMING = lazy(r"(?i)naming\s+convention\s+is\s+a\s+number")
#: How far after that sentence its example may stand (the sentence runs over a few lines of a tree).
_EXAMPLE_WINDOW = 400
#: The example after the sentence: ``e.g. `1.0-jqp-initial-data-exploration```.
#: Between the words and the example may stand the lines of a tree drawing (``│``).
_README_EXAMPLE = lazy(
    r"(?i)(?:e\.\s?g\.?|for\s+example|such\s+as)[,:]?[\s\u2502\u251c\u2514\u2500|]+`([^`\r\n]{1,100})`"
)
#: An example of the three-part name: a number, initials, a description, each part's case kept.
_EXAMPLE_PARTS = lazy(r"(\d+(?:\.\d+)*)([-_.])([A-Za-z][A-Za-z0-9]*)([-_])([A-Za-z0-9][A-Za-z0-9_-]*)")
#: The most letters initials have; a longer middle part is a word of the topic (``02-supervised-learning``).
_LONGEST_INITIALS = 4


def pattern_from_example(example: str) -> str | None:
    """The naming pattern a README's example shows (``0_AB_topic`` -> number, ``_``, capitals ...)."""
    match = _EXAMPLE_PARTS.fullmatch(example.strip().removesuffix(NOTEBOOK_SUFFIX))
    if match is None:
        return None
    _, first, initials, second, topic = match.groups()

    def letters(part: str) -> str:
        if part.islower() or not any(char.isalpha() for char in part):
            return "a-z0-9"
        return "A-Z0-9" if part.isupper() else "A-Za-z0-9"

    first = first if first in "-_" else re.escape(first)
    words = letters(topic)
    # Initials written in capitals in an example are still initials in lower case (RMN, rmn).
    who = "a-z0-9" if initials.islower() else "A-Za-z0-9"
    return rf"^\d+(\.\d+)*{first}[{who}]+{second}[{words}][{words}_-]*\.ipynb$"


def readme_naming(repo: Repo) -> tuple[str, str | None] | None:
    """(the README that states the naming convention, its example or None), or None if none does."""

    def find() -> tuple[str, str | None] | None:
        readme = repo.find(*README_NAMES)
        text = repo.read_text(readme) if readme is not None else None
        stated = _README_STATES_NAMING.search(text or "")
        if readme is None or text is None or stated is None:
            return None
        example = _README_EXAMPLE.search(text, stated.end(), stated.end() + _EXAMPLE_WINDOW)
        return readme, (example.group(1).strip() if example else None)

    return repo.memo("readme-notebook-naming", find)


def _named_in_readmes(repo: Repo, path: str) -> bool:
    """Whether the README at the top, or one in the notebook's own folder or above, names the file."""
    name = path.rpartition("/")[2]
    folders = [""]
    parts = path.split("/")[:-1]
    folders.extend("/".join(parts[: depth + 1]) for depth in range(len(parts)))
    for folder in folders:
        readme = readme_in(repo, folder)
        if readme is not None and name in (repo.read_text(readme) or ""):  # read_text keeps each text
            return True
    return False


def _own_notebooks(repo: Repo) -> list[str]:
    """The project's own notebooks: not in tests, test data, vendored code, docs or examples."""

    def find() -> list[str]:
        return [
            path
            for path in repo.paths
            if path.lower().endswith(NOTEBOOK_SUFFIX)
            and not not_the_projects_own(repo, path)
            and not in_docs_or_examples(path)
        ]

    return repo.memo("own-notebooks", find)


class OSS304(_NotebookRule):
    """Notebook name does not follow the naming convention.

    ## What it does
    Reports names that Jupyter and other tools give new or copied notebooks
    (`Untitled.ipynb`, `Untitled1.ipynb`, `Copy of analysis.ipynb`,
    `analysis-Copy1.ipynb`, `analysis (1).ipynb`, `*-checkpoint.ipynb`), copies kept
    by hand (`analysis backup.ipynb`, `model_bak.ipynb`), a doubled
    extension (`seed.ipynb.ipynb`), and the copies Jupyter autosaves in
    `.ipynb_checkpoints/` (to take out of git and ignore; the other notebook rules
    leave those copies alone), and checks
    each notebook's name against the naming pattern. By default a name is a number
    that orders the notebooks, the author's initials and a short topic, in
    lowercase with dashes: `1.0-abc-data-cleaning.ipynb`. When the README states
    the convention with an example of its own (`e.g. 0_AB_data-exploration`), the
    pattern is the one that example shows. Where the repository did not adopt the
    conventions, the pattern applies only when the repository follows it already:
    its README states it (as cookiecutter-data-science's README does) or most of
    its notebooks are named number-initials-topic (a number in front alone only
    orders chapters, and proves no convention, and a second part that repeats a word
    of the notebook's folder, as `Parametric_UMAP/01.0-parametric-umap-basic.ipynb`
    does, is its topic, not initials); and a notebook that a README lists
    by its name is documented as it is. Notebooks in docs, examples and tutorials
    keep the names their pages link to, and notebooks of tests and vendored code
    are not the project's own.

    ## Why is this bad?
    `Untitled3.ipynb` and `final_v2 (copy).ipynb` say nothing about what is
    inside, in which order to read them, or whom to ask. A shared convention
    lets anyone find the right notebook and see how the analysis flows.

    ## Example
    `notebooks/Untitled1.ipynb`, `notebooks/Copy of analysis.ipynb`.

    ## How to fix
    Rename the file with `git mv`, e.g.
    `git mv notebooks/Untitled1.ipynb notebooks/2.1-abc-feature-selection.ipynb`,
    or delete it if it is a leftover. A team with another convention sets its own
    regular expression in `[tool.oss-checks.options.notebook-name]` as
    `pattern = "..."`.
    """

    name = "notebook-name"
    spares_dormant_files = True
    kind = Kind.CONVENTION
    elsewhere = (
        "names tools give new or copied notebooks (Untitled, Copy of, (1), .ipynb_checkpoints copies, a "
        "doubled .ipynb) everywhere, and the naming "
        "pattern where the README states it or most notebooks follow it already (number, initials "
        "and topic, not a number alone), except for notebooks a README lists by name."
    )
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
        # Decide from the name and the place first: most notebooks are never parsed here.
        if not_the_projects_own(repo, file.path):
            return
        if autosave_copy(file.path):
            folder = file.path[: file.path.index(".ipynb_checkpoints") + len(".ipynb_checkpoints")]
            yield self.finding(
                file.path,
                f"{file.name!r} is a copy Jupyter saved on its own, not a notebook of the project: take "
                f"the folder out of git with `git rm -r --cached {folder}` and add .ipynb_checkpoints/ "
                "to .gitignore",
            )
            return
        if _DOUBLED_SUFFIX.match(file.name):
            yield self.finding(
                file.path,
                f"notebook name {file.name!r} has its extension twice: rename it to {file.name[:-6]!r}",
            )
            return
        if JUNK_NAME.match(file.name):
            if valid_notebook(repo, file) is not None:
                yield self.finding(
                    file.path,
                    f"notebook name {file.name!r} is the name a tool gives a new or copied notebook and says "
                    f"nothing about what it holds: rename it after its topic (for example {NAME_EXAMPLE}), "
                    "or delete it if it is a leftover",
                )
            return
        if in_docs_or_examples(file.path):
            return
        pattern, example = self._pattern(repo)
        if pattern is None or _fits(pattern, file.name):
            return
        why = "" if self.in_full else self._followed_because(repo, pattern)
        if why is None or (not self.in_full and _named_in_readmes(repo, file.path)):
            return  # a README that lists the notebook by its name documents the name it has
        if valid_notebook(repo, file) is None:
            return
        shown = f", for example {example}" if example else ""
        yield self.finding(
            file.path,
            f"notebook name {file.name!r} does not match the naming pattern {pattern.pattern}{shown}{why}",
        )

    def _pattern(self, repo: Repo) -> tuple[re.Pattern[str] | None, str | None]:
        """The naming pattern and an example of it: the configured one, else the one the README's
        example shows. (None, None) when the README states a convention whose example it cannot read."""
        fits = NAME_EXAMPLE if search_within(self.pattern, NAME_EXAMPLE) else None
        if self.settings["pattern"] != DEFAULT_NAME_PATTERN:
            return self.pattern, fits
        stated = readme_naming(repo)
        if stated is None or stated[1] is None:
            return self.pattern, fits
        example = stated[1]
        derived = pattern_from_example(example)
        if derived is None:
            return None, None  # the README shows its own convention and it is not one we can read
        name = example if example.endswith(NOTEBOOK_SUFFIX) else example + NOTEBOOK_SUFFIX
        if derived == DEFAULT_NAME_PATTERN:
            return self.pattern, fits
        return repo.memo(("notebook-name-pattern", derived), lambda: re.compile(derived)), name

    def _followed_because(self, repo: Repo, pattern: re.Pattern[str]) -> str | None:
        """Why the pattern applies where the conventions were not adopted, or None when it does not."""

        def judge() -> str | None:
            stated = readme_naming(repo)
            if stated is not None:
                return f", which {stated[0]} sets"
            own = _own_notebooks(repo)
            following = _following_with_initials(own, pattern)
            return ", as most notebooks of this repository are named" if following * 2 > len(own) else None

        return repo.memo(("notebook-naming-followed", pattern.pattern), judge)


def _fits(pattern: re.Pattern[str], name: str) -> bool:
    """Whether ``name`` fits the naming pattern, which may be the repository's own: one that
    takes too long to tell is given the benefit of the doubt."""
    return search_within(pattern, name) is not False


def _following_with_initials(paths: list[str], pattern: re.Pattern[str]) -> int:
    """How many notebooks at ``paths`` are named ``pattern`` with initials as their second part.

    A number in front says only that notebooks are ordered: ``02-supervised-learning`` fits
    number-initials-topic by accident. A second part counts as initials when it is short or
    when several notebooks share it (one author's notebooks), unless it is a word of the
    notebook's folder (``Parametric_UMAP/01.0-parametric-umap-basic``): a folder groups
    notebooks by topic, not by author. Initials name the few people who write the notebooks,
    so numbered chapters whose second words mostly differ (``00-is-it-a-bird``,
    ``01-jupyter-101``, ``04-how-does-it-work``) follow no such convention: then none counts.
    """
    # A second part the folder repeats is a topic word, so such a notebook shows no initials.
    parts = {
        path: part
        for path in paths
        if (part := _second_part(path)) is not None and part not in _folder_words(path)
    }
    # A copy of the notebooks in another folder (clean/, solutions/) repeats every name.
    names = {path.rpartition("/")[2]: part for path, part in parts.items()}
    seconds = [part for name, part in names.items() if _fits(pattern, name)]
    shared = Counter(seconds)
    initials = [part for part in seconds if len(part) <= _LONGEST_INITIALS or shared[part] > 1]
    if len(set(initials)) > max(2, len(initials) // 3):
        return 0
    return sum(1 for part in parts.values() if part in initials)


def _folder_words(path: str) -> set[str]:
    """The words of the folders a file is in, lower-cased: ``Parametric_UMAP/x`` -> parametric, umap."""
    return set(re.findall(r"[a-z0-9]+", path.rpartition("/")[0].lower()))


def _second_part(path: str) -> str | None:
    match = _EXAMPLE_PARTS.match(path.rpartition("/")[2])
    return match.group(3).lower() if match else None


class OSS305(_NotebookRule):
    """Notebook is outside the notebook folders.

    ## What it does
    Where the repository adopted the conventions, reports notebooks that are not
    inside one of the configured folders (by default `notebooks*/`, `docs/`,
    `doc/`, `examples/`, `tutorials/` and `demo*/`). Elsewhere it reports only
    notebooks that stray from where the repository keeps the others (most
    notebooks are in a notebook, docs or example folder, at any depth, and this
    one is not), and notebooks inside the code of an importable package, outside
    a notebook folder there (unless pyproject.toml says the project is no package:
    `[tool.uv] package = false`, as a workspace of analyses does; a package that
    keeps a notebook folder inside, `pkg/notebooks/`, as some teams' templates
    have it, is where that team's notebooks belong, and only its strays are
    reported). Left alone there are notebooks where their authors
    present them: beside a README in their own folder, or linked (the notebook or
    its folder) from a README or a docs page, by a relative link or a GitHub,
    nbviewer, Colab or Binder address; notebooks that Jupyter Book, Quarto or MyST
    render as pages (a `_toc.yml`, `_quarto.yml` or `myst.yml` in their folder or
    above); and every stray of a repository whose
    README sends readers to its notebooks (links to them, or "Open in Colab" and
    Binder badges), as books and courses do: readers open them by their
    addresses. So are the steps of one workflow: two or more notebooks numbered
    in reading order (`00_prepare_data`, `01_filter`) in a folder below the top,
    and a notebook kept with the Python, R, shell or Julia scripts of its own folder
    (a tool's folder such as `scripts/compare_runs/`, no package), which reads what
    they write, and a notebook that imports a module of its own folder by its bare
    name (`from abracadabra import Magic` beside `abracadabra.py`), which runs from there.
    In a collection of projects (two or more folders side by side, at the top or
    inside one folder, each with a README and notebooks of its own: a volunteer
    group's projects, one folder per dataset or data source), each project is
    judged by where it keeps its own notebooks and a stray moves within it; where
    the repository itself is the collection, a notebook outside every project has
    no project's folder to go to and is left alone. Slide decks (RISE settings, or cells marked as slides) and
    notebooks in `talks/`, `slides/` or `presentations/` are presentation
    material, kept with their pictures like docs, and are never reported; nor
    are tests, nor a Kaggle kernel's notebook (beside its `kernel-metadata.json`,
    as `kaggle kernels push` uploads the folder). The suggested move goes to the
    folder named for notebooks that holds most of the repository's notebooks
    (`python/notebooks/`), outside package code where there is one, else, where
    the conventions were not adopted, to the docs or examples folder that holds
    most; never onto a file that exists.

    ## Why is this bad?
    Notebooks scattered next to the package code or at the top of the repository
    get imported by accident, end up in the built package, and make it hard to
    see which code is reusable and which is exploration.

    ## Example
    `analysis.ipynb` at the top of a repository that keeps its notebooks in
    `notebooks/`, or `src/mypackage/try.ipynb`.

    ## How to fix
    Move the notebook with `git mv analysis.ipynb notebooks/1.0-abc-analysis.ipynb`
    (the message names a target that does not exist yet) and fix the relative
    paths it reads. If the notebook is where readers should find it, link it from
    the README. Move reusable code from notebooks into the package under
    `src/`. Other folders can be allowed with `folders = [...]` under
    `[tool.oss-checks.options.notebook-location]`.
    """

    name = "notebook-location"
    spares_dormant_files = True
    kind = Kind.CONVENTION
    elsewhere = (
        "notebooks that stray from the folder where the repository keeps most of them, and notebooks "
        "inside the code of a package that keeps no notebook folder of its own; never notebooks in docs, "
        "examples, tutorials or tests, slide decks and talks, Kaggle kernels, notebooks beside a README of their own or "
        "linked from a README or docs page, the pages of a Jupyter Book, Quarto or MyST site, a numbered series in a folder of its own, nor the notebooks of "
        "a book or course whose README sends readers to them."
    )
    stakeholders = (Stakeholder.DATA_SCIENCE,)
    options: ClassVar[Mapping[str, Option]] = {
        "folders": Option(
            list,
            list(NOTEBOOK_FOLDERS),
            "folders (relative to the repository root, * allowed) where notebooks belong",
            item_kind=str,
        ),
    }

    def check_file(self, repo: Repo, file: SourceFile) -> Iterator[Finding]:
        path = file.path
        if not_the_projects_own(repo, path) or autosave_copy(path):
            return  # an autosave copy is to delete, not to move: OSS304 says so
        where: str | None
        if self.in_full:
            folders: list[str] = self.settings["folders"]
            shown = ", ".join(f"{folder.strip('/')}/" for folder in folders) or "none configured"
            where = None if in_folders(path, folders) else f"outside the notebook folders ({shown})"
        else:
            where = self._stray(repo, path)
        if where is None or in_presentation_folder(path) or _kaggle_kernel(repo, path):
            return  # a talk's notebook is kept with its slides and pictures, as docs are
        notebook = valid_notebook(repo, file)
        if notebook is None or is_slideshow(notebook):
            return
        yield self.finding(path, f"notebook is {where}: move it, e.g. to {self._target(repo, file)}")

    def _stray(self, repo: Repo, path: str) -> str | None:
        """Why the notebook at ``path`` is out of place where the conventions were not adopted."""
        if in_notebook_folder(path) or in_docs_or_examples(path) or _beside_readme(repo, path):
            return None
        if presented(repo, path):
            return None  # a README or docs page sends readers to it where it is
        if _in_a_numbered_series(repo, path):
            return None  # the steps of one workflow, kept together in their own folder
        folder = path.rpartition("/")[0]
        importable = bool(folder) and repo.exists(f"{folder}/__init__.py")
        if folder and not importable and _beside_scripts(repo, folder):
            return None  # a tool's folder: the notebook reads what the scripts beside it write
        if folder and _imports_a_neighbour(repo, path, folder):
            return None  # `from abracadabra import X` with abracadabra.py beside it: moved, it breaks
        package = next((folder for folder in code_packages(repo) if path.startswith(folder + "/")), None)
        if package is not None and not _keeps_notebooks_inside(repo, package):
            return f"inside the code of the package {package}/"
        if rendered_as_pages(repo, path):
            return None  # a page of a Jupyter Book, Quarto or MyST site: moved, its address breaks
        if read_as_notebooks(repo):
            return None  # a book or a course: its notebooks' places are the addresses its readers open
        project = _subproject(repo, path)
        if project == "":
            return None  # at the top of a collection of projects: no one project's folder is its place
        placed = repo.memo(
            ("notebooks-in-notebook-folders", project), lambda: _share_in_folders(repo, project)
        )
        if placed is not None:
            where = "this repository" if project is None else f"the project {project}/"
            return f"outside the notebook folders where {where} keeps {placed}"
        return None

    def _target(self, repo: Repo, file: SourceFile) -> str:
        """Where to move the notebook: the folder that holds most notebooks, under a name no file has yet."""
        project = None if self.in_full else _subproject(repo, file.path)
        folder = repo.memo(
            ("notebook-home", self.in_full, project, *self.settings["folders"]),
            lambda: self._home(repo, project),
        )
        stem = file.name[: -len(NOTEBOOK_SUFFIX)]
        parent = file.parts[-2] if len(file.parts) > 1 else ""
        candidates = [
            file.name,
            *([f"{parent}-{file.name}"] if parent else []),
            *(f"{stem}-{n}.ipynb" for n in range(2, 10)),
        ]
        for name in candidates:
            if not repo.exists(f"{folder}/{name}"):
                return f"{folder}/{name}"
        return f"{folder}/"

    def _home(self, repo: Repo, project: str | None = None) -> str:
        """The notebook folder that holds most of the project's notebooks, outside package code.

        A notebook folder is the path up to the first folder named for notebooks
        (``python/notebooks``); where the conventions apply in full only one inside the
        configured folders counts. Without one, the first configured folder.
        """
        configured: list[str] = self.settings["folders"]
        packages = tuple(folder + "/" for folder in repo.package_dirs)
        homes: Counter[str] = Counter()
        # A team whose template keeps notebooks inside the package (pkg/notebooks/) moves
        # them there; a folder outside package code wins where there is one.
        inside: Counter[str] = Counter()
        for path in _projects_notebooks(repo):
            if project and not path.startswith(project + "/"):
                continue  # a collection's project moves its notebooks within itself
            home = _notebook_home(path)
            if home is None or (self.in_full and not in_folders(path, configured)):
                continue
            (inside if (home + "/").startswith(packages) else homes)[home] += 1
        if not self.in_full and not homes and not inside:
            # The message counted docs and example folders as where the notebooks are kept, so
            # the move goes to one of those, not to a notebooks/ folder nobody made.
            for path in _projects_notebooks(repo):
                home = _documentation_home(path)
                if home is not None and (not project or path.startswith(project + "/")):
                    homes[home] += 1
        for counted in (homes, inside):
            if counted:
                return min(counted, key=lambda home: (-counted[home], home.count("/"), home))
        first = configured[0].strip().strip("/").replace("*", "") if configured else ""
        return first or "notebooks"


def _up_to_first_folder(path: str, wanted: Callable[[str], bool]) -> str | None:
    """The path up to the first of its folders whose name is ``wanted``, if any."""
    parts = path.split("/")[:-1]
    depth = next((index for index, part in enumerate(parts) if wanted(part)), None)
    return None if depth is None else "/".join(parts[: depth + 1])


def _notebook_home(path: str) -> str | None:
    """The path up to the first folder named for notebooks (``python/notebooks``), if any."""
    return _up_to_first_folder(path, lambda name: "notebook" in name.lower())


def _kaggle_kernel(repo: Repo, path: str) -> bool:
    """Whether the notebook is a Kaggle kernel's code: `kaggle kernels push` uploads the folder
    its ``kernel-metadata.json`` is in, so the notebook must stay beside that file."""
    folder = path.rpartition("/")[0]
    return repo.exists(f"{folder}/kernel-metadata.json" if folder else "kernel-metadata.json")


def _documentation_home(path: str) -> str | None:
    """The path up to the first docs or examples folder (``pkg/docs``, ``examples``), if any."""
    return _up_to_first_folder(path, is_docs_or_examples_folder)


#: Scripts a notebook may read the results of: Python, R, shell and Julia.
_SCRIPT_SUFFIXES = (".py", ".r", ".sh", ".jl")


#: The first module an import statement of a code cell names: ``import x.y`` or ``from x import y``.
_IMPORTED_MODULE = lazy(r"(?m)^[ \t]*(?:from|import)[ \t]+([A-Za-z_]\w*)")


def _imports_a_neighbour(repo: Repo, path: str, folder: str) -> bool:
    """Whether the notebook imports, by its bare name, a module kept in its own folder: it runs
    from that folder, so its place is part of its code."""

    def by_folder() -> dict[str, set[str]]:
        modules: dict[str, set[str]] = {}
        for other in repo.paths:
            place, _, name = other.rpartition("/")
            if name.endswith(".py") and name != "__init__.py":
                modules.setdefault(place, set()).add(name.removesuffix(".py"))
        return modules

    neighbours = repo.memo("python-modules-by-folder", by_folder).get(folder)
    if not neighbours:
        return False
    cells = read_notebook(repo, path).cells
    return any(
        match.group(1) in neighbours
        for cell in cells
        if cell.cell_type == "code"
        for match in _IMPORTED_MODULE.finditer(cell.source)
    )


def _beside_scripts(repo: Repo, folder: str) -> bool:
    """Whether ``folder`` (no package) also holds scripts: a tool's own folder, whose notebook
    reads what those scripts write by a name relative to it, so moving it breaks it."""
    folders = repo.memo(
        "folders-with-scripts",
        lambda: frozenset(
            path.rpartition("/")[0] for path in repo.paths if path.lower().endswith(_SCRIPT_SUFFIXES)
        ),
    )
    return folder in folders


def _keeps_notebooks_inside(repo: Repo, package: str) -> bool:
    """Whether the project keeps a folder of notebooks inside ``package`` (``pkg/notebooks/``),
    as some teams' templates have it: then the package is where its notebooks belong."""
    prefix = package + "/"
    return repo.memo(
        ("notebook-folder-inside", package),
        lambda: any(
            path.startswith(prefix) and (_notebook_home(path) or "").startswith(prefix)
            for path in _projects_notebooks(repo)
        ),
    )


#: A name that puts a notebook in a reading order: ``00_prepare``, ``2-train``, ``03.clean``.
_ORDERED_NAME = lazy(r"^(\d{1,3})[-_. ]")


def _in_a_numbered_series(repo: Repo, path: str) -> bool:
    """Whether the notebook is one of a numbered series (``00_prepare``, ``01_filter``, ``02_eval``)
    that has a folder below the top of its own: its author placed the steps together."""
    folder, _, name = path.rpartition("/")
    if not folder or not _ORDERED_NAME.match(name):
        return False

    def numbers_by_folder() -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for other in _projects_notebooks(repo):
            where, _, own = other.rpartition("/")
            match = _ORDERED_NAME.match(own)
            if where and match:
                found.setdefault(where, set()).add(match.group(1))
        return found

    return len(repo.memo("numbered-notebooks-by-folder", numbers_by_folder).get(folder, ())) >= 2


def _projects_notebooks(repo: Repo) -> list[str]:
    """The project's own notebooks: not those of tests, test data, vendored or retired code."""
    return repo.memo(
        "own-notebook-paths",
        lambda: [
            path
            for path in repo.paths
            if path.lower().endswith(NOTEBOOK_SUFFIX) and not not_the_projects_own(repo, path)
        ],
    )


def _beside_readme(repo: Repo, path: str) -> bool:
    """Whether a README sits in the notebook's own folder (not the repository's top), or a
    README of another name there (``README_deputyship.md``) names the notebook: a part of the
    project documented where it is."""
    folder, _, name = path.rpartition("/")
    if not folder:
        return False
    if readme_in(repo, folder) is not None:
        return True
    return any(repo.contains(readme, name) for readme in _named_readmes(repo).get(folder, ()))


def _named_readmes(repo: Repo) -> dict[str, list[str]]:
    """The READMEs with a name of their own (``README_model.md``, ``readme-data.txt``), by folder."""

    def find() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for listed in repo.paths:
            folder, _, name = listed.rpartition("/")
            stem, dot, suffix = name.lower().partition(".")
            if (
                folder
                and len(stem) > 6
                and stem.startswith("readme")
                and (not dot or suffix in _README_SUFFIXES)
            ):
                found.setdefault(folder, []).append(listed)
        return found

    return repo.memo("named-readmes", find)


#: What a README is written in: Markdown, reStructuredText or plain text.
_README_SUFFIXES = frozenset({"md", "markdown", "rst", "txt"})


def _subprojects(repo: Repo) -> frozenset[str]:
    """The folders that are projects of their own, in a repository (or a folder of it) that
    collects several: a volunteer group's projects, one folder per dataset or data source
    (``volumes/miovision/``, ``volumes/vds/``). Each has its README and notebooks, and at least
    two sit side by side. Folders for notebooks, docs and examples are no projects."""

    def find() -> frozenset[str]:
        candidates: set[str] = set()
        for path in _projects_notebooks(repo):
            parts = path.split("/")[:-1]
            candidates.update("/".join(parts[: depth + 1]) for depth in range(len(parts)))
        by_parent: dict[str, list[str]] = {}
        for folder in sorted(candidates):
            inside = f"{folder}/x.ipynb"
            if in_notebook_folder(inside) or in_docs_or_examples(inside):
                continue
            if readme_in(repo, folder) is not None:
                by_parent.setdefault(folder.rpartition("/")[0], []).append(folder)
        return frozenset(folder for folders in by_parent.values() if len(folders) >= 2 for folder in folders)

    return repo.memo("notebook-subprojects", find)


def _subproject(repo: Repo, path: str) -> str | None:
    """The project of a collection the notebook belongs to (the nearest one above it); "" for
    one outside all of them where the repository itself is the collection (at its top, in a
    folder of no project); None where no collection holds it."""
    projects = _subprojects(repo)
    if not projects:
        return None
    parts = path.split("/")[:-1]
    for depth in range(len(parts), 0, -1):
        folder = "/".join(parts[:depth])
        if folder in projects:
            return folder
    top_level = any("/" not in project for project in projects)
    return "" if top_level else None


def _share_in_folders(repo: Repo, project: str | None = None) -> str | None:
    """How many of the project's notebooks live in notebook, docs or example folders, when that
    is most; within one project of a collection when ``project`` names it."""
    notebooks = [
        path for path in _projects_notebooks(repo) if project is None or path.startswith(project + "/")
    ]
    placed = sum(
        1
        for path in notebooks
        if in_notebook_folder(path) or in_docs_or_examples(path) or in_presentation_folder(path)
    )
    if placed >= 2 and placed * 2 > len(notebooks):
        return f"{placed} of its {len(notebooks)} notebooks"
    return None


class OSS306(_NotebookRule):
    """Notebook does not record which kernel or language it runs on.

    ## What it does
    Checks the notebook's metadata for `kernelspec` (with a kernel `name`) and
    `language_info` (with a language `name`), which Jupyter writes when a notebook
    is saved from a running kernel, and reports a notebook that has neither. One of
    them is enough to tell the notebook's language: Colab keeps only `kernelspec`,
    and documentation builds that run notebooks choose the kernel themselves. A
    notebook saved in the old nbformat 3 counts the language its code cells name, and
    a notebook exported from Databricks the `language` of its Databricks metadata (the
    cluster it is attached to is its kernel). Notebooks of tests, test data and vendored code are left alone.

    ## Why is this bad?
    Without them, Jupyter asks every reader to pick a kernel, documentation tools
    cannot highlight or run the code, and nobody can tell whether the notebook is
    Python, R or Julia without opening it. Such a notebook was usually written by
    a tool, or never run.

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
    spares_dormant_files = True
    stakeholders = (Stakeholder.DATA_SCIENCE,)

    def check_notebook(self, path: str, notebook: Notebook) -> Iterator[Finding]:
        metadata = notebook.metadata
        databricks = metadata.get(_DATABRICKS_METADATA)
        if isinstance(databricks, dict) and isinstance(databricks.get("language"), str):
            return  # a Databricks export names its language there, and the cluster is its kernel
        if not (_named(metadata.get("kernelspec")) or _named(metadata.get("language_info"))):
            yield self.finding(
                path,
                "notebook metadata has no kernelspec.name and no language_info.name, so nothing says "
                "which kernel or language it runs on: select a kernel in Jupyter, run the notebook and save it",
            )


#: Where a notebook exported from Databricks keeps its own metadata, its language among it.
_DATABRICKS_METADATA = "application/vnd.databricks.v1+notebook"


def _named(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("name"), str) and bool(value["name"].strip())


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
    reported_when_dormant = True
    stakeholders = (Stakeholder.LEGAL, Stakeholder.DATA_SCIENCE)
    everywhere = True  # a credential is a credential wherever it is

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
