"""Tests for careerkit.model: construction checks, whole-plan checks, lookups and edits."""

from __future__ import annotations

import copy
import functools
import pickle
from collections.abc import Callable
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError

import careerkit
from careerkit import (
    Calendar,
    Category,
    CheckIn,
    CycleError,
    Direction,
    Goal,
    GoalStatus,
    Horizon,
    Measurement,
    Metric,
    Plan,
    Profile,
    Source,
    Status,
    Task,
    UnknownReferenceError,
    ValidationError,
    Weekday,
)
from careerkit.model.rules import MAX_DURATION, MAX_MAGNITUDE, MAX_TEXT

from .bad_documents import BAD_DOCUMENTS, BadDocument, valid_document

START = date(2026, 1, 5)  # a Monday


def assert_rejected(
    make: Callable[[], object],
    path: str,
    problem: str = "",
    error: type[Exception] = ValidationError,
) -> Any:
    """Call ``make`` and check it raises exactly ``error`` at ``path``."""
    with pytest.raises(error) as caught:
        make()
    assert error is type(caught.value)
    assert path == caught.value.path
    assert problem in caught.value.problem
    return caught.value


def make_plan(**changes: Any) -> Plan:
    """A small valid plan: four goals (one per kind of link) and four tasks."""
    fields: dict[str, Any] = {
        "id": "ana-2026",
        "owner": "Ana Ortiz",
        "vision": "Marketing director within five years",
        "start": START,
        "profile": Profile(strengths=("storytelling",), interests=("branding",)),
        "goals": (
            Goal(
                id="cert",
                title="Earn the Google Analytics certification",
                horizon=Horizon.SHORT,
                deadline=date(2026, 6, 30),
                metric=Metric(name="practice score", unit="points", baseline=0, target=80),
                measurements=(Measurement(on=date(2026, 2, 2), value=45),),
                relevant_to=("branding",),
            ),
            Goal(
                id="manager",
                title="Become marketing manager",
                parent="director",
                depends_on=("cert",),
            ),
            Goal(id="director", title="Become marketing director", horizon=Horizon.LONG),
            Goal(id="consult", title="Start consulting", backup_for="director"),
        ),
        "tasks": (
            Task(
                id="enrol",
                goal="cert",
                title="Enrol",
                status=Status.DONE,
                started_on=date(2026, 1, 5),
                done_on=date(2026, 1, 6),
            ),
            Task(
                id="study",
                goal="cert",
                title="Study",
                duration=20,
                depends_on=("enrol",),
                status=Status.IN_PROGRESS,
                started_on=date(2026, 1, 7),
                percent_complete=30,
                hours_spent=4,
            ),
            Task(id="exam", goal="cert", title="Pass the exam", depends_on=("study",)),
            Task(id="meetup", goal="manager", title="Attend the meetup"),
        ),
        "check_ins": (CheckIn(on=date(2026, 2, 2), satisfaction=4),),
        "metadata": {"coach": "Sam"},
    }
    fields.update(changes)
    return Plan(**fields)


# -- field checks of each class ----------------------------------------------

_BASE: dict[type, dict[str, Any]] = {
    Profile: {},
    Calendar: {},
    Metric: {"name": "contacts", "baseline": 40, "target": 120},
    Measurement: {"on": date(2026, 2, 2), "value": 45},
    CheckIn: {"on": date(2026, 2, 2), "satisfaction": 4},
    Goal: {"id": "g", "title": "Do g"},
    Task: {"id": "t", "goal": "g", "title": "Step"},
    Plan: {"id": "p", "owner": "Ana", "start": START},
}

A_DATETIME = datetime(2026, 2, 2, 9, 30)
NAN = float("nan")
INF = float("inf")


def _case(cls: type, path: str, problem: str, **changes: Any) -> Any:
    return pytest.param(cls, changes, path, problem, id=f"{cls.__name__}-{path}-{problem}")


FIELD_CASES = [
    # Profile
    _case(Profile, "strengths[1]", "duplicate entry", strengths=("writing", "writing")),
    _case(Profile, "weaknesses[0]", "must not be empty", weaknesses=("",)),
    _case(Profile, "interests", "expected a list", interests="branding"),
    _case(Profile, "values[0]", "expected a string", values=(1,)),
    # Calendar
    _case(Calendar, "working_days", "at least one weekday", working_days=()),
    _case(Calendar, "working_days[0]", "expected a Weekday", working_days=("monday",)),
    _case(Calendar, "working_days", "twice", working_days=(Weekday.MONDAY, Weekday.MONDAY)),
    _case(Calendar, "holidays", "expected a list", holidays=date(2026, 12, 25)),
    _case(Calendar, "holidays[0]", "expected a date, got a string", holidays=("2026-12-25",)),
    _case(Calendar, "holidays[0]", "got datetime", holidays=(A_DATETIME,)),
    _case(
        Calendar,
        "holidays[1]",
        "duplicate holiday",
        holidays=(date(2026, 12, 25), date(2026, 12, 25)),
    ),
    _case(Calendar, "hours_per_day", "greater than 0", hours_per_day=0),
    _case(Calendar, "hours_per_day", "at most 24", hours_per_day=24.5),
    _case(Calendar, "hours_per_day", "expected a number", hours_per_day="8"),
    # Metric
    _case(Metric, "name", "must not be empty", name=" "),
    _case(Metric, "unit", "expected a string", unit=None),
    _case(Metric, "baseline", "expected a number", baseline="40"),
    _case(Metric, "target", "finite", target=NAN),
    _case(Metric, "direction", "expected a Direction", direction="increase"),
    _case(Metric, "target", "below the baseline", target=39),
    _case(
        Metric, "target", "above the baseline", direction=Direction.DECREASE, baseline=10, target=11
    ),
    # Measurement
    _case(Measurement, "on", "expected a date", on="2026-02-02"),
    _case(Measurement, "on", "got datetime", on=A_DATETIME),
    _case(Measurement, "value", "got a boolean", value=True),
    _case(Measurement, "value", "finite", value=-INF),
    _case(Measurement, "note", "expected a string", note=None),
    # CheckIn
    _case(CheckIn, "on", "got datetime", on=A_DATETIME),
    _case(CheckIn, "satisfaction", "at least 1", satisfaction=0),
    _case(CheckIn, "satisfaction", "at most 5", satisfaction=6),
    _case(CheckIn, "satisfaction", "expected an integer", satisfaction=4.0),
    _case(CheckIn, "satisfaction", "expected an integer", satisfaction=True),
    _case(CheckIn, "source", "expected a Source", source="mentor"),
    _case(CheckIn, "notes", "expected a string", notes=3),
    # Goal
    _case(Goal, "id", "invalid id", id="bad id"),
    _case(Goal, "title", "must not be empty", title="\t\n"),
    _case(Goal, "description", "expected a string", description=None),
    _case(Goal, "horizon", "expected a Horizon", horizon="short"),
    _case(Goal, "category", "expected a Category", category="learning"),
    _case(Goal, "parent", "invalid id", parent="bad id"),
    _case(Goal, "parent", "its own parent", parent="g"),
    _case(Goal, "depends_on", "expected a list", depends_on="a"),
    _case(Goal, "depends_on[1]", "duplicate entry", depends_on=("a", "a")),
    _case(Goal, "depends_on[0]", "invalid id", depends_on=("a b",)),
    _case(Goal, "depends_on[1]", "depend on itself", depends_on=("a", "g")),
    _case(Goal, "start", "expected a date", start="2026-01-05"),
    _case(Goal, "deadline", "got datetime", deadline=A_DATETIME),
    _case(Goal, "metric", "expected Metric", metric={"name": "x", "baseline": 0, "target": 1}),
    _case(Goal, "weight", "at least 0", weight=-1),
    _case(Goal, "weight", "got a boolean", weight=False),
    _case(Goal, "status", "expected a GoalStatus", status="active"),
    _case(Goal, "backup_for", "invalid id", backup_for="bad id"),
    _case(Goal, "backup_for", "its own backup", backup_for="g"),
    _case(Goal, "relevant_to[1]", "duplicate entry", relevant_to=("growth", "growth")),
    _case(Goal, "relevant_to", "expected a list", relevant_to="growth"),
    _case(Goal, "achieved_on", "got datetime", achieved_on=A_DATETIME),
    _case(Goal, "measurements[0]", "expected a Measurement", measurements=({"on": START},)),
    _case(
        Goal,
        "deadline",
        "before the start",
        start=date(2026, 3, 2),
        deadline=date(2026, 3, 1),
    ),
    _case(Goal, "achieved_on", "needs achieved_on", status=GoalStatus.ACHIEVED),
    _case(Goal, "achieved_on", "status is on_hold", status=GoalStatus.ON_HOLD, achieved_on=START),
    _case(
        Goal,
        "achieved_on",
        "before the start",
        status=GoalStatus.ACHIEVED,
        start=date(2026, 3, 2),
        achieved_on=date(2026, 3, 1),
    ),
    _case(
        Goal,
        "measurements",
        "need a metric",
        measurements=(Measurement(on=START, value=1),),
    ),
    # Task
    _case(Task, "id", "expected an id string", id=5),
    _case(Task, "goal", "invalid id", goal=""),
    _case(Task, "title", "must not be empty", title="   "),
    _case(Task, "duration", "expected an integer", duration=1.5),
    _case(Task, "duration", "expected an integer", duration=True),
    _case(Task, "duration", "at least 0", duration=-1),
    _case(Task, "effort", "finite", effort=NAN),
    _case(Task, "effort", "at least 0", effort=-0.5),
    _case(Task, "cost", "at least 0", cost=-1),
    _case(Task, "cost", "finite", cost=INF),
    _case(Task, "depends_on[1]", "duplicate entry", depends_on=["a", "a"]),
    _case(Task, "depends_on[0]", "depend on itself", depends_on=("t",)),
    _case(Task, "depends_on", "expected a list", depends_on="a"),
    _case(Task, "not_before", "expected a date", not_before="2026-01-05"),
    _case(Task, "due", "got datetime", due=A_DATETIME),
    _case(Task, "recurrence", "invalid RRULE", recurrence="FREQ=SOMETIMES"),
    _case(Task, "status", "expected a Status", status="todo"),
    _case(Task, "started_on", "got datetime", started_on=A_DATETIME, status=Status.IN_PROGRESS),
    _case(
        Task,
        "done_on",
        "expected a date",
        done_on="2026-01-09",
        started_on=START,
        status=Status.DONE,
    ),
    _case(
        Task,
        "percent_complete",
        "at most 100",
        percent_complete=101,
        status=Status.IN_PROGRESS,
        started_on=START,
    ),
    _case(
        Task,
        "percent_complete",
        "at least 0",
        percent_complete=-1,
        status=Status.IN_PROGRESS,
        started_on=START,
    ),
    _case(Task, "hours_spent", "at least 0", hours_spent=-1),
    _case(Task, "notes", "expected a string", notes=None),
    _case(Task, "due", "before not_before", not_before=date(2026, 3, 2), due=date(2026, 3, 1)),
    _case(
        Task,
        "done_on",
        "before started_on",
        status=Status.DONE,
        started_on=date(2026, 3, 2),
        done_on=date(2026, 3, 1),
    ),
    _case(Task, "started_on", "status is todo", started_on=START),
    _case(Task, "done_on", "status is todo", done_on=START),
    _case(Task, "percent_complete", "must be 0", percent_complete=10),
    _case(Task, "started_on", "needs started_on", status=Status.IN_PROGRESS),
    _case(
        Task,
        "done_on",
        "status is in_progress",
        status=Status.IN_PROGRESS,
        started_on=START,
        done_on=START,
    ),
    _case(Task, "done_on", "needs done_on", status=Status.DONE, started_on=START),
    _case(
        Task,
        "percent_complete",
        "must be 100",
        status=Status.DONE,
        done_on=START,
        percent_complete=99,
    ),
    # Plan
    _case(Plan, "id", "invalid id", id="p/1"),
    _case(Plan, "owner", "must not be empty", owner=""),
    _case(Plan, "vision", "expected a string", vision=None),
    _case(Plan, "start", "got datetime", start=A_DATETIME),
    _case(Plan, "profile", "expected Profile", profile={"strengths": ["x"]}),
    _case(Plan, "goals", "expected a list", goals="cert"),
    _case(Plan, "goals[0]", "expected a Goal", goals=({"id": "g", "title": "Do g"},)),
    _case(Plan, "tasks[0]", "expected a Task", tasks=(1,)),
    _case(Plan, "check_ins[0]", "expected a CheckIn", check_ins=(None,)),
    _case(Plan, "calendar", "expected Calendar", calendar=None),
    _case(Plan, "weekly_capacity", "greater than 0", weekly_capacity=0),
    _case(Plan, "weekly_capacity", "finite", weekly_capacity=INF),
    _case(Plan, "budget", "at least 0", budget=-0.01),
    _case(Plan, "review_cadence", "expected an RRULE string", review_cadence=None),
    _case(Plan, "review_cadence", "invalid RRULE", review_cadence="FREQ=MONTHLY;BYDAY=XX"),
    _case(Plan, "metadata", "expected a mapping", metadata=["coach"]),
    _case(Plan, "metadata", "keys must be strings", metadata={1: "one"}),
    _case(Plan, "metadata.level", "expected a string", metadata={"level": 3}),
]


@pytest.mark.parametrize(("cls", "changes", "path", "problem"), FIELD_CASES)
def test_field_check(cls: type, changes: dict[str, Any], path: str, problem: str) -> None:
    """Each field check rejects a bad value, naming the field and the rule."""
    fields = {**_BASE[cls], **changes}

    error = assert_rejected(lambda: cls(**fields), path, problem)

    assert [path] == [found.path for found in error.problems]


@pytest.mark.parametrize("cls", list(_BASE))
def test_base_values_are_valid(cls: type) -> None:
    """The base values the field checks start from are themselves valid."""
    assert isinstance(cls(**_BASE[cls]), cls)


def test_every_problem_is_reported_at_once() -> None:
    """A value with several bad fields reports all of them, in field order."""
    with pytest.raises(ValidationError) as caught:
        Task(id="bad id", goal="g", title="", duration=-1, notes=None)

    assert ["id", "title", "duration", "notes"] == [p.path for p in caught.value.problems]


def test_plan_reports_field_problems_and_whole_plan_problems_at_once() -> None:
    """A plan with a bad field still runs the whole-plan checks on its sound parts."""
    with pytest.raises(ValidationError) as caught:
        Plan(
            id="p",
            owner="",
            start=START,
            tasks=(Task(id="t", goal="missing", title="Step"),),
        )

    assert ["owner", "tasks[0].goal"] == [p.path for p in caught.value.problems]


# -- the shared checks (careerkit.model.rules) ------------------------------------------


@pytest.mark.parametrize(
    "good_id", ["a", "A", "7", "a_b.c:d-e", "2026-q1", "x" * 128, "Goal.Sub:1_2-3"]
)
def test_valid_ids_are_accepted(good_id: str) -> None:
    """Ids of letters, digits, ``_ . : -`` starting with a letter or digit pass."""
    assert good_id == Goal(id=good_id, title="Do it").id


@pytest.mark.parametrize(
    "bad_id",
    ["", "-a", "_a", ".a", ":a", "a b", "a/b", "é", "x" * 129, " a", "a\t", "a\n"],
)
def test_invalid_ids_are_rejected(bad_id: str) -> None:
    """Anything outside the id pattern is rejected, including a trailing newline."""
    assert_rejected(lambda: Goal(id=bad_id, title="Do it"), "id", "invalid id")


def test_text_limit() -> None:
    """Text of exactly ``MAX_TEXT`` characters passes; one more is rejected."""
    assert MAX_TEXT == len(Task(id="t", goal="g", title="x" * MAX_TEXT).title)

    assert_rejected(
        lambda: Task(id="t", goal="g", title="x" * (MAX_TEXT + 1)), "title", "longer than"
    )
    assert_rejected(
        lambda: Task(id="t", goal="g", title="Step", notes="x" * (MAX_TEXT + 1)),
        "notes",
        "longer than",
    )


def test_optional_text_may_be_empty() -> None:
    """Fields that are not required accept the empty string."""
    task = Task(id="t", goal="g", title="Step", notes="")
    metric = Metric(name="score", unit="", baseline=0, target=1)

    assert ("", "") == (task.notes, metric.unit)


@pytest.mark.parametrize("value", [True, False])
def test_booleans_are_not_numbers(value: bool) -> None:
    """``True`` and ``False`` are rejected where a number is expected."""
    assert_rejected(lambda: Task(id="t", goal="g", title="Step", effort=value), "effort", "bool")
    assert_rejected(lambda: Plan(id="p", owner="A", start=START, budget=value), "budget", "bool")


@pytest.mark.parametrize("value", [NAN, INF, -INF])
def test_non_finite_numbers_are_rejected(value: float) -> None:
    """NaN and the infinities are rejected, even where there is no upper bound."""
    assert_rejected(
        lambda: Task(id="t", goal="g", title="Step", hours_spent=value), "hours_spent", "finite"
    )
    assert_rejected(lambda: Goal(id="g", title="Do g", weight=value), "weight", "finite")


def test_number_size_limit() -> None:
    """Numbers up to ``MAX_MAGNITUDE`` in size pass; larger ones are rejected."""
    assert MAX_MAGNITUDE == Task(id="t", goal="g", title="Step", effort=MAX_MAGNITUDE).effort
    assert -MAX_MAGNITUDE == Measurement(on=START, value=-MAX_MAGNITUDE).value

    assert_rejected(
        lambda: Task(id="t", goal="g", title="Step", effort=MAX_MAGNITUDE * 1.5),
        "effort",
        "size at most",
    )
    assert_rejected(
        lambda: Task(id="t", goal="g", title="Step", cost=10**16), "cost", "size at most"
    )
    assert_rejected(lambda: Measurement(on=START, value=-(10**400)), "value", "size at most")


def test_duration_limit() -> None:
    """A task lasts at most ``MAX_DURATION`` working days."""
    assert MAX_DURATION == Task(id="t", goal="g", title="Step", duration=MAX_DURATION).duration

    assert_rejected(
        lambda: Task(id="t", goal="g", title="Step", duration=MAX_DURATION + 1),
        "duration",
        "at most",
    )


def test_integers_are_accepted_as_numbers() -> None:
    """An ``int`` is a valid number; it is kept as given."""
    assert 3 == Task(id="t", goal="g", title="Step", effort=3).effort


@pytest.mark.parametrize(
    ("cls", "name"),
    [
        (Plan, "start"),
        (Goal, "start"),
        (Goal, "deadline"),
        (Task, "not_before"),
        (Task, "due"),
        (Measurement, "on"),
        (CheckIn, "on"),
    ],
)
def test_datetimes_are_not_dates(cls: type, name: str) -> None:
    """A ``datetime`` is rejected where a ``date`` is expected."""
    fields = {**_BASE[cls], name: datetime(2026, 2, 2)}

    assert_rejected(lambda: cls(**fields), name, "expected a date, got datetime")


def test_lists_become_tuples() -> None:
    """Lists given for sequence fields are stored as tuples."""
    profile = Profile(strengths=["writing"], weaknesses=["maths"], interests=[], values=["growth"])
    goal = Goal(id="g", title="Do g", depends_on=["a"], relevant_to=["growth"])
    task = Task(id="t", goal="g", title="Step", depends_on=["s"])
    calendar = Calendar(working_days=[Weekday.MONDAY], holidays=[date(2026, 12, 25)])
    plan = Plan(id="p", owner="A", start=START, goals=[Goal(id="g", title="Do g")])

    assert (("writing",), ("maths",), (), ("growth",)) == (
        profile.strengths,
        profile.weaknesses,
        profile.interests,
        profile.values,
    )
    assert (("a",), ("growth",), ("s",)) == (goal.depends_on, goal.relevant_to, task.depends_on)
    assert ((Weekday.MONDAY,), (date(2026, 12, 25),)) == (
        calendar.working_days,
        calendar.holidays,
    )
    assert (tuple, tuple, tuple) == (type(plan.goals), type(plan.tasks), type(plan.check_ins))


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: Profile(values="growth"), "values"),
        (lambda: Goal(id="g", title="Do g", relevant_to="growth"), "relevant_to"),
        (lambda: Task(id="t", goal="g", title="Step", depends_on="s"), "depends_on"),
        (lambda: Task(id="t", goal="g", title="Step", depends_on={"s"}), "depends_on"),
        (lambda: Calendar(working_days="monday"), "working_days"),
        (lambda: Plan(id="p", owner="A", start=START, check_ins="none"), "check_ins"),
    ],
)
def test_strings_and_sets_are_not_lists(make: Callable[[], object], path: str) -> None:
    """A string (or a set) where a list is expected is rejected, not split up."""
    assert_rejected(make, path, "expected a list")


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY",
        "RRULE:FREQ=MONTHLY;BYDAY=2TH",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=15",
        "FREQ=YEARLY;BYYEARDAY=366",
        "FREQ=YEARLY;BYWEEKNO=-53",
        "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1",
        "freq=weekly;interval=2",
        "FREQ=WEEKLY;COUNT=10",
    ],
)
def test_valid_rrules_are_accepted(rule: str) -> None:
    """RFC 5545 RRULE values are accepted and kept as written."""
    assert rule == Task(id="t", goal="g", title="Step", recurrence=rule).recurrence
    assert rule == Plan(id="p", owner="A", start=START, review_cadence=rule).review_cadence


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ("", "expected one RRULE value"),
        ("RRULE:", "expected one RRULE value"),
        ("WEEKLY", "invalid RRULE"),
        ("FREQ=SOMETIMES", "invalid RRULE"),
        ("FREQ=WEEKLY;BYDAY=XX", "invalid RRULE"),
        ("FREQ=MONTHLY;BYMONTHDAY=1.5", "invalid RRULE"),
        ("FREQ=DAILY;BYHOUR=24", "invalid RRULE"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0 is out of range"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,32", "BYMONTHDAY=32 is out of range"),
        ("FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY=-32 is out of range"),
        ("FREQ=YEARLY;BYMONTH=0", "BYMONTH=0 is out of range"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH=13 is out of range"),
        ("FREQ=YEARLY;BYMONTH=-1", "BYMONTH=-1 is out of range"),
        ("FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY=367 is out of range"),
        ("FREQ=YEARLY;BYYEARDAY=0", "BYYEARDAY=0 is out of range"),
        ("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO=54 is out of range"),
        ("FREQ=YEARLY;BYWEEKNO=-54", "BYWEEKNO=-54 is out of range"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "bysetpos"),
        ("DTSTART:20260105\nRRULE:FREQ=WEEKLY", "expected one RRULE value"),
        ("DTSTART:20260105", "expected one RRULE value"),
        ("FREQ=WEEKLY\nFREQ=DAILY", "expected one RRULE value"),
        ("FREQ=WEEKLY FREQ=DAILY", "expected one RRULE value"),
        ("FREQ=DAILY;BYHOUR=23;BYMINUTE=59", "repeats within a day"),
        ("FREQ=SECONDLY", "repeats within a day"),
        ("FREQ=HOURLY;COUNT=3", "repeats within a day"),
        ("EXDATE:20260105", "expected one RRULE value"),
        ("FREQ=YEARLY;BYMONTH=" + ",".join(["1"] * 250), "expected one RRULE value"),
    ],
)
def test_invalid_rrules_are_rejected(rule: str, problem: str) -> None:
    """Malformed rules, out-of-range BY* parts and whole iCalendar texts are rejected."""
    assert_rejected(
        lambda: Task(id="t", goal="g", title="Step", recurrence=rule), "recurrence", problem
    )
    assert_rejected(
        lambda: Plan(id="p", owner="A", start=START, review_cadence=rule),
        "review_cadence",
        problem,
    )


@pytest.mark.parametrize("rule", ["FREQ=WEEKLY;INTERVAL=0", "FREQ=WEEKLY;COUNT=0"])
def test_rrule_interval_and_count_must_be_positive(rule: str) -> None:
    """RFC 5545 requires INTERVAL and COUNT to be positive.

    ``INTERVAL=0`` makes dateutil loop forever when the rule is expanded, so
    it must not get into a plan.
    """
    assert_rejected(lambda: Task(id="t", goal="g", title="Step", recurrence=rule), "recurrence")


def test_recurrence_must_be_text() -> None:
    """A recurrence that is not a string is rejected; None means no recurrence."""
    assert None is Task(id="t", goal="g", title="Step").recurrence
    assert_rejected(
        lambda: Task(id="t", goal="g", title="Step", recurrence=7), "recurrence", "RRULE string"
    )


# -- whole-plan checks, through documents --------------------------------------


def test_valid_document_is_valid() -> None:
    """The document the bad documents start from is itself valid."""
    plan = careerkit.from_dict(valid_document())

    assert ("cert", "manager", "director", "consult") == tuple(goal.id for goal in plan.goals)


def test_bad_documents_are_distinct() -> None:
    """The table holds many distinct documents with distinct names."""
    names = [bad.name for bad in BAD_DOCUMENTS]
    documents = {repr(bad.document) for bad in BAD_DOCUMENTS}

    assert len(names) == len(set(names)) == len(documents)
    assert len(BAD_DOCUMENTS) >= 40


@pytest.mark.parametrize("bad", BAD_DOCUMENTS, ids=lambda bad: bad.name)
def test_bad_document(bad: BadDocument) -> None:
    """Each bad document raises its error class, naming the bad field."""
    with pytest.raises(ValidationError) as caught:
        careerkit.from_dict(bad.document)

    error = caught.value
    assert bad.error is type(error)
    assert bad.path in str(error)
    assert bad.path in [error.path, *(problem.path for problem in error.problems)]


@pytest.mark.parametrize(
    "bad", [bad for bad in BAD_DOCUMENTS if bad.cycle is not None], ids=lambda bad: bad.name
)
def test_cycle_is_reported_in_order(bad: BadDocument) -> None:
    """A cycle lists its ids from the smallest, each depending on the next."""
    with pytest.raises(CycleError) as caught:
        careerkit.from_dict(bad.document)

    assert bad.cycle == caught.value.cycle
    assert bad.path == caught.value.path
    arrow = " -> ".join((*bad.cycle, bad.cycle[0]))
    assert f"{bad.path}: dependency cycle {arrow}" == str(caught.value)


def test_whole_plan_problems_are_reported_at_once() -> None:
    """Every dangling reference and date problem of a plan is listed, in plan order."""
    document = valid_document()
    document["goals"][1]["parent"] = "cmo"
    document["tasks"][3]["goal"] = "cmo"
    document["check_ins"][0]["on"] = "2025-12-31"

    with pytest.raises(ValidationError) as caught:
        careerkit.from_dict(document)

    expected = ["goals[1].parent", "tasks[3].goal", "check_ins[0].on"]
    assert expected == [problem.path for problem in caught.value.problems]


def test_cycle_is_checked_after_references() -> None:
    """A plan with a cycle and a dangling reference reports the reference."""
    document = valid_document()
    document["tasks"][0]["depends_on"] = ["exam"]
    document["tasks"][3]["goal"] = "cmo"

    assert_rejected(lambda: careerkit.from_dict(document), "tasks[3].goal", "unknown goal")


def test_cycle_not_through_the_smallest_id() -> None:
    """The cycle starts at its own smallest id, not at the first id searched."""
    goal = Goal(id="g", title="Do g")
    tasks = (
        Task(id="a", goal="g", title="A", depends_on=("y",)),
        Task(id="y", goal="g", title="Y", depends_on=("x",)),
        Task(id="x", goal="g", title="X", depends_on=("y",)),
    )

    error = assert_rejected(
        lambda: Plan(id="p", owner="A", start=START, goals=(goal,), tasks=tasks),
        "tasks[2].depends_on",
        error=CycleError,
    )
    assert ("x", "y") == error.cycle


def test_relevance_uses_every_profile_list() -> None:
    """A goal may be relevant to a strength, weakness, interest or value."""
    profile = Profile(strengths=("s",), weaknesses=("w",), interests=("i",), values=("v",))
    goal = Goal(id="g", title="Do g", relevant_to=("s", "w", "i", "v"))

    plan = Plan(id="p", owner="A", start=START, profile=profile, goals=(goal,))

    assert ("s", "w", "i", "v") == plan.goal("g").relevant_to


def test_deadline_on_the_start_day_is_allowed() -> None:
    """Dates equal to the plan start are not "before the plan starts"."""
    goal = Goal(
        id="g",
        title="Do g",
        start=START,
        deadline=START,
        metric=Metric(name="m", baseline=0, target=1),
        measurements=(Measurement(on=START, value=0),),
    )

    plan = Plan(
        id="p",
        owner="A",
        start=START,
        goals=(goal,),
        check_ins=(CheckIn(on=START, satisfaction=3),),
    )

    assert START == plan.goal("g").deadline


# -- lookups -------------------------------------------------------------------


def test_lookups() -> None:
    """Goals and tasks are found by id, with their positions."""
    plan = make_plan()

    assert "Become marketing director" == plan.goal("director").title
    assert "Pass the exam" == plan.task("exam").title
    assert (2, 3) == (plan.goal_position("director"), plan.task_position("meetup"))


def test_tasks_of() -> None:
    """``tasks_of`` gives a goal's tasks in plan order, or none."""
    plan = make_plan()

    assert ("enrol", "study", "exam") == tuple(task.id for task in plan.tasks_of("cert"))
    assert () == plan.tasks_of("director")


@pytest.mark.parametrize(
    ("lookup", "kind"),
    [
        (lambda plan: plan.goal("cmo"), "goal"),
        (lambda plan: plan.goal_position("cmo"), "goal"),
        (lambda plan: plan.tasks_of("cmo"), "goal"),
        (lambda plan: plan.task("cmo"), "task"),
        (lambda plan: plan.task_position("cmo"), "task"),
        (lambda plan: plan.update_goal("cmo", title="x"), "goal"),
        (lambda plan: plan.remove_goal("cmo"), "goal"),
        (lambda plan: plan.update_task("cmo", title="x"), "task"),
        (lambda plan: plan.remove_task("cmo"), "task"),
        (lambda plan: plan.start_task("cmo", on=START), "task"),
        (lambda plan: plan.complete_task("cmo", on=START), "task"),
        (lambda plan: plan.record_measurement("cmo", Measurement(on=START, value=1)), "goal"),
    ],
)
def test_unknown_id(lookup: Callable[[Plan], object], kind: str) -> None:
    """Asking for an unknown id raises UnknownReferenceError, also a LookupError."""
    with pytest.raises(UnknownReferenceError) as caught:
        lookup(make_plan())

    assert (kind, "cmo") == (caught.value.kind, caught.value.id)
    assert f"no {kind} with id 'cmo'" == str(caught.value)
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize("bad_key", [3, None, ["exam"]])
def test_lookup_with_a_non_string(bad_key: object) -> None:
    """A lookup with a non-string (even unhashable) id is a wrong argument, named."""
    for lookup in (make_plan().task, make_plan().goal, make_plan().task_position):
        assert_rejected(lambda: lookup(bad_key), "id", "expected an id string")  # noqa: B023
    for lookup in (make_plan().tasks_of, make_plan().deadline_for):
        assert_rejected(lambda: lookup(bad_key), "goal_id", "expected an id string")  # noqa: B023


# -- edits -----------------------------------------------------------------------


def test_add_goal() -> None:
    """``add_goal`` returns a new plan with the goal last; the old plan is unchanged."""
    plan = make_plan()
    goal = Goal(id="mba", title="Finish an MBA", relevant_to=("storytelling",))

    new = plan.add_goal(goal)

    assert goal == new.goal("mba")
    assert 4 == new.goal_position("mba")
    assert make_plan() == plan
    assert 4 == len(plan.goals)


def test_add_goal_with_a_used_id() -> None:
    """Adding a goal with an id already used names the new goal's id."""
    assert_rejected(
        lambda: make_plan().add_goal(Goal(id="cert", title="Again")),
        "goals[4].id",
        "duplicate id 'cert' (also goals[0])",
    )


def test_add_goal_with_a_dangling_reference() -> None:
    """Adding a goal whose parent does not exist is rejected."""
    assert_rejected(
        lambda: make_plan().add_goal(Goal(id="mba", title="MBA", parent="cmo")),
        "goals[4].parent",
        "unknown goal 'cmo'",
    )


def test_update_goal() -> None:
    """``update_goal`` changes the given fields only, in a new plan."""
    plan = make_plan()

    new = plan.update_goal("director", deadline=date(2030, 12, 31), weight=2)

    assert attrs.evolve(plan.goal("director"), deadline=date(2030, 12, 31), weight=2) == new.goal(
        "director"
    )
    assert None is plan.goal("director").deadline
    assert plan.goals[:2] == new.goals[:2]


@pytest.mark.parametrize(
    ("changes", "path", "problem"),
    [
        ({"colour": "red"}, "goals[2].colour", "no such field"),
        ({"_goal_index": {}}, "goals[2]._goal_index", "no such field"),
        ({"id": "cmo"}, "goals[2].id", "cannot be changed"),
        ({"weight": -1}, "goals[2].weight", "at least 0"),
        ({"deadline": date(2025, 1, 1)}, "goals[2].deadline", "before the plan starts"),
        ({"parent": "cmo"}, "goals[2].parent", "unknown goal"),
    ],
)
def test_invalid_update_goal(changes: dict[str, Any], path: str, problem: str) -> None:
    """Invalid goal updates are rejected with the path of the goal's field."""
    assert_rejected(lambda: make_plan().update_goal("director", **changes), path, problem)


def test_update_goal_that_closes_a_cycle() -> None:
    """An update that closes a dependency cycle raises CycleError."""
    error = assert_rejected(
        lambda: make_plan().update_goal("cert", depends_on=("manager",)),
        "goals[0].depends_on",
        error=CycleError,
    )
    assert ("cert", "manager") == error.cycle


def test_update_keeping_the_id_is_allowed() -> None:
    """Passing the goal's own id to an update is not a rename."""
    plan = make_plan()

    assert plan == plan.update_goal("cert", id="cert").update_task("exam", id="exam")


def test_remove_goal() -> None:
    """``remove_goal`` drops the goal; later goals are still found by id."""
    plan = make_plan().add_goal(Goal(id="mba", title="MBA")).add_goal(Goal(id="talk", title="Talk"))

    new = plan.remove_goal("mba")

    assert ("cert", "manager", "director", "consult", "talk") == tuple(g.id for g in new.goals)
    assert 4 == new.goal_position("talk")
    assert 4 == plan.goal_position("mba")
    with pytest.raises(UnknownReferenceError):
        new.goal("mba")


@pytest.mark.parametrize(
    ("goal_id", "path", "problem"),
    [
        (
            "cert",
            "goals[0]",
            "goal 'cert' is still referred to by task 'enrol', task 'study', task 'exam', "
            "goal 'manager' (depends_on)",
        ),
        (
            "director",
            "goals[2]",
            "goal 'director' is still referred to by goal 'manager' (parent), "
            "goal 'consult' (backup_for)",
        ),
        ("manager", "goals[1]", "goal 'manager' is still referred to by task 'meetup'"),
    ],
)
def test_remove_goal_still_referred_to(goal_id: str, path: str, problem: str) -> None:
    """A goal that others refer to cannot be removed; the message names them."""
    error = assert_rejected(lambda: make_plan().remove_goal(goal_id), path)

    assert problem == error.problem


def test_add_task() -> None:
    """``add_task`` returns a new plan with the task last."""
    plan = make_plan()
    task = Task(id="celebrate", goal="cert", title="Celebrate", depends_on=("exam",))

    new = plan.add_task(task)

    assert (task, 4) == (new.task("celebrate"), new.task_position("celebrate"))
    assert make_plan() == plan


@pytest.mark.parametrize(
    ("task", "path", "problem"),
    [
        (Task(id="enrol", goal="cert", title="Again"), "tasks[4].id", "duplicate id 'enrol'"),
        (Task(id="t", goal="cmo", title="Step"), "tasks[4].goal", "unknown goal 'cmo'"),
        (
            Task(id="t", goal="cert", title="Step", depends_on=("cmo",)),
            "tasks[4].depends_on[0]",
            "unknown task 'cmo'",
        ),
    ],
)
def test_invalid_add_task(task: Task, path: str, problem: str) -> None:
    """Adding a task with a used id or a dangling reference is rejected."""
    assert_rejected(lambda: make_plan().add_task(task), path, problem)


def test_update_task_that_closes_a_cycle() -> None:
    """Making an earlier task depend on a later one closes a cycle."""
    error = assert_rejected(
        lambda: make_plan().update_task("enrol", depends_on=("exam",)),
        "tasks[0].depends_on",
        error=CycleError,
    )
    assert ("enrol", "exam", "study") == error.cycle


def test_update_task() -> None:
    """``update_task`` changes the given fields only, in a new plan."""
    plan = make_plan()

    new = plan.update_task("study", percent_complete=60, notes="halfway")

    assert (60, "halfway") == (new.task("study").percent_complete, new.task("study").notes)
    assert (30, "") == (plan.task("study").percent_complete, plan.task("study").notes)


@pytest.mark.parametrize(
    ("changes", "path", "problem"),
    [
        ({"priority": 1}, "tasks[1].priority", "no such field"),
        ({"id": "learn"}, "tasks[1].id", "cannot be changed"),
        ({"percent_complete": 120}, "tasks[1].percent_complete", "at most 100"),
        ({"status": Status.TODO}, "tasks[1].started_on", "status is todo"),
        ({"goal": "cmo"}, "tasks[1].goal", "unknown goal"),
    ],
)
def test_invalid_update_task(changes: dict[str, Any], path: str, problem: str) -> None:
    """Invalid task updates are rejected with the path of the task's field."""
    assert_rejected(lambda: make_plan().update_task("study", **changes), path, problem)


def test_remove_task() -> None:
    """``remove_task`` drops the task; later tasks are still found by id."""
    plan = make_plan()

    new = plan.remove_task("exam")

    assert ("enrol", "study", "meetup") == tuple(task.id for task in new.tasks)
    assert 2 == new.task_position("meetup")
    assert 4 == len(plan.tasks)


def test_remove_task_still_depended_on() -> None:
    """A task that others depend on cannot be removed; the message names them."""
    error = assert_rejected(lambda: make_plan().remove_task("enrol"), "tasks[0]")

    assert "task 'enrol' is still a dependency of task 'study'" == error.problem


def test_start_task() -> None:
    """``start_task`` sets a to-do task in progress from a date."""
    plan = make_plan()

    new = plan.start_task("exam", on=date(2026, 3, 2))

    assert (Status.IN_PROGRESS, date(2026, 3, 2)) == (
        new.task("exam").status,
        new.task("exam").started_on,
    )
    assert (Status.TODO, None) == (plan.task("exam").status, plan.task("exam").started_on)


@pytest.mark.parametrize(
    ("task_id", "path", "status"),
    [("enrol", "tasks[0].status", "done"), ("study", "tasks[1].status", "in_progress")],
)
def test_start_task_that_is_not_todo(task_id: str, path: str, status: str) -> None:
    """Only a to-do task can be started."""
    assert_rejected(
        lambda: make_plan().start_task(task_id, on=date(2026, 3, 2)), path, f"this one is {status}"
    )


def test_complete_task_in_progress() -> None:
    """``complete_task`` marks the task done, keeps its start and sets the hours."""
    plan = make_plan()

    task = plan.complete_task("study", on=date(2026, 3, 2), hours_spent=38.5).task("study")

    expected = (Status.DONE, date(2026, 1, 7), date(2026, 3, 2), None, 38.5, 1.0)
    actual = (
        task.status,
        task.started_on,
        task.done_on,
        task.percent_complete,
        task.hours_spent,
        task.fraction_complete,
    )
    assert expected == actual
    assert Status.IN_PROGRESS is plan.task("study").status


def test_complete_task_keeps_hours_when_not_given() -> None:
    """Without ``hours_spent`` the hours already recorded are kept."""
    assert 4 == make_plan().complete_task("study", on=date(2026, 3, 2)).task("study").hours_spent


def test_complete_task_never_started() -> None:
    """A task never started is taken to start and finish on the same day."""
    task = make_plan().complete_task("exam", on=date(2026, 3, 4)).task("exam")

    assert (Status.DONE, date(2026, 3, 4), date(2026, 3, 4)) == (
        task.status,
        task.started_on,
        task.done_on,
    )


@pytest.mark.parametrize(("status", "name"), [(Status.DROPPED, "dropped"), (Status.DONE, "done")])
def test_complete_task_that_is_finished(status: Status, name: str) -> None:
    """A dropped or done task cannot be completed."""
    plan = make_plan(tasks=(Task(id="t", goal="cert", title="Step", status=status, done_on=START),))

    assert_rejected(
        lambda: plan.complete_task("t", on=date(2026, 3, 2)), "tasks[0].status", f"is {name}"
    )


def test_complete_task_before_it_started() -> None:
    """Completing before the start date is rejected at the task's done_on."""
    assert_rejected(
        lambda: make_plan().complete_task("study", on=date(2026, 1, 6)),
        "tasks[1].done_on",
        "before started_on",
    )


def test_complete_task_with_negative_hours() -> None:
    """Negative hours are rejected as the argument ``hours_spent``."""
    assert_rejected(
        lambda: make_plan().complete_task("study", on=date(2026, 3, 2), hours_spent=-1),
        "hours_spent",
        "at least 0",
    )


def test_record_measurement() -> None:
    """``record_measurement`` appends to the goal's measurements in a new plan."""
    plan = make_plan()
    measurement = Measurement(on=date(2026, 3, 2), value=70, note="mock exam")

    new = plan.record_measurement("cert", measurement)

    assert (Measurement(on=date(2026, 2, 2), value=45), measurement) == new.goal(
        "cert"
    ).measurements
    assert 1 == len(plan.goal("cert").measurements)


def test_record_measurement_without_a_metric() -> None:
    """A goal without a metric cannot take measurements."""
    assert_rejected(
        lambda: make_plan().record_measurement("director", Measurement(on=START, value=1)),
        "goals[2].measurements",
        "need a metric",
    )


def test_record_measurement_before_the_plan() -> None:
    """A measurement dated before the plan starts is rejected with its path."""
    assert_rejected(
        lambda: make_plan().record_measurement("cert", Measurement(on=date(2026, 1, 2), value=1)),
        "goals[0].measurements[1].on",
        "before the plan starts",
    )


def test_add_check_in() -> None:
    """``add_check_in`` appends a check-in in a new plan."""
    plan = make_plan()
    check_in = CheckIn(on=date(2026, 3, 2), satisfaction=2, source=Source.PEER, notes="slow")

    new = plan.add_check_in(check_in)

    assert (plan.check_ins[0], check_in) == new.check_ins
    assert 1 == len(plan.check_ins)


def test_add_check_in_before_the_plan() -> None:
    """A check-in dated before the plan starts is rejected with its path."""
    assert_rejected(
        lambda: make_plan().add_check_in(CheckIn(on=date(2025, 12, 1), satisfaction=3)),
        "check_ins[1].on",
        "before the plan starts",
    )


# -- values ----------------------------------------------------------------------

_VALUES = [
    Profile(strengths=("writing",)),
    Calendar(),
    Metric(name="contacts", baseline=40, target=120),
    Measurement(on=START, value=1),
    CheckIn(on=START, satisfaction=3),
    Goal(id="g", title="Do g"),
    Task(id="t", goal="g", title="Step"),
]


@pytest.mark.parametrize("value", [*_VALUES, make_plan()], ids=lambda value: type(value).__name__)
def test_values_are_frozen(value: object) -> None:
    """Assigning to any field raises FrozenInstanceError."""
    name = attrs.fields(type(value))[0].name

    with pytest.raises(FrozenInstanceError):
        setattr(value, name, getattr(value, name))


@pytest.mark.parametrize(
    "duplicate",
    [lambda value: pickle.loads(pickle.dumps(value)), copy.deepcopy, copy.copy],
    ids=["pickle", "deepcopy", "copy"],
)
def test_plans_pickle_and_copy(duplicate: Callable[[Plan], Plan]) -> None:
    """A plan survives pickle and copies equal, with read-only metadata and working lookups.

    The metadata is a read-only mapping proxy, which pickle cannot write on its own.
    """
    plan = make_plan(metadata={"team": "B2B"})
    copied = duplicate(plan)

    assert plan == copied
    assert isinstance(copied.metadata, MappingProxyType)
    assert {"team": "B2B"} == copied.metadata
    assert plan.tasks[-1] == copied.task(plan.tasks[-1].id)
    assert plan.goals[-1] == copied.goal(plan.goals[-1].id)


@pytest.mark.parametrize("cls", list(_BASE))
def test_classes_are_keyword_only(cls: type) -> None:
    """Fields cannot be given by position."""
    arguments = tuple(_BASE[cls].values()) or ((),)

    with pytest.raises(TypeError):
        cls(*arguments)


@pytest.mark.parametrize("value", _VALUES, ids=lambda value: type(value).__name__)
def test_values_are_hashable(value: object) -> None:
    """Values without mappings hash, and equal values hash the same."""
    copy = attrs.evolve(value)

    assert hash(value) == hash(copy)
    assert {value} == {copy}


def test_plan_equality_ignores_the_indexes() -> None:
    """Plans compare (and hash) by their fields, not by the private indexes."""
    plan = make_plan()
    other = make_plan()
    object.__setattr__(other, "_goal_index", {})
    object.__setattr__(other, "_task_index", {})

    assert plan == other
    assert hash(plan) == hash(other)
    assert "_goal_index" not in repr(plan)


def test_plans_with_different_fields_differ() -> None:
    """Plans that differ in a field, including metadata, are not equal."""
    plan = make_plan()

    assert plan != make_plan(owner="Ana O.")
    assert plan != make_plan(metadata={"coach": "Kim"})


def test_metadata_is_read_only() -> None:
    """Metadata is a read-only mapping."""
    plan = make_plan()

    with pytest.raises(TypeError):
        plan.metadata["coach"] = "Kim"  # type: ignore[index]
    assert isinstance(plan.metadata, MappingProxyType)
    assert {"coach": "Sam"} == dict(plan.metadata)


def test_metadata_dict_is_copied() -> None:
    """Changing the dict passed as metadata afterwards does not change the plan."""
    metadata = {"coach": "Sam"}
    plan = make_plan(metadata=metadata)

    metadata["coach"] = "Kim"
    metadata["team"] = "growth"

    assert {"coach": "Sam"} == dict(plan.metadata)
    assert make_plan() == plan


def test_metadata_defaults_to_empty() -> None:
    """Without metadata the plan has an empty read-only mapping."""
    plan = Plan(id="p", owner="A", start=START)

    assert ({}, MappingProxyType) == (dict(plan.metadata), type(plan.metadata))


def test_defaults() -> None:
    """Documented defaults of the model classes."""
    plan = Plan(id="p", owner="A", start=START)
    goal = Goal(id="g", title="Do g")
    task = Task(id="t", goal="g", title="Step")

    assert ("FREQ=WEEKLY;INTERVAL=4", 10.0, None, Profile(), Calendar()) == (
        plan.review_cadence,
        plan.weekly_capacity,
        plan.budget,
        plan.profile,
        plan.calendar,
    )
    assert (Horizon.MEDIUM, Category.OTHER, GoalStatus.ACTIVE, 1.0) == (
        goal.horizon,
        goal.category,
        goal.status,
        goal.weight,
    )
    assert (1, 0.0, Status.TODO, 0.0) == (task.duration, task.effort, task.status, task.hours_spent)
    assert (
        (Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY),
        (),
        8.0,
    ) == (Calendar().working_days, Calendar().holidays, Calendar().hours_per_day)
    assert (Direction.INCREASE, Source.SELF) == (
        Metric(name="m", baseline=0, target=1).direction,
        CheckIn(on=START, satisfaction=3).source,
    )


# -- helpers on the values ---------------------------------------------------------


def test_weekday_number() -> None:
    """``Weekday.number`` counts from 0 on Monday, like ``date.weekday``."""
    assert list(range(7)) == [day.number for day in Weekday]
    assert [0, 6] == [Weekday.MONDAY.number, Weekday.SUNDAY.number]


def test_weekday_of() -> None:
    """``Weekday.of`` gives the weekday of a date, through a whole week."""
    days = [Weekday.of(date(2026, 1, day)) for day in range(5, 12)]

    assert list(Weekday) == days
    assert Weekday.THURSDAY is Weekday.of(date(2024, 2, 29))


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, 0.0),
        ({"status": Status.IN_PROGRESS, "started_on": START}, 0.0),
        ({"status": Status.IN_PROGRESS, "started_on": START, "percent_complete": 25}, 0.25),
        ({"status": Status.DONE, "done_on": START}, 1.0),
        ({"status": Status.DONE, "done_on": START, "percent_complete": 100}, 1.0),
        ({"status": Status.DROPPED}, 0.0),
        ({"status": Status.DROPPED, "percent_complete": 40}, 0.4),
    ],
)
def test_fraction_complete(fields: dict[str, Any], expected: float) -> None:
    """The fraction follows percent_complete, else the status."""
    assert expected == Task(id="t", goal="g", title="Step", **fields).fraction_complete


def test_profile_entries() -> None:
    """``entries`` gathers the four lists into one set."""
    profile = Profile(
        strengths=("storytelling",),
        weaknesses=("public speaking",),
        interests=("branding", "data"),
        values=("growth",),
    )

    expected = frozenset({"storytelling", "public speaking", "branding", "data", "growth"})
    assert expected == profile.entries()
    assert frozenset() == Profile().entries()


# -- the supported dates, text UTF-8 can store, the family check ----------


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: Plan(id="p", owner="o", start=date(9999, 12, 31)), "start"),
        (lambda: Plan(id="p", owner="o", start=date(9001, 1, 1)), "start"),
        (lambda: Task(id="t", goal="g", title="Step", not_before=date(9999, 12, 31)), "not_before"),
        (lambda: Task(id="t", goal="g", title="Step", due=date(9001, 1, 1)), "due"),
        (
            lambda: Task(
                id="t",
                goal="g",
                title="Step",
                status=Status.IN_PROGRESS,
                started_on=date(9999, 12, 31),
            ),
            "started_on",
        ),
        (
            lambda: Task(
                id="t",
                goal="g",
                title="Step",
                status=Status.DONE,
                started_on=date(2026, 1, 5),
                done_on=date(9999, 12, 31),
            ),
            "done_on",
        ),
        (lambda: Goal(id="g", title="Do g", deadline=date(9999, 12, 31)), "deadline"),
        (lambda: Calendar(holidays=(date(9999, 12, 25),)), "holidays[0]"),
        (lambda: CheckIn(on=date(9999, 12, 31), satisfaction=3), "on"),
        (lambda: Measurement(on=date(9999, 12, 31), value=1), "on"),
    ],
)
def test_dates_beyond_the_supported_range_are_refused(
    make: Callable[[], object], path: str
) -> None:
    """A date after 9000-12-31 is refused where it is given, naming the range."""
    assert_rejected(make, path, "outside the supported dates 0001-01-01 to 9000-12-31")


def test_plan_near_the_end_of_the_calendar_is_refused_before_scheduling() -> None:
    """A plan starting 9999-12-01 with a 100-day task is refused at construction and in a
    document, with the field's path: never an OverflowError from a schedule."""
    document = valid_document()
    document["start"] = "9999-12-01"
    with pytest.raises(ValidationError) as caught:
        careerkit.from_dict(document)
    assert "start" in [problem.path for problem in caught.value.problems]
    with pytest.raises(ValidationError):
        careerkit.schedule(
            Plan(
                id="p",
                owner="o",
                start=date(9999, 12, 1),
                goals=[Goal(id="g", title="Do g")],
                tasks=[Task(id="t", goal="g", title="Step", duration=100)],
            )
        )


def test_the_first_and_last_supported_dates_are_accepted() -> None:
    """0001-01-01 and 9000-12-31 are dates of a plan: no false refusal at the door."""
    first = Plan(
        id="p",
        owner="o",
        start=date(1, 1, 1),
        goals=[Goal(id="g", title="Do g", deadline=date(9000, 12, 31))],
        tasks=[Task(id="t", goal="g", title="Step", duration=1)],
    )

    assert date(1, 1, 1) == careerkit.loads(careerkit.dumps(first)).start


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: Plan(id="p", owner="\ud800", start=START), "owner"),
        (lambda: Plan(id="p", owner="o", vision="a\udc80b", start=START), "vision"),
        (lambda: Plan(id="p", owner="o", start=START, metadata={"k": "\ud800"}), "metadata.k"),
        (lambda: Plan(id="p", owner="o", start=START, metadata={"\ud800": "v"}), "metadata"),
        (lambda: Goal(id="g", title="Do \ud800"), "title"),
        (lambda: Task(id="t", goal="g", title="Step", notes="\udfff"), "notes"),
        (lambda: Profile(strengths=("writing", "\ud800")), "strengths[1]"),
        (lambda: Metric(name="n\ud800", baseline=0, target=1), "name"),
    ],
)
def test_text_that_utf8_cannot_store_is_refused(make: Callable[[], object], path: str) -> None:
    """A lone surrogate cannot be written as UTF-8: refused in every text field, with its path."""
    assert_rejected(make, path, "cannot be stored as UTF-8")


def test_lone_surrogate_in_a_document_is_refused_with_its_path() -> None:
    """``\\ud800`` escaped in JSON reads as a lone surrogate: refused, not stored."""
    text = '{"schema_version": 2, "id": "p", "owner": "\\ud800", "start": "2026-01-05"}'
    with pytest.raises(ValidationError) as caught:
        careerkit.loads(text)
    assert ["owner"] == [problem.path for problem in caught.value.problems]


@pytest.mark.parametrize("text", ["\ufeff", "\x1c", " \u3000\x85", "\t\n\x0b\x0c\r"])
def test_blank_is_one_set_of_characters(text: str) -> None:
    """A required text of white space only (as Python or ECMA-262 counts it) is blank."""
    assert_rejected(lambda: Goal(id="g", title=text), "title", "must not be empty")


def test_dependency_on_a_deep_ancestor_or_descendant_is_a_cycle() -> None:
    """Deep in a parent chain, depending on an ancestor (or a descendant) is refused,
    while depending on a goal of another branch is not."""
    chain = [Goal(id="g0", title="Do it")] + [
        Goal(id=f"g{i}", title="Do it", parent=f"g{i - 1}") for i in range(1, 50)
    ]
    other = Goal(id="other", title="Do other", parent="g10")
    sound = Plan(
        id="p", owner="o", start=START, goals=[*chain, other, attrs.evolve(chain[0], id="x")]
    )
    assert sound.add_goal(Goal(id="y", title="Do y", parent="g40", depends_on=("other",)))

    for ancestor, descendant in (("g3", "g45"), ("g0", "g49"), ("g10", "other")):
        position = int(descendant[1:]) if descendant != "other" else 50
        goals = list(sound.goals)
        goals[position] = attrs.evolve(goals[position], depends_on=(ancestor,))
        assert_rejected(
            functools.partial(Plan, id="p", owner="o", start=START, goals=goals),
            f"goals[{position}].depends_on[0]",
            error=CycleError,
        )
        goals = list(sound.goals)
        index = int(ancestor[1:])
        goals[index] = attrs.evolve(goals[index], depends_on=(descendant,))
        assert_rejected(
            functools.partial(Plan, id="p", owner="o", start=START, goals=goals),
            f"goals[{index}].depends_on[0]",
            error=CycleError,
        )


# -- edits check their arguments; a date is judged alike in an edit and a document --


def test_work_dated_before_the_plan_is_refused_in_an_edit_and_in_a_document() -> None:
    """``complete_task(on=...)`` before the plan starts is refused, as the same
    ``done_on`` in a document is, with the same path and message."""
    early = date(2025, 1, 9)
    edit = assert_rejected(
        lambda: make_plan().complete_task("exam", on=early), "tasks[2].started_on"
    )
    document = careerkit.to_dict(make_plan())
    document["tasks"][2].update(status="done", started_on="2025-01-09", done_on="2025-01-09")
    with pytest.raises(ValidationError) as read:
        careerkit.from_dict(document)

    assert [str(problem) for problem in edit.problems] == [
        str(problem) for problem in read.value.problems
    ]
    assert "tasks[2].done_on: 2025-01-09 is before the plan starts" in str(edit)
    assert_rejected(lambda: make_plan().start_task("exam", on=early), "tasks[2].started_on")


def test_an_achieved_goal_is_not_achieved_before_the_plan_starts() -> None:
    """A goal without a start of its own is not achieved before the plan starts."""
    assert_rejected(
        lambda: make_plan().update_goal(
            "consult", status=GoalStatus.ACHIEVED, achieved_on=date(2025, 12, 31)
        ),
        "goals[3].achieved_on",
        "before the plan starts",
    )


@pytest.mark.parametrize(
    ("edit", "path", "problem"),
    [
        (lambda plan: plan.add_goal({"id": "g"}), "goal", "expected Goal, got dict"),
        (lambda plan: plan.add_task("t"), "task", "expected Task, got str"),
        (lambda plan: plan.add_check_in(None), "check_in", "expected CheckIn, got NoneType"),
        (
            lambda plan: plan.record_measurement("cert", 45),
            "measurement",
            "expected Measurement, got int",
        ),
        (lambda plan: plan.record_measurement(7, None), "goal_id", "expected an id string"),
        (lambda plan: plan.update_goal(b"cert", weight=2), "id", "expected an id string"),
        (lambda plan: plan.update_task(None, effort=2), "id", "expected an id string"),
        (lambda plan: plan.remove_goal(["cert"]), "id", "expected an id string"),
        (lambda plan: plan.remove_task(1.5), "id", "expected an id string"),
        (
            lambda plan: plan.start_task("exam", on=datetime(2026, 3, 2, 9)),
            "on",
            "expected a date, got datetime",
        ),
        (
            lambda plan: plan.start_task("exam", on="2026-03-02"),
            "on",
            "expected a date, got a string",
        ),
        (
            lambda plan: plan.complete_task("exam", on=None),
            "on",
            "expected a date, got null",
        ),
        (
            lambda plan: plan.complete_task("exam", on=date(9999, 12, 31)),
            "on",
            "outside the supported dates",
        ),
        (
            lambda plan: plan.complete_task("exam", on=date(2026, 3, 2), hours_spent="3"),
            "hours_spent",
            "expected a number, got a string",
        ),
    ],
)
def test_edits_refuse_wrong_arguments_by_name(
    edit: Callable[[Plan], object], path: str, problem: str
) -> None:
    """Every edit refuses an argument of the wrong type with a ValidationError naming it."""
    assert_rejected(lambda: edit(make_plan()), path, problem)


def test_removing_work_that_career_parts_refer_to_names_them() -> None:
    """A goal a contact serves, or a task an option's exploration is carried out by,
    cannot be removed until the reference goes: the error names who refers to it."""
    from careerkit import CareerOption, Contact, Exploration, ExplorationKind

    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 1, 5),
        goals=[Goal(id="network", title="Grow the network")],
        tasks=[Task(id="coffee", goal="network", title="Coffee with a lead")],
        contacts=[Contact(id="peer-1", goals=["network"])],
        options=[
            CareerOption(
                id="agency",
                title="Agency work",
                explorations=[
                    Exploration(kind=ExplorationKind.COURSE, title="A course", task="coffee")
                ],
            )
        ],
    )

    with pytest.raises(ValidationError) as goal_error:
        plan.remove_goal("network")
    with pytest.raises(ValidationError) as task_error:
        plan.remove_task("coffee")

    assert "contact 'peer-1' (goals)" in goal_error.value.problem
    assert "goals[0]" == goal_error.value.path
    assert "task 'coffee' is still referred to by option 'agency' (explorations)" == (
        task_error.value.problem
    )
