"""Dask, imported when a function needs it, and the numbering of a bag's lines."""

from __future__ import annotations

import operator
from typing import Any

from careerkit.errors import require

__all__ = ["dask_bag", "distributed", "numbered_parts"]


def dask_bag() -> Any:
    """The module dask.bag, or MissingExtraError naming the extra."""
    require("dask", "dask")
    return require("dask.bag", "dask")


def distributed() -> Any:
    """The module distributed, or MissingExtraError naming the extra."""
    return require("distributed", "dask")


def numbered_parts(bag: Any) -> tuple[Any, Any]:
    """A bag as lists, one per partition, and the bag of the number of its first line
    (one per partition): one more than the lines of the partitions before it, summed
    from one partition to the next, so the graph grows with the partitions."""
    listed = bag.map_partitions(list)
    counts = listed.map_partitions(_count_lines)
    firsts = dask_bag().map_partitions(_first_line, counts.accumulate(operator.add), counts)
    return listed, firsts


def _count_lines(lines: list[object]) -> list[int]:
    return [len(lines)]


def _first_line(totals: list[int], counts: list[int]) -> list[int]:
    """The first number of a partition: the lines up to its end, less its own, plus one."""
    return [totals[0] - counts[0] + 1]
