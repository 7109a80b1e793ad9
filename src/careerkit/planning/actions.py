"""Next actions: the tasks a person can work on now, most urgent first.

A task is ready when it is to do or in progress, belongs to an active goal
(not achieved, abandoned or on hold), is not a habit already under way, may
start by the status date (``not_before``), and everything it
depends on (its own predecessors and, through goal-level order, the work of
prerequisite goals) is done or dropped.

Urgency is a weighted sum of terms, each between 0 and 1 and each returned
with its value so the ranking can be explained:

``critical``
    1 when the task is on the critical path (no float left), else 0.
``float``
    ``1 / (1 + float)``: 1 with no float left, smaller with more.
``due``
    ``horizon / (horizon + working days left)`` until the task's due date or
    its goal's deadline (whichever comes first); 1 when it has passed, 0
    without either.
``unblocks``
    ``n / (n + 1)`` for the n tasks that wait directly on this one.
``goal_weight``
    The goal's weight divided by the largest goal weight in the plan.

The default weights (:class:`UrgencyPolicy`) are 3, 2, 2, 1 and 1.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from careerkit.errors import Problem
from careerkit.model import GoalStatus, Plan, Status
from careerkit.model import rules as checks
from careerkit.model.network import build_network
from careerkit.scheduling import schedule
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
    plan: Plan, *, as_of: date, policy: UrgencyPolicy | None = None
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

    Returns
    -------
    tuple of NextAction
        Ready tasks by decreasing score, then id.

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
    policy = policy or UrgencyPolicy()
    timing = schedule(plan, as_of=as_of)
    network = build_network(plan.goals, plan.tasks)
    successors = network.successors()
    finished = [task.status in _FINISHED for task in plan.tasks]
    days = DayIndex(plan.calendar)
    today = days.index_of(as_of)
    heaviest = max((goal.weight for goal in plan.goals), default=0.0)
    weights = {goal.id: goal.weight for goal in plan.goals}
    active = {goal.id: goal.status is GoalStatus.ACTIVE for goal in plan.goals}
    found = []
    for node, task in enumerate(plan.tasks):
        if finished[node] or (task.recurrence is not None and task.status is not Status.TODO):
            continue
        if active[task.goal] is False:
            continue
        if task.not_before is not None and task.not_before > as_of:
            continue
        if not all(finished[before] for before in network.tasks_before(node)):
            continue
        entry = timing[task.id]
        limit = min((day for day in (task.due, plan.deadline_for(task.goal)) if day), default=None)
        due_value = 0.0
        if limit is not None:
            left = days.boundary_after(limit) - today
            due_value = 1.0 if left <= 0 else policy.horizon / (policy.horizon + left)
        waiting = sum(1 for after in network.tasks_after(node, successors) if not finished[after])
        terms = (
            UrgencyTerm(name="critical", value=float(entry.critical), weight=policy.critical),
            UrgencyTerm(
                name="float",
                value=1.0 / (1 + max(0, entry.total_float)),
                weight=policy.float_left,
            ),
            UrgencyTerm(name="due", value=due_value, weight=policy.due),
            UrgencyTerm(name="unblocks", value=waiting / (waiting + 1), weight=policy.unblocks),
            UrgencyTerm(
                name="goal_weight",
                value=weights[task.goal] / heaviest if heaviest else 0.0,
                weight=policy.goal_weight,
            ),
        )
        score = round(sum(term.contribution for term in terms), 9)
        found.append(
            NextAction(task=task.id, goal=task.goal, title=task.title, score=score, terms=terms)
        )
    found.sort(key=lambda action: (-action.score, action.task))
    return tuple(found)
