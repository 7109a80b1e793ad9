"""Whole-plan checks: unique ids, references that resolve, dates, cycles.

These run when a ``Plan`` is built, after each goal and task has checked its
own fields. They report every problem with its path in the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol, cast

from attrs import frozen

from careerkit.errors import CycleError, Problem, ValidationError
from careerkit.model._career_checks import CAREER_FIELDS, check_career
from careerkit.model.goal import Goal
from careerkit.model.network import build_network, find_cycle, is_acyclic
from careerkit.model.task import Task
from careerkit.model.values import CheckIn, Dependency, Profile


class Plan(Protocol):
    """The parts of a plan that the whole-plan checks read (``careerkit.Plan`` has them)."""

    @property
    def start(self) -> date: ...
    @property
    def profile(self) -> Profile: ...
    @property
    def goals(self) -> tuple[Goal, ...]: ...
    @property
    def tasks(self) -> tuple[Task, ...]: ...
    @property
    def check_ins(self) -> tuple[CheckIn, ...]: ...


__all__ = ["Parts", "check_parts", "check_plan"]


@frozen(kw_only=True)
class Parts:
    """The parts of a plan that could be read, for the whole-plan checks.

    ``start`` and ``entries`` (the profile's) are None when unreadable. Each
    goal, task or check-in is the value itself, or a stand-in holding the
    attributes these checks read (None, or empty, where a field is
    unreadable), or None when nothing of it could be read; positions are
    those of the plan.
    """

    start: date | None
    entries: frozenset[str] | None
    goals: tuple[Any, ...]
    tasks: tuple[Any, ...]
    check_ins: tuple[Any, ...]


def check_plan(plan: Plan) -> tuple[dict[str, int], dict[str, int]]:
    """Check a plan as a whole and return its goal and task indexes by id.

    Raises ``ValidationError`` listing every problem, or ``CycleError`` when
    everything else is sound but dependencies form a cycle.
    """
    problems: list[Problem] = []
    parts = Parts(
        start=plan.start,
        entries=plan.profile.entries(),
        goals=plan.goals,
        tasks=plan.tasks,
        check_ins=plan.check_ins,
    )
    goal_index, task_index, tasks_in_order = check_parts(parts, problems)
    career = {name: getattr(plan, name) for name in ("profile", *CAREER_FIELDS)}
    check_career(problems, fields=career, goals=plan.goals, tasks=plan.tasks)
    if problems:
        raise ValidationError(problems=problems)
    _reject_cycle(plan.goals, "goals", "depends_on", lambda goal: goal.depends_on)
    _reject_cycle(
        plan.goals, "goals", "parent", lambda goal: () if goal.parent is None else (goal.parent,)
    )
    _reject_dependency_on_family(plan)
    _reject_cycle(
        plan.goals,
        "goals",
        "backup_for",
        lambda goal: () if goal.backup_for is None else (goal.backup_for,),
    )
    if not tasks_in_order or any(goal.depends_on for goal in plan.goals):
        _reject_network_cycle(plan)
    return goal_index, task_index


def check_parts(
    parts: Parts, problems: list[Problem]
) -> tuple[dict[str, int], dict[str, int], bool]:
    """Append the problems of references and dates among the parts that could be read.

    Returns the goal and task indexes by id, and whether every task depends
    only on earlier tasks.
    """
    goal_index = _index(parts.goals, "goals", problems)
    task_index = _index(parts.tasks, "tasks", problems)
    for position, goal in enumerate(parts.goals):
        if goal is not None:
            _check_goal(goal, f"goals[{position}]", problems, parts=parts, goal_index=goal_index)
    tasks_in_order = _check_task_references(parts.tasks, goal_index, task_index, problems)
    if parts.start is not None:
        _check_task_dates(parts.tasks, parts.start, problems)
        for position, check_in in enumerate(parts.check_ins):
            if check_in is not None and check_in.on is not None and check_in.on < parts.start:
                problems.append(
                    Problem(f"check_ins[{position}].on", f"{check_in.on} is before the plan starts")
                )
    return goal_index, task_index, tasks_in_order


def _check_task_references(
    tasks: Sequence[Any],
    goal_index: Mapping[str, int],
    task_index: Mapping[str, int],
    problems: list[Problem],
) -> bool:
    """Report goals and tasks that tasks name but the plan lacks.

    Returns whether every task depends only on earlier tasks: then the tasks
    alone form no cycle.
    """
    in_order = True
    for position, task in enumerate(tasks):
        if task is None:
            continue
        if task.goal is not None and task.goal not in goal_index:
            problems.append(Problem(f"tasks[{position}].goal", f"unknown goal {task.goal!r}"))
        for slot, item in enumerate(task.depends_on):
            other = item if type(item) is str else cast(Dependency, item).task
            earlier = task_index.get(other)
            if earlier is None:
                problems.append(
                    Problem(f"tasks[{position}].depends_on[{slot}]", f"unknown task {other!r}")
                )
            elif earlier >= position:
                in_order = False
    return in_order


def _check_task_dates(tasks: Sequence[Any], plan_start: date, problems: list[Problem]) -> None:
    """Work is not recorded as started or done before the plan starts."""
    recorded = [
        day
        for task in tasks
        if task is not None
        for day in (task.started_on, task.done_on)
        if day is not None
    ]
    if not recorded or min(recorded) >= plan_start:
        return  # nothing recorded before the start: the common case, in one pass
    for position, task in enumerate(tasks):
        if task is None:
            continue
        for name in ("started_on", "done_on"):
            day = getattr(task, name)
            if day is not None and day < plan_start:
                problems.append(
                    Problem(f"tasks[{position}].{name}", f"{day} is before the plan starts")
                )


def _index(items: Sequence[Any], name: str, problems: list[Problem]) -> dict[str, int]:
    index = {
        item.id: position
        for position, item in enumerate(items)
        if item is not None and item.id is not None
    }
    if len(index) == len(items):
        return index  # every id is unique: the common case
    index = {}
    for position, item in enumerate(items):
        if item is None or item.id is None:
            continue
        if item.id in index:
            problems.append(
                Problem(
                    f"{name}[{position}].id",
                    f"duplicate id {item.id!r} (also {name}[{index[item.id]}])",
                )
            )
        else:
            index[item.id] = position
    return index


def _check_goal(
    goal: Any,
    path: str,
    problems: list[Problem],
    *,
    parts: Parts,
    goal_index: Mapping[str, int],
) -> None:
    if goal.parent is not None and goal.parent not in goal_index:
        problems.append(Problem(f"{path}.parent", f"unknown goal {goal.parent!r}"))
    if goal.backup_for is not None and goal.backup_for not in goal_index:
        problems.append(Problem(f"{path}.backup_for", f"unknown goal {goal.backup_for!r}"))
    for slot, other in enumerate(goal.depends_on):
        if other not in goal_index:
            problems.append(Problem(f"{path}.depends_on[{slot}]", f"unknown goal {other!r}"))
    if parts.entries is not None:
        for slot, entry in enumerate(goal.relevant_to):
            if entry not in parts.entries:
                problems.append(
                    Problem(
                        f"{path}.relevant_to[{slot}]",
                        f"{entry!r} is not a strength, weakness, interest or value of the profile",
                    )
                )
    if parts.start is not None:
        _check_goal_dates(goal, path, problems, parts.start)


def _check_goal_dates(goal: Any, path: str, problems: list[Problem], plan_start: date) -> None:
    start = goal.start or plan_start
    if goal.start is not None and goal.start < plan_start:
        problems.append(Problem(f"{path}.start", f"{goal.start} is before the plan starts"))
    if goal.deadline is not None and goal.deadline < start:
        what = "the goal's start" if goal.start else "the plan starts"
        problems.append(Problem(f"{path}.deadline", f"{goal.deadline} is before {what}"))
    if goal.start is None and goal.achieved_on is not None and goal.achieved_on < plan_start:
        problems.append(
            Problem(f"{path}.achieved_on", f"{goal.achieved_on} is before the plan starts")
        )
    for slot, measurement in enumerate(goal.measurements):
        if measurement.on < plan_start:
            problems.append(
                Problem(
                    f"{path}.measurements[{slot}].on",
                    f"{measurement.on} is before the plan starts",
                )
            )


def _reject_network_cycle(plan: Plan) -> None:
    """Reject a cycle through task links and goal-level order together."""
    network = build_network(plan.goals, plan.tasks)
    if is_acyclic(network.predecessors):
        return
    labels = network.labels
    cycle = find_cycle(
        range(len(labels)),
        lambda node: (before for before, _, _ in network.predecessors[node]),
        key=lambda node: (node >= network.task_count, labels[node], node),  # tasks first
    )
    # Name the first link that a user wrote: a task's own dependency, or else a
    # goal's dependency (a start gate waiting on another goal's finish gate).
    count = network.task_count
    pairs = list(zip(cycle, (*cycle[1:], cycle[0]), strict=True))
    closing = next(
        (turn for turn, (node, after) in enumerate(pairs) if node < count and after < count),
        None,
    )
    if closing is not None:
        path = f"tasks[{cycle[closing]}].depends_on"
    else:
        closing = next(
            turn
            for turn, (node, after) in enumerate(pairs)
            if node >= count
            and after >= count
            and network.gate_goals[node - count][1] == "start"
            and network.gate_goals[after - count][1] == "finish"
        )
        goal_id = network.gate_goals[cycle[closing] - count][0]
        position = next(index for index, goal in enumerate(plan.goals) if goal.id == goal_id)
        path = f"goals[{position}].depends_on"
    shown: list[str] = []
    for node in (*cycle[closing:], *cycle[:closing]):
        if not shown or shown[-1] != labels[node]:
            shown.append(labels[node])  # a goal's start and finish gates read as one step
    raise CycleError(cycle=shown, path=path)


def _reject_dependency_on_family(plan: Plan) -> None:
    """A goal cannot depend on its ancestor or descendant: one contains the other's work.

    Each goal gets the times at which a walk of the parent forest enters and
    leaves it; a goal is another's ancestor exactly when its interval holds
    the other's, so each dependency is tested in constant time.
    """
    if not any(goal.depends_on for goal in plan.goals):
        return
    entered, left = _walk_times(plan.goals)
    for position, goal in enumerate(plan.goals):
        for slot, other in enumerate(goal.depends_on):
            low, high = sorted((goal.id, other), key=entered.__getitem__)
            if entered[low] < entered[high] and left[high] < left[low]:
                raise CycleError(
                    cycle=(f"goal {goal.id}", f"goal {other}"),
                    path=f"goals[{position}].depends_on[{slot}]",
                )


def _walk_times(goals: Sequence[Goal]) -> tuple[dict[str, int], dict[str, int]]:
    """When a depth-first walk of the (acyclic) parent forest enters and leaves each goal."""
    children: dict[str | None, list[str]] = {}
    for goal in goals:
        children.setdefault(goal.parent, []).append(goal.id)
    entered: dict[str, int] = {}
    left: dict[str, int] = {}
    clock = 0
    stack: list[tuple[str, bool]] = [(root, False) for root in reversed(children.get(None, []))]
    while stack:
        goal_id, leaving = stack.pop()
        clock += 1
        if leaving:
            left[goal_id] = clock
            continue
        entered[goal_id] = clock
        stack.append((goal_id, True))
        stack.extend((child, False) for child in reversed(children.get(goal_id, [])))
    return entered, left


def _reject_cycle(
    items: Sequence[Goal | Task],
    name: str,
    field: str,
    successors: Callable[[Any], Iterable[str]],
) -> None:
    by_id = {item.id: item for item in items}
    if _acyclic(by_id, successors):
        return  # the common case, found in one pass; the search below names the cycle
    cycle = find_cycle(by_id, lambda node: successors(by_id[node]))
    if cycle:
        position = next(index for index, item in enumerate(items) if item.id == cycle[0])
        raise CycleError(cycle=cycle, path=f"{name}[{position}].{field}")


def _acyclic(by_id: Mapping[str, Goal | Task], successors: Callable[[Any], Iterable[str]]) -> bool:
    """Whether following ``successors`` from the items never comes back (Kahn's algorithm)."""
    waiting = dict.fromkeys(by_id, 0)
    for item in by_id.values():
        for other in successors(item):
            waiting[other] += 1
    ready = [node for node, count in waiting.items() if count == 0]
    for node in ready:  # the list grows while it is read
        for other in successors(by_id[node]):
            waiting[other] -= 1
            if waiting[other] == 0:
                ready.append(other)
    return len(ready) == len(by_id)
