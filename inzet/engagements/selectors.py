from inzet.accounts.permissions import get_roles
from inzet.engagements.models import Invitation, RequestStatus
from inzet.organisations.models import Role

# Once an expert said yes, the asker of that request may see what the expert shares with askers.
_SHARED_STATES = {RequestStatus.MATCHING, RequestStatus.AGREED, RequestStatus.RUNNING, RequestStatus.COMPLETED}


def accepted_expert_ids_for_asker(viewer) -> list[int]:
    org_ids = get_roles(viewer).organisation_ids(Role.ASKER)
    if not org_ids:
        return []
    return list(
        Invitation.objects.filter(
            state=Invitation.State.ACCEPTED,
            request__asker_organisation_id__in=org_ids,
            request__status__in=_SHARED_STATES,
        )
        .values_list("expert_id", flat=True)
        .distinct()
    )
