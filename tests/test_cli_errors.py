"""Tests for how the ``careerkit`` command refuses bad arguments and files."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import careerkit.cli
from careerkit.cli import main

from .bad_documents import valid_document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLAN = EXAMPLES / "marketing_director.json"
HISTORY = EXAMPLES / "marketing_director.history.json"
COMMANDS = [
    "validate", "show", "schedule", "next", "check", "progress", "alerts", "forecast", "review",
    "ical", "log", "diff", "schema",
]  # fmt: skip


class _ClosedPipe(io.StringIO):
    """A standard output whose reader went away after the first write."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    missing = tmp_path / "missing.json"
    directory = tmp_path / "directory.json"
    directory.mkdir()
    not_utf8 = tmp_path / "latin1.json"
    not_utf8.write_bytes(b'{"id": "caf\xe9"}')
    not_json = tmp_path / "truncated.json"
    not_json.write_bytes(b'{"schema_version": 2, "id": ')
    return {"missing": missing, "directory": directory, "not UTF-8": not_utf8, "bad JSON": not_json}


def _arguments(command: str, path: Path) -> list[str]:
    if command == "diff":
        return ["diff", str(PLAN), str(path)]
    return [command, str(path)]


@pytest.mark.parametrize("command", [command for command in COMMANDS if command != "schema"])
def test_every_command_refuses_bad_files_in_one_line(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file, a directory, text that is not UTF-8 or not JSON: one line naming the file.

    A file that cannot be read at all exits 2; one that was read but is not a
    valid document exits 1. Nothing is printed on standard output.
    """
    expected_status = {"missing": 2, "directory": 2, "not UTF-8": 1, "bad JSON": 1}
    for kind, path in _bad_files(tmp_path).items():
        status = main(_arguments(command, path))

        out, err = capsys.readouterr()
        assert (expected_status[kind], "", 1) == (status, out, len(err.splitlines())), kind
        assert str(path) in err
        assert "Traceback" not in err


@pytest.mark.parametrize("command", ["schedule", "next", "check"])
@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("26/11/2026", "expected a date as YYYY-MM-DD, got '26/11/2026'"),
        ("2026-02-30", "2026-02-30 is not a calendar date (day is out of range for month)"),
        ("20261126", "expected a date as YYYY-MM-DD, got '20261126'"),
        ("2026-W48-4", "expected a date as YYYY-MM-DD, got '2026-W48-4'"),
    ],
)
def test_a_bad_status_date_is_a_usage_error(
    command: str, text: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--as-of`` takes a calendar date written YYYY-MM-DD and nothing else (exit 2)."""
    status = main([command, str(PLAN), "--as-of", text])

    out, err = capsys.readouterr()
    assert (2, "") == (status, out)
    assert f"careerkit {command}: error: argument --as-of: {problem}" == err.splitlines()[-1]


@pytest.mark.parametrize("command", ["schedule", "next", "check"])
def test_a_status_date_before_the_plan_starts_is_a_usage_error(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--as-of`` before the plan's start is refused in one line naming both dates (exit 2)."""
    status = main([command, str(PLAN), "--as-of", "1999-01-01"])

    out, err = capsys.readouterr()
    expected = f"careerkit: {PLAN}: --as-of 1999-01-01 is before the plan's start, 2026-01-05\n"
    assert (2, "", expected) == (status, out, err)


@pytest.mark.parametrize("command", ["schedule", "next", "check"])
def test_the_status_date_may_be_the_plans_start(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plan's first day is a valid status date."""
    status = main([command, str(PLAN), "--as-of", "2026-01-05"])

    assert "before the plan's start" not in capsys.readouterr().err
    assert status in (0, 1)


@pytest.mark.parametrize("command", ["schedule", "next"])
@pytest.mark.parametrize("text", ["-1", "-10", "three", "1.5", "+2", "٣"])
def test_a_bad_limit_is_a_usage_error(
    command: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--limit`` takes a whole number of 0 or more, in ASCII digits (exit 2)."""
    status = main([command, str(PLAN), "--as-of", "2026-11-26", "--limit", text])

    out, err = capsys.readouterr()
    expected = f"argument --limit: expected a whole number of 0 or more, got {text!r}"
    assert (2, "") == (status, out)
    assert f"careerkit {command}: error: {expected}" == err.splitlines()[-1]


def test_a_limit_of_zero_shows_no_tasks(capsys: pytest.CaptureFixture[str]) -> None:
    """``schedule --limit 0`` keeps the summary and leaves out every task row."""
    assert 0 == main(["schedule", str(PLAN), "--as-of", "2026-11-26", "--limit", "0"])

    out = capsys.readouterr().out
    assert "early start" in out
    assert "md-gap-analysis  " not in out
    assert re.search(r"^\.\.\. and 44 more tasks$", out, flags=re.MULTILINE)


def test_log_of_a_plan_says_it_is_a_plan(capsys: pytest.CaptureFixture[str]) -> None:
    """``log`` given a plan document says so, and which command reads plans (exit 2)."""
    status = main(["log", str(PLAN)])

    out, err = capsys.readouterr()
    expected = (
        f"careerkit: {PLAN} is a plan, not a history; "
        "log reads a stored history (History.dumps), show reads a plan\n"
    )
    assert (2, "", expected) == (status, out, err)


def test_log_of_an_unknown_subject_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """``log --subject`` that no revision changes prints one line on stderr and exits 1."""
    status = main(["log", str(HISTORY), "--subject", "nosuch"])

    out, err = capsys.readouterr()
    expected = f"careerkit: {HISTORY}: no revision changes a goal or task 'nosuch'\n"
    assert (1, "", expected) == (status, out, err)


@pytest.mark.parametrize(
    "arguments",
    [
        ["log", str(HISTORY)],
        ["schema"],
        ["schedule", str(PLAN), "--as-of", "2026-11-26"],
        ["check", str(PLAN), "--as-of", "2026-11-26"],
    ],
    ids=["log", "schema", "schedule", "check"],
)
def test_a_closed_output_is_quiet(
    arguments: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the reader of standard output goes away, exit 141 with nothing on stderr."""
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())

    status = main(arguments)

    assert (141, "") == (status, capsys.readouterr().err)


def test_a_pipe_closed_early_by_its_reader(tmp_path: Path) -> None:
    """A reader that closes the pipe early: the command stops quietly with status 141."""
    script = Path(sys.executable).parent / "careerkit"
    big = valid_document()
    big["tasks"].extend(
        {"id": f"t{index}", "title": f"Task number {index}", "goal": "cert", "duration": 1}
        for index in range(3000)
    )
    old = tmp_path / "old.json"
    old.write_text(json.dumps(valid_document()), encoding="utf-8")
    new = tmp_path / "new.json"
    new.write_text(json.dumps(big), encoding="utf-8")

    with subprocess.Popen(
        [script, "diff", old, new],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.read(10)
        process.stdout.close()
        err = process.stderr.read().decode()
        status = process.wait(timeout=120)

    assert 10 == len(first)
    assert (141, "") == (status, err)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_argument_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``careerkit COMMAND --help`` exits 0, describes every argument and the exit statuses."""
    assert 0 == main([command, "--help"])

    out = capsys.readouterr().out
    positional = out.partition("positional arguments:\n")[2].partition("\n\n")[0]
    rows = [line for line in positional.splitlines() if re.match(r"  \S", line)]
    assert all(re.fullmatch(r"  \S+ {2,}\S.*", row) for row in rows), rows
    assert rows  # every command takes a positional argument (schema's KIND is optional)
    assert "exit status:" in out


def test_help_lists_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    """``careerkit --help`` ends with the meaning of every exit status."""
    assert 0 == main(["--help"])

    out = capsys.readouterr().out
    for status in ("0 ", "1 ", "2 ", "141 "):
        assert re.search(rf"^  {status}", out, flags=re.MULTILINE), status


@pytest.mark.parametrize("command", ["next", "check"])
def test_today_before_the_plan_starts_is_named_as_the_default(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without ``--as-of``, today is the status date, refused in the same way before the start."""

    class _Today(date):
        @classmethod
        def today(cls) -> _Today:
            return cls(2025, 12, 31)

    monkeypatch.setattr(careerkit.cli._inputs, "date", _Today)

    status = main([command, str(PLAN)])

    out, err = capsys.readouterr()
    expected = (
        f"careerkit: {PLAN}: today, 2025-12-31, the default --as-of, "
        "is before the plan's start, 2026-01-05\n"
    )
    assert (2, "", expected) == (status, out, err)


@pytest.mark.parametrize("command", ["validate", "log"])
def test_a_file_above_the_size_limit_is_not_read(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file larger than the limit is refused in one line (exit 2), before it is parsed."""
    monkeypatch.setattr(careerkit.cli._inputs, "DEFAULT_MAX_SIZE", 100)
    path = PLAN if command == "validate" else HISTORY

    status = main([command, str(path)])

    assert (2, f"careerkit: {path}: more than 100 bytes, the limit\n") == (
        status,
        capsys.readouterr().err,
    )


def test_the_exit_statuses_are_documented_alike(capsys: pytest.CaptureFixture[str]) -> None:
    """The module docstring, ``--help`` and the docs page list the same exit statuses."""
    main(["--help"])
    page = (Path(__file__).resolve().parent.parent / "docs" / "cli.rst").read_text("utf-8")
    docstring = careerkit.cli.__doc__ or ""
    statuses = {"0", "1", "2", "141"}

    def listed(text: str) -> set[str]:
        return set(re.findall(r"^ *([0-9]{1,3}) {2,}\S", text, flags=re.MULTILINE))

    assert statuses == listed(capsys.readouterr().out.partition("exit status:")[2])
    assert statuses == listed(docstring)
    assert statuses == listed(page)


class _FullDisk(io.StringIO):
    """A standard output on a disk with no space left."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


def test_an_output_that_cannot_be_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full disk behind standard output is one line on stderr and status 2."""
    monkeypatch.setattr(sys, "stdout", _FullDisk())

    status = main(["schema"])

    expected = "careerkit: cannot write the output: No space left on device\n"
    assert (2, expected) == (status, capsys.readouterr().err)


def test_a_closed_standard_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Started with standard output closed (``>&-``): one line on stderr and status 2."""
    monkeypatch.setattr(sys, "stdout", None)

    status = main(["show", str(PLAN)])

    assert (2, "careerkit: standard output is closed\n") == (status, capsys.readouterr().err)


def test_an_output_encoding_that_cannot_hold_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text that the output's encoding cannot hold is named in one line (status 2)."""
    document = valid_document()
    document["owner"] = "Ana Ørtiz"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="ascii"))

    status = main(["show", str(path)])

    expected = (
        "careerkit: the output's encoding, ascii, cannot write 'Ø'; set PYTHONIOENCODING=utf-8\n"
    )
    assert (2, expected) == (status, capsys.readouterr().err)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_device_as_output() -> None:
    """``careerkit schema > /dev/full``: one line on stderr, status 2, nothing at exit."""
    script = Path(sys.executable).parent / "careerkit"
    with Path("/dev/full").open("w") as full:
        run = subprocess.run(
            [script, "schema"], stdout=full, stderr=subprocess.PIPE, check=False, timeout=60
        )

    expected = b"careerkit: cannot write the output: No space left on device\n"
    assert (2, expected) == (run.returncode, run.stderr)


@pytest.mark.parametrize("command", ["validate", "show", "schedule", "next", "check", "diff"])
def test_a_history_given_for_a_plan_says_it_is_a_history(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command that reads plans, given a stored history, says so in one line (exit 2)."""
    status = main(_arguments(command, HISTORY))

    out, err = capsys.readouterr()
    expected = f"careerkit: {HISTORY} is a history, not a plan; log reads a history\n"
    assert (2, "", expected) == (status, out, err)
