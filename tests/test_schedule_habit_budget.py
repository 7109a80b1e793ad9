"""Tests for the per-plan budget of habit occurrences (careerkit.scheduling.habits)."""

from __future__ import annotations

from datetime import date

import pytest

from careerkit import Goal, Plan, Task, ValidationError, schedule
from careerkit.scheduling.habits import MAX_PLAN_OCCURRENCES


def _habits(count: int, deadline: date) -> Plan:
    return Plan(
        id="p",
        owner="o",
        start=date(2026, 1, 5),
        goals=[Goal(id="g", title="Do g", deadline=deadline)],
        tasks=[
            Task(id=f"h{i}", goal="g", title="H", duration=1, effort=0.1, recurrence="FREQ=DAILY")
            for i in range(count)
        ],
    )


@pytest.mark.parametrize("level", [False, True])
def test_habits_past_the_plan_budget_are_refused(level: bool) -> None:
    """Eleven daily habits over 27 years pass the budget: the habit that passes it is named."""
    plan = _habits(11, date(2053, 1, 1))
    with pytest.raises(ValidationError) as caught:
        schedule(plan, level=level)
    assert ["tasks[10].recurrence"] == [problem.path for problem in caught.value.problems]
    assert str(MAX_PLAN_OCCURRENCES) in str(caught.value)


def test_habits_within_the_budget_are_expanded() -> None:
    """Ten daily habits over a year are far within the budget, and each has its days."""
    result = schedule(_habits(10, date(2026, 12, 31)))
    assert {361} == {len(result[f"h{i}"].occurrences) for i in range(10)}
