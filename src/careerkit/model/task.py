"""A task: a step towards a goal, with its duration, effort, dependencies and progress."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules as checks
from careerkit.model.enums import Link, Status
from careerkit.model.rules import MAX_DURATION, MAX_MAGNITUDE, MAX_TEXT, match_ids
from careerkit.model.values import Dependency, _to_dependencies

__all__ = ["Task"]

_AMOUNT = (int, float)
"""The types of amounts: hours, money, percentages (never ``bool``)."""
_STR = frozenset({str})
# Module names for the statuses: quicker to reach than attributes of the class.
_TODO, _IN_PROGRESS, _DONE, _DROPPED = Status.TODO, Status.IN_PROGRESS, Status.DONE, Status.DROPPED


@frozen(kw_only=True)
class Task:
    """A step towards a goal.

    Parameters
    ----------
    id
        Unique among the plan's tasks.
    goal
        The goal the task serves.
    title
        What is done.
    duration
        Working days from start to finish; 0 makes the task a milestone.
    effort
        Hours of work, spread over the duration.
    cost
        Money the task costs, if any.
    depends_on
        Predecessor tasks: plain ids for "starts after it finishes", or
        :class:`Dependency` values for other links and lags.
    optimistic, pessimistic
        Optional three-point estimate around ``duration`` (the most likely):
        given together, with ``optimistic <= duration <= pessimistic``.
    not_before
        The task cannot start before this date.
    due
        The task must finish by this date.
    recurrence
        An RFC 5545 RRULE for habits, such as ``FREQ=MONTHLY;BYDAY=2TH``.
    status
        To do, in progress, done or dropped.
    started_on, done_on
        Actual dates: in progress needs ``started_on``, done needs ``done_on``.
    percent_complete
        0 to 100; omitted means "as the status says" (0 to do, 100 done).
    hours_spent
        Hours actually worked.
    notes
        Free text.

    Examples
    --------
    >>> task = Task(id="enrol", goal="cert", title="Enrol in the course", duration=1)
    >>> task.status
    <Status.TODO: 'todo'>
    """

    id: str
    goal: str
    title: str
    duration: int = 1
    effort: float = 0.0
    cost: float | None = None
    depends_on: tuple[str | Dependency, ...] = field(default=(), converter=_to_dependencies)
    optimistic: int | None = None
    pessimistic: int | None = None
    not_before: date | None = None
    due: date | None = None
    recurrence: str | None = None
    status: Status = Status.TODO
    started_on: date | None = None
    done_on: date | None = None
    percent_complete: float | None = None
    hours_spent: float = 0.0
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        if not self._plainly_valid():
            self._check_fields()

    def _plainly_valid(self) -> bool:
        """A fast test that accepts exactly the common valid tasks.

        Anything it does not accept goes through ``_check_fields``, which
        reports the problems; the two agree on every value it accepts.
        """
        # Written out inline, with few operations: this runs for every task of
        # every plan loaded.
        task_id, goal, depends_on = self.id, self.goal, self.depends_on
        if type(task_id) is not str or type(goal) is not str or type(depends_on) is not tuple:
            return False
        try:  # the task's id, its goal and its plain dependencies, matched at once
            ids = "\n".join((task_id, goal, *depends_on))  # type: ignore[arg-type]
        except TypeError:  # a typed dependency, or a value that is not an id
            return False
        title, effort, cost = self.title, self.effort, self.cost
        percent, hours, notes = self.percent_complete, self.hours_spent, self.notes
        not_before, due, status = self.not_before, self.due, self.status
        started, done = self.started_on, self.done_on
        return (
            match_ids(ids) is not None
            and ids.count("\n") == len(depends_on) + 1  # no id held a separator itself
            # Exact strings (as the checks want), none of them the task itself
            # or given twice.
            and (
                not depends_on
                or (
                    type(depends_on[0]) is str and depends_on[0] != task_id
                    if len(depends_on) == 1
                    else set(map(type, depends_on)) == _STR
                    and len({task_id, *depends_on}) == len(depends_on) + 1
                )
            )
            and type(title) is str
            and 0 < len(title) <= MAX_TEXT
            and not title.isspace()
            and type(self.duration) is int
            and 0 <= self.duration <= MAX_DURATION
            and type(effort) in _AMOUNT
            and 0 <= effort <= MAX_MAGNITUDE
            and (cost is None or (type(cost) in _AMOUNT and 0 <= cost <= MAX_MAGNITUDE))
            and self.optimistic is None
            and self.pessimistic is None
            and self.recurrence is None
            and (percent is None or (type(percent) in _AMOUNT and 0 <= percent <= 100))
            and type(hours) in _AMOUNT
            and 0 <= hours <= MAX_MAGNITUDE
            and type(notes) is str
            and len(notes) <= MAX_TEXT
            and (due is None or type(due) is date)
            and (
                not_before is None
                or (type(not_before) is date and (due is None or not_before <= due))
            )
            # What _check_status allows, by status.
            and (
                (
                    status is _TODO
                    and started is None
                    and done is None
                    and (percent is None or percent == 0)
                )
                or (status is _IN_PROGRESS and type(started) is date and done is None)
                or (
                    (status is _DONE or status is _DROPPED)
                    and (started is None or type(started) is date)
                    and (done is None or type(done) is date)
                    and (
                        status is _DROPPED
                        or (done is not None and (percent is None or percent == 100))
                    )
                    and (started is None or done is None or started <= done)
                )
            )
        )

    def _check_fields(self) -> None:
        problems: list[Problem] = []
        checks.check_id(problems, "id", self.id)
        checks.check_id(problems, "goal", self.goal)
        checks.check_text(problems, "title", self.title)
        checks.check_number(
            problems,
            "duration",
            self.duration,
            minimum=0,
            maximum=checks.MAX_DURATION,
            integer=True,
        )
        checks.check_number(problems, "effort", self.effort, minimum=0)
        checks.check_number(problems, "cost", self.cost, minimum=0, optional=True)
        self._check_dependencies(problems)
        for name in ("optimistic", "pessimistic"):
            checks.check_number(
                problems,
                name,
                getattr(self, name),
                minimum=0,
                maximum=checks.MAX_DURATION,
                integer=True,
                optional=True,
            )
        checks.check_date(problems, "not_before", self.not_before, optional=True)
        checks.check_date(problems, "due", self.due, optional=True)
        checks.check_rrule(problems, "recurrence", self.recurrence, optional=True)
        checks.check_enum(problems, "status", self.status, Status)
        checks.check_date(problems, "started_on", self.started_on, optional=True)
        checks.check_date(problems, "done_on", self.done_on, optional=True)
        checks.check_number(
            problems,
            "percent_complete",
            self.percent_complete,
            minimum=0,
            maximum=100,
            optional=True,
        )
        checks.check_number(problems, "hours_spent", self.hours_spent, minimum=0)
        checks.check_text(problems, "notes", self.notes, required=False)
        if not problems:
            self._check_status(problems)
            self._check_estimate(problems)
        checks.raise_if_any(problems)

    def _check_dependencies(self, problems: list[Problem]) -> None:
        if not checks.check_items(
            problems,
            "depends_on",
            self.depends_on,
            str | Dependency,
            described="a task id or a Dependency",
        ):
            return
        seen: set[tuple[str, Link]] = set()
        for index, item in enumerate(self.depends_on):
            path = f"depends_on[{index}]"
            if isinstance(item, str):
                checks.check_id(problems, path, item)
                key = (item, Link.FINISH_TO_START)
            else:
                key = (item.task, item.link)
            if key[0] == self.id:
                problems.append(Problem(path, "a task cannot depend on itself"))
            elif key in seen:
                problems.append(Problem(path, f"duplicate entry {key[0]!r} ({key[1].value})"))
            seen.add(key)

    def _check_estimate(self, problems: list[Problem]) -> None:
        optimistic, pessimistic = self.optimistic, self.pessimistic
        if (optimistic is None) != (pessimistic is None):
            given = "optimistic" if pessimistic is None else "pessimistic"
            other = "pessimistic" if pessimistic is None else "optimistic"
            problems.append(Problem(other, f"needed together with {given}"))
        elif optimistic is not None and pessimistic is not None:
            if optimistic > self.duration:
                problems.append(Problem("optimistic", "longer than the duration"))
            if pessimistic < self.duration:
                problems.append(Problem("pessimistic", "shorter than the duration"))

    @property
    def predecessors(self) -> tuple[str, ...]:
        """The ids of the tasks this one depends on, in order.

        >>> Task(id="t", goal="g", title="T",
        ...      depends_on=["a", Dependency(task="b", link=Link.START_TO_START)]).predecessors
        ('a', 'b')
        """
        return tuple(item if isinstance(item, str) else item.task for item in self.depends_on)

    @property
    def links(self) -> tuple[Dependency, ...]:
        """Every dependency as a :class:`Dependency`, plain ids included.

        >>> Task(id="t", goal="g", title="T", depends_on=["a"]).links[0].link
        <Link.FINISH_TO_START: 'fs'>
        """
        return tuple(
            Dependency(task=item) if isinstance(item, str) else item for item in self.depends_on
        )

    def _check_status(self, problems: list[Problem]) -> None:
        if self.not_before and self.due and self.due < self.not_before:
            problems.append(Problem("due", f"{self.due} is before not_before {self.not_before}"))
        if self.started_on and self.done_on and self.done_on < self.started_on:
            problems.append(
                Problem("done_on", f"{self.done_on} is before started_on {self.started_on}")
            )
        if self.status is Status.TODO:
            if self.started_on is not None:
                problems.append(Problem("started_on", "set, but the status is todo"))
            if self.done_on is not None:
                problems.append(Problem("done_on", "set, but the status is todo"))
            if self.percent_complete not in (None, 0):
                problems.append(Problem("percent_complete", "must be 0 while the status is todo"))
        elif self.status is Status.IN_PROGRESS:
            if self.started_on is None:
                problems.append(Problem("started_on", "a task in progress needs started_on"))
            if self.done_on is not None:
                problems.append(Problem("done_on", "set, but the status is in_progress"))
        elif self.status is Status.DONE:
            if self.done_on is None:
                problems.append(Problem("done_on", "a done task needs done_on"))
            if self.percent_complete not in (None, 100):
                problems.append(Problem("percent_complete", "must be 100 once the task is done"))

    @property
    def fraction_complete(self) -> float:
        """How much of the task is complete, from 0 to 1.

        ``percent_complete`` when given; otherwise 1 for a done task and 0
        for any other.

        >>> Task(id="t", goal="g", title="Draft", status=Status.IN_PROGRESS,
        ...      started_on=date(2026, 1, 5), percent_complete=40).fraction_complete
        0.4
        """
        if self.percent_complete is not None:
            return self.percent_complete / 100
        return 1.0 if self.status is Status.DONE else 0.0

    def fixed_by_progress(self, as_of: date | None) -> bool:
        """Whether actual progress fixes the task's dates at the status date ``as_of``.

        Work done keeps its actual dates and work in progress its actual
        start; without a status date, every task is planned.

        >>> task = Task(id="t", goal="g", title="Draft", status=Status.IN_PROGRESS,
        ...             started_on=date(2026, 1, 5))
        >>> task.fixed_by_progress(date(2026, 1, 9)), task.fixed_by_progress(None)
        (True, False)
        """
        return as_of is not None and self.status in (_DONE, _IN_PROGRESS)
