"""Tests for ``careerkit ical``: a plan's schedule as an iCalendar file."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import icalendar
import pytest

import careerkit
from careerkit.cli import main
from careerkit.render.ical import to_ical

from .bad_documents import valid_document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLAN = EXAMPLES / "marketing_director.json"
AS_OF = date(2026, 11, 26)


def example() -> careerkit.Plan:
    """The example plan."""
    return careerkit.loads(PLAN.read_text(encoding="utf-8"))


def test_the_calendar_goes_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """With ``--as-of``, the bytes of to_ical at that status date, and nothing on stderr."""
    status = main(["ical", str(PLAN), "--as-of", "2026-11-26"])
    out, err = capsysbinary.readouterr()

    assert (0, b"") == (status, err)
    assert to_ical(example(), as_of=AS_OF) == out
    assert 65 == len(icalendar.Calendar.from_ical(out).walk("VEVENT"))


def test_without_a_status_date_the_plan_is_as_planned(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    """No clock is read: without ``--as-of`` the calendar is the plan as planned."""
    status = main(["ical", str(PLAN)])

    assert (0, to_ical(example())) == (status, capsysbinary.readouterr().out)


def test_the_calendar_goes_to_the_output_file(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """``--output FILE`` writes the file and prints nothing."""
    target = tmp_path / "plan.ics"

    status = main(["ical", str(PLAN), "--as-of", "2026-11-26", "--output", str(target)])

    assert (0, b"", b"") == (status, *capsysbinary.readouterr())
    assert to_ical(example(), as_of=AS_OF) == target.read_bytes()


def test_a_text_output_gets_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """An output without bytes underneath (a text stream in memory) gets the decoded text."""
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)

    assert 0 == main(["ical", str(PLAN)])
    assert to_ical(example()).decode("utf-8") == out.getvalue()


def test_an_output_that_cannot_be_written_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file in a missing directory: exit 2, one line naming the file."""
    target = tmp_path / "missing" / "plan.ics"

    status = main(["ical", str(PLAN), "--output", str(target)])

    out, err = capsys.readouterr()
    assert (2, "") == (status, out)
    assert err.startswith(f"careerkit: {target}: cannot write: ")
    assert 1 == len(err.splitlines())
    assert not target.exists()


def test_an_invalid_plan_exits_1_with_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan document that is read and found invalid: FILE: PATH: PROBLEM, exit 1."""
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({**valid_document(), "weekly_capacity": -1}), encoding="utf-8")

    status = main(["ical", str(path)])

    out, err = capsys.readouterr()
    assert (1, "") == (status, out)
    assert err.startswith(f"{path}: weekly_capacity: ")


@pytest.mark.parametrize(
    ("as_of", "problem"),
    [
        ("2025-12-31", "is before the plan's start, 2026-01-05"),
        ("26/11/2026", "expected a date as YYYY-MM-DD"),
    ],
)
def test_a_bad_status_date_is_a_usage_error(
    as_of: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A status date before the plan's start, or not written YYYY-MM-DD: exit 2."""
    status = main(["ical", str(PLAN), "--as-of", as_of])

    out, err = capsys.readouterr()
    assert (2, "") == (status, out)
    assert problem in err


def test_without_icalendar_the_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing icalendar package: exit 2, one line saying how to install it."""
    monkeypatch.setitem(sys.modules, "icalendar", None)

    status = main(["ical", str(PLAN)])

    out, err = capsys.readouterr()
    assert (2, "") == (status, out)
    assert (
        'careerkit: this needs the optional package icalendar: pip install "careerkit[ical]"\n'
        == err
    )


def test_help_describes_the_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    """``careerkit ical --help`` names the plan, ``--as-of``, ``--output`` and the statuses."""
    assert 0 == main(["ical", "--help"])

    out = capsys.readouterr().out
    for text in ("PLAN.json", "--as-of YYYY-MM-DD", "--output FILE", "exit status:", "141"):
        assert text in out


class _ClosedPipe(io.StringIO):
    """A standard output whose reader went away."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_output_is_quiet(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the reader of standard output goes away, exit 141 with nothing on stderr."""
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())

    assert (141, "") == (main(["ical", str(PLAN)]), capsys.readouterr().err)


def test_files_that_cannot_be_read_or_are_not_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file exits 2, a file that is not JSON exits 1; one line, nothing on stdout."""
    missing = tmp_path / "missing.json"
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(b'{"schema_version": 2, "id": ')

    for path, expected in ((missing, 2), (truncated, 1)):
        status = main(["ical", str(path)])
        out, err = capsys.readouterr()
        assert (expected, "") == (status, out)
        assert 1 == len(err.splitlines())
        assert str(path) in err
