"""Tests for careerkit.recurrence.count_occurrences: counting a rule without expanding it."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerkit import MAX_OCCURRENCES, ValidationError, occurrences
from careerkit.recurrence import count_occurrences

from .schedule_strategies import PROPERTY_SETTINGS

JAN_1 = date(2026, 1, 1)


def _outcome(function: object, rule: str, start: date, end: date | None) -> object:
    """What a call gives: its value, or the path and problem of its refusal."""
    assert callable(function)
    try:
        return function(rule, start=start, end=end)
    except ValidationError as exc:
        return exc.path, exc.problem


def _day_after(start: date, days: int) -> date:
    """``days`` after ``start``, within the calendar."""
    return date.fromordinal(max(1, min(date.max.toordinal(), start.toordinal() + days)))


_STARTS = st.one_of(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(min_value=date(9990, 1, 1)),
    st.builds(date, st.sampled_from([2024, 2026, 9999]), st.integers(1, 12), st.integers(26, 28)),
    st.sampled_from([date(2024, 2, 29), date(2026, 1, 29), date(2026, 1, 30), date(2026, 1, 31)]),
)
_SPANS = st.one_of(st.integers(-40, 4000), st.integers(4000, 40_000), st.just(146_097))


@st.composite
def _plain_windows(draw: st.DrawFn) -> tuple[str, date, date | None]:
    """Rules without BY parts (every frequency, with or without INTERVAL, COUNT,
    UNTIL, WKST), a start and an end (or None)."""
    start = draw(_STARTS)
    parts = [f"FREQ={draw(st.sampled_from(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']))}"]
    interval = draw(st.one_of(st.none(), st.integers(1, 13), st.sampled_from([400, 4800])))
    if interval is not None:
        parts.append(f"INTERVAL={interval}")
    ending = draw(st.sampled_from(["none", "count", "until", "until-time"]))
    if ending == "count":
        parts.append(f"COUNT={draw(st.integers(1, MAX_OCCURRENCES + 3))}")
    elif ending.startswith("until"):
        until = _day_after(start, draw(_SPANS))
        clock = f"T{draw(st.integers(0, 23)):02}0000Z" if ending == "until-time" else ""
        parts.append(f"UNTIL={until:%Y%m%d}{clock}")
    if draw(st.booleans()):
        parts.append(f"WKST={draw(st.sampled_from(['MO', 'SU']))}")
    end = draw(st.one_of(st.none(), _SPANS.map(lambda days: _day_after(start, days))))
    return ";".join(draw(st.permutations(parts))), start, end


@settings(PROPERTY_SETTINGS, max_examples=300)
@given(_plain_windows())
def test_a_plain_rule_is_counted_as_it_is_expanded(window: tuple[str, date, date | None]) -> None:
    """A rule without BY parts is counted, and its count is the number of its dates.

    Or both refuse it with the same problem (no end, too many occurrences);
    a rule that could miss a step (monthly from the 29th, yearly from 29
    February) is not counted. The window may reach the end of the calendar.
    """
    rule, start, end = window
    expanded = _outcome(occurrences, rule, start, end)
    counted = _outcome(count_occurrences, rule, start, end)
    frequency = dict(part.split("=") for part in rule.split(";"))["FREQ"]
    skips = (frequency == "MONTHLY" and start.day > 28) or (
        frequency == "YEARLY" and (start.month, start.day) == (2, 29)
    )
    refused = isinstance(expanded, tuple) and bool(expanded) and isinstance(expanded[0], str)

    if refused and counted is not None:
        assert expanded == counted
    elif skips:
        assert counted is None
    else:
        assert isinstance(expanded, tuple)
        assert len(expanded) == counted


@pytest.mark.parametrize(
    ("rule", "start", "end", "expected"),
    [
        ("FREQ=DAILY", JAN_1, date(2026, 12, 31), 365),
        ("FREQ=DAILY;INTERVAL=10", JAN_1, date(2026, 1, 31), 4),
        ("FREQ=WEEKLY;COUNT=3", JAN_1, date(2026, 12, 31), 3),
        ("FREQ=WEEKLY;UNTIL=20260115T000000Z", JAN_1, None, 2),
        ("FREQ=WEEKLY;UNTIL=20260115T120000Z", JAN_1, None, 3),
        ("FREQ=MONTHLY", date(2026, 1, 28), date(2026, 12, 27), 11),
        ("FREQ=YEARLY", date(2026, 3, 31), date(2036, 3, 31), 11),
        ("FREQ=DAILY", JAN_1, date(2025, 12, 31), 0),
        ("FREQ=DAILY;COUNT=9000", date(9999, 12, 1), None, 31),
    ],
)
def test_counts_worked_out_by_hand(rule: str, start: date, end: date | None, expected: int) -> None:
    """Counts of plain rules over windows whose dates are easy to list."""
    assert expected == count_occurrences(rule, start=start, end=end)


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", JAN_1),
        ("FREQ=DAILY;BYMONTH=1", JAN_1),
        ("FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO", JAN_1),
        ("FREQ=MONTHLY", date(2026, 1, 29)),
        ("FREQ=YEARLY", date(2028, 2, 29)),
    ],
)
def test_rules_that_choose_their_dates_are_not_counted(rule: str, start: date) -> None:
    """A rule with BY parts, or whose start day some periods lack, is left to expansion."""
    assert count_occurrences(rule, start=start, end=date(2030, 1, 1)) is None


def test_too_many_is_refused_as_expansion_refuses_it() -> None:
    """More than MAX_OCCURRENCES is refused without expanding, with the same problem."""
    with pytest.raises(ValidationError) as caught:
        count_occurrences("FREQ=DAILY", start=JAN_1, end=date(2060, 1, 1))

    assert "recurrence" == caught.value.path
    assert f"more than {MAX_OCCURRENCES} occurrences from 2026-01-01 to 2060-01-01" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"rule": 7, "start": JAN_1, "end": None}, "rule"),
        ({"rule": "FREQ=DAILY", "start": "2026-01-01", "end": None}, "start"),
        ({"rule": "FREQ=DAILY", "start": JAN_1, "end": 3}, "end"),
        ({"rule": "FREQ=DAILY;BYDAY=XX", "start": JAN_1, "end": None}, "recurrence"),
        ({"rule": "FREQ=DAILY", "start": JAN_1, "end": None}, "recurrence"),
    ],
)
def test_bad_arguments_are_refused_by_name(arguments: dict[str, object], path: str) -> None:
    """Arguments are checked as :func:`occurrences` checks them, whatever the rule."""
    with pytest.raises(ValidationError) as caught:
        count_occurrences(**arguments)  # type: ignore[arg-type]

    assert path == caught.value.path
