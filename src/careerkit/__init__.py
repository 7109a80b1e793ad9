"""careerkit: career plans as immutable values.

A plan holds a person's vision, self-evaluation, goals and the tasks that
achieve them. careerkit validates plans, reads and writes them as JSON, and
keeps every public name importable from this package.

>>> import careerkit
>>> plan = careerkit.Plan(id="p", owner="Ana", start=date(2026, 1, 5))
>>> careerkit.loads(careerkit.dumps(plan)) == plan
True
"""

from careerkit.actions import NextAction, UrgencyPolicy, UrgencyTerm, next_actions
from careerkit.baseline import BaselineComparison, Variance, compare_to_baseline
from careerkit.capacity import WeekLoad
from careerkit.changes import Change, Operation, apply, diff
from careerkit.errors import (
    CareerkitError,
    CycleError,
    HistoryError,
    Problem,
    SchemaVersionError,
    UnknownReferenceError,
    ValidationError,
)
from careerkit.graph import task_graph, topological_order
from careerkit.history import (
    HISTORY_FORMAT,
    Conflict,
    History,
    LogEntry,
    MergeResult,
    Revision,
    RevisionKind,
    TimelinePoint,
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
from careerkit.recurrence import MAX_OCCURRENCES, occurrences
from careerkit.schedule import (
    Constraint,
    GoalSchedule,
    Schedule,
    TaskSchedule,
    Violation,
    schedule,
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
    "Finding",
    "Goal",
    "GoalSchedule",
    "GoalStatus",
    "History",
    "HistoryError",
    "Horizon",
    "Link",
    "LogEntry",
    "Measurement",
    "MergeResult",
    "Metric",
    "NextAction",
    "Operation",
    "Plan",
    "Problem",
    "Profile",
    "Revision",
    "RevisionKind",
    "Schedule",
    "SchemaVersionError",
    "Severity",
    "SmartAssessment",
    "SmartPolicy",
    "Source",
    "Status",
    "Task",
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
    "diff",
    "dumps",
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
    "schedule",
    "task_graph",
    "to_dict",
    "topological_order",
]

for _name in __all__:
    _value = globals()[_name]
    if isinstance(_value, type) or callable(_value):
        _value.__module__ = "careerkit"  # the documented home of every public name
del _name, _value
