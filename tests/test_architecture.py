"""The layers of docs/architecture.md, checked on the source: no import cycles, no
import that reaches up a layer.

Every ``import`` and ``from ... import`` of every module counts, at module level
and inside functions; only ``if TYPE_CHECKING:`` blocks are left out (they never
run), and one exception is allowed: a record's display or export method
(``__str__``, ``to_text``, ``to_markdown``, ``_repr_*_``, ``to_records``, ``to_pandas``,
...) may import the renderer.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "occprofile"
DISPLAY_METHODS = (
    "__str__",
    "__repr__",
    "to_text",
    "to_markdown",
    "to_records",
    "to_pandas",
    "to_polars",
    "to_arrow",
    "__arrow_c_stream__",
)

#: What each layer may import (besides itself and the base: errors, models, career).
LAYERS = {
    "occprofile._store": {"occprofile._store"},
    "occprofile._matching": {"occprofile._store"},
    "occprofile._answers": {"occprofile._store", "occprofile._matching"},
    "occprofile._render": set(),
    "occprofile._dataset": {"occprofile._store", "occprofile._matching", "occprofile._answers"},
}
BASE = {
    "occprofile.errors",
    "occprofile.models",
    "occprofile._profile_records",  # models served by occprofile.models on first use
    "occprofile._comparison_records",
    "occprofile._provenance_records",
    "occprofile._search_records",
    "occprofile.career",
    "occprofile._across_records",  # career records served by occprofile.career on first use
    "occprofile._record",
    "occprofile._columns",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _is_display(name: str) -> bool:
    return name in DISPLAY_METHODS or (name.startswith("_repr_") and name.endswith("_"))


def imports(path: Path) -> Iterator[tuple[str, bool]]:
    """(imported module, inside a display method) for each runtime import of a file."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def resolve(node: ast.ImportFrom) -> list[str]:
        if node.level == 0:
            base = node.module or ""
        else:
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - node.level + 1])
            base = f"{base}.{node.module}" if node.module else base
        # "from .m import y": y may be a submodule of m or a name in it (_known decides).
        return [f"{base}.{alias.name}" for alias in node.names]

    def walk(node: ast.AST, display: bool) -> Iterator[tuple[str, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for orelse in child.orelse:
                    yield from walk(orelse, display)
                continue
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from walk(child, display or _is_display(child.name))
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, display
            elif isinstance(child, ast.ImportFrom):
                for name in resolve(child):
                    yield name, display
            yield from walk(child, display)

    yield from walk(ast.parse(path.read_text(encoding="utf-8")), False)


def _known(name: str, modules: set[str]) -> str | None:
    """The package module ``name`` refers to (a module, or the package holding a name)."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def graph() -> dict[str, set[str]]:
    files = sorted(SRC.rglob("*.py"))
    modules = {module_name(p) for p in files}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for path in files:
        source = module_name(path)
        for name, display in imports(path):
            target = _known(name, modules)
            if target is None or target == source:
                continue
            if display and target.startswith("occprofile._render"):
                continue  # the one allowed lazy edge
            edges[source].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_the_graph_sees_the_package() -> None:
    edges = graph()
    assert "occprofile._dataset" in edges
    assert "occprofile._answers.rankings" in edges["occprofile._dataset"]  # a function-level one
    assert "occprofile._render.content" not in edges["occprofile.models"]  # display only


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def _layer(module: str) -> str | None:
    return next((layer for layer in LAYERS if module.startswith(layer)), None)


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_each_layer_imports_only_below_it(layer: str) -> None:
    allowed = LAYERS[layer] | {layer}
    wrong = {
        (source, target)
        for source, targets in graph().items()
        if _layer(source) == layer
        for target in targets
        if target not in BASE and _layer(target) not in allowed
    }
    assert wrong == set()


def test_the_renderer_imports_nothing_of_the_package_at_run_time() -> None:
    edges = graph()
    renderer = {"occprofile._render.layout", "occprofile._render.phrases"}
    for module in ("occprofile._render.layout", "occprofile._render.content"):
        assert edges[module] <= renderer, module
    assert edges["occprofile._render.phrases"] == set()


def test_the_base_imports_no_layer() -> None:
    """errors, models and career import nothing but each other (and the renderer, lazily,
    from display methods)."""
    edges = graph()
    for module in BASE:
        assert edges[module] <= BASE, module


def test_plots_is_a_face_over_the_public_api() -> None:
    """occprofile.plots asks the module API and reads public records (and the renderer's
    words), never the store, matching or answers below them."""
    allowed = {"occprofile", "occprofile._render.content", "occprofile._render.phrases"} | BASE
    assert graph()["occprofile.plots"] <= allowed
