"""Views of a plan for people: text reports, notebook HTML, DataFrames, plots,
iCalendar files and Mermaid graphs.

Views that need optional packages (pandas, matplotlib, icalendar) import
them only when they are called, and raise
:class:`~careerkit.MissingExtraError` naming the extra when they are missing.

Importing this package imports :mod:`careerkit.render.html`,
:mod:`careerkit.render.html_tracking` and :mod:`careerkit.render.frames`, which register the HTML and DataFrame views
of plans and results in :mod:`careerkit.model.display`: the values'
``_repr_html_`` and ``to_frame`` methods find them there.
"""

from __future__ import annotations

from careerkit.render import frames as frames
from careerkit.render import html as html
from careerkit.render import html_tracking as html_tracking
from careerkit.render.frames import to_frame
from careerkit.render.html import plan_html, progress_html, schedule_html
from careerkit.render.html_tracking import alerts_html, forecast_html, review_html
from careerkit.render.ical import to_ical
from careerkit.render.mermaid import to_mermaid
from careerkit.render.plots import burn_up, gantt, metric_trajectory
from careerkit.render.text import outline, schedule_report
from careerkit.render.tracking import (
    alerts_report,
    career_report,
    forecast_report,
    progress_report,
)

__all__ = [
    "alerts_html",
    "alerts_report",
    "burn_up",
    "career_report",
    "forecast_html",
    "forecast_report",
    "gantt",
    "metric_trajectory",
    "outline",
    "plan_html",
    "progress_html",
    "progress_report",
    "review_html",
    "schedule_html",
    "schedule_report",
    "to_frame",
    "to_ical",
    "to_mermaid",
]
