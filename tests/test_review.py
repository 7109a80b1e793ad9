"""The review of the example plan at three dates: early, slipping and nearly done.

Early (2026-03-02) the plan has its first wins; on 2026-11-26 the diploma
is slipping; on 2028-06-01, with every task but the director search done
and the short goals achieved, there is nothing left to warn about.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from pathlib import Path

import attrs

import careerkit
from careerkit.history import History
from careerkit.model import CheckIn, Goal, GoalStatus, Measurement, Plan, Status, Task
from careerkit.planning.actions import next_actions
from careerkit.planning.alerts import AlertKind
from careerkit.planning.forecast import forecast
from careerkit.planning.progress import progress
from careerkit.planning.review import CorrectionCode, Review, ReviewPolicy, WinKind, review
from careerkit.planning.slippage import detect_slippage
from careerkit.scheduling import schedule
from careerkit.smart import assess_plan

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EARLY, SLIPPING, NEARLY_DONE = date(2026, 3, 2), date(2026, 11, 26), date(2028, 6, 1)
DIPLOMA = "digital-marketing-diploma"


@cache
def example() -> Plan:
    """The example plan."""
    return careerkit.loads((EXAMPLES / "marketing_director.json").read_text(encoding="utf-8"))


@cache
def history() -> History:
    """The example plan's history."""
    return History.loads((EXAMPLES / "marketing_director.history.json").read_text(encoding="utf-8"))


@cache
def nearly_done() -> Plan:
    """The example with every open task but the director search (and the backup's) done
    on its planned finish, the short goals achieved on their last task's day (the
    network on 2028-05-15, at its target of 150), and a check-in on 2028-04-28."""
    plan = example()
    planned = schedule(plan, as_of=SLIPPING)
    left = {"md-director-search", "md-interviews-offer"}
    for task in sorted(plan.tasks, key=lambda task: (planned[task.id].early_finish, task.id)):
        if task.status in (Status.DONE, Status.DROPPED) or task.id in left:
            continue
        if task.goal == "senior-manager-move":
            continue
        on = max(planned[task.id].early_finish, task.started_on or date.min)
        plan = plan.complete_task(task.id, on=on, hours_spent=task.effort)
    for goal in plan.goals:
        if goal.id in ("marketing-director", "senior-manager-move", "ga-certification"):
            continue
        on = max(task.done_on or date.min for task in plan.tasks_of(goal.id))
        if goal.id == "professional-network":
            on = date(2028, 5, 15)
        if goal.metric is not None:
            plan = plan.record_measurement(goal.id, Measurement(on=on, value=goal.metric.target))
        plan = plan.update_goal(goal.id, status=GoalStatus.ACHIEVED, achieved_on=on)
    plan = plan.add_check_in(CheckIn(on=date(2028, 4, 28), satisfaction=5))
    # Its network, assets, job search and target roles, left as they stood in 2026, would
    # have gone stale by 2028: the career parts are reviewed in the slipping review.
    return attrs.evolve(
        plan, contacts=(), applications=(), assets=(), roles=(), options=(), option_weights=()
    )


@cache
def reviewed(which: str) -> Review:
    """The review of one of the three situations (computed once per test session)."""
    if which == "early":
        return review(example(), as_of=EARLY, history=history())
    if which == "slipping":
        return review(example(), as_of=SLIPPING, history=history())
    return review(nearly_done(), as_of=NEARLY_DONE)


def _wins(found: Review) -> list[tuple[str, str, date]]:
    return [(win.kind.value, win.subject, win.on) for win in found.wins]


def _corrections(found: Review) -> list[tuple[str, str]]:
    return [(item.code.value, item.subject) for item in found.corrections]


def test_early_wins_are_those_since_the_last_revision() -> None:
    """On 2026-03-02 the last revision (2026-01-31, after the check-in of 2026-01-30)
    opens the window on 2026-02-01: two tasks done early in February, the course on
    the 20th, three habit occurrences, and the first practice exam above the baseline."""
    found = reviewed("early")

    assert date(2026, 2, 1) == found.wins_since
    assert [
        ("task_done", "mentor-criteria", date(2026, 2, 4)),
        ("task_done", "resume-linkedin-profile", date(2026, 2, 6)),
        ("occurrences_done", "net-monthly-event", date(2026, 2, 12)),
        ("occurrences_done", "net-coffee-chats", date(2026, 2, 17)),
        ("task_done", "ga-course", date(2026, 2, 20)),
        ("metric_improved", "ga-certification", date(2026, 2, 24)),
    ] == _wins(found)
    assert "practice exam score of `ga-certification` rose from 62 to 64 percent" in (
        found.wins[-1].message
    )
    assert "`net-coffee-chats` done 2 times since 2026-02-01" in found.wins[3].message


def test_without_a_history_the_window_opens_after_the_last_check_in() -> None:
    """The check-in of 2026-01-30 opens the window on the 31st; nothing was done that day."""
    found = review(example(), as_of=EARLY)

    assert date(2026, 1, 31) == found.wins_since
    assert _wins(reviewed("early")) == _wins(found)


def test_early_alerts_and_corrections() -> None:
    """Early on, three goals show no progress for longer than the cadence and the
    network is behind; nothing calls for a correction, and the next review is four
    weeks after the one of 2026-03-02."""
    found = reviewed("early")

    assert [
        ("stalled", "digital-marketing-diploma"),
        ("stalled", "leadership-course"),
        ("stalled", "public-speaking"),
        ("goal_without_relationship", "find-mentor"),  # Dana is met on 2026-04-10
        ("behind_schedule", "professional-network"),
        ("unaddressed_gap", "marketing-director-b2b"),  # P&L reporting
        ("missing_resume", "senior-marketing-manager"),
    ] == [(alert.kind.value, alert.subject) for alert in found.alerts]
    assert [] == _corrections(found)
    assert date(2026, 3, 30) == found.next_review
    assert (1, 3, None) == (
        found.satisfaction.check_ins,
        found.satisfaction.latest,
        found.satisfaction.slope_per_month,
    )


def test_slipping_review_suggests_moving_the_diploma_to_its_p85() -> None:
    """On 2026-11-26 the diploma is forecast late: the correction moves its deadline to
    the P85 finish of the same schedule-risk forecast, later than the deterministic
    forecast finish of 2027-01-25; the two over-capacity weeks move
    `brand-portfolio-site`, as their alerts say."""
    found = reviewed("slipping")
    risk = forecast(example(), as_of=SLIPPING, seed=0, runs=2_000)
    moved = found.corrections[0]

    assert [
        ("move_deadline", DIPLOMA),
        ("postpone_task", "brand-portfolio-site"),
        ("postpone_task", "brand-portfolio-site"),
    ] == _corrections(found)
    assert risk.goal(DIPLOMA).p85 == moved.evidence["p85"]
    assert date(2027, 1, 25) < risk.goal(DIPLOMA).p85  # type: ignore[operator]
    assert date(2026, 12, 18) == moved.evidence["deadline"]
    assert f"to {moved.evidence['p85']} (P85 forecast" in moved.message
    capacity = [alert for alert in found.alerts if alert.kind is AlertKind.OVER_CAPACITY]
    assert [alert.correction for alert in capacity] == [
        item.message for item in found.corrections[1:]
    ]
    assert [date(2026, 11, 30), date(2026, 12, 7)] == [
        item.evidence["week"] for item in found.corrections[1:]
    ]


def test_slipping_review_alerts_findings_and_no_wins() -> None:
    """The most severe alerts are the critical ones of the diploma and the speaking
    goal; the check-in of 2026-11-25 leaves only the review's day, a holiday, for wins;
    the diploma and the resumes are not achievable as planned."""
    found = reviewed("slipping")

    assert [
        ("below_trajectory", "public-speaking"),
        ("relationship_cold", "mentor-2"),
        ("behind_schedule", DIPLOMA),
        ("forecast_late", DIPLOMA),
    ] == [(alert.kind.value, alert.subject) for alert in found.alerts if alert.severity.rank == 0]
    assert 26 == len(found.alerts)
    assert date(2026, 11, 26) == found.wins_since
    assert [] == _wins(found)
    assert [DIPLOMA, "resume-current"] == [item.subject for item in found.findings]
    assert ["dmd-modules-5-8", "lead-shortlist"] == [
        action.task for action in found.next_actions[:2]
    ]
    assert date(2026, 12, 7) == found.next_review


def test_slipping_summary_is_built_from_the_numbers() -> None:
    """The paragraph names the health, the tightest goal, the alerts' count, the most
    severe alert, the window without wins, the check-ins' trend and the next review."""
    text = reviewed("slipping").summary

    assert text.startswith(
        "As of 2026-11-26 the plan is off track: 33.6% done against 48.7% planned "
        f"(`{DIPLOMA}` has 25 working days of work past its deadline)."
    )
    assert "26 alerts (4 critical, 17 warning, 5 info); 3 corrections are suggested" in text
    # of the four critical alerts, the summary names the one about a missed date
    assert f"the most severe: `{DIPLOMA}` is forecast to finish on 2027-01-25" in text
    assert "Nothing new to celebrate since 2026-11-26." in text
    # the last three check-ins: 4 (2026-09-25), 3 (2026-10-21), 4 (2026-11-25): 11 / 3
    assert "Satisfaction was 4 of 5 on 2026-11-25, 3.7 on average over the last 3" in text
    assert text.endswith("The next review is on 2026-12-07.")


def test_nearly_done_review_celebrates_and_warns_of_nothing() -> None:
    """With the short goals achieved, the budget year done on 2028-05-02 and the network
    at 150 on 2028-05-15, the review since the check-in of 2028-04-28 celebrates three
    wins, raises no alert and suggests no correction."""
    found = reviewed("nearly_done")

    assert [] == list(found.alerts)
    assert [] == _corrections(found)
    assert [] == list(found.findings)
    assert date(2028, 4, 29) == found.wins_since
    assert [
        ("task_done", "md-budget-ownership", date(2028, 5, 2)),
        ("goal_achieved", "professional-network", date(2028, 5, 15)),
        ("metric_improved", "professional-network", date(2028, 5, 15)),
    ] == _wins(found)
    assert "rose from 119 to 150 people" in found.wins[-1].message
    assert "To celebrate since 2028-04-29: 1 goal achieved, 1 task done" in found.summary
    assert (5, date(2028, 4, 28)) == (found.satisfaction.latest, found.satisfaction.latest_on)
    # the last three: 3 (2026-10-21), 4 (2026-11-25), 5 (2028-04-28): 4.0 and rising
    assert found.satisfaction.average == 4.0
    assert found.satisfaction.slope_per_month is not None
    assert found.satisfaction.slope_per_month > 0
    assert date(2028, 6, 19) == found.next_review


def test_a_backup_is_suggested_when_its_goal_is_off_track() -> None:
    """A backup on hold for the diploma (off track on 2026-11-26) is to be activated;
    an active goal without work is to get a task; a backup on hold gets none."""
    plan = example().add_goal(
        Goal(
            id="agency-role", title="Join an agency", backup_for=DIPLOMA, status=GoalStatus.ON_HOLD
        )
    )
    plan = plan.add_goal(Goal(id="brand-refresh", title="Refresh my brand"))

    found = review(plan, as_of=SLIPPING)

    assert [
        ("move_deadline", DIPLOMA),
        ("activate_backup", "agency-role"),
        ("postpone_task", "brand-portfolio-site"),
        ("postpone_task", "brand-portfolio-site"),
        ("add_task", "brand-refresh"),
    ] == _corrections(found)
    backup = found.corrections[1]
    assert "activate backup goal `agency-role`: `digital-marketing-diploma` is off track" == (
        backup.message
    )
    assert ("off_track", False) == (backup.evidence["health"], backup.evidence["deadline_passed"])
    assert "give goal `brand-refresh` at least one task" == found.corrections[-1].message


def test_a_backup_is_suggested_once_its_goal_missed_its_deadline() -> None:
    """A goal past its deadline and not achieved calls for its backup, whatever its health."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 1, 5),
        goals=[
            Goal(id="cert", title="Earn the certificate", deadline=date(2026, 2, 27)),
            Goal(id="course", title="Take a course", backup_for="cert", status=GoalStatus.ON_HOLD),
        ],
        tasks=[
            Task(id="study", goal="cert", title="Study", duration=20, effort=10),
            Task(id="enrol", goal="course", title="Enrol", duration=1, effort=1),
        ],
    )

    found = review(plan, as_of=date(2026, 3, 9))

    backup = next(item for item in found.corrections if item.code is CorrectionCode.ACTIVATE_BACKUP)
    assert "activate backup goal `course`: the deadline of `cert` passed on 2026-02-27" == (
        backup.message
    )
    assert backup.evidence["deadline_passed"] is True


def test_the_review_equals_its_parts() -> None:
    """Its report, alerts, next actions, findings and forecast are those of the parts
    made on the same schedule, with the policy's seed and runs."""
    plan, policy = example(), ReviewPolicy(seed=3, runs=500)
    status = schedule(plan, as_of=SLIPPING)
    report = progress(plan, as_of=SLIPPING, schedule=status)

    found = review(plan, as_of=SLIPPING, history=history(), policy=policy)

    assert report == found.report
    assert (
        detect_slippage(plan, as_of=SLIPPING, schedule=status, history=history(), progress=report)
        == found.alerts
    )
    assert next_actions(plan, as_of=SLIPPING, schedule=status) == found.next_actions
    assert [
        result
        for result in assess_plan(plan, as_of=SLIPPING, schedule=status)
        if not result.is_smart
    ] == list(found.findings)
    assert forecast(plan, as_of=SLIPPING, seed=3, runs=500, schedule=status) == found.forecast


def test_a_baseline_reaches_progress_and_slippage() -> None:
    """With a baseline the report is measured against it and its slips are alerts."""
    plan = example()
    baseline = plan.update_goal(DIPLOMA, deadline=date(2026, 10, 30))

    found = review(plan, as_of=SLIPPING, baseline=baseline)

    assert progress(plan, as_of=SLIPPING, baseline=baseline) == found.report
    assert found.alerts == detect_slippage(plan, as_of=SLIPPING, baseline=baseline)


def test_the_review_is_deterministic() -> None:
    """The same inputs give the same review, to the last character of its Markdown."""
    again = review(example(), as_of=SLIPPING, history=history())

    assert reviewed("slipping") == again
    assert reviewed("slipping").to_markdown() == again.to_markdown()


def test_the_wins_window_of_the_policy() -> None:
    """Without check-ins and history, wins count from the plan's start, or over the
    policy's last days."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 1, 5),
        goals=[Goal(id="g", title="Do g")],
        tasks=[
            Task(id="a", goal="g", title="A", duration=2),
            Task(id="b", goal="g", title="B", duration=2, depends_on=("a",)),
        ],
    )
    plan = plan.complete_task("a", on=date(2026, 1, 6)).complete_task("b", on=date(2026, 1, 20))
    as_of = date(2026, 1, 26)

    since_start = review(plan, as_of=as_of)
    last_week = review(plan, as_of=as_of, policy=ReviewPolicy(wins_days=7))

    assert (plan.start, ["a", "b"]) == (
        since_start.wins_since,
        [win.subject for win in since_start.wins],
    )
    assert (as_of - timedelta(days=6), ["b"]) == (
        last_week.wins_since,
        [win.subject for win in last_week.wins],
    )
    assert {WinKind.TASK_DONE} == {win.kind for win in since_start.wins}
