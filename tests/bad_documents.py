"""Invalid plan documents and the error each one must raise.

Every entry starts from :func:`valid_document`, a small plan that exercises
every kind of field, and changes one thing. ``path`` is the path of the field
the error must name; ``cycle`` is the expected ``CycleError.cycle``.
"""

from __future__ import annotations

import copy
from typing import Any

from attrs import frozen

import careerkit
from careerkit import CycleError, SchemaVersionError, ValidationError

__all__ = ["BAD_DOCUMENTS", "BadDocument", "valid_document"]

_VALID: dict[str, Any] = {
    "schema_version": 1,
    "id": "ana-2026",
    "owner": "Ana Ortiz",
    "vision": "Marketing director within five years",
    "start": "2026-01-05",
    "profile": {
        "strengths": ["storytelling"],
        "weaknesses": ["public speaking"],
        "interests": ["branding"],
        "values": ["growth"],
    },
    "goals": [
        {
            "id": "cert",
            "title": "Earn the Google Analytics certification",
            "horizon": "short",
            "category": "learning",
            "deadline": "2026-06-30",
            "metric": {"name": "practice score", "unit": "points", "baseline": 0, "target": 80},
            "measurements": [{"on": "2026-02-02", "value": 45}],
            "relevant_to": ["branding"],
        },
        {
            "id": "manager",
            "title": "Become marketing manager",
            "horizon": "medium",
            "parent": "director",
            "depends_on": ["cert"],
            "start": "2026-03-02",
            "deadline": "2027-12-31",
        },
        {"id": "director", "title": "Become marketing director", "horizon": "long"},
        {
            "id": "consult",
            "title": "Start a consulting practice",
            "backup_for": "director",
            "status": "on_hold",
        },
    ],
    "tasks": [
        {
            "id": "enrol",
            "goal": "cert",
            "title": "Enrol in the course",
            "status": "done",
            "started_on": "2026-01-05",
            "done_on": "2026-01-06",
            "hours_spent": 1.5,
        },
        {
            "id": "study",
            "goal": "cert",
            "title": "Study the modules",
            "duration": 20,
            "effort": 40,
            "cost": 120,
            "depends_on": ["enrol"],
            "status": "in_progress",
            "started_on": "2026-01-07",
            "percent_complete": 30,
        },
        {
            "id": "exam",
            "goal": "cert",
            "title": "Pass the exam",
            "duration": 0,
            "depends_on": ["study"],
            "not_before": "2026-03-02",
            "due": "2026-06-30",
        },
        {
            "id": "meetup",
            "goal": "manager",
            "title": "Attend the marketing meetup",
            "recurrence": "FREQ=MONTHLY;BYDAY=2TH",
        },
    ],
    "check_ins": [{"on": "2026-02-02", "satisfaction": 4, "source": "mentor"}],
    "calendar": {
        "working_days": ["monday", "tuesday", "wednesday", "thursday", "friday"],
        "holidays": ["2026-04-03"],
        "hours_per_day": 7.5,
    },
    "weekly_capacity": 6,
    "budget": 500,
    "review_cadence": "FREQ=MONTHLY;BYMONTHDAY=1",
    "metadata": {"coach": "Sam"},
}


def valid_document() -> dict[str, Any]:
    """A fresh copy of the valid base document."""
    return copy.deepcopy(_VALID)


def _parent(document: dict[str, Any], keys: tuple[Any, ...]) -> Any:
    target: Any = document
    for key in keys[:-1]:
        target = target[key]
    return target


def _replaced(*keys: Any, value: Any) -> dict[str, Any]:
    """The base document with the value at ``keys`` replaced (or added)."""
    document = valid_document()
    _parent(document, keys)[keys[-1]] = value
    return document


def _removed(*keys: Any) -> dict[str, Any]:
    """The base document without the entry at ``keys``."""
    document = valid_document()
    del _parent(document, keys)[keys[-1]]
    return document


def _merged(*keys: Any, **fields: Any) -> dict[str, Any]:
    """The base document with ``fields`` set in the object at ``keys``."""
    document = valid_document()
    target: Any = document
    for key in keys:
        target = target[key]
    target.update(fields)
    return document


@frozen
class BadDocument:
    """An invalid document, the error class it raises and the path it names."""

    name: str
    document: dict[str, Any]
    error: type[ValidationError]
    path: str
    cycle: tuple[str, ...] | None = None


_V = ValidationError

BAD_DOCUMENTS: tuple[BadDocument, ...] = (
    # -- required fields missing -------------------------------------------
    BadDocument("missing schema_version", _removed("schema_version"), _V, "schema_version"),
    BadDocument("missing plan id", _removed("id"), _V, "id"),
    BadDocument("missing owner", _removed("owner"), _V, "owner"),
    BadDocument("missing start", _removed("start"), _V, "start"),
    BadDocument("missing goal id", _removed("goals", 0, "id"), _V, "goals[0].id"),
    BadDocument("missing goal title", _removed("goals", 2, "title"), _V, "goals[2].title"),
    BadDocument("missing task id", _removed("tasks", 3, "id"), _V, "tasks[3].id"),
    BadDocument("missing task goal", _removed("tasks", 0, "goal"), _V, "tasks[0].goal"),
    BadDocument("missing task title", _removed("tasks", 1, "title"), _V, "tasks[1].title"),
    BadDocument(
        "missing metric name", _removed("goals", 0, "metric", "name"), _V, "goals[0].metric.name"
    ),
    BadDocument(
        "missing metric baseline",
        _removed("goals", 0, "metric", "baseline"),
        _V,
        "goals[0].metric.baseline",
    ),
    BadDocument(
        "missing metric target",
        _removed("goals", 0, "metric", "target"),
        _V,
        "goals[0].metric.target",
    ),
    BadDocument(
        "missing measurement date",
        _removed("goals", 0, "measurements", 0, "on"),
        _V,
        "goals[0].measurements[0].on",
    ),
    BadDocument(
        "missing measurement value",
        _removed("goals", 0, "measurements", 0, "value"),
        _V,
        "goals[0].measurements[0].value",
    ),
    BadDocument("missing check-in date", _removed("check_ins", 0, "on"), _V, "check_ins[0].on"),
    BadDocument(
        "missing check-in satisfaction",
        _removed("check_ins", 0, "satisfaction"),
        _V,
        "check_ins[0].satisfaction",
    ),
    # -- wrong types ---------------------------------------------------------
    BadDocument("owner is a number", _replaced("owner", value=7), _V, "owner"),
    BadDocument("goals is an object", _replaced("goals", value={}), _V, "goals"),
    BadDocument("task is a string", _replaced("tasks", 2, value="exam"), _V, "tasks[2]"),
    BadDocument(
        "depends_on is a string",
        _replaced("tasks", 1, "depends_on", value="enrol"),
        _V,
        "tasks[1].depends_on",
    ),
    BadDocument(
        "depends_on holds a number",
        _replaced("tasks", 1, "depends_on", value=[1]),
        _V,
        "tasks[1].depends_on[0]",
    ),
    BadDocument(
        "duration is fractional",
        _replaced("tasks", 1, "duration", value=2.5),
        _V,
        "tasks[1].duration",
    ),
    BadDocument(
        "effort is a boolean", _replaced("tasks", 1, "effort", value=True), _V, "tasks[1].effort"
    ),
    BadDocument(
        "effort is not finite",
        _replaced("tasks", 1, "effort", value=float("nan")),
        _V,
        "tasks[1].effort",
    ),
    BadDocument(
        "percent_complete is a string",
        _replaced("tasks", 1, "percent_complete", value="30%"),
        _V,
        "tasks[1].percent_complete",
    ),
    BadDocument(
        "weight is a string", _replaced("goals", 0, "weight", value="high"), _V, "goals[0].weight"
    ),
    BadDocument(
        "schema_version is a string", _replaced("schema_version", value="1"), _V, "schema_version"
    ),
    BadDocument("calendar is a list", _replaced("calendar", value=[]), _V, "calendar"),
    BadDocument("profile is a string", _replaced("profile", value="curious"), _V, "profile"),
    BadDocument(
        "metric is a list", _replaced("goals", 0, "metric", value=[80]), _V, "goals[0].metric"
    ),
    BadDocument("check-in is a number", _replaced("check_ins", 0, value=4), _V, "check_ins[0]"),
    BadDocument(
        "strengths is a string",
        _replaced("profile", "strengths", value="storytelling"),
        _V,
        "profile.strengths",
    ),
    # -- bad dates -----------------------------------------------------------
    BadDocument("start is 30 February", _replaced("start", value="2026-02-30"), _V, "start"),
    BadDocument("start is not zero-padded", _replaced("start", value="26-1-5"), _V, "start"),
    BadDocument(
        "start is a datetime", _replaced("start", value="2026-01-05T09:00:00"), _V, "start"
    ),
    BadDocument("start is a number", _replaced("start", value=20260105), _V, "start"),
    BadDocument(
        "due in month 13", _replaced("tasks", 2, "due", value="2026-13-01"), _V, "tasks[2].due"
    ),
    BadDocument(
        "holiday is not a date",
        _replaced("calendar", "holidays", 0, value="Easter"),
        _V,
        "calendar.holidays[0]",
    ),
    # -- unknown enum values -------------------------------------------------
    BadDocument(
        "unknown task status",
        _replaced("tasks", 0, "status", value="finished"),
        _V,
        "tasks[0].status",
    ),
    BadDocument(
        "unknown horizon", _replaced("goals", 0, "horizon", value="forever"), _V, "goals[0].horizon"
    ),
    BadDocument(
        "unknown category",
        _replaced("goals", 0, "category", value="hobby"),
        _V,
        "goals[0].category",
    ),
    BadDocument(
        "unknown goal status",
        _replaced("goals", 3, "status", value="paused"),
        _V,
        "goals[3].status",
    ),
    BadDocument(
        "unknown direction",
        _replaced("goals", 0, "metric", "direction", value="up"),
        _V,
        "goals[0].metric.direction",
    ),
    BadDocument(
        "unknown check-in source",
        _replaced("check_ins", 0, "source", value="friend"),
        _V,
        "check_ins[0].source",
    ),
    BadDocument(
        "unknown weekday",
        _replaced("calendar", "working_days", 4, value="funday"),
        _V,
        "calendar.working_days[4]",
    ),
    BadDocument(
        "enum written in capitals",
        _replaced("tasks", 0, "status", value="DONE"),
        _V,
        "tasks[0].status",
    ),
    # -- unknown fields ------------------------------------------------------
    BadDocument("unknown plan field", _replaced("colour", value="red"), _V, "colour"),
    BadDocument(
        "unknown task field", _replaced("tasks", 1, "priority", value=1), _V, "tasks[1].priority"
    ),
    BadDocument(
        "unknown metric field",
        _replaced("goals", 0, "metric", "goal", value=90),
        _V,
        "goals[0].metric.goal",
    ),
    BadDocument(
        "unknown profile field",
        _replaced("profile", "hobbies", value=["chess"]),
        _V,
        "profile.hobbies",
    ),
    BadDocument("private index as a field", _replaced("_goal_index", value={}), _V, "_goal_index"),
    # -- numbers out of range ------------------------------------------------
    BadDocument(
        "negative duration", _replaced("tasks", 1, "duration", value=-1), _V, "tasks[1].duration"
    ),
    BadDocument(
        "negative effort", _replaced("tasks", 1, "effort", value=-0.5), _V, "tasks[1].effort"
    ),
    BadDocument("negative cost", _replaced("tasks", 1, "cost", value=-10), _V, "tasks[1].cost"),
    BadDocument(
        "negative hours spent",
        _replaced("tasks", 0, "hours_spent", value=-1),
        _V,
        "tasks[0].hours_spent",
    ),
    BadDocument(
        "negative weight", _replaced("goals", 0, "weight", value=-1), _V, "goals[0].weight"
    ),
    BadDocument("negative budget", _replaced("budget", value=-1), _V, "budget"),
    BadDocument(
        "percent above 100",
        _replaced("tasks", 1, "percent_complete", value=100.5),
        _V,
        "tasks[1].percent_complete",
    ),
    BadDocument(
        "negative percent",
        _replaced("tasks", 1, "percent_complete", value=-1),
        _V,
        "tasks[1].percent_complete",
    ),
    BadDocument(
        "satisfaction 0",
        _replaced("check_ins", 0, "satisfaction", value=0),
        _V,
        "check_ins[0].satisfaction",
    ),
    BadDocument(
        "satisfaction 6",
        _replaced("check_ins", 0, "satisfaction", value=6),
        _V,
        "check_ins[0].satisfaction",
    ),
    BadDocument(
        "hours_per_day 0",
        _replaced("calendar", "hours_per_day", value=0),
        _V,
        "calendar.hours_per_day",
    ),
    BadDocument(
        "hours_per_day 25",
        _replaced("calendar", "hours_per_day", value=25),
        _V,
        "calendar.hours_per_day",
    ),
    BadDocument("weekly_capacity 0", _replaced("weekly_capacity", value=0), _V, "weekly_capacity"),
    BadDocument("schema_version 0", _replaced("schema_version", value=0), _V, "schema_version"),
    BadDocument(
        "schema_version from the future",
        _replaced("schema_version", value=careerkit.SCHEMA_VERSION + 1),
        SchemaVersionError,
        "schema_version",
    ),
    # -- ids and text --------------------------------------------------------
    BadDocument("plan id with a space", _replaced("id", value="ana 2026"), _V, "id"),
    BadDocument(
        "goal id starting with a dash",
        _replaced("goals", 2, "id", value="-director"),
        _V,
        "goals[2].id",
    ),
    BadDocument("blank owner", _replaced("owner", value="   "), _V, "owner"),
    BadDocument("empty task title", _replaced("tasks", 3, "title", value=""), _V, "tasks[3].title"),
    BadDocument(
        "blank profile entry",
        _replaced("profile", "values", value=["growth", " "]),
        _V,
        "profile.values[1]",
    ),
    # -- dangling references -------------------------------------------------
    BadDocument(
        "task of an unknown goal", _replaced("tasks", 3, "goal", value="cmo"), _V, "tasks[3].goal"
    ),
    BadDocument(
        "task after an unknown task",
        _replaced("tasks", 2, "depends_on", value=["study", "revise"]),
        _V,
        "tasks[2].depends_on[1]",
    ),
    BadDocument(
        "goal after an unknown goal",
        _replaced("goals", 1, "depends_on", value=["mba"]),
        _V,
        "goals[1].depends_on[0]",
    ),
    BadDocument(
        "unknown parent goal", _replaced("goals", 1, "parent", value="cmo"), _V, "goals[1].parent"
    ),
    BadDocument(
        "backup for an unknown goal",
        _replaced("goals", 3, "backup_for", value="cmo"),
        _V,
        "goals[3].backup_for",
    ),
    BadDocument(
        "relevant to something not in the profile",
        _replaced("goals", 0, "relevant_to", value=["branding", "golf"]),
        _V,
        "goals[0].relevant_to[1]",
    ),
    # -- duplicates ----------------------------------------------------------
    BadDocument("duplicate goal id", _replaced("goals", 3, "id", value="cert"), _V, "goals[3].id"),
    BadDocument("duplicate task id", _replaced("tasks", 3, "id", value="enrol"), _V, "tasks[3].id"),
    BadDocument(
        "duplicate dependency",
        _replaced("tasks", 2, "depends_on", value=["study", "study"]),
        _V,
        "tasks[2].depends_on[1]",
    ),
    BadDocument(
        "duplicate strength",
        _replaced("profile", "strengths", value=["storytelling", "storytelling"]),
        _V,
        "profile.strengths[1]",
    ),
    BadDocument(
        "duplicate holiday",
        _replaced("calendar", "holidays", value=["2026-04-03", "2026-04-03"]),
        _V,
        "calendar.holidays[1]",
    ),
    BadDocument(
        "weekday listed twice",
        _replaced("calendar", "working_days", value=["monday", "monday"]),
        _V,
        "calendar.working_days",
    ),
    BadDocument(
        "metadata with null", _replaced("metadata", "coach", value=None), _V, "metadata.coach"
    ),
    # -- self-references -----------------------------------------------------
    BadDocument(
        "task depends on itself",
        _replaced("tasks", 2, "depends_on", value=["study", "exam"]),
        _V,
        "tasks[2].depends_on[1]",
    ),
    BadDocument(
        "goal depends on itself",
        _replaced("goals", 1, "depends_on", value=["manager"]),
        _V,
        "goals[1].depends_on[0]",
    ),
    BadDocument(
        "goal is its own parent",
        _replaced("goals", 1, "parent", value="manager"),
        _V,
        "goals[1].parent",
    ),
    BadDocument(
        "goal is its own backup",
        _replaced("goals", 3, "backup_for", value="consult"),
        _V,
        "goals[3].backup_for",
    ),
    # -- cycles --------------------------------------------------------------
    BadDocument(
        "task cycle",
        _replaced("tasks", 0, "depends_on", value=["exam"]),
        CycleError,
        "tasks[0].depends_on",
        cycle=("enrol", "exam", "study"),
    ),
    BadDocument(
        "two-task cycle found from its smallest id",
        _replaced("tasks", 1, "depends_on", value=["enrol", "exam"]),
        CycleError,
        "tasks[2].depends_on",
        cycle=("exam", "study"),
    ),
    BadDocument(
        "goal dependency cycle",
        _replaced("goals", 0, "depends_on", value=["manager"]),
        CycleError,
        "goals[0].depends_on",
        cycle=("cert", "manager"),
    ),
    BadDocument(
        "parent cycle",
        _replaced("goals", 2, "parent", value="manager"),
        CycleError,
        "goals[2].parent",
        cycle=("director", "manager"),
    ),
    # -- status and dates disagree -------------------------------------------
    BadDocument("done without done_on", _removed("tasks", 0, "done_on"), _V, "tasks[0].done_on"),
    BadDocument(
        "todo with started_on",
        _replaced("tasks", 2, "started_on", value="2026-03-02"),
        _V,
        "tasks[2].started_on",
    ),
    BadDocument(
        "todo with done_on",
        _replaced("tasks", 2, "done_on", value="2026-03-02"),
        _V,
        "tasks[2].done_on",
    ),
    BadDocument(
        "todo with progress",
        _replaced("tasks", 2, "percent_complete", value=10),
        _V,
        "tasks[2].percent_complete",
    ),
    BadDocument(
        "in progress without started_on",
        _removed("tasks", 1, "started_on"),
        _V,
        "tasks[1].started_on",
    ),
    BadDocument(
        "in progress with done_on",
        _replaced("tasks", 1, "done_on", value="2026-02-02"),
        _V,
        "tasks[1].done_on",
    ),
    BadDocument(
        "done at 50 percent",
        _replaced("tasks", 0, "percent_complete", value=50),
        _V,
        "tasks[0].percent_complete",
    ),
    BadDocument(
        "done before started",
        _replaced("tasks", 0, "done_on", value="2026-01-02"),
        _V,
        "tasks[0].done_on",
    ),
    BadDocument(
        "due before not_before",
        _replaced("tasks", 2, "due", value="2026-02-27"),
        _V,
        "tasks[2].due",
    ),
    BadDocument(
        "achieved without achieved_on",
        _replaced("goals", 0, "status", value="achieved"),
        _V,
        "goals[0].achieved_on",
    ),
    BadDocument(
        "achieved_on while active",
        _replaced("goals", 0, "achieved_on", value="2026-05-04"),
        _V,
        "goals[0].achieved_on",
    ),
    BadDocument(
        "achieved before the goal starts",
        _merged("goals", 1, status="achieved", achieved_on="2026-02-27"),
        _V,
        "goals[1].achieved_on",
    ),
    BadDocument(
        "deadline before the goal starts",
        _replaced("goals", 1, "deadline", value="2026-02-27"),
        _V,
        "goals[1].deadline",
    ),
    BadDocument(
        "deadline before the plan starts",
        _replaced("goals", 0, "deadline", value="2025-12-31"),
        _V,
        "goals[0].deadline",
    ),
    BadDocument(
        "goal starts before the plan",
        _replaced("goals", 1, "start", value="2026-01-02"),
        _V,
        "goals[1].start",
    ),
    BadDocument(
        "measurement before the plan starts",
        _replaced("goals", 0, "measurements", 0, "on", value="2025-12-01"),
        _V,
        "goals[0].measurements[0].on",
    ),
    BadDocument(
        "check-in before the plan starts",
        _replaced("check_ins", 0, "on", value="2026-01-04"),
        _V,
        "check_ins[0].on",
    ),
    # -- metrics -------------------------------------------------------------
    BadDocument(
        "increasing target below the baseline",
        _replaced("goals", 0, "metric", "target", value=-5),
        _V,
        "goals[0].metric.target",
    ),
    BadDocument(
        "decreasing target above the baseline",
        _replaced("goals", 0, "metric", "direction", value="decrease"),
        _V,
        "goals[0].metric.target",
    ),
    BadDocument(
        "measurements without a metric",
        _removed("goals", 0, "metric"),
        _V,
        "goals[0].measurements",
    ),
    # -- calendar, cadence, metadata -------------------------------------------
    BadDocument(
        "no working days",
        _replaced("calendar", "working_days", value=[]),
        _V,
        "calendar.working_days",
    ),
    BadDocument(
        "unknown review cadence frequency",
        _replaced("review_cadence", value="FREQ=SOMETIMES"),
        _V,
        "review_cadence",
    ),
    BadDocument(
        "review cadence with DTSTART",
        _replaced("review_cadence", value="DTSTART:20260105\nRRULE:FREQ=WEEKLY"),
        _V,
        "review_cadence",
    ),
    BadDocument(
        "review cadence in month 13",
        _replaced("review_cadence", value="FREQ=YEARLY;BYMONTH=13"),
        _V,
        "review_cadence",
    ),
    BadDocument(
        "empty review cadence", _replaced("review_cadence", value=""), _V, "review_cadence"
    ),
    BadDocument(
        "recurrence on day 32",
        _replaced("tasks", 3, "recurrence", value="FREQ=MONTHLY;BYMONTHDAY=32"),
        _V,
        "tasks[3].recurrence",
    ),
    BadDocument(
        "metadata with a number", _replaced("metadata", "level", value=3), _V, "metadata.level"
    ),
    BadDocument(
        "metadata with a nested object",
        _replaced("metadata", "team", value={"size": "4"}),
        _V,
        "metadata.team",
    ),
    BadDocument("metadata is a list", _replaced("metadata", value=["coach"]), _V, "metadata"),
)
