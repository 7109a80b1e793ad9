"""Alerts about skills: the gaps of the target role that nothing in the plan closes."""

from __future__ import annotations

from datetime import date

from careerkit.career.overview import CareerOverview
from careerkit.career.policy import CareerPolicy
from careerkit.career.skills import SkillGap, SkillGaps, skill_gaps, target_role
from careerkit.model import Plan
from careerkit.model.skills import LEVELS
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity

__all__ = ["skill_alerts"]


def skill_alerts(
    plan: Plan, *, as_of: date, policy: CareerPolicy, overview: CareerOverview | None = None
) -> list[Alert]:
    """``unaddressed_gap``: each skill the target role requires above its level as of
    ``as_of`` that no open goal or task builds, in the order of the ranked gaps.

    The target role is the vision's, or the plan's only role
    (:func:`~careerkit.career.skills.target_role`); without one there is no
    alert. The skill with the largest weighted gap of the role gives a
    warning (each of them, on a tie), any other an info. ``policy`` holds no
    threshold of this family; it is taken as every career family takes it. The gaps
    are read from ``overview`` (the plan's, as of the date) when it is given.
    """
    if overview is not None:
        gaps = overview.gaps
    else:
        role = target_role(plan)
        gaps = None if role is None else skill_gaps(plan, role.id, as_of=as_of)
    if gaps is None:
        return []
    largest = gaps.gaps[0].weighted_gap if gaps.gaps else 0.0
    return [_unaddressed(gaps, gap, largest=largest) for gap in gaps.gaps if not gap.addressed]


def _unaddressed(gaps: SkillGaps, gap: SkillGap, *, largest: float) -> Alert:
    severity = (
        AlertSeverity.WARNING if largest > 0 and gap.weighted_gap == largest else AlertSeverity.INFO
    )
    levels = "level" if gap.gap == 1 else "levels"
    return Alert(
        kind=AlertKind.UNADDRESSED_GAP,
        severity=severity,
        subject=gaps.role,
        on=gaps.as_of,
        message=(
            f"`{gaps.role}` needs {gap.skill} at level {gap.required} "
            f"({LEVELS[gap.required]}); it is at {gap.current} ({LEVELS[gap.current]}), "
            f"{gap.gap} {levels} short, and no open goal or task builds it"
        ),
        evidence={
            "skill": gap.skill,
            "required": gap.required,
            "current": gap.current,
            "gap": gap.gap,
            "weight": gap.weight,
            "weighted_gap": gap.weighted_gap,
        },
        correction=(
            f"add a task that builds {gap.skill} by {gap.gap} to level {gap.required} "
            f"(builds=[SkillGain(skill={gap.skill!r}, by={gap.gap})])"
        ),
    )
