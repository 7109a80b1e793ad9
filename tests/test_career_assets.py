"""Career assets: stale by age or by an achieved goal, roles without a resume,
achievements no resume shows yet, and the alerts they raise."""

from __future__ import annotations

import json
import pickle
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import careerkit
from careerkit.career.assets import AchievementKind, StaleReason, asset_status
from careerkit.career.policy import CareerPolicy
from careerkit.errors import ValidationError
from careerkit.io import json_schema, to_dict
from careerkit.model import (
    Asset,
    AssetKind,
    Goal,
    GoalStatus,
    Plan,
    Profile,
    Role,
    Skill,
    SkillGain,
    Status,
    Task,
)
from careerkit.planning._career_alerts_people import people_alerts
from careerkit.planning.alerts import AlertKind, AlertSeverity

V4 = Path(__file__).resolve().parent / "data" / "plan-v4.json"
START = date(2026, 1, 5)


def plan_of(**parts: Any) -> Plan:
    """A plan starting on 2026-01-05 with the given parts."""
    return Plan(id="p", owner="Ana", start=START, **parts)


def resume(**fields: Any) -> Asset:
    """A resume updated on 2026-01-05, unless told otherwise."""
    values: dict[str, Any] = {
        "id": "cv",
        "kind": AssetKind.RESUME,
        "title": "Resume",
        "updated_on": START,
    }
    values.update(fields)
    return Asset(**values)


def achieved(goal_id: str, on: date, **fields: Any) -> Goal:
    """A goal achieved on ``on``."""
    return Goal(
        id=goal_id, title=f"Goal {goal_id}", status=GoalStatus.ACHIEVED, achieved_on=on, **fields
    )


def done(task_id: str, on: date, builds: list[SkillGain], goal: str = "g") -> Task:
    """A task done on ``on`` that builds skills."""
    return Task(
        id=task_id,
        goal=goal,
        title=f"Task {task_id}",
        status=Status.DONE,
        started_on=START,
        done_on=on,
        builds=builds,
    )


def alerts_of(plan: Plan, as_of: date, kind: AlertKind) -> list[careerkit.Alert]:
    """The people alerts of one kind."""
    found = people_alerts(plan, as_of=as_of, policy=CareerPolicy())
    return [alert for alert in found if alert.kind is kind]


def validator(kind: str) -> Draft202012Validator:
    """A validator for a kind's schema that also checks formats."""
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


# --- stale by age ------------------------------------------------------------------------


def test_an_asset_is_fresh_on_its_last_day_and_stale_the_day_after() -> None:
    """``as_of > updated_on + max_age`` makes an asset stale, by the days past that."""
    plan = plan_of(assets=[resume(max_age=30)])
    due = START + timedelta(days=30)

    on_the_day = asset_status(plan, as_of=due).assets[0]
    after = asset_status(plan, as_of=due + timedelta(days=4)).assets[0]

    assert (due, False, (), 0) == (
        on_the_day.due_on,
        on_the_day.stale,
        on_the_day.why,
        on_the_day.days_overdue,
    )
    assert (True, (StaleReason.AGE,), 4) == (after.stale, after.why, after.days_overdue)


def test_an_asset_without_an_age_limit_never_ages() -> None:
    """No ``max_age``: no due date, never stale by age."""
    state = asset_status(plan_of(assets=[resume()]), as_of=date(2036, 1, 1)).assets[0]

    assert (None, False, 0) == (state.due_on, state.stale, state.days_overdue)


# --- stale by achievement ----------------------------------------------------------------


def test_a_goal_achieved_after_the_update_makes_a_refreshing_asset_stale() -> None:
    """Goals achieved after ``updated_on`` and up to ``as_of`` count, earliest first;
    one achieved on the update day, or after ``as_of``, does not."""
    plan = plan_of(
        goals=[
            achieved("same-day", START),
            achieved("later", date(2026, 3, 2)),
            achieved("first", date(2026, 2, 2)),
            achieved("future", date(2026, 5, 4)),
        ],
        assets=[resume(refresh_after_goal=True)],
    )

    state = asset_status(plan, as_of=date(2026, 4, 1)).assets[0]

    assert (True, (StaleReason.ACHIEVED_GOAL,), "first", date(2026, 2, 2), 2) == (
        state.stale,
        state.why,
        state.achieved_goal,
        state.achieved_on,
        state.goals_since,
    )


def test_an_asset_that_does_not_refresh_after_goals_ignores_them() -> None:
    """Without ``refresh_after_goal`` an achieved goal leaves the asset fresh."""
    plan = plan_of(goals=[achieved("cert", date(2026, 2, 2))], assets=[resume()])

    state = asset_status(plan, as_of=date(2026, 4, 1)).assets[0]

    assert (False, None, 1) == (state.stale, state.achieved_goal, state.goals_since)


def test_both_reasons_are_given_age_first() -> None:
    """An asset past its age and behind a goal has both reasons."""
    plan = plan_of(
        goals=[achieved("cert", date(2026, 2, 2))],
        assets=[resume(max_age=10, refresh_after_goal=True)],
    )

    state = asset_status(plan, as_of=date(2026, 2, 2)).assets[0]

    assert (StaleReason.AGE, StaleReason.ACHIEVED_GOAL) == state.why
    assert (date(2026, 2, 2) - START).days - 10 == state.days_overdue


# --- roles without a resume --------------------------------------------------------------


def test_a_role_needs_a_resume_that_lists_it() -> None:
    """A cover letter or a general resume does not count; a resume listing the role does."""
    roles = [
        Role(id="director", title="Marketing director", vision=True),
        Role(id="head", title="Head of marketing"),
        Role(id="lead", title="Team lead"),
    ]
    plan = plan_of(
        roles=roles,
        assets=[
            resume(id="cv-general"),
            resume(id="cv-head", roles=["head"]),
            Asset(
                id="letter",
                kind=AssetKind.COVER_LETTER,
                title="Letter",
                roles=["lead"],
                updated_on=START,
            ),
        ],
    )

    missing = asset_status(plan, as_of=START).missing_resumes

    assert [("director", True), ("lead", False)] == [(item.role, item.vision) for item in missing]


# --- achievements not reflected ----------------------------------------------------------


def test_an_achievement_is_reflected_by_a_resume_updated_on_or_after_it() -> None:
    """Only achievements after the latest resume update (up to ``as_of``) are listed;
    a resume update after ``as_of`` has not happened yet."""
    plan = plan_of(
        goals=[achieved("old", date(2026, 2, 2)), achieved("new", date(2026, 3, 2))],
        assets=[
            resume(id="cv-a", updated_on=date(2026, 2, 2)),
            resume(id="cv-b", updated_on=date(2026, 4, 6)),
        ],
    )

    then = asset_status(plan, as_of=date(2026, 4, 1))
    later = asset_status(plan, as_of=date(2026, 4, 6))

    assert date(2026, 2, 2) == then.latest_resume_update
    assert ["new"] == [item.subject for item in then.unreflected]
    assert (date(2026, 4, 6), ()) == (later.latest_resume_update, later.unreflected)


def test_before_any_resume_update_every_achievement_is_unreflected() -> None:
    """A resume first written after the status date shows nothing yet, and no update date
    is given; a plan that keeps no resume at all has nothing to show achievements in,
    and reports none (plans written before assets existed raise nothing new)."""
    plan = plan_of(
        goals=[achieved("cert", date(2026, 2, 2))],
        assets=[resume(updated_on=date(2026, 6, 1))],
    )

    report = asset_status(plan, as_of=date(2026, 4, 1))
    without = asset_status(attrs.evolve(plan, assets=()), as_of=date(2026, 4, 1))

    assert (None, ["cert"]) == (
        report.latest_resume_update,
        [i.subject for i in report.unreflected],
    )
    assert () == without.unreflected


def test_finished_work_raises_skills_with_its_date_and_the_level_reached() -> None:
    """A task done and a goal achieved that build a skill raise it, capped at 5, in
    date order; each raise is listed with the work that made it."""
    profile = Profile(skills=[Skill(name="SEO", level=3)])
    plan = plan_of(
        profile=profile,
        goals=[
            Goal(id="g", title="Grow"),
            achieved("cert", date(2026, 3, 2), builds=[SkillGain(skill="SEO")]),
        ],
        tasks=[done("audit", date(2026, 2, 2), [SkillGain(skill="SEO", by=2)])],
        assets=[resume(updated_on=date(2026, 1, 20))],
    )

    found = asset_status(plan, as_of=date(2026, 4, 1)).unreflected

    assert [
        (AchievementKind.SKILL_RAISED, "audit", True, "SEO", 5, date(2026, 2, 2)),
        (AchievementKind.GOAL_ACHIEVED, "cert", False, None, None, date(2026, 3, 2)),
    ] == [(i.kind, i.subject, i.task, i.skill, i.level, i.on) for i in found]


def test_work_on_or_before_the_assessment_is_already_in_the_level() -> None:
    """A gain dated on or before the skill's ``assessed_on`` raises nothing; one after does,
    and a skill absent from the inventory starts at 0."""
    profile = Profile(skills=[Skill(name="SEO", level=1, assessed_on=date(2026, 2, 2))])
    plan = plan_of(
        profile=profile,
        roles=[
            Role(id="r", title="R", skills=[careerkit.RequiredSkill(skill="budgeting", level=3)])
        ],
        goals=[Goal(id="g", title="Grow")],
        tasks=[
            done("before", date(2026, 2, 2), [SkillGain(skill="SEO")]),
            done("after", date(2026, 2, 3), [SkillGain(skill="SEO"), SkillGain(skill="budgeting")]),
            done("future", date(2026, 5, 1), [SkillGain(skill="SEO")]),
        ],
        assets=[resume(updated_on=date(2026, 1, 20))],
    )

    found = asset_status(plan, as_of=date(2026, 4, 1)).unreflected

    assert [("after", "SEO", 2), ("after", "budgeting", 1)] == [
        (item.subject, item.skill, item.level) for item in found
    ]


def test_a_skill_at_the_top_is_not_raised() -> None:
    """A skill already at level 5 gains nothing more to show."""
    plan = plan_of(
        profile=Profile(skills=[Skill(name="SEO", level=5)]),
        goals=[Goal(id="g", title="Grow")],
        tasks=[done("audit", date(2026, 2, 2), [SkillGain(skill="SEO")])],
    )

    assert () == asset_status(plan, as_of=date(2026, 4, 1)).unreflected


# --- the sample document, arguments, JSON ------------------------------------------------


def test_the_sample_document_reads_its_resume_as_behind_the_networking_goal() -> None:
    """plan-v4: the resume (updated 2025-01-15, refreshes after goals) is stale once
    `network` is achieved on 2025-06-20, and by age after 2025-07-14."""
    plan = careerkit.loads(V4.read_text(encoding="utf-8"))

    before = asset_status(plan, as_of=date(2025, 6, 19))
    after = asset_status(plan, as_of=date(2025, 7, 20))

    assert [] == [state.asset for state in before.assets if state.stale]
    assert [("cv-pmm", (StaleReason.AGE, StaleReason.ACHIEVED_GOAL), 6)] == [
        (state.asset, state.why, state.days_overdue) for state in after.stale
    ]
    assert ["network"] == [item.subject for item in after.unreflected]


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"plan": "plan", "as_of": START}, "plan"),
        ({"plan": None, "as_of": START}, "plan"),
        ({"as_of": datetime(2026, 1, 5, 9)}, "as_of"),
        ({"as_of": "2026-01-05"}, "as_of"),
    ],
)
def test_wrong_arguments_are_refused_by_name(arguments: dict[str, Any], path: str) -> None:
    """A wrong argument gets a ValidationError naming it."""
    values = {"plan": plan_of(), **arguments}
    plan = values.pop("plan")

    with pytest.raises(ValidationError) as caught:
        asset_status(plan, **values)

    assert [path] == [problem.path for problem in caught.value.problems]


def test_the_report_follows_its_schema() -> None:
    """A real report with every part validates against ``json_schema("asset_report")``."""
    plan = plan_of(
        profile=Profile(skills=[Skill(name="SEO", level=1)]),
        roles=[Role(id="director", title="Director", vision=True)],
        goals=[Goal(id="g", title="Grow"), achieved("cert", date(2026, 2, 2))],
        tasks=[done("audit", date(2026, 2, 3), [SkillGain(skill="SEO")])],
        assets=[resume(max_age=20, refresh_after_goal=True)],
    )
    report = asset_status(plan, as_of=date(2026, 4, 1))
    document = to_dict(report)

    assert [] == [error.message for error in validator("asset_report").iter_errors(document)]
    assert ["age", "achieved_goal"] == document["assets"][0]["why"]
    assert document == json.loads(careerkit.dumps(report))


# --- alerts ------------------------------------------------------------------------------


def test_a_stale_asset_raises_a_warning_with_its_reason_and_a_correction() -> None:
    """``stale_asset``: the evidence says why; the correction names the asset."""
    plan = plan_of(assets=[resume(title="Resume - director", max_age=30)])

    (alert,) = alerts_of(plan, START + timedelta(days=40), AlertKind.STALE_ASSET)

    assert (AlertSeverity.WARNING, "cv", START + timedelta(days=31)) == (
        alert.severity,
        alert.subject,
        alert.on,
    )
    assert {
        "asset": "cv",
        "kind": "resume",
        "updated_on": START,
        "max_age": 30,
        "reason": "age",
        "days_overdue": 10,
        "achieved_goal": None,
        "achieved_on": None,
        "goals_since": 0,
    } == dict(alert.evidence)
    assert "update the resume 'Resume - director'" in alert.correction


def test_a_stale_asset_behind_a_goal_names_the_goal() -> None:
    """``stale_asset`` by achievement: on the day the goal was achieved, naming it."""
    plan = plan_of(
        goals=[achieved("cert", date(2026, 2, 2))],
        assets=[
            Asset(
                id="site",
                kind=AssetKind.PORTFOLIO,
                title="Portfolio",
                updated_on=START,
                refresh_after_goal=True,
            )
        ],
    )

    (alert,) = alerts_of(plan, date(2026, 3, 1), AlertKind.STALE_ASSET)

    assert (date(2026, 2, 2), "achieved_goal", "cert", date(2026, 2, 2)) == (
        alert.on,
        alert.evidence["reason"],
        alert.evidence["achieved_goal"],
        alert.evidence["achieved_on"],
    )
    assert "update the portfolio 'Portfolio' with `cert`" in alert.correction


def test_a_missing_resume_is_a_warning_for_the_vision_role_only() -> None:
    """``missing_resume``: warning for the vision's role, info for another; subject the role."""
    plan = plan_of(
        roles=[Role(id="director", title="Director", vision=True), Role(id="lead", title="Lead")]
    )

    found = alerts_of(plan, START, AlertKind.MISSING_RESUME)

    assert [("director", AlertSeverity.WARNING), ("lead", AlertSeverity.INFO)] == [
        (alert.subject, alert.severity) for alert in found
    ]
    assert {"role": "director", "title": "Director", "vision": True} == dict(found[0].evidence)
    assert "list `director` in its roles" in found[0].correction


def test_unreflected_achievements_raise_info_alerts() -> None:
    """``unreflected_achievement``: one per goal achieved or skill raised since the
    latest resume update, with that update in the evidence."""
    plan = plan_of(
        goals=[Goal(id="g", title="Grow"), achieved("cert", date(2026, 2, 2))],
        profile=Profile(skills=[Skill(name="SEO", level=2)]),
        tasks=[done("audit", date(2026, 2, 9), [SkillGain(skill="SEO")])],
        assets=[resume(updated_on=date(2026, 1, 20))],
    )

    found = alerts_of(plan, date(2026, 3, 1), AlertKind.UNREFLECTED_ACHIEVEMENT)

    assert [
        ("cert", "goal_achieved", "cert", None, None, None),
        ("audit", "skill_raised", None, "audit", "SEO", 3),
    ] == [
        (
            alert.subject,
            alert.evidence["achievement"],
            alert.evidence["goal"],
            alert.evidence["task"],
            alert.evidence["skill"],
            alert.evidence["level"],
        )
        for alert in found
    ]
    assert {AlertSeverity.INFO} == {alert.severity for alert in found}
    assert {date(2026, 1, 20)} == {alert.evidence["latest_resume_update"] for alert in found}
    assert "add SEO (level 3) to your resume" == found[1].correction


# --- properties --------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    max_age=st.integers(min_value=1, max_value=400),
    updated=st.integers(min_value=0, max_value=400),
    later=st.integers(min_value=0, max_value=800),
    step=st.integers(min_value=0, max_value=400),
)
def test_staleness_by_age_never_goes_away_with_time(
    max_age: int, updated: int, later: int, step: int
) -> None:
    """Days overdue never decrease as ``as_of`` moves on, and are never negative."""
    plan = plan_of(assets=[resume(updated_on=START + timedelta(days=updated), max_age=max_age)])
    first = START + timedelta(days=later)

    before = asset_status(plan, as_of=first).assets[0]
    after = asset_status(plan, as_of=first + timedelta(days=step)).assets[0]

    assert 0 <= before.days_overdue <= after.days_overdue
    assert before.stale <= after.stale


def test_a_goal_that_builds_a_skill_gives_two_achievements() -> None:
    """An achieved goal that builds a skill is listed as achieved and as raising the skill,
    and the skill raise's alert names the goal, not a task."""
    plan = plan_of(
        profile=Profile(skills=[Skill(name="SEO", level=1)]),
        goals=[achieved("cert", date(2026, 2, 2), builds=[SkillGain(skill="SEO", by=2)])],
        assets=[resume(updated_on=date(2026, 6, 1))],  # first written after the status date
    )

    found = asset_status(plan, as_of=date(2026, 3, 1)).unreflected
    (raised,) = [
        alert
        for alert in alerts_of(plan, date(2026, 3, 1), AlertKind.UNREFLECTED_ACHIEVEMENT)
        if alert.evidence["achievement"] == "skill_raised"
    ]

    assert [
        (AchievementKind.GOAL_ACHIEVED, None),
        (AchievementKind.SKILL_RAISED, 3),
    ] == [(item.kind, item.level) for item in found]
    assert ("cert", None, None) == (
        raised.evidence["goal"],
        raised.evidence["task"],
        raised.evidence["latest_resume_update"],
    )


def test_reports_pickle_and_compare_equal() -> None:
    """A report travels to another process unchanged."""
    plan = careerkit.loads(V4.read_text(encoding="utf-8"))
    report = asset_status(plan, as_of=date(2025, 7, 20))

    assert report == pickle.loads(pickle.dumps(report))
