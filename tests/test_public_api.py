"""The public API: the exact names exported, their homes, docs and version."""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import subprocess
import sys
import types

import pytest

import careerkit

PUBLIC_NAMES = [
    "AchievementKind",
    "ActiveApplication",
    "Alert",
    "AlertKind",
    "AlertSeverity",
    "Application",
    "Asset",
    "AssetKind",
    "AssetReport",
    "AssetState",
    "BaselineComparison",
    "BreadthPoint",
    "Calendar",
    "CareerOption",
    "CareerOverview",
    "CareerPolicy",
    "CareerkitError",
    "Category",
    "Change",
    "Channel",
    "CheckIn",
    "Conflict",
    "Constraint",
    "Contact",
    "ContactRole",
    "ContactState",
    "Contribution",
    "Correction",
    "CorrectionCode",
    "Criterion",
    "CriterionWeight",
    "CycleError",
    "DEFAULT_MAX_SIZE",
    "DayIndex",
    "Dependency",
    "Direction",
    "EarnedValue",
    "Exploration",
    "ExplorationKind",
    "FUNNEL_STAGES",
    "Finding",
    "FollowUp",
    "FollowUpState",
    "Forecast",
    "ForecastPolicy",
    "ForecastReason",
    "Funnel",
    "FunnelStage",
    "Goal",
    "GoalForecast",
    "GoalProgress",
    "GoalSchedule",
    "GoalStatus",
    "HISTORY_FORMAT",
    "Health",
    "HealthPolicy",
    "History",
    "HistoryError",
    "Horizon",
    "Interaction",
    "JobSearchReport",
    "Link",
    "LogEntry",
    "MAX_OCCURRENCES",
    "MAX_PERIODS",
    "Measurement",
    "MergeResult",
    "Metric",
    "MetricForecast",
    "MissingExtraError",
    "MissingResume",
    "NetworkBreadth",
    "NextAction",
    "Operation",
    "OptionRanking",
    "OptionScore",
    "Plan",
    "PlanForecast",
    "Problem",
    "Profile",
    "ProgressReport",
    "Rating",
    "RelationshipReport",
    "RequiredSkill",
    "ResumeFunnel",
    "Review",
    "ReviewPolicy",
    "Revision",
    "RevisionKind",
    "Role",
    "RoleCount",
    "SCHEMA_VERSION",
    "Satisfaction",
    "Schedule",
    "SchemaVersionError",
    "Severity",
    "Signal",
    "Skill",
    "SkillGain",
    "SkillGap",
    "SkillGaps",
    "SkillLevel",
    "SkillRaise",
    "SlippagePolicy",
    "SmartAssessment",
    "SmartPolicy",
    "Source",
    "Stage",
    "StageChange",
    "StaleReason",
    "Status",
    "Task",
    "TaskProgress",
    "TaskSchedule",
    "TimelinePoint",
    "UnknownReferenceError",
    "UnreflectedAchievement",
    "UrgencyPolicy",
    "UrgencyTerm",
    "ValidationError",
    "Variance",
    "Verdict",
    "Violation",
    "WeekLoad",
    "Weekday",
    "WeightFlip",
    "Win",
    "WinKind",
    "__version__",
    "add_working_days",
    "apply",
    "assess",
    "assess_plan",
    "assess_text",
    "asset_status",
    "career_overview",
    "compare_to_baseline",
    "count_working_days",
    "detect_slippage",
    "diff",
    "dumps",
    "forecast",
    "from_dict",
    "is_working_day",
    "job_search",
    "json_schema",
    "loads",
    "merge",
    "network_breadth",
    "next_actions",
    "next_working_day",
    "occurrences",
    "parse_deadline",
    "previous_working_day",
    "progress",
    "pseudonym",
    "rank_options",
    "redact",
    "relationship_status",
    "review",
    "schedule",
    "skill_gaps",
    "skill_levels",
    "target_role",
    "task_graph",
    "to_dict",
    "topological_order",
]

_CALLABLES = [name for name in PUBLIC_NAMES if callable(getattr(careerkit, name, None))]


def test_all_is_pinned() -> None:
    """``__all__`` holds exactly the public names, each once."""
    assert PUBLIC_NAMES == sorted(careerkit.__all__)
    assert len(careerkit.__all__) == len(set(careerkit.__all__))


def test_every_public_attribute_is_exported() -> None:
    """Every public attribute of the package, other than submodules, is in ``__all__``."""
    public = {
        name
        for name, value in vars(careerkit).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"  # bound by ``from __future__ import annotations``
    }

    assert public == set(careerkit.__all__) - {"__version__"}


@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_name_is_importable(name: str) -> None:
    """Each name can be imported from the package."""
    namespace: dict[str, object] = {}
    exec(f"from careerkit import {name}", namespace)

    assert getattr(careerkit, name) is namespace[name]


@pytest.mark.parametrize("name", _CALLABLES)
def test_callable_is_documented(name: str) -> None:
    """Each public class and function has a docstring of its own."""
    doc = getattr(careerkit, name).__doc__ or ""

    assert doc.strip()


@pytest.mark.parametrize("name", _CALLABLES)
def test_callable_reports_its_real_module(name: str) -> None:
    """Public classes and functions keep the module that defines them.

    Their ``__module__`` is not rewritten, so doctests are collected,
    ``typing.get_type_hints`` resolves and ``inspect.getsource`` works.
    """
    value = getattr(careerkit, name)
    module = importlib.import_module(value.__module__)

    assert value.__module__.startswith("careerkit.")
    assert value is getattr(module, value.__qualname__)
    assert inspect.getsource(value)


@pytest.mark.parametrize(
    ("name", "kind"),
    [("SCHEMA_VERSION", int), ("DEFAULT_MAX_SIZE", int), ("__version__", str)],
)
def test_constants(name: str, kind: type) -> None:
    """The exported constants have the documented types."""
    assert kind is type(getattr(careerkit, name))


def test_version_matches_the_distribution() -> None:
    """``__version__`` is the installed distribution's version."""
    assert importlib.metadata.version("careerkit") == careerkit.__version__


def test_submodules_still_import() -> None:
    """The subpackages import under their own names."""
    for module in ("careerkit.model", "careerkit.errors", "careerkit.io", "careerkit.cli"):
        assert module == importlib.import_module(module).__name__
    assert careerkit.Plan is importlib.import_module("careerkit.model").Plan


def test_import_is_light() -> None:
    """``import careerkit`` loads none of the optional or heavy packages."""
    code = (
        "import sys, careerkit\n"
        "heavy = ('matplotlib', 'icalendar', 'pandas', 'hypothesis', 'jsonschema')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )

    assert "[]\n" == result.stdout
