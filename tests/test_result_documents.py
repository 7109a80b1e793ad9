"""Results are documents: every result type's JSON form, and the schema it follows.

Real results of the example plan (scheduled as of 2026-11-26, leveled and
not, its next actions, SMART verdicts, a baseline comparison, a history's
log, changes and a merge conflict) are checked against the schema of their
kind, and each schema's properties against the document's keys.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from attrs import evolve, frozen
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import careerkit
from careerkit.career.jobsearch import job_search
from careerkit.career.options import rank_options
from careerkit.career.skills import skill_gaps, skill_levels
from careerkit.errors import ValidationError
from careerkit.history import History, diff, merge
from careerkit.io import dumps, json_schema, result_document, result_kinds, results, to_dict
from careerkit.io.results import kind_of
from careerkit.model import Plan
from careerkit.planning.actions import NextAction, UrgencyTerm, next_actions
from careerkit.planning.alerts import AlertKind
from careerkit.planning.baseline import compare_to_baseline
from careerkit.planning.forecast import forecast
from careerkit.planning.progress import progress
from careerkit.planning.review import ReviewPolicy, review
from careerkit.planning.slippage import detect_slippage
from careerkit.scheduling import Schedule, schedule
from careerkit.scheduling.capacity import WeekLoad
from careerkit.smart import assess, assess_plan

from .schedule_strategies import dag_plans
from .strategies import deterministic

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"
AS_OF = date(2026, 11, 26)
DIPLOMA = "digital-marketing-diploma"
AT = datetime(2026, 11, 26, 9, tzinfo=UTC)


@cache
def example() -> Plan:
    """The example plan."""
    return careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))


def later_plan() -> Plan:
    """The example plan with the diploma's deadline moved to 2027-02-26."""
    return example().update_goal(DIPLOMA, deadline=date(2027, 2, 26))


@cache
def history() -> History:
    """A history of two revisions: the example plan, then its diploma deadline moved."""
    first = History.start(example(), at=AT, author="Ana", reason="First plan")
    return first.commit(
        later_plan(), at=AT.replace(hour=10), author="Ana", reason="The diploma slips"
    )


def conflict() -> Any:
    """A merge conflict: both sides move the diploma's deadline, differently."""
    base = example()
    ours = later_plan()
    theirs = base.update_goal(DIPLOMA, deadline=date(2027, 1, 29))
    return merge(base, ours, theirs).conflicts[0]


def samples() -> Iterator[tuple[str, object]]:
    """Real results, each with a name for the test's id."""
    plan = example()
    planned = schedule(plan, as_of=AS_OF)
    leveled = schedule(plan, as_of=AS_OF, level=True)
    yield "schedule", planned
    yield "schedule-unstarted", schedule(plan)
    yield "schedule-leveled", leveled
    yield "task_schedule", planned[planned.critical_path[0]]
    yield "task_schedule-habit", next(entry for entry in planned if entry.occurrences)
    yield "goal_schedule", planned.goal(DIPLOMA)
    yield "violation", planned.violations[0]
    yield "week_load", planned.load[0]
    actions = next_actions(plan, as_of=AS_OF)
    yield "next_action", actions[0]
    yield "urgency_term", actions[0].terms[0]
    assessments = assess_plan(plan, as_of=AS_OF)
    yield "smart_assessment", assessments[0]
    yield "smart_assessment-assess", assess(plan.goal(DIPLOMA), plan=plan, as_of=AS_OF)
    yield "finding", next(found for result in assessments for found in result.findings)
    comparison = compare_to_baseline(plan, later_plan(), as_of=AS_OF)
    yield "baseline_comparison", comparison
    yield "variance", comparison.goals[0]
    yield "log_entry", history().log(DIPLOMA)[0]
    yield "timeline_point", history().timeline(DIPLOMA)[-1]
    yield "change", diff(plan, later_plan())[0]
    yield "change-added", diff(evolve(plan, check_ins=()), plan)[0]
    yield "conflict", conflict()
    report = progress(plan, as_of=AS_OF)
    yield "progress_report", report
    yield "goal_progress", report.goal(DIPLOMA)
    yield "task_progress", report.tasks[0]
    yield "earned_value", report.earned_value
    alerts = detect_slippage(plan, as_of=AS_OF, schedule=planned, progress=report)
    yield "alert", alerts[0]
    yield "alert-dates", next(alert for alert in alerts if alert.kind is AlertKind.BLOCKED)
    risk = forecast(plan, as_of=AS_OF, seed=1)
    reviewed = review(plan, as_of=AS_OF, policy=ReviewPolicy(runs=200))
    yield "review", reviewed
    yield "correction", reviewed.corrections[0]
    yield "satisfaction", reviewed.satisfaction
    yield "win", review(plan, as_of=date(2026, 3, 2), policy=ReviewPolicy(runs=50)).wins[0]
    yield "forecast", risk
    yield "forecast-throughput", forecast(plan, as_of=AS_OF, seed=1, method="throughput")
    yield "goal_forecast", risk.goal(DIPLOMA)
    yield "plan_forecast", risk.plan
    yield "metric_forecast", next(goal.metric for goal in risk.goals if goal.metric is not None)
    yield from career_samples(plan)


def career_samples(plan: Plan) -> Iterator[tuple[str, object]]:
    """The career domain's results on the example plan."""
    gaps = skill_gaps(plan, as_of=AS_OF)
    yield "skill_gaps", gaps
    yield "skill_gap", gaps.gaps[0]
    level = next(level for level in skill_levels(plan, as_of=AS_OF) if level.raises)
    yield "skill_level", level
    yield "skill_raise", level.raises[0]
    yield "option_ranking", rank_options(plan)
    yield "job_search", job_search(plan, as_of=AS_OF)
    yield "asset_report", careerkit.asset_status(plan, as_of=AS_OF)
    yield "relationship_report", careerkit.relationship_status(plan, as_of=AS_OF)
    yield "network_breadth", careerkit.network_breadth(plan, as_of=AS_OF)
    yield "career_overview", careerkit.career_overview(plan, as_of=AS_OF)
    yield (
        "career_overview-empty",
        careerkit.career_overview(Plan(id="p", owner="Ana", start=date(2026, 1, 5)), as_of=AS_OF),
    )


SAMPLES = list(samples())


def validator(kind: str) -> Draft202012Validator:
    """A validator for a kind's schema that also checks formats."""
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


SCHEDULE_VALIDATOR = validator("schedule")


def resolved(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """A subschema with its ``$ref`` followed and an optional ``anyOf`` opened on its object."""
    if "$ref" in schema:
        return resolved(root["$defs"][schema["$ref"].rsplit("/", 1)[1]], root)
    for branch in schema.get("anyOf", ()):
        if branch.get("type") != "null":
            return resolved(branch, root)
    return schema


def unmatched_keys(
    document: Any, schema: dict[str, Any], root: dict[str, Any], path: str
) -> list[str]:
    """Where an object's keys differ from its schema's properties, anywhere in the document."""
    schema = resolved(schema, root)
    if isinstance(document, dict) and "properties" in schema:
        found = [] if set(schema["properties"]) == set(document) else [path]
        for key, value in document.items():
            found += unmatched_keys(value, schema["properties"][key], root, f"{path}.{key}")
        return found
    if isinstance(document, list) and isinstance(schema.get("items"), dict):
        return [
            problem
            for index, item in enumerate(document)
            for problem in unmatched_keys(item, schema["items"], root, f"{path}[{index}]")
        ]
    return []


@pytest.mark.parametrize(("name", "result"), SAMPLES, ids=[name for name, _ in SAMPLES])
def test_a_result_follows_its_schema(name: str, result: object) -> None:
    """The document of a real result is valid against the schema of its kind."""
    kind = kind_of(result)
    assert kind == name.split("-")[0]
    document = to_dict(result)

    errors = [error.message for error in validator(kind).iter_errors(document)]

    assert [] == errors


@pytest.mark.parametrize(("name", "result"), SAMPLES, ids=[name for name, _ in SAMPLES])
def test_schema_properties_are_the_document_keys(name: str, result: object) -> None:
    """Every object of a document has exactly the keys its schema lists, all of them required."""
    schema = json_schema(kind_of(result) or "")
    document = to_dict(result)

    assert schema["required"] == list(document)
    assert [] == unmatched_keys(document, schema, schema, "")
    for definition in schema.get("$defs", {}).values():
        assert definition["required"] == list(definition["properties"])
        assert definition["additionalProperties"] is False


@pytest.mark.parametrize(("name", "result"), SAMPLES, ids=[name for name, _ in SAMPLES])
def test_dumps_writes_the_document(name: str, result: object) -> None:
    """``dumps`` of a result is the JSON text of ``to_dict``, which JSON reads back unchanged."""
    assert to_dict(result) == json.loads(dumps(result))
    assert to_dict(result) == json.loads(dumps(result, indent=None))


def test_every_registered_kind_has_a_sample() -> None:
    """Each result type careerkit's own layers register is covered by the samples above."""
    own = {
        kind
        for kind in result_kinds()
        if registered_class(kind).__module__.startswith("careerkit.")
        and not registered_class(kind).__module__.startswith("careerkit.io.")
    }

    assert own == {kind_of(result) for _, result in SAMPLES}


def registered_class(kind: str) -> type:
    """The class registered under a kind."""
    return results._REGISTRY[kind].cls


def test_the_slipping_diploma_reads_as_late() -> None:
    """As of 2026-11-26 the diploma's forecast is past its deadline, and its document says so."""
    result = schedule(example(), as_of=AS_OF)
    goal = result.goal(DIPLOMA)
    document = next(entry for entry in to_dict(result)["goals"] if entry["goal"] == DIPLOMA)

    assert goal.late
    assert {
        "goal": DIPLOMA,
        "start": goal.start.isoformat() if goal.start else None,
        "finish": goal.finish.isoformat() if goal.finish else None,
        "deadline": "2026-12-18",
        "slack": goal.slack,
        "late": True,
    } == document
    assert goal.slack is not None
    assert goal.slack < 0


def test_a_schedule_lists_its_tasks_and_hides_its_rows() -> None:
    """The tasks, held in a private row store, are in the document; the store is not."""
    result = schedule(example(), as_of=AS_OF)
    document = to_dict(result)

    assert [entry.task for entry in result.tasks] == [entry["task"] for entry in document["tasks"]]
    assert "rows" not in document
    assert "_rows" not in document
    assert AS_OF.isoformat() == document["as_of"]
    assert result.leveled is document["leveled"] is False


def test_every_key_is_present_even_at_its_default() -> None:
    """None is written as null and empty tuples as empty lists, never left out."""
    result = schedule(example())
    document = to_dict(result)
    entry = next(item for item in document["tasks"] if not item["occurrences"])

    assert document["as_of"] is None
    assert [] == entry["occurrences"]
    week = WeekLoad(week=date(2026, 11, 23), hours=1.0, capacity=2.0)
    assert {
        "week": "2026-11-23",
        "hours": 1.0,
        "capacity": 2.0,
        "tasks": [],
        "overloaded": False,
        "spare": 1.0,
    } == to_dict(week)


def test_a_change_document_holds_the_json_forms_changed() -> None:
    """A change's before and after are the JSON forms of the field before and after."""
    change = next(
        found for found in diff(example(), later_plan()) if found.path.endswith(".deadline")
    )

    assert {
        "operation": "change",
        "path": f"goals[{DIPLOMA}].deadline",
        "before": "2026-12-18",
        "after": "2027-02-26",
        "subject": DIPLOMA,
    } == to_dict(change)


def test_a_log_entry_holds_its_time_and_change() -> None:
    """A log entry's time is ISO 8601 with its offset; its change is nested whole."""
    entry = history().log(DIPLOMA)[0]
    document = to_dict(entry)

    assert "2026-11-26T10:00:00+00:00" == document["at"]
    assert to_dict(entry.change) == document["change"]
    assert entry.number == document["number"]


def test_enums_are_their_values() -> None:
    """Criteria, verdicts and severities are written as their stable values."""
    result = assess(example().goal(DIPLOMA), plan=example(), as_of=AS_OF)
    document = to_dict(result)

    assert [[criterion.value, verdict.value] for criterion, verdict in result.verdicts] == (
        document["verdicts"]
    )
    assert [criterion.value for criterion in result.missing] == document["missing"]
    assert [finding.code for finding in result.findings] == [
        finding["code"] for finding in document["findings"]
    ]


def test_dumps_refuses_a_number_json_cannot_write() -> None:
    """NaN and infinity are refused with the path of each, never written as invalid JSON."""
    action = NextAction(
        task="t",
        goal="g",
        title="T",
        score=math.nan,
        terms=(UrgencyTerm(name="critical", value=math.inf, weight=1.0),),
    )

    with pytest.raises(ValidationError) as caught:
        dumps(action)

    assert ["score", "terms[0].value", "terms[0].contribution"] == [
        problem.path for problem in caught.value.problems
    ]


def test_plans_keep_their_document_and_schema() -> None:
    """``json_schema("plan")`` is the plan's schema; a plan's document keeps ``schema_version``."""
    assert json_schema() == json_schema("plan")
    assert "schema_version" == next(iter(to_dict(example())))


def test_an_unknown_kind_is_refused_with_the_known_ones() -> None:
    """``json_schema`` of a name no result has lists the kinds there are."""
    with pytest.raises(ValidationError) as caught:
        json_schema("nonsense")

    assert "kind" == caught.value.path
    assert "'nonsense'" in caught.value.problem
    assert all(kind in caught.value.problem for kind in ("plan", "schedule", "next_action"))
    with pytest.raises(ValidationError) as wrong_type:
        json_schema(3)  # type: ignore[arg-type]
    assert "kind" == wrong_type.value.path


def test_a_value_that_is_no_document_is_refused() -> None:
    """``to_dict`` and ``dumps`` of neither a plan nor a result name the argument."""
    for make in (to_dict, dumps):
        with pytest.raises(ValidationError) as caught:
            make({"id": "p"})
        assert "plan" == caught.value.path
        assert "got dict" in caught.value.problem


def test_each_kind_schema_names_its_kind() -> None:
    """Every kind's schema has an ``$id`` and title of its own and is a valid schema."""
    ids = [json_schema(kind)["$id"] for kind in result_kinds()]

    assert len(set(ids)) == len(ids)
    assert all(kind in json_schema(kind)["$id"] for kind in result_kinds())


def test_a_registered_type_gets_a_document_and_a_schema() -> None:
    """A type registered with the decorator needs no other code for its document and schema."""

    @result_document("test_reading")
    @frozen(kw_only=True)
    class Reading:
        subject: str
        ratio: float | None
        on: date
        _hidden: int = attrs.field(alias="hidden", default=0)

    reading = Reading(subject="cert", ratio=None, on=date(2026, 1, 5))

    assert {"subject": "cert", "ratio": None, "on": "2026-01-05"} == to_dict(reading)
    assert ["subject", "ratio", "on"] == json_schema("test_reading")["required"]
    assert [] == list(validator("test_reading").iter_errors(to_dict(reading)))


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("Not-Snake", {}),
        ("schedule", {}),
        ("plan", {}),
        ("test_unknown_property", {"properties": ("nowhere",)}),
        ("test_unknown_field", {"exclude": ("nowhere",)}),
    ],
)
def test_a_wrong_registration_is_refused(kind: str, options: dict[str, Any]) -> None:
    """A kind that is not snake_case or is taken, or a name that is not there, is refused."""

    @frozen(kw_only=True)
    class Other:
        subject: str

    with pytest.raises(ValidationError) as caught:
        result_document(kind, **options)(Other)

    assert "kind" == caught.value.path
    assert kind_of(Other(subject="x")) is None


def test_a_class_that_is_not_attrs_is_refused() -> None:
    """Only attrs classes have fields to write."""

    class Plain:
        pass

    with pytest.raises(ValidationError, match="not an attrs class"):
        result_document("test_plain")(Plain)


def test_a_schedule_is_a_result() -> None:
    """The schedule type itself is registered under its kind."""
    assert "schedule" == kind_of(schedule(example()))
    assert isinstance(schedule(example()), Schedule)


@settings(deterministic, max_examples=60)
@given(plan=dag_plans(max_effort=12), level=st.booleans())
def test_any_schedule_follows_its_schema(plan: Plan, level: bool) -> None:
    """The schedule of any plan, leveled or not, is a valid document with the schema's keys."""
    result = schedule(plan, level=level)
    document = to_dict(result)
    schema = json_schema("schedule")

    assert [] == [error.message for error in SCHEDULE_VALIDATOR.iter_errors(document)]
    assert [] == unmatched_keys(document, schema, schema, "")
    assert document == json.loads(dumps(result))


_AJV_SCRIPT = r"""
const {default: Ajv2020} = require("ajv/dist/2020");
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const requests = JSON.parse(input);
  const verdicts = requests.map(({schema, document}) => {
    const ajv = new Ajv2020({strict: true, allErrors: true});
    require("ajv-formats")(ajv, ["date", "date-time"]);
    const validate = ajv.compile(schema);
    return validate(document) ? null : validate.errors;
  });
  process.stdout.write(JSON.stringify(verdicts));
});
"""


def test_ajv_strict_accepts_the_schemas_and_the_results() -> None:
    """Each sampled kind's schema compiles in ajv's strict mode and accepts its real result
    (skipped where node, ajv or ajv-formats is missing; see ``NODE_PATH`` in test_io)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    probe = 'require.resolve("ajv/dist/2020"); require.resolve("ajv-formats")'
    if subprocess.run([node, "-e", probe], capture_output=True, check=False).returncode != 0:
        pytest.skip("ajv or ajv-formats is not installed for node (set NODE_PATH)")
    requests = [
        {"schema": json_schema(kind_of(result) or ""), "document": to_dict(result)}
        for _, result in SAMPLES
    ]
    found = subprocess.run(
        [node, "-e", _AJV_SCRIPT],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )

    assert [None] * len(SAMPLES) == json.loads(found.stdout)
