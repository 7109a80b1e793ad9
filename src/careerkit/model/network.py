"""The precedence network of a plan: what must happen before what.

Nodes are the plan's tasks (numbered in plan order) followed by goal gates,
zero-length nodes that carry goal-level order without linking every pair of
tasks:

* a goal's *finish gate* follows every task of the goal and the finish gates
  of its child goals, so it marks the end of the goal's whole subtree;
  recurring tasks (habits) never hold it back;
* a goal's *start gate* precedes every task of the goal and the start gates
  of its child goals;
* ``G.depends_on = [H]`` links H's finish gate to G's start gate.

Gates exist only where goal dependencies need them. The plan's integrity
check uses this network to reject cycles; the schedule runs on it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

import networkx as nx
from attrs import frozen

from careerkit.model.goal import Goal
from careerkit.model.task import Task

__all__ = ["FF", "FS", "LINK_CODES", "SF", "SS", "Network", "build_network", "find_cycle"]

FS, SS, FF, SF = 0, 1, 2, 3
"""Link codes: finish-to-start, start-to-start, finish-to-finish, start-to-finish."""
LINK_CODES = {"fs": FS, "ss": SS, "ff": FF, "sf": SF}

Node = TypeVar("Node", bound=Hashable)


@frozen
class Network:
    """Nodes and their predecessor links ``(node, link code, lag)``.

    Nodes ``0 .. task_count - 1`` are the plan's tasks in plan order; the
    rest are goal gates, labelled ``goal <id>``.
    """

    labels: tuple[str, ...]
    task_count: int
    predecessors: tuple[tuple[tuple[int, int, int], ...], ...]
    gate_goals: tuple[tuple[str, str], ...]  # (goal id, "start" or "finish") per gate

    def tasks_before(self, node: int) -> list[int]:
        """The tasks ``node`` depends on directly or through goal gates, in plan order."""
        return self._reach(node, self.predecessors)

    def _reach(self, node: int, links: Sequence[Sequence[tuple[int, int, int]]]) -> list[int]:
        found: set[int] = set()
        seen: set[int] = set()
        stack = [other for other, _, _ in links[node]]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            if current < self.task_count:
                found.add(current)
            else:
                stack.extend(other for other, _, _ in links[current])
        return sorted(found)

    def successors(self) -> list[list[tuple[int, int, int]]]:
        """For each node, its successor links ``(node, link code, lag)``."""
        return _successors(self.predecessors)


def build_network(goals: Sequence[Goal], tasks: Sequence[Task]) -> Network:
    """The precedence network of a plan's goals and tasks (``goals``, ``tasks``)."""
    task_index = {task.id: position for position, task in enumerate(tasks)}
    links = [
        [
            (task_index[item], FS, 0)
            if isinstance(item, str)
            else (task_index[item.task], LINK_CODES[item.link.value], item.lag)
            for item in task.depends_on
        ]
        for task in tasks
    ]
    labels = [task.id for task in tasks]
    gate_goals: list[tuple[str, str]] = []
    if any(goal.depends_on for goal in goals):
        _add_gates(goals, tasks, links, labels, gate_goals)
    return Network(
        labels=tuple(labels),
        task_count=len(tasks),
        predecessors=tuple(map(tuple, links)),
        gate_goals=tuple(gate_goals),
    )


def _add_gates(
    goals: Sequence[Goal],
    tasks: Sequence[Task],
    links: list[list[tuple[int, int, int]]],
    labels: list[str],
    gate_goals: list[tuple[str, str]],
) -> None:
    children: dict[str, list[str]] = {}
    for goal in goals:
        if goal.parent is not None:
            children.setdefault(goal.parent, []).append(goal.id)
    tasks_of: dict[str, list[int]] = {}
    for position, task in enumerate(tasks):
        tasks_of.setdefault(task.goal, []).append(position)

    def subtree(roots: Iterable[str]) -> list[str]:
        seen: dict[str, None] = {}
        stack = list(roots)
        while stack:
            goal_id = stack.pop()
            if goal_id not in seen:
                seen[goal_id] = None
                stack.extend(children.get(goal_id, ()))
        return list(seen)

    def new_gate(goal_id: str, end: str) -> int:
        links.append([])
        labels.append(f"goal {goal_id}")
        gate_goals.append((goal_id, end))
        return len(links) - 1

    prerequisites = [other for goal in goals for other in goal.depends_on]
    finish = {goal_id: new_gate(goal_id, "finish") for goal_id in subtree(prerequisites)}
    dependents = [goal.id for goal in goals if goal.depends_on]
    start = {goal_id: new_gate(goal_id, "start") for goal_id in subtree(dependents)}
    for goal_id, gate in finish.items():
        for position in tasks_of.get(goal_id, ()):
            if tasks[position].recurrence is None:
                links[gate].append((position, FS, 0))
        links[gate].extend((finish[child], FS, 0) for child in children.get(goal_id, ()))
    for goal_id, gate in start.items():
        for position in tasks_of.get(goal_id, ()):
            links[position].append((gate, FS, 0))
        for child in children.get(goal_id, ()):
            links[start[child]].append((gate, FS, 0))
    for goal in goals:
        for other in goal.depends_on:
            links[start[goal.id]].append((finish[other], FS, 0))
    for goal_id, gate in finish.items():
        if goal_id in start:  # a goal finishes after it starts, even with no tasks of its own
            links[gate].append((start[goal_id], FS, 0))


def topological_order(
    predecessors: Sequence[Sequence[tuple[int, int, int]]],
    *,
    successors: Sequence[Sequence[tuple[int, int, int]]] | None = None,
) -> list[int]:
    """Nodes in an order where every node follows its predecessors (Kahn's algorithm).

    On a network with a cycle, the nodes on or after the cycle are left out.
    ``successors`` (from :meth:`Network.successors`) saves finding them when
    they are at hand.

    Written here rather than taken from networkx because every schedule and
    every plan built runs it: on the deep plan of
    ``benchmarks/bench_schedule.py`` (100,000 tasks, 150,000 links) it takes
    45 ms, where building a ``networkx.DiGraph`` and running
    ``networkx.topological_sort`` takes 204 ms (86 ms on a graph already
    built), a fifth of the whole schedule.
    """
    waiting = [len(links) for links in predecessors]
    if successors is None:
        successors = _successors(predecessors)
    order = [node for node, count in enumerate(waiting) if count == 0]
    for node in order:  # the list grows while it is read
        for following, _, _ in successors[node]:
            waiting[following] -= 1
            if waiting[following] == 0:
                order.append(following)
    return order


def _successors(
    predecessors: Sequence[Sequence[tuple[int, int, int]]],
) -> list[list[tuple[int, int, int]]]:
    """For each node, its successor links ``(node, link code, lag)``."""
    result: list[list[tuple[int, int, int]]] = [[] for _ in predecessors]
    for node, links in enumerate(predecessors):
        for before, code, lag in links:
            result[before].append((node, code, lag))
    return result


def is_acyclic(predecessors: Sequence[Sequence[tuple[int, int, int]]]) -> bool:
    """Whether the network has no cycle (see :func:`topological_order` for why it is
    not ``networkx.is_directed_acyclic_graph``: 206 ms with the graph built, against
    45 ms)."""
    return len(topological_order(predecessors)) == len(predecessors)


def find_cycle(
    nodes: Iterable[Node],
    successors: Callable[[Node], Iterable[Node]],
    *,
    key: Callable[[Node], Any] = lambda node: node,
) -> tuple[Node, ...]:
    """The first cycle found by a depth-first search (``networkx.find_cycle``), or ``()``.

    Nodes and successors are visited in ``key`` order, so the result is
    deterministic; the cycle is rotated to start at its smallest node (by
    ``key``), each node followed by one of its successors.
    """
    graph: nx.DiGraph[Node] = nx.DiGraph()
    ordered = sorted(nodes, key=key)
    graph.add_nodes_from(ordered)
    for node in ordered:
        graph.add_edges_from((node, after) for after in sorted(successors(node), key=key))
    try:
        edges = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return ()
    cycle = [before for before, *_ in edges]
    turn = cycle.index(min(cycle, key=key))
    return tuple(cycle[turn:] + cycle[:turn])
