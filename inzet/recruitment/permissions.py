"""Fetch-and-authorise helpers for recruitment, used by the pages and the API alike.

Built on inzet.accounts.permissions.get_roles. Coordinators run recruitment; trainers take part in
selection (they may view applications and record decisions). Everyone else gets 404 for
applications; members of the organisation without those roles get 403 for its recruitment pages.
The platform operator is left out on purpose: applications are not theirs to read.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from inzet.accounts.permissions import get_roles
from inzet.organisations.models import Organisation, Role
from inzet.recruitment.models import Application

SELECTION_ROLES = (Role.COORDINATOR, Role.TRAINER)


def selection_organisation_ids(user) -> set[int]:
    """Organisations whose applications this person may read."""
    return get_roles(user).organisation_ids(*SELECTION_ROLES)


def get_recruiting_organisation(user, slug: str, *, manage: bool = False) -> Organisation:
    """A deploying organisation the person belongs to (404 otherwise).

    Reading needs coordinator or trainer; `manage` (page, pipeline, entering applications) needs
    coordinator. Other members get 403.
    """
    roles = get_roles(user)
    organisation = Organisation.objects.filter(slug=slug, kind=Organisation.Kind.DEPLOYING).first()
    if organisation is None or organisation.pk not in roles.organisation_ids():
        raise Http404
    needed = (Role.COORDINATOR,) if manage else SELECTION_ROLES
    if not roles.has(*needed, organisation_id=organisation.pk):
        raise PermissionDenied
    return organisation


def get_application_for_user(user, pk: int, *, slug: str | None = None, manage: bool = False) -> Application:
    """An application of an organisation where the person is coordinator or trainer (404 otherwise).

    `manage` (withdrawing) needs coordinator; a trainer gets 403.
    """
    roles = get_roles(user)
    queryset = Application.objects.select_related("organisation", "current_stage", "entered_by")
    if slug is not None:
        queryset = queryset.filter(organisation__slug=slug)
    application = queryset.filter(pk=pk).first()
    if application is None or not roles.has(*SELECTION_ROLES, organisation_id=application.organisation_id):
        raise Http404
    if manage and not roles.has(Role.COORDINATOR, organisation_id=application.organisation_id):
        raise PermissionDenied
    return application
