"""Reading an RFC 5545 RRULE text into a checked :class:`Rule`.

The grammar of a rule, the ranges and combinations of parts RFC 5545 allows,
``UNTIL``, and the bounded memo of the texts read. Expanding a rule read here
is the work of ``careerkit.recurrence._occurrences``.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, time

from attrs import field, frozen
from dateutil.rrule import rrule, rrulestr

from careerkit.errors import ValidationError

MAX_INTERVAL = 10_000
"""The largest ``INTERVAL`` a rule may have."""

_MEMO_SIZE = 1024
"""How many distinct rule texts :func:`read_rule` remembers."""
_ANCHOR = datetime(2000, 1, 3)  # noqa: DTZ001 - a Monday; replaced by the real start to expand
# The frequencies careerkit expands; RFC 5545 has shorter ones too.
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
"""The frequencies a careerkit recurrence may have, the shortest first."""
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
# RFC 5545 section 3.3.10: the parts a frequency must not have.
_NOT_WITH = {
    "BYWEEKNO": frozenset(["DAILY", "WEEKLY", "MONTHLY"]),
    "BYYEARDAY": frozenset(["DAILY", "WEEKLY", "MONTHLY"]),
    "BYMONTHDAY": frozenset(["WEEKLY"]),
}
_UNTIL = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?")


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
    :func:`~careerkit.recurrence.occurrences` expands what it returns. Only the RRULE value is
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
        if key in _TIME_OF_DAY or (key == "FREQ" and setting not in FREQUENCIES):
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
