"""A plan's dependency graph as Mermaid flowchart text.

Mermaid (https://mermaid.js.org) draws diagrams from text, in Markdown
documents, wikis and issue trackers; the text needs no package to write.
Node ids are made from task and goal ids, so that they never collide with
each other nor with Mermaid's keywords: ``t_`` (``g_`` for a goal) and the id
with ``-`` written ``_`` (``dmd-enrol`` is ``t_dmd_enrol``), or, for an id
with ``_``, ``.`` or ``:``, ``tx`` (``gx``) and the hexadecimal digits of
its UTF-8 bytes. Labels are quoted, and every character but letters,
digits, spaces and ``,.:'/_-`` is written as a Mermaid entity code (``#34;``
for ``"``), so that a title can hold anything; a line break (LF, CRLF or CR)
is written ``<br>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from careerkit.model import Goal, Link, Plan, Task
from careerkit.scheduling import Schedule
from careerkit.scheduling.given import checked_plan, given_schedule

__all__ = ["CRITICAL_STYLE", "to_mermaid"]

CRITICAL_STYLE = "fill:#fde2e1,stroke:#c62828,stroke-width:2px"
"""How critical tasks are drawn when a schedule is given (a Mermaid ``classDef`` style)."""

_PLAIN = frozenset(" ,.:'/_-")
_READABLE = re.compile(r"[A-Za-z0-9-]+")
_LINKS = {
    Link.FINISH_TO_START: "FS",
    Link.START_TO_START: "SS",
    Link.FINISH_TO_FINISH: "FF",
    Link.START_TO_FINISH: "SF",
}
_INDENT = "    "


def to_mermaid(plan: Plan, *, schedule: Schedule | None = None) -> str:
    """The plan's dependency graph as a Mermaid flowchart, left to right.

    Each goal is a subgraph (a child goal's inside its parent's), each task a
    node labelled with its id and title: a box, a hexagon for a milestone, a
    rounded box for a habit. An arrow runs from each task to the tasks that
    depend on it, labelled with the link (``SS``, ``FF``, ``SF``) and the lag
    in working days (``FS +2d``) unless it is a plain finish-to-start link;
    a dotted arrow runs from a goal to the goals that depend on it. With a
    ``schedule``, critical tasks (:attr:`careerkit.Schedule.critical_tasks`)
    get the class ``critical``, drawn as :data:`CRITICAL_STYLE`. Goals,
    tasks and arrows are in order of id, so the text depends only on the
    plan, not on the order it lists them in.

    Parameters
    ----------
    plan
        The plan.
    schedule
        A schedule of the plan (at any status date), to mark critical tasks.

    Returns
    -------
    str
        Mermaid text, one statement a line, ending with a newline.

    Raises
    ------
    ValidationError
        ``plan`` is not a plan, or ``schedule`` not a schedule of its tasks.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23),
    ...             goals=[Goal(id="cert", title="Certificate")],
    ...             tasks=[Task(id="study", goal="cert", title="Study", duration=3),
    ...                    Task(id="exam", goal="cert", title="Pass \\"the\\" exam",
    ...                         duration=1, depends_on=["study"])])
    >>> print(to_mermaid(plan), end="")
    flowchart LR
        subgraph g_cert ["cert: Certificate"]
            t_exam["exam: Pass #34;the#34; exam"]
            t_study["study: Study"]
        end
        t_study --> t_exam

    .. versionadded:: 0.1.0
    """
    plan = checked_plan(plan)
    as_of = schedule.as_of if isinstance(schedule, Schedule) else None
    found = given_schedule(schedule, as_of=as_of, plan=plan)
    lines = ["flowchart LR"]
    lines += _subgraphs(plan)
    lines += _edges(plan)
    if found is not None and found.critical_tasks:
        critical = ",".join(_node(task_id) for task_id in sorted(found.critical_tasks))
        lines.append(f"{_INDENT}classDef critical {CRITICAL_STYLE}")
        lines.append(f"{_INDENT}class {critical} critical")
    return "\n".join(lines) + "\n"


def _subgraphs(plan: Plan) -> Iterator[str]:
    """The goals as subgraphs, child goals inside their parents, each holding its tasks."""
    children: dict[str | None, list[Goal]] = {}
    for goal in sorted(plan.goals, key=lambda goal: goal.id):
        children.setdefault(goal.parent, []).append(goal)
    tasks: dict[str, list[Task]] = {}
    for task in sorted(plan.tasks, key=lambda task: task.id):
        tasks.setdefault(task.goal, []).append(task)
    stack = [(goal, 1) for goal in reversed(children.get(None, []))]
    closing: list[int] = []
    while stack:  # depth first, without recursion: a plan may nest goals deeply
        goal, depth = stack.pop()
        while closing and closing[-1] >= depth:
            yield f"{_INDENT * closing.pop()}end"
        yield f'{_INDENT * depth}subgraph {_node(goal.id, "g")} ["{_label(goal.id, goal.title)}"]'
        yield from (f"{_INDENT * (depth + 1)}{_task_node(task)}" for task in tasks.get(goal.id, ()))
        closing.append(depth)
        stack.extend((child, depth + 1) for child in reversed(children.get(goal.id, [])))
    while closing:
        yield f"{_INDENT * closing.pop()}end"


def _task_node(task: Task) -> str:
    """A task's node: a box, a hexagon for a milestone, a rounded box for a habit."""
    label = _label(task.id, task.title)
    if task.recurrence is not None:
        return f'{_node(task.id)}(["{label}"])'
    if task.duration == 0:
        return f'{_node(task.id)}{{{{"{label}"}}}}'
    return f'{_node(task.id)}["{label}"]'


def _edges(plan: Plan) -> Iterator[str]:
    """An arrow per task dependency, then a dotted one per goal dependency, by id."""
    links = sorted(
        (dependency.task, task.id, _LINKS[dependency.link], dependency.lag)
        for task in plan.tasks
        for dependency in task.links
    )
    for before, after, link, lag in links:
        if link == "FS" and lag == 0:
            yield f"{_INDENT}{_node(before)} --> {_node(after)}"
        else:
            shown = link if lag == 0 else f"{link} {lag:+d}d"
            yield f'{_INDENT}{_node(before)} -->|"{shown}"| {_node(after)}'
    goals = sorted((before, goal.id) for goal in plan.goals for before in goal.depends_on)
    for before, after in goals:
        yield f"{_INDENT}{_node(before, 'g')} -.-> {_node(after, 'g')}"


def _node(identifier: str, kind: str = "t") -> str:
    """The Mermaid node id of a task (or, of kind ``g``, a goal)."""
    if _READABLE.fullmatch(identifier):
        return f"{kind}_{identifier.replace('-', '_')}"
    return f"{kind}x{identifier.encode().hex()}"


def _label(identifier: str, title: str) -> str:
    """``id: title`` with every character Mermaid could read as syntax written as an
    entity code, and line breaks as ``<br>``."""
    text = f"{identifier}: {title}".replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        character
        if character.isalnum() or character in _PLAIN
        else "<br>"
        if character == "\n"
        else f"#{ord(character)};"
        for character in text
    )
