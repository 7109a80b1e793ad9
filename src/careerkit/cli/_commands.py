"""How a command of ``careerkit`` is declared: its parser, its help and its common
arguments."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeAlias

from careerkit.cli._inputs import date_argument

__all__ = [
    "EXIT_STATUS",
    "Commands",
    "Handler",
    "add_format",
    "add_plan",
    "add_status_date",
    "command",
]

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""The commands of the ``careerkit`` parser, to which each command is added."""

Handler = Callable[[argparse.Namespace, TextIO], int]
"""A command's handler: it writes to the output and returns the exit status."""

EXIT_STATUS = """\
exit status:
  0    success
  1    the answer is no: a document is invalid or a history does not verify;
       check: a goal is not SMART; log --subject: no revision changes it
  2    usage error: a bad option or argument (--limit below 0, --as-of not
       YYYY-MM-DD or before the plan's start), a file that cannot be read,
       a plan given to log or a history to another command, an output
       that cannot be written; ical: the icalendar package is not installed
  141  standard output was closed early (as with | head)"""
"""The exit statuses, as the help of every command lists them."""


def command(commands: Commands, name: str, summary: str, run: Handler) -> argparse.ArgumentParser:
    """Add the command ``name``, described by ``summary`` and run by ``run``."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)
    return parser


def add_format(parser: argparse.ArgumentParser) -> None:
    """The ``--format text|json`` option."""
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for a person (default), or JSON documents for a program",
    )


def add_plan(parser: argparse.ArgumentParser) -> None:
    """The ``PLAN.json`` argument."""
    parser.add_argument("plan", type=Path, metavar="PLAN.json", help="a plan document (JSON)")


def add_status_date(
    parser: argparse.ArgumentParser, meaning: str = "status date (default: today)"
) -> None:
    """The ``--as-of YYYY-MM-DD`` option, described by ``meaning``."""
    parser.add_argument("--as-of", type=date_argument, metavar="YYYY-MM-DD", help=meaning)
