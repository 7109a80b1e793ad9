"""The dates that bound each goal's work, for every goal of a plan at once.

A goal's work must meet its deadline or an ancestor's, if earlier (the
model's rule, :meth:`careerkit.Plan.deadline_for`, found for every goal once
when the plan is built), and it begins no earlier than the goal's start or an
ancestor's, if later. These give the answers as mappings for a scheduling run.
"""

from __future__ import annotations

from datetime import date

from careerkit.model import Plan

__all__ = ["inherited_deadlines", "inherited_starts"]


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
    deadlines = ((goal.id, plan.deadline_for(goal.id)) for goal in plan.goals)
    return {goal_id: found for goal_id, found in deadlines if found is not None}


def inherited_starts(plan: Plan) -> dict[str, date]:
    """Each goal's start, its own or an ancestor's if later, by goal id.

    Goals with no start of their own or above are left out (their work may
    begin with the plan). Time proportional to the goals: each is visited once.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...             goals=[Goal(id="big", title="Do big", start=date(2026, 3, 2)),
    ...                    Goal(id="part", title="Do part", parent="big"),
    ...                    Goal(id="free", title="Do free")])
    >>> inherited_starts(plan)
    {'big': datetime.date(2026, 3, 2), 'part': datetime.date(2026, 3, 2)}
    """
    found: dict[str, date | None] = {}
    for goal in plan.goals:
        chain = []
        current: str | None = goal.id
        while current is not None and current not in found:
            chain.append(current)
            current = plan.goal(current).parent
        above = None if current is None else found[current]
        for goal_id in reversed(chain):  # the highest ancestor first
            own = plan.goal(goal_id).start
            above = own if above is None or (own is not None and own > above) else above
            found[goal_id] = above
    return {goal.id: day for goal in plan.goals if (day := found[goal.id]) is not None}
