"""Timing shared by the benchmark scripts: best of several runs, garbage collection paused."""

from __future__ import annotations

import gc
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


def best_of_each(repeat: int, *actions: Callable[[], object]) -> list[float]:
    """The fastest of ``repeat`` runs of each action, in seconds.

    The actions take turns in every round, so a slow spell of a shared
    machine falls on all of them alike and their ratios stay fair.
    """
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for action, taken in zip(actions, times, strict=True):
            taken.append(best_of(1, action))
    return [min(taken) for taken in times]
