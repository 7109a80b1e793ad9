"""A career goal."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules as checks
from careerkit.model.enums import Category, GoalStatus, Horizon
from careerkit.model.values import Measurement, Metric

__all__ = ["Goal"]


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
    depends_on: tuple[str, ...] = field(default=(), converter=checks.to_tuple)
    start: date | None = None
    deadline: date | None = None
    metric: Metric | None = None
    weight: float = 1.0
    status: GoalStatus = GoalStatus.ACTIVE
    backup_for: str | None = None
    relevant_to: tuple[str, ...] = field(default=(), converter=checks.to_tuple)
    achieved_on: date | None = None
    measurements: tuple[Measurement, ...] = field(default=(), converter=checks.to_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_id(problems, "id", self.id)
        checks.check_text(problems, "title", self.title)
        checks.check_text(problems, "description", self.description, required=False)
        checks.check_enum(problems, "horizon", self.horizon, Horizon)
        checks.check_enum(problems, "category", self.category, Category)
        if self.parent is not None:
            checks.check_id(problems, "parent", self.parent)
            if self.parent == self.id:
                problems.append(Problem("parent", "a goal cannot be its own parent"))
        checks.check_ids(problems, "depends_on", self.depends_on)
        if type(self.depends_on) is tuple and self.id in self.depends_on:
            index = self.depends_on.index(self.id)
            problems.append(Problem(f"depends_on[{index}]", "a goal cannot depend on itself"))
        checks.check_date(problems, "start", self.start, optional=True)
        checks.check_date(problems, "deadline", self.deadline, optional=True)
        if self.metric is not None and not isinstance(self.metric, Metric):
            problems.append(Problem("metric", f"expected Metric, got {type(self.metric).__name__}"))
        checks.check_number(problems, "weight", self.weight, minimum=0)
        checks.check_enum(problems, "status", self.status, GoalStatus)
        if self.backup_for is not None:
            checks.check_id(problems, "backup_for", self.backup_for)
            if self.backup_for == self.id:
                problems.append(Problem("backup_for", "a goal cannot be its own backup"))
        checks.check_texts(problems, "relevant_to", self.relevant_to)
        checks.check_date(problems, "achieved_on", self.achieved_on, optional=True)
        checks.check_items(problems, "measurements", self.measurements, Measurement)
        if not problems:
            self._check_dates(problems)
        checks.raise_if_any(problems)

    def _check_dates(self, problems: list[Problem]) -> None:
        if self.start and self.deadline and self.deadline < self.start:
            problems.append(
                Problem("deadline", f"{self.deadline} is before the start {self.start}")
            )
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
        if self.metric is None and self.measurements:
            problems.append(Problem("measurements", "measurements need a metric"))
