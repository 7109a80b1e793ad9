"""Tests for ``--format json`` and ``careerkit schema KIND``: the commands' results as documents."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import careerkit
from careerkit.cli import main
from careerkit.history import History, diff
from careerkit.io import json_schema, result_kinds, to_dict
from careerkit.planning.actions import next_actions
from careerkit.scheduling import schedule
from careerkit.smart import assess_plan

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLAN = EXAMPLES / "marketing_director.json"
HISTORY = EXAMPLES / "marketing_director.history.json"
AS_OF = date(2026, 11, 26)


def example() -> careerkit.Plan:
    """The example plan."""
    return careerkit.loads(PLAN.read_text(encoding="utf-8"))


def run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, Any, str]:
    """The exit status, the one JSON value printed on standard output, and standard error."""
    status = main(arguments)
    captured = capsys.readouterr()
    return status, json.loads(captured.out), captured.err


def valid(document: object, kind: str) -> list[str]:
    """The problems of a document against its kind's schema."""
    checker = Draft202012Validator(json_schema(kind), format_checker=FormatChecker())
    return [error.message for error in checker.iter_errors(document)]


@pytest.mark.parametrize("level", [False, True])
def test_schedule_as_json(level: bool, capsys: pytest.CaptureFixture[str]) -> None:
    """``schedule --format json`` prints the schedule's document, leveled or not."""
    arguments = ["schedule", str(PLAN), "--as-of", "2026-11-26", "--format", "json"]
    status, document, err = run([*arguments, "--level"] if level else arguments, capsys)

    assert (0, "") == (status, err)
    assert to_dict(schedule(example(), as_of=AS_OF, level=level)) == document
    assert [] == valid(document, "schedule")


def test_next_as_json_keeps_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    """``next --format json`` prints a list of next actions, at most ``--limit`` of them."""
    status, documents, _ = run(
        ["next", str(PLAN), "--as-of", "2026-11-26", "--limit", "2", "--format", "json"], capsys
    )

    assert 0 == status
    assert [to_dict(action) for action in next_actions(example(), as_of=AS_OF)[:2]] == documents
    assert isinstance(documents, list)
    assert [] == [problem for item in documents for problem in valid(item, "next_action")]


def test_check_as_json_keeps_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    """``check --format json`` prints every assessment and exits 1 when a goal is not SMART."""
    status, documents, _ = run(
        ["check", str(PLAN), "--as-of", "2026-11-26", "--format", "json"], capsys
    )
    results = assess_plan(example(), as_of=AS_OF)

    assert [to_dict(result) for result in results] == documents
    assert (0 if all(result.is_smart for result in results) else 1) == status
    assert [] == [problem for item in documents for problem in valid(item, "smart_assessment")]


def test_diff_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``diff --format json`` prints the changes, before and after in their JSON forms."""
    changed = example().update_goal("digital-marketing-diploma", deadline=date(2027, 2, 26))
    new = tmp_path / "new.json"
    new.write_text(careerkit.dumps(changed), encoding="utf-8")

    status, documents, _ = run(["diff", str(PLAN), str(new), "--format", "json"], capsys)

    assert 0 == status
    assert [to_dict(change) for change in diff(example(), changed)] == documents
    assert {"before": "2026-12-18", "after": "2027-02-26"}.items() <= documents[0].items()


def test_diff_of_the_same_plan_is_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    """No changes is an empty list, not the text "no changes"."""
    assert (0, [], "") == run(["diff", str(PLAN), str(PLAN), "--format", "json"], capsys)


def test_log_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``log --format json`` prints the history's log entries, oldest first."""
    status, documents, _ = run(["log", str(HISTORY), "--format", "json"], capsys)
    history = History.loads(HISTORY.read_text(encoding="utf-8"))

    assert 0 == status
    assert [to_dict(entry) for entry in history.log()] == documents
    assert [] == [problem for item in documents for problem in valid(item, "log_entry")]


def test_log_as_json_of_a_subject_never_changed(capsys: pytest.CaptureFixture[str]) -> None:
    """No entry about the subject: an empty list, the reason on stderr, and status 1."""
    status, documents, err = run(
        ["log", str(HISTORY), "--subject", "nowhere", "--format", "json"], capsys
    )

    assert (1, []) == (status, documents)
    assert "no revision changes a goal or task 'nowhere'" in err


@pytest.mark.parametrize("kind", ["plan", *result_kinds()])
def test_schema_of_a_kind(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``schema KIND`` prints the JSON Schema of that kind."""
    assert (0, json_schema(kind), "") == run(["schema", kind], capsys)


def test_schema_of_an_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown kind exits 2 and names the kinds there are."""
    assert 2 == main(["schema", "nonsense"])

    err = capsys.readouterr().err
    assert "'nonsense'" in err
    assert "'schedule'" in err


def test_an_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Only text and json are formats."""
    assert 2 == main(["schedule", str(PLAN), "--format", "xml"])

    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_text_stays_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    """Without ``--format`` a command prints the same text as with ``--format text``."""
    main(["schedule", str(PLAN), "--as-of", "2026-11-26", "--limit", "3"])
    default = capsys.readouterr().out
    main(["schedule", str(PLAN), "--as-of", "2026-11-26", "--limit", "3", "--format", "text"])

    assert default == capsys.readouterr().out
    assert "Critical path:" in default


def test_an_invalid_plan_prints_no_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan that cannot be read is reported on stderr as in text, and stdout stays empty."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 3, "id": "p", "owner": "Ana", "start": "soon"}', "utf-8")

    assert 1 == main(["schedule", str(bad), "--format", "json"])

    captured = capsys.readouterr()
    assert "" == captured.out
    assert [f"{bad}: start: expected a date as YYYY-MM-DD, got 'soon'"] == (
        captured.err.splitlines()
    )
