"""Time ``detect_slippage`` against ``schedule`` alone on a large plan with progress.

The plan is ``bench_schedule.make_plan(size)`` with progress recorded as of a
status date: tasks planned to finish before it are done (some late), those
under way are in progress at a share of their work, a few due dates and a
goal deadline are set, and a habit has missed occurrences. Prints, for each
size, the time of ``schedule(plan, as_of=as_of)``, of ``progress(plan,
as_of=as_of, schedule=s)``, of ``detect_slippage(plan, as_of=as_of,
schedule=s, progress=report)`` and of ``detect_slippage(plan, as_of=as_of,
schedule=s)`` (which computes the progress report itself), with their ratios
to ``schedule()``. Target: progress plus slippage at most 2x ``schedule()``.

    python benchmarks/bench_slippage.py [--sizes 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date, timedelta

from bench_schedule import make_plan
from timing import best_of_each

import careerkit
from careerkit import Plan, Schedule, Status, Task
from careerkit.planning.progress import ProgressReport, progress
from careerkit.planning.slippage import detect_slippage


def with_progress(plan: Plan, as_of: date) -> Plan:
    """``plan`` with the work planned before ``as_of`` recorded: done (every
    seventh a few days late), under way at half its work, or still to do;
    every fiftieth task due on its planned finish; one weekly habit."""
    planned = careerkit.schedule(plan)
    tasks = []
    for number, task in enumerate(plan.tasks):
        entry = planned[task.id]
        changes: dict[str, object] = {}
        if number % 50 == 0:
            changes["due"] = entry.early_finish
        if entry.early_finish < as_of:
            late = timedelta(days=3 if number % 7 == 0 else 0)
            done_on = min(entry.early_finish + late, as_of)
            changes.update(status=Status.DONE, started_on=entry.early_start, done_on=done_on)
        elif entry.early_start <= as_of:
            changes.update(
                status=Status.IN_PROGRESS, started_on=entry.early_start, percent_complete=50
            )
        tasks.append(Task(**{**_fields(task), **changes}))
    tasks.append(
        Task(
            id="habit",
            goal=plan.goals[0].id,
            title="Weekly review",
            recurrence="FREQ=WEEKLY;BYDAY=MO;COUNT=30",
            effort=1,
            status=Status.IN_PROGRESS,
            started_on=plan.start,
            done_occurrences=(plan.start,),
        )
    )
    return Plan(
        id=plan.id,
        owner=plan.owner,
        start=plan.start,
        goals=plan.goals,
        tasks=tasks,
        calendar=plan.calendar,
        weekly_capacity=plan.weekly_capacity,
    )


def _fields(task: Task) -> dict[str, object]:
    names = ("id", "goal", "title", "duration", "effort", "depends_on")
    return {name: getattr(task, name) for name in names}


def time_all(
    plan: Plan, as_of: date, status: Schedule, report: ProgressReport, repeat: int
) -> list[float]:
    """The best times of schedule(), progress(), and detect_slippage() with and
    without the report."""
    return best_of_each(
        repeat,
        lambda: careerkit.schedule(plan, as_of=as_of),
        lambda: progress(plan, as_of=as_of, schedule=status),
        lambda: detect_slippage(plan, as_of=as_of, schedule=status, progress=report),
        lambda: detect_slippage(plan, as_of=as_of, schedule=status),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    for size in arguments.sizes:
        base = make_plan(size)
        as_of = base.start + timedelta(days=120)
        plan = with_progress(base, as_of)
        status = careerkit.schedule(plan, as_of=as_of)
        report = progress(plan, as_of=as_of, schedule=status)
        alerts = detect_slippage(plan, as_of=as_of, schedule=status, progress=report)
        kinds = Counter(alert.kind.value for alert in alerts)
        scheduled, scored, detected, both = time_all(plan, as_of, status, report, arguments.repeat)
        print(f"{size} tasks, {len(alerts)} alerts: {dict(sorted(kinds.items()))}")
        print(f"  schedule()                      {scheduled * 1000:8.1f} ms")
        print(
            f"  progress(schedule=s)            {scored * 1000:8.1f} ms  {scored / scheduled:5.2f}x"
        )
        print(
            f"  detect_slippage(s, report)      {detected * 1000:8.1f} ms  "
            f"{detected / scheduled:5.2f}x"
        )
        print(f"  detect_slippage(s), progress in {both * 1000:8.1f} ms  {both / scheduled:5.2f}x")


if __name__ == "__main__":
    main()
