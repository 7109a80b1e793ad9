"""Alerts about dates: overdue tasks, missed and late deadlines, float and buffers, blocks."""

from __future__ import annotations

from careerkit.model import Status
from careerkit.planning._situation import Situation, counted, quoted
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity

__all__ = ["date_alerts"]


def _overdue(situation: Situation) -> list[Alert]:
    """``overdue_task``: a one-off task whose due date passed, not done."""
    as_of, found = situation.as_of, []
    for task in situation.live_tasks:
        if task.due is None or task.due >= as_of or task.recurrence is not None:
            continue
        entry = situation.schedule[task.id]
        late = situation.working_days_after(task.due, as_of)
        percent = round(task.fraction_complete * 100, 1)
        found.append(
            situation.alert(
                AlertKind.OVERDUE_TASK,
                AlertSeverity.CRITICAL,
                subject=task.id,
                on=task.due,
                text=(
                    f"`{task.id}` was due on {task.due} and is {percent:g}% done, "
                    f"{counted(late, 'working day')} overdue; forecast to finish on {entry.early_finish}",
                    f"finish `{task.id}`, or move its due date to {entry.early_finish} "
                    "(the schedule's finish, with no margin)",
                ),
                evidence={
                    "due": task.due,
                    "days_overdue": late,
                    "percent_complete": percent,
                    "forecast_finish": entry.early_finish,
                },
            )
        )
    return found


def _missed(situation: Situation) -> list[Alert]:
    """``missed_deadline``: an active goal whose deadline passed."""
    as_of, found = situation.as_of, []
    for goal in situation.active_goals.values():
        if goal.deadline is None or goal.deadline >= as_of:
            continue
        finish = situation.schedule.goal(goal.id).finish
        open_tasks = tuple(sorted(task.id for task in situation.goal_work.get(goal.id, ())))
        past = situation.working_days_after(goal.deadline, as_of)
        if open_tasks and finish is not None:
            correction = (
                f"move the deadline of `{goal.id}` to {finish} (the schedule's finish, with no margin), "
                "or abandon the goal"
            )
        else:
            correction = f"mark `{goal.id}` achieved, or move its deadline"
        found.append(
            situation.alert(
                AlertKind.MISSED_DEADLINE,
                AlertSeverity.CRITICAL,
                subject=goal.id,
                on=goal.deadline,
                text=(
                    f"`{goal.id}` was due on {goal.deadline}, {counted(past, 'working day')} ago, "
                    f"and is not achieved; {counted(len(open_tasks), 'task')} remain",
                    correction,
                ),
                evidence={
                    "deadline": goal.deadline,
                    "days_past": past,
                    "forecast_finish": finish if open_tasks else None,
                    "open_tasks": open_tasks,
                },
            )
        )
    return found


def _late_and_buffer(situation: Situation) -> list[Alert]:
    """``forecast_late`` for goals forecast past their deadline; ``buffer`` for
    goals whose slack (working days from the forecast finish, which follows
    every predecessor in the network, to the deadline) is under the policy's
    threshold. The task named is the goal's unfinished work with the least
    total float: the one driving, and so eating, the finish."""
    as_of, found = situation.as_of, []
    for goal in situation.active_goals.values():
        forecast = situation.schedule.goal(goal.id)
        tightest = situation.tightest(goal.id)
        if goal.deadline is None or goal.deadline < as_of or forecast.slack is None:
            continue
        if tightest is None or forecast.finish is None:
            continue
        task = tightest[0]
        if forecast.slack < 0:
            found.append(_late(situation, goal.id, forecast.finish, (task.id, -forecast.slack)))
        elif forecast.slack < situation.policy.buffer_days:
            found.append(_buffer(situation, goal.id, task.id, forecast.slack))
    return found


def _late(situation: Situation, goal_id: str, finish: object, driver: tuple[str, int]) -> Alert:
    task_id, late = driver
    goal = situation.active_goals[goal_id]
    assert goal.deadline is not None
    return situation.alert(
        AlertKind.FORECAST_LATE,
        AlertSeverity.CRITICAL,
        subject=goal_id,
        on=goal.deadline,
        text=(
            f"`{goal_id}` is forecast to finish on {finish}, {counted(late, 'working day')} after "
            f"its deadline {goal.deadline}; `{task_id}` drives the finish",
            f"recover {counted(late, 'working day')} on `{task_id}` and its successors, or move the "
            f"deadline of `{goal_id}` to {finish} (the schedule's finish, with no margin)",
        ),
        evidence={
            "deadline": goal.deadline,
            "forecast_finish": situation.schedule.goal(goal_id).finish,
            "days_late": late,
            "driving_task": task_id,
        },
    )


def _buffer(situation: Situation, goal_id: str, task_id: str, buffer: int) -> Alert:
    goal = situation.active_goals[goal_id]
    assert goal.deadline is not None
    entry = situation.schedule[task_id]
    return situation.alert(
        AlertKind.BUFFER,
        AlertSeverity.WARNING if buffer == 0 else AlertSeverity.INFO,
        subject=goal_id,
        on=goal.deadline,
        text=(
            f"`{goal_id}` can slip {counted(buffer, 'working day')} before it misses its deadline "
            f"{goal.deadline}, and `{task_id}` is eating the buffer",
            f"start `{task_id}` by {entry.early_start} and keep it on schedule "
            f"(it must finish by {entry.late_finish})",
        ),
        evidence={
            "deadline": goal.deadline,
            "buffer_days": buffer,
            "threshold_days": situation.policy.buffer_days,
            "consuming_task": task_id,
            "late_finish": entry.late_finish,
        },
    )


def _float_exhausted(situation: Situation) -> list[Alert]:
    """``float_exhausted``: an unstarted task without float whose late start has come."""
    as_of, found = situation.as_of, []
    for task in situation.live_tasks:
        if task.status is not Status.TODO or task.recurrence is not None:
            continue
        entry = situation.schedule[task.id]
        if entry.total_float > 0 or entry.late_start > as_of:
            continue
        waiting = tuple(sorted(p for p in task.predecessors if p in situation.open_ids))
        if waiting:
            correction = f"finish {quoted(waiting)} now, then start `{task.id}` at once"
        else:
            correction = f"start `{task.id}` today"
        past = situation.working_days_after(entry.late_start, as_of)
        found.append(
            situation.alert(
                AlertKind.FLOAT_EXHAUSTED,
                AlertSeverity.CRITICAL if past else AlertSeverity.WARNING,
                subject=task.id,
                on=entry.late_start,
                text=(
                    f"`{task.id}` has not started, its latest start was {entry.late_start} "
                    f"({counted(past, 'working day')} ago) and it has "
                    f"{counted(entry.total_float, 'day')} of float",
                    correction,
                ),
                evidence={
                    "late_start": entry.late_start,
                    "early_start": entry.early_start,
                    "total_float": entry.total_float,
                    "days_past_late_start": past,
                    "waiting_on": waiting,
                },
            )
        )
    return found


def _blocked(situation: Situation) -> list[Alert]:
    """``blocked``: an unstarted task with a predecessor past its due date or
    its late finish."""
    as_of, found = situation.as_of, []
    limits = {}
    for task in situation.live_tasks:
        entry = situation.schedule[task.id]
        limit = min(entry.late_finish, task.due or entry.late_finish)
        if limit < as_of and task.recurrence is None:
            limits[task.id] = limit
    for task in situation.live_tasks:
        late = tuple(sorted(p for p in task.predecessors if p in limits))
        if task.status is not Status.TODO or not late:
            continue
        since = min(limits[p] for p in late)
        found.append(
            situation.alert(
                AlertKind.BLOCKED,
                AlertSeverity.WARNING,
                subject=task.id,
                on=since,
                text=(
                    f"`{task.id}` cannot start: {quoted(late)} should have finished by {since}",
                    f"finish {quoted(late)} first, or remove the dependency of `{task.id}`",
                ),
                evidence={
                    "waiting_on": late,
                    "overdue_since": since,
                    "days_waiting": situation.working_days_after(since, as_of),
                },
            )
        )
    return found


def date_alerts(situation: Situation) -> list[Alert]:
    """Every date alert of the situation."""
    return [
        *_overdue(situation),
        *_missed(situation),
        *_late_and_buffer(situation),
        *_float_exhausted(situation),
        *_blocked(situation),
    ]
