"""A large plan with every career part, for the career domain benchmark and its tests."""

from __future__ import annotations

import random
from datetime import date, timedelta

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
    Goal,
    Interaction,
    Plan,
    Profile,
    Rating,
    RequiredSkill,
    Role,
    Skill,
    SkillGain,
    Stage,
    StageChange,
    Status,
    Task,
)

START = date(2024, 1, 8)
AS_OF = date(2026, 11, 26)
_FORWARD = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER, Stage.ACCEPTED)


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def make_domain_plan(
    *,
    contacts: int = 2_000,
    interactions: int = 20,
    applications: int = 500,
    skills: int = 300,
    tasks: int = 1_000,
    seed: int = 11,
) -> Plan:
    """A valid plan of ``contacts`` contacts with ``interactions`` interactions each,
    ``applications`` applications, ``skills`` skills on the profile, three target
    roles, assets, options and ``tasks`` tasks building skills."""
    rng = random.Random(seed)
    names = [f"skill {n}" for n in range(skills)]
    values = ("growth", "autonomy", "impact", "balance")
    interests = ("brand", "analytics", "product", "data")
    profile = Profile(
        values=values,
        interests=interests,
        strengths=("writing",),
        skills=[
            Skill(name=name, level=rng.randint(0, 4), last_used=_day(rng, START, AS_OF))
            for name in names
        ],
    )
    roles = [
        Role(
            id=f"role-{n}",
            title=f"Role {n}",
            vision=n == 0,
            skills=[
                RequiredSkill(skill=name, level=rng.randint(2, 5), weight=rng.choice((1, 2, 3)))
                for name in rng.sample(names, min(60, skills))
            ],
        )
        for n in range(3)
    ]
    goals = [Goal(id=f"goal-{n}", title=f"Reach goal {n}") for n in range(max(1, tasks // 20))]
    work = []
    for n in range(tasks):
        done = rng.random() < 0.3
        started = _day(rng, START, AS_OF - timedelta(days=30))
        work.append(
            Task(
                id=f"t{n}",
                goal=goals[n % len(goals)].id,
                title=f"Task {n}",
                duration=rng.randint(1, 8),
                builds=[SkillGain(skill=rng.choice(names), by=rng.randint(1, 2))],
                **(
                    {
                        "status": Status.DONE,
                        "started_on": started,
                        "done_on": started + timedelta(days=5),
                    }
                    if done
                    else {}
                ),
            )
        )
    assets = [
        Asset(
            id=f"asset-{n}",
            kind=AssetKind.RESUME if n % 2 == 0 else AssetKind.PORTFOLIO,
            title=f"Asset {n}",
            roles=[f"role-{n % 3}"] if n % 2 == 0 else [],
            updated_on=_day(rng, START, AS_OF),
            max_age=rng.choice((None, 90, 180)),
            refresh_after_goal=n % 3 == 0,
        )
        for n in range(40)
    ]
    people = []
    for n in range(contacts):
        days = sorted(_day(rng, START, AS_OF + timedelta(days=30)) for _ in range(interactions))
        log = [
            Interaction(
                on=day,
                channel=rng.choice(list(Channel)),
                note=f"Note {n}-{i}",
                follow_up=day + timedelta(days=7) if rng.random() < 0.1 else None,
            )
            for i, day in enumerate(days)
        ]
        rule = "FREQ=MONTHLY;INTERVAL=2" if n % 7 == 0 else None
        people.append(
            Contact(
                id=f"contact-{n}",
                name=f"Person {n}",
                role=rng.choice(list(ContactRole)),
                goals=[goals[n % len(goals)].id],
                cadence=None if rule else rng.choice((None, 30, 60, 90)),
                cadence_rule=rule,
                since=START,
                interactions=log,
            )
        )
    options = [
        CareerOption(
            id=f"option-{n}",
            title=f"Option {n}",
            role=f"role-{n % 3}",
            ratings=[Rating(criterion=c, score=rng.randint(0, 5)) for c in (*values, *interests)],
            explorations=[Exploration(kind=ExplorationKind.COURSE, title=f"Course {n}")],
        )
        for n in range(20)
    ]
    jobs = []
    for n in range(applications):
        first = _day(rng, START, AS_OF - timedelta(days=20))
        reached = rng.randint(1, len(_FORWARD))
        stages = [StageChange(stage=_FORWARD[0], on=first)]
        day = first
        for stage in _FORWARD[1:reached]:
            day += timedelta(days=rng.randint(3, 20))
            stages.append(StageChange(stage=stage, on=day))
        if stages[-1].stage is not Stage.ACCEPTED and rng.random() < 0.4:
            stages.append(StageChange(stage=Stage.REJECTED, on=day + timedelta(days=5)))
        offered = any(change.stage is Stage.OFFER for change in stages)
        jobs.append(
            Application(
                id=f"app-{n}",
                employer=f"Employer {n}",
                title="Marketing lead",
                role=f"role-{n % 3}",
                resume=f"asset-{2 * (n % 20)}",
                referred_by=f"contact-{n}" if n % 3 == 0 else None,
                stages=stages,
                offer_deadline=day + timedelta(days=10) if offered else None,
            )
        )
    return Plan(
        id="domain",
        owner="Bench",
        start=START,
        profile=profile,
        goals=goals,
        tasks=work,
        roles=roles,
        assets=assets,
        contacts=people,
        options=options,
        option_weights=[CriterionWeight(criterion="growth", weight=3)],
        applications=jobs,
    )
