"""Views of a plan for people: outlines, schedules, progress, alerts and forecasts as text.

Views that need optional packages import them lazily and say how to install
them when they are missing.
"""

from __future__ import annotations

from careerkit.render.text import outline, schedule_report
from careerkit.render.tracking import alerts_report, forecast_report, progress_report

__all__ = ["alerts_report", "forecast_report", "outline", "progress_report", "schedule_report"]
