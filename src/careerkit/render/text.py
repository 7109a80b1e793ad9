"""A plain-text outline of a plan: vision, then goals by horizon with their tasks."""

from __future__ import annotations

from careerkit.model import Dependency, Goal, Horizon, Link, Plan, Status, Task

__all__ = ["outline"]

_HORIZON_TITLES = {
    Horizon.SHORT: "Short-term goals",
    Horizon.MEDIUM: "Medium-term goals",
    Horizon.LONG: "Long-term goals",
}


def outline(plan: Plan) -> str:
    """A readable outline of the plan.

    The vision comes first, then the goals grouped by horizon (short, medium,
    long; in plan order within a horizon), each with its status, deadline,
    metric and tasks.

    Parameters
    ----------
    plan
        The plan to show.

    Returns
    -------
    str
        Lines of text, ending with a newline.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", vision="Lead a marketing team", start=date(2026, 1, 5),
    ...             goals=[Goal(id="cert", title="Earn the certification", horizon=Horizon.SHORT,
    ...                         deadline=date(2026, 6, 30))],
    ...             tasks=[Task(id="enrol", goal="cert", title="Enrol", status=Status.DONE,
    ...                         done_on=date(2026, 1, 9))])
    >>> print(outline(plan), end="")
    Plan p for Ana, starting 2026-01-05
    Vision: Lead a marketing team
    <BLANKLINE>
    Short-term goals
      [active] cert: Earn the certification (deadline 2026-06-30)
        [x] enrol: Enrol (done 2026-01-09)
    """
    lines = [f"Plan {plan.id} for {plan.owner}, starting {plan.start.isoformat()}"]
    if plan.vision:
        lines.append(f"Vision: {plan.vision}")
    tasks_by_goal: dict[str, list[Task]] = {goal.id: [] for goal in plan.goals}
    for task in plan.tasks:
        tasks_by_goal[task.goal].append(task)
    for horizon in Horizon:
        goals = [goal for goal in plan.goals if goal.horizon is horizon]
        if not goals:
            continue
        lines.extend(("", _HORIZON_TITLES[horizon]))
        for goal in goals:
            lines.append(f"  {_goal_line(goal)}")
            lines.extend(f"    {_task_line(task)}" for task in tasks_by_goal[goal.id])
    if plan.check_ins:
        latest = max(plan.check_ins, key=lambda check_in: check_in.on)
        lines.extend(
            (
                "",
                f"Check-ins: {len(plan.check_ins)}, latest {latest.on.isoformat()} "
                f"({latest.source.value}, satisfaction {latest.satisfaction}/5)",
            )
        )
    return "\n".join(lines) + "\n"


def _goal_line(goal: Goal) -> str:
    details = []
    if goal.deadline is not None:
        details.append(f"deadline {goal.deadline.isoformat()}")
    if goal.achieved_on is not None:
        details.append(f"achieved {goal.achieved_on.isoformat()}")
    if goal.parent is not None:
        details.append(f"part of {goal.parent}")
    if goal.backup_for is not None:
        details.append(f"backup for {goal.backup_for}")
    if goal.metric is not None:
        metric = goal.metric
        unit = f" {metric.unit}" if metric.unit else ""
        target = f"target {_number(metric.target)}{unit}"
        if goal.measurements:
            latest = max(goal.measurements, key=lambda m: m.on)
            details.append(f"{metric.name}: {_number(latest.value)}{unit}, {target}")
        else:
            details.append(f"{metric.name}: {target}")
    suffix = f" ({'; '.join(details)})" if details else ""
    return f"[{goal.status.value}] {goal.id}: {goal.title}{suffix}"


_TASK_MARKS = {
    Status.TODO: "[ ]",
    Status.IN_PROGRESS: "[~]",
    Status.DONE: "[x]",
    Status.DROPPED: "[-]",
}


def _task_line(task: Task) -> str:
    details = []
    if task.status is Status.DONE and task.done_on is not None:
        details.append(f"done {task.done_on.isoformat()}")
    elif task.status is Status.IN_PROGRESS:
        details.append(f"{_number(task.fraction_complete * 100)}% done")
    elif task.status is Status.DROPPED:
        details.append("dropped")
    if task.due is not None and task.status is not Status.DONE:
        details.append(f"due {task.due.isoformat()}")
    if task.recurrence is not None:
        details.append(f"repeats {task.recurrence.removeprefix('RRULE:')}")
    if task.depends_on:
        details.append("after " + ", ".join(_dependency(item) for item in task.links))
    suffix = f" ({'; '.join(details)})" if details else ""
    return f"{_TASK_MARKS[task.status]} {task.id}: {task.title}{suffix}"


_LINK_WORDS = {
    Link.FINISH_TO_START: "",
    Link.START_TO_START: "start of ",
    Link.FINISH_TO_FINISH: "finishing with ",
    Link.START_TO_FINISH: "finishing after the start of ",
}


def _dependency(dependency: Dependency) -> str:
    lag = ""
    if dependency.lag:
        lag = f" {'+' if dependency.lag > 0 else '-'}{abs(dependency.lag)}d"
    return f"{_LINK_WORDS[dependency.link]}{dependency.task}{lag}"


def _number(value: float) -> str:
    """Whole numbers in full, others with at most two decimals."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")
