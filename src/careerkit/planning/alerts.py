"""Slippage alerts: their kinds, severities, the evidence they carry, and the policy.

An :class:`Alert` is what :func:`careerkit.planning.slippage.detect_slippage`
raises: a kind (:class:`AlertKind`, a stable snake_case code a product can
translate), a severity (:class:`AlertSeverity`), the goal or task it is about,
the date it concerns, a plain-language message, the numbers behind it
(``evidence``: documented keys, JSON-ready values) and a computed correction.
:class:`SlippagePolicy` holds every threshold the detectors use.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from attrs import Factory, field, frozen

from careerkit.career.policy import CareerPolicy
from careerkit.errors import Problem
from careerkit.io import result_document
from careerkit.model import rules as checks

__all__ = ["Alert", "AlertKind", "AlertSeverity", "EvidenceValue", "SlippagePolicy"]

EvidenceValue = int | float | str | bool | date | tuple[str, ...] | None
"""The type of one evidence value, a number, text, flag, date, ids, or nothing."""


class AlertKind(enum.Enum):
    """What an alert is about; the values are stable codes.

    >>> AlertKind("forecast_late")
    <AlertKind.FORECAST_LATE: 'forecast_late'>
    """

    OVERDUE_TASK = "overdue_task"
    MISSED_DEADLINE = "missed_deadline"
    FORECAST_LATE = "forecast_late"
    FLOAT_EXHAUSTED = "float_exhausted"
    BUFFER = "buffer"
    BEHIND_SCHEDULE = "behind_schedule"
    BELOW_TRAJECTORY = "below_trajectory"
    STALLED = "stalled"
    MISSED_OCCURRENCES = "missed_occurrences"
    BLOCKED = "blocked"
    OVER_CAPACITY = "over_capacity"
    OVER_BUDGET = "over_budget"
    BASELINE_SLIP = "baseline_slip"
    DEADLINE_CREEP = "deadline_creep"
    UNADDRESSED_GAP = "unaddressed_gap"
    STALE_ASSET = "stale_asset"
    MISSING_RESUME = "missing_resume"
    UNREFLECTED_ACHIEVEMENT = "unreflected_achievement"
    RELATIONSHIP_COLD = "relationship_cold"
    FOLLOW_UP_DUE = "follow_up_due"
    FOLLOW_UP_OVERDUE = "follow_up_overdue"
    GOAL_WITHOUT_RELATIONSHIP = "goal_without_relationship"
    APPLICATION_SILENT = "application_silent"
    INTERVIEW_NO_FOLLOW_UP = "interview_no_follow_up"
    OFFER_DEADLINE = "offer_deadline"


class AlertSeverity(enum.Enum):
    """How urgent an alert is; :attr:`rank` orders them, critical first.

    >>> sorted(AlertSeverity, key=lambda severity: severity.rank)[0]
    <AlertSeverity.CRITICAL: 'critical'>
    """

    CRITICAL = "critical"
    """A date is missed or will be, so act now."""
    WARNING = "warning"
    """Slipping, so act before the next review."""
    INFO = "info"
    """Worth knowing, as the margin is thin."""

    @property
    def rank(self) -> int:
        """0 for critical, 1 for warning, 2 for info."""
        return _RANKS[self]


_RANKS = {AlertSeverity.CRITICAL: 0, AlertSeverity.WARNING: 1, AlertSeverity.INFO: 2}


def _read_only(value: object) -> object:
    """A mapping as a read-only copy; anything else is left for the checks."""
    return MappingProxyType(dict(value)) if isinstance(value, Mapping) else value


_ALERT_RULES = checks.fields(
    "Alert",
    kind=checks.Choice(AlertKind),
    severity=checks.Choice(AlertSeverity),
    subject=checks.Id(),
    on=checks.Date(any_year=True),
    message=checks.Text(),
    correction=checks.Text(),
)
"""The rule of each field of an alert but its evidence, checked below."""


def _evidence_problem(key: object, value: object) -> str | None:
    """What is wrong with one evidence entry, or None."""
    if not isinstance(key, str) or not key:
        return f"key {key!r} is not a name"
    if value is None or isinstance(value, bool | int | str | date):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{key}: {value!r} is not finite"
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return None
    return f"{key}: {type(value).__name__} is not an evidence value"


@result_document("alert")
@frozen(kw_only=True)
class Alert:
    """One sign of slippage, with its evidence and a suggested correction.

    Parameters
    ----------
    kind
        What the alert is about.
    severity
        How urgent it is.
    subject
        The id of the goal or task concerned; the plan's id for plan-wide alerts.
    on
        The date the alert concerns: the missed deadline, the late start, the week...
    message
        Plain language, with the numbers.
    evidence
        The numbers behind the alert, by documented key (see the docs' table
        for each kind); values are numbers (floats always finite), text,
        flags, dates, tuples of ids, or None. Held read-only.
    correction
        A concrete suggested correction.

    Examples
    --------
    >>> alert = Alert(kind=AlertKind.OVER_BUDGET, severity=AlertSeverity.WARNING,
    ...               subject="p", on=date(2026, 11, 26), message="Costs exceed the budget",
    ...               evidence={"budget": 1000.0, "planned_cost": 1200.0},
    ...               correction="raise the budget to 1200")
    >>> alert.evidence["planned_cost"], alert.kind.value
    (1200.0, 'over_budget')
    """

    kind: AlertKind
    severity: AlertSeverity
    subject: str
    on: date
    message: str
    evidence: Mapping[str, EvidenceValue] = field(converter=_read_only, hash=False)
    correction: str

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _ALERT_RULES.check(problems, self)
        if not isinstance(self.evidence, Mapping) or not self.evidence:
            problems.append(Problem("evidence", "expected a mapping with at least one entry"))
        else:
            for key, value in self.evidence.items():
                found = _evidence_problem(key, value)
                if found is not None:
                    problems.append(Problem(f"evidence[{key!r}]", found))
        checks.raise_if_any(problems)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and copy through the constructor: the evidence travels as a dict."""
        fields = {name: getattr(self, name) for name in _ALERT_FIELDS}
        fields["evidence"] = dict(self.evidence)
        return (_alert, (fields,))

    @property
    def sort_key(self) -> tuple[int, date, str, str]:
        """Severity (critical first), then date, subject and kind."""
        return (self.severity.rank, self.on, self.subject, self.kind.value)


_ALERT_FIELDS = ("kind", "severity", "subject", "on", "message", "evidence", "correction")


def _alert(fields: dict[str, Any]) -> Alert:
    return Alert(**fields)


_CAREER = checks.Instance(CareerPolicy)
_POLICY_LIMITS: dict[str, dict[str, Any]] = {
    "buffer_days": {"minimum": 0, "integer": True},
    "spi_t_warning": {"above": 0},
    "spi_t_critical": {"above": 0},
    "trajectory_grace_days": {"minimum": 0, "integer": True},
    "off_track_days": {"minimum": 0, "integer": True},
    "missed_occurrences": {"minimum": 1, "integer": True},
    "capacity_weeks": {"minimum": 1, "integer": True},
    "baseline_slip_days": {"minimum": 1, "integer": True},
    "creep_pushes": {"minimum": 1, "integer": True},
    "commitment_days": {"minimum": 0, "integer": True},
}


@frozen(kw_only=True)
class SlippagePolicy:
    """The thresholds of slippage detection.

    Parameters
    ----------
    buffer_days
        A goal whose buffer (the working days from its forecast finish to its
        deadline) is below this raises ``buffer``; 0 turns it off.
    spi_t_warning, spi_t_critical
        A goal whose SPI(t) is below ``spi_t_warning`` raises a
        ``behind_schedule`` warning, below ``spi_t_critical`` a critical one.
    trajectory_grace_days
        A metric more than this many calendar days behind its planned line
        raises ``below_trajectory``.
    off_track_days
        A metric is *off track* once it is more than this many calendar days
        behind its planned line; the alert says when that comes at the
        current rate, and is critical once it has.
    missed_occurrences
        A habit with at least this many occurrences due and not done raises
        ``missed_occurrences``.
    capacity_weeks
        How many weeks, from the week of the status date on, ``over_capacity``
        looks at.
    baseline_slip_days
        A goal finishing at least this many working days later than in the
        baseline raises ``baseline_slip``.
    creep_pushes
        A goal whose deadline was pushed back at least this many times
        raises ``deadline_creep``.
    commitment_days
        The commitment window: a deadline pushed back or a target lowered
        within this many calendar days before the deadline it replaces
        raises ``deadline_creep`` (Beeminder's "akrasia horizon" is 7 days).
    career
        The thresholds of the career signals (follow-ups, silent
        applications, offers, cold relationships), a
        :class:`~careerkit.career.policy.CareerPolicy`.

    Raises
    ------
    ValidationError
        A threshold is not a number in its range, or ``spi_t_critical`` is
        above ``spi_t_warning`` (the path names the field).

    Examples
    --------
    >>> SlippagePolicy(buffer_days=10).buffer_days
    10
    >>> SlippagePolicy(capacity_weeks=0)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: capacity_weeks: must be at least 1, got 0
    """

    buffer_days: int = 5
    spi_t_warning: float = 0.9
    spi_t_critical: float = 0.75
    trajectory_grace_days: int = 7
    off_track_days: int = 30
    missed_occurrences: int = 1
    capacity_weeks: int = 4
    baseline_slip_days: int = 1
    creep_pushes: int = 2
    commitment_days: int = 7
    career: CareerPolicy = Factory(CareerPolicy)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name, limits in _POLICY_LIMITS.items():
            checks.check_number(problems, name, getattr(self, name), **limits)
        _CAREER.check(problems, "career", self.career)
        if not problems and self.spi_t_critical > self.spi_t_warning:
            problems.append(Problem("spi_t_critical", "above spi_t_warning"))
        checks.raise_if_any(problems)
