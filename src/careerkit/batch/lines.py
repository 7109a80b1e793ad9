"""The plain loop: one plan per JSON line reviewed, one JSON line out.

:func:`~careerkit.batch.review_line` reviews the plan of one line;
:func:`~careerkit.batch.review_lines` loops over the lines of a file (or any
texts), numbering them from 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from careerkit.batch._outcome import checked_policy, checked_text, outcome
from careerkit.errors import ValidationError
from careerkit.model.arguments import checked_date, checked_instance, checked_int
from careerkit.planning.review import ReviewPolicy

__all__ = ["review_line", "review_lines"]


def review_line(
    text: str,
    *,
    as_of: date,
    policy: ReviewPolicy | None = None,
    file: str | None = None,
    line: int | None = None,
) -> str:
    """Review the plan on one JSON line; one JSON line out, a review or an error.

    Parameters
    ----------
    text
        The plan document, on one line (a trailing line ending is ignored).
    as_of
        The status date of the review.
    policy : ``careerkit.planning.review.ReviewPolicy`` or None
        The review's thresholds and forecast settings; the policy's defaults
        if None.
    file
        The file the line comes from, written to the output as ``file``.
    line
        The line's number in its file, counted from 1, written as ``line``.

    Returns
    -------
    str
        One line of JSON (no line ending): ``{"id", "file", "line", "review"}``
        or ``{"id", "file", "line", "error"}``, the error holding its
        ``type``, ``message`` and ``problems`` (each a ``path`` and a
        ``problem``).

    Raises
    ------
    ValidationError
        ``text`` is not a string, ``as_of`` not a date, ``policy`` not a
        review policy, ``file`` not a string
        or ``line`` not a positive integer. A bad document is not raised: it
        is the error line.

    Examples
    --------
    >>> import json
    >>> text = careerkit.dumps(sample_plan, indent=None)
    >>> out = json.loads(review_line(text, as_of=date(2026, 11, 26), line=1))
    >>> out["id"], out["line"], out["review"]["plan"], out["review"]["next_review"]
    ('maya-okafor-director-plan', 1, 'maya-okafor-director-plan', '2026-12-07')
    >>> out = json.loads(review_line(text, as_of=date(2025, 1, 1), line=2))
    >>> out["id"], out["error"]["problems"]
    ('maya-okafor-director-plan', [{'path': 'as_of', 'problem': "2025-01-01 is before the plan's start 2026-01-05"}])
    >>> json.loads(review_line("{not json", as_of=date(2026, 11, 26)))["error"]["type"]
    'ValidationError'
    """
    checked_text(text, "text")
    checked_date(as_of)
    checked_policy(policy)
    if file is not None:
        checked_instance(file, str, "file")
    if line is not None:
        checked_int(line, "line", minimum=1)
    return outcome(text, as_of=as_of, policy=policy, file=file, line=line)[0]


def review_lines(
    lines: Iterable[str],
    *,
    as_of: date,
    policy: ReviewPolicy | None = None,
    file: str | None = None,
) -> Iterator[str]:
    """Review the plan on each line, in order: the plain loop of :func:`review_line`.

    Parameters
    ----------
    lines
        The JSON lines, such as an open ``.jsonl`` file.
    as_of
        The status date of the review.
    policy : ``careerkit.planning.review.ReviewPolicy`` or None
        The review's thresholds and forecast settings; the policy's defaults
        if None.
    file
        The file the lines come from, written to each output line.

    Returns
    -------
    Iterator[str]
        One output line per input line, numbered from 1, lazily.

    Raises
    ------
    ValidationError
        ``as_of`` is not a date, ``policy`` not a review policy or ``file``
        not a string (at the call);
        ``lines`` is not iterable, or an item of it not a string (path
        ``lines[n]``, when the loop reaches it).

    Examples
    --------
    >>> import json
    >>> text = careerkit.dumps(sample_plan, indent=None)
    >>> out = review_lines([text, "[]"], as_of=date(2026, 11, 26), file="plans.jsonl")
    >>> [sorted(json.loads(line)) for line in out]
    [['file', 'id', 'line', 'review'], ['error', 'file', 'id', 'line']]
    """
    checked_date(as_of)
    checked_policy(policy)
    if file is not None:
        checked_instance(file, str, "file")
    if isinstance(lines, str | bytes) or not isinstance(lines, Iterable):
        raise ValidationError(
            path="lines", problem=f"expected an iterable of texts, got {type(lines).__name__}"
        )
    return _review_each(lines, as_of=as_of, policy=policy, file=file)


def _review_each(
    lines: Iterable[str], *, as_of: date, policy: ReviewPolicy | None, file: str | None
) -> Iterator[str]:
    for number, text in enumerate(lines, 1):
        checked_text(text, f"lines[{number - 1}]")
        yield outcome(text, as_of=as_of, policy=policy, file=file, line=number)[0]
