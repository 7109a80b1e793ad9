"""The documentation shows what the code does: examples match real output, and every
public module and field docstring reaches the API reference."""

from __future__ import annotations

import ast
import importlib
import inspect
import itertools
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import careerkit

ROOT = Path(__file__).resolve().parent.parent


def _example_output(name: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout


def _text_block(page: str, after: str) -> list[str]:
    """The lines of the first ``code-block:: text`` after a heading line."""
    lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
    start = lines.index(after)
    begin = lines.index(".. code-block:: text", start) + 2
    block = []
    for line in lines[begin:]:
        if line and not line.startswith("   "):
            break
        block.append(line[3:])
    return [line for line in block if line.strip()]


def test_scheduling_page_shows_the_example_output() -> None:
    """Every line of the example plan's report in docs/scheduling.rst is printed by the
    example script, so the page cannot drift from the code."""
    printed = _example_output("schedule_plan.py").splitlines()
    shown = _text_block("scheduling.rst", "The example plan")

    assert [] == [line for line in shown if line not in printed]


def _public_attrs_classes() -> list[type]:
    values = (getattr(careerkit, name) for name in careerkit.__all__)
    return [value for value in values if isinstance(value, type) and attrs.has(value)]


def _field_docstrings_in_source(names: set[str]) -> dict[tuple[str, str], str]:
    """The attribute docstrings written under the fields of the named classes, read with
    ``ast`` from every module of the package (wherever the classes say they come from)."""
    found = {}
    for path in sorted((ROOT / "src" / "careerkit").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.ClassDef) and node.name in names):
                continue
            for statement, following in itertools.pairwise(node.body):
                if (
                    isinstance(statement, ast.AnnAssign)
                    and isinstance(statement.target, ast.Name)
                    and isinstance(following, ast.Expr)
                    and isinstance(following.value, ast.Constant)
                    and isinstance(following.value.value, str)
                ):
                    found[node.name, statement.target.id] = following.value.value
    return found


def test_autodoc_sees_the_field_docstrings() -> None:
    """Sphinx's source analyser finds every field docstring of every public class in the
    module the class says it comes from, so the API reference shows them."""
    module_analyzer = pytest.importorskip("sphinx.pycode").ModuleAnalyzer
    classes = {cls.__qualname__: cls for cls in _public_attrs_classes()}
    written = _field_docstrings_in_source(set(classes))
    missing = []
    for (class_name, name), text in sorted(written.items()):
        cls = classes[class_name]
        seen = module_analyzer.for_module(cls.__module__).find_attr_docs()
        if inspect.cleandoc(text) not in "\n".join(seen.get((class_name, name), [])):
            missing.append(f"{class_name}.{name}")

    assert len(written) > 50
    assert [] == missing


def test_re_exported_constants_keep_their_docstrings() -> None:
    """Every constant the API reference documents shows the docstring written where it
    is assigned, not its type's (docs/constant_docs.py finds it for re-exports)."""
    module_analyzer = pytest.importorskip("sphinx.pycode").ModuleAnalyzer
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        constant_docs = importlib.import_module("constant_docs")
    finally:
        sys.path.remove(str(ROOT / "docs"))
    pages = "".join(
        (ROOT / "docs" / page).read_text(encoding="utf-8") for page in ("api.rst", "modules.rst")
    )
    names = re.findall(r"^\.\. autodata:: (careerkit\.\S+)$", pages, re.MULTILINE)
    borrowed = []
    for name in names:
        module, _, attribute = name.rpartition(".")
        value = getattr(importlib.import_module(module), attribute)
        own = module_analyzer.for_module(module).find_attr_docs().get(("", attribute))
        of_type = inspect.cleandoc(type(value).__doc__ or "")
        lines = list(own or of_type.splitlines())  # what autodoc finds on its own
        constant_docs._process(None, "data", name, value, None, lines)
        if not "\n".join(lines).strip() or "\n".join(lines).strip() == of_type:
            borrowed.append(name)

    assert len(names) >= 8
    assert [] == borrowed


def test_the_early_start_is_documented() -> None:
    """The field docstring of ``TaskSchedule.early_start`` reaches autodoc."""
    module_analyzer = pytest.importorskip("sphinx.pycode").ModuleAnalyzer
    docs = module_analyzer.for_module(careerkit.TaskSchedule.__module__).find_attr_docs()

    assert ["The earliest day the task can start.", ""] == docs[("TaskSchedule", "early_start")]


def test_every_public_module_is_documented() -> None:
    """Each public module under src/careerkit has an ``automodule`` entry in the docs, so
    that ``:mod:`` references to it resolve."""
    source = ROOT / "src"
    modules = {
        ".".join(path.relative_to(source).with_suffix("").parts).removesuffix(".__init__")
        for path in (source / "careerkit").rglob("*.py")
        if not any(
            part.startswith("_") and part != "__init__.py"
            for part in path.relative_to(source).parts
        )
    }
    documented = set()
    for page in (ROOT / "docs").glob("*.rst"):
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith(".. automodule:: "):
                documented.add(line.removeprefix(".. automodule:: ").strip())

    documented = {name for name in documented if "._" not in name}  # private, for reference

    assert sorted(modules - {"careerkit"}) == sorted(documented)
