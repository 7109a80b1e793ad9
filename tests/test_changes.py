"""Tests for careerkit.history.changes: diff finds the changes between two plans, apply replays them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from itertools import pairwise
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit
from careerkit import (
    Calendar,
    Change,
    CheckIn,
    Goal,
    Measurement,
    Metric,
    Operation,
    Plan,
    Profile,
    Task,
    ValidationError,
    apply,
    diff,
    to_dict,
)
from careerkit.history.changes import replay, value_at

from .strategies import deterministic, edit_sequences, edited_plans, plans

PLAN = Plan(
    id="ana-2026",
    owner="Ana",
    start=date(2026, 1, 5),
    profile=Profile(values=("growth",)),
    goals=[
        Goal(id="cert", title="Earn the certification", deadline=date(2026, 6, 30)),
        Goal(
            id="network",
            title="Grow the network",
            metric=Metric(name="contacts", baseline=40, target=120),
        ),
    ],
    tasks=[
        Task(id="enrol", goal="cert", title="Enrol in the course", duration=1),
        Task(id="study", goal="cert", title="Study", duration=10, depends_on=("enrol",)),
        Task(id="meetup", goal="network", title="Go to a meetup", duration=1),
    ],
    check_ins=[
        CheckIn(on=date(2026, 2, 2), satisfaction=3),
        CheckIn(on=date(2026, 3, 2), satisfaction=4),
    ],
)
"""A small plan with two goals, three tasks and two check-ins."""

PATH = re.compile(
    r"(?P<collection>goals|tasks)(\[(?P<id>[^\]]+)\](\.(?P<field>[a-z_]+))?)?"
    r"|check_ins\[(?P<position>\d+)\]"
    r"|(?P<nested>profile|calendar)\.[a-z_]+"
    r"|(?P<plan_field>[a-z_]+)"
)
"""The paths a change may have: by id for goals and tasks, by position for check-ins."""


def edits(**kwargs: Any) -> st.SearchStrategy[tuple[Plan, Plan]]:
    """Pairs of a plan and an edit of it."""
    return plans(min_goals=1, **kwargs).flatmap(
        lambda plan: st.tuples(st.just(plan), edited_plans(plan))
    )


# -- properties ---------------------------------------------------------------


@settings(deterministic, max_examples=50)
@given(edits())
def test_apply_replays_diff_of_an_edit(pair: tuple[Plan, Plan]) -> None:
    """Applying the diff of a plan and an edit of it gives the edit, both ways."""
    old, new = pair

    assert new == apply(old, diff(old, new))
    assert old == apply(new, diff(new, old))


@settings(deterministic, max_examples=25)
@given(plans(), plans())
def test_apply_replays_diff_of_unrelated_plans(old: Plan, new: Plan) -> None:
    """Applying the diff of two plans that share nothing gives the second one."""
    assert new == apply(old, diff(old, new))


@settings(deterministic, max_examples=25)
@given(plans())
def test_diff_of_a_plan_with_itself_is_empty(plan: Plan) -> None:
    """A plan does not differ from itself, and applying no changes returns it."""
    assert () == diff(plan, plan)
    assert plan is apply(plan, ())


@settings(deterministic, max_examples=25)
@given(plans())
def test_diff_ignores_identity(plan: Plan) -> None:
    """A plan rebuilt from its JSON (new objects everywhere) does not differ from it."""
    rebuilt = careerkit.loads(careerkit.dumps(plan))

    assert () == diff(plan, rebuilt)
    assert () == diff(rebuilt, plan)


@settings(deterministic, max_examples=25)
@given(
    plans(min_goals=2).flatmap(lambda plan: st.tuples(st.just(plan), st.permutations(plan.goals)))
)
def test_reordering_goals_is_one_change(pair: tuple[Plan, list[Goal]]) -> None:
    """Reordering the goals gives exactly one change of ``goals`` listing the ids."""
    plan, order = pair
    reordered = attrs.evolve(plan, goals=tuple(order))
    before, after = [goal.id for goal in plan.goals], [goal.id for goal in order]
    expected = (
        ()
        if before == after
        else (Change(operation=Operation.CHANGE, path="goals", before=before, after=after),)
    )

    assert expected == diff(plan, reordered)
    assert reordered == apply(plan, diff(plan, reordered))


@settings(deterministic, max_examples=50)
@given(edits())
def test_changes_are_keyed_by_ids(pair: tuple[Plan, Plan]) -> None:
    """Goals and tasks are addressed by id, check-ins by position; values are JSON-ready."""
    old, new = pair
    for change in diff(old, new):
        match = PATH.fullmatch(change.path)
        assert match is not None, change.path
        collection, key = match.group("collection"), match.group("id")
        if collection is not None and key is not None:
            known = {item.id for item in (*getattr(old, collection), *getattr(new, collection))}
            assert key in known
            assert key == change.subject
        else:
            assert change.subject is None
        if match.group("position") is not None:
            assert int(match.group("position")) < max(len(old.check_ins), len(new.check_ins))
        if match.group("plan_field") is not None:
            assert match.group("plan_field") in attrs.fields_dict(Plan)
        values = [change.before, change.after]
        assert values == json.loads(json.dumps(values))


# -- diff by example ----------------------------------------------------------


def test_diff_field_of_a_goal() -> None:
    """A changed field of a goal is one change, by id, with JSON values on both sides."""
    new = PLAN.update_goal("cert", deadline=date(2026, 9, 30))

    assert (
        Change(
            operation=Operation.CHANGE,
            path="goals[cert].deadline",
            before="2026-06-30",
            after="2026-09-30",
        ),
    ) == diff(PLAN, new)


def test_diff_field_from_and_to_its_default() -> None:
    """Setting a field that was at its default is an addition; resetting it is a removal."""
    new = PLAN.update_task("meetup", notes="Bring cards")

    assert (
        Change(operation=Operation.ADD, path="tasks[meetup].notes", after="Bring cards"),
    ) == diff(PLAN, new)
    assert (
        Change(operation=Operation.REMOVE, path="tasks[meetup].notes", before="Bring cards"),
    ) == diff(new, PLAN)


def test_diff_added_and_removed_tasks() -> None:
    """Whole tasks are added and removed by id, with their JSON form."""
    new = PLAN.remove_task("meetup").add_task(Task(id="exam", goal="cert", title="Sit the exam"))

    assert (
        Change(
            operation=Operation.REMOVE,
            path="tasks[meetup]",
            before={"id": "meetup", "goal": "network", "title": "Go to a meetup"},
        ),
        Change(
            operation=Operation.ADD,
            path="tasks[exam]",
            after={"id": "exam", "goal": "cert", "title": "Sit the exam"},
        ),
    ) == diff(PLAN, new)


def test_diff_reorder_and_edit() -> None:
    """Reordering and editing goals gives the field change by id, then the order."""
    new = attrs.evolve(PLAN, goals=PLAN.goals[::-1]).update_goal("network", title="Meet people")

    assert (
        Change(
            operation=Operation.CHANGE,
            path="goals[network].title",
            before="Grow the network",
            after="Meet people",
        ),
        Change(
            operation=Operation.CHANGE,
            path="goals",
            before=["cert", "network"],
            after=["network", "cert"],
        ),
    ) == diff(PLAN, new)


def test_diff_inserted_task_lists_the_new_order() -> None:
    """A task inserted before others is an addition, then the order with it in place."""
    new = attrs.evolve(PLAN, tasks=(Task(id="read", goal="cert", title="Read"), *PLAN.tasks))

    assert (
        Change(
            operation=Operation.ADD,
            path="tasks[read]",
            after={"id": "read", "goal": "cert", "title": "Read"},
        ),
        Change(
            operation=Operation.CHANGE,
            path="tasks",
            before=["enrol", "study", "meetup", "read"],
            after=["read", "enrol", "study", "meetup"],
        ),
    ) == diff(PLAN, new)
    assert new == apply(PLAN, diff(PLAN, new))


def test_diff_check_ins_by_position() -> None:
    """Check-ins are compared by position: removals from the end, additions, then changes."""
    first = CheckIn(on=date(2026, 2, 2), satisfaction=5)
    fewer = attrs.evolve(PLAN, check_ins=(first,))
    more = PLAN.add_check_in(CheckIn(on=date(2026, 4, 6), satisfaction=2))

    assert (
        Change(
            operation=Operation.REMOVE,
            path="check_ins[1]",
            before={"on": "2026-03-02", "satisfaction": 4},
        ),
        Change(
            operation=Operation.CHANGE,
            path="check_ins[0]",
            before={"on": "2026-02-02", "satisfaction": 3},
            after={"on": "2026-02-02", "satisfaction": 5},
        ),
    ) == diff(PLAN, fewer)
    assert (
        Change(
            operation=Operation.ADD,
            path="check_ins[2]",
            after={"on": "2026-04-06", "satisfaction": 2},
        ),
    ) == diff(PLAN, more)
    removed_two = attrs.evolve(PLAN, check_ins=())
    assert ["check_ins[1]", "check_ins[0]"] == [c.path for c in diff(PLAN, removed_two)]
    assert removed_two == apply(PLAN, diff(PLAN, removed_two))


def test_diff_plan_fields_and_nested_values() -> None:
    """Plan fields change by name; calendar and profile change field by field.

    A field that leaves an empty default is added; one that leaves a default
    with a meaning (8 hours a day) changes from it.
    """
    new = attrs.evolve(
        PLAN,
        vision="Marketing director",
        weekly_capacity=6,
        calendar=Calendar(hours_per_day=7.5),
        profile=Profile(values=("growth",), strengths=("writing",)),
    )

    assert (
        Change(operation=Operation.ADD, path="vision", after="Marketing director"),
        Change(operation=Operation.ADD, path="profile.strengths", after=["writing"]),
        Change(operation=Operation.CHANGE, path="calendar.hours_per_day", before=8.0, after=7.5),
        Change(operation=Operation.CHANGE, path="weekly_capacity", before=10.0, after=6),
    ) == diff(PLAN, new)
    assert new == apply(PLAN, diff(PLAN, new))
    assert (Change(operation=Operation.CHANGE, path="weekly_capacity", before=6, after=4),) == diff(
        new, attrs.evolve(new, weekly_capacity=4)
    )


def test_apply_keeps_untouched_goals_and_tasks() -> None:
    """Goals and tasks the changes do not touch are the same objects as before."""
    new = apply(PLAN, diff(PLAN, PLAN.update_task("study", duration=12)))

    assert PLAN.goals == new.goals
    assert all(a is b for a, b in zip(PLAN.goals, new.goals, strict=True))
    assert PLAN.task("enrol") is new.task("enrol")
    assert 12 == new.task("study").duration


# -- Change and Operation ------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "subject"),
    [
        ("goals[cert].deadline", "cert"),
        ("tasks[enrol]", "enrol"),
        ("tasks[a.b:c-d_e].title", "a.b:c-d_e"),
        ("goals", None),
        ("check_ins[2]", None),
        ("calendar.holidays", None),
        ("vision", None),
    ],
)
def test_change_subject(path: str, subject: str | None) -> None:
    """The subject is the id of the goal or task a change is about, else None."""
    assert subject == Change(operation=Operation.CHANGE, path=path).subject


def test_change_str() -> None:
    """A change reads as its path, then what was added, removed or changed."""
    added = Change(
        operation=Operation.ADD,
        path="tasks[exam]",
        after={"id": "exam", "goal": "cert", "title": "Sit the exam"},
    )
    removed = Change(operation=Operation.REMOVE, path="budget", before=500)
    changed = Change(
        operation=Operation.CHANGE,
        path="goals[cert].deadline",
        before="2026-06-30",
        after="2026-09-30",
    )

    assert "tasks[exam]: added 'Sit the exam'" == str(added)
    assert "budget: removed 500" == str(removed)
    assert "goals[cert].deadline: '2026-06-30' -> '2026-09-30'" == str(changed)


def test_change_str_shortens_long_values() -> None:
    """Long text is cut to about 80 characters, ending in an ellipsis inside its quotes."""
    change = Change(operation=Operation.ADD, path="vision", after="x" * 200)
    quoted = Change(operation=Operation.ADD, path="vision", after="it's " * 40)

    assert "vision: added '" + "x" * 75 + "...'" == str(change)
    assert str(quoted).endswith('..."')
    assert 2 == str(quoted).count('"')


def test_diff_reads_as_a_person_would_say_it() -> None:
    """A status moves from its default, a measurement is one item, a task reads as its title."""
    goal = Goal(
        id="score",
        title="Raise the score",
        metric=Metric(name="score", unit="%", baseline=0, target=80),
        measurements=(Measurement(on=date(2026, 2, 1), value=40),),
    )
    old = PLAN.add_goal(goal)
    new = (
        old.complete_task("enrol", on=date(2026, 1, 9))
        .record_measurement("score", Measurement(on=date(2026, 3, 2), value=55))
        .remove_task("meetup")
        .update_goal("network", description="long " * 30)
    )

    lines = [str(change) for change in diff(old, new)]

    assert [
        "goals[network].description: added '" + ("long " * 15)[:75] + "...'",
        "goals[score].measurements: added {on: '2026-03-02', value: 55}",
        "tasks[meetup]: removed 'Go to a meetup'",
        "tasks[enrol].status: 'todo' -> 'done'",
        "tasks[enrol].started_on: added '2026-01-09'",
        "tasks[enrol].done_on: added '2026-01-09'",
    ] == lines


def test_change_str_of_objects_lists_the_fields_that_changed() -> None:
    """An object that changed as a whole reads as its changed fields."""
    change = Change(
        operation=Operation.CHANGE,
        path="goals[cert].metric",
        before={"name": "score", "unit": "%", "target": 80},
        after={"name": "score", "unit": "%", "target": 90},
    )

    assert "goals[cert].metric: target 80 -> 90" == str(change)


def test_operation_values() -> None:
    """Operations are stored by their values."""
    assert [Operation.ADD, Operation.REMOVE, Operation.CHANGE] == [
        Operation(value) for value in ("add", "remove", "change")
    ]


# -- apply errors ---------------------------------------------------------------

NEW_CHECK_IN = {"on": "2026-04-06", "satisfaction": 2}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (Change(operation=Operation.CHANGE, path="Goals!", after=1), "not a path: 'Goals!'"),
        (
            Change(operation=Operation.CHANGE, path="nothing", after=1),
            "no such place in a plan: 'nothing'",
        ),
        (
            Change(operation=Operation.CHANGE, path="vision[2]", after="x"),
            "no such place in a plan: 'vision[2]'",
        ),
        (
            Change(operation=Operation.CHANGE, path="check_ins[0].on", after="2026-02-03"),
            "no such place in a plan: 'check_ins[0].on'",
        ),
        (
            Change(operation=Operation.CHANGE, path="goals[nope].title", before="A", after="B"),
            "no item 'nope'",
        ),
        (
            Change(
                operation=Operation.ADD,
                path="goals[cert]",
                after={"id": "cert", "title": "Again"},
            ),
            "'cert' already exists",
        ),
        (
            Change(operation=Operation.REMOVE, path="tasks[nope]", before={}),
            "no item 'nope'",
        ),
        (
            Change(operation=Operation.ADD, path="check_ins[5]", after=NEW_CHECK_IN),
            "position 5 does not fit 2 items",
        ),
        (
            Change(operation=Operation.REMOVE, path="check_ins[0]", before=NEW_CHECK_IN),
            "position 0 does not fit 2 items",
        ),
        (
            Change(operation=Operation.CHANGE, path="check_ins[first]", after=NEW_CHECK_IN),
            "expected a position: 'first'",
        ),
    ],
)
def test_apply_rejects_a_path_that_does_not_fit(change: Change, problem: str) -> None:
    """A change whose path names nothing in the plan is rejected, naming the change."""
    with pytest.raises(ValidationError) as info:
        apply(PLAN, [Change(operation=Operation.ADD, path="vision", after="Lead"), change])

    assert "changes[1].path" == info.value.path
    assert problem == info.value.problem


def test_apply_rejects_an_order_of_other_ids() -> None:
    """An order that does not list exactly the goals' ids is rejected."""
    change = Change(
        operation=Operation.CHANGE, path="goals", before=["cert", "network"], after=["cert"]
    )

    with pytest.raises(ValidationError) as info:
        apply(PLAN, [change])

    assert "changes[0].after" == info.value.path
    assert "the order does not list the same ids" == info.value.problem


def test_apply_rejects_a_result_that_is_not_a_valid_plan() -> None:
    """Changes that each fit but make an invalid plan together raise ValidationError."""
    change = Change(
        operation=Operation.REMOVE,
        path="tasks[enrol]",
        before={"id": "enrol", "goal": "cert", "title": "Enrol in the course"},
    )

    with pytest.raises(ValidationError) as info:
        apply(PLAN, [change])

    assert "unknown task 'enrol'" in str(info.value)


@pytest.mark.parametrize(
    "change",
    [
        Change(operation=Operation.CHANGE, path="goals[nope]", after={"id": "nope", "title": "N"}),
        Change(
            operation=Operation.CHANGE,
            path="tasks[nope]",
            after={"id": "nope", "goal": "cert", "title": "N"},
        ),
        Change(operation=Operation.ADD, path="goals[new]", after={"id": "other", "title": "N"}),
        Change(operation=Operation.CHANGE, path="goals[cert].no_such_field", after=1),
        Change(operation=Operation.CHANGE, path="profile.no_such_field", after=["x"]),
    ],
    ids=[
        "change-unknown-goal",
        "change-unknown-task",
        "add-other-id",
        "goal-field",
        "profile-field",
    ],
)
def test_apply_rejects_a_path_naming_nothing(change: Change) -> None:
    """A change of a goal, task or field that does not exist is rejected, naming the change."""
    with pytest.raises(ValidationError) as info:
        apply(PLAN, [change])

    assert info.value.path.startswith("changes[0]"), info.value.path


@pytest.mark.parametrize(
    "change",
    [
        Change(operation=Operation.ADD, path="goals[new]", after=None),
        Change(operation=Operation.ADD, path="goals[new]", after="a goal"),
        Change(operation=Operation.CHANGE, path="goals", after=None),
        Change(operation=Operation.CHANGE, path="start", after="someday"),
        Change(operation=Operation.ADD, path="check_ins[2]", after=None),
    ],
    ids=["goal-none", "goal-text", "order-none", "plan-date", "check-in-none"],
)
def test_apply_rejects_a_malformed_value(change: Change) -> None:
    """A value of the wrong shape is a ValidationError, never another exception."""
    with pytest.raises(ValidationError):
        apply(PLAN, [change])


@pytest.mark.parametrize(
    "change",
    [
        Change(operation=Operation.ADD, path="goals[new]", after={"id": "new"}),
        Change(
            operation=Operation.CHANGE,
            path="goals[cert].deadline",
            before="2026-06-30",
            after="someday",
        ),
        Change(operation=Operation.CHANGE, path="tasks[study].duration", before=10, after=-1),
        Change(operation=Operation.CHANGE, path="weekly_capacity", before=10.0, after="lots"),
        Change(operation=Operation.ADD, path="check_ins[2]", after={"on": "2026-04-06"}),
    ],
    ids=["goal-without-title", "goal-field", "task-field", "plan-field", "check-in"],
)
def test_apply_reports_a_bad_value_under_its_change(change: Change) -> None:
    """A value that is not valid where it goes is reported under the change's value."""
    with pytest.raises(ValidationError) as info:
        apply(PLAN, [change])

    assert info.value.path.startswith("changes[0].after"), info.value.path


# -- replay: sets of changes in a row ---------------------------------------------------


@settings(deterministic, max_examples=40)
@given(edit_sequences(min_size=1, max_size=5))
def test_replay_of_successive_diffs_ends_at_the_last_plan(sequence: tuple[Plan, ...]) -> None:
    """Replaying the diffs of plans that follow one another gives the last plan."""
    sets = [diff(old, new) for old, new in pairwise(sequence)]

    assert sequence[-1] == replay(sequence[0], sets)
    assert sequence[0] is replay(sequence[0], [])


def test_replay_checks_each_set_against_the_sets_before() -> None:
    """A change that fits the first plan but not the one the sets before it left is refused."""
    removed = PLAN.remove_task("meetup")
    renamed = Change(
        operation=Operation.CHANGE,
        path="tasks[meetup].title",
        before="Go to a meetup",
        after="Go to two meetups",
    )

    with pytest.raises(ValidationError) as info:
        replay(PLAN, [diff(PLAN, removed), [renamed]])

    assert ("[1].changes[0].path", "no item 'meetup'") == (info.value.path, info.value.problem)


def test_replay_checks_each_changed_value_when_its_set_is_applied() -> None:
    """A task made invalid by one set and mended by the next is refused all the same."""
    broken = Change(operation=Operation.CHANGE, path="tasks[study].duration", before=10, after=-1)
    mended = Change(operation=Operation.CHANGE, path="tasks[study].duration", before=-1, after=10)

    with pytest.raises(ValidationError) as info:
        replay(PLAN, [[broken], [mended]])

    assert info.value.path.startswith("[0].changes[0].after"), info.value.path


def test_replay_keeps_untouched_goals_and_tasks() -> None:
    """Goals and tasks no set touches are the same objects as in the first plan."""
    first = PLAN.update_goal("cert", deadline=date(2026, 9, 30))
    second = first.update_goal("cert", title="Pass the exam")

    result = replay(PLAN, [diff(PLAN, first), diff(first, second)])

    assert second == result
    assert PLAN.goals[1] is result.goals[1]
    assert all(old is new for old, new in zip(PLAN.tasks, result.tasks, strict=True))


# -- apply checks what each change replaces -------------------------------------------


def test_apply_refuses_a_stale_change() -> None:
    """A change whose ``before`` is not the plan's value names the path and both values."""
    moved = PLAN.update_goal("cert", deadline=date(2027, 6, 30))
    stale = Change(
        operation=Operation.CHANGE,
        path="goals[cert].deadline",
        before="2026-06-30",
        after="2026-12-30",
    )

    with pytest.raises(ValidationError) as info:
        apply(moved, [stale])

    assert "changes[0].before" == info.value.path
    assert info.value.problem.startswith(
        "goals[cert].deadline is '2027-06-30' in the plan, not '2026-06-30'"
    )


@pytest.mark.parametrize(
    "edit",
    [
        lambda plan: plan.update_goal("cert", deadline=date(2026, 9, 30)),
        lambda plan: plan.update_task("meetup", notes="Bring cards"),
        lambda plan: plan.complete_task("enrol", on=date(2026, 1, 9)),
        lambda plan: plan.remove_task("meetup"),
        lambda plan: plan.add_task(Task(id="exam", goal="cert", title="Sit the exam")),
        lambda plan: plan.add_check_in(CheckIn(on=date(2026, 4, 6), satisfaction=3)),
        lambda plan: attrs.evolve(plan, check_ins=plan.check_ins[:1]),
        lambda plan: attrs.evolve(plan, vision="Lead", weekly_capacity=6),
        lambda plan: attrs.evolve(plan, calendar=Calendar(hours_per_day=7.5)),
        lambda plan: attrs.evolve(plan, goals=plan.goals[::-1]),
    ],
    ids=[
        "field",
        "added-field",
        "status",
        "removed-task",
        "added-task",
        "added-check-in",
        "removed-check-in",
        "plan-fields",
        "nested",
        "order",
    ],
)
def test_applying_changes_twice_is_refused(edit: Any) -> None:
    """Changes applied to the plan they made are refused, never applied again silently."""
    new = edit(PLAN)
    changes = diff(PLAN, new)

    assert new == apply(PLAN, changes)
    with pytest.raises(ValidationError) as info:
        apply(new, changes)
    assert info.value.path.startswith("changes[0]"), info.value.path


@pytest.mark.parametrize("before", [float("nan"), True, "2026-06-30T00:00:00", ["2026-06-30"]])
def test_apply_compares_before_values_exactly(before: Any) -> None:
    """NaN matches nothing, ``True`` is not 1, and a value is not a list holding it."""
    change = Change(
        operation=Operation.CHANGE, path="goals[cert].deadline", before=before, after="2026-09-30"
    )

    with pytest.raises(ValidationError) as info:
        apply(PLAN, [change])

    assert "changes[0].before" == info.value.path


def test_an_old_addition_of_a_default_field_still_applies() -> None:
    """Changes that added a field with a default (``status``), as once stored, still apply."""
    changes = [
        Change(operation=Operation.ADD, path="tasks[enrol].status", after="in_progress"),
        Change(operation=Operation.ADD, path="tasks[enrol].started_on", after="2026-01-06"),
    ]

    assert "in_progress" == apply(PLAN, changes).task("enrol").status.value


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"operation": None, "path": "vision"}, "operation"),
        ({"operation": "add", "path": "vision"}, "operation"),
        ({"operation": Operation.ADD, "path": None}, "path"),
        ({"operation": Operation.ADD, "path": "vision", "before": "x", "after": "y"}, "before"),
        ({"operation": Operation.REMOVE, "path": "vision", "before": "x", "after": "y"}, "after"),
    ],
)
def test_change_refuses_what_is_not_a_change(fields: dict[str, Any], path: str) -> None:
    """A change without an operation, or an addition with a ``before``, is refused."""
    with pytest.raises(ValidationError) as info:
        Change(**fields)

    assert path == info.value.path


# -- arguments ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: diff(None, PLAN), "old"),
        (lambda: diff(PLAN, to_dict(PLAN)), "new"),
        (lambda: apply("plan", []), "plan"),
        (lambda: apply(PLAN, "vision"), "changes"),
        (lambda: apply(PLAN, None), "changes"),
        (lambda: apply(PLAN, [{"operation": "add", "path": "vision", "after": "x"}]), "changes[0]"),
        (lambda: replay(None, []), "plan"),
        (lambda: replay(PLAN, 3), "change_sets"),
        (lambda: replay(PLAN, [[], "x"]), "[1].changes"),
        (lambda: replay(PLAN, [[], [None]]), "[1].changes[0]"),
        (lambda: value_at(PLAN, 3), "path"),
        (lambda: value_at(None, "vision"), "plan"),
    ],
)
def test_functions_refuse_arguments_of_the_wrong_type(call: Any, path: str) -> None:
    """A wrong argument is a ValidationError naming it, never a foreign exception."""
    with pytest.raises(ValidationError) as info:
        call()

    assert path == info.value.path


def test_apply_sets_a_plan_field_in_a_fresh_interpreter() -> None:
    """A plan field's type is resolved by apply itself, not by whatever was imported before."""
    code = (
        "from datetime import date\n"
        "import careerkit as ck\n"
        "p = ck.Plan(id='p', owner='o', start=date(2026, 1, 5))\n"
        "change = ck.Change(operation=ck.Operation.ADD, path='vision', after='Lead')\n"
        "print(ck.apply(p, [change]).vision)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )

    assert ("Lead\n", 0) == (done.stdout, done.returncode), done.stderr
