"""Plain-text views: an outline of a plan, and a schedule report."""

from __future__ import annotations

from datetime import timedelta

from careerkit.model import Dependency, Goal, Horizon, Link, Plan, Status, Task
from careerkit.model.arguments import checked_instance, checked_int
from careerkit.scheduling import GoalSchedule, Schedule, WeekLoad
from careerkit.scheduling.given import checked_plan

__all__ = ["OVERLOAD_SHOWN", "outline", "schedule_report"]

OVERLOAD_SHOWN = 0.25
"""Hours over capacity below which a schedule report does not list a week."""

_BEHIND_SHOWN = 5  # tasks listed as most behind their dates
_TASKS_SHOWN = 4  # tasks named per overloaded week

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
    plan = checked_plan(plan)
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


def schedule_report(result: Schedule, *, limit: int | None = None) -> str:
    """A plain-text report of a schedule: summary, tasks, goals, missed dates, overloads.

    The critical path is the chain that drives the finish; the tasks most
    behind their dates (least negative float first) are listed apart. The
    overloaded weeks shown are those from the status date's week on (all,
    without a status date), over capacity by at least
    :data:`OVERLOAD_SHOWN` hours, each with the tasks that load it most and a
    word on how to level.

    Parameters
    ----------
    result
        The schedule, from :func:`careerkit.schedule`.
    limit
        Show at most this many tasks (the earliest): an ``int`` of at least
        0, or None for all.

    Returns
    -------
    str
        Lines of text, ending with a newline.

    Raises
    ------
    ValidationError
        ``result`` is not a :class:`~careerkit.Schedule`, or ``limit`` is
        negative or not an ``int`` (the path names the argument).

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23),
    ...             goals=[Goal(id="g", title="Do g")],
    ...             tasks=[Task(id="a", goal="g", title="A", duration=3),
    ...                    Task(id="b", goal="g", title="B", duration=2, depends_on=["a"])])
    >>> print(schedule_report(careerkit.schedule(plan)), end="")
    Schedule: 2026-11-23 to 2026-11-27, 5 working days
    Critical path: a -> b
    <BLANKLINE>
    task  early start  early finish  late start  late finish  float  free
    a     2026-11-23   2026-11-25    2026-11-23  2026-11-25      0     0  critical
    b     2026-11-26   2026-11-27    2026-11-26  2026-11-27      0     0  critical
    <BLANKLINE>
    Goals
      g: 2026-11-23 to 2026-11-27, no deadline
    """
    result = checked_instance(result, Schedule, "result")
    if limit is not None:
        limit = checked_int(limit, "limit", minimum=0)
    status = f" as of {result.as_of.isoformat()}" if result.as_of else ""
    lines = [
        f"Schedule{status}: {result.start.isoformat()} to {result.finish.isoformat()}, "
        f"{result.duration} working days"
        + (f" (leveling added {result.leveling_delay})" if result.leveled else ""),
        "Critical path: " + (" -> ".join(result.critical_path) or "none"),
        *_behind(result),
        "",
    ]
    entries = result.tasks if limit is None else result.tasks[:limit]
    width = max([4, *(len(entry.task) for entry in entries)])
    lines.append(
        f"{'task':<{width}}  early start  early finish  late start  late finish  float  free"
    )
    for entry in entries:
        lines.append(
            f"{entry.task:<{width}}  {entry.early_start.isoformat()}   "
            f"{entry.early_finish.isoformat()}    {entry.late_start.isoformat()}  "
            f"{entry.late_finish.isoformat()}  {entry.total_float:>5} {entry.free_float:>5}"
            + ("  critical" if entry.critical else "")
        )
    if limit is not None and len(result.tasks) > limit:
        lines.append(f"... and {len(result.tasks) - limit} more tasks")
    lines.extend(("", "Goals"))
    for goal in result.goals:
        lines.append(f"  {_goal_forecast(goal)}")
    if result.violations:
        lines.extend(("", "Missed dates"))
        for violation in result.violations:
            lines.append(
                f"  {violation.constraint.value} of {violation.subject}: {violation.limit} "
                f"missed by {violation.by} working days (finish {violation.finish})"
            )
    lines.extend(_overloads(result))
    return "\n".join(lines) + "\n"


def _behind(result: Schedule) -> list[str]:
    """The line naming the tasks most behind their dates, if any is."""
    late = sorted(
        (entry for entry in result if entry.total_float < 0),
        key=lambda entry: (entry.total_float, entry.early_start, entry.task),
    )
    if not late:
        return []
    shown = ", ".join(f"{entry.task} ({entry.total_float})" for entry in late[:_BEHIND_SHOWN])
    more = f", and {len(late) - _BEHIND_SHOWN} more" if len(late) > _BEHIND_SHOWN else ""
    return [f"Most behind their dates (working days of float): {shown}{more}"]


def _overloads(result: Schedule) -> list[str]:
    """The overloaded weeks worth showing, each with the tasks loading it."""
    as_of = result.as_of
    weeks = [
        week
        for week in result.load
        if week.hours - week.capacity >= OVERLOAD_SHOWN
        and (as_of is None or week.week + timedelta(days=6) >= as_of)
    ]
    if not weeks:
        return []
    since = f" from {as_of}" if as_of is not None else ""
    lines = ["", f"Overloaded weeks{since} ({len(weeks)})"]
    lines.extend(f"  {_week_line(week)}" for week in weeks)
    if result.leveled:
        lines.append("  (left over capacity by work done, in progress and habits)")
    else:
        lines.append("  Level with --level (schedule(plan, level=True)) to keep each week within")
        lines.append("  capacity: work with the most float waits for room.")
    return lines


def _week_line(week: WeekLoad) -> str:
    tasks = ", ".join(f"{task} {_number(hours)} h" for task, hours in week.tasks[:_TASKS_SHOWN])
    more = len(week.tasks) - _TASKS_SHOWN
    if more > 0:
        tasks += f", {more} more"
    return (
        f"week of {week.week}: {_number(week.hours)} h planned, "
        f"{_number(week.capacity)} h available: {tasks}"
    )


def _goal_forecast(goal: GoalSchedule) -> str:
    if goal.start is None or goal.finish is None:
        return f"{goal.goal}: no scheduled work"
    deadline = "no deadline"
    if goal.deadline is not None and goal.slack is not None:
        verdict = (
            f"{goal.slack} working days to spare"
            if goal.slack >= 0
            else (f"late by {-goal.slack} working days")
        )
        deadline = f"deadline {goal.deadline}, {verdict}"
    return f"{goal.goal}: {goal.start} to {goal.finish}, {deadline}"
