"""Matching rules: who may be proposed for a request, how well they fit, and why.

Pure Python, no Django. The services layer turns model rows into ``Candidate`` and
``RequestSpec`` values for one viewer (the coordinator who asks for a ranking) and
calls ``rank``; a detail page can call ``evaluate`` for one expert.

Hard filters (``filter_reason``) never let anyone through, whatever the score:

- ``self``          the candidate is the viewer: a coordinator can never propose or
                    assign themselves (docs/domain/request-loop.md#independence), checked per person, not per role;
- ``no_consent``    the expert did not agree to be matched at all;
- ``paused``        the expert took a pause (normal, and it must not count against
                    them: they are simply not proposed);
- ``does_not_want`` a kind of work in the request is on the expert's does-not-want
                    list (the right to decline without a reason);
- ``unavailable``   the expert is free on none of the days of the request's period
                    (unavailable periods and working weekdays); partly free is a
                    lower availability score, not an exclusion;
- ``too_far``       in-person work beyond the travel radius the expert set himself.
                    Without a radius of their own nobody is excluded for distance; the
                    score then uses ``Weights.default_travel_radius_km``.

Consent policy (AVG/GDPR: lived experience is health data, docs/domain/consent.md).
``Candidate.consent`` says, per item, whether the *viewer* may see it. An item the
viewer may not see is treated as unknown: it adds no points and its value appears in
no explanation. Letting a hidden item add points would leak it through the ranking
itself: if an expert with a hidden "addiction" area rose to the top of an addiction
request, the order would tell the viewer what the profile does not. Because the
maximum points of each criterion depend on the request only, never on the candidate,
a hidden item cannot shift the score either way; toggling a hidden value leaves the
score unchanged (there is a property test for this). The price is that an expert who
hides an item ranks lower on it; that is their choice to make.

Hard filters do use hidden items, because they protect the expert: a pause, a
does-not-want, a holiday or a travel limit is honoured even when the viewer may not
see it. The exclusion is silent: the candidate is left out and ``exclusion_nl`` only
names the reason when the viewer may see the item behind it. (Someone who could post
many requests might still probe for a hidden travel radius or does-not-want; that is
why rankings are for coordinators of the expert's own organisation only, which the
permission layer enforces.)

Speed. ``rank`` makes one pass: cheap hard filters first, then each candidate starts
at the most points it could get and drops out as soon as it can no longer reach the
current top ``limit``; dates and trigonometry only run for who is still in the race.
``CandidatePool`` indexes a viewer's candidates once (bit sets per area, role,
competence and level) and skips whole groups that cannot reach the top; it returns
exactly what ``rank`` returns. On 100,000 synthetic candidates a pool ranking takes
tens of milliseconds; a plain ``rank`` over the same list takes several times that.
"""

from __future__ import annotations

import functools
import heapq
import math
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

LEVELS = ("experience", "experiential_knowledge", "expertise", "professional")
LEVEL_LABELS_NL = {
    "experience": "ervaring",
    "experiential_knowledge": "ervaringskennis",
    "expertise": "ervaringsdeskundigheid",
    "professional": "professionele ervaringsdeskundigheid",
}
_LEVEL_RANK = {code: i for i, code in enumerate(LEVELS)}

# Items an expert can share or hide per viewer (keys of ``Candidate.consent``).
ITEMS = (
    "experience_areas",
    "roles",
    "competences",
    "level",
    "availability",
    "location",
    "languages",
    "wants",
    "workload",
    "feedback",
)
_BIT = {item: 1 << i for i, item in enumerate(ITEMS)}
_B_AREAS = _BIT["experience_areas"]
_B_ROLES = _BIT["roles"]
_B_COMPETENCES = _BIT["competences"]
_B_LEVEL = _BIT["level"]
_B_AVAILABILITY = _BIT["availability"]
_B_LOCATION = _BIT["location"]
_B_LANGUAGES = _BIT["languages"]
_B_WANTS = _BIT["wants"]
_B_WORKLOAD = _BIT["workload"]
_B_FEEDBACK = _BIT["feedback"]

# Hard-filter reason codes, in the order filter_reason checks them.
SELF = "self"
NO_CONSENT = "no_consent"
PAUSED = "paused"
DOES_NOT_WANT = "does_not_want"
UNAVAILABLE = "unavailable"
TOO_FAR = "too_far"
FILTER_REASONS = (SELF, NO_CONSENT, PAUSED, DOES_NOT_WANT, UNAVAILABLE, TOO_FAR)

# The item a reason is based on; None: always safe to say.
_REASON_ITEM = {
    SELF: None,
    NO_CONSENT: None,
    PAUSED: "availability",
    DOES_NOT_WANT: "wants",
    UNAVAILABLE: "availability",
    TOO_FAR: "location",
}
_REASON_NL = {
    SELF: "Dit bent u zelf. U kunt uzelf niet voorstellen of inzetten.",
    NO_CONSENT: "Deze persoon doet (nu) niet mee aan matchen.",
    PAUSED: "Deze persoon heeft even pauze.",
    DOES_NOT_WANT: "Deze persoon wil dit soort werk niet doen.",
    UNAVAILABLE: "Deze persoon is in deze periode niet beschikbaar.",
    TOO_FAR: "Deze afstand is verder dan deze persoon wil reizen.",
}
_REASON_HIDDEN_NL = "Deze persoon komt niet in aanmerking voor deze vraag."

# Criteria in the order they are shown: code, Dutch label, item it is based on.
CRITERIA = (
    ("experience_areas", "Ervaringsgebied", "experience_areas"),
    ("roles", "Rol", "roles"),
    ("competences", "Competenties", "competences"),
    ("level", "Niveau", "level"),
    ("availability", "Beschikbaar in de periode", "availability"),
    ("distance", "Afstand", "location"),
    ("languages", "Talen", "languages"),
    ("wants", "Wensen", "wants"),
    ("workload", "Inzet in de laatste 8 weken", "workload"),
    ("recent_heavy", "Zware opdrachten kort geleden", "workload"),
    ("feedback", "Eerdere feedback", "feedback"),
)
HIDDEN_NL = "Niet met u gedeeld. Telt niet mee."

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Weights:
    """Maximum points per criterion, and a few tunables. Operators may change them."""

    experience_areas: float = 30.0
    roles: float = 15.0
    competences: float = 15.0
    level: float = 10.0
    availability: float = 10.0
    distance: float = 10.0
    languages: float = 10.0
    wants: float = 5.0
    workload: float = 10.0
    recent_heavy: float = 5.0
    feedback: float = 10.0
    # Score for distance when the expert set no radius of their own (no exclusion then).
    default_travel_radius_km: float = 50.0
    # Capacity for the workload criterion when the expert set no hours per week.
    default_hours_per_week: float = 8.0
    # Heavy assignments in the recent period at which the criterion gives 0 points.
    heavy_limit: int = 2


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One expert as seen by one viewer.

    ``consent`` maps an item of ``ITEMS`` to whether the viewer may see it; a missing
    item counts as hidden. ``consent_to_matching`` is the expert's own yes to being
    matched at all. Hard filters use every field; scores and explanations use only
    the items the viewer may see.
    """

    expert_id: int
    person_id: int
    consent_to_matching: bool = False
    consent: Mapping[str, bool] = field(default_factory=dict, hash=False)
    experience_areas: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    competences: frozenset[str] = frozenset()  # confirmed (e.g. by a trainer)
    self_assessed_competences: frozenset[str] = frozenset()  # count half
    level: str = "experience"
    paused: bool = False
    unavailable_periods: tuple[tuple[date, date], ...] = ()  # inclusive
    available_weekdays: frozenset[int] = frozenset()  # 0 = Monday; empty = every day
    hours_per_week: float | None = None
    location: tuple[float, float] | None = None  # (lat, lon) in degrees
    travel_radius_km: float | None = None
    languages: frozenset[str] = frozenset()
    wants: frozenset[str] = frozenset()
    does_not_want: frozenset[str] = frozenset()
    hours_last_8_weeks: float = 0.0
    heavy_assignments_recent: int = 0
    feedback_score: float | None = None  # 0.0-1.0, normalised; None: none yet
    # Derived once, so the ranking loop stays cheap.
    _vmask: int = field(init=False, repr=False, compare=False)
    _level_rank: int = field(init=False, repr=False, compare=False)
    _blocked: tuple[tuple[date, date], ...] = field(init=False, repr=False, compare=False)
    _latlon: tuple[float, float, float] | None = field(init=False, repr=False, compare=False)
    _hours_cap: float | None = field(init=False, repr=False, compare=False)
    _feedback: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.level not in _LEVEL_RANK:
            raise ValueError(f"unknown level {self.level!r}")
        if any(not 0 <= d <= 6 for d in self.available_weekdays):
            raise ValueError("available_weekdays holds 0 (Monday) to 6 (Sunday)")
        if any(a > b for a, b in self.unavailable_periods):
            raise ValueError("an unavailable period ends before it starts")
        setattr_ = object.__setattr__
        for name in _CANDIDATE_SETS:
            value = getattr(self, name)
            if type(value) is not frozenset:
                setattr_(self, name, frozenset(value))
        vmask = sum(_BIT.get(k, 0) for k, v in self.consent.items() if v)
        setattr_(self, "_vmask", vmask)
        setattr_(self, "_level_rank", _LEVEL_RANK[self.level])
        setattr_(self, "_blocked", _merge_periods(self.unavailable_periods))
        setattr_(self, "_latlon", _radians(self.location))
        setattr_(self, "_hours_cap", None if self.hours_per_week is None else 8 * self.hours_per_week)
        feedback = 0.0 if self.feedback_score is None else min(1.0, max(0.0, self.feedback_score))
        setattr_(self, "_feedback", feedback)

    def may_see(self, item: str) -> bool:
        """Whether the viewer may see ``item`` of this expert."""
        return bool(self._vmask & _BIT.get(item, 0))


_CANDIDATE_SETS = (
    "experience_areas",
    "roles",
    "competences",
    "self_assessed_competences",
    "available_weekdays",
    "languages",
    "wants",
    "does_not_want",
)


@dataclass(frozen=True, slots=True)
class RequestSpec:
    """What a request asks for. ``location`` None means online work.

    ``kinds`` holds every code an expert can say yes or no to (kind of work, practice
    setting, sector, target group); it is compared with ``wants`` and
    ``does_not_want``. ``start`` and ``end`` are both set (inclusive) or both None.
    """

    required_areas: frozenset[str] = frozenset()
    required_roles: frozenset[str] = frozenset()
    required_competences: frozenset[str] = frozenset()
    min_level: str | None = None
    start: date | None = None
    end: date | None = None
    location: tuple[float, float] | None = None
    languages: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    experts_needed: int = 1  # the k for team composition
    is_heavy: bool = False
    use_feedback: bool = False  # installation switch: may past feedback count?

    def __post_init__(self) -> None:
        for name in ("required_areas", "required_roles", "required_competences", "languages", "kinds"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        if self.min_level is not None and self.min_level not in _LEVEL_RANK:
            raise ValueError(f"unknown level {self.min_level!r}")
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end, or neither")
        if self.start is not None and self.start > self.end:
            raise ValueError("the request ends before it starts")
        if self.experts_needed < 1:
            raise ValueError("experts_needed must be at least 1")


@dataclass(frozen=True, slots=True)
class Criterion:
    code: str
    label_nl: str
    points: float
    max_points: float
    explanation_nl: str
    shown: bool  # False: based on an item the viewer may not see (0 points)


@dataclass(frozen=True, slots=True)
class Match:
    expert_id: int
    score: float  # 0-100, rounded to 2 decimals
    criteria: tuple[Criterion, ...]


class _Plan:
    """The request, digested once per ranking: sets, maximum points, radians."""

    __slots__ = (
        "areas",
        "competences",
        "days",
        "default_cap",
        "kinds",
        "languages",
        "latlon",
        "level_fraction",
        "m_availability",
        "m_competences",
        "m_distance",
        "m_experience_areas",
        "m_feedback",
        "m_languages",
        "m_level",
        "m_recent_heavy",
        "m_roles",
        "m_wants",
        "m_workload",
        "max",
        "min_rank",
        "request",
        "roles",
        "total",
        "viewer",
        "vis_max",
        "weights",
    )

    def __init__(self, request: RequestSpec, weights: Weights, viewer: int) -> None:
        r, w = request, weights
        self.request, self.weights, self.viewer = r, w, viewer
        self.areas, self.roles = r.required_areas, r.required_roles
        self.competences, self.languages = r.required_competences, r.languages
        self.kinds = r.kinds
        self.min_rank = None if r.min_level is None else _LEVEL_RANK[r.min_level]
        # Level: full points at or above the asked level, half one step below.
        self.level_fraction = tuple(
            1.0 if self.min_rank is None or rank >= self.min_rank else 0.5 if rank == self.min_rank - 1 else 0.0
            for rank in range(len(LEVELS))
        )
        self.default_cap = 8 * w.default_hours_per_week  # hours in 8 weeks
        self.days = None if r.start is None else (r.start, r.end)
        self.latlon = _radians(r.location)
        applies = {
            "experience_areas": bool(self.areas),
            "roles": bool(self.roles),
            "competences": bool(self.competences),
            "level": self.min_rank is not None,
            "availability": self.days is not None,
            "distance": self.latlon is not None,
            "languages": bool(self.languages),
            "wants": bool(self.kinds),
            "workload": True,
            "recent_heavy": r.is_heavy,
            "feedback": r.use_feedback,
        }
        # Depends on the request only, never on a candidate (see the consent policy).
        self.max = {code: float(getattr(w, code)) if applies[code] else 0.0 for code, _, _ in CRITERIA}
        for code, value in self.max.items():
            setattr(self, "m_" + code, value)
        self.total = sum(self.max.values())
        # vis_max[mask]: the most points a candidate can get when the viewer may see
        # the items in the bit mask. The ranking starts each candidate at this bound
        # and lowers it criterion by criterion, so most drop out after a few checks.
        per_bit = [0.0] * len(ITEMS)
        for code, _, item in CRITERIA:
            per_bit[ITEMS.index(item)] += self.max[code]
        vis_max = [0.0] * (1 << len(ITEMS))
        for mask in range(1, len(vis_max)):
            low = mask & -mask
            vis_max[mask] = vis_max[mask ^ low] + per_bit[low.bit_length() - 1]
        self.vis_max = vis_max

    def heavy_fraction(self, count: int) -> float:
        limit = self.weights.heavy_limit
        return max(0.0, 1.0 - count / limit) if limit > 0 else 0.0


def _merge_periods(
    periods: Iterable[tuple[date, date]],
) -> tuple[tuple[date, date], ...]:
    merged: list[list[date]] = []
    for a, b in sorted(periods):
        if merged and a.toordinal() <= merged[-1][1].toordinal() + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return tuple((a, b) for a, b in merged)


def _radians(point: tuple[float, float] | None) -> tuple[float, float, float] | None:
    if point is None:
        return None
    lat, lon = math.radians(point[0]), math.radians(point[1])
    return lat, lon, math.cos(lat)


def _haversine(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    s_lat = math.sin((b[0] - a[0]) / 2)
    s_lon = math.sin((b[1] - a[1]) / 2)
    h = s_lat * s_lat + a[2] * b[2] * s_lon * s_lon
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance in km between two (lat, lon) points."""
    return _haversine(_radians(a), _radians(b))


def _count_days(a: date, b: date, weekdays: frozenset[int]) -> int:
    """Days from a to b inclusive that fall on ``weekdays`` (empty: every day)."""
    n = (b - a).days + 1
    if n <= 0:
        return 0
    if not weekdays:
        return n
    weeks, rest = divmod(n, 7)
    first = a.weekday()
    return weeks * len(weekdays) + sum(1 for i in range(rest) if (first + i) % 7 in weekdays)


def _free_days(c: Candidate, start: date, end: date) -> tuple[int, int]:
    """(free days, working days) of the candidate in the period."""
    total = _count_days(start, end, c.available_weekdays)
    blocked = 0
    for a, b in c._blocked:
        if b >= start and a <= end:
            blocked += _count_days(max(a, start), min(b, end), c.available_weekdays)
    return total - blocked, total


def _distance_fraction(d: float, c: Candidate, w: Weights) -> float:
    radius = c.travel_radius_km if c.travel_radius_km is not None else w.default_travel_radius_km
    return max(0.0, 1.0 - d / radius) if radius > 0 else float(d == 0)


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
    if r.start is not None and _free_days(c, r.start, r.end)[0] <= 0:
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

    def matches(self, labels: Mapping[str, str] | None) -> list[Match]:
        best = sorted(self.heap, reverse=True)
        return [_evaluate(self.plan, c, labels or {}) for _, _, _, c in best]


def rank(
    request: RequestSpec,
    candidates: Iterable[Candidate],
    *,
    viewer_person_id: int,
    weights: Weights = DEFAULT_WEIGHTS,
    limit: int = 20,
    labels: Mapping[str, str] | None = None,
) -> list[Match]:
    """The best ``limit`` candidates for ``request``, best first.

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
    return top.matches(labels)


def _bitset(indexes: Iterable[int], size: int) -> int:
    raw = bytearray(size // 8 + 1)
    for i in indexes:
        raw[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(raw, "little")


def _members(bits: int) -> list[int]:
    """Indexes of the set bits, lowest first."""
    s = bin(bits)[:1:-1]  # least significant bit first, without "0b"
    out = []
    i = s.find("1")
    while i >= 0:
        out.append(i)
        i = s.find("1", i + 1)
    return out


def _count_planes(sets: list[int], full: int) -> list[int]:
    """sets[k] = members with exactly k of the given bit sets (bit-sliced adder)."""
    planes: list[int] = []
    for bits in sets:
        carry = bits
        for j in range(len(planes)):
            planes[j], carry = planes[j] ^ carry, planes[j] & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    exact = []
    for k in range(len(sets) + 1):
        group = full
        for j, plane in enumerate(planes):
            group &= plane if k >> j & 1 else full ^ plane
        exact.append(group if k < 1 << len(planes) else 0)
    return exact


class CandidatePool:
    """Candidates for one viewer, indexed once so that each ranking is fast.

    ``pool.rank(...)`` returns exactly what ``rank(...)`` returns for the same
    candidates (a property test holds them to that). The pool keeps bit sets of who
    has each experience area, role, competence and level *and shares it with the
    viewer*, so the index follows the consent policy. A ranking splits the pool
    into groups by how much of the asked areas, roles, competences and level people
    have and which items they share, works out the most points each group can
    reach, scores the most promising groups first and skips every group that can no
    longer reach the current top ``limit``. Build a new pool when the candidates or
    the viewer change.
    """

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates = tuple(candidates)
        n = len(self.candidates)
        if len({c.expert_id for c in self.candidates}) != n:
            raise ValueError("expert_id must be unique in a pool")
        self._full = (1 << n) - 1
        by_mask: dict[int, list[int]] = {}  # who is active, by what the viewer sees
        index: dict[tuple[str, str], list[int]] = {}  # (item, code) -> who
        for i, c in enumerate(self.candidates):
            if c.consent_to_matching and not c.paused:
                by_mask.setdefault(c._vmask, []).append(i)
            vis = c._vmask
            if vis & _B_AREAS:
                for code in c.experience_areas:
                    index.setdefault(("experience_areas", code), []).append(i)
            if vis & _B_ROLES:
                for code in c.roles:
                    index.setdefault(("roles", code), []).append(i)
            if vis & _B_COMPETENCES:
                for code in c.competences | c.self_assessed_competences:
                    index.setdefault(("competences", code), []).append(i)
            if vis & _B_LEVEL:
                index.setdefault(("level", c.level), []).append(i)
        self._by_mask = {mask: _bitset(ix, n) for mask, ix in by_mask.items()}
        self._index = {key: _bitset(ix, n) for key, ix in index.items()}

    def __len__(self) -> int:
        return len(self.candidates)

    def _dimensions(self, p: _Plan) -> list[tuple[int, float, list[tuple[float, int]]]]:
        """Per indexed criterion: its item bit, its maximum points, and tiers of
        (highest possible fraction, who). Together the tiers of a criterion hold
        everyone; who hides the item is in the 0 tier."""
        full, index = self._full, self._index
        dims = []
        for code, bit, asked in (
            ("experience_areas", _B_AREAS, p.areas),
            ("roles", _B_ROLES, p.roles),
            ("competences", _B_COMPETENCES, p.competences),
        ):
            if p.max[code]:
                counts = _count_planes([index.get((code, c), 0) for c in sorted(asked)], full)
                tiers = [(k / len(asked), bits) for k, bits in enumerate(counts)]
                dims.append((bit, p.max[code], tiers))
        if p.max["level"]:
            by_fraction: dict[float, int] = {}
            for level, rank in _LEVEL_RANK.items():
                f = p.level_fraction[rank]
                if f:
                    by_fraction[f] = by_fraction.get(f, 0) | index.get(("level", level), 0)
            rest = full ^ functools.reduce(operator.or_, by_fraction.values(), 0)
            dims.append((_B_LEVEL, p.max["level"], [*by_fraction.items(), (0.0, rest)]))
        return dims

    def rank(
        self,
        request: RequestSpec,
        *,
        viewer_person_id: int,
        weights: Weights = DEFAULT_WEIGHTS,
        limit: int = 20,
        labels: Mapping[str, str] | None = None,
    ) -> list[Match]:
        """Same contract and result as the module's ``rank``."""
        if limit <= 0:
            return []
        p = _Plan(request, weights, viewer_person_id)
        top = _Top(p, limit)
        dims = self._dimensions(p)
        # First split: by which items people share. ``rest`` is the most points
        # from the criteria that are not indexed.
        rests: dict[float, int] = {}
        for mask, bits in self._by_mask.items():
            rest = p.vis_max[mask] - sum(m for bit, m, _ in dims if mask & bit)
            rests[rest] = rests.get(rest, 0) | bits
        if not rests:
            return []  # nobody is willing and not paused
        tier_lists = [sorted(rests.items(), reverse=True)]
        tier_lists += [sorted(tiers, key=lambda t: -t[0]) for _, _, tiers in dims]
        maxes = [1.0] + [m for _, m, _ in dims]

        def bound(key: tuple[int, ...]) -> float:
            return sum(m * tiers[t][0] for m, tiers, t in zip(maxes, tier_lists, key, strict=True))

        cache: dict[tuple[int, ...], int] = {(): self._full}

        def members(key: tuple[int, ...]) -> int:
            bits = cache.get(key)
            if bits is None:
                bits = members(key[:-1])
                if bits:
                    bits &= tier_lists[len(key) - 1][key[-1]][1]
                cache[key] = bits
            return bits

        # Best-first walk over the groups (one tier per criterion): the bound only
        # drops when a tier index goes up, so the walk can stop at the first group
        # that cannot reach the current top.
        start = (0,) * len(tier_lists)
        queue = [(-bound(start), start)]
        seen = {start}
        while queue:
            negative_bound, key = heapq.heappop(queue)
            if -negative_bound < top.floor:
                break
            bits = members(key)
            if bits:
                top.scan(self.candidates[i] for i in _members(bits))
            for d, t in enumerate(key):
                if t + 1 < len(tier_lists[d]):
                    nxt = (*key[:d], t + 1, *key[d + 1 :])
                    if nxt not in seen:
                        seen.add(nxt)
                        heapq.heappush(queue, (-bound(nxt), nxt))
        return top.matches(labels)


# Explanations ---------------------------------------------------------------


def _names(codes: Iterable[str], labels: Mapping[str, str]) -> str:
    names = sorted(labels.get(code, code) for code in codes)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def _share(found: frozenset[str], asked: frozenset[str], what: str, labels) -> str:
    if not found:
        return f"Geen van de gevraagde {what}."
    if found == asked:
        return f"Alle gevraagde {what}: {_names(found, labels)}."
    return f"{len(found)} van de {len(asked)} gevraagde {what}: {_names(found, labels)}."


def _criteria(
    p: _Plan, c: Candidate, fractions: Mapping[str, float], labels: Mapping[str, str]
) -> tuple[Criterion, ...]:
    out = []
    for code, label, _item in CRITERIA:
        max_points = p.max[code]
        if not max_points:
            continue
        if code not in fractions:
            out.append(Criterion(code, label, 0.0, max_points, HIDDEN_NL, False))
            continue
        f = fractions[code]
        text = _explain(code, p, c, labels)
        out.append(Criterion(code, label, round(max_points * f, 2), max_points, text, True))
    return tuple(out)


def _explain(code: str, p: _Plan, c: Candidate, labels: Mapping[str, str]) -> str:
    """Dutch (B1) text for a criterion the viewer may see."""
    r, w = p.request, p.weights
    if code == "experience_areas":
        return _share(p.areas & c.experience_areas, p.areas, "ervaringsgebieden", labels)
    if code == "roles":
        return _share(p.roles & c.roles, p.roles, "rollen", labels)
    if code == "competences":
        confirmed = p.competences & c.competences
        self_only = (p.competences & c.self_assessed_competences) - c.competences
        text = _share(confirmed, p.competences, "competenties (bevestigd)", labels)
        if self_only:
            text += f" Zelf ingeschat (telt half): {_names(self_only, labels)}."
        return text
    if code == "level":
        have, asked = LEVEL_LABELS_NL[c.level], LEVEL_LABELS_NL[r.min_level]
        return f"Niveau: {have}. Gevraagd: {asked} of hoger."
    if code == "availability":
        free, total = _free_days(c, r.start, r.end)
        days = "dagen waarop deze persoon werkt" if c.available_weekdays else "dagen"
        if free == total:
            return f"Beschikbaar op alle {total} {days} in de periode."
        return f"Beschikbaar op {free} van de {total} {days} in de periode."
    if code == "distance":
        if c._latlon is None:
            return "Niet bekend waar deze persoon woont."
        d = round(_haversine(p.latlon, c._latlon))
        if c.travel_radius_km is None:
            return f"Ongeveer {d} km reizen."
        return f"Ongeveer {d} km reizen. Wil tot {c.travel_radius_km:g} km reizen."
    if code == "languages":
        return _share(p.languages & c.languages, p.languages, "talen", labels)
    if code == "wants":
        liked = p.kinds & c.wants
        if liked:
            return f"Wil graag dit soort werk doen: {_names(liked, labels)}."
        return "Heeft dit soort werk niet als wens opgegeven."
    if code == "workload":
        per_week = c.hours_per_week if c.hours_per_week is not None else w.default_hours_per_week
        return (
            f"{c.hours_last_8_weeks:g} uur ingezet in de laatste 8 weken. "
            f"Past bij deze persoon: ongeveer {8 * per_week:g} uur."
        )
    if code == "recent_heavy":
        n = c.heavy_assignments_recent
        if n == 0:
            return "Geen zware opdracht kort geleden."
        return f"{n} zware opdracht{'en' if n > 1 else ''} kort geleden. Rust is belangrijk."
    if code == "feedback":
        if c.feedback_score is None:
            return "Nog geen feedback."
        return f"Eerdere feedback: {round(100 * c._feedback)} van de 100."
    raise ValueError(code)
