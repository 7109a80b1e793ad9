"""The thresholds of the career signals: follow-ups, silence, offers, cold relationships."""

from __future__ import annotations

from attrs import frozen

from careerkit.errors import Problem
from careerkit.model import rules

__all__ = ["CareerPolicy"]

_LIMITS: dict[str, dict[str, object]] = {
    "follow_up_notice_days": {"minimum": 0, "integer": True},
    "silent_days": {"minimum": 1, "integer": True},
    "interview_follow_up_days": {"minimum": 0, "integer": True},
    "offer_notice_days": {"minimum": 0, "integer": True},
    "cold_critical_factor": {"minimum": 1},
    "breadth_window_days": {"minimum": 1, "integer": True},
}


@frozen(kw_only=True)
class CareerPolicy:
    """The thresholds of the career signals.

    Parameters
    ----------
    follow_up_notice_days
        A follow-up falling due within this many days raises
        ``follow_up_due``; one past its day raises ``follow_up_overdue``.
    silent_days
        An application with no news (no stage change, no follow-up) for more
        than this many days, while applied or in screening, raises
        ``application_silent``.
    interview_follow_up_days
        An interview with no follow-up this many days after it raises
        ``interview_no_follow_up``.
    offer_notice_days
        An offer whose answer is due within this many days raises
        ``offer_deadline`` (critical on the last day or after it).
    cold_critical_factor
        A relationship is cold once its cadence has passed without contact;
        it is critical once this many cadences have.
    breadth_window_days
        The window of network breadth: a contact counts as active on a day
        when an interaction falls within this many days up to it.

    Raises
    ------
    ValidationError
        A threshold is not a number in its range (the path names the field).

    Examples
    --------
    >>> CareerPolicy(silent_days=14).silent_days
    14
    >>> CareerPolicy(silent_days=0)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: silent_days: must be at least 1, got 0
    """

    follow_up_notice_days: int = 3
    silent_days: int = 21
    interview_follow_up_days: int = 2
    offer_notice_days: int = 7
    cold_critical_factor: float = 2.0
    breadth_window_days: int = 90

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name, limits in _LIMITS.items():
            rules.check_number(problems, name, getattr(self, name), **limits)  # type: ignore[arg-type]
        rules.raise_if_any(problems)
