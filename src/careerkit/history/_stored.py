"""The fields of a stored revision, read by the rules the writer follows.

Everything :meth:`careerkit.History.start` and :meth:`careerkit.History.commit`
refuse, the reader refuses too, with the path of the field: one copy of
each rule, used by both.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import datetime
from itertools import count, repeat
from typing import Any, Generic, TypeVar

from attrs import frozen

from careerkit.errors import HistoryError, ValidationError, join_path
from careerkit.history._grammar import Operation
from careerkit.history.changes import Change
from careerkit.model.rules import is_blank, unknown_fields

__all__ = [
    "INITIAL",
    "NOT_UTF8",
    "StoredRevision",
    "check_key",
    "check_text",
    "read_baselines",
    "read_revision",
    "reject_unknown",
    "unstorable",
]

_REVISION_FIELDS = frozenset({"number", "at", "author", "reason", "kind", "changes", "digest"})
_CHANGE_FIELDS = frozenset({"operation", "path", "before", "after"})

KindT = TypeVar("KindT", bound=enum.Enum)


def check_text(value: object, path: str) -> str:
    """A revision's author or reason: non-blank text that can be stored as UTF-8."""
    if type(value) is not str:
        raise ValidationError(path=path, problem=f"expected a string, got {type(value).__name__}")
    if is_blank(value):  # blank as in every text of a plan
        raise ValidationError(path=path, problem="must be a non-empty string")
    where = unstorable(value, path)
    if where is not None:
        raise ValidationError(path=where, problem=NOT_UTF8)
    return value


def check_key(key: object) -> bytes | None:
    """A digest key: None, or non-empty bytes."""
    if key is None:
        return None
    if not isinstance(key, bytes) or not key:
        got = "empty bytes" if isinstance(key, bytes) else type(key).__name__
        raise ValidationError(path="key", problem=f"expected non-empty bytes, got {got}")
    return key


NOT_UTF8 = "text that cannot be stored as UTF-8 (a lone surrogate)"


def unstorable(value: object, path: str) -> str | None:
    """The path of the first text in a JSON value that cannot be stored as UTF-8."""
    if isinstance(value, str):
        if value.isascii():
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    if isinstance(value, Mapping):
        for name, item in value.items():
            found = unstorable(name, path) or unstorable(item, join_path(path, str(name)))
            if found is not None:
                return found
    elif isinstance(value, list):
        for position, item in enumerate(value):
            found = unstorable(item, f"{path}[{position}]")
            if found is not None:
                return found
    return None


@frozen(kw_only=True)
class StoredRevision(Generic[KindT]):
    """One revision as stored, checked: everything but its plan."""

    number: int
    at: datetime
    author: str
    reason: str
    kind: KindT
    changes: tuple[Change, ...]
    digest: str


def read_revision(
    item: object, index: int, *, kinds: Callable[[str], KindT]
) -> StoredRevision[KindT]:
    """Read revision ``index`` by the rules the writer follows."""
    where = f"revisions[{index}]"
    if not isinstance(item, Mapping):
        raise ValidationError(path=where, problem="expected an object")
    if item.keys() != _REVISION_FIELDS:
        reject_unknown(item, _REVISION_FIELDS, where)
        missing = sorted(_REVISION_FIELDS - item.keys())
        raise ValidationError(path=f"{where}.{missing[0]}", problem="missing")
    number = item["number"]
    if type(number) is not int:
        raise ValidationError(path=f"{where}.number", problem="expected an integer")
    if number != index:
        raise HistoryError(f"revision {index} is missing: found {number!r} in its place")
    kind = _read_kind(item["kind"], index, kinds)
    changes = item["changes"]
    if not isinstance(changes, list):
        raise ValidationError(path=f"{where}.changes", problem="expected a list")
    if index == 0 and changes:
        raise ValidationError(path=f"{where}.changes", problem="the first revision has none")
    digest = item["digest"]
    if type(digest) is not str:
        raise ValidationError(path=f"{where}.digest", problem="expected a string")
    return StoredRevision(
        number=number,
        at=_read_time(item["at"], f"{where}.at"),
        author=check_text(item["author"], f"{where}.author"),
        reason=check_text(item["reason"], f"{where}.reason"),
        kind=kind,
        changes=tuple(map(_change_from_json, changes, repeat(where), count())),
        digest=digest,
    )


def _read_kind(value: object, index: int, kinds: Callable[[str], KindT]) -> KindT:
    where = f"revisions[{index}].kind"
    try:
        kind = kinds(value)  # type: ignore[arg-type]
    except ValueError:
        raise ValidationError(path=where, problem=f"not a kind of revision: {value!r}") from None
    if (kind.value == INITIAL) != (index == 0):
        expected = "the first revision is" if index == 0 else "only the first revision is"
        raise ValidationError(path=where, problem=f"{expected} {INITIAL!r}")
    return kind


INITIAL = "initial"
"""The kind of the first revision, and of no other."""


def _read_time(value: object, where: str) -> datetime:
    """A time as the writer writes it: ``datetime.isoformat`` of a timezone-aware time."""
    if type(value) is not str:
        raise ValidationError(path=where, problem="expected a time, as text")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(path=where, problem=f"not a time: {value[:40]!r}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(path=where, problem="expected a time with a timezone")
    if moment.isoformat() != value:
        raise ValidationError(
            path=where, problem=f"expected the time written as {moment.isoformat()!r}"
        )
    return moment


_OPERATIONS = {operation.value: operation for operation in Operation}
_CHANGE_FORMS = {
    Operation.ADD: frozenset({"operation", "path", "after"}),
    Operation.REMOVE: frozenset({"operation", "path", "before"}),
    Operation.CHANGE: _CHANGE_FIELDS,
}
"""The fields of each kind of stored change."""


def _change_from_json(data: object, revision: str, slot: int) -> Change:
    """Change ``slot`` of ``revision``: an addition has no ``before``, a removal no ``after``."""
    if type(data) is dict:  # the common case, checked at once
        stored = data.get("operation")
        operation = _OPERATIONS.get(stored) if type(stored) is str else None
        if (
            operation is not None
            and data.keys() == _CHANGE_FORMS[operation]
            and type(data["path"]) is str
        ):
            return Change(
                operation=operation,
                path=data["path"],
                before=data.get("before"),
                after=data.get("after"),
            )
    return _read_change(data, f"{revision}.changes[{slot}]")


def _read_change(data: object, where: str) -> Change:
    """A stored change that is not plainly well formed: checked field by field."""
    if not isinstance(data, Mapping):
        raise ValidationError(path=where, problem="expected an object")
    reject_unknown(data, _CHANGE_FIELDS, where)
    stored = data.get("operation")
    operation = _OPERATIONS.get(stored) if type(stored) is str else None
    if operation is None:
        raise ValidationError(
            path=f"{where}.operation", problem="expected 'add', 'remove' or 'change'"
        )
    if type(data.get("path")) is not str:
        raise ValidationError(path=f"{where}.path", problem="expected a string")
    for side, wanted in (
        ("before", operation is not Operation.ADD),
        ("after", operation is not Operation.REMOVE),
    ):
        if (side in data) != wanted:
            problem = "missing" if wanted else f"not part of an {operation.value!r} change"
            raise ValidationError(path=f"{where}.{side}", problem=problem)
    return Change(
        operation=operation,
        path=data["path"],
        before=data.get("before"),
        after=data.get("after"),
    )


def read_baselines(baselines: object, revisions: int) -> dict[str, int]:
    """The stored baselines: names of existing revisions' numbers."""
    if not isinstance(baselines, Mapping) or not all(
        isinstance(name, str) and name.strip() and type(value) is int and 0 <= value < revisions
        for name, value in baselines.items()
    ):
        raise ValidationError(path="baselines", problem="expected names of existing revisions")
    where = unstorable(dict(baselines), "baselines")
    if where is not None:
        raise ValidationError(path=where, problem=NOT_UTF8)
    return dict(baselines)


def reject_unknown(data: Mapping[Any, Any], known: frozenset[str], where: str) -> None:
    """Refuse fields a stored history does not have: nothing is dropped unread."""
    if data.keys() <= known:
        return
    unknown = unknown_fields((str(key) for key in data if key not in known), known)
    if unknown:
        name, problem = unknown[0]
        raise ValidationError(path=join_path(where, name), problem=problem)
