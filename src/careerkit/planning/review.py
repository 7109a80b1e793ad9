"""The regular career review: progress, alerts, next actions, wins and corrections in one value.

``review()`` schedules the plan once, as of the review's date, and hands
that schedule to every part: :func:`~careerkit.planning.progress.progress`,
:func:`~careerkit.planning.slippage.detect_slippage` (with the progress
report), :func:`~careerkit.planning.actions.next_actions`,
:func:`~careerkit.smart.assess_plan` and a schedule-risk
:func:`~careerkit.planning.forecast.forecast`. From their results it finds
the wins since the last check-in or revision, the suggested course
corrections, the trend of the check-ins and the next review's date, and
writes a summary paragraph. ``Review`` is a JSON document
(``careerkit.json_schema("review")``) and renders as Markdown or plain text.
The user guide is :doc:`/review`.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from careerkit.career.overview import CareerOverview, career_overview
from careerkit.history import History
from careerkit.io import result_document
from careerkit.model import GoalStatus, Plan
from careerkit.model.arguments import checked_instance
from careerkit.model.display import html_of
from careerkit.planning._review_corrections import corrections as find_corrections
from careerkit.planning._review_markdown import markdown, text
from careerkit.planning._review_summary import Parts, next_review, satisfaction, summary
from careerkit.planning._review_values import (
    Correction,
    CorrectionCode,
    ReviewPolicy,
    Satisfaction,
    Win,
    WinKind,
)
from careerkit.planning._review_wins import find_wins, wins_since
from careerkit.planning.actions import NextAction, next_actions
from careerkit.planning.alerts import Alert
from careerkit.planning.forecast import forecast
from careerkit.planning.forecast_results import Forecast
from careerkit.planning.progress import ProgressReport, progress
from careerkit.planning.slippage import detect_slippage
from careerkit.scheduling import schedule
from careerkit.scheduling.given import checked_plan, checked_status_date
from careerkit.smart import SmartAssessment, assess_plan

__all__ = [
    "Correction",
    "CorrectionCode",
    "Review",
    "ReviewPolicy",
    "Satisfaction",
    "Win",
    "WinKind",
    "review",
]


@result_document("review")
@frozen(kw_only=True)
class Review:
    """A plan's review as of a date: what :func:`review` returns.

    .. versionadded:: 0.1.0

    Examples
    --------
    >>> found = review(sample_plan, as_of=date(2026, 11, 26))
    >>> found.report.health, found.alerts[0].kind
    (<Health.OFF_TRACK: 'off_track'>, <AlertKind.BELOW_TRAJECTORY: 'below_trajectory'>)
    >>> found.next_review
    datetime.date(2026, 12, 7)
    """

    plan: str
    """The plan's id."""
    as_of: date
    """The review's date (the status date of every part)."""
    summary: str
    """The review in one paragraph of plain language, the plan's health and why, the most severe alert, what to
    celebrate, the check-ins' trend and the next review."""
    report: ProgressReport
    """The plan's, each goal's and each task's progress and health."""
    alerts: tuple[Alert, ...]
    """The signs of slippage, as :func:`~careerkit.planning.slippage.detect_slippage`
    sorts them (critical first)."""
    next_actions: tuple[NextAction, ...]
    """The tasks ready now, most urgent first."""
    wins_since: date
    """The first day whose wins count."""
    wins: tuple[Win, ...]
    """What to celebrate from ``wins_since`` to ``as_of``, by date."""
    findings: tuple[SmartAssessment, ...]
    """The SMART assessments of the open goals that are not SMART, in plan order."""
    corrections: tuple[Correction, ...]
    """Suggested course corrections, by code then subject."""
    forecast: Forecast
    """The schedule-risk forecast the deadline corrections come from."""
    satisfaction: Satisfaction
    """The trend of the check-ins."""
    next_review: date | None
    """The first date of the review cadence after ``as_of``; None when it ends."""
    career: CareerOverview
    """The career domain as of ``as_of``: the target role's skill gaps, the assets, the
    relationships, the options and the job search (their signals are among ``alerts``)."""

    def _repr_html_(self) -> str | None:
        """The review as an HTML fragment, for notebooks (see
        :func:`careerkit.render.html_tracking.review_html`)."""
        return html_of(self)

    def to_markdown(self) -> str:
        """The review as a Markdown report: headings, lists and a table of goals.

        >>> review(sample_plan, as_of=date(2026, 11, 26)).to_markdown().splitlines()[0]
        '# Review of `maya-okafor-director-plan` as of 2026-11-26'
        """
        return markdown(self)

    def to_text(self) -> str:
        """The review as plain text, the Markdown report's sections without markup.

        >>> review(sample_plan, as_of=date(2026, 11, 26)).to_text().splitlines()[0]
        'Review of maya-okafor-director-plan as of 2026-11-26'
        """
        return text(self)


def review(
    plan: Plan,
    *,
    as_of: date,
    history: History | None = None,
    baseline: Plan | None = None,
    policy: ReviewPolicy | None = None,
) -> Review:
    """Review a plan as of a date: its progress, alerts, next actions, wins and corrections.

    .. versionadded:: 0.1.0

    Parameters
    ----------
    plan
        The plan, with its progress recorded.
    as_of
        The review's date: on or after the plan's start.
    history
        The plan's history: its revisions bound the wins' window and raise
        ``deadline_creep`` alerts.
    baseline
        The plan as agreed: progress is measured against it, and goals
        finishing later than in it raise ``baseline_slip``.
    policy
        The thresholds and the forecast's settings; :class:`ReviewPolicy`'s
        defaults if None.

    Returns
    -------
    Review

    Raises
    ------
    ValidationError
        ``plan`` or ``baseline`` is not a :class:`~careerkit.Plan`, ``as_of``
        not a date on or after the plan's start, ``history`` not a
        :class:`~careerkit.History`, or ``policy`` not a :class:`ReviewPolicy`
        (the path names the argument).

    Examples
    --------
    >>> found = review(sample_plan, as_of=date(2026, 11, 26))
    >>> [(item.code.value, item.subject) for item in found.corrections][:2]
    [('move_deadline', 'digital-marketing-diploma'), ('postpone_task', 'brand-portfolio-site')]
    """
    plan = checked_plan(plan)
    status_date = checked_status_date(plan, as_of)
    assert status_date is not None
    if history is not None:
        checked_instance(history, History, "history")
    if baseline is not None:
        checked_instance(baseline, Plan, "baseline")
    rules = ReviewPolicy() if policy is None else checked_instance(policy, ReviewPolicy, "policy")
    status = schedule(plan, as_of=status_date)
    report = progress(
        plan, as_of=status_date, schedule=status, baseline=baseline, policy=rules.health
    )
    career = career_overview(plan, as_of=status_date, policy=rules.slippage.career)
    alerts = detect_slippage(
        plan,
        as_of=status_date,
        schedule=status,
        baseline=baseline,
        history=history,
        policy=rules.slippage,
        progress=report,
        career=career,
    )
    risk = forecast(
        plan,
        as_of=status_date,
        seed=rules.seed,
        runs=rules.runs,
        schedule=status,
        policy=rules.forecast,
    )
    since = wins_since(plan, as_of=status_date, history=history, policy=rules)
    parts = Parts(
        report=report,
        alerts=alerts,
        wins=find_wins(plan, since=since, as_of=status_date),
        wins_since=since,
        corrections=find_corrections(
            plan, as_of=status_date, report=report, alerts=alerts, forecast=risk
        ),
        satisfaction=satisfaction(plan, as_of=status_date, window=rules.satisfaction_window),
        next_review=next_review(plan, as_of=status_date),
    )
    return Review(
        plan=plan.id,
        as_of=status_date,
        summary=summary(parts),
        report=report,
        alerts=alerts,
        next_actions=next_actions(plan, as_of=status_date, schedule=status),
        wins_since=since,
        wins=tuple(parts.wins),
        findings=_findings(plan, assess_plan(plan, as_of=status_date, schedule=status)),
        corrections=tuple(parts.corrections),
        forecast=risk,
        satisfaction=parts.satisfaction,
        next_review=parts.next_review,
        career=career,
    )


def _findings(plan: Plan, assessments: tuple[SmartAssessment, ...]) -> tuple[SmartAssessment, ...]:
    """The assessments that still stand: of goals neither achieved nor abandoned,
    and not SMART."""
    closed = (GoalStatus.ACHIEVED, GoalStatus.ABANDONED)
    return tuple(
        found
        for found, goal in zip(assessments, plan.goals, strict=True)
        if not found.is_smart and goal.status not in closed
    )
