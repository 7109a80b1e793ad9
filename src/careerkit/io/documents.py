"""Reading and writing plans as JSON documents.

A plan document is a JSON object holding the plan's fields plus
``schema_version``. Dates are ISO 8601 strings (``"2026-03-31"``), enums their
lowercase names (``"in_progress"``), and fields left at their defaults are
omitted. Reading is strict and bounded: unknown fields, wrong types, missing
fields, duplicate keys, non-finite numbers and documents above a size limit
are refused with a :class:`~careerkit.errors.ValidationError` that lists
every problem with its path. Nothing in reading evaluates code.

Documents written by an older schema version are migrated on reading; a
document from a newer version raises
:class:`~careerkit.errors.SchemaVersionError`.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
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

from careerkit.errors import CycleError, Problem, SchemaVersionError, ValidationError, join_path
from careerkit.io.reading import DEFAULT_MAX_SIZE, read_json
from careerkit.io.schema import plan_schema
from careerkit.model import Dependency, Plan
from careerkit.model.rules import describe

__all__ = [
    "DEFAULT_MAX_SIZE",
    "SCHEMA_VERSION",
    "dumps",
    "from_dict",
    "json_schema",
    "loads",
    "structure_value",
    "to_dict",
    "unstructure_value",
]

SCHEMA_VERSION = 2
"""The schema version written into every document.

Version 2 added typed dependencies (objects in ``depends_on``) and
three-point estimates; version 1 documents are read unchanged.
"""


Migration = Callable[[dict[str, Any]], dict[str, Any]]
_MIGRATIONS: Mapping[int, Migration] = {
    1: dict,  # version 2 only added optional forms: a version 1 body is a version 2 body
}
"""Migration from version N to N + 1, keyed by N."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLAIN = (str, int, float)  # passed through as they are: the model checks them


class _WrongValue(ValueError):
    """A JSON value of the wrong type or form; its message is the problem."""


_ITEM_ERRORS = (ValueError, BaseValidationError, RecursionError)
"""What structuring one item of a list raises: a value of the wrong form (``_WrongValue``,
a model ``ValidationError``), the problems cattrs collected in a record, or nesting
too deep."""


def _not_a_list(value: object) -> str:
    """How a value that is not a list is named: a tuple as itself, not as a list."""
    return "a tuple" if type(value) is tuple else describe(value)


def _as_is(value: object, _: object) -> object:
    """Strings and numbers pass through: the model checks their types and ranges."""
    return value


def _structure_date(value: object, _: object) -> date:
    if type(value) is str and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return date.fromisoformat(value)  # the shape above rules out week dates
        except ValueError:
            pass
    if type(value) is not str or not _ISO_DATE.fullmatch(value):
        shown = repr(value[:40]) if type(value) is str else describe(value)
        raise _WrongValue(f"expected a date as YYYY-MM-DD, got {shown}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _WrongValue(f"not a calendar date: {value!r}") from None


def _unstructure_optional_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _structure_optional_date(value: object, _: object) -> date | None:
    return None if value is None else _structure_date(value, date)


def _structure_enum_factory(kind: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    structure_value = _enum_value_factory(kind)
    return lambda value, _: structure_value(value)


def _enum_value_factory(kind: type[enum.Enum]) -> Callable[[object], enum.Enum]:
    """The member of ``kind`` that a JSON value names."""
    choices = ", ".join(str(member.value) for member in kind)
    members = {member.value: member for member in kind}

    def structure(value: object) -> enum.Enum:
        if type(value) is str and value in members:
            return members[value]
        shown = repr(value[:40]) if type(value) is str else describe(value)
        raise _WrongValue(f"expected one of {choices}; got {shown}")

    return structure


def _is_tuple(kind: Any) -> bool:
    return getattr(kind, "__origin__", None) is tuple


def _structure_tuple_factory(kind: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    item_kind = get_args(kind)[0]
    if item_kind in _PLAIN:
        return _structure_plain_tuple
    structure_item = converter.get_structure_hook(item_kind)

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _WrongValue(f"expected a list, got {_not_a_list(value)}")
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

    return structure


def _structure_plain_tuple(value: object, _: object) -> tuple[Any, ...]:
    if type(value) is not list:
        raise _WrongValue(f"expected a list, got {_not_a_list(value)}")
    return tuple(value)


def _structure_dependencies_factory(
    kind: Any, converter: cattrs.Converter
) -> Callable[[object, object], tuple[str | Dependency, ...]]:
    structure_value = _dependencies_value_factory(kind, converter)
    return lambda value, _: structure_value(value)


def _dependencies_value_factory(
    kind: Any, converter: cattrs.Converter
) -> Callable[[object], tuple[str | Dependency, ...]]:
    """Task ids and dependency objects from a JSON list."""
    structure_dependency = converter.get_structure_hook(Dependency)

    def structure_item(item: object) -> str | Dependency:
        if type(item) is str:
            return item
        if type(item) is dict:
            return cast(Dependency, structure_dependency(item, Dependency))
        raise _WrongValue(f"expected a task id or a dependency object, got {describe(item)}")

    def structure(value: object) -> tuple[str | Dependency, ...]:
        if type(value) is not list:
            raise _WrongValue(f"expected a list, got {_not_a_list(value)}")
        for item in value:  # a loop, not all(): this runs for every task
            if type(item) is not str:
                break
        else:
            return tuple(value)
        items: list[str | Dependency] = []
        errors = []
        for index, item in enumerate(value):
            try:
                items.append(structure_item(item))
            except _ITEM_ERRORS as exc:  # collected and reported with its path
                exc.add_note(IterableValidationNote(f"index {index}", index, kind))
                errors.append(exc)
        if errors:
            raise cattrs.IterableValidationError("invalid items", errors, kind)
        return tuple(items)

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


def _optional_of(kind: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``, else ``(kind, False)``."""
    arguments = get_args(kind)
    if type(None) in arguments:
        return next(arg for arg in arguments if arg is not type(None)), True
    return kind, False


def _structure_record_factory(cls: type, converter: cattrs.Converter) -> Callable[..., Any]:
    """Build an attrs value from a dict with hooks that cattrs generates.

    Well-formed input goes through cattrs' plain generated hook, which calls
    the class (the class validates everything). Anything that fails is
    structured again by cattrs' detailed generated hook, which collects every
    problem with its path.
    """
    quick: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=False
    )
    detailed: Callable[[Any, Any], Any] | None = None  # generated when first needed

    def structure(value: Any, _: object = None) -> Any:
        if type(value) is dict:
            try:
                return quick(value, cls)
            except (KeyError, ValueError, BaseValidationError, ForbiddenExtraKeysError):
                pass  # reported in detail below
        else:
            raise _WrongValue(f"expected an object, got {describe(value)}")
        nonlocal detailed
        if detailed is None:
            detailed = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
        return detailed(value, cls)

    return structure


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook_factory(attrs.has, _unstructure_record_factory)
    converter.register_structure_hook_factory(attrs.has, _structure_record_factory)
    for kind in _PLAIN:
        converter.register_structure_hook(kind, _as_is)
    converter.register_structure_hook(date, _structure_date)
    # Optional fields in one call, not through cattrs' general union dispatch.
    for kind in _PLAIN:
        converter.register_structure_hook(kind | None, _as_is)
    converter.register_structure_hook(date | None, _structure_optional_date)
    converter.register_unstructure_hook(date, date.isoformat)
    for kind in _PLAIN:  # written as they are, without cattrs' general union dispatch
        converter.register_unstructure_hook(kind | None, identity)
    converter.register_unstructure_hook(date | None, _unstructure_optional_date)
    converter.register_structure_hook_func(_is_metadata, _as_is)
    converter.register_unstructure_hook_func(_is_metadata, dict)
    converter.register_structure_hook_factory(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum),
        _structure_enum_factory,
    )
    converter.register_structure_hook_factory(_is_tuple, _structure_tuple_factory)
    # Registered last so that it wins over the general tuple hook.
    converter.register_structure_hook_factory(_is_dependencies, _structure_dependencies_factory)
    converter.register_unstructure_hook_factory(_is_dependencies, _unstructure_dependencies_factory)
    return converter


_converter = _make_converter()


def to_dict(plan: Plan) -> dict[str, Any]:
    """The JSON-ready dictionary of a plan, with ``schema_version`` first.

    Fields at their default values are omitted.

    Parameters
    ----------
    plan
        The plan to convert.

    Returns
    -------
    dict
        Plain dicts, lists, strings and numbers, ready for ``json.dumps``.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5))
    >>> to_dict(plan)
    {'schema_version': 2, 'id': 'p', 'owner': 'Ana', 'start': '2026-01-05'}
    """
    if not isinstance(plan, Plan):
        raise ValidationError(path="", problem=f"expected a Plan, got {type(plan).__name__}")
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    document.update(_converter.unstructure(plan))
    return document


def from_dict(document: Mapping[str, Any]) -> Plan:
    """Build a plan from a dictionary such as :func:`to_dict` returns.

    Older schema versions are migrated first. The dictionary is not changed.

    Parameters
    ----------
    document
        The plan document.

    Returns
    -------
    Plan
        The validated plan.

    Raises
    ------
    ValidationError
        The document is malformed; the message lists every problem with its
        path, such as ``tasks[12].depends_on[0]: unknown task 'x'``.
    SchemaVersionError
        The document comes from a newer schema version.
    CycleError
        Dependencies form a cycle.

    Examples
    --------
    >>> from_dict({"schema_version": 1, "id": "p", "owner": "Ana", "start": "2026-01-05"}).owner
    'Ana'
    >>> from_dict({"schema_version": 1, "id": "p", "owner": "Ana", "start": "someday"})
    Traceback (most recent call last):
    careerkit.errors.ValidationError: start: expected a date as YYYY-MM-DD, got 'someday'
    """
    body = _migrate(document, _MIGRATIONS)
    try:
        return _converter.structure(body, Plan)
    except BaseValidationError as exc:
        problems = list(_problems(exc, ""))
        cause = _single_cycle(exc)
        if cause is not None and len(problems) == 1:
            raise cause from exc
        raise ValidationError(problems=problems) from exc
    except RecursionError:
        raise ValidationError(path="", problem="the document is nested too deeply") from None


def _migrate(document: object, migrations: Mapping[int, Migration]) -> dict[str, Any]:
    """The document's fields at the current schema version, without ``schema_version``."""
    if isinstance(document, Mapping) and type(document) is not dict:
        document = dict(document)
    if type(document) is not dict:
        raise ValidationError(path="", problem=f"expected a JSON object, got {describe(document)}")
    if "schema_version" not in document:
        raise ValidationError(
            path="schema_version", problem=f"missing; this careerkit writes {SCHEMA_VERSION}"
        )
    version = document["schema_version"]
    if type(version) is not int or version < 1:
        shown = describe(version) if type(version) is not int else "a number below 1"
        raise ValidationError(
            path="schema_version", problem=f"expected a positive integer, got {shown}"
        )
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(found=version, supported=SCHEMA_VERSION)
    body = {key: value for key, value in document.items() if key != "schema_version"}
    for step in range(version, SCHEMA_VERSION):
        body = migrations[step](body)
    return body


def _problems(exc: BaseException, path: str) -> Iterator[Problem]:
    if isinstance(exc, BaseValidationError):
        for inner in exc.exceptions:
            yield from _problems(inner, _note_path(inner, path))
    elif isinstance(exc, ForbiddenExtraKeysError):
        for name in sorted(exc.extra_fields):
            yield Problem(join_path(path, name), "unknown field")
    elif isinstance(exc, ValidationError):
        for problem in exc.problems:
            yield Problem(join_path(path, problem.path), problem.problem)
    elif isinstance(exc, KeyError):
        yield Problem(path, "required field missing")
    elif isinstance(exc, _WrongValue):
        yield Problem(path, str(exc))
    elif isinstance(exc, RecursionError):
        yield Problem(path, "nested too deeply")
    else:
        yield Problem(path, f"invalid value ({type(exc).__name__}: {exc})")


def _single_cycle(exc: BaseException) -> CycleError | None:
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


def dumps(plan: Plan, *, indent: int | None = 2) -> str:
    """The plan as a JSON document.

    Parameters
    ----------
    plan
        The plan to write.
    indent
        Spaces per indentation level, or None for the most compact form.

    Examples
    --------
    >>> print(dumps(Plan(id="p", owner="Ana", start=date(2026, 1, 5)), indent=None))
    {"schema_version": 2, "id": "p", "owner": "Ana", "start": "2026-01-05"}
    """
    return json.dumps(to_dict(plan), indent=indent, ensure_ascii=False)


def loads(text: str | bytes, *, max_size: int = DEFAULT_MAX_SIZE) -> Plan:
    """Read a plan from a JSON document.

    The size is checked before parsing; duplicate keys, ``NaN`` and
    ``Infinity`` are refused; numbers too large for a float (``1e400``) and
    nesting deeper than Python's recursion limit are reported as problems,
    never as crashes.

    Parameters
    ----------
    text
        The JSON document, as text or UTF-8 bytes.
    max_size
        The largest document accepted, in characters for text and bytes for
        bytes; :data:`DEFAULT_MAX_SIZE` unless given.

    Returns
    -------
    Plan
        The validated plan.

    Raises
    ------
    ValidationError
        The text is too large, not JSON, or not a valid plan document.
    SchemaVersionError
        The document comes from a newer schema version.
    CycleError
        Dependencies form a cycle.

    Examples
    --------
    >>> loads('{"schema_version": 1, "id": "p", "owner": "Ana", "start": "2026-01-05"}').id
    'p'
    >>> loads('{"schema_version": 1, "id": "p"', max_size=10)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: the document is 31 characters, above the limit of 10 (max_size)
    """
    return from_dict(cast("Mapping[str, Any]", read_json(text, max_size=max_size)))


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan document.

    For products that build or check plan documents outside Python. The
    schema describes shapes, types, formats and ranges; rules that relate
    several fields (references, dates in order, cycles) are checked by
    :func:`loads` alone.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["properties"]["schema_version"]["maximum"]
    2
    """
    return plan_schema(SCHEMA_VERSION)


def unstructure_value(value: Any) -> Any:
    """The JSON-ready form of any model value (a goal, a task, a date, a tuple, ...).

    Fields at their defaults are left out, as in :func:`to_dict`.

    >>> unstructure_value(Goal(id="cert", title="Earn the certification"))
    {'id': 'cert', 'title': 'Earn the certification'}
    """
    return _converter.unstructure(value)


def structure_value(data: Any, kind: Any, *, path: str = "") -> Any:
    """Build a model value of type ``kind`` from its JSON-ready form.

    Raises
    ------
    ValidationError
        The data does not make a valid value; problems are reported under
        ``path``.

    >>> structure_value({"id": "cert", "title": "Earn it"}, Goal).title
    'Earn it'
    """
    try:
        return _converter.structure(data, kind)
    except BaseValidationError as exc:
        raise ValidationError(problems=_problems(exc, path)) from exc
    except _WrongValue as exc:
        raise ValidationError(path=path, problem=str(exc)) from None
    except ValidationError as exc:
        raise exc.prefixed(path) from exc
    except RecursionError:
        raise ValidationError(path=path, problem="nested too deeply") from None
