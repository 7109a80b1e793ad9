"""History: changes between plans, revisions, time travel, storage and merges.

:mod:`careerkit.history.changes` diffs two plans and applies changes;
:mod:`careerkit.history.revisions` keeps the append-only :class:`History`
of revisions with their digests, and merges three plans.
"""

from careerkit.history.changes import Change, Operation, apply, diff
from careerkit.history.revisions import (
    HISTORY_FORMAT,
    Conflict,
    History,
    LogEntry,
    MergeResult,
    Revision,
    RevisionKind,
    TimelinePoint,
    merge,
)

__all__ = [
    "HISTORY_FORMAT",
    "Change",
    "Conflict",
    "History",
    "LogEntry",
    "MergeResult",
    "Operation",
    "Revision",
    "RevisionKind",
    "TimelinePoint",
    "apply",
    "diff",
    "merge",
]
