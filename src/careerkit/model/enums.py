"""The closed sets of choices in a plan: horizons, categories, statuses, weekdays, links."""

from __future__ import annotations

import enum
from datetime import date

__all__ = [
    "AssetKind",
    "Category",
    "Channel",
    "ContactRole",
    "Direction",
    "ExplorationKind",
    "GoalStatus",
    "Horizon",
    "Link",
    "Source",
    "Stage",
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


class AssetKind(enum.Enum):
    """What kind of career asset a document is.

    >>> AssetKind("cover_letter")
    <AssetKind.COVER_LETTER: 'cover_letter'>
    """

    RESUME = "resume"
    COVER_LETTER = "cover_letter"
    PUBLIC_PROFILE = "public_profile"
    PORTFOLIO = "portfolio"


class ContactRole(enum.Enum):
    """What a contact is to the person: the part they play in the career.

    >>> ContactRole("mentor")
    <ContactRole.MENTOR: 'mentor'>
    """

    MENTOR = "mentor"
    SPONSOR = "sponsor"
    PEER = "peer"
    MANAGER = "manager"
    RECRUITER = "recruiter"
    ALUMNI = "alumni"
    OTHER = "other"


class Channel(enum.Enum):
    """How an interaction with a contact took place.

    >>> Channel.VIDEO.value
    'video'
    """

    MEETING = "meeting"
    CALL = "call"
    VIDEO = "video"
    EMAIL = "email"
    MESSAGE = "message"
    EVENT = "event"
    OTHER = "other"


class ExplorationKind(enum.Enum):
    """A way of trying a career option before committing to it.

    >>> ExplorationKind("job_shadowing")
    <ExplorationKind.JOB_SHADOWING: 'job_shadowing'>
    """

    INFORMATIONAL_INTERVIEW = "informational_interview"
    JOB_SHADOWING = "job_shadowing"
    VOLUNTEERING = "volunteering"
    COURSE = "course"
    OTHER = "other"


class Stage(enum.Enum):
    """Where a job application stands.

    ``SAVED`` to ``ACCEPTED`` is the way forward, in that order;
    ``ACCEPTED``, ``REJECTED`` and ``WITHDRAWN`` end an application.

    >>> Stage("interview").is_final
    False
    >>> Stage.REJECTED.is_final
    True
    """

    SAVED = "saved"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEW = "interview"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def is_final(self) -> bool:
        """Whether the application ends at this stage."""
        return self in _FINAL_STAGES

    @property
    def rank(self) -> int | None:
        """The position on the way forward (``SAVED`` 0 to ``ACCEPTED`` 5), or None
        for ``REJECTED`` and ``WITHDRAWN``."""
        return _STAGE_RANKS.get(self)


_FINAL_STAGES = frozenset({Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN})
_STAGE_RANKS = {
    stage: rank
    for rank, stage in enumerate(
        (Stage.SAVED, Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER, Stage.ACCEPTED)
    )
}
_WEEKDAYS = tuple(Weekday)
_WEEKDAY_NUMBERS = {day: number for number, day in enumerate(_WEEKDAYS)}
_MONDAY_TO_FRIDAY = _WEEKDAYS[:5]
