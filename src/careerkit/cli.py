"""The ``careerkit`` command.

``careerkit validate PLAN.json`` checks a plan document, ``careerkit show
PLAN.json`` prints its outline, ``careerkit schedule PLAN.json`` its
critical-path schedule, ``careerkit next PLAN.json`` the tasks to work on now,
``careerkit check PLAN.json`` every goal's SMART verdict, ``careerkit progress
PLAN.json`` progress and earned value, ``careerkit alerts PLAN.json`` the
slippage alerts, ``careerkit forecast PLAN.json`` finish forecasts,
``careerkit ical PLAN.json`` its schedule as an iCalendar file,
``careerkit review PLAN.json`` the regular review (progress, alerts, wins,
corrections, forecast and the next review; ``--format text|markdown|json``,
``--plot DIR`` for its charts), ``careerkit diff
OLD.json NEW.json`` the changes between two plans, ``careerkit log
HISTORY.json`` a stored history's revisions, and ``careerkit schema [KIND]``
prints the JSON Schema of plan documents, or of a kind of result.

Every command that prints a result takes ``--format text|json``: text for a
person (the default), or JSON for a program, one JSON value per run on
standard output: the result's document (:func:`careerkit.to_dict`) for
``schedule``, ``progress`` and ``forecast``, a list of documents for the
others (next actions, SMART assessments, alerts, changes, log entries). The exit
status is the same in both formats.

Errors are printed one per line on standard error, as ``FILE: PATH: PROBLEM``
for a document that was read and found invalid and as ``careerkit: PROBLEM``
otherwise, never as a traceback. The exit status says how the command ended:

===  ===================================================================
0    success
1    the answer is no: a document is invalid or a history does not
     verify; ``check``: a goal is not SMART; ``log --subject``: no
     revision changes that goal or task
2    usage error: a bad option or argument (a ``--limit`` below 0, an
     ``--as-of`` that is not a YYYY-MM-DD date or falls before the plan's
     start), a file that cannot be read, a plan where a history is
     expected or a history where a plan is, or an output that cannot be written (closed, full, or in an
     encoding that cannot hold the text); ``ical``: the optional icalendar package is not installed
141  standard output was closed before everything was written (``| head``);
     nothing more is printed, the status of a process stopped by SIGPIPE
===  ===================================================================

The status date (``--as-of``; today when not given, except for
``schedule``, which is then as planned) must not fall before the plan's
start: a plan has no status before it begins.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO, TypeVar

from careerkit import __version__
from careerkit.batch import review_files
from careerkit.career.overview import career_overview
from careerkit.errors import CareerkitError, MissingExtraError, ValidationError
from careerkit.history import History
from careerkit.history.changes import diff
from careerkit.io import (
    DEFAULT_MAX_SIZE,
    dumps,
    from_dict,
    json_schema,
    loads,
    read_json,
    result_kinds,
    to_dict,
)
from careerkit.model import Plan
from careerkit.planning.actions import next_actions
from careerkit.planning.forecast import MAX_RUNS, forecast
from careerkit.planning.forecast_results import METHODS
from careerkit.planning.progress import progress
from careerkit.planning.review import Review, review
from careerkit.planning.slippage import detect_slippage
from careerkit.render.ical import to_ical
from careerkit.render.plots import burn_up, gantt, metric_trajectory
from careerkit.render.text import outline, schedule_report
from careerkit.render.tracking import alerts_report, career_report, forecast_report, progress_report
from careerkit.scheduling import schedule
from careerkit.smart import assess_plan

__all__ = ["main"]

T = TypeVar("T")

EXIT_OK = 0
EXIT_NO = 1
EXIT_USAGE = 2
EXIT_CLOSED_OUTPUT = 128 + 13  # as if stopped by SIGPIPE, like other Unix tools

_EXIT_STATUS = """\
exit status:
  0    success
  1    the answer is no: a document is invalid or a history does not verify;
       check: a goal is not SMART; log --subject: no revision changes it
  2    usage error: a bad option or argument (--limit below 0, --as-of not
       YYYY-MM-DD or before the plan's start), a file that cannot be read,
       a plan given to log or a history to another command, an output
       that cannot be written; ical: the icalendar package is not installed
  141  standard output was closed early (as with | head)"""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE_NUMBER = re.compile(r"[0-9]+")


class _UsageError(Exception):
    """The command cannot run as asked: a file cannot be read, or an argument does not fit it."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``careerkit`` command and return its exit status.

    >>> main(["schema"]) == 0  # doctest: +ELLIPSIS
    {...
    True
    """
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on usage errors and --help
        return int(exc.code or 0)
    out = sys.stdout
    if out is None:  # started with standard output closed, as by ``>&-``
        print("careerkit: standard output is closed", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _run(arguments, out)
    except _UsageError as exc:
        print(f"careerkit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CareerkitError as exc:
        _print_error(arguments.plan, exc)
        return EXIT_NO


def _run(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run the command, turning a failure to write its output into a status."""
    try:
        status = int(arguments.run(arguments, out))
        out.flush()
    except BrokenPipeError:  # the reader went away, as ``| head`` does: stop quietly
        _drop_buffered(out)
        return EXIT_CLOSED_OUTPUT
    except OSError as exc:  # files are read by _read_bytes, so this is the output
        _drop_buffered(out)
        raise _UsageError(f"cannot write the output: {exc.strerror or exc}") from None
    except UnicodeEncodeError as exc:
        character = exc.object[exc.start : exc.end]
        raise _UsageError(
            f"the output's encoding, {exc.encoding}, cannot write {character!r}; "
            "set PYTHONIOENCODING=utf-8"
        ) from None
    return status


def _drop_buffered(out: TextIO) -> None:
    """Point the output's file at the null device, so that what is still buffered goes
    nowhere and the interpreter's last flush does not fail again."""
    try:
        descriptor = out.fileno()
    except (AttributeError, OSError, ValueError):  # not a file: nothing below to fail
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careerkit",
        description="Career plans: validate, schedule, track, forecast and review them.",
        epilog=_EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"careerkit {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    _add_plan_commands(commands)
    _add_status_commands(commands)
    _add_tracking_commands(commands)
    _add_review_command(commands)
    _add_export_commands(commands)

    changes = _command(commands, "diff", "print the changes between two plans", _diff)
    changes.add_argument("old", type=Path, metavar="OLD.json", help="the plan before")
    changes.add_argument("new", type=Path, metavar="NEW.json", help="the plan after")
    changes.set_defaults(plan=None)

    log = _command(commands, "log", "print the revisions of a stored history", _log)
    log.add_argument(
        "history", type=Path, metavar="HISTORY.json", help="a stored history (History.dumps)"
    )
    log.add_argument("--subject", metavar="ID", help="only changes to this goal or task")
    log.set_defaults(plan=None)
    for command in (changes, log):
        _add_format(command)

    schema = _command(
        commands, "schema", "print the JSON Schema of plan documents or of a result", _schema
    )
    kinds = ("plan", *result_kinds())
    schema.add_argument(
        "kind",
        nargs="?",
        default="plan",
        choices=kinds,
        metavar="KIND",
        help=f"the document's kind (default: plan): {', '.join(kinds)}",
    )
    schema.set_defaults(plan=None)
    return parser


def _add_format(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for a person (default), or JSON documents for a program",
    )


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    run: Callable[[argparse.Namespace, TextIO], int],
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=_EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(run=run)
    return command


def _add_plan(command: argparse.ArgumentParser) -> None:
    command.add_argument("plan", type=Path, metavar="PLAN.json", help="a plan document (JSON)")


def _add_plan_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _add_plan(_command(commands, "validate", "check a plan document", _validate))
    _add_plan(_command(commands, "show", "print an outline of a plan", _show))


def _add_status_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    timing = _command(commands, "schedule", "print the critical-path schedule of a plan", _schedule)
    _add_plan(timing)
    timing.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="status date (default: none, as planned)"
    )
    timing.add_argument("--level", action="store_true", help="keep weekly load within capacity")
    timing.add_argument(
        "--limit", type=_limit, metavar="N", help="show at most N tasks, 0 or more (default: all)"
    )

    actions = _command(commands, "next", "print the tasks to work on now, most urgent first", _next)
    _add_plan(actions)
    actions.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="status date (default: today)"
    )
    actions.add_argument(
        "--limit", type=_limit, default=10, metavar="N", help="show at most N, 0 or more (10)"
    )

    check = _command(commands, "check", "judge every goal of a plan against SMART", _check)
    _add_plan(check)
    check.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="date of the judgement (default: today)"
    )
    for command in (timing, actions, check):
        _add_format(command)


def _add_tracking_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    scored = _command(commands, "progress", "print progress and earned value", _progress)
    alerts = _command(commands, "alerts", "print slippage alerts, most severe first", _alerts)
    ahead = _command(commands, "forecast", "print finish forecasts of goals", _forecast)
    career = _command(
        commands,
        "career",
        "print skill gaps, assets, relationships, the job search and options",
        _career,
    )
    for command in (scored, alerts, ahead, career):
        _add_plan(command)
        command.add_argument(
            "--as-of", type=_date, metavar="YYYY-MM-DD", help="status date (default: today)"
        )
        _add_format(command)
    for command in (scored, alerts):
        command.add_argument(
            "--baseline", type=Path, metavar="BASELINE.json", help="a baseline plan to compare with"
        )
    alerts.add_argument(
        "--history", type=Path, metavar="HISTORY.json", help="the plan's stored history"
    )
    ahead.add_argument(
        "--method", choices=METHODS, default="schedule_risk", help="default: schedule_risk"
    )
    ahead.add_argument("--seed", type=_limit, default=0, metavar="N", help="random seed (0)")
    ahead.add_argument(
        "--runs", type=_runs, default=10_000, metavar="N", help="Monte Carlo runs (10000)"
    )


def _add_review_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    looked = _command(
        commands, "review", "review a plan: progress, alerts, wins, corrections, forecast", _review
    )
    looked.add_argument(
        "plan", type=Path, nargs="?", metavar="PLAN.json", help="a plan document (JSON)"
    )
    looked.add_argument(
        "--batch",
        metavar="PLANS.jsonl",
        help="review every plan of JSON lines files (a file, a glob or a directory) on Dask",
    )
    looked.add_argument(
        "--workers", type=_workers, metavar="N", help="--batch: local worker processes (1 or more)"
    )
    looked.add_argument(
        "--output", type=Path, metavar="DIR", help="--batch: write the output lines to DIR"
    )
    looked.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="status date (default: today)"
    )
    looked.add_argument(
        "--history", type=Path, metavar="HISTORY.json", help="the plan's stored history"
    )
    looked.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text for a person (default), Markdown, or the review's JSON document",
    )
    looked.add_argument(
        "--plot", type=Path, metavar="DIR", help="also draw the review's charts as PNGs in DIR"
    )


def _add_export_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    calendar = _command(
        commands, "ical", "write the schedule of a plan as an iCalendar file", _ical
    )
    _add_plan(calendar)
    calendar.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="status date (default: none, as planned)"
    )
    calendar.add_argument(
        "--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)"
    )


def _runs(text: str) -> int:
    runs = _limit(text)
    if not 1 <= runs <= MAX_RUNS:
        raise argparse.ArgumentTypeError(f"expected 1 to {MAX_RUNS} runs, got {text}")
    return runs


def _date(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text} is not a calendar date ({exc})") from None


def _limit(text: str) -> int:
    if not _WHOLE_NUMBER.fullmatch(text):
        raise argparse.ArgumentTypeError(f"expected a whole number of 0 or more, got {text!r}")
    return int(text)


def _given_status_date(arguments: argparse.Namespace, plan: Plan) -> date | None:
    """The status date given with ``--as-of``, if any, checked against the plan's start."""
    as_of: date | None = arguments.as_of
    if as_of is not None:
        _refuse_before_start(arguments.plan, plan, as_of, f"--as-of {as_of}")
    return as_of


def _status_date_or_today(arguments: argparse.Namespace, plan: Plan) -> date:
    """The status date given with ``--as-of``, else today, checked against the plan's start."""
    given = _given_status_date(arguments, plan)
    if given is not None:
        return given
    today = date.today()  # the command line is the one place that reads the clock
    _refuse_before_start(arguments.plan, plan, today, f"today, {today}, the default --as-of,")
    return today


def _refuse_before_start(path: Path, plan: Plan, as_of: date, named: str) -> None:
    if as_of < plan.start:
        raise _UsageError(f"{path}: {named} is before the plan's start, {plan.start}")


def _read_bytes(path: Path) -> bytes:
    """The file's content, read no further than the size limit (pipes included)."""
    try:
        with path.open("rb") as file:
            data = file.read(DEFAULT_MAX_SIZE + 1)
    except OSError as exc:
        raise _UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > DEFAULT_MAX_SIZE:
        raise _UsageError(f"{path}: more than {DEFAULT_MAX_SIZE} bytes, the limit")
    return data


def _read(path: Path) -> Plan:
    """Read a plan document; a stored history given in its place is named as such."""
    text = _read_bytes(path)
    data = read_json(text)
    if not isinstance(data, Mapping):
        return loads(text)  # refused there, with the plan reader's own message
    if "revisions" in data and "schema_version" not in data:
        raise _UsageError(f"{path} is a history, not a plan; log reads a history")
    return from_dict(data)


def _validate(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    done = sum(1 for task in plan.tasks if task.status.value == "done")
    print(
        f"OK: {arguments.plan}: plan {plan.id!r} for {plan.owner}, {len(plan.goals)} goals, "
        f"{len(plan.tasks)} tasks ({done} done), {len(plan.check_ins)} check-ins",
        file=out,
    )
    return EXIT_OK


def _show(arguments: argparse.Namespace, out: TextIO) -> int:
    out.write(outline(_read(arguments.plan)))
    return EXIT_OK


def _schedule(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    as_of = _given_status_date(arguments, plan)
    result = schedule(plan, as_of=as_of, level=arguments.level)
    if arguments.format == "json":
        out.write(dumps(result) + "\n")
    else:
        out.write(schedule_report(result, limit=arguments.limit))
    return EXIT_OK


def _write_json(out: TextIO, results: Sequence[object]) -> None:
    """The documents of results, as one JSON list."""
    documents = [to_dict(result) for result in results]
    try:
        text = json.dumps(documents, indent=2, ensure_ascii=False, allow_nan=False)
    except ValueError:  # a number JSON cannot write: refused with its path
        for result in results:
            dumps(result)
        raise
    out.write(text + "\n")


def _next(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    as_of = _status_date_or_today(arguments, plan)
    found = next_actions(plan, as_of=as_of)
    if arguments.format == "json":
        _write_json(out, found[: arguments.limit])
        return EXIT_OK
    print(f"Next actions as of {as_of}:", file=out)
    for rank, action in enumerate(found[: arguments.limit], start=1):
        print(f"{rank:>3}. {action.task}: {action.title} (score {action.score:.2f})", file=out)
        print(f"     {action.explain()}", file=out)
    if not found:
        print("  nothing is ready: every task waits on unfinished work", file=out)
    return EXIT_OK


def _check(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    as_of = _status_date_or_today(arguments, plan)
    results = assess_plan(plan, as_of=as_of)
    smart = sum(1 for result in results if result.is_smart)
    status = EXIT_OK if smart == len(results) else EXIT_NO
    if arguments.format == "json":
        _write_json(out, results)
        return status
    for result in results:
        verdict = "SMART" if result.is_smart else "not SMART"
        missing = ", ".join(criterion.value for criterion in result.missing)
        print(
            f"{result.subject}: {verdict} (score {result.score:.2f})"
            + (f"; missing {missing}" if missing else ""),
            file=out,
        )
        for finding in result.findings:
            print(f"    {finding.code} {finding.severity.value}: {finding.message}", file=out)
            print(f"         suggestion: {finding.suggestion}", file=out)
    print(f"{smart} of {len(results)} goals are SMART as of {as_of}", file=out)
    return status


def _diff(arguments: argparse.Namespace, out: TextIO) -> int:
    arguments.plan = arguments.old
    old = _read(arguments.old)
    arguments.plan = arguments.new
    new = _read(arguments.new)
    found = diff(old, new)
    if arguments.format == "json":
        _write_json(out, found)
        return EXIT_OK
    for change in found:
        print(change, file=out)
    if not found:
        print("no changes", file=out)
    return EXIT_OK


def _log(arguments: argparse.Namespace, out: TextIO) -> int:
    arguments.plan = path = arguments.history
    history = _read_history(path)
    subject = arguments.subject
    if arguments.format == "json":
        return _log_json(history, subject, out, path)
    shown = [
        (revision, [change for change in revision.changes if _about(change.subject, subject)])
        for revision in history
    ]
    if subject is not None:
        shown = [(revision, entries) for revision, entries in shown if entries]
        if not shown:
            print(
                f"careerkit: {path}: no revision changes a goal or task {subject!r}",
                file=sys.stderr,
            )
            return EXIT_NO
    for revision, entries in shown:
        print(
            f"revision {revision.number}  {revision.at.isoformat()}  {revision.author}  "
            f"[{revision.kind.value}]",
            file=out,
        )
        print(f"    {revision.reason}", file=out)
        for change in entries:
            print(f"    {change}", file=out)
    for name, number in sorted(history.baselines.items()):
        print(f"baseline {name!r}: revision {number}", file=out)
    return EXIT_OK


def _log_json(history: History, subject: str | None, out: TextIO, path: Path) -> int:
    """The log entries as JSON: always a list, empty when no revision changes the subject."""
    entries = history.log(subject)
    _write_json(out, entries)
    if subject is not None and not entries:
        print(f"careerkit: {path}: no revision changes a goal or task {subject!r}", file=sys.stderr)
        return EXIT_NO
    return EXIT_OK


def _about(changed: str | None, subject: str | None) -> bool:
    return subject is None or changed == subject


def _read_history(path: Path) -> History:
    """Read a stored history; a plan document given in its place is named as such."""
    text = _read_bytes(path)
    data = read_json(text)
    if not isinstance(data, Mapping):
        return History.loads(text)  # refused there, with the history's own message
    if "schema_version" in data and not {"format", "revisions"} & data.keys():
        raise _UsageError(
            f"{path} is a plan, not a history; "
            "log reads a stored history (History.dumps), show reads a plan"
        )
    return History.from_dict(data)


def _schema(arguments: argparse.Namespace, out: TextIO) -> int:
    json.dump(json_schema(arguments.kind), out, indent=2)
    out.write("\n")
    return EXIT_OK


def _read_other(
    arguments: argparse.Namespace, path: Path | None, read: Callable[[Path], T]
) -> T | None:
    """A second file (a baseline, a history), with errors named by its own path."""
    if path is None:
        return None
    plan_path, arguments.plan = arguments.plan, path
    found = read(path)
    arguments.plan = plan_path
    return found


def _progress(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    as_of = _status_date_or_today(arguments, plan)
    baseline = _read_other(arguments, arguments.baseline, _read)
    report = progress(plan, as_of=as_of, baseline=baseline)
    out.write(dumps(report) + "\n" if arguments.format == "json" else progress_report(report))
    return EXIT_OK


def _alerts(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    as_of = _status_date_or_today(arguments, plan)
    baseline = _read_other(arguments, arguments.baseline, _read)
    history = _read_other(arguments, arguments.history, _read_history)
    found = detect_slippage(plan, as_of=as_of, baseline=baseline, history=history)
    if arguments.format == "json":
        _write_json(out, found)
    else:
        out.write(alerts_report(found))
    return EXIT_OK


def _forecast(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    as_of = _status_date_or_today(arguments, plan)
    found = forecast(
        plan, as_of=as_of, method=arguments.method, seed=arguments.seed, runs=arguments.runs
    )
    out.write(dumps(found) + "\n" if arguments.format == "json" else forecast_report(found))
    return EXIT_OK


def _career(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    found = career_overview(plan, as_of=_status_date_or_today(arguments, plan))
    out.write(dumps(found) + "\n" if arguments.format == "json" else career_report(found))
    return EXIT_OK


def _ical(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    try:
        data = to_ical(plan, as_of=_given_status_date(arguments, plan))
    except MissingExtraError as exc:
        raise _UsageError(str(exc)) from None
    if arguments.output is None:
        binary = getattr(out, "buffer", None)  # a text stream in memory has none
        if binary is None:
            out.write(data.decode("utf-8"))
        else:
            out.flush()
            binary.write(data)
        return EXIT_OK
    try:
        arguments.output.write_bytes(data)
    except OSError as exc:
        raise _UsageError(f"{arguments.output}: cannot write: {exc.strerror or exc}") from None
    return EXIT_OK


def _workers(text: str) -> int:
    workers = _limit(text)
    if workers < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more workers, got {text}")
    return workers


def _review(arguments: argparse.Namespace, out: TextIO) -> int:
    if (arguments.plan is None) == (arguments.batch is None):
        raise _UsageError("review takes a PLAN.json or --batch PLANS.jsonl, one of them")
    if arguments.batch is not None:
        return _review_batch(arguments, out)
    if arguments.workers is not None or arguments.output is not None:
        raise _UsageError("--workers and --output go with --batch")
    plan = _read(arguments.plan)
    as_of = _status_date_or_today(arguments, plan)
    history = _read_other(arguments, arguments.history, _read_history)
    found = review(plan, as_of=as_of, history=history)
    if arguments.plot is not None:
        _draw_review(found, plan, arguments.plot)
    if arguments.format == "json":
        out.write(dumps(found) + "\n")
    else:
        out.write(found.to_markdown() if arguments.format == "markdown" else found.to_text())
    return EXIT_OK


def _review_batch(arguments: argparse.Namespace, out: TextIO) -> int:
    """Review JSON lines of plans on Dask: one output line per plan, reviewed or bad;
    exit 1 when any document was bad (each is an output line, nothing is dropped)."""
    if arguments.history is not None or arguments.plot is not None:
        raise _UsageError("--history and --plot review one plan, not a --batch")
    if arguments.format == "markdown":
        raise _UsageError("--batch writes JSON lines, one review per plan, not Markdown")
    as_of = (
        arguments.as_of or date.today()
    )  # the command line is the one place that reads the clock
    try:
        summary = review_files(
            arguments.batch, as_of=as_of, output=arguments.output, workers=arguments.workers
        )
    except MissingExtraError as exc:
        raise _UsageError(str(exc)) from None
    for line in summary.lines:
        out.write(line + "\n")
    print(
        f"careerkit: {summary.reviewed} plans reviewed, {summary.bad} bad documents "
        f"in {len(summary.files)} files",
        file=sys.stderr,
    )
    return EXIT_NO if summary.bad else EXIT_OK


def _draw_review(found: Review, plan: Plan, directory: Path) -> None:
    """The review's charts as PNGs in ``directory``: the Gantt chart, the burn-up, and
    the trajectory of each metric goal with measurements."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        timing = schedule(plan, as_of=found.as_of)
        gantt(timing, plan=plan, path=directory / "gantt.png")
        burn_up(
            found.report,
            plan=plan,
            schedule=timing,
            forecast=found.forecast,
            path=directory / "burn-up.png",
        )
        for goal in plan.goals:
            if goal.metric is not None and goal.measurements:
                metric_trajectory(
                    plan, goal.id, as_of=found.as_of, path=directory / f"metric-{goal.id}.png"
                )
    except MissingExtraError as exc:
        raise _UsageError(str(exc)) from None
    except OSError as exc:
        raise _UsageError(f"{directory}: cannot write the charts: {exc.strerror or exc}") from None


def _print_error(path: Path | None, exc: CareerkitError) -> None:
    where = f"{path}: " if path is not None else ""
    if isinstance(exc, ValidationError):
        for problem in exc.problems:
            print(f"{where}{problem}", file=sys.stderr)
    else:
        print(f"{where}{exc}", file=sys.stderr)
