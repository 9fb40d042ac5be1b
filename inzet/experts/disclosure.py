"""Consent-scoped disclosure: the ONE place that decides what of an expert a viewer may see.

Every page, API endpoint, export and search goes through these functions, so none can forget
the expert's choices. Reads of special-category items by anyone but the expert are logged.

Viewer levels follow `Audience`: an item is visible when its visibility >= the viewer's level.
The expert always sees everything of their own; people with no relation see only PUBLIC items.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from inzet.accounts.permissions import get_roles
from inzet.experts.models import AccessLog, Audience, ExpertExperience, ExpertProfile, resolve_areas
from inzet.organisations.models import Role
from inzet.taxonomy.models import Term

SELF = -1  # the expert themself: sees everything

# item code -> visibility column on ExpertProfile ("experience" is per ExpertExperience row)
ITEM_FIELDS = {
    "name": "vis_name",
    "contact": "vis_contact",
    "level": "vis_level",
    "roles": "vis_roles",
    "competences": "vis_competences",
    "training": "vis_training",
    "languages": "vis_languages",
    "region": "vis_region",
    "availability": "vis_availability",
    "work_form": "vis_work_form",
    "benefit": "vis_benefit",
    "needs": "vis_needs",
    "does_not_want": "vis_does_not_want",
    "represents": "vis_represents",
    "background": "vis_background",
    "qualities": "vis_qualities",
    "skills": "vis_skills",
}
# Health and income data (AVG art. 9): each read by someone else goes into the access log.
SPECIAL_ITEMS = frozenset({"experience", "benefit", "needs", "does_not_want", "bank"})
STAFF_ROLES = (Role.COORDINATOR, Role.TRAINER)
# Once an expert said yes to a request, its asker may see what the expert shares with askers.
# The values of engagements' Invitation.State.ACCEPTED and RequestStatus: experts sits below
# engagements and reads them through the `invitations` relation without importing that app
# (inzet/engagements/tests/test_disclosure_states.py checks that they stay the same).
INVITATION_ACCEPTED = "accepted"
SHARED_REQUEST_STATES = frozenset({"matching", "agreed", "running", "completed"})


def accepted_expert_ids_for_asker(viewer) -> list[int]:
    """Experts who accepted an assignment of one of the viewer's asker organisations."""
    org_ids = get_roles(viewer).organisation_ids(Role.ASKER)
    if not org_ids:
        return []
    return list(
        ExpertProfile.objects.filter(
            invitations__state=INVITATION_ACCEPTED,
            invitations__request__asker_organisation_id__in=org_ids,
            invitations__request__status__in=SHARED_REQUEST_STATES,
        )
        .order_by()
        .values_list("pk", flat=True)
        .distinct()
    )


def _asker_profile_ids(viewer) -> set[int]:
    return set(accepted_expert_ids_for_asker(viewer))


def viewer_level(viewer, profile: ExpertProfile) -> int:
    if viewer is not None and viewer.is_authenticated:
        if profile.user_id == viewer.pk:
            return SELF
        roles = get_roles(viewer)
        if roles.has(*STAFF_ROLES, organisation_id=profile.organisation_id):
            return Audience.COORDINATORS
        if profile.pk in _asker_profile_ids(viewer):
            return Audience.ASKERS
    return Audience.PUBLIC


def viewer_basis(viewer) -> tuple:
    """Everything about ``viewer`` that ``viewer_levels`` depends on, hashable (a cache key part)."""
    if viewer is None or not viewer.is_authenticated:
        return (None,)
    staff_orgs = get_roles(viewer).organisation_ids(*STAFF_ROLES)
    return (viewer.pk, frozenset(staff_orgs), frozenset(_asker_profile_ids(viewer)))


def viewer_levels(viewer, profiles, *, basis: tuple | None = None) -> dict[int, int]:
    """viewer_level for many profiles with at most one extra query (none with ``viewer_basis`` given)."""
    if viewer is None or not viewer.is_authenticated:
        return {p.pk: Audience.PUBLIC for p in profiles}
    if basis is not None and basis[0] == viewer.pk:
        staff_orgs, asker_ids = basis[1], basis[2]
    else:
        staff_orgs = get_roles(viewer).organisation_ids(*STAFF_ROLES)
        asker_ids = _asker_profile_ids(viewer)
    levels = {}
    for p in profiles:
        if p.user_id == viewer.pk:
            levels[p.pk] = SELF
        elif p.organisation_id in staff_orgs:
            levels[p.pk] = Audience.COORDINATORS
        elif p.pk in asker_ids:
            levels[p.pk] = Audience.ASKERS
        else:
            levels[p.pk] = Audience.PUBLIC
    return levels


def can_see(level: int, profile: object, item: str) -> bool:
    """``profile``: an ExpertProfile, or any object with its ``vis_*`` column of ``item`` (matching
    reads only those columns)."""
    if level == SELF:
        return True
    return getattr(profile, ITEM_FIELDS[item]) >= level


def visible_at(level: int, visibility: int) -> bool:
    """May a viewer at ``level`` see an experience row of this ``visibility`` (a raw column value)?"""
    return level == SELF or visibility >= level


def experience_visible(level: int, experience: ExpertExperience) -> bool:
    return visible_at(level, experience.visibility)


def can_view_profile(viewer, profile: ExpertProfile) -> bool:
    """May this person open the profile page at all? (Public register pages are separate.)"""
    return viewer_level(viewer, profile) in (SELF, Audience.COORDINATORS, Audience.ASKERS)


def can_manage_profile(viewer, profile: ExpertProfile) -> bool:
    """The expert, or a coordinator of their organisation (assisted sign-up, confirmations)."""
    if viewer is None or not viewer.is_authenticated:
        return False
    if profile.user_id == viewer.pk:
        return True
    return get_roles(viewer).has(Role.COORDINATOR, organisation_id=profile.organisation_id)


# --- filtering querysets without leaking hidden items ---------------------------------------


def item_visible_q(level: int, item: str, prefix: str = "") -> Q:
    """Q that keeps only profiles whose `item` is visible at `level` (use before filtering on it)."""
    if level == SELF:
        return Q()
    return Q(**{f"{prefix}{ITEM_FIELDS[item]}__gte": level})


def has_visible_experience(level: int, area_ids, *, all_of: bool = False) -> Q:
    """Profiles with a visible experience in the given areas (any, or all with all_of)."""
    area_ids = list(area_ids)

    def exists(area_filter):
        qs = ExpertExperience.objects.filter(profile=OuterRef("pk"), **area_filter)
        if level != SELF:
            qs = qs.filter(visibility__gte=level)
        return Exists(qs)

    if all_of:
        q = Q()
        for area_id in area_ids:
            q &= Q(exists({"area_id": area_id}))
        return q
    return Q(exists({"area_id__in": area_ids}))


# --- showing a profile -------------------------------------------------------------------------


@dataclass
class DisclosedExperience:
    area: Term  # ExpertExperience.area_term: the sealed ones are resolved first (SELF only)
    description: str
    visibility: int


@dataclass
class DisclosedProfile:
    """What one viewer may see of one expert. Hidden items are None / empty and named in `hidden`."""

    profile: ExpertProfile
    level: int
    shown: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    experiences: list[DisclosedExperience] = field(default_factory=list)
    hidden_experience_count: int = 0

    @property
    def is_self(self) -> bool:
        return self.level == SELF

    @property
    def operational(self) -> bool:
        """The expert or their coordinators: they also see status, consent to be proposed and
        who keeps the profile. Askers and the public see only items shared with them."""
        return self.level in (SELF, Audience.COORDINATORS)

    def sees(self, item: str) -> bool:
        return item in self.shown

    @property
    def needs_list(self) -> list[str]:
        if "needs" not in self.shown or not self.profile.needs:
            return []
        return json.loads(self.profile.needs)


def log_access(*, viewer, profile: ExpertProfile, items, context: str, path: str = "") -> None:
    if viewer is None or not getattr(viewer, "is_authenticated", False) or viewer.pk == profile.user_id:
        return
    write_access_log(viewer.pk, [(profile.pk, item) for item in sorted(set(items) & SPECIAL_ITEMS)], context, path)


# Rows per INSERT: 6 parameters each stays far below SQLite's and PostgreSQL's parameter limits.
_LOG_BATCH = 500
_LOG_COLUMNS = ("profile_id", "viewer_id", "item", "context", "path", "created_at")


def write_access_log(viewer_id: int | None, entries: Iterable[tuple[int, str]], context: str, path: str = "") -> int:
    """AccessLog rows for (profile id, item) pairs read by one viewer at one moment, written with
    one INSERT per 500 rows. A list page logs 25–75 rows per request; through the ORM
    (model instances, compiling the insert) that cost more than the page's own query. Runs in the
    caller's transaction (or autocommit), like bulk_create. Returns the number of rows written."""
    entries = list(entries)
    if not entries:
        return 0
    created_at = connection.ops.adapt_datetimefield_value(timezone.now())
    context, path = context[:40], path[:300]
    table = connection.ops.quote_name(AccessLog._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in _LOG_COLUMNS)
    with connection.cursor() as cursor:
        for start in range(0, len(entries), _LOG_BATCH):
            batch = entries[start : start + _LOG_BATCH]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(batch))
            params = [
                value
                for profile_id, item in batch
                for value in (profile_id, viewer_id, item, context, path, created_at)
            ]
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {values}", params)  # noqa: S608 (names are ours)
    return len(entries)


def disclose(
    viewer, profile: ExpertProfile, *, context: str, path: str = "", level: int | None = None
) -> DisclosedProfile:
    """What `viewer` may see of `profile`; logs the special-category items it reveals."""
    level = viewer_level(viewer, profile) if level is None else level
    result = DisclosedProfile(profile=profile, level=level)
    for item in ITEM_FIELDS:
        (result.shown if can_see(level, profile, item) else result.hidden).add(item)
    experiences = profile.experiences.all()
    if level == SELF:  # only the expert sees the areas sealed as "Alleen ik"
        experiences = resolve_areas(experiences)
    for experience in experiences:
        if experience_visible(level, experience):
            result.experiences.append(
                DisclosedExperience(
                    area=experience.area_term, description=experience.description, visibility=experience.visibility
                )
            )
        else:
            result.hidden_experience_count += 1
    if result.experiences:
        result.shown.add("experience")
    if result.hidden_experience_count:
        result.hidden.add("experience")
    log_access(viewer=viewer, profile=profile, items=result.shown, context=context, path=path)
    return result
