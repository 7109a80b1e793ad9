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
    name = _path_text(pattern, "pattern", "a path or a glob")
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
    folder = _path_text(output, "output", "a directory")
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ValidationError(path="output", problem=f"{folder!r} is not a directory")
    if glob.glob(os.path.join(glob.escape(folder), "*.jsonl")):
        raise ValidationError(path="output", problem=f"{folder!r} already holds .jsonl files")
    return folder


def _path_text(value: object, argument: str, expected: str) -> str:
    """A path argument as text; ValidationError naming ``argument`` if it is not a path
    (``expected`` says what it should be) or is one given as bytes."""
    if not isinstance(value, str | os.PathLike):
        raise ValidationError(
            path=argument, problem=f"expected {expected}, got {type(value).__name__}"
        )
    text = os.fspath(value)
    if not isinstance(text, str):
        raise ValidationError(path=argument, problem="expected a path as text, got bytes")
    return text


def part_path(folder: str, number: int) -> str:
    """The part file ``number`` under ``folder``: ``00000.jsonl``, ``00001.jsonl``..."""
    return os.path.join(folder, f"{number:05d}.jsonl")
