"""Recurring tasks: expanding RFC 5545 rules into dated occurrences.

Habits such as a monthly networking event are tasks with a ``recurrence``
rule. Rules come from users and products, so expansion is bounded: it stops
at the end given (a goal's deadline), at the rule's own ``UNTIL`` or
``COUNT``, and refuses rules with more than :data:`MAX_OCCURRENCES`
occurrences. Rules are read with python-dateutil.
"""

from __future__ import annotations

from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from careerkit.errors import ValidationError

__all__ = ["MAX_OCCURRENCES", "occurrences"]

MAX_OCCURRENCES = 10_000
"""The most occurrences one rule may have within its window."""


def occurrences(rule: str, *, start: date, end: date | None) -> tuple[date, ...]:
    """The dates on which a recurring rule falls, from ``start`` to ``end``.

    Parameters
    ----------
    rule
        An RRULE value such as ``FREQ=MONTHLY;BYDAY=2TH`` (as
        :attr:`careerkit.Task.recurrence` holds it).
    start
        The first date the rule may fall on (its DTSTART).
    end
        The last date, included; None to rely on the rule's own ``UNTIL`` or
        ``COUNT``.

    Returns
    -------
    tuple of date
        Increasing dates.

    Raises
    ------
    ValidationError
        The rule has no end at all, or more than :data:`MAX_OCCURRENCES`
        occurrences in its window (path ``recurrence``).

    Examples
    --------
    >>> occurrences("FREQ=MONTHLY;BYDAY=2TH", start=date(2026, 1, 1), end=date(2026, 3, 31))
    (datetime.date(2026, 1, 8), datetime.date(2026, 2, 12), datetime.date(2026, 3, 12))

    A monthly rule on the 31st skips the shorter months, as RFC 5545 says:

    >>> occurrences("FREQ=MONTHLY;BYMONTHDAY=31", start=date(2026, 1, 1), end=date(2026, 5, 31))
    (datetime.date(2026, 1, 31), datetime.date(2026, 3, 31), datetime.date(2026, 5, 31))
    """
    text, until, counted, period = _read(rule)
    if end is None and until is None and not counted:
        raise ValidationError(
            path="recurrence",
            problem=f"{rule[:40]!r} never ends: give it UNTIL or COUNT, or its goal a deadline",
        )
    # Dates a rule cannot match (BYMONTH=2;BYMONTHDAY=30) make dateutil search
    # period after period: the window is bounded by a number of periods.
    try:
        horizon = start + period * MAX_OCCURRENCES
    except (OverflowError, ValueError):
        horizon = date.max
    ends = [day for day in (end, until) if day is not None]
    own_end = min(ends) if ends else None
    too_long = ValidationError(
        path="recurrence",
        problem=f"{rule[:40]!r} spans more than {MAX_OCCURRENCES} of its periods "
        f"from {start} to {own_end or 'its COUNT'}",
    )
    if own_end is not None and own_end > horizon:
        raise too_long
    last = own_end or horizon
    parsed = rrulestr(text, dtstart=datetime.combine(start, time()))
    assert isinstance(parsed, rrule)  # checked on construction of the task
    if _never_matches(parsed, start):
        return ()
    if not counted:
        parsed = parsed.replace(until=datetime.combine(last, time()))
    found: list[date] = []
    for moment in parsed:
        day = moment.date()
        if day > last:
            if own_end is None:  # COUNT goes on past the window
                raise too_long
            break
        if len(found) == MAX_OCCURRENCES:
            raise ValidationError(
                path="recurrence",
                problem=f"{rule[:40]!r} has more than {MAX_OCCURRENCES} occurrences "
                f"from {start} to {last}",
            )
        found.append(day)
    return tuple(found)


def _never_matches(parsed: rrule, start: date) -> bool:
    """Whether the rule matches no date at all (``BYMONTH=2;BYMONTHDAY=30``).

    dateutil looks for a match period by period up to the year 9999 and
    checks UNTIL only on a match, so such a rule would keep it busy for
    seconds. The calendar repeats its weekdays every 28 years between
    century years, so the rule is tried from the date in 9971-9998 with the
    same month, day and weekday as ``start``: dateutil stops at 9999 quickly.
    """
    for year in range(9971, 9999):
        try:
            probe = start.replace(year=year)
        except ValueError:  # 29 February in a common year
            continue
        if probe.weekday() == start.weekday():
            break
    else:  # pragma: no cover - every date recurs with its weekday within 28 years
        return False
    first = parsed.replace(dtstart=datetime.combine(probe, time()), count=1, until=None)
    return next(iter(first), None) is None


_PERIODS = {
    "DAILY": relativedelta(days=1),
    "WEEKLY": relativedelta(weeks=1),
    "MONTHLY": relativedelta(months=1),
    "YEARLY": relativedelta(years=1),
}


def _read(rule: str) -> tuple[str, date | None, bool, relativedelta]:
    """The rule without prefix or UTC marker, its own end, whether it counts, its period."""
    text = rule[6:] if rule[:6].upper() == "RRULE:" else rule
    until = None
    counted = False
    frequency = "DAILY"
    interval = 1
    parts = []
    for part in text.split(";"):
        key, _, value = part.partition("=")
        key = key.upper()
        if key == "UNTIL":
            value = value.rstrip("Zz")  # occurrences are dates: the time zone does not matter
            until = date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        elif key == "COUNT":
            counted = True
        elif key == "FREQ":
            frequency = value.upper()
        elif key == "INTERVAL":
            interval = int(value)
        parts.append(f"{key}={value}")
    return ";".join(parts), until, counted, _PERIODS[frequency] * interval
