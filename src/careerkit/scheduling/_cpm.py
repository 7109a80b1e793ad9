"""The critical-path method on integer working-day boundaries.

Abbreviations used here: es/ef/ls/lf are the early start, early finish, late
start and late finish of a node. Times are working-day *boundaries*: a node
with duration d starting at boundary s occupies working days s .. s + d - 1
and finishes at boundary s + d. Links are ``(node, code, lag)`` with the codes
of :mod:`careerkit.model.network` (finish-to-start, start-to-start,
finish-to-finish, start-to-finish).
"""

from __future__ import annotations

from collections.abc import Sequence

from careerkit.model.network import FF, FS, SS

__all__ = ["Links", "backward", "earliest_start", "forward", "free_float", "link_slack"]

Links = Sequence[Sequence[tuple[int, int, int]]]
_NONE_YET = 1 << 62  # larger than any boundary


def earliest_start(
    node: int,
    lowest: int,
    *,
    predecessors: Links,
    durations: Sequence[int],
    es: Sequence[int],
    ef: Sequence[int],
) -> tuple[int, bool]:
    """The earliest start a node's placed predecessors allow, from ``lowest`` on, and
    whether a predecessor's finish (a finish-to-start or finish-to-finish link),
    rather than ``lowest`` or a start, sets it."""
    duration = durations[node]
    start = lowest
    by_finish = False
    for before, code, lag in predecessors[node]:
        if code == FS:
            bound = ef[before] + lag
        elif code == SS:
            bound = es[before] + lag
        elif code == FF:
            bound = ef[before] + lag - duration
        else:  # SF
            bound = es[before] + lag - duration
        if bound > start:
            start, by_finish = bound, code in (FS, FF)
        elif bound == start and code in (FS, FF) and start > lowest:
            by_finish = True
    return start, by_finish


def forward(
    predecessors: Links,
    order: Sequence[int],
    durations: Sequence[int],
    earliest: Sequence[int],
    fixed: Sequence[tuple[int, int] | None],
) -> tuple[list[int], list[int]]:
    """The forward pass: early starts and finishes.

    ``earliest`` is each node's lowest start (plan start, ``not_before``,
    status date); ``fixed`` gives ``(es, ef)`` for nodes whose dates are
    facts (work done or started), None for the others.
    """
    count = len(durations)
    es = [0] * count
    ef = [0] * count
    for node in order:
        pinned = fixed[node]
        if pinned is not None:
            es[node], ef[node] = pinned
            continue
        # earliest_start inlined: this loop runs once per link of every plan scheduled.
        duration = durations[node]
        start = earliest[node]
        for before, code, lag in predecessors[node]:
            if code == FS:
                bound = ef[before] + lag
            elif code == SS:
                bound = es[before] + lag
            elif code == FF:
                bound = ef[before] + lag - duration
            else:  # SF
                bound = es[before] + lag - duration
            if bound > start:
                start = bound
        es[node] = start
        ef[node] = start + duration
    return es, ef


def backward(
    successors: Links,
    order: Sequence[int],
    spans: Sequence[int],
    latest: Sequence[int],
) -> tuple[list[int], list[int]]:
    """The backward pass: late starts and finishes.

    ``spans`` is each node's scheduled length (its duration, or what remains
    of it for work in progress); ``latest`` its highest finish (the project
    finish, lowered by ``due`` dates and goal deadlines).
    """
    count = len(spans)
    ls = [0] * count
    lf = [0] * count
    for node in reversed(order):
        duration = spans[node]
        finish = latest[node]
        for after, code, lag in successors[node]:
            if code == FS:
                bound = ls[after] - lag
            elif code == SS:
                bound = ls[after] - lag + duration
            elif code == FF:
                bound = lf[after] - lag
            else:  # SF
                bound = lf[after] - lag + duration
            if bound < finish:
                finish = bound
        lf[node] = finish
        ls[node] = finish - duration
    return ls, lf


def link_slack(
    before: int, after: int, code: int, lag: int, *, es: Sequence[int], ef: Sequence[int]
) -> int:
    """How far ``before`` can slip before the link moves ``after``."""
    if code == FS:
        return es[after] - lag - ef[before]
    if code == SS:
        return es[after] - lag - es[before]
    if code == FF:
        return ef[after] - lag - ef[before]
    return ef[after] - lag - es[before]  # SF


def free_float(
    links: Sequence[tuple[int, int, int]],
    start: int,
    finish: int,
    *,
    es: Sequence[int],
    ef: Sequence[int],
    project_finish: int,
) -> int:
    """How far a node that starts at ``start`` and finishes at ``finish`` can slip
    without moving any of its successors (``links``); a node without successors
    can slip up to the project's finish."""
    if not links:
        return project_finish - finish
    smallest = _NONE_YET
    for after, code, lag in links:
        if code == FS:
            slack = es[after] - lag - finish
        elif code == SS:
            slack = es[after] - lag - start
        elif code == FF:
            slack = ef[after] - lag - finish
        else:  # SF
            slack = ef[after] - lag - start
        if slack < smallest:
            smallest = slack
    return smallest
