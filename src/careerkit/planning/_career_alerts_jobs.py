"""Alerts about job applications: silence, interviews not followed up, offers to answer.

Each comes from the open applications of
:func:`careerkit.career.jobsearch.job_search`, as of the status date, and is
about one application (its id is the subject).
"""

from __future__ import annotations

from datetime import date, timedelta

from careerkit.career.jobsearch import ActiveApplication, job_search
from careerkit.career.overview import CareerOverview
from careerkit.career.policy import CareerPolicy
from careerkit.model import Plan, Stage
from careerkit.model.arguments import checked_instance
from careerkit.planning._situation import counted
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity

__all__ = ["job_alerts"]

_WAITING = (Stage.APPLIED, Stage.SCREENING)
"""The stages where the next move is the employer's."""


def job_alerts(
    plan: Plan, *, as_of: date, policy: CareerPolicy, overview: CareerOverview | None = None
) -> list[Alert]:
    """``application_silent``, ``interview_no_follow_up`` and ``offer_deadline`` alerts
    of a plan as of a date, sorted as alerts are (severity, date, subject, kind); read
    from ``overview`` (the plan's, as of the date) when it is given."""
    checked_instance(policy, CareerPolicy, "policy")
    search = job_search(plan, as_of=as_of) if overview is None else overview.job_search
    found = [
        alert
        for entry in search.active
        for check in (_silent, _no_follow_up, _offer)
        if (alert := check(entry, policy)) is not None
    ]
    return sorted(found, key=lambda alert: alert.sort_key)


def _named(entry: ActiveApplication) -> str:
    return f"`{entry.application}` ({entry.title} at {entry.employer})"


def _silent(entry: ActiveApplication, policy: CareerPolicy) -> Alert | None:
    """Applied or in screening, and no news for longer than ``silent_days``."""
    if entry.stage not in _WAITING or entry.days_since_news <= policy.silent_days:
        return None
    return Alert(
        kind=AlertKind.APPLICATION_SILENT,
        severity=AlertSeverity.WARNING,
        subject=entry.application,
        on=entry.last_news + timedelta(days=policy.silent_days),
        message=(
            f"{_named(entry)} has had no news for {counted(entry.days_since_news, 'day')}, "
            f"since {entry.last_news} ({entry.stage.value}): longer than "
            f"{counted(policy.silent_days, 'day')}"
        ),
        evidence={
            "stage": entry.stage.value,
            "last_news": entry.last_news,
            "days_silent": entry.days_since_news,
        },
        correction=(
            f"follow up with {entry.employer} on the {entry.title} application and record "
            "the day in its follow-ups, or withdraw it"
        ),
    )


def _no_follow_up(entry: ActiveApplication, policy: CareerPolicy) -> Alert | None:
    """An interview with no follow-up since, more than ``interview_follow_up_days`` ago."""
    if (
        entry.stage is not Stage.INTERVIEW
        or entry.followed_up_in_stage
        or entry.days_in_stage <= policy.interview_follow_up_days
    ):
        return None
    return Alert(
        kind=AlertKind.INTERVIEW_NO_FOLLOW_UP,
        severity=AlertSeverity.WARNING,
        subject=entry.application,
        on=entry.since + timedelta(days=policy.interview_follow_up_days),
        message=(
            f"{_named(entry)} had an interview on {entry.since}, "
            f"{counted(entry.days_in_stage, 'day')} ago, and no follow-up since"
        ),
        evidence={"interview_on": entry.since, "days_since": entry.days_in_stage},
        correction=(
            f"send {entry.employer} a thank-you note that restates your fit for the "
            f"{entry.title} role, and record it in the application's follow-ups"
        ),
    )


def _offer(entry: ActiveApplication, policy: CareerPolicy) -> Alert | None:
    """An offer to answer within ``offer_notice_days``: critical on the day or after it."""
    deadline, left = entry.offer_deadline, entry.offer_days_left
    if deadline is None or left is None or left > policy.offer_notice_days:
        return None
    if left > 0:
        when = f"in {counted(left, 'day')}"
        correction = f"decide on {entry.employer}'s offer and answer by {deadline}"
    elif left == 0:
        when = "today"
        correction = f"answer {entry.employer}'s offer today, or ask for more time"
    else:
        when = f"{counted(-left, 'day')} ago"
        correction = (
            f"ask {entry.employer} whether the offer still stands, or record the "
            "application as withdrawn"
        )
    return Alert(
        kind=AlertKind.OFFER_DEADLINE,
        severity=AlertSeverity.CRITICAL if left <= 0 else AlertSeverity.WARNING,
        subject=entry.application,
        on=deadline,
        message=f"{_named(entry)}: the offer is to be answered by {deadline}, {when}",
        evidence={"offer_deadline": deadline, "days_left": left},
        correction=correction,
    )
