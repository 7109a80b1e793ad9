"""The freshness of career assets: stale resumes, roles without one, achievements not shown.

:func:`asset_status` reads a plan as of a date and tells, for each asset,
whether it is stale by its age limit (``max_age``) or because a goal was
achieved since its last update (``refresh_after_goal``); which target roles
have no resume tailored for them; and which achievements (goals achieved,
skills raised by finished work) came after the latest resume update.
``careerkit.to_dict(report)`` gives the JSON document and
``careerkit.json_schema("asset_report")`` its schema.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from datetime import date
from operator import attrgetter, itemgetter

from attrs import frozen

from careerkit.career.skills import skill_levels
from careerkit.io import result_document
from careerkit.model import Asset, AssetKind, GoalStatus, Plan
from careerkit.model.arguments import checked_date, checked_instance

__all__ = [
    "AchievementKind",
    "AssetReport",
    "AssetState",
    "MissingResume",
    "StaleReason",
    "UnreflectedAchievement",
    "asset_status",
]


class StaleReason(enum.Enum):
    """Why an asset is stale; the values are stable codes.

    >>> StaleReason("achieved_goal")
    <StaleReason.ACHIEVED_GOAL: 'achieved_goal'>
    """

    AGE = "age"
    """More days than its ``max_age`` have passed since its last update."""
    ACHIEVED_GOAL = "achieved_goal"
    """It refreshes after goals, and a goal was achieved since its last update."""


class AchievementKind(enum.Enum):
    """What an achievement is; the values are stable codes.

    >>> AchievementKind.SKILL_RAISED.value
    'skill_raised'
    """

    GOAL_ACHIEVED = "goal_achieved"
    """A goal reached (its ``achieved_on``)."""
    SKILL_RAISED = "skill_raised"
    """A skill raised by a task done or a goal achieved that builds it."""


@frozen(kw_only=True)
class AssetState:
    """One asset as of the status date: when it is due, whether it is stale, and why.

    Examples
    --------
    >>> cv = Asset(id="cv", kind=AssetKind.RESUME, title="Resume",
    ...            updated_on=date(2026, 1, 5), max_age=90)
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), assets=[cv])
    >>> state = asset_status(plan, as_of=date(2026, 4, 15)).assets[0]
    >>> state.stale, state.why, state.days_overdue
    (True, (<StaleReason.AGE: 'age'>,), 10)
    """

    asset: str
    """The asset's id."""
    kind: AssetKind
    """Resume, cover letter, public profile or portfolio."""
    title: str
    """The asset's title."""
    updated_on: date
    """When it was last brought up to date."""
    max_age: int | None
    """Its age limit in days (None without one)."""
    due_on: date | None
    """The last day it is fresh by its age limit (None without one)."""
    stale: bool
    """Whether it needs an update, by age or by an achieved goal."""
    why: tuple[StaleReason, ...]
    """The reasons it is stale, age first; empty when it is fresh."""
    days_overdue: int
    """Days past ``due_on`` (0 when not stale by age)."""
    achieved_goal: str | None
    """The first goal achieved after the update and on or before the status date
    (ties by id), for an asset that refreshes after goals; else None."""
    achieved_on: date | None
    """When ``achieved_goal`` was achieved."""
    goals_since: int
    """How many goals were achieved after its update, up to the status date
    (counted whether or not the asset refreshes after goals)."""


@frozen(kw_only=True)
class MissingResume:
    """A target role that no resume is tailored for (no resume lists it in ``roles``).

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             roles=[Role(id="director", title="Marketing director", vision=True)])
    >>> asset_status(plan, as_of=date(2026, 2, 2)).missing_resumes[0].role
    'director'
    """

    role: str
    """The role's id."""
    title: str
    """The role's title."""
    vision: bool
    """Whether it is the role of the plan's vision."""


@frozen(kw_only=True)
class UnreflectedAchievement:
    """An achievement that came after the latest resume update: no resume shows it yet.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             goals=[Goal(id="cert", title="Certified", status=GoalStatus.ACHIEVED,
    ...                         achieved_on=date(2026, 3, 2))],
    ...             assets=[Asset(id="cv", kind=AssetKind.RESUME, title="Resume",
    ...                           updated_on=date(2026, 1, 20))])
    >>> found = asset_status(plan, as_of=date(2026, 4, 1)).unreflected[0]
    >>> found.kind.value, found.subject, found.on
    ('goal_achieved', 'cert', datetime.date(2026, 3, 2))
    """

    kind: AchievementKind
    """A goal achieved, or a skill raised."""
    subject: str
    """The id of the goal achieved, or of the task or goal whose finish raised the skill."""
    title: str
    """The title of that goal or task."""
    on: date
    """When it happened (the goal's ``achieved_on`` or the task's ``done_on``)."""
    task: bool
    """Whether ``subject`` is a task (a task done raised the skill) rather than a goal."""
    skill: str | None
    """The skill raised (None for a goal achieved)."""
    level: int | None
    """The skill's level after the raise (None for a goal achieved)."""


@result_document("asset_report")
@frozen(kw_only=True)
class AssetReport:
    """What :func:`asset_status` returns: every asset's freshness, the roles without a
    resume, and the achievements no resume reflects yet.

    Examples
    --------
    >>> report = asset_status(Plan(id="p", owner="Ana", start=date(2026, 1, 5)),
    ...                       as_of=date(2026, 2, 2))
    >>> report.assets, report.latest_resume_update
    ((), None)
    """

    as_of: date
    """The status date."""
    assets: tuple[AssetState, ...]
    """Each asset of the plan, by id."""
    missing_resumes: tuple[MissingResume, ...]
    """The target roles without a tailored resume, by role id."""
    latest_resume_update: date | None
    """The last update of any resume on or before the status date (None without one)."""
    unreflected: tuple[UnreflectedAchievement, ...]
    """The achievements on or before the status date that came after
    ``latest_resume_update`` (all of them without one), by date, then kind,
    subject and skill."""

    @property
    def stale(self) -> tuple[AssetState, ...]:
        """The stale assets, by id."""
        return tuple(state for state in self.assets if state.stale)


def asset_status(plan: Plan, *, as_of: date) -> AssetReport:
    """Read the freshness of a plan's career assets as of a date.

    An asset is stale **by age** once more than ``max_age`` days have
    passed since ``updated_on`` (``as_of > updated_on + max_age``), and **by
    achievement** when it has ``refresh_after_goal`` and a goal was achieved
    after ``updated_on`` and on or before ``as_of``. A role has a tailored
    resume when a resume asset lists it in its ``roles``. An achievement (a
    goal achieved, or a skill raised by a task done or a goal achieved that
    builds it) is *unreflected* when no resume was updated on or after its
    date, up to ``as_of``; a plan that keeps no resume has none, as there is
    nothing to show them in. A skill is raised when the work finished after
    the skill's ``assessed_on`` (if any) and the skill was below level 5;
    levels start from the profile's inventory (0 for a skill not in it).
    The cost is linear in the size of the plan (plus sorting).

    Parameters
    ----------
    plan
        The plan.
    as_of
        The status date: achievements and resume updates after it are not
        counted.

    Returns
    -------
    AssetReport
        Each asset's state, the roles without a resume and the unreflected
        achievements.

    Raises
    ------
    ValidationError
        ``plan`` is not a Plan or ``as_of`` not a date (the path names the
        argument).

    Examples
    --------
    >>> cv = Asset(id="cv", kind=AssetKind.RESUME, title="Resume",
    ...            updated_on=date(2026, 1, 5), refresh_after_goal=True)
    >>> goal = Goal(id="cert", title="Certified", status=GoalStatus.ACHIEVED,
    ...             achieved_on=date(2026, 3, 2))
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), goals=[goal], assets=[cv])
    >>> report = asset_status(plan, as_of=date(2026, 4, 1))
    >>> report.assets[0].why, report.assets[0].achieved_goal
    ((<StaleReason.ACHIEVED_GOAL: 'achieved_goal'>,), 'cert')
    >>> asset_status(plan, as_of="2026-04-01")
    Traceback (most recent call last):
    careerkit.errors.ValidationError: as_of: expected a date, got a string
    """
    plan = checked_instance(plan, Plan, "plan")
    as_of = checked_date(as_of)
    achieved = sorted(
        (goal.achieved_on, goal.id)
        for goal in plan.goals
        if goal.status is GoalStatus.ACHIEVED
        and goal.achieved_on is not None
        and goal.achieved_on <= as_of
    )
    resumes = [asset for asset in plan.assets if asset.kind is AssetKind.RESUME]
    tailored = {role for asset in resumes for role in asset.roles}
    latest = max((asset.updated_on for asset in resumes if asset.updated_on <= as_of), default=None)
    return AssetReport(
        as_of=as_of,
        assets=tuple(
            _state(asset, as_of, achieved) for asset in sorted(plan.assets, key=attrgetter("id"))
        ),
        missing_resumes=tuple(
            MissingResume(role=role.id, title=role.title, vision=role.vision)
            for role in sorted(plan.roles, key=attrgetter("id"))
            if role.id not in tailored
        ),
        latest_resume_update=latest,
        unreflected=tuple(
            found
            for found in (_achievements(plan, as_of) if resumes else ())
            if latest is None or found.on > latest
        ),
    )


def _state(asset: Asset, as_of: date, achieved: list[tuple[date, str]]) -> AssetState:
    """One asset's state; ``achieved`` holds the goals achieved up to ``as_of``, sorted
    by date and id, so those after the update are found by bisection."""
    due = asset.due_on
    overdue = max(0, (as_of - due).days) if due is not None else 0
    first = bisect_right(achieved, asset.updated_on, key=itemgetter(0))
    since = achieved[first] if first < len(achieved) and asset.refresh_after_goal else None
    why = tuple(
        reason
        for reason, stale in (
            (StaleReason.AGE, overdue > 0),
            (StaleReason.ACHIEVED_GOAL, since is not None),
        )
        if stale
    )
    return AssetState(
        asset=asset.id,
        kind=asset.kind,
        title=asset.title,
        updated_on=asset.updated_on,
        max_age=asset.max_age,
        due_on=due,
        stale=bool(why),
        why=why,
        days_overdue=overdue,
        achieved_goal=None if since is None else since[1],
        achieved_on=None if since is None else since[0],
        goals_since=len(achieved) - first,
    )


def _achievements(plan: Plan, as_of: date) -> list[UnreflectedAchievement]:
    """Every achievement up to ``as_of``: goals achieved and the skill raises of
    finished work (as :func:`~careerkit.career.skills.skill_levels` finds them), by
    date, then kind, subject and skill."""
    found: list[UnreflectedAchievement] = [
        UnreflectedAchievement(
            kind=AchievementKind.GOAL_ACHIEVED,
            subject=goal.id,
            title=goal.title,
            on=goal.achieved_on,
            task=False,
            skill=None,
            level=None,
        )
        for goal in plan.goals
        if goal.status is GoalStatus.ACHIEVED
        and goal.achieved_on is not None
        and goal.achieved_on <= as_of
    ]
    titles = {("goal", goal.id): goal.title for goal in plan.goals if goal.builds}
    titles.update((("task", task.id), task.title) for task in plan.tasks if task.builds)
    found.extend(
        UnreflectedAchievement(
            kind=AchievementKind.SKILL_RAISED,
            subject=raised.id,
            title=titles[raised.source, raised.id],
            on=raised.on,
            task=raised.source == "task",
            skill=level.skill,
            level=raised.level,
        )
        for level in skill_levels(plan, as_of=as_of)
        for raised in level.raises
    )
    found.sort(key=lambda item: (item.on, item.kind.value, item.subject, item.skill or ""))
    return found
