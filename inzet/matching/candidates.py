"""Reads for matching, part 1: model rows → ``rules.Candidate`` for one viewer (the request side is terms.py).

Rankings, team proposals and what the page shows are in selectors.py, which re-exports this module's
public names (``request_terms``, ``candidate_set``, ``candidates_for``, ...).

Consent (see rules.py, "Consent policy"): every item of ``rules.ITEMS`` is mapped to what the
viewer may see through inzet/experts/disclosure.py (``viewer_levels``, ``can_see``,
``experience_visible``). Experience areas carry their own visibility per row: an area the viewer
may not see is left out of ``Candidate.experience_areas`` altogether, so it neither adds points
nor appears in any explanation; the item itself stays "shared".

Fetching is a fixed number of queries whatever the pool size: the request's terms, the policy
switch (none when the request came through ``with_policy``), the profiles, ONE ``UNION ALL`` for
everything else per expert (the expert–term relations, their invitation to this request, their
accepted work of the last 8 weeks) and the unavailable periods that overlap the request. It reads
only the terms the request asks about: the rules only ever intersect the candidate's sets with the
request's, so the rest is never needed (data minimisation for special-category data, and speed).
Experts who said no to matching, paused experts and inactive experts are not read at all.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final, Literal

import numpy as np
from django.db import connections
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Cast, Coalesce, Round
from django.utils import timezone

from inzet.accounts.models import User
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.experts.disclosure import SELF, can_see, viewer_levels, visible_at
from inzet.experts.models import (
    Audience,
    ExpertCompetence,
    ExpertExperience,
    ExpertProfile,
    ExpertStatus,
    UnavailablePeriod,
)
from inzet.matching import rules
from inzet.matching.profile_columns import VIS_COLUMNS, ProfileColumns, Who
from inzet.matching.terms import (  # noqa: F401  (FEEDBACK_SOURCES: evaluation registers here)
    FEEDBACK_SOURCES,
    RequestTerms,
    feedback_scores,
    request_spec,
    request_terms,
    with_policy,
)

REQUEST_ORGANISATION: Final = "request"  # candidates_for default: the request's deploying organisation
RECENT_DAYS = 8 * 7
RANKING_SIZE = 20
TEAM_POOL_SIZE = 300
TEAM_ALTERNATIVES = 2

# rules item -> disclosure item (visibility column); experience areas are per row, workload and
# feedback are the organisation's own data (see _consent).
_ITEM_TO_DISCLOSURE = {
    "roles": "roles",
    "competences": "competences",
    "level": "level",
    "availability": "availability",
    "location": "region",
    "languages": "languages",
    "wants": "does_not_want",
}
# Relation kinds in the UNION query.
_AREA, _COMPETENCE, _ROLE, _WANT, _UNWANTED, _LANGUAGE, _SELF_ASSESSED_COMPETENCE, _INVITED, _WORK = range(9)
_STATES = tuple(Invitation.State.values)
# Who holds a seat (or may still take it): never proposed again.
TAKEN_STATES = (Invitation.State.ACCEPTED, Invitation.State.PENDING)
# ExpertCompetence: confirmed by someone else, or only self-assessed.
_CONFIRMED, _SELF_ASSESSED = 2, 1
_EMPTY: frozenset[str] = frozenset()
_DAY_BITS = tuple((1 << day, day) for day in range(7))  # Weekday bitmask: Monday = 1 … Sunday = 64


# An expert kept for building: (profile row, their term sets by relation kind, what the viewer may see).
_Kept = tuple[tuple, dict[int, set[str]], dict[str, bool]]


def _raw(queryset: QuerySet) -> list[tuple]:
    """The rows of a values_list query as plain tuples: the ORM's SQL, without its per-row converters.

    Only for queries whose columns are integers, floats and strings (the same on every backend).
    """
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- the candidates ------------------------------------------------------------------------------


@dataclass
class CandidateSet:
    """The candidates for one request and one viewer, plus what pages need to show them."""

    terms: RequestTerms
    candidates: list[rules.Candidate]
    levels: dict[int, int]  # the viewer's disclosure level per expert id
    rows: dict[int, tuple] = field(repr=False)  # the profile columns per expert id
    invited: dict[int, str] = field(default_factory=dict)  # invitation state to this request, per expert id

    def profile(self, expert_id: int) -> ProfileColumns:
        """What disclosure needs to decide about one expert's items (made on demand)."""
        row = self.rows[expert_id]
        return ProfileColumns(row[0], row[1], row[2], row[7], row[10], row[11:])


def _base(organisation_ids: Collection[int] | None) -> QuerySet:
    profiles = ExpertProfile.objects.filter(status=ExpertStatus.ACTIVE, consent_matching=True, paused=False)
    if organisation_ids is not None:
        profiles = profiles.filter(organisation_id__in=list(organisation_ids))
    return profiles


def _relations(
    base: QuerySet,
    terms: RequestTerms,
    *,
    request_id: int,
    organisation_ids: Collection[int] | None,
    today: date,
    live: bool = True,
) -> list[tuple[int, int, int, int]]:
    """Everything per expert that is not a profile column, as (kind, expert id, value, extra), in ONE query.

    A UNION ALL of: the expert–term relations, for the request's terms only (value: term id);
    the expert's invitation to this request (extra: its state, see _STATES); and the accepted work
    whose dates fall in the last 8 weeks (value: tenths of hours, extra: heavy assignments).
    """
    parts = []

    def through(name: str, kind: int, term_ids: Iterable[int]) -> None:
        table = getattr(ExpertProfile, name).through
        parts.append(
            table.objects.filter(expertprofile__in=base, term_id__in=list(term_ids))
            .annotate(kind=Value(kind), extra=Value(0))
            .values_list("kind", "expertprofile_id", "term_id", "extra")
        )

    if terms.area_ids:
        parts.append(
            ExpertExperience.objects.filter(profile__in=base, area_id__in=list(terms.area_ids))
            .annotate(kind=Value(_AREA), extra=F("visibility"))
            .values_list("kind", "profile_id", "area_id", "extra")
        )
    if terms.competence_ids:
        parts.append(
            ExpertCompetence.objects.filter(profile__in=base, competence_id__in=list(terms.competence_ids))
            .annotate(
                kind=Value(_COMPETENCE),
                extra=Case(
                    When(confirmed_by__isnull=False, then=Value(_CONFIRMED)),
                    When(self_assessed=True, then=Value(_SELF_ASSESSED)),
                    default=Value(0),
                    output_field=IntegerField(),
                ),
            )
            .values_list("kind", "profile_id", "competence_id", "extra")
        )
    if terms.role_ids:
        through("wanted_roles", _ROLE, terms.role_ids)
    if terms.setting_ids:
        through("wanted_settings", _WANT, terms.setting_ids)
    if terms.kind_ids:
        through("unwanted", _UNWANTED, terms.kind_ids)
    if terms.language_ids:
        through("languages", _LANGUAGE, terms.language_ids)
    if live:
        parts += _live_parts(request_id=request_id, organisation_ids=organisation_ids, today=today)
    if not parts:
        return []
    return _raw(parts[0].union(*parts[1:], all=True))


def _live_parts(*, request_id: int, organisation_ids: Collection[int] | None, today: date) -> list:
    """The parts of the UNION that change with every invitation: this request's invitations and the
    accepted work of the last 8 weeks. The page reads them on every view (pool_cache keeps the rest)."""
    willing = Q(expert__status=ExpertStatus.ACTIVE, expert__consent_matching=True, expert__paused=False)
    if organisation_ids is not None:
        willing &= Q(expert__organisation_id__in=list(organisation_ids))
    parts: list = []
    parts.append(
        # Only the experts of ``base`` count (value 1); said as a CASE on the joined profile rather than a
        # filter, so the database starts from this request's few invitations, not from the organisation.
        Invitation.objects.filter(request_id=request_id)
        .order_by()
        .annotate(
            kind=Value(_INVITED),
            value=Case(When(willing, then=Value(1)), default=Value(0), output_field=IntegerField()),
            extra=Case(
                *[When(state=state, then=Value(i)) for i, state in enumerate(_STATES)], output_field=IntegerField()
            ),
        )
        .values_list("kind", "expert_id", "value", "extra")
    )
    since = today - timedelta(days=RECENT_DAYS)
    recent = Invitation.objects.annotate(
        first_day=Coalesce("request__start_date", "request__end_date"),
        last_day=Coalesce("request__end_date", "request__start_date"),
    ).filter(state=Invitation.State.ACCEPTED, first_day__lte=today, last_day__gte=since)
    if organisation_ids is not None:
        recent = recent.filter(expert__organisation_id__in=list(organisation_ids))
    parts.append(
        recent.order_by()
        .values("expert_id")
        .annotate(
            kind=Value(_WORK),
            tenths=Cast(
                Round(Coalesce(Sum("request__hours_estimate"), Value(0), output_field=FloatField()) * 10),
                IntegerField(),
            ),
            heavy=Count("pk", filter=Q(request__is_heavy=True)),
        )
        .values_list("kind", "expert_id", "tenths", "heavy")
    )
    return parts


def live_reads(
    engagement: EngagementRequest, *, organisation_ids: Collection[int] | None, today: date
) -> tuple[dict[int, str], dict[int, tuple[float, int]]]:
    """This request's invitation states and the recent work per expert, in ONE query."""
    parts = _live_parts(request_id=engagement.pk, organisation_ids=organisation_ids, today=today)
    invited: dict[int, str] = {}
    recent: dict[int, tuple[float, int]] = {}
    for kind, profile_id, value, extra in _raw(parts[0].union(*parts[1:], all=True)):
        if kind == _WORK:
            recent[profile_id] = (float(value or 0) / 10, int(extra))
        elif value:  # an expert of the pool (see _live_parts)
            invited[profile_id] = _STATES[extra]
    return invited, recent


def _unavailable(base: QuerySet, spec: rules.RequestSpec) -> dict[int, list[tuple[date, date]]]:
    """Unavailable periods that overlap the request's period (none needed without dates)."""
    if spec.start is None:
        return {}
    periods: dict[int, list[tuple[date, date]]] = {}
    rows = UnavailablePeriod.objects.filter(profile__in=base, start__lte=spec.end, end__gte=spec.start)
    for profile_id, start, end in rows.values_list("profile_id", "start", "end"):
        periods.setdefault(profile_id, []).append((start, end))
    return periods


def _consent(level: int, profile: ProfileColumns, feedback_allowed: bool) -> dict[str, bool]:
    """The items of rules.ITEMS the viewer may see. Only granted items are listed: a missing item is
    hidden (rules.Candidate), and a shorter mapping keeps building 100,000 candidates cheap."""
    consent = {item: True for item, disclosed in _ITEM_TO_DISCLOSURE.items() if can_see(level, profile, disclosed)}
    # Experience areas are filtered per row (see the module docstring).
    consent["experience_areas"] = True
    # Workload and feedback are the organisation's own records: for its coordinators only.
    if level in (SELF, Audience.COORDINATORS):
        consent["workload"] = True
        if feedback_allowed:
            consent["feedback"] = True
    return consent


def candidate_set(
    engagement: EngagementRequest,
    viewer: User,
    *,
    organisation_ids: Collection[int] | Literal["request"] | None = REQUEST_ORGANISATION,
    terms: RequestTerms | None = None,
    today: date | None = None,
    keep_excluded: bool = False,
    reach: int | None = None,
    live: tuple[dict[int, str], dict[int, tuple[float, int]]] | None = None,
    feedback: dict[int, float] | None = None,
    basis: tuple | None = None,
) -> CandidateSet:
    """Active, willing, not paused experts as ``viewer`` may see them, for ``request``.

    ``reach``: build only the candidates that could still reach the best ``reach`` of
    ``rules.rank`` (see ``_reachers``), so ``rank(..., limit=reach)`` over them gives exactly
    what it gives over everyone. Without it every candidate is built.

    ``organisation_ids``: the request's deploying organisation (default), the given ones, or None
    for every organisation (benchmarks only: pages always rank within the organisation).

    Experts whom the rules' own hard filters would drop for distance or does-not-want are not
    turned into candidates (the same tests: ``rules.distance_km`` against their own radius, the
    request's kinds against their does-not-want list), which saves building thousands of values
    that ``rank`` would only throw away; ``keep_excluded=True`` builds them all.

    ``live``: the invitations and recent work as ``live_reads`` gave them, and ``feedback`` the
    scores as ``feedback_scores`` gave them, and ``basis`` the viewer's ``disclosure.viewer_basis``
    (not read again).
    """
    terms = terms or request_terms(engagement)
    spec = terms.spec
    today = today or timezone.localdate()
    org_ids = [engagement.deploying_organisation_id] if organisation_ids == REQUEST_ORGANISATION else organisation_ids
    assert not isinstance(org_ids, str)  # "request" is the only string it takes
    base = _base(org_ids)
    rows = _raw(
        base.annotate(
            lat=Cast("area__latitude", FloatField()),
            lon=Cast("area__longitude", FloatField()),
        ).values_list(
            "pk",
            "user_id",
            "organisation_id",
            "level__code",
            "available_days",
            "travel_radius_km",
            "hours_per_week",
            "age_band",
            "lat",
            "lon",
            "area__region",
            *VIS_COLUMNS,
        )
    )
    levels = viewer_levels(viewer, [Who(row[0], row[1], row[2]) for row in rows], basis=basis)

    sets: dict[int, dict[int, set[str]]] = {}
    codes = {
        _AREA: terms.area_ids,
        _COMPETENCE: terms.competence_ids,
        _SELF_ASSESSED_COMPETENCE: terms.competence_ids,
        _ROLE: terms.role_ids,
        _WANT: terms.setting_ids,
        _UNWANTED: terms.kind_ids,
        _LANGUAGE: terms.language_ids,
    }
    visible_area: dict[tuple[int, int], bool] = {}
    invited, recent = live if live is not None else ({}, {})
    relations = _relations(
        base, terms, request_id=engagement.pk, organisation_ids=org_ids, today=today, live=live is None
    )
    for kind, profile_id, value, extra in relations:
        if kind == _WORK:
            recent[profile_id] = (float(value or 0) / 10, int(extra))
            continue
        if kind == _INVITED:
            if value:  # an expert of the pool (see _live_parts)
                invited[profile_id] = _STATES[extra]
            continue
        if kind == _AREA:
            key = (levels[profile_id], extra)
            if key not in visible_area:
                visible_area[key] = visible_at(key[0], extra)
            if not visible_area[key]:
                continue  # an area this viewer may not see is not there for them
        elif kind == _COMPETENCE:
            if extra == _SELF_ASSESSED:
                kind = _SELF_ASSESSED_COMPETENCE
            elif extra != _CONFIRMED:
                continue
        sets.setdefault(profile_id, {}).setdefault(kind, set()).add(codes[kind][value])

    periods = _unavailable(base, spec)
    consent_memo: dict[tuple, dict[str, bool]] = {}
    weekdays_memo: dict[int, frozenset[int]] = {}
    no_sets: dict[int, set[str]] = {}
    distance_memo: dict[tuple[float, float], float] = {}
    if feedback is None:
        feedback = feedback_scores(engagement) if spec.use_feedback else {}
    kept: list[_Kept] = []  # (row, the expert's term sets, consent): cheap; Candidate values are built below
    for row in rows:
        pk, _user, _org, _level, _days, radius, _hours, _age, lat, lon, _region, *vis = row
        mine = sets.get(pk, no_sets)
        if not keep_excluded:
            if _UNWANTED in mine:
                continue  # rules.DOES_NOT_WANT
            if spec.location is not None and lat is not None and lon is not None and radius is not None:
                distance = distance_memo.get((lat, lon))
                if distance is None:
                    distance = distance_memo[(lat, lon)] = rules.distance_km(spec.location, (lat, lon))
                if distance > radius:
                    continue  # rules.TOO_FAR
        level = levels[pk]
        key = (level, *vis)
        consent = consent_memo.get(key)
        if consent is None:
            consent = consent_memo[key] = _consent(
                level, ProfileColumns(row[0], row[1], row[2], None, None, vis), spec.use_feedback
            )
        kept.append((row, mine, consent))

    def build(entry: _Kept) -> rules.Candidate:
        row, mine, consent = entry
        pk, user_id, _org, level_code, days, radius, hours, _age, lat, lon, _region, *_vis = row
        weekdays = weekdays_memo.get(days)
        if weekdays is None:
            weekdays = weekdays_memo[days] = frozenset(day for bit, day in _DAY_BITS if days & bit)
        blocked = periods.get(pk, ())
        if days == 0 and spec.start is not None:
            blocked = (*blocked, (spec.start, spec.end))  # no working days at all: never free
        worked, heavy = recent.get(pk, (0.0, 0))
        return rules.Candidate(
            expert_id=pk,
            person_id=user_id,
            consent_to_matching=True,  # only willing, not paused experts are read (see _base)
            consent=consent,
            experience_areas=frozenset(mine.get(_AREA, _EMPTY)),
            roles=frozenset(mine.get(_ROLE, _EMPTY)),
            competences=frozenset(mine.get(_COMPETENCE, _EMPTY)),
            self_assessed_competences=frozenset(mine.get(_SELF_ASSESSED_COMPETENCE, _EMPTY)),
            level=level_code if level_code in rules.LEVELS else rules.LEVELS[0],
            paused=False,
            unavailable_periods=tuple(blocked),
            available_weekdays=weekdays,
            hours_per_week=float(hours),
            location=(lat, lon) if lat is not None and lon is not None else None,
            travel_radius_km=float(radius) if radius is not None else None,
            languages=frozenset(mine.get(_LANGUAGE, _EMPTY)),
            wants=frozenset(mine.get(_WANT, _EMPTY)),
            does_not_want=frozenset(mine.get(_UNWANTED, _EMPTY)),
            hours_last_8_weeks=worked,
            heavy_assignments_recent=heavy,
            feedback_score=feedback.get(pk),
        )

    if reach is None:
        candidates = [build(entry) for entry in kept]
    else:
        candidates = _reachers(kept, build, terms, viewer, limit=reach)
    return CandidateSet(
        terms=terms, candidates=candidates, levels=levels, rows={row[0]: row for row in rows}, invited=invited
    )


def _bounds(kept: list[_Kept], terms: RequestTerms) -> list[float]:
    """Per kept expert, the most raw points ``rules`` could give them (``rules.upper_bound``), with
    numpy over arrays: the count of asked areas, roles, competences and languages each one has, the
    level's fraction, a wanted setting, and which items the viewer may see (a bit mask)."""
    plan = rules.plan_for(terms.spec, viewer_person_id=0)
    n = len(kept)
    mask_memo: dict[int, int] = {}
    masks = np.empty(n, dtype=np.int64)
    counts = np.zeros((6, n), dtype=np.float64)
    level_rank = rules.LEVEL_RANK
    for i, (row, mine, consent) in enumerate(kept):
        key = id(consent)  # one dict per (viewer level, visibility) combination (consent_memo)
        mask = mask_memo.get(key)
        if mask is None:
            mask = mask_memo[key] = rules.consent_mask(consent)
        masks[i] = mask
        if mine:
            counts[0, i] = len(mine.get(_AREA, _EMPTY))
            counts[1, i] = len(mine.get(_ROLE, _EMPTY))
            confirmed = mine.get(_COMPETENCE, _EMPTY)
            counts[2, i] = len(confirmed) + 0.5 * len(mine.get(_SELF_ASSESSED_COMPETENCE, _EMPTY) - confirmed)
            counts[3, i] = len(mine.get(_LANGUAGE, _EMPTY))
            counts[4, i] = 1.0 if mine.get(_WANT) else 0.0
        counts[5, i] = level_rank.get(row[3], 0)
    return rules.upper_bounds(plan, masks, counts).tolist()


def _reachers(
    kept: list[_Kept], build: Callable[[_Kept], rules.Candidate], terms: RequestTerms, viewer: User, *, limit: int
) -> list[rules.Candidate]:
    """Candidates built best bound first until nobody left can reach the best ``limit``.

    Exact: ``rules.rank`` orders by score, then expert id; whoever is not built has a bound
    whose score is below the ``limit``-th score found (with room for rounding to 2 decimals),
    so they could never enter. Building ``rules.Candidate`` values is a large part of the fetch.
    """
    if len(kept) <= 2 * limit:
        return [build(entry) for entry in kept]
    bounds = _bounds(kept, terms)
    order = sorted(range(len(kept)), key=lambda i: (-bounds[i], kept[i][0][0]))
    total = rules.plan_for(terms.spec, viewer_person_id=0).total
    built: list[rules.Candidate] = []
    # The ranking's own heap, scanned batch by batch: only scores, no explanations, until the end.
    top = rules._Top(rules.plan_for(terms.spec, viewer_person_id=viewer.pk), limit)
    done = 0
    step = 2 * limit
    while done < len(order):
        batch = [build(kept[i]) for i in order[done : done + step]]
        built += batch
        top.scan(batch)
        done = min(len(order), done + step)
        if done == len(order):
            break
        next_score = 100.0 * bounds[order[done]] / total if total > 0 else 0.0
        if len(top.heap) == limit and top.heap[0][0] > next_score + 0.01:
            break
        step *= 2
    return built


def candidates_for(
    engagement: EngagementRequest,
    viewer: User,
    *,
    organisation_ids: Collection[int] | Literal["request"] | None = REQUEST_ORGANISATION,
) -> list[rules.Candidate]:
    """The rules' view of every expert ``viewer`` could propose for ``request`` (fixed number of queries)."""
    return candidate_set(engagement, viewer, organisation_ids=organisation_ids).candidates
