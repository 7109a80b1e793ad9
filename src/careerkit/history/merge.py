"""Three-way merge: combine two edits of the same plan, or name where they conflict."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from careerkit.history.changes import Change, Operation, apply, diff
from careerkit.model import Plan

__all__ = ["Conflict", "MergeResult", "merge"]


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
    conflicts = _conflicts(mine, other)
    if conflicts:
        return MergeResult(plan=None, conflicts=tuple(sorted(conflicts, key=lambda c: c.path)))
    combined = list(mine.values()) + [change for path, change in other.items() if path not in mine]
    return MergeResult(plan=apply(base, _in_apply_order(combined)), conflicts=())


def _conflicts(mine: Mapping[str, Change], other: Mapping[str, Change]) -> list[Conflict]:
    """The places two sets of changes (by path) disagree on."""
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
    return conflicts


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
