"""Time what a review asks of a plan, against the schedule it is built on, in one run.

Three figures, each a ratio to a baseline measured in the same run:

1. ``progress()`` plus ``detect_slippage()`` on a 10,000-task plan with
   progress recorded (``bench_slippage.with_progress``), the status schedule
   computed once and handed to both, against ``schedule()`` alone on the same
   plan. Target: at most 2x.
2. ``forecast(method="schedule_risk", runs=10_000)`` on the example plan
   (whose open tasks carry three-point estimates, so every run redraws and
   reschedules the network) against one ``schedule()`` of it. Target: at
   most 200x.
3. ``bench_product.py``'s request (``loads``, ``schedule``, ``next_actions``,
   ``assess_plan``) with ``progress`` and ``detect_slippage`` added, on the
   1,000 generated plans and on the example plan, against ``loads`` +
   ``schedule`` of the same plans. Target: at most 4x.
4. ``review()`` on the example plan (with its history) and on the 10,000-task
   plan of figure 1, against the sum of its parts timed alone in the same
   run: ``schedule``, then ``progress``, ``detect_slippage``, ``next_actions``,
   ``assess_plan`` and a schedule-risk ``forecast`` (the review policy's
   2,000 runs) on that schedule. The review adds its wins, corrections,
   check-in trend, next review date and summary. Target: at most 1.3x.

    python benchmarks/bench_review.py [--tasks 10000] [--plans 1000] [--runs 10000]
        [--repeat 3] [--only 4]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, timedelta

from bench_product import AS_OF, EXAMPLE, make_plan
from bench_schedule import make_plan as make_large_plan
from bench_slippage import with_progress
from timing import best_of, best_of_each

import careerkit
from careerkit.history import History
from careerkit.model import Plan
from careerkit.planning.review import ReviewPolicy, review

HISTORY = EXAMPLE.with_name("marketing_director.history.json")


def large(tasks: int, repeat: int) -> None:
    """Figure 1: progress and slippage on a large plan next to its schedule."""
    base = make_large_plan(tasks)
    as_of = base.start + timedelta(days=120)
    plan = with_progress(base, as_of)

    def tracked() -> None:
        status = careerkit.schedule(plan, as_of=as_of)
        report = careerkit.progress(plan, as_of=as_of, schedule=status)
        careerkit.detect_slippage(plan, as_of=as_of, schedule=status, progress=report)

    status = careerkit.schedule(plan, as_of=as_of)

    def added() -> None:
        report = careerkit.progress(plan, as_of=as_of, schedule=status)
        careerkit.detect_slippage(plan, as_of=as_of, schedule=status, progress=report)

    scheduled, whole, extra = best_of_each(
        repeat, lambda: careerkit.schedule(plan, as_of=as_of), tracked, added
    )
    print(f"1. {tasks} tasks as of {as_of}")
    print(f"   schedule()                          {scheduled * 1e3:8.1f} ms")
    print(
        f"   progress() + detect_slippage()      {extra * 1e3:8.1f} ms  "
        f"{extra / scheduled:5.2f}x  (target: at most 2x)"
    )
    print(
        f"   schedule + progress + slippage      {whole * 1e3:8.1f} ms  {whole / scheduled:5.2f}x"
    )


def forecast_example(runs: int, repeat: int) -> None:
    """Figure 2: a schedule-risk forecast of the example plan next to one schedule."""
    plan = careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))
    scheduled, forecast = best_of_each(
        repeat,
        lambda: careerkit.schedule(plan, as_of=AS_OF),
        lambda: careerkit.forecast(plan, as_of=AS_OF, seed=1, runs=runs),
    )
    print(f"2. the example plan, forecast by schedule risk in {runs} runs")
    print(f"   schedule()                          {scheduled * 1e3:8.2f} ms")
    print(
        f"   forecast()                          {forecast * 1e3:8.1f} ms  "
        f"{forecast / scheduled:5.1f}x  (target: at most 200x)"
    )


def request(text: str) -> None:
    """The product's request with progress and slippage: one schedule for every step."""
    plan = careerkit.loads(text)
    status = careerkit.schedule(plan, as_of=AS_OF)
    careerkit.next_actions(plan, as_of=AS_OF, schedule=status)
    careerkit.assess_plan(plan, as_of=AS_OF, schedule=status)
    report = careerkit.progress(plan, as_of=AS_OF, schedule=status)
    careerkit.detect_slippage(plan, as_of=AS_OF, schedule=status, progress=report)


def product(plans: int, repeat: int) -> None:
    """Figure 3: the product's request with tracking next to loads + schedule."""
    sets = {
        f"{plans} generated plans": [careerkit.dumps(make_plan(seed)) for seed in range(plans)],
        "the example plan x 50": [EXAMPLE.read_text(encoding="utf-8")] * 50,
    }
    print("3. the product's request with progress and slippage")
    for name, texts in sets.items():

        def base(texts: list[str] = texts) -> None:
            for text in texts:
                careerkit.schedule(careerkit.loads(text), as_of=AS_OF)

        def whole(texts: list[str] = texts) -> None:
            for text in texts:
                request(text)

        loaded, served = best_of_each(repeat, base, whole)
        print(
            f"   {name:24} loads + schedule {len(texts) / loaded:7.1f} plans/s, "
            f"request {len(texts) / served:7.1f} plans/s, {served / loaded:4.2f}x "
            "(target: at most 4x)"
        )


def parts(plan: Plan, as_of: date, history: History | None) -> dict[str, Callable[[], object]]:
    """Each part of a review as an action of its own, on one schedule made beforehand
    (the schedule itself is the first part)."""
    policy = ReviewPolicy()
    status = careerkit.schedule(plan, as_of=as_of)
    report = careerkit.progress(plan, as_of=as_of, schedule=status)
    return {
        "schedule()": lambda: careerkit.schedule(plan, as_of=as_of),
        "progress()": lambda: careerkit.progress(plan, as_of=as_of, schedule=status),
        "detect_slippage()": lambda: careerkit.detect_slippage(
            plan, as_of=as_of, schedule=status, history=history, progress=report
        ),
        "next_actions()": lambda: careerkit.next_actions(plan, as_of=as_of, schedule=status),
        "assess_plan()": lambda: careerkit.assess_plan(plan, as_of=as_of, schedule=status),
        f"forecast({policy.runs} runs)": lambda: careerkit.forecast(
            plan, as_of=as_of, seed=policy.seed, runs=policy.runs, schedule=status
        ),
    }


def review_against_parts(tasks: int, repeat: int) -> None:
    """Figure 4: review() next to the sum of its parts, on the example and a large plan."""
    example = careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))
    history = History.loads(HISTORY.read_text(encoding="utf-8"))
    base = make_large_plan(tasks)
    as_of = base.start + timedelta(days=120)
    cases = [
        ("the example plan", example, AS_OF, history),
        (f"{tasks} tasks", with_progress(base, as_of), as_of, None),
    ]
    print("4. review() against the sum of its parts")
    for name, plan, day, known in cases:
        actions = parts(plan, day, known)
        timed = best_of_each(
            repeat,
            lambda plan=plan, day=day, known=known: review(plan, as_of=day, history=known),
            *actions.values(),
        )
        whole, each = timed[0], timed[1:]
        summed = sum(each)
        print(f"   {name} as of {day}")
        for label, seconds in zip(actions, each, strict=True):
            print(f"     {label:32} {seconds * 1e3:8.1f} ms")
        print(f"     {'sum of the parts':32} {summed * 1e3:8.1f} ms")
        print(
            f"     {'review()':32} {whole * 1e3:8.1f} ms  {whole / summed:5.2f}x  "
            "(target: at most 1.3x)"
        )
    markdown = best_of(repeat, lambda: review(example, as_of=AS_OF).to_markdown())
    print(f"   the example's review with its Markdown  {markdown * 1e3:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--plans", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", type=int, choices=(1, 2, 3, 4), help="one figure only")
    arguments = parser.parse_args()
    figures = {
        1: lambda: large(arguments.tasks, arguments.repeat),
        2: lambda: forecast_example(arguments.runs, arguments.repeat),
        3: lambda: product(arguments.plans, arguments.repeat),
        4: lambda: review_against_parts(arguments.tasks, arguments.repeat),
    }
    for number, figure in figures.items():
        if arguments.only in (None, number):
            figure()


if __name__ == "__main__":
    main()
