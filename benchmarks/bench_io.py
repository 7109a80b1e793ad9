"""Time reading and writing large plans against the standard library's json.

Two documents of about 10,000 tasks:

* generated: 10,000 plain tasks with about 15,000 dependencies;
* realistic: the example plan ``examples/marketing_director.json`` (44 tasks
  with habits and their RRULEs, notes, done tasks, goals with metrics and
  measurements) replicated with every id renamed, copy after copy, until it
  holds at least 10,000 tasks.

For each it prints, measured in this run, the time of ``careerkit.loads``
(parsing plus all validation) against ``json.loads`` of the same text, and of
``careerkit.dumps(plan, indent=None)`` against a compact ``json.dumps`` of
the same document (indent None, default separators), each the fastest of
its runs, with their ratios (the median over the rounds of the ratio within
a round: see ``timing.paired_ratio``).
Targets: loads at most 6x json.loads, dumps at most 2x json.dumps. Beside
loads it prints the parts of it that no reader can avoid, as ratios to
json.loads: the strict JSON reader (``careerkit.io.read_json``: json.loads
with the duplicate-key and constant guards), the tasks' own constructors
(every field set on a frozen attrs value and checked by its rule table,
timed from ready keyword arguments) and the plan's own checks (the plan
built again from its parts, ``attrs.evolve``).

    python benchmarks/bench_io.py [--tasks N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
from timing import paired_ratio, rounds

import careerkit
from careerkit import Goal, Plan, Status, Task
from careerkit.io import read_json

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"
LOADS_TARGET = 6.0
DUMPS_TARGET = 2.0


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


def _renamed_goal(goal: dict[str, Any], suffix: str) -> dict[str, Any]:
    """A copy of a goal document whose id and goal references end in ``suffix``."""
    goal = dict(goal, id=goal["id"] + suffix)
    for name in ("parent", "backup_for"):
        if name in goal:
            goal[name] += suffix
    if "depends_on" in goal:
        goal["depends_on"] = [other + suffix for other in goal["depends_on"]]
    return goal


def _renamed_task(task: dict[str, Any], suffix: str) -> dict[str, Any]:
    """A copy of a task document whose id, goal and dependencies end in ``suffix``."""
    task = dict(task, id=task["id"] + suffix, goal=task["goal"] + suffix)
    if "depends_on" in task:
        task["depends_on"] = [
            other + suffix if isinstance(other, str) else dict(other, task=other["task"] + suffix)
            for other in task["depends_on"]
        ]
    return task


def make_realistic_document(tasks: int) -> dict[str, Any]:
    """The example plan replicated, ids renamed per copy, to at least ``tasks`` tasks;
    its career parts are kept once, their contacts serving the first copy's goals."""
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    copies = -(-tasks // len(example["tasks"]))
    suffixes = [f"-{copy}" for copy in range(copies)]
    contacts = [
        dict(contact, goals=[goal + suffixes[0] for goal in contact.get("goals", [])])
        for contact in example.get("contacts", [])
    ]
    return dict(
        example,
        goals=[_renamed_goal(goal, suffix) for suffix in suffixes for goal in example["goals"]],
        tasks=[_renamed_task(task, suffix) for suffix in suffixes for task in example["tasks"]],
        contacts=contacts,
    )


def measure(name: str, plan: Plan, repeat: int) -> None:
    """Time loads and compact dumps of one plan against json, and print the ratios."""
    text = careerkit.dumps(plan, indent=None)
    document = json.loads(text)
    assert careerkit.loads(text) == plan
    assert json.dumps(document, ensure_ascii=False) == text
    arguments = [attrs.asdict(task, recurse=False) for task in plan.tasks]
    times = rounds(
        repeat,
        lambda: json.loads(text),
        lambda: careerkit.loads(text),
        lambda: json.dumps(document, ensure_ascii=False),
        lambda: careerkit.dumps(plan, indent=None),
        lambda: [Task(**given) for given in arguments],
        lambda: read_json(text),
        lambda: attrs.evolve(plan),
    )
    json_loads, ck_loads, json_dumps, ck_dumps = map(min, times[:4])
    parts = [paired_ratio(taken, times[0]) for taken in times[4:]]
    habits = sum(task.recurrence is not None for task in plan.tasks)
    links = sum(len(task.depends_on) for task in plan.tasks)
    print(
        f"{name}: {len(plan.tasks)} tasks ({habits} habits), {len(plan.goals)} goals, "
        f"{links} dependencies, {len(text) / 1e6:.1f} MB of JSON"
    )
    print(
        f"  loads {ck_loads * 1000:7.1f} ms vs json.loads {json_loads * 1000:6.1f} ms: "
        f"ratio {paired_ratio(times[1], times[0]):5.2f}x (target <= {LOADS_TARGET:g})"
    )
    constructors, reading, checks = parts
    print(
        f"  of which no reader can avoid: the strict JSON reader {reading:.2f}x, "
        f"the tasks' constructors {constructors:.2f}x, the plan's own checks {checks:.2f}x: "
        f"{sum(parts):.2f}x json.loads"
    )
    print(
        f"  dumps {ck_dumps * 1000:7.1f} ms vs json.dumps {json_dumps * 1000:6.1f} ms: "
        f"ratio {paired_ratio(times[3], times[2]):5.2f}x (target <= {DUMPS_TARGET:g})"
    )


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    options = parser.parse_args()

    measure("generated", make_plan(options.tasks), options.repeat)
    realistic = careerkit.from_dict(make_realistic_document(options.tasks))
    measure("realistic", realistic, options.repeat)


if __name__ == "__main__":
    main()
