"""The package's shape: no import cycles, and the pure modules import no Sphinx or docutils."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "sphinx_phases"

# The layers, outermost first: a module may import its own layer and those after it, never
# one before it (docs/contributing.md, "Layout"). ``cli`` sits beside them and reaches only
# into ``core``; ``locale`` holds the labels every layer writes.
LAYERS = ["extension", "markup", "sphinx_ext", "render", "core"]
SHARED = {"locale", "__init__"}
# The command line's logic that runs, and is tested, without Sphinx.
PURE_CLI = ["cli.migrate", "cli.convert"]


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__") or "__init__"
        found[name] = path
    return found


def _runtime_imports(path: Path) -> set[str]:
    """Modules imported when *path* runs (``if TYPE_CHECKING:`` blocks left out)."""
    tree = ast.parse(path.read_text("utf8"))
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from package import submodule" imports the submodule, not the package's
            # own code only; "from module import name" imports the module.
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                names.add(full if _is_module(full) else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return names


def _is_module(name: str) -> bool:
    if not name.startswith("sphinx_phases."):
        return False
    relative = Path(*name.removeprefix("sphinx_phases.").split("."))
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative).is_dir()


def _internal_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in _runtime_imports(path):
            if imported.startswith("sphinx_phases."):
                target = imported.removeprefix("sphinx_phases.")
                if target in modules and target != name:
                    targets.add(target)
        graph[name] = targets
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of *graph* (its nodes, the first repeated at the end), or None."""
    state: dict[str, int] = {}
    for start in sorted(graph):
        if start in state:
            continue
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return [*path[path.index(child) :], child]
            elif state.get(child) is None:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(graph[child]))))
    return None


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_import_graph_has_no_cycle() -> None:
    cycle = _cycle(_internal_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def _layer(module: str) -> str:
    return module.split(".")[0]


def _core_modules() -> list[str]:
    return sorted(name for name in _modules() if _layer(name) == "core")


def test_the_package_top_level_is_small() -> None:
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    assert len(entries) <= 12, entries


def test_imports_run_one_way_through_the_layers() -> None:
    wrong = []
    for module, targets in _internal_graph().items():
        layer = _layer(module)
        for target in targets:
            reached = _layer(target)
            if reached in SHARED or reached == layer:
                continue
            if layer == "cli":
                allowed = reached == "core"
            elif module in ("__init__", "__main__"):
                # setup() hands over to extension.py; ``python -m`` to the command line.
                allowed = reached == ("extension" if module == "__init__" else "cli")
            else:
                allowed = (
                    layer not in SHARED
                    and reached != "cli"
                    and LAYERS.index(reached) >= LAYERS.index(layer)
                )
            if not allowed:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_module_is_too_long() -> None:
    lines = {name: len(path.read_text("utf8").splitlines()) for name, path in _modules().items()}
    assert {name: n for name, n in lines.items() if n > 450} == {}


@pytest.mark.parametrize("module", [*_core_modules(), *PURE_CLI])
def test_pure_modules_import_no_sphinx(module: str) -> None:
    path = _modules()[module]
    imported = _runtime_imports(path)
    graph = _internal_graph()
    # Everything it reaches inside the package must be pure too.
    reached, todo = set(), [module]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo.extend(graph[name])
    for name in reached:
        for found in _runtime_imports(_modules()[name]) | imported:
            top = found.split(".")[0]
            assert top not in ("sphinx", "docutils"), f"{module} -> {name} imports {found}"
