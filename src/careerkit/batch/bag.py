"""A Dask bag of JSON lines reviewed: :func:`~careerkit.batch.review_bag`.

Dask comes with the ``dask`` extra and is imported only when the function is
called.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from careerkit.batch._dask import dask_bag, numbered_parts
from careerkit.batch._outcome import checked_policy, outcomes
from careerkit.model.arguments import checked_date, checked_instance
from careerkit.planning.review import ReviewPolicy

__all__ = ["review_bag"]


def review_bag(
    bag: Any, *, as_of: date, policy: ReviewPolicy | None = None, file: str | None = None
) -> Any:
    """Review a Dask bag of JSON lines: a bag of output lines, in the same order.

    Each text is reviewed by :func:`review_line` and numbered by its place in
    the bag, from 1, so the bag gives the lines :func:`review_lines` gives.
    Nothing is computed until the bag is.

    Parameters
    ----------
    bag
        A ``dask.bag.Bag`` of texts, one plan document each, such as
        ``dask.bag.read_text("plans.jsonl")`` gives.
    as_of
        The status date of the review.
    policy : ``careerkit.planning.review.ReviewPolicy`` or None
        The review's thresholds and forecast settings; the policy's defaults
        if None.
    file
        The file the texts come from, written to each output line.

    Returns
    -------
    dask.bag.Bag
        The output lines, one per text.

    Raises
    ------
    MissingExtraError
        Dask is not installed (the ``dask`` extra).
    ValidationError
        ``bag`` is not a Dask bag, ``as_of`` not a date, ``policy`` not a
        review policy or ``file`` not a
        string; an item that is not a text, when the bag is computed.

    Examples
    --------
    >>> import dask.bag
    >>> from careerkit.batch import review_lines
    >>> text = careerkit.dumps(sample_plan, indent=None)
    >>> texts = dask.bag.from_sequence([text, "{}", text], npartitions=2)
    >>> out = review_bag(texts, as_of=date(2026, 11, 26)).compute(scheduler="sync")
    >>> out == list(review_lines([text, "{}", text], as_of=date(2026, 11, 26)))
    True
    """
    bag_module = dask_bag()
    checked_instance(bag, bag_module.Bag, "bag")
    checked_date(as_of)
    checked_policy(policy)
    if file is not None:
        checked_instance(file, str, "file")
    return _numbered_bag(bag, as_of=as_of, policy=policy, file=file)


def _numbered_bag(bag: Any, *, as_of: date, policy: ReviewPolicy | None, file: str | None) -> Any:
    """The bag of output lines of a bag of texts."""
    listed, firsts = numbered_parts(bag)
    return dask_bag().map_partitions(
        _review_part, listed, firsts, as_of=as_of, policy=policy, file=file
    )


def _review_part(
    lines: list[object],
    firsts: list[int],
    *,
    as_of: date,
    policy: ReviewPolicy | None,
    file: str | None,
) -> list[str]:
    found = outcomes(lines, as_of=as_of, policy=policy, file=file, first=firsts[0])
    return [line for line, _ in found]
