"""Checks of the arguments of public functions, at the door.

A goal text is a ``str`` of at most ``careerkit.model.rules.MAX_TEXT``
characters (100,000), the limit of every text field of a plan; a date is a
``datetime.date`` and not a ``datetime``; a count is an ``int`` and not a
``bool``; a flag is a ``bool``. Each check raises a
:class:`~careerkit.ValidationError` whose path is the argument's name.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from careerkit.errors import Problem, ValidationError
from careerkit.model import rules as checks

__all__ = [
    "checked_as_of",
    "checked_bool",
    "checked_date",
    "checked_instance",
    "checked_int",
    "checked_text",
]

T = TypeVar("T")

_TEXT = checks.Text(required=False)
_DATES = {optional: checks.Date(optional=optional, any_year=True) for optional in (False, True)}
"""The rules, built once: building one compiles its quick test."""


def checked_text(text: object, path: str = "text") -> str:
    """``text`` if it is a string of at most ``MAX_TEXT`` characters (blank is fine)."""
    problems: list[Problem] = []
    _TEXT.check(problems, path, text)
    checks.raise_if_any(problems)
    assert isinstance(text, str)
    return text


def checked_as_of(as_of: object, *, optional: bool = False, path: str = "as_of") -> date | None:
    """``as_of`` if it is a date (or None when ``optional``); ``path`` names it in errors."""
    problems: list[Problem] = []
    _DATES[optional].check(problems, path, as_of)
    checks.raise_if_any(problems)
    assert as_of is None or isinstance(as_of, date)
    return as_of


def checked_date(as_of: object, path: str = "as_of") -> date:
    """``as_of`` if it is a date; ``path`` names it in errors.

    >>> from datetime import datetime
    >>> checked_date(datetime(2026, 1, 5, 9), "day")
    Traceback (most recent call last):
    careerkit.errors.ValidationError: day: expected a date, got datetime
    """
    checked = checked_as_of(as_of, path=path)
    assert checked is not None
    return checked


def checked_int(value: object, path: str, *, minimum: int | None = None) -> int:
    """``value`` if it is an ``int`` (not a ``bool``) of at least ``minimum``, within
    the size of every number of a plan (``MAX_MAGNITUDE``).

    >>> checked_int(True, "days")
    Traceback (most recent call last):
    careerkit.errors.ValidationError: days: expected an integer, got a boolean
    >>> checked_int(-1, "limit", minimum=0)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: limit: must be at least 0, got -1
    """
    problems: list[Problem] = []
    checks.check_number(problems, path, value, minimum=minimum, integer=True)
    checks.raise_if_any(problems)
    assert isinstance(value, int)
    return value


def checked_bool(value: object, path: str) -> bool:
    """``value`` if it is a ``bool`` (not ``1`` or ``"yes"``).

    >>> checked_bool(1, "inclusive")
    Traceback (most recent call last):
    careerkit.errors.ValidationError: inclusive: expected a bool, got int
    """
    if type(value) is not bool:
        raise ValidationError(path=path, problem=f"expected a bool, got {type(value).__name__}")
    return value


def checked_instance(value: object, kind: type[T], path: str) -> T:
    """``value`` if it is an instance of ``kind`` (a Plan, a Calendar, a Schedule, ...).

    >>> from careerkit.model import Calendar
    >>> checked_instance({"holidays": []}, Calendar, "calendar")
    Traceback (most recent call last):
    careerkit.errors.ValidationError: calendar: expected a Calendar, got dict
    """
    if not isinstance(value, kind):
        name = kind.__name__
        article = "an" if name[:1] in "AEIOU" else "a"
        raise ValidationError(
            path=path, problem=f"expected {article} {name}, got {type(value).__name__}"
        )
    return value
