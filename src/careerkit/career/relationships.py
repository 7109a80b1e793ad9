"""Relationships: keep-in-touch status, follow-ups owed, goals with no one, network breadth.

:func:`relationship_status` reads a plan's contacts as of a date: when each
was last in touch, when the next keep-in-touch date falls, how many days it
is over, which follow-ups are owed, and which networking or mentorship goals
no contact serves. :func:`network_breadth` counts the contacts active at
regular dates back from the status date, by role. Interactions logged after
the status date are ignored, so a plan read as of an earlier date says what
it said then. ``careerkit.to_dict`` gives the JSON documents
(``relationship_report``, ``network_breadth``) and ``careerkit.json_schema``
their schemas.
"""

from __future__ import annotations

import enum
import functools
from bisect import bisect_right
from datetime import date, timedelta
from operator import attrgetter

from attrs import frozen

from careerkit.career.policy import CareerPolicy
from careerkit.errors import Problem, ValidationError
from careerkit.io import result_document
from careerkit.model import Category, Contact, ContactRole, GoalStatus, Plan
from careerkit.model.arguments import checked_date, checked_instance, checked_int
from careerkit.recurrence import occurrences, read_rule

__all__ = [
    "MAX_PERIODS",
    "BreadthPoint",
    "ContactState",
    "FollowUp",
    "FollowUpState",
    "NetworkBreadth",
    "RelationshipReport",
    "RoleCount",
    "network_breadth",
    "relationship_status",
]

MAX_PERIODS = 1_000
"""The most dates :func:`network_breadth` counts at."""

_MEMO_SIZE = 4096
"""How many (rule, day) pairs the next keep-in-touch date is remembered for."""
_RELATIONSHIP_GOALS = frozenset({Category.MENTORSHIP, Category.NETWORKING})
# The first window searched for a rule's next date, in days per step of its frequency:
# two steps, so that a rule with no BY parts is found in the first window.
_FIRST_WINDOW = {"DAILY": 2, "WEEKLY": 14, "MONTHLY": 62, "YEARLY": 732}


class FollowUpState(enum.Enum):
    """Where a follow-up owed stands; the values are stable codes.

    >>> FollowUpState("overdue")
    <FollowUpState.OVERDUE: 'overdue'>
    """

    UPCOMING = "upcoming"
    """Its day is more than the policy's ``follow_up_notice_days`` away."""
    DUE = "due"
    """Its day is today, or within ``follow_up_notice_days``."""
    OVERDUE = "overdue"
    """Its day has passed."""


@frozen(kw_only=True)
class FollowUp:
    """A follow-up owed: the last interaction asked for one, and none came after it.

    Examples
    --------
    >>> contact = Contact(id="peer-1", interactions=[
    ...     Interaction(on=date(2026, 3, 2), follow_up=date(2026, 3, 9))])
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), contacts=[contact])
    >>> owed = relationship_status(plan, as_of=date(2026, 3, 12)).contacts[0].follow_up
    >>> owed.state, owed.days_overdue
    (<FollowUpState.OVERDUE: 'overdue'>, 3)
    """

    interaction: date
    """The date of the interaction that asked for it."""
    due: date
    """The day it is owed from (the interaction's ``follow_up``)."""
    state: FollowUpState
    """Upcoming, due or overdue."""
    days_left: int
    """Days from the status date to ``due`` (0 once it is past)."""
    days_overdue: int
    """Days from ``due`` to the status date (0 until it is past)."""


@frozen(kw_only=True)
class ContactState:
    """One contact as of the status date: last in touch, next due, cold or not, follow-up.

    Examples
    --------
    >>> mentor = Contact(id="mentor-1", role=ContactRole.MENTOR, cadence=30,
    ...                  interactions=[Interaction(on=date(2026, 2, 2))])
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), contacts=[mentor])
    >>> state = relationship_status(plan, as_of=date(2026, 3, 14)).contacts[0]
    >>> state.next_due, state.days_over, state.cold
    (datetime.date(2026, 3, 4), 10, True)
    """

    contact: str
    """The contact's id."""
    role: ContactRole
    """Mentor, sponsor, peer, ..."""
    goals: tuple[str, ...]
    """The goals the relationship serves."""
    last_interaction: date | None
    """The last interaction on or before the status date (None without one)."""
    counted_from: date
    """The day the cadence counts from (the last interaction, else the
    contact's ``since``, else the plan's start)."""
    cadence: int | None
    """The keep-in-touch cadence in days, if the contact has one."""
    cadence_rule: str | None
    """The keep-in-touch RRULE, if the contact has one."""
    period: int | None
    """Days from ``counted_from`` to ``next_due`` (the cadence, or for a rule the
    length of its current period); None when there is no next date."""
    next_due: date | None
    """The next keep-in-touch date, ``counted_from`` plus ``cadence`` days or the
    rule's first date after ``counted_from`` (None without a cadence, or when
    the rule has ended or runs past the calendar)."""
    days_over: int
    """Days from ``next_due`` to the status date (0 until it is past)."""
    cold: bool
    """Whether ``days_over`` is above 0."""
    critical: bool
    """Whether it is cold and the days since ``counted_from`` reach the policy's
    ``cold_critical_factor`` times ``period``."""
    follow_up: FollowUp | None
    """The follow-up owed, if any."""


@frozen(kw_only=True)
class RoleCount:
    """How many contacts of a role are active on a day."""

    role: ContactRole
    """The role."""
    count: int
    """The contacts of that role active on the day."""


@frozen(kw_only=True)
class BreadthPoint:
    """The active contacts on one day, by role."""

    on: date
    """The day."""
    total: int
    """The contacts active on the day."""
    by_role: tuple[RoleCount, ...]
    """The count of each role, every role listed, in the order of :class:`~careerkit.ContactRole`."""
    contacts: tuple[str, ...]
    """The ids of the active contacts, sorted."""


@result_document("network_breadth")
@frozen(kw_only=True)
class NetworkBreadth:
    """What :func:`network_breadth` returns: active contacts by role at regular dates.

    Examples
    --------
    >>> peer = Contact(id="peer-1", role=ContactRole.PEER,
    ...                interactions=[Interaction(on=date(2026, 3, 2))])
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), contacts=[peer])
    >>> breadth = network_breadth(plan, as_of=date(2026, 4, 1), periods=2, window=30)
    >>> [(point.on, point.total) for point in breadth.points]
    [(datetime.date(2026, 3, 2), 1), (datetime.date(2026, 4, 1), 0)]
    """

    as_of: date
    """The status date, the last day counted."""
    window: int
    """The days up to each day within which an interaction makes a contact active."""
    points: tuple[BreadthPoint, ...]
    """One point every ``window`` days back from ``as_of``, oldest first."""


@result_document("relationship_report")
@frozen(kw_only=True)
class RelationshipReport:
    """What :func:`relationship_status` returns: each contact's state, the goals no
    contact serves, and the network's breadth.

    Examples
    --------
    >>> goal = Goal(id="mentor", title="Find a mentor", category=Category.MENTORSHIP)
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), goals=[goal])
    >>> relationship_status(plan, as_of=date(2026, 2, 2)).unrelated_goals
    ('mentor',)
    """

    as_of: date
    """The status date."""
    contacts: tuple[ContactState, ...]
    """Each contact, by id."""
    unrelated_goals: tuple[str, ...]
    """The active mentorship and networking goals that no contact (known by the
    status date) lists in its ``goals``, sorted."""
    breadth: NetworkBreadth
    """The network's breadth over 4 windows of the policy's ``breadth_window_days``."""

    @property
    def cold(self) -> tuple[ContactState, ...]:
        """The cold contacts, by id."""
        return tuple(state for state in self.contacts if state.cold)


def relationship_status(
    plan: Plan, *, as_of: date, policy: CareerPolicy | None = None
) -> RelationshipReport:
    """Read the keep-in-touch status of a plan's contacts as of a date.

    A contact's cadence counts from its last interaction on or before
    ``as_of`` (later ones are ignored), else from its ``since``, else from
    the plan's start. With ``cadence`` (days) the next keep-in-touch date is
    that day plus the cadence. With ``cadence_rule`` it is the rule's first
    date after that day, the rule started (its DTSTART) on that day: so
    ``FREQ=MONTHLY`` falls a month after the last contact and
    ``FREQ=MONTHLY;BYDAY=1TU`` on the next first Tuesday; a rule's
    ``UNTIL`` ends the keep-in-touch dates and its ``COUNT`` counts from that
    day. The rule's *period* is the days from that day to its next date, so
    that a relationship is cold once the next date has passed and critical
    once the days since the last contact reach ``cold_critical_factor``
    periods, for a rule as for a cadence. A follow-up is owed when the last
    interaction on or before ``as_of`` has a ``follow_up`` (a later entry of
    the log, even on the same day, settles the one before).

    Parameters
    ----------
    plan
        The plan.
    as_of
        The status date.
    policy
        The thresholds (``follow_up_notice_days``, ``cold_critical_factor``,
        ``breadth_window_days``); the defaults of ``CareerPolicy`` if None.

    Returns
    -------
    RelationshipReport
        The contacts by id, the goals no contact serves, and the breadth.

    Raises
    ------
    ValidationError
        An argument has the wrong type (the path names it), or a contact's
        rule cannot be expanded within the bounds of
        :func:`careerkit.occurrences` (path
        ``contacts[i].cadence_rule``).

    Examples
    --------
    >>> recruiter = Contact(id="recruiter-1", role=ContactRole.RECRUITER,
    ...                     cadence_rule="FREQ=MONTHLY;INTERVAL=3")
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), contacts=[recruiter])
    >>> state = relationship_status(plan, as_of=date(2026, 4, 15)).contacts[0]
    >>> state.next_due, state.period, state.days_over
    (datetime.date(2026, 4, 5), 90, 10)
    """
    plan = checked_instance(plan, Plan, "plan")
    as_of = checked_date(as_of)
    policy = CareerPolicy() if policy is None else checked_instance(policy, CareerPolicy, "policy")
    states = [_contact_state(plan, index, as_of, policy) for index in range(len(plan.contacts))]
    known = [contact for contact in plan.contacts if (contact.since or plan.start) <= as_of]
    served = {goal for contact in known for goal in contact.goals}
    return RelationshipReport(
        as_of=as_of,
        contacts=tuple(sorted(states, key=attrgetter("contact"))),
        unrelated_goals=tuple(
            sorted(
                goal.id
                for goal in plan.goals
                if goal.status is GoalStatus.ACTIVE
                and goal.category in _RELATIONSHIP_GOALS
                and goal.id not in served
            )
        ),
        breadth=network_breadth(plan, as_of=as_of, window=policy.breadth_window_days),
    )


def _contact_state(plan: Plan, index: int, as_of: date, policy: CareerPolicy) -> ContactState:
    """The state of ``plan.contacts[index]`` as of a date."""
    contact = plan.contacts[index]
    last = contact.last_interaction(as_of=as_of)
    counted_from = last.on if last is not None else contact.since or plan.start
    next_due = _next_due(contact, counted_from, f"contacts[{index}].cadence_rule")
    period = None if next_due is None else (next_due - counted_from).days
    days_over = 0 if next_due is None else max(0, (as_of - next_due).days)
    critical = (
        period is not None
        and days_over > 0
        and (as_of - counted_from).days >= policy.cold_critical_factor * period
    )
    owed = None
    if last is not None and last.follow_up is not None:
        owed = _follow_up(last.on, last.follow_up, as_of, policy)
    return ContactState(
        contact=contact.id,
        role=contact.role,
        goals=contact.goals,
        last_interaction=None if last is None else last.on,
        counted_from=counted_from,
        cadence=contact.cadence,
        cadence_rule=contact.cadence_rule,
        period=period,
        next_due=next_due,
        days_over=days_over,
        cold=days_over > 0,
        critical=critical,
        follow_up=owed,
    )


def _follow_up(on: date, due: date, as_of: date, policy: CareerPolicy) -> FollowUp:
    left = (due - as_of).days
    if left < 0:
        state = FollowUpState.OVERDUE
    elif left <= policy.follow_up_notice_days:
        state = FollowUpState.DUE
    else:
        state = FollowUpState.UPCOMING
    return FollowUp(
        interaction=on, due=due, state=state, days_left=max(0, left), days_overdue=max(0, -left)
    )


def _next_due(contact: Contact, counted_from: date, path: str) -> date | None:
    """The next keep-in-touch date after ``counted_from``, or None."""
    if contact.cadence is not None:
        day = counted_from.toordinal() + contact.cadence
        return date.fromordinal(day) if day <= date.max.toordinal() else None
    if contact.cadence_rule is None:
        return None
    try:
        return _next_by_rule(contact.cadence_rule, counted_from)
    except ValidationError as exc:
        problems = [Problem(path, problem.problem) for problem in exc.problems]
        raise ValidationError(problems=problems) from exc


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _next_by_rule(rule: str, after: date) -> date | None:
    """The first date of ``rule`` (started on ``after``) after ``after``, or None.

    The rule is expanded over windows that grow fourfold from two steps of
    its frequency, each expansion bounded by ``occurrences``, until a date
    is found or the window reaches the rule's ``UNTIL`` or the end of the
    calendar: a few small expansions for any rule that has a next date. A
    pure function of two values, remembered within a bound, as the same
    contacts are read again by each report of the same plan.
    """
    read = read_rule(rule)
    span = _FIRST_WINDOW[read.frequency] * read.interval
    while True:
        end = date.fromordinal(min(after.toordinal() + span, date.max.toordinal()))
        found = occurrences(rule, start=after, end=end)
        later = next((day for day in found if day > after), None)
        if later is not None or end == date.max or (read.until and read.until <= end):
            return later
        span *= 4


def network_breadth(
    plan: Plan, *, as_of: date, periods: int = 4, window: int | None = None
) -> NetworkBreadth:
    """Count the contacts active on regular dates back from ``as_of``, by role.

    The dates are ``as_of`` and every ``window`` days before it, ``periods``
    of them. A contact is active on a day when it has an interaction within
    the ``window`` days ending that day (from ``day - window + 1`` to
    ``day``, both included); interactions after the day do not count.

    Parameters
    ----------
    plan
        The plan.
    as_of
        The last day counted.
    periods
        How many dates to count at, 1 to :data:`MAX_PERIODS`.
    window
        The window in days (1 or more); the default of
        ``CareerPolicy.breadth_window_days`` if None.

    Returns
    -------
    NetworkBreadth
        One point per date, oldest first.

    Raises
    ------
    ValidationError
        An argument has the wrong type or is out of range, or the first date
        would fall before the calendar's first day (the path names the argument).

    Examples
    --------
    >>> mentor = Contact(id="mentor-1", role=ContactRole.MENTOR,
    ...                  interactions=[Interaction(on=date(2026, 1, 20))])
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), contacts=[mentor])
    >>> point = network_breadth(plan, as_of=date(2026, 3, 1)).points[-1]
    >>> point.total, point.by_role[0]
    (1, RoleCount(role=<ContactRole.MENTOR: 'mentor'>, count=1))
    """
    plan = checked_instance(plan, Plan, "plan")
    as_of = checked_date(as_of)
    periods = checked_int(periods, "periods", minimum=1)
    if periods > MAX_PERIODS:
        raise ValidationError(
            path="periods", problem=f"must be at most {MAX_PERIODS}, got {periods}"
        )
    if window is None:
        window = CareerPolicy().breadth_window_days
    window = checked_int(window, "window", minimum=1)
    first = as_of.toordinal() - (periods - 1) * window
    if first < 1:
        raise ValidationError(
            path="periods", problem=f"{periods} windows of {window} days reach before year 1"
        )
    days = [date.fromordinal(first + step * window) for step in range(periods)]
    logs = [
        (contact.id, contact.role, [interaction.on for interaction in contact.interactions])
        for contact in sorted(plan.contacts, key=attrgetter("id"))
    ]
    return NetworkBreadth(
        as_of=as_of, window=window, points=tuple(_point(day, window, logs) for day in days)
    )


def _point(day: date, window: int, logs: list[tuple[str, ContactRole, list[date]]]) -> BreadthPoint:
    """The contacts (id, role, interaction dates in order) active on ``day``."""
    opens = day - timedelta(days=window - 1) if day.toordinal() > window else date.min
    active = [
        (contact, role)
        for contact, role, dates in logs
        if (found := bisect_right(dates, day)) and dates[found - 1] >= opens
    ]
    counts = dict.fromkeys(ContactRole, 0)
    for _, role in active:
        counts[role] += 1
    return BreadthPoint(
        on=day,
        total=len(active),
        by_role=tuple(RoleCount(role=role, count=count) for role, count in counts.items()),
        contacts=tuple(contact for contact, _ in active),
    )
