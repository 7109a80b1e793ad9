"""The commands of ``careerkit`` that say where a plan stands and what to do next:
``schedule``, ``next`` and ``check``."""

from __future__ import annotations

import argparse
from typing import TextIO

from careerkit.cli._commands import Commands, add_format, add_plan, add_status_date, command
from careerkit.cli._inputs import (
    given_status_date,
    read_plan,
    status_date_or_today,
    whole_number,
)
from careerkit.cli._output import EXIT_NO, EXIT_OK, write_json
from careerkit.io import dumps
from careerkit.planning.actions import next_actions
from careerkit.render.text import schedule_report
from careerkit.scheduling import schedule
from careerkit.smart import assess_plan

__all__ = ["add_status_commands"]


def add_status_commands(commands: Commands) -> None:
    """The commands ``schedule``, ``next`` and ``check``."""
    timing = command(commands, "schedule", "print the critical-path schedule of a plan", _schedule)
    add_plan(timing)
    add_status_date(timing, "status date (default: none, as planned)")
    timing.add_argument("--level", action="store_true", help="keep weekly load within capacity")
    timing.add_argument(
        "--limit",
        type=whole_number,
        metavar="N",
        help="show at most N tasks, 0 or more (default: all)",
    )

    actions = command(commands, "next", "print the tasks to work on now, most urgent first", _next)
    add_plan(actions)
    add_status_date(actions)
    actions.add_argument(
        "--limit", type=whole_number, default=10, metavar="N", help="show at most N, 0 or more (10)"
    )

    check = command(commands, "check", "judge every goal of a plan against SMART", _check)
    add_plan(check)
    add_status_date(check, "date of the judgement (default: today)")
    for parser in (timing, actions, check):
        add_format(parser)


def _schedule(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = read_plan(arguments.plan)
    as_of = given_status_date(arguments, plan)
    result = schedule(plan, as_of=as_of, level=arguments.level)
    if arguments.format == "json":
        out.write(dumps(result) + "\n")
    else:
        out.write(schedule_report(result, limit=arguments.limit))
    return EXIT_OK


def _next(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = read_plan(arguments.plan)
    as_of = status_date_or_today(arguments, plan)
    found = next_actions(plan, as_of=as_of)
    if arguments.format == "json":
        write_json(out, found[: arguments.limit])
        return EXIT_OK
    print(f"Next actions as of {as_of}:", file=out)
    for rank, action in enumerate(found[: arguments.limit], start=1):
        print(f"{rank:>3}. {action.task}: {action.title} (score {action.score:.2f})", file=out)
        print(f"     {action.explain()}", file=out)
    if not found:
        print("  nothing is ready: every task waits on unfinished work", file=out)
    return EXIT_OK


def _check(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = read_plan(arguments.plan)
    as_of = status_date_or_today(arguments, plan)
    results = assess_plan(plan, as_of=as_of)
    smart = sum(1 for result in results if result.is_smart)
    status = EXIT_OK if smart == len(results) else EXIT_NO
    if arguments.format == "json":
        write_json(out, results)
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
