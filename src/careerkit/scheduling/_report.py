"""The :class:`~careerkit.scheduling.results.Schedule` of a plan from the times its passes found.

Boundaries become inclusive dates (a milestone after work sits on that
work's last day), rows are ordered by early start then id, and the
critical path, goal forecasts, missed dates and weekly load are read off
the times.

Abbreviations used here: es/ef/ls/lf are early start, early finish, late
start and late finish, as boundaries (see :mod:`careerkit.scheduling._cpm`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import overload

from attrs import frozen

from careerkit.model import Goal, Status, Task
from careerkit.scheduling import _cpm
from careerkit.scheduling._inputs import Inputs, Times
from careerkit.scheduling.capacity import WeekLoad, weekly_load
from careerkit.scheduling.habits import habit_dates
from careerkit.scheduling.results import (
    Constraint,
    GoalSchedule,
    RowTimes,
    Schedule,
    TaskRows,
    Violation,
)
from careerkit.workdays import DayIndex

__all__ = ["DateTable", "FreeFloats", "Leveling", "report", "weekly_hours"]

_IN_PROGRESS, _DONE, _DROPPED = Status.IN_PROGRESS, Status.DONE, Status.DROPPED


class DateTable:
    """The dates of working-day indexes, each found once and then remembered.

    Only the indexes a schedule shows are ever looked up (four per task at
    most), so the memo grows with the plan, never with the span of its
    calendar.
    """

    __slots__ = ("_days", "_found")

    def __init__(self, days: DayIndex) -> None:
        self._days = days
        self._found: dict[int, date] = {}

    def __getstate__(self) -> tuple[DayIndex, dict[int, date]]:
        return self._days, self._found

    def __setstate__(self, state: tuple[DayIndex, dict[int, date]]) -> None:
        self._days, self._found = state

    def date_of(self, index: int) -> date:
        """The date of a working-day index."""
        found = self._found.get(index)
        if found is None:
            found = self._found[index] = self._days.date_of(index)
        return found


@frozen(kw_only=True)
class Leveling:
    """What a run asked and found of leveling: whether it was asked for, the working
    days it added to the finish, the boundary habits without a deadline run to
    (the end of the work before leveling), and the weekly hours of each node
    leveling placed (None when it moved nothing)."""

    asked: bool
    delay: int
    habit_end: int
    placed: Mapping[int, Sequence[tuple[int, float]]] | None


def report(inputs: Inputs, times: Times, leveling: Leveling) -> Schedule:
    """The schedule: rows, extent, critical path, goals, missed dates and load."""
    network, tasks = inputs.network, inputs.plan.tasks
    es, ef = times.es, times.ef
    labels = network.labels
    finish_boundary = max(ef) if ef else inputs.origin
    dates = DateTable(inputs.days)
    habits = habit_dates(inputs, es, leveling.habit_end)
    by_id = sorted(range(network.task_count), key=labels.__getitem__)
    ordered = sorted(by_id, key=es.__getitem__)  # by early start, then id: the sort is stable
    row_times = _row_times(inputs, times, ordered, finish_boundary)
    actual = _actual_rows(inputs, ordered, row_times, dates)
    row_of = dict(zip(ordered, range(len(ordered)), strict=True)) if habits else {}
    rows = TaskRows(
        ids=list(map(labels.__getitem__, ordered)),
        goals=[tasks[node].goal for node in ordered],
        times=row_times,
        actual=actual,
        occurrences={row_of[node]: found for node, found in habits.items()},
        date_of=dates.date_of,
    )
    start, finish, duration = _extent(inputs, times, row_times, actual, dates)
    critical = [node for row, node in enumerate(ordered) if row_times.critical[row]]
    goals = _goals(inputs, times, dates)
    return Schedule(
        as_of=inputs.as_of,
        leveled=leveling.asked,
        start=start,
        finish=finish,
        duration=duration,
        critical_path=_critical_path(inputs, times),
        critical_tasks=tuple(labels[node] for node in critical),
        goals=goals,
        violations=_violations(inputs, times, dates, goals),
        load=_load(inputs, times, habits, leveling),
        leveling_delay=leveling.delay,
        rows=rows,
    )


def _load(
    inputs: Inputs, times: Times, habits: dict[int, tuple[date, ...]], leveling: Leveling
) -> tuple[WeekLoad, ...]:
    """The weekly load: tasks spread evenly over their days, or as leveling placed them."""
    es, ef, placed = times.es, times.ef, leveling.placed
    if placed is None:
        return weekly_hours(inputs, es, ef, times.shifted, habits, only=None)
    unplaced = [node not in placed for node in range(len(es))]
    labels = inputs.network.labels
    weeks = [
        (week, hours, labels[node]) for node, pieces in placed.items() for week, hours in pieces
    ]
    return weekly_hours(inputs, es, ef, times.shifted, habits, only=unplaced, weeks=weeks)


def _row_times(
    inputs: Inputs, times: Times, ordered: Sequence[int], finish_boundary: int
) -> RowTimes:
    """The rows' dates as indexes of inclusive days, their floats and criticality.

    Whole columns first, then the few rows that differ: milestones after
    work, which sit on that work's last day, and work done, which has
    neither float nor criticality. Free floats are found row by row when
    asked for (see :class:`FreeFloats`).
    """
    tasks, as_of = inputs.plan.tasks, inputs.as_of
    es, ef, ls, lf, shifted = times.es, times.ef, times.ls, times.lf, times.shifted
    starts = list(map(es.__getitem__, ordered))  # columns in row order, at C speed
    late_starts = list(map(ls.__getitem__, ordered))
    finishes = list(map(ef.__getitem__, ordered))
    late_finishes = list(map(lf.__getitem__, ordered))
    totals = [late - early for early, late in zip(finishes, late_finishes, strict=True)]
    settled: set[int] = set()  # rows of work done: no free float
    critical = [total <= 0 for total in totals]
    finishes = [
        finish - 1 if finish > start else start
        for start, finish in zip(starts, finishes, strict=True)
    ]
    late_finishes = [
        finish - 1 if finish > start else start
        for start, finish in zip(late_starts, late_finishes, strict=True)
    ]
    for row, node in enumerate(ordered):
        if shifted[node]:
            starts[row] = finishes[row] = es[node] - 1
            late_starts[row] = late_finishes[row] = ls[node] - 1
        status = tasks[node].status
        if status is _DROPPED:
            critical[row] = False
        elif status is _DONE and tasks[node].fixed_by_progress(as_of):
            totals[row] = 0
            settled.add(row)
            critical[row] = False
    return RowTimes(
        early_start=starts,
        early_finish=finishes,
        late_start=late_starts,
        late_finish=late_finishes,
        total_float=totals,
        free_float=FreeFloats(inputs.successors, times, ordered, finish_boundary, settled),
        critical=critical,
    )


class FreeFloats(Sequence[int]):
    """The free float of each row, found when a row is first asked for.

    A row's free float reads the links to its successors; the rows of a
    schedule are made only when asked for (``TaskRows``), so a schedule
    whose rows nobody reads never walks those links a second time.
    """

    __slots__ = ("_ef", "_es", "_finish", "_ordered", "_settled", "_successors")

    def __init__(
        self,
        successors: _cpm.Links,
        times: Times,
        ordered: Sequence[int],
        finish_boundary: int,
        settled: set[int],
    ) -> None:
        """Free floats of the ``ordered`` nodes, 0 for the ``settled`` rows (work done)."""
        self._successors = successors
        self._es, self._ef = times.es, times.ef
        self._ordered = ordered
        self._finish = finish_boundary
        self._settled = settled

    def __len__(self) -> int:
        return len(self._ordered)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    @overload
    def __getitem__(self, row: int) -> int: ...
    @overload
    def __getitem__(self, row: slice) -> list[int]: ...
    def __getitem__(self, row: int | slice) -> int | list[int]:
        count = len(self._ordered)
        if isinstance(row, slice):
            return [self[one] for one in range(count)[row]]
        if row < 0:
            row += count
        if not 0 <= row < count:
            raise IndexError("free float row out of range")
        node = self._ordered[row]
        if row in self._settled:
            return 0
        return _cpm.free_float(
            self._successors[node],
            self._es[node],
            self._ef[node],
            es=self._es,
            ef=self._ef,
            project_finish=self._finish,
        )


def _actual_rows(
    inputs: Inputs, ordered: Sequence[int], row_times: RowTimes, dates: DateTable
) -> dict[int, tuple[date, date, bool]]:
    """By row, the actual start and finish of work done or started, and whether it is done."""
    tasks, as_of = inputs.plan.tasks, inputs.as_of
    actual: dict[int, tuple[date, date, bool]] = {}
    if as_of is None:
        return actual
    for row, node in enumerate(ordered):
        task = tasks[node]
        if task.fixed_by_progress(as_of):
            first = task.started_on or task.done_on or dates.date_of(row_times.early_start[row])
            if task.status is _DONE and task.done_on is not None:
                actual[row] = (first, task.done_on, True)
            else:
                last = max(first, dates.date_of(row_times.early_finish[row]))
                actual[row] = (first, last, task.status is _DONE)
    return actual


def _extent(
    inputs: Inputs,
    times: Times,
    row_times: RowTimes,
    actual: dict[int, tuple[date, date, bool]],
    dates: DateTable,
) -> tuple[date, date, int]:
    """The first and last days of work, and the working days from one to the other."""
    if not row_times.early_start:
        return inputs.plan.start, inputs.plan.start, 0
    starts = [dates.date_of(min(row_times.early_start))]
    finishes = [dates.date_of(max(row_times.early_finish))]
    for first, last, _ in actual.values():  # work done or started keeps its actual dates
        starts.append(first)
        finishes.append(last)
    start, finish = min(starts), max(finishes)
    es, ef = times.es, times.ef
    if not any(ef[node] > es[node] for node in range(inputs.network.task_count)):
        return start, finish, 0  # only milestones
    return start, finish, inputs.days.boundary_after(finish) - inputs.days.index_of(start)


def _critical_path(inputs: Inputs, times: Times) -> tuple[str, ...]:
    """The chain of work that drives the finish, first to last.

    From the unfinished task that finishes last (the earliest start, then
    the smallest id, among ties), each step goes back to a predecessor whose
    link has no slack (through goal gates and dropped tasks), the earliest
    then smallest id among several, until one is held by nothing but its own
    earliest start. Work done and habits are not on it.
    """
    labels = inputs.network.labels
    es, ef = times.es, times.ef
    open_work = _open_work(inputs)
    if not any(open_work):
        return ()
    count = inputs.network.task_count
    finish = max(ef[node] for node in range(count) if open_work[node])
    node = min(
        (node for node in range(count) if open_work[node] and ef[node] == finish),
        key=lambda candidate: (es[candidate], labels[candidate]),
    )
    path = [node]
    passed = {node}  # a set: a path can run through most of a plan
    while True:
        before = [
            other
            for other in _driving(inputs, times, node)
            if open_work[other] and other not in passed
        ]
        if not before:
            return tuple(labels[step] for step in reversed(path))
        node = min(before, key=lambda candidate: (es[candidate], labels[candidate]))
        path.append(node)
        passed.add(node)


def _open_work(inputs: Inputs) -> list[bool]:
    """Which tasks are work still to do (not done, dropped or a habit)."""
    as_of = inputs.as_of
    return [
        task.recurrence is None
        and task.status is not _DROPPED
        and not (task.status is _DONE and task.fixed_by_progress(as_of))
        for task in inputs.plan.tasks
    ]


def _driving(inputs: Inputs, times: Times, node: int) -> Iterator[int]:
    """Tasks whose early dates drive this node's (no slack on the link), through
    goal gates and dropped tasks."""
    tasks, predecessors = inputs.plan.tasks, inputs.network.predecessors
    es, ef = times.es, times.ef
    count = inputs.network.task_count
    stack = [node]
    while stack:
        current = stack.pop()
        for before, code, lag in predecessors[current]:
            if _cpm.link_slack(before, current, code, lag, es=es, ef=ef) != 0:
                continue
            if before >= count or tasks[before].status is _DROPPED:
                stack.append(before)
            else:
                yield before


def _start_date(
    inputs: Inputs, times: Times, dates: DateTable, node: int, task: Task | None
) -> date:
    """The date a node starts on (a milestone's start sits on the day before)."""
    if task is not None and task.fixed_by_progress(inputs.as_of) and task.started_on is not None:
        return task.started_on
    start = times.es[node]
    return dates.date_of(start - 1 if times.shifted[node] else start)


def _finish_date(
    inputs: Inputs, times: Times, dates: DateTable, node: int, task: Task | None
) -> date:
    """The inclusive date a node finishes on."""
    if task is not None and task.fixed_by_progress(inputs.as_of) and task.status is _DONE:
        assert task.done_on is not None  # a done task has its date (the Task checks it)
        return task.done_on
    if times.ef[node] > times.es[node]:
        return dates.date_of(times.ef[node] - 1)
    return _start_date(inputs, times, dates, node, None)


def _goals(inputs: Inputs, times: Times, dates: DateTable) -> tuple[GoalSchedule, ...]:
    """Every goal's forecast, by id: its work includes that of its child goals."""
    plan = inputs.plan
    es, ef = times.es, times.ef
    firsts: dict[str, int] = {}  # the first task to start, the first listed among ties
    lasts: dict[str, int] = {}  # the last task to finish, the first listed among ties
    for node, task in enumerate(plan.tasks):
        if task.recurrence is not None or task.status is _DROPPED:
            continue
        first = firsts.get(task.goal)
        if first is None or es[node] < es[first]:
            firsts[task.goal] = node
        last = lasts.get(task.goal)
        if last is None or ef[node] > ef[last]:
            lasts[task.goal] = node
    for goal in _children_first(plan.goals):  # a goal's work includes its child goals'
        if goal.parent is None or goal.id not in firsts:
            continue
        first, last = firsts[goal.id], lasts[goal.id]
        above_first, above_last = firsts.get(goal.parent), lasts.get(goal.parent)
        if above_first is None or (es[first], first) < (es[above_first], above_first):
            firsts[goal.parent] = first
        if above_last is None or (ef[last], -last) > (ef[above_last], -above_last):
            lasts[goal.parent] = last
    result = []
    for goal in sorted(plan.goals, key=lambda goal: goal.id):
        if goal.id not in firsts:
            result.append(
                GoalSchedule(
                    goal=goal.id, start=None, finish=None, deadline=goal.deadline, slack=None
                )
            )
            continue
        first, last = firsts[goal.id], lasts[goal.id]
        slack = None
        if goal.deadline is not None:
            slack = inputs.days.boundary_after(goal.deadline) - ef[last]
        result.append(
            GoalSchedule(
                goal=goal.id,
                start=_start_date(inputs, times, dates, first, plan.tasks[first]),
                finish=_finish_date(inputs, times, dates, last, plan.tasks[last]),
                deadline=goal.deadline,
                slack=slack,
            )
        )
    return tuple(result)


def _children_first(goals: Sequence[Goal]) -> list[Goal]:
    """The goals ordered so that every goal comes before its parent."""
    parents = {goal.id: goal.parent for goal in goals}
    depth: dict[str, int] = {}
    for goal in goals:
        chain = []
        goal_id: str | None = goal.id
        while goal_id is not None and goal_id not in depth:
            chain.append(goal_id)
            goal_id = parents[goal_id]
        level = -1 if goal_id is None else depth[goal_id]
        for passed in reversed(chain):  # each goal's depth is found once
            level += 1
            depth[passed] = level
    return sorted(goals, key=lambda goal: -depth[goal.id])


def _violations(
    inputs: Inputs, times: Times, dates: DateTable, goals: tuple[GoalSchedule, ...]
) -> tuple[Violation, ...]:
    """Due dates and deadlines missed, the worst first."""
    found = []
    for node, task in enumerate(inputs.plan.tasks):
        if task.due is None or task.status is _DROPPED:
            continue
        late = times.ef[node] - inputs.days.boundary_after(task.due)
        if late > 0:
            found.append(
                Violation(
                    constraint=Constraint.DUE,
                    subject=task.id,
                    limit=task.due,
                    finish=_finish_date(inputs, times, dates, node, task),
                    by=late,
                )
            )
    for forecast in goals:
        if forecast.late:
            assert forecast.deadline is not None
            assert forecast.finish is not None
            assert forecast.slack is not None
            found.append(
                Violation(
                    constraint=Constraint.DEADLINE,
                    subject=forecast.goal,
                    limit=forecast.deadline,
                    finish=forecast.finish,
                    by=-forecast.slack,
                )
            )
    found.sort(key=lambda violation: (-violation.by, violation.subject))
    return tuple(found)


def weekly_hours(
    inputs: Inputs,
    es: Sequence[int],
    ef: Sequence[int],
    shifted: Sequence[bool],
    habits: dict[int, tuple[date, ...]],
    *,
    only: Sequence[bool] | None,
    weeks: Iterable[tuple[int, float, str]] = (),
) -> tuple[WeekLoad, ...]:
    """The weekly load of habits and of the tasks ``only`` selects (all if None),
    plus ``weeks``, hours by week number and task id."""
    spans = []
    occurring: list[tuple[date, float, str]] = []
    as_of = inputs.as_of
    for node, task in enumerate(inputs.plan.tasks):
        effort = task.effort
        if effort == 0 or task.status is _DROPPED:
            continue
        if task.recurrence is not None:
            occurring.extend((day, effort, task.id) for day in habits.get(node, ()))
        elif only is None or only[node]:
            if task.status is _IN_PROGRESS and task.fixed_by_progress(as_of):
                assert as_of is not None
                status_day = inputs.days.index_of(as_of)
                effort = task.effort * (1 - task.fraction_complete)
                spans.append((max(es[node], status_day), ef[node], effort, task.id))
            elif shifted[node]:  # a milestone after work: its effort lands on that day
                spans.append((es[node] - 1, es[node] - 1, effort, task.id))
            else:
                spans.append((es[node], ef[node], effort, task.id))
    return weekly_load(spans, occurring, inputs.days, inputs.plan.weekly_capacity, weeks)
