"""Tests for careerkit.io: documents, JSON, the JSON Schema, schema versions and hostile input."""

from __future__ import annotations

import contextlib
import copy
import enum
import functools
import inspect
import io
import json
import random
import shutil
import subprocess
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError

import careerkit
import careerkit.io.documents
from careerkit import (
    DEFAULT_MAX_SIZE,
    SCHEMA_VERSION,
    Calendar,
    Category,
    CheckIn,
    Dependency,
    Direction,
    Goal,
    GoalStatus,
    Horizon,
    Link,
    Measurement,
    Metric,
    Plan,
    Profile,
    SchemaVersionError,
    Source,
    Status,
    Task,
    ValidationError,
    Weekday,
)
from careerkit.model.rules import BLANK_CHARACTERS

from .bad_documents import valid_document
from .strategies import deterministic, plans
from .wrong_arguments import refused_path, wrong_calls

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"

MINIMAL: dict[str, Any] = {
    "schema_version": SCHEMA_VERSION,
    "id": "p",
    "owner": "Ana",
    "start": "2026-01-05",
}

BASE: dict[str, Any] = {
    "schema_version": SCHEMA_VERSION,
    "id": "ana-2026",
    "owner": "Ana Ortiz",
    "start": "2026-01-05",
    "profile": {"values": ["growth"]},
    "goals": [
        {
            "id": "cert",
            "title": "Earn the certification",
            "metric": {"name": "score", "baseline": 0, "target": 80},
        }
    ],
    "tasks": [{"id": "study", "goal": "cert", "title": "Study", "duration": 10, "effort": 20}],
    "check_ins": [{"on": "2026-02-02", "satisfaction": 4}],
    "calendar": {"hours_per_day": 7.5},
    "weekly_capacity": 8,
}
"""A small valid document with one of each record, for hostile variations."""

PLACEHOLDER = "@@raw@@"


def raw(path: tuple[str | int, ...], text: str) -> str:
    """``BASE`` as JSON text with the value at ``path`` replaced by raw JSON ``text``."""
    document = copy.deepcopy(BASE)
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = PLACEHOLDER
    return json.dumps(document).replace(json.dumps(PLACEHOLDER), text)


def with_value(path: tuple[str | int, ...], value: Any) -> str:
    """``BASE`` as JSON text with ``value`` at ``path``."""
    return raw(path, json.dumps(value))


@functools.cache
def schema_validator() -> Draft202012Validator:
    """A validator for ``json_schema()`` that also checks the "date" format."""
    return Draft202012Validator(careerkit.json_schema(), format_checker=FormatChecker())


def paths(error: ValidationError) -> list[str]:
    """The paths of every problem an error reports."""
    return [problem.path for problem in error.problems]


def rejected(make: Callable[[], object]) -> ValidationError:
    """Call ``make`` and return the ``ValidationError`` it must raise."""
    with pytest.raises(ValidationError) as caught:
        make()
    return caught.value


# -- round trips --------------------------------------------------------------


@settings(deterministic, max_examples=100)
@given(plan=plans())
def test_from_dict_inverts_to_dict(plan: Plan) -> None:
    """Every valid plan survives ``to_dict`` then ``from_dict``; the document is not changed."""
    document = careerkit.to_dict(plan)
    kept = copy.deepcopy(document)

    assert plan == careerkit.from_dict(document)
    assert kept == document


@settings(deterministic, max_examples=100)
@given(plan=plans())
def test_loads_inverts_dumps(plan: Plan) -> None:
    """Every valid plan survives ``dumps`` then ``loads``, indented or compact, text or bytes."""
    indented = careerkit.dumps(plan)
    compact = careerkit.dumps(plan, indent=None)

    assert plan == careerkit.loads(indented)
    assert plan == careerkit.loads(compact)
    assert plan == careerkit.loads(compact.encode("utf-8"))
    assert "\n" not in compact
    assert json.loads(indented) == json.loads(compact)


# -- the form of documents ----------------------------------------------------

RECORD_FIELDS: Mapping[str, type] = {
    "profile": Profile,
    "calendar": Calendar,
    "goals": Goal,
    "tasks": Task,
    "check_ins": CheckIn,
    "metric": Metric,
    "measurements": Measurement,
    "depends_on": Dependency,  # typed task dependencies; plain ids are strings
}


def json_form(value: Any) -> Any:
    """How a default value would be written in a document."""
    if isinstance(value, tuple):
        return [json_form(item) for item in value]
    if isinstance(value, Mapping):
        return {key: json_form(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def check_record(cls: type, record: Any, path: str) -> None:
    """Check a written record: known keys in field order, defaults left out, JSON types only."""
    assert type(record) is dict, path
    names = [attribute.name for attribute in attrs.fields(cls) if attribute.init]
    assert [name for name in names if name in record] == list(record), path
    for attribute in attrs.fields(cls):
        if not attribute.init:
            continue
        if attribute.name not in record:
            assert attribute.default is not attrs.NOTHING, f"{path}.{attribute.name}"
            continue
        value = record[attribute.name]
        default = attribute.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()  # type: ignore[attr-defined]
        if attrs.has(type(default)):
            assert value != {}, f"{path}.{attribute.name} is written at its default"
        elif default is not attrs.NOTHING:
            assert json_form(default) != value, f"{path}.{attribute.name} is written at its default"
        nested = RECORD_FIELDS.get(attribute.name)
        if nested is not None and isinstance(value, list):
            for index, item in enumerate(value):
                item_path = f"{path}.{attribute.name}[{index}]"
                if isinstance(item, dict):
                    check_record(nested, item, item_path)
                else:
                    assert_json_value(item, item_path)
        elif nested is not None and value is not None:
            check_record(nested, value, f"{path}.{attribute.name}")
        else:
            assert_json_value(value, f"{path}.{attribute.name}")


def assert_json_value(value: Any, path: str) -> None:
    """Only dicts with string keys, lists, strings, numbers, booleans and None."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) is str, path
            assert_json_value(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            assert_json_value(item, f"{path}[{index}]")
    else:
        assert type(value) in (str, int, float, bool, type(None)), (path, value)


@settings(deterministic, max_examples=100)
@given(plan=plans())
def test_to_dict_writes_plain_json_without_defaults(plan: Plan) -> None:
    """``schema_version`` comes first; fields follow in model order; defaults are left out."""
    document = careerkit.to_dict(plan)

    expected_first = ("schema_version", SCHEMA_VERSION)
    assert expected_first == next(iter(document.items()))
    body = {key: value for key, value in document.items() if key != "schema_version"}
    check_record(Plan, body, "")


@settings(deterministic, max_examples=100)
@given(plan=plans())
def test_documents_match_the_json_schema(plan: Plan) -> None:
    """Every written document validates against ``json_schema()``, formats included."""
    document = json.loads(careerkit.dumps(plan))

    errors = [error.message for error in schema_validator().iter_errors(document)]

    assert not errors, errors


def test_minimal_plan_has_exactly_four_keys() -> None:
    """A plan with only its required fields is written as four keys, version first."""
    plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5))
    expected = MINIMAL

    assert expected == careerkit.to_dict(plan)
    assert list(expected) == list(careerkit.to_dict(plan))


def test_explicit_defaults_are_left_out() -> None:
    """Values equal to the defaults are left out even when given explicitly."""
    plan = Plan(
        id="p",
        owner="Ana",
        vision="",
        start=date(2026, 1, 5),
        profile=Profile(),
        goals=[
            Goal(
                id="g",
                title="Do g",
                description="",
                horizon=Horizon.MEDIUM,
                category=Category.OTHER,
                weight=1.0,
                status=GoalStatus.ACTIVE,
            )
        ],
        tasks=[Task(id="t", goal="g", title="Step", duration=1, effort=0, hours_spent=0.0)],
        check_ins=[CheckIn(on=date(2026, 2, 1), satisfaction=3, source=Source.SELF)],
        calendar=Calendar(working_days=list(Weekday)[:5], hours_per_day=8),
        weekly_capacity=10,
        budget=None,
        review_cadence="FREQ=WEEKLY;INTERVAL=4",
        metadata={},
    )
    expected = {
        **MINIMAL,
        "goals": [{"id": "g", "title": "Do g"}],
        "tasks": [{"id": "t", "goal": "g", "title": "Step"}],
        "check_ins": [{"on": "2026-02-01", "satisfaction": 3}],
    }

    assert expected == careerkit.to_dict(plan)


def test_dates_and_enums_are_written_as_strings() -> None:
    """Dates are ISO 8601 strings and enums their lowercase names."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 1, 5),
        goals=[
            Goal(
                id="job",
                title="Land the job",
                horizon=Horizon.LONG,
                category=Category.JOB_SEARCH,
                status=GoalStatus.ON_HOLD,
                deadline=date(2027, 3, 31),
                metric=Metric(name="days", baseline=9, target=2, direction=Direction.DECREASE),
            )
        ],
        tasks=[
            Task(
                id="cv",
                goal="job",
                title="Rewrite the CV",
                status=Status.IN_PROGRESS,
                started_on=date(2026, 1, 6),
            )
        ],
        check_ins=[CheckIn(on=date(2026, 2, 1), satisfaction=5, source=Source.MENTOR)],
        calendar=Calendar(
            working_days=(Weekday.MONDAY, Weekday.SATURDAY), holidays=(date(2026, 12, 25),)
        ),
    )

    document = careerkit.to_dict(plan)

    expected_goal = {
        "id": "job",
        "title": "Land the job",
        "horizon": "long",
        "category": "job_search",
        "deadline": "2027-03-31",
        "metric": {"name": "days", "baseline": 9, "target": 2, "direction": "decrease"},
        "status": "on_hold",
    }
    expected_task = {
        "id": "cv",
        "goal": "job",
        "title": "Rewrite the CV",
        "status": "in_progress",
        "started_on": "2026-01-06",
    }
    expected_check_in = {"on": "2026-02-01", "satisfaction": 5, "source": "mentor"}
    expected_calendar = {"working_days": ["monday", "saturday"], "holidays": ["2026-12-25"]}
    assert [expected_goal] == document["goals"]
    assert [expected_task] == document["tasks"]
    assert [expected_check_in] == document["check_ins"]
    assert expected_calendar == document["calendar"]


def test_to_dict_refuses_what_is_not_a_plan() -> None:
    """``to_dict`` and ``dumps`` take a plan and nothing else; the error names the argument."""
    not_a_plan = rejected(lambda: careerkit.to_dict(MINIMAL))  # type: ignore[arg-type]
    not_a_plan_either = rejected(lambda: careerkit.dumps(42))  # type: ignore[arg-type]

    expected = ["plan"]
    assert expected == paths(not_a_plan)
    assert expected == paths(not_a_plan_either)


_WRITTEN = Plan(id="p", owner="Ana", start=date(2026, 1, 5))


@pytest.mark.parametrize(
    ("function", "arguments", "path"),
    [
        *wrong_calls(careerkit.to_dict, {}, plan="plan"),
        *wrong_calls(careerkit.dumps, {"plan": _WRITTEN}, plan="plan", indent="size"),
    ],
)
def test_writing_refuses_wrong_arguments(
    function: Callable[..., object], arguments: dict[str, Any], path: str
) -> None:
    """``to_dict`` and ``dumps`` name the wrong argument: a plan's document, a text indent."""
    assert [path] == refused_path(function, arguments)


def test_dumps_takes_an_indent_of_zero_or_none() -> None:
    """``indent=0`` (new lines, no spaces) and ``indent=None`` stay valid."""
    plan = careerkit.loads(careerkit.dumps(_WRITTEN, indent=0))
    assert careerkit.dumps(plan, indent=None) == careerkit.dumps(_WRITTEN, indent=None)


# -- the JSON Schema ----------------------------------------------------------


def test_json_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema itself is valid under the 2020-12 meta-schema and is plain JSON."""
    schema = careerkit.json_schema()
    expected_dialect = "https://json-schema.org/draft/2020-12/schema"
    newest = SCHEMA_VERSION

    Draft202012Validator.check_schema(schema)
    assert expected_dialect == schema["$schema"]
    assert newest == schema["properties"]["schema_version"]["maximum"]
    assert schema == json.loads(json.dumps(schema))


def test_json_schema_is_a_fresh_value() -> None:
    """Changing the returned schema does not change the next one."""
    schema = careerkit.json_schema()
    schema["properties"].clear()

    assert careerkit.json_schema()["properties"]


BAD_FOR_SCHEMA = {
    "wrong type": {**BASE, "owner": 42},
    "unknown field": {**BASE, "colour": "blue"},
    "unknown nested field": {**BASE, "calendar": {"hours_per_day": 8, "timezone": "UTC"}},
    "negative duration": {
        **BASE,
        "tasks": [{"id": "study", "goal": "cert", "title": "Study", "duration": -1}],
    },
    "missing required field": {key: value for key, value in BASE.items() if key != "owner"},
    "bad date format": {**BASE, "start": "05/01/2026"},
    "impossible date": {**BASE, "start": "2026-02-30"},
    "unknown enum value": {
        **BASE,
        "tasks": [{"id": "study", "goal": "cert", "title": "Study", "status": "finished"}],
    },
    "newer schema version": {**BASE, "schema_version": SCHEMA_VERSION + 1},
    "blank title": {**BASE, "goals": [{"id": "cert", "title": "   "}], "tasks": []},
}


def test_base_document_is_valid() -> None:
    """The document the bad ones are made from is itself valid, for both checkers."""
    schema_validator().validate(BASE)
    careerkit.from_dict(BASE)


@pytest.mark.parametrize("document", BAD_FOR_SCHEMA.values(), ids=list(BAD_FOR_SCHEMA))
def test_json_schema_rejects_bad_documents(document: dict[str, Any]) -> None:
    """Documents the library refuses for their shape are refused by the schema too."""
    with pytest.raises(SchemaError):
        schema_validator().validate(document)
    with pytest.raises(ValidationError):
        careerkit.from_dict(document)


def _task(**fields: Any) -> dict[str, Any]:
    """``BASE`` with its one task given extra fields."""
    return {**BASE, "tasks": [{**BASE["tasks"][0], **fields}]}


ONE_FIELD_OUT_OF_RANGE = {
    "duration above the longest task": (_task(duration=100_001), "tasks[0].duration"),
    "number above 1e15": ({**BASE, "weekly_capacity": 1e16}, "weekly_capacity"),
    "number below -1e15": (
        {
            **BASE,
            "goals": [
                {**BASE["goals"][0], "metric": {"name": "score", "baseline": -1e16, "target": 80}}
            ],
        },
        "goals[0].metric.baseline",
    ),
    "no working day": ({**BASE, "calendar": {"working_days": []}}, "calendar.working_days"),
    "a working day twice": (
        {**BASE, "calendar": {"working_days": ["monday", "monday"]}},
        "calendar.working_days",
    ),
    "a holiday twice": (
        {**BASE, "calendar": {"holidays": ["2026-12-25", "2026-12-25"]}},
        "calendar.holidays[1]",
    ),
    "a dependency twice": (
        {
            **BASE,
            "tasks": [
                BASE["tasks"][0],
                {"id": "exam", "goal": "cert", "title": "Exam", "depends_on": ["study", "study"]},
            ],
        },
        "tasks[1].depends_on[1]",
    ),
    "a blank profile entry": ({**BASE, "profile": {"values": [" "]}}, "profile.values[0]"),
    "a metadata value above the text limit": (
        {**BASE, "metadata": {"note": "x" * 100_001}},
        "metadata.note",
    ),
}
"""Documents that break a rule on one field that JSON Schema can express, with the path."""


@pytest.mark.parametrize(
    ("document", "path"), ONE_FIELD_OUT_OF_RANGE.values(), ids=list(ONE_FIELD_OUT_OF_RANGE)
)
def test_json_schema_rejects_what_one_field_breaks(document: dict[str, Any], path: str) -> None:
    """What ``from_dict`` refuses for one field alone (ranges, sizes, repeats) the schema refuses."""
    error = rejected(lambda: careerkit.from_dict(document))

    assert path in paths(error)
    with pytest.raises(SchemaError):
        schema_validator().validate(document)


# -- schema versions and migrations -------------------------------------------


def test_missing_schema_version_is_refused() -> None:
    """A document without ``schema_version`` is refused at that path."""
    document = {key: value for key, value in MINIMAL.items() if key != "schema_version"}

    error = rejected(lambda: careerkit.from_dict(document))

    expected = ["schema_version"]
    assert expected == paths(error)


@pytest.mark.parametrize("version", ["1", 1.5, True, None, 0, -1, 0.0, [1]], ids=repr)
def test_invalid_schema_version_is_refused(version: object) -> None:
    """A ``schema_version`` that is not a positive integer is refused at that path
    (``1.0`` is the integer 1, as JSON Schema counts it)."""
    error = rejected(lambda: careerkit.from_dict({**MINIMAL, "schema_version": version}))

    expected = ["schema_version"]
    assert expected == paths(error)


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, SCHEMA_VERSION + 100, 10**40])
def test_newer_schema_version_is_refused(version: int) -> None:
    """A document from a newer schema raises ``SchemaVersionError`` (a ``ValidationError``)."""
    with pytest.raises(SchemaVersionError) as caught:
        careerkit.loads(json.dumps({**MINIMAL, "schema_version": version}))

    error = caught.value
    expected = (version, SCHEMA_VERSION, "schema_version")
    assert isinstance(error, ValidationError)
    assert expected == (error.found, error.supported, error.path)
    assert len(str(error)) < 300


def test_every_older_version_has_a_migration() -> None:
    """There is a migration from every older schema version to the next."""
    expected = set(range(1, SCHEMA_VERSION))

    assert expected == set(careerkit.io.documents._MIGRATIONS)


def test_migrations_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """A version-1 document passes through each migration step in order."""
    monkeypatch.setattr(careerkit.io.documents, "SCHEMA_VERSION", 3)
    steps: list[int] = []

    def one_to_two(body: dict[str, Any]) -> dict[str, Any]:
        """The fake step from version 1 to 2."""
        steps.append(1)
        return {**body, "trail": [*body.get("trail", []), "1->2"]}

    def two_to_three(body: dict[str, Any]) -> dict[str, Any]:
        """The fake step from version 2 to 3."""
        steps.append(2)
        return {**body, "trail": [*body["trail"], "2->3"]}

    migrations = {1: one_to_two, 2: two_to_three}
    document = {"schema_version": 1, "id": "p"}

    migrated = careerkit.io.documents._migrate(document, migrations)
    from_two = careerkit.io.documents._migrate(
        {"schema_version": 2, "id": "p", "trail": []}, migrations
    )
    from_three = careerkit.io.documents._migrate({"schema_version": 3, "id": "p"}, migrations)
    with pytest.raises(SchemaVersionError) as caught:
        careerkit.io.documents._migrate({"schema_version": 4, "id": "p"}, migrations)

    expected = (
        {"id": "p", "trail": ["1->2", "2->3"]},
        {"id": "p", "trail": ["2->3"]},
        {"id": "p"},
        [1, 2, 2],  # two steps for version 1, one for version 2, none for version 3
        {"schema_version": 1, "id": "p"},  # the input is not changed
        (4, 3),
    )
    assert expected == (
        migrated,
        from_two,
        from_three,
        steps,
        document,
        (caught.value.found, caught.value.supported),
    )


def test_from_dict_migrates_older_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """``from_dict`` applies the migrations: here a fake version 2 renamed ``person`` to ``owner``."""

    def rename_person(body: dict[str, Any]) -> dict[str, Any]:
        """The fake step from version 1 to 2."""
        renamed = {key: value for key, value in body.items() if key != "person"}
        return {**renamed, "owner": body["person"]}

    monkeypatch.setattr(careerkit.io.documents, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(careerkit.io.documents, "_MIGRATIONS", {1: rename_person})
    old = {"schema_version": 1, "id": "p", "person": "Ana", "start": "2026-01-05"}
    expected = Plan(id="p", owner="Ana", start=date(2026, 1, 5))

    written = {**MINIMAL, "schema_version": 2}

    assert expected == careerkit.from_dict(old)
    assert expected == careerkit.from_dict(written)
    assert written == careerkit.to_dict(expected)
    with pytest.raises(SchemaVersionError):
        careerkit.from_dict({**MINIMAL, "schema_version": 3})


# -- stored documents ---------------------------------------------------------

PINNED_V1 = Plan(
    id="lena-2025",
    owner="Lena Novak",
    vision="Head of product marketing within four years",
    start=date(2025, 2, 3),
    profile=Profile(
        strengths=("writing", "data analysis"),
        weaknesses=("negotiation",),
        interests=("brand strategy",),
        values=("autonomy", "learning"),
    ),
    goals=(
        Goal(
            id="pmm-cert",
            title="Earn a product marketing certification",
            description="Eight modules and a final exam",
            horizon=Horizon.SHORT,
            category=Category.LEARNING,
            deadline=date(2025, 9, 30),
            metric=Metric(name="modules passed", unit="modules", baseline=0, target=8),
            weight=2,
            relevant_to=("brand strategy", "learning"),
            measurements=(
                Measurement(on=date(2025, 3, 31), value=2, note="first two modules"),
                Measurement(on=date(2025, 5, 2), value=4.5),
            ),
        ),
        Goal(
            id="network",
            title="Answer recruiter messages within two days",
            horizon=Horizon.SHORT,
            category=Category.NETWORKING,
            start=date(2025, 3, 3),
            deadline=date(2025, 6, 30),
            metric=Metric(
                name="response time",
                unit="days",
                baseline=10,
                target=2,
                direction=Direction.DECREASE,
            ),
            status=GoalStatus.ACHIEVED,
            relevant_to=("negotiation",),
            achieved_on=date(2025, 6, 20),
            measurements=(Measurement(on=date(2025, 6, 20), value=1.5),),
        ),
        Goal(
            id="head-pmm",
            title="Become head of product marketing",
            horizon=Horizon.LONG,
            category=Category.JOB_SEARCH,
            depends_on=("pmm-cert", "network"),
            start=date(2026, 1, 5),
            deadline=date(2028, 12, 31),
            weight=3.5,
            relevant_to=("autonomy",),
        ),
        Goal(
            id="lead-launch",
            title="Lead a product launch end to end",
            category=Category.EXPERIENCE,
            parent="head-pmm",
            status=GoalStatus.ON_HOLD,
        ),
        Goal(
            id="freelance",
            title="Build a freelance positioning practice",
            horizon=Horizon.LONG,
            category=Category.PERSONAL_BRAND,
            status=GoalStatus.ABANDONED,
            backup_for="head-pmm",
            weight=0.5,
        ),
    ),
    tasks=(
        Task(
            id="enrol",
            goal="pmm-cert",
            title="Enrol in the course",
            duration=0,
            cost=450,
            status=Status.DONE,
            started_on=date(2025, 2, 3),
            done_on=date(2025, 2, 3),
            hours_spent=0.5,
        ),
        Task(
            id="study",
            goal="pmm-cert",
            title="Study the modules",
            duration=40,
            effort=60,
            depends_on=("enrol",),
            status=Status.IN_PROGRESS,
            started_on=date(2025, 2, 10),
            percent_complete=55,
            hours_spent=31.5,
            notes="Module 5 is the hardest",
        ),
        Task(
            id="exam",
            goal="pmm-cert",
            title="Sit the exam",
            effort=3,
            cost=150.25,
            depends_on=("study",),
            not_before=date(2025, 8, 1),
            due=date(2025, 9, 30),
        ),
        Task(
            id="meetups",
            goal="network",
            title="Attend the product marketing meetup",
            effort=2,
            recurrence="FREQ=MONTHLY;BYDAY=2TH",
            status=Status.DROPPED,
            started_on=date(2025, 3, 13),
            notes="Replaced by the online community",
        ),
        Task(
            id="pitch",
            goal="head-pmm",
            title="Pitch the launch plan to the VP",
            duration=5,
            effort=12.5,
            depends_on=("exam", "meetups"),
            percent_complete=0,
        ),
    ),
    check_ins=(
        CheckIn(
            on=date(2025, 3, 31),
            satisfaction=4,
            source=Source.MENTOR,
            notes="Good pace; book the exam early",
        ),
        CheckIn(on=date(2025, 6, 30), satisfaction=3),
    ),
    calendar=Calendar(
        working_days=(
            Weekday.MONDAY,
            Weekday.TUESDAY,
            Weekday.WEDNESDAY,
            Weekday.THURSDAY,
            Weekday.SATURDAY,
        ),
        holidays=(date(2025, 4, 21), date(2025, 12, 25)),
        hours_per_day=7.5,
    ),
    weekly_capacity=8,
    budget=1200,
    review_cadence="FREQ=MONTHLY;BYMONTHDAY=-1",
    metadata={"coach": "Sam Reyes", "source": "hand-written schema version 1 document"},
)
"""What ``tests/data/plan-v1.json`` holds; that file must never change."""


def test_pinned_version_1_document_still_loads() -> None:
    """A document written with schema version 1 loads to the same plan, as text or bytes."""
    path = DATA / "plan-v1.json"
    expected = PINNED_V1

    assert expected == careerkit.loads(path.read_text(encoding="utf-8"))
    assert expected == careerkit.loads(path.read_bytes())


PINNED_V2 = attrs.evolve(
    PINNED_V1,
    id="lena-2025-v2",
    tasks=(
        *PINNED_V1.tasks[:2],
        attrs.evolve(PINNED_V1.tasks[2], optimistic=0, pessimistic=3),
        PINNED_V1.tasks[3],
        attrs.evolve(
            PINNED_V1.tasks[4],
            depends_on=(
                "exam",
                Dependency(task="meetups", link=Link.START_TO_START, lag=-2),
                Dependency(task="study", link=Link.FINISH_TO_FINISH, lag=5),
                Dependency(task="study", lag=10),
            ),
            optimistic=3,
            pessimistic=8,
        ),
    ),
    metadata={"coach": "Sam Reyes", "source": "hand-written schema version 2 document"},
)
"""What ``tests/data/plan-v2.json`` holds: typed dependencies and three-point estimates."""


def test_pinned_version_2_document_still_loads() -> None:
    """A document written with schema version 2 loads to the same plan, as text or bytes."""
    path = DATA / "plan-v2.json"
    expected = PINNED_V2

    assert expected == careerkit.loads(path.read_text(encoding="utf-8"))
    assert expected == careerkit.loads(path.read_bytes())


PINNED_V3 = attrs.evolve(
    PINNED_V2,
    id="lena-2025-v3",
    tasks=(
        *PINNED_V2.tasks[:3],
        attrs.evolve(PINNED_V2.tasks[3], done_occurrences=(date(2025, 3, 13), date(2025, 4, 10))),
        PINNED_V2.tasks[4],
    ),
    metadata={"coach": "Sam Reyes", "source": "hand-written schema version 3 document"},
)
"""What ``tests/data/plan-v3.json`` holds: the done occurrences of a habit."""


def test_pinned_version_3_document_still_loads() -> None:
    """A document written with schema version 3 loads to the same plan, as text or bytes."""
    path = DATA / "plan-v3.json"

    assert PINNED_V3 == careerkit.loads(path.read_text(encoding="utf-8"))
    assert PINNED_V3 == careerkit.loads(path.read_bytes())


@pytest.mark.parametrize("name", ["plan-v1.json", "plan-v2.json", "plan-v3.json", "plan-v4.json"])
def test_pinned_documents_match_the_json_schema(name: str) -> None:
    """Documents of every schema version still match the current JSON Schema."""
    schema_validator().validate(json.loads((DATA / name).read_text(encoding="utf-8")))


def test_there_is_a_pinned_document_for_every_schema_version() -> None:
    """``tests/data`` keeps one document per schema version, each declaring its version."""
    expected = {f"plan-v{version}.json": version for version in range(1, SCHEMA_VERSION + 1)}

    found = {
        path.name: json.loads(path.read_text(encoding="utf-8"))["schema_version"]
        for path in DATA.glob("plan-v*.json")
    }

    assert expected == found


@pytest.mark.skipif(not EXAMPLE.exists(), reason="no example plan")
def test_example_plan_round_trips_and_matches_the_schema() -> None:
    """The example plan loads, matches the schema and survives a round trip."""
    text = EXAMPLE.read_text(encoding="utf-8")
    plan = careerkit.loads(text)

    schema_validator().validate(json.loads(text))
    assert plan == careerkit.loads(careerkit.dumps(plan))
    assert json.loads(text) == careerkit.to_dict(plan)


# -- hostile input ------------------------------------------------------------

HOSTILE_TEXTS: dict[str, tuple[str | bytes, str | None]] = {
    # name: (text, path the error must name, or None for the document as a whole)
    "nested 100,000 arrays": ("[" * 100_000, None),
    "nested 100,000 objects": ('{"a": ' * 100_000, None),
    "nested 100,000 arrays, closed": ("[" * 100_000 + "]" * 100_000, None),
    "deep nesting inside a field": (raw(("metadata",), "[" * 50_000 + "]" * 50_000), None),
    "1e400": (raw(("weekly_capacity",), "1e400"), "weekly_capacity"),
    "-1e400": (raw(("tasks", 0, "effort"), "-1e400"), "tasks[0].effort"),
    "1e400 for an integer": (raw(("tasks", 0, "duration"), "1e400"), "tasks[0].duration"),
    "NaN": (raw(("weekly_capacity",), "NaN"), None),
    "Infinity": (raw(("goals", 0, "metric", "target"), "Infinity"), None),
    "-Infinity": (raw(("calendar", "hours_per_day"), "-Infinity"), None),
    "10,000-digit integer": (raw(("weekly_capacity",), "9" * 10_000), None),
    "400-digit integer for a number": (raw(("weekly_capacity",), "9" * 400), "weekly_capacity"),
    "400-digit integer for an integer": (
        raw(("tasks", 0, "duration"), "9" * 400),
        "tasks[0].duration",
    ),
    "-400-digit satisfaction": (
        raw(("check_ins", 0, "satisfaction"), "-" + "9" * 400),
        "check_ins[0].satisfaction",
    ),
    "string for a list": (with_value(("goals",), "cert"), "goals"),
    "string for a list of ids": (
        with_value(("tasks", 0, "depends_on"), "enrol"),
        "tasks[0].depends_on",
    ),
    "list for a string": (with_value(("owner",), ["Ana"]), "owner"),
    "list for a date": (with_value(("start",), [2026, 1, 5]), "start"),
    "object for a string": (with_value(("goals", 0, "title"), {"en": "x"}), "goals[0].title"),
    "object for a number": (with_value(("weekly_capacity",), {}), "weekly_capacity"),
    "string for an object": (with_value(("profile",), "ambitious"), "profile"),
    "list for an object": (with_value(("calendar",), []), "calendar"),
    "null for an object": (with_value(("profile",), None), "profile"),
    "string for a nested object": (with_value(("goals", 0, "metric"), "score"), "goals[0].metric"),
    "string for a list item": (with_value(("check_ins", 0), "happy"), "check_ins[0]"),
    "null for a list item": (with_value(("goals", 0), None), "goals[0]"),
    "null for a required string": (with_value(("owner",), None), "owner"),
    "number for a metadata value": (with_value(("metadata",), {"coach": 1}), "metadata.coach"),
    "duplicate keys": (json.dumps(BASE)[:-1] + ', "owner": "Eve"}', None),
    "duplicate nested keys": (
        raw(("calendar",), '{"hours_per_day": 8, "hours_per_day": 9}'),
        None,
    ),
    "invalid UTF-8": (json.dumps(BASE).encode("utf-8").replace(b"Ana", b"An\xff"), None),
    "truncated UTF-8": (json.dumps(BASE).encode("utf-8")[:-2] + b"\xe2\x82", None),
    "not JSON": ("owner: Ana", None),
    "single quotes": (json.dumps(BASE).replace('"', "'"), None),
    "trailing comma": (json.dumps(BASE)[:-1] + ",}", None),
    "trailing garbage": (json.dumps(BASE) + " x", None),
    "empty text": ("", None),
    "whitespace only": ("  \n\t ", None),
    "empty bytes": (b"", None),
    "array": ("[]", None),
    "array of the document": ("[" + json.dumps(BASE) + "]", None),
    "number": ("42", None),
    "string": ('"plan"', None),
    "null": ("null", None),
    "true": ("true", None),
}


@pytest.mark.parametrize(("text", "path"), list(HOSTILE_TEXTS.values()), ids=list(HOSTILE_TEXTS))
def test_hostile_text_raises_validation_error(text: str | bytes, path: str | None) -> None:
    """Hostile or malformed text raises ``ValidationError`` naming the path, never a crash."""
    error = rejected(lambda: careerkit.loads(text))

    if path is not None:
        assert path in paths(error)
        assert f"{path}: " in str(error)


@pytest.mark.parametrize(
    "value", [42, None, 4.5, ["{}"], dict(MINIMAL), memoryview(b"{}")], ids=repr
)
def test_loads_refuses_what_is_not_text(value: object) -> None:
    """Anything but ``str`` or ``bytes`` is refused with a ``ValidationError``."""
    error = rejected(lambda: careerkit.loads(value))  # type: ignore[arg-type]

    expected = [""]
    assert expected == paths(error)


@pytest.mark.parametrize(
    "value",
    [42, None, "{}", b"{}", [MINIMAL], ("schema_version", 1)],
    ids=repr,
)
def test_from_dict_refuses_what_is_not_an_object(value: object) -> None:
    """``from_dict`` refuses anything but a dict of a document."""
    error = rejected(lambda: careerkit.from_dict(value))  # type: ignore[arg-type]

    expected = [""]
    assert expected == paths(error)


def test_hostile_errors_keep_their_message_short() -> None:
    """An error about a huge value does not repeat the value."""
    error = rejected(lambda: careerkit.loads(with_value(("owner",), ["x" * 1_000_000])))

    assert len(str(error)) < 1_000


class _NoParsing:
    """Stands in for the ``json`` module to show that nothing is parsed."""

    def loads(self, *args: object, **kwargs: object) -> object:
        """Fail: parsing is what must not happen."""
        raise AssertionError("the document was parsed")


def test_size_limit_is_checked_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 100 MB text above ``max_size`` is refused without being parsed, as text or bytes."""
    huge = json.dumps(MINIMAL) + " " * 100_000_000
    monkeypatch.setattr(careerkit.io.documents, "json", _NoParsing())

    text_error = rejected(lambda: careerkit.loads(huge, max_size=1_000))
    bytes_error = rejected(lambda: careerkit.loads(huge[:2_000].encode(), max_size=1_000))

    expected = [""]
    assert expected == paths(text_error)
    assert "max_size" in str(text_error)
    assert str(len(huge)) in str(text_error)
    assert "max_size" in str(bytes_error)


def test_size_limit_counts_bytes_of_utf8_for_text_and_bytes_alike() -> None:
    """A document of exactly ``max_size`` bytes of UTF-8 loads, as text or as bytes;
    one more byte is refused either way, and text is measured by its encoding."""
    text = json.dumps({**MINIMAL, "owner": "Zoë"}, ensure_ascii=False)
    encoded = text.encode("utf-8")

    expected = careerkit.from_dict({**MINIMAL, "owner": "Zoë"})

    assert len(text) < len(encoded)
    assert expected == careerkit.loads(text, max_size=len(encoded))
    assert expected == careerkit.loads(encoded, max_size=len(encoded))
    text_error = rejected(lambda: careerkit.loads(text, max_size=len(text)))
    bytes_error = rejected(lambda: careerkit.loads(encoded, max_size=len(text)))
    assert f"{len(encoded)} bytes" in str(text_error)
    assert str(text_error) == str(bytes_error)
    rejected(lambda: careerkit.loads(text + " ", max_size=len(encoded)))


def test_size_limit_on_text_of_many_byte_characters() -> None:
    """Text of four-byte characters counts four bytes each: 1,000 of them are above
    a limit of 3,999 bytes, though they are only 1,000 characters."""
    text = json.dumps({**MINIMAL, "vision": "\U0001f680" * 1_000}, ensure_ascii=False)

    error = rejected(lambda: careerkit.loads(text, max_size=3_999))

    assert "above the limit of 3999" in str(error)
    assert careerkit.loads(text).vision == "\U0001f680" * 1_000


def test_default_size_limit() -> None:
    """``loads`` refuses text above ``DEFAULT_MAX_SIZE`` (32 MiB) unless told otherwise."""
    padded = json.dumps(MINIMAL) + " " * DEFAULT_MAX_SIZE

    error = rejected(lambda: careerkit.loads(padded))

    limit = DEFAULT_MAX_SIZE
    assert limit == 32 * 1024 * 1024
    assert limit == inspect.signature(careerkit.loads).parameters["max_size"].default
    assert "max_size" in str(error)
    assert careerkit.from_dict(MINIMAL) == careerkit.loads(padded, max_size=len(padded))


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("goals", ({"id": "g", "title": "G"},), "goals"),
        ("tasks", (), "tasks"),
        ("profile", {"strengths": ("writing",)}, "profile.strengths"),
    ],
)
def test_tuples_are_named_as_such(field: str, value: object, path: str) -> None:
    """A tuple where a document has a list is refused, and called a tuple, not a list."""
    with pytest.raises(ValidationError) as info:
        careerkit.from_dict({**MINIMAL, field: value})

    assert (path, "expected a list, got a tuple") == (info.value.path, info.value.problem)


# -- every problem in one reading -------------------------------------------

NINE_FAULTS: dict[str, Any] = {
    "schema_version": 2,
    "id": "bad id",
    "owner": " ",
    "start": "2026-03-01",
    "goals": [
        {"id": "g", "title": " "},
        {"id": "h", "title": "Do h", "weight": -1, "deadline": "2026-02-01"},
    ],
    "tasks": [
        {"id": "a", "goal": "nope", "title": "A", "duration": -2},
        {"id": "b", "goal": "g", "title": "B", "status": "bogus", "depends_on": ["zz"]},
    ],
}


def test_every_problem_of_a_document_in_one_reading() -> None:
    """Nine faults, nine problems: the fields of goals and tasks, the plan's own fields,
    and the references and dates of the parts that could be read, each by its whole path."""
    error = rejected(lambda: careerkit.from_dict(NINE_FAULTS))

    assert {
        "goals[0].title",
        "goals[1].weight",
        "goals[1].deadline",
        "tasks[0].duration",
        "tasks[0].goal",
        "tasks[1].status",
        "tasks[1].depends_on[0]",
        "id",
        "owner",
    } == set(paths(error))
    assert 9 == len(error.problems)
    assert "goals[1].deadline: 2026-02-01 is before the plan starts" in str(error)
    assert "tasks[1].depends_on[0]: unknown task 'zz'" in str(error)


def test_references_to_unreadable_items_are_not_reported_as_unknown() -> None:
    """A task of a goal that could not be read (but whose id could) is not told its goal is
    unknown; a fault inside a nested value still lets the item's references be checked."""
    document = valid_document()
    document["goals"][0]["metric"] = {"name": "n", "baseline": "x", "target": 1}
    document["tasks"][0]["depends_on"] = ["nowhere"]

    error = rejected(lambda: careerkit.from_dict(document))

    assert ["goals[0].metric.baseline", "tasks[0].depends_on[0]"] == paths(error)


def test_plan_fields_and_whole_plan_rules_at_once_in_python() -> None:
    """``Plan(...)`` with a bad owner and a goal whose deadline is before the plan's start
    reports both, the second with its whole path."""
    with pytest.raises(careerkit.ValidationError) as caught:
        careerkit.Plan(
            id="p",
            owner=" ",
            start=date(2026, 3, 1),
            goals=[careerkit.Goal(id="g", title="Do g", deadline=date(2026, 2, 1))],
            check_ins=["not a check-in"],  # type: ignore[list-item]
        )

    assert ["owner", "check_ins[0]", "goals[0].deadline"] == paths(caught.value)


def test_a_goal_reports_its_fields_and_its_dates_at_once() -> None:
    """A goal's rules across fields run on its sound fields though another is wrong."""
    with pytest.raises(careerkit.ValidationError) as caught:
        careerkit.Goal(
            id="g", title="Do g", weight=-1, start=date(2026, 3, 1), deadline=date(2026, 2, 1)
        )

    assert ["weight", "deadline"] == paths(caught.value)


def test_getting_started_example_shows_every_problem() -> None:
    """The getting-started page's example of bad input prints what the page says."""
    lines = (ROOT / "docs" / "getting-started.rst").read_text(encoding="utf-8").splitlines()
    start = lines.index("Bad input is refused")
    code_begin = lines.index(".. code-block:: python", start) + 2
    text_begin = lines.index(".. code-block:: text", start) + 2

    def block(begin: int) -> list[str]:
        found = []
        for line in lines[begin:]:
            if line and not line.startswith("   "):
                break
            found.append(line[3:])
        return found

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec("\n".join(block(code_begin)), {})

    assert [line for line in block(text_begin) if line] == printed.getvalue().splitlines()


# -- the JSON Schema and loads agree, field by field, in Python and in JavaScript --

_TEXTS = [
    "a",
    "",
    " ",
    "\ufeff",
    "\x1c",
    "\x85",
    "\u3000",
    "\u200b",
    "ok\n",
    "\ud800",
    "a\udfff",
    "\U0001f680",
    "x" * 100_001,
    5,
    None,
]
_IDS = ["p", "p\n", "p q", "", "-p", "p" * 128, "p" * 129, "ab.c:d_e-f", "é", "\ud800", 5, None]
_DATES = [
    "2026-07-01",
    "8999-12-31",
    "9000-12-31",
    "9001-01-01",
    "9999-12-31",
    "0000-01-01",
    "2026-02-30",
    "2028-02-29",
    "\uff12\uff10\uff12\uff16-01-05",  # full-width digits
    "2026-1-5",
    "2026-07-01\n",
    "20260701",
    "2026-W27-1",
    1,
    None,
]
_INTEGERS = [5, 5.0, 0, 0.0, 5.5, -1, -1.0, 100_000, 100_000.0, 100_001, 1e300, True, "5", None]
_FIELD_MUTATIONS: list[tuple[tuple[str | int, ...], list[Any]]] = [
    (("owner",), _TEXTS),
    (("goals", 2, "title"), _TEXTS),
    (("goals", 0, "metric", "name"), _TEXTS),
    (("profile", "values", 0), _TEXTS),
    (("vision",), _TEXTS),
    (("tasks", 0, "notes"), _TEXTS),
    (("metadata", "coach"), _TEXTS),
    (("id",), _IDS),
    (("goals", 3, "deadline"), _DATES),
    (("tasks", 2, "due"), _DATES),
    (("calendar", "holidays", 0), _DATES),
    (("tasks", 1, "duration"), _INTEGERS),
    (("tasks", 2, "depends_on", 0, "lag"), [*_INTEGERS, -100_000, -100_001]),
    (("check_ins", 0, "satisfaction"), [1, 5, 3.0, 0, 6, 4.5, True, "3", None]),
    (("schema_version",), [1, 2, 2.0, 1.0, 3, 0, 1.5, True, "2", None]),
    (("weekly_capacity",), [6.5, 0, -1, 1e15, 1e16, True, "6", None]),
    (("budget",), [0, None, -1, 1.5, True]),
    (("tasks", 1, "percent_complete"), [30, 100, 100.5, -1, None, True]),
    (("calendar", "hours_per_day"), [24, 0, 24.5, "8"]),
    (("goals", 3, "horizon"), ["short", "SHORT", "bogus", None, 1]),
    (("tasks", 3, "status"), ["todo", "bogus", "DONE", None, 1]),
]
"""Each field with values its rule alone decides: a sound one breaks no rule across fields."""


def _set(document: dict[str, Any], keys: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target: Any = changed
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return changed


def _parity_base() -> dict[str, Any]:
    document = valid_document()
    document["tasks"][2]["depends_on"] = [{"task": "study", "lag": 2}]
    return document


def _mutated_documents() -> list[tuple[str, dict[str, Any]]]:
    base = _parity_base()
    return [
        (f"{'.'.join(map(str, keys))}={value!r:.30}", _set(base, keys, value))
        for keys, values in _FIELD_MUTATIONS
        for value in values
    ]


def _loads_accepts(document: dict[str, Any]) -> bool:
    try:
        careerkit.loads(json.dumps(document))
    except careerkit.ValidationError:
        return False
    return True


def test_loads_reads_an_integral_number_as_the_integer_it_is() -> None:
    """``5.0`` in an integer field (as JSON Schema counts it) is read as ``5``; 5.5 is not."""
    document = _set(_parity_base(), ("tasks", 1, "duration"), 5.0)
    document = _set(document, ("tasks", 2, "depends_on", 0, "lag"), -2.0)
    document = _set(document, ("check_ins", 0, "satisfaction"), 3.0)
    document["schema_version"] = 2.0

    plan = careerkit.loads(json.dumps(document))

    assert (5, int) == (plan.tasks[1].duration, type(plan.tasks[1].duration))
    assert -2 == plan.tasks[2].links[0].lag
    assert (3, int) == (plan.check_ins[0].satisfaction, type(plan.check_ins[0].satisfaction))
    assert plan == careerkit.loads(careerkit.dumps(plan))


def test_json_schema_and_loads_agree_field_by_field() -> None:
    """Each mutated field gets the same verdict from jsonschema (formats checked) and loads."""
    validator = schema_validator()
    assert _loads_accepts(_parity_base())

    disagreements = [
        (name, validator.is_valid(document), _loads_accepts(document))
        for name, document in _mutated_documents()
        if validator.is_valid(document) != _loads_accepts(document)
    ]

    assert [] == disagreements


_TEXT_ALPHABET = st.one_of(
    st.sampled_from([*BLANK_CHARACTERS, "\ud800", "\udc80", "\x00", "\u200b", "a", "\u180e"]),
    st.characters(),
)


@given(st.text(_TEXT_ALPHABET, max_size=6))
@settings(max_examples=300, deadline=None)
def test_json_schema_and_loads_agree_on_any_required_text(text: str) -> None:
    """Blank, surrogates, controls: a required text is judged alike by the schema and loads."""
    document = _set(_parity_base(), ("owner",), text)

    assert schema_validator().is_valid(document) == _loads_accepts(document)


@given(plans())
@settings(max_examples=25, deadline=None)
def test_generated_documents_are_valid_for_both(plan: Plan) -> None:
    """A document written by ``to_dict`` passes the schema and reads back."""
    document = careerkit.to_dict(plan)

    assert (True, True) == (schema_validator().is_valid(document), _loads_accepts(document))


def test_json_schema_patterns_mean_the_same_in_ecma262_and_python() -> None:
    """No pattern uses what ECMA-262 and Python read differently, and nothing sits beside an
    ``anyOf`` without a ``type`` (ajv's strict mode refuses both)."""
    found: list[str] = []

    def visit(node: Any, path: str) -> None:
        if isinstance(node, dict):
            pattern = node.get("pattern", "")
            for token in ("$", "\\s", "\\S", "\\d", "\\w", "\\b"):
                if token in pattern:
                    found.append(f"{path}: pattern uses {token}")
            if "anyOf" in node and "type" not in node:
                beside = set(node) - {"anyOf", "description", "title"}
                if beside:
                    found.append(f"{path}: {sorted(beside)} beside anyOf")
            for key, value in node.items():
                visit(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, f"{path}/{index}")

    visit(careerkit.json_schema(), "#")

    assert [] == found


_AJV_SCRIPT = r"""
const {default: Ajv2020} = require("ajv/dist/2020");
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const {schema, documents} = JSON.parse(input);
  const ajv = new Ajv2020({strict: true, allErrors: false});
  try {
    require("ajv-formats")(ajv, ["date"]);
  } catch (error) {
    ajv.addFormat("date", (text) => {
      const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
      if (!match) return false;
      const [year, month, day] = match.slice(1).map(Number);
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
      return month >= 1 && month <= 12 && day >= 1 && day <= days;
    });
  }
  const validate = ajv.compile(schema);
  process.stdout.write(JSON.stringify(documents.map((document) => validate(document))));
});
"""


def _ajv_verdicts(documents: list[dict[str, Any]]) -> list[bool]:
    """ajv's verdicts in strict mode, or a skip where node or ajv is missing.

    ajv is found as Node finds modules (``NODE_PATH``, for example
    ``npm install --prefix /tmp/ajv ajv ajv-formats`` then
    ``NODE_PATH=/tmp/ajv/node_modules``).
    """
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    found = subprocess.run(
        [node, "-e", 'require.resolve("ajv/dist/2020")'], capture_output=True, check=False
    )
    if found.returncode != 0:
        pytest.skip("ajv is not installed for node (set NODE_PATH)")
    request = json.dumps({"schema": careerkit.json_schema(), "documents": documents})
    result = subprocess.run(
        [node, "-e", _AJV_SCRIPT],
        input=request,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    verdicts: list[bool] = json.loads(result.stdout)
    return verdicts


def test_ajv_strict_and_loads_agree_field_by_field() -> None:
    """The schema compiles in ajv's strict mode, and ajv gives every mutated field (and
    random required texts) the verdict of loads."""
    named = _mutated_documents()
    rng = random.Random(0)
    alphabet = [*BLANK_CHARACTERS, "\ud800", "\x00", "\u200b", "a", "é", "\U0001f680", "\x7f"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
        named.append((f"owner={text!r}", _set(_parity_base(), ("owner",), text)))
    named.append(("base", _parity_base()))
    for path in (EXAMPLE, DATA / "plan-v1.json", DATA / "plan-v2.json"):
        named.append((path.name, json.loads(path.read_text(encoding="utf-8"))))
    verdicts = _ajv_verdicts([document for _, document in named])

    disagreements = [
        (name, verdict, _loads_accepts(document))
        for (name, document), verdict in zip(named, verdicts, strict=True)
        if verdict != _loads_accepts(document)
    ]

    assert [] == disagreements


def _problems_of(document: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        careerkit.from_dict(document)
    return [(problem.path, problem.problem) for problem in info.value.problems]


def test_a_misspelled_field_is_named_with_the_field_it_was_meant_to_be() -> None:
    """An unknown field close to a known one says which, at every level of a document."""
    document = {
        **BASE,
        "weekly_capacty": 8,
        "goals": [{**BASE["goals"][0], "deadine": "2026-06-30"}],
        "tasks": [{**BASE["tasks"][0], "depends": []}],
        "calendar": {"hours_per_dya": 7.5},
    }
    del document["weekly_capacity"]

    assert sorted(_problems_of(document)) == [
        ("calendar.hours_per_dya", "unknown field (did you mean 'hours_per_day'?)"),
        ("goals[0].deadine", "unknown field (did you mean 'deadline'?)"),
        ("tasks[0].depends", "unknown field (did you mean 'depends_on'?)"),
        ("weekly_capacty", "unknown field (did you mean 'weekly_capacity'?)"),
    ]


def test_an_unknown_field_like_no_other_is_only_unknown() -> None:
    """No suggestion for a name unlike every field, nor for a long one."""
    long_name = "deadline" * 10
    document = {**BASE, "goals": [{**BASE["goals"][0], "colour": "blue", long_name: 1}]}

    assert sorted(_problems_of(document)) == [
        ("goals[0].colour", "unknown field"),
        (f"goals[0].{long_name}", "unknown field"),
    ]


def test_suggestions_are_bounded_per_value() -> None:
    """A value with a crowd of unknown fields is not a few slips: only the first 20
    names, in sorted order, are matched against the known ones."""
    letters = "abcdefghijklmnopqrst"
    slips = {f"title{first}{second}": 0 for first in letters for second in letters[:10]}
    found = _problems_of({**BASE, "goals": [{**BASE["goals"][0], **slips}]})

    assert len(found) == 200
    assert [problem for _, problem in found].count("unknown field") == 180
    assert found[19] == ("goals[0].titlebj", "unknown field (did you mean 'title'?)")
    assert found[20] == ("goals[0].titleca", "unknown field")
