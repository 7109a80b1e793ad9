"""Tests for careerkit.scheduling.graph: the task graph, the topological order and goal-level cycles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import careerkit
from careerkit import (
    CycleError,
    Dependency,
    Goal,
    Link,
    Plan,
    Status,
    Task,
    UnknownReferenceError,
    task_graph,
    topological_order,
)

from .strategies import deterministic
from .wrong_arguments import refused_path, wrong_calls

START = date(2026, 1, 5)  # a Monday
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"
WEEKLY = "FREQ=WEEKLY"


def make_plan(goals: list[Goal], tasks: list[Task]) -> Plan:
    """A plan starting on ``START`` with these goals and tasks."""
    return Plan(id="p", owner="Ana", start=START, goals=goals, tasks=tasks)


def goal(goal_id: str, **fields: Any) -> Goal:
    """A goal titled after its id."""
    return Goal(id=goal_id, title=f"Reach {goal_id}", **fields)


def task(task_id: str, goal_id: str, **fields: Any) -> Task:
    """A task titled after its id."""
    return Task(id=task_id, goal=goal_id, title=f"Do {task_id}", **fields)


def layered_plan() -> Plan:
    """Goal g (with child gc) depends on goal h (with child hc); goal o stands apart.

    Each side has a habit; g1 and g2 also depend explicitly on h1 and h2.
    """
    return make_plan(
        [
            goal("h"),
            goal("hc", parent="h"),
            goal("g", depends_on=["h"]),
            goal("gc", parent="g"),
            goal("o"),
        ],
        [
            task("h1", "h"),
            task("h2", "hc"),
            task("hab", "h", recurrence=WEEKLY),
            task("g1", "g", depends_on=[Dependency(task="h1", link=Link.START_TO_START, lag=2)]),
            task("g2", "gc", depends_on=["h2"]),
            task("ghab", "gc", recurrence=WEEKLY),
            task("o1", "o"),
        ],
    )


def edges_by_source(graph: nx.DiGraph[str], source: str) -> set[tuple[str, str]]:
    """The edges of ``graph`` whose ``source`` attribute is ``source``."""
    return {(before, after) for before, after, kind in graph.edges(data="source") if kind == source}


# -- random acyclic plans ------------------------------------------------------

_IDS = st.text(alphabet="abcxyz", min_size=1, max_size=3)
_LINKS = st.sampled_from(list(Link))


def _ancestors(goal_id: str | None, parents: dict[str, str | None]) -> set[str]:
    found = set()
    while goal_id is not None:
        found.add(goal_id)
        goal_id = parents[goal_id]
    return found


@st.composite
def acyclic_plans(draw: st.DrawFn, *, max_goals: int = 5, max_tasks: int = 8) -> Plan:
    """Plans with goal hierarchies, goal-level order, typed links and habits.

    Goals have earlier goals as parents and depend on earlier goals that are
    not their ancestors; tasks depend on earlier drawn tasks but are listed
    in a shuffled order with ids unrelated to it. Plans whose task links and
    goal-level order close a cycle are discarded.
    """
    goal_ids = draw(st.lists(_IDS, min_size=1, max_size=max_goals, unique=True))
    parents: dict[str, str | None] = {}
    goals = []
    for index, goal_id in enumerate(goal_ids):
        earlier = goal_ids[:index]
        parent = draw(st.sampled_from([None, *earlier]))
        parents[goal_id] = parent
        others = [other for other in earlier if other not in _ancestors(parent, parents)]
        depends_on = (
            draw(st.lists(st.sampled_from(others), unique=True, max_size=2)) if others else []
        )
        goals.append(goal(goal_id, parent=parent, depends_on=depends_on))
    task_ids = draw(st.lists(_IDS, max_size=max_tasks, unique=True))
    tasks = []
    for index, task_id in enumerate(task_ids):
        earlier = task_ids[:index]
        chosen = (
            draw(st.lists(st.sampled_from(earlier), unique=True, max_size=3)) if earlier else []
        )
        depends_on = [
            Dependency(task=other, link=draw(_LINKS), lag=draw(st.integers(-2, 3)))
            for other in chosen
        ]
        habit = draw(st.integers(0, 4)) == 0
        tasks.append(
            task(
                task_id,
                draw(st.sampled_from(goal_ids)),
                duration=draw(st.integers(0, 5)),
                depends_on=depends_on,
                recurrence=WEEKLY if habit else None,
            )
        )
    listed = draw(st.permutations(tasks))
    try:
        return make_plan(goals, listed)
    except CycleError:
        assume(False)
        raise  # unreachable: assume(False) stops the example


def goal_level_pairs(plan: Plan) -> set[tuple[str, str]]:
    """Pairs (before, after) implied by goal-level order, worked out from the definition."""
    children: dict[str, list[str]] = {}
    for item in plan.goals:
        if item.parent is not None:
            children.setdefault(item.parent, []).append(item.id)

    def subtree(goal_id: str) -> set[str]:
        found = {goal_id}
        for child in children.get(goal_id, []):
            found |= subtree(child)
        return found

    pairs = set()
    for dependent in plan.goals:
        after = [item.id for item in plan.tasks if item.goal in subtree(dependent.id)]
        for prerequisite in dependent.depends_on:
            before = [
                item.id
                for item in plan.tasks
                if item.goal in subtree(prerequisite) and item.recurrence is None
            ]
            pairs |= {(first, second) for first in before for second in after}
    return pairs


# -- task_graph ----------------------------------------------------------------


def test_nodes_are_tasks_with_their_attributes() -> None:
    """Every task is a node carrying its goal, title, duration, status and whether it recurs."""
    plan = make_plan(
        [goal("g"), goal("h")],
        [
            task("read", "g", duration=3, status=Status.DONE, done_on=START),
            task("review", "h", duration=0),
            task("network", "h", recurrence=WEEKLY, status=Status.IN_PROGRESS, started_on=START),
            task("drop", "g", status=Status.DROPPED),
        ],
    )

    expected = {
        "read": {
            "goal": "g",
            "title": "Do read",
            "duration": 3,
            "status": "done",
            "recurring": False,
        },
        "review": {
            "goal": "h",
            "title": "Do review",
            "duration": 0,
            "status": "todo",
            "recurring": False,
        },
        "network": {
            "goal": "h",
            "title": "Do network",
            "duration": 1,
            "status": "in_progress",
            "recurring": True,
        },
        "drop": {
            "goal": "g",
            "title": "Do drop",
            "duration": 1,
            "status": "dropped",
            "recurring": False,
        },
    }
    assert expected == dict(task_graph(plan).nodes(data=True))


def test_task_edges_carry_link_and_lag() -> None:
    """A task's own dependencies become edges with their link, lag and source "task"."""
    plan = make_plan(
        [goal("g")],
        [
            task("a", "g"),
            task("b", "g"),
            task(
                "c",
                "g",
                depends_on=[
                    Dependency(task="a", link=Link.START_TO_START, lag=2),
                    Dependency(task="b", link=Link.FINISH_TO_FINISH, lag=-1),
                ],
            ),
            task("d", "g", depends_on=["a", Dependency(task="b", link=Link.START_TO_FINISH)]),
            task("e", "g", depends_on=[Dependency(task="c", lag=3)]),
        ],
    )

    expected = {
        ("a", "c"): {"link": "ss", "lag": 2, "source": "task"},
        ("b", "c"): {"link": "ff", "lag": -1, "source": "task"},
        ("a", "d"): {"link": "fs", "lag": 0, "source": "task"},
        ("b", "d"): {"link": "sf", "lag": 0, "source": "task"},
        ("c", "e"): {"link": "fs", "lag": 3, "source": "task"},
    }
    graph = task_graph(plan)
    assert expected == {
        (before, after): main_link(data) for before, after, data in graph.edges(data=True)
    }


def main_link(data: dict[str, Any]) -> dict[str, Any]:
    """An edge's attributes without ``links``, the list of every link between the pair."""
    return {key: value for key, value in data.items() if key != "links"}


def test_every_link_between_two_tasks_is_kept() -> None:
    """Two links between the same tasks share one edge; ``links`` lists both."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 1, 5),
        goals=[Goal(id="g", title="Do g")],
        tasks=[
            Task(id="a", goal="g", title="A"),
            Task(
                id="b",
                goal="g",
                title="B",
                depends_on=[
                    Dependency(task="a", link=Link.START_TO_START, lag=1),
                    Dependency(task="a", link=Link.FINISH_TO_FINISH, lag=2),
                ],
            ),
        ],
    )
    data = task_graph(plan).edges["a", "b"]
    assert (("ss", 1), ("ff", 2)) == data["links"]
    assert ("ss", 1) == (data["link"], data["lag"])


def test_goal_order_links_prerequisite_work_to_every_dependent_task() -> None:
    """Goal-level order adds finish-to-start edges from every non-recurring task of the
    prerequisite goal and its child goals to every task of the dependent goal and its
    child goals, habits included."""
    graph = task_graph(layered_plan())

    expected = {("h1", "g2"), ("h1", "ghab"), ("h2", "g1"), ("h2", "ghab")}
    assert expected == edges_by_source(graph, "goal")
    for before, after in expected:
        assert {"link": "fs", "lag": 0, "source": "goal"} == main_link(graph.edges[before, after])


def test_habit_of_a_prerequisite_goal_holds_nothing_back() -> None:
    """A habit never finishes, so goal-level order adds no edge from it."""
    graph = task_graph(layered_plan())

    assert [] == list(graph.successors("hab"))


def test_explicit_edge_is_not_duplicated_by_goal_order() -> None:
    """Where a task already depends on a task of the prerequisite goal, that edge stays as given."""
    graph = task_graph(layered_plan())

    assert {"link": "ss", "lag": 2, "source": "task"} == main_link(graph.edges["h1", "g1"])
    assert {"link": "fs", "lag": 0, "source": "task"} == main_link(graph.edges["h2", "g2"])
    assert (("ss", 2), ("fs", 0)) == graph.edges["h1", "g1"]["links"]
    assert (("fs", 0),) == graph.edges["h2", "g2"]["links"]
    assert {("h1", "g1"), ("h2", "g2")} == edges_by_source(graph, "task")
    assert 6 == graph.number_of_edges()


def test_goal_order_reaches_grandchild_goals() -> None:
    """Goal-level order covers the whole subtree on both sides, not only direct children."""
    plan = make_plan(
        [
            goal("h"),
            goal("h-kid", parent="h"),
            goal("h-grandkid", parent="h-kid"),
            goal("g", depends_on=["h"]),
            goal("g-kid", parent="g"),
            goal("g-grandkid", parent="g-kid"),
        ],
        [task("deep-before", "h-grandkid"), task("deep-after", "g-grandkid")],
    )

    assert {("deep-before", "deep-after")} == edges_by_source(task_graph(plan), "goal")


def test_unrelated_goals_add_no_edges() -> None:
    """Without goal dependencies, parents and siblings impose no order on tasks."""
    plan = make_plan(
        [goal("top"), goal("kid", parent="top"), goal("other")],
        [task("a", "top"), task("b", "kid"), task("c", "other")],
    )

    graph = task_graph(plan)

    assert ["a", "b", "c"] == list(graph.nodes)
    assert 0 == graph.number_of_edges()


def test_empty_plan_gives_an_empty_graph() -> None:
    """A plan without tasks gives a graph without nodes."""
    graph = task_graph(make_plan([goal("g")], []))

    assert (0, 0) == (graph.number_of_nodes(), graph.number_of_edges())


def test_example_plan_graph_is_acyclic() -> None:
    """The example plan's graph has every task and no cycle."""
    plan = careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))

    graph = task_graph(plan)

    assert nx.is_directed_acyclic_graph(graph)
    assert {item.id for item in plan.tasks} == set(graph.nodes)


def test_changing_the_graph_leaves_the_plan_alone() -> None:
    """The graph is a new object: editing it changes neither the plan nor later graphs."""
    plan = layered_plan()
    pristine = task_graph(plan)

    graph = task_graph(plan)
    graph.add_edge("g1", "h1", link="fs", lag=0, source="task")
    graph.remove_node("h2")
    graph.nodes["o1"]["title"] = "Changed"
    graph.edges["h1", "g2"]["lag"] = 9

    assert layered_plan() == plan
    assert "Do o1" == plan.task("o1").title
    assert nx.utils.graphs_equal(pristine, task_graph(plan))
    assert task_graph(plan) is not task_graph(plan)


@settings(deterministic, max_examples=75)
@given(acyclic_plans())
def test_graph_matches_the_plan(plan: Plan) -> None:
    """On random plans the graph is acyclic and holds exactly the task links and
    the goal-level pairs not already linked."""
    graph = task_graph(plan)

    explicit = {
        (link.task, item.id): {"link": link.link.value, "lag": link.lag, "source": "task"}
        for item in plan.tasks
        for link in item.links
    }
    implied = {
        pair: {"link": "fs", "lag": 0, "source": "goal"}
        for pair in goal_level_pairs(plan)
        if pair not in explicit
    }
    assert nx.is_directed_acyclic_graph(graph)
    assert [item.id for item in plan.tasks] == list(graph.nodes)
    assert explicit | implied == {(u, v): main_link(data) for u, v, data in graph.edges(data=True)}


# -- topological_order ---------------------------------------------------------


def test_order_breaks_ties_by_id() -> None:
    """Tasks free to come next come in id order, whatever order the plan lists them in."""
    plan = make_plan(
        [goal("g")],
        [task("zeta", "g"), task("beta", "g", depends_on=["zeta"]), task("alpha", "g")],
    )

    assert ("alpha", "zeta", "beta") == topological_order(plan)


def test_order_follows_goal_level_order() -> None:
    """A task of a dependent goal comes after the prerequisite goal's work, despite its id."""
    plan = layered_plan()

    expected = ("h1", "h2", "g1", "g2", "ghab", "hab", "o1")
    assert expected == topological_order(plan)


def test_order_of_an_empty_plan() -> None:
    """A plan without tasks has an empty order."""
    assert () == topological_order(make_plan([], []))


def test_example_plan_order() -> None:
    """In the example plan every task comes once and after everything it depends on."""
    plan = careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))

    order = topological_order(plan)

    position = {task_id: index for index, task_id in enumerate(order)}
    assert len(plan.tasks) == len(order) == len(position)
    for before, after in task_graph(plan).edges:
        assert position[before] < position[after]


@settings(deterministic, max_examples=75)
@given(acyclic_plans())
def test_order_puts_every_task_after_its_predecessors(plan: Plan) -> None:
    """Each task comes once, after its own predecessors and the prerequisite goals' work."""
    order = topological_order(plan)

    position = {task_id: index for index, task_id in enumerate(order)}
    assert len(plan.tasks) == len(order) == len(position)
    for item in plan.tasks:
        for before in item.predecessors:
            assert position[before] < position[item.id]
    for before, after in goal_level_pairs(plan):
        assert position[before] < position[after]


@settings(deterministic, max_examples=75)
@given(acyclic_plans())
def test_order_is_the_lexicographical_topological_sort(plan: Plan) -> None:
    """The order is networkx's lexicographical topological sort of the task graph."""
    expected = tuple(nx.lexicographical_topological_sort(task_graph(plan)))

    assert expected == topological_order(plan)


@settings(deterministic, max_examples=50)
@given(st.data())
def test_order_does_not_depend_on_listing_order(data: st.DataObject) -> None:
    """Listing the tasks in another order gives the same order."""
    plan = data.draw(acyclic_plans())
    shuffled = attrs.evolve(plan, tasks=data.draw(st.permutations(plan.tasks)))

    assert topological_order(plan) == topological_order(shuffled)


# -- cycles through goal-level order -------------------------------------------


def test_prerequisite_task_depending_on_dependent_task_is_a_cycle() -> None:
    """A task of prerequisite goal h that depends on a task of dependent goal g closes a cycle."""
    goals = [goal("h"), goal("g", depends_on=["h"])]
    tasks = [task("b", "g"), task("a", "h", depends_on=["b"])]

    with pytest.raises(CycleError) as caught:
        make_plan(goals, tasks)

    assert CycleError is type(caught.value)
    assert ("a", "b", "goal g", "goal h") == caught.value.cycle
    assert "tasks[1].depends_on" == caught.value.path
    expected = "tasks[1].depends_on: dependency cycle a -> b -> goal g -> goal h -> a"
    assert expected == str(caught.value)


def test_cycle_through_child_goals() -> None:
    """Goal-level order holds for child goals, so a link between them can close a cycle."""
    goals = [goal("h"), goal("hc", parent="h"), goal("g", depends_on=["h"]), goal("gc", parent="g")]
    tasks = [task("z", "gc"), task("a", "hc", depends_on=["z"])]

    with pytest.raises(CycleError) as caught:
        make_plan(goals, tasks)

    assert CycleError is type(caught.value)
    assert ("a", "z", "goal gc", "goal g", "goal h", "goal hc") == caught.value.cycle
    assert "tasks[1].depends_on" == caught.value.path


def test_adding_a_task_that_closes_a_goal_level_cycle() -> None:
    """``add_task`` rejects a task whose link runs against goal-level order."""
    plan = make_plan([goal("h"), goal("g", depends_on=["h"])], [task("b", "g")])

    with pytest.raises(CycleError) as caught:
        plan.add_task(task("a", "h", depends_on=["b"]))

    assert "tasks[1].depends_on" == caught.value.path


def test_cycle_path_names_the_link_that_closes_it() -> None:
    """The path points at a task whose ``depends_on`` lists the next step of the cycle,
    even when the smallest id on the cycle has no dependency of its own."""
    goals = [goal("h"), goal("g", depends_on=["h"])]
    tasks = [task("a", "g"), task("b", "h", depends_on=["a"])]

    with pytest.raises(CycleError) as caught:
        make_plan(goals, tasks)

    assert CycleError is type(caught.value)
    assert "tasks[1].depends_on" == caught.value.path


@pytest.mark.parametrize(
    "tasks",
    [[task("x", "kid")], []],
    ids=["with a task", "without tasks"],
)
def test_goal_depending_on_its_ancestor_is_a_cycle(tasks: list[Task]) -> None:
    """A goal cannot wait for an ancestor goal, whose work includes its own."""
    goals = [goal("top"), goal("mid", parent="top"), goal("kid", parent="mid", depends_on=["top"])]

    with pytest.raises(CycleError) as caught:
        make_plan(goals, tasks)

    assert CycleError is type(caught.value)
    assert "goal kid" in caught.value.cycle
    assert "goal top" in caught.value.cycle


def test_goal_depending_on_its_ancestor_names_the_goal() -> None:
    """The cycle comes from the goal's ``depends_on``, so the path names that field,
    not the ``depends_on`` of a task that lists nothing."""
    goals = [goal("top"), goal("kid", parent="top", depends_on=["top"])]

    with pytest.raises(CycleError) as caught:
        make_plan(goals, [task("x", "kid")])

    assert CycleError is type(caught.value)
    assert "goals[1].depends_on[0]" == caught.value.path


# -- Plan.deadline_for ---------------------------------------------------------


def deadline_plan() -> Plan:
    """Goals with own, inherited and missing deadlines."""
    return make_plan(
        [
            goal("career", deadline=date(2030, 12, 31)),
            goal("cert", parent="career", deadline=date(2026, 6, 30)),
            goal("exam", parent="cert", deadline=date(2026, 9, 30)),
            goal("module", parent="cert"),
            goal("brand", parent="career", deadline=date(2027, 3, 31)),
            goal("free"),
        ],
        [],
    )


@pytest.mark.parametrize(
    ("goal_id", "expected"),
    [
        ("career", date(2030, 12, 31)),
        ("brand", date(2027, 3, 31)),
        ("cert", date(2026, 6, 30)),
        ("exam", date(2026, 6, 30)),
        ("module", date(2026, 6, 30)),
        ("free", None),
    ],
    ids=[
        "own",
        "own earlier than parent's",
        "own, parent's later",
        "parent's earlier",
        "inherited",
        "none",
    ],
)
def test_deadline_for(goal_id: str, expected: date | None) -> None:
    """A goal's work is due by its own deadline or an earlier one of an ancestor."""
    assert expected == deadline_plan().deadline_for(goal_id)


def test_deadline_for_unknown_goal() -> None:
    """An unknown goal id raises UnknownReferenceError naming the goal."""
    with pytest.raises(UnknownReferenceError) as caught:
        deadline_plan().deadline_for("cmo")

    assert UnknownReferenceError is type(caught.value)
    assert ("goal", "cmo") == (caught.value.kind, caught.value.id)
    assert "no goal with id 'cmo'" == str(caught.value)


def test_deadline_for_a_late_plan_start() -> None:
    """Deadlines are dates, not offsets: the plan's start does not move them."""
    plan = attrs.evolve(deadline_plan(), start=START + timedelta(days=7))

    assert date(2026, 6, 30) == plan.deadline_for("module")


@pytest.mark.parametrize(
    ("function", "arguments", "path"),
    [
        *wrong_calls(task_graph, {}, plan="plan"),
        *wrong_calls(topological_order, {}, plan="plan"),
    ],
)
def test_graph_functions_refuse_what_is_not_a_plan(
    function: Callable[..., object], arguments: dict[str, Any], path: str
) -> None:
    """A plan's document or id is refused with a ValidationError naming ``plan``."""
    assert [path] == refused_path(function, arguments)
