"""Skills and gaps: the level of each skill as of a date, and the gaps against a target role.

A skill's level starts from the profile's inventory (0 for a skill it does
not list) and rises with dated work: a task done on or before the date
(``status`` done, ``done_on``) or a goal achieved on or before it
(``achieved_on``) adds the levels its ``builds`` name, capped at 5
(``MAX_LEVEL``). Work finished on or before the
skill's ``assessed_on`` is already in the inventory's level and adds
nothing. :func:`skill_levels` gives every skill the plan knows with the
raises that made its level; :func:`skill_gaps` compares them with what a
role requires, ranks the gaps by weight, and says which open work closes
them.

Open work is what can still raise a level: a goal active or on hold (or
achieved after the date), and a task to do or in progress (or done after
the date) whose goal is open.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from attrs import frozen

from careerkit.errors import ValidationError
from careerkit.io import result_document
from careerkit.model import GoalStatus, Plan, Role, SkillGain, Status
from careerkit.model.arguments import checked_date, checked_instance
from careerkit.model.skills import MAX_LEVEL

__all__ = [
    "SkillGap",
    "SkillGaps",
    "SkillLevel",
    "SkillRaise",
    "skill_gaps",
    "skill_levels",
    "target_role",
]

_OPEN_GOALS = (GoalStatus.ACTIVE, GoalStatus.ON_HOLD)
_OPEN_TASKS = (Status.TODO, Status.IN_PROGRESS)


@result_document("skill_raise")
@frozen(kw_only=True)
class SkillRaise:
    """One dated raise of a skill: the finished work and what it added.

    Examples
    --------
    >>> SkillRaise(source="task", id="course", on=date(2026, 3, 6), by=1, level=3).level
    3
    """

    source: str
    """What kind of work raised the skill, ``"task"`` or ``"goal"``."""
    id: str
    """The id of the task or goal."""
    on: date
    """When it was finished, the task's ``done_on`` or the goal's ``achieved_on``."""
    by: int
    """The levels the work builds (its :class:`~careerkit.SkillGain`'s ``by``)."""
    level: int
    """The skill's level after the raise; at most 5, so it may have risen by less than ``by``."""


@result_document("skill_level")
@frozen(kw_only=True)
class SkillLevel:
    """A skill's level as of a date, with the raises that made it.

    Examples
    --------
    >>> level = SkillLevel(skill="SEO", assessed=2, assessed_on=None, level=3,
    ...                    raises=(SkillRaise(source="task", id="audit", on=date(2026, 2, 2),
    ...                                       by=1, level=3),))
    >>> level.level - level.assessed
    1
    """

    skill: str
    """The skill's name."""
    assessed: int
    """The level in the profile's inventory; 0 for a skill it does not list."""
    assessed_on: date | None
    """When the inventory's level was judged, if it says."""
    level: int
    """The level as of the date, ``assessed`` plus the raises, at most 5."""
    raises: tuple[SkillRaise, ...]
    """The finished work that raised it, by date (then goals before tasks, then by id)."""


@result_document("skill_gap", properties=("gap", "weighted_gap", "remaining", "addressed"))
@frozen(kw_only=True)
class SkillGap:
    """How far a skill is from what a role requires, and the open work that develops it.

    Examples
    --------
    >>> gap = SkillGap(skill="budgeting", required=4, current=1, planned=2, weight=2.0,
    ...                goals=(), tasks=("course",))
    >>> gap.gap, gap.weighted_gap, gap.remaining, gap.addressed
    (3, 6.0, 2, True)
    """

    skill: str
    """The skill's name."""
    required: int
    """The level the role requires (1 to 5)."""
    current: int
    """The level as of the date (see :func:`skill_levels`)."""
    planned: int
    """The level once the open work that builds the skill is done, at most 5."""
    weight: float
    """How much the skill matters to the role."""
    goals: tuple[str, ...]
    """The open goals that build the skill, ids sorted."""
    tasks: tuple[str, ...]
    """The open tasks that build the skill, ids sorted."""

    @property
    def gap(self) -> int:
        """The levels missing now, ``required - current``, or 0 once met."""
        return max(0, self.required - self.current)

    @property
    def weighted_gap(self) -> float:
        """``gap`` times ``weight``, the figure the gaps are ranked by."""
        return self.gap * self.weight

    @property
    def remaining(self) -> int:
        """The levels still missing once the open work is done, ``required - planned``, or 0."""
        return max(0, self.required - self.planned)

    @property
    def addressed(self) -> bool:
        """False when the skill falls short and no open goal or task builds it."""
        return self.gap == 0 or bool(self.goals or self.tasks)


@result_document("skill_gaps", properties=("match", "planned_match", "unaddressed", "met"))
@frozen(kw_only=True)
class SkillGaps:
    """The skill gaps of a plan against a role, as of a date.

    Examples
    --------
    >>> gaps = SkillGaps(role="lead", title="Team lead", as_of=date(2026, 3, 2), gaps=(
    ...     SkillGap(skill="coaching", required=3, current=1, planned=1, weight=1.0,
    ...              goals=(), tasks=()),
    ...     SkillGap(skill="planning", required=2, current=2, planned=2, weight=1.0,
    ...              goals=(), tasks=()),
    ... ))
    >>> gaps.match, gaps.unaddressed, gaps.met
    (0.6, ('coaching',), ('planning',))
    """

    role: str
    """The id of the role."""
    title: str
    """The role's title."""
    as_of: date
    """The date the levels are read on."""
    gaps: tuple[SkillGap, ...]
    """One entry per skill the role requires, the largest weighted gap first (ties by name)."""

    @property
    def match(self) -> float | None:
        """How well the current levels match the role, from 0 to 1, as the weighted sum of
        ``min(current, required)`` over the weighted sum of ``required``; None when the
        weights sum to 0."""
        return _match(self.gaps, planned=False)

    @property
    def planned_match(self) -> float | None:
        """:attr:`match` once the open work is done (the planned levels)."""
        return _match(self.gaps, planned=True)

    @property
    def unaddressed(self) -> tuple[str, ...]:
        """The skills that fall short with nothing open to build them, in the order of
        :attr:`gaps`."""
        return tuple(gap.skill for gap in self.gaps if not gap.addressed)

    @property
    def met(self) -> tuple[str, ...]:
        """The skills at or above the required level, sorted by name."""
        return tuple(sorted(gap.skill for gap in self.gaps if gap.gap == 0))

    def gap(self, skill: str, /) -> SkillGap | None:
        """The entry of ``skill``, or None if the role does not require it."""
        return next((gap for gap in self.gaps if gap.skill == skill), None)


def _match(gaps: tuple[SkillGap, ...], *, planned: bool) -> float | None:
    whole = sum(gap.weight * gap.required for gap in gaps)
    if whole == 0:
        return None
    held = sum(
        gap.weight * min(gap.planned if planned else gap.current, gap.required) for gap in gaps
    )
    return held / whole


@frozen(kw_only=True)
class _Work:
    """A task or goal that builds skills, as of a date: finished, open, or neither."""

    source: str
    id: str
    finished_on: date | None
    open: bool
    builds: tuple[SkillGain, ...]


def _work(plan: Plan, as_of: date) -> Iterator[_Work]:
    """Every goal and task that builds a skill, goals first, in plan order."""
    open_goals = set()
    for goal in plan.goals:
        achieved = goal.achieved_on if goal.status is GoalStatus.ACHIEVED else None
        finished = achieved if achieved is not None and achieved <= as_of else None
        is_open = finished is None and (goal.status in _OPEN_GOALS or achieved is not None)
        if is_open:
            open_goals.add(goal.id)
        if goal.builds:
            yield _Work(
                source="goal", id=goal.id, finished_on=finished, open=is_open, builds=goal.builds
            )
    for task in plan.tasks:
        if not task.builds:
            continue
        done = task.done_on if task.status is Status.DONE else None
        finished = done if done is not None and done <= as_of else None
        is_open = (
            finished is None
            and (task.status in _OPEN_TASKS or done is not None)
            and task.goal in open_goals
        )
        yield _Work(
            source="task", id=task.id, finished_on=finished, open=is_open, builds=task.builds
        )


def _known_skills(plan: Plan, work: list[_Work]) -> set[str]:
    """The skills of the inventory, of every role and of every gain of the work."""
    names = {skill.name for skill in plan.profile.skills}
    names.update(required.skill for role in plan.roles for required in role.skills)
    names.update(gain.skill for item in work for gain in item.builds)
    return names


def _levels(plan: Plan, work: list[_Work]) -> dict[str, SkillLevel]:
    """Each known skill's level by name, names sorted."""
    finished: dict[str, list[tuple[date, str, str, int]]] = {}
    for item in work:
        if item.finished_on is None:
            continue
        for gain in item.builds:
            finished.setdefault(gain.skill, []).append(
                (item.finished_on, item.source, item.id, gain.by)
            )
    inventory = {skill.name: skill for skill in plan.profile.skills}
    found = {}
    for name in sorted(_known_skills(plan, work)):
        skill = inventory.get(name)
        assessed = 0 if skill is None else skill.level
        assessed_on = None if skill is None else skill.assessed_on
        level, raises = assessed, []
        for on, source, id_, by in sorted(finished.get(name, ())):
            if (assessed_on is not None and on <= assessed_on) or level >= MAX_LEVEL:
                continue  # already in the assessed level, or nothing left to add
            level = min(MAX_LEVEL, level + by)
            raises.append(SkillRaise(source=source, id=id_, on=on, by=by, level=level))
        found[name] = SkillLevel(
            skill=name,
            assessed=assessed,
            assessed_on=assessed_on,
            level=level,
            raises=tuple(raises),
        )
    return found


def skill_levels(plan: Plan, *, as_of: date) -> tuple[SkillLevel, ...]:
    """The level of every skill the plan knows, as of a date.

    The skills are those of the profile's inventory, of every role's
    requirements and of every gain that work builds. A level is the
    inventory's (0 for a skill it does not list) plus the gains of the tasks
    done on or before ``as_of`` and of the goals achieved on or before it,
    taken in date order, each raise capped at 5; work finished on or before
    the skill's ``assessed_on`` is already in the inventory's level.

    Parameters
    ----------
    plan
        The plan.
    as_of
        The date the levels are read on.

    Returns
    -------
    tuple of SkillLevel
        One per skill, sorted by name, each with its dated raises.

    Raises
    ------
    ValidationError
        ``plan`` is not a :class:`~careerkit.Plan` or ``as_of`` not a date.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...     profile=Profile(skills=[Skill(name="SEO", level=2)]),
    ...     goals=[Goal(id="grow", title="Grow organic traffic")],
    ...     tasks=[Task(id="audit", goal="grow", title="Audit the site", status=Status.DONE,
    ...                 started_on=date(2026, 1, 5), done_on=date(2026, 2, 2),
    ...                 builds=[SkillGain(skill="SEO")])])
    >>> [(level.skill, level.level) for level in skill_levels(plan, as_of=date(2026, 3, 2))]
    [('SEO', 3)]
    >>> skill_levels(plan, as_of=date(2026, 1, 30))[0].level
    2
    """
    plan = checked_instance(plan, Plan, "plan")
    as_of = checked_date(as_of, "as_of")
    return tuple(_levels(plan, list(_work(plan, as_of))).values())


def target_role(plan: Plan) -> Role | None:
    """The role a plan aims at: the vision's role, else its only role; None otherwise.

    Parameters
    ----------
    plan
        The plan.

    Returns
    -------
    Role or None
        The role marked ``vision``; the one role when the plan has exactly
        one; None when it has none, or several and none is the vision's.

    Raises
    ------
    ValidationError
        ``plan`` is not a :class:`~careerkit.Plan`.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             roles=[Role(id="lead", title="Team lead")])
    >>> target_role(plan).id
    'lead'
    >>> target_role(Plan(id="p", owner="Ana", start=date(2026, 1, 5))) is None
    True
    """
    plan = checked_instance(plan, Plan, "plan")
    vision = next((role for role in plan.roles if role.vision), None)
    if vision is not None:
        return vision
    return plan.roles[0] if len(plan.roles) == 1 else None


def _role_ids(plan: Plan) -> str:
    """The ids of the plan's roles as a message lists them: ``'a', 'b'``, sorted."""
    return ", ".join(repr(role_id) for role_id in sorted(role.id for role in plan.roles))


def _chosen_role(plan: Plan, role: object) -> Role:
    """The role named by the ``role`` argument, or the target role for None."""
    if role is None:
        found = target_role(plan)
        if found is not None:
            return found
        if not plan.roles:
            raise ValidationError(path="role", problem="the plan has no roles to compare with")
        raise ValidationError(
            path="role", problem=f"no role is the vision's: name one of {_role_ids(plan)}"
        )
    if type(role) is not str:
        raise ValidationError(
            path="role", problem=f"expected a role id or None, got {type(role).__name__}"
        )
    found = next((item for item in plan.roles if item.id == role), None)
    if found is None:
        raise ValidationError(
            path="role", problem=f"no role with id {role!r}; known: {_role_ids(plan) or 'none'}"
        )
    return found


def skill_gaps(plan: Plan, role: str | None = None, *, as_of: date) -> SkillGaps:
    """The gaps between the skills as of a date and what a role requires, ranked.

    For each skill the role requires: the level required, the level as of
    ``as_of`` (see :func:`skill_levels`), the level planned once the open
    work that builds it is done (capped at 5), the weight, and the open
    goals and tasks that build it. The gaps are ranked by weighted gap
    (``gap x weight``), largest first, then by skill name.

    Parameters
    ----------
    plan
        The plan.
    role
        The id of a role of ``plan.roles``; None (the default) for the
        vision's role, or the only role when there is one.
    as_of
        The date the levels are read on.

    Returns
    -------
    SkillGaps
        The ranked gaps, the role's match, the skills unaddressed and met.

    Raises
    ------
    ValidationError
        ``plan`` is not a plan or ``as_of`` not a date; ``role`` is not a
        string, names no role, or is None while no role can be chosen (no
        roles, or several and none the vision's). The path names the argument.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...     profile=Profile(skills=[Skill(name="SEO", level=2)]),
    ...     roles=[Role(id="head", title="Head of growth", vision=True, skills=[
    ...         RequiredSkill(skill="SEO", level=4, weight=2),
    ...         RequiredSkill(skill="budgeting", level=3)])],
    ...     goals=[Goal(id="grow", title="Grow organic traffic")],
    ...     tasks=[Task(id="course", goal="grow", title="Take an SEO course",
    ...                 builds=[SkillGain(skill="SEO")])])
    >>> gaps = skill_gaps(plan, as_of=date(2026, 3, 2))
    >>> [(gap.skill, gap.gap, gap.weighted_gap, gap.tasks) for gap in gaps.gaps]
    [('SEO', 2, 4.0, ('course',)), ('budgeting', 3, 3.0, ())]
    >>> round(gaps.match, 2), gaps.unaddressed
    (0.36, ('budgeting',))
    >>> skill_gaps(plan, "cmo", as_of=date(2026, 3, 2))
    Traceback (most recent call last):
    careerkit.errors.ValidationError: role: no role with id 'cmo'; known: 'head'
    """
    plan = checked_instance(plan, Plan, "plan")
    as_of = checked_date(as_of, "as_of")
    chosen = _chosen_role(plan, role)
    work = list(_work(plan, as_of))
    levels = _levels(plan, work)
    builders: dict[str, tuple[list[str], list[str], int]] = {}
    for item in work:
        if not item.open:
            continue
        for gain in item.builds:
            goals, tasks, total = builders.get(gain.skill, ([], [], 0))
            (goals if item.source == "goal" else tasks).append(item.id)
            builders[gain.skill] = (goals, tasks, total + gain.by)
    gaps = []
    for required in chosen.skills:
        current = levels[required.skill].level
        goals, tasks, total = builders.get(required.skill, ([], [], 0))
        gaps.append(
            SkillGap(
                skill=required.skill,
                required=required.level,
                current=current,
                planned=min(MAX_LEVEL, current + total),
                weight=float(required.weight),
                goals=tuple(sorted(goals)),
                tasks=tuple(sorted(tasks)),
            )
        )
    gaps.sort(key=lambda gap: (-gap.weighted_gap, gap.skill))
    return SkillGaps(role=chosen.id, title=chosen.title, as_of=as_of, gaps=tuple(gaps))
