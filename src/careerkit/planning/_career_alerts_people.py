"""Alerts about career assets and relationships, read from the career reports.

``stale_asset``, ``missing_resume`` and ``unreflected_achievement`` come from
:func:`careerkit.career.assets.asset_status`; ``relationship_cold``,
``follow_up_due``, ``follow_up_overdue`` and ``goal_without_relationship``
from :func:`careerkit.career.relationships.relationship_status`. The
evidence keys of each kind are documented in ``docs/assets.rst`` and
``docs/relationships.rst``.
"""

from __future__ import annotations

from datetime import date, timedelta

from careerkit.career.assets import (
    AchievementKind,
    AssetReport,
    AssetState,
    StaleReason,
    UnreflectedAchievement,
    asset_status,
)
from careerkit.career.overview import CareerOverview
from careerkit.career.policy import CareerPolicy
from careerkit.career.relationships import (
    ContactState,
    FollowUpState,
    RelationshipReport,
    relationship_status,
)
from careerkit.model import AssetKind, Category, ContactRole, Plan
from careerkit.planning._situation import counted, make_alert
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity

__all__ = ["people_alerts"]

_KIND_NAMES = {
    AssetKind.RESUME: "resume",
    AssetKind.COVER_LETTER: "cover letter",
    AssetKind.PUBLIC_PROFILE: "public profile",
    AssetKind.PORTFOLIO: "portfolio",
}
"""How a message names each kind of asset."""
_KEY_PEOPLE = frozenset({ContactRole.MENTOR, ContactRole.SPONSOR})


def people_alerts(
    plan: Plan, *, as_of: date, policy: CareerPolicy, overview: CareerOverview | None = None
) -> list[Alert]:
    """The alerts of the plan's assets and relationships as of a date, sorted by
    severity, date, subject and kind; read from ``overview`` (the plan's, as of the
    date, by the policy) when it is given."""
    if overview is None:
        assets = asset_status(plan, as_of=as_of)
        relationships = relationship_status(plan, as_of=as_of, policy=policy)
    else:
        assets, relationships = overview.assets, overview.relationships
    found = [
        *_asset_alerts(assets),
        *_relationship_alerts(plan, relationships),
    ]
    return sorted(found, key=lambda alert: alert.sort_key)


def _asset_alerts(report: AssetReport) -> list[Alert]:
    found = [_stale(state) for state in report.stale]
    for missing in report.missing_resumes:
        which = "the vision's role" if missing.vision else "the target role"
        found.append(
            make_alert(
                AlertKind.MISSING_RESUME,
                AlertSeverity.WARNING if missing.vision else AlertSeverity.INFO,
                subject=missing.role,
                on=report.as_of,
                text=(
                    f"No resume is tailored for {which} `{missing.role}` ({missing.title})",
                    f"tailor a resume for {missing.title} and list `{missing.role}` in its roles",
                ),
                evidence={"role": missing.role, "title": missing.title, "vision": missing.vision},
            )
        )
    found.extend(_unreflected(item, report.latest_resume_update) for item in report.unreflected)
    return found


def _stale(state: AssetState) -> Alert:
    kind = _KIND_NAMES[state.kind]
    by_age = StaleReason.AGE in state.why
    first_goal, achieved_on = state.achieved_goal, state.achieved_on
    if by_age:
        assert state.due_on is not None
        on = state.due_on + timedelta(days=1)
        why = (
            f"{counted(state.days_overdue, 'day')} past its age limit (fresh until {state.due_on})"
        )
    else:
        assert achieved_on is not None
        on = achieved_on
        why = f"`{first_goal}` was achieved since, on {achieved_on}"
    if by_age and first_goal is not None:
        why += f", and `{first_goal}` was achieved since"
    return make_alert(
        AlertKind.STALE_ASSET,
        AlertSeverity.WARNING,
        subject=state.asset,
        on=on,
        text=(
            f"The {kind} '{state.title}' was last updated on {state.updated_on}: {why}",
            f"update the {kind} '{state.title}'"
            + (f" with `{first_goal}`" if first_goal is not None else "")
            + " and set its updated_on",
        ),
        evidence={
            "asset": state.asset,
            "kind": state.kind.value,
            "updated_on": state.updated_on,
            "max_age": state.max_age,
            "reason": state.why[0].value,
            "days_overdue": state.days_overdue,
            "achieved_goal": first_goal,
            "achieved_on": achieved_on,
            "goals_since": state.goals_since,
        },
    )


def _unreflected(item: UnreflectedAchievement, latest: date | None) -> Alert:
    since = f"the latest resume update is {latest}" if latest else "no resume is dated yet"
    if item.kind is AchievementKind.GOAL_ACHIEVED:
        what = f"`{item.subject}` ({item.title}) was achieved on {item.on}"
        add = f"add `{item.subject}` ({item.title}) to your resume"
    else:
        what = f"{item.skill} rose to level {item.level} with `{item.subject}` on {item.on}"
        add = f"add {item.skill} (level {item.level}) to your resume"
    return make_alert(
        AlertKind.UNREFLECTED_ACHIEVEMENT,
        AlertSeverity.INFO,
        subject=item.subject,
        on=item.on,
        text=(f"{what}, and {since}", add),
        evidence={
            "achievement": item.kind.value,
            "goal": None if item.task else item.subject,
            "task": item.subject if item.task else None,
            "skill": item.skill,
            "level": item.level,
            "achieved_on": item.on,
            "latest_resume_update": latest,
        },
    )


def _relationship_alerts(plan: Plan, report: RelationshipReport) -> list[Alert]:
    found = [_cold(state) for state in report.cold]
    found.extend(
        _follow_up(state)
        for state in report.contacts
        if state.follow_up is not None and state.follow_up.state is not FollowUpState.UPCOMING
    )
    for goal_id in report.unrelated_goals:
        goal = plan.goal(goal_id)
        wanted = "mentor" if goal.category is Category.MENTORSHIP else "contact"
        found.append(
            make_alert(
                AlertKind.GOAL_WITHOUT_RELATIONSHIP,
                AlertSeverity.WARNING,
                subject=goal_id,
                on=report.as_of,
                text=(
                    f"The {goal.category.value} goal `{goal_id}` ({goal.title}) has no contact",
                    f"add a {wanted} who serves `{goal_id}` (list it in the contact's goals) "
                    "with a keep-in-touch cadence",
                ),
                evidence={
                    "goal": goal_id,
                    "category": goal.category.value,
                    "deadline": goal.deadline,
                },
            )
        )
    return found


def _cadence_text(state: ContactState) -> str:
    if state.cadence is not None:
        return f"{state.cadence}-day cadence"
    return f"cadence {state.cadence_rule}, {state.period} days this time"


def _cold(state: ContactState) -> Alert:
    assert state.next_due is not None
    role = state.role.value
    last = (
        f"last in touch on {state.last_interaction}"
        if state.last_interaction
        else f"not in touch since {state.counted_from}"
    )
    worth = f"; a {role} is hard to win back once lost" if state.role in _KEY_PEOPLE else ""
    return make_alert(
        AlertKind.RELATIONSHIP_COLD,
        AlertSeverity.CRITICAL if state.critical else AlertSeverity.WARNING,
        subject=state.contact,
        on=state.next_due,
        text=(
            f"Your {role} `{state.contact}` is going cold: {last}, due again on "
            f"{state.next_due}, {counted(state.days_over, 'day')} over{worth}",
            f"get in touch with {state.contact} ({_cadence_text(state)}) and log the interaction",
        ),
        evidence={
            "contact": state.contact,
            "role": role,
            "last_interaction": state.last_interaction,
            "next_due": state.next_due,
            "days_over": state.days_over,
            "cadence": state.period,
            "cadence_rule": state.cadence_rule,
        },
    )


def _follow_up(state: ContactState) -> Alert:
    owed = state.follow_up
    assert owed is not None
    overdue = owed.state is FollowUpState.OVERDUE
    if overdue:
        when = f"was due on {owed.due}, {counted(owed.days_overdue, 'day')} ago"
    elif owed.days_left == 0:
        when = "is due today"
    else:
        when = f"is due on {owed.due}, in {counted(owed.days_left, 'day')}"
    return make_alert(
        AlertKind.FOLLOW_UP_OVERDUE if overdue else AlertKind.FOLLOW_UP_DUE,
        AlertSeverity.WARNING if overdue else AlertSeverity.INFO,
        subject=state.contact,
        on=owed.due,
        text=(
            f"The follow-up with `{state.contact}` after {owed.interaction} {when}",
            f"follow up with {state.contact} and log the interaction",
        ),
        evidence={
            "contact": state.contact,
            "interaction": owed.interaction,
            "due": owed.due,
            "days": owed.days_overdue if overdue else owed.days_left,
        },
    )
