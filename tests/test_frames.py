"""DataFrames of results: a row per item in the result's order, typed columns, the
results' own values, and a clear error without pandas."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import careerkit
from careerkit import MissingExtraError, Plan, ValidationError
from careerkit.model.display import frame_of
from careerkit.render.frames import to_frame

from .strategies import deterministic, plans

pandas = pytest.importorskip("pandas")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"
AS_OF = date(2026, 11, 26)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schedule(plan: Plan) -> careerkit.Schedule:
    return careerkit.schedule(plan, as_of=AS_OF)


def timestamp(day: date | None) -> object:
    return pandas.NaT if day is None else pandas.Timestamp(day)


def test_schedule_frame_has_a_row_per_task(schedule: careerkit.Schedule) -> None:
    """The TaskSchedule fields as columns, in order; dates as datetime64; schedule order."""
    frame = to_frame(schedule)
    names = [field.name for field in attrs.fields(careerkit.TaskSchedule)]

    assert names == list(frame.columns)
    assert len(schedule) == len(frame)
    assert [entry.task for entry in schedule.tasks] == list(frame["task"])
    for name in ("early_start", "early_finish", "late_start", "late_finish"):
        assert "datetime64[s]" == str(frame[name].dtype)
        assert [timestamp(getattr(entry, name)) for entry in schedule.tasks] == list(frame[name])
    assert "int64" == str(frame["total_float"].dtype)
    assert "bool" == str(frame["critical"].dtype)
    assert [entry.total_float for entry in schedule.tasks] == list(frame["total_float"])
    assert [entry.critical for entry in schedule.tasks] == list(frame["critical"])
    assert [entry.occurrences for entry in schedule.tasks] == list(frame["occurrences"])


def test_progress_frames_of_goals_and_tasks(plan: Plan, schedule: careerkit.Schedule) -> None:
    """Goals by id with their earned value flattened; tasks by id; nullable counts."""
    report = careerkit.progress(plan, as_of=AS_OF, schedule=schedule)

    goals = to_frame(report)
    tasks = to_frame(report, kind="tasks")

    assert [goal.goal for goal in report.goals] == list(goals["goal"])
    assert [goal.health.value for goal in report.goals] == list(goals["health"])
    assert [goal.earned_value.ev for goal in report.goals] == list(goals["earned_value.ev"])
    assert "float64" == str(goals["earned_value.spi_t"].dtype)
    assert "Int64" == str(goals["slack"].dtype)
    assert [goal.slack for goal in report.goals] == [
        None if pandas.isna(value) else value for value in goals["slack"]
    ]
    assert [task.task for task in report.tasks] == list(tasks["task"])
    assert [task.percent_complete for task in report.tasks] == list(tasks["percent_complete"])
    assert "Int64" == str(tasks["occurrences_done"].dtype)
    assert goals.equals(report.to_frame())
    assert tasks.equals(report.to_frame(kind="tasks"))


def test_forecast_frame_has_a_row_per_goal(plan: Plan, schedule: careerkit.Schedule) -> None:
    """Goals by id with their percentile dates and their metric's trend flattened."""
    found = careerkit.forecast(plan, as_of=AS_OF, seed=5, runs=300, schedule=schedule)

    frame = to_frame(found)

    assert [goal.goal for goal in found.goals] == list(frame["goal"])
    assert "datetime64[s]" == str(frame["p85"].dtype)
    assert [timestamp(goal.p85) for goal in found.goals] == list(frame["p85"])
    metrics = [goal.metric for goal in found.goals]
    assert [None if metric is None else metric.measurements for metric in metrics] == [
        None if pandas.isna(value) else value for value in frame["metric.measurements"]
    ]
    assert "Int64" == str(frame["metric.measurements"].dtype)
    assert frame.equals(found.to_frame())


def test_alerts_frame_flattens_the_evidence(plan: Plan, schedule: careerkit.Schedule) -> None:
    """A row per alert in order; each evidence key a column, None where an alert lacks it."""
    alerts = careerkit.detect_slippage(plan, as_of=AS_OF, schedule=schedule)
    keys = sorted({key for alert in alerts for key in alert.evidence})

    frame = to_frame(alerts)

    assert ["kind", "severity", "subject", "on", "message", "correction"] == list(frame.columns[:6])
    assert [f"evidence.{key}" for key in keys] == list(frame.columns[6:])
    assert [alert.kind.value for alert in alerts] == list(frame["kind"])
    for key in keys:
        assert [alert.evidence.get(key) for alert in alerts] == list(frame[f"evidence.{key}"])


def test_empty_results_keep_their_columns() -> None:
    """No alerts give an empty frame with the alert columns; no tasks an empty typed frame."""
    plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23))

    alerts = to_frame(())
    tasks = to_frame(careerkit.schedule(plan))

    assert ["kind", "severity", "subject", "on", "message", "correction"] == list(alerts.columns)
    assert 0 == len(alerts) == len(tasks)
    assert "datetime64[s]" == str(tasks["early_start"].dtype)


@pytest.mark.parametrize(
    ("value", "kind", "path"),
    [
        ("schedule", None, "value"),
        (3, None, "value"),
        (3, "tasks", "value"),
        (["alert"], None, "value[0]"),
        ((), "goals", "kind"),
    ],
)
def test_wrong_values_are_named(value: object, kind: str | None, path: str) -> None:
    """Something that has no frame raises a ValidationError naming it."""
    with pytest.raises(ValidationError) as caught:
        to_frame(value, kind=kind)

    assert path == caught.value.path


def test_wrong_kinds_are_named(plan: Plan, schedule: careerkit.Schedule) -> None:
    """A report's kind is goals or tasks; other results have one kind of rows."""
    report = careerkit.progress(plan, as_of=AS_OF, schedule=schedule)

    for value, kind in ((report, "alerts"), (schedule, "tasks")):
        with pytest.raises(ValidationError) as caught:
            to_frame(value, kind=kind)
        assert "kind" == caught.value.path


def test_an_unregistered_value_has_no_frame() -> None:
    """The registry says which value has no frame view."""
    with pytest.raises(ValidationError) as caught:
        frame_of(3)

    assert "value" == caught.value.path


def test_without_pandas_the_extra_is_named(
    schedule: careerkit.Schedule, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing pandas raises MissingExtraError naming the pandas extra, from the
    function and from the method."""
    monkeypatch.setitem(sys.modules, "pandas", None)

    for make in (lambda: to_frame(schedule), schedule.to_frame, lambda: to_frame(())):
        with pytest.raises(MissingExtraError) as caught:
            make()
        assert "pandas" == caught.value.extra
        assert 'pip install "careerkit[pandas]"' in str(caught.value)


def test_importing_the_views_does_not_import_pandas() -> None:
    """pandas is imported when a frame is made, never by ``import careerkit.render``."""
    code = (
        "import sys; import careerkit, careerkit.render, careerkit.render.frames; "
        "print('pandas' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )

    assert "False" == result.stdout.strip()


@settings(deterministic, max_examples=25)
@given(plan=plans())
def test_any_schedule_has_a_row_per_task(plan: Plan) -> None:
    """Whatever the plan, the schedule's frame has its tasks in its order, its dates typed."""
    found = careerkit.schedule(plan)

    frame = found.to_frame()

    assert [entry.task for entry in found] == list(frame["task"])
    assert [timestamp(entry.late_finish) for entry in found] == list(frame["late_finish"])
    assert "datetime64[s]" == str(frame["late_finish"].dtype)
