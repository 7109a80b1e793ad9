"""Tests for careerkit.scheduling.capacity and careerkit.scheduling.leveling: load and leveling.

Example plans start on Monday 23 November 2026 on the default Monday to
Friday calendar with a weekly capacity of 10 hours; weeks are named by their
Monday.
"""

from __future__ import annotations

from datetime import date, timedelta
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
    Weekday,
    WeekLoad,
    count_working_days,
    schedule,
)
from careerkit.scheduling.capacity import week_number
from careerkit.workdays import DayIndex

from .schedule_strategies import (
    EVERY_DAY,
    MONDAY_TO_FRIDAY,
    PROPERTY_SETTINGS,
    assert_precedence_kept,
    dag_plans,
)

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


def test_effort_passes_over_a_week_of_holidays() -> None:
    """A task running through a week with no working day loads the weeks on either
    side of it and leaves that week out of the load."""
    off = tuple(WEEK_2 + timedelta(days=offset) for offset in range(5))
    plan = make_plan(
        task("a", 5, 10, not_before=date(2026, 11, 26)),  # Thursday, Friday, then 3 days
        calendar=Calendar(holidays=off),
    )

    assert {WEEK_1: 4.0, WEEK_3: 6.0} == hours(schedule(plan))


def test_effort_over_many_weeks_of_a_sparse_calendar() -> None:
    """On a calendar of Tuesdays and Thursdays, 12 days of 24 hours put 4 hours in each
    of six weeks, each week named by its Monday."""
    plan = make_plan(
        task("a", 12, 24),
        calendar=Calendar(working_days=(Weekday.TUESDAY, Weekday.THURSDAY)),
    )
    mondays = [START + timedelta(weeks=offset) for offset in range(6)]

    assert dict.fromkeys(mondays, 4.0) == hours(schedule(plan))


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

    first = WeekLoad(week=WEEK_1, hours=50.0, capacity=10.0, tasks=(("a", 30.0), ("b", 20.0)))
    assert (first, WeekLoad(week=WEEK_2, hours=4.0, capacity=10.0, tasks=(("c", 4.0),))) == (
        result.load
    )
    assert (first,) == result.overloaded_weeks
    assert -40.0 == result.overloaded_weeks[0].spare


def test_each_week_names_its_tasks_and_their_hours() -> None:
    """A week's tasks and habits add up to its hours, the heaviest first."""
    plan = make_plan(
        task("a", 10, 20),
        task("m", 0, 3, "a"),
        Task(id="h", goal="g", title="H", duration=1, effort=1.5,
             recurrence="FREQ=WEEKLY;BYDAY=WE;COUNT=2"),
    )  # fmt: skip
    for result in (schedule(plan), schedule(plan, level=True)):
        for week in result.load:
            assert week.hours == pytest.approx(sum(hours for _, hours in week.tasks))
    plain = schedule(plan)
    assert (("a", 10.0), ("h", 1.5)) == plain.load[0].tasks
    assert (("a", 10.0), ("m", 3.0), ("h", 1.5)) == plain.load[1].tasks
    assert (("a", 8.5), ("h", 1.5)) == schedule(plan, level=True).load[0].tasks


def test_tasks_of_equal_hours_in_a_week_are_named_by_id() -> None:
    """Among tasks with as many hours in a week, the smaller id comes first, whatever
    their order in the plan; a task spread over weeks has its share in each."""
    plan = make_plan(task("c", 1, 2), task("a", 1, 2), task("b", 1, 5), task("d", 6, 6))

    result = schedule(plan)

    assert (("b", 5.0), ("d", 5.0), ("a", 2.0), ("c", 2.0)) == result.load[0].tasks
    assert (("d", 1.0),) == result.load[1].tasks
    assert [14.0, 1.0] == [week.hours for week in result.load]


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


def test_a_task_takes_the_room_a_week_has_left() -> None:
    """A task of lower priority works in what the weeks have left, and takes longer.

    ``long`` (no float) takes 8 of the 10 hours of weeks 1 and 2; ``short``
    (5 days at 1 hour a day, float 5) takes the 2 hours left in each, then
    its last hour on the Monday of week 3.
    """
    plan = make_plan(task("long", 10, 16), task("short", 5, 5))
    leveled = schedule(plan, level=True)

    assert (START, date(2026, 12, 7)) == (
        leveled["short"].early_start,
        leveled["short"].early_finish,
    )
    assert {WEEK_1: 10.0, WEEK_2: 10.0, WEEK_3: 1.0} == hours(leveled)


def test_a_task_too_big_for_a_week_is_spread_over_weeks() -> None:
    """A day of 20 hours at 10 hours a week takes the whole first week and the
    Monday of the next: no week passes the capacity."""
    plan = make_plan(task("big", 1, 20))
    leveled = schedule(plan, level=True)

    assert (START, WEEK_2) == (leveled["big"].early_start, leveled["big"].early_finish)
    assert {WEEK_1: 10.0, WEEK_2: 10.0} == hours(leveled)
    assert () == leveled.overloaded_weeks


def test_the_most_critical_task_is_not_pushed_back_by_a_habit() -> None:
    """A habit that leaves a little less than a task's weekly hours slows the task,
    not moves it behind the work with float.

    ``urgent`` wants 9 hours a week for two weeks, the weekly habit takes 2 of
    the 10; ``spare`` has float and waits for what is left.
    """
    plan = make_plan(
        task("urgent", 10, 18, due=date(2026, 12, 4)),
        task("spare", 2, 4),
        Task(id="chat", goal="g", title="Chat", duration=1, effort=2,
             recurrence="FREQ=WEEKLY;BYDAY=FR;COUNT=3"),
    )  # fmt: skip
    leveled = schedule(plan, level=True)

    assert START == leveled["urgent"].early_start
    assert date(2026, 12, 8) == leveled["urgent"].early_finish  # its last 2 hours, 2 days
    assert leveled["spare"].early_start >= WEEK_3
    assert [] == [week for week in leveled.load if week.overloaded]


def test_leveling_keeps_the_successors_in_order() -> None:
    """Delaying a task by leveling delays its successors too.

    ``a`` (6 days, 2 hours a day) goes first by id and fills the first week
    and the Monday of the second; ``b`` (same rate) takes the 8 hours left in
    the second week and its last 2 hours on the Monday of the third; ``c``
    follows it.
    """
    plan = make_plan(task("a", 6, 12), task("b", 5, 10), task("c", 1, 0, "b"))
    leveled = schedule(plan, level=True)

    assert (WEEK_2, WEEK_3) == (leveled["b"].early_start, leveled["b"].early_finish)
    assert date(2026, 12, 8) == leveled["c"].early_start
    assert {WEEK_1: 10.0, WEEK_2: 10.0, WEEK_3: 2.0} == hours(leveled)


def test_leveling_on_an_every_day_calendar() -> None:
    """On an every-day calendar a Sunday belongs to the week of the Monday before it.

    ``a`` takes Monday to Sunday at one hour a day; ``b`` needs 4 more hours:
    3 fit in that week, the last one on the next Monday.
    """
    plan = make_plan(task("a", 7, 7), task("b", 1, 4), calendar=Calendar(working_days=EVERY_DAY))
    leveled = schedule(plan, level=True)

    assert (START, WEEK_2) == (leveled["b"].early_start, leveled["b"].early_finish)
    assert {WEEK_1: 10.0, WEEK_2: 1.0} == hours(leveled)


def test_a_milestone_after_a_moved_milestone_keeps_its_order() -> None:
    """A milestone moved to a later week by its effort is followed, not preceded,
    by the milestone after it."""
    plan = make_plan(task("fill", 0, 1), task("m", 0, 10), task("n", 0, 0, "m"))
    leveled = schedule(plan, level=True)

    assert (WEEK_2, WEEK_2) == (leveled["m"].early_start, leveled["n"].early_start)


def test_a_milestone_after_a_held_milestone_keeps_its_order() -> None:
    """A milestone held by ``not_before`` happens on its day; the one after it too."""
    plan = make_plan(task("m", 0, 0, not_before=date(2026, 11, 26)), task("n", 0, 0, "m"))
    result = schedule(plan)

    assert (date(2026, 11, 26), date(2026, 11, 26)) == (
        result["m"].early_start,
        result["n"].early_start,
    )


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
        assert leveled[item.id].early_start >= plain[item.id].early_start
    assert_precedence_kept(plan, leveled)


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


def _unleveled_ranks(plan: Plan, days: DayIndex) -> list[tuple[int, int, str]]:
    """Least total float, then earliest start, then id, from a plain critical-path pass
    over finish-to-start links to earlier tasks."""
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
    return [
        (late_finish[index] - early[index] - durations[index], early[index], item.id)
        for index, item in enumerate(plan.tasks)
    ]


def _leveled_dates(plan: Plan) -> dict[str, tuple[date, date]]:
    """Early start and finish of each task by leveling as the module describes it,
    worked out day by day.

    For plans of finish-to-start links to earlier tasks, without status, due
    dates or habits. Tasks are taken by rank among those whose predecessors
    are placed. Each day from its earliest start, a task takes its daily
    rate, or less if its week has less room left; it starts on its first day
    with hours and finishes on the day its effort is done. A milestone's
    effort needs room in one week; a milestone right after work lands on that
    work's last day.
    """
    days = DayIndex(plan.calendar)
    origin = days.index_of(plan.start)
    rank = _unleveled_ranks(plan, days)
    position = {item.id: index for index, item in enumerate(plan.tasks)}
    capacity = plan.weekly_capacity
    load: dict[int, float] = {}
    bounds: dict[int, tuple[int, int]] = {}
    ends_work: dict[int, bool] = {}
    found: dict[str, tuple[date, date]] = {}

    def week(index: int) -> int:
        return week_number(days.date_of(index))

    while len(bounds) < len(plan.tasks):
        node = min(
            (
                index
                for index, item in enumerate(plan.tasks)
                if index not in bounds
                and all(position[other] in bounds for other in item.predecessors)
            ),
            key=rank.__getitem__,
        )
        item = plan.tasks[node]
        before = [position[other] for other in item.predecessors]
        lowest = max([origin, *(bounds[other][1] for other in before)])
        pushed = lowest > origin and any(
            bounds[other][1] == lowest and ends_work[other] for other in before
        )
        start, finish, shifted = lowest, lowest + item.duration, item.duration == 0 and pushed
        if item.effort and item.duration == 0:
            day = lowest - 1 if shifted else lowest
            if item.effort <= capacity + 1e-9:
                while capacity - load.get(week(day), 0.0) + 1e-9 < item.effort:
                    day += 1
                    start = finish = day
                    shifted = False
            load[week(day)] = load.get(week(day), 0.0) + item.effort
        elif item.effort:
            rate, left, day, first = item.effort / item.duration, item.effort, lowest, None
            while left > 1e-9:
                take = min(rate, capacity - load.get(week(day), 0.0), left)
                if take > 1e-9:
                    load[week(day)] = load.get(week(day), 0.0) + take
                    left -= take
                    first = day if first is None else first
                    finish = day + 1
                day += 1
            assert first is not None
            start = first
        bounds[node] = (start, finish)
        ends_work[node] = finish > start or shifted
        first_day = days.date_of(start - 1 if shifted else start)
        found[item.id] = (first_day, days.date_of(finish - 1) if finish > start else first_day)
    return found


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_leveling_places_each_task_where_a_day_by_day_search_does(
    working_days: tuple[Any, ...], data: st.DataObject
) -> None:
    """Week by week, with full weeks skipped, leveling places each task where a
    reference worked out day by day puts it."""
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

    assert _leveled_dates(plan) == {
        entry.task: (entry.early_start, entry.early_finish) for entry in leveled
    }
