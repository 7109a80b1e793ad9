"""DataFrames of results, with the ``pandas`` extra (``pip install "careerkit[pandas]"``).

:func:`to_frame` turns a result into a ``pandas.DataFrame`` with one row per
item, in the result's own order. The columns are the fields of the row's
attrs class, in their order, read from the class itself so that a field
added to a result reaches its frame with no code here; a nested value
(``earned_value``, ``metric``) is flattened into columns named
``earned_value.pv``, ``metric.slope``... The dtype of each column follows the
field's type: dates are ``datetime64[s]`` (NaT for None; seconds, so that
any year fits), integers ``int64`` (nullable ``Int64`` when the field may be
None), floats ``float64`` (NaN for None), flags ``bool``, enums their string
values, tuples stay tuples.

pandas is imported by :func:`to_frame` when it is called, never when this
module is; without it, :class:`~careerkit.MissingExtraError` names the
extra. Importing this module registers :func:`to_frame` in the display
registry of :mod:`careerkit.model.display`, which the ``to_frame`` methods of
:class:`~careerkit.Schedule`, :class:`~careerkit.ProgressReport` and
:class:`~careerkit.Forecast` use.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import attrs

from careerkit.errors import ValidationError, require
from careerkit.model.arguments import checked_instance
from careerkit.model.display import register_frame
from careerkit.planning.alerts import Alert
from careerkit.planning.forecast_results import Forecast, GoalForecast
from careerkit.planning.progress import GoalProgress, ProgressReport, TaskProgress
from careerkit.scheduling import Schedule, TaskSchedule

__all__ = ["FRAME_KINDS", "to_frame"]

FRAME_KINDS = ("goals", "tasks")
"""The kinds of rows of a progress report's frame."""

_DTYPES: dict[object, str] = {date: "datetime64[s]", bool: "bool", int: "int64", float: "float64"}
_OPTIONAL_DTYPES: dict[object, str] = {**_DTYPES, bool: "boolean", int: "Int64"}


@attrs.frozen(kw_only=True)
class _Column:
    """One column of a frame: its name, how to read it from a row, and its dtype."""

    name: str
    read: Callable[[Any], object]
    dtype: str | None


def _plain(value: object) -> object:
    """A cell: enums by value, the rest as it is."""
    return value.value if isinstance(value, enum.Enum) else value


def _reader(name: str, outer: Callable[[Any], object] | None) -> Callable[[Any], object]:
    """Reads field ``name`` of a row, or of the nested value ``outer`` reads (None stays None)."""
    if outer is None:
        return lambda row: _plain(getattr(row, name))

    def read(row: object) -> object:
        nested = outer(row)
        return None if nested is None else _plain(getattr(nested, name))

    return read


def _columns_of(
    cls: type, prefix: str = "", outer: Callable[[Any], object] | None = None
) -> list[_Column]:
    """The columns of an attrs class's public fields, nested values flattened."""
    hints = typing.get_type_hints(cls)
    columns: list[_Column] = []
    for field in attrs.fields(cls):
        if field.name.startswith("_"):
            continue
        hint = hints[field.name]
        members = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        optional = outer is not None or type(None) in members
        kinds = [member for member in members if member is not type(None)]
        read = _reader(field.name, outer)
        if len(kinds) == 1 and attrs.has(kinds[0]):
            columns += _columns_of(kinds[0], f"{prefix}{field.name}.", read)
            continue
        dtypes = _OPTIONAL_DTYPES if optional else _DTYPES
        dtype = dtypes.get(kinds[0]) if len(kinds) == 1 else None
        columns.append(_Column(name=prefix + field.name, read=read, dtype=dtype))
    return columns


@functools.cache
def _columns(cls: type) -> tuple[_Column, ...]:
    """The columns of the frame of a row class (one entry per class)."""
    return tuple(_columns_of(cls))


def _frame(pandas: Any, cls: type, rows: Sequence[object], leave_out: str = "") -> Any:
    data = {
        column.name: pandas.Series([column.read(row) for row in rows], dtype=column.dtype)
        for column in _columns(cls)
        if column.name != leave_out
    }
    return pandas.DataFrame(data, index=pandas.RangeIndex(len(rows)))


def _alerts_frame(pandas: Any, alerts: Sequence[Alert]) -> Any:
    """One row per alert; its evidence in columns ``evidence.<key>``, keys sorted."""
    frame = _frame(pandas, Alert, alerts, leave_out="evidence")
    keys = sorted({key for alert in alerts for key in alert.evidence})
    for key in keys:
        values = [alert.evidence.get(key) for alert in alerts]
        frame[f"evidence.{key}"] = pandas.Series(values, dtype=object)
    return frame


def _checked_alerts(value: Sequence[object]) -> list[Alert]:
    return [checked_instance(alert, Alert, f"value[{at}]") for at, alert in enumerate(value)]


def _checked_kind(value: object, kind: object) -> str | None:
    """The kind of rows asked of ``value`` (a result already recognised)."""
    if isinstance(value, ProgressReport):
        if kind is None:
            return "goals"
        if kind in FRAME_KINDS:
            return str(kind)
        raise ValidationError(path="kind", problem=f"expected 'goals' or 'tasks', got {kind!r}")
    if kind is not None:
        name = "sequence of alerts" if isinstance(value, list) else type(value).__name__
        raise ValidationError(path="kind", problem=f"a {name} has one kind of rows, got {kind!r}")
    return None


def to_frame(value: object, *, kind: str | None = None) -> Any:
    """A result as a ``pandas.DataFrame``, one row per item, in the result's order.

    Parameters
    ----------
    value
        A :class:`~careerkit.Schedule` (a row per task: the
        :class:`~careerkit.TaskSchedule` fields, in schedule order), a
        :class:`~careerkit.ProgressReport` (a row per goal or per task, by
        id, as ``kind`` says; ``earned_value`` flattened), a
        :class:`~careerkit.Forecast` (a row per goal, by id; ``metric``
        flattened) or a sequence of :class:`~careerkit.Alert` (a row per
        alert in the order given, each evidence key a column
        ``evidence.<key>``, keys sorted; an alert without the key has None).
    kind
        For a progress report, ``"goals"`` (the default) or ``"tasks"``;
        None for the others.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    MissingExtraError
        pandas is not installed.
    ValidationError
        ``value`` is none of the above (``value``, or ``value[i]`` for an
        item of a sequence that is not an alert), or ``kind`` does not fit it.

    Examples
    --------
    >>> report = careerkit.progress(sample_plan, as_of=date(2026, 11, 26))
    >>> frame = to_frame(report)
    >>> frame.loc[frame["goal"] == "digital-marketing-diploma", "health"].item()
    'off_track'
    >>> str(frame["earned_value.spi_t"].dtype)
    'float64'
    """
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        alerts = _checked_alerts(value)
        _checked_kind(alerts, kind)
        return _alerts_frame(require("pandas", "pandas"), alerts)
    if not isinstance(value, Schedule | ProgressReport | Forecast):
        raise ValidationError(
            path="value",
            problem="expected a Schedule, a ProgressReport, a Forecast or alerts, "
            f"got {type(value).__name__}",
        )
    rows_kind = _checked_kind(value, kind)
    found: tuple[type, Sequence[object]]
    if isinstance(value, Schedule):
        found = TaskSchedule, value.tasks
    elif isinstance(value, ProgressReport):
        found = (GoalProgress, value.goals) if rows_kind == "goals" else (TaskProgress, value.tasks)
    else:
        found = GoalForecast, value.goals
    return _frame(require("pandas", "pandas"), *found)


def _registered(value: object, kind: str | None) -> Any:
    return to_frame(value, kind=kind)


for _cls in (Schedule, ProgressReport, Forecast):
    register_frame(_cls, _registered)
