"""The example plan's history: nine revisions from January to November 2026.

Rebuilds the revision history of ``marketing_director.json`` (progress
updates, a deadline moved, tasks added after a mentor's feedback, a goal
split in two, the backup goal activated and put back on hold), checks it
against ``marketing_director.history.json``, and prints the log, how the
diploma's deadline moved, and the plan against its first baseline:

    python examples/plan_history.py          # check and show
    python examples/plan_history.py --write  # rewrite the stored history
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import attrs

import careerkit
from careerkit import GoalStatus, History, Plan, RevisionKind, Status

HERE = Path(__file__).parent
STORED = HERE / "marketing_director.history.json"
DIPLOMA = "digital-marketing-diploma"


def state(final: Plan, day: date) -> Plan:
    """The plan as it stood at the end of ``day``: progress up to then, and the
    course corrections made by then."""
    plan = _progress(final, day)
    if day < date(2026, 10, 22) and day >= date(2026, 9, 1):
        plan = plan.update_goal("senior-manager-move", status=GoalStatus.ACTIVE)
    if day < date(2026, 6, 1):  # before public speaking became a goal of its own
        speaking = [task.id for task in plan.tasks if task.goal == "public-speaking"]
        for task_id in speaking:
            plan = plan.update_task(task_id, goal="personal-brand")
        plan = _unlinked(plan, "public-speaking").remove_goal("public-speaking")
    if day < date(2026, 5, 28):  # before the mentor's feedback
        plan = plan.remove_task("brand-portfolio-site").remove_task("backup-internal-application")
    if day < date(2026, 4, 20):  # before the diploma's deadline moved
        plan = plan.update_goal(DIPLOMA, deadline=date(2026, 9, 30))
        plan = plan.update_task("dmd-final-exam", due=date(2026, 9, 30))
    return _career(plan, day)


def _unlinked(plan: Plan, goal_id: str) -> Plan:
    """The plan with no contact relating to the goal (before it is removed)."""
    contacts = tuple(
        attrs.evolve(contact, goals=tuple(goal for goal in contact.goals if goal != goal_id))
        for contact in plan.contacts
    )
    return attrs.evolve(plan, contacts=contacts)


def _career(plan: Plan, day: date) -> Plan:
    """The network and the job search as they stood at the end of ``day``: contacts
    met by then with their interactions so far, applications made by then."""
    contacts = []
    for contact in plan.contacts:
        interactions = tuple(item for item in contact.interactions if item.on <= day)
        if interactions or (contact.since is not None and contact.since <= day):
            contacts.append(attrs.evolve(contact, interactions=interactions))
    known = {contact.id for contact in contacts}
    applications = []
    for application in plan.applications:
        stages = tuple(change for change in application.stages if change.on <= day)
        if stages:
            referred = application.referred_by if application.referred_by in known else None
            applications.append(attrs.evolve(application, stages=stages, referred_by=referred))
    return attrs.evolve(plan, contacts=tuple(contacts), applications=tuple(applications))


def _progress(final: Plan, day: date) -> Plan:
    tasks = []
    for task in final.tasks:
        done = tuple(occurrence for occurrence in task.done_occurrences if occurrence <= day)
        task = attrs.evolve(task, done_occurrences=done)
        if task.started_on is None or task.started_on > day:
            task = attrs.evolve(
                task,
                status=Status.TODO,
                started_on=None,
                done_on=None,
                percent_complete=None,
                hours_spent=0,
                done_occurrences=(),
            )
        elif task.done_on is None or task.done_on > day:
            task = attrs.evolve(
                task, status=Status.IN_PROGRESS, done_on=None, percent_complete=None
            )
        tasks.append(task)
    goals = []
    for goal in final.goals:
        if goal.achieved_on is not None and goal.achieved_on > day:
            goal = attrs.evolve(goal, status=GoalStatus.ACTIVE, achieved_on=None)
        measurements = tuple(item for item in goal.measurements if item.on <= day)
        goals.append(attrs.evolve(goal, measurements=measurements))
    check_ins = tuple(item for item in final.check_ins if item.on <= day)
    return attrs.evolve(final, goals=tuple(goals), tasks=tuple(tasks), check_ins=check_ins)


REVISIONS = (
    (date(2026, 1, 31), RevisionKind.PROGRESS_UPDATE,
     "January: gap analysis, target list and master resume done"),
    (date(2026, 3, 31), RevisionKind.PROGRESS_UPDATE,
     "Q1 review: Google Analytics certification earned"),
    (date(2026, 4, 20), RevisionKind.COURSE_CORRECTION,
     "Diploma deadline moved to 18 December: the cohort starting in spring was full"),
    (date(2026, 5, 28), RevisionKind.COURSE_CORRECTION,
     "Added a portfolio site and an internal-application step after the mentor's feedback"),
    (date(2026, 6, 1), RevisionKind.COURSE_CORRECTION,
     "Split public speaking out of the personal-brand goal"),
    (date(2026, 9, 1), RevisionKind.COURSE_CORRECTION,
     "Activated the backup goal: a restructuring was announced"),
    (date(2026, 10, 22), RevisionKind.COURSE_CORRECTION,
     "Backup goal back on hold after the coaching session: the director path is on track"),
    (date(2026, 11, 26), RevisionKind.PROGRESS_UPDATE,
     "November review: diploma modules 5-8 under way, leadership programmes shortlisted"),
)  # fmt: skip


def build(final: Plan) -> History:
    """The history, ending with the plan as it is now."""
    history = History.start(
        state(final, date(2026, 1, 4)),
        at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
        author="Maya Okafor",
        reason="First version of the plan, written with my coach",
    ).mark_baseline("original")
    for day, kind, reason in REVISIONS:
        plan = final if day == REVISIONS[-1][0] else state(final, day)
        history = history.commit(
            plan,
            at=datetime.combine(day, datetime.min.time(), tzinfo=UTC).replace(hour=18),
            author="Maya Okafor",
            reason=reason,
            kind=kind,
        )
    return history


def main() -> None:
    """Build, check or write, and show the history."""
    final = careerkit.loads((HERE / "marketing_director.json").read_text(encoding="utf-8"))
    history = build(final)
    if "--write" in sys.argv[1:]:
        STORED.write_text(history.dumps(indent=1) + "\n", encoding="utf-8")
    stored = History.loads(STORED.read_text(encoding="utf-8"))
    assert stored == history, "the stored history is out of date: run with --write"
    assert stored.plan == final

    print(f"{len(stored)} revisions, {len(stored.log())} changes in all")
    for revision in stored:
        print(
            f"  {revision.number}  {revision.at:%Y-%m-%d}  [{revision.kind.value}]  {revision.reason}"
        )
    print()
    print("How the diploma's deadline moved:")
    for point in stored.timeline(DIPLOMA):
        print(f"  revision {point.number} ({point.at:%Y-%m-%d}): deadline {point.deadline}")
    print()
    comparison = careerkit.compare_to_baseline(
        stored.baseline("original").plan, stored.plan, as_of=date(2026, 11, 26)
    )
    print(
        f"Against the original baseline the plan finishes {comparison.finish} working days later."
    )
    print(f"Goals added: {', '.join(comparison.added_goals)}")
    print(f"Tasks added: {', '.join(comparison.added_tasks)}")
    for variance in comparison.goals:
        if variance.moved:
            print(
                f"  {variance.subject}: finish {variance.finish:+d}, "
                f"deadline {variance.deadline or 0:+d} working days"
            )


if __name__ == "__main__":
    main()
