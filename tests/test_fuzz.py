"""Mutation fuzzing of careerkit.from_dict: break a valid document one way, expect a clear error.

Each mutation changes exactly one thing in a valid document (generated, or the
example plan) and knows the path of the field it broke. ``from_dict`` must
refuse the result with a ``CareerkitError`` (nothing else may escape) whose
message names that path; a dependency cycle must be a ``CycleError`` holding
the two ids that were made to depend on each other.
"""

from __future__ import annotations

import copy
import enum
import json
import math
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit
from careerkit import (
    Calendar,
    CareerkitError,
    CheckIn,
    CycleError,
    Dependency,
    Goal,
    Measurement,
    Metric,
    Plan,
    Profile,
    Task,
    ValidationError,
)

from .strategies import deterministic, plan_documents

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"

MISSING_ID = "no-such-id-anywhere"
"""An id no document uses (generated ids are at most 12 characters)."""

UNKNOWN_FIELD = "no_such_field"
"""A field name no record has."""

NON_NEGATIVE = {
    (Task, "duration"),
    (Task, "optimistic"),
    (Task, "pessimistic"),
    (Task, "effort"),
    (Task, "cost"),
    (Task, "percent_complete"),
    (Task, "hours_spent"),
    (Goal, "weight"),
    (Plan, "weekly_capacity"),
    (Plan, "budget"),
    (Calendar, "hours_per_day"),
    (CheckIn, "satisfaction"),
}
"""Numeric fields that must not be negative."""


@attrs.frozen
class Slot:
    """A place for a value in a document: a field of a record, or an item of a list."""

    path: str
    container: Any  # the dict or list holding the value
    key: str | int
    kind: str  # text, integer, number, date, enum, list, record, mapping
    owner: type | None  # the record class of a field; None for list items and metadata
    nullable: bool  # None is a valid value here
    required: bool  # a field without a default
    either: bool = False  # an item that may be an id or an object (a task dependency)

    @property
    def present(self) -> bool:
        """Whether the document holds a value here."""
        if isinstance(self.container, list):
            return True
        return self.key in self.container

    @property
    def name(self) -> str:
        """The field name, or the list index as text."""
        return str(self.key)


@attrs.frozen
class Broken:
    """A document broken in one way, and what the error must say about it."""

    document: dict[str, Any]
    path: str
    cycle: tuple[str, ...] = ()


def kind_of(annotation: Any) -> tuple[str, bool, Any]:
    """The slot kind of a field type, whether it is optional, and its item type for lists."""
    nullable = False
    if typing.get_origin(annotation) in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        annotation, nullable = options[0], True
    if typing.get_origin(annotation) is tuple:
        return "list", nullable, typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is Mapping:
        return "mapping", nullable, None
    if attrs.has(annotation):
        return "record", nullable, annotation
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "enum", nullable, None
    simple = {str: "text", int: "integer", float: "number", date: "date"}
    return simple[annotation], nullable, None


def kind_of_item(annotation: Any, element: Any) -> tuple[str, Any, bool]:
    """The kind and record class of a list item, and whether it may take two forms."""
    options = typing.get_args(annotation)
    if typing.get_origin(annotation) not in (types.UnionType, typing.Union):
        kind, _, item = kind_of(annotation)
        return kind, item, False
    records = [option for option in options if attrs.has(option)]
    if type(element) is dict and records:
        return "record", records[0], True
    plain = next(option for option in options if not attrs.has(option))
    return kind_of(plain)[0], None, True


def join(prefix: str, name: str) -> str:
    """Join a record path and a field name."""
    return f"{prefix}.{name}" if prefix else name


def slots(record: dict[str, Any], cls: type, prefix: str = "") -> Iterator[Slot]:
    """Every field of a record (present or not) and every list item below it."""
    for attribute in attrs.fields(cls):
        if not attribute.init:
            continue
        kind, nullable, item = kind_of(attribute.type)
        path = join(prefix, attribute.name)
        yield Slot(
            path=path,
            container=record,
            key=attribute.name,
            kind=kind,
            owner=cls,
            nullable=nullable,
            required=attribute.default is attrs.NOTHING,
        )
        value = record.get(attribute.name)
        if kind == "record" and type(value) is dict:
            yield from slots(value, item, path)
        elif kind == "list" and type(value) is list:
            for index, element in enumerate(value):
                element_path = f"{path}[{index}]"
                item_kind, item_class, either = kind_of_item(item, element)
                yield Slot(element_path, value, index, item_kind, None, False, True, either)
                if item_kind == "record":
                    yield from slots(element, item_class, element_path)
        elif kind == "mapping" and type(value) is dict:
            for key in value:
                yield Slot(f"{path}.{key}", value, key, "text", None, False, True)


def records(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every record of a document, the plan itself included, with its path."""
    yield "", document
    for slot in slots(document, Plan):
        if slot.kind == "record" and slot.present and type(slot.container[slot.key]) is dict:
            yield slot.path, slot.container[slot.key]


def choose(data: st.DataObject, items: list[Any]) -> Any:
    """One of ``items``, drawn so that Hypothesis can shrink the choice."""
    assert items, "nothing to choose from"
    return items[data.draw(st.integers(min_value=0, max_value=len(items) - 1))]


WRONG_VALUES: Mapping[str, tuple[Any, ...]] = {
    "text": (42, 1.5, True, [], {}),
    "integer": ("3", 2.5, True, [], {}),
    "number": ("3.5", True, [], {}),
    "date": (20260105, True, [], {}),
    "enum": (3, True, [], {}),
    "list": ("x", 3, {}, True),
    "record": ("x", 3, [], True),
    "mapping": ("x", 3, [], True),
}
"""Values of the wrong type for each kind of slot."""

BAD_DATES = (
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "20260105",
    "2026-1-5",
    "05/01/2026",
    "2026-01-05T09:00:00",
    " 2026-01-05",
    "\uff12\uff10\uff12\uff16-01-05",  # fullwidth digits
    "tomorrow",
    "",
)


def drop_required(document: dict[str, Any], data: st.DataObject) -> Broken:
    """Remove a field that has no default (or ``schema_version``)."""
    candidates = [
        slot
        for slot in slots(document, Plan)
        if slot.owner is not None and slot.required and slot.present
    ]
    if data.draw(st.integers(min_value=0, max_value=len(candidates))) == 0:
        del document["schema_version"]
        return Broken(document, "schema_version")
    slot = choose(data, candidates)
    del slot.container[slot.key]
    return Broken(document, slot.path)


def wrong_type(document: dict[str, Any], data: st.DataObject) -> Broken:
    """Replace a value with one of the wrong type (None only where None is not allowed)."""
    present = [slot for slot in slots(document, Plan) if slot.present]
    kind = choose(data, sorted({slot.kind for slot in present}))
    slot = choose(data, [slot for slot in present if slot.kind == kind])
    values = WRONG_VALUES[slot.kind] + (() if slot.nullable else (None,))
    if slot.either:  # an id or an object are both forms of a dependency
        values = tuple(value for value in values if type(value) not in (str, dict))
    slot.container[slot.key] = choose(data, list(values))
    return Broken(document, slot.path)


def bad_date(document: dict[str, Any], data: st.DataObject) -> Broken:
    """Put a string that is not an ISO calendar date into a date slot."""
    candidates = [slot for slot in slots(document, Plan) if slot.kind == "date"]
    slot = choose(data, [slot for slot in candidates if slot.present or slot.nullable])
    slot.container[slot.key] = choose(data, list(BAD_DATES))
    return Broken(document, slot.path)


def negative(document: dict[str, Any], data: st.DataObject) -> Broken:
    """Make a number that must not be negative negative."""
    candidates = [slot for slot in slots(document, Plan) if (slot.owner, slot.key) in NON_NEGATIVE]
    slot = choose(data, candidates)
    if slot.kind == "integer":
        slot.container[slot.key] = -data.draw(st.integers(min_value=1, max_value=10**6))
    else:
        slot.container[slot.key] = -data.draw(
            st.floats(min_value=1e-9, max_value=1e6) | st.integers(min_value=1, max_value=10**6)
        )
    return Broken(document, slot.path)


def not_finite(document: dict[str, Any], data: st.DataObject) -> Broken:
    """Put NaN or an infinity into a number slot (possible in a dict, not in JSON)."""
    candidates = [slot for slot in slots(document, Plan) if slot.kind in ("integer", "number")]
    slot = choose(data, candidates)
    slot.container[slot.key] = choose(data, [math.nan, math.inf, -math.inf])
    return Broken(document, slot.path)


def unknown_field(document: dict[str, Any], data: st.DataObject) -> Broken:
    """Add a field that no record has."""
    path, record = choose(data, list(records(document)))
    record[UNKNOWN_FIELD] = choose(data, ["x", 1, None, [], {}])
    return Broken(document, join(path, UNKNOWN_FIELD))


def dangling_reference(document: dict[str, Any], data: st.DataObject) -> Broken:
    """Make one reference name a goal, task or profile entry that does not exist."""
    options: list[tuple[str, dict[str, Any], str]] = []
    for index, task in enumerate(document.get("tasks", [])):
        options += [(f"tasks[{index}]", task, "goal"), (f"tasks[{index}]", task, "depends_on")]
    for index, goal in enumerate(document.get("goals", [])):
        for name in ("parent", "backup_for", "depends_on", "relevant_to"):
            options.append((f"goals[{index}]", goal, name))
    path, record, name = choose(data, options)
    if name in ("goal", "parent", "backup_for"):
        record[name] = MISSING_ID
        return Broken(document, f"{path}.{name}")
    entries = record.setdefault(name, [])
    slot = data.draw(st.integers(min_value=0, max_value=len(entries)))
    entries[slot:] = [MISSING_ID, *entries[slot + 1 :]]
    return Broken(document, f"{path}.{name}[{slot}]")


def duplicate_id(document: dict[str, Any], data: st.DataObject) -> Broken:
    """Add a copy of a goal or task after the original: the copy's id is the duplicate."""
    name = choose(data, [name for name in ("goals", "tasks") if document.get(name)])
    items = document[name]
    original = choose(data, items)
    position = data.draw(st.integers(min_value=items.index(original) + 1, max_value=len(items)))
    items.insert(position, copy.deepcopy(original))
    return Broken(document, f"{name}[{position}].id")


def cycle(document: dict[str, Any], data: st.DataObject) -> Broken:
    """Make two tasks (or two goals) depend on each other, directly or through others."""
    name = choose(data, [name for name in ("goals", "tasks") if len(document.get(name, [])) > 1])
    items = document[name]
    first = data.draw(st.integers(min_value=0, max_value=len(items) - 2))
    second = data.draw(st.integers(min_value=first + 1, max_value=len(items) - 1))
    first_id, second_id = items[first]["id"], items[second]["id"]
    field = "depends_on"
    if name == "goals" and data.draw(st.booleans()):
        field = "parent"
        items[first]["parent"] = second_id
        items[second]["parent"] = first_id
    else:
        # The document had no cycle, so every cycle now uses a new edge between the two ids.
        for one, other_id in ((first, second_id), (second, first_id)):
            links = items[one].get("depends_on", [])
            if other_id not in [link if type(link) is str else link["task"] for link in links]:
                items[one]["depends_on"] = [*links, other_id]
    return Broken(document, f"{name}[?].{field}", cycle=(first_id, second_id))


MUTATIONS: dict[str, Callable[[dict[str, Any], st.DataObject], Broken]] = {
    "drop a required field": drop_required,
    "wrong type": wrong_type,
    "bad date": bad_date,
    "negative number": negative,
    "NaN or infinity": not_finite,
    "unknown field": unknown_field,
    "dangling reference": dangling_reference,
    "duplicate id": duplicate_id,
    "cycle": cycle,
}


def refusal(document: dict[str, Any]) -> CareerkitError:
    """The error ``from_dict`` raises for a document; it must raise, and a CareerkitError."""
    try:
        careerkit.from_dict(document)
    except BaseException as exc:  # noqa: BLE001 - whatever escapes is checked below
        escaped = exc
    else:
        raise AssertionError("the broken document was accepted")
    assert isinstance(escaped, CareerkitError), f"{type(escaped).__name__} escaped: {escaped!r}"
    return escaped


def check_mutation(document: dict[str, Any], mutation: str, data: st.DataObject) -> None:
    """Break ``document`` one way and check the error ``from_dict`` and ``loads`` give."""
    broken = MUTATIONS[mutation](copy.deepcopy(document), data)

    error = refusal(broken.document)

    assert isinstance(error, ValidationError)
    message = str(error)
    if broken.cycle:
        assert isinstance(error, CycleError), message
        assert set(broken.cycle) <= set(error.cycle), (broken.cycle, error.cycle)
        prefix, _, field = broken.path.partition("[?]")
        collection = broken.document[prefix]
        position = [item["id"] for item in collection].index(error.cycle[0])
        expected_path = f"{prefix}[{position}]{field}"
        assert expected_path == error.path
        assert f"{expected_path}: " in message
    else:
        assert broken.path in [problem.path for problem in error.problems], message
        assert f"{broken.path}: " in message
    if mutation != "NaN or infinity":
        with pytest.raises(ValidationError) as caught:
            careerkit.loads(json.dumps(broken.document))
        assert message == str(caught.value)


@pytest.mark.parametrize("mutation", list(MUTATIONS))
@settings(deterministic, max_examples=25)
@given(document=plan_documents(min_goals=2, min_tasks=2, max_tasks=5), data=st.data())
def test_one_mutation_of_a_generated_document_is_reported(
    mutation: str, document: dict[str, Any], data: st.DataObject
) -> None:
    """A generated document broken one way is refused with an error naming the broken path."""
    check_mutation(document, mutation, data)


@pytest.mark.skipif(not EXAMPLE.exists(), reason="no example plan")
@pytest.mark.parametrize("mutation", list(MUTATIONS))
@settings(deterministic, max_examples=10)
@given(data=st.data())
def test_one_mutation_of_the_example_plan_is_reported(mutation: str, data: st.DataObject) -> None:
    """The example plan broken one way is refused with an error naming the broken path."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))

    check_mutation(document, mutation, data)


def test_every_record_class_is_walked() -> None:
    """The mutation walker reaches every kind of record in a full document."""
    text = (Path(__file__).resolve().parent / "data" / "plan-v1.json").read_text(encoding="utf-8")
    document = careerkit.to_dict(careerkit.loads(text))
    document["tasks"][-1]["depends_on"].append({"task": "enrol", "link": "ss", "lag": 2})
    careerkit.from_dict(document)

    walked = {slot.owner for slot in slots(document, Plan)} - {None}
    expected = {Plan, Profile, Calendar, Goal, Metric, Measurement, Task, Dependency, CheckIn}

    assert expected == walked
