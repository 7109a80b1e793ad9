"""Tests for careerkit.planning.slippage: one test per kind of alert, with its numbers."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import careerkit
from careerkit import (
    Goal,
    History,
    Measurement,
    Metric,
    Plan,
    Status,
    Task,
    ValidationError,
    loads,
    schedule,
)
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity, SlippagePolicy
from careerkit.planning.progress import progress
from careerkit.planning.slippage import detect_slippage

from .wrong_arguments import refused_path, wrong_calls

START = date(2026, 11, 2)  # a Monday
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing_director.json"
DOCS = ROOT / "docs" / "slippage.rst"


def plan_of(*tasks: Task, deadline: date | None = None, **fields: Any) -> Plan:
    """A plan starting on START with one goal ``g`` and ``tasks``."""
    goal = Goal(id="g", title="Do g", deadline=deadline, **fields.pop("goal", {}))
    return Plan(id="p", owner="Ana", start=START, goals=[goal], tasks=tasks, **fields)


def of_kind(alerts: tuple[Alert, ...], kind: AlertKind) -> list[Alert]:
    """The alerts of one kind."""
    return [alert for alert in alerts if alert.kind is kind]


def documented_keys(kind: AlertKind) -> set[str]:
    """The evidence keys of ``kind`` in the table of docs/slippage.rst."""
    lines = DOCS.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(f"``{kind.value}``"))
    borders = [n for n in range(start, len(lines)) if lines[n].strip().startswith("====")][:2]
    rows = lines[borders[0] + 1 : borders[1]]
    return {row.split()[0].strip("`") for row in rows if row.strip().startswith("``")}


def only(alerts: tuple[Alert, ...], kind: AlertKind) -> Alert:
    """The one alert of a kind, whose evidence keys are those documented."""
    found = of_kind(alerts, kind)
    assert 1 == len(found), alerts
    assert documented_keys(kind) == set(found[0].evidence)
    return found[0]


def test_overdue_task() -> None:
    """A task due on Friday the 13th, half done, is 3 working days overdue on Wednesday."""
    task = Task(
        id="a",
        goal="g",
        title="A",
        duration=10,
        due=date(2026, 11, 13),
        status=Status.IN_PROGRESS,
        started_on=START,
        percent_complete=50,
    )
    plan = plan_of(task)
    as_of = date(2026, 11, 18)

    alert = only(detect_slippage(plan, as_of=as_of), AlertKind.OVERDUE_TASK)

    assert (AlertSeverity.CRITICAL, "a", date(2026, 11, 13)) == (
        alert.severity,
        alert.subject,
        alert.on,
    )
    assert 3 == alert.evidence["days_overdue"]
    assert 50.0 == alert.evidence["percent_complete"]
    finish = schedule(plan, as_of=as_of)["a"].early_finish
    assert finish == alert.evidence["forecast_finish"]
    assert finish >= as_of
    assert f"move its due date to {finish}" in alert.correction


def test_missed_deadline() -> None:
    """A goal due on 13 November with its task still to do is 3 working days past."""
    plan = plan_of(Task(id="a", goal="g", title="A", duration=5), deadline=date(2026, 11, 13))

    alert = only(detect_slippage(plan, as_of=date(2026, 11, 18)), AlertKind.MISSED_DEADLINE)

    assert (AlertSeverity.CRITICAL, "g", date(2026, 11, 13)) == (
        alert.severity,
        alert.subject,
        alert.on,
    )
    assert 3 == alert.evidence["days_past"]
    assert ("a",) == alert.evidence["open_tasks"]
    assert date(2026, 11, 24) == alert.evidence["forecast_finish"]  # 18th + 5 working days
    assert "2026-11-24 (the schedule's finish, with no margin)" in alert.correction


def test_forecast_late() -> None:
    """5 then 12 working days from Monday 2 November finish Tuesday 24th: 2 days
    after a Friday 20th deadline; ``a`` drives the finish (same float, earlier)."""
    plan = plan_of(
        Task(id="a", goal="g", title="A", duration=5),
        Task(id="b", goal="g", title="B", duration=12, depends_on=["a"]),
        deadline=date(2026, 11, 20),
    )

    alert = only(detect_slippage(plan, as_of=START), AlertKind.FORECAST_LATE)

    assert 2 == alert.evidence["days_late"]
    assert date(2026, 11, 24) == alert.evidence["forecast_finish"]
    assert "a" == alert.evidence["driving_task"]
    assert (AlertSeverity.CRITICAL, date(2026, 11, 20)) == (alert.severity, alert.on)
    assert "move the deadline of `g` to 2026-11-24" in alert.correction


def test_float_exhausted_and_no_buffer_left() -> None:
    """A 5-day task due by Friday of the first week must start on Monday: no float."""
    plan = plan_of(Task(id="a", goal="g", title="A", duration=5), deadline=date(2026, 11, 6))

    alerts = detect_slippage(plan, as_of=START)
    exhausted = only(alerts, AlertKind.FLOAT_EXHAUSTED)
    buffer = only(alerts, AlertKind.BUFFER)

    assert (START, 0, 0, ()) == (
        exhausted.evidence["late_start"],
        exhausted.evidence["total_float"],
        exhausted.evidence["days_past_late_start"],
        exhausted.evidence["waiting_on"],
    )
    assert "start `a` today" == exhausted.correction
    assert (0, "a", AlertSeverity.WARNING) == (
        buffer.evidence["buffer_days"],
        buffer.evidence["consuming_task"],
        buffer.severity,
    )


def test_float_exhausted_past_the_late_start_is_critical() -> None:
    """Two working days past the latest start, the alert is critical."""
    plan = plan_of(Task(id="a", goal="g", title="A", duration=5), deadline=date(2026, 11, 13))

    alert = only(detect_slippage(plan, as_of=date(2026, 11, 11)), AlertKind.FLOAT_EXHAUSTED)

    assert date(2026, 11, 9) == alert.on
    assert (2, -2) == (alert.evidence["days_past_late_start"], alert.evidence["total_float"])
    assert AlertSeverity.CRITICAL == alert.severity


def test_buffer_below_the_threshold_only() -> None:
    """A 5-day task with a Wednesday-next-week deadline has 3 days of float:
    an info alert below the default 5, none when the threshold is 3."""
    plan = plan_of(Task(id="a", goal="g", title="A", duration=5), deadline=date(2026, 11, 11))

    alert = only(detect_slippage(plan, as_of=START), AlertKind.BUFFER)
    relaxed = detect_slippage(plan, as_of=START, policy=SlippagePolicy(buffer_days=3))

    assert (3, "a", 5, AlertSeverity.INFO) == (
        alert.evidence["buffer_days"],
        alert.evidence["consuming_task"],
        alert.evidence["threshold_days"],
        alert.severity,
    )
    assert "slip 3 working days" in alert.message
    assert [] == of_kind(relaxed, AlertKind.BUFFER)


def test_blocked() -> None:
    """``b`` waits on ``a``, due Friday 6th and unfinished: 2 working days on Tuesday 10th."""
    plan = plan_of(
        Task(
            id="a",
            goal="g",
            title="A",
            duration=5,
            due=date(2026, 11, 6),
            status=Status.IN_PROGRESS,
            started_on=START,
        ),
        Task(id="b", goal="g", title="B", duration=2, depends_on=["a"]),
    )

    alert = only(detect_slippage(plan, as_of=date(2026, 11, 10)), AlertKind.BLOCKED)

    assert ("b", date(2026, 11, 6)) == (alert.subject, alert.on)
    assert (("a",), date(2026, 11, 6), 2) == (
        alert.evidence["waiting_on"],
        alert.evidence["overdue_since"],
        alert.evidence["days_waiting"],
    )


def habit(*done: date) -> Task:
    """A habit every Tuesday from 3 November, eight times."""
    return Task(
        id="h",
        goal="g",
        title="Weekly call",
        recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        effort=1,
        status=Status.IN_PROGRESS,
        started_on=date(2026, 11, 3),
        done_occurrences=done,
    )


def test_missed_occurrences() -> None:
    """Due on the 3rd, 10th and 17th, done once: 2 missed on Wednesday 18th
    (a month-long task keeps the plan, and the habit's schedule, running)."""
    plan = plan_of(habit(date(2026, 11, 3)), Task(id="a", goal="g", title="A", duration=20))

    alert = only(detect_slippage(plan, as_of=date(2026, 11, 18)), AlertKind.MISSED_OCCURRENCES)

    assert (3, 1, 2) == (alert.evidence["due"], alert.evidence["done"], alert.evidence["missed"])
    assert (date(2026, 11, 17), date(2026, 11, 24)) == (
        alert.evidence["last_due"],
        alert.evidence["next_due"],
    )
    assert (AlertSeverity.WARNING, date(2026, 11, 17)) == (alert.severity, alert.on)


def test_occurrence_of_today_is_not_missed_yet() -> None:
    """On Tuesday 10th, the occurrence of the day can still be done."""
    plan = plan_of(habit(date(2026, 11, 3)))

    assert [] == of_kind(
        detect_slippage(plan, as_of=date(2026, 11, 10)), AlertKind.MISSED_OCCURRENCES
    )


def test_stalled_after_the_review_cadence() -> None:
    """Started on the 2nd with reviews every 14 days: stalled on the 17th, not the 16th."""
    plan = plan_of(
        Task(id="a", goal="g", title="A", duration=40, status=Status.IN_PROGRESS, started_on=START),
        review_cadence="FREQ=WEEKLY;INTERVAL=2",
    )

    alert = only(detect_slippage(plan, as_of=date(2026, 11, 17)), AlertKind.STALLED)
    before = detect_slippage(plan, as_of=date(2026, 11, 16))

    assert (START, 15, 14, ("a",)) == (
        alert.evidence["last_progress"],
        alert.evidence["days_idle"],
        alert.evidence["cadence_days"],
        alert.evidence["in_progress"],
    )
    assert date(2026, 11, 16) == alert.on
    assert [] == of_kind(before, AlertKind.STALLED)


def test_below_trajectory() -> None:
    """0 to 30 over 30 days from the 2nd: 2 on the 12th is 8 days behind the
    line (10 planned); at 0.2 a day it drifts 0.8 day a day and passes 10 days
    behind 3 days later."""
    goal = {
        "start": START,
        "metric": Metric(name="calls", baseline=0, target=30),
        "measurements": [Measurement(on=date(2026, 11, 12), value=2)],
    }
    plan = plan_of(deadline=date(2026, 12, 2), goal=goal)
    policy = SlippagePolicy(off_track_days=10)

    alert = only(
        detect_slippage(plan, as_of=date(2026, 11, 13), policy=policy),
        AlertKind.BELOW_TRAJECTORY,
    )

    evidence = alert.evidence
    assert (2.0, 10.0, 8.0) == (evidence["value"], evidence["planned"], evidence["days_behind"])
    assert (0.2, 1.4) == (evidence["rate_per_day"], evidence["needed_per_day"])
    assert (3, date(2026, 11, 15)) == (evidence["days_to_off_track"], evidence["off_track_on"])
    assert AlertSeverity.WARNING == alert.severity
    graced = SlippagePolicy(trajectory_grace_days=8)
    assert () == detect_slippage(plan, as_of=date(2026, 11, 13), policy=graced)


def test_over_capacity_within_the_horizon() -> None:
    """20 hours in the first week against 10; a heavy week 6 weeks on is beyond the horizon."""
    plan = plan_of(
        Task(id="a", goal="g", title="A", duration=5, effort=20),
        Task(id="b", goal="g", title="B", duration=5, effort=30, not_before=date(2026, 12, 14)),
        weekly_capacity=10,
    )

    alert = only(detect_slippage(plan, as_of=START), AlertKind.OVER_CAPACITY)

    assert (START, 20.0, 10.0, 10.0, ("a",)) == (
        alert.evidence["week"],
        alert.evidence["hours"],
        alert.evidence["capacity"],
        alert.evidence["excess_hours"],
        alert.evidence["tasks"],
    )
    assert "p" == alert.subject
    wide = detect_slippage(plan, as_of=START, policy=SlippagePolicy(capacity_weeks=8))
    assert 2 == len(of_kind(wide, AlertKind.OVER_CAPACITY))


def test_over_budget() -> None:
    """80 spent and 50 to come against 100; the dropped 500 does not count."""
    plan = plan_of(
        Task(id="a", goal="g", title="A", cost=80, status=Status.DONE, done_on=START),
        Task(id="b", goal="g", title="B", cost=50),
        Task(id="c", goal="g", title="C", cost=500, status=Status.DROPPED),
        budget=100,
    )

    alert = only(detect_slippage(plan, as_of=START), AlertKind.OVER_BUDGET)

    assert (100.0, 130.0, 80.0, 30.0, ("b",)) == (
        alert.evidence["budget"],
        alert.evidence["planned_cost"],
        alert.evidence["spent"],
        alert.evidence["excess"],
        alert.evidence["costly_tasks"],
    )
    assert AlertSeverity.WARNING == alert.severity
    assert "find funding for `b`" in alert.correction


def test_baseline_slip() -> None:
    """Three more days on the only task: the goal finishes 3 days late."""
    before = plan_of(Task(id="a", goal="g", title="A", duration=5))
    after = before.update_task("a", duration=8)

    alerts = of_kind(detect_slippage(after, as_of=START, baseline=before), AlertKind.BASELINE_SLIP)

    assert [("g", 3)] == [(alert.subject, alert.evidence["days_later"]) for alert in alerts]
    assert date(2026, 11, 11) == alerts[0].evidence["forecast_finish"]
    assert all(documented_keys(AlertKind.BASELINE_SLIP) == set(a.evidence) for a in alerts)
    unchanged = detect_slippage(before, as_of=START, baseline=before)
    assert [] == of_kind(unchanged, AlertKind.BASELINE_SLIP)


def at(day: int) -> datetime:
    """9 am UTC on a day of November 2026."""
    return datetime(2026, 11, day, 9, tzinfo=UTC)


def test_deadline_creep_after_two_pushes() -> None:
    """A deadline pushed from 18 December to the 31st, then to 15 January."""
    plan = plan_of(deadline=date(2026, 12, 18))
    history = History.start(plan, at=at(2), author="Ana", reason="Plan")
    once = history.commit(
        plan.update_goal("g", deadline=date(2026, 12, 31)), at=at(9), author="Ana", reason="Later"
    )
    twice = once.commit(
        once.plan.update_goal("g", deadline=date(2027, 1, 15)),
        at=at(16),
        author="Ana",
        reason="Later still",
    )

    alert = only(
        detect_slippage(twice.plan, as_of=date(2026, 11, 20), history=twice),
        AlertKind.DEADLINE_CREEP,
    )
    early = detect_slippage(twice.plan, as_of=date(2026, 11, 10), history=twice)

    assert (2, date(2026, 12, 18), date(2027, 1, 15), None, ("1", "2")) == (
        alert.evidence["pushes"],
        alert.evidence["first_deadline"],
        alert.evidence["deadline"],
        alert.evidence["eased_on"],
        alert.evidence["revisions"],
    )
    assert [] == of_kind(early, AlertKind.DEADLINE_CREEP)  # the second push came later
    assert [] == of_kind(
        detect_slippage(once.plan, as_of=date(2026, 11, 20), history=once),
        AlertKind.DEADLINE_CREEP,
    )


def test_deadline_creep_when_eased_inside_the_window() -> None:
    """A target lowered 4 days before the deadline is inside the 7-day window."""
    metric = Metric(name="calls", baseline=0, target=30)
    plan = plan_of(deadline=date(2026, 11, 20), goal={"metric": metric})
    history = History.start(plan, at=at(2), author="Ana", reason="Plan")
    eased = history.commit(
        plan.update_goal("g", metric=Metric(name="calls", baseline=0, target=20)),
        at=at(16),
        author="Ana",
        reason="Too many",
    )

    alert = only(
        detect_slippage(eased.plan, as_of=date(2026, 11, 16), history=eased),
        AlertKind.DEADLINE_CREEP,
    )
    narrow = SlippagePolicy(commitment_days=3)

    assert (0, date(2026, 11, 16), 7) == (
        alert.evidence["pushes"],
        alert.evidence["eased_on"],
        alert.evidence["window_days"],
    )
    assert () == detect_slippage(eased.plan, as_of=date(2026, 11, 16), history=eased, policy=narrow)


def test_example_plan_flags_the_slipping_diploma() -> None:
    """As of 26 November 2026 the diploma is forecast 25 working days late
    (finish 25 January against 18 December), its modules are 29 days behind
    their line, it has earned 112 of 185 working days of planned work, and the
    capstone has run out of float behind the modules."""
    with open(EXAMPLE, encoding="utf-8") as stream:
        plan = loads(stream.read())
    as_of = date(2026, 11, 26)

    alerts = detect_slippage(plan, as_of=as_of)
    diploma = [alert for alert in alerts if alert.subject == "digital-marketing-diploma"]
    capstone = {alert.kind for alert in alerts if alert.subject == "dmd-capstone"}

    late = only(tuple(diploma), AlertKind.FORECAST_LATE)
    assert (25, date(2027, 1, 25), "dmd-modules-5-8") == (
        late.evidence["days_late"],
        late.evidence["forecast_finish"],
        late.evidence["driving_task"],
    )
    line = only(tuple(diploma), AlertKind.BELOW_TRAJECTORY)
    assert (6.0, 29.0) == (line.evidence["value"], line.evidence["days_behind"])
    pace = only(tuple(diploma), AlertKind.BEHIND_SCHEDULE)  # 69% done, 96% planned
    assert (0.6829, 112.0, 164) == (  # planned from the goal's start, 2026-04-06
        pace.evidence["spi_t"],
        pace.evidence["earned_schedule"],
        pace.evidence["actual_time"],
    )
    assert AlertSeverity.CRITICAL == pace.severity
    assert {AlertKind.FLOAT_EXHAUSTED, AlertKind.BLOCKED} == capstone
    assert [] == of_kind(alerts, AlertKind.MISSED_DEADLINE)  # 18 December has not come
    assert [] == of_kind(alerts, AlertKind.OVER_BUDGET)  # 6185 planned against 6500
    assert alerts == tuple(sorted(alerts, key=lambda alert: alert.sort_key))


def test_every_kind_is_documented() -> None:
    """Each kind has its entry, with an evidence table, on the docs page."""
    assert all(documented_keys(kind) for kind in AlertKind)


def test_alerts_are_sorted_by_severity_date_subject_and_kind() -> None:
    """Critical first; then by date, subject and kind."""
    plan = plan_of(
        Task(id="a", goal="g", title="A", duration=5, due=date(2026, 11, 6)),
        Task(id="b", goal="g", title="B", duration=5, effort=60),
        deadline=date(2026, 11, 13),
        weekly_capacity=10,
    )

    alerts = detect_slippage(plan, as_of=date(2026, 11, 18))

    keys = [(alert.severity.rank, alert.on, alert.subject, alert.kind.value) for alert in alerts]
    assert keys == sorted(keys)
    assert AlertSeverity.CRITICAL == alerts[0].severity
    assert AlertSeverity.CRITICAL != alerts[-1].severity


def test_given_schedule_is_used_and_checked() -> None:
    """The caller's schedule gives the same alerts; one at another date is refused."""
    plan = plan_of(Task(id="a", goal="g", title="A", duration=5), deadline=date(2026, 11, 6))

    given = detect_slippage(plan, as_of=START, schedule=schedule(plan, as_of=START))

    assert given == detect_slippage(plan, as_of=START)
    with pytest.raises(ValidationError) as caught:
        detect_slippage(plan, as_of=START, schedule=schedule(plan))
    assert ["schedule"] == [problem.path for problem in caught.value.problems]


VALID = {"plan": plan_of(Task(id="a", goal="g", title="A")), "as_of": START}


@pytest.mark.parametrize(
    ("function", "arguments", "path"),
    [
        *wrong_calls(detect_slippage, VALID, plan="plan", as_of="date", schedule="schedule"),
        pytest.param(detect_slippage, {**VALID, "baseline": "p"}, "baseline", id="baseline"),
        pytest.param(detect_slippage, {**VALID, "history": []}, "history", id="history"),
        pytest.param(detect_slippage, {**VALID, "policy": {}}, "policy", id="policy"),
        pytest.param(
            detect_slippage, {**VALID, "as_of": date(2026, 11, 1)}, "as_of", id="before-start"
        ),
    ],
)
def test_arguments_are_checked(
    function: Callable[..., Any], arguments: dict[str, Any], path: str
) -> None:
    """Each wrong argument is refused with its name as the path."""
    assert [path] == refused_path(function, arguments)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"buffer_days": -1}, "buffer_days"),
        ({"spi_t_warning": 0}, "spi_t_warning"),
        ({"spi_t_critical": 0.95}, "spi_t_critical"),
        ({"off_track_days": 1.5}, "off_track_days"),
        ({"missed_occurrences": 0}, "missed_occurrences"),
        ({"commitment_days": True}, "commitment_days"),
    ],
)
def test_policy_fields_are_checked(changes: dict[str, Any], path: str) -> None:
    """A threshold out of its range is refused, by field."""
    assert [path] == refused_path(SlippagePolicy, changes)


def alert(**changes: Any) -> Alert:
    """A valid alert with ``changes``."""
    fields: dict[str, Any] = {
        "kind": AlertKind.BUFFER,
        "severity": AlertSeverity.INFO,
        "subject": "g",
        "on": START,
        "message": "m",
        "evidence": {"buffer_days": 3, "deadline": START, "tasks": ("a",), "none": None},
        "correction": "c",
    }
    return Alert(**{**fields, **changes})


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"kind": "buffer"}, "kind"),
        ({"severity": "info"}, "severity"),
        ({"evidence": {}}, "evidence"),
        ({"evidence": {"ratio": float("nan")}}, "evidence['ratio']"),
        ({"evidence": {"tasks": ["a"]}}, "evidence['tasks']"),
        ({"message": ""}, "message"),
    ],
)
def test_alert_fields_are_checked(changes: dict[str, Any], path: str) -> None:
    """An alert without evidence, with a non-finite number or a list, is refused."""
    assert [path] == refused_path(alert, changes)


def test_alert_is_read_only_pickles_and_is_a_document() -> None:
    """Evidence cannot be changed; pickling and copying give equal alerts; to_dict is JSON."""
    value = alert()

    with pytest.raises(TypeError):
        value.evidence["buffer_days"] = 4  # type: ignore[index]
    assert value == pickle.loads(pickle.dumps(value)) == copy.deepcopy(value)
    assert {"buffer_days": 3, "deadline": "2026-11-02", "none": None, "tasks": ["a"]} == (
        careerkit.to_dict(value)["evidence"]
    )
    assert ("buffer", "info") == (
        careerkit.to_dict(value)["kind"],
        careerkit.to_dict(value)["severity"],
    )


def test_behind_schedule_from_spi_t() -> None:
    """10 days of 1 hour from Monday 2nd, 20% done on Friday 6th: EV 2 hours was
    planned by the end of day 2 of 5, so SPI(t) 0.4 (critical) and 3 days behind."""
    plan = plan_of(
        Task(
            id="a",
            goal="g",
            title="A",
            duration=10,
            effort=10,
            status=Status.IN_PROGRESS,
            started_on=START,
            percent_complete=20,
        )
    )
    as_of = date(2026, 11, 6)

    alert = only(detect_slippage(plan, as_of=as_of), AlertKind.BEHIND_SCHEDULE)
    report = progress(plan, as_of=as_of)
    given = detect_slippage(plan, as_of=as_of, progress=report)

    assert (0.4, -3.0, 2.0, 5) == (
        alert.evidence["spi_t"],
        alert.evidence["sv_t_days"],
        alert.evidence["earned_schedule"],
        alert.evidence["actual_time"],
    )
    assert (20.0, 50.0) == (alert.evidence["percent_complete"], alert.evidence["planned_percent"])
    assert (AlertSeverity.CRITICAL, "g", as_of) == (alert.severity, alert.subject, alert.on)
    assert given == detect_slippage(plan, as_of=as_of)
    on_pace = plan.update_task("a", percent_complete=50)
    assert [] == of_kind(detect_slippage(on_pace, as_of=as_of), AlertKind.BEHIND_SCHEDULE)


def test_progress_report_is_checked() -> None:
    """A report of another date, or not a report, is refused by name."""
    plan = plan_of(Task(id="a", goal="g", title="A"))

    for wrong in (progress(plan, as_of=date(2026, 11, 3)), {"goals": []}):
        assert ["progress"] == refused_path(
            detect_slippage, {"plan": plan, "as_of": START, "progress": wrong}
        )


def test_policy_pickles_and_copies() -> None:
    """A policy travels to worker processes unchanged."""
    policy = SlippagePolicy(buffer_days=8, commitment_days=3)

    assert policy == pickle.loads(pickle.dumps(policy)) == copy.deepcopy(policy)


def test_a_given_career_overview_gives_the_same_alerts_and_is_checked() -> None:
    """``career=`` hands detect_slippage the overview the caller has: the alerts are
    those it computes itself; an overview of another date, or not one, is refused."""
    plan = careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))
    as_of = date(2026, 11, 26)
    overview = careerkit.career_overview(plan, as_of=as_of)

    given = careerkit.detect_slippage(plan, as_of=as_of, career=overview)

    assert careerkit.detect_slippage(plan, as_of=as_of) == given
    assert AlertKind.RELATIONSHIP_COLD in {alert.kind for alert in given}
    other = careerkit.career_overview(plan, as_of=date(2026, 11, 27))
    with pytest.raises(ValidationError) as late:
        careerkit.detect_slippage(plan, as_of=as_of, career=other)
    with pytest.raises(ValidationError) as wrong:
        careerkit.detect_slippage(plan, as_of=as_of, career="overview")  # type: ignore[arg-type]
    assert ("career", "career") == (late.value.path, wrong.value.path)
