"""Relationships: contacts held by pseudonymous id, with a keep-in-touch cadence and a log."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules
from careerkit.model.arguments import checked_date
from careerkit.model.enums import Channel, ContactRole
from careerkit.model.rules import Choice, Date, Id, Number, Text

__all__ = ["MAX_CADENCE", "Contact", "Interaction"]

MAX_CADENCE = 3_650
"""The longest keep-in-touch cadence, in days (ten years)."""

_INTERACTION_FIELDS = rules.fields(
    "Interaction",
    on=Date(),
    channel=Choice(Channel),
    note=Text(required=False),
    follow_up=Date(optional=True),
)


@frozen(kw_only=True)
class Interaction:
    """One contact with a person: when, how, what was said, and a follow-up if one is owed.

    A follow-up is owed from ``follow_up`` on, until a later interaction
    with the same contact is logged.

    Examples
    --------
    >>> Interaction(on=date(2026, 3, 2), channel=Channel.CALL,
    ...             follow_up=date(2026, 3, 9)).follow_up
    datetime.date(2026, 3, 9)
    >>> Interaction(on=date(2026, 3, 2), follow_up=date(2026, 3, 1))
    Traceback (most recent call last):
    careerkit.errors.ValidationError: follow_up: 2026-03-01 is before the interaction
    """

    on: date
    channel: Channel = Channel.MEETING
    note: str = ""
    follow_up: date | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        wrong = _INTERACTION_FIELDS.check(problems, self)
        dated = wrong.isdisjoint(("on", "follow_up")) and self.follow_up is not None
        if dated and self.follow_up < self.on:  # type: ignore[operator]
            problems.append(Problem("follow_up", f"{self.follow_up} is before the interaction"))
        rules.raise_if_any(problems)


_CONTACT_FIELDS = rules.fields(
    "Contact",
    id=Id(),
    name=Text(required=False),
    role=Choice(ContactRole),
    goals=rules.Ids(),
    cadence=Number(minimum=1, maximum=MAX_CADENCE, integer=True, optional=True),
    cadence_rule=rules.RRule(optional=True),
    since=Date(optional=True),
    interactions=rules.Items(Interaction),
    notes=Text(required=False),
)


@frozen(kw_only=True)
class Contact:
    """A person in the career network, the goals they relate to and the log of contact.

    Parameters
    ----------
    id
        A pseudonymous id, unique among the plan's contacts (``"mentor-1"``,
        not a name).
    name
        How the person is called, if the plan keeps it (personal data:
        :func:`careerkit.career.redact` replaces it).
    role
        Mentor, sponsor, peer, manager, recruiter, alumni or other.
    goals
        The goals (ids) this relationship serves.
    cadence, cadence_rule
        How often to keep in touch: every ``cadence`` days, or on the dates of
        an RFC 5545 RRULE; at most one of them. Without either, the
        relationship never goes cold.
    since
        When the relationship began (the plan's start if omitted): the
        cadence counts from here until the first interaction.
    interactions
        The log, in date order.
    notes
        Free text (personal data).

    Examples
    --------
    >>> mentor = Contact(id="mentor-1", role=ContactRole.MENTOR, cadence=30,
    ...                  interactions=[Interaction(on=date(2026, 2, 2))])
    >>> mentor.last_interaction(as_of=date(2026, 3, 1)).on
    datetime.date(2026, 2, 2)
    >>> Contact(id="x", cadence=30, cadence_rule="FREQ=MONTHLY")
    Traceback (most recent call last):
    careerkit.errors.ValidationError: cadence_rule: give cadence or cadence_rule, not both
    """

    id: str
    name: str = ""
    role: ContactRole = ContactRole.OTHER
    goals: tuple[str, ...] = field(default=(), converter=rules.to_tuple)
    cadence: int | None = None
    cadence_rule: str | None = None
    since: date | None = None
    interactions: tuple[Interaction, ...] = field(default=(), converter=rules.to_tuple)
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        wrong = _CONTACT_FIELDS.check(problems, self)
        both = self.cadence is not None and self.cadence_rule is not None
        if both and wrong.isdisjoint(("cadence", "cadence_rule")):
            problems.append(Problem("cadence_rule", "give cadence or cadence_rule, not both"))
        if "interactions" not in wrong:
            for index in range(1, len(self.interactions)):
                before, on = self.interactions[index - 1].on, self.interactions[index].on
                if on < before:
                    problems.append(
                        Problem(
                            f"interactions[{index}].on",
                            f"{on} is before {before}; list interactions in date order",
                        )
                    )
        first = (
            self.interactions[0].on if "interactions" not in wrong and self.interactions else None
        )
        if first is not None and "since" not in wrong and self.since and first < self.since:
            problems.append(
                Problem("interactions[0].on", f"{first} is before since ({self.since})")
            )
        rules.raise_if_any(problems)

    def last_interaction(self, *, as_of: date) -> Interaction | None:
        """The last interaction logged on or before ``as_of`` (the last of a day's), or None."""
        as_of = checked_date(as_of)
        last = None
        for interaction in self.interactions:  # in date order
            if interaction.on > as_of:
                break
            last = interaction
        return last
