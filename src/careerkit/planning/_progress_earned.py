"""The earned schedule of every goal, without a planned-value curve per goal over all
its descendants' tasks.

A goal's PV curve is the cumulative planned hours, day by day, of its tasks
and those of the child goals it covers. Building that curve for each goal
costs the depth of the goal tree times the tasks and days (a chain of goals,
each the parent of the next, is the worst case). Of two ways, the one whose
estimated work is smaller is taken: each goal's curve is built
(:func:`~careerkit.planning._progress_work.pv_curve`), or one
cumulative structure (a Fenwick tree over the working days) holds the planned
hours of one subtree at a time, the largest child's kept for its parent and
the others' added to it (each task moves O(log goals) times), and the
earned schedule is read from it by a binary search over the days. Both read
the earned schedule with :func:`careerkit.evm.earned_schedule`.

Abbreviations: pv/ev and es (earned schedule) as in :mod:`careerkit.evm`.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from attrs import frozen

from careerkit import evm
from careerkit.model import Plan
from careerkit.planning._progress_tree import GoalTree
from careerkit.planning._progress_work import Work, planned_items, pv_curve
from careerkit.scheduling.planned import PlannedTimes

__all__ = ["Items", "curve_schedule", "day_share", "goal_schedules"]

_Spans = list[tuple[int, int, float]]
_Points = list[tuple[int, float]]


def curve_schedule(curve: Sequence[float], ev: float) -> float | None:
    """The earned schedule of ``ev`` on a PV curve, in days from its first; None
    for an empty curve.

    As :func:`careerkit.evm.earned_schedule` on the whole curve: the days whose
    planned value the EV reaches, found by bisection, plus the share of the next
    day, evm's formula on that one day (so only that day's values are read).
    """
    if not curve:
        return None
    earned = min(ev, curve[-1])
    days = bisect.bisect_right(curve, earned)
    if days == len(curve):
        return float(days)
    return day_share(days, curve[days - 1] if days else 0.0, curve[days], earned)


def day_share(days: int, before: float, after: float, ev: float) -> float:
    """``days`` whole days, plus the share of the next one (planned ``before`` at its
    start, ``after`` at its end) that the EV reaches, by evm's formula on that day."""
    return days + evm.earned_schedule([after - before], ev - before)


def goal_schedules(
    plan: Plan,
    times: PlannedTimes,
    work: Work,
    tree: GoalTree,
    *,
    ev: Mapping[str, float],
    counted_ev: float,
) -> tuple[dict[str, tuple[int, float | None]], tuple[int, float | None]]:
    """Each goal's first planned day (the plan's start without planned hours) and the
    earned schedule of its EV ``ev[goal]``, as :func:`curve_schedule` on its curve;
    and those of the goals the plan counts together, whose EV is ``counted_ev``.
    """
    items = Items.of(plan, times, work, tree)
    spans, points = [], []
    for goal_id in tree.order:
        if goal_id not in tree.left_out:
            spans.extend(items.spans[goal_id])
            points.extend(items.points[goal_id])
    first, curve = pv_curve(spans, points, times.origin)
    counted = first, curve_schedule(curve, counted_ev)
    if items.direct_cost() <= items.subtree_cost():
        return _each_curve(times, tree, items, ev), counted
    read = _Subtrees(tree, items).schedules(ev)
    return {goal_id: read.get(goal_id, (times.origin, None)) for goal_id in tree.order}, counted


@frozen(kw_only=True)
class Items:
    """The planned hours of each goal's own tasks, as spans and points, and the shape of
    its subtree: how many items it holds, its days, its largest child."""

    spans: Mapping[str, _Spans]
    points: Mapping[str, _Points]
    size: Mapping[str, int]
    bounds: Mapping[str, tuple[int, int] | None]
    heavy: Mapping[str, str | None]
    tree: GoalTree

    @classmethod
    def of(cls, plan: Plan, times: PlannedTimes, work: Work, tree: GoalTree) -> Items:
        """The items of every goal of ``tree``."""
        spans: dict[str, _Spans] = {}
        points: dict[str, _Points] = {}
        size: dict[str, int] = {}
        bounds: dict[str, tuple[int, int] | None] = {}
        for goal_id in reversed(tree.order):
            spans[goal_id], points[goal_id] = [], []
            for row in tree.own[goal_id]:
                own_spans, own_points = planned_items(plan, times, work, row)
                spans[goal_id].extend(own_spans)
                points[goal_id].extend(own_points)
            children = tree.children[goal_id]
            found = [_bounds(spans[goal_id], points[goal_id])]
            known = [item for item in found + [bounds[child] for child in children] if item]
            bounds[goal_id] = (
                (min(first for first, _ in known), max(end for _, end in known)) if known else None
            )
            own = len(spans[goal_id]) + len(points[goal_id])
            size[goal_id] = own + sum(size[child] for child in children)
        heavy = {
            goal_id: max(tree.children[goal_id], key=size.__getitem__, default=None)
            for goal_id in tree.order
        }
        return cls(spans=spans, points=points, size=size, bounds=bounds, heavy=heavy, tree=tree)

    def direct_cost(self) -> int:
        """The work of a curve per goal: the items and days of every subtree."""
        days = sum(end - first for first, end in filter(None, self.bounds.values()))
        return sum(self.size.values()) + 2 * days

    def subtree_cost(self) -> int:
        """The work of the cumulative structure: each item moved in and out once per
        subtree it is not kept with, each move O(log days) steps."""
        known = list(filter(None, self.bounds.values()))
        if not known:
            return 0
        days = max(end for _, end in known) - min(first for first, _ in known)
        moves = sum(
            len(self.spans[goal_id])
            + len(self.points[goal_id])
            + sum(self.size[child] for child in children if child != self.heavy[goal_id])
            for goal_id, children in self.tree.children.items()
        )
        return 16 * moves * max(1, days.bit_length())


def _bounds(spans: _Spans, points: _Points) -> tuple[int, int] | None:
    """The first day and the day past the last of some planned hours."""
    if not spans and not points:
        return None
    first = min([start for start, _, _ in spans] + [day for day, _ in points])
    end = max([past for _, past, _ in spans] + [day + 1 for day, _ in points])
    return first, end


def _each_curve(
    times: PlannedTimes, tree: GoalTree, items: Items, ev: Mapping[str, float]
) -> dict[str, tuple[int, float | None]]:
    """Each goal's curve built over its items and those of the children it covers."""
    spans: dict[str, _Spans] = {}
    points: dict[str, _Points] = {}
    found: dict[str, tuple[int, float | None]] = {}
    for goal_id in reversed(tree.order):
        spans[goal_id] = list(items.spans[goal_id])
        points[goal_id] = list(items.points[goal_id])
        for child in tree.children[goal_id]:
            spans[goal_id].extend(spans[child])
            points[goal_id].extend(points[child])
        first, curve = pv_curve(spans[goal_id], points[goal_id], times.origin)
        found[goal_id] = first, curve_schedule(curve, ev[goal_id])
    return found


class _Cumulative:
    """Planned hours by working day, from day ``low``: a range can be added hours a
    day, and the hours up to the end of a day read, each in O(log days)."""

    def __init__(self, low: int, high: int) -> None:
        self.low = low
        self.size = high - low + 2
        self.rates = [0.0] * (self.size + 1)
        self.offsets = [0.0] * (self.size + 1)

    def _add(self, tree: list[float], at: int, value: float) -> None:
        while at <= self.size:
            tree[at] += value
            at += at & -at

    def _sum(self, tree: list[float], at: int) -> float:
        total = 0.0
        while at > 0:
            total += tree[at]
            at -= at & -at
        return total

    def add(self, first: int, past: int, daily: float) -> None:
        """Add ``daily`` hours on each day from ``first`` to ``past - 1``."""
        start, end = first - self.low + 1, past - self.low + 1
        self._add(self.rates, start, daily)
        self._add(self.rates, end, -daily)
        self._add(self.offsets, start, daily * (start - 1))
        self._add(self.offsets, end, -daily * (end - 1))

    def through(self, day: int) -> float:
        """The hours from the first day to the end of ``day``."""
        at = day - self.low + 1
        return self._sum(self.rates, at) * at - self._sum(self.offsets, at)


class _Subtrees:
    """The earned schedule of every goal over one cumulative structure, the largest
    child's hours kept for its parent."""

    def __init__(self, tree: GoalTree, items: Items) -> None:
        self.tree, self.items = tree, items
        known = list(filter(None, items.bounds.values()))
        self.hours = _Cumulative(
            min((first for first, _ in known), default=0), max((end for _, end in known), default=0)
        )
        covered = {child for found in tree.children.values() for child in found}
        self.roots = [goal_id for goal_id in tree.order if goal_id not in covered]
        self.preorder: list[str] = []
        self.begin: dict[str, int] = {}
        self.end: dict[str, int] = {}
        stack = [(root, False) for root in reversed(self.roots)]
        while stack:
            goal_id, closing = stack.pop()
            if closing:
                self.end[goal_id] = len(self.preorder)
                continue
            self.begin[goal_id] = len(self.preorder)
            self.preorder.append(goal_id)
            stack.append((goal_id, True))
            stack.extend((child, False) for child in reversed(tree.children[goal_id]))

    def _move(self, goal_id: str, sign: float) -> None:
        """Add (sign 1) or take away (sign -1) the planned hours of a subtree."""
        for member in self.preorder[self.begin[goal_id] : self.end[goal_id]]:
            self._move_own(member, sign)

    def _move_own(self, goal_id: str, sign: float) -> None:
        """Add or take away the planned hours of a goal's own tasks."""
        for first, past, daily in self.items.spans[goal_id]:
            self.hours.add(first, past, sign * daily)
        for day, hours in self.items.points[goal_id]:
            self.hours.add(day, day + 1, sign * hours)

    def schedules(self, ev: Mapping[str, float]) -> dict[str, tuple[int, float | None]]:
        """The first day and earned schedule of each goal with planned hours."""
        found: dict[str, tuple[int, float | None]] = {}
        stack = [(root, False, False) for root in self.roots]
        while stack:
            goal_id, keep, ready = stack.pop()
            heavy = self.items.heavy[goal_id]
            lights = [child for child in self.tree.children[goal_id] if child != heavy]
            if not ready:
                stack.append((goal_id, keep, True))
                if heavy is not None:
                    stack.append((heavy, True, False))
                stack.extend((child, False, False) for child in lights)
                continue
            for child in lights:
                self._move(child, 1.0)
            self._move_own(goal_id, 1.0)
            span = self.items.bounds[goal_id]
            if span is not None:
                found[goal_id] = span[0], self._earned(span, ev[goal_id])
            if not keep:
                self._move(goal_id, -1.0)
        return found

    def _earned(self, span: tuple[int, int], ev: float) -> float:
        """The earned schedule of ``ev`` over the days of ``span``, as
        :func:`curve_schedule` reads it on the curve of those days."""
        first, end = span
        through = self.hours.through
        if ev >= through(end - 1):
            return float(end - first)
        low, high = first, end - 1  # the first day whose hours pass the EV is in here
        while low < high:
            middle = (low + high) // 2
            if through(middle) > ev:
                high = middle
            else:
                low = middle + 1
        before = through(low - 1) if low > first else 0.0
        return day_share(low - first, before, through(low), ev)
