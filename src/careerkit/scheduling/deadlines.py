"""The deadline each goal's work must meet, for every goal of a plan at once.

:meth:`careerkit.Plan.deadline_for` answers for one goal by walking up its
parents; a scheduling run needs the answer for every goal, and walking each
goal's chain of parents would cost the depth of the tree per goal. Here the
same rule, "its deadline or an ancestor's, if earlier", is applied from the
roots down, so each goal costs one step.
"""

from __future__ import annotations

from datetime import date

from careerkit.model import Plan

__all__ = ["inherited_deadlines"]


def inherited_deadlines(plan: Plan) -> dict[str, date]:
    """Each goal's deadline, its own or an ancestor's if earlier, by goal id.

    Goals with no deadline of their own or above are left out. Equal, goal
    by goal, to :meth:`careerkit.Plan.deadline_for`.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             goals=[Goal(id="big", title="Do big", deadline=date(2027, 6, 30)),
    ...                    Goal(id="part", title="Do part", parent="big"),
    ...                    Goal(id="free", title="Do free")])
    >>> inherited_deadlines(plan)
    {'big': datetime.date(2027, 6, 30), 'part': datetime.date(2027, 6, 30)}
    """
    found: dict[str, date | None] = {}
    for goal in plan.goals:
        chain = []  # the goal and its ancestors not yet found, nearest first
        current = goal
        while current.id not in found:
            chain.append(current)
            if current.parent is None:
                break
            current = plan.goal(current.parent)
        above = found.get(current.id) if current.id in found else None
        for passed in reversed(chain):  # from the highest down
            own = passed.deadline
            if own is not None and (above is None or own < above):
                above = own
            found[passed.id] = above
    return {goal.id: deadline for goal in plan.goals if (deadline := found[goal.id]) is not None}
