"""The one strict, bounded JSON reader of careerkit documents."""

from __future__ import annotations

import json
from typing import Any

from careerkit.errors import ValidationError

__all__ = ["DEFAULT_MAX_SIZE", "read_json"]

DEFAULT_MAX_SIZE = 32 * 1024 * 1024
"""The largest document :func:`loads` reads by default: 32 MiB, counted in
bytes of UTF-8 for text and bytes alike. Pass ``max_size`` to change it."""


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
        The largest document accepted, in bytes of UTF-8 (text is counted as
        the bytes it encodes to).

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
            path="max_size", problem=f"expected a size in bytes, got {max_size!r:.40}"
        )
    if not isinstance(text, str | bytes | bytearray):
        raise ValidationError(path="", problem=f"expected JSON text, got {type(text).__name__}")
    size = _size(text, max_size)
    if size is None or size > max_size:
        shown = f"more than {max_size} bytes" if size is None else f"{size} bytes"
        raise ValidationError(
            path="", problem=f"the document is {shown}, above the limit of {max_size} (max_size)"
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


def _size(text: str | bytes | bytearray, max_size: int) -> int | None:
    """The document's size in bytes of UTF-8; None for a text known to be larger than
    ``max_size`` whose exact size is not worth computing.

    Text is encoded only when its length leaves the answer open: each
    character takes one to four bytes.
    """
    length = len(text)
    if not isinstance(text, str) or length * 4 <= max_size or text.isascii():
        return length
    if length > max_size:
        return None
    return len(text.encode("utf-8", "surrogatepass"))


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
