"""Hostile inputs as data: documents and calls that must end in a result or a CareerkitError.

Each :class:`Case` builds a document (the JSON text a stranger could send),
reads it, and makes one call on what was read. Its expected outcome is one of

* ``RESULT``: the call returns (and ``check`` holds for what it returned);
* ``REFUSED``: reading or the call raises a :class:`careerkit.CareerkitError`
  (of ``error``'s type, naming ``path`` when one is given);
* ``EITHER``: a result or a ``CareerkitError``, never another exception.

``reported`` says what the review that found a case saw it do; which cases
still misbehave is kept in ``tests/test_hostile.py``.
``tests/test_hostile.py`` checks every case, and ``benchmarks/bench_hostile.py``
times the ``bounded`` and ``crash`` ones against ``loads`` of their document.

The sections follow the kinds of defect: ``crash`` (an accepted document
that makes a later call raise a foreign exception), ``wrong`` (a silent
wrong result), ``bounded`` (work that must follow the document's size) and
``history`` (a stored history that must not be forged or misread).
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from multiprocessing.connection import Connection
from typing import Any

import attrs
from dateutil import rrule as dateutil_rrule

import careerkit
from careerkit import (
    Change,
    Goal,
    History,
    Operation,
    Plan,
    Task,
    apply,
    assess_plan,
    assess_text,
    dumps,
    loads,
    next_actions,
    occurrences,
    parse_deadline,
    schedule,
)

RESULT = "result"
REFUSED = "refused"
EITHER = "either"

AS_OF = date(2026, 3, 2)
"""The status date of the calls that need one and are not about the calendar's end."""

UTC = UTC
MEGABYTE_OF_NINES = " ".join("9" * 500_000)
LAST_DAY = date(9999, 12, 31)


class WrongResult(AssertionError):
    """A check found a result wrong."""


@attrs.frozen
class Case:
    """One hostile input, the call made on it, and the outcome it must have."""

    name: str
    section: str
    document: Callable[[], str | None]
    """The JSON text the case reads, or None when it reads none."""
    call: Callable[[Any], object]
    """The call under test, given what ``read`` made of the document (or None)."""
    expect: str = EITHER
    read: Callable[[str], Any] = loads
    check: Callable[[Any], None] | None = None
    """Raises WrongResult when a result is wrong (the call itself may raise it too)."""
    error: type[careerkit.CareerkitError] = careerkit.CareerkitError
    path: str | None = None
    reference: Callable[[], str] | None = None
    """The document whose ``loads`` the benchmark compares with, when not ``document``."""
    reported: str = ""
    """What the review that found the case reported it to do, when it misbehaved."""


@attrs.frozen
class Outcome:
    """What running a case gave: ``kind`` is result, refused, foreign, wrong, timeout or broken.

    ``error`` names the exception raised and ``lineage`` its classes, most
    derived first (names, so that an outcome pickles across processes).
    """

    kind: str
    detail: str = ""
    error: str = ""
    path: str | None = None
    lineage: tuple[str, ...] = ()


def _run(case: Case) -> tuple[Outcome, Any]:
    """Read the case's document and make its call; the outcome and the raw error or result."""
    text = case.document()
    try:
        value = None if text is None else case.read(text)
        result = case.call(value)
        if case.check is not None:
            case.check(result)
    except WrongResult as exc:
        return Outcome("wrong", str(exc)[:300]), exc
    except careerkit.CareerkitError as exc:
        path = getattr(exc, "path", None)
        lineage = tuple(cls.__name__ for cls in type(exc).__mro__)
        return Outcome(REFUSED, str(exc)[:300], type(exc).__name__, path, lineage), exc
    except BaseException as exc:  # noqa: BLE001 - a foreign exception is what is looked for
        where = traceback.extract_tb(exc.__traceback__)[-1]
        detail = f"{exc!s:.200} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        return Outcome("foreign", detail, type(exc).__name__), exc
    return Outcome(RESULT), result


def outcome_of(case: Case) -> Outcome:
    """Run a case in this process."""
    return _run(case)[0]


def problem_with(case: Case, outcome: Outcome) -> str | None:
    """Why an outcome does not meet the case's expectation, or None when it does."""
    if outcome.kind in ("foreign", "wrong", "timeout", "broken"):
        return f"{outcome.kind}: {outcome.error} {outcome.detail}".strip()
    if outcome.kind == RESULT and case.expect == REFUSED:
        return "accepted, expected a refusal"
    if outcome.kind == REFUSED:
        if case.expect == RESULT:
            return f"refused, expected a result: {outcome.error}: {outcome.detail}"
        if case.error.__name__ not in outcome.lineage:
            return f"refused with {outcome.error}, expected {case.error.__name__}"
        if case.path is not None and outcome.path != case.path:
            return f"refused at path {outcome.path!r}, expected {case.path!r}"
    return None


def _child(case: Case, pipe: Connection) -> None:
    try:
        outcome = outcome_of(case)
    except BaseException as exc:  # noqa: BLE001 - building the document failed: the case is broken
        outcome = Outcome("broken", f"{exc!s:.200}", type(exc).__name__)
    pipe.send(outcome)
    pipe.close()


def outcome_in_subprocess(case: Case, *, timeout: float) -> tuple[Outcome, float]:
    """Run a case in a forked process stopped after ``timeout`` seconds; outcome and seconds."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(case, sending), daemon=True)
    began = time.monotonic()
    process.start()
    sending.close()
    try:
        if receiving.poll(timeout):
            outcome = receiving.recv()
        else:
            outcome = Outcome("timeout", f"still running after {timeout:g} s")
    except EOFError:
        outcome = Outcome("foreign", "the process died", "EOFError")
    finally:
        receiving.close()
        if process.is_alive():
            process.kill()
        process.join()
    return outcome, time.monotonic() - began


# -- builders -----------------------------------------------------------------


def plan_text(start: date = date(2026, 1, 5), **fields: Any) -> str:
    """A plan document (schema 2) with one goal ``g`` unless ``goals`` is given."""
    document: dict[str, Any] = {
        "schema_version": careerkit.SCHEMA_VERSION,
        "id": "p",
        "owner": "o",
        "start": start.isoformat(),
        "goals": [{"id": "g", "title": "Earn the certification"}],
    }
    document.update(fields)
    return json.dumps(document)


def task(task_id: str = "t", **fields: Any) -> dict[str, Any]:
    """A task of goal ``g``."""
    return {"id": task_id, "goal": "g", "title": f"Task {task_id}", **fields}


def habit_plan(rule: str, *, copies: int = 1, **goal: Any) -> str:
    """A plan whose goal has ``copies`` recurring tasks following ``rule``."""
    tasks = [task(f"h{n}", duration=0, effort=1, recurrence=rule) for n in range(copies)]
    goals = [{"id": "g", "title": "Keep the habit", **goal}]
    return plan_text(goals=goals, tasks=tasks)


def chained_plan(count: int, duration: int) -> str:
    """``count`` tasks of ``duration`` days, each depending on the one before."""
    tasks = [
        task(f"t{n}", duration=duration, depends_on=[f"t{n - 1}"] if n else [])
        for n in range(count)
    ]
    return plan_text(tasks=tasks)


def goal_chain(depth: int, *, linked: bool = False) -> str:
    """Goals each the parent of the next, one task on the deepest; ``linked`` adds
    a goal dependency from every goal to a goal outside the chain."""
    goals: list[dict[str, Any]] = [{"id": "side", "title": "A goal outside the chain"}]
    for n in range(depth):
        goal: dict[str, Any] = {"id": f"g{n}", "title": f"Goal {n}"}
        if n:
            goal["parent"] = f"g{n - 1}"
        if linked:
            goal["depends_on"] = ["side"]
        goals.append(goal)
    tasks = [{"id": "t", "goal": f"g{depth - 1}", "title": "The only task"}]
    return plan_text(goals=goals, tasks=tasks)


def done_task_plan(done_on: date) -> str:
    """One done task, started on the plan's start and done on ``done_on``."""
    done = task(status="done", started_on="2026-01-05", done_on=done_on.isoformat(), effort=8)
    return plan_text(tasks=[done])


def _schedule(plan: Plan) -> object:
    return schedule(plan)


def _leveled(plan: Plan) -> object:
    return schedule(plan, level=True)


def _next(plan: Plan) -> object:
    return next_actions(plan, as_of=AS_OF)


def _assess(plan: Plan) -> object:
    return assess_plan(plan, as_of=AS_OF)


def _dumped_as_utf8(plan: Plan) -> object:
    return dumps(plan).encode("utf-8")


def _history_as_utf8(plan: Plan) -> object:
    history = History.start(plan, at=datetime(2026, 1, 5, tzinfo=UTC), author="o", reason="r")
    return history.dumps().encode("utf-8")


def _reads_back(history: History) -> object:
    """A history read back from what it writes, checked equal to the one written.

    A history that was read must read back: a refusal now is a wrong result.
    """
    try:
        again = History.loads(history.dumps())
    except careerkit.CareerkitError as exc:
        raise WrongResult(f"read, then not read back: {type(exc).__name__}: {exc}") from exc
    if history.dumps() != again.dumps():
        raise WrongResult("written back differently")
    return again


def _same_as_dateutil(rule: str, start: date, end: date) -> Callable[[Any], None]:
    def check(found: Any) -> None:
        expected = tuple(
            moment.date()
            for moment in dateutil_rrule.rrulestr(
                rule, dtstart=datetime(start.year, start.month, start.day)
            ).between(
                datetime(start.year, start.month, start.day),
                datetime(end.year, end.month, end.day),
                inc=True,
            )
        )
        if expected != found:
            raise WrongResult(f"expected {expected[:5]}, got {found[:5]}")

    return check


def _equal(expected: object) -> Callable[[Any], None]:
    def check(found: Any) -> None:
        if expected != found:
            raise WrongResult(f"expected {expected!r}, got {found!r}")

    return check


def _no_document() -> None:
    return None


def _text(value: str) -> Callable[[], str]:
    return lambda: value


# -- stored histories, and a forger who recomputes their unkeyed digests ---------------


def _canonical(content: object) -> str:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _chain(previous: str, content: object) -> str:
    return hashlib.sha256((previous + _canonical(content)).encode("utf-8")).hexdigest()


def reseal(data: dict[str, Any]) -> dict[str, Any]:
    """Recompute every digest and the head of a stored history (no key is needed)."""
    previous = ""
    for index, revision in enumerate(data["revisions"]):
        content = {key: revision[key] for key in ("number", "at", "author", "reason", "kind")}
        content["body"] = data.get("snapshot") if index == 0 else revision["changes"]
        revision["digest"] = previous = _chain(previous, content)
    if data.get("format") == 1:
        data["head"] = previous
    else:
        data["head"] = _chain(previous, {"baselines": data.get("baselines", {})})
    return data


def stored_history(revisions: int = 3) -> dict[str, Any]:
    """The stored form of a history of the example-like plan with ``revisions`` revisions."""
    plan = Plan(
        id="p",
        owner="Maya Okafor",
        start=date(2026, 1, 5),
        goals=(Goal(id="cert", title="Earn the certification", deadline=date(2026, 12, 18)),),
        tasks=(Task(id="study", goal="cert", title="Study", duration=5),),
    )
    at = datetime(2026, 1, 5, 9, tzinfo=UTC)
    history = History.start(plan, at=at, author="Maya Okafor", reason="First plan")
    for number in range(1, revisions):
        plan = attrs.evolve(plan, vision=f"Vision number {number}")
        history = history.commit(
            plan, at=at + timedelta(days=number), author="Maya Okafor", reason="Refined"
        )
    return json.loads(history.dumps())


def forged(edit: Callable[[dict[str, Any]], object], *, revisions: int = 3) -> Callable[[], str]:
    """A stored history edited by ``edit`` and then resealed."""

    def build() -> str:
        data = stored_history(revisions)
        edit(data)
        return json.dumps(reseal(data))

    return build


def edited(edit: Callable[[dict[str, Any]], object], *, revisions: int = 3) -> Callable[[], str]:
    """A stored history edited by ``edit``, its digests left as they were."""

    def build() -> str:
        data = stored_history(revisions)
        edit(data)
        return json.dumps(data)

    return build


def _read_and_reads_back(history: History) -> History:
    """The history as read (not as read back), once it is seen to read back."""
    _reads_back(history)
    return history


def _states_the_weaker_guarantee(history: History) -> None:
    """A history read as format 1 says so: its end and baselines are not covered."""
    if history.integrity != "revisions":
        raise WrongResult(f"read as {history.integrity!r}, not with format 1's weaker guarantee")


def _downgrade(data: dict[str, Any]) -> None:
    data["format"] = 1
    del data["revisions"][4:]
    data["head"] = data["revisions"][-1]["digest"]


def _fake_removal(data: dict[str, Any]) -> None:
    data["revisions"][0]["changes"] = [{"operation": "remove", "path": "goals[cert]", "before": {}}]


def _set(revision: int, key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["revisions"][revision][key] = value

    return edit


def _set_change(revision: int, key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["revisions"][revision]["changes"][0][key] = value

    return edit


def _drop_change_key(key: str) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        del data["revisions"][1]["changes"][0][key]

    return edit


def _add_with_before(data: dict[str, Any]) -> None:
    data["revisions"][1]["changes"].append(
        {
            "operation": "add",
            "path": "goals[x]",
            "before": "junk",
            "after": {"id": "x", "title": "New goal"},
        }
    )


def _duplicate_author() -> str:
    text = json.dumps(stored_history())
    return text.replace(
        '"author": "Maya Okafor"', '"author": "Mallory", "author": "Maya Okafor"', 1
    )


def _surrogate_in_revision() -> str:
    data = stored_history()
    data["revisions"][1]["reason"] = "\udc80"  # cannot be resealed: it has no UTF-8 form
    return json.dumps(data)


def _from_python_json(text: str) -> History:
    """A history read by ``History.from_dict`` from JSON as Python reads it (NaN included)."""
    return History.from_dict(json.loads(text))


def _without_snapshot(data: dict[str, Any]) -> None:
    del data["snapshot"]


def _blank_goal_title(data: dict[str, Any]) -> None:
    data["snapshot"]["goals"][0]["title"] = " "


def _stale_change(plan: Plan) -> object:
    stale = Change(
        operation=Operation.CHANGE,
        path="goals[g].deadline",
        before="2026-12-18",
        after="2026-12-30",
    )
    return apply(plan, [stale])


def _twice(plan: Plan) -> object:
    change = Change(
        operation=Operation.CHANGE,
        path="goals[g].deadline",
        before="2026-12-18",
        after="2026-12-30",
    )
    return apply(plan, [change, change])


def _no_operation(plan: Plan) -> object:
    return apply(plan, [Change(operation=None, path="vision", after="x")])  # type: ignore[arg-type]


def _same_size_rule(plan_text_value: str) -> Callable[[Any], object]:
    def call(_: Any) -> object:
        limit = len(plan_text_value) + 100
        outcomes = []
        for form in (plan_text_value, plan_text_value.encode("utf-8")):
            try:
                loads(form, max_size=limit)
            except careerkit.ValidationError:
                outcomes.append("refused")
            else:
                outcomes.append("read")
        if outcomes[0] != outcomes[1]:
            raise WrongResult(f"text {outcomes[0]}, bytes {outcomes[1]}")
        return outcomes

    return call


def _cases() -> Iterator[Case]:
    yield from _crash_cases()
    yield from _wrong_cases()
    yield from _bounded_cases()
    yield from _history_cases()


def _crash_cases() -> Iterator[Case]:
    crash = "crash"
    late = {"tasks": [task(not_before=LAST_DAY.isoformat())]}
    started = {"tasks": [task(status="in_progress", started_on=LAST_DAY.isoformat())]}
    calls = {"schedule": _schedule, "next-actions": _next, "assess-plan": _assess}
    yield Case(
        "start-9999-12-31",
        crash,
        lambda: plan_text(start=LAST_DAY),
        _schedule,
        reported="OverflowError in DayIndex.dates",
    )
    yield Case(
        "start-9999-12-01-long-task",
        crash,
        lambda: plan_text(start=date(9999, 12, 1), tasks=[task(duration=100)]),
        _schedule,
        reported="OverflowError",
    )
    for name, call in calls.items():
        yield Case(
            f"not-before-9999-12-31-{name}",
            crash,
            lambda: plan_text(**late),
            call,
            reported="OverflowError",
        )
        yield Case(
            f"started-on-9999-12-31-{name}",
            crash,
            lambda: plan_text(**started),
            call,
            reported="OverflowError",
        )
    for day in (LAST_DAY, date(9999, 12, 1)):
        yield Case(
            f"done-on-{day}-leveled",
            crash,
            lambda day=day: done_task_plan(day),
            lambda plan: schedule(plan, as_of=LAST_DAY, level=True),
            reported="OverflowError or ValueError: year 10000 in capacity",
        )
    yield Case(
        "start-0001-01-01",
        crash,
        lambda: plan_text(start=date(1, 1, 1), tasks=[task(duration=1)]),
        _schedule,
        expect=RESULT,
        reported="refused: outside the years 1 to 9999",
    )
    for rule in ("UNTIL=2026", "UNTIL=2026-12-31", "UNTIL=December"):
        yield Case(
            f"rrule-{rule.lower()}",
            crash,
            lambda rule=rule: habit_plan(f"FREQ=WEEKLY;{rule}"),
            _schedule,
            reported="ValueError from recurrence._read",
        )
    yield Case(
        "rrule-interval-309-digits",
        crash,
        lambda: habit_plan("FREQ=DAILY;INTERVAL=" + "9" * 309),
        _schedule,
        reported="OverflowError from relativedelta",
    )
    yield Case(
        "rrule-byday-plus-53",
        crash,
        lambda: habit_plan("FREQ=MONTHLY;BYDAY=+53MO"),
        _schedule,
        reported="IndexError inside dateutil",
    )
    many_digits = "within " + "1" * 5000 + " days"
    for label, function in (("parse-deadline", parse_deadline), ("assess-text", assess_text)):
        yield Case(
            f"{label}-5000-digits",
            crash,
            _no_document,
            lambda _, function=function: function(many_digits, as_of=AS_OF),
            reported="ValueError: integer string conversion limit",
        )
        yield Case(
            f"{label}-not-text",
            crash,
            _no_document,
            lambda _, function=function: function(42, as_of=AS_OF),
            expect=REFUSED,
            reported="AttributeError",
        )
    for phrase in ("by march 0000", "q1 0000", "h1 0000"):
        yield Case(
            f"parse-deadline-{phrase.replace(' ', '-')}",
            crash,
            _no_document,
            lambda _, phrase=phrase: parse_deadline(phrase, as_of=AS_OF),
            reported="ValueError: year 0 is out of range",
        )
    for phrase in ("this week", "tomorrow", "q1", "by friday"):
        yield Case(
            f"parse-deadline-{phrase.replace(' ', '-')}-in-9999",
            crash,
            _no_document,
            lambda _, phrase=phrase: parse_deadline(phrase, as_of=date(9999, 12, 20)),
            reported="OverflowError: every named end computed eagerly",
        )
    surrogate = '{"schema_version": 2, "id": "p", "owner": "\\ud800", "start": "2026-01-05"}'
    yield Case(
        "lone-surrogate-dumps",
        crash,
        _text(surrogate),
        _dumped_as_utf8,
        reported="UnicodeEncodeError",
    )
    yield Case(
        "lone-surrogate-history",
        crash,
        _text(surrogate),
        _history_as_utf8,
        reported="UnicodeEncodeError",
    )
    yield Case(
        "lone-surrogate-history-loads",
        crash,
        _surrogate_in_revision,
        lambda history: history.dumps().encode("utf-8"),
        read=History.loads,
        reported="UnicodeEncodeError",
    )


def _wrong_cases() -> Iterator[Case]:
    wrong = "wrong"
    start, end = date(2026, 1, 1), date(2100, 12, 31)
    for label, rule in (
        ("leap-day-tuesday", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=TU"),
        ("year-day-366-sunday", "FREQ=YEARLY;BYYEARDAY=366;BYDAY=SU"),
        ("week-53-thursday", "FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH"),
    ):
        yield Case(
            f"occurrences-{label}",
            wrong,
            _no_document,
            lambda _, rule=rule: occurrences(rule, start=start, end=end),
            expect=RESULT,
            check=_same_as_dateutil(rule, start, end),
            reported="returns () where dateutil finds dates",
        )
    for phrase, expected in (("by 0001-01-01", date(1, 1, 1)), ("5 march 0099", date(99, 3, 5))):
        yield Case(
            f"parse-deadline-{phrase.replace(' ', '-')}",
            wrong,
            _no_document,
            lambda _, phrase=phrase: parse_deadline(phrase, as_of=date(1, 1, 1)),
            expect=RESULT,
            check=_equal(expected),
            reported="the year is read as 2001 or 1999",
        )
    moved = lambda: plan_text(goals=[{"id": "g", "title": "Earn it", "deadline": "2027-06-30"}])  # noqa: E731
    held = lambda: plan_text(goals=[{"id": "g", "title": "Earn it", "deadline": "2026-12-18"}])  # noqa: E731
    yield Case(
        "apply-stale-change",
        wrong,
        moved,
        _stale_change,
        expect=REFUSED,
        reported="the deadline is overwritten silently",
    )
    yield Case(
        "apply-change-twice",
        wrong,
        held,
        _twice,
        expect=REFUSED,
        reported="the second application is silent",
    )
    yield Case(
        "apply-change-without-operation",
        wrong,
        held,
        _no_operation,
        expect=REFUSED,
        reported="counts as a change",
    )
    for label, rule in (
        ("freq-twice", "FREQ=YEARLY;FREQ=DAILY"),
        ("bymonth-twice", "FREQ=YEARLY;BYMONTH=1;BYMONTH=2"),
        ("count-and-until", "FREQ=DAILY;COUNT=3;UNTIL=20261231"),
    ):
        yield Case(
            f"rrule-{label}",
            wrong,
            lambda rule=rule: habit_plan(rule),
            _schedule,
            expect=REFUSED,
            reported="accepted",
        )
    far = (date(2026, 1, 5) + timedelta(days=12_000)).isoformat()
    yield Case(
        "rrule-count-5-far-deadline",
        wrong,
        lambda: habit_plan("FREQ=DAILY;COUNT=5", deadline=far),
        _schedule,
        expect=RESULT,
        reported="refused: the bound counts the span searched",
    )
    text = plan_text(vision="\u20ac" * 600).replace("\\u20ac", "\u20ac")  # 3 bytes each
    yield Case(
        "max-size-counts-one-way",
        wrong,
        _no_document,
        _same_size_rule(text),
        expect=RESULT,
        reported="characters for str, bytes for bytes",
    )


def _bounded_cases() -> Iterator[Case]:
    bounded = "bounded"
    for count in (20, 25):
        chain = functools.partial(chained_plan, count, 100_000)
        yield Case(
            f"chain-{count}-tasks-of-100000-days",
            bounded,
            chain,
            _schedule,
            reported="5 s, 245 MB for 25 tasks",
        )
        yield Case(
            f"chain-{count}-tasks-of-100000-days-leveled",
            bounded,
            chain,
            _leveled,
            reported="9 s for 25 tasks",
        )
    yield Case(
        "done-on-9999-12-01",
        bounded,
        lambda: done_task_plan(date(9999, 12, 1)),
        lambda plan: schedule(plan, as_of=LAST_DAY),
        reported="3.6 s",
    )
    yield Case(
        "ten-yearly-habits-to-9999",
        bounded,
        lambda: habit_plan(
            "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=-1;UNTIL=99991231", copies=10
        ),
        _schedule,
        reported="12 s",
    )
    yield Case(
        "300-daily-habits",
        bounded,
        lambda: habit_plan("FREQ=DAILY", copies=300, deadline="2053-05-01"),
        _schedule,
        reported="21 s, 369 MB",
    )
    deep = lambda: goal_chain(8000)  # noqa: E731
    yield Case("goal-chain-8000-schedule", bounded, deep, _schedule, reported="55 s")
    yield Case("goal-chain-8000-next-actions", bounded, deep, _next, reported="73 s")
    yield Case(
        "goal-chain-8000-linked-loads",
        bounded,
        _no_document,
        lambda _: loads(goal_chain(8000, linked=True)),
        reference=deep,
        reported="5.7 s in the family check",
    )
    yield Case(
        "assess-text-1-mb",
        bounded,
        _no_document,
        lambda _: assess_text(MEGABYTE_OF_NINES, as_of=AS_OF),
        reference=lambda: plan_text(vision=MEGABYTE_OF_NINES),
        reported="4.3 s, no cap",
    )
    below_cap = MEGABYTE_OF_NINES[:99_999]  # texts of up to 100,000 characters are read
    yield Case(
        "assess-text-just-below-the-cap",
        bounded,
        _no_document,
        lambda _: assess_text(below_cap, as_of=AS_OF),
        reference=lambda: plan_text(vision=below_cap),
    )


def _history_cases() -> Iterator[Case]:
    history = "history"
    read = History.loads
    yield Case(
        "history-format-downgrade",
        history,
        edited(_downgrade, revisions=9),
        _read_and_reads_back,
        read=read,
        expect=EITHER,
        check=_states_the_weaker_guarantee,
        reported="accepted, 5 of 9 revisions dropped",
    )
    yield Case(
        "history-fake-changes-in-revision-0",
        history,
        forged(_fake_removal),
        _reads_back,
        read=read,
        expect=REFUSED,
    )
    yield Case(
        "history-duplicate-key",
        history,
        _duplicate_author,
        _reads_back,
        read=read,
        expect=REFUSED,
        reported="accepted",
    )
    for label, revision, key, value in (
        ("author-null", 1, "author", None),
        ("author-object", 1, "author", {"name": "Maya"}),
        ("reason-blank", 1, "reason", " "),
        ("reason-number", 1, "reason", 1),
        ("number-true", 1, "number", True),
        ("number-float", 1, "number", 1.0),
        ("kind-initial-later", 2, "kind", "initial"),
    ):
        yield Case(
            f"history-resealed-{label}",
            history,
            forged(_set(revision, key, value)),
            _reads_back,
            read=read,
            expect=REFUSED,
            reported="accepted",
        )
    yield Case(
        "history-resealed-before-nan",
        history,
        forged(_set_change(1, "before", float("nan"))),
        _reads_back,
        read=_from_python_json,
        expect=REFUSED,
        reported="accepted",
    )
    for label, at in (
        ("space-and-z", "2026-01-06 09:00:00Z"),
        ("no-seconds", "2026-01-06T09:00+00:00"),
        ("microseconds-zero", "2026-01-06T09:00:00.000000+00:00"),
    ):
        yield Case(
            f"history-at-{label}",
            history,
            forged(_set(1, "at", at)),
            _reads_back,
            read=read,
            reported="accepted, then not read back",
        )
    yield Case(
        "history-add-with-before",
        history,
        forged(_add_with_before),
        _reads_back,
        read=read,
        reported="accepted, then not read back",
    )
    yield Case(
        "history-change-without-after",
        history,
        forged(_drop_change_key("after")),
        _reads_back,
        read=read,
        reported="accepted, then not read back",
    )
    yield Case(
        "history-path-no-snapshot",
        history,
        forged(_without_snapshot),
        _reads_back,
        read=read,
        expect=REFUSED,
        error=careerkit.ValidationError,
        path="snapshot",
        reported="path ''",
    )
    yield Case(
        "history-path-snapshot-title",
        history,
        forged(_blank_goal_title),
        _reads_back,
        read=read,
        expect=REFUSED,
        error=careerkit.ValidationError,
        path="snapshot.goals[0].title",
        reported="path goals[0].title",
    )
    yield Case(
        "history-path-bad-change-path",
        history,
        forged(_set_change(2, "path", "goals[nowhere].title")),
        _reads_back,
        read=read,
        expect=REFUSED,
        error=careerkit.ValidationError,
        path="revisions[2].changes[0].path",
        reported="path changes[0].path",
    )


CASES: tuple[Case, ...] = tuple(_cases())
"""Every hostile case, by section."""

BY_NAME = {case.name: case for case in CASES}
assert len(BY_NAME) == len(CASES), "case names repeat"
