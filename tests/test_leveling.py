"""The laws of leveling (careerkit.scheduling.leveling), on random plans.

Precedence is kept; no week passes the capacity by leveled work; leveling
never finishes earlier than the unleveled schedule; a plan whose weeks all
fit is left as it is; weeks already over capacity by fixed work (done or in
progress, habits) get nothing more.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit import Goal, Plan, Status, Task, schedule

from .schedule_strategies import (
    EVERY_DAY,
    MONDAY_TO_FRIDAY,
    PROPERTY_SETTINGS,
    assert_precedence_kept,
    dag_plans,
)

CALENDARS = pytest.mark.parametrize(
    "working_days", [EVERY_DAY, MONDAY_TO_FRIDAY], ids=["every-day", "monday-to-friday"]
)


def _plans(working_days: tuple[Any, ...], data: st.DataObject) -> Plan:
    """Plans where tasks may need more than a week's capacity on their own."""
    return data.draw(
        dag_plans(
            working_days=working_days,
            holidays=working_days != EVERY_DAY,
            max_tasks=12,
            max_duration=8,
            max_effort=data.draw(st.sampled_from([6, 30, 90])),
            weekly_capacity=data.draw(st.sampled_from([4.0, 10.0, 25.0])),
        )
    )


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_no_week_passes_the_capacity(working_days: tuple[Any, ...], data: st.DataObject) -> None:
    """Every week is within capacity, but for the week of a milestone whose effort
    alone passes it."""
    plan = _plans(working_days, data)
    leveled = schedule(plan, level=True)
    too_big = {
        leveled[item.id].early_start
        for item in plan.tasks
        if item.duration == 0 and item.effort > plan.weekly_capacity
    }
    for week in leveled.overloaded_weeks:
        assert any(
            week.week <= day < date.fromordinal(week.week.toordinal() + 7) for day in too_big
        )


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_precedence_is_kept_and_nothing_finishes_earlier(
    working_days: tuple[Any, ...], data: st.DataObject
) -> None:
    """Each task follows its predecessors, starts and finishes no earlier than
    unleveled, and the plan finishes no earlier."""
    plan = _plans(working_days, data)
    plain, leveled = schedule(plan), schedule(plan, level=True)

    assert leveled.finish >= plain.finish
    for item in plan.tasks:
        after = leveled[item.id]
        assert after.early_start >= plain[item.id].early_start
        assert after.early_finish >= plain[item.id].early_finish
        assert (after.early_finish - after.early_start).days >= 0
    assert_precedence_kept(plan, leveled)


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_effort_is_all_booked(working_days: tuple[Any, ...], data: st.DataObject) -> None:
    """Leveling moves hours between weeks, never loses or adds any."""
    plan = _plans(working_days, data)
    plain, leveled = schedule(plan), schedule(plan, level=True)

    assert sum(week.hours for week in plain.load) == pytest.approx(
        sum(week.hours for week in leveled.load)
    )


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_a_plan_whose_weeks_fit_is_unchanged(
    working_days: tuple[Any, ...], data: st.DataObject
) -> None:
    """When no week is over capacity, the leveled schedule is the unleveled one."""
    plan = _plans(working_days, data)
    plain = schedule(plan)
    if plain.overloaded_weeks:
        plan = plan.__class__(
            **{**{name: getattr(plan, name) for name in ("id", "owner", "start", "calendar")},
               "goals": plan.goals, "tasks": plan.tasks,
               "weekly_capacity": max(week.hours for week in plain.load) + 1})  # fmt: skip
        plain = schedule(plan)
    leveled = schedule(plan, level=True)

    assert list(plain) == list(leveled)
    assert plain.load == leveled.load
    assert 0 == leveled.leveling_delay


def test_weeks_full_of_fixed_work_get_nothing_more() -> None:
    """Work in progress that fills its weeks keeps them; the work to do waits for room."""
    start = date(2026, 11, 23)
    plan = Plan(
        id="p",
        owner="o",
        start=start,
        weekly_capacity=10,
        goals=[Goal(id="g", title="Do g")],
        tasks=[
            Task(id="busy", goal="g", title="Busy", duration=10, effort=30,
                 status=Status.IN_PROGRESS, started_on=start),
            Task(id="next", goal="g", title="Next", duration=2, effort=4),
        ],
    )  # fmt: skip
    leveled = schedule(plan, as_of=start, level=True)

    assert {date(2026, 11, 23): 15.0, date(2026, 11, 30): 15.0, date(2026, 12, 7): 4.0} == {
        week.week: week.hours for week in leveled.load
    }
    assert (date(2026, 12, 7), date(2026, 12, 8)) == (
        leveled["next"].early_start,
        leveled["next"].early_finish,
    )


def test_the_example_plan_keeps_its_critical_work_in_place() -> None:
    """On the example plan as of 2026-11-26, leveling keeps the diploma's capstone
    (the least float) where it was, and leaves no week over capacity from then on
    but weeks full of work in progress and habits."""
    from pathlib import Path

    from careerkit import loads

    text = (Path(__file__).parent.parent / "examples" / "marketing_director.json").read_text()
    plan = loads(text)
    as_of = date(2026, 11, 26)
    plain, leveled = schedule(plan, as_of=as_of), schedule(plan, as_of=as_of, level=True)

    assert plain["dmd-capstone"].early_start == leveled["dmd-capstone"].early_start
    assert leveled["dmd-final-exam"].early_finish <= date(2027, 2, 5)
    assert [] == [
        week.week
        for week in leveled.overloaded_weeks
        if week.week > date(2027, 1, 4)  # after the work in progress ends
    ]
