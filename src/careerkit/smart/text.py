"""Judging a goal written as one sentence, which is how people first type goals.

The sentence is read once into a :class:`Sentence`, which answers the
questions the rules on wording, measures and dates ask of a goal
(:class:`~careerkit.smart.policy.Judged`); the same rules as for structured
goals (``specific``, ``measurable`` and ``time_bound`` in
:mod:`careerkit.smart.rules`) then judge it.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from careerkit.model import Horizon, Metric
from careerkit.model.arguments import checked_date, checked_text
from careerkit.smart import _wording as wording
from careerkit.smart._readers import deadline_in
from careerkit.smart.findings import Criterion, SmartAssessment, assessment_of
from careerkit.smart.policy import SmartPolicy, policy_or_default
from careerkit.smart.rules import measurable, specific, time_bound

__all__ = ["Sentence", "assess_text"]


@frozen(kw_only=True)
class Sentence:
    """A goal written as one sentence, read for the SMART rules.

    The deadline (:func:`~careerkit.parse_deadline`), measurable quantities
    (numbers, percentages, counts, named credentials, job titles), time
    signals without a single deadline (a cadence, a season) and purpose
    clauses ("so that", "to become", "in order to") are found in the text.
    A sentence has no metric and no horizon, and is taken to be active.

    Examples
    --------
    >>> sentence = Sentence.read("Run a 5k every week", as_of=date(2026, 11, 26))
    >>> sentence.countable, sentence.deadline, sentence.timed
    (True, None, True)
    """

    title: str
    wording: str
    countable: bool
    deadline: date | None
    timed: bool
    purpose: bool
    as_of: date
    policy: SmartPolicy
    metric: Metric | None = None
    horizon: Horizon | None = None
    active: bool = True

    @classmethod
    def read(cls, text: str, *, as_of: date, policy: SmartPolicy | None = None) -> Sentence:
        """Read a sentence written at ``as_of``.

        Raises
        ------
        ValidationError
            ``text`` is not a string or is longer than 100,000 characters
            (path ``text``); ``as_of`` is not a date (path ``as_of``).
        """
        as_of = checked_date(as_of)
        lowered = wording.normalised(checked_text(text))
        untimed = wording.untimed(lowered)
        countable = any(
            pattern.search(untimed)
            for pattern in (wording.QUANTITY, wording.CREDENTIAL, wording.JOB_TITLE)
        )
        return cls(
            title=text,
            wording=lowered,
            countable=countable,
            deadline=deadline_in(lowered, as_of),
            timed=bool(wording.TIME_SIGNAL.search(lowered) or wording.NUMERIC_DATE.search(lowered)),
            purpose=bool(wording.PURPOSE.search(lowered)),
            as_of=as_of,
            policy=policy_or_default(policy),
        )

    @property
    def measured(self) -> bool:
        """Whether the sentence names something that can be counted or checked."""
        return self.countable

    @property
    def begin(self) -> date:
        """When the sentence was written."""
        return self.as_of


def assess_text(text: str, *, as_of: date, policy: SmartPolicy | None = None) -> SmartAssessment:
    """Judge a goal written as one sentence.

    The sentence is read into a ``Sentence`` and judged by the same
    rules on wording (S), measures (M) and dates (T) as a structured goal.
    Achievable cannot be judged from text alone and is unknown; Relevant is
    met with a purpose clause and unknown without one.

    Every pattern is read in one pass over the text, so the cost grows
    linearly with its length.

    Parameters
    ----------
    text
        The goal as the person wrote it: a string of at most 100,000
        characters (``careerkit.model.rules.MAX_TEXT``, the limit of every
        text field of a plan).
    as_of
        The date it was written, for relative deadlines: a ``date``, not a
        ``datetime``.
    policy
        Thresholds; :class:`~careerkit.SmartPolicy` defaults if None (its
        custom rules judge structured goals only).

    Returns
    -------
    SmartAssessment
        Its subject is the text.

    Raises
    ------
    ValidationError
        ``text`` is not a string or is longer than 100,000 characters (path
        ``text``); ``as_of`` is not a date (path ``as_of``); ``policy`` is
        neither None nor a :class:`~careerkit.SmartPolicy` (path ``policy``).

    Examples
    --------
    >>> assess_text("I want to get better at marketing", as_of=date(2026, 11, 26)).missing
    (<Criterion.SPECIFIC: 'specific'>, <Criterion.MEASURABLE: 'measurable'>, <Criterion.TIME_BOUND: 'time_bound'>)
    >>> result = assess_text("Earn the Google Analytics certification by March 2027",
    ...                      as_of=date(2026, 11, 26))
    >>> result.is_smart, result.score
    (True, 0.8)
    """
    sentence = Sentence.read(text, as_of=as_of, policy=policy)
    findings = [*specific(sentence), *measurable(sentence), *time_bound(sentence)]
    unknown = [Criterion.ACHIEVABLE]
    if not sentence.purpose:
        unknown.append(Criterion.RELEVANT)
    return assessment_of(text, findings, unknown=unknown)
