"""The paths of a batch: the input files a pattern matches, the output directory and its
part files."""

from __future__ import annotations

import glob
import os

from careerkit.errors import ValidationError

__all__ = ["matched_files", "output_folder", "part_path"]


def matched_files(pattern: object) -> tuple[str, ...]:
    """The files ``pattern`` names, sorted: a file, a glob or a directory's ``*.jsonl``
    files; ValidationError if there are none."""
    if not isinstance(pattern, str | os.PathLike):
        raise ValidationError(
            path="pattern", problem=f"expected a path or a glob, got {type(pattern).__name__}"
        )
    name = os.fspath(pattern)
    if not isinstance(name, str):
        raise ValidationError(path="pattern", problem="expected a path as text, got bytes")
    if os.path.isdir(name):
        name = os.path.join(name, "*.jsonl")
    found = tuple(sorted(path for path in glob.glob(name) if os.path.isfile(path)))
    if not found:
        raise ValidationError(path="pattern", problem=f"no file matches {name!r}")
    return found


def output_folder(output: object) -> str | None:
    """The directory of ``output`` as text, None for None; ValidationError if it is not a
    directory or already holds ``.jsonl`` files."""
    if output is None:
        return None
    if not isinstance(output, str | os.PathLike):
        raise ValidationError(
            path="output", problem=f"expected a directory, got {type(output).__name__}"
        )
    folder = os.fspath(output)
    if not isinstance(folder, str):
        raise ValidationError(path="output", problem="expected a path as text, got bytes")
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ValidationError(path="output", problem=f"{folder!r} is not a directory")
    if glob.glob(os.path.join(glob.escape(folder), "*.jsonl")):
        raise ValidationError(path="output", problem=f"{folder!r} already holds .jsonl files")
    return folder


def part_path(folder: str, number: int) -> str:
    """The part file ``number`` under ``folder``: ``00000.jsonl``, ``00001.jsonl``..."""
    return os.path.join(folder, f"{number:05d}.jsonl")
