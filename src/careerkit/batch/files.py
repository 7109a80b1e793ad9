"""JSON lines files reviewed on Dask: :func:`~careerkit.batch.review_files`, its block
size and the options of the local clusters it starts.

Dask and distributed come with the ``dask`` extra and are imported only when
the function is called.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from careerkit.batch._blocks import computed, file_tasks
from careerkit.batch._dask import dask_bag, distributed
from careerkit.batch._outcome import checked_policy
from careerkit.batch._paths import matched_files, output_folder
from careerkit.batch.summary import BatchSummary
from careerkit.errors import ValidationError
from careerkit.model.arguments import checked_date, checked_instance, checked_int
from careerkit.planning.review import ReviewPolicy

__all__ = ["DEFAULT_BLOCKSIZE", "QUIET_SCHEDULER", "review_files"]

DEFAULT_BLOCKSIZE = 4 * 1024 * 1024
"""The most bytes of a file read into one partition by :func:`review_files`: 4 MiB,
about 400 plans of fifty tasks, a few seconds of work. Each partition is one
task for a worker, so a batch has at least one task per file."""

QUIET_SCHEDULER: Mapping[str, Any] = MappingProxyType({"dashboard_address": "127.0.0.1:0"})
"""The scheduler options of the local clusters started for a batch.

No dashboard, and the scheduler's small HTTP server (health, metrics) on a
free local port rather than on 8787, which another cluster of the machine may
hold."""


def review_files(
    pattern: str | os.PathLike[str],
    *,
    as_of: date,
    policy: ReviewPolicy | None = None,
    output: str | os.PathLike[str] | None = None,
    client: Any = None,
    workers: int | None = None,
    blocksize: int = DEFAULT_BLOCKSIZE,
) -> BatchSummary:
    """Review every plan of some JSON lines files on Dask; write or return the output lines.

    The files are read with ``dask.bag.read_text`` in blocks of
    ``blocksize`` bytes (a compressed file, ``.jsonl.gz`` say, in one block),
    each line numbered in its file, and reviewed by :func:`review_line` on
    the cluster of ``client``, on a local cluster of ``workers`` processes
    started (and closed) for the batch, or else on Dask's default scheduler
    (the current ``distributed`` client if there is one). A line that is not
    UTF-8 is a bad document like any other. The output lines come in the
    order of the input: files in sorted order, lines in file order.

    Parameters
    ----------
    pattern
        A ``.jsonl`` file, a glob of them (``plans/*.jsonl``) or a directory
        (its ``*.jsonl`` files).
    as_of
        The status date of the review.
    policy : ``careerkit.planning.review.ReviewPolicy`` or None
        The review's thresholds and forecast settings; the policy's defaults
        if None.
    output
        A directory to write the output lines to, as part files
        ``00000.jsonl``, ``00001.jsonl``... (one per block read); it must not
        hold ``.jsonl`` files already. None returns the lines in the summary.
    client
        A ``distributed.Client`` to run on.
    workers
        Without a client, the number of worker processes of a local cluster
        to start for the batch (one thread each).
    blocksize
        The most bytes of a file read into one partition.

    Returns
    -------
    BatchSummary
        The files read, the counts of reviewed and bad lines, and the output
        lines or the part files written.

    Raises
    ------
    MissingExtraError
        Dask or distributed is not installed (the ``dask`` extra).
    ValidationError
        No file matches ``pattern``, ``output`` already holds output lines,
        ``client`` is not a client, ``workers`` or ``blocksize`` not a
        positive integer, both ``client`` and ``workers`` are given,
        ``policy`` is not a review policy, or ``as_of`` is not a date.

    Examples
    --------
    >>> import dask, tempfile
    >>> from pathlib import Path
    >>> text = careerkit.dumps(sample_plan, indent=None)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "plans.jsonl").write_text(f"{text}\\n[]\\n", encoding="utf-8")
    ...     with dask.config.set(scheduler="sync"):
    ...         summary = review_files(folder, as_of=date(2026, 11, 26))
    >>> summary.reviewed, summary.bad, len(summary.lines)
    (1, 1, 2)
    """
    dask_bag()
    cluster_module = distributed()
    checked_date(as_of)
    checked_policy(policy)
    files = matched_files(pattern)
    folder = output_folder(output)
    if client is not None:
        checked_instance(client, cluster_module.Client, "client")
    if workers is not None:
        checked_int(workers, "workers", minimum=1)
        if client is not None:
            raise ValidationError(path="workers", problem="give a client or workers, not both")
    checked_int(blocksize, "blocksize", minimum=1)
    tasks = file_tasks(files, as_of=as_of, policy=policy, folder=folder, blocksize=blocksize)
    if workers is None:
        return computed(tasks, files=files, folder=folder, scheduler=client)
    with (
        cluster_module.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs=dict(QUIET_SCHEDULER),
        ) as cluster,
        cluster_module.Client(cluster) as started,
    ):
        return computed(tasks, files=files, folder=folder, scheduler=started)
