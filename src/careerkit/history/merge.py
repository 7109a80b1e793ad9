"""Three-way merge: combine two edits of the same plan, and resolve where they conflict.

:func:`merge` applies every change that does not conflict and returns the
merged plan together with the conflicts, each with the base value and both
sides' values; :meth:`MergeResult.resolve` settles one conflict at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs
from attrs import field, frozen

from careerkit.errors import ValidationError
from careerkit.history._grammar import KEYED, parts
from careerkit.history.changes import Change, Operation, apply, diff, value_at
from careerkit.io import result_document, structure_value
from careerkit.model import Plan
from careerkit.model.arguments import checked_instance

__all__ = ["Conflict", "MergeResult", "merge"]

_POSITIONAL = ("check_ins",)
"""Lists whose items have no ids: additions on both sides are appended, ours first."""


@result_document("conflict")
@frozen(kw_only=True)
class Conflict:
    """Two edits of the same place that disagree.

    ``ours`` and ``theirs`` are the changes each side made at :attr:`path`
    (None when a side made none there: it removed the goal or task that
    holds the place, or added or removed goals or tasks while the other
    side reordered them). :attr:`base`, :attr:`ours_value` and
    :attr:`theirs_value` are the JSON-ready values at the path in the base
    plan and on each side (None where there is none);
    :attr:`ours_changes` and :attr:`theirs_changes` are what taking each
    side applies (:meth:`MergeResult.resolve`).
    """

    path: str
    ours: Change | None
    theirs: Change | None
    base: Any = None
    ours_value: Any = None
    theirs_value: Any = None
    ours_changes: tuple[Change, ...] = field(default=(), repr=False)
    theirs_changes: tuple[Change, ...] = field(default=(), repr=False)

    def __str__(self) -> str:
        def side(change: Change | None, changes: tuple[Change, ...]) -> str:
            if change is None and changes:
                change = changes[0]
                return str(change)
            return "unchanged" if change is None else str(change).split(": ", 1)[1]

        return (
            f"{self.path}: ours {side(self.ours, self.ours_changes)}; "
            f"theirs {side(self.theirs, self.theirs_changes)}"
        )


@frozen(kw_only=True)
class MergeResult:
    """The outcome of a three-way merge: the merged plan and the conflicts left.

    :attr:`plan` has every change that does not conflict applied;
    :meth:`resolve` settles a conflict and returns a new result.
    """

    plan: Plan
    """The base with every change applied that does not conflict."""
    conflicts: tuple[Conflict, ...]
    """The conflicts left, ordered by path."""
    base: Plan = field(repr=False)
    """The plan both sides started from."""
    changes: tuple[Change, ...] = field(repr=False)
    """The changes from :attr:`base` that :attr:`plan` has."""

    @property
    def merged(self) -> bool:
        """Whether every conflict is settled (or there was none)."""
        return not self.conflicts

    def resolve(self, path: str, *, take: Literal["ours", "theirs"] | Any) -> MergeResult:
        """Settle the conflict at ``path``: take our side, their side, or a value.

        Parameters
        ----------
        path
            The conflict's path.
        take
            ``"ours"`` or ``"theirs"`` applies that side's changes
            (:attr:`Conflict.ours_changes` or :attr:`Conflict.theirs_changes`);
            any other value is the JSON-ready value to put at the path (as
            in a plan document: a date as ``"2026-09-30"``; None removes a
            value). A goal or task order, or the check-ins as a whole, take
            a side only.

        Returns
        -------
        MergeResult
            A new result, its plan rebuilt from :attr:`base`, one conflict
            fewer (or more, inside a goal or task).

        Raises
        ------
        ValidationError
            No conflict has this path (``path``), ``take`` is a value where
            only a side can be taken (``take``), or the plan it makes is
            not valid.

        Notes
        -----
        Inside a goal or task that one side removed, the first decision
        holds for the whole goal or task: removing it settles every
        conflict inside it; keeping it applies the other side's edits there.

        Examples
        --------
        >>> base = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
        ...             goals=[Goal(id="cert", title="Earn the certification")])
        >>> ours = base.update_goal("cert", deadline=date(2026, 9, 30))
        >>> theirs = base.update_goal("cert", deadline=date(2026, 12, 31))
        >>> result = merge(base, ours, theirs)
        >>> result.merged, [str(conflict) for conflict in result.conflicts]
        (False, ["goals[cert].deadline: ours added '2026-09-30'; theirs added '2026-12-31'"])
        >>> result.resolve("goals[cert].deadline", take="theirs").plan.goal("cert").deadline
        datetime.date(2026, 12, 31)
        >>> settled = result.resolve("goals[cert].deadline", take="2026-10-31")
        >>> settled.merged, settled.plan.goal("cert").deadline
        (True, datetime.date(2026, 10, 31))
        """
        if type(path) is not str:
            raise ValidationError(path="path", problem=f"expected a string, got {path!r}")
        conflict = next((conflict for conflict in self.conflicts if conflict.path == path), None)
        if conflict is None:
            known = ", ".join(conflict.path for conflict in self.conflicts) or "none"
            raise ValidationError(
                path="path", problem=f"no conflict at {path!r} (conflicts: {known})"
            )
        chosen = _taken(conflict, take)
        rejected = [
            change
            for change in (*conflict.ours_changes, *conflict.theirs_changes)
            if change not in chosen
        ]
        accepted = list(chosen)
        left = []
        for other in self.conflicts:
            if other is conflict:
                continue
            sides = (other.ours_changes, other.theirs_changes)
            if any(change in chosen for side in sides for change in side):
                continue  # settled by the same decision: the container is removed
            dropped = [side for side in sides if any(change in rejected for change in side)]
            if dropped:  # the container is kept: the other side's edits apply
                accepted.extend(sides[1] if dropped[0] is sides[0] else sides[0])
                continue
            left.append(other)
        changes = (*self.changes, *accepted)
        return MergeResult(
            plan=apply(self.base, _in_apply_order(changes)),
            conflicts=tuple(left),
            base=self.base,
            changes=changes,
        )


def _taken(conflict: Conflict, take: Any) -> tuple[Change, ...]:
    """The changes that settle a conflict the way ``take`` says."""
    if isinstance(take, str) and take in ("ours", "theirs"):
        return conflict.ours_changes if take == "ours" else conflict.theirs_changes
    if conflict.path in ("goals", "tasks", *_POSITIONAL):
        raise ValidationError(
            path="take", problem=f"take 'ours' or 'theirs' for {conflict.path!r}, not a value"
        )
    if conflict.base is None and take is None:
        return ()
    if conflict.base is None:
        return (Change(operation=Operation.ADD, path=conflict.path, after=take),)
    if take is None:
        return (Change(operation=Operation.REMOVE, path=conflict.path, before=conflict.base),)
    return (
        Change(operation=Operation.CHANGE, path=conflict.path, before=conflict.base, after=take),
    )


def merge(base: Plan, ours: Plan, theirs: Plan) -> MergeResult:
    """Combine two edits of the same plan (a coach's and a client's, say).

    Changes to different places combine; the same change made on both
    sides counts once. Additions on both sides that do not collide merge:
    new goals and tasks with different ids, check-ins (ours first, then
    theirs, an identical one once), and items appended to a list field
    such as a goal's measurements or a task's ``depends_on`` (ours first,
    then theirs not already there). Changes to the same place that
    disagree, or a change inside a goal or task the other side removed,
    are conflicts, each naming the path, the base value and both sides'
    values. Reordering goals (or tasks) on one side while the other adds,
    removes or reorders them is a conflict too, and so are check-ins
    removed on one side and changed on the other.

    Parameters
    ----------
    base
        The plan both sides started from.
    ours, theirs
        The two edited plans.

    Returns
    -------
    MergeResult
        The merged plan, validated, with every change that does not
        conflict applied, and the conflicts ordered by path; settle them
        with :meth:`MergeResult.resolve`.

    Raises
    ------
    ValidationError
        An argument is not a plan, or the combined changes make an invalid
        plan (for example, one side removed a task the other made a new
        task depend on).

    Examples
    --------
    >>> base = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             goals=[Goal(id="cert", title="Earn the certification")])
    >>> ours = base.update_goal("cert", deadline=date(2026, 9, 30)).add_check_in(
    ...     CheckIn(on=date(2026, 2, 1), satisfaction=4))
    >>> theirs = base.add_check_in(CheckIn(on=date(2026, 2, 3), satisfaction=3))
    >>> result = merge(base, ours, theirs)
    >>> result.merged, result.plan.goal("cert").deadline, len(result.plan.check_ins)
    (True, datetime.date(2026, 9, 30), 2)
    """
    for name, plan in (("base", base), ("ours", ours), ("theirs", theirs)):
        checked_instance(plan, Plan, name)
    mine = {change.path: change for change in diff(base, ours)}
    other = {change.path: change for change in diff(base, theirs)}
    accepted, conflicts = _positional(base, ours, theirs, mine, other)
    found = _conflicts(base, ours, theirs, mine, other)
    held = {id(change) for conflict in found for side in _sides(conflict) for change in side}
    conflicts.extend(found)
    for path in sorted(mine.keys() | other.keys()):
        if path.split("[", 1)[0] in _POSITIONAL:
            continue
        a, b = mine.get(path), other.get(path)
        if id(a) in held or id(b) in held:
            continue
        combined = _appended(base, a, b) if a is not None and b is not None and a != b else a or b
        if combined is not None:
            accepted.append(combined)
    ordered = sorted(conflicts, key=lambda conflict: conflict.path)
    return MergeResult(
        plan=apply(base, _in_apply_order(accepted)),
        conflicts=tuple(ordered),
        base=base,
        changes=tuple(accepted),
    )


def _sides(conflict: Conflict) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
    return conflict.ours_changes, conflict.theirs_changes


def _conflict(
    path: str,
    plans: tuple[Plan, Plan, Plan],
    ours: tuple[Change | None, Iterable[Change]],
    theirs: tuple[Change | None, Iterable[Change]],
) -> Conflict:
    base, mine, other = plans
    return Conflict(
        path=path,
        ours=ours[0],
        theirs=theirs[0],
        base=value_at(base, path),
        ours_value=value_at(mine, path),
        theirs_value=value_at(other, path),
        ours_changes=tuple(ours[1]),
        theirs_changes=tuple(theirs[1]),
    )


def _conflicts(
    base: Plan,
    ours: Plan,
    theirs: Plan,
    mine: Mapping[str, Change],
    other: Mapping[str, Change],
) -> list[Conflict]:
    """The places outside the check-ins that two sets of changes (by path) disagree on."""
    plans = (base, ours, theirs)
    conflicts = []
    for path in sorted(mine.keys() | other.keys()):
        if path.split("[", 1)[0] in _POSITIONAL:
            continue
        a, b = mine.get(path), other.get(path)
        if a is not None and b is not None and a != b and _appended(base, a, b) is None:
            conflicts.append(_conflict(path, plans, (a, (a,)), (b, (b,))))
        elif a is not None and b is None and (removed := _removed_container(path, other)):
            conflicts.append(_conflict(path, plans, (a, (a,)), (None, (removed,))))
        elif b is not None and a is None and (removed := _removed_container(path, mine)):
            conflicts.append(_conflict(path, plans, (None, (removed,)), (b, (b,))))
    for collection in KEYED:
        for one, two, swap in ((mine, other, False), (other, mine, True)):
            if collection in one and collection not in two and _membership_changes(collection, two):
                order = one[collection]
                members = _members(collection, two)
                sides = ((order, (order,)), (None, members))
                first, second = (sides[1], sides[0]) if swap else sides
                conflicts.append(_conflict(collection, plans, first, second))
    return conflicts


def _appended(base: Plan, a: Change, b: Change) -> Change | None:
    """One change for two that each append items to the same list, or None if they do
    not, or if the list they make together is not a sound value of the plan (stages
    of an application moved on two ways). Dated items (``on``) go in date order."""
    if a.operation is Operation.REMOVE or a.operation is not b.operation:
        return None
    before = a.before if a.operation is Operation.CHANGE else []
    if not (
        isinstance(before, list)
        and before == (b.before if b.operation is Operation.CHANGE else [])
        and isinstance(a.after, list)
        and isinstance(b.after, list)
        and a.after[: len(before)] == before
        and b.after[: len(before)] == before
    ):
        return None
    mine = a.after[len(before) :]
    added = [*mine, *(item for item in b.after[len(before) :] if item not in mine)]
    if all(isinstance(item, dict) and isinstance(item.get("on"), str) for item in added):
        added.sort(key=lambda item: item["on"])  # ISO dates sort as text
    change = Change(operation=a.operation, path=a.path, before=a.before, after=[*before, *added])
    return change if _sound_in_place(base, change) else None


def _sound_in_place(base: Plan, change: Change) -> bool:
    """Whether the item a change edits (a goal's, contact's, application's ...) accepts
    the changed field on its own; references to the rest of the plan are judged when
    the merged plan is built."""
    found = parts(change.path)
    if found is None or found[0] not in KEYED:
        return True
    name, key, field_name = found
    item = next((item for item in getattr(base, name) if item.id == key), None)
    attribute = attrs.fields_dict(type(item)).get(field_name or "") if item else None
    if item is None or field_name is None or attribute is None:
        return True  # a new item, or no such field: apply reports it
    try:
        attrs.evolve(item, **{field_name: structure_value(change.after, attribute.type)})
    except ValidationError:
        return False
    return True


def _positional(
    base: Plan,
    ours: Plan,
    theirs: Plan,
    mine: Mapping[str, Change],
    other: Mapping[str, Change],
) -> tuple[list[Change], list[Conflict]]:
    """Merge the check-ins: both sides' additions are kept, ours first."""
    accepted: list[Change] = []
    conflicts: list[Conflict] = []
    for name in _POSITIONAL:
        prefix = f"{name}["
        ours_changes = [change for path, change in sorted(mine.items()) if path.startswith(prefix)]
        theirs_changes = [
            change for path, change in sorted(other.items()) if path.startswith(prefix)
        ]
        if ours_changes == theirs_changes or not ours_changes or not theirs_changes:
            accepted.extend(ours_changes or theirs_changes)
            continue
        added = [change for change in ours_changes if change.operation is Operation.ADD]
        extra = [change for change in theirs_changes if change.operation is Operation.ADD]
        removed = any(
            change.operation is Operation.REMOVE for change in (*ours_changes, *theirs_changes)
        )
        edited = {change.path for change in ours_changes if change.operation is Operation.CHANGE}
        clash = any(
            change.operation is Operation.CHANGE
            and change.path in edited
            and mine[change.path] != change
            for change in theirs_changes
        )
        if removed or clash:
            conflicts.append(
                _conflict(
                    name,
                    (base, ours, theirs),
                    (ours_changes[0], ours_changes),
                    (theirs_changes[0], theirs_changes),
                )
            )
            continue
        accepted.extend(ours_changes)
        accepted.extend(
            change
            for change in theirs_changes
            if change.operation is Operation.CHANGE and change.path not in edited
        )
        known = [change.after for change in added]
        position = len(getattr(base, name)) + len(added)
        for change in extra:
            if change.after not in known:
                accepted.append(
                    Change(operation=Operation.ADD, path=f"{name}[{position}]", after=change.after)
                )
                position += 1
    return accepted, conflicts


def _removed_container(path: str, changes: Mapping[str, Change]) -> Change | None:
    """The removal, among ``changes``, of the goal or task that ``path`` lies inside."""
    container = path[: path.index("]") + 1] if "[" in path else path.split(".", 1)[0]
    removed = changes.get(container)
    if container != path and removed is not None and removed.operation is Operation.REMOVE:
        return removed
    return None


def _membership_changes(collection: str, changes: Mapping[str, Change]) -> bool:
    return bool(_members(collection, changes))


def _members(collection: str, changes: Mapping[str, Change]) -> tuple[Change, ...]:
    """The additions and removals of whole goals or tasks among ``changes``."""
    prefix = f"{collection}["
    return tuple(
        change
        for path, change in changes.items()
        if path.startswith(prefix)
        and path.endswith("]")
        and change.operation is not Operation.CHANGE
    )


def _in_apply_order(changes: Iterable[Change]) -> list[Change]:
    """Removals of positional items from the end first, additions in position order."""
    return sorted(
        changes,
        key=lambda change: (
            change.operation is Operation.ADD,
            _position(change.path) * (-1 if change.operation is Operation.REMOVE else 1),
        ),
    )


def _position(path: str) -> int:
    for name in _POSITIONAL:
        if path.startswith(f"{name}[") and path.endswith("]"):
            return int(path[len(name) + 1 : -1])
    return 0
