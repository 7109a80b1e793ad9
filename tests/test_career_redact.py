"""Redaction: a plan to share, with names, notes and personal free text as pseudonyms.

The fields each mode replaces are written out below, by their JSON paths, as the
privacy page lists them; the tests hold :func:`redact` to that list, not to its
own tables. Plans come from ``tests/strategies.py`` with career parts added
here: skills, roles, assets, contacts with names, notes and interactions,
options, applications.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, get_args, get_origin

import attrs
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import careerkit
from careerkit import (
    Plan,
    ValidationError,
)
from careerkit.career.redact import (
    KINDS,
    REPLACED,
    REPLACED_WITH_TITLES,
    pseudonym,
    redact,
)
from careerkit.planning.review import ReviewPolicy
from tests.career_strategies import career_plans
from tests.strategies import deterministic

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

Path_ = tuple[str, ...]

PERSONAL: dict[Path_, str] = {
    ("owner",): "owner",
    ("metadata", "*"): "metadata",
    ("contacts", "*", "name"): "contact",
    ("contacts", "*", "notes"): "note",
    ("contacts", "*", "interactions", "*", "note"): "note",
    ("applications", "*", "employer"): "employer",
    ("applications", "*", "notes"): "note",
    ("tasks", "*", "notes"): "note",
    ("goals", "*", "measurements", "*", "note"): "note",
    ("check_ins", "*", "notes"): "note",
    ("options", "*", "explorations", "*", "note"): "note",
    ("assets", "*", "notes"): "note",
    ("profile", "skills", "*", "evidence"): "evidence",
    ("goals", "*", "description"): "description",
    ("roles", "*", "description"): "description",
    ("options", "*", "description"): "description",
}
"""The JSON paths of the texts always replaced, with the kind of each ("*": any item or key)."""

TITLES: dict[Path_, str] = {
    **PERSONAL,
    ("vision",): "vision",
    **{(part, "*", "title"): "title" for part in ("goals", "tasks", "roles", "assets")},
    **{(part, "*", "title"): "title" for part in ("options", "applications")},
    ("options", "*", "explorations", "*", "title"): "title",
    **{("profile", part, "*"): "term" for part in ("strengths", "weaknesses", "interests")},
    ("profile", "values", "*"): "term",
    ("goals", "*", "relevant_to", "*"): "term",
    ("profile", "skills", "*", "name"): "term",
    ("goals", "*", "builds", "*", "skill"): "term",
    ("tasks", "*", "builds", "*", "skill"): "term",
    ("roles", "*", "skills", "*", "skill"): "term",
    ("options", "*", "ratings", "*", "criterion"): "term",
    ("option_weights", "*", "criterion"): "term",
    ("goals", "*", "metric", "name"): "metric",
    ("goals", "*", "metric", "unit"): "unit",
}
"""The JSON paths of the texts replaced with ``titles=True``."""

KEY = "a secret only the plan's owner keeps"
OTHER_KEY = b"\x00another secret"
REVIEW_POLICY = ReviewPolicy(runs=20)

# ---------------------------------------------------------------------------
# Reading documents by path
# ---------------------------------------------------------------------------


def _leaves(document: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every leaf of a JSON document with its path (list indexes and object keys)."""
    if isinstance(document, dict):
        for name, value in document.items():
            yield from _leaves(value, (*path, name))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from _leaves(value, (*path, index))
    else:
        yield path, document


def _kind_at(path: tuple[Any, ...], table: dict[Path_, str]) -> str | None:
    """The kind of pseudonym the table gives the leaf at ``path``, or None if it is kept."""
    for pattern, kind in table.items():
        if len(pattern) == len(path) and all(
            part == "*" or part == actual for part, actual in zip(pattern, path, strict=True)
        ):
            return kind
    return None


def _shape(document: Any) -> Any:
    """The document with every leaf replaced by its type: keys, list lengths and types."""
    if isinstance(document, dict):
        return {name: _shape(value) for name, value in document.items()}
    if isinstance(document, list):
        return [_shape(value) for value in document]
    return type(document).__name__


def _blanked(document: Any, table: dict[Path_, str], path: tuple[Any, ...] = ()) -> Any:
    """The document with the texts the table replaces emptied."""
    if isinstance(document, dict):
        return {name: _blanked(value, table, (*path, name)) for name, value in document.items()}
    if isinstance(document, list):
        return [_blanked(value, table, (*path, index)) for index, value in enumerate(document)]
    return "" if _kind_at(path, table) else document


def _check_redacted(original: Plan, redacted: Plan, table: dict[Path_, str]) -> None:
    """The redacted plan is the original with the table's texts, and only those, pseudonyms."""
    before, after = careerkit.to_dict(original), careerkit.to_dict(redacted)
    assert _shape(before) == _shape(after)
    mapping: dict[tuple[str, str], str] = {}
    for (path, old), (same_path, new) in zip(_leaves(before), _leaves(after), strict=True):
        assert path == same_path
        kind = _kind_at(path, table)
        if kind is None:
            assert old == new, path
        elif old == "":
            assert new == "", path
        else:
            assert re.fullmatch(rf"{kind}-[0-9a-f]{{12}}", new), (path, new)
            assert mapping.setdefault((kind, old), new) == new, path  # one text, one pseudonym
    for kind in {kind for kind, _ in mapping}:
        made = [new for (of, _), new in mapping.items() if of == kind]
        assert len(set(made)) == len(made)  # distinct texts, distinct pseudonyms


def _outcome(function: Callable[[Plan], Any], plan: Plan) -> tuple[str, Any]:
    """The result of ``function(plan)``, or the path of the ValidationError it raises."""
    try:
        return "result", function(plan)
    except ValidationError as error:
        return "error", error.path


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

FAST = settings(deterministic, max_examples=40)
# No shrinking for the slow ones: a review reruns every part, so shrinking takes minutes.
SLOW = settings(deterministic, max_examples=25, phases=[Phase.explicit, Phase.generate])


@FAST
@given(plan=career_plans(), titles=st.booleans())
def test_redaction_is_deterministic(plan: Plan, titles: bool) -> None:
    """The same plan and key give the same redacted plan, with a str key or its UTF-8 bytes."""
    first = redact(plan, key=KEY, titles=titles)

    assert first == redact(plan, key=KEY, titles=titles)
    assert first == redact(plan, key=KEY.encode(), titles=titles)


@FAST
@given(plan=career_plans())
def test_redaction_replaces_the_personal_texts_and_keeps_everything_else(plan: Plan) -> None:
    """Ids, dates, numbers, enums, RRULEs, titles and every count stay; the personal
    texts become pseudonyms of their kind, one per distinct text, empty ones stay empty;
    the result reads back equal."""
    redacted = redact(plan, key=KEY)

    _check_redacted(plan, redacted, PERSONAL)
    assert careerkit.loads(careerkit.dumps(redacted)) == redacted


@FAST
@given(plan=career_plans())
def test_redaction_with_titles_replaces_every_text_and_keeps_the_references(plan: Plan) -> None:
    """With ``titles=True`` titles, the vision, profile phrases, skill names and metric
    names go too; the plan still validates (every skill, criterion and relevance link
    finds what it names) and reads back equal."""
    redacted = redact(plan, key=KEY, titles=True)

    _check_redacted(plan, redacted, TITLES)
    assert careerkit.loads(careerkit.dumps(redacted)) == redacted


def _encoded(text: str) -> str:
    """How ``careerkit.dumps`` writes a text inside a JSON string."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


@FAST
@given(plan=career_plans(), titles=st.booleans())
def test_no_personal_text_is_left_in_the_document(plan: Plan, titles: bool) -> None:
    """No replaced text of 4 characters or more appears anywhere in the redacted plan's
    JSON, unless a kept text holds it too (or a pseudonym happens to spell it)."""
    table = TITLES if titles else PERSONAL
    written = careerkit.dumps(redact(plan, key=KEY, titles=titles))
    document = careerkit.to_dict(plan)
    kept = json.dumps(_blanked(document, table), ensure_ascii=False, indent=2)
    pseudonyms = " ".join(re.findall(r"[a-z]+-[0-9a-f]{12}", written))
    personal = {
        text
        for path, text in _leaves(document)
        if _kind_at(path, table) and isinstance(text, str) and len(text.strip()) >= 4
    }

    leaked = [
        text
        for text in personal
        if _encoded(text) in written and _encoded(text) not in kept and text not in pseudonyms
    ]
    assert [] == leaked


@FAST
@given(plan=career_plans(), titles=st.booleans())
def test_different_keys_give_different_pseudonyms(plan: Plan, titles: bool) -> None:
    """Under another key every replaced text gets another pseudonym."""
    table = TITLES if titles else PERSONAL
    one = careerkit.to_dict(redact(plan, key=KEY, titles=titles))
    other = careerkit.to_dict(redact(plan, key=OTHER_KEY, titles=titles))

    pairs = [
        (first, second)
        for (path, first), (_, second) in zip(_leaves(one), _leaves(other), strict=True)
        if _kind_at(path, table) and first != ""
    ]
    assert [] == [pair for pair in pairs if pair[0] == pair[1]]


def _schedule_document(plan: Plan) -> Any:
    return careerkit.to_dict(careerkit.schedule(plan))


@SLOW
@given(plan=career_plans(), titles=st.booleans())
def test_a_redacted_plan_schedules_the_same(plan: Plan, titles: bool) -> None:
    """The schedule of the redacted plan is the original's: every task's and goal's
    dates, floats, the critical path, the load (or the same refusal)."""
    redacted = redact(plan, key=KEY, titles=titles)

    assert _outcome(_schedule_document, plan) == _outcome(_schedule_document, redacted)


def _alert_subjects(alerts: tuple[Any, ...]) -> list[tuple[str, str]]:
    return [(alert.kind.value, alert.subject) for alert in alerts]


def _looked_at(as_of: date) -> Callable[[Plan], Any]:
    """What slippage detection and the review find as of a day, text left out."""

    def look(plan: Plan) -> Any:
        found = careerkit.review(plan, as_of=as_of, policy=REVIEW_POLICY)
        return {
            "slippage": _alert_subjects(careerkit.detect_slippage(plan, as_of=as_of)),
            "alerts": _alert_subjects(found.alerts),
            "next_actions": [action.task for action in found.next_actions],
            "corrections": [correction.code.value for correction in found.corrections],
            "findings": [careerkit.to_dict(assessment) for assessment in found.findings],
        }

    return look


@SLOW
@given(plan=career_plans(), days=st.integers(min_value=0, max_value=400))
def test_a_redacted_plan_is_reviewed_the_same(plan: Plan, days: int) -> None:
    """Slippage detection and the review raise the same alert kinds on the same
    subjects, in the same order, suggest the same next actions and corrections, and
    give the same SMART findings, as the original."""
    as_of = min(plan.start + timedelta(days=days), date(2099, 12, 31))
    look = _looked_at(as_of)

    assert _outcome(look, plan) == _outcome(look, redact(plan, key=KEY))


# ---------------------------------------------------------------------------
# The fields, the key, the arguments
# ---------------------------------------------------------------------------

KEPT = {
    "Plan": {"id", "review_cadence"},
    "Goal": {"id", "parent", "depends_on", "backup_for"},
    "Task": {"id", "goal", "depends_on", "recurrence"},
    "Dependency": {"task"},
    "Role": {"id"},
    "Asset": {"id", "roles"},
    "Contact": {"id", "goals", "cadence_rule"},
    "CareerOption": {"id", "role"},
    "Exploration": {"task"},
    "Application": {"id", "role", "resume", "referred_by"},
}
"""The text fields no mode replaces: ids, references and RRULEs."""


def _text_fields(kind: type, seen: set[type]) -> Iterator[tuple[str, str]]:
    """(class, field) of every field holding text in ``kind`` and the values it holds."""
    if kind in seen:
        return
    seen.add(kind)
    for field in attrs.fields(attrs.resolve_types(kind)):
        if not field.init:
            continue
        kinds = {field.type, *get_args(field.type)}
        for inner in list(kinds):
            kinds.update(get_args(inner))
        if str in kinds or (get_origin(field.type) is not None and str in get_args(field.type)):
            yield kind.__name__, field.name
        for inner in kinds:
            if isinstance(inner, type) and attrs.has(inner):
                yield from _text_fields(inner, seen)


def test_every_text_field_of_a_plan_is_replaced_or_kept_on_purpose() -> None:
    """Each text field of a plan and of the values in it is replaced by one mode or is an
    id, a reference or an RRULE: a new text field fails here until it is placed."""
    replaced = {
        (kind.__name__, name)
        for table in (REPLACED, REPLACED_WITH_TITLES)
        for kind, names in table.items()
        for name in names
    }
    kept = {(kind, name) for kind, names in KEPT.items() for name in names}

    found = set(_text_fields(Plan, set()))

    assert sorted(found - replaced - kept) == []
    assert sorted((replaced | kept) - found) == []
    assert replaced.isdisjoint(kept)


def _expected(kind: str, text: str, key: bytes) -> str:
    digest = hmac.new(key, kind.encode() + b"\x00" + text.encode(), hashlib.sha256).hexdigest()
    return f"{kind}-{digest[:12]}"


def test_a_pseudonym_is_the_documented_keyed_digest() -> None:
    """``kind-`` and the first 12 hex digits of HMAC-SHA256(key, kind NUL text)."""
    assert _expected("contact", "Ruth", KEY.encode()) == pseudonym("Ruth", key=KEY, kind="contact")
    assert _expected("note", "Ruth", OTHER_KEY) == pseudonym("Ruth", key=OTHER_KEY, kind="note")
    assert "" == pseudonym("", key=KEY, kind="owner")
    assert len({pseudonym("Ruth", key=KEY, kind=kind) for kind in KINDS}) == len(KINDS)


@pytest.mark.parametrize(
    ("arguments", "path", "problem"),
    [
        ({"key": ""}, "key", "must not be empty"),
        ({"key": b""}, "key", "must not be empty"),
        ({"key": None}, "key", "expected a str or bytes secret, got null"),
        ({"key": 42}, "key", "expected a str or bytes secret, got an integer"),
        ({"key": bytearray(b"k")}, "key", "expected a str or bytes secret, got bytearray"),
        ({"key": "k", "titles": 1}, "titles", "expected a bool, got int"),
    ],
)
def test_bad_arguments_are_named(arguments: dict[str, Any], path: str, problem: str) -> None:
    """A bad key or flag raises a ValidationError naming the argument."""
    plan = careerkit.loads((DATA / "plan-v4.json").read_text(encoding="utf-8"))

    with pytest.raises(ValidationError) as raised:
        redact(plan, **arguments)

    assert (path, problem) == (raised.value.path, raised.value.problem)


def test_the_plan_and_pseudonym_arguments_are_checked() -> None:
    """Not a plan, not a text, an unknown kind: each is named."""
    with pytest.raises(ValidationError) as not_a_plan:
        redact({"id": "p"}, key=KEY)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as not_a_text:
        pseudonym(7, key=KEY, kind="note")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as unknown_kind:
        pseudonym("Ruth", key=KEY, kind="name")
    with pytest.raises(ValidationError) as no_key:
        pseudonym("Ruth", key="", kind="note")

    assert "plan" == not_a_plan.value.path
    assert "text" == not_a_text.value.path
    assert "kind" == unknown_kind.value.path
    assert "key" == no_key.value.path


# ---------------------------------------------------------------------------
# Worked examples
# ---------------------------------------------------------------------------


def _sample() -> Plan:
    return careerkit.loads((DATA / "plan-v4.json").read_text(encoding="utf-8"))


def test_the_sample_document_redacted() -> None:
    """Lena's plan: her name, Ruth's, Acme, the coach in the metadata and every note
    become pseudonyms; the titles, the vision and the profile stay."""
    plan = _sample()
    secret = KEY.encode()

    shared = redact(plan, key=KEY)

    assert _expected("owner", "Lena Novak", secret) == shared.owner
    assert _expected("contact", "Ruth", secret) == shared.contacts[0].name
    assert "" == shared.contacts[1].name
    assert _expected("note", "Talked about the launch", secret) == (
        shared.contacts[0].interactions[0].note
    )
    assert _expected("employer", "Acme", secret) == shared.applications[0].employer
    assert {
        "coach": _expected("metadata", "Sam Reyes", secret),
        "source": _expected("metadata", "hand-written schema version 3 document", secret),
    } == dict(shared.metadata)
    assert _expected("evidence", "two launches", secret) == shared.profile.skills[0].evidence
    assert _expected("note", "Module 5 is the hardest", secret) == shared.task("study").notes
    assert _expected("note", "Good pace; book the exam early", secret) == shared.check_ins[0].notes
    assert _expected("description", "Eight modules and a final exam", secret) == (
        shared.goal("pmm-cert").description
    )
    assert plan.vision == shared.vision
    assert plan.profile.strengths == shared.profile.strengths
    assert [goal.title for goal in plan.goals] == [goal.title for goal in shared.goals]
    written = careerkit.dumps(shared)
    for text in (
        "Lena",
        "Novak",
        "Ruth",
        "Acme",
        "Sam Reyes",
        "Talked about",
        "Module 5",
        "exam early",
    ):
        assert text not in written


def test_the_sample_document_redacted_with_titles() -> None:
    """With titles, a phrase keeps one pseudonym everywhere it is named: the weakness
    and skill ``negotiation`` in the profile, the role and the goal's relevance; the
    value ``autonomy`` in the profile, the ratings and the relevance."""
    plan = _sample()

    shared = redact(plan, key=KEY, titles=True)

    negotiation = pseudonym("negotiation", key=KEY, kind="term")
    autonomy = pseudonym("autonomy", key=KEY, kind="term")
    assert (negotiation,) == shared.profile.weaknesses
    assert negotiation == shared.profile.skills[1].name
    assert negotiation == shared.roles[0].skills[1].skill
    assert (negotiation,) == shared.goal("network").relevant_to
    assert autonomy in shared.profile.values
    assert [autonomy, autonomy] == [option.ratings[0].criterion for option in shared.options]
    assert (autonomy,) == shared.goal("head-pmm").relevant_to
    assert pseudonym(plan.vision, key=KEY, kind="vision") == shared.vision
    assert pseudonym("Sit the exam", key=KEY, kind="title") == shared.task("exam").title
    written = careerkit.dumps(shared)
    for text in ("negotiation", "autonomy", "Head of product", "Sit the exam", "modules passed"):
        assert text not in written


def test_the_example_plan_is_reviewed_the_same_when_redacted() -> None:
    """As of 2026-11-26 the example plan's slipping diploma raises the same alerts, on
    the same subjects, in the redacted plan, and the review finds the same."""
    plan = careerkit.loads((EXAMPLES / "marketing_director.json").read_text(encoding="utf-8"))
    look = _looked_at(date(2026, 11, 26))

    seen = look(plan)

    assert seen == look(redact(plan, key=KEY))
    assert "digital-marketing-diploma" in {subject for _, subject in seen["slippage"]}
    assert _schedule_document(plan) == _schedule_document(redact(plan, key=KEY, titles=True))
