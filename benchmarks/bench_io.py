"""Time reading and writing a large plan against the standard library's json.

Generates a plan of 10,000 tasks with about 15,000 dependencies, then prints
the time of ``careerkit.loads`` (parsing plus all validation) and
``careerkit.dumps`` next to ``json.loads`` and ``json.dumps`` of the same
document, measured in this run, and their ratios. Targets: loads at most 5x
json.loads, dumps at most 2x json.dumps.

    python benchmarks/bench_io.py [--tasks N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta

from timing import best_of_each

import careerkit
from careerkit import Goal, Plan, Status, Task


def make_plan(tasks: int, *, seed: int = 1) -> Plan:
    """A valid plan with ``tasks`` tasks over tasks // 50 goals, 1.5 links per task."""
    rng = random.Random(seed)
    start = date(2026, 1, 5)
    goals = [
        Goal(id=f"goal-{n}", title=f"Goal number {n}", deadline=start + timedelta(days=900))
        for n in range(max(1, tasks // 50))
    ]
    made = []
    for n in range(tasks):
        links = 0 if n == 0 else min(n, 1 + (rng.random() < 0.5))
        depends_on = tuple(
            f"task-{m}" for m in sorted(rng.sample(range(max(0, n - 200), n), links))
        )
        done = rng.random() < 0.2
        made.append(
            Task(
                id=f"task-{n}",
                goal=goals[n % len(goals)].id,
                title=f"Task number {n}",
                duration=rng.randint(0, 10),
                effort=float(rng.randint(1, 40)),
                depends_on=depends_on,
                status=Status.DONE if done else Status.TODO,
                started_on=start if done else None,
                done_on=start + timedelta(days=3) if done else None,
            )
        )
    return Plan(id="bench", owner="Bench", start=start, goals=goals, tasks=made)


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    options = parser.parse_args()

    plan = make_plan(options.tasks)
    text = careerkit.dumps(plan)
    document = json.loads(text)
    links = sum(len(task.depends_on) for task in plan.tasks)
    assert careerkit.loads(text) == plan

    json_loads, ck_loads = best_of_each(
        options.repeat, lambda: json.loads(text), lambda: careerkit.loads(text)
    )
    json_dumps, ck_dumps = best_of_each(
        options.repeat,
        lambda: json.dumps(document, indent=2, ensure_ascii=False),
        lambda: careerkit.dumps(plan),
    )

    print(f"plan: {len(plan.tasks)} tasks, {links} dependencies, {len(text) / 1e6:.1f} MB of JSON")
    print(f"json.loads      {json_loads * 1000:8.1f} ms")
    print(
        f"careerkit.loads {ck_loads * 1000:8.1f} ms   ratio {ck_loads / json_loads:5.2f}x (target <= 5)"
    )
    print(f"json.dumps      {json_dumps * 1000:8.1f} ms")
    print(
        f"careerkit.dumps {ck_dumps * 1000:8.1f} ms   ratio {ck_dumps / json_dumps:5.2f}x (target <= 2)"
    )


if __name__ == "__main__":
    main()
