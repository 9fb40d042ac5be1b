"""Writes of the evaluation app: funder links, stories with consent, reflections."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.evaluation.models import Reflection, ReportGrant, Story
from inzet.neighbourhood.models import Team
from inzet.organisations.models import Organisation
from inzet.support.models import Meeting

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
        raise ValidationError(
            {"period_end": _("Het einde van de periode ligt vóór het begin. Kies een latere einddatum.")}
        )
    if expires_on < today:
        raise ValidationError({"expires_on": _("Kies een datum vanaf vandaag.")})
    if expires_on > today + dt.timedelta(days=MAX_LINK_DAYS):
        raise ValidationError({"expires_on": _("Een link werkt hoogstens een jaar.")})
    if team is not None and team.organisation_id != organisation.pk:
        raise ValidationError(
            {"team": _("Dit wijkteam hoort niet bij deze organisatie. Kies een wijkteam uit de lijst.")}
        )
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


@transaction.atomic
def story_submit(
    *,
    organisation: Organisation,
    by: User,
    request_key: uuid.UUID,
    teller: str,
    title: str,
    text: str,
    anonymous: bool,
    name_shown: str,
    for_report: bool,
    for_website: bool,
) -> Story:
    """Record a story with its consent. The same request_key (a double click, a retry) records it once."""
    existing = Story.objects.filter(request_key=request_key).first()
    if existing is not None:
        return existing
    if not (for_report or for_website):
        raise ValidationError(_("Kies waarvoor het verhaal gebruikt mag worden."))
    if not text.strip():
        raise ValidationError({"text": _("Schrijf het verhaal op.")})
    return Story.objects.create(
        organisation=organisation,
        submitted_by=by,
        teller=teller,
        title=title.strip(),
        text=text.strip(),
        anonymous=anonymous,
        name_shown="" if anonymous else name_shown.strip(),
        for_report=for_report,
        for_website=for_website,
        consent_at=timezone.now(),
        request_key=request_key,
    )


@transaction.atomic
def story_approve(*, story: Story, by: User) -> Story:
    """A coordinator checks the story (no names or health details that identify someone) before it is used."""
    if by.pk == story.submitted_by_id:
        raise ValidationError(_("U schreef dit verhaal zelf. Een andere coördinator moet het goedkeuren."))
    Story.objects.filter(pk=story.pk, approved_at__isnull=True, withdrawn_at__isnull=True).update(
        approved_at=timezone.now(), approved_by=by
    )
    story.refresh_from_db()
    return story


@transaction.atomic
def story_withdraw(*, story: Story) -> Story:
    """Consent withdrawn: the text goes at once, the story leaves every report; the consent record stays."""
    Story.objects.filter(pk=story.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), title="", text="", name_shown=""
    )
    story.refresh_from_db()
    return story


@transaction.atomic
def reflection_record(
    *,
    organisation: Organisation,
    by: User,
    request_key: uuid.UUID,
    occasion: str,
    meeting: Meeting | None,
    held_on: dt.date,
    went_well: str,
    was_hard: str,
    we_learn: str,
) -> Reflection:
    existing = Reflection.objects.filter(request_key=request_key).first()
    if existing is not None:
        return existing
    if meeting is not None and meeting.organisation_id != organisation.pk:
        raise ValidationError(
            {"meeting": _("Deze bijeenkomst hoort niet bij deze organisatie. Kies een bijeenkomst uit de lijst.")}
        )
    if held_on > timezone.localdate():
        raise ValidationError(
            {
                "held_on": _(
                    "Een terugblik gaat over iets dat al gebeurd is. Kies vandaag of een datum die al geweest is."
                )
            }
        )
    return Reflection.objects.create(
        organisation=organisation,
        author=by,
        occasion=occasion,
        meeting=meeting,
        held_on=held_on,
        went_well=went_well.strip(),
        was_hard=was_hard.strip(),
        we_learn=we_learn.strip(),
        request_key=request_key,
    )
