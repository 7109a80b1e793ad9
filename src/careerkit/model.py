"""The plan model: immutable values that describe a career plan.

A :class:`Plan` holds a vision, a self-evaluation (:class:`Profile`), goals
(:class:`Goal`, optionally measured by a :class:`Metric`), the tasks that
achieve them (:class:`Task`), check-ins (:class:`CheckIn`) and the working
:class:`Calendar`. Every class is a frozen, keyword-only attrs class; bad
values are rejected at construction with a
:class:`~careerkit.errors.ValidationError` naming the field, and edits return
a new validated plan.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

import attrs
from attrs import field, frozen

from careerkit import _checks as checks
from careerkit._integrity import check_plan
from careerkit.errors import Problem, UnknownReferenceError, ValidationError

__all__ = [
    "Calendar",
    "Category",
    "CheckIn",
    "Dependency",
    "Direction",
    "Goal",
    "GoalStatus",
    "Horizon",
    "Link",
    "Measurement",
    "Metric",
    "Plan",
    "Profile",
    "Source",
    "Status",
    "Task",
    "Weekday",
]


class Horizon(enum.Enum):
    """How far away a goal is: short (under a year), medium (one to three
    years) or long term.

    >>> Horizon("long")
    <Horizon.LONG: 'long'>
    """

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class Category(enum.Enum):
    """What kind of career goal this is.

    >>> Category.JOB_SEARCH.value
    'job_search'
    """

    LEARNING = "learning"
    SKILLS = "skills"
    NETWORKING = "networking"
    MENTORSHIP = "mentorship"
    JOB_SEARCH = "job_search"
    PERSONAL_BRAND = "personal_brand"
    EXPERIENCE = "experience"
    OTHER = "other"


class GoalStatus(enum.Enum):
    """Where a goal stands.

    >>> GoalStatus.ON_HOLD.value
    'on_hold'
    """

    ACTIVE = "active"
    ACHIEVED = "achieved"
    ABANDONED = "abandoned"
    ON_HOLD = "on_hold"


class Status(enum.Enum):
    """Where a task stands.

    >>> Status("in_progress")
    <Status.IN_PROGRESS: 'in_progress'>
    """

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Direction(enum.Enum):
    """Whether a metric should go up or down to reach its target.

    >>> Direction.DECREASE.value
    'decrease'
    """

    INCREASE = "increase"
    DECREASE = "decrease"


class Source(enum.Enum):
    """Who gave the feedback recorded in a check-in.

    >>> Source("mentor")
    <Source.MENTOR: 'mentor'>
    """

    SELF = "self"
    MENTOR = "mentor"
    PEER = "peer"
    MANAGER = "manager"
    COACH = "coach"


class Weekday(enum.Enum):
    """A day of the week; ``number`` matches :meth:`datetime.date.weekday`.

    >>> Weekday.FRIDAY.number
    4
    >>> Weekday.of(date(2026, 11, 26))
    <Weekday.THURSDAY: 'thursday'>
    """

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """0 for Monday through 6 for Sunday."""
        return _WEEKDAY_NUMBERS[self]

    @classmethod
    def of(cls, day: date) -> Weekday:
        """The weekday of a date."""
        return _WEEKDAYS[day.weekday()]


class Link(enum.Enum):
    """How a task depends on another: which ends of the two are tied.

    ``FINISH_TO_START`` (the default): the task starts after the other
    finishes. ``START_TO_START``: it starts after the other starts.
    ``FINISH_TO_FINISH``: it finishes after the other finishes.
    ``START_TO_FINISH``: it finishes after the other starts.

    >>> Link("ss")
    <Link.START_TO_START: 'ss'>
    """

    FINISH_TO_START = "fs"
    START_TO_START = "ss"
    FINISH_TO_FINISH = "ff"
    START_TO_FINISH = "sf"


_WEEKDAYS = tuple(Weekday)
_WEEKDAY_NUMBERS = {day: number for number, day in enumerate(_WEEKDAYS)}
_MONDAY_TO_FRIDAY = _WEEKDAYS[:5]


def _to_mapping(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


@frozen(kw_only=True)
class Profile:
    """The self-evaluation a plan starts from.

    Goals name the entries they serve in ``Goal.relevant_to``.

    Parameters
    ----------
    strengths, weaknesses, interests, values
        Short phrases, each list without duplicates.

    Examples
    --------
    >>> Profile(strengths=("storytelling",), values=("growth",)).values
    ('growth',)
    """

    strengths: tuple[str, ...] = field(default=(), converter=checks.to_tuple)
    weaknesses: tuple[str, ...] = field(default=(), converter=checks.to_tuple)
    interests: tuple[str, ...] = field(default=(), converter=checks.to_tuple)
    values: tuple[str, ...] = field(default=(), converter=checks.to_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_texts(problems, "strengths", self.strengths)
        checks.check_texts(problems, "weaknesses", self.weaknesses)
        checks.check_texts(problems, "interests", self.interests)
        checks.check_texts(problems, "values", self.values)
        checks.raise_if_any(problems)

    def entries(self) -> frozenset[str]:
        """Every strength, weakness, interest and value, for relevance links.

        >>> sorted(Profile(interests=("branding",), values=("growth",)).entries())
        ['branding', 'growth']
        """
        return frozenset((*self.strengths, *self.weaknesses, *self.interests, *self.values))


@frozen(kw_only=True)
class Calendar:
    """The working calendar that durations in working days are counted on.

    Parameters
    ----------
    working_days
        The weekdays that are worked, Monday to Friday by default.
    holidays
        Dates that are not worked even if their weekday is.
    hours_per_day
        Hours in one working day (above 0, at most 24).

    Examples
    --------
    >>> Calendar().working_days[-1]
    <Weekday.FRIDAY: 'friday'>
    >>> Calendar(working_days=())
    Traceback (most recent call last):
    careerkit.ValidationError: working_days: at least one weekday must be worked
    """

    working_days: tuple[Weekday, ...] = field(default=_MONDAY_TO_FRIDAY, converter=checks.to_tuple)
    holidays: tuple[date, ...] = field(default=(), converter=checks.to_tuple)
    hours_per_day: float = 8.0

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if checks.check_items(problems, "working_days", self.working_days, Weekday):
            if not self.working_days:
                problems.append(Problem("working_days", "at least one weekday must be worked"))
            elif len(set(self.working_days)) != len(self.working_days):
                problems.append(Problem("working_days", "lists a weekday twice"))
        if checks.check_items(problems, "holidays", self.holidays, date):
            seen: set[date] = set()
            for index, holiday in enumerate(self.holidays):
                checks.check_date(problems, f"holidays[{index}]", holiday)
                if holiday in seen:
                    problems.append(Problem(f"holidays[{index}]", f"duplicate holiday {holiday}"))
                seen.add(holiday)
        checks.check_number(problems, "hours_per_day", self.hours_per_day, above=0, maximum=24)
        checks.raise_if_any(problems)


@frozen(kw_only=True)
class Metric:
    """How a goal is measured: a quantity moving from a baseline to a target.

    Parameters
    ----------
    name
        What is measured, such as ``"professional contacts"``.
    unit
        The unit of the values, such as ``"people"`` (may be empty).
    baseline, target
        The value at the start and the value that achieves the goal.
    direction
        Whether the value should increase (default) or decrease; the target
        must lie on that side of the baseline.

    Examples
    --------
    >>> Metric(name="contacts", unit="people", baseline=40, target=120).direction
    <Direction.INCREASE: 'increase'>
    """

    name: str
    unit: str = ""
    baseline: float
    target: float
    direction: Direction = Direction.INCREASE

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_text(problems, "name", self.name)
        checks.check_text(problems, "unit", self.unit, required=False)
        checks.check_number(problems, "baseline", self.baseline)
        checks.check_number(problems, "target", self.target)
        checks.check_enum(problems, "direction", self.direction, Direction)
        if not problems:
            if self.direction is Direction.INCREASE and self.target < self.baseline:
                problems.append(Problem("target", "below the baseline for an increasing metric"))
            if self.direction is Direction.DECREASE and self.target > self.baseline:
                problems.append(Problem("target", "above the baseline for a decreasing metric"))
        checks.raise_if_any(problems)


@frozen(kw_only=True)
class Measurement:
    """A dated value of a goal's metric.

    >>> Measurement(on=date(2026, 3, 1), value=55).value
    55
    """

    on: date
    value: float
    note: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_date(problems, "on", self.on)
        checks.check_number(problems, "value", self.value)
        checks.check_text(problems, "note", self.note, required=False)
        checks.raise_if_any(problems)


@frozen(kw_only=True)
class CheckIn:
    """A dated check-in: how satisfied the person is and what others said.

    Parameters
    ----------
    on
        The date of the check-in.
    satisfaction
        1 (very unhappy with progress) to 5 (very happy).
    source
        Whose view this is: the person's own, or a mentor's, peer's, ...
    notes
        Free text, such as the feedback given.

    Examples
    --------
    >>> CheckIn(on=date(2026, 2, 1), satisfaction=4, source=Source.MENTOR).satisfaction
    4
    """

    on: date
    satisfaction: int
    source: Source = Source.SELF
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_date(problems, "on", self.on)
        checks.check_number(
            problems, "satisfaction", self.satisfaction, minimum=1, maximum=5, integer=True
        )
        checks.check_enum(problems, "source", self.source, Source)
        checks.check_text(problems, "notes", self.notes, required=False)
        checks.raise_if_any(problems)


@frozen(kw_only=True)
class Dependency:
    """A typed link to a predecessor task, with a lag or lead in working days.

    A plain task id in ``Task.depends_on`` means finish-to-start without lag;
    such a dependency is stored as the plain id, so both spellings are equal.

    Parameters
    ----------
    task
        The predecessor's id.
    link
        Which ends are tied (finish-to-start by default).
    lag
        Working days between the tied ends: positive waits, negative (a lead)
        overlaps.

    Examples
    --------
    >>> apply = Task(id="apply", goal="g", title="Apply for the promotion",
    ...              depends_on=[Dependency(task="cert", lag=60)])
    >>> apply.depends_on[0].lag
    60
    >>> Task(id="t", goal="g", title="T", depends_on=[Dependency(task="a")]).depends_on
    ('a',)
    """

    task: str
    link: Link = Link.FINISH_TO_START
    lag: int = 0

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_id(problems, "task", self.task)
        checks.check_enum(problems, "link", self.link, Link)
        limit = checks.MAX_DURATION
        checks.check_number(problems, "lag", self.lag, minimum=-limit, maximum=limit, integer=True)
        checks.raise_if_any(problems)


def _to_dependencies(value: Any) -> Any:
    """A tuple of dependencies, plain finish-to-start ones as their ids."""
    value = checks.to_tuple(value)
    if type(value) is tuple:
        for item in value:
            if type(item) is not str:
                return tuple(
                    item.task
                    if type(item) is Dependency
                    and item.link is Link.FINISH_TO_START
                    and item.lag == 0
                    else item
                    for item in value
                )
    return value


@frozen(kw_only=True)
class Goal:
    """A career goal.

    Parameters
    ----------
    id
        Unique among the plan's goals.
    title
        What is achieved, such as "Earn the Google Analytics certification".
    description
        Longer free text.
    horizon
        Short, medium or long term.
    category
        What kind of goal (learning, networking, ...).
    parent
        The longer-term goal this one breaks down.
    depends_on
        Goals that must be reached first: their tasks come before this
        goal's tasks.
    start, deadline
        When work on the goal starts (the plan's start if omitted) and when
        it must be reached.
    metric
        How the goal is measured, if it is.
    weight
        Relative importance among goals (0 or more, default 1).
    status
        Active, achieved, abandoned or on hold; achieved needs
        ``achieved_on``.
    backup_for
        The goal this one is a contingency for.
    relevant_to
        Entries of the plan's profile this goal serves.
    achieved_on
        When the goal was reached.
    measurements
        Dated values of the metric.

    Examples
    --------
    >>> goal = Goal(id="cert", title="Earn the Google Analytics certification",
    ...             deadline=date(2027, 6, 30))
    >>> goal.status
    <GoalStatus.ACTIVE: 'active'>
    """

    id: str
    title: str
    description: str = ""
    horizon: Horizon = Horizon.MEDIUM
    category: Category = Category.OTHER
    parent: str | None = None
    depends_on: tuple[str, ...] = field(default=(), converter=checks.to_tuple)
    start: date | None = None
    deadline: date | None = None
    metric: Metric | None = None
    weight: float = 1.0
    status: GoalStatus = GoalStatus.ACTIVE
    backup_for: str | None = None
    relevant_to: tuple[str, ...] = field(default=(), converter=checks.to_tuple)
    achieved_on: date | None = None
    measurements: tuple[Measurement, ...] = field(default=(), converter=checks.to_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_id(problems, "id", self.id)
        checks.check_text(problems, "title", self.title)
        checks.check_text(problems, "description", self.description, required=False)
        checks.check_enum(problems, "horizon", self.horizon, Horizon)
        checks.check_enum(problems, "category", self.category, Category)
        if self.parent is not None:
            checks.check_id(problems, "parent", self.parent)
            if self.parent == self.id:
                problems.append(Problem("parent", "a goal cannot be its own parent"))
        checks.check_ids(problems, "depends_on", self.depends_on)
        if type(self.depends_on) is tuple and self.id in self.depends_on:
            index = self.depends_on.index(self.id)
            problems.append(Problem(f"depends_on[{index}]", "a goal cannot depend on itself"))
        checks.check_date(problems, "start", self.start, optional=True)
        checks.check_date(problems, "deadline", self.deadline, optional=True)
        if self.metric is not None and not isinstance(self.metric, Metric):
            problems.append(Problem("metric", f"expected Metric, got {type(self.metric).__name__}"))
        checks.check_number(problems, "weight", self.weight, minimum=0)
        checks.check_enum(problems, "status", self.status, GoalStatus)
        if self.backup_for is not None:
            checks.check_id(problems, "backup_for", self.backup_for)
            if self.backup_for == self.id:
                problems.append(Problem("backup_for", "a goal cannot be its own backup"))
        checks.check_texts(problems, "relevant_to", self.relevant_to)
        checks.check_date(problems, "achieved_on", self.achieved_on, optional=True)
        checks.check_items(problems, "measurements", self.measurements, Measurement)
        if not problems:
            self._check_dates(problems)
        checks.raise_if_any(problems)

    def _check_dates(self, problems: list[Problem]) -> None:
        if self.start and self.deadline and self.deadline < self.start:
            problems.append(
                Problem("deadline", f"{self.deadline} is before the start {self.start}")
            )
        if self.status is GoalStatus.ACHIEVED and self.achieved_on is None:
            problems.append(Problem("achieved_on", "an achieved goal needs achieved_on"))
        if self.achieved_on is not None:
            if self.status is not GoalStatus.ACHIEVED:
                problems.append(
                    Problem("achieved_on", f"set, but the status is {self.status.value}")
                )
            elif self.start and self.achieved_on < self.start:
                problems.append(
                    Problem("achieved_on", f"{self.achieved_on} is before the start {self.start}")
                )
        if self.metric is None and self.measurements:
            problems.append(Problem("measurements", "measurements need a metric"))


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
        if self._plainly_valid():
            problems: list[Problem] = []
            self._check_status(problems)
            if not problems:
                return
        self._check_fields()

    def _plainly_valid(self) -> bool:
        """A fast test that accepts exactly the common valid tasks.

        Anything it does not accept goes through ``_check_fields``, which
        reports the problems; the two agree on every value it accepts.
        """
        # Written out inline: this runs for every task of every plan loaded.
        match, amount, top = checks.match_id, (int, float), checks.MAX_MAGNITUDE
        title, effort, hours, notes = self.title, self.effort, self.hours_spent, self.notes
        percent, cost, depends_on = self.percent_complete, self.cost, self.depends_on
        return (
            type(self.id) is str
            and match(self.id) is not None
            and type(self.goal) is str
            and match(self.goal) is not None
            and type(title) is str
            and 0 < len(title) <= checks.MAX_TEXT
            and not title.isspace()
            and type(self.duration) is int
            and 0 <= self.duration <= checks.MAX_DURATION
            and type(effort) in amount
            and 0 <= effort <= top
            and (cost is None or (type(cost) in amount and 0 <= cost <= top))
            and checks.are_plain_ids(depends_on)
            and self.id not in depends_on
            and self.optimistic is None
            and self.pessimistic is None
            and (self.not_before is None or type(self.not_before) is date)
            and (self.due is None or type(self.due) is date)
            and self.recurrence is None
            and type(self.status) is Status
            and (self.started_on is None or type(self.started_on) is date)
            and (self.done_on is None or type(self.done_on) is date)
            and (percent is None or (type(percent) in amount and 0 <= percent <= 100))
            and type(hours) in amount
            and 0 <= hours <= top
            and type(notes) is str
            and len(notes) <= checks.MAX_TEXT
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


@frozen(kw_only=True)
class Plan:
    """A career plan: vision, self-evaluation, goals, tasks and check-ins.

    Construction validates the whole plan: ids are unique, every reference
    resolves, dates agree and there is no dependency cycle. Edits such as
    :meth:`add_task` return a new, validated plan.

    Parameters
    ----------
    id
        Identifies the plan.
    owner
        Whose plan it is.
    vision
        The destination, such as "marketing director within five years".
    start
        The first day of the plan.
    profile
        The self-evaluation.
    goals, tasks, check_ins
        The plan's goals, the tasks that achieve them, and check-ins.
    calendar
        The working calendar.
    weekly_capacity
        Hours a week available for the plan's work (above 0).
    budget
        Money available for task costs, if tracked.
    review_cadence
        How often the plan is reviewed, as an RFC 5545 RRULE.
    metadata
        Strings kept for the products that embed careerkit.

    Raises
    ------
    ValidationError
        A value is out of range, an id is duplicated, a reference does not
        resolve or dates disagree; the error lists every problem by path.
    CycleError
        Task or goal dependencies (or goal parents) form a cycle.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             goals=[Goal(id="cert", title="Earn the certification")],
    ...             tasks=[Task(id="study", goal="cert", title="Study", duration=10)])
    >>> plan.task("study").duration
    10
    >>> plan.task("exam")
    Traceback (most recent call last):
    careerkit.UnknownReferenceError: no task with id 'exam'
    """

    id: str
    owner: str
    vision: str = ""
    start: date
    profile: Profile = field(factory=Profile)
    goals: tuple[Goal, ...] = field(default=(), converter=checks.to_tuple)
    tasks: tuple[Task, ...] = field(default=(), converter=checks.to_tuple)
    check_ins: tuple[CheckIn, ...] = field(default=(), converter=checks.to_tuple)
    calendar: Calendar = field(factory=Calendar)
    weekly_capacity: float = 10.0
    budget: float | None = None
    review_cadence: str = "FREQ=WEEKLY;INTERVAL=4"
    metadata: Mapping[str, str] = field(
        factory=lambda: MappingProxyType({}), converter=_to_mapping, hash=False
    )
    _goal_index: dict[str, int] = field(init=False, repr=False, eq=False, hash=False)
    _task_index: dict[str, int] = field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_id(problems, "id", self.id)
        checks.check_text(problems, "owner", self.owner)
        checks.check_text(problems, "vision", self.vision, required=False)
        checks.check_date(problems, "start", self.start)
        if not isinstance(self.profile, Profile):
            problems.append(Problem("profile", "expected Profile"))
        goals_ok = checks.check_items(problems, "goals", self.goals, Goal)
        tasks_ok = checks.check_items(problems, "tasks", self.tasks, Task)
        checks.check_items(problems, "check_ins", self.check_ins, CheckIn)
        if not isinstance(self.calendar, Calendar):
            problems.append(Problem("calendar", "expected Calendar"))
        checks.check_number(problems, "weekly_capacity", self.weekly_capacity, above=0)
        checks.check_number(problems, "budget", self.budget, minimum=0, optional=True)
        checks.check_rrule(problems, "review_cadence", self.review_cadence, optional=False)
        checks.check_mapping(problems, "metadata", self.metadata)
        checks.raise_if_any(problems)
        if goals_ok and tasks_ok:
            goal_index, task_index = check_plan(self)
            object.__setattr__(self, "_goal_index", goal_index)
            object.__setattr__(self, "_task_index", task_index)

    # -- lookups ---------------------------------------------------------

    def goal(self, id: str, /) -> Goal:  # noqa: A002
        """The goal with this id.

        Raises
        ------
        UnknownReferenceError
            No goal has this id.
        """
        return self.goals[self.goal_position(id)]

    def task(self, id: str, /) -> Task:  # noqa: A002
        """The task with this id.

        Raises
        ------
        UnknownReferenceError
            No task has this id.
        """
        return self.tasks[self.task_position(id)]

    def goal_position(self, id: str, /) -> int:  # noqa: A002
        """The index of the goal with this id in ``goals``.

        >>> Plan(id="p", owner="Ana", start=date(2026, 1, 5),
        ...      goals=[Goal(id="a", title="Do a"), Goal(id="b", title="Do b")]).goal_position("b")
        1
        """
        try:
            return self._goal_index[id]
        except (KeyError, TypeError):
            raise UnknownReferenceError(kind="goal", id=str(id)) from None

    def task_position(self, id: str, /) -> int:  # noqa: A002
        """The index of the task with this id in ``tasks``."""
        try:
            return self._task_index[id]
        except (KeyError, TypeError):
            raise UnknownReferenceError(kind="task", id=str(id)) from None

    def tasks_of(self, goal_id: str, /) -> tuple[Task, ...]:
        """The tasks that serve a goal, in plan order.

        >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
        ...             goals=[Goal(id="g", title="Do g")],
        ...             tasks=[Task(id="t", goal="g", title="Step")])
        >>> [task.id for task in plan.tasks_of("g")]
        ['t']
        """
        self.goal_position(goal_id)
        return tuple(task for task in self.tasks if task.goal == goal_id)

    def deadline_for(self, goal_id: str, /) -> date | None:
        """The date a goal's work must be done by: its deadline or an ancestor's, if earlier.

        A parent goal's deadline holds for its child goals too.

        >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
        ...             goals=[Goal(id="big", title="Do big", deadline=date(2027, 6, 30)),
        ...                    Goal(id="part", title="Do part", parent="big")])
        >>> plan.deadline_for("part")
        datetime.date(2027, 6, 30)

        Raises
        ------
        UnknownReferenceError
            No goal has this id.
        """
        goal: Goal | None = self.goal(goal_id)
        found: date | None = None
        while goal is not None:
            if goal.deadline is not None and (found is None or goal.deadline < found):
                found = goal.deadline
            goal = self.goal(goal.parent) if goal.parent is not None else None
        return found

    # -- edits -----------------------------------------------------------

    def add_goal(self, goal: Goal, /) -> Plan:
        """A copy of the plan with ``goal`` appended.

        Raises
        ------
        ValidationError
            The id is already used, or a reference does not resolve.
        """
        return attrs.evolve(self, goals=(*self.goals, goal))

    def update_goal(self, id: str, /, **changes: Any) -> Plan:  # noqa: A002
        """A copy of the plan with fields of one goal changed.

        >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
        ...             goals=[Goal(id="g", title="Do g")])
        >>> plan.update_goal("g", deadline=date(2026, 6, 30)).goal("g").deadline
        datetime.date(2026, 6, 30)

        Raises
        ------
        UnknownReferenceError
            No goal has this id.
        ValidationError
            A changed value is invalid, the field does not exist, or the
            change renames the goal.
        """
        position = self.goal_position(id)
        goal = _evolve(self.goals[position], f"goals[{position}]", changes)
        return attrs.evolve(self, goals=_replace(self.goals, position, goal))

    def remove_goal(self, id: str, /) -> Plan:  # noqa: A002
        """A copy of the plan without one goal.

        Raises
        ------
        UnknownReferenceError
            No goal has this id.
        ValidationError
            Tasks or other goals still refer to the goal; the message names
            them.
        """
        position = self.goal_position(id)
        referrers = [f"task {task.id!r}" for task in self.tasks if task.goal == id]
        for goal in self.goals:
            if goal.parent == id:
                referrers.append(f"goal {goal.id!r} (parent)")
            if id in goal.depends_on:
                referrers.append(f"goal {goal.id!r} (depends_on)")
            if goal.backup_for == id:
                referrers.append(f"goal {goal.id!r} (backup_for)")
        if referrers:
            raise ValidationError(
                path=f"goals[{position}]",
                problem=f"goal {id!r} is still referred to by " + ", ".join(referrers),
            )
        return attrs.evolve(self, goals=_remove(self.goals, position))

    def add_task(self, task: Task, /) -> Plan:
        """A copy of the plan with ``task`` appended.

        >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
        ...             goals=[Goal(id="g", title="Do g")])
        >>> len(plan.add_task(Task(id="t", goal="g", title="Step")).tasks)
        1

        Raises
        ------
        ValidationError
            The id is already used, or a reference does not resolve.
        CycleError
            The task's dependencies close a cycle.
        """
        return attrs.evolve(self, tasks=(*self.tasks, task))

    def update_task(self, id: str, /, **changes: Any) -> Plan:  # noqa: A002
        """A copy of the plan with fields of one task changed.

        Raises
        ------
        UnknownReferenceError
            No task has this id.
        ValidationError
            A changed value is invalid, the field does not exist, or the
            change renames the task.
        """
        position = self.task_position(id)
        task = _evolve(self.tasks[position], f"tasks[{position}]", changes)
        return attrs.evolve(self, tasks=_replace(self.tasks, position, task))

    def remove_task(self, id: str, /) -> Plan:  # noqa: A002
        """A copy of the plan without one task.

        Raises
        ------
        UnknownReferenceError
            No task has this id.
        ValidationError
            Other tasks still depend on it; the message names them.
        """
        position = self.task_position(id)
        referrers = [f"task {task.id!r}" for task in self.tasks if id in task.predecessors]
        if referrers:
            raise ValidationError(
                path=f"tasks[{position}]",
                problem=f"task {id!r} is still a dependency of " + ", ".join(referrers),
            )
        return attrs.evolve(self, tasks=_remove(self.tasks, position))

    def start_task(self, id: str, /, *, on: date) -> Plan:  # noqa: A002
        """A copy of the plan with a to-do task started on a date.

        >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
        ...             goals=[Goal(id="g", title="Do g")],
        ...             tasks=[Task(id="t", goal="g", title="Step")])
        >>> plan.start_task("t", on=date(2026, 1, 6)).task("t").status
        <Status.IN_PROGRESS: 'in_progress'>

        Raises
        ------
        ValidationError
            The task is not to do.
        """
        position = self.task_position(id)
        task = self.tasks[position]
        if task.status is not Status.TODO:
            raise ValidationError(
                path=f"tasks[{position}].status",
                problem=f"only a todo task can be started, this one is {task.status.value}",
            )
        return self.update_task(id, status=Status.IN_PROGRESS, started_on=on)

    def complete_task(
        self,
        id: str,  # noqa: A002
        /,
        *,
        on: date,
        hours_spent: float | None = None,
    ) -> Plan:
        """A copy of the plan with a task done on a date.

        A task that was never started is taken to have started and finished
        on ``on``. ``hours_spent``, when given, replaces the hours recorded.

        >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
        ...             goals=[Goal(id="g", title="Do g")],
        ...             tasks=[Task(id="t", goal="g", title="Step")])
        >>> done = plan.complete_task("t", on=date(2026, 1, 9), hours_spent=3)
        >>> done.task("t").done_on, done.task("t").started_on
        (datetime.date(2026, 1, 9), datetime.date(2026, 1, 9))

        Raises
        ------
        ValidationError
            The task is already done or dropped, or ``on`` is before it
            started.
        """
        position = self.task_position(id)
        task = self.tasks[position]
        if task.status not in (Status.TODO, Status.IN_PROGRESS):
            raise ValidationError(
                path=f"tasks[{position}].status",
                problem=f"only a todo or in-progress task can be completed, this one is "
                f"{task.status.value}",
            )
        changes: dict[str, Any] = {
            "status": Status.DONE,
            "done_on": on,
            "started_on": task.started_on or on,
            "percent_complete": None,
        }
        if hours_spent is not None:
            changes["hours_spent"] = hours_spent
        return self.update_task(id, **changes)

    def record_measurement(self, goal_id: str, measurement: Measurement, /) -> Plan:
        """A copy of the plan with a measurement added to a goal's metric.

        Raises
        ------
        UnknownReferenceError
            No goal has this id.
        ValidationError
            The goal has no metric, or the measurement predates the plan.
        """
        goal = self.goal(goal_id)
        return self.update_goal(goal_id, measurements=(*goal.measurements, measurement))

    def add_check_in(self, check_in: CheckIn, /) -> Plan:
        """A copy of the plan with a check-in added.

        >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5))
        >>> len(plan.add_check_in(CheckIn(on=date(2026, 2, 1), satisfaction=4)).check_ins)
        1
        """
        return attrs.evolve(self, check_ins=(*self.check_ins, check_in))


def _evolve(item: Any, path: str, changes: dict[str, Any]) -> Any:
    fields = attrs.fields_dict(type(item))
    for name in sorted(changes):
        if name not in fields or name.startswith("_"):
            raise ValidationError(path=f"{path}.{name}", problem="no such field")
    if "id" in changes and changes["id"] != item.id:
        raise ValidationError(path=f"{path}.id", problem="an id cannot be changed by an update")
    try:
        return attrs.evolve(item, **changes)
    except ValidationError as exc:
        raise exc.prefixed(path) from exc


def _replace(items: tuple[Any, ...], position: int, item: Any) -> tuple[Any, ...]:
    return (*items[:position], item, *items[position + 1 :])


def _remove(items: tuple[Any, ...], position: int) -> tuple[Any, ...]:
    return (*items[:position], *items[position + 1 :])


for _cls in (Profile, Calendar, Metric, Measurement, CheckIn, Dependency, Goal, Task, Plan):
    # Resolve annotations now, while this module's names are in scope: the
    # classes are re-exported from the package under ``careerkit``.
    attrs.resolve_types(_cls)
