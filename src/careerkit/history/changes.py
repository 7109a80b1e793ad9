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

import enum
import functools
import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress
from operator import is_not
from typing import Any

import attrs
from attrs import frozen

from careerkit.errors import Problem, ValidationError, join_path
from careerkit.io import structure_value, unstructure_value
from careerkit.model import Calendar, CheckIn, Goal, Plan, Profile, Task

__all__ = ["Change", "Operation", "apply", "diff", "replay"]

_KEYED = {"goals": Goal, "tasks": Task}
_POSITIONAL = {"check_ins": CheckIn}
_PATH = re.compile(r"([a-z_]+)(?:\[([^\]]+)\])?(?:\.([a-z_]+))?")


class Operation(enum.Enum):
    """What a change does.

    >>> Operation("change")
    <Operation.CHANGE: 'change'>
    """

    ADD = "add"
    REMOVE = "remove"
    CHANGE = "change"


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
        parts = _parts(self.path)
        if parts is not None and parts[0] in _KEYED:
            return parts[1]
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
        return f"{self.path}: {_what(self)}"


@functools.lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str, str | None, str | None] | None:
    """A path's collection or field, id or position, and field inside (a bounded memo:
    a history repeats the same paths)."""
    match = _PATH.fullmatch(path)
    return None if match is None else (match.group(1), match.group(2), match.group(3))


_ROOM = 80
"""The longest a value reads in a change, in characters."""


def _what(change: Change) -> str:
    """What a change did, in words."""
    if change.operation is Operation.ADD:
        return f"added {_short(change.after)}"
    if change.operation is Operation.REMOVE:
        return f"removed {_short(change.before)}"
    before, after = change.before, change.after
    if isinstance(before, list) and isinstance(after, list):
        if len(after) > len(before) and after[: len(before)] == before:
            return "added " + _items(after[len(before) :])
        if len(before) > len(after) and before[: len(after)] == after:
            return "removed " + _items(before[len(after) :])
    if isinstance(before, dict) and isinstance(after, dict):
        changed = [key for key in {**before, **after} if before.get(key) != after.get(key)]
        return _joined(
            (
                f"{key} {_short(before.get(key), 30)} -> {_short(after.get(key), 30)}"
                for key in changed
            ),
            "",
            "",
            separator="; ",
        )
    return f"{_short(before)} -> {_short(after)}"


def _items(values: list[Any]) -> str:
    return _short(values[0]) if len(values) == 1 else _joined(map(_short, values), "", "")


def _short(value: Any, room: int = _ROOM) -> str:
    """A JSON-ready value in at most about ``room`` characters, quotes and brackets balanced.

    A goal or task (an object with a title) reads as its title.
    """
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= room else repr(value[: max(room - 5, 1)] + "...")
    if isinstance(value, dict):
        title = value.get("title")
        if isinstance(title, str):
            return _short(title, room)
        parts = (f"{key}: {_short(item, 30)}" for key, item in value.items())
        return _joined(parts, "{", "}", room=room)
    if isinstance(value, list):
        return _joined((_short(item, 30) for item in value), "[", "]", room=room)
    text = repr(value)
    return text if len(text) <= room else text[: room - 3] + "..."


def _joined(
    parts: Iterable[str], opening: str, closing: str, *, room: int = _ROOM, separator: str = ", "
) -> str:
    """Parts between brackets, as many as fit in ``room``, then ``...``."""
    kept: list[str] = []
    length = len(opening) + len(closing)
    for part in parts:
        length += len(part) + len(separator)
        if length > room and kept:
            kept.append("...")
            break
        kept.append(part)
    return opening + separator.join(kept) + closing


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
    parts = _parts(path) if type(path) is str else None
    if parts is None:
        raise ValidationError(path="path", problem=f"not a path: {path!r}")
    name, key, field = parts
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
    draft = _Draft(plan)
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
    draft = _Draft(plan)
    for position, changes in enumerate(_check_iterable(change_sets, "change_sets")):
        try:
            draft.apply(_check_iterable(changes, "changes"))
        except ValidationError as exc:
            raise exc.prefixed(f"[{position}]") from exc
    return draft.build()


def _check_plan(plan: object, path: str) -> Plan:
    if not isinstance(plan, Plan):
        raise ValidationError(path=path, problem=f"expected a Plan, got {type(plan).__name__}")
    return plan


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


class _Draft:
    """A plan being changed: working copies of its parts, rebuilt only where touched.

    :meth:`apply` takes one set of changes and leaves every value it changed
    checked on its own (goals and tasks by their own classes); :meth:`build`
    makes the plan, checked as a whole, once however many sets were applied.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.fields: dict[str, Any] = {}
        """Plan fields a change replaced, as values."""
        self.keyed = {name: _KeyedItems(getattr(plan, name), kind) for name, kind in _KEYED.items()}
        self.positional = {name: list(getattr(plan, name)) for name in _POSITIONAL}
        self.nested: dict[str, dict[str, Any]] = {}
        """Nested values (profile, calendar) being edited in the current set, JSON-ready."""
        self.sources: dict[str, int] = {}
        """The change that last set each plan field (its index in its set)."""

    def apply(self, changes: Iterable[Change]) -> None:
        """Apply one set of changes, then check each value it changed."""
        for index, change in enumerate(changes):
            try:
                self._apply_one(change, index)
            except (TypeError, KeyError, AttributeError, ValueError) as exc:
                if isinstance(exc, ValidationError):
                    raise
                raise ValidationError(
                    path=f"changes[{index}]", problem=f"does not fit the plan: {exc}"
                ) from None
        try:
            for name, data in self.nested.items():
                where = f"changes[{self.sources[name]}].after"
                self.fields[name] = structure_value(data, _NESTED[name], path=where)
            self.nested.clear()
            for items in self.keyed.values():
                items.settle()
        except (TypeError, KeyError, AttributeError) as exc:
            raise ValidationError(path="changes", problem=f"do not fit the plan: {exc}") from None

    def build(self) -> Plan:
        """The changed plan, checked as a whole; the same plan if nothing changed."""
        fields = dict(self.fields)
        for name, items in self.keyed.items():
            if items.touched:
                fields[name] = items.result()
        for name, values in self.positional.items():
            if values != list(getattr(self.plan, name)):
                fields[name] = tuple(values)
        if not fields:
            return self.plan
        return attrs.evolve(self.plan, **fields)

    def _apply_one(self, change: Change, index: int) -> None:
        """Apply one change to the working copies of the plan's parts."""
        if type(change) is not Change:
            raise ValidationError(
                path=f"changes[{index}]", problem=f"expected a Change, got {type(change).__name__}"
            )
        parts = _parts(change.path)
        if parts is None:
            raise ValidationError(
                path=f"changes[{index}].path", problem=f"not a path: {change.path!r}"
            )
        name, key, field = parts
        if name in self.keyed:
            self.keyed[name].apply(change, key, field, index)
        elif name in self.positional and key is not None and field is None:
            _apply_positional(self.positional[name], change, key, index, _POSITIONAL[name])
        elif key is None and field is not None and name in _NESTED:
            self._apply_nested(change, name, field, index)
        elif key is None and field is None and name in _SCALARS:
            attribute = _SCALARS[name]
            current = unstructure_value(self.fields.get(name, getattr(self.plan, name)))
            _expect(change, current, index, default=_defaults(Plan).get(name))
            if change.operation is Operation.REMOVE:  # back to the default
                self.fields[name] = _default(attribute)
            else:
                self.fields[name] = structure_value(
                    change.after, _plan_types()[name], path=f"changes[{index}].after"
                )
            self.sources[name] = index
        else:
            raise ValidationError(
                path=f"changes[{index}].path", problem=f"no such place in a plan: {change.path!r}"
            )

    def _apply_nested(self, change: Change, name: str, field: str, index: int) -> None:
        """Change one field of the profile or the calendar."""
        if field not in {attribute.name for attribute in attrs.fields(_NESTED[name])}:
            raise ValidationError(
                path=f"changes[{index}].path", problem=f"no field {field!r} in {name}"
            )
        if name not in self.nested:
            self.nested[name] = unstructure_value(self.fields.get(name, getattr(self.plan, name)))
        default = _defaults(_NESTED[name]).get(field)
        _expect(change, self.nested[name].get(field, default), index, default=default)
        _set(self.nested[name], field, change)
        self.sources[name] = index


def _default(attribute: attrs.Attribute[Any]) -> Any:
    default: Any = attribute.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


@functools.cache
def _plan_types() -> Mapping[str, Any]:
    """The types of the plan's fields, resolved (the model writes them as text)."""
    return typing.get_type_hints(Plan)


@functools.cache
def _defaults(kind: type) -> Mapping[str, Any]:
    """The JSON-ready default of each field of a model class that has one."""
    return {
        attribute.name: unstructure_value(_default(attribute))
        for attribute in attrs.fields(kind)
        if attribute.init and attribute.default is not attrs.NOTHING
    }


def _expect(change: Change, current: Any, index: int, *, default: Any = None) -> None:
    """Refuse a change whose ``before`` is not the value it replaces (an addition replaces
    the default)."""
    expected = default if change.operation is Operation.ADD else change.before
    if type(current) is type(expected) and type(current) in _SCALARS_OF_JSON:
        if current == expected:  # the common case, without a further call
            return
    elif _same(current, expected):
        return
    raise ValidationError(
        path=f"changes[{index}].before",
        problem=(
            f"{change.path} is {_short(current)} in the plan, not {_short(expected)}: "
            "the change is stale or was applied already"
        ),
    )


_SCALARS_OF_JSON = frozenset({str, int, float, type(None)})


def _same(one: Any, other: Any) -> bool:
    """Whether two JSON-ready values are the same value (``True`` is not 1, NaN is nothing)."""
    if type(one) is type(other) and type(one) in _SCALARS_OF_JSON:
        return bool(one == other)
    if isinstance(one, list | tuple) and isinstance(other, list | tuple):
        return len(one) == len(other) and all(map(_same, one, other))
    if isinstance(one, dict) and isinstance(other, dict):
        return one.keys() == other.keys() and all(_same(one[key], other[key]) for key in one)
    if (type(one) is bool) != (type(other) is bool):
        return False
    scalar = (str, int, float, type(None))
    return isinstance(one, scalar) and isinstance(other, scalar) and one == other


def _set(data: dict[str, Any], key: str, change: Change) -> None:
    if change.operation is Operation.REMOVE:
        data.pop(key, None)
    else:
        data[key] = change.after


class _KeyedItems:
    """Goals or tasks being changed: by id, in order, rebuilt only where touched.

    ``items`` keeps the order (a dict keeps its keys in insertion order). A
    new order is applied when a set of changes is settled, once every
    addition and removal of the set is known.
    """

    def __init__(self, items: Sequence[Any], kind: type) -> None:
        self.kind = kind
        self.fields = {attribute.name for attribute in attrs.fields(kind) if attribute.init}
        self.defaults = _defaults(kind)
        self.items: dict[str, Any] = {item.id: item for item in items}
        self.edits: dict[str, dict[str, Any]] = {}
        """The items the current set changes, JSON-ready."""
        self.forms: dict[str, dict[str, Any]] = {}
        """The JSON-ready forms that items changed by earlier sets were built from."""
        self.sources: dict[str, int] = {}
        """The change that last edited each id in the current set."""
        self.new_order: tuple[int, Any, list[str]] | None = None
        self.touched = False

    def apply(self, change: Change, key: str | None, field: str | None, index: int) -> None:
        self.touched = True
        if key is None:  # the order
            if not isinstance(change.after, list) or not all(
                isinstance(item, str) for item in change.after
            ):
                raise ValidationError(
                    path=f"changes[{index}].after", problem="expected a list of ids"
                )
            self.new_order = (index, change.before, list(change.after))
            return
        if field is None:
            self._whole(change, key, index)
            return
        if key not in self.items:
            raise ValidationError(path=f"changes[{index}].path", problem=f"no item {key!r}")
        if field not in self.fields or field == "id":
            raise ValidationError(
                path=f"changes[{index}].path", problem=f"no field {field!r} to change"
            )
        if key not in self.edits:
            form = self.forms.get(key)
            self.edits[key] = unstructure_value(self.items[key]) if form is None else dict(form)
        default = self.defaults.get(field)
        _expect(change, self.edits[key].get(field, default), index, default=default)
        _set(self.edits[key], field, change)
        self.sources[key] = index

    def _whole(self, change: Change, key: str, index: int) -> None:
        where = f"changes[{index}]"
        if change.operation is not Operation.ADD and key in self.items:
            _expect(change, self._form(key), index)
        if change.operation is Operation.REMOVE:
            if key not in self.items:
                raise ValidationError(path=f"{where}.path", problem=f"no item {key!r}")
            del self.items[key]
            self.edits.pop(key, None)
            self.forms.pop(key, None)
            return
        if not isinstance(change.after, dict):
            raise ValidationError(path=f"{where}.after", problem="expected an object")
        if change.after.get("id") != key:
            raise ValidationError(path=f"{where}.after.id", problem=f"expected {key!r}")
        if change.operation is Operation.ADD:
            if key in self.items:
                raise ValidationError(path=f"{where}.path", problem=f"{key!r} already exists")
        elif key not in self.items:
            raise ValidationError(path=f"{where}.path", problem=f"no item {key!r}")
        self.items[key] = change.after
        self.edits[key] = dict(change.after)
        self.sources[key] = index

    def _form(self, key: str) -> Any:
        """The JSON-ready form of an item as it stands."""
        if key in self.edits:
            return self.edits[key]
        item = self.items[key]
        return item if isinstance(item, dict) else unstructure_value(item)

    def settle(self) -> None:
        """End a set of changes: apply its order, build each item it changed."""
        if not self.edits and self.new_order is None:
            return
        if self.new_order is not None:
            index, before, order = self.new_order
            if not _same(list(self.items), before):
                raise ValidationError(
                    path=f"changes[{index}].before",
                    problem=f"the order is {_short(list(self.items))}, not {_short(before)}: "
                    "the change is stale or was applied already",
                )
            if len(order) != len(self.items) or set(order) != self.items.keys():
                raise ValidationError(
                    path=f"changes[{index}].after", problem="the order does not list the same ids"
                )
            self.items = {item_id: self.items[item_id] for item_id in order}
            self.new_order = None
        for item_id, data in self.edits.items():
            where = f"changes[{self.sources[item_id]}].after"
            self.items[item_id] = structure_value(data, self.kind, path=where)
        self.forms.update(self.edits)
        self.edits.clear()
        self.sources.clear()

    def result(self) -> tuple[Any, ...]:
        """The items, in order (every set settled)."""
        return tuple(self.items.values())


def _apply_positional(values: list[Any], change: Change, key: str, index: int, kind: type) -> None:
    if not key.isdigit():
        raise ValidationError(
            path=f"changes[{index}].path", problem=f"expected a position: {key!r}"
        )
    position = int(key)
    if change.operation is Operation.ADD and position == len(values):
        values.append(structure_value(change.after, kind, path=f"changes[{index}].after"))
    elif change.operation is Operation.REMOVE and position == len(values) - 1:
        _expect(change, unstructure_value(values[position]), index)
        values.pop()
    elif change.operation is Operation.CHANGE and position < len(values):
        _expect(change, unstructure_value(values[position]), index)
        values[position] = structure_value(change.after, kind, path=f"changes[{index}].after")
    else:
        raise ValidationError(
            path=f"changes[{index}].path",
            problem=f"position {position} does not fit {len(values)} items",
        )


_NESTED: dict[str, type] = {"profile": Profile, "calendar": Calendar}
_SCALARS = {
    attribute.name: attribute
    for attribute in attrs.fields(Plan)
    if attribute.init and attribute.name not in (*_KEYED, *_POSITIONAL, *_NESTED)
}
