"""Tests for careerkit.planning.tracking: habit counts and the last day of progress."""

from __future__ import annotations

from datetime import date

import pytest

from careerkit import (
    Goal,
    GoalStatus,
    Measurement,
    Metric,
    Plan,
    Status,
    Task,
    ValidationError,
    schedule,
)
from careerkit.planning.tracking import habit_counts, last_progress

START = date(2026, 1, 5)  # a Monday


def habit_plan(done: tuple[date, ...]) -> Plan:
    """A weekly Tuesday habit for a goal due on Friday 30 January 2026."""
    return Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="g", title="Meet people", deadline=date(2026, 1, 30))],
        tasks=[
            Task(
                id="meetup",
                goal="g",
                title="Meetup",
                effort=2,
                recurrence="FREQ=WEEKLY;BYDAY=TU",
                status=Status.IN_PROGRESS if done else Status.TODO,
                started_on=START if done else None,
                done_occurrences=done,
            )
        ],
    )


def test_habit_counts_count_occurrences_not_dates() -> None:
    """Tuesdays 6, 13 and 20 January are due by the 21st; done on the 6th and on
    Wednesday the 14th (a day late): two done, the moved one counts.
    On the 13th itself, two are due and one is done."""
    plan = habit_plan((date(2026, 1, 6), date(2026, 1, 14)))
    entry = schedule(plan)["meetup"]

    assert (3, 2) == habit_counts(plan.tasks[0], entry, date(2026, 1, 21))
    assert (2, 2) == habit_counts(plan.tasks[0], entry, date(2026, 1, 14))
    assert (2, 1) == habit_counts(plan.tasks[0], entry, date(2026, 1, 13))
    assert (0, 0) == habit_counts(plan.tasks[0], entry, date(2026, 1, 5))


def test_habit_counts_of_a_plain_task_are_zero() -> None:
    """A task without a rule has no occurrences."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="g", title="Do g")],
        tasks=[Task(id="t", goal="g", title="T", duration=3)],
    )

    assert (0, 0) == habit_counts(plan.tasks[0], schedule(plan)["t"], date(2026, 1, 9))


def test_habit_counts_refuse_the_row_of_another_task() -> None:
    """The schedule entry must be the task's own."""
    plan = habit_plan(())
    other = Task(id="other", goal="g", title="Other")

    with pytest.raises(ValidationError) as caught:
        habit_counts(other, schedule(plan)["meetup"], date(2026, 1, 9))
    assert "entry" == caught.value.path


def test_last_progress_of_a_task_takes_the_latest_dated_fact_up_to_as_of() -> None:
    """Started on the 5th, occurrences done on the 6th and 14th: the last one known wins."""
    task = habit_plan((date(2026, 1, 6), date(2026, 1, 14))).tasks[0]

    assert date(2026, 1, 14) == last_progress(task, date(2026, 1, 20))
    assert date(2026, 1, 6) == last_progress(task, date(2026, 1, 13))
    assert date(2026, 1, 5) == last_progress(task, date(2026, 1, 5))
    assert last_progress(task, date(2026, 1, 4)) is None


def test_last_progress_of_a_done_task_is_its_done_day() -> None:
    """A task done on the 9th showed progress last on the 9th."""
    task = Task(
        id="t",
        goal="g",
        title="T",
        status=Status.DONE,
        started_on=date(2026, 1, 5),
        done_on=date(2026, 1, 9),
    )

    assert date(2026, 1, 9) == last_progress(task, date(2026, 2, 1))
    assert date(2026, 1, 5) == last_progress(task, date(2026, 1, 8))


def test_last_progress_of_a_goal_reads_measurements_and_achievement() -> None:
    """Measurements on the 7th and 20th; achieved on the 25th."""
    metric = Metric(name="followers", baseline=0, target=10)
    measured = [
        Measurement(on=date(2026, 1, 7), value=3),
        Measurement(on=date(2026, 1, 20), value=6),
    ]
    goal = Goal(id="g", title="Grow", metric=metric, measurements=measured)
    achieved = Goal(
        id="g",
        title="Grow",
        metric=metric,
        measurements=measured,
        status=GoalStatus.ACHIEVED,
        achieved_on=date(2026, 1, 25),
    )

    assert date(2026, 1, 7) == last_progress(goal, date(2026, 1, 19))
    assert date(2026, 1, 20) == last_progress(goal, date(2026, 1, 24))
    assert date(2026, 1, 25) == last_progress(achieved, date(2026, 1, 31))
    assert last_progress(Goal(id="h", title="H"), date(2026, 1, 31)) is None


def test_last_progress_refuses_other_subjects() -> None:
    """A plan is neither a task nor a goal; the error names the argument."""
    with pytest.raises(ValidationError) as caught:
        last_progress("t", date(2026, 1, 9))  # type: ignore[arg-type]
    assert "subject" == caught.value.path
