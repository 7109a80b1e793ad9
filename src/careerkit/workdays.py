"""Working-day arithmetic on a :class:`~careerkit.Calendar`.

A working day is a date whose weekday is worked and which is not a holiday.
Durations and float are counted in working days; dates are inclusive, so a
one-day task starting on a Monday finishes that Monday.

Every working day has an index: consecutive working days have consecutive
indexes, and a non-working day shares the index of the next working day. The
functions here are built on that numbering (:class:`DayIndex`), which
converts either way in logarithmic time whatever the span. Each function
refuses an argument of the wrong type (a ``datetime`` for a date, a ``bool``
for a count) with a :class:`~careerkit.ValidationError` naming it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from careerkit.errors import ValidationError
from careerkit.model import Calendar
from careerkit.model.arguments import checked_bool, checked_date, checked_instance, checked_int

__all__ = [
    "DayIndex",
    "add_working_days",
    "count_working_days",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
]

_EPOCH = date(1, 1, 1)  # a Monday
_ONE_DAY = timedelta(days=1)


class DayIndex:
    """Numbers the working days of a calendar.

    ``index_of(day)`` is the index of ``day`` if it is a working day, else of the
    next working day; ``date_of(n)`` is the working day with index ``n``. Indexes
    only mean something relative to each other: ``index_of(b) - index_of(a)``
    counts the working days from ``a`` (included) to ``b`` (excluded).
    ``week_of(n)`` and ``week_start(w)`` go between indexes and Monday-to-Sunday
    weeks by arithmetic alone.

    Parameters
    ----------
    calendar
        The working calendar.

    Raises
    ------
    ValidationError
        ``calendar`` is not a :class:`~careerkit.Calendar` (path ``calendar``).
        The methods trust their arguments: they are the scheduler's inner loop.

    Examples
    --------
    >>> days = DayIndex(Calendar(holidays=(date(2026, 12, 25),)))
    >>> friday = days.index_of(date(2026, 12, 18))
    >>> days.date_of(friday + 5)  # Christmas Day is skipped
    datetime.date(2026, 12, 28)
    >>> days.index_of(date(2026, 12, 20)) - friday  # Sunday shares Monday's index
    1
    >>> days.week_of(friday) - days.week_of(friday - 4)  # that Monday is in the same week
    0
    >>> days.week_start(days.week_of(friday) + 1) - friday  # the next week starts on Monday
    1
    """

    __slots__ = ("_end", "_holiday_dates", "_holidays", "_pattern", "_position", "_shifts", "_size")

    def __init__(self, calendar: Calendar) -> None:
        calendar = checked_instance(calendar, Calendar, "calendar")
        self._pattern = sorted(day.number for day in calendar.working_days)
        self._size = len(self._pattern)
        # For each weekday, the position in the week's pattern of the first
        # worked weekday on or after it (the size of the pattern: next week).
        self._position = [bisect_left(self._pattern, weekday) for weekday in range(7)]
        worked = set(self._pattern)
        self._holiday_dates = frozenset(
            holiday for holiday in calendar.holidays if holiday.weekday() in worked
        )
        self._holidays = sorted(self._ceiling(holiday) for holiday in self._holiday_dates)
        # The k-th holiday (from 0) shares index h - k with the working day
        # after it; the working day with index n lies as many pattern places
        # past n as there are such shared indexes up to n.
        self._shifts = [holiday - k for k, holiday in enumerate(self._holidays)]
        self._end = self.boundary_after(date.max)

    def _ceiling(self, day: date) -> int:
        """Pattern index of the first worked weekday on or after ``day``."""
        offset = (day - _EPOCH).days
        return (offset // 7) * self._size + self._position[offset % 7]

    def _pattern_date(self, pattern_index: int) -> date:
        week, position = divmod(pattern_index, self._size)
        try:
            return _EPOCH + timedelta(days=week * 7 + self._pattern[position])
        except OverflowError:
            raise ValidationError(
                path="calendar", problem="the date falls outside the years 1 to 9999"
            ) from None

    def index_of(self, day: date) -> int:
        """The index of ``day``, or of the next working day if it is not one."""
        # A run of holidays shares the index of the working day after it.
        pattern_index = self._ceiling(day)
        return pattern_index - bisect_left(self._holidays, pattern_index)

    def date_of(self, index: int) -> date:
        """The working day with this index."""
        return self._pattern_date(index + bisect_right(self._shifts, index))

    def week_of(self, index: int) -> int:
        """The number of the Monday-to-Sunday week of the working day with this index.

        Week ``w`` starts on Monday ``date.fromordinal(7 * w + 1)`` (0001-01-01
        was a Monday), so consecutive weeks have consecutive numbers. Found
        without making a date.
        """
        return (index + bisect_right(self._shifts, index)) // self._size

    def week_start(self, week: int) -> int:
        """The index of the first working day on or after the Monday of a week
        (numbered as by :meth:`week_of`); past the calendar's last week, the
        boundary after its last day."""
        first = week * self._size  # the pattern place of that Monday, or of the next worked day
        return min(first - bisect_left(self._holidays, first), self._end)

    def boundary_after(self, day: date) -> int:
        """The index just past ``day``: the count of working days up to and including it.

        Equal to ``index_of(day + 1 day)``, without stepping past 9999-12-31.
        """
        index = self.index_of(day)
        return index + 1 if self.is_working_day(day) else index

    def dates(self, first: int, last: int) -> list[date]:
        """The working days with indexes ``first`` to ``last`` (both included), in order.

        One pass over the calendar: cheaper than ``date_of`` for each index.
        """
        found: list[date] = []
        if last < first:
            return found
        day = self.date_of(first)
        worked = [weekday in self._pattern for weekday in range(7)]
        holidays = self._holiday_dates
        count = last - first + 1
        while len(found) < count:
            if worked[day.weekday()] and day not in holidays:
                found.append(day)
            day += _ONE_DAY
        return found

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        return self._position[day.weekday()] < self._size and (
            self._pattern[self._position[day.weekday()]] == day.weekday()
            and day not in self._holiday_dates
        )


def is_working_day(calendar: Calendar, day: date) -> bool:
    """Whether a date is a working day of the calendar.

    Parameters
    ----------
    calendar
        The working calendar.
    day
        The date to test.

    Returns
    -------
    bool
        True when its weekday is worked and it is not a holiday.

    Examples
    --------
    >>> is_working_day(Calendar(), date(2026, 11, 28))  # a Saturday
    False
    """
    days = DayIndex(calendar)
    return days.is_working_day(checked_date(day, "day"))


def next_working_day(calendar: Calendar, day: date, *, inclusive: bool = True) -> date:
    """The first working day on or after ``day`` (strictly after it unless ``inclusive``).

    Examples
    --------
    >>> next_working_day(Calendar(), date(2026, 11, 28))  # Saturday -> Monday
    datetime.date(2026, 11, 30)
    >>> next_working_day(Calendar(), date(2026, 11, 30), inclusive=False)
    datetime.date(2026, 12, 1)
    """
    days = DayIndex(calendar)
    day = checked_date(day, "day")
    index = days.index_of(day)
    if not checked_bool(inclusive, "inclusive") and days.date_of(index) == day:
        index += 1
    return days.date_of(index)


def previous_working_day(calendar: Calendar, day: date, *, inclusive: bool = True) -> date:
    """The last working day on or before ``day`` (strictly before it unless ``inclusive``).

    Examples
    --------
    >>> previous_working_day(Calendar(), date(2026, 11, 29))  # Sunday -> Friday
    datetime.date(2026, 11, 27)
    """
    days = DayIndex(calendar)
    day = checked_date(day, "day")
    if checked_bool(inclusive, "inclusive") and days.is_working_day(day):
        return day
    return days.date_of(days.index_of(day) - 1)


def add_working_days(calendar: Calendar, day: date, days: int) -> date:
    """Move a number of working days from a date (backwards when negative).

    The count starts from ``day`` itself if it is a working day, else from
    the next working day; so ``days=0`` gives that working day.

    Parameters
    ----------
    calendar
        The working calendar.
    day
        Where to start.
    days
        How many working days to move.

    Returns
    -------
    date
        A working day.

    Raises
    ------
    ValidationError
        The result falls outside the years 1 to 9999; or an argument is of
        the wrong type (path ``calendar``, ``day`` or ``days``: a
        ``datetime`` is not a date, a ``bool`` not a count).

    Examples
    --------
    >>> add_working_days(Calendar(), date(2026, 11, 27), 1)  # Friday + 1 -> Monday
    datetime.date(2026, 11, 30)
    >>> add_working_days(Calendar(), date(2026, 11, 28), 0)  # Saturday -> Monday
    datetime.date(2026, 11, 30)
    """
    index = DayIndex(calendar)
    start = index.index_of(checked_date(day, "day"))
    return index.date_of(start + checked_int(days, "days"))


def count_working_days(calendar: Calendar, start: date, end: date) -> int:
    """The number of working days from ``start`` (included) to ``end`` (excluded).

    Negative when ``end`` comes before ``start``. ``add_working_days(calendar,
    start, count_working_days(calendar, start, end))`` is the first working
    day on or after ``end``.

    Examples
    --------
    >>> count_working_days(Calendar(), date(2026, 11, 23), date(2026, 11, 30))
    5
    """
    index = DayIndex(calendar)
    first, last = checked_date(start, "start"), checked_date(end, "end")
    return index.index_of(last) - index.index_of(first)
