"""Field rules: the one table of what each field of a model value must hold.

Each model class lists its fields with a rule apiece (``Task``'s table is
``careerkit.model.task._FIELDS``) and checks itself with
:func:`check_fields`. A rule has two faces that read the same settings:
``accepts(value)``, a quick test that builds nothing, and
``report(problems, path, value)``, which appends a ``Problem`` naming the
path for each thing wrong with a value the rule does not accept. Checking a
sound value costs one quick test per field; only a bad one is reported in
detail, every bad field at once. ``raise_if_any`` turns the problems into a
``ValidationError``.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Mapping
from datetime import date
from operator import attrgetter
from typing import Any, ClassVar, get_args

from attrs import Factory, field, frozen

from careerkit.errors import Problem, ValidationError
from careerkit.recurrence import read_rule

__all__ = [
    "ID_PATTERN",
    "MAX_DURATION",
    "MAX_MAGNITUDE",
    "MAX_TEXT",
    "Choice",
    "Date",
    "Fields",
    "Id",
    "Ids",
    "Instance",
    "Items",
    "Number",
    "RRule",
    "Rule",
    "StringMapping",
    "Strings",
    "Text",
    "Texts",
    "check_fields",
    "check_number",
    "describe",
    "fields",
    "raise_if_any",
    "to_tuple",
]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")  # used with fullmatch: no newline slips in
_is_id = _ID.fullmatch
MAX_TEXT = 100_000
MAX_DURATION = 100_000
"""The longest task, in working days (about 400 years)."""
MAX_MAGNITUDE = 1e15
"""The largest size of any number in a plan: anything beyond is a mistake."""
_STR = frozenset({str})
_TUPLE = frozenset({tuple})
_DATE = frozenset({date})


def to_tuple(value: Any) -> Any:
    """Turn a list into a tuple; leave anything else for the checks to judge."""
    if type(value) is list:
        return tuple(value)
    return value


def raise_if_any(problems: list[Problem]) -> None:
    """Raise a ``ValidationError`` carrying ``problems`` if there are any."""
    if problems:
        raise ValidationError(problems=problems)


_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    list: "a list",
    tuple: "a list",
    dict: "an object",
    type(None): "null",
}


def describe(value: object) -> str:
    """How a value's type is named in messages: ``"a string"``, ``"null"``, ..."""
    return _TYPE_NAMES.get(type(value)) or type(value).__name__


class Rule:
    """What one field must hold: a quick test and a detailed report.

    ``accepts(value)`` is true exactly when ``report`` finds nothing wrong
    (a test holds every rule to it); checks ask for the report only when the
    quick test refuses a value.
    ``types()`` names types of sound values; ``settled`` says whether a value
    of one of those types needs no further test (dates and enum members).
    """

    __slots__ = ()
    settled: ClassVar[bool] = False

    def types(self) -> frozenset[type]:
        """Types that sound values have; a value of another type may still be sound."""
        return frozenset()

    def accepts(self, value: object) -> bool:
        """Whether the value is sound (by default: whether the report finds nothing)."""
        found: list[Problem] = []
        self.report(found, "", value)
        return not found

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        """Append a problem at ``path`` for each thing wrong with ``value``."""
        raise NotImplementedError

    def check(self, problems: list[Problem], path: str, value: object) -> None:
        """Report the value's problems, if the quick test refuses it."""
        if not self.accepts(value):
            self.report(problems, path, value)


_NONE = frozenset({type(None)})


@frozen
class Fields:
    """A class's rule table: each field's name with its rule, in field order.

    Checking a value first tests the types of all its fields at once (in C),
    then the fields whose type does not settle them; only when that fails
    does each field go through its rule's own quick test and report.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> table = fields(name=Text(), baseline=Number(minimum=0))
    >>> problems = []
    >>> table.check(problems, SimpleNamespace(name=" ", baseline=-1))
    >>> [str(problem) for problem in problems]
    ['name: must not be empty', 'baseline: must be at least 0, got -1']
    """

    rules: tuple[tuple[str, Rule], ...]
    _values: Callable[[object], tuple[object, ...]] = field(
        init=False,
        default=Factory(
            lambda self: attrgetter(*(name for name, _ in self.rules)), takes_self=True
        ),
    )
    _types: tuple[frozenset[type], ...] = field(
        init=False,
        default=Factory(
            lambda self: tuple(rule.types() for _, rule in self.rules), takes_self=True
        ),
    )
    _unsettled: tuple[tuple[int, Rule], ...] = field(
        init=False,
        default=Factory(
            lambda self: tuple(
                (position, rule)
                for position, (_, rule) in enumerate(self.rules)
                if not rule.settled
            ),
            takes_self=True,
        ),
    )

    def check(self, problems: list[Problem], value: object) -> None:
        """Append a problem, named by field, for each thing wrong with ``value``'s fields."""
        values = self._values(value)
        if all(map(frozenset.__contains__, self._types, map(type, values))):
            for position, rule in self._unsettled:
                item = values[position]
                if item is not None and not rule.accepts(item):
                    break  # None passed the type test: the rule takes it
            else:
                return
        for (name, rule), item in zip(self.rules, values, strict=True):
            if not rule.accepts(item):
                rule.report(problems, name, item)


def fields(**rules: Rule) -> Fields:
    """A rule table, from ``name=rule`` pairs in field order (at least two)."""
    return Fields(tuple(rules.items()))


def check_fields(problems: list[Problem], value: object, table: Fields) -> None:
    """Check each field of ``value`` against its rule in ``table``, reporting by field name."""
    table.check(problems, value)


@frozen
class Text(Rule):
    """A string of at most ``MAX_TEXT`` characters; not blank when ``required``."""

    required: bool = True

    def types(self) -> frozenset[type]:
        return _STR

    def accepts(self, value: object) -> bool:
        return (
            type(value) is str
            and len(value) <= MAX_TEXT
            and not (self.required and (not value or value.isspace()))
        )

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if type(value) is not str:
            problems.append(Problem(path, f"expected a string, got {describe(value)}"))
        elif self.required and not value.strip():
            problems.append(Problem(path, "must not be empty"))
        elif len(value) > MAX_TEXT:
            problems.append(Problem(path, f"longer than {MAX_TEXT} characters"))


@frozen
class Id(Rule):
    """An identifier: letters, digits, ``_ . : -``, starting with a letter or digit."""

    optional: bool = False

    def types(self) -> frozenset[type]:
        return _STR | _NONE if self.optional else _STR

    def accepts(self, value: object) -> bool:
        if type(value) is str:
            return _is_id(value) is not None
        return value is None and self.optional

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if value is None and self.optional:
            return
        if type(value) is not str:
            problems.append(Problem(path, f"expected an id string, got {describe(value)}"))
        elif not _is_id(value):
            problems.append(
                Problem(
                    path,
                    f"invalid id {value[:40]!r}: use 1-128 letters, digits, '_', '.', ':' "
                    "or '-', starting with a letter or digit",
                )
            )


def _named(kind: Any) -> str:
    return "a string" if kind is str else f"a {kind.__name__}"


@frozen
class Items(Rule):
    """A tuple whose items are all ``kind`` (named ``described`` in messages)."""

    kind: Any
    described: str = ""
    _kinds: frozenset[type] = field(
        init=False,
        default=Factory(
            lambda self: frozenset(get_args(self.kind)) or frozenset({self.kind}), takes_self=True
        ),
    )

    def types(self) -> frozenset[type]:
        return _TUPLE

    def accepts(self, value: object) -> bool:
        if type(value) is not tuple:
            return False
        if set(map(type, value)) <= self._kinds:
            return True  # every item is exactly of a kind: the common case, tested at C speed
        return all(isinstance(item, self.kind) for item in value)

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if type(value) is not tuple:
            problems.append(Problem(path, f"expected a list, got {describe(value)}"))
            return
        for index, item in enumerate(value):
            if not isinstance(item, self.kind):
                shown = self.described or _named(self.kind)
                problems.append(
                    Problem(f"{path}[{index}]", f"expected {shown}, got {describe(item)}")
                )


_STRINGS = Items(str)


@frozen
class Strings(Rule):
    """A tuple of distinct strings, each sound by ``item``."""

    item: Rule

    def types(self) -> frozenset[type]:
        return _TUPLE

    def accepts(self, value: object) -> bool:
        return (
            type(value) is tuple
            and set(map(type, value)) <= _STR
            and all(map(self.item.accepts, value))
            and len(set(value)) == len(value)
        )

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if not _STRINGS.accepts(value):
            _STRINGS.report(problems, path, value)
            return
        assert isinstance(value, tuple)
        seen: set[str] = set()
        for index, item in enumerate(value):
            self.item.check(problems, f"{path}[{index}]", item)
            if item in seen:
                problems.append(Problem(f"{path}[{index}]", f"duplicate entry {item!r}"))
            seen.add(item)


@frozen
class Ids(Strings):
    """A tuple of distinct ids."""

    item: Rule = Id()

    def accepts(self, value: object) -> bool:
        return (
            type(value) is tuple
            and set(map(type, value)) <= _STR
            and all(map(_is_id, value))
            and len(set(value)) == len(value)
        )


@frozen
class Texts(Strings):
    """A tuple of distinct non-blank strings."""

    item: Rule = Text()


@frozen
class Number(Rule):
    """A finite number (an ``int`` when ``integer``) within the given bounds.

    ``minimum`` and ``maximum`` are included, ``above`` is not; no number is
    larger in size than ``MAX_MAGNITUDE``.
    """

    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None
    integer: bool = False
    optional: bool = False
    _kinds: frozenset[type] = field(
        init=False,
        default=Factory(
            lambda self: frozenset({int} if self.integer else {int, float}), takes_self=True
        ),
    )
    _lowest: float = field(
        init=False,
        default=Factory(
            lambda self: max(
                -MAX_MAGNITUDE,
                -math.inf if self.minimum is None else self.minimum,
                -math.inf if self.above is None else self.above,
            ),
            takes_self=True,
        ),
    )
    _highest: float = field(
        init=False,
        default=Factory(
            lambda self: min(MAX_MAGNITUDE, math.inf if self.maximum is None else self.maximum),
            takes_self=True,
        ),
    )

    def types(self) -> frozenset[type]:
        return self._kinds | _NONE if self.optional else self._kinds

    def accepts(self, value: object) -> bool:
        if type(value) in self._kinds:
            return self._lowest <= value <= self._highest and value != self.above  # type: ignore[operator]
        return value is None and self.optional

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if value is None and self.optional:
            return
        kind = type(value)
        if kind is bool or not (kind is int or (kind is float and not self.integer)):
            expected = "an integer" if self.integer else "a number"
            problems.append(Problem(path, f"expected {expected}, got {describe(value)}"))
            return
        assert isinstance(value, int | float)
        if not -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:  # also false for NaN
            shown = f"{value:.3g}" if kind is float else "a larger integer"
            problems.append(
                Problem(path, f"must be a finite number of size at most 1e15, got {shown}")
            )
        elif self.minimum is not None and value < self.minimum:
            problems.append(Problem(path, f"must be at least {self.minimum}, got {value}"))
        elif self.maximum is not None and value > self.maximum:
            problems.append(Problem(path, f"must be at most {self.maximum}, got {value}"))
        elif self.above is not None and value <= self.above:
            problems.append(Problem(path, f"must be greater than {self.above}, got {value}"))


def check_number(
    problems: list[Problem],
    path: str,
    value: object,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    above: float | None = None,
    integer: bool = False,
    optional: bool = False,
) -> None:
    """A finite number (an ``int`` when ``integer``) within the given bounds (see :class:`Number`)."""
    rule = Number(minimum=minimum, maximum=maximum, above=above, integer=integer, optional=optional)
    rule.check(problems, path, value)


@frozen
class Date(Rule):
    """A ``datetime.date`` (not a ``datetime``), or None when ``optional``."""

    optional: bool = False

    settled: ClassVar[bool] = True

    def types(self) -> frozenset[type]:
        return _DATE | _NONE if self.optional else _DATE

    def accepts(self, value: object) -> bool:
        return type(value) is date or (value is None and self.optional)

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if not self.accepts(value):
            problems.append(Problem(path, f"expected a date, got {describe(value)}"))


@frozen
class Choice(Rule):
    """A member of the enum ``kind``."""

    kind: type[enum.Enum]

    settled: ClassVar[bool] = True

    def types(self) -> frozenset[type]:
        return frozenset({self.kind})

    def accepts(self, value: object) -> bool:
        return type(value) is self.kind  # an enum with members has no subclasses

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if self.accepts(value):
            return
        choices = ", ".join(member.name for member in self.kind)
        problems.append(
            Problem(path, f"expected a {self.kind.__name__} ({choices}), got {value!r}")
        )


@frozen
class Instance(Rule):
    """An instance of ``kind`` (a model value), or None when ``optional``."""

    kind: type
    optional: bool = False

    settled: ClassVar[bool] = True

    def types(self) -> frozenset[type]:
        kind = frozenset({self.kind})
        return kind | _NONE if self.optional else kind

    def accepts(self, value: object) -> bool:
        return isinstance(value, self.kind) or (value is None and self.optional)

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if not self.accepts(value):
            shown = type(value).__name__
            problems.append(Problem(path, f"expected {self.kind.__name__}, got {shown}"))


@frozen
class StringMapping(Rule):
    """A mapping of strings to texts."""

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if not isinstance(value, Mapping):
            problems.append(Problem(path, f"expected a mapping, got {describe(value)}"))
            return
        item = Text(required=False)
        for key, text in value.items():
            if type(key) is not str:
                problems.append(Problem(path, f"keys must be strings, got {describe(key)}"))
            else:
                item.check(problems, f"{path}.{key}", text)


@frozen
class RRule(Rule):
    """An RFC 5545 recurrence rule such as ``FREQ=MONTHLY;BYDAY=1TU``, as
    :func:`careerkit.recurrence.read_rule` reads it (each distinct text once)."""

    optional: bool = False

    def types(self) -> frozenset[type]:
        return _STR | _NONE if self.optional else _STR

    def accepts(self, value: object) -> bool:
        if type(value) is not str:
            return value is None and self.optional
        try:
            read_rule(value)
        except ValidationError:
            return False
        return True

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if value is None and self.optional:
            return
        if type(value) is not str:
            problems.append(Problem(path, f"expected an RRULE string, got {describe(value)}"))
            return
        try:
            read_rule(value)
        except ValidationError as exc:
            problems.extend(Problem(path, problem.problem) for problem in exc.problems)
