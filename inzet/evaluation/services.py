"""Writes of the evaluation app: a funder's link to one report, and its revocation."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.evaluation.models import ReportGrant
from inzet.neighbourhood.models import Team
from inzet.organisations.models import Organisation

MAX_LINK_DAYS = 366


@transaction.atomic
def grant_create(
    *,
    organisation: Organisation,
    team: Team | None,
    funder: str,
    period_start: dt.date,
    period_end: dt.date,
    expires_on: dt.date,
    by: User,
) -> ReportGrant:
    today = timezone.localdate()
    if period_end < period_start:
        raise ValidationError({"period_end": _("Het einde van de periode ligt vóór het begin.")})
    if expires_on < today:
        raise ValidationError({"expires_on": _("Kies een datum vanaf vandaag.")})
    if expires_on > today + dt.timedelta(days=MAX_LINK_DAYS):
        raise ValidationError({"expires_on": _("Een link werkt hoogstens een jaar.")})
    if team is not None and team.organisation_id != organisation.pk:
        raise ValidationError({"team": _("Dit wijkteam hoort niet bij deze organisatie.")})
    if not funder.strip():
        raise ValidationError({"funder": _("Vul de naam van de financier in.")})
    return ReportGrant.objects.create(
        organisation=organisation,
        team=team,
        funder=funder.strip(),
        period_start=period_start,
        period_end=period_end,
        expires_on=expires_on,
        created_by=by,
    )


@transaction.atomic
def grant_revoke(*, grant: ReportGrant, by: User) -> ReportGrant:
    """Revoke the link. Revoking twice (a double click) leaves the first revocation as it was."""
    ReportGrant.objects.filter(pk=grant.pk, revoked_at__isnull=True).update(revoked_at=timezone.now(), revoked_by=by)
    grant.refresh_from_db()
    return grant
