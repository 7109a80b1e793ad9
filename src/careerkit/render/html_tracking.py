"""HTML views of slippage alerts and forecasts, for notebooks.

They are built as :mod:`careerkit.render.html` builds its fragments, from
:func:`~careerkit.render.html.fragment_html` and
:func:`~careerkit.render.html.table_html`: one escaped ``<div>``, at most
:data:`~careerkit.render.html.MAX_ROWS` rows a table. Importing this module
registers :func:`~careerkit.render.forecast_html` in :mod:`careerkit.model.display`, so that
``forecast._repr_html_()`` returns it. Alerts come as a tuple, which has no
display of its own: show them with ``IPython.display.HTML(alerts_html(alerts))``.
"""

from __future__ import annotations

from collections.abc import Sequence

from careerkit.model.arguments import checked_instance
from careerkit.model.display import register_html
from careerkit.planning.alerts import Alert
from careerkit.planning.forecast_results import Forecast
from careerkit.planning.review import Review
from careerkit.render.html import MAX_ROWS, fragment_html, progress_html, table_html

__all__ = ["alerts_html", "forecast_html", "review_html"]


def alerts_html(alerts: Sequence[Alert]) -> str:
    """Slippage alerts as HTML, a row per alert in the order given.

    Parameters
    ----------
    alerts
        What :func:`careerkit.detect_slippage` raised.

    Returns
    -------
    str

    Raises
    ------
    ValidationError
        ``alerts`` is not a sequence of :class:`~careerkit.Alert` (``alerts[i]``).

    Examples
    --------
    >>> alerts = careerkit.detect_slippage(sample_plan, as_of=date(2026, 11, 26))
    >>> alerts_html(alerts).count("<tr>") == 1 + len(alerts)
    True
    """
    checked = [
        checked_instance(alert, Alert, f"alerts[{at}]")
        for at, alert in enumerate(checked_instance(alerts, Sequence, "alerts"))  # type: ignore[type-abstract]
    ]
    rows = [
        (alert.severity, alert.kind, alert.subject, alert.on, alert.message, alert.correction)
        for alert in checked[:MAX_ROWS]
    ]
    columns = ["Severity", "Kind", "Subject", "On", "Message", "Correction"]
    return fragment_html(
        f"{len(checked)} alerts",
        name="alerts",
        parts=[table_html("Alerts", columns, rows, total=len(checked))],
    )


def forecast_html(forecast: Forecast) -> str:
    """A forecast as HTML: the plan's finish dates, then a row per goal.

    Parameters
    ----------
    forecast
        What :func:`careerkit.forecast` found.

    Returns
    -------
    str
        The fragment that ``forecast._repr_html_()`` returns.

    Raises
    ------
    ValidationError
        ``forecast`` is not a :class:`~careerkit.Forecast`.

    Examples
    --------
    >>> found = careerkit.forecast(sample_plan, as_of=date(2026, 11, 26), seed=1, runs=200)
    >>> forecast_html(found).count("<tr>") == 1 + len(found.goals)
    True
    """
    forecast = checked_instance(forecast, Forecast, "forecast")
    goals = [
        (
            *(goal.goal, goal.deadline, goal.scheduled, goal.p50, goal.p85, goal.p95),
            *(goal.probability, goal.remaining_hours, goal.message),
        )
        for goal in forecast.goals[:MAX_ROWS]
    ]
    columns = ["Goal", "Deadline", "Scheduled", "P50", "P85", "P95", "P(deadline)"]
    whole = forecast.plan
    return fragment_html(
        f"Forecast as of {forecast.as_of.isoformat()} ({forecast.method})",
        name="forecast",
        facts=[
            ("Runs", forecast.runs),
            ("Seed", forecast.seed),
            ("Plan P50", whole.p50),
            ("P85", whole.p85),
            ("P95", whole.p95),
            ("Remaining (h)", whole.remaining_hours),
        ],
        parts=[
            table_html(
                "Goals", [*columns, "Remaining (h)", "Note"], goals, total=len(forecast.goals)
            )
        ],
    )


register_html(Forecast, forecast_html)


def review_html(result: Review) -> str:
    """A review as HTML: its summary, corrections, wins and career essentials, then
    its progress report, alerts and forecast as their own fragments.

    Raises
    ------
    ValidationError
        ``result`` is not a :class:`~careerkit.Review`.

    Examples
    --------
    >>> found = careerkit.review(sample_plan, as_of=date(2026, 11, 26),
    ...                          policy=careerkit.ReviewPolicy(runs=100))
    >>> fragment = review_html(found)
    >>> fragment.startswith('<div class="careerkit careerkit-review">'), "Corrections" in fragment
    (True, True)
    >>> "Going cold: mentor-2" in fragment
    True
    """
    result = checked_instance(result, Review, "result")
    corrections = [(item.code, item.subject, item.message) for item in result.corrections]
    wins = [(item.kind, item.subject, item.on, item.message) for item in result.wins]
    return fragment_html(
        f"Review of {result.plan} as of {result.as_of}",
        name="review",
        facts=[("Summary", result.summary), ("Next review", result.next_review)],
        parts=[
            table_html("Corrections", ["Code", "Subject", "Suggestion"], corrections),
            table_html("Wins", ["Kind", "Subject", "On", "What"], wins),
            table_html(
                "Career", ["What"], [(line.replace("`", ""),) for line in result.career.lines()]
            ),
            progress_html(result.report),
            alerts_html(result.alerts),
            forecast_html(result.forecast),
        ],
    )


register_html(Review, review_html)
