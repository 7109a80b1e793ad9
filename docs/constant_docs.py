"""Document a constant that a package re-exports with the docstring of its definition.

Sphinx reads a constant's docstring (the string literal after the assignment)
from the source of the module named in the directive: for
``autodata:: careerkit.SCHEMA_VERSION``, careerkit's ``__init__``, which only
imports it, so the type's docstring (``int([x]) -> integer ...``) would be
shown instead. This extension finds the module of careerkit that assigns the
constant with a docstring and shows that one.
"""

from __future__ import annotations

import sys
from typing import Any

from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer, PycodeError


def _attribute_docs(module: str) -> dict[tuple[str, str], list[str]]:
    try:
        return dict(ModuleAnalyzer.for_module(module).find_attr_docs())
    except PycodeError:
        return {}


def _definition_docstring(name: str, value: object) -> list[str] | None:
    """The docstring lines of the careerkit module that assigns ``value`` to ``name``."""
    for module in sorted(key for key in sys.modules if key.startswith("careerkit")):
        if getattr(sys.modules[module], name, None) is not value:
            continue
        found = _attribute_docs(module).get(("", name))
        if found:
            return list(found)
    return None


def _process(app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    if what != "data" or not name.startswith("careerkit."):
        return
    module, _, attribute = name.rpartition(".")
    if ("", attribute) in _attribute_docs(module):
        return  # documented where it is assigned
    found = _definition_docstring(attribute, obj)
    if found is not None:
        lines[:] = found


def setup(app: Sphinx) -> dict[str, bool]:
    """Register the docstring hook."""
    app.connect("autodoc-process-docstring", _process)
    return {"parallel_read_safe": True}
