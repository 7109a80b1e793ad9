"""Time ``careerkit.schedule`` against a bare critical-path pass on the same graph.

For plans of 1,000, 10,000 and 100,000 tasks with about 1.5 finish-to-start
dependencies per task, prints in one run the time of ``schedule(plan)`` next
to a critical-path pass written here over plain dicts of integer durations
(topological order, forward pass, backward pass, nothing else), and their
ratio. Target: at most 2.5x at 10,000 and 100,000 tasks alike. Then times
leveling a 10,000-task plan against the unleveled schedule (target: under
5x).

    python benchmarks/bench_schedule.py [--sizes 1000 10000 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
from datetime import date

from timing import best_of_each

import careerkit
from careerkit import Calendar, Goal, Plan, Task


def make_plan(size: int, *, seed: int = 7, capacity: float = 40.0) -> Plan:
    """A valid plan of ``size`` tasks, each depending on 0-3 earlier ones (1.5 on average)."""
    rng = random.Random(seed)
    goals = [Goal(id=f"goal-{n}", title=f"Goal {n}") for n in range(max(1, size // 100))]
    tasks = []
    for n in range(size):
        links = min(n, rng.choice((0, 1, 1, 2, 2, 3)))
        earlier = sorted(rng.sample(range(max(0, n - 500), n), links)) if links else []
        tasks.append(
            Task(
                id=f"t{n}",
                goal=goals[n % len(goals)].id,
                title=f"Task {n}",
                duration=rng.randint(0, 8),
                effort=float(rng.randint(0, 6)),
                depends_on=tuple(f"t{m}" for m in earlier),
            )
        )
    holidays = (date(2026, 12, 25), date(2027, 1, 1), date(2027, 12, 24))
    return Plan(
        id="bench",
        owner="Bench",
        start=date(2026, 1, 5),
        goals=goals,
        tasks=tasks,
        calendar=Calendar(holidays=holidays),
        weekly_capacity=capacity,
    )


def bare_critical_path(durations: dict[str, int], predecessors: dict[str, list[str]]) -> int:
    """Topological order, forward and backward pass over plain dicts; returns the length."""
    successors: dict[str, list[str]] = {task: [] for task in durations}
    waiting = {task: len(before) for task, before in predecessors.items()}
    for task, before in predecessors.items():
        for other in before:
            successors[other].append(task)
    order = [task for task, count in waiting.items() if count == 0]
    for task in order:
        for following in successors[task]:
            waiting[following] -= 1
            if waiting[following] == 0:
                order.append(following)
    early_finish: dict[str, int] = {}
    for task in order:
        start = max((early_finish[other] for other in predecessors[task]), default=0)
        early_finish[task] = start + durations[task]
    finish = max(early_finish.values())
    late_start: dict[str, int] = {}
    for task in reversed(order):
        late = min((late_start[other] for other in successors[task]), default=finish)
        late_start[task] = late - durations[task]
    return finish


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    print(f"{'tasks':>8} {'links':>8} {'bare pass':>11} {'schedule()':>11} {'ratio':>7}")
    for size in options.sizes:
        plan = make_plan(size)
        durations = {task.id: task.duration for task in plan.tasks}
        predecessors = {task.id: list(task.predecessors) for task in plan.tasks}
        links = sum(len(before) for before in predecessors.values())
        bare, full = best_of_each(
            options.repeat,
            lambda: bare_critical_path(durations, predecessors),  # noqa: B023
            lambda: careerkit.schedule(plan),  # noqa: B023
        )
        print(
            f"{size:>8} {links:>8} {bare * 1000:>9.1f}ms {full * 1000:>9.1f}ms {full / bare:>6.2f}x"
        )
    print("target: schedule() at most 2.5x the bare pass at 10,000 and 100,000 tasks")

    plan = make_plan(10_000)
    leveled_schedule = careerkit.schedule(plan, level=True)
    plain, leveled = best_of_each(
        options.repeat,
        lambda: careerkit.schedule(plan),
        lambda: careerkit.schedule(plan, level=True),
    )
    print(
        f"leveling 10,000 tasks: {plain * 1000:.1f}ms unleveled, {leveled * 1000:.1f}ms leveled, "
        f"ratio {leveled / plain:.2f}x (target < 5); "
        f"{leveled_schedule.leveling_delay} working days added, "
        f"{len(leveled_schedule.overloaded_weeks)} overloaded weeks left"
    )


if __name__ == "__main__":
    main()
