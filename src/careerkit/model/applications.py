"""The job search: applications and the dated stages they pass through."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules
from careerkit.model.enums import Stage
from careerkit.model.rules import Choice, Date, Id, Text

__all__ = ["Application", "StageChange"]

_STAGE_FIELDS = rules.fields("StageChange", stage=Choice(Stage), on=Date())


@frozen(kw_only=True)
class StageChange:
    """The day an application reached a stage.

    >>> StageChange(stage=Stage.APPLIED, on=date(2026, 4, 1)).stage
    <Stage.APPLIED: 'applied'>
    """

    stage: Stage
    on: date

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _STAGE_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


_FIELDS = rules.fields(
    "Application",
    id=Id(),
    employer=Text(),
    title=Text(),
    role=Id(optional=True),
    resume=Id(optional=True),
    referred_by=Id(optional=True),
    stages=rules.Items(StageChange),
    follow_ups=rules.Dates(),
    offer_deadline=Date(optional=True),
    notes=Text(required=False),
)


@frozen(kw_only=True)
class Application:
    """A job application and its way through the stages.

    Parameters
    ----------
    id
        Unique among the plan's applications.
    employer, title
        Where and what (the employer's name is personal data to the plan:
        :func:`careerkit.career.redact` replaces it).
    role
        The target role (id of ``Plan.roles``) it is for, if any.
    resume
        The resume version used (id of an asset of kind resume).
    referred_by
        The contact (id) who referred the person, if any: a referral, else
        a cold application.
    stages
        The stages reached, in date order, at least one; each stage is a
        step forward from the one before (a stage is listed once), until
        the application is accepted, rejected or withdrawn, and nothing
        follows those.
    follow_ups
        The days the person followed up (a thank-you after an interview, a
        nudge after silence), in date order.
    offer_deadline
        The last day to answer an offer; only with an offer among the stages,
        and not before the offer.
    notes
        Free text (personal data).

    Examples
    --------
    >>> application = Application(id="acme", employer="Acme", title="Marketing lead",
    ...     stages=[StageChange(stage=Stage.APPLIED, on=date(2026, 4, 1)),
    ...             StageChange(stage=Stage.INTERVIEW, on=date(2026, 4, 20))])
    >>> application.stage
    <Stage.INTERVIEW: 'interview'>
    >>> Application(id="x", employer="X", title="Y", stages=[
    ...     StageChange(stage=Stage.REJECTED, on=date(2026, 4, 1)),
    ...     StageChange(stage=Stage.APPLIED, on=date(2026, 4, 2))])
    Traceback (most recent call last):
    careerkit.errors.ValidationError: stages[1].stage: follows rejected, which ends the application
    """

    id: str
    employer: str
    title: str
    role: str | None = None
    resume: str | None = None
    referred_by: str | None = None
    stages: tuple[StageChange, ...] = field(converter=rules.to_tuple)
    follow_ups: tuple[date, ...] = field(default=(), converter=rules.to_tuple)
    offer_deadline: date | None = None
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        wrong = _FIELDS.check(problems, self)
        if "stages" not in wrong:
            self._check_stages(problems)
        if "follow_ups" not in wrong:
            for index in range(1, len(self.follow_ups)):
                if self.follow_ups[index] <= self.follow_ups[index - 1]:
                    problems.append(
                        Problem(f"follow_ups[{index}]", "not after the one before; list in order")
                    )
        if self.offer_deadline is not None and wrong.isdisjoint(("stages", "offer_deadline")):
            self._check_offer_deadline(problems, self.offer_deadline)
        rules.raise_if_any(problems)

    def _check_offer_deadline(self, problems: list[Problem], deadline: date) -> None:
        offered = self.reached(Stage.OFFER)
        if offered is None:
            problems.append(Problem("offer_deadline", "set, but no offer among the stages"))
        elif deadline < offered:
            problems.append(
                Problem("offer_deadline", f"{deadline} is before the offer ({offered})")
            )

    def _check_stages(self, problems: list[Problem]) -> None:
        if not self.stages:
            problems.append(Problem("stages", "at least one stage is needed"))
            return
        for index in range(1, len(self.stages)):
            before, change = self.stages[index - 1], self.stages[index]
            path = f"stages[{index}]"
            if change.on < before.on:
                problems.append(Problem(f"{path}.on", f"{change.on} is before {before.on}"))
            if before.stage.is_final:
                problems.append(
                    Problem(
                        f"{path}.stage", f"follows {before.stage.value}, which ends the application"
                    )
                )
            elif change.stage.rank is not None and change.stage.rank <= (before.stage.rank or 0):
                problems.append(
                    Problem(
                        f"{path}.stage",
                        f"{change.stage.value} does not move on from {before.stage.value}",
                    )
                )

    @property
    def stage(self) -> Stage:
        """The stage reached last."""
        return self.stages[-1].stage

    def reached(self, stage: Stage, /) -> date | None:
        """The day the application reached ``stage``, or None if it did not."""
        return next((change.on for change in self.stages if change.stage is stage), None)
