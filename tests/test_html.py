"""HTML views for notebooks: valid, self-contained, escaped fragments with a row per item."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings

import careerkit
from careerkit import Goal, Plan, Task, ValidationError
from careerkit.model.display import html_of, register_html
from careerkit.render.html import (
    MAX_ROWS,
    fragment_html,
    plan_html,
    progress_html,
    schedule_html,
    table_html,
)
from careerkit.render.html_tracking import alerts_html, forecast_html

from .strategies import deterministic, plans

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"
AS_OF = date(2026, 11, 26)
HOSTILE = '<script>alert("x")</script> & \'quoted\' "text"'


class Fragment(HTMLParser):
    """Reads a fragment: checks every tag is closed in order, collects the tables' rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.texts: list[str] = []
        self._caption: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_caption = False
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        self.tags.append(tag)
        if tag == "caption":
            self._in_caption, self._caption = True, ""
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and not self._in_head:
            self._row = []
        elif tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert tag == self.open.pop(), f"</{tag}> closes another tag"
        if tag == "caption":
            self._in_caption = False
            assert self._caption is not None
            self.tables[self._caption] = []
        elif tag == "thead":
            self._in_head = False
        elif tag == "td" and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._caption is not None:
            self.tables[self._caption].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        if self._in_caption:
            self._caption = (self._caption or "") + data
        elif self._cell is not None:
            self._cell.append(data)


def parsed(fragment: str) -> Fragment:
    """The fragment read, after checking it is one balanced ``<div>`` without scripts."""
    reader = Fragment()
    reader.feed(fragment)
    reader.close()
    assert [] == reader.open
    assert "div" == reader.tags[0]
    assert fragment.startswith("<div")
    assert fragment.endswith("</div>")
    assert "script" not in reader.tags
    assert "h3" in reader.tags
    return reader


def first_cells(reader: Fragment, caption: str) -> list[str]:
    return [row[0] for row in reader.tables[caption]]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_plan_fragment_has_a_row_per_goal_and_task(plan: Plan) -> None:
    """The plan's goals and tasks are each one row, in the plan's order."""
    reader = parsed(plan_html(plan))

    assert [goal.id for goal in plan.goals] == first_cells(reader, "Goals")
    assert [task.id for task in plan.tasks] == first_cells(reader, "Tasks")
    assert [task.title for task in plan.tasks] == [row[2] for row in reader.tables["Tasks"]]


def test_schedule_fragment_lists_tasks_in_schedule_order(plan: Plan) -> None:
    """A row per task, by early start then id, with its dates; a row per goal."""
    found = careerkit.schedule(plan, as_of=AS_OF)
    reader = parsed(schedule_html(found))

    assert [entry.task for entry in found.tasks] == first_cells(reader, "Tasks")
    assert [entry.early_start.isoformat() for entry in found.tasks] == [
        row[2] for row in reader.tables["Tasks"]
    ]
    assert [goal.goal for goal in found.goals] == first_cells(reader, "Goals")
    assert [miss.subject for miss in found.violations] == [
        row[1] for row in reader.tables.get("Missed dates", [])
    ]


def test_progress_fragment_has_a_row_per_goal_and_task(plan: Plan) -> None:
    """Goals and tasks by id, with their health and percentages."""
    report = careerkit.progress(plan, as_of=AS_OF)
    reader = parsed(progress_html(report))

    assert [goal.goal for goal in report.goals] == first_cells(reader, "Goals")
    assert [task.task for task in report.tasks] == first_cells(reader, "Tasks")
    diploma = reader.tables["Goals"][
        first_cells(reader, "Goals").index("digital-marketing-diploma")
    ]
    assert "off_track" == diploma[7]
    assert f"{report.goal('digital-marketing-diploma').percent_complete:.2f}".startswith(diploma[2])


def test_alerts_and_forecast_fragments(plan: Plan) -> None:
    """A row per alert in the order given, and a row per goal of a forecast."""
    alerts = careerkit.detect_slippage(plan, as_of=AS_OF)
    found = careerkit.forecast(plan, as_of=AS_OF, seed=3, runs=300)

    alert_rows = parsed(alerts_html(alerts)).tables["Alerts"]
    forecast_reader = parsed(forecast_html(found))

    assert [(alert.severity.value, alert.message) for alert in alerts] == [
        (row[0], row[4]) for row in alert_rows
    ]
    assert [goal.goal for goal in found.goals] == first_cells(forecast_reader, "Goals")


def hostile_plan() -> Plan:
    return Plan(
        id="p",
        owner=HOSTILE,
        vision=HOSTILE,
        start=date(2026, 11, 23),
        goals=[Goal(id="g", title=HOSTILE)],
        tasks=[Task(id="t", goal="g", title=HOSTILE, duration=2, effort=3.0)],
    )


def test_hostile_titles_are_text_not_markup() -> None:
    """Titles with tags, ampersands and quotes come back as the same text, never as tags."""
    plan = hostile_plan()
    fragments = [
        plan_html(plan),
        schedule_html(careerkit.schedule(plan)),
        progress_html(careerkit.progress(plan, as_of=date(2026, 11, 24))),
    ]

    for fragment in fragments:
        parsed(fragment)
        assert "<script>" not in fragment
    reader = parsed(fragments[0])
    assert [["g", HOSTILE]] == [row[:2] for row in reader.tables["Goals"]]
    assert [HOSTILE] == [row[2] for row in reader.tables["Tasks"]]
    assert 4 == "".join(reader.texts).count(HOSTILE)  # owner, vision, goal and task titles
    assert "&amp; &#x27;quoted&#x27; &quot;text&quot;" in fragments[0]


def test_fragment_pieces_escape_their_own_text() -> None:
    """Headings, labels, captions and headers are escaped as well as the cells."""
    table = table_html("<b>", ["<i>"], [["x"]])
    fragment = fragment_html("<h1>", name='"x"', facts=[("<u>", "&")], parts=[table])

    reader = parsed(fragment)

    assert [
        "div",
        "h3",
        "p",
        "b",
        "table",
        "caption",
        "thead",
        "tr",
        "th",
        "tbody",
        "tr",
        "td",
    ] == (reader.tags)
    assert ["<h1>", "<u>", ": &", "<b>", "<i>", "x"] == reader.texts


def test_long_tables_stop_at_the_row_limit() -> None:
    """A plan with more tasks than ``MAX_ROWS`` shows ``MAX_ROWS`` of them and counts the rest."""
    tasks = [Task(id=f"t{at:04d}", goal="g", title=f"Step {at}") for at in range(MAX_ROWS + 7)]
    plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23), goals=[Goal(id="g", title="G")],
                tasks=tasks)  # fmt: skip

    fragment = plan_html(plan)
    reader = parsed(fragment)

    assert [task.id for task in tasks[:MAX_ROWS]] == first_cells(reader, "Tasks")
    assert "… and 7 more rows" in fragment


def test_repr_html_is_the_builder(plan: Plan) -> None:
    """Notebooks show each value with the fragment its builder makes."""
    found = careerkit.schedule(plan, as_of=AS_OF)
    report = careerkit.progress(plan, as_of=AS_OF, schedule=found)
    forecast = careerkit.forecast(plan, as_of=AS_OF, seed=3, runs=300, schedule=found)

    assert plan_html(plan) == plan._repr_html_()
    assert schedule_html(found) == found._repr_html_()
    assert progress_html(report) == report._repr_html_()
    assert forecast_html(forecast) == forecast._repr_html_()


@pytest.mark.parametrize(
    ("build", "argument", "path"),
    [
        (plan_html, "plan", "plan"),
        (schedule_html, None, "schedule"),
        (progress_html, 3, "report"),
        (forecast_html, {}, "forecast"),
        (alerts_html, 5, "alerts"),
        (alerts_html, ["alert"], "alerts[0]"),
    ],
)
def test_builders_name_a_wrong_argument(build: object, argument: object, path: str) -> None:
    """A builder given something else raises a ValidationError naming its argument."""
    assert callable(build)
    with pytest.raises(ValidationError) as caught:
        build(argument)

    assert path == caught.value.path


def test_the_registry_finds_the_nearest_class() -> None:
    """A subclass shows with its base's builder until it registers its own; an unknown
    class has no HTML, so notebooks show its plain repr."""

    class Base:
        pass

    class Derived(Base):
        pass

    register_html(Base, lambda value: "<div>base</div>")
    assert "<div>base</div>" == html_of(Derived())
    register_html(Derived, lambda value: "<div>derived</div>")
    assert "<div>derived</div>" == html_of(Derived())
    assert None is html_of(3.5)


@pytest.mark.parametrize(
    ("cls", "builder", "path"), [("Plan", plan_html, "cls"), (Plan, "plan_html", "builder")]
)
def test_the_registry_checks_its_arguments(cls: object, builder: object, path: str) -> None:
    """Registering something that is not a class, or not a function, names the argument."""
    with pytest.raises(ValidationError) as caught:
        register_html(cls, builder)  # type: ignore[arg-type]

    assert path == caught.value.path


@settings(deterministic, max_examples=40)
@given(plan=plans())
def test_any_plan_shows_its_own_texts(plan: Plan) -> None:
    """Whatever the titles hold, the fragments parse, and the cells read back as the
    plan's own ids and titles; the schedule's fragment lists every task."""
    reader = parsed(plan_html(plan))
    found = careerkit.schedule(plan)
    schedule_reader = parsed(schedule_html(found))

    assert [(goal.id, goal.title) for goal in plan.goals] == [
        (row[0], row[1]) for row in reader.tables["Goals"]
    ]
    assert [(task.id, task.title) for task in plan.tasks] == [
        (row[0], row[2]) for row in reader.tables["Tasks"]
    ]
    assert [entry.task for entry in found] == first_cells(schedule_reader, "Tasks")


def test_fragments_nest_into_a_larger_view(plan: Plan) -> None:
    """A view made of other fragments (a review's progress and alerts) stays balanced."""
    report = careerkit.progress(plan, as_of=AS_OF)
    alerts = careerkit.detect_slippage(plan, as_of=AS_OF)

    fragment = fragment_html(
        "Review <as of>", name="review", parts=[progress_html(report), alerts_html(alerts)]
    )
    reader = parsed(fragment)

    assert 3 == reader.tags.count("div")
    assert [goal.goal for goal in report.goals] == first_cells(reader, "Goals")
    assert len(alerts) == len(reader.tables["Alerts"])


def test_importing_careerkit_alone_registers_the_views() -> None:
    """In a fresh interpreter, ``import careerkit`` is enough for a notebook display."""
    code = (
        "import careerkit, datetime\n"
        "plan = careerkit.Plan(id='p', owner='Ana', start=datetime.date(2026, 1, 5))\n"
        "print(type(plan._repr_html_()).__name__)\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert "str" == found.stdout.strip()
