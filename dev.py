#!/usr/bin/env python3
"""Set up a virtual environment in .venv and run a project job.

    python3 dev.py review   review the example plan (the main job)
    python3 dev.py test     lint, type-check, test, run the examples, build the docs

Needs nothing but Python 3.11 or newer; everything else is installed into
.venv on first use.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
EXAMPLE_PLAN = ROOT / "examples" / "marketing_director.json"


def run(*command: str | Path, accept: tuple[int, ...] = (0,)) -> None:
    """Run a command in the project folder; stop with its status if it fails."""
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if result.returncode not in accept:
        sys.exit(result.returncode)


def setup(extra: str) -> None:
    """Create .venv and install the project (with an extra) if it changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit(f"careerkit needs Python 3.11 or newer, this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"+ creating {VENV.relative_to(ROOT)}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    stamp = VENV / f".installed-{extra or 'base'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    target = f".[{extra}]" if extra else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target)
    stamp.write_text(wanted)


EXAMPLE_STATUS_DATE = "2026-11-26"


def review() -> None:
    """The main job: review the example plan as of its status date, with its history."""
    setup("")
    run(
        BIN / "careerkit",
        "review",
        EXAMPLE_PLAN,
        "--as-of",
        EXAMPLE_STATUS_DATE,
        "--history",
        EXAMPLE_PLAN.with_name("marketing_director.history.json"),
    )


NODE_MODULES = VENV / "node" / "node_modules"
NODE_PACKAGES = ("ajv@8", "ajv-formats@3")
"""A JavaScript JSON Schema validator, the second reader of careerkit's schema."""


def setup_node() -> None:
    """Install ajv for the schema tests where node and npm exist; they skip without it."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        print("+ node or npm not found: the ajv schema tests will be skipped", flush=True)
        return
    stamp = VENV / ".installed-node"
    if not (stamp.exists() and stamp.read_text() == " ".join(NODE_PACKAGES)):
        command = [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix"]
        print("+", " ".join([*command, str(NODE_MODULES.parent), *NODE_PACKAGES]), flush=True)
        result = subprocess.run(
            [*command, str(NODE_MODULES.parent), *NODE_PACKAGES], cwd=ROOT, check=False
        )
        if result.returncode != 0:
            print("+ ajv could not be installed: the ajv schema tests will be skipped", flush=True)
            return
        stamp.write_text(" ".join(NODE_PACKAGES))
    os.environ["NODE_PATH"] = str(NODE_MODULES)


def test() -> None:
    """Everything CI checks."""
    setup("dev")
    setup_node()
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy")
    run(PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider")
    for example in sorted((ROOT / "examples").glob("*.py")):
        run(PYTHON, example)
    for document in sorted((ROOT / "examples").glob("*.json")):
        if document.name.endswith(".history.json"):
            continue
        run(BIN / "careerkit", "validate", document)
    run(PYTHON, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "docs", "docs/_build")


JOBS = {"review": review, "test": test}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in JOBS:
        sys.exit(f"usage: python3 dev.py {{{','.join(JOBS)}}}")
    JOBS[sys.argv[1]]()
