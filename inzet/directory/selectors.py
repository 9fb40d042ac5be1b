"""Reads shared by the pages, the export and the API.

All expert data goes through inzet.experts.disclosure: levels from `viewer_levels`, items from
`can_see` / `experience_visible`, filters from `item_visible_q` / `has_visible_experience` (in
filters.py). A page is one query for the rows and their total plus one UNION query for labels and
linked rows, so it costs the same number of queries for 50 or 100,000 experts.
"""

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from django.db import connection
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from inzet.accounts.permissions import get_roles
from inzet.accounts.types import Viewer
from inzet.directory import text
from inzet.directory.facets import facets_match_q, facets_shape
from inzet.directory.facets import token as facet_token
from inzet.directory.filters import ExpertFilters, filter_experts, order_experts, search_q
from inzet.directory.models import ExpertSearchDocument
from inzet.directory.page_query import PAGE_SIZE, compiled_page, coordinator_queryset
from inzet.directory.reference import Reference, Related, load, load_reference
from inzet.experts.disclosure import (
    ITEM_FIELDS,
    SELF,
    STAFF_ROLES,
    can_see,
    item_visible_q,
    viewer_levels,
    visible_at,
    write_access_log,
)
from inzet.experts.models import (
    AgeBand,
    Audience,
    ExpertExperience,
    ExpertProfile,
    ExpertStatus,
    Need,
    RewardForm,
    TrainingRecord,
    Weekday,
    WorkForm,
    counted_training,
)
from inzet.lib.compiled import ShapeCache, StandIns, fetch_all
from inzet.organisations.models import Organisation, PolicySettings, Role

SMALL_COUNT = 5  # counts of 1 to 4 are shown as "fewer than 5"
CHART_BAR_X, CHART_BAR_WIDTH, CHART_ROW = 360, 300, 32

# Only what rows show or check; the encrypted fields are left out (decrypting costs time).
# Every visibility column comes along, so can_see() never loads a deferred field per row.
_LIST_FIELDS = (
    "user_id",
    "user__full_name",
    "user__email",
    "organisation_id",
    "status",
    "phone",
    "level_id",
    "area__municipality",
    "area__region",
    "hours_per_week",
    "available_days",
    "paused",
    "paused_until",
    "work_form",
    "reward_form",
    "updated_at",
    *ITEM_FIELDS.values(),
)


def staff_organisation_ids(user: Viewer) -> set[int]:
    """Deploying organisations whose experts this person may search: coordinator or trainer there."""
    return get_roles(user).organisation_ids(*STAFF_ROLES)


def coordinator_organisation_ids(user: Viewer) -> set[int]:
    return get_roles(user).organisation_ids(Role.COORDINATOR)


# --- rows ------------------------------------------------------------------------------------------


@dataclass
class Row:
    """What one viewer may see of one expert in a list. None means: not shared with this viewer."""

    profile: ExpertProfile
    level: int
    name: str | None
    status: str
    expert_level: str | None
    areas: list[str]  # only the experience areas this viewer may see
    roles: list[str] | None
    relational_roles: list[str] | None
    settings: list[str] | None
    competences: list[str] | None
    languages: list[str] | None
    training: list[str] | None
    municipality: str | None
    region: str | None
    hours: int | None
    days: list[str] | None
    paused: bool | None
    work_form: str | None
    reward_form: str | None
    email: str | None
    phone: str | None
    needs: list[str] | None = None
    special: set[str] = field(default_factory=set)

    @property
    def display_name(self) -> str:
        return self.name or _("Naam niet gedeeld (nr. %(pk)s)") % {"pk": self.profile.pk}


def _competence_labels(reference: Reference, competences: list[tuple[int, bool]]) -> list[str]:
    labels = []
    for pk, confirmed in competences:
        label = reference.label(pk)
        labels.append(label if confirmed else _("%(label)s (zelf ingeschat)") % {"label": label})
    return sorted(labels)


def choice_labels() -> dict[str, dict]:
    """Labels of the fixed choices, translated once per language (get_FOO_display is slow per row).
    Shared: read them, never change them."""
    return _choice_labels(get_language())


@lru_cache(maxsize=8)
def _choice_labels(language: str | None) -> dict[str, dict]:
    return {
        name: {value: str(label) for value, label in choices.choices}
        for name, choices in (
            ("status", ExpertStatus),
            ("work_form", WorkForm),
            ("reward_form", RewardForm),
            ("day", Weekday),
            ("need", Need),
        )
    }


def build_row(
    profile: ExpertProfile,
    related: Related,
    reference: Reference,
    level: int,
    *,
    labels: dict[str, dict] | None = None,
    with_needs: bool = False,
) -> Row:
    labels = labels or choice_labels()

    def sees(item: str) -> bool:
        return can_see(level, profile, item)

    visible = [area for area, vis in related.experiences if visible_at(level, vis)]
    row = Row(
        profile=profile,
        level=level,
        name=profile.user.full_name if sees("name") else None,
        status=labels["status"].get(profile.status, profile.status),
        expert_level=(reference.label(profile.level_id) if sees("level") else None),
        areas=reference.labels(visible),
        roles=reference.labels(related.roles) if sees("roles") else None,
        relational_roles=reference.labels(related.relational_roles) if sees("roles") else None,
        settings=reference.labels(related.settings) if sees("roles") else None,
        competences=_competence_labels(reference, related.competences) if sees("competences") else None,
        languages=reference.labels(related.languages) if sees("languages") else None,
        training=sorted(related.training) if sees("training") else None,
        municipality=(profile.area.municipality if profile.area else "") if sees("region") else None,
        region=(profile.area.region if profile.area else "") if sees("region") else None,
        hours=profile.hours_per_week if sees("availability") else None,
        days=[labels["day"][day] for day in profile.day_list] if sees("availability") else None,
        paused=profile.paused if sees("availability") else None,
        work_form=labels["work_form"].get(profile.work_form, profile.work_form) if sees("work_form") else None,
        reward_form=labels["reward_form"].get(profile.reward_form, profile.reward_form) if sees("work_form") else None,
        email=profile.user.email if sees("contact") else None,
        phone=profile.phone if sees("contact") else None,
    )
    if visible:
        row.special.add("experience")
    if with_needs and sees("needs"):
        codes = json.loads(profile.needs) if profile.needs else []
        row.needs = [labels["need"][code] for code in codes if code in labels["need"]]
        row.special.add("needs")
    return row


def build_rows(
    viewer: Viewer,
    profiles: list[ExpertProfile],
    related: dict[int, Related],
    reference: Reference,
    *,
    with_needs: bool = False,
) -> list[Row]:
    levels = viewer_levels(viewer, profiles)
    labels = choice_labels()
    return [
        build_row(p, related.get(p.pk) or Related(), reference, levels[p.pk], labels=labels, with_needs=with_needs)
        for p in profiles
    ]


def log_list_access(*, viewer: Viewer | None, rows: list[Row], context: str, path: str = "") -> None:
    """One AccessLog row per special-category item shown, in one insert (disclosure.log_access, in bulk)."""
    if viewer is None or not viewer.is_authenticated:
        return
    entries = [(row.profile.pk, item) for row in rows if row.level != SELF for item in sorted(row.special)]
    write_access_log(viewer.pk, entries, context, path)


# --- the coordinator's list ------------------------------------------------------------------------


@dataclass
class ExpertPage:
    rows: list[Row]
    total: int | None  # None: not counted (the public register only knows whether there is more)
    number: int
    pages: int | None
    reference: Reference
    more: bool = False

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.more if self.pages is None else self.number < self.pages


# Above this many candidates the facets narrow too little to be worth a list of ids.
NARROW_LIMIT = 2000


def _facet_candidates(organisation_ids: set[int], filters: ExpertFilters) -> tuple[list[int] | None, ExpertFilters]:
    """The experts of these organisations whose facets can match (facets.py) or are not built yet,
    read first from the facets index (one query, ~1–3 ms for 5,000 experts) and handed to the page
    query as a list of ids. A list rather than a subquery: PostgreSQL's planner cannot know that the
    facets and the live checks agree, multiplies their selectivities, expects one row and picks a
    plan that reads every expert of the organisation and every user. Every profile has a search
    document (services and the migration that added facets make one).

    Search words are checked in the same query, on the documents the facets leave (that is where the
    page query looks for them too), so the page query needs neither the document nor the words.
    Returns (candidates or None for no narrowing, the filters the page query still has to apply)."""
    query = facet_query(organisation_ids, filters)
    if query is None:
        return None, filters
    (sql, params), searched = query
    candidates = [pk for (pk,) in fetch_all(sql, params, prepare=True)]
    if len(candidates) > NARROW_LIMIT:
        return None, filters
    return candidates, replace(filters, q="") if searched else filters


_facet_queries = ShapeCache(size=128)


def fresh_facet_queryset(organisation_ids: Iterable[int], match: Q, terms: Sequence[tuple[str, ...]] = ()) -> QuerySet:
    documents = ExpertSearchDocument.objects.filter(
        Q(coordinators_facets__isnull=True) | match, organisation_id__in=organisation_ids
    ).order_by()
    if terms:
        # Words second, on the few documents the facets leave: checked on all of an organisation's
        # documents, PostgreSQL would read (and unpack) every one of their texts.
        documents = ExpertSearchDocument.objects.filter(
            search_q("coordinators_text", list(terms), via=""), profile_id__in=documents.values("profile_id")
        ).order_by()
    return documents.values_list("profile_id")[: NARROW_LIMIT + 1]


def facet_query(organisation_ids: set[int], filters: ExpertFilters) -> tuple[tuple[str, list], bool] | None:
    """SQL and parameters of the facets query, and whether it checks the search words too (None:
    the filters ask for nothing the facets hold)."""
    # Compiled once per shape with stand-ins for the tokens, words and organisations (lib/compiled.py).
    stand_ins = StandIns()
    organisations = stand_ins.ints(sorted(organisation_ids))

    def stand_in_token(prefix: str, pk: int) -> str:
        return stand_ins.text(facet_token(prefix, pk), like=True) or ""  # tokens are [a-z0-9 ]

    match = facets_match_q(filters, stand_in_token)
    if match is None:
        return None
    words = [stand_ins.texts(options, like=True) for options in text.query_terms(filters.q)] if filters.q else []
    # A word that cannot have a stand-in: the page query checks the words.
    terms = [] if None in words else [options for options in words if options is not None]
    shape = tuple(len(options) for options in terms)
    key = (connection.alias, connection.vendor, facets_shape(filters), len(organisations), shape)
    sql, params = _facet_queries.sql(key, lambda: fresh_facet_queryset(organisations, match, terms))
    return (sql, stand_ins.substitute(params)), bool(terms)


def coordinator_experts(viewer: Viewer, filters: ExpertFilters) -> QuerySet:
    """The filtered, sorted experts of the viewer's own organisations (unevaluated)."""
    organisation_ids = staff_organisation_ids(viewer)
    narrow, remaining = _facet_candidates(organisation_ids, filters)
    return coordinator_queryset(organisation_ids, remaining, narrow)


def _page_of(queryset: QuerySet, number: int, *, separate_count: bool = False) -> tuple[list, int, int]:
    """One page and the total. With filters, both in one query (COUNT(*) OVER ()): the filters run
    once. Without filters, a separate COUNT is read from the index and the page needs only the top
    25, which is cheaper than carrying every row through the window. A page past the end shows the last.
    """
    number = max(number, 1)
    if separate_count:
        total = queryset.count()
        last = max(1, math.ceil(total / PAGE_SIZE))
        number = min(number, last)
        return list(queryset[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]), total, number
    counted = queryset.annotate(_total=Window(Count("pk")))
    rows = list(counted[(number - 1) * PAGE_SIZE : number * PAGE_SIZE])
    if rows:
        return rows, rows[0]._total, number
    total = queryset.count() if number > 1 else 0
    if total == 0:
        return [], 0, 1
    last = math.ceil(total / PAGE_SIZE)
    return list(counted[(last - 1) * PAGE_SIZE : last * PAGE_SIZE]), total, last


def expert_page(viewer: Viewer, filters: ExpertFilters, number: int = 1) -> ExpertPage:
    """One page of 25 and the total (one query), then labels and linked rows (one query)."""
    organisation_ids = staff_organisation_ids(viewer)
    narrow, filters = _facet_candidates(organisation_ids, filters)
    found = None
    if not filters.is_empty and narrow != []:
        found = compiled_page(organisation_ids, filters, narrow, max(number, 1), _LIST_FIELDS)
    if narrow == []:  # the facets leave no one
        profiles, total, number = [], 0, 1
    elif found is not None and (found[0] or number <= 1):
        profiles, total = found
        number = max(number, 1)
    else:  # no filters, a page past the end, or values the compiled query cannot take
        queryset = coordinator_queryset(organisation_ids, filters, narrow)
        queryset = queryset.select_related("user", "area").only(*_LIST_FIELDS)
        profiles, total, number = _page_of(queryset, number, separate_count=filters.is_empty)
    reference, related = load(
        ("experience", "roles"), reference=True, **({"in": [p.pk for p in profiles]} if profiles else {})
    )
    rows = build_rows(viewer, profiles, related, reference)
    return ExpertPage(
        rows=rows, total=total, number=number, pages=max(1, math.ceil(total / PAGE_SIZE)), reference=reference
    )


EXPORT_KINDS = ("experience", "roles", "relational_roles", "settings", "languages", "competences", "training")


def export_rows(viewer: Viewer, filters: ExpertFilters) -> tuple[list[Row], Reference]:
    """Every expert the filters find (no paging), with all disclosed items incl. needs."""
    queryset = coordinator_experts(viewer, filters)
    profiles = list(queryset.select_related("user", "area").only(*_LIST_FIELDS, "needs"))
    reference, related = load(EXPORT_KINDS, reference=True, **{"in": queryset.values("pk")})
    return build_rows(viewer, profiles, related, reference, with_needs=True), reference


# --- the pool overview -----------------------------------------------------------------------------


@dataclass
class PoolCount:
    label: str
    count: int

    @property
    def text(self) -> str:
        return count_label(self.count)

    @property
    def suppressed(self) -> bool:
        return 0 < self.count < SMALL_COUNT

    @property
    def shown(self) -> int | None:
        """The number that may be shown: None for 1 to 4."""
        return None if self.suppressed else self.count


@dataclass
class PoolDimension:
    code: str
    title: str
    counts: list[PoolCount]

    @property
    def largest(self) -> int:
        return max([c.count for c in self.counts if not c.suppressed] + [SMALL_COUNT])

    def chart(self) -> dict:
        """Coordinates for a horizontal bar chart (inline SVG); hidden small counts get no bar."""
        bars = []
        for i, count in enumerate(self.counts):
            width = 0 if count.suppressed else round(count.count / self.largest * CHART_BAR_WIDTH)
            bars.append(
                {
                    "label": count.label,
                    "text": count.text,
                    "y": i * CHART_ROW,
                    "text_y": i * CHART_ROW + 20,
                    "width": width,
                    "text_x": CHART_BAR_X + width + 8,
                }
            )
        return {"bars": bars, "height": len(bars) * CHART_ROW, "bar_x": CHART_BAR_X}


@dataclass
class Pool:
    total: int
    dimensions: list[PoolDimension]

    @property
    def total_suppressed(self) -> bool:
        return 0 < self.total < SMALL_COUNT


POOL_STATUSES = {
    "active": (ExpertStatus.ACTIVE,),
    "all": tuple(ExpertStatus.values),
}


def pool_overview(
    viewer: Viewer, *, statuses: tuple[str, ...] = POOL_STATUSES["active"], reference: Reference | None = None
) -> Pool:
    """Counts, never names, of the viewer's organisations; only items shared with coordinators."""
    reference = reference or load_reference()
    level = Audience.COORDINATORS
    profiles = ExpertProfile.objects.filter(
        organisation_id__in=coordinator_organisation_ids(viewer), status__in=statuses
    )
    total = profiles.count()
    areas = dict(
        ExpertExperience.objects.filter(profile__in=profiles, visibility__gte=level)
        .values("area_id")
        .annotate(n=Count("profile_id", distinct=True))
        .values_list("area_id", "n")
    )
    ages = dict(
        profiles.filter(item_visible_q(level, "benefit"))
        .exclude(age_band="")
        .values("age_band")
        .annotate(n=Count("pk"))
        .values_list("age_band", "n")
    )
    regions = dict(
        profiles.filter(item_visible_q(level, "region"), area__isnull=False)
        .values("area__region")
        .annotate(n=Count("pk"))
        .values_list("area__region", "n")
    )
    through = ExpertProfile.wanted_roles.through
    roles = dict(
        through.objects.filter(expertprofile__in=profiles.filter(item_visible_q(level, "roles")))
        .values("term_id")
        .annotate(n=Count("expertprofile_id", distinct=True))
        .values_list("term_id", "n")
    )
    dimensions = [
        PoolDimension(
            "experience_areas",
            _("Ervaringsgebieden"),
            [PoolCount(t.label, areas.get(t.pk, 0)) for t in reference.of("experience_area")],
        ),
        PoolDimension(
            "age_bands", _("Leeftijd"), [PoolCount(str(label), ages.get(code, 0)) for code, label in AgeBand.choices]
        ),
        PoolDimension("regions", _("Regio's"), [PoolCount(name, regions.get(name, 0)) for name in reference.regions]),
        PoolDimension("roles", _("Rollen"), [PoolCount(t.label, roles.get(t.pk, 0)) for t in reference.of("role")]),
    ]
    return Pool(total=total, dimensions=dimensions)


# --- the public register ---------------------------------------------------------------------------


def register_experts(filters: ExpertFilters, policy: PolicySettings) -> QuerySet:
    """Experts listed in the public register: public name, active, not paused; only public items."""
    level = Audience.PUBLIC
    queryset = ExpertProfile.objects.filter(
        vis_name=Audience.PUBLIC,
        status=ExpertStatus.ACTIVE,
        paused=False,
        user__is_active=True,
        organisation__kind=Organisation.Kind.DEPLOYING,
    )
    if policy.training_required_for_listing:
        # Only what a trainer or coordinator verified and has not expired counts (self-declared does not).
        counted = TrainingRecord.objects.filter(counted_training(timezone.localdate()), profile=OuterRef("pk"))
        queryset = queryset.filter(Exists(counted))
    if not policy.zzp_listing:
        queryset = queryset.exclude(work_form=WorkForm.ZZP)
    queryset = filter_experts(queryset, filters, level, search_field="public_text")
    return order_experts(queryset, "name", level)


def register_page(filters: ExpertFilters, policy: PolicySettings, number: int) -> ExpertPage:
    queryset = register_experts(filters, policy).select_related("user", "area", "organisation")
    queryset = queryset.only(*_LIST_FIELDS, "organisation__name", "organisation__city")
    # No total: counting every listed expert would cost more than the page itself. One row more
    # than a page tells whether there is a next page.
    number = max(number, 1)
    profiles = list(queryset[(number - 1) * PAGE_SIZE : number * PAGE_SIZE + 1])
    more, profiles = len(profiles) > PAGE_SIZE, profiles[:PAGE_SIZE]
    reference, related = load(
        ("experience", "roles"), reference=True, **({"in": [p.pk for p in profiles]} if profiles else {})
    )
    labels = choice_labels()
    rows = [build_row(p, related.get(p.pk) or Related(), reference, Audience.PUBLIC, labels=labels) for p in profiles]
    return ExpertPage(rows=rows, total=None, number=number, pages=None, reference=reference, more=more)


def register_organisations(filters: ExpertFilters, policy: PolicySettings) -> QuerySet:
    """Deploying organisations, by city, or with a listed expert of the area, role or region asked for."""
    organisations = Organisation.objects.filter(kind=Organisation.Kind.DEPLOYING)
    if filters.municipalities:
        organisations = organisations.filter(city__in=filters.municipalities)
    listed = register_experts(ExpertFilters(areas=filters.areas, roles=filters.roles), policy)
    if filters.areas or filters.roles:
        organisations = organisations.filter(Exists(listed.filter(organisation_id=OuterRef("pk"))))
    counts = listed.order_by().filter(organisation_id=OuterRef("pk")).values("organisation_id")
    counts = counts.annotate(n=Count("pk")).values("n")
    return organisations.annotate(listed=Coalesce(Subquery(counts, output_field=IntegerField()), 0)).order_by("name")


def register_cities() -> list[str]:
    return list(
        Organisation.objects.filter(kind=Organisation.Kind.DEPLOYING)
        .exclude(city="")
        .order_by("city")
        .values_list("city", flat=True)
        .distinct()
    )


def count_label(count: int) -> str:
    return _("minder dan 5") if 0 < count < SMALL_COUNT else str(count)
