"""The ``review`` command of ``careerkit``: the regular review of one plan, with its
charts if asked, or of every plan of JSON lines files on Dask (``--batch``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from careerkit.batch import review_files
from careerkit.cli._commands import Commands, add_status_date, command
from careerkit.cli._inputs import (
    read_history,
    read_other,
    read_plan,
    status_date_or_today,
    today,
    workers_argument,
)
from careerkit.cli._output import EXIT_NO, EXIT_OK, UsageError
from careerkit.errors import MissingExtraError
from careerkit.io import dumps
from careerkit.model import Plan
from careerkit.planning.review import Review, review
from careerkit.render.plots import burn_up, gantt, metric_trajectory
from careerkit.scheduling import schedule

__all__ = ["add_review_command"]


def add_review_command(commands: Commands) -> None:
    """The command ``review``, of one plan or of a ``--batch``."""
    looked = command(
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
        "--workers",
        type=workers_argument,
        metavar="N",
        help="--batch: local worker processes (1 or more)",
    )
    looked.add_argument(
        "--output", type=Path, metavar="DIR", help="--batch: write the output lines to DIR"
    )
    add_status_date(looked)
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


def _review(arguments: argparse.Namespace, out: TextIO) -> int:
    if (arguments.plan is None) == (arguments.batch is None):
        raise UsageError("review takes a PLAN.json or --batch PLANS.jsonl, one of them")
    if arguments.batch is not None:
        return _review_batch(arguments, out)
    if arguments.workers is not None or arguments.output is not None:
        raise UsageError("--workers and --output go with --batch")
    plan = read_plan(arguments.plan)
    as_of = status_date_or_today(arguments, plan)
    history = read_other(arguments, arguments.history, read_history)
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
        raise UsageError("--history and --plot review one plan, not a --batch")
    if arguments.format == "markdown":
        raise UsageError("--batch writes JSON lines, one review per plan, not Markdown")
    as_of = arguments.as_of or today()
    try:
        summary = review_files(
            arguments.batch, as_of=as_of, output=arguments.output, workers=arguments.workers
        )
    except MissingExtraError as exc:
        raise UsageError(str(exc)) from None
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
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"{directory}: cannot write the charts: {exc.strerror or exc}") from None
