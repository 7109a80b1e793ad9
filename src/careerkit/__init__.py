"""careerkit: career plans as immutable values.

A plan holds a person's vision, self-evaluation, goals and the tasks that
achieve them. careerkit validates plans, reads and writes them as JSON, and
keeps every public name importable from this package.

>>> import careerkit
>>> plan = careerkit.Plan(id="p", owner="Ana", start=date(2026, 1, 5))
>>> careerkit.loads(careerkit.dumps(plan)) == plan
True
"""

from careerkit.errors import (
    CareerkitError,
    CycleError,
    HistoryError,
    Problem,
    SchemaVersionError,
    UnknownReferenceError,
    ValidationError,
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

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MAX_SIZE",
    "SCHEMA_VERSION",
    "Calendar",
    "CareerkitError",
    "Category",
    "CheckIn",
    "CycleError",
    "Dependency",
    "Direction",
    "Goal",
    "GoalStatus",
    "HistoryError",
    "Horizon",
    "Link",
    "Measurement",
    "Metric",
    "Plan",
    "Problem",
    "Profile",
    "SchemaVersionError",
    "Source",
    "Status",
    "Task",
    "UnknownReferenceError",
    "ValidationError",
    "Weekday",
    "__version__",
    "dumps",
    "from_dict",
    "json_schema",
    "loads",
    "to_dict",
]

for _name in __all__:
    _value = globals()[_name]
    if isinstance(_value, type) or callable(_value):
        _value.__module__ = "careerkit"  # the documented home of every public name
del _name, _value
