"""What every slippage detector reads: the plan, the date, its schedule and the policy.

A :class:`Situation` is built once per call of ``detect_slippage`` and
computes the shared readings once: the live work (unfinished tasks of active
goals), each goal's unfinished work including its child goals', and
working-day counts on the plan's calendar.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any

from careerkit.model import Goal, GoalStatus, Plan, Status, Task
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity, EvidenceValue, SlippagePolicy
from careerkit.scheduling import Schedule, TaskSchedule
from careerkit.workdays import DayIndex

__all__ = ["Situation", "counted", "make_alert", "quoted"]

_OPEN = (Status.TODO, Status.IN_PROGRESS)


def quoted(ids: tuple[str, ...] | list[str]) -> str:
    """Ids as they read in a message: ```a`, `b```."""
    return ", ".join(f"`{item}`" for item in ids)


def counted(count: int, noun: str) -> str:
    """A count with its noun, singular for one: ``1 working day``, ``3 working days``."""
    return f"{count} {noun}" if count in (1, -1) else f"{count} {noun}s"


class Situation:
    """The inputs of the detectors and the readings they share (computed once)."""

    def __init__(
        self,
        plan: Plan,
        *,
        as_of: date,
        schedule: Schedule,
        policy: SlippagePolicy,
        extras: dict[str, Any],
    ) -> None:
        """``extras`` holds the optional inputs: ``baseline``, ``history``, ``progress``."""
        self.plan = plan
        self.as_of = as_of
        self.schedule = schedule
        self.policy = policy
        self.extras = extras
        self.days = DayIndex(plan.calendar)

    @cached_property
    def active_goals(self) -> dict[str, Goal]:
        """The active goals, by id."""
        return {goal.id: goal for goal in self.plan.goals if goal.status is GoalStatus.ACTIVE}

    @cached_property
    def live_tasks(self) -> tuple[Task, ...]:
        """Tasks still to do or in progress whose goal is active, in plan order."""
        active = self.active_goals
        return tuple(
            task for task in self.plan.tasks if task.status in _OPEN and task.goal in active
        )

    @cached_property
    def open_ids(self) -> frozenset[str]:
        """The ids of every task neither done nor dropped."""
        return frozenset(task.id for task in self.plan.tasks if task.status in _OPEN)

    @cached_property
    def goal_work(self) -> dict[str, list[Task]]:
        """Each goal's live one-off tasks (habits left out), its child goals' included."""
        parents = {goal.id: goal.parent for goal in self.plan.goals}
        found: dict[str, list[Task]] = {}
        for task in self.live_tasks:
            if task.recurrence is not None:
                continue
            goal: str | None = task.goal
            seen: set[str] = set()
            while goal is not None and goal not in seen:
                seen.add(goal)
                found.setdefault(goal, []).append(task)
                goal = parents.get(goal)
        return found

    def tightest(self, goal_id: str) -> tuple[Task, TaskSchedule] | None:
        """The goal's live one-off task with the least total float (then the
        earliest start, then id), with its schedule; None without any."""
        rows = [(task, self.schedule[task.id]) for task in self.goal_work.get(goal_id, ())]
        if not rows:
            return None
        return min(rows, key=lambda row: (row[1].total_float, row[1].early_start, row[0].id))

    def working_days_after(self, earlier: date, later: date) -> int:
        """Working days after ``earlier`` up to ``later`` included (0 if none)."""
        return max(0, self.days.boundary_after(later) - self.days.boundary_after(earlier))

    def alert(
        self,
        kind: AlertKind,
        severity: AlertSeverity,
        *,
        subject: str,
        on: date,
        text: tuple[str, str],
        evidence: dict[str, EvidenceValue],
    ) -> Alert:
        """An alert; ``text`` is its message and its correction."""
        return make_alert(kind, severity, subject=subject, on=on, text=text, evidence=evidence)


def make_alert(
    kind: AlertKind,
    severity: AlertSeverity,
    *,
    subject: str,
    on: date,
    text: tuple[str, str],
    evidence: dict[str, EvidenceValue],
) -> Alert:
    """An alert; ``text`` is its message and its correction."""
    message, correction = text
    return Alert(
        kind=kind,
        severity=severity,
        subject=subject,
        on=on,
        message=message,
        evidence=evidence,
        correction=correction,
    )
