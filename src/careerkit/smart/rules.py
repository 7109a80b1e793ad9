"""The built-in SMART rules, and judging structured goals with them.

Each rule is a function of the goal being judged returning findings, each
with a stable code (``S001`` ... ``T004``) so products can translate the
messages, and a suggestion saying how to fix it. The rules on wording,
measures and dates (``specific``, ``measurable``,
``time_bound``) read the goal through :class:`~careerkit.smart.policy.Judged`,
so :func:`careerkit.assess_text` runs them on a sentence too.

Codes:

==== ======================================================================
S001 vague wording ("improve", "get better at") without a concrete result
S002 a title too short to say what is achieved
S003 no action verb
S004 a result named only by its kind ("take a course"): which one?
M001 nothing says when the goal is reached: no metric, no tasks, nothing to count
M002 the metric's target equals its baseline
A001 the remaining effort does not fit the capacity before the deadline
A002 the metric must improve much faster than it has so far
A003 more active goals than the policy allows
A004 the schedule finishes the goal's work after its deadline
R001 linked to nothing: no parent goal, no profile entry, not the vision
R002 a long-term goal with no shorter goal or task serving it
T001 no deadline (a deadline before the goal's start is refused by the model)
T003 the deadline has passed but the goal is still active
T004 the deadline does not fit the goal's horizon
==== ======================================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from careerkit.errors import ValidationError
from careerkit.model import Goal, Horizon, Plan
from careerkit.model.arguments import checked_as_of, checked_date, checked_instance
from careerkit.scheduling import Schedule
from careerkit.scheduling.given import checked_plan, given_schedule
from careerkit.smart import _wording as wording
from careerkit.smart._facts import PlanFacts
from careerkit.smart.findings import Criterion, Finding, Severity, SmartAssessment, assessment_of
from careerkit.smart.policy import Judged, Rule, RuleContext, SmartPolicy, policy_or_default
from careerkit.workdays import DayIndex

__all__ = ["BUILT_IN", "assess", "assess_plan", "measurable", "specific", "time_bound"]


def _error(criterion: Criterion, code: str, message: str, suggestion: str) -> Finding:
    return Finding(
        criterion=criterion, severity=Severity.ERROR, code=code, message=message,
        suggestion=suggestion,
    )  # fmt: skip


def specific(goal: Judged) -> Iterable[Finding]:
    """S001 vague wording, S002 too few words, S003 no action verb, S004 a result
    named only by its kind."""
    text = goal.wording
    if wording.VAGUE.search(text) and not goal.countable:
        yield _error(
            Criterion.SPECIFIC,
            "S001",
            f"{goal.title!r} says what to get better at, not what will be achieved",
            "name the result, for example 'earn the Google Analytics certification'",
        )
    count = wording.word_count(text)
    if count < goal.policy.min_title_words:
        yield _error(
            Criterion.SPECIFIC,
            "S002",
            f"the title has {count} words: too short to say what is achieved",
            "say what will be done and what for, for example 'lead a product launch "
            "for the EMEA team'",
        )
    if not wording.ACTION.search(text):
        yield _error(
            Criterion.SPECIFIC,
            "S003",
            "the title has no action verb",
            "start with what you will do: earn, complete, publish, lead, land ...",
        )
    if wording.GENERIC.search(text):
        yield _error(
            Criterion.SPECIFIC,
            "S004",
            f"{goal.title!r} names a kind of result, not which one",
            "say which one, for example 'a UX design internship at a health-tech company' "
            "rather than 'an internship'",
        )


def measurable(goal: Judged) -> Iterable[Finding]:
    """M001 nothing says when the goal is reached, M002 target equal to baseline."""
    if not goal.measured:
        yield _error(
            Criterion.MEASURABLE,
            "M001",
            "nothing says when the goal is reached: no metric, no tasks, nothing to count",
            "add a metric with a baseline and a target (for example contacts from 40 to "
            "120), the tasks whose completion reaches it, or a count to reach such as "
            "'three articles' or 'the PMP certification'",
        )
    metric = goal.metric
    if metric is not None and metric.target == metric.baseline:
        yield _error(
            Criterion.MEASURABLE,
            "M002",
            f"the target of {metric.name!r} equals its baseline ({metric.target:g})",
            "set the target the goal should reach",
        )


def time_bound(goal: Judged) -> Iterable[Finding]:
    """T001 no deadline, T003 deadline passed, T004 deadline against the horizon."""
    deadline, as_of = goal.deadline, goal.as_of
    if deadline is None:
        if not goal.timed:
            example = (as_of or date(2027, 6, 30)).replace(month=6, day=30)
            yield _error(
                Criterion.TIME_BOUND,
                "T001",
                "the goal has no deadline",
                f"add a deadline, for example 'by {example.year + 1}-06-30'",
            )
        return
    if as_of is not None and goal.active and deadline < as_of:
        yield _error(
            Criterion.TIME_BOUND,
            "T003",
            f"the deadline {deadline} has passed and the goal is still active",
            "set a new deadline, or mark the goal achieved, abandoned or on hold",
        )
    horizon, begin = goal.horizon, goal.begin
    if horizon is not None and begin is not None:
        years = (deadline - begin).days / 365.25
        longest = goal.policy.horizon_years[horizon]
        shortest = goal.policy.horizon_years[Horizon.SHORT] if horizon is Horizon.LONG else 0
        if years > longest or years < shortest:
            yield _error(
                Criterion.TIME_BOUND,
                "T004",
                f"a {horizon.value}-term goal due {years:.1f} years after it starts",
                "change the horizon or the deadline so that they agree",
            )


def _achievable(context: RuleContext) -> Iterable[Finding]:
    """A003 too many active goals; A001 capacity, A002 rate, A004 schedule."""
    goal, plan, as_of, facts = context.goal, context.plan, context.as_of, context._facts
    if plan is None or as_of is None or facts is None:
        return
    limit = context.policy.max_active_goals
    if context.active and facts.active_goals > limit:
        yield Finding(
            criterion=Criterion.ACHIEVABLE,
            severity=Severity.WARNING,
            code="A003",
            message=f"{facts.active_goals} goals are active at once, more than {limit}",
            suggestion="put some goals on hold and focus on the most important ones",
        )
    deadline = facts.deadlines[goal.id]
    if deadline is None or deadline < as_of or not context.active:
        return
    yield from _capacity(plan, facts, goal, as_of, deadline)
    yield from _rate(context, deadline)
    forecast = context.forecast(goal.id)
    if forecast is not None and forecast.late:  # None: the calendar cannot schedule the plan
        assert forecast.slack is not None
        yield _error(
            Criterion.ACHIEVABLE,
            "A004",
            f"at the current schedule the goal's work finishes {forecast.finish}, "
            f"{-forecast.slack} working days after the deadline {deadline}",
            "move the deadline, cut scope, or free time for the critical tasks",
        )


def _capacity(
    plan: Plan, facts: PlanFacts, goal: Goal, as_of: date, deadline: date
) -> Iterable[Finding]:
    """A001: the work due by the deadline, this goal's and others', against the hours left."""
    days = DayIndex(plan.calendar)
    working_days = max(0, days.boundary_after(deadline) - days.index_of(as_of))
    available = working_days * plan.weekly_capacity / len(plan.calendar.working_days)
    needed = facts.hours_due_by(deadline)  # work due after this goal's deadline can wait
    if facts.hours_left(goal.id) > 0 and needed > available + 1e-9:
        yield _error(
            Criterion.ACHIEVABLE,
            "A001",
            f"{needed:.0f} hours of work are due by {deadline} (this goal's and others'), "
            f"but only {available:.0f} hours are available until then",
            "move the deadline, lower the effort, or raise the weekly capacity",
        )


def _rate(context: RuleContext, deadline: date) -> Iterable[Finding]:
    """A002: the metric must move much faster than it has so far."""
    goal, as_of = context.goal, context.as_of
    assert as_of is not None
    metric = goal.metric
    if metric is None or len(goal.measurements) < 2:
        return
    ordered = sorted(goal.measurements, key=lambda item: item.on)
    first, last = ordered[0], ordered[-1]
    past_days = (last.on - first.on).days
    future_days = (deadline - max(as_of, last.on)).days
    if past_days <= 0 or future_days <= 0:
        return
    sign = 1 if metric.direction.value == "increase" else -1
    past_rate = sign * (last.value - first.value) / past_days
    needed_rate = sign * (metric.target - last.value) / future_days
    factor = context.policy.rate_factor
    if needed_rate > 0 and (past_rate <= 0 or needed_rate > factor * past_rate):
        yield _error(
            Criterion.ACHIEVABLE,
            "A002",
            f"{metric.name!r} must move {needed_rate * 30:.2f} {metric.unit or 'units'} a month "
            f"to reach {metric.target:g} by {deadline}; so far it moved "
            f"{past_rate * 30:.2f} a month",
            "lower the target, move the deadline, or plan work that speeds progress up",
        )


def _relevant(context: RuleContext) -> Iterable[Finding]:
    """R001 linked to nothing; R002 a long-term goal nothing shorter serves."""
    goal, plan, facts = context.goal, context.plan, context._facts
    vision = plan.vision.lower() if plan is not None else ""
    tied_to_vision = bool(vision) and wording.overlap(goal.title, vision) >= 2
    if goal.parent is None and not goal.relevant_to and not tied_to_vision:
        yield _error(
            Criterion.RELEVANT,
            "R001",
            "the goal is linked to nothing: no parent goal, no profile value or interest, "
            "and it does not echo the vision",
            "name the longer-term goal it serves (parent) or the values and interests it "
            "serves (relevant_to)",
        )
    served = facts is None or goal.id in facts.parents or goal.id in facts.goals_with_tasks
    if goal.horizon is Horizon.LONG and not served:
        yield _error(
            Criterion.RELEVANT,
            "R002",
            "a long-term goal with no shorter-term goal or task serving it",
            "break it down: add a short-term goal with this one as its parent",
        )


BUILT_IN: tuple[Rule, ...] = (specific, measurable, _achievable, _relevant, time_bound)
"""The built-in rules, in S, M, A, R, T order."""


def _judge(context: RuleContext) -> SmartAssessment:
    """Run the built-in and custom rules on one goal."""
    findings = [finding for rule in BUILT_IN for finding in rule(context)]
    for position, rule in enumerate(context.policy.rules):
        for finding in rule(context):
            if not isinstance(finding, Finding):
                raise ValidationError(
                    path=f"policy.rules[{position}]",
                    problem=f"a rule must yield findings, this one yielded {type(finding).__name__}",
                )
            findings.append(finding)
    judged = context.plan is not None and context.as_of is not None
    unknown = () if judged else (Criterion.ACHIEVABLE,)
    return assessment_of(context.goal.id, findings, unknown=unknown)


def assess(
    goal: Goal,
    *,
    plan: Plan | None = None,
    as_of: date | None = None,
    policy: SmartPolicy | None = None,
    schedule: Schedule | None = None,
) -> SmartAssessment:
    """Judge a structured goal against the five SMART criteria.

    Parameters
    ----------
    goal
        The goal.
    plan
        Its plan: needed for Achievable (capacity, schedule, other goals) and
        used for Relevant (the vision) and Measurable (the goal's tasks).
    as_of
        The date of the judgement: needed for Achievable and for deadlines
        that have passed.
    policy
        Thresholds and custom rules; :class:`SmartPolicy` defaults if None.
    schedule
        The plan's schedule as of ``as_of`` (``careerkit.schedule(plan,
        as_of=as_of)``), when the caller has it already; computed when a rule
        needs it if None.

    Returns
    -------
    SmartAssessment
        A criterion with an error finding is unmet; Achievable is unknown
        without a plan and a date; the others are met when nothing is found.

    Raises
    ------
    ValidationError
        ``goal`` is not a :class:`~careerkit.Goal` (path ``goal``), ``plan``
        neither None nor a :class:`~careerkit.Plan` (path ``plan``), ``policy``
        neither None nor a :class:`SmartPolicy` (path ``policy``), ``as_of``
        is neither None nor a date (a ``datetime`` is refused; path
        ``as_of``), or ``schedule`` is not a :class:`~careerkit.Schedule`
        made as of ``as_of`` (path ``schedule``).

    Examples
    --------
    >>> result = assess(Goal(id="g", title="Improve my skills"))
    >>> [finding.code for finding in result.findings]
    ['S001', 'M001', 'R001', 'T001']
    """
    goal = checked_instance(goal, Goal, "goal")
    plan = None if plan is None else checked_plan(plan)
    as_of = checked_as_of(as_of, optional=True)
    given = given_schedule(schedule, as_of=as_of, plan=plan)
    facts = None if plan is None else PlanFacts(plan, as_of, given)
    context = RuleContext(
        goal=goal, plan=plan, as_of=as_of, policy=policy_or_default(policy), facts=facts
    )
    return _judge(context)


def assess_plan(
    plan: Plan,
    *,
    as_of: date,
    policy: SmartPolicy | None = None,
    schedule: Schedule | None = None,
) -> tuple[SmartAssessment, ...]:
    """Judge every goal of a plan, in plan order.

    The goals share one schedule of the plan and one pass over its tasks,
    so the cost grows with the plan's size, not with goals times tasks.

    Parameters
    ----------
    plan
        The plan.
    as_of
        The date of the judgement.
    policy
        Thresholds and custom rules; :class:`SmartPolicy` defaults if None.
    schedule
        The plan's schedule as of ``as_of`` (``careerkit.schedule(plan,
        as_of=as_of)``), when the caller has it already; computed once, if
        a goal needs it, if None.

    Returns
    -------
    tuple of SmartAssessment
        One per goal, in plan order, as :func:`assess` judges it.

    Raises
    ------
    ValidationError
        ``plan`` is not a :class:`~careerkit.Plan` (path ``plan``), ``policy``
        neither None nor a :class:`SmartPolicy` (path ``policy``), ``as_of``
        not a date (a ``datetime`` is refused; path ``as_of``), or
        ``schedule`` is not a :class:`~careerkit.Schedule` made as of
        ``as_of`` (path ``schedule``).

    Examples
    --------
    >>> [result.subject for result in assess_plan(sample_plan, as_of=date(2026, 11, 26))][:2]
    ['marketing-director', 'ga-certification']
    """
    plan = checked_plan(plan)
    as_of = checked_date(as_of)
    facts = PlanFacts(plan, as_of, given_schedule(schedule, as_of=as_of, plan=plan))
    policy = policy_or_default(policy)
    return tuple(
        _judge(RuleContext(goal=goal, plan=plan, as_of=as_of, policy=policy, facts=facts))
        for goal in plan.goals
    )
