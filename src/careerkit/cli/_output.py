"""How a command of ``careerkit`` ends: its exit statuses, its usage errors, the JSON
it writes, and the errors it prints on standard error."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from careerkit.errors import CareerkitError, ValidationError
from careerkit.io import dumps, to_dict

__all__ = [
    "EXIT_CLOSED_OUTPUT",
    "EXIT_NO",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "print_error",
    "run",
    "write_json",
]

EXIT_OK = 0
EXIT_NO = 1
EXIT_USAGE = 2
EXIT_CLOSED_OUTPUT = 128 + 13  # as if stopped by SIGPIPE, like other Unix tools


class UsageError(Exception):
    """The command cannot run as asked: a file cannot be read, or an argument does not fit it."""


def run(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run the command, turning a failure to write its output into a status."""
    try:
        status = int(arguments.run(arguments, out))
        out.flush()
    except BrokenPipeError:  # the reader went away, as ``| head`` does: stop quietly
        _drop_buffered(out)
        return EXIT_CLOSED_OUTPUT
    except OSError as exc:  # files are read by careerkit.cli._inputs, so this is the output
        _drop_buffered(out)
        raise UsageError(f"cannot write the output: {exc.strerror or exc}") from None
    except UnicodeEncodeError as exc:
        character = exc.object[exc.start : exc.end]
        raise UsageError(
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


def write_json(out: TextIO, results: Sequence[object]) -> None:
    """The documents of results, as one JSON list."""
    documents = [to_dict(result) for result in results]
    try:
        text = json.dumps(documents, indent=2, ensure_ascii=False, allow_nan=False)
    except ValueError:  # a number JSON cannot write: refused with its path
        for result in results:
            dumps(result)
        raise
    out.write(text + "\n")


def print_error(path: Path | None, exc: CareerkitError) -> None:
    """The error on standard error, one problem a line, each after the file's path."""
    where = f"{path}: " if path is not None else ""
    if isinstance(exc, ValidationError):
        for problem in exc.problems:
            print(f"{where}{problem}", file=sys.stderr)
    else:
        print(f"{where}{exc}", file=sys.stderr)
