"""The schedule a planning function works on: the caller's, or computed once."""

from __future__ import annotations

from datetime import date

from careerkit.errors import ValidationError
from careerkit.model import Plan
from careerkit.scheduling import Schedule
from careerkit.scheduling import schedule as compute_schedule

__all__ = ["schedule_of"]


def schedule_of(
    plan: Plan, *, as_of: date | None, given: object, path: str = "schedule"
) -> Schedule:
    """``given`` if it is a :class:`~careerkit.Schedule` made as of ``as_of``, the
    plan's schedule as of ``as_of`` if it is None; a ValidationError naming
    ``path`` otherwise."""
    if given is None:
        return compute_schedule(plan, as_of=as_of)
    if not isinstance(given, Schedule):
        raise ValidationError(
            path=path, problem=f"expected a Schedule or None, got {type(given).__name__}"
        )
    if given.as_of != as_of:
        raise ValidationError(
            path=path, problem=f"a schedule as of {given.as_of}, expected one as of {as_of}"
        )
    return given
