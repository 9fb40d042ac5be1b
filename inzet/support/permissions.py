"""Who may see and change support data. Used by the pages and the API alike.

- experts: their own talks, check-ins, early conversations and buddy pairs;
- the partner of a talk: that talk, the words included;
- coordinators of the expert's organisation: talks without what was discussed unless the expert
  shares it; low check-ins as a prompt, without the words unless the expert shares them;
  they record early conversations and propose buddies;
- trainers (mentors) of the organisation: the talks list, without what was discussed unless
  they were the partner; no check-ins;
- askers, operators, others: nothing (404).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from inzet.accounts.permissions import get_roles
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Role
from inzet.support.models import BuddyPair, CheckIn, MentorTalk

STAFF = (Role.COORDINATOR, Role.TRAINER)


def staff_org_ids(user) -> set[int]:
    return get_roles(user).organisation_ids(*STAFF)


def coordinator_org_ids(user) -> set[int]:
    return get_roles(user).organisation_ids(Role.COORDINATOR)


def require_support_user(user) -> None:
    """Support pages are for experts, coordinators and trainers: anyone else gets 404."""
    if not get_roles(user).has(Role.EXPERT, *STAFF):
        raise Http404


def own_profile(user) -> ExpertProfile:
    """The person's own expert profile: 403 for other roles, 404 when they have no profile yet."""
    roles = get_roles(user)
    if not roles.has(Role.EXPERT):
        raise PermissionDenied
    try:
        profile = ExpertProfile.objects.select_related("user", "organisation").get(user=user)
    except ExpertProfile.DoesNotExist as exc:
        raise Http404 from exc
    if not roles.has(Role.EXPERT, organisation_id=profile.organisation_id):
        raise Http404
    return profile


def staff_profiles(user) -> QuerySet:
    return ExpertProfile.objects.filter(organisation_id__in=staff_org_ids(user))


def get_profile_for_staff(user, pk: int, *, coordinator: bool = False) -> ExpertProfile:
    """An expert of an organisation the person coordinates or trains (404 otherwise)."""
    org_ids = coordinator_org_ids(user) if coordinator else staff_org_ids(user)
    try:
        return ExpertProfile.objects.select_related("user", "organisation").get(pk=pk, organisation_id__in=org_ids)
    except ExpertProfile.DoesNotExist as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class TalkAccess:
    is_expert: bool
    is_partner: bool
    is_coordinator: bool

    def can_read_discussed(self, talk: MentorTalk) -> bool:
        return self.is_expert or self.is_partner or (self.is_coordinator and talk.shared_with_coordinators)


def visible_talks_q(user) -> Q:
    return Q(expert__user=user) | Q(partner=user) | Q(organisation_id__in=staff_org_ids(user))


def talk_access(user, talk: MentorTalk) -> TalkAccess:
    roles = get_roles(user)
    return TalkAccess(
        is_expert=talk.expert.user_id == user.pk,
        is_partner=talk.partner_id == user.pk,
        is_coordinator=roles.has(Role.COORDINATOR, organisation_id=talk.organisation_id),
    )


def get_talk_for_user(user, pk: int, *, expert_only: bool = False) -> tuple[MentorTalk, TalkAccess]:
    """A talk the person may see (404 otherwise); `expert_only` is for the expert's own choices (403)."""
    try:
        talk = (
            MentorTalk.objects.select_related("expert__user", "partner", "organisation")
            .filter(visible_talks_q(user))
            .get(pk=pk)
        )
    except MentorTalk.DoesNotExist as exc:
        raise Http404 from exc
    access = talk_access(user, talk)
    if expert_only and not access.is_expert:
        raise PermissionDenied
    return talk, access


def words_visible(user, check_in: CheckIn) -> bool:
    """The words of a check-in: the expert always; a coordinator of the organisation only when shared."""
    if check_in.expert.user_id == user.pk:
        return True
    return check_in.words_shared and get_roles(user).has(Role.COORDINATOR, organisation_id=check_in.organisation_id)


def get_checkin_for_coordinator(user, pk: int) -> CheckIn:
    try:
        return CheckIn.objects.select_related("expert__user").get(pk=pk, organisation_id__in=coordinator_org_ids(user))
    except CheckIn.DoesNotExist as exc:
        raise Http404 from exc


def get_pair_for_member(user, pk: int) -> BuddyPair:
    """A buddy pair the person is one of (404 otherwise)."""
    try:
        return BuddyPair.objects.select_related("first__user", "second__user").get(
            Q(first__user=user) | Q(second__user=user), pk=pk
        )
    except BuddyPair.DoesNotExist as exc:
        raise Http404 from exc
