"""Reads for matching, part 2: rankings, team proposals and what the page and the API show.

Turning model rows into candidates is in candidates.py (see its docstring for consent and the
fixed number of queries); its public names are re-exported here so callers keep one import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.experts.disclosure import SELF, SPECIAL_ITEMS, can_see
from inzet.experts.models import AccessLog, AgeBand, ExpertProfile
from inzet.lib import phrases_i18n
from inzet.matching import rules
from inzet.matching.candidates import (  # noqa: F401  (re-exported for callers)
    RANKING_SIZE,
    REQUEST_ORGANISATION,
    TAKEN_STATES,
    TEAM_ALTERNATIVES,
    TEAM_POOL_SIZE,
    CandidateSet,
    RequestTerms,
    candidate_set,
    candidates_for,
    request_spec,
    request_terms,
    with_policy,
)
from inzet.matching.profile_columns import ProfileColumns
from inzet.matching.team import Team, TeamCandidate, TeamResult, fill_team

# --- ranking and team ----------------------------------------------------------------------------


def rank(pool: CandidateSet, viewer: User, *, limit: int = RANKING_SIZE) -> list[rules.Match]:
    return rules.rank(
        pool.terms.spec, pool.candidates, viewer_person_id=viewer.pk, limit=limit, labels=pool.terms.labels
    )


def team_attributes(profile: ProfileColumns, level: int) -> dict[str, str]:
    """Diversity attributes the viewer may see (the level is added by TeamCandidate.from_match)."""
    attributes = {}
    if profile.age_band and can_see(level, profile, "benefit"):  # "mijn uitkering en leeftijd"
        attributes["age_band"] = profile.age_band
    if profile.region and can_see(level, profile, "region"):
        attributes["region"] = profile.region
    return attributes


def team_labels(terms: RequestTerms) -> dict[str, str]:
    """Words for the team explanation (reader's language): the request's terms and the age bands (mid-sentence)."""
    bands = {band.value: str(band.label)[:1].lower() + str(band.label)[1:] for band in AgeBand}
    return {**terms.labels, **bands}


def compose(
    pool: CandidateSet,
    matches: list[rules.Match],
    viewer: User,
    *,
    alternatives: int = TEAM_ALTERNATIVES,
    max_same: dict[str, int] | None = None,
    time_limit_s: float = 10.0,
) -> TeamResult:
    """The best team of ``experts_needed`` from ``matches`` (the best 300), with alternatives."""
    by_id = {c.expert_id: c for c in pool.candidates}
    members = [
        TeamCandidate.from_match(
            by_id[m.expert_id],
            m,
            attributes=team_attributes(pool.profile(m.expert_id), pool.levels[m.expert_id]),
        )
        for m in matches
    ]
    spec = pool.terms.spec
    # Seats go first to those who said yes or still may: the proposal fills only the rest.
    taken = [pk for pk, state in pool.invited.items() if state in TAKEN_STATES]
    return fill_team(
        members,
        k=spec.experts_needed,
        taken=taken,
        required_areas=spec.required_areas,
        required_roles=spec.required_roles,
        exclude_person_id=viewer.pk,
        alternatives=alternatives,
        max_same=max_same,
        time_limit_s=time_limit_s,
        labels=team_labels(pool.terms),
    )


# --- what the page and the API show --------------------------------------------------------------


@dataclass
class RankedExpert:
    position: int
    expert_id: int
    name: str
    score: float
    criteria: tuple[rules.Criterion, ...]
    invitation_state: str  # "" when not invited
    invitation_label: str

    @property
    def can_invite(self) -> bool:
        return self.invitation_state in (
            "",
            Invitation.State.DECLINED,
            Invitation.State.EXPIRED,
            Invitation.State.WITHDRAWN,
        )


@dataclass
class TeamMember:
    expert_id: int
    name: str
    score: float


@dataclass
class ProposedTeam:
    members: list[TeamMember]
    explanation: tuple[str, ...]
    optimal: bool
    score_total: float
    diversity_bonus: float
    covered_areas: list[str]
    uncovered_areas: list[str]
    covered_roles: list[str]
    uncovered_roles: list[str]

    @property
    def expert_ids(self) -> str:
        return ",".join(str(m.expert_id) for m in self.members)


@dataclass
class MatchingPage:
    ranking: list[RankedExpert]
    team: ProposedTeam | None
    alternatives: list[ProposedTeam]
    pool_size: int
    feasible: bool
    experts_needed: int
    someone_asked: bool = False  # an accepted or pending invitation among the pool


def _names(profile_ids: Iterable[int], pool: CandidateSet) -> dict[int, str]:
    """Names as far as the viewer may see them (disclosure), one query for the shown experts only."""
    ids = sorted(set(profile_ids))
    names = dict(ExpertProfile.objects.filter(pk__in=ids).values_list("pk", "user__full_name"))
    shown = {}
    for pk in ids:
        if can_see(pool.levels[pk], pool.profile(pk), "name"):
            shown[pk] = names[pk]
        else:
            shown[pk] = _("Ervaringsdeskundige nr. %(number)s (naam niet gedeeld)") % {"number": pk}
    return shown


def _log(viewer: User | None, pool: CandidateSet, shown: dict[int, set[str]], *, context: str, path: str) -> None:
    """disclosure.log_access for a list: one AccessLog row per special item shown, in one insert."""
    if viewer is None or not viewer.is_authenticated:
        return
    entries = [
        AccessLog(profile_id=pk, viewer=viewer, item=item, context=context, path=path[:300])
        for pk, items in sorted(shown.items())
        if pool.levels[pk] != SELF
        for item in sorted(items & SPECIAL_ITEMS)
    ]
    if entries:
        AccessLog.objects.bulk_create(entries)


def _special_items(match: rules.Match | None, candidate: rules.Candidate) -> set[str]:
    """Special-category items a row or a team reveals: lived experience, and wants (shared with does-not-want)."""
    items = set()
    if candidate.experience_areas:
        items.add("experience")
    if match is not None and any(c.code == "wants" and c.shown for c in match.criteria):
        items.add("does_not_want")
    return items


def _team(team: Team, scores: dict[int, float], names: dict[int, str], labels: dict[str, str]) -> ProposedTeam:
    def words(codes: Iterable[str]) -> list[str]:
        return sorted(labels.get(code, code) for code in codes)

    return ProposedTeam(
        members=[TeamMember(expert_id=i, name=names[i], score=scores[i]) for i in team.chosen],
        explanation=tuple(phrases_i18n.text(line) for line in team.explanation),
        optimal=team.optimal,
        score_total=round(team.score_total, 2),
        diversity_bonus=round(team.diversity_bonus, 2),
        covered_areas=words(team.covered_areas),
        uncovered_areas=words(team.uncovered_areas),
        covered_roles=words(team.covered_roles),
        uncovered_roles=words(team.uncovered_roles),
    )


def matching_page(
    engagement: EngagementRequest,
    viewer: User,
    *,
    context: str = "page",
    path: str = "",
    with_ranking: bool = True,
    with_team: bool = True,
) -> MatchingPage:
    """The top 20 with explanations and the team proposal, for a coordinator or trainer of the organisation.

    Nobody excluded by a hard filter appears, nor the viewer (docs/domain/request-loop.md#independence). Bounded queries.
    """
    pool = candidate_set(engagement, viewer, reach=max(RANKING_SIZE, TEAM_POOL_SIZE if with_team else 0))
    matches = rank(pool, viewer, limit=max(RANKING_SIZE, TEAM_POOL_SIZE if with_team else 0))
    top = matches[:RANKING_SIZE] if with_ranking else []
    result = compose(pool, matches, viewer) if with_team and matches else None
    teams = [] if result is None or not result.feasible else [result, *result.alternatives]
    in_teams = {i for t in teams for i in t.chosen}
    names = _names([m.expert_id for m in top] + sorted(in_teams), pool)
    states = pool.invited
    by_id = {c.expert_id: c for c in pool.candidates}
    ranking = [
        RankedExpert(
            position=i,
            expert_id=m.expert_id,
            name=names[m.expert_id],
            score=m.score,
            criteria=m.criteria,
            invitation_state=states.get(m.expert_id, ""),
            invitation_label=str(Invitation.State(states[m.expert_id]).label) if m.expert_id in states else "",
        )
        for i, m in enumerate(top, start=1)
    ]
    scores = {m.expert_id: m.score for m in matches}
    labels = team_labels(pool.terms)
    proposals = [_team(t, scores, names, labels) for t in teams]
    match_by_id = {m.expert_id: m for m in top}
    shown = {pk: _special_items(match_by_id.get(pk), by_id[pk]) for pk in names}
    _log(viewer, pool, shown, context=context, path=path)
    return MatchingPage(
        ranking=ranking,
        team=proposals[0] if proposals else None,
        alternatives=proposals[1:],
        pool_size=len(matches),
        feasible=bool(proposals),
        experts_needed=pool.terms.spec.experts_needed,
        someone_asked=any(state in TAKEN_STATES for state in states.values()),
    )


def can_invite_now(engagement: EngagementRequest) -> bool:
    return engagement.status == RequestStatus.MATCHING
