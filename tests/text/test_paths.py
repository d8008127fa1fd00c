"""Paths of one computer in Python source, notebook cells and text (the paths are test input)."""

from __future__ import annotations

import time

import pytest

from oss_checks.text.paths import (
    PathHit,
    chunk_path_hits,
    is_generic,
    machine_root,
    notebook_cell_path_hits,
    python_path_hits,
    r_path_hits,
    shell_path_hits,
    text_path_hits,
)


def where(hits: list[PathHit]) -> list[tuple[int, int, str]]:
    return [(hit.line, hit.col, hit.path) for hit in hits]


# -- Python source: what is a string, a comment, a docstring ------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('x = "/home/ana/a.csv"\n', [(1, 6, "/home/ana/a.csv")]),
        ("x = 1  # /home/ana/a.csv\n", []),
        ('def f():\n    """Read /home/ana/x."""\n', []),
        ('"/home/ana/x"\n', []),  # a string on its own documents
        ('"/home/ana/x" % user\n', [(1, 2, "/home/ana/x")]),
        ('x = ("/home/a/x"\n     "/home/b/y")\n', [(1, 7, "/home/a/x"), (2, 7, "/home/b/y")]),
        ('x = [\n    "/home/a/x",\n]\n', [(2, 6, "/home/a/x")]),
        ('x = """\n/home/ana/x\n"""\n', [(2, 1, "/home/ana/x")]),
        ('x = b"/home/a/x"\n', [(1, 7, "/home/a/x")]),
        ('x = "/home/a\\n"\n', [(1, 6, "/home/a")]),  # a backslash ends a POSIX path
        ('x = "https://host/home/ana/x"\n', []),
        ('x = "file:///home/ana/x"\n', [(1, 13, "/home/ana/x")]),
        ('x = "/usr/share/x" + "/tmp/y" + "data/raw/z"\n', []),
    ],
)
def test_strings_comments_and_docstrings(source: str, expected: list[tuple[int, int, str]]) -> None:
    assert where(python_path_hits(source)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('x = f"/home/ana/{name}.csv"\n', [(1, 7, "/home/ana/{name}.csv")]),
        ('x = f"{root}/home/x"\n', []),  # built from a variable
        ('x = f"/home/{user}/data"\n', []),  # whoever the user is: not one person's folder
        ('x = f"{x!r} /home/ana/y"\n', [(1, 13, "/home/ana/y")]),
        ("x = f'{d[\"k\"]} /home/ana/y'\n", [(1, 16, "/home/ana/y")]),
        ('x = f"{d["k"]} /home/ana/y"\n', [(1, 16, "/home/ana/y")]),  # 3.12 nesting
    ],
)
def test_f_strings(source: str, expected: list[tuple[int, int, str]]) -> None:
    assert where(python_path_hits(source)) == expected


def test_unclosed_quotes_are_scanned_to_the_end_of_the_line_or_file() -> None:
    assert where(python_path_hits('x = "/home/ana/x\ny = 1\n')) == [(1, 6, "/home/ana/x")]
    assert where(python_path_hits('x = 1\ny = """start\n/home/ana/x.csv\n')) == [(3, 1, "/home/ana/x.csv")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends(newline: str) -> None:
    source = newline.join(
        ['"""Doc /home/x/y."""', 'a = "/home/ana/a"', "# /home/c/d", 'b = "/mnt/share/b"', ""]
    )
    assert where(python_path_hits(source)) == [(2, 6, "/home/ana/a"), (4, 6, "/mnt/share/b")]


def test_tabs_count_as_one_column_and_lines_count_as_splitlines_does() -> None:
    assert where(python_path_hits('\tx = "/home/ana/a"\n')) == [(1, 7, "/home/ana/a")]
    # A form feed ends a line for str.splitlines, which the engine's inline ignores use.
    assert where(python_path_hits('x = 1\x0c\ny = "/home/ana/a"\n')) == [(3, 6, "/home/ana/a")]


# -- Windows drives --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r'x = r"C:\Users\ana\churn.pkl"', ["C:\\Users\\ana\\churn.pkl"]),
        ('x = "C:\\\\Users\\\\ana\\\\x"', ["C:\\\\Users\\\\ana\\\\x"]),
        ('x = "D:/projects/churn"', ["D:/projects/churn"]),
        (r'x = r"M:\josef\ologit.dta"', ["M:\\josef\\ologit.dta"]),
        (r'x = r"C:\Users\ana\My Documents\data.csv"', ["C:\\Users\\ana\\My Documents\\data.csv"]),
        (r'x = r"D:\My Data\x.csv"', ["D:\\My Data\\x.csv"]),
        (r'x = "K:\t"', []),  # a tab after a key
        (r'x = "N:\t%d\n"', []),  # a format
        (r'x = r"N:\t%d\n"', []),
        (r'x = "C:\new\tools"', []),  # not raw: a line feed and a tab, not folders
        (r'x = r"C:\new\tools"', ["C:\\new\\tools"]),
        ('x = "C:/"', []),
        ('x = "C:\\\\Program Files\\\\Tool\\\\x.exe"', []),  # the same on every Windows computer
        (r'x = r"C:\Windows\System32"', []),
        (r'x = r"C:\Users\Public\x"', []),
        # A drive and one folder, when the folder is the whole literal: a course's working folder.
        (r'os.chdir("C:\PGE337")', ["C:\\PGE337"]),
        (r"x = r'D:\Courses'", ["D:\\Courses"]),
        (r'x = "see C:\PGE now"', []),
        (r'x = r"key:\s(\w+)"', []),  # a regular expression
        (r'x = "a:\tbc"', []),  # not raw: a tab
        # A doubled slash after the drive still reaches the drive; no URL scheme is one letter.
        ('x = "J://Projects/survey.csv"', ["J://Projects/survey.csv"]),
        ('x = "https://host.org/a"', []),
        ('x = "s3://bucket/key"', []),
        ('x = "git+ssh://h/x"', []),
        ('x = "http://h/a:b//c"', []),
    ],
)
def test_drive_paths(source: str, expected: list[str]) -> None:
    assert [hit.path for hit in python_path_hits(source + "\n")] == expected


def test_places() -> None:
    source = 'a = r"C:\\Users\\ana\\x"\nb = "D:/x/y"\nc = "/mnt/s/x"\nd = "~/data/x"\ne = "/Users/ana/x"\n'
    assert [hit.place for hit in python_path_hits(source)] == [
        "someone's home folder",
        "a Windows drive of one computer",
        "a drive mounted on one computer",
        "the home folder of whoever runs it",
        "someone's home folder",
    ]


# -- paths that are the same everywhere ------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind", "generic"),
    [
        ("/home/runner/work/x", "home", True),
        ("/Users/runner/miniforge3/x", "home", True),
        ("/home/jovyan/work", "home", True),
        ("/home/user/data", "home", True),
        ("/home/$USER/data", "home", True),
        ("C:\\Users\\runneradmin\\x", "home", True),
        ("/home/administrator/project", "home", False),
        ("/Users/ana/x", "home", False),
        ("~/.cache/x", "tilde", True),
        ("~/.aws/credentials", "tilde", True),
        ("~/anaconda3/bin/activate", "tilde", True),
        ("~/data/x.csv", "tilde", False),
        ("~/{dest}/config.yaml", "tilde", True),  # filled in at run time
        ("~/mne_data/MNE-sample-data", "tilde", True),
        ("~/scikit_learn_data", "tilde", True),
        ("~/my_data/x.csv", "tilde", False),
        ("/Volumes/{catalog}/default/landing/x.jpg", "mount", True),
        ("/Volumes/Data/projects/x.csv", "mount", False),
        ("C:\\Program Files (x86)\\x", "drive", True),
        ("C:/ProgramData/Anaconda3", "drive", True),
        ("C:\\etc\\mytool", "drive", True),
        ("C:\\Program Files\\Tool\\tool.exe", "drive", True),
        ("C:\\msys64\\usr\\bin", "drive", True),
        ("C:\\Users\\carol\\x", "home", False),
        ("C:\\carol\\projects\\x.csv", "drive", False),
        ("D:/work", "drive", False),
        ("/mnt/share/x", "mount", False),
        # Documentation's stand-in for the reader's own folder.
        ("~/path/to/where/you/want/the/local/repo/", "tilde", True),
        ("/Users/ana/path/to/data.csv", "home", True),
        ("C:\\path\\to\\file.csv", "drive", True),
        ("~/mypath/to/x", "tilde", False),
        ("~/path/tools/x", "tilde", False),
        # A container image's user, and where applications keep each user's settings.
        ("/home/app/notebook", "home", True),
        ("~/AppData/Roaming/RStudio/templates", "tilde", True),
        ("~/AppData/x.csv", "tilde", False),
    ],
)
def test_generic_paths(path: str, kind: str, generic: bool) -> None:
    assert is_generic(path, kind) is generic


@pytest.mark.parametrize(
    ("path", "kind", "root"),
    [
        ("/home/ana/project/data/x.csv", "home", "/home/ana/project"),
        ("/Users/ana/x", "home", "/Users/ana/x"),
        ("C:\\Users\\Ana\\Project\\x", "home", "c:/users/ana/project"),
        ("D:/Work/x", "drive", "d:/work"),
        ("/mnt/share/x/y", "mount", "/mnt/share"),
        ("~/x", "tilde", None),
    ],
)
def test_machine_root(path: str, kind: str, root: str | None) -> None:
    assert machine_root(path, kind) == root


# -- notebook cells --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("!ls /home/a/x\ny = '/mnt/x/y'\n", [(1, 5, "/home/a/x"), (2, 6, "/mnt/x/y")]),
        ("files = !ls ~/exports\n", [(1, 13, "~/exports")]),
        ("  !ls /home/a\n", [(1, 7, "/home/a")]),
        ("%cd /home/a/x\n", [(1, 5, "/home/a/x")]),
        ("!ls  # /home/b/x\n", []),  # a shell comment
        ("%%bash\ncd /Volumes/Team\n# cd /home/a/x\n", [(2, 4, "/Volumes/Team")]),
        ("%%writefile /home/a/x.py\nprint(1)\n", [(1, 13, "/home/a/x.py")]),
        ("%%time\nx = '/home/a/x'  # /home/b\n", [(2, 6, "/home/a/x")]),  # still Python
        ("%matplotlib inline\n'''/home/a/doc'''\n", []),
        ("x = 1\r\n!cp /media/a/b .\r\n", [(2, 5, "/media/a/b")]),
    ],
)
def test_shell_lines_and_cell_magics(source: str, expected: list[tuple[int, int, str]]) -> None:
    assert where(notebook_cell_path_hits(source)) == expected


def test_text_keeps_quoted_windows_paths_and_can_leave_out_tilde() -> None:
    text = "saved 'D:\\My Data\\x.csv' and ~/x\nC:\\Users\\ana\\lib"
    assert where(text_path_hits(text)) == [
        (1, 8, "D:\\My Data\\x.csv"),
        (1, 30, "~/x"),
        (2, 1, "C:\\Users\\ana\\lib"),
    ]
    assert [hit.path for hit in text_path_hits(text, tilde=False)] == [
        "D:\\My Data\\x.csv",
        "C:\\Users\\ana\\lib",
    ]


# -- defaults a caller overrides ------------------------------------------------------------------

DEFAULTS = """\
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--root-dir", default="/mnt/lab/datasets/faces")
parser.add_argument("--out", help="x", default=r"C:\\Users\\carol\\out")
class Frames:
    def __init__(self, root="/home/bob/frames", fold=0, *, cache="/mnt/lab/cache"):
        self.root = root
load = lambda where="/home/bob/x.csv": where
default = "/home/bob/assigned.csv"
table = read(x="\u00e9", default="/home/bob/unicode-before.csv")
real = read("/Users/alice/Downloads/sales.csv")
def fetch(name, data_path=os.path.expanduser("/home/bob/cache_data")):
    parser.add_argument("--in", default=os.path.join("/mnt/lab", name))
    return read(os.path.join("/home/bob/elsewhere", name))
"""


def test_defaults_of_options_and_parameters_are_not_paths_the_code_insists_on() -> None:
    assert where(python_path_hits(DEFAULTS)) == [
        (9, 12, "/home/bob/assigned.csv"),
        (11, 14, "/Users/alice/Downloads/sales.csv"),
        (14, 31, "/home/bob/elsewhere"),
    ]


def test_a_notebook_keeps_its_parameter_defaults_but_not_option_defaults() -> None:
    """A function a notebook defines is called there, mostly without the argument."""
    assert [hit.path for hit in notebook_cell_path_hits(DEFAULTS)] == [
        "/home/bob/frames",
        "/mnt/lab/cache",
        "/home/bob/x.csv",
        "/home/bob/assigned.csv",
        "/Users/alice/Downloads/sales.csv",
        "/home/bob/cache_data",
        "/home/bob/elsewhere",
    ]


def test_an_r_functions_parameter_defaults_are_what_a_caller_overrides() -> None:
    source = (
        'export <- function(theme, folder = "~/ukfsr/", sep = ")") {\n'
        '  save(file = paste0("~/fsi/", theme))\n}\n'
        'lapply(x, \\(y, out = file.path("/home/ana/tmp")) y)\n'
        'templates <- "~/AppData/Roaming/RStudio/templates"\n'
    )
    assert [hit.path for hit in r_path_hits(source)] == ["~/fsi/"]
    assert [hit.path for hit in r_path_hits(source, parameter_defaults=True)] == [
        "~/ukfsr/",
        "~/fsi/",
        "/home/ana/tmp",
    ]


def test_a_databricks_users_workspace_folder_is_a_home() -> None:
    source = (
        'habitats = "/Workspace/Users/ana.smith@defra.example/EVAST/out.csv"\n'
        'shared = "/Workspace/Shared/EVAST/out.csv"\nmine = f"/Workspace/Users/{user}/EVAST"\n'
    )
    found = python_path_hits(source)
    assert [(hit.path, hit.kind) for hit in found] == [
        ("/Workspace/Users/ana.smith@defra.example/EVAST/out.csv", "home")
    ]


def test_a_quoted_posix_path_keeps_its_blanks() -> None:
    source = 'OUT = "~/UKFSR/theme 2/files"\nLOG = "/home/ana/logs/run %s.txt" % day\n'
    assert [hit.path for hit in python_path_hits(source)] == ["~/UKFSR/theme 2/files", "/home/ana/logs/run"]


def test_the_fallback_of_an_environment_variable_is_what_the_setting_overrides() -> None:
    source = (
        "import os\nfrom os import getenv\n"
        'RAW = os.path.join(os.environ.get("DATA_BASEDIR", "/home/filr/"), "Cambridge/*.csv")\n'
        'OUT = getenv("OUT_DIR", "/home/filr/out")\nLOG = os.getenv("LOG", default="/home/ana/log")\n'
        'HARD = "/home/ana/raw.csv"\n'
    )
    assert [hit.path for hit in python_path_hits(source)] == ["/home/ana/raw.csv"]


def test_help_text_is_prose_for_a_reader_not_a_path_the_code_opens() -> None:
    source = (
        'parser.add_argument(\n    "--file",\n    help=(\n        "The exclusions file. If none,"\n'
        '        " reads `~/Downloads/review_<date>.xlsx`"\n    ),\n)\n'
        'parser = argparse.ArgumentParser(description="Reads /home/ana/exports/ by default")\n'
        'REVIEW = "~/Downloads/review.xlsx"\n'
    )
    assert where(python_path_hits(source)) == [(9, 11, "~/Downloads/review.xlsx")]


def test_code_that_does_not_parse_keeps_every_path() -> None:
    source = 'parser.add_argument("--root", default="/home/bob/x"\nif:\n'
    assert [hit.path for hit in python_path_hits(source)] == ["/home/bob/x"]


# -- linear time -----------------------------------------------------------------------------


def test_eighty_thousand_paths_take_about_a_second() -> None:
    """Issue 12 item 9: a hostile file full of paths (about a second on an idle machine)."""
    source = "".join(f'p{n} = "/home/ana/data/{n}.csv"  # /home/ana/{n}\n' for n in range(80_000))
    began = time.perf_counter()
    hits = python_path_hits(source)
    assert time.perf_counter() - began < 30  # quadratic work would take hours
    assert len(hits) == 80_000
    assert (hits[-1].line, hits[-1].col) == (80_000, len("p79999 = ") + 2)


@pytest.mark.parametrize(
    "source",
    [
        "x = 'C:\\a " * 40_000,  # quoted drives that never close
        "a:\\b " * 50_000,
        '"' * 100_000,
        "'''" + "\\" * 100_001,
        "(" * 100_000 + '"/home/ana/x"',
        "/home/a" * 50_000,
    ],
)
def test_hostile_text_stays_linear(source: str) -> None:
    began = time.perf_counter()
    python_path_hits(source)
    text_path_hits(source)
    notebook_cell_path_hits(source)
    assert time.perf_counter() - began < 10


def test_many_shares_on_one_line_and_many_unclosed_r_functions_stay_linear() -> None:
    # One minified line of 100,000 slash shares, and an R file of 100,000 unclosed functions:
    # each once took minutes, as every candidate read its line again or every list its rest.
    shares = "x = [" + ", ".join(f'"//ab/cd/e{n}"' for n in range(100_000)) + "]\n"
    functions = 'x <- "/home/ana/x"\n' + "function(" * 100_000 + "\n"
    began = time.perf_counter()
    assert len(python_path_hits(shares)) == 100_000
    assert [hit.path for hit in r_path_hits(functions)] == ["/home/ana/x"]
    assert time.perf_counter() - began < 30  # quadratic work would take an hour


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Prose, and chunks that knitr shows but does not run, say nothing.
        ("Data is in /home/a/x.\n```r\nread.csv('/home/a/x')\n```\n", []),
        (
            "# Title\n```{r setup, include=FALSE}\nsetwd('C:/Users/ana/survey')\n```\n",
            [(3, 8, "C:/Users/ana/survey")],
        ),
        ("```{python}\n# /home/a/y\nx = '/home/a/x'\n```\nsee ~/data\n", [(3, 6, "/home/a/x")]),
        ("```{r,echo=FALSE}\r\nsetwd('C:\\\\Users\\\\w\\\\a')\r\n```\r\n", [(2, 8, "C:\\\\Users\\\\w\\\\a")]),
        ("````{R}\n```\nx <- '/home/a/x'\n````\ny <- '/home/b/y'\n", [(3, 7, "/home/a/x")]),
        ('```{r}\nx <- r"(C:\\Users\\ana\\a)"\n', [(2, 9, "C:\\Users\\ana\\a")]),  # never closed
        # A shell chunk runs its commands; its comments and other engines' chunks say nothing.
        ("```{bash}\n# from /home/a/old\ncp /home/ana/x.csv data/\n```\n", [(3, 4, "/home/ana/x.csv")]),
        ("```{sql}\nSELECT '/home/a/x'\n```\n~~~{r}\nx <- '/home/a/x'\n~~~\n", []),
        ("```{.python}\nx = '/home/a/x'\n```\n", []),  # Pandoc's attributes: shown, never run
        ("```{bash, eval=FALSE}\ncd /home/ana/x\n```\n", []),  # knitr shows it, never runs it
    ],
)
def test_code_chunks_of_r_markdown_and_quarto(source: str, expected: list[tuple[int, int, str]]) -> None:
    assert where(chunk_path_hits(source)) == expected


def test_shell_scripts_commands_not_their_comments() -> None:
    script = (
        "#!/home/ana/bin/bash\n"  # the shebang names the interpreter, not data
        "# copy from /home/ana/old first\n"
        'cp "/Volumes/USB/exports/trips.parquet" data/raw/  # from the stick\n'
        "source ~/.bashrc && cd ~/projects/survey\n"
        "ls /home/runner/work\n"
    )
    assert where(shell_path_hits(script)) == [
        (3, 5, "/Volumes/USB/exports/trips.parquet"),
        (4, 24, "~/projects/survey"),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A network share right after a quote, its backslashes doubled in source, or raw.
        ('x = "\\\\\\\\srv\\\\share\\\\a.csv"\n', [(1, 6, "\\\\\\\\srv\\\\share\\\\a.csv")]),
        ('x = r"\\\\nas\\team\\f.csv"\n', [(1, 7, "\\\\nas\\team\\f.csv")]),
        ("setwd('\\\\\\\\dfs01/users/ana/x')\n", [(1, 8, "\\\\\\\\dfs01/users/ana/x")]),
        # A regex's escapes, an escaped line end and a share written mid-string are no share.
        ('re.compile("\\\\\\\\d+")\n', []),
        ('p = "\\\\n"\n', []),
        ('p = "see \\\\\\\\srv\\\\share"\n', []),
        # Two backslashes and then two again are a regex's escapes: a blank, "and", a blank.
        ('name = re.sub("\\\\sand\\\\s", " & ", name)\n', []),
        # R on Windows writes a share with slashes; a host with a dot is a web address without
        # its scheme, and XPath steps and this computer are no server.
        ('lookups = "//stats/linkage/lookups/"\n', [(1, 12, "//stats/linkage/lookups/")]),
        ('raw = "//stats/linkage/Data(2019).csv"\n', [(1, 8, "//stats/linkage/Data(2019).csv")]),
        ('titles = "//item/title/text()"\n', []),
        ("tag = '<script src=\"//cdn.example.org/x.js\">'\n", []),
        ('links = page.xpath("//div/a")\nrows = page.xpath("//table//tr[@class]/td")\n', []),
        ('x = "//localhost/share/a.csv"\n', []),
        (
            'pmids = tree.findall("//PubmedArticle/MedlineCitation/PMID")\nTITLE_XPATH = "//item/title/text"\n',
            [],
        ),
        ('deps = ["//jaxlib/tools:build_wheel"]\n', []),
        # Two backslashes then one are a share only in a raw string: else LaTeX, or a regex.
        ('rule = "\\\\toprule\\n"\nclean = re.sub("\\\\\\\\n\\\\s+", " ", x)\n', []),
    ],
)
def test_network_shares(source: str, expected: list[tuple[int, int, str]]) -> None:
    found = python_path_hits(source)
    assert where(found) == expected
    assert all(hit.kind == "unc" and hit.place == "a network share" for hit in found)
