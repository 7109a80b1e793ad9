"""What the plots share: their colours, a fresh figure, the date axis and the status-date line.

Figures are made with :class:`matplotlib.figure.Figure` and drawn on the
non-interactive Agg canvas, never through ``matplotlib.pyplot``: no
global state, no window, nothing to close, and the figure is freed with its
last reference.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from careerkit.errors import ValidationError, require

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "AS_OF_COLOUR",
    "CRITICAL_COLOUR",
    "DEADLINE_COLOUR",
    "DONE_COLOUR",
    "EARNED_COLOUR",
    "FORECAST_COLOUR",
    "PLANNED_COLOUR",
    "TASK_COLOUR",
    "TREND_COLOUR",
    "as_of_line",
    "checked_path",
    "date_axis",
    "day_number",
    "day_numbers",
    "new_figure",
    "note",
    "saved",
]

TASK_COLOUR = "#4c72b0"
CRITICAL_COLOUR = "#c44e52"
DONE_COLOUR = "#a0a0a0"
DEADLINE_COLOUR = "#8c2d04"
AS_OF_COLOUR = "#2ca02c"
PLANNED_COLOUR = "#4c72b0"
EARNED_COLOUR = "#dd8452"
FORECAST_COLOUR = "#8172b3"
TREND_COLOUR = "#dd8452"


def checked_path(path: object) -> Path | None:
    """``path`` as a :class:`~pathlib.Path`: None, a string or a path-like object."""
    if path is None:
        return None
    name = os.fspath(path) if isinstance(path, str | os.PathLike) else None
    if isinstance(name, str) and name:
        return Path(name)
    raise ValidationError(path="path", problem=f"expected a file path or None, got {path!r}")


def day_number(day: date) -> float:
    """A date as matplotlib's number of days since its epoch."""
    from matplotlib.dates import date2num

    return float(date2num(day))  # type: ignore[no-untyped-call]  # untyped in matplotlib


def day_numbers(days: Iterable[date]) -> list[float]:
    """Dates as matplotlib's numbers of days."""
    return [day_number(day) for day in days]


def new_figure(width: float, height: float) -> Figure:
    """A figure of ``width`` by ``height`` inches on an Agg canvas."""
    require("matplotlib", "plot")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def date_axis(axes: Axes) -> None:
    """Dates on the x axis, as concise as they stay readable, within the years
    matplotlib holds (1 to 9999): call it once everything is drawn."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    low, high = axes.get_xlim()
    first, last = day_number(date.min), day_number(date.max)
    axes.set_xlim(max(first, min(low, last - 1)), min(last, max(high, first + 1)))

    # matplotlib.dates has no type annotations: its classes are untyped calls.
    locator = AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.grid(axis="x", color="#e0e0e0", linewidth=0.6)
    axes.set_axisbelow(True)


def as_of_line(axes: Axes, as_of: date) -> None:
    """The vertical line of the status date, labelled at the top of the axes (on its
    left when the line stands in the right fifth, so that the label stays inside)."""
    at = day_number(as_of)
    line = axes.axvline(at, color=AS_OF_COLOUR, linewidth=1.6, label=f"as of {as_of}")
    line.set_gid("as_of")
    low, high = axes.get_xlim()
    right = high > low and (at - low) / (high - low) > 0.8
    axes.annotate(
        f"as of {as_of}",
        xy=(at, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-3 if right else 3, -3),
        textcoords="offset points",
        ha="right" if right else "left",
        va="top",
        fontsize=8,
        color=AS_OF_COLOUR,
        fontweight="bold",
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
    )


def note(axes: Axes, text: str) -> None:
    """A note in the middle of the axes, in place of what is missing."""
    axes.text(
        0.5,
        0.5,
        text,
        transform=axes.transAxes,
        ha="center",
        va="center",
        color="#555555",
        bbox={"facecolor": "white", "edgecolor": "none"},
    )


def saved(figure: Figure, path: Path | None) -> Figure:
    """``figure``, written as a PNG to ``path`` first when one is given."""
    if path is not None:
        try:
            figure.savefig(path, format="png", dpi=100)
        except OSError as exc:
            raise ValidationError(
                path="path", problem=f"cannot write {str(path)!r}: {exc.strerror or exc}"
            ) from exc
    return figure
