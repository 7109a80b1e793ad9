"""Relationships: keep-in-touch dates by cadence and by rule, cold and critical contacts,
follow-ups owed, goals no contact serves, network breadth, and their alerts."""

from __future__ import annotations

import json
import pickle
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import careerkit
from careerkit.career.policy import CareerPolicy
from careerkit.career.relationships import (
    MAX_PERIODS,
    FollowUpState,
    network_breadth,
    relationship_status,
)
from careerkit.errors import ValidationError
from careerkit.io import json_schema, to_dict
from careerkit.model import (
    Category,
    Channel,
    Contact,
    ContactRole,
    Goal,
    GoalStatus,
    Interaction,
    Plan,
)
from careerkit.planning._career_alerts_people import people_alerts
from careerkit.planning.alerts import AlertKind, AlertSeverity

V4 = Path(__file__).resolve().parent / "data" / "plan-v4.json"
START = date(2026, 1, 5)


def plan_of(*contacts: Contact, **parts: Any) -> Plan:
    """A plan starting on 2026-01-05 with the given contacts and parts."""
    return Plan(id="p", owner="Ana", start=START, contacts=contacts, **parts)


def met(*days: date, follow_up: date | None = None) -> list[Interaction]:
    """Interactions on the given days; the last one asks for ``follow_up``."""
    return [
        Interaction(on=day, follow_up=follow_up if index == len(days) - 1 else None)
        for index, day in enumerate(days)
    ]


def state_of(plan: Plan, as_of: date, policy: CareerPolicy | None = None) -> Any:
    """The state of the plan's only contact."""
    (state,) = relationship_status(plan, as_of=as_of, policy=policy).contacts
    return state


def alerts_of(plan: Plan, as_of: date, kind: AlertKind, **policy: Any) -> list[careerkit.Alert]:
    """The people alerts of one kind."""
    found = people_alerts(plan, as_of=as_of, policy=CareerPolicy(**policy))
    return [alert for alert in found if alert.kind is kind]


def validator(kind: str) -> Draft202012Validator:
    """A validator for a kind's schema that also checks formats."""
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


# --- the keep-in-touch date --------------------------------------------------------------


def test_a_cadence_counts_from_the_last_interaction() -> None:
    """Next due = last interaction + cadence; days over count after it."""
    mentor = Contact(
        id="mentor-1", role=ContactRole.MENTOR, cadence=30, interactions=met(date(2026, 2, 2))
    )

    on_the_day = state_of(plan_of(mentor), date(2026, 3, 4))
    after = state_of(plan_of(mentor), date(2026, 3, 9))

    assert (date(2026, 2, 2), date(2026, 3, 4), 30, 0, False) == (
        on_the_day.last_interaction,
        on_the_day.next_due,
        on_the_day.period,
        on_the_day.days_over,
        on_the_day.cold,
    )
    assert (5, True) == (after.days_over, after.cold)


def test_without_interactions_the_cadence_counts_from_since_then_the_plan_start() -> None:
    """No interaction: from ``since``, else from the plan's start."""
    since = Contact(id="a", cadence=10, since=date(2026, 2, 1))
    plain = Contact(id="b", cadence=10)

    report = relationship_status(plan_of(since, plain), as_of=date(2026, 2, 20))

    assert [
        ("a", None, date(2026, 2, 1), date(2026, 2, 11), 9),
        ("b", None, START, START + timedelta(days=10), 36),
    ] == [
        (s.contact, s.last_interaction, s.counted_from, s.next_due, s.days_over)
        for s in report.contacts
    ]


def test_an_interaction_after_the_status_date_is_ignored() -> None:
    """Time travel: a plan read as of an earlier date says what it said then."""
    contact = Contact(id="peer-1", cadence=14, interactions=met(date(2026, 2, 2), date(2026, 3, 2)))

    then = state_of(plan_of(contact), date(2026, 2, 25))

    assert (date(2026, 2, 2), date(2026, 2, 16), 9) == (
        then.last_interaction,
        then.next_due,
        then.days_over,
    )


def test_a_contact_without_a_cadence_never_goes_cold() -> None:
    """No cadence and no rule: no next date, no days over."""
    state = state_of(plan_of(Contact(id="x")), date(2036, 1, 1))

    assert (None, None, 0, False, False) == (
        state.next_due,
        state.period,
        state.days_over,
        state.cold,
        state.critical,
    )


def test_a_rule_starts_on_the_day_it_counts_from() -> None:
    """``FREQ=MONTHLY;INTERVAL=3`` falls three months after the last contact; its period
    is the days to that date."""
    contact = Contact(
        id="recruiter-1",
        role=ContactRole.RECRUITER,
        cadence_rule="FREQ=MONTHLY;INTERVAL=3",
        interactions=met(date(2026, 1, 31)),
    )

    state = state_of(plan_of(contact), date(2026, 6, 1))

    # dateutil skips months without a 31st: 2026-04-30 does not exist, so 2026-07-31.
    assert (date(2026, 7, 31), (date(2026, 7, 31) - date(2026, 1, 31)).days, 0) == (
        state.next_due,
        state.period,
        state.days_over,
    )


def test_a_rule_with_by_parts_falls_on_its_next_matching_day() -> None:
    """``FREQ=MONTHLY;BYDAY=1TU``: the first Tuesday after the last contact."""
    contact = Contact(
        id="peer-1", cadence_rule="FREQ=MONTHLY;BYDAY=1TU", interactions=met(date(2026, 3, 3))
    )

    state = state_of(plan_of(contact), date(2026, 4, 20))

    assert (date(2026, 4, 7), 35, 13, True) == (
        state.next_due,
        state.period,
        state.days_over,
        state.cold,
    )


def test_a_rule_that_has_ended_asks_for_nothing_more() -> None:
    """Past a rule's ``UNTIL`` there is no next date, so no coldness."""
    contact = Contact(
        id="peer-1",
        cadence_rule="FREQ=WEEKLY;UNTIL=20260301",
        interactions=met(date(2026, 3, 1)),
    )

    state = state_of(plan_of(contact), date(2026, 6, 1))

    assert (None, 0, False) == (state.next_due, state.days_over, state.cold)


def test_a_sparse_rule_is_found_by_widening_the_search() -> None:
    """A leap-day rule from 2026 falls on 2028-02-29."""
    contact = Contact(id="alumni-1", cadence_rule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")

    state = state_of(plan_of(contact), date(2028, 3, 1))

    assert (date(2028, 2, 29), 1) == (state.next_due, state.days_over)


# --- critical ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "critical"),
    [(date(2026, 4, 2), False), (date(2026, 4, 3), True)],
)
def test_a_cold_contact_is_critical_after_the_factor_of_cadences(
    as_of: date, critical: bool
) -> None:
    """Critical once the days since the last contact reach ``cold_critical_factor`` cadences
    (2 x 30 = 60 days after 2026-02-02 is 2026-04-03)."""
    mentor = Contact(
        id="m", role=ContactRole.MENTOR, cadence=30, interactions=met(date(2026, 2, 2))
    )

    state = state_of(plan_of(mentor), as_of)

    assert (True, critical) == (state.cold, state.critical)


def test_a_rule_is_critical_after_the_factor_of_its_period() -> None:
    """For a rule the period is the days from the last contact to its next date."""
    contact = Contact(id="x", cadence_rule="FREQ=WEEKLY", interactions=met(date(2026, 3, 2)))
    policy = CareerPolicy(cold_critical_factor=3)

    before = state_of(plan_of(contact), date(2026, 3, 22), policy)
    after = state_of(plan_of(contact), date(2026, 3, 23), policy)

    assert (7, True, False) == (before.period, before.cold, before.critical)
    assert after.critical


# --- follow-ups --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "state", "left", "overdue"),
    [
        (date(2026, 3, 5), FollowUpState.UPCOMING, 4, 0),
        (date(2026, 3, 6), FollowUpState.DUE, 3, 0),
        (date(2026, 3, 9), FollowUpState.DUE, 0, 0),
        (date(2026, 3, 11), FollowUpState.OVERDUE, 0, 2),
    ],
)
def test_a_follow_up_is_upcoming_then_due_then_overdue(
    as_of: date, state: FollowUpState, left: int, overdue: int
) -> None:
    """Due within ``follow_up_notice_days`` (3) of its day, overdue after it."""
    contact = Contact(id="peer-1", interactions=met(date(2026, 3, 2), follow_up=date(2026, 3, 9)))

    owed = state_of(plan_of(contact), as_of).follow_up

    assert (date(2026, 3, 2), date(2026, 3, 9), state, left, overdue) == (
        owed.interaction,
        owed.due,
        owed.state,
        owed.days_left,
        owed.days_overdue,
    )


def test_a_later_interaction_settles_the_follow_up() -> None:
    """A later interaction clears the follow-up, unless it comes after the status date."""
    contact = Contact(
        id="peer-1",
        interactions=[
            Interaction(on=date(2026, 3, 2), follow_up=date(2026, 3, 9)),
            Interaction(on=date(2026, 3, 12), channel=Channel.EMAIL),
        ],
    )

    assert state_of(plan_of(contact), date(2026, 3, 12)).follow_up is None
    assert 2 == state_of(plan_of(contact), date(2026, 3, 11)).follow_up.days_overdue


def test_a_follow_up_asked_for_after_the_status_date_is_not_owed_yet() -> None:
    """An interaction after ``as_of`` neither owes a follow-up nor settles one."""
    contact = Contact(id="peer-1", interactions=met(date(2026, 3, 2), follow_up=date(2026, 3, 9)))

    assert state_of(plan_of(contact), date(2026, 3, 1)).follow_up is None


# --- goals without a relationship --------------------------------------------------------


def test_active_mentorship_and_networking_goals_need_a_contact() -> None:
    """Only active goals of those two categories count; a contact serving the goal, and
    known by the status date, covers it."""
    goals = [
        Goal(id="mentor", title="Find a mentor", category=Category.MENTORSHIP),
        Goal(id="network", title="Grow the network", category=Category.NETWORKING),
        Goal(id="later", title="Meet alumni", category=Category.NETWORKING),
        Goal(id="cert", title="Certification", category=Category.LEARNING),
        Goal(
            id="done",
            title="Old network",
            category=Category.NETWORKING,
            status=GoalStatus.ACHIEVED,
            achieved_on=START,
        ),
    ]
    contacts = [
        Contact(id="peer-1", goals=["network"]),
        Contact(id="alumni-1", goals=["later"], since=date(2026, 6, 1)),
    ]

    report = relationship_status(plan_of(*contacts, goals=goals), as_of=date(2026, 3, 1))

    assert ("later", "mentor") == report.unrelated_goals


# --- network breadth ---------------------------------------------------------------------


def test_breadth_counts_active_contacts_by_role_at_each_date() -> None:
    """A contact is active on a day with an interaction in the window ending that day
    (both ends included); dates go back every window from ``as_of``, oldest first."""
    contacts = [
        Contact(id="m", role=ContactRole.MENTOR, interactions=met(date(2026, 3, 3))),
        Contact(id="p1", role=ContactRole.PEER, interactions=met(date(2026, 1, 2))),
        Contact(id="p2", role=ContactRole.PEER, interactions=met(date(2026, 4, 2))),
        Contact(id="p3", role=ContactRole.PEER, interactions=met(date(2026, 2, 1))),
        Contact(id="p4", role=ContactRole.PEER, interactions=met(date(2026, 3, 20))),
        Contact(id="p5", role=ContactRole.PEER, interactions=met(date(2026, 1, 31))),
        Contact(id="quiet", role=ContactRole.PEER),
    ]

    breadth = network_breadth(plan_of(*contacts), as_of=date(2026, 4, 1), periods=3, window=30)

    assert [
        (date(2026, 1, 31), 2, ("p1", "p5")),
        (date(2026, 3, 2), 1, ("p3",)),
        (date(2026, 4, 1), 2, ("m", "p4")),
    ] == [(point.on, point.total, point.contacts) for point in breadth.points]
    counts = {item.role: item.count for item in breadth.points[-1].by_role}
    assert [*ContactRole] == [item.role for item in breadth.points[-1].by_role]
    assert (1, 1, 0) == (
        counts[ContactRole.MENTOR],
        counts[ContactRole.PEER],
        counts[ContactRole.SPONSOR],
    )


def test_the_report_counts_breadth_with_the_policy_window() -> None:
    """The report's breadth uses ``breadth_window_days`` and 4 dates."""
    plan = plan_of(Contact(id="m", interactions=met(date(2026, 3, 2))))

    breadth = relationship_status(
        plan, as_of=date(2026, 4, 1), policy=CareerPolicy(breadth_window_days=15)
    ).breadth

    assert (15, 4, date(2026, 2, 15)) == (breadth.window, len(breadth.points), breadth.points[0].on)


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"periods": 0}, "periods"),
        ({"periods": MAX_PERIODS + 1}, "periods"),
        ({"periods": True}, "periods"),
        ({"window": 0}, "window"),
        ({"window": 2.5}, "window"),
        ({"as_of": date(1, 3, 1), "periods": 3, "window": 90}, "periods"),
        ({"as_of": datetime(2026, 4, 1, 9)}, "as_of"),
        ({"plan": {}}, "plan"),
    ],
)
def test_breadth_refuses_wrong_arguments_by_name(arguments: dict[str, Any], path: str) -> None:
    """A wrong argument of ``network_breadth`` is named in the error."""
    values: dict[str, Any] = {"plan": plan_of(), "as_of": date(2026, 4, 1), **arguments}
    plan = values.pop("plan")

    with pytest.raises(ValidationError) as caught:
        network_breadth(plan, **values)

    assert [path] == [problem.path for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"plan": None}, "plan"),
        ({"as_of": "2026-04-01"}, "as_of"),
        ({"policy": careerkit.SlippagePolicy()}, "policy"),
    ],
)
def test_the_report_refuses_wrong_arguments_by_name(arguments: dict[str, Any], path: str) -> None:
    """A wrong argument of ``relationship_status`` is named in the error."""
    values: dict[str, Any] = {"plan": plan_of(), "as_of": date(2026, 4, 1), **arguments}
    plan = values.pop("plan")

    with pytest.raises(ValidationError) as caught:
        relationship_status(plan, **values)

    assert [path] == [problem.path for problem in caught.value.problems]


# --- the sample document and JSON --------------------------------------------------------


def test_the_sample_document_has_a_cold_mentor_and_an_overdue_follow_up() -> None:
    """plan-v4 on 2025-03-01: the mentor (30 days, last 2025-01-10) is 20 days over and
    owes the follow-up of 2025-01-24; the recruiter's quarterly rule counts from the
    plan's start."""
    plan = careerkit.loads(V4.read_text(encoding="utf-8"))

    report = relationship_status(plan, as_of=date(2025, 3, 1))
    mentor, recruiter = report.contacts

    assert ("mentor-1", date(2025, 2, 9), 20, False) == (
        mentor.contact,
        mentor.next_due,
        mentor.days_over,
        mentor.critical,
    )
    assert (FollowUpState.OVERDUE, 36) == (mentor.follow_up.state, mentor.follow_up.days_overdue)
    assert (plan.start, date(2025, 5, 3), 0) == (
        recruiter.counted_from,
        recruiter.next_due,
        recruiter.days_over,
    )


@pytest.mark.parametrize("kind", ["relationship_report", "network_breadth"])
def test_the_documents_follow_their_schemas(kind: str) -> None:
    """Real results (with a follow-up, a rule and unrelated goals) validate."""
    plan = careerkit.loads(V4.read_text(encoding="utf-8"))
    plan = plan_of(
        *(evolve(contact, goals=()) for contact in plan.contacts),
        goals=[Goal(id="mentor", title="Find a mentor", category=Category.MENTORSHIP)],
    )
    report = relationship_status(plan, as_of=date(2026, 3, 1))
    result = report if kind == "relationship_report" else report.breadth
    document = to_dict(result)

    assert [] == [error.message for error in validator(kind).iter_errors(document)]
    assert document == json.loads(careerkit.dumps(result))


# --- alerts ------------------------------------------------------------------------------


def test_a_cold_mentor_raises_a_warning_then_a_critical_alert() -> None:
    """``relationship_cold``: warning when cold, critical by the factor; the message
    says it is a mentor, the correction names the contact and the cadence."""
    mentor = Contact(
        id="mentor-1", role=ContactRole.MENTOR, cadence=30, interactions=met(date(2026, 2, 2))
    )

    (warning,) = alerts_of(plan_of(mentor), date(2026, 3, 10), AlertKind.RELATIONSHIP_COLD)
    (critical,) = alerts_of(plan_of(mentor), date(2026, 4, 10), AlertKind.RELATIONSHIP_COLD)

    assert (AlertSeverity.WARNING, "mentor-1", date(2026, 3, 4)) == (
        warning.severity,
        warning.subject,
        warning.on,
    )
    assert AlertSeverity.CRITICAL == critical.severity
    assert "mentor" in warning.message
    assert "get in touch with mentor-1 (30-day cadence)" in warning.correction
    assert {
        "contact": "mentor-1",
        "role": "mentor",
        "last_interaction": date(2026, 2, 2),
        "next_due": date(2026, 3, 4),
        "days_over": 6,
        "cadence": 30,
        "cadence_rule": None,
    } == dict(warning.evidence)


def test_follow_ups_raise_due_then_overdue_alerts() -> None:
    """``follow_up_due`` (info) within the notice, ``follow_up_overdue`` (warning) after."""
    contact = Contact(id="peer-1", interactions=met(date(2026, 3, 2), follow_up=date(2026, 3, 9)))
    plan = plan_of(contact)

    assert [] == alerts_of(plan, date(2026, 3, 5), AlertKind.FOLLOW_UP_DUE)
    (due,) = alerts_of(plan, date(2026, 3, 7), AlertKind.FOLLOW_UP_DUE)
    (overdue,) = alerts_of(plan, date(2026, 3, 12), AlertKind.FOLLOW_UP_OVERDUE)

    assert (AlertSeverity.INFO, date(2026, 3, 9)) == (due.severity, due.on)
    assert {
        "contact": "peer-1",
        "interaction": date(2026, 3, 2),
        "due": date(2026, 3, 9),
        "days": 2,
    } == dict(due.evidence)
    assert (AlertSeverity.WARNING, 3) == (overdue.severity, overdue.evidence["days"])
    assert [] == alerts_of(plan, date(2026, 3, 12), AlertKind.FOLLOW_UP_DUE)
    assert "follow up with peer-1" in overdue.correction


def test_a_goal_without_a_relationship_raises_a_warning() -> None:
    """``goal_without_relationship``: subject the goal, a correction asking for a mentor."""
    goal = Goal(
        id="mentor", title="Find a mentor", category=Category.MENTORSHIP, deadline=date(2026, 9, 1)
    )

    (alert,) = alerts_of(
        plan_of(goals=[goal]), date(2026, 3, 1), AlertKind.GOAL_WITHOUT_RELATIONSHIP
    )

    assert (AlertSeverity.WARNING, "mentor", date(2026, 3, 1)) == (
        alert.severity,
        alert.subject,
        alert.on,
    )
    assert {"goal": "mentor", "category": "mentorship", "deadline": date(2026, 9, 1)} == dict(
        alert.evidence
    )
    assert "add a mentor who serves `mentor`" in alert.correction


# --- properties --------------------------------------------------------------------------


@st.composite
def contacts_and_dates(draw: st.DrawFn) -> tuple[Contact, date, date]:
    """A contact with a cadence or a rule and a few interactions, and two status dates
    with no interaction strictly after the first and up to the second."""
    rules = st.sampled_from(
        [
            "FREQ=WEEKLY",
            "FREQ=MONTHLY",
            "FREQ=MONTHLY;BYDAY=1TU",
            "FREQ=DAILY;INTERVAL=10",
            "FREQ=WEEKLY;UNTIL=20260601",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        ]
    )
    offsets = sorted(draw(st.lists(st.integers(min_value=0, max_value=700), max_size=4)))
    days = [START + timedelta(days=offset) for offset in offsets]
    if draw(st.booleans()):
        cadence: dict[str, Any] = {"cadence": draw(st.integers(min_value=1, max_value=400))}
    else:
        cadence = {"cadence_rule": draw(rules)}
    contact = Contact(id="c", interactions=met(*days), **cadence)
    first = START + timedelta(days=draw(st.integers(min_value=-30, max_value=900)))
    later = [day for day in days if day > first]
    room = (later[0] - first).days - 1 if later else 900
    second = first + timedelta(days=draw(st.integers(min_value=0, max_value=room)))
    return contact, first, second


@settings(max_examples=80, deadline=None)
@given(contacts_and_dates())
def test_days_over_never_fall_between_interactions(case: tuple[Contact, date, date]) -> None:
    """With no interaction in (a, b], days over at a <= days over at b, never negative."""
    contact, first, second = case
    plan = plan_of(contact)

    before = state_of(plan, first)
    after = state_of(plan, second)

    assert 0 <= before.days_over <= after.days_over
    assert before.cold <= after.cold
    assert before.critical <= after.critical


def test_a_rule_that_never_falls_gives_no_date() -> None:
    """A rule matching no day of the calendar (30 February) never makes a contact cold."""
    contact = Contact(id="x", cadence_rule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")

    state = state_of(plan_of(contact), date(2030, 1, 1))

    assert (None, None, 0, False) == (state.next_due, state.period, state.days_over, state.cold)


def test_only_mentors_and_sponsors_get_the_warning_word() -> None:
    """The cold message names every role, and says a mentor or sponsor is hard to win back."""
    contacts = [
        Contact(id=role.value, role=role, cadence=10)
        for role in (ContactRole.SPONSOR, ContactRole.PEER)
    ]

    found = alerts_of(plan_of(*contacts), date(2026, 3, 1), AlertKind.RELATIONSHIP_COLD)

    assert [("peer", False), ("sponsor", True)] == [
        (alert.subject, "hard to win back" in alert.message) for alert in found
    ]
    assert all(f"Your {alert.subject} " in alert.message for alert in found)


def test_a_rule_cadence_is_named_in_the_correction() -> None:
    """A cold contact with a rule: the correction gives the rule and this period's days."""
    contact = Contact(id="recruiter-1", role=ContactRole.RECRUITER, cadence_rule="FREQ=WEEKLY")

    (alert,) = alerts_of(plan_of(contact), date(2026, 1, 20), AlertKind.RELATIONSHIP_COLD)

    assert (7, "FREQ=WEEKLY", 8) == (
        alert.evidence["cadence"],
        alert.evidence["cadence_rule"],
        alert.evidence["days_over"],
    )
    assert "(cadence FREQ=WEEKLY, 7 days this time)" in alert.correction


def test_reports_pickle_and_compare_equal() -> None:
    """A report travels to another process unchanged."""
    plan = careerkit.loads(V4.read_text(encoding="utf-8"))
    report = relationship_status(plan, as_of=date(2025, 7, 1))

    assert report == pickle.loads(pickle.dumps(report))
