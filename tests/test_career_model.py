"""The career model: skills and roles, assets, contacts, options and applications.

Every rule of every value is checked through the constructors and through
``careerkit.loads`` (paths from the document root, every problem at once);
the whole-plan references; the JSON Schema against the model; documents of
every schema version; and the history of plans with career parts.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

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
    Goal,
    GoalStatus,
    History,
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
    Task,
    ValidationError,
)
from careerkit.io.documents import unstructure_value
from careerkit.model.assets import MAX_AGE
from careerkit.model.contacts import MAX_CADENCE
from careerkit.model.skills import LEVELS, MAX_LEVEL

from .career_strategies import FORWARD_STAGES, career_plan_documents, career_plans
from .strategies import deterministic
from .test_io import PINNED_V3

_properties = settings(deterministic, max_examples=40)
"""Fewer examples than the default: each career plan is costly to draw."""

DATA = Path(__file__).resolve().parent / "data"
V4 = DATA / "plan-v4.json"


def schema_validator() -> Draft202012Validator:
    """A validator for ``json_schema()`` that also checks the "date" format."""
    return Draft202012Validator(careerkit.json_schema(), format_checker=FormatChecker())


def rejected(make: Callable[[], object]) -> ValidationError:
    """Call ``make`` and return the ``ValidationError`` it must raise."""
    with pytest.raises(ValidationError) as caught:
        make()
    return caught.value


def paths(error: ValidationError) -> list[str]:
    """The paths of every problem an error reports, in its order."""
    return [problem.path for problem in error.problems]


def v4_document() -> dict[str, Any]:
    """A fresh copy of the pinned version 4 document."""
    return json.loads(V4.read_text(encoding="utf-8"))


def loads_document(document: dict[str, Any]) -> Plan:
    return careerkit.loads(json.dumps(document))


D = date(2026, 3, 2)

CAREER_PLAN = Plan(
    id="ana-2026",
    owner="Ana",
    start=date(2026, 1, 5),
    profile=Profile(
        strengths=("writing",),
        interests=("brand strategy",),
        values=("autonomy", "growth"),
        skills=(Skill(name="SEO", level=2), Skill(name="analytics", level=1)),
    ),
    goals=(
        Goal(id="cert", title="Earn the certification", builds=(SkillGain(skill="analytics"),)),
        Goal(id="director", title="Become marketing director", status=GoalStatus.ACTIVE),
    ),
    tasks=(
        Task(
            id="course",
            goal="cert",
            title="Take the course",
            duration=10,
            builds=(SkillGain(skill="budgeting", by=2),),
        ),
    ),
    roles=(
        Role(
            id="director-role",
            title="Marketing director",
            skills=(
                RequiredSkill(skill="budgeting", level=4, weight=2),
                RequiredSkill(skill="SEO", level=3),
            ),
            vision=True,
        ),
        Role(id="lead", title="Marketing lead"),
    ),
    assets=(
        Asset(
            id="cv",
            kind=AssetKind.RESUME,
            title="Resume",
            roles=("director-role",),
            updated_on=date(2026, 1, 10),
            max_age=180,
        ),
        Asset(id="site", kind=AssetKind.PORTFOLIO, title="Portfolio", updated_on=date(2025, 6, 1)),
    ),
    contacts=(
        Contact(
            id="mentor-1",
            role=ContactRole.MENTOR,
            goals=("director",),
            cadence=30,
            interactions=(
                Interaction(on=date(2026, 1, 12), channel=Channel.CALL),
                Interaction(on=date(2026, 2, 9), follow_up=date(2026, 2, 16)),
            ),
        ),
        Contact(id="recruiter-1", role=ContactRole.RECRUITER, cadence_rule="FREQ=MONTHLY"),
    ),
    options=(
        CareerOption(
            id="agency",
            title="Move to an agency",
            role="lead",
            ratings=(Rating(criterion="autonomy", score=4), Rating(criterion="growth", score=2.5)),
            explorations=(
                Exploration(kind=ExplorationKind.JOB_SHADOWING, title="A day", task="course"),
            ),
        ),
    ),
    option_weights=(CriterionWeight(criterion="growth", weight=2),),
    applications=(
        Application(
            id="acme",
            employer="Acme",
            title="Marketing lead",
            role="lead",
            resume="cv",
            referred_by="mentor-1",
            stages=(
                StageChange(stage=Stage.APPLIED, on=date(2026, 2, 2)),
                StageChange(stage=Stage.OFFER, on=date(2026, 3, 2)),
            ),
            follow_ups=(date(2026, 2, 20),),
            offer_deadline=date(2026, 3, 9),
        ),
    ),
)
"""A small plan with one or two of every career part, every reference resolving."""


# ---------------------------------------------------------------------------
# The rules of each value, through its constructor.
# ---------------------------------------------------------------------------

_STAGES = [StageChange(stage=Stage.APPLIED, on=D)]

CONSTRUCTOR_CASES: list[tuple[str, Callable[[], object], list[str]]] = [
    ("skill level too high", lambda: Skill(name="SEO", level=6), ["level"]),
    ("skill level negative", lambda: Skill(name="SEO", level=-1), ["level"]),
    ("skill level a float", lambda: Skill(name="SEO", level=2.5), ["level"]),
    ("skill level a boolean", lambda: Skill(name="SEO", level=True), ["level"]),
    (
        "skill: every field at once",
        lambda: Skill(name=" ", level="3", evidence=None, last_used="2026", assessed_on=1),
        ["name", "level", "evidence", "last_used", "assessed_on"],
    ),
    (
        "skill date past the supported dates",
        lambda: Skill(name="a", level=1, last_used=date(9999, 1, 1)),
        ["last_used"],
    ),
    ("gain by 0", lambda: SkillGain(skill="SEO", by=0), ["by"]),
    ("gain by 6", lambda: SkillGain(skill="SEO", by=6), ["by"]),
    ("gain of a blank skill", lambda: SkillGain(skill="\u3000"), ["skill"]),
    ("required level 0", lambda: RequiredSkill(skill="SEO", level=0), ["level"]),
    ("required level 6", lambda: RequiredSkill(skill="SEO", level=6), ["level"]),
    (
        "required weight negative",
        lambda: RequiredSkill(skill="SEO", level=2, weight=-1),
        ["weight"],
    ),
    (
        "required weight not finite",
        lambda: RequiredSkill(skill="SEO", level=2, weight=float("inf")),
        ["weight"],
    ),
    ("role id", lambda: Role(id="a role", title="R"), ["id"]),
    ("role vision not a boolean", lambda: Role(id="r", title="R", vision=1), ["vision"]),
    ("role skills not a list", lambda: Role(id="r", title="R", skills="SEO"), ["skills"]),
    (
        "role skills of the wrong kind",
        lambda: Role(id="r", title="R", skills=[RequiredSkill(skill="a", level=1), "b"]),
        ["skills[1]"],
    ),
    (
        "role skill listed twice, and a bad title",
        lambda: Role(
            id="r",
            title="",
            skills=[RequiredSkill(skill="a", level=1), RequiredSkill(skill="a", level=2)],
        ),
        ["title", "skills[1].skill"],
    ),
    ("asset kind", lambda: Asset(id="a", kind="resume", title="T", updated_on=D), ["kind"]),
    (
        "asset max_age 0 and bad role ids",
        lambda: Asset(
            id="a", kind=AssetKind.RESUME, title="T", updated_on=D, max_age=0, roles=["x y"]
        ),
        ["roles[0]", "max_age"],
    ),
    (
        "asset max_age too long",
        lambda: Asset(id="a", kind=AssetKind.RESUME, title="T", updated_on=D, max_age=MAX_AGE + 1),
        ["max_age"],
    ),
    (
        "asset roles listed twice",
        lambda: Asset(id="a", kind=AssetKind.RESUME, title="T", updated_on=D, roles=["r", "r"]),
        ["roles[1]"],
    ),
    (
        "asset updated_on missing a date, refresh_after_goal not a boolean",
        lambda: Asset(
            id="a", kind=AssetKind.PORTFOLIO, title="T", updated_on=None, refresh_after_goal="y"
        ),
        ["updated_on", "refresh_after_goal"],
    ),
    ("interaction channel", lambda: Interaction(on=D, channel="call"), ["channel"]),
    (
        "interaction follow-up before it",
        lambda: Interaction(on=D, follow_up=date(2026, 3, 1)),
        ["follow_up"],
    ),
    (
        "interaction: every field at once",
        lambda: Interaction(on="2026-03-02", channel=None, note=3, follow_up="soon"),
        ["on", "channel", "note", "follow_up"],
    ),
    ("contact id", lambda: Contact(id=""), ["id"]),
    ("contact cadence 0", lambda: Contact(id="c", cadence=0), ["cadence"]),
    ("contact cadence too long", lambda: Contact(id="c", cadence=MAX_CADENCE + 1), ["cadence"]),
    ("contact cadence a float", lambda: Contact(id="c", cadence=7.5), ["cadence"]),
    ("contact cadence rule", lambda: Contact(id="c", cadence_rule="FREQ=HOURLY"), ["cadence_rule"]),
    (
        "contact cadence and rule",
        lambda: Contact(id="c", cadence=7, cadence_rule="FREQ=WEEKLY"),
        ["cadence_rule"],
    ),
    ("contact role", lambda: Contact(id="c", role="mentor"), ["role"]),
    ("contact goals listed twice", lambda: Contact(id="c", goals=["g", "g"]), ["goals[1]"]),
    (
        "contact interactions out of order, twice",
        lambda: Contact(
            id="c",
            interactions=[
                Interaction(on=date(2026, 3, 5)),
                Interaction(on=date(2026, 3, 1)),
                Interaction(on=date(2026, 2, 1)),
            ],
        ),
        ["interactions[1].on", "interactions[2].on"],
    ),
    (
        "contact interaction before since",
        lambda: Contact(id="c", since=date(2026, 4, 1), interactions=[Interaction(on=D)]),
        ["interactions[0].on"],
    ),
    (
        "contact interactions of the wrong kind",
        lambda: Contact(id="c", interactions=[Interaction(on=D), {"on": "2026-03-02"}]),
        ["interactions[1]"],
    ),
    (
        "contact: every field at once",
        lambda: Contact(
            id="c d", name=None, cadence=-1, since="x", interactions="none", notes=1, goals="g"
        ),
        ["id", "name", "goals", "cadence", "since", "interactions", "notes"],
    ),
    ("rating score above 5", lambda: Rating(criterion="growth", score=5.5), ["score"]),
    ("rating score negative", lambda: Rating(criterion="growth", score=-0.1), ["score"]),
    ("rating score NaN", lambda: Rating(criterion="growth", score=float("nan")), ["score"]),
    ("rating score text", lambda: Rating(criterion="", score="4"), ["criterion", "score"]),
    ("weight negative", lambda: CriterionWeight(criterion="growth", weight=-1), ["weight"]),
    ("exploration kind", lambda: Exploration(kind="course", title="T"), ["kind"]),
    (
        "exploration task id",
        lambda: Exploration(kind=ExplorationKind.COURSE, title="T", task="a task"),
        ["task"],
    ),
    (
        "option rated twice on a criterion",
        lambda: CareerOption(
            id="o",
            title="O",
            ratings=[Rating(criterion="growth", score=1), Rating(criterion="growth", score=2)],
        ),
        ["ratings[1].criterion"],
    ),
    (
        "option: every field at once",
        lambda: CareerOption(id="-o", title=1, role="r r", ratings=(1,), explorations=None),
        ["id", "title", "role", "ratings[0]", "explorations"],
    ),
    ("stage change stage", lambda: StageChange(stage="applied", on=D), ["stage"]),
    ("stage change date", lambda: StageChange(stage=Stage.APPLIED, on=None), ["on"]),
    (
        "application without stages",
        lambda: Application(id="a", employer="E", title="T", stages=[]),
        ["stages"],
    ),
    (
        "application stages going back, on a day before, and after an end",
        lambda: Application(
            id="a",
            employer="E",
            title="T",
            stages=[
                StageChange(stage=Stage.INTERVIEW, on=date(2026, 3, 2)),
                StageChange(stage=Stage.SCREENING, on=date(2026, 3, 1)),
                StageChange(stage=Stage.WITHDRAWN, on=date(2026, 3, 3)),
                StageChange(stage=Stage.OFFER, on=date(2026, 3, 4)),
            ],
        ),
        ["stages[1].on", "stages[1].stage", "stages[3].stage"],
    ),
    (
        "application stage listed twice",
        lambda: Application(
            id="a",
            employer="E",
            title="T",
            stages=[StageChange(stage=Stage.INTERVIEW, on=D)] * 2,
        ),
        ["stages[1].stage"],
    ),
    (
        "application nothing after an acceptance",
        lambda: Application(
            id="a",
            employer="E",
            title="T",
            stages=[
                StageChange(stage=Stage.ACCEPTED, on=D),
                StageChange(stage=Stage.REJECTED, on=D),
            ],
        ),
        ["stages[1].stage"],
    ),
    (
        "application follow-ups out of order and twice",
        lambda: Application(
            id="a",
            employer="E",
            title="T",
            stages=_STAGES,
            follow_ups=[date(2026, 3, 9), date(2026, 3, 9), date(2026, 3, 3)],
        ),
        ["follow_ups[1]", "follow_ups[2]"],
    ),
    (
        "application offer deadline without an offer",
        lambda: Application(id="a", employer="E", title="T", stages=_STAGES, offer_deadline=D),
        ["offer_deadline"],
    ),
    (
        "application offer deadline before the offer",
        lambda: Application(
            id="a",
            employer="E",
            title="T",
            stages=[StageChange(stage=Stage.OFFER, on=D)],
            offer_deadline=date(2026, 3, 1),
        ),
        ["offer_deadline"],
    ),
    (
        "application: every field at once",
        lambda: Application(
            id=None,
            employer=" ",
            title="",
            role=1,
            resume="a b",
            referred_by="",
            stages="applied",
            follow_ups=["2026-03-02"],
            offer_deadline="x",
            notes=None,
        ),
        [
            "id",
            "employer",
            "title",
            "role",
            "resume",
            "referred_by",
            "stages",
            "follow_ups[0]",
            "offer_deadline",
            "notes",
        ],
    ),
    (
        "profile skill listed twice",
        lambda: Profile(skills=[Skill(name="SEO", level=1), Skill(name="SEO", level=2)]),
        ["skills[1].name"],
    ),
    ("profile skills of the wrong kind", lambda: Profile(skills=["SEO"]), ["skills[0]"]),
    (
        "goal builds of the wrong kind",
        lambda: Goal(id="g", title="G", builds=["SEO"]),
        ["builds[0]"],
    ),
    ("task builds not a list", lambda: Task(id="t", goal="g", title="T", builds=None), ["builds"]),
]


@pytest.mark.parametrize(
    ("make", "expected"),
    [case[1:] for case in CONSTRUCTOR_CASES],
    ids=[case[0] for case in CONSTRUCTOR_CASES],
)
def test_constructors_report_every_problem_by_field(
    make: Callable[[], object], expected: list[str]
) -> None:
    """Each bad value is refused with a ``ValidationError`` naming each bad field, all at once."""
    assert expected == paths(rejected(make))


def test_a_repeated_entry_names_the_first_by_its_index() -> None:
    """The message of a repeated entry reads right under an outer path, too."""
    document = v4_document()
    document["profile"]["skills"].append({"name": "positioning", "level": 1})

    error = rejected(lambda: loads_document(document))

    assert ["profile.skills[2].name: 'positioning' is listed twice (also at index 0)"] == [
        str(problem) for problem in error.problems
    ]


def test_the_messages_say_what_is_wrong() -> None:
    """Messages name the rule broken and the values involved."""
    messages = {
        str(problem)
        for make in (
            lambda: Skill(name="SEO", level=7),
            lambda: Contact(id="c", since=date(2026, 4, 1), interactions=[Interaction(on=D)]),
            lambda: Application(
                id="a",
                employer="E",
                title="T",
                stages=[StageChange(stage=Stage.OFFER, on=D)],
                offer_deadline=date(2026, 3, 1),
            ),
            lambda: Application(
                id="a",
                employer="E",
                title="T",
                stages=[
                    StageChange(stage=Stage.REJECTED, on=D),
                    StageChange(stage=Stage.APPLIED, on=D),
                ],
            ),
        )
        for problem in rejected(make).problems
    }

    assert {
        "level: must be at most 5, got 7",
        "interactions[0].on: 2026-03-02 is before since (2026-04-01)",
        "offer_deadline: 2026-03-01 is before the offer (2026-03-02)",
        "stages[1].stage: follows rejected, which ends the application",
    } == messages


def test_valid_values_hold_what_they_were_given() -> None:
    """Sound values are accepted and keep their fields; lists become tuples."""
    role = Role(id="r", title="R", skills=[RequiredSkill(skill="a", level=5, weight=0)])
    contact = Contact(id="c", goals=["g"], interactions=[Interaction(on=D), Interaction(on=D)])
    application = Application(
        id="a",
        employer="E",
        title="T",
        stages=[
            StageChange(stage=Stage.SAVED, on=D),
            StageChange(stage=Stage.APPLIED, on=D),
            StageChange(stage=Stage.REJECTED, on=D),
        ],
    )

    assert (RequiredSkill(skill="a", level=5, weight=0),) == role.skills
    assert (("g",), 2) == (contact.goals, len(contact.interactions))
    assert Stage.REJECTED is application.stage
    assert (0, 5, "expert") == (Skill(name="a", level=0).level, MAX_LEVEL, LEVELS[MAX_LEVEL])


# ---------------------------------------------------------------------------
# The lookups of the values.
# ---------------------------------------------------------------------------


def test_lookups_by_name() -> None:
    """Skills, required skills and ratings are found by name; None or 0 when absent."""
    profile = CAREER_PLAN.profile
    role = CAREER_PLAN.roles[0]
    option = CAREER_PLAN.options[0]

    assert (Skill(name="SEO", level=2), None) == (profile.skill("SEO"), profile.skill("seo"))
    assert (RequiredSkill(skill="budgeting", level=4, weight=2), None) == (
        role.required("budgeting"),
        role.required("SEO "),
    )
    assert (2.5, 4, 0) == (
        option.score_of("growth"),
        option.score_of("autonomy"),
        option.score_of("writing"),
    )


def test_last_interaction_as_of() -> None:
    """The last interaction on or before the day; None before the first."""
    mentor = CAREER_PLAN.contacts[0]

    found = [
        mentor.last_interaction(as_of=day)
        for day in (date(2026, 1, 11), date(2026, 1, 12), date(2026, 2, 8), date(2027, 1, 1))
    ]

    assert [None, date(2026, 1, 12), date(2026, 1, 12), date(2026, 2, 9)] == [
        None if interaction is None else interaction.on for interaction in found
    ]
    assert found[-1] is mentor.interactions[-1]
    assert ["as_of"] == paths(rejected(lambda: mentor.last_interaction(as_of="2026-02-09")))


def test_stage_of_an_application_and_when_it_reached_one() -> None:
    """``stage`` is the last reached; ``reached`` the day of a stage, None if never."""
    application = CAREER_PLAN.applications[0]

    assert Stage.OFFER is application.stage
    assert (date(2026, 2, 2), None) == (
        application.reached(Stage.APPLIED),
        application.reached(Stage.INTERVIEW),
    )


def test_stage_ranks_and_ends() -> None:
    """The forward stages rank 0 to 5; accepted, rejected and withdrawn end an application."""
    assert list(range(6)) == [stage.rank for stage in FORWARD_STAGES]
    assert (None, None) == (Stage.REJECTED.rank, Stage.WITHDRAWN.rank)
    assert {Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN} == {
        stage for stage in Stage if stage.is_final
    }


@pytest.mark.parametrize(
    ("updated_on", "max_age", "due_on"),
    [
        (date(2026, 3, 1), 180, date(2026, 8, 28)),
        (date(2026, 3, 1), 1, date(2026, 3, 2)),
        (date(2026, 3, 1), None, None),
        (date(9000, 12, 31), MAX_AGE, date(9100, 12, 7)),  # the furthest: still a date
    ],
)
def test_asset_due_on(updated_on: date, max_age: int | None, due_on: date | None) -> None:
    """An asset is due ``max_age`` days after its update; never without an age limit."""
    asset = Asset(id="a", kind=AssetKind.RESUME, title="T", updated_on=updated_on, max_age=max_age)

    assert due_on == asset.due_on


# ---------------------------------------------------------------------------
# The whole plan: references, names, duplicates.
# ---------------------------------------------------------------------------


def _evolve_item(plan: Plan, name: str, index: int, **changes: Any) -> dict[str, Any]:
    """The plan's fields with one item of list ``name`` changed (for ``Plan(**...)``)."""
    items = list(getattr(plan, name))
    items[index] = attrs.evolve(items[index], **changes)
    return {name: tuple(items)}


PLAN_CASES: list[tuple[str, Callable[[Plan], dict[str, Any]], list[str]]] = [
    (
        "two vision roles",
        lambda p: _evolve_item(p, "roles", 1, vision=True),
        ["roles[1].vision"],
    ),
    (
        "duplicate ids in every list",
        lambda p: {
            name: (*getattr(p, name), getattr(p, name)[0])
            for name in ("roles", "assets", "contacts", "options", "applications")
        },
        [
            "roles[2].id",
            "roles[2].vision",
            "assets[2].id",
            "contacts[2].id",
            "options[1].id",
            "applications[1].id",
        ],
    ),
    (
        "unknown role of an asset, an option and an application",
        lambda p: {
            **_evolve_item(p, "assets", 0, roles=("director-role", "ceo")),
            **_evolve_item(p, "options", 0, role="ceo"),
            **_evolve_item(p, "applications", 0, role="ceo"),
        },
        ["assets[0].roles[1]", "options[0].role", "applications[0].role"],
    ),
    (
        "unknown goal of a contact, unknown task of an exploration",
        lambda p: {
            **_evolve_item(p, "contacts", 1, goals=("cert", "nowhere")),
            **_evolve_item(
                p,
                "options",
                0,
                explorations=(Exploration(kind=ExplorationKind.COURSE, title="T", task="nowhere"),),
            ),
        },
        ["contacts[1].goals[1]", "options[0].explorations[0].task"],
    ),
    (
        "unknown resume and contact of an application",
        lambda p: _evolve_item(p, "applications", 0, resume="cv-2", referred_by="mentor-2"),
        ["applications[0].resume", "applications[0].referred_by"],
    ),
    (
        "a resume that is a portfolio",
        lambda p: _evolve_item(p, "applications", 0, resume="site"),
        ["applications[0].resume"],
    ),
    (
        "gains naming unknown skills, and one twice",
        lambda p: {
            **_evolve_item(p, "goals", 1, builds=(SkillGain(skill="sales"),)),
            **_evolve_item(
                p, "tasks", 0, builds=(SkillGain(skill="SEO"), SkillGain(skill="SEO", by=2))
            ),
        },
        ["goals[1].builds[0].skill", "tasks[0].builds[1].skill"],
    ),
    (
        "criteria not in the profile (a weakness is not one)",
        lambda p: {
            "profile": attrs.evolve(p.profile, weaknesses=("negotiation",)),
            **_evolve_item(p, "options", 0, ratings=(Rating(criterion="negotiation", score=1),)),
            "option_weights": (
                CriterionWeight(criterion="pay", weight=1),
                CriterionWeight(criterion="growth", weight=1),
                CriterionWeight(criterion="growth", weight=3),
            ),
        },
        [
            "option_weights[2].criterion",
            "option_weights[0].criterion",
            "options[0].ratings[0].criterion",
        ],
    ),
]


@pytest.mark.parametrize(
    ("change", "expected"),
    [case[1:] for case in PLAN_CASES],
    ids=[case[0] for case in PLAN_CASES],
)
def test_whole_plan_rules_report_every_problem(
    change: Callable[[Plan], dict[str, Any]], expected: list[str]
) -> None:
    """A plan whose career parts refer to what is not there is refused, every problem at once,
    through the constructor and through a document."""
    fields = {
        attribute.name: getattr(CAREER_PLAN, attribute.name)
        for attribute in attrs.fields(Plan)
        if attribute.init
    }
    fields.update(change(CAREER_PLAN))

    error = rejected(lambda: Plan(**fields))

    assert sorted(expected) == sorted(paths(error))
    assert sorted(expected) == sorted(paths(rejected(lambda: _document_of(fields))))


def _document_of(fields: dict[str, Any]) -> Plan:
    """Load the document of a plan's fields, written value by value (the plan is invalid)."""
    document = {"schema_version": careerkit.SCHEMA_VERSION}
    document.update({name: unstructure_value(value) for name, value in fields.items()})
    return careerkit.from_dict(document)


def test_the_sample_career_plan_is_valid_and_round_trips() -> None:
    """The plan the tests above break is sound, and survives its document."""
    assert CAREER_PLAN == careerkit.loads(careerkit.dumps(CAREER_PLAN))
    schema_validator().validate(careerkit.to_dict(CAREER_PLAN))


def test_a_skill_required_only_by_a_role_can_be_built() -> None:
    """Work may build a skill the profile does not list yet, if a role requires it."""
    assert ("budgeting",) == tuple(gain.skill for gain in CAREER_PLAN.task("course").builds)
    assert CAREER_PLAN.profile.skill("budgeting") is None


# ---------------------------------------------------------------------------
# Documents: loads reports paths from the document root.
# ---------------------------------------------------------------------------


def _set(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """A copy of ``document`` with the value at ``path`` replaced (or removed for ``...``)."""
    changed = copy.deepcopy(document)
    target = changed
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


DOCUMENT_CASES: list[tuple[tuple[Any, ...], Any, str, bool]] = [
    # (where, bad value, path reported, whether the JSON Schema can say it too)
    (("profile", "skills", 0, "level"), 6, "profile.skills[0].level", True),
    (("profile", "skills", 0, "level"), 2.5, "profile.skills[0].level", True),
    (("profile", "skills", 1, "assessed_on"), "2025-02-30", "profile.skills[1].assessed_on", True),
    (("profile", "skills", 1, "name"), "positioning", "profile.skills[1].name", False),
    (("goals", 0, "builds", 0, "by"), 0, "goals[0].builds[0].by", True),
    (("goals", 0, "builds", 0, "skill"), "sales", "goals[0].builds[0].skill", False),
    (("tasks", 1, "builds", 0), "positioning", "tasks[1].builds[0]", True),
    (("roles", 0, "id"), "head pmm", "roles[0].id", True),
    (("roles", 0, "skills", 1, "level"), 0, "roles[0].skills[1].level", True),
    (("roles", 0, "skills", 1, "level"), 6, "roles[0].skills[1].level", True),
    (("roles", 0, "skills", 0, "weight"), -2, "roles[0].skills[0].weight", True),
    (("roles", 0, "vision"), "true", "roles[0].vision", True),
    (("roles", 0, "title"), ..., "roles[0].title", True),
    (("assets", 0, "kind"), "cv", "assets[0].kind", True),
    (("assets", 0, "max_age"), 0, "assets[0].max_age", True),
    (("assets", 0, "max_age"), MAX_AGE + 1, "assets[0].max_age", True),
    (("assets", 0, "roles"), ["head-pmm-role", "head-pmm-role"], "assets[0].roles[1]", True),
    (("assets", 0, "roles", 0), "ceo", "assets[0].roles[0]", False),
    (("assets", 1, "refresh_after_goal"), 1, "assets[1].refresh_after_goal", True),
    (("assets", 1, "updated_on"), None, "assets[1].updated_on", True),
    (("contacts", 0, "cadence"), 0, "contacts[0].cadence", True),
    (("contacts", 0, "cadence"), MAX_CADENCE + 1, "contacts[0].cadence", True),
    (("contacts", 0, "cadence_rule"), "FREQ=WEEKLY", "contacts[0].cadence_rule", False),
    (("contacts", 1, "cadence_rule"), "", "contacts[1].cadence_rule", True),
    (("contacts", 1, "role"), "friend", "contacts[1].role", True),
    (("contacts", 0, "goals", 0), "no goal", "contacts[0].goals[0]", True),
    (("contacts", 0, "goals", 0), "nowhere", "contacts[0].goals[0]", False),
    (("contacts", 0, "interactions", 0, "on"), "yesterday", "contacts[0].interactions[0].on", True),
    (
        ("contacts", 0, "interactions", 0, "channel"),
        "fax",
        "contacts[0].interactions[0].channel",
        True,
    ),
    (
        ("contacts", 0, "interactions", 0, "follow_up"),
        "2025-01-09",
        "contacts[0].interactions[0].follow_up",
        False,
    ),
    (("contacts", 0, "since"), "2025-02-01", "contacts[0].interactions[0].on", False),
    (("contacts", 0, "interactions", 0, "mood"), "good", "contacts[0].interactions[0].mood", True),
    (("options", 0, "ratings", 0, "score"), 5.5, "options[0].ratings[0].score", True),
    (("options", 0, "ratings", 0, "score"), -1, "options[0].ratings[0].score", True),
    (
        ("options", 0, "ratings", 0, "criterion"),
        "learning",
        "options[0].ratings[1].criterion",
        False,
    ),
    (
        ("options", 0, "ratings", 0, "criterion"),
        "writing",
        "options[0].ratings[0].criterion",
        True,
    ),  # a strength: allowed, so this one passes both (see below)
    (("options", 1, "explorations", 0, "kind"), "coffee", "options[1].explorations[0].kind", True),
    (
        ("options", 1, "explorations", 0, "task"),
        "nowhere",
        "options[1].explorations[0].task",
        False,
    ),
    (("options", 0, "role"), "ceo", "options[0].role", False),
    (("option_weights", 0, "weight"), -0.5, "option_weights[0].weight", True),
    (("option_weights", 0, "criterion"), "negotiation", "option_weights[0].criterion", False),
    (("applications", 0, "stages"), [], "applications[0].stages", True),
    (("applications", 0, "stages", 1, "stage"), "hired", "applications[0].stages[1].stage", True),
    (
        ("applications", 0, "stages", 1, "stage"),
        "applied",
        "applications[0].stages[1].stage",
        False,
    ),
    (("applications", 0, "stages", 1, "on"), "2025-01-01", "applications[0].stages[1].on", False),
    (("applications", 0, "employer"), "\t", "applications[0].employer", True),
    (("applications", 0, "resume"), "profile", "applications[0].resume", False),
    (("applications", 0, "referred_by"), "mentor-9", "applications[0].referred_by", False),
    (
        ("applications", 0, "follow_ups"),
        ["2025-03-04", "2025-03-04"],
        "applications[0].follow_ups[1]",
        True,
    ),
    (("applications", 0, "offer_deadline"), "2025-04-01", "applications[0].offer_deadline", False),
]
_REFUSED = [
    case
    for case in DOCUMENT_CASES
    if case[2] != "options[0].ratings[0].criterion" and case[:2] != (("roles", 0, "id"), "head pmm")
]


@pytest.mark.parametrize(
    ("where", "value", "path", "schema_says"),
    _REFUSED,
    ids=[f"{case[2]}={case[1]!r}" for case in _REFUSED],
)
def test_loads_reports_the_path_from_the_document_root(
    where: tuple[Any, ...], value: Any, path: str, schema_says: bool
) -> None:
    """A bad career field in a document is refused by loads, at its whole path; the JSON
    Schema refuses it too where a schema can say it, and accepts it otherwise (it checks
    no references, orders or cross-field rules)."""
    document = _set(v4_document(), where, value)

    assert [path] == paths(rejected(lambda: loads_document(document)))
    assert (not schema_says) == schema_validator().is_valid(document)


def test_a_role_whose_id_cannot_be_read_leaves_its_references_unknown() -> None:
    """A role with a malformed id is refused, and what refers to it by its old id is
    reported too: every problem at once, read item by item."""
    document = _set(v4_document(), ("roles", 0, "id"), "head pmm")

    assert [
        "roles[0].id",
        "assets[0].roles[0]",
        "options[0].role",
        "applications[0].role",
    ] == paths(rejected(lambda: loads_document(document)))


def test_a_criterion_that_is_a_strength_is_accepted_by_both() -> None:
    """Options may be rated on strengths, not only on interests and values."""
    document = _set(v4_document(), ("options", 0, "ratings", 0, "criterion"), "writing")

    assert "writing" == loads_document(document).options[0].ratings[0].criterion
    assert schema_validator().is_valid(document)


def test_every_problem_of_a_career_document_in_one_reading() -> None:
    """Problems in several career lists and in the whole-plan rules come out together."""
    document = v4_document()
    document["contacts"][0]["interactions"][0]["on"] = "x"
    document["applications"][0]["stages"][1]["stage"] = "nope"
    document["roles"][0]["skills"][1]["level"] = 9
    document["assets"][0]["max_age"] = -1
    document["options"][1]["ratings"][0]["criterion"] = "pay"
    document["option_weights"].append({"criterion": "learning", "weight": 1})
    document["goals"][0]["builds"].append({"skill": "positioning"})

    error = rejected(lambda: loads_document(document))

    assert sorted(
        [
            "goals[0].builds[1].skill",
            "roles[0].skills[1].level",
            "assets[0].max_age",
            "contacts[0].interactions[0].on",
            "options[1].ratings[0].criterion",
            "option_weights[1].criterion",
            "applications[0].stages[1].stage",
        ]
    ) == sorted(paths(error))


def test_duplicates_are_reported_even_when_the_profile_cannot_be_read() -> None:
    """Repeated criteria and gains do not depend on the profile: reported without it."""
    document = v4_document()
    document["profile"]["strengths"] = "writing"
    document["option_weights"].append({"criterion": "learning", "weight": 1})
    document["goals"][0]["builds"].append({"skill": "positioning", "by": 2})

    error = rejected(lambda: loads_document(document))

    assert ["profile.strengths", "goals[0].builds[1].skill", "option_weights[1].criterion"] == (
        paths(error)
    )


def test_references_into_an_unreadable_list_are_not_reported_as_unknown() -> None:
    """A list that cannot be read is not taken to be empty: what refers to it is not told
    that its targets are unknown."""
    document = v4_document()
    document["roles"][0]["vision"] = "yes"
    document["assets"][0]["max_age"] = "old"
    document["contacts"][0]["cadence"] = -3

    error = rejected(lambda: loads_document(document))

    assert ["roles[0].vision", "assets[0].max_age", "contacts[0].cadence"] == paths(error)


def test_one_unreadable_contact_does_not_hide_the_problems_of_the_others() -> None:
    """The references and duplicates of the readable items of a career list are checked
    even when another item of the list cannot be read."""
    document = v4_document()
    document["contacts"][0]["cadence"] = -1
    document["contacts"][1]["goals"] = ["nowhere"]
    document["contacts"].append({"id": "recruiter-1"})

    error = rejected(lambda: loads_document(document))

    assert ["contacts[0].cadence", "contacts[1].goals[0]", "contacts[2].id"] == sorted(paths(error))


@pytest.mark.parametrize("name", ["roles", "assets", "contacts", "options", "applications"])
@pytest.mark.parametrize(
    ("value", "problem"),
    [({}, "expected a list, got an object"), (None, "expected a list, got null")],
)
def test_a_career_list_of_the_wrong_type(name: str, value: Any, problem: str) -> None:
    """A career list that is not a list is refused by name, as its JSON type."""
    document = v4_document()
    for other in ("roles", "assets", "contacts", "options", "applications", "option_weights"):
        document.pop(other)
    document["goals"][0].pop("builds")
    document["tasks"][1].pop("builds")
    document[name] = value

    error = rejected(lambda: loads_document(document))

    assert [f"{name}: {problem}"] == [str(found) for found in error.problems]
    assert not schema_validator().is_valid(document)


# ---------------------------------------------------------------------------
# The JSON Schema agrees with the model on the bounds.
# ---------------------------------------------------------------------------

_BOUNDS: list[tuple[tuple[Any, ...], list[Any]]] = [
    (("profile", "skills", 0, "level"), [-1, 0, 5, 6, 2.0, 2.5, True, "2", None]),
    (("goals", 0, "builds", 0, "by"), [0, 1, 5, 6, 1.5, False]),
    (("roles", 0, "skills", 0, "level"), [0, 1, 5, 6, 3.0, None]),
    (("roles", 0, "skills", 0, "weight"), [-0.001, 0, 1e15, 1.1e15, "1"]),
    (("contacts", 1, "id"), ["", "a", "-a", "a b", "a" * 128, "a" * 129, "é", 1]),
    (("assets", 0, "max_age"), [0, 1, MAX_AGE, MAX_AGE + 1, None, 1.5]),
    (("contacts", 0, "cadence"), [0, 1, MAX_CADENCE, MAX_CADENCE + 1, 30.0, "30"]),
    (("assets", 1, "id"), ["cv:1", "cv_1.b", "CV", ".cv", "x\n"]),
    (("options", 0, "ratings", 0, "score"), [-0.5, 0, 2.5, 5, 5.000001, None]),
    (("option_weights", 0, "weight"), [-1, 0, 0.5, 1e15, 2e15]),
    (("applications", 0, "stages"), [[], [{"stage": "saved", "on": "2025-02-10"}]]),
    (("applications", 0, "stages", 0, "on"), ["2025-02-10", "2025-2-10", "9001-01-01", 20250210]),
    (("applications", 0, "offer_deadline"), [None]),
    (("contacts", 0, "interactions", 0, "follow_up"), [None, "2025-01-10", "2025-01-32"]),
    (("contacts", 1, "cadence_rule"), [None, "FREQ=WEEKLY", "RRULE:FREQ=DAILY", "", 7]),
    (("contacts", 0, "name"), ["", " ", "Ruth", None]),
    (("roles", 0, "title"), ["", " ", "Head"]),
    (("assets", 1, "kind"), ["resume", "RESUME", "cover_letter", None]),
]


def _loads_accepts(document: dict[str, Any]) -> bool:
    try:
        loads_document(document)
    except ValidationError:
        return False
    return True


def test_json_schema_and_loads_agree_on_the_career_bounds() -> None:
    """At and across each bound (ids, levels 0-5, scores 0-5, cadences, ages, minItems of
    stages, types), the schema and loads give the same verdict."""
    validator = schema_validator()
    verdicts = [
        (where, value, validator.is_valid(document), _loads_accepts(document))
        for where, values in _BOUNDS
        for value in values
        for document in [_set(v4_document(), where, value)]
    ]

    assert [] == [verdict for verdict in verdicts if verdict[2] != verdict[3]]
    assert {True, False} == {verdict[3] for verdict in verdicts}


# ---------------------------------------------------------------------------
# Properties over generated plans with career parts.
# ---------------------------------------------------------------------------


@given(career_plans())
@_properties
def test_career_plans_round_trip(plan: Plan) -> None:
    """``loads(dumps(plan)) == plan`` for plans with every career part."""
    assert plan == careerkit.loads(careerkit.dumps(plan))
    assert plan == careerkit.from_dict(careerkit.to_dict(plan))


@given(career_plan_documents())
@_properties
def test_generated_career_documents_match_the_schema(document: dict[str, Any]) -> None:
    """Every document written for a career plan validates against ``json_schema()``."""
    assert [] == [error.message for error in schema_validator().iter_errors(document)]


def _first(document: dict[str, Any], where: tuple[str, ...]) -> tuple[Any, ...] | None:
    """The path to the first item found along ``where`` (list names, each of items), or None."""
    target: Any = document
    found: list[Any] = []
    for name in where:
        items = target.get(name) if isinstance(target, dict) else None
        if not items:
            return None
        found += [name, 0]
        target = items[0]
    return tuple(found)


def _path_text(where: tuple[Any, ...]) -> str:
    text = ""
    for key in where:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else key)
    return text


MUTATIONS: list[tuple[tuple[str, ...], str, Any, bool]] = [
    # (lists to the item, field, bad value, whether the schema can say it)
    (("roles",), "id", "no such", True),
    (("roles",), "vision", 1, True),
    (("roles", "skills"), "level", 0, True),
    (("roles", "skills"), "weight", -1, True),
    (("assets",), "kind", "letter", True),
    (("assets",), "max_age", 0, True),
    (("assets",), "updated_on", "2025-02-29", True),
    (("assets",), "roles", ["no-such-role-1"], False),
    (("contacts",), "cadence", MAX_CADENCE + 1, True),
    (("contacts",), "goals", ["no-such-goal-1"], False),
    (("contacts",), "since", "1999", True),
    (("contacts", "interactions"), "on", 3, True),
    (("contacts", "interactions"), "channel", "telepathy", True),
    (("options",), "role", "no-such-role-1", False),
    (("options", "ratings"), "score", 6, True),
    (("options", "ratings"), "criterion", "no-such-criterion", False),
    (("options", "explorations"), "title", "", True),
    (("options", "explorations"), "task", "no-such-task-1", False),
    (("option_weights",), "weight", -1, True),
    (("applications",), "stages", [], True),
    (("applications",), "resume", "no-such-cv-123", False),
    (("applications",), "referred_by", "no-such-contact", False),
    (("applications", "stages"), "stage", "hired", True),
    (("applications", "stages"), "on", "someday", True),
]


@given(career_plan_documents())
@settings(deterministic, max_examples=15)
def test_mutated_career_documents_are_refused(document: dict[str, Any]) -> None:
    """Each career field set to a wrong type or value is refused by loads at its path, and
    by the schema where a schema can say it (it cannot check references)."""
    validator = schema_validator()
    verdicts = []
    for lists, field, value, schema_says in MUTATIONS:
        where = _first(document, lists)
        if where is None:
            continue
        mutated = _set(document, (*where, field), value)
        path = _path_text((*where, field))
        found = paths(rejected(lambda mutated=mutated: loads_document(mutated)))
        reported = any(other == path or other.startswith(f"{path}[") for other in found)
        verdicts.append((path, value, reported, schema_says != validator.is_valid(mutated)))

    assert [] == [verdict for verdict in verdicts if not all(verdict[2:])]


# ---------------------------------------------------------------------------
# History: changes keyed by id, apply, merge, stored histories.
# ---------------------------------------------------------------------------


def test_changes_of_career_lists_are_keyed_by_id() -> None:
    """A logged interaction, a new stage, a removed application: paths name the ids."""
    mentor = CAREER_PLAN.contacts[0]
    logged = attrs.evolve(
        mentor, interactions=(*mentor.interactions, Interaction(on=date(2026, 3, 9)))
    )
    acme = CAREER_PLAN.applications[0]
    lead = Application(
        id="globex",
        employer="Globex",
        title="Lead",
        stages=(StageChange(stage=Stage.SAVED, on=D),),
    )
    new = attrs.evolve(
        CAREER_PLAN,
        contacts=(logged, CAREER_PLAN.contacts[1]),
        applications=(
            attrs.evolve(
                acme, stages=(*acme.stages, StageChange(stage=Stage.ACCEPTED, on=date(2026, 3, 5)))
            ),
            lead,
        ),
        roles=(attrs.evolve(CAREER_PLAN.roles[0], title="Director"), CAREER_PLAN.roles[1]),
        assets=CAREER_PLAN.assets[:1],
    )

    changes = careerkit.diff(CAREER_PLAN, new)

    assert [
        ("change", "roles[director-role].title"),
        ("remove", "assets[site]"),
        ("change", "contacts[mentor-1].interactions"),
        ("change", "applications[acme].stages"),
        ("add", "applications[globex]"),
    ] == [(change.operation.value, change.path) for change in changes]
    assert {"on": "2026-03-09"} == changes[2].after[-1]
    assert new == careerkit.apply(CAREER_PLAN, changes)


@given(career_plans(), career_plans())
@settings(deterministic, max_examples=25)
def test_apply_replays_the_diff_between_career_plans(old: Plan, new: Plan) -> None:
    """``apply(old, diff(old, new)) == new``, career parts included."""
    assert new == careerkit.apply(old, careerkit.diff(old, new))


@given(career_plans(), st.data())
@settings(deterministic, max_examples=25)
def test_apply_replays_career_edits(plan: Plan, data: st.DataObject) -> None:
    """Between a plan and an edit of its career parts (each list reordered, shortened or
    swapped for another plan's), the diff names only the lists edited, and replays."""
    other = data.draw(career_plans())
    edited = plan
    for name in ("roles", "assets", "contacts", "options", "applications"):
        choice = data.draw(st.integers(min_value=0, max_value=2))
        items = getattr(plan, name)
        if choice == 1:
            edited = _try_evolve(edited, **{name: items[::-1]})
        elif choice == 2 and items:
            edited = _try_evolve(edited, **{name: items[1:]})
    edited = _try_evolve(edited, option_weights=other.option_weights)

    changes = careerkit.diff(plan, edited)

    assert edited == careerkit.apply(plan, changes)
    assert {path.partition("[")[0].partition(".")[0] for path in (c.path for c in changes)} <= {
        "roles",
        "assets",
        "contacts",
        "options",
        "applications",
        "option_weights",
    }


def _try_evolve(plan: Plan, **changes: Any) -> Plan:
    """The plan with the changes, or the plan itself if they would make it invalid."""
    try:
        return attrs.evolve(plan, **changes)
    except ValidationError:
        return plan


def test_merging_edits_of_different_contacts() -> None:
    """Two sides logging interactions with different contacts merge cleanly."""
    mentor, recruiter = CAREER_PLAN.contacts
    ours = attrs.evolve(
        CAREER_PLAN,
        contacts=(
            attrs.evolve(
                mentor, interactions=(*mentor.interactions, Interaction(on=date(2026, 3, 9)))
            ),
            recruiter,
        ),
    )
    theirs = attrs.evolve(
        CAREER_PLAN,
        contacts=(
            mentor,
            attrs.evolve(recruiter, interactions=(Interaction(on=date(2026, 3, 4)),)),
        ),
    )

    result = careerkit.merge(CAREER_PLAN, ours, theirs)

    assert result.merged
    assert (ours.contacts[0], theirs.contacts[1]) == result.plan.contacts


def test_merging_two_edits_of_one_contact_in_different_fields() -> None:
    """One side changes a contact's cadence, the other logs an interaction: both are kept;
    the same field changed two ways is a conflict named by the contact's id."""
    mentor = CAREER_PLAN.contacts[0]
    logged = (*mentor.interactions, Interaction(on=date(2026, 3, 9)))

    def with_mentor(**changes: Any) -> Plan:
        return attrs.evolve(
            CAREER_PLAN, contacts=(attrs.evolve(mentor, **changes), CAREER_PLAN.contacts[1])
        )

    clean = careerkit.merge(CAREER_PLAN, with_mentor(cadence=14), with_mentor(interactions=logged))
    clash = careerkit.merge(CAREER_PLAN, with_mentor(cadence=14), with_mentor(cadence=60))

    assert clean.merged
    assert with_mentor(cadence=14, interactions=logged) == clean.plan
    assert ["contacts[mentor-1].cadence"] == [conflict.path for conflict in clash.conflicts]
    assert (
        with_mentor(cadence=60) == clash.resolve("contacts[mentor-1].cadence", take="theirs").plan
    )


def test_merging_the_same_application_moved_two_ways_is_a_conflict() -> None:
    """Both sides moving the same application on, to different stages, conflict at its
    stages rather than making an invalid plan."""
    acme = CAREER_PLAN.applications[0]
    accepted = (*acme.stages, StageChange(stage=Stage.ACCEPTED, on=date(2026, 3, 5)))
    withdrawn = (*acme.stages, StageChange(stage=Stage.WITHDRAWN, on=date(2026, 3, 5)))
    ours = attrs.evolve(CAREER_PLAN, applications=(attrs.evolve(acme, stages=accepted),))
    theirs = attrs.evolve(CAREER_PLAN, applications=(attrs.evolve(acme, stages=withdrawn),))

    result = careerkit.merge(CAREER_PLAN, ours, theirs)

    assert ["applications[acme].stages"] == [conflict.path for conflict in result.conflicts]


def test_a_history_of_career_plans_round_trips() -> None:
    """History.start/commit of plans with career parts, stored and read back, rebuilds them."""
    at = datetime(2026, 3, 1, 9, tzinfo=UTC)
    mentor = CAREER_PLAN.contacts[0]
    later = attrs.evolve(
        CAREER_PLAN,
        contacts=(
            attrs.evolve(
                mentor, interactions=(*mentor.interactions, Interaction(on=date(2026, 3, 9)))
            ),
            CAREER_PLAN.contacts[1],
        ),
        option_weights=(),
    )
    history = History.start(CAREER_PLAN, at=at, author="Ana", reason="First plan").commit(
        later, at=at.replace(day=10), author="Ana", reason="Coffee with the mentor"
    )

    loaded = History.loads(history.dumps())

    assert history == loaded
    assert [CAREER_PLAN, later] == [revision.plan for revision in loaded.revisions]
    assert {"contacts[mentor-1].interactions", "option_weights"} == {
        change.path for change in loaded.revisions[-1].changes
    }


# ---------------------------------------------------------------------------
# Schema version 4 and the documents of earlier versions.
# ---------------------------------------------------------------------------

PINNED_V4 = attrs.evolve(
    PINNED_V3,
    id="lena-2025-v4",
    profile=attrs.evolve(
        PINNED_V3.profile,
        skills=(
            Skill(
                name="positioning",
                level=2,
                evidence="two launches",
                last_used=date(2025, 1, 20),
            ),
            Skill(name="negotiation", level=1, assessed_on=date(2025, 2, 3)),
        ),
    ),
    goals=(
        attrs.evolve(PINNED_V3.goals[0], builds=(SkillGain(skill="positioning", by=1),)),
        *PINNED_V3.goals[1:],
    ),
    tasks=(
        PINNED_V3.tasks[0],
        attrs.evolve(PINNED_V3.tasks[1], builds=(SkillGain(skill="positioning"),)),
        *PINNED_V3.tasks[2:],
    ),
    roles=(
        Role(
            id="head-pmm-role",
            title="Head of product marketing",
            skills=(
                RequiredSkill(skill="positioning", level=4, weight=2),
                RequiredSkill(skill="negotiation", level=3, weight=1),
                RequiredSkill(skill="team leadership", level=3),
            ),
            vision=True,
        ),
    ),
    assets=(
        Asset(
            id="cv-pmm",
            kind=AssetKind.RESUME,
            title="Resume - product marketing",
            roles=("head-pmm-role",),
            updated_on=date(2025, 1, 15),
            max_age=180,
            refresh_after_goal=True,
        ),
        Asset(
            id="profile",
            kind=AssetKind.PUBLIC_PROFILE,
            title="Public profile",
            updated_on=date(2024, 11, 2),
        ),
    ),
    contacts=(
        Contact(
            id="mentor-1",
            name="Ruth",
            role=ContactRole.MENTOR,
            goals=("head-pmm",),
            cadence=30,
            since=date(2024, 6, 1),
            interactions=(
                Interaction(
                    on=date(2025, 1, 10),
                    channel=Channel.VIDEO,
                    note="Talked about the launch",
                    follow_up=date(2025, 1, 24),
                ),
            ),
        ),
        Contact(
            id="recruiter-1", role=ContactRole.RECRUITER, cadence_rule="FREQ=MONTHLY;INTERVAL=3"
        ),
    ),
    options=(
        CareerOption(
            id="stay",
            title="Grow into the head role at the current company",
            role="head-pmm-role",
            ratings=(Rating(criterion="autonomy", score=3), Rating(criterion="learning", score=4)),
        ),
        CareerOption(
            id="agency",
            title="Move to a brand agency",
            ratings=(
                Rating(criterion="autonomy", score=4),
                Rating(criterion="brand strategy", score=5),
            ),
            explorations=(
                Exploration(
                    kind=ExplorationKind.INFORMATIONAL_INTERVIEW,
                    title="Coffee with an agency strategist",
                    on=date(2025, 3, 4),
                ),
            ),
        ),
    ),
    option_weights=(CriterionWeight(criterion="learning", weight=2),),
    applications=(
        Application(
            id="acme",
            employer="Acme",
            title="Product marketing lead",
            role="head-pmm-role",
            resume="cv-pmm",
            referred_by="mentor-1",
            stages=(
                StageChange(stage=Stage.APPLIED, on=date(2025, 2, 10)),
                StageChange(stage=Stage.INTERVIEW, on=date(2025, 3, 3)),
            ),
            follow_ups=(date(2025, 3, 4),),
        ),
    ),
)
"""What ``tests/data/plan-v4.json`` holds: the version 3 plan with every career part."""


def test_pinned_version_4_document_loads_to_the_expected_plan() -> None:
    """The version 4 document loads to the plan written out above, as text or bytes."""
    assert PINNED_V4 == careerkit.loads(V4.read_text(encoding="utf-8"))
    assert PINNED_V4 == careerkit.loads(V4.read_bytes())
    assert 4 == careerkit.SCHEMA_VERSION


def test_pinned_version_4_document_round_trips_byte_for_byte() -> None:
    """``dumps`` writes the pinned document back exactly (the file ends with a newline)."""
    text = V4.read_text(encoding="utf-8")

    assert text == careerkit.dumps(careerkit.loads(text)) + "\n"


@pytest.mark.parametrize("version", [1, 2, 3])
def test_older_documents_load_without_career_parts(version: int) -> None:
    """Documents of versions 1 to 3 still load, with empty career parts, and are written
    back as version 4 documents that load to the same plan."""
    text = (DATA / f"plan-v{version}.json").read_text(encoding="utf-8")
    plan = careerkit.loads(text)

    assert version == json.loads(text)["schema_version"]
    assert ((),) * 7 == (
        plan.roles,
        plan.assets,
        plan.contacts,
        plan.options,
        plan.option_weights,
        plan.applications,
        plan.profile.skills,
    )
    assert all(not item.builds for item in (*plan.goals, *plan.tasks))
    assert plan == careerkit.loads(careerkit.dumps(plan))
    assert 4 == careerkit.to_dict(plan)["schema_version"]


def test_interactions_logged_on_both_sides_merge_in_date_order() -> None:
    """A coach and a client each log an interaction with the same contact: both are
    kept, in date order, though ours (the later one) was logged first."""
    mentor = CAREER_PLAN.contacts[0]
    late, early = Interaction(on=date(2026, 3, 20)), Interaction(on=date(2026, 3, 9))

    def with_mentor(*logged: Interaction) -> Plan:
        changed = attrs.evolve(mentor, interactions=(*mentor.interactions, *logged))
        return attrs.evolve(CAREER_PLAN, contacts=(changed, *CAREER_PLAN.contacts[1:]))

    result = careerkit.merge(CAREER_PLAN, with_mentor(late), with_mentor(early))

    assert result.merged
    assert with_mentor(early, late) == result.plan


def test_a_bad_skill_built_is_named_at_its_own_goal_after_an_unreadable_one() -> None:
    """An unreadable goal keeps its place: the unknown skill a later goal builds is
    reported at that goal's own position."""
    document = v4_document()
    document["goals"][0] = "not a goal"
    document["goals"][1]["builds"] = [{"skill": "juggling"}]

    error = rejected(lambda: loads_document(document))

    assert "goals[1].builds[0].skill" in paths(error)
    assert "goals[0]" in paths(error)
