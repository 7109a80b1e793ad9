"""The ``careerkit`` command.

``careerkit validate PLAN.json`` checks a plan document, ``careerkit show
PLAN.json`` prints its outline, ``careerkit schedule PLAN.json`` its
critical-path schedule, ``careerkit next PLAN.json`` the tasks to work on now,
``careerkit check PLAN.json`` every goal's SMART verdict (exit 1 when one is
not SMART), ``careerkit diff OLD.json NEW.json`` the changes between two plans,
``careerkit log HISTORY.json`` a stored history's revisions, and
``careerkit schema`` prints the JSON Schema of plan documents. Exit status: 0 on success, 1 when the plan is invalid, 2
for a usage error or a file that cannot be read. Errors are printed one per
line as ``FILE: PATH: PROBLEM``, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from careerkit import __version__
from careerkit.errors import CareerkitError, ValidationError
from careerkit.history import History
from careerkit.history.changes import diff
from careerkit.io import DEFAULT_MAX_SIZE, json_schema, loads
from careerkit.model import Plan
from careerkit.planning.actions import next_actions
from careerkit.render.text import outline, schedule_report
from careerkit.scheduling import schedule
from careerkit.smart import assess_plan

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class _Unreadable(Exception):
    """The plan file could not be read."""


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
    try:
        return int(arguments.run(arguments, sys.stdout))
    except _Unreadable as exc:
        print(f"careerkit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CareerkitError as exc:
        _print_error(arguments.plan, exc)
        return EXIT_INVALID


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careerkit", description="Career plans: validate, show and describe them."
    )
    parser.add_argument("--version", action="version", version=f"careerkit {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check a plan document")
    validate.add_argument("plan", type=Path, metavar="PLAN.json")
    validate.set_defaults(run=_validate)

    show = commands.add_parser("show", help="print an outline of a plan")
    show.add_argument("plan", type=Path, metavar="PLAN.json")
    show.set_defaults(run=_show)

    timing = commands.add_parser("schedule", help="print the critical-path schedule of a plan")
    timing.add_argument("plan", type=Path, metavar="PLAN.json")
    timing.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="status date")
    timing.add_argument("--level", action="store_true", help="keep weekly load within capacity")
    timing.add_argument("--limit", type=int, metavar="N", help="show at most N tasks")
    timing.set_defaults(run=_schedule)

    actions = commands.add_parser("next", help="print the tasks to work on now, most urgent first")
    actions.add_argument("plan", type=Path, metavar="PLAN.json")
    actions.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="status date (default: today)"
    )
    actions.add_argument("--limit", type=int, default=10, metavar="N", help="at most N (10)")
    actions.set_defaults(run=_next)

    check = commands.add_parser("check", help="judge every goal of a plan against SMART")
    check.add_argument("plan", type=Path, metavar="PLAN.json")
    check.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="date of the judgement (default: today)"
    )
    check.set_defaults(run=_check)

    changes = commands.add_parser("diff", help="print the changes between two plans")
    changes.add_argument("old", type=Path, metavar="OLD.json")
    changes.add_argument("new", type=Path, metavar="NEW.json")
    changes.set_defaults(run=_diff, plan=None)

    log = commands.add_parser("log", help="print the revisions of a stored history")
    log.add_argument("history", type=Path, metavar="HISTORY.json")
    log.add_argument("--subject", metavar="ID", help="only changes to this goal or task")
    log.set_defaults(run=_log, plan=None)

    schema = commands.add_parser("schema", help="print the JSON Schema of plan documents")
    schema.set_defaults(run=_schema, plan=None)
    return parser


def _read(path: Path) -> Plan:
    try:
        size = path.stat().st_size
        if size > DEFAULT_MAX_SIZE:
            raise _Unreadable(f"{path}: {size} bytes, above the limit of {DEFAULT_MAX_SIZE}")
        data = path.read_bytes()
    except OSError as exc:
        raise _Unreadable(f"{path}: cannot read: {exc.strerror or exc}") from None
    return loads(data)


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


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _schedule(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    result = schedule(plan, as_of=arguments.as_of, level=arguments.level)
    out.write(schedule_report(result, limit=arguments.limit))
    return EXIT_OK


def _next(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    as_of = arguments.as_of or date.today()  # the command line is where "today" is read
    found = next_actions(plan, as_of=as_of)
    print(f"Next actions as of {as_of}:", file=out)
    for rank, action in enumerate(found[: arguments.limit], start=1):
        print(f"{rank:>3}. {action.task}: {action.title} (score {action.score:.2f})", file=out)
        print(f"     {action.explain()}", file=out)
    if not found:
        print("  nothing is ready: every task waits on unfinished work", file=out)
    return EXIT_OK


def _check(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = _read(arguments.plan)
    as_of = arguments.as_of or date.today()  # the command line is where "today" is read
    results = assess_plan(plan, as_of=as_of)
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
    smart = sum(1 for result in results if result.is_smart)
    print(f"{smart} of {len(results)} goals are SMART as of {as_of}", file=out)
    return EXIT_OK if smart == len(results) else EXIT_INVALID


def _diff(arguments: argparse.Namespace, out: TextIO) -> int:
    arguments.plan = arguments.old
    old = _read(arguments.old)
    arguments.plan = arguments.new
    new = _read(arguments.new)
    found = diff(old, new)
    for change in found:
        print(change, file=out)
    if not found:
        print("no changes", file=out)
    return EXIT_OK


def _log(arguments: argparse.Namespace, out: TextIO) -> int:
    arguments.plan = arguments.history
    try:
        text = arguments.history.read_bytes()
    except OSError as exc:
        raise _Unreadable(f"{arguments.history}: cannot read: {exc.strerror or exc}") from None
    history = History.loads(text)
    for revision in history:
        entries = [
            change
            for change in revision.changes
            if arguments.subject is None or change.subject == arguments.subject
        ]
        if arguments.subject is not None and not entries:
            continue
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


def _schema(arguments: argparse.Namespace, out: TextIO) -> int:
    json.dump(json_schema(), out, indent=2)
    out.write("\n")
    return EXIT_OK


def _print_error(path: Path | None, exc: CareerkitError) -> None:
    where = f"{path}: " if path is not None else ""
    if isinstance(exc, ValidationError):
        for problem in exc.problems:
            print(f"{where}{problem}", file=sys.stderr)
    else:
        print(f"{where}{exc}", file=sys.stderr)
