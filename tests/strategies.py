"""Hypothesis strategies for valid careerkit values.

Every strategy here builds values the model accepts, so tests can use them
for properties ("every valid plan round-trips") and as the starting point of
mutations ("break one field of a valid document"). Sizes are small by default
to keep generation fast; ``plans`` takes ``max_goals`` and ``max_tasks``.

``deterministic`` is the settings profile the property tests share: a fixed
derandomized search and no example database, so runs repeat exactly.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

import attrs
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import careerkit
from careerkit import (
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
    Source,
    Status,
    Task,
    Weekday,
)

__all__ = [
    "MAX_DATE",
    "MAX_MAGNITUDE",
    "MIN_DATE",
    "RRULES",
    "calendars",
    "check_ins",
    "dates",
    "deterministic",
    "goals",
    "ids",
    "measurements",
    "metrics",
    "numbers",
    "plan_documents",
    "plans",
    "profiles",
    "subsets",
    "tasks",
    "texts",
]

T = TypeVar("T")

MIN_DATE = date(2000, 1, 1)
"""The earliest date the strategies generate."""

MAX_DATE = date(2040, 12, 31)
"""The latest date the strategies generate."""

_LAST_PLAN_START = date(2035, 12, 31)

MAX_MAGNITUDE = 1e15
"""The largest size of a number the model accepts."""

RRULES = (
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=4",
    "FREQ=MONTHLY;BYDAY=2TH",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR",
    "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",
    "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15",
    "FREQ=DAILY;COUNT=10",
    "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR",
)
"""Valid RFC 5545 recurrence rules for habits and review cadences."""

deterministic = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Settings for property tests: repeatable, no example database, no deadline."""

_ID_FIRST = string.ascii_letters + string.digits
_ID_REST = _ID_FIRST + "_.:-"
_DAYS_AHEAD = 5 * 366


def ids() -> st.SearchStrategy[str]:
    """Valid ids: a letter or digit, then up to 11 of letters, digits, ``_ . : -``."""
    return st.builds(
        str.__add__, st.sampled_from(_ID_FIRST), st.text(alphabet=_ID_REST, max_size=11)
    )


def texts(*, required: bool = True, max_size: int = 20) -> st.SearchStrategy[str]:
    """Short Unicode texts without surrogates; non-blank when ``required``."""
    alphabet = st.characters(codec="utf-8")
    if required:
        return st.text(alphabet=alphabet, min_size=1, max_size=max_size).filter(str.strip)
    return st.text(alphabet=alphabet, max_size=max_size)


def dates(min_value: date = MIN_DATE, max_value: date = MAX_DATE) -> st.SearchStrategy[date]:
    """Dates in a bounded range, ``MIN_DATE`` to ``MAX_DATE`` by default."""
    return st.dates(min_value=min_value, max_value=max(min_value, max_value))


def numbers(
    *,
    min_value: float | None = None,
    max_value: float | None = None,
    exclude_min: bool = False,
) -> st.SearchStrategy[float]:
    """Finite numbers within bounds: floats, and sometimes integers.

    Without bounds, numbers lie within ``MAX_MAGNITUDE``, the largest size
    the model accepts.
    """
    low = -MAX_MAGNITUDE if min_value is None else min_value
    high = MAX_MAGNITUDE if max_value is None else max_value
    floats = st.floats(min_value=low, max_value=high, exclude_min=exclude_min, allow_nan=False)
    integers = st.integers(min_value=int(low) + (1 if exclude_min else 0), max_value=int(high))
    return st.one_of(floats, integers)  # type: ignore[arg-type]


# Strategies built once: building strategies inside every draw is slow.
_ID = ids()
_TEXT = texts()
_SHORT_TEXT = texts(max_size=12)
_FREE_TEXT = texts(required=False)
_NUMBER = numbers()
_AMOUNT = numbers(min_value=0)
_PERCENT = numbers(min_value=0, max_value=100)
_DAYS = st.integers(min_value=0, max_value=_DAYS_AHEAD)
_BOOLEAN = st.booleans()


def _on_or_after(draw: st.DrawFn, day: date) -> date:
    """A date from ``day`` to a few years later, never after ``MAX_DATE``."""
    return min(day + timedelta(days=draw(_DAYS)), max(day, MAX_DATE))


def _maybe(draw: st.DrawFn) -> bool:
    """Whether to fill an optional field: a fair coin."""
    return draw(_BOOLEAN)


def _pick(draw: st.DrawFn, pool: Sequence[T]) -> T:
    """One item of a non-empty ``pool``."""
    return pool[draw(st.integers(min_value=0, max_value=len(pool) - 1))]


def _some(draw: st.DrawFn, pool: Sequence[T], max_size: int = 3) -> tuple[T, ...]:
    """Up to ``max_size`` distinct items of ``pool``, in pool order."""
    chosen = [item for item in pool if draw(_BOOLEAN)]
    return tuple(chosen[:max_size])


def subsets(pool: Sequence[T], *, max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    """Tuples of up to ``max_size`` distinct items of ``pool``, in pool order."""
    return st.composite(lambda draw: _some(draw, pool, max_size))()


_UNIQUE_TEXTS = st.lists(_SHORT_TEXT, unique=True, max_size=3).map(tuple)


def profiles() -> st.SearchStrategy[Profile]:
    """Profiles with a few distinct strengths, weaknesses, interests and values."""
    return st.builds(
        Profile,
        strengths=_UNIQUE_TEXTS,
        weaknesses=_UNIQUE_TEXTS,
        interests=_UNIQUE_TEXTS,
        values=_UNIQUE_TEXTS,
    )


def calendars() -> st.SearchStrategy[Calendar]:
    """Calendars with at least one working day and distinct holidays."""
    return st.builds(
        Calendar,
        working_days=st.lists(st.sampled_from(Weekday), min_size=1, max_size=7, unique=True).map(
            tuple
        ),
        holidays=st.lists(dates(), unique=True, max_size=3).map(tuple),
        hours_per_day=numbers(min_value=0, max_value=24, exclude_min=True),
    )


@st.composite
def metrics(draw: st.DrawFn) -> Metric:
    """Metrics whose target lies on the right side of the baseline."""
    direction = draw(st.sampled_from(Direction))
    low, high = sorted([draw(_NUMBER), draw(_NUMBER)])
    baseline, target = (low, high) if direction is Direction.INCREASE else (high, low)
    return Metric(
        name=draw(_TEXT),
        unit=draw(texts(required=False, max_size=8)),
        baseline=baseline,
        target=target,
        direction=direction,
    )


@st.composite
def measurements(draw: st.DrawFn, min_date: date = MIN_DATE) -> Measurement:
    """Measurements dated on or after ``min_date``."""
    return Measurement(on=_on_or_after(draw, min_date), value=draw(_NUMBER), note=draw(_FREE_TEXT))


@st.composite
def check_ins(draw: st.DrawFn, min_date: date = MIN_DATE) -> CheckIn:
    """Check-ins dated on or after ``min_date``, satisfaction 1 to 5."""
    return CheckIn(
        on=_on_or_after(draw, min_date),
        satisfaction=draw(st.integers(min_value=1, max_value=5)),
        source=draw(st.sampled_from(Source)),
        notes=draw(_FREE_TEXT),
    )


@st.composite
def goals(
    draw: st.DrawFn,
    *,
    goal_id: str | None = None,
    earlier: Mapping[str, int] | None = None,
    entries: Sequence[str] = (),
    plan_start: date = MIN_DATE,
) -> Goal:
    """A goal that fits in a plan starting on ``plan_start``.

    ``earlier`` maps the ids of the goals before this one to the position of
    their root (their top-most ancestor). ``parent`` and ``backup_for`` name
    earlier goals; ``depends_on`` names only earlier goals under an earlier
    root, never an ancestor, so that goal order, parents and task order (see
    ``plans``) cannot form a cycle. ``relevant_to`` only names ``entries`` of
    the profile, and every date agrees with the goal's own start (or the
    plan's start when the goal has none).
    """
    before = dict(earlier or {})
    own_id = goal_id if goal_id is not None else draw(_ID)
    others = [other for other in before if other != own_id]
    parent = _pick(draw, others) if others and _maybe(draw) else None
    root = before[parent] if parent is not None else len(before)
    prerequisites = [other for other in others if before[other] < root]
    start = _on_or_after(draw, plan_start) if _maybe(draw) else None
    effective_start = start or plan_start
    metric = draw(metrics()) if _maybe(draw) else None
    status = draw(st.sampled_from(GoalStatus))
    achieved = status is GoalStatus.ACHIEVED
    return Goal(
        id=own_id,
        title=draw(_TEXT),
        description=draw(_FREE_TEXT),
        horizon=draw(st.sampled_from(Horizon)),
        category=draw(st.sampled_from(Category)),
        parent=parent,
        depends_on=_some(draw, prerequisites),
        start=start,
        deadline=_on_or_after(draw, effective_start) if _maybe(draw) else None,
        metric=metric,
        weight=draw(_AMOUNT),
        status=status,
        backup_for=_pick(draw, others) if others and _maybe(draw) else None,
        relevant_to=_some(draw, sorted(entries)),
        achieved_on=_on_or_after(draw, effective_start) if achieved else None,
        measurements=(
            tuple(
                draw(measurements(plan_start))
                for _ in range(draw(st.integers(min_value=0, max_value=3)))
            )
            if metric
            else ()
        ),
    )


def _task_progress(draw: st.DrawFn, plan_start: date) -> dict[str, Any]:
    """Status, actual dates and percent complete that agree with each other."""
    status = draw(st.sampled_from(Status))
    started_on: date | None = None
    done_on: date | None = None
    percent_complete: float | None = None
    if status is Status.TODO:
        percent_complete = draw(st.sampled_from([None, 0, 0.0]))
    elif status is Status.IN_PROGRESS:
        started_on = _on_or_after(draw, plan_start)
        percent_complete = draw(_PERCENT) if _maybe(draw) else None
    elif status is Status.DONE:
        started_on = _on_or_after(draw, plan_start) if _maybe(draw) else None
        done_on = _on_or_after(draw, started_on or plan_start)
        percent_complete = draw(st.sampled_from([None, 100, 100.0]))
    else:
        started_on = _on_or_after(draw, plan_start) if _maybe(draw) else None
        done_on = _on_or_after(draw, started_on or plan_start) if _maybe(draw) else None
        percent_complete = draw(_PERCENT) if _maybe(draw) else None
    return {
        "status": status,
        "started_on": started_on,
        "done_on": done_on,
        "percent_complete": percent_complete,
    }


_LAG = st.integers(min_value=-10, max_value=30)


def _dependencies(draw: st.DrawFn, predecessors: Sequence[str]) -> tuple[str | Dependency, ...]:
    """Links to some of ``predecessors``: plain ids, or typed links with a lag.

    Now and then a predecessor is linked twice, by two different link types.
    """
    links: list[str | Dependency] = []
    for other in _some(draw, predecessors):
        kinds = list(Link)
        if _maybe(draw):
            links.append(other)
            kinds.remove(Link.FINISH_TO_START)
        else:
            link = _pick(draw, kinds)
            links.append(Dependency(task=other, link=link, lag=draw(_LAG)))
            kinds.remove(link)
        if draw(st.integers(min_value=0, max_value=3)) == 0:
            links.append(Dependency(task=other, link=_pick(draw, kinds), lag=draw(_LAG)))
    return tuple(links)


@st.composite
def tasks(
    draw: st.DrawFn,
    *,
    task_id: str | None = None,
    goal_ids: Sequence[str] = (),
    earlier: Sequence[str] = (),
    plan_start: date = MIN_DATE,
) -> Task:
    """A task serving one of ``goal_ids`` (any id when empty).

    ``depends_on`` only names ``earlier`` tasks (plain ids or typed
    ``Dependency`` links with lags), so task dependencies alone cannot form a
    cycle. Status, ``started_on``, ``done_on`` and ``percent_complete``
    agree; ``due`` is not before ``not_before``; a three-point estimate, when
    given, surrounds the duration; about one task in four recurs with a rule
    from ``RRULES``.
    """
    own_id = task_id if task_id is not None else draw(_ID)
    duration = draw(st.integers(min_value=0, max_value=60))
    estimated = _maybe(draw)
    not_before = _on_or_after(draw, plan_start) if _maybe(draw) else None
    recurs = draw(st.integers(min_value=0, max_value=3)) == 0
    return Task(
        id=own_id,
        goal=_pick(draw, goal_ids) if goal_ids else draw(_ID),
        title=draw(_TEXT),
        duration=duration,
        effort=draw(_AMOUNT),
        cost=draw(_AMOUNT) if _maybe(draw) else None,
        depends_on=_dependencies(draw, [other for other in earlier if other != own_id]),
        optimistic=draw(st.integers(min_value=0, max_value=duration)) if estimated else None,
        pessimistic=(
            draw(st.integers(min_value=duration, max_value=duration + 60)) if estimated else None
        ),
        not_before=not_before,
        due=_on_or_after(draw, not_before or plan_start) if _maybe(draw) else None,
        recurrence=_pick(draw, RRULES) if recurs else None,
        hours_spent=draw(_AMOUNT),
        notes=draw(_FREE_TEXT),
        **_task_progress(draw, plan_start),
    )


def _distinct_ids(draw: st.DrawFn, count: int) -> list[str]:
    """Exactly ``count`` distinct ids."""
    return draw(st.lists(_ID, unique=True, min_size=count, max_size=count))


@st.composite
def plans(
    draw: st.DrawFn,
    *,
    min_goals: int = 0,
    max_goals: int = 4,
    min_tasks: int = 0,
    max_tasks: int = 6,
    max_check_ins: int = 2,
) -> Plan:
    """A whole valid plan.

    Ids are unique and every reference resolves. Dependencies cannot form a
    cycle, even through goal-level order: goals refer (parent, backup_for)
    only to earlier goals, and depend only on goals under an earlier root;
    tasks are listed root by root (the roots of their goals, in goal order)
    and depend only on earlier tasks. Goals are relevant only to entries of
    the profile; measurements, check-ins and goal starts are not before the
    plan starts, and deadlines not before their goal's start. A plan without
    goals has no tasks, so ``min_tasks`` above 0 implies at least one goal.
    """
    start = draw(dates(MIN_DATE, _LAST_PLAN_START))
    profile = draw(profiles())
    entries = sorted(profile.entries())
    fewest_goals = max(min_goals, 1 if min_tasks else 0)
    goal_count = draw(st.integers(min_value=fewest_goals, max_value=max(fewest_goals, max_goals)))
    roots: dict[str, int] = {}
    plan_goals = []
    for goal_id in _distinct_ids(draw, goal_count):
        goal = draw(goals(goal_id=goal_id, earlier=roots, entries=entries, plan_start=start))
        roots[goal_id] = roots[goal.parent] if goal.parent is not None else len(roots)
        plan_goals.append(goal)
    task_count = (
        draw(st.integers(min_value=min_tasks, max_value=max(min_tasks, max_tasks)))
        if plan_goals
        else 0
    )
    task_goals = sorted(
        (_pick(draw, list(roots)) for _ in range(task_count)), key=roots.__getitem__
    )
    task_ids = _distinct_ids(draw, task_count)
    plan_tasks = [
        draw(tasks(task_id=task_id, goal_ids=(goal,), earlier=task_ids[:index], plan_start=start))
        for index, (task_id, goal) in enumerate(zip(task_ids, task_goals, strict=True))
    ]
    check_in_count = draw(st.integers(min_value=0, max_value=max_check_ins))
    return Plan(
        id=draw(_ID),
        owner=draw(_TEXT),
        vision=draw(texts(required=False, max_size=40)),
        start=start,
        profile=profile,
        goals=tuple(plan_goals),
        tasks=tuple(plan_tasks),
        check_ins=tuple(draw(check_ins(start)) for _ in range(check_in_count)),
        calendar=draw(calendars()),
        weekly_capacity=draw(numbers(min_value=0, exclude_min=True)),
        budget=draw(_AMOUNT) if _maybe(draw) else None,
        review_cadence=_pick(draw, RRULES),
        metadata=draw(st.dictionaries(texts(required=False, max_size=8), _FREE_TEXT, max_size=2)),
    )


def plan_documents(**kwargs: int) -> st.SearchStrategy[dict[str, Any]]:
    """Valid plan documents: ``careerkit.to_dict`` of ``plans(**kwargs)``."""
    return plans(**kwargs).map(careerkit.to_dict)


# ---------------------------------------------------------------------------
# Edits of a plan: for the tests of changes and of the revision history.
# ---------------------------------------------------------------------------

__all__ += ["EDIT_KINDS", "edit_sequences", "edited_plans"]

EDIT_KINDS = ("goals", "tasks", "check_ins", "plan")
"""What ``edited_plans`` may edit: goals, tasks, check-ins, or the plan's own fields."""


def _edit_goals(draw: st.DrawFn, plan: Plan) -> Plan:
    """Change one field of a goal, record a measurement, or reorder the goals."""
    if not plan.goals:
        return plan
    goal = _pick(draw, plan.goals)
    choice = draw(st.integers(min_value=0, max_value=6))
    if choice == 0:
        return attrs.evolve(plan, goals=draw(st.permutations(plan.goals)))
    if choice == 1:
        return plan.update_goal(goal.id, title=draw(_TEXT))
    if choice == 2:
        return plan.update_goal(goal.id, description=draw(_FREE_TEXT))
    if choice == 3:
        deadline = _on_or_after(draw, goal.start or plan.start) if _maybe(draw) else None
        return plan.update_goal(goal.id, deadline=deadline)
    if choice == 4:
        return plan.update_goal(goal.id, weight=draw(_AMOUNT))
    if choice == 5 and goal.metric is not None:
        return plan.record_measurement(goal.id, draw(measurements(plan.start)))
    return plan.update_goal(goal.id, horizon=draw(st.sampled_from(Horizon)))


def _edit_tasks(draw: st.DrawFn, plan: Plan) -> Plan:
    """Change one field of a task, append a task, or remove a task nothing depends on."""
    if not plan.goals:
        return plan
    choice = draw(st.integers(min_value=0, max_value=5))
    if choice == 0 or not plan.tasks:
        taken = {task.id for task in plan.tasks}
        goal = _pick(draw, plan.goals).id
        siblings = [task.id for task in plan.tasks if task.goal == goal]
        new_id = draw(_ID.filter(lambda task_id: task_id not in taken))
        task = Task(
            id=new_id,
            goal=goal,
            title=draw(_TEXT),
            duration=draw(st.integers(min_value=0, max_value=30)),
            effort=draw(_AMOUNT),
            depends_on=_some(draw, siblings, max_size=2),
        )
        return plan.add_task(task)
    if choice == 1:
        needed = {other for task in plan.tasks for other in task.predecessors}
        free = [task.id for task in plan.tasks if task.id not in needed]
        return plan.remove_task(_pick(draw, free)) if free else plan
    task = _pick(draw, plan.tasks)
    if choice == 2:
        return plan.update_task(task.id, title=draw(_TEXT))
    if choice == 3:
        return plan.update_task(task.id, effort=draw(_AMOUNT), hours_spent=draw(_AMOUNT))
    if choice == 4:
        return plan.update_task(task.id, cost=draw(_AMOUNT) if _maybe(draw) else None)
    return plan.update_task(task.id, notes=draw(_FREE_TEXT))


def _edit_check_ins(draw: st.DrawFn, plan: Plan) -> Plan:
    """Append a check-in, or replace or remove one."""
    choice = draw(st.integers(min_value=0, max_value=2))
    if choice == 0 or not plan.check_ins:
        return plan.add_check_in(draw(check_ins(plan.start)))
    position = draw(st.integers(min_value=0, max_value=len(plan.check_ins) - 1))
    kept = list(plan.check_ins)
    if choice == 1:
        kept[position] = draw(check_ins(plan.start))
    else:
        del kept[position]
    return attrs.evolve(plan, check_ins=tuple(kept))


def _edit_plan(draw: st.DrawFn, plan: Plan) -> Plan:
    """Change one of the plan's own fields, its calendar or its profile."""
    choice = draw(st.integers(min_value=0, max_value=5))
    if choice == 0:
        return attrs.evolve(plan, vision=draw(texts(required=False, max_size=40)))
    if choice == 1:
        return attrs.evolve(plan, weekly_capacity=draw(numbers(min_value=0, exclude_min=True)))
    if choice == 2:
        return attrs.evolve(plan, budget=draw(_AMOUNT) if _maybe(draw) else None)
    if choice == 3:
        hours = draw(numbers(min_value=0, max_value=24, exclude_min=True))
        return attrs.evolve(plan, calendar=attrs.evolve(plan.calendar, hours_per_day=hours))
    if choice == 4:
        interests = (*plan.profile.interests, draw(_SHORT_TEXT))
        return attrs.evolve(plan, profile=attrs.evolve(plan.profile, interests=interests))
    return attrs.evolve(
        plan,
        metadata=draw(st.dictionaries(texts(required=False, max_size=8), _FREE_TEXT, max_size=2)),
    )


_EDITORS = {
    "goals": _edit_goals,
    "tasks": _edit_tasks,
    "check_ins": _edit_check_ins,
    "plan": _edit_plan,
}


@st.composite
def edited_plans(
    draw: st.DrawFn,
    plan: Plan,
    *,
    kinds: Sequence[str] = EDIT_KINDS,
    max_edits: int = 4,
) -> Plan:
    """``plan`` after up to ``max_edits`` random valid edits of the given ``kinds``.

    ``"goals"`` changes a goal's title, description, deadline, weight or
    horizon, records a measurement, or reorders the goals; ``"tasks"``
    changes a task's title, effort, cost or notes, appends a task (depending
    only on tasks of its goal) or removes a task nothing depends on;
    ``"check_ins"`` appends, replaces or removes a check-in; ``"plan"``
    changes the vision, capacity, budget, calendar hours, profile interests
    or metadata. An edit that would make the plan invalid is skipped, so the
    result may equal ``plan``.
    """
    edited = plan
    for _ in range(draw(st.integers(min_value=1, max_value=max_edits))):
        edit = _EDITORS[_pick(draw, kinds)]
        try:
            edited = edit(draw, edited)
        except careerkit.ValidationError:
            continue
    return edited


@st.composite
def edit_sequences(draw: st.DrawFn, *, min_size: int = 1, max_size: int = 5) -> tuple[Plan, ...]:
    """Plans that follow one another: a plan from ``plans()``, then edits of the one before."""
    sequence = [draw(plans(max_goals=3, max_tasks=4))]
    for _ in range(draw(st.integers(min_value=min_size, max_value=max_size)) - 1):
        sequence.append(draw(edited_plans(sequence[-1], max_edits=3)))
    return tuple(sequence)
