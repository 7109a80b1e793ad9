"""Health: whether a goal or a plan is on track, from a policy's thresholds.

Three signals judge a goal that is neither done nor yet to start, each
mapped to :class:`Health` by the thresholds of a :class:`HealthPolicy`:

* **SPI(t)**, the schedule performance index in time (earned schedule over
  actual time, in working days): below ``spi_t_at_risk`` is at risk, below
  ``spi_t_off_track`` off track;
* **slack**, the working days between the goal's forecast finish and its
  deadline in the schedule as of the status date: below ``slack_at_risk``
  is at risk, negative (late) off track;
* **metric**, how far the metric lags behind its planned line (the
  straight line from baseline on the goal's start to target on its
  deadline), as a fraction of the range from baseline to target: more than
  ``metric_at_risk`` is at risk, more than ``metric_off_track`` off track.

A signal that cannot be read (nothing planned yet, no deadline, no
measurement) does not vote. The signals are **reconciled** so: the slack
speaks for the deadline through the whole dependency graph, so when it is
at risk or off track, it decides; when it leaves room, SPI(t) and the metric
can make the goal at risk but never off track (behind its plan, yet its
deadline holds); without a deadline, the worst of SPI(t) and the metric
wins. Among signals of the same health, the first in the order SPI(t),
slack, metric decides (the order of :class:`Signal`). With no signal at
all, the goal is on track and :attr:`Signal.NONE` decides.
"""

from __future__ import annotations

import enum
import math

from attrs import field, frozen

from careerkit.errors import ValidationError
from careerkit.model.arguments import checked_instance

__all__ = ["Health", "HealthPolicy", "Signal", "checked_policy", "judge"]


class Health(enum.Enum):
    """How a goal or a plan stands.

    >>> Health("at_risk")
    <Health.AT_RISK: 'at_risk'>
    """

    ON_TRACK = "on_track"
    """As planned, or close enough."""
    AT_RISK = "at_risk"
    """Behind by more than the policy tolerates; still recoverable."""
    OFF_TRACK = "off_track"
    """Well behind, or forecast to miss the deadline."""
    DONE = "done"
    """Achieved, or all of its work done."""
    NOT_STARTED = "not_started"
    """Nothing planned yet and nothing done."""


_RANK = {Health.ON_TRACK: 0, Health.AT_RISK: 1, Health.OFF_TRACK: 2}


class Signal(enum.Enum):
    """What decided a health, in the order ties are broken.

    >>> [signal.value for signal in Signal]
    ['spi_t', 'slack', 'metric', 'status', 'none']
    """

    SPI_T = "spi_t"
    """The schedule performance index in time."""
    SLACK = "slack"
    """The forecast slack before the deadline."""
    METRIC = "metric"
    """The metric against its planned line."""
    STATUS = "status"
    """The state of the work itself, done or not yet started."""
    NONE = "none"
    """No signal could be read."""


def _fraction(_: object, attribute: object, value: object) -> None:
    name = getattr(attribute, "name", "value")
    if type(value) is bool or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(path=name, problem=f"expected a finite number, got {value!r}")
    if value < 0:
        raise ValidationError(path=name, problem=f"must not be negative, got {value!r}")


def _days(_: object, attribute: object, value: object) -> None:
    name = getattr(attribute, "name", "value")
    if type(value) is not int:
        raise ValidationError(path=name, problem=f"expected an integer, got {value!r}")
    if value < 0:
        raise ValidationError(path=name, problem=f"must not be negative, got {value!r}")


@frozen(kw_only=True)
class HealthPolicy:
    """The thresholds of health (see the module's description of the rule).

    Each pair must be ordered: the off-track threshold is the harsher one.

    Raises
    ------
    ValidationError
        A threshold is not a number (a slack: not an integer), is negative,
        or a pair is out of order; the path names the field.

    Examples
    --------
    >>> HealthPolicy().spi_t_at_risk, HealthPolicy().slack_at_risk
    (0.95, 5)
    >>> HealthPolicy(spi_t_at_risk=0.8)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: spi_t_off_track: 0.85 is above spi_t_at_risk 0.8
    """

    spi_t_at_risk: float = field(default=0.95, validator=_fraction)
    """SPI(t) below this is at risk."""
    spi_t_off_track: float = field(default=0.85, validator=_fraction)
    """SPI(t) below this is off track."""
    slack_at_risk: int = field(default=5, validator=_days)
    """Forecast slack below this many working days is at risk; negative is off track."""
    metric_at_risk: float = field(default=0.10, validator=_fraction)
    """A metric behind its planned line by more than this share of its range is at risk."""
    metric_off_track: float = field(default=0.25, validator=_fraction)
    """... and by more than this share, off track."""

    def __attrs_post_init__(self) -> None:
        if self.spi_t_off_track > self.spi_t_at_risk:
            raise ValidationError(
                path="spi_t_off_track",
                problem=f"{self.spi_t_off_track} is above spi_t_at_risk {self.spi_t_at_risk}",
            )
        if self.metric_off_track < self.metric_at_risk:
            raise ValidationError(
                path="metric_off_track",
                problem=f"{self.metric_off_track} is below metric_at_risk {self.metric_at_risk}",
            )


def judge(
    policy: HealthPolicy,
    *,
    spi_t: float | None,
    slack: int | None,
    metric_gap: float | None,
) -> tuple[Health, Signal]:
    """The health the signals give under ``policy``, and the signal that decided.

    ``metric_gap`` is the planned fraction of the metric minus its actual
    fraction (positive when behind). None means the signal cannot be read.

    The rule: the forecast slack, read through the whole dependency graph,
    speaks for the deadline, so when it is at risk or off track it decides.
    When it leaves room (at least ``slack_at_risk`` working days), pace
    (SPI(t)) and the metric can make the goal at risk, never off track: it is
    behind its plan, but its deadline still holds. Without a slack (no
    deadline) the worst of pace and metric decides. Ties go to SPI(t), then
    the metric.

    >>> judge(HealthPolicy(), spi_t=0.9, slack=-2, metric_gap=0.0)
    (<Health.OFF_TRACK: 'off_track'>, <Signal.SLACK: 'slack'>)
    >>> judge(HealthPolicy(), spi_t=0.5, slack=40, metric_gap=None)
    (<Health.AT_RISK: 'at_risk'>, <Signal.SPI_T: 'spi_t'>)
    >>> judge(HealthPolicy(), spi_t=0.5, slack=None, metric_gap=None)
    (<Health.OFF_TRACK: 'off_track'>, <Signal.SPI_T: 'spi_t'>)
    >>> judge(HealthPolicy(), spi_t=None, slack=None, metric_gap=None)
    (<Health.ON_TRACK: 'on_track'>, <Signal.NONE: 'none'>)
    """
    votes: list[tuple[Health, Signal]] = []
    if spi_t is not None:
        votes.append((_below(spi_t, policy.spi_t_at_risk, policy.spi_t_off_track), Signal.SPI_T))
    if metric_gap is not None:
        votes.append(
            (_below(-metric_gap, -policy.metric_at_risk, -policy.metric_off_track), Signal.METRIC)
        )
    if slack is not None:
        deadline = _below(slack, policy.slack_at_risk, 0)
        if deadline is not Health.ON_TRACK:
            return deadline, Signal.SLACK
        votes = [(_at_most_at_risk(health), signal) for health, signal in votes]
        votes.append((Health.ON_TRACK, Signal.SLACK))
    if not votes:
        return Health.ON_TRACK, Signal.NONE
    worst = max(_RANK[health] for health, _ in votes)
    return next(vote for vote in votes if _RANK[vote[0]] == worst)


def _at_most_at_risk(health: Health) -> Health:
    return Health.AT_RISK if health is Health.OFF_TRACK else health


def _below(value: float, at_risk: float, off_track: float) -> Health:
    """Off track strictly below ``off_track``, at risk strictly below ``at_risk``."""
    if value < off_track:
        return Health.OFF_TRACK
    if value < at_risk:
        return Health.AT_RISK
    return Health.ON_TRACK


def checked_policy(policy: object) -> HealthPolicy:
    """``policy`` itself, the default policy for None; a ValidationError naming ``policy``
    for anything else.

    >>> checked_policy(None) == HealthPolicy()
    True
    >>> checked_policy({"slack_at_risk": 3})
    Traceback (most recent call last):
    careerkit.errors.ValidationError: policy: expected a HealthPolicy, got dict
    """
    return HealthPolicy() if policy is None else checked_instance(policy, HealthPolicy, "policy")
