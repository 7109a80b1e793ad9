"""Habits in a schedule: the occurrences of every recurring task, within a budget.

Each rule is expanded by :func:`careerkit.occurrences`, which refuses a rule
with more than :data:`~careerkit.MAX_OCCURRENCES` occurrences in its window;
a plan's habits together may have at most :data:`MAX_PLAN_OCCURRENCES`, so
that the work of a schedule follows the size of the plan, not the number of
rules times the years they run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from careerkit.errors import ValidationError
from careerkit.model import Status
from careerkit.recurrence import occurrences
from careerkit.scheduling._inputs import Inputs

__all__ = ["MAX_PLAN_OCCURRENCES", "habit_dates"]

MAX_PLAN_OCCURRENCES = 100_000
"""The most occurrences a plan's habits may have in all, in one schedule."""

_DROPPED = Status.DROPPED


def habit_dates(
    inputs: Inputs,
    es: Sequence[int],
    finish_boundary: int,
    known: Mapping[int, tuple[date, tuple[date, ...]]] | None = None,
) -> dict[int, tuple[date, ...]]:
    """The occurrences of each habit, from its start to its goal's deadline.

    Without a deadline, a habit runs to the end of the plan's work. ``known``
    holds, by node, occurrences already expanded from a start date to the
    goal's deadline: taken as they are when the habit starts on that date and
    its goal has a deadline (the same rule over the same days).

    Raises
    ------
    ValidationError
        A habit's rule has too many occurrences, or the plan's habits more
        than :data:`MAX_PLAN_OCCURRENCES` in all, named by the path of the
        habit that passes the budget.
    """
    days = inputs.days
    found = {}
    total = 0
    for node, task in enumerate(inputs.plan.tasks):
        if task.recurrence is None or task.status is _DROPPED:
            continue
        start = days.date_of(es[node])
        end = inputs.deadlines.get(task.goal)
        if end is None:
            end = days.date_of(max(finish_boundary - 1, es[node]))
        reused = None if known is None or task.goal not in inputs.deadlines else known.get(node)
        try:
            if reused is not None and reused[0] == start:
                found[node] = reused[1]
            else:
                found[node] = occurrences(task.recurrence, start=start, end=end)
        except ValidationError as exc:
            raise exc.prefixed(f"tasks[{node}]") from exc
        total += len(found[node])
        if total > MAX_PLAN_OCCURRENCES:
            raise ValidationError(
                path=f"tasks[{node}].recurrence",
                problem=f"the plan's habits have more than {MAX_PLAN_OCCURRENCES} "
                "occurrences in all by this one",
            )
    return found
