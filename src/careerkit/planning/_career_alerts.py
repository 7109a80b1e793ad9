"""The career family of alerts: skills, assets, relationships and the job search."""

from __future__ import annotations

from typing import cast

from careerkit.career.overview import CareerOverview, career_overview
from careerkit.planning._career_alerts_jobs import job_alerts
from careerkit.planning._career_alerts_people import people_alerts
from careerkit.planning._career_alerts_skills import skill_alerts
from careerkit.planning._situation import Situation
from careerkit.planning.alerts import Alert

__all__ = ["career_alerts"]


def career_alerts(situation: Situation) -> list[Alert]:
    """Every career signal of the plan as of the status date, by the policy's
    career thresholds, from one career overview (the caller's, or computed once);
    a plan without career parts raises none."""
    plan, as_of, policy = situation.plan, situation.as_of, situation.policy.career
    given = situation.extras.get("career")
    overview = (
        career_overview(plan, as_of=as_of, policy=policy)
        if given is None
        else cast(CareerOverview, given)
    )
    return [
        *skill_alerts(plan, as_of=as_of, policy=policy, overview=overview),
        *people_alerts(plan, as_of=as_of, policy=policy, overview=overview),
        *job_alerts(plan, as_of=as_of, policy=policy, overview=overview),
    ]
