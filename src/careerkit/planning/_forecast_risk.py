"""The schedule-risk method: the plan's network rescheduled with sampled durations.

Each task still to do or in progress with a three-point estimate gets one
duration per run from its distribution (:mod:`._forecast_durations`); each
run is one forward pass over the nodes those tasks can move
(:class:`careerkit.scheduling.sampling.SampledNetwork`), so a goal whose
work merges several uncertain chains finishes with the latest of them.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Mapping
from datetime import date

from careerkit.model import Plan
from careerkit.planning._forecast_durations import draws
from careerkit.planning._forecast_parts import Estimate, percentiles
from careerkit.planning.forecast_results import Distribution, ForecastReason
from careerkit.scheduling.sampling import SampledNetwork

__all__ = ["schedule_risk"]


def schedule_risk(
    plan: Plan,
    *,
    as_of: date,
    rng: random.Random,
    runs: int,
    distribution: Distribution,
    scheduled: Mapping[str, date | None],
) -> tuple[dict[str, Estimate], Estimate]:
    """Each goal's estimate by id (goals with work only), and the plan's.

    ``scheduled`` is each goal's finish in the deterministic schedule.
    """
    network = SampledNetwork(plan, as_of)
    columns = []
    for item in network.uncertain:  # one column of draws per task, tasks in plan order
        estimate = (item.optimistic, item.likely, item.pessimistic)
        columns.append((item.node, draws(estimate, distribution, rng, runs)))
    found: dict[str, list[int]] = {goal: [] for goal in network.goals}
    for run in range(runs):
        finishes = network.finishes({node: column[run] for node, column in columns})
        for goal, boundary in finishes.items():
            found[goal].append(boundary)
    estimates = {}
    for goal, boundaries in found.items():
        boundaries.sort()
        deadline = plan.goal(goal).deadline
        probability = None
        if deadline is not None:
            met = bisect_right(boundaries, network.boundary_after(deadline))
            probability = met / runs
        low, middle, high = (
            network.finish_date(goal, boundary, scheduled=scheduled.get(goal))
            for boundary in percentiles(boundaries)
        )
        estimates[goal] = _estimate(low, middle, high, probability)
    return estimates, _plan_estimate(network, found, scheduled)


def _estimate(
    low: date | None, middle: date | None, high: date | None, probability: float | None
) -> Estimate:
    """The estimate of percentile dates, with the reason when the last of them is
    past the calendar's end."""
    if high is not None:
        return Estimate(p50=low, p85=middle, p95=high, probability=probability)
    return Estimate(
        p50=low,
        p85=middle,
        p95=high,
        probability=probability,
        reason=ForecastReason.BEYOND_HORIZON,
        message="some runs finish after the calendar's last day, 9999-12-31",
    )


def _plan_estimate(
    network: SampledNetwork, found: Mapping[str, list[int]], scheduled: Mapping[str, date | None]
) -> Estimate:
    """The plan's estimate: in each run, the latest finish of its root goals."""
    roots = [goal for goal in network.goals if network.parent(goal) is None]
    if not roots:
        return Estimate()
    ends = sorted(max(found[goal][run] for goal in roots) for run in range(len(found[roots[0]])))
    last = max(roots, key=lambda goal: (network.planned(goal) or 0, goal))
    low, middle, high = (
        network.finish_date(last, boundary, scheduled=scheduled.get(last))
        for boundary in percentiles(ends)
    )
    return _estimate(low, middle, high, None)
