"""Shared fixtures: doctests see the public names, ``date`` and a sample plan."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import careerkit

EXAMPLES = Path(__file__).resolve().parent / "examples"


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, Any]) -> None:
    """Doctests use the public API, ``date`` and ``sample_plan`` without imports."""
    for name in careerkit.__all__:
        doctest_namespace[name] = getattr(careerkit, name)
    doctest_namespace["careerkit"] = careerkit
    doctest_namespace["date"] = date
    doctest_namespace["datetime"] = datetime
    doctest_namespace["timezone"] = timezone
    doctest_namespace["sample_plan"] = careerkit.loads(
        (EXAMPLES / "marketing_director.json").read_text(encoding="utf-8")
    )
