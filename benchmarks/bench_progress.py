"""Time ``progress(plan, schedule=s)`` next to ``schedule()`` on a 10,000-task plan.

The plan is ``bench_schedule.make_plan(size)`` with realistic progress as of a
status date a third of the way through its planned work: tasks planned to
finish by then are mostly done (some late, some still in progress), tasks under
way are in progress at a share of their days, a share of the tasks are habits
(a weekly rule: 1 % and 10 % by default) with most occurrences due done, and the rest are to do.

Prints the time of ``schedule(plan, as_of=...)``, of ``progress(plan,
as_of=..., schedule=s)`` given that schedule, and their ratio. Target (shared
with slippage): ``progress()`` plus ``detect_slippage()`` within 2x
``schedule()`` alone, so ``progress()`` must cost well under one schedule.

Then a deep goal tree: a chain of goals, each the parent of the next, with
one task each, at 500, 1,000 and 2,000 goals, and the growth exponent of
``progress()`` fitted over them (the slope of log time against log goals;
1 is linear).

    python benchmarks/bench_progress.py [--sizes 10000] [--repeat 5]
        [--chains 500 1000 2000]
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
from datetime import date, timedelta

import attrs
from bench_schedule import make_plan
from timing import best_of_each

import careerkit
from careerkit import Goal, Plan, Status, Task
from careerkit.planning.progress import progress
from careerkit.scheduling.planned import planned_times

HABIT = "FREQ=WEEKLY;BYDAY=TU"


def make_tracked_plan(size: int, *, habits: float = 0.01, seed: int = 11) -> tuple[Plan, date]:
    """The benchmark plan with progress recorded, and its status date; ``habits`` is
    the share of tasks that recur weekly."""
    rng = random.Random(seed)
    base = make_plan(size)
    deadline = base.start + timedelta(days=365)
    base = attrs.evolve(
        base, goals=tuple(attrs.evolve(goal, deadline=deadline) for goal in base.goals)
    )
    recurring = set(rng.sample(range(size), round(size * habits)))
    base = attrs.evolve(
        base,
        tasks=tuple(
            attrs.evolve(task, recurrence=HABIT, duration=1, depends_on=())
            if row in recurring
            else task
            for row, task in enumerate(base.tasks)
        ),
    )
    times = planned_times(base)
    days = times.days
    as_of = days.date_of(times.origin + (max(times.ef) - times.origin) // 3)
    at = days.boundary_after(as_of)
    tasks = []
    for row, task in enumerate(base.tasks):
        start, finish = times.es[row], times.ef[row]
        first = days.date_of(start)
        if start >= at or first > as_of:
            tasks.append(task)
        elif task.recurrence is not None:
            due = [day for day in times.occurrences.get(row, ()) if day <= as_of]
            done = tuple(day for day in due if rng.random() < 0.85)
            tasks.append(
                attrs.evolve(
                    task,
                    status=Status.IN_PROGRESS,
                    started_on=min((first, *done)),
                    done_occurrences=done,
                    hours_spent=task.effort * len(done),
                )
            )
        elif finish <= at and rng.random() < 0.9:
            late = rng.randint(0, 3)
            done_on = min(as_of, days.date_of(max(finish - 1, start) + late))
            tasks.append(
                attrs.evolve(
                    task,
                    status=Status.DONE,
                    started_on=first,
                    done_on=done_on,
                    hours_spent=task.effort * rng.uniform(0.8, 1.4),
                )
            )
        else:
            share = min(95, max(5, round(100 * (at - start) / max(finish - start, 1))))
            tasks.append(
                attrs.evolve(
                    task,
                    status=Status.IN_PROGRESS,
                    started_on=first,
                    percent_complete=float(rng.randint(5, share)),
                    hours_spent=task.effort * share / 100,
                )
            )
    goals: tuple[Goal, ...] = base.goals
    return attrs.evolve(base, tasks=tuple(tasks), goals=goals), as_of


def make_chain(size: int, *, seed: int = 5) -> tuple[Plan, date]:
    """A chain of ``size`` goals, each the parent of the next, one task each, the
    tasks in sequence, half of them done; and a status date halfway through."""
    rng = random.Random(seed)
    start = date(2026, 1, 5)
    goals = [
        Goal(id=f"g{row:05d}", title=f"Goal {row}", parent=f"g{row - 1:05d}" if row else None)
        for row in range(size)
    ]
    tasks = [
        Task(
            id=f"t{row:05d}",
            goal=f"g{row:05d}",
            title=f"Task {row}",
            duration=1,
            effort=float(rng.randint(1, 8)),
            depends_on=(f"t{row - 1:05d}",) if row else (),
        )
        for row in range(size)
    ]
    plan = Plan(id="chain", owner="Bench", start=start, goals=goals, tasks=tasks)
    times = planned_times(plan)
    as_of = times.days.date_of(times.origin + size // 2)
    done = [
        attrs.evolve(task, status=Status.DONE, started_on=as_of, done_on=as_of)
        if row < size // 2 and rng.random() < 0.9
        else task
        for row, task in enumerate(tasks)
    ]
    return attrs.evolve(plan, tasks=tuple(done)), as_of


def chain_lines(sizes: list[int], repeat: int) -> None:
    """Print the time of progress() on goal chains and the fitted growth exponent."""
    print("chain goals   progress ms")
    measured = []
    for size in sizes:
        plan, as_of = make_chain(size)
        status = careerkit.schedule(plan, as_of=as_of)
        (scored,) = best_of_each(
            repeat,
            lambda: progress(plan, as_of=as_of, schedule=status),  # noqa: B023
        )
        measured.append((size, scored))
        print(f"{size:>11}   {scored * 1000:>11.1f}")
    if len(measured) > 1:
        xs = [math.log(size) for size, _ in measured]
        ys = [math.log(taken) for _, taken in measured]
        mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mean_x) ** 2 for x in xs
        )
        print(f"growth exponent of progress() over the chain: {slope:.2f}")


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--habits", type=float, nargs="+", default=[0.01, 0.1])
    parser.add_argument("--chains", type=int, nargs="*", default=[500, 1000, 2000])
    arguments = parser.parse_args()
    print("tasks   habits   schedule ms   progress ms   progress/schedule")
    for size, habits in itertools.product(arguments.sizes, arguments.habits):
        plan, as_of = make_tracked_plan(size, habits=habits)
        status = careerkit.schedule(plan, as_of=as_of)
        scheduled, scored = best_of_each(
            arguments.repeat,
            lambda: careerkit.schedule(plan, as_of=as_of),  # noqa: B023 - timed in the loop
            lambda: progress(plan, as_of=as_of, schedule=status),  # noqa: B023
        )
        print(
            f"{size:>6}   {habits:>6.0%}   {scheduled * 1000:>11.1f}   {scored * 1000:>11.1f}"
            f"   {scored / scheduled:>17.2f}"
        )
    if arguments.chains:
        chain_lines(arguments.chains, arguments.repeat)


if __name__ == "__main__":
    main()
