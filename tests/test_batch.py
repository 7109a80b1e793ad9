"""Batch review of JSON lines: the plain loop, the Dask bag and the files on a local cluster."""

from __future__ import annotations

import gzip
import importlib
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import dask.bag
import pytest
from distributed import Client, LocalCluster

import careerkit
from careerkit.batch import (
    QUIET_SCHEDULER,
    BatchSummary,
    review_bag,
    review_files,
    review_line,
    review_lines,
)
from careerkit.errors import MissingExtraError, ValidationError
from careerkit.planning.review import ReviewPolicy, review

AS_OF = date(2026, 11, 26)
BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
PLANS = 40


def _generated_plans() -> list[careerkit.Plan]:
    """The benchmark's generated plans, seeds 0 to 39."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCHMARKS))
        bench_product = importlib.import_module("bench_product")
    return [bench_product.make_plan(seed) for seed in range(PLANS)]


def _bad_lines(plan: careerkit.Plan) -> dict[str, tuple[str | None, str]]:
    """Bad documents by their text: the id expected and the path of the first problem."""
    unknown_goal = careerkit.to_dict(attrs.evolve(plan, id="unknown-goal"))
    unknown_goal["tasks"][0]["goal"] = "no-such-goal"
    later = careerkit.Plan(id="starts-later", owner="Ana", start=date(2027, 1, 4))
    return {
        '{"schema_version": 3, "id": "cut-off': (None, ""),
        json.dumps(unknown_goal): ("unknown-goal", "tasks[0].goal"),
        careerkit.dumps(later, indent=None): ("starts-later", "as_of"),
        "": (None, ""),
    }


@pytest.fixture(scope="module")
def plans() -> list[careerkit.Plan]:
    """Forty generated plans."""
    return _generated_plans()


@pytest.fixture(scope="module")
def inputs(plans: list[careerkit.Plan], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two JSON lines files: the plans, with the bad lines spread among them."""
    folder = tmp_path_factory.mktemp("plans")
    lines = [careerkit.dumps(plan, indent=None) for plan in plans]
    for position, text in zip((3, 17, 25, 38), _bad_lines(plans[0]), strict=True):
        lines.insert(position, text)
    (folder / "a.jsonl").write_text("\n".join(lines[:22]) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text("\n".join(lines[22:]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A local cluster of two worker processes, one thread each, closed after the tests."""
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs=dict(QUIET_SCHEDULER),
        ) as cluster,
        Client(cluster) as started,
    ):
        yield started


@pytest.fixture(scope="module")
def looped(inputs: Path) -> list[str]:
    """The output lines of the plain loop over the input files."""
    return _loop(inputs)


def _loop(folder: Path) -> list[str]:
    """The plain loop over each file, in sorted order."""
    out: list[str] = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            out.extend(review_lines(lines, as_of=AS_OF, file=str(path)))
    return out


def test_the_cluster_gives_the_lines_of_the_plain_loop(
    inputs: Path, looped: list[str], client: Client
) -> None:
    """Files read in small blocks and reviewed on two workers give the loop's lines, in order."""
    summary = review_files(inputs / "*.jsonl", as_of=AS_OF, client=client, blocksize=50_000)

    assert looped == list(summary.lines)
    assert (PLANS, 4) == (summary.reviewed, summary.bad)
    assert (str(inputs / "a.jsonl"), str(inputs / "b.jsonl")) == summary.files


def test_the_order_is_recovered_by_file_and_line(inputs: Path, client: Client) -> None:
    """Each output line names the file and line it came from: sorting on them gives the input."""
    lines = list(review_files(inputs, as_of=AS_OF, client=client, blocksize=30_000).lines)
    shuffled = [json.loads(line) for line in random.Random(7).sample(lines, len(lines))]
    recovered = sorted(shuffled, key=lambda out: (out["file"], out["line"]))

    expected = []
    for path in sorted(inputs.glob("*.jsonl")):
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            expected.append((str(path), number, _id_of(text)))
    assert expected == [(out["file"], out["line"], out["id"]) for out in recovered]


def _id_of(text: str) -> str | None:
    """The id of a JSON object's text, None for any other text."""
    try:
        document = json.loads(text)
    except ValueError:
        return None
    return document.get("id") if isinstance(document, dict) else None


def test_every_bad_line_is_reported(
    inputs: Path, looped: list[str], plans: list[careerkit.Plan]
) -> None:
    """Each bad document gives an error line with its id when readable, its place and problem."""
    errors = [out for out in map(json.loads, looped) if "error" in out]

    where = [(Path(out["file"]).name, out["line"]) for out in errors]
    assert [("a.jsonl", 4), ("a.jsonl", 18), ("b.jsonl", 4), ("b.jsonl", 17)] == where
    expected = list(_bad_lines(plans[0]).values())
    assert expected == [(out["id"], out["error"]["problems"][0]["path"]) for out in errors]
    assert {"ValidationError"} == {out["error"]["type"] for out in errors}
    assert errors[0]["error"]["message"].startswith("not valid JSON")
    assert "before the plan's start" in errors[2]["error"]["message"]


def test_a_review_line_holds_the_review_of_the_plan(plans: list[careerkit.Plan]) -> None:
    """The review of a line is the document of the plan's review as of the date."""
    plan = plans[5]
    out = json.loads(review_line(careerkit.dumps(plan), as_of=AS_OF, file="x.jsonl", line=9))

    assert (plan.id, "x.jsonl", 9) == (out["id"], out["file"], out["line"])
    assert careerkit.to_dict(review(plan, as_of=AS_OF)) == out["review"]


def test_the_policy_reaches_every_review(plans: list[careerkit.Plan], client: Client) -> None:
    """A review policy given to the batch is the one each plan is reviewed with."""
    policy = ReviewPolicy(seed=11, runs=50)
    texts = [careerkit.dumps(plan, indent=None) for plan in plans[:3]]
    bag = dask.bag.from_sequence(texts, npartitions=2)

    lines = client.compute(review_bag(bag, as_of=AS_OF, policy=policy), sync=True)

    expected = [careerkit.to_dict(review(plan, as_of=AS_OF, policy=policy)) for plan in plans[:3]]
    assert expected == [json.loads(line)["review"] for line in lines]
    assert expected != [careerkit.to_dict(review(plan, as_of=AS_OF)) for plan in plans[:3]]


def test_written_part_files_hold_the_lines(
    inputs: Path, looped: list[str], client: Client, tmp_path: Path
) -> None:
    """With an output directory, the part files hold the loop's lines, one part per block."""
    output = tmp_path / "reviews"
    summary = review_files(inputs, as_of=AS_OF, output=output, client=client, blocksize=100_000)

    written = [
        line
        for part in summary.parts
        for line in Path(part).read_text(encoding="utf-8").splitlines()
    ]
    assert looped == written
    assert sorted(str(path) for path in output.glob("*.jsonl")) == list(summary.parts)
    assert ((), str(output), PLANS + 4) == (summary.lines, summary.output, summary.total)


def test_bad_bytes_and_compressed_files_are_read(
    plans: list[careerkit.Plan], client: Client, tmp_path: Path
) -> None:
    """A line that is not UTF-8 is a bad document; a gzip file is read whole."""
    texts = [careerkit.dumps(plan, indent=None).encode() for plan in plans[:3]]
    (tmp_path / "a.jsonl").write_bytes(b"\n".join([texts[0], b'{"id": "caf\xe9"}', texts[1]]))
    with gzip.open(tmp_path / "b.jsonl.gz", "wb") as packed:
        packed.write(texts[2] + b"\n")

    summary = review_files(tmp_path / "*.jsonl*", as_of=AS_OF, client=client)

    outs = [json.loads(line) for line in summary.lines]
    assert [plans[0].id, None, plans[1].id, plans[2].id] == [out["id"] for out in outs]
    assert ["a.jsonl"] * 3 + ["b.jsonl.gz"] == [Path(out["file"]).name for out in outs]
    assert "can't decode byte 0xe9" in outs[1]["error"]["message"]
    assert (3, 1) == (summary.reviewed, summary.bad)


def test_output_lines_are_ascii_whatever_a_bad_document_quotes() -> None:
    """An error quoting a lone surrogate of the document still writes as UTF-8."""
    text = (
        '{"schema_version": 3, "id": "p\\ud800", "owner": "A", "start": "2026-01-05", "\\udc00": 1}'
    )

    out = review_line(text, as_of=AS_OF)

    assert out.isascii()
    assert "p\ud800" == json.loads(out)["id"]
    assert "\udc00" in json.loads(out)["error"]["message"]


def test_an_output_directory_with_lines_is_refused(inputs: Path) -> None:
    """Part files of an earlier batch are never mixed with new ones."""
    with pytest.raises(ValidationError) as caught:
        review_files(inputs, as_of=AS_OF, output=inputs)

    assert "output" == caught.value.path


def test_a_bag_of_texts_gives_the_lines_of_the_loop(
    plans: list[careerkit.Plan], client: Client
) -> None:
    """Any bag of texts is numbered by its place in the bag, across its partitions."""
    texts = [careerkit.dumps(plan, indent=None) for plan in plans[:9]]
    texts[4] = "[1, 2]"
    bag = dask.bag.from_sequence(texts, npartitions=4)

    result = client.compute(review_bag(bag, as_of=AS_OF, file="mem"), sync=True)

    assert list(review_lines(texts, as_of=AS_OF, file="mem")) == result
    assert list(range(1, 10)) == [json.loads(line)["line"] for line in result]


@pytest.mark.parametrize("partitions", [1, 2, 5, 11])
def test_the_numbering_holds_for_any_partitioning(
    partitions: int, plans: list[careerkit.Plan]
) -> None:
    """However the bag is cut, each text keeps its place and the lines are the loop's."""
    texts = [careerkit.dumps(plan, indent=None) for plan in plans[:11]]
    texts[partitions - 1] = "not json"
    bag = dask.bag.from_sequence(texts, npartitions=partitions)

    result = review_bag(bag, as_of=AS_OF).compute(scheduler="sync")

    assert list(review_lines(texts, as_of=AS_OF)) == result


def test_the_graph_keeps_its_layers_as_partitions_grow() -> None:
    """Numbering partitions adds a fixed set of layers, not one per partition, so a bag
    of many partitions builds its graph in time proportional to them."""
    layers = [
        len(review_bag(dask.bag.from_sequence(["{}"] * n, npartitions=n), as_of=AS_OF).dask.layers)
        for n in (10, 200)
    ]

    assert layers[0] == layers[1]


def test_workers_start_a_local_cluster_for_the_batch(inputs: Path, looped: list[str]) -> None:
    """Without a client, ``workers`` starts and closes a local cluster of its own."""
    summary = review_files(inputs / "b.jsonl", as_of=AS_OF, workers=1)

    assert (
        BatchSummary(
            files=(str(inputs / "b.jsonl"),),
            reviewed=PLANS + 4 - 22 - 2,
            bad=2,
            output=None,
            parts=(),
            lines=summary.lines,
        )
        == summary
    )
    assert looped[22:] == list(summary.lines)


@pytest.mark.parametrize("name", ["dask", "distributed"])
def test_a_missing_dask_names_the_extra(
    name: str, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Dask, the bag and the files raise MissingExtraError; the plain loop still works."""
    monkeypatch.setitem(sys.modules, name, None)

    with pytest.raises(MissingExtraError) as caught:
        review_files(inputs, as_of=AS_OF)
    assert ("dask", name) == (caught.value.extra, caught.value.package)
    if name == "dask":
        with pytest.raises(MissingExtraError):
            review_bag(object(), as_of=AS_OF)  # type: ignore[arg-type]
    assert 1 == len(list(review_lines(["{}"], as_of=AS_OF)))


WRONG: list[tuple[str, dict[str, Any], str]] = [
    ("as_of", {"as_of": datetime(2026, 11, 26, 9)}, "expected a date"),
    ("pattern", {"pattern": 3}, "expected a path or a glob"),
    ("pattern", {"pattern": "/nowhere/*.jsonl"}, "no file matches"),
    ("workers", {"workers": 0}, "at least 1"),
    ("client", {"client": "tcp://localhost:8786"}, "expected a Client"),
    ("blocksize", {"blocksize": 0}, "at least 1"),
    ("output", {"output": 5}, "expected a directory"),
    ("policy", {"policy": {"runs": 10}}, "expected a ReviewPolicy"),
]


@pytest.mark.parametrize(("path", "change", "problem"), WRONG)
def test_review_files_checks_its_arguments(
    path: str, change: dict[str, Any], problem: str, inputs: Path
) -> None:
    """A wrong argument is refused at the door, named by its path."""
    arguments: dict[str, Any] = {"pattern": inputs, "as_of": AS_OF, **change}

    with pytest.raises(ValidationError) as caught:
        review_files(**arguments)

    assert path == caught.value.path
    assert problem in caught.value.problem


def test_client_and_workers_together_are_refused(inputs: Path, client: Client) -> None:
    """A client and a number of workers to start contradict each other."""
    with pytest.raises(ValidationError) as caught:
        review_files(inputs, as_of=AS_OF, client=client, workers=2)

    assert "workers" == caught.value.path


def test_the_loops_check_their_texts() -> None:
    """A text that is not a string is an error of the caller, named by its place."""
    with pytest.raises(ValidationError) as caught:
        list(review_lines(["{}", b"{}"], as_of=AS_OF))  # type: ignore[list-item]
    assert "lines[1]" == caught.value.path

    with pytest.raises(ValidationError) as caught:
        review_line(None, as_of=AS_OF)  # type: ignore[arg-type]
    assert "text" == caught.value.path

    with pytest.raises(ValidationError) as caught:
        review_lines("{}", as_of=AS_OF)
    assert "lines" == caught.value.path

    with pytest.raises(ValidationError) as caught:
        review_line("{}", as_of=AS_OF, line=0)
    assert "line" == caught.value.path

    with pytest.raises(ValidationError) as caught:
        review_bag([], as_of=AS_OF)  # type: ignore[arg-type]
    assert "bag" == caught.value.path
