"""A review as a JSON document, as Markdown and text; its arguments, policy and small parts."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import date, datetime
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import careerkit
from careerkit.errors import ValidationError
from careerkit.history import History
from careerkit.io import dumps, json_schema, to_dict
from careerkit.model import CheckIn, Direction, Goal, Measurement, Metric, Plan
from careerkit.planning.health import HealthPolicy
from careerkit.planning.metrics import least_squares, trend
from careerkit.planning.review import (
    Correction,
    CorrectionCode,
    Review,
    ReviewPolicy,
    Win,
    WinKind,
    review,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"
AS_OF = date(2026, 11, 26)


@cache
def example() -> Plan:
    """The example plan."""
    return careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))


@cache
def slipping() -> Review:
    """The example's review on 2026-11-26, with fewer forecast runs."""
    return review(example(), as_of=AS_OF, policy=ReviewPolicy(runs=300))


def small_plan(**changes: object) -> Plan:
    """A one-goal plan starting on Monday 2026-01-05."""
    fields: dict[str, object] = {
        "id": "p",
        "owner": "Ana",
        "start": date(2026, 1, 5),
        "goals": [Goal(id="g", title="Do g")],
    }
    fields.update(changes)
    return Plan(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["review", "win", "correction", "satisfaction"])
def test_the_schema_is_valid(kind: str) -> None:
    """Each kind's schema is a valid draft 2020-12 schema."""
    Draft202012Validator.check_schema(json_schema(kind))


def test_the_review_document_follows_its_schema() -> None:
    """The example's review, as JSON, is valid against ``json_schema("review")``."""
    validator = Draft202012Validator(json_schema("review"), format_checker=FormatChecker())
    document = json.loads(dumps(slipping()))

    assert [] == [error.message for error in validator.iter_errors(document)]
    assert document == to_dict(slipping())
    assert "move_deadline" == document["corrections"][0]["code"]
    assert "2026-12-07" == document["next_review"]


def test_wins_and_corrections_follow_their_schemas() -> None:
    """A win and a correction of a real review are valid against their own schemas."""
    found = review(example(), as_of=date(2026, 3, 2), policy=ReviewPolicy(runs=100))
    for kind, value in (("win", found.wins[0]), ("correction", slipping().corrections[0])):
        validator = Draft202012Validator(json_schema(kind), format_checker=FormatChecker())

        assert [] == [error.message for error in validator.iter_errors(to_dict(value))]


def test_markdown_has_its_headings_and_the_goals_table() -> None:
    """The Markdown report has a title, the summary, each section and a row per goal."""
    text = slipping().to_markdown()
    lines = text.splitlines()

    assert "# Review of `maya-okafor-director-plan` as of 2026-11-26" == lines[0]
    assert slipping().summary == lines[2]
    headings = [line for line in lines if line.startswith("## ")]
    assert [
        "## Goals",
        "## Alerts",
        "## Next actions",
        "## Wins since 2026-11-26",
        "## Corrections",
        "## SMART findings",
        "## Career",
        "## Satisfaction",
        "## Next review",
    ] == headings
    assert "- Going cold: `mentor-2` (mentor, 61 days over, critical)" in lines
    assert "| Goal | Health | Done | Planned | Slack | Deadline | P85 |" in lines
    diploma = next(line for line in lines if line.startswith("| `digital-marketing-diploma`"))
    assert "| off track | 69.4% | 95.7% | -25 | 2026-12-18 |" in diploma
    assert "Nothing new to celebrate." in lines
    assert "- 2026-12-07" == lines[-1]


def test_text_is_the_markdown_without_markup() -> None:
    """The plain text has the same sections, underlined, and no backticks."""
    text = slipping().to_text()

    assert text.startswith("Review of maya-okafor-director-plan as of 2026-11-26\n=====")
    assert "`" not in text
    assert "|" not in text
    assert "**" not in text
    assert "Corrections\n-----------\n* move_deadline: move the deadline of" in text


def test_the_review_pickles_and_copies() -> None:
    """A review travels to other processes and copies whole, read-only evidence included."""
    found = slipping()

    assert found == pickle.loads(pickle.dumps(found))
    assert found == copy.deepcopy(found)
    assert found.corrections == pickle.loads(pickle.dumps(found.corrections))


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"plan": {"id": "p"}}, "plan"),
        ({"as_of": datetime(2026, 11, 26, 9)}, "as_of"),
        ({"as_of": date(2025, 1, 1)}, "as_of"),
        ({"history": "log"}, "history"),
        ({"baseline": 3}, "baseline"),
        ({"policy": HealthPolicy()}, "policy"),
    ],
)
def test_wrong_arguments_are_named(arguments: dict[str, object], path: str) -> None:
    """Each wrong argument raises a ValidationError whose path names it."""
    given: dict[str, object] = {"plan": example(), "as_of": AS_OF, **arguments}

    with pytest.raises(ValidationError) as raised:
        review(given.pop("plan"), **given)  # type: ignore[arg-type]

    assert path == raised.value.path


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"runs": 0}, "runs"),
        ({"runs": 2.5}, "runs"),
        ({"seed": "0"}, "seed"),
        ({"wins_days": 0}, "wins_days"),
        ({"satisfaction_window": 1}, "satisfaction_window"),
        ({"health": None}, "health"),
        ({"slippage": HealthPolicy()}, "slippage"),
        ({"forecast": {}}, "forecast"),
    ],
)
def test_the_policy_is_validated(fields: dict[str, object], path: str) -> None:
    """A policy field of the wrong type or out of range is refused, by name."""
    with pytest.raises(ValidationError) as raised:
        ReviewPolicy(**fields)  # type: ignore[arg-type]

    assert path == raised.value.path


def test_wins_and_corrections_are_validated() -> None:
    """Wins and corrections check their fields; the evidence follows the alerts' rule."""
    with pytest.raises(ValidationError) as raised:
        Win(kind="task_done", subject="a", on=AS_OF, message="done")  # type: ignore[arg-type]
    assert "kind" == raised.value.path
    with pytest.raises(ValidationError) as raised:
        Correction(
            code=CorrectionCode.ADD_TASK, subject="g", message="m", evidence={"x": float("nan")}
        )
    assert "evidence['x']" == raised.value.path
    with pytest.raises(ValidationError):
        Correction(code=CorrectionCode.ADD_TASK, subject="g", message="m", evidence={})


def test_satisfaction_without_check_ins_is_none() -> None:
    """No check-in: every figure is None, and the summary says nothing of it."""
    found = review(small_plan(), as_of=date(2026, 1, 12))

    assert (0, None, None, None) == (
        found.satisfaction.check_ins,
        found.satisfaction.latest,
        found.satisfaction.average,
        found.satisfaction.slope_per_month,
    )
    assert "Satisfaction" not in found.summary


def test_satisfaction_slope_is_the_least_squares_trend_per_month() -> None:
    """Check-ins of 2, 3 and 5 at 0, 10 and 20 days: the same slope as a metric's trend
    of the same points, times the days of a mean month; check-ins after the review and
    before the window are left out."""
    days = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 2, 11), date(2026, 2, 21)]
    scores = [1, 2, 3, 5]
    plan = small_plan(
        start=date(2026, 1, 1),
        check_ins=[
            *(CheckIn(on=day, satisfaction=score) for day, score in zip(days, scores, strict=True)),
            CheckIn(on=date(2026, 3, 1), satisfaction=1),
        ],
    )

    found = review(plan, as_of=date(2026, 2, 23)).satisfaction

    line = trend(
        [Measurement(on=day, value=score) for day, score in zip(days[1:], scores[1:], strict=True)]
    )
    assert line is not None
    assert (4, 5, date(2026, 2, 21)) == (found.check_ins, found.latest, found.latest_on)
    assert found.average == pytest.approx(10 / 3)
    assert found.slope_per_month == pytest.approx(0.15 * 365.2425 / 12)
    assert found.slope_per_month == pytest.approx(line.slope * 365.2425 / 12)


def test_least_squares_is_the_trend_arithmetic() -> None:
    """``trend`` and ``least_squares`` agree on slope, intercept and errors."""
    points = [(0, 1.0), (1, 3.0), (2, 2.0), (5, 7.0)]
    measured = [Measurement(on=date(2026, 1, 1 + x), value=y) for x, y in points]

    line, fitted = least_squares(points), trend(measured)

    assert line is not None
    assert fitted is not None
    assert (line.slope, line.intercept, line.slope_error) == (
        fitted.slope,
        fitted.intercept,
        fitted.slope_error,
    )
    assert least_squares([(1, 2.0)]) is None


@pytest.mark.parametrize(
    ("cadence", "as_of", "expected"),
    [
        ("FREQ=WEEKLY;INTERVAL=4", date(2026, 1, 5), date(2026, 2, 2)),
        ("FREQ=WEEKLY;INTERVAL=4", date(2026, 2, 1), date(2026, 2, 2)),
        ("FREQ=MONTHLY;BYMONTHDAY=15", date(2026, 1, 15), date(2026, 2, 15)),
        ("FREQ=YEARLY;INTERVAL=3", date(2027, 6, 1), date(2029, 1, 5)),
        ("FREQ=WEEKLY;COUNT=2", date(2026, 1, 12), None),
    ],
)
def test_the_next_review_follows_the_cadence(
    cadence: str, as_of: date, expected: date | None
) -> None:
    """The first date of the cadence from the plan's start after the review; None once
    a cadence with an end has ended."""
    found = review(small_plan(review_cadence=cadence), as_of=as_of)

    assert expected == found.next_review
    if expected is None:
        assert "The review cadence has no further date." in found.summary


def test_a_metric_decreasing_improves_downwards() -> None:
    """For a metric whose target is below its baseline, a lower value is the win."""
    goal = Goal(
        id="g",
        title="Cut my commute",
        metric=Metric(
            name="commute", unit="minutes", baseline=60, target=30, direction=Direction.DECREASE
        ),
        measurements=[
            Measurement(on=date(2026, 1, 10), value=50),
            Measurement(on=date(2026, 1, 17), value=55),
            Measurement(on=date(2026, 1, 24), value=40),
        ],
    )

    found = review(small_plan(goals=[goal]), as_of=date(2026, 1, 26))

    assert [
        (WinKind.METRIC_IMPROVED, date(2026, 1, 10)),
        (WinKind.METRIC_IMPROVED, date(2026, 1, 24)),
    ] == [(win.kind, win.on) for win in found.wins]
    assert "commute of `g` fell from 55 to 40 minutes" in found.wins[1].message


def test_the_docs_show_the_example_review() -> None:
    """docs/review.rst shows the example's review as of 2026-11-26 (with its history)
    exactly as ``to_markdown`` writes it, so the page cannot drift from the code."""
    history = History.loads(EXAMPLE.with_name("marketing_director.history.json").read_text())
    page = (EXAMPLE.parent.parent / "docs" / "review.rst").read_text(encoding="utf-8")
    block = page.split(".. code-block:: markdown\n", 1)[1].splitlines()
    shown = [line[3:] for line in block]

    written = review(example(), as_of=AS_OF, history=history).to_markdown()

    assert written.rstrip("\n").splitlines() == shown[1:]
