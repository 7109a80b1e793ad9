"""The Dask tasks of a batch of files: one per block read, each reviewing its lines and
writing them to its part file or keeping them; and the summary of their results."""

from __future__ import annotations

import os
from datetime import date
from typing import Any, cast

from careerkit.batch._dask import dask_bag, numbered_parts
from careerkit.batch._outcome import outcomes
from careerkit.batch._paths import part_path
from careerkit.batch.summary import BatchSummary
from careerkit.errors import require
from careerkit.planning.review import ReviewPolicy

__all__ = ["computed", "file_tasks"]


def file_tasks(
    files: tuple[str, ...],
    *,
    as_of: date,
    policy: ReviewPolicy | None,
    folder: str | None,
    blocksize: int,
) -> Any:
    """A bag of one task per block of each file: it reviews the block's lines, numbered
    in their file, and writes them to its part file under ``folder`` or keeps them."""
    bag_module = dask_bag()
    compression = cast("Any", require("fsspec.utils", "dask")).infer_compression
    reviewed = []
    parts = 0
    for name in files:
        blocks = bag_module.read_text(
            name,
            blocksize=None if compression(name) else blocksize,  # a compressed file is one block
            encoding="utf-8",
            errors="surrogateescape",
        )
        listed, firsts = numbered_parts(blocks)
        numbers = range(parts, parts + blocks.npartitions)
        targets = [None if folder is None else part_path(folder, n) for n in numbers]
        parts += blocks.npartitions
        reviewed.append(
            bag_module.map_partitions(
                _review_block,
                listed,
                firsts,
                bag_module.from_sequence(targets, npartitions=len(targets)),
                as_of=as_of,
                policy=policy,
                file=name,
            )
        )
    return bag_module.concat(reviewed)


def computed(
    tasks: Any, *, files: tuple[str, ...], folder: str | None, scheduler: Any
) -> BatchSummary:
    """Run the bag of block tasks; the summary of what they gave."""
    if folder is not None:
        os.makedirs(folder, exist_ok=True)
    results = tasks.compute(scheduler=scheduler)
    return BatchSummary(
        files=files,
        reviewed=sum(reviewed for _, reviewed, _ in results),
        bad=sum(bad for _, _, bad in results),
        output=folder,
        parts=() if folder is None else tuple(part_path(folder, n) for n in range(len(results))),
        lines=tuple(line for kept, _, _ in results for line in kept),
    )


def _review_block(
    lines: list[object],
    firsts: list[int],
    targets: list[str | None],
    *,
    as_of: date,
    policy: ReviewPolicy | None,
    file: str,
) -> list[tuple[list[str], int, int]]:
    """The output lines of a block (none when written to its target), and the numbers
    of lines reviewed and bad."""
    found = outcomes(lines, as_of=as_of, policy=policy, file=file, first=firsts[0])
    target = targets[0]
    kept = [line for line, _ in found]
    bad = sum(1 for _, error in found if error)
    if target is not None:
        with open(target, "w", encoding="utf-8") as out:
            out.writelines(f"{line}\n" for line in kept)
        kept = []
    return [(kept, len(found) - bad, bad)]
