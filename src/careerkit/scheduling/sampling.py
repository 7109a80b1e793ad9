"""Goal finishes of a plan's network under other task durations, for Monte Carlo forecasts.

A :class:`SampledNetwork` reads a plan once at a status date (the same
reading :func:`careerkit.schedule` makes: links and lags, ``not_before``,
work done and in progress at its actual dates) and then answers, for any
durations of the *uncertain* tasks (those with a three-point estimate that
are still to do or in progress), when each goal's work finishes. Each
answer is one forward pass of the critical-path method over the nodes the
uncertain tasks can move; the rest keep the times of the schedule.

A goal's finish is that of :class:`careerkit.GoalSchedule`: the end of its
last task, its child goals' tasks included, habits and dropped tasks left
out. Finishes are working-day boundaries (see
``careerkit.scheduling._cpm``); :meth:`SampledNetwork.finish_date`
turns one into the goal's inclusive finish date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from attrs import frozen

from careerkit.model import Plan, Status, Task
from careerkit.scheduling import _cpm, _report
from careerkit.scheduling._inputs import Inputs, _actual

__all__ = ["SampledNetwork", "Uncertain", "upward"]

_DONE, _DROPPED, _IN_PROGRESS = Status.DONE, Status.DROPPED, Status.IN_PROGRESS


@frozen(kw_only=True)
class Uncertain:
    """A task whose duration is sampled: its node and its three-point estimate
    (working days), and whether it is in progress (then only the share left
    of a sampled duration remains to do).

    >>> Uncertain(task="t", node=0, optimistic=2, likely=3, pessimistic=6, in_progress=False).likely
    3
    """

    task: str
    node: int
    optimistic: int
    likely: int
    pessimistic: int
    in_progress: bool


class SampledNetwork:
    """A plan's precedence network at a status date, ready for many forward passes.

    .. versionadded:: 0.1.0

    Parameters
    ----------
    plan
        The plan (checked by the caller).
    as_of
        The status date: work done and in progress keeps its actual dates,
        and nothing else starts before it.

    Examples
    --------
    >>> network = SampledNetwork(sample_plan, date(2026, 11, 26))
    >>> finishes = network.finishes({})  # every task at its planned duration
    >>> network.finish_date("digital-marketing-diploma", finishes["digital-marketing-diploma"])
    datetime.date(2027, 1, 25)
    """

    def __init__(self, plan: Plan, as_of: date) -> None:
        inputs = Inputs.of(plan, as_of)
        self._inputs = inputs
        self._status_day = inputs.days.index_of(as_of)
        self._end = inputs.days.boundary_after(date.max)
        self._es, self._ef = _cpm.forward(
            inputs.network.predecessors,
            inputs.order,
            inputs.durations,
            inputs.earliest,
            inputs.fixed,
        )
        self.uncertain: tuple[Uncertain, ...] = tuple(
            Uncertain(
                task=task.id,
                node=node,
                optimistic=task.optimistic,
                likely=task.duration,
                pessimistic=task.pessimistic,
                in_progress=task.status is _IN_PROGRESS,
            )
            for node, task in enumerate(plan.tasks)
            if task.optimistic is not None
            and task.pessimistic is not None
            and task.optimistic < task.pessimistic
            and _open(task)
        )
        """The tasks whose durations :meth:`finishes` takes, in plan order."""
        self._own = _own_nodes(plan)
        self._upward = upward(plan)
        self._parents = {goal.id: goal.parent for goal in plan.goals}
        moved = self._moved()
        self._order = self._pass_order(moved)
        self._fixed = [
            pinned if pinned is not None or moved[node] else (self._es[node], self._ef[node])
            for node, pinned in enumerate(inputs.fixed)
        ]
        self._steady = {
            goal: max((self._ef[node] for node in nodes if not moved[node]), default=None)
            for goal, nodes in self._own.items()
        }
        self._moving = {
            goal: tuple(node for node in nodes if moved[node])
            for goal, nodes in self._own.items()
            if any(moved[node] for node in nodes)
        }
        self._planned = self._rolled_up(self._ef, self._moving)

    @property
    def goals(self) -> tuple[str, ...]:
        """The ids of the goals with work (tasks other than habits and dropped ones), sorted."""
        return tuple(sorted(self._planned))

    def parent(self, goal: str) -> str | None:
        """A goal's parent id (None for a root goal)."""
        return self._parents[goal]

    def boundary_after(self, day: date) -> int:
        """The finish boundary of work whose last day is ``day``: a goal meets a
        deadline when its finish boundary is at most the deadline's."""
        return self._inputs.days.boundary_after(day)

    def planned(self, goal: str) -> int | None:
        """A goal's finish boundary at the planned durations (None without work)."""
        return self._planned.get(goal)

    def finishes(self, durations: dict[int, int]) -> dict[str, int]:
        """Each goal's finish boundary with the uncertain tasks' durations
        ``durations`` (by node; a node left out keeps its planned duration).

        A duration of a task in progress is its whole duration: what remains
        is the share not yet complete, from the status date on.
        """
        inputs = self._inputs
        if not self._order:
            return dict(self._planned)
        lengths = list(inputs.durations)
        fixed = list(self._fixed)
        tasks = inputs.plan.tasks
        for item in self.uncertain:
            days = durations.get(item.node, item.likely)
            if item.in_progress:
                fixed[item.node] = _actual(tasks[item.node], days, inputs.days, self._status_day)
            else:
                lengths[item.node] = days
        _, ef = _cpm.forward(
            inputs.network.predecessors, self._order, lengths, inputs.earliest, fixed
        )
        return self._rolled_up(ef, self._moving)

    def _rolled_up(self, ef: Sequence[int], moving: dict[str, tuple[int, ...]]) -> dict[str, int]:
        """Each goal's finish boundary: the latest of its own work's (the steady
        nodes' planned finish, the moving ones' in ``ef``) and its child goals'."""
        found: dict[str, int | None] = dict(self._steady)
        for goal, nodes in moving.items():
            for node in nodes:
                current = found[goal]
                if current is None or ef[node] > current:
                    found[goal] = ef[node]
        for goal, parent in self._upward:
            below, above = found[goal], found[parent]
            if below is not None and (above is None or below > above):
                found[parent] = below
        return {goal: finish for goal, finish in found.items() if finish is not None}

    def finish_date(
        self, goal: str, boundary: int, *, scheduled: date | None = None
    ) -> date | None:
        """The inclusive finish date of a goal whose work ends at ``boundary``.

        The last working day before the boundary, or ``scheduled`` (the
        schedule's own finish) when the boundary is the planned one: the
        schedule also knows milestones on their own day and work done on a
        day off. None when the boundary lies past the calendar's last day,
        9999-12-31.
        """
        if scheduled is not None and boundary == self._planned.get(goal):
            return scheduled
        if boundary > self._end:
            return None
        return self._inputs.days.date_of(boundary - 1)

    def _moved(self) -> list[bool]:
        """Which nodes the uncertain tasks can move: they and all that follow them."""
        moved = [False] * len(self._es)
        stack = [item.node for item in self.uncertain]
        successors = self._inputs.successors
        while stack:
            node = stack.pop()
            if moved[node]:
                continue
            moved[node] = True
            stack.extend(after for after, _, _ in successors[node])
        return moved

    def _pass_order(self, moved: Sequence[bool]) -> list[int]:
        """The nodes a pass visits, in network order: the moved ones and their
        direct predecessors (which keep their planned times)."""
        predecessors = self._inputs.network.predecessors
        visited = [False] * len(moved)
        for node, is_moved in enumerate(moved):
            if is_moved:
                visited[node] = True
                for before, _, _ in predecessors[node]:
                    visited[before] = True
        return [node for node in self._inputs.order if visited[node]]


def _open(task: Task) -> bool:
    """Whether a task is work still to do or under way (not done, dropped or a habit)."""
    return task.recurrence is None and task.status not in (_DONE, _DROPPED)


def _own_nodes(plan: Plan) -> dict[str, tuple[int, ...]]:
    """By goal id, the nodes of its own work (habits and dropped tasks left out)."""
    own: dict[str, list[int]] = {goal.id: [] for goal in plan.goals}
    for node, task in enumerate(plan.tasks):
        if task.recurrence is None and task.status is not _DROPPED:
            own[task.goal].append(node)
    return {goal: tuple(nodes) for goal, nodes in own.items()}


def upward(plan: Plan) -> tuple[tuple[str, str], ...]:
    """The (goal id, parent id) pairs of a plan's goal tree, every goal's pair before
    its parent's, so that one pass in this order rolls figures up to the roots.

    >>> upward(sample_plan)[-1]
    ('senior-manager-move', 'marketing-director')
    """
    return tuple(
        (goal.id, goal.parent)
        for goal in _report._children_first(plan.goals)
        if goal.parent is not None
    )
