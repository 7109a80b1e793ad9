"""Recurring tasks: expanding RFC 5545 rules into dated occurrences.

Habits such as a monthly networking event are tasks with a ``recurrence``
rule. Rules come from users and products, so expansion is bounded: it stops
at the end given (a goal's deadline), at the rule's own ``UNTIL`` or
``COUNT``, and refuses rules with more than :data:`MAX_OCCURRENCES`
occurrences. :func:`careerkit.recurrence.read_rule` is the one reader of rule texts (the model
checks rules with it too); it parses with python-dateutil and remembers the
rules it has read, within a bound.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, time

from attrs import field, frozen
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from careerkit.errors import ValidationError

__all__ = ["MAX_OCCURRENCES", "Rule", "occurrences", "read_rule"]

MAX_OCCURRENCES = 10_000
"""The most occurrences one rule may have within its window."""

_MEMO_SIZE = 1024
"""How many distinct rule texts :func:`read_rule` remembers."""
_ANCHOR = datetime(2000, 1, 3)  # noqa: DTZ001 - a Monday; replaced by the real start to expand
# The parts of an RFC 5545 recurrence rule (section 3.3.10); dateutil knows more.
_PARTS = frozenset(
    [
        "FREQ",
        "UNTIL",
        "COUNT",
        "INTERVAL",
        "BYSECOND",
        "BYMINUTE",
        "BYHOUR",
        "BYDAY",
        "BYMONTHDAY",
        "BYYEARDAY",
        "BYWEEKNO",
        "BYMONTH",
        "BYSETPOS",
        "WKST",
    ]
)
_TIME_OF_DAY = frozenset(["BYHOUR", "BYMINUTE", "BYSECOND"])
# RFC 5545 section 3.3.10 ranges: (lowest, highest, whether a sign is allowed).
_RANGES = {
    "BYSECOND": (0, 60, False),
    "BYMINUTE": (0, 59, False),
    "BYHOUR": (0, 23, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYMONTH": (1, 12, False),
    "BYSETPOS": (1, 366, True),
}
_UNTIL = re.compile(r"\d{8}(?:T\d{6}Z?)?")


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
        The rule is not a valid RRULE value, has no end at all, or has more
        than :data:`MAX_OCCURRENCES` occurrences in its window (path
        ``recurrence``).

    Examples
    --------
    >>> occurrences("FREQ=MONTHLY;BYDAY=2TH", start=date(2026, 1, 1), end=date(2026, 3, 31))
    (datetime.date(2026, 1, 8), datetime.date(2026, 2, 12), datetime.date(2026, 3, 12))

    A monthly rule on the 31st skips the shorter months, as RFC 5545 says:

    >>> occurrences("FREQ=MONTHLY;BYMONTHDAY=31", start=date(2026, 1, 1), end=date(2026, 5, 31))
    (datetime.date(2026, 1, 31), datetime.date(2026, 3, 31), datetime.date(2026, 5, 31))
    """
    try:
        read = read_rule(rule)
    except ValidationError as exc:
        raise exc.prefixed("recurrence") from None
    until, counted = read.until, read.counted
    if end is None and until is None and not counted:
        raise ValidationError(
            path="recurrence",
            problem=f"{rule[:40]!r} never ends: give it UNTIL or COUNT, or its goal a deadline",
        )
    own_end = min((day for day in (end, until) if day is not None), default=None)
    too_long = ValidationError(
        path="recurrence",
        problem=f"{rule[:40]!r} spans more than {MAX_OCCURRENCES} of its periods "
        f"from {start} to {own_end or 'its COUNT'}",
    )
    horizon = _horizon(read, start)
    if own_end is not None and own_end > horizon:
        raise too_long
    last = own_end or horizon
    # The rule's own UNTIL is within ``last``; with a COUNT, the expansion stops at ``last``.
    parsed = read.parsed.replace(
        dtstart=datetime.combine(start, time()),
        until=None if counted else datetime.combine(last, time()),
    )
    if _never_matches(parsed, start):
        return ()
    counted_past = too_long if own_end is None else None
    return _expand(parsed, rule, start=start, last=last, counted_past=counted_past)


def _horizon(read: Rule, start: date) -> date:
    """The end of the rule's first :data:`MAX_OCCURRENCES` periods from ``start``.

    Dates a rule cannot match (``BYMONTH=2;BYMONTHDAY=30``) make dateutil
    search period after period: the window is bounded by a number of periods.
    """
    try:
        return start + _PERIODS[read.frequency] * (read.interval * MAX_OCCURRENCES)
    except (OverflowError, ValueError):
        return date.max


def _expand(
    parsed: rrule, rule: str, *, start: date, last: date, counted_past: ValidationError | None
) -> tuple[date, ...]:
    """The rule's dates up to ``last``; ``counted_past`` is raised if a COUNT goes beyond."""
    found: list[date] = []
    for moment in parsed:
        day = moment.date()
        if day > last:
            if counted_past is not None:
                raise counted_past
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


@frozen(kw_only=True)
class Rule:
    """An RRULE value as :func:`read_rule` reads it: what expanding it needs.

    Parameters
    ----------
    parsed
        The rule as python-dateutil reads it, anchored at a fixed Monday;
        ``parsed.replace(dtstart=...)`` sets its real start.
    frequency
        ``DAILY``, ``WEEKLY``, ``MONTHLY`` or ``YEARLY``.
    interval
        Periods between occurrences (1 unless ``INTERVAL`` says otherwise).
    until
        The date of the rule's own ``UNTIL``, if any.
    counted
        Whether the rule has a ``COUNT``.
    """

    parsed: rrule = field(eq=False)
    frequency: str
    interval: int
    until: date | None
    counted: bool


@functools.lru_cache(maxsize=_MEMO_SIZE)
def read_rule(text: str) -> Rule:
    """Read an RFC 5545 RRULE value such as ``FREQ=MONTHLY;BYDAY=1TU``.

    The one reader of recurrence rules: the model checks rules with it and
    :func:`occurrences` expands what it returns. Only the RRULE value is
    accepted (optionally prefixed ``RRULE:``); DTSTART and other properties
    come from the plan. Rules repeating within a day are refused. The rule
    is parsed, never expanded. The last 1,024 distinct texts read are
    remembered, so that a plan whose habits share a few rules parses each
    of them once.

    Raises
    ------
    ValidationError
        The text is not such a rule; the problem names the part at fault.

    Examples
    --------
    >>> read_rule("FREQ=MONTHLY;INTERVAL=3;UNTIL=20271231").until
    datetime.date(2027, 12, 31)
    >>> read_rule("FREQ=WEEKLY;COUNT=0")
    Traceback (most recent call last):
    careerkit.errors.ValidationError: invalid RRULE 'FREQ=WEEKLY;COUNT=0': COUNT must be a positive integer
    """
    body = text[6:] if text[:6].upper() == "RRULE:" else text
    if not body or len(body) > 500 or ":" in body or any(c.isspace() for c in body):
        raise ValidationError(
            problem=f"expected one RRULE value such as 'FREQ=WEEKLY', got {text[:40]!r}"
        )
    parts = [
        (key, setting) for key, _, setting in (p.partition("=") for p in body.upper().split(";"))
    ]
    parsed = _grammar_problem(parts) or _parse(body, parts)
    if isinstance(parsed, rrule):
        parsed = _range_problem(parts) or parsed
    if isinstance(parsed, str):
        raise ValidationError(problem=f"invalid RRULE {text[:40]!r}: {parsed}")
    settings = dict(parts)
    until = settings.get("UNTIL")
    return Rule(
        parsed=parsed,
        frequency=settings["FREQ"],
        interval=int(settings.get("INTERVAL", "1")),
        until=None if until is None else date(int(until[:4]), int(until[4:6]), int(until[6:8])),
        counted="COUNT" in settings,
    )


def _parse(body: str, parts: list[tuple[str, str]]) -> rrule | str:
    """The rule as python-dateutil reads it, or what dateutil found wrong."""
    anchor = _ANCHOR
    if any(key == "UNTIL" and setting.endswith("Z") for key, setting in parts):
        anchor = anchor.replace(tzinfo=UTC)  # a UTC end needs an aware start
    try:
        parsed = rrulestr(body, dtstart=anchor)  # one line without DTSTART: a single rule
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
        return str(exc)
    assert isinstance(parsed, rrule)
    return parsed


def _grammar_problem(parts: list[tuple[str, str]]) -> str | None:
    """What is wrong with the parts of a rule that dateutil would accept, if anything."""
    for key, setting in parts:
        if key not in _PARTS:
            return f"unknown part {key[:20]!r}"
        if key in _TIME_OF_DAY or (key == "FREQ" and setting not in _PERIODS):
            return (
                "repeats within a day; careerkit recurrences are daily, weekly, monthly or yearly"
            )
        if key in ("INTERVAL", "COUNT") and not (setting.isdigit() and int(setting) > 0):
            return f"{key} must be a positive integer"
        if key == "UNTIL" and not _UNTIL.fullmatch(setting):
            return f"UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSS, optionally with Z; got {setting[:20]!r}"
    if "FREQ" not in (key for key, _ in parts):
        return "FREQ is missing"
    return None


def _range_problem(parts: list[tuple[str, str]]) -> str | None:
    """Which BY* number of a parsed rule is out of the range RFC 5545 gives, if any."""
    for key, numbers in parts:
        if key == "BYDAY":
            for day in numbers.split(","):
                ordinal = day[:-2].lstrip("+-")
                if ordinal and not (ordinal.isdigit() and 1 <= int(ordinal) <= 53):
                    return f"BYDAY={day} is out of range"
        if key in _RANGES:
            low, high, signed = _RANGES[key]
            for number in numbers.split(","):
                size = abs(int(number)) if signed else int(number)
                if not low <= size <= high or (signed and size == 0):
                    return f"{key}={number} is out of range"
    return None
