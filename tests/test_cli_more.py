"""Tests for the ``careerkit`` commands that schedule, rank, diff and log plans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import careerkit
from careerkit.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLAN = EXAMPLES / "marketing_director.json"
HISTORY = EXAMPLES / "marketing_director.history.json"


def test_schedule_prints_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    """``schedule`` prints the critical path, goal forecasts and missed dates."""
    assert 0 == main(["schedule", str(PLAN), "--as-of", "2026-11-26", "--limit", "3"])

    out = capsys.readouterr().out
    assert "Critical path: md-director-search -> md-interviews-offer" in out
    assert "Most behind their dates (working days of float): dmd-modules-5-8 (-25)" in out
    assert "digital-marketing-diploma: 2026-04-06 to 2027-01-25" in out
    assert "... and 41 more tasks" in out
    assert "Missed dates" in out


def test_schedule_leveled(capsys: pytest.CaptureFixture[str]) -> None:
    """``schedule --level`` says how many working days leveling added."""
    assert 0 == main(["schedule", str(PLAN), "--as-of", "2026-11-26", "--level"])

    assert "leveling added" in capsys.readouterr().out


def test_schedule_rejects_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    """A status date that is not YYYY-MM-DD is a usage error (exit 2)."""
    assert 2 == main(["schedule", str(PLAN), "--as-of", "26/11/2026"])

    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err


def test_next_lists_ready_tasks(capsys: pytest.CaptureFixture[str]) -> None:
    """``next`` ranks the ready tasks and explains each score."""
    assert 0 == main(["next", str(PLAN), "--as-of", "2026-11-26", "--limit", "2"])

    lines = capsys.readouterr().out.splitlines()
    assert "Next actions as of 2026-11-26:" == lines[0]
    assert lines[1].startswith("  1. dmd-modules-5-8:")
    assert "critical 1.00 x 3 = 3.00" in lines[2]
    assert 5 == len(lines)


def test_diff_prints_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``diff`` prints one line per change, keyed by ids."""
    plan = careerkit.loads(PLAN.read_text(encoding="utf-8"))
    changed = plan.update_goal("digital-marketing-diploma", deadline=date(2027, 2, 26))
    new = tmp_path / "new.json"
    new.write_text(careerkit.dumps(changed), encoding="utf-8")

    assert 0 == main(["diff", str(PLAN), str(new)])

    expected = "goals[digital-marketing-diploma].deadline: '2026-12-18' -> '2027-02-26'\n"
    assert expected == capsys.readouterr().out


def test_diff_of_equal_plans(capsys: pytest.CaptureFixture[str]) -> None:
    """``diff`` of a plan with itself says so."""
    assert 0 == main(["diff", str(PLAN), str(PLAN)])

    assert "no changes\n" == capsys.readouterr().out


def test_diff_names_the_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid document in ``diff`` is reported against its own file name."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2}', encoding="utf-8")

    assert 1 == main(["diff", str(PLAN), str(bad)])

    assert f"{bad}: id: required field missing" in capsys.readouterr().err


def test_log_prints_revisions(capsys: pytest.CaptureFixture[str]) -> None:
    """``log`` prints every revision with its reason, and the baselines."""
    assert 0 == main(["log", str(HISTORY)])

    out = capsys.readouterr().out
    assert "revision 0  2026-01-05T09:00:00+00:00  Maya Okafor  [initial]" in out
    assert "Diploma deadline moved to 18 December" in out
    assert "baseline 'original': revision 0" in out


def test_log_of_one_subject(capsys: pytest.CaptureFixture[str]) -> None:
    """``log --subject`` keeps only the revisions and changes about one goal."""
    assert 0 == main(["log", str(HISTORY), "--subject", "digital-marketing-diploma"])

    out = capsys.readouterr().out
    assert "goals[digital-marketing-diploma].deadline: '2026-09-30' -> '2026-12-18'" in out
    assert "tasks[" not in out


def test_log_detects_tampering(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A stored history whose content was changed is refused (exit 1), naming the revision."""
    tampered = tmp_path / "history.json"
    text = HISTORY.read_text(encoding="utf-8")
    tampered.write_text(text.replace("the cohort starting in spring", "the spring cohort"), "utf-8")

    assert 1 == main(["log", str(tampered)])

    assert "revision 3 does not verify" in capsys.readouterr().err


def test_log_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable history file is a usage error (exit 2)."""
    assert 2 == main(["log", str(tmp_path / "missing.json")])

    assert "cannot read" in capsys.readouterr().err
