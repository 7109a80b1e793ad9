"""History: changes between plans, revisions, time travel, storage and merges.

One module per concept, each importing only those before it:

- :mod:`careerkit.history.changes` diffs two plans and applies changes (the
  path grammar, the wording of a change and the working copies that apply
  them live in the private ``_grammar``, ``_wording`` and ``_draft``);
- :mod:`careerkit.history.storage` holds the stored form of a history, its
  format versions and chained digests;
- :mod:`careerkit.history.revisions` keeps the append-only :class:`History`
  of revisions, its time travel, baselines and reverts;
- :mod:`careerkit.history.merge` merges two edits of the same plan.
"""

from careerkit.history.changes import Change, Operation, apply, diff, replay
from careerkit.history.merge import Conflict, MergeResult, merge
from careerkit.history.revisions import History, LogEntry, Revision, RevisionKind, TimelinePoint
from careerkit.history.storage import HISTORY_FORMAT

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
    "replay",
]
