"""Changes between two plans: ``diff`` finds them, ``apply`` replays them.

Changes are keyed by ids, not list positions: goals and tasks are addressed
as ``goals[director]`` and ``tasks[apply-role]``, so reordering them changes
nothing but their order (one change of ``goals`` or ``tasks`` listing the
ids). Lists without ids (check-ins) are addressed by position
(``check_ins[3]``); other lists (``depends_on``, ``measurements``,
``holidays``) change as a whole. Values are JSON-ready, as in a plan
document, so changes can be stored and sent to other products.

A field is *added* when it was empty (None, empty text or an empty list)
and *removed* when it becomes empty again; any other new value is a
*change* from the old value, a default such as a task's ``todo`` status
included (``status: 'todo' -> 'done'``).

Every change says what it replaces, and :func:`apply` checks it: a change
whose ``before`` is not the value in the plan (a stale change, or one
applied twice) is refused, naming the path and both values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress
from operator import is_not
from typing import Any

import attrs
from attrs import frozen

from careerkit.errors import Problem, ValidationError, join_path
from careerkit.history._draft import Draft
from careerkit.history._grammar import KEYED as _KEYED
from careerkit.history._grammar import NESTED as _NESTED
from careerkit.history._grammar import POSITIONAL as _POSITIONAL
from careerkit.history._grammar import SCALARS as _SCALARS
from careerkit.history._grammar import Operation, parts
from careerkit.history._wording import what
from careerkit.io import result_document, unstructure_value
from careerkit.model import Plan
from careerkit.model.arguments import checked_instance

__all__ = ["Change", "Operation", "apply", "diff", "replay"]


def _refuse_change(change: Change) -> None:
    """Say what is wrong with a change that is not one."""
    if type(change.operation) is not Operation:
        raise ValidationError(
            path="operation",
            problem=f"expected an Operation, got {type(change.operation).__name__}",
        )
    if type(change.path) is not str:
        raise ValidationError(
            path="path", problem=f"expected a string, got {type(change.path).__name__}"
        )
    if change.operation is Operation.ADD:
        raise ValidationError(path="before", problem="an addition has nothing before")
    raise ValidationError(path="after", problem="a removal has nothing after")


@result_document("change", properties=("subject",))
@frozen(kw_only=True)
class Change:
    """One change between two plans.

    Parameters
    ----------
    operation
        Added, removed or changed.
    path
        What changed: a plan field (``vision``), a field of a goal or task
        by id (``goals[director].deadline``), a whole goal or task
        (``tasks[enrol]``), a check-in by position (``check_ins[2]``), a
        field of a nested value (``calendar.holidays``), or the order of the
        goals or tasks (``goals``).
    before, after
        The JSON-ready values before and after. An addition has nothing
        before (``before`` is None) and a removal nothing after.

    Raises
    ------
    ValidationError
        ``operation`` is not an :class:`Operation`, ``path`` not a string,
        or an addition has a ``before`` or a removal an ``after``.

    Examples
    --------
    >>> Change(operation=Operation.CHANGE, path="goals[cert].deadline",
    ...        before="2026-06-30", after="2026-09-30").subject
    'cert'
    """

    operation: Operation
    path: str
    before: Any = None
    after: Any = None

    def __attrs_post_init__(self) -> None:
        # One quick test of the whole change: a history read back makes one per stored change.
        operation = self.operation
        if (
            type(operation) is not Operation
            or type(self.path) is not str
            or (operation is Operation.ADD and self.before is not None)
            or (operation is Operation.REMOVE and self.after is not None)
        ):
            _refuse_change(self)

    @property
    def subject(self) -> str | None:
        """The id of the goal or task the change is about, if any."""
        found = parts(self.path)
        if found is not None and found[0] in _KEYED:
            return found[1]
        return None

    def __str__(self) -> str:
        """The path, then what changed, for a person to read.

        A goal or task reads as its title; a list that grew or shrank at
        its end reads as the items added or removed (a new measurement is
        one item, not the whole list); an object that changed lists the
        fields that changed; long text is cut, its quotes kept.

        >>> print(Change(operation=Operation.CHANGE, path="tasks[enrol].status",
        ...              before="todo", after="done"))
        tasks[enrol].status: 'todo' -> 'done'
        >>> print(Change(operation=Operation.CHANGE, path="goals[cert].measurements",
        ...              before=[{"on": "2026-02-01", "value": 40}],
        ...              after=[{"on": "2026-02-01", "value": 40},
        ...                     {"on": "2026-03-01", "value": 55}]))
        goals[cert].measurements: added {on: '2026-03-01', value: 55}
        >>> print(Change(operation=Operation.REMOVE, path="tasks[site]",
        ...              before={"id": "site", "goal": "brand", "title": "Build the site"}))
        tasks[site]: removed 'Build the site'
        """
        return f"{self.path}: {what(self.operation, self.before, self.after)}"


def diff(old: Plan, new: Plan) -> tuple[Change, ...]:
    """The changes that turn ``old`` into ``new``, in a stable order.

    Goals and tasks are compared by id; an unchanged goal or task costs
    almost nothing to compare (plans made by edits share them), so the work
    grows with the size of the change.

    Parameters
    ----------
    old, new
        Two plans, usually revisions of the same one.

    Returns
    -------
    tuple of Change
        Plan fields first (in field order), then goals, tasks and check-ins;
        ``apply(old, diff(old, new)) == new``.

    Examples
    --------
    >>> old = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...            goals=[Goal(id="cert", title="Earn the certification")])
    >>> new = old.update_goal("cert", deadline=date(2026, 9, 30))
    >>> [str(change) for change in diff(old, new)]
    ["goals[cert].deadline: added '2026-09-30'"]
    >>> planned = new.add_task(Task(id="exam", goal="cert", title="Sit the exam"))
    >>> done = planned.update_task("exam", status=Status.DONE, done_on=date(2026, 9, 1))
    >>> [str(change) for change in diff(planned, done)]
    ["tasks[exam].status: 'todo' -> 'done'", "tasks[exam].done_on: added '2026-09-01'"]
    """
    _check_plan(old, "old")
    _check_plan(new, "new")
    changes: list[Change] = []
    for attribute in attrs.fields(Plan):
        if not attribute.init:
            continue
        name = attribute.name
        before, after = getattr(old, name), getattr(new, name)
        if before is after or before == after:
            continue
        if name in _KEYED:
            changes.extend(_diff_keyed(name, before, after))
        elif name in _POSITIONAL:
            changes.extend(_diff_positional(name, before, after))
        elif attrs.has(type(before)):
            changes.extend(_diff_fields(name, before, after))
        else:
            changes.append(_value_change(name, before, after, default=attribute.default))
    return tuple(changes)


def _empty(value: Any) -> bool:
    """Whether a value means "nothing": None, empty text, an empty list or mapping."""
    return value is None or (isinstance(value, str | tuple | list | dict | Mapping) and not value)


def value_at(plan: Plan, path: str) -> Any:
    """The JSON-ready value at a change's path in a plan (None where there is none).

    >>> value_at(Plan(id="p", owner="Ana", start=date(2026, 1, 5)), "calendar.hours_per_day")
    8.0
    """
    _check_plan(plan, "plan")
    found = parts(path) if type(path) is str else None
    if found is None:
        raise ValidationError(path="path", problem=f"not a path: {path!r}")
    name, key, field = found
    if name in _KEYED:
        items = getattr(plan, name)
        if key is None:
            return [item.id for item in items]
        item = next((item for item in items if item.id == key), None)
        if item is None or field is None:
            return None if item is None else unstructure_value(item)
        return unstructure_value(getattr(item, field, None))
    if name in _POSITIONAL and field is None:
        values = getattr(plan, name)
        if key is None:
            return unstructure_value(values)
        position = int(key) if key.isdigit() else len(values)
        return unstructure_value(values[position]) if position < len(values) else None
    if name in _NESTED and key is None and field is not None:
        return unstructure_value(getattr(getattr(plan, name), field, None))
    if name in _SCALARS and key is None and field is None:
        return unstructure_value(getattr(plan, name))
    raise ValidationError(path="path", problem=f"no such place in a plan: {path!r}")


def _value_change(path: str, before: Any, after: Any, *, default: Any) -> Change:
    """A change of one field: ``add`` from an empty default, ``remove`` back to it."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory()
    if _empty(default) and before == default:
        return Change(operation=Operation.ADD, path=path, after=unstructure_value(after))
    if _empty(default) and after == default:
        return Change(operation=Operation.REMOVE, path=path, before=unstructure_value(before))
    return Change(
        operation=Operation.CHANGE,
        path=path,
        before=unstructure_value(before),
        after=unstructure_value(after),
    )


def _diff_fields(prefix: str, old: Any, new: Any) -> list[Change]:
    """Field-by-field changes of two attrs values of the same class."""
    changes = []
    for attribute in attrs.fields(type(old)):
        if not attribute.init:
            continue
        before, after = getattr(old, attribute.name), getattr(new, attribute.name)
        if before != after:
            changes.append(
                _value_change(
                    f"{prefix}.{attribute.name}", before, after, default=attribute.default
                )
            )
    return changes


def _diff_keyed(name: str, old: Sequence[Any], new: Sequence[Any]) -> list[Change]:
    shared = min(len(old), len(new))
    moved = list(compress(range(shared), map(is_not, old, new)))
    if len(old) == len(new) and all(old[i].id == new[i].id for i in moved):
        # Same ids in the same places: only the items that are new objects changed.
        return [
            change for i in moved for change in _diff_fields(f"{name}[{old[i].id}]", old[i], new[i])
        ]
    old_by_id = {item.id: item for item in old}
    new_by_id = {item.id: item for item in new}
    changes = [
        Change(
            operation=Operation.REMOVE, path=f"{name}[{item.id}]", before=unstructure_value(item)
        )
        for item in old
        if item.id not in new_by_id
    ]
    for item in new:
        before = old_by_id.get(item.id)
        if before is None:
            changes.append(
                Change(
                    operation=Operation.ADD,
                    path=f"{name}[{item.id}]",
                    after=unstructure_value(item),
                )
            )
        elif before is not item and before != item:
            changes.extend(_diff_fields(f"{name}[{item.id}]", before, item))
    kept = [item.id for item in old if item.id in new_by_id]
    natural = kept + [item.id for item in new if item.id not in old_by_id]
    wanted = [item.id for item in new]
    if natural != wanted:
        changes.append(Change(operation=Operation.CHANGE, path=name, before=natural, after=wanted))
    return changes


def _diff_positional(name: str, old: Sequence[Any], new: Sequence[Any]) -> list[Change]:
    """Changes by position: removed items from the end, added ones, then changed ones."""
    changes = []
    for position in range(len(new), len(old)):
        changes.append(
            Change(
                operation=Operation.REMOVE,
                path=f"{name}[{position}]",
                before=unstructure_value(old[position]),
            )
        )
    changes.reverse()
    for position in range(len(old), len(new)):
        changes.append(
            Change(
                operation=Operation.ADD,
                path=f"{name}[{position}]",
                after=unstructure_value(new[position]),
            )
        )
    for position in range(min(len(old), len(new))):
        path = f"{name}[{position}]"
        if old[position] != new[position]:
            changes.append(
                Change(
                    operation=Operation.CHANGE,
                    path=path,
                    before=unstructure_value(old[position]),
                    after=unstructure_value(new[position]),
                )
            )
    return changes


def apply(plan: Plan, changes: Iterable[Change]) -> Plan:
    """Replay changes on a plan.

    Parameters
    ----------
    plan
        The plan the changes start from.
    changes
        Changes as :func:`diff` makes them.

    Returns
    -------
    Plan
        The changed plan, validated. Goals and tasks the changes do not
        touch are the same objects as in ``plan``.

    Raises
    ------
    ValidationError
        A change does not fit the plan (its path names nothing, or the
        result is not a valid plan).

    See Also
    --------
    careerkit.history.replay : several sets of changes in a row, such as a history's revisions.

    Examples
    --------
    >>> old = Plan(id="p", owner="Ana", start=date(2026, 1, 5))
    >>> new = old.add_check_in(CheckIn(on=date(2026, 2, 1), satisfaction=4))
    >>> apply(old, diff(old, new)) == new
    True
    """
    _check_plan(plan, "plan")
    draft = Draft(plan, kind=Change)
    draft.apply(_check_iterable(changes, "changes"))
    try:
        return draft.build()
    except ValidationError as exc:
        raise _under_changes(exc, draft.sources) from exc


def replay(plan: Plan, change_sets: Iterable[Iterable[Change]]) -> Plan:
    """Apply sets of changes one after another and build the plan they end at.

    Each set must fit the plan as the sets before it left it, and every
    goal, task or other value a set changes is checked on its own when the
    set is applied; the whole plan is built and checked once, at the end.
    The cost grows with the size of the changes, plus one plan at the end,
    however many sets there are.

    Parameters
    ----------
    plan
        The plan the first set starts from.
    change_sets
        Sets of changes as :func:`diff` makes them, oldest first (the
        changes of a history's revisions, say).

    Returns
    -------
    Plan
        The plan after the last set, validated. Goals and tasks no set
        touches are the same objects as in ``plan``.

    Raises
    ------
    ValidationError
        A change does not fit the plan the sets before it left (the path
        names the set by its position and the change within it, as in
        ``[2].changes[0].path``), a value it sets is not valid, or the final
        plan is not a valid plan.

    Examples
    --------
    >>> first = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...              goals=[Goal(id="cert", title="Earn the certification")])
    >>> second = first.update_goal("cert", deadline=date(2026, 9, 30))
    >>> third = second.add_check_in(CheckIn(on=date(2026, 2, 1), satisfaction=4))
    >>> replay(first, [diff(first, second), diff(second, third)]) == third
    True
    """
    _check_plan(plan, "plan")
    draft = Draft(plan, kind=Change)
    for position, changes in enumerate(_check_iterable(change_sets, "change_sets")):
        try:
            draft.apply(_check_iterable(changes, "changes"))
        except ValidationError as exc:
            raise exc.prefixed(f"[{position}]") from exc
    return draft.build()


def _check_plan(plan: object, path: str) -> Plan:
    return checked_instance(plan, Plan, path)


def _check_iterable(values: object, path: str) -> Iterable[Any]:
    """An iterable that is not text, bytes or a mapping (which iterate as something else)."""
    if type(values) is tuple or type(values) is list:
        return values
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise ValidationError(
            path=path, problem=f"expected a list of changes, got {type(values).__name__}"
        )
    return values


def _under_changes(error: ValidationError, sources: Mapping[str, int]) -> ValidationError:
    """The error with problems in a changed plan field reported under the change."""
    problems = []
    for problem in error.problems:
        name = re.split(r"[.\[]", problem.path, maxsplit=1)[0]
        if name in sources:
            rest = problem.path[len(name) :].lstrip(".")
            problem = Problem(join_path(f"changes[{sources[name]}].after", rest), problem.problem)
        problems.append(problem)
    return ValidationError(problems=problems)
