"""Scenarios for careerkit.planning.slippage: plans played forward week by week.

Each kind is raised in the first week its condition holds, not before; a
slipping plan is flagged well before its deadline is missed; and a plan
executed exactly to its schedule raises nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit
from careerkit import Goal, GoalStatus, Measurement, Metric, Plan, Schedule, Status, Task, schedule
from careerkit.planning.alerts import Alert, AlertKind
from careerkit.planning.slippage import detect_slippage
from careerkit.workdays import count_working_days

START = date(2026, 11, 2)  # a Monday
WEEKS = tuple(START + timedelta(weeks=week) for week in range(9))  # to 28 December
DEADLINE = date(2026, 12, 16)
A_DUE = date(2026, 11, 13)
DAY = timedelta(days=1)
REVIEW_DAYS = 28  # the default cadence, every four weeks


def done_by(as_of: date, started: date, finished: date | None, **fields: object) -> Task:
    """A task as known on ``as_of``: to do before ``started``, in progress,
    then done on ``finished`` (once ``finished`` is past)."""
    task = Task(**fields)  # type: ignore[arg-type]
    if as_of < started:
        return task
    if finished is not None and finished < as_of:
        return Task(**fields, status=Status.DONE, started_on=started, done_on=finished)  # type: ignore[arg-type]
    return Task(**fields, status=Status.IN_PROGRESS, started_on=started)  # type: ignore[arg-type]


def plan_on(as_of: date) -> Plan:
    """The plan as known on ``as_of``.

    * ``g`` (deadline 16 December): ``a`` (10 days, due 13 November) takes
      20, finishing on 27 November; ``b`` (10 days) starts on 30 November, then ``c`` (5 days):
      the goal finishes on 18 December, 2 working days late.
    * ``n``: a weekly Tuesday habit done on 3 and 10 November, then missed.
    * ``m``: a metric from 0 to 10 between 2 November and 28 December, measured
      each Friday, stuck at 1.
    * ``s``: a long task started on 2 November with nothing recorded since.
    """
    weekly = "FREQ=WEEKLY;BYDAY=TU;COUNT=10"
    habit_done = tuple(day for day in (date(2026, 11, 3), date(2026, 11, 10)) if day <= as_of)
    fridays = [START + timedelta(days=4 + 7 * week) for week in range(8)]
    tasks = [
        done_by(
            as_of, START, date(2026, 11, 27),
            id="a", goal="g", title="A", duration=10, due=A_DUE,
        ),
        done_by(
            as_of, date(2026, 11, 30), date(2026, 12, 11),
            id="b", goal="g", title="B", duration=10, depends_on=("a",),
        ),
        Task(id="c", goal="g", title="C", duration=5, depends_on=("b",)),
        Task(
            id="h", goal="n", title="Call", recurrence=weekly, effort=1,
            status=Status.IN_PROGRESS, started_on=date(2026, 11, 3),
            done_occurrences=habit_done,
        ),
        done_by(as_of, START, None, id="s1", goal="s", title="S", duration=60),
    ]  # fmt: skip
    goals = [
        Goal(id="g", title="Deliver g", deadline=DEADLINE),
        Goal(id="n", title="Network"),
        Goal(
            id="m",
            title="Measure m",
            start=START,
            deadline=date(2026, 12, 28),
            metric=Metric(name="calls", baseline=0, target=10),
            measurements=[Measurement(on=day, value=1) for day in fridays if day <= as_of],
        ),
        Goal(id="s", title="Side project"),
    ]
    return Plan(id="p", owner="Ana", start=START, goals=goals, tasks=tasks, weekly_capacity=100)


def first_week(condition: dict[date, bool]) -> date | None:
    """The first week whose condition holds."""
    return next((week for week in WEEKS if condition[week]), None)


def raised(
    alerts: dict[date, tuple[Alert, ...]], kind: AlertKind, subject: str
) -> dict[date, bool]:
    """Per week, whether an alert of ``kind`` about ``subject`` was raised."""
    return {
        week: any(a.kind is kind and a.subject == subject for a in found)
        for week, found in alerts.items()
    }


def play() -> tuple[dict[date, Plan], dict[date, Schedule], dict[date, tuple[Alert, ...]]]:
    """The plans, schedules and alerts of every week."""
    plans = {week: plan_on(week) for week in WEEKS}
    schedules = {week: schedule(plans[week], as_of=week) for week in WEEKS}
    alerts = {
        week: detect_slippage(plans[week], as_of=week, schedule=schedules[week]) for week in WEEKS
    }
    return plans, schedules, alerts


PLANS, SCHEDULES, ALERTS = play()


def test_late_goal_is_flagged_weeks_before_its_deadline() -> None:
    """``forecast_late`` comes in the first week the schedule puts the finish
    past the deadline, at least two weeks before the deadline is missed; the
    thin buffer is flagged earlier still."""
    late = {week: SCHEDULES[week].goal("g").slack < 0 for week in WEEKS}  # type: ignore[operator]
    thin = {week: 0 <= SCHEDULES[week].goal("g").slack < 5 for week in WEEKS}  # type: ignore[operator]
    missed = {week: week > DEADLINE for week in WEEKS}

    first_late = first_week(raised(ALERTS, AlertKind.FORECAST_LATE, "g"))
    first_thin = first_week(raised(ALERTS, AlertKind.BUFFER, "g"))
    first_missed = first_week(raised(ALERTS, AlertKind.MISSED_DEADLINE, "g"))

    assert first_week(late) == first_late
    assert first_week(thin) == first_thin
    assert first_week(missed) == first_missed == date(2026, 12, 21)
    assert first_late is not None
    assert first_thin is not None
    assert first_late <= DEADLINE - timedelta(weeks=2)
    assert first_thin < first_late


def test_overdue_task_and_its_blocked_successor() -> None:
    """``a``, due on 13 November, is overdue from the 16th until done on the
    27th; ``b`` waits on it, blocked, until it starts on the 30th."""
    overdue = {
        week: week > A_DUE and PLANS[week].task("a").status is not Status.DONE for week in WEEKS
    }
    blocked = {
        week: overdue[week] and PLANS[week].task("b").status is Status.TODO for week in WEEKS
    }

    assert overdue == raised(ALERTS, AlertKind.OVERDUE_TASK, "a")
    assert blocked == raised(ALERTS, AlertKind.BLOCKED, "b")
    assert date(2026, 11, 16) == first_week(overdue)
    assert [date(2026, 11, 16), date(2026, 11, 23)] == [week for week in WEEKS if blocked[week]]


def test_missed_habit_is_flagged_the_week_after_the_first_miss() -> None:
    """Tuesday 17 November is missed: flagged on Monday the 23rd, not on the 16th."""
    assert date(2026, 11, 23) == first_week(raised(ALERTS, AlertKind.MISSED_OCCURRENCES, "h"))


def test_stuck_metric_is_flagged_once_more_than_a_week_behind_its_line() -> None:
    """Stuck at 1 of 10 over 56 days: the value is planned 5.6 days in, so a
    measurement more than 12.6 days in is over 7 days behind; the first is
    Friday 20 November (18 days), seen on Monday the 23rd."""
    behind = {
        week: any(
            (day - START).days - 5.6 > 7
            for day in (item.on for item in PLANS[week].goal("m").measurements)
        )
        for week in WEEKS
    }

    first = first_week(raised(ALERTS, AlertKind.BELOW_TRAJECTORY, "m"))

    assert first_week(behind) == first == date(2026, 11, 23)


def test_stalled_goals_are_flagged_after_the_review_cadence() -> None:
    """``s`` shows nothing after 2 November: stalled once more than 28 days
    idle (7 December); ``n`` after its last call on 10 November (14 December)."""
    last = {"s": START, "n": date(2026, 11, 10)}
    for subject, day in last.items():
        idle = {week: (week - day).days > REVIEW_DAYS for week in WEEKS}
        assert first_week(idle) == first_week(raised(ALERTS, AlertKind.STALLED, subject))
    assert date(2026, 12, 7) == first_week(raised(ALERTS, AlertKind.STALLED, "s"))
    assert date(2026, 12, 14) == first_week(raised(ALERTS, AlertKind.STALLED, "n"))
    assert not any(raised(ALERTS, AlertKind.STALLED, "g").values())


def test_float_exhausted_when_the_late_start_comes() -> None:
    """``c`` raises ``float_exhausted`` from the first week its late start has
    come without float left, while it is still to do."""
    for task in ("b", "c"):
        condition = {
            week: PLANS[week].task(task).status is Status.TODO
            and SCHEDULES[week][task].total_float <= 0
            and SCHEDULES[week][task].late_start <= week
            for week in WEEKS
        }
        assert condition == raised(ALERTS, AlertKind.FLOAT_EXHAUSTED, task)
    assert any(raised(ALERTS, AlertKind.FLOAT_EXHAUSTED, "c").values())


@st.composite
def executed_plans(draw: st.DrawFn) -> tuple[Plan, date]:
    """A plan of chains of tasks with room before its deadlines, executed
    exactly as scheduled up to a drawn status date: the work planned up to
    and including that day is done, and a weekly habit held every time."""
    count = draw(st.integers(min_value=1, max_value=8))
    tasks = []
    for index in range(count):
        earlier = (
            draw(st.lists(st.integers(0, index - 1), max_size=2, unique=True)) if index else []
        )
        tasks.append(
            Task(
                id=f"t{index}",
                goal=f"g{index % 2}",
                title=f"Task {index}",
                duration=draw(st.integers(min_value=1, max_value=15)),
                effort=draw(st.integers(min_value=0, max_value=20)),
                depends_on=tuple(f"t{item}" for item in sorted(earlier)),
            )
        )
    goals = [Goal(id=f"g{index}", title=f"Goal {index}") for index in range(2)]
    planned = Plan(id="p", owner="Ana", start=START, goals=goals, tasks=tasks, weekly_capacity=1000)
    plan_schedule = schedule(planned)
    room = draw(st.integers(min_value=10, max_value=40))
    as_of = START + timedelta(days=draw(st.integers(min_value=0, max_value=120)))
    deadlines = []
    for goal in plan_schedule.goals:  # room before each deadline; reached goals achieved
        finish = goal.finish or START + timedelta(weeks=30)
        reached = {"status": GoalStatus.ACHIEVED, "achieved_on": finish} if finish < as_of else {}
        deadline = finish + timedelta(weeks=room // 5 + 1)
        deadlines.append(Goal(id=goal.goal, title="Goal", deadline=deadline, **reached))
    executed = []
    for task in tasks:
        entry = plan_schedule[task.id]
        if entry.early_finish <= as_of:  # the status date's own work counts as planned
            executed.append(
                Task(
                    **_fields(task),
                    status=Status.DONE,
                    started_on=entry.early_start,
                    done_on=entry.early_finish,
                )
            )
        elif entry.early_start <= as_of:  # the share of its days worked so far
            worked = count_working_days(planned.calendar, entry.early_start, as_of + DAY)
            executed.append(
                Task(
                    **_fields(task),
                    status=Status.IN_PROGRESS,
                    started_on=entry.early_start,
                    percent_complete=100 * worked / task.duration,
                )
            )
        else:
            executed.append(task)
    mondays = tuple(day for day in (START + timedelta(weeks=n) for n in range(20)) if day <= as_of)
    habit = Task(
        id="weekly",
        goal="g0",
        title="Weekly call",
        recurrence="FREQ=WEEKLY;BYDAY=MO;COUNT=20",
        effort=1,
        status=Status.IN_PROGRESS,
        started_on=START,
        done_occurrences=mondays,
    )  # every call held on its day
    plan = Plan(id="p", owner="Ana", start=START, goals=deadlines, tasks=[*executed, habit],
                weekly_capacity=1000)  # fmt: skip
    return plan, as_of


def _fields(task: Task) -> dict[str, object]:
    return {
        "id": task.id,
        "goal": task.goal,
        "title": task.title,
        "duration": task.duration,
        "effort": task.effort,
        "depends_on": task.depends_on,
    }


@settings(max_examples=60, deadline=None)
@given(executed_plans())
def test_plan_executed_exactly_to_its_schedule_raises_nothing(case: tuple[Plan, date]) -> None:
    """Work done and started as planned, with room before the deadlines: no alert."""
    plan, as_of = case

    assert () == detect_slippage(plan, as_of=as_of, baseline=plan)


@settings(max_examples=40, deadline=None)
@given(executed_plans(), st.integers(min_value=0, max_value=60))
def test_alerts_are_always_sorted_and_finite(case: tuple[Plan, date], later: int) -> None:
    """Looked at later than planned, alerts are sorted and carry JSON-ready evidence."""
    plan, as_of = case

    alerts = detect_slippage(plan, as_of=as_of + timedelta(days=later))

    assert list(alerts) == sorted(alerts, key=lambda alert: alert.sort_key)
    assert all(alert.evidence and careerkit.to_dict(alert)["evidence"] for alert in alerts)
