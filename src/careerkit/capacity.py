"""Effort against capacity: weekly load, and leveling for the one person doing the work.

A task's effort is spread evenly over its working days; a milestone's lands
on its day; each occurrence of a habit carries the habit's effort. Weeks run
Monday to Sunday and are named by their Monday.

Leveling is a serial schedule-generation scheme: tasks are taken in order
of priority (least total float, then earliest start, then id) among those
whose predecessors are placed, and each goes to the earliest start where no
week's load would pass the weekly capacity. A task fits on its own when its
daily hours times ``min(duration, working days in a week)`` is within the
capacity; one that does not fit on its own is placed at its earliest start
regardless, as no delay could help it.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from attrs import frozen

from careerkit._cpm import Links
from careerkit._precedence import FF, FS, SS
from careerkit.workdays import DayIndex

__all__ = ["WeekLoad", "level", "weekly_load"]

_WEEK = timedelta(days=7)
_TOLERANCE = 1e-9


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
        return self.hours > self.capacity + _TOLERANCE

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
) -> tuple[WeekLoad, ...]:
    """Hours per week, in date order, for the weeks that have any work.

    ``spans`` are ``(first working-day index, end boundary, hours)``: the
    hours are spread evenly over the working days from the first up to the
    end (excluded); when the two are equal the hours land on that day.
    ``occurrences`` are ``(date, hours)`` of habits.
    """
    hours: dict[date, float] = {}
    changes: dict[int, float] = {}
    for first, end, effort in spans:
        if effort <= 0:
            continue
        if end <= first:
            week = _monday(days.date_of(first))
            hours[week] = hours.get(week, 0.0) + effort
            continue
        rate = effort / (end - first)
        changes[first] = changes.get(first, 0.0) + rate
        changes[end] = changes.get(end, 0.0) - rate
    rate = 0.0
    points = sorted(changes)
    for here, following in itertools.pairwise(points):
        rate += changes[here]
        if rate > _TOLERANCE:
            _spread(hours, days, here, following, rate)
    for day, effort in occurrences:
        if effort > 0:
            week = _monday(day)
            hours[week] = hours.get(week, 0.0) + effort
    return tuple(
        WeekLoad(week=week, hours=round(hours[week], 9), capacity=capacity)
        for week in sorted(hours)
    )


def _spread(hours: dict[date, float], days: DayIndex, first: int, end: int, rate: float) -> None:
    """Add ``rate`` hours for each working day from ``first`` to ``end``, week by week."""
    current = first
    while current < end:
        week = _monday(days.date_of(current))
        week_end = min(end, days.index_of(week + _WEEK))
        hours[week] = hours.get(week, 0.0) + rate * (week_end - current)
        current = week_end


class _WeekNumbers:
    """Week numbers of working-day indexes, computed once per index."""

    def __init__(self, days: DayIndex) -> None:
        self._days = days
        self._cache: dict[int, int] = {}

    def __call__(self, index: int) -> int:
        week = self._cache.get(index)
        if week is None:
            week = week_number(self._days.date_of(index))
            self._cache[index] = week
        return week


def level(
    predecessors: Links,
    successors: Links,
    durations: Sequence[int],
    earliest: Sequence[int],
    fixed: Sequence[tuple[int, int] | None],
    rates: Sequence[float],
    priorities: Sequence[tuple[int, int, str]],
    booked: dict[int, float],
    days: DayIndex,
    capacity: float,
    days_per_week: int,
) -> tuple[list[int], list[int]]:
    """Early starts and finishes that keep each week's load within capacity.

    ``rates`` are hours per working day (a milestone's whole effort, on its
    one day); ``booked`` holds hours per week number already taken (habits,
    work done or in progress). A milestone that a predecessor's finish
    pushes past its earliest start lands on the day before its start
    boundary, as in the schedule.
    """
    count = len(durations)
    weeks = _WeekNumbers(days)
    load = dict(booked)
    es = [0] * count
    ef = [0] * count
    waiting = [len(links) for links in predecessors]
    ready = [(priorities[node], node) for node in range(count) if waiting[node] == 0]
    heapq.heapify(ready)
    while ready:
        _, node = heapq.heappop(ready)
        pinned = fixed[node]
        if pinned is not None:
            es[node], ef[node] = pinned
        else:
            start, after_work = _precedence_start(node, predecessors, durations, earliest, es, ef)
            rate = rates[node]
            duration = durations[node]
            fits = rate * min(max(duration, 1), days_per_week) <= capacity + _TOLERANCE
            if rate > 0 and fits:
                shifted_at = start if after_work else None
                start = _first_fit(start, duration, shifted_at, rate, load, weeks, capacity)
                for index in _footprint(start, duration, shifted_at):
                    week = weeks(index)
                    load[week] = load.get(week, 0.0) + rate
            es[node] = start
            ef[node] = start + duration
        for after, _, _ in successors[node]:
            waiting[after] -= 1
            if waiting[after] == 0:
                heapq.heappush(ready, (priorities[after], after))
    return es, ef


def _precedence_start(
    node: int,
    predecessors: Links,
    durations: Sequence[int],
    earliest: Sequence[int],
    es: Sequence[int],
    ef: Sequence[int],
) -> tuple[int, bool]:
    """The earliest start after the placed predecessors, and whether a
    predecessor's finish (not a lower bound or a start) sets it."""
    duration = durations[node]
    start = earliest[node]
    by_finish = False
    for before, code, lag in predecessors[node]:
        if code == FS:
            bound = ef[before] + lag
        elif code == SS:
            bound = es[before] + lag
        elif code == FF:
            bound = ef[before] + lag - duration
        else:  # SF
            bound = es[before] + lag - duration
        if bound > start:
            start, by_finish = bound, code in (FS, FF)
        elif bound == start and code in (FS, FF) and start > earliest[node]:
            by_finish = True
    return start, by_finish


def _footprint(start: int, duration: int, shifted_at: int | None) -> range:
    """The working days a node's effort lands on when it starts at ``start``.

    A milestone lands on its day: the one before ``start`` when it starts
    right where a predecessor's finish put it (``shifted_at``).
    """
    if duration:
        return range(start, start + duration)
    day = start - 1 if start == shifted_at else start
    return range(day, day + 1)


def _first_fit(
    start: int,
    duration: int,
    shifted_at: int | None,
    rate: float,
    load: dict[int, float],
    weeks: _WeekNumbers,
    capacity: float,
) -> int:
    """The earliest start from ``start`` at which every week stays within capacity."""
    limit = capacity + _TOLERANCE
    while True:
        needed: dict[int, float] = {}
        for index in _footprint(start, duration, shifted_at):
            week = weeks(index)
            needed[week] = needed.get(week, 0.0) + rate
        blocked = next(
            (week for week, extra in needed.items() if load.get(week, 0.0) + extra > limit), None
        )
        if blocked is None:
            return start
        if load.get(blocked, 0.0) + rate > limit:
            # Not even one more day fits in that week: start after it.
            start += 1
            while weeks(start) <= blocked:
                start += 1
        else:
            start += 1
