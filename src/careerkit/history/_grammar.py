"""The grammar of changes: what a change does (:class:`Operation`) and where (its path).

A path names a plan field (``vision``), a field of the profile or calendar
(``calendar.holidays``), a goal or task by id (``tasks[enrol]``) or a field
of one (``goals[cert].deadline``), a check-in by position (``check_ins[2]``),
or the order of the goals or tasks (``goals``).
"""

from __future__ import annotations

import enum
import functools
import re

import attrs

from careerkit.model import (
    Application,
    Asset,
    Calendar,
    CareerOption,
    CheckIn,
    Contact,
    Goal,
    Plan,
    Profile,
    Role,
    Task,
)

__all__ = ["KEYED", "NESTED", "POSITIONAL", "SCALARS", "Operation", "parts"]

KEYED: dict[str, type] = {
    "goals": Goal,
    "tasks": Task,
    "roles": Role,
    "assets": Asset,
    "contacts": Contact,
    "options": CareerOption,
    "applications": Application,
}
"""Lists of items with ids, addressed by id."""
POSITIONAL: dict[str, type] = {"check_ins": CheckIn}
"""Lists of items without ids, addressed by position."""
NESTED: dict[str, type] = {"profile": Profile, "calendar": Calendar}
"""Values whose fields change one by one."""
SCALARS = {
    attribute.name: attribute
    for attribute in attrs.fields(Plan)
    if attribute.init and attribute.name not in (*KEYED, *POSITIONAL, *NESTED)
}
"""The plan's other fields, which change as a whole."""
_PATH = re.compile(r"([a-z_]+)(?:\[([^\]]+)\])?(?:\.([a-z_]+))?")


class Operation(enum.Enum):
    """What a change does.

    >>> Operation("change")
    <Operation.CHANGE: 'change'>
    """

    ADD = "add"
    REMOVE = "remove"
    CHANGE = "change"


@functools.lru_cache(maxsize=4096)
def parts(path: str) -> tuple[str, str | None, str | None] | None:
    """A path's collection or field, id or position, and field inside (a bounded memo:
    a history repeats the same paths)."""
    match = _PATH.fullmatch(path)
    return None if match is None else (match.group(1), match.group(2), match.group(3))
