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

Written with a key, the digests are HMAC-SHA256 of the same text under the
key, and the stored form says so with ``"keyed": true``: a history written
with a key is only read with the key, and a reader given a key reads only a
history written with it.

Everything the writer refuses, the reader refuses too (the same checks, in
``careerkit.history._stored``): a revision's author and reason are non-blank text that can be
stored as UTF-8, its number is an integer, only the first revision is
``initial``, its time is written exactly as ``datetime.isoformat`` writes it,
an addition carries no ``before`` and a removal no ``after``. Text anywhere
in the stored form that cannot be stored as UTF-8 (a lone surrogate) is
refused with its path.

This module knows the stored form and nothing of the
``careerkit.history.revisions.History`` class that reads and writes
it: ``read`` returns the checked parts (``Stored``), and
``write`` takes any revisions that have the parts of a ``Sealed``.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Generic, Literal, Protocol, TypeVar

import attrs
from attrs import frozen

from careerkit.errors import HistoryError, ValidationError, join_path
from careerkit.history._stored import (
    NOT_UTF8,
    StoredRevision,
    check_key,
    check_text,
    read_baselines,
    read_revision,
    reject_unknown,
    unstorable,
)
from careerkit.history.changes import Change, Operation, replay
from careerkit.io import from_dict, to_dict
from careerkit.model import Plan

__all__ = [
    "HISTORY_FORMAT",
    "Integrity",
    "Sealed",
    "Stored",
    "StoredRevision",
    "change_to_json",
    "check_key",
    "check_text",
    "read",
    "seal",
    "write",
]

HISTORY_FORMAT = 2
"""The version of the stored history format (2: the head digest covers the
baselines too; version 1 histories still read)."""
_FIELDS = frozenset({"format", "keyed", "snapshot", "revisions", "baselines", "head"})
KindT = TypeVar("KindT", bound=enum.Enum)

Integrity = Literal["keyed", "chained", "revisions"]
"""What reading a stored history verified (see ``History.integrity``)."""


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
class Stored(Generic[KindT]):
    """A stored history, checked: its revisions, its first and latest plans, its baselines."""

    first: Plan
    latest: Plan
    revisions: tuple[StoredRevision[KindT], ...]
    baselines: dict[str, int]
    integrity: Integrity


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
"""Compact JSON with sorted keys: the text a digest covers."""


def _chain(previous: str, content: Mapping[str, Any], key: bytes | None = None) -> str:
    """The digest of ``content`` chained to the ``previous`` digest (HMAC under ``key``)."""
    text = (previous + _CANONICAL.encode(content)).encode("utf-8")
    if key is None:
        return hashlib.sha256(text).hexdigest()
    return hmac.new(key, text, hashlib.sha256).hexdigest()


def _same_digest(found: str, expected: str) -> bool:
    return hmac.compare_digest(
        found.encode("ascii", "replace"), expected.encode("ascii", "replace")
    )


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
    """The digest of a new revision: ``body`` is its plan's snapshot (the first) or its changes.

    Raises
    ------
    ValidationError
        Text in the body cannot be stored as UTF-8 (the path is under ``plan``).
    """
    content = _content(number=number, at=at.isoformat(), author=author, reason=reason, kind=kind)
    try:
        return _chain(previous, {**content, "body": body})
    except UnicodeEncodeError:
        raise ValidationError(path=_unstorable_in_body(body), problem=NOT_UTF8) from None


def _unstorable_in_body(body: Any) -> str:
    """Where in the plan a body's text cannot be stored: a snapshot, or changes by their paths."""
    if isinstance(body, list):
        for change in body:
            if unstorable(change, "") is not None:
                return join_path("plan", str(change["path"]))
    return unstorable(body, "plan") or "plan"


def _content(*, number: int, at: str, author: str, reason: str, kind: enum.Enum) -> dict[str, Any]:
    """What a digest covers besides the body; ``at`` exactly as stored (ISO 8601 text)."""
    return {"number": number, "at": at, "author": author, "reason": reason, "kind": kind.value}


def _head(last: str, baselines: Mapping[str, int], key: bytes | None = None) -> str:
    """The digest that ends a stored history: its last revision and its baselines."""
    return _chain(last, {"baselines": dict(baselines)}, key)


def change_to_json(change: Change) -> dict[str, Any]:
    """A change as stored: ``before`` only when something was there, ``after`` likewise."""
    data: dict[str, Any] = {"operation": change.operation.value, "path": change.path}
    if change.operation is not Operation.ADD:
        data["before"] = change.before
    if change.operation is not Operation.REMOVE:
        data["after"] = change.after
    return data


def write(
    first: Plan,
    revisions: Sequence[Sealed],
    baselines: Mapping[str, int],
    *,
    key: bytes | None = None,
) -> dict[str, Any]:
    """The stored form of the revisions of a history whose first plan is ``first``.

    Without a key, the digests are the revisions' own (SHA-256); with one,
    every digest is computed again as HMAC-SHA256 under the key.
    """
    snapshot = to_dict(first)
    stored = []
    previous = ""
    for revision in revisions:
        item = {
            "number": revision.number,
            "at": revision.at.isoformat(),
            "author": revision.author,
            "reason": revision.reason,
            "kind": revision.kind.value,
            "changes": [change_to_json(change) for change in revision.changes],
            "digest": revision.digest,
        }
        if key is not None:
            body = snapshot if revision.number == 0 else item["changes"]
            content = _content(
                number=revision.number,
                at=item["at"],
                author=revision.author,
                reason=revision.reason,
                kind=revision.kind,
            )
            item["digest"] = previous = _chain(previous, {**content, "body": body}, key)
        stored.append(item)
    last = revisions[-1].digest if key is None else previous
    data: dict[str, Any] = {"format": HISTORY_FORMAT}
    if key is not None:
        data["keyed"] = True
    data.update(snapshot=snapshot, revisions=stored, baselines=dict(baselines))
    data["head"] = _head(last, baselines, key)
    return data


def read(data: object, *, kinds: Callable[[str], KindT], key: bytes | None = None) -> Stored[KindT]:
    """Check a stored history and return its parts.

    The work grows with the size of the stored form: the digests are
    checked revision by revision, and the changes are replayed from the
    snapshot (each change checked against the revision before, its
    ``before`` against the value it replaces, each value it sets checked on
    its own) to one latest plan, checked as a whole.

    Parameters
    ----------
    data
        The stored form, as read from JSON.
    kinds
        Reads a revision's kind from its stored value
        (:class:`~careerkit.RevisionKind`).
    key
        The key the history was written with, if it was.

    Raises
    ------
    HistoryError
        The chain of digests does not verify (the first bad revision is
        named), a revision is missing or out of order, the baselines were
        changed, or the history was written with a key and read without
        one, or the other way round.
    ValidationError
        The stored form is malformed or has fields it does not know, or a
        revision's changes do not fit the revision before (the path names
        the revision and the change), or the latest plan is not valid.
    """
    if not isinstance(data, Mapping):
        raise ValidationError(path="", problem="expected a JSON object")
    version = data.get("format")
    if type(version) is not int or not 1 <= version <= HISTORY_FORMAT:
        raise ValidationError(path="format", problem=f"expected 1 to {HISTORY_FORMAT}")
    reject_unknown(data, _FIELDS, "")
    _check_keyed(data, version, key)
    stored = data.get("revisions")
    if not isinstance(stored, list) or not stored:
        raise ValidationError(path="revisions", problem="expected a non-empty list")
    first = _read_snapshot(data.get("snapshot"))
    revisions: list[StoredRevision[KindT]] = []
    previous = plain = ""
    for index, item in enumerate(stored):
        revision = read_revision(item, index, kinds=kinds)
        previous, plain = _verify(
            revision,
            item,
            (previous, plain),
            key=key,
            first=(data["snapshot"], first) if index == 0 else None,
        )
        if revisions and revision.at < revisions[-1].at:
            raise HistoryError(f"revision {index} is older than revision {index - 1}")
        revisions.append(revision if key is None else attrs.evolve(revision, digest=plain))
    try:
        latest = replay(first, (revision.changes for revision in revisions))
    except ValidationError as exc:
        raise (exc.prefixed("revisions") if exc.path.startswith("[") else exc) from exc
    baselines = read_baselines(data.get("baselines", {}), len(revisions))
    head = data.get("head")
    # Version 1 ended at the last revision's digest; version 2 covers the baselines too.
    expected = previous if version == 1 else _head(previous, baselines, key)
    if not isinstance(head, str) or not _same_digest(head, expected):
        raise HistoryError(
            f"the history does not end at revision {len(revisions) - 1}: revisions are missing"
            + ("" if version == 1 else " or the baselines were changed")
        )
    integrity: Integrity = "keyed" if key is not None else "chained" if version > 1 else "revisions"
    return Stored(
        first=first,
        latest=latest,
        revisions=tuple(revisions),
        baselines=baselines,
        integrity=integrity,
    )


def _check_keyed(data: Mapping[str, Any], version: int, key: bytes | None) -> None:
    """A keyed history is read only with a key, and a key reads only a keyed history."""
    keyed = data.get("keyed", False)
    if type(keyed) is not bool or (keyed and version < 2) or ("keyed" in data and not keyed):
        raise ValidationError(path="keyed", problem="expected true, in format 2, or no field")
    if keyed and key is None:
        raise HistoryError("the history was written with a key: it can only be read with the key")
    if key is not None and not keyed:
        raise HistoryError(
            "the history was written without a key: a reader given a key refuses it, "
            "since anyone can recompute its digests"
        )


def _read_snapshot(snapshot: object) -> Plan:
    if not isinstance(snapshot, Mapping):
        raise ValidationError(path="snapshot", problem="expected the first plan, an object")
    try:
        return from_dict(snapshot)
    except ValidationError as exc:
        raise exc.prefixed("snapshot") from exc


def _verify(
    revision: StoredRevision[Any],
    item: Mapping[str, Any],
    previous: tuple[str, str],
    *,
    key: bytes | None,
    first: tuple[object, Plan] | None,
) -> tuple[str, str]:
    """Check a revision's digest; return the chain so far, as stored and unkeyed.

    ``previous`` holds the previous digest as stored and as SHA-256 (the
    same without a key); ``first`` is the snapshot, stored and read: the
    first revision's digest covers its snapshot as stored, or, as read by
    earlier versions, the plan read from it in its JSON form.
    """
    content = _content(
        number=revision.number,
        at=item["at"],
        author=revision.author,
        reason=revision.reason,
        kind=revision.kind,
    )
    bodies = [item["changes"]] if first is None else _first_bodies(*first)
    for body in bodies:
        try:
            digest = _chain(previous[0], {**content, "body": body}, key)
        except UnicodeEncodeError:  # the only text not checked yet: the body
            where = f"revisions[{revision.number}].changes" if first is None else "snapshot"
            raise ValidationError(path=unstorable(body, where) or where, problem=NOT_UTF8) from None
        if _same_digest(revision.digest, digest):
            plain = (
                revision.digest if key is None else _chain(previous[1], {**content, "body": body})
            )
            return revision.digest, plain
    cause = " or the key is wrong" if key is not None else ""
    raise HistoryError(
        f"revision {revision.number} does not verify: its content was changed{cause}"
    )


def _first_bodies(stored: object, plan: Plan) -> Iterator[Any]:
    """What the first digest may cover: the snapshot as stored, else as earlier versions
    read it (the plan's JSON form, made only if needed)."""
    yield stored
    yield to_dict(plan)
