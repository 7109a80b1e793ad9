"""Every hostile case of ``tests/hostile_cases.py`` ends as it must.

Each case runs in a forked process, stopped after ``CAREERKIT_HOSTILE_TIMEOUT``
seconds (60 unless set): a loose bound so that a runaway case fails instead of
stalling the suite. Only outcomes are checked, never times; the times are the
business of ``benchmarks/bench_hostile.py``.

A case that still misbehaves on the current code is an expected failure
(not strict), with the reason recorded in the case: when the fix lands it
passes, and the mark can go.
"""

from __future__ import annotations

import os

import pytest

from .hostile_cases import CASES, Case, outcome_in_subprocess, problem_with

TIMEOUT = float(os.environ.get("CAREERKIT_HOSTILE_TIMEOUT", "60"))

OPEN = {
    "start-9999-12-31": "OverflowError in DayIndex.dates",
    "start-9999-12-01-long-task": "OverflowError in DayIndex.dates",
    "not-before-9999-12-31-schedule": "OverflowError in DayIndex.dates",
    "not-before-9999-12-31-next-actions": "OverflowError in DayIndex.dates",
    "started-on-9999-12-31-next-actions": "OverflowError in DayIndex.dates",
    "done-on-9999-12-31-leveled": "OverflowError in capacity",
    "start-0001-01-01": "refused: outside the years 1 to 9999",
    "rrule-byday-plus-53": "IndexError inside dateutil",
    "lone-surrogate-dumps": "UnicodeEncodeError",
    "lone-surrogate-history": "UnicodeEncodeError",
    "lone-surrogate-history-loads": "UnicodeEncodeError",
    "occurrences-leap-day-tuesday": "no occurrences found",
    "occurrences-year-day-366-sunday": "no occurrences found",
    "apply-stale-change": "a stale change is applied",
    "apply-change-twice": "a change is applied twice",
    "apply-change-without-operation": "a change without an operation is applied",
    "rrule-freq-twice": "a repeated RRULE part is accepted",
    "rrule-bymonth-twice": "a repeated RRULE part is accepted",
    "rrule-count-and-until": "COUNT with UNTIL is accepted",
    "rrule-count-5-far-deadline": "refused: the bound counts the span searched",
    "max-size-counts-one-way": "text is measured in characters, bytes in bytes",
    "chain-25-tasks-of-100000-days": "OverflowError in DayIndex.dates",
    "chain-25-tasks-of-100000-days-leveled": "OverflowError in DayIndex.dates",
    "history-format-downgrade": "a downgraded, truncated history is read",
    "history-resealed-author-null": "the reader accepts what the writer refuses",
    "history-resealed-author-object": "the reader accepts what the writer refuses",
    "history-resealed-reason-blank": "the reader accepts what the writer refuses",
    "history-resealed-reason-number": "the reader accepts what the writer refuses",
    "history-resealed-number-true": "the reader accepts what the writer refuses",
    "history-resealed-number-float": "the reader accepts what the writer refuses",
    "history-resealed-kind-initial-later": "the reader accepts what the writer refuses",
    "history-resealed-before-nan": "the reader accepts what the writer refuses",
    "history-at-space-and-z": "read, then not read back",
    "history-at-no-seconds": "read, then not read back",
    "history-at-microseconds-zero": "read, then not read back",
    "history-add-with-before": "read, then not read back",
    "history-change-without-after": "read, then not read back",
    "history-path-no-snapshot": "the path loses its prefix",
    "history-path-snapshot-title": "the path loses its prefix",
    "history-path-bad-change-path": "the path loses its prefix",
}
"""The cases that fail on the current code, and how."""


def _param(case: Case) -> object:
    marks = []
    if case.name in OPEN:
        marks.append(pytest.mark.xfail(strict=False, reason=OPEN[case.name]))
    return pytest.param(case, id=case.name, marks=marks)


def test_every_open_case_exists() -> None:
    """Every expected failure names a case."""
    assert set() == set(OPEN) - {case.name for case in CASES}


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_hostile_case(case: Case) -> None:
    """The case ends in a result or a CareerkitError, as its expectation says."""
    outcome, _ = outcome_in_subprocess(case, timeout=TIMEOUT)

    assert None is problem_with(case, outcome)
