"""The commands of ``careerkit`` that track a plan at a status date: ``progress``,
``alerts``, ``forecast`` and ``career``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from careerkit.career.overview import career_overview
from careerkit.cli._commands import Commands, add_format, add_plan, add_status_date, command
from careerkit.cli._inputs import (
    read_history,
    read_other,
    read_plan,
    runs_argument,
    status_date_or_today,
    whole_number,
)
from careerkit.cli._output import EXIT_OK, write_json
from careerkit.io import dumps
from careerkit.planning.forecast import forecast
from careerkit.planning.forecast_results import METHODS
from careerkit.planning.progress import progress
from careerkit.planning.slippage import detect_slippage
from careerkit.render.tracking import alerts_report, career_report, forecast_report, progress_report

__all__ = ["add_tracking_commands"]


def add_tracking_commands(commands: Commands) -> None:
    """The commands ``progress``, ``alerts``, ``forecast`` and ``career``."""
    scored = command(commands, "progress", "print progress and earned value", _progress)
    alerts = command(commands, "alerts", "print slippage alerts, most severe first", _alerts)
    ahead = command(commands, "forecast", "print finish forecasts of goals", _forecast)
    career = command(
        commands,
        "career",
        "print skill gaps, assets, relationships, the job search and options",
        _career,
    )
    for parser in (scored, alerts, ahead, career):
        add_plan(parser)
        add_status_date(parser)
        add_format(parser)
    for parser in (scored, alerts):
        parser.add_argument(
            "--baseline", type=Path, metavar="BASELINE.json", help="a baseline plan to compare with"
        )
    alerts.add_argument(
        "--history", type=Path, metavar="HISTORY.json", help="the plan's stored history"
    )
    ahead.add_argument(
        "--method", choices=METHODS, default="schedule_risk", help="default: schedule_risk"
    )
    ahead.add_argument("--seed", type=whole_number, default=0, metavar="N", help="random seed (0)")
    ahead.add_argument(
        "--runs", type=runs_argument, default=10_000, metavar="N", help="Monte Carlo runs (10000)"
    )


def _progress(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = read_plan(arguments.plan)
    as_of = status_date_or_today(arguments, plan)
    baseline = read_other(arguments, arguments.baseline, read_plan)
    report = progress(plan, as_of=as_of, baseline=baseline)
    out.write(dumps(report) + "\n" if arguments.format == "json" else progress_report(report))
    return EXIT_OK


def _alerts(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = read_plan(arguments.plan)
    as_of = status_date_or_today(arguments, plan)
    baseline = read_other(arguments, arguments.baseline, read_plan)
    history = read_other(arguments, arguments.history, read_history)
    found = detect_slippage(plan, as_of=as_of, baseline=baseline, history=history)
    if arguments.format == "json":
        write_json(out, found)
    else:
        out.write(alerts_report(found))
    return EXIT_OK


def _forecast(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = read_plan(arguments.plan)
    as_of = status_date_or_today(arguments, plan)
    found = forecast(
        plan, as_of=as_of, method=arguments.method, seed=arguments.seed, runs=arguments.runs
    )
    out.write(dumps(found) + "\n" if arguments.format == "json" else forecast_report(found))
    return EXIT_OK


def _career(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = read_plan(arguments.plan)
    found = career_overview(plan, as_of=status_date_or_today(arguments, plan))
    out.write(dumps(found) + "\n" if arguments.format == "json" else career_report(found))
    return EXIT_OK
