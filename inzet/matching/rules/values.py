"""The values of matching: request, candidate, weights, criteria, and the request digested once (``_Plan``).

Pure Python, no Django. See the package docstring (inzet/matching/rules/__init__.py) for the rules.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import overload

from inzet.lib.phrases import _, dutch

LEVELS = ("experience", "experiential_knowledge", "expertise", "professional")
LEVEL_LABELS_NL = {
    "experience": _("ervaring"),
    "experiential_knowledge": _("ervaringskennis"),
    "expertise": _("ervaringsdeskundigheid"),
    "professional": _("professionele ervaringsdeskundigheid"),
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
    SELF: _("Dit bent u zelf. U kunt uzelf niet voorstellen of inzetten."),
    NO_CONSENT: _("Deze persoon wil nu niet voorgesteld worden voor opdrachten."),
    PAUSED: _("Deze persoon heeft even pauze."),
    DOES_NOT_WANT: _("Deze persoon wil dit soort werk niet doen."),
    UNAVAILABLE: _("Deze persoon is in deze periode niet beschikbaar."),
    TOO_FAR: _("Deze afstand is verder dan deze persoon wil reizen."),
}
_REASON_HIDDEN_NL = _("Deze persoon past niet bij deze vraag.")

# Criteria in the order they are shown: code, Dutch label (a message id), item it is based on.
CRITERIA = (
    ("experience_areas", _("Ervaringsgebied"), "experience_areas"),
    ("roles", _("Rol"), "roles"),
    ("competences", _("Competenties"), "competences"),
    ("level", _("Niveau"), "level"),
    ("availability", _("Beschikbaar in de periode"), "availability"),
    ("distance", _("Afstand"), "location"),
    ("languages", _("Talen"), "languages"),
    ("wants", _("Wensen"), "wants"),
    ("workload", _("Gewerkt in de laatste 8 weken"), "workload"),
    ("recent_heavy", _("Zware opdrachten kort geleden"), "workload"),
    ("feedback", _("Eerdere feedback"), "feedback"),
)
HIDDEN_NL = _("Niet met u gedeeld. Telt niet mee.")

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
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError("the request ends before it starts")
        if self.experts_needed < 1:
            raise ValueError("experts_needed must be at least 1")


@dataclass(frozen=True, slots=True)
class Criterion:
    """One line of a match's explanation.

    ``label_nl`` and ``explanation`` are message ids (a ``Phrase``, a tuple of them, or a plain
    Dutch message id): the Django layer translates them (``inzet.lib.phrases_i18n``).
    """

    code: str
    label_nl: str
    points: float
    max_points: float
    explanation: object
    shown: bool  # False: based on an item the viewer may not see (0 points)

    @property
    def explanation_nl(self) -> str:
        return dutch(self.explanation)


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
    request: RequestSpec
    weights: Weights
    viewer: int
    areas: frozenset[str]
    roles: frozenset[str]
    competences: frozenset[str]
    languages: frozenset[str]
    kinds: frozenset[str]
    min_rank: int | None
    level_fraction: tuple[float, ...]
    default_cap: float
    days: tuple[date, date] | None
    latlon: tuple[float, float, float] | None
    max: dict[str, float]
    # max[code] per criterion, as attributes: the ranking loop reads them for every candidate.
    m_experience_areas: float
    m_roles: float
    m_competences: float
    m_level: float
    m_availability: float
    m_distance: float
    m_languages: float
    m_wants: float
    m_workload: float
    m_recent_heavy: float
    m_feedback: float
    total: float
    vis_max: list[float]

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
        self.days = None if r.start is None or r.end is None else (r.start, r.end)
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
        self.max = {code: float(getattr(w, code)) if applies[code] else 0.0 for code, _label, _item in CRITERIA}
        m = self.max
        self.m_experience_areas, self.m_roles, self.m_competences = m["experience_areas"], m["roles"], m["competences"]
        self.m_level, self.m_availability, self.m_distance = m["level"], m["availability"], m["distance"]
        self.m_languages, self.m_wants, self.m_workload = m["languages"], m["wants"], m["workload"]
        self.m_recent_heavy, self.m_feedback = m["recent_heavy"], m["feedback"]
        self.total = sum(self.max.values())
        # vis_max[mask]: the most points a candidate can get when the viewer may see
        # the items in the bit mask. The ranking starts each candidate at this bound
        # and lowers it criterion by criterion, so most drop out after a few checks.
        per_bit = [0.0] * len(ITEMS)
        for code, _label, item in CRITERIA:
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


@overload
def _radians(point: tuple[float, float]) -> tuple[float, float, float]: ...
@overload
def _radians(point: tuple[float, float] | None) -> tuple[float, float, float] | None: ...
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
