"""Properties of the review on generated plans: a sound document, whatever the plan."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from hypothesis import Phase, assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from careerkit import ValidationError
from careerkit.io import json_schema, to_dict
from careerkit.model import Plan
from careerkit.planning.progress import progress
from careerkit.planning.review import Review, ReviewPolicy, review

from .strategies import deterministic, plans

VALIDATOR = Draft202012Validator(json_schema("review"), format_checker=FormatChecker())
POLICY = ReviewPolicy(runs=20)


def _review(plan: Plan, as_of: date) -> Review | None:
    """The review, or None for a plan the scheduler refuses (dates past the calendar)."""
    try:
        progress(plan, as_of=as_of)
    except ValidationError:
        return None
    return review(plan, as_of=as_of, policy=POLICY)


def _floats(value: Any) -> list[float]:
    if isinstance(value, float):
        return [value]
    if isinstance(value, dict):
        return [found for item in value.values() for found in _floats(item)]
    if isinstance(value, list):
        return [found for item in value for found in _floats(item)]
    return []


# No shrinking: a review reruns every part, so shrinking a failure takes minutes.
@settings(deterministic, max_examples=40, phases=[Phase.explicit, Phase.generate])
@given(plan=plans(max_tasks=5, max_check_ins=3), days=st.integers(min_value=0, max_value=400))
def test_a_review_is_a_valid_document(plan: Plan, days: int) -> None:
    """Any plan's review follows its schema, holds finite floats only, renders, and
    orders its wins by date and its corrections by code. Efforts, hours spent
    and costs are kept to a million a task: sums of larger ones pass the bound
    on numbers that every result's schema sets."""
    assume(all(max(task.effort, task.hours_spent, task.cost or 0) <= 1e6 for task in plan.tasks))
    as_of = min(plan.start + timedelta(days=days), date(2099, 12, 31))
    found = _review(plan, as_of)
    if found is None:
        return
    document = to_dict(found)

    errors = [
        (list(error.absolute_path), error.message) for error in VALIDATOR.iter_errors(document)
    ]

    assert [] == errors
    assert all(math.isfinite(number) for number in _floats(document))
    assert [win.sort_key for win in found.wins] == sorted(win.sort_key for win in found.wins)
    assert [item.code.rank for item in found.corrections] == sorted(
        item.code.rank for item in found.corrections
    )
    assert all(found.wins_since <= win.on <= as_of for win in found.wins)
    assert found.next_review is None or found.next_review > as_of
    assert found.to_markdown().startswith(f"# Review of `{plan.id}` as of {as_of}")
    assert found.summary in found.to_markdown()
