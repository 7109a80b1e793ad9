"""Draw the figures of the Plots section of views.rst, from the example plan, at each build.

The images are made by careerkit itself when Sphinx starts (never drawn by
hand, never committed): :func:`draw_figures` writes ``_generated/*.png`` in
the documentation's source folder, a folder that ignores itself in git. The
page shows :func:`draw_figures` itself, so the code on the page is the code
that made the pictures.

The extension also documents the type the plot functions return: their
modules name ``Figure`` for type checkers only (matplotlib is imported when a
plot is drawn), so autodoc is told that it is ``matplotlib.figure.Figure``,
and references to it link to matplotlib's reference, which has no inventory
offline.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

import careerkit
from careerkit.render.plots import burn_up, gantt, metric_trajectory

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"
FIGURE_DOCS = "https://matplotlib.org/stable/api/_as_gen/matplotlib.figure.Figure.html"
FIGURE = "matplotlib.figure.Figure"


def draw_figures(folder: Path) -> None:
    """The example plan's Gantt chart, burn-up and metric trajectories, as of 2026-11-26."""
    plan = careerkit.loads(EXAMPLE.read_text(encoding="utf-8"))
    as_of = date(2026, 11, 26)
    status = careerkit.schedule(plan, as_of=as_of)
    report = careerkit.progress(plan, as_of=as_of, schedule=status)
    found = careerkit.forecast(plan, as_of=as_of, seed=42, runs=2_000, schedule=status)

    gantt(status, plan=plan, path=folder / "gantt.png")
    burn_up(report, plan=plan, schedule=status, forecast=found, path=folder / "burn-up.png")
    for goal_id in ("digital-marketing-diploma", "professional-network"):
        metric_trajectory(plan, goal_id, as_of=as_of, path=folder / f"{goal_id}.png")


def _generate(app: Sphinx) -> None:
    folder = Path(app.srcdir) / "_generated"
    folder.mkdir(exist_ok=True)
    (folder / ".gitignore").write_text("*\n", encoding="utf-8")
    draw_figures(folder)


def _figure_reference(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    if node.get("refdomain") != "py" or node.get("reftarget") != FIGURE:
        return None
    reference = nodes.reference("", "", internal=False, refuri=FIGURE_DOCS)
    reference.append(contnode)
    return reference


def _figure_alias(app: Sphinx, config: Config) -> None:
    config.autodoc_type_aliases = {**config.autodoc_type_aliases, "Figure": FIGURE}


def setup(app: Sphinx) -> dict[str, object]:
    """Register the figure drawing and the matplotlib links."""
    app.connect("config-inited", _figure_alias)
    app.connect("builder-inited", _generate)
    app.connect("missing-reference", _figure_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
