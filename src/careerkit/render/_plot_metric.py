"""The drawing of a metric goal's trajectory: measurements, planned line, trend, target.

The planned line is :func:`careerkit.planning.metrics.planned_value` from the
baseline on the goal's start (the plan's start when the goal has none) to the
target on its deadline. The trend is :func:`careerkit.planning.metrics.trend`
through the measurements taken by the status date, drawn from the first
measurement to the day it reaches the target, but no further than the
deadline plus the planned span again, so that a slow trend keeps the chart
readable (the legend gives the day it reaches the target).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from careerkit.model import Goal, Measurement, Metric
from careerkit.planning.metrics import Trend, planned_value, trend
from careerkit.render._plot_style import (
    DEADLINE_COLOUR,
    PLANNED_COLOUR,
    TREND_COLOUR,
    as_of_line,
    date_axis,
    day_number,
    day_numbers,
    new_figure,
    note,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_metric"]


def _planned_line(axes: Axes, metric: Metric, start: date, deadline: date) -> None:
    days = [start, deadline]
    values = [planned_value(metric, start=start, deadline=deadline, on=day) for day in days]
    axes.plot(
        day_numbers(days),
        values,
        color=PLANNED_COLOUR,
        linestyle="--",
        linewidth=1.4,
        label="planned trajectory",
        gid="planned",
    )


def _trend_line(axes: Axes, line: Trend, metric: Metric, until: date) -> None:
    reach = line.reaching(metric.target)
    end = until if reach is None or reach > until else max(reach, line.last)
    days = [line.origin, end]
    label = "trend" + (
        f", reaches the target on {reach}" if reach else ", does not reach the target"
    )
    axes.plot(
        day_numbers(days),
        [line.value_on(day) for day in days],
        color=TREND_COLOUR,
        linewidth=1.6,
        label=label,
        gid="trend",
    )


def _after(day: date, span: timedelta) -> date:
    """``day`` plus ``span``, or the last date Python holds when that is later."""
    try:
        return day + span
    except OverflowError:
        return date.max


def draw_metric(goal: Goal, *, start: date, as_of: date | None) -> Figure:
    """The trajectory chart of ``goal``, whose metric is set."""
    metric = goal.metric
    assert metric is not None
    taken: list[Measurement] = [
        item for item in goal.measurements if as_of is None or item.on <= as_of
    ]
    figure = new_figure(9, 4.8)
    axes = figure.add_subplot()
    unit = f" ({metric.unit})" if metric.unit and metric.unit not in metric.name else ""
    axes.set_title(f"{goal.id}: {metric.name}", fontsize=11)
    axes.set_ylabel(f"{metric.name}{unit}")
    known = [start, *(item.on for item in taken)] + ([as_of] if as_of else [])
    until = max(known)
    if goal.deadline is not None:
        _planned_line(axes, metric, start, goal.deadline)
        axes.axvline(
            day_number(goal.deadline),
            color=DEADLINE_COLOUR,
            linestyle=":",
            linewidth=1.2,
            label=f"deadline {goal.deadline}",
            gid="deadline",
        )
        until = max(until, _after(goal.deadline, goal.deadline - start))
    axes.axhline(
        metric.target,
        color="#555555",
        linewidth=0.9,
        label=f"target {metric.target:g}",
        gid="target",
    )
    if taken:
        axes.plot(
            day_numbers(item.on for item in taken),
            [item.value for item in taken],
            "o",
            color="#333333",
            markersize=5,
            label="measurements",
            gid="measurements",
        )
    line = trend(taken)
    if line is not None:
        _trend_line(axes, line, metric, max(until, _after(line.last, timedelta(days=1))))
    else:
        note(axes, "fewer than two measurements: no trend")
    if as_of is not None:
        as_of_line(axes, as_of)
    date_axis(axes)
    axes.legend(fontsize=8, loc="best")
    return figure
