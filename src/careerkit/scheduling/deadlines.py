"""The deadline each goal's work must meet, for every goal of a plan at once.

The rule, "its deadline or an ancestor's, if earlier", is the model's
(:meth:`careerkit.Plan.deadline_for`, found for every goal once, when the
plan is built); this gives the answers as one mapping for a scheduling run.
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
    deadlines = ((goal.id, plan.deadline_for(goal.id)) for goal in plan.goals)
    return {goal_id: found for goal_id, found in deadlines if found is not None}
