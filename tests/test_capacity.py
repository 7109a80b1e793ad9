"""Tests for careerkit.scheduling.capacity and careerkit.scheduling.leveling: load and leveling.

Example plans start on Monday 23 November 2026 on the default Monday to
Friday calendar with a weekly capacity of 10 hours; weeks are named by their
Monday.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit import (
    Calendar,
    Goal,
    Plan,
    Schedule,
    Status,
    Task,
    WeekLoad,
    count_working_days,
    schedule,
)
from careerkit.scheduling.capacity import week_number
from careerkit.workdays import DayIndex

from .schedule_strategies import EVERY_DAY, MONDAY_TO_FRIDAY, PROPERTY_SETTINGS, dag_plans

START = date(2026, 11, 23)  # a Monday
WEEK_1 = START
WEEK_2 = date(2026, 11, 30)
WEEK_3 = date(2026, 12, 7)


def make_plan(*tasks: Task, **fields: Any) -> Plan:
    """A plan starting on ``START`` with goal ``g`` and a weekly capacity of 10 hours."""
    fields.setdefault("goals", (Goal(id="g", title="Reach g"),))
    fields.setdefault("weekly_capacity", 10.0)
    return Plan(id="p", owner="Ana", start=START, tasks=tasks, **fields)


def task(id: str, duration: int, effort: float, *depends_on: str, **fields: Any) -> Task:  # noqa: A002
    """A task of goal ``g`` with an effort in hours."""
    return Task(
        id=id,
        goal="g",
        title=f"Do {id}",
        duration=duration,
        effort=effort,
        depends_on=depends_on,
        **fields,
    )


def hours(result: Schedule) -> dict[date, float]:
    """Hours per week, by the week's Monday."""
    return {week.week: week.hours for week in result.load}


# -- WeekLoad ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("planned", "overloaded", "spare"),
    [(0.0, False, 10.0), (7.5, False, 2.5), (10.0, False, 0.0), (12.5, True, -2.5)],
)
def test_week_load(planned: float, overloaded: bool, spare: float) -> None:
    """A week is overloaded only above capacity; spare is what is left, negative when over."""
    week = WeekLoad(week=WEEK_1, hours=planned, capacity=10.0)

    assert overloaded == week.overloaded
    assert spare == week.spare


def test_week_load_rounding_is_not_overload() -> None:
    """Hours above capacity by rounding error only do not overload a week."""
    assert not WeekLoad(week=WEEK_1, hours=0.1 + 0.2 + 9.7, capacity=10.0).overloaded


# -- weekly load ---------------------------------------------------------------


def test_effort_spread_evenly_over_working_days() -> None:
    """Ten days of 20 hours put 2 hours on each working day: 10 hours in each week."""
    result = schedule(make_plan(task("a", 10, 20)))

    assert {WEEK_1: 10.0, WEEK_2: 10.0} == hours(result)
    assert () == result.overloaded_weeks


def test_effort_skips_holidays() -> None:
    """Effort lands on working days only: a holiday moves a task's hours to later days."""
    plan = make_plan(
        task("a", 5, 10, not_before=date(2026, 11, 26)),  # Thursday to Thursday over Monday off
        calendar=Calendar(holidays=(WEEK_2,)),
    )

    assert {WEEK_1: 4.0, WEEK_2: 6.0} == hours(schedule(plan))


def test_milestone_effort_lands_on_its_day() -> None:
    """A milestone's effort lands in the week of its day: the Friday its predecessor finishes."""
    result = schedule(make_plan(task("a", 5, 0), task("m", 0, 3, "a"), task("b", 1, 1, "m")))

    assert date(2026, 11, 27) == result["m"].early_start
    assert {WEEK_1: 3.0, WEEK_2: 1.0} == hours(result)


def test_milestone_at_the_start() -> None:
    """A milestone without predecessors carries its effort in the plan's first week."""
    assert {WEEK_1: 2.0} == hours(schedule(make_plan(task("m", 0, 2))))


def test_habit_effort_per_occurrence() -> None:
    """Each occurrence of a habit carries the habit's effort, in the week it falls."""
    plan = make_plan(
        task("habit", 1, 2, recurrence="FREQ=WEEKLY;BYDAY=WE"),
        task("a", 10, 10),
        goals=(Goal(id="g", title="Reach g", deadline=date(2026, 12, 11)),),
    )
    result = schedule(plan)

    assert (date(2026, 11, 25), date(2026, 12, 2), date(2026, 12, 9)) == result["habit"].occurrences
    assert {WEEK_1: 7.0, WEEK_2: 7.0, WEEK_3: 2.0} == hours(result)


def test_overloaded_weeks() -> None:
    """Parallel work above capacity overloads the week it falls in, and only that week."""
    result = schedule(make_plan(task("a", 5, 30), task("b", 5, 20), task("c", 2, 4, "a")))

    assert (
        WeekLoad(week=WEEK_1, hours=50.0, capacity=10.0),
        WeekLoad(week=WEEK_2, hours=4.0, capacity=10.0),
    ) == result.load
    assert (WeekLoad(week=WEEK_1, hours=50.0, capacity=10.0),) == result.overloaded_weeks
    assert -40.0 == result.overloaded_weeks[0].spare


def test_dropped_and_effortless_tasks_add_no_load() -> None:
    """Dropped tasks and tasks without effort put nothing in any week."""
    plan = make_plan(task("a", 5, 0), task("x", 5, 30, status=Status.DROPPED), task("b", 1, 3))

    assert {WEEK_1: 3.0} == hours(schedule(plan))


def test_weeks_are_named_by_their_monday() -> None:
    """Work on a weekend counts in the week that began on the Monday before it."""
    plan = make_plan(
        task("a", 2, 4, not_before=date(2026, 11, 28)),
        calendar=Calendar(working_days=EVERY_DAY),
    )

    assert {WEEK_1: 4.0} == hours(schedule(plan))


def test_remaining_effort_of_work_in_progress() -> None:
    """At a status date, work in progress loads what remains of its effort from that date."""
    plan = make_plan(
        task("a", 10, 20, status=Status.IN_PROGRESS, started_on=START, percent_complete=50)
    )

    assert {WEEK_2: 10.0} == hours(schedule(plan, as_of=WEEK_2))


# -- leveling: examples --------------------------------------------------------


def test_leveling_moves_work_to_a_later_week() -> None:
    """Two tasks that each fill a week are done one week after the other."""
    plan = make_plan(task("a", 5, 10), task("b", 5, 10))
    plain = schedule(plan)
    leveled = schedule(plan, level=True)

    assert {WEEK_1: 20.0} == hours(plain)
    assert {WEEK_1: 10.0, WEEK_2: 10.0} == hours(leveled)
    assert (WEEK_1, date(2026, 11, 27)) == (leveled["a"].early_start, leveled["a"].early_finish)
    assert (WEEK_2, date(2026, 12, 4)) == (leveled["b"].early_start, leveled["b"].early_finish)
    assert (True, 5) == (leveled.leveled, leveled.leveling_delay)
    assert (False, 0) == (plain.leveled, plain.leveling_delay)


def test_leveling_takes_the_least_float_first() -> None:
    """The task with the least float keeps its place; the one with float moves."""
    plan = make_plan(task("long", 10, 20), task("short", 1, 4))
    leveled = schedule(plan, level=True)

    assert START == leveled["long"].early_start
    assert date(2026, 12, 7) == leveled["short"].early_start
    assert {WEEK_1: 10.0, WEEK_2: 10.0, WEEK_3: 4.0} == hours(leveled)


def test_a_week_one_task_leaves_stays_open_to_the_next() -> None:
    """A task that cannot start late in a week does not close the week to a task of
    the same hours and length that can start earlier in it.

    ``x`` may start on Thursday only: two of its days would fit in week 1 but
    its third would pass week 2's capacity, so it goes to week 3. ``y`` takes
    the same hours over the same days, but from Monday it fits in week 1.
    """
    plan = make_plan(
        task("fill", 5, 10, not_before=WEEK_2),  # week 2 full, and least float
        task("x", 3, 6, not_before=date(2026, 11, 26)),
        task("y", 3, 6),
    )
    leveled = schedule(plan, level=True)

    assert (WEEK_2, WEEK_3, WEEK_1) == tuple(
        leveled[name].early_start for name in ("fill", "x", "y")
    )
    assert {WEEK_1: 6.0, WEEK_2: 10.0, WEEK_3: 6.0} == hours(leveled)


def test_task_too_big_for_a_week_is_placed_at_its_earliest_start() -> None:
    """A task that cannot fit any week on its own is not delayed by leveling."""
    plan = make_plan(task("small", 5, 10), task("big", 1, 20))
    leveled = schedule(plan, level=True)

    assert START == leveled["big"].early_start
    assert START == leveled["small"].early_start
    assert 0 == leveled.leveling_delay


def test_leveling_keeps_the_successors_in_order() -> None:
    """Delaying a task by leveling delays its successors too.

    ``a`` (6 days, 2 hours a day) goes first by id and fills the first week
    and the Monday of the second; ``b`` (same rate) fits from the Tuesday,
    finishing on the Monday of the third week; ``c`` follows it.
    """
    plan = make_plan(task("a", 6, 12), task("b", 5, 10), task("c", 1, 0, "b"))
    leveled = schedule(plan, level=True)

    assert (date(2026, 12, 1), date(2026, 12, 7)) == (
        leveled["b"].early_start,
        leveled["b"].early_finish,
    )
    assert date(2026, 12, 8) == leveled["c"].early_start
    assert {WEEK_1: 10.0, WEEK_2: 10.0, WEEK_3: 2.0} == hours(leveled)


def test_leveling_on_an_every_day_calendar() -> None:
    """On an every-day calendar a Sunday belongs to the week of the Monday before it.

    ``a`` takes Monday to Sunday at one hour a day; ``b`` needs 4 more hours,
    which do not fit in that week: it moves to the next Monday.
    """
    plan = make_plan(task("a", 7, 7), task("b", 1, 4), calendar=Calendar(working_days=EVERY_DAY))
    leveled = schedule(plan, level=True)

    assert WEEK_2 == leveled["b"].early_start
    assert {WEEK_1: 7.0, WEEK_2: 4.0} == hours(leveled)


# -- leveling: properties ------------------------------------------------------

CALENDARS = pytest.mark.parametrize(
    "working_days", [EVERY_DAY, MONDAY_TO_FRIDAY], ids=["every-day", "monday-to-friday"]
)


def _fitting_plans(working_days: tuple[Any, ...]) -> st.SearchStrategy[Plan]:
    return dag_plans(
        working_days=working_days,
        holidays=working_days != EVERY_DAY,
        max_tasks=7,
        max_effort=25,
        fitting=True,
    )


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_leveled_load_stays_within_capacity(
    working_days: tuple[Any, ...], data: st.DataObject
) -> None:
    """When every task fits on its own, leveling leaves no week over capacity."""
    plan = data.draw(_fitting_plans(working_days))
    leveled = schedule(plan, level=True)

    assert [] == [week for week in leveled.load if week.hours > plan.weekly_capacity + 1e-9]
    assert () == leveled.overloaded_weeks


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_leveling_keeps_precedence(working_days: tuple[Any, ...], data: st.DataObject) -> None:
    """Leveled tasks still follow their predecessors, and never start earlier than unleveled."""
    plan = data.draw(_fitting_plans(working_days))
    plain = schedule(plan)
    leveled = schedule(plan, level=True)

    for item in plan.tasks:
        after = leveled[item.id]
        assert after.early_start >= plain[item.id].early_start
        for before_id in item.predecessors:
            before = leveled[before_id]
            if item.duration and plan.task(before_id).duration:
                assert after.early_start > before.early_finish
            else:
                assert after.early_start >= before.early_finish


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_leveling_delay(working_days: tuple[Any, ...], data: st.DataObject) -> None:
    """Leveling never finishes earlier; ``leveling_delay`` is the difference in working days."""
    plan = data.draw(_fitting_plans(working_days))
    plain = schedule(plan)
    leveled = schedule(plan, level=True)

    assert leveled.finish >= plain.finish
    assert leveled.leveling_delay == count_working_days(plan.calendar, plain.finish, leveled.finish)
    if any(item.duration for item in plan.tasks):  # milestones alone have no duration
        assert leveled.duration - plain.duration == leveled.leveling_delay
    assert 0 == plain.leveling_delay


def _leveled_starts(plan: Plan) -> dict[str, date]:
    """Early starts by leveling as the module describes it, searched day by day.

    For plans of finish-to-start links to earlier tasks, without status, due
    dates or habits: a plain critical-path pass ranks the tasks (least total
    float, then earliest start, then id); each task ready in that order goes
    to the first day from its earliest start where its first week has room
    for one of its days and no week it lands on passes the capacity. A
    milestone right after its predecessors' work lands on that work's last
    day.
    """
    days = DayIndex(plan.calendar)
    origin = days.index_of(plan.start)
    position = {item.id: index for index, item in enumerate(plan.tasks)}
    before = [[position[other] for other in item.predecessors] for item in plan.tasks]
    durations = [item.duration for item in plan.tasks]
    early: list[int] = []
    for index in range(len(durations)):  # links point to earlier tasks only
        early.append(max([origin, *(early[other] + durations[other] for other in before[index])]))
    end = max(start + duration for start, duration in zip(early, durations, strict=True))
    late_finish = [end] * len(durations)
    for index in reversed(range(len(durations))):
        for other in before[index]:
            late_finish[other] = min(late_finish[other], late_finish[index] - durations[index])
    rank = {
        index: (late_finish[index] - early[index] - durations[index], early[index], item.id)
        for index, item in enumerate(plan.tasks)
    }
    limit = plan.weekly_capacity + 1e-9
    load: dict[int, float] = {}
    placed: dict[int, int] = {}
    starts: dict[str, date] = {}

    def week(index: int) -> int:
        return week_number(days.date_of(index))

    while len(placed) < len(durations):
        ready = [index for index in rank if index not in placed]
        node = min(
            (index for index in ready if all(other in placed for other in before[index])),
            key=rank.__getitem__,
        )
        duration, item = durations[node], plan.tasks[node]
        lowest = max([origin, *(placed[other] + durations[other] for other in before[node])])
        after_work = lowest > origin and any(
            placed[other] + durations[other] == lowest for other in before[node]
        )
        rate = item.effort / max(duration, 1)
        days_per_week = len(plan.calendar.working_days)
        start = lowest
        footprint = [start - 1] if duration == 0 and after_work else [start]
        if rate > 0 and rate * min(max(duration, 1), days_per_week) <= limit:
            while True:
                on_day = start - 1 if duration == 0 and after_work and start == lowest else start
                footprint = list(range(start, start + duration)) if duration else [on_day]
                spread: dict[int, int] = {}
                for day in footprint:
                    spread[week(day)] = spread.get(week(day), 0) + 1
                first_week_full = load.get(week(start), 0.0) + rate > limit
                if not first_week_full and all(
                    load.get(number, 0.0) + rate * count <= limit
                    for number, count in spread.items()
                ):
                    break
                start += 1
            for day in footprint:
                load[week(day)] = load.get(week(day), 0.0) + rate
        placed[node] = start
        shifted = duration == 0 and start == lowest and after_work
        starts[item.id] = days.date_of(start - 1 if shifted else start)
    return starts


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_leveling_places_each_task_where_a_day_by_day_search_does(
    working_days: tuple[Any, ...], data: st.DataObject
) -> None:
    """The skips that make leveling fast never change where a task goes: each task
    starts where a search day by day, with the same rule, puts it."""
    longest, most = data.draw(st.sampled_from([(3, 8), (12, 40)]))  # few rates, or many
    plan = data.draw(
        dag_plans(
            working_days=working_days,
            holidays=working_days != EVERY_DAY,
            max_tasks=30,
            max_duration=longest,
            max_effort=most,
            weekly_capacity=data.draw(st.sampled_from([6.0, 10.0, 25.0])),
            fitting=data.draw(st.booleans()),
        )
    )
    leveled = schedule(plan, level=True)

    assert _leveled_starts(plan) == {entry.task: entry.early_start for entry in leveled}
