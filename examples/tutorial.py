"""The tutorial's story: one person's career plan from vision to the third review.

Priya Raman, a data analyst, wants to become a product manager. The script
writes her vision and self-evaluation, SMART goals, tasks and a habit,
schedules the plan, starts its history and reviews it three times, a few
months apart, applying one of the suggested corrections on the way. Every
date is fixed, so the output is the same on every run:

    python examples/tutorial.py

``docs/tutorial.rst`` shows its steps, each between two bracketed comments.
"""

from __future__ import annotations

# [setup]
from datetime import UTC, date, datetime

import careerkit
from careerkit import (
    Category,
    CheckIn,
    CorrectionCode,
    Goal,
    GoalStatus,
    History,
    Horizon,
    Measurement,
    Metric,
    Plan,
    Profile,
    RevisionKind,
    Source,
    Task,
)

AUTHOR = "Priya Raman"


def at(day: date) -> datetime:
    """Six in the evening of ``day``, UTC: when Priya commits her revisions."""
    return datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)


# [/setup]


def vision() -> Plan:
    """The plan with the vision, the self-evaluation and the goals."""
    # [vision]
    profile = Profile(
        strengths=("SQL and dashboards", "explaining numbers to managers"),
        weaknesses=("product discovery", "public speaking"),
        interests=("product management", "B2B software"),
        values=("autonomy", "continuous learning"),
    )
    plan = Plan(
        id="priya-product-plan",
        owner=AUTHOR,
        vision="Lead a product team at a B2B software company within four years",
        start=date(2027, 1, 4),
        profile=profile,
        weekly_capacity=8,  # hours a week for the plan, on top of the day job
    )
    # [/vision]
    # [goals]
    plan = plan.add_goal(
        Goal(
            id="product-manager",
            title="Become a product manager at a B2B software company",
            horizon=Horizon.LONG,
            category=Category.JOB_SEARCH,
            deadline=date(2030, 12, 31),
            relevant_to=("product management", "B2B software"),
        )
    )
    plan = plan.add_goal(
        Goal(
            id="pm-certificate",
            title="Get better at product",
            horizon=Horizon.SHORT,
            category=Category.LEARNING,
            parent="product-manager",
            deadline=date(2027, 6, 30),
            relevant_to=("product discovery",),
        )
    )
    # A backup goal waits on hold until the goal it backs is in trouble.
    plan = plan.add_goal(
        Goal(
            id="internal-transfer",
            title="Move to the internal product-analyst role",
            horizon=Horizon.MEDIUM,
            category=Category.JOB_SEARCH,
            parent="product-manager",
            status=GoalStatus.ON_HOLD,
            backup_for="pm-certificate",
            deadline=date(2027, 12, 31),
        )
    )
    # [/goals]
    return plan


def smart_check(plan: Plan) -> Plan:
    """Assess the goals, print the findings and fix the vague one."""
    # [assess]
    for assessment in careerkit.assess_plan(plan, as_of=date(2027, 1, 4)):
        for finding in assessment.findings:
            print(f"{assessment.subject} {finding.code}: {finding.message}")
    # [/assess]
    # [fix]
    plan = plan.update_goal(
        "pm-certificate",
        title="Earn the Product School product manager certificate",
        metric=Metric(name="course modules passed", unit="modules", baseline=0, target=6),
    )
    fixed = careerkit.assess(plan.goal("pm-certificate"), plan=plan, as_of=date(2027, 1, 4))
    print(f"pm-certificate after the fix: SMART {fixed.is_smart}")
    # [/fix]
    return plan


def tasks(plan: Plan) -> Plan:
    """The tasks: durations in working days, efforts in hours, dependencies and a habit."""
    # [tasks]
    plan = plan.add_task(
        Task(
            id="course",
            goal="pm-certificate",
            title="Work through the six course modules",
            duration=60,  # working days
            optimistic=45,  # three-point estimate around the duration
            pessimistic=90,
            effort=48,  # hours in all
            cost=900,
        )
    )
    plan = plan.add_task(
        Task(
            id="capstone",
            goal="pm-certificate",
            title="Write the capstone product brief",
            duration=15,
            optimistic=10,
            pessimistic=25,
            effort=20,
            depends_on=("course",),  # cannot start before the course is done
        )
    )
    plan = plan.add_task(
        Task(
            id="exam",
            goal="pm-certificate",
            title="Pass the certificate exam",
            effort=3,
            depends_on=("capstone",),
            due=date(2027, 6, 30),
        )
    )
    plan = plan.add_task(
        Task(
            id="pm-interviews",
            goal="product-manager",
            title="Interview three product managers about their work",
            duration=20,
            effort=6,
        )
    )
    # A habit: a product teardown every other Saturday, one hour and a half each.
    plan = plan.add_task(
        Task(
            id="teardown",
            goal="product-manager",
            title="Write a teardown of one product",
            effort=1.5,
            recurrence="FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
        )
    )
    plan = plan.add_task(
        Task(
            id="transfer-talk",
            goal="internal-transfer",
            title="Ask the head of product about the analyst role",
            duration=5,
            effort=2,
        )
    )
    # [/tasks]
    return plan


def show_schedule(plan: Plan) -> None:
    """The critical path and the first weeks' load."""
    # [schedule]
    timing = careerkit.schedule(plan, as_of=plan.start)
    print(f"finish {timing.finish}, critical path: {' -> '.join(timing.critical_path)}")
    for week in timing.load[:3]:
        print(f"  week of {week.week}: {week.hours:.1f} of {week.capacity} hours")
    certificate = timing.goal("pm-certificate")
    print(f"pm-certificate finishes {certificate.finish}, slack {certificate.slack} working days")
    # [/schedule]


# [review]
def show_review(plan: Plan, history: History, as_of: date) -> careerkit.Review:
    """Review the plan and print the summary, the alerts, the wins and the corrections."""
    found = careerkit.review(plan, as_of=as_of, history=history)
    count = len(found.alerts)
    print(f"review of {as_of}: {found.report.health.value}, {count} alert{'s' * (count != 1)}")
    for alert in found.alerts[:3]:
        print(f"  {alert.severity.value} {alert.kind.value} {alert.subject}")
    for win in found.wins:
        print(f"  win: {win.message}")
    for correction in found.corrections:
        print(f"  correction {correction.code.value} {correction.subject}")
    return found


# [/review]


def main() -> None:
    """The whole story, from the vision to the third review."""
    plan = smart_check(vision())
    plan = tasks(plan)
    show_schedule(plan)

    # [history]
    history = History.start(plan, at=at(plan.start), author=AUTHOR, reason="First version")
    history = history.mark_baseline("original")
    # [/history]

    # [progress-1]
    plan = plan.start_task("course", on=date(2027, 1, 5))
    plan = plan.update_task("course", percent_complete=30, hours_spent=14)
    plan = plan.complete_task("pm-interviews", on=date(2027, 2, 12), hours_spent=5)
    plan = plan.start_task("teardown", on=date(2027, 1, 9))
    fortnights = (date(2027, 1, 9), date(2027, 1, 23), date(2027, 2, 6), date(2027, 3, 6))
    plan = plan.update_task("teardown", done_occurrences=fortnights)
    plan = plan.record_measurement(
        "pm-certificate", Measurement(on=date(2027, 3, 1), value=2, note="modules 1 and 2")
    )
    plan = plan.add_check_in(CheckIn(on=date(2027, 3, 8), satisfaction=4, source=Source.SELF))
    history = history.commit(
        plan, at=at(date(2027, 3, 8)), author=AUTHOR, reason="Two modules passed, interviews done"
    )
    show_review(plan, history, date(2027, 3, 8))
    # [/progress-1]

    # [progress-2]
    plan = plan.update_task("course", percent_complete=45, hours_spent=24)
    plan = plan.record_measurement(
        "pm-certificate", Measurement(on=date(2027, 5, 3), value=3, note="module 3, late")
    )
    plan = plan.add_check_in(
        CheckIn(
            on=date(2027, 5, 10),
            satisfaction=3,
            source=Source.MENTOR,
            notes="A release at work ate April; the certificate will slip.",
        )
    )
    history = history.commit(
        plan, at=at(date(2027, 5, 10)), author=AUTHOR, reason="April lost to a release at work"
    )
    second = show_review(plan, history, date(2027, 5, 10))
    # [/progress-2]

    # [correction]
    move = next(c for c in second.corrections if c.code is CorrectionCode.MOVE_DEADLINE)
    new_deadline = date.fromisoformat(str(move.evidence["p85"]))
    plan = plan.update_goal(move.subject, deadline=new_deadline)
    plan = plan.update_task("exam", due=new_deadline)
    history = history.commit(
        plan,
        at=at(date(2027, 5, 10)),
        author=AUTHOR,
        reason=f"Certificate deadline moved to {new_deadline}, the forecast's P85",
        kind=RevisionKind.COURSE_CORRECTION,
    )
    print(f"applied: {move.code.value} {move.subject} to {new_deadline}")
    # [/correction]

    # [progress-3]
    plan = plan.complete_task("course", on=date(2027, 6, 4), hours_spent=50)
    for module, day in ((4, date(2027, 5, 21)), (6, date(2027, 6, 4))):
        plan = plan.record_measurement("pm-certificate", Measurement(on=day, value=module))
    plan = plan.start_task("capstone", on=date(2027, 6, 7))
    plan = plan.complete_task("capstone", on=date(2027, 7, 2), hours_spent=22)
    plan = plan.complete_task("exam", on=date(2027, 7, 14), hours_spent=3)
    plan = plan.update_goal(
        "pm-certificate", status=GoalStatus.ACHIEVED, achieved_on=date(2027, 7, 14)
    )
    done = plan.task("teardown").done_occurrences
    later = (date(2027, 5, 15), date(2027, 6, 12), date(2027, 6, 26), date(2027, 7, 24))
    plan = plan.update_task("teardown", done_occurrences=(*done, *later))
    plan = plan.add_check_in(CheckIn(on=date(2027, 8, 2), satisfaction=5, source=Source.SELF))
    history = history.commit(
        plan, at=at(date(2027, 8, 2)), author=AUTHOR, reason="Certificate earned"
    )
    # [/progress-3]
    # [third]
    third = show_review(plan, history, date(2027, 8, 2))
    print(third.summary)
    print(
        f"{len(history)} revisions; baseline 'original' is revision "
        f"{history.baseline('original').number}"
    )
    # [/third]


if __name__ == "__main__":
    main()
