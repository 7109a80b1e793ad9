"""The decision matrix of career options: weighted scores, the ranking and its robustness.

Each option of a plan is rated from 0 to 5 on criteria (the strengths,
interests and values of the profile); each criterion weighs 1 unless
``Plan.option_weights`` (or the ``weights`` argument) says otherwise. An
option's score is the weighted mean of its ratings, on the same 0-5 scale:

    score(o) = sum_c w_c * s_oc / sum_c w_c

where ``s_oc`` is the option's rating on criterion ``c`` (0 when unrated).
The *flip* measures how robust the choice is: the smallest change of one
criterion's weight that makes the runner-up tie the leader.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from attrs import frozen

from careerkit.errors import Problem, ValidationError
from careerkit.io import result_document
from careerkit.model import CareerOption, CriterionWeight, Exploration, Plan
from careerkit.model import rules as checks
from careerkit.model.arguments import checked_instance
from careerkit.model.options import MAX_SCORE

__all__ = ["Contribution", "OptionRanking", "OptionScore", "WeightFlip", "rank_options"]


@frozen(kw_only=True)
class Contribution:
    """What one criterion adds to an option's score.

    >>> Contribution(criterion="learning", weight=2, rating=4, contribution=2.0).contribution
    2.0
    """

    criterion: str
    """The criterion."""
    weight: float
    """Its weight in the matrix."""
    rating: float
    """The option's rating on it, 0 to 5 (0 when unrated)."""
    contribution: float | None
    """``weight * rating / total weight``; None when the weights sum to 0."""


@frozen(kw_only=True)
class OptionScore:
    """One option's place in the ranking: its score, what makes it, how it was explored.

    >>> OptionScore(option="stay", title="Stay", role=None, rank=1, score=None,
    ...             contributions=(), explorations=(), explored=False).rank
    1
    """

    option: str
    """The option's id."""
    title: str
    """The option's title."""
    role: str | None
    """The target role (id) it leads to, if any."""
    rank: int
    """Its place by score, highest first (ties by id); 1 for the leader."""
    score: float | None
    """The weighted mean of its ratings, 0 to 5; None when the weights sum to 0."""
    contributions: tuple[Contribution, ...]
    """Per criterion, by name; they add up to the score."""
    explorations: tuple[Exploration, ...]
    """Every way the option was tried or is planned, dated ones first by date."""
    explored: bool
    """Whether it has any exploration (an unexplored option is a choice made blind)."""


@frozen(kw_only=True)
class WeightFlip:
    """The smallest change of one criterion's weight that ties the runner-up with the leader.

    >>> flip = WeightFlip(criterion="brand strategy", leader="stay", runner_up="agency",
    ...                   weight_from=1, weight_to=1.4, change=0.4, relative_change=0.4)
    >>> flip.change
    0.4
    """

    criterion: str
    """The criterion whose weight would change."""
    leader: str
    """The leading option (id)."""
    runner_up: str
    """The option ranked second (id)."""
    weight_from: float
    """The criterion's weight now."""
    weight_to: float
    """The weight at which the two tie."""
    change: float
    """``weight_to - weight_from``: negative to lower the weight."""
    relative_change: float | None
    """``change / weight_from``; None when the weight is 0 now. Large = a robust choice."""


@result_document("option_ranking", properties=("leader",))
@frozen(kw_only=True)
class OptionRanking:
    """The decision matrix of a plan's career options, ranked.

    >>> OptionRanking(criteria=(), total_weight=0, options=(), flip=None).leader is None
    True
    """

    criteria: tuple[CriterionWeight, ...]
    """Every criterion rated by an option or weighted, by name, with the weight used."""
    total_weight: float
    """The sum of the weights (the scores are undefined when it is 0)."""
    options: tuple[OptionScore, ...]
    """The options, ranked."""
    flip: WeightFlip | None
    """The robustness of the choice; None with fewer than two options, when the
    weights sum to 0, or when no single weight can tie the top two."""

    @property
    def leader(self) -> str | None:
        """The id of the option ranked first, None without options."""
        return self.options[0].option if self.options else None


def rank_options(plan: Plan, *, weights: Mapping[str, float] | None = None) -> OptionRanking:
    """Score and rank a plan's career options on weighted criteria.

    Parameters
    ----------
    plan
        The plan, whose ``options`` are ranked.
    weights
        Weights by criterion, overriding ``plan.option_weights``; each key a
        strength, interest or value of the profile, each weight 0 or more.
        A criterion weighed by neither weighs 1.

    Returns
    -------
    OptionRanking
        The criteria with their weights, the options by score (highest
        first, ties by id) with per-criterion contributions, and the flip.
        When the weights sum to 0 every score is None and the options are
        in id order.

    Raises
    ------
    ValidationError
        ``plan`` is not a Plan, or ``weights`` is not a mapping of profile
        criteria to numbers of at least 0 (the path names the key).

    Examples
    --------
    >>> from careerkit.career.options import rank_options
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 1, 5),
    ...     profile=Profile(values=("autonomy", "learning"), interests=("brand",)),
    ...     option_weights=[CriterionWeight(criterion="learning", weight=2)],
    ...     options=[CareerOption(id="stay", title="Stay", ratings=[
    ...                  Rating(criterion="autonomy", score=3), Rating(criterion="learning", score=4)]),
    ...              CareerOption(id="agency", title="Agency", ratings=[
    ...                  Rating(criterion="autonomy", score=4), Rating(criterion="brand", score=5)])])
    >>> ranking = rank_options(plan)
    >>> [(option.option, option.score) for option in ranking.options]
    [('stay', 2.75), ('agency', 2.25)]
    >>> flip = ranking.flip
    >>> flip.criterion, flip.weight_from, round(flip.weight_to, 9)
    ('brand', 1.0, 1.4)
    >>> rank_options(plan, weights={"brand": 1.4}).options[0].score
    2.5
    """
    checked_instance(plan, Plan, "plan")
    used = _weights(plan, _checked_weights(plan, weights))
    total = math.fsum(used.values())
    scored = sorted(
        (_scored(option, used, total) for option in plan.options),
        key=lambda row: (-(row[0] if row[0] is not None else 0.0), row[1].id),
    )
    options = tuple(
        _option_score(option, rank, score, contributions)
        for rank, (score, option, contributions) in enumerate(scored, start=1)
    )
    top = [option for _, option, _ in scored[:2]]
    return OptionRanking(
        criteria=tuple(CriterionWeight(criterion=name, weight=used[name]) for name in used),
        total_weight=total,
        options=options,
        flip=_flip(top, used) if len(top) == 2 and total > 0 else None,
    )


def _checked_weights(plan: Plan, weights: object) -> dict[str, float]:
    """``weights`` as a dict, if it maps criteria of the profile to weights."""
    if weights is None:
        return {}
    if not isinstance(weights, Mapping):
        problem = f"expected a mapping, got {type(weights).__name__}"
        raise ValidationError(path="weights", problem=problem)
    problems: list[Problem] = []
    criteria = plan.profile.criteria()
    for key, value in weights.items():
        path = f"weights[{key!r}]"
        if not isinstance(key, str) or key not in criteria:
            problems.append(Problem(path, "not a strength, interest or value of the profile"))
        checks.check_number(problems, path, value, minimum=0)
    checks.raise_if_any(problems)
    return dict(weights)


def _weights(plan: Plan, overrides: dict[str, float]) -> dict[str, float]:
    """Every criterion by name with its weight: overrides, then the plan's, then 1."""
    given = {weight.criterion: weight.weight for weight in plan.option_weights}
    given.update(overrides)
    names = {rating.criterion for option in plan.options for rating in option.ratings}
    return {name: float(given.get(name, 1)) for name in sorted(names | given.keys())}


def _scored(
    option: CareerOption, weights: dict[str, float], total: float
) -> tuple[float | None, CareerOption, tuple[Contribution, ...]]:
    """An option's score (None when the weights sum to 0) and its contributions."""
    ratings = {name: float(option.score_of(name)) for name in weights}
    contributions = tuple(
        Contribution(
            criterion=name,
            weight=weight,
            rating=ratings[name],
            contribution=weight * ratings[name] / total if total > 0 else None,
        )
        for name, weight in weights.items()
    )
    if total <= 0:
        return None, option, contributions
    weighted = math.fsum(weight * ratings[name] for name, weight in weights.items())
    return min(float(MAX_SCORE), weighted / total), option, contributions


def _option_score(
    option: CareerOption, rank: int, score: float | None, contributions: tuple[Contribution, ...]
) -> OptionScore:
    explorations = sorted(
        option.explorations, key=lambda item: (item.on is None, item.on or date.min, item.title)
    )
    return OptionScore(
        option=option.id,
        title=option.title,
        role=option.role,
        rank=rank,
        score=score,
        contributions=contributions,
        explorations=tuple(explorations),
        explored=bool(option.explorations),
    )


def _flip(top: list[CareerOption], weights: dict[str, float]) -> WeightFlip | None:
    """The smallest single-weight change that ties the two top options, if any.

    With ``d_k`` the leader's rating on ``k`` minus the runner-up's and
    ``N = sum_c w_c d_c``, moving ``w_k`` by ``delta`` moves ``N`` by
    ``delta * d_k``: they tie at ``delta = -N / d_k``, allowed when the new
    weight is at least 0 and another criterion weighs something. (When ``w_k``
    is the only weight, the scores are the ratings on ``k`` whatever it is: the
    tie found at ``w_k = 0``, up to rounding, is no tie but no scores at all.)
    """
    leader, runner_up = top
    gaps = {name: leader.score_of(name) - runner_up.score_of(name) for name in weights}
    lead = math.fsum(weights[name] * gap for name, gap in gaps.items())
    weighing = {name for name, weight in weights.items() if weight > 0}
    candidates = []
    for name, gap in gaps.items():
        if gap == 0:
            continue
        delta = -lead / gap
        weight_to = weights[name] + delta
        if weight_to >= 0 and weighing - {name}:  # another criterion weighs something
            candidates.append((abs(delta), name, delta, weight_to))
    if not candidates:
        return None
    _, name, delta, weight_to = min(candidates)
    weight_from = weights[name]
    return WeightFlip(
        criterion=name,
        leader=leader.id,
        runner_up=runner_up.id,
        weight_from=weight_from,
        weight_to=weight_to,
        change=delta,
        relative_change=delta / weight_from if weight_from > 0 else None,
    )
