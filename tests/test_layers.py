"""The package's floors: each module imports only from its own floor or the floors below.

Imports inside functions count (they tie modules together at run time as much as
top-level ones); imports under ``if TYPE_CHECKING:`` do not. A new module must be given
a floor here, which is the moment to decide where it belongs (CONTRIBUTING, "How the
code is laid out").
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "checks" / "oss_checks"

#: Bottom to top. A module not listed by name takes the floor of its package.
FLOORS: dict[str, int] = {
    # 0: leaves, the standard library and PyYAML only
    "oss_checks": 0,
    "oss_checks.errors": 0,
    "oss_checks.globs": 0,
    "oss_checks.patterns": 0,
    "oss_checks.git": 0,
    "oss_checks.formats": 0,
    "oss_checks.fixes": 0,
    "oss_checks.record": 0,
    "oss_checks.bake": 0,
    "oss_checks.releases": 0,
    "oss_checks.forked": 0,
    # 1: the files of a repository
    "oss_checks.context": 1,
    # 2: the rule interface, the helpers rules share, the template and its renderer
    "oss_checks.registry": 2,
    "oss_checks.catalog": 2,
    "oss_checks.text": 2,
    "oss_checks.template": 2,
    "oss_checks.render": 2,
    "oss_checks.copier_config": 2,
    # 3: the rules, one module per family, and their catalog
    "oss_checks.rules": 3,
    # 4: settings and what is generated from the registry
    "oss_checks.config": 4,
    "oss_checks.manifest": 4,
    "oss_checks.schema": 4,
    # 5: the engine
    "oss_checks.engine": 5,
    "oss_checks.baseline": 5,
    "oss_checks.sync": 5,
    "oss_checks.adoption": 5,
    # 6: consumers of results
    "oss_checks.output": 6,
    "oss_checks.report": 6,
    "oss_checks.repo_review": 6,
    "oss_checks.archive": 6,
    # 7: one module per command
    "oss_checks.commands": 7,
    # 8: entry points
    "oss_checks.cli": 8,
    "oss_checks.hooks": 8,
    "oss_checks.__main__": 8,
}


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def floor(module: str) -> int:
    name = module
    while name not in FLOORS:
        if "." not in name:
            raise AssertionError(f"{module} has no floor in tests/test_layers.py")
        name = name.rsplit(".", 1)[0]
    return FLOORS[name]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(module: str) -> set[str]:
    """The package's modules that ``module`` imports at run time."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for statement in node.orelse:
                visit(statement)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {
        name for name in found if name.split(".")[0] == "oss_checks" and name in MODULES and name != module
    }


GRAPH = {module: runtime_imports(module) for module in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_to_the_same_floor_or_below(module: str) -> None:
    upward = sorted(name for name in GRAPH[module] if floor(name) > floor(module))
    assert upward == [], f"{module} (floor {floor(module)}) imports from a higher floor: {upward}"


def test_there_is_no_import_cycle() -> None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycle = [*stack[stack.index(target) :], target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


FAMILIES = sorted(name for name in MODULES if name.startswith("oss_checks.rules."))


@pytest.mark.parametrize("family", FAMILIES)
def test_a_rule_family_never_imports_another(family: str) -> None:
    others = sorted(
        name for name in GRAPH[family] if name == "oss_checks.rules" or name.startswith("oss_checks.rules.")
    )
    assert others == [], f"{family} imports {others}: move what they share below the rules (oss_checks.text)"


def test_no_module_imports_a_family_by_name() -> None:
    """Only ``oss_checks.rules.load_rules`` imports families, and only the ones a run needs."""
    importers = {name for name, targets in GRAPH.items() if set(FAMILIES) & targets}
    assert importers == set()
