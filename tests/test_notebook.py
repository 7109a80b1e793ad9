"""The example notebook runs from top to bottom and shows careerkit's values as HTML."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOK = EXAMPLES / "notebook.ipynb"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")


def test_the_notebook_is_what_its_script_writes() -> None:
    """The committed notebook is the generator's output, without outputs."""
    generator = runpy.run_path(str(EXAMPLES / "make_notebook.py"))
    written = NOTEBOOK.read_text(encoding="utf-8")

    assert generator["text"]() == written
    assert all(
        [] == cell.get("outputs", []) for cell in nbformat.reads(written, as_version=4).cells
    )


def _html_outputs(cell: object) -> list[str]:
    outputs = getattr(cell, "outputs", [])
    return [
        output["data"]["text/html"]
        for output in outputs
        if output.get("output_type") == "execute_result" and "text/html" in output["data"]
    ]


def test_the_notebook_runs_and_shows_html(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cell runs without error; the plan, schedule, progress, alerts and forecast
    cells show careerkit's fragments, and the last cell a DataFrame's table."""
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    document = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        document,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )

    client.execute()

    cells = {cell.id: cell for cell in document.cells}
    errors = [
        cell.id
        for cell in document.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert [] == errors
    for name, kind in [
        ("load-plan", "plan"),
        ("schedule", "schedule"),
        ("progress", "progress"),
        ("alerts", "alerts"),
        ("forecast", "forecast"),
    ]:
        shown = _html_outputs(cells[name])
        assert 1 == len(shown), name
        assert shown[0].startswith(f'<div class="careerkit careerkit-{kind}">')
    frame = _html_outputs(cells["frame"])
    assert 1 == len(frame)
    assert "<table" in frame[0]
    assert "digital-marketing-diploma" in frame[0]
