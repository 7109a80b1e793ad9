"""A review as Markdown and as plain text: the same sections, two spellings.

The review is read through :class:`Readable`, the fields these views use,
so that this module does not import the review module that calls it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from attrs import frozen

from careerkit.career.overview import CareerOverview
from careerkit.planning._review_values import Correction, Satisfaction, Win
from careerkit.planning.actions import NextAction
from careerkit.planning.alerts import Alert
from careerkit.planning.forecast_results import Forecast
from careerkit.planning.progress import ProgressReport
from careerkit.smart import SmartAssessment

__all__ = ["Readable", "markdown", "text"]


class Readable(Protocol):
    """The fields of a review that its views read."""

    @property
    def plan(self) -> str: ...
    @property
    def as_of(self) -> date: ...
    @property
    def summary(self) -> str: ...
    @property
    def report(self) -> ProgressReport: ...
    @property
    def alerts(self) -> tuple[Alert, ...]: ...
    @property
    def next_actions(self) -> tuple[NextAction, ...]: ...
    @property
    def wins_since(self) -> date: ...
    @property
    def wins(self) -> tuple[Win, ...]: ...
    @property
    def findings(self) -> tuple[SmartAssessment, ...]: ...
    @property
    def corrections(self) -> tuple[Correction, ...]: ...
    @property
    def forecast(self) -> Forecast: ...
    @property
    def satisfaction(self) -> Satisfaction: ...
    @property
    def next_review(self) -> date | None: ...
    @property
    def career(self) -> CareerOverview: ...


@frozen(kw_only=True)
class _Section:
    """A heading, an optional table (header row first) and list items."""

    title: str
    items: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()
    empty: str = ""


_HEADER = ("Goal", "Health", "Done", "Planned", "Slack", "Deadline", "P85")


def _sections(review: Readable) -> list[_Section]:
    return [
        _Section(title="Goals", table=_goal_rows(review)),
        _Section(
            title="Alerts",
            items=tuple(
                f"**{alert.severity.value}** {alert.kind.value} `{alert.subject}`: "
                f"{alert.message}. Correction: {alert.correction}"
                for alert in review.alerts
            ),
            empty="No alert.",
        ),
        _Section(
            title="Next actions",
            items=tuple(
                f"`{action.task}` ({action.goal}): {action.title}, urgency {action.score:.2f}"
                for action in review.next_actions
            ),
            empty="No task is ready.",
        ),
        _Section(
            title=f"Wins since {review.wins_since}",
            items=tuple(win.message for win in review.wins),
            empty="Nothing new to celebrate.",
        ),
        _Section(
            title="Corrections",
            items=tuple(f"{item.code.value}: {item.message}" for item in review.corrections),
            empty="No correction is suggested.",
        ),
        _Section(
            title="SMART findings", items=_findings(review), empty="Every open goal is SMART."
        ),
        _Section(
            title="Career", items=review.career.lines(), empty="The plan holds no career parts."
        ),
        _Section(title="Satisfaction", items=_satisfaction(review.satisfaction)),
        _Section(
            title="Next review",
            items=(str(review.next_review or "the review cadence has no further date"),),
        ),
    ]


def _goal_rows(review: Readable) -> tuple[tuple[str, ...], ...]:
    rows = [_HEADER]
    for goal in review.report.goals:
        risk = review.forecast.goal(goal.goal)
        rows.append(
            (
                f"`{goal.goal}`",
                goal.health.value.replace("_", " "),
                f"{goal.percent_complete:.1f}%",
                f"{goal.planned_percent:.1f}%",
                "" if goal.slack is None else str(goal.slack),
                "" if risk.deadline is None else str(risk.deadline),
                _finish(risk.p85, review.as_of),
            )
        )
    return tuple(rows)


def _finish(day: date | None, as_of: date) -> str:
    """A forecast finish; one already past is the work done, habits aside."""
    if day is None:
        return ""
    return f"done {day}" if day <= as_of else str(day)


def _findings(review: Readable) -> tuple[str, ...]:
    items = []
    for found in review.findings:
        missing = ", ".join(criterion.value for criterion in found.missing)
        details = "; ".join(f"{finding.code} {finding.message}" for finding in found.findings)
        items.append(f"`{found.subject}` (not {missing}): {details}")
    return tuple(items)


def _satisfaction(found: Satisfaction) -> tuple[str, ...]:
    if found.latest is None:
        return ("No check-in yet.",)
    items = [f"latest: {found.latest} of 5 on {found.latest_on}", f"check-ins: {found.check_ins}"]
    if found.average is not None:
        items.append(f"average of the last {found.window}: {found.average:.2f}")
    if found.slope_per_month is not None:
        items.append(f"trend: {found.slope_per_month:+.2f} a month")
    return tuple(items)


def markdown(review: Readable) -> str:
    """The review as Markdown."""
    lines = [f"# Review of `{review.plan}` as of {review.as_of}", "", review.summary]
    for section in _sections(review):
        lines += ["", f"## {section.title}", ""]
        if section.table:
            lines.append(_row(section.table[0]))
            lines.append(_row(tuple("---" for _ in section.table[0])))
            lines.extend(_row(row) for row in section.table[1:])
        lines.extend(f"- {item}" for item in section.items)
        if not section.table and not section.items:
            lines.append(section.empty)
    return "\n".join(lines) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def text(review: Readable) -> str:
    """The review as plain text."""
    title = f"Review of {review.plan} as of {review.as_of}"
    lines = [title, "=" * len(title), "", _plain(review.summary)]
    for section in _sections(review):
        lines += ["", section.title, "-" * len(section.title)]
        if section.table:
            widths = [max(len(_plain(row[at])) for row in section.table) for at in range(7)]
            for row in section.table:
                cells = [_plain(cell).ljust(width) for cell, width in zip(row, widths, strict=True)]
                lines.append("  ".join(cells).rstrip())
        lines.extend(f"* {_plain(item)}" for item in section.items)
        if not section.table and not section.items:
            lines.append(section.empty)
    return "\n".join(lines) + "\n"


def _plain(cell: str) -> str:
    return cell.replace("**", "").replace("`", "")
