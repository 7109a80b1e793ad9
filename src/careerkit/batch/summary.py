"""What a batch of plan files gave: :class:`~careerkit.batch.BatchSummary`."""

from __future__ import annotations

from attrs import frozen

__all__ = ["BatchSummary"]


@frozen(kw_only=True)
class BatchSummary:
    """What a batch of plan files gave: how many plans were reviewed, how many were bad.

    Parameters
    ----------
    files
        The files read, in the order their lines were reviewed.
    reviewed
        The lines that gave a review.
    bad
        The lines that gave an error.
    output
        The directory the output lines were written to; None when they are in
        ``lines``.
    parts
        The part files written under ``output``, in order (empty without one).
    lines
        The output lines, in the order of the input (empty when written to
        ``output``).

    Examples
    --------
    >>> summary = BatchSummary(
    ...     files=("plans.jsonl",), reviewed=2, bad=1, output=None, parts=(), lines=()
    ... )
    >>> summary.total
    3
    """

    files: tuple[str, ...]
    reviewed: int
    bad: int
    output: str | None
    parts: tuple[str, ...]
    lines: tuple[str, ...]

    @property
    def total(self) -> int:
        """The number of lines read, reviewed and bad."""
        return self.reviewed + self.bad
