"""Tests for careerkit.career.jobsearch and its alerts: a small job search worked by hand.

As of 2026-06-01 (calendar days throughout):

====  ======  ========  =================================================  ===========
id    resume  referred  stages (and follow-ups)                            now
====  ======  ========  =================================================  ===========
acme  cv-a    yes       applied 04-01, screening 04-08, interview 04-20,   offer
                        offer 05-04 (answer by 06-05); follow-up 04-21
bolt  cv-a    no        applied 04-06, rejected 04-16                      rejected
core  cv-b    no        applied 04-10, screening 04-24; follow-up 05-01    screening
dash  cv-b    yes       applied 04-15, interview 05-25 (no screening)      interview
echo  none    no        applied 05-20 (screening 06-03, after the date)    applied
fern  cv-a    no        applied 03-20, screening 03-30, withdrawn 04-09    withdrawn
gulf  cv-b    no        saved 05-28                                        saved
hive  none    no        applied 06-10, after the date: left out            --
====  ======  ========  =================================================  ===========

Furthest stage: acme offer, bolt applied, core screening, dash interview,
echo applied, fern screening, gulf saved. So 7 applications; reached: applied
6, screening 4 (acme, core, dash, fern), interview 2 (acme, dash), offer 1
(acme), accepted 0.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import careerkit
from careerkit import (
    Application,
    Asset,
    AssetKind,
    Contact,
    ContactRole,
    Plan,
    Stage,
    StageChange,
    ValidationError,
)
from careerkit.career.jobsearch import Funnel, JobSearchReport, job_search
from careerkit.career.policy import CareerPolicy
from careerkit.planning._career_alerts_jobs import job_alerts
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity

from .test_career_options import page_block

ROOT = Path(__file__).resolve().parent.parent
V4 = ROOT / "tests" / "data" / "plan-v4.json"
AS_OF = date(2026, 6, 1)
POLICY = CareerPolicy()


def day(text: str) -> date:
    """A day of 2026 written ``MM-DD``."""
    month, of_month = text.split("-")
    return date(2026, int(month), int(of_month))


def application(
    id_: str, stages: str, *, follow_ups: Sequence[str] = (), **fields: Any
) -> Application:
    """An application whose stages are written ``"applied 04-01, screening 04-08"``."""
    changes = []
    for part in stages.split(", "):
        stage, on = part.split()
        changes.append(StageChange(stage=Stage(stage), on=day(on)))
    return Application(
        id=id_,
        employer=id_.title(),
        title="Marketing lead",
        stages=changes,
        follow_ups=[day(text) for text in follow_ups],
        **fields,
    )


def search_plan(*applications: Application) -> Plan:
    """A plan with two resumes and a mentor, and ``applications`` (the table's if none)."""
    resumes = [
        Asset(id=name, kind=AssetKind.RESUME, title=name, updated_on=date(2026, 3, 1))
        for name in ("cv-a", "cv-b")
    ]
    return Plan(
        id="search",
        owner="Ana",
        start=date(2026, 3, 2),
        assets=resumes,
        contacts=[Contact(id="mentor", role=ContactRole.MENTOR)],
        applications=applications or the_table(),
    )


def the_table() -> tuple[Application, ...]:
    """The applications of the module's table."""
    return (
        application(
            "acme",
            "applied 04-01, screening 04-08, interview 04-20, offer 05-04",
            follow_ups=["04-21"],
            resume="cv-a",
            referred_by="mentor",
            offer_deadline=day("06-05"),
        ),
        application("bolt", "applied 04-06, rejected 04-16", resume="cv-a"),
        application("core", "applied 04-10, screening 04-24", follow_ups=["05-01"], resume="cv-b"),
        application("dash", "applied 04-15, interview 05-25", resume="cv-b", referred_by="mentor"),
        application("echo", "applied 05-20, screening 06-03"),
        application("fern", "applied 03-20, screening 03-30, withdrawn 04-09", resume="cv-a"),
        application("gulf", "saved 05-28", resume="cv-b"),
        application("hive", "applied 06-10"),
    )


def report() -> JobSearchReport:
    """The table's report as of 2026-06-01."""
    return job_search(search_plan(), as_of=AS_OF)


def reached(funnel: Funnel) -> list[int]:
    """How many reached each stage of the funnel."""
    return [stage.reached for stage in funnel.stages]


def conversions(funnel: Funnel) -> list[float | None]:
    """Each stage's conversion to the next."""
    return [stage.conversion for stage in funnel.stages]


def test_the_funnel_counts_what_reached_each_stage() -> None:
    """7 applications (hive's stage is after the date); reached 6, 4, 2, 1, 0; now at
    each stage: echo, core, dash, acme, none; bolt rejected, fern withdrawn."""
    funnel = report().funnel

    assert 7 == funnel.applications
    assert [Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER, Stage.ACCEPTED] == [
        stage.stage for stage in funnel.stages
    ]
    assert [6, 4, 2, 1, 0] == reached(funnel)
    assert [1, 1, 1, 1, 0] == [stage.current for stage in funnel.stages]
    assert (1, 1) == (funnel.rejected, funnel.withdrawn)


def test_conversion_is_the_share_that_reached_the_next_stage() -> None:
    """4/6, 2/4, 1/2, 0/1, and none after accepted."""
    assert [pytest.approx(4 / 6), 0.5, 0.5, 0.0, None] == conversions(report().funnel)


def test_days_in_each_stage() -> None:
    """Applied: acme 7, bolt 10, core 14, dash 40, fern 10 days, mean 81/5 = 16.2,
    median 10; echo still there after 12 days. Screening: acme 12, fern 10 (mean and
    median 11); core still there after 38 days (04-24 to 06-01). Interview: acme 14;
    dash still there after 7. Offer: none ended; acme there for 28 days. Accepted is
    final: no stays."""
    rows = [
        (stage.stays, stage.mean_days, stage.median_days, stage.open_stays, stage.open_mean_days)
        for stage in report().funnel.stages
    ]

    assert [
        (5, 16.2, 10.0, 1, 12.0),
        (2, 11.0, 11.0, 1, 38.0),
        (1, 14.0, 14.0, 1, 7.0),
        (0, None, None, 1, 28.0),
        (0, None, None, 0, None),
    ] == rows


def test_the_funnel_per_resume() -> None:
    """cv-a (acme, bolt, fern): reached 3, 2, 1, 1, 0. cv-b (core, dash, gulf): 2, 2,
    1, 0, 0, with no conversion out of offer. No resume (echo): 1, 0, ..."""
    by_resume = report().by_resume

    assert ["cv-a", "cv-b", None] == [entry.resume for entry in by_resume]
    cv_a, cv_b, none = (entry.funnel for entry in by_resume)
    assert (3, [3, 2, 1, 1, 0]) == (cv_a.applications, reached(cv_a))
    assert [pytest.approx(2 / 3), 0.5, 1.0, 0.0, None] == conversions(cv_a)
    assert (3, [2, 2, 1, 0, 0]) == (cv_b.applications, reached(cv_b))
    assert [1.0, 0.5, 0.0, None, None] == conversions(cv_b)
    assert (1, [1, 0, 0, 0, 0]) == (none.applications, reached(none))


def test_the_funnel_of_referrals_against_cold_applications() -> None:
    """Referred (acme, dash): 2, 2, 2, 1, 0. Cold (bolt, core, echo, fern, gulf): 4, 2,
    0, 0, 0 out of 5."""
    found = report()

    assert (2, [2, 2, 2, 1, 0]) == (found.referred.applications, reached(found.referred))
    assert [1.0, 1.0, 0.5, 0.0, None] == conversions(found.referred)
    assert (5, [4, 2, 0, 0, 0]) == (found.cold.applications, reached(found.cold))
    assert [0.5, 0.0, None, None, None] == conversions(found.cold)


def test_the_active_applications() -> None:
    """Open: core (news 05-01, 31 days), acme (05-04, 28; its follow-up of 04-21 is
    older), echo (05-20, 12), dash (05-25, 7), gulf (05-28, 4), longest silence first."""
    active = report().active

    assert [
        ("core", Stage.SCREENING, day("05-01"), 31, True),
        ("acme", Stage.OFFER, day("05-04"), 28, False),
        ("echo", Stage.APPLIED, day("05-20"), 12, False),
        ("dash", Stage.INTERVIEW, day("05-25"), 7, False),
        ("gulf", Stage.SAVED, day("05-28"), 4, False),
    ] == [
        (
            item.application,
            item.stage,
            item.last_news,
            item.days_since_news,
            item.followed_up_in_stage,
        )
        for item in active
    ]
    acme = active[1]
    assert (day("05-04"), 28, day("06-05"), 4) == (
        acme.since,
        acme.days_in_stage,
        acme.offer_deadline,
        acme.offer_days_left,
    )
    assert (True, "cv-a") == (acme.referred, acme.resume)
    assert [None, None, None, None] == [item.offer_days_left for item in active if item is not acme]


def test_an_earlier_date_sees_only_what_had_happened() -> None:
    """As of 04-30 acme is in interview (since 04-20) and followed up on 04-21; dash is
    still applied; echo, gulf and hive are not there yet."""
    earlier = job_search(search_plan(), as_of=day("04-30"))

    assert 5 == earlier.funnel.applications
    acme = next(item for item in earlier.active if item.application == "acme")
    assert (Stage.INTERVIEW, True, None) == (
        acme.stage,
        acme.followed_up_in_stage,
        acme.offer_deadline,
    )
    assert ["acme", "core", "dash"] == sorted(item.application for item in earlier.active)


def test_no_applications() -> None:
    """A plan without applications has an empty funnel: zeros and no conversions."""
    empty = job_search(search_plan(application("late", "applied 07-01")), as_of=AS_OF)

    assert (0, [0, 0, 0, 0, 0]) == (empty.funnel.applications, reached(empty.funnel))
    assert [None] * 5 == conversions(empty.funnel)
    assert ((), ()) == (empty.by_resume, empty.active)


# Alerts -------------------------------------------------------------------------------


def test_the_table_raises_one_alert_of_each_kind() -> None:
    """core is silent (31 days > 21, since 05-01, so from 05-22), dash's interview of
    05-25 has no follow-up after 7 days (> 2, from 05-27), acme's offer is to be answered
    in 4 days (<= 7); echo's 12 days of silence are within 21."""
    alerts = job_alerts(search_plan(), as_of=AS_OF, policy=POLICY)

    assert [
        (AlertKind.APPLICATION_SILENT, AlertSeverity.WARNING, "core", day("05-22")),
        (AlertKind.INTERVIEW_NO_FOLLOW_UP, AlertSeverity.WARNING, "dash", day("05-27")),
        (AlertKind.OFFER_DEADLINE, AlertSeverity.WARNING, "acme", day("06-05")),
    ] == [(alert.kind, alert.severity, alert.subject, alert.on) for alert in alerts]
    silent, interview, offer = alerts
    assert {"stage": "screening", "last_news": day("05-01"), "days_silent": 31} == dict(
        silent.evidence
    )
    assert "follow up with Core" in silent.correction
    assert "31 days" in silent.message
    assert {"interview_on": day("05-25"), "days_since": 7} == dict(interview.evidence)
    assert "thank-you" in interview.correction
    assert {"offer_deadline": day("06-05"), "days_left": 4} == dict(offer.evidence)
    assert "in 4 days" in offer.message
    assert "answer by 2026-06-05" in offer.correction


def alerts_of(*applications: Application, as_of: date = AS_OF, **policy: int) -> list[Alert]:
    """The job alerts of a plan of ``applications``."""
    return job_alerts(search_plan(*applications), as_of=as_of, policy=CareerPolicy(**policy))


@pytest.mark.parametrize(("silent_days", "raised"), [(30, True), (31, False)])
def test_silence_counts_from_the_last_news(silent_days: int, raised: bool) -> None:
    """core's 31 days without news raise the alert only above the threshold."""
    core = application("core", "applied 04-10, screening 04-24", follow_ups=["05-01"])

    kinds = [alert.kind for alert in alerts_of(core, silent_days=silent_days)]

    assert ([AlertKind.APPLICATION_SILENT] if raised else []) == kinds


def test_a_follow_up_after_the_date_does_not_break_the_silence() -> None:
    """Applied on 04-01 and followed up on 06-02: as of 06-01, 61 days of silence."""
    quiet = application("quiet", "applied 04-01", follow_ups=["06-02"])

    (alert,) = alerts_of(quiet)

    assert (61, day("04-01"), "applied") == (
        alert.evidence["days_silent"],
        alert.evidence["last_news"],
        alert.evidence["stage"],
    )


def test_silence_in_an_interview_is_not_an_application_silent() -> None:
    """Once interviewed the next move is the person's: a follow-up, not a silence."""
    waited = application("waited", "applied 03-02, interview 03-09", follow_ups=["03-10"])

    assert [] == alerts_of(waited)


@pytest.mark.parametrize(
    ("follow_ups", "as_of", "raised"),
    [((), "05-27", False), ((), "05-28", True), (("05-25",), "06-01", False)],
)
def test_an_interview_wants_a_follow_up(
    follow_ups: tuple[str, ...], as_of: str, raised: bool
) -> None:
    """An interview on 05-25 needs a follow-up within 2 days: none by 05-27 is fine,
    none by 05-28 is not; one on the interview day counts."""
    met = application("met", "applied 05-01, interview 05-25", follow_ups=follow_ups)

    alerts = alerts_of(met, as_of=day(as_of))

    assert ([AlertKind.INTERVIEW_NO_FOLLOW_UP] if raised else []) == [a.kind for a in alerts]


@pytest.mark.parametrize(
    ("deadline", "severity", "words"),
    [
        ("06-09", None, ""),
        ("06-08", AlertSeverity.WARNING, "in 7 days"),
        ("06-01", AlertSeverity.CRITICAL, "today"),
        ("05-30", AlertSeverity.CRITICAL, "2 days ago"),
    ],
)
def test_an_offer_deadline(deadline: str, severity: AlertSeverity | None, words: str) -> None:
    """An offer answered by a day within 7 days warns; on the day or after it, critical."""
    offered = application(
        "offer", "applied 04-01, offer 05-20", follow_ups=["05-21"], offer_deadline=day(deadline)
    )

    alerts = alerts_of(offered)

    if severity is None:
        assert [] == alerts
        return
    (alert,) = alerts
    assert (AlertKind.OFFER_DEADLINE, severity) == (alert.kind, alert.severity)
    assert (day("06-01") - day(deadline)).days == -alert.evidence["days_left"]  # type: ignore[operator]
    assert words in alert.message


def test_an_accepted_offer_needs_no_answer() -> None:
    """An offer accepted before its deadline, or rejected, raises nothing."""
    accepted = application(
        "won", "applied 04-01, offer 05-20, accepted 05-25", offer_deadline=day("06-02")
    )

    assert [] == alerts_of(accepted)


def test_the_sample_document() -> None:
    """plan-v4.json as of 2025-03-10: acme (applied 2025-02-10, interview 2025-03-03,
    followed up 2025-03-04) is in interview, followed up; its applied stay was 21 days."""
    plan = careerkit.loads(V4.read_text(encoding="utf-8"))
    found = job_search(plan, as_of=date(2025, 3, 10))

    (acme,) = found.active
    assert (Stage.INTERVIEW, True, 6) == (
        acme.stage,
        acme.followed_up_in_stage,
        acme.days_since_news,
    )
    assert 21.0 == found.funnel.stages[0].mean_days
    assert [] == job_alerts(plan, as_of=date(2025, 3, 10), policy=POLICY)
    later = job_alerts(plan, as_of=date(2025, 3, 28), policy=CareerPolicy(silent_days=21))
    assert [] == later  # in interview: not a silence


# Documents and arguments ----------------------------------------------------------------


def test_the_report_and_alerts_are_documents_of_their_schemas() -> None:
    """The JSON forms validate against ``json_schema("job_search")`` and ``("alert")``."""
    for kind, values in (
        ("job_search", [report(), job_search(search_plan(), as_of=day("03-01"))]),
        ("alert", job_alerts(search_plan(), as_of=AS_OF, policy=POLICY)),
    ):
        schema = careerkit.json_schema(kind)
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        for value in values:
            validator.validate(careerkit.to_dict(value))
    assert "2026-06-01" == careerkit.to_dict(report())["as_of"]


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"plan": None}, "plan"),
        ({"plan": {"id": "p"}}, "plan"),
        ({"as_of": datetime(2026, 6, 1, 9)}, "as_of"),
        ({"as_of": "2026-06-01"}, "as_of"),
        ({"as_of": None}, "as_of"),
    ],
)
def test_wrong_arguments_are_refused(arguments: dict[str, Any], path: str) -> None:
    """A wrong plan or date raises a ValidationError naming it, in both functions."""
    valid: dict[str, Any] = {"plan": search_plan(), "as_of": AS_OF}
    with pytest.raises(ValidationError) as raised:
        job_search(**{**valid, **arguments})
    assert path == raised.value.path
    with pytest.raises(ValidationError) as raised:
        job_alerts(**{**valid, **arguments}, policy=POLICY)
    assert path == raised.value.path


def test_a_wrong_policy_is_refused() -> None:
    """The alerts take a CareerPolicy, nothing else."""
    with pytest.raises(ValidationError) as raised:
        job_alerts(search_plan(), as_of=AS_OF, policy={"silent_days": 3})  # type: ignore[arg-type]

    assert "policy" == raised.value.path


def test_the_report_is_unchanged_by_the_order_of_the_applications() -> None:
    """Applications listed in any order give the same report."""
    plan = search_plan()
    reversed_plan = evolve(plan, applications=tuple(reversed(plan.applications)))

    assert report() == job_search(reversed_plan, as_of=AS_OF)


def test_the_docs_page_example_prints_what_it_shows(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/job-search.rst's example prints its output, and its alerts are the ones the
    page names: core silent from 22 May, acme's offer due in 4 days."""
    page = ROOT / "docs" / "job-search.rst"
    namespace: dict[str, Any] = {}

    exec(compile(page_block(page, "python"), str(page), "exec"), namespace)

    assert page_block(page, "text") == capsys.readouterr().out
    alerts = job_alerts(namespace["plan"], as_of=AS_OF, policy=POLICY)
    assert [
        (AlertKind.APPLICATION_SILENT, "core", day("05-22"), AlertSeverity.WARNING),
        (AlertKind.OFFER_DEADLINE, "acme", day("06-05"), AlertSeverity.WARNING),
    ] == [(alert.kind, alert.subject, alert.on, alert.severity) for alert in alerts]
    assert 4 == alerts[1].evidence["days_left"]


# Properties ---------------------------------------------------------------------------

FORWARD = (Stage.SAVED, Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER)


@st.composite
def searches(draw: st.DrawFn) -> Plan:
    """Plans of up to 8 applications, each moving forward through some stages on
    non-decreasing days, perhaps ending accepted, rejected or withdrawn."""
    found = []
    for index in range(draw(st.integers(0, 8))):
        stages = sorted(draw(st.sets(st.sampled_from(FORWARD), min_size=1)), key=FORWARD.index)
        end = draw(st.sampled_from((None, Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN)))
        if end is Stage.ACCEPTED and stages[-1] is not Stage.OFFER:
            end = None
        on = day("03-02") + timedelta(days=draw(st.integers(0, 60)))
        changes = []
        for stage in [*stages, *([end] if end else [])]:
            on += timedelta(days=draw(st.integers(0, 20)))
            changes.append(StageChange(stage=stage, on=on))
        found.append(
            Application(
                id=f"a{index}",
                employer="E",
                title="T",
                stages=changes,
                resume=draw(st.sampled_from((None, "cv-a", "cv-b"))),
                referred_by=draw(st.sampled_from((None, "mentor"))),
            )
        )
    return search_plan(*found) if found else search_plan(application("x", "applied 12-01"))


@settings(max_examples=200, deadline=None)
@given(searches(), st.integers(0, 200))
def test_funnel_invariants(plan: Plan, offset: int) -> None:
    """Reached never grows down the funnel, each conversion is reached(next) /
    reached(this), the splits add up to the whole, every stay is counted once, and
    the open applications are those not ended, the longest silent first."""
    as_of = day("03-02") + timedelta(days=offset)
    found = job_search(plan, as_of=as_of)
    funnel = found.funnel
    counts = reached(funnel)

    assert counts == sorted(counts, reverse=True)
    for stage, following in zip(funnel.stages, [*counts[1:], None], strict=True):
        expected = following / stage.reached if following is not None and stage.reached else None
        assert expected == stage.conversion
    for split in ([entry.funnel for entry in found.by_resume], [found.referred, found.cold]):
        assert funnel.applications == sum(part.applications for part in split)
        totals = [sum(part.stages[index].reached for part in split) for index in range(5)]
        assert counts == totals
    known = [[change for change in item.stages if change.on <= as_of] for item in plan.applications]
    known = [changes for changes in known if changes]
    assert len(known) == funnel.applications
    for stage in funnel.stages[:-1]:
        entered = sum(1 for changes in known if any(c.stage is stage.stage for c in changes))
        assert entered == stage.stays + stage.open_stays
    assert sum(1 for changes in known if not changes[-1].stage.is_final) == len(found.active)
    keys = [(-entry.days_since_news, entry.application) for entry in found.active]
    assert sorted(keys) == keys
    assert all(entry.days_since_news >= 0 for entry in found.active)


def test_the_report_and_alerts_pickle_and_copy() -> None:
    """The report and its alerts travel to worker processes unchanged."""
    alerts = job_alerts(search_plan(), as_of=AS_OF, policy=POLICY)

    for value in (report(), alerts):
        assert value == pickle.loads(pickle.dumps(value))
        assert value == copy.deepcopy(value)
