"""The closed sets of choices in a plan: horizons, categories, statuses, weekdays, links."""

from __future__ import annotations

import enum
from datetime import date

__all__ = [
    "Category",
    "Direction",
    "GoalStatus",
    "Horizon",
    "Link",
    "Source",
    "Status",
    "Weekday",
]


class Horizon(enum.Enum):
    """How far away a goal is: short (under a year), medium (one to three
    years) or long term.

    >>> Horizon("long")
    <Horizon.LONG: 'long'>
    """

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class Category(enum.Enum):
    """What kind of career goal this is.

    >>> Category.JOB_SEARCH.value
    'job_search'
    """

    LEARNING = "learning"
    SKILLS = "skills"
    NETWORKING = "networking"
    MENTORSHIP = "mentorship"
    JOB_SEARCH = "job_search"
    PERSONAL_BRAND = "personal_brand"
    EXPERIENCE = "experience"
    OTHER = "other"


class GoalStatus(enum.Enum):
    """Where a goal stands.

    >>> GoalStatus.ON_HOLD.value
    'on_hold'
    """

    ACTIVE = "active"
    ACHIEVED = "achieved"
    ABANDONED = "abandoned"
    ON_HOLD = "on_hold"


class Status(enum.Enum):
    """Where a task stands.

    >>> Status("in_progress")
    <Status.IN_PROGRESS: 'in_progress'>
    """

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Direction(enum.Enum):
    """Whether a metric should go up or down to reach its target.

    >>> Direction.DECREASE.value
    'decrease'
    """

    INCREASE = "increase"
    DECREASE = "decrease"


class Source(enum.Enum):
    """Who gave the feedback recorded in a check-in.

    >>> Source("mentor")
    <Source.MENTOR: 'mentor'>
    """

    SELF = "self"
    MENTOR = "mentor"
    PEER = "peer"
    MANAGER = "manager"
    COACH = "coach"


class Weekday(enum.Enum):
    """A day of the week; ``number`` matches :meth:`datetime.date.weekday`.

    >>> Weekday.FRIDAY.number
    4
    >>> Weekday.of(date(2026, 11, 26))
    <Weekday.THURSDAY: 'thursday'>
    """

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """0 for Monday through 6 for Sunday."""
        return _WEEKDAY_NUMBERS[self]

    @classmethod
    def of(cls, day: date) -> Weekday:
        """The weekday of a date."""
        return _WEEKDAYS[day.weekday()]


class Link(enum.Enum):
    """How a task depends on another: which ends of the two are tied.

    ``FINISH_TO_START`` (the default): the task starts after the other
    finishes. ``START_TO_START``: it starts after the other starts.
    ``FINISH_TO_FINISH``: it finishes after the other finishes.
    ``START_TO_FINISH``: it finishes after the other starts.

    >>> Link("ss")
    <Link.START_TO_START: 'ss'>
    """

    FINISH_TO_START = "fs"
    START_TO_START = "ss"
    FINISH_TO_FINISH = "ff"
    START_TO_FINISH = "sf"


_WEEKDAYS = tuple(Weekday)
_WEEKDAY_NUMBERS = {day: number for number, day in enumerate(_WEEKDAYS)}
_MONDAY_TO_FRIDAY = _WEEKDAYS[:5]
