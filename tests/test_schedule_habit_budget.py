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


@pytest.mark.parametrize("level", [False, True])
def test_a_habit_row_spans_its_occurrences(level: bool) -> None:
    """A habit's early finish is its last occurrence, and its late finish is not before it."""
    plan = Plan(
        id="p",
        owner="o",
        start=date(2026, 11, 23),
        goals=[Goal(id="g", title="Do g", deadline=date(2027, 12, 31))],
        tasks=[
            Task(id="work", goal="g", title="W", duration=5, effort=5),
            Task(id="chat", goal="g", title="C", duration=1, effort=1,
                 recurrence="FREQ=MONTHLY;BYDAY=3TU"),
        ],
    )  # fmt: skip
    row = schedule(plan, level=level)["chat"]

    assert date(2027, 12, 21) == row.occurrences[-1] == row.early_finish
    assert row.late_finish >= row.early_finish
    assert row.early_start <= row.occurrences[0]
