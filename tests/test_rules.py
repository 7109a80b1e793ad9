"""Tests for careerkit.model.rules: each rule's quick test agrees with its report.

Each model class checks its fields against one rule table
(``careerkit.model.rules``). Every rule's quick test must agree with its
detailed report, and a table's check of a whole value (types first, at once)
must report what checking each field with its rule reports. Reading builds
every value through its own class; the plan's index agrees with the detailed
whole-plan checks.
"""

from __future__ import annotations

import inspect
import re
from datetime import date, datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit
from careerkit import Dependency, Goal, Plan, Status, Task, ValidationError
from careerkit.errors import Problem
from careerkit.model import goal, plan, rules, task, values
from careerkit.model.rules import MAX_DURATION, MAX_TEXT

from .strategies import deterministic, plans


class _Text(str):
    """A string subclass: the model takes exact strings only."""


TABLES = {
    "Task": task._FIELDS,
    "Goal": goal._FIELDS,
    "Plan": plan._FIELDS,
    "Profile": values._PROFILE_FIELDS,
    "Calendar": values._CALENDAR_FIELDS,
    "Metric": values._METRIC_FIELDS,
    "Measurement": values._MEASUREMENT_FIELDS,
    "CheckIn": values._CHECK_IN_FIELDS,
    "Dependency": values._DEPENDENCY_FIELDS,
}
RULES = sorted(
    {(f"{name}.{field}", rule) for name, table in TABLES.items() for field, rule in table.rules},
    key=lambda item: item[0],
)


# -- every rule's quick test agrees with its report ---------------------------

_IDS = ["a", "t", "task-1", "x" * 128, "x" * 129, "", "-a", "a b", "a\nb", 1, None, _Text("a")]
_TITLES = ["T", " ", "", "x" * MAX_TEXT, "x" * (MAX_TEXT + 1), 5, _Text("T")]
_AMOUNTS = [0, 0.0, 2.5, 1e15, 1e16, -0.5, float("nan"), float("inf"), True, "1"]
_DATES = [None, date(2026, 1, 5), date(2026, 1, 10), datetime(2026, 1, 7), "2026-01-05"]
_DEPENDENCIES = [
    (),
    ("a",),
    ("b", "c"),
    ("b", "b"),
    ("t",),
    ("a\nb",),
    ("",),
    (1,),
    ["b"],
    (Dependency(task="b", link=careerkit.Link.START_TO_START),),
    "b",
]


@st.composite
def _unchecked_tasks(draw: st.DrawFn) -> Task:
    """A task whose fields come from valid and invalid values, built without checks."""
    values = {
        "id": draw(st.sampled_from(_IDS)),
        "goal": draw(st.sampled_from(_IDS)),
        "title": draw(st.sampled_from(_TITLES)),
        "duration": draw(st.sampled_from([0, 1, MAX_DURATION, MAX_DURATION + 1, -1, 1.0, True])),
        "effort": draw(st.sampled_from(_AMOUNTS)),
        "cost": draw(st.sampled_from([None, *_AMOUNTS])),
        "depends_on": draw(st.sampled_from(_DEPENDENCIES)),
        "optimistic": draw(st.sampled_from([None, 0, 1, 2])),
        "pessimistic": draw(st.sampled_from([None, 0, 1, 2])),
        "not_before": draw(st.sampled_from(_DATES)),
        "due": draw(st.sampled_from(_DATES)),
        "recurrence": draw(st.sampled_from([None, "FREQ=WEEKLY", "nonsense"])),
        "status": draw(st.sampled_from([*Status, "todo"])),
        "started_on": draw(st.sampled_from(_DATES)),
        "done_on": draw(st.sampled_from(_DATES)),
        "percent_complete": draw(st.sampled_from([None, 0, 0.0, 50, 100, 100.0, 101, -1, True])),
        "hours_spent": draw(st.sampled_from(_AMOUNTS)),
        "done_occurrences": draw(
            st.sampled_from([(), (date(2026, 1, 8),), (date(2026, 1, 8), "x"), [date(2026, 1, 8)]])
        ),
        "notes": draw(st.sampled_from(["", "n", "x" * (MAX_TEXT + 1), None])),
        "builds": draw(
            st.sampled_from(
                [
                    (),
                    (careerkit.SkillGain(skill="seo"),),
                    ("seo",),
                    [careerkit.SkillGain(skill="a")],
                ]
            )
        ),
    }
    unchecked = object.__new__(Task)  # the checks are what these tests test
    for name, value in values.items():
        object.__setattr__(unchecked, name, value)
    return unchecked


_VALUES = [
    *_IDS,
    *_TITLES,
    *_AMOUNTS,
    *_DATES,
    *_DEPENDENCIES,
    None,
    -1,
    5,
    101,
    24,
    24.5,
    *Status,
    *careerkit.Weekday,
    careerkit.Link.START_TO_START,
    "FREQ=WEEKLY",
    "FREQ=HOURLY",
    "nonsense",
    ("growth", "growth"),
    ("growth", " "),
    (careerkit.Weekday.MONDAY,),
    (date(2026, 1, 5), datetime(2026, 1, 6)),
    (date(2026, 1, 5), date(9500, 1, 1)),
    (date(2026, 1, 5), date(2026, 1, 5), date(1, 1, 1)),
    (date(2026, 1, 5), "2026-01-06"),
    {"a": "b"},
    {"a": 1},
    {1: "b"},
    careerkit.Profile(),
    careerkit.Calendar(),
    careerkit.Metric(name="m", baseline=0, target=1),
    (careerkit.Measurement(on=date(2026, 1, 5), value=1),),
]


@pytest.mark.parametrize(("where", "rule"), RULES, ids=[where for where, _ in RULES])
def test_each_rule_accepts_exactly_what_it_does_not_report(where: str, rule: rules.Rule) -> None:
    """A rule's quick test, as compiled from its expression, is true exactly when its
    report finds nothing wrong."""
    names = rules._Names()
    quick = eval(f"lambda value: {rule.test('value', names)}", names.namespace)
    for value in _VALUES:
        reported: list[Problem] = []
        rule.report(reported, where, value)
        assert rule.accepts(value) == (not reported), (where, value, reported)
        assert rule.accepts(value) == quick(value), (where, value)


def _each_field(table: rules.Fields, value: object) -> list[Problem]:
    found: list[Problem] = []
    for name, rule in table.rules:
        rule.check(found, name, getattr(value, name))
    return found


@deterministic
@given(_unchecked_tasks())
def test_the_table_check_reports_what_each_rule_reports(task_value: Task) -> None:
    """Checking a task's fields at once finds what checking them one by one finds."""
    found: list[Problem] = []
    task._FIELDS.check(found, task_value)
    assert _each_field(task._FIELDS, task_value) == found


def test_the_compiled_quick_test_shows_its_source() -> None:
    """The quick test a table compiles keeps its source, as attrs' own methods do."""
    source = inspect.getsource(task._FIELDS._quick_test)

    assert source.startswith("def quick_test(value")
    assert source.count("\n        and ") == len(task._FIELDS.rules) - 1


def test_the_compiled_quick_test_takes_the_value_alone() -> None:
    """The objects a table's quick test refers to are its globals, not keyword defaults
    that every call would copy into its frame."""
    quick_test = task._FIELDS._quick_test

    assert ["value"] == list(inspect.signature(quick_test).parameters)
    assert quick_test.__kwdefaults__ is None


def test_read_values_are_of_their_own_classes() -> None:
    """Reading builds plans, goals and tasks of the model's own classes, nothing else."""
    read = careerkit.loads(
        '{"schema_version": 2, "id": "p", "owner": "A", "start": "2026-01-05",'
        ' "goals": [{"id": "g", "title": "G", "deadline": "2026-06-01"}],'
        ' "tasks": [{"id": "t", "goal": "g", "title": "T"}]}'
    )
    assert type(read) is Plan
    assert [type(item) for item in read.goals] == [Goal]
    assert [type(item) for item in read.tasks] == [Task]
    assert [] == Plan.__subclasses__()


def test_the_status_rules() -> None:
    """Each status allows its own dates and percentages, and no others."""
    start, later = date(2026, 1, 5), date(2026, 1, 9)
    accepted = [
        {},
        {"percent_complete": 0},
        {"status": Status.IN_PROGRESS, "started_on": start, "percent_complete": 40},
        {"status": Status.DONE, "done_on": later},
        {"status": Status.DONE, "started_on": start, "done_on": later, "percent_complete": 100},
        {"status": Status.DROPPED, "started_on": start},
        {"not_before": start, "due": later},
    ]
    for changes in accepted:
        assert (
            changes.get("status", Status.TODO)
            == Task(id="t", goal="g", title="T", **changes).status
        )
    refused = [
        {"started_on": start},
        {"done_on": later},
        {"percent_complete": 10},
        {"status": Status.IN_PROGRESS},
        {"status": Status.IN_PROGRESS, "started_on": start, "done_on": later},
        {"status": Status.DONE},
        {"status": Status.DONE, "done_on": later, "percent_complete": 90},
        {"status": Status.DONE, "started_on": later, "done_on": start},
        {"status": Status.DROPPED, "started_on": later, "done_on": start},
        {"not_before": later, "due": start},
    ]
    for changes in refused:
        with pytest.raises(ValidationError):
            Task(id="t", goal="g", title="T", **changes)


# -- the plan index -------------------------------------------------------------


def _plan(*task_list: Task) -> Plan:
    goal = Goal(id="g", title="G", deadline=date(2027, 1, 1))
    return Plan(id="p", owner="A", start=date(2026, 1, 5), goals=[goal], tasks=list(task_list))


@deterministic
@given(plans())
def test_plan_index_matches_the_tasks_in_any_order(plan: Plan) -> None:
    for order in (plan.tasks, plan.tasks[::-1]):
        shuffled = attrs.evolve(plan, tasks=order)
        assert [shuffled.task(task.id) for task in order] == list(order)


def test_tasks_may_depend_on_later_tasks() -> None:
    plan = _plan(
        Task(id="b", goal="g", title="B", depends_on=["a"]),
        Task(id="a", goal="g", title="A"),
        Task(id="c", goal="g", title="C", depends_on=[Dependency(task="a", lag=2)]),
    )
    assert plan.task("a").title == "A"
    assert plan.task("c").depends_on[0].lag == 2


@pytest.mark.parametrize(
    ("task_list", "message"),
    [
        (
            [Task(id="a", goal="g", title="A"), Task(id="a", goal="g", title="B")],
            "tasks[1].id: duplicate id 'a' (also tasks[0])",
        ),
        (
            [Task(id="a", goal="g", title="A"), Task(id="b", goal="h", title="B")],
            "tasks[1].goal: unknown goal 'h'",
        ),
        (
            [Task(id="a", goal="g", title="A", depends_on=["z"])],
            "tasks[0].depends_on[0]: unknown task 'z'",
        ),
    ],
)
def test_plan_problems_are_still_reported_in_detail(task_list: list[Task], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        _plan(*task_list)


def test_dependency_cycles_are_still_found() -> None:
    with pytest.raises(careerkit.CycleError):
        _plan(
            Task(id="a", goal="g", title="A", depends_on=["b"]),
            Task(id="b", goal="g", title="B", depends_on=["a"]),
        )


@pytest.mark.parametrize("due", ["2026-02-01", datetime(2026, 2, 1), 5])
def test_a_due_date_of_the_wrong_type_is_reported_with_a_not_before(due: object) -> None:
    with pytest.raises(ValidationError, match="due: expected a date"):
        Task(id="t", goal="g", title="T", not_before=date(2026, 1, 1), due=due)  # type: ignore[arg-type]


def test_dependency_ids_must_be_exact_strings() -> None:
    with pytest.raises(ValidationError, match=re.escape("depends_on[0]: expected")):
        Task(id="t", goal="g", title="T", depends_on=[_Text("a")])
