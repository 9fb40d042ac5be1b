"""Write flows of matching. Inviting one expert is engagements.services.invitation_create itself."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.engagements.services import invitation_create
from inzet.experts.models import ExpertProfile

# Someone with an open or accepted invitation is not invited again.
_ALREADY = (Invitation.State.PENDING, Invitation.State.ACCEPTED)


@dataclass(frozen=True)
class TeamInvited:
    invited: list[ExpertProfile]
    skipped: list[ExpertProfile]  # already invited or already said yes


@transaction.atomic
def team_invite(
    *, engagement: EngagementRequest, experts: list[ExpertProfile], actor: User, message: str = ""
) -> TeamInvited:
    """Invite the whole proposed team at once: all or nothing.

    Refuses the lot when the coordinator is among them (docs/domain/request-loop.md#independence); engagements'
    invitation_create checks that again for every person, with the organisation, the request's
    state and the expert's consent and pause.
    """
    if any(expert.user_id == actor.pk for expert in experts):
        raise PermissionDenied(_("U kunt uzelf niet voorstellen of inzetten."))
    already = set(
        Invitation.objects.filter(request=engagement, expert__in=experts, state__in=_ALREADY).values_list(
            "expert_id", flat=True
        )
    )
    invited, skipped = [], []
    for expert in experts:
        if expert.pk in already:
            skipped.append(expert)
            continue
        invitation_create(engagement=engagement, expert=expert, actor=actor, message=message)
        invited.append(expert)
    return TeamInvited(invited=invited, skipped=skipped)
