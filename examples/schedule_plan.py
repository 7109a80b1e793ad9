"""Schedule the example plan: critical path, missed dates, overloaded weeks, next actions.

Reads ``marketing_director.json`` beside this script and schedules it as of
26 November 2026, the plan's status date, first as planned and then leveled
so that no week holds more work than the person's weekly capacity:

    python examples/schedule_plan.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import careerkit
from careerkit.render import schedule_report

AS_OF = date(2026, 11, 26)


def main() -> None:
    """Print the schedule, the leveled schedule's summary and the next actions."""
    text = (Path(__file__).parent / "marketing_director.json").read_text(encoding="utf-8")
    plan = careerkit.loads(text)

    planned = careerkit.schedule(plan, as_of=AS_OF)
    print(schedule_report(planned, limit=10))

    leveled = careerkit.schedule(plan, as_of=AS_OF, level=True)
    print(
        f"Leveled to {plan.weekly_capacity:g} hours a week: finish {leveled.finish} "
        f"instead of {planned.finish} ({leveled.leveling_delay} working days later); "
        f"{len(leveled.overloaded_weeks)} weeks stay overloaded by work done or in "
        "progress and habits."
    )
    print()

    print(f"Next actions as of {AS_OF}:")
    for action in careerkit.next_actions(plan, as_of=AS_OF)[:5]:
        print(f"  {action.task} (score {action.score:.2f}): {action.explain()}")


if __name__ == "__main__":
    main()
