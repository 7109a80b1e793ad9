"""Finding the deadline in a phrase such as "by March 2027" or "within five years".

:func:`parse_deadline` reads the common ways people write when something
must be done, relative to an explicit ``as_of`` date. Each phrase names a
period (a day, a month, a quarter, a year, a span from ``as_of``); "by X"
means its last day and "before X" the day before it begins. It never
guesses: vague phrases ("soon", "someday") and vague counts ("a few weeks",
"a couple of months", "several years") give None, and so does a date that
does not exist (30 February) or lies outside the years 1 to 9999. Calendar
arithmetic is python-dateutil's :class:`~dateutil.relativedelta.relativedelta`,
so adding months clips to the end of a short month.
"""

from __future__ import annotations

from datetime import date

from careerkit.model.arguments import checked_date, checked_text
from careerkit.smart._readers import deadline_in
from careerkit.smart._wording import normalised

__all__ = ["parse_deadline"]


def parse_deadline(text: str, *, as_of: date) -> date | None:
    """The deadline a phrase names, or None when it names none.

    Parameters
    ----------
    text
        A goal or a phrase, such as "Earn the certificate by March 2027"; a
        string of at most 100,000 characters.
    as_of
        The date the phrase was written: relative phrases count from it, and
        dates without a year are the next ones on or after it.

    Returns
    -------
    date or None
        The last day that meets the deadline: "by March 2027" is
        2027-03-31, "before March 2027" 2027-02-28, "by 2028" 2028-12-31,
        "by the end of Q3" the next 30 September, "H1 2027" and "mid-2027"
        2027-06-30, "within the next five years" five years after
        ``as_of``. Numeric dates are read day first (``03/04/2027`` is 3
        April 2027) unless only month first makes a date (``12/31/2026``).
        None when the phrase names no deadline, names it vaguely, or names
        a date that does not exist or falls outside the years 1 to 9999.
        "by Friday" is the coming Friday (today included), "next Friday"
        the Friday of next week; "by the 15th" the next 15th; "EOY" the
        end of the year; "in half a year" six months; "within a few
        weeks" and "in a couple of months" name no deadline. A four-digit
        year is the year as written, a two-digit one is in the 2000s.

    Raises
    ------
    ValidationError
        ``text`` is not a string or is longer than 100,000 characters (path
        ``text``), or ``as_of`` is not a date (path ``as_of``).

    Examples
    --------
    >>> parse_deadline("become a marketing director within the next five years",
    ...                as_of=date(2026, 11, 26))
    datetime.date(2031, 11, 26)
    >>> parse_deadline("by March 2027", as_of=date(2026, 11, 26))
    datetime.date(2027, 3, 31)
    >>> parse_deadline("before June", as_of=date(2026, 11, 26))
    datetime.date(2027, 5, 31)

    Months are added as python-dateutil does, so six months after 31 August
    is the last day of February:

    >>> parse_deadline("in 6 months", as_of=date(2025, 8, 31))
    datetime.date(2026, 2, 28)
    >>> parse_deadline("get better at networking soon", as_of=date(2026, 11, 26)) is None
    True
    >>> parse_deadline("Finish by 2026-02-30", as_of=date(2026, 1, 5)) is None
    True
    """
    lowered = normalised(checked_text(text))
    return deadline_in(lowered, checked_date(as_of))
