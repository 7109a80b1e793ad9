"""The package's shape: imports follow the layers written in DESIGN.md.

Layers, lowest first: ``errors`` <- ``recurrence`` <- ``model`` <-
``workdays`` <- ``scheduling`` <- ``smart``, ``career`` <- ``planning`` <- ``render`` <-
``cli``. ``io`` depends only on ``model`` (and what ``model`` depends on);
``history`` on ``model``, ``io`` and ``workdays``; ``scheduling``, ``smart``
and ``planning`` import ``io`` to register their results as documents. A private module
(``_name``) is imported only from inside its own subpackage, and no two
modules import each other, not even under ``TYPE_CHECKING``. Functions stay
short enough to hold in the head.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SOURCE / "careerkit"

_BELOW_MODEL = {"errors", "recurrence"}
_CORE = {*_BELOW_MODEL, "model"}
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "recurrence": {"errors"},
    "model": _BELOW_MODEL,
    "workdays": _CORE,
    "evm": {"errors"},
    "io": _CORE,
    "history": {*_CORE, "io", "workdays"},
    "scheduling": {*_CORE, "workdays", "io"},
    "smart": {*_CORE, "workdays", "scheduling", "planning", "io"},
    "career": {*_CORE, "workdays", "io"},
    "planning": {*_CORE, "evm", "workdays", "scheduling", "smart", "career", "history", "io"},
    "render": {
        *_CORE,
        "evm",
        "workdays",
        "scheduling",
        "smart",
        "career",
        "planning",
        "history",
        "io",
    },
    "batch": {
        *_CORE,
        "evm",
        "workdays",
        "scheduling",
        "smart",
        "career",
        "planning",
        "history",
        "io",
        "render",
    },
    "cli": {
        *_CORE,
        "evm",
        "workdays",
        "scheduling",
        "smart",
        "career",
        "planning",
        "history",
        "io",
        "render",
        "batch",
        "careerkit",
    },
}
"""The parts of careerkit each part may import, besides itself."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every careerkit module that ``name`` imports, wherever the import stands."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("careerkit"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("careerkit"):
            assert 0 == node.level, f"{name}: relative import"
            module = node.module or ""
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                found.add(submodule if submodule in MODULES else module)
    return found


def _part(module: str) -> str:
    """The layer a module belongs to: its subpackage or top-level module."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "careerkit"


def test_every_module_has_a_layer() -> None:
    """Each subpackage and top-level module is placed in the layer table."""
    parts = {_part(module) for module in MODULES} - {"careerkit"}

    assert set() == parts - set(ALLOWED)


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"careerkit"}))
def test_imports_follow_the_layers(name: str) -> None:
    """A module imports only from its own part or from the parts below it."""
    own = _part(name)
    wrong = sorted(
        module
        for module in _imports(name)
        if _part(module) != own and _part(module) not in ALLOWED[own]
    )

    assert [] == wrong


@pytest.mark.parametrize("name", sorted(MODULES))
def test_private_modules_stay_inside_their_subpackage(name: str) -> None:
    """``careerkit.x._y`` is imported only by modules of ``careerkit.x``."""
    outside = sorted(
        module
        for module in _imports(name)
        if any(part.startswith("_") for part in module.split(".")[1:])
        and not name.startswith(module.rsplit(".", 1)[0] + ".")
        and name != module.rsplit(".", 1)[0]
    )

    assert [] == outside


def test_no_import_cycle() -> None:
    """No chain of imports leads back to where it started."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    for name in MODULES:
        graph.add_node(name)
        graph.add_edges_from((name, module) for module in _imports(name) if module != name)

    assert [] == list(nx.simple_cycles(graph))


def test_no_private_top_level_module() -> None:
    """Private helpers live inside the subpackage they serve."""
    assert [] == sorted(name for name in MODULES if name.count(".") == 1 and "._" in name)


MOST_LINES = 60
"""The longest function body, in lines, docstring left out."""
MOST_POSITIONAL = 5
"""The most positional parameters of a function (``self`` and ``cls`` left out)."""


def _functions() -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    found = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found.append((f"{name}:{node.lineno} {node.name}", node))
    return found


def _body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    first = node.body[0]
    has_docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    start = (first.end_lineno or first.lineno) + 1 if has_docstring else first.lineno
    return (node.end_lineno or node.lineno) - start + 1


def test_functions_are_short() -> None:
    """No function body is longer than ``MOST_LINES`` lines."""
    long = [where for where, node in _functions() if _body_lines(node) > MOST_LINES]

    assert [] == long


def test_functions_take_few_positional_parameters() -> None:
    """Past a handful of parameters, a function takes keywords or a value."""
    wide = []
    for where, node in _functions():
        positional = [*node.args.posonlyargs, *node.args.args]
        if positional and positional[0].arg in {"self", "cls"}:
            positional = positional[1:]
        if len(positional) > MOST_POSITIONAL:
            wide.append(where)

    assert [] == wide
