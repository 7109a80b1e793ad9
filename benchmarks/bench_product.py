"""Time the request a coaching product serves, per plan, on one core.

The request starts from the stored JSON text of a plan and asks for what a
person sees: ``loads``, then ``schedule``, ``next_actions`` and
``assess_plan`` as of a date, the schedule computed once and handed to the
steps that need it (``schedule=``). Two sets of plans are measured:

* 1,000 generated plans of about 50 tasks over 6 goals each (one goal
  waiting on another), with habits (RRULEs), notes, done and in-progress
  work;
* the example plan ``examples/marketing_director.json`` (44 tasks, 10 goals,
  5 habits), as of 2026-11-26.

Prints plans per second, the share of each step, and the ratio of the whole
request to ``loads`` + ``schedule`` of the same plans measured in this run.
Target: at most 2.5x. ``--unshared`` runs the steps without ``schedule=``,
each computing what it needs on its own, for comparison.

    python benchmarks/bench_product.py [--plans N] [--repeat R] [--unshared]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from timing import best_of_each

import careerkit
from careerkit import Goal, Horizon, Plan, Profile, Status, Task

AS_OF = date(2026, 11, 26)
START = date(2026, 1, 5)
EXAMPLE = Path(__file__).parent.parent / "examples" / "marketing_director.json"
HABITS = (
    "FREQ=MONTHLY;BYDAY=2TH",
    "FREQ=MONTHLY;BYDAY=1TU,3TU",
    "FREQ=MONTHLY;BYDAY=-1WE",
    "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1",
    "FREQ=WEEKLY;BYDAY=FR",
)
NOTES = (
    "Asked my manager for feedback first.",
    "Slipped a week during the launch.",
    "Dana suggested shorter drafts.",
)


def make_goals(rng: random.Random) -> list[Goal]:
    """A long-term goal and five shorter ones under it; the third waits on the second."""
    root = Goal(
        id="director",
        title="Become marketing director at a software company",
        horizon=Horizon.LONG,
        deadline=date(2030, 12, 31),
        relevant_to=("leadership",),
        weight=3,
    )
    goals = [root]
    for n in range(5):
        goals.append(
            Goal(
                id=f"goal-{n}",
                title=f"Complete the leadership milestone number {n}",
                horizon=Horizon.SHORT if n < 3 else Horizon.MEDIUM,
                parent="director",
                depends_on=("goal-1",) if n == 2 else (),
                deadline=AS_OF + timedelta(days=rng.randint(20, 700)),
                relevant_to=("leadership",),
                weight=float(rng.randint(1, 3)),
            )
        )
    return goals


def make_task(rng: random.Random, n: int, goal: str, *, done: bool, busy: bool) -> Task:
    """Task ``n``: depends on one or two of the eight before it."""
    links = 0 if n == 0 else min(n, 1 + (rng.random() < 0.4))
    depends_on = tuple(f"task-{m}" for m in sorted(rng.sample(range(max(0, n - 8), n), links)))
    started = START + timedelta(days=4 * n)
    return Task(
        id=f"task-{n}",
        goal=goal,
        title=f"Do step {n} of the plan",
        duration=rng.randint(1, 10),
        effort=float(rng.randint(1, 12)),
        depends_on=depends_on,
        status=Status.DONE if done else Status.IN_PROGRESS if busy else Status.TODO,
        started_on=started if done or busy else None,
        done_on=started + timedelta(days=2) if done else None,
        hours_spent=float(rng.randint(1, 10)) if done or busy else 0.0,
        notes=rng.choice(NOTES) if rng.random() < 0.15 else "",
    )


def make_habit(rng: random.Random, n: int, goal: str) -> Task:
    """A habit under way since the spring, after task 0."""
    return Task(
        id=f"habit-{n}",
        goal=goal,
        title=f"Keep up habit number {n}",
        effort=float(rng.randint(1, 3)),
        recurrence=HABITS[n % len(HABITS)],
        depends_on=("task-0",),
        status=Status.IN_PROGRESS,
        started_on=START + timedelta(days=60 + n),
        percent_complete=float(rng.randint(10, 60)),
        notes=rng.choice(NOTES),
    )


def make_plan(seed: int) -> Plan:
    """A plan of 45 tasks (the first 18 done, the next 3 under way) and 5 habits."""
    rng = random.Random(seed)
    goals = make_goals(rng)
    tasks = [
        make_task(rng, n, goals[1 + n // 9].id, done=n < 18, busy=18 <= n < 21) for n in range(45)
    ]
    tasks += [make_habit(rng, n, goals[1 + n % 5].id) for n in range(5)]
    return Plan(
        id=f"plan-{seed}",
        owner="Bench",
        vision="Lead marketing for a software company within five years",
        profile=Profile(interests=("leadership",)),
        start=START,
        goals=goals,
        tasks=tasks,
        weekly_capacity=8,
    )


def request(text: str, *, shared: bool) -> tuple[float, float, float, float]:
    """Serve one request; the seconds of each step."""
    began = time.perf_counter()
    plan = careerkit.loads(text)
    loaded = time.perf_counter()
    timing = careerkit.schedule(plan, as_of=AS_OF)
    scheduled = time.perf_counter()
    if shared:
        careerkit.next_actions(plan, as_of=AS_OF, schedule=timing)
    else:
        careerkit.next_actions(plan, as_of=AS_OF)
    ranked = time.perf_counter()
    if shared:
        careerkit.assess_plan(plan, as_of=AS_OF, schedule=timing)
    else:
        careerkit.assess_plan(plan, as_of=AS_OF)
    assessed = time.perf_counter()
    return loaded - began, scheduled - loaded, ranked - scheduled, assessed - ranked


def check_same_answers(plan: Plan) -> None:
    """The steps answer the same with the schedule handed in as without it."""
    timing = careerkit.schedule(plan, as_of=AS_OF)
    assert careerkit.next_actions(plan, as_of=AS_OF) == careerkit.next_actions(
        plan, as_of=AS_OF, schedule=timing
    )
    assert careerkit.assess_plan(plan, as_of=AS_OF) == careerkit.assess_plan(
        plan, as_of=AS_OF, schedule=timing
    )


def serve_all(texts: list[str], *, shared: bool) -> list[float]:
    """Serve every text once; the seconds of each step, summed over the texts."""
    totals = [0.0] * 4
    for text in texts:
        for position, taken in enumerate(request(text, shared=shared)):
            totals[position] += taken
    return totals


def base_all(texts: list[str]) -> Callable[[], None]:
    """An action that only loads and schedules every text."""

    def action() -> None:
        for text in texts:
            careerkit.schedule(careerkit.loads(text), as_of=AS_OF)

    return action


def measure(name: str, texts: list[str], *, repeat: int, shared: bool) -> None:
    """Print the figures for one set of plans."""
    best_steps: list[float] = []

    def timed() -> None:
        nonlocal best_steps
        steps = serve_all(texts, shared=shared)
        if not best_steps or sum(steps) < sum(best_steps):
            best_steps = steps

    base, whole = best_of_each(repeat, base_all(texts), timed)
    count = len(texts)
    print(f"{name}: {count} plans")
    print(f"  loads + schedule {count / base:8.1f} plans/s")
    print(
        f"  whole request    {count / whole:8.1f} plans/s   "
        f"ratio {whole / base:5.2f}x (target <= 2.5)"
    )
    labels = ("loads", "schedule", "next_actions", "assess_plan")
    total = sum(best_steps)
    print("  shares: " + ", ".join(
        f"{label} {taken / total:5.1%}" for label, taken in zip(labels, best_steps, strict=True)
    ))  # fmt: skip


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--unshared", action="store_true", help="call the steps without schedule=")
    options = parser.parse_args()

    generated = [careerkit.dumps(make_plan(seed)) for seed in range(options.plans)]
    sizes = [len(careerkit.loads(text).tasks) for text in generated[:20]]
    for text in (generated[0], EXAMPLE.read_text(encoding="utf-8")):
        check_same_answers(careerkit.loads(text))
    print(f"generated plans of about {sum(sizes) / len(sizes):.0f} tasks, as of {AS_OF}")
    measure("generated", generated, repeat=options.repeat, shared=not options.unshared)
    example = [EXAMPLE.read_text(encoding="utf-8")] * max(1, options.plans // 5)
    measure("example plan", example, repeat=options.repeat, shared=not options.unshared)


if __name__ == "__main__":
    main()
