"""Time and memory of hostile cases against ``loads`` of the same document.

Runs the ``bounded`` and ``crash`` cases of ``tests/hostile_cases.py``, each
in its own forked process stopped after ``--timeout`` seconds. For each it
prints the time (best of ``--repeat`` runs) and the peak memory traced by
:mod:`tracemalloc` of ``careerkit.loads`` of the case's document, then of the
case's call on the plan read, and their ratios. A case without a document of
its own (a phrase for ``parse_deadline``, say) is compared with the document
its case names as reference, or else with the smallest plan.

Target: every case within 20x its own ``loads`` time and 20x its memory, or
refused within that. A case that raises anything but a ``CareerkitError``,
or runs out of time, misses the target.

    python benchmarks/bench_hostile.py [--case NAME]... [--timeout S] [--repeat R]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
import tracemalloc
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile_cases import BY_NAME, CASES, Case, plan_text
from timing import best_of

import careerkit

TARGET = 20.0
SECTIONS = ("bounded", "crash")


def _peak(action: Callable[[], object]) -> int:
    """The peak memory traced while ``action`` runs, in bytes above what was held before."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        action()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def _refusal(action: Callable[[], object]) -> str:
    """'' when ``action`` returns, 'refused' on a CareerkitError; anything else propagates."""
    try:
        action()
    except careerkit.CareerkitError:
        return "refused"
    return ""


def _timed(repeat: int, action: Callable[[], object]) -> float:
    """The time of one run of ``action``, or the best of ``repeat`` when one is quick."""
    once = best_of(1, action)
    return once if once > 0.5 else min(once, best_of(repeat, action))


def measure(case: Case, repeat: int, report: Callable[[dict[str, Any]], None]) -> None:
    """Measure one case in this process, reporting each measurement as soon as it is made."""
    text = case.document()
    reference = case.reference() if case.reference else text if text is not None else plan_text()
    report({"loads_s": _timed(repeat, lambda: _refusal(lambda: careerkit.loads(reference)))})
    report({"loads_b": _peak(lambda: _refusal(lambda: careerkit.loads(reference)))})
    value: Any = None
    if text is not None:
        try:
            value = case.read(text)
        except careerkit.CareerkitError:
            report({"outcome": "refused at the door"})
            report({"case_s": _timed(repeat, lambda: _refusal(lambda: case.read(text)))})
            report({"case_b": _peak(lambda: _refusal(lambda: case.read(text)))})
            return
    outcome: list[str] = []
    report({"case_s": _timed(repeat, lambda: outcome.append(_refusal(lambda: case.call(value))))})
    report({"outcome": outcome[0] or "result"})
    report({"case_b": _peak(lambda: _refusal(lambda: case.call(value)))})


def _child(case: Case, repeat: int, pipe: Connection) -> None:
    try:
        measure(case, repeat, pipe.send)
    except BaseException as exc:  # noqa: BLE001 - a foreign exception is a finding to report
        pipe.send({"outcome": f"{type(exc).__name__}: {exc!s:.60}", "foreign": True})
    pipe.send(None)
    pipe.close()


def run(case: Case, *, timeout: float, repeat: int) -> dict[str, Any]:
    """Measure a case in a forked process; a case still running after ``timeout`` is stopped.

    The measurements made before it was stopped are kept: a case may have
    been timed, and stopped while its memory was traced (which is slower).
    """
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(case, repeat, sending), daemon=True)
    deadline = time.monotonic() + timeout
    process.start()
    sending.close()
    row: dict[str, Any] = {}
    try:
        while True:
            if not receiving.poll(max(0.0, deadline - time.monotonic())):
                row["stopped"] = f"over {timeout:g} s, stopped"
                break
            part = receiving.recv()
            if part is None:
                break
            row.update(part)
    except EOFError:
        row["stopped"] = "the process died"
    finally:
        receiving.close()
        if process.is_alive():
            process.kill()
        process.join()
    return row


def _verdict(row: dict[str, Any]) -> str:
    if row.get("foreign") or "stopped" in row:
        return "MISS"
    within = row["time_ratio"] <= TARGET and row["memory_ratio"] <= TARGET
    return "ok" if within else "MISS"


def _number(row: dict[str, Any], key: str, scale: float, width: int = 9) -> str:
    return f"{row[key] * scale:{width}.{1 if width == 7 else 2}f}" if key in row else " " * width


def _line(name: str, row: dict[str, Any]) -> str:
    if "case_s" in row and "loads_s" in row:
        row["time_ratio"] = row["case_s"] / max(row["loads_s"], 1e-9)
    if "case_b" in row and "loads_b" in row:
        row["memory_ratio"] = row["case_b"] / max(row["loads_b"], 1)
    outcome = ", ".join(row[key] for key in ("outcome", "stopped") if key in row)
    return (
        f"{name:42} {_number(row, 'loads_s', 1e3)} {_number(row, 'loads_b', 1e-3)} "
        f"{_number(row, 'case_s', 1e3)} {_number(row, 'case_b', 1e-3)} "
        f"{_number(row, 'time_ratio', 1, 7)} {_number(row, 'memory_ratio', 1, 7)}  "
        f"{_verdict(row):4}  {outcome}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(BY_NAME), help="only this case")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per case")
    parser.add_argument("--repeat", type=int, default=3, help="runs of loads, best kept")
    arguments = parser.parse_args()
    chosen = (
        [BY_NAME[name] for name in arguments.case]
        if arguments.case
        else [case for case in CASES if case.section in SECTIONS]
    )
    print(f"target: each case within {TARGET:g}x the time and memory of its loads")
    print(
        f"{'case':42} {'loads ms':>9} {'loads KB':>9} {'case ms':>9} {'case KB':>9} "
        f"{'time x':>7} {'mem x':>7}  verdict, outcome"
    )
    misses = 0
    for case in chosen:
        row = run(case, timeout=arguments.timeout, repeat=arguments.repeat)
        line = _line(case.name, row)
        misses += " MISS " in line
        print(line, flush=True)
    print(f"{len(chosen) - misses} of {len(chosen)} cases within the target")


if __name__ == "__main__":
    main()
