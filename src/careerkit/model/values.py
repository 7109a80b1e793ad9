"""Small values of a plan: self-evaluation, calendar, metric, measurement, check-in, dependency."""

from __future__ import annotations

from datetime import date
from typing import Any

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules
from careerkit.model.enums import _MONDAY_TO_FRIDAY, Direction, Link, Source, Weekday
from careerkit.model.rules import MAX_DURATION, Choice, Date, Id, Items, Number, Text, Texts
from careerkit.model.skills import Skill

__all__ = ["Calendar", "CheckIn", "Dependency", "Measurement", "Metric", "Profile"]

# The rule of each field of the values below; rules across fields are the classes' own.
_PROFILE_FIELDS = rules.fields(
    "Profile",
    strengths=Texts(),
    weaknesses=Texts(),
    interests=Texts(),
    values=Texts(),
    skills=Items(Skill),
)
_WORKING_DAYS = Items(Weekday)
_HOLIDAYS = rules.Dates()
_CALENDAR_FIELDS = rules.fields(
    "Calendar",
    working_days=_WORKING_DAYS,
    holidays=_HOLIDAYS,
    hours_per_day=Number(above=0, maximum=24),
)
_METRIC_FIELDS = rules.fields(
    "Metric",
    name=Text(),
    unit=Text(required=False),
    baseline=Number(),
    target=Number(),
    direction=Choice(Direction),
)
_DAY = Date()
_MEASUREMENT_FIELDS = rules.fields(
    "Measurement", on=_DAY, value=Number(), note=Text(required=False)
)
_CHECK_IN_FIELDS = rules.fields(
    "CheckIn",
    on=Date(),
    satisfaction=Number(minimum=1, maximum=5, integer=True),
    source=Choice(Source),
    notes=Text(required=False),
)
_DEPENDENCY_FIELDS = rules.fields(
    "Dependency",
    task=Id(),
    link=Choice(Link),
    lag=Number(minimum=-MAX_DURATION, maximum=MAX_DURATION, integer=True),
)


@frozen(kw_only=True)
class Profile:
    """The self-evaluation a plan starts from.

    Goals name the entries they serve in ``Goal.relevant_to``.

    Parameters
    ----------
    strengths, weaknesses, interests, values
        Short phrases, each list without duplicates.
    skills
        The skills inventory, each skill once by name, with its level on the
        0-5 scale.

    Examples
    --------
    >>> Profile(strengths=("storytelling",), values=("growth",)).values
    ('growth',)
    """

    strengths: tuple[str, ...] = field(default=(), converter=rules.to_tuple)
    weaknesses: tuple[str, ...] = field(default=(), converter=rules.to_tuple)
    interests: tuple[str, ...] = field(default=(), converter=rules.to_tuple)
    values: tuple[str, ...] = field(default=(), converter=rules.to_tuple)
    skills: tuple[Skill, ...] = field(default=(), converter=rules.to_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if "skills" not in _PROFILE_FIELDS.check(problems, self):
            rules.report_repeated(problems, "skills", [skill.name for skill in self.skills], "name")
        rules.raise_if_any(problems)

    def skill(self, name: str, /) -> Skill | None:
        """The inventory's entry for the skill ``name``, or None.

        >>> Profile(skills=[Skill(name="SEO", level=3)]).skill("SEO").level
        3
        """
        return next((skill for skill in self.skills if skill.name == name), None)

    def entries(self) -> frozenset[str]:
        """Every strength, weakness, interest and value, for relevance links.

        >>> sorted(Profile(interests=("branding",), values=("growth",)).entries())
        ['branding', 'growth']
        """
        return frozenset((*self.strengths, *self.weaknesses, *self.interests, *self.values))

    def criteria(self) -> frozenset[str]:
        """The strengths, interests and values: what career options are rated on.

        >>> sorted(Profile(strengths=("writing",), weaknesses=("speaking",),
        ...                values=("growth",)).criteria())
        ['growth', 'writing']
        """
        return frozenset((*self.strengths, *self.interests, *self.values))


@frozen(kw_only=True)
class Calendar:
    """The working calendar that durations in working days are counted on.

    Parameters
    ----------
    working_days
        The weekdays that are worked, Monday to Friday by default.
    holidays
        Dates that are not worked even if their weekday is.
    hours_per_day
        Hours in one working day (above 0, at most 24).

    Examples
    --------
    >>> Calendar().working_days[-1]
    <Weekday.FRIDAY: 'friday'>
    >>> Calendar(working_days=())
    Traceback (most recent call last):
    careerkit.errors.ValidationError: working_days: at least one weekday must be worked
    """

    working_days: tuple[Weekday, ...] = field(default=_MONDAY_TO_FRIDAY, converter=rules.to_tuple)
    holidays: tuple[date, ...] = field(default=(), converter=rules.to_tuple)
    hours_per_day: float = 8.0

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _CALENDAR_FIELDS.check(problems, self)
        if _WORKING_DAYS.accepts(self.working_days):
            if not self.working_days:
                problems.append(Problem("working_days", "at least one weekday must be worked"))
            elif len(set(self.working_days)) != len(self.working_days):
                problems.append(Problem("working_days", "lists a weekday twice"))
        if _HOLIDAYS.accepts(self.holidays):
            seen: set[date] = set()
            for index, holiday in enumerate(self.holidays):
                if holiday in seen:
                    problems.append(Problem(f"holidays[{index}]", f"duplicate holiday {holiday}"))
                seen.add(holiday)
        rules.raise_if_any(problems)


@frozen(kw_only=True)
class Metric:
    """How a goal is measured: a quantity moving from a baseline to a target.

    Parameters
    ----------
    name
        What is measured, such as ``"professional contacts"``.
    unit
        The unit of the values, such as ``"people"`` (may be empty).
    baseline, target
        The value at the start and the value that achieves the goal.
    direction
        Whether the value should increase (default) or decrease; the target
        must lie on that side of the baseline.

    Examples
    --------
    >>> Metric(name="contacts", unit="people", baseline=40, target=120).direction
    <Direction.INCREASE: 'increase'>
    """

    name: str
    unit: str = ""
    baseline: float
    target: float
    direction: Direction = Direction.INCREASE

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if _METRIC_FIELDS.check(problems, self).isdisjoint(("baseline", "target", "direction")):
            if self.direction is Direction.INCREASE and self.target < self.baseline:
                problems.append(Problem("target", "below the baseline for an increasing metric"))
            if self.direction is Direction.DECREASE and self.target > self.baseline:
                problems.append(Problem("target", "above the baseline for a decreasing metric"))
        rules.raise_if_any(problems)


@frozen(kw_only=True)
class Measurement:
    """A dated value of a goal's metric.

    >>> Measurement(on=date(2026, 3, 1), value=55).value
    55
    """

    on: date
    value: float
    note: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _MEASUREMENT_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


@frozen(kw_only=True)
class CheckIn:
    """A dated check-in: how satisfied the person is and what others said.

    Parameters
    ----------
    on
        The date of the check-in.
    satisfaction
        1 (very unhappy with progress) to 5 (very happy).
    source
        Whose view this is: the person's own, or a mentor's, peer's, ...
    notes
        Free text, such as the feedback given.

    Examples
    --------
    >>> CheckIn(on=date(2026, 2, 1), satisfaction=4, source=Source.MENTOR).satisfaction
    4
    """

    on: date
    satisfaction: int
    source: Source = Source.SELF
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _CHECK_IN_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


@frozen(kw_only=True)
class Dependency:
    """A typed link to a predecessor task, with a lag or lead in working days.

    A plain task id in ``Task.depends_on`` means finish-to-start without lag;
    such a dependency is stored as the plain id, so both spellings are equal.

    Parameters
    ----------
    task
        The predecessor's id.
    link
        Which ends are tied (finish-to-start by default).
    lag
        Working days between the tied ends: positive waits, negative (a lead)
        overlaps.

    Examples
    --------
    >>> apply = Task(id="apply", goal="g", title="Apply for the promotion",
    ...              depends_on=[Dependency(task="cert", lag=60)])
    >>> apply.depends_on[0].lag
    60
    >>> Task(id="t", goal="g", title="T", depends_on=[Dependency(task="a")]).depends_on
    ('a',)
    """

    task: str
    link: Link = Link.FINISH_TO_START
    lag: int = 0

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _DEPENDENCY_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


def _to_dependencies(value: Any) -> Any:
    """A tuple of dependencies, plain finish-to-start ones as their ids."""
    if type(value) is list:  # as rules.to_tuple does, without a call: this runs for every task
        value = tuple(value)
    if type(value) is tuple:
        for item in value:
            if type(item) is not str:
                return tuple(
                    item.task
                    if type(item) is Dependency
                    and item.link is Link.FINISH_TO_START
                    and item.lag == 0
                    else item
                    for item in value
                )
    return value
