"""Revision history of a plan: every change recorded, explained and verifiable.

A :class:`History` is an append-only sequence of :class:`Revision` values,
each holding the plan as committed, its author, time, reason and kind, and
the :class:`~careerkit.history.changes.Change` values from the revision before.
Histories are immutable: :meth:`History.commit` returns a new one. Every
revision carries a SHA-256 digest of its content chained to the previous
revision's digest, so a stored history that was tampered with is detected
when it is read.

Stored histories (:meth:`History.dumps`) hold one snapshot of the first
plan and then only each revision's changes.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import attrs
from attrs import field, frozen

from careerkit.errors import HistoryError, ValidationError, join_path
from careerkit.history.changes import Change, Operation, apply, diff
from careerkit.io import DEFAULT_MAX_SIZE, from_dict, read_json, to_dict
from careerkit.model import Plan

__all__ = [
    "HISTORY_FORMAT",
    "Conflict",
    "History",
    "LogEntry",
    "MergeResult",
    "Revision",
    "RevisionKind",
    "TimelinePoint",
    "merge",
]

HISTORY_FORMAT = 2
"""The version of the stored history format (2: the head digest covers the
baselines too; version 1 histories still read)."""
_FIELDS = frozenset({"format", "snapshot", "revisions", "baselines", "head"})
_REVISION_FIELDS = frozenset({"number", "at", "author", "reason", "kind", "changes", "digest"})
_CHANGE_FIELDS = frozenset({"operation", "path", "before", "after"})


class RevisionKind(enum.Enum):
    """Why a revision was made.

    >>> RevisionKind("course_correction")
    <RevisionKind.COURSE_CORRECTION: 'course_correction'>
    """

    INITIAL = "initial"
    PROGRESS_UPDATE = "progress_update"
    COURSE_CORRECTION = "course_correction"
    REVERT = "revert"
    MERGE = "merge"
    OTHER = "other"


@frozen(kw_only=True)
class Revision:
    """One committed version of a plan.

    Examples
    --------
    >>> history = History.start(Plan(id="p", owner="Ana", start=date(2026, 1, 5)),
    ...                         at=datetime(2026, 1, 5, 9, tzinfo=timezone.utc),
    ...                         author="Ana", reason="First plan")
    >>> history[0].kind, history[0].number
    (<RevisionKind.INITIAL: 'initial'>, 0)
    """

    number: int
    """0 for the first revision, then 1, 2, ..."""
    at: datetime
    """When it was committed (timezone-aware)."""
    author: str
    """Who committed it."""
    reason: str
    """Why it was made, the explanation a coach reads."""
    kind: RevisionKind
    """The kind of revision."""
    plan: Plan = field(repr=False)
    """The plan as committed."""
    changes: tuple[Change, ...] = field(repr=False)
    """The changes from the previous revision (none for the first)."""
    digest: str = field(repr=False)
    """SHA-256 of this revision's content chained to the previous digest."""


@frozen(kw_only=True)
class LogEntry:
    """A change that touched one goal or task, with who made it and why."""

    number: int
    at: datetime
    author: str
    reason: str
    change: Change


@frozen(kw_only=True)
class TimelinePoint:
    """A goal's deadline and metric target as of one revision."""

    number: int
    at: datetime
    deadline: date | None
    target: float | None


def _check_time(at: object, path: str) -> datetime:
    if not isinstance(at, datetime) or at.tzinfo is None or at.utcoffset() is None:
        raise ValidationError(path=path, problem="expected a timezone-aware datetime")
    return at


def _digest(previous: str, content: Mapping[str, Any]) -> str:
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((previous + text).encode("utf-8")).hexdigest()


def _head(last: str, baselines: Mapping[str, int]) -> str:
    """The digest that ends a stored history: its last revision and its baselines."""
    return _digest(last, {"baselines": dict(baselines)})


def _content(
    number: int, at: str, author: str, reason: str, kind: RevisionKind, body: Any
) -> dict[str, Any]:
    """What a digest covers; ``at`` exactly as stored (ISO 8601 text)."""
    return {
        "number": number,
        "at": at,
        "author": author,
        "reason": reason,
        "kind": kind.value,
        "body": body,
    }


def _change_to_json(change: Change) -> dict[str, Any]:
    data: dict[str, Any] = {"operation": change.operation.value, "path": change.path}
    if change.operation is not Operation.ADD:
        data["before"] = change.before
    if change.operation is not Operation.REMOVE:
        data["after"] = change.after
    return data


@frozen(kw_only=True)
class History:
    """An append-only sequence of revisions of one plan.

    ``history[n]`` is revision ``n``; ``len(history)`` counts them;
    :attr:`plan` is the latest plan.

    Examples
    --------
    >>> utc = timezone.utc
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             goals=[Goal(id="cert", title="Earn the certification",
    ...                         deadline=date(2026, 6, 30))])
    >>> history = History.start(plan, at=datetime(2026, 1, 5, tzinfo=utc), author="Ana",
    ...                         reason="First plan")
    >>> later = plan.update_goal("cert", deadline=date(2026, 9, 30))
    >>> history = history.commit(later, at=datetime(2026, 3, 1, tzinfo=utc), author="Ana",
    ...                          reason="Exam moved", kind=RevisionKind.COURSE_CORRECTION)
    >>> [str(change) for change in history[1].changes]
    ["goals[cert].deadline: '2026-06-30' -> '2026-09-30'"]
    """

    revisions: tuple[Revision, ...]
    """Every revision, oldest first."""
    baselines: Mapping[str, int] = field(factory=lambda: MappingProxyType({}), hash=False)
    """The revision number each named baseline marks."""

    def __attrs_post_init__(self) -> None:
        if not self.revisions:
            raise HistoryError("a history needs at least one revision")
        object.__setattr__(self, "baselines", MappingProxyType(dict(self.baselines)))

    # -- making -------------------------------------------------------------

    @classmethod
    def start(cls, plan: Plan, *, at: datetime, author: str, reason: str) -> History:
        """A history whose first revision is ``plan``.

        Raises
        ------
        ValidationError
            ``at`` is not timezone-aware, or ``author`` or ``reason`` is blank.
        """
        _check_time(at, "at")
        _check_text(author, "author")
        _check_text(reason, "reason")
        digest = _digest(
            "", _content(0, at.isoformat(), author, reason, RevisionKind.INITIAL, to_dict(plan))
        )
        first = Revision(
            number=0,
            at=at,
            author=author,
            reason=reason,
            kind=RevisionKind.INITIAL,
            plan=plan,
            changes=(),
            digest=digest,
        )
        return cls(revisions=(first,))

    def commit(
        self,
        plan: Plan,
        *,
        at: datetime,
        author: str,
        reason: str,
        kind: RevisionKind = RevisionKind.PROGRESS_UPDATE,
        allow_empty: bool = False,
    ) -> History:
        """A new history with ``plan`` appended as the next revision.

        Parameters
        ----------
        plan
            The plan as it is now.
        at
            When (timezone-aware, not before the latest revision).
        author, reason
            Who made the change and why.
        kind
            The kind of revision.
        allow_empty
            Accept a plan equal to the latest one.

        Raises
        ------
        HistoryError
            ``at`` is before the latest revision, or nothing changed.
        ValidationError
            ``at`` is not timezone-aware, or ``author`` or ``reason`` is blank.
        """
        _check_time(at, "at")
        _check_text(author, "author")
        _check_text(reason, "reason")
        latest = self.revisions[-1]
        if at < latest.at:
            raise HistoryError(
                f"revision {latest.number + 1} at {at.isoformat()} is older than revision "
                f"{latest.number} at {latest.at.isoformat()}"
            )
        changes = diff(latest.plan, plan)
        if not changes and not allow_empty:
            raise HistoryError(f"nothing changed since revision {latest.number}")
        number = latest.number + 1
        body = [_change_to_json(change) for change in changes]
        revision = Revision(
            number=number,
            at=at,
            author=author,
            reason=reason,
            kind=kind,
            plan=plan,
            changes=changes,
            digest=_digest(
                latest.digest, _content(number, at.isoformat(), author, reason, kind, body)
            ),
        )
        return attrs.evolve(self, revisions=(*self.revisions, revision))

    # -- reading ------------------------------------------------------------

    def __getitem__(self, number: int) -> Revision:
        if not isinstance(number, int) or not 0 <= number < len(self.revisions):
            raise HistoryError(f"no revision {number!r}: there are {len(self.revisions)}")
        return self.revisions[number]

    def __len__(self) -> int:
        return len(self.revisions)

    def __iter__(self) -> Iterator[Revision]:
        return iter(self.revisions)

    @property
    def plan(self) -> Plan:
        """The latest plan."""
        return self.revisions[-1].plan

    def plan_at(self, moment: datetime) -> Plan:
        """The plan as it stood at a moment: the latest revision not after it.

        Raises
        ------
        HistoryError
            The moment is before the first revision.
        """
        _check_time(moment, "moment")
        found = None
        for revision in self.revisions:
            if revision.at > moment:
                break
            found = revision
        if found is None:
            raise HistoryError(f"no revision at or before {moment.isoformat()}")
        return found.plan

    def log(self, subject: str | None = None) -> tuple[LogEntry, ...]:
        """Every change, oldest first; only those about one goal or task if ``subject``."""
        return tuple(
            LogEntry(
                number=revision.number,
                at=revision.at,
                author=revision.author,
                reason=revision.reason,
                change=change,
            )
            for revision in self.revisions
            for change in revision.changes
            if subject is None or change.subject == subject
        )

    def timeline(self, goal_id: str) -> tuple[TimelinePoint, ...]:
        """How a goal's deadline and metric target changed: one point per change.

        The first point is the first revision that has the goal; later ones
        are the revisions that moved its deadline or target.
        """
        points: list[TimelinePoint] = []
        for revision in self.revisions:
            goals = {goal.id: goal for goal in revision.plan.goals}
            goal = goals.get(goal_id)
            if goal is None:
                continue
            point = TimelinePoint(
                number=revision.number,
                at=revision.at,
                deadline=goal.deadline,
                target=goal.metric.target if goal.metric else None,
            )
            if not points or (points[-1].deadline, points[-1].target) != (
                point.deadline,
                point.target,
            ):
                points.append(point)
        return tuple(points)

    # -- baselines and reverts ----------------------------------------------

    def mark_baseline(self, name: str, number: int | None = None) -> History:
        """A history where ``name`` marks revision ``number`` (the latest if None)."""
        _check_text(name, "name")
        revision = self[len(self.revisions) - 1 if number is None else number]
        return attrs.evolve(self, baselines={**self.baselines, name: revision.number})

    def baseline(self, name: str) -> Revision:
        """The revision a baseline name marks.

        Raises
        ------
        HistoryError
            No baseline has this name.
        """
        if name not in self.baselines:
            raise HistoryError(f"no baseline named {name!r}")
        return self.revisions[self.baselines[name]]

    def revert(self, number: int, *, at: datetime, author: str, reason: str) -> History:
        """A new revision restoring revision ``number``'s plan; nothing is rewritten."""
        return self.commit(
            self[number].plan, at=at, author=author, reason=reason, kind=RevisionKind.REVERT
        )

    # -- storage ------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The stored form: one snapshot, then each revision's changes and digest."""
        first = self.revisions[0]
        return {
            "format": HISTORY_FORMAT,
            "snapshot": to_dict(first.plan),
            "revisions": [
                {
                    "number": revision.number,
                    "at": revision.at.isoformat(),
                    "author": revision.author,
                    "reason": revision.reason,
                    "kind": revision.kind.value,
                    "changes": [_change_to_json(change) for change in revision.changes],
                    "digest": revision.digest,
                }
                for revision in self.revisions
            ],
            "baselines": dict(self.baselines),
            "head": _head(self.revisions[-1].digest, self.baselines),
        }

    def dumps(self, *, indent: int | None = None) -> str:
        """The stored form as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> History:
        """Read a stored history, checking every digest.

        Raises
        ------
        HistoryError
            The chain of digests does not verify (the first bad revision is
            named), a revision is missing or out of order, or the baselines
            were changed.
        ValidationError
            The stored form is malformed or has fields it does not know.
        """
        return _read(data)

    @classmethod
    def loads(cls, text: str | bytes, *, max_size: int = DEFAULT_MAX_SIZE) -> History:
        """Read a stored history from JSON text (see :meth:`from_dict`).

        The text is read by the same strict reader as plans
        (:func:`careerkit.io.read_json`): duplicate keys, ``NaN`` and text
        that is not UTF-8 are refused.
        """
        return _read(read_json(text, max_size=max_size))


def _check_text(value: object, path: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(path=path, problem="must be a non-empty string")


def _read(data: object) -> History:
    if not isinstance(data, Mapping):
        raise ValidationError(path="", problem="expected a JSON object")
    version = data.get("format")
    if type(version) is not int or not 1 <= version <= HISTORY_FORMAT:
        raise ValidationError(path="format", problem=f"expected 1 to {HISTORY_FORMAT}")
    _reject_unknown(data, _FIELDS, "")
    stored = data.get("revisions")
    if not isinstance(stored, list) or not stored:
        raise ValidationError(path="revisions", problem="expected a non-empty list")
    plan = from_dict(data.get("snapshot"))  # type: ignore[arg-type]
    revisions: list[Revision] = []
    previous = ""
    for index, item in enumerate(stored):
        where = f"revisions[{index}]"
        if not isinstance(item, Mapping):
            raise ValidationError(path=where, problem="expected an object")
        _reject_unknown(item, _REVISION_FIELDS, where)
        if isinstance(item.get("changes"), list):
            for slot, change in enumerate(item["changes"]):
                if isinstance(change, Mapping):
                    _reject_unknown(change, _CHANGE_FIELDS, f"{where}.changes[{slot}]")
        try:
            number = item["number"]
            stored_at = item["at"]
            at = datetime.fromisoformat(stored_at)
            author, reason = item["author"], item["reason"]
            kind = RevisionKind(item["kind"])
            stored_changes = item["changes"]
            digest = item["digest"]
            changes = tuple(
                Change(
                    operation=Operation(change["operation"]),
                    path=change["path"],
                    before=change.get("before"),
                    after=change.get("after"),
                )
                for change in stored_changes
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(path=where, problem=f"malformed revision: {exc}") from None
        if number != index:
            raise HistoryError(f"revision {index} is missing: found {number!r} in its place")
        body = to_dict(plan) if index == 0 else stored_changes
        if _digest(previous, _content(number, stored_at, author, reason, kind, body)) != digest:
            raise HistoryError(f"revision {number} does not verify: its content was changed")
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValidationError(path=f"{where}.at", problem="expected a time with a timezone")
        if revisions and at < revisions[-1].at:
            raise HistoryError(f"revision {number} is older than revision {number - 1}")
        if index:
            plan = apply(plan, changes)
        revisions.append(
            Revision(
                number=number,
                at=at,
                author=author,
                reason=reason,
                kind=kind,
                plan=plan,
                changes=changes,
                digest=digest,
            )
        )
        previous = digest
    baselines = data.get("baselines", {})
    if not isinstance(baselines, Mapping) or not all(
        isinstance(name, str)
        and name.strip()
        and type(value) is int
        and 0 <= value < len(revisions)
        for name, value in baselines.items()
    ):
        raise ValidationError(path="baselines", problem="expected names of existing revisions")
    # Version 1 ended at the last revision's digest; version 2 covers the baselines too.
    head = previous if version == 1 else _head(previous, baselines)
    if data.get("head") != head:
        raise HistoryError(
            f"the history does not end at revision {len(revisions) - 1}: revisions are missing"
            + ("" if version == 1 else " or the baselines were changed")
        )
    return History(revisions=tuple(revisions), baselines=dict(baselines))


def _reject_unknown(data: Mapping[Any, Any], known: frozenset[str], where: str) -> None:
    """Refuse fields a stored history does not have: nothing is dropped unread."""
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise ValidationError(path=join_path(where, unknown[0]), problem="unknown field")


@frozen(kw_only=True)
class Conflict:
    """Two edits of the same place that disagree.

    ``ours`` and ``theirs`` are the changes each side made (None when a side
    left the place alone but changed what contains it).
    """

    path: str
    ours: Change | None
    theirs: Change | None

    def __str__(self) -> str:
        def side(change: Change | None) -> str:
            return "unchanged" if change is None else str(change).split(": ", 1)[1]

        return f"{self.path}: ours {side(self.ours)}; theirs {side(self.theirs)}"


@frozen(kw_only=True)
class MergeResult:
    """The outcome of a three-way merge: a plan, or the conflicts that prevent one."""

    plan: Plan | None
    conflicts: tuple[Conflict, ...]

    @property
    def merged(self) -> bool:
        """Whether the two edits combined without conflict."""
        return not self.conflicts


def merge(base: Plan, ours: Plan, theirs: Plan) -> MergeResult:
    """Combine two edits of the same plan (a coach's and a client's, say).

    Changes to different places combine; the same change made on both
    sides counts once. Changes to the same place that disagree, or a
    change inside a goal or task the other side removed, are conflicts,
    each naming the path and both sides. Reordering goals (or tasks) on one
    side while the other adds, removes or reorders them is a conflict too, and
    so are check-ins added or removed on both sides (they have no ids to pair).

    Parameters
    ----------
    base
        The plan both sides started from.
    ours, theirs
        The two edited plans.

    Returns
    -------
    MergeResult
        The merged plan (validated) when there is no conflict, else None and
        the conflicts, ordered by path.

    Raises
    ------
    ValidationError
        The combined changes make an invalid plan (for example, one side
        removed a task the other made a new task depend on).

    Examples
    --------
    >>> base = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             goals=[Goal(id="cert", title="Earn the certification")])
    >>> ours = base.update_goal("cert", deadline=date(2026, 9, 30))
    >>> theirs = base.add_check_in(CheckIn(on=date(2026, 2, 1), satisfaction=4))
    >>> result = merge(base, ours, theirs)
    >>> result.merged, result.plan.goal("cert").deadline, len(result.plan.check_ins)
    (True, datetime.date(2026, 9, 30), 1)
    """
    mine = {change.path: change for change in diff(base, ours)}
    other = {change.path: change for change in diff(base, theirs)}
    conflicts = []
    for path in sorted(mine.keys() | other.keys()):
        a, b = mine.get(path), other.get(path)
        if a is not None and b is not None and a != b:
            conflicts.append(Conflict(path=path, ours=a, theirs=b))
        elif a is not None and b is None and _inside_removed(path, other):
            conflicts.append(Conflict(path=path, ours=a, theirs=None))
        elif b is not None and a is None and _inside_removed(path, mine):
            conflicts.append(Conflict(path=path, ours=None, theirs=b))
    for collection in ("goals", "tasks"):
        for one, two, swap in ((mine, other, False), (other, mine, True)):
            if collection in one and collection not in two and _membership_changes(collection, two):
                order = one[collection]
                pair = (None, order) if swap else (order, None)
                conflicts.append(Conflict(path=collection, ours=pair[0], theirs=pair[1]))
    if not any(conflict.path.startswith("check_ins") for conflict in conflicts):
        conflicts.extend(_positional_conflicts("check_ins", mine, other))
    if conflicts:
        return MergeResult(plan=None, conflicts=tuple(sorted(conflicts, key=lambda c: c.path)))
    combined = list(mine.values()) + [change for path, change in other.items() if path not in mine]
    return MergeResult(plan=apply(base, _in_apply_order(combined)), conflicts=())


def _positional_conflicts(
    name: str, mine: Mapping[str, Change], other: Mapping[str, Change]
) -> list[Conflict]:
    """Items without ids added or removed on both sides cannot be paired: one conflict."""
    prefix = f"{name}["
    ours = [change for path, change in sorted(mine.items()) if path.startswith(prefix)]
    theirs = [change for path, change in sorted(other.items()) if path.startswith(prefix)]
    resized = any(change.operation is not Operation.CHANGE for change in (*ours, *theirs))
    if ours and theirs and resized and ours != theirs:
        return [Conflict(path=name, ours=ours[0], theirs=theirs[0])]
    return []


def _inside_removed(path: str, changes: Mapping[str, Change]) -> bool:
    """Whether ``path`` lies inside a goal or task that ``changes`` remove."""
    container = path[: path.index("]") + 1] if "[" in path else path.split(".", 1)[0]
    removed = changes.get(container)
    return container != path and removed is not None and removed.operation is Operation.REMOVE


def _membership_changes(collection: str, changes: Mapping[str, Change]) -> bool:
    prefix = f"{collection}["
    return any(
        path.startswith(prefix) and path.endswith("]") and change.operation is not Operation.CHANGE
        for path, change in changes.items()
    )


def _in_apply_order(changes: list[Change]) -> list[Change]:
    """Removals of positional items from the end first, additions in position order."""
    return sorted(
        changes,
        key=lambda change: (
            change.operation is Operation.ADD,
            _position(change.path) * (-1 if change.operation is Operation.REMOVE else 1),
        ),
    )


def _position(path: str) -> int:
    if path.startswith("check_ins[") and path.endswith("]"):
        return int(path[len("check_ins[") : -1])
    return 0
