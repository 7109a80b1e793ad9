"""The plan model: immutable values that describe a career plan.

A :class:`Plan` holds a vision, a self-evaluation (:class:`Profile`), goals
(:class:`Goal`, optionally measured by a :class:`Metric`), the tasks that
achieve them (:class:`Task`), check-ins (:class:`CheckIn`) and the working
:class:`Calendar`; and the career domain: skills (:class:`Skill`) and target
roles (:class:`Role`), career assets (:class:`Asset`), relationships
(:class:`Contact`), career options (:class:`CareerOption`) and job
applications (:class:`Application`). Every class is a frozen, keyword-only attrs class; bad
values are rejected at construction with a
:class:`~careerkit.errors.ValidationError` naming the field, and edits return
a new validated plan.
"""

from careerkit.model.applications import Application, StageChange
from careerkit.model.assets import Asset
from careerkit.model.contacts import Contact, Interaction
from careerkit.model.enums import (
    AssetKind,
    Category,
    Channel,
    ContactRole,
    Direction,
    ExplorationKind,
    GoalStatus,
    Horizon,
    Link,
    Source,
    Stage,
    Status,
    Weekday,
)
from careerkit.model.goal import Goal
from careerkit.model.options import CareerOption, CriterionWeight, Exploration, Rating
from careerkit.model.plan import Plan
from careerkit.model.skills import RequiredSkill, Role, Skill, SkillGain
from careerkit.model.task import Task
from careerkit.model.values import Calendar, CheckIn, Dependency, Measurement, Metric, Profile

__all__ = [
    "Application",
    "Asset",
    "AssetKind",
    "Calendar",
    "CareerOption",
    "Category",
    "Channel",
    "CheckIn",
    "Contact",
    "ContactRole",
    "CriterionWeight",
    "Dependency",
    "Direction",
    "Exploration",
    "ExplorationKind",
    "Goal",
    "GoalStatus",
    "Horizon",
    "Interaction",
    "Link",
    "Measurement",
    "Metric",
    "Plan",
    "Profile",
    "Rating",
    "RequiredSkill",
    "Role",
    "Skill",
    "SkillGain",
    "Source",
    "Stage",
    "StageChange",
    "Status",
    "Task",
    "Weekday",
]
