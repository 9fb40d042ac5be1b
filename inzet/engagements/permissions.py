"""Who may see and change a request. Used by the views and the API alike.

Built on inzet/accounts/permissions.py: 404 for what a person may not know exists, 403 for what
they may see but not change.

- askers: the requests of their own asker organisation (drafts included);
- coordinators: requests addressed to their organisation, once submitted (a draft is the asker's);
- trainers: the same as coordinators, read-only;
- experts: only through their own invitation (see `get_invitation_for_expert`); some pages
  (attachments, the calendar) also let an invited expert in with `allow_expert=True`.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from inzet.accounts.permissions import get_roles
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Role

ASKER = "asker"
COORDINATOR = "coordinator"
# Invitation states that let an expert see the request behind it.
EXPERT_STATES = (Invitation.State.PENDING, Invitation.State.ACCEPTED)


@dataclass(frozen=True)
class RequestAccess:
    is_asker: bool = False
    is_coordinator: bool = False
    is_trainer: bool = False
    invitation: Invitation | None = None

    @property
    def is_staff(self) -> bool:
        """Coordinator or trainer of the deploying organisation: sees the whole request."""
        return self.is_coordinator or self.is_trainer

    @property
    def can_read(self) -> bool:
        return self.is_asker or self.is_staff

    @property
    def is_accepted_expert(self) -> bool:
        return self.invitation is not None and self.invitation.state == Invitation.State.ACCEPTED


def access_for(user, engagement: EngagementRequest) -> RequestAccess:
    roles = get_roles(user)
    submitted = engagement.submitted_at is not None
    invitation = None
    if roles.has(Role.EXPERT):
        invitation = (
            Invitation.objects.filter(request=engagement, expert__user=user, state__in=EXPERT_STATES)
            .select_related("expert")
            .first()
        )
    return RequestAccess(
        is_asker=roles.has(Role.ASKER, organisation_id=engagement.asker_organisation_id),
        is_coordinator=submitted and roles.has(Role.COORDINATOR, organisation_id=engagement.deploying_organisation_id),
        is_trainer=submitted and roles.has(Role.TRAINER, organisation_id=engagement.deploying_organisation_id),
        invitation=invitation,
    )


def get_request_for_user(
    user, pk: int, *, need: str | None = None, allow_expert: bool = False, queryset: QuerySet | None = None
) -> tuple[EngagementRequest, RequestAccess]:
    """The request and what the person may do with it.

    404 when they may not see it; 403 when `need` ("asker" or "coordinator") is not their part.
    """
    queryset = queryset if queryset is not None else EngagementRequest.objects.all()
    try:
        request = queryset.select_related("asker_organisation", "deploying_organisation").get(pk=pk)
    except EngagementRequest.DoesNotExist as exc:
        raise Http404 from exc
    access = access_for(user, request)
    if not (access.can_read or (allow_expert and access.invitation is not None)):
        raise Http404
    if need == ASKER and not access.is_asker:
        raise PermissionDenied
    if need == COORDINATOR and not access.is_coordinator:
        raise PermissionDenied
    return request, access


def asker_requests(user) -> QuerySet:
    org_ids = get_roles(user).organisation_ids(Role.ASKER)
    return EngagementRequest.objects.filter(asker_organisation_id__in=org_ids)


def received_requests(user) -> QuerySet:
    """Requests addressed to the person's organisations as coordinator or trainer, once submitted."""
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR, Role.TRAINER)
    return EngagementRequest.objects.filter(deploying_organisation_id__in=org_ids, submitted_at__isnull=False)


def visible_requests_q(user) -> Q:
    roles = get_roles(user)
    return Q(asker_organisation_id__in=roles.organisation_ids(Role.ASKER)) | Q(
        deploying_organisation_id__in=roles.organisation_ids(Role.COORDINATOR, Role.TRAINER),
        submitted_at__isnull=False,
    )


def get_invitation_for_expert(user, pk: int) -> Invitation:
    """The person's own invitation; anyone else's is 404, also for coordinators (they use the request page)."""
    try:
        return Invitation.objects.select_related(
            "request__asker_organisation", "request__deploying_organisation", "expert__user"
        ).get(pk=pk, expert__user=user)
    except Invitation.DoesNotExist as exc:
        raise Http404 from exc


def get_invitable_expert(engagement: EngagementRequest, expert_pk: int) -> ExpertProfile:
    """An expert of the organisation that deploys for the request; any other expert is 404."""
    expert = (
        ExpertProfile.objects.filter(pk=expert_pk, organisation_id=engagement.deploying_organisation_id)
        .select_related("user")
        .first()
    )
    if expert is None:
        raise Http404
    return expert
