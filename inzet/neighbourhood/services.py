"""Every write of the neighbourhood app. Keyword-only; idempotent against a double click."""

import datetime
import json
import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from inzet.accounts.models import User
from inzet.lib.mail import send_mail_later
from inzet.neighbourhood import consent as consent_rules
from inzet.neighbourhood import rules
from inzet.neighbourhood.models import (
    Closure,
    Consent,
    Contact,
    DropInHour,
    Partner,
    PartnerMessage,
    QuestionForm,
    QuestionFormRow,
    Referral,
    Resident,
    Review,
    ReviewRow,
    Team,
    TeamMember,
    Trajectory,
)
from inzet.network.models import Partner as MapEntry
from inzet.organisations.models import Organisation


def ensure_writable(trajectory: Trajectory) -> None:
    """An anonymised trajectory is read-only: nothing may be written back into it."""
    if trajectory.anonymised_at is not None:
        raise PermissionDenied("anonymised trajectory")


def team_create(
    *, organisation: Organisation, name: str, area: str = "", postcode_ranges: str = "", form: str = ""
) -> Team:
    return Team.objects.create(
        organisation=organisation,
        name=name,
        area=area,
        postcode_ranges=postcode_ranges,
        form=form or Team.Form.OWN_LOCATION,
    )


def team_member_add(*, team: Team, user: User, role: str = TeamMember.Role.EXPERT) -> TeamMember:
    member, _created = TeamMember.objects.update_or_create(
        team=team, user=user, defaults={"role": role, "is_active": True}
    )
    return member


@transaction.atomic
def first_contact_register(
    *,
    team: Team,
    by: User,
    request_key: uuid.UUID,
    channel: str,
    referrer: str = "",
    question: str = "",
    name: str = "",
    reach: str = "",
    opened_on: datetime.date | None = None,
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


@transaction.atomic
def question_form_save(
    *, trajectory: Trajectory, name: str = "", filled_on: datetime.date | None = None, rows: dict[str, tuple[str, str]]
) -> QuestionForm:
    """Store Form 1. Saving the same content twice changes nothing; empty rows are not kept."""
    ensure_writable(trajectory)
    form, _created = QuestionForm.objects.select_for_update().get_or_create(trajectory=trajectory)
    form.name, form.filled_on = name, filled_on
    form.save()
    form.rows.exclude(topic__in=[topic for topic, (now, wish) in rows.items() if now or wish]).delete()
    for topic, (now, wish) in rows.items():
        if now or wish:
            QuestionFormRow.objects.update_or_create(form=form, topic=topic, defaults={"now": now, "wish": wish})
    return form


def contact_log(
    *,
    trajectory: Trajectory,
    by: User,
    request_key: uuid.UUID,
    on: datetime.date,
    kind: str,
    minutes: int | None = None,
    note: str = "",
    domain: str = "",
) -> tuple[Contact, bool]:
    """Log one contact. The same request_key (a double click, a retry) logs it once."""
    ensure_writable(trajectory)
    return Contact.objects.get_or_create(
        request_key=request_key,
        defaults={
            "trajectory": trajectory,
            "by": by,
            "on": on,
            "kind": kind,
            "minutes": minutes,
            "note": note,
            "domain": domain,
        },
    )


@transaction.atomic
def closure_save(
    *, trajectory: Trajectory, fields: dict, actions: dict[str, str], closed_on: datetime.date | None = None
) -> Closure:
    """Store the closure report and close the trajectory. Saving again overwrites: no duplicates."""
    ensure_writable(trajectory)
    closure, _created = Closure.objects.select_for_update().get_or_create(trajectory=trajectory)
    for name, value in fields.items():
        setattr(closure, name, value)
    closure.actions = json.dumps(actions, ensure_ascii=False) if actions else ""
    closure.save()
    Trajectory.objects.filter(pk=trajectory.pk).update(
        closed_on=closed_on or trajectory.closed_on or timezone.localdate()
    )
    trajectory.refresh_from_db(fields=["closed_on"])
    return closure


def contact_counts(trajectory: Trajectory) -> dict[str, int]:
    """Question 4 of Form 3, from the log: how often by phone, how often live. One query."""
    counts = dict(trajectory.contacts.order_by().values("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    return {"phone": counts.get("phone", 0), "in_person": counts.get("in_person", 0)}


@transaction.atomic
def review_save(
    *,
    trajectory: Trajectory,
    months: int,
    by: User,
    filled_on: datetime.date | None = None,
    rows: dict[str, tuple[str, str, int | None, str]],
) -> Review:
    """Store Form 2 for one round (3 or 6 months): per life domain start, now, grade, explanation.

    One review per round: saving again overwrites (a double click changes nothing). Rows left
    completely empty are not kept.
    """
    ensure_writable(trajectory)
    review, _created = Review.objects.select_for_update().get_or_create(trajectory=trajectory, months=months)
    review.filled_on, review.by = filled_on, by
    review.save()
    kept = [topic for topic, values in rows.items() if any(v not in ("", None) for v in values)]
    review.rows.exclude(topic__in=kept).delete()
    for topic in kept:
        start, now, grade, explanation = rows[topic]
        ReviewRow.objects.update_or_create(
            review=review,
            topic=topic,
            defaults={"start": start, "now": now, "grade": grade, "explanation": explanation},
        )
    return review


def partner_add(*, team: Team, name: str, kind: str = "", email: str = "") -> tuple[Partner, bool]:
    """Add a partner to the team. The same name twice (a double click) adds it once."""
    return Partner.objects.get_or_create(
        team=team, name=name.strip(), defaults={"kind": kind or Partner.Kind.OTHER, "email": email}
    )


def partner_from_map(*, team: Team, entry: MapEntry) -> tuple[Partner, bool]:
    """Add an organisation from the social map (network.Partner) as a partner of the team, linked to
    its map entry. Picking it twice (a double click) adds it once."""
    partner, created = Partner.objects.get_or_create(
        team=team,
        name=entry.name.strip(),
        defaults={"kind": Partner.Kind.OTHER, "email": entry.email, "map_entry": entry},
    )
    if not created and partner.map_entry_id is None:
        partner.map_entry = entry
        partner.save(update_fields=["map_entry"])
    return partner, created


def consent_record(
    *,
    trajectory: Trajectory,
    partner: Partner,
    by: User,
    request_key: uuid.UUID,
    purpose: str,
    given_on: datetime.date | None = None,
) -> tuple[Consent, bool]:
    """Record the resident's consent to share with one partner for one purpose: who, when, for what."""
    ensure_writable(trajectory)
    if partner.team_id != trajectory.team_id:
        raise PermissionDenied("partner of another team")
    return Consent.objects.get_or_create(
        request_key=request_key,
        defaults={
            "trajectory": trajectory,
            "partner": partner,
            "purpose": purpose,
            "given_on": given_on or timezone.localdate(),
            "recorded_by": by,
        },
    )


@transaction.atomic
def consent_revoke(*, consent: Consent, by: User) -> bool:
    """Revoke a consent, at once. Revoking twice changes nothing. True when this call revoked it.

    The partner also leaves every case meeting of this trajectory still to come.
    """
    from inzet.neighbourhood.casework import partners_drop_on_revoke  # casework builds on this module

    revoked = bool(
        Consent.objects.filter(pk=consent.pk, revoked_at__isnull=True).update(revoked_at=timezone.now(), revoked_by=by)
    )
    if revoked and not consent_rules.may_share(consent.trajectory, consent.partner):
        partners_drop_on_revoke(trajectory=consent.trajectory, partner=consent.partner)
    return revoked


@transaction.atomic
def partner_message_send(
    *, trajectory: Trajectory, partner: Partner, by: User, request_key: uuid.UUID, text: str
) -> tuple[PartnerMessage, bool]:
    """Send information to a partner: only under a live consent (checked and locked now); mail on commit."""
    ensure_writable(trajectory)
    existing = PartnerMessage.objects.filter(request_key=request_key).first()
    if existing:
        return existing, False
    consent = consent_rules.require(trajectory, partner, lock=True)
    message = PartnerMessage.objects.create(
        trajectory=trajectory, partner=partner, consent=consent, text=text, by=by, request_key=request_key
    )
    if partner.email:
        context = {
            "team": trajectory.team.name,
            "partner": partner.name,
            "text": text,
            "sender": getattr(by, "full_name", ""),
            "reply_to": getattr(by, "email", ""),
        }
        transaction.on_commit(
            lambda: send_mail_later(to=[partner.email], template="neighbourhood/mail/partner_message", context=context)
        )
    return message, True


class ReferralRefused(Exception):
    """Too many referrals for this team in the last hour: the public form asks to try later."""


@transaction.atomic
def referral_submit(
    *,
    team: Team,
    request_key: uuid.UUID,
    partner_name: str,
    partner_kind: str,
    referrer_contact: str = "",
    resident_name: str = "",
    resident_reach: str = "",
    question: str = "",
    resident_consents: bool,
) -> tuple[Referral, bool]:
    """A referral from the public form into the team's queue. The same request_key submits once."""
    existing = Referral.objects.filter(request_key=request_key).first()
    if existing:
        return existing, False
    recent = Referral.objects.filter(team=team, received_at__gte=timezone.now() - datetime.timedelta(hours=1))
    if rules.referral_flood(received_last_hour=recent.count()):
        raise ReferralRefused
    referral = Referral.objects.create(
        team=team,
        request_key=request_key,
        partner_name=partner_name,
        partner_kind=partner_kind,
        referrer_contact=referrer_contact,
        resident_name=resident_name,
        resident_reach=resident_reach,
        question=question,
        resident_consents=resident_consents,
    )
    return referral, True


@transaction.atomic
def referral_take_on(*, referral: Referral, by: User) -> Trajectory:
    """Take a referral on: the first contact and trajectory are made from it. Twice gives the same one."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.trajectory_id and referral.trajectory is not None:
        return referral.trajectory
    if referral.status != Referral.Status.NEW:
        raise PermissionDenied("referral already declined")
    trajectory, _created = first_contact_register(
        team=referral.team,
        by=by,
        # Derived from the referral, so a retry after a crash finds the same trajectory.
        request_key=uuid.uuid5(referral.request_key, "take_on"),
        channel=Trajectory.Channel.REFERRAL,
        referrer=referral.partner_name,
        question=referral.question,
        name=referral.resident_name,
        reach=referral.resident_reach,
    )
    Referral.objects.filter(pk=referral.pk).update(
        status=Referral.Status.TAKEN_ON, decided_at=timezone.now(), decided_by=by, trajectory=trajectory
    )
    return trajectory


@transaction.atomic
def referral_decline(*, referral: Referral, by: User, reason: str) -> bool:
    """Decline a new referral with a reason. Only a new one; True when this call declined it."""
    return bool(
        Referral.objects.filter(pk=referral.pk, status=Referral.Status.NEW).update(
            status=Referral.Status.DECLINED, decided_at=timezone.now(), decided_by=by, decline_reason=reason
        )
    )


def drop_in_add(
    *, team: Team, place: str, weekday: int, starts: datetime.time, ends: datetime.time, **fields: object
) -> tuple[DropInHour, bool]:
    """Add a weekly drop-in hour. The same place, day and start twice (a double click) adds it once."""
    return DropInHour.objects.get_or_create(
        team=team, place=place.strip(), weekday=weekday, starts=starts, defaults={"ends": ends, **fields}
    )
