"""Recurring tasks: expanding RFC 5545 rules into dated occurrences.

Habits such as a monthly networking event are tasks with a ``recurrence``
rule. Rules come from users and products, so expansion is bounded: it stops
at the end given (a goal's deadline), at the rule's own ``UNTIL`` or
``COUNT``, and refuses rules with more than :data:`MAX_OCCURRENCES`
occurrences in their window, or whose occurrences are so sparse that
finding them means searching more than :data:`MAX_OCCURRENCES` steps of the
rule beyond one whole cycle of the calendar (see :func:`occurrences`).
:func:`careerkit.recurrence.read_rule` is the one reader of rule texts (the
model checks rules with it too); it parses with python-dateutil and
remembers the rules it has read, within a bound.
``count_occurrences`` counts a rule without ``BY`` parts, which falls
once in each of its steps, without expanding it, so that a budget of
occurrences can be checked before any work is spent on the dates.

Habits are dates, not times. A date-time ``UNTIL`` (``19971224T000000Z``,
as calendar applications write it) is read as if each occurrence happened
at noon: the occurrence on ``UNTIL``'s own date counts when ``UNTIL``'s
time of day is 12:00:00 or later, and the rule ends the day before
otherwise. This makes the examples of RFC 5545 section 3.8.5.3 (which start
at 09:00 in New York, 13:00 or 14:00 UTC) come out on the dates the RFC
lists.
"""

from careerkit.recurrence._occurrences import (
    MAX_OCCURRENCES,
    NOON,
    count_occurrences,
    occurrences,
)
from careerkit.recurrence._rules import MAX_INTERVAL, Rule, read_rule

__all__ = [
    "MAX_INTERVAL",
    "MAX_OCCURRENCES",
    "NOON",
    "Rule",
    "count_occurrences",
    "occurrences",
    "read_rule",
]
