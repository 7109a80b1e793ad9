"""Tests for the ``careerkit`` command (careerkit.cli)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import careerkit
from careerkit.cli import main
from careerkit.render import outline

from .bad_documents import BAD_DOCUMENTS, BadDocument, valid_document


def _write(tmp_path: Path, document: Any, name: str = "plan.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _is_json(document: Any) -> bool:
    try:
        json.dumps(document, allow_nan=False)
    except ValueError:
        return False
    return True


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """A valid plan document on disk."""
    return _write(tmp_path, valid_document())


def test_validate_valid_plan(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid plan exits 0 and prints OK with a one-line summary."""
    status = main(["validate", str(plan_file)])

    out, err = capsys.readouterr()
    assert (0, "") == (status, err)
    assert 1 == len(out.splitlines())
    assert out.startswith(f"OK: {plan_file}: ")
    for part in ("'ana-2026'", "Ana Ortiz", "4 goals", "4 tasks (1 done)", "1 check-ins"):
        assert part in out


def test_validate_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid plan exits 1 and prints each problem as FILE: PATH: PROBLEM."""
    document = valid_document()
    document["goals"][1]["parent"] = "cmo"
    document["tasks"][3]["goal"] = "cmo"
    path = _write(tmp_path, document)

    status = main(["validate", str(path)])

    out, err = capsys.readouterr()
    expected = [
        f"{path}: goals[1].parent: unknown goal 'cmo'",
        f"{path}: tasks[3].goal: unknown goal 'cmo'",
    ]
    assert (1, "", expected) == (status, out, err.splitlines())


@pytest.mark.parametrize(
    "bad", [bad for bad in BAD_DOCUMENTS if _is_json(bad.document)], ids=lambda bad: bad.name
)
def test_validate_bad_document(
    bad: BadDocument, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every bad document exits 1 with its path on stderr and no traceback."""
    path = _write(tmp_path, bad.document)

    status = main(["validate", str(path)])

    out, err = capsys.readouterr()
    assert (1, "") == (status, out)
    assert f"{path}: {bad.path}: " in err
    assert all(line.startswith(f"{path}: ") for line in err.splitlines())
    assert "Traceback" not in err


def test_validate_cycle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A cycle is printed as one line with the chain of ids."""
    document = valid_document()
    document["tasks"][0]["depends_on"] = ["exam"]
    path = _write(tmp_path, document)

    status = main(["validate", str(path)])

    expected = f"{path}: tasks[0].depends_on: dependency cycle enrol -> exam -> study -> enrol\n"
    assert (1, expected) == (status, capsys.readouterr().err)


def test_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not exist exits 2 with a one-line message."""
    path = tmp_path / "nowhere.json"

    status = main(["validate", str(path)])

    out, err = capsys.readouterr()
    assert (2, "") == (status, out)
    assert err.startswith(f"careerkit: {path}: cannot read")
    assert 1 == len(err.splitlines())


def test_validate_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory is not a readable plan: exit 2 without a traceback."""
    status = main(["validate", str(tmp_path)])

    out, err = capsys.readouterr()
    assert (2, "") == (status, out)
    assert err.startswith(f"careerkit: {tmp_path}: cannot read")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (b'{"schema_version": 1, "id": ', "not valid JSON"),
        (b"", "not valid JSON"),
        (b'{"schema_version": 1, "id": "\xff"}', "not valid JSON"),
        (b'{"id": "a", "id": "b"}', "duplicate key 'id'"),
        (b"[]", "expected a JSON object"),
    ],
    ids=["truncated", "empty", "not UTF-8", "duplicate key", "list"],
)
def test_validate_malformed_json(
    text: bytes, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is not a JSON object exits 1 and says why."""
    path = tmp_path / "plan.json"
    path.write_bytes(text)

    status = main(["validate", str(path)])

    out, err = capsys.readouterr()
    assert (1, "") == (status, out)
    assert err.startswith(f"{path}: ")
    assert problem in err
    assert 1 == len(err.splitlines())


@pytest.mark.parametrize(
    "arguments",
    [[], ["frobnicate"], ["validate"], ["validate", "a.json", "b.json"], ["--colour"]],
    ids=["nothing", "unknown command", "no file", "two files", "unknown option"],
)
def test_usage_errors(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Usage errors exit 2 and print the usage on stderr."""
    status = main(arguments)

    out, err = capsys.readouterr()
    assert (2, "") == (status, out)
    assert "usage: careerkit" in err


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    """``--help`` exits 0 and lists the commands."""
    status = main(["--help"])

    out = capsys.readouterr().out
    assert 0 == status
    assert all(command in out for command in ("validate", "show", "schema"))


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the package version."""
    status = main(["--version"])

    assert (0, f"careerkit {careerkit.__version__}\n") == (status, capsys.readouterr().out)


def test_show(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``show`` prints the outline: vision, goals under horizon headings, tasks."""
    status = main(["show", str(plan_file)])

    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert (0, "") == (status, err)
    assert "Vision: Marketing director within five years" in lines
    headings = [line for line in lines if line.endswith("-term goals")]
    assert ["Short-term goals", "Medium-term goals", "Long-term goals"] == headings
    assert "    [x] enrol: Enrol in the course (done 2026-01-06)" in lines
    assert any(line.startswith("    [~] study: Study the modules") for line in lines)
    assert outline(careerkit.from_dict(valid_document())) == out


def test_show_invalid_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``show`` on an invalid plan exits 1 with the problems and prints nothing else."""
    path = _write(tmp_path, {**valid_document(), "schema_version": 5})

    status = main(["show", str(path)])

    out, err = capsys.readouterr()
    assert (1, "") == (status, out)
    assert err.startswith(f"{path}: schema_version: version 5 is newer")


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """``schema`` prints the JSON Schema as JSON."""
    status = main(["schema"])

    out, err = capsys.readouterr()
    assert (0, "") == (status, err)
    assert careerkit.json_schema() == json.loads(out)


def test_console_script(plan_file: Path, tmp_path: Path) -> None:
    """The installed ``careerkit`` entry point runs and reports exit statuses."""
    script = Path(sys.executable).parent / "careerkit"
    bad = _write(tmp_path, {**valid_document(), "owner": ""}, name="bad.json")

    good_run = subprocess.run(
        [script, "validate", plan_file], capture_output=True, text=True, check=False, timeout=60
    )
    bad_run = subprocess.run(
        [script, "validate", bad], capture_output=True, text=True, check=False, timeout=60
    )

    assert (0, "") == (good_run.returncode, good_run.stderr)
    assert good_run.stdout.startswith(f"OK: {plan_file}: ")
    assert (1, "", f"{bad}: owner: must not be empty\n") == (
        bad_run.returncode,
        bad_run.stdout,
        bad_run.stderr,
    )
