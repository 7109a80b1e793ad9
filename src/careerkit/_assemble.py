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
from typing import Any

import attrs

__all__ = ["assembler"]


def assembler(
    cls: type, conversions: Mapping[str, Callable[[Any], Any]]
) -> Callable[[dict[str, Any]], Any]:
    """A function building ``cls(**values)`` from a dict of field values.

    ``conversions`` maps field names to functions applied to given values
    first (such as reading a date from text); defaults are used as they are.
    The dict must hold only init fields and every required one (a missing
    one raises ``KeyError``). Classes this cannot build exactly (not slotted,
    or with validators, aliases, factories that take ``self``, defaults
    outside ``__init__``, cached hashes or ``__attrs_pre_init__``) are built
    by calling them.
    """
    if not _supported(cls):
        return _calling(cls, conversions)
    # A subclass that adds no slots and stores attributes the ordinary way;
    # its instances have the class's own layout, so their class can be set.
    building = type(
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
    namespace: dict[str, Any] = {"_new": object.__new__, "_building": building, "_cls": cls}
    lines = ["def assemble(value):", "    _o = _new(_building)"]
    for attribute in attrs.fields(cls):
        if not attribute.init:
            continue
        name = attribute.name
        given = f"value[{name!r}]"
        if name in conversions:
            namespace[f"_convert_{name}"] = conversions[name]
            given = f"_convert_{name}({given})"
        if attribute.converter is not None:
            namespace[f"_converter_{name}"] = attribute.converter
            given = f"_converter_{name}({given})"
        default = attribute.default
        if default is attrs.NOTHING:
            lines.append(f"    _o.{name} = {given}")
            continue
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"_factory_{name}"] = default.factory
            fallback = f"_factory_{name}()"
            if attribute.converter is not None:
                fallback = f"_converter_{name}({fallback})"
        else:
            namespace[f"_default_{name}"] = default
            fallback = f"_default_{name}"
            if attribute.converter is not None:  # converted for every value, as attrs does
                fallback = f"_converter_{name}({fallback})"
        lines.append(f"    _o.{name} = {given} if {name!r} in value else {fallback}")
    lines.append("    _o.__class__ = _cls")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    _o.__attrs_post_init__()")
    lines.append("    return _o")
    exec("\n".join(lines), namespace)  # code built from the class's own field names
    return namespace["assemble"]  # type: ignore[no-any-return]


def _calling(
    cls: type, conversions: Mapping[str, Callable[[Any], Any]]
) -> Callable[[dict[str, Any]], Any]:
    converted = frozenset(conversions)

    def build(value: dict[str, Any]) -> Any:
        arguments = value.copy()
        for name in converted & value.keys():
            arguments[name] = conversions[name](arguments[name])
        return cls(**arguments)

    return build


def _supported(cls: type) -> bool:
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return False
    if hasattr(cls, "__attrs_pre_init__") or "_attrs_cached_hash" in cls.__dict__["__slots__"]:
        return False
    for attribute in attrs.fields(cls):
        if (
            attribute.validator is not None
            or attribute.alias != attribute.name
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
