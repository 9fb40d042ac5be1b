"""Matching over the API: the ranking and the team proposal for one request.

The same permission and consent rules as the page (/koppelen/<id>/): coordinators and trainers
of the request's deploying organisation; everyone else gets 404. Explanations only use what each
expert shares with coordinators; hidden criteria count 0 and say so. The coordinator who asks is
never in the ranking or the team (docs/domain/request-loop.md#independence).

Mount with `api.add_router("/matching", matching.router)`.
"""

from ninja import Router, Schema

from inzet.api.schemas import Error, Id
from inzet.lib import phrases_i18n
from inzet.matching import selectors
from inzet.matching.permissions import get_request_for_matching

router = Router(tags=["matching"])


class CriterionOut(Schema):
    code: str
    label: str
    points: float
    max_points: float
    explanation: str
    shown: bool  # False: based on something the expert does not share with you (counts 0)


class RankedExpertOut(Schema):
    position: int
    expert_id: int
    name: str
    score: float
    criteria: list[CriterionOut]
    invitation_state: str  # "" when not invited


class RankingOut(Schema):
    request_id: int
    experts_needed: int
    experts: list[RankedExpertOut]


class TeamMemberOut(Schema):
    expert_id: int
    name: str
    score: float


class TeamOut(Schema):
    members: list[TeamMemberOut]
    explanation: list[str]
    optimal: bool
    score_total: float
    diversity_bonus: float
    covered_areas: list[str]
    uncovered_areas: list[str]
    covered_roles: list[str]
    uncovered_roles: list[str]


class TeamProposalOut(Schema):
    request_id: int
    experts_needed: int
    team: TeamOut | None  # None when no team can be proposed
    alternatives: list[TeamOut]


def _criterion(c) -> CriterionOut:
    return CriterionOut(
        code=c.code,
        label=phrases_i18n.text(c.label_nl),
        points=c.points,
        max_points=c.max_points,
        explanation=phrases_i18n.text(c.explanation),
        shown=c.shown,
    )


def _team(team: selectors.ProposedTeam) -> TeamOut:
    return TeamOut(
        members=[TeamMemberOut(expert_id=m.expert_id, name=m.name, score=m.score) for m in team.members],
        explanation=list(team.explanation),
        optimal=team.optimal,
        score_total=team.score_total,
        diversity_bonus=team.diversity_bonus,
        covered_areas=team.covered_areas,
        uncovered_areas=team.uncovered_areas,
        covered_roles=team.covered_roles,
        uncovered_roles=team.uncovered_roles,
    )


@router.get(
    "/requests/{pk}/ranking",
    response={200: RankingOut, 404: Error},
    summary="The best 20 experts for a request, with the reasons",
)
def ranking(request, pk: Id):
    engagement, _access = get_request_for_matching(request.auth, pk)
    page = selectors.matching_page(
        engagement, request.auth, context="api", path=request.get_full_path(), with_team=False
    )
    return RankingOut(
        request_id=engagement.pk,
        experts_needed=page.experts_needed,
        experts=[
            RankedExpertOut(
                position=row.position,
                expert_id=row.expert_id,
                name=row.name,
                score=row.score,
                criteria=[_criterion(c) for c in row.criteria],
                invitation_state=row.invitation_state,
            )
            for row in page.ranking
        ],
    )


@router.get(
    "/requests/{pk}/team",
    response={200: TeamProposalOut, 404: Error},
    summary="A proposed team of experts_needed people, with two alternatives",
)
def team(request, pk: Id):
    engagement, _access = get_request_for_matching(request.auth, pk)
    page = selectors.matching_page(
        engagement, request.auth, context="api", path=request.get_full_path(), with_ranking=False
    )
    return TeamProposalOut(
        request_id=engagement.pk,
        experts_needed=page.experts_needed,
        team=_team(page.team) if page.team else None,
        alternatives=[_team(t) for t in page.alternatives],
    )
