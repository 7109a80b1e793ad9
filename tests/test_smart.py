"""Tests for careerkit.smart: one test per finding code, verdicts, scores and policies."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given

import careerkit
from careerkit import (
    Calendar,
    Criterion,
    Finding,
    Goal,
    GoalStatus,
    Horizon,
    Measurement,
    Metric,
    Plan,
    Profile,
    Severity,
    SmartPolicy,
    Task,
    ValidationError,
    Verdict,
    assess,
    assess_plan,
    assess_text,
)

from .strategies import deterministic, plans

AS_OF = date(2026, 11, 26)
START = date(2026, 1, 5)
GOOD: dict[str, object] = {
    "id": "cert",
    "title": "Earn the Google Analytics certification",
    "horizon": Horizon.SHORT,
    "deadline": date(2026, 12, 18),
    "relevant_to": ("analytics",),
}


def plan_with(*goals: Goal, tasks: tuple[Task, ...] = (), **fields: object) -> Plan:
    """A plan around the goals, with a profile their ``relevant_to`` can name."""
    return Plan(
        id="p",
        owner="Ana",
        start=START,
        profile=Profile(interests=("analytics",), values=("growth",)),
        goals=goals,
        tasks=tasks,
        **fields,  # type: ignore[arg-type]
    )


def codes(goal: Goal, plan: Plan | None = None, **options: object) -> list[str]:
    """The finding codes for a goal (within a plan when given)."""
    result = assess(goal, plan=plan, as_of=options.pop("as_of", AS_OF) if plan else None)
    return [finding.code for finding in result.findings]


def test_a_good_goal_has_no_findings() -> None:
    """A specific, measured, linked, dated goal within its horizon passes every rule."""
    goal = Goal(**GOOD)
    plan = plan_with(goal, tasks=(Task(id="study", goal="cert", title="Study", duration=10),))

    result = assess(goal, plan=plan, as_of=AS_OF)

    assert [] == [(finding.code, finding.message) for finding in result.findings]
    assert result.is_smart
    assert 1.0 == result.score


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Improve my analytics skills", "S001"),
        ("Get better at marketing reports", "S001"),
        ("Analytics", "S002"),
        ("Marketing director role in Berlin", "S003"),
    ],
)
def test_specific_findings(title: str, code: str) -> None:
    """S001 vague wording, S002 too short, S003 no action verb."""
    goal = Goal(**{**GOOD, "title": title})

    assert code in codes(goal)
    assert Verdict.UNMET == assess(goal).verdict(Criterion.SPECIFIC)


@pytest.mark.parametrize(
    "title",
    [
        "Switch to the data engineering team in Lisbon",
        "Transition into UX research at a fintech company",
        "Relocate to Berlin to join the platform team",
        "Tailor the resume for marketing director roles",
        "Negotiate a senior title with my manager",
        "Ship the onboarding redesign for the mobile app",
    ],
)
def test_career_moves_have_an_action_verb(title: str) -> None:
    """Moving, switching, relocating and shipping are actions: no S003."""
    assert "S003" not in codes(Goal(**{**GOOD, "title": title}))


@pytest.mark.parametrize(
    "title",
    [
        "Investment banking analyst role in London",
        "Editor position at a national newspaper",
        "Openings on the platform team in Lisbon",
    ],
)
def test_nouns_that_begin_like_verbs_are_no_action(title: str) -> None:
    """A role or a thing named by a noun that begins like a verb still lacks an action."""
    assert "S003" in codes(Goal(**{**GOOD, "title": title}))


def test_m001_no_metric_and_no_tasks() -> None:
    """M001: nothing says when the goal is reached."""
    goal = Goal(**GOOD)

    assert "M001" in codes(goal, plan_with(goal))


def test_m001_not_raised_with_a_metric() -> None:
    """A metric with a baseline and target makes the goal measurable without tasks."""
    goal = Goal(**GOOD, metric=Metric(name="score", baseline=50, target=85))

    assert "M001" not in codes(goal, plan_with(goal))


def test_m002_target_equals_baseline() -> None:
    """M002: a target equal to the baseline is not a goal."""
    goal = Goal(**GOOD, metric=Metric(name="score", baseline=50, target=50))

    assert "M002" in codes(goal)


def test_a001_effort_above_capacity() -> None:
    """A001: 200 hours due in about 10 working days at 10 hours a week cannot fit."""
    goal = Goal(**{**GOOD, "deadline": date(2026, 12, 10)})
    heavy = Task(id="study", goal="cert", title="Study", duration=5, effort=200)
    plan = plan_with(goal, tasks=(heavy,), weekly_capacity=10)

    assert "A001" in codes(goal, plan)
    assert Verdict.UNMET == assess(goal, plan=plan, as_of=AS_OF).verdict(Criterion.ACHIEVABLE)


def test_a002_rate_far_above_the_past_rate() -> None:
    """A002: +2 followers a month so far, +100 a month needed."""
    goal = Goal(
        **GOOD,
        metric=Metric(name="followers", unit="people", baseline=100, target=700),
        measurements=(
            Measurement(on=date(2026, 5, 1), value=100),
            Measurement(on=date(2026, 11, 1), value=112),
        ),
    )
    plan = plan_with(goal, tasks=(Task(id="post", goal="cert", title="Post weekly"),))

    assert "A002" in codes(goal, plan)


def test_a003_too_many_active_goals() -> None:
    """A003 (a warning): more active goals than the policy allows."""
    goals = [Goal(**{**GOOD, "id": f"g{n}"}) for n in range(3)]
    plan = plan_with(*goals)

    result = assess(goals[0], plan=plan, as_of=AS_OF, policy=SmartPolicy(max_active_goals=2))

    achievable = [f for f in result.findings if f.criterion is Criterion.ACHIEVABLE]
    assert ["A003"] == [f.code for f in achievable]
    assert Severity.WARNING == achievable[0].severity
    assert Verdict.MET == result.verdict(Criterion.ACHIEVABLE)


def test_a004_schedule_finishes_after_the_deadline() -> None:
    """A004: 40 working days of work due in 10."""
    goal = Goal(**{**GOOD, "deadline": date(2026, 12, 10)})
    plan = plan_with(goal, tasks=(Task(id="study", goal="cert", title="Study", duration=40),))

    assert "A004" in codes(goal, plan)


def test_r001_linked_to_nothing() -> None:
    """R001: no parent, no profile entry, no echo of the vision."""
    goal = Goal(**{**GOOD, "relevant_to": ()})

    assert "R001" in codes(goal, plan_with(goal))


def test_r001_not_raised_when_the_title_echoes_the_vision() -> None:
    """A goal whose title shares words with the vision is linked to it."""
    goal = Goal(**{**GOOD, "relevant_to": ()})
    plan = plan_with(goal, vision="Lead analytics for a marketing team; earn certification")

    assert "R001" not in codes(goal, plan)


def test_r002_long_term_goal_alone() -> None:
    """R002: a long-term goal that nothing shorter serves."""
    goal = Goal(
        **{**GOOD, "horizon": Horizon.LONG, "deadline": date(2030, 12, 31)},
    )

    assert "R002" in codes(goal, plan_with(goal))


def test_t001_no_deadline() -> None:
    """T001: no deadline, with a suggested date."""
    goal = Goal(**{**GOOD, "deadline": None}, metric=Metric(name="score", baseline=1, target=2))
    result = assess(goal)

    assert ["T001"] == [f.code for f in result.findings]
    assert "add a deadline" in result.findings[0].suggestion


def test_t003_deadline_passed() -> None:
    """T003: an active goal whose deadline has passed."""
    goal = Goal(**{**GOOD, "deadline": date(2026, 3, 31)})

    assert "T003" in codes(goal, plan_with(goal))


def test_t003_not_raised_for_an_achieved_goal() -> None:
    """A goal achieved before its deadline passed is fine."""
    goal = Goal(
        **{**GOOD, "deadline": date(2026, 3, 31)},
        status=GoalStatus.ACHIEVED,
        achieved_on=date(2026, 3, 27),
    )

    assert "T003" not in codes(goal, plan_with(goal))


def test_t004_horizon_mismatch() -> None:
    """T004: a short-term goal due in four years."""
    goal = Goal(**{**GOOD, "deadline": date(2030, 1, 31)})

    assert "T004" in codes(goal, plan_with(goal))


def test_custom_rule_and_policy() -> None:
    """A custom rule's findings join the built-in ones under its own code."""

    def mentor_named(context: object) -> list[Finding]:
        return [
            Finding(
                criterion=Criterion.ACHIEVABLE,
                severity=Severity.ERROR,
                code="X001",
                message="no mentor named",
                suggestion="name one",
            )
        ]

    goal = Goal(**GOOD, metric=Metric(name="score", baseline=1, target=2))
    result = assess(goal, policy=SmartPolicy(rules=(mentor_named,)))

    assert ["X001"] == [finding.code for finding in result.findings]
    assert (Criterion.ACHIEVABLE,) == result.missing


def test_policy_rejects_bad_thresholds() -> None:
    """Policies check their thresholds like model values do."""
    with pytest.raises(ValidationError) as caught:
        SmartPolicy(max_active_goals=0)

    assert "max_active_goals" == caught.value.path


def test_text_achievable_unknown_and_relevant_from_purpose() -> None:
    """Text alone cannot judge Achievable; a purpose clause makes it Relevant."""
    plain = assess_text("Earn the PMP certification by June 2027", as_of=AS_OF)
    purposeful = assess_text(
        "Earn the PMP certification by June 2027 so that I can lead larger projects",
        as_of=AS_OF,
    )

    assert Verdict.UNKNOWN == plain.verdict(Criterion.ACHIEVABLE)
    assert Verdict.UNKNOWN == plain.verdict(Criterion.RELEVANT)
    assert Verdict.MET == purposeful.verdict(Criterion.RELEVANT)
    assert 0.8 == plain.score
    assert 0.9 == purposeful.score


def test_text_vague_goal() -> None:
    """A vague sentence misses Specific, Measurable and Time-bound, each with a suggestion."""
    result = assess_text("I want to get better at marketing", as_of=AS_OF)

    assert (Criterion.SPECIFIC, Criterion.MEASURABLE, Criterion.TIME_BOUND) == result.missing
    assert all(finding.suggestion for finding in result.findings)


def test_example_plan_has_honest_findings() -> None:
    """The example plan's goals are judged without error; the late diploma is not SMART."""
    plan = careerkit.loads(
        (careerkit.__file__ and __import__("pathlib").Path(__file__).parent.parent / "examples"
         / "marketing_director.json").read_text(encoding="utf-8")
    )  # fmt: skip
    results = {result.subject: result for result in assess_plan(plan, as_of=AS_OF)}

    assert not results["digital-marketing-diploma"].is_smart
    assert "A004" in [f.code for f in results["digital-marketing-diploma"].findings]
    assert results["ga-certification"].is_smart


@deterministic
@given(plans(max_tasks=4))
def test_assess_never_raises_and_scores_are_bounded(plan: Plan) -> None:
    """On any valid plan, every goal is judged; score in [0, 1]; SMART exactly when
    nothing is missing."""
    for result in assess_plan(plan, as_of=AS_OF):
        assert 0.0 <= result.score <= 1.0
        assert result.is_smart == (not result.missing)
        assert len(Criterion) == len(result.verdicts)


def test_calendar_is_used_for_capacity() -> None:
    """Capacity counts the plan's working days: a six-day week leaves more hours."""
    goal = Goal(**{**GOOD, "deadline": date(2026, 12, 24)})
    task = Task(id="study", goal="cert", title="Study", duration=5, effort=36)
    five = plan_with(goal, tasks=(task,), weekly_capacity=10)
    six = plan_with(
        goal,
        tasks=(task,),
        weekly_capacity=12,
        calendar=Calendar(working_days=tuple(careerkit.Weekday)[:6]),
    )

    assert "A001" not in codes(goal, five)
    assert "A001" not in codes(goal, six)


DATA = __import__("pathlib").Path(__file__).parent / "data"


def test_agreement_with_published_labels() -> None:
    """``assess_text`` agrees with the SMART / not-SMART labels that the authors of
    published career-advice, HR and university guides gave their own examples
    (tests/data/smart_goals.json, each entry citing its source) at least 90% of the time."""
    entries = __import__("json").loads((DATA / "smart_goals.json").read_text(encoding="utf-8"))
    agreed = sum(
        assess_text(
            entry["text"], as_of=date.fromisoformat(entry.get("as_of", "2026-11-26"))
        ).is_smart
        == entry["smart"]
        for entry in entries
    )

    assert len(entries) >= 60
    assert agreed / len(entries) >= 0.9


def _phrases() -> list[dict[str, str]]:
    return __import__("json").loads((DATA / "deadline_phrases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", _phrases(), ids=lambda entry: entry["text"])
def test_deadline_phrases(entry: dict[str, str]) -> None:
    """Each phrase gives the deadline a careful reader takes from it, or None."""
    expected = date.fromisoformat(entry["expected"]) if entry["expected"] else None

    assert expected == careerkit.parse_deadline(
        entry["text"], as_of=date.fromisoformat(entry["as_of"])
    )


def _example_plan() -> Plan:
    path = (
        __import__("pathlib").Path(__file__).parent.parent / "examples" / "marketing_director.json"
    )
    return careerkit.loads(path.read_text(encoding="utf-8"))


def test_assess_plan_schedules_the_plan_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every goal's A004 reads one shared schedule: one ``schedule()`` per call, none
    when the caller hands one in, and the same results either way."""
    import careerkit.smart._facts as facts

    plan = _example_plan()
    calls: list[object] = []

    def counted(*args: object, **options: object) -> careerkit.Schedule:
        calls.append(args)
        return careerkit.schedule(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(facts, "compute_schedule", counted)
    computed = assess_plan(plan, as_of=AS_OF)
    assert 1 == len(calls)

    given = assess_plan(plan, as_of=AS_OF, schedule=careerkit.schedule(plan, as_of=AS_OF))
    assert 1 == len(calls)
    assert computed == given


def test_assess_with_a_given_schedule() -> None:
    """``assess`` judges A004 from the schedule it is given."""
    plan = _example_plan()
    timing = careerkit.schedule(plan, as_of=AS_OF)
    goal = plan.goal("digital-marketing-diploma")

    assert assess(goal, plan=plan, as_of=AS_OF) == assess(
        goal, plan=plan, as_of=AS_OF, schedule=timing
    )


@pytest.mark.parametrize("call", ["assess", "assess_plan"])
def test_schedule_must_be_a_schedule(call: str) -> None:
    """A ``schedule`` that is not a Schedule is refused, naming the argument."""
    plan = _example_plan()
    judge = {
        "assess": lambda: assess(plan.goals[0], plan=plan, as_of=AS_OF, schedule="soon"),
        "assess_plan": lambda: assess_plan(plan, as_of=AS_OF, schedule={"a": 1}),
    }[call]
    with pytest.raises(ValidationError) as caught:
        judge()

    assert "schedule" == caught.value.path


def test_assess_plan_unschedulable_plan_skips_a004() -> None:
    """When the calendar cannot schedule the plan, A004 is not judged and nothing raises."""
    goal = Goal(**{**GOOD, "deadline": date(2026, 12, 10)})
    weekend = Goal(**{**GOOD, "id": "weekend", "deadline": date(2026, 1, 4)})
    task = Task(id="study", goal="cert", title="Study", duration=40)
    plan = Plan(
        id="p",
        owner="Ana",
        start=date(2026, 1, 3),
        profile=Profile(interests=("analytics",)),
        goals=(goal, weekend),
        tasks=(task,),
    )
    with pytest.raises(ValidationError):  # no working day from Saturday's start to Sunday
        careerkit.schedule(plan, as_of=AS_OF)

    assert "A004" not in [f.code for f in assess_plan(plan, as_of=AS_OF)[0].findings]
    assert "A004" in [
        f.code for f in assess_plan(evolve(plan, goals=(goal,)), as_of=AS_OF)[0].findings
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Improve my analytics skills", ["S001", "M001", "T001"]),
        ("Analytics", ["S002", "S003", "M001", "T001"]),
        ("Run a 5k every week", []),
        ("Earn the PMP certification by March 2026", ["T003"]),
        ("Become a senior manager by June 2027", []),
    ],
)
def test_text_runs_the_goal_rules(text: str, codes: list[str]) -> None:
    """A sentence is judged by the S, M and T rules of structured goals, with what
    it says standing in for a metric and a deadline (a job title counts, a cadence
    binds it in time, a past deadline is T003)."""
    assert codes == [finding.code for finding in assess_text(text, as_of=AS_OF).findings]


def test_text_and_goal_agree_on_wording() -> None:
    """The S findings of a title are the same as a structured goal and as a sentence."""
    for title in ("Improve my analytics skills", "Analytics", "Marketing director role in Berlin"):
        goal_codes = [f.code for f in assess(Goal(**{**GOOD, "title": title})).findings]
        text_codes = [f.code for f in assess_text(title, as_of=AS_OF).findings]

        assert [c for c in goal_codes if c[0] == "S"] == [c for c in text_codes if c[0] == "S"]


def test_schedule_must_be_made_as_of_the_same_date() -> None:
    """A schedule made at another status date is refused rather than silently used."""
    plan = _example_plan()
    other = careerkit.schedule(plan, as_of=date(2026, 10, 1))

    with pytest.raises(ValidationError) as caught:
        assess_plan(plan, as_of=AS_OF, schedule=other)

    assert "schedule" == caught.value.path
    assert "2026-10-01" in caught.value.problem


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"horizon_years": {}}, "horizon_years"),
        ({"horizon_years": {"short": 1.0}}, "horizon_years"),
        (
            {"horizon_years": {Horizon.SHORT: -1.0, Horizon.MEDIUM: 3.0, Horizon.LONG: 10.0}},
            "horizon_years[short]",
        ),
        ({"rules": "abc"}, "rules"),
        ({"rules": (1,)}, "rules[0]"),
    ],
)
def test_a_policy_refuses_spans_and_rules_it_cannot_use(fields: dict[str, Any], path: str) -> None:
    """Every horizon needs a positive span, and rules must be functions."""
    with pytest.raises(ValidationError) as caught:
        SmartPolicy(**fields)

    assert path in [problem.path for problem in caught.value.problems]


def test_a_rule_that_yields_no_finding_is_named() -> None:
    """A custom rule yielding something else than a Finding is a ValidationError naming it."""
    policy = SmartPolicy(rules=(lambda context: [1],))

    with pytest.raises(ValidationError) as caught:
        assess(Goal(id="g", title="Earn the PMP certification"), policy=policy)

    assert "policy.rules[0]" == caught.value.problems[0].path


def test_a_policy_holds_its_spans_read_only() -> None:
    """The spans of a policy cannot be changed behind its checks."""
    policy = SmartPolicy()

    with pytest.raises(TypeError):
        policy.horizon_years[Horizon.SHORT] = 100.0  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "Improve my skills by 2027-06-30",
        "Improve my skills within six months",
        "Network more by the end of 2027",
    ],
)
def test_the_digits_of_a_deadline_do_not_make_a_vague_goal_measurable(text: str) -> None:
    """A date or a span of time is not a quantity: vague wording stays vague (S001, M001)."""
    found = assess_text(text, as_of=date(2026, 1, 5))

    assert not found.is_smart
    assert {"S001", "M001"} <= {finding.code for finding in found.findings}
