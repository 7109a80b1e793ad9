"""Hypothesis strategies for working calendars and random plans shaped as DAGs.

The scheduling tests use these to check invariants of working-day arithmetic,
the critical-path schedule and leveling on many plans. Every strategy builds
values the model accepts:

* calendars whose holidays come in runs of consecutive days near a chosen
  date, so that weekends and holidays pile up;
* plans with one goal and tasks ``t0``, ``t1``, ... where each task depends
  (finish-to-start, no lag) only on earlier tasks, so the network is acyclic
  by construction.

``PROPERTY_SETTINGS`` is the settings profile the property tests share:
derandomized, without example database or deadline, and with a modest number
of examples so that the whole suite stays fast.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from careerkit import Calendar, Goal, Plan, Schedule, Task, Weekday

__all__ = [
    "EVERY_DAY",
    "MONDAY_TO_FRIDAY",
    "PROPERTY_SETTINGS",
    "assert_precedence_kept",
    "dag_plans",
    "holiday_runs",
    "plan_starts",
    "weekday_sets",
    "working_calendars",
]

EVERY_DAY = tuple(Weekday)
"""Every day of the week is worked."""

MONDAY_TO_FRIDAY = EVERY_DAY[:5]
"""The default working week."""

PROPERTY_SETTINGS = settings(
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
"""Settings for the scheduling property tests: repeatable, no files, no deadline."""

_FIRST_START = date(2025, 10, 1)
_LAST_START = date(2027, 3, 31)


def plan_starts() -> st.SearchStrategy[date]:
    """Plan start dates from late 2025 to early 2027, so plans cross year ends."""
    return st.dates(min_value=_FIRST_START, max_value=_LAST_START)


def weekday_sets() -> st.SearchStrategy[tuple[Weekday, ...]]:
    """Non-empty sets of worked weekdays, in week order."""
    return st.sets(st.sampled_from(EVERY_DAY), min_size=1).map(
        lambda days: tuple(day for day in EVERY_DAY if day in days)
    )


def holiday_runs(
    near: date,
    *,
    before: int = 30,
    after: int = 150,
    max_runs: int = 6,
    max_length: int = 6,
) -> st.SearchStrategy[tuple[date, ...]]:
    """Distinct holidays in runs of consecutive days around ``near``.

    Parameters
    ----------
    near
        The date the runs cluster around (typically a plan's start).
    before, after
        How many days before and after ``near`` a run may begin.
    max_runs
        The most runs drawn.
    max_length
        The longest run, in calendar days.

    Returns
    -------
    SearchStrategy of tuple of date
        Sorted, distinct dates; runs that touch merge into longer ones.
    """
    run = st.tuples(
        st.integers(min_value=-before, max_value=after),
        st.integers(min_value=1, max_value=max_length),
    )

    def expand(runs: list[tuple[int, int]]) -> tuple[date, ...]:
        days = {
            near + timedelta(days=offset + step)
            for offset, length in runs
            for step in range(length)
        }
        return tuple(sorted(days))

    return st.lists(run, max_size=max_runs).map(expand)


def working_calendars(
    near: date,
    *,
    working_days: tuple[Weekday, ...] | None = None,
    holidays: bool = True,
) -> st.SearchStrategy[Calendar]:
    """Calendars with holidays in runs around ``near``.

    Parameters
    ----------
    near
        The date the holidays cluster around.
    working_days
        The worked weekdays; None draws a random non-empty set.
    holidays
        Whether to draw holidays at all.
    """
    days = weekday_sets() if working_days is None else st.just(working_days)
    dates = holiday_runs(near) if holidays else st.just(())
    return st.builds(Calendar, working_days=days, holidays=dates)


@st.composite
def dag_plans(
    draw: st.DrawFn,
    *,
    working_days: tuple[Weekday, ...] = MONDAY_TO_FRIDAY,
    holidays: bool = True,
    min_tasks: int = 1,
    max_tasks: int = 8,
    max_duration: int = 10,
    max_predecessors: int = 3,
    max_effort: int | None = None,
    weekly_capacity: float = 10.0,
    fitting: bool = False,
) -> Plan:
    """Plans with one goal and tasks linked finish-to-start to earlier tasks only.

    Parameters
    ----------
    working_days
        The calendar's worked weekdays (holidays are added around the start).
    holidays
        Whether the calendar has holidays.
    min_tasks, max_tasks
        How many tasks the plan has.
    max_duration
        Durations are drawn from 0 (a milestone) to this many working days.
    max_predecessors
        The most predecessors of one task.
    max_effort
        Efforts in whole hours are drawn from 0 to this; None leaves every
        effort 0.
    weekly_capacity
        The plan's weekly capacity in hours.
    fitting
        Lower each effort so that the task fits within the weekly capacity on
        its own: its hours per working day times ``min(duration, working days
        in a week)`` stay within ``weekly_capacity`` (a milestone's whole
        effort lands on one day).

    Returns
    -------
    SearchStrategy of Plan
        Tasks ``t0`` .. ``tN`` of goal ``g``, without due dates, deadlines,
        habits or status.
    """
    start = draw(plan_starts())
    calendar = draw(working_calendars(start, working_days=working_days, holidays=holidays))
    count = draw(st.integers(min_value=min_tasks, max_value=max_tasks))
    tasks = []
    for position in range(count):
        earlier = [f"t{index}" for index in range(position)]
        depends_on: list[str] = []
        if earlier:
            depends_on = draw(
                st.lists(st.sampled_from(earlier), unique=True, max_size=max_predecessors)
            )
        duration = draw(st.integers(min_value=0, max_value=max_duration))
        effort = 0.0
        if max_effort is not None:
            effort = float(draw(st.integers(min_value=0, max_value=max_effort)))
            if fitting:
                days = max(duration, 1)
                effort = min(effort, float(weekly_capacity * days // min(days, len(working_days))))
        tasks.append(
            Task(
                id=f"t{position}",
                goal="g",
                title=f"Step {position}",
                duration=duration,
                effort=effort,
                depends_on=tuple(sorted(depends_on, key=lambda name: int(name[1:]))),
            )
        )
    return Plan(
        id="random-plan",
        owner="Ana",
        start=start,
        goals=(Goal(id="g", title="Reach g"),),
        tasks=tuple(tasks),
        calendar=calendar,
        weekly_capacity=weekly_capacity,
    )


def assert_precedence_kept(plan: Plan, result: Schedule) -> None:
    """Each task starts after each predecessor finishes, or that day when one is a milestone."""
    for item in plan.tasks:
        after = result[item.id]
        for before_id in item.predecessors:
            before = result[before_id]
            if item.duration and plan.task(before_id).duration:
                assert after.early_start > before.early_finish
            else:
                assert after.early_start >= before.early_finish
