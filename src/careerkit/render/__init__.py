"""Views of a plan for people: outlines, schedules, progress, alerts and forecasts as text.

Views that need optional packages import them lazily and say how to install
them when they are missing.

Importing this package imports :mod:`careerkit.render.html`,
:mod:`careerkit.render.html_tracking` and :mod:`careerkit.render.frames`, which register the HTML and DataFrame views
of plans and results in :mod:`careerkit.model.display`: the values'
``_repr_html_`` and ``to_frame`` methods find them there.
"""

from __future__ import annotations

from careerkit.render import frames as frames
from careerkit.render import html as html
from careerkit.render import html_tracking as html_tracking
from careerkit.render.text import outline, schedule_report
from careerkit.render.tracking import alerts_report, forecast_report, progress_report

__all__ = ["alerts_report", "forecast_report", "outline", "progress_report", "schedule_report"]
