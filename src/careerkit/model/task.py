"""A task: a step towards a goal, with its duration, effort, dependencies and progress."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules
from careerkit.model.enums import Link, Status
from careerkit.model.rules import MAX_DURATION, Date, Id, Items, Number, Text
from careerkit.model.skills import SkillGain
from careerkit.model.values import Dependency, _to_dependencies

__all__ = ["Task"]

_ID = Id()
_PLAIN_IDS = rules.Ids()
_LINK_ITEMS = Items(str | Dependency, described="a task id or a Dependency")


@frozen
class _Links(rules.Rule):
    """Predecessors: task ids and dependencies, no task twice by the same link."""

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        # Distinct plain ids, the common case, in one expression; others by ``accepts``.
        return f"({_PLAIN_IDS.test(value, constant)} or {constant(self.accepts)}({value}))"

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if not _LINK_ITEMS.accepts(value):
            _LINK_ITEMS.report(problems, path, value)
            return
        assert isinstance(value, tuple)
        seen: set[tuple[str, Link]] = set()
        for index, item in enumerate(value):
            if isinstance(item, str):
                _ID.check(problems, f"{path}[{index}]", item)
                key = (item, Link.FINISH_TO_START)
            else:
                key = (item.task, item.link)
            if key in seen:
                problems.append(
                    Problem(f"{path}[{index}]", f"duplicate entry {key[0]!r} ({key[1].value})")
                )
            seen.add(key)


_FIELDS = rules.fields(
    "Task",
    id=_ID,
    goal=_ID,
    title=Text(),
    duration=Number(minimum=0, maximum=MAX_DURATION, integer=True),
    effort=Number(minimum=0),
    cost=Number(minimum=0, optional=True),
    depends_on=_Links(),
    optimistic=Number(minimum=0, maximum=MAX_DURATION, integer=True, optional=True),
    pessimistic=Number(minimum=0, maximum=MAX_DURATION, integer=True, optional=True),
    not_before=Date(optional=True),
    due=Date(optional=True),
    recurrence=rules.RRule(optional=True),
    status=rules.Choice(Status),
    started_on=Date(optional=True),
    done_on=Date(optional=True),
    percent_complete=Number(minimum=0, maximum=100, optional=True),
    hours_spent=Number(minimum=0),
    done_occurrences=rules.Dates(),
    notes=Text(required=False),
    builds=Items(SkillGain),
)
"""The rule of each field of a task; rules across fields are the class's own methods."""


_STATUS_FIELDS = frozenset(
    {"not_before", "due", "status", "started_on", "done_on", "percent_complete"}
)
_HABIT_FIELDS = frozenset({"recurrence", "status", "started_on", "done_on", "done_occurrences"})
_ESTIMATE_FIELDS = frozenset({"duration", "optimistic", "pessimistic"})
_PLAIN_ID = frozenset({str})


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
    done_occurrences
        For a habit, the dates of the occurrences that were done, in
        ascending order, each at most once.

        .. versionadded:: 0.1.0
    notes
        Free text.
    builds
        The skills the task develops, each raised when the task is done.

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
    done_occurrences: tuple[date, ...] = field(default=(), converter=rules.to_tuple)
    notes: str = ""
    builds: tuple[SkillGain, ...] = field(default=(), converter=rules.to_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        wrong = _FIELDS.check(problems, self)
        if self.depends_on and "depends_on" not in wrong:
            self._check_dependencies(problems)
        if wrong.isdisjoint(_STATUS_FIELDS):  # the rules across fields, on sound fields
            self._check_status(problems)
        if wrong.isdisjoint(_ESTIMATE_FIELDS):
            self._check_estimate(problems)
        if wrong.isdisjoint(_HABIT_FIELDS) and self.done_occurrences:
            self._check_occurrences(problems)
        rules.raise_if_any(problems)

    def _check_dependencies(self, problems: list[Problem]) -> None:
        """A task cannot depend on itself."""
        if self.id not in self.depends_on and set(map(type, self.depends_on)) <= _PLAIN_ID:
            return  # plain ids, none of them its own: the common case, at C speed
        for index, item in enumerate(self.depends_on):
            if (item if type(item) is str else getattr(item, "task", None)) == self.id:
                problems.append(Problem(f"depends_on[{index}]", "a task cannot depend on itself"))

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

    def _check_occurrences(self, problems: list[Problem]) -> None:
        """Done occurrences belong to a habit, in order, within its actual dates."""
        if self.recurrence is None:
            problems.append(Problem("done_occurrences", "set, but the task is not a habit"))
            return
        if self.status is Status.TODO:
            problems.append(Problem("done_occurrences", "set, but the status is todo"))
            return
        previous: date | None = None
        for index, day in enumerate(self.done_occurrences):
            path = f"done_occurrences[{index}]"
            if previous is not None and day <= previous:
                order = "listed twice" if day == previous else f"before {previous}"
                problems.append(Problem(path, f"{day} is {order}; list dates in ascending order"))
            elif self.started_on is not None and day < self.started_on:
                problems.append(Problem(path, f"{day} is before started_on {self.started_on}"))
            elif self.done_on is not None and day > self.done_on:
                problems.append(Problem(path, f"{day} is after done_on {self.done_on}"))
            previous = day

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
        return as_of is not None and self.status in (Status.DONE, Status.IN_PROGRESS)
