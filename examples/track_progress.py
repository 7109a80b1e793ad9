"""Am I on track? Progress, slippage alerts and a forecast of the example plan.

Reads ``marketing_director.json`` beside this script as of 26 November 2026,
when its diploma goal (deadline 18 December) is slipping. The schedule is
computed once and handed to every step:

    python examples/track_progress.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import careerkit
from careerkit.render import alerts_report, forecast_report, progress_report

AS_OF = date(2026, 11, 26)
DIPLOMA = "digital-marketing-diploma"


def main() -> None:
    """Print progress, the alerts with their evidence, and the forecast of the diploma."""
    text = (Path(__file__).parent / "marketing_director.json").read_text(encoding="utf-8")
    plan = careerkit.loads(text)
    timing = careerkit.schedule(plan, as_of=AS_OF)

    report = careerkit.progress(plan, as_of=AS_OF, schedule=timing)
    print(progress_report(report))

    alerts = careerkit.detect_slippage(plan, as_of=AS_OF, schedule=timing, progress=report)
    print(alerts_report(alerts))
    print(f"The evidence behind the alerts on {DIPLOMA}:")
    for alert in alerts:
        if alert.subject == DIPLOMA:
            numbers = ", ".join(f"{key}={value}" for key, value in alert.evidence.items())
            print(f"  {alert.kind.value}: {numbers}")
    print()

    found = careerkit.forecast(plan, as_of=AS_OF, seed=2026, runs=10_000, schedule=timing)
    print(forecast_report(found))
    diploma = found.goal(DIPLOMA)
    chance = diploma.probability or 0.0
    print(
        f"The diploma: {chance:.0%} chance of meeting {diploma.deadline}; "
        f"P85 finish {diploma.p85}, so a deadline the plan can keep is {diploma.p85}."
    )


if __name__ == "__main__":
    main()
