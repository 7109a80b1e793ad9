"""Effort against capacity: the weekly load of a schedule.

A task's effort is spread evenly over its working days; a milestone's lands
on its day; each occurrence of a habit carries the habit's effort. Weeks run
Monday to Sunday and are named by their Monday. Leveling, which delays work
to keep each week within capacity, lives in
:mod:`careerkit.scheduling.leveling`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from operator import itemgetter

from attrs import frozen

from careerkit.io import result_document
from careerkit.workdays import DayIndex

__all__ = ["TOLERANCE", "WeekLoad", "week_number", "weekly_load"]

_Hours = dict[int, dict[str, float]]  # by week number, the hours of each task id

TOLERANCE = 1e-9
"""Hours within which a load counts as at capacity, not over it."""


@result_document("week_load", properties=("overloaded", "spare"))
@frozen(kw_only=True)
class WeekLoad:
    """The hours of work planned in one week against the weekly capacity.

    Examples
    --------
    >>> week = WeekLoad(week=date(2026, 11, 23), hours=12.5, capacity=10,
    ...                 tasks=(("report", 8.0), ("course", 4.5)))
    >>> week.overloaded, week.spare, week.tasks[0]
    (True, -2.5, ('report', 8.0))
    """

    week: date
    """The Monday the week starts on."""
    hours: float
    """Hours of work planned in the week."""
    capacity: float
    """Hours available in the week (the plan's weekly capacity)."""
    tasks: tuple[tuple[str, float], ...] = ()
    """The tasks (and habits) with hours in the week, as ``(task id, hours)``,
    the heaviest first, then by id.

    .. versionadded:: Unreleased
    """

    @property
    def overloaded(self) -> bool:
        """Whether more work is planned than the capacity allows."""
        return self.hours > self.capacity + TOLERANCE

    @property
    def spare(self) -> float:
        """Capacity left (negative when overloaded)."""
        return self.capacity - self.hours


def week_number(day: date) -> int:
    """A number for the Monday-to-Sunday week of a date (consecutive weeks, consecutive numbers)."""
    return (day.toordinal() - 1) // 7  # date(1, 1, 1) was a Monday


def weekly_load(
    spans: Iterable[tuple[int, int, float, str]],
    occurrences: Iterable[tuple[date, float, str]],
    days: DayIndex,
    capacity: float,
    weeks: Iterable[tuple[int, float, str]] = (),
) -> tuple[WeekLoad, ...]:
    """Hours per week, in date order, for the weeks that have any work, each with
    the tasks that load it.

    ``spans`` are ``(first working-day index, end boundary, hours, task id)``:
    the hours are spread evenly over the working days from the first up to
    the end (excluded); when the two are equal the hours land on that day.
    ``occurrences`` are ``(date, hours, task id)`` of habits; ``weeks`` are
    ``(week number, hours, task id)`` of work placed week by week (leveled).
    """
    by_week = _spread(spans, days)
    for day, effort, task_id in occurrences:
        if effort > 0:
            _add(by_week, week_number(day), task_id, effort)
    for number, effort, task_id in weeks:
        if effort > 0:
            _add(by_week, number, task_id, effort)
    rounded: dict[float, float] = {}  # the same hours recur in many weeks: round each once
    return tuple(
        _week_load(date.fromordinal(week * 7 + 1), by_week[week], capacity, rounded)
        for week in sorted(by_week)
    )


def _add(by_week: _Hours, week: int, task_id: str, hours: float) -> None:
    """Add a task's hours to a week."""
    tasks = by_week.get(week)
    if tasks is None:
        tasks = by_week[week] = {}
    tasks[task_id] = tasks.get(task_id, 0.0) + hours


def _spread(spans: Iterable[tuple[int, int, float, str]], days: DayIndex) -> _Hours:
    """The hours of each task in each week it works in, by week number, from
    ``spans`` as :func:`weekly_load` takes them.

    Many tasks share a first day, and a task running into the next week
    goes on from that week's first day: each of these days is looked up
    once (:func:`_week_of`) and remembered with its week's end and hours.
    """
    by_week: _Hours = {}
    found: dict[int, tuple[int, dict[str, float]]] = {}
    for first, end, effort, task_id in spans:
        if effort <= 0:
            continue
        week = found.get(first)
        if week is None:
            week = found[first] = _week_of(days, first, by_week)
        following, tasks = week
        if end <= following:  # most tasks fall within one week (a milestone too)
            tasks[task_id] = tasks.get(task_id, 0.0) + effort
            continue
        rate = effort / (end - first)
        tasks[task_id] = tasks.get(task_id, 0.0) + rate * (following - first)
        current = following
        while current < end:  # the following weeks
            week = found.get(current)
            if week is None:
                week = found[current] = _week_of(days, current, by_week)
            following, tasks = week
            stop = end if end < following else following
            tasks[task_id] = tasks.get(task_id, 0.0) + rate * (stop - current)
            current = stop
    return by_week


def _week_of(days: DayIndex, index: int, by_week: _Hours) -> tuple[int, dict[str, float]]:
    """The index of the first working day after the week of a working-day index,
    and the hours by task of that week (made empty in ``by_week`` if new)."""
    week = days.week_of(index)
    tasks = by_week.get(week)
    if tasks is None:
        tasks = by_week[week] = {}
    return days.week_start(week + 1), tasks


def _week_load(
    week: date, tasks: dict[str, float], capacity: float, rounded: dict[float, float]
) -> WeekLoad:
    """A week's load from the hours of each task in it, the heaviest first, then by id.

    ``rounded`` remembers the hours already rounded to 9 decimals.
    """
    ordered = sorted(tasks.items())  # by id: a task is in a week once
    ordered.sort(key=itemgetter(1), reverse=True)  # the heaviest first; a stable sort keeps ids
    parts = []
    for task_id, part in ordered:
        shown = rounded.get(part)
        if shown is None:
            shown = rounded[part] = round(part, 9)
        parts.append((task_id, shown))
    return WeekLoad(
        week=week, hours=round(sum(tasks.values()), 9), capacity=capacity, tasks=tuple(parts)
    )
