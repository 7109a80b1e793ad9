"""Habits in a schedule: the occurrences of every recurring task, within a budget.

Each rule is expanded by :func:`careerkit.occurrences`, which refuses a rule
with more than :data:`~careerkit.MAX_OCCURRENCES` occurrences in its window;
a plan's habits together may have at most :data:`MAX_PLAN_OCCURRENCES`, so
that the work of a schedule follows the size of the plan, not the number of
rules times the years they run. The budget is checked before any rule is
expanded for its dates: a rule without ``BY`` parts is counted by arithmetic
on its window (``careerkit.recurrence.count_occurrences``), and only other
rules are expanded to be counted, so that a plan whose habits pass the
budget is refused at the cost of counting, not of expanding them all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from careerkit.errors import ValidationError
from careerkit.model import Status
from careerkit.recurrence import count_occurrences, occurrences
from careerkit.scheduling._inputs import Inputs

__all__ = ["MAX_PLAN_OCCURRENCES", "habit_dates"]

MAX_PLAN_OCCURRENCES = 100_000
"""The most occurrences a plan's habits may have in all, in one schedule."""

_DROPPED = Status.DROPPED

_Window = tuple[str, date, date]
"""A habit's rule, and the first and the last day it may fall on."""


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
    windows = _windows(inputs, es, finish_boundary)
    found = _reused(inputs, windows, known)
    total = 0
    for node, (rule, start, end) in windows.items():
        count = len(found[node]) if node in found else None
        try:
            if count is None:
                count = count_occurrences(rule, start=start, end=end)
            if count is None:  # counted by expanding it
                found[node] = occurrences(rule, start=start, end=end)
                count = len(found[node])
        except ValidationError as exc:
            raise exc.prefixed(f"tasks[{node}]") from exc
        total += count
        if total > MAX_PLAN_OCCURRENCES:
            raise ValidationError(
                path=f"tasks[{node}].recurrence",
                problem=f"the plan's habits have more than {MAX_PLAN_OCCURRENCES} "
                "occurrences in all by this one",
            )
    return {
        node: found[node] if node in found else _expanded(node, windows[node]) for node in windows
    }


def _windows(inputs: Inputs, es: Sequence[int], finish_boundary: int) -> dict[int, _Window]:
    """The rule and days of each habit that is not dropped, by node."""
    days = inputs.days
    windows = {}
    for node, task in enumerate(inputs.plan.tasks):
        if task.recurrence is None or task.status is _DROPPED:
            continue
        start = days.date_of(es[node])
        end = inputs.deadlines.get(task.goal)
        if end is None:
            end = days.date_of(max(finish_boundary - 1, es[node]))
        windows[node] = task.recurrence, start, end
    return windows


def _reused(
    inputs: Inputs,
    windows: Mapping[int, _Window],
    known: Mapping[int, tuple[date, tuple[date, ...]]] | None,
) -> dict[int, tuple[date, ...]]:
    """The known occurrences of habits that start on the same day, under a deadline."""
    if known is None:
        return {}
    tasks, deadlines = inputs.plan.tasks, inputs.deadlines
    return {
        node: known[node][1]
        for node, (_, start, _) in windows.items()
        if tasks[node].goal in deadlines and node in known and known[node][0] == start
    }


def _expanded(node: int, window: _Window) -> tuple[date, ...]:
    """The occurrences of a habit whose rule was counted without expanding it."""
    rule, start, end = window
    try:
        return occurrences(rule, start=start, end=end)
    except ValidationError as exc:
        raise exc.prefixed(f"tasks[{node}]") from exc
