"""Views of a plan for people: text outlines now, richer formats to come.

Views that need optional packages import them lazily and say how to install
them when they are missing.
"""

from __future__ import annotations

from careerkit.render.text import outline, schedule_report

__all__ = ["outline", "schedule_report"]
