"""Many plans reviewed in one batch, on one machine or a Dask cluster.

A product with many clients stores their plans as JSON lines: one plan
document (as :func:`careerkit.dumps` writes it, with ``indent=None``) per
line, in one or several ``.jsonl`` files. Reviewing them is one pure
function of a line, :func:`review_line`, that writes one JSON line out:

- a plan that reads and reviews well gives
  ``{"id": ..., "file": ..., "line": ..., "review": {...}}``, the review
  being the document of ``careerkit.planning.review.review()`` as of the
  batch's date;
- a bad document (not JSON, not a valid plan, a status date before the
  plan's start...) gives
  ``{"id": ..., "file": ..., "line": ..., "error": {"type": ..., "message": ..., "problems": [...]}}``,
  ``id`` being the document's id when it can be read and None otherwise.

Every input line gives exactly one output line, so nothing is dropped
silently: ``line`` (counted from 1) and ``file`` say where each came from,
and sorting on them gives the input order back. Only the errors careerkit
raises on purpose (:class:`~careerkit.CareerkitError`) are reported per
line; anything else is a bug and stops the batch.

:func:`review_lines` is the plain loop over lines; :func:`review_bag` maps
the same function over a ``dask.bag`` of texts, and :func:`review_files`
reads the files, reviews them on a ``dask.distributed`` cluster (or the
default scheduler) and writes the output lines to a directory of part files
or returns them. The loop and the bag give the same lines. Dask comes with
the ``dask`` extra (``pip install "careerkit[dask]"``) and is imported only
by the functions that need it.

The loop lives in :mod:`careerkit.batch.lines`, the bag in
:mod:`careerkit.batch.bag`, the files in :mod:`careerkit.batch.files` and
the summary in :mod:`careerkit.batch.summary`; every name is importable from
``careerkit.batch`` itself.
"""

from careerkit.batch.bag import review_bag
from careerkit.batch.files import DEFAULT_BLOCKSIZE, QUIET_SCHEDULER, review_files
from careerkit.batch.lines import review_line, review_lines
from careerkit.batch.summary import BatchSummary

__all__ = [
    "DEFAULT_BLOCKSIZE",
    "QUIET_SCHEDULER",
    "BatchSummary",
    "review_bag",
    "review_files",
    "review_line",
    "review_lines",
]
