"""Tests for careerkit.render.ical.to_ical: a plan as an iCalendar file."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings

import careerkit
from careerkit import Goal, GoalStatus, Plan, Status, Task
from careerkit.errors import CareerkitError, MissingExtraError, ValidationError
from careerkit.model.rules import LAST_DATE, MAX_DURATION
from careerkit.render.ical import PRODID, to_ical

from .strategies import deterministic, plans

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLAN = EXAMPLES / "marketing_director.json"
AS_OF = date(2026, 11, 26)
MONDAY = date(2026, 11, 23)


def example() -> Plan:
    """The example plan."""
    return careerkit.loads(PLAN.read_text(encoding="utf-8"))


def small() -> Plan:
    """Three working days of work, a milestone after them, a weekly habit and a deadline."""
    return Plan(
        id="ana",
        owner="Ana",
        start=MONDAY,
        review_cadence="FREQ=WEEKLY;BYDAY=FR",
        goals=[Goal(id="cert", title="Earn the certificate", deadline=date(2026, 12, 18))],
        tasks=[
            Task(id="study", goal="cert", title="Study the guide", duration=3, effort=6),
            Task(id="ready", goal="cert", title="Ready", duration=0, depends_on=["study"]),
            Task(
                id="drill",
                goal="cert",
                title="Practice test",
                effort=1,
                recurrence="FREQ=WEEKLY;BYDAY=TU,TH",
            ),
        ],
    )


def events(data: bytes) -> dict[str, Any]:
    """The events of a calendar, by UID."""
    calendar = icalendar.Calendar.from_ical(data)
    found = calendar.walk("VEVENT")
    return {str(event["uid"]): event for event in found}


def expanded(event: Any) -> tuple[date, ...]:
    """The dates of a recurring event, by python-dateutil's reading of its RRULE."""
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=datetime.combine(start, time()))
    return tuple(moment.date() for moment in rule)


def test_the_calendar_parses_back_with_its_product_and_version() -> None:
    """icalendar reads the file: a VCALENDAR of version 2.0 from careerkit."""
    calendar = icalendar.Calendar.from_ical(to_ical(example(), as_of=AS_OF))

    assert "VCALENDAR" == calendar.name
    assert "2.0" == str(calendar["version"])
    assert PRODID == str(calendar["prodid"])


def test_one_event_per_task_habit_deadline_and_one_for_reviews() -> None:
    """44 tasks (5 of them habits with occurrences), 10 goals with deadlines, the reviews,
    and the career events: 8 contacts with a keep-in-touch cadence, 2 follow-ups owed."""
    plan = example()
    found = events(to_ical(plan, as_of=AS_OF))

    assert 44 + 10 + 1 + 8 + 2 == len(found)
    assert {f"task-{task.id}@{plan.id}.careerkit" for task in plan.tasks} < found.keys()
    assert {f"goal-{goal.id}@{plan.id}.careerkit" for goal in plan.goals} < found.keys()
    assert f"review@{plan.id}.careerkit" in found


def test_the_dates_of_a_task_and_of_a_milestone() -> None:
    """Study runs Monday to Wednesday, so DTEND is Thursday; Ready is a one-day event on
    Wednesday, when its predecessor finishes; the deadline is a one-day event too."""
    found = events(to_ical(small()))
    study, ready = found["task-study@ana.careerkit"], found["task-ready@ana.careerkit"]
    deadline = found["goal-cert@ana.careerkit"]

    assert (date(2026, 11, 23), date(2026, 11, 26)) == (
        study.decoded("dtstart"),
        study.decoded("dtend"),
    )
    assert (date(2026, 11, 25), date(2026, 11, 26)) == (
        ready.decoded("dtstart"),
        ready.decoded("dtend"),
    )
    assert (date(2026, 12, 18), date(2026, 12, 19)) == (
        deadline.decoded("dtstart"),
        deadline.decoded("dtend"),
    )
    assert "DATE" == study["dtstart"].params["VALUE"]
    assert "Study the guide" == str(study["summary"])
    assert "Deadline: Earn the certificate" == str(deadline["summary"])
    assert ["cert"] == [str(category) for category in study["categories"].cats]
    assert "TRANSPARENT" == str(study["transp"])


def test_the_example_tasks_are_on_their_scheduled_days() -> None:
    """Every non-recurring task spans its early start to the day after its early finish."""
    plan = example()
    schedule = careerkit.schedule(plan, as_of=AS_OF)
    found = events(to_ical(plan, as_of=AS_OF, schedule=schedule))

    for entry in schedule:
        if plan.task(entry.task).recurrence is None:
            event = found[f"task-{entry.task}@{plan.id}.careerkit"]
            assert entry.early_start == event.decoded("dtstart")
            assert (entry.early_finish - entry.early_start).days + 1 == (
                event.decoded("dtend") - event.decoded("dtstart")
            ).days


@pytest.mark.parametrize("as_of", [None, AS_OF])
def test_each_habit_recurs_on_its_scheduled_days(as_of: date | None) -> None:
    """Each habit's RRULE, from its DTSTART, expands to the schedule's occurrences."""
    plan = example()
    schedule = careerkit.schedule(plan, as_of=as_of)
    found = events(to_ical(plan, as_of=as_of))
    habits = [task for task in plan.tasks if task.recurrence is not None]

    assert 5 == len(habits)
    for task in habits:
        event = found[f"task-{task.id}@{plan.id}.careerkit"]
        assert schedule[task.id].occurrences == expanded(event)
        assert "DATE" == event["dtstart"].params["VALUE"]


def test_a_small_habit_ends_on_its_goals_deadline() -> None:
    """Tuesdays and Thursdays from the plan's start to the deadline, 18 December."""
    found = events(to_ical(small()))
    drill = found["task-drill@ana.careerkit"]
    expected = careerkit.occurrences(
        "FREQ=WEEKLY;BYDAY=TU,TH", start=MONDAY, end=date(2026, 12, 18)
    )

    assert expected == expanded(drill)
    assert date(2026, 11, 24) == drill.decoded("dtstart")
    assert date(2026, 12, 18) == drill["rrule"]["UNTIL"][0]


def _habit_plan(rule: str, *, deadline: date | None) -> Plan:
    """One habit with ``rule``, its goal with ``deadline``, and a month of other work."""
    return Plan(
        id="p",
        owner="Ana",
        start=MONDAY,
        goals=[Goal(id="g", title="Do g", deadline=deadline)],
        tasks=[
            Task(id="work", goal="g", title="Work", duration=20),
            Task(id="habit", goal="g", title="Habit", recurrence=rule),
        ],
    )


@pytest.mark.parametrize(
    ("rule", "deadline", "until"),
    [
        ("FREQ=WEEKLY;BYDAY=MO;COUNT=3", date(2027, 6, 30), None),  # ends by itself first
        ("FREQ=WEEKLY;BYDAY=MO;COUNT=300", date(2026, 12, 31), date(2026, 12, 31)),
        ("FREQ=WEEKLY;BYDAY=MO;UNTIL=20261207", date(2027, 6, 30), date(2026, 12, 7)),
        ("FREQ=WEEKLY;BYDAY=MO;UNTIL=20261207T000000Z", date(2027, 6, 30), date(2026, 12, 6)),
        ("FREQ=WEEKLY;BYDAY=MO;UNTIL=20271207", date(2026, 12, 31), date(2026, 12, 31)),
        ("FREQ=WEEKLY;BYDAY=MO", None, date(2026, 12, 14)),  # the last Monday of the work
        ("rrule:freq=weekly;byday=mo;count=3", date(2026, 12, 31), None),
        ("RRULE:FREQ=MONTHLY;BYDAY=-1WE;WKST=SU", date(2027, 3, 31), date(2027, 3, 31)),
    ],
)
def test_a_habit_keeps_its_own_end_unless_the_deadline_comes_first(
    rule: str, deadline: date | None, until: date | None
) -> None:
    """The event's occurrences are the schedule's, whichever end the habit has."""
    plan = _habit_plan(rule, deadline=deadline)
    event = events(to_ical(plan))["task-habit@p.careerkit"]
    written = event["rrule"]

    assert careerkit.schedule(plan)["habit"].occurrences == expanded(event)
    assert ([until] if until else None) == written.get("UNTIL")
    assert ("COUNT" in rule.upper() and until is None) == ("COUNT" in written)


def test_a_habit_without_occurrences_has_no_event() -> None:
    """A dropped habit has no occurrences in the schedule, so no event."""
    plan = small().update_task(
        "drill", status=Status.DROPPED, started_on=MONDAY, done_on=date(2026, 11, 24)
    )
    found = events(to_ical(plan))

    assert "task-drill@ana.careerkit" not in found
    assert 4 == len(found)


def test_dropped_tasks_and_abandoned_goals_are_cancelled() -> None:
    """They stay in the calendar, marked cancelled; the others have no status."""
    plan = small().update_task("study", status=Status.DROPPED)
    plan = plan.update_goal("cert", status=GoalStatus.ABANDONED)
    found = events(to_ical(plan))

    assert "CANCELLED" == str(found["task-study@ana.careerkit"]["status"])
    assert "CANCELLED" == str(found["goal-cert@ana.careerkit"]["status"])
    assert "status" not in found["task-ready@ana.careerkit"]


def test_reviews_recur_from_the_first_one_to_the_plans_last_day() -> None:
    """Fridays from the plan's start to the deadline, its last day."""
    found = events(to_ical(small()))
    review = found["review@ana.careerkit"]

    assert (date(2026, 11, 27), date(2026, 12, 4), date(2026, 12, 11), date(2026, 12, 18)) == (
        expanded(review)
    )


def test_reviews_of_the_example_follow_its_cadence() -> None:
    """Every fourth week from the plan's start, to its last deadline."""
    plan = example()
    review = events(to_ical(plan))[f"review@{plan.id}.careerkit"]
    expected = careerkit.occurrences(plan.review_cadence, start=plan.start, end=date(2030, 12, 31))

    assert expected == expanded(review)


def test_daily_reviews_over_decades_are_one_event() -> None:
    """A daily cadence over a plan of 40 years (more reviews than a rule may expand) is
    found from its first day and ends on the plan's last, without expanding them all."""
    plan = attrs.evolve(
        small(),
        review_cadence="FREQ=DAILY",
        goals=[Goal(id="cert", title="Earn the certificate", deadline=date(2066, 12, 31))],
    )
    review = events(to_ical(plan))["review@ana.careerkit"]

    assert MONDAY == review.decoded("dtstart")
    assert [date(2066, 12, 31)] == review["rrule"]["UNTIL"]
    assert ["DAILY"] == review["rrule"]["FREQ"]


def test_uids_are_unique_and_survive_edits() -> None:
    """No UID twice; retitling a task or moving the plan keeps every UID."""
    plan = example()
    calendar = icalendar.Calendar.from_ical(to_ical(plan))
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    edited = plan.update_task("dmd-capstone", title="Write the capstone", duration=18)

    assert len(uids) == len(set(uids))
    assert set(uids) == events(to_ical(edited)).keys()


def test_the_same_inputs_give_the_same_bytes_without_a_clock() -> None:
    """Twice the same bytes; DTSTAMP is midnight UTC of the status date, or of the start."""
    plan = example()
    first, second = to_ical(plan, as_of=AS_OF), to_ical(plan, as_of=AS_OF)
    stamps = {event.decoded("dtstamp") for event in events(first).values()}
    planned = {event.decoded("dtstamp") for event in events(to_ical(plan)).values()}

    assert first == second
    assert {datetime(2026, 11, 26, tzinfo=UTC)} == stamps
    assert {datetime(2026, 1, 5, tzinfo=UTC)} == planned


def test_the_bytes_do_not_depend_on_the_process() -> None:
    """Another interpreter, with another hash seed, writes the same bytes."""
    code = (
        "import sys, careerkit; from careerkit.render.ical import to_ical; "
        "sys.stdout.buffer.write(to_ical(careerkit.loads(sys.stdin.read())))"
    )
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-c", code],
        input=PLAN.read_bytes(),
        capture_output=True,
        check=True,
        env=environment,
    )

    assert to_ical(example()) == other.stdout


def test_titles_with_special_characters_come_back_as_written() -> None:
    """Commas, semicolons, backslashes, newlines and non-ASCII text are escaped, then read."""
    title = 'Draft "A, B; C" \\ pitch\nthen send: 50 % — ünïcode'
    plan = small().update_task("study", title=title)
    data = to_ical(plan)
    found = events(data)

    assert title == str(found["task-study@ana.careerkit"]["summary"])
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_work_ending_on_the_calendars_last_day_has_a_duration() -> None:
    """The day after 9999-12-31 cannot be written: such an event gets a DURATION instead."""
    last = careerkit.count_working_days(careerkit.Calendar(), LAST_DATE, date.max)
    durations = (MAX_DURATION, MAX_DURATION, last - 2 * MAX_DURATION + 1)
    plan = Plan(
        id="p",
        owner="Ana",
        start=MONDAY,
        goals=[Goal(id="g", title="Do g")],
        tasks=[
            Task(
                id=f"t{index}",
                goal="g",
                title="Long",
                duration=duration,
                not_before=LAST_DATE if index == 0 else None,
                depends_on=[f"t{index - 1}"] if index else [],
            )
            for index, duration in enumerate(durations)
        ],
    )
    entry = careerkit.schedule(plan)["t2"]
    event = events(to_ical(plan))["task-t2@p.careerkit"]

    assert date.max == entry.early_finish
    assert "dtend" not in event
    assert (date.max - entry.early_start).days + 1 == event.decoded("duration").days
    assert entry.early_start == event.decoded("dtstart")


def test_a_given_schedule_is_used_and_checked() -> None:
    """The caller's schedule gives the same calendar; one of another date is refused."""
    plan = example()
    schedule = careerkit.schedule(plan, as_of=AS_OF)

    assert to_ical(plan, as_of=AS_OF) == to_ical(plan, as_of=AS_OF, schedule=schedule)
    with pytest.raises(ValidationError) as caught:
        to_ical(plan, schedule=schedule)
    assert "schedule" == caught.value.path


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"plan": {"id": "p"}}, "plan"),
        ({"as_of": "2026-11-26"}, "as_of"),
        ({"as_of": date(2025, 1, 1)}, "as_of"),
        ({"schedule": "soon"}, "schedule"),
    ],
)
def test_wrong_arguments_are_named(arguments: dict[str, Any], path: str) -> None:
    """Each wrong argument raises a ValidationError naming it."""
    call = {"plan": small(), **arguments}
    with pytest.raises(ValidationError) as caught:
        to_ical(call.pop("plan"), **call)
    assert path == caught.value.path


def test_without_icalendar_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing icalendar package raises MissingExtraError naming the ``ical`` extra."""
    monkeypatch.setitem(sys.modules, "icalendar", None)

    with pytest.raises(MissingExtraError) as caught:
        to_ical(small())
    assert ("icalendar", "ical") == (caught.value.package, caught.value.extra)
    assert 'pip install "careerkit[ical]"' in str(caught.value)


@settings(deterministic, max_examples=60)
@given(plans(max_tasks=8))
def test_random_plans_give_calendars_true_to_their_schedule(plan: Plan) -> None:
    """On random plans: a task on its days, a habit on its occurrences, a deadline per goal
    that has one, the reviews from their first day; a plan that cannot be scheduled
    raises the schedule's own error."""
    try:
        timing = careerkit.schedule(plan)
    except CareerkitError as exc:
        with pytest.raises(type(exc)):
            to_ical(plan)
        return
    found = events(to_ical(plan))
    expected = 0
    for entry in timing:
        event = found.get(f"task-{entry.task}@{plan.id}.careerkit")
        if plan.task(entry.task).recurrence is None:
            assert event is not None
            assert entry.early_start == event.decoded("dtstart")
        elif entry.occurrences:
            assert event is not None
            assert entry.occurrences == expanded(event)
        else:
            assert event is None
        expected += event is not None
    for goal in plan.goals:
        if goal.deadline is not None:
            assert goal.deadline == found[f"goal-{goal.id}@{plan.id}.careerkit"].decoded("dtstart")
            expected += 1
    review = found.get(f"review@{plan.id}.careerkit")
    if review is not None:
        assert review.decoded("dtstart") >= plan.start
        first = review.decoded("dtstart")
        assert (first,) == careerkit.occurrences(plan.review_cadence, start=plan.start, end=first)
        expected += 1
    assert expected == len(found)


def test_keep_in_touch_dates_and_follow_ups_are_events() -> None:
    """Each contact with a cadence has its next keep-in-touch date, and each follow-up
    owed its day, as an all-day event named by the contact's pseudonymous id."""
    plan = example()
    as_of = date(2026, 11, 26)
    calendar = icalendar.Calendar.from_ical(to_ical(plan, as_of=as_of))
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    people = careerkit.relationship_status(plan, as_of=as_of)
    suffix = f"@{plan.id}.careerkit"

    cadenced = {state.contact for state in people.contacts if state.next_due is not None}
    assert {f"contact-{contact}{suffix}" for contact in cadenced} == {
        uid for uid in events if uid.startswith("contact-")
    }
    mentor = events[f"contact-mentor-2{suffix}"]
    assert date(2026, 9, 26) == mentor.decoded("dtstart")  # 45 days after 2026-08-12
    assert "Keep in touch: mentor-2 (mentor)" == str(mentor["summary"])
    assert "61 days over" in str(mentor["description"])
    owed = events[f"follow-up-peer-2-2026-11-10{suffix}"]
    assert date(2026, 11, 17) == owed.decoded("dtstart")
    assert "Follow up: peer-2 (peer)" == str(owed["summary"])
    names = [contact.name for contact in plan.contacts]
    text = to_ical(plan, as_of=as_of).decode("utf-8")
    assert [] == [name for name in names if name and name in text]


_SET_POSITION_RULE = "FREQ=WEEKLY;COUNT=3;BYDAY=MO,TU;BYSETPOS=2"


def test_a_habit_whose_rule_counts_from_its_own_start_ends_with_the_schedule() -> None:
    """A rule with its own end that gives other dates from the first occurrence than
    from the plan's start (a weekly BYSETPOS counts from the week of its start) ends
    with the schedule's last occurrence, not at the deadline: no date past the
    schedule's shows in a calendar (it used to run to the deadline, every week)."""
    plan = _habit_plan(_SET_POSITION_RULE, deadline=date(2026, 12, 31))
    event = events(to_ical(plan))["task-habit@p.careerkit"]
    scheduled = careerkit.schedule(plan)["habit"].occurrences

    assert 3 == len(scheduled)
    assert [scheduled[-1]] == event["rrule"]["UNTIL"]
    assert set(expanded(event)) <= set(scheduled)


@pytest.mark.xfail(
    strict=True,
    reason="python-dateutil counts a weekly BYSETPOS from DTSTART, not from the start of "
    "its week (dateutil issue 1398), so the event re-expanded drops the first date",
)
def test_a_habit_whose_rule_counts_from_its_own_start_shows_every_occurrence() -> None:
    """RFC 5545 counts BYSETPOS within the whole week: the event re-expanded gives
    every occurrence of the schedule."""
    plan = _habit_plan(_SET_POSITION_RULE, deadline=date(2026, 12, 31))
    event = events(to_ical(plan))["task-habit@p.careerkit"]

    assert careerkit.schedule(plan)["habit"].occurrences == expanded(event)
