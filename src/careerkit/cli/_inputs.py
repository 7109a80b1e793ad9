"""What a command of ``careerkit`` reads: its arguments, its files (plans and stored
histories, no larger than the size limit), and its status date, given or today.

:func:`today` is the one place in careerkit that reads the clock.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TypeVar

from careerkit.cli._output import UsageError
from careerkit.history import History
from careerkit.io import DEFAULT_MAX_SIZE, from_dict, loads, read_json
from careerkit.model import Plan
from careerkit.planning.forecast import MAX_RUNS

__all__ = [
    "date_argument",
    "given_status_date",
    "read_history",
    "read_other",
    "read_plan",
    "runs_argument",
    "status_date_or_today",
    "today",
    "whole_number",
    "workers_argument",
]

T = TypeVar("T")

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE_NUMBER = re.compile(r"[0-9]+")


def date_argument(text: str) -> date:
    """A date argument, written YYYY-MM-DD."""
    if not _DATE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text} is not a calendar date ({exc})") from None


def whole_number(text: str) -> int:
    """A whole number argument of 0 or more."""
    if not _WHOLE_NUMBER.fullmatch(text):
        raise argparse.ArgumentTypeError(f"expected a whole number of 0 or more, got {text!r}")
    return int(text)


def runs_argument(text: str) -> int:
    """A number of Monte Carlo runs, from 1 to the most a forecast makes."""
    runs = whole_number(text)
    if not 1 <= runs <= MAX_RUNS:
        raise argparse.ArgumentTypeError(f"expected 1 to {MAX_RUNS} runs, got {text}")
    return runs


def workers_argument(text: str) -> int:
    """A number of worker processes, 1 or more."""
    workers = whole_number(text)
    if workers < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more workers, got {text}")
    return workers


def today() -> date:
    """Today's date: the command line is the one place that reads the clock."""
    return date.today()


def given_status_date(arguments: argparse.Namespace, plan: Plan) -> date | None:
    """The status date given with ``--as-of``, if any, checked against the plan's start."""
    as_of: date | None = arguments.as_of
    if as_of is not None:
        _refuse_before_start(arguments.plan, plan, as_of, f"--as-of {as_of}")
    return as_of


def status_date_or_today(arguments: argparse.Namespace, plan: Plan) -> date:
    """The status date given with ``--as-of``, else today, checked against the plan's start."""
    given = given_status_date(arguments, plan)
    if given is not None:
        return given
    now = today()
    _refuse_before_start(arguments.plan, plan, now, f"today, {now}, the default --as-of,")
    return now


def _refuse_before_start(path: Path, plan: Plan, as_of: date, named: str) -> None:
    if as_of < plan.start:
        raise UsageError(f"{path}: {named} is before the plan's start, {plan.start}")


def _read_bytes(path: Path) -> bytes:
    """The file's content, read no further than the size limit (pipes included)."""
    try:
        with path.open("rb") as file:
            data = file.read(DEFAULT_MAX_SIZE + 1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > DEFAULT_MAX_SIZE:
        raise UsageError(f"{path}: more than {DEFAULT_MAX_SIZE} bytes, the limit")
    return data


def read_plan(path: Path) -> Plan:
    """Read a plan document; a stored history given in its place is named as such."""
    text = _read_bytes(path)
    data = read_json(text)
    if not isinstance(data, Mapping):
        return loads(text)  # refused there, with the plan reader's own message
    if "revisions" in data and "schema_version" not in data:
        raise UsageError(f"{path} is a history, not a plan; log reads a history")
    return from_dict(data)


def read_history(path: Path) -> History:
    """Read a stored history; a plan document given in its place is named as such."""
    text = _read_bytes(path)
    data = read_json(text)
    if not isinstance(data, Mapping):
        return History.loads(text)  # refused there, with the history's own message
    if "schema_version" in data and not {"format", "revisions"} & data.keys():
        raise UsageError(
            f"{path} is a plan, not a history; "
            "log reads a stored history (History.dumps), show reads a plan"
        )
    return History.from_dict(data)


def read_other(
    arguments: argparse.Namespace, path: Path | None, read: Callable[[Path], T]
) -> T | None:
    """A second file (a baseline, a history), with errors named by its own path."""
    if path is None:
        return None
    plan_path, arguments.plan = arguments.plan, path
    found = read(path)
    arguments.plan = plan_path
    return found
