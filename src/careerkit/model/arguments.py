"""Checks of the arguments of public functions, at the door.

A goal text is a ``str`` of at most ``careerkit.model.rules.MAX_TEXT``
characters (100,000), the limit of every text field of a plan; a date is a
``datetime.date`` and not a ``datetime``. Each check raises a
:class:`~careerkit.ValidationError` whose path is the argument's name.
"""

from __future__ import annotations

from datetime import date

from careerkit.errors import Problem
from careerkit.model import rules as checks

__all__ = ["checked_as_of", "checked_date", "checked_text"]


def checked_text(text: object, path: str = "text") -> str:
    """``text`` if it is a string of at most ``MAX_TEXT`` characters (blank is fine)."""
    problems: list[Problem] = []
    checks.Text(required=False).check(problems, path, text)
    checks.raise_if_any(problems)
    assert isinstance(text, str)
    return text


def checked_as_of(as_of: object, *, optional: bool = False) -> date | None:
    """``as_of`` if it is a date (or None when ``optional``)."""
    problems: list[Problem] = []
    checks.Date(optional=optional, any_year=True).check(problems, "as_of", as_of)
    checks.raise_if_any(problems)
    assert as_of is None or isinstance(as_of, date)
    return as_of


def checked_date(as_of: object) -> date:
    """``as_of`` if it is a date."""
    checked = checked_as_of(as_of)
    assert checked is not None
    return checked
