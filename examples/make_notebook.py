"""Write examples/notebook.ipynb: the example plan reviewed in a notebook.

The notebook loads the example plan and shows the plan, its schedule, its
progress, its slippage alerts and its forecast as HTML tables, then the
goals' progress as a pandas DataFrame. It is written without outputs, with
fixed cell ids, so that the same script always writes the same file; run it
after changing the cells below (it needs nbformat, from the dev extra)::

    python examples/make_notebook.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOK = Path(__file__).resolve().parent / "notebook.ipynb"

CELLS = [
    (
        "markdown",
        "title",
        "# A career plan in a notebook\n\n"
        "Maya's plan to become a marketing director, reviewed as of 26 November 2026: "
        "careerkit's plans and results show as tables, and turn into pandas DataFrames.",
    ),
    (
        "code",
        "load-plan",
        "from datetime import date\n"
        "from pathlib import Path\n\n"
        "from IPython.display import HTML\n\n"
        "import careerkit\n"
        "import careerkit.render\n"
        "from careerkit.render.html_tracking import alerts_html\n\n"
        "AS_OF = date(2026, 11, 26)\n"
        'plan = careerkit.loads(Path("marketing_director.json").read_text(encoding="utf-8"))\n'
        "plan",
    ),
    ("markdown", "schedule-title", "## The schedule as of the status date"),
    ("code", "schedule", "found = careerkit.schedule(plan, as_of=AS_OF)\nfound"),
    ("markdown", "progress-title", "## Progress: the diploma is slipping"),
    (
        "code",
        "progress",
        "report = careerkit.progress(plan, as_of=AS_OF, schedule=found)\nreport",
    ),
    ("markdown", "alerts-title", "## Slippage alerts, most severe first"),
    (
        "code",
        "alerts",
        "alerts = careerkit.detect_slippage(plan, as_of=AS_OF, schedule=found)\n"
        "HTML(alerts_html(alerts))",
    ),
    ("markdown", "forecast-title", "## When will each goal finish?"),
    (
        "code",
        "forecast",
        "careerkit.forecast(plan, as_of=AS_OF, seed=42, runs=2_000, schedule=found)",
    ),
    ("markdown", "frame-title", "## The goals' progress as a DataFrame (the pandas extra)"),
    (
        "code",
        "frame",
        "goals = report.to_frame()\n"
        'goals[goals["counted"]][["goal", "percent_complete", "planned_percent", "slack", '
        '"health"]]',
    ),
]
"""Each cell: its type, its id and its source."""


def notebook() -> nbformat.NotebookNode:
    """The notebook, without outputs."""
    cells = [
        new_markdown_cell(source, id=name) if kind == "markdown" else new_code_cell(source, id=name)
        for kind, name, source in CELLS
    ]
    document = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(document)
    return document


def text() -> str:
    """The notebook file's text."""
    return nbformat.writes(notebook()) + "\n"


if __name__ == "__main__":
    NOTEBOOK.write_text(text(), encoding="utf-8")
    print(f"wrote {NOTEBOOK.name}: {len(CELLS)} cells")
