"""Leveling for the one person doing the work: each week within capacity.

Leveling is a serial schedule-generation scheme. Tasks are taken one at a
time in order of priority among those whose predecessors are placed: least
total float of the unleveled schedule first, then earliest start, then id.
Each is placed from the earliest start its predecessors allow, and takes,
week by week, what capacity is left after the work placed before it:

* a week's room is the weekly capacity less the hours already booked in it
  (work done or in progress and habits first, then each task placed);
* a task works at most at its own rate (its effort over its duration, per
  working day) and never more than the room left; it starts on the first
  working day of a week with room, and finishes on the day its effort is
  done, so a task in short weeks takes longer than its duration, never
  less;
* a milestone's effort lands whole on its day, in the first week from its
  earliest start with room for all of it.

So no task takes capacity that a task of higher priority, ready at the
same time, needed, and no week passes the capacity by leveled work: only
weeks already over it by fixed work (done or in progress, habits) stay over
it, with nothing added, and a milestone whose effort alone passes the
capacity keeps its day.

Full weeks are skipped in runs (union-find, with the way shortened on each
search), so a task costs the weeks it works in, not the weeks before them.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from datetime import date

from attrs import frozen

from careerkit.errors import ValidationError
from careerkit.model.network import FF, FS
from careerkit.scheduling._cpm import Links, earliest_start
from careerkit.scheduling.capacity import TOLERANCE
from careerkit.workdays import DayIndex

__all__ = ["Leveled", "Precedence", "Workload", "level"]


class _Weeks:
    """Hours booked per week while leveling, and a fast way past full weeks."""

    def __init__(self, days: DayIndex, booked: dict[int, float], capacity: float) -> None:
        self._days = days
        self.end = days.boundary_after(date.max)
        """The boundary past the calendar's last working day."""
        self._next_open: dict[int, int] = {}
        self.capacity = capacity
        self.load: dict[int, float] = {}
        for week, hours in booked.items():
            self.book(week, hours)

    def of(self, index: int) -> int:
        """The week number of a working-day index."""
        return self._days.week_of(index)

    def first_day(self, week: int) -> int:
        """The working-day index of the first working day in or after a week
        (past the calendar, the boundary after its last day)."""
        return self._days.week_start(week)

    def room(self, week: int) -> float:
        """Hours a week can still take."""
        return self.capacity - self.load.get(week, 0.0)

    def book(self, week: int, hours: float) -> None:
        """Add hours to a week; a week with no room left is skipped from then on."""
        total = self.load.get(week, 0.0) + hours
        self.load[week] = total
        if self.capacity - total <= TOLERANCE:
            self._next_open.setdefault(week, week + 1)

    def open_from(self, week: int) -> int:
        """The first week from ``week`` on with room left."""
        next_open = self._next_open
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


@frozen(kw_only=True)
class Workload:
    """What leveling weighs against the weekly capacity, node by node.

    ``durations`` are working days, ``rates`` hours per working day (a
    milestone's whole effort, on its one day); ``capacity`` is the weekly
    capacity in hours.
    """

    durations: Sequence[int]
    rates: Sequence[float]
    capacity: float


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


@frozen(kw_only=True)
class Leveled:
    """Leveled early boundaries of every node, which milestones sit on the day
    before their start boundary (right after work), and the hours each placed
    node books per week number (nodes with no effort, and fixed ones, book
    none)."""

    es: Sequence[int]
    ef: Sequence[int]
    shifted: Sequence[bool]
    hours: dict[int, list[tuple[int, float]]]


def level(
    links: Precedence, work: Workload, *, booked: dict[int, float], days: DayIndex
) -> Leveled:
    """Early starts and finishes that keep each week's load within capacity.

    ``booked`` holds hours per week number already taken (habits, work done
    or in progress). A milestone that a predecessor's finish pushes past its
    earliest start lands on the day before its start boundary, as in the
    schedule.

    Raises
    ------
    ValidationError
        Leveled work would run past 9999-12-31 (path ``tasks[i]``).
    """
    predecessors, successors, fixed = links.predecessors, links.successors, links.fixed
    priorities = links.priorities
    count = len(work.durations)
    weeks = _Weeks(days, booked, work.capacity)
    es = [0] * count
    ef = [0] * count
    placed: dict[int, list[tuple[int, float]]] = {}
    after_work = [False] * count  # as in careerkit.scheduling._inputs.shifted_milestones
    waiting = [len(links) for links in predecessors]
    ready = [(priorities[node], node) for node in range(count) if waiting[node] == 0]
    heapq.heapify(ready)
    while ready:
        _, node = heapq.heappop(ready)
        pinned = fixed[node]
        if pinned is None:
            _place_node(node, links, work, weeks, (es, ef, after_work, placed))
        else:
            es[node], ef[node] = pinned
            after_work[node] = pinned[1] > pinned[0]
        for after, _, _ in successors[node]:
            waiting[after] -= 1
            if waiting[after] == 0:
                heapq.heappush(ready, (priorities[after], after))
    shifted = [ef[node] == es[node] and done for node, done in enumerate(after_work)]
    return Leveled(es=es, ef=ef, shifted=shifted, hours=placed)


_Placed = tuple[
    list[int], list[int], list[bool], dict[int, list[tuple[int, float]]]
]  # es, ef, whether each node's finish is the end of work, hours booked by node


def _place_node(
    node: int, links: Precedence, work: Workload, weeks: _Weeks, placed: _Placed
) -> None:
    """Place a node whose dates are not facts, from the earliest start its placed
    predecessors allow."""
    es, ef, after_work, hours = placed
    duration, rate = work.durations[node], work.rates[node]
    start, _ = earliest_start(
        node,
        links.earliest[node],
        predecessors=links.predecessors,
        durations=work.durations,
        es=es,
        ef=ef,
    )
    shifted = duration == 0 and _pushed_by_work(node, start, links, ef, after_work)
    es[node], ef[node] = start, start + duration
    if rate > 0:
        found = _place(start, duration, rate, shifted, weeks)
        if found is None:
            raise ValidationError(
                path=f"tasks[{node}]", problem=f"leveled, its work would run past {date.max}"
            )
        es[node], ef[node], hours[node], shifted = found
    after_work[node] = ef[node] > es[node] or shifted


def _pushed_by_work(
    node: int, start: int, links: Precedence, ef: Sequence[int], after_work: Sequence[bool]
) -> bool:
    """Whether the end of work (not ``not_before``, a start, or a milestone on its own
    day) holds a node past its earliest start."""
    return start > links.earliest[node] and any(
        code in (FS, FF) and ef[before] + lag == start and after_work[before]
        for before, code, lag in links.predecessors[node]
    )


def _place(
    start: int, duration: int, rate: float, after_work: bool, weeks: _Weeks
) -> tuple[int, int, list[tuple[int, float]], bool] | None:
    """The boundaries and weekly hours of a node with effort placed from ``start``,
    and whether it is a milestone right after work; None when the calendar ends
    first."""
    if duration == 0:
        return _place_milestone(start, rate, after_work, weeks)
    remaining = rate * duration
    first: int | None = None
    booked: list[tuple[int, float]] = []
    position = start
    while position < weeks.end:
        week = weeks.of(position)
        opened = weeks.open_from(week)
        if opened != week:  # no room there: on to the next week with room
            position = max(position + 1, weeks.first_day(opened))
            continue
        following = weeks.first_day(week + 1)
        can = min(weeks.room(week), rate * (following - position))
        if first is None:
            first = position
        if remaining <= can + TOLERANCE:  # done this week, at its rate
            days_needed = max(1, min(following - position, math.ceil(remaining / rate - 1e-9)))
            weeks.book(week, remaining)
            booked.append((week, remaining))
            return first, position + days_needed, booked, False
        weeks.book(week, can)
        booked.append((week, can))
        remaining -= can
        position = following
    return None


def _place_milestone(
    start: int, effort: float, after_work: bool, weeks: _Weeks
) -> tuple[int, int, list[tuple[int, float]], bool] | None:
    """A milestone's boundary and week: the first week from its day with room for
    its whole effort (its own day when no week could hold it); moved to a later
    week, it sits on that week's first working day."""
    day = start - 1 if after_work else start  # right after work, on that work's last day
    week = weeks.of(day)
    if effort <= weeks.capacity + TOLERANCE:
        while weeks.room(week) + TOLERANCE < effort:
            week = weeks.open_from(week + 1)
            if weeks.first_day(week) >= weeks.end:
                return None
        if week != weeks.of(day):
            start, after_work = weeks.first_day(week), False
    weeks.book(week, effort)
    return start, start, [(week, effort)], after_work
