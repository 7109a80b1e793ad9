"""Expanding or counting the occurrences of a rule within a window, within bounds.

The rule is read by ``careerkit.recurrence._rules``; the limits on what one
rule may cost, and the 400-year cycle of the calendar that bounds the search
for its dates, are here.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime, time

from dateutil.rrule import YEARLY, rrule

from careerkit.errors import ValidationError
from careerkit.recurrence._rules import FREQUENCIES, Rule, read_rule

MAX_OCCURRENCES = 10_000
"""The most occurrences one rule may have within its window."""

NOON = time(12)
"""The time of day at which a date-only occurrence is compared with a date-time ``UNTIL``."""

# The Gregorian calendar repeats every 400 years (146,097 days, exactly 20,871 weeks):
# the periods of each frequency (daily, weekly, monthly, yearly) in one such cycle.
_CYCLE = dict(zip(FREQUENCIES, (146_097, 20_871, 4_800, 400), strict=True))
_CYCLE_YEARS = 400
# The parts of a rule that choose no dates within its steps: with only these, a rule
# falls on its start's weekday, day of the month or day of the year in every step.
_UNCHOOSING = frozenset(["FREQ", "UNTIL", "COUNT", "INTERVAL", "WKST"])


def occurrences(rule: str, *, start: date, end: date | None) -> tuple[date, ...]:
    """The dates on which a recurring rule falls, from ``start`` to ``end``.

    Expansion costs time in proportion to the occurrences found plus a
    bounded search, never to the span of the calendar: a rule that matches
    no date at all (``BYMONTH=2;BYMONTHDAY=30``) is recognised by trying one
    whole cycle of the Gregorian calendar (400 years, which repeat their
    weekdays exactly), and a rule may search at most :data:`MAX_OCCURRENCES`
    of its steps (``INTERVAL`` periods each) beyond one such cycle. Between
    two occurrences of a rule lies at most one cycle, so the search needed to
    find each occurrence, or to know there is no other, is bounded too.

    Parameters
    ----------
    rule
        An RRULE value such as ``FREQ=MONTHLY;BYDAY=2TH`` (as
        :attr:`careerkit.Task.recurrence` holds it).
    start
        The first date the rule may fall on (its DTSTART).
    end
        The last date, included; None to rely on the rule's own ``UNTIL`` or
        ``COUNT``. A date-time ``UNTIL`` counts its own date when its time
        of day is :data:`~careerkit.recurrence.NOON` or later (see
        :mod:`careerkit.recurrence`).

    Returns
    -------
    tuple of date
        Increasing dates, each once.

    Raises
    ------
    ValidationError
        ``rule`` is not a valid RRULE value, has no end at all, has more
        than :data:`MAX_OCCURRENCES` occurrences in its window, or needs a
        longer search than the bound above (path ``recurrence``); or an
        argument has the wrong type (path ``rule``, ``start`` or ``end``).

    Examples
    --------
    >>> occurrences("FREQ=MONTHLY;BYDAY=2TH", start=date(2026, 1, 1), end=date(2026, 3, 31))
    (datetime.date(2026, 1, 8), datetime.date(2026, 2, 12), datetime.date(2026, 3, 12))

    A monthly rule on the 31st skips the shorter months, as RFC 5545 says:

    >>> occurrences("FREQ=MONTHLY;BYMONTHDAY=31", start=date(2026, 1, 1), end=date(2026, 5, 31))
    (datetime.date(2026, 1, 31), datetime.date(2026, 3, 31), datetime.date(2026, 5, 31))

    An ``UNTIL`` at midnight UTC ends the habit the day before:

    >>> occurrences("FREQ=DAILY;UNTIL=20260104T000000Z", start=date(2026, 1, 1), end=None)
    (datetime.date(2026, 1, 1), datetime.date(2026, 1, 2), datetime.date(2026, 1, 3))
    """
    read, last = _window(rule, start, end)
    if last is not None and last < start.toordinal():
        return ()
    parsed = read.parsed.replace(dtstart=datetime.combine(start, time()), until=None)
    if not _matches_at_all(parsed, read, start):
        return ()
    return _expand(parsed, read, rule, start=start, last=last)


def count_occurrences(rule: str, *, start: date, end: date | None) -> int | None:
    """How many dates :func:`occurrences` gives, counted without expanding the rule.

    A rule with no ``BY`` part falls on one date in each of its steps (the
    start's weekday, day of the month or day of the year), unless that day
    is missing from some months or years (the 29th to the 31st monthly, 29
    February yearly): such a rule is counted by arithmetic on the window, in
    constant time. Other rules are not counted: None.

    Parameters
    ----------
    rule, start, end
        As for :func:`occurrences`.

    Returns
    -------
    int or None
        ``len(occurrences(rule, start=start, end=end))``, or None for a rule
        that must be expanded to be counted.

    Raises
    ------
    ValidationError
        As :func:`occurrences` does for a rule it counts: an invalid rule, a
        rule with no end, or more than :data:`MAX_OCCURRENCES` occurrences.

    Examples
    --------
    >>> count_occurrences("FREQ=WEEKLY;INTERVAL=2", start=date(2026, 1, 1), end=date(2026, 12, 31))
    27
    >>> count_occurrences("FREQ=WEEKLY;BYDAY=MO", start=date(2026, 1, 1), end=date(2026, 12, 31))
    """
    read, last = _window(rule, start, end)
    if not _every_step(read, start):
        return None
    if last is not None and last < start.toordinal():
        return 0
    final = date.max if last is None else date.fromordinal(last)
    if read.frequency in ("DAILY", "WEEKLY"):
        step = read.interval * (7 if read.frequency == "WEEKLY" else 1)
        count = (final - start).days // step + 1
    else:  # the start's day of the month comes in every month (of the year, when yearly)
        step = read.interval * (12 if read.frequency == "YEARLY" else 1)
        months = (final.year - start.year) * 12 + final.month - start.month
        count = (months - (final.day < start.day)) // step + 1
    if read.count is not None:
        count = min(count, read.count)
    if count > MAX_OCCURRENCES:
        raise _too_many(rule, start, last)
    return count


def _every_step(read: Rule, start: date) -> bool:
    """Whether the rule, started on ``start``, falls on one date in each of its steps."""
    if read.parts - _UNCHOOSING:
        return False
    if read.frequency == "MONTHLY":
        return start.day <= 28
    return read.frequency != "YEARLY" or (start.month, start.day) != (2, 29)


def _window(rule: str, start: date, end: date | None) -> tuple[Rule, int | None]:
    """The rule read, and the ordinal of the last day it may fall on (None: up to its COUNT).

    The last day is the earlier of ``end`` and the rule's own ``UNTIL``;
    a date-time ``UNTIL`` before :data:`NOON` ends the rule the day before.
    """
    _check_arguments(rule, start, end)
    try:
        read = read_rule(rule)
    except ValidationError as exc:
        raise exc.prefixed("recurrence") from None
    if end is None and read.until is None and not read.counted:
        raise ValidationError(
            path="recurrence",
            problem=f"{rule[:40]!r} never ends: give it UNTIL or COUNT, or its goal a deadline",
        )
    ends = [day.toordinal() for day in (end, read.until) if day is not None]
    if read.until is not None and read.until_time is not None and read.until_time < NOON:
        ends.append(read.until.toordinal() - 1)
    return read, min(ends, default=None)


def _too_many(rule: str, start: date, last: int | None) -> ValidationError:
    """The refusal of a rule with more than :data:`MAX_OCCURRENCES` occurrences."""
    return ValidationError(
        path="recurrence",
        problem=f"{rule[:40]!r} has more than {MAX_OCCURRENCES} occurrences "
        f"from {start} to {'its COUNT' if last is None else date.fromordinal(last)}",
    )


def _check_arguments(rule: object, start: object, end: object) -> None:
    """Refuse arguments of the wrong type, naming the argument."""
    for name, value, expected in (
        ("rule", rule, "an RRULE string"),
        ("start", start, "a date"),
        ("end", end, "a date or None"),
    ):
        wanted = str if name == "rule" else date
        if type(value) is not wanted and not (name == "end" and value is None):
            raise ValidationError(
                path=name, problem=f"expected {expected}, got {type(value).__name__}"
            )


def _repeat(read: Rule) -> int:
    """After how many steps the calendar, as the rule's steps visit it, repeats itself."""
    periods = _CYCLE[read.frequency]
    return periods // math.gcd(read.interval, periods)


def _matches_at_all(parsed: rrule, read: Rule, start: date) -> bool:
    """Whether the rule, started on ``start``, falls on any date of the calendar.

    A daily or weekly rule keeps, of the days it visits, those its ``BY`` parts
    allow; the yearly rule with the same parts keeps every such day, and is
    searched a year at a time instead of a day at a time. If it matches
    nothing, neither does the rule; if it matches and the rule visits every
    day (one period at a time, without ``BYSETPOS``), so does the rule.
    Without ``BYDAY`` (or, when daily, ``BYMONTHDAY``) every month has such
    days. A daily rule's ``BYSETPOS`` keeps its one day at position 1 or -1
    and nothing at any other. Other rules are searched as they are
    (:func:`_found_in_a_cycle`).
    """
    if read.frequency in ("DAILY", "WEEKLY"):
        chooses = "BYSETPOS" in read.parts
        if chooses and read.frequency == "DAILY":  # a daily period has one day to choose from
            if not read.set_positions & {1, -1}:
                return False
            chooses = False
        visits_every_day = read.interval == 1 and not chooses
        choosing = {"BYDAY", "BYMONTHDAY"} if read.frequency == "DAILY" else {"BYDAY"}
        if choosing & read.parts:
            yearly = parsed.replace(freq=YEARLY, interval=1, bysetpos=None)
            allowed = _found_in_a_cycle(yearly, start, periods=_CYCLE["YEARLY"], interval=1)
            if visits_every_day or not allowed:
                return allowed
        elif visits_every_day:
            return True
    return _found_in_a_cycle(parsed, start, periods=_CYCLE[read.frequency], interval=read.interval)


def _found_in_a_cycle(parsed: rrule, start: date, *, periods: int, interval: int) -> bool:
    """Whether the rule matches within one cycle of the calendar as its steps visit it.

    The dates in one step of a rule depend only on the calendar of that step's
    period, which repeats every 400 years (``periods`` periods); the steps
    visit the same periods of the cycle again after :func:`_repeat` steps, a
    whole number of cycles later. A rule matching nowhere in that many steps
    matches nowhere. dateutil searches period by period up to the year 9999
    for a first match, so the rule is tried from the latest start, a whole
    number of those cycles after ``start``, that still has them all before
    the end of the calendar.
    """
    years = _CYCLE_YEARS * (interval // math.gcd(interval, periods))
    shifts = max(0, (date.max.year - start.year - years) // years)
    probe = start.replace(year=start.year + shifts * years)
    first = parsed.replace(dtstart=datetime.combine(probe, time()), count=None)
    return next(_dates(first), None) is not None


def _dates(parsed: rrule) -> Iterator[date]:
    """The dates of a rule, in order, up to the end of the calendar.

    dateutil builds a weekly period that runs past 9999-12-31 and fails on
    its first day beyond; the days before it have been given by then.
    """
    moments = iter(parsed)
    while True:
        try:
            moment = next(moments)
        except StopIteration:
            return
        except (ValueError, OverflowError):  # a day after 9999-12-31
            return
        yield moment.date()


def _steps(read: Rule, start: date, day: date) -> int:
    """How many steps of the rule lie between the periods of ``start`` and ``day``."""
    if read.frequency == "YEARLY":
        periods = day.year - start.year
    elif read.frequency == "MONTHLY":
        periods = (day.year - start.year) * 12 + day.month - start.month
    else:
        periods = (day - start).days // (7 if read.frequency == "WEEKLY" else 1)
    return periods // read.interval


def _expand(
    parsed: rrule, read: Rule, rule: str, *, start: date, last: int | None
) -> tuple[date, ...]:
    """The rule's dates up to the ordinal ``last`` (None: up to its COUNT), within the bounds."""
    found: list[date] = []
    search = _repeat(read) + MAX_OCCURRENCES
    for day in _dates(parsed):
        if last is not None and day.toordinal() > last:
            break
        if len(found) == MAX_OCCURRENCES:
            raise _too_many(rule, start, last)
        if _steps(read, start, day) > search:
            raise ValidationError(
                path="recurrence",
                problem=f"{rule[:40]!r} is too sparse to expand: its occurrences from {start} "
                f"take more than {search} {read.frequency.lower()} periods of search; "
                "write it with a longer FREQ, or end it sooner",
            )
        found.append(day)
    return tuple(found)
