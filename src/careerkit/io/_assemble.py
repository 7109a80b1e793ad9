"""Build frozen attrs values from field values without their ``__init__``.

A frozen slotted attrs class sets every field through ``object.__setattr__``,
a slow call when a plan of thousands of tasks is read. :func:`assembler`
generates a function (as attrs and cattrs generate theirs) that fills the
slots of an instance of a private subclass with plain attribute stores, then
turns it into an instance of the class itself and runs the class's
``__attrs_post_init__``, where the model validates. The result equals
``cls(**values)``; whatever ``cls(**values)`` would refuse is refused too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

import attrs

__all__ = ["assembler"]


def assembler(
    cls: type,
    conversions: Mapping[str, Callable[[Any], Any]],
    *,
    otherwise: Callable[[Any], Any],
    expected: tuple[type[BaseException], ...],
) -> Callable[..., Any]:
    """A function building ``cls(**values)`` from a dict of field values.

    ``conversions`` maps field names to functions applied to given values
    first (such as reading a date from text); defaults are used as they are.
    The function takes ``(value, kind=None)`` as cattrs' structure hooks do.
    A value that is not a dict of init fields holding every required one, or
    whose building raises an ``expected`` exception, goes to ``otherwise``
    instead (which reports the problems). Classes this cannot build exactly
    (not slotted, or with validators, aliases, factories that take ``self``,
    defaults outside ``__init__``, cached hashes, ``__attrs_pre_init__`` or
    an ``__init__`` of their own) are built by calling them.
    """
    fields = [attribute for attribute in attrs.fields(attrs.resolve_types(cls)) if attribute.init]
    namespace: dict[str, Any] = {
        "_names": frozenset(attribute.name for attribute in fields),
        "_otherwise": otherwise,
        "_expected": expected,
        "_cls": cls,
    }
    lines = [
        "def assemble(value, _kind=None):",
        "    if type(value) is dict and value.keys() <= _names:",
        "        try:",
    ]
    if _supported(cls):
        lines += _assignments(cls, fields, conversions, namespace)
    else:
        lines += _call(fields, conversions, namespace)
    lines += [
        "        except _expected:",
        "            _o = None  # nothing half built outlives the failure",
        "    return _otherwise(value)",
    ]
    exec("\n".join(lines), namespace)  # code built from the class's own field names
    return namespace["assemble"]  # type: ignore[no-any-return]


def _assignments(
    cls: type,
    fields: list[attrs.Attribute[Any]],
    conversions: Mapping[str, Callable[[Any], Any]],
    namespace: dict[str, Any],
) -> list[str]:
    """Lines that fill an instance of a building subclass, then make it a ``cls``."""
    # A subclass that adds no slots and stores attributes the ordinary way;
    # its instances have the class's own layout, so their class can be set.
    namespace["_new"] = object.__new__
    namespace["_building"] = type(
        f"_Building{cls.__name__}",
        (cls,),
        {
            "__slots__": (),
            # Both, so that Python stores attributes directly (no call per store).
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__module__": __name__,
        },
    )
    lines = ["            _o = _new(_building)"]
    for attribute in fields:
        name = attribute.name
        given = _given(attribute, conversions, namespace)
        default = attribute.default
        if default is attrs.NOTHING:
            lines.append(f"            _o.{name} = {given}")
            continue
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"_factory_{name}"] = cast(Any, default).factory
            fallback = f"_factory_{name}()"
        else:
            namespace[f"_default_{name}"] = default
            fallback = f"_default_{name}"
        if attribute.converter is not None:  # converted for every value, as attrs does
            fallback = f"_converter_{name}({fallback})"
        lines.append(f"            _o.{name} = {given} if {name!r} in value else {fallback}")
    lines.append("            _o.__class__ = _cls")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("            _o.__attrs_post_init__()")
    lines.append("            return _o")
    return lines


def _call(
    fields: list[attrs.Attribute[Any]],
    conversions: Mapping[str, Callable[[Any], Any]],
    namespace: dict[str, Any],
) -> list[str]:
    """Lines that call the class with the given values, converted."""
    lines = ["            _arguments = {}"]
    for attribute in fields:
        name, alias = attribute.name, attribute.alias
        given = f"value[{name!r}]"
        if name in conversions:
            namespace[f"_convert_{name}"] = conversions[name]
            given = f"_convert_{name}({given})"
        if attribute.default is attrs.NOTHING:  # a missing one is a KeyError
            lines.append(f"            _arguments[{alias!r}] = {given}")
        else:
            lines += [
                f"            if {name!r} in value:",
                f"                _arguments[{alias!r}] = {given}",
            ]
    lines.append("            return _cls(**_arguments)")
    return lines


def _given(
    attribute: attrs.Attribute[Any],
    conversions: Mapping[str, Callable[[Any], Any]],
    namespace: dict[str, Any],
) -> str:
    """The expression of a field's value from the dict, converted."""
    name = attribute.name
    given = f"value[{name!r}]"
    if name in conversions:
        namespace[f"_convert_{name}"] = conversions[name]
        given = f"_convert_{name}({given})"
    if attribute.converter is not None:
        namespace[f"_converter_{name}"] = attribute.converter
        given = f"_converter_{name}({given})"
    return given


def _supported(cls: type) -> bool:
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return False
    if (
        hasattr(cls, "__attrs_pre_init__")
        or hasattr(cls, "__attrs_init__")  # the class has an __init__ of its own
        or "_attrs_cached_hash" in cls.__dict__["__slots__"]
    ):
        return False
    for attribute in attrs.fields(attrs.resolve_types(cls)):
        if (
            attribute.validator is not None
            or (attribute.init and attribute.alias != attribute.name)
            or isinstance(attribute.converter, attrs.Converter)
            or (
                isinstance(attribute.default, attrs.Factory)  # type: ignore[arg-type]
                and attribute.default.takes_self
            )
        ):
            return False
        if not attribute.init and attribute.default is not attrs.NOTHING:
            return False
    return True
