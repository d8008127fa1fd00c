"""Notebook rules (OSS301-OSS307), plus a property test over every 3xx and 4xx rule."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Check, MakeRepo, Run, write_tree
from oss_checks.engine import check as check_repository
from oss_checks.errors import ConfigError
from oss_checks.registry import Finding
from oss_checks.rules.notebooks import pattern_from_example

KERNEL = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}
GOOD = "notebooks/1.0-abc-explore.ipynb"
NBSTRIPOUT_HOOK = (
    "repos:\n  - repo: https://github.com/kynan/nbstripout\n    hooks:\n      - id: nbstripout\n"
)


def nb(*cells: dict[str, Any], metadata: dict[str, Any] | None = None) -> str:
    return json.dumps(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": KERNEL if metadata is None else metadata,
            "cells": list(cells),
        },
        indent=1,
    )


def code(
    source: str = "x = 1",
    *,
    count: int | None = None,
    outputs: list[dict[str, Any]] | None = None,
    metadata: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": count,
        "metadata": metadata or {},
        "source": source.splitlines(keepends=True),
        "outputs": outputs or [],
    }


def markdown(source: str = "# Title") -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def stream(text: str) -> dict[str, Any]:
    return {"output_type": "stream", "name": "stdout", "text": text.splitlines(keepends=True)}


def options(rule: str, **values: Any) -> str:
    lines = [f"[tool.oss-checks.options.{rule}]"]
    lines += [f"{key.replace('_', '-')} = {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


# -- OSS301 notebook-invalid ---------------------------------------------------------------


def test_valid_notebook_passes(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(code())})
    assert check(root, "OSS301") == []


def test_invalid_json_is_reported_at_the_error(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: '{\n  "cells": [\n    oops\n  ]\n}\n'})
    finding = only(check(root, "OSS301"))
    assert (finding.code, finding.path, finding.line, finding.col) == ("OSS301", GOOD, 3, 5)
    assert "not valid JSON" in finding.message
    assert finding.cell is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (json.dumps({"nbformat": 5, "cells": []}), "nbformat 5"),
        (json.dumps({"cells": []}), "nbformat none"),
        (json.dumps({"nbformat": 3, "cells": []}), "no list of cells"),
        (json.dumps([1, 2]), "not a JSON object"),
        (json.dumps({"nbformat": 4, "cells": {}}), "no list of cells"),
        ("", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "cannot be read"),
        ("caf\u00e9".encode("latin-1"), "cannot be read"),
    ],
)
def test_unreadable_notebooks_are_reported(
    make_repo: MakeRepo, check: Check, content: str | bytes, expected: str
) -> None:
    root = make_repo({GOOD: content})
    finding = only(check(root, "OSS301"))
    assert (finding.path, finding.line, finding.col) == (GOOD, 0, 0)
    assert expected in finding.message


def old_nb(*cells: dict[str, Any]) -> str:
    """A notebook as IPython 1 and 2 saved it (nbformat 3: worksheets, input, prompt_number)."""
    return json.dumps(
        {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": ""}, "worksheets": [{"cells": list(cells)}]}
    )


def old_code(source: str, count: int, outputs: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "collapsed": False,
        "input": source.splitlines(keepends=True),
        "language": "python",
        "metadata": {},
        "outputs": outputs,
        "prompt_number": count,
    }


def test_an_nbformat_3_notebook_is_valid_and_every_rule_reads_it(make_repo: MakeRepo, check: Check) -> None:
    traceback = {
        "output_type": "pyerr",
        "ename": "IOError",
        "evalue": "No such file",
        "traceback": ["\x1b[1;32mC:\\Users\\ana\\Dropbox\\study\\load.py\x1b[0m in \x1b[0;36m<module>"],
    }
    leak = {"output_type": "stream", "stream": "stdout", "text": [f"key {AWS_KEY}\n"]}
    root = make_repo(
        {
            "notebooks/1.0-abc-old.ipynb": old_nb(
                {"cell_type": "heading", "level": 1, "metadata": {}, "source": "Old study"},
                old_code('run(r"C:\\Users\\ana\\Dropbox\\study\\load.py")', 2, [traceback]),
                old_code("print(key)", 1, [leak]),
            ),
            "notebooks/Untitled.ipynb": old_nb(old_code("1", 1, [])),
        }
    )
    codes = ("OSS301", "OSS303", "OSS304", "OSS306", "OSS307", "OSS401")
    found = sorted((f.code, f.path.rpartition("/")[2], f.cell) for f in check(root, *codes))
    assert found == [
        ("OSS304", "Untitled.ipynb", None),
        ("OSS307", "1.0-abc-old.ipynb", 3),
        ("OSS401", "1.0-abc-old.ipynb", 2),  # the path in the code
        ("OSS401", "1.0-abc-old.ipynb", 2),  # and the traceback that shows it
    ]


def test_other_notebook_rules_skip_an_invalid_notebook(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"Untitled.ipynb": "{ not json", ".gitattributes": "*.ipynb filter=nbstripout\n"})
    assert check(root, "OSS302", "OSS303", "OSS304", "OSS305", "OSS306", "OSS307") == []
    assert [f.code for f in check(root, "OSS301")] == ["OSS301"]


def test_symlinked_notebook_is_not_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(code())}, git_init=False)
    (root / "notebooks/1.1-abc-link.ipynb").symlink_to("1.0-abc-explore.ipynb")
    assert check(root, "OSS301") == []


def test_a_valid_notebook_above_the_read_limit_is_read_all_the_same(
    make_repo: MakeRepo, check: Check
) -> None:
    # A book's chapter with 17 MB of figures: valid, so no rule may call it broken or skip it.
    image = {
        "output_type": "display_data",
        "metadata": {},
        "data": {"image/png": "iVBORw0KGgo" * (17 * 1024 * 1024 // 11), "text/plain": "<Figure>"},
    }
    leak = stream(f"key = {AWS_KEY}\n")
    root = make_repo(
        {GOOD: nb(code("plot()", count=1, outputs=[image]), code("show()", count=2, outputs=[leak]))}
    )
    assert (root / GOOD).stat().st_size > 16 * 1024 * 1024
    assert check(root, "OSS301") == []
    assert [f.cell for f in check(root, "OSS307")] == [2]


def test_a_notebook_too_large_even_for_that_is_left_to_the_size_rule(
    make_repo: MakeRepo, check: Check, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oss_checks import context

    monkeypatch.setattr(context, "MAX_READ_BYTES", 10)
    monkeypatch.setattr(context, "MAX_NOTEBOOK_BYTES", 20)
    # Not UTF-8, so the repository's own reader refuses it like a file above its limit.
    root = make_repo({GOOD: "caf\u00e9 and more than twenty bytes".encode("latin-1")})
    assert check(root, "OSS301") == []
    assert check(root, "OSS403") == []  # 33 bytes: only a real limit makes it large


def test_broken_notebooks_in_tests_are_fixtures(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            "tests/data/notebooks/invalid.ipynb": "{ not json",
            "pkg/sub/tests/data/empty.ipynb": "",
            "third_party/lib/old.ipynb": json.dumps({"nbformat": 3, "worksheets": []}),
            "notebooks/test.ipynb": "",  # a notebook named test is still the project's
        }
    )
    assert [f.path for f in check(root, "OSS301")] == ["notebooks/test.ipynb"]


def test_kernel_and_output_rules_leave_test_notebooks_alone(make_repo: MakeRepo, check: Check) -> None:
    fixture = nb(code("x", count=3, outputs=[stream("1\n")]), metadata={})
    root = make_repo(
        {"tests/fixtures/no_kernel.ipynb": fixture, ".gitattributes": "*.ipynb filter=nbstripout\n"}
    )
    assert check(root, "OSS302", "OSS303", "OSS306") == []


# -- OSS302 notebook-outputs ---------------------------------------------------------------

WITH_OUTPUTS = nb(
    markdown(),
    code("a = 1"),
    code("print(a)", count=2, outputs=[stream("1\n")]),
    code("a", count=3),
)


def test_outputs_are_fine_when_the_repo_does_not_strip(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: WITH_OUTPUTS})
    assert check(root, "OSS302") == []


@pytest.mark.parametrize(
    "setup",
    [
        {".pre-commit-config.yaml": NBSTRIPOUT_HOOK},
        {
            ".pre-commit-config.yaml": (
                "repos:\n  - repo: https://github.com/srstevenson/nb-clean\n    hooks:\n      - id: nb-clean\n"
            )
        },
        {".pre-commit-config.yaml": NBSTRIPOUT_HOOK + "        files: ^notebooks/\n"},
        {".pre-commit-config.yaml": "exclude: ^docs/\n" + NBSTRIPOUT_HOOK + "        types: [jupyter]\n"},
        {".gitattributes": "*.ipynb filter=nbstripout\n*.ipynb diff=ipynb\n"},
        {".gitattributes": "*.ipynb -filter\nnotebooks/*.ipynb filter=nbstripout\n"},
        {"notebooks/.gitattributes": "*.ipynb filter=nb-clean\n"},
        {".gitattributes": "notebooks/** filter=nbstripout\n"},
        {".gitattributes": '"notebooks/*.ipynb" filter=nbstripout\n'},
        {".gitattributes": "[attr]notebook filter=nbstripout diff=ipynb\n*.ipynb notebook\n"},
    ],
)
def test_outputs_are_reported_when_the_repo_strips(
    make_repo: MakeRepo, check: Check, setup: dict[str, str]
) -> None:
    root = make_repo({GOOD: WITH_OUTPUTS, **setup})
    finding = only(check(root, "OSS302"))
    assert (finding.code, finding.path, finding.cell, finding.line, finding.col) == ("OSS302", GOOD, 3, 0, 0)
    assert "cell 3 still has outputs (and 1 more cells)" in finding.message


def test_stripped_notebook_passes(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(markdown(), code("a = 1")), ".pre-commit-config.yaml": NBSTRIPOUT_HOOK})
    assert check(root, "OSS302") == []


@pytest.mark.parametrize(
    "setup",
    [
        # the hook's own filters, and the config's, as pre-commit matches them
        {".pre-commit-config.yaml": NBSTRIPOUT_HOOK + "        exclude: ^notebooks/\n"},
        {".pre-commit-config.yaml": NBSTRIPOUT_HOOK + "        files: ^docs/.*\\.ipynb$\n"},
        {".pre-commit-config.yaml": "exclude: '(?x)^(\n  notebooks/|\n  legacy/\n)'\n" + NBSTRIPOUT_HOOK},
        {".pre-commit-config.yaml": "files: ^src/\n" + NBSTRIPOUT_HOOK},
        {".pre-commit-config.yaml": NBSTRIPOUT_HOOK + "        types: [python]\n"},
        # told to keep the outputs
        {".pre-commit-config.yaml": NBSTRIPOUT_HOOK + "        args: [--keep-output]\n"},
        # a pattern that does not compile, or that backtracks for ever, reaches no notebook
        {".pre-commit-config.yaml": NBSTRIPOUT_HOOK + "        files: '(unclosed'\n"},
        {".pre-commit-config.yaml": NBSTRIPOUT_HOOK + "        files: '^(n+)+$'\n"},
        # git's attributes: a later line, or a deeper file, takes the filter away; other folders
        {".gitattributes": "*.ipynb filter=nbstripout\nnotebooks/** -filter\n"},
        {".gitattributes": "*.ipynb filter=nbstripout\n", "notebooks/.gitattributes": "*.ipynb !filter\n"},
        {".gitattributes": "docs/*.ipynb filter=nbstripout\n"},
        {"docs/.gitattributes": "*.ipynb filter=nbstripout\n"},
        {".gitattributes": "*.ipynb filter=lfs\n# *.ipynb filter=nbstripout\n"},
        # a folder's attributes reach no file inside it, as git reads them
        {".gitattributes": "notebooks filter=nbstripout\n"},
        {".gitattributes": "notebooks/ filter=nbstripout\n"},
    ],
)
def test_a_notebook_no_stripper_reaches_may_keep_its_outputs(
    make_repo: MakeRepo, check: Check, setup: dict[str, str]
) -> None:
    root = make_repo({GOOD: WITH_OUTPUTS, **setup})
    assert check(root, "OSS302") == []


def test_a_hostile_hook_pattern_is_given_up_on(make_repo: MakeRepo, check: Check) -> None:
    from oss_checks import patterns

    # Without the timer this search backtracks 2**40 times on every notebook.
    hostile = NBSTRIPOUT_HOOK + "        exclude: '^(m+)+$'\n"
    notebooks = {f"{'m' * 40}/{index}.ipynb": WITH_OUTPUTS for index in range(20)}
    root = make_repo({".pre-commit-config.yaml": hostile, **notebooks})
    assert check(root, "OSS302") == []
    assert ("^(m+)+$", 32) in patterns._GAVE_UP  # re.UNICODE: the flags of every str pattern


def test_execution_count_alone_is_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(code(), code(count=7)), ".pre-commit-config.yaml": NBSTRIPOUT_HOOK})
    finding = only(check(root, "OSS302"))
    assert finding.cell == 2
    assert "an execution count" in finding.message


@pytest.mark.parametrize(
    "metadata",
    [{"tags": ["keep-output"]}, {"tags": ["report", "keep_output"]}, {"keep_output": True}],
)
def test_cells_marked_keep_output_may_keep_outputs(
    make_repo: MakeRepo, check: Check, metadata: dict[str, Any]
) -> None:
    kept = code("plot()", count=1, outputs=[stream("figure\n")], metadata=metadata)
    root = make_repo({GOOD: nb(code(), kept), ".pre-commit-config.yaml": NBSTRIPOUT_HOOK})
    assert check(root, "OSS302") == []
    unmarked = code("table()", count=2, outputs=[stream("table\n")])
    root = make_repo({GOOD: nb(kept, unmarked), ".pre-commit-config.yaml": NBSTRIPOUT_HOOK})
    assert only(check(root, "OSS302")).cell == 2


def test_notebook_level_keep_output(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            GOOD: nb(code(count=1), metadata={**KERNEL, "keep_output": True}),
            ".gitattributes": "* filter=nbstripout\n",
        }
    )
    assert check(root, "OSS302") == []


def test_require_stripped_always_and_never(make_repo: MakeRepo, check: Check) -> None:
    always = make_repo(
        {GOOD: WITH_OUTPUTS, "pyproject.toml": options("notebook-outputs", require_stripped="always")}
    )
    assert only(check(always, "OSS302")).cell == 3
    never = make_repo(
        {
            GOOD: WITH_OUTPUTS,
            ".pre-commit-config.yaml": NBSTRIPOUT_HOOK,
            "pyproject.toml": options("notebook-outputs", require_stripped="never"),
        }
    )
    assert check(never, "OSS302") == []


def test_require_stripped_rejects_unknown_values(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo(
        {GOOD: WITH_OUTPUTS, "pyproject.toml": options("notebook-outputs", require_stripped="yes")}
    )
    with pytest.raises(ConfigError, match=r'require-stripped must be "auto", "always" or "never"'):
        run_checks(root, "OSS302")


# -- OSS303 notebook-execution-order -------------------------------------------------------


def test_cells_run_top_to_bottom_pass(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(code(count=1), markdown(), code(), code(count=4), code(count=9))})
    assert check(root, "OSS303") == []


def test_a_cell_that_needs_what_a_later_cell_made_is_reported(make_repo: MakeRepo, check: Check) -> None:
    cells = (
        markdown(),
        code("import pandas as pd", count=1),
        code("clean = raw.dropna()\nclean.describe()", count=3),
        code("raw = pd.read_csv('x.csv')", count=2),
    )
    finding = only(check(make_repo({GOOD: nb(*cells)}), "OSS303"))
    assert (finding.path, finding.cell, finding.line, finding.col) == (GOOD, 3, 0, 0)
    assert finding.message.startswith(
        "cell 3 (ran as [3]) uses 'raw', which only the later cell 4 defines (it ran first, as [2])"
    )
    assert "move cell 4 up, then restart the kernel and run all" in finding.message


def test_names_the_kernel_already_has_are_no_dependency(make_repo: MakeRepo, check: Check) -> None:
    # A later cell that imports display, or rebinds a builtin, is not needed: a fresh kernel has them.
    cells = (
        code("df = load()", count=1),
        code("display(df.head())\nprint(len(df))", count=3),
        code("from IPython.display import display\nlen = len", count=2),
    )
    assert check(make_repo({GOOD: nb(*cells)}), "OSS303") == []


def test_a_name_only_a_later_time_magic_assigns_is_still_reported(make_repo: MakeRepo, check: Check) -> None:
    cells = (code("s.max()", count=3), code("%time U, s, Vh = svd(a)", count=2))
    finding = only(check(make_repo({GOOD: nb(*cells)}), "OSS303"))
    assert "uses 's', which only the later cell 2 defines" in finding.message


@pytest.mark.parametrize(
    "cells",
    [
        # A setup cell run again at the end: nothing above needs it.
        [code("import numpy as np", count=45), code("x = np.ones(3)", count=2), code("x.sum()", count=3)],
        # Copied cells keep their counts.
        [code("a = 1", count=17), code("a = 1", count=17), code("print(a)", count=18)],
        # A kernel restarted halfway, the first cells not run again.
        [
            code("%watermark", count=1),
            code("import os", count=2),
            code("x = 1", count=1),
            code("y = x", count=2),
        ],
        # An independent plotting cell run again later.
        [code("df = load()", count=1), code("df.plot()", count=9), code("df.describe()", count=3)],
        # The name comes from above as well: a run from the top works.
        [code("raw = 1", count=1), code("y = raw", count=5), code("raw = 2", count=3)],
        # Used inside a function: looked up when the function is called.
        [code("def f():\n    return later", count=3), code("later = 1", count=2)],
        # A star import may define anything.
        [code("from helpers import *", count=1), code("y = raw", count=3), code("raw = 1", count=2)],
        # %time runs its statement in the notebook: what it assigns is defined from there on.
        [
            code("a = load()", count=1),
            code("%time U, s, Vh = svd(a)", count=5),
            code("s[:10]", count=6),
            code("s = 0", count=2),
        ],
    ],
)
def test_counts_out_of_order_without_a_dependency_pass(
    make_repo: MakeRepo, check: Check, cells: list[dict[str, Any]]
) -> None:
    assert check(make_repo({GOOD: nb(*cells)}), "OSS303") == []


@pytest.mark.parametrize(("counts", "cell", "now", "before"), [([1, 3, 2, 4], 3, 2, 3), ([4, 9, 1], 3, 1, 9)])
def test_order_counts_reports_any_count_that_goes_down(
    make_repo: MakeRepo, check: Check, counts: list[int], cell: int, now: int, before: int
) -> None:
    root = make_repo(
        {
            GOOD: nb(*(code(count=count) for count in counts)),
            "pyproject.toml": options("notebook-execution-order", order="counts"),
        }
    )
    finding = only(check(root, "OSS303"))
    assert (finding.path, finding.cell, finding.line, finding.col) == (GOOD, cell, 0, 0)
    assert f"cell {cell} ran as [{now}] after an earlier cell that ran as [{before}]" in finding.message


def test_order_counts_lets_copied_cells_pass(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            GOOD: nb(code(count=5), code(count=5)),
            "pyproject.toml": options("notebook-execution-order", order="counts"),
        }
    )
    assert check(root, "OSS303") == []


def test_order_counts_counts_cells_including_markdown(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            GOOD: nb(markdown(), code(count=2), markdown(), code(), code(count=1)),
            "pyproject.toml": options("notebook-execution-order", order="counts"),
        }
    )
    assert only(check(root, "OSS303")).cell == 5


def test_order_rejects_unknown_values(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo(
        {GOOD: nb(code()), "pyproject.toml": options("notebook-execution-order", order="strict")}
    )
    with pytest.raises(ConfigError, match=r'order must be "dependencies" or "counts"'):
        run_checks(root, "OSS303")


# -- OSS304 notebook-name ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["1.0-abc-explore.ipynb", "2.1.3-jd-feature_selection.ipynb", "10-x-y.ipynb"]
)
def test_conventional_names_pass(make_repo: MakeRepo, check: Check, name: str) -> None:
    root = make_repo({f"notebooks/{name}": nb(code())})
    assert check(root, "OSS304") == []


@pytest.mark.parametrize("name", ["1.0-ABC-explore.ipynb", "explore.ipynb", "1.0-abc.ipynb"])
def test_other_names_are_reported(make_repo: MakeRepo, check: Check, name: str) -> None:
    root = make_repo({f"notebooks/{name}": nb(code())})
    finding = only(check(root, "OSS304"))
    assert (finding.path, finding.line, finding.cell) == (f"notebooks/{name}", 0, None)
    assert r"^\d+(\.\d+)*-[a-z0-9]+-[a-z0-9][a-z0-9_-]*\.ipynb$" in finding.message
    assert "for example 1.0-abc-topic.ipynb" in finding.message


@pytest.mark.parametrize(
    "name",
    [
        "Untitled.ipynb",
        "Untitled1.ipynb",
        "Untitled-1.ipynb",
        "Copy of analysis.ipynb",
        "analysis-Copy1.ipynb",
        "analysis (copy).ipynb",
        "analysis copy 2.ipynb",
        "analysis (1).ipynb",
        "eda-checkpoint.ipynb",
        "site selection backup.ipynb",  # copies kept by hand
        "model_bak.ipynb",
        "model.bak2.ipynb",
    ],
)
def test_names_tools_give_new_or_copied_notebooks_are_reported_everywhere(
    make_repo: MakeRepo, check_unadopted: Check, name: str
) -> None:
    root = make_repo({f"notebooks_v1/{name}": nb(code()), "notebooks_v1/02.01-Data-Types.ipynb": nb(code())})
    finding = only(check_unadopted(root, "OSS304"))
    assert finding.path == f"notebooks_v1/{name}"
    assert "is the name a tool gives a new or copied notebook" in finding.message
    assert "or delete it if it is a leftover" in finding.message


def test_a_repositorys_own_naming_is_left_alone(make_repo: MakeRepo, check_unadopted: Check) -> None:
    # A book's chapters, a course's lessons, a library's gallery: renaming breaks their links.
    root = make_repo(
        {
            "notebooks/02.01-Understanding-Data-Types.ipynb": nb(code()),
            "notebooks/03.00-Introduction-to-Pandas.ipynb": nb(code()),
            "ch03/ch03.ipynb": nb(code()),
            "01-intro/duration-prediction.ipynb": nb(code()),
            "docs/examples_mac_linux.ipynb": nb(code()),
            "examples/notebooks/tsa_arma_0.ipynb": nb(code()),
            "tests/data/bad name.ipynb": nb(code()),
            "tests/data/Untitled.ipynb": nb(code()),
        }
    )
    assert check_unadopted(root, "OSS304") == []


def test_the_pattern_applies_where_most_notebooks_follow_it(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo(
        {
            "notebooks/1.0-rmn-eda.ipynb": nb(code()),
            "notebooks/2.0-rmn-dbquery.ipynb": nb(code()),
            "notebooks/scratch.ipynb": nb(code()),
            "docs/tutorial.ipynb": nb(code()),
        }
    )
    finding = only(check_unadopted(root, "OSS304"))
    assert finding.path == "notebooks/scratch.ipynb"
    assert finding.message.endswith(", as most notebooks of this repository are named")


def test_numbered_chapters_with_differing_second_words_set_no_pattern(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    chapters = [
        "00-is-it-a-cat",
        "01-jupyter-101",
        "02-how-to-save",
        "03-how-nets-learn",
        "04-why-frameworks",
        "05-our-data",
    ]
    files = {f"{name}.ipynb": nb(code()) for name in chapters}
    files |= {f"clean/{name}.ipynb": nb(code()) for name in chapters}  # a copy repeats every name
    files["slides/cats.ipynb"] = nb(code())
    assert check_unadopted(make_repo(files), "OSS304") == []


def test_two_authors_initials_still_set_the_pattern(make_repo: MakeRepo, check_unadopted: Check) -> None:
    names = ["1.0-jqp-eda", "2.0-jqp-features", "3.0-abc-model", "4.0-abc-report"]
    files = {f"notebooks/{name}.ipynb": nb(code()) for name in names} | {
        "notebooks/scratch.ipynb": nb(code())
    }
    assert [f.path for f in check_unadopted(make_repo(files), "OSS304")] == ["notebooks/scratch.ipynb"]


def test_the_pattern_applies_where_the_readme_sets_it(make_repo: MakeRepo, check_unadopted: Check) -> None:
    readme = (
        "## Project Organization\n\n    ├── notebooks  <- Jupyter notebooks. Naming convention is a number (for\n"
        "    │                ordering), the creator's initials, and a short `-` delimited description\n"
    )
    root = make_repo({"README.md": readme, "notebooks/Predict tags.ipynb": nb(code())})
    assert only(check_unadopted(root, "OSS304")).message.endswith(", which README.md sets")


TEAM_README = (
    "├── notebooks   <- Jupyter notebooks. Naming convention is a number (for ordering),\n"
    "│                  the creator's initials, and a short `-` delimited description, e.g.\n"
    "│                  `4_QZ_first-look`.\n"
)


@pytest.mark.parametrize("select", ["by name", "default"])
def test_the_readmes_own_example_sets_the_pattern(
    make_repo: MakeRepo, check: Check, check_unadopted: Check, select: str
) -> None:
    root = make_repo(
        {
            "README.md": TEAM_README,
            "notebooks/0_QZ_cleaning.ipynb": nb(code()),
            "notebooks/1_WT_model-tuning.ipynb": nb(code()),
            "notebooks/2_qz_features.ipynb": nb(code()),  # initials in lower case are still initials
            "notebooks/1.0-qz-cleaning.ipynb": nb(code()),
        }
    )
    finding = only((check if select == "by name" else check_unadopted)(root, "OSS304"))
    assert finding.path == "notebooks/1.0-qz-cleaning.ipynb"
    assert r"^\d+(\.\d+)*_[A-Za-z0-9]+_[a-z0-9][a-z0-9_-]*\.ipynb$" in finding.message
    assert "for example 4_QZ_first-look.ipynb" in finding.message


@pytest.mark.parametrize(
    ("example", "pattern"),
    [
        ("1.0-jqp-initial-data-exploration", r"^\d+(\.\d+)*-[a-z0-9]+-[a-z0-9][a-z0-9_-]*\.ipynb$"),
        ("4_QZ_first-look", r"^\d+(\.\d+)*_[A-Za-z0-9]+_[a-z0-9][a-z0-9_-]*\.ipynb$"),
        ("1.0-RMN-initial-data-exploration", r"^\d+(\.\d+)*-[A-Za-z0-9]+-[a-z0-9][a-z0-9_-]*\.ipynb$"),
        ("2.1.Jo-Sales_Report.ipynb", r"^\d+(\.\d+)*\.[A-Za-z0-9]+-[A-Za-z0-9][A-Za-z0-9_-]*\.ipynb$"),
        ("exploration", None),
        ("1.0-initial", None),
    ],
)
def test_pattern_from_a_readme_example(example: str, pattern: str | None) -> None:
    assert pattern_from_example(example) == pattern


def test_a_readme_example_that_is_no_pattern_silences_the_rule(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    readme = "Notebooks: naming convention is a number and a topic, e.g. `07 final model`.\n"
    root = make_repo({"README.md": readme, "notebooks/final model.ipynb": nb(code())})
    assert check_unadopted(root, "OSS304") == []


def test_a_number_in_front_alone_is_no_convention(make_repo: MakeRepo, check_unadopted: Check) -> None:
    # Chapters numbered for reading order; two-word titles fit number-initials-topic by accident.
    chapters = {
        "01-welcome.ipynb": nb(code()),
        "02-linear-models.ipynb": nb(code()),
        "03-decision-trees.ipynb": nb(code()),
        "04-neural-networks.ipynb": nb(code()),
        "05-summary.ipynb": nb(code()),
    }
    assert check_unadopted(make_repo(chapters), "OSS304") == []


def test_initials_shared_by_notebooks_still_make_the_convention(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo(
        {
            "notebooks/1.0-marta-cleaning.ipynb": nb(code()),
            "notebooks/2.0-marta-features.ipynb": nb(code()),
            "notebooks/3.0-marta-model.ipynb": nb(code()),
            "notebooks/final results.ipynb": nb(code()),
        }
    )
    assert only(check_unadopted(root, "OSS304")).path == "notebooks/final results.ipynb"


def test_a_notebook_a_readme_lists_by_name_is_documented(make_repo: MakeRepo, check_unadopted: Check) -> None:
    readme = (
        "├── notebooks   <- Jupyter notebooks. Naming convention is a number (for ordering),\n"
        "│   └── crawl-stations.ipynb    <- downloads the station list\n"
        "│   └── Untitled.ipynb          <- (kept by mistake)\n"
    )
    root = make_repo(
        {
            "README.md": readme,
            "notebooks/crawl-stations.ipynb": nb(code()),
            "notebooks/map-stations.ipynb": nb(code()),
            "notebooks/README.md": "- `plot_delays.ipynb`: the delay charts\n",
            "notebooks/plot_delays.ipynb": nb(code()),
            "notebooks/Untitled.ipynb": nb(code()),
        }
    )
    assert sorted(f.path for f in check_unadopted(root, "OSS304")) == [
        "notebooks/Untitled.ipynb",
        "notebooks/map-stations.ipynb",
    ]


def test_a_valid_name_is_decided_without_parsing(make_repo: MakeRepo, check: Check) -> None:
    # The name alone decides; a broken notebook with a good name is OSS301's, not this rule's.
    root = make_repo({GOOD: "{ broken", "notebooks/Untitled.ipynb": "{ broken"})
    assert check(root, "OSS304") == []


def test_name_pattern_is_configurable(make_repo: MakeRepo, check: Check) -> None:
    pyproject = options("notebook-name", pattern=r"^[a-z_]+\.ipynb$")
    root = make_repo(
        {
            "notebooks/explore.ipynb": nb(code()),
            "notebooks/1.0-abc-x.ipynb": nb(code()),
            "pyproject.toml": pyproject,
        }
    )
    finding = only(check(root, "OSS304"))
    assert finding.path == "notebooks/1.0-abc-x.ipynb"
    assert "for example" not in finding.message  # the default example does not fit this pattern


def test_a_name_pattern_that_backtracks_for_ever_reports_nothing(make_repo: MakeRepo, check: Check) -> None:
    # The settings are the repository's too: a pattern nobody can wait for is given up on.
    pyproject = options("notebook-name", pattern=r"^(a+)+$")
    root = make_repo({f"notebooks/{'a' * 40}.ipynb": nb(code()), "pyproject.toml": pyproject})
    assert check(root, "OSS304") == []


def test_invalid_name_pattern_is_a_config_error(make_repo: MakeRepo, run_checks: Run) -> None:
    root = make_repo({GOOD: nb(code()), "pyproject.toml": options("notebook-name", pattern="([")})
    with pytest.raises(ConfigError, match="pattern is not a valid regular expression"):
        run_checks(root, "OSS304")


def test_per_path_ignores_silence_a_folder(make_repo: MakeRepo, run_checks: Run) -> None:
    pyproject = (
        '[tool.oss-checks.per-path-ignores]\n"notebooks/legacy/**" = { OSS304 = "kept as published" }\n'
    )
    root = make_repo(
        {
            "notebooks/legacy/Old.ipynb": nb(code()),
            "notebooks/New.ipynb": nb(code()),
            "pyproject.toml": pyproject,
        }
    )
    result = run_checks(root, "OSS304")
    assert [f.path for f in result.findings] == ["notebooks/New.ipynb"]
    assert [(i.finding.path, i.reason) for i in result.ignored] == [
        ("notebooks/legacy/Old.ipynb", "kept as published")
    ]


# -- OSS305 notebook-location --------------------------------------------------------------


def test_notebooks_in_notebook_and_docs_folders_pass(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {GOOD: nb(code()), "notebooks/eda/1.0-a-b.ipynb": nb(code()), "docs/tutorial.ipynb": nb(code())}
    )
    assert check(root, "OSS305") == []


@pytest.mark.parametrize("path", ["1.0-abc-x.ipynb", "src/pkg/1.0-abc-x.ipynb", "analyses/1.0-abc-x.ipynb"])
def test_notebooks_elsewhere_are_reported(make_repo: MakeRepo, check: Check, path: str) -> None:
    root = make_repo({path: nb(code())})
    finding = only(check(root, "OSS305"))
    assert (finding.path, finding.line) == (path, 0)
    assert (
        "outside the notebook folders (notebooks*/, docs/, doc/, examples/, tutorials/, demo*/)"
        in finding.message
    )
    assert "notebooks/1.0-abc-x.ipynb" in finding.message


def test_a_suggested_move_never_targets_a_file_that_exists(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {"src/eda.ipynb": nb(code()), "notebooks/eda.ipynb": nb(code()), "notebooks/src-eda.ipynb": "{}"}
    )
    assert only(check(root, "OSS305")).message.endswith("move it, e.g. to notebooks/eda-2.ipynb")


@pytest.mark.parametrize(
    "layout",
    [
        # A book or a course: notebooks per chapter or module, most outside any notebook folder.
        {"ch03/ch03.ipynb": "", "ch08/ch08.ipynb": "", "01_the_landscape.ipynb": "", "notebooks/x.ipynb": ""},
        # A competition: notebooks at the top reading input/ by relative path, no notebook folder.
        {"blender.ipynb": "", "lgbm.ipynb": "", "input/.gitkeep": None},
        # A team template's notebooks inside the package, and evaluation notebooks documented in place.
        {
            "pkg/__init__.py": None,
            "pkg/notebooks/violin_plots.ipynb": "",
            "pkg/pipeline/skills/evaluation/skills_evaluation.ipynb": "",
            "pkg/pipeline/skills/evaluation/README.md": None,
        },
        # Tutorials, docs and demos.
        {
            "examples/VAE_tutorial.ipynb": "",
            "doc/source/x.ipynb": "",
            "demos/y.ipynb": "",
            "notebooks_v1/z.ipynb": "",
        },
        {"tests/notebooks/fixture.ipynb": "", "notebooks/a.ipynb": "", "notebooks/b.ipynb": ""},
    ],
)
def test_layouts_real_repositories_have(
    make_repo: MakeRepo, check_unadopted: Check, layout: dict[str, str | None]
) -> None:
    files = {path: (nb(code()) if content == "" else "") for path, content in layout.items()}
    assert check_unadopted(make_repo(files), "OSS305") == []


def test_strays_and_notebooks_in_package_code_are_reported_elsewhere(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    root = make_repo(
        {
            "notebooks/1.0-a-eda.ipynb": nb(code()),
            "notebooks/2.0-a-model.ipynb": nb(code()),
            "notebooks/3.0-a-report.ipynb": nb(code()),
            "analysis.ipynb": nb(code()),
            "src/pkg/__init__.py": "",
            "src/pkg/features/try.ipynb": nb(code()),
        }
    )
    findings = check_unadopted(root, "OSS305")
    assert [(f.path, f.message) for f in findings] == [
        (
            "analysis.ipynb",
            (
                "notebook is outside the notebook folders where this repository keeps 3 of its 5 notebooks: "
                "move it, e.g. to notebooks/analysis.ipynb"
            ),
        ),
        (
            "src/pkg/features/try.ipynb",
            "notebook is inside the code of the package src/pkg/: move it, e.g. to notebooks/try.ipynb",
        ),
    ]


def test_the_pages_of_a_book_stay_where_its_table_of_contents_lists_them(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # A Jupyter Book in a folder of its own: most notebooks are kept raw, the pages are chapters.
    files = {
        **{f"guide/raw-notebooks/n{index}.ipynb": nb(code()) for index in range(4)},
        "guide/spark-functions/arrays.ipynb": nb(code()),
        "guide/intro.md": "# Guide\n",
        "analysis.ipynb": nb(code()),
    }
    toc = "format: jb-book\nroot: intro\nchapters:\n- file: spark-functions/arrays\n"
    assert [f.path for f in check_unadopted(make_repo(files), "OSS305")] == [
        "analysis.ipynb",
        "guide/spark-functions/arrays.ipynb",
    ]
    # With the book's table of contents, its pages are left where readers open them.
    booked = make_repo({**files, "guide/_toc.yml": toc})
    assert [f.path for f in check_unadopted(booked, "OSS305")] == ["analysis.ipynb"]
    # A book at the top still leaves no notebook inside the package's code.
    top = {**{k.removeprefix("guide/"): v for k, v in files.items()}, "_toc.yml": toc}
    top.update({"src/pkg/__init__.py": "", "src/pkg/debug.ipynb": nb(code())})
    assert "src/pkg/debug.ipynb" in [f.path for f in check_unadopted(make_repo(top), "OSS305")]


def test_a_stray_moves_to_the_docs_or_examples_that_hold_the_notebooks_and_scripts_keep_theirs(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    files = {
        "examples/fit.ipynb": nb(code()),
        "examples/compare.ipynb": nb(code()),
        "examples/plot.ipynb": nb(code()),
        "pkg/docs/interface.ipynb": nb(code()),
        "scratch/try.ipynb": nb(code()),
        "preprocessing/configs_check.ipynb": nb(code()),  # beside the R scripts whose inputs it checks
        "preprocessing/seir_init.R": "x <- 1\n",
        "kaggle/sub/sub.ipynb": nb(code()),  # the folder `kaggle kernels push -p` uploads
        "kaggle/sub/kernel-metadata.json": '{"id": "me/sub", "code_file": "sub.ipynb"}\n',
    }
    findings = check_unadopted(make_repo(files), "OSS305")
    assert [(f.path, f.message.rpartition(" ")[2]) for f in findings] == [
        ("scratch/try.ipynb", "examples/try.ipynb")
    ]


def test_a_readme_of_its_own_name_that_names_the_notebook_keeps_it_in_place(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # A model inside the package tree, documented by the README beside it: a part of the project.
    root = make_repo(
        {
            "src/__init__.py": "",
            "src/loader.py": "",
            "src/README_build_daily.md": "How the daily table is built from the raw extracts.\n",
            "src/eda.ipynb": nb(code()),
            "src/stopflow/README_STOPFLOW.md": "Run `stopflow_model_jan26.ipynb`; it writes to output/.\n",
            "src/stopflow/stopflow_model_jan26.ipynb": nb(code()),
            "src/stopflow/scratch.ipynb": nb(code()),
        }
    )
    assert sorted(f.path for f in check_unadopted(root, "OSS305")) == [
        "src/eda.ipynb",
        "src/stopflow/scratch.ipynb",
    ]


def test_a_package_that_keeps_its_notebook_folder_inside_holds_notebooks(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # A team template that puts notebooks inside the package, next to the code they serve.
    files = {
        "setup.py": "from setuptools import setup\nsetup(name='pkg')\n",
        "pkg/__init__.py": "",
        "pkg/notebooks/models/04a_train.ipynb": nb(code()),
        "pkg/notebooks/models/05_inference.ipynb": nb(code()),
        "pkg/notebooks/patents/explore.ipynb": nb(code()),
        "pkg/notebooks/patents/fetch.ipynb": nb(code()),
        "pkg/analysis/evaluate/00_prepare_data.ipynb": nb(code()),
        "pkg/analysis/evaluate/01_filter.ipynb": nb(code()),
        "pkg/analysis/evaluate/eval_recipe.py": "",
        "pkg/pipeline/labelling/testing.ipynb": nb(code()),
    }
    findings = check_unadopted(make_repo(files), "OSS305")
    # The numbered steps of one workflow stay together; a lone scratch notebook is a stray, and
    # the move goes to the package's own notebook folder, not to a notebooks/ nobody has.
    assert [(f.path, f.message) for f in findings] == [
        (
            "pkg/pipeline/labelling/testing.ipynb",
            (
                "notebook is outside the notebook folders where this repository keeps 4 of its 7 notebooks: "
                "move it, e.g. to pkg/notebooks/testing.ipynb"
            ),
        )
    ]


def test_a_single_numbered_notebook_or_a_series_at_the_top_is_no_workflow_folder(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    files = {
        "notebooks/1.0-a-eda.ipynb": nb(code()),
        "notebooks/2.0-a-model.ipynb": nb(code()),
        "notebooks/3.0-a-report.ipynb": nb(code()),
        "notebooks/4.0-a-deploy.ipynb": nb(code()),
        "01_scratch.ipynb": nb(code()),
        "02_scratch.ipynb": nb(code()),
        "tools/03_once.ipynb": nb(code()),
    }
    paths = [f.path for f in check_unadopted(make_repo(files), "OSS305")]
    assert paths == ["01_scratch.ipynb", "02_scratch.ipynb", "tools/03_once.ipynb"]


def test_in_a_collection_of_projects_each_keeps_its_own_notebooks(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    files = {
        "README.md": "# Our volunteer projects\n",
        "wiki-gaps/README.md": "# Wiki gaps\n",
        **{f"wiki-gaps/notebooks/0{n}_step.ipynb": nb(code()) for n in range(5)},
        "wiki-gaps/scratch/try.ipynb": nb(code()),  # a stray of its own project
        "survey/README.md": "# Survey\n",
        "survey/Label_Analysis.ipynb": nb(code()),  # where this project keeps its one notebook
        "logo/draw.ipynb": nb(code()),  # in no project
        "Workshop_Bigrams.ipynb": nb(code()),  # at the top of the collection
    }
    findings = check_unadopted(make_repo(files), "OSS305")
    assert [(f.path, f.message) for f in findings] == [
        (
            "wiki-gaps/scratch/try.ipynb",
            (
                "notebook is outside the notebook folders where the project wiki-gaps/ keeps 5 of its "
                "6 notebooks: move it, e.g. to wiki-gaps/notebooks/try.ipynb"
            ),
        )
    ]


def test_a_collection_inside_a_folder_keeps_each_sources_notebooks_apart(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # A data team's volumes/: one folder per data source, each with its readme and notebooks.
    files = {
        "README.md": "# Data sources\n",
        "volumes/miovision/README.md": "# Miovision\n",
        **{f"volumes/miovision/dev_notebooks/{n}.ipynb": nb(code()) for n in "abcd"},
        "volumes/vds/README.md": "# VDS\n",
        "volumes/vds/exploration/explore_vdsdata.ipynb": nb(code()),
        "dags/etl.py": "print(1)\n",
    }
    assert check_unadopted(make_repo(files), "OSS305") == []


def test_jupyters_autosave_copies_are_leftovers_to_remove_not_notebooks(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    empty = nb(metadata={})
    files = {
        **{f"notebooks/{n}.0-ab-step.ipynb": nb(code()) for n in range(3)},
        "tools/.ipynb_checkpoints/Untitled-checkpoint.ipynb": empty,
        "notebooks/.ipynb_checkpoints/1.0-ab-step-checkpoint.ipynb": nb(code("open('/home/ann/x.csv')")),
        "notebooks/01_api_seed.ipynb.ipynb": nb(code()),
    }
    findings = check_unadopted(make_repo(files), "OSS304", "OSS305", "OSS306", "OSS401")
    assert [(f.code, f.path) for f in findings] == [
        ("OSS304", "notebooks/.ipynb_checkpoints/1.0-ab-step-checkpoint.ipynb"),
        ("OSS304", "notebooks/01_api_seed.ipynb.ipynb"),
        ("OSS304", "tools/.ipynb_checkpoints/Untitled-checkpoint.ipynb"),
    ]
    assert findings[2].message == (
        "'Untitled-checkpoint.ipynb' is a copy Jupyter saved on its own, not a notebook of the project: "
        "take the folder out of git with `git rm -r --cached tools/.ipynb_checkpoints` and add "
        ".ipynb_checkpoints/ to .gitignore"
    )
    assert findings[1].message.endswith("has its extension twice: rename it to '01_api_seed.ipynb'")


def test_a_notebook_kept_with_the_scripts_of_its_own_folder_is_that_tools(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    files = {
        **{f"notebooks/{n}.0-ab-step.ipynb": nb(code()) for n in range(6)},
        "scripts/runs_comparison/compare_runs.py": "import pandas\n",
        "scripts/runs_comparison/compare_runs_notebook.ipynb": nb(code("pd.read_csv('runs.csv')")),
        "src/__init__.py": "",
        "src/inference_profiling/profile_program.py": "print(1)\n",  # scripts, no package
        "src/inference_profiling/model_logs_visualization.ipynb": nb(code()),
        "src/features/__init__.py": "",
        "src/features/build.py": "def f():\n    return 1\n",
        "src/features/try.ipynb": nb(code()),  # inside an importable package's code
        "analysis/explore.ipynb": nb(code()),  # a stray with no scripts beside it
    }
    paths = [f.path for f in check_unadopted(make_repo(files), "OSS305")]
    assert paths == ["analysis/explore.ipynb", "src/features/try.ipynb"]


def test_a_folder_with_an_init_in_a_project_that_is_no_package_is_an_analysis(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # A uv workspace of analyses (package = false): one folder got an __init__.py to fix its imports.
    files = {
        "pyproject.toml": '[project]\nname = "analyses"\nversion = "0.1"\n\n[tool.uv]\npackage = false\n',
        "ntd/__init__.py": "",
        "ntd/utils.py": "def load():\n    return 1\n",
        "ntd/ridership.ipynb": nb(code()),
    }
    assert check_unadopted(make_repo(files), "OSS305") == []
    # A package the repository builds is package code, wherever its notebook is.
    built = {
        **files,
        "pyproject.toml": '[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "ntd"\n',
    }
    assert [f.path for f in check_unadopted(make_repo(built), "OSS305")] == ["ntd/ridership.ipynb"]


def test_notebook_folders_are_configurable(make_repo: MakeRepo, check: Check) -> None:
    # Configured folders replace the defaults.
    root = make_repo(
        {
            "analyses/churn/1.0-a-b.ipynb": nb(code()),
            GOOD: nb(code()),
            "pyproject.toml": options("notebook-location", folders=["analyses/*"]),
        }
    )
    assert [f.path for f in check(root, "OSS305")] == [GOOD]


COLAB_BADGE = "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
COURSE = {
    "lab1/notebooks/lab1-tensors.ipynb": nb(code()),
    "lab2/notebooks/lab2-training.ipynb": nb(code()),
    "lab2/notebooks/lab2-tuning.ipynb": nb(code()),
    "welcome.ipynb": nb(code()),
}


def test_a_course_whose_readme_offers_its_notebooks_keeps_them_where_they_are(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # The badges go through short links, which cannot be followed offline: the badges say enough.
    readme = (
        "# Course\n\n| Lab | Open |\n|---|---|\n"
        f"| Lab 0: Welcome | {COLAB_BADGE}(https://sho.rt/lab0) |\n"
        f"| Lab 1: Tensors | {COLAB_BADGE}(https://sho.rt/lab1) |\n"
    )
    assert check_unadopted(make_repo({**COURSE, "readme.md": readme}), "OSS305") == []
    # Without the badges the stray welcome notebook is still reported.
    plain = make_repo({**COURSE, "readme.md": "# Course\n\nWork through the labs in order.\n"})
    assert [f.path for f in check_unadopted(plain, "OSS305")] == ["welcome.ipynb"]


@pytest.mark.parametrize(
    ("page", "link"),
    [
        ("docs/results.md", "[the summary](../results/summary.ipynb)"),
        (
            "docs/results.rst",
            "`the summary <https://github.com/acme/study/blob/main/results/summary.ipynb>`_",
        ),
        ("docs/index.md", "<https://nbviewer.org/github/acme/study/blob/main/results/summary.ipynb>"),
        ("README.md", "[all results](https://github.com/acme/study/tree/main/results)"),
        ("README.rst", "`all results <https://github.com/acme/study/tree/main/results/>`_"),
    ],
)
def test_a_notebook_a_readme_or_docs_page_links_is_where_its_authors_present_it(
    make_repo: MakeRepo, check_unadopted: Check, page: str, link: str
) -> None:
    files = {
        "notebooks/1.0-a-eda.ipynb": nb(code()),
        "notebooks/2.0-a-model.ipynb": nb(code()),
        "notebooks/3.0-a-report.ipynb": nb(code()),
        "results/summary.ipynb": nb(code()),
        "scratch/try.ipynb": nb(code()),
        # The addresses are on github.com/acme/study: the project's own repository.
        "pyproject.toml": '[project]\nname = "study"\n',
        page: f"Study\n=====\n\nRead {link}.\n",
    }
    # The notebook nobody links still strays from where the others are.
    assert [f.path for f in check_unadopted(make_repo(files), "OSS305")] == ["scratch/try.ipynb"]


def test_a_readme_that_sends_readers_to_notebooks_publishes_their_places(
    make_repo: MakeRepo, check_unadopted: Check, check: Check
) -> None:
    # Readers open them by their addresses (links, badges, bookmarks): moving any breaks those.
    files = {
        "notebooks/1.0-a-eda.ipynb": nb(code()),
        "notebooks/2.0-a-model.ipynb": nb(code()),
        "results/summary.ipynb": nb(code()),
        "README.md": "# Study\n\nRead [the summary](results/summary.ipynb).\n",
    }
    assert check_unadopted(make_repo(files), "OSS305") == []
    assert [f.path for f in check(make_repo(files), "OSS305")] == ["results/summary.ipynb"], "adopters"


SLIDES = nb(
    {**markdown("# A talk"), "metadata": {"slideshow": {"slide_type": "slide"}}},
    {**markdown("## Why"), "metadata": {"slideshow": {"slide_type": "subslide"}}},
    metadata={**KERNEL, "rise": {"scroll": True}},
)


def test_a_slide_deck_is_presentation_material_like_docs(
    make_repo: MakeRepo, check_unadopted: Check, check: Check
) -> None:
    files = {
        "notebooks/1.0-a-eda.ipynb": nb(code()),
        "notebooks/2.0-a-model.ipynb": nb(code()),
        "notebooks/3.0-a-report.ipynb": nb(code()),
        "talks/pycon2019/talk.ipynb": nb(code()),  # kept with its talk, slide types or not
        "meetup/deck.ipynb": SLIDES,  # a RISE deck anywhere
        "meetup/analysis.ipynb": nb(code()),  # beside it, a plain notebook: still a stray
    }
    root = make_repo(files)
    assert [f.path for f in check_unadopted(root, "OSS305")] == ["meetup/analysis.ipynb"]
    assert [f.path for f in check(root, "OSS305")] == ["meetup/analysis.ipynb"]


def test_a_move_is_suggested_into_the_folder_that_holds_most_notebooks(
    make_repo: MakeRepo, check_unadopted: Check, check: Check
) -> None:
    files = {
        "python/notebooks/druguse.ipynb": nb(code()),
        "python/notebooks/prices/part_d.ipynb": nb(code()),
        "python/notebooks/prices/increases.ipynb": nb(code()),
        "r/notebooks/one.ipynb": nb(code()),
        "python/timeseries/dive.ipynb": nb(code()),
        "python/notebooks/dive.ipynb": nb(code()),
    }
    finding = only(check_unadopted(make_repo(files), "OSS305"))
    assert finding.path == "python/timeseries/dive.ipynb"
    # Never onto a file that exists: the folder's name goes in front.
    assert finding.message.endswith("move it, e.g. to python/notebooks/timeseries-dive.ipynb")
    # With the conventions in full only the configured folders (notebooks*/ at the top) qualify.
    full = check(make_repo({**files, "notebooks/1.0-a-b.ipynb": nb(code())}), "OSS305")
    assert len(full) == 6
    assert all(", e.g. to notebooks/" in f.message for f in full)


def test_a_notebook_that_imports_a_module_beside_it_stays_with_it(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    files = {
        "notebooks/1.0-abc-eda.ipynb": nb(code()),
        "notebooks/2.0-abc-model.ipynb": nb(code()),
        "notebooks/3.0-abc-report.ipynb": nb(code()),
        "slack/magic/__init__.py": "",
        "slack/magic/abracadabra.py": "class Abracadabra: ...\n",
        "slack/magic/Try magic.ipynb": nb(code("from abracadabra import Abracadabra\nAbracadabra()")),
        "slack/magic/Other.ipynb": nb(code("import pandas as pd")),  # imports nothing of its folder
    }
    assert [f.path for f in check_unadopted(make_repo(files), "OSS305")] == ["slack/magic/Other.ipynb"]


# -- OSS306 notebook-kernel ----------------------------------------------------------------


def test_notebook_with_kernel_metadata_passes(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(code())})
    assert check(root, "OSS306") == []


@pytest.mark.parametrize(
    "metadata",
    [
        {},
        {"kernelspec": "python3", "language_info": {"name": " "}},
        {"kernelspec": {"display_name": "Python 3"}, "language_info": []},
        {"application/vnd.databricks.v1+notebook": {"notebookName": "sales"}},  # no language in it
    ],
)
def test_a_notebook_that_records_neither_kernel_nor_language_is_reported(
    make_repo: MakeRepo, check: Check, metadata: dict[str, Any]
) -> None:
    root = make_repo({GOOD: nb(code(), metadata=metadata)})
    finding = only(check(root, "OSS306"))
    assert (finding.path, finding.line, finding.cell) == (GOOD, 0, None)
    assert "no kernelspec.name and no language_info.name" in finding.message


@pytest.mark.parametrize(
    "metadata",
    [
        # Colab saves the kernel and no language_info.
        {"kernelspec": {"name": "python3", "display_name": "Python 3"}, "accelerator": "GPU"},
        # A docs build that runs its notebooks picks the kernel; the language is recorded.
        {"language_info": {"name": "python", "version": "3.11.4"}},
        # A Databricks export: the cluster is the kernel, the language is in Databricks' metadata.
        {"application/vnd.databricks.v1+notebook": {"notebookName": "sales", "language": "python"}},
    ],
)
def test_one_of_kernel_and_language_is_enough(
    make_repo: MakeRepo, check: Check, metadata: dict[str, Any]
) -> None:
    root = make_repo({GOOD: nb(code(), metadata=metadata)})
    assert check(root, "OSS306") == []


def test_an_old_notebook_records_its_language_in_its_code_cells(make_repo: MakeRepo, check: Check) -> None:
    markdown_only = old_nb({"cell_type": "markdown", "metadata": {}, "source": "notes"})
    root = make_repo({GOOD: old_nb(old_code("1", 1, [])), "notebooks/2.0-abc-notes.ipynb": markdown_only})
    assert [f.path for f in check(root, "OSS306")] == ["notebooks/2.0-abc-notes.ipynb"]


# -- OSS307 notebook-credentials -----------------------------------------------------------

# Built at run time so that secret scanners do not flag this test file.
AWS_KEY = "AKIA" + "ABCDEFGHIJ234567"
SECRETS = {
    "AWS access key id": AWS_KEY,
    "GitHub token": "ghp_" + "a1B2" * 9,
    "GitLab token": "glpat-" + "x1Y2z3" * 4,
    "Slack token": "xoxb-" + "1234567890-abcdef",
    "Google API key": "AIza" + "S" * 20 + "y" * 15,
    "OpenAI API key": "sk-proj-" + "a" * 20 + "T3BlbkFJ" + "b" * 20,
    "private key": "-----BEGIN RSA " + "PRIVATE KEY-----",
    "JSON web token": "eyJ"
    + "hbGciOiJIUzI1NiJ9"
    + ".eyJ"
    + "zdWIiOiIxMjM0NTY3ODkwIn0"
    + "."
    + "abcDEF123_-xyz",
    "password": "DB_PASS" + "WORD='hunter2'",
    "password in a connection string": "postgresql://ana:" + "s3cr3t@db.example.org/sales",
}


@pytest.mark.parametrize("kind", sorted(SECRETS))
def test_credentials_in_outputs_are_reported_masked(make_repo: MakeRepo, check: Check, kind: str) -> None:
    secret = SECRETS[kind]
    output = stream(f"connecting\nvalue: {secret}\n")
    root = make_repo({GOOD: nb(code(), code("connect()", count=1, outputs=[output]))})
    finding = only(check(root, "OSS307"))
    assert (finding.code, finding.path, finding.cell, finding.line, finding.col) == ("OSS307", GOOD, 2, 2, 8)
    article = "an" if kind[0].lower() in "aeiou" else "a"
    assert f"shows {article} {kind} (" in finding.message
    assert "line 2 of the output" in finding.message
    assert secret not in finding.message
    assert "hunter2" not in finding.message
    assert "s3cr3t" not in finding.message


def test_credentials_in_code_are_not_this_rules_business(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(code(f"key = '{AWS_KEY}'"))})
    assert check(root, "OSS307") == []


def test_credentials_in_error_tracebacks_and_results(make_repo: MakeRepo, check: Check) -> None:
    error = {
        "output_type": "error",
        "ename": "ValueError",
        "evalue": "bad",
        "traceback": ["\x1b[0;31mValueError\x1b[0m", f"\x1b[0;32mkey\x1b[0m={AWS_KEY}"],
    }
    result = {
        "output_type": "execute_result",
        "execution_count": 2,
        "metadata": {},
        "data": {"text/plain": AWS_KEY},
    }
    root = make_repo({GOOD: nb(code(count=1, outputs=[error]), code(count=2, outputs=[result]))})
    assert sorted((f.cell, f.line, f.col) for f in check(root, "OSS307")) == [(1, 3, 5), (2, 1, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "password=None",
        "password: ********",
        "password = getpass.getpass()",
        "Enter password:",
        "connect(host, password=password)",
        "password_file=/run/secrets/db",
        "passwords: 3",
        "https://user:****@example.org",
        "sk-learn-is-not-a-key",
        "AKIAshort",
        "see https://example.org/home/page",
    ],
)
def test_harmless_text_is_not_a_credential(make_repo: MakeRepo, check: Check, text: str) -> None:
    root = make_repo({GOOD: nb(code(count=1, outputs=[stream(text)]))})
    assert check(root, "OSS307") == []


# -- robustness: every 3xx and 4xx rule on arbitrary input ---------------------------------

CODES = [f"OSS30{n}" for n in range(1, 8)] + [f"OSS40{n}" for n in range(1, 9)]


def _containers(children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    # A named function: hypothesis reads a multi-line lambda's source badly and warns that it never recurses.
    return st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    _containers,
    max_leaves=20,
)
texts = st.text(max_size=200) | st.sampled_from(
    ["x = '/home/a'", "!ls ~/x", "%%bash\ncd /mnt/x", '"""', "\\"]
)
sources = texts | st.lists(texts, max_size=3) | json_values
outputs = st.lists(
    st.fixed_dictionaries(
        {"output_type": st.sampled_from(["stream", "error", "execute_result", "other"])},
        optional={
            "text": sources,
            "data": json_values | st.fixed_dictionaries({"text/plain": sources}),
            "traceback": json_values | st.lists(texts, max_size=3),
            "evalue": json_values,
        },
    )
    | json_values,
    max_size=3,
)
cells = st.fixed_dictionaries(
    {},
    optional={
        "cell_type": st.sampled_from(["code", "markdown", "raw"]) | json_values,
        "source": sources,
        "execution_count": st.none() | st.integers() | json_values,
        "outputs": outputs | json_values,
        "metadata": json_values | st.fixed_dictionaries({"tags": json_values}),
    },
)
notebooks = st.fixed_dictionaries(
    {"nbformat": st.sampled_from([4, 3]) | json_values, "cells": st.lists(cells | json_values, max_size=4)},
    optional={"metadata": json_values},
)
contents = (
    st.binary(max_size=300)
    | json_values.map(json.dumps)
    | notebooks.map(json.dumps)
    | texts
    | texts.map(lambda text: text.encode("utf-8", "surrogatepass"))
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notebook=contents, script=contents)
def test_no_rule_crashes_on_arbitrary_files(notebook: str | bytes, script: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_tree(
            root,
            {
                "notebooks/1.0-abc-x.ipynb": notebook,
                "Untitled.ipynb": script,
                "src/pkg/module.py": script,
                "analysis.py": notebook,
                "data/raw/README.md": "Raw data.\n",
                ".gitignore": script if isinstance(script, str) else "",
                ".env": "SECRET=1\n",
            },
        )
        result = check_repository(root, select=list(CODES))
        assert result.errors == []


def test_a_second_part_the_folder_repeats_is_a_topic_not_initials(
    make_repo: MakeRepo, check_unadopted: Check
) -> None:
    # Numbered notebooks of one topic, named after their folder: "parametric" is no author.
    names = ["01.0-parametric-umap-basic", "02.0-parametric-umap-convnet", "03.0-parametric-umap-loss"]
    files = {f"notebooks/Parametric_UMAP/{name}.ipynb": nb(code()) for name in names}
    files["notebooks/Parametric_UMAP/06.0-nonparametric-umap.ipynb"] = nb(code())
    files["notebooks/AnimatingUMAP.ipynb"] = nb(code())
    assert check_unadopted(make_repo(files), "OSS304") == []
    # The same names outside a folder of that topic still read as one author's initials.
    files = {f"notebooks/{name}.ipynb": nb(code()) for name in names} | {
        "notebooks/scratch.ipynb": nb(code())
    }
    assert [f.path for f in check_unadopted(make_repo(files), "OSS304")] == ["notebooks/scratch.ipynb"]
