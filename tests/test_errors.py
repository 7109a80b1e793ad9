"""Tests for careerkit.errors: the hierarchy, messages, paths and pickling."""

from __future__ import annotations

import pickle

import pytest

from careerkit import (
    CareerkitError,
    CycleError,
    HistoryError,
    Problem,
    SchemaVersionError,
    UnknownReferenceError,
    ValidationError,
)
from careerkit.errors import join_path


@pytest.mark.parametrize(
    ("error", "bases"),
    [
        (ValidationError, (CareerkitError, ValueError)),
        (CycleError, (ValidationError, CareerkitError, ValueError)),
        (SchemaVersionError, (ValidationError, CareerkitError, ValueError)),
        (UnknownReferenceError, (CareerkitError, LookupError)),
        (HistoryError, (CareerkitError,)),
        (CareerkitError, (Exception,)),
    ],
)
def test_hierarchy(error: type[Exception], bases: tuple[type, ...]) -> None:
    """Each error is a CareerkitError and the matching built-in error."""
    assert all(issubclass(error, base) for base in bases)


def test_reference_error_is_not_a_value_error() -> None:
    """An unknown id is a lookup failure, not a bad value, and not a KeyError."""
    assert not issubclass(UnknownReferenceError, ValueError)
    assert not issubclass(UnknownReferenceError, KeyError)
    assert not issubclass(HistoryError, ValueError)


def test_problem() -> None:
    """A problem reads ``PATH: PROBLEM``, or just the problem without a path."""
    assert "goals[0].title: must not be empty" == str(
        Problem("goals[0].title", "must not be empty")
    )
    assert "not valid JSON" == str(Problem("", "not valid JSON"))
    assert Problem("a", "b") == Problem("a", "b")


def test_one_problem() -> None:
    """An error with one problem reads like that problem and exposes its parts."""
    error = ValidationError(path="goals[2].deadline", problem="before the start")

    assert "goals[2].deadline: before the start" == str(error)
    assert ("goals[2].deadline", "before the start") == (error.path, error.problem)
    assert (Problem("goals[2].deadline", "before the start"),) == error.problems


def test_positional_arguments() -> None:
    """Path and problem may also be given by position."""
    error = ValidationError("owner", "must not be empty")

    assert ("owner", "must not be empty") == (error.path, error.problem)


def test_no_problem_given() -> None:
    """An error built without a problem still says something."""
    error = ValidationError()

    assert ("", "invalid value", "invalid value") == (error.path, error.problem, str(error))


def test_several_problems() -> None:
    """Several problems are counted and listed one per line; the first gives the path."""
    problems = [Problem("owner", "must not be empty"), Problem("tasks[3].goal", "unknown goal 'x'")]

    error = ValidationError(problems=iter(problems))

    assert "2 problems:\n  owner: must not be empty\n  tasks[3].goal: unknown goal 'x'" == str(
        error
    )
    assert tuple(problems) == error.problems
    assert ("owner", "must not be empty") == (error.path, error.problem)


def test_problems_win_over_path() -> None:
    """``problems`` replaces ``path`` and ``problem`` when both are given."""
    error = ValidationError(path="id", problem="ignored", problems=[Problem("owner", "empty")])

    assert (Problem("owner", "empty"),) == error.problems


@pytest.mark.parametrize(
    ("prefix", "path", "expected"),
    [
        ("tasks[3]", "goal", "tasks[3].goal"),
        ("tasks[3]", "depends_on[0]", "tasks[3].depends_on[0]"),
        ("goals", "[2]", "goals[2]"),
        ("", "goal", "goal"),
        ("tasks[3]", "", "tasks[3]"),
        ("", "", ""),
    ],
)
def test_join_path(prefix: str, path: str, expected: str) -> None:
    """Paths join with a dot, or directly before an index."""
    assert expected == join_path(prefix, path)


def test_prefixed() -> None:
    """``prefixed`` puts every path under a prefix and leaves the original alone."""
    error = ValidationError(
        problems=[Problem("title", "must not be empty"), Problem("", "invalid value")]
    )

    moved = error.prefixed("goals[1]")

    assert ValidationError is type(moved)
    expected = (
        Problem("goals[1].title", "must not be empty"),
        Problem("goals[1]", "invalid value"),
    )
    assert expected == moved.problems
    assert "title" == error.path
    assert "2 problems:\n  goals[1].title: must not be empty\n  goals[1]: invalid value" == str(
        moved
    )


def test_cycle_error() -> None:
    """A cycle error keeps the cycle and reads as a chain of dependencies."""
    error = CycleError(cycle=["a", "b", "c"], path="tasks[0].depends_on")

    assert ("a", "b", "c") == error.cycle
    assert "tasks[0].depends_on: dependency cycle a -> b -> c -> a" == str(error)
    assert ("tasks[0].depends_on", "dependency cycle a -> b -> c -> a") == (
        error.path,
        error.problem,
    )


def test_cycle_error_prefixed() -> None:
    """A prefixed cycle error is still a cycle error with the same cycle."""
    moved = CycleError(cycle=("a", "b"), path="depends_on").prefixed("tasks[4]")

    assert CycleError is type(moved)
    assert (("a", "b"), "tasks[4].depends_on") == (moved.cycle, moved.path)


def test_schema_version_error() -> None:
    """A schema version error names the version found and the newest supported."""
    error = SchemaVersionError(found=9, supported=1)

    assert (9, 1, "schema_version") == (error.found, error.supported, error.path)
    assert (
        "schema_version: version 9 is newer than the newest supported (1); upgrade careerkit"
        == str(error)
    )


def test_unknown_reference_error() -> None:
    """The message names the kind and the id, without KeyError-style quoting."""
    error = UnknownReferenceError(kind="task", id="x")

    assert "no task with id 'x'" == str(error)
    assert ("task", "x") == (error.kind, error.id)


def test_history_error() -> None:
    """A history error reads as its message."""
    assert "revision 3 is older than revision 2" == str(
        HistoryError("revision 3 is older than revision 2")
    )


def _fields(error: Exception) -> tuple[object, ...]:
    names = ("problems", "cycle", "found", "supported", "kind", "id", "args")
    return (type(error), str(error), *(getattr(error, name, None) for name in names))


@pytest.mark.parametrize(
    "error",
    [
        ValidationError(path="goals[2].deadline", problem="before the start"),
        ValidationError(problems=[Problem("a", "one"), Problem("b[0]", "two")]),
        ValidationError(path="a", problem="one").prefixed("tasks[1]"),
        CycleError(cycle=("a", "b"), path="tasks[0].depends_on"),
        SchemaVersionError(found=9, supported=1),
        UnknownReferenceError(kind="goal", id="cmo"),
        HistoryError("revision 3 is older than revision 2"),
        CareerkitError("something"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_pickle_round_trip(error: Exception) -> None:
    """Errors survive pickling with their type, message and fields."""
    copy = pickle.loads(pickle.dumps(error))

    assert _fields(error) == _fields(copy)


def test_errors_can_be_raised_and_caught_as_builtins() -> None:
    """Code that catches ValueError or LookupError also catches careerkit errors."""
    with pytest.raises(ValueError, match="dependency cycle"):
        raise CycleError(cycle=("a", "b"))
    with pytest.raises(LookupError, match="no goal with id 'x'"):
        raise UnknownReferenceError(kind="goal", id="x")
