"""Who may read and write which conversation. Used by the pages and the API alike.

- The shared thread of a request: the asker's people, the organisation's coordinators and
  trainers (engagements' `get_request_for_user`) and the experts who said yes. An expert who is
  only invited does not see it (404): they see only what concerns their own invitation.
- The private thread of an invitation: the invited expert (while the invitation is open or
  accepted) and the organisation's coordinators and trainers. The asker never sees it (404).
- Trainers read along and may not write (403). A request that was never submitted has no
  conversation yet (404): the organisation cannot see a draft.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from inzet.accounts.permissions import get_roles
from inzet.conversations.models import Thread
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.engagements.permissions import EXPERT_STATES, RequestAccess, get_request_for_user
from inzet.organisations.models import Role

STAFF = (Role.COORDINATOR, Role.TRAINER)


@dataclass(frozen=True)
class ConversationAccess:
    request: EngagementRequest
    invitation: Invitation | None  # set for a private invitation thread
    can_write: bool
    is_asker: bool = False
    is_staff: bool = False

    @property
    def is_shared(self) -> bool:
        return self.invitation is None


def _check_write(access: ConversationAccess, write: bool) -> ConversationAccess:
    if write and not access.can_write:
        raise PermissionDenied
    return access


def shared_access(user, request_pk: int, *, write: bool = False) -> ConversationAccess:
    """The shared thread of a request: 404 for whoever may not read it, 403 for a trainer writing."""
    request, access = get_request_for_user(user, request_pk, allow_expert=True)
    if request.submitted_at is None or not (access.can_read or access.is_accepted_expert):
        raise Http404
    return _check_write(_from_request_access(request, access), write)


def _from_request_access(request: EngagementRequest, access: RequestAccess) -> ConversationAccess:
    return ConversationAccess(
        request=request,
        invitation=None,
        can_write=access.is_asker or access.is_coordinator or access.is_accepted_expert,
        is_asker=access.is_asker,
        is_staff=access.is_staff,
    )


def invitation_access(user, invitation_pk: int, *, write: bool = False) -> ConversationAccess:
    """The private thread of one invitation: the invited expert and the organisation's staff."""
    try:
        invitation = Invitation.objects.select_related(
            "request__asker_organisation", "request__deploying_organisation", "expert__user"
        ).get(pk=invitation_pk)
    except Invitation.DoesNotExist as exc:
        raise Http404 from exc
    request = invitation.request
    roles = get_roles(user)
    if invitation.expert.user_id == user.pk and invitation.state in EXPERT_STATES:
        return ConversationAccess(request=request, invitation=invitation, can_write=True)
    org = request.deploying_organisation_id
    if roles.has(*STAFF, organisation_id=org):
        access = ConversationAccess(
            request=request,
            invitation=invitation,
            can_write=roles.has(Role.COORDINATOR, organisation_id=org),
            is_staff=True,
        )
        return _check_write(access, write)
    raise Http404


def visible_threads(user):
    """Threads the person may read, as one queryset (used as a subquery: no query per thread)."""
    roles = get_roles(user)
    return threads_visible_to(user.pk, roles.organisation_ids(*STAFF), roles.organisation_ids(Role.ASKER))


def threads_visible_to(user_id: int, staff_orgs, asker_orgs):
    """visible_threads for a person given by id and organisation ids (so the query can be compiled
    once and reused with other values: conversations.selectors.unread_counts)."""
    accepted = Invitation.objects.filter(expert__user_id=user_id, state=Invitation.State.ACCEPTED).values("request_id")
    shared = Q(invitation__isnull=True, request__submitted_at__isnull=False) & (
        Q(request__asker_organisation_id__in=asker_orgs)
        | Q(request__deploying_organisation_id__in=staff_orgs)
        | Q(request_id__in=accepted)
    )
    private = Q(invitation__isnull=False) & (
        Q(request__deploying_organisation_id__in=staff_orgs)
        | Q(invitation__expert__user_id=user_id, invitation__state__in=EXPERT_STATES)
    )
    return Thread.objects.filter(shared | private)
