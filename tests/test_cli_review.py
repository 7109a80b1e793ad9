"""Tests for ``careerkit review``: the regular review from the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import careerkit
from careerkit.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLAN = EXAMPLES / "marketing_director.json"
HISTORY = EXAMPLES / "marketing_director.history.json"
AS_OF = date(2026, 11, 26)


def run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The exit status, standard output and standard error."""
    status = main(arguments)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def expected(history: bool = False) -> careerkit.Review:
    """The review the command makes of the example plan as of its status date."""
    plan = careerkit.loads(PLAN.read_text(encoding="utf-8"))
    stored = careerkit.History.loads(HISTORY.read_text(encoding="utf-8")) if history else None
    return careerkit.review(plan, as_of=AS_OF, history=stored)


def test_review_prints_the_text_of_the_review(capsys: pytest.CaptureFixture[str]) -> None:
    """The default format is the review's own text: summary, goals, alerts, corrections."""
    status, out, err = run(["review", str(PLAN), "--as-of", "2026-11-26"], capsys)

    assert (0, "") == (status, err)
    assert out == expected().to_text()
    assert "digital-marketing-diploma" in out.split("Goals")[1]


def test_review_as_markdown_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format markdown`` prints the Markdown report; ``json`` the review's document,
    which matches its schema; ``--history`` is read for wins and deadline creep."""
    arguments = ["review", str(PLAN), "--as-of", "2026-11-26", "--history", str(HISTORY)]
    _, markdown, _ = run([*arguments, "--format", "markdown"], capsys)
    status, text, _ = run([*arguments, "--format", "json"], capsys)
    document = json.loads(text)
    checker = Draft202012Validator(careerkit.json_schema("review"), format_checker=FormatChecker())

    assert markdown == expected(history=True).to_markdown()
    assert markdown.startswith("# ")
    assert 0 == status
    assert careerkit.to_dict(expected(history=True)) == document
    assert [] == [error.message for error in checker.iter_errors(document)]


def test_review_draws_its_charts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--plot DIR`` writes the Gantt chart, the burn-up and each metric's trajectory."""
    status, _, _ = run(
        ["review", str(PLAN), "--as-of", "2026-11-26", "--plot", str(tmp_path / "charts")], capsys
    )
    written = sorted(path.name for path in (tmp_path / "charts").iterdir())

    assert 0 == status
    assert {"gantt.png", "burn-up.png", "metric-digital-marketing-diploma.png"} <= set(written)
    assert all((tmp_path / "charts" / name).read_bytes().startswith(b"\x89PNG") for name in written)


@pytest.mark.parametrize(
    ("arguments", "status", "said"),
    [
        (["review", "missing.json"], 2, "missing.json"),
        (["review", str(PLAN), "--as-of", "2026-02-30"], 2, "--as-of"),
        (["review", str(PLAN), "--format", "html"], 2, "--format"),
        (["review", str(PLAN), "--history", str(PLAN)], 2, "is a plan, not a history"),
    ],
)
def test_review_bad_input_is_one_line(
    arguments: list[str], status: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file, a bad date or format, a plan as history: one line, no traceback."""
    found, out, err = run(arguments, capsys)

    assert (status, "") == (found, out)
    assert said in err
    assert "Traceback" not in err


def test_review_of_an_invalid_plan_names_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed or invalid plan exits with 1 and one line per problem."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 3, "id": "p"', encoding="utf-8")
    invalid = tmp_path / "invalid.json"
    invalid.write_text(
        '{"schema_version": 3, "id": "p", "owner": "", "start": "2026-13-01"}', encoding="utf-8"
    )

    for path, lines in ((broken, 1), (invalid, 2)):
        status, out, err = run(["review", str(path), "--as-of", "2026-11-26"], capsys)
        assert (1, "") == (status, out)
        assert lines == len(err.splitlines())
        assert all(line.startswith(f"{path}: ") for line in err.splitlines())


def test_review_batch_writes_a_line_per_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--batch`` reviews every line of a JSON lines file: a review per plan, an error
    line per bad document, in input order; a bad document makes the status 1."""
    plan = careerkit.loads(PLAN.read_text(encoding="utf-8"))
    plans = tmp_path / "plans.jsonl"
    plans.write_text(
        careerkit.dumps(plan, indent=None) + "\n" + '{"schema_version": 3}\n', encoding="utf-8"
    )

    status, out, err = run(["review", "--batch", str(plans), "--as-of", "2026-11-26"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]

    assert 1 == status
    assert [1, 2] == [line["line"] for line in lines]
    assert careerkit.to_dict(careerkit.review(plan, as_of=AS_OF)) == lines[0]["review"]
    assert "ValidationError" == lines[1]["error"]["type"]
    assert "1 plans reviewed, 1 bad documents" in err


@pytest.mark.parametrize(
    "arguments",
    [
        ["review"],
        ["review", str(PLAN), "--batch", "plans.jsonl"],
        ["review", str(PLAN), "--workers", "2"],
        ["review", "--batch", "plans.jsonl", "--format", "markdown"],
        ["review", "--batch", "plans.jsonl", "--plot", "charts"],
        ["review", "--batch", "plans.jsonl", "--workers", "0"],
    ],
)
def test_review_batch_arguments_that_do_not_fit(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan and a batch at once, batch options without a batch, or a batch with one-plan
    options: a usage error whose last line says what is wrong, never a traceback."""
    status, out, err = run(arguments, capsys)

    assert (2, "") == (status, out)
    assert err.strip().splitlines()[-1].startswith("careerkit")
    assert "Traceback" not in err
