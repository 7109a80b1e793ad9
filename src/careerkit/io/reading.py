"""The one strict, bounded JSON reader of careerkit documents."""

from __future__ import annotations

import json
from typing import Any

from careerkit.errors import ValidationError

__all__ = ["DEFAULT_MAX_SIZE", "read_json"]

DEFAULT_MAX_SIZE = 32 * 1024 * 1024
"""The largest document :func:`loads` reads by default: 32 MiB (characters
for text, bytes for bytes). Pass ``max_size`` to change it."""


def read_json(text: object, *, max_size: int = DEFAULT_MAX_SIZE) -> object:
    """Parse JSON text strictly, within a size limit.

    The one reader of every careerkit document, plans and histories alike:
    the size is checked before parsing; bytes must be UTF-8 (no byte-order
    mark); duplicate keys, ``NaN`` and ``Infinity`` are refused; numbers too
    large for a float and nesting deeper than Python's recursion limit are
    reported, never raised as foreign exceptions.

    Parameters
    ----------
    text
        The document, as text or UTF-8 bytes.
    max_size
        The largest document accepted, in characters for text and bytes for
        bytes.

    Returns
    -------
    object
        The parsed JSON value.

    Raises
    ------
    ValidationError
        The text is too large, not UTF-8 or not strict JSON.

    Examples
    --------
    >>> read_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    careerkit.errors.ValidationError: not valid JSON: duplicate key 'a'
    """
    if type(max_size) is not int or max_size < 0:
        raise ValidationError(
            path="max_size", problem=f"expected a size in characters or bytes, got {max_size!r:.40}"
        )
    if isinstance(text, bytes | bytearray):
        unit = "bytes"
    elif isinstance(text, str):
        unit = "characters"
    else:
        raise ValidationError(path="", problem=f"expected JSON text, got {type(text).__name__}")
    if len(text) > max_size:
        raise ValidationError(
            path="",
            problem=f"the document is {len(text)} {unit}, above the limit of {max_size} (max_size)",
        )
    try:
        if not isinstance(text, str):
            text = bytes(text).decode("utf-8")  # strict: no other encoding, no byte-order mark
        return json.loads(
            text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
        )
    except RecursionError:
        raise ValidationError(path="", problem="the document is nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, too many digits
        raise ValidationError(path="", problem=f"not valid JSON: {exc}") from None


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen.add(key)
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a finite number")
