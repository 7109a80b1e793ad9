"""Schedules handed in by a caller, so that one request schedules a plan once.

Functions that need a plan's schedule (:func:`careerkit.next_actions`,
:func:`careerkit.assess_plan`, ...) take ``schedule=``; :func:`given_schedule`
is the one check of such an argument. :func:`checked_plan` and
:func:`checked_status_date` check the plan and status date that every
function of a scheduled plan takes.
"""

from __future__ import annotations

from datetime import date

from careerkit.errors import ValidationError
from careerkit.model import Plan
from careerkit.model.arguments import checked_as_of, checked_instance
from careerkit.scheduling.results import Schedule

__all__ = ["checked_plan", "checked_status_date", "given_schedule"]


def checked_plan(plan: object, path: str = "plan") -> Plan:
    """``plan`` if it is a :class:`~careerkit.Plan`; a ValidationError naming ``path`` if not.

    >>> checked_plan({"id": "p"})
    Traceback (most recent call last):
    careerkit.errors.ValidationError: plan: expected a Plan, got dict
    """
    return checked_instance(plan, Plan, path)


def checked_status_date(plan: Plan, as_of: object, *, optional: bool = False) -> date | None:
    """``as_of`` if it is a date on or after the plan's start (or None when ``optional``).

    A status date before the plan's start is refused: nothing of the plan
    can have happened by then.

    >>> from datetime import datetime
    >>> checked_status_date(sample_plan, datetime(2026, 2, 1, 9))
    Traceback (most recent call last):
    careerkit.errors.ValidationError: as_of: expected a date, got datetime
    """
    status_date = checked_as_of(as_of, optional=optional)
    if status_date is not None and status_date < plan.start:
        raise ValidationError(
            path="as_of", problem=f"{status_date} is before the plan's start {plan.start}"
        )
    return status_date


def given_schedule(
    schedule: object, *, as_of: date | None, plan: Plan | None = None, path: str = "schedule"
) -> Schedule | None:
    """A caller's schedule, checked: None, or a schedule made as of ``as_of``
    (of ``plan``'s tasks, when a plan is given).

    Parameters
    ----------
    schedule
        What the caller passed: None or a :class:`~careerkit.Schedule`.
    as_of
        The status date the schedule must have been made at.
    plan
        The plan it must have been made of: it must schedule exactly the
        plan's tasks.
    path
        The argument's name, for the error.

    Returns
    -------
    Schedule | None
        ``schedule`` itself.

    Raises
    ------
    ValidationError
        ``schedule`` is something else, a schedule made at another date,
        or one of other tasks than the plan's.

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
    if plan is not None:
        missing = next((task.id for task in plan.tasks if task.id not in schedule), None)
        if missing is not None or len(schedule) != len(plan.tasks):
            what = f"task {missing!r}" if missing is not None else "tasks"
            raise ValidationError(
                path=path, problem=f"a schedule of another plan: it lacks or adds {what}"
            )
    return schedule
