"""Tests for careerkit.history: revisions, time travel, baselines, reverts, storage and merges."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import os
import pickle
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerkit import (
    HISTORY_FORMAT,
    CareerkitError,
    Change,
    CheckIn,
    Conflict,
    Goal,
    History,
    HistoryError,
    LogEntry,
    Measurement,
    Metric,
    Operation,
    Plan,
    Profile,
    Revision,
    RevisionKind,
    Task,
    TimelinePoint,
    ValidationError,
    apply,
    diff,
    merge,
    to_dict,
)
from careerkit.history.changes import value_at

from .strategies import deterministic, edit_sequences, edited_plans, plans

CET = timezone(timedelta(hours=1))
T0 = datetime(2026, 1, 5, 9, tzinfo=UTC)


def later(days: float) -> datetime:
    """A moment ``days`` after ``T0``."""
    return T0 + timedelta(days=days)


PLAN = Plan(
    id="ana-2026",
    owner="Ana",
    start=date(2026, 1, 5),
    profile=Profile(values=("growth",)),
    goals=[
        Goal(
            id="cert",
            title="Earn the certification",
            deadline=date(2026, 6, 30),
            metric=Metric(name="score", unit="%", baseline=0, target=80),
        ),
        Goal(id="network", title="Grow the network"),
    ],
    tasks=[
        Task(id="enrol", goal="cert", title="Enrol in the course", duration=1),
        Task(id="study", goal="cert", title="Study", duration=10, depends_on=("enrol",)),
        Task(id="meetup", goal="network", title="Go to a meetup", duration=1),
    ],
)
"""The first plan of the example history."""

PLAN_1 = PLAN.update_goal("cert", deadline=date(2026, 9, 30))
PLAN_2 = PLAN_1.start_task("enrol", on=date(2026, 1, 12)).add_check_in(
    CheckIn(on=date(2026, 2, 2), satisfaction=4, notes='Said "going well", José ✓')
)
PLAN_3 = PLAN_2.update_goal(
    "cert", metric=Metric(name="score", unit="%", baseline=0, target=90)
).update_task("meetup", title="Go to two meetups")
PLAN_4 = PLAN_3.add_task(
    Task(id="exam", goal="cert", title="Sit the exam", duration=0, depends_on=("study",))
)
PLANS = (PLAN, PLAN_1, PLAN_2, PLAN_3, PLAN_4)


def example_history() -> History:
    """Five revisions of ``PLAN`` by two authors, in two timezones."""
    history = History.start(PLAN, at=T0, author="Ana", reason="First plan")
    history = history.commit(
        PLAN_1,
        at=later(20).astimezone(CET),
        author="Coach José",
        reason="The exam moved to September",
        kind=RevisionKind.COURSE_CORRECTION,
    )
    history = history.commit(PLAN_2, at=later(28), author="Ana", reason="Enrolled; check-in")
    history = history.commit(
        PLAN_3,
        at=later(28),
        author="Coach José",
        reason="Aim higher",
        kind=RevisionKind.COURSE_CORRECTION,
    )
    return history.commit(PLAN_4, at=later(40), author="Ana", reason="Book the exam")


HISTORY = example_history()


def build(sequence: Sequence[Plan], gaps: Sequence[int]) -> History:
    """A history committing ``sequence``, each plan ``gaps[i]`` minutes after the one before."""
    history = History.start(sequence[0], at=T0, author="Ana", reason="First plan")
    moment = T0
    for number, (plan, gap) in enumerate(zip(sequence[1:], gaps, strict=False), start=1):
        moment += timedelta(minutes=gap)
        history = history.commit(
            plan,
            at=moment.astimezone(CET if number % 2 else UTC),
            author=f"Author {number}",
            reason=f"Reason {number}",
            kind=list(RevisionKind)[number % len(RevisionKind)],
            allow_empty=True,
        )
    return history


GAPS = st.lists(st.integers(min_value=0, max_value=60 * 24 * 30), min_size=5, max_size=5)
"""Minutes between revisions: 0 (the same moment) to a month."""


def reseal(data: dict[str, Any]) -> dict[str, Any]:
    """Recompute the digests of a stored history, as an author who forges it would.

    Each digest is the SHA-256 of the previous digest followed by the
    revision's content (number, time, author, reason, kind and body: the
    snapshot for the first revision, the changes after) as compact JSON with
    sorted keys. The head is the SHA-256 of the last digest followed by the
    baselines, ``{"baselines": {...}}``, the same way.
    """

    def chained(previous: str, content: dict[str, Any]) -> str:
        text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256((previous + text).encode("utf-8")).hexdigest()

    previous = ""
    for index, revision in enumerate(data["revisions"]):
        content = {key: revision[key] for key in ("number", "at", "author", "reason", "kind")}
        content["body"] = data["snapshot"] if index == 0 else revision["changes"]
        revision["digest"] = previous = chained(previous, content)
    data["head"] = chained(previous, {"baselines": data["baselines"]})
    return data


# -- properties ---------------------------------------------------------------


@settings(deterministic, max_examples=25)
@given(edit_sequences(max_size=5), GAPS, st.booleans())
def test_history_round_trips_through_json(
    sequence: tuple[Plan, ...], gaps: list[int], marked: bool
) -> None:
    """A stored history reads back equal: revisions, plans, changes, digests and baselines."""
    history = build(sequence, gaps)
    if marked:
        history = history.mark_baseline("approved", 0).mark_baseline("latest")

    assert history == History.loads(history.dumps())
    assert history == History.loads(history.dumps(indent=2).encode("utf-8"))
    assert history == History.from_dict(json.loads(json.dumps(history.to_dict())))


@settings(deterministic, max_examples=25)
@given(edit_sequences(max_size=5), GAPS)
def test_revisions_hold_the_committed_plans(sequence: tuple[Plan, ...], gaps: list[int]) -> None:
    """Revision n holds exactly the plan committed as n, and the changes from n - 1."""
    history = build(sequence, gaps)
    loaded = History.loads(history.dumps())

    assert len(sequence) == len(history)
    for number, plan in enumerate(sequence):
        assert plan is history[number].plan
        assert plan == loaded[number].plan
        assert number == history[number].number
    assert sequence[-1] is history.plan
    assert () == history[0].changes
    for number in range(1, len(sequence)):
        assert diff(sequence[number - 1], sequence[number]) == history[number].changes


@settings(deterministic, max_examples=25)
@given(edit_sequences(max_size=5), GAPS)
def test_plan_at_is_the_latest_revision_not_after(
    sequence: tuple[Plan, ...], gaps: list[int]
) -> None:
    """At any moment, the plan is that of the latest revision committed at or before it."""
    history = build(sequence, gaps)
    loaded = History.loads(history.dumps())
    second = timedelta(seconds=1)
    for revision in history:
        for moment in (revision.at - second, revision.at, revision.at + second):
            if moment < history[0].at:
                continue
            expected = [r.plan for r in history if r.at <= moment][-1]
            assert expected is history.plan_at(moment)
            assert expected == loaded.plan_at(moment.astimezone(CET))


@settings(deterministic, max_examples=30)
@given(
    plans(min_goals=1).flatmap(
        lambda base: st.tuples(
            st.just(base),
            edited_plans(base, kinds=("goals",)),
            edited_plans(base, kinds=("tasks", "check_ins", "plan")),
        )
    )
)
def test_merge_of_separate_edits_applies_both(triple: tuple[Plan, Plan, Plan]) -> None:
    """Edits of goals on one side and of tasks, check-ins or plan fields on the other combine."""
    base, ours, theirs = triple
    expected = apply(ours, diff(base, theirs))

    forward, backward = merge(base, ours, theirs), merge(base, theirs, ours)

    assert () == forward.conflicts
    assert forward.merged
    assert expected == forward.plan
    assert expected == backward.plan


@settings(deterministic, max_examples=30)
@given(plans(min_goals=1).flatmap(lambda base: st.tuples(st.just(base), edited_plans(base))))
def test_merge_of_identical_edits(pair: tuple[Plan, Plan]) -> None:
    """The same edit made on both sides counts once; an edit on one side is taken as is."""
    base, edited = pair

    both = merge(base, edited, edited)

    assert (edited, ()) == (both.plan, both.conflicts)
    assert edited == merge(base, edited, base).plan
    assert edited == merge(base, base, edited).plan


@settings(deterministic, max_examples=40)
@given(edit_sequences(min_size=2, max_size=3), GAPS, st.data())
def test_tampering_raises_only_careerkit_errors(
    sequence: tuple[Plan, ...], gaps: list[int], data: st.DataObject
) -> None:
    """Changing one character of a stored history raises a CareerkitError or changes nothing.

    A HistoryError names the first revision whose stored content changed, or
    the end of the history when only the head digest did.
    """
    history = build(sequence, gaps)
    text = history.dumps()
    position = data.draw(st.integers(min_value=0, max_value=len(text) - 1), label="position")
    character = data.draw(st.characters(codec="utf-8"), label="character")
    tampered = text[:position] + character + text[position + 1 :]
    error: CareerkitError | None = None
    try:
        loaded = History.loads(tampered)
    except CareerkitError as caught:
        error = caught
    if error is None:
        assert history == loaded
    elif isinstance(error, HistoryError):
        assert str(error).startswith(_expected_start(text, tampered)), str(error)


def _expected_start(original: str, tampered: str) -> str:
    """How the error for a tampered history begins: the first changed revision, or, when
    only the stored head digest changed, the end of the history."""
    number = _first_changed_revision(original, tampered)
    return "the history does not end" if number is None else f"revision {number} "


def _first_changed_revision(original: str, tampered: str) -> int | None:
    """The number of the first revision whose stored content differs, if any does."""
    before, after = json.loads(original), json.loads(tampered)
    if before["snapshot"] != after.get("snapshot"):
        return 0
    revisions = after.get("revisions", [])
    for number, revision in enumerate(before["revisions"]):
        if number >= len(revisions) or revision != revisions[number]:
            return number
    return None


# -- commit ---------------------------------------------------------------------


def test_start() -> None:
    """The first revision is revision 0, of kind initial, with no changes."""
    history = History.start(PLAN, at=T0, author="Ana", reason="First plan")
    first = history[0]

    assert 1 == len(history)
    assert (0, T0, "Ana", "First plan", RevisionKind.INITIAL, (), PLAN) == (
        first.number,
        first.at,
        first.author,
        first.reason,
        first.kind,
        first.changes,
        first.plan,
    )
    assert PLAN is history.plan
    assert 64 == len(first.digest)


def test_commit_appends_a_revision() -> None:
    """A commit returns a new history with the plan, its changes and a chained digest."""
    first = History.start(PLAN, at=T0, author="Ana", reason="First plan")
    second = first.commit(PLAN_1, at=later(1), author="Coach José", reason="Exam moved")

    assert 1 == len(first)
    assert 2 == len(second)
    assert first[0] is second[0]
    assert RevisionKind.PROGRESS_UPDATE == second[1].kind
    assert (
        Change(
            operation=Operation.CHANGE,
            path="goals[cert].deadline",
            before="2026-06-30",
            after="2026-09-30",
        ),
    ) == second[1].changes
    assert PLAN_1 is second.plan
    assert second[0].digest != second[1].digest


def test_commit_at_the_same_moment() -> None:
    """A revision may have the same time as the one before, even in another timezone."""
    history = History.start(PLAN, at=T0, author="Ana", reason="First plan")

    history = history.commit(PLAN_1, at=T0.astimezone(CET), author="Ana", reason="Fix")

    assert [0, 1] == [revision.number for revision in history]


def test_commit_earlier_than_the_latest_revision() -> None:
    """A revision cannot be older than the latest one."""
    history = History.start(PLAN, at=T0, author="Ana", reason="First plan")

    with pytest.raises(HistoryError) as info:
        history.commit(PLAN_1, at=T0 - timedelta(seconds=1), author="Ana", reason="Fix")

    assert (
        "revision 1 at 2026-01-05T08:59:59+00:00 is older than revision 0 at "
        "2026-01-05T09:00:00+00:00"
    ) == str(info.value)


def test_commit_without_changes() -> None:
    """Committing the same plan again is an error, unless empty revisions are allowed."""
    history = History.start(PLAN, at=T0, author="Ana", reason="First plan")
    rebuilt = attrs.evolve(PLAN, goals=tuple(attrs.evolve(goal) for goal in PLAN.goals))

    with pytest.raises(HistoryError) as info:
        history.commit(rebuilt, at=later(1), author="Ana", reason="Nothing")
    empty = history.commit(rebuilt, at=later(1), author="Ana", reason="Review", allow_empty=True)

    assert "nothing changed since revision 0" == str(info.value)
    assert () == empty[1].changes
    assert 2 == len(empty)


@pytest.mark.parametrize(
    "moment",
    [datetime(2026, 1, 5, 9), date(2026, 1, 5), "2026-01-05T09:00:00+00:00"],
    ids=["naive", "date", "text"],
)
def test_times_must_be_timezone_aware(moment: Any) -> None:
    """Starting, committing and looking up at a time without a timezone is a ValidationError."""
    history = History.start(PLAN, at=T0, author="Ana", reason="First plan")

    for call, path in [
        (lambda: History.start(PLAN, at=moment, author="Ana", reason="First"), "at"),
        (lambda: history.commit(PLAN_1, at=moment, author="Ana", reason="Fix"), "at"),
        (lambda: history.plan_at(moment), "moment"),
    ]:
        with pytest.raises(ValidationError) as info:
            call()
        assert path == info.value.path
        assert info.value.problem.startswith("expected a timezone-aware datetime")


@pytest.mark.parametrize("blank", ["", "   ", None])
@pytest.mark.parametrize("field", ["author", "reason"])
def test_author_and_reason_are_required(field: str, blank: Any) -> None:
    """A blank author or reason is a ValidationError naming the field."""
    history = History.start(PLAN, at=T0, author="Ana", reason="First plan")
    given_values = {"author": "Ana", "reason": "Fix", field: blank}

    with pytest.raises(ValidationError) as info:
        history.commit(PLAN_1, at=later(1), **given_values)
    with pytest.raises(ValidationError) as first:
        History.start(PLAN, at=T0, **given_values)

    expected = (
        "must be a non-empty string" if blank is not None else "expected a string, got NoneType"
    )
    assert (field, expected) == (info.value.path, info.value.problem)
    assert field == first.value.path


# -- reading ----------------------------------------------------------------------


def test_revisions_by_number() -> None:
    """``history[n]`` is revision n; other numbers are a HistoryError."""
    assert [0, 1, 2, 3, 4] == [revision.number for revision in HISTORY]
    assert list(PLANS) == [HISTORY[number].plan for number in range(len(HISTORY))]
    for number in (5, -1):
        with pytest.raises(HistoryError) as info:
            HISTORY[number]
        assert f"no revision {number}: there are 5" == str(info.value)


def test_plan_at() -> None:
    """The plan at a moment is the latest revision at or before it."""
    assert PLAN is HISTORY.plan_at(T0)
    assert PLAN is HISTORY.plan_at(later(20) - timedelta(microseconds=1))
    assert PLAN_1 is HISTORY.plan_at(later(20))
    assert PLAN_3 is HISTORY.plan_at(later(28))
    assert PLAN_3 is HISTORY.plan_at(later(39).astimezone(CET))
    assert PLAN_4 is HISTORY.plan_at(later(4000))


def test_plan_before_the_first_revision() -> None:
    """There is no plan before the first revision."""
    with pytest.raises(HistoryError) as info:
        HISTORY.plan_at(T0 - timedelta(seconds=1))

    assert "no revision at or before 2026-01-05T08:59:59+00:00" == str(info.value)


def test_log_of_one_task() -> None:
    """The log of a task lists only the changes about it, with who made them and why."""
    assert (
        LogEntry(
            number=2,
            at=later(28),
            author="Ana",
            reason="Enrolled; check-in",
            change=Change(
                operation=Operation.CHANGE,
                path="tasks[enrol].status",
                before="todo",
                after="in_progress",
            ),
        ),
        LogEntry(
            number=2,
            at=later(28),
            author="Ana",
            reason="Enrolled; check-in",
            change=Change(
                operation=Operation.ADD, path="tasks[enrol].started_on", after="2026-01-12"
            ),
        ),
    ) == HISTORY.log("enrol")


def test_log_of_one_goal() -> None:
    """The log of a goal lists its changes across revisions and authors."""
    entries = HISTORY.log("cert")

    assert [
        (1, "Coach José", "The exam moved to September", "goals[cert].deadline"),
        (3, "Coach José", "Aim higher", "goals[cert].metric"),
    ] == [(entry.number, entry.author, entry.reason, entry.change.path) for entry in entries]
    assert all(entry.change.subject == "cert" for entry in entries)


def test_log_of_everything() -> None:
    """Without a subject, the log lists every change, oldest first."""
    assert [
        "goals[cert].deadline",
        "tasks[enrol].status",
        "tasks[enrol].started_on",
        "check_ins[0]",
        "goals[cert].metric",
        "tasks[meetup].title",
        "tasks[exam]",
    ] == [entry.change.path for entry in HISTORY.log()]
    assert () == HISTORY.log("nobody")


def test_timeline_shows_deadline_and_target_moves() -> None:
    """A goal's timeline has its first revision, then each move of deadline or target."""
    assert (
        TimelinePoint(number=0, at=T0, deadline=date(2026, 6, 30), target=80),
        TimelinePoint(number=1, at=later(20), deadline=date(2026, 9, 30), target=80),
        TimelinePoint(number=3, at=later(28), deadline=date(2026, 9, 30), target=90),
    ) == HISTORY.timeline("cert")


def test_timeline_of_a_goal_added_later() -> None:
    """A goal's timeline starts with the revision that added it; no goal, no points."""
    added = PLAN_4.add_goal(Goal(id="speak", title="Speak at a conference"))
    history = HISTORY.commit(added, at=later(50), author="Ana", reason="New goal")
    moved = added.update_goal("speak", deadline=date(2026, 11, 1))
    history = history.commit(moved, at=later(51), author="Ana", reason="Date set")

    assert (
        TimelinePoint(number=5, at=later(50), deadline=None, target=None),
        TimelinePoint(number=6, at=later(51), deadline=date(2026, 11, 1), target=None),
    ) == history.timeline("speak")
    assert (TimelinePoint(number=0, at=T0, deadline=None, target=None),) == history.timeline(
        "network"
    )
    assert () == history.timeline("nobody")


# -- baselines and reverts --------------------------------------------------------


def test_baselines() -> None:
    """A baseline names a revision, the latest by default, without adding one."""
    history = HISTORY.mark_baseline("approved", 1).mark_baseline("now")

    assert HISTORY[1] == history.baseline("approved")
    assert HISTORY[4] == history.baseline("now")
    assert {"approved": 1, "now": 4} == dict(history.baselines)
    assert HISTORY.revisions == history.revisions
    assert {} == dict(HISTORY.baselines)


def test_baseline_moves_when_marked_again() -> None:
    """Marking a name again moves it."""
    history = HISTORY.mark_baseline("approved", 1).mark_baseline("approved", 3)

    assert 3 == history.baseline("approved").number


def test_unknown_baseline() -> None:
    """An unknown baseline name is a HistoryError."""
    with pytest.raises(HistoryError) as info:
        HISTORY.mark_baseline("approved", 1).baseline("signed")

    assert "no baseline named 'signed'" == str(info.value)


def test_baseline_of_an_unknown_revision() -> None:
    """A baseline must mark an existing revision and have a name."""
    with pytest.raises(HistoryError) as info:
        HISTORY.mark_baseline("approved", 9)
    with pytest.raises(ValidationError) as blank:
        HISTORY.mark_baseline(" ")

    assert "no revision 9: there are 5" == str(info.value)
    assert "name" == blank.value.path


def test_revert_appends_a_revision() -> None:
    """A revert is a new revision with an old plan; earlier revisions stay as they were."""
    reverted = HISTORY.revert(1, at=later(45), author="Coach José", reason="Back to plan A")

    assert 6 == len(reverted)
    assert HISTORY.revisions == reverted.revisions[:5]
    assert PLAN_1 == reverted.plan
    assert RevisionKind.REVERT == reverted[5].kind
    assert ("Coach José", "Back to plan A") == (reverted[5].author, reverted[5].reason)
    assert diff(PLAN_4, PLAN_1) == reverted[5].changes
    assert reverted == History.loads(reverted.dumps())


def test_revert_to_the_latest_revision() -> None:
    """Reverting to the plan already in place changes nothing, which is an error."""
    with pytest.raises(HistoryError) as info:
        HISTORY.revert(4, at=later(45), author="Ana", reason="Undo nothing")

    assert "nothing changed since revision 4" == str(info.value)


# -- storage ------------------------------------------------------------------------


def test_stored_form() -> None:
    """A stored history holds one snapshot of the first plan, then each revision's changes."""
    stored = HISTORY.mark_baseline("approved", 1).to_dict()

    assert HISTORY_FORMAT == stored["format"]
    assert to_dict(PLAN) == stored["snapshot"]
    assert {"approved": 1} == stored["baselines"]
    assert {
        "number": 1,
        "at": "2026-01-25T10:00:00+01:00",
        "author": "Coach José",
        "reason": "The exam moved to September",
        "kind": "course_correction",
        "changes": [
            {
                "operation": "change",
                "path": "goals[cert].deadline",
                "before": "2026-06-30",
                "after": "2026-09-30",
            }
        ],
        "digest": HISTORY[1].digest,
    } == stored["revisions"][1]
    assert [0, 1, 3, 2, 1] == [len(revision["changes"]) for revision in stored["revisions"]]


def test_digests_are_chained_sha256() -> None:
    """Each digest is the SHA-256 of the previous digest and the revision's content."""
    stored = HISTORY.to_dict()

    assert stored == reseal(json.loads(json.dumps(stored)))


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("not json", ""),
        ("[]", ""),
        ('{"format": 3, "revisions": []}', "format"),
        ('{"format": true, "revisions": []}', "format"),
        ('{"format": 2, "revisions": []}', "revisions"),
        ('{"format": 1, "revisions": []}', "revisions"),
        ('{"format": 2, "revisions": [], "notes": "x"}', "notes"),
        ('{"format": 1, "snapshot": {}, "revisions": [1]}', "revisions[0]"),
    ],
)
def test_loads_rejects_malformed_text(text: str, path: str) -> None:
    """Text that is not a stored history is a ValidationError."""
    with pytest.raises(ValidationError) as info:
        History.loads(text.replace('"snapshot": {}', f'"snapshot": {json.dumps(to_dict(PLAN))}'))

    assert path == info.value.path


def test_loads_rejects_bytes_that_are_not_utf8() -> None:
    """Bytes that are not UTF-8 are a ValidationError, like any other bad input."""
    with pytest.raises(ValidationError):
        History.loads(HISTORY.dumps().encode("utf-8")[:-3] + b"\xff}}")


def test_loads_rejects_text_above_the_size_limit() -> None:
    """Text longer than ``max_size`` bytes of UTF-8 is refused before it is parsed."""
    text = HISTORY.dumps()
    size = len(text.encode("utf-8"))

    with pytest.raises(ValidationError) as info:
        History.loads(text, max_size=size - 1)

    expected = f"the document is {size} bytes, above the limit of {size - 1} (max_size)"
    assert expected == info.value.problem


def test_loads_uses_the_strict_reader_of_plans() -> None:
    """Duplicate keys and ``NaN`` are refused in a history as in a plan."""
    for text in ('{"format": 2, "format": 2}', '{"format": NaN}'):
        with pytest.raises(ValidationError) as info:
            History.loads(text)

        assert info.value.problem.startswith("not valid JSON")


def test_changed_baselines_are_detected() -> None:
    """The head digest covers the baselines: moving, adding or removing one is detected."""
    marked = HISTORY.mark_baseline("approved", 1)
    for baselines in ({"approved": 0}, {"approved": 1, "new": 2}, {}):
        stored = marked.to_dict()
        stored["baselines"] = baselines
        with pytest.raises(HistoryError, match="the baselines were changed"):
            History.from_dict(stored)


def test_version_1_histories_still_read() -> None:
    """Version 1 ended at the last revision's digest, baselines uncovered."""
    marked = HISTORY.mark_baseline("approved", 1)
    stored = marked.to_dict()
    stored["format"] = 1
    stored["head"] = stored["revisions"][-1]["digest"]

    assert marked == History.from_dict(stored)
    assert 2 == marked.to_dict()["format"]


@pytest.mark.parametrize(
    ("where", "path"),
    [
        ((), "notes"),
        (("revisions", 1), "revisions[1].notes"),
        (("revisions", 2, "changes", 0), "revisions[2].changes[0].notes"),
    ],
)
def test_unknown_stored_fields_are_refused(where: tuple[Any, ...], path: str) -> None:
    """Nothing in a stored history is dropped unread."""
    stored = HISTORY.to_dict()
    target = stored
    for step in where:
        target = target[step]
    target["notes"] = "kept?"

    with pytest.raises(ValidationError) as info:
        History.from_dict(stored)

    assert (path, "unknown field") == (info.value.path, info.value.problem)


def test_a_misspelled_stored_field_is_named_with_the_field_it_was_meant_to_be() -> None:
    """A stored history's unknown field close to a known one says which."""
    stored = HISTORY.to_dict()
    stored["revisions"][1]["reasn"] = stored["revisions"][1].pop("reason")

    with pytest.raises(ValidationError) as info:
        History.from_dict(stored)

    assert ("revisions[1].reasn", "unknown field (did you mean 'reason'?)") == (
        info.value.path,
        info.value.problem,
    )


@pytest.mark.parametrize("baselines", [{"approved": True}, {"approved": 1.0}, {" ": 1}])
def test_baselines_must_be_names_of_revision_numbers(baselines: dict[str, Any]) -> None:
    """Baseline values are revision numbers (not booleans or floats), names are not blank."""
    stored = reseal({**HISTORY.to_dict(), "baselines": baselines})

    with pytest.raises(ValidationError) as info:
        History.from_dict(stored)

    assert "baselines" == info.value.path


def test_loads_rejects_baselines_of_missing_revisions() -> None:
    """Baselines must name existing revisions."""
    stored = HISTORY.to_dict()
    stored["baselines"] = {"approved": 5}

    with pytest.raises(ValidationError) as info:
        History.from_dict(stored)

    assert "baselines" == info.value.path


# -- tampering ------------------------------------------------------------------------

STORED = HISTORY.dumps()

Outcome = tuple[int, str, str, BaseException | None]
"""Where a character was changed, the changed text, the new character and the error raised."""


def _replacements(character: str) -> list[str]:
    """Characters to put in place of ``character``: one of its kind, and a quote."""
    if character.isdigit():
        similar = str((int(character) + 1) % 10)
    elif character.isalpha():
        similar = "b" if character == "a" else "a" if character.islower() else "Z"
    else:
        similar = "x"
    return sorted({similar, '"' if character != '"' else "'"})


def _tamper_everywhere(text: str) -> list[Outcome]:
    """Every single-character change of ``text``: position, new text, character and outcome."""
    outcomes = []
    for position, character in enumerate(text):
        for replacement in _replacements(character):
            tampered = text[:position] + replacement + text[position + 1 :]
            try:
                History.loads(tampered)
            except Exception as error:  # noqa: BLE001 - the test checks which ones escape
                outcomes.append((position, tampered, replacement, error))
            else:
                outcomes.append((position, tampered, replacement, None))
    return outcomes


def _changes_content(original: str, tampered: str) -> bool:
    """Whether ``tampered`` still parses and differs from ``original`` in stored content."""
    try:
        after = json.loads(tampered)
    except ValueError:
        return False
    before = json.loads(original)
    return not isinstance(after, dict) or any(
        before[key] != after.get(key) for key in ("format", "snapshot", "revisions")
    )


@pytest.fixture(scope="module")
def tampered() -> list[Outcome]:
    """The outcome of every one-character change of ``STORED``."""
    return _tamper_everywhere(STORED)


def test_tampering_raises_only_careerkit_errors_naming_the_first_bad_revision(
    tampered: list[Outcome],
) -> None:
    """Any one-character change of a stored history raises a CareerkitError, if any error.

    A HistoryError names the first revision whose content was changed; a
    change that breaks the JSON or a value is a ValidationError.
    """
    escaped = [
        (position, replacement, repr(error))
        for position, _, replacement, error in tampered
        if error is not None and not isinstance(error, CareerkitError)
    ]
    misnamed = [
        (position, replacement, str(error))
        for position, text, replacement, error in tampered
        if isinstance(error, HistoryError)
        and not str(error).startswith(_expected_start(STORED, text))
    ]

    assert [] == escaped
    assert [] == misnamed
    assert len(tampered) == 2 * len(STORED)


def test_tampering_with_stored_content_is_detected(tampered: list[Outcome]) -> None:
    """Every one-character change of a revision's stored content is detected on loading."""
    undetected = [
        (position, replacement, STORED[max(0, position - 25) : position + 5])
        for position, text, replacement, error in tampered
        if error is None and _changes_content(STORED, text)
    ]

    assert [] == undetected


def test_tampering_with_each_part_of_a_revision() -> None:
    """Changes of a snapshot, change value, author, reason, time, kind or digest are caught."""
    stored = HISTORY.to_dict()
    edits = {
        "snapshot": lambda data: data["snapshot"]["goals"][0].update(title="Earn it"),
        "change value": lambda data: data["revisions"][1]["changes"][0].update(after="2026-10-01"),
        "change path": lambda data: data["revisions"][3]["changes"][1].update(
            path="tasks[study].title"
        ),
        "author": lambda data: data["revisions"][2].update(author="Coach"),
        "reason": lambda data: data["revisions"][3].update(reason="Aim lower"),
        "at": lambda data: data["revisions"][4].update(at="2026-02-15T09:00:00+00:00"),
        "kind": lambda data: data["revisions"][2].update(kind="other"),
        "digest": lambda data: data["revisions"][1].update(digest="0" * 64),
    }
    expected = {
        "snapshot": 0,
        "change value": 1,
        "change path": 3,
        "author": 2,
        "reason": 3,
        "at": 4,
        "kind": 2,
        "digest": 1,
    }
    found = {}
    for part, edit in edits.items():
        data = json.loads(json.dumps(stored))
        edit(data)
        with pytest.raises(HistoryError) as info:
            History.from_dict(data)
        found[part] = int(str(info.value).split()[1])

    assert expected == found


@pytest.mark.parametrize("number", range(len(HISTORY)))
def test_removed_revision_is_detected(number: int) -> None:
    """Removing any one revision from a stored history is a HistoryError."""
    stored = HISTORY.to_dict()
    del stored["revisions"][number]

    with pytest.raises(HistoryError):
        History.from_dict(stored)


def test_swapped_revisions_are_detected() -> None:
    """Revisions stored out of order are a HistoryError naming the first misplaced one."""
    stored = HISTORY.to_dict()
    revisions = stored["revisions"]
    revisions[2], revisions[3] = revisions[3], revisions[2]

    with pytest.raises(HistoryError) as info:
        History.from_dict(stored)

    assert "revision 2 is missing: found 3 in its place" == str(info.value)


# -- forged histories: digests that verify, content that does not ----------------------


def test_forged_change_naming_nothing() -> None:
    """A resealed history whose change names nothing is a ValidationError."""
    stored = HISTORY.to_dict()
    stored["revisions"][1]["changes"][0]["path"] = "goals[nobody].deadline"

    with pytest.raises(ValidationError) as info:
        History.from_dict(reseal(stored))

    assert "revisions[1].changes[0].path" == info.value.path


def test_forged_malformed_change() -> None:
    """A resealed history with a change of the wrong shape is a ValidationError."""
    stored = HISTORY.to_dict()
    stored["revisions"][1]["changes"] = [{"operation": "add", "path": "goals[new]", "after": None}]

    with pytest.raises(ValidationError):
        History.from_dict(reseal(stored))


def test_forged_naive_time() -> None:
    """A resealed history with a time without a timezone is a ValidationError."""
    stored = HISTORY.to_dict()
    stored["revisions"][2]["at"] = "2026-02-02T09:00:00"

    with pytest.raises(ValidationError):
        History.from_dict(reseal(stored))


def test_forged_time_going_back() -> None:
    """A resealed history whose revisions go back in time is a HistoryError, as in commit."""
    stored = HISTORY.to_dict()
    stored["revisions"][2]["at"] = "2026-01-01T09:00:00+00:00"

    with pytest.raises(HistoryError):
        History.from_dict(reseal(stored))


# -- merge --------------------------------------------------------------------------


def test_merge_combines_edits_of_different_places() -> None:
    """A goal edit and a new check-in combine."""
    ours = PLAN.update_goal("cert", deadline=date(2026, 9, 30))
    theirs = PLAN.add_check_in(CheckIn(on=date(2026, 2, 1), satisfaction=4))

    result = merge(PLAN, ours, theirs)

    assert result.merged
    assert ours.add_check_in(CheckIn(on=date(2026, 2, 1), satisfaction=4)) == result.plan


def test_merge_conflict_on_the_same_field() -> None:
    """The same field changed differently on both sides is a conflict naming both."""
    ours = PLAN.update_goal("cert", deadline=date(2026, 9, 30))
    theirs = PLAN.update_goal("cert", deadline=date(2026, 12, 31))

    result = merge(PLAN, ours, theirs)

    assert (PLAN, False) == (result.plan, result.merged)
    ours_change = Change(
        operation=Operation.CHANGE,
        path="goals[cert].deadline",
        before="2026-06-30",
        after="2026-09-30",
    )
    theirs_change = Change(
        operation=Operation.CHANGE,
        path="goals[cert].deadline",
        before="2026-06-30",
        after="2026-12-31",
    )
    assert (
        Conflict(
            path="goals[cert].deadline",
            ours=ours_change,
            theirs=theirs_change,
            base="2026-06-30",
            ours_value="2026-09-30",
            theirs_value="2026-12-31",
            ours_changes=(ours_change,),
            theirs_changes=(theirs_change,),
        ),
    ) == result.conflicts
    assert (
        "goals[cert].deadline: ours '2026-06-30' -> '2026-09-30'; theirs '2026-06-30' -> "
        "'2026-12-31'"
    ) == str(result.conflicts[0])


def test_merge_conflict_with_a_removed_task() -> None:
    """A field changed on one side of a task the other side removed is a conflict."""
    ours = PLAN.update_task("meetup", title="Go to two meetups")
    theirs = PLAN.remove_task("meetup")
    change = Change(
        operation=Operation.CHANGE,
        path="tasks[meetup].title",
        before="Go to a meetup",
        after="Go to two meetups",
    )

    first, second = merge(PLAN, ours, theirs).conflicts, merge(PLAN, theirs, ours).conflicts

    assert [("tasks[meetup].title", change, None)] == [
        (conflict.path, conflict.ours, conflict.theirs) for conflict in first
    ]
    assert [("tasks[meetup].title", None, change)] == [
        (conflict.path, conflict.ours, conflict.theirs) for conflict in second
    ]
    assert ("Go to a meetup", "Go to two meetups", None) == (
        first[0].base,
        first[0].ours_value,
        first[0].theirs_value,
    )


def test_merge_conflict_with_a_removed_goal() -> None:
    """A field changed on one side of a goal the other side removed is a conflict."""
    ours = PLAN.update_goal("network", description="Meet people in the field")
    theirs = PLAN.remove_task("meetup").remove_goal("network")

    result = merge(PLAN, ours, theirs)

    assert ["goals[network].description"] == [conflict.path for conflict in result.conflicts]
    assert result.conflicts[0].theirs is None


def test_merge_conflict_reordering_and_adding() -> None:
    """Reordering goals on one side while the other adds one is a conflict on ``goals``."""
    ours = attrs.evolve(PLAN, goals=PLAN.goals[::-1])
    theirs = PLAN.add_goal(Goal(id="speak", title="Speak at a conference"))
    order = Change(
        operation=Operation.CHANGE,
        path="goals",
        before=["cert", "network"],
        after=["network", "cert"],
    )

    first, second = merge(PLAN, ours, theirs).conflicts, merge(PLAN, theirs, ours).conflicts

    assert [("goals", order, None)] == [(c.path, c.ours, c.theirs) for c in first]
    assert [("goals", None, order)] == [(c.path, c.ours, c.theirs) for c in second]
    assert (["cert", "network"], ["network", "cert"], ["cert", "network", "speak"]) == (
        first[0].base,
        first[0].ours_value,
        first[0].theirs_value,
    )


def test_merge_conflict_reordering_differently() -> None:
    """Two different orders of the tasks conflict; the same order does not."""
    first = attrs.evolve(PLAN, tasks=(PLAN.tasks[2], PLAN.tasks[0], PLAN.tasks[1]))
    second = attrs.evolve(PLAN, tasks=(PLAN.tasks[0], PLAN.tasks[2], PLAN.tasks[1]))

    assert ["tasks"] == [conflict.path for conflict in merge(PLAN, first, second).conflicts]
    assert first == merge(PLAN, first, first).plan


def test_merge_of_check_ins_added_on_both_sides() -> None:
    """Check-ins added on both sides are all kept, ours first; one added on both, once."""
    mine, yours, shared = (
        CheckIn(on=date(2026, 2, 1), satisfaction=4),
        CheckIn(on=date(2026, 2, 2), satisfaction=2),
        CheckIn(on=date(2026, 2, 3), satisfaction=3),
    )
    ours = PLAN.add_check_in(mine).add_check_in(shared)
    theirs = PLAN.add_check_in(shared).add_check_in(yours)

    result = merge(PLAN, ours, theirs)

    assert result.merged
    assert (mine, shared, yours) == result.plan.check_ins


def test_merge_that_makes_an_invalid_plan() -> None:
    """Edits that combine into an invalid plan are a ValidationError."""
    ours = PLAN.remove_task("meetup")
    theirs = PLAN.add_task(
        Task(id="follow-up", goal="network", title="Follow up", depends_on=("meetup",))
    )

    with pytest.raises(ValidationError) as info:
        merge(PLAN, ours, theirs)

    assert "unknown task 'meetup'" in str(info.value)


def test_merge_with_a_task_inserted_before_others() -> None:
    """A task inserted (not appended) on one side merges like any addition."""
    inserted = attrs.evolve(PLAN, tasks=(Task(id="read", goal="cert", title="Read"), *PLAN.tasks))
    theirs = PLAN.update_goal("network", title="Meet people")

    assert inserted == merge(PLAN, inserted, PLAN).plan
    assert (
        inserted.update_goal("network", title="Meet people") == merge(PLAN, inserted, theirs).plan
    )


def test_merge_removing_and_adding_check_ins() -> None:
    """Removing the last check-in on one side and adding one on the other does not crash.

    Check-ins are addressed by position, so both sides changed the same list:
    the merge either reports a conflict or keeps the first check-in and the
    new one.
    """
    base = PLAN.add_check_in(CheckIn(on=date(2026, 2, 1), satisfaction=3)).add_check_in(
        CheckIn(on=date(2026, 3, 1), satisfaction=3)
    )
    ours = attrs.evolve(base, check_ins=base.check_ins[:1])
    theirs = base.add_check_in(CheckIn(on=date(2026, 4, 1), satisfaction=5))

    result = merge(base, ours, theirs)

    assert ["check_ins"] == [conflict.path for conflict in result.conflicts]
    assert base == result.plan
    assert ours == result.resolve("check_ins", take="ours").plan
    assert theirs == result.resolve("check_ins", take="theirs").plan


@pytest.mark.parametrize("goal_id", ["a.b", "v1.2:x"])
def test_merge_with_ids_containing_dots(goal_id: str) -> None:
    """Ids may contain dots; conflicts inside a removed goal are still found."""
    base = PLAN.add_goal(Goal(id=goal_id, title="Dotted"))
    ours = base.update_goal(goal_id, deadline=date(2026, 9, 30))
    theirs = base.remove_goal(goal_id)

    result = merge(base, ours, theirs)

    assert [f"goals[{goal_id}].deadline"] == [conflict.path for conflict in result.conflicts]


def test_merge_reordering_against_adding_an_id_with_a_dot() -> None:
    """Reordering goals against adding one whose id has a dot is a conflict too."""
    ours = attrs.evolve(PLAN, goals=PLAN.goals[::-1])
    theirs = PLAN.add_goal(Goal(id="a.b", title="Dotted"))

    assert ["goals"] == [conflict.path for conflict in merge(PLAN, ours, theirs).conflicts]


# -- reading back: linear work, plans rebuilt when asked for ---------------------------


def _long_history(revisions: int) -> History:
    """``HISTORY`` followed by ``revisions`` commits, each changing one task's hours."""
    history = HISTORY
    for step in range(1, revisions + 1):
        history = history.commit(
            history.plan.update_task("study", hours_spent=float(step)),
            at=later(40 + step),
            author="Ana",
            reason=f"Week {step}",
        )
    return history


def test_loading_builds_the_first_and_latest_plans_only() -> None:
    """Reading a stored history builds two whole plans, however many revisions it has.

    The plans in between are rebuilt from the changes when asked for, and
    equal the plans committed.
    """
    history = _long_history(30)
    text = history.dumps()
    built = mock.patch.object(
        Plan, "__attrs_post_init__", autospec=True, wraps=Plan.__attrs_post_init__
    )

    with built as counted:
        loaded = History.loads(text)

    assert 2 == counted.call_count
    assert [revision.plan for revision in history] == [revision.plan for revision in loaded]


def test_plans_of_a_loaded_history_in_any_order() -> None:
    """Revisions of a loaded history give their committed plans in any order, again and again."""
    history = _long_history(20)
    loaded = History.loads(history.dumps())
    order = [17, 3, 3, 24, 0, 12, 11, 24, 5, 18, 1, 2, 23, 9, 14, 7, 13, 20, 4, 6, 8, 10, 15]

    assert [history[number].plan for number in order] == [loaded[number].plan for number in order]
    assert history.plan is history[len(history) - 1].plan
    assert loaded.plan is loaded[len(loaded) - 1].plan
    assert history.timeline("cert") == loaded.timeline("cert")
    assert history.log("study") == loaded.log("study")
    assert history == loaded


def test_plans_of_a_loaded_history_newest_first() -> None:
    """Walking a loaded history backwards gives every committed plan too."""
    history = _long_history(40)
    loaded = History.loads(history.dumps())

    assert [revision.plan for revision in reversed(history.revisions)] == [
        revision.plan for revision in reversed(loaded.revisions)
    ]


def test_forged_invalid_middle_plan_is_found_when_asked_for() -> None:
    """A resealed history whose middle revision is not a valid plan, but whose latest is.

    Loading checks every change and value on its own and the latest plan as
    a whole; the middle plan fails its own check when it is asked for.
    """
    history = HISTORY.commit(
        PLAN_4.add_task(Task(id="prepare", goal="cert", title="Prepare")),
        at=later(41),
        author="Ana",
        reason="Prepare",
    ).commit(PLAN_4, at=later(42), author="Ana", reason="Not needed")
    stored = history.to_dict()
    added = stored["revisions"][5]["changes"][0]
    added["after"] = {**added["after"], "depends_on": ["nothing"]}
    stored["revisions"][6]["changes"][0]["before"] = added["after"]

    loaded = History.from_dict(reseal(stored))

    assert PLAN_4 == loaded.plan
    with pytest.raises(ValidationError) as info:
        _ = loaded[5].plan
    assert "unknown task 'nothing'" in str(info.value)


def test_first_revision_holds_no_changes() -> None:
    """The first revision's changes are not covered by its digest: a stored one is refused."""
    stored = HISTORY.to_dict()
    stored["revisions"][0]["changes"] = stored["revisions"][1]["changes"]

    with pytest.raises(ValidationError) as info:
        History.from_dict(reseal(stored))

    assert "revisions[0].changes" == info.value.path


def test_snapshot_in_its_canonical_form_still_verifies() -> None:
    """A snapshot stored with a default written out verifies by the plan read from it."""
    stored = HISTORY.to_dict()
    stored["snapshot"]["vision"] = ""

    assert HISTORY == History.from_dict(stored)


# -- values travel: pickling and copying ------------------------------------------------


def _plans_pickle() -> bool:
    try:
        pickle.dumps(PLAN)
    except (TypeError, pickle.PicklingError):
        return False
    return True


needs_plans_that_pickle = pytest.mark.skipif(
    not _plans_pickle(), reason="plans do not pickle yet: their metadata is a read-only view"
)

CHANGE = Change(
    operation=Operation.CHANGE,
    path="goals[cert].deadline",
    before="2026-06-30",
    after="2026-09-30",
)
VALUES_WITHOUT_PLANS = [
    CHANGE,
    Change(
        operation=Operation.ADD, path="tasks[exam]", after={"id": "exam", "depends_on": ["study"]}
    ),
    LogEntry(number=1, at=later(1).astimezone(CET), author="Ana", reason="Moved", change=CHANGE),
    TimelinePoint(number=1, at=later(1), deadline=date(2026, 9, 30), target=80.0),
    Conflict(path="goals[cert].deadline", ours=CHANGE, theirs=None),
]


@pytest.mark.parametrize("value", VALUES_WITHOUT_PLANS, ids=lambda value: type(value).__name__)
def test_values_pickle_and_deep_copy(value: object) -> None:
    """Changes, log entries, timeline points, conflicts and merge results travel intact."""
    assert value == pickle.loads(pickle.dumps(value))
    assert value == copy.deepcopy(value)


def test_history_copies_through_its_constructor() -> None:
    """A copy of a history is an equal history with the same read-only baselines."""
    marked = HISTORY.mark_baseline("approved", 1)

    copied = copy.copy(marked)

    assert marked == copied
    assert {"approved": 1} == dict(copied.baselines)
    with pytest.raises(TypeError):
        copied.baselines["approved"] = 2  # type: ignore[index]


@needs_plans_that_pickle
@pytest.mark.parametrize("loaded", [False, True], ids=["committed", "loaded"])
def test_histories_pickle_and_deep_copy(loaded: bool) -> None:
    """Histories, committed or read back (plans rebuilt when asked for), travel intact."""
    history = _long_history(5).mark_baseline("approved", 2)
    if loaded:
        history = History.loads(history.dumps())

    result = merge(PLAN, PLAN_1, PLAN.update_goal("cert", deadline=date(2026, 12, 31)))
    for value in (history, history[3], history[0], result):
        assert value == pickle.loads(pickle.dumps(value))
        assert value == copy.deepcopy(value)
    assert isinstance(history[3], Revision)


# -- keyed digests ----------------------------------------------------------------------

KEY = b"a secret of the product"


def test_keyed_history_round_trips_with_its_key() -> None:
    """A history written with a key reads back with it, saying it is keyed."""
    marked = HISTORY.mark_baseline("approved", 1)
    text = marked.dumps(key=KEY)

    loaded = History.loads(text, key=KEY)

    assert marked == loaded
    assert "keyed" == loaded.integrity
    assert json.loads(text)["keyed"] is True
    assert [revision.digest for revision in HISTORY] == [revision.digest for revision in loaded]
    assert marked.to_dict() == loaded.to_dict()
    assert marked.to_dict(key=KEY) == History.from_dict(marked.to_dict(key=KEY), key=KEY).to_dict(
        key=KEY
    )


def test_keyed_digests_are_hmac_sha256() -> None:
    """Each keyed digest is the HMAC-SHA256 of the unkeyed chain's text under the key."""
    stored = HISTORY.to_dict(key=KEY)
    content = {key: stored["revisions"][0][key] for key in ("number", "at", "author", "reason")}
    content |= {"kind": "initial", "body": stored["snapshot"]}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    expected = hmac.new(KEY, text.encode("utf-8"), hashlib.sha256).hexdigest()
    assert expected == stored["revisions"][0]["digest"]


def test_keyed_history_read_without_its_key_is_refused() -> None:
    """Without the key, or with another one, a keyed history is refused."""
    text = HISTORY.dumps(key=KEY)

    with pytest.raises(HistoryError, match="written with a key"):
        History.loads(text)
    with pytest.raises(HistoryError, match=r"revision 0 does not verify: .* or the key is wrong"):
        History.loads(text, key=b"another key")


def test_reader_with_a_key_refuses_an_unkeyed_history() -> None:
    """A forger who drops the key and recomputes SHA-256 digests is refused by a keyed reader."""
    stored = HISTORY.to_dict(key=KEY)
    del stored["keyed"]
    stored["revisions"][1]["author"] = "Mallory"

    with pytest.raises(HistoryError, match="written without a key"):
        History.from_dict(reseal(stored), key=KEY)
    assert "chained" == History.from_dict(reseal(stored)).integrity


def test_deliberate_edit_of_a_keyed_history_is_detected() -> None:
    """Recomputing the unkeyed digests of a keyed history does not make it verify."""
    stored = HISTORY.to_dict(key=KEY)
    stored["revisions"][1]["author"] = "Mallory"

    with pytest.raises(HistoryError, match="revision 0 does not verify"):
        History.from_dict(reseal(stored), key=KEY)


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("secret", "expected non-empty bytes, got str"),
        (b"", "expected non-empty bytes, got empty bytes"),
        (bytearray(b"k"), "expected non-empty bytes, got bytearray"),
    ],
)
def test_key_must_be_non_empty_bytes(key: Any, problem: str) -> None:
    """A key that is not non-empty bytes is a ValidationError naming ``key``."""
    text = HISTORY.dumps(key=KEY)
    for call in (
        lambda: HISTORY.dumps(key=key),
        lambda: HISTORY.to_dict(key=key),
        lambda: History.loads(text, key=key),
        lambda: History.from_dict(json.loads(text), key=key),
    ):
        with pytest.raises(ValidationError) as info:
            call()
        assert ("key", problem) == (info.value.path, info.value.problem)


@pytest.mark.parametrize("keyed", [False, 1, "yes"])
def test_keyed_field_is_true_or_absent(keyed: Any) -> None:
    """The stored ``keyed`` field is ``true`` or left out."""
    stored = HISTORY.to_dict()
    stored["keyed"] = keyed

    with pytest.raises(ValidationError) as info:
        History.from_dict(stored)

    assert "keyed" == info.value.path


# -- what a stored history guarantees ----------------------------------------------------


def test_integrity_says_what_reading_verified() -> None:
    """A made history verified nothing; a read one says which guarantee it has."""
    assert HISTORY.integrity is None
    assert "chained" == History.loads(HISTORY.dumps()).integrity
    assert "keyed" == History.loads(HISTORY.dumps(key=KEY), key=KEY).integrity


def test_format_1_is_read_with_its_weaker_guarantee() -> None:
    """A downgrade to format 1 reads only with the guarantee format 1 gives, and never keyed.

    Format 1's head is the last digest, which anyone can copy: a history cut
    short reads, and says that lost revisions would not have been noticed.
    """
    stored = HISTORY.to_dict()
    stored["format"] = 1
    stored["revisions"] = stored["revisions"][:2]
    stored["head"] = stored["revisions"][-1]["digest"]

    loaded = History.from_dict(stored)

    assert (2, "revisions") == (len(loaded), loaded.integrity)
    keyed = HISTORY.to_dict(key=KEY)
    keyed["format"] = 1
    with pytest.raises(ValidationError) as info:
        History.from_dict(keyed, key=KEY)
    assert "keyed" == info.value.path


@needs_plans_that_pickle
def test_integrity_survives_pickling() -> None:
    """The guarantee a history was read with travels with it."""
    loaded = History.loads(HISTORY.dumps(key=KEY), key=KEY)

    assert "keyed" == pickle.loads(pickle.dumps(loaded)).integrity
    assert "keyed" == copy.deepcopy(loaded).integrity
    assert "keyed" == copy.copy(loaded).integrity


# -- the reader applies every rule of the writer ------------------------------------------


def test_loads_refuses_duplicate_keys_inside_a_revision() -> None:
    """Two authors in one revision are refused, as duplicate keys are in a plan."""
    text = HISTORY.dumps().replace('"author": "Ana"', '"author": "Mallory", "author": "Ana"', 1)

    with pytest.raises(ValidationError) as info:
        History.loads(text)

    assert info.value.problem.startswith("not valid JSON")


@pytest.mark.parametrize(
    ("where", "value", "path"),
    [
        ((1, "author"), None, "revisions[1].author"),
        ((1, "author"), {"name": "Ana"}, "revisions[1].author"),
        ((1, "reason"), " ", "revisions[1].reason"),
        ((1, "reason"), 1, "revisions[1].reason"),
        ((1, "number"), True, "revisions[1].number"),
        ((1, "number"), 1.0, "revisions[1].number"),
        ((3, "kind"), "initial", "revisions[3].kind"),
        ((0, "kind"), "other", "revisions[0].kind"),
        ((3, "kind"), "nonsense", "revisions[3].kind"),
        ((1, "at"), "2026-01-25 10:00:00+01:00", "revisions[1].at"),
        ((1, "at"), "2026-01-25T10:00+01:00", "revisions[1].at"),
        ((1, "at"), "2026-01-25T10:00:00.000000+01:00", "revisions[1].at"),
        ((1, "at"), "2026-01-25T09:00:00Z", "revisions[1].at"),
        ((1, "at"), 20260125, "revisions[1].at"),
        ((1, "digest"), None, "revisions[1].digest"),
        ((1, "changes"), {}, "revisions[1].changes"),
    ],
)
def test_reader_refuses_what_the_writer_refuses(
    where: tuple[int, str], value: Any, path: str
) -> None:
    """With digests recomputed, a revision the writer could not have made is refused."""
    stored = HISTORY.to_dict()
    stored["revisions"][where[0]][where[1]] = value

    with pytest.raises(ValidationError) as info:
        History.from_dict(reseal(stored) if where[1] != "digest" else stored)

    assert path == info.value.path


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (
            {"operation": "add", "path": "tasks[new]", "before": None, "after": {}},
            "revisions[1].changes[0].before",
        ),
        (
            {"operation": "change", "path": "vision", "before": None},
            "revisions[1].changes[0].after",
        ),
        ({"operation": "remove", "path": "vision", "after": "x"}, "revisions[1].changes[0].before"),
        ({"operation": None, "path": "vision", "after": "x"}, "revisions[1].changes[0].operation"),
        (
            {"operation": ["add"], "path": "vision", "after": "x"},
            "revisions[1].changes[0].operation",
        ),
        ({"operation": "add", "path": 3, "after": "x"}, "revisions[1].changes[0].path"),
        ("add vision", "revisions[1].changes[0]"),
    ],
)
def test_reader_refuses_changes_the_writer_does_not_write(change: Any, path: str) -> None:
    """An addition with a ``before``, a change without an ``after``: refused, not rewritten."""
    stored = HISTORY.to_dict()
    stored["revisions"][1]["changes"] = [change]

    with pytest.raises(ValidationError) as info:
        History.from_dict(reseal(stored))

    assert path == info.value.path


@pytest.mark.parametrize(
    ("where", "path"),
    [
        ("missing", "snapshot"),
        ("blank title", "snapshot.goals[0].title"),
        ("bad path", "revisions[2].changes[0].path"),
    ],
)
def test_reading_errors_keep_their_whole_path(where: str, path: str) -> None:
    """Problems in the snapshot and in the changes are reported under their place."""
    stored = HISTORY.to_dict()
    if where == "missing":
        del stored["snapshot"]
    elif where == "blank title":
        stored["snapshot"]["goals"][0]["title"] = " "
    else:
        stored["revisions"][2]["changes"][0]["path"] = "goals[nobody]!"

    with pytest.raises(ValidationError) as info:
        History.from_dict(reseal(stored) if "snapshot" in stored else stored)

    assert path == info.value.path


def test_every_accepted_history_reads_back_the_same() -> None:
    """What the reader accepts, the writer writes back as it was read."""
    text = HISTORY.mark_baseline("approved", 2).dumps()

    assert json.loads(text) == History.loads(text).to_dict()


# -- text that cannot be stored as UTF-8 -------------------------------------------------


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (("revisions", 1, "reason"), "revisions[1].reason"),
        (("revisions", 1, "changes", 0, "after"), "revisions[1].changes[0].after"),
    ],
)
def test_loads_refuses_lone_surrogates_with_their_path(where: tuple[Any, ...], path: str) -> None:
    """A lone surrogate, written as a JSON escape, is refused with its path."""
    stored = HISTORY.to_dict()
    target = stored
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = "bad \udc80 text"
    text = json.dumps(stored)  # refused before any digest is computed

    with pytest.raises(ValidationError) as info:
        History.loads(text)

    assert (path, "text that cannot be stored as UTF-8 (a lone surrogate)") == (
        info.value.path,
        info.value.problem,
    )


@pytest.mark.parametrize("field", ["author", "reason"])
def test_start_and_commit_refuse_lone_surrogates(field: str) -> None:
    """An author or reason with a lone surrogate is a ValidationError, never a UnicodeEncodeError."""
    given_values = {"author": "Ana", "reason": "Fix", field: "Ana \ud800"}

    with pytest.raises(ValidationError) as first:
        History.start(PLAN, at=T0, **given_values)
    with pytest.raises(ValidationError) as info:
        HISTORY.commit(PLAN, at=later(50), allow_empty=True, **given_values)

    assert field == first.value.path == info.value.path


def test_start_and_commit_never_raise_unicode_errors_for_a_plan() -> None:
    """Text in a plan that cannot be stored is a ValidationError under ``plan``."""
    try:
        plan = attrs.evolve(PLAN, vision="Lead \ud800")
    except ValidationError:
        return  # the plan itself refuses such text
    with pytest.raises(ValidationError) as first:
        History.start(plan, at=T0, author="Ana", reason="First")
    with pytest.raises(ValidationError) as info:
        HISTORY.commit(plan, at=later(50), author="Ana", reason="Fix")

    assert ("plan.vision", "plan.vision") == (first.value.path, info.value.path)


@pytest.mark.parametrize("before", [float("nan"), "2026-06-29", None, True])
def test_reader_refuses_a_change_whose_before_is_not_the_value(before: Any) -> None:
    """Any ``before`` but the value a change replaces is refused, NaN included."""
    stored = HISTORY.to_dict()
    stored["revisions"][1]["changes"][0]["before"] = before

    with pytest.raises(ValidationError) as info:
        History.from_dict(reseal(stored))

    assert "revisions[1].changes[0].before" == info.value.path


# -- merges that keep going: every clean change applied, conflicts to resolve -----------


def test_merge_with_a_conflict_applies_every_other_change() -> None:
    """A conflict leaves its place at the base value; every clean change is applied."""
    ours = PLAN.update_goal("cert", deadline=date(2026, 9, 30)).update_task("study", duration=12)
    theirs = PLAN.update_goal("cert", deadline=date(2026, 12, 31)).update_goal(
        "network", title="Meet people"
    )

    result = merge(PLAN, ours, theirs)

    assert ["goals[cert].deadline"] == [conflict.path for conflict in result.conflicts]
    assert (
        PLAN.update_task("study", duration=12).update_goal("network", title="Meet people")
        == result.plan
    )
    conflict = result.conflicts[0]
    assert ("2026-06-30", "2026-09-30", "2026-12-31") == (
        conflict.base,
        conflict.ours_value,
        conflict.theirs_value,
    )


@pytest.mark.parametrize(
    ("take", "deadline"),
    [
        ("ours", date(2026, 9, 30)),
        ("theirs", date(2026, 12, 31)),
        ("2026-10-31", date(2026, 10, 31)),
        (None, None),
    ],
)
def test_resolve_takes_a_side_or_a_value(take: Any, deadline: date | None) -> None:
    """Resolving a conflict gives a new result with the chosen value and one conflict fewer."""
    ours = PLAN.update_goal("cert", deadline=date(2026, 9, 30)).update_task("study", duration=12)
    theirs = PLAN.update_goal("cert", deadline=date(2026, 12, 31))
    result = merge(PLAN, ours, theirs)

    settled = result.resolve("goals[cert].deadline", take=take)

    assert settled.merged
    assert not result.merged
    assert PLAN.update_task("study", duration=12).update_goal("cert", deadline=deadline) == (
        settled.plan
    )


def test_resolve_inside_a_removed_task_decides_for_the_whole_task() -> None:
    """Keeping a task one side removed applies the other side's edits; removing it settles all."""
    ours = PLAN.update_task("meetup", title="Go to two meetups", duration=2)
    theirs = PLAN.remove_task("meetup")
    result = merge(PLAN, ours, theirs)
    assert ["tasks[meetup].duration", "tasks[meetup].title"] == [
        conflict.path for conflict in result.conflicts
    ]

    kept = result.resolve("tasks[meetup].title", take="ours")
    removed = result.resolve("tasks[meetup].duration", take="theirs")
    renamed = result.resolve("tasks[meetup].title", take="Go to three meetups")

    assert (True, ours) == (kept.merged, kept.plan)
    assert (True, theirs) == (removed.merged, removed.plan)
    assert ours.update_task("meetup", title="Go to three meetups") == renamed.plan


def test_resolve_refuses_what_it_cannot_do() -> None:
    """An unknown path, or a value for an order, is a ValidationError naming the argument."""
    ours = attrs.evolve(PLAN, goals=PLAN.goals[::-1])
    theirs = PLAN.add_goal(Goal(id="speak", title="Speak at a conference"))
    result = merge(PLAN, ours, theirs)

    with pytest.raises(ValidationError) as unknown:
        result.resolve("goals[cert].title", take="ours")
    with pytest.raises(ValidationError) as value:
        result.resolve("goals", take=["cert"])

    assert ("path", "take") == (unknown.value.path, value.value.path)
    assert ours == result.resolve("goals", take="ours").plan
    assert theirs == result.resolve("goals", take="theirs").plan


def test_merge_of_additions_on_both_sides() -> None:
    """New tasks with different ids, measurements and dependencies added on both sides merge."""
    base = PLAN.record_measurement("cert", Measurement(on=date(2026, 2, 2), value=40))
    first, second = (
        Measurement(on=date(2026, 3, 2), value=50),
        Measurement(on=date(2026, 3, 9), value=55),
    )
    ours = (
        base.add_task(Task(id="exam", goal="cert", title="Sit the exam"))
        .record_measurement("cert", first)
        .update_task("meetup", depends_on=("enrol",))
    )
    theirs = (
        base.add_task(Task(id="mock", goal="cert", title="Take a mock exam"))
        .record_measurement("cert", second)
        .update_task("meetup", depends_on=("study",))
    )

    result = merge(base, ours, theirs)

    assert result.merged
    assert ["enrol", "study", "meetup", "exam", "mock"] == [task.id for task in result.plan.tasks]
    assert (base.goal("cert").measurements[0], first, second) == result.plan.goal(
        "cert"
    ).measurements
    assert ("enrol", "study") == result.plan.task("meetup").depends_on


def test_merge_refuses_arguments_that_are_not_plans() -> None:
    """Each argument is named when it is not a plan."""
    with pytest.raises(ValidationError) as info:
        merge(PLAN, PLAN, None)  # type: ignore[arg-type]

    assert "theirs" == info.value.path


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: History.start(to_dict(PLAN), at=T0, author="Ana", reason="First"), "plan"),
        (lambda: HISTORY.commit(None, at=later(50), author="Ana", reason="Fix"), "plan"),
        (
            lambda: HISTORY.commit(PLAN, at=later(50), author="Ana", reason="Fix", kind="other"),
            "kind",
        ),
        (
            lambda: HISTORY.commit(
                PLAN, at=later(50), author="Ana", reason="Fix", kind=RevisionKind.INITIAL
            ),
            "kind",
        ),
        (
            lambda: HISTORY.commit(PLAN, at=later(50), author="Ana", reason="Fix", allow_empty=1),
            "allow_empty",
        ),
        (lambda: HISTORY.commit(PLAN, at=later(50), author=["Ana"], reason="Fix"), "author"),
        (lambda: HISTORY.plan_at("2026-02-01"), "moment"),
        (lambda: HISTORY.log(subject=3), "subject"),
        (lambda: HISTORY.timeline(None), "goal_id"),
        (lambda: HISTORY.mark_baseline(None), "name"),
        (lambda: HISTORY.mark_baseline("approved", "1"), "number"),
        (lambda: HISTORY.baseline(1), "name"),
        (lambda: HISTORY.revert("1", at=later(50), author="Ana", reason="Back"), "number"),
        (lambda: HISTORY.revert(1, at=date(2026, 3, 1), author="Ana", reason="Back"), "at"),
        (lambda: HISTORY.dumps(indent="2"), "indent"),
        (lambda: merge(PLAN, "ours", PLAN), "ours"),
        (lambda: merge(PLAN, PLAN, PLAN).resolve(None, take="ours"), "path"),
    ],
)
def test_history_functions_refuse_arguments_of_the_wrong_type(call: Any, path: str) -> None:
    """A wrong argument is a ValidationError naming it."""
    with pytest.raises(ValidationError) as info:
        call()

    assert path == info.value.path


def test_revision_numbers_are_not_booleans() -> None:
    """``history[True]`` is not revision 1."""
    with pytest.raises(HistoryError):
        HISTORY[True]  # type: ignore[index]


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (("snapshot", "vision"), "snapshot.vision"),
        (("revisions", 2, "changes", 0, "path"), "revisions[2].changes[0].path"),
    ],
)
def test_loads_refuses_lone_surrogates_anywhere(where: tuple[Any, ...], path: str) -> None:
    """Text that cannot be stored is refused in the snapshot and in a change's path too."""
    stored = HISTORY.to_dict()
    target = stored
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = "x\udc80"

    with pytest.raises(ValidationError) as info:
        History.loads(json.dumps(stored))

    assert path == info.value.path


def test_loads_refuses_a_lone_surrogate_in_a_baseline_name() -> None:
    """A baseline's name is text that must be storable too."""
    stored = HISTORY.to_dict()
    stored["baselines"] = {"ok\udc80": 1}

    with pytest.raises(ValidationError) as info:
        History.loads(json.dumps(stored))

    assert "baselines" == info.value.path


@settings(deterministic, max_examples=int(os.environ.get("CAREERKIT_MERGE_EXAMPLES", "60")))
@given(
    plans(min_goals=1).flatmap(
        lambda base: st.tuples(st.just(base), edited_plans(base), edited_plans(base))
    ),
    st.sampled_from(["ours", "theirs"]),
)
def test_merge_of_any_two_edits_resolves_to_a_side(
    triple: tuple[Plan, Plan, Plan], side: str
) -> None:
    """Any two edits merge into a plan and conflicts with the base and both sides' values;
    settling every conflict for one side gives a valid plan, or a ValidationError, never
    another exception."""
    base, ours, theirs = triple
    try:
        result = merge(base, ours, theirs)
    except ValidationError:
        return
    for conflict in result.conflicts:
        assert value_at(base, conflict.path) == conflict.base
        assert value_at(ours, conflict.path) == conflict.ours_value
        assert value_at(theirs, conflict.path) == conflict.theirs_value
    try:
        while result.conflicts:
            before = len(result.conflicts)
            result = result.resolve(result.conflicts[0].path, take=side)
            assert len(result.conflicts) < before
    except ValidationError:
        return
    assert result.merged


def test_a_history_stored_before_changes_read_as_a_person_says_them_still_loads() -> None:
    """The example history as written by format 2's first writer (status changes
    stored as additions) still reads, every digest checked, to the same final plan,
    as the example plan stood then: before its habits recorded their done
    occurrences, its open tasks took three-point estimates and the plan held
    its career parts."""
    data = Path(__file__).parent / "data"
    stored = History.loads((data / "history-format-2.json").read_text(encoding="utf-8"))
    current = History.loads(
        (Path(__file__).parent.parent / "examples" / "marketing_director.history.json").read_text(
            encoding="utf-8"
        )
    )

    then = attrs.evolve(
        current.plan,
        profile=attrs.evolve(current.plan.profile, skills=()),
        goals=[attrs.evolve(goal, builds=()) for goal in current.plan.goals],
        tasks=[
            attrs.evolve(task, done_occurrences=(), optimistic=None, pessimistic=None, builds=())
            for task in current.plan.tasks
        ],
        roles=(),
        assets=(),
        contacts=(),
        options=(),
        option_weights=(),
        applications=(),
    )

    assert "chained" == stored.integrity
    assert then == stored.plan
    assert len(current.revisions) == len(stored.revisions)
