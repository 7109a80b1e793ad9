"""Whole-plan checks of the career parts: references that resolve, names that are known.

Each check reads only the parts that could be read soundly (a part that
could not is None and its checks are skipped), so that a plan with several
problems gets every one at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from careerkit.errors import Problem
from careerkit.model import rules
from careerkit.model.enums import AssetKind

__all__ = ["CAREER_FIELDS", "check_career"]

CAREER_FIELDS = ("roles", "assets", "contacts", "options", "option_weights", "applications")
"""The plan's career fields, in field order."""


def check_career(
    problems: list[Problem],
    *,
    fields: Mapping[str, Any],
    goals: Sequence[Any] | None,
    tasks: Sequence[Any] | None,
) -> None:
    """Append the problems of the career parts among ``fields`` (the plan's sound fields
    by name; goals and tasks, each an item, a stand-in or None, are given apart).

    An item of a career list that could not be read is a mapping of its
    readable fields (its id counts as known) or None; the checks of its own
    references pass over it, as its reading reported it.

    The common case, a plan without career parts, costs one look at each field.
    """
    _check_gains(problems, fields, goals or (), tasks or ())
    if not any(fields.get(name) for name in CAREER_FIELDS):
        return
    roles = _sound(fields.get("roles"))
    role_ids = _ids(problems, "roles", fields.get("roles"))
    asset_ids = _ids(problems, "assets", fields.get("assets"))
    contact_ids = _ids(problems, "contacts", fields.get("contacts"))
    _ids(problems, "options", fields.get("options"))
    _ids(problems, "applications", fields.get("applications"))
    goal_ids = None if goals is None else {getattr(goal, "id", None) for goal in goals}
    task_ids = None if tasks is None else {getattr(task, "id", None) for task in tasks}
    if roles:
        visions = [index for index, role in roles if role.vision]
        for index in visions[1:]:
            problems.append(
                Problem(
                    f"roles[{index}].vision",
                    f"only one role can be the vision's (also roles[{visions[0]}])",
                )
            )
    for index, asset in _sound(fields.get("assets")):
        _refer(problems, f"assets[{index}].roles", asset.roles, role_ids, "role")
    for index, contact in _sound(fields.get("contacts")):
        _refer(problems, f"contacts[{index}].goals", contact.goals, goal_ids, "goal")
    for index, option in _sound(fields.get("options")):
        path = f"options[{index}]"
        _refer_one(problems, f"{path}.role", option.role, role_ids, "role")
        for slot, exploration in enumerate(option.explorations):
            _refer_one(
                problems, f"{path}.explorations[{slot}].task", exploration.task, task_ids, "task"
            )
    _check_criteria(problems, fields)
    _check_applications(problems, fields, role_ids, asset_ids, contact_ids)


def _sound(items: Any) -> list[tuple[int, Any]]:
    """The items of a list that could be read, with their positions."""
    return [
        (index, item)
        for index, item in enumerate(items or ())
        if item is not None and not isinstance(item, Mapping)
    ]


def _ids(problems: list[Problem], name: str, items: Any) -> set[str] | None:
    """The ids of a list of the plan (None when unreadable), reporting duplicates."""
    if items is None:
        return None
    keys = [
        item.get("id") if isinstance(item, Mapping) else getattr(item, "id", None) for item in items
    ]
    rules.report_repeated(problems, name, keys, "id")
    return {key for key in keys if isinstance(key, str)}


def _refer(
    problems: list[Problem], path: str, ids: Iterable[str], known: set[Any] | None, kind: str
) -> None:
    for slot, other in enumerate(ids):
        _refer_one(problems, f"{path}[{slot}]", other, known, kind)


def _refer_one(
    problems: list[Problem], path: str, other: str | None, known: set[Any] | None, kind: str
) -> None:
    if other is not None and known is not None and other not in known:
        problems.append(Problem(path, f"unknown {kind} {other!r}"))


def _check_gains(
    problems: list[Problem], fields: Mapping[str, Any], goals: Sequence[Any], tasks: Sequence[Any]
) -> None:
    """Every skill that work builds is named by the profile's inventory or by a role
    (goals and tasks in place: an unreadable one is None, and builds nothing)."""
    built = [
        (f"{name}[{index}]", item.builds)
        for name, items in (("goals", goals), ("tasks", tasks))
        for index, item in enumerate(items)
        if getattr(item, "builds", ())
    ]
    for path, gains in built:
        rules.report_repeated(problems, f"{path}.builds", [gain.skill for gain in gains], "skill")
    profile, roles = fields.get("profile"), fields.get("roles")
    if not built or profile is None or roles is None or len(_sound(roles)) < len(roles):
        return  # nothing built, or not everything readable to check the names against
    known = {skill.name for skill in profile.skills}
    known.update(required.skill for role in roles for required in role.skills)
    for path, gains in built:
        for slot, gain in enumerate(gains):
            if gain.skill not in known:
                problems.append(
                    Problem(
                        f"{path}.builds[{slot}].skill",
                        f"{gain.skill!r} is neither in the profile's skills nor required by a role",
                    )
                )


def _check_criteria(problems: list[Problem], fields: Mapping[str, Any]) -> None:
    """Options are rated, and weighed, on the profile's strengths, interests and values."""
    weights = _sound(fields.get("option_weights"))
    rules.report_repeated(
        problems,
        "option_weights",
        [
            None if isinstance(item, Mapping) else getattr(item, "criterion", None)
            for item in fields.get("option_weights") or ()
        ],
        "criterion",
    )
    profile = fields.get("profile")
    if profile is None:
        return  # unreadable: nothing to check the criteria against
    criteria = profile.criteria()
    what = "is not a strength, interest or value of the profile"
    for index, weight in weights:
        if weight.criterion not in criteria:
            problems.append(
                Problem(f"option_weights[{index}].criterion", f"{weight.criterion!r} {what}")
            )
    for index, option in _sound(fields.get("options")):
        for slot, rating in enumerate(option.ratings):
            if rating.criterion not in criteria:
                problems.append(
                    Problem(
                        f"options[{index}].ratings[{slot}].criterion",
                        f"{rating.criterion!r} {what}",
                    )
                )


def _check_applications(
    problems: list[Problem],
    fields: Mapping[str, Any],
    role_ids: set[str] | None,
    asset_ids: set[str] | None,
    contact_ids: set[str] | None,
) -> None:
    assets = {asset.id: asset for _, asset in _sound(fields.get("assets"))}
    for index, application in _sound(fields.get("applications")):
        path = f"applications[{index}]"
        _refer_one(problems, f"{path}.role", application.role, role_ids, "role")
        _refer_one(problems, f"{path}.resume", application.resume, asset_ids, "asset")
        _refer_one(problems, f"{path}.referred_by", application.referred_by, contact_ids, "contact")
        used = assets.get(application.resume or "")
        if used is not None and used.kind is not AssetKind.RESUME:
            problems.append(
                Problem(f"{path}.resume", f"{used.id!r} is a {used.kind.value}, not a resume")
            )
