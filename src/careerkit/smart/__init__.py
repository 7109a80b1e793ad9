"""SMART: are a plan's goals Specific, Measurable, Achievable, Relevant, Time-bound?

:func:`assess` checks a structured goal against the rules,
:func:`assess_text` reads a goal written as free text, and
:func:`parse_deadline` finds the date in a deadline phrase
(:mod:`careerkit.smart.deadlines`).
"""

from careerkit.smart.assessment import (
    Criterion,
    Finding,
    Rule,
    Severity,
    SmartAssessment,
    SmartPolicy,
    Verdict,
    assess,
    assess_plan,
    assess_text,
)
from careerkit.smart.deadlines import parse_deadline

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
    "parse_deadline",
]
