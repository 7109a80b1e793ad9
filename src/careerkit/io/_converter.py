"""The converter between plans and their JSON forms, and the problems it reports.

Records are read by hooks that cattrs generates: a plain one for well-formed
input, which calls the class (whose ``__init__`` validates everything), and,
when that fails, cattrs' detailed one, which collects every problem with its
path. Records are written by cattrs' generated hooks, leaving out fields at
their defaults. :func:`problems_of` turns what cattrs collected into
``Problem``s with JSON paths.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from operator import attrgetter
from typing import Any, cast, get_args

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from careerkit.errors import CycleError, Problem, ValidationError, join_path
from careerkit.model import CheckIn, Dependency, Goal, Plan, Task
from careerkit.model.plan import CAREER_FIELDS, problems_of_parts
from careerkit.model.rules import describe, unknown_fields

__all__ = ["WrongValue", "converter", "problems_of", "single_cycle"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLAIN = (str, int, float)  # passed through as they are: the model checks them


class WrongValue(ValueError):
    """A JSON value of the wrong type or form; its message is the problem."""


_ITEM_ERRORS = (ValueError, BaseValidationError, RecursionError)
"""What structuring one item of a list raises: a value of the wrong form (``WrongValue``,
a model ``ValidationError``), the problems cattrs collected in a record, or nesting
too deep."""


def _not_a_list(value: object) -> str:
    """How a value that is not a list is named: a tuple as itself, not as a list."""
    return "a tuple" if type(value) is tuple else describe(value)


def _as_is(value: object, _: object) -> object:
    """Strings and numbers pass through: the model checks their types and ranges."""
    return value


def _structure_integer(value: object, _: object) -> object:
    """An integral number (``5.0``) is the integer it is, as JSON Schema counts it; anything
    else passes through for the model to judge."""
    if type(value) is float and value.is_integer():
        return int(value)
    return value


def _structure_date(value: object, _: object) -> date:
    if type(value) is str and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return date.fromisoformat(value)  # the shape above rules out week dates
        except ValueError:
            pass
    if type(value) is not str or not _ISO_DATE.fullmatch(value):
        shown = repr(value[:40]) if type(value) is str else describe(value)
        raise WrongValue(f"expected a date as YYYY-MM-DD, got {shown}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise WrongValue(f"not a calendar date: {value!r}") from None


def _unstructure_optional_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _structure_optional_date(value: object, _: object) -> date | None:
    if value is None:
        return None
    if type(value) is str and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return date.fromisoformat(value)  # the common case, without a second call
        except ValueError:
            pass
    return _structure_date(value, date)


def _structure_enum_factory(kind: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    """The member of ``kind`` that a JSON value names."""
    choices = ", ".join(str(member.value) for member in kind)
    members = {member.value: member for member in kind}

    def structure(value: object, _: object) -> enum.Enum:
        if type(value) is str and value in members:
            return members[value]
        shown = repr(value[:40]) if type(value) is str else describe(value)
        raise WrongValue(f"expected one of {choices}; got {shown}")

    return structure


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _is_tuple(kind: Any) -> bool:
    return getattr(kind, "__origin__", None) is tuple


def _is_plain_tuple(kind: Any) -> bool:
    return _is_tuple(kind) and get_args(kind)[0] in _PLAIN


def _structure_tuple_factory(kind: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    """Items from a JSON list, each problem noted with its index.

    cattrs' own sequence hooks take any iterable, so that a string would
    become its letters: a document must give a list.
    """
    item_kind = get_args(kind)[0]
    if item_kind in _PLAIN:
        return _structure_plain_tuple
    structure_item = converter.get_structure_hook(item_kind)
    if attrs.has(item_kind) and item_kind is not Plan:
        return _structure_records_factory(kind, item_kind, structure_item, converter)

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise WrongValue(f"expected a list, got {_not_a_list(value)}")
        return _structure_items(value, structure_item, item_kind=item_kind, kind=kind)

    return structure


def _structure_records_factory(
    kind: Any, item_kind: type, structure_item: Callable[..., Any], converter: cattrs.Converter
) -> Callable[..., Any]:
    """Records from a JSON list of objects: each read by cattrs' plain generated hook
    in one comprehension, as :func:`_structure_record_factory` reads one; a list
    with anything else, or an item that fails, is read item by item."""
    quick = _quick_hook(item_kind, converter)

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise WrongValue(f"expected a list, got {_not_a_list(value)}")
        if set(map(type, value)) <= _DICT:
            try:
                return tuple([quick(item, item_kind) for item in value])
            except (*_QUICK_ERRORS, RecursionError):
                pass  # read item by item below, every problem with its index
        return _structure_items(value, structure_item, item_kind=item_kind, kind=kind)

    return structure


def _structure_items(
    value: list[Any], structure_item: Callable[[object, Any], Any], *, item_kind: Any, kind: Any
) -> tuple[Any, ...]:
    """Every item of a JSON list structured, or every failure collected with its index.

    Sound items are read in one comprehension; only when one fails is the
    list read again item by item, to collect every failure.
    """
    try:
        return tuple([structure_item(item, item_kind) for item in value])
    except _ITEM_ERRORS:
        pass  # collected below, each failure with its index
    items = []
    errors = []
    for index, item in enumerate(value):
        try:
            items.append(structure_item(item, item_kind))
        except _ITEM_ERRORS as exc:  # collected and reported with its path
            exc.add_note(IterableValidationNote(f"index {index}", index, item_kind))
            errors.append(exc)
    if errors:
        raise cattrs.IterableValidationError("invalid items", errors, kind)
    return tuple(items)


def _structure_plain_tuple(value: object, _: object) -> tuple[Any, ...]:
    if type(value) is not list:
        raise WrongValue(f"expected a list, got {_not_a_list(value)}")
    return tuple(value)


def _structure_dependencies_factory(
    kind: Any, converter: cattrs.Converter
) -> Callable[[object, object], tuple[str | Dependency, ...]]:
    """Task ids and dependency objects from a JSON list."""
    structure_dependency = converter.get_structure_hook(Dependency)

    def structure_item(item: object, _: object = None) -> str | Dependency:
        if type(item) is str:
            return item
        if type(item) is dict:
            return cast(Dependency, structure_dependency(item, Dependency))
        raise WrongValue(f"expected a task id or a dependency object, got {describe(item)}")

    def structure(value: object, _: object) -> tuple[str | Dependency, ...]:
        if type(value) is not list:
            raise WrongValue(f"expected a list, got {_not_a_list(value)}")
        for item in value:  # a loop, not all(): this runs for every task
            if type(item) is not str:
                break
        else:
            return tuple(value)
        return _structure_items(value, structure_item, item_kind=kind, kind=kind)

    return structure


def _unstructure_dependencies_factory(
    kind: Any, converter: cattrs.Converter
) -> Callable[[tuple[str | Dependency, ...]], list[Any]]:
    unstructure_dependency = converter.get_unstructure_hook(Dependency)

    def unstructure(value: tuple[str | Dependency, ...]) -> list[Any]:
        return [item if type(item) is str else unstructure_dependency(item) for item in value]

    return unstructure


def _is_dependencies(kind: Any) -> bool:
    return bool(kind == tuple[str | Dependency, ...])


def _is_metadata(kind: Any) -> bool:
    return bool(kind == Mapping[str, str])


def _unstructure_record_factory(cls: type, converter: cattrs.Converter) -> Callable[..., Any]:
    """cattrs' generated hook, which leaves out fields at their defaults; keys in field order.

    cattrs writes the fields without defaults first: for the classes that
    list a field with a default before one without (``Plan.vision`` before
    ``Plan.start``), the keys are put back in the order of the fields.
    """
    hook: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True
    )
    order = [attribute.name for attribute in attrs.fields(cls) if attribute.init]
    required = [name for name in order if attrs.fields_dict(cls)[name].default is attrs.NOTHING]
    if order[: len(required)] == required:
        return hook

    def unstructure(value: Any) -> dict[str, Any]:
        written = hook(value)
        return {name: written[name] for name in order if name in written}

    return unstructure


_DICT = frozenset({dict})
_QUICK_ERRORS = (KeyError, ValueError, BaseValidationError, ForbiddenExtraKeysError)
"""What cattrs' plain hook raises on a record it cannot read as it is."""


def _quick_hook(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs' plain generated hook of a record class: no detail, no extra keys."""
    return make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=False
    )


def _structure_record_factory(cls: type, converter: cattrs.Converter) -> Callable[..., Any]:
    """Build an attrs value from a dict with hooks that cattrs generates.

    Well-formed input goes through cattrs' plain generated hook, which calls
    the class (the class validates everything). Anything that fails is
    structured again by cattrs' detailed generated hook, which collects every
    problem with its path. (A hand-written hook calling the class with the
    converted fields reads ``benchmarks/bench_io.py``'s documents only 1-4%
    faster: not worth a hook of our own.)
    """
    quick = _quick_hook(cls, converter)
    detailed: Callable[[Any, Any], Any] | None = None  # generated when first needed

    def structure(value: Any, _: object = None) -> Any:
        if type(value) is dict:
            try:
                return quick(value, cls)
            except _QUICK_ERRORS:
                pass  # reported in detail below
        else:
            raise WrongValue(f"expected an object, got {describe(value)}")
        nonlocal detailed
        if detailed is None:
            detailed = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
        return detailed(value, cls)

    return structure


def _item_type(name: str) -> type:
    """The type of the items of the plan's list field ``name``."""
    kind: Any = attrs.fields_dict(attrs.resolve_types(Plan))[name].type
    return cast(type, get_args(kind)[0])


_READ_ERRORS = (
    KeyError,
    ValueError,
    BaseValidationError,
    ForbiddenExtraKeysError,
    RecursionError,
)
"""What structuring a value raises on bad input (a model ``ValidationError`` is a ``ValueError``)."""
_PARTS: Mapping[str, type] = {
    "goals": Goal,
    "tasks": Task,
    "check_ins": CheckIn,
    **{name: _item_type(name) for name in CAREER_FIELDS},
}
"""The plan's lists read item by item when a plan fails, so that one bad item does not
hide the problems of the others."""


def _structure_plan_factory(_: type, converter: cattrs.Converter) -> Callable[..., Plan]:
    """A plan from a dict: in one call when it is sound, else read part by part.

    A plan that fails is read field by field and item by item: every problem
    found while reading is reported with its whole path, and the plan's
    rules (each field's, then references and dates) run over every part that
    could be read, so that one reading finds every problem there is.
    """
    quick = _structure_record_factory(Plan, converter)
    attributes = {
        attribute.name: attribute
        for attribute in attrs.fields(attrs.resolve_types(Plan))
        if attribute.init
    }

    def structure(value: Any, _: object = None) -> Plan:
        if type(value) is not dict:
            raise WrongValue(f"expected an object, got {describe(value)}")
        try:
            return cast(Plan, quick(value, Plan))
        except _READ_ERRORS:
            pass  # read in parts below, to report everything
        problems: list[Problem] = [
            Problem(name, problem)
            for name, problem in unknown_fields(value.keys() - attributes.keys(), attributes)
        ]
        fields: dict[str, Any] = {}
        items: dict[str, Any] = {}
        for name, attribute in attributes.items():
            if name not in value:
                if attribute.default is attrs.NOTHING:
                    problems.append(Problem(name, "required field missing"))
            elif name in _PARTS:
                items[name] = _read_items(converter, value[name], name, problems)
            else:
                try:
                    fields[name] = converter.structure(value[name], cast(Any, attribute.type))
                except _READ_ERRORS as exc:
                    problems.extend(problems_of(exc, name))
        if not problems and all(
            isinstance(item, _PARTS[name]) for name in items for item in items[name]
        ):
            return Plan(**fields, **items)  # its own error names every problem by its whole path
        problems.extend(problems_of_parts(fields, items))
        raise ValidationError(problems=problems)

    return structure


def _read_items(
    converter: cattrs.Converter, value: object, name: str, problems: list[Problem]
) -> tuple[object, ...]:
    """Each item of a list of the plan: the value, or a mapping of its readable fields."""
    if type(value) is not list:
        problems.append(Problem(name, f"expected a list, got {_not_a_list(value)}"))
        return ()
    kind = _PARTS[name]
    hook = converter.get_structure_hook(kind)
    items: list[object] = []
    for index, item in enumerate(value):
        try:
            items.append(hook(item, kind))
        except _READ_ERRORS as exc:
            problems.extend(problems_of(exc, f"{name}[{index}]"))
            items.append(_readable_fields(converter, item, kind))
    return tuple(items)


def _readable_fields(converter: cattrs.Converter, item: object, kind: type) -> object:
    """The fields of a record that can be read on their own, or None."""
    if type(item) is not dict:
        return None
    attributes = attrs.fields_dict(attrs.resolve_types(kind))
    readable: dict[str, object] = {}
    for name, raw in item.items():
        if name in attributes:
            try:
                readable[name] = converter.structure(raw, cast(Any, attributes[name].type))
            except _READ_ERRORS:
                continue  # reported with the item
    return readable


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook_factory(attrs.has, _unstructure_record_factory)
    converter.register_structure_hook_factory(attrs.has, _structure_record_factory)
    for kind in _PLAIN:
        converter.register_structure_hook(kind, _as_is)
    converter.register_structure_hook(int, _structure_integer)
    converter.register_structure_hook(bool, _as_is)  # the model refuses anything but a boolean
    converter.register_structure_hook(date, _structure_date)
    # Optional fields in one call, not through cattrs' general union dispatch.
    for kind in _PLAIN:
        converter.register_structure_hook(kind | None, _as_is)
    converter.register_structure_hook(int | None, _structure_integer)
    converter.register_structure_hook(date | None, _structure_optional_date)
    converter.register_unstructure_hook(date, date.isoformat)
    for kind in _PLAIN:  # written as they are, without cattrs' general union dispatch
        converter.register_unstructure_hook(kind | None, identity)
    converter.register_unstructure_hook(date | None, _unstructure_optional_date)
    converter.register_structure_hook_func(_is_metadata, _as_is)
    converter.register_unstructure_hook_func(_is_metadata, dict)
    converter.register_structure_hook_factory(_is_enum, _structure_enum_factory)
    # A member's value, read in C (``value`` is a Python-level property).
    converter.register_unstructure_hook_func(_is_enum, attrgetter("_value_"))
    converter.register_structure_hook_factory(_is_tuple, _structure_tuple_factory)
    converter.register_unstructure_hook_func(_is_plain_tuple, list)  # in C, item by item as is
    # Registered last so that it wins over the general tuple hook.
    converter.register_structure_hook_factory(_is_dependencies, _structure_dependencies_factory)
    converter.register_unstructure_hook_factory(_is_dependencies, _unstructure_dependencies_factory)
    converter.register_structure_hook_factory(lambda kind: kind is Plan, _structure_plan_factory)
    return converter


converter = _make_converter()
"""The one converter of plan documents (``forbid_extra_keys``)."""


def problems_of(exc: BaseException, path: str) -> Iterator[Problem]:
    """The problems an error of structuring holds, with their paths under ``path``."""
    if isinstance(exc, BaseValidationError):
        for inner in exc.exceptions:
            yield from problems_of(inner, _note_path(inner, path))
    elif isinstance(exc, ForbiddenExtraKeysError):
        known = [attribute.name for attribute in attrs.fields(exc.cl) if attribute.init]
        for name, wrong in unknown_fields(exc.extra_fields, known):
            yield Problem(join_path(path, name), wrong)
    elif isinstance(exc, ValidationError):
        for problem in exc.problems:
            yield Problem(join_path(path, problem.path), problem.problem)
    elif isinstance(exc, KeyError):
        yield Problem(path, "required field missing")
    elif isinstance(exc, WrongValue):
        yield Problem(path, str(exc))
    elif isinstance(exc, RecursionError):
        yield Problem(path, "nested too deeply")
    else:
        yield Problem(path, f"invalid value ({type(exc).__name__}: {exc})")


def single_cycle(exc: BaseException) -> CycleError | None:
    """The cycle error raised by the plan itself, if that is the whole story."""
    if isinstance(exc, BaseValidationError) and len(exc.exceptions) == 1:
        inner = exc.exceptions[0]
        if isinstance(inner, CycleError) and _note_path(inner, "") == "":
            return inner
    return None


def _note_path(exc: BaseException, path: str) -> str:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return join_path(path, note.name)
        if isinstance(note, IterableValidationNote):
            return f"{path}[{note.index}]"
    return path
