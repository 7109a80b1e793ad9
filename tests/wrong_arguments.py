"""Wrong values for each kind of argument, for the tests of checks at the door."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import pytest

from careerkit import ValidationError

WRONG: Mapping[str, tuple[object, ...]] = {
    "plan": ({"id": "p", "owner": "Ana", "start": "2026-11-23"}, "p", None, object()),
    "date": (datetime(2026, 12, 1, 9), "2026-12-01", 20261201, None),
    "optional date": (datetime(2026, 12, 1, 9), "2026-12-01", 20261201),
    "count": (True, 1.5, "1", None),
    "size": (-1, True, 2.0, "2"),
    "flag": (1, 0, "yes", None),
    "calendar": ({"holidays": []}, None, date(2026, 12, 1)),
    "schedule": ({"tasks": []}, "soon", object()),
}
"""Values a careless caller might pass, by the kind of argument they are wrong for."""


def wrong_calls(function: Callable[..., Any], valid: Mapping[str, Any], **kinds: str) -> list[Any]:
    """Cases ``(function, arguments, path)``: ``valid`` with one argument, of each
    kind named in ``kinds``, replaced by each wrong value of that kind."""
    return [
        pytest.param(
            function,
            {**valid, name: wrong},
            name,
            id=f"{function.__name__}-{name}-{type(wrong).__name__}-{index}",
        )
        for name, kind in kinds.items()
        for index, wrong in enumerate(WRONG[kind])
    ]


def refused_path(function: Callable[..., Any], arguments: Mapping[str, Any]) -> list[str]:
    """The paths of the ValidationError that ``function(**arguments)`` must raise."""
    with pytest.raises(ValidationError) as caught:
        function(**arguments)
    return [problem.path for problem in caught.value.problems]
