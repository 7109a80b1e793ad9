"""Hypothesis strategies for valid plans with career parts.

``career_plans`` starts from a plan of ``tests.strategies.plans`` and adds
the career domain on top: a skills inventory, target roles (at most one the
vision's), skill gains on goals and tasks, assets, contacts with their logs,
options with ratings and explorations, option weights and applications with
stage sequences that move forward. Every reference resolves: roles, assets,
contacts, goals and tasks named exist, a resume used is of kind resume, gains
name known skills and ratings name the profile's strengths, interests or
values. ``career_plan_documents`` gives their documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st

import careerkit
from careerkit import (
    Application,
    Asset,
    AssetKind,
    CareerOption,
    Channel,
    Contact,
    ContactRole,
    CriterionWeight,
    Exploration,
    ExplorationKind,
    Interaction,
    Plan,
    Rating,
    RequiredSkill,
    Role,
    Skill,
    SkillGain,
    Stage,
    StageChange,
)
from careerkit.model.assets import MAX_AGE
from careerkit.model.contacts import MAX_CADENCE
from careerkit.model.options import MAX_SCORE
from careerkit.model.skills import MAX_LEVEL

from .strategies import MAX_DATE, MIN_DATE, RRULES, dates, ids, numbers, plans, texts

__all__ = [
    "FORWARD_STAGES",
    "applications",
    "assets",
    "career_plan_documents",
    "career_plans",
    "contacts",
    "interactions",
    "options",
    "roles",
    "skills",
    "stage_sequences",
]

FORWARD_STAGES = (
    Stage.SAVED,
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEW,
    Stage.OFFER,
    Stage.ACCEPTED,
)
"""The stages on the way forward, in rank order."""

_ID = ids()
_NAME = texts(max_size=12)
_TEXT = texts()
_FREE_TEXT = texts(required=False)
_LEVEL = st.integers(min_value=0, max_value=MAX_LEVEL)
_REQUIRED_LEVEL = st.integers(min_value=1, max_value=MAX_LEVEL)
_GAIN = st.integers(min_value=1, max_value=MAX_LEVEL)
_WEIGHT = numbers(min_value=0)
_SCORE = numbers(min_value=0, max_value=MAX_SCORE)
_BOOLEAN = st.booleans()
_GAP = st.integers(min_value=0, max_value=120)


def _maybe(draw: st.DrawFn) -> bool:
    return draw(_BOOLEAN)


def _later(draw: st.DrawFn, day: date) -> date:
    """A day from ``day`` to a few months later, never past ``MAX_DATE``."""
    return min(day + timedelta(days=draw(_GAP)), max(day, MAX_DATE))


def _subset(draw: st.DrawFn, pool: Sequence[Any], max_size: int = 3) -> tuple[Any, ...]:
    """Up to ``max_size`` distinct items of ``pool``, in pool order."""
    return tuple([item for item in pool if draw(_BOOLEAN)][:max_size])


def _maybe_date(draw: st.DrawFn) -> date | None:
    return draw(dates()) if _maybe(draw) else None


@st.composite
def skills(draw: st.DrawFn, *, names: Sequence[str]) -> tuple[Skill, ...]:
    """A skills inventory: one entry for each of ``names`` (distinct)."""
    return tuple(
        Skill(
            name=name,
            level=draw(_LEVEL),
            evidence=draw(_FREE_TEXT),
            last_used=_maybe_date(draw),
            assessed_on=_maybe_date(draw),
        )
        for name in names
    )


@st.composite
def roles(draw: st.DrawFn, *, skill_names: Sequence[str], max_size: int = 3) -> tuple[Role, ...]:
    """Roles with distinct ids, each requiring some of ``skill_names``; at most one vision."""
    role_ids = draw(st.lists(_ID, unique=True, max_size=max_size))
    vision = draw(st.integers(min_value=-1, max_value=len(role_ids) - 1)) if role_ids else -1
    return tuple(
        Role(
            id=role_id,
            title=draw(_TEXT),
            skills=tuple(
                RequiredSkill(skill=name, level=draw(_REQUIRED_LEVEL), weight=draw(_WEIGHT))
                for name in _subset(draw, skill_names)
            ),
            vision=index == vision,
            description=draw(_FREE_TEXT),
        )
        for index, role_id in enumerate(role_ids)
    )


@st.composite
def assets(draw: st.DrawFn, *, role_ids: Sequence[str], max_size: int = 3) -> tuple[Asset, ...]:
    """Assets with distinct ids, tailored for some of ``role_ids``."""
    return tuple(
        Asset(
            id=asset_id,
            kind=draw(st.sampled_from(AssetKind)),
            title=draw(_TEXT),
            roles=_subset(draw, role_ids),
            updated_on=draw(dates()),
            max_age=draw(st.integers(min_value=1, max_value=MAX_AGE)) if _maybe(draw) else None,
            refresh_after_goal=draw(_BOOLEAN),
            notes=draw(_FREE_TEXT),
        )
        for asset_id in draw(st.lists(_ID, unique=True, max_size=max_size))
    )


@st.composite
def interactions(
    draw: st.DrawFn, *, since: date = MIN_DATE, max_size: int = 4
) -> tuple[Interaction, ...]:
    """A log in date order, none before ``since``; a follow-up is never before its interaction."""
    logged = []
    day = since
    for _ in range(draw(st.integers(min_value=0, max_value=max_size))):
        day = _later(draw, day)
        logged.append(
            Interaction(
                on=day,
                channel=draw(st.sampled_from(Channel)),
                note=draw(_FREE_TEXT),
                follow_up=_later(draw, day) if _maybe(draw) else None,
            )
        )
    return tuple(logged)


@st.composite
def contacts(
    draw: st.DrawFn, *, goal_ids: Sequence[str], plan_start: date, max_size: int = 3
) -> tuple[Contact, ...]:
    """Contacts with distinct ids, serving some of ``goal_ids``, with a cadence, a rule or
    neither, and a log that starts on or after ``since`` (or ``plan_start``)."""
    made = []
    for contact_id in draw(st.lists(_ID, unique=True, max_size=max_size)):
        since = draw(dates(MIN_DATE, plan_start)) if _maybe(draw) else None
        keeping = draw(st.integers(min_value=0, max_value=2))
        made.append(
            Contact(
                id=contact_id,
                name=draw(_FREE_TEXT),
                role=draw(st.sampled_from(ContactRole)),
                goals=_subset(draw, goal_ids),
                cadence=draw(st.integers(min_value=1, max_value=MAX_CADENCE))
                if keeping == 1
                else None,
                cadence_rule=draw(st.sampled_from(RRULES)) if keeping == 2 else None,
                since=since,
                interactions=draw(interactions(since=since or plan_start)),
                notes=draw(_FREE_TEXT),
            )
        )
    return tuple(made)


@st.composite
def options(
    draw: st.DrawFn, *, criteria: Sequence[str], role_ids: Sequence[str], task_ids: Sequence[str]
) -> tuple[CareerOption, ...]:
    """Options with distinct ids, rated on some of ``criteria``, explored now and then
    through one of ``task_ids``."""
    made = []
    for option_id in draw(st.lists(_ID, unique=True, max_size=3)):
        explorations = tuple(
            Exploration(
                kind=draw(st.sampled_from(ExplorationKind)),
                title=draw(_TEXT),
                on=_maybe_date(draw),
                task=draw(st.sampled_from(task_ids)) if task_ids and _maybe(draw) else None,
                note=draw(_FREE_TEXT),
            )
            for _ in range(draw(st.integers(min_value=0, max_value=2)))
        )
        made.append(
            CareerOption(
                id=option_id,
                title=draw(_TEXT),
                description=draw(_FREE_TEXT),
                role=draw(st.sampled_from(role_ids)) if role_ids and _maybe(draw) else None,
                ratings=tuple(
                    Rating(criterion=criterion, score=draw(_SCORE))
                    for criterion in _subset(draw, criteria, max_size=4)
                ),
                explorations=explorations,
            )
        )
    return tuple(made)


@st.composite
def stage_sequences(draw: st.DrawFn, *, start: date = MIN_DATE) -> tuple[StageChange, ...]:
    """Stages that move forward in rank, on non-decreasing days from ``start``, and may end
    with a rejection or a withdrawal (never after an acceptance)."""
    forward = [stage for stage in FORWARD_STAGES if draw(_BOOLEAN)] or [Stage.APPLIED]
    if Stage.ACCEPTED not in forward and _maybe(draw):
        forward.append(draw(st.sampled_from([Stage.REJECTED, Stage.WITHDRAWN])))
    changes = []
    day = start
    for stage in forward:
        day = _later(draw, day)
        changes.append(StageChange(stage=stage, on=day))
    return tuple(changes)


@st.composite
def applications(
    draw: st.DrawFn,
    *,
    role_ids: Sequence[str],
    resume_ids: Sequence[str],
    contact_ids: Sequence[str],
    max_size: int = 3,
) -> tuple[Application, ...]:
    """Applications with distinct ids and valid stage sequences, using one of
    ``resume_ids`` and referred by one of ``contact_ids`` now and then; an offer
    deadline only when an offer was made, not before it."""
    made = []
    for application_id in draw(st.lists(_ID, unique=True, max_size=max_size)):
        stages = draw(stage_sequences(start=draw(dates())))
        offered = next((change.on for change in stages if change.stage is Stage.OFFER), None)
        follow_ups = sorted(set(draw(st.lists(dates(stages[0].on), max_size=2))))
        made.append(
            Application(
                id=application_id,
                employer=draw(_TEXT),
                title=draw(_TEXT),
                role=draw(st.sampled_from(role_ids)) if role_ids and _maybe(draw) else None,
                resume=draw(st.sampled_from(resume_ids)) if resume_ids and _maybe(draw) else None,
                referred_by=(
                    draw(st.sampled_from(contact_ids)) if contact_ids and _maybe(draw) else None
                ),
                stages=stages,
                follow_ups=tuple(follow_ups),
                offer_deadline=_later(draw, offered) if offered and _maybe(draw) else None,
                notes=draw(_FREE_TEXT),
            )
        )
    return tuple(made)


def _with_gains(draw: st.DrawFn, items: Sequence[Any], known: Sequence[str]) -> tuple[Any, ...]:
    """``items`` (goals or tasks), some building a few of the ``known`` skills."""
    if not known:
        return tuple(items)
    return tuple(
        attrs.evolve(
            item,
            builds=tuple(SkillGain(skill=name, by=draw(_GAIN)) for name in _subset(draw, known)),
        )
        if _maybe(draw)
        else item
        for item in items
    )


@st.composite
def career_plans(
    draw: st.DrawFn,
    *,
    max_goals: int = 3,
    max_tasks: int = 4,
    max_contacts: int = 3,
    max_applications: int = 3,
) -> Plan:
    """A valid plan of ``plans()`` with every career part added (see the module docstring)."""
    plan = draw(plans(max_goals=max_goals, max_tasks=max_tasks, max_check_ins=1))
    names = draw(st.lists(_NAME, unique=True, max_size=4))
    inventory = draw(skills(names=names[: draw(st.integers(min_value=0, max_value=len(names)))]))
    plan_roles = draw(roles(skill_names=names))
    known = sorted(
        {
            *(skill.name for skill in inventory),
            *(required.skill for role in plan_roles for required in role.skills),
        }
    )
    role_ids = [role.id for role in plan_roles]
    plan_assets = draw(assets(role_ids=role_ids))
    goal_ids = [goal.id for goal in plan.goals]
    plan_contacts = draw(contacts(goal_ids=goal_ids, plan_start=plan.start, max_size=max_contacts))
    profile = plan.profile
    criteria = sorted({*profile.strengths, *profile.interests, *profile.values})
    return attrs.evolve(
        plan,
        profile=attrs.evolve(profile, skills=inventory),
        goals=_with_gains(draw, plan.goals, known),
        tasks=_with_gains(draw, plan.tasks, known),
        roles=plan_roles,
        assets=plan_assets,
        contacts=plan_contacts,
        options=draw(
            options(criteria=criteria, role_ids=role_ids, task_ids=[t.id for t in plan.tasks])
        ),
        option_weights=tuple(
            CriterionWeight(criterion=criterion, weight=draw(_WEIGHT))
            for criterion in _subset(draw, criteria)
        ),
        applications=draw(
            applications(
                role_ids=role_ids,
                resume_ids=[asset.id for asset in plan_assets if asset.kind is AssetKind.RESUME],
                contact_ids=[contact.id for contact in plan_contacts],
                max_size=max_applications,
            )
        ),
    )


def career_plan_documents(**kwargs: int) -> st.SearchStrategy[dict[str, Any]]:
    """Valid plan documents with career parts: ``careerkit.to_dict`` of ``career_plans``."""
    return career_plans(**kwargs).map(careerkit.to_dict)
