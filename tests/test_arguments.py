"""Every public function refuses an argument of a clearly wrong type with a careerkit error.

A safety net for functions added later: each public function is called with
valid arguments, then with each of its parameters in turn given ``object()``.
A new function whose parameter has a name not in ``VALID`` fails here until a
valid value for it is added.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import careerkit
import careerkit.render
from careerkit import CareerkitError, Goal, Plan, Task

GOAL = Goal(id="g", title="Earn the certification")
PLAN = Plan(
    id="p",
    owner="Ana",
    start=date(2026, 11, 23),
    goals=[GOAL],
    tasks=[Task(id="a", goal="g", title="Enrol", duration=2)],
)
DAY = date(2026, 12, 1)
METRIC_PLAN = Plan(
    id="p",
    owner="Ana",
    start=date(2026, 11, 23),
    goals=[
        Goal(
            id="m",
            title="Grow the newsletter",
            deadline=date(2027, 6, 30),
            metric=careerkit.Metric(name="subscribers", baseline=100, target=500),
        )
    ],
)

CAREER_PLAN = careerkit.loads(
    (Path(__file__).parent / "data" / "plan-v4.json").read_text(encoding="utf-8")
)
"""A plan with every career part: roles to compare skills with, contacts, applications."""

VALID: dict[str, Any] = {
    "plan": PLAN,
    "old": PLAN,
    "new": PLAN,
    "base": PLAN,
    "ours": PLAN,
    "theirs": PLAN,
    "baseline": PLAN,
    "current": PLAN,
    "changes": (),
    "goal": GOAL,
    "as_of": DAY,
    "text": "Earn the certification by 2026-12-31",
    "rule": "FREQ=WEEKLY;COUNT=2",
    "start": DAY,
    "end": DAY,
    "calendar": careerkit.Calendar(),
    "day": DAY,
    "days": 1,
    "document": careerkit.to_dict(PLAN),
    "result": careerkit.schedule(PLAN),
    "seed": 1,
    "report": careerkit.progress(PLAN, as_of=DAY),
    "schedule": careerkit.schedule(PLAN),
    "forecast": careerkit.forecast(PLAN, as_of=DAY, seed=1, runs=10),
    "value": careerkit.schedule(PLAN),
    "goal_id": "g",
    "alerts": careerkit.detect_slippage(PLAN, as_of=DAY),
    "key": "a secret of the caller's",
    "kind": "note",
    "overview": careerkit.career_overview(CAREER_PLAN, as_of=DAY),
}
"""A valid value for each required parameter, by name."""

SPECIAL: dict[str, dict[str, Any]] = {
    "loads": {"text": careerkit.dumps(PLAN)},
    "forecast_report": {"result": careerkit.forecast(PLAN, as_of=DAY, seed=1, runs=10)},
    "review_html": {
        "result": careerkit.review(PLAN, as_of=DAY, policy=careerkit.ReviewPolicy(runs=10))
    },
    "metric_trajectory": {"plan": METRIC_PLAN, "goal_id": "m"},
    "skill_gaps": {"plan": CAREER_PLAN},
}
"""Valid values that differ from ``VALID`` for one function."""


def _public_functions() -> list[tuple[str, Callable[..., Any]]]:
    """Every function (not class) of ``careerkit.__all__`` and of ``careerkit.render``."""
    found = [(name, getattr(careerkit, name)) for name in careerkit.__all__]
    found += [(name, getattr(careerkit.render, name)) for name in careerkit.render.__all__]
    return sorted((name, obj) for name, obj in found if inspect.isfunction(obj))


FUNCTIONS = _public_functions()


def _required(name: str, function: Callable[..., Any]) -> dict[str, Any]:
    """Valid values of the function's required parameters."""
    arguments = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.default is inspect.Parameter.empty:
            assert parameter.name in VALID, f"add a valid {parameter.name!r} for {name}"
            arguments[parameter.name] = SPECIAL.get(name, {}).get(
                parameter.name, VALID[parameter.name]
            )
    return arguments


def test_the_walk_finds_the_public_functions() -> None:
    """The functions of the public API are all walked, classes are not."""
    names = {name for name, _ in FUNCTIONS}
    assert {"schedule", "add_working_days", "dumps", "outline", "schedule_report"} <= names
    assert "Plan" not in names


@pytest.mark.parametrize(("name", "function"), FUNCTIONS, ids=[name for name, _ in FUNCTIONS])
def test_valid_arguments_are_accepted(name: str, function: Callable[..., Any]) -> None:
    """The valid values of the table are valid: the refusals below are about the wrong one."""
    function(**_required(name, function))


_CASES = [
    pytest.param(function, name, parameter, id=f"{name}-{parameter}")
    for name, function in FUNCTIONS
    for parameter in inspect.signature(function).parameters
]


@pytest.mark.parametrize(("function", "name", "parameter"), _CASES)
def test_a_wrong_type_is_a_careerkit_error(
    function: Callable[..., Any], name: str, parameter: str
) -> None:
    """``object()`` for any parameter is a CareerkitError, not a foreign exception."""
    arguments = {**_required(name, function), parameter: object()}
    with pytest.raises(CareerkitError):
        function(**arguments)


@pytest.mark.parametrize(("name", "function"), FUNCTIONS, ids=[name for name, _ in FUNCTIONS])
def test_a_wrong_first_argument_is_named(name: str, function: Callable[..., Any]) -> None:
    """The error about a wrong first argument names it (a document's root excepted)."""
    parameters = list(inspect.signature(function).parameters)
    if not parameters:
        pytest.skip(f"{name} takes no argument")
    first = parameters[0]
    with pytest.raises(careerkit.ValidationError) as caught:
        function(**{**_required(name, function), first: object()})
    expected = "" if first in {"document", "text"} and name in {"from_dict", "loads"} else first
    assert [expected] == [problem.path for problem in caught.value.problems]
