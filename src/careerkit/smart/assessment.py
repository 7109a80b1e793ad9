"""SMART goals: Specific, Measurable, Achievable, Relevant, Time-bound.

:func:`assess` judges a structured :class:`~careerkit.Goal` (with its plan,
when given, for the criteria that need it); :func:`assess_text` judges a goal
written as one sentence, which is how people first type goals. Each finding
has a stable code (``S001`` ... ``T004``) so products can translate the
messages, and a suggestion saying how to fix it. Thresholds live in a
:class:`SmartPolicy`; extra rules are functions added to it.

Codes:

==== ======================================================================
S001 vague wording ("improve", "get better at") without a concrete result
S002 a title too short to say what is achieved
S003 no action verb
M001 no metric and no tasks: nothing says when the goal is reached
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

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem, ValidationError
from careerkit.model import Goal, GoalStatus, Horizon, Plan, Status
from careerkit.model import rules as checks
from careerkit.scheduling import schedule
from careerkit.smart.deadlines import parse_deadline
from careerkit.workdays import DayIndex

__all__ = [
    "Criterion",
    "Finding",
    "Rule",
    "Severity",
    "SmartAssessment",
    "SmartPolicy",
    "Verdict",
    "assess",
    "assess_plan",
    "assess_text",
]


class Criterion(enum.Enum):
    """One of the five SMART criteria.

    >>> Criterion("time_bound")
    <Criterion.TIME_BOUND: 'time_bound'>
    """

    SPECIFIC = "specific"
    MEASURABLE = "measurable"
    ACHIEVABLE = "achievable"
    RELEVANT = "relevant"
    TIME_BOUND = "time_bound"


class Verdict(enum.Enum):
    """Whether a criterion is met, unmet, or cannot be judged from what is known."""

    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"


class Severity(enum.Enum):
    """How serious a finding is: an error makes its criterion unmet; a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@frozen(kw_only=True)
class Finding:
    """Something a SMART rule found, with how to fix it.

    Examples
    --------
    >>> Finding(criterion=Criterion.TIME_BOUND, severity=Severity.ERROR, code="T001",
    ...         message="no deadline", suggestion="add one").code
    'T001'
    """

    criterion: Criterion
    severity: Severity
    code: str
    """A stable code such as ``T001``, for products that translate messages."""
    message: str
    suggestion: str


Rule = Callable[["_Context"], Iterable[Finding]]
"""A custom rule, a function of the goal being judged (``context.goal``, with
``context.plan``, ``context.as_of`` and ``context.policy``) returning findings."""


@frozen(kw_only=True)
class SmartPolicy:
    """Thresholds of the SMART rules, and custom rules to add.

    Parameters
    ----------
    min_title_words
        Fewer words than this make a title too short (S002).
    max_active_goals
        More active goals than this are not achievable together (A003).
    rate_factor
        How many times faster than so far a metric may be asked to improve
        (A002).
    horizon_years
        The longest span, in years from start to deadline, for short- and
        medium-term goals; a long-term goal is expected to take at least
        the short-term span (T004).
    rules
        Extra rules, run after the built-in ones.

    Examples
    --------
    >>> SmartPolicy(max_active_goals=3).max_active_goals
    3
    """

    min_title_words: int = 3
    max_active_goals: int = 7
    rate_factor: float = 3.0
    horizon_years: Mapping[Horizon, float] = field(
        factory=lambda: {Horizon.SHORT: 1.0, Horizon.MEDIUM: 3.0, Horizon.LONG: 10.0}
    )
    rules: tuple[Rule, ...] = ()

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_number(
            problems, "min_title_words", self.min_title_words, minimum=1, integer=True
        )
        checks.check_number(
            problems, "max_active_goals", self.max_active_goals, minimum=1, integer=True
        )
        checks.check_number(problems, "rate_factor", self.rate_factor, above=0)
        checks.raise_if_any(problems)


@frozen(kw_only=True)
class SmartAssessment:
    """The SMART verdict on one goal.

    Examples
    --------
    >>> result = assess_text("Earn the Google Analytics certification by March 2027",
    ...                      as_of=date(2026, 11, 26))
    >>> result.is_smart, result.score, [c.value for c in result.missing]
    (True, 0.8, [])
    """

    subject: str
    """The goal's id, or the text judged."""
    verdicts: tuple[tuple[Criterion, Verdict], ...]
    """The verdict of each criterion, in S, M, A, R, T order."""
    findings: tuple[Finding, ...]
    """What the rules found, in S, M, A, R, T order, then by code."""

    def verdict(self, criterion: Criterion) -> Verdict:
        """The verdict on one criterion."""
        return dict(self.verdicts)[criterion]

    @property
    def missing(self) -> tuple[Criterion, ...]:
        """The criteria not met."""
        return tuple(criterion for criterion, verdict in self.verdicts if verdict is Verdict.UNMET)

    @property
    def is_smart(self) -> bool:
        """Whether no criterion is unmet (unknown ones do not count against it)."""
        return not self.missing

    @property
    def score(self) -> float:
        """The score from 0 to 1, one fifth per criterion met and one tenth per unknown one."""
        points = {Verdict.MET: 1.0, Verdict.UNKNOWN: 0.5, Verdict.UNMET: 0.0}
        return round(sum(points[verdict] for _, verdict in self.verdicts) / 5, 6)


@frozen
class _Context:
    goal: Goal
    plan: Plan | None
    as_of: date | None
    policy: SmartPolicy


_VAGUE = re.compile(
    r"\b(improve|get better|be better|be an? better|become better|become an? better|"
    r"be more|do more|learn more|work on|"
    r"grow|develop myself|enhance|try to|be successful|succeed|advance my career|"
    r"progress|boost)\b"
)
_ACTION = re.compile(
    r"\b(earn|complete|finish|pass|get|obtain|achieve|attend|publish|write|build|create|"
    r"launch|lead|manage|run|apply|land|secure|become|present|deliver|give|host|join|"
    r"find|hire|mentor|meet|read|take|enrol|enroll|register|increase|reduce|decrease|"
    r"raise|grow|gain|save|update|submit|organize|organise|speak|teach|train|coach|keep|"
    r"maintain|attain|complete|expand|improve|land|choose|select|send|spend|distribute|"
    r"communicate|provide|solicit|hand|work|practi[cs]e|exercise|call|visit|list|ask|"
    r"answer|respond|share|invite|plan|set|book|make|do|follow|check|help|support|"
    r"learn|study|complete|reach|win|hold|schedule|start|establish|network|connect|"
    r"network|produce|design|develop|implement|double|triple|cut|contact|interview|"
    r"network|sign|master|certify|qualify|volunteer|post|record|track|review|prepare)\w*\b"
)
_QUANTITY = re.compile(
    r"\d|%|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|hundred|dozen|once|twice|weekly|monthly|daily|every)\b"
)
_CREDENTIAL = re.compile(
    r"\b(certificat\w*|certified|license|licence|degree|diploma|mba|phd|master'?s|bachelor'?s|"
    r"pmp|cpa|cfa|shrm|award|promotion|promoted|offer|job|position|role|title|course|class|"
    r"training|session|workshop|program|programme|conference|webinar|paper|article|abstract|"
    r"report|letter|presentation|portfolio|website|system|proposal|application|meeting|"
    r"internships?|journal|group|5k|marathon)\b"
)
# Time-bound without a single deadline: a cadence, a named day or season, a date.
_TIME_SIGNAL = re.compile(
    r"\b(daily|weekly|monthly|quarterly|annually|yearly|each|every|per|a (?:day|week|month|"
    r"year)|this (?:week|month|quarter|year|summer|spring|fall|autumn|winter|semester|term)|"
    r"next (?:week|month|quarter|year|semester|term)|coming (?:week|month|year)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|summer|spring|autumn|winter|semester|"
    r"prior to|before my next|end of the (?:school )?(?:week|day|month|term|semester)|"
    r"mm/dd/yyyy|20xx)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
)
_TITLE = re.compile(
    r"\b(?:become|be promoted to|get promoted to|promotion to|land|secure|move into|"
    r"a role as|a position as|job as|hired as)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}"
    r"(manager|director|head|lead|senior|principal|vp|vice president|chief|officer|"
    r"supervisor|partner|executive|analyst|engineer|specialist|consultant)\b"
)
_PURPOSE = re.compile(
    r"\b(so that|so i can|in order to|to become|to help|to support|which will|that will|"
    r"to prepare for|to qualify for|to advance|to move into|to reach|to improve my chances|"
    r"because|to be promoted|to get promoted|for my career|to grow my career)\b"
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9%']+", text.lower())


def _finding(criterion: Criterion, code: str, message: str, suggestion: str) -> Finding:
    return Finding(
        criterion=criterion,
        severity=Severity.ERROR,
        code=code,
        message=message,
        suggestion=suggestion,
    )


def _warning(criterion: Criterion, code: str, message: str, suggestion: str) -> Finding:
    return Finding(
        criterion=criterion,
        severity=Severity.WARNING,
        code=code,
        message=message,
        suggestion=suggestion,
    )


# -- rules on structured goals --------------------------------------------------


def _specific(context: _Context) -> Iterable[Finding]:
    title = context.goal.title.lower()
    words = _words(title)
    if _VAGUE.search(title) and not (_QUANTITY.search(title) or _CREDENTIAL.search(title)):
        yield _finding(
            Criterion.SPECIFIC,
            "S001",
            f"{context.goal.title!r} says what to get better at, not what will be achieved",
            "name the result, for example 'earn the Google Analytics certification'",
        )
    if len(words) < context.policy.min_title_words:
        yield _finding(
            Criterion.SPECIFIC,
            "S002",
            f"the title has {len(words)} words: too short to say what is achieved",
            "say what will be done and what for, for example 'lead a product launch "
            "for the EMEA team'",
        )
    if not _ACTION.search(title):
        yield _finding(
            Criterion.SPECIFIC,
            "S003",
            "the title has no action verb",
            "start with what you will do: earn, complete, publish, lead, land ...",
        )


def _measurable(context: _Context) -> Iterable[Finding]:
    goal, plan = context.goal, context.plan
    has_tasks = plan is not None and any(task.goal == goal.id for task in plan.tasks)
    if goal.metric is None and not has_tasks:
        yield _finding(
            Criterion.MEASURABLE,
            "M001",
            "nothing says when the goal is reached: no metric and no tasks",
            "add a metric with a baseline and a target (for example contacts from 40 to "
            "120), or the tasks whose completion reaches it",
        )
    if goal.metric is not None and goal.metric.target == goal.metric.baseline:
        yield _finding(
            Criterion.MEASURABLE,
            "M002",
            f"the target of {goal.metric.name!r} equals its baseline ({goal.metric.target:g})",
            "set the target the goal should reach",
        )


def _achievable(context: _Context) -> Iterable[Finding]:
    goal, plan, as_of, policy = context.goal, context.plan, context.as_of, context.policy
    if plan is None or as_of is None:
        return
    active = [other for other in plan.goals if other.status is GoalStatus.ACTIVE]
    if goal.status is GoalStatus.ACTIVE and len(active) > policy.max_active_goals:
        yield _warning(
            Criterion.ACHIEVABLE,
            "A003",
            f"{len(active)} goals are active at once, more than {policy.max_active_goals}",
            "put some goals on hold and focus on the most important ones",
        )
    deadline = plan.deadline_for(goal.id)
    if deadline is None or deadline < as_of or goal.status is not GoalStatus.ACTIVE:
        return
    yield from _capacity(context, deadline)
    yield from _rate(context, deadline)
    try:
        forecast = schedule(plan, as_of=as_of).goal(goal.id)
    except ValidationError:  # a plan the calendar cannot schedule: A004 cannot be judged
        return
    if forecast.late:
        assert forecast.slack is not None
        yield _finding(
            Criterion.ACHIEVABLE,
            "A004",
            f"at the current schedule the goal's work finishes {forecast.finish}, "
            f"{-forecast.slack} working days after the deadline {deadline}",
            "move the deadline, cut scope, or free time for the critical tasks",
        )


def _capacity(context: _Context, deadline: date) -> Iterable[Finding]:
    goal, plan, as_of = context.goal, context.plan, context.as_of
    assert plan is not None
    assert as_of is not None
    days = DayIndex(plan.calendar)
    working_days = max(0, days.boundary_after(deadline) - days.index_of(as_of))
    per_day = plan.weekly_capacity / len(plan.calendar.working_days)
    available = working_days * per_day
    deadlines = {other.id: plan.deadline_for(other.id) for other in plan.goals}
    needed = 0.0
    own = 0.0
    for task in plan.tasks:
        if task.status in (Status.DONE, Status.DROPPED) or task.recurrence is not None:
            continue
        limit = deadlines.get(task.goal)
        if limit is None or limit > deadline:
            continue  # work due after this goal's deadline can wait
        left = task.effort * (1 - task.fraction_complete)
        needed += left
        if task.goal == goal.id:
            own += left
    if own > 0 and needed > available + 1e-9:
        yield _finding(
            Criterion.ACHIEVABLE,
            "A001",
            f"{needed:.0f} hours of work are due by {deadline} (this goal's and others'), "
            f"but only {available:.0f} hours are available until then",
            "move the deadline, lower the effort, or raise the weekly capacity",
        )


def _rate(context: _Context, deadline: date) -> Iterable[Finding]:
    goal, as_of, policy = context.goal, context.as_of, context.policy
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
    if needed_rate > 0 and (past_rate <= 0 or needed_rate > policy.rate_factor * past_rate):
        yield _finding(
            Criterion.ACHIEVABLE,
            "A002",
            f"{metric.name!r} must move {needed_rate * 30:.2f} {metric.unit or 'units'} a month "
            f"to reach {metric.target:g} by {deadline}; so far it moved "
            f"{past_rate * 30:.2f} a month",
            "lower the target, move the deadline, or plan work that speeds progress up",
        )


def _relevant(context: _Context) -> Iterable[Finding]:
    goal, plan = context.goal, context.plan
    vision = plan.vision.lower() if plan is not None else ""
    tied_to_vision = bool(vision) and _overlap(goal.title, vision) >= 2
    if goal.parent is None and not goal.relevant_to and not tied_to_vision:
        yield _finding(
            Criterion.RELEVANT,
            "R001",
            "the goal is linked to nothing: no parent goal, no profile value or interest, "
            "and it does not echo the vision",
            "name the longer-term goal it serves (parent) or the values and interests it "
            "serves (relevant_to)",
        )
    if plan is not None and goal.horizon is Horizon.LONG:
        served = any(other.parent == goal.id for other in plan.goals) or any(
            task.goal == goal.id for task in plan.tasks
        )
        if not served:
            yield _finding(
                Criterion.RELEVANT,
                "R002",
                "a long-term goal with no shorter-term goal or task serving it",
                "break it down: add a short-term goal with this one as its parent",
            )


_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "to",
        "of",
        "in",
        "for",
        "by",
        "on",
        "at",
        "my",
        "i",
        "me",
        "with",
        "within",
        "next",
        "years",
        "year",
        "be",
        "become",
        "will",
        "into",
        "from",
        "as",
    ]
)


def _overlap(text: str, other: str) -> int:
    return len(set(_words(text)) - _STOP & set(_words(other)))


def _time_bound(context: _Context) -> Iterable[Finding]:
    goal, plan, as_of, policy = context.goal, context.plan, context.as_of, context.policy
    if goal.deadline is None:
        example = (as_of or date(2027, 6, 30)).replace(month=6, day=30)
        yield _finding(
            Criterion.TIME_BOUND,
            "T001",
            "the goal has no deadline",
            f"add a deadline, for example 'by {example.year + 1}-06-30'",
        )
        return
    start = goal.start or (plan.start if plan is not None else None)
    if as_of is not None and goal.status is GoalStatus.ACTIVE and goal.deadline < as_of:
        yield _finding(
            Criterion.TIME_BOUND,
            "T003",
            f"the deadline {goal.deadline} has passed and the goal is still active",
            "set a new deadline, or mark the goal achieved, abandoned or on hold",
        )
    begin = start or as_of
    if begin is not None:
        years = (goal.deadline - begin).days / 365.25
        longest = policy.horizon_years[goal.horizon]
        shortest = policy.horizon_years[Horizon.SHORT] if goal.horizon is Horizon.LONG else 0
        if years > longest or years < shortest:
            yield _finding(
                Criterion.TIME_BOUND,
                "T004",
                f"a {goal.horizon.value}-term goal due {years:.1f} years after it starts",
                "change the horizon or the deadline so that they agree",
            )


_RULES: tuple[Rule, ...] = (_specific, _measurable, _achievable, _relevant, _time_bound)
_ORDER = {criterion: position for position, criterion in enumerate(Criterion)}


def _finding_order(finding: Finding) -> tuple[int, str]:
    """Findings in S, M, A, R, T order, then by code."""
    return _ORDER[finding.criterion], finding.code


def assess(
    goal: Goal,
    *,
    plan: Plan | None = None,
    as_of: date | None = None,
    policy: SmartPolicy | None = None,
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

    Returns
    -------
    SmartAssessment
        A criterion with an error finding is unmet; Achievable is unknown
        without a plan and a date; the others are met when nothing is found.

    Examples
    --------
    >>> result = assess(Goal(id="g", title="Improve my skills"))
    >>> [finding.code for finding in result.findings]
    ['S001', 'M001', 'R001', 'T001']
    """
    context = _Context(goal, plan, as_of, policy or SmartPolicy())
    findings = [finding for rule in (*_RULES, *context.policy.rules) for finding in rule(context)]
    unmet = {finding.criterion for finding in findings if finding.severity is Severity.ERROR}
    verdicts = []
    for criterion in Criterion:
        if criterion in unmet:
            verdicts.append((criterion, Verdict.UNMET))
        elif criterion is Criterion.ACHIEVABLE and (plan is None or as_of is None):
            verdicts.append((criterion, Verdict.UNKNOWN))
        else:
            verdicts.append((criterion, Verdict.MET))
    return SmartAssessment(
        subject=goal.id,
        verdicts=tuple(verdicts),
        findings=tuple(sorted(findings, key=_finding_order)),
    )


def assess_plan(
    plan: Plan, *, as_of: date, policy: SmartPolicy | None = None
) -> tuple[SmartAssessment, ...]:
    """Judge every goal of a plan, in plan order.

    >>> [result.subject for result in assess_plan(sample_plan, as_of=date(2026, 11, 26))][:2]
    ['marketing-director', 'ga-certification']
    """
    return tuple(assess(goal, plan=plan, as_of=as_of, policy=policy) for goal in plan.goals)


def assess_text(text: str, *, as_of: date, policy: SmartPolicy | None = None) -> SmartAssessment:
    """Judge a goal written as one sentence.

    The deadline (:func:`parse_deadline`), measurable quantities (numbers,
    percentages, counts, named credentials, job titles), the action and its
    object, and purpose clauses ("so that", "to become", "in order to") are
    found in the text. Achievable cannot be judged from text alone and is
    unknown; Relevant is met with a purpose clause and unknown without one.

    Parameters
    ----------
    text
        The goal as the person wrote it.
    as_of
        The date it was written, for relative deadlines.
    policy
        Thresholds; :class:`SmartPolicy` defaults if None.

    Examples
    --------
    >>> assess_text("I want to get better at marketing", as_of=date(2026, 11, 26)).missing
    (<Criterion.SPECIFIC: 'specific'>, <Criterion.MEASURABLE: 'measurable'>, <Criterion.TIME_BOUND: 'time_bound'>)
    """
    policy = policy or SmartPolicy()
    lowered = " ".join(text.lower().split())
    findings: list[Finding] = []
    quantity = bool(
        _QUANTITY.search(lowered) or _CREDENTIAL.search(lowered) or _TITLE.search(lowered)
    )
    if _VAGUE.search(lowered) and not quantity:
        findings.append(
            _finding(
                Criterion.SPECIFIC,
                "S001",
                "says what to get better at, not what will be achieved",
                "name the result, for example 'earn the Google Analytics certification'",
            )
        )
    if len(_words(lowered)) < policy.min_title_words:
        findings.append(
            _finding(
                Criterion.SPECIFIC,
                "S002",
                "too short to say what is achieved",
                "say what will be done",
            )
        )
    if not _ACTION.search(lowered):
        findings.append(
            _finding(Criterion.SPECIFIC, "S003", "no action verb", "start with what you will do")
        )
    if not quantity:
        findings.append(
            _finding(
                Criterion.MEASURABLE,
                "M001",
                "nothing in the text can be counted or checked",
                "add a number, a credential or a title, for example 'three articles' or "
                "'the PMP certification'",
            )
        )
    deadline = parse_deadline(lowered, as_of=as_of)
    if deadline is None and not _TIME_SIGNAL.search(lowered):
        findings.append(
            _finding(
                Criterion.TIME_BOUND,
                "T001",
                "no deadline",
                f"add a deadline, for example 'by {as_of.year + 1}-06-30'",
            )
        )
    elif deadline is not None and deadline < as_of:
        findings.append(
            _finding(
                Criterion.TIME_BOUND,
                "T003",
                f"the deadline {deadline} has passed",
                "set a new deadline",
            )
        )
    unmet = {finding.criterion for finding in findings}
    purpose = bool(_PURPOSE.search(lowered))
    verdicts = []
    for criterion in Criterion:
        if criterion in unmet:
            verdicts.append((criterion, Verdict.UNMET))
        elif criterion is Criterion.ACHIEVABLE or (criterion is Criterion.RELEVANT and not purpose):
            verdicts.append((criterion, Verdict.UNKNOWN))
        else:
            verdicts.append((criterion, Verdict.MET))
    return SmartAssessment(
        subject=text,
        verdicts=tuple(verdicts),
        findings=tuple(sorted(findings, key=_finding_order)),
    )
