"""Tests for careerkit.scheduling: the critical-path schedule of a plan.

Example plans start on Monday 23 November 2026 on the default Monday to
Friday calendar, so the working days are numbered::

    0 Mon 23 Nov   5 Mon 30 Nov   10 Mon 7 Dec
    1 Tue 24 Nov   6 Tue 1 Dec    11 Tue 8 Dec
    2 Wed 25 Nov   7 Wed 2 Dec    12 Wed 9 Dec
    3 Thu 26 Nov   8 Thu 3 Dec    13 Thu 10 Dec
    4 Fri 27 Nov   9 Fri 4 Dec    14 Fri 11 Dec
"""

from __future__ import annotations

import copy
import pickle
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit import (
    Calendar,
    Constraint,
    Dependency,
    Goal,
    GoalSchedule,
    Link,
    Plan,
    Schedule,
    Status,
    Task,
    UnknownReferenceError,
    ValidationError,
    Violation,
    count_working_days,
    is_working_day,
    loads,
    schedule,
)

from .schedule_strategies import (
    EVERY_DAY,
    MONDAY_TO_FRIDAY,
    PROPERTY_SETTINGS,
    assert_precedence_kept,
    dag_plans,
)

EXAMPLE_PLAN = Path(__file__).parent.parent / "examples" / "marketing_director.json"

START = date(2026, 11, 23)  # a Monday


def day(number: int) -> date:
    """The working day with this number in the table of the module docstring."""
    week, weekday = divmod(number, 5)
    return START + timedelta(weeks=week, days=weekday)


def make_plan(*tasks: Task, goals: tuple[Goal, ...] | None = None, **fields: Any) -> Plan:
    """A plan starting on ``START`` with goal ``g`` unless ``goals`` are given."""
    return Plan(
        id="p",
        owner="Ana",
        start=fields.pop("start", START),
        goals=goals if goals is not None else (Goal(id="g", title="Reach g"),),
        tasks=tasks,
        **fields,
    )


def task(id: str, duration: int, *depends_on: str | Dependency, **fields: Any) -> Task:  # noqa: A002
    """A task of goal ``g`` (unless ``goal`` is given)."""
    fields.setdefault("goal", "g")
    return Task(id=id, title=f"Do {id}", duration=duration, depends_on=depends_on, **fields)


def early(result: Schedule, task_id: str) -> tuple[date, date]:
    """The early start and finish of a task."""
    entry = result[task_id]
    return entry.early_start, entry.early_finish


def late(result: Schedule, task_id: str) -> tuple[date, date]:
    """The late start and finish of a task."""
    entry = result[task_id]
    return entry.late_start, entry.late_finish


# -- properties on random plans ------------------------------------------------

CALENDARS = pytest.mark.parametrize(
    "working_days", [EVERY_DAY, MONDAY_TO_FRIDAY], ids=["every-day", "monday-to-friday"]
)


def _plans(working_days: tuple[Any, ...]) -> st.SearchStrategy[Plan]:
    # The every-day calendar has no holidays; the working week has runs of them.
    return dag_plans(working_days=working_days, holidays=working_days != EVERY_DAY)


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_no_task_starts_before_its_predecessors_finish(
    working_days: tuple[Any, ...], data: st.DataObject
) -> None:
    """A successor starts after each predecessor's finish, or that day when one is a milestone."""
    plan = data.draw(_plans(working_days))
    result = schedule(plan)

    for item in plan.tasks:
        assert result[item.id].early_start >= plan.start
    assert_precedence_kept(plan, result)


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_floats_without_deadlines(working_days: tuple[Any, ...], data: st.DataObject) -> None:
    """Without due dates or deadlines float is never negative and some chain is critical."""
    plan = data.draw(_plans(working_days))
    result = schedule(plan)

    assert all(entry.total_float >= 0 for entry in result)
    assert 0 == min(entry.total_float for entry in result)
    assert result.critical_path
    assert all(result[task_id].critical for task_id in result.critical_path)
    assert () == result.violations


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_free_float_within_total_float(working_days: tuple[Any, ...], data: st.DataObject) -> None:
    """Free float is at least 0 and at most the total float."""
    result = schedule(data.draw(_plans(working_days)))

    for entry in result:
        assert 0 <= entry.free_float <= entry.total_float


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_late_start_minus_early_start_is_total_float(
    working_days: tuple[Any, ...], data: st.DataObject
) -> None:
    """Late start and late finish lie ``total_float`` working days after the early ones.

    Milestones are checked by ``test_milestone_float_matches_its_dates``.
    """
    plan = data.draw(_plans(working_days))
    result = schedule(plan)

    for entry in result:
        if not plan.task(entry.task).duration:
            continue
        assert entry.total_float == count_working_days(
            plan.calendar, entry.early_start, entry.late_start
        )
        assert entry.total_float == count_working_days(
            plan.calendar, entry.early_finish, entry.late_finish
        )


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_dates_are_working_days(working_days: tuple[Any, ...], data: st.DataObject) -> None:
    """Every date of a task with a duration falls on a working day."""
    plan = data.draw(_plans(working_days))
    result = schedule(plan)

    for item in plan.tasks:
        if item.duration:
            entry = result[item.id]
            for when in (
                entry.early_start,
                entry.early_finish,
                entry.late_start,
                entry.late_finish,
            ):
                assert is_working_day(plan.calendar, when)
    assert is_working_day(plan.calendar, result.start)
    assert is_working_day(plan.calendar, result.finish)


def _longest_path(plan: Plan) -> int:
    """The longest chain of durations, by networkx.

    networkx weighs edges, not nodes: each task's duration goes on the edges
    leaving it, and every task gets an edge to an extra ``end`` node so that
    the last task of a chain counts too.
    """
    graph = nx.DiGraph()
    for item in plan.tasks:
        graph.add_edge(item.id, "end", weight=item.duration)
        for before in item.predecessors:
            graph.add_edge(before, item.id, weight=plan.task(before).duration)
    return int(nx.dag_longest_path_length(graph, weight="weight"))


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_duration_is_the_longest_path(working_days: tuple[Any, ...], data: st.DataObject) -> None:
    """With finish-to-start links without lag, the plan lasts as long as its longest chain."""
    plan = data.draw(_plans(working_days).filter(lambda plan: any(t.duration for t in plan.tasks)))
    result = schedule(plan)

    assert _longest_path(plan) == result.duration
    assert result.duration == count_working_days(
        plan.calendar, result.start, result.finish + timedelta(days=1)
    )
    if working_days == EVERY_DAY:
        assert result.duration == (result.finish - result.start).days + 1


def test_duration_of_milestones_only() -> None:
    """A plan of milestones only takes no working days, as its longest chain is 0 long."""
    plan = make_plan(task("kickoff", 0), task("review", 0, "kickoff"))

    assert 0 == _longest_path(plan)
    assert 0 == schedule(plan).duration


def _summary(result: Schedule) -> dict[str, Any]:
    return {
        "tasks": {
            entry.task: (
                entry.early_start,
                entry.early_finish,
                entry.late_start,
                entry.late_finish,
                entry.total_float,
                entry.free_float,
                entry.critical,
            )
            for entry in result
        },
        "critical_path": result.critical_path,
        "critical_tasks": result.critical_tasks,
        "duration": result.duration,
        "start": result.start,
        "finish": result.finish,
    }


@CALENDARS
@PROPERTY_SETTINGS
@given(data=st.data())
def test_task_order_does_not_matter(working_days: tuple[Any, ...], data: st.DataObject) -> None:
    """Listing the tasks in another order gives the same schedule."""
    plan = data.draw(_plans(working_days))
    order = data.draw(st.permutations(plan.tasks))
    shuffled = Plan(
        id=plan.id,
        owner=plan.owner,
        start=plan.start,
        goals=plan.goals,
        tasks=tuple(order),
        calendar=plan.calendar,
    )

    assert _summary(schedule(plan)) == _summary(schedule(shuffled))


# -- links, lags and leads -----------------------------------------------------


@pytest.mark.parametrize(
    ("link", "lag", "duration", "expected_early", "total_float"),
    [
        # a runs days 0-2; finish-to-start: b starts `lag` days after a's finish.
        (Link.FINISH_TO_START, 2, 2, (day(5), day(6)), 0),
        (Link.FINISH_TO_START, -2, 2, (day(1), day(2)), 0),  # a lead overlaps
        # start-to-start: b starts `lag` days after a starts.
        (Link.START_TO_START, 1, 4, (day(1), day(4)), 0),
        (Link.START_TO_START, 1, 1, (day(1), day(1)), 1),
        # finish-to-finish: b finishes `lag` days after a finishes.
        (Link.FINISH_TO_FINISH, 2, 2, (day(3), day(4)), 0),
        (Link.FINISH_TO_FINISH, -1, 1, (day(1), day(1)), 1),
        # start-to-finish: b finishes `lag` days after a starts.
        (Link.START_TO_FINISH, 4, 2, (day(2), day(3)), 0),
        (Link.START_TO_FINISH, -1, 2, (day(0), day(1)), 1),  # bound before the plan start
    ],
)
def test_links(
    link: Link, lag: int, duration: int, expected_early: tuple[date, date], total_float: int
) -> None:
    """Each link type ties the right ends of two tasks, lags waiting and leads overlapping."""
    plan = make_plan(task("a", 3), task("b", duration, Dependency(task="a", link=link, lag=lag)))
    result = schedule(plan)

    assert (day(0), day(2)) == early(result, "a")
    assert expected_early == early(result, "b")
    assert total_float == result["b"].total_float
    assert 0 == result["a"].total_float


def test_start_to_start_late_dates() -> None:
    """A short task started a day after a longer one may start as late as the day it could finish.

    a runs days 0-2; b (1 day) starts a day after a starts. The plan ends with
    a, so b may move to day 2; a is critical, b has one day of float.
    """
    plan = make_plan(
        task("a", 3), task("b", 1, Dependency(task="a", link=Link.START_TO_START, lag=1))
    )
    result = schedule(plan)

    assert (day(2), day(2)) == late(result, "b")
    assert (day(0), day(2)) == late(result, "a")
    assert (1, 1) == (result["b"].total_float, result["b"].free_float)
    assert 0 == result["a"].free_float  # moving a moves b
    assert ("a",) == result.critical_path


def test_finish_to_finish_drives_the_predecessor() -> None:
    """A finish-to-finish successor ending the plan leaves its predecessor no float."""
    plan = make_plan(
        task("a", 3), task("b", 2, Dependency(task="a", link=Link.FINISH_TO_FINISH, lag=2))
    )
    result = schedule(plan)

    assert (day(0), day(2)) == late(result, "a")
    assert (day(3), day(4)) == late(result, "b")
    assert ("a", "b") == result.critical_path
    assert day(4) == result.finish
    assert 5 == result.duration


def test_lag_over_a_weekend_and_holiday() -> None:
    """Lags count working days: after a Friday finish with Monday off, a lag of 2 is Tuesday
    and Wednesday, so the successor starts on Thursday."""
    plan = make_plan(
        task("a", 5),
        task("b", 1, Dependency(task="a", lag=2)),
        calendar=Calendar(holidays=(day(5),)),
    )

    assert (day(8), day(8)) == early(schedule(plan), "b")


def test_several_links_take_the_latest_bound() -> None:
    """With several predecessors, the tightest link decides the start."""
    plan = make_plan(
        task("a", 3),
        task("c", 1),
        task(
            "b",
            2,
            Dependency(task="a", link=Link.START_TO_START, lag=1),
            Dependency(task="c", lag=3),
        ),
    )
    result = schedule(plan)

    assert (day(4), day(5)) == early(result, "b")
    assert ("c", "b") == result.critical_path


def test_plain_and_typed_finish_to_start_are_the_same() -> None:
    """A plain id and a finish-to-start Dependency without lag schedule alike."""
    plain = make_plan(task("a", 3), task("b", 2, "a"))
    typed = make_plan(task("a", 3), task("b", 2, Dependency(task="a")))

    assert _summary(schedule(plain)) == _summary(schedule(typed))


# -- milestones ----------------------------------------------------------------


def test_milestone_sits_on_its_predecessor_finish() -> None:
    """A milestone after a task sits on the day the task finishes."""
    result = schedule(make_plan(task("a", 3), task("m", 0, "a"), task("b", 1, "m")))

    assert (day(2), day(2)) == early(result, "m")
    assert (day(3), day(3)) == early(result, "b")
    assert ("a", "m", "b") == result.critical_path


def test_milestone_without_predecessors_sits_on_the_plan_start() -> None:
    """A milestone with nothing before it sits on the first working day."""
    result = schedule(make_plan(task("m", 0), start=date(2026, 11, 21)))

    assert (day(0), day(0)) == early(result, "m")


def test_milestone_float_matches_its_dates() -> None:
    """A milestone's late date lies its total float in working days after its early date.

    ``m`` follows the milestone ``k`` at the plan's start; the plan ends with
    the one-day task ``t``.
    """
    plan = make_plan(task("k", 0), task("m", 0, "k"), task("t", 1))
    result = schedule(plan)
    entry = result["m"]

    assert entry.total_float == count_working_days(
        plan.calendar, entry.early_start, entry.late_start
    )


def test_milestone_start_to_start() -> None:
    """A milestone tied start-to-start to a task sits on the day the task starts."""
    plan = make_plan(
        task("a", 2, not_before=day(2)),
        task("m", 0, Dependency(task="a", link=Link.START_TO_START)),
    )
    result = schedule(plan)

    assert (day(2), day(2)) == early(result, "m")
    assert day(2) == result.start


def test_milestone_not_before() -> None:
    """A milestone does not sit before its own ``not_before`` date."""
    plan = make_plan(task("a", 1), task("m", 0, "a", not_before=day(4)))
    result = schedule(plan)

    assert (day(4), day(4)) == early(result, "m")
    assert day(4) == result.finish


# -- dates a task cannot start before or must finish by -------------------------


def test_not_before() -> None:
    """A task does not start before ``not_before``; on a Saturday, it starts on Monday."""
    plan = make_plan(
        task("a", 2, not_before=date(2026, 11, 28)),
        task("c", 1),
        task("b", 1, "c", not_before=day(2)),
    )
    result = schedule(plan)

    assert (day(5), day(6)) == early(result, "a")
    assert (day(2), day(2)) == early(result, "b")
    assert 0 == result["a"].total_float


def test_not_before_earlier_than_predecessors() -> None:
    """A ``not_before`` date already passed when the predecessor finishes changes nothing."""
    result = schedule(make_plan(task("a", 3), task("b", 1, "a", not_before=day(1))))

    assert (day(3), day(3)) == early(result, "b")


def _late_plan(**goal_fields: Any) -> Plan:
    """a (5 days) then b (3 days, due Tuesday 1 December); goal g as given."""
    return make_plan(
        task("a", 5),
        task("b", 3, "a", due=day(6)),
        goals=(Goal(id="g", title="Reach g", **goal_fields),),
    )


def test_due_date_missed() -> None:
    """A task due before it can finish has negative float, and so do its predecessors."""
    result = schedule(_late_plan())

    assert (day(5), day(7)) == early(result, "b")
    assert (-1, -1) == (result["a"].total_float, result["b"].total_float)
    assert (day(4), day(6)) == late(result, "b")
    assert (
        Violation(constraint=Constraint.DUE, subject="b", limit=day(6), finish=day(7), by=1),
    ) == result.violations
    assert ("a", "b") == result.critical_path


def test_deadline_and_due_date_missed() -> None:
    """The tighter of a due date and a goal deadline sets the float; both are reported."""
    result = schedule(_late_plan(deadline=day(4)))

    assert (-3, -3) == (result["a"].total_float, result["b"].total_float)
    assert (day(2), day(4)) == late(result, "b")
    assert (date(2026, 11, 18), day(1)) == late(result, "a")  # before the plan starts
    assert (
        Violation(constraint=Constraint.DEADLINE, subject="g", limit=day(4), finish=day(7), by=3),
        Violation(constraint=Constraint.DUE, subject="b", limit=day(6), finish=day(7), by=1),
    ) == result.violations
    assert GoalSchedule(
        goal="g", start=day(0), finish=day(7), deadline=day(4), slack=-3
    ) == result.goal("g")
    assert result.goal("g").late


def test_due_on_a_weekend() -> None:
    """A task due on a Saturday is on time when it finishes on the Friday before."""
    result = schedule(make_plan(task("a", 5, due=date(2026, 11, 28))))

    assert () == result.violations
    assert 0 == result["a"].total_float


def test_deadline_met_with_slack() -> None:
    """A goal finishing before its deadline has positive slack.

    The tasks' float is measured against the plan's own finish, which comes
    before the deadline: they stay critical.
    """
    result = schedule(_late_plan(deadline=day(9)).update_task("b", due=None))

    assert GoalSchedule(
        goal="g", start=day(0), finish=day(7), deadline=day(9), slack=2
    ) == result.goal("g")
    assert not result.goal("g").late
    assert (0, 0) == (result["a"].total_float, result["b"].total_float)
    assert () == result.violations
    assert ("a", "b") == result.critical_path


# -- goals ---------------------------------------------------------------------


def test_goal_depending_on_a_goal() -> None:
    """The tasks of a goal (and of its child goals) wait for every task of its prerequisite.

    The prerequisite's habit does not hold them back.
    """
    goals = (
        Goal(id="cert", title="Earn the certificate"),
        Goal(id="job", title="Get the job", depends_on=("cert",)),
        Goal(id="apply", title="Apply", parent="job"),
        Goal(id="side", title="Side project"),
    )
    plan = make_plan(
        task("c1", 3, goal="cert"),
        task("c2", 5, goal="cert"),
        task("habit", 10, goal="cert", recurrence="FREQ=WEEKLY"),
        task("j1", 2, goal="job"),
        task("a1", 1, goal="apply"),
        task("x", 1, goal="side"),
        goals=goals,
    )
    result = schedule(plan)

    assert (day(5), day(6)) == early(result, "j1")
    assert (day(5), day(5)) == early(result, "a1")
    assert (day(0), day(0)) == early(result, "x")
    assert day(5) == result.goal("job").start


def test_goal_depending_on_a_goal_with_children() -> None:
    """A prerequisite goal is finished only when its child goals' tasks are."""
    goals = (
        Goal(id="cert", title="Earn the certificate"),
        Goal(id="course", title="Take the course", parent="cert"),
        Goal(id="job", title="Get the job", depends_on=("cert",)),
    )
    plan = make_plan(
        task("c1", 2, goal="cert"),
        task("k1", 4, goal="course"),
        task("j1", 1, goal="job"),
        goals=goals,
    )
    result = schedule(plan)

    assert (day(4), day(4)) == early(result, "j1")
    assert day(3) == result.goal("cert").finish


def test_parent_deadline_constrains_child_goal_tasks() -> None:
    """A parent goal's deadline holds for its child goals' tasks."""
    goals = (
        Goal(id="big", title="Become a director", deadline=day(4)),
        Goal(id="part", title="Lead a team", parent="big"),
    )
    result = schedule(make_plan(task("p1", 7, goal="part"), goals=goals))

    assert -2 == result["p1"].total_float
    assert (
        Violation(constraint=Constraint.DEADLINE, subject="big", limit=day(4), finish=day(6), by=2),
    ) == result.violations
    assert GoalSchedule(
        goal="part", start=day(0), finish=day(6), deadline=None, slack=None
    ) == result.goal("part")
    assert -2 == result.goal("big").slack


def test_goal_forecasts() -> None:
    """Every goal has a forecast, by id: without tasks, start, finish and slack are None."""
    goals = (
        Goal(id="b-goal", title="Do b", deadline=day(9)),
        Goal(id="a-goal", title="Do a"),
        Goal(id="empty", title="Do nothing yet", deadline=day(9)),
    )
    plan = make_plan(task("a", 2, goal="a-goal"), task("b", 3, "a", goal="b-goal"), goals=goals)
    result = schedule(plan)

    assert (
        GoalSchedule(goal="a-goal", start=day(0), finish=day(1), deadline=None, slack=None),
        GoalSchedule(goal="b-goal", start=day(2), finish=day(4), deadline=day(9), slack=5),
        GoalSchedule(goal="empty", start=None, finish=None, deadline=day(9), slack=None),
    ) == result.goals
    assert not result.goal("empty").late


# -- status date ---------------------------------------------------------------

AS_OF = day(7)  # Wednesday 2 December


def _tracked_plan() -> Plan:
    return make_plan(
        task("a", 3, status=Status.DONE, started_on=day(1), done_on=day(4)),
        task(
            "b",
            10,
            "a",
            status=Status.IN_PROGRESS,
            started_on=day(5),
            percent_complete=40,
        ),
        task("c", 2),
        task("d", 1, "b"),
        task("e", 1, "a"),
    )


def test_done_task_sits_at_its_actual_dates() -> None:
    """A done task keeps its actual dates and has no float."""
    result = schedule(_tracked_plan(), as_of=AS_OF)

    assert (day(1), day(4)) == early(result, "a")
    assert (0, 0, False) == (result["a"].total_float, result["a"].free_float, result["a"].critical)


def test_in_progress_task_has_its_remainder_from_the_status_date() -> None:
    """Work in progress keeps its start; what remains (60% of 10 days) runs from the status date."""
    result = schedule(_tracked_plan(), as_of=AS_OF)

    assert (day(5), day(12)) == early(result, "b")
    assert (day(13), day(13)) == early(result, "d")
    assert ("b", "d") == result.critical_path
    assert day(13) == result.finish


def test_unstarted_work_waits_for_the_status_date() -> None:
    """Work not started begins no earlier than the status date, even after done work."""
    result = schedule(_tracked_plan(), as_of=AS_OF)

    assert (day(7), day(8)) == early(result, "c")
    assert (day(7), day(7)) == early(result, "e")
    assert AS_OF == result.as_of


def test_status_date_on_a_weekend() -> None:
    """A status date on a Saturday lets unstarted work begin on the Monday."""
    result = schedule(_tracked_plan(), as_of=date(2026, 12, 5))

    assert (day(10), day(11)) == early(result, "c")


def test_unstarted_milestone_waits_for_the_status_date() -> None:
    """A milestone whose predecessor is done sits on the status date, not before it."""
    plan = make_plan(
        task("a", 3, status=Status.DONE, started_on=day(0), done_on=day(2)),
        task("m", 0, "a"),
    )
    result = schedule(plan, as_of=AS_OF)

    assert (AS_OF, AS_OF) == early(result, "m")


def test_without_status_date_actuals_are_ignored() -> None:
    """Without ``as_of`` every task is planned from the plan's start."""
    result = schedule(_tracked_plan())

    assert (day(0), day(2)) == early(result, "a")
    assert (day(3), day(12)) == early(result, "b")
    assert result.as_of is None


def test_dropped_tasks() -> None:
    """A dropped task takes no time, is never critical and misses no date."""
    plan = make_plan(
        task("a", 3),
        task("x", 10, "a", status=Status.DROPPED, due=day(1)),
        task("b", 2, "x"),
    )
    result = schedule(plan)

    assert (day(3), day(4)) == early(result, "b")
    assert not result["x"].critical
    assert () == result.violations
    assert 5 == result.duration
    assert day(4) == result.goal("g").finish
    assert ("a", "b") == result.critical_tasks


def test_critical_path_passes_dropped_tasks() -> None:
    """A dropped task between two critical tasks does not cut the critical path."""
    plan = make_plan(
        task("a", 3),
        task("x", 10, "a", status=Status.DROPPED),
        task("b", 2, "x"),
    )

    assert ("a", "b") == schedule(plan).critical_path


# -- lookups and errors ----------------------------------------------------------


def test_lookups() -> None:
    """A schedule is looked up by task id and iterates by early start, then id."""
    result = schedule(make_plan(task("b", 1), task("a", 1), task("c", 1, "b")))

    assert ["a", "b", "c"] == [entry.task for entry in result]
    assert 3 == len(result)
    assert "a" in result
    assert "z" not in result


@pytest.mark.parametrize("key", ["nope", 3, None])
def test_unknown_task_id(key: Any) -> None:
    """Looking up a task the plan does not have raises UnknownReferenceError."""
    result = schedule(make_plan(task("a", 1)))

    with pytest.raises(UnknownReferenceError) as caught:
        result[key]
    assert ("task", str(key)) == (caught.value.kind, caught.value.id)


def test_unknown_goal_id() -> None:
    """Looking up a goal forecast the plan does not have raises UnknownReferenceError."""
    with pytest.raises(UnknownReferenceError):
        schedule(make_plan(task("a", 1))).goal("nope")


def test_deadline_without_working_day() -> None:
    """A goal deadline before the first working day is reported at ``goals[i].deadline``."""
    goals = (
        Goal(id="g", title="Reach g"),
        Goal(id="h", title="Reach h", deadline=date(2026, 11, 29)),
    )
    plan = make_plan(task("a", 1), goals=goals, start=date(2026, 11, 28))

    with pytest.raises(ValidationError) as caught:
        schedule(plan)
    assert "goals[1].deadline" == caught.value.path


def test_due_without_working_day() -> None:
    """A due date on a holiday the plan starts on is reported at ``tasks[i].due``."""
    plan = make_plan(task("a", 1), task("b", 1, due=START), calendar=Calendar(holidays=(START,)))

    with pytest.raises(ValidationError) as caught:
        schedule(plan)
    assert "tasks[1].due" == caught.value.path


def test_every_limit_problem_is_reported() -> None:
    """Both a bad deadline and a bad due date are listed."""
    goals = (Goal(id="g", title="Reach g", deadline=date(2026, 11, 29)),)
    plan = make_plan(task("a", 1, due=date(2026, 11, 28)), goals=goals, start=date(2026, 11, 28))

    with pytest.raises(ValidationError) as caught:
        schedule(plan)
    assert ["goals[0].deadline", "tasks[0].due"] == [p.path for p in caught.value.problems]


def test_deadline_on_the_last_day() -> None:
    """A deadline on the last supported date, 9000-12-31, is no reason for an error."""
    goals = (Goal(id="g", title="Reach g", deadline=date(9000, 12, 31)),)

    assert () == schedule(make_plan(task("a", 1), goals=goals)).violations


def test_empty_plan() -> None:
    """A plan without tasks has an empty schedule at its start."""
    result = schedule(make_plan(start=date(2026, 11, 28)))

    assert (0, (), ()) == (result.duration, result.tasks, result.critical_path)


def test_example_plan() -> None:
    """The example plan schedules as of 26 November 2026 with every task present."""
    plan = loads(EXAMPLE_PLAN.read_text(encoding="utf-8"))
    result = schedule(plan, as_of=date(2026, 11, 26))

    assert {item.id for item in plan.tasks} == {entry.task for entry in result}
    assert date(2026, 11, 26) == result.as_of
    assert result.critical_path
    assert result.start <= result.finish
    for item in plan.tasks:
        entry = result[item.id]
        assert entry.early_start <= entry.early_finish
        if item.status is Status.DONE:
            assert item.done_on == entry.early_finish


@PROPERTY_SETTINGS
@given(plan=dag_plans(max_effort=20), leveled=st.booleans())
def test_schedules_pickle_and_deep_copy(plan: Plan, leveled: bool) -> None:
    """A schedule survives pickling and deep copying, equal to itself."""
    result = schedule(plan, level=leveled)

    assert result == pickle.loads(pickle.dumps(result))
    assert result == copy.deepcopy(result)


def test_example_plan_schedule_pickles() -> None:
    """The example plan's schedule, with habits, progress and a status date, pickles."""
    plan = loads(EXAMPLE_PLAN.read_text(encoding="utf-8"))
    result = schedule(plan, as_of=date(2026, 3, 2))

    assert result == pickle.loads(pickle.dumps(result))


def test_goal_lookup() -> None:
    """``Schedule.goal`` finds every goal by id, and names an unknown one."""
    goals = [Goal(id=name, title=f"Do {name}") for name in ("b", "a", "c")]
    tasks = [Task(id="t", goal="a", title="T", duration=1)]
    result = schedule(Plan(id="p", owner="Ana", start=date(2026, 11, 23), goals=goals, tasks=tasks))

    assert ["a", "b", "c"] == [result.goal(name).goal for name in ("a", "b", "c")]
    for unknown in ("", "bb", "d", None):
        with pytest.raises(UnknownReferenceError):
            result.goal(unknown)  # type: ignore[arg-type]


def test_a_goal_start_holds_back_the_work_of_the_goal_and_its_children() -> None:
    """No task of a goal, or of a goal under it, is planned before the goal's start;
    the latest start along the goal's ancestors holds, and work done keeps its dates."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 11, 23),
        goals=[
            Goal(id="later", title="Do later", start=date(2026, 12, 7)),
            Goal(id="part", title="Do part", parent="later"),
            Goal(id="sooner", title="Do sooner", parent="later", start=date(2026, 11, 30)),
            Goal(id="free", title="Do free"),
        ],
        tasks=[
            Task(id="a", goal="later", title="A", duration=2),
            Task(id="b", goal="part", title="B", duration=1),
            Task(id="c", goal="sooner", title="C", duration=1),
            Task(id="d", goal="free", title="D", duration=1),
        ],
    )
    result = schedule(plan)

    assert [date(2026, 12, 7)] * 3 == [result[task].early_start for task in ("a", "b", "c")]
    assert date(2026, 11, 23) == result["d"].early_start
    started = plan.start_task("a", on=date(2026, 11, 25))
    assert date(2026, 11, 25) == schedule(started, as_of=date(2026, 11, 26))["a"].early_start
