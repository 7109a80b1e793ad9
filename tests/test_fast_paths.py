"""Tests for the fast paths of reading and checking plans.

Each fast path must give exactly what the plain path gives: records built
without attrs' ``__init__`` equal ``cls(**values)``, the quick task test
accepts no task that the detailed checks refuse, and the one-pass plan
index agrees with the detailed checks.
"""

from __future__ import annotations

import copy
import pickle
import re
from datetime import date, datetime
from typing import Any

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given
from hypothesis import strategies as st

import careerkit
from careerkit import Dependency, Goal, Plan, Status, Task, ValidationError
from careerkit.io._assemble import assembler
from careerkit.model.rules import MAX_DURATION, MAX_TEXT

from .strategies import deterministic, plans, tasks


class _Text(str):
    """A string subclass: the model takes exact strings only."""


class _Unexpected(Exception):
    """Raised by a test conversion; not one of the expected errors."""


def _no_fallback(value: Any) -> Any:
    raise AssertionError(f"fell back for {value!r}")


def _fallback(value: Any) -> str:
    return "fallback"


def _build(cls: type, conversions: dict[str, Any] | None = None, **values: Any) -> Any:
    build = assembler(cls, conversions or {}, otherwise=_fallback, expected=(KeyError, ValueError))
    return build(values)


# -- records built without __init__ ------------------------------------------


@deterministic
@given(tasks(earlier=("a", "b", "c")))
def test_assembled_task_equals_the_constructed_one(task: Task) -> None:
    values = {field.name: getattr(task, field.name) for field in attrs.fields(Task)}
    build = assembler(Task, {}, otherwise=_no_fallback, expected=(ValueError,))
    built = build(values)
    assert type(built) is Task
    assert built == task
    assert hash(built) == hash(task)
    assert repr(built) == repr(task)


def test_assembled_values_are_frozen_and_behave_as_constructed_ones() -> None:
    built = _build(Task, id="t", goal="g", title="Draft", depends_on=["a"])
    assert type(built) is Task
    assert built == Task(id="t", goal="g", title="Draft", depends_on=("a",))
    with pytest.raises(FrozenInstanceError):
        built.title = "Other"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del built.title
    assert pickle.loads(pickle.dumps(built)) == built
    assert copy.deepcopy(built) == built
    assert attrs.evolve(built, title="Other").title == "Other"


def test_defaults_and_converters_apply_as_in_the_constructor() -> None:
    built = _build(Plan, id="p", owner="Ana", start=date(2026, 1, 5))
    assert built == Plan(id="p", owner="Ana", start=date(2026, 1, 5))
    assert built.goals == ()
    assert built.metadata == {}
    # A given list goes through the field's converter, as in the constructor.
    task = _build(Task, id="t", goal="g", title="T", depends_on=[Dependency(task="a")])
    assert task.depends_on == ("a",)


def test_factories_give_every_value_its_own_default() -> None:
    @attrs.frozen(kw_only=True)
    class Box:
        items: list[int] = attrs.field(factory=list)
        labels: tuple[str, ...] = attrs.field(default=["x"], converter=tuple)

    first, second = _build(Box), _build(Box)
    assert first == Box() == second
    assert first.items is not second.items
    assert first.labels == ("x",)


def test_conversions_run_before_the_field_converter() -> None:
    seen = []

    def convert(value: str) -> list[str]:
        seen.append(value)
        return value.split(",")

    task = _build(Task, {"depends_on": convert}, id="t", goal="g", title="T", depends_on="a,b")
    assert seen == ["a,b"]
    assert task.depends_on == ("a", "b")


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (["not", "a", "dict"], "not a dict"),
        ({"id": "t", "goal": "g", "title": "T", "colour": "red"}, "unknown field"),
        ({"id": "t", "goal": "g"}, "missing required field"),
        ({"id": "t", "goal": "g", "title": "T", "duration": -1}, "refused by the model"),
    ],
)
def test_anything_else_goes_to_the_fallback(value: Any, why: str) -> None:
    build = assembler(Task, {}, otherwise=_fallback, expected=(KeyError, ValueError))
    assert build(value) == "fallback", why


def test_expected_errors_of_conversions_go_to_the_fallback() -> None:
    def refuse(value: object) -> object:
        raise ValueError("no")

    build = assembler(Task, {"title": refuse}, otherwise=_fallback, expected=(ValueError,))
    assert build({"id": "t", "goal": "g", "title": "T"}) == "fallback"


def test_unexpected_errors_are_not_hidden() -> None:
    def fail(value: object) -> object:
        raise _Unexpected

    build = assembler(Task, {"title": fail}, otherwise=_fallback, expected=(ValueError,))
    with pytest.raises(_Unexpected):
        build({"id": "t", "goal": "g", "title": "T"})


def test_read_values_are_of_their_own_classes() -> None:
    build = assembler(Task, {}, otherwise=_fallback, expected=(ValueError,))
    assert build({"id": "t", "goal": "g", "title": " "}) == "fallback"
    plan = careerkit.loads(
        '{"schema_version": 2, "id": "p", "owner": "A", "start": "2026-01-05",'
        ' "goals": [{"id": "g", "title": "G", "deadline": "2026-06-01"}],'
        ' "tasks": [{"id": "t", "goal": "g", "title": "T"}]}'
    )
    assert type(plan) is Plan
    assert [type(goal) for goal in plan.goals] == [Goal]
    assert [type(task) for task in plan.tasks] == [Task]


@attrs.frozen(kw_only=True, slots=False)
class _Unslotted:
    value: int = 0


@attrs.frozen(kw_only=True)
class _Validated:
    value: int = attrs.field(default=0, validator=attrs.validators.ge(0))


@attrs.frozen(kw_only=True)
class _Aliased:
    _value: int = 0


@attrs.frozen(kw_only=True)
class _SelfFactory:
    value: int = 1
    double: int = attrs.field(default=attrs.Factory(lambda self: self.value * 2, takes_self=True))


@attrs.frozen(kw_only=True, cache_hash=True)
class _CachedHash:
    value: int = 0


@attrs.frozen(kw_only=True)
class _PreInit:
    value: int = 0

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(kw_only=True)
class _Hidden:
    value: int = 0
    hidden: int = attrs.field(init=False, default=7)


@pytest.mark.parametrize(
    ("cls", "values"),
    [
        (_Unslotted, {"value": 1}),
        (_Validated, {"value": 1}),
        (_Aliased, {"_value": 1}),
        (_SelfFactory, {"value": 3}),
        (_CachedHash, {"value": 1}),
        (_PreInit, {"value": 1}),
        (_Hidden, {"value": 1}),
    ],
)
def test_other_classes_are_built_by_calling_them(cls: type, values: dict[str, Any]) -> None:
    build = assembler(cls, {}, otherwise=_no_fallback, expected=(ValueError, TypeError))
    arguments = {name.lstrip("_"): value for name, value in values.items()}
    built = build(values)
    assert type(built) is cls
    assert built == cls(**arguments)
    assert hash(built) == hash(cls(**arguments))


def test_called_classes_still_refuse_bad_values() -> None:
    build = assembler(_Validated, {}, otherwise=_fallback, expected=(ValueError,))
    assert build({"value": -1}) == "fallback"
    assert build({"other": 1}) == "fallback"


# -- the quick task test ------------------------------------------------------

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
        "notes": draw(st.sampled_from(["", "n", "x" * (MAX_TEXT + 1), None])),
    }
    task = object.__new__(Task)
    for name, value in values.items():
        object.__setattr__(task, name, value)
    return task


@deterministic
@given(_unchecked_tasks())
def test_quick_task_test_accepts_only_what_the_checks_accept(task: Task) -> None:
    if task._plainly_valid():
        task._check_fields()  # raises if the quick test let a bad task through


@deterministic
@given(tasks(earlier=("a", "b", "c")))
def test_quick_task_test_takes_common_tasks(task: Task) -> None:
    common = (
        task.optimistic is None
        and task.recurrence is None
        and all(isinstance(item, str) for item in task.depends_on)
    )
    assert task._plainly_valid() == common


def test_quick_task_test_knows_the_status_rules() -> None:
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
        assert Task(id="t", goal="g", title="T", **changes)._plainly_valid(), changes
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


# -- the one-pass plan index --------------------------------------------------


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


def test_no_half_built_value_is_reachable_from_an_error() -> None:
    document = (
        '{"schema_version": 2, "id": "p", "owner": "A", "start": "2026-01-05",'
        ' "goals": [{"id": "g", "title": "G"}],'
        ' "tasks": [{"id": "t", "goal": "g", "title": "T", "status": "bogus"}]}'
    )
    with pytest.raises(ValidationError) as caught:
        careerkit.loads(document)
    error: BaseException | None = caught.value
    seen = []
    while error is not None:
        traceback = error.__traceback__
        while traceback is not None:
            seen += traceback.tb_frame.f_locals.values()
            traceback = traceback.tb_next
        error = error.__cause__ or error.__context__
    assert seen
    assert not [value for value in seen if type(value).__name__.startswith("_Building")]


@attrs.frozen(kw_only=True, init=False)
class _OwnInit:
    value: int

    def __init__(self, value: int) -> None:
        if value < 0:
            raise ValueError("negative")
        self.__attrs_init__(value=value)


def test_classes_with_their_own_init_are_called() -> None:
    build = assembler(_OwnInit, {}, otherwise=_fallback, expected=(ValueError,))
    assert build({"value": 1}) == _OwnInit(1)
    assert build({"value": -1}) == "fallback"


def test_plans_are_built_directly_too() -> None:
    document = careerkit.to_dict(_plan(Task(id="a", goal="g", title="A")))
    plan = careerkit.from_dict(document)
    assert "_BuildingPlan" in [cls.__name__ for cls in Plan.__subclasses__()]
    assert type(plan) is Plan
    assert plan.task("a").title == "A"
    assert plan.goal("g").title == "G"
