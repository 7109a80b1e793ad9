"""Time ``forecast(method="schedule_risk", runs=10_000)`` against one ``schedule()``.

Two plans: the example plan as written (its tasks have no three-point
estimates, so no run moves anything) and the same plan with an estimate on
every open task (optimistic 70 %, pessimistic 160 % of the duration), where
every run redraws and reschedules. Prints, for each, the time of one
``schedule()`` of the plan as of 2026-11-26, the time of the forecast and
their ratio. Target: the forecast at most 200x one schedule.

    python benchmarks/bench_forecast.py [--runs 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import math
from datetime import date
from pathlib import Path

import attrs
from timing import best_of_each

import careerkit
from careerkit import Plan, Status
from careerkit.planning.forecast import forecast

AS_OF = date(2026, 11, 26)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"


def with_estimates(plan: Plan) -> Plan:
    """The plan with a three-point estimate on every task still to do or in progress."""
    tasks = tuple(
        attrs.evolve(
            task,
            optimistic=math.floor(task.duration * 0.7),
            pessimistic=math.ceil(task.duration * 1.6),
        )
        if task.recurrence is None and task.status in (Status.TODO, Status.IN_PROGRESS)
        else task
        for task in plan.tasks
    )
    return attrs.evolve(plan, tasks=tasks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    example = careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))
    for name, plan in (("example", example), ("example+estimates", with_estimates(example))):
        scheduled, forecast_time = best_of_each(
            arguments.repeat,
            lambda plan=plan: careerkit.schedule(plan, as_of=AS_OF),
            lambda plan=plan: forecast(plan, as_of=AS_OF, seed=1, runs=arguments.runs),
        )
        print(
            f"{name:18} schedule {scheduled * 1e3:8.2f} ms   forecast({arguments.runs} runs) "
            f"{forecast_time * 1e3:8.1f} ms   ratio {forecast_time / scheduled:6.1f}x"
        )


if __name__ == "__main__":
    main()
