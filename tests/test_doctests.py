"""Every ``>>>`` example written in src/ is collected and run.

The docstrings with examples are read from the source with ``ast``, independently
of the objects' ``__module__`` or of how a module re-exports them, and compared
with what :class:`doctest.DocTestFinder` finds and with what pytest collects. An
example that pytest would never run (say, because a class claims to come from
another module, or because it is written in a place doctest does not look) makes
these tests fail and names it.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"
PACKAGE = SOURCE / "careerkit"


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(SOURCE).with_suffix("").parts).removesuffix(".__init__")


def _strings_after_assignments(body: list[ast.stmt]) -> Iterator[tuple[str, str]]:
    """Attribute docstrings: a string right after an assignment, which doctest never reads."""
    for statement, following in itertools.pairwise(body):
        if not isinstance(statement, ast.Assign | ast.AnnAssign):
            continue
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        if (
            isinstance(targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            yield targets[0].id, following.value.value


def _written(prefix: str, body: list[ast.stmt]) -> Iterator[str]:
    """The names of the docstrings with ``>>>`` in a module's or class's body."""
    for node in body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            if ">>>" in (ast.get_docstring(node, clean=False) or ""):
                yield f"{prefix}.{node.name}"
            if isinstance(node, ast.ClassDef):
                yield from _written(f"{prefix}.{node.name}", node.body)
    for name, text in _strings_after_assignments(body):
        if ">>>" in text:
            yield f"{prefix}.{name}"


def written_examples() -> set[str]:
    """Every docstring in src/careerkit holding a ``>>>`` example, by doctest name."""
    names = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ast.parse(path.read_text(encoding="utf-8"))
        name = _module_name(path)
        if ">>>" in (ast.get_docstring(module, clean=False) or ""):
            names.add(name)
        names.update(_written(name, module.body))
    return names


def found_examples() -> set[str]:
    """What :class:`doctest.DocTestFinder` finds with examples, module by module."""
    finder = doctest.DocTestFinder()
    names = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = importlib.import_module(_module_name(path))
        names.update(test.name for test in finder.find(module) if test.examples)
    return names


def collected_examples() -> list[str]:
    """What ``pytest --doctest-modules`` collects under src/careerkit, by doctest name."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            "--doctest-modules",
            str(PACKAGE),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return [line.partition("::")[2] for line in result.stdout.splitlines() if ".py::" in line]


def test_the_source_has_examples() -> None:
    """The source walk sees the examples of methods and properties, not only of modules,
    so that the comparisons below mean something."""
    methods = {
        "careerkit.model.plan.Plan.add_task",
        "careerkit.model.plan.Plan.deadline_for",
        "careerkit.model.values.Profile.entries",
    }

    assert methods <= written_examples()


def test_doctest_finds_every_example() -> None:
    """Each docstring with ``>>>`` is found by doctest in the module that defines it."""
    written = written_examples()
    found = found_examples()

    assert (sorted(written - found), sorted(found - written)) == ([], [])


def test_pytest_collects_every_example() -> None:
    """The number of doctests pytest collects under src/ equals the number of docstrings
    with ``>>>``, and they are the same ones."""
    written = written_examples()
    collected = collected_examples()

    assert sorted(written - set(collected)) == []
    assert sorted(set(collected) - written) == []
    assert len(written) == len(collected)
