"""HTML views for notebooks: small, self-contained fragments of plans and results.

Each builder returns one ``<div>`` holding a heading, a line of facts and
tables, with no script, no style sheet and no link: a notebook, a web page or
an e-mail can embed it as it is. Every text that comes from a value (titles,
ids, messages, numbers) is escaped with :func:`html.escape`, quotes
included, in one place (:func:`table_html` and :func:`fragment_html`), so a
hostile title shows as text and never as markup. A table shows at most
:data:`MAX_ROWS` rows and says how many more there are, so that a plan of
100,000 tasks stays a small fragment.

Importing this module registers :func:`plan_html`, :func:`schedule_html` and
:func:`progress_html` in the display registry of
:mod:`careerkit.model.display`: that is what the ``_repr_html_`` methods of
:class:`~careerkit.Plan`, :class:`~careerkit.Schedule` and
:class:`~careerkit.ProgressReport` return, so a notebook shows them as
tables. Other views build their fragments from the same two pieces,
:func:`fragment_html` and :func:`table_html`: the alerts and forecasts of
:mod:`careerkit.render.html_tracking`, and views made of other fragments.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Sequence
from datetime import date

from careerkit.model import Dependency, Plan
from careerkit.model.arguments import checked_instance
from careerkit.model.display import register_html
from careerkit.planning.progress import ProgressReport
from careerkit.scheduling import Schedule

__all__ = [
    "MAX_ROWS",
    "fragment_html",
    "plan_html",
    "progress_html",
    "schedule_html",
    "table_html",
]

MAX_ROWS = 200
"""The most rows a table shows; a line under it counts the rows left out."""


def _text(value: object) -> str:
    """A cell's or a fact's text, before escaping."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Dependency):
        return value.task
    if isinstance(value, tuple):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _escaped(value: object) -> str:
    return html.escape(_text(value), quote=True)


def table_html(
    caption: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    total: int | None = None,
) -> str:
    """An escaped HTML table: a caption, a header row and one row per item.

    Parameters
    ----------
    caption
        What the table lists.
    columns
        The header of each column.
    rows
        The cells of each row, as values: None shows as a dash, flags as
        yes or no, dates as ``YYYY-MM-DD``, floats with at most two
        decimals, enums by their value (the stable code), tuples joined by commas. Rows past
        :data:`MAX_ROWS` are left out.
    total
        How many rows there are in all, when ``rows`` holds only the first
        ones; ``len(rows)`` when None. A line under the table counts the
        rows left out.

    Returns
    -------
    str
        A ``<table>`` element, and a ``<p>`` after it when rows are left out.

    Examples
    --------
    >>> print(table_html("Goals", ["Goal", "Due"], [["a & b", date(2026, 6, 30)]]))
    <table><caption>Goals</caption><thead><tr><th>Goal</th><th>Due</th></tr></thead><tbody><tr><td>a &amp; b</td><td>2026-06-30</td></tr></tbody></table>
    """
    shown = rows[:MAX_ROWS]
    header = "".join(f"<th>{_escaped(column)}</th>" for column in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_escaped(cell)}</td>" for cell in row) + "</tr>" for row in shown
    )
    table = (
        f"<table><caption>{_escaped(caption)}</caption><thead><tr>{header}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )
    left_out = (len(rows) if total is None else total) - len(shown)
    if left_out > 0:
        table += f"<p>… and {left_out} more rows</p>"
    return table


def fragment_html(
    heading: str,
    *,
    name: str,
    facts: Sequence[tuple[str, object]] = (),
    parts: Sequence[str] = (),
) -> str:
    """A self-contained HTML fragment: a ``<div>`` with a heading, facts and tables.

    Parameters
    ----------
    heading
        The title of the fragment.
    name
        What it shows (``"plan"``, ``"schedule"``...), in its class
        ``careerkit careerkit-<name>``.
    facts
        Labels and values, shown on one line under the heading (values as
        in :func:`table_html`).
    parts
        What follows the facts, in order: tables made by :func:`table_html`,
        or whole fragments made by the other builders of this module (a
        review shows its progress report and its alerts this way). They are
        inserted as they are: only fragments made here are escaped.

    Returns
    -------
    str

    Examples
    --------
    >>> print(fragment_html("Plan <p>", name="plan", facts=[("Owner", "Ana")]))
    <div class="careerkit careerkit-plan"><h3>Plan &lt;p&gt;</h3><p><b>Owner</b>: Ana</p></div>
    """
    line = " · ".join(f"<b>{_escaped(label)}</b>: {_escaped(value)}" for label, value in facts)
    facts_html = f"<p>{line}</p>" if facts else ""
    return (
        f'<div class="careerkit careerkit-{_escaped(name)}"><h3>{_escaped(heading)}</h3>'
        f"{facts_html}{''.join(parts)}</div>"
    )


def plan_html(plan: Plan) -> str:
    """A plan as HTML: its owner and dates, a row per goal and a row per task.

    Parameters
    ----------
    plan
        The plan.

    Returns
    -------
    str
        The fragment that ``plan._repr_html_()`` returns.

    Raises
    ------
    ValidationError
        ``plan`` is not a :class:`~careerkit.Plan`.

    Examples
    --------
    >>> fragment = plan_html(sample_plan)
    >>> fragment.count("<tr>") == 2 + len(sample_plan.goals) + len(sample_plan.tasks)
    True
    """
    plan = checked_instance(plan, Plan, "plan")
    goals = [
        (goal.id, goal.title, goal.horizon, goal.status, goal.parent, goal.start, goal.deadline)
        for goal in plan.goals[:MAX_ROWS]
    ]
    tasks = [
        (task.id, task.goal, task.title, task.status, task.duration, task.effort, task.depends_on)
        for task in plan.tasks[:MAX_ROWS]
    ]
    return fragment_html(
        f"Plan {plan.id}",
        name="plan",
        facts=[
            ("Owner", plan.owner),
            ("Vision", plan.vision or None),
            ("Start", plan.start),
            ("Weekly capacity (h)", plan.weekly_capacity),
            ("Budget", plan.budget),
        ],
        parts=[
            table_html(
                "Goals",
                ["Goal", "Title", "Horizon", "Status", "Parent", "Start", "Deadline"],
                goals,
                total=len(plan.goals),
            ),
            table_html(
                "Tasks",
                ["Task", "Goal", "Title", "Status", "Working days", "Effort (h)", "Depends on"],
                tasks,
                total=len(plan.tasks),
            ),
        ],
    )


def schedule_html(schedule: Schedule) -> str:
    """A schedule as HTML: its dates, then a row per goal, per task and per missed date.

    Tasks are in the schedule's order (early start, then id).

    Parameters
    ----------
    schedule
        What :func:`careerkit.schedule` made.

    Returns
    -------
    str
        The fragment that ``schedule._repr_html_()`` returns.

    Raises
    ------
    ValidationError
        ``schedule`` is not a :class:`~careerkit.Schedule`.

    Examples
    --------
    >>> found = careerkit.schedule(sample_plan, as_of=date(2026, 11, 26))
    >>> "<caption>Tasks</caption>" in schedule_html(found)
    True
    """
    schedule = checked_instance(schedule, Schedule, "schedule")
    goals = [
        (goal.goal, goal.start, goal.finish, goal.deadline, goal.slack, goal.late)
        for goal in schedule.goals[:MAX_ROWS]
    ]
    tasks = [
        (
            *(entry.task, entry.goal, entry.early_start, entry.early_finish),
            *(entry.late_start, entry.late_finish, entry.total_float, entry.critical),
        )
        for entry in schedule.tasks[:MAX_ROWS]
    ]
    missed = [
        (miss.constraint, miss.subject, miss.limit, miss.finish, miss.by)
        for miss in schedule.violations[:MAX_ROWS]
    ]
    columns = ["Task", "Goal", "Early start", "Early finish", "Late start", "Late finish"]
    tables = [
        table_html("Goals", ["Goal", "Start", "Finish", "Deadline", "Slack", "Late"], goals),
        table_html("Tasks", [*columns, "Total float", "Critical"], tasks, total=len(schedule)),
    ]
    if missed:
        columns = ["Date", "Of", "Limit", "Finish", "Working days late"]
        tables.append(table_html("Missed dates", columns, missed, total=len(schedule.violations)))
    return fragment_html(
        "Schedule",
        name="schedule",
        facts=[
            ("As of", schedule.as_of),
            ("Start", schedule.start),
            ("Finish", schedule.finish),
            ("Working days", schedule.duration),
            ("Leveled", schedule.leveled),
            ("Critical path", " → ".join(schedule.critical_path[:MAX_ROWS])),
        ],
        parts=tables,
    )


def progress_html(report: ProgressReport) -> str:
    """A progress report as HTML: the plan's figures, a row per goal and a row per task.

    Parameters
    ----------
    report
        What :func:`careerkit.progress` found.

    Returns
    -------
    str
        The fragment that ``report._repr_html_()`` returns.

    Raises
    ------
    ValidationError
        ``report`` is not a :class:`~careerkit.ProgressReport`.

    Examples
    --------
    >>> report = careerkit.progress(sample_plan, as_of=date(2026, 11, 26))
    >>> "<td>digital-marketing-diploma</td>" in progress_html(report)
    True
    """
    report = checked_instance(report, ProgressReport, "report")
    goals = [
        (
            *(goal.goal, goal.counted, goal.percent_complete, goal.planned_percent),
            *(goal.grade, goal.earned_value.spi_t, goal.slack, goal.health, goal.signal),
        )
        for goal in report.goals[:MAX_ROWS]
    ]
    tasks = [
        (task.task, task.goal, task.percent_complete, task.planned_percent, task.hours_spent)
        for task in report.tasks[:MAX_ROWS]
    ]
    columns = ["Goal", "Counted", "Done %", "Planned %", "Grade", "SPI(t)", "Slack"]
    return fragment_html(
        f"Progress as of {report.as_of.isoformat()}",
        name="progress",
        facts=[
            ("Done %", report.percent_complete),
            ("Planned %", report.planned_percent),
            ("Grade", report.grade),
            ("SPI(t)", report.earned_value.spi_t),
            ("Health", report.health),
            ("Decided by", report.decided_by or report.signal),
        ],
        parts=[
            table_html("Goals", [*columns, "Health", "By"], goals, total=len(report.goals)),
            table_html(
                "Tasks",
                ["Task", "Goal", "Done %", "Planned %", "Hours spent"],
                tasks,
                total=len(report.tasks),
            ),
        ],
    )


register_html(Plan, plan_html)
register_html(Schedule, schedule_html)
register_html(ProgressReport, progress_html)
