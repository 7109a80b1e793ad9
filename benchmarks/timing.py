"""Timing shared by the benchmark scripts: best of several runs, garbage collection paused."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds, with garbage collection paused
    while timing as :mod:`timeit` does (the machine's noise only adds time)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            began = time.perf_counter()
            action()
            times.append(time.perf_counter() - began)
        finally:
            gc.enable()
    return min(times)


def rounds(repeat: int, *actions: Callable[[], object]) -> list[list[float]]:
    """The time of every run, in seconds: ``repeat`` rounds in which the actions take
    turns, one list of times per action."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for action, taken in zip(actions, times, strict=True):
            taken.append(best_of(1, action))
    return times


def best_of_each(repeat: int, *actions: Callable[[], object]) -> list[float]:
    """The fastest of ``repeat`` runs of each action, in seconds.

    The actions take turns in every round, so a slow spell of a shared
    machine falls on all of them alike and their ratios stay fair.
    """
    return [min(taken) for taken in rounds(repeat, *actions)]


def paired_ratio(times: list[float], baseline: list[float]) -> float:
    """The median, over the rounds of :func:`rounds`, of a time divided by the
    baseline's time in the same round.

    The speed of a shared machine drifts by more than the targets allow over
    a few seconds: the fastest run of one action and the fastest of another
    may come from different spells. Runs in the same round are a moment
    apart, so the ratio of each round compares like with like; the median
    leaves out a round that a hiccup fell on.
    """
    return statistics.median(time / base for time, base in zip(times, baseline, strict=True))
