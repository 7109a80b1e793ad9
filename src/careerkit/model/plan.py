"""The plan: vision, self-evaluation, goals, tasks and check-ins, with lookups and edits."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType, SimpleNamespace
from typing import Any

import attrs
from attrs import field, frozen

from careerkit.errors import Problem, UnknownReferenceError, ValidationError
from careerkit.model import rules
from careerkit.model._career_checks import CAREER_FIELDS, check_career
from careerkit.model._integrity import Parts, check_parts, check_plan
from careerkit.model.applications import Application
from careerkit.model.assets import Asset
from careerkit.model.contacts import Contact
from careerkit.model.display import html_of
from careerkit.model.enums import Status
from careerkit.model.goal import _FIELDS as _GOAL_FIELDS
from careerkit.model.goal import Goal
from careerkit.model.options import CareerOption, CriterionWeight
from careerkit.model.skills import Role
from careerkit.model.task import _FIELDS as _TASK_FIELDS
from careerkit.model.task import Task
from careerkit.model.values import _CHECK_IN_FIELDS, Calendar, CheckIn, Measurement, Profile

__all__ = ["CAREER_FIELDS", "Plan", "problems_of_parts"]


def _to_mapping(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


_FIELDS = rules.fields(
    "Plan",
    id=rules.Id(),
    owner=rules.Text(),
    vision=rules.Text(required=False),
    start=rules.Date(),
    profile=rules.Instance(Profile),
    goals=rules.Items(Goal),
    tasks=rules.Items(Task),
    check_ins=rules.Items(CheckIn),
    roles=rules.Items(Role),
    assets=rules.Items(Asset),
    contacts=rules.Items(Contact),
    options=rules.Items(CareerOption),
    option_weights=rules.Items(CriterionWeight),
    applications=rules.Items(Application),
    calendar=rules.Instance(Calendar),
    weekly_capacity=rules.Number(above=0),
    budget=rules.Number(minimum=0, optional=True),
    review_cadence=rules.RRule(),
    metadata=rules.StringMapping(),
)
"""The rule of each field of a plan; the whole-plan rules are in ``_integrity``."""


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
    roles
        The target roles with the skills they require; at most one is the
        vision's.
    assets
        Career assets: resume versions, cover-letter templates, the public
        profile, the portfolio.
    contacts
        The relationships, with their keep-in-touch cadence and log.
    options
        Career options under consideration, rated on the profile's
        strengths, interests and values.
    option_weights
        The weight of each criterion in the options' decision matrix (1 for a
        criterion not listed).
    applications
        The job search.
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
    careerkit.errors.UnknownReferenceError: no task with id 'exam'
    """

    id: str
    owner: str
    vision: str = ""
    start: date
    profile: Profile = field(factory=Profile)
    goals: tuple[Goal, ...] = field(default=(), converter=rules.to_tuple)
    tasks: tuple[Task, ...] = field(default=(), converter=rules.to_tuple)
    check_ins: tuple[CheckIn, ...] = field(default=(), converter=rules.to_tuple)
    roles: tuple[Role, ...] = field(default=(), converter=rules.to_tuple)
    assets: tuple[Asset, ...] = field(default=(), converter=rules.to_tuple)
    contacts: tuple[Contact, ...] = field(default=(), converter=rules.to_tuple)
    options: tuple[CareerOption, ...] = field(default=(), converter=rules.to_tuple)
    option_weights: tuple[CriterionWeight, ...] = field(default=(), converter=rules.to_tuple)
    applications: tuple[Application, ...] = field(default=(), converter=rules.to_tuple)
    calendar: Calendar = field(factory=Calendar)
    weekly_capacity: float = 10.0
    budget: float | None = None
    review_cadence: str = "FREQ=WEEKLY;INTERVAL=4"
    metadata: Mapping[str, str] = field(
        factory=lambda: MappingProxyType({}), converter=_to_mapping, hash=False
    )
    _goal_index: dict[str, int] = field(init=False, repr=False, eq=False, hash=False)
    _task_index: dict[str, int] = field(init=False, repr=False, eq=False, hash=False)
    _deadlines: dict[str, date] = field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        wrong = _FIELDS.check(problems, self)
        if wrong:  # the whole-plan rules still run over every part that is sound
            parts = _sound_parts(self, wrong)
            check_parts(parts, problems)
            sound = {
                name: getattr(self, name)
                for name in ("profile", *CAREER_FIELDS)
                if name not in wrong
            }
            check_career(problems, fields=sound, goals=parts.goals, tasks=parts.tasks)
            rules.raise_if_any(problems)
        goal_index, task_index = check_plan(self)
        object.__setattr__(self, "_goal_index", goal_index)
        object.__setattr__(self, "_task_index", task_index)
        object.__setattr__(self, "_deadlines", _inherited_deadlines(self.goals, goal_index))

    def _repr_html_(self) -> str | None:
        """The plan as an HTML fragment, for notebooks (see :func:`careerkit.render.html.plan_html`)."""
        return html_of(self)

    def __getstate__(self) -> dict[str, Any]:
        """The plan's fields, for pickle and copy.

        ``metadata`` is given as a plain dict: a read-only mapping proxy
        cannot be pickled. The indexes by id travel along, so an unpickled
        plan is not checked again.
        """
        state = {attribute.name: getattr(self, attribute.name) for attribute in _ATTRIBUTES}
        state["metadata"] = dict(self.metadata)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restore a pickled or copied plan, with ``metadata`` read-only again."""
        for attribute in _ATTRIBUTES:
            object.__setattr__(self, attribute.name, state[attribute.name])
        object.__setattr__(self, "metadata", MappingProxyType(dict(state["metadata"])))

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
        return self._position(self._goal_index, "goal", id, "id")

    def task_position(self, id: str, /) -> int:  # noqa: A002
        """The index of the task with this id in ``tasks``."""
        return self._position(self._task_index, "task", id, "id")

    @staticmethod
    def _position(index: Mapping[str, int], kind: str, id: object, argument: str) -> int:  # noqa: A002
        """The position of an id in an index; the argument is named if it is not a string."""
        if type(id) is not str:
            raise ValidationError(
                path=argument, problem=f"expected an id string, got {rules.describe(id)}"
            )
        try:
            return index[id]
        except KeyError:
            raise UnknownReferenceError(kind=kind, id=id) from None

    def tasks_of(self, goal_id: str, /) -> tuple[Task, ...]:
        """The tasks that serve a goal, in plan order.

        >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
        ...             goals=[Goal(id="g", title="Do g")],
        ...             tasks=[Task(id="t", goal="g", title="Step")])
        >>> [task.id for task in plan.tasks_of("g")]
        ['t']
        """
        self._position(self._goal_index, "goal", goal_id, "goal_id")
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
        self._position(self._goal_index, "goal", goal_id, "goal_id")
        return self._deadlines.get(goal_id)

    # -- edits -----------------------------------------------------------

    def add_goal(self, goal: Goal, /) -> Plan:
        """A copy of the plan with ``goal`` appended.

        Raises
        ------
        ValidationError
            The id is already used, or a reference does not resolve.
        """
        _check_argument(_GOAL, "goal", goal)
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
            Tasks, other goals or contacts still refer to the goal; the
            message names them.
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
        referrers.extend(
            f"contact {contact.id!r} (goals)" for contact in self.contacts if id in contact.goals
        )
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
        _check_argument(_TASK, "task", task)
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
            Other tasks still depend on it, or an option's exploration is
            carried out by it; the message names them.
        """
        position = self.task_position(id)
        dependents = [f"task {task.id!r}" for task in self.tasks if id in task.predecessors]
        options = [
            f"option {option.id!r} (explorations)"
            for option in self.options
            if any(exploration.task == id for exploration in option.explorations)
        ]
        problems = [
            f"task {id!r} is still {what} " + ", ".join(referrers)
            for what, referrers in (("a dependency of", dependents), ("referred to by", options))
            if referrers
        ]
        if problems:
            raise ValidationError(path=f"tasks[{position}]", problem="; ".join(problems))
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
        _check_argument(_ON, "on", on)
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
        _check_argument(_ON, "on", on)
        _check_argument(_HOURS, "hours_spent", hours_spent)
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
        position = self._position(self._goal_index, "goal", goal_id, "goal_id")
        _check_argument(_MEASUREMENT, "measurement", measurement)
        goal = self.goals[position]
        return self.update_goal(goal_id, measurements=(*goal.measurements, measurement))

    def add_check_in(self, check_in: CheckIn, /) -> Plan:
        """A copy of the plan with a check-in added.

        >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5))
        >>> len(plan.add_check_in(CheckIn(on=date(2026, 2, 1), satisfaction=4)).check_ins)
        1
        """
        _check_argument(_CHECK_IN, "check_in", check_in)
        return attrs.evolve(self, check_ins=(*self.check_ins, check_in))


def _inherited_deadlines(goals: tuple[Goal, ...], index: dict[str, int]) -> dict[str, date]:
    """Each goal's deadline, its own or an ancestor's if earlier, by goal id (goals
    with none left out); found from the roots down, one step per goal."""
    found: dict[str, date | None] = {}
    for goal in goals:
        chain = []  # the goal and its ancestors not yet found, nearest first
        current = goal
        while current.id not in found:
            chain.append(current)
            if current.parent is None:
                break
            current = goals[index[current.parent]]
        above = found.get(current.id)
        for passed in reversed(chain):  # from the highest down
            own = passed.deadline
            if own is not None and (above is None or own < above):
                above = own
            found[passed.id] = above
    return {goal_id: deadline for goal_id, deadline in found.items() if deadline is not None}


_ATTRIBUTES = attrs.fields(Plan)
_GOAL = rules.Instance(Goal)
_TASK = rules.Instance(Task)
_CHECK_IN = rules.Instance(CheckIn)
_MEASUREMENT = rules.Instance(Measurement)
_ON = rules.Date()  # the rule of every date of a plan, as a document gives it
_HOURS = rules.Number(minimum=0, optional=True)


def _check_argument(rule: rules.Rule, name: str, value: object) -> None:
    """Refuse an argument of an edit that its rule refuses, naming the argument."""
    if not rule.accepts(value):
        problems: list[Problem] = []
        rule.report(problems, name, value)
        rules.raise_if_any(problems)


_PARTS = ("goals", "tasks", "check_ins")
_ITEM_KINDS = {"goals": Goal, "tasks": Task, "check_ins": CheckIn}


def _sound_parts(plan: Plan, wrong: frozenset[str]) -> Parts:
    """The parts of a plan whose own fields are sound: items of the wrong type are left out."""
    items = {
        name: tuple(
            item if isinstance(item, _ITEM_KINDS[name]) else None
            for item in (getattr(plan, name) if type(getattr(plan, name)) is tuple else ())
        )
        for name in _PARTS
    }
    return Parts(
        start=None if "start" in wrong else plan.start,
        entries=None if "profile" in wrong else plan.profile.entries(),
        goals=items["goals"],
        tasks=items["tasks"],
        check_ins=items["check_ins"],
    )


_STAND_IN_DEFAULTS: Mapping[str, Mapping[str, object]] = {
    "goals": {
        "id": None,
        "parent": None,
        "backup_for": None,
        "depends_on": (),
        "relevant_to": (),
        "start": None,
        "deadline": None,
        "measurements": (),
        "achieved_on": None,
    },
    "tasks": {"id": None, "goal": None, "depends_on": (), "started_on": None, "done_on": None},
    "check_ins": {"on": None},
}
_ITEM_FIELDS = {"goals": _GOAL_FIELDS, "tasks": _TASK_FIELDS, "check_ins": _CHECK_IN_FIELDS}


def problems_of_parts(
    fields: Mapping[str, object], items: Mapping[str, tuple[object, ...]]
) -> list[Problem]:
    """The problems of a plan that could only be read in part, for a document reader.

    ``fields`` holds the plan's other fields that could be read; ``items``
    holds, for ``goals``, ``tasks``, ``check_ins`` and the career lists
    (``CAREER_FIELDS``), each item in place:
    the value itself, or a mapping of the fields of it that could be read,
    or None. Each field is checked by its rule, and the whole-plan rules
    (references, dates) run over every part that is sound, so that one
    reading reports every problem that can be found.
    """
    problems: list[Problem] = []
    sound = _FIELDS.sound(fields)
    for name in sorted(fields.keys() - sound.keys() - set(_PARTS) - set(CAREER_FIELDS)):
        rule = dict(_FIELDS.rules).get(name)
        if rule is not None:
            rule.report(problems, name, fields[name])
    profile = sound.get("profile")
    parts = {name: tuple(_stand_in(name, item) for item in items.get(name, ())) for name in _PARTS}
    check_parts(
        Parts(
            start=sound.get("start"),  # type: ignore[arg-type]
            entries=profile.entries() if isinstance(profile, Profile) else None,
            goals=parts["goals"],
            tasks=parts["tasks"],
            check_ins=parts["check_ins"],
        ),
        problems,
    )
    career: dict[str, object] = {name: items[name] for name in CAREER_FIELDS if name in items}
    career.update((name, sound[name]) for name in ("profile", *CAREER_FIELDS) if name in sound)
    check_career(problems, fields=career, goals=parts["goals"], tasks=parts["tasks"])
    return problems


def _stand_in(name: str, item: object) -> object:
    """The item, or a stand-in of its sound fields, for the whole-plan checks."""
    if not isinstance(item, Mapping):
        return item
    readable = _ITEM_FIELDS[name].sound(item)
    return SimpleNamespace(**{**_STAND_IN_DEFAULTS[name], **readable})


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
