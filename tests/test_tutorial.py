"""The tutorial's script runs and tells the story docs/tutorial.rst shows: its
output is checked line by line where the page quotes it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "examples" / "tutorial.py"
PAGE = ROOT / "docs" / "tutorial.rst"


@pytest.fixture(scope="module")
def printed() -> list[str]:
    """The lines the tutorial script prints."""
    result = subprocess.run(
        [sys.executable, str(SCRIPT)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.splitlines()


def _reviews(printed: list[str]) -> list[tuple[str, str, int]]:
    found = (re.fullmatch(r"review of (\S+): (\S+), (\d+) alerts?", line) for line in printed)
    return [(m[1], m[2], int(m[3])) for m in found if m]


def test_the_smart_check_finds_the_vague_goal_and_the_fix_makes_it_smart(
    printed: list[str],
) -> None:
    """The first assessment flags the vague title (S001) and the fix makes the goal SMART."""
    assert any(line.startswith("pm-certificate S001: ") for line in printed)
    assert "pm-certificate after the fix: SMART True" in printed


def test_the_schedule_shows_the_critical_path(printed: list[str]) -> None:
    """The certificate's chain of tasks is the critical path."""
    assert "finish 2027-04-19, critical path: course -> capstone -> exam" in printed


def test_three_reviews_with_their_alerts_and_health(printed: list[str]) -> None:
    """Three reviews a few months apart: at risk, then off track, then at risk again
    with a single alert once the certificate is earned."""
    assert [
        ("2027-03-08", "at_risk", 2),
        ("2027-05-10", "off_track", 6),
        ("2027-08-02", "at_risk", 1),
    ] == _reviews(printed)


def test_the_second_review_suggests_the_correction_that_is_applied(printed: list[str]) -> None:
    """The move of the deadline suggested by the second review is the one applied."""
    second = printed.index("review of 2027-05-10: off_track, 6 alerts")
    applied = printed.index("applied: move_deadline pm-certificate to 2027-07-27")
    assert "  correction move_deadline pm-certificate" in printed[second:applied]
    assert "  correction activate_backup internal-transfer" in printed[second:applied]


def test_the_third_review_celebrates_the_certificate(printed: list[str]) -> None:
    """After the correction the certificate is earned before its new deadline: a win."""
    third = printed.index("review of 2027-08-02: at_risk, 1 alert")
    wins = [line for line in printed[third:] if line.startswith("  win: ")]
    assert any("goal `pm-certificate` achieved on 2027-07-14" in line for line in wins)
    assert "5 revisions; baseline 'original' is revision 0" in printed


def test_the_page_quotes_lines_the_script_prints(printed: list[str]) -> None:
    """Every line of the page's output blocks is printed by the script, so the page
    cannot drift from the code."""
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    shown: list[str] = []
    inside = False
    for line in lines:
        if line == ".. code-block:: text":
            inside = True
        elif inside and line and not line.startswith("   "):
            inside = False
        elif inside and line.strip():
            shown.append(line[3:])
    assert shown
    assert [] == [line for line in shown if line not in printed]


def test_the_page_includes_every_step_of_the_script() -> None:
    """Every ``# [step]`` marker of the script is included by the page, and every
    marker the page names exists in the script."""
    script = SCRIPT.read_text(encoding="utf-8")
    page = PAGE.read_text(encoding="utf-8")
    steps = set(re.findall(r"# \[([a-z0-9-]+)\]", script))
    named = set(re.findall(r":start-after: # \[([a-z0-9-]+)\]", page))
    assert steps == named
    for step in steps:
        assert f"# [/{step}]" in script
        assert f":end-before: # [/{step}]" in page


def _python_block(page: str, after: str) -> str:
    """The code of the first ``code-block:: python`` after a heading line of a page."""
    lines = (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()
    begin = lines.index(".. code-block:: python", lines.index(after)) + 2
    block = []
    for line in lines[begin:]:
        if line and not line.startswith("   "):
            break
        block.append(line[3:])
    return "\n".join(block)


def test_the_translation_guide_runs_and_translates(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The how-to's mapping of alert kinds runs on the example plan: the kinds it maps
    come out in French, the others keep careerkit's English message."""
    code = _python_block("howto.rst", "Translate finding codes and alert kinds")
    monkeypatch.chdir(ROOT)
    exec(compile(code, "howto.rst", "exec"), {})
    lines = capsys.readouterr().out.splitlines()
    assert "digital-marketing-diploma finira après son échéance" in lines
    assert "digital-marketing-diploma prend du retard" in lines
    assert any(line.startswith("`public-speaking`: talks given was 0") for line in lines)


def _included_steps() -> list[str]:
    """The code the page shows, step after step, as Sphinx includes it from the script."""
    script = SCRIPT.read_text(encoding="utf-8")
    page = PAGE.read_text(encoding="utf-8")
    steps = []
    for match in re.finditer(
        r":start-after: # \[([a-z0-9-]+)\]\n   :end-before: # \[/\1\]\n(   :dedent: (\d+)\n)?",
        page,
    ):
        body = script.split(f"# [{match[1]}]\n", 1)[1].split(f"# [/{match[1]}]", 1)[0]
        cut = int(match[3] or 0)
        steps.append("\n".join(line[cut:] for line in body.splitlines()))
    return steps


def test_the_page_runs_when_typed_in_its_own_order(tmp_path: Path) -> None:
    """A reader who types every step the page shows, in the page's order and nothing
    else, gets no error: the page defines everything before it uses it."""
    typed = tmp_path / "typed.py"
    typed.write_text("\n".join(_included_steps()) + "\n", encoding="utf-8")

    found = subprocess.run(
        [sys.executable, str(typed)], capture_output=True, text=True, cwd=ROOT / "examples"
    )

    assert 0 == found.returncode, found.stderr
