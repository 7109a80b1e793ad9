"""Rich displays of values: a registry of views that the views layer fills.

Notebooks show a value through its ``_repr_html_`` method, and a report
turns into a pandas DataFrame through its ``to_frame`` method; both views are
built in :mod:`careerkit.render`, the highest layer, which the values may not
import (the model, the schedule and the planning results sit below it). So
the arrows stay one way through this registry, in the lowest layer that
holds values:

- :mod:`careerkit.render.html` and :mod:`careerkit.render.frames` register
  their builders here with :func:`register_html` and
  :func:`register_frame` when they are imported, and
  :mod:`careerkit.render` imports them, so the builders are in place as soon
  as the views are;
- each value's display method is one line that asks this registry:
  ``return html_of(self)``, ``return frame_of(self, kind=kind)``.

Nothing here imports a view. Without a registered builder (the views not
imported), :func:`html_of` gives None, which a notebook reads as "no HTML,
show the plain repr", and :func:`frame_of` raises a
:class:`~careerkit.errors.ValidationError`. A type finds the builder of its
nearest registered class in its method resolution order; registering a class
again replaces its builder, so reloading a view module is harmless. The
registry holds one entry per registered class: it cannot grow with use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from careerkit.errors import ValidationError

__all__ = ["FrameBuilder", "HtmlBuilder", "frame_of", "html_of", "register_frame", "register_html"]

HtmlBuilder = Callable[[Any], str]
"""Builds the HTML fragment of a value."""
FrameBuilder = Callable[[Any, str | None], Any]
"""Builds the DataFrame of a value, given the ``kind`` of rows asked for (or None)."""

_HTML: dict[type, HtmlBuilder] = {}
"""The HTML builder of each registered class."""
_FRAMES: dict[type, FrameBuilder] = {}
"""The DataFrame builder of each registered class."""


def _checked_class(cls: object) -> type:
    if not isinstance(cls, type):
        raise ValidationError(path="cls", problem=f"expected a class, got {cls!r}")
    return cls


def _checked_builder(builder: object) -> None:
    if not callable(builder):
        raise ValidationError(path="builder", problem=f"expected a callable, got {builder!r}")


def _lookup(table: dict[type, Any], value: object) -> Any:
    """The entry of ``table`` for the nearest registered class of ``value``, or None."""
    for cls in type(value).__mro__:
        found = table.get(cls)
        if found is not None:
            return found
    return None


def register_html(cls: type, builder: HtmlBuilder) -> None:
    """Make ``builder(value)`` the HTML fragment of every ``cls`` value.

    Parameters
    ----------
    cls
        The class whose values the builder shows (and its subclasses).
    builder
        A function of one value returning a self-contained HTML fragment.

    Raises
    ------
    ValidationError
        ``cls`` is not a class or ``builder`` is not callable.

    Examples
    --------
    >>> class Note:
    ...     def _repr_html_(self) -> str | None:
    ...         return html_of(self)
    >>> register_html(Note, lambda note: "<div>a note</div>")
    >>> Note()._repr_html_()
    '<div>a note</div>'
    """
    _checked_builder(builder)
    _HTML[_checked_class(cls)] = builder


def html_of(value: object) -> str | None:
    """The HTML fragment of a value, or None when no builder shows its class.

    Parameters
    ----------
    value
        Any value.

    Returns
    -------
    str or None
        What the builder registered for the value's class returns.

    Examples
    --------
    >>> html_of(object()) is None
    True
    """
    builder: HtmlBuilder | None = _lookup(_HTML, value)
    return None if builder is None else builder(value)


def register_frame(cls: type, builder: FrameBuilder) -> None:
    """Make ``builder(value, kind)`` the DataFrame of every ``cls`` value.

    Parameters
    ----------
    cls
        The class whose values the builder tabulates (and its subclasses).
    builder
        A function of a value and the kind of rows asked for (None for the
        default) returning a ``pandas.DataFrame``.

    Raises
    ------
    ValidationError
        ``cls`` is not a class or ``builder`` is not callable.

    Examples
    --------
    >>> class Tally:
    ...     pass
    >>> register_frame(Tally, lambda tally, kind: [kind or "rows"])
    >>> frame_of(Tally())
    ['rows']
    """
    _checked_builder(builder)
    _FRAMES[_checked_class(cls)] = builder


def frame_of(value: object, *, kind: str | None = None) -> Any:
    """The DataFrame of a value, from the builder registered for its class.

    Parameters
    ----------
    value
        A value whose class has a DataFrame builder.
    kind
        Which rows, for values that hold more than one table (None: the default).

    Returns
    -------
    pandas.DataFrame
        What the builder returns.

    Raises
    ------
    ValidationError
        No builder tabulates the value's class (``value``), or the builder
        rejects ``kind``.

    Examples
    --------
    >>> frame_of(object())
    Traceback (most recent call last):
    careerkit.errors.ValidationError: value: no data frame view of a object
    """
    builder: FrameBuilder | None = _lookup(_FRAMES, value)
    if builder is None:
        raise ValidationError(
            path="value", problem=f"no data frame view of a {type(value).__name__}"
        )
    return builder(value, kind)
