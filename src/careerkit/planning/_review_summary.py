"""A review's satisfaction trend, its next date, and its summary paragraph."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from attrs import frozen

from careerkit.model import Plan
from careerkit.planning._review_values import Correction, Satisfaction, Win, WinKind
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity
from careerkit.planning.health import Health, Signal
from careerkit.planning.metrics import least_squares
from careerkit.planning.progress import GoalProgress, ProgressReport
from careerkit.recurrence import occurrences

__all__ = ["Parts", "next_review", "satisfaction", "summary"]

DAYS_PER_MONTH = 365.2425 / 12
"""The mean Gregorian month, in days."""

_FIRST_WINDOW = 400
"""Days after the status date searched first for the next review; doubled until found."""


def satisfaction(plan: Plan, *, as_of: date, window: int) -> Satisfaction:
    """The trend of the check-ins on or before ``as_of``: the latest, and the mean
    and least-squares slope per month of the latest ``window``."""
    dated = sorted(
        (check_in for check_in in plan.check_ins if check_in.on <= as_of),
        key=lambda check_in: check_in.on,
    )
    recent = dated[-window:]
    if not recent:
        return Satisfaction(
            check_ins=0,
            window=window,
            latest=None,
            latest_on=None,
            average=None,
            slope_per_month=None,
        )
    origin = recent[0].on
    line = least_squares([((item.on - origin).days, item.satisfaction) for item in recent])
    return Satisfaction(
        check_ins=len(dated),
        window=window,
        latest=recent[-1].satisfaction,
        latest_on=recent[-1].on,
        average=sum(item.satisfaction for item in recent) / len(recent),
        slope_per_month=None if line is None else line.slope * DAYS_PER_MONTH,
    )


def next_review(plan: Plan, *, as_of: date) -> date | None:
    """The first date of ``plan.review_cadence`` (from the plan's start) after
    ``as_of``; None when the cadence ends before."""
    span = _FIRST_WINDOW
    while True:
        last = date.max - as_of <= timedelta(days=span)
        end = date.max if last else as_of + timedelta(days=span)
        found = occurrences(plan.review_cadence, start=plan.start, end=end)
        after = next((day for day in found if day > as_of), None)
        if after is not None or last:
            return after
        span *= 2


@frozen(kw_only=True)
class Parts:
    """What the summary reads of a review."""

    report: ProgressReport
    alerts: Sequence[Alert]
    wins: Sequence[Win]
    wins_since: date
    corrections: Sequence[Correction]
    satisfaction: Satisfaction
    next_review: date | None


def summary(parts: Parts) -> str:
    """One paragraph in plain language, each sentence built from the review's numbers."""
    sentences = [
        _health(parts.report),
        _alerts(parts.alerts, len(parts.corrections)),
        _wins(parts.wins, parts.wins_since),
        _satisfaction(parts.satisfaction),
        _next(parts.next_review),
    ]
    return " ".join(sentence for sentence in sentences if sentence)


_HEALTH = {
    Health.ON_TRACK: "on track",
    Health.AT_RISK: "at risk",
    Health.OFF_TRACK: "off track",
    Health.DONE: "done",
    Health.NOT_STARTED: "not started",
}


def _health(report: ProgressReport) -> str:
    text = (
        f"As of {report.as_of} the plan is {_HEALTH[report.health]}: "
        f"{report.percent_complete:.1f}% done against {report.planned_percent:.1f}% planned"
    )
    if report.decided_by is None and report.signal is Signal.SLACK:
        tightest = _tightest(report)
        if tightest is not None:
            return f"{text} ({_slack_of(tightest)})."
    why = _why(report.signal, report.earned_value.spi_t, None)
    if report.decided_by is not None:
        goal = report.goal(report.decided_by)
        text += (
            f", because `{goal.goal}` is {_HEALTH[goal.health]} ({goal.percent_complete:.1f}% "
            f"done against {goal.planned_percent:.1f}% planned{_why_goal(goal)})"
        )
    elif why:
        text += f" ({why})"
    return text + "."


def _tightest(report: ProgressReport) -> GoalProgress | None:
    """The counted goal with the least slack (first by id), whose slack decided the plan's health."""
    slacked = [goal for goal in report.goals if goal.counted and goal.slack is not None]
    return min(slacked, key=lambda goal: (goal.slack, goal.goal), default=None)


def _slack_of(goal: GoalProgress) -> str:
    slack = goal.slack or 0
    if goal.health is Health.DONE and slack < 0:
        return f"`{goal.goal}` finished {-slack} working days past its deadline"
    return f"`{goal.goal}` has {_why(Signal.SLACK, None, slack)}"


def _why_goal(goal: GoalProgress) -> str:
    why = _why(goal.signal, goal.earned_value.spi_t, goal.slack)
    return f", {why}" if why else ""


def _why(signal: Signal, spi_t: float | None, slack: int | None) -> str:
    if signal is Signal.SPI_T and spi_t is not None:
        return f"SPI(t) {spi_t:.2f}"
    if signal is Signal.SLACK and slack is not None:
        if slack < 0:
            return f"{-slack} working days of work past its deadline"
        return f"{slack} working days of slack"
    if signal is Signal.METRIC:
        return "its metric behind its planned line"
    return ""


def _alerts(alerts: Sequence[Alert], corrections: int) -> str:
    suggested = (
        f"; {corrections} correction{'s are' if corrections != 1 else ' is'} suggested"
        if corrections
        else ""
    )
    if not alerts:
        return f"No alert is raised{suggested}."
    counts = Counter(alert.severity for alert in alerts)
    named = [
        f"{counts[severity]} {severity.value}"
        for severity in (AlertSeverity.CRITICAL, AlertSeverity.WARNING, AlertSeverity.INFO)
        if counts[severity]
    ]
    total = len(alerts)
    first = _headline(alerts)
    return (
        f"{total} alert{'s' if total != 1 else ''} ({', '.join(named)}){suggested}; "
        f"the most severe: {first.message}."
    )


_HEADLINE_KINDS = (
    AlertKind.MISSED_DEADLINE,
    AlertKind.FORECAST_LATE,
    AlertKind.OVERDUE_TASK,
    AlertKind.BEHIND_SCHEDULE,
    AlertKind.FLOAT_EXHAUSTED,
    AlertKind.BLOCKED,
)
"""The kinds a summary names first among alerts of the same severity: those that
speak of a date the plan is missing or about to miss."""


def _headline(alerts: Sequence[Alert]) -> Alert:
    """The alert a summary names: of the most severe ones, the first whose kind speaks
    of a missed or threatened date (in the order of ``_HEADLINE_KINDS``), else the
    first; alerts come sorted by severity, date and subject."""
    worst = [alert for alert in alerts if alert.severity is alerts[0].severity]
    for kind in _HEADLINE_KINDS:
        for alert in worst:
            if alert.kind is kind:
                return alert
    return worst[0]


_WIN_NOUNS = {
    WinKind.GOAL_ACHIEVED: ("goal achieved", "goals achieved"),
    WinKind.TASK_DONE: ("task done", "tasks done"),
    WinKind.OCCURRENCES_DONE: ("habit kept up", "habits kept up"),
    WinKind.METRIC_IMPROVED: ("metric improved", "metrics improved"),
}


def _wins(wins: Sequence[Win], since: date) -> str:
    if not wins:
        return f"Nothing new to celebrate since {since}."
    counts = Counter(win.kind for win in wins)
    named = []
    for kind, (one, many) in _WIN_NOUNS.items():
        if counts[kind]:
            named.append(f"{counts[kind]} {one if counts[kind] == 1 else many}")
    best = min(wins, key=lambda win: (_rank(win.kind), -win.on.toordinal(), win.subject))
    return f"To celebrate since {since}: {', '.join(named)}, such as {best.message}."


def _rank(kind: WinKind) -> int:
    return list(_WIN_NOUNS).index(kind)


def _satisfaction(found: Satisfaction) -> str:
    if found.latest is None or found.average is None:
        return ""
    text = f"Satisfaction was {found.latest} of 5 on {found.latest_on}"
    counted = min(found.window, found.check_ins)
    if counted > 1:
        text += f", {found.average:.1f} on average over the last {counted} check-ins"
    else:
        text += ", the only check-in so far"
    slope = found.slope_per_month
    if slope is not None:
        trend = "steady" if abs(slope) < 0.05 else "rising" if slope > 0 else "falling"
        text += f", {trend} ({slope:+.2f} a month)"
    return text + "."


def _next(day: date | None) -> str:
    if day is None:
        return "The review cadence has no further date."
    return f"The next review is on {day}."
