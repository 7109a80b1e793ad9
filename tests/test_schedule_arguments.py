"""Tests for the arguments of careerkit.schedule and careerkit.next_actions, checked at the door."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from careerkit import Goal, Plan, Task, UrgencyPolicy, ValidationError, next_actions, schedule

PLAN = Plan(
    id="p",
    owner="Ana",
    start=date(2026, 11, 23),
    goals=[Goal(id="g", title="Do g")],
    tasks=[Task(id="a", goal="g", title="A", duration=2)],
)


@pytest.mark.parametrize(
    ("arguments", "path", "problem"),
    [
        ({"as_of": datetime(2026, 12, 1, 9)}, "as_of", "expected a date, got datetime"),
        ({"as_of": "2026-12-01"}, "as_of", "expected a date, got"),
        ({"as_of": date(2026, 11, 20)}, "as_of", "before the plan's start 2026-11-23"),
        ({"level": 1}, "level", "expected a bool, got int"),
        ({"level": "yes"}, "level", "expected a bool, got str"),
    ],
)
def test_schedule_refuses_wrong_arguments(
    arguments: dict[str, Any], path: str, problem: str
) -> None:
    """Each wrong argument is a ValidationError naming it, not a TypeError from inside."""
    with pytest.raises(ValidationError) as caught:
        schedule(PLAN, **arguments)
    assert [path] == [found.path for found in caught.value.problems]
    assert problem in str(caught.value)


def test_schedule_refuses_what_is_not_a_plan() -> None:
    """A plan's dictionary is not a plan."""
    with pytest.raises(ValidationError, match=r"^plan: expected a Plan, got dict$"):
        schedule({"id": "p"})  # type: ignore[arg-type]


def test_schedule_takes_its_start_as_status_date() -> None:
    """The plan's start itself is a valid status date."""
    assert date(2026, 11, 23) == schedule(PLAN, as_of=PLAN.start)["a"].early_start


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"as_of": datetime(2026, 12, 1, 9)}, "as_of"),
        ({"as_of": "2026-12-01"}, "as_of"),
        ({"as_of": None}, "as_of"),
        ({"as_of": date(2026, 11, 1)}, "as_of"),
        ({"as_of": date(2026, 12, 1), "policy": {"critical": 1}}, "policy"),
        ({"as_of": date(2026, 12, 1), "schedule": "soon"}, "schedule"),
    ],
)
def test_next_actions_refuses_wrong_arguments(arguments: dict[str, Any], path: str) -> None:
    """next_actions checks its arguments as schedule does, each named by its path."""
    with pytest.raises(ValidationError) as caught:
        next_actions(PLAN, **arguments)
    assert [path] == [found.path for found in caught.value.problems]


def test_next_actions_refuses_what_is_not_a_plan() -> None:
    """The plan comes first, and must be a plan."""
    with pytest.raises(ValidationError, match=r"^plan: expected a Plan, got str$"):
        next_actions("p", as_of=date(2026, 12, 1))  # type: ignore[arg-type]


def test_next_actions_takes_a_policy() -> None:
    """A policy of the right type is used."""
    found = next_actions(PLAN, as_of=date(2026, 12, 1), policy=UrgencyPolicy(critical=0))
    assert ["a"] == [action.task for action in found]
