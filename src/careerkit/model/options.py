"""Career options: paths or roles rated against the profile, and the ways they are explored."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from careerkit.errors import Problem
from careerkit.model import rules
from careerkit.model.enums import ExplorationKind
from careerkit.model.rules import Choice, Date, Id, Number, Text

__all__ = ["MAX_SCORE", "CareerOption", "CriterionWeight", "Exploration", "Rating"]

MAX_SCORE = 5
"""Ratings run from 0 (the option does nothing for the criterion) to 5 (all one could want)."""

_RATING_FIELDS = rules.fields(
    "Rating", criterion=Text(), score=Number(minimum=0, maximum=MAX_SCORE)
)
_WEIGHT_FIELDS = rules.fields("CriterionWeight", criterion=Text(), weight=Number(minimum=0))
_EXPLORATION_FIELDS = rules.fields(
    "Exploration",
    kind=Choice(ExplorationKind),
    title=Text(),
    on=Date(optional=True),
    task=Id(optional=True),
    note=Text(required=False),
)


@frozen(kw_only=True)
class Rating:
    """How well an option serves one criterion: a strength, interest or value of the profile.

    >>> Rating(criterion="growth", score=4.5).score
    4.5
    """

    criterion: str
    score: float

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _RATING_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


@frozen(kw_only=True)
class CriterionWeight:
    """How much a criterion counts in the decision matrix (0 or more; 1 when not given).

    >>> CriterionWeight(criterion="growth", weight=3).weight
    3
    """

    criterion: str
    weight: float

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _WEIGHT_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


@frozen(kw_only=True)
class Exploration:
    """A way of trying an option: an informational interview, job shadowing, ...

    Parameters
    ----------
    kind
        What kind of exploration it is.
    title
        What it is, such as ``"Coffee with a product marketing lead"``.
    on
        When it took place or is planned, if known.
    task
        The plan's task (id) that carries it out, if there is one.
    note
        What was learned (free text).

    Examples
    --------
    >>> Exploration(kind=ExplorationKind.JOB_SHADOWING, title="A day at the agency").on is None
    True
    """

    kind: ExplorationKind
    title: str
    on: date | None = None
    task: str | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _EXPLORATION_FIELDS.check(problems, self)
        rules.raise_if_any(problems)


_OPTION_FIELDS = rules.fields(
    "CareerOption",
    id=Id(),
    title=Text(),
    description=Text(required=False),
    role=Id(optional=True),
    ratings=rules.Items(Rating),
    explorations=rules.Items(Exploration),
)


@frozen(kw_only=True)
class CareerOption:
    """A career path or role under consideration, rated against the profile.

    Parameters
    ----------
    id
        Unique among the plan's options.
    title
        The option, such as ``"Move into product marketing"``.
    description
        Longer free text.
    role
        The target role (id of ``Plan.roles``) the option leads to, if any.
    ratings
        A score from 0 to 5 for each criterion rated, each criterion once;
        a criterion left unrated scores 0.
    explorations
        The ways the option is being tried.

    Examples
    --------
    >>> option = CareerOption(id="product", title="Product marketing",
    ...                       ratings=[Rating(criterion="growth", score=4)])
    >>> option.score_of("growth"), option.score_of("autonomy")
    (4, 0)
    """

    id: str
    title: str
    description: str = ""
    role: str | None = None
    ratings: tuple[Rating, ...] = field(default=(), converter=rules.to_tuple)
    explorations: tuple[Exploration, ...] = field(default=(), converter=rules.to_tuple)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if "ratings" not in _OPTION_FIELDS.check(problems, self):
            rules.report_repeated(
                problems, "ratings", [rating.criterion for rating in self.ratings], "criterion"
            )
        rules.raise_if_any(problems)

    def score_of(self, criterion: str, /) -> float:
        """The option's rating on ``criterion``, 0 when it is not rated."""
        return next((rating.score for rating in self.ratings if rating.criterion == criterion), 0)
