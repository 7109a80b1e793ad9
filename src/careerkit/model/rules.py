"""Field checks shared by the model classes.

Each check appends ``Problem``s to a list instead of raising, so that a value
reports every bad field at once. ``raise_if_any`` turns the list into a
``ValidationError``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from careerkit.errors import Problem, ValidationError
from careerkit.recurrence import read_rule

__all__ = [
    "ID_PATTERN",
    "MAX_TEXT",
    "check_date",
    "check_enum",
    "check_id",
    "check_ids",
    "check_items",
    "check_number",
    "check_rrule",
    "check_text",
    "check_texts",
    "describe",
    "match_ids",
    "raise_if_any",
    "to_tuple",
]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")  # used with fullmatch: no newline slips in
MAX_TEXT = 100_000
MAX_DURATION = 100_000
"""The longest task, in working days (about 400 years)."""
MAX_MAGNITUDE = 1e15
"""The largest size of any number in a plan: anything beyond is a mistake."""
match_ids = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}+(?:\n[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}+)*+"
).fullmatch
"""Match ids joined by newlines, each against ``ID_PATTERN``, at once (for fast paths).

An id that itself holds a newline would pass as two: count the separators too.
"""


def to_tuple(value: Any) -> Any:
    """Turn a list into a tuple; leave anything else for the checks to judge."""
    if type(value) is list:
        return tuple(value)
    return value


def raise_if_any(problems: list[Problem]) -> None:
    """Raise a ``ValidationError`` carrying ``problems`` if there are any."""
    if problems:
        raise ValidationError(problems=problems)


_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    list: "a list",
    tuple: "a list",
    dict: "an object",
    type(None): "null",
}


def _a(kind: type) -> str:
    return "a string" if kind is str else f"a {kind.__name__}"


def describe(value: object) -> str:
    """How a value's type is named in messages: ``"a string"``, ``"null"``, ..."""
    return _TYPE_NAMES.get(type(value)) or type(value).__name__


def check_text(problems: list[Problem], path: str, value: object, *, required: bool = True) -> None:
    """A string; non-blank when ``required``; at most ``MAX_TEXT`` characters."""
    if type(value) is not str:
        problems.append(Problem(path, f"expected a string, got {describe(value)}"))
    elif required and not value.strip():
        problems.append(Problem(path, "must not be empty"))
    elif len(value) > MAX_TEXT:
        problems.append(Problem(path, f"longer than {MAX_TEXT} characters"))


def check_id(problems: list[Problem], path: str, value: object) -> None:
    """An identifier: letters, digits, ``_ . : -``, starting with a letter or digit."""
    if type(value) is not str:
        problems.append(Problem(path, f"expected an id string, got {describe(value)}"))
    elif not _ID.fullmatch(value):
        problems.append(
            Problem(
                path,
                f"invalid id {value[:40]!r}: use 1-128 letters, digits, '_', '.', ':' "
                "or '-', starting with a letter or digit",
            )
        )


def check_items(
    problems: list[Problem],
    path: str,
    value: object,
    kind: Any,
    *,
    described: str = "",
) -> bool:
    """A tuple whose items are all ``kind`` (named ``described`` in messages).

    Returns True when the shape is right.
    """
    if type(value) is not tuple:
        problems.append(Problem(path, f"expected a list, got {describe(value)}"))
        return False
    if set(map(type, value)) <= {kind}:
        return True  # every item is exactly of the kind: the common case, tested at C speed
    ok = True
    for index, item in enumerate(value):
        if not isinstance(item, kind):
            problems.append(
                Problem(
                    f"{path}[{index}]", f"expected {described or _a(kind)}, got {describe(item)}"
                )
            )
            ok = False
    return ok


def check_ids(problems: list[Problem], path: str, value: object) -> None:
    """A tuple of distinct ids."""
    if check_items(problems, path, value, str):
        assert isinstance(value, tuple)
        seen: set[str] = set()
        for index, item in enumerate(value):
            check_id(problems, f"{path}[{index}]", item)
            if item in seen:
                problems.append(Problem(f"{path}[{index}]", f"duplicate entry {item!r}"))
            seen.add(item)


def check_texts(problems: list[Problem], path: str, value: object) -> None:
    """A tuple of distinct non-blank strings."""
    if check_items(problems, path, value, str):
        assert isinstance(value, tuple)
        seen: set[str] = set()
        for index, item in enumerate(value):
            check_text(problems, f"{path}[{index}]", item)
            if item in seen:
                problems.append(Problem(f"{path}[{index}]", f"duplicate entry {item!r}"))
            seen.add(item)


def check_number(
    problems: list[Problem],
    path: str,
    value: object,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    above: float | None = None,
    integer: bool = False,
    optional: bool = False,
) -> None:
    """A finite number (an ``int`` when ``integer``) within the given bounds."""
    if value is None and optional:
        return
    kind = type(value)
    if kind is bool or not (kind is int or (kind is float and not integer)):
        expected = "an integer" if integer else "a number"
        problems.append(Problem(path, f"expected {expected}, got {describe(value)}"))
        return
    assert isinstance(value, int | float)
    if not -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:  # also false for NaN
        shown = f"{value:.3g}" if kind is float else "a larger integer"
        problems.append(Problem(path, f"must be a finite number of size at most 1e15, got {shown}"))
    elif minimum is not None and value < minimum:
        problems.append(Problem(path, f"must be at least {minimum}, got {value}"))
    elif maximum is not None and value > maximum:
        problems.append(Problem(path, f"must be at most {maximum}, got {value}"))
    elif above is not None and value <= above:
        problems.append(Problem(path, f"must be greater than {above}, got {value}"))


def check_date(
    problems: list[Problem], path: str, value: object, *, optional: bool = False
) -> None:
    """A ``datetime.date`` (not a ``datetime``), or None when ``optional``."""
    if value is None and optional:
        return
    if type(value) is not date:
        problems.append(Problem(path, f"expected a date, got {describe(value)}"))


def check_enum(problems: list[Problem], path: str, value: object, kind: type[enum.Enum]) -> None:
    """A member of the enum ``kind``."""
    if not isinstance(value, kind):
        choices = ", ".join(member.name for member in kind)
        problems.append(Problem(path, f"expected a {kind.__name__} ({choices}), got {value!r}"))


def check_mapping(problems: list[Problem], path: str, value: object) -> None:
    """A mapping of strings to strings."""
    if not isinstance(value, Mapping):
        problems.append(Problem(path, f"expected a mapping, got {describe(value)}"))
        return
    for key, item in value.items():
        if type(key) is not str:
            problems.append(Problem(path, f"keys must be strings, got {describe(key)}"))
        else:
            check_text(problems, f"{path}.{key}", item, required=False)


def check_rrule(problems: list[Problem], path: str, value: object, *, optional: bool) -> None:
    """An RFC 5545 recurrence rule such as ``FREQ=MONTHLY;BYDAY=1TU``, as
    :func:`careerkit.recurrence.read_rule` reads it (each distinct text once)."""
    if value is None and optional:
        return
    if type(value) is not str:
        problems.append(Problem(path, f"expected an RRULE string, got {describe(value)}"))
        return
    try:
        read_rule(value)
    except ValidationError as exc:
        problems.extend(Problem(path, problem.problem) for problem in exc.problems)
