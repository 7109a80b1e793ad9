"""Planning: what a person asks of a scheduled plan.

:func:`next_actions` ranks the tasks ready to work on
(:mod:`careerkit.planning.actions`); :func:`compare_to_baseline` measures how
far the plan has moved from a saved baseline
(:mod:`careerkit.planning.baseline`); :func:`progress` scores progress and
earned value against the plan as planned (:mod:`careerkit.planning.progress`,
health in :mod:`careerkit.planning.health`); :func:`detect_slippage` raises
explained alerts (:mod:`careerkit.planning.slippage`,
:mod:`careerkit.planning.alerts`); :func:`forecast` forecasts finish dates
(:mod:`careerkit.planning.forecast`); :func:`review` puts them together into
the regular career review (:mod:`careerkit.planning.review`). The earned-value formulas themselves
are plain functions of numbers in :mod:`careerkit.evm`.
"""

from careerkit.planning.actions import NextAction, UrgencyPolicy, UrgencyTerm, next_actions
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity, SlippagePolicy
from careerkit.planning.baseline import BaselineComparison, Variance, compare_to_baseline
from careerkit.planning.forecast import forecast
from careerkit.planning.forecast_results import (
    Forecast,
    ForecastPolicy,
    ForecastReason,
    GoalForecast,
    MetricForecast,
    PlanForecast,
)
from careerkit.planning.health import Health, HealthPolicy, Signal
from careerkit.planning.progress import (
    EarnedValue,
    GoalProgress,
    ProgressReport,
    TaskProgress,
    progress,
)
from careerkit.planning.review import (
    Correction,
    CorrectionCode,
    Review,
    ReviewPolicy,
    Satisfaction,
    Win,
    WinKind,
    review,
)
from careerkit.planning.slippage import detect_slippage

__all__ = [
    "Alert",
    "AlertKind",
    "AlertSeverity",
    "BaselineComparison",
    "Correction",
    "CorrectionCode",
    "EarnedValue",
    "Forecast",
    "ForecastPolicy",
    "ForecastReason",
    "GoalForecast",
    "GoalProgress",
    "Health",
    "HealthPolicy",
    "MetricForecast",
    "NextAction",
    "PlanForecast",
    "ProgressReport",
    "Review",
    "ReviewPolicy",
    "Satisfaction",
    "Signal",
    "SlippagePolicy",
    "TaskProgress",
    "UrgencyPolicy",
    "UrgencyTerm",
    "Variance",
    "Win",
    "WinKind",
    "compare_to_baseline",
    "detect_slippage",
    "forecast",
    "next_actions",
    "progress",
    "review",
]
