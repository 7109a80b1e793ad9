"""Tests for careerkit.scheduling.deadlines: every goal's inherited deadline in one pass."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from careerkit import Goal, Plan, Task, next_actions, schedule
from careerkit.scheduling.deadlines import inherited_deadlines

START = date(2026, 1, 5)


@st.composite
def goal_trees(draw: st.DrawFn) -> Plan:
    """Plans whose goals form random trees, some with deadlines."""
    count = draw(st.integers(min_value=0, max_value=25))
    goals = []
    for position in range(count):
        parent = (
            draw(st.none() | st.integers(min_value=0, max_value=position - 1)) if position else None
        )
        offset = draw(st.none() | st.integers(min_value=1, max_value=400))
        goals.append(
            Goal(
                id=f"g{position}",
                title="Do it",
                parent=None if parent is None else f"g{parent}",
                deadline=None if offset is None else START + timedelta(days=offset),
            )
        )
    order = draw(st.permutations(goals))  # a child may come before its parent
    return Plan(id="p", owner="o", start=START, goals=order)


@given(goal_trees())
def test_inherited_deadlines_agree_with_deadline_for(plan: Plan) -> None:
    """One pass from the roots gives what Plan.deadline_for gives goal by goal."""
    expected = {
        goal.id: found for goal in plan.goals if (found := plan.deadline_for(goal.id)) is not None
    }
    assert expected == inherited_deadlines(plan)


def test_a_deep_chain_of_goals_schedules() -> None:
    """A chain of 3,000 goals, each the parent of the next, holds the root's deadline all the way down."""
    depth = 3_000
    goals = [
        Goal(
            id=f"g{i}",
            title="Do it",
            parent=f"g{i - 1}" if i else None,
            deadline=START if i == 0 else None,
        )
        for i in range(depth)
    ]
    tasks = [Task(id=f"t{i}", goal=f"g{i}", title="Step", duration=2) for i in range(depth)]
    plan = Plan(id="p", owner="o", start=START, goals=goals, tasks=tasks)
    result = schedule(plan)
    assert {-1} == {result[task.id].total_float for task in tasks}
    actions = next_actions(plan, as_of=START, schedule=schedule(plan, as_of=START))
    assert depth == len(actions)
