"""Effort against capacity: the weekly load of a schedule.

A task's effort is spread evenly over its working days; a milestone's lands
on its day; each occurrence of a habit carries the habit's effort. Weeks run
Monday to Sunday and are named by their Monday. Leveling, which delays work
to keep each week within capacity, lives in
:mod:`careerkit.scheduling.leveling`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from operator import itemgetter

from attrs import frozen

from careerkit.io import result_document
from careerkit.workdays import DayIndex

__all__ = ["TOLERANCE", "WeekLoad", "week_number", "weekly_load"]

_WEEK = timedelta(days=7)
_LAST_MONDAY = date(9999, 12, 27)  # the calendar's last week has no next Monday
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


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


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
    by_week: dict[date, dict[str, float]] = {}
    weeks_of: dict[int, tuple[date, int]] = {}  # many tasks share a first day
    for first, end, effort, task_id in spans:
        if effort <= 0:
            continue
        found = weeks_of.get(first)
        if found is None:
            found = weeks_of[first] = _week_of(days, first)
        week, following = found
        if end <= following:  # most tasks fall within one week (a milestone too): inlined
            tasks = by_week.get(week)
            if tasks is None:
                tasks = by_week[week] = {}
            tasks[task_id] = tasks.get(task_id, 0.0) + effort
            continue
        rate = effort / (end - first)
        _add(by_week, week, task_id, rate * (following - first))
        current = following
        while current < end:  # the following weeks
            found = weeks_of.get(current)
            if found is None:
                found = weeks_of[current] = _week_of(days, current)
            week, following = found
            stop = min(end, following)
            _add(by_week, week, task_id, rate * (stop - current))
            current = stop
    for day, effort, task_id in occurrences:
        if effort > 0:
            _add(by_week, _monday(day), task_id, effort)
    for number, effort, task_id in weeks:
        if effort > 0:
            _add(by_week, date.fromordinal(number * 7 + 1), task_id, effort)
    rounded: dict[float, float] = {}  # the same hours recur in many weeks: round each once
    return tuple(_week_load(week, by_week[week], capacity, rounded) for week in sorted(by_week))


def _add(by_week: dict[date, dict[str, float]], week: date, task_id: str, hours: float) -> None:
    """Add a task's hours to a week."""
    tasks = by_week.get(week)
    if tasks is None:
        tasks = by_week[week] = {}
    tasks[task_id] = tasks.get(task_id, 0.0) + hours


def _week_of(days: DayIndex, index: int) -> tuple[date, int]:
    """The Monday of the week of a working-day index, and the index of the next week."""
    week = _monday(days.date_of(index))
    return week, _next_monday(days, week)


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


def _next_monday(days: DayIndex, week: date) -> int:
    """The working-day index of the week after the one starting on ``week``
    (past the calendar's last day for its last week)."""
    if week >= _LAST_MONDAY:
        return days.boundary_after(date.max)
    return days.index_of(week + _WEEK)
