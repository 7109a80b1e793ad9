"""The plan model: immutable values that describe a career plan.

A :class:`Plan` holds a vision, a self-evaluation (:class:`Profile`), goals
(:class:`Goal`, optionally measured by a :class:`Metric`), the tasks that
achieve them (:class:`Task`), check-ins (:class:`CheckIn`) and the working
:class:`Calendar`. Every class is a frozen, keyword-only attrs class; bad
values are rejected at construction with a
:class:`~careerkit.errors.ValidationError` naming the field, and edits return
a new validated plan.
"""

from careerkit.model.enums import (
    Category,
    Direction,
    GoalStatus,
    Horizon,
    Link,
    Source,
    Status,
    Weekday,
)
from careerkit.model.goal import Goal
from careerkit.model.plan import Plan
from careerkit.model.task import Task
from careerkit.model.values import Calendar, CheckIn, Dependency, Measurement, Metric, Profile

__all__ = [
    "Calendar",
    "Category",
    "CheckIn",
    "Dependency",
    "Direction",
    "Goal",
    "GoalStatus",
    "Horizon",
    "Link",
    "Measurement",
    "Metric",
    "Plan",
    "Profile",
    "Source",
    "Status",
    "Task",
    "Weekday",
]
