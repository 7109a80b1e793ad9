"""The planned dates progress is measured against: the plan's own, or a baseline's.

With a baseline, each task it has takes the baseline's planned dates and
occurrences (moved onto the plan's calendar when the calendars differ, keeping
its planned length in working days); a task added since takes the plan's own.
"""

from __future__ import annotations

from careerkit.errors import ValidationError
from careerkit.model import Plan
from careerkit.model.arguments import checked_instance
from careerkit.scheduling import Schedule
from careerkit.scheduling.planned import PlannedTimes, planned_times

__all__ = ["planned_for"]


def planned_for(plan: Plan, baseline: object, status: Schedule | None = None) -> PlannedTimes:
    """The planned times of the plan's tasks: the baseline's where it has the task.

    ``status``, a schedule of the plan, lends its habits' occurrences to the
    plan's own planned times where they cover the same days.
    """
    if baseline is None:
        return planned_times(plan, schedule=status)
    base = checked_instance(baseline, Plan, "baseline")
    if base.id != plan.id:
        raise ValidationError(
            path="baseline", problem=f"a baseline of plan {base.id!r}, not of {plan.id!r}"
        )
    planned = planned_times(base)
    rows = {task_id: row for row, task_id in enumerate(planned.ids)}
    own = None if all(task.id in rows for task in plan.tasks) else planned_times(plan)
    days = planned.days if base.calendar == plan.calendar else (own or planned_times(plan)).days
    es, ef, shifted, occurrences = [], [], [], {}
    for row, task in enumerate(plan.tasks):
        source, at = (planned, rows[task.id]) if task.id in rows else (own, row)
        assert source is not None
        start, finish = source.es[at], source.ef[at]
        if source.days is not days:  # another calendar: the same dates on the plan's
            start = days.index_of(source.days.date_of(start))
            finish = start + (source.ef[at] - source.es[at])
        es.append(start)
        ef.append(finish)
        shifted.append(source.shifted[at])
        if at in source.occurrences:
            occurrences[row] = source.occurrences[at]
    return PlannedTimes(
        days=days,
        origin=days.index_of(plan.start),
        ids=tuple(task.id for task in plan.tasks),
        es=es,
        ef=ef,
        occurrences=occurrences,
        shifted=shifted,
    )
