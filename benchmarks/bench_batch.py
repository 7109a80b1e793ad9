"""Time a nightly batch of plan reviews: the plain loop against Dask on local workers.

2,000 generated plans (``bench_product.make_plan``, about 50 tasks each) are
written as JSON lines to a temporary directory, in four files. The batch
reads them, reviews each plan as of 2026-11-26 and writes one output line per
plan to a directory:

* the plain loop: ``review_lines`` over each file, written to one file;
* ``review_files`` on a local cluster of 1 and of 2 worker processes (one
  thread each), started before the timing, writing part files.

Prints plans per second of each and the ratios to the plain loop, and the
speed-up of 2 workers over 1 (each figure the best of ``--repeat`` rounds,
the three taking turns in each round). The outputs are checked to hold the same lines.
On a machine whose cores are shared, the speed-up of 2 workers is bounded by
the cores free while it runs: ``os.cpu_count()`` and the load are printed.

    python benchmarks/bench_batch.py [--plans 2000] [--repeat 1] [--blocksize BYTES]
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_product import AS_OF, make_plan
from distributed import Client, LocalCluster
from timing import best_of_each

import careerkit
from careerkit.batch import DEFAULT_BLOCKSIZE, QUIET_SCHEDULER, review_files, review_lines

FILES = 4


def write_inputs(folder: Path, plans: int) -> list[Path]:
    """The generated plans as JSON lines, spread over ``FILES`` files."""
    texts = [careerkit.dumps(make_plan(seed), indent=None) for seed in range(plans)]
    paths = []
    for number in range(FILES):
        path = folder / f"plans-{number}.jsonl"
        path.write_text("".join(f"{text}\n" for text in texts[number::FILES]), encoding="utf-8")
        paths.append(path)
    return paths


def plain_loop(paths: list[Path], output: Path) -> Callable[[], None]:
    """The loop over each file, writing every output line to one file, with garbage
    collection on as in the workers (the timing pauses it)."""

    def action() -> None:
        gc.enable()
        with output.open("w", encoding="utf-8") as out:
            for path in paths:
                with path.open(encoding="utf-8") as lines:
                    for line in review_lines(lines, as_of=AS_OF, file=str(path)):
                        out.write(line + "\n")
        gc.disable()

    return action


def on_cluster(folder: Path, output: Path, client: Client, blocksize: int) -> Callable[[], None]:
    """``review_files`` on a client's cluster, writing part files to a fresh directory."""

    def action() -> None:
        shutil.rmtree(output, ignore_errors=True)
        review_files(folder, as_of=AS_OF, output=output, client=client, blocksize=blocksize)

    return action


def written(folder: Path) -> list[str]:
    """The lines of every part file under a directory, in order."""
    return [
        line
        for part in sorted(folder.glob("*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--blocksize", type=int, default=DEFAULT_BLOCKSIZE)
    options = parser.parse_args()
    logging.getLogger("distributed").setLevel(logging.WARNING)  # no news of closing workers

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        inputs = root / "plans"
        inputs.mkdir()
        paths = write_inputs(inputs, options.plans)
        size = sum(path.stat().st_size for path in paths)
        print(
            f"{options.plans} plans in {FILES} files, {size / 2**20:.1f} MiB, blocks of "
            f"{options.blocksize / 2**20:.1f} MiB; {os.cpu_count()} cores, "
            f"load {os.getloadavg()[0]:.1f}"
        )
        clusters = []
        clients = []
        for workers in (1, 2):
            began = time.perf_counter()
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                scheduler_kwargs=dict(QUIET_SCHEDULER),
            )
            clusters.append(cluster)
            clients.append(Client(cluster))
            print(f"  local cluster of {workers} started in {time.perf_counter() - began:.1f} s")
        try:
            actions = [plain_loop(paths, root / "loop.jsonl")]
            actions += [
                on_cluster(inputs, root / f"bag-{n}", client, options.blocksize)
                for n, client in enumerate(clients, 1)
            ]
            loop, one, two = best_of_each(options.repeat, *actions)
            expected = (root / "loop.jsonl").read_text(encoding="utf-8").splitlines()
            assert expected == written(root / "bag-1") == written(root / "bag-2")
        finally:
            for client in clients:
                client.close()
            for cluster in clusters:
                cluster.close()
    plans = options.plans
    print(f"  plain loop         {plans / loop:8.1f} plans/s")
    print(f"  bag on 1 worker    {plans / one:8.1f} plans/s   ratio to the loop {loop / one:5.2f}x")
    print(f"  bag on 2 workers   {plans / two:8.1f} plans/s   ratio to the loop {loop / two:5.2f}x")
    print(f"  2 workers against 1: {one / two:5.2f}x")


if __name__ == "__main__":
    main()
