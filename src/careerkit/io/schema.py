"""JSON Schema (draft 2020-12) of the plan document, derived from the model.

Shapes and types come from the attrs classes; ranges, formats and patterns
that the model checks in code are listed in ``_CONSTRAINTS``.

Every pattern means the same in ECMA-262 (as ajv reads it) and in Python's
``re`` (as jsonschema reads it): explicit ASCII classes and ``\\uXXXX``
escapes only, no ``$``, ``\\s``, ``\\S``, ``\\d`` or ``.``, whose meanings
differ. A pattern sits beside the ``type`` it constrains, never beside an
``anyOf`` (which ajv's strict mode refuses).
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import attrs

from careerkit.model import (
    Application,
    Asset,
    Calendar,
    CareerOption,
    Contact,
    CriterionWeight,
    Dependency,
    Exploration,
    Goal,
    Plan,
    Rating,
    RequiredSkill,
    Role,
    Skill,
    SkillGain,
    Task,
)
from careerkit.model.assets import MAX_AGE
from careerkit.model.contacts import MAX_CADENCE
from careerkit.model.options import MAX_SCORE
from careerkit.model.rules import BLANK_CHARACTERS, MAX_DURATION, MAX_MAGNITUDE, MAX_TEXT
from careerkit.model.skills import MAX_LEVEL

__all__ = ["RecordSchema", "plan_schema", "type_schema"]


def _escaped(characters: str) -> str:
    return "".join(f"\\u{ord(character):04x}" for character in characters)


_STORABLE = {"not": {"pattern": f"[{_escaped(chr(0xD800))}-{_escaped(chr(0xDFFF))}]"}}
"""No lone surrogate: the text must be storable as UTF-8."""
_NOT_BLANK = {"pattern": f"[^{_escaped(BLANK_CHARACTERS)}]"}
"""Some character outside ``BLANK_CHARACTERS``: the model's own definition of blank."""
_ID = {
    "minLength": 1,
    "maxLength": 128,
    "pattern": "^[A-Za-z0-9]",
    "not": {"pattern": "[^A-Za-z0-9_.:-]"},
}
"""What ``rules.Id`` accepts, said without an end anchor (Python's ``$`` allows a final newline)."""
_YEAR = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9000)"
_DATE = {
    "type": "string",
    "format": "date",
    "minLength": 10,
    "maxLength": 10,
    "pattern": f"^{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])",
}
"""A date from 0001-01-01 to 9000-12-31 as YYYY-MM-DD (``format`` rules out 30 February)."""
_RRULE = {"minLength": 1, "maxLength": 506}
_CONSTRAINTS: Mapping[tuple[type, str], Mapping[str, Any]] = {
    (Plan, "id"): _ID,
    (Plan, "weekly_capacity"): {"exclusiveMinimum": 0},
    (Plan, "budget"): {"minimum": 0},
    (Plan, "review_cadence"): _RRULE,
    (Goal, "id"): _ID,
    (Goal, "parent"): _ID,
    (Goal, "backup_for"): _ID,
    (Goal, "weight"): {"minimum": 0},
    (Task, "id"): _ID,
    (Task, "goal"): _ID,
    (Task, "duration"): {"minimum": 0, "maximum": MAX_DURATION},
    (Task, "optimistic"): {"minimum": 0, "maximum": MAX_DURATION},
    (Task, "pessimistic"): {"minimum": 0, "maximum": MAX_DURATION},
    (Dependency, "task"): _ID,
    (Dependency, "lag"): {"minimum": -MAX_DURATION, "maximum": MAX_DURATION},
    (Task, "effort"): {"minimum": 0},
    (Task, "cost"): {"minimum": 0},
    (Task, "recurrence"): _RRULE,
    (Task, "percent_complete"): {"minimum": 0, "maximum": 100},
    (Task, "hours_spent"): {"minimum": 0},
    (Calendar, "hours_per_day"): {"exclusiveMinimum": 0, "maximum": 24},
    (Calendar, "working_days"): {"minItems": 1},
    (Skill, "level"): {"minimum": 0, "maximum": MAX_LEVEL},
    (SkillGain, "by"): {"minimum": 1, "maximum": MAX_LEVEL},
    (RequiredSkill, "level"): {"minimum": 1, "maximum": MAX_LEVEL},
    (RequiredSkill, "weight"): {"minimum": 0},
    (Role, "id"): _ID,
    (Asset, "id"): _ID,
    (Asset, "max_age"): {"minimum": 1, "maximum": MAX_AGE},
    (Contact, "id"): _ID,
    (Contact, "cadence"): {"minimum": 1, "maximum": MAX_CADENCE},
    (Contact, "cadence_rule"): _RRULE,
    (CareerOption, "id"): _ID,
    (CareerOption, "role"): _ID,
    (Rating, "score"): {"minimum": 0, "maximum": MAX_SCORE},
    (CriterionWeight, "weight"): {"minimum": 0},
    (Exploration, "task"): _ID,
    (Application, "id"): _ID,
    (Application, "role"): _ID,
    (Application, "resume"): _ID,
    (Application, "referred_by"): _ID,
    (Application, "stages"): {"minItems": 1},
}
_ID_LISTS = {(Goal, "depends_on"), (Asset, "roles"), (Contact, "goals")}
_REQUIRED_TEXT = {"title", "name", "owner", "skill", "criterion", "employer"}
"""Texts that may not be blank, where the field is required."""
_SATISFACTION = {"minimum": 1, "maximum": 5}


RecordSchema = Callable[[type, dict[str, Any]], dict[str, Any]]
"""How the object schema of an attrs class is built, given the ``$defs`` collected so far."""


def plan_schema(version: int) -> dict[str, Any]:
    """The schema of a plan document written at ``version``."""
    definitions: dict[str, Any] = {}
    root = _object_schema(Plan, definitions)
    root["properties"] = {
        "schema_version": {"type": "integer", "minimum": 1, "maximum": version},
        **root["properties"],
    }
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://careerkit.invalid/schema/plan-{version}.json",
        "title": "careerkit plan",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _object_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for attribute in attrs.fields(attrs.resolve_types(cls)):
        if not attribute.init:
            continue
        schema = type_schema(attribute.type, definitions, record=_object_schema)
        if (cls, attribute.name) in _ID_LISTS:
            schema["items"] = {"type": "string", **_ID}
        if (cls, attribute.name) == (Task, "depends_on"):
            schema["items"]["anyOf"][0].update(_ID)
        extra = dict(_CONSTRAINTS.get((cls, attribute.name), {}))
        if attribute.name in _REQUIRED_TEXT and attribute.default is attrs.NOTHING:
            extra.update(_NOT_BLANK)
        if attribute.name == "satisfaction":
            extra.update(_SATISFACTION)
        _constrain(schema, extra)
        properties[attribute.name] = schema
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _constrain(schema: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """Add constraints beside the type they apply to: in each non-null branch of an ``anyOf``."""
    if "anyOf" not in schema:
        schema.update(extra)
        return
    for branch in schema["anyOf"]:
        if branch.get("type") not in (None, "null"):
            branch.update(extra)


def type_schema(
    kind: Any, definitions: dict[str, Any], *, record: RecordSchema, distinct: bool = True
) -> dict[str, Any]:
    """The schema of a value of type ``kind``; an attrs class is a ``$ref`` to its entry
    in ``definitions``, which ``record`` builds (the plan's objects or the results').
    Lists of plain values hold distinct entries when ``distinct`` (in plans, not in
    results, where a list of weekly hours may repeat a number)."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        return {
            "anyOf": [
                type_schema(arg, definitions, record=record, distinct=distinct)
                for arg in typing.get_args(kind)
            ]
        }
    if kind is type(None):
        return {"type": "null"}
    if kind is Any:
        return {}  # any JSON value
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(kind))}
    if origin is tuple:
        return _tuple_schema(kind, definitions, record, distinct=distinct)
    if origin is Mapping:
        text = {"type": "string", "maxLength": MAX_TEXT, **_STORABLE}
        values = type_schema(
            typing.get_args(kind)[1], definitions, record=record, distinct=distinct
        )
        return {"type": "object", "propertyNames": text, "additionalProperties": values}
    if kind is str:
        return {"type": "string", "maxLength": MAX_TEXT, **_STORABLE}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer", "minimum": -MAX_MAGNITUDE, "maximum": MAX_MAGNITUDE}
    if kind is float:
        return {"type": "number", "minimum": -MAX_MAGNITUDE, "maximum": MAX_MAGNITUDE}
    if kind is datetime:
        return {"type": "string", "format": "date-time"}
    if kind is date:
        return dict(_DATE)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if attrs.has(kind):
        if kind.__name__ not in definitions:
            definitions[kind.__name__] = {}  # placeholder against recursion
            definitions[kind.__name__] = record(kind, definitions)
        return {"$ref": f"#/$defs/{kind.__name__}"}
    raise TypeError(f"no JSON Schema for {kind!r}")  # pragma: no cover - model changed


def _tuple_schema(
    kind: Any, definitions: dict[str, Any], record: RecordSchema, *, distinct: bool
) -> dict[str, Any]:
    """A list: of any length for ``tuple[X, ...]``, of fixed items for ``tuple[X, Y]``."""
    arguments = typing.get_args(kind)
    if len(arguments) != 2 or arguments[1] is not Ellipsis:
        return {
            "type": "array",
            "prefixItems": [
                type_schema(item, definitions, record=record, distinct=distinct)
                for item in arguments
            ],
            "items": False,
            "minItems": len(arguments),
        }
    item = arguments[0]
    schema: dict[str, Any] = {
        "type": "array",
        "items": type_schema(item, definitions, record=record, distinct=distinct),
    }
    if distinct and not attrs.has(item):
        schema["uniqueItems"] = True
    if item is str:
        schema["items"].update(_NOT_BLANK)
    return schema
