"""Tests for careerkit.render.outline: the plain-text outline of a plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

import careerkit
from careerkit import (
    CheckIn,
    Direction,
    Goal,
    GoalStatus,
    Horizon,
    Measurement,
    Metric,
    Plan,
    Source,
    Status,
    Task,
)
from careerkit.render import outline, schedule_report

from .wrong_arguments import refused_path, wrong_calls

START = date(2026, 1, 5)


def _plan() -> Plan:
    """Goals in every horizon (not in horizon order), tasks in every status."""
    return Plan(
        id="ana-2026",
        owner="Ana Ortiz",
        vision="Marketing director within five years",
        start=START,
        goals=(
            Goal(
                id="director",
                title="Become marketing director",
                horizon=Horizon.LONG,
                deadline=date(2030, 12, 31),
            ),
            Goal(
                id="cert",
                title="Earn the certification",
                horizon=Horizon.SHORT,
                deadline=date(2026, 6, 30),
                metric=Metric(name="practice score", unit="points", baseline=0, target=80),
                measurements=(
                    Measurement(on=date(2026, 2, 2), value=45),
                    Measurement(on=date(2026, 3, 2), value=70),
                    Measurement(on=date(2026, 2, 16), value=60),
                ),
            ),
            Goal(
                id="manager",
                title="Become marketing manager",
                horizon=Horizon.MEDIUM,
                parent="director",
                metric=Metric(name="contacts", unit="people", baseline=40, target=150),
            ),
            Goal(
                id="network",
                title="Grow my network",
                horizon=Horizon.SHORT,
                status=GoalStatus.ACHIEVED,
                achieved_on=date(2026, 3, 31),
                metric=Metric(name="events", baseline=0, target=12),
                measurements=(Measurement(on=date(2026, 3, 31), value=12),),
            ),
            Goal(
                id="consult",
                title="Start consulting",
                horizon=Horizon.LONG,
                status=GoalStatus.ON_HOLD,
                backup_for="director",
            ),
        ),
        tasks=(
            Task(
                id="enrol",
                goal="cert",
                title="Enrol",
                due=date(2026, 1, 9),
                status=Status.DONE,
                started_on=date(2026, 1, 5),
                done_on=date(2026, 1, 6),
            ),
            Task(
                id="study",
                goal="cert",
                title="Study",
                depends_on=("enrol",),
                due=date(2026, 4, 30),
                status=Status.IN_PROGRESS,
                started_on=date(2026, 1, 7),
                percent_complete=37.5,
            ),
            Task(id="exam", goal="cert", title="Pass the exam", depends_on=("study", "enrol")),
            Task(id="course", goal="cert", title="Paid course", status=Status.DROPPED),
            Task(
                id="meetup",
                goal="network",
                title="Attend the meetup",
                recurrence="RRULE:FREQ=MONTHLY;BYDAY=2TH",
            ),
            Task(
                id="shadow",
                goal="manager",
                title="Shadow the manager",
                status=Status.IN_PROGRESS,
                started_on=date(2026, 2, 2),
            ),
        ),
        check_ins=(
            CheckIn(on=date(2026, 2, 2), satisfaction=4),
            CheckIn(on=date(2026, 3, 2), satisfaction=3, source=Source.MENTOR),
            CheckIn(on=date(2026, 1, 20), satisfaction=5, source=Source.PEER),
        ),
    )


def test_full_outline() -> None:
    """The outline groups goals by horizon and shows every kind of detail."""
    expected = """\
Plan ana-2026 for Ana Ortiz, starting 2026-01-05
Vision: Marketing director within five years

Short-term goals
  [active] cert: Earn the certification (deadline 2026-06-30; practice score: 70 points, target 80 points)
    [x] enrol: Enrol (done 2026-01-06)
    [~] study: Study (37.5% done; due 2026-04-30; after enrol)
    [ ] exam: Pass the exam (after study, enrol)
    [-] course: Paid course (dropped)
  [achieved] network: Grow my network (achieved 2026-03-31; events: 12, target 12)
    [ ] meetup: Attend the meetup (repeats FREQ=MONTHLY;BYDAY=2TH)

Medium-term goals
  [active] manager: Become marketing manager (part of director; contacts: target 150 people)
    [~] shadow: Shadow the manager (0% done)

Long-term goals
  [active] director: Become marketing director (deadline 2030-12-31)
  [on_hold] consult: Start consulting (backup for director)

Check-ins: 3, latest 2026-03-02 (mentor, satisfaction 3/5)
"""

    assert expected == outline(_plan())


def test_minimal_plan() -> None:
    """A plan without vision, goals or check-ins is one line."""
    plan = Plan(id="p", owner="Ana", start=START)

    assert "Plan p for Ana, starting 2026-01-05\n" == outline(plan)


def test_empty_horizons_are_left_out() -> None:
    """Only horizons that have goals get a heading."""
    plan = Plan(
        id="p", owner="Ana", start=START, goals=(Goal(id="g", title="Do g", horizon=Horizon.LONG),)
    )

    expected = "Plan p for Ana, starting 2026-01-05\n\nLong-term goals\n  [active] g: Do g\n"
    assert expected == outline(plan)


@pytest.mark.parametrize(
    ("status", "fields", "line"),
    [
        (Status.TODO, {}, "[ ] t: Step"),
        (Status.IN_PROGRESS, {"started_on": START}, "[~] t: Step (0% done)"),
        (
            Status.IN_PROGRESS,
            {"started_on": START, "percent_complete": 100},
            "[~] t: Step (100% done)",
        ),
        (Status.DONE, {"done_on": START}, "[x] t: Step (done 2026-01-05)"),
        (Status.DROPPED, {}, "[-] t: Step (dropped)"),
        (Status.DROPPED, {"due": date(2026, 2, 2)}, "[-] t: Step (dropped; due 2026-02-02)"),
    ],
)
def test_task_marks(status: Status, fields: dict[str, object], line: str) -> None:
    """Each task status has its own mark and details."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=(Goal(id="g", title="Do g"),),
        tasks=(Task(id="t", goal="g", title="Step", status=status, **fields),),  # type: ignore[arg-type]
    )

    assert f"    {line}" == outline(plan).splitlines()[-1]


@pytest.mark.parametrize(
    ("metric", "measurements", "detail"),
    [
        (
            Metric(name="contacts", unit="people", baseline=40, target=150),
            (),
            "contacts: target 150 people",
        ),
        (Metric(name="score", baseline=0, target=2.5), (), "score: target 2.5"),
        (
            Metric(name="hours", unit="h", baseline=10, target=4, direction=Direction.DECREASE),
            (Measurement(on=START, value=6.5),),
            "hours: 6.5 h, target 4 h",
        ),
        (
            Metric(name="salary", unit="EUR", baseline=80_000, target=1_250_000),
            (Measurement(on=START, value=95_500),),
            "salary: 95500 EUR, target 1250000 EUR",
        ),
    ],
    ids=["integer target with unit", "fractional target", "decreasing", "large numbers"],
)
def test_metric_detail(metric: Metric, measurements: tuple[Measurement, ...], detail: str) -> None:
    """The metric shows its latest value and target in full, with the unit."""
    goal = Goal(id="g", title="Do g", metric=metric, measurements=measurements)
    plan = Plan(id="p", owner="Ana", start=START, goals=(goal,))

    assert f"  [active] g: Do g ({detail})" == outline(plan).splitlines()[-1]


# -- the schedule report: critical path, work behind, overloaded weeks ------------


def _report_plan() -> Plan:
    """``late`` is due early and behind; ``long`` drives the finish; two tasks
    share week 2, 2 and 10 hours over capacity; week 1 is over by a few minutes."""
    start = date(2026, 11, 23)
    return Plan(
        id="p",
        owner="Ana",
        start=start,
        weekly_capacity=10,
        goals=[Goal(id="g", title="Do g")],
        tasks=[
            Task(id="late", goal="g", title="Late", duration=5, effort=10.05,
                  due=date(2026, 11, 24)),
            Task(id="long", goal="g", title="Long", duration=30, effort=0),
            Task(id="big", goal="g", title="Big", duration=5, effort=12, depends_on=["late"]),
            Task(id="small", goal="g", title="Small", duration=5, effort=8,
                  not_before=date(2026, 11, 30)),
        ],
    )  # fmt: skip


def test_the_report_shows_the_chain_that_drives_the_finish_and_the_work_behind() -> None:
    """The critical path is the chain to the finish; the most negative float is listed apart."""
    text = schedule_report(careerkit.schedule(_report_plan()))

    assert "Critical path: long\n" in text
    assert "Most behind their dates (working days of float): late (-3)\n" in text


def test_the_report_names_the_tasks_of_each_overloaded_week_and_how_to_level() -> None:
    """Weeks over by less than OVERLOAD_SHOWN are left out, weeks before the status
    date too; each shown week names its tasks; the report says how to level."""
    plan = _report_plan()
    text = schedule_report(careerkit.schedule(plan))
    assert "week of 2026-11-23" not in text  # over by 0.05 h only
    assert "  week of 2026-11-30: 20 h planned, 10 h available: big 12 h, small 8 h\n" in text
    assert "Level with --level" in text

    later = schedule_report(careerkit.schedule(plan, as_of=date(2026, 12, 7)))
    assert "week of 2026-11-30" not in later  # before the status date's week


def test_a_leveled_report_says_why_weeks_stay_over() -> None:
    """After leveling, only weeks full of fixed work are left, and the report says so."""
    text = schedule_report(careerkit.schedule(_report_plan(), level=True))

    assert "Overloaded weeks" not in text
    assert "Level with --level" not in text


@pytest.mark.parametrize(
    ("function", "arguments", "path"),
    [
        *wrong_calls(outline, {}, plan="plan"),
        *wrong_calls(
            schedule_report,
            {"result": careerkit.schedule(_plan())},
            result="schedule",
            limit="size",
        ),
        pytest.param(schedule_report, {"result": _plan()}, "result", id="a plan"),
    ],
)
def test_views_refuse_wrong_arguments(
    function: Callable[..., object], arguments: dict[str, Any], path: str
) -> None:
    """A wrong argument is a ValidationError naming it; a negative limit too."""
    assert [path] == refused_path(function, arguments)


def test_schedule_report_takes_a_limit_of_zero() -> None:
    """A limit of 0 lists no task and says how many are left out."""
    result = careerkit.schedule(_plan())
    report = schedule_report(result, limit=0)
    assert f"... and {len(result.tasks)} more tasks" in report
