"""What a SMART judgement says: criteria, findings, verdicts and the assessment.

A rule reports a :class:`Finding` against one :class:`Criterion`; an error
finding makes its criterion unmet, a warning does not. A
:class:`SmartAssessment` gathers the findings and one :class:`Verdict` per
criterion.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable

from attrs import frozen

from careerkit.io import result_document

__all__ = ["Criterion", "Finding", "Severity", "SmartAssessment", "Verdict", "assessment_of"]


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


@result_document("finding")
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


@result_document("smart_assessment", properties=("missing", "is_smart", "score"))
@frozen(kw_only=True)
class SmartAssessment:
    """The SMART verdict on one goal.

    Examples
    --------
    >>> result = SmartAssessment(
    ...     subject="cert",
    ...     verdicts=tuple((criterion, Verdict.MET) for criterion in Criterion),
    ...     findings=())
    >>> result.is_smart, result.score, result.missing
    (True, 1.0, ())
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
        """The share of the criteria met, from 0 to 1; an unknown one counts half."""
        points = {Verdict.MET: 1.0, Verdict.UNKNOWN: 0.5, Verdict.UNMET: 0.0}
        return round(sum(points[verdict] for _, verdict in self.verdicts) / 5, 6)


_ORDER = {criterion: position for position, criterion in enumerate(Criterion)}


def assessment_of(
    subject: str, findings: Iterable[Finding], *, unknown: Collection[Criterion] = ()
) -> SmartAssessment:
    """The assessment the findings make: a criterion with an error finding is
    unmet, one in ``unknown`` cannot be judged, the others are met.

    >>> finding = Finding(criterion=Criterion.TIME_BOUND, severity=Severity.ERROR,
    ...                   code="T001", message="no deadline", suggestion="add one")
    >>> assessment_of("g", [finding], unknown={Criterion.ACHIEVABLE}).score
    0.7
    """
    found = sorted(findings, key=lambda finding: (_ORDER[finding.criterion], finding.code))
    unmet = {finding.criterion for finding in found if finding.severity is Severity.ERROR}
    verdicts = tuple(
        (
            criterion,
            Verdict.UNMET
            if criterion in unmet
            else Verdict.UNKNOWN
            if criterion in unknown
            else Verdict.MET,
        )
        for criterion in Criterion
    )
    return SmartAssessment(subject=subject, verdicts=verdicts, findings=tuple(found))
