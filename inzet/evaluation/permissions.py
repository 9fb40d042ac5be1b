"""Who may read an evaluation report: the coordinators of the organisation, and a funder with a live link.

An organisation outside your coordination answers 404 (its report's existence is not revealed);
a team must belong to that organisation. Operators run the platform and do not read reports.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from inzet.accounts.permissions import get_roles
from inzet.evaluation.models import ReportGrant, ReportGrantAccess
from inzet.evaluation.rules import grant_is_open
from inzet.neighbourhood.models import Team
from inzet.organisations.models import Organisation, Role


def report_organisation_ids(user) -> set[int]:
    return get_roles(user).organisation_ids(Role.COORDINATOR)


def require_reporting(user) -> set[int]:
    ids = report_organisation_ids(user)
    if not ids:
        raise PermissionDenied
    return ids


def get_report_organisation(user, pk: int) -> Organisation:
    if pk not in require_reporting(user):
        raise Http404
    return Organisation.objects.get(pk=pk)


def get_team(organisation: Organisation, pk: int | None) -> Team | None:
    if pk is None:
        return None
    team = Team.objects.filter(organisation=organisation, pk=pk).first()
    if team is None:
        raise Http404
    return team


def get_grant_for_coordinator(user, pk: int) -> ReportGrant:
    grant = ReportGrant.objects.filter(pk=pk, organisation_id__in=require_reporting(user)).first()
    if grant is None:
        raise Http404
    return grant


def open_grant(token: str, *, item: str) -> ReportGrant:
    """The grant behind a funder's link if it is live (else 404), with the access logged."""
    grant = ReportGrant.objects.select_related("organisation", "team").filter(token=token).first()
    if grant is None or not grant_is_open(
        revoked=grant.revoked_at is not None, expires_on=grant.expires_on, today=timezone.localdate()
    ):
        raise Http404
    ReportGrantAccess.objects.create(grant=grant, item=item)
    return grant


def story_organisation_ids(user) -> set[int]:
    """Experts and coordinators write stories (a coordinator also on behalf of a resident or partner)."""
    return get_roles(user).organisation_ids(Role.EXPERT, Role.COORDINATOR, Role.TRAINER)


def require_story_writer(user) -> set[int]:
    ids = story_organisation_ids(user)
    if not ids:
        raise PermissionDenied
    return ids


def get_writer_organisation(user, pk: int) -> Organisation:
    if pk not in require_story_writer(user):
        raise Http404
    return Organisation.objects.get(pk=pk)


def _own_or_coordinated(model, user, pk: int, owner_field: str):
    require_story_writer(user)
    from django.db.models import Q

    row = (
        model.objects.filter(pk=pk)
        .filter(Q(**{owner_field: user}) | Q(organisation_id__in=report_organisation_ids(user)))
        .select_related("organisation")
        .first()
    )
    if row is None:
        raise Http404
    return row


def get_story(user, pk: int):
    """The story for its writer or a coordinator of its organisation; 404 for anyone else."""
    from inzet.evaluation.models import Story

    return _own_or_coordinated(Story, user, pk, "submitted_by")


def get_reflection(user, pk: int):
    from inzet.evaluation.models import Reflection

    return _own_or_coordinated(Reflection, user, pk, "author")


def is_coordinator_of(user, organisation_id: int) -> bool:
    return organisation_id in report_organisation_ids(user)
