"""The career domain at a glance: every career figure of a plan as of a date, in one value.

:func:`career_overview` gathers what the career modules find (the target
role's skill gaps, the assets, the relationships, the options and the job
search) so that a review, a product or a notebook asks once; its
:meth:`~CareerOverview.lines` say the essentials in plain language, as the
review's *Career* section shows them.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from careerkit.career.assets import AssetReport, asset_status
from careerkit.career.jobsearch import JobSearchReport, job_search
from careerkit.career.options import OptionRanking, rank_options
from careerkit.career.policy import CareerPolicy
from careerkit.career.relationships import RelationshipReport, relationship_status
from careerkit.career.skills import SkillGaps, skill_gaps, target_role
from careerkit.io import result_document
from careerkit.model import Plan
from careerkit.model.arguments import checked_date, checked_instance
from careerkit.model.skills import LEVELS

__all__ = ["CareerOverview", "career_overview"]


@result_document("career_overview")
@frozen(kw_only=True)
class CareerOverview:
    """Every career figure of a plan as of a date: what :func:`career_overview` returns.

    Examples
    --------
    >>> overview = career_overview(sample_plan, as_of=date(2026, 11, 26))
    >>> overview.gaps.gaps[0].skill, overview.gaps.gaps[0].tasks
    ('budget ownership', ('md-budget-ownership',))
    >>> [state.asset for state in overview.assets.stale]
    ['resume-director']
    """

    as_of: date
    """The status date of every part."""
    gaps: SkillGaps | None
    """The skill gaps of the target role (the vision's, or the only one); None without a role."""
    assets: AssetReport
    """The freshness of the resumes, cover letters, profile and portfolio."""
    relationships: RelationshipReport
    """The keep-in-touch status of every contact, the follow-ups owed and the network's breadth."""
    options: OptionRanking | None
    """The decision matrix of the career options; None without options."""
    job_search: JobSearchReport
    """The funnel of the applications and the open ones."""

    def lines(self) -> tuple[str, ...]:
        """The essentials in plain language, one line a part (nothing for an empty part).

        >>> career_overview(sample_plan, as_of=date(2026, 11, 26)).lines()[0]
        'Top skill gap for `marketing-director-b2b`: budget ownership at level 1 of 4 (weight 3); closing it: `md-budget-ownership` (to level 3, 1 short)'
        """
        return (
            *_gap_lines(self.gaps),
            *_asset_lines(self.assets),
            *_relationship_lines(self.relationships),
            *_job_lines(self.job_search),
            *_option_lines(self.options),
        )


def career_overview(
    plan: Plan, *, as_of: date, policy: CareerPolicy | None = None
) -> CareerOverview:
    """Every career figure of a plan as of a date, each part computed once.

    Parameters
    ----------
    plan
        The plan.
    as_of
        The status date of every part.
    policy
        The thresholds of the career signals; :class:`CareerPolicy`'s
        defaults if None.

    Returns
    -------
    CareerOverview
        The skill gaps of the target role, the assets, the relationships,
        the options and the job search.

    Raises
    ------
    ValidationError
        ``plan`` is not a Plan, ``as_of`` not a date or ``policy`` not a
        CareerPolicy (the path names the argument).

    Examples
    --------
    >>> career_overview(sample_plan, as_of=date(2026, 11, 26)).options.leader
    'director-b2b'
    """
    checked_instance(plan, Plan, "plan")
    status_date = checked_date(as_of)
    rules = CareerPolicy() if policy is None else checked_instance(policy, CareerPolicy, "policy")
    role = target_role(plan)
    return CareerOverview(
        as_of=status_date,
        gaps=None if role is None else skill_gaps(plan, role.id, as_of=status_date),
        assets=asset_status(plan, as_of=status_date),
        relationships=relationship_status(plan, as_of=status_date, policy=rules),
        options=rank_options(plan) if plan.options else None,
        job_search=job_search(plan, as_of=status_date),
    )


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(f"`{item}`" for item in ids)


def _gap_lines(gaps: SkillGaps | None) -> list[str]:
    if gaps is None or not gaps.gaps or gaps.gaps[0].gap == 0:
        return []
    top = gaps.gaps[0]
    weight = f"{top.weight:g}"
    line = (
        f"Top skill gap for `{gaps.role}`: {top.skill} at level {top.current} of "
        f"{top.required} (weight {weight})"
    )
    work = (*top.tasks, *top.goals)
    if work:
        short = f", {top.remaining} short" if top.remaining else ""
        line += f"; closing it: {_ids(work)} (to level {top.planned}{short})"
    else:
        line += f"; nothing in the plan builds it ({LEVELS[top.required]} is needed)"
    found = [line]
    if gaps.match is not None and gaps.planned_match is not None:
        found.append(
            f"Match with `{gaps.role}`: {gaps.match:.0%} now, {gaps.planned_match:.0%} once "
            "the open work is done"
        )
    if gaps.unaddressed:
        found.append(f"Skills nothing in the plan builds: {', '.join(gaps.unaddressed)}")
    return found


def _asset_lines(report: AssetReport) -> list[str]:
    found = []
    if report.stale:
        stale = "; ".join(
            f"`{state.asset}` ({state.title}, "
            + " and ".join(reason.value.replace("_", " ") for reason in state.why)
            + (f", {state.days_overdue} days past its age limit" if state.days_overdue else "")
            + ")"
            for state in report.stale
        )
        found.append(f"Stale assets: {stale}")
    if report.missing_resumes:
        found.append(
            "Target roles without a tailored resume: "
            + _ids(tuple(missing.role for missing in report.missing_resumes))
        )
    if report.unreflected:
        found.append(
            f"Achievements no resume shows yet: {len(report.unreflected)}, the latest on "
            f"{report.unreflected[-1].on}"
        )
    return found


def _relationship_lines(report: RelationshipReport) -> list[str]:
    found = []
    if report.cold:
        found.append(
            "Going cold: "
            + "; ".join(
                f"`{state.contact}` ({state.role.value}, {state.days_over} days over"
                + (", critical" if state.critical else "")
                + ")"
                for state in report.cold
            )
        )
    owed = [
        f"`{state.contact}` {state.follow_up.state.value} on {state.follow_up.due}"
        for state in report.contacts
        if state.follow_up is not None
    ]
    if owed:
        found.append(f"Follow-ups owed: {'; '.join(owed)}")
    if report.unrelated_goals:
        found.append(f"Goals no relationship serves: {_ids(report.unrelated_goals)}")
    if report.contacts:
        latest = report.breadth.points[-1]
        roles = ", ".join(
            f"{count.role.value} {count.count}" for count in latest.by_role if count.count
        )
        found.append(
            f"Network: {latest.total} of {len(report.contacts)} contacts active in the last "
            f"{report.breadth.window} days" + (f" ({roles})" if roles else "")
        )
    return found


def _job_lines(report: JobSearchReport) -> list[str]:
    funnel = report.funnel
    if not funnel.applications:
        return []
    stages = ", ".join(f"{stage.stage.value} {stage.reached}" for stage in funnel.stages)
    line = f"Job search: {funnel.applications} applications; reached {stages}"
    if funnel.rejected or funnel.withdrawn:
        line += f"; {funnel.rejected} rejected, {funnel.withdrawn} withdrawn"
    found = [line]
    if report.active:
        found.append(
            "Open applications: "
            + "; ".join(
                f"`{item.application}` ({item.stage.value}, {item.days_since_news} days "
                "since the last news)"
                for item in report.active
            )
        )
    return found


def _option_lines(ranking: OptionRanking | None) -> list[str]:
    if ranking is None or not ranking.options:
        return []
    scores = ", ".join(
        f"`{score.option}` {score.score:.2f}" if score.score is not None else f"`{score.option}`"
        for score in ranking.options
    )
    found = [f"Options, best first: {scores}"]
    flip = ranking.flip
    if flip is not None:
        found.append(
            f"The choice of `{flip.leader}` over `{flip.runner_up}` flips with a change of "
            f"{flip.change:+.2g} in the weight of {flip.criterion} "
            f"({flip.weight_from:g} to {flip.weight_to:g})"
        )
    return found
