"""The passes behind :func:`careerkit.schedule`, on integer working-day boundaries.

Abbreviations used here: es/ef/ls/lf are early start, early finish, late
start and late finish, as boundaries (see :mod:`careerkit.scheduling._cpm`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, timedelta

from careerkit.errors import Problem, ValidationError
from careerkit.model import Plan, Status, Task
from careerkit.model.network import FF, FS, Network, build_network
from careerkit.recurrence import occurrences
from careerkit.scheduling import _cpm
from careerkit.scheduling.capacity import (
    Order,
    Room,
    WeekLoad,
    level,
    week_number,
    weekly_load,
)
from careerkit.scheduling.results import (
    Constraint,
    GoalSchedule,
    Schedule,
    TaskRows,
    Violation,
)
from careerkit.workdays import DayIndex

__all__ = ["Scheduler"]

# Module names for the statuses: quicker to reach than attributes of the class.
_IN_PROGRESS, _DONE, _DROPPED = Status.IN_PROGRESS, Status.DONE, Status.DROPPED

_DAY = timedelta(days=1)
_TABLE_LIMIT = 5_000_000  # working days: a table beyond would cost more than it saves


class Scheduler:
    """One run of :func:`schedule`: inputs as integer arrays, then the passes."""

    def __init__(self, plan: Plan, as_of: date | None, *, leveled: bool) -> None:
        self.plan = plan
        self.as_of = as_of
        self.leveled = leveled
        self.days = DayIndex(plan.calendar)
        self.network: Network = build_network(plan.goals, plan.tasks)
        self.origin = self.days.index_of(plan.start)
        self._table: list[date] = []
        self._table_base = 0
        self.deadlines = {
            goal.id: deadline
            for goal in plan.goals
            if (deadline := plan.deadline_for(goal.id)) is not None
        }
        _check_limits(plan, self.days)
        self.limits = self._limits()

    def run(self) -> Schedule:
        network = self.network
        count = len(network.labels)
        predecessors = network.predecessors
        successors = network.successors()
        order = _cpm.topological_order(predecessors)
        durations, earliest, fixed = self._inputs(count)
        self.earliest = earliest
        es, ef = _cpm.forward(predecessors, order, durations, earliest, fixed)
        delay = 0
        if self.leveled and self.plan.tasks:
            unleveled_finish = self._last_day(es, ef)
            ls, lf = self._late(successors, order, es, ef)
            priorities = [
                (lf[node] - ef[node], es[node], network.labels[node]) for node in range(count)
            ]
            self.shift = self._shifts(es, ef)
            rates, booked = self._leveling_load(durations, fixed, es, ef)
            es, ef = level(
                Order(
                    predecessors=predecessors,
                    successors=successors,
                    earliest=earliest,
                    fixed=fixed,
                    priorities=priorities,
                ),
                Room(
                    durations=durations,
                    rates=rates,
                    capacity=self.plan.weekly_capacity,
                    days_per_week=len(self.plan.calendar.working_days),
                ),
                booked=booked,
                days=self.days,
            )
            delay = self._last_day(es, ef) - unleveled_finish
        ls, lf = self._late(successors, order, es, ef)
        return self._result(successors, es, ef, ls, lf, delay)

    def _shifts(self, es: list[int], ef: list[int]) -> list[bool]:
        """Which milestones sit on the day before their start boundary.

        A milestone pushed past its own earliest start by a predecessor's
        finish (a finish-to-start or finish-to-finish link) happens as that
        work ends, on its last day. One held by ``not_before``, the status
        date or a predecessor's start happens on the day it may start.
        """
        shifts = [False] * len(es)
        for node, links in enumerate(self.network.predecessors[: self.network.task_count]):
            start = es[node]
            if ef[node] != start or start <= self.earliest[node]:
                continue
            shifts[node] = any(
                code in (FS, FF) and ef[before] + lag == start for before, code, lag in links
            )
        return shifts

    def _last_day(self, es: list[int], ef: list[int]) -> int:
        """The working-day index of the last day of work."""
        shifts = self._shifts(es, ef)
        count = self.network.task_count
        return max(
            (
                es[node] - 1 if shifts[node] else max(es[node], ef[node] - 1)
                for node in range(count)
            ),
            default=self.origin,
        )

    # -- inputs ------------------------------------------------------------

    def _inputs(self, count: int) -> tuple[list[int], list[int], list[tuple[int, int] | None]]:
        """Durations, lowest starts and fixed (actual) dates of every node."""
        days, as_of = self.days, self.as_of
        lowest = self.origin
        if as_of is not None:
            lowest = max(lowest, days.index_of(as_of))
        durations = [0] * count
        earliest = [self.origin] * count
        fixed: list[tuple[int, int] | None] = [None] * count
        for node, task in enumerate(self.plan.tasks):
            duration = 0 if task.status is _DROPPED else task.duration
            durations[node] = duration
            start = lowest if task.status is not _DROPPED else self.origin
            if task.not_before is not None:
                start = max(start, days.index_of(task.not_before))
            earliest[node] = start
            if as_of is not None:
                fixed[node] = self._actual(task, duration, days.index_of(as_of))
        return durations, earliest, fixed

    def _actual(self, task: Task, duration: int, status_day: int) -> tuple[int, int] | None:
        """The fixed (es, ef) of work done or in progress at the status date."""
        days = self.days
        if task.status is _DONE and task.done_on is not None:
            finish = days.boundary_after(task.done_on)
            if task.started_on is not None:
                start = min(days.index_of(task.started_on), finish)
            else:
                start = max(finish - duration, finish - 1 if duration else finish)
            return start, finish
        if task.status is _IN_PROGRESS and task.started_on is not None:
            start = days.index_of(task.started_on)
            left = duration
            if task.recurrence is None:
                left = math.ceil(duration * (1 - task.fraction_complete) - 1e-9)
            return start, max(status_day, start) + left
        return None

    def _late(
        self,
        successors: list[list[tuple[int, int, int]]],
        order: list[int],
        es: list[int],
        ef: list[int],
    ) -> tuple[list[int], list[int]]:
        finish = max(ef) if ef else self.origin
        latest = [finish] * len(es)
        for node, limit in self.limits.items():
            latest[node] = min(finish, limit)
        spans = [finish - start for start, finish in zip(es, ef, strict=True)]
        return _cpm.backward(successors, order, spans, latest)

    def _limits(self) -> dict[int, int]:
        """The finish boundary each constrained task must not pass (due date, deadlines)."""
        limits = {}
        deadlines = self.deadlines
        for node, task in enumerate(self.plan.tasks):
            due, deadline = task.due, deadlines.get(task.goal)
            if deadline is not None and (due is None or deadline < due):
                limits[node] = self._boundary_after(deadline)
            elif due is not None:
                limits[node] = self._boundary_after(due)
        return limits

    def _boundary_after(self, day: date) -> int:
        return self.days.boundary_after(day)

    def _leveling_load(
        self,
        durations: list[int],
        fixed: list[tuple[int, int] | None],
        es: list[int],
        ef: list[int],
    ) -> tuple[list[float], dict[int, float]]:
        """Hours per working day of each node, and hours already booked per week."""
        rates = [0.0] * len(durations)
        booked: dict[int, float] = {}
        for node, task in enumerate(self.plan.tasks):
            if task.recurrence is not None or task.status is _DROPPED:
                continue
            if fixed[node] is None:
                rates[node] = task.effort / max(durations[node], 1)
        habit_dates = self._habit_dates(es, max(ef))
        for load in self._load(es, ef, habit_dates, only=[item is not None for item in fixed]):
            week = week_number(load.week)
            booked[week] = booked.get(week, 0.0) + load.hours
        return rates, booked

    # -- results -----------------------------------------------------------

    def _result(
        self,
        successors: list[list[tuple[int, int, int]]],
        es: list[int],
        ef: list[int],
        ls: list[int],
        lf: list[int],
        delay: int,
    ) -> Schedule:
        plan, network = self.plan, self.network
        task_count = network.task_count
        labels = network.labels
        finish_boundary = max(ef) if ef else self.origin
        free = _cpm.free_float(successors, es, ef, finish_boundary)
        self._tabulate(min([*es, *ls, self.origin]) - 1, max([*ef, *lf, self.origin]))
        habit_dates = self._habit_dates(es, finish_boundary)
        ordered = sorted(range(task_count), key=list(zip(es, labels, strict=True)).__getitem__)
        row_of = {node: row for row, node in enumerate(ordered)}
        shifted = self.shift = self._shifts(es, ef)
        columns = []
        actual: dict[int, tuple[date, date, bool]] = {}
        tasks = plan.tasks
        status_date = self.as_of is not None
        for row, node in enumerate(ordered):
            task = tasks[node]
            status = task.status
            done = status_date and status is _DONE
            start, finish, late_start, late_finish = es[node], ef[node], ls[node], lf[node]
            total = 0 if done else late_finish - finish
            if shifted[node]:  # a milestone after work sits on that work's last day
                start = finish = start - 1
                late_start = late_finish = late_start - 1
            else:
                finish = finish - 1 if finish > start else start
                late_finish = late_finish - 1 if late_finish > late_start else late_start
            columns.append(
                (
                    start,
                    finish,
                    late_start,
                    late_finish,
                    total,
                    0 if done else free[node],
                    not done and status is not _DROPPED and total <= 0,
                )
            )
            if status_date and (done or status is _IN_PROGRESS):
                actual[row] = (*self._actual_dates(task, start, finish), done)
        if columns:
            first_start = min(column[0] for column in columns)
            last_finish = max(column[1] for column in columns)
        rows = TaskRows(
            tasks=[(labels[node], tasks[node].goal) for node in ordered],
            columns=columns,
            actual=actual,
            occurrences={row_of[node]: dates for node, dates in habit_dates.items()},
            date_of=self._date,
        )
        if columns:
            starts = [self._date(first_start), *(pair[0] for pair in actual.values())]
            finishes = [self._date(last_finish), *(pair[1] for pair in actual.values())]
            start_day, finish_day = min(starts), max(finishes)
            duration = 0
            if any(ef[node] > es[node] for node in range(task_count)):  # not only milestones
                duration = self.days.boundary_after(finish_day) - self.days.index_of(start_day)
        else:
            start_day = finish_day = plan.start
            duration = 0
        critical = [node for row, node in enumerate(ordered) if columns[row][6]]
        goals = self._goals(es, ef)
        return Schedule(
            as_of=self.as_of,
            leveled=self.leveled,
            start=start_day,
            finish=finish_day,
            duration=duration,
            critical_path=self._critical_path(successors, es, ef, lf, critical),
            critical_tasks=tuple(labels[node] for node in critical),
            goals=goals,
            violations=self._violations(es, ef, goals),
            load=self._load(es, ef, habit_dates, only=None),
            leveling_delay=delay,
            rows=rows,
        )

    def _actual_dates(self, task: Task, start: int, finish: int) -> tuple[date, date]:
        """The early dates of work done or started: its actual dates where known."""
        first = task.started_on or task.done_on or self._date(start)
        if task.status is _DONE and task.done_on is not None:
            return first, task.done_on
        return first, max(first, self._date(finish))

    def _tabulate(self, first: int, last: int) -> None:
        """Look dates up in a table from now on, when the span is not absurdly long."""
        if last - first <= _TABLE_LIMIT:
            self._table = self.days.dates(first, last)
            self._table_base = first

    def _date(self, index: int) -> date:
        offset = index - self._table_base
        if 0 <= offset < len(self._table):
            return self._table[offset]
        return self.days.date_of(index)

    def _start_date(self, node: int, start: int, task: Task | None) -> date:
        """The date of a start boundary (a milestone's sits on the day before)."""
        if task is not None and self._fixed_actual(task):
            assert task.started_on is not None or task.done_on is not None
            return task.started_on or self._finish_date(node, start, start, None)
        if self.shift[node]:
            return self._date(start - 1)
        return self._date(start)

    def _finish_date(self, node: int, start: int, finish: int, task: Task | None) -> date:
        """The inclusive date of a finish boundary."""
        if task is not None and self._fixed_actual(task) and task.status is _DONE:
            assert task.done_on is not None
            return task.done_on
        if finish > start:
            return self._date(finish - 1)
        return self._start_date(node, start, None)

    def _fixed_actual(self, task: Task) -> bool:
        return self.as_of is not None and task.status in (_DONE, _IN_PROGRESS)

    def _habit_dates(self, es: list[int], finish_boundary: int) -> dict[int, tuple[date, ...]]:
        """The occurrences of each habit, from its start to its goal's deadline.

        Without a deadline, a habit runs to the end of the plan's work.
        """
        found = {}
        for node, task in enumerate(self.plan.tasks):
            if task.recurrence is None or task.status is _DROPPED:
                continue
            start = self.days.date_of(es[node])
            end = self.deadlines.get(task.goal)
            if end is None:
                end = self.days.date_of(max(finish_boundary - 1, es[node]))
            try:
                found[node] = occurrences(task.recurrence, start=start, end=end)
            except ValidationError as exc:
                raise exc.prefixed(f"tasks[{node}]") from exc
        return found

    def _critical_path(
        self,
        successors: list[list[tuple[int, int, int]]],
        es: list[int],
        ef: list[int],
        lf: list[int],
        critical: list[int],
    ) -> tuple[str, ...]:
        if not critical:
            return ()
        labels = self.network.labels
        least = min(lf[node] - ef[node] for node in critical)
        on_path = {node for node in critical if lf[node] - ef[node] == least}
        node = min(on_path, key=lambda candidate: (es[candidate], labels[candidate]))
        path = [node]
        passed = {node}  # a set: a path can run through most of a plan
        while True:
            following = [
                after
                for after in self._driven(node, successors, es, ef)
                if after in on_path and after not in passed
            ]
            if not following:
                return tuple(labels[step] for step in path)
            node = min(following, key=lambda candidate: (es[candidate], labels[candidate]))
            path.append(node)
            passed.add(node)

    def _driven(
        self,
        node: int,
        successors: list[list[tuple[int, int, int]]],
        es: list[int],
        ef: list[int],
    ) -> Iterator[int]:
        """Tasks whose early dates this node drives (no slack on the link), through
        goal gates and dropped tasks."""
        tasks = self.plan.tasks
        count = self.network.task_count
        stack = [node]
        while stack:
            current = stack.pop()
            for after, code, lag in successors[current]:
                if _cpm.link_slack(code, lag, es, ef, current, after) != 0:
                    continue
                if after >= count or tasks[after].status is _DROPPED:
                    stack.append(after)
                else:
                    yield after

    def _goals(self, es: list[int], ef: list[int]) -> tuple[GoalSchedule, ...]:
        plan = self.plan
        parents = {goal.id: goal.parent for goal in plan.goals}
        firsts: dict[str, int] = {}
        lasts: dict[str, int] = {}
        for node, task in enumerate(plan.tasks):
            if task.recurrence is not None or task.status is _DROPPED:
                continue
            goal_id: str | None = task.goal
            while goal_id is not None:  # the work of a goal includes its child goals'
                first = firsts.get(goal_id)
                if first is None or es[node] < es[first]:
                    firsts[goal_id] = node
                last = lasts.get(goal_id)
                if last is None or ef[node] > ef[last]:
                    lasts[goal_id] = node
                goal_id = parents[goal_id]
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
                slack = self._boundary_after(goal.deadline) - ef[last]
            result.append(
                GoalSchedule(
                    goal=goal.id,
                    start=self._start_date(first, es[first], plan.tasks[first]),
                    finish=self._finish_date(last, es[last], ef[last], plan.tasks[last]),
                    deadline=goal.deadline,
                    slack=slack,
                )
            )
        return tuple(result)

    def _violations(
        self, es: list[int], ef: list[int], goals: tuple[GoalSchedule, ...]
    ) -> tuple[Violation, ...]:
        found = []
        for node, task in enumerate(self.plan.tasks):
            if task.due is None or task.status is _DROPPED:
                continue
            late = ef[node] - self._boundary_after(task.due)
            if late > 0:
                found.append(
                    Violation(
                        constraint=Constraint.DUE,
                        subject=task.id,
                        limit=task.due,
                        finish=self._finish_date(node, es[node], ef[node], task),
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

    def _load(
        self,
        es: list[int],
        ef: list[int],
        habit_dates: dict[int, tuple[date, ...]],
        *,
        only: list[bool] | None,
    ) -> tuple[WeekLoad, ...]:
        """The weekly load of habits and of the tasks ``only`` selects (all if None)."""
        spans = []
        habits: list[tuple[date, float]] = []
        shift = self.shift
        for node, task in enumerate(self.plan.tasks):
            effort = task.effort
            if effort == 0 or task.status is _DROPPED:
                continue
            if task.recurrence is not None:
                habits.extend((day, effort) for day in habit_dates.get(node, ()))
            elif only is None or only[node]:
                if shift[node] or (self.as_of is not None and task.status is _IN_PROGRESS):
                    spans.append(self._span(node, task, es[node], ef[node]))
                else:
                    spans.append((es[node], ef[node], effort))
        return weekly_load(spans, habits, self.days, self.plan.weekly_capacity)

    def _span(self, node: int, task: Task, es: int, ef: int) -> tuple[int, int, float]:
        """(first working day, end boundary, hours) of a task's effort."""
        effort = task.effort
        if self.as_of is not None and task.status is _IN_PROGRESS:
            status_day = self.days.index_of(self.as_of)
            effort = task.effort * (1 - task.fraction_complete)
            return max(es, status_day), ef, effort
        if self.shift[node]:
            return es - 1, es - 1, effort
        return es, ef, effort


def _check_limits(plan: Plan, days: DayIndex) -> None:
    """Reject due dates and deadlines with no working day after the plan starts."""
    origin = days.index_of(plan.start)
    problems = []
    for position, goal in enumerate(plan.goals):
        if goal.deadline is not None and days.boundary_after(goal.deadline) <= origin:
            problems.append(
                Problem(
                    f"goals[{position}].deadline",
                    f"no working day from the plan's start {plan.start} to {goal.deadline}",
                )
            )
    for position, task in enumerate(plan.tasks):
        if task.due is not None and days.boundary_after(task.due) <= origin:
            problems.append(
                Problem(
                    f"tasks[{position}].due",
                    f"no working day from the plan's start {plan.start} to {task.due}",
                )
            )
    if problems:
        raise ValidationError(problems=problems)
