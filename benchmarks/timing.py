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
