"""The critical-path schedule of a plan on its working calendar.

Abbreviations used here: es/ef/ls/lf are the early start, early finish,
late start and late finish of a task, counted in working-day boundaries (see
:mod:`careerkit._cpm`); the values returned to users are dates and
working-day counts.

Dates are inclusive working days: a one-day task starting on a Monday
finishes that Monday. A milestone (duration 0) sits on the day its last
predecessor finishes, or on its earliest start when nothing precedes it.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator
from datetime import date, timedelta

from attrs import field, frozen

from careerkit import _cpm
from careerkit._precedence import Network, build_network
from careerkit.capacity import WeekLoad, level, weekly_load
from careerkit.errors import Problem, UnknownReferenceError, ValidationError
from careerkit.model import Plan, Status, Task
from careerkit.recurrence import occurrences
from careerkit.workdays import DayIndex

__all__ = [
    "Constraint",
    "GoalSchedule",
    "Schedule",
    "TaskSchedule",
    "Violation",
    "schedule",
]

_DAY = timedelta(days=1)


class Constraint(enum.Enum):
    """Which kind of date a schedule can miss.

    >>> Constraint("deadline")
    <Constraint.DEADLINE: 'deadline'>
    """

    DUE = "due"
    """A task's ``due`` date."""
    DEADLINE = "deadline"
    """A goal's ``deadline``."""


@frozen(kw_only=True)
class Violation:
    """A date the schedule cannot meet, and by how many working days.

    Examples
    --------
    >>> Violation(constraint=Constraint.DUE, subject="exam", limit=date(2026, 3, 6),
    ...           finish=date(2026, 3, 10), by=2).by
    2
    """

    constraint: Constraint
    """A task's due date or a goal's deadline."""
    subject: str
    """The id of the task or goal."""
    limit: date
    """The date that is missed."""
    finish: date
    """When the task or goal is forecast to finish."""
    by: int
    """Working days past the limit."""


@frozen(kw_only=True)
class TaskSchedule:
    """When one task can happen: early and late dates, float, criticality.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23),
    ...             goals=[Goal(id="g", title="Do g")],
    ...             tasks=[Task(id="t", goal="g", title="Step", duration=2)])
    >>> entry = schedule(plan)["t"]
    >>> entry.early_start, entry.early_finish, entry.total_float, entry.critical
    (datetime.date(2026, 11, 23), datetime.date(2026, 11, 24), 0, True)
    """

    task: str
    """The task's id."""
    goal: str
    """The goal the task serves."""
    early_start: date
    """The earliest day the task can start."""
    early_finish: date
    """The earliest day it can finish (inclusive)."""
    late_start: date
    """The latest day it can start without delaying the plan or a deadline."""
    late_finish: date
    """The latest day it can finish."""
    total_float: int
    """Working days the task can slip without delaying the plan or a
    deadline; negative when a deadline cannot be met."""
    free_float: int
    """Working days it can slip without delaying any successor."""
    critical: bool
    """Whether it is unfinished and has no float left."""
    occurrences: tuple[date, ...] = ()
    """The dates of a habit's occurrences (recurring tasks only)."""


@frozen(kw_only=True)
class GoalSchedule:
    """A goal's forecast: when its work starts and finishes against its deadline.

    The work of a goal includes that of its child goals; habits do not count
    towards its finish.

    Examples
    --------
    >>> GoalSchedule(goal="cert", start=date(2026, 1, 5), finish=date(2026, 5, 29),
    ...              deadline=date(2026, 6, 30), slack=22).late
    False
    """

    goal: str
    """The goal's id."""
    start: date | None
    """When its first task starts (None without tasks)."""
    finish: date | None
    """When its last task finishes (None without tasks)."""
    deadline: date | None
    """The goal's deadline, if any."""
    slack: int | None
    """Working days between the finish and the deadline; negative when late."""

    @property
    def late(self) -> bool:
        """Whether the forecast finish is after the deadline."""
        return self.slack is not None and self.slack < 0


@frozen(kw_only=True)
class Schedule:
    """The critical-path schedule of a plan.

    ``schedule[task_id]`` gives a :class:`TaskSchedule`; iterating gives
    them all, ordered by early start then id.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23),
    ...             goals=[Goal(id="g", title="Do g")],
    ...             tasks=[Task(id="a", goal="g", title="A", duration=3),
    ...                    Task(id="b", goal="g", title="B", duration=2, depends_on=["a"])])
    >>> result = schedule(plan)
    >>> result.finish, result.duration, result.critical_path
    (datetime.date(2026, 11, 27), 5, ('a', 'b'))
    """

    as_of: date | None
    """The status date the schedule was made at, if any."""
    leveled: bool
    """Whether work was delayed to keep the weekly load within capacity."""
    start: date
    """The first day of work."""
    finish: date
    """The last day of work (inclusive)."""
    duration: int
    """Working days from ``start`` to ``finish``, both included."""
    tasks: tuple[TaskSchedule, ...]
    """Every task, ordered by early start then id."""
    critical_path: tuple[str, ...]
    """One chain of tasks with the least float, in order."""
    critical_tasks: tuple[str, ...]
    """Every unfinished task without float, by early start then id."""
    goals: tuple[GoalSchedule, ...]
    """Every goal's forecast, by id."""
    violations: tuple[Violation, ...]
    """Due dates and deadlines the schedule misses, the worst first."""
    load: tuple[WeekLoad, ...]
    """Hours of work per week, for the weeks that have any."""
    leveling_delay: int
    """Working days leveling added to the finish (0 when not leveled)."""
    _positions: dict[str, int] = field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        positions = {entry.task: index for index, entry in enumerate(self.tasks)}
        object.__setattr__(self, "_positions", positions)

    def __getitem__(self, task_id: str) -> TaskSchedule:
        try:
            return self.tasks[self._positions[task_id]]
        except (KeyError, TypeError):
            raise UnknownReferenceError(kind="task", id=str(task_id)) from None

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._positions

    def __iter__(self) -> Iterator[TaskSchedule]:
        return iter(self.tasks)

    def __len__(self) -> int:
        return len(self.tasks)

    @property
    def overloaded_weeks(self) -> tuple[WeekLoad, ...]:
        """The weeks whose load is above the weekly capacity."""
        return tuple(week for week in self.load if week.overloaded)

    def goal(self, goal_id: str) -> GoalSchedule:
        """The forecast of one goal.

        Raises
        ------
        UnknownReferenceError
            No goal has this id.
        """
        for entry in self.goals:
            if entry.goal == goal_id:
                return entry
        raise UnknownReferenceError(kind="goal", id=str(goal_id))


def schedule(plan: Plan, *, as_of: date | None = None, level: bool = False) -> Schedule:
    """Schedule a plan's tasks on its working calendar by the critical-path method.

    Parameters
    ----------
    plan
        The plan.
    as_of
        The status date. When given, done tasks sit at their actual dates,
        tasks in progress keep their actual start and have the rest of their
        duration (from ``percent_complete``) scheduled from ``as_of``, and
        work not started begins no earlier than ``as_of``. Without it, every
        task is planned from the plan's start.
    level
        Delay tasks so that the weekly load stays within the plan's weekly
        capacity (see :mod:`careerkit.capacity`).

    Returns
    -------
    Schedule
        Dates, float and criticality per task, forecasts per goal, missed
        dates, and the weekly load.

    Raises
    ------
    ValidationError
        A due date or deadline leaves no working day after the plan starts,
        a habit's rule has too many occurrences, or dates fall outside the
        years 1 to 9999.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23),
    ...             goals=[Goal(id="g", title="Do g", deadline=date(2026, 11, 25))],
    ...             tasks=[Task(id="a", goal="g", title="A", duration=5)])
    >>> late = schedule(plan)
    >>> late["a"].total_float, late.violations[0].by
    (-2, 2)
    """
    return _Scheduler(plan, as_of, leveled=level).run()


class _Scheduler:
    """One run of :func:`schedule`: inputs as integer arrays, then the passes."""

    def __init__(self, plan: Plan, as_of: date | None, *, leveled: bool) -> None:
        self.plan = plan
        self.as_of = as_of
        self.leveled = leveled
        self.days = DayIndex(plan.calendar)
        self.network: Network = build_network(plan)
        self.origin = self.days.index_of(plan.start)
        self.deadlines = {
            goal.id: deadline
            for goal in plan.goals
            if (deadline := plan.deadline_for(goal.id)) is not None
        }
        _check_limits(plan, self.days)

    def run(self) -> Schedule:
        network = self.network
        count = len(network.labels)
        predecessors = network.predecessors
        successors = network.successors()
        order = _cpm.topological_order(predecessors)
        durations, earliest, fixed = self._inputs(count)
        es, ef = _cpm.forward(predecessors, order, durations, earliest, fixed)
        delay = 0
        if self.leveled and self.plan.tasks:
            unleveled_finish = max(ef)
            ls, lf = self._late(successors, order, es, ef)
            priorities = [
                (lf[node] - ef[node], es[node], network.labels[node]) for node in range(count)
            ]
            rates, booked = self._leveling_load(durations, fixed, es, ef)
            es, ef = level(
                predecessors,
                successors,
                durations,
                earliest,
                fixed,
                rates,
                priorities,
                booked,
                self.days,
                self.plan.weekly_capacity,
                len(self.plan.calendar.working_days),
            )
            delay = max(ef) - unleveled_finish
        ls, lf = self._late(successors, order, es, ef)
        return self._result(successors, es, ef, ls, lf, delay)

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
            duration = 0 if task.status is Status.DROPPED else task.duration
            durations[node] = duration
            start = lowest if task.status is not Status.DROPPED else self.origin
            if task.not_before is not None:
                start = max(start, days.index_of(task.not_before))
            earliest[node] = start
            if as_of is not None:
                fixed[node] = self._actual(task, duration, days.index_of(as_of))
        return durations, earliest, fixed

    def _actual(self, task: Task, duration: int, status_day: int) -> tuple[int, int] | None:
        """The fixed (es, ef) of work done or in progress at the status date."""
        days = self.days
        if task.status is Status.DONE and task.done_on is not None:
            finish = days.index_of(task.done_on + _DAY)
            if task.started_on is not None:
                start = min(days.index_of(task.started_on), finish)
            else:
                start = max(finish - duration, finish - 1 if duration else finish)
            return start, finish
        if task.status is Status.IN_PROGRESS and task.started_on is not None:
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
        for node, task in enumerate(self.plan.tasks):
            latest[node] = min(finish, self._limit(node, task))
        spans = [ef[node] - es[node] for node in range(len(es))]
        return _cpm.backward(successors, order, spans, latest)

    def _limit(self, node: int, task: Task) -> int:
        """The finish boundary a task must not pass (due date, deadlines)."""
        limit = math.inf
        for day in (task.due, self.deadlines.get(task.goal)):
            if day is not None:
                limit = min(limit, self._boundary_after(day))
        return int(limit) if limit != math.inf else 1 << 62

    def _boundary_after(self, day: date) -> int:
        return self.days.index_of(day + _DAY)

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
            if task.recurrence is not None or task.status is Status.DROPPED:
                continue
            if fixed[node] is None and durations[node] > 0:
                rates[node] = task.effort / durations[node]
        habit_dates = self._habit_dates(es, max(ef))
        for load in self._load(es, ef, habit_dates, only=[item is not None for item in fixed]):
            week = load.week.toordinal() // 7
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
        plan, days, network = self.plan, self.days, self.network
        task_count = network.task_count
        finish_boundary = max(ef) if ef else self.origin
        free = _cpm.free_float(successors, es, ef, finish_boundary)
        entries = []
        habit_dates = self._habit_dates(es, finish_boundary)
        for node, task in enumerate(plan.tasks):
            done = self.as_of is not None and task.status is Status.DONE
            total = 0 if done else lf[node] - ef[node]
            entries.append(
                TaskSchedule(
                    task=task.id,
                    goal=task.goal,
                    early_start=self._start_date(node, es[node], task),
                    early_finish=self._finish_date(node, es[node], ef[node], task),
                    late_start=self._start_date(node, ls[node], None),
                    late_finish=self._finish_date(node, ls[node], lf[node], None),
                    total_float=total,
                    free_float=0 if done else free[node],
                    critical=not done and task.status is not Status.DROPPED and total <= 0,
                    occurrences=habit_dates.get(node, ()),
                )
            )
        ordered = sorted(range(task_count), key=lambda node: (es[node], network.labels[node]))
        if entries:
            start_day = min(entry.early_start for entry in entries)
            finish_day = max(entry.early_finish for entry in entries)
            duration = days.index_of(finish_day + _DAY) - days.index_of(start_day)
        else:
            start_day = finish_day = plan.start
            duration = 0
        critical = [node for node in ordered if entries[node].critical]
        goals = self._goals(es, ef)
        return Schedule(
            as_of=self.as_of,
            leveled=self.leveled,
            start=start_day,
            finish=finish_day,
            duration=duration,
            tasks=tuple(entries[node] for node in ordered),
            critical_path=self._critical_path(successors, es, ef, lf, entries, critical),
            critical_tasks=tuple(network.labels[node] for node in critical),
            goals=goals,
            violations=self._violations(ef, entries, goals),
            load=self._load(es, ef, habit_dates, only=None),
            leveling_delay=delay,
        )

    def _start_date(self, node: int, start: int, task: Task | None) -> date:
        """The date of a start boundary (a milestone's sits on the day before)."""
        if task is not None and self._fixed_actual(task):
            assert task.started_on is not None or task.done_on is not None
            return task.started_on or self._finish_date(node, start, start, None)
        if self._shifted(node, start):
            return self.days.date_of(start - 1)
        return self.days.date_of(start)

    def _finish_date(self, node: int, start: int, finish: int, task: Task | None) -> date:
        """The inclusive date of a finish boundary."""
        if task is not None and self._fixed_actual(task) and task.status is Status.DONE:
            assert task.done_on is not None
            return task.done_on
        if finish > start:
            return self.days.date_of(finish - 1)
        return self._start_date(node, start, None)

    def _fixed_actual(self, task: Task) -> bool:
        return self.as_of is not None and task.status in (Status.DONE, Status.IN_PROGRESS)

    def _shifted(self, node: int, start: int) -> bool:
        """Whether a milestone sits at the end of the day before its start boundary."""
        network = self.network
        if node >= network.task_count or self.plan.tasks[node].duration != 0:
            return False
        return bool(network.predecessors[node]) and start - 1 >= self.origin

    def _habit_dates(self, es: list[int], finish_boundary: int) -> dict[int, tuple[date, ...]]:
        """The occurrences of each habit, from its start to its goal's deadline.

        Without a deadline, a habit runs to the end of the plan's work.
        """
        found = {}
        for node, task in enumerate(self.plan.tasks):
            if task.recurrence is None or task.status is Status.DROPPED:
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
        entries: list[TaskSchedule],
        critical: list[int],
    ) -> tuple[str, ...]:
        if not critical:
            return ()
        labels = self.network.labels
        least = min(entries[node].total_float for node in critical)
        on_path = {node for node in critical if entries[node].total_float == least}
        node = min(on_path, key=lambda candidate: (es[candidate], labels[candidate]))
        path = [node]
        while True:
            following = [
                after
                for after in self._driven(node, successors, es, ef)
                if after in on_path and after not in path
            ]
            if not following:
                return tuple(labels[step] for step in path)
            node = min(following, key=lambda candidate: (es[candidate], labels[candidate]))
            path.append(node)

    def _driven(
        self,
        node: int,
        successors: list[list[tuple[int, int, int]]],
        es: list[int],
        ef: list[int],
    ) -> Iterator[int]:
        """Tasks whose early dates this node drives (no slack on the link), through gates."""
        stack = [node]
        while stack:
            current = stack.pop()
            for after, code, lag in successors[current]:
                if _cpm.link_slack(code, lag, es, ef, current, after) != 0:
                    continue
                if after >= self.network.task_count:
                    stack.append(after)
                else:
                    yield after

    def _goals(self, es: list[int], ef: list[int]) -> tuple[GoalSchedule, ...]:
        plan = self.plan
        members = _subtree_tasks(plan)
        result = []
        for goal in sorted(plan.goals, key=lambda goal: goal.id):
            nodes = [
                node
                for node in members[goal.id]
                if plan.tasks[node].recurrence is None
                and plan.tasks[node].status is not Status.DROPPED
            ]
            if not nodes:
                result.append(
                    GoalSchedule(
                        goal=goal.id, start=None, finish=None, deadline=goal.deadline, slack=None
                    )
                )
                continue
            first = min(nodes, key=lambda node: es[node])
            last = max(nodes, key=lambda node: ef[node])
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
        self, ef: list[int], entries: list[TaskSchedule], goals: tuple[GoalSchedule, ...]
    ) -> tuple[Violation, ...]:
        found = []
        for node, task in enumerate(self.plan.tasks):
            if task.due is None or task.status is Status.DROPPED:
                continue
            late = ef[node] - self._boundary_after(task.due)
            if late > 0:
                found.append(
                    Violation(
                        constraint=Constraint.DUE,
                        subject=task.id,
                        limit=task.due,
                        finish=entries[node].early_finish,
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
        for node, task in enumerate(self.plan.tasks):
            if task.status is Status.DROPPED:
                continue
            if task.recurrence is not None:
                habits.extend((day, task.effort) for day in habit_dates.get(node, ()))
            elif only is None or only[node]:
                spans.append(self._span(node, task, es[node], ef[node]))
        return weekly_load(spans, habits, self.days, self.plan.weekly_capacity)

    def _span(self, node: int, task: Task, es: int, ef: int) -> tuple[int, int, float]:
        """(first working day, end boundary, hours) of a task's effort."""
        effort = task.effort
        if self.as_of is not None and task.status is Status.IN_PROGRESS:
            status_day = self.days.index_of(self.as_of)
            effort = task.effort * (1 - task.fraction_complete)
            return max(es, status_day), ef, effort
        if ef == es and self._shifted(node, es):
            return es - 1, es - 1, effort
        return es, ef, effort


def _subtree_tasks(plan: Plan) -> dict[str, list[int]]:
    """For each goal, the positions of the tasks of the goal and its descendants."""
    parents = {goal.id: goal.parent for goal in plan.goals}
    members: dict[str, list[int]] = {goal.id: [] for goal in plan.goals}
    for node, task in enumerate(plan.tasks):
        goal_id: str | None = task.goal
        while goal_id is not None:
            members[goal_id].append(node)
            goal_id = parents[goal_id]
    return members


def _check_limits(plan: Plan, days: DayIndex) -> None:
    """Reject due dates and deadlines with no working day after the plan starts."""
    origin = days.index_of(plan.start)
    problems = []
    for position, goal in enumerate(plan.goals):
        if goal.deadline is not None and days.index_of(goal.deadline + _DAY) <= origin:
            problems.append(
                Problem(
                    f"goals[{position}].deadline",
                    f"no working day from the plan's start {plan.start} to {goal.deadline}",
                )
            )
    for position, task in enumerate(plan.tasks):
        if task.due is not None and days.index_of(task.due + _DAY) <= origin:
            problems.append(
                Problem(
                    f"tasks[{position}].due",
                    f"no working day from the plan's start {plan.start} to {task.due}",
                )
            )
    if problems:
        raise ValidationError(problems=problems)
