"""The small values of a review: its policy, wins, corrections and satisfaction trend.

:class:`~careerkit.planning.review.Review` holds them; they are re-exported
by :mod:`careerkit.planning.review`, their public home.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.io import result_document
from careerkit.model import rules as checks
from careerkit.planning.alerts import EvidenceValue, SlippagePolicy
from careerkit.planning.alerts import _evidence_problem as evidence_problem
from careerkit.planning.forecast import MAX_RUNS
from careerkit.planning.forecast_results import ForecastPolicy
from careerkit.planning.health import HealthPolicy

__all__ = ["Correction", "CorrectionCode", "ReviewPolicy", "Satisfaction", "Win", "WinKind"]


class WinKind(enum.Enum):
    """What a win is; the values are stable codes.

    >>> WinKind("goal_achieved")
    <WinKind.GOAL_ACHIEVED: 'goal_achieved'>
    """

    GOAL_ACHIEVED = "goal_achieved"
    """A goal achieved (``Goal.achieved_on``) in the window."""
    TASK_DONE = "task_done"
    """A task (not a habit) done (``Task.done_on``) in the window."""
    OCCURRENCES_DONE = "occurrences_done"
    """A habit's occurrences done in the window (``Task.done_occurrences``)."""
    METRIC_IMPROVED = "metric_improved"
    """A measurement better than the one before it (the baseline for the first)."""


class CorrectionCode(enum.Enum):
    """What a suggested course correction does; the values are stable codes.

    >>> CorrectionCode("activate_backup")
    <CorrectionCode.ACTIVATE_BACKUP: 'activate_backup'>
    """

    MOVE_DEADLINE = "move_deadline"
    """Move a goal's deadline to its P85 finish in the schedule-risk forecast."""
    ACTIVATE_BACKUP = "activate_backup"
    """Activate a backup goal, because the goal it backs is off track or past its deadline."""
    POSTPONE_TASK = "postpone_task"
    """Move work out of a week planned above capacity (the ``over_capacity`` alert's)."""
    ADD_TASK = "add_task"
    """Give an active goal without any work at least one task."""

    @property
    def rank(self) -> int:
        """The order in which corrections are listed, that of the members."""
        return _CODES.index(self)


_CODES = tuple(CorrectionCode)


def _read_only(value: object) -> object:
    """A mapping as a read-only copy; anything else is left for the checks."""
    return MappingProxyType(dict(value)) if isinstance(value, Mapping) else value


_WIN_RULES = checks.fields(
    "Win",
    kind=checks.Choice(WinKind),
    subject=checks.Id(),
    on=checks.Date(any_year=True),
    message=checks.Text(),
)


@result_document("win")
@frozen(kw_only=True)
class Win:
    """Something to celebrate: a goal achieved, a task done, a metric improved.

    .. versionadded:: 0.1.0

    Parameters
    ----------
    kind
        What it is.
    subject
        The id of the goal or task.
    on
        The day it happened (the last one, for a habit's occurrences).
    message
        Plain language, with the numbers.

    Examples
    --------
    >>> Win(kind=WinKind.TASK_DONE, subject="ga-exam", on=date(2026, 3, 27),
    ...     message="`ga-exam` is done").kind.value
    'task_done'
    """

    kind: WinKind
    subject: str
    on: date
    message: str

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _WIN_RULES.check(problems, self)
        checks.raise_if_any(problems)

    @property
    def sort_key(self) -> tuple[date, str, str]:
        """Date, then kind, then subject."""
        return (self.on, self.kind.value, self.subject)


_CORRECTION_RULES = checks.fields(
    "Correction",
    code=checks.Choice(CorrectionCode),
    subject=checks.Id(),
    message=checks.Text(),
)


@result_document("correction")
@frozen(kw_only=True)
class Correction:
    """A suggested course correction, with the numbers behind it.

    .. versionadded:: 0.1.0

    Parameters
    ----------
    code
        What it does.
    subject
        The id of the goal or task to change.
    message
        The correction in plain language, with its numbers.
    evidence
        The numbers behind it by key, as an alert's evidence (values are
        numbers, floats finite, text, flags, dates, tuples of ids or None);
        held read-only.

    Examples
    --------
    >>> correction = Correction(code=CorrectionCode.ADD_TASK, subject="brand",
    ...                         message="give goal `brand` at least one task",
    ...                         evidence={"tasks": 0})
    >>> correction.code.value, correction.evidence["tasks"]
    ('add_task', 0)
    """

    code: CorrectionCode
    subject: str
    message: str
    evidence: Mapping[str, EvidenceValue] = field(converter=_read_only, hash=False)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _CORRECTION_RULES.check(problems, self)
        if not isinstance(self.evidence, Mapping) or not self.evidence:
            problems.append(Problem("evidence", "expected a mapping with at least one entry"))
        else:
            for key, value in self.evidence.items():
                found = evidence_problem(key, value)  # the alerts' rule of evidence
                if found is not None:
                    problems.append(Problem(f"evidence[{key!r}]", found))
        checks.raise_if_any(problems)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and copy through the constructor: the evidence travels as a dict."""
        fields = {"code": self.code, "subject": self.subject, "message": self.message}
        return (_correction, ({**fields, "evidence": dict(self.evidence)},))

    @property
    def sort_key(self) -> tuple[int, str]:
        """Code (in :class:`CorrectionCode`'s order), then subject."""
        return (self.code.rank, self.subject)


def _correction(fields: dict[str, Any]) -> Correction:
    return Correction(**fields)


@result_document("satisfaction")
@frozen(kw_only=True)
class Satisfaction:
    """The trend of the plan's check-ins (satisfaction 1 to 5) up to the review.

    .. versionadded:: 0.1.0

    Every figure is None without a check-in; ``slope_per_month`` is None
    with fewer than two days of check-ins in the window.

    Examples
    --------
    >>> Satisfaction(check_ins=0, window=3, latest=None, latest_on=None,
    ...              average=None, slope_per_month=None).latest is None
    True
    """

    check_ins: int
    """How many check-ins there are on or before the status date."""
    window: int
    """How many of the latest check-ins the average and the slope read."""
    latest: int | None
    """The satisfaction of the latest check-in."""
    latest_on: date | None
    """Its date."""
    average: float | None
    """The mean satisfaction of the latest ``window`` check-ins."""
    slope_per_month: float | None
    """The least-squares slope of those check-ins, in points per month (of
    365.2425 / 12 days)."""


_POLICY_NUMBERS: dict[str, dict[str, Any]] = {
    "seed": {"integer": True},
    "runs": {"minimum": 1, "maximum": MAX_RUNS, "integer": True},
    "wins_days": {"minimum": 1, "maximum": checks.MAX_DURATION, "integer": True, "optional": True},
    "satisfaction_window": {"minimum": 2, "maximum": checks.MAX_DURATION, "integer": True},
}
_POLICY_TYPES = {"health": HealthPolicy, "slippage": SlippagePolicy, "forecast": ForecastPolicy}


@frozen(kw_only=True)
class ReviewPolicy:
    """The settings of a review.

    .. versionadded:: 0.1.0

    Parameters
    ----------
    health
        The thresholds of progress health.
    slippage
        The thresholds of slippage detection.
    forecast
        The settings of the schedule-risk forecast.
    seed
        The seed of the forecast's random draws.
    runs
        The forecast's Monte Carlo runs, 1 to ``MAX_RUNS``.
    wins_days
        Without a check-in or revision before the status date, wins are
        counted from the plan's start when None, else over the last
        ``wins_days`` calendar days (not before the plan's start).
    satisfaction_window
        How many of the latest check-ins the satisfaction average and
        slope read (at least 2).

    Raises
    ------
    ValidationError
        A field is of the wrong type or out of range (the path names it).

    Examples
    --------
    >>> ReviewPolicy().runs, ReviewPolicy().seed
    (10000, 0)
    >>> ReviewPolicy(runs=0)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: runs: must be at least 1, got 0
    """

    health: HealthPolicy = field(factory=HealthPolicy)
    slippage: SlippagePolicy = field(factory=SlippagePolicy)
    forecast: ForecastPolicy = field(factory=ForecastPolicy)
    seed: int = 0
    runs: int = 10_000
    wins_days: int | None = None
    satisfaction_window: int = 3

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name, kind in _POLICY_TYPES.items():
            value = getattr(self, name)
            if not isinstance(value, kind):
                found = type(value).__name__
                problems.append(Problem(name, f"expected a {kind.__name__}, got {found}"))
        for name, limits in _POLICY_NUMBERS.items():
            checks.check_number(problems, name, getattr(self, name), **limits)
        checks.raise_if_any(problems)
