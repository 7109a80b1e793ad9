"""The values a schedule is made of (re-exported by :mod:`careerkit.scheduling`).

Abbreviations used here: es/ef/ls/lf are the early start, early finish,
late start and late finish of a task, counted in working-day boundaries (see
the private ``careerkit.scheduling._cpm``); the values returned to users are dates and
working-day counts.

Dates are inclusive working days: a one-day task starting on a Monday
finishes that Monday. A milestone (duration 0) sits on the day its last
predecessor finishes, or on its earliest start when nothing precedes it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from attrs import field, frozen

from careerkit.errors import UnknownReferenceError
from careerkit.io import result_document
from careerkit.model.display import frame_of, html_of
from careerkit.model.lookup import by_id
from careerkit.scheduling.capacity import WeekLoad

__all__ = [
    "Constraint",
    "GoalSchedule",
    "RowTimes",
    "Schedule",
    "TaskRows",
    "TaskSchedule",
    "Violation",
]


class Constraint(enum.Enum):
    """Which kind of date a schedule can miss.

    >>> Constraint("deadline")
    <Constraint.DEADLINE: 'deadline'>
    """

    DUE = "due"
    """A task's ``due`` date."""
    DEADLINE = "deadline"
    """A goal's ``deadline``."""


@result_document("violation")
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


@result_document("task_schedule")
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
    """The earliest day it can finish (inclusive); for a habit, its last
    occurrence."""
    late_start: date
    """The latest day it can start without delaying the plan or a deadline."""
    late_finish: date
    """The latest day it can finish; for a habit, never before its last
    occurrence."""
    total_float: int
    """Working days the task can slip without delaying the plan or a
    deadline; negative when a deadline cannot be met."""
    free_float: int
    """Working days it can slip without delaying any successor."""
    critical: bool
    """Whether it is unfinished and has no float left."""
    occurrences: tuple[date, ...] = ()
    """The dates of a habit's occurrences (recurring tasks only)."""


@result_document("goal_schedule", properties=("late",))
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
class RowTimes:
    """The times of a schedule's tasks, one column per field, one row per task.

    Rows are ordered as in :class:`TaskRows`; dates are the working-day
    indexes of inclusive days.
    """

    early_start: Sequence[int]
    early_finish: Sequence[int]
    late_start: Sequence[int]
    late_finish: Sequence[int]
    total_float: Sequence[int]
    free_float: Sequence[int]
    critical: Sequence[bool]


class TaskRows:
    """Per-task results held as columns; :class:`TaskSchedule` values are made on demand.

    A schedule of 100,000 tasks is cheap to compute because nothing per task
    is built until it is asked for. Rows are ordered by early start, then id.
    Two row sets are equal when every :class:`TaskSchedule` is.
    """

    __slots__ = (
        "_date",
        "_goals",
        "_ids",
        "_made",
        "_occurrences",
        "_positions",
        "_times",
        "count",
    )

    def __init__(
        self,
        *,
        ids: Sequence[str],
        goals: Sequence[str],
        times: RowTimes,
        actual: dict[int, tuple[date, date, bool]],
        occurrences: dict[int, tuple[date, ...]],
        date_of: Callable[[int], date],
    ) -> None:
        """Rows from the tasks' ``ids``, their ``goals`` and their ``times``;
        ``actual`` gives the actual start and finish of work done or started,
        and whether they stand for the late dates too (work done);
        ``occurrences`` the dates of habits, by row; ``date_of`` the date of a
        working-day index."""
        self._ids = ids
        self._goals = goals
        self._times = times
        self._occurrences = occurrences
        self._date = date_of
        self.count = len(ids)
        self._made: list[TaskSchedule | None] = [None] * self.count
        self._positions = dict(zip(ids, range(self.count), strict=True))
        for row, (start, finish, done) in actual.items():
            self._made[row] = self._make(row, start, finish, done=done)

    def _make(
        self,
        row: int,
        start: date | None = None,
        finish: date | None = None,
        *,
        done: bool = False,
    ) -> TaskSchedule:
        times = self._times
        date_of = self._date
        start = start or date_of(times.early_start[row])
        finish = finish or date_of(times.early_finish[row])
        late_finish = finish if done else date_of(times.late_finish[row])
        found = self._occurrences.get(row, ())
        if found:  # a habit's row spans its occurrences
            finish, late_finish = max(finish, found[-1]), max(late_finish, found[-1])
        return TaskSchedule(
            task=self._ids[row],
            goal=self._goals[row],
            early_start=start,
            early_finish=finish,
            late_start=start if done else date_of(times.late_start[row]),
            late_finish=late_finish,
            total_float=times.total_float[row],
            free_float=times.free_float[row],
            critical=times.critical[row],
            occurrences=found,
        )

    def row(self, row: int) -> TaskSchedule:
        """The schedule of the task in row ``row``."""
        made = self._made[row]
        if made is None:
            made = self._made[row] = self._make(row)
        return made

    def all(self) -> tuple[TaskSchedule, ...]:
        """Every row, in order."""
        return tuple(self.row(row) for row in range(self.count))

    def get(self, task_id: str) -> TaskSchedule:
        """The schedule of one task.

        Raises
        ------
        UnknownReferenceError
            No task has this id.
        """
        try:
            return self.row(self._positions[task_id])
        except (KeyError, TypeError):
            raise UnknownReferenceError(kind="task", id=str(task_id)) from None

    def has(self, task_id: object) -> bool:
        """Whether a task has a row."""
        return task_id in self._positions

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TaskRows):
            return NotImplemented
        return self.all() == other.all()

    __hash__ = None  # type: ignore[assignment]


@result_document("schedule", properties=("tasks",))
@frozen(kw_only=True)
class Schedule:
    """The critical-path schedule of a plan.

    ``schedule[task_id]`` gives a :class:`TaskSchedule`; iterating gives
    them all, ordered by early start then id. Made by
    :func:`careerkit.schedule`, which builds per-task values only when they
    are asked for.

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
    """The last day of work (inclusive), habits left out.

    A habit's own row spans its occurrences, which may run on past it."""
    duration: int
    """Working days from ``start`` to ``finish``, both included; 0 when every
    task is a milestone."""
    critical_path: tuple[str, ...]
    """The chain of work still to do that drives the finish, first to last.

    It runs from the task that finishes last back through links without
    slack to one held by nothing but its own earliest start. With deadlines, other tasks may
    have less float (see :attr:`critical_tasks` and each task's
    ``total_float``).

    .. versionchanged:: 0.1.0
       The chain that drives the finish; before, the chain of least float.
    """
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
    _rows: TaskRows = field(alias="rows", repr=False, hash=False)

    @property
    def tasks(self) -> tuple[TaskSchedule, ...]:
        """Every task, ordered by early start then id."""
        return self._rows.all()

    def __getitem__(self, task_id: str) -> TaskSchedule:
        return self._rows.get(task_id)

    def __contains__(self, task_id: object) -> bool:
        return self._rows.has(task_id)

    def __iter__(self) -> Iterator[TaskSchedule]:
        return iter(self._rows.all())

    def __len__(self) -> int:
        return self._rows.count

    def _repr_html_(self) -> str | None:
        """The schedule as an HTML fragment, for notebooks (see
        :func:`careerkit.render.html.schedule_html`)."""
        return html_of(self)

    def to_frame(self) -> Any:
        """The tasks' schedules as a ``pandas.DataFrame``, one row per task in order.

        See :func:`careerkit.render.frames.to_frame`; needs the ``pandas`` extra.

        Raises
        ------
        MissingExtraError
            pandas is not installed.

        Examples
        --------
        >>> import careerkit.render
        >>> frame = careerkit.schedule(sample_plan).to_frame()
        >>> len(frame) == len(sample_plan.tasks), str(frame["early_start"].dtype)
        (True, 'datetime64[s]')
        """
        return frame_of(self)

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
        return by_id(self.goals, "goal", goal_id)
