"""Changes in words: what a person reads of a change, values cut to a readable length."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from careerkit.history._grammar import Operation

__all__ = ["short", "what"]

_ROOM = 80
"""The longest a value reads in a change, in characters."""


def what(operation: Operation, before: Any, after: Any) -> str:
    """What a change did, in words."""
    if operation is Operation.ADD:
        return f"added {short(after)}"
    if operation is Operation.REMOVE:
        return f"removed {short(before)}"
    if isinstance(before, list) and isinstance(after, list):
        if len(after) > len(before) and after[: len(before)] == before:
            return "added " + _items(after[len(before) :])
        if len(before) > len(after) and before[: len(after)] == after:
            return "removed " + _items(before[len(after) :])
    if isinstance(before, dict) and isinstance(after, dict):
        changed = [key for key in {**before, **after} if before.get(key) != after.get(key)]
        return _joined(
            (
                f"{key} {short(before.get(key), 30)} -> {short(after.get(key), 30)}"
                for key in changed
            ),
            "",
            "",
            separator="; ",
        )
    return f"{short(before)} -> {short(after)}"


def _items(values: list[Any]) -> str:
    return short(values[0]) if len(values) == 1 else _joined(map(short, values), "", "")


def short(value: Any, room: int = _ROOM) -> str:
    """A JSON-ready value in at most about ``room`` characters, quotes and brackets balanced.

    A goal or task (an object with a title) reads as its title.
    """
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= room else repr(value[: max(room - 5, 1)] + "...")
    if isinstance(value, dict):
        title = value.get("title")
        if isinstance(title, str):
            return short(title, room)
        parts = (f"{key}: {short(item, 30)}" for key, item in value.items())
        return _joined(parts, "{", "}", room=room)
    if isinstance(value, list):
        return _joined((short(item, 30) for item in value), "[", "]", room=room)
    text = repr(value)
    return text if len(text) <= room else text[: room - 3] + "..."


def _joined(
    parts: Iterable[str], opening: str, closing: str, *, room: int = _ROOM, separator: str = ", "
) -> str:
    """Parts between brackets, as many as fit in ``room``, then ``...``."""
    kept: list[str] = []
    length = len(opening) + len(closing)
    for part in parts:
        length += len(part) + len(separator)
        if length > room and kept:
            kept.append("...")
            break
        kept.append(part)
    return opening + separator.join(kept) + closing
