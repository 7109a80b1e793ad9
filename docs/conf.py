"""Sphinx configuration for the careerkit documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import careerkit

sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "careerkit"
author = "careerkit developers"
copyright = "2026, careerkit developers"  # noqa: A001
release = careerkit.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "external_links",  # docs/external_links.py: links to the standard library and dependencies
    "plot_figures",  # docs/plot_figures.py: draws views.rst's figures from the example plan
    "constant_docs",  # docs/constant_docs.py: re-exported constants keep their docstrings
]
# No inventories: the docs build offline, and external_links resolves those references.
intersphinx_mapping: dict[str, tuple[str, None]] = {}
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
# Shown by name in signatures, and documented in api.rst.
autodoc_type_aliases = {"Rule": "careerkit.smart.policy.Rule"}
autodoc_default_options = {"members": True, "undoc-members": False}
nitpicky = True
html_theme = "alabaster"
html_title = f"careerkit {release}"
exclude_patterns = ["_build"]
