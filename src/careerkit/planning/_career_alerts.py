"""The career family of alerts: skills, assets, relationships and the job search."""

from __future__ import annotations

from careerkit.planning._career_alerts_jobs import job_alerts
from careerkit.planning._career_alerts_people import people_alerts
from careerkit.planning._career_alerts_skills import skill_alerts
from careerkit.planning._situation import Situation
from careerkit.planning.alerts import Alert

__all__ = ["career_alerts"]


def career_alerts(situation: Situation) -> list[Alert]:
    """Every career signal of the plan as of the status date, by the policy's
    career thresholds; a plan without career parts raises none."""
    plan, as_of, policy = situation.plan, situation.as_of, situation.policy.career
    return [
        *skill_alerts(plan, as_of=as_of, policy=policy),
        *people_alerts(plan, as_of=as_of, policy=policy),
        *job_alerts(plan, as_of=as_of, policy=policy),
    ]
