"""Schedules handed in by a caller, so that one request schedules a plan once.

Functions that need a plan's schedule (:func:`careerkit.next_actions`,
:func:`careerkit.assess_plan`, ...) take ``schedule=``; :func:`given_schedule`
is the one check of such an argument.
"""

from __future__ import annotations

from datetime import date

from careerkit.errors import ValidationError
from careerkit.scheduling.results import Schedule

__all__ = ["given_schedule"]


def given_schedule(
    schedule: object, *, as_of: date | None, path: str = "schedule"
) -> Schedule | None:
    """A caller's schedule, checked: None, or a schedule made as of ``as_of``.

    Parameters
    ----------
    schedule
        What the caller passed: None or a :class:`~careerkit.Schedule`.
    as_of
        The status date the schedule must have been made at.
    path
        The argument's name, for the error.

    Returns
    -------
    Schedule | None
        ``schedule`` itself.

    Raises
    ------
    ValidationError
        ``schedule`` is something else, or a schedule made at another date.

    Examples
    --------
    >>> given_schedule(None, as_of=None) is None
    True
    >>> given_schedule("soon", as_of=None)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: schedule: expected a Schedule or None, got str
    """
    if schedule is None:
        return None
    if not isinstance(schedule, Schedule):
        raise ValidationError(
            path=path, problem=f"expected a Schedule or None, got {type(schedule).__name__}"
        )
    if schedule.as_of != as_of:
        raise ValidationError(
            path=path, problem=f"a schedule as of {schedule.as_of}, expected one as of {as_of}"
        )
    return schedule
