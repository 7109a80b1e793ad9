"""Reading and writing plans as JSON documents.

A plan document is a JSON object holding the plan's fields plus
``schema_version``. Dates are ISO 8601 strings (``"2026-03-31"``), enums their
lowercase names (``"in_progress"``), and fields left at their defaults are
omitted. Reading is strict and bounded: unknown fields, wrong types, missing
fields, duplicate keys, non-finite numbers and documents above a size limit
are refused with a :class:`~careerkit.errors.ValidationError` that lists
every problem with its path. Nothing in reading evaluates code.

Documents written by an older schema version are migrated on reading; a
document from a newer version raises
:class:`~careerkit.errors.SchemaVersionError`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from cattrs.errors import BaseValidationError

from careerkit.errors import Problem, SchemaVersionError, ValidationError, join_path
from careerkit.io._converter import WrongValue, converter, problems_of, single_cycle
from careerkit.io.reading import DEFAULT_MAX_SIZE, read_json
from careerkit.io.results import document_of, kind_of, result_schema
from careerkit.io.schema import plan_schema
from careerkit.model import Plan
from careerkit.model.arguments import checked_int, checked_text
from careerkit.model.rules import describe

__all__ = [
    "DEFAULT_MAX_SIZE",
    "SCHEMA_VERSION",
    "dumps",
    "from_dict",
    "json_schema",
    "loads",
    "structure_value",
    "to_dict",
    "unstructure_value",
]

SCHEMA_VERSION = 4
"""The schema version written into every document.

Version 2 added typed dependencies (objects in ``depends_on``) and
three-point estimates; version 3 added the done occurrences of habits
(``done_occurrences``); version 4 added the career domain (the profile's
``skills``, ``builds`` on goals and tasks, and the plan's ``roles``,
``assets``, ``contacts``, ``options``, ``option_weights`` and
``applications``). Documents of versions 1 to 3 are read unchanged.
"""


Migration = Callable[[dict[str, Any]], dict[str, Any]]
_MIGRATIONS: Mapping[int, Migration] = {
    1: dict,  # version 2 only added optional forms: a version 1 body is a version 2 body
    2: dict,  # version 3 only added an optional field
    3: dict,  # version 4 only added optional fields
}
"""Migration from version N to N + 1, keyed by N."""


def to_dict(plan: object) -> dict[str, Any]:
    """The JSON-ready dictionary of a plan, with ``schema_version`` first, or of a result.

    A plan's fields at their default values are omitted. A result (a
    :class:`~careerkit.scheduling.Schedule`, a
    :class:`~careerkit.smart.SmartAssessment`, any type registered with
    ``careerkit.io.result_document``) gives its document, in
    which every key is always present (see :doc:`/documents`).

    Parameters
    ----------
    plan
        The plan or the result to convert (the name is kept from when only
        plans were documents).

    Returns
    -------
    dict
        Plain dicts, lists, strings, numbers, booleans and None, ready for
        ``json.dumps``.

    Raises
    ------
    ValidationError
        ``plan`` is neither a plan nor a registered result.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5))
    >>> to_dict(plan)
    {'schema_version': 4, 'id': 'p', 'owner': 'Ana', 'start': '2026-01-05'}
    >>> to_dict(schedule(plan))["critical_path"]
    []
    """
    if isinstance(plan, Plan):
        document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        document.update(converter.unstructure(plan))
        return document
    if kind_of(plan) is None:
        raise ValidationError(
            path="plan",
            problem=f"expected a Plan or a result such as a Schedule, got {type(plan).__name__}",
        )
    return document_of(plan)


def from_dict(document: Mapping[str, Any]) -> Plan:
    """Build a plan from a dictionary such as :func:`to_dict` returns.

    Older schema versions are migrated first. The dictionary is not changed.

    Parameters
    ----------
    document
        The plan document.

    Returns
    -------
    Plan
        The validated plan.

    Raises
    ------
    ValidationError
        The document is malformed; the message lists every problem with its
        path, such as ``tasks[12].depends_on[0]: unknown task 'x'``.
    SchemaVersionError
        The document comes from a newer schema version.
    CycleError
        Dependencies form a cycle.

    Examples
    --------
    >>> from_dict({"schema_version": 1, "id": "p", "owner": "Ana", "start": "2026-01-05"}).owner
    'Ana'
    >>> from_dict({"schema_version": 1, "id": "p", "owner": "Ana", "start": "someday"})
    Traceback (most recent call last):
    careerkit.errors.ValidationError: start: expected a date as YYYY-MM-DD, got 'someday'
    """
    body = _migrate(document, _MIGRATIONS)
    try:
        return converter.structure(body, Plan)
    except BaseValidationError as exc:
        problems = list(problems_of(exc, ""))
        cause = single_cycle(exc)
        if cause is not None and len(problems) == 1:
            raise cause from exc
        raise ValidationError(problems=problems) from exc
    except RecursionError:
        raise ValidationError(path="", problem="the document is nested too deeply") from None


def _migrate(document: object, migrations: Mapping[int, Migration]) -> dict[str, Any]:
    """The document's fields at the current schema version, without ``schema_version``."""
    if isinstance(document, Mapping) and type(document) is not dict:
        document = dict(document)
    if type(document) is not dict:
        raise ValidationError(path="", problem=f"expected a JSON object, got {describe(document)}")
    if "schema_version" not in document:
        raise ValidationError(
            path="schema_version", problem=f"missing; this careerkit writes {SCHEMA_VERSION}"
        )
    version = document["schema_version"]
    if type(version) is float and version.is_integer() and abs(version) <= 2**53:
        version = int(version)  # an integral number is the integer it is
    if type(version) is not int or version < 1:
        shown = describe(version) if type(version) is not int else "a number below 1"
        raise ValidationError(
            path="schema_version", problem=f"expected a positive integer, got {shown}"
        )
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(found=version, supported=SCHEMA_VERSION)
    body = {key: value for key, value in document.items() if key != "schema_version"}
    for step in range(version, SCHEMA_VERSION):
        body = migrations[step](body)
    return body


def dumps(plan: object, *, indent: int | None = 2) -> str:
    """The plan, or a result, as a JSON document.

    Parameters
    ----------
    plan
        The plan or the result to write (see :func:`to_dict`).
    indent
        Spaces per indentation level (an ``int`` of at least 0), or None for
        the most compact form.

    Raises
    ------
    ValidationError
        ``plan`` is neither a :class:`~careerkit.Plan` nor a result, a
        number in it is NaN or infinite (JSON has neither; the path names
        it), or ``indent`` is of the wrong type (the path names the argument).

    Examples
    --------
    >>> print(dumps(Plan(id="p", owner="Ana", start=date(2026, 1, 5)), indent=None))
    {"schema_version": 4, "id": "p", "owner": "Ana", "start": "2026-01-05"}
    """
    document = to_dict(plan)
    if indent is not None:
        indent = checked_int(indent, "indent", minimum=0)
    try:
        return json.dumps(document, indent=indent, ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise ValidationError(problems=_not_finite(document, "")) from None


def _not_finite(value: object, path: str) -> list[Problem]:
    """Where a document holds NaN or an infinity, which JSON cannot write."""
    if type(value) is float and not math.isfinite(value):
        return [Problem(path, f"{value} is not a number JSON can write; expected a finite one")]
    if type(value) is dict:
        items: Iterable[tuple[str, object]] = (
            (join_path(path, key), item) for key, item in value.items()
        )
    elif type(value) is list:
        items = ((f"{path}[{index}]", item) for index, item in enumerate(value))
    else:
        return []
    return [problem for where, item in items for problem in _not_finite(item, where)]


def loads(text: str | bytes, *, max_size: int = DEFAULT_MAX_SIZE) -> Plan:
    """Read a plan from a JSON document.

    The size is checked before parsing; duplicate keys, ``NaN`` and
    ``Infinity`` are refused; numbers too large for a float (``1e400``) and
    nesting deeper than Python's recursion limit are reported as problems,
    never as crashes.

    Parameters
    ----------
    text
        The JSON document, as text or UTF-8 bytes.
    max_size
        The largest document accepted, in bytes of UTF-8 (text is counted as
        the bytes it encodes to); :data:`DEFAULT_MAX_SIZE` unless given.

    Returns
    -------
    Plan
        The validated plan.

    Raises
    ------
    ValidationError
        The text is too large, not JSON, or not a valid plan document.
    SchemaVersionError
        The document comes from a newer schema version.
    CycleError
        Dependencies form a cycle.

    Examples
    --------
    >>> loads('{"schema_version": 1, "id": "p", "owner": "Ana", "start": "2026-01-05"}').id
    'p'
    >>> loads('{"schema_version": 1, "id": "p"', max_size=10)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: the document is 31 bytes, above the limit of 10 (max_size)
    """
    return from_dict(cast("Mapping[str, Any]", read_json(text, max_size=max_size)))


def json_schema(kind: str = "plan") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan document, or of a kind of result.

    For products that build or check documents outside Python. The plan's
    schema describes shapes, types, formats and ranges; rules that relate
    several fields (references, dates in order, cycles) are checked by
    :func:`loads` alone. A result's schema requires every key of its
    document and allows no other.

    Parameters
    ----------
    kind
        ``"plan"``, or the kind of a result: ``"schedule"``,
        ``"smart_assessment"``, ... (``careerkit.io.result_kinds()``).

    Returns
    -------
    dict
        The schema, whose ``$id`` names the kind.

    Raises
    ------
    ValidationError
        ``kind`` is not a known kind; the message lists them.

    Examples
    --------
    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["properties"]["schema_version"]["maximum"]
    4
    >>> json_schema("violation")["required"]
    ['constraint', 'subject', 'limit', 'finish', 'by']
    """
    if checked_text(kind, "kind") == "plan":
        return plan_schema(SCHEMA_VERSION)
    return result_schema(kind)


def unstructure_value(value: Any) -> Any:
    """The JSON-ready form of any model value (a goal, a task, a date, a tuple, ...).

    Fields at their defaults are left out, as in :func:`to_dict`.

    >>> unstructure_value(Goal(id="cert", title="Earn the certification"))
    {'id': 'cert', 'title': 'Earn the certification'}
    """
    return converter.unstructure(value)


def structure_value(data: Any, kind: Any, *, path: str = "") -> Any:
    """Build a model value of type ``kind`` from its JSON-ready form.

    Raises
    ------
    ValidationError
        The data does not make a valid value; problems are reported under
        ``path``.

    >>> structure_value({"id": "cert", "title": "Earn it"}, Goal).title
    'Earn it'
    """
    try:
        return converter.structure(data, kind)
    except BaseValidationError as exc:
        raise ValidationError(problems=problems_of(exc, path)) from exc
    except WrongValue as exc:
        raise ValidationError(path=path, problem=str(exc)) from None
    except ValidationError as exc:
        raise exc.prefixed(path) from exc
    except RecursionError:
        raise ValidationError(path=path, problem="nested too deeply") from None
