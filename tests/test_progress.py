"""Tests for careerkit.planning.progress: figures worked out by hand, and the example plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import careerkit
from careerkit import (
    Goal,
    GoalStatus,
    Measurement,
    Metric,
    Plan,
    Status,
    Task,
    ValidationError,
    loads,
    schedule,
)
from careerkit.planning.health import Health, HealthPolicy, Signal
from careerkit.planning.progress import progress

START = date(2026, 11, 23)  # a Monday
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"


def two_tasks(*, b_percent: float = 30, metric: bool = False) -> Plan:
    """``a`` (5 days, 10 h: 2 h a day) Mon 23 to Fri 27 November, then ``b`` (5 days,
    20 h: 4 h a day) Mon 30 November to Fri 4 December. ``a`` was done late on
    Tuesday 1 December with 12 h spent; ``b`` started on Wednesday 2 December, 2 h spent."""
    goal = Goal(id="g", title="Do g", deadline=date(2026, 12, 18))
    if metric:
        goal = Goal(
            id="g",
            title="Do g",
            start=START,
            deadline=date(2026, 12, 23),
            metric=Metric(name="leads", baseline=0, target=10),
            measurements=[Measurement(on=date(2026, 12, 7), value=2)],
        )
    return Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[goal],
        tasks=[
            Task(
                id="a",
                goal="g",
                title="A",
                duration=5,
                effort=10,
                status=Status.DONE,
                started_on=START,
                done_on=date(2026, 12, 1),
                hours_spent=12,
            ),
            Task(
                id="b",
                goal="g",
                title="B",
                duration=5,
                effort=20,
                depends_on=["a"],
                status=Status.IN_PROGRESS,
                started_on=date(2026, 12, 2),
                percent_complete=b_percent,
                hours_spent=2,
            ),
        ],
    )


def test_two_tasks_earned_value_by_hand() -> None:
    """As of Wednesday 2 December (working day 8, AT = 8).

    PV curve, hours at the end of each day: 2 4 6 8 10 14 18 22 26 30; BAC 30.
    PV = 22 (a: 10, b: 3 of its 5 days, 12). EV = 10 + 30 % of 20 = 16. AC = 14.
    ES = 6 + (16 - 14) / (18 - 14) = 6.5; SPI(t) = 6.5 / 8 = 0.8125; SV(t) = -1.5.
    SPI = 16 / 22, CPI = 16 / 14.
    """
    report = progress(two_tasks(), as_of=date(2026, 12, 2))
    figures = report.goal("g").earned_value

    assert (22.0, 16.0, 14.0, 30.0) == (figures.pv, figures.ev, figures.ac, figures.bac)
    assert 8 == figures.actual_time
    assert 6.5 == pytest.approx(figures.earned_schedule)
    assert 0.8125 == pytest.approx(figures.spi_t)
    assert -1.5 == pytest.approx(figures.sv_t)
    assert 16 / 22 == pytest.approx(figures.spi)
    assert 16 / 14 == pytest.approx(figures.cpi)
    assert (-6.0, 2.0) == (figures.sv, figures.cv)
    assert figures == report.earned_value  # one goal: the plan's figures are its own


def test_two_tasks_fractions_and_health_by_hand() -> None:
    """Work done 16 / 30 by effort, planned 22 / 30; ``b`` planned 3 / 5 done. SPI(t)
    0.8125 is below 0.85, off track by pace; but the status schedule has ``b`` finish
    on Monday 7 December (4 days left from the 2nd), 9 working days before the
    deadline of Friday 18: the deadline holds, so pace makes it at risk, no worse."""
    report = progress(two_tasks(), as_of=date(2026, 12, 2))
    goal = report.goal("g")

    assert 16 / 30 == pytest.approx(goal.work_fraction)
    assert 22 / 30 == pytest.approx(goal.planned_work_fraction)
    assert goal.metric_fraction is None
    assert 100 * 16 / 30 == pytest.approx(goal.percent_complete)
    assert 0.5 == goal.grade
    assert 9 == goal.slack
    assert (Health.AT_RISK, Signal.SPI_T) == (goal.health, goal.signal)
    task = report.task("b")
    assert (0.3, 0.6, 12.0, 6.0, 2) == (
        task.fraction_complete,
        task.planned_fraction,
        task.pv,
        task.ev,
        task.ac,
    )
    assert (report.health, report.signal) == (Health.AT_RISK, Signal.SPI_T)


def test_pace_alone_is_off_track_without_a_deadline() -> None:
    """The same work with no deadline: nothing speaks for the deadline, so SPI(t)
    0.8125, below 0.85, makes the goal off track."""
    plan = two_tasks()
    plan = plan.update_goal("g", deadline=None)

    goal = progress(plan, as_of=date(2026, 12, 2)).goal("g")

    assert goal.slack is None
    assert (Health.OFF_TRACK, Signal.SPI_T) == (goal.health, goal.signal)


def test_a_kinder_policy_and_more_done_put_the_goal_on_track() -> None:
    """With ``b`` 50 % done, EV = 20, ES = 7 (PV reaches 18 on day 7, 22 on day 8:
    7 + 2 / 4 = 7.5) and SPI(t) = 7.5 / 8 = 0.9375: at risk by default (below 0.95),
    on track under a policy whose at-risk line is 0.9."""
    plan = two_tasks(b_percent=50)

    default = progress(plan, as_of=date(2026, 12, 2)).goal("g")
    kinder = progress(plan, as_of=date(2026, 12, 2), policy=HealthPolicy(spi_t_at_risk=0.9))

    assert 0.9375 == pytest.approx(default.earned_value.spi_t)
    assert (Health.AT_RISK, Signal.SPI_T) == (default.health, default.signal)
    assert Health.ON_TRACK == kinder.goal("g").health


def test_the_metric_behind_its_line_decides_and_combines_with_the_work() -> None:
    """The metric runs from 0 on 23 November to 10 on 23 December (30 days): on
    Tuesday 8 December (15 days) its line is at 5, half its range; measured 2 on the
    7th, 0.2: behind by 0.3, more than 0.25, off track. Work: EV = 10 + 50 % of 20 = 20;
    PV = 10 + 20 (b planned done by the 4th) = 30; the combined fraction is the mean
    (20 / 30 + 0.2) / 2, planned (1 + 0.5) / 2. SPI(t): ES = 7.5, AT = 12."""
    plan = two_tasks(b_percent=50, metric=True)

    goal = progress(plan, as_of=date(2026, 12, 8)).goal("g")

    assert (0.2, 0.5) == pytest.approx((goal.metric_fraction, goal.planned_metric_fraction))
    assert (20 / 30 + 0.2) / 2 == pytest.approx(goal.fraction)
    assert 0.75 == pytest.approx(goal.planned_fraction)
    assert 7.5 / 12 == pytest.approx(goal.earned_value.spi_t)
    # SPI(t) is off track too, but the deadline holds: both are capped at risk,
    # and the tie goes to SPI(t), first in the order of signals.
    assert goal.slack is not None
    assert goal.slack >= HealthPolicy().slack_at_risk
    assert (Health.AT_RISK, Signal.SPI_T) == (goal.health, goal.signal)


def test_metric_signal_decides_when_the_work_is_on_plan() -> None:
    """The work exactly on plan as of Friday 27 November (``a`` done that day), the
    metric measured at baseline: its line is at 4 / 30 of the range: at risk (above
    0.10), not off track; the metric decides."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[
            Goal(
                id="g",
                title="Do g",
                start=START,
                deadline=date(2026, 12, 23),
                metric=Metric(name="leads", baseline=0, target=10),
                measurements=[Measurement(on=date(2026, 11, 26), value=0)],
            )
        ],
        tasks=[
            Task(
                id="a",
                goal="g",
                title="A",
                duration=5,
                effort=10,
                status=Status.DONE,
                started_on=START,
                done_on=date(2026, 11, 27),
            ),
            Task(id="b", goal="g", title="B", duration=5, effort=20, depends_on=["a"]),
        ],
    )

    goal = progress(plan, as_of=date(2026, 11, 27)).goal("g")

    assert 1.0 == pytest.approx(goal.earned_value.spi_t)
    assert 4 / 30 == pytest.approx(goal.planned_metric_fraction)
    assert (Health.AT_RISK, Signal.METRIC) == (goal.health, goal.signal)


def test_before_anything_is_planned_the_goal_has_not_started() -> None:
    """On the plan's first day nothing is done yet and ``a`` planned 1 / 5: on the
    morning of Monday 23 with a goal that starts on Monday 30, nothing is planned."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="g", title="Do g")],
        tasks=[
            Task(id="a", goal="g", title="A", duration=5, effort=10, not_before=date(2026, 11, 30))
        ],
    )

    report = progress(plan, as_of=START)

    assert (Health.NOT_STARTED, Signal.STATUS) == (report.goal("g").health, report.goal("g").signal)
    assert report.goal("g").earned_value.spi_t is None
    assert Health.NOT_STARTED == report.health


def test_the_plan_combines_top_goals_by_weight_and_leaves_out_abandoned_and_idle_backups() -> None:
    """Goal ``x`` (weight 3) half done, ``y`` (weight 1) done: the plan is
    (3 x 0.5 + 1 x 1) / 4 = 0.625. The abandoned goal and the idle backup do not count;
    a backup with work started does."""
    tasks = [
        Task(
            id="x1",
            goal="x",
            title="X1",
            duration=2,
            effort=4,
            status=Status.DONE,
            started_on=START,
            done_on=START,
        ),
        Task(id="x2", goal="x", title="X2", duration=2, effort=4),
        Task(
            id="y1",
            goal="y",
            title="Y1",
            duration=2,
            effort=2,
            status=Status.DONE,
            started_on=START,
            done_on=START,
        ),
        Task(id="z1", goal="z", title="Z1", duration=2, effort=50),
        Task(id="w1", goal="w", title="W1", duration=2, effort=50),
    ]
    goals = [
        Goal(id="x", title="X", weight=3),
        Goal(id="y", title="Y"),
        Goal(id="z", title="Z", status=GoalStatus.ABANDONED),
        Goal(id="w", title="W", backup_for="x"),
    ]
    plan = Plan(id="p", owner="Ana", start=START, goals=goals, tasks=tasks)

    report = progress(plan, as_of=date(2026, 11, 24))

    assert 0.625 == pytest.approx(report.fraction)
    assert 6.0 == report.earned_value.ev
    assert 10.0 == report.earned_value.bac
    assert (False, False, True, True) == tuple(report.goal(g).counted for g in "zwxy")
    started = plan.start_task("w1", on=START)
    again = progress(started, as_of=date(2026, 11, 24))
    assert again.goal("w").counted
    assert 60.0 == again.earned_value.bac
    assert (3 * 0.5 + 1 + 0) / 5 == pytest.approx(again.fraction)


def test_child_goals_count_in_their_parent_by_hours() -> None:
    """Parent ``p`` with its own task (4 h, done) and a child ``c`` (12 h, none done):
    the parent's work is 4 / 16 done; the plan counts the parent only."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="top", title="Top"), Goal(id="c", title="Child", parent="top")],
        tasks=[
            Task(
                id="t1",
                goal="top",
                title="T1",
                duration=2,
                effort=4,
                status=Status.DONE,
                started_on=START,
                done_on=START,
            ),
            Task(id="c1", goal="c", title="C1", duration=3, effort=12),
        ],
    )

    report = progress(plan, as_of=START)

    assert 0.25 == pytest.approx(report.goal("top").work_fraction)
    assert 0.0 == report.goal("c").work_fraction
    assert 0.25 == pytest.approx(report.fraction)


def test_duration_weighs_when_no_task_has_effort() -> None:
    """Without effort, a 3-day task done and a 1-day task not: 3 / 4; a milestone
    weighs nothing; no hours means no earned value indexes."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="g", title="G")],
        tasks=[
            Task(
                id="a",
                goal="g",
                title="A",
                duration=3,
                status=Status.DONE,
                started_on=START,
                done_on=date(2026, 11, 25),
            ),
            Task(id="b", goal="g", title="B", duration=1),
            Task(id="m", goal="g", title="M", duration=0, depends_on=["b"]),
        ],
    )

    goal = progress(plan, as_of=date(2026, 11, 25)).goal("g")

    assert 0.75 == pytest.approx(goal.work_fraction)
    assert (goal.earned_value.spi, goal.earned_value.spi_t, goal.earned_value.cpi) == (
        None,
        None,
        None,
    )


def test_habits_count_occurrences() -> None:
    """A weekly Tuesday habit of 2 h for a goal due on Friday 18 December plans four
    occurrences (24 Nov, 1, 8, 15 Dec): 8 h. As of 9 December, 3 are due and 2 done
    (one on Wednesday 2, a day late): 50 % done, 75 % planned, EV 4 h, PV 6 h."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="g", title="Meet", deadline=date(2026, 12, 18))],
        tasks=[
            Task(
                id="h",
                goal="g",
                title="Meetup",
                effort=2,
                recurrence="FREQ=WEEKLY;BYDAY=TU",
                status=Status.IN_PROGRESS,
                started_on=date(2026, 11, 24),
                hours_spent=4,
                done_occurrences=[date(2026, 11, 24), date(2026, 12, 2)],
            ),
        ],
    )

    report = progress(plan, as_of=date(2026, 12, 9))
    task = report.task("h")

    assert (3, 2) == (task.occurrences_due, task.occurrences_done)
    assert (0.5, 0.75, 4.0, 6.0) == (
        task.fraction_complete,
        task.planned_fraction,
        task.ev,
        task.pv,
    )
    assert 8.0 == report.earned_value.bac


def test_a_baseline_gives_the_planned_dates() -> None:
    """The baseline planned ``b`` for 3 days; the plan now says 5: PV follows the
    baseline's dates (b planned done by Wednesday 2 December) and the plan's effort."""
    plan = two_tasks()
    baseline = plan.update_task("b", duration=3)

    report = progress(plan, as_of=date(2026, 12, 2), baseline=baseline)

    assert 1.0 == report.task("b").planned_fraction
    assert 30.0 == report.earned_value.pv


def test_example_plan_diploma_is_behind() -> None:
    """The diploma as of 26 November 2026: its plan as written had every task done by
    October (planned work 100 %); done: programme, enrolment, modules 1-4 and 60 % of
    modules 5-8 = 4 + 1 + 40 + 24 = 69 of its 108 h (63.9 %); the metric 6 of 8
    modules (0.75) against a line at 0.914; combined (0.639 + 0.75) / 2 = 69.4 %
    against 95.7 % planned. Its work was planned from the goal's start, 6 April:
    164 working days to the status date, of which 112 are earned, so SPI(t)
    0.683 and SV(t) -52 working days; the schedule as of the day forecasts it
    25 working days past its deadline: off track."""
    plan = loads(EXAMPLE.read_text(encoding="utf-8"))
    as_of = date(2026, 11, 26)

    report = progress(plan, as_of=as_of, schedule=schedule(plan, as_of=as_of))
    diploma = report.goal("digital-marketing-diploma")

    assert (69.0, 108.0, 75.5) == (
        diploma.earned_value.ev,
        diploma.earned_value.bac,
        diploma.earned_value.ac,
    )
    assert 69 / 108 == pytest.approx(diploma.work_fraction)
    assert 1.0 == diploma.planned_work_fraction
    assert 0.75 == diploma.metric_fraction
    assert 0.914 == pytest.approx(diploma.planned_metric_fraction, abs=1e-3)
    assert 69.4 == pytest.approx(diploma.percent_complete, abs=0.05)
    assert 95.7 == pytest.approx(diploma.planned_percent, abs=0.05)
    assert (112.0, 164) == (
        pytest.approx(diploma.earned_value.earned_schedule),
        diploma.earned_value.actual_time,
    )
    assert 0.683 == pytest.approx(diploma.earned_value.spi_t, abs=1e-3)
    assert -52.0 == pytest.approx(diploma.earned_value.sv_t)
    assert -25 == diploma.slack
    assert (Health.OFF_TRACK, Signal.SLACK) == (diploma.health, diploma.signal)
    assert 0.6 == diploma.grade
    assert Health.DONE == report.goal("ga-certification").health
    assert not report.goal("senior-manager-move").counted  # an idle backup


def test_to_dict_is_plain_data() -> None:
    """Dates in ISO form, enums by value, None where a ratio is undefined."""
    data = careerkit.to_dict(progress(two_tasks(), as_of=date(2026, 12, 2)))

    assert "2026-12-02" == data["as_of"]
    assert "at_risk" == data["goals"][0]["health"]
    assert "spi_t" == data["goals"][0]["signal"]
    assert ["a", "b"] == [task["task"] for task in data["tasks"]]


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"plan": "plan"}, "plan"),
        ({"as_of": date(2026, 11, 20)}, "as_of"),
        ({"as_of": "2026-12-02"}, "as_of"),
        ({"baseline": "old"}, "baseline"),
        ({"baseline": Plan(id="other", owner="Ana", start=START)}, "baseline"),
        ({"schedule": "soon"}, "schedule"),
        ({"policy": {"spi_t_at_risk": 0.9}}, "policy"),
    ],
)
def test_wrong_arguments_are_refused_with_their_path(changes: dict[str, object], path: str) -> None:
    """Each wrong argument raises a ValidationError naming it."""
    arguments: dict[str, object] = {"plan": two_tasks(), "as_of": date(2026, 12, 2), **changes}
    plan = arguments.pop("plan")

    with pytest.raises(ValidationError) as caught:
        progress(plan, **arguments)  # type: ignore[arg-type]
    assert path == caught.value.path


def test_a_schedule_of_another_date_or_plan_is_refused() -> None:
    """The schedule must be the plan's, made as of ``as_of``."""
    plan = two_tasks()
    other = plan.remove_task("b")
    for wrong in (schedule(plan), schedule(other, as_of=date(2026, 12, 2))):
        with pytest.raises(ValidationError) as caught:
            progress(plan, as_of=date(2026, 12, 2), schedule=wrong)
        assert "schedule" == caught.value.path


def test_policy_thresholds_are_checked() -> None:
    """A negative threshold or a pair out of order names the field."""
    for changes, path in (
        ({"slack_at_risk": -1}, "slack_at_risk"),
        ({"metric_off_track": 0.05}, "metric_off_track"),
        ({"spi_t_at_risk": float("nan")}, "spi_t_at_risk"),
        ({"slack_at_risk": 2.5}, "slack_at_risk"),
    ):
        with pytest.raises(ValidationError) as caught:
            HealthPolicy(**changes)  # type: ignore[arg-type]
        assert path == caught.value.path


def test_children_of_a_left_out_goal_are_left_out_and_a_deep_tree_counts_in_its_root() -> None:
    """A child of an idle backup goes with it; a chain of 300 goals, one task each,
    counts every task in the root."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[
            Goal(id="main", title="Main"),
            Goal(id="spare", title="Spare", backup_for="main"),
            Goal(id="spare-part", title="Spare part", parent="spare"),
        ],
        tasks=[Task(id="s1", goal="spare-part", title="S1", effort=3)],
    )
    report = progress(plan, as_of=START)
    assert (False, False) == (report.goal("spare").counted, report.goal("spare-part").counted)
    assert 0.0 == report.earned_value.bac

    depth = 300
    goals = [
        Goal(id=f"g{n}", title=f"G{n}", parent=f"g{n - 1}" if n else None) for n in range(depth)
    ]
    tasks = [Task(id=f"t{n}", goal=f"g{n}", title=f"T{n}", effort=1) for n in range(depth)]
    deep = Plan(id="deep", owner="Ana", start=START, goals=goals, tasks=tasks)
    root = progress(deep, as_of=START).goal("g0")
    assert float(depth) == root.earned_value.bac


def test_the_report_pickles_and_compares_equal() -> None:
    """A report travels to worker processes unchanged."""
    import pickle

    report = progress(two_tasks(), as_of=date(2026, 12, 2))

    assert report == pickle.loads(pickle.dumps(report))


def test_a_plan_without_goals_has_not_started() -> None:
    """Nothing to do is not the same as all done."""
    report = progress(Plan(id="p", owner="Ana", start=START), as_of=START)

    assert (Health.NOT_STARTED, 0.0, None) == (report.health, report.fraction, report.decided_by)
