"""Plain-text views of tracking: a progress report, slippage alerts, a forecast."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careerkit.career.overview import CareerOverview
from careerkit.model.arguments import checked_instance
from careerkit.planning.alerts import Alert
from careerkit.planning.forecast_results import Forecast, GoalForecast
from careerkit.planning.progress import EarnedValue, GoalProgress, ProgressReport

__all__ = ["alerts_report", "forecast_report", "progress_report"]


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _days(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.0f}"


def _earned(figures: EarnedValue) -> str:
    return (
        f"PV {figures.pv:.1f} h, EV {figures.ev:.1f} h, AC {figures.ac:.1f} h of "
        f"{figures.bac:.1f} h; SPI(t) {_ratio(figures.spi_t)}, "
        f"SV(t) {_days(figures.sv_t)} working days, CPI {_ratio(figures.cpi)}"
    )


def _goal_line(goal: GoalProgress) -> str:
    slack = "" if goal.slack is None else f", slack {goal.slack:+d} working days"
    return (
        f"  {goal.goal}: {goal.percent_complete:.0f}% done of {goal.planned_percent:.0f}% "
        f"planned, grade {goal.grade:.1f}, {goal.health.value.replace('_', ' ')} "
        f"(by {goal.signal.value}){slack}"
    )


def progress_report(report: ProgressReport) -> str:
    """The progress of a plan and of each goal it counts, as lines of text.

    Parameters
    ----------
    report
        What :func:`careerkit.progress` found.

    Examples
    --------
    >>> report = careerkit.progress(sample_plan, as_of=date(2026, 11, 26))
    >>> print(progress_report(report).splitlines()[0])
    Progress as of 2026-11-26: 34% done of 49% planned, grade 0.3, off track (by slack)
    """
    report = checked_instance(report, ProgressReport, "report")
    lines = [
        f"Progress as of {report.as_of}: {report.percent_complete:.0f}% done of "
        f"{report.planned_percent:.0f}% planned, grade {report.grade:.1f}, "
        f"{report.health.value.replace('_', ' ')} (by {report.signal.value})",
        f"  {_earned(report.earned_value)}",
        "Goals:",
    ]
    lines += [_goal_line(goal) for goal in report.goals if goal.counted]
    return "\n".join(lines) + "\n"


def career_report(overview: CareerOverview) -> str:
    """The essentials of the career domain as lines of text (what the review's *Career*
    section says), under a heading with the status date.

    Parameters
    ----------
    overview
        What :func:`careerkit.career_overview` found.

    Examples
    --------
    >>> overview = careerkit.career_overview(sample_plan, as_of=date(2026, 11, 26))
    >>> print(career_report(overview).splitlines()[1])
      Top skill gap for marketing-director-b2b: budget ownership at level 1 of 4 (weight 3); closing it: md-budget-ownership (to level 3, 1 short)
    """
    overview = checked_instance(overview, CareerOverview, "overview")
    lines = [f"Career as of {overview.as_of}:"]
    found = overview.lines()
    lines += [f"  {line.replace('`', '')}" for line in found] or ["  No career parts."]
    return "\n".join(lines) + "\n"


def alerts_report(alerts: Sequence[Alert]) -> str:
    """Slippage alerts as lines of text, in the order given (most severe first, as
    :func:`careerkit.detect_slippage` sorts them), each with its correction.

    Parameters
    ----------
    alerts
        What :func:`careerkit.detect_slippage` raised.

    Examples
    --------
    >>> alerts = careerkit.detect_slippage(sample_plan, as_of=date(2026, 11, 26))
    >>> print(alerts_report(alerts).splitlines()[0])
    26 alerts: 4 critical, 17 warning, 5 info
    >>> print(alerts_report(()), end="")
    No alerts: the plan is on track.
    """
    if isinstance(alerts, str | bytes) or not isinstance(alerts, Sequence):
        checked_instance(alerts, tuple, "alerts")
    for index, alert in enumerate(alerts):
        checked_instance(alert, Alert, f"alerts[{index}]")
    if not alerts:
        return "No alerts: the plan is on track.\n"
    counts = dict.fromkeys(("critical", "warning", "info"), 0)
    for alert in alerts:
        counts[alert.severity.value] += 1
    lines = [
        f"{len(alerts)} alert{'s' if len(alerts) != 1 else ''}: "
        + ", ".join(f"{count} {name}" for name, count in counts.items() if count)
    ]
    for alert in alerts:
        lines.append(f"[{alert.severity.value}] {alert.kind.value} {alert.subject} ({alert.on})")
        lines.append(f"    {alert.message}")
        lines.append(f"    correction: {alert.correction}")
    return "\n".join(lines) + "\n"


def _when(day: date | None) -> str:
    return "-" if day is None else day.isoformat()


def _forecast_line(goal: GoalForecast, as_of: date) -> str:
    if goal.reason is not None and goal.p50 is None:
        return f"  {goal.goal}: no forecast ({goal.reason.value}): {goal.message}"
    if goal.p95 is not None and goal.p95 <= as_of:  # a finish already past is a fact
        return f"  {goal.goal}: its work (habits aside) was done on {goal.p95}"
    chance = "" if goal.probability is None else f", {goal.probability:.0%} on time"
    deadline = "" if goal.deadline is None else f", deadline {goal.deadline}"
    line = (
        f"  {goal.goal}: P50 {_when(goal.p50)}, P85 {_when(goal.p85)}, "
        f"P95 {_when(goal.p95)}{deadline}{chance}"
    )
    metric = goal.metric
    if metric is not None and metric.reaching is not None:
        line += (
            f"; metric on target {metric.reaching} "
            f"(95% {_when(metric.earliest)} to {_when(metric.latest)})"
        )
    return line


def forecast_report(result: Forecast) -> str:
    """A forecast's finish dates per goal and for the plan, as lines of text.

    Parameters
    ----------
    result
        What :func:`careerkit.forecast` found.

    Examples
    --------
    >>> found = careerkit.forecast(sample_plan, as_of=date(2026, 11, 26), seed=1, runs=500)
    >>> print(forecast_report(found).splitlines()[0])
    Forecast as of 2026-11-26 by schedule_risk (500 runs, seed 1)
    """
    result = checked_instance(result, Forecast, "result")
    plan = result.plan
    lines = [
        f"Forecast as of {result.as_of} by {result.method} ({result.runs} runs, seed {result.seed})",
        f"  plan: P50 {_when(plan.p50)}, P85 {_when(plan.p85)}, P95 {_when(plan.p95)}, "
        f"{plan.remaining_hours:.1f} h left",
    ]
    if result.velocity is not None:
        lines.append(f"  velocity: {result.velocity:.2f} earned hours a week")
    lines.append("Goals:")
    lines += [_forecast_line(goal, result.as_of) for goal in result.goals]
    return "\n".join(lines) + "\n"
