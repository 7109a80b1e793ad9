"""Errors raised by careerkit.

Every error careerkit raises on purpose is a :class:`CareerkitError`. Errors
about bad input name the offending field as a path such as
``goals[2].deadline`` or ``tasks[12].depends_on[0]``.

The hierarchy::

    CareerkitError
    ├── ValidationError (also a ValueError)      bad value or document; .problems
    │   ├── CycleError                           dependency cycle; .cycle
    │   └── SchemaVersionError                   document from a newer schema
    ├── UnknownReferenceError (also a LookupError)  no goal or task with that id
    ├── HistoryError                             invalid revision history
    └── MissingExtraError (also an ImportError)  an optional package is not installed
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

__all__ = [
    "CareerkitError",
    "CycleError",
    "HistoryError",
    "MissingExtraError",
    "Problem",
    "SchemaVersionError",
    "UnknownReferenceError",
    "ValidationError",
    "require",
]


class CareerkitError(Exception):
    """Base class of every error careerkit raises on purpose.

    >>> issubclass(ValidationError, CareerkitError)
    True
    """


@frozen
class Problem:
    """One problem found in a value: where it is and what is wrong.

    Parameters
    ----------
    path
        Where the problem is, as a path such as ``goals[2].deadline``; the
        empty string means the value (or document) as a whole.
    problem
        What is wrong, in plain words.

    Examples
    --------
    >>> str(Problem("goals[0].title", "must not be empty"))
    'goals[0].title: must not be empty'
    """

    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" if self.path else self.problem


def join_path(prefix: str, path: str) -> str:
    """Join two path fragments: ``join_path("tasks[3]", "goal")``."""
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


class ValidationError(CareerkitError, ValueError):
    """A value or document is invalid.

    Carries every problem found (``problems``); ``path`` and ``problem`` are
    those of the first. The message lists them all, one per line.

    Parameters
    ----------
    path
        Path of the bad field, such as ``goals[2].deadline``.
    problem
        What is wrong with it.
    problems
        Several problems at once (instead of ``path`` and ``problem``).

    Examples
    --------
    >>> error = ValidationError(path="goals[2].deadline", problem="before the start")
    >>> str(error)
    'goals[2].deadline: before the start'
    >>> error.path
    'goals[2].deadline'
    """

    problems: tuple[Problem, ...]

    def __init__(
        self,
        path: str = "",
        problem: str = "",
        *,
        problems: Iterable[Problem] = (),
    ) -> None:
        found = tuple(problems)
        if not found:
            found = (Problem(path, problem or "invalid value"),)
        self.problems = found
        super().__init__(self._message())

    @property
    def path(self) -> str:
        """Path of the first problem."""
        return self.problems[0].path

    @property
    def problem(self) -> str:
        """Description of the first problem."""
        return self.problems[0].problem

    def _message(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)

    def prefixed(self, prefix: str) -> ValidationError:
        """A copy of this error with every path under ``prefix``."""
        return ValidationError(
            problems=[Problem(join_path(prefix, p.path), p.problem) for p in self.problems]
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_validation_error, (self.problems,))


def _rebuild_validation_error(problems: tuple[Problem, ...]) -> ValidationError:
    return ValidationError(problems=problems)


class CycleError(ValidationError):
    """Dependencies form a cycle.

    ``cycle`` lists the ids on the cycle in order, starting from the smallest
    id: each id depends on the next one, and the last on the first. The
    message reads the same way, ``->`` meaning "depends on".

    >>> error = CycleError(cycle=("a", "b"), path="tasks[0].depends_on")
    >>> error.cycle
    ('a', 'b')
    >>> str(error)
    'tasks[0].depends_on: dependency cycle a -> b -> a'
    """

    cycle: tuple[str, ...]

    def __init__(self, *, cycle: Iterable[str], path: str = "") -> None:
        self.cycle = tuple(cycle)
        arrow = " -> ".join((*self.cycle, self.cycle[0])) if self.cycle else ""
        super().__init__(path=path, problem=f"dependency cycle {arrow}".rstrip())

    def prefixed(self, prefix: str) -> CycleError:
        """A copy of this error with its path under ``prefix``."""
        return CycleError(cycle=self.cycle, path=join_path(prefix, self.path))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_cycle_error, (self.cycle, self.path))


def _rebuild_cycle_error(cycle: tuple[str, ...], path: str) -> CycleError:
    return CycleError(cycle=cycle, path=path)


class SchemaVersionError(ValidationError):
    """A document was written by a schema version this careerkit cannot read.

    >>> str(SchemaVersionError(found=9, supported=1))
    'schema_version: version 9 is newer than the newest supported (1); upgrade careerkit'
    """

    found: object
    supported: int

    def __init__(self, *, found: object, supported: int) -> None:
        self.found = found
        self.supported = supported
        shown = found if not isinstance(found, int) or found.bit_length() < 64 else "(huge)"
        super().__init__(
            path="schema_version",
            problem=(
                f"version {shown} is newer than the newest supported ({supported}); "
                "upgrade careerkit"
            ),
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_schema_error, (self.found, self.supported))


def _rebuild_schema_error(found: object, supported: int) -> SchemaVersionError:
    return SchemaVersionError(found=found, supported=supported)


class UnknownReferenceError(CareerkitError, LookupError):
    """No goal or task has the id asked for.

    >>> error = UnknownReferenceError(kind="goal", id="cmo")
    >>> str(error)
    "no goal with id 'cmo'"
    >>> (error.kind, error.id)
    ('goal', 'cmo')
    """

    kind: str
    id: str

    def __init__(self, *, kind: str, id: str) -> None:  # noqa: A002
        self.kind = kind
        self.id = id
        super().__init__(f"no {kind} with id {id!r}")

    def __str__(self) -> str:
        # LookupError would otherwise quote the message like a KeyError.
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_reference_error, (self.kind, self.id))


def _rebuild_reference_error(kind: str, id: str) -> UnknownReferenceError:  # noqa: A002
    return UnknownReferenceError(kind=kind, id=id)


class HistoryError(CareerkitError):
    """A revision history is invalid: out of order, tampered with, or empty.

    >>> str(HistoryError("revision 3 is older than revision 2"))
    'revision 3 is older than revision 2'
    """


class MissingExtraError(CareerkitError, ImportError):
    """A view or tool needs an optional package that is not installed.

    The message names the package and the extra that installs it.

    >>> error = MissingExtraError(package="matplotlib", extra="plot")
    >>> str(error)
    'this needs the optional package matplotlib: pip install "careerkit[plot]"'
    >>> error.extra
    'plot'
    """

    def __init__(self, *, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f'this needs the optional package {package}: pip install "careerkit[{extra}]"'
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_missing_extra, (self.package, self.extra))


def _rebuild_missing_extra(package: str, extra: str) -> MissingExtraError:
    return MissingExtraError(package=package, extra=extra)


def require(package: str, extra: str) -> object:
    """Import an optional package by name, or raise :class:`MissingExtraError`.

    >>> require("json", "none").__name__
    'json'
    >>> require("no_such_package_here", "plot")
    Traceback (most recent call last):
    careerkit.errors.MissingExtraError: this needs the optional package no_such_package_here: pip install "careerkit[plot]"
    """
    import importlib

    try:
        return importlib.import_module(package)
    except ImportError:
        raise MissingExtraError(package=package.split(".")[0], extra=extra) from None
