"""SMART: are a plan's goals Specific, Measurable, Achievable, Relevant, Time-bound?

Modules, lowest first:

* :mod:`careerkit.smart.findings`: criteria, findings, verdicts and the
  assessment they make;
* :mod:`careerkit.smart.policy`: the thresholds (:class:`SmartPolicy`), what
  a rule is given (:class:`RuleContext`) and asks of a goal (:class:`Judged`);
* :mod:`careerkit.smart.rules`: the built-in rules, :func:`assess` and
  :func:`assess_plan` for structured goals;
* :mod:`careerkit.smart.text`: :func:`assess_text` for a goal written as one
  sentence, judged by the same rules;
* :mod:`careerkit.smart.deadlines`: :func:`parse_deadline` finds the date in
  a deadline phrase.
"""

from careerkit.smart.deadlines import parse_deadline
from careerkit.smart.findings import Criterion, Finding, Severity, SmartAssessment, Verdict
from careerkit.smart.policy import Judged, Rule, RuleContext, SmartPolicy
from careerkit.smart.rules import assess, assess_plan
from careerkit.smart.text import Sentence, assess_text

__all__ = [
    "Criterion",
    "Finding",
    "Judged",
    "Rule",
    "RuleContext",
    "Sentence",
    "Severity",
    "SmartAssessment",
    "SmartPolicy",
    "Verdict",
    "assess",
    "assess_plan",
    "assess_text",
    "parse_deadline",
]
