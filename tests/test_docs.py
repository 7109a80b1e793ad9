"""The documentation shows what the code does: examples in the docs match real output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _example_output(name: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout


def _text_block(page: str, after: str) -> list[str]:
    """The lines of the first ``code-block:: text`` after a heading line."""
    lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
    start = lines.index(after)
    begin = lines.index(".. code-block:: text", start) + 2
    block = []
    for line in lines[begin:]:
        if line and not line.startswith("   "):
            break
        block.append(line[3:])
    return [line for line in block if line.strip()]


def test_scheduling_page_shows_the_example_output() -> None:
    """Every line of the example plan's report in docs/scheduling.rst is printed by the
    example script, so the page cannot drift from the code."""
    printed = _example_output("schedule_plan.py").splitlines()
    shown = _text_block("scheduling.rst", "The example plan")

    assert [] == [line for line in shown if line not in printed]
