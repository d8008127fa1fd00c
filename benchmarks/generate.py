"""Generate a realistic data-science repository of a given size, deterministically.

The mix follows what teams commit, with the content that makes checks slow on real
trees and that a tidy synthetic tree would lack:

* Python modules full of URLs (docstrings, comments, constants), path-like strings
  (``/usr/share/...``, ``C:\\Program Files\\...``, f-strings that build folders),
  docstrings and comments naming paths, some in deeply nested packages;
* tests beside the code and inside the package (``pkg/sub/tests/``) with fixture CSVs
  under ``pkg/sub/tests/data/``, and a few real home paths, as tests do have;
* notebooks with long text outputs (training logs, warnings naming site-packages files,
  HTML tables) and image outputs: base64 PNG data of the size matplotlib writes;
* a vendored package under ``third_party/`` with its own LICENSE and license headers;
* Markdown with links and code blocks of paths, TOML configuration, CSV fixtures.

The same ``size`` and ``seed`` always give the same bytes, so runs compare; ``size`` is
the exact number of files, ``__init__.py`` files included.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import subprocess
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring_ascii as _encode_string
from pathlib import Path
from typing import Any

#: Share of each kind of file; Python modules of the main package fill the rest.
MIX = {
    "nested": 0.06,
    "test": 0.12,
    "package_test": 0.06,
    "notebook": 0.10,
    "markdown": 0.12,
    "data": 0.02,
    "package_data": 0.03,
    "config": 0.06,
    "vendored": 0.04,
}
PACKAGE = "src/generated"
VENDORED = "third_party/fastgeo"
PATTERNS = {
    "module": PACKAGE + "/part{k}/module_{i}.py",
    "nested": PACKAGE + "/part{k}/io/readers/formats/v{j}/reader_{i}.py",
    "test": "tests/part{k}/test_module_{i}.py",
    "package_test": PACKAGE + "/part{k}/sub/tests/test_sub_{i}.py",
    "notebook": "notebooks/{k}.{i}-bench-topic.ipynb",
    "markdown": "docs/part{k}/note_{i}.md",
    "data": "tests/fixtures/part{k}/table_{i}.csv",
    "package_data": PACKAGE + "/part{k}/sub/tests/data/table_{i}.csv",
    "config": "config/part{k}/settings_{i}.toml",
    "vendored": VENDORED + "/fastgeo/part{k}/geo_{i}.py",
}
_WORDS = [
    "forecast",
    "demand",
    "sales",
    "region",
    "weekly",
    "model",
    "feature",
    "baseline",
    "error",
    "metric",
    "customer",
    "churn",
    "cohort",
    "sample",
    "estimate",
    "residual",
    "pipeline",
    "dataset",
    "split",
]
_DOCS = [
    "https://docs.example.org/{w}/latest/api.html#{w}-{n}",
    "https://github.com/example-org/{w}-tools/issues/{n}",
    "https://doi.org/10.5281/zenodo.{n}",
    "https://en.wikipedia.org/wiki/{W}_(statistics)",
    "https://pandas.pydata.org/docs/reference/api/pandas.DataFrame.{w}.html",
    "https://scikit-learn.org/stable/modules/generated/sklearn.linear_model.Ridge.html",
    "http://www.example.com/{w}/{n}/download?format=csv&version=2",
    "https://data.example.org/api/v2/{w}s?page={n}",
]
_SYSTEM_PATHS = [
    "/usr/share/zoneinfo/Europe/Amsterdam",
    "/usr/share/{w}/reference/{w}_{n}.csv",
    "/usr/local/share/{w}/tables",
    "/etc/ssl/certs/ca-certificates.crt",
    "/var/lib/{w}/cache",
    "/opt/{w}/bin/{w}-cli",
    "/tmp/{w}-{n}.log",
]
# Paths from one person's computer, as a few tests, modules and notebooks of real trees hold
# them: the generated files carry them on purpose, so this repository's own check is told so.
_HOME_PATHS = [
    "/home/ana/projects/{w}/data/raw/{w}_{n}.csv",  # oss-checks: ignore[OSS401] benchmark content
    "/Users/alice/Downloads/{w}-export-{n}.xlsx",  # oss-checks: ignore[OSS401] benchmark content
    "/mnt/shared/team/{w}/latest.parquet",  # oss-checks: ignore[OSS401] benchmark content
]
_JUPYTER_HOME = "/home/jovyan/.local"  # oss-checks: ignore[OSS401] benchmark content
#: As they appear in Python source: escaped, and raw.
_WINDOWS_TOOL = (
    '"C:\\\\Program Files\\\\{W}Tool\\\\bin\\\\{w}.exe"'  # oss-checks: ignore[OSS401] benchmark content
)
_WINDOWS_LEGACY = (
    'r"C:\\ProgramData\\Readers\\v{v}\\formats.json"'  # oss-checks: ignore[OSS401] benchmark content
)
_WINDOWS_HOME = 'r"C:\\Users\\bob\\Documents\\{w}.xlsx"'  # oss-checks: ignore[OSS401] benchmark content
_WINDOWS_INSTALL = '"C:\\Program Files\\Generated\\data\\"'  # oss-checks: ignore[OSS401] benchmark content
_PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80\x00\x00\x01\xe0\x08\x06\x00\x00\x00"


class Draw:
    """Seeded choices, cheap enough for 50,000 files: URLs and paths come from pools drawn once."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._urls = [self._fill(_DOCS) for _ in range(2048)]
        self._system = [self._fill(_SYSTEM_PATHS) for _ in range(1024)]
        self._homes = [self._fill(_HOME_PATHS) for _ in range(256)]
        self._rows = [f"<td>{self.rng.random():.4f}</td><td>{self.word()}</td>" for _ in range(512)]

    def _fill(self, templates: list[str]) -> str:
        word = self.word()
        return self.rng.choice(templates).format(w=word, W=word.capitalize(), n=self.rng.randint(1, 99_999))

    def pick(self, choices: Sequence[str]) -> str:
        return choices[self.rng.getrandbits(20) % len(choices)]

    def word(self) -> str:
        return self.pick(_WORDS)

    def url(self) -> str:
        return self.pick(self._urls)

    def system_path(self) -> str:
        return self.pick(self._system)

    def home_path(self) -> str:
        return self.pick(self._homes)

    def table_rows(self, count: int) -> list[str]:
        start = self.rng.getrandbits(9)
        return [self._rows[(start + row) % len(self._rows)] for row in range(count)]


def _function(draw: Draw, index: int, number: int) -> str:
    word = draw.word()
    name = f"{word}_{index}_{number}"
    shape = draw.rng.randrange(4)
    if shape == 0:
        return (
            f"def load_{name}(root: Path, name: str) -> Path:\n"
            f'    """Find the {word} table ``{{root}}/data/raw/<name>.csv``.\n\n'
            f"    The columns follow {draw.url()}; older exports sit in\n"
            f"    ``{draw.system_path()}``.\n"
            f'    """\n'
            f'    cache = f"{{root}}/cache/{word}/{{name}}-{number}.parquet"\n'
            f'    if os.environ.get("{word.upper()}_CACHE"):\n'
            f'        cache = os.environ["{word.upper()}_CACHE"]\n'
            f'    return root / "data" / "raw" / f"{{name}}.csv" if not Path(cache).exists() else Path(cache)\n'
        )
    if shape == 1:
        return (
            f"def {name}(values: list[float]) -> float:\n"
            f'    """Return the {word} of the values (see {draw.url()})."""\n'
            f"    # Same definition as {draw.url()}\n"
            f"    total = sum(values)\n"
            f"    return total / max(len(values), 1) * {draw.rng.randint(1, 9)}\n"
        )
    if shape == 2:
        return (
            f"def fetch_{name}(session: Any, page: int = 1) -> dict[str, Any]:\n"
            f'    """Download one page of {word} records."""\n'
            f'    url = f"https://api.example.org/v{number}/{word}?page={{page}}&size=500"\n'
            f'    response = session.get(url, timeout=30, headers={{"Referer": "{draw.url()}"}})\n'
            f"    response.raise_for_status()\n"
            f"    return dict(response.json())\n"
        )
    return (
        f"def report_{name}(folder: str, run: int) -> list[str]:\n"
        f'    """Where the {word} report of a run goes, one file per format."""\n'
        f'    base = f"{{folder}}/reports/{word}/run-{{run:04d}}"\n'
        f'    return [f"{{base}}/summary.{{ext}}" for ext in ("html", "pdf", "csv")] + ["{draw.system_path()}"]\n'
    )


def _module(draw: Draw, index: int) -> str:
    word = draw.word()
    header = (
        f'"""Module {index}: {" ".join(draw.rng.sample(_WORDS, 5))}.\n\n'
        f"Method: {draw.url()}\n"
        f"Background: {draw.url()}\n"
        f"Reference tables are installed under ``{draw.system_path()}`` on the servers.\n"
        f'"""\n\n'
        "from __future__ import annotations\n\n"
        "import os\n"
        "import sys\n"
        "from pathlib import Path\n"
        "from typing import Any\n\n"
        f'REFERENCE = Path("{draw.system_path()}")\n'
        f'DOCS_URL = "{draw.url()}"\n'
        f'CERTIFICATES = os.environ.get("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt")\n'
    )
    if index % 12 == 0:
        header += (
            'if sys.platform == "win32":\n'
            f"    TOOL = {_WINDOWS_TOOL.format(W=word.capitalize(), w=word)}\n"
            "else:\n"
            f'    TOOL = "/usr/local/bin/{word}"\n'
        )
    if index % 8 == 0:
        header += f"# Moved from {draw.home_path()} when the project was shared.\n"
    functions = [_function(draw, index, number) for number in range(draw.rng.randint(3, 8))]
    return header + "\n\n" + "\n\n".join(functions)


def _nested(draw: Draw, index: int) -> str:
    # One reader in ten still names where an old Windows installer put its files.
    legacy = (
        _WINDOWS_LEGACY.format(v=index % 3)
        if index % 10 == 0
        else f'Path(os.environ.get("READERS_HOME", "/usr/share/readers")) / "v{index % 3}"'
    )
    return (
        f'"""Reader for format version {index % 3}, see {draw.url()}."""\n\n'
        "from __future__ import annotations\n\n"
        "import os\n"
        "from pathlib import Path\n\n"
        f'SPEC = "{draw.url()}"\n'
        f"LEGACY_LOCATION = {legacy}\n\n\n"
        f"def read_{index}(path: Path) -> list[str]:\n"
        f'    """Lines of ``path``; an example lives in ``/usr/share/readers/v{index % 3}/sample.txt``."""\n'
        f'    return path.read_text(encoding="utf-8").splitlines()\n'
    )


def _test(draw: Draw, index: int) -> str:
    word = draw.word()
    body = (
        f'"""Tests of module {index}; the cases come from {draw.url()}."""\n\n'
        "from pathlib import Path\n\n\n"
        f"def test_module_{index}(tmp_path: Path) -> None:\n"
        f'    target = tmp_path / "data" / "raw" / "{word}.csv"\n'
        f'    assert str(target).endswith("data/raw/{word}.csv")\n'
        f"    assert {draw.rng.randint(1, 9)} > 0\n\n\n"
        f"def test_urls_{index}() -> None:\n"
        f'    url = "{draw.url()}"\n'
        f'    assert url.startswith("http")\n'
        f'    assert "{draw.system_path()}".startswith("/")\n'
    )
    if index % 25 == 0:
        body += (
            f"\n\ndef test_reads_export_{index}() -> None:\n"
            f'    source = "{draw.home_path()}"\n'
            f'    assert source.endswith((".csv", ".xlsx", ".parquet"))\n'
        )
    if index % 40 == 0:
        body += (
            f"\n\ndef test_windows_export_{index}() -> None:\n"
            f'    assert {_WINDOWS_HOME.format(w=word)}.endswith(".xlsx")\n'
        )
    return body


def _package_test(draw: Draw, index: int) -> str:
    return (
        f'"""Tests beside the code they test ({draw.url()})."""\n\n'
        "from pathlib import Path\n\n"
        'DATA = Path(__file__).parent / "data"\n\n\n'
        f"def test_fixture_{index}() -> None:\n"
        f'    assert (DATA / "table_{index}.csv").suffix == ".csv"\n'
        f'    assert "file:///tmp/{draw.word()}.csv".startswith("file://")\n'
    )


def _image(draw: Draw) -> str:
    payload = _PNG_HEADER + draw.rng.randbytes(draw.rng.randint(4_000, 24_000))
    return base64.b64encode(payload).decode("ascii") + "\n"


def _log_lines(draw: Draw) -> list[str]:
    epochs = draw.rng.randint(20, 300)
    loss = 1.0
    lines = []
    for epoch in range(1, epochs + 1):
        loss *= 0.97 + draw.rng.random() * 0.02
        lines.append(f"epoch {epoch:>3}/{epochs} - loss {loss:.4f} - val_loss {loss * 1.08:.4f} - lr 0.001\n")
    return lines


def _warning(draw: Draw, index: int) -> str:
    site = _JUPYTER_HOME if index % 10 == 0 else "/opt/conda"
    return (
        f"{site}/lib/python3.11/site-packages/sklearn/linear_model/_logistic.py:{draw.rng.randint(400, 480)}: ConvergenceWarning: "
        "lbfgs failed to converge (status=1):\nSTOP: TOTAL NO. of ITERATIONS REACHED LIMIT.\n\n"
        "Increase the number of iterations (max_iter) or scale the data as shown in:\n"
        "    https://scikit-learn.org/stable/modules/preprocessing.html\n"
    )


def _html_table(draw: Draw) -> list[str]:
    cells = draw.table_rows(draw.rng.randint(5, 60))
    rows = [f"    <tr><th>{row}</th>{cell}</tr>\n" for row, cell in enumerate(cells)]
    return ['<table border="1" class="dataframe">\n', "  <tbody>\n", *rows, "  </tbody>\n", "</table>\n"]


def _notebook(draw: Draw, index: int) -> str:
    images = draw.rng.choices([0, 1, 2], weights=[3, 5, 2])[0]
    cells: list[dict[str, Any]] = [
        {
            "cell_type": "markdown",
            "metadata": {},
            "source": [f"# {draw.word().capitalize()} analysis\n", f"Data: {draw.url()}\n"],
        }
    ]
    for number in range(1, draw.rng.randint(5, 14)):
        word = draw.word()
        source = [f'df_{number} = pd.read_csv("../data/raw/{word}.csv")\n', f"df_{number}.describe()"]
        outputs: list[dict[str, Any]] = []
        if number == 1:
            source = ["import pandas as pd\n", "!ls ../data/raw\n", "%matplotlib inline"]
            outputs.append(
                {"name": "stdout", "output_type": "stream", "text": [f"{word}.csv\n", "README.md\n"]}
            )
        elif number == 2:
            source = ["model.fit(X_train, y_train, epochs=300)"]
            outputs.append({"name": "stdout", "output_type": "stream", "text": _log_lines(draw)})
            outputs.append({"name": "stderr", "output_type": "stream", "text": [_warning(draw, index)]})
        elif images and number % 3 == 0:
            images -= 1
            source = [f"df_{number}.plot(x='week', y='{word}')"]
            outputs.append(
                {
                    "output_type": "display_data",
                    "metadata": {},
                    "data": {"image/png": _image(draw), "text/plain": ["<Figure size 640x480 with 1 Axes>"]},
                }
            )
        else:
            outputs.append(
                {
                    "output_type": "execute_result",
                    "execution_count": number,
                    "metadata": {},
                    "data": {
                        "text/html": _html_table(draw),
                        "text/plain": [f"{draw.rng.random():.6f}\n"] * 3,
                    },
                }
            )
        cells.append(
            {
                "cell_type": "code",
                "execution_count": number,
                "metadata": {},
                "source": source,
                "outputs": outputs,
            }
        )
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.11.7"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return notebook_json(notebook) + "\n"


def notebook_json(value: Any, indent: str = "") -> str:
    """The same text as ``json.dumps(value, indent=1)``, as Jupyter writes notebooks, but faster.

    With ``indent`` the standard library falls back to its pure-Python encoder, which took
    most of the time generating a tree with thousands of notebooks.
    """
    if isinstance(value, str):
        return _encode_string(value)
    inner = indent + " "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{_encode_string(key)}: {notebook_json(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(isinstance(item, str) for item in value):  # source and output lines: most of a notebook
            body = inner + (",\n" + inner).join(map(_encode_string, value))
        else:
            body = ",\n".join(inner + notebook_json(item, inner) for item in value)
        return "[\n" + body + "\n" + indent + "]"
    return json.dumps(value)


def _markdown(draw: Draw, index: int) -> str:
    paragraphs = [
        " ".join(draw.rng.choices(_WORDS, k=50)) + f" See [the reference]({draw.url()})."
        for _ in range(draw.rng.randint(2, 6))
    ]
    code = (
        "```bash\n"
        f"python -m generated.part{index // 100} --input {draw.system_path()}\n"
        f"cp data/raw/*.csv {_WINDOWS_INSTALL}\n"
        "```\n"
    )
    return f"# Note {index}\n\n" + "\n\n".join(paragraphs) + "\n\n" + code


def _data(draw: Draw, index: int) -> str:
    with_source = index % 3 == 0
    rows = []
    for i in range(draw.rng.randint(20, 200)):
        row = f"{i},{draw.rng.random():.4f},{draw.word()}"
        rows.append(row + f",{draw.url()}" if with_source else row)
    return ("id,value,label,source\n" if with_source else "id,value,label\n") + "\n".join(rows) + "\n"


def _config(draw: Draw, index: int) -> str:
    return (
        f"[section_{index}]\n"
        f'name = "{draw.word()}"\n'
        f"size = {draw.rng.randint(1, 100)}\n"
        f'docs = "{draw.url()}"\n'
        f'cache_dir = "{draw.system_path()}"\n'
        f'output = "reports/{draw.word()}/{{run}}/summary.html"\n'
    )


def _vendored(draw: Draw, index: int) -> str:
    return (
        "# Copyright (c) 2015-2021, The fastgeo developers.\n"
        f"# Distributed under the BSD 3-Clause License, see {VENDORED}/LICENSE\n"
        "# or https://opensource.org/licenses/BSD-3-Clause.\n"
        "# Vendored from https://github.com/example-org/fastgeo at v1.4.2.\n"
        f'"""Projections, after {draw.url()}."""\n\n'
        "import os\n\n"
        'PROJ_DATA = os.environ.get("PROJ_DATA", "/usr/share/proj")\n\n\n'
        f"def grid_{index}(name):\n"
        f"    # Grids are looked up as in https://proj.org/usage/resource_files.html\n"
        f"    return os.path.join(PROJ_DATA, name + '.tif')\n"
    )


_MAKERS: dict[str, Callable[[Draw, int], str]] = {
    "module": _module,
    "nested": _nested,
    "test": _test,
    "package_test": _package_test,
    "notebook": _notebook,
    "markdown": _markdown,
    "data": _data,
    "package_data": _data,
    "config": _config,
    "vendored": _vendored,
}

_BSD_LICENSE = """BSD 3-Clause License

Copyright (c) 2015-2021, The fastgeo developers.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""


def _fixed() -> dict[str, str]:
    return {
        "README.md": (
            "# Generated project\n\n"
            "[![CI](https://github.com/example-org/generated/actions/workflows/ci.yml/badge.svg)]"
            "(https://github.com/example-org/generated/actions)\n\n"
            "## Installation\n\n`pip install .`\n\n## Usage\n\nImport it; data goes in `data/raw/`.\n"
        ),
        "pyproject.toml": '[project]\nname = "generated"\nversion = "0.1.0"\nrequires-python = ">=3.10"\n',
        ".gitignore": "/data/\n",
        f"{VENDORED}/LICENSE": _BSD_LICENSE,
        f"{VENDORED}/README.md": "# fastgeo (vendored)\n\nv1.4.2 from https://github.com/example-org/fastgeo.\n",
    }


def _path(kind: str, index: int) -> str:
    return PATTERNS[kind].format(k=index // 100, j=index % 3, i=index)


def _packages(paths: list[str]) -> set[str]:
    """Every folder of the two Python packages that holds modules, and the folders above it."""
    found: set[str] = set()
    for path in paths:
        for top in (PACKAGE, f"{VENDORED}/fastgeo"):
            if path.startswith(top + "/") and path.endswith(".py"):
                folder = path.rsplit("/", 1)[0]
                while len(folder) >= len(top) and folder not in found:
                    found.add(folder)
                    folder = folder.rsplit("/", 1)[0]
    return found


def plan(size: int, seed: int = 0) -> dict[str, str]:
    """Relative path -> content for a repository of exactly ``size`` files."""
    fixed = _fixed()
    counts = {kind: int(size * share) for kind, share in MIX.items()}
    budget = size - len(fixed) - sum(counts.values())
    others = _packages([_path(kind, i) for kind, count in counts.items() for i in range(count)])
    # Modules fill the rest; each folder they open needs an __init__.py, which counts too.
    modules = budget
    while (
        modules > 0
        and modules + len(others | {f"{PACKAGE}/part{k}" for k in range(-(-modules // 100))}) > budget
    ):
        modules -= 1
    counts = {"module": modules, **counts}
    packages = others | {f"{PACKAGE}/part{k}" for k in range(-(-modules // 100))}
    if len(fixed) + sum(counts.values()) + len(packages) != size or modules < 1:
        raise ValueError(f"cannot lay out a repository of {size} files; try 50 or more")
    draw = Draw(seed)
    files = dict(fixed)
    for kind, count in counts.items():
        make = _MAKERS[kind]
        for i in range(count):
            files[_path(kind, i)] = make(draw, i)
    for folder in sorted(packages):
        files[f"{folder}/__init__.py"] = f'"""{folder.rsplit("/", 1)[-1]}."""\n'
    return files


def generate(root: Path, size: int, seed: int = 0) -> Path:
    """Write the repository under ``root`` and commit it with git; return ``root``."""
    for relative, content in plan(size, seed).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    commit_all(root, "generated")
    return root


def commit_all(root: Path, message: str) -> None:
    """Make ``root`` a git repository holding all its files in one commit."""
    git = ["git", "-C", str(root), "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", message], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("root", type=Path)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.root.mkdir(parents=True, exist_ok=False)
    generate(args.root, args.size, args.seed)
    print(f"generated {args.size} files in {args.root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
