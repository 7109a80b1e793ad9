"""The plans of a history read from its stored form, rebuilt from the changes when asked for.

A history read back (:meth:`careerkit.History.loads`) holds its first and
latest plans; each revision in between holds a :class:`PlanOf`, which asks
the history's :class:`RebuiltPlans` for its plan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from attrs import frozen

from careerkit.history.changes import Change, replay
from careerkit.model import Plan

__all__ = ["PlanOf", "RebuiltPlans"]

_KEPT = 8
"""How many of the plans it rebuilt last a history read from its stored form keeps."""
_STOPS = 16
"""How many evenly spaced plans it keeps, built as replays pass them."""


class RebuiltPlans:
    """The plans of a history read from its stored form, rebuilt from the changes.

    It holds the first and latest plans, each revision's changes (the tuples
    the revisions hold), the last few plans it rebuilt and a few plans at
    evenly spaced revisions (stops), each built when a replay first passes
    it. Revision ``n``'s plan replays the changes from the nearest earlier
    plan it holds: reading the revisions in order costs one step each, in
    any other order at most the changes between two stops, and memory stays
    that of the stored form plus a bounded number of plans.
    """

    __slots__ = ("_changes", "_first", "_latest", "_recent", "_spacing", "_stops")

    def __init__(self, first: Plan, latest: Plan, changes: Sequence[tuple[Change, ...]]) -> None:
        self._first = first
        self._latest = latest
        self._changes = tuple(changes)
        self._spacing = max(1, -(-len(self._changes) // _STOPS))
        # Both are replaced, never changed in place: a thread reading one
        # while another rebuilds a plan sees a whole, if older, value.
        self._recent: tuple[tuple[int, Plan], ...] = ()
        self._stops: dict[int, Plan] = {0: first}

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._first, self._latest, self._changes))

    def source(self, number: int) -> Plan | Callable[[], Plan]:
        """What revision ``number`` holds: the first or latest plan, else a builder."""
        if number == 0:
            return self._first
        if number == len(self._changes) - 1:
            return self._latest
        return PlanOf(plans=self, number=number)

    def plan(self, number: int) -> Plan:
        """Revision ``number``'s plan (a middle one)."""
        recent, stops = self._recent, self._stops
        base_number = number - number % self._spacing
        while base_number not in stops:
            base_number -= self._spacing
        base = stops[base_number]
        if base_number == number:
            return base
        for built, plan in recent:
            if built == number:
                return plan
            if base_number < built < number:
                base_number, base = built, plan
        for stop in range(
            base_number - base_number % self._spacing + self._spacing, number, self._spacing
        ):
            base = replay(base, self._changes[base_number + 1 : stop + 1])
            base_number = stop
            self._stops = stops = {**stops, stop: base}
        plan = replay(base, self._changes[base_number + 1 : number + 1])
        self._recent = (*recent[len(recent) - _KEPT + 1 :], (number, plan))
        return plan


@frozen
class PlanOf:
    """Builds the plan of one revision of a history read from its stored form."""

    plans: RebuiltPlans
    number: int

    def __call__(self) -> Plan:
        return self.plans.plan(self.number)
