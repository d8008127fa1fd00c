"""Paths that exist on one computer only, found in Python source, notebook cells and plain text.

The work is linear in the text and nearly all of it runs in C: one regular expression
finds the few places where such a path may start (``/home/``, ``C:\\``, ``~/`` ...; a URL's
``://`` is not one), the full path expression confirms each of them, and only a text that
holds a confirmed path is walked for its string literals (:mod:`oss_checks.text.python_strings`)
to tell code from comments and docstrings. No candidate is looked at twice, and line
numbers are counted once, from one hit to the next.

Some absolute paths are the same on every computer and are not reported: the users of
CI runners and container images (``/home/runner``, ``/home/jovyan``), placeholders
(``/home/user``, ``/home/$USER``), Windows system folders (``C:\\Program Files``, ``C:\\etc``),
and below ``~`` the hidden folders tools keep per user (``~/.cache``), conda's default
installs (``~/anaconda3``) and the data folders of well-known libraries (``~/mne_data``). In Python, a path given as a default (``default="/mnt/x"`` of a
command-line option, or the default of a function's parameter in a module) is what a caller
overrides, not what the code insists on, and is not reported either.
"""

from __future__ import annotations

import ast
import bisect
from collections.abc import Iterator
from typing import NamedTuple

from oss_checks.formats import parse_python
from oss_checks.patterns import lazy
from oss_checks.text.markup import run_chunks
from oss_checks.text.python_strings import StringSpan, string_spans

#: What may stand right before a path: the start, a quote, a separator or an operator, so
#: ``https://host/home/x`` (a URL) and ``f"{root}/home"`` (built from a variable) do not count.
_LEFT = r"(?:(?<![^\s'\"`=(\[{,;:<>|])|(?<=file://))"
_NAME = r"[^/\\\s'\"`)\]},;:]+"
#: A character a file or folder name starts with.
_PATH_CHAR = r"[\w$~.-]"
#: What the first folder name after ``C:\`` may hold (no line end, no quote, no format mark).
_FIRST_NAME = r"[^\\\r\n'\"`%{<>|?*]"
_PATH = lazy(
    _LEFT
    + r"(?:"
    # A Databricks user's own folder of the workspace, ``/Workspace/Users/ana@org.uk``, is a home.
    + rf"(?P<home>/(?:Workspace/)?(?:Users|home)/{_NAME})"
    + rf"|(?P<mount>/(?:mnt|media|Volumes)/{_NAME})"
    # ``C:/x`` or ``C:\\x`` (escaped in Python source) always; ``C:\x`` only when its first name
    # goes on to a second folder or ends in a file extension, and holds no ``%`` or ``{``:
    # ``"a:\tb"`` is a tab and ``"N:\t%d\n"`` a format, not paths. Blanks may stand in that
    # first name (``C:\My Data\x``) because a quoted path keeps them.
    + rf"|(?P<drive>[A-Za-z]:(?:/{{1,2}}|\\\\)(?={_PATH_CHAR})"
    + rf"|[A-Za-z]:\\(?={_PATH_CHAR}{_FIRST_NAME}*(?:\\|\.[A-Za-z0-9]{{1,5}}(?![A-Za-z0-9]))))"
    + r"|(?P<tilde>[~]/(?=[^\s'\"`]))"
    # ``\\server\share`` right after a quote: a network share, its backslashes doubled in source
    # (four, then two) or not (two, then one, in a raw string: see _unc_share). The host starts
    # with a letter and has two or more, so ``"\\d+"`` is no share, and two then two is a regex's
    # escapes written in source (R's ``"\\sand\\s"``), whose value holds one backslash.
    # R on Windows writes shares with slashes, ``"//server/share/..."``: a host without a dot,
    # so a web address without its scheme (``"//cdn.example.org/x.js"``) is none.
    + r"|(?<=['\"])(?P<unc>(?:\\\\\\\\[A-Za-z][\w.-]+(?:\\{1,2}|/)|\\\\[A-Za-z][\w.-]+(?:\\(?!\\)|/)"
    + r"|//[A-Za-z][\w-]+/)[\w$.-])"
    + r")[^\s'\"`<>|]*"
)
#: Where a path may start; every alternative begins with a fixed character, so the search runs
#: at C speed, and ``://`` (every URL) is no candidate, unless a lone letter stands before it:
#: no URL scheme is one letter, so ``J://Projects`` is a drive written with a doubled slash.
#: ``:`` stands one after a drive letter. The drive's look-behind stays inside the ``:``
#: alternative: an alternative that starts with a look-behind makes the engine try every
#: position (nine times as slow on numpy's sources).
_CANDIDATE = lazy(
    r"/(?:Users/|home/|Workspace/Users/|mnt/|media/|Volumes/|(?<=['\"]/)/[A-Za-z])|:(?:/(?!/)|\\|(?<=(?<![\w+.-])[A-Za-z]:)(?=//\w))|~/"
    # A network share starts at its first backslash, which a look-behind checks follows a quote:
    # an alternative that starts with the quote would stop at every string (six times as slow).
    r"|\\(?<=['\"]\\)(?:\\|\\\\\\)[A-Za-z]"
)
_WINDOWS_HOME = lazy(r"(?i)[a-z]:(?:/|\\\\|\\)users(?:/|\\\\|\\)")
_SEPARATORS = lazy(r"[/\\]+")
#: What a quoted POSIX path with blanks does not hold: line ends, quotes, escapes, and the marks
#: of a format or a shell command around it (a path goes on to "%s", "{x}", "| tee").
_NOT_IN_POSIX_QUOTED = lazy(r"[\"'`\\\t\r\n%{}$|;&<>]")
#: Characters Windows does not allow in a file name: a quoted path stops before them.
_NOT_IN_WINDOWS_PATH = lazy(r"[<>\"|?*\t\r\n\x00]")
#: Python escapes: in a string that is not raw, ``C:\t`` holds a tab, not a folder.
_ESCAPE_LETTERS = frozenset("abfnrtv01234567xNuU\r\n")
#: str.splitlines' line ends: line numbers must agree with the engine's inline ignores.
_LINE_BREAK = lazy(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

PLACES = {
    "home": "someone's home folder",
    "mount": "a drive mounted on one computer",
    "drive": "a Windows drive of one computer",
    "unc": "a network share",
    "tilde": "the home folder of whoever runs it",
}
#: Users that are the same on every machine of a kind: CI runners, container images, cloud VMs,
#: the service accounts of schedulers and clusters (Airflow's ``/home/airflow``, the sessions of
#: Cloudera's data science workbench in ``/home/cdsw``), and
#: placeholders in documentation.
GENERIC_USERS = frozenset(
    {
        "runner", "runneradmin", "vssadministrator", "jovyan", "ubuntu", "coder", "vscode",
        "codespace", "gitpod", "travis", "circleci", "ec2-user", "centos", "debian", "fedora",
        "vagrant", "node", "appuser", "user", "username", "yourname", "your_name", "your-name",
        "yourusername", "your_username", "me", "you", "someone", "shared", "public", "default",
        "all users", "default user", "guest", "airflow", "jenkins", "gitlab-runner", "azureuser",
        "hadoop", "spark", "www-data", "sagemaker-user", "rstudio", "jupyter", "cdsw", "app",
    }
)  # fmt: skip
#: The users of cloud virtual machines' images: each VM is one computer, so a clone of the
#: repository in such a home is one computer's (a container user's is every container's).
_VM_USERS = frozenset({"ubuntu", "ec2-user", "azureuser", "centos", "debian", "fedora", "vagrant"})
#: Windows folders that are the same on every Windows computer: the system's own, and the
#: POSIX-style system folders that ports of Unix tools (Cygwin, MSYS2) and cross-platform
#: programs keep at the top of a drive (``C:\etc\tool`` next to ``/etc/tool``).
_WINDOWS_SYSTEM = frozenset(
    {
        "program files", "program files (x86)", "program", "windows", "winnt", "programdata",
        "etc", "tmp", "temp", "usr", "opt", "var", "bin", "cygwin", "cygwin64", "msys64", "msys2",
    }
)  # fmt: skip
# "program": an unquoted C:\Program Files stops at the blank
#: Below ``~``: where conda installs by default (hidden folders are matched by their dot).
_TOOL_HOMES = frozenset({"anaconda3", "anaconda", "miniconda3", "miniconda", "miniforge3", "mambaforge"})
#: Below ``~``: where applications keep each user's settings, the same on every computer of
#: a system (RStudio's ``~/AppData/Roaming/RStudio/templates``, ``~/Library/Application Support``).
_SETTINGS_HOMES = (
    "AppData/Roaming/",
    "AppData/Local/",
    "Library/Application Support/",
    "Library/Preferences/",
)
#: Below ``~``: the folders well-known libraries download their datasets and models into by
#: default, named the same on every computer (``mne.datasets`` uses ``~/mne_data``).
_LIBRARY_DATA_HOMES = frozenset(
    {
        "mne_data", "nilearn_data", "scikit_learn_data", "seaborn-data", "tensorflow_datasets",
        "nltk_data", "gensim-data", "stanza_resources", "ray_results",
    }
)  # fmt: skip
_SHOWN_CHARS = 60


class PathHit(NamedTuple):
    line: int  # 1-based, counted as str.splitlines counts
    col: int  # 1-based
    path: str
    kind: str  # a key of PLACES
    #: Where the string literal that holds the path starts (Python source only).
    literal_at: int = -1

    @property
    def place(self) -> str:
        return PLACES[self.kind]

    @property
    def shown(self) -> str:
        return shown(self.path)


def shown(path: str) -> str:
    return path if len(path) <= _SHOWN_CHARS else path[: _SHOWN_CHARS - 1] + "…"


def _parts(path: str, count: int = 4) -> list[str]:
    """The first ``count`` names of ``path`` (the rest stays joined in a last item)."""
    return [part for part in _SEPARATORS.split(path.lstrip("/\\"), count) if part]


#: ``name/entry`` (lower case) for the repository's own checkout: its name, then one of the
#: files or folders at its top. A path into it is where one computer cloned it.
Clone = frozenset[str]


#: ``path/to`` as two whole folders: how documentation writes "put your own folder here".
_PATH_TO = lazy(r"(?i)(?:^|[/\\~])path[/\\]+to(?:[/\\]|$)")


def is_generic(path: str, kind: str, clone: Clone = frozenset()) -> bool:
    """Whether ``path`` is the same on every computer of its kind (not one person's).

    A cloud VM user's home holds one computer's clone of the repository when the path goes
    on into it (``/home/ubuntu/<name>/experiments/...``): the code then runs only where the
    repository was cloned to that folder.
    """
    if _PATH_TO.search(path):
        return True  # documentation's stand-in: "~/path/to/where/you/want/the/repo"
    if kind == "home":
        # /home/<user>, /Users/<user>, C:\Users\<user>, and a workspace's /Workspace/Users/<user>
        path = path.removeprefix("/Workspace")
        parts = path.split("/", 3) if path.startswith("/") else _parts(path, 3)  # ["", "home", user, ...]
        user = parts[2] if len(parts) > 2 else ""
        if user[:1] in "$%{<*":
            return True
        if user.lower() not in GENERIC_USERS:
            return False
        return not (clone and user.lower() in _VM_USERS and len(parts) > 3 and _into_clone(parts[3], clone))
    if kind == "tilde":
        first = path[2:].split("/", 1)[0]
        if first[:1] in "$%{<*":
            return True  # ~/{dest}: a folder filled in at run time, no fixed one
        if path[2:].startswith(_SETTINGS_HOMES):
            return True
        return first.startswith(".") or first.lower() in _TOOL_HOMES or first.lower() in _LIBRARY_DATA_HOMES
    if kind == "drive":
        parts = _parts(path, 2)
        return len(parts) > 1 and parts[1].lower() in _WINDOWS_SYSTEM
    if kind == "mount":
        # /Volumes/{catalog}/...: a name filled in at run time (a Databricks catalog), no one drive
        parts = _parts(path, 2)
        return len(parts) > 1 and parts[1][:1] in "$%{<*"
    return False


#: A cloud VM user's home, the only place :func:`is_generic` looks for the repository's clone.
_VM_HOME = lazy(r"(?i)[/\\](?:home|users)[/\\]+(?:" + "|".join(sorted(_VM_USERS)) + r")[/\\]")


def mentions_vm_home(text: str) -> bool:
    """Whether ``text`` holds a cloud VM user's home folder: only then is a clone to be told apart."""
    return _VM_HOME.search(text) is not None


def _into_clone(rest: str, clone: Clone) -> bool:
    """Whether ``rest``, the path below a home folder, starts with the checkout's name and an entry at its top."""
    names = _parts(rest, 2)[:2]
    return len(names) == 2 and f"{names[0]}/{names[1]}".lower() in clone


def machine_root(path: str, kind: str) -> str | None:
    """The folder that makes ``path`` one computer's: ``/home/ana/project``, ``d:/work``; None for ``~``.

    Two paths with the same root point into the same place (a notebook's output shows the
    folder its code hard-codes). Separators become ``/``; Windows paths compare in lower case.
    """
    if kind == "tilde":
        return None
    parts = _parts(path)
    depth = {"home": 3, "mount": 2, "drive": 2, "unc": 2}[kind]
    if parts and parts[0].endswith(":"):
        depth += 1 if kind == "home" else 0
        return "/".join(parts[:depth]).lower()
    return "/" + "/".join(parts[:depth])


#: The longest path Windows allows (MAX_PATH): how far a quoted path may run on.
_LONGEST_WINDOWS_PATH = 260


class _Found(NamedTuple):
    start: int
    end: int
    path: str
    kind: str


def _confirm(text: str, at: int) -> _Found | None:
    """The path that starts at ``at`` (where a candidate points), if the full expression confirms it.

    A backslash ends a POSIX path (in source it starts an escape such as ``\\n``). A Windows
    path right after a quote runs on to the closing quote, spaces included
    (``"C:\\Program Files\\x"``), when the quote closes within the longest path Windows
    allows and nothing between is impossible in a Windows path (a line end, ``"``, ``|`` ...).
    """
    match = _PATH.match(text, at)
    if match is None:
        return None
    path = match.group()
    end = match.end()
    kind = match.lastgroup or "home"
    if kind == "unc":
        return _Found(at, end, path, kind) if _unc_share(text, at, path) else None
    if kind != "drive":
        cut = path.find("\\")
        if cut >= 0:
            return _Found(at, at + cut, path[:cut], kind)
        # Right after a quote, a POSIX path keeps its blanks to the closing quote
        # ("~/UKFSR/theme 2/files"), as a Windows one does below.
        quote = text[at - 1] if at > 0 else ""
        if quote in ("'", '"') and end < len(text) and text[end] == " ":
            closing = text.find(quote, end, at + _LONGEST_WINDOWS_PATH)
            if closing > end and _NOT_IN_POSIX_QUOTED.search(text, end, closing) is None:
                return _Found(at, closing, text[at:closing], kind)
        return _Found(at, end, path, kind)
    if _WINDOWS_HOME.match(path):
        kind = "home"
    quote = text[at - 1] if at > 0 else ""
    if quote in ("'", '"'):
        closing = text.find(quote, end, at + _LONGEST_WINDOWS_PATH)
        if closing > end and _NOT_IN_WINDOWS_PATH.search(text, end, closing) is None:
            return _Found(at, closing, text[at:closing], kind)
    return _Found(at, end, path, kind)


#: Words of a line that queries a document, where ``"//item/title"`` is an XPath, not a share.
_QUERIES = lazy(r"(?i)xpath|xml_find|html_node|html_element|findall|iterfind|\.find\(|selectnodes")


class _QueryLines:
    """Where a text's lines start and where it names a document query, found once per text:
    asking each candidate's line again would read a long line once per share on it."""

    _last: _QueryLines | None = None

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0]
        at = text.find("\n")
        while at != -1:
            self.line_starts.append(at + 1)
            at = text.find("\n", at + 1)
        found = list(_QUERIES.finditer(text))
        self.query_starts = [match.start() for match in found]
        self.query_ends = [match.end() for match in found]

    @classmethod
    def of(cls, text: str) -> _QueryLines:
        # The candidates of one text are confirmed one after another: keep the last text's.
        if cls._last is None or cls._last.text is not text:
            cls._last = cls(text)
        return cls._last

    def queries_before(self, at: int) -> bool:
        """Whether a query word lies wholly on ``at``'s line, before ``at``."""
        line_start = self.line_starts[bisect.bisect_right(self.line_starts, at) - 1]
        first = bisect.bisect_left(self.query_starts, line_start)
        return first < len(self.query_ends) and self.query_ends[first] <= at


#: A raw string's prefix right before its quote (``r"``, ``rb"``, ``Rf"``): backslashes stay as written.
_RAW_PREFIX = lazy(r"(?<![\w])(?:[rR][bBfF]?|[bBfF][rR])$")


def _unc_share(text: str, at: int, path: str) -> bool:
    """Whether the share-like ``path`` at ``at`` (right after a quote) is a network share.

    Four backslashes are two in the string. Two are two only in a raw string: elsewhere
    ``"\\\\toprule\\n"`` is LaTeX and ``"\\\\n\\s+"`` a regex. The slash form is a share when
    it names a place below the share (``//server/share/...`` or ``//server/share/``), with no
    ``:`` (a Bazel label, ``//pkg/tools:build``), no XPath predicate, on a line that queries no
    document, and not this computer (``//localhost/...``).
    """
    if path.startswith("\\\\\\\\"):
        return True
    if path.startswith("\\\\"):
        return _RAW_PREFIX.search(text, max(at - 3, 0), at - 1) is not None
    names = path[2:].split("/")
    # XPath's marks: a predicate, an attribute, a wildcard, a function (``text()``); a share's
    # file may hold brackets of its own (``Data(2019).csv``).
    if names[0].lower() == "localhost" or "()" in path or any(mark in path for mark in ":[@*"):
        return False
    if sum(1 for name in names if name) < 3 and not path.endswith("/"):
        return False
    return not _QueryLines.of(text).queries_before(at)


def _starts(text: str) -> Iterator[int]:
    """Where a path may start, in order (one before the ``:`` for a drive)."""
    for candidate in _CANDIDATE.finditer(text):
        at = candidate.start()
        yield at - 1 if text[at] == ":" else at


def _confirmed(text: str) -> Iterator[_Found]:
    """Every path the full expression confirms, in order and without overlap."""
    taken = 0
    for at in _starts(text):
        if at >= taken:
            found = _confirm(text, at)
            if found is not None:
                taken = found.end
                yield found


#: Line ends other than ``\n`` and ``\r\n``, which str.splitlines also counts.
_OTHER_LINE_BREAK = lazy(r"\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


class _Lines:
    """1-based (line, column) of offsets asked in increasing order, counting each stretch once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line = 1
        self.line_start = 0
        self.counted_to = 0
        self.only_newlines = _OTHER_LINE_BREAK.search(text) is None

    def __call__(self, offset: int) -> tuple[int, int]:
        text, begin = self.text, self.counted_to
        if offset > begin:
            if self.only_newlines:
                count = text.count("\n", begin, offset)
                if count:
                    self.line += count
                    self.line_start = text.rfind("\n", begin, offset) + 1
            else:
                for found in _LINE_BREAK.finditer(text, begin, offset):
                    self.line += 1
                    self.line_start = found.end()
            self.counted_to = offset
        return self.line, offset - self.line_start + 1


def text_path_hits(text: str, *, tilde: bool = True, clone: Clone = frozenset()) -> list[PathHit]:
    """Paths in plain text (output, a shell command), generic ones left out (see :func:`is_generic`)."""
    hits: list[PathHit] = []
    where = _Lines(text)
    for found in _confirmed(text):
        if (found.kind == "tilde" and not tilde) or is_generic(found.path, found.kind, clone):
            continue
        line, col = where(found.start)
        hits.append(PathHit(line, col, found.path, found.kind))
    return hits


def python_path_hits(
    text: str, *, parameter_defaults: bool = False, clone: Clone = frozenset()
) -> list[PathHit]:
    """Paths in the string literals of Python source; comments and docstrings do not count.

    A string statement on its own (a docstring, a string used as a comment) documents and
    does not run. In a string that is not raw, ``C:\\t`` is a tab, so only ``C:\\\\`` and
    ``C:/`` make a drive there; raw strings take ``C:\\`` as it is. The literals are looked
    up only when some path is confirmed, and only up to the last candidate. A literal in the
    value of a ``default=`` keyword (a command-line option's default) or of ``help=``,
    ``description=``, ``epilog=`` or ``usage=`` (what ``--help`` tells a reader) does not count, and
    neither, unless ``parameter_defaults``, does one in the default of a function's parameter
    (``data_path=os.path.expanduser("~/cache")`` too): both are what a caller overrides.
    """
    starts = list(_starts(text))
    if not any(_confirm(text, at) or _lone_drive_folder(text, at) for at in starts):
        return []
    hits: list[PathHit] = []
    where = _Lines(text)
    spans = string_spans(text, until=starts[-1])
    span: StringSpan | None = next(spans, None)
    taken = 0
    for at in starts:
        if at < taken:
            continue
        while span is not None and span.end <= at:
            span = next(spans, None)
        if span is None or span.start > at or span.documentation:
            continue  # in a comment, in code, or in documentation
        found = _confirm(text, at)
        if found is None and span.body == at:
            found = _lone_drive_folder(text, at)
            if found is not None and found.end != span.end - 1:
                found = None  # the folder must be the whole literal: "C:\PGE383", not "C:\x and more"
        if found is None or (not span.raw and _escaped_drive(text, at)):
            continue
        taken = found.end
        path = found.path
        if found.end > span.end:  # a quoted Windows path ran past its own literal
            path = text[at : max(span.end - 1, at)]
        if not is_generic(path, found.kind, clone):
            line, col = where(at)
            hits.append(PathHit(line, col, path, found.kind, literal_at=span.start))
    if hits:
        defaults, prose = _default_literals(text, parameters=not parameter_defaults)
        if defaults or prose:
            literals = _Lines(text)
            kept = []
            for hit in hits:
                line = literals(hit.literal_at)[0]
                byte_col = len(text[literals.line_start : hit.literal_at].encode("utf-8", "surrogatepass"))
                if (line, byte_col) not in defaults and not any(
                    start <= (line, byte_col) < end for start, end in prose
                ):
                    kept.append(hit)
            hits = kept
    return hits


def _reads_the_environment(function: ast.expr) -> bool:
    """Whether a call reads an environment variable: ``os.environ.get``, ``environ.get``, ``os.getenv``."""
    if isinstance(function, ast.Attribute):
        if function.attr == "getenv":
            return True
        value = function.value
        named = (
            value.attr
            if isinstance(value, ast.Attribute)
            else value.id
            if isinstance(value, ast.Name)
            else ""
        )
        return function.attr == "get" and named == "environ"
    return isinstance(function, ast.Name) and function.id == "getenv"


#: Keywords whose value is prose for a reader of ``--help``, not a path the code opens.
_PROSE_KEYWORDS = frozenset({"help", "description", "epilog", "usage"})
Position = tuple[int, int]


def _default_literals(
    text: str, *, parameters: bool
) -> tuple[set[Position], list[tuple[Position, Position]]]:
    """(line, byte column) of the string literals that are defaults: ``default=`` values, the
    module constants only they read, and, with ``parameters``, the defaults of functions'
    parameters, and the fallback of an environment variable read (``os.environ.get("X", "...")``:
    what the setting overrides); and where the values of ``help=`` and its kin start and end (a literal
    joined from pieces is one node, so its pieces are found by place). Empty when the text
    does not parse.

    Only asked when a path was found, so a file is parsed at most once, and only then.
    """
    try:
        tree = parse_python(text)  # "C:\\Josef" in a plain string is an invalid escape
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set(), []
    found: set[Position] = set()
    prose: list[tuple[Position, Position]] = []
    in_defaults: set[int] = set()  # the names read inside a default= value: str(DATA_FILE)
    loads: dict[str, list[int]] = {}
    for node in ast.walk(tree):
        values: list[ast.expr] = []
        if isinstance(node, ast.keyword) and node.arg in _PROSE_KEYWORDS:
            value = node.value
            prose.append(
                ((value.lineno, value.col_offset), (value.end_lineno or 0, value.end_col_offset or 0))
            )
        if isinstance(node, ast.keyword) and node.arg == "default":
            values.append(node.value)
            in_defaults.update(id(name) for name in ast.walk(node.value) if isinstance(name, ast.Name))
        elif isinstance(node, ast.Call) and _reads_the_environment(node.func) and len(node.args) >= 2:
            values.append(node.args[1])  # os.environ.get("DATA_DIR", "/home/filr/"): what a setting overrides
        elif parameters and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            values.extend(node.args.defaults)
            values.extend(value for value in node.args.kw_defaults if value is not None)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            loads.setdefault(node.id, []).append(id(node))
        for value in values:
            # The literal may be built into the default: os.path.expanduser("~/cache_data").
            found.update(
                (literal.lineno, literal.col_offset)
                for literal in ast.walk(value)
                if isinstance(literal, (ast.Constant, ast.JoinedStr))
            )
    # A module's constant that only a default= reads (``DATA = Path("...")``, then
    # ``add_argument("--data", default=str(DATA))``) is that option's default, written apart.
    for statement in tree.body:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
            continue
        target = statement.targets[0]
        uses = loads.get(target.id, []) if isinstance(target, ast.Name) else []
        if uses and all(use in in_defaults for use in uses):
            found.update(
                (literal.lineno, literal.col_offset)
                for literal in ast.walk(statement.value)
                if isinstance(literal, (ast.Constant, ast.JoinedStr))
            )
    return found, prose


#: A literal that is a drive and one folder: ``"C:\PGE383"``. In prose or output ``N:\t`` is
#: too often a format for the general expression to accept it; a whole literal is not.
_LONE_DRIVE = lazy(r"[A-Za-z]:\\[A-Za-z0-9][\w .-]{2,100}(?=['\"])")


def _lone_drive_folder(text: str, at: int) -> _Found | None:
    """The drive-and-folder literal that starts at ``at`` right after a quote, if it is one."""
    if at == 0 or text[at - 1] not in "'\"":
        return None
    match = _LONE_DRIVE.match(text, at)
    return None if match is None else _Found(at, match.end(), match.group(), "drive")


def _escaped_drive(text: str, start: int) -> bool:
    """Whether ``C:\\x`` at ``start`` is, in a string that is not raw, an escape after ``C:``."""
    if text[start + 1 : start + 2] != ":" or text[start + 2 : start + 3] != "\\":
        return False
    return text[start + 3 : start + 4] in _ESCAPE_LETTERS


#: Notebook lines that are shell commands or magics, not Python: ``!ls``, ``%cd``, ``x = !pwd``.
_SHELL_LINE = lazy(r"[ \t]*(?:[A-Za-z_][\w.]*[ \t]*=[ \t]*)?[!%]")
_CELL_MAGIC = lazy(r"[ \t]*%%(\w+)")
#: Cell magics whose body is still Python.
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "python", "python3", "debug"})
#: Where a shell comment starts: ``#`` at the start of the line or after a blank.
_SHELL_COMMENT = lazy(r"(?:^|(?<=[ \t]))#")


def _shell_hits(line: str, number: int, clone: Clone) -> Iterator[PathHit]:
    comment = _SHELL_COMMENT.search(line)
    for hit in text_path_hits(line if comment is None else line[: comment.start()], clone=clone):
        yield PathHit(number, hit.col, hit.path, hit.kind)


def shell_path_hits(text: str, *, clone: Clone = frozenset()) -> list[PathHit]:
    """Paths in a shell script's commands; its comments (``#`` at a line's start or after a
    blank) and its shebang line do not count."""
    if _CANDIDATE.search(text) is None:
        return []
    hits: list[PathHit] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if number == 1 and line.startswith("#!"):
            continue
        hits.extend(_shell_hits(line, number, clone))
    return hits


def notebook_cell_path_hits(source: str, *, clone: Clone = frozenset()) -> list[PathHit]:
    """Paths in a code cell: Python strings, plus shell lines and non-Python cell magics as text."""
    if _CANDIDATE.search(source) is None:
        return []
    lines = source.splitlines(keepends=True)
    magic = _CELL_MAGIC.match(lines[0]) if lines else None
    hits: list[PathHit] = []
    if magic and magic.group(1) not in _PYTHON_CELL_MAGICS:
        for number, line in enumerate(lines, start=1):
            hits.extend(_shell_hits(line, number, clone))
        return hits
    python_lines = list(lines)
    for number, line in enumerate(lines, start=1):
        if (number == 1 and magic) or _SHELL_LINE.match(line):
            hits.extend(_shell_hits(line, number, clone))
            python_lines[number - 1] = line[len(line.rstrip("\r\n")) :]  # keep the line end
    hits.extend(python_path_hits("".join(python_lines), parameter_defaults=True, clone=clone))
    return sorted(hits, key=lambda hit: (hit.line, hit.col))


def chunk_path_hits(text: str, *, clone: Clone = frozenset()) -> list[PathHit]:
    """Paths in the code chunks an R Markdown or Quarto document runs; its prose does not count.

    Its R and Python chunks are read as a notebook's code is (the document calls its own
    functions, so their defaults count), and R's strings as Python's: quotes, backslash
    escapes, ``r"(...)"`` raw strings and ``#`` comments. A shell chunk is read as a shell
    script's commands are.
    """
    if _CANDIDATE.search(text) is None:
        return []
    lines = text.splitlines(keepends=True)
    hits: list[PathHit] = []
    for chunk in run_chunks(lines):
        if not chunk.runs:
            continue  # eval=FALSE: shown to the reader, never run
        first = chunk.opening + 1
        code = "".join(lines[first : chunk.closing])
        if chunk.engine in _SHELL_ENGINES:
            found = [
                hit
                for number, line in enumerate(code.splitlines(), start=1)
                for hit in _shell_hits(line, number, clone)
            ]
        elif chunk.engine in ("r", "python"):
            found = r_path_hits(code, parameter_defaults=True, clone=clone)
        else:
            continue
        hits.extend(hit._replace(line=hit.line + first) for hit in found)
    return hits


#: knitr's and Quarto's engines that run a chunk as a shell script.
_SHELL_ENGINES = frozenset({"bash", "sh", "zsh"})


#: The start of an R raw string, ``r"(``, ``R'[``, ``r"---{``: its closing bracket is not the path's.
_R_RAW_OPENING = lazy(r"[rR][\"'](-*)([(\[{])")
_R_RAW_CLOSERS = {"(": ")", "[": "]", "{": "}"}


#: Where an R function's parameters open: ``function(`` or the shorthand ``\\(``.
_R_FUNCTION = lazy(r"\bfunction[ \t]*\(|\\\(")


def _r_parameter_lists(text: str) -> list[tuple[int, int]]:
    """(start, end) of each R function's parameter list, its strings and comments skipped
    while its brackets are counted; an unclosed one runs to the end of the text. A function
    defined inside another's list (a default that is a function) lies within it and is not
    scanned again, so every character is read once (20,000 unclosed ones took seconds)."""
    lists: list[tuple[int, int]] = []
    for match in _R_FUNCTION.finditer(text):
        if lists and match.start() < lists[-1][1]:
            continue
        at, depth, quote = match.end(), 1, ""
        while at < len(text) and depth:
            char = text[at]
            if quote:
                if char == "\\":
                    at += 1
                elif char == quote:
                    quote = ""
            elif char in "\"'`":
                quote = char
            elif char == "#":
                newline = text.find("\n", at)
                at = len(text) if newline < 0 else newline
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
            at += 1
        lists.append((match.end(), at))
    return lists


def r_path_hits(text: str, *, parameter_defaults: bool = False, clone: Clone = frozenset()) -> list[PathHit]:
    """Paths in R code, whose strings read as Python's do (quotes, backslash escapes, ``#``
    comments), but whose raw strings ``r"(...)"`` close with a bracket before the quote."""
    trimmed = []
    hits = python_path_hits(text, parameter_defaults=parameter_defaults, clone=clone)
    if hits and not parameter_defaults:
        # A default of a function's parameter is what a caller overrides, as in Python.
        lists = _r_parameter_lists(text)
        hits = [hit for hit in hits if not any(start <= hit.literal_at < end for start, end in lists)]
    for hit in hits:
        raw = _R_RAW_OPENING.match(text, hit.literal_at) if hit.literal_at >= 0 else None
        closer = _R_RAW_CLOSERS[raw.group(2)] + raw.group(1) if raw else ""
        ends_in_closer = bool(closer) and hit.path.endswith(closer)
        trimmed.append(hit._replace(path=hit.path[: -len(closer)]) if ends_in_closer else hit)
    return trimmed
