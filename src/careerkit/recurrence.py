"""Recurring tasks: expanding RFC 5545 rules into dated occurrences.

Habits such as a monthly networking event are tasks with a ``recurrence``
rule. Rules come from users and products, so expansion is bounded: it stops
at the end given (a goal's deadline), at the rule's own ``UNTIL`` or
``COUNT``, and refuses rules with more than :data:`MAX_OCCURRENCES`
occurrences in their window, or whose occurrences are so sparse that
finding them means searching more than :data:`MAX_OCCURRENCES` steps of the
rule beyond one whole cycle of the calendar (see :func:`occurrences`).
:func:`careerkit.recurrence.read_rule` is the one reader of rule texts (the
model checks rules with it too); it parses with python-dateutil and
remembers the rules it has read, within a bound.
``count_occurrences`` counts a rule without ``BY`` parts, which falls
once in each of its steps, without expanding it, so that a budget of
occurrences can be checked before any work is spent on the dates.

Habits are dates, not times. A date-time ``UNTIL`` (``19971224T000000Z``,
as calendar applications write it) is read as if each occurrence happened
at noon: the occurrence on ``UNTIL``'s own date counts when ``UNTIL``'s
time of day is 12:00:00 or later, and the rule ends the day before
otherwise. This makes the examples of RFC 5545 section 3.8.5.3 (which start
at 09:00 in New York, 13:00 or 14:00 UTC) come out on the dates the RFC
lists.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time

from attrs import field, frozen
from dateutil.rrule import YEARLY, rrule, rrulestr

from careerkit.errors import ValidationError

__all__ = [
    "MAX_INTERVAL",
    "MAX_OCCURRENCES",
    "NOON",
    "Rule",
    "count_occurrences",
    "occurrences",
    "read_rule",
]

MAX_OCCURRENCES = 10_000
"""The most occurrences one rule may have within its window."""

MAX_INTERVAL = 10_000
"""The largest ``INTERVAL`` a rule may have."""

NOON = time(12)
"""The time of day at which a date-only occurrence is compared with a date-time ``UNTIL``."""

_MEMO_SIZE = 1024
"""How many distinct rule texts :func:`read_rule` remembers."""
_ANCHOR = datetime(2000, 1, 3)  # noqa: DTZ001 - a Monday; replaced by the real start to expand
# The Gregorian calendar repeats every 400 years (146,097 days, exactly 20,871 weeks):
# the periods of each frequency in one such cycle.
_CYCLE = {"DAILY": 146_097, "WEEKLY": 20_871, "MONTHLY": 4_800, "YEARLY": 400}
_CYCLE_YEARS = 400
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
# The parts of a rule that choose no dates within its steps: with only these, a rule
# falls on its start's weekday, day of the month or day of the year in every step.
_UNCHOOSING = frozenset(["FREQ", "UNTIL", "COUNT", "INTERVAL", "WKST"])
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
# RFC 5545 section 3.3.10: the parts a frequency must not have.
_NOT_WITH = {
    "BYWEEKNO": frozenset(["DAILY", "WEEKLY", "MONTHLY"]),
    "BYYEARDAY": frozenset(["DAILY", "WEEKLY", "MONTHLY"]),
    "BYMONTHDAY": frozenset(["WEEKLY"]),
}
_UNTIL = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?")


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
        of day is :data:`NOON` or later (see the module's description).

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
        Periods between steps of the rule (1 unless ``INTERVAL`` says otherwise).
    until
        The date of the rule's own ``UNTIL``, if any.
    until_time
        The time of day of a date-time ``UNTIL``; None for a date.
    counted
        Whether the rule has a ``COUNT``.
    count
        The number its ``COUNT`` gives, if any.
    parts
        The names of the parts the rule gives (``FREQ``, ``BYDAY``, ...).
    set_positions
        The positions its ``BYSETPOS`` chooses, if any.
    """

    parsed: rrule = field(eq=False)
    frequency: str
    interval: int
    until: date | None
    until_time: time | None = None
    counted: bool
    count: int | None = None
    parts: frozenset[str] = frozenset()
    set_positions: frozenset[int] = frozenset()


@functools.lru_cache(maxsize=_MEMO_SIZE)
def read_rule(text: str) -> Rule:
    """Read an RFC 5545 RRULE value such as ``FREQ=MONTHLY;BYDAY=1TU``.

    The one reader of recurrence rules: the model checks rules with it and
    :func:`occurrences` expands what it returns. Only the RRULE value is
    accepted (optionally prefixed ``RRULE:``); DTSTART and other properties
    come from the plan. Rules repeating within a day are refused, and so is
    what RFC 5545 forbids: a part given twice, ``COUNT`` with ``UNTIL``,
    ``BYWEEKNO`` or ``BYYEARDAY`` in a rule that is not yearly, ``BYMONTHDAY``
    in a weekly rule, an ordinal ``BYDAY`` (``2TH``) in a daily or weekly
    rule or beside ``BYWEEKNO``, ``BYSETPOS`` without another ``BY`` part.
    An ordinal ``BYDAY`` counts at most 5 within a month, 53 within a year;
    ``INTERVAL`` is at most :data:`MAX_INTERVAL`. The rule is parsed, never
    expanded. The last 1,024 distinct texts read are remembered, so that a
    plan whose habits share a few rules parses each of them once.

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
    settings = dict(parts)
    parsed = _grammar_problem(parts) or _combination_problem(settings) or _parse(body, parts)
    if isinstance(parsed, rrule):
        parsed = _range_problem(parts, settings) or parsed
    if isinstance(parsed, str):
        raise ValidationError(problem=f"invalid RRULE {text[:40]!r}: {parsed}")
    until = _read_until(settings["UNTIL"]) if "UNTIL" in settings else None
    assert not isinstance(until, str)
    return Rule(
        parsed=parsed,
        frequency=settings["FREQ"],
        interval=int(settings.get("INTERVAL", "1")),
        until=None if until is None else until[0],
        until_time=None if until is None else until[1],
        counted="COUNT" in settings,
        count=int(settings["COUNT"]) if "COUNT" in settings else None,
        parts=frozenset(settings),
        set_positions=frozenset(int(n) for n in settings.get("BYSETPOS", "").split(",") if n),
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


def _read_until(setting: str) -> tuple[date, time | None] | str:
    """The date and time of day of an ``UNTIL`` value, or what is wrong with it."""
    matched = _UNTIL.fullmatch(setting)
    if matched is None:
        return f"UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSS, optionally with Z; got {setting[:20]!r}"
    year, month, day, hour, minute, second = matched.groups()
    try:
        day_of = date(int(year), int(month), int(day))
        at = None if hour is None else time(int(hour), int(minute), min(int(second), 59))
    except ValueError:
        return f"UNTIL={setting[:20]} is not a date of the calendar"
    return day_of, at


def _grammar_problem(parts: list[tuple[str, str]]) -> str | None:
    """What is wrong with the parts of a rule that dateutil would accept, if anything."""
    seen: set[str] = set()
    for key, setting in parts:
        if key not in _PARTS:
            return f"unknown part {key[:20]!r}"
        if key in seen:
            return f"{key} is given twice; RFC 5545 allows each part once"
        seen.add(key)
        if key in _TIME_OF_DAY or (key == "FREQ" and setting not in _CYCLE):
            return (
                "repeats within a day; careerkit recurrences are daily, weekly, monthly or yearly"
            )
        if key in ("INTERVAL", "COUNT") and not (setting.isdigit() and int(setting) > 0):
            return f"{key} must be a positive integer"
        if key == "INTERVAL" and int(setting) > MAX_INTERVAL:
            return f"INTERVAL must be at most {MAX_INTERVAL}, got {setting[:20]}"
        if key == "UNTIL" and isinstance(problem := _read_until(setting), str):
            return problem
    if "FREQ" not in seen:
        return "FREQ is missing"
    if "COUNT" in seen and "UNTIL" in seen:
        return "COUNT and UNTIL together; RFC 5545 allows one of them"
    return None


def _combination_problem(settings: dict[str, str]) -> str | None:
    """Which part RFC 5545 forbids with the rule's frequency or other parts, if any."""
    frequency = settings["FREQ"]
    for key, frequencies in _NOT_WITH.items():
        if key in settings and frequency in frequencies:
            return f"{key} is not allowed with FREQ={frequency} (RFC 5545)"
    if "BYSETPOS" in settings and not any(
        key.startswith("BY") and key != "BYSETPOS" for key in settings
    ):
        return "BYSETPOS needs another BY part to choose from (RFC 5545)"
    return None


def _range_problem(parts: list[tuple[str, str]], settings: dict[str, str]) -> str | None:
    """Which BY* number of a parsed rule is out of the range RFC 5545 gives, if any."""
    for key, numbers in parts:
        if key == "BYDAY":
            problem = _ordinal_problem(numbers, settings)
            if problem is not None:
                return problem
        if key in _RANGES:
            low, high, signed = _RANGES[key]
            for number in numbers.split(","):
                size = abs(int(number)) if signed else int(number)
                if not low <= size <= high or (signed and size == 0):
                    return f"{key}={number} is out of range"
    return None


def _ordinal_problem(days: str, settings: dict[str, str]) -> str | None:
    """What is wrong with the ordinals of a ``BYDAY`` value (``2TH``), if anything."""
    frequency = settings["FREQ"]
    in_month = frequency == "MONTHLY" or "BYMONTH" in settings
    for day in days.split(","):
        ordinal = day[:-2].lstrip("+-")
        if not ordinal:
            continue
        if frequency in ("DAILY", "WEEKLY") or "BYWEEKNO" in settings:
            return f"BYDAY={day}: an ordinal weekday needs FREQ=MONTHLY or YEARLY without BYWEEKNO (RFC 5545)"
        most = 5 if in_month else 53
        if not (ordinal.isdigit() and 1 <= int(ordinal) <= most):
            within = "a month" if in_month else "a year"
            return f"BYDAY={day} is out of range: {within} has at most {most} of each weekday"
    return None
