"""Tests for careerkit.render.mermaid.to_mermaid: the dependency graph as Mermaid text."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import careerkit
from careerkit import Dependency, Goal, Link, Plan, Task
from careerkit.errors import ValidationError
from careerkit.render.mermaid import CRITICAL_STYLE, to_mermaid

from .strategies import deterministic, plans

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MONDAY = date(2026, 11, 23)
HOSTILE = 'Say "hi" [now] {x} (y) |z| <b>a</b> --> end\nnext; line #1 %% `code` & done'


def example() -> Plan:
    """The example plan."""
    return careerkit.loads((EXAMPLES / "marketing_director.json").read_text(encoding="utf-8"))


def small() -> Plan:
    """A goal with a child goal: plain, start-to-start and lagged links, a milestone, a habit."""
    return Plan(
        id="ana",
        owner="Ana",
        start=MONDAY,
        goals=[
            Goal(id="cert", title="Earn the certificate"),
            Goal(id="exam-prep", title="Prepare the exam", parent="cert"),
            Goal(id="talk", title="Give a talk", depends_on=["cert"]),
        ],
        tasks=[
            Task(id="study", goal="exam-prep", title="Study", duration=3),
            Task(
                id="drill",
                goal="exam-prep",
                title="Drill",
                duration=2,
                depends_on=[Dependency(task="study", link=Link.START_TO_START, lag=1)],
            ),
            Task(id="ready", goal="cert", title="Ready", duration=0, depends_on=["study", "drill"]),
            Task(
                id="review",
                goal="cert",
                title="Weekly review",
                recurrence="FREQ=WEEKLY;BYDAY=FR",
                depends_on=[Dependency(task="study", link=Link.FINISH_TO_FINISH)],
            ),
            Task(
                id="pitch",
                goal="talk",
                title="Pitch",
                duration=1,
                depends_on=[Dependency(task="ready", lag=2)],
            ),
        ],
    )


SMALL = """\
flowchart LR
    subgraph g_cert ["cert: Earn the certificate"]
        t_ready{{"ready: Ready"}}
        t_review(["review: Weekly review"])
        subgraph g_exam_prep ["exam-prep: Prepare the exam"]
            t_drill["drill: Drill"]
            t_study["study: Study"]
        end
    end
    subgraph g_talk ["talk: Give a talk"]
        t_pitch["pitch: Pitch"]
    end
    t_drill --> t_ready
    t_ready -->|"FS +2d"| t_pitch
    t_study -->|"SS +1d"| t_drill
    t_study --> t_ready
    t_study -->|"FF"| t_review
    g_cert -.-> g_talk
"""


def test_the_text_of_a_small_plan() -> None:
    """Nested subgraphs, shapes by kind of task, link types and lags on the labels."""
    assert SMALL == to_mermaid(small())


def test_critical_tasks_get_a_class_with_a_schedule() -> None:
    """The tasks without float are styled; the text before the styles is unchanged."""
    plan = small()
    schedule = careerkit.schedule(plan)
    text = to_mermaid(plan, schedule=schedule)
    critical = ",".join(
        "t_" + task_id.replace("-", "_") for task_id in sorted(schedule.critical_tasks)
    )

    assert {"study", "ready", "pitch"} <= set(schedule.critical_tasks)
    assert (
        SMALL + f"    classDef critical {CRITICAL_STYLE}\n    class {critical} critical\n" == text
    )


def test_every_task_and_dependency_of_the_example_appears() -> None:
    """One node line per task, one arrow per dependency, one subgraph per goal."""
    plan = example()
    text = to_mermaid(plan, schedule=careerkit.schedule(plan, as_of=date(2026, 11, 26)))
    lines = text.splitlines()
    node = {task.id: "t_" + task.id.replace("-", "_") for task in plan.tasks}
    arrows = [line.strip() for line in lines if "-->" in line]

    assert "flowchart LR" == lines[0]
    for task in plan.tasks:
        shape = re.compile(re.escape(node[task.id]) + r'(\[|\(\[|\{\{)"')
        assert 1 == sum(1 for line in lines if shape.match(line.strip()))
    assert sum(len(task.depends_on) for task in plan.tasks) == len(arrows)
    for task in plan.tasks:
        for before in task.predecessors:
            assert f"{node[before]} --> {node[task.id]}" in arrows
    assert len(plan.goals) == sum(1 for line in lines if line.strip().startswith("subgraph "))
    assert text.count("subgraph ") == sum(1 for line in lines if line.strip() == "end")


def _decoded(label: str) -> str:
    """A label's text as Mermaid shows it: entity codes and line breaks read."""
    return re.sub(r"#(\d+);", lambda found: chr(int(found.group(1))), label).replace("<br>", "\n")


def test_hostile_titles_are_escaped() -> None:
    """Quotes, brackets, pipes, tags, arrows, newlines and comments stay inside the label."""
    plan = attrs.evolve(small(), metadata={})
    plan = plan.update_task("study", title=HOSTILE).update_goal("cert", title=HOSTILE)
    lines = to_mermaid(plan).splitlines()
    study = next(line.strip() for line in lines if line.strip().startswith("t_study"))
    goal = next(line.strip() for line in lines if line.strip().startswith("subgraph g_cert "))
    label = re.fullmatch(r't_study\["([^"]*)"\]', study)
    goal_label = re.fullmatch(r'subgraph g_cert \["([^"]*)"\]', goal)

    assert label is not None
    assert goal_label is not None
    assert f"study: {HOSTILE}" == _decoded(label.group(1))
    assert f"cert: {HOSTILE}" == _decoded(goal_label.group(1))
    assert re.fullmatch(r"[A-Za-z0-9 ,.:'/_#;<>-]*", label.group(1))
    assert "-->" not in label.group(1)
    assert "%%" not in label.group(1)
    assert len(SMALL.splitlines()) == len(lines)  # no statement was split or added


def test_ids_with_other_characters_get_distinct_safe_node_ids() -> None:
    """``a_b``, ``a.b``, ``a:b`` and ``a-b`` are four different nodes, each a plain word."""
    ids = ["a_b", "a.b", "a:b", "a-b", "end"]
    plan = Plan(
        id="p",
        owner="Ana",
        start=MONDAY,
        goals=[Goal(id="g", title="G")],
        tasks=[Task(id=task_id, goal="g", title=task_id) for task_id in ids],
    )
    nodes = [line.strip().split("[", 1)[0] for line in to_mermaid(plan).splitlines()[2:-1]]

    assert len(ids) == len(set(nodes))
    assert all(re.fullmatch(r"t[_x][A-Za-z0-9_]+", node) for node in nodes)
    assert "t_end" in nodes
    assert "t_a_b" in nodes


def test_the_order_does_not_depend_on_the_plans_listing() -> None:
    """Shuffled goals, tasks and dependencies give the same text."""
    plan = example()
    shuffler = random.Random(7)
    tasks = [
        attrs.evolve(task, depends_on=shuffler.sample(task.depends_on, len(task.depends_on)))
        for task in plan.tasks
    ]
    shuffled = attrs.evolve(
        plan,
        goals=shuffler.sample(plan.goals, len(plan.goals)),
        tasks=shuffler.sample(tasks, len(tasks)),
    )

    assert shuffled != plan
    assert to_mermaid(plan) == to_mermaid(shuffled)


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"plan": "plan.json"}, "plan"),
        ({"schedule": {"tasks": []}}, "schedule"),
    ],
)
def test_wrong_arguments_are_named(arguments: dict[str, Any], path: str) -> None:
    """A wrong argument raises a ValidationError naming it."""
    call = {"plan": small(), **arguments}
    with pytest.raises(ValidationError) as caught:
        to_mermaid(call.pop("plan"), **call)
    assert path == caught.value.path


def test_a_schedule_of_another_plan_is_refused() -> None:
    """The schedule must be of the plan's tasks."""
    with pytest.raises(ValidationError) as caught:
        to_mermaid(small(), schedule=careerkit.schedule(example()))
    assert "schedule" == caught.value.path


def test_the_views_page_shows_the_text_of_the_small_plan() -> None:
    """The docs print what to_mermaid gives for the plan they build (the one above)."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "views.rst").read_text("utf-8")
    shown = "".join(f"   {line}\n" for line in to_mermaid(small()).splitlines())

    assert shown in page


def _shown(identifier: str, title: str) -> str:
    """What a label shows: the id and the title, any line break as a newline."""
    return f"{identifier}: {title}".replace("\r\n", "\n").replace("\r", "\n")


_NODE = re.compile(r'(t[_x][A-Za-z0-9_]+)(?:\["([^"]*)"\]|\(\["([^"]*)"\]\)|\{\{"([^"]*)"\}\})')
_SUBGRAPH = re.compile(r'subgraph (g[_x][A-Za-z0-9_]+) \["([^"]*)"\]')
_ARROW = re.compile(
    r'(t[_x][A-Za-z0-9_]+) -->(?:\|"[A-Z]{2}(?: [+-][0-9]+d)?"\|)? (t[_x][A-Za-z0-9_]+)'
)
_GOAL_ARROW = re.compile(r"(g[_x][A-Za-z0-9_]+) -\.-> (g[_x][A-Za-z0-9_]+)")


@settings(deterministic, max_examples=60)
@given(plans(max_goals=5, max_tasks=8))
def test_random_plans_give_well_formed_text(plan: Plan) -> None:
    """On random plans (any ids and titles): every line is one well-formed statement, a node
    per task and a subgraph per goal with distinct ids and labels that read back, an
    arrow per dependency, and balanced subgraphs."""
    lines = [line.strip() for line in to_mermaid(plan).splitlines()]
    nodes, subgraphs, arrows, depth = {}, {}, [], 0
    for line in lines[1:]:
        if found := _NODE.fullmatch(line):
            nodes[found.group(1)] = _decoded(next(group for group in found.groups()[1:] if group))
        elif found := _SUBGRAPH.fullmatch(line):
            subgraphs[found.group(1)] = _decoded(found.group(2))
            depth += 1
        elif line == "end":
            depth -= 1
            assert depth >= 0
        else:
            found = _ARROW.fullmatch(line) or _GOAL_ARROW.fullmatch(line)
            assert found is not None, line
            arrows.append((found.group(1), found.group(2)))

    assert "flowchart LR" == lines[0]
    assert 0 == depth
    assert sorted(_shown(task.id, task.title) for task in plan.tasks) == sorted(nodes.values())
    assert sorted(_shown(goal.id, goal.title) for goal in plan.goals) == sorted(subgraphs.values())
    links = sum(len(task.depends_on) for task in plan.tasks)
    assert links + sum(len(goal.depends_on) for goal in plan.goals) == len(arrows)
    assert set(arrows) <= {(a, b) for a in (*nodes, *subgraphs) for b in (*nodes, *subgraphs)}
