"""A plan as an iCalendar (RFC 5545) calendar: its tasks, deadlines, habits and reviews.

Needs the ``ical`` extra (the icalendar package), imported when a calendar
is made. Every event is an all-day event: careerkit plans in days, not hours.
Each event's UID is made of the plan's id and the task's or goal's, so that a
calendar application that imports the file again updates its events instead
of adding new ones; the DTSTAMP is the status date (or the plan's start), so
that the same inputs always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from careerkit.career.relationships import RelationshipReport, relationship_status
from careerkit.errors import Problem, ValidationError, require
from careerkit.model import GoalStatus, Plan, Status, Task
from careerkit.recurrence import NOON, occurrences, read_rule
from careerkit.scheduling import Schedule, TaskSchedule
from careerkit.scheduling import schedule as compute_schedule
from careerkit.scheduling.given import checked_plan, checked_status_date, given_schedule

__all__ = ["PRODID", "to_ical"]

PRODID = "-//careerkit//careerkit//EN"
"""The product identifier written in every calendar careerkit makes."""

_DAY = timedelta(days=1)
_ENDS = frozenset(("COUNT", "UNTIL"))


def to_ical(plan: Plan, *, as_of: date | None = None, schedule: Schedule | None = None) -> bytes:
    """The plan's schedule as an iCalendar file.

    The calendar holds all-day events, in order of their first day, then UID:

    * one per task, from its early start to its early finish (DTEND is the
      day after, as RFC 5545 says of all-day events; a milestone is a
      one-day event), UID ``task-ID@PLAN.careerkit``; a dropped task's event
      is marked cancelled. An event ending on 9999-12-31 has a DURATION
      instead of a DTEND, which would be past the calendar's last day;
    * one per habit (a task with a ``recurrence``), recurring by its rule
      from its first occurrence, each occurrence a one-day event. A rule
      without ``COUNT`` or ``UNTIL`` ends with ``UNTIL`` on the goal's
      deadline (or, without one, on the habit's last occurrence in the
      schedule); one that ends by itself is kept as written, unless the
      deadline comes first, when ``UNTIL`` is the deadline instead. The
      event's occurrences are thus those of the schedule
      (:attr:`careerkit.TaskSchedule.occurrences`). A habit without
      occurrences (dropped, or its rule falls on no day of its window) has
      no event;
    * one per goal with a deadline, on that day, UID
      ``goal-ID@PLAN.careerkit``; an abandoned goal's is marked cancelled;
    * one per contact with a keep-in-touch cadence, on its next
      keep-in-touch date (:func:`careerkit.relationship_status` as of
      ``as_of``, or the plan's start), UID ``contact-ID@PLAN.careerkit``, and
      one per follow-up owed, on its day, UID
      ``follow-up-ID-DATE@PLAN.careerkit`` (the date of the interaction that
      asked for it). Contacts are named by their pseudonymous ids, never by
      their names;
    * one for the reviews (:attr:`careerkit.Plan.review_cadence`), recurring
      from their first day on or after the plan's start, UID
      ``review@PLAN.careerkit``; a cadence without ``COUNT`` or ``UNTIL``
      ends on the plan's last day (its latest deadline or finish).

    Events have the titles as SUMMARY, details (goal, status, effort, float)
    as DESCRIPTION and the goal's id as CATEGORIES, and are transparent (they
    do not make their days busy). DTSTAMP is midnight UTC of ``as_of``, or of
    the plan's start without it: no clock is read.

    Parameters
    ----------
    plan
        The plan.
    as_of
        The status date: the schedule puts work done and in progress on its
        actual dates. None (the default) shows the plan as planned.
    schedule
        The plan's schedule as of ``as_of``, if the caller has it; computed
        otherwise.

    Returns
    -------
    bytes
        The calendar, as RFC 5545 text in UTF-8 with CRLF line ends.

    Raises
    ------
    MissingExtraError
        The icalendar package is not installed (``pip install "careerkit[ical]"``).
    ValidationError
        ``plan`` is not a plan, ``as_of`` not a date on or after its start,
        or ``schedule`` not a schedule of the plan as of ``as_of``.

    Examples
    --------
    >>> calendar = to_ical(sample_plan, as_of=date(2026, 11, 26))
    >>> calendar.splitlines()[:3]
    [b'BEGIN:VCALENDAR', b'VERSION:2.0', b'PRODID:-//careerkit//careerkit//EN']
    >>> b"UID:task-dmd-final-exam@maya-okafor-director-plan.careerkit" in calendar
    True

    .. versionadded:: 0.1.0
    """
    plan = checked_plan(plan)
    status_date = checked_status_date(plan, as_of, optional=True)
    given = given_schedule(schedule, as_of=status_date, plan=plan)
    found = compute_schedule(plan, as_of=status_date) if given is None else given
    ical: Any = require("icalendar", "ical")
    stamp = datetime.combine(status_date or plan.start, time(), tzinfo=UTC)
    calendar = ical.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Career plan {plan.id} of {plan.owner}")
    people = relationship_status(plan, as_of=status_date or plan.start)
    events = sorted(
        (*_events(plan, found), *_contact_events(plan, people)),
        key=lambda event: (event["dtstart"], event["uid"]),
    )
    for fields in events:
        calendar.add_component(_event(ical, fields, stamp))
    data: bytes = calendar.to_ical()
    return data


def _event(ical: Any, fields: dict[str, Any], stamp: datetime) -> Any:
    """An all-day VEVENT of the given fields."""
    event = ical.Event()
    event.add("uid", fields["uid"])
    event.add("dtstamp", stamp)
    start, days = fields["dtstart"], fields.get("days", 1)
    event.add("dtstart", start)
    if (date.max - start).days >= days:
        event.add("dtend", start + timedelta(days=days))
    else:  # the day after would be past the calendar's last day, 9999-12-31
        event.add("duration", timedelta(days=days))
    if "rrule" in fields:
        event.add("rrule", ical.vRecur.from_ical(fields["rrule"]))
    event.add("summary", fields["summary"])
    event.add("description", fields["description"])
    if "categories" in fields:
        event.add("categories", [fields["categories"]])
    if fields.get("cancelled"):
        event.add("status", "CANCELLED")
    event.add("transp", "TRANSPARENT")
    return event


def _events(plan: Plan, found: Schedule) -> Iterator[dict[str, Any]]:
    """The fields of every event of the calendar, in no particular order."""
    entries = found.tasks
    for entry in entries:
        task = plan.task(entry.task)
        if task.recurrence is None:
            yield _task_event(plan, task, entry)
        elif entry.occurrences:
            yield _habit_event(plan, task, entry)
    for goal in plan.goals:
        if goal.deadline is not None:
            yield {
                "uid": f"goal-{goal.id}@{plan.id}.careerkit",
                "dtstart": goal.deadline,
                "summary": f"Deadline: {goal.title}",
                "description": f"Goal {goal.id} ({goal.status.value}) is due.",
                "categories": goal.id,
                "cancelled": goal.status is GoalStatus.ABANDONED,
            }
    last = max(
        (
            found.finish,
            *(entry.early_finish for entry in entries),
            *(goal.deadline for goal in plan.goals if goal.deadline is not None),
        )
    )
    review = _review_event(plan, last)
    if review is not None:
        yield review


def _contact_events(plan: Plan, report: RelationshipReport) -> Iterator[dict[str, Any]]:
    """The keep-in-touch date of each contact with a cadence, and each follow-up owed."""
    for state in report.contacts:
        role = state.role.value
        if state.next_due is not None:
            last = state.last_interaction or "none yet"
            yield {
                "uid": f"contact-{state.contact}@{plan.id}.careerkit",
                "dtstart": state.next_due,
                "summary": f"Keep in touch: {state.contact} ({role})",
                "description": (
                    f"Last interaction: {last}; every {state.period} days"
                    + (f" ({state.cadence_rule})" if state.cadence_rule else "")
                    + (f"; {state.days_over} days over" if state.cold else "")
                    + "."
                ),
                "categories": state.contact,
            }
        owed = state.follow_up
        if owed is not None:
            yield {
                "uid": f"follow-up-{state.contact}-{owed.interaction}@{plan.id}.careerkit",
                "dtstart": owed.due,
                "summary": f"Follow up: {state.contact} ({role})",
                "description": f"Owed since the interaction of {owed.interaction} ({owed.state.value}).",
                "categories": state.contact,
            }


def _task_event(plan: Plan, task: Task, entry: TaskSchedule) -> dict[str, Any]:
    """A task's event, from its early start to the day after its early finish."""
    kind = "Milestone" if task.duration == 0 else _working_days(task.duration).capitalize()
    critical = ", critical" if entry.critical else ""
    return {
        "uid": f"task-{task.id}@{plan.id}.careerkit",
        "dtstart": entry.early_start,
        "days": max(0, (entry.early_finish - entry.early_start).days) + 1,
        "summary": task.title,
        "description": (
            f"{kind} towards {plan.goal(task.goal).title} (task {task.id}, "
            f"{task.status.value}): {task.effort:g} hours of work, "
            f"total float {_working_days(entry.total_float)}{critical}."
        ),
        "categories": task.goal,
        "cancelled": task.status is Status.DROPPED,
    }


def _working_days(count: int) -> str:
    return f"{count} working day{'' if count in (1, -1) else 's'}"


def _habit_event(plan: Plan, task: Task, entry: TaskSchedule) -> dict[str, Any]:
    """A habit's recurring event, with the occurrences of the schedule."""
    assert task.recurrence is not None
    scheduled = entry.occurrences
    return {
        "uid": f"task-{task.id}@{plan.id}.careerkit",
        "dtstart": scheduled[0],
        "rrule": _habit_rule(task.recurrence, scheduled, plan.deadline_for(task.goal)),
        "summary": task.title,
        "description": (
            f"Habit towards {plan.goal(task.goal).title} (task {task.id}, "
            f"{task.status.value}): {task.effort:g} hours each time, "
            f"{len(scheduled)} times from {scheduled[0]} to {scheduled[-1]}."
        ),
        "categories": task.goal,
    }


def _habit_rule(rule: str, scheduled: tuple[date, ...], deadline: date | None) -> str:
    """The rule of a habit's event: its occurrences from the first are ``scheduled``."""
    read = read_rule(rule)
    if read.until is not None or read.counted:
        try:
            as_written = occurrences(rule, start=scheduled[0], end=None)
        except ValidationError:  # too many to expand: the deadline ends it first
            as_written = ()
        if as_written == scheduled:
            return _rule_text(rule, until=None)
        if as_written and deadline is not None and as_written[-1] <= deadline:
            # It ends by itself, but from another start it gives other dates (a
            # weekly BYSETPOS counts from the week of its start): end with the schedule.
            return _rule_text(rule, until=scheduled[-1])
    ends = deadline if deadline is not None and deadline >= scheduled[-1] else scheduled[-1]
    return _rule_text(rule, until=ends)


def _review_event(plan: Plan, last: date) -> dict[str, Any] | None:
    """The recurring event of the plan's reviews, if any falls on or after its start."""
    rule = plan.review_cadence
    read = read_rule(rule)
    own_end = read.until is not None or read.counted
    try:
        first = _first_occurrence(rule, plan.start, last)
    except ValidationError as exc:  # a rule too sparse or too dense to search
        problems = [Problem("review_cadence", problem.problem) for problem in exc.problems]
        raise ValidationError(problems=problems) from None
    if first is None:
        return None
    return {
        "uid": f"review@{plan.id}.careerkit",
        "dtstart": first,
        "rrule": _rule_text(rule, until=None if own_end else last),
        "summary": f"Career plan review: {plan.id}",
        "description": (
            f"Review the progress of {plan.owner}'s plan {plan.id}: progress, alerts, next actions."
        ),
    }


def _first_occurrence(rule: str, start: date, last: date) -> date | None:
    """The first date of ``rule`` from ``start`` to ``last``, if any.

    Searched in windows that double from a year, so that a frequent rule
    over a long plan is never expanded further than its first year.
    """
    span = 366
    while True:
        end = last if (last - start).days <= span else start + timedelta(days=span)
        found = occurrences(rule, start=start, end=end)
        if found or end == last:
            return found[0] if found else None
        span *= 2


def _rule_text(rule: str, *, until: date | None) -> str:
    """The RRULE value for an all-day event: ``UNTIL`` becomes ``until`` when given.

    RFC 5545 wants an ``UNTIL`` of the same type as the event's DTSTART, a
    date: a date-time ``UNTIL`` is written as the last date careerkit counts
    by it (see :mod:`careerkit.recurrence`).
    """
    body = rule[6:] if rule[:6].upper() == "RRULE:" else rule
    parts = [part for part in body.split(";") if part]
    if until is not None:
        parts = [part for part in parts if part.split("=", 1)[0].upper() not in _ENDS]
        parts.append(f"UNTIL={until:%Y%m%d}")
        return ";".join(parts)
    read = read_rule(rule)
    if read.until is not None and read.until_time is not None:
        last = read.until - _DAY if read.until_time < NOON else read.until
        parts = [
            f"UNTIL={last:%Y%m%d}" if part.split("=", 1)[0].upper() == "UNTIL" else part
            for part in parts
        ]
    return ";".join(parts)
