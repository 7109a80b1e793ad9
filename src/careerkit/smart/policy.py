"""What the SMART rules are given: the thresholds, and the subject being judged.

A :class:`SmartPolicy` holds the thresholds of the built-in rules and the
custom rules to add. A rule is a function of a :class:`RuleContext` (the
structured goal, its plan, the date and the policy) returning findings.
The rules on wording, measures and dates (S, M and T) read the goal through
the :class:`Judged` questions, which a goal written as one sentence answers
too (:func:`careerkit.assess_text`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Protocol

import attrs
from attrs import Factory, field, frozen

from careerkit.errors import Problem
from careerkit.model import Goal, GoalStatus, Horizon, Metric, Plan
from careerkit.model import rules as checks
from careerkit.model.arguments import checked_instance
from careerkit.scheduling import GoalSchedule
from careerkit.smart import _wording as wording
from careerkit.smart._facts import PlanFacts
from careerkit.smart.findings import Finding

__all__ = ["Judged", "Rule", "RuleContext", "SmartPolicy", "policy_or_default"]

Rule = Callable[["RuleContext"], Iterable[Finding]]
"""The type of a custom rule, a function of the goal being judged (a :class:`RuleContext`:
``context.goal``, with ``context.plan``, ``context.as_of``,
``context.policy`` and ``context.forecast(goal_id)``) returning findings."""


def _read_only(value: object) -> object:
    """A mapping given as a read-only copy; anything else is left for the checks."""
    return MappingProxyType(dict(value)) if isinstance(value, Mapping) else value


@frozen(kw_only=True)
class SmartPolicy:
    """Thresholds of the SMART rules, and custom rules to add.

    Parameters
    ----------
    min_title_words
        Fewer words than this make a title too short (S002).
    max_active_goals
        More active goals than this are not achievable together (A003).
    rate_factor
        How many times faster than so far a metric may be asked to improve
        (A002).
    horizon_years
        The longest span, in years from start to deadline, for short- and
        medium-term goals; a long-term goal is expected to take at least
        the short-term span (T004).
    rules
        Extra rules, run after the built-in ones.

    Examples
    --------
    >>> SmartPolicy(max_active_goals=3).max_active_goals
    3
    """

    min_title_words: int = 3
    max_active_goals: int = 7
    rate_factor: float = 3.0
    horizon_years: Mapping[Horizon, float] = field(
        factory=lambda: {Horizon.SHORT: 1.0, Horizon.MEDIUM: 3.0, Horizon.LONG: 10.0},
        converter=_read_only,
        hash=False,
    )
    rules: tuple[Rule, ...] = field(default=(), converter=checks.to_tuple)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and copy through the constructor: the spans travel as a plain dict."""
        fields = {name: getattr(self, name) for name in _POLICY_FIELDS}
        fields["horizon_years"] = dict(self.horizon_years)
        return (_policy, (fields,))

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_number(
            problems, "min_title_words", self.min_title_words, minimum=1, integer=True
        )
        checks.check_number(
            problems, "max_active_goals", self.max_active_goals, minimum=1, integer=True
        )
        checks.check_number(problems, "rate_factor", self.rate_factor, above=0)
        years = self.horizon_years
        if not isinstance(years, Mapping):
            problems.append(
                Problem("horizon_years", f"expected a mapping, got {checks.describe(years)}")
            )
        else:
            for horizon in Horizon:
                if horizon not in years:
                    problems.append(Problem("horizon_years", f"no span for {horizon.value!r}"))
                else:
                    path = f"horizon_years[{horizon.value}]"
                    checks.check_number(problems, path, years[horizon], above=0)
            for key in years:
                if not isinstance(key, Horizon):
                    problems.append(Problem("horizon_years", f"{key!r} is not a Horizon"))
        if type(self.rules) is not tuple:
            problems.append(
                Problem("rules", f"expected a tuple of rules, got {checks.describe(self.rules)}")
            )
        else:
            for position, rule in enumerate(self.rules):
                if not callable(rule):
                    problems.append(
                        Problem(
                            f"rules[{position}]",
                            f"expected a function, got {checks.describe(rule)}",
                        )
                    )
        checks.raise_if_any(problems)


def policy_or_default(policy: object) -> SmartPolicy:
    """A caller's ``policy`` argument, checked: the defaults when None.

    >>> policy_or_default({"min_title_words": 2})
    Traceback (most recent call last):
    careerkit.errors.ValidationError: policy: expected a SmartPolicy, got dict
    """
    return SmartPolicy() if policy is None else checked_instance(policy, SmartPolicy, "policy")


class Judged(Protocol):
    """What the rules on wording, measures and dates ask of a goal.

    A structured goal (:class:`RuleContext`) and a goal written as one
    sentence both answer these questions.
    """

    @property
    def title(self) -> str:
        """The goal as written, for messages."""

    @property
    def wording(self) -> str:
        """The words judged for Specific, in lower case."""

    @property
    def countable(self) -> bool:
        """Whether the wording names a quantity or a credential (so it is not vague)."""

    @property
    def measured(self) -> bool:
        """Whether something says when the goal is reached."""

    @property
    def metric(self) -> Metric | None:
        """The goal's metric, if it has one."""

    @property
    def deadline(self) -> date | None:
        """The goal's deadline, if it has one."""

    @property
    def timed(self) -> bool:
        """Whether the goal is bound in time without a single deadline (a cadence, a season)."""

    @property
    def active(self) -> bool:
        """Whether the goal is still being worked on."""

    @property
    def horizon(self) -> Horizon | None:
        """The goal's horizon, if it has one."""

    @property
    def begin(self) -> date | None:
        """When work on the goal begins, if known."""

    @property
    def as_of(self) -> date | None:
        """The date of the judgement."""

    @property
    def policy(self) -> SmartPolicy:
        """The thresholds."""


@frozen(kw_only=True)
class RuleContext:
    """A structured goal being judged, with what the rules may use.

    ``plan`` and ``as_of`` are None when the caller gave none. The plan's
    schedule and other figures are computed once and shared by the goals
    of one :func:`careerkit.assess_plan` call.

    Examples
    --------
    >>> context = RuleContext(goal=Goal(id="g", title="Earn the PMP certification"))
    >>> context.countable, context.measured
    (True, False)
    """

    goal: Goal
    plan: Plan | None = None
    as_of: date | None = None
    policy: SmartPolicy = field(factory=SmartPolicy)
    _facts: PlanFacts | None = field(
        default=Factory(lambda self: self._own_facts(), takes_self=True),
        alias="facts",
        eq=False,
        repr=False,
    )

    def _own_facts(self) -> PlanFacts | None:
        return None if self.plan is None else PlanFacts(self.plan, self.as_of, None)

    def forecast(self, goal_id: str) -> GoalSchedule | None:
        """A goal's forecast in the plan's schedule as of ``as_of``; None without
        a plan or a date, or when the calendar cannot schedule the plan."""
        if self._facts is None or self.as_of is None:
            return None
        forecasts = self._facts.forecasts
        return None if forecasts is None else forecasts.get(goal_id)

    @property
    def title(self) -> str:
        """The goal's title."""
        return self.goal.title

    @property
    def wording(self) -> str:
        """The goal's title in lower case."""
        return self.goal.title.lower()

    @property
    def countable(self) -> bool:
        """Whether the title names a quantity or a credential (dates and spans of
        time left out)."""
        text = wording.untimed(self.wording)
        return bool(wording.QUANTITY.search(text) or wording.CREDENTIAL.search(text))

    @property
    def measured(self) -> bool:
        """Whether the goal has a metric or tasks."""
        if self.goal.metric is not None:
            return True
        return self._facts is not None and self.goal.id in self._facts.goals_with_tasks

    @property
    def metric(self) -> Metric | None:
        """The goal's metric."""
        return self.goal.metric

    @property
    def deadline(self) -> date | None:
        """The goal's own deadline."""
        return self.goal.deadline

    @property
    def timed(self) -> bool:
        """Never: a structured goal is bound in time by its deadline only."""
        return False

    @property
    def active(self) -> bool:
        """Whether the goal's status is active."""
        return self.goal.status is GoalStatus.ACTIVE

    @property
    def horizon(self) -> Horizon:
        """The goal's horizon."""
        return self.goal.horizon

    @property
    def begin(self) -> date | None:
        """The goal's start, else the plan's, else the date of the judgement."""
        return self.goal.start or (self.plan.start if self.plan is not None else None) or self.as_of


_POLICY_FIELDS = tuple(attribute.name for attribute in attrs.fields(SmartPolicy))


def _policy(fields: dict[str, Any]) -> SmartPolicy:
    """A policy rebuilt from its fields, for pickle and copy."""
    return SmartPolicy(**fields)
