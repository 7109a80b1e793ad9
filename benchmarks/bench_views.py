"""Time the notebook views of a large plan next to the ``schedule()`` they show.

The plan is ``bench_progress.make_tracked_plan(size)`` (realistic progress, 1 %
habits). Prints the time of ``schedule(plan, as_of=...)``, then of each view
of its results: the HTML fragments of the plan, the schedule and the progress
report (at most ``MAX_ROWS`` rows a table, so their size stays bounded), and
the DataFrames of the schedule and of the report's tasks (a row per task), each
with its ratio to the schedule and, for HTML, its length in characters.
Target: every view costs less than the schedule it shows.

    python benchmarks/bench_views.py [--sizes 1000 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from bench_progress import make_tracked_plan
from timing import best_of_each

import careerkit
from careerkit.render.frames import to_frame
from careerkit.render.html import plan_html, progress_html, schedule_html


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    print("tasks   view                      ms     x schedule   characters")
    for size in arguments.sizes:
        plan, as_of = make_tracked_plan(size)
        status = careerkit.schedule(plan, as_of=as_of)
        report = careerkit.progress(plan, as_of=as_of, schedule=status)
        views: dict[str, Callable[[], object]] = {
            "schedule()": lambda: careerkit.schedule(plan, as_of=as_of),  # noqa: B023
            "plan_html": lambda: plan_html(plan),  # noqa: B023
            "schedule_html": lambda: schedule_html(status),  # noqa: B023
            "progress_html": lambda: progress_html(report),  # noqa: B023
            "to_frame(schedule)": lambda: to_frame(status),  # noqa: B023
            "to_frame(report, tasks)": lambda: to_frame(report, kind="tasks"),  # noqa: B023
        }
        times = best_of_each(arguments.repeat, *views.values())
        for (name, view), taken in zip(views.items(), times, strict=True):
            shown = view()
            length = f"{len(shown):>10}" if isinstance(shown, str) else ""
            print(
                f"{size:>6}   {name:<23} {taken * 1000:>8.1f}   {taken / times[0]:>10.2f}   {length}"
            )


if __name__ == "__main__":
    main()
