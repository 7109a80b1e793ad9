"""Tests for the free floats of a schedule, found row by row when asked for."""

from __future__ import annotations

from datetime import date

import pytest

from careerkit import Goal, Plan, Status, Task, schedule
from careerkit.model.network import FS, SS
from careerkit.scheduling._inputs import Times
from careerkit.scheduling._report import FreeFloats

START = date(2026, 11, 23)  # a Monday


def test_free_float_of_each_task() -> None:
    """A task slips without moving its successors by its free float; one without
    successors up to the finish; work done has none."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="g", title="Reach g")],
        tasks=[
            Task(id="a", goal="g", title="A", duration=2, status=Status.DONE,
                 started_on=START, done_on=date(2026, 11, 24)),
            Task(id="b", goal="g", title="B", duration=1, depends_on=["a"]),
            Task(id="c", goal="g", title="C", duration=3, depends_on=["a"]),
            Task(id="d", goal="g", title="D", duration=1, depends_on=["b"]),
        ],
    )  # fmt: skip

    planned, tracked = schedule(plan), schedule(plan, as_of=date(2026, 11, 25))

    assert {"a": 0, "b": 0, "c": 0, "d": 1} == {row.task: row.free_float for row in planned}
    assert 0 == tracked["a"].free_float


def test_free_floats_read_as_a_list() -> None:
    """The column answers indexes, negative ones and slices as a list of its values would."""
    times = Times(es=[0, 2, 0], ef=[1, 3, 1], ls=[1, 3, 1], lf=[2, 4, 2], shifted=[False] * 3)
    successors = [[(1, FS, 0)], [], [(1, SS, 1)]]  # node 2 starts node 1 a day after its start
    floats = FreeFloats(successors, times, ordered=[2, 0, 1], finish_boundary=4, settled={2})

    assert [1, 1, 0] == list(floats)  # the last row is work done
    assert [1, 1, 0] == floats
    assert 0 == floats[-1]
    assert 1 == floats[-2]
    assert [1, 0] == floats[1:]
    assert 3 == len(floats)
    with pytest.raises(IndexError):
        floats[3]
    with pytest.raises(IndexError):
        floats[-4]
