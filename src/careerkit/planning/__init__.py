"""Planning: what a person asks of a scheduled plan.

:func:`next_actions` ranks the tasks ready to work on
(:mod:`careerkit.planning.actions`); :func:`compare_to_baseline` measures how
far the plan has moved from a saved baseline
(:mod:`careerkit.planning.baseline`).
"""

from careerkit.planning.actions import NextAction, UrgencyPolicy, UrgencyTerm, next_actions
from careerkit.planning.baseline import BaselineComparison, Variance, compare_to_baseline

__all__ = [
    "BaselineComparison",
    "NextAction",
    "UrgencyPolicy",
    "UrgencyTerm",
    "Variance",
    "compare_to_baseline",
    "next_actions",
]
