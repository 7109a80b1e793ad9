"""Next actions: the tasks a person can work on now, most urgent first.

A task is ready when it is to do or in progress, belongs to an active goal
(not achieved, abandoned or on hold), may start by the status date
(``not_before``), and everything it depends on (its own predecessors and,
through goal-level order, the work of prerequisite goals) is done or
dropped. A habit already under way is ready when an occurrence is due soon:
its next occurrence on or after the status date is at most the policy's
``horizon`` working days away; its ``due`` term then counts to that
occurrence.

Urgency is a weighted sum of terms, each between 0 and 1 and each returned
with its value so the ranking can be explained:

``critical``
    1 when the task is on the critical path (no float left), else 0.
``float``
    ``1 / (1 + float)``: 1 with no float left, smaller with more.
``due``
    ``horizon / (horizon + working days left)`` until the task's due date,
    its goal's deadline or, for a habit under way, its next occurrence
    (whichever comes first); 1 when it has passed, 0 without any.
``unblocks``
    ``n / (n + 1)`` for the n unfinished tasks that wait directly on this one
    (through goal-level order too).
``goal_weight``
    The goal's weight divided by the largest goal weight in the plan.

The default weights (:class:`UrgencyPolicy`) are 3, 2, 2, 1 and 1.

Which tasks are ready, and how many tasks each one unblocks, is found in one
pass over the goal gates of the precedence network
(:mod:`careerkit.model.network`) in topological order, not by walking the
gates again for every task: the cost grows with tasks plus links (plus, for
the unblocking counts, gates times tasks over the machine word, a bit set
per gate).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date

import networkx as nx
from attrs import frozen

from careerkit.errors import Problem, ValidationError
from careerkit.io import result_document
from careerkit.model import GoalStatus, Plan, Status, Task
from careerkit.model import rules as checks
from careerkit.model.arguments import checked_date
from careerkit.model.network import Network, build_network
from careerkit.planning._schedules import schedule_of
from careerkit.scheduling import Schedule, TaskSchedule
from careerkit.scheduling.deadlines import inherited_deadlines
from careerkit.scheduling.given import checked_plan, checked_status_date
from careerkit.workdays import DayIndex

__all__ = ["NextAction", "UrgencyPolicy", "UrgencyTerm", "next_actions"]

_FINISHED = (Status.DONE, Status.DROPPED)


@frozen(kw_only=True)
class UrgencyPolicy:
    """Weights of the urgency terms, and the due-date horizon.

    Parameters
    ----------
    critical, float_left, due, unblocks, goal_weight
        Weights of the terms (0 or more).
    horizon
        Working days at which the ``due`` term is one half (above 0).

    Examples
    --------
    >>> UrgencyPolicy(critical=5).critical
    5
    """

    critical: float = 3.0
    float_left: float = 2.0
    due: float = 2.0
    unblocks: float = 1.0
    goal_weight: float = 1.0
    horizon: int = 20

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name in ("critical", "float_left", "due", "unblocks", "goal_weight"):
            checks.check_number(problems, name, getattr(self, name), minimum=0)
        checks.check_number(
            problems, "horizon", self.horizon, minimum=1, maximum=checks.MAX_DURATION, integer=True
        )
        checks.raise_if_any(problems)


@result_document("urgency_term", properties=("contribution",))
@frozen(kw_only=True)
class UrgencyTerm:
    """One term of an urgency score: its value (0 to 1) and its weight.

    Examples
    --------
    >>> UrgencyTerm(name="critical", value=1.0, weight=3.0).contribution
    3.0
    """

    name: str
    value: float
    weight: float

    @property
    def contribution(self) -> float:
        """What the term adds to the score, its weight times its value."""
        return self.weight * self.value


@result_document("next_action")
@frozen(kw_only=True)
class NextAction:
    """A task ready to be worked on, with its urgency and why.

    Examples
    --------
    >>> action = NextAction(task="enrol", goal="cert", title="Enrol", score=3.0,
    ...                     terms=(UrgencyTerm(name="critical", value=1.0, weight=3.0),))
    >>> action.explain()
    'critical 1.00 x 3 = 3.00'
    """

    task: str
    goal: str
    title: str
    score: float
    terms: tuple[UrgencyTerm, ...]

    def explain(self) -> str:
        """The terms that add to the score, as text."""
        return "; ".join(
            f"{term.name} {term.value:.2f} x {term.weight:g} = {term.contribution:.2f}"
            for term in self.terms
            if term.contribution
        )


def next_actions(
    plan: Plan,
    *,
    as_of: date,
    policy: UrgencyPolicy | None = None,
    schedule: Schedule | None = None,
) -> tuple[NextAction, ...]:
    """The tasks ready to be worked on at a date, most urgent first (ties by id).

    Parameters
    ----------
    plan
        The plan.
    as_of
        The status date.
    policy
        Weights of the urgency terms; :class:`UrgencyPolicy` defaults if None.
    schedule
        The plan's schedule as of ``as_of`` (``careerkit.schedule(plan,
        as_of=as_of)``), when the caller has it already; computed if None.

    Returns
    -------
    tuple of NextAction
        Ready tasks by decreasing score, then id.

    Raises
    ------
    ValidationError
        An argument of the wrong type, named by its path (``plan``, ``as_of``,
        ``policy``); ``as_of`` before the plan's start; ``schedule`` not a
        :class:`~careerkit.Schedule` made as of ``as_of`` (path ``schedule``);
        or the plan cannot be scheduled.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23),
    ...             goals=[Goal(id="g", title="Do g", deadline=date(2026, 12, 18))],
    ...             tasks=[Task(id="a", goal="g", title="A", duration=5),
    ...                    Task(id="b", goal="g", title="B", duration=1),
    ...                    Task(id="c", goal="g", title="C", duration=3, depends_on=["a"])])
    >>> [action.task for action in next_actions(plan, as_of=date(2026, 11, 23))]
    ['a', 'b']
    """
    plan = checked_plan(plan)
    as_of = checked_date(checked_status_date(plan, as_of))
    if policy is not None and not isinstance(policy, UrgencyPolicy):
        raise ValidationError(
            path="policy",
            problem=f"expected an UrgencyPolicy or None, got {type(policy).__name__}",
        )
    timing = schedule_of(plan, as_of=as_of, given=schedule)
    urgency = _Urgency(plan, as_of, policy or UrgencyPolicy())
    finished = [task.status in _FINISHED for task in plan.tasks]
    order = _Order(build_network(plan.goals, plan.tasks), finished)
    found = []
    for node, task in enumerate(plan.tasks):
        if not _workable(plan, task, as_of, finished[node]) or not order.ready(node):
            continue
        entry = timing[task.id]
        occurrence = None
        if task.recurrence is not None and task.status is not Status.TODO:
            occurrence = urgency.next_occurrence(entry)
            if occurrence is None:
                continue  # a habit under way with nothing due soon
        terms = urgency.terms(task, entry, order.waiting(node), occurrence)
        score = round(sum(term.contribution for term in terms), 9)
        found.append(
            NextAction(task=task.id, goal=task.goal, title=task.title, score=score, terms=terms)
        )
    found.sort(key=lambda action: (-action.score, action.task))
    return tuple(found)


def _workable(plan: Plan, task: Task, as_of: date, finished: bool) -> bool:
    """Whether the task itself may be worked on: unfinished, of an active goal, and
    allowed to start by ``as_of``."""
    if finished:
        return False
    if plan.goal(task.goal).status is not GoalStatus.ACTIVE:
        return False
    return task.not_before is None or task.not_before <= as_of


class _Order:
    """What the precedence network says of each task: whether everything before it
    is finished, and how many unfinished tasks wait on it.

    Each goal gate is visited once, in topological order: a gate is *open*
    when every task and gate before it is finished or open; a gate's
    *waiting* set (a bit per task) holds the unfinished tasks reached from it
    through gates.
    """

    def __init__(self, network: Network, finished: Sequence[bool]) -> None:
        self.count = network.task_count
        self.before = network.predecessors
        self.after = network.successors()
        self.finished = finished
        gate_nodes = range(self.count, len(network.labels))
        gates: nx.DiGraph[int] = nx.DiGraph()
        gates.add_nodes_from(gate_nodes)
        gates.add_edges_from(
            (before, gate)
            for gate in gate_nodes
            for before, _, _ in self.before[gate]
            if before >= self.count
        )
        ordered = list(nx.topological_sort(gates))
        self.open: dict[int, bool] = {}
        for gate in ordered:
            self.open[gate] = self._clear(self.before[gate])
        self.reached: dict[int, int] = {}
        for gate in reversed(ordered):
            self.reached[gate] = self._unfinished_after(gate)[0]

    def _clear(self, links: Sequence[tuple[int, int, int]]) -> bool:
        """Whether every task and gate in ``links`` is finished or open."""
        return all(
            self.finished[other] if other < self.count else self.open[other]
            for other, _, _ in links
        )

    def _unfinished_after(self, node: int) -> tuple[int, set[int]]:
        """The unfinished tasks after ``node``: as bits, those reached through
        gates; as a set, those directly after it."""
        through_gates = 0
        direct: set[int] = set()
        for other, _, _ in self.after[node]:
            if other >= self.count:
                through_gates |= self.reached[other]
            elif not self.finished[other]:
                direct.add(other)
        if node >= self.count:
            for other in direct:
                through_gates |= 1 << other
            direct = set()
        return through_gates, direct

    def ready(self, node: int) -> bool:
        """Whether every task the task depends on, directly or through gates, is finished."""
        return self._clear(self.before[node])

    def waiting(self, node: int) -> int:
        """How many unfinished tasks depend on the task, directly or through gates."""
        through_gates, direct = self._unfinished_after(node)
        extra = sum(1 for other in direct if not through_gates >> other & 1)
        return through_gates.bit_count() + extra


class _Urgency:
    """The urgency terms of a plan's tasks under a policy, as of a date."""

    def __init__(self, plan: Plan, as_of: date, policy: UrgencyPolicy) -> None:
        self.policy = policy
        self.days = DayIndex(plan.calendar)
        self.as_of = as_of
        self.today = self.days.index_of(as_of)
        self.deadlines = inherited_deadlines(plan)
        self.weights = {goal.id: goal.weight for goal in plan.goals}
        self.heaviest = max(self.weights.values(), default=0.0)

    def next_occurrence(self, entry: TaskSchedule) -> date | None:
        """A habit's next occurrence on or after the status date, if it is due
        within the horizon."""
        found = entry.occurrences
        at = bisect.bisect_left(found, self.as_of)
        if at == len(found):
            return None
        upcoming = found[at]
        if self.days.index_of(upcoming) - self.today > self.policy.horizon:
            return None
        return upcoming

    def _due(self, task: Task, occurrence: date | None) -> float:
        """The ``due`` term: how close the due date, goal deadline or occurrence is."""
        limits = [day for day in (task.due, self.deadlines.get(task.goal), occurrence) if day]
        if not limits:
            return 0.0
        left = self.days.boundary_after(min(limits)) - self.today
        horizon = self.policy.horizon
        return 1.0 if left <= 0 else horizon / (horizon + left)

    def terms(
        self, task: Task, entry: TaskSchedule, waiting: int, occurrence: date | None
    ) -> tuple[UrgencyTerm, ...]:
        """The five terms of one ready task, in the documented order."""
        policy, heaviest = self.policy, self.heaviest
        values = (
            ("critical", float(entry.critical), policy.critical),
            ("float", 1.0 / (1 + max(0, entry.total_float)), policy.float_left),
            ("due", self._due(task, occurrence), policy.due),
            ("unblocks", waiting / (waiting + 1), policy.unblocks),
            ("goal_weight", self.weights[task.goal] / heaviest if heaviest else 0.0,
             policy.goal_weight),
        )  # fmt: skip
        return tuple(
            UrgencyTerm(name=name, value=value, weight=weight) for name, value, weight in values
        )
