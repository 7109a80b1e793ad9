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
import sys
from collections.abc import Sequence

from careerkit import __version__
from careerkit.cli._commands import EXIT_STATUS
from careerkit.cli._documents import add_document_commands, add_plan_commands
from careerkit.cli._exports import add_export_commands
from careerkit.cli._output import EXIT_NO, EXIT_USAGE, UsageError, print_error, run
from careerkit.cli._review import add_review_command
from careerkit.cli._status import add_status_commands
from careerkit.cli._tracking import add_tracking_commands
from careerkit.errors import CareerkitError

__all__ = ["main"]


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
        return run(arguments, out)
    except UsageError as exc:
        print(f"careerkit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CareerkitError as exc:
        print_error(arguments.plan, exc)
        return EXIT_NO


def _parser() -> argparse.ArgumentParser:
    """The ``careerkit`` parser, its commands in the order its help lists them."""
    parser = argparse.ArgumentParser(
        prog="careerkit",
        description="Career plans: validate, schedule, track, forecast and review them.",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"careerkit {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    add_plan_commands(commands)
    add_status_commands(commands)
    add_tracking_commands(commands)
    add_review_command(commands)
    add_export_commands(commands)
    add_document_commands(commands)
    return parser
