"""Skills: the inventory on the profile, what a target role requires, what work builds.

Levels use one scale everywhere, from 0 to 5 (``LEVELS`` names them): 0 the
skill is absent, 1 aware of it, 2 a beginner, 3 competent on one's own, 4
proficient (others ask for help), 5 expert (recognised beyond the team).
"""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules
from careerkit.model.rules import Date, Id, Number, Text

__all__ = ["LEVELS", "MAX_LEVEL", "RequiredSkill", "Role", "Skill", "SkillGain"]

MAX_LEVEL = 5
"""The highest skill level."""
LEVELS = ("absent", "aware", "beginner", "competent", "proficient", "expert")
"""The name of each level, indexed by the level (0 to 5)."""

_LEVEL = Number(minimum=0, maximum=MAX_LEVEL, integer=True)
_SKILL_FIELDS = rules.fields(
    "Skill",
    name=Text(),
    level=_LEVEL,
    evidence=Text(required=False),
    last_used=Date(optional=True),
    assessed_on=Date(optional=True),
)
_GAIN_FIELDS = rules.fields(
    "SkillGain", skill=Text(), by=Number(minimum=1, maximum=MAX_LEVEL, integer=True)
)
_REQUIRED_FIELDS = rules.fields(
    "RequiredSkill",
    skill=Text(),
    level=Number(minimum=1, maximum=MAX_LEVEL, integer=True),
    weight=Number(minimum=0),
)


@frozen(kw_only=True)
class Skill:
    """A skill in the profile's inventory, at a level on the 0-5 scale.

    Parameters
    ----------
    name
        The skill, such as ``"SEO"``; unique in the inventory. Roles and
        work name skills by this name.
    level
        How good the person is at it, 0 to 5 (see ``LEVELS``).
    evidence
        What shows the level: a project, a certificate, feedback.
    last_used
        When the skill was last put to use.
    assessed_on
        When ``level`` was judged. Work finished on or before this date is
        taken to be in the level already; work finished later raises it.
        Without it, every finished piece of work raises it.

    Examples
    --------
    >>> Skill(name="SEO", level=2).level
    2
    >>> Skill(name="SEO", level=7)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: level: must be at most 5, got 7
    """

    name: str
    level: int
    evidence: str = ""
    last_used: date | None = None
    assessed_on: date | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _SKILL_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


@frozen(kw_only=True)
class SkillGain:
    """What a task or goal adds to a skill when it is finished or achieved.

    Parameters
    ----------
    skill
        The skill built, named as in the profile or in a role.
    by
        How many levels it adds (1 to 5); a level never goes past 5.

    Examples
    --------
    >>> SkillGain(skill="analytics", by=2).by
    2
    """

    skill: str
    by: int = 1

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _GAIN_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


@frozen(kw_only=True)
class RequiredSkill:
    """A skill a role asks for, at a level, with its weight among the role's skills.

    Parameters
    ----------
    skill
        The skill's name.
    level
        The level the role needs, 1 to 5.
    weight
        How much the skill matters to the role (0 or more, default 1).

    Examples
    --------
    >>> RequiredSkill(skill="budgeting", level=4, weight=2).weight
    2
    """

    skill: str
    level: int
    weight: float = 1.0

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _REQUIRED_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


_ROLE_FIELDS = rules.fields(
    "Role",
    id=Id(),
    title=Text(),
    skills=rules.Items(RequiredSkill),
    vision=rules.Instance(bool),
    description=Text(required=False),
)


@frozen(kw_only=True)
class Role:
    """A role the person aims at, with the skills it requires.

    Parameters
    ----------
    id
        Unique among the plan's roles.
    title
        The role, such as ``"Marketing director"``.
    skills
        What the role requires, each skill once.
    vision
        Whether this is the role of the plan's vision; at most one role is.
    description
        Longer free text.

    Examples
    --------
    >>> role = Role(id="director", title="Marketing director",
    ...             skills=[RequiredSkill(skill="budgeting", level=4)], vision=True)
    >>> role.required("budgeting").level
    4
    >>> Role(id="x", title="X", skills=[RequiredSkill(skill="a", level=2)] * 2)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: skills[1].skill: 'a' is listed twice (also at index 0)
    """

    id: str
    title: str
    skills: tuple[RequiredSkill, ...] = field(default=(), converter=rules.to_tuple)
    vision: bool = False
    description: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if "skills" not in _ROLE_FIELDS.check(problems, self):
            rules.report_repeated(
                problems, "skills", [required.skill for required in self.skills], "skill"
            )
        rules.raise_if_any(problems)

    def required(self, skill: str, /) -> RequiredSkill | None:
        """What the role asks of ``skill``, or None if it does not ask for it."""
        return next((required for required in self.skills if required.skill == skill), None)
