"""Time the career domain's signals against a schedule of a large plan, in one run.

The domain plan (``domain_plan.make_domain_plan``) holds 2,000 contacts of 20
interactions each (a seventh of them on an RRULE cadence), 500 applications,
300 skills on the profile, three target roles of 60 required skills, 40
assets, 20 options and 1,000 tasks that build skills. *All domain signals*
are what a review computes of it: ``career_overview`` (the target role's
skill gaps, the assets, the relationships with the network's breadth, the
options, the job search) and the career alerts (``unaddressed_gap``, the
assets' and relationships' kinds, the job search's). The baseline is
``schedule()`` of ``bench_schedule.make_plan(10_000)``, timed in the same
run. Target: at most 1x.

Also prints each part alone, and the growth exponent of the signals from a
quarter of the plan to all of it (the slope of log time against log size).

    python benchmarks/bench_domain.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import math

from bench_schedule import make_plan as make_large_plan
from domain_plan import AS_OF, make_domain_plan
from timing import best_of_each

import careerkit
from careerkit.career import CareerPolicy
from careerkit.planning._career_alerts_jobs import job_alerts
from careerkit.planning._career_alerts_people import people_alerts
from careerkit.planning._career_alerts_skills import skill_alerts


def signals(plan: careerkit.Plan) -> None:
    """Every career figure and alert of the plan as of ``AS_OF``, the alerts read from
    one overview, as ``detect_slippage`` and the review read them."""
    policy = CareerPolicy()
    overview = careerkit.career_overview(plan, as_of=AS_OF, policy=policy)
    for family in (skill_alerts, people_alerts, job_alerts):
        family(plan, as_of=AS_OF, policy=policy, overview=overview)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    repeat = arguments.repeat
    plan = make_domain_plan()
    large = make_large_plan(10_000)
    domain, baseline = best_of_each(
        repeat, lambda: signals(plan), lambda: careerkit.schedule(large)
    )
    print(
        f"domain signals (2,000 contacts x 20, 500 applications, 300 skills): "
        f"{domain * 1000:8.1f} ms"
    )
    print(
        f"schedule() of 10,000 tasks:                                        {baseline * 1000:8.1f} ms"
    )
    print(f"ratio: {domain / baseline:.2f}x (target at most 1x)")
    print()
    policy = CareerPolicy()
    parts = {
        "skill_gaps": lambda: careerkit.skill_gaps(plan, as_of=AS_OF),
        "asset_status": lambda: careerkit.asset_status(plan, as_of=AS_OF),
        "relationship_status": lambda: careerkit.relationship_status(plan, as_of=AS_OF),
        "rank_options": lambda: careerkit.rank_options(plan),
        "job_search": lambda: careerkit.job_search(plan, as_of=AS_OF),
        "skill_alerts": lambda: skill_alerts(plan, as_of=AS_OF, policy=policy),
        "people_alerts": lambda: people_alerts(plan, as_of=AS_OF, policy=policy),
        "job_alerts": lambda: job_alerts(plan, as_of=AS_OF, policy=policy),
    }
    for (name, _), seconds in zip(
        parts.items(), best_of_each(repeat, *parts.values()), strict=True
    ):
        print(f"  {name:20} {seconds * 1000:8.1f} ms  {seconds / baseline:5.2f}x")
    print()
    quarter = make_domain_plan(contacts=500, applications=125, skills=75, tasks=250)
    small, full = best_of_each(repeat, lambda: signals(quarter), lambda: signals(plan))
    print(
        f"growth exponent of the signals, quarter to full plan: {math.log(full / small) / math.log(4):.2f}"
    )


if __name__ == "__main__":
    main()
