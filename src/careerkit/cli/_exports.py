"""The ``ical`` command of ``careerkit``: a plan's schedule as an iCalendar file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from careerkit.cli._commands import Commands, add_plan, add_status_date, command
from careerkit.cli._inputs import given_status_date, read_plan
from careerkit.cli._output import EXIT_OK, UsageError
from careerkit.errors import MissingExtraError
from careerkit.render.ical import to_ical

__all__ = ["add_export_commands"]


def add_export_commands(commands: Commands) -> None:
    """The command ``ical``."""
    calendar = command(commands, "ical", "write the schedule of a plan as an iCalendar file", _ical)
    add_plan(calendar)
    add_status_date(calendar, "status date (default: none, as planned)")
    calendar.add_argument(
        "--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)"
    )


def _ical(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = read_plan(arguments.plan)
    try:
        data = to_ical(plan, as_of=given_status_date(arguments, plan))
    except MissingExtraError as exc:
        raise UsageError(str(exc)) from None
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
        raise UsageError(f"{arguments.output}: cannot write: {exc.strerror or exc}") from None
    return EXIT_OK
