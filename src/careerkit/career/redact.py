"""A pseudonymised copy of a plan, to share without the personal data in it.

:func:`redact` replaces names, notes and other personal free text by
*pseudonyms*: ``kind-`` and the first 12 hex digits of HMAC-SHA256, keyed by
the caller's secret, of the kind's name, a NUL character and the text (UTF-8).
The kind separates the domains of the fields, so a contact and an employer of
the same name get unrelated pseudonyms; the key makes the pseudonyms stable
for whoever holds it and unguessable for anyone else. :func:`pseudonym` gives
the pseudonym of one text, to find a known name in a redacted plan.

Ids, dates, numbers, statuses, enums and RRULEs stay, and so do the texts the
analyses read (titles, the vision, the profile's phrases, skill names, metric
names), unless ``titles=True``: the plan validates, schedules and is reviewed
as the original is. :data:`REPLACED` and :data:`REPLACED_WITH_TITLES` list
the fields replaced, by class, with the kind of each.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar, cast

import attrs

from careerkit.errors import ValidationError
from careerkit.model import rules
from careerkit.model.applications import Application
from careerkit.model.arguments import checked_bool, checked_instance, checked_text
from careerkit.model.assets import Asset
from careerkit.model.contacts import Contact, Interaction
from careerkit.model.goal import Goal
from careerkit.model.options import CareerOption, CriterionWeight, Exploration, Rating
from careerkit.model.plan import Plan
from careerkit.model.skills import RequiredSkill, Role, Skill, SkillGain
from careerkit.model.task import Task
from careerkit.model.values import CheckIn, Measurement, Metric, Profile

__all__ = ["DIGITS", "KINDS", "REPLACED", "REPLACED_WITH_TITLES", "pseudonym", "redact"]

DIGITS = 12
"""How many hex digits of the digest a pseudonym shows (48 bits), so that two
distinct texts of one kind practically never share a pseudonym (which would merge
two distinct profile phrases or skill names when titles are replaced)."""


_Fields = Mapping[type, Mapping[str, str]]


def _read_only(table: dict[type, dict[str, str]]) -> _Fields:
    return MappingProxyType({kind: MappingProxyType(names) for kind, names in table.items()})


REPLACED: _Fields = _read_only(
    {
        Plan: {"owner": "owner", "metadata": "metadata"},
        Contact: {"name": "contact", "notes": "note"},
        Interaction: {"note": "note"},
        Application: {"employer": "employer", "notes": "note"},
        Task: {"notes": "note"},
        Measurement: {"note": "note"},
        CheckIn: {"notes": "note"},
        Exploration: {"note": "note"},
        Asset: {"notes": "note"},
        Skill: {"evidence": "evidence"},
        Goal: {"description": "description"},
        Role: {"description": "description"},
        CareerOption: {"description": "description"},
    }
)
"""The fields :func:`redact` always replaces, each class's mapping field names to kinds.

Personal data and free text that no analysis reads. ``Plan.metadata`` keeps
its keys; its values are replaced."""

REPLACED_WITH_TITLES: _Fields = _read_only(
    {
        Plan: {"vision": "vision"},
        Goal: {"title": "title", "relevant_to": "term"},
        Task: {"title": "title"},
        Role: {"title": "title"},
        Asset: {"title": "title"},
        CareerOption: {"title": "title"},
        Exploration: {"title": "title"},
        Application: {"title": "title"},
        Profile: {
            "strengths": "term",
            "weaknesses": "term",
            "interests": "term",
            "values": "term",
        },
        Skill: {"name": "term"},
        SkillGain: {"skill": "term"},
        RequiredSkill: {"skill": "term"},
        Rating: {"criterion": "term"},
        CriterionWeight: {"criterion": "term"},
        Metric: {"name": "metric", "unit": "unit"},
    }
)
"""The fields :func:`redact` replaces besides :data:`REPLACED` when ``titles=True``, each
class's mapping field names to kinds.

The texts the analyses read. Profile phrases, skill names and the criteria and
links that name them share the kind ``term``, so every reference still finds
what it names."""

KINDS = frozenset(
    kind
    for table in (REPLACED, REPLACED_WITH_TITLES)
    for names in table.values()
    for kind in names.values()
)
"""The kinds of field a pseudonym is made for, each its own domain of the digest."""


def _key_bytes(key: object) -> bytes:
    """The secret as bytes (a ``str`` in UTF-8), checked: non-empty ``str`` or ``bytes``."""
    if isinstance(key, str):
        secret = key.encode("utf-8", "surrogatepass")
    elif isinstance(key, bytes):
        secret = bytes(key)
    else:
        raise ValidationError(
            path="key", problem=f"expected a str or bytes secret, got {rules.describe(key)}"
        )
    if not secret:
        raise ValidationError(path="key", problem="must not be empty")
    return secret


def _digest(secret: bytes, kind: str, text: str) -> str:
    """``text``'s pseudonym of ``kind`` under the secret; the empty text stays empty."""
    if not text:
        return ""
    message = b"%s\x00%s" % (kind.encode("ascii"), text.encode("utf-8", "surrogatepass"))
    return f"{kind}-{hmac.new(secret, message, hashlib.sha256).hexdigest()[:DIGITS]}"


def pseudonym(text: str, *, key: str | bytes, kind: str) -> str:
    """The pseudonym :func:`redact` gives ``text`` in a field of ``kind`` under ``key``.

    Parameters
    ----------
    text
        The original text; the empty text stays empty.
    key
        The secret the plan was redacted with.
    kind
        The kind of field (one of :data:`KINDS`, such as ``"contact"``).

    Returns
    -------
    str
        ``kind-`` and 12 hex digits, or ``""``.

    Raises
    ------
    ValidationError
        ``text`` is not a text, ``key`` is empty or not ``str``/``bytes``, or
        ``kind`` is unknown (the path names the argument).

    Examples
    --------
    >>> pseudonym("Ruth", key="our secret", kind="contact")
    'contact-8c13ac7f441c'
    >>> pseudonym("Ruth", key="our secret", kind="employer")
    'employer-d06f5176604e'
    >>> pseudonym("", key="our secret", kind="note")
    ''
    """
    secret = _key_bytes(key)
    text = checked_text(text)
    if kind not in KINDS:
        raise ValidationError(
            path="kind", problem=f"expected one of {', '.join(sorted(KINDS))}, got {kind!r}"
        )
    return _digest(secret, kind, text)


def redact(plan: Plan, *, key: str | bytes, titles: bool = False) -> Plan:
    """A copy of ``plan`` with names, notes and personal free text replaced by pseudonyms.

    Each text becomes ``kind-`` and 12 hex digits of HMAC-SHA256 under
    ``key`` (see :func:`pseudonym`): the same text and key always give the
    same pseudonym, another key gives another, and an empty text stays
    empty. The fields replaced are those of :data:`REPLACED`: the owner,
    contacts' names and notes, interactions' notes, employers and
    applications' notes, the notes of tasks, measurements, check-ins,
    explorations and assets, skills' evidence, the descriptions of goals,
    roles and options, and the values of ``metadata``. Everything else stays,
    so the copy validates, schedules and is reviewed as the original is.

    Parameters
    ----------
    plan
        The plan to redact.
    key
        The secret that keys the pseudonyms, a non-empty ``str`` or
        ``bytes``: keep it secret (whoever holds it can test a guessed name)
        and change it to make new copies unlinkable to older ones.
    titles
        Also replace the texts the analyses read (:data:`REPLACED_WITH_TITLES`):
        titles, the vision, the profile's phrases, skill names and metric
        names and units. The copy still validates and schedules the same;
        the SMART findings that read wording (and the review's messages)
        change.

    Returns
    -------
    Plan
        The redacted plan: same ids, dates, numbers, statuses, enums,
        RRULEs, and as many of every part.

    Raises
    ------
    ValidationError
        ``plan`` is not a Plan, ``key`` is empty or not ``str``/``bytes``, or
        ``titles`` is not a bool (the path names the argument).

    Examples
    --------
    >>> shared = redact(sample_plan, key="our secret")
    >>> shared.owner
    'owner-7c1d632afe80'
    >>> shared.goals[0].title == sample_plan.goals[0].title
    True
    >>> redact(sample_plan, key="")
    Traceback (most recent call last):
    careerkit.errors.ValidationError: key: must not be empty
    """
    plan = checked_instance(plan, Plan, "plan")
    secret = _key_bytes(key)
    fields = _WITH_TITLES if checked_bool(titles, "titles") else REPLACED
    return _walk(plan, fields, lambda kind, text: _digest(secret, kind, text))


_WITH_TITLES: _Fields = _read_only(
    {
        kind: {**REPLACED.get(kind, {}), **REPLACED_WITH_TITLES.get(kind, {})}
        for kind in (*REPLACED, *REPLACED_WITH_TITLES)
    }
)

V = TypeVar("V", bound=attrs.AttrsInstance)


def _walk(value: V, fields: _Fields, replace: Callable[[str, str], str]) -> V:
    """``value`` with the fields of ``fields`` replaced, in it and in the values it holds.

    A value with nothing to replace is returned as it is (the same object);
    the others are rebuilt through their constructors, so every rule is
    checked again.
    """
    names = fields.get(type(value), {})
    changes: dict[str, Any] = {}
    for attribute in attrs.fields(type(value)):
        if not attribute.init:
            continue
        current = getattr(value, attribute.name)
        kind = names.get(attribute.name)
        if kind is not None:
            new = _replaced(current, kind, replace)
        elif type(current) is tuple:
            new = _walked_items(current, fields, replace)
        elif _is_value(current):
            new = _walk(current, fields, replace)
        else:
            continue
        if new is not current:
            changes[attribute.alias] = new
    if not changes:
        return value
    return cast(V, attrs.evolve(cast(Any, value), **changes))  # rebuilt by its constructor


def _is_value(item: object) -> bool:
    """Whether ``item`` is an attrs value (a goal, a contact, ...), to walk into."""
    return hasattr(type(item), "__attrs_attrs__")


def _walked_items(
    items: tuple[object, ...], fields: _Fields, replace: Callable[[str, str], str]
) -> tuple[object, ...]:
    """The items of a tuple walked, or the same tuple if none changed."""
    walked = tuple(
        _walk(item, fields, replace) if _is_value(item) else item  # type: ignore[type-var]
        for item in items
    )
    return items if all(new is old for new, old in zip(walked, items, strict=True)) else walked


def _replaced(value: object, kind: str, replace: Callable[[str, str], str]) -> object:
    """A field's texts replaced: a text, a tuple of texts, or the values of a mapping; the
    same object when there is nothing to replace (an empty text, tuple or mapping)."""
    if not value:
        return value
    if isinstance(value, str):
        return replace(kind, value)
    if isinstance(value, tuple):
        return tuple(replace(kind, text) for text in value)
    assert isinstance(value, Mapping)  # Plan.metadata
    return {name: replace(kind, text) for name, text in value.items()}
