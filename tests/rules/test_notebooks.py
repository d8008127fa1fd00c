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
        (json.dumps({"nbformat": 3, "worksheets": []}), "nbformat 3"),
        (json.dumps({"cells": []}), "nbformat none"),
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


def test_other_notebook_rules_skip_an_invalid_notebook(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({"Untitled.ipynb": "{ not json", ".gitattributes": "*.ipynb filter=nbstripout\n"})
    assert check(root, "OSS302", "OSS303", "OSS304", "OSS305", "OSS306", "OSS307") == []
    assert [f.code for f in check(root, "OSS301")] == ["OSS301"]


def test_symlinked_notebook_is_not_reported(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(code())}, git_init=False)
    (root / "notebooks/1.1-abc-link.ipynb").symlink_to("1.0-abc-explore.ipynb")
    assert check(root, "OSS301") == []


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
        {".pre-commit-config.yaml": "repos:\n  - repo: https://github.com/srstevenson/nb-clean\n"},
        {".gitattributes": "*.ipynb filter=nbstripout\n*.ipynb diff=ipynb\n"},
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


@pytest.mark.parametrize(("counts", "cell", "now", "before"), [([1, 3, 2, 4], 3, 2, 3), ([5, 5], 2, 5, 5)])
def test_out_of_order_cell_is_reported(
    make_repo: MakeRepo, check: Check, counts: list[int], cell: int, now: int, before: int
) -> None:
    root = make_repo({GOOD: nb(*(code(count=count) for count in counts))})
    finding = only(check(root, "OSS303"))
    assert (finding.path, finding.cell, finding.line, finding.col) == (GOOD, cell, 0, 0)
    assert f"cell {cell} ran as [{now}] after an earlier cell that ran as [{before}]" in finding.message


def test_execution_order_counts_cells_including_markdown(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(markdown(), code(count=2), markdown(), code(), code(count=1))})
    assert only(check(root, "OSS303")).cell == 5


# -- OSS304 notebook-name ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["1.0-abc-explore.ipynb", "2.1.3-jd-feature_selection.ipynb", "10-x-y.ipynb"]
)
def test_conventional_names_pass(make_repo: MakeRepo, check: Check, name: str) -> None:
    root = make_repo({f"notebooks/{name}": nb(code())})
    assert check(root, "OSS304") == []


@pytest.mark.parametrize(
    "name", ["Untitled1.ipynb", "1.0-ABC-explore.ipynb", "explore.ipynb", "1.0-abc.ipynb"]
)
def test_other_names_are_reported(make_repo: MakeRepo, check: Check, name: str) -> None:
    root = make_repo({f"notebooks/{name}": nb(code())})
    finding = only(check(root, "OSS304"))
    assert (finding.path, finding.line, finding.cell) == (f"notebooks/{name}", 0, None)
    assert r"^\d+(\.\d+)*-[a-z0-9]+-[a-z0-9][a-z0-9_-]*\.ipynb$" in finding.message
    assert "for example 1.0-abc-topic.ipynb" in finding.message


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


@pytest.mark.parametrize("path", ["1.0-abc-x.ipynb", "src/pkg/1.0-abc-x.ipynb", "notebooksX/1.0-abc-x.ipynb"])
def test_notebooks_elsewhere_are_reported(make_repo: MakeRepo, check: Check, path: str) -> None:
    root = make_repo({path: nb(code())})
    finding = only(check(root, "OSS305"))
    assert (finding.path, finding.line) == (path, 0)
    assert "outside the notebook folders (notebooks/, docs/)" in finding.message
    assert "notebooks/1.0-abc-x.ipynb" in finding.message


def test_notebook_folders_are_configurable(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo(
        {
            "analyses/churn/1.0-a-b.ipynb": nb(code()),
            GOOD: nb(code()),
            "pyproject.toml": options("notebook-location", folders=["analyses/*"]),
        }
    )
    assert [f.path for f in check(root, "OSS305")] == [GOOD]


# -- OSS306 notebook-kernel ----------------------------------------------------------------


def test_notebook_with_kernel_metadata_passes(make_repo: MakeRepo, check: Check) -> None:
    root = make_repo({GOOD: nb(code())})
    assert check(root, "OSS306") == []


@pytest.mark.parametrize(
    ("metadata", "missing"),
    [
        ({}, "no kernelspec.name and no language_info.name"),
        ({"language_info": {"name": "python"}}, "no kernelspec.name:"),
        ({"kernelspec": {"name": "ir"}, "language_info": {"name": " "}}, "no language_info.name:"),
        ({"kernelspec": "python3", "language_info": {"name": "python"}}, "no kernelspec.name:"),
    ],
)
def test_missing_kernel_metadata_is_reported(
    make_repo: MakeRepo, check: Check, metadata: dict[str, Any], missing: str
) -> None:
    root = make_repo({GOOD: nb(code(), metadata=metadata)})
    finding = only(check(root, "OSS306"))
    assert (finding.path, finding.line, finding.cell) == (GOOD, 0, None)
    assert missing in finding.message


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

CODES = [f"OSS30{n}" for n in range(1, 8)] + [f"OSS40{n}" for n in range(1, 6)]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
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
