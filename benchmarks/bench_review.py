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

    python benchmarks/bench_review.py [--tasks 10000] [--plans 1000] [--runs 10000]
        [--repeat 3]
"""

from __future__ import annotations

import argparse
from datetime import timedelta

from bench_product import AS_OF, EXAMPLE, make_plan
from bench_schedule import make_plan as make_large_plan
from bench_slippage import with_progress
from timing import best_of_each

import careerkit


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--plans", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    large(arguments.tasks, arguments.repeat)
    forecast_example(arguments.runs, arguments.repeat)
    product(arguments.plans, arguments.repeat)


if __name__ == "__main__":
    main()
