"""Earned value and earned schedule: the standard formulas as plain functions of numbers.

The abbreviations, used as the functions' names and parameters:

* **PV**, planned value: the budgeted cost (here, often effort hours) of the
  work scheduled to be done by now;
* **EV**, earned value: the budgeted cost of the work actually done by now;
* **AC**, actual cost: what the work done by now actually cost (hours spent);
* **BAC**, budget at completion: the total planned value of all the work;
* **CV** = EV - AC, cost variance; **SV** = EV - PV, schedule variance;
* **CPI** = EV / AC, cost performance index; **SPI** = EV / PV, schedule
  performance index (above 1 is better than planned);
* **EAC**, estimate at completion; **ETC** = EAC - AC, estimate to complete;
  **VAC** = BAC - EAC, variance at completion;
* **TCPI**, to-complete performance index: the CPI the remaining work needs to
  finish within BAC (or within an EAC);
* **ES**, earned schedule: the time at which the EV earned so far was planned
  to be earned, read off the cumulative PV curve; **AT**, actual time: the
  periods elapsed; **SV(t)** = ES - AT and **SPI(t)** = ES / AT, the schedule
  variance and index in units of time; **PD**, planned duration;
  **IEAC(t)** = PD / SPI(t), the independent estimate of the duration at
  completion.

Every argument is an ``int`` or a ``float`` (not a ``bool``), not NaN and not
negative, except where a parameter says otherwise; ``math.inf`` is allowed, so
that a result such as an infinite EAC can be passed on. A wrong argument
raises a :class:`~careerkit.ValidationError` naming it.

Divisions by zero have defined results, never a crash: a ratio of 0 to 0 is
``1.0`` (nothing planned and nothing done is on plan), and a positive amount
over 0 is ``math.inf``; an amount over an infinite one is 0, and infinity over
infinity is ``1.0``. A result that would be undefined (infinity minus
infinity) raises a :class:`~careerkit.ValidationError` naming an infinite
argument, so that no function returns NaN. An empty PV curve has an earned schedule of 0, and an
EV at or beyond the curve's end earns the whole curve: ES is its number of
periods.

>>> cpi(ev=40, ac=50), spi(ev=40, pv=50)
(0.8, 0.8)
>>> eac(100, ev=40, ac=50)
125.0
>>> earned_schedule([20, 40, 60, 80, 100], 50)
2.5
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from typing import Literal

from careerkit.errors import Problem, ValidationError

__all__ = [
    "EacMethod",
    "cpi",
    "cv",
    "eac",
    "earned_schedule",
    "etc",
    "ieac_t",
    "ratio",
    "spi",
    "spi_t",
    "sv",
    "sv_t",
    "tcpi",
    "vac",
]

EacMethod = Literal["cpi", "atypical", "cpi_spi"]
"""How :func:`eac` forecasts the remaining work."""

_METHODS = ("cpi", "atypical", "cpi_spi")


def _checked(value: object, path: str, *, signed: bool = False) -> float:
    """``value`` as a float if it is a number, not NaN, and not negative unless ``signed``."""
    if type(value) is bool or not isinstance(value, int | float):
        raise ValidationError(path=path, problem=f"expected a number, got {type(value).__name__}")
    number = float(value) if isinstance(value, float) else value
    if isinstance(number, float) and math.isnan(number):
        raise ValidationError(path=path, problem="expected a number, got NaN")
    if not signed and number < 0:
        raise ValidationError(path=path, problem=f"must not be negative, got {value!r}")
    try:
        return float(number)
    except OverflowError:
        raise ValidationError(path=path, problem="too large for a float") from None


def _defined(result: float, **arguments: float) -> float:
    """``result``, unless it is NaN: then the error names the first infinite argument."""
    if not math.isnan(result):
        return result
    path = next((name for name, value in arguments.items() if math.isinf(value)), "")
    raise ValidationError(path=path, problem="infinite, which leaves the result undefined")


def ratio(part: float, whole: float) -> float:
    """``part / whole``, with ``1.0`` for 0 / 0 and ``math.inf`` for a positive ``part`` / 0.

    Both are amounts (not negative). Over an infinite ``whole`` the ratio is
    0, or ``1.0`` when ``part`` is infinite too.

    >>> ratio(3, 4), ratio(0, 0), ratio(2, 0)
    (0.75, 1.0, inf)
    """
    part, whole = _checked(part, "part"), _checked(whole, "whole")
    if whole == 0:
        return 1.0 if part == 0 else math.inf
    if math.isinf(whole):
        return 1.0 if math.isinf(part) else 0.0
    return part / whole


def cv(ev: float, ac: float) -> float:
    """Cost variance, EV - AC: negative when the work done cost more than planned.

    >>> cv(ev=40, ac=50)
    -10.0
    """
    earned, actual = _checked(ev, "ev"), _checked(ac, "ac")
    return _defined(earned - actual, ev=earned, ac=actual)


def sv(ev: float, pv: float) -> float:
    """Schedule variance, EV - PV: negative when less work is done than planned.

    >>> sv(ev=40, pv=50)
    -10.0
    """
    earned, planned = _checked(ev, "ev"), _checked(pv, "pv")
    return _defined(earned - planned, ev=earned, pv=planned)


def cpi(ev: float, ac: float) -> float:
    """Cost performance index, EV / AC: below 1 when the work done cost more than planned.

    >>> cpi(ev=40, ac=50), cpi(ev=0, ac=0), cpi(ev=10, ac=0)
    (0.8, 1.0, inf)
    """
    return ratio(_checked(ev, "ev"), _checked(ac, "ac"))


def spi(ev: float, pv: float) -> float:
    """Schedule performance index, EV / PV: below 1 when less work is done than planned.

    As a late plan finishes, EV reaches PV and SPI drifts back to 1; prefer
    :func:`spi_t` to judge a schedule late in a plan.

    >>> spi(ev=40, pv=50)
    0.8
    """
    return ratio(_checked(ev, "ev"), _checked(pv, "pv"))


def eac(
    bac: float,
    *,
    ev: float,
    ac: float,
    pv: float | None = None,
    method: EacMethod = "cpi",
) -> float:
    """Estimate at completion.

    Parameters
    ----------
    bac, ev, ac
        Budget at completion, earned value and actual cost.
    pv
        Planned value; needed by ``method="cpi_spi"`` only.
    method
        ``"cpi"``: BAC / CPI, the cost efficiency so far holds to the end;
        ``"atypical"``: AC + BAC - EV, the remaining work goes as planned;
        ``"cpi_spi"``: AC + (BAC - EV) / (CPI x SPI), cost and schedule
        efficiency both weigh on the remaining work.

    Returns
    -------
    float
        ``math.inf`` when work remains and the efficiency that drives the
        method is 0.

    Raises
    ------
    ValidationError
        A number is wrong, ``method`` is unknown, or ``pv`` is missing for
        ``"cpi_spi"``.

    Examples
    --------
    >>> eac(100, ev=40, ac=50), eac(100, ev=40, ac=50, method="atypical")
    (125.0, 110.0)
    >>> eac(100, ev=40, ac=50, pv=50, method="cpi_spi")
    143.75
    """
    bac, ev, ac = _checked(bac, "bac"), _checked(ev, "ev"), _checked(ac, "ac")
    planned = None if pv is None else _checked(pv, "pv")
    if method not in _METHODS:
        raise ValidationError(
            path="method", problem=f"expected one of {', '.join(_METHODS)}, got {method!r}"
        )
    if method == "atypical":
        return _defined(ac + (bac - ev), bac=bac, ev=ev, ac=ac)
    if method == "cpi":
        return _defined(_spread(bac, ratio(ev, ac)), bac=bac, ev=ev, ac=ac)
    if planned is None:
        raise ValidationError(path="pv", problem="needed by the method 'cpi_spi'")
    efficiency = ratio(ev, ac) * ratio(ev, planned)
    return _defined(ac + _spread(bac - ev, efficiency), bac=bac, ev=ev, ac=ac, pv=planned)


def _spread(work: float, efficiency: float) -> float:
    """``work`` at ``efficiency``: nothing left costs nothing, anything left at 0 is endless."""
    if work == 0:
        return 0.0
    return work / efficiency if efficiency else math.copysign(math.inf, work)


def etc(eac: float, ac: float) -> float:
    """Estimate to complete, EAC - AC.

    >>> etc(eac=125, ac=50)
    75.0
    """
    estimate, actual = _checked(eac, "eac"), _checked(ac, "ac")
    return _defined(estimate - actual, eac=estimate, ac=actual)


def vac(bac: float, eac: float) -> float:
    """Variance at completion, BAC - EAC: negative when the work will cost more than planned.

    >>> vac(bac=100, eac=125)
    -25.0
    """
    budget, estimate = _checked(bac, "bac"), _checked(eac, "eac")
    return _defined(budget - estimate, bac=budget, eac=estimate)


def tcpi(bac: float, ev: float, ac: float, *, eac: float | None = None) -> float:
    """To-complete performance index: (BAC - EV) / (BAC - AC), or / (EAC - AC) given an EAC.

    The CPI the remaining work needs to finish within BAC (or the EAC).
    With no work left it is 0.0; with work left and no money left (the
    denominator 0 or below) it is ``math.inf``: no efficiency suffices.

    >>> tcpi(100, ev=40, ac=50), tcpi(100, ev=40, ac=50, eac=125)
    (1.2, 0.8)
    >>> tcpi(100, ev=40, ac=100)
    inf
    """
    bac, ev, ac = _checked(bac, "bac"), _checked(ev, "ev"), _checked(ac, "ac")
    limit = bac if eac is None else _checked(eac, "eac")
    arguments = {"bac": bac, "ev": ev, "ac": ac, "eac": limit}
    work = _defined(bac - ev, **arguments)
    funds = _defined(limit - ac, **arguments)
    if work <= 0:
        return 0.0
    return _defined(work / funds, **arguments) if funds > 0 else math.inf


def earned_schedule(pv_curve: Sequence[float], ev: float) -> float:
    """Earned schedule: when the earned value was planned to be earned, in periods.

    ``pv_curve`` holds the cumulative planned value at the end of periods
    1, 2, ... (a 5-period linear plan of 100 is ``[20, 40, 60, 80, 100]``).
    ES counts the whole periods whose planned value the EV reaches, plus the
    fraction of the next one, interpolated linearly:
    ES = C + (EV - PV(C)) / (PV(C + 1) - PV(C)), with PV(0) = 0.

    Returns
    -------
    float
        From 0 to ``len(pv_curve)``: 0 for an empty curve, the number of
        periods for an EV at or beyond the curve's end.

    Raises
    ------
    ValidationError
        A value of the curve is wrong or smaller than the one before it
        (the path is ``pv_curve[i]``), or EV is wrong.

    Examples
    --------
    >>> earned_schedule([20, 40, 60, 80, 100], 50)
    2.5
    >>> earned_schedule([20, 40, 60, 80, 100], 120), earned_schedule([], 10)
    (5.0, 0.0)
    """
    earned = _checked(ev, "ev")
    curve = _curve(pv_curve)
    periods = bisect.bisect_right(curve, earned)  # whole periods whose PV the EV reaches
    if periods == len(curve):
        return float(periods)
    before = curve[periods - 1] if periods else 0.0
    return periods + (earned - before) / (curve[periods] - before)


def _curve(pv_curve: object) -> list[float]:
    if isinstance(pv_curve, str | bytes) or not isinstance(pv_curve, Sequence):
        raise ValidationError(
            path="pv_curve",
            problem=f"expected a sequence of numbers, got {type(pv_curve).__name__}",
        )
    curve = [_checked(value, f"pv_curve[{index}]") for index, value in enumerate(pv_curve)]
    problems = [
        Problem(f"pv_curve[{index}]", f"cumulative values never fall, got {now} after {before}")
        for index, (before, now) in enumerate(itertools.pairwise(curve), start=1)
        if now < before
    ]
    if problems:
        raise ValidationError(problems=problems)
    return curve


def sv_t(es: float, at: float) -> float:
    """Schedule variance in time, ES - AT: negative when behind, in periods.

    >>> sv_t(es=2.5, at=3)
    -0.5
    """
    earned, actual = _checked(es, "es"), _checked(at, "at")
    return _defined(earned - actual, es=earned, at=actual)


def spi_t(es: float, at: float) -> float:
    """Schedule performance index in time, ES / AT: below 1 when behind.

    Unlike :func:`spi`, it does not drift back to 1 as a late plan finishes.

    >>> round(spi_t(es=2.5, at=3), 4), spi_t(es=0, at=0)
    (0.8333, 1.0)
    """
    return ratio(_checked(es, "es"), _checked(at, "at"))


def ieac_t(pd: float, spi_t: float) -> float:
    """Independent estimate of the duration at completion, PD / SPI(t).

    ``math.inf`` when SPI(t) is 0 and the planned duration is not; 0.0 for a
    planned duration of 0, whatever SPI(t) (nothing planned takes no time).

    >>> ieac_t(pd=5, spi_t=0.8), ieac_t(pd=5, spi_t=0), ieac_t(pd=0, spi_t=0)
    (6.25, inf, 0.0)
    """
    duration, index = _checked(pd, "pd"), _checked(spi_t, "spi_t")
    return _defined(_spread(duration, index), pd=duration, spi_t=index)
