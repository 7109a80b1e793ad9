"""The commands of ``careerkit`` that read documents as they are, with no status date:
``validate`` and ``show`` a plan, ``diff`` two plans, ``log`` a stored history, and
``schema`` of plan documents or of a result."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from careerkit.cli._commands import Commands, add_format, add_plan, command
from careerkit.cli._inputs import read_history, read_plan
from careerkit.cli._output import EXIT_NO, EXIT_OK, write_json
from careerkit.history import History
from careerkit.history.changes import diff
from careerkit.io import json_schema, result_kinds
from careerkit.render.text import outline

__all__ = ["add_document_commands", "add_plan_commands"]


def add_plan_commands(commands: Commands) -> None:
    """The commands ``validate`` and ``show``."""
    add_plan(command(commands, "validate", "check a plan document", _validate))
    add_plan(command(commands, "show", "print an outline of a plan", _show))


def add_document_commands(commands: Commands) -> None:
    """The commands ``diff``, ``log`` and ``schema``."""
    changes = command(commands, "diff", "print the changes between two plans", _diff)
    changes.add_argument("old", type=Path, metavar="OLD.json", help="the plan before")
    changes.add_argument("new", type=Path, metavar="NEW.json", help="the plan after")
    changes.set_defaults(plan=None)

    log = command(commands, "log", "print the revisions of a stored history", _log)
    log.add_argument(
        "history", type=Path, metavar="HISTORY.json", help="a stored history (History.dumps)"
    )
    log.add_argument("--subject", metavar="ID", help="only changes to this goal or task")
    log.set_defaults(plan=None)
    for parser in (changes, log):
        add_format(parser)

    schema = command(
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


def _validate(arguments: argparse.Namespace, out: TextIO) -> int:
    plan = read_plan(arguments.plan)
    done = sum(1 for task in plan.tasks if task.status.value == "done")
    print(
        f"OK: {arguments.plan}: plan {plan.id!r} for {plan.owner}, {len(plan.goals)} goals, "
        f"{len(plan.tasks)} tasks ({done} done), {len(plan.check_ins)} check-ins",
        file=out,
    )
    return EXIT_OK


def _show(arguments: argparse.Namespace, out: TextIO) -> int:
    out.write(outline(read_plan(arguments.plan)))
    return EXIT_OK


def _diff(arguments: argparse.Namespace, out: TextIO) -> int:
    arguments.plan = arguments.old
    old = read_plan(arguments.old)
    arguments.plan = arguments.new
    new = read_plan(arguments.new)
    found = diff(old, new)
    if arguments.format == "json":
        write_json(out, found)
        return EXIT_OK
    for change in found:
        print(change, file=out)
    if not found:
        print("no changes", file=out)
    return EXIT_OK


def _log(arguments: argparse.Namespace, out: TextIO) -> int:
    arguments.plan = path = arguments.history
    history = read_history(path)
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
    write_json(out, entries)
    if subject is not None and not entries:
        print(f"careerkit: {path}: no revision changes a goal or task {subject!r}", file=sys.stderr)
        return EXIT_NO
    return EXIT_OK


def _about(changed: str | None, subject: str | None) -> bool:
    return subject is None or changed == subject


def _schema(arguments: argparse.Namespace, out: TextIO) -> int:
    json.dump(json_schema(arguments.kind), out, indent=2)
    out.write("\n")
    return EXIT_OK
