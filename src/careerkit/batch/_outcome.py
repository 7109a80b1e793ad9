"""The output line of one input line: its review or its error, as JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, cast

from careerkit.errors import CareerkitError, ValidationError
from careerkit.io import from_dict, to_dict
from careerkit.io.reading import read_json
from careerkit.model import Plan
from careerkit.model.arguments import checked_instance
from careerkit.planning.review import ReviewPolicy, review

__all__ = ["checked_policy", "checked_text", "outcome", "outcomes"]


def checked_policy(policy: object) -> None:
    """Raise ValidationError at ``policy`` unless it is None or a review policy."""
    if policy is not None:
        checked_instance(policy, ReviewPolicy, "policy")


def checked_text(text: object, path: str) -> str:
    """``text`` if it is a text; ValidationError at ``path`` otherwise."""
    if not isinstance(text, str):
        raise ValidationError(path=path, problem=f"expected a text, got {type(text).__name__}")
    return text


def outcome(
    text: str, *, as_of: date, policy: ReviewPolicy | None, file: str | None, line: int | None
) -> tuple[str, bool]:
    """The output line of one input line (arguments already checked), and whether it is
    an error."""
    document: object = None
    try:
        document = read_json(_line_bytes(text.removesuffix("\n").removesuffix("\r")))
        plan = from_dict(cast("Any", document))
        body: dict[str, Any] = {"review": _review_document(plan, as_of, policy)}
    except CareerkitError as error:
        body = {"error": _error_document(error)}
    identifier = document.get("id") if isinstance(document, dict) else None
    out = {"id": identifier if isinstance(identifier, str) else None, "file": file, "line": line}
    # ASCII: a lone surrogate quoted from a bad document cannot break a UTF-8 file.
    return json.dumps({**out, **body}, allow_nan=False), "error" in body


def outcomes(
    lines: list[object], *, as_of: date, policy: ReviewPolicy | None, file: str | None, first: int
) -> list[tuple[str, bool]]:
    """The output lines of a partition, with whether each is an error."""
    out = []
    for number, text in enumerate(lines, first):
        checked_text(text, f"bag[{number - 1}]")
        out.append(outcome(cast("str", text), as_of=as_of, policy=policy, file=file, line=number))
    return out


def _review_document(plan: Plan, as_of: date, policy: ReviewPolicy | None) -> dict[str, Any]:
    """The review of one plan as a JSON-ready document."""
    return to_dict(review(plan, as_of=as_of, policy=policy))


def _line_bytes(text: str) -> bytes:
    """A line's UTF-8 bytes: the bytes a file held where they did not decode (read with
    ``surrogateescape``), so that the reader reports them; other lone surrogates as
    the invalid UTF-8 they are."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _error_document(error: CareerkitError) -> dict[str, Any]:
    problems = error.problems if isinstance(error, ValidationError) else ()
    return {
        "type": type(error).__name__,
        "message": str(error),
        "problems": [{"path": found.path, "problem": found.problem} for found in problems],
    }
