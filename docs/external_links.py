"""Resolve the references Sphinx leaves missing: careerkit names, the standard library, dependencies.

Without network access intersphinx has no inventory, so ``datetime.date`` or
``networkx.DiGraph`` in a signature would be left unresolved. This extension
handles Sphinx's ``missing-reference`` event: it reads the target the way
Python would, in the namespace of the module that defines the documented
object (so ``nx.DiGraph`` in a module that does ``import networkx as nx`` is
``networkx.DiGraph``, and an unqualified ``TaskRows`` is the class of that
module), imports it, and

* when it names a careerkit object, links to where that object is
  documented (its full name, or the public name in ``careerkit``);
* when it names an object of the standard library, links to its entry on
  docs.python.org;
* when it names an object of python-dateutil, or a networkx class, function
  or exception, links to its page in that library's reference.

Any other reference, and any name that does not import, stays missing, so
Sphinx still warns about it.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from docutils import nodes
from sphinx.addnodes import desc, desc_signature, pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

PYTHON_DOCS = "https://docs.python.org/3/library/"
DATEUTIL_DOCS = "https://dateutil.readthedocs.io/en/stable/"
NETWORKX_DOCS = "https://networkx.org/documentation/stable/reference/"
_MISSING = object()


def _import_dotted(path: str) -> tuple[str, Any]:
    """The longest importable module prefix of ``path`` and the object it names."""
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        module_name = ".".join(parts[:end])
        try:
            value: Any = importlib.import_module(module_name)
        except ImportError:
            continue
        for part in parts[end:]:
            value = getattr(value, part, _MISSING)
            if value is _MISSING:
                return module_name, _MISSING
        return module_name, value
    return "", _MISSING


def _documented_object(node: pending_xref) -> Any:
    """The object whose documentation holds the reference, if it imports."""
    parent = node.parent
    while parent is not None and not isinstance(parent, desc):
        parent = parent.parent
    if parent is not None and parent.children and isinstance(parent[0], desc_signature):
        module_name = parent[0].get("module") or ""
        fullname = parent[0].get("fullname") or ""
    else:
        module_name = node.get("py:module") or ""
        fullname = node.get("py:class") or ""
    if not module_name:
        return _MISSING
    return _import_dotted(".".join(filter(None, (module_name, fullname))))[1]


def _defining_module(node: pending_xref) -> ModuleType | None:
    """The module that defines the object whose docs hold the reference."""
    value = _documented_object(node)
    if isinstance(value, ModuleType):
        return value
    owner = getattr(value, "fget", value)  # a property's getter knows its module
    return sys.modules.get(getattr(owner, "__module__", None) or "")


def _qualify(target: str, module: ModuleType | None) -> str:
    """The target's full dotted name.

    A target that imports as written is already full; otherwise its first
    part is read in ``module``'s namespace, as Python reads the annotation.
    """
    if _import_dotted(target)[1] is not _MISSING:
        return target
    head, _, rest = target.partition(".")
    value = getattr(module, head, _MISSING) if module is not None else _MISSING
    if value is _MISSING:
        return target
    if isinstance(value, ModuleType):
        base = value.__name__
    elif getattr(value, "__module__", None) and getattr(value, "__qualname__", None):
        base = f"{value.__module__}.{value.__qualname__}"
    else:  # a constant: named after the module that holds it
        base = f"{module.__name__}.{head}"
    return f"{base}.{rest}" if rest else base


def _careerkit_names(qualified: str) -> Iterator[str]:
    """The names a careerkit object may be documented under.

    Its full name, then the public name of the same object: the API
    reference documents ``careerkit.assess`` rather than
    ``careerkit.smart.rules.assess``, and ``careerkit.History.commit``.
    """
    import careerkit

    yield qualified
    parts = qualified.split(".")
    for end in range(len(parts), 1, -1):
        _, value = _import_dotted(".".join(parts[:end]))
        name = parts[end - 1]
        if value is not _MISSING and getattr(careerkit, name, _MISSING) is value:
            yield ".".join(("careerkit", *parts[end - 1 :]))
            return


def _python_url(target: str) -> str | None:
    top = target.partition(".")[0]
    if top not in sys.stdlib_module_names:
        return None
    module_name, value = _import_dotted(target)
    if value is _MISSING:
        return None
    return f"{PYTHON_DOCS}{module_name.lower()}.html#{target}"


def _dateutil_url(target: str) -> str | None:
    parts = target.split(".")
    if parts[0] != "dateutil" or len(parts) < 3 or _import_dotted(target)[1] is _MISSING:
        return None
    return f"{DATEUTIL_DOCS}{parts[1]}.html#{target}"


def _networkx_url(target: str) -> str | None:
    if target.partition(".")[0] != "networkx":
        return None
    _, value = _import_dotted(target)
    module = getattr(value, "__module__", "") or ""
    name = getattr(value, "__name__", "")
    if inspect.isclass(value) and issubclass(value, BaseException):
        return f"{NETWORKX_DOCS}exceptions.html#networkx.{name}"
    if inspect.isclass(value) and module.startswith("networkx.classes."):
        return f"{NETWORKX_DOCS}classes/{name.lower()}.html#networkx.{name}"
    if callable(value) and module.startswith("networkx.algorithms"):
        return f"{NETWORKX_DOCS}algorithms/generated/{module}.{name}.html"
    return None


def _external(url: str, title: str, contnode: nodes.TextElement) -> nodes.reference:
    reference = nodes.reference("", "", internal=False, refuri=url, reftitle=title)
    reference.append(contnode)
    return reference


def resolve(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    """Resolve a missing Python reference to careerkit, the standard library, dateutil or networkx."""
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    qualified = _qualify(target, _defining_module(node))
    if qualified.startswith("careerkit."):
        domain = env.get_domain("py")
        for name in _careerkit_names(qualified):
            found = domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], name, node, contnode
            )
            if found is not None:
                return found
        return None
    url = _python_url(qualified) or _dateutil_url(qualified) or _networkx_url(qualified)
    if url is None:
        return None
    return _external(url, qualified, contnode)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the resolver."""
    app.connect("missing-reference", resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
