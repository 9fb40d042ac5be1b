"""Every write of the neighbourhood app. Keyword-only; idempotent against a double click."""

import uuid

from django.db import transaction
from django.utils import timezone

from inzet.neighbourhood.models import Resident, Team, TeamMember, Trajectory


def team_create(*, organisation, name: str, area: str = "", postcode_ranges: str = "", form: str = "") -> Team:
    return Team.objects.create(
        organisation=organisation,
        name=name,
        area=area,
        postcode_ranges=postcode_ranges,
        form=form or Team.Form.OWN_LOCATION,
    )


def team_member_add(*, team: Team, user, role: str = TeamMember.Role.EXPERT) -> TeamMember:
    member, _created = TeamMember.objects.update_or_create(
        team=team, user=user, defaults={"role": role, "is_active": True}
    )
    return member


@transaction.atomic
def first_contact_register(
    *,
    team: Team,
    by,
    request_key: uuid.UUID,
    channel: str,
    referrer: str = "",
    question: str = "",
    name: str = "",
    reach: str = "",
    opened_on=None,
) -> tuple[Trajectory, bool]:
    """A resident and their trajectory in one step. The same request_key returns the first result."""
    existing = Trajectory.objects.filter(request_key=request_key).first()
    if existing:
        return existing, False
    resident = Resident.objects.create(team=team, name=name, reach=reach)
    trajectory = Trajectory.objects.create(
        team=team,
        resident=resident,
        channel=channel,
        referrer=referrer,
        question=question,
        opened_on=opened_on or timezone.localdate(),
        created_by=by,
        request_key=request_key,
    )
    if TeamMember.objects.filter(team=team, user=by, role=TeamMember.Role.EXPERT, is_active=True).exists():
        trajectory.experts.add(by)
    return trajectory, True
