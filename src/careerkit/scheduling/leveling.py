"""Leveling for the one person doing the work: delays that keep each week within capacity.

Leveling is a serial schedule-generation scheme: tasks are taken in order
of priority (least total float, then earliest start, then id) among those
whose predecessors are placed, and each goes to the earliest start where no
week's load (:mod:`careerkit.scheduling.capacity`) would pass the weekly
capacity. A task fits on its own when its daily hours times
``min(duration, working days in a week)`` is within the capacity; one that
does not fit on its own is placed at its earliest start regardless, as no
delay could help it.

Finding that start costs about the same for every task, however many weeks
before it are taken: weeks that cannot hold a task are skipped in runs
(see ``_Weeks``), so leveling 100,000 tasks takes two to four times as long
as the unleveled schedule (``benchmarks/bench_schedule.py``).
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections.abc import Sequence
from datetime import date

from attrs import frozen

from careerkit.errors import ValidationError
from careerkit.scheduling._cpm import Links, earliest_start
from careerkit.scheduling.capacity import TOLERANCE, week_number
from careerkit.workdays import DayIndex

__all__ = ["Precedence", "Workload", "level"]


class _Weeks:
    """Hours booked per week while leveling, with fast ways past weeks a task cannot use.

    A week's load only grows while leveling, so a week that cannot hold a
    task now never can. Two skip structures (union-find, with the way
    shortened on each search) use that:

    * *full* weeks, kept as they fill: for each rate level (the tasks' daily
      rates, or a ladder below them when there are very many), the weeks
      with less room left than one day at that level;
    * weeks where no task of a given rate level and duration can *start*
      (:meth:`cannot_start`), kept as probes find them: with room for a day
      or two, but not for as much of the task as would have to land there.

    A task tests against the highest level not above its rate, so neither
    structure skips a week the task could use; each week enters each
    structure at most once, so a task costs little however many weeks are
    taken before the one it lands in.
    """

    def __init__(self, days: DayIndex, booked: dict[int, float], work: Workload) -> None:
        self._days = days
        self.end = days.boundary_after(date.max)
        """The boundary past the calendar's last working day."""
        self._last_week = week_number(date.max)
        self._numbers: dict[int, int] = {}
        self._first_days: dict[int, int] = {}
        self.load: dict[int, float] = {}
        self.limit = work.capacity + TOLERANCE
        distinct = {rate for rate in work.rates if rate > 0}
        if len(distinct) > _MOST_LEVELS:
            distinct = {_level(rate) for rate in distinct}
        self._levels = sorted(distinct)
        self._next_open: list[dict[int, int]] = [{} for _ in self._levels]
        self._no_start: dict[tuple[int, int], dict[int, int]] = {}
        for week, hours in booked.items():
            self.book(week, hours)

    def of(self, index: int) -> int:
        """The week number of a working-day index."""
        week = self._numbers.get(index)
        if week is None:
            week = self._numbers[index] = week_number(self._days.date_of(index))
        return week

    def first_day(self, week: int) -> int:
        """The working-day index of the first working day in or after a week."""
        index = self._first_days.get(week)
        if index is None:
            if week > self._last_week:  # past the calendar: no working day there
                index = self.end
            else:
                index = self._days.index_of(date.fromordinal(week * 7 + 1))
            self._first_days[week] = index
        return index

    def spread(self, first: int, end: int) -> list[tuple[int, int]]:
        """``(week, working days)`` for the working days from ``first`` to ``end``."""
        parts = []
        while first < end:
            week = self.of(first)
            following = min(end, self.first_day(week + 1))
            parts.append((week, following - first))
            first = following
        return parts

    def first_over(self, first: int, end: int, rate: float) -> int | None:
        """The first week that ``rate`` hours on each working day from ``first``
        to ``end`` would take over capacity, or ``None`` when all fit.

        The same walk as :meth:`spread`, written out: leveling asks this for
        every candidate start.
        """
        numbers, first_days, load, limit = self._numbers, self._first_days, self.load, self.limit
        while first < end:
            week = numbers.get(first)
            if week is None:
                week = self.of(first)
            following = first_days.get(week + 1)
            if following is None:
                following = self.first_day(week + 1)
            days = (end if end < following else following) - first
            if load.get(week, 0.0) + rate * days > limit:
                return week
            first = following
        return None

    def skips(self, rate: float, duration: int) -> tuple[dict[int, int], dict[int, int]] | None:
        """The full weeks, and the weeks a task cannot start in, at the level of ``rate``,
        for :func:`_first_open`; None when ``rate`` is below every level."""
        level = bisect.bisect_right(self._levels, rate) - 1
        if level < 0:
            return None
        no_start = self._no_start.setdefault((level, duration), {})
        return self._next_open[level], no_start

    def level_of(self, rate: float) -> float:
        """The highest level not above ``rate`` (``rate`` itself when it is one)."""
        return self._levels[bisect.bisect_right(self._levels, rate) - 1]

    def days_free(self, week: int, rate: float) -> int:
        """How many of a week's working days can take ``rate`` more hours each."""
        working = self.first_day(week + 1) - self.first_day(week)
        total, limit = self.load.get(week, 0.0), self.limit
        days = max(0, min(working, math.floor((limit - total) / rate)))
        while days > 0 and total + rate * days > limit:  # the test of first_over, exactly
            days -= 1
        while days < working and total + rate * (days + 1) <= limit:
            days += 1
        return days

    def cannot_start(self, week: int, rate: float, duration: int) -> bool:
        """Whether no task of ``duration`` working days at ``rate`` hours a day (or
        more) can start in a week: the most of it the week can take leaves a
        rest that the following weeks, filled in turn, cannot take."""
        taken = self.days_free(week, rate)
        if taken == 0:
            return True
        rest = duration - taken
        while rest > 0:
            week += 1
            working = self.first_day(week + 1) - self.first_day(week)
            if self.days_free(week, rate) < min(rest, working):
                return True
            rest -= working
        return False

    def book(self, week: int, hours: float) -> None:
        """Add hours to a week."""
        total = self.load.get(week, 0.0) + hours
        self.load[week] = total
        limit = self.limit
        for level, next_open in zip(reversed(self._levels), reversed(self._next_open), strict=True):
            if total + level <= limit:
                break  # room at this level, so at every smaller one too
            next_open.setdefault(week, week + 1)


@frozen(kw_only=True)
class Workload:
    """What leveling weighs against the weekly capacity, node by node.

    ``durations`` are working days, ``rates`` hours per working day (a
    milestone's whole effort, on its one day); ``capacity`` is the weekly
    capacity in hours, ``days_per_week`` the calendar's working days in a
    week.
    """

    durations: Sequence[int]
    rates: Sequence[float]
    capacity: float
    days_per_week: int


@frozen(kw_only=True)
class Precedence:
    """The precedence leveling keeps, node by node.

    ``earliest`` is each node's lowest start, ``fixed`` the ``(es, ef)`` of
    nodes whose dates are facts (None for the others), ``priorities`` the
    keys that order nodes ready at the same time, least first.
    """

    predecessors: Links
    successors: Links
    earliest: Sequence[int]
    fixed: Sequence[tuple[int, int] | None]
    priorities: Sequence[tuple[int, int, str]]


def level(
    links: Precedence, work: Workload, *, booked: dict[int, float], days: DayIndex
) -> tuple[list[int], list[int]]:
    """Early starts and finishes that keep each week's load within capacity.

    ``booked`` holds hours per week number already taken (habits, work done
    or in progress). A milestone that a predecessor's finish pushes past its
    earliest start lands on the day before its start boundary, as in the
    schedule.
    """
    predecessors, successors, fixed = links.predecessors, links.successors, links.fixed
    durations, rates, priorities = work.durations, work.rates, links.priorities
    count = len(durations)
    weeks = _Weeks(days, booked, work)
    es = [0] * count
    ef = [0] * count
    waiting = [len(links) for links in predecessors]
    ready = [(priorities[node], node) for node in range(count) if waiting[node] == 0]
    heapq.heapify(ready)
    most = work.capacity + TOLERANCE
    while ready:
        _, node = heapq.heappop(ready)
        pinned = fixed[node]
        if pinned is not None:
            es[node], ef[node] = pinned
        else:
            start, after_work = earliest_start(
                node,
                links.earliest[node],
                predecessors=predecessors,
                durations=durations,
                es=es,
                ef=ef,
            )
            rate = rates[node]
            duration = durations[node]
            if rate > 0 and rate * min(max(duration, 1), work.days_per_week) <= most:
                shifted_at = start if after_work else None
                start = _first_fit(start, duration, shifted_at, rate, weeks)
                if start + max(duration, 1) > weeks.end:
                    raise ValidationError(
                        path=f"tasks[{node}]",
                        problem=f"leveled, its work would run past {date.max}",
                    )
                footprint = _footprint(start, duration, shifted_at)
                for week, days_there in weeks.spread(footprint.start, footprint.stop):
                    weeks.book(week, rate * days_there)
            es[node] = start
            ef[node] = start + duration
        for after, _, _ in successors[node]:
            waiting[after] -= 1
            if waiting[after] == 0:
                heapq.heappush(ready, (priorities[after], after))
    return es, ef


def _first_open(next_open: dict[int, int], week: int) -> int:
    """The first week from ``week`` on that ``next_open`` does not skip."""
    following = next_open.get(week)
    if following is None:
        return week
    path = []
    while following is not None:
        path.append(week)
        week = following
        following = next_open.get(week)
    for passed in path:  # shorten the way for the next search
        next_open[passed] = week
    return week


def _footprint(start: int, duration: int, shifted_at: int | None) -> range:
    """The working days a node's effort lands on when it starts at ``start``.

    A milestone lands on its day: the one before ``start`` when it starts
    right where a predecessor's finish put it (``shifted_at``).
    """
    if duration:
        return range(start, start + duration)
    day = start - 1 if start == shifted_at else start
    return range(day, day + 1)


_MOST_LEVELS = 256


def _level(rate: float) -> float:
    """A level not above a rate, from a ladder of 16 levels per doubling."""
    return float(2 ** (math.floor(math.log2(rate) * 16) / 16))


def _first_fit(
    start: int,
    duration: int,
    shifted_at: int | None,
    rate: float,
    weeks: _Weeks,
) -> int:
    """The earliest start from ``start`` at which every week stays within capacity."""
    load, limit = weeks.load, weeks.limit
    skips = weeks.skips(rate, duration)
    while True:
        if start + max(duration, 1) > weeks.end:
            return start  # past the calendar's end: the caller refuses it
        first_week = weeks.of(start)
        if skips is not None:
            opened = _open_week(skips, first_week)
            if opened != first_week:  # weeks ahead that this task cannot use
                start = max(start + 1, weeks.first_day(opened))
                continue
        if duration:
            blocked = weeks.first_over(start, start + duration, rate)
        else:
            day = start - 1 if start == shifted_at else start  # as _footprint places it
            blocked = weeks.first_over(day, day + 1, rate)
        if blocked is None:
            return start
        if load.get(blocked, 0.0) + rate > limit:
            # Not even one more day fits in that week: start after it.
            start = max(start + 1, weeks.first_day(blocked + 1))
        elif blocked > first_week:
            # Moving towards a later week only adds days to it: start in it.
            start = max(start + 1, weeks.first_day(blocked))
        else:
            # Only the last days of the first week can hold this rate: start there.
            room = math.floor((limit - load.get(first_week, 0.0)) / rate)
            start = max(start + 1, weeks.first_day(first_week + 1) - room)
        if (
            skips is not None
            and duration > 1
            and weeks.of(start) != first_week
            and weeks.cannot_start(first_week, weeks.level_of(rate), duration)
        ):
            skips[1][first_week] = first_week + 1  # so no later task probes it again


def _open_week(skips: tuple[dict[int, int], dict[int, int]], week: int) -> int:
    """The first week from ``week`` on that neither skip structure skips.

    Full weeks passed are entered among those the task cannot start in too,
    so that the next search crosses a run of both kinds in one step.
    """
    full, no_start = skips
    while True:
        opened = _first_open(full, week)
        if opened != week:
            no_start.setdefault(week, opened)
        following = _first_open(no_start, opened)
        if following == opened:
            return opened
        week = following
