"""A career goal."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules
from careerkit.model.enums import Category, GoalStatus, Horizon
from careerkit.model.rules import Choice, Date, Id, Text
from careerkit.model.skills import SkillGain
from careerkit.model.values import Measurement, Metric

__all__ = ["Goal"]

_FIELDS = rules.fields(
    "Goal",
    id=Id(),
    title=Text(),
    description=Text(required=False),
    horizon=Choice(Horizon),
    category=Choice(Category),
    parent=Id(optional=True),
    depends_on=rules.Ids(),
    start=Date(optional=True),
    deadline=Date(optional=True),
    metric=rules.Instance(Metric, optional=True),
    weight=rules.Number(minimum=0),
    status=Choice(GoalStatus),
    backup_for=Id(optional=True),
    relevant_to=rules.Texts(),
    achieved_on=Date(optional=True),
    measurements=rules.Items(Measurement),
    builds=rules.Items(SkillGain),
)
"""The rule of each field of a goal; rules across fields are the class's own methods."""


@frozen(kw_only=True)
class Goal:
    """A career goal.

    Parameters
    ----------
    id
        Unique among the plan's goals.
    title
        What is achieved, such as "Earn the Google Analytics certification".
    description
        Longer free text.
    horizon
        Short, medium or long term.
    category
        What kind of goal (learning, networking, ...).
    parent
        The longer-term goal this one breaks down.
    depends_on
        Goals that must be reached first: their tasks come before this
        goal's tasks.
    start, deadline
        When work on the goal starts (the plan's start if omitted) and when
        it must be reached.
    metric
        How the goal is measured, if it is.
    weight
        Relative importance among goals (0 or more, default 1).
    status
        Active, achieved, abandoned or on hold; achieved needs
        ``achieved_on``.
    backup_for
        The goal this one is a contingency for.
    relevant_to
        Entries of the plan's profile this goal serves.
    achieved_on
        When the goal was reached.
    measurements
        Dated values of the metric.
    builds
        The skills reaching the goal develops (a certification, say), each
        raised when the goal is achieved.

    Examples
    --------
    >>> goal = Goal(id="cert", title="Earn the Google Analytics certification",
    ...             deadline=date(2027, 6, 30))
    >>> goal.status
    <GoalStatus.ACTIVE: 'active'>
    """

    id: str
    title: str
    description: str = ""
    horizon: Horizon = Horizon.MEDIUM
    category: Category = Category.OTHER
    parent: str | None = None
    depends_on: tuple[str, ...] = field(default=(), converter=rules.to_tuple)
    start: date | None = None
    deadline: date | None = None
    metric: Metric | None = None
    weight: float = 1.0
    status: GoalStatus = GoalStatus.ACTIVE
    backup_for: str | None = None
    relevant_to: tuple[str, ...] = field(default=(), converter=rules.to_tuple)
    achieved_on: date | None = None
    measurements: tuple[Measurement, ...] = field(default=(), converter=rules.to_tuple)
    builds: tuple[SkillGain, ...] = field(default=(), converter=rules.to_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        wrong = _FIELDS.check(problems, self)
        if self.parent is not None and self.parent == self.id:
            problems.append(Problem("parent", "a goal cannot be its own parent"))
        if type(self.depends_on) is tuple and self.id in self.depends_on:
            index = self.depends_on.index(self.id)
            problems.append(Problem(f"depends_on[{index}]", "a goal cannot depend on itself"))
        if self.backup_for is not None and self.backup_for == self.id:
            problems.append(Problem("backup_for", "a goal cannot be its own backup"))
        self._check_dates(problems, wrong)
        rules.raise_if_any(problems)

    def _check_dates(self, problems: list[Problem], wrong: frozenset[str]) -> None:
        """The rules across fields, each checked when its fields are sound on their own."""
        dated = wrong.isdisjoint(("start", "deadline"))
        if dated and self.start and self.deadline and self.deadline < self.start:
            problems.append(
                Problem("deadline", f"{self.deadline} is before the start {self.start}")
            )
        if wrong.isdisjoint(("start", "status", "achieved_on")):
            self._check_achieved(problems)
        measured = wrong.isdisjoint(("metric", "measurements"))
        if measured and self.metric is None and self.measurements:
            problems.append(Problem("measurements", "measurements need a metric"))

    def _check_achieved(self, problems: list[Problem]) -> None:
        if self.status is GoalStatus.ACHIEVED and self.achieved_on is None:
            problems.append(Problem("achieved_on", "an achieved goal needs achieved_on"))
        if self.achieved_on is not None:
            if self.status is not GoalStatus.ACHIEVED:
                problems.append(
                    Problem("achieved_on", f"set, but the status is {self.status.value}")
                )
            elif self.start and self.achieved_on < self.start:
                problems.append(
                    Problem("achieved_on", f"{self.achieved_on} is before the start {self.start}")
                )
