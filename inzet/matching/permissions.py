"""Who may use matching for a request. Built on inzet/engagements/permissions.py.

Rankings show what experts share with coordinators, so they are for the deploying organisation's
own staff only: its coordinators (who may invite) and trainers (read-only). Everyone else gets
404, also the asker of the request: the ranking is not theirs to know about.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from inzet.engagements.models import EngagementRequest
from inzet.engagements.permissions import RequestAccess, get_request_for_user
from inzet.matching.selectors import with_policy


def get_request_for_matching(user, pk: int, *, write: bool = False) -> tuple[EngagementRequest, RequestAccess]:
    """The request and the person's access: 404 unless staff of its organisation, 403 for a trainer who writes."""
    queryset = with_policy(EngagementRequest.objects.select_related("area"))
    request, access = get_request_for_user(user, pk, queryset=queryset)
    if not access.is_staff:
        raise Http404
    if write and not access.is_coordinator:
        raise PermissionDenied
    return request, access
