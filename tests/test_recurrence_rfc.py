"""The recurrence examples of RFC 5545 section 3.8.5.3, at the level of dates.

Each example starts at 09:00 in New York on the date given; careerkit habits
are dates, so only the dates are compared. The RFC lists the occurrences of
the rules that never end up to a point ("..."): those are expanded up to
the last date listed. The examples that repeat within a day (hourly,
every 15 minutes, ...) do not apply to habits and are left out.

The same rules are read a second time by the icalendar package, as the full
iCalendar text (``DTSTART;TZID=America/New_York:...`` and ``RRULE``), and
expanded at their real times by python-dateutil: careerkit's dates must be
the New York dates of those moments.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import takewhile

import pytest
from dateutil.rrule import rrulestr

from careerkit import occurrences
from careerkit.recurrence import read_rule


def _month(year: int, month: int, *days: int) -> list[date]:
    return [date(year, month, day) for day in days]


def _every(first: date, last: date, step: int = 1) -> list[date]:
    """Every ``step``-th day from ``first`` to ``last``, both included."""
    return [first + timedelta(days=n) for n in range(0, (last - first).days + 1, step)]


def _januaries(*years: int) -> list[date]:
    return [day for year in years for day in _every(date(year, 1, 1), date(year, 1, 31))]


# (name, DTSTART date, RRULE, last date to expand or None, the dates RFC 5545 lists)
EXAMPLES: list[tuple[str, date, str, date | None, list[date]]] = [
    (
        "daily-for-10-occurrences",
        date(1997, 9, 2),
        "FREQ=DAILY;COUNT=10",
        None,
        _every(date(1997, 9, 2), date(1997, 9, 11)),
    ),
    (
        "daily-until-december-24",
        date(1997, 9, 2),
        "FREQ=DAILY;UNTIL=19971224T000000Z",
        None,
        _every(date(1997, 9, 2), date(1997, 12, 23)),
    ),
    (
        "every-other-day-forever",
        date(1997, 9, 2),
        "FREQ=DAILY;INTERVAL=2",
        date(1997, 12, 1),
        _every(date(1997, 9, 2), date(1997, 12, 1), 2),
    ),
    (
        "every-10-days-5-occurrences",
        date(1997, 9, 2),
        "FREQ=DAILY;INTERVAL=10;COUNT=5",
        None,
        [*_month(1997, 9, 2, 12, 22), *_month(1997, 10, 2, 12)],
    ),
    (
        "every-day-in-january-for-3-years-yearly",
        date(1998, 1, 1),
        "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
        None,
        _januaries(1998, 1999, 2000),
    ),
    (
        "every-day-in-january-for-3-years-daily",
        date(1998, 1, 1),
        "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
        None,
        _januaries(1998, 1999, 2000),
    ),
    (
        "weekly-for-10-occurrences",
        date(1997, 9, 2),
        "FREQ=WEEKLY;COUNT=10",
        None,
        [*_month(1997, 9, 2, 9, 16, 23, 30), *_month(1997, 10, 7, 14, 21, 28), date(1997, 11, 4)],
    ),
    (
        "weekly-until-december-24",
        date(1997, 9, 2),
        "FREQ=WEEKLY;UNTIL=19971224T000000Z",
        None,
        _every(date(1997, 9, 2), date(1997, 12, 23), 7),
    ),
    (
        "every-other-week-forever",
        date(1997, 9, 2),
        "FREQ=WEEKLY;INTERVAL=2;WKST=SU",
        date(1998, 2, 17),
        [
            *_month(1997, 9, 2, 16, 30),
            *_month(1997, 10, 14, 28),
            *_month(1997, 11, 11, 25),
            *_month(1997, 12, 9, 23),
            *_month(1998, 1, 6, 20),
            *_month(1998, 2, 3, 17),
        ],
    ),
    (
        "tuesday-and-thursday-for-five-weeks-until",
        date(1997, 9, 2),
        "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
        None,
        [*_month(1997, 9, 2, 4, 9, 11, 16, 18, 23, 25, 30), date(1997, 10, 2)],
    ),
    (
        "tuesday-and-thursday-for-five-weeks-count",
        date(1997, 9, 2),
        "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
        None,
        [*_month(1997, 9, 2, 4, 9, 11, 16, 18, 23, 25, 30), date(1997, 10, 2)],
    ),
    (
        "every-other-week-monday-wednesday-friday-until",
        date(1997, 9, 1),
        "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
        None,
        [
            *_month(1997, 9, 1, 3, 5, 15, 17, 19, 29),
            *_month(1997, 10, 1, 3, 13, 15, 17, 27, 29, 31),
            *_month(1997, 11, 10, 12, 14, 24, 26, 28),
            *_month(1997, 12, 8, 10, 12, 22),
        ],
    ),
    (
        "every-other-week-tuesday-thursday-8-occurrences",
        date(1997, 9, 2),
        "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
        None,
        [*_month(1997, 9, 2, 4, 16, 18, 30), *_month(1997, 10, 2, 14, 16)],
    ),
    (
        "monthly-first-friday-10-occurrences",
        date(1997, 9, 5),
        "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
        None,
        [
            *_month(1997, 9, 5),
            *_month(1997, 10, 3),
            *_month(1997, 11, 7),
            *_month(1997, 12, 5),
            *_month(1998, 1, 2),
            *_month(1998, 2, 6),
            *_month(1998, 3, 6),
            *_month(1998, 4, 3),
            *_month(1998, 5, 1),
            *_month(1998, 6, 5),
        ],
    ),
    (
        "monthly-first-friday-until-december-24",
        date(1997, 9, 5),
        "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR",
        None,
        [*_month(1997, 9, 5), *_month(1997, 10, 3), *_month(1997, 11, 7), *_month(1997, 12, 5)],
    ),
    (
        "every-other-month-first-and-last-sunday",
        date(1997, 9, 7),
        "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
        None,
        [
            *_month(1997, 9, 7, 28),
            *_month(1997, 11, 2, 30),
            *_month(1998, 1, 4, 25),
            *_month(1998, 3, 1, 29),
            *_month(1998, 5, 3, 31),
        ],
    ),
    (
        "monthly-second-to-last-monday-6-months",
        date(1997, 9, 22),
        "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
        None,
        [
            *_month(1997, 9, 22),
            *_month(1997, 10, 20),
            *_month(1997, 11, 17),
            *_month(1997, 12, 22),
            *_month(1998, 1, 19),
            *_month(1998, 2, 16),
        ],
    ),
    (
        "monthly-third-to-last-day-forever",
        date(1997, 9, 28),
        "FREQ=MONTHLY;BYMONTHDAY=-3",
        date(1998, 2, 26),
        [
            *_month(1997, 9, 28),
            *_month(1997, 10, 29),
            *_month(1997, 11, 28),
            *_month(1997, 12, 29),
            *_month(1998, 1, 29),
            *_month(1998, 2, 26),
        ],
    ),
    (
        "monthly-2nd-and-15th-10-occurrences",
        date(1997, 9, 2),
        "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
        None,
        [
            *_month(1997, 9, 2, 15),
            *_month(1997, 10, 2, 15),
            *_month(1997, 11, 2, 15),
            *_month(1997, 12, 2, 15),
            *_month(1998, 1, 2, 15),
        ],
    ),
    (
        "monthly-first-and-last-day-10-occurrences",
        date(1997, 9, 30),
        "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
        None,
        [
            *_month(1997, 9, 30),
            *_month(1997, 10, 1, 31),
            *_month(1997, 11, 1, 30),
            *_month(1997, 12, 1, 31),
            *_month(1998, 1, 1, 31),
            *_month(1998, 2, 1),
        ],
    ),
    (
        "every-18-months-10th-to-15th",
        date(1997, 9, 10),
        "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
        None,
        [*_month(1997, 9, 10, 11, 12, 13, 14, 15), *_month(1999, 3, 10, 11, 12, 13)],
    ),
    (
        "every-tuesday-every-other-month",
        date(1997, 9, 2),
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU",
        date(1998, 3, 31),
        [
            *_month(1997, 9, 2, 9, 16, 23, 30),
            *_month(1997, 11, 4, 11, 18, 25),
            *_month(1998, 1, 6, 13, 20, 27),
            *_month(1998, 3, 3, 10, 17, 24, 31),
        ],
    ),
    (
        "yearly-in-june-and-july-10-occurrences",
        date(1997, 6, 10),
        "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
        None,
        [date(year, month, 10) for year in range(1997, 2002) for month in (6, 7)],
    ),
    (
        "every-other-year-january-february-march",
        date(1997, 3, 10),
        "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
        None,
        [date(1997, 3, 10)]
        + [date(year, month, 10) for year in (1999, 2001, 2003) for month in (1, 2, 3)],
    ),
    (
        "every-third-year-days-1-100-200",
        date(1997, 1, 1),
        "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
        None,
        [
            *_month(1997, 1, 1),
            *_month(1997, 4, 10),
            *_month(1997, 7, 19),
            *_month(2000, 1, 1),
            *_month(2000, 4, 9),
            *_month(2000, 7, 18),
            *_month(2003, 1, 1),
            *_month(2003, 4, 10),
            *_month(2003, 7, 19),
            *_month(2006, 1, 1),
        ],
    ),
    (
        "every-20th-monday-of-the-year",
        date(1997, 5, 19),
        "FREQ=YEARLY;BYDAY=20MO",
        date(1999, 5, 17),
        [date(1997, 5, 19), date(1998, 5, 18), date(1999, 5, 17)],
    ),
    (
        "monday-of-week-20",
        date(1997, 5, 12),
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
        date(1999, 5, 17),
        [date(1997, 5, 12), date(1998, 5, 11), date(1999, 5, 17)],
    ),
    (
        "every-thursday-in-march",
        date(1997, 3, 13),
        "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
        date(1999, 3, 25),
        [
            *_month(1997, 3, 13, 20, 27),
            *_month(1998, 3, 5, 12, 19, 26),
            *_month(1999, 3, 4, 11, 18, 25),
        ],
    ),
    (
        "every-thursday-in-summer",
        date(1997, 6, 5),
        "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8",
        date(1999, 8, 26),
        [
            *_month(1997, 6, 5, 12, 19, 26),
            *_month(1997, 7, 3, 10, 17, 24, 31),
            *_month(1997, 8, 7, 14, 21, 28),
            *_month(1998, 6, 4, 11, 18, 25),
            *_month(1998, 7, 2, 9, 16, 23, 30),
            *_month(1998, 8, 6, 13, 20, 27),
            *_month(1999, 6, 3, 10, 17, 24),
            *_month(1999, 7, 1, 8, 15, 22, 29),
            *_month(1999, 8, 5, 12, 19, 26),
        ],
    ),
    (
        "every-friday-the-13th",
        date(1997, 9, 2),  # the RFC excludes its DTSTART with EXDATE; it is no Friday the 13th
        "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
        date(2000, 10, 13),
        [
            *_month(1998, 2, 13),
            *_month(1998, 3, 13),
            *_month(1998, 11, 13),
            *_month(1999, 8, 13),
            *_month(2000, 10, 13),
        ],
    ),
    (
        "first-saturday-after-the-first-sunday",
        date(1997, 9, 13),
        "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
        date(1998, 6, 13),
        [
            *_month(1997, 9, 13),
            *_month(1997, 10, 11),
            *_month(1997, 11, 8),
            *_month(1997, 12, 13),
            *_month(1998, 1, 10),
            *_month(1998, 2, 7),
            *_month(1998, 3, 7),
            *_month(1998, 4, 11),
            *_month(1998, 5, 9),
            *_month(1998, 6, 13),
        ],
    ),
    (
        "us-presidential-election-day",
        date(1996, 11, 5),
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
        date(2004, 11, 2),
        [date(1996, 11, 5), date(2000, 11, 7), date(2004, 11, 2)],
    ),
    (
        "third-tuesday-wednesday-or-thursday-for-3-months",
        date(1997, 9, 4),
        "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
        None,
        [date(1997, 9, 4), date(1997, 10, 7), date(1997, 11, 6)],
    ),
    (
        "second-to-last-weekday-of-the-month",
        date(1997, 9, 29),
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
        date(1998, 3, 30),
        [
            *_month(1997, 9, 29),
            *_month(1997, 10, 30),
            *_month(1997, 11, 27),
            *_month(1997, 12, 30),
            *_month(1998, 1, 29),
            *_month(1998, 2, 26),
            *_month(1998, 3, 30),
        ],
    ),
    (
        "invalid-dates-are-ignored",
        date(2007, 1, 15),
        "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
        None,
        [*_month(2007, 1, 15, 30), *_month(2007, 2, 15), *_month(2007, 3, 15, 30)],
    ),
    (
        "week-start-monday",
        date(1997, 8, 5),
        "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
        None,
        _month(1997, 8, 5, 10, 19, 24),
    ),
    (
        "week-start-sunday",
        date(1997, 8, 5),
        "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
        None,
        _month(1997, 8, 5, 17, 19, 31),
    ),
]
PARAMETERS = [pytest.param(*example[1:], id=example[0]) for example in EXAMPLES]


@pytest.mark.parametrize(("start", "rule", "end", "listed"), PARAMETERS)
def test_rfc_5545_examples(start: date, rule: str, end: date | None, listed: list[date]) -> None:
    """careerkit gives the dates RFC 5545 lists for each daily-or-slower example."""
    assert tuple(listed) == occurrences(rule, start=start, end=end)


_NEW_YORK_EVENT = """BEGIN:VEVENT
UID:example@careerkit
DTSTAMP:19970901T000000Z
DTSTART;TZID=America/New_York:{start}T090000
RRULE:{rule}
END:VEVENT
"""


@pytest.mark.parametrize(("start", "rule", "end", "listed"), PARAMETERS)
def test_icalendar_reads_the_same_rules(
    start: date, rule: str, end: date | None, listed: list[date]
) -> None:
    """icalendar reads each example as iCalendar text; expanded at 09:00 New York time,
    its occurrences fall on the dates careerkit gives."""
    icalendar = pytest.importorskip("icalendar")
    event = icalendar.Event.from_ical(
        _NEW_YORK_EVENT.format(start=start.strftime("%Y%m%d"), rule=rule)
    )
    first = event.decoded("DTSTART")
    (recurrence,) = event.rrules
    read = read_rule(rule)
    assert (read.frequency, read.interval) == (
        recurrence["FREQ"][0],
        recurrence.get("INTERVAL", [1])[0],
    )
    assert (read.until is None) == ("UNTIL" not in recurrence)

    moments = rrulestr(recurrence.to_ical().decode(), dtstart=first)
    last = datetime.combine(end, time(23, 59), tzinfo=first.tzinfo) if end else None
    expected = tuple(
        moment.date() for moment in takewhile(lambda at: last is None or at <= last, moments)
    )

    assert (first.time() == time(9) and expected[:1] == (start,)) or start not in listed
    assert expected == occurrences(rule, start=start, end=end)
