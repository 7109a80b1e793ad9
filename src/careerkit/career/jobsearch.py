"""The job search funnel: how applications move from applied to accepted, and how fast.

:func:`job_search` reads a plan's applications as of a date. Only the stage
changes and follow-ups on or before that date count, so the report of a past
date is what one would have seen then; an application with no stage by then
is left out. Days are calendar days.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import date

from attrs import frozen

from careerkit.io import result_document
from careerkit.model import Application, Plan, Stage, StageChange
from careerkit.model.arguments import checked_date, checked_instance

__all__ = [
    "FUNNEL_STAGES",
    "ActiveApplication",
    "Funnel",
    "FunnelStage",
    "JobSearchReport",
    "ResumeFunnel",
    "job_search",
]

FUNNEL_STAGES = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER, Stage.ACCEPTED)
"""The stages of the funnel, in order."""
_RANKS = tuple(stage.rank or 0 for stage in FUNNEL_STAGES)


@frozen(kw_only=True)
class FunnelStage:
    """One stage of a funnel: how many reached it, went on, and how long they stayed.

    >>> FunnelStage(stage=Stage.OFFER, reached=2, current=1, conversion=0.5, stays=1,
    ...             mean_days=6.0, median_days=6.0, open_stays=1, open_mean_days=3.0).conversion
    0.5
    """

    stage: Stage
    """The stage."""
    reached: int
    """Applications that reached it or a later stage of the funnel."""
    current: int
    """Applications at this stage now (their last stage change)."""
    conversion: float | None
    """The share of ``reached`` that reached the next stage; None for the last stage or
    when none reached this one."""
    stays: int
    """The completed stays, where the application entered the stage and changed stage since."""
    mean_days: float | None
    """The mean days from entering the stage to the next change, over completed stays."""
    median_days: float | None
    """The median of the same days."""
    open_stays: int
    """Applications still in the stage, not counted in the mean and median."""
    open_mean_days: float | None
    """The mean days they have spent in it so far (None without any)."""


@frozen(kw_only=True)
class Funnel:
    """The funnel of a set of applications.

    >>> Funnel(applications=0, stages=(), rejected=0, withdrawn=0).applications
    0
    """

    applications: int
    """The applications with a stage by the date (saved ones included)."""
    stages: tuple[FunnelStage, ...]
    """Applied, screening, interview, offer, accepted, in that order."""
    rejected: int
    """The applications rejected."""
    withdrawn: int
    """The applications withdrawn."""


@frozen(kw_only=True)
class ResumeFunnel:
    """The funnel of the applications sent with one resume version.

    >>> ResumeFunnel(resume=None, funnel=Funnel(applications=0, stages=(), rejected=0,
    ...              withdrawn=0)).resume is None
    True
    """

    resume: str | None
    """The resume's asset id; None for the applications that do not say."""
    funnel: Funnel
    """Their funnel."""


@frozen(kw_only=True)
class ActiveApplication:
    """An application still open: where it stands and how long since there was news.

    >>> entry = ActiveApplication(application="acme", employer="Acme", title="Lead",
    ...     stage=Stage.APPLIED, since=date(2026, 4, 1), days_in_stage=30,
    ...     last_news=date(2026, 4, 1), days_since_news=30, followed_up_in_stage=False,
    ...     referred=False, resume=None, offer_deadline=None, offer_days_left=None)
    >>> entry.days_since_news
    30
    """

    application: str
    """The application's id."""
    employer: str
    """The employer."""
    title: str
    """The job's title."""
    stage: Stage
    """Its stage now."""
    since: date
    """The day it reached that stage."""
    days_in_stage: int
    """Days from ``since`` to the date."""
    last_news: date
    """Its last stage change or follow-up, whichever is later."""
    days_since_news: int
    """Days from ``last_news`` to the date."""
    followed_up_in_stage: bool
    """Whether the person followed up on or after ``since``."""
    referred: bool
    """Whether a contact referred the person."""
    resume: str | None
    """The resume version used (asset id), if recorded."""
    offer_deadline: date | None
    """The last day to answer an offer, if any."""
    offer_days_left: int | None
    """Days from the date to ``offer_deadline`` (0 on the day, negative after it)."""


@result_document("job_search")
@frozen(kw_only=True)
class JobSearchReport:
    """The job search as of a date: the funnel, split by resume and by referral, and
    the open applications.

    >>> empty = Funnel(applications=0, stages=(), rejected=0, withdrawn=0)
    >>> JobSearchReport(as_of=date(2026, 5, 1), funnel=empty, by_resume=(), referred=empty,
    ...                 cold=empty, active=()).active
    ()
    """

    as_of: date
    """The status date."""
    funnel: Funnel
    """The funnel of every application with a stage by the date."""
    by_resume: tuple[ResumeFunnel, ...]
    """The funnel per resume version, by asset id (applications without one last)."""
    referred: Funnel
    """The funnel of the referred applications (``referred_by`` set)."""
    cold: Funnel
    """The funnel of the cold applications (no ``referred_by``)."""
    active: tuple[ActiveApplication, ...]
    """The applications not yet accepted, rejected or withdrawn, the longest without
    news first (ties by id)."""


def job_search(plan: Plan, *, as_of: date) -> JobSearchReport:
    """The job search funnel of a plan's applications as of a date.

    An application counts as having *reached* a stage when it reached that
    stage or a later one of :data:`FUNNEL_STAGES` by ``as_of``: one that
    went from applied straight to interview passed screening. The
    conversion of a stage is the share of those that reached it which
    reached the next. A *stay* in a stage runs from the day the application
    entered it to its next stage change; stays still open at ``as_of`` are
    counted apart (``open_stays``), so that the mean and median days are
    those of stays that ended.

    Parameters
    ----------
    plan
        The plan, whose ``applications`` are read.
    as_of
        The status date: later stage changes and follow-ups are ignored.

    Returns
    -------
    JobSearchReport
        The funnel of all the applications, per resume version and for
        referred (``referred_by`` set) and cold ones, and the open ones.

    Raises
    ------
    ValidationError
        ``plan`` is not a Plan, or ``as_of`` not a date (the path names it).

    Examples
    --------
    >>> from careerkit.career.jobsearch import job_search
    >>> def application(id, *stages):
    ...     return Application(id=id, employer=id.title(), title="Lead",
    ...         stages=[StageChange(stage=Stage(stage), on=on) for stage, on in stages])
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 4, 1), applications=[
    ...     application("acme", ("applied", date(2026, 4, 1)), ("interview", date(2026, 4, 21))),
    ...     application("bolt", ("applied", date(2026, 4, 6)), ("rejected", date(2026, 4, 16)))])
    >>> report = job_search(plan, as_of=date(2026, 5, 1))
    >>> [(stage.stage.value, stage.reached) for stage in report.funnel.stages[:4]]
    [('applied', 2), ('screening', 1), ('interview', 1), ('offer', 0)]
    >>> applied = report.funnel.stages[0]
    >>> applied.conversion, applied.mean_days
    (0.5, 15.0)
    >>> [(entry.application, entry.stage.value, entry.days_since_news) for entry in report.active]
    [('acme', 'interview', 10)]
    """
    checked_instance(plan, Plan, "plan")
    checked_date(as_of, "as_of")
    tracks = [
        _track(application, changes, as_of)
        for application in sorted(plan.applications, key=lambda item: item.id)
        if (changes := [change for change in application.stages if change.on <= as_of])
    ]
    by_resume: dict[str | None, list[_Track]] = {}
    for track in tracks:
        by_resume.setdefault(track.application.resume, []).append(track)
    return JobSearchReport(
        as_of=as_of,
        funnel=_funnel(tracks),
        by_resume=tuple(
            ResumeFunnel(resume=key, funnel=_funnel(by_resume[key]))
            for key in sorted(by_resume, key=lambda key: (key is None, key or ""))
        ),
        referred=_funnel([track for track in tracks if track.application.referred_by]),
        cold=_funnel([track for track in tracks if not track.application.referred_by]),
        active=_active(tracks, as_of),
    )


@frozen(kw_only=True)
class _Track:
    """An application's way up to the date, read once."""

    application: Application
    changes: tuple[StageChange, ...]
    """Its stage changes on or before the date, at least one."""
    furthest: int
    """The rank of its furthest forward stage (0 for saved)."""
    stays: tuple[tuple[Stage, int, bool], ...]
    """Per stage entered: the stage, the days in it, whether the stay is still open."""


def _track(application: Application, changes: list[StageChange], as_of: date) -> _Track:
    stays = []
    for index, change in enumerate(changes):
        if change.stage.is_final:
            continue
        if index + 1 < len(changes):
            stays.append((change.stage, (changes[index + 1].on - change.on).days, False))
        else:
            stays.append((change.stage, (as_of - change.on).days, True))
    return _Track(
        application=application,
        changes=tuple(changes),
        furthest=max(change.stage.rank or 0 for change in changes),
        stays=tuple(stays),
    )


def _funnel(tracks: Sequence[_Track]) -> Funnel:
    """The funnel of some applications, from their tracks."""
    furthest = Counter(track.furthest for track in tracks)
    reached = [
        sum(count for rank, count in furthest.items() if rank >= threshold) for threshold in _RANKS
    ]
    days: dict[tuple[Stage, bool], list[int]] = {}
    for track in tracks:
        for entered, length, is_open in track.stays:
            days.setdefault((entered, is_open), []).append(length)
    final = [track.changes[-1].stage for track in tracks]
    stages = []
    for index, stage in enumerate(FUNNEL_STAGES):
        following = reached[index + 1] if index + 1 < len(reached) else None
        done, still = days.get((stage, False), []), days.get((stage, True), [])
        stages.append(
            FunnelStage(
                stage=stage,
                reached=reached[index],
                current=final.count(stage),
                conversion=following / reached[index]
                if following is not None and reached[index]
                else None,
                stays=len(done),
                mean_days=statistics.fmean(done) if done else None,
                median_days=float(statistics.median(done)) if done else None,
                open_stays=len(still),
                open_mean_days=statistics.fmean(still) if still else None,
            )
        )
    return Funnel(
        applications=len(tracks),
        stages=tuple(stages),
        rejected=final.count(Stage.REJECTED),
        withdrawn=final.count(Stage.WITHDRAWN),
    )


def _active(tracks: Sequence[_Track], as_of: date) -> tuple[ActiveApplication, ...]:
    found = []
    for track in tracks:
        application, current = track.application, track.changes[-1]
        if current.stage.is_final:
            continue
        follow_ups = [day for day in application.follow_ups if day <= as_of]
        last_news = max([current.on, *follow_ups])
        deadline = application.offer_deadline if current.stage is Stage.OFFER else None
        found.append(
            ActiveApplication(
                application=application.id,
                employer=application.employer,
                title=application.title,
                stage=current.stage,
                since=current.on,
                days_in_stage=(as_of - current.on).days,
                last_news=last_news,
                days_since_news=(as_of - last_news).days,
                followed_up_in_stage=any(day >= current.on for day in follow_ups),
                referred=application.referred_by is not None,
                resume=application.resume,
                offer_deadline=deadline,
                offer_days_left=(deadline - as_of).days if deadline is not None else None,
            )
        )
    found.sort(key=lambda entry: (-entry.days_since_news, entry.application))
    return tuple(found)
