"""Reads for matching, part 2: rankings, team proposals and what the page and the API show.

Turning model rows into candidates is in candidates.py (see its docstring for consent and the
fixed number of queries); its public names are re-exported here so callers keep one import.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, replace

from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.experts.disclosure import SELF, SPECIAL_ITEMS, can_see, viewer_basis, write_access_log
from inzet.experts.models import AgeBand, ExpertProfile, ExpertStatus
from inzet.lib import phrases_i18n
from inzet.matching import pool_cache, rules
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
    feedback_scores,
    live_reads,
    request_spec,
    request_terms,
    with_policy,
)
from inzet.matching.profile_columns import ProfileColumns
from inzet.matching.team import Team, TeamCandidate, TeamResult, fill_team

# --- ranking and team ----------------------------------------------------------------------------


def rank(
    pool: CandidateSet, viewer: User, *, limit: int = RANKING_SIZE, explain: int | None = None
) -> list[rules.Match]:
    """The best ``limit``; only the best ``explain`` (all when None) carry their criteria."""
    return rules.rank(
        pool.terms.spec,
        pool.candidates,
        viewer_person_id=viewer.pk,
        limit=limit,
        labels=pool.terms.labels,
        explain=explain,
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


@dataclass(frozen=True)
class CriterionLine:
    """One criterion as the page prints it (reader's language); made in Python, not in the template:
    20 rows of 10 criteria made template tags most of the page's time."""

    label: str
    points: str  # "3 van 5 punten", or "" when the item is not shared
    explanation: str


def criterion_line(criterion: rules.Criterion) -> CriterionLine:
    points = ""
    if criterion.shown:
        points = _("%(points)s van %(max)s punten") % {
            "points": floatformat(criterion.points, -1),
            "max": floatformat(criterion.max_points, -1),
        }
    return CriterionLine(phrases_i18n.text(criterion.label_nl), points, phrases_i18n.text(criterion.explanation))


@dataclass
class RankedExpert:
    position: int
    expert_id: int
    name: str
    score: float
    criteria: tuple[rules.Criterion, ...]
    invitation_state: str  # "" when not invited
    invitation_label: str
    # The criteria as printed; matching_page fills it from the cached pool's memo (made once per language).
    printed: tuple[CriterionLine, ...] | None = None

    @cached_property
    def lines(self) -> tuple[CriterionLine, ...]:
        return self.printed if self.printed is not None else tuple(criterion_line(c) for c in self.criteria)

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


def _names(profile_ids: Iterable[int], pool: CandidateSet, organisation_id: int) -> tuple[dict[int, str], bool]:
    """Names as far as the viewer may see them (disclosure), one query for the shown experts only.

    Also whether one of them may no longer be matched (no consent, paused, inactive, moved away)
    through a write the cached pool did not see (pool_cache): the page then builds the pool afresh.
    """
    ids = sorted(set(profile_ids))
    rows = ExpertProfile.objects.filter(pk__in=ids).values_list(
        "pk", "user__full_name", "organisation_id", "status", "consent_matching", "paused"
    )
    names, willing = {}, set()
    for pk, name, organisation, status, consent, paused in rows:
        names[pk] = name
        if organisation == organisation_id and status == ExpertStatus.ACTIVE and consent and not paused:
            willing.add(pk)
    shown = {}
    for pk in ids:
        if can_see(pool.levels[pk], pool.profile(pk), "name"):
            shown[pk] = names.get(pk, "")
        else:
            shown[pk] = _("Ervaringsdeskundige nr. %(number)s (naam niet gedeeld)") % {"number": pk}
    return shown, len(willing) < len(ids)


@dataclass
class _Cached:
    """One pool_cache entry: the candidates (without this request's invitations) and their ranking,
    and team proposals already solved for the seats taken (``fill_team`` is pure in its inputs)."""

    pool: CandidateSet
    matches: list[rules.Match]
    teams: dict[tuple[int, ...], TeamResult] = field(default_factory=dict)
    # The printed criteria per (expert, language): the same on every view of this entry, and making
    # them (gettext and number formats for 20 × 10 criteria) was most of a warm page's time.
    printed: dict[tuple[int, str], tuple[CriterionLine, ...]] = field(default_factory=dict)

    def lines(self, match: rules.Match) -> tuple[CriterionLine, ...]:
        key = (match.expert_id, get_language() or "")
        found = self.printed.get(key)
        if found is None:
            found = self.printed[key] = tuple(criterion_line(c) for c in match.criteria)
        return found


def _ranked(
    engagement: EngagementRequest, viewer: User, *, reach: int, fresh: bool
) -> tuple[CandidateSet, list[rules.Match], _Cached, Hashable]:
    """The pool and its best ``reach`` for this view: from pool_cache when nothing it rests on changed.

    Every view reads the version, the request's terms, the invitations and recent work, the viewer's
    basis and the feedback scores (a fixed number of queries); only a miss reads the experts.
    """
    organisation_id = engagement.deploying_organisation_id
    version = pool_cache.version(organisation_id)  # before the rows (see pool_cache)
    terms = request_terms(engagement)
    today = timezone.localdate()
    invited, recent = live_reads(engagement, organisation_ids=[organisation_id], today=today)
    feedback = feedback_scores(engagement) if terms.spec.use_feedback else {}
    basis = viewer_basis(viewer)
    key = (
        organisation_id,
        version,
        engagement.pk,
        terms.spec,
        tuple(sorted(terms.labels.items())),
        basis,
        today,
        reach,
        tuple(sorted(recent.items())),
        tuple(sorted(feedback.items())),
    )
    entry = None if fresh else pool_cache.get(key)
    if not isinstance(entry, _Cached):
        pool = candidate_set(
            engagement, viewer, terms=terms, today=today, reach=reach, live=({}, recent), feedback=feedback, basis=basis
        )
        # The team needs only scores (TeamCandidate.from_match): explain only the rows shown.
        entry = _Cached(pool=pool, matches=rank(pool, viewer, limit=reach, explain=RANKING_SIZE))
        pool_cache.put(key, entry)
    return replace(entry.pool, invited=invited), entry.matches, entry, key


def _log(viewer: User | None, pool: CandidateSet, shown: dict[int, set[str]], *, context: str, path: str) -> None:
    """disclosure.log_access for a list: one AccessLog row per special item shown, in one insert."""
    if viewer is None or not viewer.is_authenticated:
        return
    entries = [
        (pk, item)
        for pk, items in sorted(shown.items())
        if pool.levels[pk] != SELF
        for item in sorted(items & SPECIAL_ITEMS)
    ]
    write_access_log(viewer.pk, entries, context, path)


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
    fresh: bool = False,
) -> MatchingPage:
    """The top 20 with explanations and the team proposal, for a coordinator or trainer of the organisation.

    Nobody excluded by a hard filter appears, nor the viewer (docs/domain/request-loop.md#independence). Bounded queries.
    """
    reach = max(RANKING_SIZE, TEAM_POOL_SIZE if with_team else 0)
    pool, matches, entry, key = _ranked(engagement, viewer, reach=reach, fresh=fresh)
    top = matches[:RANKING_SIZE] if with_ranking else []
    result = None
    if with_team and matches:
        taken = tuple(sorted(pk for pk, state in pool.invited.items() if state in TAKEN_STATES))
        result = entry.teams.get(taken)
        if result is None:
            result = entry.teams[taken] = compose(pool, matches, viewer)
    teams = [] if result is None or not result.feasible else [result, *result.alternatives]
    in_teams = {i for t in teams for i in t.chosen}
    names, stale = _names([m.expert_id for m in top] + sorted(in_teams), pool, engagement.deploying_organisation_id)
    if stale:
        # Someone shown changed past the services: never show them from a cached pool; build afresh
        # (a fresh pool read them a moment ago, in this view: as without any cache).
        pool_cache.discard(key)
        if not fresh:
            return matching_page(
                engagement,
                viewer,
                context=context,
                path=path,
                with_ranking=with_ranking,
                with_team=with_team,
                fresh=True,
            )
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
            printed=entry.lines(m),
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
