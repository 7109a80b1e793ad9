"""Career assets: resume versions, cover-letter templates, the public profile, the portfolio."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules
from careerkit.model.enums import AssetKind
from careerkit.model.rules import Choice, Date, Id, Number, Text

__all__ = ["MAX_AGE", "Asset"]

MAX_AGE = 36_500
"""The longest freshness policy, in days (about a century)."""

_FIELDS = rules.fields(
    "Asset",
    id=Id(),
    kind=Choice(AssetKind),
    title=Text(),
    roles=rules.Ids(),
    updated_on=Date(),
    max_age=Number(minimum=1, maximum=MAX_AGE, integer=True, optional=True),
    refresh_after_goal=rules.Instance(bool),
    notes=Text(required=False),
)


@frozen(kw_only=True)
class Asset:
    """A career asset with the roles it targets and when it must be refreshed.

    Parameters
    ----------
    id
        Unique among the plan's assets.
    kind
        Resume, cover-letter template, public profile or portfolio.
    title
        Which version it is, such as ``"Resume - director track"``.
    roles
        The target roles (ids of ``Plan.roles``) it is tailored for; empty
        for a general asset.
    updated_on
        When it was last brought up to date.
    max_age
        The freshness policy: the asset is stale once more days than this
        have passed since ``updated_on`` (None: no age limit).
    refresh_after_goal
        The other freshness policy: the asset is stale once any goal is
        achieved after ``updated_on``.
    notes
        Free text.

    Examples
    --------
    >>> resume = Asset(id="cv", kind=AssetKind.RESUME, title="Resume",
    ...                updated_on=date(2026, 3, 1), max_age=180)
    >>> resume.due_on
    datetime.date(2026, 8, 28)
    """

    id: str
    kind: AssetKind
    title: str
    roles: tuple[str, ...] = field(default=(), converter=rules.to_tuple)
    updated_on: date
    max_age: int | None = None
    refresh_after_goal: bool = False
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _FIELDS.check(problems, self)
        rules.raise_if_any(problems)

    @property
    def due_on(self) -> date | None:
        """The last day the asset is fresh by its age limit (None without one, or
        when the day would fall past the calendar)."""
        if (
            self.max_age is None
            or self.updated_on.toordinal() + self.max_age > date.max.toordinal()
        ):
            return None
        return date.fromordinal(self.updated_on.toordinal() + self.max_age)
