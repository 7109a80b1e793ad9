"""Measure the revision history: storage size, commit cost and time travel.

Builds 1,000 revisions of a 1,000-task plan, each changing at most 5 tasks,
and prints, in one run:

* the size of the stored history against one plan snapshot plus the changed
  task records (target: at most 2x);
* the time of a commit against the time of ``diff`` of the same two plans,
  at 1,000 and at 10,000 tasks for the same 5-task change (a commit should
  cost in proportion to the change, not to the plan);
* the time to reach the plan at a random revision, in the history as
  committed and in the history read back (whose plans are rebuilt from the
  changes), against the time of loading one full snapshot (target: below it);
* the time to read the stored history back (every digest checked) against
  loading its snapshot with ``careerkit.loads`` plus parsing the whole text
  with ``json.loads``, at 1,000 and at 10,000 tasks (target: at most 5x),
  and the memory it takes at its peak against the text's size.

    python benchmarks/bench_history.py [--revisions 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import random
import tracemalloc
from datetime import UTC, datetime, timedelta

from timing import best_of, best_of_each

import careerkit
from careerkit import Goal, History, Plan, Task
from careerkit.io import unstructure_value

START = datetime(2026, 1, 5, 9, tzinfo=UTC)


def make_plan(size: int, *, seed: int = 3) -> Plan:
    """A plan of ``size`` tasks over size // 50 goals, each task after up to 2 earlier ones."""
    rng = random.Random(seed)
    goals = [Goal(id=f"goal-{n}", title=f"Goal {n}") for n in range(max(1, size // 50))]
    tasks = [
        Task(
            id=f"t{n}",
            goal=goals[n % len(goals)].id,
            title=f"Task {n}",
            duration=rng.randint(1, 8),
            effort=float(rng.randint(1, 12)),
            depends_on=tuple(
                f"t{m}" for m in sorted(rng.sample(range(max(0, n - 50), n), min(n, 2)))
            ),
        )
        for n in range(size)
    ]
    return Plan(id="bench", owner="Bench", start=START.date(), goals=goals, tasks=tasks)


def edit(plan: Plan, rng: random.Random, step: int) -> tuple[Plan, list[str]]:
    """Change up to 5 tasks: progress, hours, a note."""
    chosen = rng.sample(range(len(plan.tasks)), rng.randint(1, 5))
    tasks = list(plan.tasks)
    for position in chosen:
        task = tasks[position]
        tasks[position] = careerkit.Task(
            **{
                **{name: getattr(task, name) for name in ("id", "goal", "title", "duration")},
                "effort": task.effort,
                "depends_on": task.depends_on,
                "hours_spent": task.hours_spent + 1,
                "notes": f"update {step}",
            }
        )
    return Plan(**{**_fields(plan), "tasks": tuple(tasks)}), [tasks[p].id for p in chosen]


def _fields(plan: Plan) -> dict[str, object]:
    return {
        name: getattr(plan, name)
        for name in ("id", "owner", "vision", "start", "profile", "goals", "calendar")
    }


def build_history(size: int, revisions: int, rng: random.Random) -> tuple[History, int]:
    """A history of ``revisions`` edits of a ``size``-task plan, and the bytes of the
    task records they changed."""
    plan = make_plan(size)
    history = History.start(plan, at=START, author="bench", reason="start")
    changed_bytes = 0
    for step in range(1, revisions + 1):
        plan, changed = edit(plan, rng, step)
        history = history.commit(
            plan, at=START + timedelta(hours=step), author="bench", reason=f"update {step}"
        )
        changed_bytes += sum(
            len(json.dumps(unstructure_value(plan.task(task_id)))) for task_id in changed
        )
    return history, changed_bytes


def report_commits(repeat: int) -> None:
    """A 5-task commit against ``diff`` of the same plans, at 1,000 and 10,000 tasks."""
    for size in (1000, 10_000):
        base = make_plan(size)
        started = History.start(base, at=START, author="bench", reason="start")
        changed, _ = edit(base, random.Random(5), 1)
        diff_time = best_of(repeat, lambda: careerkit.diff(base, changed))  # noqa: B023
        commit_time = best_of(
            repeat,
            lambda: started.commit(  # noqa: B023
                changed,  # noqa: B023
                at=START + timedelta(hours=1),
                author="bench",
                reason="update",
            ),
        )
        print(
            f"{size:>6} tasks, 5-task change: diff {diff_time * 1e3:.2f} ms, "
            f"commit {commit_time * 1e3:.2f} ms"
        )


def report_loading(history: History, repeat: int) -> None:
    """Reading the stored history back against its snapshot plus ``json.loads`` of the text."""
    stored = history.dumps()
    snapshot = careerkit.dumps(history[0].plan, indent=None)
    load, reference = best_of_each(
        repeat,
        lambda: History.loads(stored),
        lambda: (careerkit.loads(snapshot), json.loads(stored)),
    )
    tracemalloc.start()
    History.loads(stored)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"{len(history[0].plan.tasks):>6} tasks, {len(history) - 1} revisions: reading the "
        f"stored history back (every digest checked) {load * 1e3:.1f} ms; its snapshot plus "
        f"json.loads of the text {reference * 1e3:.1f} ms; ratio {load / reference:.1f}x "
        f"(target <= 5); peak memory {peak / 1e6:.1f} MB for {len(stored) / 1e6:.1f} MB of text"
    )


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--revisions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    rng = random.Random(11)

    history, changed_bytes = build_history(1000, options.revisions, rng)
    stored = history.dumps()
    snapshot = careerkit.dumps(history[0].plan, indent=None)
    reference = len(snapshot) + changed_bytes
    print(
        f"stored history: {len(stored) / 1e6:.2f} MB for {len(history)} revisions; one snapshot "
        f"plus the changed records: {reference / 1e6:.2f} MB; ratio {len(stored) / reference:.2f}x "
        "(target <= 2)"
    )
    report_commits(options.repeat)

    numbers = [rng.randrange(len(history)) for _ in range(100)]
    reach = best_of(options.repeat, lambda: [history[number].plan for number in numbers]) / 100
    moments = [history[number].at for number in numbers]
    travel = best_of(options.repeat, lambda: [history.plan_at(moment) for moment in moments]) / 100
    load = best_of(options.repeat, lambda: careerkit.loads(snapshot))
    loaded = History.loads(stored)
    rebuilt = best_of(1, lambda: [loaded[number].plan for number in numbers]) / 100
    print(
        f"plan at a random revision: {reach * 1e6:.2f} us by number, {travel * 1e6:.1f} us by "
        f"time; {rebuilt * 1e3:.2f} ms rebuilt from the changes in a history read back; "
        f"loading one snapshot: {load * 1e3:.1f} ms (target: below it)"
    )
    report_loading(history, options.repeat)
    report_loading(build_history(10_000, options.revisions, random.Random(11))[0], options.repeat)


if __name__ == "__main__":
    main()
