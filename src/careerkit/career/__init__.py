"""The career domain: skills and gaps, career assets, relationships, options, the job search.

Each module reads a plan as of a date and gives a result value with a JSON
form: :mod:`careerkit.career.skills` the skill gaps against a target role,
:mod:`careerkit.career.assets` the freshness of resumes and profiles,
:mod:`careerkit.career.relationships` the keep-in-touch status and network
breadth, :mod:`careerkit.career.options` the decision matrix of career
options, :mod:`careerkit.career.jobsearch` the funnel of applications, and
:mod:`careerkit.career.redact` the pseudonymised plan to share.
:class:`CareerPolicy` holds the thresholds of the signals that
:func:`careerkit.detect_slippage` raises from them.
"""

from careerkit.career.policy import CareerPolicy

__all__ = ["CareerPolicy"]
