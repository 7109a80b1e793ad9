"""Finding one entry of a result by its id, in a tuple sorted by that id."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from typing import TypeVar

from careerkit.errors import UnknownReferenceError

__all__ = ["T", "by_id"]

T = TypeVar("T")
"""The type of the entries looked up."""


def by_id(items: Sequence[T], field: str, key: object) -> T:
    """The entry of ``items`` (sorted by ``field``) whose ``field`` is ``key``.

    Found by bisection, in time logarithmic in the entries.

    Raises
    ------
    UnknownReferenceError
        No entry has that id (or ``key`` is not a string); its kind is ``field``.

    Examples
    --------
    >>> goals = schedule(sample_plan).goals
    >>> by_id(goals, "goal", "ga-certification").deadline
    datetime.date(2026, 4, 30)
    >>> by_id(goals, "goal", "nope")
    Traceback (most recent call last):
    careerkit.errors.UnknownReferenceError: no goal with id 'nope'
    """
    if isinstance(key, str):
        read = operator.attrgetter(field)
        at = bisect.bisect_left(items, key, key=read)
        if at < len(items) and read(items[at]) == key:
            return items[at]
    raise UnknownReferenceError(kind=field, id=str(key))
