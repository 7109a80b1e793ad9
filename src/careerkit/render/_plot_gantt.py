"""The rows of a Gantt chart and their drawing.

Rows are grouped by goal: goals in the order of their first early start
(ties by id), each under a header row that carries its deadline; tasks in
the order of their early start, then early finish, then id. A chart shows at
most a number of task rows: every critical task first, then the others in
row order, and a note names those left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from attrs import frozen

from careerkit.model import Status, Task
from careerkit.render._plot_style import (
    CRITICAL_COLOUR,
    DEADLINE_COLOUR,
    DONE_COLOUR,
    TASK_COLOUR,
    as_of_line,
    date_axis,
    day_number,
    day_numbers,
    new_figure,
    note,
)
from careerkit.scheduling import Schedule, TaskSchedule

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Rows", "draw_gantt", "gantt_rows"]

_ROW_INCHES = 0.24
_NAMED_LEFT_OUT = 8


@frozen(kw_only=True)
class Rows:
    """The goals and tasks shown, in order, and the ids of the tasks left out."""

    groups: tuple[tuple[str, tuple[TaskSchedule, ...]], ...]
    left_out: tuple[str, ...]


def gantt_rows(schedule: Schedule, limit: int) -> Rows:
    """The rows of ``schedule`` to show, at most ``limit`` tasks."""
    entries = sorted(schedule.tasks, key=lambda e: (e.early_start, e.early_finish, e.task))
    by_goal: dict[str, list[TaskSchedule]] = {}
    for entry in entries:
        by_goal.setdefault(entry.goal, []).append(entry)
    goals = sorted(by_goal, key=lambda goal_id: (by_goal[goal_id][0].early_start, goal_id))
    ordered = [entry for goal_id in goals for entry in by_goal[goal_id]]
    ranked = sorted(range(len(ordered)), key=lambda at: (not ordered[at].critical, at))
    kept = set(ranked[:limit])
    shown = {ordered[at].task for at in kept}
    groups = tuple(
        (goal_id, tuple(entry for entry in by_goal[goal_id] if entry.task in shown))
        for goal_id in goals
    )
    return Rows(
        groups=tuple(group for group in groups if group[1]),
        left_out=tuple(sorted(entry.task for entry in ordered if entry.task not in shown)),
    )


def _span(entry: TaskSchedule) -> tuple[float, float]:
    """A bar from the first working day to the end of the last, inclusive: its left
    end and width in matplotlib's days."""
    start = day_number(entry.early_start)
    return start, day_number(entry.early_finish) + 1.0 - start


def _task_bar(axes: Axes, y: int, entry: TaskSchedule, task: Task | None) -> None:
    start, width = _span(entry)
    done = task is not None and task.status is Status.DONE
    colour = DONE_COLOUR if done else CRITICAL_COLOUR if entry.critical else TASK_COLOUR
    if task is not None and task.duration == 0:
        axes.plot([start], [y], marker="D", markersize=7, color=colour, gid=entry.task)
        return
    # The edge keeps a bar of one day visible on a chart of years.
    bars = axes.barh(y, width, left=start, height=0.6, color=colour, edgecolor=colour, linewidth=1)
    bars.patches[0].set_gid(entry.task)
    if task is None or done:
        return
    if task.recurrence is not None:
        done_days = [day for day in task.done_occurrences if day <= entry.early_finish]
        axes.plot(
            day_numbers(entry.occurrences), [y] * len(entry.occurrences), "|", color="white", ms=6
        )
        axes.plot(day_numbers(done_days), [y] * len(done_days), "|", color=DONE_COLOUR, ms=6, mew=2)
    elif task.fraction_complete > 0:
        axes.barh(
            y,
            width * task.fraction_complete,
            left=start,
            height=0.6,
            color=DONE_COLOUR,
            edgecolor="none",
            hatch="////",
            gid=f"{entry.task}:done",
        )


def _header(axes: Axes, y: int, goal_id: str, count: int, deadline: date | None) -> None:
    if y:
        axes.axhline(y - 0.5, color="#d0d0d0", linewidth=0.6)
    if deadline is None:
        return
    axes.plot(
        [day_number(deadline)],
        [y],
        marker="v",
        markersize=8,
        color=DEADLINE_COLOUR,
        gid=f"deadline:{goal_id}",
    )
    axes.vlines(
        day_number(deadline),
        y - 0.4,
        y + count + 0.4,
        colors=DEADLINE_COLOUR,
        linewidth=0.9,
        linestyles="dashed",
    )


def _legend(axes: Axes, *, milestones: bool, partly: bool) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Artist] = [
        Patch(color=TASK_COLOUR, label="task"),
        Patch(color=CRITICAL_COLOUR, label="critical path"),
        Patch(color=DONE_COLOUR, label="done work"),
    ]
    if partly:
        handles.append(
            Patch(facecolor=DONE_COLOUR, edgecolor="none", hatch="////", label="done so far")
        )
    handles += [
        Line2D([], [], marker="v", linestyle="none", color=DEADLINE_COLOUR, label="goal deadline"),
    ]
    if milestones:
        handles.append(
            Line2D([], [], marker="D", linestyle="none", color="#555555", label="milestone")
        )
    axes.figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=5,
        fontsize=8,
        frameon=False,
    )


def draw_gantt(
    rows: Rows,
    *,
    tasks: Mapping[str, Task],
    deadlines: Mapping[str, date | None],
    as_of: date | None,
    title: str,
) -> Figure:
    """The chart of ``rows``: tasks of the plan in ``tasks`` show their progress."""
    count = sum(1 + len(entries) for _, entries in rows.groups)
    figure = new_figure(12, 1.6 + _ROW_INCHES * max(count, 4))
    axes = figure.add_subplot()
    figure.suptitle(title, fontsize=11)
    labels: list[tuple[int, str, bool]] = []
    y = 0
    for goal_id, entries in rows.groups:
        _header(axes, y, goal_id, len(entries), deadlines.get(goal_id))
        labels.append((y, goal_id, True))
        for offset, entry in enumerate(entries, start=1):
            _task_bar(axes, y + offset, entry, tasks.get(entry.task))
            labels.append((y + offset, entry.task, False))
        y += len(entries) + 1
    _labels(axes, labels, count)
    if as_of is not None:
        as_of_line(axes, as_of)
    date_axis(axes)
    axes.tick_params(axis="x", top=True, labeltop=True)
    _legend(
        axes,
        milestones=any(task.duration == 0 for task in tasks.values()),
        partly=any(
            task.recurrence is None
            and task.status is not Status.DONE
            and task.fraction_complete > 0
            for task in tasks.values()
        ),
    )
    if rows.left_out:
        _left_out_note(axes, rows.left_out)
    if not rows.groups:
        note(axes, "no tasks to schedule")
    return figure


def _labels(axes: Axes, labels: Sequence[tuple[int, str, bool]], count: int) -> None:
    axes.set_yticks([y for y, _, _ in labels], [text for _, text, _ in labels], fontsize=8)
    for tick, (_, _, header) in zip(axes.get_yticklabels(), labels, strict=True):
        if header:
            tick.set_fontweight("bold")
    axes.set_ylim(max(count, 1) - 0.5, -0.5)
    axes.tick_params(axis="y", length=0)


def _left_out_note(axes: Axes, left_out: Sequence[str]) -> None:
    """The tasks left out, counted and the first of them named, above the chart."""
    named = ", ".join(left_out[:_NAMED_LEFT_OUT])
    more = f" and {len(left_out) - _NAMED_LEFT_OUT} more" if len(left_out) > _NAMED_LEFT_OUT else ""
    note = f"{len(left_out)} tasks not shown: {named}{more}"
    axes.set_title(note, loc="left", fontsize=8, color="#555555")
