"""Time ``careerkit.schedule`` against a bare critical-path pass on the same graph.

Two shapes of plan, about 1.5 finish-to-start dependencies per task:

* *wide*: each task's predecessors are drawn among the previous 500 tasks, so
  many chains run side by side and the critical path is short;
* *deep*: drawn among the previous 50 tasks, so the chains merge and the
  critical path runs through a large share of the plan.

For each shape and size, prints in one run the time of ``schedule(plan)``
next to a critical-path pass written here over plain dicts of integer
durations (topological order, forward pass, backward pass, nothing else),
the time of ``schedule(plan, level=True)`` (each the fastest of its runs),
and their ratios (the median over the rounds of the ratio within a round:
see ``timing.paired_ratio``); then the
growth exponent of each (the slope of log time against log tasks, fitted
over the sizes measured). Targets: ``schedule()`` at most 2.5x the bare pass
and leveling at most 5x ``schedule()`` at 10,000 and 100,000 tasks; from
1,000 to 100,000 tasks, the exponent of ``schedule()`` at most 0.1 above the
bare pass's own.

    python benchmarks/bench_schedule.py [--sizes 1000 10000 100000] [--repeat 5]
        [--shapes wide deep]
"""

from __future__ import annotations

import argparse
import math
import random
from datetime import date

from timing import paired_ratio, rounds

import careerkit
from careerkit import Calendar, Goal, Plan, Task

WINDOWS = {"wide": 500, "deep": 50}
"""How far back a task's predecessors are drawn, per shape."""


def make_plan(size: int, *, shape: str = "wide", seed: int = 7, capacity: float = 40.0) -> Plan:
    """A valid plan of ``size`` tasks, each depending on 0-3 earlier ones (1.5 on average)
    among the previous ``WINDOWS[shape]``."""
    rng = random.Random(seed)
    window = WINDOWS[shape]
    goals = [Goal(id=f"goal-{n}", title=f"Goal {n}") for n in range(max(1, size // 100))]
    tasks = []
    for n in range(size):
        links = min(n, rng.choice((0, 1, 1, 2, 2, 3)))
        earlier = sorted(rng.sample(range(max(0, n - window), n), links)) if links else []
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


def exponent(sizes: list[int], times: list[float]) -> float:
    """The least-squares slope of log time against log size."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(time) for time in times]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def measure(shape: str, sizes: list[int], repeat: int) -> None:
    """Print one line per size for a shape, then the growth exponents."""
    print(
        f"{'shape':>5} {'tasks':>7} {'links':>7} {'path':>6} {'bare pass':>10} "
        f"{'schedule()':>10} {'ratio':>6} {'leveled':>10} {'ratio':>6} {'delay':>6} {'over':>4}"
    )
    bares, fulls = [], []
    for size in sizes:
        plan = make_plan(size, shape=shape)
        durations = {task.id: task.duration for task in plan.tasks}
        predecessors = {task.id: list(task.predecessors) for task in plan.tasks}
        links = sum(len(before) for before in predecessors.values())
        result = careerkit.schedule(plan)
        leveled_schedule = careerkit.schedule(plan, level=True)
        times = rounds(
            repeat,
            lambda: bare_critical_path(durations, predecessors),  # noqa: B023
            lambda: careerkit.schedule(plan),  # noqa: B023
            lambda: careerkit.schedule(plan, level=True),  # noqa: B023
        )
        bare, full, leveled = map(min, times)
        bares.append(bare)
        fulls.append(full)
        print(
            f"{shape:>5} {size:>7} {links:>7} {len(result.critical_path):>6} "
            f"{bare * 1000:>8.1f}ms {full * 1000:>8.1f}ms {paired_ratio(times[1], times[0]):>5.2f}x "
            f"{leveled * 1000:>8.1f}ms {paired_ratio(times[2], times[1]):>5.2f}x "
            f"{leveled_schedule.leveling_delay:>6} {len(leveled_schedule.overloaded_weeks):>4}"
        )
    if len(sizes) > 1:
        bare_growth, full_growth = exponent(sizes, bares), exponent(sizes, fulls)
        print(
            f"{shape:>5} growth exponent from {sizes[0]:,} to {sizes[-1]:,} tasks: "
            f"bare pass {bare_growth:.2f}, schedule() {full_growth:.2f} "
            f"({full_growth - bare_growth:+.2f})"
        )


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--shapes", nargs="+", choices=sorted(WINDOWS), default=["wide", "deep"])
    options = parser.parse_args()
    for shape in options.shapes:
        measure(shape, sorted(options.sizes), options.repeat)
    print(
        "targets: schedule() at most 2.5x the bare pass and leveled at most 5x schedule() "
        "at 10,000 and 100,000 tasks; growth exponent at most 0.1 above the bare pass's"
    )
    print("path: tasks on the critical path; delay: working days leveling added; ")
    print(
        "over: weeks still over capacity after leveling (weeks full of fixed work, milestones heavier than a week)"
    )


if __name__ == "__main__":
    main()
