"""The drawing of a burn-up chart from its curves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkit.planning.forecast_results import Forecast
from careerkit.planning.progress import ProgressReport
from careerkit.render._plot_burn import Curves
from careerkit.render._plot_style import (
    DONE_COLOUR,
    EARNED_COLOUR,
    FORECAST_COLOUR,
    PLANNED_COLOUR,
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

__all__ = ["draw_burn_up"]


def _forecast_band(axes: Axes, found: Forecast, total: float) -> None:
    low, high = found.plan.p50, found.plan.p95
    if low is None or high is None:
        return
    axes.fill_between(
        day_numbers([low, high]),
        total * 0.96,
        total * 1.04,
        color=FORECAST_COLOUR,
        alpha=0.35,
        label=f"forecast finish P50 {low} .. P95 {high}",
        gid="forecast",
    )


def _curves(axes: Axes, curves: Curves) -> None:
    if not curves.planned:
        note(axes, "no planned work")
    else:
        axes.plot(
            day_numbers(curves.planned_days),
            curves.planned,
            color=PLANNED_COLOUR,
            linewidth=1.6,
            label="planned",
            gid="planned",
        )
    axes.step(
        day_numbers(curves.earned_days),
        curves.earned,
        where="post",
        color=EARNED_COLOUR,
        linewidth=1.8,
        label="earned (done work)",
        gid="earned",
    )


def _report_marks(axes: Axes, report: ProgressReport) -> None:
    """The total, and the report's planned and earned value on its status date."""
    figures = report.earned_value
    axes.axhline(
        figures.bac,
        color=DONE_COLOUR,
        linestyle="--",
        linewidth=1,
        label=f"total {figures.bac:.0f} h",
        gid="total",
    )
    at = day_number(report.as_of)
    axes.plot(
        [at],
        [figures.pv],
        "o",
        color=PLANNED_COLOUR,
        markersize=6,
        label=f"planned value {figures.pv:.0f} h",
        gid="pv",
    )
    axes.plot(
        [at],
        [figures.ev],
        "s",
        color=EARNED_COLOUR,
        markersize=6,
        label=f"earned value {figures.ev:.0f} h",
        gid="ev",
    )


def draw_burn_up(
    curves: Curves, *, report: ProgressReport, forecast: Forecast | None, title: str
) -> Figure:
    """The burn-up chart: planned and earned hours, the total, the status date."""
    figure = new_figure(10, 5)
    axes = figure.add_subplot()
    axes.set_title(title, fontsize=11)
    axes.set_ylabel("effort hours (cumulative)")
    _curves(axes, curves)
    _report_marks(axes, report)
    total = report.earned_value.bac
    if forecast is not None:
        _forecast_band(axes, forecast, total)
    as_of_line(axes, report.as_of)
    date_axis(axes)
    axes.set_ylim(0, max(total, 1.0) * 1.12)
    axes.legend(fontsize=8, loc="lower right")
    return figure
