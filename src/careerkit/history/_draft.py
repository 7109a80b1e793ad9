"""A plan being changed by sets of changes: the working copies behind ``apply`` and ``replay``.

Each change is checked against the value it replaces (its ``before``), each
value it sets is built and checked on its own when its set ends, and the
plan is built and checked as a whole once, at the end.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

import attrs

from careerkit.errors import ValidationError
from careerkit.history._grammar import KEYED, NESTED, POSITIONAL, SCALARS, Operation, parts
from careerkit.history._wording import short
from careerkit.io import structure_value, unstructure_value
from careerkit.model import Plan

__all__ = ["Draft", "Edit"]


class Edit(Protocol):
    """What a draft reads of a change (:class:`~careerkit.Change` has it)."""

    @property
    def operation(self) -> Operation: ...
    @property
    def path(self) -> str: ...
    @property
    def before(self) -> Any: ...
    @property
    def after(self) -> Any: ...


class Draft:
    """A plan being changed: working copies of its parts, rebuilt only where touched.

    :meth:`apply` takes one set of changes and leaves every value it changed
    checked on its own (goals and tasks by their own classes); :meth:`build`
    makes the plan, checked as a whole, once however many sets were applied.
    """

    def __init__(self, plan: Plan, *, kind: type) -> None:
        self.plan = plan
        self.kind = kind
        """The class every change must be."""
        self.fields: dict[str, Any] = {}
        """Plan fields a change replaced, as values."""
        self.keyed = {name: _KeyedItems(getattr(plan, name), kind) for name, kind in KEYED.items()}
        self.positional = {name: list(getattr(plan, name)) for name in POSITIONAL}
        self.nested: dict[str, dict[str, Any]] = {}
        """Nested values (profile, calendar) being edited in the current set, JSON-ready."""
        self.sources: dict[str, int] = {}
        """The change that last set each plan field (its index in its set)."""

    def apply(self, changes: Iterable[Edit]) -> None:
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
                self.fields[name] = structure_value(data, NESTED[name], path=where)
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

    def _apply_one(self, change: Edit, index: int) -> None:
        """Apply one change to the working copies of the plan's parts."""
        if type(change) is not self.kind:
            raise ValidationError(
                path=f"changes[{index}]", problem=f"expected a Change, got {type(change).__name__}"
            )
        found = parts(change.path)
        if found is None:
            raise ValidationError(
                path=f"changes[{index}].path", problem=f"not a path: {change.path!r}"
            )
        name, key, field = found
        if name in self.keyed:
            self.keyed[name].apply(change, key, field, index)
        elif name in self.positional and key is not None and field is None:
            _apply_positional(self.positional[name], change, key, index, POSITIONAL[name])
        elif key is None and field is not None and name in NESTED:
            self._apply_nested(change, name, field, index)
        elif key is None and field is None and name in SCALARS:
            attribute = SCALARS[name]
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

    def _apply_nested(self, change: Edit, name: str, field: str, index: int) -> None:
        """Change one field of the profile or the calendar."""
        if field not in {attribute.name for attribute in attrs.fields(NESTED[name])}:
            raise ValidationError(
                path=f"changes[{index}].path", problem=f"no field {field!r} in {name}"
            )
        if name not in self.nested:
            self.nested[name] = unstructure_value(self.fields.get(name, getattr(self.plan, name)))
        default = _defaults(NESTED[name]).get(field)
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


def _expect(change: Edit, current: Any, index: int, *, default: Any = None) -> None:
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
            f"{change.path} is {short(current)} in the plan, not {short(expected)}: "
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


def _set(data: dict[str, Any], key: str, change: Edit) -> None:
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

    def apply(self, change: Edit, key: str | None, field: str | None, index: int) -> None:
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

    def _whole(self, change: Edit, key: str, index: int) -> None:
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
                    problem=f"the order is {short(list(self.items))}, not {short(before)}: "
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


def _apply_positional(values: list[Any], change: Edit, key: str, index: int, kind: type) -> None:
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
