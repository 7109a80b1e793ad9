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
"""

from __future__ import annotations

import glob
import json
import operator
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, cast

from attrs import frozen

from careerkit.errors import CareerkitError, ValidationError, require
from careerkit.io import from_dict, to_dict
from careerkit.io.reading import read_json
from careerkit.model import Plan
from careerkit.model.arguments import checked_date, checked_instance, checked_int
from careerkit.planning.review import ReviewPolicy, review

__all__ = [
    "DEFAULT_BLOCKSIZE",
    "QUIET_SCHEDULER",
    "BatchSummary",
    "review_bag",
    "review_files",
    "review_line",
    "review_lines",
]

DEFAULT_BLOCKSIZE = 4 * 1024 * 1024
"""The most bytes of a file read into one partition by :func:`review_files`: 4 MiB,
about 400 plans of fifty tasks, a few seconds of work. Each partition is one
task for a worker, so a batch has at least one task per file."""

QUIET_SCHEDULER: Mapping[str, Any] = MappingProxyType({"dashboard_address": "127.0.0.1:0"})
"""The scheduler options of the local clusters started for a batch.

No dashboard, and the scheduler's small HTTP server (health, metrics) on a
free local port rather than on 8787, which another cluster of the machine may
hold."""


def _review_document(plan: Plan, as_of: date, policy: ReviewPolicy | None) -> dict[str, Any]:
    """The review of one plan as a JSON-ready document."""
    return to_dict(review(plan, as_of=as_of, policy=policy))


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
    _checked_text(text, "text")
    checked_date(as_of)
    _checked_policy(policy)
    if file is not None:
        checked_instance(file, str, "file")
    if line is not None:
        checked_int(line, "line", minimum=1)
    return _outcome(text, as_of=as_of, policy=policy, file=file, line=line)[0]


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
    _checked_policy(policy)
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
        _checked_text(text, f"lines[{number - 1}]")
        yield _outcome(text, as_of=as_of, policy=policy, file=file, line=number)[0]


def _checked_policy(policy: object) -> None:
    if policy is not None:
        checked_instance(policy, ReviewPolicy, "policy")


def _checked_text(text: object, path: str) -> str:
    if not isinstance(text, str):
        raise ValidationError(path=path, problem=f"expected a text, got {type(text).__name__}")
    return text


def _outcome(
    text: str, *, as_of: date, policy: ReviewPolicy | None, file: str | None, line: int | None
) -> tuple[str, bool]:
    """The output line of one input line (arguments already checked), and whether it is
    an error."""
    document: object = None
    try:
        document = read_json(_line_bytes(text.removesuffix("\n").removesuffix("\r")))
        plan = from_dict(cast("Any", document))
        body: dict[str, Any] = {"review": _review_document(plan, as_of, policy)}
    except CareerkitError as error:
        body = {"error": _error_document(error)}
    identifier = document.get("id") if isinstance(document, dict) else None
    out = {"id": identifier if isinstance(identifier, str) else None, "file": file, "line": line}
    # ASCII: a lone surrogate quoted from a bad document cannot break a UTF-8 file.
    return json.dumps({**out, **body}, allow_nan=False), "error" in body


def _line_bytes(text: str) -> bytes:
    """A line's UTF-8 bytes: the bytes a file held where they did not decode (read with
    ``surrogateescape``), so that the reader reports them; other lone surrogates as
    the invalid UTF-8 they are."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _error_document(error: CareerkitError) -> dict[str, Any]:
    problems = error.problems if isinstance(error, ValidationError) else ()
    return {
        "type": type(error).__name__,
        "message": str(error),
        "problems": [{"path": found.path, "problem": found.problem} for found in problems],
    }


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
    >>> text = careerkit.dumps(sample_plan, indent=None)
    >>> texts = dask.bag.from_sequence([text, "{}", text], npartitions=2)
    >>> out = review_bag(texts, as_of=date(2026, 11, 26)).compute(scheduler="sync")
    >>> out == list(review_lines([text, "{}", text], as_of=date(2026, 11, 26)))
    True
    """
    dask_bag = _dask_bag()
    checked_instance(bag, dask_bag.Bag, "bag")
    checked_date(as_of)
    _checked_policy(policy)
    if file is not None:
        checked_instance(file, str, "file")
    return _numbered_bag(bag, as_of=as_of, policy=policy, file=file)


def _dask_bag() -> Any:
    """The module dask.bag, or MissingExtraError naming the extra."""
    require("dask", "dask")
    return require("dask.bag", "dask")


def _numbered_parts(bag: Any) -> tuple[Any, Any]:
    """A bag as lists, one per partition, and the bag of the number of its first line
    (one per partition): one more than the lines of the partitions before it, summed
    from one partition to the next, so the graph grows with the partitions."""
    listed = bag.map_partitions(list)
    counts = listed.map_partitions(_count_lines)
    firsts = _dask_bag().map_partitions(_first_line, counts.accumulate(operator.add), counts)
    return listed, firsts


def _count_lines(lines: list[object]) -> list[int]:
    return [len(lines)]


def _first_line(totals: list[int], counts: list[int]) -> list[int]:
    """The first number of a partition: the lines up to its end, less its own, plus one."""
    return [totals[0] - counts[0] + 1]


def _numbered_bag(bag: Any, *, as_of: date, policy: ReviewPolicy | None, file: str | None) -> Any:
    """The bag of output lines of a bag of texts."""
    listed, firsts = _numbered_parts(bag)
    return _dask_bag().map_partitions(
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
    outcomes = _outcomes(lines, as_of=as_of, policy=policy, file=file, first=firsts[0])
    return [line for line, _ in outcomes]


def _outcomes(
    lines: list[object], *, as_of: date, policy: ReviewPolicy | None, file: str | None, first: int
) -> list[tuple[str, bool]]:
    """The output lines of a partition, with whether each is an error."""
    out = []
    for number, text in enumerate(lines, first):
        _checked_text(text, f"bag[{number - 1}]")
        out.append(_outcome(cast("str", text), as_of=as_of, policy=policy, file=file, line=number))
    return out


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
    _dask_bag()
    distributed = cast("Any", require("distributed", "dask"))
    checked_date(as_of)
    _checked_policy(policy)
    files = _files(pattern)
    folder = _output_folder(output)
    if client is not None:
        checked_instance(client, distributed.Client, "client")
    if workers is not None:
        checked_int(workers, "workers", minimum=1)
        if client is not None:
            raise ValidationError(path="workers", problem="give a client or workers, not both")
    checked_int(blocksize, "blocksize", minimum=1)
    tasks = _file_tasks(files, as_of=as_of, policy=policy, folder=folder, blocksize=blocksize)
    if workers is None:
        return _computed(tasks, files=files, folder=folder, scheduler=client)
    with (
        distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs=dict(QUIET_SCHEDULER),
        ) as cluster,
        distributed.Client(cluster) as started,
    ):
        return _computed(tasks, files=files, folder=folder, scheduler=started)


def _files(pattern: object) -> tuple[str, ...]:
    if not isinstance(pattern, str | os.PathLike):
        raise ValidationError(
            path="pattern", problem=f"expected a path or a glob, got {type(pattern).__name__}"
        )
    name = os.fspath(pattern)
    if not isinstance(name, str):
        raise ValidationError(path="pattern", problem="expected a path as text, got bytes")
    if os.path.isdir(name):
        name = os.path.join(name, "*.jsonl")
    found = tuple(sorted(path for path in glob.glob(name) if os.path.isfile(path)))
    if not found:
        raise ValidationError(path="pattern", problem=f"no file matches {name!r}")
    return found


def _output_folder(output: object) -> str | None:
    if output is None:
        return None
    if not isinstance(output, str | os.PathLike):
        raise ValidationError(
            path="output", problem=f"expected a directory, got {type(output).__name__}"
        )
    folder = os.fspath(output)
    if not isinstance(folder, str):
        raise ValidationError(path="output", problem="expected a path as text, got bytes")
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ValidationError(path="output", problem=f"{folder!r} is not a directory")
    if glob.glob(os.path.join(glob.escape(folder), "*.jsonl")):
        raise ValidationError(path="output", problem=f"{folder!r} already holds .jsonl files")
    return folder


def _file_tasks(
    files: tuple[str, ...],
    *,
    as_of: date,
    policy: ReviewPolicy | None,
    folder: str | None,
    blocksize: int,
) -> Any:
    """A bag of one task per block of each file: it reviews the block's lines, numbered
    in their file, and writes them to its part file under ``folder`` or keeps them."""
    dask_bag = _dask_bag()
    compression = cast("Any", require("fsspec.utils", "dask")).infer_compression
    reviewed = []
    parts = 0
    for name in files:
        blocks = dask_bag.read_text(
            name,
            blocksize=None if compression(name) else blocksize,  # a compressed file is one block
            encoding="utf-8",
            errors="surrogateescape",
        )
        listed, firsts = _numbered_parts(blocks)
        numbers = range(parts, parts + blocks.npartitions)
        targets = [None if folder is None else _part_path(folder, n) for n in numbers]
        parts += blocks.npartitions
        reviewed.append(
            dask_bag.map_partitions(
                _review_block,
                listed,
                firsts,
                dask_bag.from_sequence(targets, npartitions=len(targets)),
                as_of=as_of,
                policy=policy,
                file=name,
            )
        )
    return dask_bag.concat(reviewed)


def _part_path(folder: str, number: int) -> str:
    return os.path.join(folder, f"{number:05d}.jsonl")


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
    outcomes = _outcomes(lines, as_of=as_of, policy=policy, file=file, first=firsts[0])
    target = targets[0]
    kept = [line for line, _ in outcomes]
    bad = sum(1 for _, error in outcomes if error)
    if target is not None:
        with open(target, "w", encoding="utf-8") as out:
            out.writelines(f"{line}\n" for line in kept)
        kept = []
    return [(kept, len(outcomes) - bad, bad)]


def _computed(
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
        parts=() if folder is None else tuple(_part_path(folder, n) for n in range(len(results))),
        lines=tuple(line for kept, _, _ in results for line in kept),
    )
