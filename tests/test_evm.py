"""careerkit.evm held against earned-value numbers other people published.

Every expected number in the example tests is the source's own, rounded as the source
rounds it; the inputs are the source's inputs. Nothing expected here was computed with
careerkit. The property tests at the end check the conventions the module documents.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit.errors import ValidationError
from careerkit.evm import (
    cpi,
    cv,
    eac,
    earned_schedule,
    etc,
    ieac_t,
    ratio,
    spi,
    spi_t,
    sv,
    sv_t,
    tcpi,
    vac,
)

# -- earned value: published worked examples ----------------------------------------


def test_pra_package_examples() -> None:
    """Paul Govan, "PRA: Project Risk Analysis", R package version 0.3.0 (2024),
    reference pages sv, spi, cv, cpi, eac and etc,
    https://paulgovan.github.io/PRA/reference/ (printed outputs of the examples).

    BAC 100,000; cumulative schedule 10%, 20%, 40%, 70%, 100%; period 3, so PV is
    40,000; 35% complete, so EV is 35,000; cumulative actual costs 9,000, 18,000, 36,000,
    so AC is 36,000. The source prints SPI 0.875, CV -1000 and CPI 0.9722222 (R's seven
    significant digits); with AC 63,000 it prints the atypical EAC 128000 and the ETC at
    the planned rate 65000.
    """
    bac = 100_000
    planned = bac * 0.4
    earned = bac * 0.35
    actual = 36_000

    assert 0.875 == spi(ev=earned, pv=planned)
    assert -1000 == cv(ev=earned, ac=actual)
    assert 0.9722222 == round(cpi(ev=earned, ac=actual), 7)
    atypical = eac(bac, ev=35_000, ac=63_000, method="atypical")
    assert 128_000 == round(atypical, 2)
    assert 65_000 == etc(eac=atypical, ac=63_000)


def test_project_smart_ten_month_example() -> None:
    """Project Smart forum, "EVM calculation" thread (viewtopic t=1573),
    https://www.projectsmart.co.uk/forums/viewtopic.php?t=1573.

    A budget of 10M over 10 months, spent equally each month; after 2 months 5% of the
    work is done and 1M spent. Published: PV 2M, EV 0.5M, CV -0.5M, CPI 0.5, SPI 0.25,
    EAC = BAC / CPI = 20M, ETC 19M.
    """
    bac, planned, earned, actual = 10.0, 2.0, 10.0 * 0.05, 1.0

    assert -0.5 == cv(ev=earned, ac=actual)
    assert 0.5 == cpi(ev=earned, ac=actual)
    assert 0.25 == spi(ev=earned, pv=planned)
    estimate = eac(bac, ev=earned, ac=actual)
    assert 20.0 == estimate
    assert 19.0 == etc(eac=estimate, ac=actual)


def test_wikislate_forecasting_poster() -> None:
    """WikiSlate, "EVM forecasting" poster 15 (values from poster 14),
    https://wikislate.com/view.php?p=15-evm-forecasting.html.

    BAC 100, EV 40, AC 45 (thousands), SPI 0.80 (so PV 50). Published: CPI 0.89, SPI
    0.80, EAC = BAC / CPI 112.5, ETC 67.5, VAC -12.5, EAC with cost and schedule
    "about 129", TCPI to BAC 1.09.
    """
    bac, earned, actual, planned = 100, 40, 45, 50

    assert 0.89 == round(cpi(ev=earned, ac=actual), 2)
    assert 0.80 == round(spi(ev=earned, pv=planned), 2)
    estimate = eac(bac, ev=earned, ac=actual)
    assert 112.5 == estimate
    assert 67.5 == etc(eac=estimate, ac=actual)
    assert -12.5 == vac(bac=bac, eac=estimate)
    assert 129 == round(eac(bac, ev=earned, ac=actual, pv=planned, method="cpi_spi"))
    assert 1.09 == round(tcpi(bac, ev=earned, ac=actual), 2)


def test_pmp_study_guide_forecasts() -> None:
    """A PMP exam study guide, chapter 7, figure 7-13 ("The EAC can also account for
    anomalies in a project's expenses") and the text after it, as reproduced by Grist
    Project Management, https://www.gristprojectmanagement.us/integration/info-uhq.html.

    An atypical variance: AC 127,000, BAC 500,000, EV 100,000 give EAC 527,000. The
    next example: BAC 500,000, EV 150,000, AC 162,000, "CPI is calculated as .93".
    """
    assert 527_000 == eac(500_000, ev=100_000, ac=127_000, method="atypical")
    assert 0.93 == round(cpi(ev=150_000, ac=162_000), 2)


def test_schwalbe_exercise() -> None:
    """Kathy Schwalbe, "Information Technology Project Management", Course Technology,
    2006, chapter 7 exercise, worked with the book's earned value formulas (p. 272) at
    http://myitc493blog.blogspot.com/2007/10.

    PV 23,000, EV 20,000, AC 25,000, BAC 120,000. Published: CV -5,000, SV -3,000,
    CPI 0.8 (80%), SPI 0.869565 (86.957%).
    """
    assert -5_000 == cv(ev=20_000, ac=25_000)
    assert -3_000 == sv(ev=20_000, pv=23_000)
    assert 0.8 == cpi(ev=20_000, ac=25_000)
    assert 0.869565 == round(spi(ev=20_000, pv=23_000), 6)
    assert 86.957 == round(100 * spi(ev=20_000, pv=23_000), 3)


def test_proj_592_day_six_assignment() -> None:
    """PROJ 592 (project cost and schedule control), week 5 assignment, problem 5-1,
    https://www.scribd.com/document/131732136/Pm592-Week-5-Assignment-doc.

    At the end of day 6: PV 101,000, AC 88,880, EV 86,860. Published: SV -14,140,
    CV -2,020, SPI .86, CPI .97: the source cuts the indices to two decimals (CPI is
    0.977...), and so does the test.
    """
    planned, actual, earned = 101_000, 88_880, 86_860

    assert -14_140 == sv(ev=earned, pv=planned)
    assert -2_020 == cv(ev=earned, ac=actual)
    assert 86 == math.floor(100 * spi(ev=earned, pv=planned))
    assert 97 == math.floor(100 * cpi(ev=earned, ac=actual))


def test_izenbridge_forecast_question() -> None:
    """iZenBridge PMP forum, "EVM Hangout: Question 3",
    http://forum.izenbridge.com/viewtopic.php?f=3&t=47.

    Budget 90,000, CPI .95, 35,000 spent, so EV = CPI x AC = 33,250. Published:
    EAC = BAC / CPI = 94,736.84, the same as AC + (BAC - EV) / CPI.
    """
    estimate = eac(90_000, ev=33_250, ac=35_000)

    assert 94_736.84 == round(estimate, 2)
    assert 94_736.84 == round(35_000 + (90_000 - 33_250) / cpi(ev=33_250, ac=35_000), 2)


# -- earned schedule: published examples --------------------------------------------


def test_hksm_earned_schedule_definition() -> None:
    """HKSM, "Earned Schedule (ES)", project management definitions,
    https://mail.hksmnow.com/definitions/project-management/earned_schedule_es.php.

    At week 20 (AT 20) the EV equals the PV planned for week 18, so ES = 18 weeks,
    SV(t) = -2 weeks and SPI(t) = 0.90. In its exam question, AT 24 and ES 21 give
    SV(t) -3 weeks. The source gives no PV curve: any cumulative curve serves, since ES
    of the PV planned for week 18 is 18 on it; a rising weekly plan is used here.
    """
    weekly = [100 + 10 * week for week in range(30)]
    curve = [sum(weekly[: week + 1]) for week in range(30)]
    es = earned_schedule(curve, curve[17])  # the PV planned for week 18

    assert 18.0 == es
    assert -2 == sv_t(es=es, at=20)
    assert 0.90 == round(spi_t(es=es, at=20), 2)
    assert -3 == sv_t(es=21, at=24)


def test_calculator_city_52_week_program() -> None:
    """Calculator City, "Earned Schedule Calculation Example",
    https://cal16.calculator.city/earned-schedule-calculation-example/.

    A 52-week program with BAC 5.3 million, planned linearly, earns 2.7 million in 30
    weeks: "the team has achieved only twenty-six weeks of planned progress", a
    "four-week deficit" against the 30 weeks gone (the source rounds ES to whole weeks
    first).
    """
    bac, weeks = 5.3e6, 52
    curve = [bac * week / weeks for week in range(1, weeks + 1)]
    es = earned_schedule(curve, 2.7e6)

    assert 26 == round(es)
    assert -4 == sv_t(es=round(es), at=30)


def test_project_smart_duration_forecast() -> None:
    """Project Smart forum, same thread as above: 10 months of equal monthly PV, 5% of
    the work earned after 2 months. Published: the project "will take ... 40 (38+2)
    months to complete". On this linear plan ES is 0.5 month, SPI(t) = 0.25 = SPI, and
    IEAC(t) = PD / SPI(t) gives the published 40 months.
    """
    curve = [1.0 * month for month in range(1, 11)]
    es = earned_schedule(curve, 10 * 0.05)
    index = spi_t(es=es, at=2)

    assert 0.25 == index
    assert 40 == ieac_t(pd=10, spi_t=index)
    assert 38 == ieac_t(pd=10, spi_t=index) - 2


def test_lipke_earned_schedule_rule() -> None:
    """Walt Lipke, "Schedule is Different", The Measurable News, March 2003, and
    Lipke & Henderson, "Earned Schedule Training", EVA-11, London, June 2006, slide 16:
    ES = C + I, C the number of whole periods whose PV the EV reaches and
    I = (EV - PV(C)) / (PV(C + 1) - PV(C)); the figure's project, 7 months gone by, has
    earned all of May and part of June: ES = 5 + (EV - PV(May)) / (PV(June) - PV(May)).
    The slide gives the rule, not a PV table: the curve here is ours.
    """
    curve = [10, 25, 45, 70, 100, 140, 185, 230, 270, 300, 320]  # Jan ... Nov
    earned = 120.0
    es = earned_schedule(curve, earned)

    assert 5 + (earned - 100) / (140 - 100) == es
    assert -1.5 == sv_t(es=es, at=7)


# -- properties ---------------------------------------------------------------------

amounts = st.one_of(
    st.floats(min_value=0, allow_nan=False),
    st.integers(min_value=0, max_value=10**30),
)
finite = st.floats(min_value=0, max_value=1e12, allow_nan=False)


@given(amounts, amounts)
def test_indices_are_never_negative(first: float, second: float) -> None:
    """CPI, SPI and SPI(t) of amounts are 0 or more, never NaN."""
    for value in (cpi(first, second), spi(first, second), spi_t(first, second)):
        assert value >= 0


@given(finite)
def test_ratio_conventions(amount: float) -> None:
    """0 / 0 is 1 (on plan), a positive amount / 0 is infinite, 0 / x is 0."""
    assert 1.0 == ratio(0, 0)
    assert (math.inf if amount else 1.0) == ratio(amount, 0)
    if amount:
        assert 0.0 == ratio(0, amount)
        assert 1.0 == ratio(amount, amount)


increments = st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), max_size=30)


def _cumulative(steps: list[float]) -> list[float]:
    total, curve = 0.0, []
    for step in steps:
        total += step
        curve.append(total)
    return curve


@given(increments, finite, finite)
def test_earned_schedule_is_monotonic_and_bounded(
    steps: list[float], first: float, second: float
) -> None:
    """More EV never earns less schedule; ES lies between 0 and the curve's length."""
    curve = _cumulative(steps)
    low, high = sorted((first, second))

    assert 0 <= earned_schedule(curve, low) <= earned_schedule(curve, high) <= len(curve)


@given(st.lists(st.floats(min_value=1e-3, max_value=1e6), min_size=1, max_size=30))
def test_earned_schedule_inverts_the_curve(steps: list[float]) -> None:
    """On a strictly increasing curve, the EV planned by period k earns ES = k, and an
    EV between two periods' PV earns its linear share of the period between them."""
    curve = _cumulative(steps)
    for period, planned in enumerate(curve, start=1):
        assert period == earned_schedule(curve, planned)
    before = curve[-2] if len(curve) > 1 else 0.0
    middle = before + (curve[-1] - before) / 2
    assert len(curve) - 0.5 == pytest.approx(earned_schedule(curve, middle))


@given(finite, finite)
def test_eac_methods_agree_on_plan(bac: float, earned: float) -> None:
    """With CPI = SPI = 1 (AC = PV = EV) every EAC method gives BAC, and TCPI is 1
    while work remains (to rounding of the largest amount involved)."""
    tolerance = 1e-12 * max(bac, earned, 1.0)
    estimates = [
        eac(bac, ev=earned, ac=earned, pv=earned, method=method)
        for method in ("cpi", "atypical", "cpi_spi")
    ]

    assert estimates == pytest.approx([bac] * 3, abs=tolerance)
    if earned < bac:
        assert 1.0 == pytest.approx(tcpi(bac, ev=earned, ac=earned))


anything = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.booleans(),
    st.text(max_size=3),
    st.none(),
)

FUNCTIONS: list[tuple[Callable[..., float], tuple[str, ...]]] = [
    (ratio, ("part", "whole")),
    (cv, ("ev", "ac")),
    (sv, ("ev", "pv")),
    (cpi, ("ev", "ac")),
    (spi, ("ev", "pv")),
    (etc, ("eac", "ac")),
    (vac, ("bac", "eac")),
    (sv_t, ("es", "at")),
    (spi_t, ("es", "at")),
    (ieac_t, ("pd", "spi_t")),
    (tcpi, ("bac", "ev", "ac", "eac")),
    (eac, ("bac", "ev", "ac", "pv")),
]


@pytest.mark.parametrize(
    ("function", "names"), FUNCTIONS, ids=[function.__name__ for function, _ in FUNCTIONS]
)
@given(data=st.data())
def test_only_validation_errors_naming_an_argument(
    function: Callable[..., float], names: tuple[str, ...], data: st.DataObject
) -> None:
    """Whatever the arguments (NaN, infinities, bools, huge ints, text, None), a
    function returns a number that is not NaN or raises a ValidationError whose path
    is one of its parameters."""
    arguments: dict[str, Any] = {name: data.draw(anything, label=name) for name in names}
    if function is eac:
        arguments["method"] = data.draw(
            st.sampled_from(["cpi", "atypical", "cpi_spi", "other"]), label="method"
        )
    try:
        result = function(**arguments)
    except ValidationError as error:
        refused = error.path
    else:
        refused = None
        assert isinstance(result, float)
        assert not math.isnan(result)
    assert refused is None or refused in (*names, "method")


@given(st.one_of(st.lists(anything, max_size=6), anything), anything)
def test_earned_schedule_rejects_only_with_paths(curve: Any, earned: Any) -> None:
    """A curve that is not a sequence of amounts, or that falls, and a wrong EV are
    ValidationErrors naming ``pv_curve``, ``pv_curve[i]`` or ``ev``."""
    try:
        result = earned_schedule(curve, earned)
    except ValidationError as error:
        refused = error.path
    else:
        refused = None
        assert 0 <= result <= len(curve)
    assert refused is None or refused == "ev" or refused.startswith("pv_curve")


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: earned_schedule([10, 30, 20], 5), "pv_curve[2]"),
        (lambda: earned_schedule([10, math.nan], 5), "pv_curve[1]"),
        (lambda: earned_schedule("10, 20", 5), "pv_curve"),
        (lambda: earned_schedule([10, True], 5), "pv_curve[1]"),
        (lambda: earned_schedule([10, 20], -1), "ev"),
        (lambda: cpi(True, 1), "ev"),
        (lambda: spi(1, 10**400), "pv"),
        (lambda: cv(math.inf, math.inf), "ev"),
        (lambda: vac(1, math.nan), "eac"),
        (lambda: eac(100, ev=40, ac=50, method="cpi_spi"), "pv"),
        (lambda: eac(100, ev=40, ac=50, pv="50"), "pv"),
        (lambda: eac(100, ev=40, ac=50, method="bottom-up"), "method"),  # type: ignore[arg-type]
        (lambda: eac(math.inf, ev=math.inf, ac=1), "bac"),
        (lambda: tcpi(math.inf, ev=0, ac=0), "bac"),
        (lambda: ieac_t(math.inf, math.inf), "pd"),
        (lambda: ratio(-1, 0), "part"),
    ],
)
def test_wrong_numbers_are_named(call: Callable[[], float], path: str) -> None:
    """Each wrong number is refused with its own path."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert path == caught.value.path


def test_curve_ends() -> None:
    """An empty curve earns nothing; an EV past the end earns the whole curve; a flat
    stretch is earned whole as soon as its PV is reached."""
    assert 0.0 == earned_schedule([], 10)
    assert 3.0 == earned_schedule([10, 20, 30], 1e9)
    assert 2.0 == earned_schedule([10, 10, 20], 10)
    assert 0.0 == earned_schedule([0, 0, 10], 0) - 2.0


def test_zero_duration_and_stalled_schedule() -> None:
    """IEAC(t) of a zero planned duration is 0; a positive one at SPI(t) 0 is endless."""
    assert 0.0 == ieac_t(pd=0, spi_t=0)
    assert math.inf == ieac_t(pd=10, spi_t=0)
