"""Alerts about resources: weeks planned above capacity, costs above the budget."""

from __future__ import annotations

from datetime import timedelta

from careerkit.model import Status
from careerkit.planning._situation import Situation
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity

__all__ = ["resource_alerts"]


def _over_capacity(situation: Situation) -> list[Alert]:
    """``over_capacity``: a week of the policy's horizon planned above capacity."""
    as_of, found = situation.as_of, []
    first = as_of - timedelta(days=as_of.weekday())
    end = first + timedelta(weeks=situation.policy.capacity_weeks)
    for week in situation.schedule.load:
        if not first <= week.week < end or not week.overloaded:
            continue
        tasks = tuple(task for task, _ in week.tasks)
        heaviest, hours = week.tasks[0] if week.tasks else ("", 0.0)
        excess = round(week.hours - week.capacity, 2)
        moved = min(excess, round(hours, 2))
        others = f" and {excess - moved:g} hours of other tasks" if excess > moved else ""
        found.append(
            situation.alert(
                AlertKind.OVER_CAPACITY,
                AlertSeverity.WARNING,
                subject=situation.plan.id,
                on=week.week,
                text=(
                    f"the week of {week.week} has {week.hours:.1f} hours of work planned "
                    f"against a capacity of {week.capacity:g}, {excess:g} hours over",
                    f"move {moved:g} hours of `{heaviest}` ({hours:.1f} h that week){others} to "
                    f"a later week, or raise the weekly capacity to {week.hours:.1f} hours",
                ),
                evidence={
                    "week": week.week,
                    "hours": round(week.hours, 2),
                    "capacity": float(week.capacity),
                    "excess_hours": excess,
                    "tasks": tasks,
                },
            )
        )
    return found


def _over_budget(situation: Situation) -> list[Alert]:
    """``over_budget``: the cost of the tasks not dropped above the budget."""
    plan = situation.plan
    if plan.budget is None:
        return []
    costed = [task for task in plan.tasks if task.cost and task.status is not Status.DROPPED]
    planned = float(sum(task.cost or 0.0 for task in costed))
    if planned <= plan.budget:
        return []
    spent = float(sum(task.cost or 0.0 for task in costed if task.status is Status.DONE))
    open_costs = [task for task in costed if task.status is not Status.DONE]
    excess = planned - plan.budget
    if open_costs:
        largest = max(open_costs, key=lambda task: (task.cost or 0.0, task.id))
        correction = (
            f"drop or find funding for `{largest.id}` (costs {largest.cost:g}), "
            f"or raise the budget to {planned:g}"
        )
    else:
        correction = f"raise the budget to {planned:g}: the money is spent"
    return [
        situation.alert(
            AlertKind.OVER_BUDGET,
            AlertSeverity.CRITICAL if spent > plan.budget else AlertSeverity.WARNING,
            subject=plan.id,
            on=situation.as_of,
            text=(
                f"the tasks cost {planned:g} against a budget of {plan.budget:g}, "
                f"{excess:g} over; {spent:g} is spent",
                correction,
            ),
            evidence={
                "budget": float(plan.budget),
                "planned_cost": planned,
                "spent": spent,
                "excess": excess,
                "costly_tasks": tuple(sorted(task.id for task in open_costs)),
            },
        )
    ]


def resource_alerts(situation: Situation) -> list[Alert]:
    """Every resource alert of the situation."""
    return [*_over_capacity(situation), *_over_budget(situation)]
