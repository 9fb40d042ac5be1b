"""Hard filters, points and the ranking loop (pure Python, no Django)."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping

from inzet.matching.rules.explain import _criteria
from inzet.matching.rules.values import (
    _B_AREAS,
    _B_AVAILABILITY,
    _B_COMPETENCES,
    _B_FEEDBACK,
    _B_LANGUAGES,
    _B_LEVEL,
    _B_LOCATION,
    _B_ROLES,
    _B_WANTS,
    _B_WORKLOAD,
    _REASON_HIDDEN_NL,
    _REASON_ITEM,
    _REASON_NL,
    DEFAULT_WEIGHTS,
    DOES_NOT_WANT,
    NO_CONSENT,
    PAUSED,
    SELF,
    TOO_FAR,
    UNAVAILABLE,
    Candidate,
    Match,
    RequestSpec,
    Weights,
    _distance_fraction,
    _free_days,
    _haversine,
    _Plan,
    distance_km,
)


def _points(p: _Plan, c: Candidate, floor: float, out: dict[str, float] | None) -> float | None:
    """Raw points of a candidate, or None when a hard filter excludes them.

    Also None when the candidate provably cannot reach ``floor`` (the ranking's
    current cut-off). ``out``, when given, receives the fraction (0-1) of every
    criterion the viewer may see. This is the hot loop of ``rank``: ``ub`` starts at
    the most this candidate could get and drops with every shortfall; the costly
    checks (dates, trigonometry) only run for who can still make it.
    """
    if c.person_id == p.viewer or not c.consent_to_matching or c.paused:
        return None
    vis = c._vmask
    ub = p.vis_max[vis]
    if ub < floor:
        return None
    if p.kinds and not p.kinds.isdisjoint(c.does_not_want):
        return None
    if p.m_experience_areas and vis & _B_AREAS:
        f = len(p.areas & c.experience_areas) / len(p.areas)
        ub -= p.m_experience_areas * (1.0 - f)
        if out is not None:
            out["experience_areas"] = f
    if p.m_roles and vis & _B_ROLES:
        f = len(p.roles & c.roles) / len(p.roles)
        ub -= p.m_roles * (1.0 - f)
        if out is not None:
            out["roles"] = f
    if ub < floor:
        return None
    if p.m_competences and vis & _B_COMPETENCES:
        # Confirmed competences count in full, self-assessed ones half.
        f = len(p.competences & c.competences)
        if c.self_assessed_competences:
            f += 0.5 * len((p.competences & c.self_assessed_competences) - c.competences)
        f /= len(p.competences)
        ub -= p.m_competences * (1.0 - f)
        if out is not None:
            out["competences"] = f
    if p.m_level and vis & _B_LEVEL:
        f = p.level_fraction[c._level_rank]
        ub -= p.m_level * (1.0 - f)
        if out is not None:
            out["level"] = f
    if p.m_languages and vis & _B_LANGUAGES:
        f = len(p.languages & c.languages) / len(p.languages)
        ub -= p.m_languages * (1.0 - f)
        if out is not None:
            out["languages"] = f
    if p.m_wants and vis & _B_WANTS:
        f = 0.0 if p.kinds.isdisjoint(c.wants) else 1.0
        ub -= p.m_wants * (1.0 - f)
        if out is not None:
            out["wants"] = f
    if ub < floor:
        return None
    if vis & _B_WORKLOAD:
        if p.m_workload:
            cap = p.default_cap if c._hours_cap is None else c._hours_cap
            f = max(0.0, 1.0 - c.hours_last_8_weeks / cap) if cap > 0 else 0.0
            ub -= p.m_workload * (1.0 - f)
            if out is not None:
                out["workload"] = f
        if p.m_recent_heavy:
            f = p.heavy_fraction(c.heavy_assignments_recent)
            ub -= p.m_recent_heavy * (1.0 - f)
            if out is not None:
                out["recent_heavy"] = f
    if p.m_feedback and vis & _B_FEEDBACK:
        f = c._feedback
        ub -= p.m_feedback * (1.0 - f)
        if out is not None:
            out["feedback"] = f
    if ub < floor:
        return None
    if p.days is not None:
        free, total = _free_days(c, *p.days)
        if free <= 0:
            return None  # unavailable
        if p.m_availability and vis & _B_AVAILABILITY:
            f = free / total
            ub -= p.m_availability * (1.0 - f)
            if out is not None:
                out["availability"] = f
    if p.latlon is not None:
        f = 0.0  # where the expert lives is not known: no points
        if c._latlon is not None:
            d = _haversine(p.latlon, c._latlon)
            if c.travel_radius_km is not None and d > c.travel_radius_km:
                return None  # too far
            f = _distance_fraction(d, c, p.weights)
        if p.m_distance and vis & _B_LOCATION:
            ub -= p.m_distance * (1.0 - f)
            if out is not None:
                out["distance"] = f
    return ub


def filter_reason(request: RequestSpec, candidate: Candidate, viewer_person_id: int) -> str | None:
    """The hard-filter reason code that excludes ``candidate``, or None.

    For logs, audits and tests. The code may rest on an item the viewer may not
    see; show people ``exclusion_nl`` instead.
    """
    c, r = candidate, request
    if c.person_id == viewer_person_id:
        return SELF
    if not c.consent_to_matching:
        return NO_CONSENT
    if c.paused:
        return PAUSED
    if not r.kinds.isdisjoint(c.does_not_want):
        return DOES_NOT_WANT
    if r.start is not None and r.end is not None and _free_days(c, r.start, r.end)[0] <= 0:
        return UNAVAILABLE
    if (
        r.location is not None
        and c.location is not None
        and c.travel_radius_km is not None
        and distance_km(r.location, c.location) > c.travel_radius_km
    ):
        return TOO_FAR
    return None


def exclusion_nl(request: RequestSpec, candidate: Candidate, viewer_person_id: int) -> str | None:
    """A Dutch sentence for the viewer on why ``candidate`` is left out, or None.

    The sentence is also its gettext message id: the Django layer translates it.

    Names the reason only when the viewer may see the item behind it; otherwise it
    says no more than that the person does not qualify.
    """
    reason = filter_reason(request, candidate, viewer_person_id)
    if reason is None:
        return None
    item = _REASON_ITEM[reason]
    if item is not None and not candidate.may_see(item):
        return _REASON_HIDDEN_NL
    return _REASON_NL[reason]


def _score(raw: float, total: float) -> float:
    return round(100.0 * raw / total, 2) if total > 0 else 0.0


def evaluate(
    request: RequestSpec,
    candidate: Candidate,
    *,
    viewer_person_id: int,
    weights: Weights = DEFAULT_WEIGHTS,
    labels: Mapping[str, str] | None = None,
) -> Match | None:
    """Score and explain one candidate; None when a hard filter excludes them."""
    return _evaluate(_Plan(request, weights, viewer_person_id), candidate, labels or {})


def _evaluate(p: _Plan, c: Candidate, labels: Mapping[str, str]) -> Match | None:
    fractions: dict[str, float] = {}
    raw = _points(p, c, -math.inf, fractions)
    if raw is None:
        return None
    return Match(c.expert_id, _score(raw, p.total), _criteria(p, c, fractions, labels))


class _Top:
    """The best ``limit`` so far, as a min-heap keyed (score, -expert_id)."""

    __slots__ = ("floor", "heap", "limit", "plan", "seq")

    def __init__(self, plan: _Plan, limit: int) -> None:
        self.plan, self.limit = plan, limit
        self.heap: list[tuple[float, int, int, Candidate]] = []
        self.floor = -math.inf  # raw points a newcomer must at least reach
        self.seq = 0  # keeps heap entries comparable if an expert_id repeats

    def scan(self, candidates: Iterable[Candidate]) -> None:
        p, heap, limit, floor, total = (
            self.plan,
            self.heap,
            self.limit,
            self.floor,
            self.plan.total,
        )
        for c in candidates:
            raw = _points(p, c, floor, None)
            if raw is None:
                continue
            self.seq += 1
            entry = (_score(raw, total), -c.expert_id, self.seq, c)
            if len(heap) < limit:
                heapq.heappush(heap, entry)
            elif entry > heap[0]:
                heapq.heapreplace(heap, entry)
            else:
                continue
            if len(heap) == limit:
                # Whoever cannot reach this score, even after rounding, cannot enter.
                floor = (heap[0][0] - 0.006) * total / 100.0
        self.floor = floor

    def matches(self, labels: Mapping[str, str] | None, explain: int | None = None) -> list[Match]:
        """Best first; only the first ``explain`` (all when None) carry their criteria, the rest only a score."""
        best = sorted(self.heap, reverse=True)
        out = []
        for i, (score, minus_id, _, c) in enumerate(best):
            if explain is not None and i >= explain:
                out.append(Match(-minus_id, score, ()))
                continue
            match = _evaluate(self.plan, c, labels or {})
            assert match is not None  # in the heap only after passing the hard filters
            out.append(match)
        return out


def rank(
    request: RequestSpec,
    candidates: Iterable[Candidate],
    *,
    viewer_person_id: int,
    weights: Weights = DEFAULT_WEIGHTS,
    limit: int = 20,
    labels: Mapping[str, str] | None = None,
    explain: int | None = None,
) -> list[Match]:
    """The best ``limit`` candidates for ``request``, best first.

    ``explain``: only the best ``explain`` get their criteria (explanations are most of the cost of
    ranking 300 for a team when a page shows 20); the others come with ``criteria=()``. Scores and
    order do not depend on it.

    Order: score descending, then expert_id ascending (expert ids are unique), so
    equal input gives equal output. Candidates a hard filter excludes never appear,
    nor does the viewer. ``labels`` maps codes (areas, roles, competences,
    languages, kinds) to Dutch names for the explanations. One pass over all
    candidates; for large pools ranked again and again use ``CandidatePool``.
    """
    if limit <= 0:
        return []
    top = _Top(_Plan(request, weights, viewer_person_id), limit)
    top.scan(candidates)
    return top.matches(labels, explain)
