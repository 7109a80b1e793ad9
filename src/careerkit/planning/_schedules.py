"""The schedule a planning function works on: the caller's, or computed once."""

from __future__ import annotations

from datetime import date

from careerkit.model import Plan
from careerkit.scheduling import Schedule
from careerkit.scheduling import schedule as compute_schedule
from careerkit.scheduling.given import given_schedule

__all__ = ["schedule_of"]


def schedule_of(
    plan: Plan, *, as_of: date | None, given: object, path: str = "schedule"
) -> Schedule:
    """``given`` if it is a :class:`~careerkit.Schedule` made as of ``as_of``, the
    plan's schedule as of ``as_of`` if it is None; a ValidationError naming
    ``path`` otherwise."""
    checked = given_schedule(given, as_of=as_of, plan=plan, path=path)
    return compute_schedule(plan, as_of=as_of) if checked is None else checked
