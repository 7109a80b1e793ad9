"""Every value pickles and deep-copies, and is equal to itself after the round trip.

Plans travel to worker processes, caches and distributed engines, so each public
value must survive ``pickle`` (at the default and the highest protocol) and
``copy.deepcopy``: the model and its parts, schedules, histories, every result
type and every error.
"""

from __future__ import annotations

import copy
import enum
import inspect
import pickle
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

import careerkit
from careerkit import (
    CareerkitError,
    CycleError,
    History,
    HistoryError,
    Plan,
    Problem,
    SchemaVersionError,
    UnknownReferenceError,
    ValidationError,
)

from .schedule_strategies import dag_plans
from .strategies import (
    calendars,
    check_ins,
    deterministic,
    edit_sequences,
    edited_plans,
    measurements,
    metrics,
    plans,
    profiles,
    texts,
)

few = settings(deterministic, max_examples=25)
"""Hypothesis settings of this module: repeatable, and few examples to stay fast."""

AS_OF = date(2026, 3, 2)
AT = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def assert_round_trips(value: object) -> None:
    """``value`` comes back equal, and of the same type, from pickle and deepcopy."""
    copies = [
        pickle.loads(pickle.dumps(value)),
        pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)),
        copy.deepcopy(value),
    ]
    for copied in copies:
        assert type(value) is type(copied)
        assert value == copied


def assert_error_round_trips(error: CareerkitError) -> None:
    """An error comes back of the same type, with the same message, args and attributes
    (exceptions compare by identity, so their parts are compared)."""
    copies = [pickle.loads(pickle.dumps(error)), copy.deepcopy(error)]
    for copied in copies:
        assert type(error) is type(copied)
        assert str(error) == str(copied)
        assert error.args == copied.args
        assert vars(error) == vars(copied)


# -- the model ----------------------------------------------------------------


@few
@given(plans(max_goals=3, max_tasks=5))
def test_plans_round_trip(plan: Plan) -> None:
    """A whole plan pickles and deep-copies."""
    assert_round_trips(plan)


@few
@given(plans(max_goals=3, max_tasks=5))
def test_the_parts_of_plans_round_trip(plan: Plan) -> None:
    """Goals, tasks, their dependencies and metrics, check-ins, the profile and the
    calendar of a plan each pickle and deep-copy on their own."""
    parts: list[object] = [plan.profile, plan.calendar, *plan.goals, *plan.tasks]
    parts += [*plan.check_ins, *(goal.metric for goal in plan.goals if goal.metric)]
    parts += [dependency for task in plan.tasks for dependency in task.links]
    for part in parts:
        assert_round_trips(part)


@few
@given(
    st.one_of(
        profiles(),
        calendars(),
        metrics(),
        measurements(),
        check_ins(),
        st.builds(Problem, texts(required=False), texts()),
    )
)
def test_small_values_round_trip(value: object) -> None:
    """The small values of a plan, drawn on their own, pickle and deep-copy."""
    assert_round_trips(value)


def _public_enums() -> list[type[enum.Enum]]:
    values = (getattr(careerkit, name) for name in careerkit.__all__)
    return [value for value in values if inspect.isclass(value) and issubclass(value, enum.Enum)]


@pytest.mark.parametrize("kind", _public_enums(), ids=lambda kind: kind.__name__)
def test_enumerations_round_trip(kind: type[enum.Enum]) -> None:
    """Every member of every public enumeration comes back as itself."""
    for member in kind:
        assert member is pickle.loads(pickle.dumps(member))
        assert member is copy.deepcopy(member)


@few
@given(calendars())
def test_day_indexes_round_trip(calendar: careerkit.Calendar) -> None:
    """A ``DayIndex`` comes back counting the same working days."""
    index = careerkit.DayIndex(calendar)
    days = [date(2026, 1, 1) + timedelta(days=offset) for offset in range(0, 400, 7)]
    for copied in (pickle.loads(pickle.dumps(index)), copy.deepcopy(index)):
        assert [index.index_of(day) for day in days] == [copied.index_of(day) for day in days]
        assert [index.is_working_day(d) for d in days] == [copied.is_working_day(d) for d in days]


def test_policies_round_trip() -> None:
    """The default policies of SMART checks and of urgency pickle and deep-copy."""
    assert_round_trips(careerkit.SmartPolicy(max_active_goals=3))
    assert_round_trips(careerkit.UrgencyPolicy(critical=4.0))
    assert_round_trips(careerkit.HealthPolicy(spi_t_at_risk=0.9))
    assert_round_trips(careerkit.SlippagePolicy(buffer_days=3))
    assert_round_trips(careerkit.ForecastPolicy(window_weeks=6))


# -- progress, slippage and forecasts ---------------------------------------------

_EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"


def test_the_results_of_tracking_round_trip() -> None:
    """Progress reports, alerts and forecasts of the example plan, and their parts, pickle."""
    plan = careerkit.loads(_EXAMPLE.read_text(encoding="utf-8"))
    as_of = date(2026, 11, 26)
    report = careerkit.progress(plan, as_of=as_of)
    alerts = careerkit.detect_slippage(plan, as_of=as_of, progress=report)
    found = careerkit.forecast(plan, as_of=as_of, seed=1, runs=200)
    metric = next(goal.metric for goal in found.goals if goal.metric is not None)

    for value in (report, report.goals[0], report.tasks[0], report.earned_value, *alerts):
        assert_round_trips(value)
    for value in (found, found.plan, found.goals[0], metric):
        assert_round_trips(value)
    reviewed = careerkit.review(plan, as_of=as_of, policy=careerkit.ReviewPolicy(runs=100))
    early = careerkit.review(plan, as_of=date(2026, 3, 2), policy=careerkit.ReviewPolicy(runs=50))
    for value in (reviewed, reviewed.corrections[0], reviewed.satisfaction, early.wins[0]):
        assert_round_trips(value)
    assert_round_trips(careerkit.ReviewPolicy(seed=3))


# -- schedules ----------------------------------------------------------------


@st.composite
def _schedules(draw: st.DrawFn) -> careerkit.Schedule:
    """Schedules of plans from the model strategies (sometimes with a status date) and of
    deep plans with effort (sometimes leveled)."""
    if draw(st.booleans()):
        plan = draw(plans(max_goals=3, max_tasks=6))
        options = {"as_of": draw(st.none() | st.just(AS_OF))}
    else:
        plan = draw(dag_plans(max_effort=12, fitting=True))
        options = {"level": draw(st.booleans())}
    try:
        return careerkit.schedule(plan, **options)
    except ValidationError:  # a plan that cannot be scheduled (no working day to a deadline)
        reject()


@few
@given(_schedules())
def test_schedules_round_trip(result: careerkit.Schedule) -> None:
    """A schedule pickles and deep-copies, every task's dates included."""
    assert_round_trips(result)


@few
@given(_schedules())
def test_the_parts_of_schedules_round_trip(result: careerkit.Schedule) -> None:
    """Task and goal schedules, violations and weekly loads pickle and deep-copy."""
    for part in (*result.tasks, *result.goals, *result.violations, *result.load):
        assert_round_trips(part)


# -- histories ----------------------------------------------------------------


def _history(sequence: tuple[Plan, ...]) -> History:
    history = History.start(sequence[0], at=AT, author="ana", reason="first plan")
    for number, plan in enumerate(sequence[1:], start=1):
        history = history.commit(
            plan, at=AT + timedelta(days=number), author="coach", reason="review", allow_empty=True
        )
    return history.mark_baseline("agreed")


@few
@given(edit_sequences(max_size=4))
def test_histories_round_trip(sequence: tuple[Plan, ...]) -> None:
    """A history with revisions and a baseline pickles and deep-copies."""
    assert_round_trips(_history(sequence))


@few
@given(edit_sequences(max_size=3))
def test_revisions_round_trip(sequence: tuple[Plan, ...]) -> None:
    """Each revision, plan included, pickles and deep-copies."""
    for revision in _history(sequence).revisions:
        assert_round_trips(revision)


@few
@given(edit_sequences(max_size=4))
def test_log_entries_and_timelines_round_trip(sequence: tuple[Plan, ...]) -> None:
    """Log entries, the changes they show, and timeline points pickle and deep-copy."""
    history = _history(sequence)
    parts: list[object] = list(history.log())
    for goal in sequence[-1].goals:
        parts += history.timeline(goal.id)
    for part in parts:
        assert_round_trips(part)


# -- results --------------------------------------------------------------------


@few
@given(plans(max_goals=3, max_tasks=5))
def test_smart_assessments_round_trip(plan: Plan) -> None:
    """SMART assessments of a plan's goals, and their findings, pickle and deep-copy."""
    for assessment in careerkit.assess_plan(plan, as_of=AS_OF):
        assert_round_trips(assessment)
        for finding in assessment.findings:
            assert_round_trips(finding)


@few
@given(texts(max_size=60))
def test_assessments_of_text_round_trip(text: str) -> None:
    """The assessment of a goal written as free text pickles and deep-copies."""
    assert_round_trips(careerkit.assess_text(text, as_of=AS_OF))


@few
@given(plans(max_goals=3, max_tasks=6))
def test_next_actions_round_trip(plan: Plan) -> None:
    """Next actions and the terms of their urgency pickle and deep-copy."""
    try:
        actions = careerkit.next_actions(plan, as_of=AS_OF)
    except ValidationError:  # a plan that cannot be scheduled (no working day to a deadline)
        reject()
    for action in actions:
        assert_round_trips(action)
        for term in action.terms:
            assert_round_trips(term)


@st.composite
def _edits(draw: st.DrawFn) -> tuple[Plan, Plan]:
    plan = draw(plans(max_goals=3, max_tasks=5))
    return plan, draw(edited_plans(plan))


@few
@given(_edits())
def test_baseline_comparisons_round_trip(edit: tuple[Plan, Plan]) -> None:
    """A comparison with a baseline, and each of its variances, pickle and deep-copy."""
    try:
        comparison = careerkit.compare_to_baseline(*edit)
    except ValidationError:  # a plan that cannot be scheduled (no working day to a deadline)
        reject()
    for value in (comparison, *comparison.goals, *comparison.tasks):
        assert_round_trips(value)


@few
@given(_edits())
def test_changes_round_trip(edit: tuple[Plan, Plan]) -> None:
    """Every change between two plans pickles and deep-copies."""
    for change in careerkit.diff(*edit):
        assert_round_trips(change)


@st.composite
def _merges(draw: st.DrawFn) -> careerkit.MergeResult:
    base = draw(plans(max_goals=3, max_tasks=5))
    return careerkit.merge(base, draw(edited_plans(base)), draw(edited_plans(base)))


@few
@given(_merges())
def test_merge_results_round_trip(result: careerkit.MergeResult) -> None:
    """The result of a merge, with its plan or its conflicts, pickles and deep-copies."""
    assert_round_trips(result)


def test_conflicts_round_trip() -> None:
    """A merge that conflicts (it holds the merged plan) and its conflicts pickle and deep-copy."""
    base = Plan(id="p", owner="Ana", start=date(2026, 1, 5), vision="Lead a team")
    result = careerkit.merge(
        base, attrs.evolve(base, vision="Lead a unit"), attrs.evolve(base, vision="Teach")
    )

    assert not result.merged
    assert_round_trips(result)
    for conflict in result.conflicts:
        assert_round_trips(conflict)


# -- errors ---------------------------------------------------------------------


def _invalid_document_error() -> ValidationError:
    document: dict[str, Any] = {"id": "", "owner": "", "start": "2026-13-01", "goals": "none"}
    with pytest.raises(ValidationError) as caught:
        careerkit.from_dict({**careerkit.to_dict(Plan(id="p", owner="A", start=AS_OF)), **document})
    return caught.value


def test_a_validation_error_keeps_its_problems() -> None:
    """A validation error with several problems comes back with all of them."""
    error = _invalid_document_error()
    copied = pickle.loads(pickle.dumps(error))

    assert len(error.problems) > 1
    assert error.problems == copied.problems
    assert (error.path, error.problem) == (copied.path, copied.problem)


@pytest.mark.parametrize(
    "error",
    [
        CareerkitError("something went wrong"),
        ValidationError(path="goals[2].deadline", problem="before the start"),
        ValidationError(problems=[Problem("id", "empty"), Problem("tasks[0].goal", "unknown")]),
        CycleError(cycle=("a", "b", "a"), path="tasks"),
        SchemaVersionError(found=99, supported=careerkit.SCHEMA_VERSION),
        UnknownReferenceError(kind="task", id="missing"),
        HistoryError("revision 3 is older than revision 2"),
        careerkit.MissingExtraError(package="matplotlib", extra="plot"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_round_trip(error: CareerkitError) -> None:
    """Each error pickles and deep-copies with its message and attributes."""
    assert_error_round_trips(error)


def test_errors_raised_by_the_library_round_trip() -> None:
    """Errors as the library raises them (a document with many problems, a cycle) pickle."""
    with pytest.raises(CycleError) as cycle:
        Plan(
            id="p",
            owner="Ana",
            start=AS_OF,
            goals=[careerkit.Goal(id="g", title="Do g")],
            tasks=[
                careerkit.Task(id="a", goal="g", title="A", depends_on=["b"]),
                careerkit.Task(id="b", goal="g", title="B", depends_on=["a"]),
            ],
        )

    assert_error_round_trips(_invalid_document_error())
    assert_error_round_trips(cycle.value)
    assert cycle.value.cycle == pickle.loads(pickle.dumps(cycle.value)).cycle


# -- the career domain ------------------------------------------------------------

CAREER_PLAN = careerkit.loads(
    (Path(__file__).parent / "data" / "plan-v4.json").read_text(encoding="utf-8")
)


def _career_values(plan: careerkit.Plan) -> list[object]:
    """Every career value of a plan, nested ones included."""
    values: list[object] = [*plan.profile.skills, *plan.roles, *plan.assets, *plan.option_weights]
    values.extend(gain for item in (*plan.goals, *plan.tasks) for gain in item.builds)
    values.extend(required for role in plan.roles for required in role.skills)
    for contact in plan.contacts:
        values.extend((contact, *contact.interactions))
    for option in plan.options:
        values.extend((option, *option.ratings, *option.explorations))
    for application in plan.applications:
        values.extend((application, *application.stages))
    return values


def test_career_values_round_trip() -> None:
    """Skills, roles, assets, contacts, options and applications pickle and copy."""
    assert_round_trips(CAREER_PLAN)
    values = _career_values(CAREER_PLAN)
    kinds = {type(value).__name__ for value in values}
    for value in values:
        assert_round_trips(value)

    assert kinds == {
        "Skill", "SkillGain", "RequiredSkill", "Role", "Asset", "Contact", "Interaction",
        "CareerOption", "Rating", "Exploration", "CriterionWeight", "Application", "StageChange",
    }  # fmt: skip


def _career_results() -> list[object]:
    """Every career result type, computed on the sample plan with every career part."""
    as_of = date(2025, 6, 2)
    gaps = careerkit.skill_gaps(CAREER_PLAN, as_of=as_of)
    example = careerkit.loads(_EXAMPLE.read_text(encoding="utf-8"))
    levels = [
        level for level in careerkit.skill_levels(example, as_of=date(2026, 11, 26)) if level.raises
    ]
    ranking = careerkit.rank_options(CAREER_PLAN)
    search = careerkit.job_search(CAREER_PLAN, as_of=as_of)
    return [
        careerkit.CareerPolicy(silent_days=14),
        gaps,
        gaps.gaps[0],
        levels[0],
        levels[0].raises[0],
        ranking,
        ranking.options[0],
        ranking.options[0].contributions[0],
        ranking.flip,
        search,
        search.funnel,
        search.funnel.stages[0],
        search.by_resume[0],
        search.active[0],
        *_people_results(example),
        careerkit.career_overview(example, as_of=date(2026, 11, 26)),
    ]


def _people_results(plan: careerkit.Plan) -> list[object]:
    """The results of assets and relationships on the example plan."""
    as_of = date(2026, 11, 26)
    assets = careerkit.asset_status(plan, as_of=as_of)
    people = careerkit.relationship_status(plan, as_of=as_of)
    owed = next(state.follow_up for state in people.contacts if state.follow_up is not None)
    return [
        assets,
        assets.assets[0],
        assets.missing_resumes[0],
        careerkit.asset_status(CAREER_PLAN, as_of=date(2025, 7, 20)).unreflected[0],
        people,
        people.contacts[0],
        owed,
        people.breadth,
        people.breadth.points[0],
        people.breadth.points[0].by_role[0],
    ]


def test_career_results_round_trip() -> None:
    """The results of the career domain pickle and copy, equal after the round trip."""
    results = _career_results()
    for result in results:
        assert_round_trips(result)

    assert {type(result).__name__ for result in results} == {
        "CareerPolicy", "SkillGaps", "SkillGap", "SkillLevel", "SkillRaise", "OptionRanking",
        "OptionScore", "Contribution", "WeightFlip", "JobSearchReport", "Funnel", "FunnelStage",
        "ResumeFunnel", "ActiveApplication", "AssetReport", "AssetState", "MissingResume",
        "UnreflectedAchievement", "RelationshipReport", "ContactState", "FollowUp",
        "NetworkBreadth", "BreadthPoint", "RoleCount", "CareerOverview",
    }  # fmt: skip


# -- coverage of the public types -------------------------------------------------

ROUND_TRIPPED = {
    # the model
    "Plan", "Goal", "Task", "Metric", "Measurement", "CheckIn", "Profile", "Calendar",
    "Dependency", "DayIndex", "SmartPolicy", "UrgencyPolicy", "Problem",
    # the career domain
    "Skill", "SkillGain", "RequiredSkill", "Role", "Asset", "Contact", "Interaction",
    "CareerOption", "Rating", "Exploration", "CriterionWeight", "Application", "StageChange",
    "CareerPolicy", "SkillGaps", "SkillGap", "SkillLevel", "SkillRaise", "OptionRanking",
    "OptionScore", "Contribution", "WeightFlip", "JobSearchReport", "Funnel", "FunnelStage",
    "ResumeFunnel", "ActiveApplication", "AssetReport", "AssetState", "MissingResume",
    "UnreflectedAchievement", "RelationshipReport", "ContactState", "FollowUp", "NetworkBreadth",
    "BreadthPoint", "RoleCount", "CareerOverview",
    # schedules
    "Schedule", "TaskSchedule", "GoalSchedule", "Violation", "WeekLoad",
    # histories and changes
    "History", "Revision", "LogEntry", "TimelinePoint", "Change", "MergeResult", "Conflict",
    # results
    "SmartAssessment", "Finding", "NextAction", "UrgencyTerm", "BaselineComparison",
    "Variance", "ProgressReport", "GoalProgress", "TaskProgress", "EarnedValue", "Alert",
    "Forecast", "PlanForecast", "GoalForecast", "MetricForecast", "Review", "Win",
    "Correction", "Satisfaction",
    # policies
    "HealthPolicy", "SlippagePolicy", "ForecastPolicy", "ReviewPolicy",
    # errors
    "CareerkitError", "ValidationError", "CycleError", "SchemaVersionError",
    "UnknownReferenceError", "HistoryError", "MissingExtraError",
}  # fmt: skip
"""The public classes, other than enumerations, that the tests above round-trip."""


def test_every_public_class_is_round_tripped() -> None:
    """Each public class is covered here: a new public type needs a round-trip test."""
    public = {
        name
        for name in careerkit.__all__
        if inspect.isclass(getattr(careerkit, name))
        and not issubclass(getattr(careerkit, name), enum.Enum)
    }

    assert sorted(public) == sorted(ROUND_TRIPPED)
