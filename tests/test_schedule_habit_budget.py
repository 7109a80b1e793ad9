"""Tests for the per-plan budget of habit occurrences (careerkit.scheduling.habits)."""

from __future__ import annotations

from datetime import date

import pytest

from careerkit import MAX_OCCURRENCES, Goal, Plan, Task, ValidationError, occurrences, schedule
from careerkit.scheduling import habits
from careerkit.scheduling.habits import MAX_PLAN_OCCURRENCES

EVERY_DAY = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR,SA,SU"
"""Every day, written with a BY part: counted by expanding it."""


def _habits(count: int, deadline: date, *rules: str) -> Plan:
    """``count`` habits, following ``rules`` in turn (plain daily ones by default)."""
    rules = rules or ("FREQ=DAILY",)
    return Plan(
        id="p",
        owner="o",
        start=date(2026, 1, 5),
        goals=[Goal(id="g", title="Do g", deadline=deadline)],
        tasks=[
            Task(
                id=f"h{i}", goal="g", title="H", duration=1, effort=0.1,
                recurrence=rules[i % len(rules)],
            )
            for i in range(count)
        ],
    )  # fmt: skip


@pytest.mark.parametrize("level", [False, True])
def test_habits_past_the_plan_budget_are_refused(level: bool) -> None:
    """Eleven daily habits over 27 years pass the budget: the habit that passes it is named."""
    plan = _habits(11, date(2053, 1, 1))
    with pytest.raises(ValidationError) as caught:
        schedule(plan, level=level)
    assert ["tasks[10].recurrence"] == [problem.path for problem in caught.value.problems]
    assert str(MAX_PLAN_OCCURRENCES) in str(caught.value)


@pytest.mark.parametrize("rules", [(EVERY_DAY,), ("FREQ=DAILY", EVERY_DAY)])
def test_habits_counted_by_expanding_them_pass_the_budget_alike(rules: tuple[str, ...]) -> None:
    """Rules with BY parts, alone or beside plain ones, pass the budget at the same habit."""
    with pytest.raises(ValidationError) as caught:
        schedule(_habits(11, date(2053, 1, 1), *rules))

    assert ["tasks[10].recurrence"] == [problem.path for problem in caught.value.problems]


def test_plain_habits_past_the_budget_are_refused_before_any_is_expanded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """300 plain daily habits over 27 years are counted, not expanded, to be refused."""
    expanded: list[str] = []

    def expanding(rule: str, *, start: date, end: date | None) -> tuple[date, ...]:
        expanded.append(rule)
        return occurrences(rule, start=start, end=end)

    monkeypatch.setattr(habits, "occurrences", expanding)
    with pytest.raises(ValidationError) as caught:
        schedule(_habits(300, date(2053, 5, 1)))

    assert ["tasks[10].recurrence"] == [problem.path for problem in caught.value.problems]
    assert [] == expanded


def test_a_habit_past_its_own_bound_is_refused_before_the_plan_budget() -> None:
    """A habit with more than MAX_OCCURRENCES dates is named by its own refusal."""
    with pytest.raises(ValidationError) as caught:
        schedule(_habits(12, date(2056, 1, 1)))

    assert ["tasks[0].recurrence"] == [problem.path for problem in caught.value.problems]
    assert f"more than {MAX_OCCURRENCES} occurrences" in str(caught.value)


def test_counted_and_expanded_habits_get_their_dates() -> None:
    """Habits counted either way get the dates their rule gives, whatever their order."""
    rules = ("FREQ=DAILY;INTERVAL=3", "FREQ=WEEKLY;BYDAY=TU,TH", "FREQ=MONTHLY", EVERY_DAY)
    result = schedule(_habits(8, date(2027, 6, 30), *rules))

    for i in range(8):
        expected = occurrences(rules[i % 4], start=date(2026, 1, 5), end=date(2027, 6, 30))
        assert expected == result[f"h{i}"].occurrences


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
