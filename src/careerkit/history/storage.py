"""The stored form of a history: one snapshot, each revision's changes, chained digests.

A stored history is a JSON object::

    {"format": 2, "snapshot": {...the first plan...},
     "revisions": [{"number": 0, "at": "...", "author": "...", "reason": "...",
                    "kind": "initial", "changes": [], "digest": "..."}, ...],
     "baselines": {"approved": 3}, "head": "..."}

Each revision's digest is the SHA-256 of the previous digest (empty for the
first) followed by the revision's content: its number, time (as stored),
author, reason, kind and body (the snapshot for the first revision, its
changes after), as compact JSON with sorted keys. The head digest chains the
baselines to the last digest the same way, so a stored history that lost a
revision or had a baseline moved is detected.

This module knows the stored form and nothing of the
``careerkit.history.revisions.History`` class that reads and writes
it: ``read`` returns the checked parts (``Stored``), and
``write`` takes any revisions that have the parts of a ``Sealed``.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

from attrs import frozen

from careerkit.errors import HistoryError, ValidationError, join_path
from careerkit.history.changes import Change, Operation, replay
from careerkit.io import from_dict, to_dict
from careerkit.model import Plan

__all__ = [
    "HISTORY_FORMAT",
    "Sealed",
    "Stored",
    "StoredRevision",
    "change_to_json",
    "read",
    "seal",
    "write",
]

HISTORY_FORMAT = 2
"""The version of the stored history format (2: the head digest covers the
baselines too; version 1 histories still read)."""
_FIELDS = frozenset({"format", "snapshot", "revisions", "baselines", "head"})
_REVISION_FIELDS = frozenset({"number", "at", "author", "reason", "kind", "changes", "digest"})
_CHANGE_FIELDS = frozenset({"operation", "path", "before", "after"})

KindT = TypeVar("KindT", bound=enum.Enum)


class Sealed(Protocol):
    """What the stored form keeps of a revision (:class:`~careerkit.Revision` has it)."""

    @property
    def number(self) -> int: ...
    @property
    def at(self) -> datetime: ...
    @property
    def author(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def kind(self) -> enum.Enum: ...
    @property
    def changes(self) -> tuple[Change, ...]: ...
    @property
    def digest(self) -> str: ...


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


@frozen(kw_only=True)
class Stored(Generic[KindT]):
    """A stored history, checked: its revisions, its first and latest plans, its baselines."""

    first: Plan
    latest: Plan
    revisions: tuple[StoredRevision[KindT], ...]
    baselines: dict[str, int]


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
"""Compact JSON with sorted keys: the text a digest covers."""


def _chain(previous: str, content: Mapping[str, Any]) -> str:
    """The digest of ``content`` chained to the ``previous`` digest."""
    text = _CANONICAL.encode(content)
    return hashlib.sha256((previous + text).encode("utf-8")).hexdigest()


def seal(
    previous: str,
    body: Any,
    *,
    number: int,
    at: datetime,
    author: str,
    reason: str,
    kind: enum.Enum,
) -> str:
    """The digest of a new revision: ``body`` is its plan's snapshot (the first) or its changes."""
    content = _content(number=number, at=at.isoformat(), author=author, reason=reason, kind=kind)
    return _chain(previous, {**content, "body": body})


def _content(*, number: int, at: str, author: str, reason: str, kind: enum.Enum) -> dict[str, Any]:
    """What a digest covers besides the body; ``at`` exactly as stored (ISO 8601 text)."""
    return {"number": number, "at": at, "author": author, "reason": reason, "kind": kind.value}


def _head(last: str, baselines: Mapping[str, int]) -> str:
    """The digest that ends a stored history: its last revision and its baselines."""
    return _chain(last, {"baselines": dict(baselines)})


def change_to_json(change: Change) -> dict[str, Any]:
    """A change as stored: ``before`` only when something was there, ``after`` likewise."""
    data: dict[str, Any] = {"operation": change.operation.value, "path": change.path}
    if change.operation is not Operation.ADD:
        data["before"] = change.before
    if change.operation is not Operation.REMOVE:
        data["after"] = change.after
    return data


def write(first: Plan, revisions: Sequence[Sealed], baselines: Mapping[str, int]) -> dict[str, Any]:
    """The stored form of the revisions of a history whose first plan is ``first``."""
    return {
        "format": HISTORY_FORMAT,
        "snapshot": to_dict(first),
        "revisions": [
            {
                "number": revision.number,
                "at": revision.at.isoformat(),
                "author": revision.author,
                "reason": revision.reason,
                "kind": revision.kind.value,
                "changes": [change_to_json(change) for change in revision.changes],
                "digest": revision.digest,
            }
            for revision in revisions
        ],
        "baselines": dict(baselines),
        "head": _head(revisions[-1].digest, baselines),
    }


def read(data: object, *, kinds: Callable[[str], KindT]) -> Stored[KindT]:
    """Check a stored history and return its parts.

    The work grows with the size of the stored form: the digests are
    checked revision by revision, and the changes are replayed from the
    snapshot (each change checked against the revision before, each value
    it sets checked on its own) to one latest plan, checked as a whole.

    Parameters
    ----------
    data
        The stored form, as read from JSON.
    kinds
        Reads a revision's kind from its stored value
        (:class:`~careerkit.RevisionKind`).

    Raises
    ------
    HistoryError
        The chain of digests does not verify (the first bad revision is
        named), a revision is missing or out of order, or the baselines
        were changed.
    ValidationError
        The stored form is malformed or has fields it does not know, or a
        revision's changes do not fit the revision before (the path names
        the change within its revision), or the latest plan is not valid.
    """
    if not isinstance(data, Mapping):
        raise ValidationError(path="", problem="expected a JSON object")
    version = data.get("format")
    if type(version) is not int or not 1 <= version <= HISTORY_FORMAT:
        raise ValidationError(path="format", problem=f"expected 1 to {HISTORY_FORMAT}")
    _reject_unknown(data, _FIELDS, "")
    stored = data.get("revisions")
    if not isinstance(stored, list) or not stored:
        raise ValidationError(path="revisions", problem="expected a non-empty list")
    first = from_dict(data.get("snapshot"))  # type: ignore[arg-type]
    revisions: list[StoredRevision[KindT]] = []
    previous = ""
    for index, item in enumerate(stored):
        revision = _read_revision(item, index, kinds=kinds)
        _verify(revision, item, previous, first=(data["snapshot"], first) if index == 0 else None)
        if revisions and revision.at < revisions[-1].at:
            raise HistoryError(f"revision {index} is older than revision {index - 1}")
        revisions.append(revision)
        previous = revision.digest
    latest = replay(first, (revision.changes for revision in revisions[1:]))
    baselines = _read_baselines(data.get("baselines", {}), len(revisions))
    # Version 1 ended at the last revision's digest; version 2 covers the baselines too.
    if data.get("head") != (previous if version == 1 else _head(previous, baselines)):
        raise HistoryError(
            f"the history does not end at revision {len(revisions) - 1}: revisions are missing"
            + ("" if version == 1 else " or the baselines were changed")
        )
    return Stored(first=first, latest=latest, revisions=tuple(revisions), baselines=baselines)


def _read_revision(
    item: object, index: int, *, kinds: Callable[[str], KindT]
) -> StoredRevision[KindT]:
    """Read revision ``index``: its fields, their types and its number."""
    where = f"revisions[{index}]"
    if not isinstance(item, Mapping):
        raise ValidationError(path=where, problem="expected an object")
    _reject_unknown(item, _REVISION_FIELDS, where)
    changes = item.get("changes")
    if isinstance(changes, list):
        for slot, change in enumerate(changes):
            if isinstance(change, Mapping) and not change.keys() <= _CHANGE_FIELDS:
                _reject_unknown(change, _CHANGE_FIELDS, f"{where}.changes[{slot}]")
    try:
        stored_at = item["at"]
        revision = StoredRevision(
            number=item["number"],
            at=datetime.fromisoformat(stored_at),
            author=item["author"],
            reason=item["reason"],
            kind=kinds(item["kind"]),
            changes=tuple(map(_change_from_json, item["changes"])),
            digest=item["digest"],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(path=where, problem=f"malformed revision: {exc}") from None
    if revision.number != index:
        raise HistoryError(f"revision {index} is missing: found {revision.number!r} in its place")
    return revision


def _verify(
    revision: StoredRevision[Any],
    item: Mapping[str, Any],
    previous: str,
    *,
    first: tuple[object, Plan] | None,
) -> None:
    """Check a revision's digest and time; ``first`` is the snapshot, stored and read.

    The first revision's digest covers its snapshot as stored, or, as read
    by earlier versions, the plan read from it in its JSON form.
    """
    content = _content(
        number=revision.number,
        at=item["at"],
        author=revision.author,
        reason=revision.reason,
        kind=revision.kind,
    )
    if first is None:
        content["body"] = item["changes"]
        verified = _chain(previous, content) == revision.digest
    else:
        if revision.changes:
            raise ValidationError(
                path="revisions[0].changes", problem="the first revision has none"
            )
        stored, plan = first
        verified = _chain(previous, {**content, "body": stored}) == revision.digest or (
            _chain(previous, {**content, "body": to_dict(plan)}) == revision.digest
        )
    if not verified:
        raise HistoryError(f"revision {revision.number} does not verify: its content was changed")
    if revision.at.tzinfo is None or revision.at.utcoffset() is None:
        raise ValidationError(
            path=f"revisions[{revision.number}].at", problem="expected a time with a timezone"
        )


_OPERATIONS = {operation.value: operation for operation in Operation}


def _change_from_json(data: Mapping[str, Any]) -> Change:
    operation = _OPERATIONS.get(data["operation"])
    if operation is None:
        raise ValueError(f"{data['operation']!r} is not a valid Operation")
    return Change(
        operation=operation,
        path=data["path"],
        before=data.get("before"),
        after=data.get("after"),
    )


def _read_baselines(baselines: object, count: int) -> dict[str, int]:
    """The stored baselines: names of existing revisions' numbers."""
    if not isinstance(baselines, Mapping) or not all(
        isinstance(name, str) and name.strip() and type(value) is int and 0 <= value < count
        for name, value in baselines.items()
    ):
        raise ValidationError(path="baselines", problem="expected names of existing revisions")
    return dict(baselines)


def _reject_unknown(data: Mapping[Any, Any], known: frozenset[str], where: str) -> None:
    """Refuse fields a stored history does not have: nothing is dropped unread."""
    if data.keys() <= known:
        return
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise ValidationError(path=join_path(where, unknown[0]), problem="unknown field")
