"""Tests for ``careerkit progress``, ``careerkit alerts`` and ``careerkit forecast``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import careerkit
from careerkit.cli import main
from careerkit.io import json_schema

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLAN = EXAMPLES / "marketing_director.json"
HISTORY = EXAMPLES / "marketing_director.history.json"
AS_OF = date(2026, 11, 26)
DIPLOMA = "digital-marketing-diploma"


def example() -> careerkit.Plan:
    """The example plan."""
    return careerkit.loads(PLAN.read_text(encoding="utf-8"))


def run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The exit status, standard output and standard error."""
    status = main(arguments)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def valid(document: object, kind: str) -> list[str]:
    """The problems of a document against its kind's schema."""
    checker = Draft202012Validator(json_schema(kind), format_checker=FormatChecker())
    return [error.message for error in checker.iter_errors(document)]


def test_progress_prints_the_plan_and_each_goal(capsys: pytest.CaptureFixture[str]) -> None:
    """The text names the plan's figures, then one line per counted goal with its health."""
    status, out, err = run(["progress", str(PLAN), "--as-of", "2026-11-26"], capsys)
    report = careerkit.progress(example(), as_of=AS_OF)

    assert (0, "") == (status, err)
    assert out == careerkit.render.progress_report(report)
    assert f"  {DIPLOMA}: 69% done of 96% planned, grade 0.6, off track" in out


def test_progress_as_json_is_the_report_document(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` prints the report's document, which matches its schema."""
    status, out, _ = run(
        ["progress", str(PLAN), "--as-of", "2026-11-26", "--format", "json"], capsys
    )
    document = json.loads(out)

    assert 0 == status
    assert careerkit.to_dict(careerkit.progress(example(), as_of=AS_OF)) == document
    assert [] == valid(document, "progress_report")


def test_progress_reads_a_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--baseline`` measures against another plan; its errors name its own file."""
    plan = example()
    baseline = tmp_path / "baseline.json"
    baseline.write_text(careerkit.dumps(plan), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")

    status, out, _ = run(
        ["progress", str(PLAN), "--as-of", "2026-11-26", "--baseline", str(baseline)], capsys
    )
    assert (0, careerkit.render.progress_report(careerkit.progress(plan, as_of=AS_OF))) == (
        status,
        out,
    )
    status, _, err = run(
        ["progress", str(PLAN), "--as-of", "2026-11-26", "--baseline", str(broken)], capsys
    )
    assert 1 == status
    assert err.startswith(f"{broken}: ")


def test_alerts_list_the_slipping_diploma_first(capsys: pytest.CaptureFixture[str]) -> None:
    """The alerts come most severe first, each with its correction."""
    status, out, _ = run(["alerts", str(PLAN), "--as-of", "2026-11-26"], capsys)
    lines = out.splitlines()

    assert 0 == status
    assert lines[0].startswith("26 alerts: ")
    assert f"[critical] forecast_late {DIPLOMA} (2026-12-18)" in lines
    assert all(line.startswith("    correction: ") for line in lines[3::3])


def test_alerts_as_json_with_a_history(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` prints a list of alert documents; ``--history`` is read."""
    status, out, _ = run(
        [
            "alerts",
            str(PLAN),
            "--as-of",
            "2026-11-26",
            "--history",
            str(HISTORY),
            "--format",
            "json",
        ],
        capsys,
    )
    documents = json.loads(out)
    history = careerkit.History.loads(HISTORY.read_text(encoding="utf-8"))
    expected = careerkit.detect_slippage(example(), as_of=AS_OF, history=history)

    assert 0 == status
    assert [careerkit.to_dict(alert) for alert in expected] == documents
    assert all(valid(document, "alert") == [] for document in documents)


def test_alerts_refuse_a_plan_as_history(capsys: pytest.CaptureFixture[str]) -> None:
    """A plan given as ``--history`` is a usage error, named in one line."""
    status, _, err = run(["alerts", str(PLAN), "--history", str(PLAN)], capsys)

    assert 2 == status
    assert "is a plan, not a history" in err
    assert 1 == len(err.splitlines())


def test_forecast_is_seeded(capsys: pytest.CaptureFixture[str]) -> None:
    """The same seed prints the same forecast, as text and as its document."""
    arguments = ["forecast", str(PLAN), "--as-of", "2026-11-26", "--runs", "300", "--seed", "7"]
    first = run(arguments, capsys)
    again = run(arguments, capsys)
    status, out, _ = run([*arguments, "--format", "json"], capsys)
    expected = careerkit.forecast(example(), as_of=AS_OF, seed=7, runs=300)

    assert first == again
    assert first[1] == careerkit.render.forecast_report(expected)
    assert 0 == status
    assert careerkit.to_dict(expected) == json.loads(out)
    assert [] == valid(json.loads(out), "forecast")


@pytest.mark.parametrize("method", ["velocity", "throughput", "schedule_risk"])
def test_forecast_takes_each_method(method: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each method runs from the command line and says which it is."""
    status, out, _ = run(
        ["forecast", str(PLAN), "--as-of", "2026-11-26", "--runs", "200", "--method", method],
        capsys,
    )

    assert 0 == status
    assert f"by {method} (200 runs, seed 0)" in out.splitlines()[0]


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["forecast", str(PLAN), "--runs", "0"], "--runs"),
        (["forecast", str(PLAN), "--seed", "-1"], "--seed"),
        (["forecast", str(PLAN), "--method", "guess"], "--method"),
        (["alerts", str(PLAN), "--as-of", "26/11/2026"], "--as-of"),
        (["progress", str(PLAN), "--as-of", "2020-01-01"], "before the plan's start"),
    ],
)
def test_bad_arguments_are_one_line(
    arguments: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad option is a usage error (status 2) named on standard error, no traceback."""
    status, out, err = run(arguments, capsys)

    assert (2, "") == (status, out)
    assert named in err
    assert "Traceback" not in err


def test_the_as_of_defaults_to_today(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without ``--as-of`` the command line, and only it, reads today's date."""

    class _Today(date):
        @classmethod
        def today(cls) -> date:
            return date(2026, 11, 26)

    monkeypatch.setattr(careerkit.cli._inputs, "date", _Today)
    status, out, _ = run(["progress", str(PLAN)], capsys)

    assert 0 == status
    assert out.startswith("Progress as of 2026-11-26:")


def test_career_prints_the_overview_as_text_and_as_its_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``careerkit career`` prints the career essentials, or the ``career_overview``
    document that follows its schema; a plan without career parts says so."""
    text_status = main(["career", str(PLAN), "--as-of", "2026-11-26"])
    text = capsys.readouterr().out
    json_status = main(["career", str(PLAN), "--as-of", "2026-11-26", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    bare = Path(__file__).parent / "data" / "plan-v1.json"
    bare_status = main(["career", str(bare), "--as-of", "2026-11-26"])

    assert (0, 0, 0) == (text_status, json_status, bare_status)
    assert text.startswith("Career as of 2026-11-26:\n  Top skill gap for marketing-director-b2b")
    assert "  Going cold: mentor-2 (mentor, 61 days over, critical)\n" in text
    assert (
        careerkit.to_dict(careerkit.career_overview(example(), as_of=date(2026, 11, 26)))
        == document
    )
    Draft202012Validator(json_schema("career_overview"), format_checker=FormatChecker()).validate(
        document
    )
    assert "Career as of 2026-11-26:\n  No career parts.\n" == capsys.readouterr().out
