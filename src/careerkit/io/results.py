"""Results as JSON documents: the registry of result types, their JSON forms and schemas.

A result type (a :class:`~careerkit.scheduling.Schedule`, a
:class:`~careerkit.smart.SmartAssessment`, ...) is registered by the layer
that defines it with :func:`result_document`, so that ``careerkit.io`` never
imports upward. Its document is generated from its attrs fields, one rule
for every kind:

- every public field is a key, always present (None is ``null``), in the
  order of the fields, then the read-only properties the type names; private
  fields (``_rows``) and the fields the type leaves out are not;
- dates are ``YYYY-MM-DD`` strings, times ISO 8601 strings, enums their
  values, tuples lists, mappings objects, nested attrs values nested
  objects under the same rule;
- numbers are finite (a result uses None for an undefined ratio):
  :func:`~careerkit.io.dumps` refuses NaN and infinity.

A document does not say its kind: whoever asks for it knows what it asked
for, and :func:`~careerkit.io.json_schema` takes the kind by name.
"""

from __future__ import annotations

import enum
import re
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from careerkit.errors import ValidationError
from careerkit.io.schema import type_schema

__all__ = [
    "ResultType",
    "document_of",
    "kind_of",
    "result_document",
    "result_kinds",
    "result_schema",
]

ResultType = TypeVar("ResultType")
"""A result class, which :func:`result_document` returns unchanged."""

_KIND = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


@attrs.frozen(kw_only=True)
class _Entry:
    """A registered result type: its class, the properties it adds and the fields it omits."""

    cls: type
    properties: tuple[str, ...]
    exclude: frozenset[str]


_REGISTRY: dict[str, _Entry] = {}
"""Registered result types by kind; filled once, as their modules are imported."""
_KINDS: dict[type, str] = {}
"""The kind of each registered class."""


def result_document(
    kind: str, *, properties: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Callable[[type[ResultType]], type[ResultType]]:
    """Register an attrs result type as a JSON document of a kind (a class decorator).

    Apply it in the module that defines the type, above ``@frozen``; the
    class is returned unchanged. Its document then comes out of
    :func:`careerkit.to_dict` and :func:`careerkit.dumps`, and its schema out
    of ``careerkit.json_schema(kind)``, with no other code to write. Every
    public field must be of a type that has a JSON form: ``str``, ``int``,
    ``float``, ``bool``, ``date``, ``datetime``, an enum, None, a tuple, a
    ``Mapping[str, str]``, another attrs value, or a union of these; a float
    must be finite (use None for a ratio that is undefined). A nested attrs
    value is written under the same rule whether or not it is registered;
    register it too to give it a schema of its own. A field may have any
    name, ``kind`` included: documents do not carry their kind.

    To register a new result, say a ``ProgressReport`` in
    ``careerkit.planning.progress``: import this decorator from
    ``careerkit.io``, put ``@result_document("progress_report")`` above
    ``@frozen(kw_only=True)``, and add a real report to the samples that
    ``tests/test_result_documents.py`` validates against the schema.

    Parameters
    ----------
    kind
        The document's name, in snake_case (``"progress_report"``); one
        class per kind.
    properties
        Read-only properties to write after the fields, each with a return
        annotation, which gives its schema.
    exclude
        Fields to leave out (private fields, ``_name``, always are).

    Returns
    -------
    callable
        The decorator.

    Raises
    ------
    ValidationError
        ``kind`` is not snake_case or already names another class, the class
        is not an attrs class, or a property or field named does not exist.

    Examples
    --------
    >>> from attrs import frozen
    >>> from careerkit import json_schema, to_dict
    >>> @result_document("score_card", properties=("passed",))
    ... @frozen(kw_only=True)
    ... class ScoreCard:
    ...     subject: str
    ...     score: float | None
    ...
    ...     @property
    ...     def passed(self) -> bool:
    ...         return (self.score or 0.0) >= 0.5
    >>> to_dict(ScoreCard(subject="cert", score=None))
    {'subject': 'cert', 'score': None, 'passed': False}
    >>> json_schema("score_card")["required"]
    ['subject', 'score', 'passed']
    """
    if type(kind) is not str or not _KIND.fullmatch(kind) or kind == "plan":
        raise ValidationError(path="kind", problem=f"expected a snake_case name, got {kind!r}")

    def register(cls: type[ResultType]) -> type[ResultType]:
        record: type = cls  # ``cls`` itself keeps its type, for the caller
        if not attrs.has(record):
            raise ValidationError(path="kind", problem=f"{kind}: {cls!r} is not an attrs class")
        fields = attrs.fields_dict(record)
        unknown = sorted({*exclude} - fields.keys())
        unknown += [
            name for name in properties if not isinstance(getattr(cls, name, None), property)
        ]
        if unknown:
            raise ValidationError(path="kind", problem=f"{kind}: no field or property {unknown}")
        found = _REGISTRY.get(kind)
        if found is not None and _name(found.cls) != _name(cls):
            raise ValidationError(path="kind", problem=f"{kind!r} already names {_name(found.cls)}")
        _REGISTRY[kind] = _Entry(cls=cls, properties=tuple(properties), exclude=frozenset(exclude))
        _KINDS[cls] = kind
        return cls

    return register


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def result_kinds() -> tuple[str, ...]:
    """The kinds of the registered result types, sorted.

    Returns
    -------
    tuple of str
        Each name that :func:`careerkit.json_schema` takes besides ``"plan"``.

    Examples
    --------
    >>> {"schedule", "task_schedule", "smart_assessment", "change"} <= set(result_kinds())
    True
    """
    return tuple(sorted(_REGISTRY))


def kind_of(value: object) -> str | None:
    """The kind of a registered result, or None for any other value.

    >>> kind_of(schedule(sample_plan)), kind_of(sample_plan)
    ('schedule', None)
    """
    return _KINDS.get(type(value))


def _public_fields(cls: type) -> list[attrs.Attribute[Any]]:
    entry = _REGISTRY.get(_KINDS.get(cls, ""))
    exclude = entry.exclude if entry is not None and entry.cls is cls else frozenset()
    return [
        attribute
        for attribute in attrs.fields(attrs.resolve_types(cls))
        if not attribute.name.startswith("_") and attribute.name not in exclude
    ]


def _properties(cls: type) -> dict[str, Any]:
    """The properties a registered class adds to its document, with their return types."""
    entry = _REGISTRY.get(_KINDS.get(cls, ""))
    if entry is None or entry.cls is not cls:
        return {}
    found: dict[str, Any] = {}
    for name in entry.properties:
        getter = getattr(cls, name).fget
        found[name] = typing.get_type_hints(getter)["return"]
    return found


def _unstructure_record_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Every public field under its name (never left out at its default), then the properties."""
    kept = {attribute.name for attribute in _public_fields(cls)}
    omitted = {
        attribute.name: override(omit=True)
        for attribute in attrs.fields(cls)
        if attribute.name not in kept
    }
    fields: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls,
        converter,
        **omitted,  # type: ignore[arg-type]  # cattrs types overrides loosely
    )
    added = [
        (name, converter.get_unstructure_hook(kind)) for name, kind in _properties(cls).items()
    ]
    if not added:
        return fields

    def unstructure(value: Any) -> dict[str, Any]:
        document = fields(value)
        for name, hook in added:
            document[name] = hook(getattr(value, name))
        return document

    return unstructure


def _is_tuple(kind: Any) -> bool:
    return kind is tuple or typing.get_origin(kind) is tuple


def _unstructure_tuple_factory(kind: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """A list, each item by the hook of its type (the items of ``tuple[X, ...]`` all of X)."""
    arguments = typing.get_args(kind)
    if not arguments:  # a bare tuple, met inside a union: each item by its own class
        return lambda value: [converter.unstructure(item) for item in value]
    if len(arguments) == 2 and arguments[1] is Ellipsis:
        hook = converter.get_unstructure_hook(arguments[0])
        return lambda value: [hook(item) for item in value]
    hooks = [converter.get_unstructure_hook(argument) for argument in arguments]
    return lambda value: [hook(item) for hook, item in zip(hooks, value, strict=True)]


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _is_mapping(kind: Any) -> bool:
    return typing.get_origin(kind) is Mapping


def _unstructure_mapping_factory(kind: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """An object, each value by the hook of the mapping's value type."""
    hook = converter.get_unstructure_hook(typing.get_args(kind)[1])
    return lambda value: {key: hook(item) for key, item in value.items()}


def _isoformat(value: date) -> str:
    return value.isoformat()  # a datetime's own method for a datetime


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_unstructure_hook_factory(attrs.has, _unstructure_record_factory)
    converter.register_unstructure_hook_factory(_is_tuple, _unstructure_tuple_factory)
    converter.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    converter.register_unstructure_hook_factory(_is_mapping, _unstructure_mapping_factory)
    converter.register_unstructure_hook(date, _isoformat)  # and datetime, a subclass
    return converter


_converter = _make_converter()
"""The converter of result documents (writing only: results are not read back)."""


def document_of(value: object) -> dict[str, Any]:
    """The JSON-ready document of a registered result (``value`` must be one).

    >>> document_of(schedule(sample_plan).goals[0])["goal"]
    'digital-marketing-diploma'
    """
    document: dict[str, Any] = _converter.unstructure(value)
    return document


def result_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a registered kind's documents.

    Raises
    ------
    ValidationError
        No result type is registered under ``kind`` (the message lists the
        kinds there are).

    Examples
    --------
    >>> result_schema("week_load")["required"]
    ['week', 'hours', 'capacity', 'tasks', 'overloaded', 'spare']
    """
    entry = _REGISTRY.get(kind)
    if entry is None:
        known = ", ".join(("plan", *result_kinds()))
        raise ValidationError(path="kind", problem=f"unknown kind {kind!r}; known: {known}")
    definitions: dict[str, Any] = {}
    root = _object_schema(entry.cls, definitions)
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://careerkit.invalid/schema/{kind}.json",
        "title": f"careerkit {kind}",
        **root,
    }
    if definitions:
        schema["$defs"] = dict(sorted(definitions.items()))
    return schema


def _object_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    """Every key required, nothing else allowed: the document rule, as a schema."""
    properties = {
        attribute.name: type_schema(
            attribute.type, definitions, record=_object_schema, distinct=False
        )
        for attribute in _public_fields(cls)
    }
    for name, kind in _properties(cls).items():
        properties[name] = type_schema(kind, definitions, record=_object_schema, distinct=False)
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
