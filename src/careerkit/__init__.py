"""careerkit: career plans as immutable values.

A plan holds a person's vision, self-evaluation, goals and the tasks that
achieve them. careerkit validates plans, schedules their tasks, checks that
goals are SMART, ranks the next actions, scores progress, detects slippage,
forecasts finish dates, reads and writes plans as JSON and
keeps every revision. Every public name is importable from this package; the
subpackages below, lowest layer first, are where each one is defined:

* :mod:`careerkit.errors`: the error tree;
* :mod:`careerkit.evm`: the earned-value formulas, plain functions of numbers;
* :mod:`careerkit.recurrence`: RFC 5545 recurrence rules of habits;
* :mod:`careerkit.model`: plans, goals, tasks and their field rules;
* :mod:`careerkit.workdays`: working-day arithmetic on a calendar;
* :mod:`careerkit.scheduling`: the critical-path schedule and weekly load;
* :mod:`careerkit.smart`: SMART checks of goals and deadline phrases;
* :mod:`careerkit.planning`: next actions, baselines, progress, slippage
  alerts and forecasts;
* :mod:`careerkit.io`: JSON documents, versions and schema;
* :mod:`careerkit.history`: changes, revisions and merges;
* :mod:`careerkit.render`: views: text, notebook HTML and DataFrames, plots,
  iCalendar and Mermaid (the optional packages behind extras).

>>> import careerkit
>>> plan = careerkit.Plan(id="p", owner="Ana", start=date(2026, 1, 5))
>>> careerkit.loads(careerkit.dumps(plan)) == plan
True
"""

import careerkit.render  # noqa: F401  (its import registers the notebook and DataFrame views)
from careerkit.errors import (
    CareerkitError,
    CycleError,
    HistoryError,
    MissingExtraError,
    Problem,
    SchemaVersionError,
    UnknownReferenceError,
    ValidationError,
)
from careerkit.history import (
    HISTORY_FORMAT,
    Change,
    Conflict,
    History,
    LogEntry,
    MergeResult,
    Operation,
    Revision,
    RevisionKind,
    TimelinePoint,
    apply,
    diff,
    merge,
)
from careerkit.io import (
    DEFAULT_MAX_SIZE,
    SCHEMA_VERSION,
    dumps,
    from_dict,
    json_schema,
    loads,
    to_dict,
)
from careerkit.model import (
    Calendar,
    Category,
    CheckIn,
    Dependency,
    Direction,
    Goal,
    GoalStatus,
    Horizon,
    Link,
    Measurement,
    Metric,
    Plan,
    Profile,
    Source,
    Status,
    Task,
    Weekday,
)
from careerkit.planning import (
    Alert,
    AlertKind,
    AlertSeverity,
    BaselineComparison,
    EarnedValue,
    Forecast,
    ForecastPolicy,
    ForecastReason,
    GoalForecast,
    GoalProgress,
    Health,
    HealthPolicy,
    MetricForecast,
    NextAction,
    PlanForecast,
    ProgressReport,
    Signal,
    SlippagePolicy,
    TaskProgress,
    UrgencyPolicy,
    UrgencyTerm,
    Variance,
    compare_to_baseline,
    detect_slippage,
    forecast,
    next_actions,
    progress,
)
from careerkit.recurrence import MAX_OCCURRENCES, occurrences
from careerkit.scheduling import (
    Constraint,
    GoalSchedule,
    Schedule,
    TaskSchedule,
    Violation,
    WeekLoad,
    schedule,
    task_graph,
    topological_order,
)
from careerkit.smart import (
    Criterion,
    Finding,
    Severity,
    SmartAssessment,
    SmartPolicy,
    Verdict,
    assess,
    assess_plan,
    assess_text,
    parse_deadline,
)
from careerkit.workdays import (
    DayIndex,
    add_working_days,
    count_working_days,
    is_working_day,
    next_working_day,
    previous_working_day,
)

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MAX_SIZE",
    "HISTORY_FORMAT",
    "MAX_OCCURRENCES",
    "SCHEMA_VERSION",
    "Alert",
    "AlertKind",
    "AlertSeverity",
    "BaselineComparison",
    "Calendar",
    "CareerkitError",
    "Category",
    "Change",
    "CheckIn",
    "Conflict",
    "Constraint",
    "Criterion",
    "CycleError",
    "DayIndex",
    "Dependency",
    "Direction",
    "EarnedValue",
    "Finding",
    "Forecast",
    "ForecastPolicy",
    "ForecastReason",
    "Goal",
    "GoalForecast",
    "GoalProgress",
    "GoalSchedule",
    "GoalStatus",
    "Health",
    "HealthPolicy",
    "History",
    "HistoryError",
    "Horizon",
    "Link",
    "LogEntry",
    "Measurement",
    "MergeResult",
    "Metric",
    "MetricForecast",
    "MissingExtraError",
    "NextAction",
    "Operation",
    "Plan",
    "PlanForecast",
    "Problem",
    "Profile",
    "ProgressReport",
    "Revision",
    "RevisionKind",
    "Schedule",
    "SchemaVersionError",
    "Severity",
    "Signal",
    "SlippagePolicy",
    "SmartAssessment",
    "SmartPolicy",
    "Source",
    "Status",
    "Task",
    "TaskProgress",
    "TaskSchedule",
    "TimelinePoint",
    "UnknownReferenceError",
    "UrgencyPolicy",
    "UrgencyTerm",
    "ValidationError",
    "Variance",
    "Verdict",
    "Violation",
    "WeekLoad",
    "Weekday",
    "__version__",
    "add_working_days",
    "apply",
    "assess",
    "assess_plan",
    "assess_text",
    "compare_to_baseline",
    "count_working_days",
    "detect_slippage",
    "diff",
    "dumps",
    "forecast",
    "from_dict",
    "is_working_day",
    "json_schema",
    "loads",
    "merge",
    "next_actions",
    "next_working_day",
    "occurrences",
    "parse_deadline",
    "previous_working_day",
    "progress",
    "schedule",
    "task_graph",
    "to_dict",
    "topological_order",
]
