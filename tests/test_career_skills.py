"""Skills and gaps: levels that move with dated work, gaps ranked by weight against a
role, and the ``unaddressed_gap`` alerts raised from them.

Worked examples build small plans by hand; the property tests draw plans with a
profile, a role and tasks that build skills, and check the invariants: no gap is
negative, no level passes 5, and finishing a task never lowers a level or widens a gap.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import pickle
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import careerkit
from careerkit import (
    Goal,
    GoalStatus,
    Plan,
    Profile,
    RequiredSkill,
    Role,
    Skill,
    SkillGain,
    Status,
    Task,
)
from careerkit.career.policy import CareerPolicy
from careerkit.career.skills import skill_gaps, skill_levels, target_role
from careerkit.errors import ValidationError
from careerkit.io import json_schema, to_dict
from careerkit.model.skills import MAX_LEVEL
from careerkit.planning._career_alerts_skills import skill_alerts
from careerkit.planning.alerts import AlertKind, AlertSeverity

from .strategies import deterministic

ROOT = Path(__file__).resolve().parent.parent
START = date(2026, 1, 5)
AS_OF = date(2026, 6, 1)


@cache
def sample() -> Plan:
    """The pinned schema-4 sample document, with every career part."""
    return careerkit.loads((ROOT / "tests" / "data" / "plan-v4.json").read_text(encoding="utf-8"))


def done(task_id: str, goal: str, on: date, *builds: SkillGain) -> Task:
    """A task done on a day that builds skills."""
    return Task(
        id=task_id,
        goal=goal,
        title=f"Do {task_id}",
        status=Status.DONE,
        started_on=START,
        done_on=on,
        builds=builds,
    )


def todo(task_id: str, goal: str, *builds: SkillGain) -> Task:
    """A task still to do that builds skills."""
    return Task(id=task_id, goal=goal, title=f"Do {task_id}", builds=builds)


def plan_of(
    *,
    skills: tuple[Skill, ...] = (),
    roles: tuple[Role, ...] = (),
    goals: tuple[Goal, ...] = (Goal(id="grow", title="Grow"),),
    tasks: tuple[Task, ...] = (),
) -> Plan:
    """A plan starting on START with the given parts."""
    return Plan(
        id="p",
        owner="Ana",
        start=START,
        profile=Profile(skills=skills),
        roles=roles,
        goals=goals,
        tasks=tasks,
    )


LEAD = Role(
    id="lead",
    title="Team lead",
    vision=True,
    skills=(
        RequiredSkill(skill="coaching", level=4, weight=1),
        RequiredSkill(skill="planning", level=3, weight=2),
        RequiredSkill(skill="budgeting", level=2, weight=1),
        RequiredSkill(skill="hiring", level=2, weight=0),
    ),
)


# -- levels ------------------------------------------------------------------


def test_a_finished_task_raises_the_level_on_its_date() -> None:
    """A task done on 2026-03-02 that builds SEO by 2 lifts SEO from 1 to 3 from that
    day on, and the raise says which task, when and by how much."""
    plan = plan_of(
        skills=(Skill(name="SEO", level=1),),
        tasks=(done("audit", "grow", date(2026, 3, 2), SkillGain(skill="SEO", by=2)),),
    )

    before = skill_levels(plan, as_of=date(2026, 3, 1))[0]
    after = skill_levels(plan, as_of=date(2026, 3, 2))[0]

    assert (1, ()) == (before.level, before.raises)
    assert 3 == after.level
    assert 1 == after.assessed
    [raised] = after.raises
    assert ("task", "audit", date(2026, 3, 2), 2, 3) == (
        raised.source,
        raised.id,
        raised.on,
        raised.by,
        raised.level,
    )


def test_work_finished_by_the_assessment_is_already_in_the_level() -> None:
    """With the skill assessed on 2026-03-02, a task done that day adds nothing and one
    done the day after adds its level."""
    plan = plan_of(
        skills=(Skill(name="SEO", level=2, assessed_on=date(2026, 3, 2)),),
        tasks=(
            done("audit", "grow", date(2026, 3, 2), SkillGain(skill="SEO")),
            done("rewrite", "grow", date(2026, 3, 3), SkillGain(skill="SEO")),
        ),
    )

    [level] = skill_levels(plan, as_of=AS_OF)

    assert 3 == level.level
    assert ["rewrite"] == [raised.id for raised in level.raises]
    assert date(2026, 3, 2) == level.assessed_on


def test_an_achieved_goal_raises_the_skills_it_builds() -> None:
    """A goal achieved on 2026-04-01 that builds budgeting raises it from 0 (absent from
    the inventory, required by the role) as of that day, not before."""
    goal = Goal(
        id="cert",
        title="Earn the finance certificate",
        status=GoalStatus.ACHIEVED,
        achieved_on=date(2026, 4, 1),
        builds=(SkillGain(skill="budgeting", by=2),),
    )
    plan = plan_of(roles=(LEAD,), goals=(goal,))

    levels = {level.skill: level for level in skill_levels(plan, as_of=AS_OF)}
    earlier = {level.skill: level.level for level in skill_levels(plan, as_of=date(2026, 3, 31))}

    assert 2 == levels["budgeting"].level
    assert [("goal", "cert", date(2026, 4, 1))] == [
        (raised.source, raised.id, raised.on) for raised in levels["budgeting"].raises
    ]
    assert 0 == earlier["budgeting"]


def test_levels_stop_at_five_and_raises_apply_in_date_order() -> None:
    """Two raises of 3 on a level 1 skill: the earlier reaches 4, the later is capped at
    5; the raises are listed by date whatever the order of the tasks."""
    plan = plan_of(
        skills=(Skill(name="SEO", level=1),),
        tasks=(
            done("late", "grow", date(2026, 4, 1), SkillGain(skill="SEO", by=3)),
            done("early", "grow", date(2026, 2, 1), SkillGain(skill="SEO", by=3)),
        ),
    )

    [level] = skill_levels(plan, as_of=AS_OF)

    assert MAX_LEVEL == level.level
    assert [("early", 3, 4), ("late", 3, 5)] == [
        (raised.id, raised.by, raised.level) for raised in level.raises
    ]


def test_every_known_skill_is_listed_by_name() -> None:
    """The inventory's skills, the role's and those only work builds all have a level,
    sorted by name; unknown to the inventory means 0."""
    plan = plan_of(
        skills=(Skill(name="writing", level=3), Skill(name="coaching", level=1)),
        roles=(LEAD,),
    )

    levels = skill_levels(plan, as_of=AS_OF)

    assert ["budgeting", "coaching", "hiring", "planning", "writing"] == [
        level.skill for level in levels
    ]
    assert [0, 1, 0, 0, 3] == [level.level for level in levels]


def test_work_done_after_the_date_is_open_not_finished() -> None:
    """Read as of a date before its ``done_on``, a done task has not raised the skill
    yet; it counts as open work towards the planned level."""
    plan = plan_of(
        roles=(LEAD,),
        tasks=(done("course", "grow", date(2026, 5, 4), SkillGain(skill="coaching")),),
    )

    gap = skill_gaps(plan, as_of=date(2026, 5, 1)).gap("coaching")

    assert gap is not None
    assert (0, 1, ("course",)) == (gap.current, gap.planned, gap.tasks)


# -- gaps --------------------------------------------------------------------


def lead_plan() -> Plan:
    """The team lead's plan: coaching 1, planning 2, budgeting 2 and open work on coaching."""
    return plan_of(
        skills=(
            Skill(name="coaching", level=1),
            Skill(name="planning", level=2),
            Skill(name="budgeting", level=2),
        ),
        roles=(LEAD,),
        goals=(
            Goal(id="grow", title="Grow", builds=(SkillGain(skill="coaching"),)),
            Goal(id="old", title="Old plan", status=GoalStatus.ABANDONED),
        ),
        tasks=(
            todo("mentor", "grow", SkillGain(skill="coaching")),
            todo("course", "grow", SkillGain(skill="coaching")),
            todo("forgotten", "old", SkillGain(skill="planning")),
        ),
    )


def test_gaps_rank_by_weighted_gap_then_name() -> None:
    """Coaching (gap 3, weight 1) comes first, planning (gap 1, weight 2) next; the met
    budgeting and the weightless hiring (gap 2, weight 0) follow by name."""
    gaps = skill_gaps(lead_plan(), as_of=AS_OF)

    assert [
        ("coaching", 3, 3.0),
        ("planning", 1, 2.0),
        ("budgeting", 0, 0.0),
        ("hiring", 2, 0.0),
    ] == [(gap.skill, gap.gap, gap.weighted_gap) for gap in gaps.gaps]


def test_planned_levels_count_the_open_work_only() -> None:
    """Coaching is planned at 4 (the goal and two tasks add one each); the task of the
    abandoned goal does not count, so planning keeps its gap and is unaddressed."""
    gaps = skill_gaps(lead_plan(), as_of=AS_OF)
    coaching, planning = gaps.gap("coaching"), gaps.gap("planning")

    assert coaching is not None
    assert planning is not None
    assert (4, 0, ("grow",), ("course", "mentor"), True) == (
        coaching.planned,
        coaching.remaining,
        coaching.goals,
        coaching.tasks,
        coaching.addressed,
    )
    assert (2, 1, (), (), False) == (
        planning.planned,
        planning.remaining,
        planning.goals,
        planning.tasks,
        planning.addressed,
    )
    assert ("planning", "hiring") == gaps.unaddressed
    assert ("budgeting",) == gaps.met


def test_the_match_weighs_each_skill() -> None:
    """Match = (1x1 + 2x2 + 1x2 + 0x0) / (1x4 + 2x3 + 1x2 + 0x2) = 7 / 12; once the open
    coaching work is done, (1x4 + 4 + 2) / 12 = 10 / 12."""
    gaps = skill_gaps(lead_plan(), as_of=AS_OF)

    assert 7 / 12 == pytest.approx(gaps.match)
    assert 10 / 12 == pytest.approx(gaps.planned_match)


def test_a_role_whose_weights_are_zero_has_no_match() -> None:
    """Nothing weighs, so the match is undefined: None, not a division by zero."""
    role = Role(id="r", title="R", skills=(RequiredSkill(skill="a", level=2, weight=0),))

    gaps = skill_gaps(plan_of(roles=(role,)), as_of=AS_OF)

    assert (None, None) == (gaps.match, gaps.planned_match)


def test_the_sample_document_gaps() -> None:
    """In tests/data/plan-v4.json, as of 2025-07-01 the vision role lacks positioning
    (2 of 4, weight 2, built by the certificate goal and the study task), team leadership
    (0 of 3) and negotiation (1 of 3), the last two with nothing to build them."""
    gaps = skill_gaps(sample(), as_of=date(2025, 7, 1))

    assert "head-pmm-role" == gaps.role
    assert [
        ("positioning", 2, 4, 4.0, ("pmm-cert",), ("study",)),
        ("team leadership", 0, 0, 3.0, (), ()),
        ("negotiation", 1, 1, 2.0, (), ()),
    ] == [
        (gap.skill, gap.current, gap.planned, gap.weighted_gap, gap.goals, gap.tasks)
        for gap in gaps.gaps
    ]
    assert ("team leadership", "negotiation") == gaps.unaddressed
    assert 5 / 14 == pytest.approx(gaps.match)


# -- choosing the role -------------------------------------------------------


OTHER = Role(id="analyst", title="Analyst", skills=(RequiredSkill(skill="sql", level=3),))
PLAIN_LEAD = Role(id="lead", title="Team lead", skills=LEAD.skills)


def test_the_vision_role_is_chosen_among_several() -> None:
    """With the analyst role listed first, None still means the vision's role."""
    plan = plan_of(roles=(OTHER, LEAD))

    assert "lead" == skill_gaps(plan, as_of=AS_OF).role
    assert "analyst" == skill_gaps(plan, "analyst", as_of=AS_OF).role
    assert target_role(plan) == LEAD


def test_the_only_role_is_chosen_without_a_vision() -> None:
    """One role, not marked as the vision's, is the target."""
    gaps = skill_gaps(plan_of(roles=(OTHER,)), as_of=AS_OF)

    assert ("analyst", "Analyst") == (gaps.role, gaps.title)


@pytest.mark.parametrize(
    ("roles", "role", "problem"),
    [
        ((), None, "the plan has no roles to compare with"),
        ((OTHER, PLAIN_LEAD), None, "no role is the vision's: name one of 'analyst', 'lead'"),
        ((OTHER,), "cmo", "no role with id 'cmo'; known: 'analyst'"),
        ((), "cmo", "no role with id 'cmo'; known: none"),
        ((OTHER,), 3, "expected a role id or None, got int"),
    ],
)
def test_a_role_that_cannot_be_chosen_is_refused(
    roles: tuple[Role, ...], role: Any, problem: str
) -> None:
    """No role, several without a vision, an unknown id or a wrong type: a
    ValidationError on the path ``role`` that says which."""
    with pytest.raises(ValidationError) as caught:
        skill_gaps(plan_of(roles=roles), role, as_of=AS_OF)

    assert [("role", problem)] == [(item.path, item.problem) for item in caught.value.problems]


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: skill_levels("plan", as_of=AS_OF), "plan"),  # type: ignore[arg-type]
        (lambda: skill_levels(lead_plan(), as_of=datetime(2026, 6, 1, 9)), "as_of"),
        (lambda: skill_gaps(None, as_of=AS_OF), "plan"),  # type: ignore[arg-type]
        (lambda: skill_gaps(lead_plan(), as_of="2026-06-01"), "as_of"),  # type: ignore[arg-type]
        (lambda: target_role({}), "plan"),  # type: ignore[arg-type]
    ],
)
def test_wrong_arguments_are_named(call: Any, path: str) -> None:
    """A wrong plan or date is a ValidationError naming the argument."""
    with pytest.raises(ValidationError) as caught:
        call()

    assert [path] == [item.path for item in caught.value.problems]


# -- documents ---------------------------------------------------------------


def validated(kind: str, document: object) -> list[str]:
    """The errors of a document against the schema of its kind, formats checked."""
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [error.message for error in validator.iter_errors(document)]


def test_the_gaps_document_follows_its_schema() -> None:
    """The JSON form of real gaps validates against json_schema("skill_gaps"), with every
    key of the result and the derived figures written out."""
    gaps = skill_gaps(lead_plan(), as_of=AS_OF)
    document = to_dict(gaps)

    assert [] == validated("skill_gaps", document)
    assert ["role", "title", "as_of", "gaps", "match", "planned_match", "unaddressed", "met"] == (
        list(document)
    )
    assert {"skill": "coaching", "weighted_gap": 3.0, "addressed": True}.items() <= (
        document["gaps"][0].items()
    )
    assert "2026-06-01" == document["as_of"]
    assert document == json.loads(careerkit.dumps(gaps))


def test_a_level_document_follows_its_schema() -> None:
    """A level with a raise validates against the schema of "skill_level"."""
    plan = lead_plan().complete_task("course", on=date(2026, 3, 2))
    level = next(item for item in skill_levels(plan, as_of=AS_OF) if item.raises)
    document = to_dict(level)

    assert [] == validated("skill_level", document)
    assert [{"source": "task", "id": "course", "on": "2026-03-02", "by": 1, "level": 2}] == (
        document["raises"]
    )


def test_results_pickle_and_copy() -> None:
    """Gaps and levels travel to worker processes unchanged."""
    gaps = skill_gaps(lead_plan(), as_of=AS_OF)
    levels = skill_levels(lead_plan().complete_task("course", on=date(2026, 3, 2)), as_of=AS_OF)

    assert gaps == pickle.loads(pickle.dumps(gaps))
    assert levels == copy.deepcopy(levels)


def test_raises_on_one_day_list_goals_first_then_ids() -> None:
    """A goal and two tasks finished the same day raise the skill in the order goal,
    then tasks by id, whatever their order in the plan."""
    goal = Goal(
        id="grow",
        title="Grow",
        status=GoalStatus.ACHIEVED,
        achieved_on=date(2026, 3, 2),
        builds=(SkillGain(skill="SEO"),),
    )
    day = date(2026, 3, 2)
    plan = plan_of(
        skills=(Skill(name="SEO", level=0),),
        goals=(goal,),
        tasks=(
            done("b-task", "grow", day, SkillGain(skill="SEO")),
            done("a-task", "grow", day, SkillGain(skill="SEO")),
        ),
    )

    [level] = skill_levels(plan, as_of=day)

    assert [("goal", "grow", 1), ("task", "a-task", 2), ("task", "b-task", 3)] == [
        (raised.source, raised.id, raised.level) for raised in level.raises
    ]


# -- alerts ------------------------------------------------------------------


def test_each_unaddressed_gap_of_the_target_role_is_an_alert() -> None:
    """Planning (weighted gap 2, below coaching's 3) and hiring (weight 0) have nothing
    to build them: two info alerts on the role, with the evidence of each gap."""
    alerts = skill_alerts(lead_plan(), as_of=AS_OF, policy=CareerPolicy())

    assert [
        (AlertKind.UNADDRESSED_GAP, AlertSeverity.INFO, "lead", AS_OF, "planning"),
        (AlertKind.UNADDRESSED_GAP, AlertSeverity.INFO, "lead", AS_OF, "hiring"),
    ] == [
        (alert.kind, alert.severity, alert.subject, alert.on, alert.evidence["skill"])
        for alert in alerts
    ]
    assert {
        "skill": "planning",
        "required": 3,
        "current": 2,
        "gap": 1,
        "weight": 2.0,
        "weighted_gap": 2.0,
    } == dict(alerts[0].evidence)
    assert "add a task that builds planning by 1 to level 3" in alerts[0].correction
    assert "needs planning at level 3 (competent); it is at 2 (beginner)" in alerts[0].message


def test_the_largest_unaddressed_gap_is_a_warning() -> None:
    """Once the coaching work is dropped, coaching has the role's largest weighted gap
    and nothing to build it: a warning; the smaller gaps stay infos."""
    plan = lead_plan().update_goal("grow", builds=())
    for task_id in ("mentor", "course"):
        plan = plan.update_task(task_id, status=Status.DROPPED)

    alerts = skill_alerts(plan, as_of=AS_OF, policy=CareerPolicy())

    assert [
        ("coaching", AlertSeverity.WARNING),
        ("planning", AlertSeverity.INFO),
        ("hiring", AlertSeverity.INFO),
    ] == [(alert.evidence["skill"], alert.severity) for alert in alerts]


def test_no_alert_without_a_target_role_or_an_open_gap() -> None:
    """Two roles, neither the vision's: no target, no alert. A role whose gaps are all
    addressed or met: no alert either."""
    several = plan_of(roles=(OTHER, PLAIN_LEAD))
    covered = plan_of(
        roles=(OTHER,), tasks=(todo("sql-course", "grow", SkillGain(skill="sql", by=3)),)
    )

    assert [] == skill_alerts(several, as_of=AS_OF, policy=CareerPolicy())
    assert [] == skill_alerts(covered, as_of=AS_OF, policy=CareerPolicy())


def test_the_sample_document_alerts() -> None:
    """The sample's vision role lacks team leadership and negotiation with nothing to
    build them; positioning's larger gap is addressed, so both are infos."""
    alerts = skill_alerts(sample(), as_of=date(2025, 7, 1), policy=CareerPolicy())

    assert [("team leadership", AlertSeverity.INFO), ("negotiation", AlertSeverity.INFO)] == [
        (alert.evidence["skill"], alert.severity) for alert in alerts
    ]


# -- properties --------------------------------------------------------------

SKILLS = ("analytics", "coaching", "pitching", "writing")


@st.composite
def skill_plans(draw: st.DrawFn) -> Plan:
    """A plan with a profile of skills (some assessed), one role requiring some of
    them, and tasks to do, in progress or done that build skills."""
    inventory = []
    for name in draw(st.lists(st.sampled_from(SKILLS), unique=True, max_size=4)):
        assessed = draw(st.none() | st.dates(START, date(2026, 6, 30)))
        inventory.append(Skill(name=name, level=draw(st.integers(0, 5)), assessed_on=assessed))
    required = [
        RequiredSkill(
            skill=name,
            level=draw(st.integers(1, 5)),
            weight=draw(st.sampled_from((0.0, 0.5, 1.0, 2.0, 3.0))),
        )
        for name in draw(st.lists(st.sampled_from(SKILLS), unique=True, min_size=1, max_size=4))
    ]
    known = sorted({skill.name for skill in inventory} | {item.skill for item in required})
    tasks = []
    for index in range(draw(st.integers(0, 6))):
        builds = [
            SkillGain(skill=name, by=draw(st.integers(1, 5)))
            for name in draw(st.lists(st.sampled_from(known), unique=True, max_size=2))
        ]
        task = todo(f"t{index}", "grow", *builds)
        status = draw(st.sampled_from(Status))
        if status is not Status.TODO:
            day = draw(st.dates(START, date(2026, 12, 31)))
            changes: dict[str, Any] = {"status": status, "started_on": day}
            if status is Status.DONE:
                changes["done_on"] = day
            task = evolve(task, **changes)
        tasks.append(task)
    role = Role(id="target", title="Target", skills=required, vision=draw(st.booleans()))
    return plan_of(skills=tuple(inventory), roles=(role,), tasks=tuple(tasks))


AS_OF_DATES = st.dates(START, date(2027, 3, 31))


@deterministic
@given(plan=skill_plans(), as_of=AS_OF_DATES)
def test_gaps_are_never_negative_and_levels_stay_on_the_scale(plan: Plan, as_of: date) -> None:
    """Every gap and remaining gap is at least 0, every level and planned level 0 to 5,
    the planned level at least the current one, the match within 0 to 1, and the gaps
    ranked by weighted gap, then name."""
    gaps = skill_gaps(plan, as_of=as_of)

    assert all(0 <= level.level <= MAX_LEVEL for level in skill_levels(plan, as_of=as_of))
    for gap in gaps.gaps:
        assert gap.gap >= 0
        assert gap.remaining >= 0
        assert gap.weighted_gap >= 0
        assert 0 <= gap.current <= gap.planned <= MAX_LEVEL
    assert gaps.match is None or 0 <= gaps.match <= 1
    keys = [(-gap.weighted_gap, gap.skill) for gap in gaps.gaps]
    assert sorted(keys) == keys


@deterministic
@given(plan=skill_plans(), as_of=AS_OF_DATES, data=st.data())
def test_finishing_a_task_never_lowers_a_level_or_widens_a_gap(
    plan: Plan, as_of: date, data: st.DataObject
) -> None:
    """Completing an open task on or before the date leaves every level at least where
    it was and every gap at most as wide."""
    open_tasks = [
        task.id
        for task in plan.tasks
        if task.status in (Status.TODO, Status.IN_PROGRESS)
        and (task.started_on is None or task.started_on <= as_of)
    ]
    if not open_tasks:
        return
    task_id = data.draw(st.sampled_from(open_tasks))
    started = plan.task(task_id).started_on or START
    on = data.draw(st.dates(started, as_of))
    finished = plan.complete_task(task_id, on=on)

    before = {level.skill: level.level for level in skill_levels(plan, as_of=as_of)}
    after = {level.skill: level.level for level in skill_levels(finished, as_of=as_of)}
    gaps_before = {gap.skill: gap.gap for gap in skill_gaps(plan, as_of=as_of).gaps}
    gaps_after = {gap.skill: gap.gap for gap in skill_gaps(finished, as_of=as_of).gaps}

    assert before.keys() == after.keys()
    assert [] == [name for name in before if after[name] < before[name]]
    assert [] == [name for name in gaps_before if gaps_after[name] > gaps_before[name]]


# -- the docs page -----------------------------------------------------------


def _block(kind: str, after: str) -> list[str]:
    """The lines of the first ``code-block:: <kind>`` after a heading of docs/skills.rst."""
    lines = (ROOT / "docs" / "skills.rst").read_text(encoding="utf-8").splitlines()
    begin = lines.index(f".. code-block:: {kind}", lines.index(after)) + 2
    block = []
    for line in lines[begin:]:
        if line and not line.startswith("   "):
            break
        block.append(line[3:])
    while block and not block[-1]:
        block.pop()
    return block


def test_the_docs_example_prints_what_the_page_shows() -> None:
    """The page's example runs and prints exactly the output shown under it."""
    code = "\n".join(_block("python", "An example"))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "skills.rst", "exec"), {})

    assert _block("text", "An example") == printed.getvalue().rstrip("\n").split("\n")


def test_the_docs_list_the_evidence_keys() -> None:
    """Every evidence key of an ``unaddressed_gap`` alert is in the table of the slippage
    page, where the career signals are listed with the others."""
    page = (ROOT / "docs" / "slippage.rst").read_text(encoding="utf-8")
    [alert, *_] = skill_alerts(lead_plan(), as_of=AS_OF, policy=CareerPolicy())

    assert [] == [key for key in alert.evidence if f"``{key}``" not in page]
