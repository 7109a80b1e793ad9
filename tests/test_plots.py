"""Tests for careerkit.render.plots: the Gantt chart, the burn-up and the metric trajectory."""

from __future__ import annotations

import struct
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

import careerkit
from careerkit import (
    Goal,
    Measurement,
    Metric,
    MissingExtraError,
    Plan,
    Schedule,
    Status,
    Task,
    UnknownReferenceError,
    ValidationError,
)
from careerkit.planning._forecast_history import weekly_earned
from careerkit.planning.metrics import planned_value, trend
from careerkit.render._plot_style import CRITICAL_COLOUR, DONE_COLOUR, TASK_COLOUR
from careerkit.render.plots import MAX_GANTT_ROWS, burn_up, gantt, metric_trajectory

from .strategies import deterministic, plans
from .wrong_arguments import WRONG, refused_path, wrong_calls

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"
AS_OF = date(2026, 11, 26)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The example plan."""
    return careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def status(plan: Plan) -> Schedule:
    """The example plan's schedule as of the status date."""
    return careerkit.schedule(plan, as_of=AS_OF)


def _png_size(path: Path) -> tuple[int, int]:
    """The width and height of a PNG file, from its header; fails if it is none."""
    data = path.read_bytes()
    assert PNG_SIGNATURE == data[:8]
    assert b"IHDR" == data[12:16]
    assert b"IEND" in data[-12:]
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _task_artists(figure: Figure, status: Schedule) -> dict[str, Any]:
    """The bar (or milestone marker) of each task, by task id."""
    axes = figure.axes[0]
    found = {bar.get_gid(): bar for bar in axes.patches if bar.get_gid() in status}
    found.update({line.get_gid(): line for line in axes.lines if line.get_gid() in status})
    return found


def _line(figure: Figure, gid: str) -> Line2D:
    (line,) = [line for line in figure.axes[0].lines if line.get_gid() == gid]
    return line


def _texts(figure: Figure) -> list[str]:
    """The texts written on the figure and its axes, titles included."""
    axes = figure.axes[0]
    titles = [axes.get_title(loc) for loc in ("left", "center", "right")]
    return [text.get_text() for text in figure.texts + axes.texts] + titles


# --- PNG files ---------------------------------------------------------------------


def test_each_plot_of_the_example_writes_a_png(
    plan: Plan, status: Schedule, tmp_path: Path
) -> None:
    """Every plot of the example plan, given a path, writes a PNG of its figure's size there."""
    report = careerkit.progress(plan, as_of=AS_OF, schedule=status)
    found = careerkit.forecast(plan, as_of=AS_OF, seed=7, runs=200, schedule=status)
    drawn = {
        "gantt": lambda path: gantt(status, plan=plan, path=path),
        "burn-up": lambda path: burn_up(
            report, plan=plan, schedule=status, forecast=found, path=path
        ),
        "diploma": lambda path: metric_trajectory(
            plan, "digital-marketing-diploma", as_of=AS_OF, path=path
        ),
        "network": lambda path: metric_trajectory(
            plan, "professional-network", as_of=AS_OF, path=str(path)
        ),
    }
    for name, draw in drawn.items():
        path = tmp_path / f"{name}.png"
        figure = draw(path)
        width, height = _png_size(path)
        expected = tuple(round(size * 100) for size in figure.get_size_inches())
        assert expected == (width, height), name
        assert 600 <= width, name
        assert 400 <= height, name
        assert 20_000 < path.stat().st_size, name


def test_figures_are_drawn_on_the_agg_canvas_not_through_pyplot(plan: Plan) -> None:
    """A plot is a plain Figure on the non-interactive Agg canvas; pyplot keeps no
    figure of it (nothing to show, nothing to close)."""
    figure = metric_trajectory(plan, "professional-network")

    assert isinstance(figure.canvas, FigureCanvasAgg)
    assert figure.canvas.manager is None  # pyplot gives each of its figures a manager


# --- Gantt chart -------------------------------------------------------------------


def test_gantt_draws_one_bar_per_task_in_its_colour(plan: Plan, status: Schedule) -> None:
    """Every task has a bar from its early start over its working days; critical
    tasks have the critical colour, done tasks the done colour, others the task colour."""
    figure = gantt(status, plan=plan)
    bars = _task_artists(figure, status)

    assert sorted(entry.task for entry in status.tasks) == sorted(bars)
    for entry in status.tasks:
        bar = bars[entry.task]
        task = plan.task(entry.task)
        if task.status is Status.DONE:
            colour = DONE_COLOUR
        else:
            colour = CRITICAL_COLOUR if entry.critical else TASK_COLOUR
        assert to_rgba(colour) == bar.get_facecolor(), entry.task
        assert date2num(entry.early_start) == pytest.approx(bar.get_x())
        end = date2num(entry.early_finish + timedelta(days=1))
        assert end == pytest.approx(bar.get_x() + bar.get_width())


def test_gantt_highlights_the_critical_path(plan: Plan, status: Schedule) -> None:
    """The critical tasks that are not done are exactly the bars in the critical colour."""
    figure = gantt(status, plan=plan)
    critical = sorted(
        task_id
        for task_id, bar in _task_artists(figure, status).items()
        if bar.get_facecolor() == to_rgba(CRITICAL_COLOUR)
    )

    assert sorted(status.critical_tasks) == critical
    assert set(status.critical_path) <= set(critical)


def test_gantt_groups_tasks_by_goal_then_early_start(plan: Plan, status: Schedule) -> None:
    """Rows read goal header, its tasks by early start, next goal header...; each goal
    comes once, in the order of its first early start."""
    figure = gantt(status, plan=plan)
    labels = [tick.get_text() for tick in figure.axes[0].get_yticklabels()]
    goals = {goal.id for goal in plan.goals}
    headers = [label for label in labels if label in goals]
    firsts = [min(status[t.id].early_start for t in plan.tasks if t.goal == g) for g in headers]

    assert len(plan.tasks) + len(headers) == len(labels)
    assert len(set(headers)) == len(headers)
    assert sorted(firsts) == firsts
    goal = None
    starts: list[date] = []
    for label in labels:
        if label in goals:
            goal, starts = label, []
            continue
        assert goal == status[label].goal
        starts.append(status[label].early_start)
        assert sorted(starts) == starts


def test_gantt_draws_the_status_date_and_deadlines(plan: Plan, status: Schedule) -> None:
    """The status line stands at the schedule's as_of, or at the one given, and is
    labelled; each goal with a deadline has its marker at it."""
    figure = gantt(status, plan=plan)
    other = gantt(status, as_of=date(2026, 12, 1))

    assert [date2num(AS_OF)] * 2 == list(_line(figure, "as_of").get_xdata())
    assert f"as of {AS_OF}" in _texts(figure)
    assert [date2num(date(2026, 12, 1))] * 2 == list(_line(other, "as_of").get_xdata())
    for goal in plan.goals:
        if goal.deadline is not None:
            assert [date2num(goal.deadline)] == list(
                _line(figure, f"deadline:{goal.id}").get_xdata()
            )
    labels = [text.get_text() for text in figure.legends[0].get_texts()]
    assert {"task", "critical path", "done work", "goal deadline"} <= set(labels)


def test_gantt_without_a_status_date_has_no_status_line(plan: Plan) -> None:
    """A schedule made without as_of, drawn without one, has no status line."""
    figure = gantt(careerkit.schedule(plan))

    assert [] == [line for line in figure.axes[0].lines if line.get_gid() == "as_of"]


def test_gantt_shades_done_work_of_tasks_in_progress(plan: Plan, status: Schedule) -> None:
    """A task in progress has the done share of its bar hatched over it."""
    figure = gantt(status, plan=plan)
    task = plan.task("dmd-modules-5-8")
    bar = _task_artists(figure, status)[task.id]
    (done,) = [bar for bar in figure.axes[0].patches if bar.get_gid() == f"{task.id}:done"]

    assert 0 < task.fraction_complete < 1
    assert bar.get_width() * task.fraction_complete == pytest.approx(done.get_width())
    assert to_rgba(DONE_COLOUR) == done.get_facecolor()


def _wide_plan(goals: int, per_goal: int) -> Plan:
    """A plan of chains: ``per_goal`` one-day tasks per goal, the last goal's the longest."""
    tasks = []
    for goal in range(goals):
        for step in range(per_goal):
            previous = [f"t{goal}-{step - 1}"] if step else []
            tasks.append(
                Task(
                    id=f"t{goal}-{step}",
                    goal=f"g{goal}",
                    title=f"Step {step}",
                    duration=2 if goal == goals - 1 else 1,
                    depends_on=previous,
                )
            )
    return Plan(
        id="wide",
        owner="Ana",
        start=date(2026, 1, 5),
        goals=[Goal(id=f"g{goal}", title=f"Goal {goal}") for goal in range(goals)],
        tasks=tasks,
    )


def test_gantt_of_a_big_plan_shows_the_limit_keeping_the_critical_path() -> None:
    """Beyond MAX_GANTT_ROWS tasks, the chart shows that many, every critical task
    among them, and a note counts and names the tasks left out."""
    plan = _wide_plan(goals=8, per_goal=12)
    status = careerkit.schedule(plan, as_of=date(2026, 1, 5))
    figure = gantt(status, plan=plan)
    shown = _task_artists(figure, status)

    assert MAX_GANTT_ROWS == len(shown)
    assert set(status.critical_tasks) <= set(shown)
    left_out = len(plan.tasks) - MAX_GANTT_ROWS
    (note,) = [text for text in _texts(figure) if "not shown" in text]
    assert note.startswith(f"{left_out} tasks not shown: ")
    first_left_out = sorted(task.id for task in plan.tasks if task.id not in shown)[0]
    assert first_left_out in note


def test_gantt_draws_milestones_as_diamonds() -> None:
    """A task of no duration is a diamond on its day, in the critical colour when critical."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 1, 5),
        goals=[Goal(id="g", title="Do g", deadline=date(2026, 3, 31))],
        tasks=[
            Task(id="a", goal="g", title="A", duration=3),
            Task(id="m", goal="g", title="M", duration=0, depends_on=["a"]),
        ],
    )
    status = careerkit.schedule(plan, as_of=date(2026, 1, 5))
    marker = _task_artists(gantt(status, plan=plan), status)["m"]

    assert isinstance(marker, Line2D)
    assert "D" == marker.get_marker()
    assert [date2num(status["m"].early_start)] == list(marker.get_xdata())
    assert to_rgba(CRITICAL_COLOUR) == to_rgba(marker.get_color())


def test_gantt_of_a_plan_without_tasks_is_an_empty_figure(tmp_path: Path) -> None:
    """No tasks: a valid, empty chart that says so."""
    plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), goals=[Goal(id="g", title="Do g")])
    status = careerkit.schedule(plan, as_of=date(2026, 1, 5))
    figure = gantt(status, plan=plan, path=tmp_path / "empty.png")

    assert {} == _task_artists(figure, status)
    assert "no tasks to schedule" in _texts(figure)
    _png_size(tmp_path / "empty.png")


# --- Burn-up -----------------------------------------------------------------------


def _value_on(line: Line2D, day: date) -> float:
    """The value of a step line (drawn with where="post") on ``day``."""
    xs, ys = list(line.get_xdata()), list(line.get_ydata())
    at = max(index for index, x in enumerate(xs) if x <= date2num(day))
    return float(ys[at])


def test_burn_up_plans_what_progress_plans(plan: Plan, status: Schedule) -> None:
    """The planned curve reaches the report's planned value on the status date and its
    budget at completion at the end; it never falls."""
    report = careerkit.progress(plan, as_of=AS_OF, schedule=status)
    planned = _line(burn_up(report, plan=plan, schedule=status), "planned")
    ys = list(planned.get_ydata())

    assert report.earned_value.pv == pytest.approx(_value_on(planned, AS_OF))
    assert report.earned_value.bac == pytest.approx(ys[-1])
    assert sorted(ys) == ys


def test_burn_up_earns_what_the_velocity_earns(plan: Plan) -> None:
    """The earned curve adds up the hours the forecast's velocity credits, week by
    week, and stops at the status date."""
    report = careerkit.progress(plan, as_of=AS_OF)
    earned = _line(burn_up(report, plan=plan), "earned")
    weeks = weekly_earned(plan, as_of=AS_OF, weeks=60)

    assert sum(weeks) == pytest.approx(list(earned.get_ydata())[-1])
    for back in range(0, 40, 5):
        day = AS_OF - timedelta(days=7 * back)
        assert sum(weeks[: len(weeks) - back]) == pytest.approx(_value_on(earned, day))
    assert date2num(AS_OF) == max(earned.get_xdata())


def test_burn_up_marks_the_status_date_and_the_forecast(plan: Plan, status: Schedule) -> None:
    """The status line is at the report's date; the forecast's P50..P95 finish of the
    plan is a band around the total."""
    report = careerkit.progress(plan, as_of=AS_OF, schedule=status)
    found = careerkit.forecast(plan, as_of=AS_OF, seed=3, runs=200, schedule=status)
    figure = burn_up(report, plan=plan, forecast=found)
    (band,) = [item for item in figure.axes[0].collections if item.get_gid() == "forecast"]
    corners = band.get_paths()[0].vertices
    total = report.earned_value.bac

    assert [date2num(AS_OF)] * 2 == list(_line(figure, "as_of").get_xdata())
    assert found.plan.p50 is not None
    assert found.plan.p95 is not None
    assert date2num(found.plan.p50) == pytest.approx(corners[:, 0].min())
    assert date2num(found.plan.p95) == pytest.approx(corners[:, 0].max())
    assert corners[:, 1].min() < total < corners[:, 1].max()
    assert [total] * 2 == list(_line(figure, "total").get_ydata())


def test_burn_up_of_a_plan_without_tasks_is_flat() -> None:
    """No tasks: no planned curve, a flat earned one, the status line."""
    plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5), goals=[Goal(id="g", title="Do g")])
    report = careerkit.progress(plan, as_of=date(2026, 2, 2))
    figure = burn_up(report, plan=plan)

    assert [] == [line for line in figure.axes[0].lines if line.get_gid() == "planned"]
    assert {0.0} == set(_line(figure, "earned").get_ydata())
    assert "no planned work" in _texts(figure)


# --- Metric trajectory -------------------------------------------------------------


@pytest.mark.parametrize("goal_id", ["digital-marketing-diploma", "professional-network"])
def test_metric_trajectory_draws_the_trend_of_the_measurements(plan: Plan, goal_id: str) -> None:
    """The trend line's slope is the least-squares slope of the measurements, per day,
    and it runs from the first measurement to the day it reaches the target."""
    figure = metric_trajectory(plan, goal_id, as_of=AS_OF)
    goal = plan.goal(goal_id)
    assert goal.metric is not None
    line = trend([item for item in goal.measurements if item.on <= AS_OF])
    assert line is not None
    (x0, x1), (y0, y1) = _line(figure, "trend").get_data()
    reach = line.reaching(goal.metric.target)

    assert line.slope == pytest.approx((y1 - y0) / (x1 - x0))
    assert date2num(line.origin) == x0
    assert reach is not None
    assert date2num(reach) == x1
    assert goal.metric.target == pytest.approx(y1, abs=abs(line.slope))


def test_metric_trajectory_draws_the_plan_target_and_deadline(plan: Plan) -> None:
    """The planned line runs from baseline on the start to target on the deadline;
    the target level and the deadline are drawn; the measurements are the points."""
    goal = plan.goal("digital-marketing-diploma")
    assert goal.metric is not None
    assert goal.deadline is not None
    assert goal.start is not None
    figure = metric_trajectory(plan, goal.id, as_of=AS_OF)
    (x0, x1), (y0, y1) = _line(figure, "planned").get_data()

    assert [date2num(goal.start), date2num(goal.deadline)] == [x0, x1]
    metric, deadline = goal.metric, goal.deadline
    assert [planned_value(metric, start=goal.start, deadline=deadline, on=goal.start)] == [y0]
    assert [goal.metric.baseline, goal.metric.target] == [y0, y1]
    assert [goal.metric.target] * 2 == list(_line(figure, "target").get_ydata())
    assert [date2num(goal.deadline)] * 2 == list(_line(figure, "deadline").get_xdata())
    assert [date2num(AS_OF)] * 2 == list(_line(figure, "as_of").get_xdata())
    points = _line(figure, "measurements")
    assert [date2num(item.on) for item in goal.measurements] == list(points.get_xdata())


def test_metric_trajectory_leaves_out_later_measurements(plan: Plan) -> None:
    """Measurements after the status date are not drawn nor fitted; a goal without a
    start is planned from the plan's start."""
    goal = plan.goal("professional-network")
    assert goal.start is None
    day = goal.measurements[2].on
    figure = metric_trajectory(plan, goal.id, as_of=day)
    line = trend(goal.measurements[:3])
    assert line is not None
    (x0, x1), (y0, y1) = _line(figure, "trend").get_data()

    assert 3 == len(_line(figure, "measurements").get_xdata())
    assert line.slope == pytest.approx((y1 - y0) / (x1 - x0))
    assert date2num(plan.start) == _line(figure, "planned").get_xdata()[0]


def test_metric_trajectory_without_measurements_shows_the_plan_alone() -> None:
    """No measurements: the planned line and the target, no trend, and a note."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 1, 5),
        goals=[
            Goal(
                id="g",
                title="Grow followers",
                deadline=date(2026, 6, 30),
                metric=Metric(name="followers", baseline=100, target=500),
            )
        ],
    )
    figure = metric_trajectory(plan, "g", as_of=date(2026, 2, 2))
    gids = {line.get_gid() for line in figure.axes[0].lines}

    assert {"planned", "target", "deadline", "as_of"} == gids
    assert "fewer than two measurements: no trend" in _texts(figure)


def test_metric_trajectory_of_a_goal_without_a_metric_is_refused(plan: Plan) -> None:
    """A goal without a metric has no trajectory; an unknown goal is unknown."""
    with pytest.raises(ValidationError) as caught:
        metric_trajectory(plan, "leadership-course")
    with pytest.raises(UnknownReferenceError):
        metric_trajectory(plan, "no-such-goal")

    assert ["goal_id"] == [problem.path for problem in caught.value.problems]


# --- Arguments ---------------------------------------------------------------------


def _example() -> tuple[Plan, Schedule]:
    plan = careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))
    return plan, careerkit.schedule(plan, as_of=AS_OF)


_PLAN, _STATUS = _example()
_REPORT = careerkit.progress(_PLAN, as_of=AS_OF, schedule=_STATUS)
_WRONG_PATHS = (5, b"x.png", "", object())

CASES = [
    *wrong_calls(gantt, {"schedule": _STATUS}, schedule="schedule", as_of="optional date"),
    *(
        pytest.param(gantt, {"schedule": _STATUS, "plan": wrong}, "plan", id=f"gantt-plan-{index}")
        for index, wrong in enumerate(WRONG["plan"])
        if wrong is not None  # gantt draws a schedule without its plan
    ),
    *wrong_calls(burn_up, {"report": _REPORT, "plan": _PLAN}, plan="plan", schedule="schedule"),
    *wrong_calls(
        metric_trajectory,
        {"plan": _PLAN, "goal_id": "professional-network"},
        plan="plan",
        as_of="optional date",
    ),
]


@pytest.mark.parametrize(("function", "arguments", "path"), CASES)
def test_wrong_arguments_are_refused_with_their_path(
    function: Callable[..., Any], arguments: dict[str, Any], path: str
) -> None:
    """A wrong argument raises a ValidationError naming it."""
    assert [path] == refused_path(function, arguments)


@pytest.mark.parametrize("wrong", _WRONG_PATHS)
def test_a_wrong_path_is_refused(wrong: object) -> None:
    """``path`` must be a non-empty str or path-like of str."""
    assert ["path"] == refused_path(
        metric_trajectory, {"plan": _PLAN, "goal_id": "find-mentor", "path": wrong}
    )


def test_a_path_that_cannot_be_written_is_refused(tmp_path: Path) -> None:
    """Saving into a folder that does not exist names ``path``."""
    missing = tmp_path / "no-such-folder" / "plot.png"

    assert ["path"] == refused_path(gantt, {"schedule": _STATUS, "path": missing})


def test_schedules_reports_and_forecasts_of_other_plans_or_dates_are_refused() -> None:
    """Every input of one chart must describe the same plan at the same date."""
    other = careerkit.progress(_PLAN, as_of=date(2026, 12, 1))
    found = careerkit.forecast(_PLAN, as_of=date(2026, 12, 1), seed=1, runs=50)
    small = _wide_plan(goals=1, per_goal=2)
    cases: list[tuple[Callable[..., Any], dict[str, Any], str]] = [
        (gantt, {"schedule": _STATUS, "plan": small}, "schedule"),
        (burn_up, {"report": _REPORT, "plan": small}, "report"),
        (burn_up, {"report": other, "plan": _PLAN, "schedule": _STATUS}, "schedule"),
        (burn_up, {"report": _REPORT, "plan": _PLAN, "forecast": found}, "forecast"),
        (burn_up, {"report": _PLAN, "plan": _PLAN}, "report"),
        (burn_up, {"report": _REPORT, "plan": _PLAN, "forecast": _REPORT}, "forecast"),
        (metric_trajectory, {"plan": _PLAN, "goal_id": 3}, "goal_id"),
    ]
    for function, arguments, path in cases:
        assert [path] == refused_path(function, arguments), (function.__name__, path)


def test_without_matplotlib_each_plot_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """With matplotlib missing, every plot raises MissingExtraError naming the plot extra."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    calls: list[Callable[[], object]] = [
        lambda: gantt(_STATUS, plan=_PLAN),
        lambda: burn_up(_REPORT, plan=_PLAN),
        lambda: metric_trajectory(_PLAN, "professional-network"),
    ]
    for call in calls:
        with pytest.raises(MissingExtraError) as caught:
            call()
        assert caught.value.extra == "plot"
        assert "careerkit[plot]" in str(caught.value)


# --- Properties and edges ----------------------------------------------------------


@settings(deterministic, max_examples=30)
@given(plans(max_goals=3, max_tasks=8), st.integers(min_value=0, max_value=400))
def test_every_plan_plots(plan: Plan, days: int) -> None:
    """Any plan gives a Gantt bar per task in its colour, a burn-up whose planned
    curve ends at the report's total, and trends with the fitted slope."""
    as_of = plan.start + timedelta(days=days)
    try:
        status = careerkit.schedule(plan, as_of=as_of)
    except careerkit.ValidationError:
        reject()  # a plan the schedule refuses (a deadline without a working day) has no chart
    bars = _task_artists(gantt(status, plan=plan), status)
    report = careerkit.progress(plan, as_of=as_of, schedule=status)
    lines = {line.get_gid(): line for line in burn_up(report, plan=plan).axes[0].lines}

    assert min(len(plan.tasks), MAX_GANTT_ROWS) == len(bars)
    for entry in status.tasks:
        task = plan.task(entry.task)
        if entry.critical and task.status is not Status.DONE and task.recurrence is None:
            drawn = bars[entry.task]  # a bar, or a milestone's marker
            colour = (
                drawn.get_markerfacecolor() if isinstance(drawn, Line2D) else drawn.get_facecolor()
            )
            assert to_rgba(CRITICAL_COLOUR) == to_rgba(colour)
    if report.earned_value.bac > 0:
        assert report.earned_value.bac == pytest.approx(lines["planned"].get_ydata()[-1])
    else:
        assert "planned" not in lines
    for goal in plan.goals:
        if goal.metric is None:
            continue
        line = trend([item for item in goal.measurements if item.on <= as_of])
        drawn = {
            item.get_gid(): item
            for item in metric_trajectory(plan, goal.id, as_of=as_of).axes[0].lines
        }
        assert (line is None) == ("trend" not in drawn)
        if line is not None:
            (x0, x1), (y0, y1) = drawn["trend"].get_data()
            assert line.slope == pytest.approx((y1 - y0) / (x1 - x0), rel=1e-6, abs=1e-9)


def test_plots_reach_the_first_and_last_dates(tmp_path: Path) -> None:
    """Dates at the ends of the supported range, and status dates beyond them, give
    PNGs: the date axis stays within the years matplotlib holds."""
    goal = Goal(
        id="g",
        title="Grow",
        deadline=date(9000, 12, 31),
        metric=Metric(name="followers", baseline=0, target=10),
        measurements=[
            Measurement(on=date(2, 1, 1), value=1),
            Measurement(on=date(8999, 1, 1), value=2),
        ],
    )
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(1, 1, 1),
        goals=[goal],
        tasks=[
            Task(id="a", goal="g", title="A", duration=3),
            Task(id="b", goal="g", title="B", duration=3, effort=3, not_before=date(9000, 12, 1)),
        ],
    )
    status = careerkit.schedule(plan, as_of=date(9000, 1, 1))
    report = careerkit.progress(plan, as_of=date(9000, 1, 1), schedule=status)
    drawn = {
        "late": lambda path: gantt(status, plan=plan, as_of=date(9999, 12, 31), path=path),
        "early": lambda path: gantt(status, as_of=date(1, 1, 1), path=path),
        "burn-up": lambda path: burn_up(report, plan=plan, path=path),
        "metric": lambda path: metric_trajectory(plan, "g", as_of=date.max, path=path),
    }
    for name, draw in drawn.items():
        draw(tmp_path / f"{name}.png")
        _png_size(tmp_path / f"{name}.png")


def test_the_gantt_legend_names_work_done_so_far() -> None:
    """Hatched bars of work in progress have their own legend entry, and only when some
    task in progress has done part of its work."""
    plan, status = _example()
    labels = [text.get_text() for text in gantt(status, plan=plan).legends[0].get_texts()]
    unstarted = careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))
    fresh = attrs.evolve(
        unstarted, tasks=[task for task in unstarted.tasks if task.status is Status.DONE]
    )
    plain = [
        text.get_text()
        for text in gantt(careerkit.schedule(fresh), plan=fresh).legends[0].get_texts()
    ]

    assert "done so far" in labels
    assert "done so far" not in plain


def test_a_critical_milestone_is_drawn_in_the_critical_colour() -> None:
    """A milestone is a diamond marker, not a bar: on the critical path, its face has
    the critical colour as a critical bar has."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 1, 5),
        goals=[Goal(id="g", title="Ship it")],
        tasks=[
            Task(id="a", goal="g", title="Build", duration=2),
            Task(id="m", goal="g", title="Shipped", duration=0, depends_on=["a"]),
        ],
    )
    status = careerkit.schedule(plan)
    marker = _task_artists(gantt(status, plan=plan), status)["m"]

    assert status["m"].critical
    assert isinstance(marker, Line2D)
    assert to_rgba(CRITICAL_COLOUR) == to_rgba(marker.get_markerfacecolor())
