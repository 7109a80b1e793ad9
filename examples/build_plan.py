"""Build a small career plan in code with the public careerkit API.

The script walks through the life of a plan:

1. write down a vision, a self-evaluation and two goals, one of them measured;
2. add tasks, start one and complete others as the weeks go by;
3. record a measurement of a goal's metric and a check-in with a mentor;
4. look goals and tasks up, print the outline and the JSON document;
5. show what happens when an edit is invalid: careerkit refuses it with a
   ``ValidationError`` that names the bad field.

Every date is fixed, so the output is the same on every run:

    python examples/build_plan.py
"""

from __future__ import annotations

from datetime import date

import careerkit
from careerkit import (
    Category,
    CheckIn,
    Goal,
    Horizon,
    Measurement,
    Metric,
    Plan,
    Profile,
    Source,
    Task,
)
from careerkit.render import outline


def build() -> Plan:
    """The plan as it stands on 20 March 2026, built one edit at a time."""
    # Self-evaluation first: goals say which of these entries they serve.
    profile = Profile(
        strengths=("content writing", "campaign analytics"),
        weaknesses=("public speaking",),
        interests=("digital marketing",),
        values=("continuous learning",),
    )
    # A long-term goal and a short-term goal that breaks it down (``parent``).
    director = Goal(
        id="marketing-director",
        title="Become marketing director at a B2B software company",
        horizon=Horizon.LONG,
        category=Category.JOB_SEARCH,
        deadline=date(2030, 12, 31),
        weight=3,
        relevant_to=("continuous learning",),
    )
    certification = Goal(
        id="ga-certification",
        title="Earn the Google Analytics certification",
        horizon=Horizon.SHORT,
        category=Category.LEARNING,
        parent="marketing-director",
        deadline=date(2026, 4, 30),
        # The metric makes the goal measurable: a practice-exam score from 62 to 85.
        metric=Metric(name="practice exam score", unit="percent", baseline=62, target=85),
        relevant_to=("campaign analytics", "digital marketing"),
    )
    # Constructing the plan validates all of it: ids, references, dates, cycles.
    plan = Plan(
        id="ga-plan",
        owner="Maya Okafor",
        vision="Become a marketing director within five years",
        start=date(2026, 1, 5),
        profile=profile,
        goals=(director, certification),
        weekly_capacity=8,
    )

    # Edits never change a plan: each returns a new, validated plan.
    plan = plan.add_task(
        Task(id="study", goal="ga-certification", title="Work through the GA4 course", duration=20)
    )
    plan = plan.add_task(
        Task(
            id="practice",
            goal="ga-certification",
            title="Take three timed practice exams",
            duration=10,
            effort=6,
            depends_on=("study",),  # cannot start before the course is done
        )
    )
    plan = plan.add_task(
        Task(
            id="exam",
            goal="ga-certification",
            title="Pass the certification exam",
            effort=1.5,
            cost=0,  # the exam is free; leave cost out when money is not tracked
            depends_on=("practice",),
            due=date(2026, 4, 30),
        )
    )
    # A recurring habit: the networking evening on the second Thursday of each month.
    plan = plan.add_task(
        Task(
            id="networking-evening",
            goal="marketing-director",
            title="Attend the monthly networking evening",
            effort=3,
            recurrence="FREQ=MONTHLY;BYDAY=2TH",
        )
    )

    # Tracking: the course is done, the practice exams have started.
    plan = plan.start_task("study", on=date(2026, 1, 6))
    plan = plan.complete_task("study", on=date(2026, 2, 20), hours_spent=21)
    plan = plan.start_task("practice", on=date(2026, 2, 23))
    plan = plan.update_task("practice", percent_complete=60, hours_spent=4)
    plan = plan.record_measurement(
        "ga-certification", Measurement(on=date(2026, 3, 10), value=79, note="second practice exam")
    )
    return plan.add_check_in(
        CheckIn(
            on=date(2026, 3, 20),
            satisfaction=4,
            source=Source.MENTOR,
            notes="Good pace; book the exam date now so the deadline is real.",
        )
    )


def main() -> None:
    """Build the plan, look things up, show a refused edit and print the plan."""
    plan = build()

    # Lookups by id, and the tasks that serve one goal.
    practice = plan.task("practice")
    print(f"{practice.title}: {practice.status.value}, {practice.fraction_complete:.0%} complete")
    goal = plan.goal("ga-certification")
    assert goal.metric is not None  # this goal was given a metric above
    latest = goal.measurements[-1]
    print(f"{goal.title}: {latest.value} of {goal.metric.target} {goal.metric.unit} on {latest.on}")
    print("Tasks:", ", ".join(task.id for task in plan.tasks_of("ga-certification")))
    print()

    print(outline(plan))

    # A deliberately bad edit: finishing the practice exams before they started.
    try:
        plan.complete_task("practice", on=date(2026, 2, 1))
    except careerkit.ValidationError as error:
        print(f"Refused edit at {error.path}: {error.problem}")
    # A lookup of an id that does not exist.
    try:
        plan.goal("cmo")
    except careerkit.UnknownReferenceError as error:
        print(f"Refused lookup: {error}")
    print()

    # The JSON document: dates as YYYY-MM-DD, enums in lower case, defaults left out.
    text = careerkit.dumps(plan)
    assert careerkit.loads(text) == plan  # nothing is lost on the way through JSON
    print(text)


if __name__ == "__main__":
    main()
