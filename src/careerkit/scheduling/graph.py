"""The task dependency graph of a plan.

Tasks depend on tasks (``Task.depends_on``) and, through their goals, on
whole goals: when goal G depends on goal H, every task of G and of G's child
goals follows every task of H and of H's child goals (habits excepted, as
they never finish). :func:`task_graph` exports that graph to networkx for
users who want to analyse it; :func:`topological_order` orders the tasks.
"""

from __future__ import annotations

import networkx as nx

from careerkit.model import Plan
from careerkit.model.network import LINK_CODES, build_network
from careerkit.scheduling.given import checked_plan

__all__ = ["task_graph", "topological_order"]

_LINK_NAMES = {code: name for name, code in LINK_CODES.items()}


def task_graph(plan: Plan) -> nx.DiGraph[str]:
    """The plan's tasks as a networkx directed graph, edges from predecessor to successor.

    Nodes are task ids with the attributes ``goal``, ``title``, ``duration``,
    ``status`` and ``recurring``. Edges carry ``link`` (``"fs"``, ``"ss"``,
    ``"ff"`` or ``"sf"``), ``lag`` (working days) and ``source``: ``"task"``
    for a task's own dependency, ``"goal"`` for one implied by goal-level
    order (finish-to-start, no lag). When one task is linked to another more
    than once (say start-to-start and finish-to-finish, or its own link and
    its goal's), the edge shows the first and ``links`` lists every
    ``(link, lag)`` pair. The graph is a new object: changing it does not
    change the plan.

    Parameters
    ----------
    plan
        The plan.

    Returns
    -------
    networkx.DiGraph
        An acyclic graph.

    Raises
    ------
    ValidationError
        ``plan`` is not a :class:`~careerkit.Plan` (path ``plan``).

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             goals=[Goal(id="a", title="Do a"), Goal(id="b", title="Do b", depends_on=["a"])],
    ...             tasks=[Task(id="t1", goal="a", title="One"),
    ...                    Task(id="t2", goal="b", title="Two")])
    >>> graph = task_graph(plan)
    >>> list(graph.edges(data=True))
    [('t1', 't2', {'link': 'fs', 'lag': 0, 'source': 'goal', 'links': (('fs', 0),)})]
    """
    plan = checked_plan(plan)
    graph: nx.DiGraph[str] = nx.DiGraph()
    for task in plan.tasks:
        graph.add_node(
            task.id,
            goal=task.goal,
            title=task.title,
            duration=task.duration,
            status=task.status.value,
            recurring=task.recurrence is not None,
        )
    network = build_network(plan.goals, plan.tasks)
    labels = network.labels
    reach: dict[int, list[int]] = {}  # every task of a goal waits on the same gates

    def reached(gate: int) -> list[int]:
        found = reach.get(gate)
        if found is None:
            found = reach[gate] = network.tasks_before(gate)
        return found

    for node in range(network.task_count):
        for before, code, lag in network.predecessors[node]:
            if before < network.task_count:
                _link(
                    graph,
                    labels[before],
                    labels[node],
                    link=_LINK_NAMES[code],
                    lag=lag,
                    source="task",
                )
        gates = [gate for gate, _, _ in network.predecessors[node] if gate >= network.task_count]
        implied = sorted({before for gate in gates for before in reached(gate)})
        for before in implied:
            _link(graph, labels[before], labels[node], link="fs", lag=0, source="goal")
    return graph


def _link(
    graph: nx.DiGraph[str], before: str, after: str, *, link: str, lag: int, source: str
) -> None:
    """Add an edge, or another link to an existing one (in ``links``)."""
    if graph.has_edge(before, after):
        data = graph.edges[before, after]
        if (link, lag) not in data["links"]:
            data["links"] = (*data["links"], (link, lag))
        return
    graph.add_edge(before, after, link=link, lag=lag, source=source, links=((link, lag),))


def topological_order(plan: Plan) -> tuple[str, ...]:
    """Task ids in dependency order, ties broken by id.

    Every task comes after the tasks it depends on, directly or through
    goal-level order; among tasks free to come next, the smallest id comes
    first, so the order is the same however the plan lists its tasks.

    Parameters
    ----------
    plan
        The plan.

    Returns
    -------
    tuple of str
        Every task id once.

    Raises
    ------
    ValidationError
        ``plan`` is not a :class:`~careerkit.Plan` (path ``plan``).

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             goals=[Goal(id="g", title="Do g")],
    ...             tasks=[Task(id="c", goal="g", title="C", depends_on=["b"]),
    ...                    Task(id="b", goal="g", title="B"),
    ...                    Task(id="a", goal="g", title="A")])
    >>> topological_order(plan)
    ('a', 'b', 'c')
    """
    plan = checked_plan(plan)
    network = build_network(plan.goals, plan.tasks)
    labels, count = network.labels, network.task_count
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_nodes_from(range(len(labels)))
    graph.add_edges_from(
        (before, node) for node, links in enumerate(network.predecessors) for before, _, _ in links
    )

    def key(node: int) -> tuple[bool, str]:
        return (node < count, labels[node])  # goal gates first: they are not listed

    order = nx.lexicographical_topological_sort(graph, key=key)
    return tuple(labels[node] for node in order if node < count)
