"""Revision history of a plan: every change recorded, explained and verifiable.

A :class:`History` is an append-only sequence of :class:`Revision` values,
each holding the plan as committed, its author, time, reason and kind, and
the :class:`~careerkit.history.changes.Change` values from the revision before.
Histories are immutable: :meth:`History.commit` returns a new one. Every
revision carries a SHA-256 digest of its content chained to the previous
revision's digest, so a stored history that was changed by accident is
detected when it is read; written and read with a key (HMAC-SHA256), a
deliberate edit is detected too (:mod:`careerkit.history.storage` holds the
stored form).

A history read from its stored form keeps its first and latest plans and
each revision's changes; the plan of a revision in between is rebuilt from
the changes when it is first asked for.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, get_args

import attrs
from attrs import field, frozen

from careerkit.errors import HistoryError, ValidationError
from careerkit.history import storage
from careerkit.history._rebuilt import RebuiltPlans
from careerkit.history.changes import Change, diff
from careerkit.io import DEFAULT_MAX_SIZE, read_json, result_document, to_dict
from careerkit.model import Plan
from careerkit.model.arguments import checked_instance, checked_int

__all__ = ["History", "LogEntry", "Revision", "RevisionKind", "TimelinePoint"]


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


def _the_plan(plan: Plan | Callable[[], Plan]) -> Plan:
    return plan if isinstance(plan, Plan) else plan()


@frozen(kw_only=True)
class Revision:
    """One committed version of a plan.

    Revisions are equal when their fields are, :attr:`plan` included.

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
    _plan: Plan | Callable[[], Plan] = field(alias="plan", repr=False, eq=_the_plan, hash=False)
    changes: tuple[Change, ...] = field(repr=False)
    """The changes from the previous revision (none for the first)."""
    digest: str = field(repr=False)
    """SHA-256 of this revision's content chained to the previous digest
    (unkeyed, also in a history read with a key)."""

    @property
    def plan(self) -> Plan:
        """The plan as committed.

        Given as a function of no arguments, the plan is built when asked
        for: a history read from its stored form rebuilds the plans between
        its first and latest revisions from their changes this way.

        Raises
        ------
        ValidationError
            The plan, rebuilt from stored changes, is not a valid plan (only
            in a history whose digests were recomputed by hand).
        """
        return _the_plan(self._plan)


@result_document("log_entry")
@frozen(kw_only=True)
class LogEntry:
    """A change that touched one goal or task, with who made it and why."""

    number: int
    at: datetime
    author: str
    reason: str
    change: Change


@result_document("timeline_point")
@frozen(kw_only=True)
class TimelinePoint:
    """A goal's deadline and metric target as of one revision."""

    number: int
    at: datetime
    deadline: date | None
    target: float | None


def _check_time(at: object, path: str) -> datetime:
    if not isinstance(at, datetime):
        raise ValidationError(
            path=path, problem=f"expected a timezone-aware datetime, got {type(at).__name__}"
        )
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValidationError(path=path, problem="expected a timezone-aware datetime")
    return at


def _check_plan(plan: object, path: str = "plan") -> Plan:
    return checked_instance(plan, Plan, path)


def _check_kind(kind: object) -> RevisionKind:
    kind = checked_instance(kind, RevisionKind, "kind")
    if kind is RevisionKind.INITIAL:
        raise ValidationError(path="kind", problem="only the first revision is 'initial'")
    return kind


def _check_flag(value: object, path: str) -> bool:
    if type(value) is not bool:
        raise ValidationError(path=path, problem=f"expected True or False, got {value!r}")
    return value


def _check_number(value: object, path: str) -> int:
    if type(value) is not int:
        raise ValidationError(
            path=path, problem=f"expected a revision number, got {type(value).__name__}"
        )
    return value


_INTEGRITY = frozenset(get_args(storage.Integrity))


def _check_integrity(value: object) -> storage.Integrity | None:
    if value is not None and value not in _INTEGRITY:
        raise ValidationError(path="integrity", problem=f"expected one of {sorted(_INTEGRITY)}")
    return value  # type: ignore[return-value]


def _read_only(baselines: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(baselines))


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
    baselines: Mapping[str, int] = field(factory=dict, converter=_read_only, hash=False)
    """The revision number each named baseline marks."""
    integrity: storage.Integrity | None = field(
        default=None, eq=False, hash=False, converter=_check_integrity
    )
    """What reading the history from its stored form verified; None for a
    history made by :meth:`start` and :meth:`commit`:

    - ``"keyed"``: read with a key, every HMAC-SHA256 digest verified: no
      revision, change or baseline was changed, added or removed by anyone
      without the key;
    - ``"chained"``: every SHA-256 digest verified: accidental changes,
      lost revisions and moved baselines are detected, but anyone can edit
      the history and recompute the digests;
    - ``"revisions"``: an old format 1 history: each revision kept verified
      against the ones before it, but revisions lost from the end and
      changed baselines would go unnoticed.
    """

    def __attrs_post_init__(self) -> None:
        if not self.revisions:
            raise HistoryError("a history needs at least one revision")

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled and copied through the constructor: a read-only view of the
        # baselines does not pickle, the dict it shows does.
        return (_history, (self.revisions, dict(self.baselines), self.integrity))

    # -- making -------------------------------------------------------------

    @classmethod
    def start(cls, plan: Plan, *, at: datetime, author: str, reason: str) -> History:
        """A history whose first revision is ``plan``.

        Raises
        ------
        ValidationError
            ``plan`` is not a plan, ``at`` not a timezone-aware datetime,
            ``author`` or ``reason`` not a non-blank string, or text in the
            plan or in them cannot be stored as UTF-8 (a lone surrogate).
        """
        _check_plan(plan)
        _check_time(at, "at")
        storage.check_text(author, "author")
        storage.check_text(reason, "reason")
        digest = storage.seal(
            "",
            to_dict(plan),
            number=0,
            at=at,
            author=author,
            reason=reason,
            kind=RevisionKind.INITIAL,
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
            The kind of revision (any but ``INITIAL``, which only the first
            revision is).
        allow_empty
            Accept a plan equal to the latest one.

        Raises
        ------
        HistoryError
            ``at`` is before the latest revision, or nothing changed.
        ValidationError
            An argument has the wrong type, ``at`` is not timezone-aware,
            ``author`` or ``reason`` is blank, ``kind`` is ``INITIAL``, or
            text in the plan or in them cannot be stored as UTF-8.
        """
        _check_plan(plan)
        _check_time(at, "at")
        storage.check_text(author, "author")
        storage.check_text(reason, "reason")
        _check_kind(kind)
        _check_flag(allow_empty, "allow_empty")
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
        body = [storage.change_to_json(change) for change in changes]
        digest = storage.seal(
            latest.digest, body, number=number, at=at, author=author, reason=reason, kind=kind
        )
        revision = Revision(
            number=number,
            at=at,
            author=author,
            reason=reason,
            kind=kind,
            plan=plan,
            changes=changes,
            digest=digest,
        )
        return attrs.evolve(self, revisions=(*self.revisions, revision))

    # -- reading ------------------------------------------------------------

    def __getitem__(self, number: int) -> Revision:
        if type(number) is not int or not 0 <= number < len(self.revisions):
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
        if subject is not None and type(subject) is not str:
            raise ValidationError(
                path="subject", problem=f"expected an id or None, got {type(subject).__name__}"
            )
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
        if type(goal_id) is not str:
            raise ValidationError(
                path="goal_id", problem=f"expected an id, got {type(goal_id).__name__}"
            )
        points: list[TimelinePoint] = []
        goal = None
        for position, revision in enumerate(self.revisions):
            # Only a change about the goal moves it: other plans are not built.
            if position == 0 or any(change.subject == goal_id for change in revision.changes):
                goal = next((goal for goal in revision.plan.goals if goal.id == goal_id), None)
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
        storage.check_text(name, "name")
        if number is not None:
            _check_number(number, "number")
        revision = self[len(self.revisions) - 1 if number is None else number]
        return attrs.evolve(self, baselines={**self.baselines, name: revision.number})

    def baseline(self, name: str) -> Revision:
        """The revision a baseline name marks.

        Raises
        ------
        HistoryError
            No baseline has this name.
        """
        storage.check_text(name, "name")
        if name not in self.baselines:
            raise HistoryError(f"no baseline named {name!r}")
        return self.revisions[self.baselines[name]]

    def revert(self, number: int, *, at: datetime, author: str, reason: str) -> History:
        """A new revision restoring revision ``number``'s plan; nothing is rewritten."""
        _check_number(number, "number")
        return self.commit(
            self[number].plan, at=at, author=author, reason=reason, kind=RevisionKind.REVERT
        )

    # -- storage ------------------------------------------------------------

    def to_dict(self, *, key: bytes | None = None) -> dict[str, Any]:
        """The stored form: one snapshot, then each revision's changes and digest.

        See :mod:`careerkit.history.storage` for its fields and digests.

        Parameters
        ----------
        key
            A secret key (non-empty bytes): the digests are then
            HMAC-SHA256 under it, and the stored form says it is keyed, so
            that it is only read with the same key. Without a key the
            digests are SHA-256, which detects accidents but not a
            deliberate edit (anyone can recompute them).

        Raises
        ------
        ValidationError
            ``key`` is not non-empty bytes.

        Examples
        --------
        >>> history = History.start(Plan(id="p", owner="Ana", start=date(2026, 1, 5)),
        ...                         at=datetime(2026, 1, 5, 9, tzinfo=timezone.utc),
        ...                         author="Ana", reason="First plan")
        >>> stored = history.to_dict(key=b"a secret of the product")
        >>> stored["keyed"], History.from_dict(stored, key=b"a secret of the product").integrity
        (True, 'keyed')
        >>> History.from_dict(stored)
        Traceback (most recent call last):
        ...
        careerkit.errors.HistoryError: the history was written with a key: it can only be read with the key
        """
        key = storage.check_key(key)
        return storage.write(self.revisions[0].plan, self.revisions, self.baselines, key=key)

    def dumps(self, *, indent: int | None = None, key: bytes | None = None) -> str:
        """The stored form as JSON text (see :meth:`to_dict` for ``key``)."""
        if indent is not None:
            checked_int(indent, "indent", minimum=0)
        return json.dumps(self.to_dict(key=key), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, key: bytes | None = None) -> History:
        """Read a stored history, checking every digest.

        A history written with a key is read only with the same key, and a
        reader given a key reads only a history written with one: a stored
        form stripped of its key and given recomputed SHA-256 digests is
        refused. :attr:`integrity` says what was verified.

        Everything the writer refuses, the reader refuses too: a blank or
        missing author or reason, a number that is not an integer, a kind
        ``initial`` after the first revision, a time not written as
        ``datetime.isoformat`` writes it, a change whose ``before`` is not
        the value it replaces, an addition with a ``before`` or a change
        without an ``after``, text that cannot be stored as UTF-8.

        The work grows with the size of the stored form, not with the
        number of revisions times the size of the plan: every digest is
        checked, and every revision's changes are checked to fit the
        revision before, each goal, task or value they set checked on its
        own; the latest plan is built and checked as a whole. The plans of
        the revisions in between are rebuilt from the changes when asked for
        (and checked as a whole then: in a history whose digests were
        recomputed by hand, a middle plan that is not valid raises
        ``ValidationError`` when it is asked for).

        Raises
        ------
        HistoryError
            The chain of digests does not verify (the first bad revision is
            named; with a key, the key may be wrong), a revision is missing
            or out of order, the baselines were changed, or the history was
            written with a key and is read without one or the other way round.
        ValidationError
            The stored form is malformed or has fields it does not know, or
            its changes do not fit the plans they change (paths such as
            ``revisions[2].changes[0].path`` or ``snapshot.goals[0].title``),
            or ``key`` is not non-empty bytes.
        """
        key = storage.check_key(key)
        return cls._of(storage.read(data, kinds=RevisionKind, key=key))

    @classmethod
    def loads(
        cls, text: str | bytes, *, max_size: int = DEFAULT_MAX_SIZE, key: bytes | None = None
    ) -> History:
        """Read a stored history from JSON text (see :meth:`from_dict`).

        The text is read by the same strict reader as plans
        (:func:`careerkit.io.read_json`): duplicate keys, ``NaN`` and text
        that is not UTF-8 are refused.
        """
        key = storage.check_key(key)
        data = read_json(text, max_size=max_size)
        return cls._of(storage.read(data, kinds=RevisionKind, key=key))

    @classmethod
    def _of(cls, stored: storage.Stored[RevisionKind]) -> History:
        """The history of checked stored parts, its middle plans rebuilt when asked for."""
        plans = RebuiltPlans(
            stored.first, stored.latest, [item.changes for item in stored.revisions]
        )
        revisions = tuple(
            Revision(
                number=item.number,
                at=item.at,
                author=item.author,
                reason=item.reason,
                kind=item.kind,
                plan=plans.source(item.number),
                changes=item.changes,
                digest=item.digest,
            )
            for item in stored.revisions
        )
        return cls(revisions=revisions, baselines=stored.baselines, integrity=stored.integrity)


def _history(
    revisions: tuple[Revision, ...],
    baselines: dict[str, int],
    integrity: storage.Integrity | None = None,
) -> History:
    return History(revisions=revisions, baselines=baselines, integrity=integrity)
