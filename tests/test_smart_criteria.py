"""Which criterion is missing: ``assess_text`` against the criteria authors name.

tests/data/smart_goals.json holds goals whose authors judged them SMART or
not; for goals judged not SMART, many name the criteria that are missing
(``missing``). The entries whose ``source`` says "written for this test
set" are not quotations: they are written in the style of published guides.
A criterion is found when ``assess_text`` judges it unmet. Achievable and
Relevant cannot be decided from text alone (they are unknown), so they are
never found in text; the floors below say so.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from careerkit import Criterion, assess_text

DATA = Path(__file__).parent / "data" / "smart_goals.json"
AS_OF = date(2026, 11, 26)
WRITTEN = "written for this test set"


def _entries(*, cited_only: bool = False) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))
    return [e for e in entries if not (cited_only and WRITTEN in str(e["source"]))]


def _missing(entry: dict[str, Any]) -> set[str]:
    as_of = date.fromisoformat(str(entry["as_of"])) if "as_of" in entry else AS_OF
    return {criterion.value for criterion in assess_text(str(entry["text"]), as_of=as_of).missing}


def agreement(entries: list[dict[str, Any]]) -> float:
    """How often ``assess_text`` agrees with the SMART / not-SMART label."""
    agreed = sum((not _missing(entry)) == entry["smart"] for entry in entries)
    return agreed / len(entries)


def per_criterion(entries: list[dict[str, Any]]) -> dict[str, tuple[float, float, int]]:
    """Precision, recall and how many times named, per criterion, over the entries that
    name their missing criteria (precision counts only the criteria authors named, so
    a criterion that is missing but unnamed counts against it)."""
    scores = {}
    named_entries = [(entry, _missing(entry)) for entry in entries if entry["missing"]]
    for criterion in Criterion:
        named = [criterion.value in entry["missing"] for entry, _ in named_entries]
        found = [criterion.value in missing for _, missing in named_entries]
        both = sum(a and b for a, b in zip(named, found, strict=True))
        precision = both / sum(found) if any(found) else float("nan")
        recall = both / sum(named) if any(named) else float("nan")
        scores[criterion.value] = (precision, recall, sum(named))
    return scores


def recall_of_named(entries: list[dict[str, Any]]) -> float:
    """The share of all criteria authors named that ``assess_text`` finds."""
    pairs = [(entry, _missing(entry)) for entry in entries if entry["missing"]]
    named = [(c, missing) for entry, missing in pairs for c in entry["missing"]]
    return sum(c in missing for c, missing in named) / len(named)


def test_the_criteria_authors_name_are_found() -> None:
    """At least 75% of the criteria authors name as missing are judged unmet, and
    nearly every Specific, Measurable and Time-bound one."""
    entries = _entries()
    scores = per_criterion(entries)

    assert sum(1 for entry in entries if entry["missing"]) >= 50
    assert recall_of_named(entries) >= 0.75
    for criterion in ("specific", "measurable", "time_bound"):
        assert scores[criterion][1] >= 0.9, criterion
        assert scores[criterion][0] >= 0.6, criterion


def test_naming_criteria_keeps_the_overall_agreement() -> None:
    """The SMART / not-SMART agreement stays at least 90%, on the cited goals and on all."""
    assert agreement(_entries(cited_only=True)) >= 0.9
    assert agreement(_entries()) >= 0.9


def test_achievable_and_relevant_are_not_guessed_from_text() -> None:
    """Text alone never makes Achievable or Relevant unmet."""
    scores = per_criterion(_entries())

    assert scores["achievable"][1] == 0
    assert scores["relevant"][1] == 0
