"""The career domain: skills and gaps, career assets, relationships, options, the job search.

Each module reads a plan as of a date and gives a result value with a JSON
form: :mod:`careerkit.career.skills` the skill gaps against a target role,
:mod:`careerkit.career.assets` the freshness of resumes and profiles,
:mod:`careerkit.career.relationships` the keep-in-touch status and network
breadth, :mod:`careerkit.career.options` the decision matrix of career
options, :mod:`careerkit.career.jobsearch` the funnel of applications, and
:mod:`careerkit.career.redact` the pseudonymised plan to share.
:class:`CareerPolicy` holds the thresholds of the signals that
:func:`careerkit.detect_slippage` raises from them.
"""

from careerkit.career.assets import (
    AchievementKind,
    AssetReport,
    AssetState,
    MissingResume,
    StaleReason,
    UnreflectedAchievement,
    asset_status,
)
from careerkit.career.jobsearch import (
    FUNNEL_STAGES,
    ActiveApplication,
    Funnel,
    FunnelStage,
    JobSearchReport,
    ResumeFunnel,
    job_search,
)
from careerkit.career.options import (
    Contribution,
    OptionRanking,
    OptionScore,
    WeightFlip,
    rank_options,
)
from careerkit.career.overview import CareerOverview, career_overview
from careerkit.career.policy import CareerPolicy
from careerkit.career.relationships import (
    MAX_PERIODS,
    BreadthPoint,
    ContactState,
    FollowUp,
    FollowUpState,
    NetworkBreadth,
    RelationshipReport,
    RoleCount,
    network_breadth,
    relationship_status,
)
from careerkit.career.skills import (
    SkillGap,
    SkillGaps,
    SkillLevel,
    SkillRaise,
    skill_gaps,
    skill_levels,
    target_role,
)

__all__ = [
    "FUNNEL_STAGES",
    "MAX_PERIODS",
    "AchievementKind",
    "ActiveApplication",
    "AssetReport",
    "AssetState",
    "BreadthPoint",
    "CareerOverview",
    "CareerPolicy",
    "ContactState",
    "Contribution",
    "FollowUp",
    "FollowUpState",
    "Funnel",
    "FunnelStage",
    "JobSearchReport",
    "MissingResume",
    "NetworkBreadth",
    "OptionRanking",
    "OptionScore",
    "RelationshipReport",
    "ResumeFunnel",
    "RoleCount",
    "SkillGap",
    "SkillGaps",
    "SkillLevel",
    "SkillRaise",
    "StaleReason",
    "UnreflectedAchievement",
    "WeightFlip",
    "asset_status",
    "career_overview",
    "job_search",
    "network_breadth",
    "rank_options",
    "relationship_status",
    "skill_gaps",
    "skill_levels",
    "target_role",
]
