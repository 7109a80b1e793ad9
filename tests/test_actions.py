"""Tests for careerkit.planning.actions: which tasks are ready, and how urgent each one is."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import careerkit
from careerkit import (
    Calendar,
    CycleError,
    Dependency,
    Goal,
    Link,
    NextAction,
    Plan,
    Status,
    Task,
    UrgencyPolicy,
    UrgencyTerm,
    ValidationError,
    count_working_days,
    next_actions,
    schedule,
    task_graph,
)

from .strategies import deterministic

MONDAY = date(2026, 11, 23)
PLAN_START = date(2026, 11, 2)  # a Monday three weeks earlier
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"
WEEKLY = "FREQ=WEEKLY"
TERM_NAMES = ("critical", "float", "due", "unblocks", "goal_weight")
FINISHED = (Status.DONE, Status.DROPPED)


def make_plan(goals: list[Goal], tasks: list[Task], **fields: Any) -> Plan:
    """A plan starting on ``PLAN_START`` with these goals and tasks."""
    return Plan(id="p", owner="Ana", start=PLAN_START, goals=goals, tasks=tasks, **fields)


def goal(goal_id: str, **fields: Any) -> Goal:
    """A goal titled after its id."""
    return Goal(id=goal_id, title=f"Reach {goal_id}", **fields)


def task(task_id: str, goal_id: str, **fields: Any) -> Task:
    """A task titled after its id."""
    return Task(id=task_id, goal=goal_id, title=f"Do {task_id}", **fields)


def with_status(status: Status) -> dict[str, Any]:
    """The fields of a task with this status, its dates before ``MONDAY``."""
    if status is Status.IN_PROGRESS:
        return {"status": status, "started_on": PLAN_START}
    if status is Status.DONE:
        return {"status": status, "started_on": PLAN_START, "done_on": PLAN_START}
    return {"status": status}


def ready(plan: Plan, as_of: date = MONDAY) -> list[str]:
    """The ids of the next actions, in their order."""
    return [action.task for action in next_actions(plan, as_of=as_of)]


def terms(action: NextAction) -> dict[str, float]:
    """The values of an action's terms by name."""
    return {term.name: term.value for term in action.terms}


def action_for(plan: Plan, task_id: str, **options: Any) -> NextAction:
    """The next action for one task (it must be ready)."""
    options.setdefault("as_of", MONDAY)
    (found,) = [action for action in next_actions(plan, **options) if action.task == task_id]
    return found


def hand_worked_plan() -> Plan:
    """a (5 days) then c (3 days) in goal g of weight 2; b (1 day) alone in goal h of weight 1.

    Planned from ``MONDAY``: the work takes 8 days, a is critical and b has 7 days of float.
    """
    return Plan(
        id="p",
        owner="Ana",
        start=MONDAY,
        goals=[goal("g", weight=2), goal("h", weight=1)],
        tasks=[
            task("a", "g", duration=5),
            task("b", "h", duration=1),
            task("c", "g", duration=3, depends_on=["a"]),
        ],
    )


# -- readiness -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.TODO, ["t"]),
        (Status.IN_PROGRESS, ["t"]),
        (Status.DONE, []),
        (Status.DROPPED, []),
    ],
)
def test_only_open_tasks_are_ready(status: Status, expected: list[str]) -> None:
    """A task to do or in progress is ready; a finished one is not."""
    plan = make_plan([goal("g")], [task("t", "g", **with_status(status))])

    assert expected == ready(plan)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.TODO, ["before"]),
        (Status.IN_PROGRESS, ["before"]),
        (Status.DONE, ["after"]),
        (Status.DROPPED, ["after"]),
    ],
)
def test_task_waits_for_its_predecessors(status: Status, expected: list[str]) -> None:
    """A task is ready once every task it depends on is done or dropped, whatever the link."""
    plan = make_plan(
        [goal("g")],
        [
            task("before", "g", **with_status(status)),
            task("after", "g", depends_on=[Dependency(task="before", link=Link.START_TO_START)]),
        ],
    )

    assert expected == ready(plan)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.TODO, ["h-work"]),
        (Status.IN_PROGRESS, ["h-work"]),
        (Status.DONE, ["g-habit", "g-work"]),
        (Status.DROPPED, ["g-habit", "g-work"]),
    ],
)
def test_task_waits_for_prerequisite_goals(status: Status, expected: list[str]) -> None:
    """Goal-level order holds a dependent goal's tasks, down its child goals, until the
    prerequisite goal's work (child goals included) is done or dropped."""
    plan = make_plan(
        [goal("h"), goal("hc", parent="h"), goal("g", depends_on=["h"]), goal("gc", parent="g")],
        [
            task("h-work", "hc", **with_status(status)),
            task("g-work", "gc"),
            task("g-habit", "g", recurrence=WEEKLY),
        ],
    )

    assert expected == sorted(ready(plan))


def test_habit_of_a_prerequisite_goal_does_not_hold_back() -> None:
    """A habit never finishes, so the dependent goal does not wait for it (the
    weekly habit itself is due this week, so it is a next action too)."""
    plan = make_plan(
        [goal("h"), goal("g", depends_on=["h"])],
        [
            task("h-habit", "h", recurrence=WEEKLY, **with_status(Status.IN_PROGRESS)),
            task("g-work", "g"),
        ],
    )

    assert {"g-work", "h-habit"} == set(ready(plan))


@pytest.mark.parametrize(
    ("not_before", "expected"),
    [
        (MONDAY - timedelta(days=3), ["t"]),
        (MONDAY, ["t"]),
        (MONDAY + timedelta(days=1), []),
    ],
    ids=["before", "on the status date", "after"],
)
def test_task_waits_for_not_before(not_before: date, expected: list[str]) -> None:
    """A task may start once ``not_before`` has come, the status date included."""
    plan = make_plan([goal("g")], [task("t", "g", not_before=not_before)])

    assert expected == ready(plan)


@pytest.mark.parametrize(
    ("status", "expected"),
    [(Status.TODO, ["habit"]), (Status.IN_PROGRESS, ["habit"]), (Status.DONE, [])],
)
def test_habit_is_ready_to_do_and_when_due(status: Status, expected: list[str]) -> None:
    """A habit is a next action to start, and under way while an occurrence is due soon."""
    plan = make_plan([goal("g")], [task("habit", "g", recurrence=WEEKLY, **with_status(status))])

    assert expected == ready(plan)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", ["habit"]),  # due on the status date itself
        ("FREQ=MONTHLY;BYMONTHDAY=18", ["habit"]),  # 18 December: 19 working days ahead
        ("FREQ=MONTHLY;BYMONTHDAY=22", []),  # 22 December: 21 working days, past the horizon
        ("FREQ=DAILY;UNTIL=20261120", []),  # no occurrence left
    ],
)
def test_habit_under_way_is_ready_when_its_next_occurrence_is_near(
    rule: str, expected: list[str]
) -> None:
    """A habit under way appears when its next occurrence on or after the status date
    is at most the horizon (20 working days) away; its due term counts to it."""
    plan = make_plan(
        [goal("g", deadline=date(2027, 6, 30))],
        [task("habit", "g", recurrence=rule, **with_status(Status.IN_PROGRESS))],
    )

    assert expected == ready(plan)
    if expected:
        (action,) = next_actions(plan, as_of=MONDAY)
        assert 0 < terms(action)["due"] <= 1


def test_actions_name_task_goal_and_title() -> None:
    """Each next action names its task, the task's goal and its title."""
    (action,) = next_actions(make_plan([goal("g")], [task("t", "g")]), as_of=MONDAY)

    assert ("t", "g", "Do t") == (action.task, action.goal, action.title)


def test_plan_without_tasks_has_no_actions() -> None:
    """Nothing to do gives an empty tuple."""
    assert () == next_actions(make_plan([goal("g")], []), as_of=MONDAY)


# -- the urgency terms ---------------------------------------------------------


def test_terms_of_a_hand_worked_plan() -> None:
    """Every term of the two ready tasks, worked out by hand."""
    actions = next_actions(hand_worked_plan(), as_of=MONDAY)

    expected = [
        ("a", {"critical": 1.0, "float": 1.0, "due": 0.0, "unblocks": 0.5, "goal_weight": 1.0}),
        ("b", {"critical": 0.0, "float": 1 / 8, "due": 0.0, "unblocks": 0.0, "goal_weight": 0.5}),
    ]
    assert expected == [(action.task, terms(action)) for action in actions]
    assert [6.5, 0.75] == [action.score for action in actions]


def test_terms_come_in_a_fixed_order_with_the_policy_weights() -> None:
    """Terms are listed critical, float, due, unblocks, goal_weight with the policy's weights."""
    policy = UrgencyPolicy(critical=5, float_left=4, due=3.5, unblocks=0, goal_weight=0.25)

    action = action_for(hand_worked_plan(), "a", policy=policy)

    expected = [
        ("critical", 5),
        ("float", 4),
        ("due", 3.5),
        ("unblocks", 0),
        ("goal_weight", 0.25),
    ]
    assert expected == [(term.name, term.weight) for term in action.terms]


def test_negative_float_counts_as_no_float() -> None:
    """A task that cannot meet its deadline has negative float; its float term is 1."""
    plan = make_plan([goal("g", deadline=date(2026, 11, 24))], [task("t", "g", duration=5)])

    assert schedule(plan, as_of=MONDAY)["t"].total_float < 0
    assert {"critical": 1.0, "float": 1.0} == {
        name: value
        for name, value in terms(action_for(plan, "t")).items()
        if name in ("critical", "float")
    }


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, 0.0),
        ({"due": MONDAY}, 20 / 21),
        ({"due": date(2026, 11, 27)}, 20 / 25),
        ({"due": date(2026, 12, 4)}, 20 / 30),
        ({"due": date(2026, 11, 28)}, 20 / 25),
        ({"due": date(2026, 11, 20)}, 1.0),
        ({"due": PLAN_START}, 1.0),
        ({"deadline": date(2026, 11, 24)}, 20 / 22),
        ({"due": date(2026, 11, 27), "deadline": date(2026, 11, 24)}, 20 / 22),
        ({"due": date(2026, 11, 24), "deadline": date(2026, 11, 27)}, 20 / 22),
        ({"parent_deadline": date(2026, 11, 27)}, 20 / 25),
        ({"parent_deadline": date(2026, 11, 27), "deadline": date(2026, 12, 4)}, 20 / 25),
        ({"due": date(2026, 11, 27), "holidays": (date(2026, 11, 25),)}, 20 / 24),
        ({"due": date(2026, 11, 27), "horizon": 5}, 5 / 10),
        ({"due": date(2026, 11, 27), "as_of": date(2026, 11, 21)}, 20 / 25),
        ({"due": date(2026, 11, 27), "as_of": date(2026, 11, 27)}, 20 / 21),
    ],
    ids=[
        "no date",
        "due today",
        "due this friday",
        "due next friday",
        "due on saturday",
        "due last friday",
        "due at the plan start",
        "goal deadline",
        "earlier deadline wins",
        "earlier due wins",
        "parent deadline",
        "earlier parent deadline wins",
        "holiday",
        "short horizon",
        "status date on saturday",
        "status date is the due date",
    ],
)
def test_due_term(fields: dict[str, Any], expected: float) -> None:
    """``horizon / (horizon + working days left)`` to the earlier of due date and deadline
    (inherited from a parent goal too), the status date and the last day both counted;
    1 once passed, 0 without either."""
    calendar = Calendar(holidays=fields.get("holidays", ()))
    plan = make_plan(
        [
            goal("parent", deadline=fields.get("parent_deadline")),
            goal("g", parent="parent", deadline=fields.get("deadline")),
        ],
        [task("t", "g", due=fields.get("due"))],
        calendar=calendar,
    )
    policy = UrgencyPolicy(horizon=fields.get("horizon", 20))

    action = action_for(plan, "t", as_of=fields.get("as_of", MONDAY), policy=policy)

    assert expected == pytest.approx(terms(action)["due"])


@pytest.mark.parametrize(
    ("due", "expected_left"),
    [(MONDAY, 1), (date(2026, 11, 27), 5), (date(2026, 12, 18), 20)],
)
def test_working_days_left_count_both_ends(due: date, expected_left: int) -> None:
    """The days left are the working days from the status date through the due date."""
    plan = make_plan([goal("g")], [task("t", "g", due=due)])

    value = terms(action_for(plan, "t"))["due"]

    assert expected_left == count_working_days(Calendar(), MONDAY, due + timedelta(days=1))
    assert 20 / (20 + expected_left) == pytest.approx(value)


def test_unblocks_counts_direct_successors() -> None:
    """Only tasks that depend on the task directly count, whatever the link."""
    plan = make_plan(
        [goal("g")],
        [
            task("a", "g"),
            task("b", "g", depends_on=["a"]),
            task("c", "g", depends_on=[Dependency(task="a", link=Link.FINISH_TO_FINISH, lag=2)]),
            task("d", "g", depends_on=["b", "c"]),
        ],
    )

    assert 2 / 3 == pytest.approx(terms(action_for(plan, "a"))["unblocks"])


def test_unblocks_counts_tasks_waiting_through_goal_order() -> None:
    """Every task of a dependent goal (and its child goals) waits on the prerequisite's work,
    counted once even when it also depends on the task directly."""
    plan = make_plan(
        [goal("h"), goal("g", depends_on=["h"]), goal("gc", parent="g")],
        [
            task("a", "h"),
            task("habit", "h", recurrence=WEEKLY),
            task("x", "g", depends_on=["a"]),
            task("y", "gc"),
            task("z", "g", recurrence=WEEKLY),
        ],
    )

    assert 3 / 4 == pytest.approx(terms(action_for(plan, "a"))["unblocks"])
    assert 0.0 == terms(action_for(plan, "habit"))["unblocks"]


@pytest.mark.parametrize("status", [Status.DONE, Status.DROPPED])
def test_unblocks_ignores_finished_successors(status: Status) -> None:
    """A successor already done or dropped does not wait on the task."""
    plan = make_plan(
        [goal("g")],
        [task("a", "g"), task("b", "g", depends_on=["a"], **with_status(status))],
    )

    assert 0.0 == terms(action_for(plan, "a"))["unblocks"]


def test_goal_weight_is_relative_to_the_heaviest_goal() -> None:
    """The goal's weight over the largest goal weight in the plan (ready or not)."""
    plan = make_plan(
        [
            goal("heavy", weight=8),
            goal("mid", weight=2),
            goal("zero", weight=0),
            goal("idle", weight=1),
        ],
        [
            task("blocker", "heavy", **with_status(Status.DONE)),
            task("m", "mid"),
            task("z", "zero"),
            task("i", "idle"),
        ],
    )

    values = {
        action.task: terms(action)["goal_weight"] for action in next_actions(plan, as_of=MONDAY)
    }

    assert {"m": 0.25, "z": 0.0, "i": 0.125} == values


def test_goal_weight_is_zero_when_every_weight_is_zero() -> None:
    """With no weight anywhere the term is 0, not a division by zero."""
    plan = make_plan([goal("g", weight=0)], [task("t", "g")])

    assert 0.0 == terms(action_for(plan, "t"))["goal_weight"]


# -- score and ranking ---------------------------------------------------------


def test_contribution_is_weight_times_value() -> None:
    """A term adds its weight times its value."""
    assert 1.5 == UrgencyTerm(name="due", value=0.75, weight=2.0).contribution
    assert 0.0 == UrgencyTerm(name="due", value=0.75, weight=0.0).contribution


def test_actions_are_sorted_by_score_then_id() -> None:
    """Higher scores first; equal scores by id."""
    plan = make_plan(
        [goal("g")],
        [
            task("zed", "g"),
            task("beta", "g"),
            task("alpha", "g"),
            task("urgent", "g", due=date(2026, 11, 24)),
        ],
    )

    actions = next_actions(plan, as_of=MONDAY)

    assert ["urgent", "alpha", "beta", "zed"] == [action.task for action in actions]
    assert actions[1].score == actions[2].score == actions[3].score


def test_custom_policy_changes_the_ranking() -> None:
    """Weighting only the goal weight ranks the task of the heavier goal first."""
    plan = make_plan(
        [goal("light", weight=1), goal("heavy", weight=3)],
        [task("critical-one", "light", duration=10), task("slack-one", "heavy", duration=1)],
    )
    policy = UrgencyPolicy(critical=0, float_left=0, due=0, unblocks=0, goal_weight=1)

    default = next_actions(plan, as_of=MONDAY)
    weighted = next_actions(plan, as_of=MONDAY, policy=policy)

    assert ["critical-one", "slack-one"] == [action.task for action in default]
    assert ["slack-one", "critical-one"] == [action.task for action in weighted]
    assert [1.0, 1 / 3] == pytest.approx([action.score for action in weighted])


def test_no_policy_means_the_default_policy() -> None:
    """Leaving the policy out is the same as passing ``UrgencyPolicy()``."""
    plan = hand_worked_plan()

    expected = next_actions(plan, as_of=MONDAY, policy=UrgencyPolicy())
    assert expected == next_actions(plan, as_of=MONDAY)


# -- UrgencyPolicy -------------------------------------------------------------


def test_default_policy() -> None:
    """The defaults are 3, 2, 2, 1 and 1, and a horizon of 20 working days."""
    policy = UrgencyPolicy()

    expected = (3, 2, 2, 1, 1, 20)
    actual = (
        policy.critical,
        policy.float_left,
        policy.due,
        policy.unblocks,
        policy.goal_weight,
        policy.horizon,
    )
    assert expected == actual


@pytest.mark.parametrize("name", ["critical", "float_left", "due", "unblocks", "goal_weight"])
def test_policy_rejects_negative_weights(name: str) -> None:
    """A negative weight is a ValidationError naming the field."""
    with pytest.raises(ValidationError) as caught:
        UrgencyPolicy(**{name: -0.5})

    assert ValidationError is type(caught.value)
    assert name == caught.value.path


@pytest.mark.parametrize("name", ["critical", "float_left", "due", "unblocks", "goal_weight"])
def test_policy_accepts_zero_weights(name: str) -> None:
    """A weight of zero switches a term off."""
    assert 0 == getattr(UrgencyPolicy(**{name: 0}), name)


@pytest.mark.parametrize("horizon", [0, -1, 2.5])
def test_policy_rejects_bad_horizon(horizon: float) -> None:
    """The horizon is a whole number of working days above 0."""
    with pytest.raises(ValidationError) as caught:
        UrgencyPolicy(horizon=horizon)  # type: ignore[arg-type]

    assert ValidationError is type(caught.value)
    assert "horizon" == caught.value.path


def test_policy_reports_every_bad_field() -> None:
    """All bad fields are reported at once, in field order."""
    with pytest.raises(ValidationError) as caught:
        UrgencyPolicy(critical=-1, unblocks=-2, horizon=0)

    assert ["critical", "unblocks", "horizon"] == [p.path for p in caught.value.problems]


# -- NextAction.explain --------------------------------------------------------


def test_explain_lists_contributing_terms() -> None:
    """Terms that add nothing are left out; the rest read name, value, weight, contribution."""
    action = NextAction(
        task="t",
        goal="g",
        title="T",
        score=4.1,
        terms=(
            UrgencyTerm(name="critical", value=0.0, weight=3.0),
            UrgencyTerm(name="float", value=0.5, weight=2.0),
            UrgencyTerm(name="due", value=0.8, weight=0.0),
            UrgencyTerm(name="unblocks", value=2 / 3, weight=1.5),
            UrgencyTerm(name="goal_weight", value=1.0, weight=2.1),
        ),
    )

    expected = "float 0.50 x 2 = 1.00; unblocks 0.67 x 1.5 = 1.00; goal_weight 1.00 x 2.1 = 2.10"
    assert expected == action.explain()


def test_explain_without_contributions_is_empty() -> None:
    """An action whose terms all add nothing explains nothing."""
    action = NextAction(
        task="t",
        goal="g",
        title="T",
        score=0.0,
        terms=(UrgencyTerm(name="due", value=0.0, weight=2),),
    )

    assert "" == action.explain()


def test_explain_of_a_next_action() -> None:
    """The explanation of a computed action follows its terms."""
    action = action_for(hand_worked_plan(), "a")

    expected = "critical 1.00 x 3 = 3.00; float 1.00 x 2 = 2.00; unblocks 0.50 x 1 = 0.50; goal_weight 1.00 x 1 = 1.00"
    assert expected == action.explain()


# -- determinism and the example plan ------------------------------------------


def example_plan() -> Plan:
    """The marketing director example."""
    return careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))


EXAMPLE_AS_OF = date(2026, 11, 26)


def test_example_plan_has_next_actions() -> None:
    """As of 2026-11-26 the example has next actions, none of them finished."""
    plan = example_plan()

    actions = next_actions(plan, as_of=EXAMPLE_AS_OF)

    assert actions
    assert [] == [action.task for action in actions if plan.task(action.task).status in FINISHED]
    assert len(actions) == len({action.task for action in actions})
    keys = [(-action.score, action.task) for action in actions]
    assert sorted(keys) == keys


def test_example_plan_actions_are_exactly_the_ready_tasks() -> None:
    """The example's next actions are the open tasks whose predecessors in the task graph
    are all finished."""
    plan = example_plan()

    assert ready_by_graph(plan, EXAMPLE_AS_OF) == set(ready(plan, EXAMPLE_AS_OF))


def test_same_result_twice() -> None:
    """The same plan and date give the same actions."""
    plan = example_plan()

    assert next_actions(plan, as_of=EXAMPLE_AS_OF) == next_actions(plan, as_of=EXAMPLE_AS_OF)


@settings(deterministic, max_examples=15)
@given(st.permutations(example_plan().tasks))
def test_listing_order_does_not_matter(tasks: list[Task]) -> None:
    """Listing the example's tasks in another order gives the same actions."""
    plan = example_plan()
    shuffled = attrs.evolve(plan, tasks=tasks)

    expected = next_actions(plan, as_of=EXAMPLE_AS_OF)
    assert expected == next_actions(shuffled, as_of=EXAMPLE_AS_OF)


# -- properties on random plans ------------------------------------------------


def ready_by_graph(plan: Plan, as_of: date) -> set[str]:
    """The ready tasks, worked out from the task graph and the definition."""
    graph = task_graph(plan)
    found = set()
    for item in plan.tasks:
        if item.status in FINISHED:
            continue
        if item.recurrence is not None and item.status is not Status.TODO:
            upcoming = [
                day
                for day in careerkit.schedule(plan, as_of=as_of)[item.id].occurrences
                if day >= as_of
            ]
            if not upcoming or count_working_days(plan.calendar, as_of, upcoming[0]) > 20:
                continue
        if item.not_before is not None and item.not_before > as_of:
            continue
        if all(plan.task(before).status in FINISHED for before in graph.predecessors(item.id)):
            found.add(item.id)
    return found


_IDS = st.text(alphabet="abcxyz", min_size=1, max_size=3)
_DAYS = st.integers(min_value=0, max_value=45)
_WEIGHTS = st.sampled_from([0, 0.5, 1, 2, 3])


def _maybe_date(draw: st.DrawFn) -> date | None:
    days = draw(st.none() | _DAYS)
    return None if days is None else PLAN_START + timedelta(days=days)


@st.composite
def plans_in_progress(draw: st.DrawFn) -> tuple[Plan, date]:
    """A random acyclic plan part way through, and a status date.

    Goals have parents, goal-level order, deadlines and weights; tasks have
    typed links, habits, ``not_before`` and due dates. Statuses follow the
    task graph: a task is finished only if all its predecessors are.
    """
    goal_ids = draw(st.lists(_IDS, min_size=1, max_size=4, unique=True))
    parents: dict[str, str | None] = {}
    goals = []
    for index, goal_id in enumerate(goal_ids):
        earlier = goal_ids[:index]
        parent = draw(st.sampled_from([None, *earlier]))
        parents[goal_id] = parent
        ancestors, step = set(), parent
        while step is not None:
            ancestors.add(step)
            step = parents[step]
        others = [other for other in earlier if other not in ancestors]
        depends_on = (
            draw(st.lists(st.sampled_from(others), unique=True, max_size=2)) if others else []
        )
        goals.append(
            goal(
                goal_id,
                parent=parent,
                depends_on=depends_on,
                deadline=_maybe_date(draw),
                weight=draw(_WEIGHTS),
            )
        )
    task_ids = draw(st.lists(_IDS, max_size=7, unique=True))
    tasks = []
    for index, task_id in enumerate(task_ids):
        earlier = task_ids[:index]
        chosen = (
            draw(st.lists(st.sampled_from(earlier), unique=True, max_size=2)) if earlier else []
        )
        not_before = _maybe_date(draw)
        due = _maybe_date(draw)
        if not_before is not None and due is not None and due < not_before:
            not_before, due = due, not_before
        tasks.append(
            task(
                task_id,
                draw(st.sampled_from(goal_ids)),
                duration=draw(st.integers(0, 6)),
                depends_on=[
                    Dependency(
                        task=other,
                        link=draw(st.sampled_from(list(Link))),
                        lag=draw(st.integers(-1, 2)),
                    )
                    for other in chosen
                ],
                not_before=not_before,
                due=due,
                recurrence=WEEKLY if draw(st.integers(0, 4)) == 0 else None,
            )
        )
    try:
        plan = make_plan(goals, draw(st.permutations(tasks)))
    except CycleError:
        assume(False)
        raise
    as_of = PLAN_START + timedelta(days=draw(st.integers(0, 30)))
    graph = task_graph(plan)
    finished: set[str] = set()
    changed = {}
    for task_id in nx.topological_sort(graph):
        choices = [Status.TODO, Status.IN_PROGRESS]
        if all(before in finished for before in graph.predecessors(task_id)):
            choices += [Status.DONE, Status.DROPPED]
        status = draw(st.sampled_from(choices))
        if status in FINISHED:
            finished.add(task_id)
        fields: dict[str, Any] = {"status": status}
        if status is not Status.TODO:
            fields["started_on"] = PLAN_START + timedelta(
                days=draw(st.integers(0, (as_of - PLAN_START).days))
            )
        if status is Status.DONE:
            fields["done_on"] = fields["started_on"]
        changed[task_id] = fields
    tasks = [attrs.evolve(item, **changed[item.id]) for item in plan.tasks]
    return attrs.evolve(plan, tasks=tasks), as_of


@settings(deterministic, max_examples=60)
@given(plans_in_progress())
def test_actions_follow_their_definition(case: tuple[Plan, date]) -> None:
    """On random plans: the ready tasks, each term's value, contributions, scores and order
    are those the module defines."""
    plan, as_of = case
    policy = UrgencyPolicy()
    actions = next_actions(plan, as_of=as_of)
    timing = schedule(plan, as_of=as_of)
    graph = task_graph(plan)
    heaviest = max(item.weight for item in plan.goals)

    assert ready_by_graph(plan, as_of) == {action.task for action in actions}
    for action in actions:
        item = plan.task(action.task)
        limits = [day for day in (item.due, plan.deadline_for(item.goal)) if day is not None]
        if item.recurrence is not None and item.status is not Status.TODO:
            limits += [day for day in timing[item.id].occurrences if day >= as_of][:1]
        due = 0.0
        if limits:
            left = count_working_days(plan.calendar, as_of, min(limits) + timedelta(days=1))
            due = 1.0 if left <= 0 else policy.horizon / (policy.horizon + left)
        waiting = graph.out_degree(item.id)
        expected = {
            "critical": float(timing[item.id].critical),
            "float": 1 / (1 + max(0, timing[item.id].total_float)),
            "due": due,
            "unblocks": waiting / (waiting + 1),
            "goal_weight": plan.goal(item.goal).weight / heaviest if heaviest else 0.0,
        }
        assert expected == pytest.approx(terms(action))
        assert TERM_NAMES == tuple(term.name for term in action.terms)
        for term in action.terms:
            assert term.weight * term.value == term.contribution
        assert sum(term.contribution for term in action.terms) == pytest.approx(action.score)
    keys = [(-action.score, action.task) for action in actions]
    assert sorted(keys) == keys


@settings(deterministic, max_examples=30)
@given(st.data())
def test_random_listing_order_does_not_matter(data: st.DataObject) -> None:
    """Shuffling a random plan's tasks gives the same actions."""
    plan, as_of = data.draw(plans_in_progress())
    shuffled = attrs.evolve(plan, tasks=data.draw(st.permutations(plan.tasks)))

    assert next_actions(plan, as_of=as_of) == next_actions(shuffled, as_of=as_of)


# -- the schedule handed in ------------------------------------------------------


def test_given_schedule_is_used_and_not_recomputed(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``schedule=`` the actions are the same, and no schedule is computed."""
    import careerkit.planning._schedules as schedules

    plan = example_plan()
    expected = next_actions(plan, as_of=EXAMPLE_AS_OF)
    timing = schedule(plan, as_of=EXAMPLE_AS_OF)

    def refuse(*args: object, **options: object) -> None:
        raise AssertionError("scheduled again")

    monkeypatch.setattr(schedules, "compute_schedule", refuse)

    assert expected == next_actions(plan, as_of=EXAMPLE_AS_OF, schedule=timing)


def test_schedule_must_be_a_schedule() -> None:
    """A ``schedule`` that is not a Schedule is refused, naming the argument."""
    plan = example_plan()
    with pytest.raises(ValidationError) as caught:
        next_actions(plan, as_of=EXAMPLE_AS_OF, schedule=[])  # type: ignore[arg-type]

    assert "schedule" == caught.value.path


def test_chain_of_goals_follows_the_definition() -> None:
    """Twenty goals each waiting on the one before, ten tasks each, part done: the
    ready tasks and unblocking counts are those of the task graph."""
    goals = [goal(f"g{n}", depends_on=[f"g{n - 1}"] if n else []) for n in range(20)]
    tasks = []
    for n in range(200):
        links = [f"t{n - 1}"] if n % 10 and n % 3 else []
        done = n < 35
        tasks.append(
            task(
                f"t{n}",
                f"g{n // 10}",
                duration=1 + n % 4,
                depends_on=links,
                status=Status.DONE if done else Status.TODO,
                started_on=PLAN_START if done else None,
                done_on=PLAN_START if done else None,
            )
        )
    plan = make_plan(goals, tasks)
    graph = task_graph(plan)
    actions = next_actions(plan, as_of=MONDAY)

    assert ready_by_graph(plan, MONDAY) == {action.task for action in actions}
    assert any(terms(action)["unblocks"] for action in actions)
    for action in actions:
        waiting = sum(
            1 for after in graph.successors(action.task) if plan.task(after).status is Status.TODO
        )
        assert waiting / (waiting + 1) == pytest.approx(terms(action)["unblocks"])


def test_schedule_must_be_made_as_of_the_same_date() -> None:
    """A schedule made at another status date is refused rather than silently used."""
    plan = example_plan()
    with pytest.raises(ValidationError) as caught:
        next_actions(plan, as_of=EXAMPLE_AS_OF, schedule=schedule(plan))

    assert "schedule" == caught.value.path


def test_a_schedule_of_another_plan_is_refused() -> None:
    """A schedule handed in must be of the plan's own tasks, not only of its date."""
    as_of = date(2026, 3, 2)
    goals = [Goal(id="g", title="Do g")]
    plan = Plan(
        id="p",
        owner="o",
        start=date(2026, 1, 5),
        goals=goals,
        tasks=[Task(id="a", goal="g", title="A", duration=2)],
    )
    other = Plan(
        id="p",
        owner="o",
        start=date(2026, 1, 5),
        goals=goals,
        tasks=[Task(id="b", goal="g", title="B", duration=2)],
    )
    wrong = careerkit.schedule(other, as_of=as_of)

    for call in (
        lambda: next_actions(plan, as_of=as_of, schedule=wrong),
        lambda: careerkit.assess_plan(plan, as_of=as_of, schedule=wrong),
    ):
        with pytest.raises(ValidationError) as caught:
            call()
        assert "schedule" == caught.value.problems[0].path
