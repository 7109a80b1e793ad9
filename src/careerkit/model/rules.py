"""Field rules: the one table of what each field of a model value must hold.

Each model class lists its fields with a rule apiece (``Task``'s table is
``careerkit.model.task._FIELDS``) and checks itself with
``Fields.check``. A rule reads its settings in two ways: ``test``
writes its quick test as a Python expression (``accepts(value)`` is that
expression compiled, or the rule's own method where an expression is not
enough), and ``report(problems, path, value)`` appends a ``Problem`` naming
the path for each thing wrong with a value. A table compiles the
expressions of its rules into one quick test of a whole value, as attrs and
cattrs compile the code they write: checking a sound value costs that one
call, and only a value that fails it is reported in detail, every bad field
at once. ``raise_if_any`` turns the problems into a ``ValidationError``.
"""

from __future__ import annotations

import difflib
import enum
import functools
import linecache
import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from operator import attrgetter
from typing import Any, cast, get_args

from attrs import Factory, field, frozen

from careerkit.errors import Problem, ValidationError
from careerkit.recurrence import read_rule

__all__ = [
    "BLANK_CHARACTERS",
    "FIRST_DATE",
    "ID_PATTERN",
    "LAST_DATE",
    "MAX_DURATION",
    "MAX_MAGNITUDE",
    "MAX_TEXT",
    "Choice",
    "Date",
    "Dates",
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
    "check_number",
    "describe",
    "fields",
    "is_blank",
    "raise_if_any",
    "report_repeated",
    "to_tuple",
    "unknown_fields",
]

ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}"
"""What an id is, to be matched against the whole text (``re.fullmatch``): with
``^...$``, Python would let a final newline slip in. The JSON Schema says the
same without an end anchor (see ``careerkit.io.schema``)."""
_ID = re.compile(ID_PATTERN)
_is_id = _ID.fullmatch
MAX_TEXT = 100_000
BLANK_CHARACTERS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
"""The characters a required text may not consist of alone: the white space of
Python's ``str.isspace`` and of ECMA-262's ``\\s`` together (the latter adds
U+FEFF). The JSON Schema's "not blank" pattern is written from this string."""
FIRST_DATE = date(1, 1, 1)
LAST_DATE = date(9000, 12, 31)
"""Every date in a plan lies between ``FIRST_DATE`` and ``LAST_DATE``: the
years after 9000 are left free for schedules to run forward into."""
_SURROGATE = re.compile("[\ud800-\udfff]")
_has_surrogate = _SURROGATE.search
MAX_DURATION = 100_000
"""The longest task, in working days (about 400 years)."""
MAX_MAGNITUDE = 1e15
"""The largest size of any number in a plan: anything beyond is a mistake."""
_STR = frozenset({str})


def to_tuple(value: Any) -> Any:
    """Turn a list into a tuple; leave anything else for the checks to judge."""
    if type(value) is list:
        return tuple(value)
    return value


def raise_if_any(problems: list[Problem]) -> None:
    """Raise a ``ValidationError`` carrying ``problems`` if there are any."""
    if problems:
        raise ValidationError(problems=problems)


def report_repeated(problems: list[Problem], path: str, keys: list[str | None], field: str) -> None:
    """Report each key listed a second time in a list of values, at ``path[i].field``
    (a None key, of a value that could not be read, is passed over).

    The message names the first listing by its index in the same list, so that
    it still reads right once the path is put under an outer one (as
    ``profile.skills[2].name``).

    >>> problems = []
    >>> report_repeated(problems, "skills", ["a", "b", "a"], "skill")
    >>> print(problems[0])
    skills[2].skill: 'a' is listed twice (also at index 0)
    """
    seen: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in seen:
            problems.append(
                Problem(
                    f"{path}[{index}].{field}",
                    f"{key!r} is listed twice (also at index {seen[key]})",
                )
            )
        else:
            seen[key] = index


_LONGEST_SUGGESTED = 64
"""The longest unknown name for which a known one is looked for: anything longer
is not a typing slip."""
_MOST_SUGGESTIONS = 20
"""How many unknown names of one value get a suggestion: a value with more is not
a handful of typing slips, and looking costs about 15 us a name."""


def unknown_fields(names: Iterable[str], known: Iterable[str]) -> list[tuple[str, str]]:
    """Each name a value has but its class lacks, in sorted order, with its problem:
    ``unknown field``, naming the known field it was most likely meant to be
    when one is close enough.

    >>> unknown_fields(["deadine", "colour"], ["title", "deadline", "start"])
    [('colour', 'unknown field'), ('deadine', "unknown field (did you mean 'deadline'?)")]
    """
    choices = sorted(known)
    found = []
    for index, name in enumerate(sorted(names)):
        close = []
        if index < _MOST_SUGGESTIONS and type(name) is str and len(name) <= _LONGEST_SUGGESTED:
            close = difflib.get_close_matches(name, choices, n=1, cutoff=0.8)
        found.append(
            (name, f"unknown field (did you mean {close[0]!r}?)" if close else "unknown field")
        )
    return found


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
    quick test refuses a value. ``test`` writes the quick test as a Python
    expression, from which a table compiles one quick test of a whole value.
    """

    __slots__ = ()

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        """The quick test as an expression over the local variable ``value``.

        ``constant(obj)`` gives the name by which the expression may refer
        to an object. By default the expression calls :meth:`accepts`.
        """
        return f"{constant(self.accepts)}({value})"

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


class _Names:
    """The objects a generated expression refers to, each under a name of its own."""

    def __init__(self) -> None:
        self.namespace: dict[str, object] = {}

    def __call__(self, value: object) -> str:
        name = f"_constant_{len(self.namespace)}"
        self.namespace[name] = value
        return name


@frozen
class _Tested(Rule):
    """A rule whose quick test is its expression (``test``), compiled once."""

    _accepts: Callable[[object], bool] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        names = _Names()
        expression = self.test("value", names)
        object.__setattr__(self, "_accepts", eval(f"lambda value: {expression}", names.namespace))

    def accepts(self, value: object) -> bool:
        return self._accepts(value)


def _compiled_test(rule: Rule) -> Callable[[object], bool]:
    """A rule's quick test as one function: the compiled expression of a tested rule."""
    return rule._accepts if isinstance(rule, _Tested) else rule.accepts


@frozen
class Fields:
    """A class's rule table: each field's name with its rule, in field order.

    From the rules' expressions the table compiles one quick test of all the
    fields of a value (as attrs and cattrs compile the code they generate);
    only a value that fails it has each field reported by its rule.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> table = fields("Example", name=Text(), baseline=Number(minimum=0))
    >>> problems = []
    >>> sorted(table.check(problems, SimpleNamespace(name=" ", baseline=-1)))
    ['baseline', 'name']
    >>> [str(problem) for problem in problems]
    ['name: must not be empty', 'baseline: must be at least 0, got -1']
    """

    owner: str
    rules: tuple[tuple[str, Rule], ...]
    _quick_test: Callable[[object], bool] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_quick_test", _compile_quick_test(self.owner, self.rules))

    def check(self, problems: list[Problem], value: object) -> frozenset[str]:
        """Append a problem, named by field, for each thing wrong with ``value``'s fields.

        Returns the names of the fields found wrong, so that the rules across
        fields can still be checked on the others.
        """
        if self._quick_test(value):
            return _NONE
        wrong = []
        for name, rule in self.rules:
            item = getattr(value, name)
            if not rule.accepts(item):
                rule.report(problems, name, item)
                wrong.append(name)
        return frozenset(wrong)

    def sound(self, values: Mapping[str, object]) -> dict[str, object]:
        """The entries of ``values`` that name a field of the table and pass its rule."""
        rules = dict(self.rules)
        return {
            name: value
            for name, value in values.items()
            if name in rules and rules[name].accepts(value)
        }


_NONE: frozenset[str] = frozenset()


def _compile_quick_test(
    owner: str, rules: tuple[tuple[str, Rule], ...]
) -> Callable[[object], bool]:
    """One function testing every field of a value, written from the rules' expressions.

    Its source is kept in :mod:`linecache` under ``<careerkit field rules
    OWNER>``, as attrs keeps the methods it writes, so tracebacks and
    :mod:`inspect` show it. The objects it refers to are its globals, as in
    the methods attrs writes: a call then costs nothing per constant
    (keyword defaults would be copied into every call's frame, which took
    half the time of a task's test).
    """
    names = _Names()
    fetch = names(attrgetter(*(name for name, _ in rules)))
    local = [f"_{position}" for position in range(len(rules))]
    terms = [rule.test(value, names) for value, (_, rule) in zip(local, rules, strict=True)]
    source = "\n".join(
        [
            "def quick_test(value):",
            f"    {', '.join(local)} = {fetch}(value)",
            "    return (",
            "        " + "\n        and ".join(terms),
            "    )",
            "",
        ]
    )
    filename = f"<careerkit field rules {owner}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names.namespace)
    return cast("Callable[[object], bool]", names.namespace["quick_test"])


def fields(owner: str, /, **rules: Rule) -> Fields:
    """The rule table of the class named ``owner``, from ``name=rule`` pairs in field order."""
    return Fields(owner, tuple(rules.items()))


def is_blank(text: str) -> bool:
    """Whether ``text`` holds nothing but ``BLANK_CHARACTERS`` (or nothing at all)."""
    return not text.strip(BLANK_CHARACTERS)


@frozen
class Text(_Tested):
    """A string of at most ``MAX_TEXT`` characters that UTF-8 can store (no lone
    surrogates); not blank (see ``BLANK_CHARACTERS``) when ``required``."""

    required: bool = True

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        stored = f"({value}.isascii() or not {constant(_has_surrogate)}({value}))"
        if self.required:
            blank = constant(BLANK_CHARACTERS)
            return (
                f"(type({value}) is str and 0 < len({value}) <= {MAX_TEXT}"
                f" and {value}.strip({blank}) != '' and {stored})"
            )
        return f"(type({value}) is str and len({value}) <= {MAX_TEXT} and {stored})"

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if type(value) is not str:
            problems.append(Problem(path, f"expected a string, got {describe(value)}"))
        elif self.required and is_blank(value):
            problems.append(Problem(path, "must not be empty"))
        elif len(value) > MAX_TEXT:
            problems.append(Problem(path, f"longer than {MAX_TEXT} characters"))
        elif not value.isascii() and (found := _has_surrogate(value)):
            problems.append(
                Problem(
                    path,
                    f"cannot be stored as UTF-8: lone surrogate U+{ord(found.group()):04X}"
                    f" at character {found.start()}",
                )
            )


@frozen
class Id(_Tested):
    """An identifier: letters, digits, ``_ . : -``, starting with a letter or digit."""

    optional: bool = False

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        test = f"(type({value}) is str and {constant(_is_id)}({value}) is not None)"
        return f"({value} is None or {test})" if self.optional else test

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

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        kinds, accepts = constant(self._kinds), constant(self.accepts)
        return (
            f"((type({value}) is tuple and (not {value} or set(map(type, {value})) <= {kinds}))"
            f" or {accepts}({value}))"
        )

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

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        # Each item by the item rule's compiled test, without the method call around it.
        item = constant(_compiled_test(self.item))
        return (
            f"(type({value}) is tuple and (not {value} or (set(map(type, {value})) <= "
            f"{constant(_STR)} and all(map({item}, {value})) and len(set({value})) == len({value}))))"
        )

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
class Ids(_Tested):
    """A tuple of distinct ids."""

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        strings, is_id = constant(_STR), constant(_is_id)
        # One id or two, the most common lists, tested item by item; longer ones at C speed.
        first, second = (_ID_RULE.test(f"{value}[{index}]", constant) for index in (0, 1))
        return (
            f"(type({value}) is tuple and (not {value} or (len({value}) == 1 and {first})"
            f" or (len({value}) == 2 and {first} and {second} and {value}[0] != {value}[1])"
            f" or (set(map(type, {value})) <= {strings} and all(map({is_id}, {value}))"
            f" and len(set({value})) == len({value}))))"
        )

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        _IDS.report(problems, path, value)


@frozen
class Texts(Strings):
    """A tuple of distinct non-blank strings."""

    item: Rule = Text()


_ID_RULE = Id()
_IDS = Strings(_ID_RULE)


@frozen
class Number(_Tested):
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

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        lowest, highest = constant(self._lowest), constant(self._highest)
        kind = "is int" if self.integer else f"in {constant(self._kinds)}"
        test = f"type({value}) {kind} and {lowest} <= {value} <= {highest}"
        if self.above is not None:
            test += f" and {value} != {constant(self.above)}"
        return f"({value} is None or ({test}))" if self.optional else f"({test})"

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
    _number(minimum, maximum, above, integer, optional).check(problems, path, value)


@functools.lru_cache(maxsize=64)
def _number(
    minimum: float | None, maximum: float | None, above: float | None, integer: bool, optional: bool
) -> Number:
    """The number rule of these settings, built once (a bounded memo)."""
    return Number(minimum=minimum, maximum=maximum, above=above, integer=integer, optional=optional)


@frozen
class Date(_Tested):
    """A ``datetime.date`` (not a ``datetime``), or None when ``optional``: from
    ``FIRST_DATE`` to ``LAST_DATE`` unless ``any_year`` (as for ``as_of`` arguments)."""

    optional: bool = False
    any_year: bool = False

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        test = f"type({value}) is {constant(date)}"
        if not self.any_year:
            test += f" and {constant(FIRST_DATE)} <= {value} <= {constant(LAST_DATE)}"
        return f"({value} is None or ({test}))" if self.optional else f"({test})"

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if self.accepts(value):
            return
        if type(value) is date:
            problems.append(Problem(path, f"{value} is {_outside_dates}"))
        else:
            problems.append(Problem(path, f"expected a date, got {describe(value)}"))


_outside_dates = f"outside the supported dates {FIRST_DATE} to {LAST_DATE}"


@frozen
class Dates(Rule):
    """A tuple of dates, each sound by :class:`Date`."""

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        # Every item a date, and the earliest and latest within the years: at C speed.
        first, last = constant(FIRST_DATE), constant(LAST_DATE)
        return (
            f"(type({value}) is tuple and (not {value} or (set(map(type, {value})) <= "
            f"{constant(_DATE_TYPE)} and {first} <= min({value}) and max({value}) <= {last})))"
        )

    def accepts(self, value: object) -> bool:
        return type(value) is tuple and all(map(_DATE.accepts, value))

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if type(value) is not tuple:
            problems.append(Problem(path, f"expected a list, got {describe(value)}"))
            return
        for index, item in enumerate(value):
            _DATE.check(problems, f"{path}[{index}]", item)


_DATE = Date()
_DATE_TYPE = frozenset({date})


@frozen
class Choice(_Tested):
    """A member of the enum ``kind``."""

    kind: type[enum.Enum]

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        return f"(type({value}) is {constant(self.kind)})"  # an enum with members has no subclasses

    def report(self, problems: list[Problem], path: str, value: object) -> None:
        if self.accepts(value):
            return
        choices = ", ".join(member.name for member in self.kind)
        problems.append(
            Problem(path, f"expected a {self.kind.__name__} ({choices}), got {value!r}")
        )


@frozen
class Instance(_Tested):
    """An instance of ``kind`` (a model value), or None when ``optional``."""

    kind: type
    optional: bool = False

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        test = f"isinstance({value}, {constant(self.kind)})"
        return f"({value} is None or {test})" if self.optional else f"({test})"

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
                item.check(problems, path, key)  # a key is stored as text too
                item.check(problems, f"{path}.{key}", text)


@frozen
class RRule(Rule):
    """An RFC 5545 recurrence rule such as ``FREQ=MONTHLY;BYDAY=1TU``, as
    :func:`careerkit.recurrence.read_rule` reads it (each distinct text once)."""

    optional: bool = False

    def test(self, value: str, constant: Callable[[object], str]) -> str:
        test = f"{constant(self.accepts)}({value})"
        return f"({value} is None or {test})" if self.optional else test

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
