"""Scheduling: the critical-path schedule of a plan on its working calendar.

:func:`schedule` runs the forward and backward passes over the precedence
network (:mod:`careerkit.model.network`), places done and in-progress work at
its actual dates, expands habits, weighs the weekly load against capacity
(:mod:`careerkit.scheduling.capacity`) and optionally levels it
(:mod:`careerkit.scheduling.leveling`). The result types live in
:mod:`careerkit.scheduling.results`; :mod:`careerkit.scheduling.graph`
exports the graph to networkx.

Inside, one run reads the plan once into frozen integer arrays
(``_inputs``), runs the critical-path passes over them (``_cpm``, in the
order ``_engine`` gives), and turns the times found into the
:class:`Schedule` (``_report``).
"""

from careerkit.scheduling.capacity import WeekLoad
from careerkit.scheduling.critical_path import schedule
from careerkit.scheduling.graph import task_graph, topological_order
from careerkit.scheduling.results import (
    Constraint,
    GoalSchedule,
    Schedule,
    TaskSchedule,
    Violation,
)

__all__ = [
    "Constraint",
    "GoalSchedule",
    "Schedule",
    "TaskSchedule",
    "Violation",
    "WeekLoad",
    "schedule",
    "task_graph",
    "topological_order",
]
