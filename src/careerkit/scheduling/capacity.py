"""Effort against capacity: the weekly load of a schedule.

A task's effort is spread evenly over its working days; a milestone's lands
on its day; each occurrence of a habit carries the habit's effort. Weeks run
Monday to Sunday and are named by their Monday. Leveling, which delays work
to keep each week within capacity, lives in
:mod:`careerkit.scheduling.leveling`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, timedelta

from attrs import frozen

from careerkit.workdays import DayIndex

__all__ = ["TOLERANCE", "WeekLoad", "week_number", "weekly_load"]

_WEEK = timedelta(days=7)
TOLERANCE = 1e-9
"""Hours within which a load counts as at capacity, not over it."""


@frozen(kw_only=True)
class WeekLoad:
    """The hours of work planned in one week against the weekly capacity.

    Examples
    --------
    >>> week = WeekLoad(week=date(2026, 11, 23), hours=12.5, capacity=10)
    >>> week.overloaded, week.spare
    (True, -2.5)
    """

    week: date
    """The Monday the week starts on."""
    hours: float
    """Hours of work planned in the week."""
    capacity: float
    """Hours available in the week (the plan's weekly capacity)."""

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
    spans: Iterable[tuple[int, int, float]],
    occurrences: Iterable[tuple[date, float]],
    days: DayIndex,
    capacity: float,
    weeks: Iterable[tuple[int, float]] = (),
) -> tuple[WeekLoad, ...]:
    """Hours per week, in date order, for the weeks that have any work.

    ``spans`` are ``(first working-day index, end boundary, hours)``: the
    hours are spread evenly over the working days from the first up to the
    end (excluded); when the two are equal the hours land on that day.
    ``occurrences`` are ``(date, hours)`` of habits; ``weeks`` are
    ``(week number, hours)`` of work placed week by week (leveled).
    """
    hours: dict[date, float] = {}
    changes: dict[int, float] = {}
    mondays: dict[int, date] = {}  # many milestones share a day
    for first, end, effort in spans:
        if effort <= 0:
            continue
        if end <= first:
            week = mondays.get(first)
            if week is None:
                week = mondays[first] = _monday(days.date_of(first))
            hours[week] = hours.get(week, 0.0) + effort
            continue
        rate = effort / (end - first)
        changes[first] = changes.get(first, 0.0) + rate
        changes[end] = changes.get(end, 0.0) - rate
    _sweep(hours, days, changes)
    for day, effort in occurrences:
        if effort > 0:
            week = _monday(day)
            hours[week] = hours.get(week, 0.0) + effort
    for number, effort in weeks:
        if effort > 0:
            week = date.fromordinal(number * 7 + 1)
            hours[week] = hours.get(week, 0.0) + effort
    return tuple(
        WeekLoad(week=week, hours=round(hours[week], 9), capacity=capacity)
        for week in sorted(hours)
    )


def _sweep(hours: dict[date, float], days: DayIndex, changes: dict[int, float]) -> None:
    """Add to ``hours`` the daily rates that ``changes`` starts and stops, week by week.

    The change points come in order, so the week of each is found only when
    the sweep enters a new week, not once per point.
    """
    rate = 0.0
    week, week_end = date.min, -1  # the week the sweep is in, and the index it ends at
    for here, following in itertools.pairwise(sorted(changes)):
        rate += changes[here]
        if rate <= TOLERANCE:
            continue
        current = here
        while current < following:
            if current >= week_end:
                week = _monday(days.date_of(current))
                week_end = days.index_of(week + _WEEK)
            stop = min(following, week_end)
            hours[week] = hours.get(week, 0.0) + rate * (stop - current)
            current = stop
