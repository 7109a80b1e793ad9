"""Tests for Schedule.critical_path: the chain of work that drives the finish."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from careerkit import Goal, Plan, Task, schedule

from .schedule_strategies import MONDAY_TO_FRIDAY, PROPERTY_SETTINGS, dag_plans

START = date(2026, 11, 23)


def test_the_path_drives_the_finish_not_the_most_negative_float() -> None:
    """A short chain far behind its due date is not the path; the long chain to the finish is."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="g", title="Do g")],
        tasks=[
            Task(id="a", goal="g", title="A", duration=5, due=date(2026, 11, 23)),
            Task(id="b", goal="g", title="B", duration=1, depends_on=["a"]),
            Task(id="x", goal="g", title="X", duration=10),
            Task(id="y", goal="g", title="Y", duration=10, depends_on=["x"]),
        ],
    )
    result = schedule(plan)

    assert ("x", "y") == result.critical_path
    assert result["a"].total_float < result["x"].total_float
    assert result["y"].early_finish == result.finish


@PROPERTY_SETTINGS
@given(data=st.data())
def test_the_path_is_a_chain_of_links_without_slack_to_the_finish(data: st.DataObject) -> None:
    """The last task finishes with the plan; each task drives the next one; the first
    starts at the plan's start (nothing but its earliest start holds it)."""
    plan: Any = data.draw(dag_plans(working_days=MONDAY_TO_FRIDAY, max_tasks=10))
    result = schedule(plan)
    path = result.critical_path
    assert path
    last = result[path[-1]]
    assert last.early_finish == max(entry.early_finish for entry in result)
    for before, after in itertools.pairwise(path):
        assert before in plan.task(after).predecessors
    first = result[path[0]]
    assert (
        first.early_start == min(entry.early_start for entry in result)
        or not plan.task(path[0]).predecessors
    )
