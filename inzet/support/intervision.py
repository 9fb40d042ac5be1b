"""Regional intervisie: groups across organisations in a region (004 l.1608-1612).

Who may do and see what (pages and API alike):
- coordinators and trainers of any deploying organisation see the groups (name, region, who
  organises, who facilitates, which organisations take part) — never another organisation's experts;
- a coordinator decides whether their organisation takes part;
- an expert of a taking-part organisation joins or leaves themselves, and chooses whether the other
  members may see their name;
- the facilitator sees every member (joining says so) and records attendance of the sessions;
  a coordinator sees the members and attendance of their own organisation only;
- askers, operators and everyone else: 404.
"""

import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.organisations.models import Organisation, Role
from inzet.support.meetings import seats_invite
from inzet.support.models import GroupMember, GroupOrganisation, IntervisionGroup, Meeting, MeetingKind
from inzet.support.permissions import STAFF, staff_org_ids
from inzet.support.services import _once


def _own_profile(user) -> ExpertProfile | None:
    return ExpertProfile.objects.filter(user=user).first() if get_roles(user).has(Role.EXPERT) else None


def groups_for(user) -> QuerySet:
    """Staff see every group (a regional offer); experts the groups their organisation takes part in."""
    groups = IntervisionGroup.objects.select_related("host", "facilitator").annotate(
        organisation_count=Count("organisations", distinct=True)
    )
    if staff_org_ids(user):
        return groups
    profile = _own_profile(user)
    if profile is None:
        return groups.none()
    return groups.filter(organisations__organisation_id=profile.organisation_id)


def get_group_for_user(user, pk: int) -> IntervisionGroup:
    try:
        return groups_for(user).get(pk=pk)
    except IntervisionGroup.DoesNotExist as exc:
        raise Http404 from exc


def takes_part(group: IntervisionGroup, organisation_id: int) -> bool:
    return GroupOrganisation.objects.filter(group=group, organisation_id=organisation_id).exists()


def can_plan(user, group: IntervisionGroup) -> bool:
    return user.pk == group.facilitator_id or get_roles(user).has(Role.COORDINATOR, organisation_id=group.host_id)


@dataclass
class MemberView:
    names: list[str]  # the members this person may see by name
    others: int  # everyone else, only as a number


def members_for(user, group: IntervisionGroup) -> MemberView:
    """The facilitator sees all; a coordinator/trainer their own organisation; an expert who is a
    member sees the names others chose to show. Everyone else: only the number."""
    members = list(group.members.select_related("expert__user").order_by("expert__user__full_name"))
    if user.pk == group.facilitator_id:
        visible = members
    else:
        own_orgs = staff_org_ids(user)
        is_member = any(m.expert.user_id == user.pk for m in members)
        visible = [
            m
            for m in members
            if m.expert.organisation_id in own_orgs or m.expert.user_id == user.pk or (is_member and m.name_visible)
        ]
    return MemberView([m.expert.user.full_name for m in visible], len(members) - len(visible))


# --- writes ----------------------------------------------------------------------------------------


@transaction.atomic
def group_create(
    *,
    actor: User,
    host: Organisation,
    name: str,
    region: str,
    description: str = "",
    facilitator: User,
    nonce: str,
) -> IntervisionGroup:
    existing = _once(IntervisionGroup, nonce)
    if existing is not None:
        return existing
    if not get_roles(actor).has(*STAFF, organisation_id=host.pk):
        raise PermissionDenied
    if not get_roles(facilitator).has(*STAFF, organisation_id=host.pk):
        raise ValidationError({"facilitator": [_("Kies een trainer of coördinator van de organisatie.")]})
    if not name.strip() or not region.strip():
        raise ValidationError(_("Geef de groep een naam en een regio."))
    try:
        with transaction.atomic():
            group = IntervisionGroup.objects.create(
                name=name.strip(),
                region=region.strip(),
                description=description.strip(),
                host=host,
                facilitator=facilitator,
                created_by=actor,
                nonce=nonce,
            )
    except IntegrityError:
        return IntervisionGroup.objects.get(nonce=nonce)
    GroupOrganisation.objects.create(group=group, organisation=host, joined_by=actor)
    return group


@transaction.atomic
def organisation_take_part(*, actor: User, group: IntervisionGroup, organisation: Organisation, on: bool) -> bool:
    """A coordinator says whether their organisation takes part. Leaving also ends its members' seats
    in the group (their past attendance stays). Twice is harmless."""
    if not get_roles(actor).has(Role.COORDINATOR, organisation_id=organisation.pk):
        raise PermissionDenied
    if organisation.kind != Organisation.Kind.DEPLOYING:
        raise ValidationError(_("Alleen organisaties die ervaringsdeskundigen inzetten doen mee."))
    if on:
        GroupOrganisation.objects.get_or_create(group=group, organisation=organisation, defaults={"joined_by": actor})
        return True
    if organisation.pk == group.host_id:
        raise ValidationError(_("De organisatie die de groep organiseert, doet altijd mee."))
    GroupOrganisation.objects.filter(group=group, organisation=organisation).delete()
    GroupMember.objects.filter(group=group, expert__organisation=organisation).delete()
    return False


@transaction.atomic
def member_set(*, actor: User, group: IntervisionGroup, join: bool, name_visible: bool = False) -> GroupMember | None:
    """The expert joins (or changes what others see) or leaves. Nobody joins someone else."""
    profile = _own_profile(actor)
    if profile is None:
        raise PermissionDenied
    if not join:
        GroupMember.objects.filter(group=group, expert=profile).delete()
        return None
    if not takes_part(group, profile.organisation_id):
        raise ValidationError(_("Uw organisatie doet niet mee met deze groep."))
    member, _created = GroupMember.objects.update_or_create(
        group=group, expert=profile, defaults={"name_visible": name_visible}
    )
    return member


@transaction.atomic
def session_plan(
    *, actor: User, group: IntervisionGroup, title: str, starts_at, ends_at, location: str = "", nonce: str
) -> Meeting:
    """A session of the group: its members (active, not paused) are invited, across organisations."""
    existing = _once(Meeting, nonce)
    if existing is not None:
        return existing
    if not can_plan(actor, group):
        raise PermissionDenied
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("Het einde ligt vóór het begin. Kies een eindtijd na de begintijd.")]})
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                organisation=group.host,
                group=group,
                kind=MeetingKind.INTERVISION,
                title=title.strip() or group.name,
                starts_at=starts_at,
                ends_at=ends_at,
                location=location.strip(),
                facilitator=group.facilitator,
                planned_by=actor,
                uid=uuid.uuid4(),
                nonce=nonce,
            )
    except IntegrityError:
        return Meeting.objects.get(nonce=nonce)
    experts = [
        m.expert
        for m in group.members.select_related("expert__user").filter(
            expert__status=ExpertStatus.ACTIVE, expert__paused=False
        )
    ]
    seats_invite(meeting=meeting, experts=experts)
    return meeting


def seat_orgs(user, meeting: Meeting) -> set[int] | None:
    """Whose seats of a meeting the person sees: None = all (the facilitator; staff of the
    organisation for its own meetings); otherwise these organisations' experts only."""
    from inzet.support.meetings import is_staff_of

    if meeting.group_id is None:
        return None if is_staff_of(user, meeting) else set()
    if user.pk == meeting.facilitator_id:
        return None
    return set(
        GroupOrganisation.objects.filter(
            Q(organisation_id__in=staff_org_ids(user)), group_id=meeting.group_id
        ).values_list("organisation_id", flat=True)
    )
